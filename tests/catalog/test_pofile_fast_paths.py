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


def _awkward_template() -> object:
    """A template with what extract writes and what it never does (a header-like entry, an obsolete
    one, a translator comment, a translation, previous msgids, plurals, contexts, flags)."""
    from transpub.catalog import build_template
    from transpub.catalog.merge import polib
    from transpub.model import Unit

    texts = _texts(7, 60, longest=120)
    units = [
        Unit(
            f"{n}: {text}",  # msgids of one catalog are unique
            (f"articles/a.html#p[{n}]",),
            notes=(f"note {n}",) if n % 3 else (),
            flags=("no-wrap",) if n % 11 == 0 else (),
        )
        for n, text in enumerate(texts)
    ]
    template = build_template(units, project_name="News")
    template.append(polib.POEntry(msgid="", msgctxt="menu", msgstr=""))
    template.append(polib.POEntry(msgid="", msgctxt="", msgstr=""))
    template.append(polib.POEntry(msgid="gone", msgstr="", obsolete=True))
    template.append(polib.POEntry(msgid="said", msgstr="dit", tcomment="by hand"))
    template.append(polib.POEntry(msgid="was", msgstr="", previous_msgid="is", flags=["fuzzy"]))
    template.append(polib.POEntry(msgid="one apple", msgid_plural="%d apples", msgstr_plural={0: "", 1: ""}))
    template.append(polib.POEntry(msgid="menu", msgctxt="verb", msgstr="", flags=["python-format"]))
    template.append(polib.POEntry(msgid="ends a line", msgstr="", comment="first\n"))
    template.append(polib.POEntry(msgid="ends a path", msgstr="", comment="C:\\", occurrences=[("a", "")]))
    template.append(polib.POEntry(msgid="one line", msgstr="", comment="one\n\ntwo", flags=["no-wrap"]))
    return template


#: Glossary notes as a locale may give them: none, empty, several, on several lines, ending in a backslash.
_NOTES = ([], [""], ["Glossary: lake → See"], ["a\nb", "c"], ["path C:\\"], ["", "n", ""], ["x\n"])


@pytest.mark.parametrize("locale", ["de", "ar", "zh_CN"])
@pytest.mark.parametrize("with_notes", [False, True])
@pytest.mark.parametrize("noted_known", [False, True])
def test_a_new_catalog_is_written_as_the_general_merge_writes_it(
    tmp_path, locale: str, with_notes: bool, noted_known: bool
) -> None:
    from transpub.catalog import merge, template_texts

    template = _awkward_template()

    def notes_for(msgid: str) -> list[str]:
        return _NOTES[len(msgid) % len(_NOTES)] if with_notes else []

    path = tmp_path / "a.po"
    notes = notes_for if with_notes else None
    # ``noted_known``: extract knows which msgids name a glossary term; the others' entries are
    # then encoded once for every locale
    noted = {entry.msgid for entry in template if notes_for(entry.msgid)} if noted_known else None
    texts = template_texts(template, noted=noted)
    report = merge.update_catalog(path, template, locale, notes_for=notes, texts=texts)
    merged, expected_report = merge.merge_catalog(
        merge._empty_catalog(template, locale), template, notes_for=notes
    )
    expected = merge.format_catalog(merged).encode("utf-8")
    assert _same_but_the_minute(path.read_bytes(), expected)
    assert report == merge.replace(expected_report, written=True)
    merge.update_catalog(
        path2 := tmp_path / "b.po", template, locale, notes_for=notes
    )  # texts worked out here
    assert _same_but_the_minute(path2.read_bytes(), expected)


def _same_but_the_minute(a: bytes, b: bytes) -> bool:
    """Equal once the revision date (made when each catalog is) is set aside."""
    import re

    date = re.compile(rb"PO-Revision-Date: [^\\]*")
    return date.sub(b"", a) == date.sub(b"", b)


#: Characters whose line breaking depends on what comes before (or after) them: spaces, quotes,
#: hyphens, numbers and their punctuation, combining marks, regional indicators, ideographs, emoji
#: with their modifiers and joiners, mandatory breaks of other kinds than the newline.
_BREAKERS = list(" \u00a0\u2011-–—/\\'\"«»()[]{}.,;:!?%$€0123456789aZé") + list(
    "\u0301\u200b\u200d\u2060\ufeff\u3000中文。「」가\U0001f1e9\U0001f1ea\U0001f600\U0001f3fb\u2028\u0085\x0b\x0c\t\r\n"
)


def _awkward_texts(rng: random.Random, count: int) -> list[str]:
    return [
        "".join(rng.choice(_BREAKERS) for _ in range(rng.choice([0, 1, 2, 3, 10, 40, 90, 170])))
        for _ in range(count)
    ]


@pytest.mark.parametrize("seed", range(4))
def test_line_starts_found_together_are_those_each_text_gets_alone(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(300):
        texts = _awkward_texts(rng, rng.choice([1, 2, 3, 8, 30]))
        width = rng.choice([1, 5, 20, 77, 77, 77])
        assert linebreak.find_line_starts_each(texts, width) == [
            linebreak.find_line_starts(text, [], width, 0) for text in texts
        ]


def _sentence(rng: random.Random) -> str:
    words = ["the", "council", "approved", "a", "budget", "of", "418", "million", "euros", "in", "March"]
    return " ".join(rng.choice(words) for _ in range(rng.choice([1, 5, 11, 12, 13, 14, 20, 40])))


@pytest.mark.parametrize("seed", range(3))
def test_an_articles_msgids_formatted_together_are_as_each_alone(seed: int) -> None:
    rng = random.Random(seed)
    for _ in range(200):
        msgids = [
            rng.choice([_sentence(rng), _sentence(rng), text, "", "x" * rng.randint(60, 90)])
            for text in _texts(rng.randint(0, 10**6), rng.choice([0, 1, 2, 5, 30]), longest=180)
        ]
        wraps = [rng.random() < 0.9 for _ in msgids]
        assert pofile.format_msgids(msgids, wraps) == [
            pofile.format_field("", "msgid", msgid, wrap=wrap)
            for msgid, wrap in zip(msgids, wraps, strict=True)
        ]
