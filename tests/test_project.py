"""transpub.toml: what an editor gets wrong is reported with the file, and defaults are sane."""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.errors import ConfigError
from transpub.locales import bcp47_tag, native_name, text_direction
from transpub.project import load_project, render_config


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
    write_config(tmp_path, '[project]\nlocales = ["es", "fr"]\n[translate]\nengine = "deepl"\n'
                           '[locale.es]\nengine = "apertium"\n')
    project = load_project(tmp_path)
    assert project.engine_for("es") == "apertium"
    assert project.engine_for("fr") == "deepl"


@pytest.mark.parametrize("text, message", [
    ('[project\nlocales = ["es"]', "not valid TOML"),
    ('[project]\nlocales = ["xx_QQ"]', "unknown locale 'xx_QQ'"),
    ('[project]\nsource_locale = "en"\nlocales = ["en"]', "cannot also be a target"),
    ('[project]\nlocales = "es"', "must be a list"),
    ('[project]\nlocales = ["es"]\n[extract]\nsegmentation = "word"', "segmentation must be"),
    ('[project]\nlocales = ["es"]\n[locale.de]\nengine = "x"', "[locale.de] configures a locale that is not a target"),
])
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
