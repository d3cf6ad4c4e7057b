"""A Jekyll site whose ``_config.yml`` sets ``collections_dir: my_collections`` keeps its posts
(``my_collections/_posts/``) and every collection's documents (``my_collections/_recipes/``) there:
``transpub init`` makes the site's folder the articles with them (``[compile] jekyll_collections_dir``),
each post's and document's translation where jekyll-polyglot reads its language
(``my_collections/_posts/es/``, ``my_collections/_recipes/es/``), a page's in ``es/``. What Jekyll
does not read there is no article: a ``_posts/`` or ``_recipes/`` folder outside it, its drafts, a
collection's it does not publish. Jekyll names a post or document by its path in that folder
(``{% link _recipes/fish-soup.md %}``), so a Spanish page's tags name the Spanish files so.
Where ``source`` moves the site too, the posts alone are the articles (``layout = "directory"``),
and a collection's documents in a folder of the source language (``coll/_recipes/en/``) get theirs
beside it (``coll/_recipes/es/``; ``_recipes/es/`` on a site without ``collections_dir``), their
tags too naming files as Jekyll does.
Built by jekyll with polyglot, each Spanish page is served at ``/es`` + the English one's URL (a
document of ``_recipes/en/``: without its ``/en``).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from exchange_project import run
from real_renderers import polyglot_build
from test_jekyll_site_pages import pseudo_translated, unmarked

POLYGLOT = """\
plugins: [jekyll-polyglot]
languages: ["en", "es"]
default_lang: "en"
lang_from_path: true
parallel_localization: false
exclude: [locales, glossary, transpub.toml, site]
"""
CONFIG = f"""\
title: Harbour
permalink: pretty
collections_dir: my_collections
{POLYGLOT}collections:
  recipes:
    output: true
  desk:
    output: false
defaults:
  - scope: {{path: my_collections/_recipes/sea, type: recipes}}
    values: {{permalink: "/dishes:path/"}}
  - scope: {{path: _recipes/cakes, type: recipes}}
    values: {{permalink: "/cakes/:name/"}}
"""
#: The site's files, by path: its pages, post and documents, and what Jekyll reads as none.
FILES = {
    "my_collections/_posts/2024-05-02-harbour.md": "---\ntitle: Harbour reopens\n---\nThe harbour reopens today.\n",
    "my_collections/_recipes/fish-soup.md": "---\ntitle: Fish soup\n---\nThe soup of the harbour.\n",
    "my_collections/_recipes/sea/eel.md": "---\ntitle: Eel\n---\nSmoked eel.\n",
    "my_collections/_recipes/cakes/plum.md": "---\ntitle: Plum cake\n---\nA plum cake.\n",
    "my_collections/guide.md": "---\ntitle: Guide\n---\nA page in the collections' folder.\n",
    "about.md": "---\ntitle: About us\npermalink: /about/\n---\nWe report on the harbour.\n",
    "index.md": "---\ntitle: Home\n---\nRead [the news]({% post_url 2024-05-02-harbour %}) and "
    "[the soup]({% link _recipes/fish-soup.md %}).\n",
    "_posts/2024-01-01-stray.md": "---\ntitle: Stray\n---\nOutside collections_dir: Jekyll reads no post here.\n",
    "_recipes/stray.md": "---\ntitle: Stray\n---\nOutside collections_dir: no document.\n",
    "my_collections/_drafts/2024-06-01-soon.md": "---\ntitle: Soon\n---\nNot yet.\n",
    "my_collections/_desk/strike.md": "---\ntitle: Strike\n---\nNot for the site.\n",
    "_layouts/default.html": "<html><body>{{ content }}</body></html>\n",
}
#: The English pages' URLs, by file.
URLS = {
    "my_collections/_posts/2024-05-02-harbour.md": "/2024/05/02/harbour/",
    "my_collections/_recipes/fish-soup.md": "/recipes/fish-soup/",
    "my_collections/_recipes/sea/eel.md": "/dishes/sea/eel/",
    "my_collections/_recipes/cakes/plum.md": "/cakes/plum/",
    "my_collections/guide.md": "/my_collections/guide/",
    "about.md": "/about/",
    "index.md": "/",
}
#: Where each one's Spanish file is written.
SPANISH = {
    "my_collections/_posts/2024-05-02-harbour.md": "my_collections/_posts/es/2024-05-02-harbour.md",
    "my_collections/_recipes/fish-soup.md": "my_collections/_recipes/es/fish-soup.md",
    "my_collections/_recipes/sea/eel.md": "my_collections/_recipes/es/sea/eel.md",
    "my_collections/_recipes/cakes/plum.md": "my_collections/_recipes/es/cakes/plum.md",
    "my_collections/guide.md": "es/my_collections/guide.md",
    "about.md": "es/about.md",
    "index.md": "es/index.md",
}
#: What init said, by site.
SAID: dict[Path, str] = {}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, set up by init for Spanish and pseudo-translated (see ``pseudo_translated``)."""
    root = tmp_path_factory.mktemp("collections") / "site"
    SAID[root] = pseudo_translated(root, CONFIG, FILES)[0]
    return root


