"""Every catalog transpub writes is byte-identical to what msgcat writes, and msgfmt -c is clean."""

from __future__ import annotations

import shutil
import subprocess

import polib
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import WRITTEN_CATALOGS
from transpub.catalog import format_catalog, linebreak, parse_catalog

needs_gettext = pytest.mark.skipif(shutil.which("msgcat") is None, reason="gettext tools not installed")

_PIECES = st.sampled_from(
    [
        *list("abcdefghij klm   \t\n\"\\'.,;:!?-/()[]{}<>…%$#@&*+=|~_"),
        "<1>",
        "</1>",
        "<2/>",
        "https://example.com/a?b=c",
        "e.g.",
        "1.5",
        "10%",
        "$10",
        "word ",
        "longerword ",
        *list("中文字，。、「」《》（）！？：；ーァあア한국어"),
        *list("العربية، ؟"),
        *list("éàçñ€£«»–—“”‘’ "),
    ]
)
_TEXT = st.lists(_PIECES, max_size=70).map("".join)


def msgcat(text: str) -> str:
    done = subprocess.run(["msgcat", "--force-po", "-"], input=text.encode(), capture_output=True)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def catalog_of(pairs: list[tuple[str, str, str, bool]]) -> polib.POFile:
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "t",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for number, (msgid, msgstr, previous, obsolete) in enumerate(pairs):
        entry = polib.POEntry(
            msgid=f"{msgid}{number}",
            msgstr=msgstr,
            flags=["fuzzy"] if previous else [],
            comment=msgid,
            tcomment=msgstr[:20],
            occurrences=[(f"articles/a{number}.html#main/p[{i}]", "") for i in range(number % 7)],
        )
        if previous:
            entry.previous_msgid = previous
        entry.obsolete = obsolete and bool(msgstr)
        if entry.obsolete:
            entry.occurrences = []
        po.append(entry)
    return po


@needs_gettext
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TEXT, _TEXT, _TEXT, st.booleans()), min_size=1, max_size=25))
def test_generated_catalogs_are_unchanged_by_msgcat(pairs: list[tuple[str, str, str, bool]]) -> None:
    text = format_catalog(catalog_of(pairs))
    assert msgcat(text) == text


@needs_gettext
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(_TEXT, _TEXT, _TEXT, st.booleans()), min_size=1, max_size=10))
def test_pure_python_line_breaking_matches_msgcat(pairs: list) -> None:
    native = linebreak._NATIVE
    linebreak._NATIVE = None
    try:
        text = format_catalog(catalog_of(pairs))
    finally:
        linebreak._NATIVE = native
    assert msgcat(text) == text


@needs_gettext
def test_comments_ending_in_a_backslash_are_what_msgcat_writes_and_swallow_no_reference() -> None:
    # gettext joins a line ending in a backslash with the next, even in a comment: "#. C:\" followed
    # by "#: ref" would become one comment and lose the reference. transpub adds a space after it.
    po = catalog_of([])
    po.header = "Header ends in \\"
    po.append(
        polib.POEntry(
            msgid="Save to C:\\",
            msgstr="Guardar en C:\\",
            tcomment="see C:\\\nand D:\\\\",
            comment="Paragraph: Save to C:\\",
            occurrences=[("articles/a.html#p[1]", "")],
        )
    )
    text = format_catalog(po)
    assert "#. Paragraph: Save to C:\\ \n#: articles/a.html#p[1]\n" in text
    assert msgcat(text) == text
    again = parse_catalog(text)
    assert again[0].occurrences == [("articles/a.html#p[1]", "")]
    assert format_catalog(again) == text


@needs_gettext
def test_reader_joins_a_line_ending_in_a_backslash_as_gettext_does() -> None:
    text = (
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        '# tc\\\n#. ex\\\n#: a.html\nmsgid "a"\nmsgstr "b"\n\nmsgid "c\\\nd"\nmsgstr "e"\n'
    )
    po = parse_catalog(text)
    assert (po[0].tcomment, po[0].occurrences, po[1].msgid, po[1].linenum) == (
        "tc#. ex#: a.html",
        [],
        "cd",
        10,
    )
    assert format_catalog(po) == msgcat(text)


