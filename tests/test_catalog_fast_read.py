"""compile reads each catalog through ``catalog.read_translations``, a fast path for catalogs of the
usual shape. Whatever the catalog, it must give exactly what the strict reader gives: the same
translations, states, msgid lines and machine-translation provenance, or the same error at the
same line (a broken catalog is always left to the strict reader to describe).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest

import fuzzing
from test_catalog_strict import ACCEPTED, REFUSED_FOR_GETTEXT, REJECTED
from transpub.catalog import read_catalog, read_translations
from transpub.catalog.entries import entry_state, provenance_of
from transpub.catalog.reader import _fast_translations, decode_catalog
from transpub.errors import CatalogError

HEADER = (
    "# German translation of the news.\n"
    "# A. Translator <a@example.org>, 2026.\n"
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: news\\n"\n'
    '"Language: de\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    "\n"
)
#: A catalog as transpub, msgmerge and Poedit leave it: notes, references, machine translations
#: with their provenance, previous msgids, contexts, wrapped strings, escapes, obsolete entries.
REALISTIC = HEADER + (
    "#. Paragraph: The council met. It voted.\n"
    "#: articles/a.html#story/p(the-council-met)\n"
    'msgid "The council met."\n'
    'msgstr "Der Rat tagte."\n'
    "\n"
    "# keep it short\n"
    "# transpub: machine translation by deepl\n"
    "#. Placeholders: <1>…</1> = link (a)\n"
    "#: articles/a.html#story/p(the-council-met)\n"
    "#, fuzzy\n"
    '#| msgid "It voted <1>no</1>."\n'
    'msgid "It voted <1>yes</1>."\n'
    'msgstr "Er stimmte <1>ja</1>."\n'
    "\n"
    "#: articles/a.html#head/title\n"
    'msgctxt "title"\n'
    'msgid "The council met."\n'
    'msgstr "Ratssitzung"\n'
    "\n"
    "#: articles/a.html#story/p(a-long-one)\n"
    'msgid ""\n'
    '"A long sentence that wraps onto a second line, with \\"quotes\\" and a "\n'
    '"tab\\there."\n'
    'msgstr ""\n'
    '"Ein langer Satz, der umbricht, mit \\"Anführungszeichen\\" und einem "\n'
    '"Tab\\there."\n'
    "\n"
    "#: articles/a.html#story/p(untranslated)\n"
    'msgid "Not yet."\n'
    'msgstr ""\n'
    "\n"
    'msgid "Blank."\n'
    'msgstr "   "\n'
    "\n"
    "#, fuzzy, python-format\n"
    'msgid "Octal \\303\\251 and hex \\x41 and a backslash \\\\."\n'
    'msgstr "Oktal é und hex A und ein Backslash \\\\."\n'
    "\n"
    'msgid "Lines\\n"\n'
    'msgstr "Zeilen\\n"\n'
    "\n"
    '#~ msgid "Gone"\n'
    '#~ msgstr "Weg"\n'
    "\n"
    '#~ msgctxt "title"\n'
    '#~ msgid "Old title"\n'
    '#~ msgstr ""\n'
    '#~ "Alter Titel"\n'
)

#: Lines that mutations insert: each a valid or broken neighbour of a usual line.
ODD_LINES = [
    "",
    "   ",
    "#",
    "#, fuzzy",
    "#,fuzzy ,",
    "# transpub: machine translation by x",
    "#. note",
    "#: a.html:3",
    "#: a\\",
    "#: src\\a.html:3",
    "#! range",
    "#foo",
    '#| msgid "prev"',
    '#| msgctxt "c"',
    '#| "continued"',
    '#| msgstr "no"',
    '#~ msgid "old"',
    '#~ msgstr "alt"',
    '#~ "more"',
    '#~| msgid "older"',
    "#~",
    'msgctxt "c"',
    'msgid ""',
    'msgid "x"',
    'msgid"tight"',
    'msgid "a\\q"',
    'msgid "\\n"',
    'msgstr "y"',
    'msgstr ""',
    'msgstr "\\nlead"',
    'msgstr "bad \\777"',
    'msgid_plural "xs"',
    'msgstr[0] "q"',
    'msgstr[1] "qs"',
    '"continued"',
    '"unterminated',
    '  msgid "indented"',
    '"x" trailing',
    'msgstr "tab"\t',
    'msgstr "Content-Type: text/plain; charset=UTF-8\\n"',
    "\ufeff",
    "\f",
    "garbage",
]


def outcome(path: Path, read) -> object:
    """What a reader makes of ``path``: its translations, or its error's message and line."""
    try:
        return read(path)
    except CatalogError as exc:
        return ("error", exc.message, exc.line, str(exc.path))


