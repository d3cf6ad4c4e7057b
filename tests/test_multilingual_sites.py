"""The README's multilingual MkDocs and Jekyll sites, built with the real plugins it sets up.

Each case is a small site taken as a user takes it: ``transpub init`` in its folder, what init
printed added to the site's configuration file, extract, the catalogs filled (every msgstr
``⟦msgid⟧``, one sentence really translated, one page left untranslated), compile, then one build by
the real tool (``mkdocs build`` with mkdocs-static-i18n, ``jekyll build`` with jekyll-polyglot). A
reader of the built site then finds each translated page at the URL the README gives, in its
language; its links lead to pages of that language that exist; the plugin's language switcher or
alternate links lead to pages that exist; the untranslated page falls back to the source's, as the
plugin documents; and a locale with a region (``zh_CN``, ``pt_BR``) is served as the README says.
Skipped, with the reason, where the tool or its plugin is missing (``make test`` installs them).
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import lxml.html
import polib
import pytest
import yaml

from real_renderers import JEKYLL, JEKYLL_POLYGLOT, MKDOCS, MKDOCS_I18N, MKDOCS_MATERIAL, jekyll_build
from test_init_site import additions, init, run, transpub

SENTENCE = "The first ferry leaves at six."
#: The one sentence really translated, per locale.
REAL = {
    "es": "El primer ferry sale a las seis.",
    "zh_CN": "第一班渡轮六点出发。",
    "pt_BR": "A primeira balsa sai às seis.",
}
#: The page nobody translated.
UNTRANSLATED = "notes"

needs_mkdocs_i18n = pytest.mark.skipif(
    not MKDOCS_I18N,
    reason="mkdocs with mkdocs-static-i18n is not installed (make test installs the lock's test extra)",
)
needs_material = pytest.mark.skipif(
    not (MKDOCS_I18N and MKDOCS_MATERIAL), reason="mkdocs-material is not installed beside mkdocs"
)
needs_polyglot = pytest.mark.skipif(
    not JEKYLL_POLYGLOT,
    reason="jekyll with jekyll-polyglot is not installed "
    "(make test installs the Debian packages jekyll and ruby-jekyll-polyglot)",
)


def translate(site: Path) -> None:
    """extract; every msgstr ``⟦msgid⟧`` but the one real sentence, and nothing for the untranslated
    page; compile."""
    transpub(site, "extract")
    for path in (site / "locales").rglob("*.po"):
        if path.stem.endswith(UNTRANSLATED):
            continue
        locale = path.relative_to(site / "locales").parts[0]
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = REAL[locale] if entry.msgid == SENTENCE else f"⟦{entry.msgid}⟧"
        catalog.save()
    transpub(site, "compile")


def add_to_config(config: Path, output: str) -> None:
    """Add what init printed to the site's YAML configuration file, as a user does (keys it lacks)."""
    settings = yaml.safe_load(config.read_text(encoding="utf-8"))
    shown = yaml.safe_load(additions(output))
    assert not settings.keys() & shown.keys(), "init showed a key the file has"
    config.write_text(yaml.safe_dump(settings | shown, allow_unicode=True), encoding="utf-8")


