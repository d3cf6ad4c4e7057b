"""``transpub check``'s ``markdown`` check: Markdown typed into a translation of a Markdown article
(``*Hafenbüro*``) is written as text, marks escaped, so readers would see the asterisks."""

from __future__ import annotations

from pathlib import Path

import pytest

from markdown_translations import read, text_units, translated
from real_renderers import HUGO, hugo_page
from test_check_fixtures import run
from transpub import catalog
from transpub.check.markdown import markdown_problem

FERRY = """---
title: "Ferry times"
---

Tickets are sold at the harbour office and [online](/tickets/).

Use the timetable for 5 * 3 crossings.
"""
TICKETS = "Tickets are sold at the harbour office and <1>online</1>."
PO = "locales/de/LC_MESSAGES/ferry.po"


def markdown_project(root: Path, config: str = "", article: str = FERRY, name: str = "ferry.md") -> Path:
    """A project with one Markdown article (as a Hugo site's content page), extracted."""
    (root / "articles").mkdir(parents=True)
    (root / "articles" / name).write_text(article, encoding="utf-8")
    (root / "transpub.toml").write_text(
        f'[project]\nname = "Ferry"\nsource_locale = "en"\nlocales = ["de"]\n\n{config}', encoding="utf-8"
    )
    assert run(root, "extract").exit_code == 0
    return root


def translate(root: Path, translations: dict[str, str], slug: str = "ferry") -> None:
    path = root / "locales" / "de" / "LC_MESSAGES" / f"{slug}.po"
    po = catalog.read_catalog(path)
    for entry in po:
        if entry.msgid in translations:
            entry.msgstr = translations[entry.msgid]
    catalog.write_catalog(po, path)


def _line(root: Path, msgid: str) -> int:
    text = (root / PO).read_text(encoding="utf-8").splitlines()
    return text.index(f'msgid "{msgid}"') + 1


GOOD = {
    "Ferry times": "Fährzeiten",
    "Use the timetable for 5 * 3 crossings.": "Nutzen Sie den Fahrplan für 5 * 3 Überfahrten.",
}


def test_asterisks_typed_into_a_translation_of_a_markdown_article_are_a_markdown_problem(
    tmp_path: Path,
) -> None:
    # compile wrote "\*Hafenbüro\*" (readers saw the asterisks) and check said nothing
    root = markdown_project(tmp_path / "ferry")
    translate(root, {**GOOD, TICKETS: "Tickets gibt es im *Hafenbüro* und <1>online</1>."})
    result = run(root, "check", "-l", "de")
    assert result.exit_code == 1
    assert result.output.splitlines()[0] == (
        f'{PO}:{_line(root, TICKETS)}: [markdown] "Tickets are sold at the harbour office…": '
        "Markdown *Hafenbüro* would be shown as text, asterisks and all; for emphasis, use the "
        "placeholders of the source (<1>…</1>)"
    )


@pytest.mark.skipif(HUGO is None, reason="hugo not installed")
def test_hugo_shows_the_asterisks_of_a_translation_as_text(tmp_path: Path) -> None:
    """What the check says: the page compile writes shows the marks, not emphasis."""
    document = read(FERRY)
    (unit,) = text_units(document, "Tickets")
    page = translated(document, unit, "Tickets gibt es im *Hafenbüro*, **heute** und `jetzt` <1>online</1>.")
    html = hugo_page(page.split("---\n", 2)[2], tmp_path / "site")
    assert "*Hafenbüro*, **heute** und <code>" not in html
    assert "Tickets gibt es im *Hafenbüro*, **heute** und `jetzt`" in html
    assert "<em>" not in html and "<strong>" not in html and "<code>" not in html


@pytest.mark.parametrize(
    ("source", "translation"),
    [
        ("It is 5 * 3 crossings.", "Es sind 5 * 3 Überfahrten."),
        ("Edit the config file.", "Bearbeite die Datei config_file und snake_case_name."),
        ("Prices apply to adults.", "Die Preise* gelten für Erwachsene."),
        ("Children* travel free.", "Kinder* fahren gratis."),
        ("Run `make` and *then* wait.", "Führe `make` aus und warte *dann*."),
        ("Run `make` and *then* wait.", "Warte *dann* und führe `make` aus."),
        ("Edit __init__.py now.", "Bearbeite __init__.py jetzt."),
        ("Ten per cent.", "10*20*30 Prozent."),
        ("Read <1>this</1>.", "Lies <1>dies</1>."),
        ("A literal asterisk.", "Ein \\*Sternchen\\*."),
    ],
    ids=[
        "multiplication",
        "file-name",
        "lone-footnote-marker",
        "footnote-marker-in-both",
        "same-marks-as-the-source",
        "same-marks-reordered",
        "dunder-file-name",
        "digits-between-asterisks",
        "placeholders-only",
        "escaped-by-the-translator",
    ],
)
def test_no_markdown_problem_for_marks_that_open_no_span_or_that_the_source_has(
    source: str, translation: str
) -> None:
    assert markdown_problem(source, translation) is None


@pytest.mark.parametrize(
    ("translation", "shown"),
    [
        (
            "Tickets im **Hafenbüro** und <1>online</1>.",
            "Markdown **Hafenbüro** would be shown as text, asterisks",
        ),
        (
            "Tickets im _Hafenbüro_ und <1>online</1>.",
            "Markdown _Hafenbüro_ would be shown as text, underscores",
        ),
        (
            "Tickets im `Hafenbüro` und <1>online</1>.",
            "Markdown `Hafenbüro` would be shown as text, backticks",
        ),
        ("Tickets im Hafenbüro und *<1>online</1>*.", "Markdown *<1>online</1>* would be shown as text"),
    ],
    ids=["strong", "underscores", "code", "around-a-placeholder"],
)
def test_strong_underscore_and_code_marks_typed_into_a_translation_are_named(
    translation: str, shown: str
) -> None:
    problem = markdown_problem(TICKETS, translation)
    assert problem is not None and problem.startswith(shown), problem


def test_the_markdown_check_is_silenced_on_an_entry_and_configured_like_the_others(tmp_path: Path) -> None:
    root = markdown_project(tmp_path / "warned", config='[check]\nwarn = ["markdown"]\n')
    translate(root, {**GOOD, TICKETS: "Tickets gibt es im *Hafenbüro* und <1>online</1>."})
    result = run(root, "check", "-l", "de")
    assert result.exit_code == 0 and "[markdown]" in result.output
    path = root / PO
    path.write_text(
        path.read_text("utf-8").replace(f'msgid "{TICKETS}"', f'# transpub-no-markdown\nmsgid "{TICKETS}"'),
        "utf-8",
    )
    assert "[markdown]" not in run(root, "check", "-l", "de").output


def test_asterisks_in_a_translation_of_an_html_article_or_a_front_matter_value_are_not_a_markdown_problem(
    tmp_path: Path,
) -> None:
    html = "<html><body><p>Tickets are sold at the harbour office and <a href='/t/'>online</a>.</p></body></html>"
    root = markdown_project(tmp_path / "html", article=html, name="ferry.html")
    translate(root, {TICKETS: "Tickets gibt es im *Hafenbüro* und <1>online</1>."})
    assert "[markdown]" not in run(root, "check", "-l", "de").output
    root = markdown_project(tmp_path / "title")
    translate(
        root, {**GOOD, "Ferry times": "*Fähr*zeiten", TICKETS: "Tickets im Hafenbüro und <1>online</1>."}
    )
    assert run(root, "check", "-l", "de").exit_code == 0
