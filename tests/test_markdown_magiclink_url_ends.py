"""A bare URL on a site MkDocs builds (``[compile] heading_ids = "mkdocs"``) ends at a ``*``, as
pymdownx.magiclink ends it: ``https://a.org*了解`` is the link ``https://a.org`` and the text
``*了解`` on MkDocs' page (with magiclink), ``https://a.org/*了*`` the link ``https://a.org/`` and
an emphasised 了. Read by GFM's rules, the placeholder hid ``*了解`` from translators, and a
pseudo-translation of ``https://a.org/*了*`` was written ``https://a.org/*了<!-- -->\\*``: its
emphasis lost. Each translated page links, with magiclink, what its source page links; without
magiclink no bare URL is a link, on either page."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from markdown_translations import text_units
from real_renderers import MKDOCS, MKDOCS_PYMDOWNX, mkdocs_page
from test_markdown_glued_urls import rendered, shown
from test_markdown_goldmark_url_ends import cases, pseudo, read_for_hugo, written

#: Sources whose bare URLs magiclink ends at a ``*`` GFM would take in.
SOURCES = [
    "Go https://a.org*了解 now.\n",
    "Go https://a.org/*了* now.\n",
    "Go www.example.com/x*y and `c` now.\n",
    "See *https://a.org/p*了 or ~https://b.org/q now.\n",
    "Go https://a.org/*%41了解 now.\n",
]


def test_translators_see_the_text_magiclink_shows_after_a_url_and_its_emphasis() -> None:
    msgids = [[unit.msgid for unit in text_units(read_for_hugo(source, "mkdocs"))] for source in SOURCES[:3]]
    assert msgids == [["Go <1/>*了解 now."], ["Go <1/><2>了</2> now."], ["Go <1/>*y and <2/> now."]]


def test_translators_see_the_percent_escapes_magiclink_shows_after_a_url() -> None:
    """magiclink reads the source, not the link's decoded text: ``%41`` after the ``*`` is text on
    its page (translators saw ``41了解``: the ``*%`` was lost), ``%2A`` is no ``*``."""
    sources = [SOURCES[4], "Go https://a.org/%2Ax now.\n", "Go www.a.org/%41*x now.\n"]
    msgids = [[unit.msgid for unit in text_units(read_for_hugo(source, "mkdocs"))] for source in sources]
    assert msgids == [["Go <1/>*%41了解 now."], ["Go <1/> now."], ["Go <1/>*x now."]]


def test_a_pseudo_translated_page_read_for_mkdocs_is_its_source() -> None:
    assert [pseudo(source, "mkdocs") for source in SOURCES] == SOURCES


def test_a_kept_asterisk_after_a_url_is_written_as_the_source_writes_it() -> None:
    assert written(SOURCES[0], "Los <1/>*了解 jetzt.", "mkdocs") == "Los https://a.org*了解 jetzt.\n"
    assert written(SOURCES[0], "了解<1/>*", "mkdocs") == "了解<!-- -->https://a.org*\n"


def test_magiclink_links_on_each_translated_page_what_it_links_on_the_source_page(tmp_path: Path) -> None:
    """Pseudo-translations (marks removed) and translations gluing text or markers to a URL."""
    found = cases(SOURCES, "mkdocs")
    pages = SOURCES + [pseudo(source, "mkdocs") for source in SOURCES] + [page for _, _, page in found]
    html = rendered("magiclink", pages, tmp_path)
    expected = dict(zip(SOURCES, map(shown, html[: len(SOURCES)]), strict=True))
    assert [expected[source] for source in SOURCES] == list(map(shown, html[len(SOURCES) : 2 * len(SOURCES)]))
    assert list(expected[SOURCES[1]]) == [("a", "https://a.org/")]
    failures = [
        (text, page, out)
        for (source, text, page), out in zip(found, html[2 * len(SOURCES) :], strict=True)
        if shown(out) != expected[source]
    ]
    assert not failures, (len(failures), len(found), failures[:6])


@pytest.mark.skipif(
    MKDOCS is None or not MKDOCS_PYMDOWNX, reason="mkdocs with pymdown-extensions is not installed"
)
def test_mkdocs_shows_a_translated_url_and_the_emphasis_after_it_as_on_the_source_page(
    tmp_path: Path,
) -> None:
    page = written(SOURCES[1], "Los <1/><2>了</2> jetzt.", "mkdocs")
    for config, links in (("", []), ("markdown_extensions:\n  - pymdownx.magiclink\n", ["https://a.org/"])):
        for markdown_page in (SOURCES[1], page):
            out = lxml.html.fromstring(mkdocs_page(markdown_page, tmp_path / "site", config))
            (paragraph,) = out.xpath("//p[em]")
            assert [a.get("href") for a in paragraph.iter("a")] == links, (config, markdown_page)
            assert [em.text_content() for em in paragraph.iter("em")] == ["了"]
