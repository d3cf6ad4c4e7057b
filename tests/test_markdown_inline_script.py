"""A ``<script>…</script>`` or ``<style>…</style>`` written inside a Markdown paragraph (not an HTML
block of its own lines): its code is no part of the unit a translator sees, and every translation
writes it as the source does, byte for byte (no ``\\{`` added in it), as an inline comment is."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import lxml.html
import pytest

from real_renderers import MKDOCS, each_present, mkdocs_page
from test_compile_helpers import run_cli
from test_markdown_alt_renderers import EACH_RENDERER, as_shown, render, unmarked_pseudo
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.markdown import read_markdown

SCRIPT = '<script>window.count = {a: 1}; if (a < b && c) { go("*x*", `y`) }</script>'
STYLE = "<style>.note { color: red }</style>"
COMMENT = "<!-- a {note} for *editors* -->"
UPPER = '<SCRIPT type="module">load({\n  _lazy: true })</SCRIPT>'  # (over two lines)
PAGE = f"""\
Count the visits {SCRIPT} on this page, styled {STYLE} and noted {COMMENT}.

Then the module {UPPER} runs after the page.
"""
CODE = ("window.count", "color: red", "_lazy", "go(")
GERMAN = {
    "Count the visits <1/> on this page, styled <2/> and noted <3/>.": (
        "Zähle die Besuche <1/> auf dieser Seite, gestaltet <2/> und vermerkt <3/> {mit Klammern}."
    ),
    "Then the module <1/> runs after the page.": "Dann läuft das Modul <1/> nach der Seite.",
}


def read(options: ReadOptions | None = None):
    return read_markdown(PAGE, Path("post.md"), "utf-8", options or ReadOptions())


def test_a_paragraph_s_inline_script_and_style_are_one_placeholder_each_and_their_code_is_not_offered() -> (
    None
):
    units = read().units()
    assert [unit.msgid for unit in units] == list(GERMAN)
    offered = " ".join(
        [unit.msgid for unit in units]
        + [note for unit in units for note in unit.notes]
        + [str(placeholder) for unit in units for placeholder in unit.placeholders]
    )
    assert not [code for code in CODE if code in offered], offered


@pytest.mark.parametrize("kramdown", [False, True], ids=["hugo-mkdocs", "jekyll"])
def test_a_pseudo_translation_writes_inline_scripts_styles_and_comments_as_the_source_does(
    kramdown: bool,
) -> None:
    document = read(dataclasses.replace(ReadOptions(), kramdown=kramdown))
    assert unmarked_pseudo(document) == PAGE


def test_a_translation_writes_each_script_and_style_byte_for_byte_around_the_translated_text() -> None:
    german = read().render(lambda slot: Resolution(GERMAN.get(slot.msgid)))
    assert [german.count(kept) for kept in (SCRIPT, STYLE, COMMENT, UPPER)] == [1, 1, 1, 1]
    assert "Zähle die Besuche <script>" in german and "Dann läuft das Modul <SCRIPT" in german


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_pseudo_translated_page_with_inline_scripts_renders_as_its_source(
    name: str, tmp_path: Path
) -> None:
    plain = unmarked_pseudo(read())
    assert as_shown(render(name, plain, tmp_path / "translated")) == as_shown(
        render(name, PAGE, tmp_path / "source")
    )


#: A paragraph's ``<script>`` whose end tag is two paragraphs on, and a ``<style>`` never closed: the
#: browser reads both as code on to the end tag (or the page's end).
UNCLOSED = """\
Count the visits <script>window.count = {a: 1}; if (a < b) { go("*x*", `y`) } on this page.

more.code({ _lazy: true }); </script> and then the text.

A style <style>.note { color: red } for the rest
"""
UNCLOSED_UNITS = ["Count the visits", "and then the text.", "A style"]


def read_unclosed(options: ReadOptions | None = None):
    return read_markdown(UNCLOSED, Path("post.md"), "utf-8", options or ReadOptions())


def test_the_code_after_a_script_or_style_not_closed_in_its_paragraph_is_not_offered() -> None:
    assert [unit.msgid for unit in read_unclosed().units()] == UNCLOSED_UNITS


@pytest.mark.parametrize("kramdown", [False, True], ids=["hugo-mkdocs", "jekyll"])
def test_a_pseudo_translation_writes_a_script_not_closed_in_its_paragraph_as_the_source_does(
    kramdown: bool,
) -> None:
    assert unmarked_pseudo(read_unclosed(dataclasses.replace(ReadOptions(), kramdown=kramdown))) == UNCLOSED


def test_a_translation_keeps_the_code_of_a_script_not_closed_in_its_paragraph_byte_for_byte() -> None:
    german = dict(zip(UNCLOSED_UNITS, ["Zähle die Besuche", "und dann der Text.", "Ein Stil"], strict=True))
    page = read_unclosed().render(lambda slot: Resolution(german.get(slot.msgid)))
    assert page == UNCLOSED.replace("Count the visits", "Zähle die Besuche").replace(
        "and then the text.", "und dann der Text."
    ).replace("A style", "Ein Stil")


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_pseudo_translated_page_with_a_script_not_closed_in_its_paragraph_renders_as_its_source(
    name: str, tmp_path: Path
) -> None:
    plain = unmarked_pseudo(read_unclosed())
    assert as_shown(render(name, plain, tmp_path / "translated")) == as_shown(
        render(name, UNCLOSED, tmp_path / "source")
    )


#: A paragraph's ``<script>`` whose end tag is four blocks on: Hugo and MkDocs write the blocks between
#: as usual, and the browser reads them as the script's code, up to its ``</script>``; kramdown
#: (Jekyll) ends the script with its paragraph and shows them.
RUNNING_ON = """\
Count the visits <script>window.count = 1;

