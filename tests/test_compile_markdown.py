"""compile --format markdown: each Markdown article's translation written as Markdown where a static-site
generator looks for it (Hugo, Jekyll, MkDocs), with the publishing rules of HTML pages."""

from __future__ import annotations

from pathlib import Path

import polib

from test_compile_helpers import run_cli
from transpub.compile import CompileOptions, CompileReport, compile_project
from transpub.extract import extract_project
from transpub.project import load_project

HARBOUR = """---
title: The harbour reopens
date: 2024-05-02
---

# The harbour reopens

The ferry runs again. Read [the timetable](/docs/ferries/) first.

```sh
ferry --list
```

- Boats leave every hour.
"""
GUIDE = "# Visitor guide\n\nSee [the map](/docs/map/) and [the shop](https://shop.example/).\n"

SPANISH = {
    "The harbour reopens": "El puerto reabre",
    "The ferry runs again.": "El ferry vuelve a funcionar.",
    "Read <1>the timetable</1> first.": "Lea primero <1>el horario</1>.",
    "Boats leave every hour.": "Los barcos salen cada hora.",
    "Visitor guide": "Guía del visitante",
    "See <1>the map</1> and <2>the shop</2>.": "Vea <1>el mapa</1> y <2>la tienda</2>.",
}
CHINESE = {
    "The harbour reopens": "港口重新开放",
    "The ferry runs again.": "渡轮恢复运行。",
    "Read <1>the timetable</1> first.": "请先阅读<1>时刻表</1>。",
    "Boats leave every hour.": "船每小时出发一次。",
}


def make_markdown_project(root: Path, compile_extra: str = "", *, articles: str = "articles") -> Path:
    """A project of two Markdown articles (a post and a page bundle), extracted, Spanish translated."""
    root.mkdir(parents=True)
    (root / "transpub.toml").write_text(
        '[project]\nname = "Harbour"\nsource_locale = "en"\nlocales = ["es", "zh_CN", "de"]\n\n'
        f'[paths]\narticles = "{articles}"\n\n[compile]\nformat = "markdown"\n{compile_extra}',
        encoding="utf-8",
    )
    folder = root / articles
    (folder / "posts").mkdir(parents=True)
    (folder / "guide").mkdir()
    (folder / "posts" / "harbour.md").write_text(HARBOUR, encoding="utf-8")
    (folder / "guide" / "index.md").write_text(GUIDE, encoding="utf-8")
    extract(root)
    translate(root, "es", SPANISH)
    return root


def extract(root: Path) -> None:
    project = load_project(root)
    extract_project(project, project.locales)


def translate(root: Path, locale: str, entries: dict[str, str], *, fuzzy: bool = False) -> None:
    """Fill msgstrs in every catalog of ``locale``."""
    for path in sorted((root / "locales" / locale / "LC_MESSAGES").rglob("*.po")):
        po = polib.pofile(str(path))
        for entry in po:
            if entry.msgid in entries:
                entry.msgstr = entries[entry.msgid]
                if fuzzy and "fuzzy" not in entry.flags:
                    entry.flags.append("fuzzy")
        po.save(str(path))


def compile_md(root: Path, locales: list[str] | None = None, **options: object) -> CompileReport:
    project = load_project(root)
    return compile_project(project, locales or project.locales, CompileOptions(**options))  # type: ignore[arg-type]


def spanish_harbour() -> str:
    return (
        HARBOUR.replace("# The harbour reopens", "# El puerto reabre")
        .replace("title: The harbour reopens", "title: El puerto reabre")
        .replace(
            "The ferry runs again. Read [the timetable](/docs/ferries/) first.",
            "El ferry vuelve a funcionar. Lea primero [el horario](/docs/ferries/).",
        )
        .replace("Boats leave every hour.", "Los barcos salen cada hora.")
    )


# --- layouts --------------------------------------------------------------------------------------


