"""A code span of one backtick whose code starts with a space (``Run x` ls `y now.``, as CommonMark
allows), in the real renderers (Hugo's Goldmark, kramdown as Jekyll runs it, Python-Markdown as
MkDocs does): kramdown reads a single backtick with whitespace (or the start of a block's text)
before it and whitespace after it as text, so a translation that wrote the source's code span after
a space (``Starte ` ls ` jetzt.``) showed the backticks and ``ls`` as text in Jekyll. It is written
with a longer run there (``Starte `` ls `` jetzt.``): every renderer shows the code, whatever order
and spacing a translation gives it; where it stands as in the source, it is written as the source's,
and a pseudo-translated page is its source."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from test_markdown_alt_renderers import unmarked_pseudo
from test_markdown_reordered_ticks import RENDERERS, elements, rendered
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.formats.md_parser import rendering_parser
from transpub.formats.md_reader import read_markdown

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


def _read(source: str) -> Document:
    return read_markdown(source, Path("a.md"), "utf-8", ReadOptions())


def _units(document: Document) -> list[TextSlot]:
    return [slot for slot in document.slots() if isinstance(slot, TextSlot) and "<" in slot.msgid]


def _translated(document: Document, unit: TextSlot, text: str) -> str:
    return document.render(lambda slot: Resolution(text if slot is unit else None))


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
        document = _read(source)
        assert document.render(lambda slot: Resolution(slot.msgid)) == source
        assert unmarked_pseudo(document) == source, source


def test_a_code_span_moved_after_a_space_is_written_with_two_backticks() -> None:
    document = _read("Run x` ls `y now.\n")
    (unit,) = _units(document)
    assert _translated(document, unit, "Starte <1/> jetzt.") == "Starte `` ls `` jetzt.\n"
    assert _translated(document, unit, "<1/> starten.") == "`` ls `` starten.\n"
    assert _translated(document, unit, "Starte x<1/>y jetzt.") == "Starte x` ls `y jetzt.\n"
    # (a run of two in its code: a run of three)
    document = _read("Print x` a ``b`` `y.\n")
    (unit,) = _units(document)
    assert _translated(document, unit, "Drucke <1/> jetzt.") == "Drucke ``` a ``b`` ``` jetzt.\n"


def test_a_code_span_the_source_writes_after_a_space_too_is_written_as_the_source() -> None:
    # (kramdown shows the source's as text: the translation's shows as the source's)
    document = _read("Run x ` ls ` y now.\n")
    (unit,) = _units(document)
    assert _translated(document, unit, "Starte <1/> jetzt.") == "Starte ` ls ` jetzt.\n"
    # (at a link's start in the source, and in the translation: as written)
    document = _read("[` ls ` x](/u)\n")
    (unit,) = _units(document)
    assert _translated(document, unit, "<1/> y") == "[` ls ` y](/u)\n"
    assert _translated(document, unit, "y <1/>") == "[y `` ls ``](/u)\n"


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
        document = _read(source)
        (unit,) = _units(document)
        pages.append(_translated(document, unit, text))
    html = rendered(renderer, pages, tmp_path / "site")
    for (source, _), page, out in zip(written, pages, html, strict=True):
        assert _code_and_links(out)[("code", "ls")] == 1, (page, out)
        assert "`" not in re.sub(r"<code>.*?</code>", "", out), (page, out)
        assert _code_and_links(out) == _code_and_links(rendering_parser().render(source)), (page, out)
