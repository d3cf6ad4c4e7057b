"""The Hugo example (examples/hugo) built by the real ``hugo``, as ``make demo-hugo`` builds it.

English is the source as written; the Spanish pages are Hugo's build of the Markdown that transpub
writes from Apertium's pre-fill, in both layouts the README shows for Hugo (translations by file name,
as in the example, and by content folder, configured with the README's own blocks). Skipped, with the
reason shown, where hugo or Apertium is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import tomllib
from dataclasses import dataclass
from pathlib import Path

import lxml.html
import polib
import pytest
import tomli_w
from click.testing import CliRunner

from transpub.catalog import read_catalog, write_catalog
from transpub.cli import main

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "examples" / "hugo"
HUGO = shutil.which("hugo")
APERTIUM = shutil.which("apertium") is not None and Path("/usr/share/apertium/modes/eng-spa.mode").exists()
BUNDLE = "posts/harbour-reopens"
TIMETABLE = "posts/ferry-timetable"

needs_hugo = pytest.mark.skipif(
    HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)"
)
needs_apertium = pytest.mark.skipif(not APERTIUM, reason="apertium with the eng-spa pair is not installed")
pytestmark = [pytest.mark.hugo, needs_hugo]


def build_with_hugo(site: Path) -> Path:
    """Run the real hugo on ``site`` (its own cache folder, nothing outside); the built ``public/``."""
    assert HUGO is not None
    shutil.rmtree(site / "public", ignore_errors=True)
    result = subprocess.run(
        [HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".hugo-cache")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return site / "public"


def transpub(site: Path, *args: str, exit_code: int = 0) -> str:
    """Run a transpub command on the site's project, as a user types it; its output."""
    result = CliRunner().invoke(main, ["--project", str(site), *args], catch_exceptions=False)
    assert result.exit_code == exit_code, result.output
    return result.output


def read_page(public: Path, path: str) -> lxml.html.HtmlElement:
    """The built page at ``path`` (a folder below public/, as in the page's URL)."""
    return lxml.html.fromstring((public / path / "index.html").read_bytes())


def normalized(text: str) -> str:
    """Text as a reader compares it: runs of whitespace as one space, Hugo's typographic quotes as typed."""
    for curly, straight in (("’", "'"), ("‘", "'"), ("“", '"'), ("”", '"')):
        text = text.replace(curly, straight)
    return " ".join(text.split())


def text_of(element: lxml.html.HtmlElement) -> str:
    """The element's text, normalized (Hugo keeps the source's line breaks)."""
    return normalized(element.text_content())


def built_html(public: Path) -> dict[str, str]:
    """Every HTML page of a build, by its path below public/."""
    return {
        str(path.relative_to(public)): path.read_text(encoding="utf-8") for path in public.rglob("*.html")
    }


def english_mains(public: Path) -> dict[str, bytes]:
    """The ``<main>`` of every English page (everything outside public/es/), serialized."""
    mains = {}
    for path in public.rglob("*.html"):
        relative = path.relative_to(public)
        if relative.parts[0] == "es":
            continue
        found = lxml.html.fromstring(path.read_bytes()).xpath("//main")
        mains[str(relative)] = lxml.html.tostring(found[0]) if found else path.read_bytes()
    return mains


def readme_blocks(section: str, first_line: str) -> list[str]:
    """The fenced blocks of a README section (``### name``) whose first line is ``first_line``."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    body = readme.split(f"\n### {section}\n", 1)[1].split("\n## ", 1)[0].split("\n### ", 1)[0]
    blocks = [block.split("\n", 1)[1] for block in body.split("```")[1::2]]  # without the language name
    return [block for block in blocks if block.startswith(first_line)]


def merged(base: dict, extra: dict) -> dict:
    """``base`` with ``extra``'s keys written over it, tables merged key by key."""
    result = dict(base)
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(result.get(key), dict):
            result[key] = merged(result[key], value)
        else:
            result[key] = value
    return result


