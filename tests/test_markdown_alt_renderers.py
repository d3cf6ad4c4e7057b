"""A translated image alt text in the Markdown transpub writes, as the real renderers show it: Hugo
(Goldmark, which shows an alt text's escapes and character references as written), kramdown
(Jekyll) and Python-Markdown (MkDocs), each where it is installed (a missing one is a skip that
says so). Ordinary alt texts read exactly
as translated in all three; markup in a translation never becomes an element in any of them."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
import time
from pathlib import Path

import lxml.html
import pytest

from real_renderers import HUGO, each_present, html_from, hugo_page
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.markdown import read_markdown

KRAMDOWN = shutil.which("ruby") is not None and (
    subprocess.run(["ruby", "-rkramdown", "-e", ""], capture_output=True).returncode == 0
)
PYTHON_MARKDOWN = importlib.util.find_spec("markdown") is not None

#: Alt texts as translators write them, which every renderer must show exactly.
ORDINARY = [
    "Foto: @anna_k, https://hafen.example und www.hafen.example",
    "5 * 3 = 15*, ~50 Leute, R&D, 100%",
    "C:\\Users\\anna, snake_case, x_, Preis*",
    "#1 der Liste - 2. Reihe + mehr > weniger",
    "Ein {Klammer} und $$5",
]
#: Alt texts holding markup: shown as text (as written by kramdown and Python-Markdown), never markup.
HOSTILE = [
    "*fett* [Link](javascript:alert(1)) <script>alert(1)</script>",
    "Tabelle | Zelle ~~weg~~ `code` &amp; {{< shortcode >}} {% raw %} ] Ende\\",
]


def localized(alts: list[str]) -> str:
    """A Markdown article of one image per alt text, translated into ``alts``."""
    source = "\n\n".join(f"![Picture number {n}](p{n}.png)" for n in range(len(alts))) + "\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    table = {f"Picture number {n}": alt for n, alt in enumerate(alts)}
    return document.render(lambda slot: Resolution(table.get(slot.msgid)))


def unmarked_pseudo(document) -> str:
    """``document`` with every unit translated ``⟦as itself⟧``, the marks removed."""
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "")


def kramdown(markdown: str) -> str:
    return html_from(
        ["ruby", "-rkramdown", "-e", "print Kramdown::Document.new(STDIN.read).to_html"], markdown
    )


def python_markdown(markdown: str, extensions: tuple[str, ...] = (), configs: str = "{}") -> str:
    """``markdown`` as Python-Markdown makes it into HTML, with ``extensions`` (``configs``: their
    settings, as JSON)."""
    script = (
        "import json, sys, markdown; print(markdown.markdown(sys.stdin.read(), extensions=sys.argv[2:],"
        " extension_configs=json.loads(sys.argv[1])))"
    )
    return html_from([sys.executable, "-c", script, configs, "tables", *extensions], markdown)


#: The renderers, each with whether it is here and why not: each missing one is a skip with its reason.
RENDERERS = {
    "hugo": (HUGO is not None, "hugo (Hugo's Goldmark) is not installed"),
    "kramdown": (KRAMDOWN, "kramdown (Jekyll's renderer, Debian ruby-kramdown) is not installed"),
    "python-markdown": (PYTHON_MARKDOWN, "Python-Markdown (MkDocs' renderer) is not installed"),
}
EACH_RENDERER = each_present(RENDERERS)
PYMDOWNX = importlib.util.find_spec("pymdownx") is not None
#: MkDocs with pymdownx' mark (==x==), caret (^^x^^, ^x^), tilde (~~x~~, ~x~) and keys (++ctrl++), as
#: MkDocs-Material sites load them.
MARK_CARET_KEYS = ("pymdownx.mark", "pymdownx.caret", "pymdownx.tilde", "pymdownx.keys")
#: Their settings that turn their smart rules off (a==b==c is a mark then).
NOT_SMART = '{"pymdownx.mark": {"smart_mark": false}, "pymdownx.caret": {"smart_insert": false}}'
#: What pymdownx makes of them.
PYMDOWNX_TAGS = ("mark", "ins", "sup", "sub", "del", "kbd")
EACH_RENDERER_AND_PYMDOWNX = EACH_RENDERER + each_present(
    {"mkdocs-pymdownx": (PYMDOWNX, "pymdown-extensions (MkDocs' pymdownx) is not installed")}
)


def render(name: str, markdown: str, tmp_path: Path) -> str:
    """``markdown`` as the renderer ``name`` makes it into HTML."""
    if name == "hugo":
        return hugo_page(markdown, tmp_path / "site")
    if name == "mkdocs-pymdownx":
        return python_markdown(markdown, MARK_CARET_KEYS)
    if name == "mkdocs-pymdownx-not-smart":
        return python_markdown(markdown, MARK_CARET_KEYS, NOT_SMART)
    return kramdown(markdown) if name == "kramdown" else python_markdown(markdown)


def shown(page: str, count: int) -> tuple[list[str | None], list[str]]:
    """The alt text of each image (by its number) and the tags of every other element of ``page``."""
    tree = lxml.html.fromstring(f"<div>{page}</div>")
    alts = {image.get("src"): image.get("alt") for image in tree.iter("img")}
    others = sorted({str(e.tag) for e in tree.iter() if e.tag not in ("div", "p", "img")})
    return [alts.get(f"p{n}.png") for n in range(count)], others


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_an_ordinary_translated_alt_text_reads_as_written_in_hugo_jekyll_and_mkdocs(
    name: str, tmp_path: Path
) -> None:
    markdown = localized(ORDINARY)
    alts, others = shown(render(name, markdown, tmp_path), len(ORDINARY))
    assert (alts, others) == (ORDINARY, []), markdown


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_markup_in_a_translated_alt_text_never_becomes_an_element(name: str, tmp_path: Path) -> None:
    markdown = localized(HOSTILE)
    alts, others = shown(render(name, markdown, tmp_path), len(HOSTILE))
    assert others == [] and None not in alts, markdown
    if name != "hugo":  # (Hugo shows the escapes; it has no way to show such a text as written)
        assert alts == HOSTILE, markdown


#: Alt texts the source writes with an entity, emphasis, escapes or spaces (Hugo shows them as
#: written, kramdown and Python-Markdown read them), of inline and reference images, and the text
#: each is offered as.
ALTS_AS_WRITTEN = {
    "![The &amp; bridge](p0.png)": "The & bridge",
    "![A *bold* word](p1.png)": "A bold word",
    "![x \\[y\\] in C:\\\\](p2.png)": "x [y] in C:\\",
    "![Tom &#38; Jerry](p3.png)": "Tom & Jerry",
    "![ The &amp;   *old*\nbridge ](p4.png)": "The & old bridge",
    "See ![R&amp;D \\*now\\*][ref] here.\n\n[ref]: p5.png": "R&D *now*",
}


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_an_alt_text_with_an_entity_emphasis_or_escape_comes_back_as_written_and_renders_as_its_source(
    name: str, tmp_path: Path
) -> None:
    # it came back as its msgid's text, ![⟦The & bridge⟧]: other bytes, and in Hugo another alt text
    source = "\n\n".join(ALTS_AS_WRITTEN) + "\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert set(ALTS_AS_WRITTEN.values()) <= {unit.msgid for unit in document.units()}
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert marked.replace("⟦", "").replace("⟧", "") == source
    source_alts, _ = shown(render(name, source, tmp_path / "source"), len(ALTS_AS_WRITTEN))
    alts, others = shown(render(name, marked, tmp_path / "marked"), len(ALTS_AS_WRITTEN))
    assert ([alt and alt.replace("⟦", "").replace("⟧", "") for alt in alts], others) == (source_alts, [])


#: Alt texts over lines of a quote (each later line with the quote's markers), and the text each is offered as.
QUOTED_ALTS_OVER_LINES = {
    "> ![The &amp;\n> bridge](p0.png)": "The & bridge",
    "> ![The\n> old *bridge*](p1.png)": "The old bridge",
    "> > See ![The &amp;\n> > port](p2.png) here.": "The & port",
    "> - ![R&amp;D\n>   lab](p3.png)": "R&D lab",
}


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_an_alt_text_over_lines_of_a_quote_comes_back_as_written_and_a_translation_stays_text(
    name: str, tmp_path: Path
) -> None:
    # it came back as its msgid's text, > ![⟦The & bridge⟧]: the quote's markers read as its text
    source = "\n\n".join(QUOTED_ALTS_OVER_LINES) + "\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert set(QUOTED_ALTS_OVER_LINES.values()) <= {unit.msgid for unit in document.units()}
    assert unmarked_pseudo(document) == source
    # a translation keeping the source's text keeps its bytes; its own markup around it is text
    hostile = {
        msgid: f"`x` [y](javascript:z) {msgid} <b>*z*</b>" for msgid in QUOTED_ALTS_OVER_LINES.values()
    }
    written = document.render(lambda slot: Resolution(hostile.get(slot.msgid)))
    assert " The &amp;\n> bridge " in written, written
    alts, others = shown(render(name, written, tmp_path), len(QUOTED_ALTS_OVER_LINES))
    assert others == ["blockquote", "li", "ul"] and None not in alts, written
    if name != "hugo":  # (Hugo shows an alt text's escapes and references as written)
        # (the source's words shown as the source's page shows them: kramdown keeps *bridge*)
        source_alts, _ = shown(render(name, source, tmp_path / "source"), len(QUOTED_ALTS_OVER_LINES))
        typed = [f"`x` [y](javascript:z) {alt} <b>*z*</b>" for alt in source_alts]
        assert [" ".join(alt.split()) for alt in alts] == [" ".join(alt.split()) for alt in typed], written


#: A translation writing its own asterisks around the source's alt text (``A *bold* word``).
AROUND_THE_SOURCE = "Ein *A bold word* x"


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_translation_keeping_an_alt_text_s_words_shows_its_own_asterisks_as_typed(
    name: str, tmp_path: Path
) -> None:
    document = read_markdown("![A *bold* word](p0.png)\n", Path("a.md"), "utf-8", ReadOptions())
    kept, around = (
        document.render(lambda slot, typed=typed: Resolution(typed))
        for typed in ("A bold word", AROUND_THE_SOURCE)
    )
    assert kept == "![A *bold* word](p0.png)\n"  # (the source's own emphasis, shown as the source's)
    alts, others = shown(render(name, around, tmp_path), 1)
    assert others == [], around
    if name != "hugo":  # (Hugo shows the escapes; it has no way to show such a text as written)
        assert alts == [AROUND_THE_SOURCE], around  # (not "Ein *A *bold* word* x")


#: Source syntax each renderer reads its own way, that a translation must leave as the source has it:
#: raw ``<code>`` with underscores (kramdown shows a backslash in it), one tilde pair, a reference
#: split over a line break (a link in Python-Markdown), a reference defined right after ``</div>``.
KEPT_AS_WRITTEN = """\
Run it with <code>--config _config.yml,_config_dev.yml</code> first.

