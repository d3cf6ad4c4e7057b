"""Where msgcat breaks a quoted PO string: Unicode line breaking (UAX #14) plus a greedy fill.

gettext's ``wrap()`` (write-po.c) hands each escaped ``\\n``-delimited portion of a string to
libunistring's ``ulc_width_linebreaks``.  When libunistring is installed (it is wherever gettext is)
we call the very same function through ctypes, so our output matches the local msgcat byte for byte.
Elsewhere a pure-Python port of libunistring's pair-table algorithm is used; its character classes
are exact for ASCII and Latin-1 and a close approximation (from Unicode categories and East Asian
width) for the rest, including CJK punctuation.
"""

from __future__ import annotations

import ctypes
import re
import threading
import unicodedata
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

BREAK_UNDEFINED, BREAK_PROHIBITED, BREAK_POSSIBLE, BREAK_MANDATORY = 0, 1, 2, 3


def _load_libunistring() -> Any:
    for name in _library_names():
        try:
            lib = ctypes.CDLL(name)
        except OSError:
            continue
        func = getattr(lib, "u8_width_linebreaks_v2", None) or getattr(lib, "u8_width_linebreaks", None)
        if func is None:
            continue
        func.restype = ctypes.c_int
        func.argtypes = [
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_char_p,
        ]
        return func
    return None


def _library_names() -> Iterator[str]:
    """Where libunistring may be: its usual names first, then the linker's search (ctypes.util,
    which brings subprocess with it: a process that finds the library by name never imports it)."""
    yield from ("libunistring.so.5", "libunistring.so.2", "libunistring.dylib")
    import ctypes.util

    found = ctypes.util.find_library("unistring")
    if found:
        yield found


_NATIVE = _load_libunistring()


def has_native_linebreaks() -> bool:
    """True when libunistring (gettext's own line breaker) is available."""
    return _NATIVE is not None


# --- character width -------------------------------------------------------------------------


@lru_cache(maxsize=4096)
def char_width(char: str) -> int:
    """Columns a character takes in a terminal (libunistring's ``uc_width`` for UTF-8).

    >>> char_width("a"), char_width("中"), char_width("\\u0301")
    (1, 2, 0)
    """
    code = ord(char)
    if code < 0x7F:
        return 1 if code >= 0x20 else 0
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Cf") or code == 0x200B or 0x1160 <= code <= 0x11FF:
        return 0
    if category == "Cc":
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


#: Characters that might not be one column wide: all but printable ASCII and U+00A0..U+02FF
#: (Latin-1, Latin Extended, IPA, spacing modifiers), whose only exception is the soft hyphen.
_MAYBE_NOT_ONE_COLUMN = re.compile(r"[^\x20-\x7e\xa0-\xac\xae-\u02ff]")


def text_width(text: str) -> int:
    """Columns ``text`` takes.

    >>> text_width("ab中")
    4
    """
    if text.isascii():
        return len(text)
    others = _MAYBE_NOT_ONE_COLUMN.findall(text)
    return len(text) - len(others) + sum(map(char_width, others))


# --- pure-Python line breaking (port of libunistring's pair-table algorithm) ------------------

