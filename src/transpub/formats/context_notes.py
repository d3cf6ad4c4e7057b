"""What a translator is told of where a unit stands when the page is out of sight: the headers of a
table's cell, the sentence that introduces a list (notes both readers add to their units); and how
notes shorten a long text."""

from __future__ import annotations

from ..model import LIST_INTRO_NOTE, TABLE_CELL_NOTE
from ..segment import split_sentences

#: Where a note cuts a text short.
CUT = "…"
#: How a table cell's note starts, and a list item's.
TABLE_CELL = TABLE_CELL_NOTE
LIST_INTRO = LIST_INTRO_NOTE
#: The longest header a table cell's note shows whole (a longer one is cut after a word).
_HEADER_CHARS = 40
#: The longest introduction a list item's note shows whole (a longer one keeps its end, the colon).
_INTRO_CHARS = 120
#: How a sentence introducing a list ends.
_COLONS = (":", "\uff1a")
#: The notes that tell where a unit stands, each kind by how it starts.
_PLACES = (TABLE_CELL, LIST_INTRO)
#: The notes of each kind a unit keeps of the cells or lists it stands in (a text in many cells of a
#: table, "Yes", would otherwise get a line per cell).
_MOST_PLACES = 3


def table_cell_note(column: str, row: str) -> str:
    """The note of a table cell under the column header ``column`` in the row ``row`` names ("" for
    either: none), each on one line and shortened; "" when neither is known.

    >>> table_cell_note("Default", "format")
    'Table cell: column "Default", row "format"'
    >>> table_cell_note(" Revenue in the first\\n quarter of the\\xa0fiscal year", "")
    'Table cell: column "Revenue in the first quarter of the…"'
    >>> table_cell_note("", "")
    ''
    """
    column = head_words(" ".join(column.split()), _HEADER_CHARS) if column else ""
    row = head_words(" ".join(row.split()), _HEADER_CHARS) if row else ""
    if not column and not row:
        return ""
    if not row:
        return f'{TABLE_CELL}column "{column}"'
    if not column:
        return f'{TABLE_CELL}row "{row}"'
    return f'{TABLE_CELL}column "{column}", row "{row}"'


def introduces_list(text: str) -> bool:
    """Whether a paragraph reading ``text`` ends as a list's introduction does (with a colon).

    >>> introduces_list("We care about: "), introduces_list("We care.")
    (True, False)
    """
    return text.rstrip().endswith(_COLONS)


def list_note(intro: str, lang: str) -> str:
    """The note of the items of a list introduced by the paragraph reading ``intro`` in the language
    ``lang``: its last sentence, on one line (its end, when long).

    >>> list_note("We have readers. We care\\nabout:", "en")
    'List introduced by: "We care about:"'
    """
    text = " ".join(intro.split())
    sentences = split_sentences(text, lang)
    if len(sentences) > 1:
        text = text[sentences[-1][0] :]
    return f'{LIST_INTRO}"{tail_words(text, _INTRO_CHARS)}"'


def fewer_places(notes: tuple[str, ...]) -> tuple[str, ...]:
    """``notes`` of a text standing in many places with the first few table cell and list notes only.

    >>> fewer_places(tuple(f'Table cell: row "{n}"' for n in "abcde"))
    ('Table cell: row "a"', 'Table cell: row "b"', 'Table cell: row "c"')
    """
    seen: dict[str, int] = {}
    kept = []
    for note in notes:
        kind = next((start for start in _PLACES if note.startswith(start)), "")
        if kind:
            seen[kind] = seen.get(kind, 0) + 1
            if seen[kind] > _MOST_PLACES:
                continue
        kept.append(note)
    return tuple(kept)


def head_words(text: str, limit: int) -> str:
    """The first words of ``text`` within ``limit`` characters, ``…`` marking the cut.

    >>> head_words("one two three", 9), head_words("one two", 9)
    ('one two…', 'one two')
    """
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > 0 else limit].rstrip() + CUT


def tail_words(text: str, limit: int) -> str:
    """The last words of ``text`` within ``limit`` characters, ``…`` marking the cut.

    >>> tail_words("one two three", 10)
    '…two three'
    """
    if len(text) <= limit:
        return text
    cut = text.find(" ", len(text) - limit - 1)
    return CUT + text[cut + 1 if cut >= 0 else len(text) - limit :].lstrip()
