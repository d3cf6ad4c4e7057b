"""A language taken out of ``[project] locales`` leaves the site at the next compile: the pages,
review copies and index pages compile wrote in it, as it wrote them (a page changed since stays, with
a warning), HTML pages and Markdown files alike. Its catalogs stay: they are the translators' work.
A run of some languages (``-l``) goes by the configured list, and a shard's run by its articles."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_compile_helpers import ARTICLE, make_project, run_cli
from test_compile_markdown import CHINESE, make_markdown_project, translate
from transpub.discovery import in_shard


def drop(root: Path, locale: str) -> None:
    """Take ``locale`` out of the project's ``[project] locales``."""
    config = root / "transpub.toml"
    text = config.read_text(encoding="utf-8")
    line = next(line for line in text.splitlines() if line.startswith("locales = ["))
    kept = [name for name in json.loads(line.partition("=")[2]) if name != locale]
    config.write_text(text.replace(line, f"locales = {json.dumps(kept)}"), encoding="utf-8")


def site_files(root: Path) -> set[str]:
    return {
        path.relative_to(root / "site").as_posix() for path in (root / "site").rglob("*") if path.is_file()
    }


# --- HTML pages -----------------------------------------------------------------------------------


def test_a_language_dropped_from_the_locales_takes_its_pages_and_index_page_off_the_site(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile", "--review").exit_code == 0
    assert run_cli(root, "compile").exit_code == 0  # (a run with nothing changed is kept as a whole)
    assert {"zh_CN/skiing.html", "zh_CN/index.html", "_review/zh_CN/skiing.html"} <= site_files(root)
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    for page in ("site/zh_CN/skiing.html", "site/zh_CN/index.html", "site/_review/zh_CN/skiing.html"):
        assert f"{page}: removed (zh_CN is no longer among the project's locales)" in result.stdout
    assert not (root / "site" / "zh_CN").exists() and not (root / "site" / "_review" / "zh_CN").exists()
    assert {"de/skiing.html", "ar/skiing.html", "en/skiing.html", "de/index.html"} <= site_files(root)
    for page in ("de/skiing.html", "en/skiing.html", "index.html", "de/index.html"):
        assert "zh" not in (root / "site" / page).read_text(encoding="utf-8"), page
    # the translations stay, and the report says so
    assert (root / "locales" / "zh_CN" / "LC_MESSAGES" / "skiing.po").is_file()
    assert "its pages are removed, its catalogs (locales/zh_CN) are kept" in result.stdout
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "removed" not in again.output, again.output


def test_compiling_some_languages_removes_only_those_dropped_from_the_locales(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile").exit_code == 0
    result = run_cli(root, "compile", "-l", "de")  # a selection for one run: ar and zh_CN stay configured
    assert result.exit_code == 0 and "removed" not in result.output, result.output
    assert {"zh_CN/skiing.html", "zh_CN/index.html", "ar/skiing.html", "ar/index.html"} <= site_files(root)
    drop(root, "zh_CN")
    result = run_cli(root, "compile", "-l", "de")
    assert result.exit_code == 0, result.output
    assert "site/zh_CN/skiing.html: removed (zh_CN is no longer among the project's locales)" in result.stdout
    assert not (root / "site" / "zh_CN").exists()
    assert {"ar/skiing.html", "ar/index.html"} <= site_files(root)


def test_a_page_of_a_dropped_language_changed_since_compile_wrote_it_stays_with_a_warning(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile").exit_code == 0
    edited = root / "site" / "zh_CN" / "skiing.html"
    edited.write_text(
        edited.read_text(encoding="utf-8") + "<!-- kept by the web desk -->\n", encoding="utf-8"
    )
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert edited.is_file() and "<!-- kept by the web desk -->" in edited.read_text(encoding="utf-8")
    assert (
        "Warning: site/zh_CN/skiing.html: left as it is: zh_CN is no longer among the project's locales, "
        "but the page was changed since compile wrote it" in result.stderr
    )
    assert "site/zh_CN/index.html: removed (zh_CN is no longer among" in result.stdout
    assert "zh_CN is no longer among the project's locales: its other pages are removed" in result.stdout
    again = run_cli(root, "compile")  # said once
    assert again.exit_code == 0 and "zh_CN" not in again.output and edited.is_file()


def test_a_shard_run_removes_the_dropped_language_pages_of_its_own_articles_only(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    slugs = ["skiing", *(f"story{n}" for n in range(6))]
    for slug in slugs[1:]:
        (root / "articles" / f"{slug}.html").write_text(ARTICLE, encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    assert run_cli(root, "compile", "--review", "--threshold", "0").exit_code == 0
    mine = [slug for slug in slugs if in_shard(slug, (1, 2))]
    others = [slug for slug in slugs if slug not in mine]
    assert mine and others
    drop(root, "zh_CN")
    result = run_cli(root, "compile", "--shard", "1/2", "--review", "--threshold", "0")
    assert result.exit_code == 0, result.output
    for slug in mine:
        assert not (root / "site" / "zh_CN" / f"{slug}.html").exists()
        assert not (root / "site" / "_review" / "zh_CN" / f"{slug}.html").exists()
        assert f"site/zh_CN/{slug}.html: removed (zh_CN is no longer" in result.stdout
    for slug in others:
        assert (root / "site" / "zh_CN" / f"{slug}.html").is_file()
        assert (root / "site" / "_review" / "zh_CN" / f"{slug}.html").is_file()
    assert (root / "site" / "zh_CN" / "index.html").is_file()  # the index pages: `compile --indexes`
    assert run_cli(root, "compile", "--shard", "2/2", "--review", "--threshold", "0").exit_code == 0
    result = run_cli(root, "compile", "--indexes")
    assert result.exit_code == 0, result.output
    assert "site/zh_CN/index.html: removed (zh_CN is no longer among the project's locales)" in result.stdout
    assert not (root / "site" / "zh_CN").exists() and not (root / "site" / "_review" / "zh_CN").exists()


FOLDER_NAME = '\n[compile.locale_dirs]\nzh_CN = "zh-cn"\n'


def drop_folder_name(root: Path) -> None:
    """Take zh_CN's ``[compile.locale_dirs]`` name (``zh-cn``) out of transpub.toml."""
    config = root / "transpub.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('zh_CN = "zh-cn"\n', ""), encoding="utf-8")


@pytest.mark.parametrize("folder", ["zh_CN", "zh-cn"])
def test_an_article_deleted_with_its_language_dropped_leaves_every_page_of_it(
    tmp_path: Path, folder: str
) -> None:
    """(``zh-cn``: its ``[compile.locale_dirs]`` name was taken out too)"""
    root = make_project(tmp_path / "news", config_extra=FOLDER_NAME if folder == "zh-cn" else "")
    (root / "articles" / "retracted.html").write_text(ARTICLE, encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    assert run_cli(root, "compile", "--threshold", "0").exit_code == 0
    assert (root / "site" / folder / "retracted.html").is_file()
    (root / "articles" / "retracted.html").unlink()
    drop(root, "zh_CN")
    if folder == "zh-cn":
        drop_folder_name(root)
    result = run_cli(root, "compile", "--threshold", "0")
    assert result.exit_code == 0, result.output
    assert f"site/{folder}/retracted.html: removed (its article is gone)" in result.stdout
    assert not list((root / "site").rglob("retracted.html"))
    assert not (root / "site" / folder).exists()


def test_a_dropped_language_whose_folder_name_was_dropped_too_leaves_that_folder(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", config_extra=FOLDER_NAME)
    assert run_cli(root, "compile").exit_code == 0
    assert {"zh-cn/skiing.html", "zh-cn/index.html"} <= site_files(root)
    drop(root, "zh_CN")
    drop_folder_name(root)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert "site/zh-cn/skiing.html: removed (zh_CN is no longer among the project's locales)" in result.stdout
    assert "site/zh-cn/index.html: removed (zh_CN is no longer among the project's locales)" in result.stdout
    assert not (root / "site" / "zh-cn").exists()


# --- Markdown files -------------------------------------------------------------------------------

RECORD = "content/.transpub-outputs.json"


def hugo_project(root: Path) -> Path:
    """Hugo's content folders by language, Spanish and Chinese translated, compiled."""
    make_markdown_project(root, 'markdown_dir = "content"\n', articles="content/en")
    translate(root, "zh_CN", CHINESE)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert (root / "content" / "zh_CN" / "posts" / "harbour.md").is_file()
    return root


def recorded(root: Path) -> set[str]:
    return set(json.loads((root / RECORD).read_text("utf-8"))["files"])


def test_a_language_dropped_from_the_locales_takes_its_markdown_files_out_of_the_content_folder(
    tmp_path: Path,
) -> None:
    root = hugo_project(tmp_path / "site")
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert (
        "content/zh_CN/posts/harbour.md: removed (zh_CN is no longer among the project's locales)"
        in result.stdout
    )
    assert not (root / "content" / "zh_CN").exists()
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file()
    assert not any(key.startswith("zh_CN/") for key in recorded(root))
    assert (root / "locales" / "zh_CN" / "LC_MESSAGES" / "posts" / "harbour.po").is_file()
    assert "its catalogs (locales/zh_CN) are kept" in result.stdout
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "removed" not in again.output, again.output


def test_compiling_some_languages_of_markdown_removes_only_those_dropped_from_the_locales(
    tmp_path: Path,
) -> None:
    root = hugo_project(tmp_path / "site")
    result = run_cli(root, "compile", "-l", "es")  # zh_CN stays configured: its files stay
    assert result.exit_code == 0 and "removed" not in result.output, result.output
    assert (root / "content" / "zh_CN" / "posts" / "harbour.md").is_file()
    drop(root, "zh_CN")  # (the last run wrote no zh_CN file: its record still names them)
    result = run_cli(root, "compile", "-l", "es")
    assert result.exit_code == 0, result.output
    assert "content/zh_CN/posts/harbour.md: removed (zh_CN is no longer among" in result.stdout
    assert not (root / "content" / "zh_CN").exists()
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file()


def test_a_markdown_file_of_a_dropped_language_changed_since_compile_wrote_it_stays_with_a_warning(
    tmp_path: Path,
) -> None:
    root = hugo_project(tmp_path / "site")
    edited = root / "content" / "zh_CN" / "posts" / "harbour.md"
    edited.write_text(edited.read_text("utf-8") + "\n手工修改。\n", "utf-8")
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert edited.is_file() and "手工修改" in edited.read_text("utf-8")
    assert (
        "Warning: content/zh_CN/posts/harbour.md: left as it is: zh_CN is no longer among the project's "
        "locales, but the file was changed since compile wrote it" in result.stderr
    )
    again = run_cli(root, "compile")  # said again while it is there
    assert again.exit_code == 0 and "left as it is: zh_CN is no longer" in again.stderr and edited.is_file()
    edited.unlink()
    gone = run_cli(root, "compile")
    assert gone.exit_code == 0 and "zh_CN" not in gone.output, gone.output
    assert not any(key.startswith("zh_CN/") for key in recorded(root))


def test_a_dropped_languages_markdown_file_stays_with_a_warning_where_no_manifest_says_compile_wrote_it(
    tmp_path: Path,
) -> None:
    """A fresh checkout: the record committed with the files is not trusted alone to delete one."""
    root = hugo_project(tmp_path / "site")
    shutil.rmtree(root / ".transpub")
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert (root / "content" / "zh_CN" / "posts" / "harbour.md").is_file()
    assert (
        "Warning: content/zh_CN/posts/harbour.md: left as it is: zh_CN is no longer among the project's "
        "locales, but this machine has no record of compile writing it" in result.stderr
    )


def test_a_fresh_checkout_says_once_which_files_of_a_dropped_language_it_leaves(tmp_path: Path) -> None:
    """A CI job's checkout (no .transpub/): one warning for the language, naming its files; a second
    run here, with nothing new to do, is quiet (it warned of every file on every run); the next fresh
    checkout, which remembers nothing, says it again."""
    root = make_markdown_project(tmp_path / "site", 'markdown_dir = "content"\n', articles="content/en")
    assert run_cli(root, "compile", "--threshold", "0").exit_code == 0
    assert (root / "content" / "zh_CN" / "guide" / "index.md").is_file()
    drop(root, "zh_CN")
    warning = (
        "Warning: content/zh_CN: 2 files left as they are (guide/index.md, posts/harbour.md): zh_CN is no "
        "longer among the project's locales, but this machine has no record of compile writing them; "
        "delete them if they should go"
    )
    for _ in range(2):  # two CI jobs
        shutil.rmtree(root / ".transpub")
        first = run_cli(root, "compile", "--threshold", "0")
        assert first.exit_code == 0, first.output
        assert [line for line in first.stderr.splitlines() if "zh_CN" in line] == [warning]
        second = run_cli(root, "compile", "--threshold", "0")
        assert second.exit_code == 0 and "zh_CN" not in second.output, second.output
    assert (root / "content" / "zh_CN" / "posts" / "harbour.md").is_file()
    assert (root / "content" / "zh_CN" / "guide" / "index.md").is_file()


def compiled_with_a_map(root: Path) -> Path:
    """A Hugo-like site (``content/en`` the articles) whose post shows an image, Chinese translated
    too, compiled once: its page and the image's copy in ``content/zh_CN/posts/``."""
    make_markdown_project(root, 'markdown_dir = "content"\n', articles="content/en")
    posts = root / "content" / "en" / "posts"
    (posts / "harbour.md").write_text(
        (posts / "harbour.md").read_text("utf-8") + "\n![Map](map.png)\n", "utf-8"
    )
    (posts / "map.png").write_bytes(b"\x89PNG map")
    assert run_cli(root, "extract").exit_code == 0
    translate(root, "zh_CN", CHINESE)
    assert run_cli(root, "compile").exit_code == 0
    return root


def test_the_image_copies_of_a_dropped_language_go_with_its_markdown_files(tmp_path: Path) -> None:
    root = compiled_with_a_map(tmp_path / "site")
    posts = root / "content" / "en" / "posts"
    assert (root / "content" / "zh_CN" / "posts" / "map.png").is_file()
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert not (root / "content" / "zh_CN").exists(), sorted((root / "content" / "zh_CN").rglob("*"))
    assert (root / "content" / "es" / "posts" / "map.png").is_file() and (posts / "map.png").is_file()
    assert not any(key.startswith("zh_CN/") for key in recorded(root)) and "Warning" not in result.stderr


def test_a_dropped_languages_translations_beside_their_articles_are_removed(tmp_path: Path) -> None:
    """Hugo's translation by file name (``posts/harbour.zh_CN.md`` beside ``posts/harbour.md``)."""
    root = make_markdown_project(tmp_path / "site", 'layout = "suffix"\n')
    translate(root, "zh_CN", CHINESE)
    assert run_cli(root, "compile").exit_code == 0
    translation = root / "articles" / "posts" / "harbour.zh_CN.md"
    assert translation.is_file()
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert "articles/posts/harbour.zh_CN.md: removed (zh_CN is no longer among" in result.stdout
    assert not translation.exists() and (root / "articles" / "posts" / "harbour.es.md").is_file()
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "zh_CN" not in again.output, again.output


def test_a_dropped_languages_translation_left_beside_its_article_is_not_read_as_an_article(
    tmp_path: Path,
) -> None:
    """``posts/harbour.zh_CN.md`` edited by hand stays when zh_CN is dropped: it is no article to
    extract and translate (``posts/harbour.zh_CN``) while it is there."""
    root = make_markdown_project(tmp_path / "site", 'layout = "suffix"\n')
    translate(root, "zh_CN", CHINESE)
    assert run_cli(root, "compile").exit_code == 0
    edited = root / "articles" / "posts" / "harbour.zh_CN.md"
    edited.write_text(edited.read_text("utf-8") + "\n手工修改。\n", "utf-8")
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert "left as it is: zh_CN is no longer among the project's locales" in result.stderr
    assert "harbour.zh_CN:" not in result.output and edited.is_file()
    assert not list(root.glob("articles/posts/harbour.zh_CN.*.md"))
    extracted = run_cli(root, "extract")
    assert extracted.exit_code == 0 and "harbour.zh_CN" not in extracted.output, extracted.output
    assert not list((root / "locales").rglob("harbour.zh_CN.po*"))


def test_a_shard_run_removes_the_dropped_language_files_of_its_own_articles_only(tmp_path: Path) -> None:
    make_markdown_project(tmp_path / "site", 'markdown_dir = "content"\n', articles="content/en")
    root = tmp_path / "site"
    assert run_cli(root, "compile", "--threshold", "0").exit_code == 0
    files = {"posts/harbour": "posts/harbour.md", "guide": "guide/index.md"}
    assert all((root / "content" / "zh_CN" / name).is_file() for name in files.values())
    mine = [slug for slug in files if in_shard(slug, (1, 2))]
    assert len(mine) == 1, mine  # (one article in each shard)
    drop(root, "zh_CN")
    result = run_cli(root, "compile", "--threshold", "0", "--shard", "1/2")
    assert result.exit_code == 0, result.output
    for slug, name in files.items():
        assert (root / "content" / "zh_CN" / name).is_file() == (slug not in mine), slug
    result = run_cli(root, "compile", "--threshold", "0", "--shard", "2/2")
    assert result.exit_code == 0, result.output
    assert not (root / "content" / "zh_CN").exists()


# --- a language renamed, its folder kept ----------------------------------------------------------


def rename_keeping_folder(root: Path, old: str, new: str) -> None:
    """Rename the language ``old`` to ``new`` in ``[project] locales``, its pages kept at the same
    URLs (``[compile.locale_dirs] new = "old"``) and its catalogs copied."""
    config = root / "transpub.toml"
    text = config.read_text(encoding="utf-8").replace(f'"{old}"', f'"{new}"')
    config.write_text(text + f'\n[compile.locale_dirs]\n{new} = "{old}"\n', encoding="utf-8")
    shutil.copytree(root / "locales" / old, root / "locales" / new)


def test_a_language_renamed_into_its_old_folder_keeps_its_pages_without_a_warning(tmp_path: Path) -> None:
    """zh_CN renamed zh_Hans, its pages still in site/zh_CN/: the folder is the new language's, whose
    pages are no dropped language's to remove or to warn of ('delete it if it should go')."""
    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile", "--review").exit_code == 0
    rename_keeping_folder(root, "zh_CN", "zh_Hans")
    some = run_cli(root, "compile", "-l", "de", "--review")  # (a run of another language first)
    assert some.exit_code == 0 and "removed" not in some.output, some.output
    assert {"zh_CN/skiing.html", "zh_CN/index.html", "_review/zh_CN/skiing.html"} <= site_files(root)
    result = run_cli(root, "compile", "--review")
    assert result.exit_code == 0, result.output
    assert "zh_CN is no longer" not in result.output, result.output
    assert 'lang="zh-Hans"' in (root / "site" / "zh_CN" / "skiing.html").read_text(encoding="utf-8")
    assert {"zh_CN/skiing.html", "zh_CN/index.html", "_review/zh_CN/skiing.html"} <= site_files(root)


def test_a_markdown_language_renamed_into_its_old_folder_keeps_its_files(tmp_path: Path) -> None:
    root = hugo_project(tmp_path / "site")
    rename_keeping_folder(root, "zh_CN", "zh_Hans")
    page = root / "content" / "zh_CN" / "posts" / "harbour.md"
    some = run_cli(root, "compile", "-l", "es")  # (a run of another language first)
    assert some.exit_code == 0 and "zh_CN is no longer" not in some.output, some.output
    assert page.is_file()
    result = run_cli(root, "compile")
    assert result.exit_code == 0 and "zh_CN is no longer" not in result.output, result.output
    assert page.is_file() and recorded(root) >= {"zh_CN/posts/harbour.md"}


def test_an_image_copy_of_a_language_renamed_into_its_old_folder_stays(tmp_path: Path) -> None:
    """A run of another language after zh_CN became zh_Hans (its folder kept) leaves the copy of the
    image its page shows: it is zh_Hans's too, and Hugo would publish the page without its map."""
    root = compiled_with_a_map(tmp_path / "site")
    copy = root / "content" / "zh_CN" / "posts" / "map.png"
    assert copy.is_file()
    rename_keeping_folder(root, "zh_CN", "zh_Hans")
    result = run_cli(root, "compile", "-l", "es")
    assert result.exit_code == 0 and "Warning" not in result.stderr, result.output
    assert copy.is_file() and (root / "content" / "zh_CN" / "posts" / "harbour.md").is_file()
    result = run_cli(root, "compile")
    assert result.exit_code == 0 and copy.is_file(), result.output
    assert "zh_CN/posts/map.png" in recorded(root)


@pytest.mark.parametrize(
    ("setting", "name"),
    [('locale_style = "bcp47-lower"\n', "zh-cn"), ('\n[compile.locale_dirs]\nzh_CN = "cn"\n', "cn")],
)
def test_a_dropped_languages_translation_in_a_folder_named_otherwise_is_not_read_as_an_article(
    tmp_path: Path, setting: str, name: str
) -> None:
    """Hugo's language keys (``posts/harbour.zh-cn.md``, [compile] locale_style) or a folder name of
    [compile.locale_dirs] taken out with the language: an edited file left behind stays, with its
    warning, and is no article (it was extracted as ``posts/harbour.zh-cn``, to be translated)."""
    root = make_markdown_project(tmp_path / "site", f'layout = "suffix"\n{setting}')
    translate(root, "zh_CN", CHINESE)
    assert run_cli(root, "compile").exit_code == 0
    edited = root / "articles" / "posts" / f"harbour.{name}.md"
    edited.write_text(edited.read_text("utf-8") + "\n手工修改。\n", "utf-8")
    drop(root, "zh_CN")
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8").replace('zh_CN = "cn"\n', ""), "utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert f"articles/posts/harbour.{name}.md: left as it is: zh_CN is no longer" in result.stderr
    assert f"harbour.{name}:" not in result.output and edited.is_file()
    extracted = run_cli(root, "extract")
    assert extracted.exit_code == 0 and f"harbour.{name}" not in extracted.output, extracted.output
    assert not list((root / "locales").rglob(f"harbour.{name}.po*"))


def test_a_page_of_a_dropped_language_the_system_keeps_is_an_error_at_each_run_until_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transpub.compile import removal

    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile").exit_code == 0
    drop(root, "zh_CN")
    kept = root / "site" / "zh_CN" / "skiing.html"
    refuse_removing(monkeypatch, removal, kept)
    error = "Error: site/zh_CN/skiing.html: cannot remove: Permission denied"
    result = run_cli(root, "compile")
    assert result.exit_code == 1 and error in result.stderr, result.output
    again = run_cli(root, "compile")  # (the page is still its record's: tried again, said again)
    assert again.exit_code == 1 and error in again.stderr, again.output
    monkeypatch.undo()
    done = run_cli(root, "compile")
    assert done.exit_code == 0, done.output
    assert "site/zh_CN/skiing.html: removed (zh_CN is no longer among the project's locales)" in done.stdout
    assert not kept.exists()
    assert "zh_CN" not in run_cli(root, "compile").output


def refuse_removing(monkeypatch: pytest.MonkeyPatch, module: object, refused: Path) -> None:
    """Make ``module``'s removals of ``refused`` fail as in a folder the user may not write (tests
    run as root, where ``chmod -w`` stops nothing)."""
    import errno

    remove_file = module.remove_file  # type: ignore[attr-defined]

    def keep(path: Path, folder: Path) -> bool:
        if Path(path) == refused:
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return bool(remove_file(path, folder))

    monkeypatch.setattr(module, "remove_file", keep)


def test_a_review_copy_of_a_dropped_language_changed_since_compile_wrote_it_stays_with_a_warning(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile", "--review").exit_code == 0
    edited = root / "site" / "_review" / "zh_CN" / "skiing.html"
    edited.write_text(edited.read_text(encoding="utf-8") + "<!-- reviewer's note -->\n", encoding="utf-8")
    drop(root, "zh_CN")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert edited.read_text(encoding="utf-8").endswith("<!-- reviewer's note -->\n")
    assert result.stderr.count("site/_review/zh_CN/skiing.html: left as it is") == 1, result.stderr
    assert (
        "Warning: site/_review/zh_CN/skiing.html: left as it is: a review copy of a language no longer among "
        "the project's locales, but this file is not as compile wrote it; delete it if it should go"
    ) in result.stderr
    assert "site/zh_CN/skiing.html: removed (zh_CN is no longer among" in result.stdout


def test_a_review_copy_of_a_dropped_language_the_system_keeps_is_one_error_at_each_run_until_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transpub.compile import removal

    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile", "--review").exit_code == 0
    drop(root, "zh_CN")
    kept = root / "site" / "_review" / "zh_CN" / "skiing.html"
    refuse_removing(monkeypatch, removal, kept)
    error = "Error: site/_review/zh_CN/skiing.html: cannot remove: Permission denied"
    for _ in range(2):  # (said once a run, and tried again at the next)
        result = run_cli(root, "compile")
        assert result.exit_code == 1 and result.stderr.count(error) == 1, result.output
        assert "left as it is" not in result.stderr
    monkeypatch.undo()
    done = run_cli(root, "compile")
    assert done.exit_code == 0 and not kept.exists(), done.output
