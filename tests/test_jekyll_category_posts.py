"""A Jekyll blog's posts in category folders (``news/_posts/2024-01-02-storm.md``, in category
``news``, at ``/news/2024/01/02/storm/``; ``my_collections/news/_posts/`` where ``collections_dir``
is ``my_collections``) are articles beside those of ``_posts/``: each translation is written in the
language's folder inside that ``_posts`` (``news/_posts/es/``: a folder inside ``_posts`` is no
category, so its URL is the English one's), with ``lang: "es"`` first in its front matter, as
jekyll-polyglot reads no language from a path that does not start with ``_posts``; jekyll with
polyglot serves it at ``/es`` + the English post's URL. With every translation ``⟦msgid⟧`` each
Spanish file is the English one with the marks removed, but for that line.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from exchange_project import run
from real_renderers import polyglot_build
from test_jekyll_collections_dir import POLYGLOT
from test_jekyll_site_pages import pseudo_translated, unmarked
from transpub.project import load_project

#: The posts, by path in the folder of the posts and collections, and their URLs.
POSTS = {
    "_posts/2024-05-02-harbour.md": (
        "---\ntitle: Harbour reopens\n---\nThe harbour reopens. See [the storm]({% post_url news/2024-01-02-storm %}).\n",
        "/2024/05/02/harbour/",
    ),
    "news/_posts/2024-01-02-storm.md": (
        "---\ntitle: Storm\n---\nA storm. See [the harbour]({% link _posts/2024-05-02-harbour.md %}).\n",
        "/news/2024/01/02/storm/",
    ),
    "news/local/_posts/2024-01-03-pier.md": (
        "---\ntitle: Pier\ncategories: [boats]\n---\nThe pier. See [the storm](/news/2024/01/02/storm/).\n",
        "/news/local/boats/2024/01/03/pier/",
    ),
}
#: The home page, naming the storm post as Jekyll does (its path in the collections_dir).
HOME = "---\ntitle: Home\n---\nRead [the storm]({% link news/_posts/2024-01-02-storm.md %}).\n"
#: What Jekyll reads as no post: a category's drafts, a ``_`` folder inside a category.
NO_POSTS = {
    "news/_drafts/2024-06-01-soon.md": "---\ntitle: Soon\n---\nNot yet.\n",
    "news/_notes/2024-06-01-desk.md": "---\ntitle: Desk\n---\nNot a post.\n",
}


def spanish(name: str) -> str:
    """Where the Spanish file of the post ``name`` is written."""
    folder, _, file = name.rpartition("/")
    return f"{folder}/es/{file}"


@pytest.fixture(scope="module", params=["", "my_collections"], ids=["site", "collections_dir"])
def site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """The blog (its posts in ``collections_dir`` for the second), pseudo-translated; the folder of
    its posts."""
    folder = request.param
    config = (
        "title: Harbour\npermalink: pretty\n" + (f"collections_dir: {folder}\n" if folder else "") + POLYGLOT
    )
    inside = {f"{folder}/{name}" if folder else name: text for name, text in {**POSTS, **NO_POSTS}.items()}
    files = {
        "index.md": HOME,
        **{name: text if isinstance(text, str) else text[0] for name, text in inside.items()},
    }
    root = tmp_path_factory.mktemp("categories") / "site"
    pseudo_translated(root, config, files)
    return root, folder


def posts_in(site: tuple[Path, str]) -> Path:
    return site[0] / site[1] if site[1] else site[0]


def test_translators_are_offered_the_posts_of_each_category_and_nothing_jekyll_reads_as_no_post(
    site: tuple[Path, str],
) -> None:
    catalogs = site[0] / "locales" / "es" / "LC_MESSAGES" / site[1]
    found = sorted(path.relative_to(catalogs).as_posix() for path in catalogs.rglob("*.po"))
    expected = [name.removesuffix(".md") + ".po" for name in POSTS] + ([] if site[1] else ["index.po"])
    assert found == sorted(expected)


@pytest.mark.parametrize("name", list(POSTS))
def test_a_spanish_post_is_in_es_inside_its_posts_folder_the_english_one_unmarked_naming_its_language(
    site: tuple[Path, str], name: str
) -> None:
    written = (posts_in(site) / spanish(name)).read_text(encoding="utf-8")
    assert "⟦" in written
    english, _ = POSTS[name]
    if name.startswith("_posts/"):  # (polyglot reads its language from _posts/es/; its post_url as written)
        expected = english
    else:
        expected = english.replace("---\n", '---\nlang: "es"\n', 1).replace("_posts/2024", "_posts/es/2024")
    assert unmarked(written) == expected


def test_the_english_posts_stay_as_they_are(site: tuple[Path, str]) -> None:
    assert {name: (posts_in(site) / name).read_text(encoding="utf-8") for name in POSTS} == {
        name: text for name, (text, _) in POSTS.items()
    }


def test_the_spanish_home_page_links_the_spanish_post_of_the_category_by_its_file(
    site: tuple[Path, str],
) -> None:
    written = unmarked((site[0] / "es" / "index.md").read_text(encoding="utf-8"))
    assert "{% link news/_posts/es/2024-01-02-storm.md %}" in written


def test_a_file_in_a_categorys_spanish_posts_folder_is_known_as_none_extract_reads_as_in_posts_es(
    site: tuple[Path, str],
) -> None:
    """What transpub says extract reads (a report or ``--out`` folder named there is refused for it)
    is what extract reads: each Spanish post compile wrote, in ``news/_posts/es/`` as in
    ``_posts/es/``, is no article, each English one is."""
    project = load_project(site[0])
    articles = project.article_paths()
    for name in POSTS:
        english, translated = posts_in(site) / name, posts_in(site) / spanish(name)
        assert (english in articles, project.extract_reads_in(english)) == (True, True), name
        assert (translated in articles, project.extract_reads_in(translated)) == (False, False), name
        report = translated.with_name("report.html")
        assert not project.extract_reads_in(report), name


@pytest.fixture(scope="module")
def built(site: tuple[Path, str]) -> Path:
    """The blog as jekyll with polyglot builds it: its ``_site``."""
    return polyglot_build(site[0])


@pytest.mark.jekyll
@pytest.mark.parametrize("name", list(POSTS))
def test_polyglot_serves_each_spanish_post_under_es_at_the_english_ones_url(built: Path, name: str) -> None:
    url = POSTS[name][1].lstrip("/")
    english = (built / url / "index.html").read_text(encoding="utf-8")
    translated = (built / "es" / url / "index.html").read_text(encoding="utf-8")
    first = POSTS[name][0].split("---\n")[2].split(".")[0]
    assert lxml.html.fromstring(translated).xpath("//p")[0].text.startswith(f"⟦{first}.⟧")
    assert lxml.html.fromstring(english).xpath("//p")[0].text.startswith(f"{first}.")


@pytest.mark.jekyll
def test_the_spanish_pages_links_lead_to_the_spanish_posts(built: Path) -> None:
    def hrefs(url: str) -> list[str]:
        page = lxml.html.fromstring((built / "es" / url / "index.html").read_text(encoding="utf-8"))
        return [str(href) for href in page.xpath("//a/@href")]

    assert hrefs("") == ["/es/news/2024/01/02/storm/"]
    assert hrefs("2024/05/02/harbour") == ["/es/news/2024/01/02/storm/"]
    assert hrefs("news/2024/01/02/storm") == ["/es/2024/05/02/harbour/"]
    assert hrefs("news/local/boats/2024/01/03/pier") == ["/es/news/2024/01/02/storm/"]


def test_compile_removes_the_spanish_post_of_a_category_whose_english_post_is_gone(tmp_path: Path) -> None:
    root = tmp_path / "site"
    name = "news/_posts/2024-01-02-storm.md"
    pseudo_translated(root, "title: Harbour\n" + POLYGLOT, {name: POSTS[name][0]})
    (root / name).unlink()
    run(root, "compile")
    assert not (root / spanish(name)).exists()


def test_compile_warns_that_a_translated_post_of_a_category_needs_polyglot_where_the_site_loads_none(
    tmp_path: Path,
) -> None:
    """Built by Jekyll alone, ``news/_posts/es/`` is no language: the Spanish post gets the English
    post's URL, and one of the two pages is lost."""
    name = "news/_posts/2024-01-02-storm.md"
    config = "title: Harbour\n" + POLYGLOT.replace("plugins: [jekyll-polyglot]\n", "")
    compiled = " ".join(pseudo_translated(tmp_path / "site", config, {name: POSTS[name][0]})[1].split())
    assert (
        "reads its language (news/_posts/es/2024-01-02-storm.md), but the site lists no jekyll-polyglot"
    ) in compiled


