"""kramdown's own syntax on a Jekyll site (``transpub init`` sets ``heading_ids = "jekyll"``), which
CommonMark reads otherwise: a line ending in ``\\\\`` is a line break (a backslash only where the
block ends there), a line ``^`` ends the block above it (in a list item, a ``^`` indented as the
item's text), and the first list with the attribute list
``{:toc}`` (``{:footnotes}``) is where the table of contents (the footnotes) goes, its text never
shown; a ``{::comment}``…``{:/comment}`` (or ``{::nomarkdown}``) pair inside a paragraph is kept as
written, as a block of them and attribute lists are (one on the line under an HTML element, such as
just-the-docs' ``<summary>``, ends that HTML block: the element's text is offered). With every
translation ``⟦msgid⟧`` the German pages are the English ones with the marks removed, as written and
as jekyll builds them, and translators are offered only what readers see. Hugo reads these as CommonMark, as before.
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

#: The English pages, by name: what each holds of kramdown's syntax.
PAGES = {
    "breaks": "Leave the car\\\\\nand take the ferry.\n\nThe quay is long\\\\\nand wide.\n",
    "blocks": "> A quote\n^\n> Another quote\n\nA paragraph\n^\nAnother paragraph\n",
    "items": (  # a ^ indented as an item's text ends the block above it in the item
        "* Board at pier 3\n  ^\n  Tickets are sold on board.\n\n1. Buy a ticket\n   ^\n2. Board the ferry\n\n"
        "> * Bikes travel free\n>   ^\n>   Dogs too\n"
    ),
    "contents": (
        "* TOC\n{:toc}\n\n## Harbour\n\nThe ferry leaves at six.[^1]\n\n* Only the first such list\n{:toc}\n\n"
        "1. Notes\n{:footnotes}\n\n[^1]: Weather permitting.\n"
    ),
    "attributes": (
        '{:lead: .lead #intro}\n\n{::options auto_ids="true" /}\n\nThe ferry leaves at six.\n{: lead}\n\n'
        "Tickets are sold on board.\n{:.note}\n\n{:#dogs}\nDogs travel free.\n\n"
        "Bikes *cost*{: .price} two euros.\n\n{::comment}\nMeet the crew at nine.\n{:/comment}\n\n"
        "{::comment}Check the tide table.{:/comment}\n\n"
        "Boarding starts {::comment}ask the crew{:/comment} at noon.\n\n"
        "Cabins are {::nomarkdown}<b>warm</b>{:/nomarkdown} at night.\n\n"
        "{::nomarkdown}\n<p>Crew only</p>\n{:/nomarkdown}\n"
    ),
    "details": (  # just-the-docs' table of contents, its summary given the attribute list under it
        '<details open markdown="block">\n  <summary>\n    Table of contents\n  </summary>\n'
        "  {: .text-delta }\n1. TOC\n{:toc}\n</details>\n\n## Harbour\n\nThe ferry leaves at six.\n"
    ),
}
#: What each page offers translators, its title first.
UNITS = {
    "breaks": ["Breaks", "Leave the car<1/>and take the ferry.", "The quay is long<1/>and wide."],
    "blocks": ["Blocks", "A quote", "Another quote", "A paragraph", "Another paragraph"],
    "items": [
        "Items",
        "Board at pier 3",
        "Tickets are sold on board.",
        "Buy a ticket",
        "Board the ferry",
        "Bikes travel free",
        "Dogs too",
    ],
    "contents": [
        "Contents",
        "Harbour",
        "The ferry leaves at six.",
        "Only the first such list",
        "Weather permitting.",
    ],
    "attributes": [
        "Attributes",
        "The ferry leaves at six.",
        "Tickets are sold on board.",
        "Dogs travel free.",
        "Bikes <1>cost</1><2/> two euros.",
        "Boarding starts <1/> at noon.",
        "Cabins are <1/> at night.",
    ],
    "details": ["Details", "Table of contents", "Harbour", "The ferry leaves at six."],
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A Jekyll site of the English pages in ``en/``, set up by init for German, extracted, every
    msgstr ``⟦msgid⟧``, compiled (its German pages in ``de/``)."""
    root = tmp_path_factory.mktemp("kramdown") / "site"
    (root / "en").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Harbour\nexclude: [locales, transpub.toml]\n", encoding="utf-8")
    for name, body in PAGES.items():
        page = f"---\ntitle: {name.capitalize()}\n---\n{body}"
        (root / "en" / f"{name}.md").write_text(page, encoding="utf-8")
    run(root, "init", "-l", "de")
    run(root, "extract")
    fill_pseudo(root)
    run(root, "compile")
    return root