Water is H~2~O, ~~not~~ wine, for ~50 people.

Material provides the [styles for code blocks]
[colors], which are nice.

<div class="result" markdown="1">
Shown.
</div>
  [Twemoji]: https://example.org/twemoji

See [Twemoji] (recommended).

  [colors]: https://example.org/colors.scss
"""


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_pseudo_translated_page_renders_as_its_source_in_hugo_jekyll_and_mkdocs(
    name: str, tmp_path: Path
) -> None:
    document = read_markdown(KEPT_AS_WRITTEN, Path("a.md"), "utf-8", ReadOptions())
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert marked.count("⟦") >= 4  # (not "Shown.": a markdown="1" block is kept as written)
    plain = marked.replace("⟦", "").replace("⟧", "")
    source_page = render(name, KEPT_AS_WRITTEN, tmp_path / "source")
    translated_page = render(name, plain, tmp_path / "translated")
    assert as_shown(translated_page) == as_shown(source_page), plain


def as_shown(page: str) -> str:
    """``page``'s elements, attributes and text as a browser has them (entities read, spaces collapsed)."""
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    return " ".join(lxml.html.tostring(tree, encoding="unicode").split())


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_paragraph_with_pipes_renders_as_its_source_once_translated(name: str, tmp_path: Path) -> None:
    # kramdown reads a line with a pipe as a table's row: a translation wrote it "\|", a paragraph
    source = (
        "Replace the placeholders.\n\nSOURCE | Name of the source organization\n"
        "DESTINATION | Name of the destination organization\n\nNo pipe here.\n"
    )
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == source
    expected = render(name, source, tmp_path / "source")
    assert render(name, pseudo, tmp_path / "translated").replace("⟦", "").replace("⟧", "") == expected
    # a pipe a translation brings where the source has none is text in every renderer
    added = document.render(
        lambda slot: Resolution("Kein | Rohr." if slot.msgid == "No pipe here." else None)
    )
    assert "<p>Kein | Rohr.</p>" in render(name, added, tmp_path / "added")


