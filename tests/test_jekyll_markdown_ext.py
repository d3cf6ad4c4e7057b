"""A Jekyll site converts the files its ``markdown_ext`` names from Markdown (by default
``markdown,mkdown,mkdn,mkd,md``): a post ``_posts/2023-01-01-old.mkd`` is published as any other,
so it is an article too, offered to translators and written in Spanish with its own extension
(``_posts/es/2023-01-01-old.mkd``), which jekyll with polyglot publishes at ``/es`` + the English
URL. A site whose ``markdown_ext`` names other extensions has those files translated, and a file
ending in an extension it leaves out (which Jekyll does not convert) is no article."""

from __future__ import annotations

from pathlib import Path

import pytest

from exchange_project import run
from real_renderers import polyglot_build
from test_jekyll_site_pages import CONFIG, pseudo_translated, unmarked

EXTENSIONS = (".mkd", ".mkdn", ".mkdown", ".markdown")
#: By file: the site's posts and pages, one of each extension of Jekyll's default markdown_ext.
FILES = {
    f"_posts/2023-01-0{day}-old{ext}": f"---\ntitle: Old post {day}\n---\nAn *old* post.\n"
    for day, ext in enumerate(EXTENSIONS, start=1)
} | {
    "about.mkd": "---\ntitle: About us\npermalink: /about/\n---\nAn *old* post.\n\n"
    "Read [the first one](_posts/2023-01-01-old.mkd).\n"
}
#: The English URLs of those files.
URLS = {
    f"_posts/2023-01-0{day}-old{ext}": f"/2023/01/0{day}/old/" for day, ext in enumerate(EXTENSIONS, start=1)
}
URLS |= {"about.mkd": "/about/"}
#: What compile said, by site.
COMPILED: dict[Path, str] = {}
#: A site that reads .text files as Markdown, and no longer .markdown ones.
OWN_CONFIG = CONFIG + 'markdown_ext: "md,text"\n'
OWN_FILES = {
    "notes.text": "---\ntitle: Notes\npermalink: /notes/\n---\nThe *notes* of the desk.\n",
    "raw.markdown": "---\ntitle: Raw\npermalink: /raw/\n---\nShown as it is.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("ext") / "site"
    COMPILED[root] = pseudo_translated(root, CONFIG, FILES)[1]
    return root


@pytest.fixture(scope="module")
def own_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("own") / "site"
    pseudo_translated(root, OWN_CONFIG, OWN_FILES)
    return root


def spanish(name: str) -> str:
    """Where a file's Spanish version goes: ``_posts/es/…`` for a post, ``es/…`` for a page."""
    return name.replace("_posts/", "_posts/es/") if name.startswith("_posts/") else f"es/{name}"


@pytest.mark.parametrize("name", list(FILES))
def test_a_post_or_page_in_any_of_jekylls_markdown_extensions_is_offered_and_written_with_its_extension(
    site: Path, name: str
) -> None:
    catalog = site / "locales" / "es" / "LC_MESSAGES" / f"{name.rsplit('.', 1)[0]}.po"
    assert 'msgid "An <1>old</1> post."' in catalog.read_text(encoding="utf-8")  # (read as Markdown)
    written = (site / spanish(name)).read_text(encoding="utf-8")
    assert "⟦" in written and unmarked(written) == FILES[name]


def test_a_link_to_a_post_of_another_markdown_extension_is_a_page_no_file_to_copy(site: Path) -> None:
    assert "Warning" not in COMPILED[site]
    assert not (site / "es" / "_posts").exists()


def test_a_site_whose_markdown_ext_names_text_has_its_text_pages_translated_and_not_its_markdown_ones(
    own_site: Path,
) -> None:
    written = (own_site / "es" / "notes.text").read_text(encoding="utf-8")
    assert "⟦" in written and unmarked(written) == OWN_FILES["notes.text"]
    catalogs = own_site / "locales" / "es" / "LC_MESSAGES"
    assert sorted(path.name for path in catalogs.iterdir()) == ["notes.po"]
    assert not (own_site / "es" / "raw.markdown").exists()


@pytest.mark.jekyll
def test_jekyll_publishes_each_spanish_page_of_another_markdown_extension_at_the_english_url_under_es(
    site: Path, own_site: Path
) -> None:
    built = polyglot_build(site)
    for name, url in URLS.items():
        english = (built / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        translated = (built / "es" / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        assert "⟦" in translated and unmarked(translated) == english, name
    built = polyglot_build(own_site)
    notes = (built / "es" / "notes" / "index.html").read_text(encoding="utf-8")
    assert "<em>⟦notes⟧</em>" in notes or "<em>notes</em>" in notes
    assert unmarked(notes) == (built / "notes" / "index.html").read_text(encoding="utf-8")


def test_compile_warns_of_a_language_polyglot_does_not_build_whose_pages_are_all_mkd(tmp_path: Path) -> None:
    config = CONFIG.replace('languages: ["en", "es"]', 'languages: ["en"]')
    old = {name: text for name, text in FILES.items() if name.endswith(".mkd")}
    compiled = pseudo_translated(tmp_path / "site", config, old)[1]
    assert (
        "Warning: _config.yml: jekyll-polyglot's languages have no locale es: `jekyll build` publishes none "
        "of the es pages compile writes (_posts/es/2023-01-01-old.mkd and 1 more)"
    ) in compiled


def test_a_mkd_translation_written_beside_its_article_is_not_read_as_an_article_again(tmp_path: Path) -> None:
    """The suffix layout on a Jekyll site (its headings kramdown's): ``old.es.mkd`` is the Spanish
    file of ``old.mkd``, never an article ``old.es`` of its own."""
    (tmp_path / "articles").mkdir()
    (tmp_path / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["es"]\n\n[compile]\nformat = "markdown"\n'
        'layout = "suffix"\nheading_ids = "jekyll"\npublish_threshold = 0\n',
        encoding="utf-8",
    )
    (tmp_path / "articles" / "old.mkd").write_text(FILES["_posts/2023-01-01-old.mkd"], encoding="utf-8")
    run(tmp_path, "extract")
    assert "articles/old.es.mkd: 0% translated" in run(tmp_path, "compile").output
    assert "old.es" not in run(tmp_path, "extract").output
    assert sorted(path.name for path in (tmp_path / "locales" / "es" / "LC_MESSAGES").iterdir()) == ["old.po"]
