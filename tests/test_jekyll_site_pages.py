"""A Jekyll blog's own pages (``about.md`` with its permalink, ``index.md`` and ``contact.md``
without one, at the site's root) are translated with its posts: ``transpub init`` makes the site's
folder the articles (``[compile] layout = "polyglot"``), each page's translation in ``es/``, each
post's in ``_posts/es/``, each document's of a collection the site publishes (``output: true``) in
``_recipes/es/``, where jekyll-polyglot reads their language. What Jekyll does not publish
as a page is no article: its ``_layouts``, ``_includes`` and other ``_`` folders (a collection's
it does not publish too), what its ``exclude`` names, ``vendor/``, and a file without front
matter (``README.md``, which Jekyll copies as it is), nor a ``robots.txt`` with front matter (a
file of the site).
With every translation ``⟦msgid⟧`` each Spanish file is the English one with the marks
removed, but for the permalink a page or document that sets none gets (the URL of the English
one: polyglot pairs their languages by it, and publishes ``es/contact.md`` without one at
``/es/es/contact/``, ``_recipes/es/fish-soup.md`` at ``/es/recipes/es/fish-soup/``), and jekyll
with polyglot serves each Spanish page at ``/es`` + the English one's URL.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from exchange_project import run
from pseudo_catalogs import fill_pseudo
from real_renderers import polyglot_build

CONFIG = """\
title: Harbour
permalink: pretty
plugins: [jekyll-polyglot]
languages: ["en", "es"]
default_lang: "en"
lang_from_path: true
parallel_localization: false
exclude: [locales, glossary, transpub.toml, site, notes/]
collections:
  recipes:
    output: true
  drafts_desk:
    output: false
defaults:
  - scope: {path: _recipes/sea, type: recipes}
    values: {permalink: "/dishes:path/"}
"""
#: The site's files, by path: the pages and the post, and what is no page.
FILES = {
    "_posts/2024-05-02-harbour.md": "---\ntitle: Harbour reopens\n---\nThe harbour reopens today.\n",
    "about.md": "---\ntitle: About us\npermalink: /about/\n---\nWe report on the harbour.\n",
    "index.md": "---\ntitle: Home\n---\nWelcome to the harbour news.\n",
    "contact.md": "---\ntitle: Contact\n---\nWrite to the news desk.\n",
    "guide/ferry.md": "---\ntitle: Ferry\npermalink: /guide/ferry/\n---\nThe route.\n\n![The route](../assets/map.png)\n",
    "_posts/2024-05-03-map.md": "---\ntitle: A new map\n---\nSee the map.\n\n![The route](../assets/map.png)\n",
    "assets/map.png": "a map",
    "README.md": "How to build the site (no front matter: Jekyll copies it as it is).\n",
    "notes/plan.md": "---\ntitle: Plans\n---\nWhat we publish next week.\n",
    "vendor/bundle/doc.md": "---\ntitle: A gem's page\n---\nInstalled by bundler.\n",
    "_layouts/default.html": "<html><body>{{ content }}</body></html>\n",
    "_includes/note.html": '---\ntitle: x\n---\n<aside class="note">{{ include.text }}</aside>\n',
    "_drafts/2024-06-01-soon.md": "---\ntitle: Soon\n---\nNot yet.\n",
    "robots.txt": "---\nlayout: null\n---\nSitemap: {{ site.url }}/sitemap.xml\n",
    "_recipes/fish-soup.md": "---\ntitle: Fish soup\n---\nThe soup of the harbour.\n",
    "_recipes/pie.md": "---\ntitle: Pie\npermalink: /pies/apple/\n---\nAn apple pie.\n",
    "_recipes/sea/eel.md": "---\ntitle: Eel\n---\nSmoked eel.\n",
    "_drafts_desk/strike.md": "---\ntitle: Strike\n---\nNot for the site.\n",
}
#: The English pages' URLs, by file.
URLS = {"_posts/2024-05-02-harbour.md": "/2024/05/02/harbour/", "about.md": "/about/", "index.md": "/"}
URLS |= {
    "contact.md": "/contact/",
    "guide/ferry.md": "/guide/ferry/",
    "_posts/2024-05-03-map.md": "/2024/05/03/map/",
    "_recipes/fish-soup.md": "/recipes/fish-soup/",
    "_recipes/pie.md": "/pies/apple/",
    "_recipes/sea/eel.md": "/dishes/sea/eel/",
}
#: Where each one's Spanish file is written.
SPANISH = {
    "_posts/2024-05-02-harbour.md": "_posts/es/2024-05-02-harbour.md",
    "about.md": "es/about.md",
    "index.md": "es/index.md",
    "contact.md": "es/contact.md",
    "guide/ferry.md": "es/guide/ferry.md",
    "_posts/2024-05-03-map.md": "_posts/es/2024-05-03-map.md",
    "_recipes/fish-soup.md": "_recipes/es/fish-soup.md",
    "_recipes/pie.md": "_recipes/es/pie.md",
    "_recipes/sea/eel.md": "_recipes/es/sea/eel.md",
}


#: What compile said, by site.
COMPILED: dict[Path, str] = {}


def pseudo_translated(root: Path, config: str, files: dict[str, str]) -> tuple[str, str]:
    """The Jekyll site of ``config`` and ``files`` written in ``root``, set up by init for Spanish,
    extracted, every msgstr ``⟦msgid⟧``, compiled, and extracted again (as the next run of a user's
    workflow does); what init and compile said."""
    root.mkdir()
    (root / "_config.yml").write_text(config, encoding="utf-8")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    said = run(root, "init", "-l", "es").output
    run(root, "extract")
    fill_pseudo(root)
    compiled = run(root, "compile").output
    run(root, "extract")
    return said, compiled


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The blog, pseudo-translated (see :func:`pseudo_translated`; what compile said in :data:`COMPILED`)."""
    root = tmp_path_factory.mktemp("blog") / "site"
    COMPILED[root] = pseudo_translated(root, CONFIG, FILES)[1]
    return root


