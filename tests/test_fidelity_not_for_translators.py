"""What is not for translators is kept as written and never offered (issue 12, finding 3).

A link whose text is its own URL, a bare URL or e-mail address, and units with no letters
(``5``, ``×``, ``<<``) are not extracted, so neither MT nor a translator can change them; a
switch in ``[extract]`` offers each again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.html import read_html
from transpub.formats.md_reader import read_markdown
from transpub.project import load_project


def msgids(source: str, **options: bool) -> list[str]:
    document = read_html(source, Path("a.html"), "utf-8", ReadOptions(**options))
    return [unit.msgid for unit in document.units()]


def pseudo(source: str) -> str:
    """The page with every unit "translated" (wrapped in ⟦⟧): what is not wrapped reached nobody."""
    document = read_html(source, Path("a.html"), "utf-8", ReadOptions())
    return document.render(lambda slot: Resolution("⟦" + slot.msgid + "⟧"))


LINK = '<a href="https://example.com/report">https://example.com/report</a>'


def test_a_link_showing_its_own_url_is_not_offered_and_stays_as_written() -> None:
    source = f"<p>{LINK}</p><p>Read {LINK} today.</p>"
    assert msgids(source) == ["Read <1/> today."]
    assert pseudo(source) == f"<p>{LINK}</p><p>⟦Read {LINK} today.⟧</p>"  # the link's text untouched


def test_bare_urls_and_email_addresses_are_not_offered() -> None:
    source = (
        "<ul><li>https://example.com/a?b=1</li><li>press@example.com</li>"
        '<li><a href="mailto:press@example.com">press@example.com</a></li><li>Contact us</li></ul>'
    )
    assert msgids(source) == ["Contact us"]


@pytest.mark.parametrize("shown", ["5", "×", "&lt;&lt;", "1 / 12", "—", "2024."])
def test_units_with_no_letters_are_not_offered(shown: str) -> None:
    source = f"<p>{shown}</p><p>Gallery</p>"
    assert msgids(source) == ["Gallery"]
    assert pseudo(source) == f"<p>{shown}</p><p>⟦Gallery⟧</p>"


@pytest.mark.parametrize(
    "shown",
    [
        '&lt;img src="//pixel.example/p?a=1&amp;b=2" width=1 height=1 /&gt;',
        '&lt;div style="position:absolute;"&gt;&lt;img alt="" src="http://t.example/b?P=x"&gt;&lt;/div&gt;',
        "&lt;/p&gt; &lt;/div&gt; &lt;!-- ad --&gt;",
    ],
)
def test_html_written_as_text_with_no_words_a_saved_pages_tracking_pixel_is_not_offered(shown: str) -> None:
    """A page saved from a browser writes its <noscript> tracking pixels as text (&lt;img …&gt;):
    code, not words, kept as written; words between such tags, or in brackets that name no
    element, are still offered."""
    source = f"<noscript>{shown}</noscript><p>{shown}</p><p>Use &lt;b&gt;bold&lt;/b&gt;.</p><p>&lt;no title&gt;</p>"
    assert msgids(source) == ["Use <b>bold</b>.", "<no title>"]
    assert pseudo(source) == (
        f"<noscript>{shown}</noscript><p>{shown}</p><p>⟦Use &lt;b&gt;bold&lt;/b&gt;.⟧</p><p>⟦&lt;no title&gt;⟧</p>"
    )


def test_a_table_cell_of_emoji_short_codes_is_not_offered_and_stays_as_written() -> None:
    # Hugo's docs (enableEmoji), GitHub, MkDocs' pymdownx.emoji: :heavy_check_mark: is a picture
    source = (
        "| Feature | Pages | Sections |\n| --- | --- | --- |\n"
        "| Draft | :heavy_check_mark: | :x: :+1: |\n| Use :x: here | :t-rex: | :-1: |\n"
    )
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == [
        "Feature",
        "Pages",
        "Sections",
        "Draft",
        "Use :x: here",
    ]
    pseudo = document.render(lambda slot: Resolution("⟦" + slot.msgid + "⟧"))
    assert "| ⟦Draft⟧ | :heavy_check_mark: | :x: :+1: |" in pseudo
    with_symbols = read_markdown(source, Path("a.md"), "utf-8", ReadOptions(extract_symbols=True))
    assert ":heavy_check_mark:" in [unit.msgid for unit in with_symbols.units()]


def test_a_switch_offers_each_again() -> None:
    assert msgids(f"<p>Read {LINK}.</p>", extract_link_urls=True) == [
        "Read <1>https://example.com/report</1>."
    ]
    assert msgids("<p>press@example.com</p>", extract_bare_urls=True) == ["press@example.com"]
    assert msgids("<p>×</p>", extract_symbols=True) == ["×"]


def test_the_switches_are_read_from_transpub_toml(tmp_path: Path) -> None:
    (tmp_path / "transpub.toml").write_text(
        '[project]\nlocales = ["es"]\n[extract]\nlink_urls = true\nbare_urls = true\nsymbols = true\n',
        encoding="utf-8",
    )
    project = load_project(tmp_path)
    assert (project.extract_link_urls, project.extract_bare_urls, project.extract_symbols) == (
        True,
        True,
        True,
    )


def test_an_end_tag_with_no_name_which_browsers_drop_is_not_text_and_stays_as_written() -> None:
    """``</>`` shows nothing in a browser (HTML drops it): a translator does not see it as text, and
    a translation does not write it ``&lt;/&gt;``, which a reader would see."""
    source = "<p>The port opens </>on Monday.</p>"
    assert msgids(source) == ["The port opens <1/>on Monday."]
    assert pseudo(source) == "<p>⟦The port opens </>on Monday.⟧</p>"


@pytest.mark.parametrize("stray", ["</p>", "</br>"])
def test_a_stray_end_tag_a_browser_shows_stays_in_its_place_in_the_translation(stray: str) -> None:
    """A browser makes an empty paragraph of a stray ``</p>`` (and a line break of ``</br>``): a
    translation keeps it, a placeholder, where it dropped it; a stray ``</b>`` shows nothing."""
    source = f"<div>The ferry left at dawn{stray} and came back.</div>"
    assert msgids(source) == ["The ferry left at dawn<1/> and came back."]
    assert pseudo(source) == f"<div>⟦The ferry left at dawn{stray} and came back.⟧</div>"
    assert msgids("<p>It rained</b>.</p>") == ["It rained."]


@pytest.mark.parametrize("stray", ["</span>", "</b>", "</FONT >", '</span class="x">', "</li>", "</td>"])
def test_a_stray_end_tag_showing_nothing_is_kept_after_the_translated_sentence(stray: str) -> None:
    """A stray end tag that shows nothing (no element of its name is open) is no text and no
    placeholder for translators; a translation of its sentence has no place for it, and its bytes
    are written right after the translation (where it closes nothing either), not dropped."""
    source = f"<p>The ferry left{stray} at dawn.</p><p>Back{stray} at <b>noon</b>.</p>"
    assert msgids(source) == ["The ferry left at dawn.", "Back at <1>noon</1>."]
    assert pseudo(source) == f"<p>⟦The ferry left at dawn.⟧{stray}</p><p>⟦Back at <b>noon</b>.⟧{stray}</p>"


def test_a_stray_end_tag_stays_outside_the_span_compile_wraps_a_sentence_in() -> None:
    """An untranslated sentence is wrapped in ``<span lang="en">`` (a review copy's sentences in a
    span too): a stray ``</span>`` inside it would close that span early, so it follows the span."""
    document = read_html("<p>The ferry left</span> at dawn.</p>", Path("a.html"), "utf-8", ReadOptions())
    wrapped = Resolution(before='<span lang="en">', after="</span>")
    assert (
        document.render(lambda slot: wrapped)
        == '<p><span lang="en">The ferry left at dawn.</span></span></p>'
    )
    review = Resolution("⟦The ferry left at dawn.⟧", '<span class="tp-ok">', "</span>")
    assert (
        document.render(lambda slot: review)
        == '<p><span class="tp-ok">⟦The ferry left at dawn.⟧</span></span></p>'
    )
    assert document.render() == "<p>The ferry left</span> at dawn.</p>"


@pytest.mark.parametrize(
    "source, translated",
    [
        ("<p>Turn left -> right.</p>", "<p>⟦Turn left -> right.⟧</p>"),
        ("<p>Turn &nbsp;left -> <b>right</b>.</p>", "<p>⟦Turn &nbsp;left -> <b>right</b>.⟧</p>"),
        ("<p>Turn left -&gt; right.</p>", "<p>⟦Turn left -&gt; right.⟧</p>"),
    ],
)
def test_a_bracket_is_written_as_the_source_writes_it(source: str, translated: str) -> None:
    """``>`` is never markup in an element's text: where the source writes it as it is (``->``), a
    translation's is too (it was ``&gt;``, a byte the source did not have); ``<`` stays ``&lt;``."""
    assert pseudo(source) == translated
    document = read_html("<p>Turn left -> right.</p>", Path("a.html"), "utf-8", ReadOptions())
    assert document.render(lambda slot: Resolution("<script> -> x")) == "<p>&lt;script> -> x</p>"


