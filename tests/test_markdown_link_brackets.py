"""Brackets a Markdown source writes as they are around a link (``[[[x](y)](y)](y)``: a link in
CommonMark holds none, so Hugo shows ``[[`` and ``](y)](y)`` as text; kramdown and Python-Markdown
link the outer brackets), in the real renderers: a pseudo-translated page wrote them ``&#91;`` and
``&#93;``, not the source's bytes. A translation writing them around the same link writes them as
the source does (each renderer links what it links in the source), with a title, an address a
translation's text would escape, or a bare URL (``](https://…)``) too; a translator's own brackets,
addresses, titles and ``!`` make no link or image, whatever order the placeholders come in."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from markdown_translations import cut_translations, random_pages, read, text_units
from test_markdown_alt_renderers import unmarked_pseudo
from test_markdown_reordered_ticks import RENDERERS, elements, rendered
from transpub.formats.document import Resolution
from transpub.formats.md_parser import reading_parser

#: Paragraphs writing brackets around a link as text (to CommonMark).
SOURCES = [
    "[[[x](y)](y)](y)\n",
    "See [[x](y)](y) here.\n",
    "A [[go](/a)](/b) and [c](/c) end.\n",
    "Read [[*the* docs](/d#a)](/e?x=1) now.\n",
    # (an address with a title, with characters escaped in a translation's text, a bare URL)
    'A [[go](/a)](/b "Tips") and [see [x](https://a.org/ "t")] end.\n',
    "Go [[x](/y)](/y~z_w&v) now.\n",
    'See [[x](y)](https://a.org/) or [[z](y)](https://b.org/ "t") here.\n',
    # (punctuation after a bare URL's group)
    "See [[x](y)](https://a.org/), or [[z](y)](https://b.org/); then.\n",
    # (an autolink as the address)
    'See [[x](y)](<https://a.org/>) or [[z](y)](<https://b.org/> "t") here.\n',
    # (addresses with percent escapes or a punycode host, which their links show decoded)
    'See [[x](y)](https://a.org/%41) or [[z](y)](<https://xn--fsq.org/%C3%A9> "t") here.\n',
]
#: What a translator writes between the placeholders: the sources' brackets, and their own.
WORDS = [
    "Siehe",
    "[[",
    "[",
    "](y)](y)",
    "](/b)",
    "](/e?x=1)",
    "]",
    "!",
    "\\",
    "(z)",
    "](javascript:alert(1))",
    '](/b "Tips")',
    "](/y~z_w&v)",
    "](",
    ")",
    ' "t")',
    "jetzt",
]
SEED = 20261205


def translations(msgid: str, rng: random.Random) -> list[str]:
    """Random translations of ``msgid``: its placeholders in a random order, random words glued
    between (the source's order and words too, as a pseudo-translation)."""
    return cut_translations(msgid, rng, WORDS, 12)


def pages() -> list[tuple[str, str, str]]:
    """Each source with translations of each of its units: (source, translation, page written)."""
    return random_pages(SOURCES, translations, SEED)


def test_brackets_around_a_link_come_back_as_written_untranslated_and_pseudo_translated() -> None:
    for source in SOURCES:
        document = read(source)
        assert document.render(lambda slot: Resolution(slot.msgid)) == source
        assert unmarked_pseudo(document) == source  # (they were written &#91;&#91;[x](y)&#93;(y)&#93;(y))


def test_a_translators_own_brackets_and_addresses_are_text() -> None:
    document = read("See [[x](y)](y) here.\n")
    unit = "See [<1>x</1>](y) here."
    for text, written in [
        ("Siehe [<1>x</1>](y) hier.", "Siehe [[x](y)](y) hier.\n"),
        (
            "Siehe [<1>x</1>](javascript:alert(1)) hier.",
            "Siehe &#91;[x](y)&#93;(javascript:alert(1)) hier.\n",
        ),
        ("Siehe ![<1>x</1>](y) hier.", "Siehe !&#91;[x](y)&#93;(y) hier.\n"),
        ("Siehe <1>x</1>](y) [hier.", "Siehe [x](y)&#93;(y) &#91;hier.\n"),
    ]:
        assert document.render(lambda slot, t=text: Resolution(t if slot.msgid == unit else None)) == written


def test_a_title_or_a_bare_url_address_is_kept_where_the_translation_writes_it_as_the_source_does() -> None:
    """Kept: a group with a title, an address a translation's text escapes (``~``), one that is a
    bare URL (a placeholder of its own); a translator's title, or text glued to the URL (which
    would end the address), writes the brackets as text."""
    document = read('See [[x](y)](https://a.org/ "t") or [[z](y)](/b~c "u") here.\n')
    unit = 'See [<1>x</1>](<2/> "t") or [<3>z</3>](/b~c "u") here.'
    for text, written in [
        (
            'Siehe [<1>x</1>](<2/> "t") oder [<3>z</3>](/b~c "u")hier.',
            'Siehe [[x](y)](https://a.org/ "t") oder [[z](y)](/b~c "u")hier.\n',
        ),
        (
            'Siehe [<1>x</1>](<2/> "T") oder [<3>z</3>](/b~c "U") hier.',
            'Siehe &#91;[x](y)&#93;(https://a.org/ "T") oder &#91;[z](y)&#93;(/b&#126;c "U") hier.\n',
        ),
        (
            'Siehe [<1>x</1>](<2/>x "t") oder <3>z</3> hier.',
            'Siehe &#91;[x](y)&#93;(https://a.org/<!-- -->x "t") oder [z](y) hier.\n',
        ),
    ]:
        assert document.render(lambda slot, t=text: Resolution(t if slot.msgid == unit else None)) == written


def _links(html: str) -> Counter[tuple[str | None, ...]]:
    return Counter(e for e in elements(html) if e[0] in ("a", "img"))


@pytest.mark.parametrize("renderer", RENDERERS)
def test_no_translation_links_more_than_its_source_and_the_pseudo_translation_links_the_same(
    renderer: str, tmp_path: Path
) -> None:
    written = pages()
    html = rendered(renderer, SOURCES + [page for _, _, page in written], tmp_path / "site")
    shown = {source: _links(out) for source, out in zip(SOURCES, html, strict=False)}
    # (the addresses the source links in this renderer or in CommonMark as the reader reads it, GFM's
    # bare URLs, a link of the source's: https://a.org/ of "](https://a.org/), or", Goldmark's https://a.org/))
    ours = {
        source: {e[1] for e in shown[source] + _links(reading_parser().render(source))} for source in SOURCES
    }
    failures = []
    for (source, text, page), out in zip(written, html[len(SOURCES) :], strict=True):
        found = _links(out)
        if text.startswith("⟦") and found != shown[source]:
            failures.append((text, page, out))  # (the source's brackets: the source's links)
        elif any(e[0] == "img" or e[1] not in ours[source] for e in found):
            failures.append((text, page, out))  # (a link or an image of the translator's)
    assert not failures, (len(failures), failures[:4])


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_translators_backslash_and_bang_before_a_link_make_no_image(renderer: str, tmp_path: Path) -> None:
    # (its ! was taken for escaped: Siehe \\![x](y) showed an image of the link's address)
    document = read("See [x](y) here.\n")
    table = {"See <1>x</1> here.": "Siehe \\!<1>x</1> hier."}
    page = document.render(lambda slot: Resolution(table.get(slot.msgid)))
    assert page == "Siehe \\\\\\![x](y) hier.\n"
    found = _links(rendered(renderer, [page], tmp_path / "site")[0])
    assert found == Counter({("a", "y", None): 1}), page


#: Translations of ``See [<1>x</1>](<2/>) here.`` gluing text or markup after the group's ``)``.
GLUED = [
    "[<1>x</1>](<2/>)了解",
    "Siehe [<1>x</1>](<2/>)x jetzt.",
    "Siehe [<1>x</1>](<2/>).x",
    "Siehe [<1>x</1>](<2/>)-x",
    "Siehe [<1>x</1>](<2/>)(z)",
    "Siehe [<1>x</1>](<2/>)`c`",
]


def test_text_glued_after_a_bare_url_address_keeps_the_brackets_and_is_written_apart_from_them() -> None:
    """It was ``&#91;[x](y)&#93;(https://a.org/<!-- -->)了解``: text to kramdown and Python-Markdown,
    where the source is a link around the whole."""
    document = read("See [[x](y)](https://a.org/) here.\n")
    for generator in (None, "hugo", "jekyll", "mkdocs"):
        page = document.render(lambda slot: Resolution(GLUED[0]), heading_ids=generator)
        assert page == "[[x](y)](https://a.org/)<!-- -->了解\n", generator


@pytest.mark.parametrize("renderer", RENDERERS)
def test_text_glued_after_a_bare_url_address_shows_the_links_its_source_shows(
    renderer: str, tmp_path: Path
) -> None:
    """Hugo: the inner link and the URL linked (to the same address, not ``https://a.org/)x``);
    kramdown and Python-Markdown: a link to the URL around the whole."""
    source = "See [[x](y)](https://a.org/) here.\n"
    document = read(source)
    generator = {"hugo": "hugo", "kramdown": "jekyll", "python-markdown": "mkdocs"}[renderer]
    pages = [
        document.render(lambda slot, t=text: Resolution(t), heading_ids=heading_ids)
        for text in GLUED
        for heading_ids in (None, generator)
    ]
    html = rendered(renderer, [source, *pages], tmp_path / "site")
    links = Counter(e for e in _links(html[0]) if e[0] == "a")
    failures = [(page, out) for page, out in zip(pages, html[1:], strict=True) if _links(out) != links]
    assert not failures, failures


@pytest.mark.parametrize("renderer", RENDERERS)
def test_text_glued_after_a_bare_url_address_where_the_source_writes_punctuation_shows_its_links(
    renderer: str, tmp_path: Path
) -> None:
    """It was ``&#91;[x](y)&#93;(https://a.org/<!-- -->)了解`` (text to kramdown and Python-Markdown)
    where the source writes ``).`` or ``),``: the links are those of the source with a space after
    the group (Hugo links ``https://a.org/)`` in ``(https://a.org/).``, with its parenthesis)."""
    spaced = read("See [[x](y)](https://a.org/) here.\n").render(lambda slot: Resolution(None))
    pages = []
    for source in ("See [[x](y)](https://a.org/). Then more.\n", "See [[x](y)](https://a.org/), here.\n"):
        document = read(source)
        unit = text_units(document)[0].msgid
        for text in ("[<1>x</1>](<2/>)了解", "Siehe [<1>x</1>](<2/>).x"):
            page = document.render(lambda slot, t=text, u=unit: Resolution(t if slot.msgid == u else None))
            assert "[[x](y)](https://a.org/)<!-- -->" in page, page
            pages.append(page)
    html = rendered(renderer, [spaced, *pages], tmp_path / "site")
    links = Counter(e for e in _links(html[0]) if e[0] == "a")
    failures = [(page, out) for page, out in zip(pages, html[1:], strict=True) if _links(out) != links]
    assert not failures, failures


@pytest.mark.parametrize("renderer", RENDERERS)
def test_an_autolink_address_around_a_link_keeps_the_brackets_and_shows_the_sources_links(
    renderer: str, tmp_path: Path
) -> None:
    """It was ``&#91;[x](y)&#93;(<https://a.org/>)``, pseudo-translated too: kramdown and
    Python-Markdown lost the link around the whole."""
    source = "See [[x](y)](<https://a.org/>) here.\n"
    document = read(source)
    pages = [
        document.render(lambda slot, t=text: Resolution(t))
        for text in ("Siehe [<1>x</1>](<2/>) hier.", "[<1>x</1>](<2/>)了解")
    ]
    assert pages == [
        "Siehe [[x](y)](<https://a.org/>) hier.\n",
        "[[x](y)](<https://a.org/>)<!-- -->了解\n",
    ]
    html = rendered(renderer, [source, *pages], tmp_path / "site")
    links = Counter(e for e in _links(html[0]) if e[0] == "a")
    for page, out in zip(pages, html[1:], strict=True):
        assert _links(out) == links, (page, out)


#: A paragraph whose markup holds a backtick a reordering may pair (a title's), and a bare URL
#: address around a link.
TICKED = 'See [[x](y)](https://a.org/) here, `c` and [t](/u "a`b").\n'


@pytest.mark.parametrize("renderer", RENDERERS)
def test_text_glued_after_a_bare_url_address_is_written_apart_also_beside_markup_with_backticks(
    renderer: str, tmp_path: Path
) -> None:
    """The backticks' writing of reordered markup replaced the address's: it was
    ``[[x](y)](https://a.org/<!-- -->)<!-- -->了解``, the address cut, in either order."""
    document = read(TICKED)
    msgid = "See [<1>x</1>](<2/>) here, <3/> and <4>t</4>."
    pages = [
        document.render(lambda slot, t=text: Resolution(t if slot.msgid == msgid else None))
        for text in (
            "Siehe [<1>x</1>](<2/>)了解, <3/> und <4>t</4>.",
            "Siehe [<1>x</1>](<2/>)了解, <4>t</4> und <3/>.",
        )
    ]
    assert pages[0] == 'Siehe [[x](y)](https://a.org/)<!-- -->了解, `c` und [t](/u "a`b").\n'
    assert pages[1] == 'Siehe [[x](y)](https://a.org/)<!-- -->了解, [t](/u "a&#96;b") und `c`.\n'
    html = rendered(renderer, [TICKED, *pages], tmp_path / "site")
    shown = elements(html[0])
    for page, out in zip(pages, html[1:], strict=True):
        assert elements(out) == shown, (page, out)