TRICKY_ARTICLE = """<html><body>
<h1>Quotes "here" and a back\\slash</h1>
<p>A tab\there, <b>bold</b> and <a href="x">a link</a> in a sentence long enough to be wrapped by msgcat at
seventy-nine columns, with 中文，标点。 and العربية، mixed in. 10% off for $10!</p>
<p>Line<br>break and trailing space. </p>
</body></html>
"""


@needs_gettext
@pytest.mark.after_all_catalogs
def test_every_catalog_transpub_writes_is_unchanged_by_msgcat_and_passes_msgfmt(sample_project) -> None:
    """The sample project and an article of awkward text are extracted here, so the test checks
    catalogs whatever order tests run in; run last (the marker), it also checks every catalog
    the rest of the suite wrote."""
    from click.testing import CliRunner

    from transpub.cli import main

    (sample_project / "articles" / "awkward.html").write_text(TRICKY_ARTICLE, encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(sample_project), "extract"])
    assert result.exit_code == 0, result.output
    written = {path for path in WRITTEN_CATALOGS if sample_project in path.parents}
    new = {
        *(sample_project / "locales").glob("*/LC_MESSAGES/awkward.po"),
        *(sample_project / "locales").glob("templates/awkward.pot"),
    }
    assert len(new) == 8 and new <= written  # a template and one catalog per locale
    for path, data in sorted(WRITTEN_CATALOGS.items()):
        done = subprocess.run(["msgcat", "--force-po", "-"], input=data, capture_output=True)
        assert done.returncode == 0, f"{path}: {done.stderr.decode()}"
        assert done.stdout == data, f"{path}: transpub wrote bytes that differ from msgcat's output"
        if path.suffix == ".po":
            check = subprocess.run(
                ["msgfmt", "-c", "--check-format", "-o", "/dev/null", "-"], input=data, capture_output=True
            )
            assert check.returncode == 0, f"{path}: {check.stderr.decode()}"
            if b"X-Generator: transpub" in data:  # headers we made must not even warn
                assert not check.stderr, f"{path}: {check.stderr.decode()}"


@needs_gettext
def test_a_unit_of_an_article_whose_name_has_spaces_keeps_one_reference_through_msgcat(tmp_path) -> None:
    """A PO reference ends at a space: ``articles/Odd Folder/Mixed Name.html#…`` was three references
    to Poedit and polib, and msgcat wrapped the line there (a save in Poedit changed the catalog)."""
    from click.testing import CliRunner

    from transpub.cli import main
    from transpub.project import init_project

    init_project(tmp_path, source="en", locales=["de"])
    folder = tmp_path / "articles" / "Odd Folder"
    folder.mkdir()
    (folder / "Mixed Name, the long one to be wrapped by msgcat.html").write_text(
        "<html><body><h1>The harbour reopens</h1></body></html>\n", encoding="utf-8"
    )
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 0, result.output
    (catalog,) = (tmp_path / "locales" / "de" / "LC_MESSAGES").rglob("*.po")
    data = catalog.read_bytes()
    assert subprocess.run(["msgcat", "-"], input=data, capture_output=True, check=True).stdout == data
    (entry,) = [entry for entry in polib.pofile(str(catalog)) if entry.msgid == "The harbour reopens"]
    assert [name for name, _ in entry.occurrences] == [
        "articles/Odd%20Folder/Mixed%20Name,%20the%20long%20one%20to%20be%20wrapped%20by%20msgcat.html#body/h1(the-harbour-reopens)"
    ]


@needs_gettext
def test_references_naming_chinese_text_are_wrapped_where_msgcat_wraps_them(tmp_path) -> None:
    """gettext measures a ``#:`` reference in UTF-8 bytes: a Chinese page's two references that fit
    79 characters but not 79 bytes were one line, and msgcat (or a tool built on gettext) split it."""
    from click.testing import CliRunner

    from transpub.cli import main
    from transpub.project import init_project

    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "qq.html").write_text(
        '<html><body><div id="goTop"><a href="#" title="返回顶部"><b>返回顶部</b></a></div></body></html>\n',
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 0, result.output
    for catalog in (tmp_path / "locales").rglob("*.po*"):
        data = catalog.read_bytes()
        assert "#: articles/qq.html#goTop/a(返回顶部)@title\n#: articles/qq.html#goTop/b" in data.decode()
        assert subprocess.run(["msgcat", "-"], input=data, capture_output=True, check=True).stdout == data
