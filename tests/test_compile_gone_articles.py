"""An article deleted from the archive (retracted, moved) takes its pages off the site at the next
compile: the pages compile wrote for it, as it wrote them; a page someone changed since stays."""

from __future__ import annotations

from pathlib import Path

from test_compile_helpers import ARTICLE, TRANSLATIONS, make_project, run_cli
from transpub.catalog import read_catalog, write_catalog


def two_articles(tmp_path: Path) -> Path:
    root = make_project(tmp_path / "news")
    (root / "articles" / "retracted.html").write_text(
        ARTICLE.replace("Skiing Festival Opens", "Ferry Strike Ends"), encoding="utf-8"
    )
    assert run_cli(root, "extract").exit_code == 0
    po_path = root / "locales" / "de" / "LC_MESSAGES" / "retracted.po"
    po = read_catalog(po_path)
    for entry in po:
        entry.msgstr = TRANSLATIONS["de"].get(entry.msgid, "Fähre") if entry.msgid else entry.msgstr
    write_catalog(po, po_path)
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0 and (root / "site" / "de" / "retracted.html").is_file(), result.output
    return root


def test_the_pages_of_a_deleted_article_are_removed_at_the_next_compile(tmp_path: Path) -> None:
    root = two_articles(tmp_path)
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert "site/en/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))
    assert (root / "site" / "de" / "skiing.html").is_file() and (
        root / "site" / "en" / "skiing.html"
    ).is_file()
    assert "retracted" not in (root / "site" / "de" / "index.html").read_text(encoding="utf-8")
    again = run_cli(root, "compile", "-l", "de")
    assert again.exit_code == 0 and "removed" not in again.output


def test_a_page_changed_since_compile_wrote_it_is_left_with_a_warning(tmp_path: Path) -> None:
    root = two_articles(tmp_path)
    edited = root / "site" / "de" / "retracted.html"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "<!-- kept by the web desk -->\n", encoding="utf-8"
    )
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert edited.is_file() and not (root / "site" / "en" / "retracted.html").exists()
    assert "Warning: site/de/retracted.html: left as it is: its article retracted is gone" in result.stderr
