"""Deeply nested articles (issue 18, finding 6): read, extracted and compiled like any other, exactly."""

from __future__ import annotations

import time
from pathlib import Path, PurePosixPath

import pytest
from click.testing import CliRunner

from transpub.cli import main
from transpub.compile.permalinks import permalinks
from transpub.errors import ArticleError
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.project import init_project

DEEP_DIVS = "<p>Start.</p>\n" + "<div>" * 500 + "Deep text.\n"
DEEP_INLINE = "<p>" + "<b>" * 1000 + "Bold" + "</b>" * 1000 + " tail.</p>\n"
DEEP_MIXED = "<p>" + "<span><i>" * 600 + "Words here." + "</i></span>" * 600 + "</p>" + "<section>" * 800


@pytest.mark.parametrize("source", [DEEP_DIVS, DEEP_INLINE, DEEP_MIXED], ids=["divs", "inline", "mixed"])
def test_a_deeply_nested_article_round_trips_exactly(tmp_path: Path, source: str) -> None:
    path = tmp_path / "deep.html"
    path.write_text(source, encoding="utf-8")
    document = read_article(path, ReadOptions())
    assert document.render() == source
    upper = document.render(lambda slot: Resolution(slot.msgid.upper()))  # placeholders are digits
    assert upper.lower() == source.lower() and upper != source


def test_extract_and_compile_handle_500_unclosed_divs(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "deep.html").write_text(DEEP_DIVS, encoding="utf-8")
    for command in (["extract"], ["compile", "--threshold", "0"]):
        result = CliRunner().invoke(main, ["--project", str(tmp_path), *command])
        assert result.exit_code == 0, result.output
    assert "Deep text." in (tmp_path / "site" / "de" / "deep.html").read_text(encoding="utf-8")


DEEPEST_DIVS = "<p>Start.</p>\n" + "<div>" * 100_000 + "Deep text."
DEEPEST_INLINE = "<p>" + "<b>" * 100_000 + "Bold text." + "</b>" * 100_000 + "</p>\n"


@pytest.mark.parametrize("source", [DEEPEST_DIVS, DEEPEST_INLINE], ids=["100k divs", "100k inline"])
def test_an_article_nesting_100_000_elements_is_read_and_rendered_exactly(
    tmp_path: Path, source: str
) -> None:
    """The reader walks the tree on a stack of its own: no depth is too deep for Python's stack
    (it was refused past 10,000 levels, and needed a thread with a huge stack past 60)."""
    path = tmp_path / "abyss.html"
    path.write_text(source, encoding="utf-8")
    document = read_article(path, ReadOptions())
    assert document.units()[-1].msgid in ("Deep text.", "Bold text.")
    assert document.render() == source
    upper = document.render(lambda slot: Resolution(slot.msgid.upper()))
    assert upper.lower() == source.lower() and upper != source


def test_include_selectors_on_an_absurdly_deep_article_are_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "abyss.html"
    path.write_text("<p>Hi.</p>\n" + "<div>\n" * 2_001 + "Bottom.", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path, ReadOptions(include=("div",)))
    assert caught.value.line == 2_002 and "nested more than 2000 deep" in caught.value.message
    assert read_article(path, ReadOptions()).units()[-1].msgid == "Bottom."  # read whole without selectors


def test_a_sentence_with_more_markup_than_placeholders_can_number_is_kept_as_written(tmp_path: Path) -> None:
    """Placeholders have at most four digits: a sentence wrapped in 10,000 elements would number
    its markup past them, and a translation would publish ``<10000>`` as text. It is kept as written."""
    source = "<p>Before.</p><p>" + "<b>" * 10_000 + "Bold" + "</b>" * 10_000 + " tail.</p>\n"
    path = tmp_path / "wide.html"
    path.write_text(source, encoding="utf-8")
    document = read_article(path, ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Before."]
    assert document.render(lambda slot: Resolution(slot.msgid.upper())) == source.replace(
        "Before.", "BEFORE."
    )


#: A list ten deep (twenty levels to markdown-it: each a list and an item), then a paragraph.
TEN_DEEP_LIST = "# Outline\n\n" + "".join("  " * i + f"- Point {i}\n" for i in range(12)) + "\nThe end.\n"


def test_a_markdown_list_nested_ten_deep_and_the_page_after_it_are_offered(tmp_path: Path) -> None:
    # (markdown-it stops at 20 levels and skips the rest of the page: "Point 9" to "The end." were
    # never offered, written back untranslated, without a word)
    path = tmp_path / "outline.md"
    path.write_text(TEN_DEEP_LIST, encoding="utf-8")
    document = read_article(path, ReadOptions())
    assert [unit.msgid for unit in document.units()] == [
        "Outline",
        *(f"Point {i}" for i in range(12)),
        "The end.",
    ]
    assert not document.warnings
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "⟦The end.⟧" in pseudo and pseudo.replace("⟦", "").replace("⟧", "") == TEN_DEEP_LIST


def test_markdown_nested_past_what_can_be_read_is_kept_as_written_and_says_where(tmp_path: Path) -> None:
    source = "# Deep\n\nFirst.\n\n" + "> " * 150 + "Too deep.\n\nAfter.\n"
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "deep.md").write_text(source, encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 0, result.output
    assert "deep.md:5: " in result.output and "nested more than 100 deep" in result.output
    catalog = (tmp_path / "locales" / "de" / "LC_MESSAGES" / "deep.po").read_text(encoding="utf-8")
    assert 'msgid "First."' in catalog and "Too deep." not in catalog
    document = read_article(tmp_path / "articles" / "deep.md", ReadOptions())
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "⟦After.⟧" in pseudo and pseudo.replace("⟦", "").replace("⟧", "") == source


def test_a_link_thousands_of_folders_deep_under_a_sections_and_title_permalink_is_read_back_quickly(
    tmp_path: Path,
) -> None:
    """A Hugo site's ``posts = "/blog/:sections/:title/"``: an article's link 100,000 characters long
    below /blog/ (no page's: no file has so long a path) took 15 s to read back, each such link of a
    page as long (two tokens that take a path, matched in a time that grows with the square of its
    length)."""
    found = permalinks({"posts": "/blog/:sections/:title/"})
    assert found is not None
    harbour = tmp_path / "harbour.md"
    harbour.write_text("---\ntitle: The harbour\n---\nThe harbour reopens.\n", encoding="utf-8")
    found.add(PurePosixPath("posts/news/harbour.md"), "posts/news/harbour", harbour, {}, "posts/news")
    started = time.monotonic()
    assert found.slug("/blog/" + "a/" * 50_000 + "x.html") is None
    assert time.monotonic() - started < 5
    assert found.slug("/blog/posts/news/the-harbour/") == "posts/news/harbour"
