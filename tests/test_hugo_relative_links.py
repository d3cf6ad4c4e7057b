"""Relative links between Hugo pages (``../the-harbour/#dock``), which the browser follows from the
linking page's own URL: in a translation, compile writes each one to the article it names from the
page's URL in that language to the article's there (where its translated title puts it), kept
relative, with its query and fragment; one that names no article stays as written. Every link of
every page the real hugo builds leads to a page it built in the same language."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

import polib
import pytest

from pseudo_catalogs import fill_pseudo
from real_renderers import HUGO
from test_init_site import add_to_hugo_toml, hugo_build, hugo_site, init, page, transpub

pytestmark = pytest.mark.skipif(
    HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)"
)


def built_links(public: Path, folder: str) -> dict[str, list[tuple[str, str]]]:
    """Each page hugo built under ``folder`` (``de``), by its URL: each of its links as written, and
    the built file it leads to from that URL ("" where none is), its query and fragment left out."""
    found: dict[str, list[tuple[str, str]]] = {}
    for path in sorted((public / folder).rglob("*.html")):
        here = "/" + path.relative_to(public).as_posix().removesuffix("index.html")
        links = []
        for href in page(path).xpath("//a/@href"):
            target = unquote(urlsplit(href).path)
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(here + "x"), target))
            built = public / joined.lstrip("/")
            built = built / "index.html" if built.is_dir() else built
            links.append((href, built.relative_to(public).as_posix() if built.is_file() else ""))
        found[here] = links
    return found


#: Posts at their titles' URLs, and the harbour's German title.
TITLES, TRANSLATED = '[permalinks]\nposts = "/:sections/:title/"\n', {"The harbour": "Der Hafen"}


def translated_site(
    tmp_path: Path,
    config: str,
    link: str,
    titles: dict[str, str],
    held: str = "",
    pages: dict[str, str] | None = None,
) -> tuple[Path, str]:
    """The small Hugo site with ``config`` added to hugo.toml (and ``pages``, by their paths in
    content/), the ferry linking the harbour by ``link``, compiled in German (compile's output):
    pseudo-translated, the titles translated as ``titles`` says, the post ``held`` (``harbour``)
    left untranslated (held back)."""
    site = hugo_site(tmp_path / "harbour", config=config)
    for name, text in (pages or {}).items():
        (site / "content" / name).write_text(text, "utf-8")
    ferry = site / "content" / "posts" / "ferry.md"
    ferry.write_text(ferry.read_text("utf-8").replace("(/posts/harbour/)", f"({link})"), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "de"))
    transpub(site, "extract")
    fill_pseudo(site)
    for path in (site / "locales" / "de").rglob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = "" if path.stem == held else titles.get(entry.msgid, entry.msgstr)
        catalog.save()
    output = transpub(site, "compile")
    hugo_build(site)
    return site, output


def test_a_relative_link_to_a_post_whose_url_is_its_title_leads_to_its_german_page(tmp_path: Path) -> None:
    """/:sections/:title/: the harbour, "Der Hafen" in German, is at /de/posts/der-hafen/; the German
    ferry's ../the-harbour/?x=1#dock leads there (../der-hafen/?x=1#dock; it led to
    /de/posts/the-harbour/, where hugo publishes nothing), and its ../ (the section's list, no
    article) stays as written."""
    site, _ = translated_site(tmp_path, TITLES, "../the-harbour/?x=1#dock) and [all posts](../", TRANSLATED)
    public = site / "public"
    german = built_links(public, "de")
    assert german["/de/posts/the-ferry-timetable/"] == [
        ("../der-hafen/?x=1#dock", "de/posts/der-hafen/index.html"),
        ("../", "de/posts/index.html"),
    ]
    assert all(built.startswith("de/") for links in german.values() for _, built in links), german
    english = built_links(public, "posts")
    assert english["/posts/the-ferry-timetable/"][0] == (
        "../the-harbour/?x=1#dock",
        "posts/the-harbour/index.html",
    )


def test_a_relative_link_to_a_post_held_back_in_german_leads_to_its_english_page_still_relative(
    tmp_path: Path,
) -> None:
    """The harbour untranslated (no German page): the German ferry's ./../the-harbour/#dock leads to
    the English page, from the German page's URL, with a warning."""
    site, output = translated_site(tmp_path, TITLES, "./../the-harbour/#dock", TRANSLATED, held="harbour")
    assert (
        "linked from content/posts/ferry.md (./../the-harbour/#dock): its de page links to the en page"
        in " ".join(output.split())
    ), output
    german = built_links(site / "public", "de")
    assert german["/de/posts/the-ferry-timetable/"] == [
        ("../../../posts/the-harbour/#dock", "posts/the-harbour/index.html")
    ]