@dataclass(frozen=True)
class Built:
    """A built site: its output folder and where its pages' text is."""

    root: Path
    #: The XPath of a page's own text (not the theme's menus).
    body: str
    #: The theme it was built with (MkDocs).
    theme: str = ""

    def page(self, url: str) -> lxml.html.HtmlElement:
        """The page served at ``url`` (root-relative, ending in /)."""
        path = self.file(url)
        assert path is not None, f"nothing is served at {url}"
        return lxml.html.fromstring(path.read_bytes())

    def file(self, url: str) -> Path | None:
        """The file served at ``url``, if any (a folder's index.html)."""
        path = self.root / urlsplit(url).path.lstrip("/")
        path = path / "index.html" if url.endswith("/") or path.is_dir() else path
        return path if path.is_file() else None

    def text(self, url: str) -> str:
        """The text of the page at ``url``, the marks removed, whitespace as single spaces."""
        (body,) = self.page(url).xpath(self.body)
        return " ".join(body.text_content().replace("⟦", "").replace("⟧", "").split())

    def links(self, url: str, where: str = "//a[not(@hreflang)]/@href") -> list[str]:
        """The root-relative URLs the page's links (``where``) lead to, fragments kept; not those
        to other sites, nor the page's own ``#…``."""
        found = []
        for href in self.page(url).xpath(where):
            parts = urlsplit(href)
            if (parts.scheme and parts.netloc != "site.example") or href.startswith("#"):
                continue
            path = parts.path if parts.path.startswith("/") else posixpath.join(url, parts.path)
            shown = posixpath.normpath(path) + ("/" if path.endswith(("/", "/.", "/..")) else "")
            found.append(shown.replace("//", "/") + (f"#{parts.fragment}" if parts.fragment else ""))
        return found

    def leads_somewhere(self, link: str) -> bool:
        """Whether ``link`` leads to a page that is served, and to its element with the fragment's id."""
        path, _, fragment = link.partition("#")
        if self.file(path) is None:
            return False
        return not fragment or bool(self.page(path).xpath(f"//*[@id='{fragment}']"))


def unspaced(text: str) -> str:
    return "".join(text.split())


def assert_in_its_language(built: Built, url: str, prefix: str) -> None:
    """Every link of the page at ``url`` leads to a page under ``prefix`` that is served."""
    links = built.links(url)
    assert links, url
    assert [link for link in links if not link.startswith(prefix)] == [], url
    assert [link for link in links if not built.leads_somewhere(link)] == [], url


# --- MkDocs (mkdocs-static-i18n) -----------------------------------------------------------------

GUIDE = (
    "# The ferry guide\n\n## When the ferry leaves\n\n"
    f"{SENTENCE} See [the winter timetable](timetable.md#winter) and [the notes](notes.md).\n"
)
TIMETABLE = "# The timetable\n\n## Winter\n\nFerries leave every hour. Back to [the guide](guide.md).\n"
PAGES = {
    "index.md": "# Harbour\n\nWelcome. Read [the guide](guide.md).\n",
    "guide.md": GUIDE,
    "timetable.md": TIMETABLE,
    f"{UNTRANSLATED}.md": "# Notes\n\nNothing here yet.\n",
}


def mkdocs_site(root: Path, structure: str, theme: str) -> Path:
    """An MkDocs site of four pages, its English in docs/ (suffix) or docs/en/ (folder)."""
    docs = root / ("docs/en" if structure == "folder" else "docs")
    docs.mkdir(parents=True)
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    settings = {"site_name": "Harbour", "site_url": "https://site.example/", "theme": {"name": theme}}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    return root


def mkdocs_build(site: Path) -> Built:
    assert MKDOCS is not None
    run([MKDOCS, "build", "--quiet", "--strict", "--config-file", str(site / "mkdocs.yml")], site)
    theme = str(yaml.safe_load((site / "mkdocs.yml").read_text("utf-8"))["theme"]["name"])
    return Built(site / "site", "//div[@role='main']" if theme == "mkdocs" else "//article", theme)


@pytest.fixture(
    scope="module",
    params=[
        pytest.param(("suffix", "mkdocs", "zh_CN"), marks=needs_mkdocs_i18n, id="suffix-mkdocs-zh_CN"),
        pytest.param(("folder", "material", "pt_BR"), marks=needs_material, id="folder-material-pt_BR"),
    ],
)
def mkdocs_built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Built, str]:
    """A site set up by init with Spanish and a locale with a region, translated and built once; the
    build, and that locale."""
    structure, theme, regional = request.param
    site = mkdocs_site(tmp_path_factory.mktemp("mkdocs") / "harbour", structure, theme)
    output = init(site, "-l", "es", "-l", regional)
    assert yaml.safe_load(additions(output))["plugins"][-1]["i18n"]["docs_structure"] == structure
    add_to_config(site / "mkdocs.yml", output)
    if structure == "folder":  # as init's note says
        assert (
            f"Note: mkdocs-static-i18n (1.3) finds neither the navigation nor the home page of {regional}"
            in output
        )
        with (site / "mkdocs.yml").open("a", encoding="utf-8") as file:
            file.write(yaml.safe_dump({"nav": list(PAGES)}))
    translate(site)
    return mkdocs_build(site), regional


