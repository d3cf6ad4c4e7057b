"""A translated front matter value that a theme writes into an HTML attribute: Jekyll's Liquid and
MkDocs' Jinja escape nothing (MkDocs-Material writes ``<meta name="description"
content="{{ page.meta.description }}">``), so a double quote the source does not hold would end the
attribute and let a translator add ``http-equiv="refresh"`` (the page then sends its readers
elsewhere) or an event handler. Such a translation is refused on those sites (the source's value is
published, and compile says why, naming the catalog's line); Hugo's templates and compile's own HTML
pages escape every value, so there the quote is published, and shows as typed.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import lxml.html
import polib
import pytest
from click.testing import CliRunner

from real_renderers import HUGO, JEKYLL, MKDOCS, MKDOCS_I18N, MKDOCS_MATERIAL, jekyll_build
from transpub.cli import main

DESCRIPTION = "How to take the ferry."
#: A translation that, written into the attribute as it is, makes the meta tag a refresh to another site.
HOSTILE = 'Wie man die Fähre nimmt." http-equiv="refresh'
PAGE = (
    f"---\ntitle: Ferry guide\ndescription: {DESCRIPTION}\n---\n\n"
    "The ferry leaves at six.\n\nTickets are sold on board.\n\nDogs travel free.\n\nBikes cost two euros.\n"
)


def mkdocs_site(root: Path) -> tuple[Path, list[str]]:
    (root / "docs").mkdir(parents=True)
    (root / "mkdocs.yml").write_text(
        "site_name: Harbour\ntheme:\n  name: material\nplugins:\n  - i18n:\n      docs_structure: suffix\n"
        "      languages:\n        - locale: en\n          default: true\n          name: English\n"
        "        - locale: de\n          name: Deutsch\n",
        encoding="utf-8",
    )
    (root / "docs" / "guide.md").write_text(PAGE, encoding="utf-8")
    build = [str(MKDOCS), "build", "--quiet", "--site-dir", "site"]
    return root / "site" / "de" / "guide" / "index.html", build


def jekyll_site(root: Path) -> tuple[Path, list[str]]:
    (root / "en").mkdir(parents=True)
    (root / "_layouts").mkdir()
    (root / "_config.yml").write_text("title: Harbour\nexclude: [locales, transpub.toml]\n", encoding="utf-8")
    (root / "_layouts" / "default.html").write_text(
        '<!DOCTYPE html><html><head><meta name="description" content="{{ page.description }}"></head>'
        "<body>{{ content }}</body></html>",
        encoding="utf-8",
    )
    page = PAGE.replace("---\n", "---\nlayout: default\n", 1)
    (root / "en" / "guide.md").write_text(page, encoding="utf-8")
    return root / "_site" / "de" / "guide.html", []


def hugo_site(root: Path) -> tuple[Path, list[str]]:
    (root / "content" / "posts").mkdir(parents=True)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "https://harbour.example/"\ndefaultContentLanguage = "en"\n'
        "[languages.en]\nweight = 1\n[languages.de]\nweight = 2\n",
        encoding="utf-8",
    )
    (root / "layouts" / "_default" / "single.html").write_text(
        '<!DOCTYPE html><html><head><meta name="description" content="{{ .Description }}"></head>'
        "<body>{{ .Content }}</body></html>",
        encoding="utf-8",
    )
    (root / "content" / "posts" / "guide.md").write_text(PAGE, encoding="utf-8")
    return root / "public" / "de" / "posts" / "guide" / "index.html", [str(HUGO), "--quiet"]


def html_site(root: Path) -> tuple[Path, list[str]]:
    """A project of no generator: compile writes the HTML pages itself."""
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "guide.md").write_text(PAGE, encoding="utf-8")
    return root / "site" / "de" / "guide.html", []


SITES = {
    "html": (html_site, True, ""),
    "mkdocs": (mkdocs_site, MKDOCS_MATERIAL and MKDOCS_I18N, "mkdocs-material and mkdocs-static-i18n"),
    "jekyll": (jekyll_site, JEKYLL is not None, "jekyll (make test installs the Debian package jekyll)"),
    "hugo": (hugo_site, HUGO is not None, "hugo (make test installs the Debian package hugo)"),
}


def run(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def translated_and_built(
    root: Path, generator: str, translation: str, *, format_given: bool = False
) -> tuple[lxml.html.HtmlElement, str]:
    """The German page of a ``generator`` site whose description is translated as ``translation``
    (the rest as its source), as the generator builds it, and what compile printed
    (``format_given``: transpub.toml says ``format = "html"``, compile is told ``--format markdown``)."""
    make, skip_unless, needs = SITES[generator]
    if not skip_unless:
        pytest.skip(f"{needs} is not installed")
    page, build = make(root)
    run(root, "init", "-l", "de")
    if format_given:
        config = root / "transpub.toml"
        text = config.read_text(encoding="utf-8")
        assert 'format = "markdown"' in text
        config.write_text(text.replace('format = "markdown"', 'format = "html"'), encoding="utf-8")
    run(root, "extract")
    (path,) = root.glob("locales/de/LC_MESSAGES/**/guide.po")
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = translation if entry.msgid == DESCRIPTION else entry.msgid
    catalog.save()
    output = run(root, "compile", *(["--format", "markdown"] if format_given else []))
    if generator == "jekyll":
        jekyll_build(root)
    elif build:
        subprocess.run(build, cwd=root, check=True, capture_output=True, timeout=300)
    return lxml.html.fromstring(page.read_text(encoding="utf-8")), output


def description_meta(page: lxml.html.HtmlElement) -> dict[str, str]:
    (meta,) = page.xpath("//meta[@name='description']")
    return dict(meta.attrib)


@pytest.mark.parametrize("format_given", [False, True], ids=["configured", "--format markdown"])
@pytest.mark.parametrize("generator", ["mkdocs", "jekyll"])
def test_a_translated_description_adding_a_double_quote_adds_no_attribute_where_templates_escape_nothing(
    tmp_path: Path, generator: str, format_given: bool
) -> None:
    # (--format markdown on a project configured for HTML pages read the values as for HTML pages)
    page, output = translated_and_built(tmp_path, generator, HOSTILE, format_given=format_given)
    assert description_meta(page) == {"name": "description", "content": DESCRIPTION}
    (warning,) = [line for line in output.splitlines() if "description" in line]
    assert warning.startswith("Warning: locales/de/LC_MESSAGES/") and ".po:" in warning
    assert "double quote" in warning and "the source text is published instead" in warning


@pytest.mark.parametrize("generator", ["mkdocs", "jekyll"])
def test_a_translated_description_keeping_its_words_plain_is_published_where_templates_escape_nothing(
    tmp_path: Path, generator: str
) -> None:
    page, output = translated_and_built(tmp_path, generator, "Wie man „die Fähre“ nimmt.")
    assert description_meta(page) == {"name": "description", "content": "Wie man „die Fähre“ nimmt."}
    assert "Warning" not in output


@pytest.mark.parametrize("generator", ["hugo", "html"])
def test_a_translated_description_with_a_double_quote_is_published_and_shown_as_typed_where_values_are_escaped(
    tmp_path: Path, generator: str
) -> None:
    page, output = translated_and_built(tmp_path, generator, HOSTILE)
    assert description_meta(page) == {"name": "description", "content": HOSTILE}
    assert "Warning" not in output