def strict_translations(path: Path) -> dict[str, tuple]:
    """The translations as compile took them from the strict reader (before the fast path)."""
    return {
        entry.msgid: (entry.msgstr, entry_state(entry), entry.linenum, provenance_of(entry))
        for entry in read_catalog(path)
        if not entry.obsolete and entry.msgid
    }


def assert_same(path: Path, data: bytes) -> None:
    path.write_bytes(data)
    assert outcome(path, read_translations) == outcome(path, strict_translations), data


def mutate_lines(text: str, rng: random.Random) -> str:
    """``text`` after a few line edits: delete, duplicate, swap with the next, insert an odd line."""
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        at = rng.randrange(len(lines))
        choice = rng.random()
        if choice < 0.25:
            del lines[at]
        elif choice < 0.4:
            lines.insert(at, lines[at])
        elif choice < 0.55 and at + 1 < len(lines):
            lines[at], lines[at + 1] = lines[at + 1], lines[at]
        else:
            lines.insert(at, rng.choice(ODD_LINES))
        if not lines:
            lines = [""]
    out = "\n".join(lines)
    if rng.random() < 0.1:
        out = out.replace("\n", "\r\n")
    if rng.random() < 0.1:
        out = out.rstrip("\n")
    return out


@pytest.mark.parametrize("case", [*REJECTED, *REFUSED_FOR_GETTEXT, *ACCEPTED])
def test_the_strict_readers_cases_read_the_same(tmp_path: Path, case: str) -> None:
    data = {**{name: data for name, (data, _, _) in {**REJECTED, **REFUSED_FOR_GETTEXT}.items()}, **ACCEPTED}[
        case
    ]
    assert_same(tmp_path / "de.po", data)


