"""A ``]`` a Markdown source writes as it is with no ``[`` before it that it closes (``A x] b.``,
``A [x](y)] b.``): a pseudo-translated page wrote it ``&#93;``, not the source's byte. A translation's
is written as it is where the text after it makes no link of it in Goldmark (Hugo), kramdown (Jekyll)
or Python-Markdown (MkDocs), whatever ``[`` the page has before it: not before ``(``, ``:`` or a
``[``, nor at a text's end before markup other than emphasis, code or a tag, nor inside a link's
text (it would end it there); on a page defining references, not where the text before it ends a
label it defines. A translator's ``](evil)`` after a ``[`` kept as the source writes it (a lone
``[``, a link's) makes no link, in this unit, in the next sentence's, or in a list Python-Markdown
joins to the paragraph."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import lxml.html
import markdown
import pytest

from markdown_translations import cut_translations, random_pages, read, text_units
from test_markdown_alt_renderers import unmarked_pseudo
from test_markdown_reordered_ticks import RENDERERS, elements, rendered
from transpub.formats.document import Resolution

#: Paragraphs writing a ``]`` that closes nothing: in text, after a link, beside a lone ``[``, in a
#: list, a table, a heading, emphasis and a quote.
SOURCES = [
    "A x] b.\n",
    "A [x](y)] b.\n",
    "See x] and [0, 1) here.\n",
    "1) a, 2] b and [c](/c) end.\n",
    "- Run x] now [0, 1)\n",
    "| h | i |\n|---|---|\n| a] b | [c](/c)] d |\n",
    "# Step 2] of [x](/x)\n",
    "See *a] b* or [x](/x)] now.\n",
    "> Quote x] and [y](/y) here.\n",
    # (right before markup, at the paragraph's end, on a page defining references)
    "A x]*b* c.\n",
    "A x]`c` and x]<b>d</b> e x]\n",
    "*A x]* and [y](/y) x]\n",
    "A x] b, see [r] or x]*c* and [y](/y).\n\n[r]: /r\n",
    "A x]![i](p.png) c x]\\\nd.\n",
]
#: What a translator writes between the placeholders: the sources' brackets, and their own.
WORDS = [
    "Siehe",
    "]",
    "[",
    "](evil)",
    "](javascript:alert(1))",
    "] (z)",
    "]:",
    "] [",
    "!",
    "\\",
    "x",
    " ",
    "r",
]
SEED = 20261206


def translations(msgid: str, rng: random.Random) -> list[str]:
    """Random translations of ``msgid``: its placeholders in a random order, random words glued
    between (the source's order and words too, as a pseudo-translation)."""
    return cut_translations(msgid, rng, WORDS, 16, most=4)


def test_a_lone_closing_bracket_comes_back_as_written_pseudo_translated() -> None:
    for source in SOURCES:
        assert unmarked_pseudo(read(source)) == source  # (it was written x&#93; and [x](y)&#93;)


def test_a_translations_closing_bracket_at_its_end_or_before_emphasis_code_or_a_tag_is_written_bare() -> None:
    # (it was &#93; there: the text after it in its piece decided, and a piece's end had none)
    for source, text, written in [
        ("A x]\n", "B x]", "B x]\n"),
        ("A x] c.\n", "B <x]", "B &lt;x]\n"),
        ("A x] *b* c.\n", "B x]<1>b</1> x]", "B x]*b* x]\n"),
        ("A x] `b` c.\n", "B x]<1/> d", "B x]`b` d\n"),
        ("A x] [b](/c) d.\n", "B x]<1>b</1> d", "B x&#93;[b](/c) d\n"),  # (a [ after it)
        ("A x] c.\n\n[r]: /r\n", "B x] c", "B x] c\n\n[r]: /r\n"),
        ("A x] c.\n\n[r]: /r\n", "B r] c", "B r] c\n\n[r]: /r\n"),  # (no [ before: "B r" no label)
        ("A x] c.\n\n[r]: /r\n", "r] c", "r&#93; c\n\n[r]: /r\n"),  # (a [ before it: [r] is one)
    ]:
        assert read(source).render(lambda slot, t=text: Resolution(t)) == written


def test_a_translations_closing_bracket_at_its_end_before_a_bracket_after_it_is_text() -> None:
    # (Python-Markdown without footnotes reads [^1]: note as a definition, [evil x] [^1] a link)
    document = read("See x] c. Then [0, 1) here. [^1]\n\n[^1]: note\n")
    table = {"See x] c.": "Siehe [evil", "Then [0, 1) here.": "x]"}
    page = document.render(lambda slot: Resolution(table.get(slot.msgid)))
    assert page == "Siehe [evil x&#93; [^1]\n\n[^1]: note\n"
    tree = lxml.html.fragment_fromstring(markdown.markdown(page), create_parent="div")
    assert [link.text_content() for link in tree.iter("a")] == ["^1"]  # (as for the source)


def test_a_translators_closing_bracket_is_text_where_a_link_could_follow_or_inside_a_link() -> None:
    source = "See x] and [a b](c) here [0, 1).\n"
    document = read(source)
    for text, written in [
        ("Siehe x] und <1>a b</1> hier [0, 1).", "Siehe x] und [a b](c) hier [0, 1).\n"),
        ("Siehe [0, 1 x](evil) <1>a</1>.", "Siehe [0, 1 x&#93;(evil) [a](c).\n"),
        ("Siehe [0 x]: evil <1>a</1> [y] [z", "Siehe [0 x&#93;: evil [a](c) [y&#93; [z\n"),
        ("Siehe <1>a] b</1> x]", "Siehe [a&#93; b](c) x]\n"),  # (in its text; at the end: bare)
        ("Siehe <1>a</1>] (z) x].", "Siehe [a](c)] (z) x].\n"),
        ("Siehe <1>a [b] c</1>] d", "Siehe [a &#91;b&#93; c](c)] d\n"),
    ]:
        assert document.render(lambda slot, t=text: Resolution(t)) == written


def _links(html: str) -> Counter[tuple[str | None, ...]]:
    """The links and images (their address) and the checkboxes of a rendering."""
    tree = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    return Counter(e for e in elements(html) if e[0] in ("a", "img")) + Counter(
        ("input", e.get("type"), None) for e in tree.iter("input")
    )


#: Hostile translations over more than one unit: each source with its units' translations, in order.
HOSTILE = [
    # (the next sentence's unit, and a list Python-Markdown joins to the paragraph before it)
    ("See x] c. Then [0, 1) here.\n", ["Siehe [0, 1", "](evil) c x]."]),
    ("See x] c. Then [0, 1) here.\n", ["Siehe [0, 1", "] (evil) c x]."]),
    ("See [0, 1)\n- x] y\n", ["Siehe [0, 1", "](evil) y"]),
    ("See [0, 1)\n- x] y\n", ["Siehe [0, 1", "] (evil) y"]),
    ("A [x](y)] b [0, 1).\n", ["A [<1>x</1>](evil) b [0"]),
    ("A [x](y)] b [0, 1).\n", ["A [0 <1>x</1>](evil) b"]),
    ("A [x](y)] b [0, 1).\n", ["[x] evil <1>x</1>] [y"]),
    ("- x] y [0, 1)\n", ["[x] evil [y"]),
    ("- x] y [0, 1)\n", ["[ ] evil [y"]),
    # (a label the page defines, a reference after the unit)
    ("A x] b, see [r] or [y](/y).\n\n[r]: /r\n", ["r] <1>r</1> <2>y</2> r]"]),
    ("A x] b, see [r] or [y](/y).\n\n[r]: /r\n", ["<2>y [r</2>] <1>r</1> r]"]),
    ("A x] b. See [r] c.\n\n[r]: /r\n", ["Siehe r] <1>r</1> c"]),
]


@pytest.mark.parametrize("renderer", RENDERERS)
def test_no_translation_links_more_than_its_source_and_the_pseudo_translation_links_the_same(
    renderer: str, tmp_path: Path
) -> None:
    written = random_pages(SOURCES, translations, SEED)
    for source, texts in HOSTILE:
        document = read(source)
        table = dict(zip([unit.msgid for unit in text_units(document)], texts, strict=True))
        written.append(
            (source, " | ".join(texts), document.render(lambda s, t=table: Resolution(t[s.msgid])))
        )
    sources = list(dict.fromkeys(SOURCES + [source for source, _ in HOSTILE]))
    html = rendered(renderer, sources + [page for _, _, page in written], tmp_path / "site")
    shown = {source: _links(out) for source, out in zip(sources, html, strict=False)}
    failures = []
    for (source, text, page), out in zip(written, html[len(sources) :], strict=True):
        found = _links(out)
        if text.startswith("⟦") and found != shown[source]:
            failures.append((text, page, out))  # (the source's brackets: the source's links)
        elif found - shown[source]:
            failures.append((text, page, out))  # (a link, an image or a checkbox of the translator's)
    assert not failures, (len(failures), failures[:4])
    assert sum("] " in page.replace("[x](y)", "") for _, _, page in written) > 20  # (many kept)
