"""Text that looks like a placeholder (``&lt;1&gt;`` in HTML, ``<1>`` in a .txt) stays text (issue 18, finding 8)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from transpub.catalog import read_catalog, write_catalog
from transpub.cli import main
from transpub.inline import escape_lookalikes, strip_placeholders, unescape_lookalikes
from transpub.project import init_project, load_project


def project_with(tmp_path: Path, name: str, text: str) -> Path:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / name).write_text(text, encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 0, result.output
    return tmp_path


def translate(root: Path, slug: str, translations: dict[str, str]) -> None:
    path = load_project(root).catalog_path("de", slug)
    po = read_catalog(path)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    write_catalog(po, path)


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(root), *args])


def test_a_literal_placeholder_in_html_is_escaped_in_the_msgid(tmp_path: Path) -> None:
    root = project_with(tmp_path, "a.html", "<p>Press &lt;1&gt; then <b>go</b>.</p>")
    msgids = [e.msgid for e in read_catalog(load_project(root).catalog_path("de", "a")) if e.msgid]
    assert msgids == ["Press &lt;1> then <1>go</1>."]


def test_a_translation_keeping_the_literal_is_published_as_text(tmp_path: Path) -> None:
    root = project_with(tmp_path, "a.html", "<p>Press &lt;1&gt; then <b>go</b>.</p>")
    translate(root, "a", {"Press &lt;1> then <1>go</1>.": "Drücke &lt;1> und <1>los</1>."})
    assert run(root, "check").exit_code == 0
    result = run(root, "compile")
    assert result.exit_code == 0, result.output
    page = (root / "site" / "de" / "a.html").read_text(encoding="utf-8")
    assert "<p>Drücke &lt;1&gt; und <b>los</b>.</p>" in page


def test_a_literal_placeholder_in_plain_text_cannot_crash_compile(tmp_path: Path) -> None:
    root = project_with(tmp_path, "t.txt", "Title\n\nType <1> and <2/> to start.\n")
    msgid = "Type &lt;1> and &lt;2/> to start."
    assert msgid in {e.msgid for e in read_catalog(load_project(root).catalog_path("de", "t"))}
    translate(root, "t", {"Title": "Titel", msgid: "Tippe <1> und <2/> zum Start."})
    checked = run(root, "check")
    assert checked.exit_code == 1 and "[placeholders]" in checked.output
    result = run(root, "compile", "--threshold", "0")
    assert result.exit_code == 0 and "Traceback" not in result.output
    page = (root / "site" / "de" / "t.html").read_text(encoding="utf-8")
    assert "Type &lt;1&gt; and &lt;2/&gt; to start." in page  # the broken translation is not used


def test_escaping_is_undone_exactly() -> None:
    for text in ["a <1> b", "&lt;1>", "&amp;lt;", "x &lt; y", "</12> <3/> <x>", "R&D", "<1 >"]:
        escaped = escape_lookalikes(text)
        assert "<1>" not in escaped and unescape_lookalikes(escaped) == text
    assert strip_placeholders("Press &lt;1> then <1>go</1>.") == "Press <1> then go."
