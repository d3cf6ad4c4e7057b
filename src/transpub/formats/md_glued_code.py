"""Two code spans a translation writes side by side (``Lauf <2/><1/> jetzt.`` of ``Run `a` or `b`
now.``), or other markup whose backticks would touch.

A run of backticks is read whole: the closing backticks of one code span and the opening ones of
the next, side by side, are one run. Goldmark (Hugo) and Python-Markdown read ``Lauf `b``a` jetzt.``
as one code span, ``b``a`` (kramdown as two), and the page showed wrong code. No choice of runs helps
(``Lauf `b```a`` jetzt.`` is no code in Goldmark; to Python-Markdown ```b`` is text and ```a`` code):
CommonMark has no code span that ends where another starts. :func:`glued_code_pieces` writes an empty
HTML comment between them (``Lauf `b`<!-- -->`a` jetzt.``): every renderer shows two code spans and
nothing of the comment (Goldmark without ``unsafe`` writes ``<!-- raw HTML omitted -->``, a comment
too), and no character the translator did not write. Where the source writes the same markup side by
side, it is written as the source's, and a pseudo-translation is its source.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping

from ..inline import PLACEHOLDER_RE
from .document import PairedPieces, Part, TextSlot
from .md_escape import EMPTY_COMMENT

_Pieces = dict[int, PairedPieces | list[Part]]
#: What is written between two markups whose backticks would touch: it shows nothing.
SEPARATOR = EMPTY_COMMENT
#: The markup of each placeholder (by number) as written: its opening (or standalone) markup's and
#: its closing markup's (any text that keeps a backtick at either end as it is, see
#: :func:`~.md_ticks.tick_marks`).
Marks = Mapping[int, tuple[str, str]]
#: A placeholder of a translation: its number and side (``""`` standalone, ``"<"`` opening, ``">"``
#: closing).
Place = tuple[int, str]


def markup_marks(pieces: Mapping[int, PairedPieces | list[Part]]) -> dict[int, tuple[str, str]]:
    """The markup of each placeholder of ``pieces`` as written (a text in it as its source).

    >>> markup_marks({1: ["`a`"], 2: PairedPieces(["*"], ["*"])})
    {1: ('`a`', ''), 2: ('*', '*')}
    """
    return {
        number: (_markup(piece.open), _markup(piece.close))
        if isinstance(piece, PairedPieces)
        else (_markup(piece), "")
        for number, piece in pieces.items()
    }


def _markup(parts: list[Part]) -> str:
    """The markup ``parts`` as written (a text or value in it as its source)."""
    return "".join(
        part
        if isinstance(part, str)
        else _markup(part.parts)
        if isinstance(part, TextSlot)
        else getattr(part, "raw", "")
        for part in parts
    )


def touching_ticks(pieces: Mapping[int, PairedPieces | list[Part]]) -> bool:
    """Whether a translation could write two markups of ``pieces`` with their backticks touching:
    two sides of the placeholders' markup with a backtick at an end.

    >>> touching_ticks({1: ["`a`"], 2: ["`b`"]}), touching_ticks({1: ["`a`"], 2: PairedPieces(["*"], ["*"])})
    (True, False)
    """
    ends = [side for opening, closing in markup_marks(pieces).values() for side in (opening, closing)]
    return sum(side[:1] == "`" or side[-1:] == "`" for side in ends) > 1


def glued_ticks(text: str, marks: Marks) -> frozenset[tuple[Place, Place]]:
    """Each two placeholders of ``text`` (a translation or its msgid) whose markup (``marks``) is
    written side by side, the first's ending with a backtick and the second's starting with one:
    no text between (markup that writes nothing is skipped; a backtick of a text is not one of
    markup: written otherwise, see :func:`~.md_ticks.text_ticks_kept`).

    >>> sorted(glued_ticks("x <2/><1/> <1/>", {1: ("`a`", ""), 2: ("`b`", "")}))
    [((2, ''), (1, ''))]
    >>> glued_ticks("<1/>x<2/>", {1: ("`a`", ""), 2: ("`b`", "")})
    frozenset()
    """
    split = PLACEHOLDER_RE.split(text)
    last: Place | None = None  # (the markup written last, when it ends with a backtick)
    found: set[tuple[Place, Place]] = set()
    for index in range(1, len(split), 4):
        closing, number, empty, following = split[index : index + 4]
        side = "" if empty else ">" if closing else "<"
        marks_of = marks.get(int(number))
        if (closing and empty) or marks_of is None:  # ("</1/>" is text)
            last = None
        else:
            written = marks_of[1] if side == ">" else marks_of[0]
            if written[:1] == "`" and last is not None:
                found.add((last, (int(number), side)))
            if written:
                last = (int(number), side) if written[-1] == "`" else None
        if following:
            last = None
    return frozenset(found)


def glued_code_pieces(
    text: str,
    pieces: _Pieces,
    *,
    msgid: str,
    inner: Callable[[str, _Pieces], _Pieces] | None = None,
) -> _Pieces:
    """The markup ``pieces`` of ``msgid``'s placeholders as the translation ``text`` writes them
    (``inner`` first, see :attr:`TextSlot.pieces_for`): each that starts with a backtick, written
    right after markup ending with one where the source does not write them so, with
    :data:`SEPARATOR` before it (see the module's docstring).

    >>> pieces = {1: ["`a`"], 2: ["`b`"]}
    >>> glued_code_pieces("Lauf <2/><1/> jetzt.", pieces, msgid="Run <1/> or <2/> now.")
    {1: ['<!-- -->', '`a`'], 2: ['`b`']}
    >>> glued_code_pieces("Lauf <2/> <1/> jetzt.", pieces, msgid="Run <1/> or <2/> now.")
    {1: ['`a`'], 2: ['`b`']}
    """
    source = pieces
    if inner is not None:
        pieces = inner(text, pieces)
    glued = glued_ticks(text, markup_marks(pieces)) - glued_ticks(msgid, markup_marks(source))
    if not glued:
        return pieces
    written = dict(pieces)
    for _, (number, side) in sorted(glued):
        piece = written[number]
        if isinstance(piece, PairedPieces):
            which = "close" if side == ">" else "open"
            written[number] = dataclasses.replace(piece, **{which: [SEPARATOR, *getattr(piece, which)]})
        else:
            assert side == ""
            written[number] = [SEPARATOR, *piece]
    return written