#: Folders whose names jekyll-polyglot reads as languages: a category's (``web``) and a page's (``doc``).
LANGUAGE_LIKE = {
    "web/_posts/2024-01-02-tools.md": ("---\ntitle: Tools\n---\nOur tools.\n", "/web/2024/01/02/tools/"),
    "doc/intro.md": ("---\ntitle: Intro\n---\nRead this first.\n", "/doc/intro/"),
}
#: The ``defaults`` compile's warnings say to add.
ENGLISH_DEFAULTS = """\
defaults:
  - scope: {path: web}
    values: {lang: en}
  - scope: {path: doc}
    values: {lang: en}
"""


def test_compile_warns_where_polyglot_reads_a_language_from_a_category_or_page_folder(tmp_path: Path) -> None:
    files = {name: text for name, (text, _) in LANGUAGE_LIKE.items()}
    compiled = " ".join(pseudo_translated(tmp_path / "site", "title: Harbour\n" + POLYGLOT, files)[1].split())
    for folder in ("web", "doc"):
        assert (
            f"jekyll-polyglot reads the language '{folder}' from its folder {folder}/, not en: the en site may "
            f"serve its es translation in its place; give that folder lang: en in _config.yml's defaults "
            f"(- scope: {{path: {folder}}} values: {{lang: en}})"
        ) in compiled


@pytest.mark.jekyll
def test_with_the_defaults_compile_names_polyglot_serves_each_english_page_and_its_translation(
    tmp_path: Path,
) -> None:
    files = {name: text for name, (text, _) in LANGUAGE_LIKE.items()}
    config = "title: Harbour\npermalink: pretty\n" + POLYGLOT + ENGLISH_DEFAULTS
    compiled = pseudo_translated(tmp_path / "site", config, files)[1]
    assert "jekyll-polyglot reads the language" not in compiled
    built = polyglot_build(tmp_path / "site")
    for name, (text, url) in LANGUAGE_LIKE.items():
        first = text.split("---\n")[2].strip()
        english = lxml.html.fromstring((built / url.lstrip("/") / "index.html").read_text(encoding="utf-8"))
        translated = (built / "es" / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert english.xpath("//p/text()") == [first], name
        assert lxml.html.fromstring(translated).xpath("//p/text()") == [f"⟦{first}⟧"], name
