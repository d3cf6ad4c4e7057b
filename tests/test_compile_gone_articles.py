"""An article deleted from the archive (retracted, moved) takes its pages off the site at the next
compile: the pages compile wrote for it, as it wrote them; a page someone changed since stays."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def recorded(root: Path, slug: str) -> set[str]:
    """The commands the manifest holds a record of ``slug`` for (in any locale)."""
    import sqlite3

    with sqlite3.connect(root / ".transpub" / "manifest.sqlite") as db:
        return {command for (command,) in db.execute("SELECT command FROM records WHERE slug = ?", (slug,))}


def test_extract_forgets_a_deleted_article_and_compile_still_takes_its_pages_off_the_site(
    tmp_path: Path,
) -> None:
    root = two_articles(tmp_path)
    assert recorded(root, "retracted") == {"extract", "compile"}
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "extract")
    assert result.exit_code == 0 and "orphan catalogs for removed article retracted" in result.output
    assert recorded(root, "retracted") == {"compile"} and recorded(root, "skiing") == {"extract", "compile"}
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html")) and recorded(root, "retracted") == set()


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


def test_an_article_left_out_by_the_configuration_keeps_its_source_and_its_pages(tmp_path: Path) -> None:
    # the articles folder inside the site folder: the article's source was "removed" with its pages
    from test_compile_helpers import CONFIG

    root = tmp_path / "news"
    (root / "public" / "src").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG + '\n[paths]\nsite = "public"\narticles = "public/src"\n')
    # (the paths section last: the exclusion below goes into it)
    (root / "public" / "src" / "skiing.html").write_text(ARTICLE, encoding="utf-8")
    draft = root / "public" / "src" / "draft.html"
    draft.write_text(ARTICLE.replace("Skiing Festival Opens", "Draft Story"), encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    assert run_cli(root, "compile", "--threshold", "0").exit_code == 0
    config = root / "transpub.toml"
    config.write_text(config.read_text(encoding="utf-8") + 'exclude = ["draft.html"]\n')
    result = run_cli(root, "compile", "--threshold", "0")
    assert result.exit_code == 0, result.output
    assert "removed" not in result.output and draft.is_file()
    assert (root / "public" / "de" / "draft.html").is_file()


def test_a_linked_folder_of_articles_away_for_a_moment_takes_no_page_off_the_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    archive = tmp_path / "archive" / "2023"
    archive.mkdir(parents=True)
    (archive / "old.html").write_text(ARTICLE.replace("Skiing Festival Opens", "Old Story"), encoding="utf-8")
    config = root / "transpub.toml"
    config.write_text(config.read_text(encoding="utf-8") + "\n[paths]\nfollow_symlinks = true\n")
    (root / "articles" / "2023").symlink_to(archive)
    assert run_cli(root, "extract").exit_code == 0
    assert run_cli(root, "compile", "--threshold", "0").exit_code == 0
    archive.rename(tmp_path / "archive" / "away")  # a mount not there now
    result = run_cli(root, "compile", "--threshold", "0")
    assert result.exit_code == 0 and "removed" not in result.output, result.output
    assert (root / "site" / "en" / "2023" / "old.html").is_file()


def test_a_preview_compiled_elsewhere_does_not_keep_a_deleted_article_on_the_site(tmp_path: Path) -> None:
    root = two_articles(tmp_path)
    preview = tmp_path / "preview"
    assert run_cli(root, "compile", "-l", "de", "--out", str(preview)).exit_code == 0
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))


def test_the_pages_of_a_deleted_article_leave_an_out_folder_when_it_is_compiled_again(tmp_path: Path) -> None:
    root = two_articles(tmp_path)
    preview = tmp_path / "preview"
    assert run_cli(root, "compile", "-l", "de", "--out", str(preview)).exit_code == 0
    assert (preview / "de" / "retracted.html").is_file()
    assert run_cli(root, "compile", "-l", "de").exit_code == 0  # the site, in between
    (root / "articles" / "retracted.html").unlink()
    assert run_cli(root, "compile", "-l", "de").exit_code == 0
    result = run_cli(root, "compile", "-l", "de", "--out", str(preview))
    assert result.exit_code == 0, result.output
    assert "de/retracted.html: removed (its article is gone)" in result.output
    assert not list(preview.rglob("retracted.html")) and (preview / "de" / "skiing.html").is_file()


def test_the_pages_of_a_deleted_article_leave_an_out_folder_that_was_away_while_the_site_was_compiled(
    tmp_path: Path,
) -> None:
    root = two_articles(tmp_path)
    preview = tmp_path / "preview"
    assert run_cli(root, "compile", "-l", "de", "--out", str(preview)).exit_code == 0
    preview.rename(tmp_path / "away")  # a mount not there now, a folder moved aside
    assert run_cli(root, "compile", "-l", "de").exit_code == 0
    (tmp_path / "away").rename(preview)
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de", "--out", str(preview))
    assert result.exit_code == 0, result.output
    assert "de/retracted.html: removed (its article is gone)" in result.output
    assert not list(preview.rglob("retracted.html")) and (preview / "de" / "skiing.html").is_file()


def test_a_rerun_into_an_out_folder_deleted_since_writes_every_page_again(tmp_path: Path) -> None:
    import shutil

    root = two_articles(tmp_path)
    preview = tmp_path / "preview"
    assert run_cli(root, "compile", "-l", "de", "--out", str(preview)).exit_code == 0
    written = {path.relative_to(preview): path.read_bytes() for path in preview.rglob("*") if path.is_file()}
    shutil.rmtree(preview)
    assert run_cli(root, "compile", "-l", "de").exit_code == 0
    for made in (False, True):  # the folder made again empty, or not at all
        if made:
            shutil.rmtree(preview)
            preview.mkdir()
        assert run_cli(root, "compile", "-l", "de", "--out", str(preview)).exit_code == 0
        again = {
            path.relative_to(preview): path.read_bytes() for path in preview.rglob("*") if path.is_file()
        }
        assert again == written


def compiled_to_an_out_folder_by_an_older_transpub(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """A project of two articles compiled to ``--out preview`` by a transpub of before each --out
    folder had records of its own; the project's folder and the preview's."""
    import transpub.compile.workflow as workflow

    root = two_articles(tmp_path)
    preview = tmp_path / "preview"
    with monkeypatch.context() as older:
        older.setattr(workflow, "_records_name", lambda project, out_dir, markdown: "compile")
        assert run_cli(root, "compile", "-l", "de", "--out", str(preview)).exit_code == 0
    return root, preview


def test_a_deleted_article_compiled_last_to_an_out_folder_by_an_older_transpub_leaves_that_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, preview = compiled_to_an_out_folder_by_an_older_transpub(tmp_path, monkeypatch)
    assert (preview / "de" / "retracted.html").is_file()
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert f"{preview}/de/retracted.html: removed (its article is gone)" in result.output
    assert not list(preview.rglob("retracted.html")) and (preview / "de" / "skiing.html").is_file()
    # its pages in the site were written before that record: they stay, and the run says so, once
    assert (
        "Warning: site/de/retracted.html: left as it is: its article retracted is gone, but the page is "
        "not one compile has a record of writing; delete it if it should go"
    ) in result.stderr
    assert (root / "site" / "de" / "retracted.html").is_file()
    again = run_cli(root, "compile", "-l", "de")
    assert again.exit_code == 0 and "retracted" not in again.output, again.output


def test_a_deleted_article_compiled_last_to_an_out_folder_by_an_older_transpub_leaves_it_once_it_is_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, preview = compiled_to_an_out_folder_by_an_older_transpub(tmp_path, monkeypatch)
    preview.rename(tmp_path / "away")  # a mount not there now, a folder moved aside
    (root / "articles" / "retracted.html").unlink()
    for _ in range(2):  # compiled while it is away, twice
        result = run_cli(root, "compile", "-l", "de")
        assert result.exit_code == 0 and "removed" not in result.output, result.output
    assert result.stderr.count("retracted") == 0, result.stderr  # the site's pages: warned of once
    (tmp_path / "away").rename(preview)
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert f"{preview}/de/retracted.html: removed (its article is gone)" in result.output
    assert not list(preview.rglob("retracted.html")) and (preview / "de" / "skiing.html").is_file()
    again = run_cli(root, "compile", "-l", "de")
    assert again.exit_code == 0 and "retracted" not in again.output + again.stderr, again.output


def test_an_article_deleted_after_a_compile_that_failed_on_its_catalog_still_leaves_the_site(
    tmp_path: Path,
) -> None:
    root = two_articles(tmp_path)
    po_path = root / "locales" / "de" / "LC_MESSAGES" / "retracted.po"
    po_path.write_text('msgid "x"\nmsgstr "unclosed\n', encoding="utf-8")
    failed = run_cli(root, "compile", "-l", "de")
    assert failed.exit_code != 0 and "retracted.po" in failed.output, failed.output
    assert (root / "site" / "de" / "retracted.html").is_file()  # the page published before is kept
    (root / "articles" / "retracted.html").unlink()
    po_path.unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))


def test_an_article_deleted_after_a_compile_that_could_not_read_it_still_leaves_the_site(
    tmp_path: Path,
) -> None:
    root = two_articles(tmp_path)
    article = root / "articles" / "retracted.html"
    article.write_text("<html><body><p>Half a page <!-- cut off", encoding="utf-8")
    failed = run_cli(root, "compile", "-l", "de")
    assert failed.exit_code != 0 and "retracted.html" in failed.output, failed.output
    assert (root / "site" / "de" / "retracted.html").is_file()
    article.unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))


def test_an_article_deleted_after_a_compile_of_the_index_pages_alone_still_leaves_the_site(
    tmp_path: Path,
) -> None:
    root = two_articles(tmp_path)
    indexes = run_cli(root, "compile", "--indexes")
    assert indexes.exit_code == 0, indexes.output
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))


def test_a_full_compile_also_takes_the_pages_of_a_deleted_article_off_the_site(tmp_path: Path) -> None:
    root = two_articles(tmp_path)
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de", "--full")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))
    assert (root / "site" / "de" / "skiing.html").is_file()
    assert "compile" not in recorded(root, "retracted") and "compile" in recorded(root, "skiing")
    again = run_cli(root, "compile", "-l", "de")
    assert again.exit_code == 0 and "removed" not in again.output


def test_a_deleted_html_article_leaves_the_site_when_the_project_compiles_markdown(tmp_path: Path) -> None:
    # with format = "markdown" an HTML article still gets HTML pages: they went on no run (of either format)
    root = two_articles(tmp_path)
    assert run_cli(root, "compile", "-l", "de", "--format", "markdown").exit_code == 0
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert "site/en/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))
    assert (root / "site" / "de" / "skiing.html").is_file()
    again = run_cli(root, "compile", "-l", "de", "--format", "markdown")
    assert again.exit_code == 0 and "removed" not in again.output and "left as it is" not in again.output
    assert run_cli(root, "compile", "-l", "de").exit_code == 0  # the HTML run's record of it goes too
    assert recorded(root, "retracted") <= {"extract"}


def test_a_deleted_html_article_compiled_as_markdown_only_leaves_the_site(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    (root / "articles" / "retracted.html").write_text(
        ARTICLE.replace("Skiing Festival Opens", "Ferry Strike Ends"), encoding="utf-8"
    )
    assert run_cli(root, "extract").exit_code == 0
    assert run_cli(root, "compile", "--format", "markdown").exit_code == 0
    assert (root / "site" / "en" / "retracted.html").is_file()
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "site/en/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))


@pytest.mark.parametrize("image", ["img/ferry.jpg", "retracted/ferry.jpg"])
def test_a_deleted_article_that_shows_an_image_kept_in_the_articles_folder_leaves_the_site(
    tmp_path: Path, image: str
) -> None:
    # its record names the image too, which is still there (other articles may show it): the article
    # was taken for still there, and its pages stayed published
    root = make_project(tmp_path / "news")
    (root / "articles" / image).parent.mkdir(parents=True)
    (root / "articles" / image).write_bytes(b"\xff\xd8 a ferry")
    (root / "articles" / "retracted.html").write_text(
        ARTICLE.replace("Skiing Festival Opens", "Ferry Strike Ends").replace(
            "</body>", f'<img src="{image}" alt="Ferry"></body>'
        ),
        encoding="utf-8",
    )
    assert run_cli(root, "extract").exit_code == 0
    po_path = root / "locales" / "de" / "LC_MESSAGES" / "retracted.po"
    po = read_catalog(po_path)
    for entry in po:
        entry.msgstr = TRANSLATIONS["de"].get(entry.msgid, "Fähre") if entry.msgid else entry.msgstr
    write_catalog(po, po_path)
    assert run_cli(root, "compile", "-l", "de").exit_code == 0
    assert (root / "site" / "de" / "retracted.html").is_file()
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/de/retracted.html: removed (its article is gone)" in result.output
    assert not list((root / "site").rglob("retracted.html"))
    assert (root / "articles" / image).is_file()


def _empty_folders(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_dir() and not any(p.iterdir())
    )


def test_a_folder_whose_pages_compile_removed_goes_with_them_unless_it_holds_something_else(
    tmp_path: Path,
) -> None:
    """sport/match.html, alone in its folder, is deleted: site/<lang>/sport/ goes with its pages (and
    its review copies' folders), but French's, where the desk keeps a file, stays; the de page of
    weather/rain.html, alone too, is held back: site/de/weather/ goes."""
    from pseudo_catalogs import fill_pseudo

    root = make_project(tmp_path / "news")
    for name, title in [
        ("sport/match.html", "Match Won"),
        ("culture/play.html", "Play Opens"),
        ("culture/film.html", "Film Shown"),
        ("weather/rain.html", "Rain Falls"),
    ]:
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(ARTICLE.replace("Skiing Festival Opens", title), encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    fill_pseudo(root)
    result = run_cli(root, "compile", "--review")
    site = root / "site"
    assert result.exit_code == 0 and (site / "de" / "sport" / "match.html").is_file(), result.output
    (site / "fr" / "sport" / "notes.txt").write_text("the desk's\n", encoding="utf-8")
    (root / "articles" / "sport" / "match.html").unlink()
    (root / "articles" / "culture" / "play.html").unlink()
    (root / "locales" / "de" / "LC_MESSAGES" / "weather" / "rain.po").unlink()
    result = run_cli(root, "compile", "--review")
    assert result.exit_code == 0, result.output
    assert "site/de/sport/match.html: removed (its article is gone)" in result.output
    assert [p.relative_to(site).as_posix() for p in site.rglob("*") if "sport" in p.as_posix()] == [
        "fr/sport",
        "fr/sport/notes.txt",
    ]
    assert not (site / "de" / "weather").exists() and (site / "fr" / "weather" / "rain.html").is_file()
    assert (site / "de" / "culture" / "film.html").is_file()
    assert _empty_folders(site) == []


def test_a_page_of_a_deleted_article_the_system_keeps_is_an_error_at_each_run_until_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_compile_dropped_locales import refuse_removing
    from transpub.compile import removal

    root = two_articles(tmp_path)
    (root / "articles" / "retracted.html").unlink()
    kept = root / "site" / "de" / "retracted.html"
    refuse_removing(monkeypatch, removal, kept)
    error = "Error: site/de/retracted.html: cannot remove: Permission denied"
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 1 and error in result.stderr, result.output
    assert "site/en/retracted.html: removed (its article is gone)" in result.output  # (the others go)
    assert "retracted" not in (root / "site" / "de" / "index.html").read_text(encoding="utf-8")
    again = run_cli(root, "compile", "-l", "de")  # (still its record's: tried again, said again)
    assert again.exit_code == 1 and error in again.stderr, again.output
    monkeypatch.undo()
    done = run_cli(root, "compile", "-l", "de")
    assert done.exit_code == 0 and "site/de/retracted.html: removed (its article is gone)" in done.output
    assert not kept.exists()


def test_a_review_copy_of_a_deleted_article_edited_since_stays_with_a_warning(tmp_path: Path) -> None:
    root = two_articles(tmp_path)
    assert run_cli(root, "compile", "-l", "de", "--review").exit_code == 0
    edited = root / "site" / "_review" / "de" / "retracted.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- reviewer's note -->\n", encoding="utf-8")
    placed = root / "site" / "_review" / "de" / "notes.html"  # (never compile's)
    placed.write_text("<p>mine</p>\n", encoding="utf-8")
    (root / "articles" / "retracted.html").unlink()
    result = run_cli(root, "compile", "-l", "de", "--review")
    assert result.exit_code == 0, result.output
    assert edited.read_text(encoding="utf-8").endswith("<!-- reviewer's note -->\n")
    assert placed.read_text(encoding="utf-8") == "<p>mine</p>\n"
    assert (
        "Warning: site/_review/de/retracted.html: left as it is: its article retracted is gone, but the page "
        "was changed since compile wrote it; delete it if it should go"
    ) in result.stderr
    assert (
        "Warning: site/_review/de/notes.html: left as it is: a review copy of an article that is gone (or "
        "whose pages are elsewhere now), but this file is not as compile wrote it; delete it if it should go"
    ) in result.stderr
    assert result.stderr.count("left as it is") == 2, result.stderr
    assert not (root / "site" / "_review" / "en" / "retracted.html").exists()  # (as compile wrote it)
    edited.unlink()
    placed.unlink()
    again = run_cli(root, "compile", "-l", "de", "--review")
    assert again.exit_code == 0 and "left as it is" not in again.output


def test_a_review_copy_of_a_deleted_article_the_system_keeps_is_one_error_at_each_run_until_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_compile_dropped_locales import refuse_removing
    from transpub.compile import removal

    root = two_articles(tmp_path)
    assert run_cli(root, "compile", "-l", "de", "--review").exit_code == 0
    (root / "articles" / "retracted.html").unlink()
    kept = root / "site" / "_review" / "de" / "retracted.html"
    refuse_removing(monkeypatch, removal, kept)
    error = "Error: site/_review/de/retracted.html: cannot remove: Permission denied"
    for _ in range(2):  # (said once a run, and tried again at the next)
        result = run_cli(root, "compile", "-l", "de", "--review")
        assert result.exit_code == 1 and result.stderr.count(error) == 1, result.output
        assert "left as it is" not in result.stderr
    monkeypatch.undo()
    done = run_cli(root, "compile", "-l", "de", "--review")
    assert done.exit_code == 0 and not kept.exists(), done.output


def test_a_deleted_articles_pages_go_from_a_markdown_site_previewed_elsewhere_before(tmp_path: Path) -> None:
    """A preview (``--out``) of a site whose articles are written as Markdown leaves the site's
    records as they are: its HTML articles' pages in the site still go when the article is deleted,
    and the preview's stay until it is compiled again."""
    from test_compile_unused_copies import _newsroom

    root = _newsroom(tmp_path / "news", '\n[compile]\nformat = "markdown"\nmarkdown_dir = "content"\n')
    preview = tmp_path / "preview"
    assert run_cli(root, "compile", "--out", str(preview)).exit_code == 0
    (root / "articles" / "ferry.html").unlink()
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    for locale in ("en", "de", "fr"):
        assert f"site/{locale}/ferry.html: removed (its article is gone)" in result.stdout
        assert not (root / "site" / locale / "ferry.html").exists()
    assert (preview / "de" / "ferry.html").is_file() and "preview" not in result.output


def test_an_edited_page_of_a_deleted_article_is_said_once_while_a_page_the_system_keeps_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_compile_dropped_locales import refuse_removing
    from transpub.compile import removal

    root = two_articles(tmp_path)
    edited = root / "site" / "en" / "retracted.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- editor's note -->\n", encoding="utf-8")
    (root / "articles" / "retracted.html").unlink()
    refuse_removing(monkeypatch, removal, root / "site" / "de" / "retracted.html")
    warning = "Warning: site/en/retracted.html: left as it is: its article retracted is gone"
    error = "Error: site/de/retracted.html: cannot remove: Permission denied"
    first = run_cli(root, "compile", "-l", "de")
    assert first.exit_code == 1 and error in first.stderr and warning in first.stderr, first.output
    again = run_cli(
        root, "compile", "-l", "de"
    )  # (the kept page tried again, said again; the edited one not)
    assert again.exit_code == 1 and error in again.stderr, again.output
    assert "site/en/retracted.html" not in again.stderr, again.stderr
    monkeypatch.undo()
    done = run_cli(root, "compile", "-l", "de")
    assert done.exit_code == 0 and "site/en/retracted.html" not in done.stderr, done.output
    assert not (root / "site" / "de" / "retracted.html").exists() and edited.is_file()
