"""HTML pages: a translated page's link to another article leads to a page that exists; to the
source-language page while that article is not published in the page's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from pseudo_catalogs import empty_catalog, fill_pseudo
from site_links import broken_links
from test_compile_helpers import compiled_slugs, run_cli

CONFIG = """[project]
name = "Links"
source_locale = "en"
locales = ["de"]
"""


def _page(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


def _project(root: Path, articles: dict[str, str], config: str = "") -> Path:
    """A project of ``articles`` (path in the articles folder: body) translated into German, every
    catalog filled (``⟦msgid⟧``)."""
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG + config, encoding="utf-8")
    for name, body in articles.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_page(f"Page {name}", body), encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    fill_pseudo(root)
    return root


def _hold_back(root: Path, slug: str) -> bytes:
    """Empty the German catalog of ``slug`` (its page held back: 0% translated); its bytes before."""
    path = root / "locales" / "de" / "LC_MESSAGES" / f"{slug}.po"
    return empty_catalog(path)


def _compile(root: Path) -> str:
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    return " ".join((result.stdout + result.stderr).split())


def _site(root: Path, path: str) -> str:
    return (root / "site" / path).read_text(encoding="utf-8")


def test_a_german_page_links_to_the_english_page_of_an_article_not_published_in_german(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The newsroom's case: b is held back in German, so de/b.html does not exist and the German a
    links to en/b.html (with the fragment as written); once b is published in German, the next
    compile compiles a again (nothing of its own changed) and its link is b.html, as written."""
    root = _project(
        tmp_path / "news",
        {
            "a.html": '<p>Read <a href="b.html#more">the other story</a> now.</p>',
            "b.html": "<p>Other story text here.</p>",
        },
    )
    translated = _hold_back(root, "b")
    output = _compile(root)
    assert not (root / "site" / "de" / "b.html").exists()
    assert '⟦Read <a href="../en/b.html#more">the other story</a> now.⟧' in _site(root, "de/a.html")
    assert '<a href="b.html#more">the other story</a>' in _site(root, "en/a.html")
    assert (
        "Warning: articles/b.html: not published in de, linked from articles/a.html (b.html#more): its de "
        "page links to the en page until it is"
    ) in output

    compiled = compiled_slugs(monkeypatch)
    (root / "locales" / "de" / "LC_MESSAGES" / "b.po").write_bytes(translated)
    output = _compile(root)
    assert sorted(compiled) == ["a", "b"]
    assert "not published in de" not in output
    assert (root / "site" / "de" / "b.html").exists()
    assert '⟦Read <a href="b.html#more">the other story</a> now.⟧' in _site(root, "de/a.html")
    compiled.clear()
    _compile(root)
    assert compiled == []  # nothing changed: nothing compiled again


def test_links_between_folders_and_root_relative_links_with_a_rule_lead_to_pages_that_exist(
    tmp_path: Path,
) -> None:
    """A relative link is found from the article's folder (news/a → ../sport/b.html); a
    root-relative one to b's English page stays as written rather than follow the rule to /de/,
    where b has no page; links to files that are not articles, to published articles and out of
    the site are left as they are."""
    root = _project(
        tmp_path / "news",
        {
            "news/a.html": (
                '<p>See <a href="../sport/b.html?x=1">sport</a>, <a href="/en/sport/b.html">sport again</a>, '
                '<a href="c.html">c</a>, <a href="/en/news/c.html">c again</a>, '
                '<a href="../archive/12.html">the archive</a> and <a href="a.html#top">the top</a>.</p>'
            ),
            "news/c.html": "<p>Published everywhere.</p>",
            "sport/b.html": "<p>Held back in German.</p>",
        },
        '[compile.links]\n"/en/" = "/{lang}/"\n',
    )
    _hold_back(root, "sport/b")
    _compile(root)
    assert _site(root, "de/news/a.html").split("</nav>")[1] == (
        '<p>⟦See <a href="../../en/sport/b.html?x=1">sport</a>, <a href="/en/sport/b.html">sport again</a>, '
        '<a href="c.html">c</a>, <a href="/de/news/c.html">c again</a>, '
        '<a href="../archive/12.html">the archive</a> and <a href="a.html#top">the top</a>.⟧</p></body></html>'
    )


def test_a_folder_link_to_an_index_article_is_that_article(tmp_path: Path) -> None:
    """``guide/`` (and ``/en/guide/``) is the page of guide/index.html (whose pages are its
    folder's index, guide/index.html), ``howto/`` that of howto/index.md: held back in German, the
    German page's links lead to its English page, which exists."""
    root = _project(
        tmp_path / "news",
        {
            "a.html": (
                '<p>Read <a href="guide/#start">the guide</a> or <a href="/en/guide/">again</a>.</p>'
                '<p>See <a href="howto/">how to</a> now.</p>'
            ),
            "guide/index.html": "<p>The guide text here.</p>",
            "howto/index.md": "<p>The how-to text here.</p>",
        },
        '[compile.links]\n"/en/" = "/{lang}/"\n',
    )
    _hold_back(root, "guide")
    _hold_back(root, "howto")
    output = _compile(root)
    assert not (root / "site" / "de" / "guide").exists()
    assert (root / "site" / "en" / "guide" / "index.html").exists()
    assert (
        '⟦Read <a href="../en/guide/index.html#start">the guide</a> or <a href="/en/guide/">again</a>.⟧'
        in _site(root, "de/a.html")
    )
    assert '⟦See <a href="../en/howto/index.html">how to</a> now.⟧' in _site(root, "de/a.html")
    assert (
        "articles/guide/index.html: not published in de, linked from articles/a.html (guide/#start)" in output
    )