def test_the_spanish_mkdocs_page_is_served_under_es_in_spanish(mkdocs_built: tuple[Built, str]) -> None:
    built, _ = mkdocs_built
    spanish, source = built.text("/es/guide/"), built.text("/guide/")
    assert REAL["es"] in spanish and spanish.replace(REAL["es"], SENTENCE) == source
    assert built.page("/es/guide/").findtext(".//h1").startswith("⟦The ferry guide⟧")
    assert built.page("/es/guide/").get("lang") == "es"


def test_links_of_a_spanish_mkdocs_page_stay_in_spanish(mkdocs_built: tuple[Built, str]) -> None:
    built, _ = mkdocs_built
    for url in ("/es/", "/es/guide/", "/es/timetable/"):
        assert_in_its_language(built, url, "/es/")
    assert "/es/timetable/#winter" in built.links("/es/guide/")  # the translated heading's anchor


def test_mkdocs_language_alternates_lead_to_pages_that_exist(mkdocs_built: tuple[Built, str]) -> None:
    """The sitemap's hreflang links (every theme), and Material's language menu."""
    built, regional = mkdocs_built
    sitemap = (built.root / "sitemap.xml").read_text(encoding="utf-8")
    alternates = re.findall(r'hreflang="([^"]+)" href="https://site\.example(/[^"]*)"', sitemap)
    assert ("es", "/es/guide/") in alternates and (regional, f"/{regional}/guide/") in alternates
    assert [url for _, url in alternates if built.file(url) is None] == []
    menu = built.links("/es/guide/", "//a[@hreflang]/@href")
    if built.theme == "material":  # its language menu: the same page in each language
        assert menu == ["/guide/", "/es/guide/", f"/{regional}/guide/"]
        # its pt-BR interface (theme.language, as init proposed), which writes lang="pt"
        assert built.page(f"/{regional}/guide/").xpath("normalize-space(//a[@class='md-skip'])") == (
            "Pular para conteúdo"
        )


def test_an_untranslated_mkdocs_page_shows_the_english_one_under_es(mkdocs_built: tuple[Built, str]) -> None:
    """mkdocs-static-i18n's fallback_to_default (its default): the English page at /es/notes/."""
    built, _ = mkdocs_built
    assert built.text(f"/es/{UNTRANSLATED}/") == built.text(f"/{UNTRANSLATED}/") == "Notes Nothing here yet."
    assert_in_its_language(built, f"/es/{UNTRANSLATED}/", "/es/")


def test_a_locale_with_a_region_is_served_under_its_gettext_name(mkdocs_built: tuple[Built, str]) -> None:
    built, regional = mkdocs_built
    page = built.text(f"/{regional}/guide/")
    assert REAL[regional] in page  # (and Chinese joins sentences with no space)
    assert unspaced(page.replace(REAL[regional], SENTENCE)) == unspaced(built.text("/guide/"))
    assert_in_its_language(built, f"/{regional}/guide/", f"/{regional}/")


@needs_material
@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_a_locale_with_a_script_is_served_by_the_name_mkdocs_static_i18n_takes(
    tmp_path: Path, structure: str
) -> None:
    """The plugin refuses ``zh_Hant`` (and anything not two letters): init names it ``zh-Hant`` for
    the plugin and in transpub.toml's locale_dirs, so the Material build passes and the page is
    at /zh-Hant/; ``ast``, which the plugin cannot name at all, is left out with a note saying so
    (before, the whole build failed on the plugin's validation)."""
    site = mkdocs_site(tmp_path / "harbour", structure, "material")
    output = init(site, "-l", "zh_Hant", "-l", "ast")
    assert "it cannot build ast, left out of its languages" in output
    assert "zh_Hant" not in additions(output)
    shown = yaml.safe_load(additions(output))
    assert [lang["locale"] for lang in shown["plugins"][-1]["i18n"]["languages"]] == ["en", "zh-Hant"]
    add_to_config(site / "mkdocs.yml", output)
    if structure == "folder":
        with (site / "mkdocs.yml").open("a", encoding="utf-8") as file:
            file.write(yaml.safe_dump({"nav": list(PAGES)}))
    transpub(site, "extract")
    for path in (site / "locales").rglob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = f"⟦{entry.msgid}⟧"
        catalog.save()
    transpub(site, "compile")
    built = mkdocs_build(site)
    assert built.page("/zh-Hant/guide/").findtext(".//h1").startswith("⟦The ferry guide⟧")
    assert unspaced(built.text("/zh-Hant/guide/")) == unspaced(built.text("/guide/"))
    assert_in_its_language(built, "/zh-Hant/guide/", "/zh-Hant/")


