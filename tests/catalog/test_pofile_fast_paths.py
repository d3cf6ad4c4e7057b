"""The writer's fast paths give exactly what its general path (and the original code) gives."""

from __future__ import annotations

import ctypes
import random
from collections.abc import Sequence

import pytest

from transpub.catalog import linebreak, pofile

_ALPHABET = (
    list("abc xyz  0123.,:;!?-/()<>")
    + list('\\"\a\b\f\n\r\t\v\x01\x7f')
    + list("éüß中文，。「」…\u00a0\u00ad\u0301\u200b\u2028\ufeff한")
)
_ORIGINAL_ESCAPES = str.maketrans(
    {
        "\\": "\\\\",
        '"': '\\"',
        "\a": "\\a",
        "\b": "\\b",
        "\f": "\\f",
        "\n": "\\n",
        "\r": "\\r",
        "\t": "\\t",
        "\v": "\\v",
    }
)


def _texts(seed: int, count: int, longest: int = 200) -> list[str]:
    rng = random.Random(seed)
    return [
        "".join(rng.choice(_ALPHABET) for _ in range(rng.choice([0, 1, 5, 30, 70, longest])))
        for _ in range(count)
    ]


def test_escape_matches_a_translate_table() -> None:
    for text in _texts(1, 3000):
        assert pofile.escape(text) == text.translate(_ORIGINAL_ESCAPES)


def test_escaped_portions_split_after_each_newline() -> None:
    for text in _texts(2, 3000):
        parts = text.split("\n")
        expected = [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])
        assert pofile._escaped_portions(text) == [part.translate(_ORIGINAL_ESCAPES) for part in expected]


def test_text_width_is_the_sum_of_character_widths() -> None:
    for text in _texts(3, 3000):
        expected = len(text) if text.isascii() else sum(map(linebreak.char_width, text))
        assert linebreak.text_width(text) == expected


def test_text_width_only_looks_up_characters_that_may_not_be_one_column() -> None:
    one_column = [
        chr(code) for code in range(0x110000) if not linebreak._MAYBE_NOT_ONE_COLUMN.match(chr(code))
    ]
    assert len(one_column) == 0x7F - 0x20 + 0x300 - 0xA0 - 1
    assert all(linebreak.char_width(char) == 1 for char in one_column)


@pytest.mark.parametrize("prefix", ["", "#~ ", "#| ", "#~| "])
@pytest.mark.parametrize("wrap", [True, False])
def test_format_field_fast_paths_match_the_general_path(prefix: str, wrap: bool) -> None:
    rng = random.Random(4)
    for text in _texts(5, 1500, longest=90):
        name = rng.choice(["msgid", "msgstr", "msgctxt", "msgid_plural", "msgstr[1]"])
        width = pofile.PAGE_WIDTH - 2 - len(prefix) if wrap else pofile._NO_WRAP_WIDTH
        general = pofile._wrap_portions(
            prefix, name, pofile._escaped_portions(text) or [""], text.endswith("\n"), width
        )
        assert pofile.format_field(prefix, name, text, wrap=wrap) == general


def _original_native_line_starts(text: str, locked: Sequence[int], width: int, start: int) -> list[int]:
    """The ctypes call as first written: one overrides byte per byte, a fresh buffer, slices."""
    data = text.encode("utf-8")
    overrides = bytearray(len(data))
    is_ascii = len(data) == len(text)
    for index in locked:
        overrides[index if is_ascii else len(text[:index].encode("utf-8"))] = linebreak.BREAK_PROHIBITED
    result = ctypes.create_string_buffer(len(data) or 1)
    linebreak._NATIVE(data, len(data), width, start, 0, bytes(overrides), b"UTF-8", result)
    raw = result.raw[: len(data)]
    positions = [i for i, byte in enumerate(raw) if byte == linebreak.BREAK_POSSIBLE]
    if is_ascii:
        return positions
    return [len(data[:position].decode("utf-8")) for position in positions]


@pytest.mark.skipif(not linebreak.has_native_linebreaks(), reason="libunistring not installed")
def test_native_line_starts_match_the_original_call() -> None:
    rng = random.Random(6)
    for text in _texts(7, 3000):
        escaped = pofile.escape(text.replace("\n", " "))
        locked = [i + 1 for i, char in enumerate(escaped) if char == "\\" and rng.random() < 0.7]
        locked = [i for i in locked if i < len(escaped)]
        width, start = rng.randint(1, 80), rng.randint(0, 20)
        assert linebreak._native_line_starts(escaped, locked, width, start) == _original_native_line_starts(
            escaped, locked, width, start
        )
