"""Reading PO files: the same entries polib reads, gettext's strictness, file:line on every error."""

from __future__ import annotations

import tempfile
from pathlib import Path

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transpub.catalog import format_catalog, parse_catalog, read_catalog
from transpub.errors import CatalogError

HEADER = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'

# Text polib and gettext agree on (polib does not know \a, so it is left out here).
_PIECES = st.sampled_from(
    [
        *list("abc xyz  \t\n\r\"\\'.,;:!?-/()[]{}<>%$#@&*+=|~_"),
        "<1>",
        "</1>",
        "<2/>",
        "word ",
        "longer words ",
        *list("中文字，。「」（）ーあア한국"),
        *list("العربية، ؟"),
        *list("éàçñ€«»–—“”\u2028\x85"),
    ]
)
_TEXT = st.lists(_PIECES, max_size=60).map("".join)
_COMMENT_LINE = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 .:;,=<>/()中文é-]{0,70}[A-Za-z0-9.)]", fullmatch=True)
_COMMENT = st.lists(_COMMENT_LINE, max_size=3).map("\n".join)
_FLAGS = st.lists(
    st.sampled_from(["fuzzy", "python-format", "no-c-format", "no-wrap"]), max_size=3, unique=True
)
_REFERENCES = st.lists(
    st.tuples(
        st.from_regex(r"articles/[a-z]{1,8}\.html(#main/p\[[0-9]\])?", fullmatch=True),
        st.sampled_from(["", "3", "120"]),
    ),
    max_size=4,
)


def _like(text: str, msgid: str) -> str:
    """``text`` beginning and ending with a newline exactly when ``msgid`` does, as ``msgfmt -c``
    requires of a translation ("" stays "", and so does a text of newlines only)."""
    core = text.strip("\n")
    if not core:
        return ""
    return ("\n" if msgid.startswith("\n") else "") + core + ("\n" if msgid.endswith("\n") else "")


@st.composite
def entries(draw: st.DrawFn, number: int) -> polib.POEntry:
    plural = draw(st.booleans())
    entry = polib.POEntry(
        msgid=draw(_TEXT) + f" {number}",
        tcomment=draw(_COMMENT),
        comment=draw(_COMMENT),
        occurrences=draw(_REFERENCES),
        flags=draw(_FLAGS),
    )
    if draw(st.booleans()):
        entry.msgctxt = draw(_TEXT)
    if plural:
        entry.msgid_plural = _like(draw(_TEXT) + " (plural)", entry.msgid)
        forms = [_like(draw(_TEXT), entry.msgid) for _ in range(2)]
        if entry.msgid.startswith("\n") and not all(forms):
            forms = ["", ""]  # an empty form would not begin with the newline msgid begins with
        entry.msgstr_plural = dict(enumerate(forms))
    else:
        entry.msgstr = _like(draw(_TEXT), entry.msgid)
    translated = bool(entry.msgstr_plural[0] if plural else entry.msgstr)
    entry.obsolete = translated and draw(st.integers(0, 4)) == 0
    if entry.obsolete:
        entry.occurrences, entry.comment = [], ""
    elif "fuzzy" in entry.flags and draw(st.booleans()):
        entry.previous_msgid = draw(_TEXT)
        if draw(st.booleans()):
            entry.previous_msgctxt = draw(_TEXT)
    return entry


@st.composite
def catalogs(draw: st.DrawFn) -> polib.POFile:
    po = polib.POFile()
    po.header = draw(_COMMENT)
    po.metadata = {
        "Project-Id-Version": "t",
        "Content-Type": "text/plain; charset=UTF-8",
        "Plural-Forms": "nplurals=2; plural=(n != 1);",
    }
    po.metadata_is_fuzzy = draw(st.booleans())
    for number in range(draw(st.integers(1, 8))):
        po.append(draw(entries(number)))
    return po


