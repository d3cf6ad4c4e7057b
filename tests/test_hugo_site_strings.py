"""A Hugo site's title and main menu in each language: extract offers hugo.toml's ``title``,
``params.description`` and the names of ``[[menus.main]]`` in ``_site.po``; compile shows what each
language's table (``[languages.es]``) lacks of their translations, and once merged, ``hugo`` builds
the Spanish pages with a Spanish <title> and menu."""

from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path
from typing import Any

import lxml.html
import polib
import pytest
import tomli_w
from click.testing import CliRunner

from fakeservers import FakeMT
from test_init_site import additions, init, run, transpub
from test_mkdocs_site_strings import translate_site_strings
from transpub.cli import main
from transpub.engines.webapi import LibreEngine

HUGO = shutil.which("hugo")

SPANISH = {
    "Harbour": "Puerto",
    "The harbour's guide": "La guía del puerto",
    "Home": "Inicio",
    "Ferries": "Transbordadores",
    "Timetable": "Horario",
}

_LAYOUT = (
    "<!DOCTYPE html><html><head><title>{{ .Title }} - {{ .Site.Title }}</title>"
    '<meta name="description" content="{{ .Site.Params.description }}"></head><body><nav>'
    "{{ range .Site.Menus.main }}<a>{{ .Name }}</a>{{ range .Children }}<a>{{ .Name }}</a>{{ end }}{{ end }}"
    '</nav>{{ block "main" . }}{{ end }}</body></html>'
)


def harbour_site(root: Path) -> Path:
    """A Hugo site with a title, a description and a main menu (one entry under another), its own
    layouts, set up for Spanish as init shows."""
    (root / "content").mkdir(parents=True)
    (root / "content" / "_index.md").write_text(
        "---\ntitle: Welcome\n---\n\nWelcome aboard.\n", encoding="utf-8"
    )
    (root / "content" / "ferries.md").write_text("---\ntitle: Ferries\n---\n\nAt noon.\n", encoding="utf-8")
    layouts = root / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "baseof.html").write_text(_LAYOUT, encoding="utf-8")
    for name in ("single.html", "list.html"):
        (layouts / name).write_text('{{ define "main" }}{{ .Content }}{{ end }}', encoding="utf-8")
    settings = {
        "baseURL": "https://example.org/",
        "title": "Harbour",
        "params": {"description": "The harbour's guide"},
        "menus": {
            "main": [
                {"name": "Home", "pageRef": "/", "weight": 1},
                {"name": "Ferries", "pageRef": "/ferries", "weight": 2},
                {"name": "Timetable", "url": "/ferries/#times", "parent": "Ferries", "weight": 3},
            ]
        },
    }
    config = root / "hugo.toml"
    config.write_text(tomli_w.dumps(settings), encoding="utf-8")
    merge(root, tomllib.loads(additions(init(root, "-l", "es"))))
    return root


def shown_settings(output: str) -> dict[str, Any]:
    """The TOML compile shows to add to hugo.toml ({} when none)."""
    found = re.search(r"^Add to hugo\.toml, .*:\n\n(.*)\Z", output, re.S | re.M)
    return tomllib.loads(found.group(1)) if found else {}


