"""Emphasis on a site MkDocs builds (``[compile] heading_ids = "mkdocs"``), as Python-Markdown with
pymdownx.betterem shows it: ``**注意：**阅读`` and ``a**"b"**c`` are strong emphasis there, text
with asterisks in CommonMark (a closing run after punctuation and before a letter closes nothing).
Read by CommonMark's rules, translators got the asterisks as text and every translation, even the
pseudo-translation, wrote them escaped (``\\*\\*注意：\\*\\*``): MkDocs showed the asterisks and no
bold. Read for MkDocs, translators see the emphasis MkDocs shows; a page read for Hugo is unchanged.
A translation gluing a letter to such a run gets an empty comment beside it, as betterem's
``smart_enable: all`` (MkDocs-Material's documented setting) needs; glued as in the source, none.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import polib
import pytest

from markdown_translations import text_units
from test_compile_helpers import run_cli
from test_markdown_goldmark_url_ends import pseudo, read_for_hugo, written

#: Paragraphs whose emphasis Python-Markdown (betterem) shows and CommonMark does not.
SOURCES = [
    "**注意：**阅读说明。\n",
    'Run a**"quoted"**b now.\n',
    'See *"this"*here, then _that_.\n',
    "用**粗体（bold）**强调，*斜体。*好\n",
]


def test_translators_see_the_emphasis_mkdocs_shows_where_commonmark_shows_asterisks() -> None:
    msgids = [[unit.msgid for unit in text_units(read_for_hugo(source, "mkdocs"))] for source in SOURCES]
    assert msgids == [
        ["<1>注意：</1>阅读说明。"],
        ['Run a<1>"quoted"</1>b now.'],
        ['See <1>"this"</1>here, then <2>that</2>.'],
        ["用<1>粗体（bold）</1>强调，<2>斜体。</2>", "好"],
    ]
    # (Hugo's Goldmark shows them as text: so are they offered for a site Hugo builds)
    assert [unit.msgid for unit in text_units(read_for_hugo(SOURCES[0]))] == ["**注意：**阅读说明。"]


def test_a_pseudo_translated_page_read_for_mkdocs_is_its_source() -> None:
    assert [pseudo(source, "mkdocs") for source in SOURCES] == SOURCES


def test_a_translation_gluing_text_to_emphasis_is_written_as_mkdocs_closes_it() -> None:
    # betterem closes ** after punctuation before punctuation: no empty comment
    source = "**Note:** read the guide.\n"
    assert written(source, "<1>注意：</1>「阅读指南」。", "mkdocs") == "**注意：**「阅读指南」。\n"
    # before a letter: with smart_enable: all (MkDocs-Material's setting) ** closes no more than _ does
    assert written(source, "<1>注意：</1>阅读指南。", "mkdocs") == "**注意：**<!-- -->阅读指南。\n"
    assert written("_Visit_ the page.\n", "<1>访问</1>了解。", "mkdocs") == "_访问_<!-- -->了解。\n"
    # glued as in the source: as the source writes it, which the site shows as it shows the source's
    assert written(SOURCES[0], "<1>注意：</1>阅读指南。", "mkdocs") == "**注意：**阅读指南。\n"


def _emphasis(html: str) -> list[tuple[str, str]]:
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return sorted((str(e.tag), e.text_content()) for e in tree.iter("em", "strong"))


def test_mkdocs_shows_each_translated_page_with_the_emphasis_of_its_source_page() -> None:
    pytest.importorskip("pymdownx", reason="pymdown-extensions is not installed (the lock's test extra)")
    import markdown

    from test_markdown_mkdocs_material import rendered

    for source in SOURCES:
        assert _emphasis(rendered(pseudo(source, "mkdocs"))) == _emphasis(rendered(source)) != []
    page = written("**Note:** read *this*.\n", "<1>注意：</1>阅读<2>这个。</2>好", "mkdocs")
    assert _emphasis(rendered(page)) == [("em", "这个。"), ("strong", "注意：")], page
    smart = {"pymdownx.betterem": {"smart_enable": "all"}}
    html = markdown.markdown(page, extensions=["pymdownx.betterem"], extension_configs=smart)
    assert _emphasis(html) == [("em", "这个。"), ("strong", "注意：")], page


@pytest.mark.parametrize(
    "generator, offered", [("mkdocs", "<1>注意：</1>阅读说明。"), ("hugo", "**注意：**阅读说明。")]
)
def test_a_project_whose_site_mkdocs_builds_offers_its_emphasis(
    tmp_path: Path, generator: str, offered: str
) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "page.md").write_text(SOURCES[0], encoding="utf-8")
    (tmp_path / "transpub.toml").write_text(
        '[project]\nsource_locale = "zh_CN"\nlocales = ["en"]\n\n[compile]\nformat = "markdown"\n'
        f'heading_ids = "{generator}"\n',
        encoding="utf-8",
    )
    assert run_cli(tmp_path, "extract").exit_code == 0
    catalog = polib.pofile(str(tmp_path / "locales" / "en" / "LC_MESSAGES" / "page.po"))
    assert [entry.msgid for entry in catalog] == [offered]
