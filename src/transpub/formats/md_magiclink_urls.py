"""Bare URLs as far as MkDocs' magiclink (pymdownx.magiclink) links them, where it ends them before
GFM's autolinks do: at a ``*``.

GFM runs a URL on to the next space through a ``*``: ``https://a.org*了解`` was one placeholder (the
translators never saw 了解), and ``https://a.org/*了*`` the URL ``https://a.org/*了`` and a ``*``,
where magiclink links ``https://a.org/`` and shows an emphasised 了. Read for MkDocs (see
:attr:`~transpub.formats.options.ReadOptions.magiclink_urls`), a bare URL ends at its first ``*``
(GFM's trailing punctuation left out again), what follows it text or markup as on MkDocs' page.
"""

from __future__ import annotations

from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline

#: The bare URL rules whose links end at a ``*`` (GFM's, and :mod:`.md_linkify`'s).
_RULES = ("gfm_autolink_www", "gfm_autolink_protocol", "goldmark_linkify_www", "goldmark_linkify_protocol")
#: What GFM leaves out of a URL's end (and magiclink too).
_TRAIL = "?!.,:*_~"


def magiclink_urls(md: MarkdownIt) -> None:
    """End the bare URLs of ``md`` (a parser :mod:`.md_parser` set up for reading) at a ``*``."""
    for rule in md.inline.ruler.__rules__:
        if rule.name in _RULES:
            md.inline.ruler.at(rule.name, _ending_at_asterisk(rule.fn), {"alt": list(rule.alt)})


def magiclink_url_length(url: str) -> int:
    """How much of the bare URL ``url`` (as GFM takes it, as the source writes it; from its scheme's
    ``:`` on or whole) magiclink links (0: none).

    >>> magiclink_url_length("https://a.org*了解"), magiclink_url_length("https://a.org/*了"), magiclink_url_length("https://a.org/x")
    (13, 14, 15)
    """
    cut = url.split("*", 1)[0]
    while cut and cut[-1] in _TRAIL:
        cut = cut[:-1]
    return len(cut) if "." in cut.partition("//")[2] or cut.startswith("www.") else 0


def _ending_at_asterisk(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """Bare URL ``rule``, its link ended where magiclink ends it."""

    def ending(state: StateInline, silent: bool) -> bool:
        count, start = len(state.tokens), state.pos  # (``www.…``, or the ``:`` after a scheme)
        matched = rule(state, silent)
        if not matched or silent:
            return matched
        opening = next((token for token in state.tokens[count:] if token.type == "link_open"), None)
        text = state.tokens[-2] if len(state.tokens) >= count + 3 else None
        if (
            opening is None
            or text is None
            or opening.markup != "autolink"
            or "*" not in state.src[start : state.pos]
        ):
            return True
        # (read in the source: the link's text is decoded, ``%41`` is ``A`` there and ``%2A`` a ``*``)
        www = state.src.startswith("www.", start)
        length = magiclink_url_length(state.src[start : state.pos])
        if length:  # (a URL of no host left, https://localhost*x: as GFM links it)
            cut = ("" if www else text.content.partition(":")[0]) + state.src[start : start + length]
            opening.attrs["href"] = state.md.normalizeLink(("http://" if www else "") + cut)
            text.content = state.md.normalizeLinkText(cut)
            state.pos = start + length
        return True

    return ending
