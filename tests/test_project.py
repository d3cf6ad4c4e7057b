"""transpub.toml: what an editor gets wrong is reported with the file, and defaults are sane."""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.errors import ConfigError, TranspubError
from transpub.locales import bcp47_tag, native_name, text_direction
from transpub.project import init_project, load_project, render_config


def write_config(root: Path, text: str) -> Path:
    (root / "transpub.toml").write_text(text, encoding="utf-8")
    return root


def test_a_new_config_loads_with_its_locales_and_paths(tmp_path: Path) -> None:
    write_config(tmp_path, render_config("News", "en", ["es", "zh_CN"], engine="apertium"))
    project = load_project(tmp_path)
    assert project.locales == ("es", "zh_CN")
    assert project.catalog_path("zh_CN", "story") == tmp_path / "locales/zh_CN/LC_MESSAGES/story.po"
    assert project.template_path("story") == tmp_path / "locales/templates/story.pot"
    assert project.engine_for("es") == "apertium"
    assert project.publish_threshold == 80


def test_per_locale_engine_overrides_the_default(tmp_path: Path) -> None:
    write_config(
        tmp_path,
        '[project]\nlocales = ["es", "fr"]\n[translate]\nengine = "deepl"\n'
        '[locale.es]\nengine = "apertium"\n',
    )
    project = load_project(tmp_path)
    assert project.engine_for("es") == "apertium"
    assert project.engine_for("fr") == "deepl"


@pytest.mark.parametrize(
    "text, message",
    [
        ('[project\nlocales = ["es"]', "transpub.toml:1: not valid TOML: Expected ']'"),
        (
            '[project]\nlocales = ["es"]\n[compile]\nexclude = [\n',  # the list left open: its line
            "transpub.toml:4: not valid TOML: Invalid value at the end of the file (something left open?)",
        ),
        (  # tomllib notices the list left open at the next table, two lines on: the error names its line
            '[project]\nlocales = ["es", "de" # "]"\n\n[paths]\nsite = "s"',
            "transpub.toml:2: not valid TOML: Unclosed array: the one opened on this line is not closed "
            "(seen on line 4)",
        ),
        (
            '[project]\nlocales = ["es"]\n[paths]\narticles = "a"\n[compile]\n[paths]\nsite = "s"',
            "transpub.toml:6: not valid TOML: [paths] is declared twice: put its keys under the first one",
        ),
        ('[project]\nlocales = ["xx_QQ"]', "unknown locale 'xx_QQ'"),
        ('[project]\nlocales = ["english"]', "transpub.toml:2: invalid locale name 'english'"),
        (
            'name = "News"\nlocales = ["es"]',
            "transpub.toml:1: the key 'name' belongs in [project]: is the [project] line missing above it?",
        ),
        ('[project]\nsource_locale = "en"\nlocales = ["en"]', "transpub.toml:3: the source locale en cannot"),
        ('[project]\nlocales = ["es", "de", "es"]', "transpub.toml:2: [project] locales names es twice"),
        ('[project]\nlocales = ["es"]\n[engines.deeepl]\nmodel = "x"', "transpub.toml:3: [engines.deeepl]"),
        (
            '[project]\nlocales = ["es"]\n[locale.es]\nengine = "deepel"',
            "transpub.toml:4: [locale.es] engine names an unknown engine 'deepel'; did you mean 'deepl'?",
        ),
        (
            '[project]\nlocales = ["es"]\n[translate]\nengine = "apertum"',
            "transpub.toml:4: [translate] engine",
        ),
        (
            '[project]\nlocales = ["es"]\n[paths]\nsite = "articles"',
            "transpub.toml:4: [paths] site (articles) is the articles folder: compile would write its pages",
        ),
        (
            '[project]\nlocales = ["es"]\n[paths]\nsite = "locales/"',
            "transpub.toml:4: [paths] site (locales/) is the catalogs' folder: compile would write its pages",
        ),
        ('[project]\nlocales = ["es"]\n[paths]\nsite = ".transpub/x"', "is inside .transpub"),
        (
            '[project]\nlocales = ["es"]\n[paths]\narticles = "en"\nsite = "."',
            "transpub.toml:5: [paths] site (.) has compile write the en pages in the articles folder (en): "
            "they would replace the articles; name another folder",
        ),
        (
            '[project]\nlocales = ["es"]\n[paths]\narticles = "content/es"\nsite = "content"',
            "transpub.toml:5: [paths] site (content) has compile write the es pages in the articles folder",
        ),
        ('[project]\nlocales = "es"', "must be a list"),
        ('[project]\nlocales = ["es"]\n[extract]\nsegmentation = "word"', "segmentation must be"),
        (
            '[project]\nlocales = ["es"]\n[extract.segmentation_overrides]\nbrief = "paragraf"',
            'segmentation_overrides.brief must be "sentence" or "paragraph", not \'paragraf\'',
        ),
        (
            '[project]\nlocales = ["es"]\n[locale.de]\nengine = "x"',
            "transpub.toml:3: [locale.de] configures a locale that is not a target (add de to [project] "
            "locales, or remove the table)",
        ),
    ],
)
def test_a_broken_config_names_the_file_and_the_problem(tmp_path: Path, text: str, message: str) -> None:
    write_config(tmp_path, text)
    with pytest.raises(ConfigError) as raised:
        load_project(tmp_path)
    assert message in str(raised.value)
    assert str(tmp_path / "transpub.toml") in str(raised.value)


