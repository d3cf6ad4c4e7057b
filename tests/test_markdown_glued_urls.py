"""A bare URL (``https://…``, ``www.…``, an e-mail address) that a translation glues to text or to
other markup (``X <3/><2/><1/>`` of ``Run `a` or https://x.org/ or `b`.``, ``访问<1/>了解``), in the
real renderers: Hugo's Goldmark links the source's, kramdown (Jekyll) never, Python-Markdown only
with magiclink (MkDocs). Written ``<https://…>`` (a link to every renderer), it was a link in kramdown
and Python-Markdown where their source page shows text, wherever ``[compile] heading_ids`` names no
generator (or MkDocs). Written apart from what is glued to it with an empty HTML comment (which shows
nothing), each renderer shows it as it shows the source's: a link where it links the source's, text
where it does not; and a pseudo-translated page is its source."""

from __future__ import annotations

import random
import re
from collections import Counter
from pathlib import Path

import lxml.html
import markdown
import pytest

from markdown_translations import random_pages, read, text_units
from real_renderers import (
    HUGO,
    JEKYLL,
    KRAMDOWN_GFM,
    MKDOCS,
    MKDOCS_PYMDOWNX,
    each_present,
    hugo_pages,
    jekyll_page,
    kramdown_gfm_each,
    mkdocs_page,
)
from test_markdown_alt_renderers import unmarked_pseudo
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.inline import placeholder_problem

#: Sources with a bare URL, an address or a ``www.`` host beside code spans, emphasis, a link, a
#: parentheses, in a list, a table and a heading.
SOURCES = [
    "Run `a` or https://x.org/ or `b`.\n",
    "Visit https://example.org/guide for details.\n",
    "Write to ann@example.com or see www.example.com/a today.\n",
    "See *https://x.org/a* or `c` now.\n",
    "Read [the guide](/g) at https://x.org/g then.\n",
    "See (https://x.org/q) here.\n",
    "See https://a.example/x- or `c` now.\n",
    "- Run `a` or https://x.org/ now\n",
    "| h | i |\n|---|---|\n| `a` or https://x.org/ | c |\n",
    "# Run `a` or https://x.org/\n",
    "See ~https://x.org/t or `c` now.\n",
    "Mail *ann@example.com or _www.example.com/u and `c`.\n",
]
#: What a translator glues to the placeholders: text Goldmark links no URL after, or would make part
#: of one, and punctuation, some of which a translation writes escaped (``~`` as ``&#126;``, ``*``
#: as ``\*``: no URL starts after either, and an address takes in ``&#126;``).
WORDS = ["访问", "了解", "说", "(", ")", "-", "x", "。", "~", "~~", "*", ":"]
PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>.*?</\2>")
SEED = 20261206

RENDERERS = each_present(
    {
        "hugo": (HUGO is not None, "hugo is not installed (make test installs the Debian package hugo)"),
        "kramdown": (KRAMDOWN_GFM, "ruby with kramdown and kramdown-parser-gfm is not installed"),
        "python-markdown": (True, ""),
        "magiclink": (True, ""),
    }
)
#: The ``[compile] heading_ids`` a site each renderer builds may name (None: none named).
GENERATORS = {"hugo": "hugo", "kramdown": "jekyll", "python-markdown": "mkdocs", "magiclink": "mkdocs"}


def rendered(renderer: str, pages: list[str], site: Path) -> list[str]:
    """The HTML ``renderer`` makes of each of ``pages`` (magiclink: Python-Markdown with
    pymdownx.magiclink, as MkDocs-Material's documentation sets it up)."""
    if renderer == "hugo":
        return hugo_pages(pages, site)
    if renderer == "kramdown":
        return kramdown_gfm_each(pages)
    extensions = ["attr_list", "md_in_html", "tables"] + (
        ["pymdownx.magiclink"] if renderer == "magiclink" else []
    )
    return [markdown.markdown(page, extensions=extensions) for page in pages]


def shown(page: str) -> Counter[tuple[str | None, ...]]:
    """The links (their address: magiclink hides an e-mail address's in entities, which lxml reads
    back) and the code of an HTML rendering."""
    tree = lxml.html.fragment_fromstring(page or "<p></p>", create_parent="div")
    return Counter(
        [("a", e.get("href")) for e in tree.iter("a")]
        + [("code", e.text_content()) for e in tree.iter("code")]
    )


def _unit(document: Document) -> TextSlot:
    (unit,) = text_units(document, "<")
    return unit


def written(source: str, text: str, generator: str | None = None) -> str:
    """``source`` with its one unit that has placeholders translated as ``text``, for ``generator``."""
    document = read(source)
    unit = _unit(document)
    return document.render(lambda slot: Resolution(text if slot is unit else None), heading_ids=generator)


