"""Locale names: one grammar and one parser for the config, the command line and the catalogs."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.catalog.headers import language_team
from transpub.cli import main
from transpub.errors import ConfigError
from transpub.locales import babel_locale, validate_locale
from transpub.project import load_project, render_config


def cli(*args: str):
    return CliRunner().invoke(main, list(args))


def test_a_serbian_latin_project_extracts_catalogs_that_read_back(tmp_path: Path) -> None:
    root = tmp_path / "news"
    assert cli("init", str(root), "-l", "sr_RS@latin").exit_code == 0
    (root / "articles" / "story.html").write_text("<p>Hello world. Goodbye.</p>", encoding="utf-8")
    assert cli("--project", str(root), "extract").exit_code == 0
    po = (root / "locales" / "sr_RS@latin" / "LC_MESSAGES" / "story.po").read_text(encoding="utf-8")
    assert '"Language-Team: Serbian (Latin, Serbia)\\n"' in po
    assert '"Language: sr_RS@latin\\n"' in po
    status = cli("--project", str(root), "status")
    assert status.exit_code == 0 and "sr_RS@latin" in status.output


@pytest.mark.parametrize(
    "name", ["sr_RS@latin", "sr@latin", "uz@cyrillic", "pt_BR", "zh_TW", "es_419", "ca@valencia"]
)
def test_catalog_headers_read_locale_names_as_the_rest_of_transpub_does(name: str) -> None:
    assert language_team(name) == babel_locale(name).english_name


def test_a_locale_typed_in_bcp47_spelling_on_the_command_line_is_read_as_its_gettext_name(
    tmp_path: Path,
) -> None:
    root = tmp_path / "news"
    result = cli("init", str(root), "--source", "EN", "-l", "zh-cn", "-l", "pt-br")
    assert result.exit_code == 0, result.output
    project = load_project(root)
    assert project.source_locale == "en" and project.locales == ("zh_CN", "pt_BR")
    (root / "articles" / "story.html").write_text("<p>Hello world.</p>", encoding="utf-8")
    assert cli("--project", str(root), "extract", "-l", "zh-cn").exit_code == 0
    assert (root / "locales" / "zh_CN" / "LC_MESSAGES" / "story.po").is_file()
    assert not (root / "locales" / "pt_BR").exists()


def test_a_locale_in_bcp47_spelling_in_the_config_is_refused_with_its_gettext_name(tmp_path: Path) -> None:
    (tmp_path / "transpub.toml").write_text(render_config("News", "en", ["zh-cn"]), encoding="utf-8")
    with pytest.raises(ConfigError, match="invalid locale name 'zh-cn': write it zh_CN"):
        load_project(tmp_path)


HOSTILE = ["de@/../../../../var/www/x", "de/../../x", "..", "de_DE.UTF-8/..", "de\nfr", "de@", "@latin", ""]


@pytest.mark.parametrize("name", HOSTILE)
def test_a_locale_that_is_not_a_gettext_name_never_reaches_a_path(tmp_path: Path, name: str) -> None:
    root = tmp_path / "news"
    result = cli("init", str(root), "-l", name)
    assert result.exit_code == 2
    assert "invalid locale name" in result.output and "Traceback" not in result.output
    assert not root.exists()

    root.mkdir()
    (root / "articles").mkdir()
    (root / "articles" / "story.html").write_text("<p>Hello world.</p>", encoding="utf-8")
    (root / "transpub.toml").write_text(render_config("News", "en", [name]), encoding="utf-8")
    for command in ("extract", "compile"):
        result = cli("--project", str(root), command)
        assert result.exit_code == 2 and "invalid locale name" in result.output
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["articles", "news", "story.html", "transpub.toml"]


def test_validate_locale_accepts_gettext_names_babel_knows() -> None:
    for name in ("de", "zh_CN", "sr@latin", "sr_RS@latin", "ast", "es_419", "zh_Hant_TW"):
        assert validate_locale(name) == name
    with pytest.raises(ConfigError, match="unknown locale 'xx_QQ'"):
        validate_locale("xx_QQ")


def test_the_error_for_a_misspelt_locale_names_every_part_a_gettext_name_may_have() -> None:
    with pytest.raises(ConfigError) as caught:
        validate_locale("chinese_Hant")
    message = str(caught.value)
    assert "2 or 3 letters" in message and "a script (_Hant)" in message and "a region (_CN, _419)" in message