def test_a_review_copys_links_lead_to_review_copies_else_published_pages_else_source_pages(
    tmp_path: Path,
) -> None:
    """_review/de/news/a.html, opened in site/: its links to c (relative and root-relative) lead to
    c's German review copy, to e (held back in German, its catalog empty) to e's, to b (no German
    catalog) to b's English page; no link is root-relative (it would lead out of site/), every one
    leads to a file; the published German page keeps its links as without --review."""
    root = _project(
        tmp_path / "news",
        {
            "news/a.html": (
                '<p>Read <a href="c.html#x">c</a>, <a href="/en/news/c.html">c again</a>, '
                '<a href="../sport/b.html?x=1">b</a>, <a href="/en/sport/b.html">b again</a> and '
                '<a href="/en/news/e.html">e</a>.</p>'
            ),
            "news/c.html": "<p>Published everywhere.</p>",
            "news/e.html": "<p>Held back in German.</p>",
            "sport/b.html": "<p>Not translated into German yet.</p>",
        },
        '[compile.links]\n"/en/" = "/{lang}/"\n',
    )
    _hold_back(root, "news/e")
    (root / "locales" / "de" / "LC_MESSAGES" / "sport" / "b.po").unlink()
    published = _compile(root) and _site(root, "de/news/a.html")
    result = run_cli(root, "compile", "--review")
    assert result.exit_code == 0, result.output
    site = root / "site"
    assert (
        not (site / "de" / "news" / "e.html").exists()
        and (site / "_review" / "de" / "news" / "e.html").exists()
    )
    review = _site(root, "_review/de/news/a.html")
    assert (
        '⟦Read <a href="./c.html#x">c</a>, <a href="./c.html">c again</a>, '
        '<a href="../../../en/sport/b.html?x=1">b</a>, <a href="../../../en/sport/b.html">b again</a> and '
        '<a href="./e.html">e</a>.⟧'
    ) in review
    assert 'href="/' not in review.split("</nav>")[-1]
    assert broken_links(site, site / "_review", "href") == []
    assert _site(root, "de/news/a.html") == published


def test_a_review_copy_links_the_published_page_of_an_article_whose_catalog_broke_since(
    tmp_path: Path,
) -> None:
    """news/a's review copy links c's review copy; c's German catalog then breaks: its German page is
    kept and its review copy removed, and the next compile --review compiles a again (nothing of its
    own changed) so that its review copy links c's published German page, which exists."""
    root = _project(
        tmp_path / "news",
        {
            "news/a.html": '<p>Read <a href="c.html#x">c</a> and <a href="../sub/d.html">d</a> now.</p>',
            "news/c.html": "<p>Published everywhere.</p>",
            "sub/d.html": "<p>Published too.</p>",
        },
    )
    assert run_cli(root, "compile", "--review").exit_code == 0
    review = _site(root, "_review/de/news/a.html")
    assert '⟦Read <a href="./c.html#x">c</a> and <a href="../sub/d.html">d</a> now.⟧' in review
    (root / "locales" / "de" / "LC_MESSAGES" / "news" / "c.po").write_text('msgid "broken\n', "utf-8")
    run_cli(root, "compile", "--review")
    site = root / "site"
    assert (site / "de" / "news" / "c.html").is_file() and not (
        site / "_review" / "de" / "news" / "c.html"
    ).exists()
    review = _site(root, "_review/de/news/a.html")
    assert '⟦Read <a href="../../../de/news/c.html#x">c</a> and <a href="../sub/d.html">d</a> now.⟧' in review
    assert broken_links(site, site / "_review", "href") == []
    assert '⟦Read <a href="c.html#x">c</a> and <a href="../sub/d.html">d</a> now.⟧' in _site(
        root, "de/news/a.html"
    )


def test_compile_tells_once_per_article_and_language_how_many_pages_link_to_it_held_back(
    tmp_path: Path,
) -> None:
    """A large, half-translated site: five pages link to b, held back in German; one warning says
    so, naming three of them."""
    pages = {f"p{number}.html": '<p>Read <a href="b.html">the story</a> now.</p>' for number in range(5)}
    root = _project(tmp_path / "news", {**pages, "b.html": "<p>Held back in German.</p>"})
    _hold_back(root, "b")
    output = _compile(root)
    assert output.count("not published in de") == 1, output
    assert (
        "Warning: articles/b.html: not published in de, linked from 5 pages (articles/p0.html, "
        "articles/p1.html, articles/p2.html and 2 more): their de pages link to the en page until it is"
    ) in output


def test_a_review_copy_compiled_again_alone_still_links_the_review_copy_of_an_unchanged_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """a's German catalog is edited after a compile --review: the next one compiles a alone (b is
    as it was), and a's review copy still links b's review copy, not b's published page."""
    root = _project(
        tmp_path / "news",
        {"a.html": '<p>Read <a href="b.html">b</a> now.</p>', "b.html": "<p>Other story text here.</p>"},
    )
    assert run_cli(root, "compile", "--review").exit_code == 0
    assert '⟦Read <a href="./b.html">b</a> now.⟧' in _site(root, "_review/de/a.html")
    catalog = root / "locales" / "de" / "LC_MESSAGES" / "a.po"
    catalog.write_text(catalog.read_text("utf-8").replace("⟦Read", "⟦Lies"), "utf-8")
    compiled = compiled_slugs(monkeypatch)
    assert run_cli(root, "compile", "--review").exit_code == 0
    assert compiled == ["a"]
    assert '⟦Lies <a href="./b.html">b</a> now.⟧' in _site(root, "_review/de/a.html")