def translations(msgid: str, rng: random.Random, count: int = 8) -> list[str]:
    """Random translations of ``msgid``: its placeholders in a random order, each glued to the one
    before it or to a word, or after a space."""
    placeholders = [match.group() for match in PLACEHOLDER.finditer(msgid)]
    found = [f"⟦{msgid}⟧"]
    while len(found) <= count:
        text = rng.choice(["", "X ", *WORDS])
        for placeholder in rng.sample(placeholders, len(placeholders)):
            text += rng.choice(["", "", " ", *WORDS]) + placeholder
        text += rng.choice(["", " ", *WORDS])
        if text.strip() and placeholder_problem(msgid, text) is None:
            found.append(text)
    return found


def test_a_bare_url_glued_between_code_spans_is_written_apart_from_the_code_after_it() -> None:
    source = "Run `a` or https://x.org/ or `b`.\n"
    # (no generator named: Hugo links it after the code span before it, and would take the backticks
    # after it into its address; kramdown and Python-Markdown show it as text)
    assert written(source, "X <3/><2/><1/>") == "X `b`https://x.org/<!-- -->`a`\n"
    assert written(source, "X <3/><2/><1/>", "mkdocs") == "X `b`https://x.org/<!-- -->`a`\n"
    assert written(source, "X <3/><2/><1/>", "hugo") == "X `b`<https://x.org/>`a`\n"
    assert written(source, "X <3/><2/><1/>", "jekyll") == "X `b`https://x.org/`a`\n"
    # (text glued to it on both sides; emphasis it closes, as written)
    assert written(source, "访问<2/>了解<1/><3/>") == "访问<!-- -->https://x.org/<!-- -->了解`a`<!-- -->`b`\n"
    assert written("See *https://x.org/a* or `c` now.\n", "看<1><2/></1>了<3/>") == (
        "看*https://x.org/a*了`c`\n"
    )


def test_a_url_kramdown_would_join_to_a_dash_is_written_apart_from_it_for_jekyll() -> None:
    """kramdown's typography makes an en dash of ``x-`` and ``-了解``: the address's dash is kept."""
    assert written("See https://a.example/x- now.\n", "访问<1/>-了解", "jekyll") == (
        "访问https://a.example/x-<!-- -->-了解\n"
    )


#: A bare URL the source writes right after a ``~``, ``*`` or ``_`` (which GFM links after it).
AFTER_MARKERS = "Go ~https://x.org/t, *https://x.org/s or _www.example.com/u now.\n"


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_links_a_url_the_source_writes_right_after_a_tilde_or_asterisk_on_the_translated_page_too(
    tmp_path: Path,
) -> None:
    """A translation's ``~`` was written ``&#126;`` (``*``: ``\\*``), after which Goldmark links no URL:
    the translated page showed the address as text."""
    german = [written(AFTER_MARKERS, "Geh ~<1/>, *<2/> oder _<3/> jetzt.", named) for named in (None, "hugo")]
    assert not [page for page in german if "&#126;" in page or "\\" in page], german
    source_page, *german_pages = hugo_pages([AFTER_MARKERS, *german], tmp_path / "site")
    links = [("a", "https://x.org/t"), ("a", "https://x.org/s"), ("a", "https://www.example.com/u")]
    assert shown(source_page) == Counter(links)
    assert [shown(page) for page in german_pages] == [Counter(links)] * 2, german


#: A bare URL the source writes right after an escaped ``~`` (which no renderer links it after).
AFTER_ESCAPED_TILDE = "Go \\~https://x.org/t now.\n"


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_tilde_the_source_escapes_before_a_url_is_written_as_the_source_writes_it_and_strikes_nothing(
    renderer: str, tmp_path: Path
) -> None:
    """The translation's ``~`` was written ``&#126;`` where the source writes ``\\~``: the page showed
    the same, but a pseudo-translation did not write its source. A ``~~`` the translation glues there
    strikes nothing in any renderer (its first ``~`` a reference)."""
    texts = ["Geh ~<1/> jetzt.", "Geh ~~<1/> jetzt.", "Geh ~~<1/> ~~jetzt~~."]
    german = [written(AFTER_ESCAPED_TILDE, text, named) for text in texts for named in (None, "hugo")]
    assert german[:2] == ["Geh \\~https://x.org/t jetzt.\n"] * 2
    source_page, *pages = rendered(renderer, [AFTER_ESCAPED_TILDE, *german], tmp_path / "site")
    assert "<del>" not in source_page and "~" in source_page
    for page in pages:
        assert "<del>" not in page and "<s>" not in page, page
        assert shown(page) == shown(source_page), page
    shown_text = [lxml.html.fromstring(page).text_content() for page in pages]
    assert [text.count("~") for text in shown_text] == [text.count("~") for text in texts for _ in "ab"]


#: Bare URLs that end their sentences, the end of a unit (where a pseudo-translation's mark follows).
ENDING_SENTENCES = ["Go to www.example.com/u.\n", "Go to https://x.org/t.\n"]