#: Paragraph translations with a lone asterisk or tilde between spaces, and with ones that could pair.
LONE_MARKS = {
    "First paragraph.": "Rechne 5 * 3 * 4 = 60 und nimm ~ als Heimat.",
    "Second paragraph.": "Etwa ~50 Leute, a*b*c und x~y~z, ~~nicht~~ weg.",
}


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_lone_asterisk_or_tilde_of_a_translation_is_written_as_is_and_nothing_pairs_up(
    name: str, tmp_path: Path
) -> None:
    document = read_markdown("First paragraph.\n\nSecond paragraph.\n", Path("a.md"), "utf-8", ReadOptions())
    written = document.render(lambda slot: Resolution(LONE_MARKS.get(slot.msgid)))
    assert written.startswith("Rechne 5 * 3 * 4 = 60 und nimm ~ als Heimat.\n"), written
    tree = lxml.html.fragment_fromstring(render(name, written, tmp_path), create_parent="div")
    assert [p.text_content() for p in tree.iter("p")] == list(LONE_MARKS.values()), written
    assert {str(e.tag) for e in tree.iter()} == {"div", "p"}, written


#: Paragraph translations with pymdownx' markup (==mark==, ^^ins^^, ++keys++) and with prose that opens none.
PYMDOWNX_MARKS = {
    "First paragraph.": "Markiere ==das== und ^^dies^^, drücke ++ctrl+alt+del++.",
    "Second paragraph.": "Wenn a == b und x^^2, nimm C++, C++11, g++ oder i++.",
}
#: Paragraph translations with pymdownx' superscript (^x^) and subscript (~x~), and with runs that
#: only turn markup without pymdownx' smart rules.
SUPERSCRIPTS = {
    "First paragraph.": "Wasser ist H~2~O, 2^10^ ist 1024, ^hoch^ und x^2y^.",
    "Second paragraph.": "Auch a==b==c und x^^y^^z.",
}