def merge(site: Path, shown: dict[str, Any]) -> None:
    """Merge settings shown into hugo.toml, table by table, as a user does."""

    def merged(have: dict[str, Any], over: dict[str, Any]) -> dict[str, Any]:
        both = {**have}
        for key, value in over.items():
            old = have.get(key)
            both[key] = merged(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
        return both

    config = site / "hugo.toml"
    config.write_text(
        tomli_w.dumps(merged(tomllib.loads(config.read_text("utf-8")), shown)), encoding="utf-8"
    )


def test_extract_offers_the_hugo_sites_title_description_and_menu_to_translators(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    output = transpub(site, "extract")
    assert "hugo.toml: 5 titles of the site (title, main menu) for translators" in output
    catalog = polib.pofile(str(site / "locales" / "es" / "LC_MESSAGES" / "_site.po"))
    assert [entry.msgid for entry in catalog] == list(SPANISH)
    home = catalog.find("Home")
    assert home is not None and "main menu" in home.comment
    assert "_site" not in transpub(site, "extract")  # neither offered anew nor an orphan catalog


def test_compile_shows_the_spanish_title_and_menu_hugo_toml_lacks(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH | {"Timetable": ""})  # one name not translated yet
    before = (site / "hugo.toml").read_bytes()
    shown = shown_settings(transpub(site, "compile"))
    assert shown == {
        "languages": {
            "es": {
                "title": "Puerto",
                "params": {"description": "La guía del puerto"},
                "menus": {
                    "main": [
                        {"name": "Inicio", "pageRef": "/", "weight": 1, "identifier": "Home"},
                        {
                            "name": "Transbordadores",
                            "pageRef": "/ferries",
                            "weight": 2,
                            "identifier": "Ferries",
                        },
                        {"name": "Timetable", "url": "/ferries/#times", "parent": "Ferries", "weight": 3},
                    ]
                },
            }
        }
    }
    assert (site / "hugo.toml").read_bytes() == before  # transpub never changes it
    merge(site, shown)
    assert shown_settings(transpub(site, "compile")) == {}  # merged: nothing more to add


def test_a_hugo_menu_name_translated_with_markup_is_not_shown_for_hugo_toml(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, {"Harbour": "Puerto <script>alert(1)</script>"})
    output = transpub(site, "compile")
    assert "_site.po" in output and "holds markup" in output
    assert shown_settings(output) == {}


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_the_spanish_hugo_pages_have_a_spanish_title_and_menu_once_merged(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH)
    merge(site, shown_settings(transpub(site, "compile")))
    assert HUGO is not None
    run(
        [HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".hugo-cache")],
        site,
    )

    def page(url: str) -> tuple[str | None, list[str], str | None]:
        root = lxml.html.document_fromstring((site / "public" / url).read_text(encoding="utf-8"))
        description = root.xpath("string(//meta[@name='description']/@content)")
        return root.findtext(".//title"), [a.text_content() for a in root.iter("a")], description

    assert page("es/index.html") == (
        "Puerto - Puerto",
        ["Inicio", "Transbordadores", "Horario"],
        "La guía del puerto",
    )
    assert page("index.html") == (
        "Welcome - Harbour",
        ["Home", "Ferries", "Timetable"],
        "The harbour's guide",
    )


def test_init_says_the_hugo_sites_title_and_menu_go_to_translators(tmp_path: Path) -> None:
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "_index.md").write_text("---\ntitle: Welcome\n---\n", encoding="utf-8")
    (tmp_path / "hugo.toml").write_text('title = "Harbour"\n', encoding="utf-8")
    output = init(tmp_path, "-l", "es")
    assert "Note: the site's title and main menu in hugo.toml go to translators in _site.po" in output


def test_machine_translation_fills_the_hugo_menu_too_and_compile_shows_it_with_include_fuzzy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    monkeypatch.setattr(LibreEngine, "supports", lambda self, source, target: target == "es")
    with FakeMT(translate=lambda text, target: SPANISH.get(text, text)) as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        transpub(site, "translate", "-l", "es", "--engine", "libre")
    ferries = polib.pofile(str(site / "locales" / "es" / "LC_MESSAGES" / "_site.po")).find("Ferries")
    assert ferries is not None and ferries.msgstr == "Transbordadores" and ferries.fuzzy  # unreviewed
    assert shown_settings(transpub(site, "compile")) == {}  # not reviewed: not shown
    spanish = shown_settings(transpub(site, "compile", "--include-fuzzy"))["languages"]["es"]
    assert [entry["name"] for entry in spanish["menus"]["main"]] == ["Inicio", "Transbordadores", "Horario"]


def test_status_and_check_count_the_hugo_sites_title_and_menu_as_for_mkdocs(tmp_path: Path) -> None:
    site = harbour_site(tmp_path / "harbour")
    transpub(site, "extract")
    translate_site_strings(site, SPANISH | {"Timetable": ""})
    status = transpub(site, "status")
    assert re.search(r"\(site: menu and name\)\s+es\s+4\s+0\s+1\s+80\.0%", status), status
    said = CliRunner().invoke(main, ["--project", str(site), "check"], catch_exceptions=False)
    assert said.exit_code == 1 and '"Timetable"' in said.output, said.output
