"""The comments transpub writes in an entry, read back whole after a tool rewrapped them.

polib (a script's ``polib.pofile(path).save()``, wrapwidth 78 unless told) cuts every ``#.`` and
``#`` line longer than its width into several, at spaces and after the hyphen of a hyphenated word
(``well-`` then ``known``: Python's textwrap). gettext's tools (msgcat, msgmerge, msgattrib) and
Poedit (which saves through msgcat) keep comment lines as they are. What transpub reads back:

- its ``#.`` notes (:func:`note_lines`): each note of :data:`~transpub.model.ONE_LINE_NOTES` is one
  line, written after the notes an author wrote, so a line that begins otherwise after it is the
  rest of it;
- the provenance line of a translator comment (:func:`translator_lines`): it ends in the date it
  was written, so the lines after it up to that date are the rest of it.
"""

from __future__ import annotations

import re

from transpub.model import ONE_LINE_NOTES
from transpub.provenance import PROVENANCE_PREFIX

#: A one-line note's beginning that a very narrow wrap left alone on its line (``Paragraph:``).
_BARE_STARTS = frozenset(start.rstrip() for start in ONE_LINE_NOTES)
#: Where textwrap cuts a word without a space (its ``wordsep_re``): after the hyphen of a hyphenated
#: word (``well-`` ``known``: two letters or a letter between hyphens before it, a letter, maybe a
#: hyphen, and a letter after it), before an em-dash written ``--`` and after one.
_WORD_CUT = re.compile(
    r"(?:[^\d\W]{2}|[^\d\W]-[^\d\W])-\n[^\d\W]-?[^\d\W]"
    r"|[\w!\"'&.,?]\n-{2,}\w"
    r"|[\w!\"'&.,?]-{2,}\n\w"
)
#: The end of a provenance transpub writes with its date (machine translation, a memory match).
_DATED = re.compile(r" on \d{4}-\d{2}-\d{2}\Z")
#: How each provenance transpub writes with its date begins (after :data:`PROVENANCE_PREFIX`);
#: another (``aligned from …``) has no date to end it, and a translator's dated comment after it
#: is their own.
_DATED_KINDS = ("machine translation by ", "translation memory ", "copied from the source ")


def rejoined(line: str, rest: str) -> str:
    """``line`` and ``rest``, the next line a wrapping tool cut from it: a space between them, none
    where textwrap cuts a word (a cut there and one at a space after a hyphen, ``Canal- street``,
    look the same; a word cut is what wrapping makes of most).

    >>> rejoined("the well-", "known harbour"), rejoined("the", "harbour"), rejoined("Paragraph:", "It")
    ('the well-known harbour', 'the harbour', 'Paragraph: It')
    """
    if _WORD_CUT.search(line[-8:] + "\n" + rest[:8]):
        return line + rest
    return f"{line} {rest}"


def note_lines(comment: str | None) -> list[str]:
    """The notes of an extracted comment (``#.``), one item each, empty lines left out; a note
    transpub writes on one line is whole again where a tool cut it into several.

    >>> note_lines("Keep short\\nParagraph: A well-\\nknown harbour.\\nPlaceholders: <1>…</1> =\\nlink (a)")
    ['Keep short', 'Paragraph: A well-known harbour.', 'Placeholders: <1>…</1> = link (a)']
    """
    notes: list[str] = []
    joining = False  # whether the last note is one transpub writes on one line
    for line in (comment or "").split("\n"):
        if line.startswith(ONE_LINE_NOTES) or line in _BARE_STARTS:
            notes.append(line)
            joining = True
        elif not line:
            joining = False
        elif joining:
            notes[-1] = rejoined(notes[-1], line)
        else:
            notes.append(line)
    return notes


def translator_lines(comment: str | None) -> list[str]:
    """The lines of a translator comment (``#``), the provenance line whole again where a tool cut it
    into several (``transpub: machine translation by deepl`` then ``(en→de) on 2026-11-25``).

    >>> translator_lines("Ask Li\\ntranspub: machine translation\\nby deepl (en→de) on 2026-11-25\\nOK")
    ['Ask Li', 'transpub: machine translation by deepl (en→de) on 2026-11-25', 'OK']
    """
    lines = (comment or "").split("\n")
    out: list[str] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if line.startswith(PROVENANCE_PREFIX) or line == PROVENANCE_PREFIX.rstrip():
            end = _dated_end(line, lines, index)
            for rest in lines[index:end]:
                line = rejoined(line, rest)
            index = end
        out.append(line)
    return out


def _dated_end(line: str, lines: list[str], start: int) -> int:
    """Where the provenance beginning with ``line`` ends in ``lines`` after ``start``: after the line
    that ends it in a date, ``start`` when it has its date already, never gets one or is no
    provenance transpub writes with one (:data:`_DATED_KINDS`).

    >>> _dated_end("transpub: aligned from a.html", ["transpub: aligned from a.html", "Asked on 2024-05-01"], 1)
    1
    """
    if _DATED.search(line):
        return start
    for index in range(start, len(lines)):
        if not lines[index] or lines[index].startswith(PROVENANCE_PREFIX):
            return start
        line = rejoined(line, lines[index])
        if _DATED.search(line):
            kind = line[len(PROVENANCE_PREFIX) :]
            return index + 1 if kind.startswith(_DATED_KINDS) else start
    return start
