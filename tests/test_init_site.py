"""``transpub init`` in a Hugo, Jekyll or MkDocs site's folder: it finds the generator, writes the
settings the README shows for it (read from the site's own configuration), changes none of the site's
files and says what they lack. Each generator's case is then taken through extract, a
pseudo-translation (every msgstr ``⟦msgid⟧``) and compile, and built by the real generator (a skip
that says so where it is missing): the translated page is where the generator serves it, and reads as
the source page with the marks removed.
"""

from __future__ import annotations

import re
import subprocess
import tomllib
from pathlib import Path

import lxml.html
import polib
import pytest
import tomli_w
import yaml
from click.testing import CliRunner

from pseudo_catalogs import empty_catalog, fill_pseudo
from real_renderers import HUGO, JEKYLL, MKDOCS
from test_compile_helpers import compiled_slugs
from test_hugo_site import merged, readme_blocks
from transpub.cli import main
from transpub.project import load_project

SINGLE = (
    '<!DOCTYPE html><html lang="{{ .Lang }}"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
    "<body><article><h1>{{ .Title }}</h1>{{ .Content }}</article></body></html>\n"
)
FERRY = """---
title: The ferry timetable
---
## When the ferry leaves

The first ferry leaves at six. See [the harbour](/posts/harbour/) for the new dock.
"""
HARBOUR = "---\ntitle: The harbour\n---\nThe harbour reopens in May.\n"
GUIDE = "# The ferry guide\n\n## When the ferry leaves\n\nThe first ferry leaves at six.\n"


def init(site: Path, *args: str, exit_code: int = 0) -> str:
    """``transpub init DIRECTORY …`` as a user types it; its output."""
    result = CliRunner().invoke(main, ["init", str(site), *args], catch_exceptions=False)
    assert result.exit_code == exit_code, result.output
    return result.output


def transpub(site: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", str(site), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def additions(output: str) -> str:
    """The block init shows to add to the generator's configuration file ("" when none)."""
    found = re.search(r"^Add to \S+ \(.*\):\n\n(.*?)\nThen run", output, re.S | re.M)
    return found.group(1) if found else ""


def written(site: Path) -> dict:
    return tomllib.loads((site / "transpub.toml").read_text(encoding="utf-8"))


def files_of(site: Path) -> dict[str, bytes]:
    return {str(path.relative_to(site)): path.read_bytes() for path in site.rglob("*") if path.is_file()}


def pseudo_translate(site: Path) -> None:
    """extract, every msgstr ``⟦msgid⟧``, compile (as the project's transpub.toml says)."""
    transpub(site, "extract")
    fill_pseudo(site)
    transpub(site, "compile")


def page(path: Path) -> lxml.html.HtmlElement:
    assert path.is_file(), (
        f"{path} was not built; built: {sorted(p.name for p in path.parent.parent.iterdir())}"
    )
    return lxml.html.fromstring(path.read_bytes())


def unmarked(element: lxml.html.HtmlElement) -> str:
    return " ".join(element.text_content().replace("⟦", "").replace("⟧", "").split())


def run(command: list[str], cwd: Path) -> None:
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=cwd)
    assert done.returncode == 0, done.stdout + done.stderr


# --- Hugo ----------------------------------------------------------------------------------------


def hugo_site(root: Path, *, by_folder: bool = False, config: str = "") -> Path:
    """A small Hugo site (two posts, its own layouts), its English content in content/en/ when
    ``by_folder``."""
    content = root / "content" / "en" if by_folder else root / "content"
    (content / "posts").mkdir(parents=True)
    (content / "posts" / "ferry.md").write_text(FERRY, encoding="utf-8")
    (content / "posts" / "harbour.md").write_text(HARBOUR, encoding="utf-8")
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "layouts" / "_default" / "single.html").write_text(SINGLE, encoding="utf-8")
    (root / "layouts" / "_default" / "list.html").write_text("<html><body></body></html>\n", encoding="utf-8")
    (root / "hugo.toml").write_text(
        'baseURL = "https://harbour.example/"\ntitle = "Harbour"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robots", "404"]\n' + config,
        encoding="utf-8",
    )
    return root


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize("by_folder", [False, True], ids=["by file name", "by content folder"])
def test_init_in_a_hugo_site_makes_spanish_pages_hugo_serves_under_es(
    tmp_path: Path, by_folder: bool
) -> None:
    site = hugo_site(tmp_path / "harbour", by_folder=by_folder)
    before = files_of(site)
    output = init(site, "-l", "es")
    assert output.splitlines()[0].startswith("Found a Hugo site (hugo.toml): its pages in ")
    assert files_of(site).items() >= before.items()  # the site's own files as they were
    assert not (site / "articles").exists()
    config = written(site)
    assert config["paths"]["articles"] == ("content/en" if by_folder else "content")
    assert config["compile"]["format"] == "markdown"
    assert config["compile"]["layout"] == ("directory" if by_folder else "suffix")
    assert config["compile"]["links"] == {"/posts/": "/{lang}/posts/"}
    assert config["compile"]["heading_ids"].startswith("hugo")
    hugo_toml = merged(
        tomllib.loads((site / "hugo.toml").read_text("utf-8")), tomllib.loads(additions(output))
    )
    (site / "hugo.toml").write_text(tomli_w.dumps(hugo_toml), encoding="utf-8")

    pseudo_translate(site)
    assert HUGO is not None
    run([HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".cache")], site)
    english = page(site / "public" / "posts" / "ferry" / "index.html")
    spanish = page(site / "public" / "es" / "posts" / "ferry" / "index.html")
    assert spanish.get("lang") == "es"
    assert spanish.findtext(".//h1") == "⟦The ferry timetable⟧"
    assert unmarked(spanish.xpath("//article")[0]) == unmarked(english.xpath("//article")[0])
    assert spanish.xpath("//h2/@id") == english.xpath("//h2/@id") == ["when-the-ferry-leaves"]
    assert spanish.xpath("//article//a/@href") == ["/es/posts/harbour/"]  # [compile.links]


