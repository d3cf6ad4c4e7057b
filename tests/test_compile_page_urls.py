"""Localized Markdown: a link to an article is recognised by the URL the real generator gives its
page, whatever the article's file and folder are named (Hugo 0.111: spaces as hyphens, other
punctuation left out, lower case, accents removed with ``removePathAccents``; MkDocs: the names as
they are). While the article is held back in Spanish, the Spanish pages link its English page, which
the generator built; every link of every Spanish page leads to a page that exists."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote

import pytest
import yaml

from pseudo_catalogs import empty_catalog, fill_pseudo
from real_renderers import HUGO, MKDOCS
from test_init_site import (
    FERRY,
    HARBOUR,
    add_to_hugo_toml,
    additions,
    built_hrefs,
    hugo_build,
    hugo_site,
    init,
    page,
    run,
    served,
    transpub,
    unmarked,
    written,
)


def hold_back(site: Path, name: str) -> bytes:
    """Empty the Spanish catalog named ``name`` (its page below the threshold); its bytes before."""
    path = next((site / "locales" / "es").rglob(name))
    return empty_catalog(path)


#: Hugo's settings, the URL it gives content/posts/Odd Folder/Café Ünï (1)+x!.md and that of
#: content/posts/Pier Bundle/index.md, whose slug is "The Pier!" (it names the bundle).
HUGO_NAMES = {
    "default": ("", "/posts/odd-folder/café-ünï-1+x/", "/posts/the-pier/"),
    "disablePathToLower": (
        "disablePathToLower = true\n",
        "/posts/Odd-Folder/Café-Ünï-1+x/",
        "/posts/The-Pier/",
    ),
    "removePathAccents": (
        "removePathAccents = true\n",
        "/posts/odd-folder/cafe-uni-1+x/",
        "/posts/the-pier/",
    ),
    "permalinks without accents": (
        'removePathAccents = true\n[permalinks]\nposts = "/blog/:slugorfilename/"\n',
        "/blog/cafe-uni-1-x/",
        "/blog/the-pier/",
    ),
}


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize(("config", "odd", "pier"), HUGO_NAMES.values(), ids=HUGO_NAMES.keys())
def test_a_link_to_a_hugo_page_whose_file_name_has_spaces_and_punctuation_is_recognised(
    tmp_path: Path, config: str, odd: str, pier: str
) -> None:
    """The ferry links the odd page, held back in Spanish, and a bundle whose folder and slug are
    oddly named too (``Slug: "The Pier!"``, published): the Spanish ferry links the English odd
    page (compile says so) and the Spanish pier."""
    site = hugo_site(tmp_path / "harbour", config=config)
    posts = site / "content" / "posts"
    (posts / "Odd Folder").mkdir()
    (posts / "Odd Folder" / "Café Ünï (1)+x!.md").write_text(HARBOUR, "utf-8")
    (posts / "Pier Bundle").mkdir()
    (posts / "Pier Bundle" / "index.md").write_text(
        HARBOUR.replace("title:", 'slug: "The Pier!"\ntitle:'), "utf-8"
    )
    (posts / "ferry.md").write_text(
        FERRY.replace("/posts/harbour/", odd) + f"\nSee [the pier]({pier}) too.\n", "utf-8"
    )
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    hold_back(site, "Café Ünï (1)+x!.po")
    output = " ".join(transpub(site, "compile").split())
    # (the warning names the link as the ferry writes it: in its case)
    assert f"not published in es, linked from content/posts/ferry.md ({odd})" in output
    hugo_build(site)
    public = site / "public"
    hrefs = built_hrefs(public, "es")
    ferry = [unquote(href) for href in next(links for name, links in hrefs.items() if "ferry" in name)]
    assert ferry == [odd, "/es" + pier]
    assert all(served(public, unquote(href)) for links in hrefs.values() for href in links), hrefs


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_compile_names_a_link_to_a_held_back_hugo_page_as_the_linking_page_writes_it(tmp_path: Path) -> None:
    """The ferry links the café page, held back in Spanish, escaped and to a heading
    (``/posts/caf%C3%A9-noir/#menu``): compile's warning names that link as the ferry writes it (an
    author finds it so in the file), and the Spanish ferry links it so, to the English page Hugo built."""
    site = hugo_site(tmp_path / "harbour")
    (site / "content" / "posts" / "Café Noir.md").write_text(HARBOUR, "utf-8")
    link = "/posts/caf%C3%A9-noir/#menu"
    ferry = site / "content" / "posts" / "ferry.md"
    ferry.write_text(FERRY.replace("/posts/harbour/", link), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    hold_back(site, "Café Noir.po")
    output = " ".join(transpub(site, "compile").split())
    assert f"not published in es, linked from content/posts/ferry.md ({link}): its es page links" in output, (
        output
    )
    hugo_build(site)
    public = site / "public"
    hrefs = built_hrefs(public, "es")
    assert next(links for name, links in hrefs.items() if "ferry" in name) == [link]
    assert served(public, unquote(link.partition("#")[0]))


@pytest.mark.skipif(MKDOCS is None, reason="mkdocs is not installed")
def test_a_link_to_an_mkdocs_page_named_with_spaces_and_punctuation_is_recognised(tmp_path: Path) -> None:
    """MkDocs keeps a page's folder and file names in its URL (``/Odd Folder/Café Ünï (1)+x!/``):
    the odd page held back in Spanish, the Spanish guide's link to it stays its English page."""
    site = tmp_path / "guide"
    docs = site / "docs" / "en"
    (docs / "Odd Folder").mkdir(parents=True)
    (docs / "Odd Folder" / "Café Ünï (1)+x!.md").write_text("# Odd\n\nThe odd page text.\n", "utf-8")
    odd = "/en/Odd%20Folder/Caf%C3%A9%20%C3%9Cn%C3%AF%20%281%29%2Bx%21/"
    (docs / "guide.md").write_text(f"# Guide\n\nSee [the odd page]({odd}) now.\n", "utf-8")
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    (site / "mkdocs.yml").write_text("site_name: Guide\n", encoding="utf-8")
    extensions = yaml.safe_load(additions(init(site, "-l", "es")))["markdown_extensions"]
    (site / "mkdocs.yml").write_text(
        yaml.safe_dump({"site_name": "Guide", "markdown_extensions": extensions})
    )
    config = (site / "transpub.toml").read_text("utf-8")
    (site / "transpub.toml").write_text(
        config.replace("[compile]\n", '[compile]\nsource_url_prefix = "/en"\n')
        + '\n[compile.links]\n"/en/" = "/{lang}/"\n',
        "utf-8",
    )
    assert written(site)["compile"]["source_url_prefix"] == "/en"
    transpub(site, "extract")
    fill_pseudo(site)
    hold_back(site, "Café Ünï (1)+x!.po")
    output = " ".join(transpub(site, "compile").split())
    assert "not published in es, linked from docs/en/guide.md" in output
    assert MKDOCS is not None
    run([MKDOCS, "build", "--quiet", "--config-file", str(site / "mkdocs.yml")], site)
    built = site / "site"
    english, spanish = (
        page(built / "en" / "guide" / "index.html"),
        page(built / "es" / "guide" / "index.html"),
    )
    assert spanish.xpath("//div[@role='main']//p/a/@href") == [odd]
    assert unmarked(spanish.xpath("//div[@role='main']")[0]) == unmarked(
        english.xpath("//div[@role='main']")[0]
    )
    assert (built / "en" / "Odd Folder" / "Café Ünï (1)+x!" / "index.html").is_file()


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize(
    ("name", "url"),
    [
        ("v1.2-release.md", "/posts/v1.2-release/"),
        ("Node.js Tips.md", "/posts/node.js-tips/"),
        ("a.b/c.md", "/posts/a.b/c/"),
    ],
)
def test_a_link_to_a_hugo_page_whose_name_has_a_dot_is_recognised(
    tmp_path: Path, name: str, url: str
) -> None:
    """Hugo serves posts/v1.2-release.md at /posts/v1.2-release/, as any page (it was looked for at
    /posts/v1.2-release, as a file: while held back in Spanish, the Spanish ferry linked
    /es/posts/v1.2-release/, which Hugo never built)."""
    site = hugo_site(tmp_path / "harbour")
    posts = site / "content" / "posts"
    (posts / name).parent.mkdir(parents=True, exist_ok=True)
    (posts / name).write_text(HARBOUR, "utf-8")
    (posts / "ferry.md").write_text(FERRY.replace("/posts/harbour/", url), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    hold_back(site, Path(name).with_suffix(".po").name)
    output = " ".join(transpub(site, "compile").split())
    assert "not published in es, linked from content/posts/ferry.md" in output, output
    hugo_build(site)
    public = site / "public"
    assert served(public, url)
    hrefs = built_hrefs(public, "es")
    assert hrefs and all(served(public, unquote(href)) for links in hrefs.values() for href in links), hrefs


#: Pages Hugo 0.111 names otherwise than a name's own words: its file (its front matter, its site's
#: settings) and the URL Hugo serves it at. A space at either end of a name is a hyphen (Hugo puts
#: the whole path through its sanitizer, a name between slashes); a slug is taken as written; ``İ``
#: and ``Σ`` lower-cased one letter at a time, as Go does (``i``, ``σ``: not ``i̇``, nor ``ς`` at
#: a word's end).
HUGO_ODD_NAMES = {
    "leading space": (" Lead.md", "", "", "/posts/-lead/"),
    "trailing space": ("Trail .md", "", "", "/posts/trail-/"),
    "bundle in spaces": (" Bun /index.md", "", "", "/posts/-bun-/"),
    "slug in spaces": ("slugged.md", 'slug: " The Pier "\n', "", "/posts/-the-pier-/"),
    "dotted capital I": ("İstanbul.md", "", "", "/posts/istanbul/"),
    "capital sigma": ("ΣΟΦΟΣ.md", "", "", "/posts/σοφοσ/"),
    "permalink": (
        "İzmir ΣΟΦΟΣ.md",
        "",
        '[permalinks]\nposts = "/blog/:slugorfilename/"\n',
        "/blog/izmir-σοφοσ/",
    ),
}


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize(
    ("name", "front", "config", "url"), HUGO_ODD_NAMES.values(), ids=HUGO_ODD_NAMES.keys()
)
def test_a_link_to_a_hugo_page_named_with_spaces_at_its_ends_or_a_capital_i_or_sigma_is_recognised(
    tmp_path: Path, name: str, front: str, config: str, url: str
) -> None:
    """Held back in Spanish, the page is linked at the URL Hugo serves it at: the Spanish ferry links
    its English page (compile says so), which Hugo built, not a Spanish page it never built."""
    site = hugo_site(tmp_path / "harbour", config=config)
    posts = site / "content" / "posts"
    (posts / name).parent.mkdir(parents=True, exist_ok=True)
    (posts / name).write_text(HARBOUR.replace("title:", front + "title:"), "utf-8")
    (posts / "ferry.md").write_text(FERRY.replace("/posts/harbour/", url), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    bundle = Path(name).stem == "index"  # (its catalog named after its folder)
    hold_back(site, (Path(name).parent.name if bundle else Path(name).stem) + ".po")
    output = " ".join(transpub(site, "compile").split())
    assert "not published in es, linked from content/posts/ferry.md" in output, output
    hugo_build(site)
    public = site / "public"
    assert served(public, url)
    hrefs = built_hrefs(public, "es")
    ferry = [unquote(href) for href in next(links for page, links in hrefs.items() if "ferry" in page)]
    assert ferry == [url]
    assert all(served(public, unquote(href)) for links in hrefs.values() for href in links), hrefs
