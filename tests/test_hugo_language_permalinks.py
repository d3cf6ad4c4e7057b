"""A Hugo site whose German pages have permalinks of their own (``[languages.de.permalinks]``, which
the real hugo 0.111 takes in place of the site's, all of them: a section they leave out is at its
default URL in German). init copies them to ``[compile.permalinks.de]``, from each of the formats
Hugo reads; compile links a German page to another where hugo publishes it in German, and warns of a
translated title by the URL the German pattern makes of it, as hugo builds the site."""

from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import polib
import pytest
import tomli_w
import yaml
from click.testing import CliRunner

from pseudo_catalogs import fill_pseudo
from real_renderers import HUGO
from test_hugo_site import merged
from test_hugo_title_urls import entry_line, pages_showing, titled_site
from test_init_site import (
    FERRY,
    HARBOUR,
    add_to_hugo_toml,
    additions,
    built_hrefs,
    hugo_build,
    hugo_site,
    init,
    pseudo_translate,
    served,
    transpub,
    written,
)
from transpub.cli import main

needs_hugo = pytest.mark.skipif(
    HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)"
)

#: The site's permalinks, and the German pages' own (none for news: at its default URL in German).
PERMALINKS = (
    '[permalinks]\nposts = "/articles/:filename/"\nnews = "/n/:year/:filename/"\n'
    '[languages.de.permalinks]\nposts = "/beitraege/:slug/"\n'
)


def in_format(site: Path, where: str) -> None:
    """The site's hugo.toml written as Hugo reads it from ``where`` instead: hugo.yaml, hugo.json, or
    config/_default/ (its languages in languages.toml)."""
    settings = tomllib.loads((site / "hugo.toml").read_text("utf-8"))
    (site / "hugo.toml").unlink()
    if where == "hugo.yaml":
        (site / where).write_text(yaml.safe_dump(settings), encoding="utf-8")
    elif where == "hugo.json":
        (site / where).write_text(json.dumps(settings), encoding="utf-8")
    else:
        (site / where).mkdir(parents=True)
        (site / where / "languages.toml").write_text(tomli_w.dumps(settings.pop("languages", {})), "utf-8")
        (site / where / "hugo.toml").write_text(tomli_w.dumps(settings), encoding="utf-8")


def hrefs_in(public: Path, folder: str) -> list[str]:
    """The root-relative hrefs of the pages hugo built under ``folder`` (``de``), all in one list."""
    return [href for links in built_hrefs(public, folder).values() for href in links]


@pytest.mark.parametrize("where", ["hugo.toml", "hugo.yaml", "hugo.json", "config/_default"])
def test_init_copies_the_german_pages_own_permalinks_from_each_format_hugo_reads(
    tmp_path: Path, where: str
) -> None:
    """Spanish, without permalinks of its own, keeps the site's: a [compile.links] rule for their
    folders leads its links there; German pages are linked where their own put them."""
    site = hugo_site(tmp_path / "harbour", config=PERMALINKS)
    (site / "content" / "news").mkdir()
    (site / "content" / "news" / "regatta.md").write_text(HARBOUR, encoding="utf-8")
    if where != "hugo.toml":
        in_format(site, where)
    output = init(site, "-l", "de", "-l", "es")
    config = written(site)["compile"]
    assert config["permalinks"] == {
        "news": "/n/:year/:filename/",
        "posts": "/articles/:filename/",
        "de": {"posts": "/beitraege/:slug/"},
    }
    assert config["links"] == {
        "/news/": "/{lang}/news/",
        "/n/": "/{lang}/n/",
        "/posts/": "/{lang}/posts/",
        "/articles/": "/{lang}/articles/",
    }
    assert "Note: the site's permalinks" not in output  # (compile follows them all)


