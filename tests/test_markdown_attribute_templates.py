"""Template tokens in the attributes of a Markdown article's HTML, and in an image's alt text: Hugo
(and Jekyll) run them there as in the page's text, so each is a placeholder of its value's unit
(``Dial <1/> now``), written as the source writes it: a translation can only move it. Checked by
the real Hugo (see real_renderers)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from real_renderers import HUGO, hugo_page
from transpub.errors import PlaceholderMismatch
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Document, Resolution

PAGE = """---
title: Ferries
---
Help <abbr title="Call {{< phone >}} now">here</abbr>.

<div title="Dial {{< phone >}} now">
Boats leave at noon.
</div>

![Map {{< phone >}} port](map.png)
"""

#: Each unit's translation: the shortcode moved, and a translation's own one that must show as text.
GERMAN = {
    "Call <1/> now": "Jetzt <1/> anrufen, nicht {{< phone >}}",
    "Dial <1/> now": "Jetzt <1/> wählen, nicht {{< phone >}}",
    "Map <1/> port": "Karte <1/> Hafen",
}


def read(tmp_path: Path, text: str) -> Document:
    path = tmp_path / "ferries.md"
    path.write_text(text, encoding="utf-8")
    return read_article(path, ReadOptions(), display_path="ferries.md")


def pseudo(document: Document) -> str:
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))


def test_a_shortcode_in_an_attribute_or_alt_text_of_a_markdown_page_is_a_placeholder_kept_as_written(
    tmp_path: Path,
) -> None:
    document = read(tmp_path, PAGE)
    msgids = [unit.msgid for unit in document.units()]
    assert {"Call <1/> now", "Dial <1/> now", "Map <1/> port"} <= set(msgids)
    assert not [msgid for msgid in msgids if "{{" in msgid]
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == PAGE
    with pytest.raises(PlaceholderMismatch):  # (dropping the shortcode left the number out of the page)
        document.render(lambda slot: Resolution("Jetzt wählen" if slot.msgid == "Dial <1/> now" else None))


@pytest.mark.hugo
@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_runs_the_shortcode_of_a_translated_attribute_of_a_markdown_page_as_in_the_source(
    tmp_path: Path,
) -> None:
    translated = read(tmp_path, PAGE).render(lambda slot: Resolution(GERMAN.get(slot.msgid)))
    built = hugo_page(translated.split("---\n", 2)[2], tmp_path / "site", shortcodes={"phone": "+34 900"})
    shown = lxml.html.fragment_fromstring(built, create_parent="div")
    assert shown.xpath("//abbr/@title") == ["Jetzt +34 900 anrufen, nicht {{< phone >}}"]
    assert shown.xpath("//div/@title") == ["Jetzt +34 900 wählen, nicht {{< phone >}}"]
    assert shown.xpath("//img/@alt") == ["Karte +34 900 Hafen"]


def test_a_shortcode_in_an_unquoted_attribute_value_of_a_markdown_page_stays_in_its_one_value(
    tmp_path: Path,
) -> None:
    page = "Hi <abbr title=Call{{<phone>}}now>x</abbr>.\n\n<div title=Dial{{<phone>}}now>\nBoats.\n</div>\n"
    document = read(tmp_path, page)
    assert {"Call<1/>now", "Dial<1/>now"} <= {unit.msgid for unit in document.units()}
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == page
    translated = document.render(lambda slot: Resolution(slot.msgid.replace("now", " jetzt")))
    assert "<abbr title=Call{{<phone>}}&#32;jetzt>" in translated
    assert "<div title=Dial{{<phone>}}&#32;jetzt>" in translated


def test_a_shortcode_with_a_quoted_parameter_in_a_double_quoted_attribute_of_a_markdown_page_is_a_placeholder(
    tmp_path: Path,
) -> None:
    """``{{< phone "home" >}}`` in ``title="…"``: the value was read up to the parameter's quote, and
    the pseudo-translated page wrote ``&#123;{&lt; phone``, which Hugo showed as text."""
    page = 'Hi <abbr title="Call {{< phone "home" >}} now">x</abbr>.\n\n<div title="Dial {{< phone "home" >}} now">\nBoats.\n</div>\n'
    document = read(tmp_path, page)
    assert {"Call <1/> now", "Dial <1/> now"} <= {unit.msgid for unit in document.units()}
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == page


#: Alt texts holding a template token and an escape or entity: offered, the token a placeholder.
ALT_ESCAPES = {
    "![The {{< param x >}} \\*bridge\\*](a.png)\n": "The <1/> *bridge*",
    "![The {{< param x >}} &amp; bridge](b.png)\n": "The <1/> & bridge",
    "![A {{< param x >}} &#42;b&#42; \\[c\\] {{< param x >}} d](c.png)\n": "A <1/> *b* [c] <2/> d",
}