if (a < b) go("*x*"); // the code goes on

## Not a heading to the browser

- nor *a list*, nor `</script>` in a code span

<div>nor an HTML block</div>

more.code(); </script> and then the text.

A paragraph after it.
"""
RUNNING_ON_UNITS = ["Count the visits", "and then the text.", "A paragraph after it."]
#: Python-Markdown, as MkDocs renders a page, MkDocs itself and Hugo (the browser runs their pages'
#: scripts on).
EACH_RUNNING_ON = [param for param in EACH_RENDERER if param.values[0] != "kramdown"] + each_present(
    {"mkdocs": (MKDOCS is not None, "mkdocs is not installed")}
)


def render_running_on(name: str, markdown: str, site: Path) -> str:
    """``markdown`` as the renderer ``name`` makes it into HTML (MkDocs: its page's main part)."""
    if name != "mkdocs":
        return render(name, markdown, site)
    page = lxml.html.fromstring(mkdocs_page(markdown, site, ""))
    (main,) = page.xpath("//div[@role='main']")
    return lxml.html.tostring(main, encoding="unicode")


def read_running_on(kramdown: bool = False):
    options = dataclasses.replace(ReadOptions(), kramdown=kramdown)
    return read_markdown(RUNNING_ON, Path("post.md"), "utf-8", options)


def code_and_text(page: str) -> tuple[list[str], str]:
    """The code of each script of ``page`` and the text it shows, as a browser reads it."""
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    code = [script.text or "" for script in tree.iter("script")]
    for script in list(tree.iter("script")):
        script.drop_tree()
    return code, " ".join(tree.text_content().split())


def test_the_blocks_a_script_runs_on_through_in_hugo_and_mkdocs_are_not_offered() -> None:
    assert [unit.msgid for unit in read_running_on().units()] == RUNNING_ON_UNITS


def test_jekyll_offers_the_blocks_after_a_script_kramdown_ends_with_its_paragraph() -> None:
    offered = [unit.msgid for unit in read_running_on(kramdown=True).units()]
    assert "Not a heading to the browser" in offered and "nor an HTML block" in offered


@pytest.mark.parametrize("kramdown", [False, True], ids=["hugo-mkdocs", "jekyll"])
def test_a_pseudo_translation_writes_the_blocks_a_script_runs_on_through_as_the_source_does(
    kramdown: bool,
) -> None:
    assert unmarked_pseudo(read_running_on(kramdown)) == RUNNING_ON


@pytest.mark.parametrize("name", EACH_RUNNING_ON)
def test_a_translated_page_runs_the_script_s_code_as_its_source_and_shows_only_translated_text(
    name: str, tmp_path: Path
) -> None:
    marked = read_running_on().render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    code, text = code_and_text(render_running_on(name, marked, tmp_path / "translated"))
    source_code, source_text = code_and_text(render_running_on(name, RUNNING_ON, tmp_path / "source"))
    assert code == source_code and "⟦" not in "".join(code)
    assert text == "⟦Count the visits⟧ ⟦and then the text.⟧ ⟦A paragraph after it.⟧"
    assert source_text == "Count the visits and then the text. A paragraph after it."


#: Emphasis from the text into a script's code (and into a ``<code>``, and out of one): Markdown pairs
#: the ``*`` over the tag, which no translation can keep apart from the code.
CROSSING = """\
A first paragraph.

Some *text <script>go("x*")</script>* here.

Other *text <code>a*b</code>* here, and <code>*x</code> y* there.
"""


def test_emphasis_crossing_into_a_script_or_code_keeps_the_paragraph_with_one_warning_naming_its_line() -> (
    None
):
    document = read_markdown(CROSSING, Path("post.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["A first paragraph."]
    assert [(issue.path, issue.line, issue.severity) for issue in document.warnings] == [
        ("post.md", 3, "warning"),
        ("post.md", 5, "warning"),
    ]
    assert "crosses the edge of a <script>" in document.warnings[0].message
    assert "kept as written" in document.warnings[0].message
    assert unmarked_pseudo(document) == CROSSING


def test_a_script_end_tag_with_no_script_open_is_markup_and_the_text_before_it_is_offered() -> None:
    document = read_markdown("Ends </script> nothing here.\n", Path("post.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Ends <1/> nothing here."]


def test_extract_warns_once_of_emphasis_crossing_into_a_script_naming_the_article_and_its_line(
    tmp_path: Path,
) -> None:
    root = tmp_path / "site"
    (root / "content").mkdir(parents=True)
    (root / "transpub.toml").write_text(
        '[project]\nname = "Harbour"\nsource_locale = "en"\nlocales = ["de"]\n\n'
        '[paths]\narticles = "content"\n\n[compile]\nformat = "markdown"\n',
        encoding="utf-8",
    )
    (root / "content" / "post.md").write_text(CROSSING, encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "crosses the edge" in line]
    assert len(warnings) == 2 and warnings[0].startswith("Warning: content/post.md:3: "), result.output
