"""An editor switches ``[compile] format`` (markdown <-> html): the next compile of every language
removes what compile wrote as the other format, which a generator would still build (the old
Markdown beside the new HTML pages, or the old pages in the folder Markdown goes to now); a file
edited since stays, said once; nothing compile did not write, and nothing of a preview, is removed."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from test_compile_helpers import run_cli
from test_compile_markdown import make_markdown_project, translate
from test_markdown_moved_outputs import files_in, old_files, reconfigure, warnings_in

MARKDOWN, HTML = 'format = "markdown"', 'format = "html"'


def switched(root: Path, before: str, after: str) -> str:
    """Compile with ``before`` in ``transpub.toml``, then with ``after``; the second run's stdout."""
    assert run_cli(root, "compile").exit_code == 0
    reconfigure(root, before, after)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    return result.stdout


def test_markdown_to_html_removes_the_markdown_files_said_in_one_line(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    stdout = switched(root, MARKDOWN, HTML)
    assert not (root / "content").exists()  # the files, the record and the folder
    assert (root / "site" / "es" / "posts" / "harbour.html").is_file()
    assert old_files(root, "articles") == set()
    lines = [line for line in stdout.splitlines() if line.startswith("content/: ")]
    assert lines == ["content/: 4 Markdown files compile wrote there removed ([compile] format is html now)"]
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "removed" not in again.output and "Warning" not in again.output


def test_markdown_to_html_in_the_site_folder_keeps_the_new_pages(tmp_path: Path) -> None:
    """The directory layout writes Markdown into ``site/``, where the HTML pages go now."""
    root = make_markdown_project(tmp_path / "p")
    switched(root, MARKDOWN, HTML)
    assert {name for name in files_in(root, "site") if not name.endswith(".html")} == set()
    assert {"site/es/posts/harbour.html", "site/en/guide/index.html", "site/index.html"} <= files_in(
        root, "site"
    )


def test_an_edited_markdown_file_stays_with_one_warning_said_once(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    assert run_cli(root, "compile").exit_code == 0
    edited = root / "content" / "es" / "posts" / "harbour.md"
    edited.write_text(edited.read_text("utf-8") + "\nUna nota del editor.\n", "utf-8")
    kept = edited.read_bytes()
    reconfigure(root, MARKDOWN, HTML)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert files_in(root, "content") == {"content/es/posts/harbour.md"} and edited.read_bytes() == kept
    warnings = warnings_in(result.stderr)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("Warning: content/es/posts/harbour.md: left as it is") and (
        "[compile] format is html now" in warnings[0]
    )
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "Warning" not in again.output and edited.read_bytes() == kept


def test_html_to_markdown_removes_the_site_pages_said_in_one_line(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    reconfigure(root, MARKDOWN, HTML)
    own = root / "site" / "about.html"
    own.parent.mkdir()
    own.write_text("<p>Written by hand.</p>\n", "utf-8")
    stdout = switched(root, HTML, MARKDOWN)
    assert files_in(root, "site") == {"site/about.html"}  # the pages and index pages gone, not this one
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file()
    lines = [line for line in stdout.splitlines() if line.startswith("site/: ")]
    assert lines == ["site/: 8 HTML pages compile wrote there removed ([compile] format is markdown now)"]
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "removed" not in again.output and "Warning" not in again.output


def test_an_edited_html_page_stays_with_one_warning_said_once(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    reconfigure(root, MARKDOWN, HTML)
    assert run_cli(root, "compile").exit_code == 0
    edited = root / "site" / "es" / "posts" / "harbour.html"
    edited.write_text(edited.read_text("utf-8").replace("</body>", "<p>Nota.</p></body>"), "utf-8")
    kept = edited.read_bytes()
    reconfigure(root, HTML, MARKDOWN)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert files_in(root, "site") == {"site/es/posts/harbour.html"} and edited.read_bytes() == kept
    warnings = warnings_in(result.stderr)
    assert len(warnings) == 1, warnings
    assert warnings[0].startswith("Warning: site/es/posts/harbour.html: left as it is") and (
        "[compile] format is markdown now" in warnings[0]
    )
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "Warning" not in again.output and edited.read_bytes() == kept


def test_switching_back_writes_every_page_again(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    switched(root, MARKDOWN, HTML)
    pages = {name: (root / name).read_bytes() for name in files_in(root, "site")}
    reconfigure(root, HTML, MARKDOWN)
    assert run_cli(root, "compile").exit_code == 0
    reconfigure(root, MARKDOWN, HTML)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert {name: (root / name).read_bytes() for name in files_in(root, "site")} == pages
    assert not (root / "content").exists()


def test_a_run_of_some_languages_or_a_preview_removes_nothing(tmp_path: Path) -> None:
    """``-l es`` leaves the other languages' files as they are until a run of every language; a
    preview in the other format (``--format``) is no switch."""
    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    assert run_cli(root, "compile").exit_code == 0
    written = files_in(root, "content")
    preview = run_cli(root, "compile", "--format", "html", "--out", str(tmp_path / "preview"))
    assert preview.exit_code == 0 and "removed" not in preview.output, preview.output
    reconfigure(root, MARKDOWN, HTML)
    some = run_cli(root, "compile", "-l", "es")
    assert some.exit_code == 0 and "removed" not in some.output, some.output
    assert files_in(root, "content") == written
    every = run_cli(root, "compile")
    assert every.exit_code == 0 and "content/: 4 Markdown files" in every.stdout, every.output
    assert not (root / "content").exists()


def test_html_to_markdown_keeps_the_pages_markdown_output_writes_of_html_articles(tmp_path: Path) -> None:
    """An HTML article without front matter gets its HTML pages in the site either way."""
    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    (root / "articles" / "about.html").write_text(
        "<!DOCTYPE html>\n<html><head><title>About</title></head><body><p>About us.</p></body></html>\n",
        "utf-8",
    )
    assert run_cli(root, "extract").exit_code == 0
    reconfigure(root, MARKDOWN, HTML)
    stdout = switched(root, HTML, MARKDOWN)
    assert files_in(root, "site") == {"site/en/about.html"}
    assert "site/: 8 HTML pages compile wrote there removed" in stdout


def test_markdown_to_html_beside_the_articles_removes_the_translations_and_keeps_the_articles(
    tmp_path: Path,
) -> None:
    root = make_markdown_project(tmp_path / "p", 'layout = "suffix"\n')
    articles = {
        name: (root / name).read_bytes() for name in ("articles/posts/harbour.md", "articles/guide/index.md")
    }
    stdout = switched(root, MARKDOWN, HTML)
    assert files_in(root, "articles") == set(articles)  # the translations and the record gone
    assert {name: (root / name).read_bytes() for name in articles} == articles
    assert "articles/: 2 Markdown files compile wrote there removed" in stdout


#: A Markdown article showing an image, and an HTML article (its pages written either way) showing another.
QUAY = "# The quay\n\n![The quay at dawn](img/quay.png)\n\nThe quay opens at dawn.\n"
ABOUT = '<!DOCTYPE html>\n<html><head><title>About</title></head><body><p><img src="img/logo.png" alt="Logo"> About us.</p></body></html>\n'


def _with_images(root: Path) -> Path:
    """The project of ``root`` with :data:`QUAY` (``posts/quay.md``) and :data:`ABOUT`
    (``about.html``) and their images, extracted, compiled once as HTML pages."""
    articles = root / "articles"
    (articles / "posts" / "img").mkdir()
    (articles / "posts" / "quay.md").write_text(QUAY, "utf-8")
    (articles / "posts" / "img" / "quay.png").write_bytes(b"\x89PNG quay")
    (articles / "img").mkdir()
    (articles / "about.html").write_text(ABOUT, "utf-8")
    (articles / "img" / "logo.png").write_bytes(b"\x89PNG logo")
    assert run_cli(root, "extract").exit_code == 0
    reconfigure(root, MARKDOWN, HTML)
    assert run_cli(root, "compile").exit_code == 0
    return root


def test_html_to_markdown_removes_the_copies_of_the_images_the_pages_showed(tmp_path: Path) -> None:
    """site/_assets/ loses the copy of the Markdown article's image (and the folders it emptied), not
    that of the HTML article's, whose pages stay, nor a file the user put there; one line says so."""
    root = _with_images(make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n'))
    assert (root / "site" / "_assets" / "articles" / "posts" / "img" / "quay.png").is_file()
    own = root / "site" / "_assets" / "fonts" / "serif.woff2"
    own.parent.mkdir()
    own.write_bytes(b"wOF2 the user's font")
    reconfigure(root, HTML, MARKDOWN)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert files_in(root, "site") == {
        "site/en/about.html",
        "site/_assets/articles/img/logo.png",
        "site/_assets/fonts/serif.woff2",
    }
    assert not (root / "site" / "_assets" / "articles" / "posts").exists()
    lines = [line for line in result.stdout.splitlines() if line.startswith("site/: ")]
    assert lines == [
        "site/: 9 HTML pages and 1 file they load compile wrote there removed ([compile] format is markdown now)"
    ]
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "removed" not in again.output and "Warning" not in again.output


def test_html_to_markdown_removes_the_copy_of_an_image_a_page_stopped_showing_in_a_run_of_some_languages(
    tmp_path: Path,
) -> None:
    root = _with_images(make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n'))
    about = root / "articles" / "about.html"
    about.write_text(ABOUT.replace('<img src="img/logo.png" alt="Logo"> ', ""), "utf-8")
    result = run_cli(root, "compile", "-l", "de")  # (kept: a page of another language may show it)
    assert result.exit_code == 0 and (root / "site" / "_assets" / "articles" / "img" / "logo.png").is_file()
    reconfigure(root, HTML, MARKDOWN)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert files_in(root, "site") == {"site/en/about.html"}
    assert "site/: 9 HTML pages and 2 files they load compile wrote there removed" in result.stdout


def test_html_to_markdown_removes_the_copies_a_language_on_a_host_of_its_own_loaded(tmp_path: Path) -> None:
    """Spanish on a host of its own had its copy in site/es/_assets/: it goes with the Spanish pages
    and the folders they emptied, as does the site's copy for the other languages; the HTML
    article's copies stay in both."""
    hosts = (
        'markdown_dir = "content"\nbase_url = "https://harbour.example/"\n\n'
        '[locale.es]\nbase_url = "https://harbour.example.es/"\n'
    )
    root = _with_images(make_markdown_project(tmp_path / "p", hosts))
    translated = {
        "The quay": "El muelle",
        "The quay at dawn": "El muelle al alba",
        "The quay opens at dawn.": ".",
    }
    translate(root, "es", translated)
    assert run_cli(root, "compile").exit_code == 0
    assert (root / "site" / "es" / "_assets" / "articles" / "posts" / "img" / "quay.png").is_file()
    reconfigure(root, HTML, MARKDOWN)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert files_in(root, "site") == {
        "site/en/about.html",
        "site/_assets/articles/img/logo.png",
        "site/es/_assets/articles/img/logo.png",
    }
    assert not (root / "site" / "es" / "posts").exists()
    assert not (root / "site" / "es" / "_assets" / "articles" / "posts").exists()


def test_an_edited_copy_of_an_image_stays_with_one_warning_said_once(tmp_path: Path) -> None:
    root = _with_images(make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n'))
    edited = root / "site" / "_assets" / "articles" / "posts" / "img" / "quay.png"
    edited.write_bytes(b"\x89PNG retouched by hand")
    reconfigure(root, HTML, MARKDOWN)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert edited.read_bytes() == b"\x89PNG retouched by hand"
    warnings = warnings_in(result.stderr)
    assert warnings == [
        "Warning: site/_assets/articles/posts/img/quay.png: left as it is, no longer recorded as compile's: "
        "[compile] format is markdown now (Markdown is written to content/), but this file is not as "
        "compile wrote it; delete it if it should go"
    ], warnings
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "Warning" not in again.output and edited.is_file()


def test_a_copy_behind_a_link_out_of_the_site_stays_an_error_each_run_while_the_markdown_is_written(
    tmp_path: Path,
) -> None:
    """site/_assets/articles/posts/ is a link to a folder outside the project holding the same
    image: it stays there; the Markdown is written and said, and each run says the error until the
    link goes (compile stopped at it, saying nothing of what it wrote)."""
    root = _with_images(make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n'))
    copies = root / "site" / "_assets" / "articles" / "posts"
    outside = tmp_path / "shared-images"
    shutil.copytree(copies, outside)
    shutil.rmtree(copies)
    copies.symlink_to(outside, target_is_directory=True)
    reconfigure(root, HTML, MARKDOWN)
    for _ in range(2):
        result = run_cli(root, "compile")
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "site/_assets/articles/posts is a symbolic link to" in errors[0], errors
        assert "Markdown written as listed above (errors: 1)" in result.stdout  # (the run's report, whole)
        assert (outside / "img" / "quay.png").read_bytes() == b"\x89PNG quay"
        assert (root / "content" / "es" / "posts" / "harbour.md").is_file()
    copies.unlink()
    shutil.copytree(outside, copies)
    assert run_cli(root, "compile").exit_code == 0
    assert not copies.exists()


def test_an_edited_html_page_is_said_once_while_a_page_the_system_keeps_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The edited page is no longer compile's from the first warning on, as it says: the next runs,
    which try the kept page again, do not warn of it again."""
    from test_compile_dropped_locales import refuse_removing
    from transpub.compile import removal

    root = make_markdown_project(tmp_path / "p", 'markdown_dir = "content"\n')
    reconfigure(root, MARKDOWN, HTML)
    assert run_cli(root, "compile").exit_code == 0
    edited = root / "site" / "es" / "posts" / "harbour.html"
    edited.write_text(edited.read_text("utf-8").replace("</body>", "<p>Nota.</p></body>"), "utf-8")
    refuse_removing(monkeypatch, removal, root / "site" / "en" / "posts" / "harbour.html")
    reconfigure(root, HTML, MARKDOWN)
    first = run_cli(root, "compile")
    error = "Error: site/en/posts/harbour.html: cannot remove: Permission denied"
    assert first.exit_code == 1 and error in first.stderr, first.output
    assert len(warnings_in(first.stderr)) == 1 and "site/es/posts/harbour.html" in first.stderr
    again = run_cli(root, "compile")  # (the kept page tried again, said again; the edited one not)
    assert again.exit_code == 1 and error in again.stderr, again.output
    assert "Warning" not in again.output
    monkeypatch.undo()
    done = run_cli(root, "compile")
    assert done.exit_code == 0 and "Warning" not in done.output, done.output
    assert files_in(root, "site") == {"site/es/posts/harbour.html"}
