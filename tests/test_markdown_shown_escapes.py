"""A backslash a Markdown source writes before ``"``, ``'``, ``$``, ``%``, ``,``, ``/``, ``;``, ``<`` or
``&``, which Python-Markdown (MkDocs without escapeall) or kramdown (Jekyll) shows, is written in the
translation where it keeps the character: the translated page shows what the source page shows, in
MkDocs, Jekyll and Hugo (which shows the character either way); and what a translation writes of its
own stays text."""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import markdown
import pytest

from real_renderers import (
    HUGO,
    JEKYLL,
    KRAMDOWN_GFM,
    MKDOCS,
    each_present,
    hugo_pages,
    jekyll_page,
    kramdown_gfm_each,
    mkdocs_page,
)
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.md_reader import read_markdown

#: MkDocs' own Markdown extensions (what a site that lists none renders with).
MKDOCS_EXTENSIONS = ["toc", "tables", "fenced_code"]

RENDERERS = each_present(
    {
        "mkdocs": (True, ""),
        "jekyll": (KRAMDOWN_GFM, "kramdown with its GFM parser (Jekyll's) is not installed"),
        "hugo": (HUGO is not None, "hugo is not installed"),
    }
)

SOURCE = (
    '# Say \\"hello\\" to the ferry \\<3\n\n'
    "Tickets cost \\$5 (50\\% off on Sundays) and\\/or a pass\\; ask at the\n"
    "desk\\, it\\'s open.\n\n"
    "Tom \\& Jerry sail the Q\\&A route & the R&D one.\n\n"
    '- The \\"Blue\\" line runs when 5 \\< 6 and\\/or x \\< y.\n'
)
#: Each unit of :data:`SOURCE` translated word for word: its punctuation kept, its words other words.
SPANISH = {
    'Say "hello" to the ferry <3': 'Di "hola" al ferry <3',
    "Tickets cost $5 (50% off on Sundays) and/or a pass; ask at the desk, it's open.": (
        "Billetes a $5 (50% menos los domingos) y/o un abono; pregunta en la caja, l'oficina abre."
    ),
    "Tom & Jerry sail the Q&A route & the R&D one.": "Tom & Jerry surcan la Q&A ruta & la R&D uno.",
    'The "Blue" line runs when 5 < 6 and/or x < y.': 'La línea "Azul" va cuando 5 < 6 y/o x < y.',
}
#: The words :data:`SPANISH` puts in place of the source's, in what a page shows.
WORDS = {
    "Say": "Di",
    "hello": "hola",
    "to the": "al",
    "Tickets cost": "Billetes a",
    "off on Sundays": "menos los domingos",
    "and": "y",
    "or": "o",
    "a pass": "un abono",
    "ask at the desk": "pregunta en la caja",
    "it": "l",
    "s open": "oficina abre",
    "sail": "surcan",
    "the": "la",
    "route": "ruta",
    "one": "uno",
    "The": "La línea",
    "Blue": "Azul",
    "line runs when": "va cuando",
}


def read(text: str) -> Document:
    return read_markdown(text, Path("a.md"), "utf-8", ReadOptions())


def translate(document: Document, table: dict[str, str]) -> str:
    return document.render(lambda slot: Resolution(table.get(slot.msgid)))


def shown(page: str) -> str:
    """The text ``page`` (HTML) shows, its spaces collapsed."""
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    return " ".join(tree.text_content().split())


def with_words(text: str) -> str:
    """``text`` (what the source's page shows) with :data:`WORDS` in place of the source's words."""
    pattern = re.compile(r"\b(?:" + "|".join(sorted(WORDS, key=len, reverse=True)) + r")\b")
    return " ".join(pattern.sub(lambda match: WORDS[match.group()], text).split())


def rendered(name: str, texts: list[str], tmp_path: Path) -> list[str]:
    """Each of ``texts`` as MkDocs (Python-Markdown), Jekyll (kramdown) or Hugo renders it (``name``)."""
    if name == "mkdocs":
        return [markdown.markdown(text, extensions=MKDOCS_EXTENSIONS) for text in texts]
    if name == "jekyll":
        return kramdown_gfm_each(texts)
    return hugo_pages(texts, tmp_path / "site")


