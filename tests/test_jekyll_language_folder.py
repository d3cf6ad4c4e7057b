"""A Jekyll site without ``_posts/`` whose pages are in a folder of the source language (``en/``):
``transpub init`` makes ``en`` the articles and writes each page's translation in ``es/``
(``[compile] layout = "polyglot"``, ``markdown_dir = "."``), where jekyll-polyglot reads its
language. Polyglot pairs a page's languages by its permalink, with the language folder taken out:
``en/ferry.md`` without one is its page at ``/en/ferry/``, paired with ``/ferry/``; so the
translation of a page that sets none gets that one (``permalink: "/ferry/"``), and polyglot serves
it at ``/es/ferry/`` (without it, at ``/es/es/ferry/``). With every translation ``⟦msgid⟧`` each
Spanish file is the English one with the marks removed but for that permalink.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from real_renderers import polyglot_build
from test_jekyll_site_pages import pseudo_translated, unmarked

CONFIG = """\
title: Harbour
permalink: pretty
plugins: [jekyll-polyglot]
languages: ["en", "es"]
default_lang: "en"
lang_from_path: true
parallel_localization: false
exclude: [locales, glossary, transpub.toml, site]
"""
#: The site's files, by path.
FILES = {
    "en/index.md": "---\ntitle: Home\n---\nWelcome to the harbour.\n",
    "en/ferry.md": "---\ntitle: Ferry\n---\nThe ferry leaves at noon.\n",
    "en/guide/pier.md": "---\ntitle: Pier\n---\nThe pier is long.\n",
    "en/about.md": "---\ntitle: About us\npermalink: /about/\n---\nWe report on the harbour.\n",
    "en/README.md": "How to write a page (no front matter: Jekyll copies it as it is).\n",
}
#: By file, the URL Jekyll with polyglot gives the English page, and the one its Spanish page gets.
URLS = {
    "en/index.md": ("/en/", "/es/"),
    "en/ferry.md": ("/en/ferry/", "/es/ferry/"),
    "en/guide/pier.md": ("/en/guide/pier/", "/es/guide/pier/"),
    "en/about.md": ("/about/", "/es/about/"),
}
#: The permalink each Spanish page gets where the English one sets none.
PERMALINKS = {"en/index.md": "/", "en/ferry.md": "/ferry/", "en/guide/pier.md": "/guide/pier/"}

#: What init said, by site.
SAID: dict[Path, str] = {}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, pseudo-translated (see :func:`test_jekyll_site_pages.pseudo_translated`)."""
    root = tmp_path_factory.mktemp("pages") / "site"
    SAID[root] = pseudo_translated(root, CONFIG, FILES)[0]
    return root


def spanish(name: str) -> str:
    return "es/" + name.removeprefix("en/")


def test_init_makes_the_english_folder_the_articles_translated_into_a_spanish_folder(site: Path) -> None:
    assert "its pages in en/ are the articles" in SAID[site]
    assert "permalink" not in SAID[site]  # (no page to give one by hand: compile does)
    assert sorted(path.relative_to(site / "es").as_posix() for path in (site / "es").rglob("*.md")) == [
        "about.md",
        "ferry.md",
        "guide/pier.md",
        "index.md",
    ]


@pytest.mark.parametrize("name", list(PERMALINKS))
def test_a_spanish_page_whose_english_one_sets_no_permalink_gets_its_url_without_the_language_folder(
    site: Path, name: str
) -> None:
    written = (site / spanish(name)).read_text(encoding="utf-8")
    assert "⟦" in written
    assert unmarked(written) == FILES[name].replace("---\n", f'---\npermalink: "{PERMALINKS[name]}"\n', 1)


def test_a_spanish_page_whose_english_one_sets_a_permalink_is_the_english_one_with_the_marks_removed(
    site: Path,
) -> None:
    written = (site / "es/about.md").read_text(encoding="utf-8")
    assert "⟦" in written and unmarked(written) == FILES["en/about.md"]


def test_the_english_pages_stay_as_they_are(site: Path) -> None:
    assert {name: (site / name).read_text(encoding="utf-8") for name in FILES} == FILES


@pytest.fixture(scope="module")
def built(site: Path) -> Path:
    """The site as jekyll with polyglot builds it: its ``_site``."""
    return polyglot_build(site)


@pytest.mark.jekyll
@pytest.mark.parametrize("name", list(URLS))
def test_polyglot_serves_each_spanish_page_under_es_at_the_english_ones_url_without_en(
    built: Path, name: str
) -> None:
    english_url, spanish_url = URLS[name]
    english = (built / english_url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    translated = (built / spanish_url.lstrip("/") / "index.html").read_text(encoding="utf-8")
    first = FILES[name].split("---\n")[2].split("\n")[0]
    assert lxml.html.fromstring(translated).xpath("//p/text()")[0] == f"⟦{first}⟧"
    assert unmarked(translated) == english


@pytest.mark.jekyll
def test_polyglot_publishes_no_spanish_page_under_es_es(built: Path) -> None:
    assert not (built / "es" / "es").exists()
