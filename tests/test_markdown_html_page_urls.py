"""A bare URL in transpub's own HTML page of a Markdown article (``compile --format html``) is a link as
far as Hugo (Goldmark's linkify) makes it one: ``https://a.org*了解`` and ``https://a.org/路径`` were
one link each, address and all, where Hugo links ``https://a.org`` and ``https://a.org/`` and shows
the rest as text (``*了*`` after a URL as emphasis)."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from pseudo_catalogs import fill_pseudo
from real_renderers import HUGO, hugo_pages
from transpub.cli import main
from transpub.formats.markdown import render_markdown_page

#: Bare URLs with CJK text, ``*``, ``_``, a path outside ASCII, an entity or a parenthesis after them,
#: and ones Goldmark and GFM link alike.
SOURCES = [
    "访问 https://a.org*了解 更多\n",
    "See https://a.org了解 x\n",
    "See https://a.org/路径 x\n",
    "See www.a.org*了解 x\n",
    "See https://a.org/*了* y\n",
    "See https://a.org_了 y\n",
    "See https://a.org/wiki/Köln y\n",
    "See https://a.org/x&amp; and (https://a.org/(b)). Done\n",
    "Read *https://a.org/p* or _www.a.org/q_ now, https://a.org/r?s=1.\n",
    "Mail ann@a.org now.\n",
]
#: What transpub's page links on each (text, address; Hugo links a ``www.`` host to ``https://``,
#: transpub's page to ``http://``, as GFM).
LINKS = [
    [("https://a.org", "https://a.org")],
    [("https://a.org", "https://a.org")],
    [("https://a.org/", "https://a.org/")],
    [("www.a.org", "http://www.a.org")],
    [("https://a.org/", "https://a.org/")],
    [("https://a.org", "https://a.org")],
    [("https://a.org/wiki/K", "https://a.org/wiki/K")],
    [("https://a.org/x", "https://a.org/x"), ("https://a.org/(b))", "https://a.org/(b))")],  # (Goldmark's)
    [
        ("https://a.org/p", "https://a.org/p"),
        ("www.a.org/q", "http://www.a.org/q"),
        ("https://a.org/r?s=1", "https://a.org/r?s=1"),
    ],
    [("ann@a.org", "mailto:ann@a.org")],
]


def shown(page: str) -> tuple[list[tuple[str, str]], str]:
    """The links of ``page``'s article (their text and address: not its language switcher) and its
    paragraphs' text, with emphasis marked."""
    whole = lxml.html.fromstring(page)
    tree = next(iter(whole.iter("article")), whole)
    links = [(link.text_content(), link.get("href") or "") for link in tree.iter("a")]
    for emphasis in tree.iter("em"):
        emphasis.text = f"<em>{emphasis.text or ''}"
        emphasis.tail = f"</em>{emphasis.tail or ''}"
    return links, " ".join(" ".join(p.text_content().split()) for p in tree.iter("p"))


def page_of(markdown: str) -> str:
    return render_markdown_page(markdown, "zh-CN", "a.md")


@pytest.mark.parametrize(("source", "links"), list(zip(SOURCES, LINKS, strict=True)))
def test_the_html_page_links_a_bare_url_as_far_as_hugo_does(
    source: str, links: list[tuple[str, str]]
) -> None:
    assert shown(page_of(source))[0] == links


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_the_html_page_shows_each_bare_url_and_the_text_after_it_as_hugo_does(tmp_path: Path) -> None:
    hugo = hugo_pages(SOURCES, tmp_path / "site")
    for source, ours, theirs in zip(SOURCES, map(page_of, SOURCES), hugo, strict=True):
        (our_links, our_text), (their_links, their_text) = shown(ours), shown(f"<div>{theirs}</div>")
        assert our_text == their_text, source
        assert [text for text, _ in our_links] == [text for text, _ in their_links], source
        assert [href.replace("http://www.", "https://www.") for _, href in our_links] == [
            href for _, href in their_links
        ], source


def test_compile_format_html_links_a_url_glued_to_chinese_text_as_hugo_does(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "news.md").write_text(
        "---\ntitle: News\n---\n" + SOURCES[0] + "\n" + SOURCES[2], encoding="utf-8"
    )
    (tmp_path / "transpub.toml").write_text(
        '[project]\nsource_locale = "zh_CN"\nlocales = ["de"]\n[paths]\narticles = "articles"\n'
        'catalogs = "locales"\nsite = "site"\n[compile]\nformat = "html"\n',
        encoding="utf-8",
    )
    for command in (["extract"], ["compile"]):
        if command == ["compile"]:
            fill_pseudo(tmp_path)
        result = CliRunner().invoke(main, ["--project", str(tmp_path), *command], catch_exceptions=False)
        assert result.exit_code == 0, result.output
    for page in (tmp_path / "site" / "zh_CN" / "news.html", tmp_path / "site" / "de" / "news.html"):
        links, text = shown(page.read_text(encoding="utf-8"))
        assert links == [("https://a.org", "https://a.org"), ("https://a.org/", "https://a.org/")], page
        assert "https://a.org*了解" in text and "https://a.org/路径" in text.replace("⟦", "").replace(
            "⟧", ""
        ), page