_CLASSES = [
    "WJ",
    "GL",
    "B2",
    "BA",
    "BB",
    "HY",
    "CL",
    "CP",
    "EX",
    "IN",
    "NS",
    "OP",
    "QU",
    "IS",
    "NU",
    "PO",
    "PR",
    "SY",
    "AL",
    "H2",
    "H3",
    "ID",
    "JL",
    "JV",
    "JT",
    "HL",
    "RI",
]
_INDEX = {name: i for i, name in enumerate(_CLASSES)}
# Rows: class before the break; columns: class after. D direct break, I indirect (only after
# spaces), P prohibited.  From libunistring lbrktables.c (with its (IS,AL) = D tailoring).
_TABLE_ROWS = """
PIIIIIPPPIIIIPIIIPIIIIIIIII
PIIIIIPPPIIIIPIIIPIIIIIIIII
PIPIDIPPPDIDIPDDDPDDDDDDDDD
PDDIDIPPPDIDIPDDDPDDDDDDDDD
PIIIIIPPPIIIIPIIIPIIIIIIIII
PDDIDIPPPDIDIPIDDPDDDDDDDDD
PIDIDIPPPDPDIPDIIPDDDDDDDDD
PIDIDIPPPDPDIPIIIPIDDDDDDID
PIDIDIPPPIIDIPDDDPDDDDDDDDD
PIDIDIPPPIIDIPDDDPDDDDDDDDD
PIDIDIPPPDIDIPDDDPDDDDDDDDD
PPPPPPPPPPPPPPPPPPPPPPPPPPP
PIIIIIPPPIIPIPIIIPIIIIIIIII
PIDIDIPPPDIDIPIDDPDDDDDDDDD
PIDIDIPPPIIIIPIIIPIDDDDDDID
PIDIDIPPPDIIIPIDDPIDDDDDDID
PIDIDIPPPDIIIPIDDPIIIIIIIID
PIDIDIPPPDIDIPIDDPDDDDDDDID
PIDIDIPPPIIIIPIDDPIDDDDDDID
PIDIDIPPPIIDIPDIDPDDDDDIIDD
PIDIDIPPPIIDIPDIDPDDDDDDIDD
PIDIDIPPPIIDIPDIDPDDDDDDDDD
PIDIDIPPPIIDIPDIDPDIIDIIDDD
PIDIDIPPPIIDIPDIDPDDDDDIIDD
PIDIDIPPPIIDIPDIDPDDDDDDIDD
PIDIDIPPPIIIIPIDDPIDDDDDDID
PIDIDIPPPDIDIPDDDPDDDDDDIDI
"""


def _tailor_table() -> list[str]:
    """libunistring 1.0 (Unicode 14) changes on top of the classic pair table."""
    rows = [list(row) for row in _TABLE_ROWS.split()]
    col = _INDEX
    for name in _CLASSES:
        if name != "OP":
            rows[col[name]][col["IN"]] = "I"  # LB22: never break before an ellipsis
    for a, b in (
        ("PR", "AL"),
        ("PO", "AL"),
        ("PR", "HL"),
        ("PO", "HL"),
        ("AL", "PR"),
        ("AL", "PO"),
        ("HL", "PR"),
        ("HL", "PO"),
        ("CP", "NS"),
    ):
        rows[col[a]][col[b]] = "I"  # LB24 and libunistring's (CP, NS)
    return ["".join(row) for row in rows]


_TABLE = _tailor_table()

_ASCII_CLASSES = {
    "\t": "BA",
    " ": "SP",
    "!": "EX",
    '"': "QU",
    "$": "PR",
    "%": "PO",
    "'": "QU",
    "(": "OP",
    ")": "CP",
    "+": "PR",
    ",": "IS",
    "-": "HY",
    ".": "IS",
    "/": "SY",
    ":": "IS",
    ";": "IS",
    "?": "EX",
    "[": "OP",
    "\\": "PR",
    "]": "CP",
    "{": "OP",
    "|": "BA",
    "}": "CL",
}
_SPECIAL_CLASSES = {
    0xA0: "GL",
    0xA1: "OP",
    0xA2: "PO",
    0xA3: "PR",
    0xA4: "PR",
    0xA5: "PR",
    0xAB: "QU",
    0xAD: "BA",
    0xB0: "PO",
    0xB1: "PR",
    0xB4: "BB",
    0xBB: "QU",
    0xBF: "OP",
    0x2010: "BA",
    0x2011: "GL",
    0x2012: "BA",
    0x2013: "BA",
    0x2014: "B2",
    0x2018: "QU",
    0x2019: "QU",
    0x201A: "OP",
    0x201C: "QU",
    0x201D: "QU",
    0x201E: "OP",
    0x2024: "IN",
    0x2025: "IN",
    0x2026: "IN",
    0x202F: "GL",
    0x2030: "PO",
    0x2032: "PO",
    0x2039: "QU",
    0x203A: "QU",
    0x20AC: "PR",
    0x2060: "WJ",
    0xFEFF: "WJ",
    0x200B: "ZW",
    0x2028: "BK",
    0x2029: "BK",
    0x85: "BK",
    0x0B: "BK",
    0x0C: "BK",
    0x060C: "IS",
    0x060D: "IS",
    0x061B: "EX",
    0x061F: "EX",
    0x066A: "PO",
    0x066B: "NU",
    0x066C: "NU",
    0x06D4: "EX",
    0x3001: "CL",
    0x3002: "CL",
    0xFF0C: "CL",
    0xFF0E: "CL",
    0xFF61: "CL",
    0xFF64: "CL",
    0xFF01: "EX",
    0xFF1F: "EX",
    0xFF1A: "NS",
    0xFF1B: "NS",
    0x30FB: "NS",
    0x30FC: "NS",
    0x3005: "NS",
    0x301C: "NS",
    0x309B: "NS",
    0x309C: "NS",
    0x30A0: "NS",
    0xFF5E: "ID",
    0xFF08: "OP",
    0xFF09: "CL",
    0xFF3B: "OP",
    0xFF3D: "CL",
    0xFF5B: "OP",
    0xFF5D: "CL",
    0xFF04: "PR",
    0xFF05: "PO",
    0xFFE5: "PR",
    0xFFE0: "PO",
    0xFFE1: "PR",
}
_SMALL_KANA = set("ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ")


