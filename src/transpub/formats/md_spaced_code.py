"""A code span of one backtick whose code starts with whitespace (``Run x` ls `y now.``, as
CommonMark allows), where a translation writes it after whitespace or at the start of its text.

kramdown (Jekyll) reads a single backtick with whitespace (or the start of a block's text) before it
and whitespace after it as text: the source shows its code in every renderer, but a translation
that wrote it as the source does after a space (``Starte ` ls ` jetzt.``) showed the backticks and
the code as text in Jekyll. :func:`spaced_code_pieces` writes it there with a longer run of
backticks (``Starte `` ls `` jetzt.``), which every renderer reads as code (Goldmark and kramdown
take a space off each side, Python-Markdown all of them). Where the source writes it in the same
place (after whitespace too, kramdown shows the source's as text, or at the start of the unit's
text too), the translation's is written as the source's, and a pseudo-translation is its source.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from ..inline import PLACEHOLDER_RE
from .document import PairedPieces, Part, TextSlot

_Pieces = dict[int, PairedPieces | list[Part]]
#: A code span of one backtick whose code starts with whitespace (kramdown's ``\s``: ASCII only); its
#: code may hold runs of two backticks or more.
_SPACED_CODE = re.compile(r"`[ \t\n\v\f\r](?:[^`]|``+)*(?<!`)`")
#: What kramdown takes for whitespace before a backtick (Ruby's ``\s``), or none: the text's start.
_KRAMDOWN_SPACE = frozenset(" \t\n\v\f\r")
#: A run of backticks.
_RUN = re.compile(r"`+")


def spaced_code(pieces: Mapping[int, PairedPieces | list[Part]]) -> frozenset[int]:
    """The placeholders of ``pieces`` that are a code span of one backtick whose code starts with
    whitespace.

    >>> sorted(spaced_code({1: ["` ls `"], 2: ["`ls`"], 3: ["`` ls ``"], 4: ["` a ``b`` `"]}))
    [1, 4]
    """
    return frozenset(
        number
        for number, piece in pieces.items()
        if isinstance(piece, list)
        and len(piece) == 1
        and isinstance(piece[0], str)
        and piece[0][:1] == "`"
        and _SPACED_CODE.fullmatch(piece[0]) is not None
    )


def spaced_code_pieces(
    text: str,
    pieces: _Pieces,
    *,
    msgid: str,
    spaced: frozenset[int],
    inner: Callable[[str, _Pieces], _Pieces] | None = None,
) -> _Pieces:
    """The markup ``pieces`` of ``msgid``'s placeholders as the translation ``text`` writes them
    (``inner`` first, see :attr:`TextSlot.pieces_for`): each code span of ``spaced`` that the
    translation writes after whitespace, where the source writes it elsewhere (after other text,
    at the start of the text), or at its start, where the source writes it elsewhere, with a longer
    run of backticks (see the module's docstring).

    >>> pieces = {1: ["` ls `"]}
    >>> spaced_code_pieces("Starte <1/> jetzt.", pieces, msgid="Run x<1/>y now.", spaced=frozenset({1}))
    {1: ['`` ls ``']}
    >>> spaced_code_pieces("Starte x<1/>y.", pieces, msgid="Run x<1/>y now.", spaced=frozenset({1}))
    {1: ['` ls `']}
    >>> spaced_code_pieces("Starte <1/> jetzt.", pieces, msgid="Run x <1/> y.", spaced=frozenset({1}))
    {1: ['` ls `']}
    >>> spaced_code_pieces("<1/> starten.", pieces, msgid="Run x<1/>y now.", spaced=frozenset({1}))
    {1: ['`` ls ``']}
    """
    source = pieces
    if inner is not None:
        pieces = inner(text, pieces)
    after = _written_after(text, source)
    before = _written_after(msgid, source)
    longer = [
        number
        for number in sorted(spaced)
        if _place(after.get(number, "")) not in ("text", _place(before.get(number, "")))
    ]
    if not longer:
        return pieces
    written = dict(pieces)
    for number in longer:
        code = source[number]
        assert isinstance(code, list) and isinstance(code[0], str)
        written[number] = [_longer_run(code[0])]
    return written


def _place(before: str) -> str:
    """Where a code span is written after the character ``before`` (``""``: none), as kramdown
    reads its first backtick: ``"start"`` of the text, after ``"space"``, or after other ``"text"``.
    The start of a unit's text is the start of a block's (its backtick text to kramdown) or a
    link's or emphasis's (code): a code span the source writes there is written so there."""
    return "start" if not before else "space" if before in _KRAMDOWN_SPACE else "text"


def _written_after(text: str, pieces: Mapping[int, PairedPieces | list[Part]]) -> dict[int, str]:
    """The character written right before each standalone placeholder of ``text`` (a translation or
    its msgid, with the markup ``pieces``), by number: its text's last, else the last of the markup
    before it; ``""`` at the start of the text.

    >>> _written_after("a <1/><2>b</2><3/>", {1: ["`x`"], 2: PairedPieces(["*"], ["*"]), 3: ["`y`"]})
    {1: ' ', 3: '*'}
    """
    split = PLACEHOLDER_RE.split(text)
    last = split[0][-1:]
    found: dict[int, str] = {}
    for index in range(1, len(split), 4):
        closing, number, empty, following = split[index : index + 4]
        piece = pieces.get(int(number))
        if (closing and empty) or piece is None:  # ("</1/>" is text)
            last = ">"
        elif isinstance(piece, PairedPieces):
            last = _markup_end(piece.close if closing else piece.open) or last
        else:
            if empty:
                found[int(number)] = last
            last = _markup_end(piece) or last
        last = following[-1:] or last
    return found


def _markup_end(parts: list[Part]) -> str:
    """The last character of the markup ``parts`` as written (of its source, for a text in it)."""
    for part in reversed(parts):
        if isinstance(part, str):
            written = part
        elif isinstance(part, TextSlot):
            written = _markup_end(part.parts)
        else:
            written = getattr(part, "raw", "")
        if written:
            return written[-1]
    return ""


def _longer_run(code_span: str) -> str:
    """The code span ``code_span`` (one backtick, its code starting with whitespace) with a run of
    backticks longer than one and than each in its code: no renderer ends it early.

    >>> _longer_run("` ls `"), _longer_run("` a ``b`` `")
    ('`` ls ``', '``` a ``b`` ```')
    """
    code = code_span[1:-1]
    ticks = "`" * max([2, *(len(run) + 1 for run in _RUN.findall(code))])
    return f"{ticks}{code}{ticks}"