def test_init_says_the_posts_and_documents_translations_go_into_the_collections_dir(site: Path) -> None:
    assert "(es/, my_collections/_posts/es/, my_collections/_recipes/es/)" in SAID[site]
    assert 'jekyll_collections_dir = "my_collections"' in (site / "transpub.toml").read_text(encoding="utf-8")


def test_translators_are_offered_the_posts_and_documents_jekyll_reads_in_the_collections_dir(
    site: Path,
) -> None:
    catalogs = site / "locales" / "es" / "LC_MESSAGES"
    assert sorted(path.relative_to(catalogs).as_posix() for path in catalogs.rglob("*.po")) == sorted(
        name.removesuffix(".md") + ".po" for name in URLS
    )


@pytest.mark.parametrize(
    "name", [name for name in SPANISH if name != "index.md"]
)  # (index.md: its tags, below)
def test_each_spanish_file_is_where_polyglot_reads_its_language_and_is_the_english_one_unmarked(
    site: Path, name: str
) -> None:
    """A post, or a page or document that sets its permalink, as it is; one that sets none with the
    English one's URL as its permalink (polyglot pairs their languages by it)."""
    spanish = unmarked((site / SPANISH[name]).read_text(encoding="utf-8"))
    sets_one = "permalink:" in FILES[name] or "_posts/" in name
    permalink = f'---\npermalink: "{URLS[name]}"\n'
    assert spanish == (FILES[name] if sets_one else FILES[name].replace("---\n", permalink, 1))


def test_a_spanish_pages_liquid_tags_name_the_spanish_files_as_jekyll_names_them(site: Path) -> None:
    spanish = unmarked((site / "es" / "index.md").read_text(encoding="utf-8"))
    english = FILES["index.md"].replace("---\n", '---\npermalink: "/"\n', 1)
    assert spanish == english.replace("2024-05-02", "es/2024-05-02").replace("_recipes/", "_recipes/es/")


@pytest.fixture(scope="module")
def built(site: Path) -> Path:
    """The site as jekyll with polyglot builds it: its ``_site``."""
    return polyglot_build(site)