def arrange_by_folder(site: Path) -> None:
    """Turn the example into Hugo's one-content-folder-per-language setup, with the README's configuration."""
    (transpub_block,) = [b for b in readme_blocks("Hugo", "# transpub.toml") if "directory" in b]
    (hugo_block,) = [b for b in readme_blocks("Hugo", "# hugo.toml") if "contentDir" in b]
    english = site / "content" / "en"
    english.mkdir()
    (site / "content" / "posts").rename(english / "posts")
    for name, block in (("transpub.toml", transpub_block), ("hugo.toml", hugo_block)):
        config = merged(tomllib.loads((site / name).read_text(encoding="utf-8")), tomllib.loads(block))
        (site / name).write_text(tomli_w.dumps(config), encoding="utf-8")


@dataclass(frozen=True)
class Built:
    """A localized copy of the example, and what hugo built from it."""

    site: Path
    public: Path
    content: Path  # the English source folder

    def catalog(self, slug: str) -> polib.POFile:
        return polib.pofile(str(self.site / "locales" / "es" / "LC_MESSAGES" / f"{slug}.po"))

    def spanish(self, slug: str, english_start: str) -> str:
        """The (machine) translation of the one unit of ``slug`` that starts with ``english_start``."""
        (entry,) = [e for e in self.catalog(slug) if normalized(e.msgid).startswith(english_start)]
        assert entry.msgstr and entry.msgstr != entry.msgid, entry
        return normalized(entry.msgstr)


@pytest.fixture(scope="module")
def english_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """What hugo builds from the untouched example (no translation at all)."""
    site = tmp_path_factory.mktemp("untouched") / "site"
    shutil.copytree(EXAMPLE, site)
    return build_with_hugo(site)


