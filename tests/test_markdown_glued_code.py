"""Two code spans a translation writes side by side (``Lauf <2/><1/> jetzt.`` of ``Run `a` or `b`
now.``), in the real renderers (Hugo's Goldmark, kramdown as Jekyll runs it, Python-Markdown as
MkDocs does): a run of backticks is read whole, so ``Lauf `b``a` jetzt.`` was one code span ``b``a``
in Hugo and MkDocs. No choice of runs writes them apart in every renderer; an empty HTML comment
between them does (``Lauf `b`<!-- -->`a` jetzt.``), and shows nothing. Every renderer shows each
code span with its code, whatever order a translation gives them and whatever their code holds
(backticks, spaces at its ends); a pseudo-translated page is its source."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from markdown_translations import random_pages, read, text_units, translated
from real_renderers import HUGO, hugo_pages
from test_markdown_alt_renderers import unmarked_pseudo
from test_markdown_reordered_ticks import RENDERERS, elements, rendered
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.formats.md_parser import rendering_parser
from transpub.inline import placeholder_problem

#: Blocks with code spans a translation may write side by side: runs of one, two and three
#: backticks, code holding backticks, code starting or ending with spaces (kramdown keeps a single
#: backtick's), beside emphasis, links (a title with a backtick), images, an autolink, a hard line
#: break, a backtick of the text; in a heading, a list, a quote, a table, a link's text; and a
#: source that writes two side by side itself.
SOURCES = [
    "Run `a` or `b` now.\n",
    "Run `a` or `b` or `c` now.\n",
    "Run ``a`b`` or `c` now.\n",
    "Run `` `a` `` or ```b``c``` now.\n",
    "Run x` ls `y or `b` now.\n",
    "Run (` a `) or (` b `) now.\n",
    "Run `` a`` or ``b `` now.\n",
    "Run `a\\` or `\\b` now.\n",
    "Use *`a`* and `b` or [`c` x](/u) today.\n",
    "See ![a](i.png) and `b` or `c`.\n",
    'Read `c` or ``d`` or [t](/u "a`b") now.\n',
    "Run `a` or <https://x.org/> or `b`.\n",
    "Hit `a`  \nthen `b` now.\n",
    "Run `a` or `b`, it`s ok.\n",
    "It`s `a` or `b`.\n",
    "# Run `a` or `b`\n",
    "- Run `a` or `b`\n",
    "> Run `a` or `b`\n",
    "| h | i |\n|---|---|\n| `a` or `b` | c |\n",
    "See [`a` and `b`](/u) now.\n",
    "Run `a`<!-- -->`b` now.\n",
]
#: What a translator writes between the placeholders (a backtick of their own too).
WORDS = ["Starte", "jetzt", "(", "„", "it`s", "`"]
PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>.*?</\2>")
SEED = 20261207


def _units(document: Document) -> list[TextSlot]:
    return text_units(document, "<")


def _translated(source: str, text: str) -> str:
    """``source`` with its one unit that has placeholders translated as ``text``."""
    document = read(source)
    (unit,) = _units(document)
    return translated(document, unit, text)


def _shown(html: str) -> Counter[tuple[str | None, ...]]:
    """The code (its text, its spaces aside: kramdown keeps a single backtick's, the others take
    them off), links and images of ``html``."""
    return Counter(
        ("code", " ".join((e[1] or "").split())) if e[0] == "code" else e
        for e in elements(html)
        if e[0] in ("code", "a", "img")
    )


def translations(msgid: str, rng: random.Random, count: int = 10) -> list[str]:
    """Random translations of ``msgid``: its placeholders in a random order, most of them glued to
    the one before (nothing between), the others after a space or random words."""
    placeholders = [match.group() for match in PLACEHOLDER.finditer(msgid)]
    found = [f"⟦{msgid}⟧"]
    while len(found) <= count:
        order = rng.sample(placeholders, len(placeholders))
        text = " ".join(rng.choices(WORDS, k=rng.randint(0, 1)))
        for placeholder in order:
            glued = text.endswith(">") and rng.random() < 0.7
            text += ("" if glued else rng.choice([" ", *rng.choices(WORDS, k=1)])) + placeholder
        text += rng.choice(["", " ", " jetzt."])
        if text.strip() and placeholder_problem(msgid, text) is None:
            found.append(text)
    return found


def pages() -> list[tuple[str, str, str]]:
    """Each source with random translations of its unit: (source, translation, page written)."""
    return random_pages(SOURCES, translations, SEED, _units)


def test_two_code_spans_written_side_by_side_are_written_apart_with_an_empty_comment() -> None:
    assert _translated("Run `a` or `b` now.\n", "Lauf <2/><1/> jetzt.") == "Lauf `b`<!-- -->`a` jetzt.\n"
    assert _translated("Run `a` or `b` now.\n", "Lauf <1/><2/> jetzt.") == "Lauf `a`<!-- -->`b` jetzt.\n"
    assert _translated("Run ``a`b`` or `c` now.\n", "<2/><1/>") == "`c`<!-- -->``a`b``\n"
    # (apart, or glued to a translator's text: as written)
    assert _translated("Run `a` or `b` now.\n", "Lauf <2/> <1/> jetzt.") == "Lauf `b` `a` jetzt.\n"
    assert _translated("Run `a` or `b` now.\n", "Lauf <2/>,<1/> jetzt.") == "Lauf `b`,`a` jetzt.\n"
    # (a code span moved after a space, a longer run: apart too)
    assert _translated("Run x` ls `y or `b` now.\n", "<2/><1/>") == "`b`<!-- -->` ls `\n"
    assert _translated("Run x` ls `y or `b` now.\n", "Lauf <1/><2/>") == "Lauf `` ls ``<!-- -->`b`\n"


def test_a_pseudo_translated_page_is_its_source() -> None:
    for source in SOURCES:
        document = read(source)
        assert document.render(lambda slot: Resolution(slot.msgid)) == source
        assert unmarked_pseudo(document) == source, source


def test_a_source_writing_two_code_spans_apart_itself_keeps_its_comment_where_it_stands() -> None:
    source = "Run `a`<!-- -->`b` now.\n"
    assert _translated(source, "Lauf <3/><2/><1/>.") == "Lauf `b`<!-- -->`a`.\n"
    assert _translated(source, "Lauf <1/><3/><2/>.") == "Lauf `a`<!-- -->`b`<!-- -->.\n"


@pytest.mark.parametrize("renderer", RENDERERS)
def test_two_code_spans_side_by_side_show_two_code_spans_in_every_renderer(
    renderer: str, tmp_path: Path
) -> None:
    written = [
        ("Run `a` or `b` now.\n", "Lauf <2/><1/> jetzt."),
        ("Run `a` or `b` now.\n", "Lauf <1/><2/> jetzt."),
        ("Run `a` or `b` or `c` now.\n", "<3/><1/><2/>"),
        ("Run ``a`b`` or `c` now.\n", "Lauf <2/><1/> jetzt."),
        ("Run `` `a` `` or ```b``c``` now.\n", "Lauf <2/><1/> jetzt."),
        ("Run x` ls `y or `b` now.\n", "Lauf <2/><1/> jetzt."),
        ("Run x` ls `y or `b` now.\n", "<1/><2/> jetzt."),
        ("Run `` a`` or ``b `` now.\n", "Lauf <2/><1/> jetzt."),
        ("Run `a\\` or `\\b` now.\n", "Lauf <1/><2/> jetzt."),
        ("# Run `a` or `b`\n", "Lauf <2/><1/>"),
        ("| h | i |\n|---|---|\n| `a` or `b` | c |\n", "<2/><1/>"),
        ("See [`a` and `b`](/u) now.\n", "Siehe <1><3/><2/></1>."),
    ]
    pages = [_translated(source, text) for source, text in written]
    html = rendered(renderer, pages, tmp_path / "site")
    for (source, _), page, out in zip(written, pages, html, strict=True):
        assert _shown(out) == _shown(rendering_parser().render(source)), (page, out)
        assert "`" not in re.sub(r"<code>.*?</code>", "", out, flags=re.S), (page, out)


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_two_code_spans_side_by_side_show_in_hugo_that_leaves_raw_html_out(tmp_path: Path) -> None:
    page = _translated("Run `a` or `b` now.\n", "Lauf <2/><1/> jetzt.")
    (out,) = hugo_pages([page], tmp_path / "site", "[markup.goldmark.renderer]\nunsafe = false\n")
    assert out.strip() == "<p>Lauf <code>b</code><!-- raw HTML omitted --><code>a</code> jetzt.</p>"


@pytest.mark.parametrize("renderer", RENDERERS)
def test_no_run_of_backticks_alone_writes_two_code_spans_side_by_side_in_every_renderer(
    renderer: str, tmp_path: Path
) -> None:
    """Why a comment: the closing run and the opening one touch, and every writing of them by runs
    alone shows wrong code in Hugo or Python-Markdown (kramdown reads each of them as two)."""
    runs = ["`", "``", "```"]
    candidates = [f"Lauf {one}b{one}{two}a{two} jetzt.\n" for one in runs for two in runs]
    html = rendered(renderer, candidates, tmp_path / "site")
    right = [_shown(out) == Counter([("code", "a"), ("code", "b")]) for out in html]
    assert all(right) if renderer == "kramdown" else not any(right), list(zip(candidates, html, strict=True))


@pytest.mark.parametrize("renderer", RENDERERS)
def test_no_translation_gluing_placeholders_loses_or_changes_code_in_any_renderer(
    renderer: str, tmp_path: Path
) -> None:
    written = pages()
    expected = {source: _shown(rendering_parser().render(source)) for source in SOURCES}
    html = rendered(renderer, SOURCES + [page for _, _, page in written], tmp_path / "site")
    for source, out in zip(SOURCES, html, strict=False):
        assert _shown(out) == expected[source], (source, out)
    failures = [
        (text, page, out)
        for (source, text, page), out in zip(written, html[len(SOURCES) :], strict=True)
        if _shown(out) != expected[source]
    ]
    assert not failures, (len(failures), failures[:6])
    assert sum("`<!-- -->`" in page for _, _, page in written) > 40  # (many were glued)
