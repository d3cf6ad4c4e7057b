"""An HTML site whose languages are published on hosts of their own (``[locale.<name>] base_url``):
links that cross languages lead to the right host, links within one language stay relative."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from pseudo_catalogs import fill_pseudo
from test_compile_helpers import run_cli

STORY = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>The harbour</title>
<link rel="canonical" href="https://old.example/story">
<meta property="og:url" content="https://old.example/story">
</head>
<body>
<p>The harbour opened. See <a href="2024/ferry.html">the ferry</a> (<a href="/2024/ferry.html">its address</a>) and <a href="/docs/map.html">the map</a>.</p>
<p><img src="pic.png" alt="A ship"></p>
</body>
</html>
"""
#: An article loading a stylesheet, a script and images (``srcset``, a ``style``'s ``url()``).
GALLERY = """<html><head><title>The gallery</title><link rel="stylesheet" href="css/site.css">
<script src="js/menu.js"></script></head>
<body><p style="background:url('img/bg.png')">The quay at dawn.</p>
<picture><source srcset="img/quay-2x.png 2x"><img src="img/quay.png" alt="The quay"></picture></body></html>
"""
FERRY = "<html><head><title>The ferry</title></head><body><p>Back to <a href='../story.html'>the harbour</a>.</p></body></html>"

#: The newsroom: English at https://news.example/, German at https://news.example.de/.
HOSTS = """
[locale.en]
base_url = "https://news.example/"

[locale.de]
base_url = "https://news.example.de"
"""


def _newsroom(root: Path, locales: str = '"de"', config: str = HOSTS, gallery: bool = False) -> Path:
    """A project of two articles (three with ``gallery``: :data:`GALLERY`, in ``2024/``), extracted
    and pseudo-translated (every msgstr ``⟦msgid⟧``)."""
    (root / "articles" / "2024").mkdir(parents=True)
    (root / "transpub.toml").write_text(
        f'[project]\nname = "News"\nsource_locale = "en"\nlocales = [{locales}]\n{config}', encoding="utf-8"
    )
    (root / "articles" / "story.html").write_text(STORY, encoding="utf-8")
    (root / "articles" / "2024" / "ferry.html").write_text(FERRY, encoding="utf-8")
    (root / "articles" / "pic.png").write_bytes(b"\x89PNG\r\n")
    if gallery:
        (root / "articles" / "2024" / "gallery.html").write_text(GALLERY, encoding="utf-8")
        for name in ("css/site.css", "js/menu.js", "img/bg.png", "img/quay.png", "img/quay-2x.png"):
            (root / "articles" / "2024" / name).parent.mkdir(exist_ok=True)
            (root / "articles" / "2024" / name).write_text(name, encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    fill_pseudo(root)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    return root


def _read(root: Path, page: str) -> str:
    return (root / "site" / page).read_text(encoding="utf-8")


def _hreflangs(html: str) -> dict[str, str]:
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))


def _menu(html: str) -> dict[str, str]:
    """The language menu's links, by language."""
    nav = html.split('<nav class="transpub-languages"', 1)[1].split("</nav>", 1)[0]
    return {lang: href for href, lang in re.findall(r'<a href="([^"]+)" hreflang="([^"]+)"', nav)}


def _canonical_and_og_url(html: str) -> list[str]:
    return re.findall(
        r'<link rel="canonical" href="([^"]+)">|<meta property="og:url" content="([^"]+)">', html
    )


#: The URLs of the files a page loads: ``src``, ``srcset``, a ``<link>``'s ``href``, ``url()``.
_LOADED = re.compile(
    r'\bsrc="([^"]*)"|\bsrcset="([^"\s]*)|<link rel="stylesheet" href="([^"]*)"|url\(\'([^\']*)'
)


def _unloadable(folder: Path, pages: Path | None = None) -> list[str]:
    """Every file a page under ``pages`` (default: ``folder``) loads that is not a file within
    ``folder``, as ``page: url`` (an absolute URL counts as one: no page should need another host)."""
    missing = []
    for page in sorted((pages or folder).rglob("*.html")):
        for found in _LOADED.findall(page.read_text(encoding="utf-8")):
            url = html.unescape("".join(found))
            parts = urlsplit(url)
            target = (page.parent / unquote(parts.path)).resolve()
            if (
                parts.scheme
                or parts.netloc
                or not target.is_file()
                or not target.is_relative_to(folder.resolve())
            ):
                missing.append(f"{page.relative_to(folder).as_posix()}: {url}")
    return missing


