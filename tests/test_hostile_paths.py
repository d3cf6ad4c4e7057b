"""No name transpub reads (a locale, an article, a folder in the site) leads a write or a delete outside
the project's folders (issue 18, finding 1)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main
from transpub.compile import compile_project
from transpub.errors import UnsafePathError
from transpub.extract import extract_project
from transpub.fsutil import STALE_AFTER, atomic_write_bytes, confine, start_run, write_if_changed
from transpub.project import init_project, load_project


def test_init_refuses_a_locale_that_is_a_path(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["init", str(tmp_path / "news"), "--source", "en", "-l", "de@/../../../../var/www/x"]
    )
    assert result.exit_code == 2, result.output
    assert "de@/../../../../var/www/x" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "news" / "transpub.toml").exists()


def test_a_hand_written_locale_that_is_a_path_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    config = tmp_path / "transpub.toml"
    config.write_text(config.read_text().replace('"de"', '"de@/../../../escaped"'), encoding="utf-8")
    (tmp_path / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 2 and "de@/../../../escaped" in result.output
    assert not (tmp_path.parent / "escaped").exists()


def test_gettext_locale_names_with_territory_and_modifier_are_accepted(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["sr@latin", "pt_BR", "es_419", "de"])
    assert load_project(tmp_path).locales == ("sr@latin", "pt_BR", "es_419", "de")


def test_confine_refuses_dot_dot_and_symbolic_links_leaving_the_folder(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "de").mkdir(parents=True)
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (site / "link").symlink_to(outside, target_is_directory=True)
    assert confine(site / "de" / "a.html", site) == site / "de" / "a.html"
    with pytest.raises(UnsafePathError):
        confine(site / "de" / ".." / ".." / "x.html", site)
    with pytest.raises(UnsafePathError):
        confine(site / "link" / "a.html", site)


def test_compile_does_not_delete_files_behind_a_link_in_the_review_folder(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    victim_dir = tmp_path.parent / f"{tmp_path.name}-victim"
    victim_dir.mkdir()
    victim = victim_dir / "precious.html"
    victim.write_text("keep me", encoding="utf-8")
    (tmp_path / "site" / "_review").mkdir(parents=True)
    (tmp_path / "site" / "_review" / "fr").symlink_to(victim_dir, target_is_directory=True)
    project = load_project(tmp_path)
    with pytest.raises(UnsafePathError):
        compile_project(project, ["de"])
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_killed_runs_temporary_files_are_removed_by_the_next_run(tmp_path: Path) -> None:
    folder = tmp_path / "locales" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    stale = folder / ".a.po.k3j_9x2q.tmp"
    stale.write_bytes(b"half a catalog")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    fresh = folder / ".b.po.abcdefgh.tmp"  # a concurrent run's file, being written now
    fresh.write_bytes(b"in progress")
    other = folder / ".notes.tmp"  # not a name transpub makes
    other.write_bytes(b"someone else's")
    os.utime(other, (old, old))
    write_if_changed(folder / "a.po", b"catalog")
    assert not stale.exists() and fresh.exists() and other.exists()
    assert STALE_AFTER <= 3600


def test_temporary_files_left_in_the_site_are_removed_by_the_next_compile(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    project = load_project(tmp_path)
    compile_project(project, ["de"])
    stale = tmp_path / "site" / "en" / ".a.html.q1w2e3r4.tmp"
    stale.write_bytes(b"<p>Hel")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    start_run()  # the next run (a new process starts one by itself)
    compile_project(project, ["de"])  # nothing changed: every page is left as it was
    assert not stale.exists()


def test_new_projects_ignore_transpub_temporary_files(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    assert ".*.tmp" in (tmp_path / ".gitignore").read_text().splitlines()


def test_atomic_write_refuses_nothing_inside_its_folder(tmp_path: Path) -> None:
    atomic_write_bytes(tmp_path / "x" / "y.txt", b"ok")
    assert (tmp_path / "x" / "y.txt").read_bytes() == b"ok"


def test_compile_does_not_remove_empty_folders_behind_a_link_in_the_review_folder(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    victim_dir = tmp_path.parent / f"{tmp_path.name}-empty-victim"
    (victim_dir / "keep").mkdir(parents=True)
    (tmp_path / "site" / "_review").mkdir(parents=True)
    (tmp_path / "site" / "_review" / "fr").symlink_to(victim_dir, target_is_directory=True)
    with pytest.raises(UnsafePathError):
        compile_project(load_project(tmp_path), ["de"])
    assert (victim_dir / "keep").is_dir()


def test_compile_does_not_copy_assets_through_a_link_leaving_the_site(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "a.html").write_text(
        '<p>Hello.</p><img src="cat.png" alt="A cat">', encoding="utf-8"
    )
    (tmp_path / "articles" / "cat.png").write_bytes(b"\x89PNG")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-assets-elsewhere"
    elsewhere.mkdir()
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "_assets").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UnsafePathError, match=r"site/_assets is a symbolic link to .*-assets-elsewhere$"):
        compile_project(load_project(tmp_path), ["de"])
    assert not any(elsewhere.rglob("*"))


def test_temporary_files_left_among_the_catalogs_are_removed_by_the_next_extract(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    project = load_project(tmp_path)
    extract_project(project, ["de"])
    stale = tmp_path / "locales" / "de" / "LC_MESSAGES" / ".a.po.q1w2e3r4.tmp"
    stale.write_bytes(b'msgid "Hel')
    old = time.time() - 3600
    os.utime(stale, (old, old))
    start_run()
    extract_project(project, ["de"])  # nothing changed: no catalog is written
    assert not stale.exists()


def _site_with_a_page(tmp_path: Path) -> Path:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    elsewhere = tmp_path.parent / f"{tmp_path.name}-elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.html").write_text("keep me", encoding="utf-8")
    (tmp_path / "site").mkdir()
    return elsewhere


def test_compile_does_not_write_pages_into_a_language_folder_that_leads_outside_the_site(
    tmp_path: Path,
) -> None:
    elsewhere = _site_with_a_page(tmp_path)
    (tmp_path / "site" / "en").symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(UnsafePathError):
        compile_project(load_project(tmp_path), ["de"])
    assert sorted(p.name for p in elsewhere.iterdir()) == ["a.html"]
    assert (elsewhere / "a.html").read_text(encoding="utf-8") == "keep me"


def test_compile_does_not_write_a_page_over_a_link_that_leads_outside_the_site(tmp_path: Path) -> None:
    elsewhere = _site_with_a_page(tmp_path)
    (tmp_path / "site" / "en").mkdir()
    (tmp_path / "site" / "en" / "a.html").symlink_to(elsewhere / "a.html")
    with pytest.raises(UnsafePathError):
        compile_project(load_project(tmp_path), ["de"])
    assert (elsewhere / "a.html").read_text(encoding="utf-8") == "keep me"
    assert (tmp_path / "site" / "en" / "a.html").is_symlink()


def test_compile_does_not_read_a_catalog_through_a_link_that_leads_outside_the_catalogs(
    tmp_path: Path,
) -> None:
    elsewhere = _site_with_a_page(tmp_path)
    folder = tmp_path / "locales" / "de" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "a.po").symlink_to(elsewhere / "a.html")
    with pytest.raises(UnsafePathError):
        compile_project(load_project(tmp_path), ["de"])
    assert not (tmp_path / "site" / "de" / "a.html").exists()


def _outside_project(tmp_path: Path) -> tuple[Path, Path, Path]:
    """A project whose site and catalogs are folders beside it (``../public``, ``../shared``: a
    legitimate setup, as Hugo's publishDir outside the project), and a folder elsewhere to keep."""
    root = tmp_path / "project"
    init_project(root, source="en", locales=["de"])
    config = root / "transpub.toml"
    text = config.read_text(encoding="utf-8")
    text = text.replace('site = "site"', 'site = "../public"').replace(
        'catalogs = "locales"', 'catalogs = "../shared"'
    )
    assert '"../public"' in text and '"../shared"' in text
    config.write_text(text, encoding="utf-8")
    (root / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "a.html").write_text("keep me", encoding="utf-8")
    return root, tmp_path / "public", elsewhere


def test_a_site_and_catalogs_outside_the_project_are_written_there(tmp_path: Path) -> None:
    root, public, _ = _outside_project(tmp_path)
    extract_project(load_project(root), ["de"])
    compile_project(load_project(root), ["de"])
    assert (tmp_path / "shared" / "de" / "LC_MESSAGES" / "a.po").is_file()
    assert (public / "en" / "a.html").is_file() and (public / "index.html").is_file()


@pytest.mark.parametrize("link", ["site language folder", "page", "catalog folder"])
def test_a_link_in_a_site_or_catalogs_outside_the_project_leads_no_write_out_of_it(
    tmp_path: Path, link: str
) -> None:
    root, public, elsewhere = _outside_project(tmp_path)
    if link == "catalog folder":
        (tmp_path / "shared").mkdir()
        (tmp_path / "shared" / "de").symlink_to(elsewhere, target_is_directory=True)
        with pytest.raises(UnsafePathError):
            extract_project(load_project(root), ["de"])
    else:
        extract_project(load_project(root), ["de"])
        if link == "page":
            (public / "en").mkdir(parents=True)
            (public / "en" / "a.html").symlink_to(elsewhere / "a.html")
        else:
            public.mkdir()
            (public / "en").symlink_to(elsewhere, target_is_directory=True)
        with pytest.raises(UnsafePathError):
            compile_project(load_project(root), ["de"])
    assert sorted(p.name for p in elsewhere.iterdir()) == ["a.html"]
    assert (elsewhere / "a.html").read_text(encoding="utf-8") == "keep me"


@pytest.mark.parametrize("name", ["reads.sqlite", "manifest.sqlite"])
def test_a_link_in_place_of_a_cache_file_leads_no_write_out_of_the_project(tmp_path: Path, name: str) -> None:
    """``.transpub/`` restored from a CI cache may hold a symbolic link where transpub keeps a database
    it writes in place: the link is replaced by the project's own file, nothing is written where it led."""
    root = tmp_path / "project"
    init_project(root, source="en", locales=["de"])
    (root / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (root / ".transpub").mkdir(exist_ok=True)
    (root / ".transpub" / name).symlink_to(elsewhere / "planted.db")
    result = CliRunner().invoke(main, ["--project", str(root), "extract", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert list(elsewhere.iterdir()) == []
    assert not (root / ".transpub" / name).is_symlink() and (root / ".transpub" / name).is_file()


@pytest.mark.parametrize("target", ["../.env", "../transpub.toml", "../locales/templates/a.pot"])
def test_an_article_that_is_a_link_to_a_hidden_or_transpubs_own_file_is_refused_and_never_published(
    tmp_path: Path, target: str
) -> None:
    """A link in articles/ (a contributor's pull request may add one) that leads to the project's
    secrets or transpub's own files is no article: its text is sent to no catalog and no page."""
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / ".env").write_text("ENGINE_KEY=supersecret\n", encoding="utf-8")
    (tmp_path / "articles" / "a.html").write_text("<p>Hello.</p>", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    (tmp_path / "articles" / "notes.md").symlink_to(target)
    extract = runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"])
    compiled = runner.invoke(main, ["--project", str(tmp_path), "compile", "--threshold", "0"])
    for result in (extract, compiled):
        assert result.exit_code == 1, result.output
        errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
        assert len(errors) == 1 and "articles/notes.md" in errors[0], result.output
    assert not (tmp_path / "locales" / "templates" / "notes.pot").exists()
    assert not list((tmp_path / "site").rglob("notes.html"))
    assert (tmp_path / "site" / "de" / "a.html").is_file()


@pytest.mark.parametrize("name", ["index.md", "index.html", "index/index.html"])
def test_an_article_named_index_is_refused_not_written_over_by_the_language_index(
    tmp_path: Path, name: str
) -> None:
    """``articles/index.md`` (MkDocs' and Jekyll's home page) would be published as ``site/de/index.html``,
    the page compile writes each language's index of articles to: one replaced the other, and the run
    said it was published. It is one error naming the article; the other pages and the index are written."""
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / name).parent.mkdir(parents=True, exist_ok=True)
    (tmp_path / "articles" / name).write_text("<p>The home page.</p>", encoding="utf-8")
    (tmp_path / "articles" / "guide.html").write_text("<p>The guide.</p>", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    result = runner.invoke(main, ["--project", str(tmp_path), "compile", "--threshold", "0", "-j", "1"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and f"articles/{name}" in errors[0] and "index" in errors[0], result.output
    for folder in ("en", "de"):
        index = (tmp_path / "site" / folder / "index.html").read_text(encoding="utf-8")
        assert "guide.html" in index and "home page" not in index and 'href="./index.html"' not in index
    assert (tmp_path / "site" / "de" / "guide.html").is_file()


def test_an_article_named_index_is_written_as_markdown_where_no_index_page_is_made(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "index.md").write_text("The home page.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    result = runner.invoke(
        main, ["--project", str(tmp_path), "compile", "--format", "markdown", "--threshold", "0", "-j", "1"]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "site" / "de" / "index.md").read_text(encoding="utf-8") == "The home page.\n"


def test_an_html_preview_of_a_markdown_site_leaves_its_home_page_out_with_a_warning(tmp_path: Path) -> None:
    """An MkDocs site's ``index.md`` is its home page, built by the generator from compile's Markdown:
    ``compile --format html --out DIR`` (a preview) writes the other pages and says the home page has no
    HTML page there; not an error to fix by renaming or leaving it out (which would drop it from the
    site's own translations)."""
    init_project(tmp_path, source="en", locales=["de"])
    config = tmp_path / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("\n[compile]\n", '\n[compile]\nformat = "markdown"\n', 1),
        encoding="utf-8",
    )
    (tmp_path / "articles" / "index.md").write_text("The home page.\n", encoding="utf-8")
    (tmp_path / "articles" / "guide.md").write_text("The guide.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    preview = tmp_path.parent / "preview"
    args = ["compile", "--format", "html", "--out", str(preview), "--threshold", "0", "-j", "1"]
    result = runner.invoke(main, ["--project", str(tmp_path), *args])
    assert result.exit_code == 0, result.output
    assert "Warning: articles/index.md: no HTML page in this preview" in result.stderr, result.output
    assert "Error" not in result.output
    assert (preview / "de" / "guide.html").is_file()
    assert "home page" not in (preview / "de" / "index.html").read_text(encoding="utf-8")


def test_a_folder_emptied_behind_a_link_in_the_site_stays(tmp_path: Path) -> None:
    """Removing the folders a removal of pages emptied stops at a link: the folder it leads to is
    not the one emptied (site/de/x leads to site/real: site/real/sub stays)."""
    from transpub.fsutil import remove_empty_folders

    site = tmp_path / "site"
    (site / "real" / "sub").mkdir(parents=True)
    (site / "de").mkdir()
    (site / "de" / "x").symlink_to(site / "real", target_is_directory=True)
    remove_empty_folders(site / "de" / "x" / "sub", site)
    assert (site / "real" / "sub").is_dir() and (site / "de" / "x").is_symlink()
    (site / "de" / "y" / "z").mkdir(parents=True)
    remove_empty_folders(site / "de" / "y" / "z", site)
    assert not (site / "de" / "y").exists() and (site / "de").is_dir() and site.is_dir()


def test_an_article_whose_translation_beside_it_would_be_a_name_too_long_is_refused_by_extract(
    tmp_path: Path,
) -> None:
    """With ``layout = "suffix"``, ``<name>.zh_CN.md`` is written beside ``<name>.md``: a name that left
    room for ``.html`` only was extracted, and then every compile failed on its Chinese translation
    ("File name too long"). It is refused at once, naming the article, as any name too long is."""
    init_project(tmp_path, source="en", locales=["es", "zh_CN"])
    with (tmp_path / "transpub.toml").open("a", encoding="utf-8") as config:
        config.write('format = "markdown"\nlayout = "suffix"\n')  # (the scaffold's last table is [compile])
    longest = 255 - len(".html") - len("..12345678.tmp") - 2  # (the longest name that left room for .html)
    long_name = "a" * longest
    (tmp_path / "articles" / f"{long_name}.md").write_text("Hello there.\n", encoding="utf-8")
    (tmp_path / "articles" / "short.md").write_text("Hello short.\n", encoding="utf-8")
    runner = CliRunner()
    result = runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"])
    assert result.exit_code == 1, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and long_name in errors[0] and ".zh_CN.md" in errors[0], result.output
    assert not (tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / f"{long_name}.po").exists()
    result = runner.invoke(main, ["--project", str(tmp_path), "compile", "--threshold", "0", "-j", "1"])
    assert "File name too long" not in result.output
    assert (tmp_path / "articles" / "short.zh_CN.md").is_file()


TMX = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" segtype="sentence"'
    ' o-tmf="x" adminlang="en" datatype="plaintext" creationtool="x" creationtoolversion="1"/><body>\n'
    '<tu><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="de"><seg>Hallo.</seg></tuv></tu>\n'
    "</body></tmx>\n"
)


def test_a_link_in_place_of_the_translation_memory_leading_out_of_the_project_is_one_error_and_writes_nothing_there(
    tmp_path: Path,
) -> None:
    """``.transpub/memory.sqlite`` as a link (a CI cache restored, a commit that adds it) led the
    memory's writes, a new SQLite file and its journals, to wherever it pointed. It is one error naming
    the link and what to do; a memory set outside the project in transpub.toml, or a ``.transpub``
    that is itself a link, is followed."""
    root = tmp_path / "project"
    init_project(root, source="en", locales=["de"])
    (tmp_path / "agency.tmx").write_text(TMX, encoding="utf-8")
    elsewhere = tmp_path / "home-of-someone"
    elsewhere.mkdir()
    (root / ".transpub").mkdir(exist_ok=True)
    (root / ".transpub" / "memory.sqlite").symlink_to(elsewhere / "planted.sqlite")
    runner = CliRunner()
    result = runner.invoke(main, ["--project", str(root), "memory", "import", str(tmp_path / "agency.tmx")])
    assert result.exit_code == 1, result.output
    assert result.stderr.startswith("Error: .transpub/memory.sqlite: ") and result.stderr.count("\n") == 1
    assert "symbolic link" in result.stderr and "[paths] memory" in result.stderr
    assert list(elsewhere.iterdir()) == []
    (root / ".transpub" / "memory.sqlite").unlink()
    (root / ".transpub").rmdir()
    (root / ".transpub").symlink_to(elsewhere, target_is_directory=True)
    result = runner.invoke(main, ["--project", str(root), "memory", "import", str(tmp_path / "agency.tmx")])
    assert result.exit_code == 0, result.output
    assert (elsewhere / "memory.sqlite").is_file()


@pytest.mark.parametrize("layout", ["suffix", "directory"])
def test_a_crafted_record_of_compiles_markdown_cannot_have_compile_remove_an_article_or_its_image(
    tmp_path: Path, layout: str
) -> None:
    """``.transpub-outputs.json`` is committed with the translations: a pull request that adds an
    article's path with the SHA-256 of its bytes (both in the repository) as the file of an article
    that is gone had compile remove the article itself, and its image, as "its article is gone"."""
    import hashlib
    import json

    init_project(tmp_path, source="en", locales=["de"])
    with (tmp_path / "transpub.toml").open("a", encoding="utf-8") as config:
        config.write(f'format = "markdown"\nlayout = "{layout}"\nmarkdown_dir = "articles"\n')
    articles = tmp_path / "articles"
    (articles / "news").mkdir()
    (articles / "news" / "ferry.md").write_text(
        "The ferry is back.\n\n![Ferry](ferry.png)\n", encoding="utf-8"
    )
    (articles / "news" / "ferry.png").write_bytes(b"\x89PNG picture")
    (articles / "news" / "harbour.md").write_text("The harbour.\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    result = runner.invoke(main, ["--project", str(tmp_path), "compile", "--threshold", "0", "-j", "1"])
    assert result.exit_code == 0, result.output
    record = articles / ".transpub-outputs.json"
    crafted = json.loads(record.read_text(encoding="utf-8"))
    for name in ("news/ferry.md", "news/ferry.png"):
        digest = hashlib.sha256((articles / name).read_bytes()).hexdigest()
        crafted["files"][name] = {"locale": "de", "article": "news/retracted", "sha256": digest}
    record.write_text(json.dumps(crafted), encoding="utf-8")
    result = runner.invoke(main, ["--project", str(tmp_path), "compile", "--threshold", "0", "-j", "1"])
    assert (articles / "news" / "ferry.md").is_file() and (articles / "news" / "ferry.png").is_file()
    assert result.exit_code == 1 and "its article is gone" not in result.output
    assert "Error: articles/news/ferry.md: not removed: compile writes nothing here" in result.output
    assert "news/ferry.md" not in json.loads(record.read_text(encoding="utf-8"))["files"]
    # (a folder of the articles' as --out is refused: its files, the source's copy, were read as articles)
    out = ["--out", str(articles / "copy")]
    result = runner.invoke(main, ["--project", str(tmp_path), "compile", "--threshold", "0", *out])
    assert result.exit_code == 2 and "is inside the articles folder" in result.output, result.output
    assert not (articles / "copy").exists()


@pytest.mark.parametrize("link", [".gitignore", "transpub.toml", "glossary/terms.csv", "glossary"])
def test_init_in_a_folder_holding_a_link_that_leads_out_of_it_is_one_error_and_writes_nothing_there(
    tmp_path: Path, link: str
) -> None:
    """``transpub init`` runs in a site's cloned repository, which may hold links (git keeps them):
    an existing .gitignore that was a link had transpub's lines appended to the file it led to, and a
    link to a file not there yet (transpub.toml, the glossary) was followed to create it there."""
    folder = tmp_path / "site"
    folder.mkdir()
    elsewhere = tmp_path / "home-of-someone"
    elsewhere.mkdir()
    (elsewhere / "existing").write_text("theirs\n", encoding="utf-8")
    target = elsewhere if link == "glossary" else elsewhere / ("existing" if link == ".gitignore" else "new")
    (folder / link).parent.mkdir(exist_ok=True)
    (folder / link).symlink_to(target)
    result = CliRunner().invoke(main, ["init", str(folder), "--source", "en", "-l", "de"])
    assert result.exit_code != 0, result.output
    assert result.output.startswith("Error: ") and "symbolic link" in result.output, result.output
    assert sorted(path.name for path in elsewhere.iterdir()) == ["existing"]
    assert (elsewhere / "existing").read_text(encoding="utf-8") == "theirs\n"
    assert not (folder / "transpub.toml").exists() or link == "transpub.toml"


@pytest.mark.parametrize("name", ["x%00y.png", "a" * 300 + ".png", "/".join(["b" * 200] * 30) + ".png"])
@pytest.mark.parametrize("article", ["a.html", "a.md"])
def test_an_article_naming_an_image_no_file_can_be_is_a_warning_on_its_line_and_the_site_is_still_compiled(
    tmp_path: Path, article: str, name: str
) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    image = f'<img src="{name}" alt="A cat">' if article.endswith(".html") else f"![A cat]({name})"
    (tmp_path / "articles" / article).write_text(f"Hello.\n\n{image}\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    # (the Markdown article's image is planned where its translation is written in another folder)
    compile_ = ["--project", str(tmp_path), "compile", "--threshold", "0", "-j", "1"]
    compile_ += ["--format", "markdown"] if article.endswith(".md") else []
    for _ in range(2):  # (the second run finds the article's files as the first recorded them)
        result = runner.invoke(main, compile_)
        assert result.exit_code == 0, result.output
        assert f"Warning: articles/{article}:3: " in result.output and "Traceback" not in result.output
    page = "de/a.md" if article.endswith(".md") else "de/a.html"
    assert "Hello." in (tmp_path / "site" / page).read_text(encoding="utf-8")


def test_a_committed_record_in_the_site_naming_files_outside_it_or_no_file_can_be_is_no_error_nor_advice_to_delete(
    tmp_path: Path,
) -> None:
    """A ``.transpub-outputs.json`` committed in ``site/`` (where compile, writing Markdown to
    ``content/``, has never written here) names a file of the user's outside the project, and a name
    too long for a file: compile says nothing of them (it said "delete the files" of the first, and
    stopped at the second with "File name too long"), and the file stays."""
    import json

    init_project(tmp_path / "p", source="en", locales=["de"])
    root = tmp_path / "p"
    with (root / "transpub.toml").open("a", encoding="utf-8") as config:
        config.write('format = "markdown"\nmarkdown_dir = "content"\n')
    (root / "articles" / "a.md").write_text("Hello.\n", encoding="utf-8")
    theirs = tmp_path / "thesis.md"
    theirs.write_text("Years of work.\n", encoding="utf-8")
    entry = {"locale": "de", "article": "a", "sha256": "0" * 64}
    names = [str(theirs), "../../thesis.md", "a" * 300 + ".md"]
    (root / "site").mkdir()
    (root / "site" / ".transpub-outputs.json").write_text(
        json.dumps({"version": 1, "files": dict.fromkeys(names, entry)}), encoding="utf-8"
    )
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(root), "extract", "-j", "1"]).exit_code == 0
    result = runner.invoke(main, ["--project", str(root), "compile", "--threshold", "0", "-j", "1"])
    assert result.exit_code == 0, result.output
    assert "thesis" not in result.output and "aaaa" not in result.output
    assert theirs.read_text(encoding="utf-8") == "Years of work.\n"
    assert (root / "content" / "de" / "a.md").is_file()


def test_a_crafted_record_where_markdown_went_before_cannot_have_compile_remove_a_catalog_or_an_image(
    tmp_path: Path,
) -> None:
    """Markdown went to the project's folder (``markdown_dir = "."``), now to ``content/``: the
    committed record there, given an article's catalog and image with the SHA-256 of their bytes (both
    in the repository) as that article's files, had compile remove both as "files compile wrote
    there", since this machine's manifest names them among what the article's last run read."""
    import hashlib
    import json

    init_project(tmp_path, source="en", locales=["de"])
    config = tmp_path / "transpub.toml"
    with config.open("a", encoding="utf-8") as appended:
        appended.write('format = "markdown"\nmarkdown_dir = "."\n')
    articles = tmp_path / "articles"
    (articles / "ferry.md").write_text("The ferry is back.\n\n![Ferry](img/ferry.png)\n", encoding="utf-8")
    (articles / "img").mkdir()
    (articles / "img" / "ferry.png").write_bytes(b"\x89PNG picture")
    runner = CliRunner()
    compile_ = ["--project", str(tmp_path), "compile", "--threshold", "0", "-j", "1"]
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    assert runner.invoke(main, compile_).exit_code == 0
    kept = {
        name: (tmp_path / name).read_bytes()
        for name in ("locales/de/LC_MESSAGES/ferry.po", "articles/img/ferry.png")
    }
    record = tmp_path / ".transpub-outputs.json"
    crafted = json.loads(record.read_text(encoding="utf-8"))
    for name, data in kept.items():
        crafted["files"][name] = {
            "locale": "de",
            "article": "ferry",
            "sha256": hashlib.sha256(data).hexdigest(),
        }
    record.write_text(json.dumps(crafted), encoding="utf-8")
    config.write_text(
        config.read_text(encoding="utf-8").replace('markdown_dir = "."', 'markdown_dir = "content"')
    )
    result = runner.invoke(main, compile_)
    assert result.exit_code == 0, result.output
    assert {name: (tmp_path / name).read_bytes() for name in kept} == kept
    assert (
        not (tmp_path / "de" / "ferry.md").exists() and (tmp_path / "content" / "de" / "ferry.md").is_file()
    )


def test_a_crafted_record_naming_an_article_as_a_dropped_languages_file_cannot_have_compile_remove_it(
    tmp_path: Path,
) -> None:
    """Markdown goes to the project's folder, which holds the articles' folder: a committed record
    given the article itself, with the SHA-256 of its bytes, as its file in a language the project
    does not have (fr) had compile remove the article as "fr is no longer among the project's locales"."""
    import hashlib
    import json

    init_project(tmp_path, source="en", locales=["de"])
    with (tmp_path / "transpub.toml").open("a", encoding="utf-8") as appended:
        appended.write('format = "markdown"\nmarkdown_dir = "."\n')
    article = tmp_path / "articles" / "ferry.md"
    article.write_text("The ferry is back.\n", encoding="utf-8")
    runner = CliRunner()
    compile_ = ["--project", str(tmp_path), "compile", "--threshold", "0", "-j", "1"]
    assert runner.invoke(main, ["--project", str(tmp_path), "extract", "-j", "1"]).exit_code == 0
    assert runner.invoke(main, compile_).exit_code == 0
    record = tmp_path / ".transpub-outputs.json"
    crafted = json.loads(record.read_text(encoding="utf-8"))
    digest = hashlib.sha256(article.read_bytes()).hexdigest()
    crafted["files"]["articles/ferry.md"] = {"locale": "fr", "article": "ferry", "sha256": digest}
    record.write_text(json.dumps(crafted), encoding="utf-8")
    result = runner.invoke(main, compile_)
    assert result.exit_code == 0, result.output
    assert article.read_text(encoding="utf-8") == "The ferry is back.\n"
    assert "articles/ferry.md: removed" not in result.output
