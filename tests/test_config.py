"""transpub.toml against its schema: a misspelt key, a wrong type or a bad value is one line, exit 2."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main
from transpub.config import SCHEMA, validate_config
from transpub.errors import ConfigError
from transpub.project import load_project, render_config

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "<html><body><h1>Title</h1><p>One sentence. Another one.</p></body></html>"


def make_project(root: Path, extra: str) -> Path:
    """A project with one article whose transpub.toml ends with ``extra``."""
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "story.html").write_text(ARTICLE, encoding="utf-8")
    (root / "transpub.toml").write_text(render_config("News", "en", ["es"]) + extra, encoding="utf-8")
    return root


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(root), *args])


def line_of(root: Path, text: str) -> int:
    lines = (root / "transpub.toml").read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, 1) if line.startswith(text))


@pytest.mark.parametrize(
    "extra, first_line, message",
    [
        (
            "publish_treshold = 60\n",  # the scaffold's last table is [compile]
            "publish_treshold",
            "unknown key 'publish_treshold' in [compile]; did you mean 'publish_threshold'?",
        ),
        (
            "[compiel]\nbase_url = 'https://x.example/'\n",
            "[compiel]",
            "unknown table [compiel]; did you mean [compile]?",
        ),
        (
            "[engines.deepl]\nprice_per_milion = 20\n",
            "price_per_milion",
            "unknown key 'price_per_milion' in [engines.deepl]; did you mean 'price_per_million'?",
        ),
        (
            '[locale.es]\nengin = "apertium"\n',
            "engin =",
            "unknown key 'engin' in [locale.es]; did you mean 'engine'?",
        ),
    ],
)
def test_a_misspelt_key_is_refused_with_the_nearest_valid_name(
    tmp_path: Path, extra: str, first_line: str, message: str
) -> None:
    root = make_project(tmp_path / "news", extra)
    result = run(root, "extract")
    assert result.exit_code == 2
    assert result.output.strip() == (
        f"Error: {root / 'transpub.toml'}:{line_of(root, first_line)}: {message}"
    )
    assert not (root / "locales").exists()


@pytest.mark.parametrize(
    "old, new, message",
    [
        (
            "publish_threshold = 80",
            'publish_threshold = "high"',
            "compile.publish_threshold must be a percentage from 0 to 100, not 'high' (a string)",
        ),
        (
            '# engine = "apertium"',
            "engine = 5",
            "translate.engine must be an engine name (see `transpub engines`), not 5 (an integer)",
        ),
        ("code = false", 'code = "no"', "extract.code must be true or false, not 'no' (a string)"),
        (
            'locales = ["es"]',
            'locales = "es"',
            "project.locales must be a list of strings, not 'es' (a string)",
        ),
    ],
)
def test_a_value_of_the_wrong_type_names_the_key_and_the_type_it_needs(
    tmp_path: Path, old: str, new: str, message: str
) -> None:
    root = make_project(tmp_path / "news", "")
    config = root / "transpub.toml"
    text = config.read_text(encoding="utf-8")
    assert old in text
    config.write_text(text.replace(old, new), encoding="utf-8")
    for command in ("extract", "translate", "compile"):
        result = run(root, command)
        assert result.exit_code == 2, result.output
        assert result.output.strip() == f"Error: {config}:{line_of(root, new)}: {message}"


@pytest.mark.parametrize(
    "name, hint",
    [
        ("Asia/Tokio", "; did you mean 'Asia/Tokyo'?"),
        ("America/New York", "; did you mean 'America/New_York'?"),
        ("America", ""),  # a folder of the time zone database, not a zone
        ("+09:00", ""),
    ],
)
def test_a_jekyll_timezone_that_is_no_time_zone_stops_compile_with_one_line_naming_its_line(
    tmp_path: Path, name: str, hint: str
) -> None:
    root = make_project(tmp_path / "news", f'jekyll_timezone = "{name}"\n')  # (in [compile], the last)
    result = run(root, "compile")
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {root / 'transpub.toml'}:{line_of(root, 'jekyll_timezone')}: compile.jekyll_timezone "
        'must be an IANA time zone name such as "Asia/Tokyo" or "America/New_York", '
        f"not {name!r}{hint}\n"
    )
    assert not (root / "site").exists()


def test_a_jekyll_timezone_of_the_time_zone_database_is_taken(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", 'jekyll_timezone = "America/New_York"\n')
    assert load_project(root).jekyll_timezone == "America/New_York"
    assert load_project(make_project(tmp_path / "other", "")).jekyll_timezone is None


def test_a_locales_own_permalinks_replace_the_sites_for_its_pages(tmp_path: Path) -> None:
    """``[compile.permalinks.es]`` as Hugo's ``[languages.es.permalinks]``: in place of the site's, all of
    them (news, which it leaves out, is at its default URL in Spanish); a locale without its own keeps
    the site's."""
    root = make_project(
        tmp_path / "news",
        '\n[compile.permalinks]\nposts = "/blog/:filename/"\nnews = "/n/:slug/"\n'
        '[compile.permalinks.es]\nposts = "/bitacora/:slug/"\n',
    )
    project = load_project(root)
    assert project.permalinks == {"posts": "/blog/:filename/", "news": "/n/:slug/"}
    assert project.permalinks_in("es") == {"posts": "/bitacora/:slug/"}
    assert project.permalinks_in("en") == project.permalinks


