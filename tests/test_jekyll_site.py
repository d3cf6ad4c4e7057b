"""A small Jekyll site (tests/data/jekyll_site) translated by transpub and built by the real ``jekyll``.

The English pages are an HTML content page with Liquid (an output, a comment, a raw block, an
include with a caption) and a Markdown page (kramdown: emphasis, an include, a list, a footnote).
transpub writes their German copies into ``de/``; with every translation ``⟦msgid⟧``, the pages
Jekyll builds from them read as the English ones with the marks removed, the include shows the
translated caption and the comment stays hidden. Skipped, with the reason, where jekyll is missing
(``make test`` installs the Debian package jekyll).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from pseudo_catalogs import fill_pseudo
from real_renderers import jekyll_build, jekyll_page
from transpub.cli import main
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.md_reader import read_markdown

SITE = Path(__file__).parent / "data" / "jekyll_site"
JEKYLL = shutil.which("jekyll")
pytestmark = [
    pytest.mark.jekyll,
    pytest.mark.skipif(
        JEKYLL is None, reason="jekyll is not installed (make test installs the Debian package jekyll)"
    ),
]


def transpub(site: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", str(site), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, translated (every msgstr ``⟦msgid⟧``) and built by jekyll: its ``_site``."""
    site = tmp_path_factory.mktemp("jekyll") / "site"
    shutil.copytree(SITE, site)
    transpub(site, "extract")
    fill_pseudo(site)
    transpub(site, "compile")
    return jekyll_build(site)


def article(built: Path, path: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring((built / path).read_text(encoding="utf-8")).xpath("//article")[0]


def text(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().replace("⟦", "").replace("⟧", "").split())


@pytest.mark.parametrize("page", ["about.html", "ferries.html"])
def test_the_german_pages_read_as_the_english_ones_with_the_marks_removed(built: Path, page: str) -> None:
    english, german = article(built, f"en/{page}"), article(built, f"de/{page}")
    assert text(german) == text(english)
    assert german.findtext("h1").startswith("⟦")
    for attribute in ("src", "href"):  # every URL as in the English page
        assert german.xpath(f".//@{attribute}") == english.xpath(f".//@{attribute}")


def test_liquid_runs_in_the_german_html_page_with_the_translated_include_caption(built: Path) -> None:
    german = article(built, "de/about.html")
    assert german.findtext(".//figcaption") == "⟦The team in 2019⟧"
    assert german.xpath(".//img/@alt") == ["⟦The harbour team⟧"]
    shown = german.text_content()
    assert "Harbour News" in shown and "{% if %}" in shown  # site.title, and the raw block as written
    assert "TODO" not in shown and "{{" not in shown


def test_the_german_markdown_page_keeps_its_list_footnote_and_include(built: Path) -> None:
    german = article(built, "de/ferries.html")
    assert len(german.xpath(".//ul/li")) == 2 and german.xpath(".//div[@class='footnotes']")
    assert german.findtext(".//figcaption") == '⟦The new ferry, "Aurora"⟧'
    assert german.xpath(".//strong/text()") == ["every hour"]


def test_a_bare_url_a_chinese_translation_glues_text_to_stays_text_on_the_jekyll_page(tmp_path: Path) -> None:
    """kramdown links no bare URL: the English page shows the address and the URL as text, and so
    does the Chinese one, whose translation glues text to them (written as the source writes them,
    not ``<https://…>``, which kramdown makes a link)."""
    source = "Visit https://example.org/guide for details. Write to ann@example.com today.\n"
    chinese = {"Visit <1/> for details.": "访问<1/>了解详情。", "Write to <1/> today.": "今天写信给<1/>。"}
    written = read_markdown(source, Path("a.md"), "utf-8", ReadOptions()).render(
        lambda slot: Resolution(chinese.get(slot.msgid)), join_sentences=True, heading_ids="jekyll"
    )
    for name, text in (("en", source), ("zh", written)):
        (paragraph,) = lxml.html.fromstring(jekyll_page(text, tmp_path / name)).xpath("//p")
        assert [element.tag for element in paragraph.iterdescendants()] == [], (name, written)
        assert "https://example.org/guide" in paragraph.text and "ann@example.com" in paragraph.text
    assert paragraph.text == "访问https://example.org/guide了解详情。今天写信给ann@example.com。"


def test_a_brace_a_translation_writes_right_before_a_liquid_output_shows_and_the_output_still_runs(
    tmp_path: Path,
) -> None:
    source = "Welcome to {{ site.title }} today.\n"
    (unit,) = read_markdown(source, Path("a.md"), "utf-8", ReadOptions()).units("a.md")
    assert unit.msgid == "Welcome to <1/> today."
    written = read_markdown(source, Path("a.md"), "utf-8", ReadOptions()).render(
        lambda slot: Resolution("Bienvenue à {<1/>} aujourd'hui."), heading_ids="jekyll"
    )
    (paragraph,) = lxml.html.fromstring(jekyll_page(written, tmp_path / "fr")).xpath("//p")
    assert paragraph.text_content() == "Bienvenue à {a} aujourd’hui."  # (jekyll_page's site is titled a)