def test_the_pseudo_translation_writes_the_backslashes_the_source_writes() -> None:
    document = read(SOURCE)
    assert [unit.msgid for unit in document.units()] == list(SPANISH)
    pseudo = translate(document, {msgid: f"⟦{msgid}⟧" for msgid in SPANISH})
    assert pseudo.replace("⟦", "").replace("⟧", "") == SOURCE.replace("the\ndesk", "the desk")


@pytest.mark.parametrize("name", RENDERERS)
def test_a_translation_keeping_the_punctuation_shows_it_as_the_source_page_does(
    name: str, tmp_path: Path
) -> None:
    written = translate(read(SOURCE), SPANISH)
    source_page, translated_page = rendered(name, [SOURCE, written], tmp_path)
    assert shown(translated_page) == with_words(shown(source_page)), written
    if name == "mkdocs":  # (what the page shows with its backslashes: the source's)
        assert 'Di \\"hola\\" al ferry \\<3' in shown(translated_page)
        assert "Tom \\& Jerry surcan la Q\\&A ruta & la R&D uno." in shown(translated_page)
    if name == "hugo":  # (its typographer curls a quote the source does not escape)
        assert 'Di "hola" al ferry <3' in shown(translated_page)
    if name == "hugo":  # (its typographer curls a quote the source does not escape)
        assert 'Di "hola" al ferry <3' in shown(translated_page)
    if name == "jekyll":
        assert "50\\% menos los domingos) y\\/o un abono\\; pregunta en la caja\\, l'oficina" in (
            shown(translated_page)
        )


@pytest.mark.skipif(MKDOCS is None or JEKYLL is None, reason="mkdocs or jekyll is not installed")
def test_an_mkdocs_and_a_jekyll_site_show_the_translation_as_they_show_the_source(tmp_path: Path) -> None:
    written = translate(read(SOURCE), SPANISH)
    for build, content in (
        (lambda text, site: mkdocs_page(text, site, ""), "//div[@role='main']"),  # (its theme's)
        (jekyll_page, "/*"),  # (no layout: the page is its content)
    ):
        pages = [
            lxml.html.fromstring(build(text, tmp_path / name))
            for name, text in (("en", SOURCE), ("es", written))
        ]
        source_text, translated_text = (" ".join(page.xpath(f"string({content})").split()) for page in pages)
        assert "Tom \\& Jerry surcan la Q\\&A ruta & la R&D" in translated_text  # (both show \\&)
        assert translated_text == with_words(source_text)


#: Translations of the escaping source that write a backslash, markup and references of their own.
HOSTILE = [
    'Di \\"hola\\" <script>alert(1)</script> \\<img src=x onerror=alert(2)>',
    '"><svg onload=alert(3)> <b onclick="x()">b</b> < i> <?php x() ?> \\\\<u>u</u>',
    "<https://evil.example> <ann@evil.example> <3@x> [x](javascript:alert(4)) &lt;b&gt; &amp; &#60;i>",
    "$x$ and $$y$$ 50%; {{< x >}} {% include x %} //evil.example https://evil.example/a;b",
]


@pytest.mark.parametrize("name", RENDERERS)
def test_a_translation_writing_backslashes_and_tags_of_its_own_stays_text(name: str, tmp_path: Path) -> None:
    document = read('Say \\"hello\\", 5 \\< 6 \\& 50\\% and\\/or \\$5\\; it\\\'s\\, ok.\n')
    (msgid,) = [unit.msgid for unit in document.units()]
    writtens = [translate(document, {msgid: evil}) for evil in HOSTILE]
    for evil, written, page in zip(HOSTILE, writtens, rendered(name, writtens, tmp_path), strict=True):
        tree = lxml.html.fragment_fromstring(page, create_parent="div")
        assert [element.tag for element in tree.iter() if isinstance(element.tag, str)] == ["div", "p"], (
            written
        )
        text = shown(page)
        if name == "hugo":  # (Goldmark shows no backslash of an escape: the translation as written)
            assert text == " ".join(evil.split()), written
        else:  # (the source's backslashes shown, the translation's characters all there)
            assert text.replace("\\", "") == " ".join(evil.split()).replace("\\", ""), written
