"""Localized Markdown for Jekyll: a link to a page or a post is recognised at the URL the real
``jekyll`` gives it (a page's names as they are, ending in ``.html``, or ``/`` with ``permalink:
pretty``; a post's by the site's ``permalink``, its categories, slug and date), so while an article is
held back in German, the German pages link its English page, which Jekyll built; every link of every
German page Jekyll builds leads to a page it built. Skipped, with the reason, where jekyll is
missing (``make test`` installs the Debian package jekyll)."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import lxml.html
import polib
import pytest
import yaml

from pseudo_catalogs import fill_pseudo
from real_renderers import JEKYLL, jekyll_build, polyglot_build
from test_init_site import init, run, transpub, written
from transpub.compile.jekyll_urls import jekyll_url, jekyll_urls
from transpub.compile.link_targets import url_path
from transpub.compile.links import jekyll_links
from transpub.project import load_project

pytestmark = [
    pytest.mark.jekyll,
    pytest.mark.skipif(
        JEKYLL is None, reason="jekyll is not installed (make test installs the Debian package jekyll)"
    ),
]


def page(site: Path, path: str, front: str = "", text: str = "The text.") -> None:
    file = site / path
    file.parent.mkdir(parents=True, exist_ok=True)
    file.write_text(f"---\ntitle: {file.stem}\n{front}---\n{text}\n", encoding="utf-8")


# --- Each page's and post's URL, as jekyll gives it ------------------------------------------------

#: Pages (in en/, whose URL folder is /en) and posts (in _posts/, news/_posts/ and en/_posts/), with
#: the front matter that decides their URLs.
ARTICLES = {
    "en/Odd Folder/Mixed Name!.md": "",
    "en/Café Ünï (1)+x.md": "",
    "en/index.md": "",
    "en/sub/index.md": "",
    "en/plain.html": "",
    "en/about.md": "permalink: /about/\n",
    "en/own.md": "permalink: /:path/:basename/\n",
    "en/file.md": "permalink: /x/y.html\n",
    "_posts/2024-01-05-harbour.md": "",
    "_posts/de/2024-01-05-harbour.md": "",
    "_posts/2024-01-06-Odd Name! Ünï.md": "",
    "_posts/2024-01-07-cats.md": "categories: [News, Local]\n",
    "_posts/2024-01-08-words.md": "categories: News Local\n",
    "_posts/2024-01-09-cat.md": "category: Big News\n",
    "_posts/2024-01-10-slugged.md": "slug: My Slug!\n",
    "_posts/2024-01-11-dated.md": "date: 2023-12-31\n",
    "_posts/2024-01-12-timed.md": "date: 2023-12-31 10:30:00\n",
    "_posts/2024-01-13-own.md": "permalink: /blog/:title/\n",
    "news/_posts/2024-01-14-above.md": "categories: [Local]\n",
    "en/_posts/2024-01-15-english.md": "",
}

PERMALINKS = [
    "date",
    "pretty",
    "ordinal",
    "weekdate",
    "none",
    "/blog/:year/:i_month/:title",
    "/:categories/:short_year/:slug:output_ext",
    "/:categories/:title/",
    "/:year/:y_day/:short_month-:long_day-:w_day/:title.htm",
]

LISTING = """---
permalink: /urls.txt
---
{% for p in site.pages %}{{ p.path }} => {{ p.url }}
{% endfor %}{% for p in site.posts %}{{ p.path }} => {{ p.url }}
{% endfor %}"""


def transpubs_url(path: str, permalink: str) -> str | None:
    """The URL transpub finds the article at ``path`` in the site at (its articles folder: en/ for
    pages, the posts' folder for posts)."""
    relative = PurePosixPath(path)
    front = yaml.safe_load("title: x\n" + ARTICLES[path])
    if "_posts" not in relative.parts:
        return jekyll_url(relative.relative_to("en"), front, "/en", permalink, post=False)
    above = relative.parts[: relative.parts.index("_posts")]
    folder = "".join(f"/{part}" for part in above)
    return jekyll_url(PurePosixPath(relative.name), front, folder, permalink, post=True)


@pytest.mark.parametrize("permalink", PERMALINKS)
def test_transpub_finds_each_page_and_post_at_the_url_jekyll_gives_it(tmp_path: Path, permalink: str) -> None:
    site = tmp_path / "site"
    for path, front in ARTICLES.items():
        page(site, path, front)
    (site / "_config.yml").write_text(yaml.safe_dump({"permalink": permalink}), encoding="utf-8")
    (site / "urls.html").write_text(LISTING, encoding="utf-8")
    built = jekyll_build(site)
    listed = dict(line.split(" => ") for line in (built / "urls.txt").read_text("utf-8").splitlines() if line)
    del listed["urls.html"]
    assert set(listed) == set(ARTICLES)
    for path, url in listed.items():
        found = transpubs_url(path, permalink)
        assert found is not None, path
        assert url_path(found) == url_path(unquote(url)), path


def test_a_post_whose_date_has_a_time_zone_is_found_at_each_day_jekyll_may_date_it() -> None:
    """Jekyll dates ``date: 2023-12-31 23:30:00 -0800`` in the site's time zone, else the building
    machine's (the post is at /2024/01/01/… in UTC, at /2023/12/31/… in its own zone): the post is
    found at both, its URL in UTC first."""
    front = {"date": yaml.safe_load("2023-12-31 23:30:00 -0800")}
    name = PurePosixPath("2024-01-12-timed.md")
    assert jekyll_urls(name, front, "", "date", post=True) == [
        "/2024/01/01/timed.html",
        "/2023/12/31/timed.html",
    ]
    assert jekyll_url(name, front, "", "date", post=True) == "/2024/01/01/timed.html"


#: Defaults scoped by path and type (written in the order that shows which wins), and the pages
#: and posts they give URLs to.
SCOPED = [
    {"scope": {"path": "", "type": "posts"}, "values": {"permalink": "/blog/:title/"}},
    {"scope": {"path": "en/_posts/news"}, "values": {"permalink": "/untyped/:title/"}},
    {"scope": {"path": "en/_posts/news", "type": "posts"}, "values": {"permalink": "/typed/:title/"}},
    {"scope": {"path": "en/_posts/news"}, "values": {"permalink": "/later-untyped/:title/"}},
    {"scope": {"path": "en/news", "type": "pages"}, "values": {"permalink": "/:path/n/:basename.html"}},
    {"scope": {"path": "en/news"}, "values": {"permalink": "/:path/later/:basename.html"}},
    {"scope": {"path": "e", "type": "pages"}, "values": {"permalink": "/e/:basename/"}},
    {"scope": {"path": "/en/news"}, "values": {"permalink": "/from-root/:basename/"}},
    {"scope": {"path": "en/*/x"}, "values": {"permalink": "/glob/:basename/"}},
    {"scope": {"path": "en/*/deep", "type": "pages"}, "values": {"permalink": "/deep/:basename/"}},
    {"scope": {"path": "en/_posts/newsroom"}, "values": {"slug": "Room Slug"}},
    {"scope": {"path": "", "type": "drafts"}, "values": {"permalink": "/drafts/:title/"}},
]
SCOPED_ARTICLES = {
    "en/a.md": "",
    "en/index.md": "",
    "en/news/b.md": "",
    "en/newsletter/c.md": "",
    "en/guide/deep/d.md": "",
    "en/own.md": "permalink: /mine/\n",
    "en/_posts/2024-01-08-p4.md": "",
    "en/_posts/news/2024-01-09-p5.md": "",
    "en/_posts/newsroom/2024-01-10-p6.md": "",
    "en/_posts/news/2024-01-11-own.md": "permalink: /own/:title/\n",
}


def test_transpub_finds_each_page_and_post_at_the_url_jekylls_defaults_give_it(tmp_path: Path) -> None:
    """Jekyll's defaults: a scope's path is the start of a file's path (en/news holds
    en/newsletter/c.md; e holds all of en/), the longest wins, then one with a type over one without
    (even a later one), a front matter's permalink over all; a scope giving only a slug leaves the
    permalink of a shorter one; a glob (en/*/deep) holds the files under the folders it finds; a
    path from / holds none of these files."""
    site = tmp_path / "site"
    for path, front in SCOPED_ARTICLES.items():
        page(site, path, front)
    (site / "_config.yml").write_text(yaml.safe_dump({"defaults": SCOPED}), encoding="utf-8")
    (site / "urls.html").write_text(LISTING, encoding="utf-8")
    init(site, "-l", "de")
    built = jekyll_build(site)
    listed = dict(line.split(" => ") for line in (built / "urls.txt").read_text("utf-8").splitlines() if line)
    del listed["urls.html"]
    assert set(listed) == set(SCOPED_ARTICLES)
    project = load_project(site)
    slugs: dict[str, str] = {}
    articles = [(site / path, path, PurePosixPath(path).relative_to("en")) for path in SCOPED_ARTICLES]
    jekyll_links(project, articles, slugs)
    assert {url_path(unquote(url)): path for path, url in listed.items()}.items() <= slugs.items()


# --- A German page links pages Jekyll built ------------------------------------------------------

#: The site's permalink, how its pages' URLs end, and the URLs of the harbour post (slug: port) and
#: of the pier post (category news).
SITES = {
    "date": (
        "date",
        ".html",
        "/en/2024/01/05/port.html",
        "/en/news/2024/01/06/pier-news.html",
    ),
    "pretty": ("pretty", "/", "/en/2024/01/05/port/", "/en/news/2024/01/06/pier-news/"),
    "pattern": ("/:categories/:year/:title", "", "/en/2024/port", "/en/news/2024/pier-news"),
}


def hold_back(site: Path, name: str) -> None:
    """Empty the German catalog named ``name`` (its page below the threshold)."""
    (path,) = (site / "locales" / "de").rglob(name)
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = ""
    catalog.save()


def compiled_with_held_back(site: Path, links: str, *held: str) -> str:
    """The compile's output (on one line) of the Jekyll ``site``, once ``_config.yml`` leaves
    transpub's files out of the build, ``links`` is added to ``[compile.links]`` (one rule, as
    TOML), and the German catalogs named ``held`` are held back (every other one pseudo-translated)."""
    settings = yaml.safe_load((site / "_config.yml").read_text("utf-8"))
    settings["exclude"] = ["locales", "glossary", "transpub.toml", "site"]
    (site / "_config.yml").write_text(yaml.safe_dump(settings), "utf-8")
    with (site / "transpub.toml").open("a", encoding="utf-8") as file:
        file.write(f"\n[compile.links]\n{links}\n")
    transpub(site, "extract")
    fill_pseudo(site)
    for name in held:
        hold_back(site, name)
    return " ".join(transpub(site, "compile").split())


def served(built: Path, href: str) -> bool:
    """Whether the root-relative ``href`` leads to a page jekyll built in ``built`` (a folder's
    index.html; a URL without an ending, its .html file)."""
    path = unquote(urlsplit(href).path)
    file = built / path.lstrip("/")
    if path.endswith("/"):
        return (file / "index.html").is_file()
    return file.is_file() or (
        not PurePosixPath(path).suffix and file.with_name(file.name + ".html").is_file()
    )


def german_hrefs(built: Path) -> dict[str, list[str]]:
    """The root-relative hrefs of each page jekyll built under de/, by page."""
    return {
        path.relative_to(built).as_posix(): [
            href
            for href in lxml.html.fromstring(path.read_bytes()).xpath("//a/@href")
            if href.startswith("/")
        ]
        for path in (built / "de").rglob("*.html")
    }


@pytest.mark.parametrize(("permalink", "end", "harbour_post", "pier_post"), SITES.values(), ids=SITES.keys())
def test_a_german_jekyll_page_never_links_a_page_jekyll_did_not_build(
    tmp_path: Path, permalink: str, end: str, harbour_post: str, pier_post: str
) -> None:
    """Pages in en/ (one in a folder with spaces and punctuation) and posts in en/_posts/ (category
    en, from the folder; one in category news, one with a slug of its own), the harbour page, the
    odd page and the harbour post held back in German: the German ferries page links their English
    pages (compile says so), and the German pier page and post, which are published."""
    site = tmp_path / "harbour"
    links = {
        "harbour": f"/en/harbour{end}",
        "odd": f"/en/Odd%20Folder/Mixed%20Name!{end}",
        "pier": f"/en/pier{end}",
        "harbour post": harbour_post,
        "pier post": pier_post,
    }
    text = "".join(f"See [the {name}]({url}) now.\n\n" for name, url in links.items())
    page(site, "en/ferries.md", text=text)
    for name in ("en/harbour.md", "en/Odd Folder/Mixed Name!.md", "en/pier.md"):
        page(site, name)
    page(site, "en/_posts/2024-01-05-harbour-news.md", "slug: port\n")
    page(site, "en/_posts/2024-01-06-pier-news.md", "categories: [News]\n")
    (site / "_config.yml").write_text(yaml.safe_dump({"title": "Harbour", "permalink": permalink}), "utf-8")
    init(site, "-l", "de")
    config = written(site)["compile"]
    assert config["page_urls"] == "jekyll" and config["source_url_prefix"] == "/en"
    assert config.get("jekyll_permalink", "date") == permalink
    output = compiled_with_held_back(
        site, '"/en/" = "/{lang}/"', "harbour.po", "Mixed Name!.po", "2024-01-05-harbour-news.po"
    )
    for name in ("harbour", "odd", "harbour post"):
        assert f"linked from en/ferries.md ({links[name]})" in output, name
    built = jekyll_build(site)
    hrefs = german_hrefs(built)
    ferries = next(found for name, found in hrefs.items() if "ferries" in name)
    assert ferries == [
        links["harbour"],
        links["odd"],
        links["pier"].replace("/en/", "/de/"),
        links["harbour post"],
        links["pier post"].replace("/en/", "/de/"),
    ]
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []
    assert served(built, links["pier post"].replace("/en/", "/de/"))


#: The site's time zone (_config.yml's timezone; none: the building machine's, UTC here) and the URL
#: Jekyll gives a post of 2024-03-01-late.md dated in its front matter with a time zone of its own
#: (``date: 2024-03-01 23:30:00 -0500``: 04:30 UTC on 2 March): the day in the site's time zone.
ZONED_POSTS = {
    "machine's (UTC)": (None, "/en/2024/03/02/late.html"),
    "Asia/Tokyo": ("Asia/Tokyo", "/en/2024/03/02/late.html"),
    "America/New_York": ("America/New_York", "/en/2024/03/01/late.html"),
    "America/Los_Angeles": ("America/Los_Angeles", "/en/2024/03/01/late.html"),
}


@pytest.mark.parametrize(("timezone", "late"), ZONED_POSTS.values(), ids=ZONED_POSTS.keys())
def test_a_german_page_links_the_english_page_of_a_held_back_post_dated_with_a_time_zone(
    tmp_path: Path, timezone: str | None, late: str
) -> None:
    """The late post, dated with a time zone of its own, is held back in German: the German ferries
    page links its English page at the URL Jekyll gives it, whichever day that is in the site's
    time zone (compile says so), not a German page Jekyll never built."""
    site = tmp_path / "harbour"
    page(site, "en/ferries.md", text=f"See [the late post]({late}) now.\n")
    page(site, "en/_posts/2024-03-01-late.md", "date: 2024-03-01 23:30:00 -0500\n")
    settings = {"title": "Harbour", **({"timezone": timezone} if timezone else {})}
    (site / "_config.yml").write_text(yaml.safe_dump(settings), "utf-8")
    init(site, "-l", "de")
    output = compiled_with_held_back(site, '"/en/" = "/{lang}/"', "2024-03-01-late.po")
    assert f"not published in de, linked from en/ferries.md ({late})" in output, output
    built = jekyll_build(site)
    assert served(built, late)
    hrefs = german_hrefs(built)
    assert next(found for name, found in hrefs.items() if "ferries" in name) == [late]
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []


#: Two posts named "news" on neighbouring days: the late one dated with a time in its front matter
#: (its file's name, 2024-01-01-news.md, written before it was dated), on a site whose time zone is
#: known (_config.yml's timezone, or the building machine's, which transpub.toml names): its
#: _config.yml timezone, the machine's, the late post's date, and the URLs Jekyll gives the late
#: post and the other, whose file is named for the day next to it.
NEIGHBOURS = {
    "Asia/Tokyo": (
        "Asia/Tokyo",
        None,
        "2024-03-01 23:30:00 -0500",  # 13:30 on 2 March in Tokyo
        "/en/2024/03/02/news.html",
        "2024-03-01-news.md",
        "/en/2024/03/01/news.html",
    ),
    "Asia/Tokyo, a time YAML reads in UTC": (
        "Asia/Tokyo",
        None,
        "2024-03-01 20:00:00",  # 05:00 on 2 March in Tokyo
        "/en/2024/03/02/news.html",
        "2024-03-01-news.md",
        "/en/2024/03/01/news.html",
    ),
    "America/New_York": (
        "America/New_York",
        None,
        "2024-03-01 23:30:00 -0500",  # 04:30 on 2 March in UTC
        "/en/2024/03/01/news.html",
        "2024-03-02-news.md",
        "/en/2024/03/02/news.html",
    ),
    "America/New_York in summer time": (
        "America/New_York",
        None,
        "2024-07-02 00:30:00 -0400",  # 00:30 on 2 July in New York's summer time, not 23:30 on 1 July
        "/en/2024/07/02/news.html",
        "2024-07-01-news.md",
        "/en/2024/07/01/news.html",
    ),
    "no timezone: the machine's, Asia/Tokyo": (
        None,
        "Asia/Tokyo",
        "2024-03-01 23:30:00 -0500",
        "/en/2024/03/02/news.html",
        "2024-03-01-news.md",
        "/en/2024/03/01/news.html",
    ),
}


@pytest.mark.parametrize(
    ("timezone", "machine", "date", "late", "neighbour", "neighbours"),
    NEIGHBOURS.values(),
    ids=NEIGHBOURS.keys(),
)
def test_a_post_dated_with_a_time_is_told_from_a_post_of_the_same_name_on_the_next_day(
    tmp_path: Path,
    timezone: str | None,
    machine: str | None,
    date: str,
    late: str,
    neighbour: str,
    neighbours: str,
) -> None:
    """With the site's time zone known ([compile] jekyll_timezone: init copies _config.yml's; the
    building machine's set by hand), the late post is at the one URL of its day in that zone, not
    also at its neighbour's: held back in German, the German ferries
    page links its English page (compile says so), and the neighbour's German page, which is
    published; Jekyll built every page the German pages link."""
    site = tmp_path / "harbour"
    page(site, "en/ferries.md", text=f"See [the late news]({late}) and [the other news]({neighbours}).\n")
    page(site, "en/_posts/2024-01-01-news.md", f"date: {date}\n")
    page(site, f"en/_posts/{neighbour}")
    settings = {"title": "Harbour", **({"timezone": timezone} if timezone else {})}
    (site / "_config.yml").write_text(yaml.safe_dump(settings), "utf-8")
    init(site, "-l", "de")
    assert written(site)["compile"].get("jekyll_timezone") == timezone  # init copies _config.yml's
    if machine is not None:  # the building machine's zone, which only the user knows
        config = (site / "transpub.toml").read_text("utf-8")
        config = config.replace("[compile]\n", f'[compile]\njekyll_timezone = "{machine}"\n', 1)
        (site / "transpub.toml").write_text(config, "utf-8")
    output = compiled_with_held_back(site, '"/en/" = "/{lang}/"', "2024-01-01-news.po")
    assert f"not published in de, linked from en/ferries.md ({late})" in output, output
    assert neighbours not in output, output
    built = jekyll_build(site, machine)
    assert served(built, late) and served(built, neighbours)
    hrefs = german_hrefs(built)
    ferries = next(found for name, found in hrefs.items() if "ferries" in name)
    assert ferries == [late, neighbours.replace("/en/", "/de/")]
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []


#: A site whose permalinks are set by _config.yml's defaults (for all posts; for the posts of a
#: folder, which wins; for all pages; for the pages of a folder, where the scope with a type wins
#: over a later one without), served under a baseurl.
DEFAULTS = [
    {"scope": {"path": "", "type": "posts"}, "values": {"permalink": "/:categories/blog/:title/"}},
    *(
        {
            "scope": {"path": f"{lang}/_posts/news"},
            "values": {"permalink": "/:categories/news/:year/:title.html"},
        }
        for lang in ("en", "de")
    ),
    {"scope": {"path": "", "type": "pages"}, "values": {"permalink": "/:path/:basename/"}},
    *(
        scope
        for lang in ("en", "de")
        for scope in (
            {
                "scope": {"path": f"{lang}/guide", "type": "pages"},
                "values": {"permalink": "/:path/:basename.htm"},
            },
            {"scope": {"path": f"{lang}/guide"}, "values": {"permalink": "/elsewhere/:basename/"}},
        )
    ),
]


def test_a_german_page_of_a_jekyll_site_with_default_permalinks_and_a_baseurl_links_only_built_pages(
    tmp_path: Path,
) -> None:
    """A site whose permalinks are _config.yml's defaults (a post's own permalink winning over its
    folder's) and whose links start with its baseurl (/myblog): init copies both; the harbour page
    and the harbour post held back in German, the German ferries page links their English pages
    (compile says so), and the German guide page and news posts, which are published."""
    site = tmp_path / "harbour"
    links = {
        "harbour": "/myblog/en/harbour/",
        "guide": "/myblog/en/guide/pier.htm",
        "harbour post": "/myblog/en/blog/harbour-news/",
        "news post": "/myblog/en/news/2024/pier.html",
        "own post": "/myblog/en/own/moored/",
    }
    text = "".join(f"See [the {name}]({url}) now.\n\n" for name, url in links.items())
    page(site, "en/ferries.md", text=text)
    page(site, "en/harbour.md")
    page(site, "en/guide/pier.md")
    page(site, "en/_posts/2024-01-05-harbour-news.md")
    page(site, "en/_posts/news/2024-01-06-pier.md")
    page(site, "en/_posts/news/2024-01-07-moored.md", "permalink: /:categories/own/:title/\n")
    settings = {"title": "Harbour", "baseurl": "/myblog", "defaults": DEFAULTS}
    (site / "_config.yml").write_text(yaml.safe_dump(settings), "utf-8")
    init(site, "-l", "de")
    config = written(site)["compile"]
    assert config["jekyll_baseurl"] == "/myblog"
    news = "/:categories/news/:year/:title.html"
    assert config["jekyll_defaults"] == {  # (a scope without a type is also the posts' and pages')
        "posts": {"": "/:categories/blog/:title/", "_posts/news": news, "guide": "/elsewhere/:basename/"},
        "pages": {"": "/:path/:basename/", "_posts/news": news, "guide": "/:path/:basename.htm"},
    }
    output = compiled_with_held_back(
        site, '"/myblog/en/" = "/myblog/{lang}/"', "harbour.po", "2024-01-05-harbour-news.po"
    )
    for name in ("harbour", "harbour post"):
        assert f"linked from en/ferries.md ({links[name]})" in output, name
    built = jekyll_build(site)
    hrefs = {
        name: [href.removeprefix("/myblog") for href in found] for name, found in german_hrefs(built).items()
    }
    ferries = next(found for name, found in hrefs.items() if "ferries" in name)
    held = {"harbour", "harbour post"}
    assert ferries == [
        url.removeprefix("/myblog") if name in held else url.removeprefix("/myblog").replace("/en/", "/de/")
        for name, url in links.items()
    ]
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []


#: A site whose defaults set other keys that make a post's URL (categories and category, merged
#: from every scope that holds the post, a longer scope's winning; slug) and scopes by globs (*:
#: one folder name, the languages' folders too), for the pages and posts of both languages.
DEFAULT_KEYS = [
    {"scope": {"path": "*/_posts"}, "values": {"categories": "Boats"}},
    *(
        {"scope": {"path": f"{lang}/_posts/news", "type": "posts"}, "values": {"category": "Harbour"}}
        for lang in ("en", "de")
    ),
    {"scope": {"path": "*/_posts/*/old"}, "values": {"slug": "archived"}},
    {"scope": {"path": "*/guide/*/deep", "type": "pages"}, "values": {"permalink": "/:path/:basename/"}},
]


def test_a_german_page_links_only_built_pages_where_defaults_set_categories_slugs_and_glob_scopes(
    tmp_path: Path,
) -> None:
    """_config.yml's defaults give posts categories (a folder's category added to all posts'),
    a slug (by a glob of folders) and pages a permalink (by a glob): init copies them; the posts
    and the page they make URLs of held back in German, the German ferries page links their English
    pages (compile says so), and the German pier post and guide page, which are published."""
    site = tmp_path / "harbour"
    links = {
        "harbour post": "/en/boats/2024/01/05/harbour.html",
        "moored post": "/en/boats/harbour/2024/01/07/moored.html",
        "old post": "/en/boats/2023/05/01/archived.html",
        "held guide": "/en/guide/a/deep/held/",
        "pier post": "/en/boats/harbour/2024/01/06/pier.html",
        "pier guide": "/en/guide/a/deep/pier/",
    }
    text = "".join(f"See [the {name}]({url}) now.\n\n" for name, url in links.items())
    page(site, "en/ferries.md", text=text)
    page(site, "en/_posts/2024-01-05-harbour.md")
    page(site, "en/_posts/news/2024-01-06-pier.md")
    page(site, "en/_posts/news/2024-01-07-moored.md")
    page(site, "en/_posts/2023/old/2023-05-01-boat.md")
    page(site, "en/guide/a/deep/held.md")
    page(site, "en/guide/a/deep/pier.md")
    (site / "_config.yml").write_text(yaml.safe_dump({"title": "Harbour", "defaults": DEFAULT_KEYS}), "utf-8")
    init(site, "-l", "de")
    assert written(site)["compile"]["jekyll_defaults"] == {
        "posts": {
            "_posts": {"categories": ["Boats"]},
            "_posts/news": {"category": "Harbour"},
            "_posts/*/old": {"slug": "archived"},
        },
        "pages": {
            "_posts": {"categories": ["Boats"]},
            "_posts/*/old": {"slug": "archived"},
            "guide/*/deep": "/:path/:basename/",
        },
    }
    held = ("2024-01-05-harbour.po", "2024-01-07-moored.po", "2023-05-01-boat.po", "held.po")
    output = compiled_with_held_back(site, '"/en/" = "/{lang}/"', *held)
    for name in ("harbour post", "moored post", "old post", "held guide"):
        assert f"linked from en/ferries.md ({links[name]})" in output, name
    built = jekyll_build(site)
    hrefs = german_hrefs(built)
    ferries = next(found for name, found in hrefs.items() if "ferries" in name)
    assert ferries == [url.replace("/en/", "/de/") if "pier" in name else url for name, url in links.items()]
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []


#: Documents of a collection (recipes, published), with the front matter that decides their URLs.
DOCUMENTS = {
    "_recipes/en/soup.md": "",
    "_recipes/en/Odd Pot! Ünï.md": "",
    "_recipes/en/sub/2024-01-05-stew.md": "",
    "_recipes/en/slugged.md": "slug: My Slug!\n",
    "_recipes/en/dated.md": "date: 2023-12-31\ncategories: [Hot, Winter]\n",
    "_recipes/en/own.md": "permalink: /mine/:name/\n",
}

#: The site's permalink and the recipes' own (None: Jekyll's, /:collection/:path ending as pages do).
COLLECTION_PERMALINKS = [
    ("date", None),
    ("pretty", None),
    ("/:title", None),
    ("date", "/:collection/:name/"),
    ("date", "/:collection/:path/:title:output_ext"),
    ("date", "/c/:categories/:year/:slug/"),
]


@pytest.mark.parametrize(("site_permalink", "permalink"), COLLECTION_PERMALINKS)
def test_transpub_finds_each_document_of_a_collection_at_the_url_jekyll_gives_it(
    tmp_path: Path, site_permalink: str, permalink: str | None
) -> None:
    """init copies the permalink of each published collection (its own, else Jekyll's) and the
    defaults of its type; each document is found at the URL jekyll gives it, but one a pattern dates that has no date (Jekyll
    dates it at the build): it is not found at all."""
    site = tmp_path / "site"
    for path, front in DOCUMENTS.items():
        page(site, path, front)
    recipes = {"output": True, **({"permalink": permalink} if permalink else {})}
    defaults = [
        {"scope": {"path": "_recipes/en/sub", "type": "recipes"}, "values": {"permalink": "/sub/:title/"}}
    ]
    settings = {
        "permalink": site_permalink,
        "collections": {"recipes": recipes, "notes": {"output": False}},
        "defaults": defaults,
    }
    (site / "_config.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    (site / "urls.html").write_text(
        "---\npermalink: /urls.txt\n---\n{% for d in site.recipes %}{{ d.relative_path }} => {{ d.url }}\n{% endfor %}",
        encoding="utf-8",
    )
    init(site, "-l", "de")
    config = written(site)
    assert config["paths"]["articles"] == "_recipes/en" and config["compile"]["markdown_dir"] == "_recipes"
    assert config["compile"]["jekyll_collections"] == {
        "recipes": permalink
        or f"/:collection/:path{ {'date': ':output_ext', 'pretty': '/'}.get(site_permalink, '') }"
    }
    assert config["compile"]["jekyll_defaults"] == {"recipes": {"sub": "/sub/:title/"}}
    built = jekyll_build(site)
    listed = dict(line.split(" => ") for line in (built / "urls.txt").read_text("utf-8").splitlines() if line)
    assert set(listed) == set(DOCUMENTS)
    project = load_project(site)
    slugs: dict[str, str] = {}
    articles = [(site / path, path, PurePosixPath(path).relative_to("_recipes/en")) for path in DOCUMENTS]
    jekyll_links(project, articles, slugs)
    undated = {"_recipes/en/soup.md", "_recipes/en/Odd Pot! Ünï.md", "_recipes/en/slugged.md"}
    for path, url in listed.items():
        if permalink and ":year" in permalink and path in undated:
            assert path not in slugs.values(), path
        else:
            assert slugs.get(url_path(unquote(url))) == path, path


def test_a_german_recipe_links_only_built_pages_of_a_collection(tmp_path: Path) -> None:
    """A site whose articles are the documents of a collection in a folder of their own language
    (_recipes/en/, published at /recipes/en/…): init takes them; the soup recipe held back in
    German, the German menu links its English page (compile says so), and the German stew."""
    site = tmp_path / "harbour"
    page(
        site,
        "_recipes/en/menu.md",
        text="See [the soup](/recipes/en/soup/) and [the stew](/recipes/en/stew/).",
    )
    page(site, "_recipes/en/soup.md")
    page(site, "_recipes/en/stew.md")
    recipes = {"output": True, "permalink": "/:collection/:path/"}
    (site / "_config.yml").write_text(
        yaml.safe_dump({"title": "Harbour", "collections": {"recipes": recipes}}), "utf-8"
    )
    init(site, "-l", "de")
    output = compiled_with_held_back(site, '"/recipes/en/" = "/recipes/{lang}/"', "soup.po")
    assert "linked from _recipes/en/menu.md (/recipes/en/soup/)" in output, output
    built = jekyll_build(site)
    menu = [
        href
        for href in lxml.html.fromstring((built / "recipes/de/menu/index.html").read_bytes()).xpath(
            "//a/@href"
        )
    ]
    assert menu == ["/recipes/en/soup/", "/recipes/de/stew/"]
    assert all(served(built, href) for href in menu)


def test_with_polyglot_a_german_recipe_links_german_documents_by_a_rule_without_the_language(
    tmp_path: Path,
) -> None:
    """As above, the site loading jekyll-polyglot: each German document is served at /de + the
    English one's URL without /en (/de/recipes/stew/), and the rule "/recipes/en/" = "/recipes/"
    leads the German menu there (polyglot adds /de); the held-back soup's link stays as written,
    to the English soup polyglot serves at /de/recipes/en/soup/."""
    site = tmp_path / "harbour"
    page(
        site,
        "_recipes/en/menu.md",
        text="See [the soup](/recipes/en/soup/) and [the stew](/recipes/en/stew/).",
    )
    page(site, "_recipes/en/soup.md")
    page(site, "_recipes/en/stew.md")
    polyglot = {"plugins": ["jekyll-polyglot"], "languages": ["en", "de"], "default_lang": "en"}
    polyglot |= {"lang_from_path": True, "parallel_localization": False}
    recipes = {"output": True, "permalink": "/:collection/:path/"}
    settings = {"title": "Harbour", "collections": {"recipes": recipes}, **polyglot}
    (site / "_config.yml").write_text(yaml.safe_dump(settings), "utf-8")
    init(site, "-l", "de")
    compiled_with_held_back(site, '"/recipes/en/" = "/recipes/"', "soup.po")
    built = polyglot_build(site)
    menu = lxml.html.fromstring((built / "de/recipes/menu/index.html").read_bytes()).xpath("//a/@href")
    assert menu == ["/de/recipes/en/soup/", "/de/recipes/stew/"]
    assert all(served(built, href) for href in menu)


def test_a_german_page_links_only_built_posts_where_the_posts_have_a_permalink_of_their_own(
    tmp_path: Path,
) -> None:
    """Pages in en/ with the site's permalink (pretty), posts in en/_posts/ with the posts
    collection's own (collections: posts: permalink:): init copies it to
    [compile.jekyll_collections]; the harbour post held back in German, the German ferries page
    links its English page (compile says so), and the German pier post and page."""
    site = tmp_path / "harbour"
    links = {
        "harbour post": "/en/news/harbour.html",
        "pier post": "/en/news/pier.html",
        "pier": "/en/pier/",
    }
    text = "".join(f"See [the {name}]({url}) now.\n\n" for name, url in links.items())
    page(site, "en/ferries.md", text=text)
    page(site, "en/pier.md")
    page(site, "en/_posts/2024-01-05-harbour.md")
    page(site, "en/_posts/2024-01-06-pier.md")
    posts = {"permalink": "/:categories/news/:title:output_ext"}
    settings = {"title": "Harbour", "permalink": "pretty", "collections": {"posts": posts}}
    (site / "_config.yml").write_text(yaml.safe_dump(settings), "utf-8")
    init(site, "-l", "de")
    config = written(site)["compile"]
    assert config["jekyll_permalink"] == "pretty"
    assert config["jekyll_collections"] == {"posts": "/:categories/news/:title:output_ext"}
    output = compiled_with_held_back(site, '"/en/" = "/{lang}/"', "2024-01-05-harbour.po")
    assert f"linked from en/ferries.md ({links['harbour post']})" in output, output
    built = jekyll_build(site)
    hrefs = german_hrefs(built)
    ferries = next(found for name, found in hrefs.items() if "ferries" in name)
    assert ferries == [
        url if name == "harbour post" else url.replace("/en/", "/de/") for name, url in links.items()
    ]
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []


#: Links of the ferries page written as Liquid tags that name a page's or a post's file (a
#: reference definition's too), whether their target is held back in German, and what the German
#: page's tag names.
TAGGED = {
    "harbour": ("{% link en/harbour.md %}", True, "{% link en/harbour.md %}"),
    "pier": ("{% link en/pier.md %}", False, "{% link de/pier.md %}"),
    "harbour post": ("{% post_url en/2024-01-05-harbour %}", True, "{% post_url en/2024-01-05-harbour %}"),
    "pier post": ("{%- post_url en/2024-01-06-pier -%}", False, "{%- post_url de/2024-01-06-pier -%}"),
    "pier post by date": ("{% post_url 2024-01-06-pier %}", False, "{% post_url de/2024-01-06-pier %}"),
}


def test_a_german_page_names_the_german_file_in_its_liquid_link_and_post_url_tags(tmp_path: Path) -> None:
    """Built without jekyll-polyglot (a [compile.links] rule), {% link %} and {% post_url %} in
    the German ferries page name the German page's and post's files where they are published
    (a reference definition's, an HTML link's and one in running text too), the English ones where they are held back (compile says so):
    every link leads to a page Jekyll built, the German pages where there are; the pseudo-translated
    page is its source but for those tags. (With jekyll-polyglot, and no rule, the same: see
    test_multilingual_sites.)"""
    site = tmp_path / "harbour"
    text = "".join(f"See [the {name}]({tag}) now.\n\n" for name, (tag, _, _) in TAGGED.items())
    text += (
        "And [the pier again][pier], <a href='{% link en/pier.md %}'>the pier</a> and "
        '<a href="{% link en/harbour.md %}">the harbour</a>; the pier is at {% link en/pier.md %}.\n\n'
        '<p><a href="{% link en/pier.md %}">The pier</a></p>\n\n'
        "[pier]: {% link en/pier.md %}\n"
    )
    page(site, "en/ferries.md", text=text)
    page(site, "en/harbour.md")
    page(site, "en/pier.md")
    page(site, "en/_posts/2024-01-05-harbour.md")
    page(site, "en/_posts/2024-01-06-pier.md")
    (site / "_config.yml").write_text(yaml.safe_dump({"title": "Harbour"}), "utf-8")
    init(site, "-l", "de")
    output = compiled_with_held_back(site, '"/en/" = "/{lang}/"', "harbour.po", "2024-01-05-harbour.po")
    for name, (tag, held, _) in TAGGED.items():
        assert (f"linked from en/ferries.md ({tag})" in output) == held, name
    # (Jekyll takes the first post of that date and name, de/_posts/'s in the English page too)
    assert (
        "{% post_url 2024-01-06-pier %} names no folder: Jekyll finds the post by its date and name alone, "
        "and may take a translation of en/_posts/2024-01-06-pier.md for it, in every language's page: "
        "write {% post_url en/2024-01-06-pier %}"
    ) in output
    source = (site / "en" / "ferries.md").read_text("utf-8")
    expected = source.replace("{% link en/pier.md %}", "{% link de/pier.md %}")
    for tag, _, localized in TAGGED.values():
        expected = expected.replace(f"({tag})", f"({localized})")
    german = (site / "de" / "ferries.md").read_text("utf-8")
    assert german.replace("⟦", "").replace("⟧", "") == expected
    built = jekyll_build(site)
    hrefs = german_hrefs(built)
    ferries = next(found for name, found in hrefs.items() if "ferries" in name)
    assert ferries == [
        "/en/harbour.html",
        "/de/pier.html",
        "/en/2024/01/05/harbour.html",
        "/de/2024/01/06/pier.html",
        "/de/2024/01/06/pier.html",
        "/de/pier.html",
        "/de/pier.html",
        "/en/harbour.html",
        "/de/pier.html",
    ]
    assert "the pier is at /de/pier.html." in (built / "de" / "ferries.html").read_text("utf-8")
    english = lxml.html.fromstring((built / "en" / "ferries.html").read_bytes()).xpath("//a/@href")
    assert english[4] == "/de/2024/01/06/pier.html"  # (the date's and name's first post: hence the warning)
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []


def test_init_copies_the_permalink_that_makes_a_jekyll_blogs_post_urls(tmp_path: Path) -> None:
    """The site's permalink makes its pages' URLs, the posts collection's own (where it has one)
    its posts'; Jekyll's default (date) is not written; a blog's pages and posts have no
    source_url_prefix (their URLs are the permalink's)."""
    for name, settings, expected, posts in (
        (
            "own",
            {"permalink": "pretty", "collections": {"posts": {"permalink": "/p/:title/"}}},
            "pretty",
            "/p/:title/",
        ),
        ("site", {"permalink": "ordinal"}, "ordinal", None),
        ("default", {"permalink": "date"}, None, None),
        (
            "defaults",
            {"defaults": [{"scope": {"path": "_posts/news"}, "values": {"permalink": "/n/:title/"}}]},
            None,
            None,
        ),
    ):
        site = tmp_path / name
        (site / "_posts").mkdir(parents=True)
        (site / "_config.yml").write_text(yaml.safe_dump({"title": "Blog", **settings}), "utf-8")
        init(site, "-l", "de")
        config = written(site)["compile"]
        assert config["page_urls"] == "jekyll" and "source_url_prefix" not in config
        assert config.get("jekyll_permalink") == expected, name
        assert config.get("jekyll_collections", {}).get("posts") == posts, name
    assert config["jekyll_defaults"] == {"posts": {"_posts/news": "/n/:title/"}}  # (no page is in _posts/)


def test_compile_warns_of_a_liquid_link_after_site_baseurl_which_jekyll_4_leads_to_the_baseurl_twice(
    tmp_path: Path,
) -> None:
    """Jekyll 4's {% link %} and {% post_url %} start their URL with the site's baseurl already:
    written after {{ site.baseurl }} (as Jekyll 3 wanted), the English and German pages lead to
    /myblog/myblog/…, which Jekyll never built. compile keeps the links as written (naming the
    German files) and warns once per page, naming the line of the first and counting the others (in
    running text too; not in a raw block, which Jekyll writes as it is); a tag alone is not warned
    of."""
    site = tmp_path / "harbour"
    text = (
        "See [the pier]({{ site.baseurl }}{% link en/pier.md %}) now.\n\n"
        "And [the pier post]({{ site.baseurl }}{% post_url en/2024-01-06-pier %}).\n\n"
        "The pier is at {{ site.baseurl }}{% link en/pier.md %}.\n\n"
        "Jekyll 3 wrote {% raw %}{{ site.baseurl }}{% link en/pier.md %}{% endraw %}.\n"
    )
    page(site, "en/ferries.md", text=text)
    page(site, "en/harbour.md", text="See [the pier]({% link en/pier.md %}).")
    page(site, "en/pier.md")
    page(site, "en/_posts/2024-01-06-pier.md")
    (site / "_config.yml").write_text(yaml.safe_dump({"title": "Harbour", "baseurl": "/myblog"}), "utf-8")
    init(site, "-l", "de")
    output = compiled_with_held_back(site, '"/myblog/en/" = "/myblog/{lang}/"')
    assert (
        "en/ferries.md:4: {{ site.baseurl }}{% link en/pier.md %} (and 2 more links of the page) leads to "
        "/myblog/myblog/… in Jekyll 4, whose link and post_url tags start their URL with the baseurl: "
        "write {% link en/pier.md %} alone (GitHub Pages' Jekyll 3 does not add it)"
    ) in output, output
    assert output.count("/myblog/myblog/") == 1
    built = jekyll_build(site)
    hrefs = german_hrefs(built)
    assert next(found for name, found in hrefs.items() if "ferries" in name) == [
        "/myblog/myblog/de/pier.html",
        "/myblog/myblog/de/2024/01/06/pier.html",
    ]
    assert next(found for name, found in hrefs.items() if "harbour" in name) == ["/myblog/de/pier.html"]
    german = (built / "de" / "ferries.html").read_text("utf-8")
    assert "is at /myblog/myblog/de/pier.html." in german
    assert "wrote {{ site.baseurl }}{% link en/pier.md %}." in german


def test_compile_warns_of_a_document_without_a_date_whose_collections_permalink_dates_it(
    tmp_path: Path,
) -> None:
    """A collection whose permalink holds a day (/:collection/:year/:path/): Jekyll dates a document
    that has no date of its own (front matter or file name) at the build (here the time _config.yml
    sets), a URL compile cannot know: compile warns, naming the document, once; the dated ones
    are not warned of, and are where transpub finds them."""
    site = tmp_path / "harbour"
    page(site, "_recipes/en/soup.md")
    page(site, "_recipes/en/stew.md", "date: 2024-01-05\n")
    page(site, "_recipes/en/2024-02-01-pie.md")
    recipes = {"output": True, "permalink": "/:collection/:year/:path/"}
    settings = {"title": "Harbour", "time": "2031-02-03 10:00:00", "collections": {"recipes": recipes}}
    (site / "_config.yml").write_text(yaml.safe_dump(settings), "utf-8")
    init(site, "-l", "de")
    output = compiled_with_held_back(site, '"/recipes/" = "/recipes/"')
    assert (
        "_recipes/en/soup.md: has no date, and its permalink /:collection/:year/:path/ writes one: Jekyll "
        "dates it at each build, at a URL compile cannot know, so a link to it is not known as one (a "
        "page in a language it is held back in may link a page Jekyll does not build): set date: in its "
        "front matter"
    ) in output, output
    assert output.count("has no date") == 1
    built = jekyll_build(site)
    assert served(built, "/recipes/2031/en/soup/") and served(built, "/recipes/2031/de/soup/")
    project = load_project(site)
    slugs: dict[str, str] = {}
    articles = [
        (site / "_recipes/en" / name, name, PurePosixPath(name)) for name in ("stew.md", "2024-02-01-pie.md")
    ]
    jekyll_links(project, articles, slugs)
    assert served(built, "/recipes/2024/en/stew/") and slugs["/recipes/2024/en/stew/"] == "stew.md"
    assert served(built, "/recipes/2024/en/2024-02-01-pie/")


def test_a_german_page_names_the_german_file_in_its_liquid_tags_where_the_site_sets_a_source_folder(
    tmp_path: Path,
) -> None:
    """_config.yml's source: src (the site's files in src/, jekyll run in the folder above it):
    {% link %} and {% post_url %} name files by their paths in src/, as a page's defaults do; init
    copies it ([compile] jekyll_source), and the German ferries page names the German files of the
    pier page and post (not src/de/…, which Jekyll cannot find), the English one of the held-back
    harbour page (compile says so); every link leads to a page Jekyll built, the German ones where
    there are."""
    site = tmp_path / "harbour"
    text = (
        "See [the harbour]({% link en/harbour.md %}), [the pier]({% link en/pier.md %}) and "
        "[the pier post]({% post_url en/2024-01-06-pier %}).\n"
    )
    page(site, "src/en/ferries.md", text=text)
    page(site, "src/en/harbour.md")
    page(site, "src/en/pier.md")
    page(site, "src/en/_posts/2024-01-06-pier.md")
    (site / "_config.yml").write_text(yaml.safe_dump({"title": "Harbour", "source": "src"}), "utf-8")
    init(site, "-l", "de")
    config = written(site)
    assert config["paths"]["articles"] == "src/en" and config["compile"]["jekyll_source"] == "src"
    output = compiled_with_held_back(site, '"/en/" = "/{lang}/"', "harbour.po")
    assert "linked from src/en/ferries.md ({% link en/harbour.md %})" in output, output
    german = (site / "src" / "de" / "ferries.md").read_text("utf-8")
    assert "({% link de/pier.md %})" in german and "({% post_url de/2024-01-06-pier %})" in german
    assert JEKYLL is not None
    run([JEKYLL, "build", "--quiet"], site)  # (no --source: _config.yml's)
    built = site / "_site"
    hrefs = german_hrefs(built)
    assert next(found for name, found in hrefs.items() if "ferries" in name) == [
        "/en/harbour.html",
        "/de/pier.html",
        "/de/2024/01/06/pier.html",
    ]
    assert [(name, href) for name, found in hrefs.items() for href in found if not served(built, href)] == []