def test_a_pseudo_translated_page_keeps_its_relative_links_as_written(tmp_path: Path) -> None:
    site, _ = translated_site(tmp_path, TITLES, "../the-harbour/#dock", {})
    posts = site / "content" / "posts"
    source, written = (posts / "ferry.md").read_text("utf-8"), (posts / "ferry.de.md").read_text("utf-8")
    assert written.replace("⟦", "").replace("⟧", "").replace(" {#when-the-ferry-leaves}", "") == source
    german = built_links(site / "public", "de")
    assert german["/de/posts/the-ferry-timetable/"] == [
        ("../the-harbour/#dock", "de/posts/the-harbour/index.html")
    ]


#: Sites whose pages hugo publishes as ….html (uglyURLs, the site's or the German pages' own), the
#: ferry's link to the harbour, the German ferry's page and its link as hugo builds them, and the
#: [compile.ugly_urls] init copies.
#: Posts at their titles' URLs, with no folder before them.
BY_TITLE = '[permalinks]\nposts = "/:title/"\n'

UGLY_SITES = {
    "site-wide, by title": (
        f"uglyURLs = true\n{BY_TITLE}",
        "/the-harbour.html#dock",
        ("/de/the-ferry-timetable.html", "/de/der-hafen.html#dock", "de/der-hafen.html"),
        'en = ["*"]\nde = ["*"]',
    ),
    "site-wide, relative": (
        f"uglyURLs = true\n{BY_TITLE}",
        "the-harbour.html#dock",
        ("/de/the-ferry-timetable.html", "der-hafen.html#dock", "de/der-hafen.html"),
        'en = ["*"]\nde = ["*"]',
    ),
    "german only": (
        "[languages.de]\nuglyURLs = true\n",
        "/posts/harbour/#dock",
        ("/de/posts/ferry.html", "/de/posts/harbour.html#dock", "de/posts/harbour.html"),
        'de = ["*"]',
    ),
    "a section of them": (
        f"[uglyURLs]\nposts = true\n{BY_TITLE}",
        "/the-harbour.html#dock",
        ("/de/the-ferry-timetable.html", "/de/der-hafen.html#dock", "de/der-hafen.html"),
        'en = ["posts"]\nde = ["posts"]',
    ),
}


@pytest.mark.parametrize(("config", "link", "german", "ugly"), UGLY_SITES.values(), ids=UGLY_SITES.keys())
def test_a_link_to_a_post_hugo_publishes_as_an_html_file_leads_to_its_german_page(
    tmp_path: Path, config: str, link: str, german: tuple[str, str, str], ugly: str
) -> None:
    """uglyURLs: hugo publishes the harbour at /the-harbour.html, "Der Hafen" at /de/der-hafen.html
    (with /:title/); the German ferry's link leads there (it led to the English page, without a
    word, or to /de/posts/harbour/, where nothing is)."""
    site, _ = translated_site(tmp_path, config, link, TRANSLATED)
    assert f"[compile.ugly_urls]\n{ugly}\n" in (site / "transpub.toml").read_text("utf-8")
    built = built_links(site / "public", "de")
    page, href, target = german
    assert built[page] == [(href, target)]
    assert all(found.startswith("de/") for links in built.values() for _, found in links), built


def test_a_link_to_an_html_file_hugo_does_not_publish_is_not_taken_for_the_page_at_its_folder(
    tmp_path: Path,
) -> None:
    """uglyURLs for posts alone: the tide, beside them, is at /tide/, and the ferry's ../tide.html
    leads to nothing in English: the German ferry keeps it as written, leading to nothing too (it
    was taken for the tide, and written ../tide/ in German alone), and its ../tide/ leads to the
    German tide."""
    tide = "---\ntitle: The tide\n---\nThe tide turns at noon.\n"
    site, _ = translated_site(
        tmp_path,
        "[uglyURLs]\nposts = true\n",
        "../tide.html) and [the tide](../tide/",
        {},
        pages={"tide.md": tide},
    )
    public = site / "public"
    assert built_links(public, "posts")["/posts/ferry.html"] == [
        ("../tide.html", ""),
        ("../tide/", "tide/index.html"),
    ]
    assert built_links(public, "de")["/de/posts/ferry.html"] == [
        ("../tide.html", ""),
        ("../tide/", "de/tide/index.html"),
    ]