def test_init_reads_hugos_content_folder_and_language_folders_from_its_configuration(tmp_path: Path) -> None:
    site = tmp_path / "harbour"
    (site / "pages" / "english" / "posts").mkdir(parents=True)
    (site / "pages" / "english" / "posts" / "ferry.md").write_text(FERRY, encoding="utf-8")
    (site / "hugo.yaml").write_text(
        "contentDir: pages\npublishDir: site\ndefaultContentLanguage: en\nlanguages:\n"
        "  en:\n    contentDir: pages/english\n  es:\n    contentDir: pages/spanish\n",
        encoding="utf-8",
    )
    output = init(site, "-l", "es", "-l", "de")
    config = written(site)
    assert config["paths"]["articles"] == "pages/english"
    assert config["paths"]["site"] != "site"  # hugo builds into site/ (publishDir) and empties it
    assert config["compile"]["markdown_dir"] == "pages"
    assert config["compile"]["locale_dirs"] == {"es": "spanish"}
    assert yaml.safe_load(additions(output)) == {"languages": {"de": {"contentDir": "pages/de", "weight": 1}}}


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_a_spanish_link_leads_under_es_where_the_spanish_content_folder_is_named_otherwise(
    tmp_path: Path,
) -> None:
    """languages.es.contentDir = "content/spanish": the Spanish pages are written there
    ([compile] locale_dirs), and hugo publishes them under /es/, the language's key, where the
    Spanish ferry's link to the harbour leads ([compile.url_dirs])."""
    languages = (
        'defaultContentLanguage = "en"\n[languages.en]\ncontentDir = "content/en"\nweight = 1\n'
        '[languages.es]\ncontentDir = "content/spanish"\nweight = 2\n'
    )
    site = hugo_site(tmp_path / "harbour", by_folder=True, config=languages)
    init(site, "-l", "es")
    config = written(site)["compile"]
    assert (config["locale_dirs"], config["url_dirs"]) == ({"es": "spanish"}, {"es": "es"})
    pseudo_translate(site)
    hugo_build(site)
    ferry = page(site / "public" / "es" / "posts" / "ferry" / "index.html")
    assert ferry.xpath("//article//a/@href") == ["/es/posts/harbour/"]
    assert served(site / "public", "/es/posts/harbour/")


def test_init_takes_the_heading_ids_of_the_hugo_the_site_declares(tmp_path: Path) -> None:
    site = hugo_site(tmp_path / "new", config='[markup.goldmark.parser]\nautoHeadingIDType = "blackfriday"\n')
    (site / "netlify.toml").write_text('[build.environment]\nHUGO_VERSION = "0.145.0"\n', encoding="utf-8")
    init(site, "-l", "es")
    assert written(site)["compile"]["heading_ids"] == "hugo-blackfriday"
    old = hugo_site(tmp_path / "old")
    (old / "netlify.toml").write_text('[build.environment]\nHUGO_VERSION = "0.111.3"\n', encoding="utf-8")
    init(old, "-l", "es")
    assert written(old)["compile"]["heading_ids"] == "hugo-0.143"
    assert '"hugo-0.143"  # ids as Hugo 0.111.3 (netlify.toml\'s HUGO_VERSION) gives them' in (
        old / "transpub.toml"
    ).read_text("utf-8")


def hugo_build(site: Path) -> None:
    assert HUGO is not None
    run([HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".cache")], site)


def served(public: Path, href: str) -> bool:
    """Whether ``href`` (root-relative) leads to a page hugo built in ``public``."""
    return (public / href.strip("/") / "index.html").is_file()


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_init_reads_a_hugo_site_configured_in_its_configuration_folder(tmp_path: Path) -> None:
    """config/_default/hugo.toml and languages.toml, and config/production/ over them (what `hugo`
    builds with): no hugo.toml in the site's folder."""
    site = hugo_site(tmp_path / "harbour", by_folder=True)
    settings = (site / "hugo.toml").read_text("utf-8")
    (site / "hugo.toml").unlink()
    (site / "config" / "_default").mkdir(parents=True)
    (site / "config" / "production").mkdir()
    (site / "config" / "_default" / "hugo.toml").write_text(settings, encoding="utf-8")
    (site / "config" / "_default" / "languages.toml").write_text(
        '[en]\ncontentDir = "content/en"\nweight = 1\n', encoding="utf-8"
    )
    (site / "config" / "production" / "hugo.toml").write_text('publishDir = "site"\n', encoding="utf-8")
    output = init(site, "-l", "es")
    assert output.splitlines()[0] == (
        "Found a Hugo site (config/): its pages in content/en/ are the articles, each language's in its "
        "own content folder (content/es/)"
    )
    config = written(site)
    assert config["paths"]["articles"] == "content/en"  # languages.toml's contentDir
    assert config["paths"]["site"] != "site"  # production's publishDir: hugo empties it
    assert "Add to config/_default/hugo.toml (" in output
    shown = tomllib.loads(additions(output))
    assert shown == {
        "defaultContentLanguage": "en",
        "languages": {"es": {"contentDir": "content/es", "weight": 2}},
    }
    default = site / "config" / "_default" / "hugo.toml"
    default.write_text(
        tomli_w.dumps(merged(tomllib.loads(default.read_text("utf-8")), shown)), encoding="utf-8"
    )

    pseudo_translate(site)
    hugo_build(site)
    spanish = page(site / "site" / "es" / "posts" / "ferry" / "index.html")
    assert spanish.findtext(".//h1") == "⟦The ferry timetable⟧"
    assert spanish.xpath("//article//a/@href") == ["/es/posts/harbour/"]


def hugo_site_in_folders(root: Path, folders: dict[str, str], config_dir: str = "config") -> Path:
    """A Hugo site with no hugo.toml: its settings in ``config_dir``'s folders (``_default``: the
    site's hugo.toml), each given its own settings (``{"staging": 'contentDir = "pages"'}``)."""
    site = hugo_site(root)
    settings = (site / "hugo.toml").read_text("utf-8")
    (site / "hugo.toml").unlink()
    for name, more in {"_default": "", **folders}.items():
        (site / config_dir / name).mkdir(parents=True, exist_ok=True)
        text = settings + more if name == "_default" else more
        (site / config_dir / name / "hugo.toml").write_text(text, encoding="utf-8")
    return site


def moved(site: Path, content: str) -> None:
    """The site's content folder moved to ``content``."""
    (site / "content").rename(site / content)


def written_by(site: Path, *args: str) -> dict:
    """The transpub.toml ``init …`` writes in ``site`` (removed again)."""
    init(site, *args)
    config = written(site)
    (site / "transpub.toml").unlink()
    return config