def polib_read(text: str) -> polib.POFile:
    """polib's parser on a file, as it is used (given a string, polib also splits at U+2028)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "x.po"
        path.write_text(text, encoding="utf-8")
        return polib.pofile(str(path))


def summary(po: polib.POFile) -> tuple:
    """Everything a caller reads from a parsed catalog, in comparable form."""
    fields = []
    for entry in po:
        previous = (
            (None, None, None)
            if entry.obsolete
            else (  # polib skips #~| lines
                entry.previous_msgctxt,
                entry.previous_msgid,
                entry.previous_msgid_plural,
            )
        )
        fields.append(
            (
                entry.msgctxt,
                entry.msgid,
                entry.msgid_plural,
                entry.msgstr,
                {int(k): v for k, v in entry.msgstr_plural.items()},
                bool(entry.obsolete),
                entry.tcomment,
                entry.comment,
                entry.occurrences,
                sorted(entry.flags),
                previous,
            )
        )
    return po.header, po.metadata, bool(po.metadata_is_fuzzy), fields


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_catalogs_we_write_read_back_as_polib_reads_them(po: polib.POFile) -> None:
    text = format_catalog(po)
    assert summary(parse_catalog(text)) == summary(polib_read(text))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(catalogs())
def test_catalogs_polib_writes_read_as_polib_reads_them(po: polib.POFile) -> None:
    text = str(po)
    assert summary(parse_catalog(text)) == summary(polib_read(text))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    catalogs(),
    st.lists(st.sampled_from(["", " ", "  indented", "trailing  ", "#", "x\\y", "\t"]), max_size=4),
)
def test_reading_and_writing_again_changes_no_byte(po: polib.POFile, odd_lines: list[str]) -> None:
    po[0].tcomment = "\n".join([po[0].tcomment, *odd_lines])  # comment lines polib would not keep
    text = format_catalog(po)
    assert format_catalog(parse_catalog(text)) == text


def test_entry_line_is_the_line_of_its_msgid() -> None:
    text = (
        HEADER + '# translator\n#. extracted\n#: a.html\n#, fuzzy\n#| msgid "old"\nmsgid "a"\nmsgstr "b"\n\n'
        'msgid ""\n"c"\nmsgstr "d"\n\n# gone\n#~ msgid "x"\n#~ msgstr "y"\n'
    )
    po = parse_catalog(text)
    assert [(e.msgid, e.linenum) for e in po] == [("a", 10), ("c", 13), ("x", 18)]
    assert text.split("\n")[po[0].linenum - 1] == 'msgid "a"'


def test_gettext_escapes_and_numeric_escapes_are_decoded() -> None:
    po = parse_catalog(
        HEADER + r'msgid "a\n\t\"\\\r\a\b\f\v"' + "\n" + r'msgstr "caf\303\251 \x41\101"' + "\n"
    )
    assert po[0].msgid == 'a\n\t"\\\r\a\b\f\v'
    assert po[0].msgstr == "café AA"


def test_windows_line_ends_are_accepted(tmp_path: Path) -> None:
    # (a byte-order mark is refused, as msgfmt and msgcat refuse it: see test_catalog_strict.py)
    path = tmp_path / "es.po"
    path.write_bytes((HEADER + '#: a.html\nmsgid "a"\nmsgstr "b"\n').replace("\n", "\r\n").encode())
    po = read_catalog(path)
    assert [(e.msgid, e.msgstr, e.occurrences, e.linenum) for e in po] == [("a", "b", [("a.html", "")], 6)]
    assert po.fpath == str(path)


def test_obsolete_previous_msgid_is_kept_unlike_polib() -> None:
    text = HEADER + '#, fuzzy\n#~| msgid "old"\n#~ msgid "new"\n#~ msgstr "nuevo"\n'
    entry = parse_catalog(text)[0]
    assert entry.obsolete and entry.previous_msgid == "old" and entry.flags == ["fuzzy"]
    assert format_catalog(parse_catalog(text)).endswith("\n\n" + text[len(HEADER) :])


def test_same_msgid_in_another_msgctxt_is_no_duplicate() -> None:
    po = parse_catalog(
        HEADER + 'msgctxt "menu"\nmsgid "Open"\nmsgstr "Abrir"\n\nmsgid "Open"\nmsgstr "Abre"\n'
    )
    assert [(e.msgctxt, e.msgid) for e in po] == [("menu", "Open"), (None, "Open")]


BROKEN = [
    ('msgid "a"\nmsgstr "b\n', 6, "syntax"),
    ('msgid "a"\nmsgstr "b"\n"tail\n', 7, "syntax"),
    ('msgid "a"\nmsgstr "say "hi""\n', 6, "syntax"),
    ('msgid "a"\nmsgstr "bad \\q escape"\n', 6, "invalid escape"),
    ('msgid "a"\nmsgstr ""\n"fine\\n"\n\n"bad \\q escape"\n', 9, "invalid escape"),
    ('msgid "a"\nmsgstr "b"\nstray words\n', 7, "cannot parse"),
    ('msgid "a"\n\nmsgid "c"\nmsgstr "d"\n', 5, "no msgstr"),
    ('msgid "a"\n', 5, "no msgstr"),
    ('msgid "a"\n# note\nmsgstr "b"\n', 5, "no msgstr"),
    ('msgid "a"\nmsgstr[0] "b"\n', 6, "msgid_plural"),
    ('msgid "a"\nmsgid_plural "as"\nmsgstr "b"\n', 7, "msgstr[0]"),
    ('#, fuzzy\n"orphan"\nmsgid "a"\nmsgstr "b"\n', 6, "without a keyword"),
    ('#~ msgid "a"\nmsgstr "b"\n', 6, "#~"),
    (
        '# note\n#: a.html\nmsgid "a"\nmsgstr "b"\n\n# note\nmsgid "a"\nmsgstr "c"\n',
        11,
        "first defined at line 7",
    ),
    ('#| bogus "x"\nmsgid "a"\nmsgstr "b"\n', 5, "cannot parse"),
    ('msgid "a"\nmsgstr "b"\n\nmsgid "a"\nmsgstr "c"\n', 8, "duplicate msgid 'a', first defined at line 5"),
    ('msgctxt "m"\nmsgid "a"\nmsgstr "b"\n\n#, fuzzy\nmsgctxt "m"\nmsgid "a"\nmsgstr "c"\n', 11, "duplicate"),
    ('msgid "a"\nmsgstr "b"\n\n#~ msgid "a"\n#~ msgstr "c"\n', 8, "duplicate"),
]


@pytest.mark.parametrize(("body", "line", "words"), BROKEN)
def test_broken_entry_is_reported_at_its_line(tmp_path: Path, body: str, line: int, words: str) -> None:
    path = tmp_path / "es.po"
    path.write_text(HEADER + body, encoding="utf-8")
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert words in caught.value.message
    assert (caught.value.path, caught.value.line) == (path, line), caught.value.message


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('msgid "a"\nmsgstr "b"\n', 1, "missing header"),
        ('# comment\n#, fuzzy\nmsgid ""\nmsgstr "Language: es\\n"\n', 3, "no Content-Type field"),
        ('msgid ""\nmsgstr ""\n\nmsgid "a"\nmsgstr "b"\n', 1, 'header entry (msgid "") is empty'),
        ('msgid ""\nmsgstr ""\n"Language: es\\n"\n"Content-Type: text/plain\\n"\n', 4, "lacks a charset"),
        (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: two\\n"\n',
            4,
            "Plural-Forms",
        ),
    ],
)
def test_bad_header_is_reported_at_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(CatalogError) as caught:
        parse_catalog(text, "x.po")
    assert words in caught.value.message and caught.value.line == line


def test_invalid_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    path.write_bytes((HEADER + 'msgid "a"\n').encode() + b'msgstr "\xff"\n')
    with pytest.raises(CatalogError) as caught:
        read_catalog(path)
    assert caught.value.line == 6 and "UTF-8" in caught.value.message