@pytest.mark.parametrize("generator", [None, "hugo", "mkdocs", "jekyll"])
def test_a_pseudo_translated_url_ending_a_unit_gets_no_comment_where_no_renderer_takes_the_mark_in(
    generator: str | None,
) -> None:
    """``www.example.com/u.⟧`` was written ``www.example.com/u<!-- -->.⟧`` (``&#46;⟧`` for Jekyll):
    Goldmark and magiclink end a URL before a ``⟧`` (or ``。``) and leave the ``.`` out of it."""
    for source in ENDING_SENTENCES:
        pseudo = read(source).render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"), heading_ids=generator)
        assert pseudo.replace("⟦", "").replace("⟧", "") == source


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_url_ending_a_translated_sentence_links_as_the_source_does_and_what_would_join_it_is_kept_apart(
    renderer: str, tmp_path: Path
) -> None:
    """With no generator named and with the renderer's own: ``.⟧`` and ``。`` after it need nothing;
    ``.了`` (a word magiclink takes in) and ``.x`` (one every linkify takes in) still get a comment, or
    are written otherwise, so that each page links what the source's links."""
    endings = [".⟧", "。", ".了", ".x", ".⟧x", "⟧.x"]
    cases = [
        (source, written(source, f"Geh zu <1/>{end}", named))
        for source in ENDING_SENTENCES
        for end in endings
        for named in (None, GENERATORS[renderer])
    ]
    assert not [page for _, page in cases if ("⟧" in page or "。" in page) and "<!--" in page], cases
    html = rendered(renderer, ENDING_SENTENCES + [page for _, page in cases], tmp_path / "site")
    expected = dict(zip(ENDING_SENTENCES, map(shown, html), strict=False))
    failures = [
        (page, out)
        for (source, page), out in zip(cases, html[len(ENDING_SENTENCES) :], strict=True)
        if shown(out) != expected[source]
    ]
    assert not failures, failures


def test_a_pseudo_translated_page_is_its_source() -> None:
    for source in [*SOURCES, AFTER_MARKERS, AFTER_ESCAPED_TILDE]:
        document = read(source)
        assert unmarked_pseudo(document) == source, source


def pages() -> list[tuple[str, str, str]]:
    """Each source with random translations of its unit: (source, translation, page written)."""
    return random_pages(SOURCES, translations, SEED, lambda document: text_units(document, "<"))


@pytest.mark.parametrize("renderer", RENDERERS)
@pytest.mark.parametrize("named", [False, True], ids=["no-generator", "its-generator"])
def test_a_glued_bare_url_shows_as_the_source_shows_it_in_every_renderer(
    renderer: str, named: bool, tmp_path: Path
) -> None:
    """With no generator named and with the renderer's own, the translated page shows the links and
    code the source's does in that renderer: a link where it links the source's URL (and to the
    same address), text where it shows the source's as text."""
    generator = GENERATORS[renderer] if named else None
    cases = [(source, text) for source, text, _ in pages()]
    cases += [(SOURCES[0], "X <3/><2/><1/>"), ("See https://a.example/x- or `c` now.\n", "访问<1/>-了解<2/>")]
    written_pages = [(source, text, written(source, text, generator)) for source, text in cases]
    html = rendered(renderer, SOURCES + [page for _, _, page in written_pages], tmp_path / "site")
    expected = dict(zip(SOURCES, map(shown, html), strict=False))
    failures = [
        (text, page, out)
        for (source, text, page), out in zip(written_pages, html[len(SOURCES) :], strict=True)
        if shown(out) != expected[source] or "&lt;!--" in out
    ]
    assert not failures, (len(failures), failures[:6])
    if generator in (None, "mkdocs"):
        assert sum("<!-- -->" in page for _, _, page in written_pages) > 20  # (many were glued)


@pytest.mark.skipif(JEKYLL is None, reason="jekyll is not installed")
def test_jekyll_shows_a_url_glued_between_code_spans_as_text_as_its_source_page_does(tmp_path: Path) -> None:
    source = "Run `a` or https://x.org/ or `b`.\n"
    for generator in (None, "jekyll"):
        page = jekyll_page(written(source, "X <3/><2/><1/>", generator), tmp_path / "site")
        assert "<a" not in page and "https://x.org/" in page, (generator, page)
        assert [e.text_content() for e in lxml.html.fromstring(page).iter("code")] == ["b", "a"], page


@pytest.mark.skipif(
    MKDOCS is None or not MKDOCS_PYMDOWNX, reason="mkdocs with pymdown-extensions is not installed"
)
@pytest.mark.parametrize("generator", [None, "mkdocs"])
def test_mkdocs_shows_a_url_glued_between_code_spans_as_its_source_page_does(
    generator: str | None, tmp_path: Path
) -> None:
    """Text on a site without magiclink, a link to the same address on one with it."""
    source = "Run `a` or https://x.org/ or `b`.\n"
    page = written(source, "X <3/><2/><1/>", generator)
    for config, links in (("", []), ("markdown_extensions:\n  - pymdownx.magiclink\n", ["https://x.org/"])):
        for markdown_page in (source, page):
            out = lxml.html.fromstring(mkdocs_page(markdown_page, tmp_path / "site", config))
            (paragraph,) = out.xpath("//p[code]")
            assert [a.get("href") for a in paragraph.iter("a")] == links, (config, markdown_page)
            assert [c.text_content() for c in paragraph.iter("code")] in (["a", "b"], ["b", "a"])