def test_each_host_folder_has_every_file_its_pages_load(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news", gallery=True)
    assert run_cli(root, "compile", "--review").exit_code == 0
    site = root / "site"
    for host in ("en", "de"):  # each folder deployed alone at the root of its host
        assert _unloadable(site / host) == []
        gallery = _read(root, f"{host}/2024/gallery.html")
        assert '<link rel="stylesheet" href="../_assets/articles/2024/css/site.css">' in gallery
        assert "background:url('../_assets/articles/2024/img/bg.png')" in gallery
    assert (
        site / "de" / "_assets" / "articles" / "2024" / "img" / "quay-2x.png"
    ).read_text() == "img/quay-2x.png"
    assert not (site / "_assets").exists()  # (no language is published with the site's root folder)
    # review copies, read in the site's folder, load their language's files
    assert _unloadable(site, site / "_review") == []
    assert '<img src="../../../de/_assets/articles/2024/img/quay.png"' in _read(
        root, "_review/de/2024/gallery.html"
    )


def test_languages_in_folders_of_the_site_address_load_the_files_at_its_root(tmp_path: Path) -> None:
    config = '[compile]\nbase_url = "https://news.example/"\n\n[locale.de]\nbase_url = "https://news.example.de/"\n'
    root = _newsroom(tmp_path / "news", '"de", "fr"', config, gallery=True)
    assert run_cli(root, "compile", "--review").exit_code == 0
    site = root / "site"
    assert _unloadable(site / "de") == []
    for folder in ("en", "fr"):  # site/ is deployed at https://news.example/
        assert _unloadable(site, site / folder) == []
        assert '<img src="../../_assets/articles/2024/img/quay.png"' in _read(
            root, f"{folder}/2024/gallery.html"
        )
    assert _unloadable(site, site / "_review") == []
    assert '<img src="../../../_assets/articles/2024/img/quay.png"' in _read(
        root, "_review/fr/2024/gallery.html"
    )
    assert sorted(path.name for path in site.glob("**/_assets")) == [
        "_assets",
        "_assets",
    ]  # (site/, site/de/)


def test_a_german_page_on_its_own_host_names_every_language_at_its_host(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    de, en = _read(root, "de/story.html"), _read(root, "en/story.html")
    both = {"en": "https://news.example/story.html", "de": "https://news.example.de/story.html"}
    assert _hreflangs(de) == _hreflangs(en) == {**both, "x-default": "https://news.example/story.html"}
    assert _canonical_and_og_url(de) == [("https://news.example.de/story.html", ""), ("", both["de"])]
    assert _canonical_and_og_url(en) == [("https://news.example/story.html", ""), ("", both["en"])]
    assert _menu(de) == {"en": both["en"]} and _menu(en) == {"de": both["de"]}
    ferry = _read(root, "de/2024/ferry.html")
    assert _menu(ferry) == {"en": "https://news.example/2024/ferry.html"}
    assert _hreflangs(ferry)["de"] == "https://news.example.de/2024/ferry.html"
    # within one language, links stay relative: to its other pages, its images
    assert '<a href="2024/ferry.html">' in de and "<a href='../story.html'>" in ferry
    assert '<img src="./_assets/articles/pic.png"' in de  # (de/ is the root of its host: /_assets/…)
    # a root-relative link: the root of the German host
    assert '<a href="/docs/map.html">' in de and '<a href="/2024/ferry.html">' in de


def test_the_indexes_link_each_language_at_its_own_host(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    de_index = _read(root, "de/index.html")
    assert _menu(de_index) == {"en": "https://news.example/index.html"}
    assert '<a href="./story.html">' in de_index  # (its own pages: relative)
    assert "transpub-home" not in de_index  # site/index.html has no address of its own
    site_index = _read(root, "index.html")
    assert '<a href="https://news.example.de/index.html" lang="de">' in site_index
    assert '<a href="https://news.example.de/2024/ferry.html" hreflang="de">' in site_index
    assert '<a href="https://news.example/story.html" hreflang="en">' in site_index
    review = _read(root, "_review/index.html")  # (for editors, in the site's folder)
    assert '<a href="../de/story.html">' in review and "https:" not in review


def test_a_pseudo_translated_page_is_its_source_page_but_for_its_language_and_address(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    de = _read(root, "de/story.html").replace("⟦", "").replace("⟧", "")
    en = _read(root, "en/story.html")
    assert _hreflangs(de) == _hreflangs(en)
    languages = re.compile(r'<nav class="transpub-languages".*?</nav>|<link rel="alternate" hreflang[^>]*>')
    de, en = languages.sub("", de), languages.sub("", en)
    own = {
        '<html lang="de"': '<html lang="en"',
        "https://news.example.de/story.html": "https://news.example/story.html",  # canonical, og:url
    }
    for german, english in own.items():
        de = de.replace(german, english)
    assert de == en


def test_languages_without_a_host_of_their_own_stay_in_folders_under_the_site_address(tmp_path: Path) -> None:
    config = (
        '[compile]\nbase_url = "https://news.example/"\n\n[compile.links]\n"/docs/" = "/{lang}/docs/"\n\n'
        '[locale.de]\nbase_url = "https://news.example.de/"\n'
    )
    root = _newsroom(tmp_path / "news", '"de", "fr"', config)
    fr, de = _read(root, "fr/story.html"), _read(root, "de/story.html")
    assert _hreflangs(fr) == {
        "en": "https://news.example/en/story.html",
        "de": "https://news.example.de/story.html",
        "fr": "https://news.example/fr/story.html",
        "x-default": "https://news.example/en/story.html",
    }
    assert _menu(fr) == {"en": "../en/story.html", "de": "https://news.example.de/story.html"}
    assert _menu(de) == {
        "en": "https://news.example/en/story.html",
        "fr": "https://news.example/fr/story.html",
    }
    assert '<a href="/fr/docs/map.html">' in fr and '<a href="/docs/map.html">' in de
    de_index = _read(root, "de/index.html")
    assert '<p class="transpub-home"><a href="https://news.example/index.html">' in de_index
    assert '<p class="transpub-home"><a href="../index.html">' in _read(root, "fr/index.html")


def test_a_link_to_an_article_held_back_in_german_leads_to_the_english_host(tmp_path: Path) -> None:
    root = _newsroom(tmp_path / "news")
    ferry = root / "locales" / "de" / "LC_MESSAGES" / "2024" / "ferry.po"
    ferry.write_text(
        re.sub(r'msgstr "⟦.*⟧"', 'msgstr ""', ferry.read_text(encoding="utf-8")), encoding="utf-8"
    )
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    de = _read(root, "de/story.html")
    assert de.count('<a href="https://news.example/2024/ferry.html">') == 2  # (relative, root-relative)
    assert "not published in de, linked from articles/story.html" in result.output


@pytest.mark.parametrize(
    ("config", "line", "message"),
    [
        (
            '[locale.de]\nbase_url = "news.example.de"\n',
            5,
            'locale.de.base_url must be an absolute http(s) URL like "https://news.example.de/", '
            "not 'news.example.de'",
        ),
        (
            '[locale.de]\nbase_url = "https://news.example.de/"\n',
            5,
            "[locale.de] base_url publishes de at the root of a host of its own, so the other languages' "
            "pages need an address too: en has none",
        ),
        (
            '[locale.en]\nbase_url = "https://news.example/"\nengine = "deepl"\n'
            '[locale.de]\nbase_url = "https://news.example.de/"\n',
            6,
            "[locale.en] configures the source locale: only base_url belongs there",
        ),
        (
            '[locale.en]\nbase_url = "https://news.example/"\n[locale.de]\nbase_url = "https://news.example"\n',
            7,
            "[locale.de] base_url is [locale.en]'s too: two languages cannot both be at the root of "
            "https://news.example/",
        ),
    ],
)
def test_a_bad_host_of_a_language_is_a_configuration_error_naming_the_line(
    tmp_path: Path, config: str, line: int, message: str
) -> None:
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "story.html").write_text(STORY, encoding="utf-8")
    (root / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["de"]\n' + config, encoding="utf-8"
    )
    result = run_cli(root, "compile")
    assert result.exit_code == 2
    assert result.stderr.count("\n") == 1 and f"transpub.toml:{line}" in result.stderr
    assert message in result.stderr
    assert not (root / "site").exists()


def test_a_review_copy_links_articles_within_the_site_folder_and_other_pages_at_its_languages_host(
    tmp_path: Path,
) -> None:
    """Read in site/, _review/de/story.html links the ferry's German review copy (the link relative
    or root-relative), and the map, no article, at the German host, where the published page's
    link leads; the published pages are as a run without --review writes them."""
    root = _newsroom(tmp_path / "news")
    published = {page: _read(root, page) for page in ("de/story.html", "en/story.html")}
    assert run_cli(root, "compile", "--review").exit_code == 0
    review = _read(root, "_review/de/story.html").split("</nav>")[-1]
    assert re.findall(r'<a href="([^"]*)"', review) == [
        "./2024/ferry.html",
        "./2024/ferry.html",
        "https://news.example.de/docs/map.html",
    ]
    assert (root / "site" / "_review" / "de" / "2024" / "ferry.html").is_file()
    assert {page: _read(root, page) for page in published} == published


def test_a_review_copy_links_a_page_a_rule_moves_at_the_address_of_its_language(tmp_path: Path) -> None:
    """French in a folder of the site's address: the French review copy links the map where the
    rule puts the French one, https://news.example/fr/docs/map.html."""
    config = (
        '[compile]\nbase_url = "https://news.example/"\n\n[compile.links]\n"/docs/" = "/{lang}/docs/"\n\n'
        '[locale.de]\nbase_url = "https://news.example.de/"\n'
    )
    root = _newsroom(tmp_path / "news", '"de", "fr"', config)
    assert run_cli(root, "compile", "--review").exit_code == 0
    assert '<a href="https://news.example/fr/docs/map.html">' in _read(root, "_review/fr/story.html")
    assert '<a href="/fr/docs/map.html">' in _read(root, "fr/story.html")
