"""What :mod:`.md_url_leads` and :mod:`.md_url_trails` share: which atoms of a block are bare URLs,
where a translation writes their placeholders (with the text on either side), and how its texts are
written after what ``keep_runs`` wrote.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import NamedTuple

from .document import PairedPieces, Part
from .runs import Atom

#: How each text of a translation is written once escaped: by its number, its text and how the
#: escape writes it (see :attr:`~transpub.formats.document.TextSlot.keep_runs`).
Keep = Callable[[int, str, str], str]


def link_written(atom: Atom) -> str | None:
    """What ``atom`` writes where it is a link written as one piece of markup (a bare URL, an
    autolink ``<…>``, a link ``[…](…)`` showing its address); None for anything else.

    >>> from transpub.formats.html_tree import Node
    >>> link_written(Atom("object", parts=["<https://a.org>"], node=Node("a", -1, None, {})))
    '<https://a.org>'
    >>> print(link_written(Atom("object", parts=["`c`"], node=Node("code", -1, None, {}))))
    None
    """
    part = atom.parts[0] if len(atom.parts) == 1 else None
    link = atom.kind == "object" and atom.node is not None and atom.node.tag == "a"
    return part if link and isinstance(part, str) else None


def is_bare_url(atom: Atom) -> bool:
    """Whether ``atom`` is a bare URL (or e-mail address): a link written as its address alone,
    neither ``<…>`` nor ``[…](…)`` (what it shows is decoded: ``https://a.org/%41`` shows ``…/A``).

    >>> from transpub.formats.html_tree import Node
    >>> [is_bare_url(Atom("object", parts=[url], node=Node("a", -1, None, {}))) for url in ("https://a.org/%41", "<https://a.org>")]
    [True, False]
    """
    return (link_written(atom) or "<")[:1] not in ("<", "[")


class UrlPlace(NamedTuple):
    """The placeholder of a bare URL in a translation."""

    #: The number of the translation's text right before it (the one right after it: ``before + 1``).
    before: int
    #: The placeholder's number, as the translation writes it.
    number: str
    #: The URL (the placeholder's only part).
    url: Part
    #: The markup of each emphasis or link of the translation open around it, outermost first.
    around: tuple[str, ...]


def url_places(split: list[str], pieces: dict[int, PairedPieces | list[Part]]) -> Iterator[UrlPlace]:
    """Each placeholder of a bare URL (a standalone one of a single part) in ``split`` (a
    translation cut by :data:`~transpub.inline.PLACEHOLDER_RE`; ``pieces``: its unit's markup).

    >>> from transpub.inline import PLACEHOLDER_RE
    >>> pieces = {1: PairedPieces(["*"], ["*"]), 2: ["https://a.org"]}
    >>> [tuple(place) for place in url_places(PLACEHOLDER_RE.split("<1>a <2/></1> b <2/>"), pieces)]
    [(1, '2', 'https://a.org', ('**',)), (3, '2', 'https://a.org', ())]
    """
    around: list[str] = []
    for index in range(1, len(split), 4):
        closing, number, empty = split[index : index + 3]
        piece = pieces.get(int(number))
        if isinstance(piece, PairedPieces) and not empty:
            if closing and around:
                around.pop()
            elif not closing:
                around.append("".join(str(part) for part in (*piece.open, *piece.close)))
            continue
        if not closing and empty and isinstance(piece, list) and len(piece) == 1:
            yield UrlPlace((index - 1) // 4, number, piece[0], tuple(around))


def written_after_kept(
    keep_runs: Callable[[str], Keep] | None,
    translation: str,
    write: Keep,
) -> Keep:
    """How each text of ``translation`` is written: as ``keep_runs`` writes it (if any), then as
    ``write`` does.

    >>> keep = written_after_kept(lambda _: lambda n, text, written: written + "!", "x", lambda n, text, written: written + "?")
    >>> keep(0, "a", "a")
    'a!?'
    >>> written_after_kept(None, "x", lambda n, text, written: written + "?")(0, "a", "a")
    'a?'
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    if kept is None:
        return write

    def written(number: int, text: str, escaped: str) -> str:
        return write(number, text, kept(number, text, escaped))

    return written