@pytest.mark.parametrize("name", EACH_RENDERER_AND_PYMDOWNX)
def test_marks_inserts_and_keys_of_a_translation_show_as_typed_and_prose_with_them_stays_as_written(
    name: str, tmp_path: Path
) -> None:
    document = read_markdown("First paragraph.\n\nSecond paragraph.\n", Path("a.md"), "utf-8", ReadOptions())
    written = document.render(lambda slot: Resolution(PYMDOWNX_MARKS.get(slot.msgid)))
    assert "\nWenn a == b und x&#94;&#94;2, nimm C++, C++11, g++ oder i++.\n" in written, written
    tree = lxml.html.fragment_fromstring(render(name, written, tmp_path), create_parent="div")
    assert [p.text_content() for p in tree.iter("p")] == list(PYMDOWNX_MARKS.values()), written
    assert {str(e.tag) for e in tree.iter()} == {"div", "p"}, written


@pytest.mark.parametrize("name", [*EACH_RENDERER_AND_PYMDOWNX, "mkdocs-pymdownx-not-smart"])
def test_superscripts_subscripts_and_runs_pymdownx_reads_without_smart_rules_show_as_typed(
    name: str, tmp_path: Path
) -> None:
    document = read_markdown("First paragraph.\n\nSecond paragraph.\n", Path("a.md"), "utf-8", ReadOptions())
    written = document.render(lambda slot: Resolution(SUPERSCRIPTS.get(slot.msgid)))
    tree = lxml.html.fragment_fromstring(render(name, written, tmp_path), create_parent="div")
    assert [p.text_content() for p in tree.iter("p")] == list(SUPERSCRIPTS.values()), written
    assert {str(e.tag) for e in tree.iter()} == {"div", "p"}, written


#: Pages whose own pymdownx markup or text runs across other markup or sentences, or opens nothing.
PAGES_WITH_RUNS = (
    "Press ==**this**== and ^^*that*^^ now.\n",
    "Use `a`==`b` and `c`^`d`, not `e`++`f`.\n",
    "==One sentence. And another.== Then ==x **b**.== more.\n",
    "Set a ==x b, so E = mc^2 and x^2 or 2^10^ and a==b.\n",
)


@pytest.mark.skipif(not PYMDOWNX, reason="pymdown-extensions (MkDocs' pymdownx) is not installed")
@pytest.mark.parametrize("page", PAGES_WITH_RUNS)
def test_a_pages_own_marks_across_other_markup_and_its_runs_that_open_nothing_are_written_as_the_page_writes_them(
    page: str,
) -> None:
    pseudo_written_and_shown_as(page)


def pseudo_written_and_shown_as(page: str) -> None:
    """Assert that ``page`` pseudo-translated, the marks removed, is ``page``, and shows as it does in
    Python-Markdown with pymdownx' mark, caret, tilde and keys."""
    document = read_markdown(page, Path("a.md"), "utf-8", ReadOptions())
    pseudo = unmarked_pseudo(document)
    assert pseudo == page
    assert python_markdown(pseudo, MARK_CARET_KEYS) == python_markdown(page, MARK_CARET_KEYS)


#: A page whose ``==`` opens no mark (nothing closes it), and a translation that writes ``===`` later.
PAGE_WITH_AN_OPEN_MARK = "If a ==b holds, stop.\n"
CLOSING_IT = "Wenn a ==b gilt, dann ist x === y oder x ==== y."


@pytest.mark.skipif(not PYMDOWNX, reason="pymdown-extensions (MkDocs' pymdownx) is not installed")
@pytest.mark.parametrize("configs", ["{}", NOT_SMART])
def test_a_translations_triple_equals_does_not_close_a_mark_the_pages_own_equals_open(configs: str) -> None:
    document = read_markdown(PAGE_WITH_AN_OPEN_MARK, Path("a.md"), "utf-8", ReadOptions())
    pseudo = unmarked_pseudo(document)
    assert pseudo == PAGE_WITH_AN_OPEN_MARK
    written = document.render(lambda slot: Resolution(CLOSING_IT))
    tree = lxml.html.fragment_fromstring(
        python_markdown(written, MARK_CARET_KEYS, configs), create_parent="div"
    )
    assert {str(e.tag) for e in tree.iter()} == {"div", "p"}, written
    assert tree.text_content().strip() == CLOSING_IT, written


def test_a_long_paragraph_of_superscripts_and_its_translation_compile_in_seconds() -> None:
    # (each run's word was counted from the text's start, and each of a translation's runs tried
    # against every run of the source: 4,000 of them took seconds, 16,000 minutes)
    page = "x^2 y " * 8000 + "\n"
    document = read_markdown(page, Path("a.md"), "utf-8", ReadOptions())
    started = time.monotonic()
    pseudo = unmarked_pseudo(document)
    written = document.render(lambda slot: Resolution("z ^2 " * 8000))
    assert time.monotonic() - started < 5
    assert pseudo == page
    assert written.startswith("z &#94;2 z &#94;2"), written[:40]


