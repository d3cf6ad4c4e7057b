"""Translated attribute values (``title``, ``alt``, ``aria-label``, ``content``) come back as the
source writes them where nothing was translated, and as the translator typed them elsewhere.

A msgid shows an attribute's whitespace runs as one space, as it does for text; but a browser keeps
a tooltip's line breaks, and the pseudo-translated page (every msgstr ``⟦msgid⟧``), the marks
removed, must be the source byte for byte.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import lxml.html
import pytest

from test_browser import CHROMIUM, chromium
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.html import read_html


def read(source: str):
    return read_html(source, Path("a.html"), "utf-8", ReadOptions())


def unmarked_pseudo(source: str) -> str:
    page = read(source).render(lambda slot: Resolution("⟦" + slot.msgid + "⟧"))
    return page.replace("⟦", "").replace("⟧", "")


def translated(source: str, table: dict[str, str]) -> str:
    return read(source).render(lambda slot: Resolution(table.get(slot.msgid)))


WHITESPACE = [
    ('<p title="Dawn   ferry">x</p>', "Dawn ferry"),
    ('<p title="Dawn\nferry\nto Tarifa">x</p>', "Dawn ferry to Tarifa"),
    ('<img alt="Dawn\t\tferry" src="a.png">', "Dawn ferry"),
    ("<p title='Dawn  ferry'>x</p>", "Dawn ferry"),
    ('<p aria-label=" Dawn \r\n ferry ">x</p>', "Dawn ferry"),
    ('<meta name="description" content="Ferries\n  at dawn.">', "Ferries at dawn."),
    ('<pre title="Dawn \t ferry ">x</pre>', "Dawn \t ferry"),
]


@pytest.mark.parametrize("source, msgid", WHITESPACE)
def test_an_attribute_s_whitespace_runs_and_line_breaks_come_back_as_written_in_a_pseudo_translation(
    source: str, msgid: str
) -> None:
    assert msgid in [unit.msgid for unit in read(source).units()]
    assert unmarked_pseudo(source) == source


def test_a_translator_s_own_line_break_in_a_title_stays_in_the_page() -> None:
    page = translated('<p title="Dawn   ferry">x</p>', {"Dawn ferry": "Fähre\nim Morgengrauen"})
    assert page == '<p title="Fähre\nim Morgengrauen">x</p>'


def test_a_translation_keeping_the_source_s_text_whole_keeps_its_line_break_and_one_changing_it_does_not() -> (
    None
):
    source = '<p title="Dawn\nferry">x</p>'
    assert translated(source, {"Dawn ferry": "Dawn ferry (EN)"}) == '<p title="Dawn\nferry (EN)">x</p>'
    assert translated(source, {"Dawn ferry": "Dawn ferries"}) == '<p title="Dawn ferries">x</p>'


REFERENCES = [
    '<p title="Rock &amp roll">x</p>',
    '<p title="&copy 2024 Ferries">x</p>',
    '<img alt="R&ampD &amp; more" src="a.png">',
    '<p title="Tom &amp">x</p>',
]


@pytest.mark.parametrize("source", REFERENCES)
def test_a_reference_written_without_its_semicolon_comes_back_as_written_in_a_pseudo_translation(
    source: str,
) -> None:
    assert unmarked_pseudo(source) == source


def shown_titles(page: str, tmp_path: Path) -> list[str]:
    """The ``title`` of each element of ``page`` as headless Chromium reads it."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs it)")
    probe = tmp_path / "probe.html"
    script = (
        "<script>document.body.insertAdjacentHTML('beforeend', '<pre id=out></pre>');"
        "document.getElementById('out').textContent = JSON.stringify("
        "[...document.querySelectorAll('[title]')].map(e => e.title));</script>"
    )
    probe.write_text("<!doctype html><meta charset=utf-8><body>" + page + script, encoding="utf-8")
    dom = chromium(tmp_path / "profile", "--dump-dom", probe.as_uri()).stdout
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert found, dom
    return json.loads(html.unescape(found.group(1)))


def test_a_translation_after_the_source_s_reference_without_semicolon_shows_as_typed_in_chromium(
    tmp_path: Path,
) -> None:
    """``&amp`` before a letter is no reference in an attribute value: ``Tom &ampJerry`` shows so."""
    source = '<p title="Tom &amp">x</p><p title="Dawn\n  ferry">y</p>'
    page = translated(source, {"Tom &": "Tom &Jerry; Tom &", "Dawn ferry": "⟦Dawn ferry⟧"})
    assert shown_titles(page, tmp_path) == ["Tom &Jerry; Tom &", "⟦Dawn\n  ferry⟧"]


TYPED = [
    ('<p title="Bold text">x</p>', "Bold text", "title"),
    ('<img alt="Bold text" src="a.png">', "Bold text", "alt"),
    ('<p title="Bold &amp; text">x</p>', "Bold & text", "title"),
]


@pytest.mark.parametrize("source, msgid, name", TYPED)
def test_a_translator_s_typed_references_in_an_attribute_show_as_typed_like_in_text(
    source: str, msgid: str, name: str
) -> None:
    """``&lt;b&gt;`` typed by a translator showed ``<b&gt;``: its ``&lt;`` was read as this tool's
    escape of a placeholder look-alike (``&lt;1>``), its ``&gt;`` as text."""
    typed = "Fett &lt;b&gt; oder &lt;1> <i>"
    page = translated(source + "<p>Bold text</p>", {msgid: typed, "Bold text": typed})
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    assert tree.xpath(f"//@{name}") == ["Fett &lt;b&gt; oder <1> <i>"]
    assert tree.xpath("//p[last()]")[0].text_content() == "Fett &lt;b&gt; oder <1> <i>"


UNQUOTED = [
    "<img title=R&amp;D&ampx src=a.png>",
    "<p title=Dawn>x</p>",
    "<p title=Dawn/ferry>x</p>",
    "<img alt=Caf&eacute; src=a.png>",
]


@pytest.mark.parametrize("source", UNQUOTED)
def test_an_attribute_value_written_without_quotes_stays_without_them_in_a_pseudo_translation(
    source: str,
) -> None:
    # (quotes were added around every translation of it: the pseudo-translated page was not the source)
    assert unmarked_pseudo(source) == source


def test_a_translation_that_needs_quotes_gets_them_where_the_source_wrote_none() -> None:
    assert translated("<p title=Dawn>x</p>", {"Dawn": "Morgengrauen"}) == "<p title=Morgengrauen>x</p>"
    assert (
        translated("<p title=Dawn>x</p>", {"Dawn": "Im Morgengrauen"}) == '<p title="Im Morgengrauen">x</p>'
    )
    assert translated("<p title=Dawn>x</p>", {"Dawn": "a=b"}) == '<p title="a=b">x</p>'
    assert translated("<p title=Dawn>x</p>", {"Dawn": 'say "hi"'}) == '<p title="say &quot;hi&quot;">x</p>'
    assert translated("<p title=Dawn>x</p>", {"Dawn": "it's"}) == '<p title="it\'s">x</p>'
    shown = lxml.html.fromstring(translated("<p title=Dawn>x</p>", {"Dawn": "a`b<c>"})).get("title")
    assert shown == "a`b<c>"
