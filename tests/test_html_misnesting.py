"""Misnested HTML of old CMS content (``<b><i>x</b></i>``, a ``<b>`` left open across paragraphs,
``</h1>`` ending an ``<h2>``) is read as a browser reads it: a translation shows the same markup
around the same words, and an untranslated sentence wrapped in compile's ``<span>`` too.

Each source here was checked in Chromium (tests/test_browser.py runs them all there): the page
pseudo-translated shows the same elements around the same text as the source.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.formats.html import read_html
from transpub.inline import tokenize

OPEN, CLOSE = "\u27e6", "\u27e7"
WRAP_OPEN, WRAP_CLOSE = '<tp-wrap lang="en">', "</tp-wrap>"


def read(source: str) -> Document:
    return read_html(source, Path("a.html"), "utf-8", ReadOptions())


def msgids(source: str) -> list[str]:
    return [unit.msgid for unit in read(source).units()]


def pseudo_translated(source: str) -> str:
    """The page with every unit ``⟦msgid⟧`` (its text pieces marked), marks taken out again."""

    def marked(slot: object) -> Resolution:
        if isinstance(slot, TextSlot):
            return Resolution(
                "".join(OPEN + t.value + CLOSE if t.kind == "text" else t.value for t in tokenize(slot.msgid))
            )
        return Resolution()

    return read(source).render(marked).replace(OPEN, "").replace(CLOSE, "")


def untranslated_wrapped(source: str) -> str:
    """The page with every sentence untranslated, wrapped as compile wraps it, wrapper taken out."""
    wrapped = Resolution(None, WRAP_OPEN, WRAP_CLOSE)
    rendered = read(source).render(lambda slot: wrapped if isinstance(slot, TextSlot) else Resolution())
    return rendered.replace(WRAP_OPEN, "").replace(WRAP_CLOSE, "")


#: Sources whose misnesting a browser repairs in ways a translation must keep (see tests/test_browser.py).
MISNESTED = [
    "<p><b><i>x y</b></i> z.</p>",
    "<p>A <b>bold <i>both</b> italic</i> plain.</p>",
    "<p>A <a href='/x'><b>link</a></b> after.</p>",
    "<p>A <a href='/x'>link <b>bold</a> more</b> after.</p>",
    "<p>A <span><font color=red>red</span></font> after.</p>",
    "<p>A <span><b>x</span> y</b> after.</p>",
    "<p>One <b>two</p><p>three</b> four.</p>",
    "<p>Text <b>bold <div>block</div> after</b> more.</p>",
    "<h2>Title</h1> more</h2>",
    "<h3>A <i>b</h3> c</i> d.",
    "<p>a <b>b <i>c <u>d</b> e</u> f</i> g.</p>",
    "<p>First. <b><i>Second x</b></i> third.</p>",
    "<p><font size=2>small<p>next para</font> text</p>",
    "<p>a <small>b</p> c</small> d.</p>",
    "<b>x<div>y</b>z</div>w",
    "<p><font face=Arial><p>Para one</p><p>Para two</font> more</p><p>Three.</p>",
    "<p>a <b>b <i>c</b><!-- x --></i> d.</p>",
    "<p><b>x</p>\n<p>y</p>\n<p>z</b> w.</p>",
    "<p>a <b>b</p><div></b>c</div>",
    "<p><a href=/1>x</p><p><a href=/2>y</a> z</p>",
    "<b><span><div>y</b>z</div>w",
    "<b><i><div>y</b>z</div>w</i>",
    "<b>a<div>b<p>c</b>d</p>e</div>f",
    "<b><div><i>y</b>z</div>w",
]

#: Sources with an end tag a browser ignores amid a sentence: the same page translated or not, but
#: the end tag (which closes nothing) is written after the translation (tests/test_browser.py).
IGNORED_END_TAGS = [
    "<h2>A <h3>B</h3> c</h2> d",
    "<span><div>x</span>y</div>z",
    "<p>A <span>b<div>x</span> y</div> z</p>",
    "<h2>A<table><tr><td>B</h2>C</td></tr></table>D</h2>E",
    "<div><table><tr><td>x</div>y</td></tr></table>z</div>",
    "<table><tr><td><h2>A</td></tr></table> B</h2> C",
]


@pytest.mark.parametrize("source", MISNESTED)
def test_misnested_markup_is_published_in_place_translated_or_not(source: str) -> None:
    assert pseudo_translated(source) == source
    assert untranslated_wrapped(source) == source


def test_words_after_misnested_bold_italic_stay_upright_in_a_translation() -> None:
    # a browser ends the <i> at </b>: " z." is neither bold nor italic
    assert msgids("<p><b><i>x y</b></i> z.</p>") == ["<1><2>x y</2></1> z."]
    assert pseudo_translated("<p><b><i>x y</b></i> z.</p>") == "<p><b><i>x y</b></i> z.</p>"


def test_italic_going_on_after_a_bold_end_is_its_own_placeholder_for_the_translator() -> None:
    # a browser shows " italic" in italics (an <i> opened again after </b>), " plain." upright
    assert msgids("<p>A <b>bold <i>both</b> italic</i> plain.</p>") == [
        "A <1>bold <2>both</2></1><3> italic</3> plain."
    ]


def test_bold_left_open_across_paragraphs_covers_the_words_a_browser_shows_bold() -> None:
    assert msgids("<p>One <b>two</p><p>three</b> four.</p>") == ["One <1>two</1>", "<1>three</1> four."]


def test_text_after_a_formatting_end_inside_a_block_stays_in_that_block() -> None:
    # <b>x<div>y</b>z</div>w: a browser shows "z" in the div, not bold, and "w" after it
    assert msgids("<b>x<div>y</b>z</div>w") == ["x", "<1>y</1>z", "w"]


def test_any_heading_end_tag_ends_the_heading_so_what_follows_is_no_heading() -> None:
    assert msgids("<h2>Title</h1> more</h2><p>Body.</p>") == ["Title", "more", "Body."]
    assert pseudo_translated("<h2>Title</h1> more</h2>") == "<h2>Title</h1> more</h2>"


def test_a_heading_starting_in_a_heading_ends_it() -> None:
    assert msgids("<h2>A <h3>B</h3> c</h2> d") == ["A", "B", "c d"]


def test_text_after_a_bold_end_inside_a_block_in_a_span_stays_in_that_block() -> None:
    # a browser: <b><span></span></b><div><b>y</b>z</div>w (the div leaves the span and the bold)
    assert msgids("<b><span><div>y</b>z</div>w") == ["<1>y</1>z", "w"]
    assert pseudo_translated("<b><span><div>y</b>z</div>w") == "<b><span><div>y</b>z</div>w"


def test_bold_ended_in_a_paragraph_of_a_div_covers_only_the_words_before_its_end() -> None:
    assert msgids("<b>a<div>b<p>c</b>d</p>e</div>f") == ["a", "b", "<1>c</1>d", "e", "f"]


def test_text_after_a_block_a_span_end_tag_cannot_end_stays_after_the_block() -> None:
    # a browser ignores </span> inside the div: "y" is in the div, "z" after it
    assert msgids("<span><div>x</span>y</div>z") == ["xy", "z"]
    assert pseudo_translated("<span><div>x</span>y</div>z").endswith("</div>z")


def test_a_heading_end_tag_in_a_table_cell_leaves_the_heading_around_the_table_open() -> None:
    # a browser ignores </h2> in the cell: "C" is in the cell, "D" in the heading, "E" after it
    source = "<h2>A<table><tr><td>B</h2>C</td></tr></table>D</h2>E"
    assert msgids(source) == ["A", "BC", "D", "E"]
    assert pseudo_translated(source).endswith("</table>D</h2>E")


def test_a_div_end_tag_in_a_table_cell_leaves_the_text_after_the_table_in_the_div() -> None:
    source = "<div><table><tr><td>x</div>y</td></tr></table>z</div>"
    assert msgids(source) == ["xy", "z"]
    assert pseudo_translated(source).endswith("</table>z</div>")
