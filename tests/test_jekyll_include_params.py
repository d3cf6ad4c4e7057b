"""The text a Jekyll include shows from its parameters (``{% include note.html text="Read this first" %}``,
Jekyll's own ``content="…"``, an image's ``description="…"``) is offered to translators on a site set
up by ``transpub init``, as an include's ``caption`` and ``alt`` were; Hugo's shortcodes keep their
defaults (a ``{{< glossary_tooltip text="…" >}}`` names a glossary term: not offered). With every
translation ``⟦msgid⟧`` the German page is the English one with the marks removed, as written and
as jekyll builds it; ``[extract.shortcodes] include_params`` sets which parameters are offered.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import polib
import pytest

from exchange_project import run
from pseudo_catalogs import fill_pseudo
from real_renderers import JEKYLL, jekyll_build
from transpub.formats import ReadOptions
from transpub.formats.md_reader import read_markdown

PAGE = """\
---
title: Tickets
---
{% include note.html text="Read this first" %}

{% include note.html content="Tickets are sold on board." type="info" %}

{% include image.html url="/img/pier.jpg" description="Pier 3 at dawn" %}

{% include button.html text="Buy a ticket" link="/buy/" %}
"""
INCLUDES = {
    "note.html": '<aside class="{{ include.type }}">{{ include.text }}{{ include.content }}</aside>',
    "image.html": '<img src="{{ include.url }}" alt="{{ include.description }}">',
    "button.html": '<a class="button" href="{{ include.link }}">{{ include.text }}</a>',
}
OFFERED = ["Tickets", "Read this first", "Tickets are sold on board.", "Pier 3 at dawn", "Buy a ticket"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Jekyll site of one English page in ``en/``, set up by init for German, extracted, every
    msgstr ``⟦msgid⟧``, compiled (its German page in ``de/``)."""
    root = tmp_path_factory.mktemp("includes") / "site"
    (root / "en").mkdir(parents=True)
    (root / "_includes").mkdir()
    for name, template in INCLUDES.items():
        (root / "_includes" / name).write_text(template, encoding="utf-8")
    (root / "_config.yml").write_text("title: Harbour\nexclude: [locales, transpub.toml]\n", encoding="utf-8")
    (root / "en" / "tickets.md").write_text(PAGE, encoding="utf-8")
    run(root, "init", "-l", "de")
    run(root, "extract")
    fill_pseudo(root)
    run(root, "compile")
    return root


def unmarked(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")


def test_translators_are_offered_the_text_a_note_or_button_include_shows(site: Path) -> None:
    (path,) = (site / "locales" / "de").rglob("tickets.po")
    assert [entry.msgid for entry in polib.pofile(str(path))] == OFFERED


def test_the_german_page_with_translated_include_texts_is_the_english_one_with_the_marks_removed(
    site: Path,
) -> None:
    german = (site / "de" / "tickets.md").read_text(encoding="utf-8")
    assert '{% include note.html text="⟦Read this first⟧" %}' in german
    assert '{% include button.html text="⟦Buy a ticket⟧" link="/buy/" %}' in german
    assert unmarked(german) == PAGE


@pytest.mark.jekyll
def test_jekyll_shows_the_translated_text_of_each_include_on_the_german_page(site: Path) -> None:
    if JEKYLL is None:
        pytest.skip("jekyll is not installed (make test installs the Debian package jekyll)")
    built = jekyll_build(site)
    english = lxml.html.fromstring((built / "en" / "tickets.html").read_text(encoding="utf-8"))
    german = lxml.html.fromstring((built / "de" / "tickets.html").read_text(encoding="utf-8"))
    assert german.xpath("//aside/text()") == ["⟦Read this first⟧", "⟦Tickets are sold on board.⟧"]
    assert german.xpath("//img/@alt") == ["⟦Pier 3 at dawn⟧"] and german.xpath("//a/text()") == [
        "⟦Buy a ticket⟧"
    ]
    assert unmarked(lxml.html.tostring(german, encoding="unicode")) == lxml.html.tostring(
        english, encoding="unicode"
    )


def test_a_hugo_shortcodes_text_parameter_is_still_not_offered_by_default() -> None:
    source = 'Pods run on a {{< glossary_tooltip text="node" term_id="node" >}}.\n'
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units("a.md")] == ["Pods run on a <1/>."]


@pytest.mark.parametrize(
    ("include_params", "offered"),
    [
        ((), ["The dock"]),  # translate_params' alt still is
        (("label",), ["The dock", "Open"]),
    ],
)
def test_include_params_sets_which_include_parameters_are_offered_beside_translate_params(
    include_params: tuple[str, ...], offered: list[str]
) -> None:
    source = '{% include card.html alt="The dock" text="Read this first" label="Open" %}\n'
    options = ReadOptions(include_params=include_params)
    document = read_markdown(source, Path("a.md"), "utf-8", options)
    assert [unit.msgid for unit in document.units("a.md")] == offered
