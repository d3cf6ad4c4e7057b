"""A translation that reorders its placeholders, in the real renderers (Hugo's Goldmark, kramdown as
Jekyll runs it, Python-Markdown as MkDocs does): every renderer reads code spans first, and a
backtick of markup (an image's alt text, a link's title, an HTML attribute) pairs with one after it,
so the markup moved before a code span was lost (``Siehe ![a`b](x.png) und `c```: a code span from
the alt text's backtick to the code span's). Whatever order a translation puts the placeholders in,
its page shows the source's images, code and links, each as in the source, and a translator's
backtick is text; where no Markdown can show that in every renderer, the sentence's source is
published and check says why."""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html
import markdown
import pytest

from real_renderers import HUGO, KRAMDOWN_GFM, each_present, hugo_pages, kramdown_gfm_each
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.formats.md_reader import read_markdown
from transpub.inline import placeholder_problem
from transpub.published_titles import slot_problem

#: Sentences each renderer shows as written (nothing of their markup in a code span), mixing code
#: spans (of one and two backticks, a backtick in one), images whose alt text holds backticks, links
#: whose titles hold backticks or brackets, an HTML attribute holding one, and emphasis.
SOURCES = [
    "See `c` and ![a`b](x.png) now.\n",
    "Run ``x`` then ![p``q](z.png) ok.\n",
    "Use ``a`b`` and ![x`y](i.png) here.\n",
    'Read `c` or [t](/u "a`b") now.\n',
    'Go `c` and [t](/u "x``y") and _em_ end.\n',
    'Try **bold** and `c` with [t](/u "[x]") and ![a`b](y.png) end.\n',
    'Try [t](/u "[x]") and `c` and ![a](x.png "t`u") end.\n',
    'Use `c` and <abbr title="a`b">HTML</abbr> now.\n',
    "So **bold `c`** and ![a`b](x.png) end.\n",
    'Take ``a`` and *e* and [l `k`](/v "q[r]") end.\n',
]
#: The translation's words between the placeholders (one with a backtick of the translator's).
WORDS = ["Siehe", "und", "dann", "it`s", "sowie", "jetzt"]
PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>.*?</\2>")


def _unit(document: Document) -> TextSlot:
    """The unit of ``document`` whose text holds placeholders."""
    return next(slot for slot in document.slots() if isinstance(slot, TextSlot) and "<" in slot.msgid)


def translations(msgid: str) -> list[str]:
    """A translation of ``msgid`` for each order of its placeholders (a paired one with its content),
    words between them."""
    placeholders = [match.group() for match in PLACEHOLDER.finditer(msgid)]
    found = []
    for order in itertools.permutations(placeholders):
        words = itertools.cycle(WORDS)
        text = next(words) + "".join(f" {placeholder} {next(words)}" for placeholder in order) + "."
        assert placeholder_problem(msgid, text) is None, text
        found.append(text)
    return found


def pages() -> list[tuple[str, str, str]]:
    """Each source with each of its translations: (source, translation, the page written)."""
    found = []
    for source in SOURCES:
        document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
        msgid = _unit(document).msgid
        for text in translations(msgid):
            page = document.render(lambda slot, m=msgid, t=text: Resolution(t if slot.msgid == m else None))
            found.append((source, text, page))
    return found


def elements(page: str) -> Counter[tuple[str | None, ...]]:
    """The images (address, alt text, title), code (its text), links (address, title) and
    abbreviations (title) a rendering shows."""
    tree = lxml.html.fragment_fromstring(page or "<p></p>", create_parent="div")
    return Counter(
        [("img", e.get("src"), e.get("alt"), e.get("title")) for e in tree.iter("img")]
        + [("code", e.text_content()) for e in tree.iter("code")]
        + [("a", e.get("href"), e.get("title")) for e in tree.iter("a")]
        + [("abbr", e.get("title")) for e in tree.iter("abbr")]
    )


