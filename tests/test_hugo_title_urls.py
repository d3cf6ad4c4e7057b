"""A Hugo site whose permalink holds ``:title`` (``posts = "/:title/"``) makes each language's URL of
a post from its translated title, as the real hugo 0.111 shows: a title translated ``Posts`` puts the
post at the section's URL (Hugo publishes the section's list there, the post nowhere, and says
nothing), one translated ``a/b`` a folder deeper. Compile warns of each, naming the title's catalog
entry; a title that makes a URL of its own is published without a word (see README, "A page's URL
from its translated title")."""

from __future__ import annotations

import shutil
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html
import polib
import pytest
from click.testing import CliRunner

from pseudo_catalogs import fill_pseudo
from real_renderers import HUGO
from test_init_site import add_to_hugo_toml, built_hrefs, hugo_build, hugo_site, init, served, transpub
from transpub.catalog import read_catalog
from transpub.cli import main

pytestmark = pytest.mark.skipif(
    HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)"
)


def titled_site(
    tmp_path: Path,
    pattern: str,
    titles: dict[str, str],
    front: str = "",
    more: str = "",
    locale: str = "es",
    home: str = "",
) -> Path:
    """The small Hugo site with ``[permalinks] posts = pattern`` (and ``more`` of hugo.toml), its posts'
    catalogs of ``locale`` pseudo-translated, their titles translated as ``titles`` says (by the English
    title); ``front``: a line added to the harbour's front matter; ``home``: the body of an HTML home
    page (content/_index.html), pseudo-translated too."""
    site = hugo_site(tmp_path / "harbour", config=f'[permalinks]\nposts = "{pattern}"\n{more}')
    if home:
        (site / "content" / "_index.html").write_text(f"---\ntitle: Home\n---\n{home}\n", "utf-8")
    if front:
        harbour = site / "content" / "posts" / "harbour.md"
        harbour.write_text(harbour.read_text("utf-8").replace("---\n", f"---\n{front}\n", 1), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", locale))
    transpub(site, "extract")
    fill_pseudo(site)
    for path in (site / "locales" / locale).rglob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = titles.get(entry.msgid, entry.msgstr)
        catalog.save()
    return site


def entry_line(site: Path, name: str, msgid: str, locale: str = "es") -> str:
    """How compile's warning names the entry of ``msgid`` in ``locales/<locale>/LC_MESSAGES/posts/<name>.po``."""
    path = site / "locales" / locale / "LC_MESSAGES" / "posts" / f"{name}.po"
    line = next(entry.linenum for entry in read_catalog(path) if entry.msgid == msgid)
    return f"Warning: {path.relative_to(site)}:{line}:"


def pages_showing(public: Path, text: str, folder: str = "es") -> list[str]:
    """The pages hugo built (below public/<folder>/) that show ``text``."""
    return sorted(
        path.parent.relative_to(public).as_posix()
        for path in (public / folder).rglob("index.html")
        if text in path.read_text("utf-8")
    )


def test_a_title_translated_as_the_sections_name_or_with_a_slash_is_warned_of_naming_its_entry(
    tmp_path: Path,
) -> None:
    site = titled_site(
        tmp_path, "/:title/", {"The harbour": "Posts", "The ferry timetable": "Fähre/Fahrplan"}
    )
    output = " ".join(transpub(site, "compile").split())
    harbour, ferry = (
        entry_line(site, "harbour", "The harbour"),
        entry_line(site, "ferry", "The ferry timetable"),
    )
    assert output.count("makes the es page's URL") == 2, output
    assert (
        f'{harbour} the translated title "Posts" makes the es page\'s URL /es/posts/ '
        '([compile.permalinks] posts = "/:title/": Hugo makes it of the title), the URL of the list page of '
        "the section posts, which Hugo publishes there (now and then the page instead, one build to the next): "
        "one of them is nowhere on the site" in output
    ), output
    assert f'{ferry} the translated title "Fähre/Fahrplan" makes the es page\'s URL /es/fähre/fahrplan/' in (
        output
    ), output
    assert "a folder deeper than the source page's (/the-ferry-timetable/)" in output
    hugo_build(site)  # what the warnings say, as hugo builds it
    public = site / "public"
    # (the section's list took its URL, or, in a few builds of 40, the post took the list's)
    assert pages_showing(public, "harbour reopens") in ([], ["es/posts"])
    assert pages_showing(public, "first ferry leaves") == ["es/fähre/fahrplan"]


def test_a_title_translated_as_punctuation_alone_is_warned_of_as_the_home_pages_url(tmp_path: Path) -> None:
    site = titled_site(tmp_path, "/:title/", {"The harbour": "!!!"})
    output = " ".join(transpub(site, "compile").split())
    assert (
        f'{entry_line(site, "harbour", "The harbour")} the translated title "!!!" makes the es '
        "page's URL /es/ " in output
    ), output
    assert "the URL of the home page" in output
    hugo_build(site)
    assert pages_showing(site / "public", "harbour reopens") in (
        [],
        ["es"],
    )  # (one of the two, build to build)


def test_titles_translated_into_urls_of_their_own_are_published_there_without_a_warning(
    tmp_path: Path,
) -> None:
    """Localized URLs are what the site asks for: the Spanish posts at their Spanish titles' URLs; a
    slug of the source's own keeps a ``:slug`` post's URL in every language."""
    titles = {"The harbour": "El puerto", "The ferry timetable": "El horario del ferri"}
    site = titled_site(tmp_path, "/:title/", titles)
    output = transpub(site, "compile")
    assert "makes the es page's URL" not in output, output
    hugo_build(site)
    public = site / "public"
    assert pages_showing(public, "harbour reopens") == ["es/el-puerto"]
    assert pages_showing(public, "first ferry leaves") == ["es/el-horario-del-ferri"]

    pseudo = titled_site(tmp_path / "pseudo", "/:title/", {})  # (⟦The harbour⟧: the source's URL)
    output = transpub(pseudo, "compile")
    assert "makes the es page's URL" not in output, output
    source = (pseudo / "content" / "posts" / "harbour.md").read_text("utf-8")
    written = (pseudo / "content" / "posts" / "harbour.es.md").read_text("utf-8")
    assert written.replace("⟦", "").replace("⟧", "") == source

    slugged = titled_site(tmp_path / "slugged", "/:slug/", {"The harbour": "Posts"}, front="slug: harbour")
    output = transpub(slugged, "compile")
    assert "makes the es page's URL" not in output, output
    hugo_build(slugged)
    assert pages_showing(slugged / "public", "harbour reopens") == ["es/harbour"]


def test_a_slug_pattern_of_a_page_without_a_slug_is_warned_of_with_the_slug_as_a_way_out(
    tmp_path: Path,
) -> None:
    site = titled_site(tmp_path, "/news/:slug/", {"The harbour": "../posts"})
    output = " ".join(transpub(site, "compile").split())
    assert 'the translated title "../posts" makes the es page\'s URL /es/posts/ ' in output, output
    assert "or give the source page a slug of its own" in output
    hugo_build(site)
    assert pages_showing(site / "public", "harbour reopens") in ([], ["es/posts"])  # (build to build)


def test_a_link_to_a_page_whose_url_is_its_title_leads_to_its_page_under_its_translated_title(
    tmp_path: Path,
) -> None:
    """The Spanish ferry's link to the harbour (/blog/the-harbour/) leads to /es/blog/el-puerto/, where
    hugo publishes the harbour by its Spanish title, even with a [compile.links] rule for the
    permalinks' folder written by hand (it would lead to /es/blog/the-harbour/, where Hugo publishes
    nothing); the harbour's title translated anew, the ferry is compiled again and its link follows."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:title/"\n')
    ferry = site / "content" / "posts" / "ferry.md"
    ferry.write_text(ferry.read_text("utf-8").replace("/posts/harbour/", "/blog/the-harbour/#dock"), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    config = site / "transpub.toml"
    rules = config.read_text("utf-8")
    config.write_text(
        rules.replace("[compile.links]\n", '[compile.links]\n"/blog/" = "/{lang}/blog/"\n'), "utf-8"
    )
    transpub(site, "extract")
    fill_pseudo(site)
    path = site / "locales" / "es" / "LC_MESSAGES" / "posts" / "harbour.po"
    for title in ("El puerto", "El muelle"):
        catalog = polib.pofile(str(path))
        catalog.find("The harbour").msgstr = title
        catalog.save()
        output = transpub(site, "compile")
        assert "Hugo makes the URL" not in output and "ferry.es.md" in output, output
        shutil.rmtree(site / "public", ignore_errors=True)  # (hugo leaves the pages it built before)
        hugo_build(site)
        public = site / "public"
        url = "/es/blog/" + title.lower().replace(" ", "-") + "/"
        assert pages_showing(public, "harbour reopens") == [url.strip("/")]
        hrefs = built_hrefs(public, "es")
        assert hrefs["es/blog/the-ferry-timetable/index.html"] == [f"{url}#dock"]
        assert all(served(public, href.split("#")[0]) for links in hrefs.values() for href in links), hrefs


def test_two_posts_whose_titles_are_translated_alike_are_warned_of_once_naming_both_entries(
    tmp_path: Path,
) -> None:
    """Two Spanish posts titled "Noticias" get one URL: Hugo publishes one of them at /es/noticias/
    (which one varies from build to build: hugo 0.111 writes both there at once, at times a page
    mixed of both) and the other nowhere, without a word. Compile warns once, at the first post's title, naming the
    other's, on every run (a post's record keeps its URL: a run that compiles the other one again
    still knows it)."""
    site = titled_site(tmp_path, "/:title/", {"The harbour": "Noticias", "The ferry timetable": "Noticias"})
    ferry = entry_line(site, "ferry", "The ferry timetable")
    harbour = entry_line(site, "harbour", "The harbour").removeprefix("Warning: ").removesuffix(":")
    for run, title in (("first", "Noticias"), ("unchanged", "Noticias"), ("ferry edited", "¡Noticias!")):
        if run == "ferry edited":  # (the harbour's post is not compiled again)
            path = site / "locales" / "es" / "LC_MESSAGES" / "posts" / "ferry.po"
            catalog = polib.pofile(str(path))
            catalog.find("The ferry timetable").msgstr = title
            catalog.save()
        output = " ".join(transpub(site, "compile").split())
        assert output.count("/es/noticias/") == 1, (run, output)
        assert (
            f'{ferry} the translated title "{title}" makes the es page\'s URL /es/noticias/ '
            '([compile.permalinks] posts = "/:title/": Hugo makes it of the title), the URL of the es page '
            f'titled "Noticias" ({harbour}) too: Hugo publishes one of the two pages there (which one varies '
            "from build to build) and the other nowhere, without a word; translate one of the titles "
            "otherwise" in output
        ), (run, output)
    hugo_build(site)
    public = site / "public"
    shown = pages_showing(public, "harbour reopens") + pages_showing(public, "first ferry leaves")
    assert set(shown) == {"es/noticias"}  # (one of them, or a mix: the other is nowhere else)

    apart = titled_site(
        tmp_path / "apart", "/:title/", {"The harbour": "Noticias", "The ferry timetable": "Ferri"}
    )
    output = transpub(apart, "compile")
    assert "makes the es page's URL" not in output, output


def test_posts_whose_source_titles_make_one_url_are_not_warned_of_in_a_translation(tmp_path: Path) -> None:
    """Two posts titled "The harbour" share a URL in the source site already: their pseudo-translated
    titles (⟦The harbour⟧) make the Spanish pages' URLs as the source's, which is not the translation's
    doing."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/:title/"\n')
    ferry = site / "content" / "posts" / "ferry.md"
    ferry.write_text(ferry.read_text("utf-8").replace("The ferry timetable", "The harbour"), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    output = transpub(site, "compile")
    assert "makes the es page's URL" not in output, output


def test_a_title_translated_as_another_posts_untranslated_title_is_warned_of(tmp_path: Path) -> None:
    """The ferry's Spanish page keeps its English title (its msgstr is its msgid), so its URL is
    /es/the-ferry-timetable/: the harbour's title translated "The Ferry Timetable" makes it too."""
    site = titled_site(
        tmp_path,
        "/:title/",
        {"The harbour": "The Ferry Timetable", "The ferry timetable": "The ferry timetable"},
    )
    output = " ".join(transpub(site, "compile").split())
    harbour = entry_line(site, "harbour", "The harbour")
    ferry = entry_line(site, "ferry", "The ferry timetable").removeprefix("Warning: ").removesuffix(":")
    assert (
        f'{harbour} the translated title "The Ferry Timetable" makes the es page\'s URL '
        '/es/the-ferry-timetable/ ([compile.permalinks] posts = "/:title/": Hugo makes it of the title), '
        f'the URL of the es page titled "The ferry timetable" ({ferry}) too' in output
    ), output
    assert output.count("makes the es page's URL") == 1
    hugo_build(site)
    public = site / "public"
    shown = pages_showing(public, "harbour reopens") + pages_showing(public, "first ferry leaves")
    assert set(shown) == {"es/the-ferry-timetable"}  # (one of them, or a mix: as above)


def blog_with_a_spanish_harbour(
    tmp_path: Path, link: str, spanish: str, english: str = "The harbour"
) -> Path:
    """A Hugo site whose posts are at /blog/:title/, the harbour titled ``english`` and, in Spanish,
    ``spanish`` (the rest pseudo-translated), the ferry linking ``link``: extracted, not compiled."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:title/"\n')
    harbour = site / "content" / "posts" / "harbour.md"
    harbour.write_text(harbour.read_text("utf-8").replace("The harbour", english), "utf-8")
    ferry = site / "content" / "posts" / "ferry.md"
    ferry.write_text(ferry.read_text("utf-8").replace("/posts/harbour/", link), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    path = site / "locales" / "es" / "LC_MESSAGES" / "posts" / "harbour.po"
    catalog = polib.pofile(str(path))
    catalog.find(english).msgstr = spanish
    catalog.save()
    return site


def test_a_link_to_a_post_titled_with_a_plus_leads_where_hugo_publishes_it_in_each_language(
    tmp_path: Path,
) -> None:
    """Hugo puts "C++ and the harbour" at /blog/c-and-the-harbour/ ("+" is read as a space once the
    title is in the URL, then the path is cleaned again), "C++ y el puerto" at
    /es/blog/c-y-el-puerto/: the Spanish ferry's link leads there (compile took the URLs for
    /blog/c---and-the-harbour/ and /es/blog/c---y-el-puerto/, and the link led nowhere)."""
    site = blog_with_a_spanish_harbour(
        tmp_path, "/blog/c-and-the-harbour/", "C++ y el puerto", "C++ and the harbour"
    )
    output = transpub(site, "compile")
    assert "makes the es page's URL" not in output, output
    hugo_build(site)
    public = site / "public"
    assert pages_showing(public, "harbour reopens", "") == ["blog/c-and-the-harbour", "es/blog/c-y-el-puerto"]
    hrefs = built_hrefs(public, "es")
    assert hrefs["es/blog/the-ferry-timetable/index.html"] == ["/es/blog/c-y-el-puerto/"]


def test_a_link_to_a_post_whose_translated_title_has_a_hash_leads_to_its_page_the_hash_written_escaped(
    tmp_path: Path,
) -> None:
    """Hugo keeps a # in a title's URL ("C# y el puerto": the folder es/blog/c#-y-el-puerto/); the
    Spanish ferry links to it as /es/blog/c%23-y-el-puerto/ (it wrote /es/blog/c#-y-el-puerto/, whose
    # starts a fragment: the browser asked for /es/blog/c, where nothing is)."""
    site = blog_with_a_spanish_harbour(tmp_path, "/blog/the-harbour/#dock", "C# y el puerto")
    transpub(site, "compile")
    hugo_build(site)
    public = site / "public"
    assert pages_showing(public, "harbour reopens", "es") == ["es/blog/c#-y-el-puerto"]
    [href] = built_hrefs(public, "es")["es/blog/the-ferry-timetable/index.html"]
    assert href == "/es/blog/c%23-y-el-puerto/#dock"
    assert served(public, unquote(urlsplit(href).path))


def test_a_title_translated_as_backslashes_and_a_host_leaves_a_link_to_its_page_on_the_site(
    tmp_path: Path,
) -> None:
    """Hugo keeps a backslash in a title's URL ("\\\\evil.example": the folder es/\\\\evil.example/),
    and a browser reads a link beginning with two backslashes as one to another host, as it reads
    //evil.example/: the Spanish home page's link to the post is written %5C%5Cevil.example/ (as Hugo
    writes a Markdown link's) and leads to the post, on the site (it was \\\\evil.example/, which a
    browser followed to https://evil.example/)."""
    home = '<p>Read <a href="the-harbour/">the harbour</a> today.</p>'
    site = titled_site(tmp_path, "/:title/", {"The harbour": "\\\\evil.example"}, home=home)
    transpub(site, "compile")
    hugo_build(site)
    written = (site / "content" / "_index.es.html").read_text("utf-8")
    [href] = lxml.html.fromstring(written.split("---\n")[-1]).xpath("//a/@href")
    assert href == "%5C%5Cevil.example/"
    followed = urlsplit(
        urljoin("https://harbour.example/es/", href.replace("\\", "/"))
    )  # (as a browser does)
    assert followed.netloc == "harbour.example"
    assert pages_showing(site / "public", "harbour reopens") == [unquote(followed.path).strip("/")]


def test_a_relative_link_to_a_post_whose_translated_title_holds_a_percent_escape_leads_to_its_folder(
    tmp_path: Path,
) -> None:
    """The Spanish home page's relative link to the harbour, titled "%2541" in Spanish (the folder
    es/%41/), is written %2541/ and leads there (it was %41/, which a server reads as es/A/)."""
    home = '<p>Read <a href="the-harbour/">the harbour</a> today.</p>'
    site = titled_site(tmp_path, "/:title/", {"The harbour": "%2541"}, home=home)
    transpub(site, "compile")
    hugo_build(site)
    written = (site / "content" / "_index.es.html").read_text("utf-8")
    [href] = lxml.html.fromstring(written.split("---\n")[-1]).xpath("//a/@href")
    assert href == "%2541/"
    followed = unquote(urlsplit(urljoin("https://harbour.example/es/", href)).path)
    assert pages_showing(site / "public", "harbour reopens") == [followed.strip("/")]


def test_a_title_translated_too_long_for_a_file_name_holds_its_page_back_and_hugo_builds_the_site(
    tmp_path: Path,
) -> None:
    """Hugo makes a folder of the title's URL: a title translated as 300 letters stopped the whole
    site's build ("file name too long"). The Spanish harbour is held back, the line saying why and
    naming the title's entry, and the site builds; the ferry's link leads to the English harbour."""
    site = titled_site(tmp_path, "/:title/", {"The harbour": "Puerto" * 50})
    ferry = site / "content" / "posts" / "ferry.md"
    ferry.write_text(ferry.read_text("utf-8").replace("/posts/harbour/", "/the-harbour/"), "utf-8")
    output = " ".join(transpub(site, "compile").split())
    entry = entry_line(site, "harbour", "The harbour").removeprefix("Warning: ").removesuffix(":")
    assert (
        "content/posts/harbour.es.md: not published: its translated title makes a name of 300 bytes in its URL "
        '([compile.permalinks] posts = "/:title/": Hugo makes it of the title), longer than a file name '
        f'can be (at most 250): Hugo would stop building the site ("file name too long"); translate the '
        f"title shorter ({entry})" in output
    ), output
    assert not (site / "content" / "posts" / "harbour.es.md").exists()
    hugo_build(site)
    assert pages_showing(site / "public", "harbour reopens", "") == ["the-harbour"]
    assert built_hrefs(site / "public", "es")["es/the-ferry-timetable/index.html"] == ["/the-harbour/"]


def test_check_fails_on_the_page_compile_holds_back_for_a_title_too_long_for_its_url_naming_its_entry(
    tmp_path: Path,
) -> None:
    """transpub check said nothing of the Spanish harbour that compile holds back (its title translated
    as 300 letters makes a name too long for a file). It is a [threshold] problem at the title's
    entry, for the reason compile gives, failing the check; a warning where [check] warn names
    threshold."""
    site = titled_site(tmp_path, "/:title/", {"The harbour": "Puerto" * 50})
    entry = entry_line(site, "harbour", "The harbour").removeprefix("Warning: ").removesuffix(":")
    checked = CliRunner().invoke(main, ["--project", str(site), "check"])
    assert checked.exit_code == 1, checked.output
    compiled = " ".join(transpub(site, "compile").split())
    reason = compiled.split("content/posts/harbour.es.md: not published: ")[1].split(
        "; translate the title shorter"
    )[0]
    assert reason.startswith("its translated title makes a name of 300 bytes in its URL"), compiled
    said = f'{entry}: [threshold] "The harbour": not published in es: {reason}; translate the title shorter'
    assert said in " ".join(checked.output.split()), checked.output
    assert "check: 1 problem in 1 locale" in checked.output

    config = site / "transpub.toml"
    config.write_text(config.read_text("utf-8") + '\n[check]\nwarn = ["threshold"]\n', "utf-8")
    warned = CliRunner().invoke(main, ["--project", str(site), "check"])
    assert warned.exit_code == 0, warned.output
    assert f"{entry}: [threshold] warning: " in warned.output


def test_with_ugly_urls_a_title_warning_names_the_html_file_hugo_publishes_the_page_at(
    tmp_path: Path,
) -> None:
    """uglyURLs for posts: the harbour translated "Posts" makes /es/posts.html, the section's list's URL too;
    the ferry's "Fähre/Fahrplan" makes /es/fähre/fahrplan.html: each warning names the URL hugo
    publishes at (they named /es/posts/ and /es/fähre/fahrplan/, where hugo publishes nothing)."""
    titles = {"The harbour": "Posts", "The ferry timetable": "Fähre/Fahrplan"}
    site = titled_site(tmp_path, "/:title/", titles, more="[uglyURLs]\nposts = true\n")
    output = " ".join(transpub(site, "compile").split())
    assert (
        f'{entry_line(site, "harbour", "The harbour")} the translated title "Posts" makes the es page\'s URL /es/posts.html '
        in output
    ), output
    assert "the URL of the list page of the section posts, which Hugo publishes there" in output
    assert "makes the es page's URL /es/fähre/fahrplan.html " in output, output
    assert "a folder deeper than the source page's (/the-ferry-timetable.html)" in output
    hugo_build(site)
    public = site / "public"
    assert (public / "es" / "posts.html").is_file()
    assert "first ferry leaves" in (public / "es" / "fähre" / "fahrplan.html").read_text("utf-8")


def test_with_ugly_urls_for_posts_alone_a_title_translated_as_another_sections_name_is_published_without_a_warning(
    tmp_path: Path,
) -> None:
    """uglyURLs for posts alone: the harbour translated "Notes" is at /es/notes.html, the list of the
    section notes at /es/notes/: hugo publishes both, and compile says nothing of it."""
    notes = tmp_path / "harbour" / "content" / "notes"
    notes.mkdir(parents=True)
    (notes / "_index.md").write_text("---\ntitle: Notes\n---\n", "utf-8")
    (notes / "tide.md").write_text("---\ntitle: The tide\n---\nThe tide turns at noon.\n", "utf-8")
    site = titled_site(tmp_path, "/:title/", {"The harbour": "Notes"}, more="[uglyURLs]\nposts = true\n")
    output = transpub(site, "compile")
    assert "makes the es page's URL" not in output, output
    hugo_build(site)
    public = site / "public"
    assert "harbour reopens" in (public / "es" / "notes.html").read_text("utf-8")
    assert (public / "es" / "notes" / "index.html").is_file()


@pytest.mark.parametrize(
    "spanish",
    [
        "%2541",
        "%",
        "%25",
        "50%25 y 100% el puerto",
        "%C3%A9l puerto",
        "el  puerto de a b",
        "¿El puerto?",
        "C# y el puerto",
        "Ñandú en el muelle",
    ],
)
def test_a_link_to_a_post_whose_translated_title_has_percent_signs_or_punctuation_leads_to_the_page_hugo_built(
    tmp_path: Path, spanish: str
) -> None:
    """Hugo decodes a title's ``%`` escapes once when it makes the post's folder: "%2541" is the
    folder es/blog/%41/, which a server gives at /es/blog/%2541/ (the Spanish ferry linked
    /es/blog/%41/, which a server reads as /es/blog/A/, where nothing is); "%C3%A9l puerto" is
    es/blog/él-puerto/, "%" and "%25" alone es/blog/. The link leads to the folder hugo wrote."""
    site = blog_with_a_spanish_harbour(tmp_path, "/blog/the-harbour/#dock", spanish)
    transpub(site, "compile")
    hugo_build(site)
    public = site / "public"
    [href] = built_hrefs(public, "es")["es/blog/the-ferry-timetable/index.html"]
    [page] = pages_showing(public, "harbour reopens", "es")
    assert unquote(urlsplit(href).path).strip("/") == page, href
    assert urlsplit(href).fragment == "dock"


def test_status_says_compile_holds_back_the_page_whose_title_is_translated_too_long_for_its_url(
    tmp_path: Path,
) -> None:
    site = titled_site(tmp_path, "/:title/", {"The harbour": "Puerto" * 50})
    status = CliRunner().invoke(main, ["--project", str(site), "status"])
    assert status.exit_code == 0, status.output
    said = " ".join(status.output.split("If compiled now:")[1].split())
    compiled = " ".join(transpub(site, "compile").split())
    entry = entry_line(site, "harbour", "The harbour").removeprefix("Warning: ").removesuffix(":")
    shorter = f"; translate the title shorter ({entry})"
    reason = compiled.split("content/posts/harbour.es.md: not published: ")[1].split(shorter)[0] + shorter
    assert reason.startswith("its translated title makes a name of 300 bytes in its URL"), compiled
    assert f"content/posts/harbour.es.md (locales/es/LC_MESSAGES/posts/harbour.po): {reason}" in said, said
