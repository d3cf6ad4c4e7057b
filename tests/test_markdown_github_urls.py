"""Bare URLs of a Markdown page no generator is named for (``[compile] heading_ids`` unset: a README
read on GitHub, say), as GitHub's cmark-gfm links them. GFM's rules as written start a bare URL only
after a space, ``*``, ``_``, ``~`` or ``(``; cmark-gfm links ``https://`` and ``ftp://`` after any
character but an ASCII letter (``访问https://a.org``, ``“https://a.org”``). Read as text, every
translation, the pseudo-translation too, wrote such a URL ``https&#58;//…``: no link on GitHub. Right
after a character outside ASCII it is a placeholder, written as the source writes it.
"""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from markdown_translations import text_units
from test_compile_helpers import run_cli
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.md_reader import read_markdown

#: Paragraphs with a bare URL GitHub links where GFM's rules as written do not, and their units (the
#: URL runs to the next space, as GFM runs it).
GLUED = {
    "访问https://a.org/docs了解更多。\n": "访问<1/>",
    "Key: “https://a.org/x” is it.\n": "Key: “<1/> is it.",
    "Files on «ftp://ftp.a.org/pub» today.\n": "Files on «<1/> today.",
}


def _read(source: str, options: ReadOptions) -> list[str]:
    document = read_markdown(source, Path("a.md"), "utf-8", options)
    return [unit.msgid for unit in text_units(document)]


def _pseudo(source: str) -> str:
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "")


def test_translators_see_a_url_github_links_after_a_character_as_a_placeholder() -> None:
    assert [_read(source, ReadOptions())[0] for source in GLUED] == list(GLUED.values())
    # (none after a [ that nothing closes, where GitHub links none either)
    assert _read("Text [in 中https://a.org/x brackets.\n", ReadOptions()) == [
        "Text [in 中https://a.org/x brackets."
    ]
    # (Hugo's Goldmark and MkDocs' magiclink show it as text: so it is offered where they build the site)
    source = "访问https://a.org/docs了解更多。\n"
    assert _read(source, ReadOptions(goldmark_urls=True)) == _read(source, ReadOptions(magiclink_urls=True))
    assert _read(source, ReadOptions(goldmark_urls=True)) == ["访问https://a.org/docs了解更多。"]


@pytest.mark.parametrize("source", GLUED)
def test_a_pseudo_translated_page_is_its_source(source: str) -> None:
    assert _pseudo(source) == source


def test_a_translation_gluing_text_to_the_url_writes_it_apart_only_where_the_source_does_not() -> None:
    document = read_markdown("访问https://a.org/docs了解更多。\n", Path("a.md"), "utf-8", ReadOptions())
    # (after the source's own character as the source writes it; after another, apart, so that every
    # renderer links it: Goldmark after the comment)
    assert document.render(lambda slot: Resolution("请访问<1/>")) == "请访问https://a.org/docs了解更多。\n"
    assert (
        document.render(lambda slot: Resolution("Visit<1/>")) == "Visit<!-- -->https://a.org/docs了解更多。\n"
    )


def test_a_project_naming_no_generator_offers_the_url_github_links_as_a_placeholder(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "page.md").write_text("访问https://a.org/docs了解更多。\n", encoding="utf-8")
    (tmp_path / "transpub.toml").write_text(
        '[project]\nsource_locale = "zh_CN"\nlocales = ["en"]\n\n[compile]\nformat = "markdown"\n',
        encoding="utf-8",
    )
    assert run_cli(tmp_path, "extract").exit_code == 0
    catalog = polib.pofile(str(tmp_path / "locales" / "en" / "LC_MESSAGES" / "page.po"))
    assert [entry.msgid for entry in catalog] == ["访问<1/>"]
