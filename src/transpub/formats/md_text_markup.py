"""Markup in what markdown-it reads as text: syntax of Goldmark (Hugo), kramdown (Jekyll) or
Python-Markdown (MkDocs) that CommonMark leaves as text in a heading's or a paragraph's content.

The Markdown reader keeps each as written (a placeholder for translators, never text to escape):
a heading's attribute list (``## Title {#id .class}``), a paragraph's block attribute list on its
last line (``{.lead}``, ``{: .lead}``), a task item's box (``[x]``), the marker of a GitHub or Hugo
alert (``> [!NOTE]``), and the reference links MkDocs reads where CommonMark reads brackets:
``[text][label]`` or ``[text][]`` whose definition is not on the page (MkDocs-Material appends its
definitions at build time, MkDocs' autorefs makes them), ``[text]`` then ``[label]`` after one space or line break, and ``[text]`` right
before a footnote reference (``[semantic versioning][^2]``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .heading_ids import HEADING_ATTRIBUTES

#: A block attribute list (Goldmark's ``{.lead}`` or ``{class="wide"}``, kramdown's ``{: .lead}``).
_BLOCK_ATTRIBUTES = r"\{[ \t]*(?:[#.:]|[\w-]+=)[^{}\n]*\}"
#: A paragraph that is only an attribute list (it applies to the block before it): markup.
_ATTRIBUTE_LINE = re.compile(_BLOCK_ATTRIBUTES)
#: An attribute list on the last line of a paragraph, which applies to the paragraph: markup.
_ATTRIBUTE_TAIL = re.compile(rf"\n[ \t]*({_BLOCK_ATTRIBUTES})[ \t]*\Z")
#: ``[text][label]`` or ``[text][]`` (markdown-it leaves it text when the page does not define
#: ``label``; MkDocs' autorefs defines them at build time; its text may go over lines), or with one
#: space or line break between the two, as Python-Markdown takes it; not before a footnote reference (``[text][^2]``: see
#: _BEFORE_FOOTNOTE).
_FULL_REFERENCE = re.compile(
    r"(?<![\\!\]])\[((?:[^\[\]\\]|\\.)+)(\][ \n]?\[)((?:[^\[\]\\\n^][^\[\]\\\n]*)?)\](?![(\[])"
)
#: ``[text]`` right before a footnote reference: a reference link in MkDocs where ``text`` is defined.
_BEFORE_FOOTNOTE = re.compile(r"(?<![\\!\]])\[(?!\^)((?:[^\[\]\\\n]|\\.)+)\](?=\[\^)")
#: Text in brackets: a reference link where the page (or a snippet appended at build time) defines it.
BRACKETED = re.compile(r"(?<!\\)\[[^\[\]\n]+\]")
#: A task item's box.
_TASK = re.compile(r"\[[ xX]\](?=[ \t])")
#: The marker of a GitHub or Hugo alert (Obsidian's callout: with ``+`` or ``-``; pymdownx.quotes'
#: callout: options after a bar, ``[!warning | inline | end]``), a quote's first line.
_ALERT = re.compile(r"\[![A-Za-z][\w-]*(?:[ \t]*\|[^\]\n]*)?\][+-]?(?=[ \t\n]|$)")
_ID = re.compile(r"#([\w:-][\w:.-]*)")


@dataclass
class TextMarkup:
    """What of a leaf block's content is markup: ``(start, end, tag)`` spans in its offsets (``a[``
    and ``a]`` open and close a reference link; any other tag is a standalone object)."""

    spans: list[tuple[int, int, str]] = field(default_factory=list)
    anchor: str | None = None  # a heading's ``{#id}``
    alert: bool = False  # the content starts with an alert's marker (its first line is the title)


def markup_in_text(content: str, block: str, *, task: bool = False, alert: bool = False) -> TextMarkup | None:
    """The markup in ``content``, the text of a ``block`` (``heading_open``, ``paragraph_open``…);
    ``task``: the first paragraph of a task item, ``alert``: the first of a quote. None when the
    whole paragraph or table cell is markup (a block attribute list on a line of its own).

    >>> markup_in_text("See [styles]\\n[colors] and [x][^1].", "paragraph_open").spans
    [(4, 5, 'a['), (11, 21, 'a]'), (26, 27, 'a['), (28, 29, 'a]')]
    >>> found = markup_in_text("Timetable {#times .wide}", "heading_open")
    >>> found.spans, found.anchor
    ([(9, 24, 'attributes')], 'times')
    >>> markup_in_text("{: .lead}", "paragraph_open") is None
    True
    """
    found = TextMarkup()
    first = 3 if task and _TASK.match(content) else 0  # (``- [x] [Label]`` is a box, then a link)
    if "]" in content:
        for reference in _FULL_REFERENCE.finditer(content, first):
            found.spans.append((reference.start(), reference.start() + 1, "a["))
            found.spans.append((reference.start(2), reference.end(), "a]"))
        for reference in _BEFORE_FOOTNOTE.finditer(content, first):
            found.spans.append((reference.start(), reference.start() + 1, "a["))
            found.spans.append((reference.end() - 1, reference.end(), "a]"))
    if block == "heading_open":
        attributes = HEADING_ATTRIBUTES.search(content)
        if attributes:
            found.spans.append((attributes.start(), attributes.end(), "attributes"))
            anchor = _ID.search(attributes.group())
            found.anchor = anchor.group(1) if anchor else None
    elif block in ("td_open", "th_open"):
        if _ATTRIBUTE_LINE.fullmatch(content):
            return None  # a table's attribute list on the line after it (a row of one cell to GFM)
    elif block == "paragraph_open":
        if _ATTRIBUTE_LINE.fullmatch(content):
            return None
        if first:
            found.spans.append((0, 3, "input"))
        attributes = _ATTRIBUTE_TAIL.search(content)
        if attributes:
            found.spans.append((attributes.start(1), attributes.end(1), "attributes"))
        marker = _ALERT.match(content) if alert else None
        if marker is not None:  # a GitHub/Hugo alert (> [!NOTE] Title): the marker, then its title
            found.spans.append((0, marker.end(), "alert"))
            found.alert = True
    return found