def test_directory_layout_writes_each_language_in_its_folder_with_the_source_beside(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "site-project")
    report = compile_md(root)
    assert not report.errors
    site = root / "site"
    assert (site / "es" / "posts" / "harbour.md").read_text("utf-8") == spanish_harbour()
    assert (site / "es" / "guide" / "index.md").read_text("utf-8") == (
        "# Guía del visitante\n\nVea [el mapa](/docs/map/) y [la tienda](https://shop.example/).\n"
    )
    assert (site / "en" / "posts" / "harbour.md").read_bytes() == HARBOUR.encode("utf-8")
    assert not (site / "zh_CN").exists() and not (site / "de").exists()  # nothing translated: not published
    assert not list(site.rglob("*.html"))  # no index pages: the generator makes its own


def test_compile_indexes_of_markdown_output_is_refused_saying_there_are_no_index_pages(
    tmp_path: Path,
) -> None:
    root = make_markdown_project(tmp_path / "site-project")  # ([compile] format = "markdown")
    result = run_cli(root, "compile", "--indexes")
    assert result.exit_code == 2
    assert (
        'Error: --indexes writes the index pages of an HTML site; [compile] format = "markdown" writes none '
        "(the static-site generator makes its own): add --format html for an HTML site's index pages"
    ) in result.stderr
    result = run_cli(root, "compile", "--indexes", "--format", "markdown")
    assert result.exit_code == 2
    assert (
        "Error: --indexes writes the index pages of an HTML site; --format markdown writes none"
        in result.stderr
    )
    assert not (root / "site").exists()
    result = run_cli(root, "compile", "--indexes", "--format", "html")
    assert result.exit_code == 0 and (root / "site" / "index.html").is_file()


def test_suffix_layout_writes_translations_beside_their_sources_and_extract_ignores_them(
    tmp_path: Path,
) -> None:
    root = make_markdown_project(tmp_path / "blog", 'layout = "suffix"\n')
    compile_md(root)
    articles = root / "articles"
    assert (articles / "posts" / "harbour.es.md").read_text("utf-8") == spanish_harbour()
    assert (articles / "guide" / "index.es.md").is_file()
    assert (articles / "posts" / "harbour.md").read_text("utf-8") == HARBOUR
    extract(root)
    catalogs = sorted(
        p.relative_to(root / "locales" / "es").as_posix() for p in (root / "locales" / "es").rglob("*.po")
    )
    assert catalogs == ["LC_MESSAGES/guide.po", "LC_MESSAGES/posts/harbour.po"]


def test_suffix_names_follow_the_locale_folders(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "blog", 'layout = "suffix"\nlocale_style = "bcp47-lower"\n')
    translate(root, "zh_CN", CHINESE)
    compile_md(root)
    chinese = (root / "articles" / "posts" / "harbour.zh-cn.md").read_text("utf-8")
    assert "渡轮恢复运行。请先阅读[时刻表](/docs/ferries/)。" in chinese
    extract(root)
    assert not (root / "locales" / "es" / "LC_MESSAGES" / "posts" / "harbour.zh-cn.po").exists()


def test_hugo_content_folders_by_language_with_the_source_in_its_own(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "hugo", 'markdown_dir = "content"\n', articles="content/en")
    compile_md(root)
    assert (root / "content" / "es" / "posts" / "harbour.md").read_text("utf-8") == spanish_harbour()
    assert sorted(p.name for p in (root / "content").iterdir()) == [".transpub-outputs.json", "en", "es"]


def test_output_folders_inside_the_articles_folder_are_not_read_as_articles(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "docs", 'markdown_dir = "articles"\n')
    compile_md(root)
    assert (root / "articles" / "es" / "posts" / "harbour.md").is_file()
    assert (root / "articles" / "en" / "posts" / "harbour.md").is_file()
    extract(root)
    assert sorted(p.name for p in (root / "locales" / "es" / "LC_MESSAGES").iterdir()) == [
        "guide.po",
        "posts",
    ]


