"""The whole loop, as an editor runs it: init, extract, translate, compile, check, status."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import click
import polib
import pytest
from click.testing import CliRunner

from transpub.cli import _one_locale, main

APERTIUM = shutil.which("apertium") is not None and Path("/usr/share/apertium/modes/eng-spa.mode").exists()
SLUG = "jingyue-platinum-industry"


def run(project: Path, *args: str, ok: bool = True):
    result = CliRunner().invoke(main, ["--project", str(project), *args], catch_exceptions=False)
    if ok:
        assert result.exit_code == 0, result.output
    return result


def test_init_scaffolds_a_project_and_refuses_to_overwrite_it(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["init", str(tmp_path / "news"), "--source", "en", "-l", "es", "-l", "zh_CN"]
    )
    assert result.exit_code == 0, result.output
    config = (tmp_path / "news" / "transpub.toml").read_text()
    assert 'locales = ["es", "zh_CN"]' in config
    assert (tmp_path / "news" / "articles").is_dir()
    again = runner.invoke(main, ["init", str(tmp_path / "news"), "-l", "de"])
    assert again.exit_code == 2
    assert "already exists" in again.output
    assert (tmp_path / "news" / "transpub.toml").read_text() == config


def test_init_inside_a_project_warns_that_it_makes_another_project_there(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (an editor in news/articles who typed `transpub init -l it` to add Italian got a second project,
    # transpub.toml, articles/ and glossary/ among the articles, and no word of it)
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "news"), "-l", "es"]).output.count("Warning") == 0
    monkeypatch.chdir(tmp_path / "news" / "articles")
    result = runner.invoke(main, ["init", "-l", "it"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[0] == (
        "Warning: this folder is inside the project of ../transpub.toml; init makes another project there, "
        "with catalogs of its own (to add a locale to that project, add it to [project] locales in "
        "../transpub.toml)"
    )
    assert (tmp_path / "news" / "articles" / "transpub.toml").is_file()


@pytest.mark.parametrize("where", ["here", "directory"])
def test_init_of_an_existing_project_is_one_line_saying_so_and_exit_2(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (init run again in a project, in the folder or naming it, exited 1, as for work that failed,
    # saying only that transpub.toml "already exists; not overwriting it")
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "news"), "-l", "es"]).exit_code == 0
    before = sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*"))
    if where == "here":
        monkeypatch.chdir(tmp_path / "news")
        again = runner.invoke(main, ["init", "-l", "de"])
        shown = "transpub.toml already exists: this folder is a transpub project already"
    else:
        monkeypatch.chdir(tmp_path)
        again = runner.invoke(main, ["init", "news", "-l", "de"])
        shown = "news/transpub.toml already exists: news is a transpub project already"
    assert again.exit_code == 2
    assert again.output.splitlines() == [
        f"Error: {shown}; init makes new projects and changes none (edit transpub.toml to change its "
        "locales or settings)"
    ]
    assert sorted(path.relative_to(tmp_path) for path in tmp_path.rglob("*")) == before


def test_init_of_a_folder_of_html_pages_shows_how_to_leave_menus_and_footers_to_the_page(
    tmp_path: Path,
) -> None:
    # (a CMS's whole page went to translators and the engine: menus, "Log in with Facebook", footers;
    # the configuration init wrote said nothing of [extract] include and exclude)
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "news"), "-l", "de"]).exit_code == 0
    config_path = tmp_path / "news" / "transpub.toml"
    config = config_path.read_text()
    assert (
        '# include = ["title", "article"]' in config and '# exclude = ["nav", "footer", ".share"]' in config
    )
    (tmp_path / "news" / "articles" / "a.html").write_text(
        "<html><head><title>Harbour news</title></head><body><nav><a href='/'>Home page</a></nav>"
        "<article><p>The ferry runs again.</p></article><footer>Log in with Facebook</footer></body></html>",
        encoding="utf-8",
    )
    config_path.write_text(config.replace("# include =", "include =").replace("# exclude =", "exclude ="))
    result = runner.invoke(main, ["--project", str(tmp_path / "news"), "extract"])
    assert result.exit_code == 0, result.output
    template = polib.pofile(str(tmp_path / "news" / "locales" / "templates" / "a.pot"))
    assert [entry.msgid for entry in template] == ["Harbour news", "The ferry runs again."]


def test_extract_warns_of_a_page_that_no_include_selector_matches(tmp_path: Path) -> None:
    # (a misspelt class in [extract] include: the page gave 0 units, without a word, and was then
    # published as "100% translated", the source page as written)
    runner = CliRunner()
    root = tmp_path / "news"
    assert runner.invoke(main, ["init", str(root), "-l", "de"]).exit_code == 0
    config = root / "transpub.toml"
    config.write_text(
        config.read_text().replace('# include = ["title", "article"]', 'include = [".story-bodyy"]')
    )
    (root / "articles" / "a.html").write_text(
        "<html><body><nav>Home page</nav><div class='story-body'><p>The ferry runs again.</p></div></body></html>",
        encoding="utf-8",
    )
    (root / "articles" / "b.html").write_text(
        "<html><body><div class='story-bodyy'><p>The harbour reopens.</p></div></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["--project", str(root), "extract"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning:")]
    assert warnings == [
        "Warning: articles/a.html: [extract] include (.story-bodyy) matches nothing in this page: none of its "
        "text is offered for translation, and its pages show it untranslated"
    ]


def test_a_page_whose_body_init_s_suggested_include_misses_is_named_although_its_title_matches(
    tmp_path: Path,
) -> None:
    # (include = ["title", "article"], as init suggests: a page of another template, with no <article>,
    # gave its title alone, no word, and was published as "100% translated", its body in English)
    runner = CliRunner()
    root = tmp_path / "news"
    assert runner.invoke(main, ["init", str(root), "-l", "de"]).exit_code == 0
    config = root / "transpub.toml"
    config.write_text(
        config.read_text().replace('# include = ["title", "article"]', 'include = ["title", "article"]')
    )
    (root / "articles" / "a.html").write_text(
        "<html><head><title>Ferry</title></head><body><div class='story'><p>The ferry runs again.</p></div></body></html>",
        encoding="utf-8",
    )
    (root / "articles" / "b.html").write_text(
        "<html><head><title>Harbour</title></head><body><article><p>The harbour reopens.</p></article></body></html>",
        encoding="utf-8",
    )
    result = runner.invoke(main, ["--project", str(root), "extract"])
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if line.startswith("Warning:")]
    assert warnings == [
        "Warning: articles/a.html: [extract] include (title, article) matches nothing in this page's body, only in "
        "its head: none of the body's text is offered for translation, and its pages show it untranslated"
    ]


@pytest.mark.parametrize("where", ["before", "after"])
def test_init_with_project_makes_the_project_in_that_folder_not_here(
    where: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    project = ["--project", str(tmp_path / "news")]
    words = [*project, "init", "-l", "es"] if where == "before" else ["init", *project, "-l", "es"]
    result = CliRunner().invoke(main, words)
    assert result.exit_code == 0, result.output
    assert (tmp_path / "news" / "transpub.toml").is_file()
    assert not (tmp_path / "transpub.toml").exists()


def test_init_with_project_and_another_directory_is_refused_and_makes_neither(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["--project", "a", "init", "b", "-l", "es"])
    assert result.exit_code == 2
    assert "--project a and DIRECTORY b are two folders: give one" in result.output
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_init_rejects_an_unknown_locale(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["init", str(tmp_path / "x"), "-l", "xx_YY"])
    assert result.exit_code == 2  # a configuration mistake, not a failed run
    assert "unknown locale 'xx_YY'" in result.output
    assert not (tmp_path / "x" / "transpub.toml").exists()


def test_project_is_found_from_a_subfolder(sample_project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(sample_project / "articles")
    result = CliRunner().invoke(main, ["extract", "-l", "fr", "-v"])
    assert result.exit_code == 0, result.output
    assert f"articles/{SLUG}.html: 12 units" in result.output


def test_outside_a_project_the_error_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["extract"])
    assert result.exit_code == 2
    assert result.output.startswith("Error: no transpub.toml in")
    assert "Traceback" not in result.output


def test_a_project_folder_that_is_not_there_is_named_as_missing_not_as_lacking_a_config(
    tmp_path: Path,
) -> None:
    missing = CliRunner().invoke(main, ["--project", str(tmp_path / "newsroom"), "status"])
    assert missing.exit_code == 2
    assert (
        missing.output
        == f"Error: {tmp_path / 'newsroom'}: no such folder (--project names the folder holding transpub.toml)\n"
    )
    empty = CliRunner().invoke(main, ["--project", str(tmp_path), "status"])
    assert empty.exit_code == 2
    assert empty.output.endswith(": no transpub.toml here (run `transpub init` there first)\n")


def test_project_naming_a_folder_inside_a_project_says_where_the_project_is(tmp_path: Path) -> None:
    # (`--project news/articles` said "no transpub.toml here (run `transpub init` there first)":
    # a second project among the articles)
    runner = CliRunner()
    assert runner.invoke(main, ["init", str(tmp_path / "news"), "-l", "es"]).exit_code == 0
    inside = runner.invoke(main, ["--project", str(tmp_path / "news" / "articles"), "status"])
    assert inside.exit_code == 2
    assert inside.output == (
        f"Error: {tmp_path / 'news' / 'articles'}: no transpub.toml here: this folder is inside the project "
        "of ../transpub.toml (--project names the folder holding transpub.toml)\n"
    )


def test_extract_creates_template_and_catalogs_keeping_reviewed_translations(sample_project: Path) -> None:
    po_path = sample_project / "locales/de/LC_MESSAGES" / f"{SLUG}.po"
    before = po_path.read_bytes()
    shutil.rmtree(sample_project / "locales/fr")
    result = run(sample_project, "extract")
    assert "template unchanged" in result.output
    assert "created fr" in result.output  # (its catalog was deleted: made anew)
    assert (sample_project / "locales/fr/LC_MESSAGES" / f"{SLUG}.po").exists()
    assert po_path.read_bytes() == before  # the reviewed German catalog is untouched
    german = polib.pofile(str(po_path))
    assert german.percent_translated() == 100


def test_unknown_locale_option_is_refused(sample_project: Path) -> None:
    result = run(sample_project, "extract", "-l", "it", ok=False)
    assert result.exit_code == 2
    assert "locale it is not a target of this project" in result.output
    assert "add it to [project] locales" in result.output  # (what to do)


def test_a_locale_option_naming_a_targets_language_in_another_region_suggests_the_target(
    sample_project: Path,
) -> None:
    result = run(sample_project, "status", "-l", "es-ES", ok=False)  # the project translates into es
    assert result.exit_code == 2
    assert "locale es_ES is not a target of this project" in result.output
    assert "did you mean es?" in result.output


def test_a_locale_option_naming_the_source_locale_says_so(sample_project: Path) -> None:
    result = run(sample_project, "compile", "-l", "en", ok=False)
    assert result.exit_code == 2
    assert "locale en is the source locale (the articles' language), not a target" in result.output
    assert "add it to [project] locales" not in result.output  # (a source locale cannot be a target)


def test_compile_publishes_reviewed_locales_and_holds_back_empty_ones(sample_project: Path) -> None:
    result = run(sample_project, "compile")
    assert f"zh_CN/{SLUG}.html: 100% translated" in result.output
    assert f"fr/{SLUG}: not published: 0% translated, below the 80% needed to publish" in result.output
    site = sample_project / "site"
    chinese = (site / "zh_CN" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert '<html lang="zh-Hans-CN" dir="ltr">' in chinese
    assert (
        "长春净月潭瓦萨国际滑雪节签约仪式于2018年1月4日举行。作为" in chinese
    )  # no space between CJK sentences
    assert '<time datetime="2018-01-04">2018年1月4日</time>' in chinese
    german = (site / "de" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "4. Januar 2018</time>" in german
    assert not (site / "fr" / f"{SLUG}.html").exists()
    assert (site / "index.html").exists()


@pytest.mark.apertium
@pytest.mark.skipif(not APERTIUM, reason="apertium with the eng-spa pair is not installed")
def test_whole_loop_with_apertium_gives_a_fuzzy_spanish_catalog_and_a_site(sample_project: Path) -> None:
    shutil.rmtree(sample_project / "locales/es")  # start from an empty Spanish catalog
    run(sample_project, "extract")
    result = run(sample_project, "translate", "-l", "es")
    assert "es via apertium: 12 machine-translated" in result.output
    spanish = polib.pofile(str(sample_project / "locales/es/LC_MESSAGES" / f"{SLUG}.po"))
    filled = [e for e in spanish if e.msgstr]
    assert len(filled) == 12
    assert all(e.fuzzy for e in filled)
    assert all("machine translation by apertium (en→es)" in e.tcomment for e in filled)
    # the glossary's required Spanish rendering was put in by masking, not left to Apertium
    assert any("Zona de Desarrollo de la Industria de Alta Tecnología de Jingyue" in e.msgstr for e in filled)

    again = run(sample_project, "translate", "-l", "es")
    assert "nothing to do" in again.output  # nothing is asked twice

    held_back = run(sample_project, "compile", "-l", "es")
    assert f"es/{SLUG}: not published" in held_back.output  # fuzzy is not published by default
    published = run(sample_project, "compile", "-l", "es", "--include-fuzzy")
    assert f"es/{SLUG}.html: 100% shown (12 of 12 machine-translated)" in published.output
    page = (sample_project / "site/es" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert 'class="transpub-notice"' in page
    assert "4 de enero de 2018</time>" in page


def test_segment_prints_one_unit_per_line() -> None:
    result = CliRunner().invoke(
        main, ["segment", "-l", "en"], input="Dr. Li arrived at 5 p.m. today. He spoke.\n\nNew paragraph."
    )
    assert result.exit_code == 0
    assert result.output.splitlines() == ["Dr. Li arrived at 5 p.m. today.", "He spoke.", "New paragraph."]


def test_segment_on_an_article_prints_the_msgids_extract_writes(sample_project: Path) -> None:
    article = sample_project / "articles" / f"{SLUG}.html"
    result = run(sample_project, "segment", str(article))
    template = (sample_project / "locales" / "templates" / f"{SLUG}.pot").read_text(encoding="utf-8")
    lines = result.output.splitlines()
    assert lines[0] == "Platinum Industry Adds Splendor to the New Year"
    assert len(lines) == template.count("\nmsgid ") - 1  # every unit once, in article order (header aside)
    assert all("<" not in line or "<1" in line for line in lines)  # placeholders, never raw markup


def test_segment_reads_legacy_encodings_and_refuses_unknown_languages(tmp_path: Path) -> None:
    text = tmp_path / "note.text"
    text.write_bytes("Café ouvert. Il pleut.".encode("latin-1"))
    result = CliRunner().invoke(main, ["segment", "-l", "fr", str(text)])
    assert result.output.splitlines() == ["Café ouvert.", "Il pleut."]
    result = CliRunner().invoke(main, ["segment", "-l", "xx", str(text)])
    assert result.exit_code == 2 and "unknown locale 'xx'" in result.output


def test_init_refuses_repeated_targets_and_the_source_as_a_target(tmp_path: Path) -> None:
    for args in (["-l", "es", "-l", "es"], ["--source", "es", "-l", "es"]):
        result = CliRunner().invoke(main, ["init", str(tmp_path / "news"), *args])
        assert result.exit_code == 2 and "es" in result.output
        assert not (tmp_path / "news").exists()


def test_segment_handles_chinese_full_width_stops() -> None:
    result = CliRunner().invoke(main, ["segment", "-l", "zh_CN"], input="签约仪式举行。项目十六个！")
    assert result.output.splitlines() == ["签约仪式举行。", "项目十六个！"]


@pytest.mark.parametrize(
    "command",
    [
        ["init"],
        ["extract"],
        ["translate"],
        ["compile"],
        ["check"],
        ["status"],
        ["segment"],
        ["engines"],
        ["glossary", "export"],
        ["glossary", "suggest"],
    ],
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example:" in result.output


def _every_command(group: click.Group = main, path: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    """The words of every command the CLI has, subcommands of groups included."""
    found = []
    for name, command in sorted(group.commands.items()):
        if isinstance(command, click.Group):
            found.extend(_every_command(command, (*path, name)))
        else:
            found.append((*path, name))
    return found


@pytest.mark.parametrize("command", _every_command(), ids=" ".join)
def test_every_option_of_every_command_says_in_help_what_it_does(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0 and "Example:" in result.output
    found: click.Command = main
    for word in command:
        assert isinstance(found, click.Group)
        found = found.commands[word]
    unexplained = [
        param.opts[-1] for param in found.params if isinstance(param, click.Option) and not param.help
    ]
    assert not unexplained, f"`transpub {' '.join(command)} --help` explains nothing of {unexplained}"


def test_every_command_is_in_the_readme() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"transpub {name}" in readme, f"README does not show `transpub {name}`"


@pytest.mark.skipif(not APERTIUM, reason="apertium with the eng-spa pair is not installed")
def test_translate_dry_run_skips_locales_without_an_engine_and_sends_nothing(sample_project: Path) -> None:
    shutil.rmtree(sample_project / "locales/es")
    run(sample_project, "extract", "-l", "es")
    before = (sample_project / "locales/es/LC_MESSAGES" / f"{SLUG}.po").read_bytes()
    result = run(sample_project, "translate", "--dry-run")
    assert result.output.splitlines() == [
        'Skipped zh_CN, de, fr, sv, ru, ar: no MT engine set; set engine = "NAME" under [locale.zh_CN], '
        "[locale.de], [locale.fr], [locale.sv], [locale.ru] and [locale.ar] in transpub.toml (or under [translate], "
        "for every locale), or pass `-l zh_CN -l de -l fr -l sv -l ru -l ar --engine NAME` (`--engine tm` fills them from the translation memory alone); `transpub engines` "
        "lists the engines and their language pairs.",
        "es via apertium: would send 12 units, 1746 characters",  # as masked: glossary names are tokens
    ]
    assert (sample_project / "locales/es/LC_MESSAGES" / f"{SLUG}.po").read_bytes() == before
    assert not (
        sample_project / ".transpub" / "memory.sqlite"
    ).exists()  # a dry run writes nothing, not even the memory


def test_translate_a_locale_without_engine_is_one_clear_error(sample_project: Path) -> None:
    result = run(sample_project, "translate", "-l", "fr", ok=False)
    assert result.exit_code == 2  # a mistake in transpub.toml or on the command line (README: exit codes)
    assert (
        'cannot translate fr: no MT engine set; set engine = "NAME" under [locale.fr] in transpub.toml'
        in result.output
    )
    assert "Traceback" not in result.output


def test_project_option_also_works_after_the_command_name(
    sample_project: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.chdir(tmp_path)  # not inside any project
    result = CliRunner().invoke(main, ["status", "--project", str(sample_project)])
    assert result.exit_code == 0, result.output
    assert "jingyue-platinum-industry" in result.output
    result = CliRunner().invoke(
        main, ["glossary", "suggest", "--project", str(sample_project), "--limit", "1"]
    )
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize(
    "command",
    [["xliff", "export", "-l", "de"], ["translate", "-l", "de", "--engine", "tm"]],
)
def test_a_broken_catalog_is_named_from_the_project_folder_as_check_names_it(
    sample_project: Path, command: list[str]
) -> None:
    run(sample_project, "extract", "-l", "de")
    po = sample_project / "locales" / "de" / "LC_MESSAGES" / f"{SLUG}.po"
    lines = po.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith('msgid "') and line != 'msgid ""')
    lines[at] = lines[at][:-1]  # the closing quote lost in an editor
    po.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = run(sample_project, "check", "-l", "de", ok=False)
    assert f"locales/de/LC_MESSAGES/{SLUG}.po:{at + 1}: [syntax]" in checked.output
    result = run(sample_project, *command, ok=False)
    assert result.exit_code == 1
    assert f"Error: locales/de/LC_MESSAGES/{SLUG}.po:{at + 1}: " in result.output, result.output
    assert str(sample_project) not in result.output


def test_a_misspelt_key_is_named_as_the_readme_shows_it(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = sample_project / "transpub.toml"
    lines = config.read_text(encoding="utf-8").splitlines()
    at = lines.index("[compile]") + 1
    lines.insert(at, "publish_treshold = 80")
    config.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(sample_project)
    result = CliRunner().invoke(main, ["compile"])
    assert result.exit_code == 2
    assert result.output == (
        f"Error: transpub.toml:{at + 1}: unknown key 'publish_treshold' in [compile]; "
        "did you mean 'publish_threshold'?\n"
    )


def test_extract_in_a_project_without_articles_says_where_it_looked(tmp_path: Path) -> None:
    CliRunner().invoke(main, ["init", str(tmp_path / "news"), "-l", "de"])
    (tmp_path / "news" / "story.html").write_text("<p>Put in the wrong folder.</p>", encoding="utf-8")
    result = run(tmp_path / "news", "extract")
    assert result.output == "No articles in articles/ (HTML, Markdown or text files).\n"


def test_an_xliff_export_of_a_project_without_articles_fails_saying_where_it_looked(tmp_path: Path) -> None:
    # (it said so and exited 0: a CI job handing an agency nothing went green)
    CliRunner().invoke(main, ["init", str(tmp_path / "news"), "-l", "de"])
    for output in ("out", "out.xlf"):
        result = run(
            tmp_path / "news",
            "xliff",
            "export",
            "-l",
            "de",
            "--single",
            "-o",
            str(tmp_path / output),
            ok=False,
        )
        assert result.exit_code == 1
        assert result.output == (
            "Error: no de catalog to export: no articles in articles/ (HTML, Markdown or text files)\n"
        )
        assert not (tmp_path / output).exists()


def _commands(group: click.Group, prefix: str = "") -> dict[str, click.Command]:
    found: dict[str, click.Command] = {}
    for name, command in group.commands.items():
        if isinstance(command, click.Group):
            found.update(_commands(command, f"{prefix}{name} "))
        else:
            found[f"{prefix}{name}"] = command
    return found


def test_the_readme_names_the_commands_that_take_several_locales() -> None:
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    said = " ".join(readme.split("## The workflow", 1)[1].split("| command |", 1)[0].split())
    sentence = said.split("`-l LOCALE` (repeatable)", 1)[0].rsplit(";", 1)[-1]
    named = set(re.findall(r"`([a-z]+(?: [a-z]+)?)`", sentence))
    several = {
        name
        for name, command in _commands(main).items()
        if any(
            isinstance(p, click.Option) and "-l" in p.opts and p.multiple and p.callback is not _one_locale
            for p in command.params
        )
        and name != "init"  # (its -l names the project's target locales)
    }
    assert named == several


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


def test_ctrl_c_says_saved_work_is_kept_only_for_commands_that_save(
    sample_project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("transpub.status.collect_status", _interrupt)
    monkeypatch.setattr("transpub.check.check_project", _interrupt)
    monkeypatch.setattr("transpub.translate.translate_project", _interrupt)
    for command in (["status"], ["check"]):  # read-only: nothing was being saved
        result = run(sample_project, *command, ok=False)
        assert (result.exit_code, result.stderr) == (130, "Interrupted.\n"), command
    result = run(sample_project, "translate", "-l", "es", "--engine", "tm", ok=False)
    assert (result.exit_code, result.stderr) == (130, "Interrupted; work already saved is kept.\n")


def test_importing_a_missing_xliff_or_tmx_file_is_one_plain_error_line(sample_project: Path) -> None:
    for command in (["xliff", "import"], ["memory", "import"]):
        missing = sample_project / "from-agency" / "missing.xml"
        result = run(sample_project, *command, str(missing), ok=False)
        assert result.exit_code == 1
        errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
        assert errors == ["Error: from-agency/missing.xml: cannot read: No such file or directory"], errors


def test_an_output_path_through_a_file_is_one_error_line_not_a_traceback(
    sample_project: Path, tmp_path: Path
) -> None:
    (tmp_path / "afile").write_text("not a folder", encoding="utf-8")
    for command, target in (
        (["status", "--html"], "report.html"),
        (["glossary", "export", "--format", "tbx", "-o"], "terms.tbx"),
        (["memory", "export", "-o"], "memory.tmx"),
    ):
        result = CliRunner().invoke(
            main, ["--project", str(sample_project), *command, str(tmp_path / "afile" / target)]
        )
        assert result.exit_code == 1, (command, result.output)
        assert not isinstance(result.exception, OSError), command  # (click reports an uncaught one as exit 1)
        assert result.stderr == f"Error: {tmp_path / 'afile' / target}: cannot write: Not a directory\n", (
            command
        )


def test_a_misspelt_articles_folder_is_a_configuration_error_not_an_empty_run_that_passes(
    tmp_path: Path,
) -> None:
    # it was a warning, and `check` said "check: OK" with exit 0 on 0 of 0 units: CI passed
    assert CliRunner().invoke(main, ["init", str(tmp_path / "news"), "-l", "es"]).exit_code == 0
    config = tmp_path / "news" / "transpub.toml"
    text = config.read_text()
    config.write_text(text.replace('articles = "articles"', 'articles = "artcles"'))
    line = text.splitlines().index('articles = "articles"') + 1
    for command in ("extract", "check", "status", "compile"):
        result = run(tmp_path / "news", command, ok=False)
        assert result.exit_code == 2, (command, result.output)
        error = (
            f"Error: transpub.toml:{line}: [paths] articles: artcles/ is not there; no article could be read"
        )
        assert result.stderr.startswith(error), (command, result.stderr)
    assert run(tmp_path / "news", "engines").exit_code == 0  # (a command that reads no article)


def test_output_cut_short_by_head_ends_without_an_error_line(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    import transpub

    text = tmp_path / "big.txt"
    text.write_text(" ".join(f"Sentence number {i} is here." for i in range(20000)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(Path(transpub.__file__).resolve().parents[1])}
    with subprocess.Popen(
        [sys.executable, "-m", "transpub", "segment", str(text)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
    ) as process:  # as `transpub segment big.txt | head -1`
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline() == b"Sentence number 0 is here.\n"
        process.stdout.close()
        assert process.stderr.read() == b""


def test_translate_with_out_or_sample_but_no_compare_is_refused_before_anything_is_sent(
    sample_project: Path,
) -> None:
    before = {p: p.read_bytes() for p in (sample_project / "locales").rglob("*.po")}
    for options, named in ((["--out", "report.html"], "--out goes"), (["--sample", "5"], "--sample goes")):
        result = run(sample_project, "translate", "-l", "es", "--engine", "tm", *options, ok=False)
        assert result.exit_code == 2, result.output
        assert f"Error: {named} with --compare A B" in result.stderr
    assert {p: p.read_bytes() for p in (sample_project / "locales").rglob("*.po")} == before


def test_check_of_a_project_without_target_locales_is_an_error_not_a_pass(tmp_path: Path) -> None:
    # "check: OK" with exit 0 on an empty locales list: CI passed with nothing checked
    assert CliRunner().invoke(main, ["init", str(tmp_path / "news"), "-l", "es"]).exit_code == 0
    config = tmp_path / "news" / "transpub.toml"
    config.write_text(config.read_text().replace('locales = ["es"]', "locales = []"))
    result = run(tmp_path / "news", "check", ok=False)
    assert result.exit_code == 2, result.output
    assert "[project] locales names no target locale: there is nothing to check" in result.stderr


def test_a_misspelt_glossary_file_is_named_in_a_warning(tmp_path: Path) -> None:
    # glossary = "glossary/term.csv": the glossary and its checks were off without a word
    assert CliRunner().invoke(main, ["init", str(tmp_path / "news"), "-l", "es"]).exit_code == 0
    config = tmp_path / "news" / "transpub.toml"
    text = config.read_text()
    config.write_text(text.replace('glossary = "glossary/terms.csv"', 'glossary = "glossary/term.csv"'))
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if ln.startswith("glossary = "))
    warning = f"Warning: transpub.toml:{line}: [paths] glossary: glossary/term.csv is not there; no glossary is used"
    for command in ("extract", "check", "status"):
        assert warning in run(tmp_path / "news", command, ok=False).stderr.splitlines(), command
    config.write_text(text)
    assert "Warning" not in run(tmp_path / "news", "extract").stderr


def test_init_refuses_an_engine_transpub_does_not_know(tmp_path: Path) -> None:
    # it wrote engine = "deepel", which only translate refused, much later
    result = CliRunner().invoke(main, ["init", str(tmp_path / "news"), "-l", "es", "--engine", "deepel"])
    assert result.exit_code == 2
    assert "unknown engine 'deepel'; did you mean 'deepl'?" in result.output
    assert not (tmp_path / "news").exists()


def test_the_site_inside_the_articles_folder_is_never_read_as_articles(tmp_path: Path) -> None:
    # articles = ".": the next extract read site/index.html and site/_review/index.html as articles
    root = tmp_path / "news"
    assert CliRunner().invoke(main, ["init", str(root), "-l", "es"]).exit_code == 0
    config = root / "transpub.toml"
    config.write_text(config.read_text().replace('articles = "articles"', 'articles = "."'))
    (root / "harbour.html").write_text("<h1>The harbour</h1><p>It reopens today.</p>", encoding="utf-8")
    run(root, "extract")
    run(root, "compile")
    assert (root / "site" / "index.html").is_file()
    again = run(root, "extract", "-v")
    assert "site/" not in again.output, again.output
    assert sorted(p.name for p in (root / "locales" / "templates").rglob("*.pot")) == ["harbour.pot"]


def test_compile_before_extract_says_to_run_extract(tmp_path: Path) -> None:
    # it said "not published: 0% translated, below the 80% needed to publish"
    root = tmp_path / "news"
    assert CliRunner().invoke(main, ["init", str(root), "-l", "es"]).exit_code == 0
    (root / "articles" / "harbour.html").write_text("<h1>The harbour</h1>", encoding="utf-8")
    result = run(root, "compile")
    assert "es/harbour: not published: no catalog for it yet (run transpub extract)" in result.output
