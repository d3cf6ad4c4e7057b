"""Property: any HTML article renders back byte for byte, and translations land in the right markup.

Hypothesis generates articles with nested blocks and inline elements, odd attribute quoting,
entities, no-break spaces, ``<pre>`` with odd whitespace, comments, scripts, void elements and
CJK text. Rendering with no translation must give the source back; rendering with every text
upper-cased (placeholders kept) must give the same element tree (tags, attributes, nesting).
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from transpub.formats import ReadOptions
from transpub.formats.document import AttrSlot, Resolution
from transpub.formats.html import read_html
from transpub.inline import tokenize

WORDS = st.sampled_from(
    [
        "Vasaloppet",
        "ski",
        "race",
        "Mora",
        "the",
        "a",
        "winner.",
        "Is it?",
        "Yes!",
        "fast,",
        "北京",
        "铂金产业。",
        "增长",
        "とても",
        "Ünïcødé",
        "5",
        "km",
        "e.g.",
        "Dr.",
        "3.5",
        "&amp;",
        "&lt;",
        "&gt;",
        "&nbsp;",
        "&copy;",
        "&#8212;",
        "&#x4E2D;",
        "\u00a0",
        "  ",
        "\n",
    ]
)
TEXT = st.lists(WORDS, min_size=1, max_size=8).map(" ".join)
ATTR_VALUE = st.sampled_from(["x", "A cat", "Tom &amp; Jerry", "a>b", "it's", 'say "hi"', "", "北京"])


@st.composite
def attribute(draw, names=("class", "id", "title", "href", "alt", "data-x", "lang")) -> str:
    name = draw(st.sampled_from(names))
    value = draw(ATTR_VALUE)
    style = draw(st.sampled_from(["dq", "sq", "bare", "none", "spaced"]))
    if style == "none":
        return f" {name}"
    if style == "bare" and value and not any(c in value for c in " \"'>=`"):
        return f" {name}={value}"
    if style == "sq" and "'" not in value:
        return f" {name}='{value}'"
    if style == "spaced":
        return f' {name} = "{value.replace(chr(34), "&quot;")}"'
    return f' {name}="{value.replace(chr(34), "&quot;")}"'


def start(tag: str, draw) -> str:
    attrs = "".join(draw(st.lists(attribute(), max_size=2, unique=True)))
    if draw(st.booleans()) and draw(st.booleans()):
        attrs += ' translate="no"'
    return f"<{tag}{attrs}>"


@st.composite
def inline(draw, depth: int = 0) -> str:
    kind = draw(st.sampled_from(["text", "text", "text", "el", "void", "comment"] if depth < 2 else ["text"]))
    if kind == "text":
        return draw(TEXT)
    if kind == "void":
        return draw(st.sampled_from(["<br>", "<br/>", '<img src="a.png" alt="An image">', "<wbr>"]))
    if kind == "comment":
        return "<!-- note -->"
    tag = draw(st.sampled_from(["a", "b", "i", "em", "strong", "span", "code", "sup"]))
    content = "".join(draw(st.lists(inline(depth + 1), min_size=1, max_size=3)))
    return f"{start(tag, draw)}{content}</{tag}>"


@st.composite
def block(draw, depth: int = 0) -> str:
    kinds = ["p", "h2", "li-list", "pre", "script", "table"] + (["div"] if depth < 2 else [])
    kind = draw(st.sampled_from(kinds))
    sep = draw(st.sampled_from(["", "\n", "\n  "]))
    if kind in ("p", "h2"):
        content = "".join(draw(st.lists(inline(), min_size=1, max_size=4)))
        return f"{sep}{start(kind, draw)}{content}</{kind}>"
    if kind == "li-list":
        items = draw(st.lists(inline(), min_size=1, max_size=3))
        return sep + "<ul>" + "".join(f"\n<li>{item}</li>" for item in items) + "\n</ul>"
    if kind == "pre":
        text = draw(st.sampled_from(["  x\n\n   y  \t z\n", "\n code  line\n", "a\n b"]))
        return f"{sep}<pre>{text}</pre>"
    if kind == "script":
        return f'{sep}<script>if (a < b && c) {{ s = "<p>x</p>"; }}</script>'
    if kind == "table":
        cells = draw(st.lists(inline(), min_size=1, max_size=3))
        return sep + "<table><tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr></table>"
    children = "".join(draw(st.lists(block(depth + 1), min_size=1, max_size=3)))
    return f"{sep}{start('div', draw)}{children}\n</div>"


@st.composite
def article(draw) -> str:
    body = "".join(draw(st.lists(block(), min_size=1, max_size=4)))
    return (
        f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>{draw(TEXT)}</title></head>'
        f"\n<body>{body}\n</body></html>\n"
    )


def upper_text(msgid: str) -> str:
    """Upper-case a msgid's text, keeping its placeholders as they are."""
    return "".join(t.value.upper() if t.kind == "text" else t.value for t in tokenize(msgid))


def element_tree(html: str) -> list[tuple]:
    """Tags and attributes of every element in document order, with depth."""
    root = lxml.html.document_fromstring(html)
    out = []

    def walk(element, depth: int) -> None:
        if isinstance(element.tag, str):
            attrs = {k: v for k, v in element.attrib.items() if k not in ("alt", "title")}
            out.append((depth, element.tag, tuple(sorted(attrs.items()))))
        for child in element:
            walk(child, depth + 1)

    walk(root, 0)
    return out


def read(source: str):
    return read_html(source, Path("a.html"), "utf-8", ReadOptions())


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article())
def test_any_article_renders_back_byte_for_byte(source: str) -> None:
    assert read(source).render() == source


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(article())
def test_translated_article_keeps_every_element_and_attribute(source: str) -> None:
    document = read(source)
    translated = document.render(
        lambda slot: Resolution(slot.msgid.upper() if isinstance(slot, AttrSlot) else upper_text(slot.msgid))
    )
    assert element_tree(translated) == element_tree(source)
    units = document.units()
    assert all("href" not in u.msgid for u in units)
    if any(c.islower() for u in units for c in u.msgid):
        assert translated != source  # the translation path really ran