#: A page with a mark around bold and keys, and a translation that adds its own of each.
PAGE_WITH_KEYS = "Press ==**this**== and ++ctrl+c++.\n"
KEYS_TWICE = "Drücke ==<1>dies</1>== und ++ctrl+c++, oder ++ctrl+c++ ==noch==."


@pytest.mark.skipif(not PYMDOWNX, reason="pymdown-extensions (MkDocs' pymdownx) is not installed")
@pytest.mark.parametrize("configs", ["{}", NOT_SMART])
def test_a_translation_gets_the_pages_own_marks_and_keys_no_more_often_than_the_page_has_them(
    configs: str,
) -> None:
    document = read_markdown(PAGE_WITH_KEYS, Path("a.md"), "utf-8", ReadOptions())
    written = document.render(lambda slot: Resolution(KEYS_TWICE if "<1>" in slot.msgid else None))
    tree = lxml.html.fragment_fromstring(
        python_markdown(written, MARK_CARET_KEYS, configs), create_parent="div"
    )
    assert [e.text_content() for e in tree.iter("mark")] == ["dies"], written
    assert [e.text_content() for e in tree.iter("kbd")] == ["Ctrl", "C"], written
    assert "oder ++ctrl+c++ ==noch==." in tree.text_content(), written


#: An MkDocs page with pymdownx' markup and prose that opens none, and a translation of its paragraph.
PAGE_WITH_MARKS = "Press ++ctrl+alt+del++ to ==see it== and ^^add^^, if a == b, x^^2 or C++.\n"
MARKS_KEPT = "Drücke ++ctrl+alt+del++, um ==see it== und ^^add^^ zu sehen, nicht ==das== oder ^^dies^^."


@pytest.mark.skipif(not PYMDOWNX, reason="pymdown-extensions (MkDocs' pymdownx) is not installed")
def test_a_translation_keeps_the_pages_own_marks_and_keys_while_its_own_show_as_typed() -> None:
    document = read_markdown(PAGE_WITH_MARKS, Path("a.md"), "utf-8", ReadOptions())
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == PAGE_WITH_MARKS
    written = document.render(lambda slot: Resolution(MARKS_KEPT))
    tree = lxml.html.fragment_fromstring(python_markdown(written, MARK_CARET_KEYS), create_parent="div")
    assert [e.text_content() for e in tree.iter("mark", "ins")] == ["see it", "add"], written
    assert [e.text_content() for e in tree.iter("kbd")] == ["Ctrl", "Alt", "Del"], written
    assert "nicht ==das== oder ^^dies^^." in tree.text_content(), written


#: A comment opening a line with text after it: kramdown and Python-Markdown read the text as a
#: paragraph of Markdown (a link here), CommonMark (Hugo) keeps the line as HTML (the text as written).
TEXT_AFTER_A_COMMENT = """\
Intro.

<!-- md:version 9.0 -->, as [Highlight](#highlight) or [SuperFences] tell.

Support was dropped in
<!-- md:version 6.0 -->, as [Highlight] is better
for *this*.

<!-- md:option toc.slugify -->

:   <!-- md:default none --> This option allows for
    customization of the [Highlight] function.

  [Highlight]: https://example.org/highlight
  [SuperFences]: https://example.org/superfences
"""


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_text_after_a_comment_opening_a_line_renders_as_its_source_in_hugo_jekyll_and_mkdocs(
    name: str, tmp_path: Path
) -> None:
    # its links were text whose brackets a translation escaped: kramdown and MkDocs lost them
    document = read_markdown(TEXT_AFTER_A_COMMENT, Path("a.md"), "utf-8", ReadOptions())
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    plain = marked.replace("⟦", "").replace("⟧", "")
    source_page = render(name, TEXT_AFTER_A_COMMENT, tmp_path / "source")
    translated_page = render(name, plain, tmp_path / "translated")
    assert as_shown(translated_page) == as_shown(source_page), plain


#: Text after an element on its line of an HTML block: raw HTML to Hugo (CommonMark's HTML block,
#: ``>`` shown as text), a quote to kramdown and Python-Markdown, which read it as Markdown.
QUOTE_AFTER_AN_ELEMENT = "<div>Note</div>> Hello there, a -> b.\n"
#: Such quotes over lines, after spaces, with two sentences, and an empty line of their own; one
#: holding a tag and a list (kept as written).
QUOTES_AFTER_AN_ELEMENT = (
    QUOTE_AFTER_AN_ELEMENT,
    "<div>Note</div>> Hello\n> more\n",
    "<p>Note</p>  >Hello there. Then more.\n>\n> Last line.\n",
    "<div>Note</div>> Hello <b>x</b>\n> - more\n",
)