@needs_mkdocs_i18n
def test_init_says_which_locales_mkdocs_own_theme_cannot_be_built_in(tmp_path: Path) -> None:
    """With MkDocs' own theme the plugin's name is also a Babel locale (no ``-``): zh_Hant has no
    name both take; init leaves it out and says so, and the site with Spanish builds."""
    site = mkdocs_site(tmp_path / "harbour", "suffix", "mkdocs")
    output = init(site, "-l", "es", "-l", "zh_Hant")
    assert "it cannot build zh_Hant, left out of its languages" in output
    shown = yaml.safe_load(additions(output))
    assert [lang["locale"] for lang in shown["plugins"][-1]["i18n"]["languages"]] == ["en", "es"]
    add_to_config(site / "mkdocs.yml", output)
    transpub(site, "extract")
    transpub(site, "compile")
    assert mkdocs_build(site).file("/es/guide/") is not None


# --- Jekyll (jekyll-polyglot) --------------------------------------------------------------------

LAYOUT = (
    '<!DOCTYPE html><html lang="{{ site.active_lang }}"><head><meta charset="utf-8">'
    "<title>{{ page.title }}</title>{% I18n_Headers %}</head>\n"
    '<body><nav><a href="/">Home</a></nav><article><h1>{{ page.title }}</h1>{{ content }}</article>'
    "</body></html>\n"
)
POSTS = {
    "2024-05-01-harbour.md": "---\ntitle: The harbour\n---\nThe harbour reopens in May.\n\n"
    "## The new dock\n\nIt is long.\n",
    "2024-05-02-ferry.md": "---\ntitle: The ferry timetable\n---\n## When the ferry leaves\n\n"
    f"{SENTENCE} See [the new dock](HARBOUR#the-new-dock) and [the notes](NOTES).\n\n"
    "Back to [the harbour](TAG_HARBOUR) and [the notes](TAG_NOTES).\n",
    f"2024-05-03-{UNTRANSLATED}.md": "---\ntitle: Notes\n---\nNothing here yet.\n",
}


