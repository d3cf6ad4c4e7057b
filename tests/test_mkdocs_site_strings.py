"""An MkDocs site's navigation titles and name in each language: extract offers the titles of
``mkdocs.yml``'s ``nav``, its ``site_name`` and ``site_description`` in ``_site.po``; compile shows
what mkdocs-static-i18n's ``languages`` lack of their translations (``nav_translations``,
``site_name``), and once merged, ``mkdocs build`` shows the Spanish menu in Spanish."""

from __future__ import annotations

import json
import re
from pathlib import Path

import lxml.html
import polib
import pytest
import yaml
from click.testing import CliRunner

from fakeservers import FakeMT
from real_renderers import MKDOCS, MKDOCS_I18N
from test_init_site import additions, init, run, transpub
from transpub.cli import main
from transpub.engines.webapi import LibreEngine

SPANISH = {
    "Harbour": "Puerto",
    "The harbour's guide": "La guía del puerto",
    "Home": "Inicio",
    "Guide": "Guía",
    "Getting started": "Primeros pasos",
}


def harbour_site(root: Path) -> Path:
    """An MkDocs site with a two-level nav, set up for Spanish as init shows, then extracted."""
    (root / "docs" / "guide").mkdir(parents=True)
    (root / "docs" / "index.md").write_text("# Harbour\n\nWelcome.\n", encoding="utf-8")
    (root / "docs" / "guide" / "start.md").write_text("# Start\n\nFirst steps.\n", encoding="utf-8")
    settings = {
        "site_name": "Harbour",
        "site_description": "The harbour's guide",
        "theme": {"name": "mkdocs"},
        "nav": [{"Home": "index.md"}, {"Guide": [{"Getting started": "guide/start.md"}]}],
    }
    config = root / "mkdocs.yml"
    config.write_text(yaml.safe_dump(settings, sort_keys=False), encoding="utf-8")
    shown = yaml.safe_load(additions(init(root, "-l", "es")))
    config.write_text(yaml.safe_dump(settings | shown, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return root


def translate_site_strings(site: Path, translations: dict[str, str]) -> None:
    """A translator's work in Poedit: ``translations`` in the Spanish ``_site.po``."""
    path = site / "locales" / "es" / "LC_MESSAGES" / "_site.po"
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = translations.get(entry.msgid, "")
    catalog.save()


def shown_settings(output: str) -> dict:
    """The YAML compile shows to add to mkdocs.yml ({} when none)."""
    found = re.search(r"^Add to mkdocs\.yml, .*:\n\n(.*?)(?:\n\n|\Z)", output, re.S | re.M)
    return yaml.safe_load(found.group(1)) if found else {}


def merge(site: Path, shown: dict) -> None:
    """Merge what compile showed into mkdocs.yml's i18n languages, as a user does."""
    config = site / "mkdocs.yml"
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    (plugin,) = [item["i18n"] for item in settings["plugins"] if isinstance(item, dict) and "i18n" in item]
    for language in shown["plugins"][0]["i18n"]["languages"]:
        (have,) = [item for item in plugin["languages"] if item["locale"] == language["locale"]]
        have.update(language)
    config.write_text(yaml.safe_dump(settings, sort_keys=False, allow_unicode=True), encoding="utf-8")


def test_extract_offers_the_nav_titles_and_site_name_of_mkdocs_yml_to_translators(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    output = transpub(site, "extract")
    assert "mkdocs.yml: 5 titles of the site (nav, site_name) for translators" in output
    catalog = polib.pofile(str(site / "locales" / "es" / "LC_MESSAGES" / "_site.po"))
    assert [entry.msgid for entry in catalog] == list(SPANISH)
    start = catalog.find("Getting started")
    assert start is not None and "Guide › Getting started" in start.comment
    again = transpub(site, "extract")
    assert "_site" not in again  # neither offered anew nor an orphan catalog


def test_compile_shows_the_spanish_nav_translations_and_site_name_mkdocs_yml_lacks(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH | {"Getting started": ""})  # one title not translated yet
    before = (site / "mkdocs.yml").read_bytes()
    shown = shown_settings(transpub(site, "compile"))
    assert shown["plugins"][0]["i18n"]["languages"] == [
        {
            "locale": "es",
            "site_name": "Puerto",
            "site_description": "La guía del puerto",
            "nav_translations": {"Home": "Inicio", "Guide": "Guía"},
        }
    ]
    assert (site / "mkdocs.yml").read_bytes() == before  # transpub never changes it
    merge(site, shown)
    assert shown_settings(transpub(site, "compile")) == {}  # merged: nothing more to add


def test_a_nav_title_translated_with_markup_is_not_shown_for_mkdocs_yml(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, {"Guide": "<img src=x onerror=alert(1)>Guía", "Home": "Inicio"})
    output = transpub(site, "compile")
    assert "_site.po" in output and "holds markup" in output
    languages = shown_settings(output)["plugins"][0]["i18n"]["languages"]
    assert languages == [{"locale": "es", "nav_translations": {"Home": "Inicio"}}]


@pytest.mark.skipif(not MKDOCS_I18N, reason="mkdocs with mkdocs-static-i18n is not installed")
def test_the_spanish_mkdocs_menu_and_title_are_in_spanish_once_merged(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH)
    merge(site, shown_settings(transpub(site, "compile")))
    assert MKDOCS is not None
    run([MKDOCS, "build", "--quiet", "--config-file", str(site / "mkdocs.yml")], site)

    def menu(url: str) -> tuple[list[str], str]:
        page = lxml.html.parse(str(site / "site" / url)).getroot()
        titles = [
            " ".join(a.text_content().split()) for a in page.xpath("//ul[contains(@class,'navbar-nav')]//a")
        ]
        return titles[:3], page.findtext(".//title")

    assert menu("es/index.html") == (["Inicio", "Guía", "Primeros pasos"], "Inicio - Puerto")
    assert menu("index.html") == (["Home", "Guide", "Getting started"], "Harbour")


def test_init_says_the_nav_titles_go_to_translators_and_where_mkdocs_takes_them(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Harbour\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: Harbour\nnav:\n  - Home: index.md\n", encoding="utf-8")
    output = init(tmp_path, "-l", "es")
    assert "Note: the titles of mkdocs.yml's nav and its site_name go to translators in _site.po" in output
    assert "nav_translations" in output


def test_machine_translation_fills_the_nav_titles_too_and_compile_shows_them_with_include_fuzzy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    monkeypatch.setattr(LibreEngine, "supports", lambda self, source, target: target == "es")
    with FakeMT(translate=lambda text, target: SPANISH.get(text, text)) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        transpub(site, "translate", "-l", "es", "--engine", "libre")
    guide = polib.pofile(str(site / "locales" / "es" / "LC_MESSAGES" / "_site.po")).find("Guide")
    assert guide is not None and guide.msgstr == "Guía" and guide.fuzzy  # unreviewed machine output
    assert shown_settings(transpub(site, "compile")) == {}  # not reviewed: not shown
    languages = shown_settings(transpub(site, "compile", "--include-fuzzy"))["plugins"][0]["i18n"][
        "languages"
    ]
    assert languages[0]["nav_translations"]["Guide"] == "Guía"


def exit_and_output(site: Path, *args: str) -> tuple[int, str]:
    """``transpub --project SITE …`` as a user (or CI) runs it: its exit code and output."""
    result = CliRunner().invoke(main, ["--project", str(site), *args], catch_exceptions=False)
    return result.exit_code, result.output


def test_status_shows_how_far_the_site_menu_and_name_are_translated_apart_from_the_pages(
    tmp_path: Path,
) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH | {"Getting started": ""})
    output = transpub(site, "status")
    (row,) = [line for line in output.splitlines() if line.startswith("(site: menu and name)")]
    assert row.split()[4:9] == ["es", "4", "0", "1", "80.0%"]
    assert "es: 0 of 2 pages published" in output  # the menu is no page compile publishes


def test_status_and_check_say_the_site_menu_is_out_of_date_once_mkdocs_yml_changes(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH)
    code, output = exit_and_output(site, "check", "-l", "es")
    assert "_site.po" not in output
    config = site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("Getting started", "First steps"), "utf-8")
    row = next(line for line in transpub(site, "status").splitlines() if line.startswith("(site:"))
    assert "out of date: 1 new unit, 1 removed; run `transpub extract`" in row
    code, output = exit_and_output(site, "check", "-l", "es")
    assert code == 1
    assert (
        "_site.po:" in output and "[outdated] out of date with mkdocs.yml (1 new unit, 1 removed)" in output
    )
    transpub(site, "extract")
    assert "out of date" not in transpub(site, "status")


def test_check_fails_a_nav_title_translated_with_markup_or_left_untranslated_naming_its_line(
    tmp_path: Path,
) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH | {"Guide": "Guía & co", "Getting started": ""})
    code, output = exit_and_output(site, "check", "-l", "es", "--format", "github")
    assert code == 1
    lines = [line for line in output.splitlines() if "_site.po" in line]
    assert [re.sub(r"line=\d+", "line=N", line.split("::")[1]) for line in lines] == [
        "error file=locales/es/LC_MESSAGES/_site.po,line=N,title=transpub markup",
        "error file=locales/es/LC_MESSAGES/_site.po,line=N,title=transpub untranslated",
    ]
    assert '"Guide": the title holds markup (< or &)' in lines[0]
    code, output = exit_and_output(site, "check", "-l", "es", "--format", "json")
    (catalog,) = [c for c in json.loads(output)["locales"][0]["catalogs"] if c["article"] == "_site"]
    assert (catalog["translated"], catalog["untranslated"], catalog["problems"]) == (4, 1, 2)
