"""The PO reader is as strict as ``msgfmt -c``: what transpub accepts, gettext accepts too.

Each case is a small catalog gettext's tools reject; transpub must refuse it with one clear
error naming the file and line (a UTF-8 BOM included: msgfmt and msgcat reject it, so transpub
does not quietly strip it). The last test runs the real ``msgfmt -c`` over every case and a few
valid neighbours: every catalog transpub accepts must pass it.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from transpub.catalog import read_catalog
from transpub.errors import CatalogError

HEADER = (
    'msgid ""\n'
    'msgstr ""\n'
    '"Project-Id-Version: news\\n"\n'
    '"PO-Revision-Date: 2026-01-01 00:00+0000\\n"\n'
    '"Last-Translator: A <a@example.org>\\n"\n'
    '"Language-Team: de\\n"\n'
    '"Language: de\\n"\n'
    '"MIME-Version: 1.0\\n"\n'
    '"Content-Type: text/plain; charset=UTF-8\\n"\n'
    '"Content-Transfer-Encoding: 8bit\\n"\n'
    '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
    "\n"
)
FIRST = HEADER.count("\n") + 1  # the line of the first entry's first line

#: name -> (catalog bytes, line of the error, words the message must hold)
REJECTED = {
    "byte-order mark": (b"\xef\xbb\xbf" + HEADER.encode() + b'msgid "a"\nmsgstr "b"\n', 1, "byte-order mark"),
    "plural forms without msgstr[0]": (
        (HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "bs"\n').encode(),
        FIRST + 2,
        "msgstr[0]",
    ),
    "plural forms with a gap": (
        (HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[2] "bs"\n').encode(),
        FIRST + 3,
        "msgstr[2]",
    ),
    "plural forms out of order": (
        (HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[1] "bs"\nmsgstr[0] "b"\n').encode(),
        FIRST + 2,
        "msgstr[0]",
    ),
    "obsolete plural forms with a gap": (
        (HEADER + '#~ msgid "a"\n#~ msgid_plural "as"\n#~ msgstr[1] "bs"\n').encode(),
        FIRST + 2,
        "msgstr[0]",
    ),
    "broken obsolete entry then a live msgstr": (
        (HEADER + '#~ msgid "old"\nmsgstr "live"\n').encode(),
        FIRST + 1,
        "#~",
    ),
    "msgstr lacks the final newline of msgid": (
        (HEADER + 'msgid "a\\n"\nmsgstr "b"\n').encode(),
        FIRST + 1,
        "end with a newline",
    ),
    "msgstr adds a final newline": (
        (HEADER + 'msgid "a"\nmsgstr "b\\n"\n').encode(),
        FIRST + 1,
        "end with a newline",
    ),
    "msgstr lacks the leading newline of msgid": (
        (HEADER + 'msgid "\\na"\nmsgstr "b"\n').encode(),
        FIRST + 1,
        "begin with a newline",
    ),
    "a plural form lacks the final newline": (
        (HEADER + 'msgid "a\\n"\nmsgid_plural "as\\n"\nmsgstr[0] "b\\n"\nmsgstr[1] "bs"\n').encode(),
        FIRST + 3,
        "msgstr[1]",
    ),
    "msgid_plural differs from msgid in its final newline": (
        (HEADER + 'msgid "a"\nmsgid_plural "as\\n"\nmsgstr[0] "b"\nmsgstr[1] "bs"\n').encode(),
        FIRST + 1,
        "msgid_plural",
    ),
    "NUL in the header (escaped)": (
        HEADER.replace("Language: de", "Language: d\\000e").encode() + b'msgid "a"\nmsgstr "b"\n',
        7,
        "NUL",
    ),
    "NUL in the header (raw)": (
        HEADER.replace("Language: de", "Language: d\x00e").encode() + b'msgid "a"\nmsgstr "b"\n',
        7,
        "NUL",
    ),
    "more plural forms than nplurals": (
        (HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "bs"\nmsgstr[2] "bss"\n').encode(),
        FIRST + 2,
        "3 plural forms",
    ),
    "fewer plural forms than nplurals": (
        (HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n').encode(),
        FIRST + 2,
        "1 plural form",
    ),
    "translated plural forms without a Plural-Forms header": (
        (
            HEADER.replace('"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n', "")
            + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "bs"\n'
        ).encode(),
        FIRST + 1,
        "Plural-Forms",
    ),
}

#: Refused although msgfmt -c passes it: gettext's own tools change it each time they write it.
REFUSED_FOR_GETTEXT = {
    # A reference ending in a backslash (here: split off at a tab) is written at the end of a
    # "#:" line, and gettext's lexer joins a line ending in a backslash with the next one; msgcat
    # run twice writes "#: a\-#:" (checked with gettext 0.21), so no writer can keep it as it is.
    # transpub's own references never hold one (file names with control characters are refused).
    "a reference ending in a backslash": (
        (HEADER + '#: articles/a\\-\\\t-b.html#p(x)\nmsgid "a"\nmsgstr ""\n').encode(),
        FIRST,
        "backslash",
    ),
}

#: Valid neighbours of the cases above (msgfmt -c passes them; transpub must read them).
ACCEPTED = {
    "plain": (HEADER + 'msgid "a"\nmsgstr "b"\n').encode(),
    "newlines agree": (HEADER + 'msgid "\\na\\n"\nmsgstr "\\nb\\n"\n').encode(),
    "untranslated entry with a final newline": (HEADER + 'msgid "a\\n"\nmsgstr ""\n').encode(),
    "fuzzy entry whose newlines differ": (HEADER + '#, fuzzy\nmsgid "a\\n"\nmsgstr "b"\n').encode(),
    "obsolete entry whose newlines differ": (HEADER + '#~ msgid "a\\n"\n#~ msgstr "b"\n').encode(),
    "plural forms in order": (
        HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\nmsgstr[1] "bs"\n'
    ).encode(),
    "untranslated plural whose msgid_plural ends differently": (
        HEADER + 'msgid "a"\nmsgid_plural "as\\n"\nmsgstr[0] ""\nmsgstr[1] ""\n'
    ).encode(),
    # msgfmt -c counts the plural forms of translated entries only (compiled ones)
    "untranslated entry with three plural forms": (
        HEADER + 'msgid "a"\nmsgid_plural "as"\nmsgstr[0] ""\nmsgstr[1] ""\nmsgstr[2] ""\n'
    ).encode(),
    "fuzzy entry with one plural form": (
        HEADER + '#, fuzzy\nmsgid "a"\nmsgid_plural "as"\nmsgstr[0] "b"\n'
    ).encode(),
    "obsolete entry with one plural form": (
        HEADER + '#~ msgid "a"\n#~ msgid_plural "as"\n#~ msgstr[0] "b"\n'
    ).encode(),
    "references with backslashes inside": (HEADER + '#: src\\a.html:3 b\\c\nmsgid "a"\nmsgstr ""\n').encode(),
}


@pytest.mark.parametrize("case", [*REJECTED, *REFUSED_FOR_GETTEXT])
def test_a_catalog_msgfmt_rejects_is_refused_with_file_and_line(tmp_path: Path, case: str) -> None:
    data, line, words = {**REJECTED, **REFUSED_FOR_GETTEXT}[case]
    path = tmp_path / "de.po"
    path.write_bytes(data)
    with pytest.raises(CatalogError) as raised:
        read_catalog(path)
    error = raised.value
    assert (Path(str(error.path)), error.line) == (path, line), str(error)
    assert words in error.message


@pytest.mark.parametrize("case", list(ACCEPTED))
def test_a_catalog_msgfmt_accepts_is_read(tmp_path: Path, case: str) -> None:
    path = tmp_path / "de.po"
    path.write_bytes(ACCEPTED[case])
    assert read_catalog(path) is not None


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs gettext's msgfmt")
def test_every_catalog_transpub_accepts_passes_msgfmt_check(tmp_path: Path) -> None:
    cases = {**{name: data for name, (data, _, _) in REJECTED.items()}, **ACCEPTED}
    disagreements = []
    for index, (name, data) in enumerate(cases.items()):
        path = tmp_path / f"case{index}.po"
        path.write_bytes(data)
        try:
            read_catalog(path)
        except CatalogError:
            continue
        done = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True, text=True)
        if done.returncode != 0:
            disagreements.append(f"{name}: {done.stderr.strip()}")
    assert disagreements == []