def add_to_default(site: Path, output: str, config_dir: str = "config") -> None:
    """What init showed, added to the site's ``_default/hugo.toml``."""
    default = site / config_dir / "_default" / "hugo.toml"
    default.write_text(
        tomli_w.dumps(merged(tomllib.loads(default.read_text("utf-8")), tomllib.loads(additions(output)))),
        encoding="utf-8",
    )


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_init_reads_the_hugo_environment_hugo_builds_with(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """config/staging/ over config/_default/ when HUGO_ENVIRONMENT (or --environment) says staging,
    as `hugo` reads it; config/production/ else."""
    folders = {"production": 'contentDir = "live"\n', "staging": 'contentDir = "pages"\n'}
    site = hugo_site_in_folders(tmp_path / "harbour", folders)
    moved(site, "pages")
    monkeypatch.setenv("HUGO_ENVIRONMENT", "staging")
    output = init(site, "-l", "es")
    assert output.splitlines()[0].startswith("Found a Hugo site (config/ for staging): its pages in pages/ ")
    assert written(site)["paths"]["articles"] == "pages"
    (site / "transpub.toml").unlink()
    monkeypatch.delenv("HUGO_ENVIRONMENT")
    assert written_by(site, "-l", "es")["paths"]["articles"] == "live"  # production's
    assert written_by(site, "-l", "es", "--environment", "staging")["paths"]["articles"] == "pages"
    add_to_default(site, output)
    init(site, "-l", "es", "--environment", "staging")

    pseudo_translate(site)
    assert HUGO is not None
    run([HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--environment", "staging"], site)
    spanish = page(site / "public" / "es" / "posts" / "ferry" / "index.html")
    assert spanish.findtext(".//h1") == "⟦The ferry timetable⟧"


def test_init_takes_hugo_env_when_hugo_environment_is_not_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = hugo_site_in_folders(tmp_path / "harbour", {"staging": 'contentDir = "pages"\n'})
    monkeypatch.setenv("HUGO_ENV", "staging")
    assert written_by(site, "-l", "es")["paths"]["articles"] == "pages"
    monkeypatch.setenv("HUGO_ENVIRONMENT", "production")  # hugo's order: HUGO_ENVIRONMENT first
    assert written_by(site, "-l", "es")["paths"]["articles"] == "content"


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_init_reads_the_hugo_configuration_folder_given_with_config_dir(tmp_path: Path) -> None:
    """`hugo --configDir settings`: init finds no site without --config-dir, and reads it with."""
    site = hugo_site_in_folders(tmp_path / "harbour", {"production": 'contentDir = "pages"\n'}, "settings")
    moved(site, "pages")
    assert "Found" not in init(site, "-l", "es")
    for path in ("transpub.toml", "articles", "locales", "glossary", ".gitignore"):
        subprocess.run(["rm", "-rf", str(site / path)], check=True)
    output = init(site, "-l", "es", "--config-dir", "settings")
    assert output.splitlines()[0].startswith("Found a Hugo site (settings/): its pages in pages/ ")
    assert "Add to settings/_default/hugo.toml (" in output
    add_to_default(site, output, "settings")

    pseudo_translate(site)
    assert HUGO is not None
    run([HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--configDir", "settings"], site)
    spanish = page(site / "public" / "es" / "posts" / "ferry" / "index.html")
    assert spanish.findtext(".//h1") == "⟦The ferry timetable⟧"


def test_init_says_which_settings_hugo_server_would_need_otherwise(tmp_path: Path) -> None:
    """`hugo server` serves with config/development/: a contentDir of its own there is named."""
    site = hugo_site_in_folders(tmp_path / "harbour", {"development": 'contentDir = "drafts"\n'})
    output = " ".join(init(site, "-l", "es").split())
    assert written(site)["paths"]["articles"] == "content"
    assert (
        "Note: config/development/, which `hugo server` serves with, makes [paths] articles and "
        "[compile.links] other than "
        "for production (what `hugo` builds with, which transpub.toml follows): for the site `hugo server` "
        "shows, run init with --environment development." in output
    )
    (site / "transpub.toml").unlink()
    assert "hugo server" not in init(site, "-l", "es", "--environment", "development")


def test_init_refuses_hugos_options_where_no_hugo_site_is(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        main, ["init", str(tmp_path / "plain"), "-l", "es", "--environment", "staging"]
    )
    assert result.exit_code == 2
    assert "--environment is a Hugo site's" in result.output
    assert not (tmp_path / "plain" / "transpub.toml").exists()


def test_init_with_a_config_dir_that_is_not_there_names_the_folder_it_looked_in(tmp_path: Path) -> None:
    # (a site configured in config/, --config-dir mistyped: "--config-dir is a Hugo site's, and
    # harbour holds none", of a folder that holds a Hugo site)
    site = hugo_site_in_folders(tmp_path / "harbour", {})
    result = CliRunner().invoke(main, ["init", str(site), "-l", "es", "--config-dir", "setings"])
    assert result.exit_code == 2
    assert result.output.splitlines() == [  # (one line: it was click's three of usage)
        f"Error: --config-dir is a Hugo site's, and {site} holds no Hugo configuration (no hugo.toml or "
        "config.toml, nor a setings/ folder with one)"
    ]
    assert not (site / "transpub.toml").exists()


PERMALINKS = [
    # the site's permalink, the rules init writes, the Spanish ferry's links (all served)
    ("/blog/:year/:filename/", {"/blog/": "/{lang}/blog/"}, "/es/blog/2024/harbour/"),
    ("/:year/:month/:filename/", {}, "/2024/05/harbour/"),  # no folder: the English page
    ("/blog/:title/", {}, "/es/blog/the-harbour/"),  # by the Spanish title (⟦The harbour⟧), no rule
]


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize(("permalink", "rules", "harbour"), PERMALINKS, ids=["folder", "date", "title"])
def test_init_makes_link_rules_that_follow_hugos_permalinks(
    tmp_path: Path, permalink: str, rules: dict[str, str], harbour: str
) -> None:
    site = hugo_site(tmp_path / "harbour", config=f'[permalinks]\nposts = "{permalink}"\n')
    english = permalink.replace(":year", "2024").replace(":month", "05")
    english = english.replace(":filename", "harbour").replace(":title", "the-harbour")
    (site / "content" / "posts" / "ferry.md").write_text(
        FERRY.replace("title: The ferry", "date: 2024-05-01\ntitle: The ferry")
        .replace("/posts/harbour/", english)
        .replace("new dock.", "new dock, and [all posts](/posts/)."),
        encoding="utf-8",
    )
    (site / "content" / "posts" / "harbour.md").write_text(
        HARBOUR.replace("title:", "date: 2024-05-02\ntitle:"), encoding="utf-8"
    )
    output = init(site, "-l", "es")
    assert written(site)["compile"]["links"] == {"/posts/": "/{lang}/posts/", **rules}
    note = f'Note: the site\'s permalinks publish the pages of posts/ at "{permalink}", '
    assert (note in output) == (not rules), output
    (site / "hugo.toml").write_text(
        tomli_w.dumps(
            merged(tomllib.loads((site / "hugo.toml").read_text("utf-8")), tomllib.loads(additions(output)))
        ),
        encoding="utf-8",
    )

    pseudo_translate(site)
    hugo_build(site)
    built = {
        path.parent.relative_to(site / "public").as_posix() for path in (site / "public").rglob("index.html")
    }
    ferry = next(name for name in built if name.startswith("es/") and "ferry" in name)
    links = page(site / "public" / ferry / "index.html").xpath("//article//a/@href")
    assert links == [harbour, "/es/posts/"]
    assert all(served(site / "public", href) for href in links), sorted(built)


def test_init_writes_a_slug_permalinks_rule_only_when_every_page_sets_its_slug(tmp_path: Path) -> None:
    """Hugo's :slug is the page's title where it sets no slug, and the title is translated."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:slug/"\n')
    output = init(site, "-l", "es")
    assert written(site)["compile"]["links"] == {"/posts/": "/{lang}/posts/"}
    assert "where :slug is the title of a page without a slug, translated in each language" in output
    for name in ("ferry.md", "harbour.md"):
        path = site / "content" / "posts" / name
        path.write_text(path.read_text("utf-8").replace("title:", f"slug: {name[:-3]}\ntitle:"), "utf-8")
    (site / "transpub.toml").unlink()
    assert "Note: the site's permalinks" not in init(site, "-l", "es")
    assert written(site)["compile"]["links"] == {"/posts/": "/{lang}/posts/", "/blog/": "/{lang}/blog/"}


FRONT_MATTERS = {
    "JSON": '{\n  "title": "The NAME",\n  "slug": "NAME"\n}\n',
    "JSON on one line": '{ "title": "The NAME", "Slug": "NAME" }\n',
    "YAML after a blank line": "\n---\ntitle: The NAME\nslug: NAME\n---\n",
}


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize("front_matter", FRONT_MATTERS.values(), ids=FRONT_MATTERS.keys())
def test_init_reads_a_pages_slug_in_front_matter_of_each_form_hugo_reads(
    tmp_path: Path, front_matter: str
) -> None:
    """JSON front matter (its keys in any case), and front matter after blank lines, set the slug
    Hugo publishes the page under: then a /blog/:slug/ permalink is the same in every language."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:slug/"\n')
    for name in ("ferry", "harbour"):
        (site / "content" / "posts" / f"{name}.md").write_text(
            f"{front_matter}Body of the NAME.\n".replace("NAME", name), encoding="utf-8"
        )
    assert HUGO is not None
    hugo_build(site)
    assert served(site / "public", "/blog/ferry/") and served(site / "public", "/blog/harbour/")
    output = init(site, "-l", "es")
    assert "Note: the site's permalinks" not in output
    assert written(site)["compile"]["links"] == {"/posts/": "/{lang}/posts/", "/blog/": "/{lang}/blog/"}


def test_init_takes_an_empty_or_nested_slug_for_none_as_hugo_does(tmp_path: Path) -> None:
    """Hugo's :slug is the title where ``slug`` is empty or only a key of a nested table (and a
    page whose front matter Hugo cannot read is taken for one without a slug)."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:slug/"\n')
    pages = site / "content" / "posts"
    (pages / "ferry.md").write_text("---\ntitle: The ferry\nslug: ferry\n---\nBody.\n", encoding="utf-8")
    for harbour in (
        '---\ntitle: The harbour\nslug: ""\n---\nBody.\n',
        "---\ntitle: The harbour\nparams:\n  slug: harbour\n---\nBody.\n",
        '+++\ntitle = "The harbour"\n[params]\nslug = "harbour"\n+++\nBody.\n',
        '{ "title": "The harbour", "params": { "slug": "harbour" } }\nBody.\n',
        '{ "title": "The harbour", "slug": "harbour"\nBody.\n',
    ):
        (pages / "harbour.md").write_text(harbour, encoding="utf-8")
        output = init(site, "-l", "es")
        assert "where :slug is the title of a page without a slug, translated in each language" in output
        (site / "transpub.toml").unlink()


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_init_follows_a_pages_own_url_which_hugo_puts_under_each_language(tmp_path: Path) -> None:
    """A page's ``url`` (without a leading slash) is its URL in each language's folder, whatever the
    permalinks: it needs no slug, and links to it go to its translation."""
    site = hugo_site(tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:slug/"\n')
    pages = site / "content" / "posts"
    (pages / "ferry.md").write_text(
        FERRY.replace("title:", "slug: ferry\ntitle:").replace("/posts/harbour/", "/harbour-news/"), "utf-8"
    )
    (pages / "harbour.md").write_text(HARBOUR.replace("title:", "url: harbour-news/\ntitle:"), "utf-8")
    output = init(site, "-l", "es")
    assert "Note: the site's permalinks" not in output
    assert written(site)["compile"]["links"] == {
        "/posts/": "/{lang}/posts/",
        "/blog/": "/{lang}/blog/",
        "/harbour-news/": "/{lang}/harbour-news/",
    }
    add_to_hugo_toml(site, output)

    pseudo_translate(site)
    hugo_build(site)
    links = page(site / "public" / "es" / "blog" / "ferry" / "index.html").xpath("//article//a/@href")
    assert links == ["/es/harbour-news/"]
    assert served(site / "public", links[0]) and served(site / "public", "/harbour-news/")


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_init_names_a_page_whose_url_its_translations_would_publish_over_it(tmp_path: Path) -> None:
    """A ``url`` with a leading slash is the same in every language: Hugo writes the translation
    over the page."""
    site = hugo_site(tmp_path / "harbour")
    (site / "content" / "posts" / "harbour.md").write_text(
        HARBOUR.replace("title:", "url: /harbour-news/\ntitle:"), "utf-8"
    )
    output = init(site, "-l", "es")
    assert (
        "Note: content/posts/harbour.md sets url /harbour-news/, which its translations keep: Hugo "
        "publishes them all there, one over the other; write it without its leading slash "
        "(url: harbour-news/), which Hugo puts in each language's folder." in " ".join(output.split())
    )
    add_to_hugo_toml(site, output)
    pseudo_translate(site)
    hugo_build(site)
    assert not served(site / "public", "/es/harbour-news/")  # the Spanish page is at /harbour-news/ too


#: An HTML file without front matter, which Hugo copies as it is (a page a theme does not wrap).
RTL = (
    '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Right to left</title></head>\n'
    '<body><p>Some text runs right to left. See <a href="/posts/ferry/">the ferry</a>.</p></body></html>\n'
)


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize(
    ("by_folder", "written", "built"),
    [
        (False, "content/posts/rtl.es.html", "es/posts/rtl.es.html"),
        (True, "content/es/posts/rtl.html", "es/posts/rtl.html"),
    ],
    ids=["by file name", "by content folder"],
)
def test_an_html_file_hugo_copies_as_it_is_is_served_in_spanish_where_hugo_copies_spanish_content(
    tmp_path: Path, by_folder: bool, written: str, built: str
) -> None:
    """It was written as a page in site/es/posts/rtl.html, which hugo never builds, and compile named
    it es/posts/rtl.html, no folder said. The Spanish harbour's link to it leads there, and to the
    English file once it is held back in Spanish."""
    site = hugo_site(tmp_path / "harbour", by_folder=by_folder)
    posts = site / "content" / ("en" if by_folder else "") / "posts"
    (posts / "rtl.html").write_text(RTL, encoding="utf-8")
    (posts / "harbour.md").write_text(HARBOUR + "See [the notes](/posts/rtl.html).\n", encoding="utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    assert f"{written}: 100% translated" in transpub(site, "compile").splitlines()
    assert not (site / "site").exists()
    hugo_build(site)
    assert (site / "public" / "posts" / "rtl.html").read_text("utf-8") == RTL
    spanish = (site / "public" / built).read_text("utf-8")
    assert spanish.replace("⟦", "").replace("⟧", "") == RTL.replace(
        '<html lang="en">', '<html lang="es" dir="ltr">'
    ).replace("/posts/ferry/", "/es/posts/ferry/")
    assert served(site / "public", "/es/posts/ferry/")
    harbour = site / "public" / "es" / "posts" / "harbour" / "index.html"
    assert page(harbour).xpath("//article//a/@href") == [f"/{built}"]
    empty_catalog(site / "locales" / "es" / "LC_MESSAGES" / "posts" / "rtl.po")
    transpub(site, "compile")
    hugo_build(site)
    assert page(harbour).xpath("//article//a/@href") == ["/posts/rtl.html"]


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_a_pages_old_address_still_leads_to_the_english_page_and_under_es_to_the_spanish_one(
    tmp_path: Path,
) -> None:
    """An alias with a leading slash is one address in every language: Hugo wrote the Spanish page's
    redirect over the English page's. The translation's alias is under its language's folder, as Hugo
    puts an alias without the slash (harbour-2023/)."""
    site = hugo_site(tmp_path / "harbour")
    (site / "content" / "posts" / "harbour.md").write_text(
        HARBOUR.replace("title:", 'aliases: [/old-harbour/, "/old/harbour/", harbour-2023/]\ntitle:'), "utf-8"
    )
    output = init(site, "-l", "es")
    assert "aliases" not in output
    add_to_hugo_toml(site, output)
    pseudo_translate(site)
    assert 'aliases: [/es/old-harbour/, "/es/old/harbour/", harbour-2023/]\n' in (
        site / "content" / "posts" / "harbour.es.md"
    ).read_text("utf-8")
    hugo_build(site)
    public = site / "public"
    for old in ("old-harbour", "old/harbour", "posts/harbour-2023"):
        assert "/es/" not in (public / old / "index.html").read_text("utf-8")
        assert "/posts/harbour/" in (public / old / "index.html").read_text("utf-8")
        assert "/es/posts/harbour/" in (public / "es" / old / "index.html").read_text("utf-8")


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_a_spanish_post_links_to_the_english_page_of_a_post_not_published_in_spanish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Hugo has no fallback page: while the harbour post is held back in Spanish (below the publish
    threshold), /es/posts/harbour/ does not exist, and the Spanish ferry's link leads to the English
    harbour, as written; compile says so. Once the harbour is published in Spanish, the next compile
    sends the ferry's link there (the ferry compiled again, though nothing of its own changed)."""
    site = hugo_site(tmp_path / "harbour")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    harbour = next((site / "locales" / "es").rglob("harbour.po"))
    translated = harbour.read_bytes()
    catalog = polib.pofile(str(harbour))
    for entry in catalog:
        entry.msgstr = ""
    catalog.save()
    output = transpub(site, "compile")
    assert (
        "content/posts/harbour.md: not published in es, linked from content/posts/ferry.md (/posts/harbour/)"
        in " ".join(output.split())
    )
    hugo_build(site)
    ferry = site / "public" / "es" / "posts" / "ferry" / "index.html"
    assert page(ferry).xpath("//article//a/@href") == ["/posts/harbour/"]
    assert served(site / "public", "/posts/harbour/")
    assert not served(site / "public", "/es/posts/harbour/")

    compiled = compiled_slugs(monkeypatch)
    harbour.write_bytes(translated)
    output = transpub(site, "compile")
    assert "not published in es" not in output
    assert sorted(compiled) == ["posts/ferry", "posts/harbour"]
    hugo_build(site)
    assert page(ferry).xpath("//article//a/@href") == ["/es/posts/harbour/"]
    assert served(site / "public", "/es/posts/harbour/")
    compiled.clear()
    transpub(site, "compile")
    assert compiled == []  # nothing changed: nothing compiled again


def add_to_hugo_toml(site: Path, output: str) -> None:
    """What init showed, added to the site's hugo.toml."""
    hugo_toml = site / "hugo.toml"
    hugo_toml.write_text(
        tomli_w.dumps(merged(tomllib.loads(hugo_toml.read_text("utf-8")), tomllib.loads(additions(output)))),
        encoding="utf-8",
    )


# --- MkDocs --------------------------------------------------------------------------------------


@pytest.mark.skipif(MKDOCS is None, reason="mkdocs is not installed")
@pytest.mark.parametrize("structure", ["suffix", "folder"])
def test_init_in_an_mkdocs_site_makes_spanish_pages_mkdocs_builds(tmp_path: Path, structure: str) -> None:
    """Suffix mode in a site whose docs_dir is documentation/; folder mode where docs/ holds en/.
    (built without mkdocs-static-i18n, as the site was: MkDocs alone builds documentation/guide.es.md at
    /guide.es/, and docs/es/guide.md at /es/guide/, where the plugin serves the Spanish page too.)"""
    site = tmp_path / "guide"
    docs = site / ("documentation" if structure == "suffix" else "docs/en")
    docs.mkdir(parents=True)
    (docs / "guide.md").write_text(GUIDE, encoding="utf-8")
    (docs / "index.md").write_text("# Home\n\nWelcome.\n", encoding="utf-8")
    extra = "docs_dir: documentation\n" if structure == "suffix" else ""
    (site / "mkdocs.yml").write_text(f"site_name: Guide\n{extra}", encoding="utf-8")
    before = files_of(site)
    output = init(site, "-l", "es")
    assert output.splitlines()[0].startswith("Found an MkDocs site (mkdocs.yml): its pages in ")
    assert files_of(site).items() >= before.items() and not (site / "articles").exists()
    config = written(site)
    assert config["paths"]["articles"] == ("documentation" if structure == "suffix" else "docs/en")
    assert config["paths"]["site"] != "site"  # mkdocs build empties site/
    assert config["compile"]["heading_ids"] == "mkdocs"
    shown = yaml.safe_load(additions(output))
    assert shown["plugins"][1]["i18n"]["docs_structure"] == structure
    (site / "mkdocs.yml").write_text(
        (site / "mkdocs.yml").read_text("utf-8")
        + yaml.safe_dump({"markdown_extensions": shown["markdown_extensions"]}),
        encoding="utf-8",
    )

    pseudo_translate(site)
    assert MKDOCS is not None
    run([MKDOCS, "build", "--quiet", "--config-file", str(site / "mkdocs.yml")], site)
    english = page(site / "site" / ("guide" if structure == "suffix" else "en/guide") / "index.html")
    spanish = page(site / "site" / ("guide.es" if structure == "suffix" else "es/guide") / "index.html")
    assert spanish.findtext(".//h1") == "⟦The ferry guide⟧"
    body = "//div[@role='main']"
    assert unmarked(spanish.xpath(body)[0]) == unmarked(english.xpath(body)[0])
    assert spanish.xpath(f"{body}//h2/@id") == english.xpath(f"{body}//h2/@id") == ["when-the-ferry-leaves"]


# --- Jekyll --------------------------------------------------------------------------------------


@pytest.mark.skipif(
    JEKYLL is None, reason="jekyll is not installed (make test installs the Debian package jekyll)"
)
@pytest.mark.parametrize("config_name", ["_config.yml", "_config.toml"])
def test_init_in_a_jekyll_site_makes_german_pages_jekyll_serves_under_de(
    tmp_path: Path, config_name: str
) -> None:
    """(the build leaves jekyll-polyglot out of the _config.yml additions, as the site had none;
    Jekyll serves de/ferries.md at /de/ferries.html, as polyglot does with lang_from_path.) Jekyll
    reads _config.toml when there is no _config.yml; init reads it too, and shows TOML to add."""
    load, dump = (
        (yaml.safe_load, yaml.safe_dump) if config_name.endswith(".yml") else (tomllib.loads, tomli_w.dumps)
    )
    site = tmp_path / "harbour"
    (site / "en").mkdir(parents=True)
    (site / "_layouts").mkdir()
    (site / "_layouts" / "default.html").write_text(
        SINGLE.replace(".Lang", "page.lang")
        .replace("{{ .Title }}", "{{ page.title }}")
        .replace("{{ .Content }}", "{{ content }}"),
        encoding="utf-8",
    )
    (site / "en" / "ferries.md").write_text(
        FERRY.replace("---\ntitle", "---\nlayout: default\ntitle"), "utf-8"
    )
    (site / config_name).write_text(dump({"title": "Harbour", "destination": "public"}), encoding="utf-8")
    before = files_of(site)
    output = init(site, "-l", "de")
    assert output.splitlines()[0] == (
        f"Found a Jekyll site ({config_name}): its pages in en/ are the articles, each language's in a "
        "folder of its own for jekyll-polyglot (de/)"
    )
    assert files_of(site).items() >= before.items() and not (site / "articles").exists()
    shown = load(additions(output))
    assert shown.pop("plugins") == ["jekyll-polyglot"]
    assert shown["exclude"] == ["locales", "glossary", "transpub.toml", "site"]  # not public/: jekyll's
    config = load((site / config_name).read_text("utf-8")) | shown
    (site / config_name).write_text(dump(config), encoding="utf-8")

    pseudo_translate(site)
    assert JEKYLL is not None
    run([JEKYLL, "build", "--quiet", "--source", str(site)], site)
    english, german = (
        page(site / "public" / "en" / "ferries.html"),
        page(site / "public" / "de" / "ferries.html"),
    )
    assert german.findtext(".//h1") == "⟦The ferry timetable⟧"
    assert unmarked(german.xpath("//article")[0]) == unmarked(english.xpath("//article")[0])
    assert german.xpath("//h2/@id") == english.xpath("//h2/@id") == ["when-the-ferry-leaves"]
    built = {str(path.relative_to(site / "public")) for path in (site / "public").rglob("*")}
    assert not {"locales", "glossary", "transpub.toml"} & built  # _config.yml's exclude, as init showed


# --- What init does elsewhere --------------------------------------------------------------------


def test_init_with_generator_none_in_a_site_makes_a_plain_project(tmp_path: Path) -> None:
    site = hugo_site(tmp_path / "harbour")
    output = init(site, "-l", "es", "--generator", "none")
    assert "Found" not in output and "Put articles in" in output
    assert (site / "articles").is_dir() and written(site)["paths"]["articles"] == "articles"
    assert "compile" not in written(site) or "format" not in written(site)["compile"]


def test_init_in_a_plain_folder_says_and_writes_what_it_did_before(tmp_path: Path) -> None:
    output = init(tmp_path / "news", "-l", "es")
    assert output.splitlines()[0] == f"Created {tmp_path / 'news' / 'transpub.toml'} (source en, targets es)."
    assert (
        output.splitlines()[-1]
        == f"Put articles in {tmp_path / 'news' / 'articles'}, then run `cd {tmp_path / 'news'}` and "
        "`transpub extract`."
    )
    assert (tmp_path / "news" / "articles").is_dir()
    assert written(tmp_path / "news")["paths"]["site"] == "site"


def test_init_of_another_folder_says_to_cd_there_as_extract_here_finds_no_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (it said "Put articles in news/articles and run `transpub extract`": run where init was, extract
    # answered "no transpub.toml in … (run `transpub init` first …)")
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    output = runner.invoke(main, ["init", "news", "-l", "es"]).output
    assert (
        output.splitlines()[-1] == "Put articles in news/articles, then run `cd news` and `transpub extract`."
    )
    assert runner.invoke(main, ["extract"]).exit_code == 2
    monkeypatch.chdir(tmp_path / "news")
    assert runner.invoke(main, ["extract"]).exit_code == 0
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "hugo.toml").write_text('title = "Harbour"\n', encoding="utf-8")
    output = runner.invoke(main, ["init", "../site", "-l", "es"]).output
    assert output.splitlines()[-1] == "Then run `cd ../site` and `transpub extract`."
    monkeypatch.chdir(tmp_path / "site")
    (tmp_path / "site" / "transpub.toml").unlink()
    output = runner.invoke(main, ["init", ".", "-l", "es"]).output
    assert output.splitlines()[-1] == "Then run `transpub extract`."


def test_init_with_generator_overrides_what_it_finds(tmp_path: Path) -> None:
    site = tmp_path / "docs-site"
    site.mkdir()
    (site / "mkdocs.yml").write_text("site_name: Guide\n", encoding="utf-8")
    (site / "hugo.toml").write_text('title = "Guide"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(site), "-l", "es"])
    assert result.exit_code == 2
    assert (
        "hugo.toml and mkdocs.yml are the settings of two generators; say which builds the site with "
        "--generator hugo|jekyll|mkdocs" in result.output
    )
    assert not (site / "transpub.toml").exists()
    output = init(site, "-l", "es", "--generator", "mkdocs")
    assert output.startswith("Found an MkDocs site (mkdocs.yml)")
    assert written(site)["paths"]["articles"] == "docs"


def test_init_takes_the_sites_default_language_as_the_source_unless_given(tmp_path: Path) -> None:
    site = hugo_site(tmp_path / "hafen", config='defaultContentLanguage = "de"\n')
    assert "(source de, targets es)" in init(site, "-l", "es")
    other = hugo_site(tmp_path / "other", config='defaultContentLanguage = "de"\n')
    assert "(source en, targets es)" in init(other, "--source", "en", "-l", "es")


def test_init_naming_the_sites_default_language_as_a_target_is_refused_unless_source_is_given(
    tmp_path: Path,
) -> None:
    # (a German site, `-l de -l es`: init took the default --source en, made German a target and wrote
    # post.de.md beside post.md, both German pages to Hugo, without a word)
    site = hugo_site(tmp_path / "hafen", config='defaultContentLanguage = "de"\n')
    result = CliRunner().invoke(main, ["init", str(site), "-l", "de", "-l", "es"])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == (
        "Error: de is the site's default language (hugo.toml), the language of its pages, and -l names it "
        "as a target: give the other languages, or --source LOCALE if the pages are written in another"
    )
    assert not (site / "transpub.toml").exists()
    assert "(source en, targets de es)" in init(site, "--source", "en", "-l", "de", "-l", "es")


def test_init_in_a_jekyll_blog_translates_its_pages_and_posts_in_folders_of_their_own(tmp_path: Path) -> None:
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text(
        "title: Blog\ndestination: site\nexclude: [README.md, drafts/]\n", encoding="utf-8"
    )
    output = init(site, "-l", "es")
    config = written(site)
    assert config["paths"] == {
        **config["paths"],
        "articles": ".",
        "exclude": ["README.md", "drafts"],  # what Jekyll leaves out
        "site": "translated",  # not site/, where jekyll builds
    }
    assert config["compile"] == {**config["compile"], "layout": "polyglot", "markdown_dir": "."}
    assert yaml.safe_load(additions(output))["exclude"] == [
        "locales",
        "glossary",
        "transpub.toml",
        "translated",
    ]
    assert "/translated/" in (site / ".gitignore").read_text("utf-8")


@pytest.mark.parametrize(
    ("timezone", "written_zone", "note"),
    [
        ("Asia/Tokyo", "Asia/Tokyo", None),
        ("America/New_York", "America/New_York", None),
        (
            "Asia/Tokio",
            None,
            "Note: _config.yml's timezone 'Asia/Tokio' is no IANA time zone name (such as Asia/Tokyo): a post "
            "dated with a time is found at each day it may be in; set [compile] jekyll_timezone to the zone "
            "Jekyll dates it in.",
        ),
    ],
)
def test_init_in_a_jekyll_blog_copies_the_time_zone_its_posts_are_dated_in(
    tmp_path: Path, timezone: str | None, written_zone: str | None, note: str | None
) -> None:
    """Jekyll dates a post whose date has a time in _config.yml's timezone (its URL's day): init copies
    it to [compile] jekyll_timezone, which compile then reads; one that names no zone is not copied
    (transpub.toml would not load), and init says so."""
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    settings = {"title": "Blog", **({"timezone": timezone} if timezone else {})}
    (site / "_config.yml").write_text(yaml.safe_dump(settings), encoding="utf-8")
    output = init(site, "-l", "es")
    assert written(site)["compile"].get("jekyll_timezone") == written_zone
    assert load_project(site).jekyll_timezone == written_zone
    assert [line for line in output.splitlines() if "timezone" in line] == ([note] if note else [])


# --- The README shows what init writes -----------------------------------------------------------


def readme_shape(section: str, block: str, root: Path) -> Path:
    """A site of the shape a README block is for (Hugo 0.145 declared, so "hugo" ids)."""
    if section == "Hugo":
        site = hugo_site(root, by_folder='"directory"' in block)
        (site / "netlify.toml").write_text(
            '[build.environment]\nHUGO_VERSION = "0.145.0"\n', encoding="utf-8"
        )
    elif section == "Jekyll (jekyll-polyglot)":
        (root / "_posts").mkdir(parents=True)
        (root / "_config.yml").write_text("title: Harbour News\n", encoding="utf-8")
    else:
        (root / ("docs/en" if '"directory"' in block else "docs")).mkdir(parents=True)
        (root / "mkdocs.yml").write_text("site_name: Harbour\n", encoding="utf-8")
    return root


SECTIONS = ["Hugo", "Jekyll (jekyll-polyglot)", "MkDocs (mkdocs-static-i18n)"]
README_CASES = [
    (section, block)
    for section in SECTIONS
    for block in readme_blocks(section, "# transpub.toml")
    if "layout" in block
]


@pytest.mark.parametrize(
    ("section", "block"), README_CASES, ids=[f"{s}-{i}" for i, (s, _) in enumerate(README_CASES)]
)
def test_the_readme_shows_the_transpub_toml_init_writes(tmp_path: Path, section: str, block: str) -> None:
    site = readme_shape(section, block, tmp_path / "site")
    init(site, "-l", "es")
    config = written(site)
    assert merged(config, tomllib.loads(block)) == config


@pytest.mark.parametrize(
    ("section", "name", "load"),
    [
        ("Hugo", "# hugo.toml", tomllib.loads),
        ("Jekyll (jekyll-polyglot)", "# _config.yml", yaml.safe_load),
        ("MkDocs (mkdocs-static-i18n)", "# mkdocs.yml", yaml.safe_load),
    ],
)
def test_the_readme_shows_what_init_says_to_add_to_the_generators_file(
    tmp_path: Path, section: str, name: str, load
) -> None:
    shown = readme_blocks(section, name)
    assert shown
    for index, block in enumerate(shown):
        by_folder = "contentDir" in block or "docs_structure: folder" in block
        site = readme_shape(section, '"directory"' if by_folder else "", tmp_path / str(index))
        assert load(additions(init(site, "-l", "es"))) == load(block)


def test_init_with_a_generator_whose_file_is_not_there_takes_its_defaults_and_says_so(tmp_path: Path) -> None:
    site = tmp_path / "new-site"
    output = init(site, "-l", "es", "--generator", "hugo")
    assert output.splitlines()[0].startswith("Taken as a Hugo site (--generator hugo): its pages in content/")
    assert "Note: there is no hugo.toml here: Hugo's defaults are taken." in output.splitlines()
    assert "Note: there is no content/ yet: [paths] articles names it." in output.splitlines()
    assert written(site)["paths"]["articles"] == "content" and not (site / "hugo.toml").exists()


def test_init_refuses_a_folder_with_hugos_configuration_folder_and_mkdocs_yml_naming_both(
    tmp_path: Path,
) -> None:
    site = tmp_path / "docs-site"
    (site / "config" / "_default").mkdir(parents=True)
    (site / "config" / "_default" / "hugo.toml").write_text('title = "Guide"\n', encoding="utf-8")
    (site / "mkdocs.yml").write_text("site_name: Guide\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["init", str(site), "-l", "es"])
    assert result.exit_code == 2
    assert (
        f"{site / 'config' / '_default'}: config/_default and mkdocs.yml are the settings of two generators"
        in " ".join(result.output.split())
    )
    assert init(site, "-l", "es", "--generator", "hugo").startswith("Found a Hugo site (config/)")


HELD_BACK_SITES = {
    # the site's settings, the harbour post's URL in English and the ferry's link to it
    "year and file name": ('[permalinks]\nposts = "/blog/:year/:filename/"\n', "/blog/2024/harbour/"),
    "date and slug": (
        '[permalinks]\nposts = "/:section/:year/:month/:day/:slug/"\n',
        "/posts/2024/05/02/port/",
    ),
    "language in a folder": ("defaultContentLanguageInSubdir = true\n", "/en/posts/port/"),
    "both": (
        'defaultContentLanguageInSubdir = true\n[permalinks]\nposts = "/blog/:year/:slugorfilename/"\n',
        "/en/blog/2024/port/",
    ),
}


def built_hrefs(public: Path, folder: str) -> dict[str, list[str]]:
    """The root-relative hrefs of each page hugo built under ``folder`` (``es``), by page."""
    return {
        path.relative_to(public).as_posix(): [
            href for href in page(path).xpath("//a/@href") if href.startswith("/")
        ]
        for path in (public / folder).rglob("index.html")
    }


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
@pytest.mark.parametrize(("config", "harbour"), HELD_BACK_SITES.values(), ids=HELD_BACK_SITES.keys())
def test_a_spanish_post_never_links_a_page_hugo_did_not_build_whatever_the_sites_urls(
    tmp_path: Path, config: str, harbour: str
) -> None:
    """Permalinks (:year :month :day :filename :slug :slugorfilename :section) and the source
    language in a folder of its own: while the harbour post is held back in Spanish, the Spanish
    ferry links its English page as written; once it is published, its Spanish page. Every link
    of every Spanish page hugo builds leads to a page it built."""
    site = hugo_site(tmp_path / "harbour", config=config)
    (site / "content" / "posts" / "ferry.md").write_text(
        FERRY.replace("title:", "date: 2024-05-01\ntitle:").replace("/posts/harbour/", harbour), "utf-8"
    )
    (site / "content" / "posts" / "harbour.md").write_text(
        HARBOUR.replace("title:", "date: 2024-05-02T09:00:00+02:00\nslug: port\ntitle:"), "utf-8"
    )
    add_to_hugo_toml(site, init(site, "-l", "es"))
    assert written(site)["compile"].get("permalinks", {}) == (
        {"posts": config.split('posts = "')[1].split('"')[0]} if "permalinks" in config else {}
    )
    transpub(site, "extract")
    fill_pseudo(site)
    catalog_path = next((site / "locales" / "es").rglob("harbour.po"))
    translated = catalog_path.read_bytes()
    catalog = polib.pofile(str(catalog_path))
    for entry in catalog:
        entry.msgstr = ""
    catalog.save()
    output = " ".join(transpub(site, "compile").split())
    assert f"not published in es, linked from content/posts/ferry.md ({harbour})" in output
    hugo_build(site)
    public = site / "public"
    hrefs = built_hrefs(public, "es")
    assert harbour in [href for links in hrefs.values() for href in links]
    assert all(served(public, href) for links in hrefs.values() for href in links), hrefs

    catalog_path.write_bytes(translated)
    output = transpub(site, "compile")
    assert "not published in es" not in output
    hugo_build(site)
    hrefs = built_hrefs(public, "es")
    spanish = "/es/" + harbour.removeprefix("/en/").lstrip("/")
    assert spanish in [href for links in hrefs.values() for href in links]
    assert all(served(public, href) for links in hrefs.values() for href in links), hrefs


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_links_under_permalinks_compile_cannot_read_back_stay_as_written_with_one_warning(
    tmp_path: Path,
) -> None:
    """``:monthname`` is not read back: compile cannot tell which post /blog/2024/may/harbour/ is,
    nor whether it is published in Spanish, so the Spanish pages keep such links as written (the
    English page, which exists) and compile says so once, however many pages link there."""
    site = hugo_site(
        tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:year/:monthname/:filename/"\n'
    )
    for name in ("ferry", "pier"):
        (site / "content" / "posts" / f"{name}.md").write_text(
            FERRY.replace("title: The ferry", f"date: 2024-05-01\ntitle: The {name}").replace(
                "/posts/harbour/", "/blog/2024/may/harbour/"
            ),
            "utf-8",
        )
    (site / "content" / "posts" / "harbour.md").write_text(
        HARBOUR.replace("title:", "date: 2024-05-02\ntitle:"), "utf-8"
    )
    add_to_hugo_toml(site, init(site, "-l", "es"))
    assert written(site)["compile"]["links"] == {"/posts/": "/{lang}/posts/", "/blog/": "/{lang}/blog/"}
    transpub(site, "extract")
    fill_pseudo(site)
    output = " ".join(transpub(site, "compile").split())
    assert output.count(":monthname is not read back") == 1, output
    assert "translated pages keep such links as written (the en page)" in output
    hugo_build(site)
    hrefs = built_hrefs(site / "public", "es")
    assert [links for name, links in hrefs.items() if "ferry" in name] == [["/blog/2024/may/harbour/"]]
    assert all(served(site / "public", href) for links in hrefs.values() for href in links), hrefs


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_the_warning_of_a_permalink_compile_cannot_read_back_is_told_on_the_runs_that_compile_a_link_under_it(
    tmp_path: Path,
) -> None:
    """The ferry links /blog/2024/may/harbour/ (``:monthname``), the pier links nothing there: the
    first compile names the ferry; a compile with nothing changed, or one that compiles only the
    pier again, says nothing of it; one that compiles the ferry again says it again. The Spanish
    pages built still link only pages that exist."""
    site = hugo_site(
        tmp_path / "harbour", config='[permalinks]\nposts = "/blog/:year/:monthname/:filename/"\n'
    )
    posts = site / "content" / "posts"
    (posts / "ferry.md").write_text(
        FERRY.replace("title:", "date: 2024-05-01\ntitle:").replace(
            "/posts/harbour/", "/blog/2024/may/harbour/"
        ),
        "utf-8",
    )
    (posts / "pier.md").write_text(
        "---\ndate: 2024-05-03\ntitle: The pier\n---\nThe pier is long.\n", "utf-8"
    )
    (posts / "harbour.md").write_text(HARBOUR.replace("title:", "date: 2024-05-02\ntitle:"), "utf-8")
    add_to_hugo_toml(site, init(site, "-l", "es"))
    transpub(site, "extract")
    fill_pseudo(site)
    warned = ":monthname is not read back"
    output = " ".join(transpub(site, "compile").split())
    assert output.count(warned) == 1, output
    assert "linked from content/posts/ferry.md" in output
    assert warned not in transpub(site, "compile")  # nothing changed
    (posts / "pier.md").write_text((posts / "pier.md").read_text("utf-8").replace("long", "longer"), "utf-8")
    transpub(site, "extract")
    fill_pseudo(site)
    assert warned not in transpub(site, "compile")  # the pier links nothing there
    (posts / "ferry.md").write_text((posts / "ferry.md").read_text("utf-8").replace("six", "seven"), "utf-8")
    transpub(site, "extract")
    fill_pseudo(site)
    assert " ".join(transpub(site, "compile").split()).count(warned) == 1
    hugo_build(site)
    hrefs = built_hrefs(site / "public", "es")
    assert all(served(site / "public", href) for links in hrefs.values() for href in links), hrefs