@pytest.mark.jekyll
@pytest.mark.parametrize("name", list(URLS))
def test_polyglot_serves_each_spanish_page_under_es_at_the_english_ones_url(built: Path, name: str) -> None:
    english = (built / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    spanish = (built / "es" / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    assert lxml.html.fromstring(spanish).xpath("//p")[0].text.startswith("⟦")
    if name != "index.md":
        assert unmarked(spanish) == english


@pytest.mark.jekyll
def test_the_spanish_home_pages_links_lead_to_the_spanish_post_and_document(built: Path) -> None:
    home = lxml.html.fromstring((built / "es" / "index.html").read_text(encoding="utf-8"))
    assert home.xpath("//a/@href") == ["/es/2024/05/02/harbour/", "/es/recipes/fish-soup/"]


def test_compile_names_a_translated_post_in_the_collections_dir_when_the_site_loads_no_polyglot(
    tmp_path: Path,
) -> None:
    config = CONFIG.replace("plugins: [jekyll-polyglot]\n", "")
    compiled = " ".join(pseudo_translated(tmp_path / "site", config, FILES)[1].split())
    assert (
        "reads its language (my_collections/_posts/es/2024-05-02-harbour.md), but the site lists no "
        "jekyll-polyglot in its plugins"
    ) in compiled


def test_compile_and_status_name_each_held_back_page_by_the_file_it_would_write_in_the_collections_dir(
    tmp_path: Path,
) -> None:
    """Nothing translated yet: each page's line names where its Spanish file goes (a post's in
    ``my_collections/_posts/es/``, a page's in ``es/``), as the line of a page written does, at the
    next run too (nothing changed: what the last one reported)."""
    root = tmp_path / "site"
    root.mkdir()
    (root / "_config.yml").write_text(CONFIG, encoding="utf-8")
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    assert run(root, "init", "-l", "es").exit_code == 0
    assert run(root, "extract").exit_code == 0
    compiled, again = run(root, "compile").output, run(root, "compile").output  # (then as recorded)
    for spanish in SPANISH.values():
        said = f"{spanish}: not published: 0% translated, below the 80% needed to publish"
        assert said in compiled and said in again, compiled
        assert not (root / spanish).exists()
    status = run(root, "status").output  # (what a compile now would do: named as compile names it)
    for spanish in SPANISH.values():
        assert f"\n    {spanish} (locales/es/LC_MESSAGES/" in status, status
    assert status.count("): 0% translated, below the 80% needed to publish\n") == len(SPANISH)


#: A site whose ``source`` is ``src`` and ``collections_dir`` ``coll``: its posts alone are the articles.
MOVED = f"title: Harbour\npermalink: pretty\nsource: src\ncollections_dir: coll\n{POLYGLOT}"
MOVED_FILES = {
    "src/coll/_posts/2024-05-02-harbour.md": "---\ntitle: Harbour\n---\nThe harbour. See "
    "[the storm]({% link _posts/2024-05-04-storm.md %}).\n",
    "src/coll/_posts/2024-05-04-storm.md": "---\ntitle: Storm\n---\nA storm.\n",
    "src/index.md": "---\ntitle: Home\n---\nHome.\n",
}


@pytest.fixture(scope="module")
def moved(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of :data:`MOVED`, set up by init for Spanish and pseudo-translated."""
    root = tmp_path_factory.mktemp("moved") / "site"
    pseudo_translated(root, MOVED, MOVED_FILES)
    return root


def test_a_moved_sites_spanish_post_links_by_the_name_jekyll_gives_the_spanish_post(moved: Path) -> None:
    spanish = (moved / "src/coll/_posts/es/2024-05-02-harbour.md").read_text(encoding="utf-8")
    assert "({% link _posts/es/2024-05-04-storm.md %})" in spanish


@pytest.mark.jekyll
def test_a_moved_sites_spanish_post_is_served_under_es_linking_to_the_spanish_post(moved: Path) -> None:
    built = polyglot_build(moved, its_source=True)  # (--source would replace its source: src)
    page = lxml.html.fromstring((built / "es/2024/05/02/harbour/index.html").read_text(encoding="utf-8"))
    assert page.xpath("//a/@href") == ["/es/2024/05/04/storm/"]


#: A site whose collection's documents are in a folder of the source language (``_recipes/en/``).
RECIPES = f"title: Harbour\npermalink: pretty\ncollections_dir: coll\ncollections:\n  recipes:\n    output: true\n{POLYGLOT}"
RECIPE_FILES = {
    "coll/_recipes/en/soup.md": "---\ntitle: Soup\n---\nThe soup. See [the pie]({% link _recipes/en/pie.md %}).\n",
    "coll/_recipes/en/pie.md": "---\ntitle: Pie\n---\nA pie.\n",
    "index.md": "---\ntitle: Home\n---\nHome.\n",
}


@pytest.fixture(scope="module", params=["coll/", ""], ids=["collections_dir", "site"])
def recipes(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, str, str]:
    """The site of :data:`RECIPES` (without its ``collections_dir`` for the second), set up by init
    for Spanish and pseudo-translated; what init said, and the folder of its ``_recipes``."""
    folder = request.param
    root = tmp_path_factory.mktemp("recipes") / "site"
    config = RECIPES if folder else RECIPES.replace("collections_dir: coll\n", "")
    files = {name.replace("coll/", folder, 1): text for name, text in RECIPE_FILES.items()}
    return root, pseudo_translated(root, config, files)[0], folder


def test_a_collections_documents_in_a_language_folder_are_translated_beside_it_in_the_collections_dir(
    recipes: tuple[Path, str, str],
) -> None:
    """``layout = "directory"``: ``coll/_recipes/en/`` → ``coll/_recipes/es/`` (``_recipes/en/`` →
    ``_recipes/es/`` without it), which polyglot reads as Spanish, the Spanish soup's link naming the
    Spanish pie as Jekyll names it, and its permalink the English soup's URL (``/recipes/en/soup/``)
    without the language folder."""
    site, said, folder = recipes
    assert (
        f"its recipes in {folder}_recipes/en/ are the articles" in said and f"({folder}_recipes/es/)" in said
    )
    spanish = unmarked((site / f"{folder}_recipes/es/soup.md").read_text(encoding="utf-8"))
    english = RECIPE_FILES["coll/_recipes/en/soup.md"].replace(
        "---\n", '---\npermalink: "/recipes/soup/"\n', 1
    )
    assert spanish == english.replace("_recipes/en/", "_recipes/es/")


@pytest.mark.jekyll
def test_polyglot_serves_the_spanish_document_at_es_and_the_english_ones_url_without_en(
    recipes: tuple[Path, str, str],
) -> None:
    """The English soup at ``/recipes/en/soup/``, the Spanish one at ``/es/recipes/soup/`` (not
    ``/es/recipes/es/soup/``), as a page of ``en/`` is at ``/es/`` + its URL without ``/en``."""
    built = polyglot_build(recipes[0])
    page = lxml.html.fromstring((built / "es/recipes/soup/index.html").read_text(encoding="utf-8"))
    assert page.xpath("//p")[0].text.startswith("⟦") and page.xpath("//a/@href") == ["/es/recipes/pie/"]
    assert (built / "recipes/en/soup/index.html").is_file() and not (built / "es/recipes/es").exists()