@pytest.fixture(scope="module", params=["by file name", "by folder"])
def localized(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Built:
    """``make demo-hugo``'s steps on a copy of the example: extract, Apertium, Markdown out, hugo."""
    if not APERTIUM:
        pytest.skip("apertium with the eng-spa pair is not installed")
    site = tmp_path_factory.mktemp("localized") / "site"
    shutil.copytree(EXAMPLE, site)
    content = site / "content"
    if request.param == "by folder":
        arrange_by_folder(site)
        content = site / "content" / "en"
    sources = {path: path.read_bytes() for path in content.rglob("*.md")}
    transpub(site, "extract")
    transpub(site, "translate", "-l", "es")
    transpub(site, "compile", "--include-fuzzy", "--format", "markdown")
    assert {path: path.read_bytes() for path in sources} == sources  # the English source is untouched
    return Built(site, build_with_hugo(site), content)


def test_the_example_builds_with_hugo_from_the_english_source_alone(english_build: Path) -> None:
    page = read_page(english_build, BUNDLE)
    assert text_of(page.xpath("//h1")[0]) == "The old harbour reopens after two years of work"
    (figure,) = page.xpath("//article//figure")
    (image,) = figure.xpath("img")
    assert image.get("src") == "harbour.svg" and image.get("alt").startswith("A drawing of the harbour")
    assert text_of(figure.xpath("figcaption")[0]).startswith("The north dock after the work.")
    assert (english_build / BUNDLE / "harbour.svg").is_file()  # the bundle's image is published with it
    (note,) = page.xpath("//article//aside[@class='note']")
    assert note.xpath("p/strong/text()") == ["car park"]  # the callout's Markdown is rendered
    timetable = read_page(english_build, TIMETABLE)
    assert "call the ferry office at +34 900 123 456." in text_of(timetable)  # an inline shortcode
    assert timetable.xpath("//article//table//td/text()")[:3] == ["Long Island", "06:00", "22:30"]
    assert timetable.xpath("//article//a[text()='reopened last week']/@href") == [
        "/posts/harbour-reopens/#what-changes-for-the-ferries"
    ]
    for path, html in built_html(english_build).items():
        assert "{{<" not in html and "{{%" not in html, path


def test_the_readme_shows_the_examples_own_configuration_for_hugo_by_file_name() -> None:
    (block,) = [b for b in readme_blocks("Hugo", "# transpub.toml") if '"suffix"' in b]
    example = tomllib.loads((EXAMPLE / "transpub.toml").read_text(encoding="utf-8"))
    assert merged(example, tomllib.loads(block)) == example


@pytest.mark.apertium
def test_the_spanish_pages_show_apertiums_title_description_and_body(localized: Built) -> None:
    page = read_page(localized.public, f"es/{BUNDLE}")
    title = localized.spanish(BUNDLE, "The old harbour reopens")
    assert text_of(page.xpath("//article/h1")[0]) == title
    assert text_of(page.xpath("//title")[0]).startswith(title)
    assert page.xpath("//meta[@name='description']/@content") == [
        localized.spanish(BUNDLE, "Boats and ferries can use")
    ]
    article = text_of(page.xpath("//article")[0])
    assert localized.spanish(BUNDLE, "The mayor said") in article
    assert "The mayor said" not in article and "The old harbour" not in article
    assert page.get("lang") == "es"


@pytest.mark.apertium
def test_the_spanish_figure_keeps_its_image_and_shows_the_spanish_alt_and_caption(localized: Built) -> None:
    page = read_page(localized.public, f"es/{BUNDLE}")
    (figure,) = page.xpath("//article//figure")
    (image,) = figure.xpath("img")
    assert image.get("src") == "harbour.svg"
    assert (localized.public / "es" / BUNDLE / "harbour.svg").is_file()
    assert normalized(image.get("alt")) == localized.spanish(BUNDLE, "A drawing of the harbour")
    caption = text_of(figure.xpath("figcaption")[0])
    assert localized.spanish(BUNDLE, "The north dock after the work.") in caption
    assert "The north dock" not in caption


@pytest.mark.apertium
def test_the_spanish_note_callout_is_rendered_with_spanish_markdown(localized: Built) -> None:
    page = read_page(localized.public, f"es/{BUNDLE}")
    (note,) = page.xpath("//article//aside[@class='note']")
    assert localized.spanish(BUNDLE, "Visitors can leave their cars") in text_of(note)
    assert note.xpath("p/strong")  # **car park** stayed bold, wherever the translation put it
    assert "Visitors" not in text_of(note)


@pytest.mark.apertium
def test_spanish_pages_link_to_spanish_posts_and_keep_code_numbers_and_shortcodes(localized: Built) -> None:
    timetable = read_page(localized.public, f"es/{TIMETABLE}")
    assert timetable.xpath("//article//p/a/@href") == [
        "/es/posts/harbour-reopens/#what-changes-for-the-ferries"
    ]
    assert read_page(localized.public, f"es/{BUNDLE}").xpath("//article//p/a/@href") == [
        "/es/posts/ferry-timetable/"
    ]
    assert "+34 900 123 456" in text_of(timetable)  # {{< param "ferry_phone" >}} still works
    cells = timetable.xpath("//article//table//td/text()")
    assert [cells[1], cells[2], cells[4], cells[5]] == ["06:00", "22:30", "06:45", "21:15"]
    assert timetable.xpath("//article//code/span/span/text()") == [
        "curl -O https://data.harbour.example/ferries/timetable.json\n"
    ]
    for path, html in built_html(localized.public).items():
        assert "{{<" not in html and "{{%" not in html, path


@pytest.mark.apertium
def test_the_spanish_heading_keeps_the_anchor_the_timetable_links_to(localized: Built) -> None:
    heading = localized.spanish(BUNDLE, "What changes for the ferries")
    (h2,) = read_page(localized.public, f"es/{BUNDLE}").xpath("//article//h2")
    assert text_of(h2) == heading  # Apertium's Spanish heading…
    assert h2.get("id") == "what-changes-for-the-ferries"  # …with the English heading's anchor


@pytest.mark.apertium
def test_english_pages_are_what_hugo_builds_from_the_untouched_example(
    localized: Built, english_build: Path
) -> None:
    assert english_mains(localized.public) == english_mains(english_build)


#: (article, the unit's first English words, what a careless translation writes in it, the English
#: the reader sees instead). A shortcode inside a sentence is a placeholder; a figure's caption is a
#: unit of its own, where a typed shortcode is a template token the source does not have.
MANGLED = {
    "a sentence's shortcode replaced": (
        TIMETABLE,
        "Passengers with questions",
        lambda msgid, msgstr: msgstr.replace(placeholder_of(msgid), '{{< parámetro "teléfono_del_ferry" >}}'),
        "Passengers with questions can call the ferry office at +34 900 123 456.",
    ),
    "a shortcode typed into a figure caption": (
        BUNDLE,
        "The north dock after the work.",
        lambda msgid, msgstr: msgstr + ' {{< cifra src="/imágenes/puerto.svg" >}}',
        "The north dock after the work. The ferry terminal is on the right.",
    ),
}


def placeholder_of(msgid: str) -> str:
    """The first placeholder (``<1/>``) of a unit."""
    return msgid[msgid.index("<") : msgid.index(">") + 1]


@pytest.mark.apertium
@pytest.mark.parametrize("case", MANGLED)
def test_a_mangled_shortcode_fails_check_and_the_page_shows_that_unit_in_english(
    localized: Built, tmp_path: Path, case: str
) -> None:
    slug, english_start, mangle, english = MANGLED[case]
    site = tmp_path / "site"
    shutil.copytree(localized.site, site, ignore=shutil.ignore_patterns("public", ".hugo-cache"))
    transpub(site, "check", "--allow-fuzzy")  # Apertium's Spanish passes, fuzzy allowed
    catalog_path = site / "locales" / "es" / "LC_MESSAGES" / f"{slug}.po"
    catalog = read_catalog(catalog_path)
    (entry,) = [e for e in catalog if e.msgid.startswith(english_start)]
    entry.msgstr = mangle(entry.msgid, entry.msgstr)
    write_catalog(catalog, catalog_path)  # as Poedit saves it
    line = next(e.linenum for e in read_catalog(catalog_path) if e.msgid == entry.msgid)

    output = transpub(site, "check", "--allow-fuzzy", exit_code=1)
    assert f"locales/es/LC_MESSAGES/{slug}.po:{line}:" in output

    transpub(site, "compile", "--include-fuzzy", "--format", "markdown")
    public = build_with_hugo(site)
    assert english in text_of(read_page(public, f"es/{slug}"))
    for path, html in built_html(public).items():
        assert "{{<" not in html and "parámetro" not in html and "cifra" not in html, path


def test_a_tag_translated_as_a_path_is_published_as_the_source_tag_and_hugo_writes_no_page_elsewhere(
    tmp_path: Path,
) -> None:
    """Hugo makes a page of each tag at ``<lang>/tags/<tag>/``: a tag translated ``../../../gone`` had
    its page written at ``public/gone/``, over any page there (``../..``: the home page), and a tag
    translated ``..`` stopped the build ("missing taxonomy"). Such a translation is not published."""
    site = example_with_tags(tmp_path, {"ferries": "../../../taken-over", "transport": ".."})
    output = transpub(site, "compile")
    assert output.count("the translation adds a path") == 2, output
    public = build_with_hugo(site)
    assert not (public / "taken-over").exists()
    assert (public / "es" / "tags" / "ferries" / "index.html").is_file()


def example_with_tags(tmp_path: Path, tags: dict[str, str]) -> Path:
    """The Hugo example extracted, its Spanish catalogs reviewed, each msgstr its msgid but the tags
    ``tags`` names (by their English), translated so."""
    site = tmp_path / "site"
    shutil.copytree(EXAMPLE, site)
    transpub(site, "extract")
    for path in (site / "locales" / "es").rglob("*.po"):
        catalog = read_catalog(path)
        for entry in catalog:
            entry.msgstr = tags.get(entry.msgid, entry.msgid)
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
        write_catalog(catalog, path)
    return site


def test_a_tag_translated_too_long_for_a_file_name_is_published_as_the_source_tag_and_hugo_builds_the_site(
    tmp_path: Path,
) -> None:
    """Hugo writes each tag's page in a folder named after it: a tag translated as 300 letters stopped
    the whole site's build ("file name too long"). Such a translation is not published, and compile
    says why at the tag's entry."""
    site = example_with_tags(tmp_path, {"ferries": "transbordadores" * 20})
    output = " ".join(transpub(site, "compile").split())
    catalog = site / "locales" / "es" / "LC_MESSAGES" / "posts" / "ferry-timetable.po"
    line = next(entry.linenum for entry in read_catalog(catalog) if entry.msgid == "ferries")
    assert (
        f"Warning: locales/es/LC_MESSAGES/posts/ferry-timetable.po:{line}: front matter value tags/1: the "
        "translation is a name of 300 bytes, too long for the page a site makes of each tag or category "
        "(a file name of at most 250); the source text is published instead" in output
    ), output
    public = build_with_hugo(site)
    assert (public / "es" / "tags" / "ferries" / "index.html").is_file()
