"""Plural-Forms a translator's tools expect: gettext's table, stable across Babel releases, never replaced."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from babel.messages import plurals as babel_plurals

from transpub.catalog import read_catalog
from transpub.catalog.plurals import CONVENTIONAL_TABLE, GETTEXT_TABLE, plural_forms
from transpub.extract import extract_project
from transpub.project import init_project, load_project

ARTICLE = "<html><body><article><p>The lake freezes in winter.</p></article></body></html>"
POT = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n'


def test_a_new_spanish_catalog_gets_two_forms_whatever_babel_says(monkeypatch: pytest.MonkeyPatch) -> None:
    class ThreeForms:  # what Babel 2.19's CLDR data says for Spanish
        plural_forms = "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"

    monkeypatch.setattr(babel_plurals, "get_plural", lambda *_: ThreeForms())
    assert plural_forms("es") == "nplurals=2; plural=(n != 1);"
    assert plural_forms("es_MX") == "nplurals=2; plural=(n != 1);"


@pytest.mark.skipif(shutil.which("msginit") is None, reason="gettext's msginit is not installed")
@pytest.mark.parametrize("language", sorted(GETTEXT_TABLE))
def test_gettext_languages_get_exactly_what_msginit_writes(language: str, tmp_path: Path) -> None:
    template = tmp_path / "t.pot"
    template.write_text(POT, encoding="utf-8")
    written = subprocess.run(
        ["msginit", "--no-translator", "-l", language, "-i", str(template), "-o", "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    unwrapped = written.replace('"\n"', "")
    found = re.search(r"Plural-Forms: (.*?)\\n", unwrapped)
    assert found is not None
    assert plural_forms(language) == found.group(1)


def test_the_two_tables_do_not_overlap() -> None:
    assert not set(GETTEXT_TABLE) & set(CONVENTIONAL_TABLE)


def test_languages_in_neither_table_get_babels_cldr_expression() -> None:
    # Hawaiian is in neither table: its expression is computed from Babel, whatever the release.
    assert "haw" not in GETTEXT_TABLE and "haw" not in CONVENTIONAL_TABLE
    assert plural_forms("haw") == babel_plurals.get_plural("haw").plural_forms


def test_an_existing_catalogs_plural_forms_is_never_replaced(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["es"], name="News")
    (tmp_path / "articles" / "lake.html").write_text(ARTICLE, encoding="utf-8")
    project = load_project(tmp_path)
    extract_project(project, ["es"])
    catalog = tmp_path / "locales" / "es" / "LC_MESSAGES" / "lake.po"
    chosen = "nplurals=3; plural=(n == 1 ? 0 : n != 0 && n % 1000000 == 0 ? 1 : 2);"
    text = catalog.read_text(encoding="utf-8").replace("nplurals=2; plural=(n != 1);", chosen)
    catalog.write_text(text, encoding="utf-8")
    (tmp_path / "articles" / "lake.html").write_text(ARTICLE.replace("winter", "spring"), encoding="utf-8")
    extract_project(project, ["es"])
    assert read_catalog(catalog).metadata["Plural-Forms"] == chosen