def unmarked(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")


def test_translators_are_offered_the_blogs_pages_beside_its_posts_and_nothing_jekyll_does_not_publish(
    site: Path,
) -> None:
    catalogs = site / "locales" / "es" / "LC_MESSAGES"
    assert sorted(path.relative_to(catalogs).as_posix() for path in catalogs.rglob("*.po")) == [
        "_posts/2024-05-02-harbour.po",
        "_posts/2024-05-03-map.po",
        "_recipes/fish-soup.po",
        "_recipes/pie.po",
        "_recipes/sea/eel.po",
        "about.po",
        "contact.po",
        "guide/ferry.po",
        "index.po",
    ]


@pytest.mark.parametrize(
    "name",
    [
        "_posts/2024-05-02-harbour.md",
        "about.md",
        "guide/ferry.md",
        "_posts/2024-05-03-map.md",
        "_recipes/pie.md",
    ],
)
def test_a_spanish_page_or_post_is_the_english_one_with_the_marks_removed(site: Path, name: str) -> None:
    spanish = (site / SPANISH[name]).read_text(encoding="utf-8")
    assert "⟦" in spanish and unmarked(spanish) == FILES[name]


@pytest.mark.parametrize("name", ["index.md", "contact.md", "_recipes/fish-soup.md", "_recipes/sea/eel.md"])
def test_a_spanish_page_whose_english_one_sets_no_permalink_gets_that_pages_url_as_its_permalink(
    site: Path, name: str
) -> None:
    spanish = (site / SPANISH[name]).read_text(encoding="utf-8")
    assert unmarked(spanish) == FILES[name].replace("---\n", f'---\npermalink: "{URLS[name]}"\n', 1)


def test_the_english_files_stay_as_they_are(site: Path) -> None:
    assert {name: (site / name).read_text(encoding="utf-8") for name in FILES} == FILES


@pytest.fixture(scope="module")
def built(site: Path) -> Path:
    """The site as jekyll with polyglot builds it: its ``_site``."""
    return polyglot_build(site)


@pytest.mark.jekyll
@pytest.mark.parametrize("name", list(URLS))
def test_polyglot_serves_each_spanish_page_under_es_at_the_english_ones_url(built: Path, name: str) -> None:
    english = (built / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    spanish = (built / "es" / URLS[name].lstrip("/") / "index.html").read_text(encoding="utf-8")
    first = FILES[name].split("---\n")[2].split("\n")[0]
    assert lxml.html.fromstring(spanish).xpath("//p/text()")[0] == f"⟦{first}⟧"
    assert unmarked(spanish) == english


@pytest.mark.jekyll
def test_polyglot_publishes_no_spanish_page_under_es_es(built: Path) -> None:
    assert not list((built / "es" / "es").rglob("*.html"))  # (an image copy is: see the README)


def test_an_image_a_page_names_is_copied_into_the_spanish_folder_and_a_posts_is_not_copied_into_posts(
    site: Path,
) -> None:
    """From ``_posts/es/``, ``../assets/map.png`` is ``_posts/assets/map.png``: in no Spanish folder,
    where no later run could tell it from the site's own file; compile says so instead."""
    assert (site / "es" / "assets" / "map.png").read_text(encoding="utf-8") == "a map"
    assert not (site / "_posts" / "assets").exists()
    assert (
        "Warning: _posts/2024-05-03-map.md:6: image '../assets/map.png': cannot copy it to _posts/assets/map.png "
        "(in no folder of es's files: that file keeps the reference as written)"
    ) in COMPILED[site]


def test_compile_warns_when_the_site_loads_no_polyglot_as_its_translated_posts_would_take_the_english_urls(
    site: Path, tmp_path: Path
) -> None:
    """Without jekyll-polyglot in _config.yml's plugins, Jekyll gives _posts/es/x.md the URL of
    _posts/x.md: one of the two pages is lost. compile says so once, naming _config.yml."""
    config = CONFIG.replace("plugins: [jekyll-polyglot]\n", "")
    compiled = pseudo_translated(tmp_path / "site", config, FILES)[1]
    assert (
        'Warning: _config.yml: [compile] layout = "polyglot" writes each translation where '
        "jekyll-polyglot reads its language (_posts/es/2024-05-02-harbour.md), but the site lists no "
        "jekyll-polyglot in its plugins"
    ) in " ".join(compiled.split()), compiled
    assert "jekyll-polyglot in its plugins" not in COMPILED[site]  # (the site that loads it)


def test_a_site_loading_polyglot_from_its_gemfiles_plugin_group_gets_no_warning_and_no_plugins_line(
    tmp_path: Path,
) -> None:
    """Jekyll loads the gems of the Gemfile's :jekyll_plugins group whatever _config.yml says: a
    site loading jekyll-polyglot so is told nothing is missing, by init (which adds no plugins: line
    to what it says to add to _config.yml) or compile."""
    config = CONFIG.replace("plugins: [jekyll-polyglot]\n", "")
    gemfile = 'source "https://rubygems.org"\ngem "jekyll", "~> 4.3"\ngroup :jekyll_plugins do\n  gem "jekyll-polyglot"\nend\n'
    said, compiled = pseudo_translated(tmp_path / "site", config, {**FILES, "Gemfile": gemfile})
    assert "jekyll-polyglot in its plugins" not in compiled
    assert "  - jekyll-polyglot" not in said


def test_compile_reads_the_sites_config_once_for_its_plugins_languages(
    site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whether the site loads jekyll-polyglot and which languages it builds are read from one
    reading of _config.yml, not one each."""
    from transpub.site_generators import jekyll

    reads: list[Path] = []
    read = jekyll.read_site_settings

    def counted(path: Path, generator: str) -> tuple[dict[str, object], str | None]:
        reads.append(path)
        return read(path, generator)

    monkeypatch.setattr(jekyll, "read_site_settings", counted)
    (site / "contact.md").touch()  # (compiled again: its translation is written anew)
    run(site, "compile", "-l", "es")
    assert reads == [site / "_config.yml"]