@needs_hugo
@pytest.mark.parametrize("rules", [True, False], ids=["with link rules", "without"])
def test_a_german_link_to_a_post_leads_where_hugo_publishes_it_by_the_german_permalinks(
    tmp_path: Path, rules: bool
) -> None:
    """The ferry's link to the harbour (/articles/harbour/, with a query and a fragment) is
    /de/beitraege/2024/port/… in German (the harbour's year and slug by the German pattern) and
    /es/articles/harbour/… in Spanish (the site's pattern): where hugo publishes each. Dated anew,
    the harbour moves in German, and so does the link (the ferry is compiled again). Without a
    [compile.links] rule the German link is still where the German permalinks put it, the Spanish
    one as written (the English page)."""
    site = hugo_site(tmp_path / "harbour", config=PERMALINKS.replace(":slug/", ":year/:slug/"))
    (site / "content" / "posts" / "ferry.md").write_text(
        FERRY.replace("/posts/harbour/", "/articles/harbour/?x=1#dock"), "utf-8"
    )
    harbour = site / "content" / "posts" / "harbour.md"
    harbour.write_text(HARBOUR.replace("title:", "date: 2024-05-02\nslug: port\ntitle:"), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "de", "-l", "es"))
    if not rules:
        config = site / "transpub.toml"
        config.write_text(re.sub(r"\[compile\.links\]\n(.+\n)+", "", config.read_text("utf-8")), "utf-8")
        assert "compile" not in written(site) or "links" not in written(site)["compile"]
    pseudo_translate(site)
    for year in ("2024", "2025"):
        if year == "2025":
            harbour.write_text(harbour.read_text("utf-8").replace("2024", year), "utf-8")
            transpub(site, "compile")
            shutil.rmtree(site / "public")  # (hugo leaves the pages it built before)
        hugo_build(site)
        public = site / "public"
        assert pages_showing(public, "harbour reopens", "de") == [f"de/beitraege/{year}/port"]
        german = hrefs_in(public, "de")
        assert german == [f"/de/beitraege/{year}/port/?x=1#dock"]
        spanish = hrefs_in(public, "es")
        assert spanish == [f"{'/es' if rules else ''}/articles/harbour/?x=1#dock"]
        assert all(served(public, href.split("?")[0]) for href in german + spanish)


@needs_hugo
def test_german_titles_are_warned_of_by_the_url_the_german_permalinks_make_of_them(tmp_path: Path) -> None:
    """Both posts titled "Posts" in German: the site's pattern (/:title/) would put them at /de/posts/,
    the section's list; the German one puts them at /de/beitraege/posts/, where hugo publishes one
    of the two (which one varies from build to build), and compile warns of that, naming the German
    pattern."""
    site = titled_site(
        tmp_path,
        "/:title/",
        {"The harbour": "Posts", "The ferry timetable": "Posts"},
        more='[languages.de.permalinks]\nposts = "/beitraege/:title/"\n',
        locale="de",
    )
    output = " ".join(transpub(site, "compile").split())
    harbour = entry_line(site, "harbour", "The harbour", "de").removeprefix("Warning: ").removesuffix(":")
    assert output.count("makes the de page's URL") == 1, output
    assert (
        f'{entry_line(site, "ferry", "The ferry timetable", "de")} the translated title "Posts" makes the de '
        'page\'s URL /de/beitraege/posts/ ([compile.permalinks.de] posts = "/beitraege/:title/": Hugo makes '
        f'it of the title), the URL of the de page titled "Posts" ({harbour}) too' in output
    ), output
    hugo_build(site)
    public = site / "public"
    shown = pages_showing(public, "harbour reopens", "de") + pages_showing(public, "first ferry leaves", "de")
    assert set(shown) == {"de/beitraege/posts"}


def test_a_german_title_too_long_for_its_url_is_held_back_naming_the_german_permalinks_in_compile_and_check(
    tmp_path: Path,
) -> None:
    """The German pages' own pattern makes their URL of the title (/beitraege/:title/): compile's line
    holding the harbour back and check's problem name [compile.permalinks.de] (compile named
    [compile.permalinks], whose pattern, /:slugorfilename/, makes no URL of a title)."""
    site = titled_site(
        tmp_path,
        "/:slugorfilename/",
        {"The harbour": "Hafen" * 60},
        more='[languages.de.permalinks]\nposts = "/beitraege/:title/"\n',
        locale="de",
    )
    why = (
        "its translated title makes a name of 300 bytes in its URL ([compile.permalinks.de] posts = "
        '"/beitraege/:title/": Hugo makes it of the title)'
    )
    compiled = " ".join(transpub(site, "compile").split())
    assert f"content/posts/harbour.de.md: not published: {why}" in compiled, compiled
    checked = CliRunner().invoke(main, ["--project", str(site), "check"])
    assert checked.exit_code == 1, checked.output
    assert f'[threshold] "The harbour": not published in de: {why}' in " ".join(checked.output.split())