@pytest.mark.parametrize(
    "markup, legend",
    [
        ("</>", "<1/> = HTML comment (comment)"),
        ("</3>", "<1/> = HTML comment (comment)"),
        ('</p class="note">', "<1/> = paragraph (p)"),
        ("</BR\n>", "<1/> = line break (br)"),
    ],
)
def test_the_legend_of_markup_showing_nothing_or_a_stray_end_tag_says_what_it_is(
    markup: str, legend: str
) -> None:
    """Translators read what a placeholder stands for: ``</>`` and ``</3>`` show nothing, as a
    comment (the legend said "element ()", "element (3)"), and a stray ``</p>`` with attributes is a
    paragraph (it said "element (p class="note")")."""
    document = read_html(
        f"<div>The port opens {markup}on Monday.</div>", Path("a.html"), "utf-8", ReadOptions()
    )
    [unit] = document.units()
    assert [placeholder.legend() for placeholder in unit.placeholders] == [legend]


def legends(source: str) -> dict[str, list[str]]:
    document = read_html(source, Path("a.html"), "utf-8", ReadOptions())
    return {
        unit.msgid: [placeholder.legend() for placeholder in unit.placeholders] for unit in document.units()
    }


@pytest.mark.parametrize(
    ("source", "offered"),
    [
        (  # a hidden link after another (Wikipedia's footer)
            '<li>Text is under the <a href="/by-sa">License</a><a href="/cc" style="display:none;"></a>; '
            "more terms may apply.</li>",
            {
                "Text is under the <1>License</1><2/>; more terms may apply.": [
                    "<1>…</1> = link (a) to /by-sa",
                    "<2/> = link (a) to /cc",
                ]
            },
        ),
        (  # a slot a script fills (BuzzFeed's lock dialog)
            '<p>Locked since <b class="post-lock-time"></b>.</p>',
            {"Locked since <1/>.": ["<1/> = bold (b)"]},
        ),
        (  # a kerning span inside a quotation (Wikipedia's citations)
            '<p>Read "<span class="cs1-kern-left"></span>\'Groundhog Day\' explained" or <i> </i>not.</p>',
            {
                "Read \"<1/>'Groundhog Day' explained\" or <2/>not.": [
                    "<1/> = span (span)",
                    "<2/> = italic (i)",
                ]
            },
        ),
        (  # an icon inside a link's text, a link holding only a picture
            '<p>See <a href="/x"><i class="icon"></i> the map</a> or <a href="/y"><img src="m.png"></a> here.</p>',
            {
                "See <1><2/> the map</1> or <3/> here.": [
                    "<1>…</1> = link (a) to /x",
                    "<2/> = italic (i)",
                    "<3/> = link (a) to /y",
                ]
            },
        ),
    ],
)
def test_markup_showing_no_text_is_one_standalone_placeholder_never_an_empty_pair(
    source: str, offered: dict[str, list[str]]
) -> None:
    """An element holding no text was offered as an empty pair (``since <1></1>.``), which asks the
    translator to write into it; it is one placeholder to keep, as an image is, and the page is the same."""
    assert {msgid: found for msgid, found in legends(source).items() if msgid in offered} == offered
    assert pseudo(source).replace("⟦", "").replace("⟧", "") == source


def test_buttons_are_units_of_their_own_never_one_sentence_of_a_row_of_controls() -> None:
    """The New York Times' masthead: a row of buttons and links was one unit of twelve placeholders
    (``<1><2></2><3>Sections</3></1> <4><5></5> <6>Home</6> </4> …``), where each label is a unit."""
    source = (
        '<div class="quick-navigation"><button class="button"><i class="icon"></i><span>Sections</span>'
        '</button><button class="button" title="Go to the home page."><i class="icon"></i>\n<span>Home</span>\n'
        '</button> <span class="wrap"><button>Search</button> <button>Log in</button></span></div>'
        "<p>Are you sure you want to share it? <button>Yes, show me sharing options</button></p>"
    )
    assert msgids(source) == [
        "Sections",
        "Go to the home page.",
        "Home",
        "Search",
        "Log in",
        "Are you sure you want to share it?",
        "Yes, show me sharing options",
    ]
    assert pseudo(source).replace("⟦", "").replace("⟧", "") == source