def rendered(renderer: str, markdowns: list[str], site: Path) -> list[str]:
    if renderer == "hugo":
        return hugo_pages(markdowns, site)
    if renderer == "kramdown":
        return kramdown_gfm_each(markdowns)
    return [markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"]) for text in markdowns]


RENDERERS = each_present(
    {
        "hugo": (HUGO is not None, "hugo is not installed (make test installs the Debian package hugo)"),
        "kramdown": (KRAMDOWN_GFM, "ruby with kramdown and kramdown-parser-gfm is not installed"),
        "python-markdown": (True, ""),
    }
)


def unlike_their_sources(
    renderer: str,
    sources: list[str],
    written: list[tuple[str, str, str]],
    site: Path,
    sound: Callable[[Counter[tuple[str | None, ...]]], bool],
) -> list[tuple[str, str, str]]:
    """The (translation, page, rendering) of ``written`` (source, translation, page) whose rendering
    by ``renderer`` does not show the images, code, links and abbreviations its source's does; each
    source's own must be ``sound`` (shown as written)."""
    html = rendered(renderer, sources + [page for _, _, page in written], site)
    shown = dict(zip(sources, map(elements, html), strict=False))
    for source, found in shown.items():
        assert sound(found), (source, found)
    return [
        (text, page, out)
        for (source, text, page), out in zip(written, html[len(sources) :], strict=True)
        if elements(out) != shown[source]
    ]


@pytest.mark.parametrize("renderer", RENDERERS)
def test_every_order_of_the_placeholders_shows_the_sources_images_code_and_links(
    renderer: str, tmp_path: Path
) -> None:
    failures = unlike_their_sources(
        renderer,
        SOURCES,
        pages(),
        tmp_path / "site",
        lambda found: not any(e[0] == "code" and ("](" in e[1] or "<" in e[1]) for e in found),
    )
    assert not failures, failures[:3]


def test_the_sources_order_writes_the_source_and_a_pseudo_translation_is_its_source() -> None:
    for source in SOURCES:
        document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
        msgid = _unit(document).msgid
        assert document.render(lambda slot, m=msgid: Resolution(m if slot.msgid == m else None)) == source
        pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
        assert pseudo.replace("⟦", "").replace("⟧", "") == source


def test_a_title_moved_before_a_code_span_writes_its_backtick_as_a_reference() -> None:
    document = read_markdown('Read `c` or [t](/u "a`b") now.\n', Path("a.md"), "utf-8", ReadOptions())
    table = {"Read <1/> or <2>t</2> now.": "Lies <2>t</2> oder <1/> jetzt.", "a`b": "x`y"}
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))) == (
        'Lies [t](/u "x&#96;y") oder `c` jetzt.\n'
    )
    untranslated = {"Read <1/> or <2>t</2> now.": "Lies <2>t</2> oder <1/> jetzt."}
    assert document.render(lambda slot: Resolution(untranslated.get(slot.msgid))) == (
        'Lies [t](/u "a&#96;b") oder `c` jetzt.\n'
    )


def test_an_image_moved_before_a_code_span_publishes_the_source_sentence_and_says_why() -> None:
    """Goldmark shows an alt text's escapes and references as written, and a code span with more or
    fewer backticks still pairs with the alt text's in kramdown or Python-Markdown: no Markdown
    shows both in every renderer."""
    document = read_markdown("See `c` and ![a`b](x.png) now.\n", Path("a.md"), "utf-8", ReadOptions())
    unit = _unit(document)
    assert unit.msgid == "See <1/> and <2/> now."
    page = document.render(lambda slot: Resolution("Siehe <2/> und <1/> jetzt." if slot is unit else None))
    assert page == "See `c` and ![a`b](x.png) now.\n"
    assert slot_problem(unit, "Siehe <2/> und <1/> jetzt.") == (
        "placeholders",
        "a backtick of <2/> would open a code span that one of <1/> after it closes (every renderer "
        "reads code spans first), and <2/> would be lost; put <2/> after <1/>, as in the source",
    )
    assert slot_problem(unit, "Siehe <1/> und <2/> jetzt.") is None
