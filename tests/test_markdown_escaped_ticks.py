"""A paragraph whose source escapes a backtick itself (``Type \\` then …``) and whose markup holds one
(an image's alt text, a link's title, an HTML attribute), in the real renderers (Hugo's Goldmark,
kramdown as Jekyll runs it, Python-Markdown as MkDocs does): an escaped backtick still closes a code
span a backtick before it opens (a backslash does not escape in a code span), so a translator's
backtick written ``\\``` after the image (``Tippe ![a`b](x.png) dann \\` jetzt.``) made a code span of
the image's end and the words after it, and the image was lost. A translator's backtick is ``&#96;``;
the source's ``\\``` stays where the translation keeps its word with no such markup moved before it,
and a pseudo-translation is its source."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from markdown_translations import cut_translations, random_pages, text_units
from test_markdown_reordered_ticks import RENDERERS, unlike_their_sources
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.formats.md_reader import read_markdown

#: Paragraphs escaping a backtick in their text, beside markup holding one (and code spans), that
#: each renderer shows as written (no markup in a code span, every image and link shown).
SEED = 20240501
SOURCES = [
    "Type \\` then ![a`b](x.png) now.\n",
    "Type \\` or \\`\\` then ![a`b](x.png) now.\n",
    'Press \\` and [t](/u "a`b") now.\n',
    "Use \\` and *em \\`x* and ![p`q](i.png) here.\n",
    'Say \\`x\\` to <abbr title="a`b">HTML</abbr> now.\n',
    "Write \\` here. Then ![a`b](x.png) there.\n",
    "| a \\` | ![a`b](x.png) |\n|---|---|\n| c | d |\n",
    "A \\` b `c` and ![a`b](x.png) now.\n",
    'Read `c` then [a \\` b](/u "t`u") and more.\n',
    "One \\`. Two `c`. Three ![a`b](x.png).\n",
    'Two \\` and \\` or `c` and [x](/u "a`b") now.\n',
]
#: What a hostile translator writes between the placeholders.
WORDS = ["Tippe", "`", "\\`", "``", "&#96;", "dann", "it`s", "\\`\\`", "jetzt", "`x`"]


def _units(document: Document) -> list[TextSlot]:
    """Its units with a backtick or a placeholder."""
    return [unit for unit in text_units(document) if "`" in unit.msgid or "<" in unit.msgid]


def translations(msgid: str, rng: random.Random) -> list[str]:
    """Random translations of ``msgid``: its placeholders in a random order, hostile words between."""
    return cut_translations(msgid, rng, WORDS, 12, spaced=True, pseudo=False)


def pages() -> list[tuple[str, str, str]]:
    """Each source with random translations of each of its units: (source, translation, page)."""
    return random_pages(SOURCES, translations, SEED, _units)


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_translators_backtick_beside_an_escaped_one_makes_no_code_span_and_loses_no_image(
    renderer: str, tmp_path: Path
) -> None:
    written = pages()
    failures = unlike_their_sources(
        renderer,
        SOURCES,
        written,
        tmp_path / "site",
        lambda found: (
            not any(e[0] == "code" and e[1] != "c" for e in found)
            and any(e[0] in ("img", "a", "abbr") for e in found)
        ),
    )
    assert not failures, failures[:3]


def test_a_translators_backtick_after_the_image_is_a_reference() -> None:
    document = read_markdown("Type \\` then ![a`b](x.png) now.\n", Path("a.md"), "utf-8", ReadOptions())
    table = {"Type ` then <1/> now.": "Tippe <1/> dann ` jetzt."}
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))) == (
        "Tippe ![a`b](x.png) dann &#96; jetzt.\n"
    )
    table = {"Type ` then <1/> now.": "Tippe ` dann <1/> und `` jetzt."}
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))) == (
        "Tippe \\` dann ![a`b](x.png) und &#96;&#96; jetzt.\n"
    )


def test_the_source_and_a_pseudo_translation_are_written_as_the_source() -> None:
    for source in SOURCES:
        document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
        assert document.render(lambda slot: Resolution(slot.msgid)) == source
        pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
        assert pseudo.replace("⟦", "").replace("⟧", "") == source


#: Paragraphs escaping a backtick and writing one as it is after it, in a word (no markup holds one):
#: each renderer shows both as text (an escaped backtick opens no code span). A pseudo-translation
#: wrote the word's ``\```; a translation keeping the word after the escaped ones writes it as it is
#: (an escaped one after it, or any other backtick, would close a code span it opened).
BARE_SOURCES = [
    "Press \\` or it`s now.\n",
    "Type \\`x, \\` or don`t go.\n",
    "| a \\` b it`s | c |\n|---|---|\n| d | e |\n",
    "A \\`\\` b and *it`s* now.\n",
    # (a backtick the source writes as a reference after the word: it kept the word from being kept)
    "Press \\` or it`s &#96; now.\n",
    "Type \\`x and don`t &#96; go.\n",
]


def test_a_backtick_after_the_escaped_ones_comes_back_as_written_pseudo_translated() -> None:
    for source in BARE_SOURCES:
        document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
        pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
        assert pseudo.replace("⟦", "").replace("⟧", "") == source  # (was it\\`s)
    document = read_markdown(BARE_SOURCES[0], Path("a.md"), "utf-8", ReadOptions())
    for text, written in [
        ("Drücke ` oder it`s jetzt.", "Drücke \\` oder it`s jetzt.\n"),
        # (as it is before an escaped one, which would close a code span it opened: that one &#96;)
        ("it`s oder ` jetzt.", "it`s oder &#96; jetzt.\n"),
        ("Drücke ` oder it`s `x`.", "Drücke \\` oder it`s &#96;x&#96;.\n"),
    ]:
        assert document.render(lambda slot, t=text: Resolution(t)) == written


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_backtick_after_escaped_ones_kept_makes_no_code_span(renderer: str, tmp_path: Path) -> None:
    written = random_pages(BARE_SOURCES, translations, SEED, _units)
    failures = unlike_their_sources(
        renderer,
        BARE_SOURCES,
        written,
        tmp_path / "site",
        lambda found: not any(e[0] == "code" for e in found),
    )
    assert not failures, failures[:3]
    assert any("it`s" in page or "don`t" in page for _, _, page in written)  # (some were kept)