@lru_cache(maxsize=4096)
def _break_class(char: str) -> str:
    code = ord(char)
    if code < 0x80:
        if char in _ASCII_CLASSES:
            return _ASCII_CLASSES[char]
        if "0" <= char <= "9":
            return "NU"
        if code < 0x20 or code == 0x7F:
            return "BK" if code in (0x0A, 0x0B, 0x0C, 0x0D) else "CM"
        return "AL"
    special = _SPECIAL_CLASSES.get(code)
    if special:
        return special
    if char in _SMALL_KANA:
        return "NS"
    category = unicodedata.category(char)
    if category in ("Mn", "Me", "Mc", "Cc", "Cf"):
        return "CM"
    if category == "Nd":
        return "NU"
    if category == "Zs":
        return "BA"
    if category == "Ps":
        return "OP"
    if category == "Pe":
        return "CL"
    if category in ("Pi", "Pf"):
        return "QU"
    if category == "Pd":
        return "BA"
    if 0xAC00 <= code <= 0xD7A3:
        return "H2" if (code - 0xAC00) % 28 == 0 else "H3"
    if unicodedata.east_asian_width(char) in ("W", "F"):
        return "ID"
    if 0x05D0 <= code <= 0x05F2:
        return "HL"
    return "AL"


def _possible_breaks(chars: Sequence[str]) -> list[int]:
    """Break opportunities before each character (BREAK_* codes), libunistring style."""
    result = [BREAK_PROHIBITED] * len(chars)
    last = "BK"
    seen_space: int | None = None
    seen_space2: int | None = None
    for i, char in enumerate(chars):
        prop = _break_class(char)
        if prop == "BK":
            result[i] = BREAK_MANDATORY
            last, seen_space, seen_space2 = "BK", None, None
            continue
        target = i
        if prop == "SP":
            seen_space2, seen_space = seen_space, i
            continue
        if prop == "ZW":
            last, seen_space, seen_space2 = "ZW", None, None
            continue
        if prop == "CM":
            if last == "ZW":
                result[i] = BREAK_POSSIBLE
                last = "ID"
                continue
            if seen_space is None:
                continue
            target, seen_space, prop = seen_space, seen_space2, "ID"
        if last == "BK":
            result[target] = BREAK_PROHIBITED
        elif last == "ZW":
            result[target] = BREAK_POSSIBLE
        else:
            rule = _TABLE[_INDEX[last]][_INDEX[prop]]
            if prop == "OP" and last in ("AL", "HL", "NU") and char_width(char) == 2:
                rule = "D"  # LB30 does not hold for East Asian opening punctuation
            if rule == "D" or (rule == "I" and seen_space is not None):
                result[target] = BREAK_POSSIBLE
        last, seen_space, seen_space2 = prop, None, None
    return result


def _fill(chars: Sequence[str], breaks: list[int], width: int, start: int) -> list[int]:
    """Greedy fill (libunistring ``u8_width_linebreaks``): indexes where a new line starts."""
    chosen: list[int] = []
    last_p: int | None = None
    last_column = start
    piece = 0
    for i, char in enumerate(chars):
        kind = breaks[i]
        if kind in (BREAK_POSSIBLE, BREAK_MANDATORY) and last_p is not None and last_column + piece > width:
            chosen.append(last_p)
            last_column = 0
        if kind == BREAK_MANDATORY:
            last_p, last_column, piece = None, 0, 0
            continue
        if kind == BREAK_POSSIBLE:
            last_p, last_column, piece = i, last_column + piece, 0
        piece += char_width(char)
    if last_p is not None and last_column + piece > width:
        chosen.append(last_p)
    return chosen