@pytest.mark.parametrize("body", ALT_ESCAPES)
def test_an_alt_text_with_a_shortcode_and_an_escape_or_entity_is_offered_and_comes_back_as_written(
    tmp_path: Path, body: str
) -> None:
    source = "---\ntitle: Ferries\n---\n" + body
    document = read(tmp_path, source)
    assert ALT_ESCAPES[body] in [unit.msgid for unit in document.units()]
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == source


#: Alt texts holding template tokens and emphasis or code beside them: offered, their text as Hugo
#: shows it (of emphasis and code only their text).
ALT_EMPHASIS = {
    "![The {{< param x >}} *bridge*](a.png)\n": "The <1/> bridge",
    "![A **big** {{< param x >}} `boat` {{< param y >}} *now*](b.png)\n": "A big <1/> boat <2/> now",
}
#: Emphasis or code around a token: its markers offered as written (cut at the token, its texts
#: would show otherwise than in the alt text).
ALT_AROUND_TOKENS = {
    "![*The {{< param x >}}* bridge](a.png)\n": "*The <1/>* bridge",
    "![A `{{< param x >}}` b](a.png)\n": "A `<1/>` b",
}


@pytest.mark.parametrize("body", ALT_EMPHASIS)
def test_an_alt_text_with_a_shortcode_and_emphasis_beside_it_is_offered_and_comes_back_as_written(
    tmp_path: Path, body: str
) -> None:
    # (it was kept as written, never offered: every translated page showed the English alt text)
    source = "---\ntitle: Ferries\n---\n" + body
    document = read(tmp_path, source)
    assert ALT_EMPHASIS[body] in [unit.msgid for unit in document.units()]
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == source


@pytest.mark.parametrize("body", ALT_AROUND_TOKENS)
def test_an_alt_text_with_emphasis_or_code_around_a_shortcode_is_offered_with_its_markers_as_written(
    tmp_path: Path, body: str
) -> None:
    source = "---\ntitle: Ferries\n---\n" + body
    document = read(tmp_path, source)
    assert [unit.msgid for unit in document.units()] == ["Ferries", ALT_AROUND_TOKENS[body]]
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == source


@pytest.mark.hugo
@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_shows_an_alt_text_with_a_shortcode_and_emphasis_as_its_source_pseudo_translated_and_translated(
    tmp_path: Path,
) -> None:
    body = "".join(ALT_EMPHASIS)
    document = read(tmp_path, "---\ntitle: Ferries\n---\n" + body)
    marked = pseudo(document).split("---\n", 2)[2]
    german = document.render(
        lambda slot: Resolution("Die <1/> Brücke" if slot.msgid == "The <1/> bridge" else None)
    ).split("---\n", 2)[2]
    settings = "[params]\nx = 'P&Q'\ny = 'Y'\n"
    pages = [
        hugo_page(page, tmp_path / name, settings)
        for name, page in [("s", body), ("m", marked), ("g", german)]
    ]
    source, shown, translated = (lxml.html.fragment_fromstring(page, create_parent="div") for page in pages)
    alts = source.xpath("//img/@alt")
    assert alts == ["The P&Q bridge", "A big P&Q boat Y now"]
    assert [alt.replace("⟦", "").replace("⟧", "") for alt in shown.xpath("//img/@alt")] == alts
    assert translated.xpath("//img/@alt") == ["Die P&Q Brücke", alts[1]]


@pytest.mark.hugo
@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_shows_a_translated_alt_text_with_a_shortcode_and_an_escape_as_typed_its_shortcode_run(
    tmp_path: Path,
) -> None:
    source = "---\ntitle: Ferries\n---\n" + "\n".join(ALT_ESCAPES)
    german = {
        "The <1/> *bridge*": "Die <1/> *Brücke* [x] <b>",
        "The <1/> & bridge": "Die <1/> & Brücke",
        "A <1/> *b* [c] <2/> d": "<2/> [c] und *b* <1/> d",
    }
    translated = read(tmp_path, source).render(lambda slot: Resolution(german.get(slot.msgid)))
    built = hugo_page(translated.split("---\n", 2)[2], tmp_path / "site", settings="[params]\nx = 'P&Q'\n")
    shown = lxml.html.fragment_fromstring(built, create_parent="div")
    # (Hugo 0.111 shows an alt text's escapes as written, the source's as well: "The P&Q \*bridge\*")
    assert shown.xpath("//img/@alt") == [
        "Die P&Q \\*Brücke\\* \\[x\\] &lt;b>",
        "Die P&Q & Brücke",
        "P&Q \\[c\\] und \\*b\\* P&Q d",
    ]
    assert not shown.xpath("//b | //em | //a")
