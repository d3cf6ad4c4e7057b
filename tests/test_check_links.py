"""``transpub check``'s ``links`` rule: the addresses in a unit's text are the source's."""

from __future__ import annotations

import os
from pathlib import Path

import polib
from click.testing import CliRunner

from transpub.cli import main

CONFIG = """\
[project]
name = "Docs"
source_locale = "en"
locales = ["de"]

[paths]
articles = "content"
catalogs = "locales"

[extract.front_matter]
translate = ["title", "intro"]
"""
# GitHub Docs renders the front matter's intro as Markdown: its link is text in the unit
ARTICLE = """\
---
title: Supported browsers
intro: 'We support [Chrome](https://www.google.com/chrome) and https://www.mozilla.org/firefox.'
---

Use a current browser.
"""


def run(root: Path, *args: str):
    cwd = os.getcwd()
    os.chdir(root)
    try:
        return CliRunner().invoke(main, list(args), catch_exceptions=False)
    finally:
        os.chdir(cwd)


def translate(root: Path, table: dict[str, str]) -> None:
    (path,) = (root / "locales").rglob("*.po")
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = table.get(entry.msgid, f"⟦{entry.msgid}⟧")
    catalog.save()


def project(tmp_path: Path) -> Path:
    root = tmp_path / "docs"
    (root / "content").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG, encoding="utf-8")
    (root / "content" / "browsers.md").write_text(ARTICLE, encoding="utf-8")
    assert run(root, "extract").exit_code == 0
    return root


def test_a_translation_that_sends_a_link_elsewhere_fails_check_naming_both_addresses(tmp_path: Path) -> None:
    root = project(tmp_path)
    intro = "We support [Chrome](https://www.google.com/chrome) and https://www.mozilla.org/firefox."
    translate(
        root,
        {
            intro: "Wir unterstützen [Chrome](https://evil.example/chrome) und https://www.mozilla.org/firefox."
        },
    )
    result = run(root, "check")
    assert result.exit_code == 1
    (line,) = [line for line in result.output.splitlines() if "[links]" in line]
    assert "browsers.po" in line
    assert "https://www.google.com/chrome of the source is not in the translation" in line
    assert "https://evil.example/chrome" in line


def test_addresses_kept_as_written_pass_and_a_translator_may_silence_one_entry(tmp_path: Path) -> None:
    root = project(tmp_path)
    assert run(root, "check").exit_code == 1  # (untranslated)
    translate(root, {})  # ⟦msgid⟧: every address as written
    assert run(root, "check").exit_code == 0
    intro = "We support [Chrome](https://www.google.com/chrome) and https://www.mozilla.org/firefox."
    translate(
        root,
        {
            intro: "Wir unterstützen [Chrome](https://www.google.de/chrome) und https://www.mozilla.org/de/firefox."
        },
    )
    assert run(root, "check").exit_code == 1
    (path,) = (root / "locales").rglob("*.po")
    catalog = polib.pofile(str(path))
    catalog.find(intro).tcomment = "transpub-no-links"
    catalog.save()
    result = run(root, "check")
    assert "[links]" not in result.output
    # the intro is a front matter value: compile still writes its source (the page is not 100%
    # translated, nor the 80% it needs to be published), and check counts it as compile does
    assert result.exit_code == 1
    assert (
        "[threshold] 66.6% translated (2 of 3 units), below the 80% needed to publish in de" in result.output
    )


def test_a_translation_that_changes_an_e_mail_address_written_as_text_fails_check(tmp_path: Path) -> None:
    # readers would write to presse@port.example; check passed it
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["de"]\n', encoding="utf-8"
    )
    (root / "articles" / "ferry.html").write_text(
        "<html><body><p>Write to press@port.example for the timetable.</p></body></html>", encoding="utf-8"
    )
    assert run(root, "extract").exit_code == 0
    sentence = "Write to press@port.example for the timetable."
    translate(root, {sentence: "Schreiben Sie an presse@port.example für den Fahrplan."})
    result = run(root, "check")
    assert result.exit_code == 1
    (line,) = [line for line in result.output.splitlines() if "[links]" in line]
    assert "ferry.po" in line and "address press@port.example of the source is not in the translation" in line
    translate(root, {sentence: "Schreiben Sie an press@port.example für den Fahrplan."})
    assert run(root, "check").exit_code == 0
