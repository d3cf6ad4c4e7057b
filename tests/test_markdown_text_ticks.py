"""A backtick the source writes as it is in its text, in a block with code spans (``It`s a `code`
thing.``, ```code` and it`s.``), in the real renderers (Hugo's Goldmark, kramdown as Jekyll runs
it, Python-Markdown as MkDocs does): a pseudo-translated page wrote it ``\\```, not the source's
bytes. A translation keeping its word writes it as it is where no renderer pairs it with another
run of backticks (Goldmark one of its length, kramdown one of its length or longer, Python-Markdown
one of its length or shorter) and the code spans pair as without it; a translator's own backticks
are ``&#96;``; nothing a translator writes becomes code, whatever order the placeholders come in."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import lxml.html
import pytest

from markdown_translations import cut_translations, random_pages, read, text_units
from test_markdown_alt_renderers import unmarked_pseudo
from test_markdown_reordered_ticks import RENDERERS, elements, rendered
from transpub.formats.document import Resolution
from transpub.formats.md_parser import rendering_parser

#: Paragraphs with code spans and a backtick in their text that opens none (in CommonMark).
SOURCES = [
    "It`s a `code` thing.\n",
    "`code` and it`s.\n",
    "Say `a` and [a `b` link](/u), it`s ok.\n",
    "A `` x ` y `` and z` ok.\n",
    "Use `c` and *don`t* go.\n",
    "It`s `c` and a ``d`` there.\n",
    "Don`t use `x` or ``y`` here.\n",
    # (in a table cell: where its row's backticks are all the cell's, none in another cell pairs it)
    "| h | i |\n|---|---|\n| It`s a `code` thing | x |\n",
    "| h |\n|---|\n| Don`t go |\n",
    "> | h | i |\n> |---|---|\n> | a | `code` and it`s |\n",
    # (a backtick the source writes as a reference, after the word or alone: it was \`)
    "Use `c`, it`s &#96; here.\n",
    "&#96; `code` and don`t &#96;.\n",
    "`code` and it&#96;s.\n",
]
#: The words a translator writes between the placeholders: the sources' words with backticks, and
#: backticks of their own.
WORDS = ["Tippe", "`", "``", "it`s.", "code`", "x`", "z`", "don`t", "c`", "jetzt", "`x`", "dann"]
SEED = 20261205


def translations(msgid: str, rng: random.Random) -> list[str]:
    """Random translations of ``msgid``: its placeholders in a random order, random words between."""
    return cut_translations(msgid, rng, WORDS, 10, spaced=True)


def pages() -> list[tuple[str, str, str]]:
    """Each source with translations of its unit: (source, translation, page written)."""
    return random_pages(SOURCES, translations, SEED, lambda document: text_units(document, "`"))


def test_a_backtick_of_the_text_beside_code_spans_comes_back_as_written_pseudo_translated() -> None:
    for source in SOURCES:
        document = read(source)
        assert document.render(lambda slot: Resolution(slot.msgid)) == source
    # (each was written \`, in a table cell &#96;; where a renderer pairs the source's own, see the
    # next test, it still is)
    for source in SOURCES[:5] + SOURCES[7:]:
        assert unmarked_pseudo(read(source)) == source, source


def test_a_backtick_a_renderer_would_pair_is_a_reference() -> None:
    # kramdown pairs c`'s backtick with the first of ``d`` (the source's page shows a code span
    # there in Jekyll): kept, the translation's words between would be code
    document = read("It`s `c` and a ``d`` there.\n")
    assert (
        document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")) == "⟦It`s `c&#96; and a ``d`` there.⟧\n"
    )
    # Python-Markdown pairs `` with the next ` (a code span from `` to `)
    document = read("a `` b ` c\n")
    assert document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")) == "⟦a &#96;&#96; b &#96; c⟧\n"
    # kramdown and Python-Markdown pair a table cell's backtick with another cell's of its row
    # (It<code>s | a</code>b): each cell's is a reference; alone in its row, as written
    document = read("| h | i |\n|---|---|\n| It`s | a`b |\n| Don`t | c |\n")
    assert document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")) == (
        "| ⟦h⟧ | ⟦i⟧ |\n|---|---|\n| ⟦It&#96;s⟧ | ⟦a&#96;b⟧ |\n| ⟦Don`t⟧ | ⟦c⟧ |\n"
    )


def test_a_translation_keeping_the_word_writes_it_as_it_is_and_its_own_as_references() -> None:
    document = read("`code` and it`s.\n")
    table = {"<1/> and it`s.": "<1/> und it`s. `x` ``"}
    assert (
        document.render(lambda slot: Resolution(table.get(slot.msgid)))
        == "`code` und it`s. &#96;x&#96; &#96;&#96;\n"
    )
    table = {"<1/> and it`s.": "it`s. <1/> und"}  # (before the code span: it would open one)
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))) == "it&#96;s. `code` und\n"


def _code_and_links(html: str) -> Counter[tuple[str | None, ...]]:
    """The code spans (their text, its spaces aside: Python-Markdown strips them) and links of ``html``."""
    return Counter(
        ("code", " ".join((e[1] or "").split())) if e[0] == "code" else e
        for e in elements(html)
        if e[0] in ("code", "a")
    )


@pytest.mark.parametrize("renderer", RENDERERS)
def test_no_translation_makes_code_of_its_words_and_the_code_spans_stay(
    renderer: str, tmp_path: Path
) -> None:
    written = pages()
    # (what CommonMark shows of each source: its code spans and links)
    expected = {source: _code_and_links(rendering_parser().render(source)) for source in SOURCES}
    html = rendered(renderer, [page for _, _, page in written], tmp_path / "site")
    failures = [
        (text, page, out)
        for (source, text, page), out in zip(written, html, strict=True)
        if _code_and_links(out) != expected[source]
    ]
    assert not failures, (len(failures), failures[:6])
    assert any("`" in page.replace("``", "") for _, _, page in written)  # (some were kept)
    tree = lxml.html.fragment_fromstring(html[0] or "<p></p>", create_parent="div")
    assert tree.xpath("//code")
