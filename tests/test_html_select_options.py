"""What a translator and a reader of a form notice about a drop-down list (``<select>``): the text of an
option with a value is offered, one without stays as written (the form sends its text)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import REAL_PAGES, needs_corpus
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.formats.encoding import declared_charset, decode_bytes
from transpub.formats.html import read_html
from transpub.model import OPTION_NOTE

FORM = (
    '<form><label for="c">Country</label> <select id="c" name="country">'
    '<optgroup label="Europe"><option value="de">Germany</option><option>France</option></optgroup>'
    "</select></form>"
)


def read(source: str):
    return read_html(source, Path("a.html"), "utf-8", ReadOptions())


def test_options_with_a_value_are_offered_with_a_note_saying_they_are_options_of_a_list() -> None:
    units = {unit.msgid: unit for unit in read(FORM).units("a.html")}
    assert "Germany" in units
    assert OPTION_NOTE in units["Germany"].notes
    assert "Europe" in units  # (the label of a group of options)


def test_an_option_without_a_value_stays_as_written_as_the_form_sends_its_text() -> None:
    assert "France" not in {unit.msgid for unit in read(FORM).units("a.html")}


def test_a_translated_list_shows_the_translated_options_and_sends_the_same_values() -> None:
    translations = {"Germany": "Allemagne", "Europe": "Europe (fr)", "Country": "Pays", "France": "La France"}
    page = read(FORM).render(lambda slot: Resolution(translations.get(slot.msgid)))
    assert page == FORM.replace(">Germany<", ">Allemagne<").replace('"Europe"', '"Europe (fr)"').replace(
        ">Country<", ">Pays<"
    )


def test_an_inputs_suggestions_are_offered_whether_or_not_they_have_a_value() -> None:
    source = '<input list="f"><datalist id="f"><option>Chocolate</option><option value="v">Vanilla</option></datalist>'
    units = read(source).units("a.html")
    assert [unit.msgid for unit in units] == ["Chocolate", "Vanilla"]
    assert not any(OPTION_NOTE in unit.notes for unit in units)


def test_an_option_marked_translate_no_is_not_offered() -> None:
    source = '<select><option value="a" translate="no">Alpha</option><option value="b">Beta</option></select>'
    assert [unit.msgid for unit in read(source).units("a.html")] == ["Beta"]


PICKER = (
    '<select name="lang"><option value="de">Deutsch</option><option value="fr-FR">français</option>'
    '<option value="/pt-BR/">Português (Brasil)</option><option value="https://example.org/ru/">Русский</option>'
    '<option lang="ja" value="j">Japanese</option><option value="es">Spanish</option></select>'
    '<select name="country"><option value="de">Germany</option><option value="id">Indonesia</option></select>'
)


def test_a_language_pickers_own_names_stay_as_written_and_other_options_are_offered() -> None:
    document = read(PICKER)
    assert [unit.msgid for unit in document.units("a.html")] == ["Spanish", "Germany", "Indonesia"]
    translations = {"Spanish": "Espagnol", "Germany": "Allemagne", "Indonesia": "Indonésie"}
    page = document.render(lambda slot: Resolution(translations.get(slot.msgid)))
    assert page == PICKER.replace(">Spanish<", ">Espagnol<").replace(">Germany<", ">Allemagne<").replace(
        ">Indonesia<", ">Indonésie<"
    )


@needs_corpus
@pytest.mark.slow
def test_mozillas_language_pickers_stay_as_written_and_its_country_list_is_offered() -> None:
    units = read_article(REAL_PAGES / "mozilla-1.html", ReadOptions()).units("m")
    offered = {unit.msgid for unit in units if OPTION_NOTE in unit.notes}
    kept = {"Deutsch", "Русский", "magyar", "English (British)", "中文 (简体)", "Afrikaans"}
    assert kept.isdisjoint(offered)
    assert {"Germany", "Indonesia", "Hungary", "Åland Islands"} <= offered


@needs_corpus
@pytest.mark.slow
@pytest.mark.parametrize(
    ("name", "option"), [("mozilla-1.html", "Åland Islands"), ("iab-1.html", "Zimbabwe")]
)
def test_a_real_pages_country_list_is_offered_and_its_pseudo_translation_changes_nothing_else(
    name: str, option: str
) -> None:
    page = REAL_PAGES / name
    document = read_article(page, ReadOptions())
    options = [unit for unit in document.units(name) if OPTION_NOTE in unit.notes]
    assert option in {unit.msgid for unit in options}
    data = page.read_bytes()
    source, _ = decode_bytes(data, declared=declared_charset(data))
    offered = {unit.msgid for unit in options}
    pseudo = document.render(
        lambda slot: Resolution(f"\u27e6{slot.msgid}\u27e7" if slot.msgid in offered else None)
    )
    assert pseudo.count("\u27e6") >= len(offered)
    assert pseudo.replace("\u27e6", "").replace("\u27e7", "") == source


@needs_corpus
@pytest.mark.slow
def test_msns_market_list_without_values_stays_as_written() -> None:
    document = read_article(REAL_PAGES / "msn.html", ReadOptions())
    shown = {unit.msgid for unit in document.units("msn.html")}
    assert "Deutschland (Deutsch)" not in shown
