"""A ``*``, ``_`` or ``~`` that the source writes as it is right after a bare URL Goldmark (Hugo)
ends before it (``https://a.org*了解``, ``https://x.org/t~``), or a ``*`` after one magiclink
(MkDocs) ends before it, which a translation keeping it there writes as the source does.

Read for Hugo or MkDocs (see :attr:`~transpub.formats.options.ReadOptions.goldmark_urls`), the
URL is its placeholder and what follows text to translate; :func:`~transpub.formats.md_escape.escape_markdown`
writes that text's ``*`` ``\\*`` (``~``: ``&#126;``): the page shows the same, but a
pseudo-translation did not write its source. Where the translation's text right after the URL's
placeholder starts with the character the source writes there, it is written as it is, provided
the site's linkify still ends the URL before it whatever is glued after (``_x`` would run it on) and no
emphasis, strikethrough or link of the translation writes that character (it would pair with it):
every other one of the translation's text is escaped.
"""

from __future__ import annotations

from collections.abc import Callable

from ..inline import PLACEHOLDER_RE
from .document import PairedPieces, Part
from .md_goldmark_urls import goldmark_url_length
from .md_url_glue import Keep, is_bare_url, url_places, written_after_kept
from .md_url_leads import LEAD_SPELLINGS
from .runs import Atom


def url_trails_in(atoms: list[Atom]) -> frozenset[tuple[str, str]]:
    """Each bare URL of ``atoms`` (a block's) that the source writes right before a ``*``, ``_`` or
    ``~`` as it is: the URL and that character.

    >>> from transpub.formats.html_tree import Node
    >>> url = Atom("object", parts=["https://a.org"], node=Node("a", -1, None, {}))
    >>> sorted(url_trails_in([url, Atom("text", "*了解", "*了解")]))
    [('https://a.org', '*')]
    >>> url_trails_in([url, Atom("text", "\\\\*了解", "*了解")])
    frozenset()
    """
    found: set[tuple[str, str]] = set()
    for atom, after in zip(atoms, atoms[1:], strict=False):
        trail = after.raw[:1] if after.kind == "text" else ""
        if trail in LEAD_SPELLINGS and is_bare_url(atom):
            found.add((str(atom.parts[0]), trail))
    return frozenset(found)


def goldmark_ends(url: str, written: str) -> bool:
    """Whether Goldmark ends ``url`` before ``written`` (and whatever is glued after it).

    >>> goldmark_ends("https://a.org/p", "*了"), goldmark_ends("https://a.org/p", "_")
    (True, False)
    """
    return goldmark_url_length(url + written + "x") == len(url)


def magiclink_ends(url: str, written: str) -> bool:
    """Whether MkDocs' magiclink ends ``url`` before ``written``: at a ``*``.

    >>> magiclink_ends("https://a.org/p", "*了"), magiclink_ends("https://a.org/p", "~")
    (True, False)
    """
    return written[:1] == "*"


def url_trails_kept(
    ends: Callable[[str, str], bool],
    trails: frozenset[tuple[str, str]],
    msgid: str,
    pieces: dict[int, PairedPieces | list[Part]],
    keep_runs: Callable[[str], Keep] | None,
    translation: str,
) -> Keep:
    r"""How each text of ``translation`` is written (see
    :attr:`~transpub.formats.document.TextSlot.keep_runs`, ``keep_runs`` first): one that starts
    right after the placeholder of a bare URL with the character ``trails`` (see
    :func:`url_trails_in`) says the source writes after it, as the unit ``msgid`` does, starts
    with it as it is where the site's linkify ``ends`` the URL before it (:func:`goldmark_ends`,
    :func:`magiclink_ends`; see the module's docstring; ``pieces``: the unit's markup).

    >>> keep = url_trails_kept(goldmark_ends, frozenset({("https://a.org", "*")}), "Go <1/>*了解.", {1: ["https://a.org"]}, None, "Los <1/>*了解.")
    >>> keep(0, "Los ", "Los "), keep(1, "*了解.", "\\*了解.")
    ('Los ', '*了解.')
    >>> keep = url_trails_kept(goldmark_ends, frozenset({("https://a.org/p", "_")}), "Go <1/>_了", {1: ["https://a.org/p"]}, None, "<1/>_x")
    >>> keep(1, "_x", "\\_x")
    '\\_x'
    """
    split = PLACEHOLDER_RE.split(translation)
    markup = "".join(
        str(part)
        for number in {int(n) for n in split[2::4]}
        if isinstance(piece := pieces.get(number), PairedPieces)
        for part in (*piece.open, *piece.close)
    )
    starts: dict[int, tuple[str, str]] = {}
    for before, number, url, _ in url_places(split, pieces):
        trail = split[4 * before + 4][:1]
        if (url, trail) in trails and f"<{number}/>{trail}" in msgid and trail not in markup:
            starts[before + 1] = (str(url), trail)

    def written_with_trails(number: int, text: str, written: str) -> str:
        url, trail = starts.get(number, ("", ""))
        escaped = next((form for form in LEAD_SPELLINGS.get(trail, ()) if written.startswith(form)), "")
        if not escaped or not text.startswith(trail):
            return written
        as_source = trail + written[len(escaped) :]
        return as_source if ends(url, as_source) else written

    return written_after_kept(keep_runs, translation, written_with_trails)