def test_permalinks_of_a_locale_the_project_lacks_stop_compile_with_one_line_naming_its_line(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news", '\n[compile.permalinks.de]\nposts = "/beitraege/:slug/"\n')
    result = run(root, "compile")
    assert result.exit_code == 2
    assert result.output == (
        f"Error: {root / 'transpub.toml'}:{line_of(root, '[compile.permalinks.de]')}: "
        "compile.permalinks names 'de', which is not a target locale of this project (locales: es)\n"
    )
    assert not (root / "site").exists()


def test_a_per_locale_threshold_that_is_no_number_stops_compile_with_one_line(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", '\n[locale.es]\npublish_threshold = "high"\n')
    result = run(root, "compile")
    assert result.exit_code == 2
    assert (
        "locale.es.publish_threshold must be a percentage from 0 to 100, not 'high' (a string)"
        in result.output
    )
    assert result.output.count("\n") == 1 and not (root / "site").exists()


@pytest.mark.parametrize(
    "extra, message",
    [
        (
            "\n[translate]\nmemory_score = 120\n",
            "translate.memory_score must be a percentage from 0 to 100, not 120",
        ),
        (
            "\n[engines.libre]\nbatch_size = 0\n",
            "engines.libre.batch_size must be a whole number above 0, not 0",
        ),
        (
            '\n[engines.libre]\nmarkup = "html"\n',
            'engines.libre.markup must be "xml" or "token", not \'html\'',
        ),
        (
            "\n[engines]\ntimeout = 3\n",
            "unknown key 'timeout' in [engines]: only [engines.<engine>] tables belong here",
        ),
    ],
)
def test_a_value_out_of_range_is_a_configuration_error(tmp_path: Path, extra: str, message: str) -> None:
    root = tmp_path / "news"
    root.mkdir()
    text = render_config("News", "en", ["es"]).replace("[translate]\n", "") + extra
    (root / "transpub.toml").write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=re.escape(message)):
        load_project(root)


def test_init_writes_a_name_with_quotes_that_the_next_command_reads(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        main, ["init", str(tmp_path / "news"), "--name", 'Say "hi" news\\ now', "-l", "es"]
    )
    assert result.exit_code == 0, result.output
    assert load_project(tmp_path / "news").name == 'Say "hi" news\\ now'
    assert run(tmp_path / "news", "status").exit_code == 0


def test_the_readme_configuration_example_follows_the_schema() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    block = (
        readme.split("## Configuration: `transpub.toml`", 1)[1].split("```toml\n", 1)[1].split("```", 1)[0]
    )
    import tomllib

    tables = validate_config(tomllib.loads(block))
    assert set(tables) == set(SCHEMA.keys)


def test_defaults_fill_every_declared_key() -> None:
    tables = validate_config({})
    assert tables["compile"] == {
        "publish_threshold": 80.0,
        "base_url": None,
        "format": "html",
        "layout": "directory",
        "markdown_dir": None,
        "copy_source": True,
        "heading_ids": None,
        "locale_style": "gettext",
        "locale_dirs": {},
        "url_dirs": {},
        "ugly_urls": {},
        "source_url_prefix": "",
        "page_urls": None,
        "jekyll_permalink": "date",
        "jekyll_baseurl": "",
        "jekyll_source": ".",
        "jekyll_collections_dir": ".",
        "jekyll_timezone": None,
        "jekyll_collections": {},
        "jekyll_defaults": {"posts": {}, "pages": {}},
        "permalinks": {},
        "links": {},
    }
    assert tables["extract"]["fuzzy_threshold"] == 0.6 and tables["translate"]["memory_score"] == 75.0


def test_a_table_for_an_engine_that_does_not_exist_is_refused_with_the_nearest_name(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", "\n[engines.deepll]\nprice_per_million = 20\n")
    line = (root / "transpub.toml").read_text().splitlines().index("[engines.deepll]") + 1
    for command in ("engines", "translate", "extract", "check", "compile"):  # (every command: its line)
        result = run(root, command)
        assert result.exit_code == 2
        expected = f"transpub.toml:{line}: [engines.deepll] configures an unknown engine 'deepll'; did you mean 'deepl'?"
        assert expected in result.output, command


def test_a_misspelt_engine_table_is_named_before_a_key_in_it_that_engine_would_not_have(
    tmp_path: Path,
) -> None:
    # (its keys are checked against every engine's: "serverurl" was reported, and the name only after)
    root = make_project(tmp_path / "news", '\n[engines.deeepl]\nserverurl = "https://proxy.example"\n')
    line = (root / "transpub.toml").read_text().splitlines().index("[engines.deeepl]") + 1
    result = run(root, "status")
    assert result.exit_code == 2
    assert (
        f"transpub.toml:{line}: [engines.deeepl] configures an unknown engine 'deeepl'; did you mean 'deepl'?"
        in (result.output)
    )
    assert "serverurl" not in result.output


@pytest.mark.parametrize(
    "attribute", ["a@href", "iframe@srcdoc", "a@xlink:href", "object@data", "video@poster", "*@onclick"]
)
def test_an_attribute_to_translate_that_holds_an_address_or_script_is_refused(
    tmp_path: Path, attribute: str
) -> None:
    # iframe@srcdoc is a document (its &lt;script&gt; runs), the others load or link what they name
    root = tmp_path / "news"
    root.mkdir()
    text = (
        render_config("News", "en", ["es"])
        .replace("[extract]\n", '[extract]\nattributes = ["a@href"]\n', 1)
        .replace("a@href", attribute)
    )
    (root / "transpub.toml").write_text(text, encoding="utf-8")
    with pytest.raises(
        ConfigError, match=re.escape('must be a list such as ["listing@caption", "*@data-tooltip"]')
    ):
        load_project(root)
    (root / "transpub.toml").write_text(text.replace(attribute, "Listing@caption"), encoding="utf-8")
    assert load_project(root).extract_attributes == ("listing@caption",)


@pytest.mark.parametrize(
    "setting",
    [
        "paths.articles",
        "paths.catalogs",
        "paths.site",
        "paths.glossary",
        "paths.memory",
        "compile.markdown_dir",
    ],
)
@pytest.mark.parametrize("command", ["extract", "compile"])
def test_a_folder_setting_holding_a_nul_character_stops_the_run_with_one_line_naming_its_line(
    tmp_path: Path, setting: str, command: str
) -> None:
    key = setting.partition(".")[2]
    # (the scaffold's last table is [compile])
    root = make_project(tmp_path / "news", 'format = "markdown"\nmarkdown_dir = "out"\n')
    text = (root / "transpub.toml").read_text(encoding="utf-8")
    text = re.sub(rf'(?m)^({key} = "[^"]*)"', r'\1\\u0000x"', text)
    (root / "transpub.toml").write_text(text, encoding="utf-8")
    result = run(root, command)
    assert result.exit_code == 2, result.output
    assert f"transpub.toml:{line_of(root, key + ' =')}: {setting} must be" in result.output
    assert "NUL" in result.output and result.output.count("\n") == 1
    assert not (root / "site").exists() and not (root / "out").exists()