def test_a_usual_catalog_reads_the_same_translations_states_lines_and_provenance(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    path.write_text(REALISTIC, encoding="utf-8")
    found = read_translations(path)
    assert found == strict_translations(path)
    assert found["It voted <1>yes</1>."] == (
        "Er stimmte <1>ja</1>.",
        "fuzzy",
        23,
        "machine translation by deepl",
    )
    assert found["Not yet."][1] == "untranslated" and found["Blank."][1] == "untranslated"
    assert found["The council met."] == ("Ratssitzung", "translated", 28, None)  # the later entry wins


def test_catalogs_as_transpub_writes_them_are_read_without_the_line_by_line_reader(tmp_path: Path) -> None:
    """The point of the fast path: the usual shapes never need the strict reader's line loop."""
    for number, text in enumerate([REALISTIC, REALISTIC.replace("\n", "\r\n").replace("\r\n", "\n"), HEADER]):
        path = tmp_path / f"{number}.po"
        path.write_text(text, encoding="utf-8")
        assert _fast_translations(decode_catalog(path.read_bytes(), path), path) is not None


def test_catalogs_edited_line_by_line_read_the_same(tmp_path: Path) -> None:
    rng = random.Random(16)
    path = tmp_path / "de.po"
    for _ in range(500):
        assert_same(path, mutate_lines(REALISTIC, rng).encode("utf-8"))


def test_catalogs_mutated_byte_by_byte_read_the_same(tmp_path: Path) -> None:
    rng = random.Random(19)
    path = tmp_path / "de.po"
    seeds = [*fuzzing.SEED_PO, REALISTIC.encode("utf-8")]
    for _ in range(500):
        assert_same(path, fuzzing.mutate(rng.choice(seeds), rng, fuzzing.PO_TOKENS))


@pytest.mark.parametrize(
    "entry",
    [
        '#: a.html#p\nmsgid "He said "yes"."\nmsgstr "Er sagte ja."\n',
        '#: a.html#p\nmsgid ""\n"He said "yes" "\n"twice."\nmsgstr "Er sagte ja."\n',
        '#: a.html#p\nmsgid "He said yes."\nmsgstr ""\n"Er sagte "ja"."\n',
        '#: a.html#p\nmsgid "He said \\"yes\\"."\nmsgstr ""\n"Er sagte \\"ja\\"."\n',
        '#. a note with a \\ backslash\nmsgid "Plain."\nmsgstr "Schlicht."\n',
        '#: a.html#p\nmsgctxt "a "b" c"\nmsgid "Plain."\nmsgstr "Schlicht."\n',
        '#: a.html#p\nmsgid "Plain." \nmsgstr "Schlicht."\t\n',
        '#: a.html#p\nmsgid "Plain."\nmsgstr "Schlicht." "more"\n',
    ],
)
def test_quotes_and_backslashes_in_an_entry_read_the_same_both_ways(tmp_path: Path, entry: str) -> None:
    """A plain entry is one without backslash or quote inside its strings: any other goes through
    the general pattern or the strict reader, with the same translations or the same error."""
    text = HEADER + "\n" + entry + '\n#: b.html#p\nmsgid "After."\nmsgstr "Danach."\n'
    assert_same(tmp_path / "de.po", text.encode("utf-8"))


#: A catalog as extract writes it for news articles (every entry plain: notes, references, wrapped
#: strings, no msgctxt, flags or escapes), after translation: read at once, not entry by entry.
PLAIN = HEADER + (
    "#. Paragraph: The council met. It voted on the “new” budget.\n"
    "#: articles/a.html#story/p(the-council-met)\n"
    'msgid "The council met."\n'
    'msgstr "⟦The council met.⟧"\n'
    "\n"
    "#. Placeholders: <1>…</1> = emphasis (em)\n"
    "#: articles/a.html#story/p(the-council-met)\n"
    "#: articles/a.html#story/p(it-voted)\n"
    'msgid ""\n'
    '"It voted on the <1>new</1> budget for 2026, which the mayor had announced "\n'
    '"in March."\n'
    'msgstr ""\n'
    '"Er stimmte über das <1>neue</1> Budget für 2026 ab, das die Bürgermeisterin "\n'
    '"im März angekündigt hatte."\n'
    "\n"
    "#: articles/a.html#head/title\n"
    'msgid "Not yet."\n'
    'msgstr ""\n'
    "\n"
    'msgid "Blank."\n'
    'msgstr "  "\n'
    "\n"
    "\n"
    "#: articles/a.html#story/p(last)\n"
    'msgid "Last."\n'
    'msgstr ""\n'
    '"Zuletzt."\n'
)


def test_a_catalog_of_plain_entries_is_read_at_once_with_the_lines_and_states_of_the_strict_reader(
    tmp_path: Path,
) -> None:
    from transpub.catalog import reader

    path = tmp_path / "de.po"
    path.write_text(PLAIN, encoding="utf-8")
    text = "\n" + PLAIN
    header_end = reader._general_entry(text, 1)[0].end()
    assert reader._plain_rest(text, header_end, text.count("\n", 0, header_end)) is not None
    found = read_translations(path)
    assert found == strict_translations(path)
    assert found["It voted on the <1>new</1> budget for 2026, which the mayor had announced in March."] == (
        "Er stimmte über das <1>neue</1> Budget für 2026 ab, das die Bürgermeisterin im März angekündigt hatte.",
        "translated",
        20,
        None,
    )
    assert found["Blank."][1] == "untranslated" and found["Last."] == ("Zuletzt.", "translated", 36, None)


def test_plain_catalogs_edited_or_mutated_read_the_same_at_once_entry_by_entry_and_strictly(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading a plain catalog at once is a shortcut: whatever the edit, it gives what reading it
    entry by entry gives, and what the strict reader gives."""
    from transpub.catalog import reader

    rng = random.Random(7)
    path = tmp_path / "de.po"
    seeds = [PLAIN, PLAIN.replace('"in March."\n', '"in March." \t\n')]  # (a space after a string)
    for number in range(600):
        seed = seeds[number % 4 // 2]
        if number % 2:
            data = mutate_lines(seed, rng).encode("utf-8")
        else:
            data = fuzzing.mutate(seed.encode("utf-8"), rng, fuzzing.PO_TOKENS)
        assert_same(path, data)
        with monkeypatch.context() as patched:
            patched.setattr(reader, "_plain_rest", lambda text, position, newlines: None)
            entry_by_entry = outcome(path, read_translations)
        assert outcome(path, read_translations) == entry_by_entry, data


#: A plain catalog whose last msgid comes twice (the strict reader's error).
TWICE = PLAIN + '\n#: articles/a.html#story/p(again)\nmsgid "Last."\nmsgstr "Wieder."\n'


def read_without_lines(path: Path) -> dict[str, tuple]:
    return read_translations(path, lines=False)


def test_catalogs_read_without_their_lines_give_the_same_translations_or_the_same_error(
    tmp_path: Path,
) -> None:
    """compile reads a catalog without counting its lines (it counts them again for a warning or a
    review copy): whatever the catalog, the translations, states and provenance are the strict
    reader's, or the error is; each line is the strict reader's or None."""
    rng = random.Random(23)
    path = tmp_path / "de.po"
    seeds = [PLAIN, REALISTIC, PLAIN.replace('msgstr ""\n"Zuletzt."', 'msgstr "Zuletzt <1>x</1>."'), TWICE]
    for number in range(800):
        seed = seeds[number % 4]
        if number % 4 < 2:
            data = mutate_lines(seed, rng).encode("utf-8")
        else:
            data = fuzzing.mutate(seed.encode("utf-8"), rng, fuzzing.PO_TOKENS)
        path.write_bytes(data)
        strict = outcome(path, strict_translations)
        found = outcome(path, read_without_lines)
        if isinstance(strict, tuple) or isinstance(found, tuple):
            assert found == strict, data
            continue
        assert isinstance(found, dict) and found.keys() == strict.keys(), data
        for msgid, (text, state, line, provenance) in found.items():
            assert (text, state, provenance) == (strict[msgid][0], strict[msgid][1], strict[msgid][3]), data
            assert line in (None, strict[msgid][2]), data


def test_a_catalog_of_plain_entries_read_without_lines_is_read_at_once_as_with_them(tmp_path: Path) -> None:
    """The quick read of the plain entries without their lines (one split, no line counted) takes
    the catalogs the read with lines takes, with the same entries; the others go entry by entry."""
    from transpub.catalog import reader

    rng = random.Random(29)
    plain = "\n" + PLAIN
    start = reader._general_entry(plain, 1)[0].end()
    assert reader._plain_rest_unnumbered(plain, start) is not None
    for number in range(800):
        seed = TWICE if number % 3 == 0 else PLAIN
        if number % 2:
            text = mutate_lines(seed, rng)
        else:
            text = fuzzing.mutate(seed.encode("utf-8"), rng, fuzzing.PO_TOKENS).decode("utf-8", "replace")
        text = "\n" + text.replace("\r\n", "\n")
        entry = reader._general_entry(text, 1)[0]
        if entry is None:
            continue
        position = entry.end()
        numbered = reader._plain_rest(text, position, text.count("\n", 0, position))
        found = reader._plain_rest_unnumbered(text, position)
        if numbered is None:
            assert found is None, text
        else:
            assert found == {msgid: (t, s, None, p) for msgid, (t, s, _, p) in numbered.items()}, text


@pytest.mark.parametrize(
    "head",
    [
        "",
        "# content-type: text/plain; charset=latin-1\n",
        "# CONTENT-TYPE: x\n",
        '"Content-Type: text/plain\\n"\n',
        "#. Content-Type: charset=ascii\n",
    ],
)
def test_the_declared_charset_is_found_where_a_search_from_the_start_finds_it(head: str) -> None:
    """decode_catalog looks for the charset from the first ``Content-Type:`` written as usual, unless
    the name is written in other cases before it: the same match as a search of the whole text."""
    from transpub.catalog import reader

    rng = random.Random(31)
    seeds = [(head + HEADER).encode("utf-8"), (head + PLAIN).encode("latin-1", "replace")]
    for number in range(300):
        data = fuzzing.mutate(seeds[number % 2], rng, [*fuzzing.PO_TOKENS, b"Content-Type:", b"charset="])
        expected = reader._DECLARED_CHARSET.search(data)
        found = reader._DECLARED_CHARSET.search(data, reader._charset_from(data))
        assert (found and (found.span(), found.group(1))) == (
            expected and (expected.span(), expected.group(1))
        )


def test_a_line_ending_in_a_backslash_is_found_among_many_backslashes() -> None:
    from transpub.catalog import reader

    rng = random.Random(37)
    for _ in range(2000):
        pieces = [rng.choice(["\\", "\n", "a", '"', "\\\\", "\\n"]) for _ in range(rng.randrange(300))]
        if rng.random() < 0.3:
            pieces.insert(rng.randrange(len(pieces) + 1), "\\\n")  # (perhaps after a hundred backslashes)
        text = "".join(pieces)
        assert reader._continues_a_line(text) == ("\\\n" in text), text


#: Pieces of a PO string's contents: escapes of every kind, and the characters next to which they
#: change meaning (a backslash before a backslash, an ``n`` after one).
ESCAPE_PIECES = ["\\n", "\\\\", "\\t", '\\"', "\\101", "\\x41", "\\q", "\\", "n", "a", " ", "é", '"']


def test_a_string_whose_escapes_are_newlines_reads_as_with_every_other_escape() -> None:
    """A header's strings hold only ``\\n`` escapes: they are read without a call per escape, to
    the same text (or the same error) as a string with any other escape."""
    from transpub.catalog import reader

    rng = random.Random(31)
    newlines_only = 0
    for _ in range(3000):
        text = "".join(rng.choice(ESCAPE_PIECES) for _ in range(rng.randrange(1, 9)))
        newlines_only += text.count("\\") == text.count("\\n")
        assert outcome_of(reader.unescape, text) == outcome_of(
            lambda t: reader._ESCAPE.sub(reader._decode_escape, t), text
        ), text
    assert newlines_only > 300  # (the quick way was taken often)


#: What may follow a string's closing quote on its line.
LINE_ENDS = ["", "", " ", "\t "]


def test_a_field_continued_on_other_lines_reads_as_its_strings_joined() -> None:
    """A msgid or msgstr on several lines is the strings of its lines joined, however they end
    (a space or a tab after a closing quote) and whatever they escape."""
    from transpub.catalog import reader

    rng = random.Random(37)
    for _ in range(2000):
        bodies = [
            "".join(rng.choice([*ESCAPE_PIECES[:6], "a", " ", "é"]) for _ in range(rng.randrange(0, 5)))
            for _ in range(rng.randrange(1, 5))
        ]
        more = "".join(f'"{body}"{rng.choice(LINE_ENDS)}\n' for body in bodies)
        expected = outcome_of(reader.unescape, "first" + "".join(bodies))
        assert outcome_of(lambda m: reader._string_value("first", m), more) == expected, more


def outcome_of(read: Callable[[str], str], text: str) -> str | tuple[str, str]:
    """What ``read`` makes of ``text``: its value, or the error it raises."""
    try:
        return read(text)
    except ValueError as exc:
        return ("error", str(exc))


def test_catalogs_that_start_with_a_header_read_before_read_as_when_it_is_new(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogs of a language share their header, which is read once per run: whatever follows
    it, and whatever was edited in it, a catalog reads as it would with the header never seen."""
    from transpub.catalog import reader

    rng = random.Random(41)
    path = tmp_path / "de.po"
    seeds = [PLAIN, REALISTIC, TWICE, HEADER + PLAIN[PLAIN.index("#:") :]]
    remembered = 0
    for number in range(800):
        seed = seeds[number % 4]
        if number % 2:
            text = mutate_lines(seed, rng)
        else:
            text = fuzzing.mutate(seed.encode("utf-8"), rng, fuzzing.PO_TOKENS).decode("utf-8", "replace")
        path.write_text(text, encoding="utf-8")
        with monkeypatch.context() as patched:
            patched.setattr(reader, "_HEADERS", {})
            as_new = outcome(path, read_translations), outcome(path, read_without_lines)
            known = dict(reader._HEADERS)
        if known:
            remembered += 1
            with monkeypatch.context() as patched:
                patched.setattr(reader, "_HEADERS", known)
                assert (outcome(path, read_translations), outcome(path, read_without_lines)) == as_new, text
    assert remembered > 200  # (most catalogs start with a header the next one may share)


def test_a_second_catalog_with_a_known_header_is_read_at_once_without_the_entry_by_entry_loop(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A language's catalogs share their header: the second one's entries are read at once, with the
    lines and states the strict reader gives, and no entry is read one by one."""
    from transpub.catalog import reader

    first, second = tmp_path / "a.po", tmp_path / "b.po"
    first.write_text(PLAIN, encoding="utf-8")
    second.write_text(PLAIN.replace('msgstr ""\n\n#', 'msgstr "Hallo"\n\n#', 1), encoding="utf-8")
    expected = {
        lines: outcome(second, read_translations if lines else read_without_lines) for lines in (True, False)
    }
    monkeypatch.setattr(reader, "_HEADERS", {})
    read_translations(first)  # (its header remembered)
    assert reader._HEADERS

    def one_by_one(*args: object) -> object:
        raise AssertionError("an entry read one by one")

    monkeypatch.setattr(reader, "_plain_groups", one_by_one)
    monkeypatch.setattr(reader, "_general_entry", one_by_one)
    assert outcome(second, read_translations) == expected[True]
    assert outcome(second, read_without_lines) == expected[False]


@pytest.mark.parametrize(
    "line",
    ["#: articles/a.html#story\\", "#. A note \\", "#. \\", '"Zuletzt." \\', "#, fuzzy\\"],
)
def test_a_line_continued_by_a_backslash_after_a_header_read_before_reads_as_the_strict_reader_reads_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    """gettext joins a line that ends in a backslash with the next one: a catalog whose header was
    read before (its entries then read at once) and one of whose lines does so reads as the strict
    reader reads it, with its lines and without."""
    from transpub.catalog import reader

    first, second = tmp_path / "a.po", tmp_path / "b.po"
    first.write_text(PLAIN, encoding="utf-8")
    lines = PLAIN.split("\n")
    at = max(i for i, text in enumerate(lines) if text.startswith("#:"))
    lines.insert(at, line)
    second.write_text("\n".join(lines), encoding="utf-8")
    strict = outcome(second, strict_translations)
    monkeypatch.setattr(reader, "_HEADERS", {})
    read_translations(first)  # (its header remembered)
    assert reader._HEADERS
    assert outcome(second, read_translations) == strict
    found = outcome(second, read_without_lines)
    if isinstance(strict, tuple) or isinstance(found, tuple):
        assert found == strict
        return
    assert isinstance(found, dict) and found.keys() == strict.keys()
    for msgid, (text, state, number, provenance) in found.items():
        assert (text, state, provenance) == (strict[msgid][0], strict[msgid][1], strict[msgid][3])
        assert number in (None, strict[msgid][2])
