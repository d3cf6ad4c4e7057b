"""Translated attribute values of the HTML in a Markdown article (an inline tag in a paragraph, a raw
HTML block) come back as the source writes them where nothing was translated: its quotes, its
whitespace runs, its references (see test_html_attribute_values for an HTML article's). The
pseudo-translated page (every msgstr ``⟦msgid⟧``), the marks removed, is the source byte for byte,
but for a value written without quotes, which the marks put in quotes (kramdown reads a value
without quotes of letters, digits and ``_`` only); what the translator typed shows as typed in
Python-Markdown (MkDocs), kramdown (Jekyll) and Hugo.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import lxml.html
import pytest

from real_renderers import HUGO, KRAMDOWN_GFM, each_present, hugo_page, kramdown_gfm
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.markdown import read_markdown

PYTHON_MARKDOWN = importlib.util.find_spec("markdown") is not None


def read(source: str) -> Document:
    return read_markdown(source, Path("a.md"), "utf-8", ReadOptions())


def unmarked_pseudo(source: str) -> str:
    page = read(source).render(lambda slot: Resolution("⟦" + slot.msgid + "⟧"))
    return page.replace("⟦", "").replace("⟧", "")


def translated(source: str, table: dict[str, str]) -> str:
    return read(source).render(lambda slot: Resolution(table.get(slot.msgid)))


INLINE = [
    ('Hi <abbr title="Dawn   ferry &amp b">x</abbr> there.\n', "Dawn ferry & b"),
    ("Hi <abbr title='Dawn ferry'>x</abbr> there.\n", "Dawn ferry"),
    ("Hi <abbr title='a -> b'>x</abbr> there.\n", "a -> b"),
    ('Hi <abbr title=" Dawn&nbsp;ferry ">x</abbr> there.\n', "Dawn\xa0ferry"),
    ('Hi <img alt="Dawn\tferry" src="a.png"> there.\n', "Dawn ferry"),
]


@pytest.mark.parametrize("source, msgid", INLINE)
def test_an_inline_tag_s_attribute_in_a_markdown_paragraph_comes_back_as_written_in_a_pseudo_translation(
    source: str, msgid: str
) -> None:
    assert msgid in [unit.msgid for unit in read(source).units()]
    assert unmarked_pseudo(source) == source


BLOCK = [
    '<div title="Dawn   ferry &amp b">\nBoats.\n</div>\n',
    "<div title='R&amp;D&ampx'>\nBoats.\n</div>\n",
]


@pytest.mark.parametrize("source", BLOCK)
def test_an_attribute_of_a_markdown_html_block_comes_back_as_written_in_a_pseudo_translation(
    source: str,
) -> None:
    # (compile stopped at each of them: attribute_on_one_line() got an unexpected keyword 'bare')
    assert unmarked_pseudo(source) == source


def test_a_translation_of_an_unquoted_value_in_a_markdown_html_block_gets_quotes_where_it_needs_them() -> (
    None
):
    page = translated("<div title=Dawn>\nBoats.\n</div>\n", {"Dawn": "Morgen grauen"})
    assert page == '<div title="Morgen grauen">\nBoats.\n</div>\n'
    page = translated("Hi <abbr title=Dawn>x</abbr>.\n", {"Dawn": "Morgengrauen"})
    assert page == "Hi <abbr title=Morgengrauen>x</abbr>.\n"
    # kramdown (Jekyll) reads a value without quotes of letters, digits and _ only: the pseudo
    # marks, a hyphen, a reference are written in quotes (the rest of the page as written)
    for source in ("<div title=Dawn>\nBoats.\n</div>\n", "Hi <abbr title=Dawn>x</abbr> there.\n"):
        assert unmarked_pseudo(source) == source.replace("=Dawn", '="Dawn"')
    page = translated("Hi <abbr title=Dawn>x</abbr>.\n", {"Dawn": "Morgen-grauen"})
    assert page == 'Hi <abbr title="Morgen-grauen">x</abbr>.\n'
    source = "<div title=R&amp;D&ampx>\nBoats.\n</div>\n"
    assert unmarked_pseudo(source) == source.replace("=R&amp;D&ampx", '="R&amp;D&ampx"')


@pytest.mark.skipif(not KRAMDOWN_GFM, reason="ruby with kramdown and kramdown-parser-gfm is not installed")
@pytest.mark.parametrize("translation", ["Morgen-grauen", "⟦Dawn⟧", "R&D", "Morgengrauen", "Frühe_1"])
def test_a_translation_of_an_unquoted_inline_value_stays_an_attribute_in_kramdown(translation: str) -> None:
    # (written without quotes, "Morgen-grauen" made Jekyll show the tag as text)
    page = translated("Hi <abbr title=Dawn>x</abbr> there.\n", {"Dawn": translation})
    shown = lxml.html.fragment_fromstring(kramdown_gfm(page), create_parent="div")
    assert shown.xpath("//abbr/@title") == [translation], page


#: A translation of the title ``a -> b`` (written with ``>`` as it is): what it holds shows as typed.
TYPED = "x -> [y](javascript:alert(1)) *w* <b>z</b> \"q\" 'r' & `c`"


def python_markdown(markdown: str) -> str:
    import markdown as python_markdown_module

    return str(python_markdown_module.markdown(markdown, extensions=["attr_list", "md_in_html"]))


RENDERERS = {
    "python-markdown": (PYTHON_MARKDOWN, "Python-Markdown is not installed"),
    "kramdown": (KRAMDOWN_GFM, "ruby with kramdown and kramdown-parser-gfm is not installed"),
    "hugo": (HUGO is not None, "hugo is not installed (make test installs the Debian package hugo)"),
}


@pytest.mark.parametrize("renderer", each_present(RENDERERS))
@pytest.mark.parametrize("quote", ["'", '"'])
def test_a_greater_than_sign_kept_as_written_in_an_inline_title_is_read_as_the_source_s_by_each_renderer(
    renderer: str, quote: str, tmp_path: Path
) -> None:
    source = f"Hi <abbr title={quote}a -> b{quote}>x</abbr> _there_.\n"
    page = translated(source, {"a -> b": TYPED, "Hi <1>x</1> <2>there</2>.": "Hallo <1>x</1> <2>da</2>."})
    assert "a -&gt;" not in unmarked_pseudo(source)
    for markdown, title in ((source, "a -> b"), (page, TYPED)):
        if renderer == "python-markdown":
            html = python_markdown(markdown)
        elif renderer == "kramdown":
            html = kramdown_gfm(markdown)
        else:
            html = hugo_page(markdown, tmp_path / "site")
        shown = lxml.html.fragment_fromstring(html, create_parent="div")
        assert shown.xpath("//abbr/@title") == [title]
        assert len(shown.xpath("//em")) == 1  # (the paragraph's own, not the title's *w*)
        assert not shown.xpath("//a | //b | //code")


#: Attribute values holding template tokens (each a placeholder of the value's unit), their text
#: between the tokens written otherwise than a translation is: whitespace runs, line breaks,
#: a reference without ``;``, the other quote.
TEMPLATED = [
    '<p title="Call  {{< phone >}}  now">x</p>\n',
    '<p title="Call\n{{< phone >}}\n\tnow &amp x">x</p>\n',
    "<p title='Call  {{< phone >}}  \"now\"'>x</p>\n",
    '<p title="A {{< phone >}}  or  {{< phone >}}  b">x</p>\n',
    'Hi <abbr title="Call  {{< phone >}}  now &amp x">x</abbr>.\n',
    'Hi <abbr title="A {{< mark >}}  b {{< /mark >}}  c">x</abbr>.\n',
]


@pytest.mark.parametrize("body", TEMPLATED)
def test_an_attribute_value_s_text_between_template_tokens_comes_back_as_written_in_a_pseudo_translation(
    body: str,
) -> None:
    source = "---\ntitle: Ferries\n---\n" + body
    assert [
        msgid for msgid in (unit.msgid for unit in read(source).units()) if "<1" in msgid and "  " in msgid
    ] == []
    assert unmarked_pseudo(source) == source


def test_a_translation_changing_the_text_between_template_tokens_is_written_as_typed() -> None:
    source = '---\ntitle: Ferries\n---\n<p title="Call  {{< phone >}}  now">x</p>\n'
    page = translated(source, {"Call <1/> now": "Ruf <1/> jetzt an"})
    assert '<p title="Ruf {{< phone >}} jetzt an">' in page
    page = translated(source, {"Call <1/> now": "Call <1/> now, bitte"})  # (its start is the source's)
    assert '<p title="Call  {{< phone >}}  now, bitte">' in page


#: Attribute values writing what Python-Markdown reads before a tag (`` ` \ [ ] $ + ``) as it is,
#: of an inline tag in a paragraph and of a raw HTML block.
READ_BEFORE_TAGS = [
    'Hi <span title="x`y">Hi</span> there.\n',
    "Hi <abbr title='a\\b [c] $5 +1  x'>x</abbr> there.\n",
    '<div title="R&amp;D `x` [y]">\nBoats.\n</div>\n',
]
#: Translations of each value: the source's text kept once, twice, and the translator's own.
TWICE = "⟦{0}⟧ `z` [l](javascript:alert(1)) {0} $a$ ++k++"


@pytest.mark.parametrize("renderer", each_present(RENDERERS))
@pytest.mark.parametrize("source", READ_BEFORE_TAGS)
def test_a_backtick_or_bracket_the_source_writes_as_it_is_in_an_attribute_comes_back_as_written_only_where_the_translation_keeps_its_text(
    renderer: str, source: str, tmp_path: Path
) -> None:
    # (each was written as a reference, &#96;, so the pseudo-translated page was not the source)
    assert unmarked_pseudo(source) == source
    (msgid,) = [
        unit.msgid for unit in read(source).units() if "<" not in unit.msgid and unit.msgid != "Boats."
    ]
    typed = TWICE.format(msgid)
    page = translated(source, {msgid: typed})
    assert page.count(source[source.index("=") + 2 : source.index(">") - 1].strip()) == 1, page
    if renderer == "python-markdown":
        html = python_markdown(page)
    elif renderer == "kramdown":
        html = kramdown_gfm(page)
    else:
        html = hugo_page(page, tmp_path / "site")
    shown = lxml.html.fragment_fromstring(html, create_parent="div")
    # (no code span, link or math made of it; the source's own spaces kept)
    assert [" ".join(title.split()) for title in shown.xpath("//@title")] == [" ".join(typed.split())], page
    assert not shown.xpath("//a | //code | //kbd"), page