@needs_hugo
def test_a_permalinks_file_named_after_a_language_is_not_that_languages_permalinks(tmp_path: Path) -> None:
    """config/_default/permalinks.de.toml: hugo 0.111 names only menus and params files after a
    language, and publishes the German pages by the site's permalinks; init writes no
    [compile.permalinks.de], and the German link leads where hugo publishes the harbour."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/articles/:filename/"\n')
    (site / "content" / "posts" / "ferry.md").write_text(
        FERRY.replace("/posts/harbour/", "/articles/harbour/"), "utf-8"
    )
    in_format(site, "config/_default")
    (site / "config" / "_default" / "permalinks.de.toml").write_text('posts = "/beitraege/:slug/"\n', "utf-8")
    output = init(site, "-l", "de")
    assert written(site)["compile"]["permalinks"] == {"posts": "/articles/:filename/"}
    default = site / "config" / "_default" / "hugo.toml"
    shown = tomllib.loads(additions(output))
    default.write_text(tomli_w.dumps(merged(tomllib.loads(default.read_text("utf-8")), shown)), "utf-8")
    pseudo_translate(site)
    hugo_build(site)
    public = site / "public"
    assert pages_showing(public, "harbour reopens", "de") == ["de/articles/harbour"]
    assert hrefs_in(public, "de") == ["/de/articles/harbour/"]


#: Hugo's multihost: a baseURL for each language (Hugo wants one for every language or none), which
#: publishes each language's pages at the root of its own host (public/de/ is hafen.example's /), the
#: source's too, defaultContentLanguageInSubdir or not.
MULTIHOST = (
    "defaultContentLanguageInSubdir = true\n"
    '[languages.en]\nbaseURL = "https://harbour.example/"\nweight = 1\n'
    '[languages.de]\nbaseURL = "https://hafen.example/"\nweight = 2\n'
)


@needs_hugo
def test_a_german_page_on_a_host_of_its_own_links_the_german_page_at_that_hosts_root(tmp_path: Path) -> None:
    """init takes the languages' own baseURLs (no /de/ folder in the German URLs, no /en/ in the
    English ones) and says so; the German ferry's link to /posts/harbour/ stays where hugo publishes
    the German harbour (it was /de/posts/harbour/, nowhere on hafen.example)."""
    site = hugo_site(tmp_path / "harbour", config=MULTIHOST)
    output = " ".join(init(site, "-l", "de").split())
    assert (
        "hugo.toml gives each language a baseURL of its own: Hugo publishes de's pages at the root of "
        'https://hafen.example/, not under /de/, and transpub links them there ([compile.url_dirs] de = "")'
    ) in output, output
    config = written(site)["compile"]
    assert config["url_dirs"] == {"de": ""}
    assert "source_url_prefix" not in config
    pseudo_translate(site)
    hugo_build(site)
    public = site / "public"
    assert hrefs_in(public, "de") == ["/posts/harbour/"]
    assert served(public / "de", "/posts/harbour/")
    assert pages_showing(public, "harbour reopens", "de") == ["de/posts/harbour"]
    assert "baseURL" not in init(hugo_site(tmp_path / "one", config=""), "-l", "de")


def test_init_says_hugo_wants_a_base_url_for_every_language_when_one_has_its_own(tmp_path: Path) -> None:
    """Only [languages.de] has a baseURL: hugo 0.111 builds no such site ("baseURL must be set on all
    or none of the languages"); init names the language that needs one."""
    site = hugo_site(tmp_path / "harbour", config='[languages.de]\nbaseURL = "https://hafen.example/"\n')
    output = " ".join(init(site, "-l", "de").split())
    assert "Hugo builds a site only with a baseURL for every language or for none: give en one" in output, (
        output
    )


@needs_hugo
def test_a_german_title_makes_the_url_at_the_root_of_the_german_host(tmp_path: Path) -> None:
    """[permalinks] posts = "/:title/" on a multihost site: the German ferry links the German
    harbour by its German title, at the root of hafen.example, where hugo publishes it."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/:title/"\n' + MULTIHOST)
    ferry = site / "content" / "posts" / "ferry.md"
    ferry.write_text(ferry.read_text("utf-8").replace("/posts/harbour/", "/the-harbour/"), "utf-8")
    init(site, "-l", "de")
    transpub(site, "extract")
    fill_pseudo(site)
    for path in (site / "locales" / "de").rglob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = {"The harbour": "Der Hafen"}.get(entry.msgid, entry.msgstr)
        catalog.save()
    transpub(site, "compile")
    hugo_build(site)
    public = site / "public"
    assert hrefs_in(public, "de") == ["/der-hafen/"]
    assert served(public / "de", "/der-hafen/")


@needs_hugo
def test_a_pages_old_address_on_the_german_host_leads_to_the_german_page(tmp_path: Path) -> None:
    """Hugo puts each language's aliases at the root of its own host: the German page keeps the alias
    as written, and each host's old address leads to the page in its language."""
    site = hugo_site(tmp_path / "harbour", config=MULTIHOST)
    harbour = site / "content" / "posts" / "harbour.md"
    harbour.write_text(HARBOUR.replace("title:", "aliases: [/old-harbour/]\ntitle:"), "utf-8")
    init(site, "-l", "de")
    pseudo_translate(site)
    assert "aliases: [/old-harbour/]\n" in (site / "content" / "posts" / "harbour.de.md").read_text("utf-8")
    hugo_build(site)
    public = site / "public"
    assert (
        "https://hafen.example/posts/harbour/" in (public / "de" / "old-harbour" / "index.html").read_text()
    )
    assert (
        "https://harbour.example/posts/harbour/" in (public / "en" / "old-harbour" / "index.html").read_text()
    )