def test_locale_names_become_valid_html_language_tags() -> None:
    assert bcp47_tag("zh_CN") == "zh-Hans-CN"
    assert bcp47_tag("sr@latin") == "sr-Latn"
    assert text_direction("ar") == "rtl"
    assert native_name("sv") == "Svenska"


@pytest.mark.parametrize(
    ("value", "fraction"), [("0.6", 0.6), ("80", 0.8), ("80.5", 0.805), ("1", 1.0), ("0", 0.0), ("100", 1.0)]
)
def test_fuzzy_threshold_can_be_written_as_a_fraction_or_a_percentage(
    tmp_path: Path, value: str, fraction: float
) -> None:
    write_config(tmp_path, f'[project]\nlocales = ["es"]\n[extract]\nfuzzy_threshold = {value}\n')
    assert load_project(tmp_path).fuzzy_threshold == pytest.approx(fraction)


@pytest.mark.parametrize("value", ['"abc"', "150", "-0.5", "true", '"80"', "nan"])
def test_an_invalid_fuzzy_threshold_is_a_config_error_before_extract_writes_anything(
    tmp_path: Path, value: str
) -> None:
    from click.testing import CliRunner

    from transpub.cli import main

    write_config(
        tmp_path,
        render_config("News", "en", ["es"]).replace("fuzzy_threshold = 0.6", f"fuzzy_threshold = {value}"),
    )
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "a.html").write_text("<p>Changed sentence.</p>", encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_project(tmp_path)
    assert "extract.fuzzy_threshold must be a similarity from 0 to 1 (0.6) or a percentage up to 100" in str(
        raised.value
    )
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code != 0 and "fuzzy_threshold" in result.output
    assert "Traceback" not in result.output and not isinstance(result.exception, (TypeError, ValueError))
    assert not (tmp_path / "locales").exists()


def test_the_scaffolded_config_explains_fuzzy_threshold_as_fraction_or_percentage() -> None:
    text = render_config("News", "en", ["es"])
    assert "fuzzy_threshold = 0.6       # similarity (0-1, or a percentage such as 60)" in text


def test_a_non_numeric_publish_threshold_is_a_config_error(tmp_path: Path) -> None:
    write_config(tmp_path, '[project]\nlocales = ["es"]\n[compile]\npublish_threshold = "most"\n')
    with pytest.raises(ConfigError, match=r"compile\.publish_threshold must be a percentage"):
        load_project(tmp_path)


def test_init_writes_a_gitignore_for_local_state_and_the_built_site(tmp_path: Path) -> None:
    written = init_project(tmp_path / "news", source="en", locales=["es", "zh_CN"])
    ignore = tmp_path / "news" / ".gitignore"
    assert ignore in written and (tmp_path / "news" / "transpub.toml") in written
    assert {"/.transpub/", "/site/"} <= set(ignore.read_text().splitlines())
    assert load_project(tmp_path / "news").locales == ("es", "zh_CN")


def test_init_in_an_existing_repository_adds_to_its_gitignore(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("node_modules/\n/site/", encoding="utf-8")
    init_project(tmp_path, source="en", locales=["de"])
    lines = (tmp_path / ".gitignore").read_text().splitlines()
    assert lines[:2] == ["node_modules/", "/site/"] and "/.transpub/" in lines and lines.count("/site/") == 1
    with pytest.raises(TranspubError, match="already exists"):
        init_project(tmp_path, source="en", locales=["de"])


def test_the_engine_names_a_configuration_may_use_are_those_transpub_engines_lists() -> None:
    from transpub.config import ENGINE_NAMES
    from transpub.engines.registry import engine_names

    assert sorted(ENGINE_NAMES) == engine_names()


@pytest.mark.parametrize(
    "paths",
    [
        'catalogs = "."\nsite = "public"',  # (catalogs are read from <locale>/LC_MESSAGES only)
        'articles = "."\nsite = "public"',
        'articles = "content"\nsite = "content"\n[compile]\nformat = "markdown"\nlayout = "directory"',
        'site = "../public"',
    ],
)
def test_site_folders_that_work_are_accepted(tmp_path: Path, paths: str) -> None:
    write_config(tmp_path, f'[project]\nlocales = ["es"]\n[paths]\n{paths}')
    assert load_project(tmp_path).locales == ("es",)