def test_copy_source_false_writes_only_the_translations(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p", "copy_source = false\n")
    compile_md(root)
    assert (root / "site" / "es" / "posts" / "harbour.md").is_file()
    assert not (root / "site" / "en").exists()


def test_copy_source_turned_off_removes_the_copies_but_one_edited_stays_with_one_warning(
    tmp_path: Path,
) -> None:
    root = make_markdown_project(tmp_path / "p")
    assert run_cli(root, "compile").exit_code == 0
    toml = root / "transpub.toml"
    toml.write_text(toml.read_text("utf-8") + "copy_source = false\n", "utf-8")
    own = root / "site" / "en" / "posts" / "harbour.md"
    own.write_text("My own harbour.\n", "utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Warning: site/en/posts/harbour.md: left as it is, no longer recorded as compile's: its article "
        "posts/harbour has no en file now, but this file is not as compile wrote it; delete it if it should go"
    ]
    assert not (root / "site" / "en" / "guide").exists()
    assert run_cli(root, "compile").stderr == "" and own.read_text("utf-8") == "My own harbour.\n"


def test_articles_inside_a_translations_folder_are_a_configuration_error(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    config = root / "transpub.toml"
    config.write_text(
        config.read_text("utf-8") + 'markdown_dir = "."\nlocale_dirs = { es = "articles" }\n', "utf-8"
    )
    result = run_cli(root, "compile")
    assert result.exit_code == 2
    assert (
        "the articles folder (articles) is where compile writes the es Markdown (articles)" in result.stderr
    )


# --- what is published ----------------------------------------------------------------------------


def test_a_translation_below_the_threshold_is_not_written_and_an_earlier_one_is_removed(
    tmp_path: Path,
) -> None:
    root = make_markdown_project(tmp_path / "p")
    translate(
        root,
        "de",
        {
            "Visitor guide": "Besucherführer",
            "See <1>the map</1> and <2>the shop</2>.": "Siehe <1>Karte</1>, <2>Laden</2>.",
        },
    )
    compile_md(root)
    german = root / "site" / "de" / "guide" / "index.md"
    assert german.is_file() and not (root / "site" / "de" / "posts").exists()
    translate(root, "de", {"See <1>the map</1> and <2>the shop</2>.": ""})
    report = compile_md(root)
    assert not german.exists() and not (root / "site" / "de").exists()
    [page] = [p for p in report.pages if p.locale == "de" and p.slug == "guide"]
    assert not page.published and "below the 80% needed to publish" in page.reason


def test_a_broken_catalog_keeps_the_markdown_written_before_and_is_an_error(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    compile_md(root)
    spanish = root / "site" / "es" / "posts" / "harbour.md"
    written = spanish.read_bytes()
    (root / "locales" / "es" / "LC_MESSAGES" / "posts" / "harbour.po").write_text(
        'msgid "x"\nmsgstr "unterminated\n', encoding="utf-8"
    )
    report = compile_md(root)
    assert [str(error.path) for error in report.errors] == ["locales/es/LC_MESSAGES/posts/harbour.po"]
    assert spanish.read_bytes() == written


def test_machine_translations_need_include_fuzzy_as_for_html(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    translate(root, "zh_CN", CHINESE, fuzzy=True)
    compile_md(root)
    assert not (root / "site" / "zh_CN").exists()
    compile_md(root, include_fuzzy=True)
    chinese = (root / "site" / "zh_CN" / "posts" / "harbour.md").read_text("utf-8")
    assert "渡轮恢复运行。请先阅读[时刻表](/docs/ferries/)。" in chinese
    assert "transpub-notice" not in chinese  # notices are for HTML pages


def test_a_translation_with_a_broken_placeholder_publishes_the_source_sentence(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    translate(
        root,
        "es",
        {"Read <1>the timetable</1> first.": "Lea el horario."},
    )
    report = compile_md(root, threshold=0)
    spanish = (root / "site" / "es" / "posts" / "harbour.md").read_text("utf-8")
    assert "El ferry vuelve a funcionar. Read [the timetable](/docs/ferries/) first." in spanish
    assert "# El puerto reabre" in spanish
    assert not report.errors


def test_the_markdown_of_a_deleted_article_is_removed_with_its_folders(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    compile_md(root)
    (root / "articles" / "guide" / "index.md").unlink()
    compile_md(root)
    assert not (root / "site" / "es" / "guide").exists() and not (root / "site" / "en" / "guide").exists()
    assert (root / "site" / "es" / "posts" / "harbour.md").is_file()


def test_the_markdown_files_of_a_deleted_article_are_each_reported_removed(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    assert run_cli(root, "compile").exit_code == 0
    (root / "articles" / "guide" / "index.md").unlink()
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert "site/es/guide/index.md: removed (its article is gone)" in result.stdout
    assert "site/en/guide/index.md: removed (its article is gone)" in result.stdout
    assert (
        "harbour.md: removed" not in result.stdout
        and (root / "site" / "es" / "posts" / "harbour.md").is_file()
    )


def test_a_file_written_by_hand_where_a_deleted_articles_markdown_was_stays_with_one_warning(
    tmp_path: Path,
) -> None:
    """It was an error at every run, telling to put the change into the catalog of an article gone."""
    root = make_markdown_project(tmp_path / "p")
    assert run_cli(root, "compile").exit_code == 0
    (root / "articles" / "guide" / "index.md").unlink()
    own = root / "site" / "es" / "guide" / "index.md"
    own.write_text("Mi propia guía.\n", "utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert "site/en/guide/index.md: removed (its article is gone)" in result.stdout
    assert result.stderr.splitlines() == [
        "Warning: site/es/guide/index.md: left as it is, no longer recorded as compile's: its article guide "
        "is gone, but this file is not as compile wrote it; delete it if it should go"
    ]
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and again.stderr == "", again.output
    (root / "articles" / "guide" / "index.md").write_text(GUIDE, encoding="utf-8")  # the article back
    back = run_cli(root, "compile")
    assert back.exit_code == 1
    assert "Error: site/es/guide/index.md: not replaced: this file was not written by transpub compile" in (
        back.stderr
    )
    assert own.read_text("utf-8") == "Mi propia guía.\n"


def test_an_edited_file_where_an_article_made_a_bundle_had_its_markdown_stays_with_one_warning(
    tmp_path: Path,
) -> None:
    """posts/harbour.md made posts/harbour/index.md: its Spanish file now goes elsewhere; the old one,
    edited, was an error at every run telling to put the change into the catalog."""
    root = make_markdown_project(tmp_path / "p")
    assert run_cli(root, "compile").exit_code == 0
    posts = root / "articles" / "posts"
    (posts / "harbour").mkdir()
    (posts / "harbour.md").rename(posts / "harbour" / "index.md")
    own = root / "site" / "es" / "posts" / "harbour.md"
    own.write_text("Mi propio puerto.\n", "utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines() == [
        "Warning: site/es/posts/harbour.md: left as it is, no longer recorded as compile's: its article "
        "posts/harbour is now compiled to site/es/posts/harbour/index.md, but this file is not as compile "
        "wrote it; delete it if it should go"
    ]
    assert (root / "site" / "es" / "posts" / "harbour" / "index.md").read_text("utf-8") == spanish_harbour()
    assert not (root / "site" / "en" / "posts" / "harbour.md").exists()  # the copy, as written: removed
    assert (root / "site" / "en" / "posts" / "harbour" / "index.md").is_file()
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and again.stderr == "", again.output
    (posts / "harbour" / "index.md").rename(posts / "harbour.md")  # back where it was
    back = run_cli(root, "compile")
    assert back.exit_code == 1
    assert "Error: site/es/posts/harbour.md: not replaced: this file was not written by transpub compile" in (
        back.stderr
    )
    assert own.read_text("utf-8") == "Mi propio puerto.\n"


def test_an_edited_file_left_by_a_renamed_article_or_locale_folder_stays_and_is_said_once(
    tmp_path: Path,
) -> None:
    """posts/harbour.md moved to posts/ferry.md (its catalogs moved with it), then Spanish given its own
    folder name: the edited files where compile wrote them stay, the others go."""
    root = make_markdown_project(tmp_path / "p")
    translate(root, "zh_CN", CHINESE)
    assert run_cli(root, "compile").exit_code == 0
    (root / "articles" / "posts" / "harbour.md").rename(root / "articles" / "posts" / "ferry.md")
    for catalog in (root / "locales").rglob("harbour.po"):
        catalog.rename(catalog.with_name("ferry.po"))
    own = root / "site" / "es" / "posts" / "harbour.md"
    own.write_text("Mi propio puerto.\n", "utf-8")
    renamed = run_cli(root, "compile")
    assert renamed.exit_code == 0, renamed.output
    assert renamed.stderr.splitlines() == [
        "Warning: site/es/posts/harbour.md: left as it is, no longer recorded as compile's: its article "
        "posts/harbour is gone, but this file is not as compile wrote it; delete it if it should go"
    ]
    assert "site/zh_CN/posts/harbour.md: removed (its article is gone)" in renamed.stdout
    assert (root / "site" / "es" / "posts" / "ferry.md").read_text("utf-8") == spanish_harbour()
    assert run_cli(root, "compile").stderr == ""
    toml = root / "transpub.toml"
    toml.write_text(toml.read_text("utf-8") + '\n[compile.locale_dirs]\nes = "spanish"\n', "utf-8")
    ferry = root / "site" / "es" / "posts" / "ferry.md"
    ferry.write_text("Mi propio ferry.\n", "utf-8")
    moved = run_cli(root, "compile")
    assert moved.exit_code == 0, moved.output
    assert moved.stderr.splitlines() == [
        "Warning: site/es/posts/ferry.md: left as it is, no longer recorded as compile's: its article "
        "posts/ferry is now compiled to site/spanish/posts/ferry.md, but this file is not as compile wrote "
        "it; delete it if it should go"
    ]
    assert not (root / "site" / "es" / "guide").exists()  # as written: removed
    assert (root / "site" / "spanish" / "guide" / "index.md").is_file()
    assert run_cli(root, "compile").stderr == ""
    assert (
        own.read_text("utf-8") == "Mi propio puerto.\n" and ferry.read_text("utf-8") == "Mi propio ferry.\n"
    )


def test_compiling_one_language_leaves_the_others_files_alone(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    translate(root, "zh_CN", CHINESE)
    compile_md(root)
    (root / "articles" / "posts" / "harbour.md").unlink()
    compile_md(root, ["es"])
    assert not (root / "site" / "es" / "posts").exists()
    assert (root / "site" / "zh_CN" / "posts" / "harbour.md").is_file()  # until zh_CN is compiled
    compile_md(root)
    assert not (root / "site" / "zh_CN").exists()


def test_a_hand_written_file_is_never_replaced_or_removed(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    own = root / "site" / "es" / "posts" / "harbour.md"
    own.parent.mkdir(parents=True)
    own.write_text("Mi propia traducción.\n", "utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 1
    # named from the project's folder, as README shows it and every other line names a file
    assert "Error: site/es/posts/harbour.md: not replaced: this file was not written by transpub compile" in (
        result.stderr
    )
    assert own.read_text("utf-8") == "Mi propia traducción.\n"
    assert (root / "site" / "es" / "guide" / "index.md").is_file()  # the other articles are written
    assert "unchanged" not in result.stdout  # the page refused is not counted as left as it was


def test_a_run_that_writes_no_markdown_for_an_error_says_so_rather_than_pointing_at_a_list(
    tmp_path: Path,
) -> None:
    root = make_markdown_project(tmp_path / "p")
    for article in (root / "articles").rglob("*.md"):
        if article.name != "harbour.md":
            article.unlink()
    own = root / "site" / "es" / "posts" / "harbour.md"
    own.parent.mkdir(parents=True)
    own.write_text("Mi propia traducción.\n", "utf-8")
    result = run_cli(root, "compile", "-l", "es")
    assert result.exit_code == 1
    assert result.stdout.splitlines()[-1] == "No Markdown file written (errors: 1)"


def test_a_file_edited_since_compile_wrote_it_is_kept(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    compile_md(root)
    written = root / "site" / "es" / "posts" / "harbour.md"
    written.write_text(written.read_text("utf-8") + "Nota del editor.\n", "utf-8")
    translate(root, "es", {"Boats leave every hour.": "Salen barcos cada hora."})
    report = compile_md(root)
    assert [str(e) for e in report.errors] == [
        f"{written}: not replaced: this file was changed since transpub compile wrote it "
        "(put the change into the catalog, or delete the file)"
    ]
    assert written.read_text("utf-8").endswith("Nota del editor.\n")


def test_an_unchanged_file_already_there_is_taken_as_compiles_own(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    compile_md(root)
    (root / "site" / ".transpub-outputs.json").unlink()  # a fresh checkout of committed translations
    assert not compile_md(root).errors


# --- links ----------------------------------------------------------------------------------------


def test_links_point_at_the_readers_language_in_markdown_output(tmp_path: Path) -> None:
    root = make_markdown_project(
        tmp_path / "p", 'locale_style = "bcp47-lower"\n[compile.links]\n"/docs/" = "/{lang}/docs/"\n'
    )
    translate(root, "zh_CN", CHINESE)
    compile_md(root)
    site = root / "site"
    assert "[el horario](/es/docs/ferries/)" in (site / "es" / "posts" / "harbour.md").read_text("utf-8")
    assert "[时刻表](/zh-cn/docs/ferries/)" in (site / "zh-cn" / "posts" / "harbour.md").read_text("utf-8")
    guide = (site / "es" / "guide" / "index.md").read_text("utf-8")
    assert "[el mapa](/es/docs/map/)" in guide and "(https://shop.example/)" in guide
    assert (site / "en" / "posts" / "harbour.md").read_text("utf-8") == HARBOUR  # the source is not rewritten


def test_untranslated_sentences_get_localized_links_too(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p", '[compile.links]\n"/docs/" = "/{lang}/docs/"\n')
    translate(root, "es", {"Read <1>the timetable</1> first.": ""})
    compile_md(root, threshold=50)
    spanish = (root / "site" / "es" / "posts" / "harbour.md").read_text("utf-8")
    assert "El ferry vuelve a funcionar. Read [the timetable](/es/docs/ferries/) first." in spanish


def test_a_link_to_an_article_no_rule_follows_is_named_with_the_rule_to_add(tmp_path: Path) -> None:
    # (a section made after init has no [compile.links] rule: the Spanish post linked to the English
    # guide, which is published in Spanish too, without a word)
    root = make_markdown_project(tmp_path / "p", '[compile.links]\n"/docs/" = "/{lang}/docs/"\n')
    harbour = root / "articles" / "posts" / "harbour.md"
    harbour.write_text(HARBOUR + "\nSee [the guide](/guide/#map).\n", "utf-8")
    extract(root)
    translate(root, "es", {"See <1>the guide</1>.": "Vea <1>la guía</1>."})
    result = run_cli(root, "compile", "-l", "es")
    assert result.exit_code == 0, result.output
    assert (
        "Warning: articles/posts/harbour.md: links to /guide/#map, which no [compile.links] rule follows: the es "
        'page links to the en page; add "/guide/" = "/{lang}/guide/" under [compile.links] in transpub.toml'
    ) in result.output.splitlines()
    assert "[la guía](/guide/#map)" in (root / "site" / "es" / "posts" / "harbour.md").read_text("utf-8")
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8") + '"/guide/" = "/{lang}/guide/"\n', "utf-8")
    result = run_cli(root, "compile", "-l", "es")
    assert result.exit_code == 0 and "no [compile.links] rule" not in result.output, result.output
    assert "[la guía](/es/guide/#map)" in (root / "site" / "es" / "posts" / "harbour.md").read_text("utf-8")


def test_a_link_to_a_page_at_one_url_in_every_language_asks_for_no_rule(tmp_path: Path) -> None:
    # (url: /visit/ is where Hugo publishes the guide in every language: a rule would lead nowhere)
    root = make_markdown_project(tmp_path / "p", '[compile.links]\n"/docs/" = "/{lang}/docs/"\n')
    (root / "articles" / "guide" / "index.md").write_text("---\nurl: /visit/\n---\n" + GUIDE, "utf-8")
    harbour = root / "articles" / "posts" / "harbour.md"
    harbour.write_text(HARBOUR + "\nSee [the guide](/visit/).\n", "utf-8")
    extract(root)
    translate(root, "es", {"See <1>the guide</1>.": "Vea <1>la guía</1>."})
    result = run_cli(root, "compile", "-l", "es")
    assert result.exit_code == 0 and "no [compile.links] rule" not in result.output, result.output


# --- the command line -----------------------------------------------------------------------------


def test_compile_format_markdown_on_the_command_line_lists_the_files(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8").replace('format = "markdown"\n', ""), "utf-8")
    result = run_cli(root, "compile", "--format", "markdown")
    assert result.exit_code == 0, result.output
    assert "es/posts/harbour.md: 100% translated" in result.output
    assert "de/posts/harbour.md: not published: 0% translated" in result.output
    assert "Site:" not in result.output
    assert not (root / "site" / "index.html").exists()
    result = run_cli(root, "compile")
    assert result.exit_code == 0
    assert (root / "site" / "es" / "posts" / "harbour.html").is_file()


def test_compile_and_status_name_a_held_back_html_articles_page_by_its_file_in_the_site_folder(
    tmp_path: Path,
) -> None:
    """An HTML article of a Markdown site gets an HTML page (``site/es/notice.html``): the line of its
    page held back names that file as the line of a page written does, not ``es/notice``."""
    root = make_markdown_project(tmp_path / "p")
    (root / "articles" / "notice.html").write_text("<p>The pier is closed.</p>", encoding="utf-8")
    extract(root)
    compiled = run_cli(root, "compile", "-l", "es").output
    assert "es/notice.html: not published: 0% translated, below the 80% needed to publish\n" in compiled
    status = run_cli(root, "status").output
    assert "    es/notice.html (locales/es/LC_MESSAGES/notice.po): 0% translated" in status, status
    assert "    de/posts/harbour.md (locales/de/LC_MESSAGES/posts/harbour.po): 0% translated" in status, (
        status
    )


def test_a_markdown_file_published_before_and_held_back_now_is_said_to_be_removed(tmp_path: Path) -> None:
    root = make_markdown_project(tmp_path / "p")
    spanish = root / "site" / "es" / "posts" / "harbour.md"
    assert run_cli(root, "compile").exit_code == 0 and spanish.is_file()
    translate(root, "es", {"Boats leave every hour.": ""})
    result = run_cli(root, "compile", "--threshold", "100", "-l", "es")
    assert result.exit_code == 0, result.output
    assert not spanish.exists()
    assert "es/posts/harbour.md: not published: " in result.output
    assert "; es/posts/harbour.md, published before, is removed" in result.output  # as written lines name it