def unmarked(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")


@pytest.mark.parametrize("name", list(PAGES))
def test_the_german_page_is_the_english_one_with_the_marks_removed(site: Path, name: str) -> None:
    english = (site / "en" / f"{name}.md").read_text(encoding="utf-8")
    german = (site / "de" / f"{name}.md").read_text(encoding="utf-8")
    assert unmarked(german).replace(" {#harbour}", "") == english
    assert "⟦" in german


@pytest.mark.parametrize("name", list(PAGES))
def test_translators_are_offered_what_readers_see_and_nothing_else(site: Path, name: str) -> None:
    (path,) = (site / "locales" / "de").rglob(f"{name}.po")
    assert [entry.msgid for entry in polib.pofile(str(path))] == UNITS[name]


@pytest.fixture(scope="module")
def built(site: Path) -> Path:
    """The site as jekyll builds it: its ``_site``."""
    if JEKYLL is None:
        pytest.skip("jekyll is not installed (make test installs the Debian package jekyll)")
    return jekyll_build(site)


def shown(path: Path) -> bytes:
    """The page at ``path``, its marks removed, as lxml writes it out."""
    return lxml.html.tostring(lxml.html.fromstring(unmarked(path.read_text(encoding="utf-8"))))


@pytest.mark.jekyll
@pytest.mark.parametrize("name", list(PAGES))
def test_jekyll_builds_the_german_page_as_the_english_one_with_the_marks_removed(
    built: Path, name: str
) -> None:
    assert shown(built / "de" / f"{name}.html") == shown(built / "en" / f"{name}.html")


@pytest.mark.parametrize("source", ["The quay is long\\\\\n", "## The quay is long\\\\\n"])
def test_a_backslash_pair_ending_a_paragraph_or_a_heading_is_a_backslash_on_a_jekyll_site_too(
    source: str,
) -> None:
    """kramdown breaks a line there only when the block goes on: else it shows the escaped backslash."""
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions(kramdown=True))
    assert [unit.msgid for unit in document.units("a.md")] == ["The quay is long\\"]


@pytest.mark.parametrize(
    ("source", "offered"),
    [
        ("A paragraph\n  ^\n", ["A paragraph ^"]),
        ("* Cabins are warm\n    ^\n", ["Cabins are warm ^"]),
        ("* Cabins are warm\n\n^ at night\n", ["Cabins are warm", "^ at night"]),
    ],
)
def test_a_caret_indented_otherwise_than_a_list_items_text_is_text_on_a_jekyll_site(
    source: str, offered: list[str]
) -> None:
    """kramdown ends a block at a ``^`` alone at the margin, or at that of the item's text."""
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions(kramdown=True))
    assert [unit.msgid for unit in document.units("a.md")] == offered


@pytest.mark.parametrize(
    ("source", "offered"),
    [
        ("Leave the car\\\\\nand take the ferry.\n", ["Leave the car\\ and take the ferry."]),
        ("> A quote\n^\n> Another quote\n", ["A quote ^ Another quote"]),
        ("* TOC\n{:toc}\n", ["TOC"]),
        ("Boarding starts {::comment}ask{:/comment} at noon.\n", ["Boarding starts <1>ask</1> at noon."]),
    ],
)
def test_a_hugo_site_reads_kramdown_syntax_as_commonmark_as_before(source: str, offered: list[str]) -> None:
    """Goldmark shows the backslash, the caret, the list and the comment's braces and words."""
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units("a.md")] == offered
