"""A ``~``, ``*`` or ``_`` that the source writes as it is right before a bare URL
(``~https://example.org``), which a translation keeping it there writes as the source does.

GFM (Hugo's Goldmark) links a bare URL at a line's start, after a space, or right after one of
``* _ ~ (`` only, as it reads that character itself (``\\~`` is an escape, ``&#126;`` a reference:
nothing is linked after either). :func:`~transpub.formats.md_escape.escape_markdown` writes a
translation's ``~`` ``&#126;`` and ``*`` ``\\*``, so a translated page showed the source's link as
text, and a pseudo-translation did not write its source. Where the text right before the URL's
placeholder ends with the character the source writes there, it is written as it is. To Goldmark a
``~`` there is text whatever follows (its linkify reads it before strikethrough does); a ``*`` or
``_`` is kept only outside the emphasis and links of the translation that hold one (whose end
would close it, as the nearest opening before), so it pairs with nothing: every ``*`` or ``_`` of
the translation's text is escaped, or between spaces, where it pairs with none. A ``~`` the source
escapes there (``\\~https://…``) is written ``\\~`` as the source writes it (text in every renderer,
as the source's is), not ``&#126;``.
"""

from __future__ import annotations

from collections.abc import Callable

from ..inline import PLACEHOLDER_RE
from .document import PairedPieces, Part
from .md_url_glue import Keep, is_bare_url, url_places, written_after_kept
from .runs import Atom

#: The characters GFM links a bare URL right after that the escape writes otherwise, each with how
#: it may write it.
LEAD_SPELLINGS = {"~": ("&#126;", "\\~"), "*": ("\\*", "&#42;"), "_": ("\\_", "&#95;")}


def url_leads_in(atoms: list[Atom]) -> frozenset[tuple[str, str]]:
    r"""Each bare URL of ``atoms`` (a block's) that the source writes right after a ``~``, ``*`` or
    ``_`` as it is (no backslash before it), or a ``~`` escaped: that character as the source writes
    it and the URL.

    >>> from transpub.formats.html_tree import Node
    >>> url = Atom("object", parts=["https://a.org"], node=Node("a", -1, None, {}))
    >>> sorted(url_leads_in([Atom("text", "See ~", "See ~"), url]))
    [('~', 'https://a.org')]
    >>> sorted(url_leads_in([Atom("text", "See \\~", "See ~"), url]))
    [('\\~', 'https://a.org')]
    >>> url_leads_in([Atom("text", "See \\*", "See *"), url])
    frozenset()
    """
    found: set[tuple[str, str]] = set()
    for before, atom in zip(atoms, atoms[1:], strict=False):
        lead = before.raw[-1:] if before.kind == "text" else ""
        if lead not in LEAD_SPELLINGS or not before.text.endswith(lead):
            continue
        if (len(before.raw) - 1 - len(before.raw[:-1].rstrip("\\"))) % 2:  # (escaped)
            if lead != "~":
                continue
            lead = "\\~"  # (text in every renderer, as ``&#126;`` is)
        if is_bare_url(atom):
            found.add((lead, str(atom.parts[0])))
    return frozenset(found)


def url_leads_kept(
    leads: frozenset[tuple[str, str]],
    msgid: str,
    pieces: dict[int, PairedPieces | list[Part]],
    keep_runs: Callable[[str], Keep] | None,
    translation: str,
) -> Keep:
    r"""How each text of ``translation`` is written (see
    :attr:`~transpub.formats.document.TextSlot.keep_runs`, ``keep_runs`` first): one that ends right
    before the placeholder of a bare URL with the character ``leads`` (see :func:`url_leads_in`)
    says the source writes before it, as the unit ``msgid`` does, ends with it as it is (see the
    module's docstring; ``pieces``: the unit's markup).

    >>> keep = url_leads_kept(frozenset({("~", "https://a.org")}), "See ~<1/>.", {1: ["https://a.org"]}, None, "Siehe ~<1/>.")
    >>> keep(0, "Siehe ~", "Siehe &#126;"), keep(1, ".", ".")
    ('Siehe ~', '.')
    >>> keep = url_leads_kept(frozenset({("\\~", "https://a.org")}), "See ~<1/>.", {1: ["https://a.org"]}, None, "Siehe ~<1/>.")
    >>> print(keep(0, "Siehe ~", "Siehe &#126;"))
    Siehe \~
    """
    split = PLACEHOLDER_RE.split(translation)
    ends: dict[int, str] = {}
    for before, number, url, around in url_places(split, pieces):
        lead = split[4 * before][-1:]
        spelling = next((form for form in (lead, "\\" + lead) if (form, url) in leads), "")
        if spelling and f"{lead}<{number}/>" in msgid:
            if lead == "~" or not any(lead in markup for markup in around):
                ends[before] = spelling

    def written_with_leads(number: int, text: str, written: str) -> str:
        lead = ends.get(number)
        if lead is None or not text.endswith(lead[-1]):
            return written
        escaped = next((form for form in LEAD_SPELLINGS[lead[-1]] if written.endswith(form)), "")
        return written[: -len(escaped)] + lead if escaped else written

    return written_after_kept(keep_runs, translation, written_with_leads)
