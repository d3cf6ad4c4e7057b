"""A code span of one backtick whose code starts with a space (``Run x` ls `y now.``, as CommonMark
allows), in the real renderers (Hugo's Goldmark, kramdown as Jekyll runs it, Python-Markdown as
MkDocs does): kramdown reads a single backtick with whitespace (or the start of a block's text)
before it and whitespace after it as text, so a translation that wrote the source's code span after
a space (``Starte ` ls ` jetzt.``) showed the backticks and ``ls`` as text in Jekyll. It is written
with a longer run there (``Starte `` ls `` jetzt.``): every renderer shows the code, whatever order
and spacing a translation gives it; where it stands as in the source, it is written as the source's,
and a pseudo-translated page is its source."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import pytest

from markdown_translations import random_pages, read, text_units, translated
from test_markdown_alt_renderers import unmarked_pseudo
from test_markdown_reordered_ticks import RENDERERS, elements, rendered
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.formats.md_parser import rendering_parser
from transpub.inline import placeholder_problem

#: Blocks with a code span of one backtick whose code starts with whitespace, each shown as code by
#: every renderer (after text, in quotes, parentheses, emphasis, a link; beside other code spans, a
#: hard line break, an alt text's backtick, a backtick of the text).
SOURCES = [
    "Run x` ls `y now.\n",
    'Type "` ls `" to list.\n',
    "Run (` ls `) or `pwd` now.\n",
    "Use *` ls `* and [the docs](/d) today.\n",
    "Call a`\tls `b twice.\n",
    "Hit x` ls `y  \nthen go.\n",
    "Say x` ls `y, it`s ok.\n",
    "See [x` ls `y](/u) and ![a`b](i.png) now.\n",
    "Run x` ls`y and `` a `` too.\n",
    "- Run x` ls `y now.\n",
    "# Run x` ls `y now\n",
    "| a | b |\n|---|---|\n| Run x` ls `y | z |\n",
    "> Run x` ls `y now.\n",
    "[` ls ` x](/u)\n",
]
#: What a translator writes between the placeholders (a backtick of their own too).
WORDS = ["Starte", "jetzt", "x", "(", "„", "dann", "it`s", "und", "`"]
PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>.*?</\2>")
SEED = 20261206


def _units(document: Document) -> list[TextSlot]:
    return text_units(document, "<")


def translations(msgid: str, rng: random.Random, count: int = 12) -> list[str]:
    """Random translations of ``msgid``: its placeholders in a random order, random words between,
    glued to them or after a space (two placeholders never glued: two code spans would make one
    run of their backticks)."""
    placeholders = [match.group() for match in PLACEHOLDER.finditer(msgid)]
    found = [f"⟦{msgid}⟧"]
    while len(found) <= count:
        order = rng.sample(placeholders, len(placeholders))
        cuts = [" ".join(rng.choices(WORDS, k=rng.randint(0, 2))) for _ in range(len(order) + 1)]
        text = cuts[0]
        for placeholder, cut in zip(order, cuts[1:], strict=True):
            text += rng.choice(["", " "] if text and text[-1] != ">" else [" "]) + placeholder
            text += rng.choice(["", " "]) + cut
        if text.strip() and placeholder_problem(msgid, text) is None:
            found.append(text)
    return found


def pages() -> list[tuple[str, str, str]]:
    """Each source with random translations of its unit: (source, translation, page written)."""
    return random_pages(SOURCES, translations, SEED, _units)


def _code_and_links(html: str) -> Counter[tuple[str | None, ...]]:
    """The code (its text, its spaces aside: kramdown keeps a single backtick's, the others take
    them off), links and images of ``html``."""
    return Counter(
        ("code", " ".join((e[1] or "").split())) if e[0] == "code" else e
        for e in elements(html)
        if e[0] in ("code", "a", "img")
    )


def test_a_pseudo_translated_page_is_its_source() -> None:
    for source in [*SOURCES, "Run x ` ls ` y now.\n", "` ls ` runs.\n", "Print x` a ``b`` `y.\n"]:
        document = read(source)
        assert document.render(lambda slot: Resolution(slot.msgid)) == source
        assert unmarked_pseudo(document) == source, source


def test_a_code_span_moved_after_a_space_is_written_with_two_backticks() -> None:
    document = read("Run x` ls `y now.\n")
    (unit,) = _units(document)
    assert translated(document, unit, "Starte <1/> jetzt.") == "Starte `` ls `` jetzt.\n"
    assert translated(document, unit, "<1/> starten.") == "`` ls `` starten.\n"
    assert translated(document, unit, "Starte x<1/>y jetzt.") == "Starte x` ls `y jetzt.\n"
    # (a run of two in its code: a run of three)
    document = read("Print x` a ``b`` `y.\n")
    (unit,) = _units(document)
    assert translated(document, unit, "Drucke <1/> jetzt.") == "Drucke ``` a ``b`` ``` jetzt.\n"


def test_a_code_span_the_source_writes_after_a_space_too_is_written_as_the_source() -> None:
    # (kramdown shows the source's as text: the translation's shows as the source's)
    document = read("Run x ` ls ` y now.\n")
    (unit,) = _units(document)
    assert translated(document, unit, "Starte <1/> jetzt.") == "Starte ` ls ` jetzt.\n"
    # (at a link's start in the source, and in the translation: as written)
    document = read("[` ls ` x](/u)\n")
    (unit,) = _units(document)
    assert translated(document, unit, "<1/> y") == "[` ls ` y](/u)\n"
    assert translated(document, unit, "y <1/>") == "[y `` ls ``](/u)\n"


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_code_span_moved_after_a_space_shows_its_code_in_every_renderer(
    renderer: str, tmp_path: Path
) -> None:
    written = [
        ("Run x` ls `y now.\n", "Starte <1/> jetzt."),
        ("Run x` ls `y now.\n", "<1/> starten."),
        ("Run (` ls `) or `pwd` now.\n", "Starte <2/> oder <1/> jetzt."),
        ("Hit x` ls `y  \nthen go.\n", "Dann<2/><1/> jetzt."),
        ("Use *` ls `* and [the docs](/d) today.\n", "Nimm <3>die Doku</3> und <1>jetzt <2/></1>."),
        ("- Run x` ls `y now.\n", "<1/> starten."),
        ("| a | b |\n|---|---|\n| Run x` ls `y | z |\n", "<1/> starten"),
        ("[` ls ` x](/u)\n", "y <1/>"),
    ]
    pages = []
    for source, text in written:
        document = read(source)
        (unit,) = _units(document)
        pages.append(translated(document, unit, text))
    html = rendered(renderer, pages, tmp_path / "site")
    for (source, _), page, out in zip(written, pages, html, strict=True):
        assert _code_and_links(out)[("code", "ls")] == 1, (page, out)
        assert "`" not in re.sub(r"<code>.*?</code>", "", out), (page, out)
        assert _code_and_links(out) == _code_and_links(rendering_parser().render(source)), (page, out)


@pytest.mark.parametrize("renderer", RENDERERS)
def test_no_translation_loses_the_code_in_any_renderer(renderer: str, tmp_path: Path) -> None:
    written = pages()
    # (what CommonMark shows of each source: each renderer shows the same of it)
    expected = {source: _code_and_links(rendering_parser().render(source)) for source in SOURCES}
    html = rendered(renderer, SOURCES + [page for _, _, page in written], tmp_path / "site")
    for source, out in zip(SOURCES, html, strict=False):
        assert _code_and_links(out) == expected[source], (source, out)
    failures = [
        (text, page, out)
        for (source, text, page), out in zip(written, html[len(SOURCES) :], strict=True)
        if _code_and_links(out) != expected[source]
    ]
    assert not failures, (len(failures), failures[:6])
    assert sum("`` ls ``" in page for _, _, page in written) > 20  # (some were moved after a space)
