"""Relative links between the pages of an MkDocs site (``../other.md``, ``faq.md#tickets``,
``deep/page.md``, and a page's own URL, ``../notes/``) in its translations, built by the real
``mkdocs build`` with mkdocs-static-i18n as ``transpub init`` sets it up: compile writes each as the
source has it (MkDocs and the plugin find a ``.md`` link's page in the page's language), and every
link of every page leads to a page built in that page's language, at its anchor; a page nobody
translated is the plugin's copy of the English one, in the language's folder."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from test_init_site import init
from test_multilingual_sites import (
    Built,
    add_to_config,
    mkdocs_build,
    needs_material,
    needs_mkdocs_i18n,
    translate,
)

#: The site's pages by their paths in its docs folder; notes.md is left untranslated (see
#: :func:`test_multilingual_sites.translate`).
PAGES = {
    "index.md": "# Harbour\n\nWelcome. Read [the intro](guide/intro.md) and [winter](other.md#winter).\n",
    "other.md": "# Other\n\n## Winter\n\nCold. See [the intro](guide/intro.md#first-steps), "
    "[deep](guide/deep/page.md) and [the notes](../notes/).\n",
    "guide/intro.md": "# Intro\n\n## First steps\n\nSee [other](../other.md), [winter](../other.md#winter), "
    "[tickets](faq.md#tickets), [deep](deep/page.md), [home](../index.md), [notes](../notes.md).\n",
    "guide/faq.md": "# FAQ\n\n## Tickets\n\nBuy them. [Intro](intro.md#first-steps), [winter](../../other/#winter).\n",
    "guide/deep/page.md": "# Deep\n\nGo [up](../../index.md), [tickets](../faq.md#tickets), "
    "[winter](../../other.md#winter).\n",
    "notes.md": "# Notes\n\nNothing here yet. [The intro](guide/intro.md).\n",
}

#: Each page's URL in the source language.
URLS = ["/", "/other/", "/guide/intro/", "/guide/faq/", "/guide/deep/page/", "/notes/"]

#: How many links each page's text has.
LINKS = {"/": 2, "/other/": 3, "/guide/intro/": 6, "/guide/faq/": 2, "/guide/deep/page/": 3, "/notes/": 1}


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(("suffix", "mkdocs"), marks=needs_mkdocs_i18n, id="suffix-mkdocs"),
        pytest.param(("folder", "material"), marks=needs_material, id="folder-material"),
    ],
)
def built(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Built]:
    """The site, set up by init in Spanish and German, pseudo-translated, compiled and built."""
    structure, theme = request.param
    site = tmp_path_factory.mktemp("mkdocs") / "harbour"
    docs = site / ("docs/en" if structure == "folder" else "docs")
    for name, text in PAGES.items():
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text(text, encoding="utf-8")
    settings = {"site_name": "Harbour", "site_url": "https://site.example/", "theme": {"name": theme}}
    (site / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    add_to_config(site / "mkdocs.yml", init(site, "-l", "es", "-l", "de"))
    if structure == "folder":  # (as init's note says: the plugin finds no navigation of its own)
        with (site / "mkdocs.yml").open("a", encoding="utf-8") as file:
            file.write(yaml.safe_dump({"nav": list(PAGES)}))
    translate(site)
    return docs, mkdocs_build(site)


@pytest.mark.parametrize("prefix", ["/", "/es/", "/de/"])
def test_every_relative_link_of_a_page_leads_to_a_page_of_its_language_at_its_anchor(
    built: tuple[Path, Built], prefix: str
) -> None:
    _, site = built
    for url in URLS:
        page = prefix + url.lstrip("/")
        links = site.links(page, f"{site.body}//a[not(@class='headerlink')]/@href")
        assert len(links) == LINKS[url], (page, links)
        assert [link for link in links if language(link) != prefix] == [], page
        assert [link for link in links if not site.leads_somewhere(link)] == [], page


def language(link: str) -> str:
    """The folder of the language of the page the root-relative ``link`` leads to (``/`` English)."""
    return next((folder for folder in ("/es/", "/de/") if link.startswith(folder)), "/")


def test_a_pseudo_translated_page_keeps_its_relative_links_as_written(built: tuple[Path, Built]) -> None:
    docs, _ = built
    for name in PAGES:
        if name == "notes.md":
            continue
        written = docs.parent / "es" / name if docs.name == "en" else docs / name.replace(".md", ".es.md")
        text = written.read_text("utf-8").replace("⟦", "").replace("⟧", "")
        assert text.split("\n\n", 2)[-1] == PAGES[name].split("\n\n", 2)[-1], name