def find_line_starts(text: str, locked: Sequence[int], width: int, start: int) -> list[int]:
    """Indexes into ``text`` (the escaped string) where msgcat starts a new line.

    No break may come before the characters at the ``locked`` indexes (inside escape sequences).
    ``width`` is the usable width and ``start`` the column where the text begins, as in
    libunistring's ``ulc_width_linebreaks``.

    >>> find_line_starts("aaa bbb ccc", [], 8, 0)
    [8]
    >>> find_line_starts("aaa bbb ccc", [], 7, 0)
    [4]
    """
    if _NATIVE is not None:
        return _native_line_starts(text, locked, width, start)
    return find_line_starts_python(text, locked, width, start)


def find_line_starts_each(texts: Sequence[str], width: int) -> list[list[int]]:
    """:func:`find_line_starts` of each of ``texts`` (nothing locked, from column 0), with one call of
    libunistring for them all: they are given to it as one text, one per line. After the newline
    that ends a line (a mandatory break) libunistring starts afresh, as at the start of a text (no
    break before its first character, at column 0), and at it it ends the line as at the end of a
    text; so each text's breaks are those it gets alone. A call costs more than breaking a sentence.
    """
    joined = "\n".join(texts)
    if _NATIVE is None or len(texts) < 2 or "\r" in joined or joined.count("\n") >= len(texts):
        return [find_line_starts(text, (), width, 0) for text in texts]  # (a newline of their own)
    data = joined.encode("utf-8")
    raw = _native_marks(data, width, 0, None)
    found: list[list[int]] = []
    begin = 0  # where the text begins in ``data``
    for text in texts:
        end = begin + len(text) if text.isascii() else begin + len(text.encode("utf-8"))
        position = raw.find(b"\x02", begin, end)
        if position == -1:
            found.append([])
        else:
            positions = []
            while position != -1:
                positions.append(position - begin)
                position = raw.find(b"\x02", position + 1, end)
            found.append(positions if end - begin == len(text) else _char_offsets(data[begin:end], positions))
        begin = end + 1
    return found


def _char_offsets(data: bytes, positions: list[int]) -> list[int]:
    """The UTF-8 byte offsets ``positions`` into ``data`` (increasing) as character offsets,
    decoding each stretch once."""
    offsets = []
    chars = previous = 0
    for position in positions:
        chars += len(data[previous:position].decode("utf-8"))
        previous = position
        offsets.append(chars)
    return offsets


def find_line_starts_python(text: str, locked: Sequence[int], width: int, start: int) -> list[int]:
    """The pure-Python path of :func:`find_line_starts`, always."""
    chars = list(text)
    breaks = _possible_breaks(chars)
    for index in locked:
        breaks[index] = BREAK_PROHIBITED
    return _fill(chars, breaks, width, start)


#: Each thread's buffer for libunistring's answers (a ctypes array of a new size makes a new type).
_BUFFERS = threading.local()


def _native_marks(data: bytes, width: int, start: int, overrides: bytes | None) -> bytes:
    """libunistring's ``u8_width_linebreaks`` of ``data``: a byte per byte of it (2: a line starts
    there), written into this thread's buffer, which grows as needed."""
    size = len(data)
    buffer = getattr(_BUFFERS, "buffer", None)
    if buffer is None or len(buffer) < size:
        buffer = _BUFFERS.buffer = ctypes.create_string_buffer(max(4096, 1 << size.bit_length()))
    _NATIVE(data, size, width, start, 0, overrides, b"UTF-8", buffer)
    return buffer.raw[:size]


def _native_line_starts(text: str, locked: Sequence[int], width: int, start: int) -> list[int]:
    """:func:`find_line_starts` through libunistring's ``u8_width_linebreaks``."""
    data = text.encode("utf-8")
    size = len(data)
    is_ascii = size == len(text)
    overrides: bytes | None = None  # libunistring accepts NULL: no overrides
    if locked:
        marks = bytearray(size)
        if is_ascii:
            for index in locked:
                marks[index] = BREAK_PROHIBITED
        else:
            for index in locked:
                marks[len(text[:index].encode("utf-8"))] = BREAK_PROHIBITED
        overrides = bytes(marks)
    raw = _native_marks(data, width, start, overrides)
    found = raw.find(b"\x02")
    if found == -1:
        return []
    positions = []
    while found != -1:
        positions.append(found)
        found = raw.find(b"\x02", found + 1)
    return positions if is_ascii else _char_offsets(data, positions)