def tags_and_text(page: str) -> tuple[list[str], str]:
    """The elements of ``page`` (in order) and its text, spaces collapsed."""
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    return [str(e.tag) for e in tree.iter()], " ".join(tree.text_content().split())


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_text_with_a_bracket_after_an_element_on_its_line_keeps_its_bytes_and_renders_as_its_source(
    name: str, tmp_path: Path
) -> None:
    # the translation's > was &gt;, which moved it to a line of its own (\n&gt; Hello there)
    document = read_markdown(QUOTE_AFTER_AN_ELEMENT, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Note", "Hello there, a -> b."]
    plain = unmarked_pseudo(document)
    assert plain == QUOTE_AFTER_AN_ELEMENT
    source_page = render(name, QUOTE_AFTER_AN_ELEMENT, tmp_path / "source")
    translated_page = render(name, plain, tmp_path / "translated")
    assert as_shown(translated_page) == as_shown(source_page), plain


@pytest.mark.parametrize("name", EACH_RENDERER)
@pytest.mark.parametrize("source", QUOTES_AFTER_AN_ELEMENT)
def test_a_quote_after_an_element_on_its_line_is_offered_without_its_markers_and_stays_a_quote_translated(
    name: str, source: str, tmp_path: Path
) -> None:
    # its > was the unit's text, "> Hello > more" over two lines: the pseudo-translated page (⟦> Hello⟧)
    # was a paragraph to kramdown and Python-Markdown, a quote on the source's page
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert not any(unit.msgid.startswith(">") or " > " in unit.msgid for unit in document.units())
    assert unmarked_pseudo(document) == source
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    source_tags, source_text = tags_and_text(render(name, source, tmp_path / "source"))
    tags, text = tags_and_text(render(name, marked, tmp_path / "marked"))
    assert (tags, text.replace("⟦", "").replace("⟧", "")) == (source_tags, source_text), marked


@pytest.mark.parametrize("name", EACH_RENDERER)
@pytest.mark.parametrize("source", QUOTES_AFTER_AN_ELEMENT)
@pytest.mark.parametrize("hostile", ["> Hola <b>x</b> -> y >", "> Hola & R&D", "Hola R&D > y &#62;"])
def test_a_bracket_starting_a_translation_of_a_quote_after_an_element_makes_no_quote_and_its_tags_stay_text(
    name: str, source: str, hostile: str, tmp_path: Path
) -> None:
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    written = document.render(lambda slot: Resolution(hostile if slot.msgid != "Note" else None))
    source_tags, _ = tags_and_text(render(name, source, tmp_path / "source"))
    tags, text = tags_and_text(render(name, written, tmp_path / "site"))
    assert tags == source_tags, written
    assert text.count(hostile) == len(document.units()) - 1, written


#: Text after an element on its line starting with an escaped quote marker: a paragraph's ``> Hello``
#: to kramdown and Python-Markdown, which read it as Markdown, the HTML block's ``\> Hello`` to Hugo.
ESCAPED_QUOTES_AFTER_AN_ELEMENT = {
    "<div>Note</div>\\> Hello there.\n": "> Hello there.",
    "<p>Note</p>  \\> Hello there, a -> b.\n": "> Hello there, a -> b.",
}


@pytest.mark.parametrize("name", EACH_RENDERER)
@pytest.mark.parametrize("source", ESCAPED_QUOTES_AFTER_AN_ELEMENT)
def test_an_escaped_quote_marker_after_an_element_is_offered_without_its_backslash_and_stays_no_quote(
    name: str, source: str, tmp_path: Path
) -> None:
    # it was offered as "\> Hello there.", the Markdown escape in the translator's text
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Note", ESCAPED_QUOTES_AFTER_AN_ELEMENT[source]]
    assert unmarked_pseudo(document) == source
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    source_tags, source_text = tags_and_text(render(name, source, tmp_path / "source"))
    tags, text = tags_and_text(render(name, marked, tmp_path / "marked"))
    assert (tags, text.replace("⟦", "").replace("⟧", "")) == (source_tags, source_text), marked
    assert "blockquote" not in source_tags
    typed = "> Hallo da, a -> b."
    written = document.render(lambda slot: Resolution(typed if slot.msgid != "Note" else None))
    tags, text = tags_and_text(render(name, written, tmp_path / "translated"))
    assert (tags, text.count(typed)) == (source_tags, 1), written


#: Text between two HTML paragraphs on one line, which Python-Markdown (MkDocs) reads as Markdown.
TEXT_BETWEEN_PARAGRAPHS = "<p>A</p> More text. <p>B</p>\n"


@pytest.mark.skipif(not PYTHON_MARKDOWN, reason="Python-Markdown (MkDocs' renderer) is not installed")
@pytest.mark.parametrize("translation", ["Mehr Text.  ", "Mehr Text. ", "Mehr Text.\t"])
def test_a_translation_ending_in_spaces_between_two_html_paragraphs_shows_no_line_break_in_mkdocs(
    translation: str,
) -> None:
    # its spaces and the page's space after them were a hard line break (<br>) to Python-Markdown
    document = read_markdown(TEXT_BETWEEN_PARAGRAPHS, Path("a.md"), "utf-8", ReadOptions())
    pseudo = unmarked_pseudo(document)
    assert pseudo == TEXT_BETWEEN_PARAGRAPHS
    written = document.render(lambda slot: Resolution(translation if slot.msgid == "More text." else None))
    page = python_markdown(written)
    assert "<br" not in page, written
    assert "Mehr" in page and "Text." in page, page


#: Text with inline markup after an HTML element on its line.
TEXT_WITH_MARKUP_AFTER_AN_ELEMENT = "<div>x</div> Hello <b>big</b> and <i>bold</i> world\n"


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_translation_after_an_element_keeps_its_spaces_before_its_tags(name: str, tmp_path: Path) -> None:
    # (every piece of the translation lost the spaces at its end: "Hallogroß" on the page)
    document = read_markdown(TEXT_WITH_MARKUP_AFTER_AN_ELEMENT, Path("a.md"), "utf-8", ReadOptions())
    assert unmarked_pseudo(document) == TEXT_WITH_MARKUP_AFTER_AN_ELEMENT
    translation = "Hallo <1>groß</1> und <2>fett</2> Welt  "
    written = document.render(lambda slot: Resolution(translation if "<1>" in slot.msgid else None))
    page = lxml.html.fragment_fromstring(render(name, written, tmp_path), create_parent="div")
    assert "Hallo groß und fett Welt" in " ".join(page.text_content().split()), written
    assert page.find(".//br") is None, written


#: Pages that escape a caret, an equals sign or a backslash before their runs of =, ^ and +.
PAGES_WITH_ESCAPED_RUNS = (
    "Text \\^x^ end.\n",  # (one ^ escaped, one not: every ^ was written &#94;)
    "Text \\^x^ and 2^10^ end.\n",
    "Set x \\=\\= y if a == b.\n",
    "Path C:\\\\+++ or C++ here.\n",  # (an escaped backslash before +++: written \\+\+\+, C\+\+)
    'Type ctrl++ctrl+\\" here.\n',  # (a + before an escaped quote, \" shown as written by Python-Markdown)
)


@pytest.mark.skipif(not PYMDOWNX, reason="pymdown-extensions (MkDocs' pymdownx) is not installed")
@pytest.mark.parametrize("page", PAGES_WITH_ESCAPED_RUNS)
def test_a_page_escaping_a_caret_or_equals_sign_beside_its_own_runs_is_written_as_the_page_writes_it(
    page: str,
) -> None:
    pseudo_written_and_shown_as(page)


#: A page's own keys, and translations that split its quoted key or close keys after its own ++.
KEYS_AND_TRANSLATIONS = (
    ("Press ++'b c'++ now.\n", "Drücke ++'b c+'++ jetzt.", ["b c+"], "Drücke b c+ jetzt."),  # (was b, '')
    ("Use C++_x now.\n", "Nutze C++ctrl+c++ jetzt.", [], "Nutze C++ctrl+c++ jetzt."),  # (was Ctrl, C)
)


@pytest.mark.skipif(not PYMDOWNX, reason="pymdown-extensions (MkDocs' pymdownx) is not installed")
@pytest.mark.parametrize(("page", "translation", "keys", "shown"), KEYS_AND_TRANSLATIONS)
def test_a_plus_a_translation_writes_in_or_after_the_pages_own_keys_makes_no_key_of_its_own(
    page: str, translation: str, keys: list[str], shown: str
) -> None:
    document = read_markdown(page, Path("a.md"), "utf-8", ReadOptions())
    written = document.render(lambda slot: Resolution(translation))
    tree = lxml.html.fragment_fromstring(python_markdown(written, MARK_CARET_KEYS), create_parent="div")
    assert [e.text_content() for e in tree.iter("kbd")] == keys, written
    assert len(list(tree.iter("span"))) == len(keys), written
    assert tree.text_content().strip() == shown, written


#: A 4-space list item (MkDocs' style) with a second paragraph, a quote and a numbered item.
ITEMS = (
    "-   Item text\n    continued.\n\n    Second paragraph.\n\n-   Other\n\n> Quoted text\n\n1. Numbered\n"
)


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_translation_starting_with_spaces_keeps_its_item_and_quote_and_makes_no_code_block(
    name: str, tmp_path: Path
) -> None:
    document = read_markdown(ITEMS, Path("a.md"), "utf-8", ReadOptions())
    spaced = document.render(lambda slot: Resolution("   " + slot.msgid))
    assert as_shown(render(name, spaced, tmp_path / "spaced")) == as_shown(
        render(name, ITEMS, tmp_path / "source")
    )


#: Paragraphs whose markup holds a backtick that opens no code span (an alt text's, a title's, an
#: attribute's, an autolink's), and others' alt text and title; each translation writes backticks.
TICKED_PAGE = """\
See ![a`b](p0.png) and more text.

See [the docs](d.html "Docs `x") and more text.

See <span title="x`y">here</span> and more text.

See <https://e.example/`a> and more text.

See ![a`b](p1.png) and ![Dawn ferry](p2.png) here.

See [the port](d.html "Port `y") here.
"""
#: The translations, as typed.
TICKED = {
    "See <1/> and more text.": "Siehe <1/> und ` mehr.",
    "See <1>the docs</1> and more text.": "Siehe <1>die Doku</1> und ` mehr.",
    "See <1>here</1> and more text.": "Siehe <1>hier</1> und ` mehr.",
    "Dawn ferry": "Fähre ` früh",
    "Port `y": "Hafen `y` und `z`",
}


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_translations_backtick_never_makes_code_with_a_backtick_of_the_pages_own_markup(
    name: str, tmp_path: Path
) -> None:
    # (an escaped backtick still ends a code span: the alt text's backtick made code up to the
    # translation's one in all three, and the image was lost; two backticks of a title, code in it)
    document = read_markdown(TICKED_PAGE, Path("a.md"), "utf-8", ReadOptions())
    # (an HTML attribute's value in Markdown is written with its backticks as references, the source's too)
    assert unmarked_pseudo(document) == TICKED_PAGE
    written = document.render(lambda slot: Resolution(TICKED.get(slot.msgid)))
    tree = lxml.html.fragment_fromstring(render(name, written, tmp_path), create_parent="div")
    assert not tree.xpath("//code"), written
    texts = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert texts[:4] == [
        "Siehe und ` mehr.",
        "Siehe die Doku und ` mehr.",
        "Siehe hier und ` mehr.",
        "Siehe https://e.example/`a und ` mehr.",
    ], written
    alts = [image.get("alt") for image in tree.iter("img")]
    assert [image.get("src") for image in tree.iter("img")] == ["p0.png", "p1.png", "p2.png"], written
    assert [link.get("title") for link in tree.iter("a") if link.get("title")] == [
        "Docs `x",
        "Hafen `y` und `z`",
    ], written
    if name != "hugo":  # (Hugo shows an alt text's escapes and references as written)
        assert alts == ["a`b", "a`b", "Fähre ` früh"], written


#: Paragraphs whose only backtick is a lone one in their text (no code span), one beside an image.
LONE_TICK_PAGE = "It`s here, said Anna.\n\nSee ![Dawn ferry](p0.png), it`s *ours*.\n\n> Don`t go.\n"
#: Translations keeping the backticked word once, twice, and writing backticks of their own.
LONE_TICKS = {
    "It`s here, said Anna.": "It`s `hier` ``x`` \\` sagte Anna.",
    "See <1/>, it`s <2>ours</2>.": "Siehe <1/>, it`s und it`s <2>unser</2> `y`.",
    "Dawn ferry": "Fähre ` früh",
    "Don`t go.": "Don`t ` geh.",
}


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_lone_backtick_of_the_source_comes_back_as_written_and_a_translations_backticks_make_no_code(
    name: str, tmp_path: Path
) -> None:
    # (the source's It`s was written It\`s: the pseudo-translated page was not the source)
    document = read_markdown(LONE_TICK_PAGE, Path("a.md"), "utf-8", ReadOptions())
    assert unmarked_pseudo(document) == LONE_TICK_PAGE
    written = document.render(lambda slot: Resolution(LONE_TICKS.get(slot.msgid)))
    assert "It`s &#96;hier&#96;" in written and "Don`t &#96; geh." in written, written
    tree = lxml.html.fragment_fromstring(render(name, written, tmp_path), create_parent="div")
    assert not tree.xpath("//code"), written
    texts = [" ".join(p.text_content().split()) for p in tree.iter("p")]
    assert texts == [
        "It`s `hier` ``x`` \\` sagte Anna.",
        "Siehe , it`s und it`s unser `y`.",
        "Don`t ` geh.",
    ], written
    if name != "hugo":  # (Hugo shows an alt text's escapes and references as written)
        assert [image.get("alt") for image in tree.iter("img")] == ["Fähre ` früh"], written


#: Alt texts holding a shortcode, and translations that write asterisks or underscores around it.
TEMPLATED_ALTS = "![The {{< param x >}} bridge](p0.png)\n\n![The {{< param x >}} port](p1.png)\n"
AROUND_THE_TOKEN = {"The <1/> bridge": "*Die <1/> Brücke*", "The <1/> port": "_Der <1/> Hafen_"}


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_translations_asterisks_around_a_shortcode_of_an_alt_text_show_in_it_as_typed(
    name: str, tmp_path: Path
) -> None:
    # (each text beside the shortcode escaped on its own: "*Die " and " Brücke*" made emphasis
    # together, and Hugo dropped the asterisks from the alt text)
    document = read_markdown(TEMPLATED_ALTS, Path("a.md"), "utf-8", ReadOptions())
    assert unmarked_pseudo(document) == TEMPLATED_ALTS
    written = document.render(lambda slot: Resolution(AROUND_THE_TOKEN.get(slot.msgid)))
    if name == "hugo":
        page = hugo_page(written, tmp_path / "site", "[params]\nx = 'P'\n")
        alts, _ = shown(page, 2)
        # (Hugo shows an alt text's escapes as written)
        assert [alt and alt.replace("\\", "") for alt in alts] == ["*Die P Brücke*", "_Der P Hafen_"], written
    else:
        alts, _ = shown(render(name, written, tmp_path), 2)
        typed = [text.replace("<1/>", "{{< param x >}}") for text in AROUND_THE_TOKEN.values()]
        assert alts == typed, written
