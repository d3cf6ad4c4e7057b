"""Markdown articles (with front matter) are read as Markdown; plain-text articles like HTML ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.errors import ArticleError
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.formats.markdown import read_markdown, render_markdown_page

MARKDOWN = """---
title: Gold on skis
summary: A race through the forest.
author: Jane Roe
tags: [ski, mora]
date: 2024-03-03
---

# Gold on skis

She won **Vasaloppet** in [record time](https://example.org/vasa "The race").

- First item
- Second item
"""


def read(tmp_path: Path, name: str, text: str, **options):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    if path.suffix == ".md":  # read as Markdown (what read_article does for .md)
        return read_markdown(text, path, "utf-8", ReadOptions(**options), display_path=str(path))
    return read_article(path, ReadOptions(**options))


def test_markdown_front_matter_title_summary_and_tags_are_translatable(tmp_path: Path) -> None:
    units = {u.msgid: u for u in read(tmp_path, "a.md", MARKDOWN).units("a.md")}
    assert units["Gold on skis"].kind == "title"
    assert units["A race through the forest."].kind == "attribute:content"
    assert units["ski"].kind == "front-matter:tags"
    assert "She won <1>Vasaloppet</1> in <2>record time</2>." in units
    assert {"First item", "Second item", "The race"} <= set(units)


def test_markdown_saved_with_windows_line_endings_keeps_its_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "crlf.md"
    path.write_bytes(b"---\r\ntitle: CRLF title\r\nsummary: Sum.\r\nauthor: Li\r\n---\r\n\r\nBody.\r\n")
    document = read_markdown(path.read_bytes().decode("utf-8"), path, "utf-8", ReadOptions())
    assert [u.msgid for u in document.units()] == ["CRLF title", "Sum.", "Body."]
    assert document.render().encode() == path.read_bytes()


def test_raw_html_in_markdown_is_markup_not_text(tmp_path: Path) -> None:
    units = [
        u.msgid
        for u in read(tmp_path, "raw.md", 'Intro.\n\n<div class="box">Boxed <b>text</b></div>\n').units()
    ]
    assert units == ["Intro.", "Boxed <1>text</1>"]


def test_markdown_other_front_matter_keys_are_kept_and_not_translated(tmp_path: Path) -> None:
    document = read(tmp_path, "a.md", MARKDOWN)
    localized = document.render(lambda slot: Resolution(slot.msgid.upper()))
    assert "author: Jane Roe\ntags: [SKI, MORA]\ndate: 2024-03-03\n" in localized
    html = render_markdown_page(localized, "de", "a.md")
    assert '<meta name="author" content="Jane Roe" translate="no">' in html
    assert '<meta name="tags" content="SKI, MORA" translate="no">' in html
    assert '<meta name="date" content="2024-03-03" translate="no">' in html
    assert "Jane Roe" not in {u.msgid for u in document.units()}


def test_markdown_link_target_is_kept_when_translated(tmp_path: Path) -> None:
    document = read(tmp_path, "a.md", MARKDOWN)
    localized = document.render(lambda slot: Resolution(slot.msgid.replace("record time", "Rekordzeit")))
    assert '[Rekordzeit](https://example.org/vasa "The race")' in localized
    html = render_markdown_page(localized, "de", "a.md")
    assert '<a href="https://example.org/vasa" title="The race">Rekordzeit</a>' in html


def test_broken_front_matter_names_the_file_and_line(tmp_path: Path) -> None:
    text = "---\ntitle: Fine\nsummary: [unclosed\nauthor: x\n---\nBody.\n"
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "broken.md", text)
    assert caught.value.line is not None and caught.value.line >= 3
    assert str(caught.value).startswith(f"{tmp_path / 'broken.md'}:{caught.value.line}: front matter")


def test_front_matter_that_is_not_a_mapping_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="mapping"):
        read(tmp_path, "list.md", "---\n- a\n- b\n---\nBody.\n")


def test_markdown_without_front_matter_takes_its_title_from_the_heading(tmp_path: Path) -> None:
    document = read(tmp_path, "plain.md", "# Snow report\n\nDeep snow today.\n")
    assert [u.msgid for u in document.units()] == ["Snow report", "Deep snow today."]


def test_plain_text_first_line_is_title_and_blank_lines_separate_paragraphs(tmp_path: Path) -> None:
    text = "Platinum in Jingyue\n\nThe first paragraph & more.\nStill the first.\n\n\nThe second paragraph.\n"
    document = read(tmp_path, "seed.txt", text, segmentation="paragraph")
    units = document.units("seed.txt")
    assert [u.msgid for u in units] == [
        "Platinum in Jingyue",
        "The first paragraph & more. Still the first.",
        "The second paragraph.",
    ]
    assert len(units[0].refs) == 2  # the page title and the heading
    html = document.render()
    assert "<p>The first paragraph &amp; more.\nStill the first.</p>" in html


def test_plain_text_with_windows_line_endings(tmp_path: Path) -> None:
    document = read(tmp_path, "crlf.txt", "Title\r\n\r\nOne.\r\n\r\nTwo.\r\n")
    assert [u.msgid for u in document.units()] == ["Title", "One.", "Two."]


def test_unknown_suffix_is_an_article_error(tmp_path: Path) -> None:
    with pytest.raises(ArticleError, match="unknown article format"):
        read(tmp_path, "a.docx", "x")