def jekyll_site(root: Path, kind: str) -> tuple[Path, dict[str, str]]:
    """A Jekyll blog (posts in _posts/) or a site of pages in en/ (the posts without their dates,
    each with its permalink), with links between them; the site, and its English pages' URLs by
    name."""
    (root / "_layouts").mkdir(parents=True)
    (root / "_layouts" / "default.html").write_text(LAYOUT, encoding="utf-8")
    (root / "index.md").write_text("---\ntitle: Harbour News\n---\nWelcome.\n", encoding="utf-8")
    settings = {
        "title": "Harbour News",
        "url": "https://site.example",
        "permalink": "pretty",
        "defaults": [{"scope": {"path": ""}, "values": {"layout": "default"}}],
    }
    (root / "_config.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    folder = root / ("_posts" if kind == "posts" else "en")
    folder.mkdir()
    urls = {}
    for file, _ in POSTS.items():
        date, name = file[:10], file[11:].removesuffix(".md")
        urls[name] = f"/{date.replace('-', '/')}/{name}/" if kind == "posts" else f"/{name}/"
    for file, text in POSTS.items():
        for name in ("harbour", UNTRANSLATED):  # Liquid tags naming their files, which polyglot localizes
            tag = (
                f"{{% post_url {next(f for f in POSTS if name in f)[:-3]} %}}"
                if kind == "posts"
                else f"{{% link en/{name}.md %}}"
            )
            text = text.replace(f"TAG_{name.upper()}", tag)
        text = text.replace("HARBOUR", urls["harbour"]).replace("NOTES", urls[UNTRANSLATED])
        if kind == "pages":  # polyglot pairs a page's languages by its permalink
            text = text.replace("---\n", f"---\npermalink: {urls[file[11:-3]]}\n", 1)
        (folder / (file if kind == "posts" else file[11:])).write_text(text, encoding="utf-8")
    return root, urls


@pytest.fixture(
    scope="module",
    params=[pytest.param(kind, marks=needs_polyglot, id=kind) for kind in ("posts", "pages")],
)
def jekyll_built(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Built, dict[str, str]]:
    """A Jekyll site set up by init with Spanish and pt_BR, translated and built once by jekyll with
    polyglot; the build, and the English pages' URLs by name."""
    site, urls = jekyll_site(tmp_path_factory.mktemp("jekyll") / "harbour", request.param)
    output = init(site, "-l", "es", "-l", "pt_BR")
    shown = yaml.safe_load(additions(output))
    assert "jekyll-polyglot" in shown["plugins"]
    # init's: built in forked processes (polyglot's default), one language's pages were now and then
    # missing from _site under load while jekyll build exited 0 (see jekyll.py's _jekyll_additions)
    assert shown["parallel_localization"] is False
    add_to_config(site / "_config.yml", output)
    translate(site)
    assert JEKYLL is not None
    run([JEKYLL, "build", "--quiet", "--source", str(site), "--destination", str(site / "_site")], site)
    return Built(site / "_site", "//article"), urls


def test_the_spanish_jekyll_page_is_served_under_es_in_spanish(
    jekyll_built: tuple[Built, dict[str, str]],
) -> None:
    built, urls = jekyll_built
    spanish, source = built.text("/es" + urls["ferry"]), built.text(urls["ferry"])
    assert REAL["es"] in spanish and spanish.replace(REAL["es"], SENTENCE) == source
    assert built.page("/es" + urls["ferry"]).findtext(".//h1") == "⟦The ferry timetable⟧"
    assert built.page("/es" + urls["ferry"]).get("lang") == "es"


def test_links_of_a_spanish_jekyll_page_stay_in_spanish(jekyll_built: tuple[Built, dict[str, str]]) -> None:
    built, urls = jekyll_built
    for name in ("ferry", "harbour"):
        assert_in_its_language(built, "/es" + urls[name], "/es/")
    assert f"/es{urls['harbour']}#the-new-dock" in built.links("/es" + urls["ferry"])
    assert f"/es{urls['harbour']}" in built.links(
        "/es" + urls["ferry"]
    )  # ({% link %} and {% post_url %} too)


def test_polyglots_alternate_links_lead_to_pages_that_exist(
    jekyll_built: tuple[Built, dict[str, str]],
) -> None:
    built, urls = jekyll_built
    for url in ("/es" + urls["ferry"], "/pt_BR" + urls["ferry"], urls["ferry"]):
        alternates = built.page(url).xpath("//link[@rel='alternate']")
        shown = {link.get("hreflang"): urlsplit(link.get("href")).path for link in alternates}
        assert shown == {
            lang: prefix + urls["ferry"] for lang, prefix in (("en", ""), ("es", "/es"), ("pt_BR", "/pt_BR"))
        }
        assert [path for path in shown.values() if built.file(path) is None] == []


def test_an_untranslated_jekyll_page_shows_the_english_one_under_es(
    jekyll_built: tuple[Built, dict[str, str]],
) -> None:
    """Polyglot's fallback to default_lang: the English page at /es/…, its links in Spanish."""
    built, urls = jekyll_built
    url = urls[UNTRANSLATED]
    assert built.text("/es" + url) == built.text(url) and "Nothing here yet." in built.text(url)
    assert_in_its_language(built, "/es" + url, "/es/")


def test_a_jekyll_locale_with_a_region_is_served_under_its_gettext_name(
    jekyll_built: tuple[Built, dict[str, str]],
) -> None:
    built, urls = jekyll_built
    page = built.text("/pt_BR" + urls["ferry"])
    assert REAL["pt_BR"] in page and page.replace(REAL["pt_BR"], SENTENCE) == built.text(urls["ferry"])
    assert_in_its_language(built, "/pt_BR" + urls["ferry"], "/pt_BR/")


def test_init_gives_material_the_name_it_has_for_a_locale_with_a_region(tmp_path: Path) -> None:
    """mkdocs-static-i18n gives Material's theme.language the locale's name, and Material has no
    zh_CN nor pt_BR (its zh, pt-BR): without the language's theme setting, `mkdocs build` fails."""
    site = mkdocs_site(tmp_path / "harbour", "suffix", "material")
    shown = yaml.safe_load(additions(init(site, "-l", "zh_CN", "-l", "pt_BR", "-l", "es")))
    languages = {item["locale"]: item.get("theme") for item in shown["plugins"][-1]["i18n"]["languages"]}
    assert languages == {"en": None, "zh_CN": {"language": "zh"}, "pt_BR": {"language": "pt-BR"}, "es": None}
    other = mkdocs_site(tmp_path / "plain", "suffix", "mkdocs")  # MkDocs' own themes take zh_CN
    shown = yaml.safe_load(additions(init(other, "-l", "zh_CN")))
    assert all("theme" not in item for item in shown["plugins"][-1]["i18n"]["languages"])


# --- A language added after init -----------------------------------------------------------------

#: The warning compile gives of each site's pt_BR pages while its plugin's languages lack pt_BR.
UNBUILT = {
    "mkdocs": "mkdocs.yml: the i18n plugin's languages have no locale pt_BR: `mkdocs build` publishes "
    "none of the pt_BR pages compile writes (docs/guide.pt_BR.md and 2 more)",
    "jekyll": "_config.yml: jekyll-polyglot's languages have no locale pt_BR: `jekyll build` publishes "
    "none of the pt_BR pages compile writes (_posts/pt_BR/2024-05-01-harbour.md and 2 more)",
}  # (the ferry post and the site's index.md)


@pytest.mark.parametrize(
    "generator",
    [pytest.param("mkdocs", marks=needs_mkdocs_i18n), pytest.param("jekyll", marks=needs_polyglot)],
)
def test_compile_names_a_language_added_to_transpub_toml_that_the_sites_plugin_does_not_build(
    tmp_path: Path, generator: str
) -> None:
    """pt_BR added to [project] locales after init: compile wrote its pages, the plugin (which init
    had been shown for Spanish alone) left every one out of the build, and nothing said so."""
    if generator == "mkdocs":
        site, url = mkdocs_site(tmp_path / "harbour", "suffix", "mkdocs"), "/guide/"
        config = site / "mkdocs.yml"
    else:
        site, urls = jekyll_site(tmp_path / "harbour", "posts")
        config, url = site / "_config.yml", urls["ferry"]

    def build() -> Built:
        return mkdocs_build(site) if generator == "mkdocs" else Built(jekyll_build(site), "//article")

    add_to_config(config, init(site, "-l", "es"))
    toml = site / "transpub.toml"
    toml.write_text(toml.read_text("utf-8").replace('locales = ["es"]', 'locales = ["es", "pt_BR"]'), "utf-8")
    translate(site)
    output = transpub(site, "compile")
    assert f"Warning: {UNBUILT[generator]}; add " in output
    assert "no locale es" not in output
    built = build()
    assert built.file(f"/es{url}") is not None and built.file(f"/pt_BR{url}") is None
    settings = yaml.safe_load(config.read_text("utf-8"))
    if generator == "mkdocs":
        language = {"locale": "pt_BR", "name": "Português", "build": True}
        settings["plugins"][-1]["i18n"]["languages"].append(language)
    else:
        settings["languages"].append("pt_BR")
    config.write_text(yaml.safe_dump(settings, allow_unicode=True), encoding="utf-8")
    assert "no locale" not in transpub(site, "compile")
    assert REAL["pt_BR"] in build().text(f"/pt_BR{url}")
