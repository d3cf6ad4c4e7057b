"""A translatable attribute value holding template tokens that a generator runs there: a unit whose
tokens are placeholders.

WordPress runs the shortcodes of a tag's attributes (``<p title="Press [gallery] now">``), and Hugo
and Jekyll their template tokens (``title="Call {{< phone >}}"``), as they do in the page's text.
Offered as text, a token could be dropped, repeated or changed by a translation, and each copy
would run; as a placeholder (``Press <1/> now``, its legend naming the token) a translation can
only move it, and writes it exactly as many times as the source does, as written there.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..inline import MAX_PLACEHOLDERS, escape_lookalikes, strip_placeholders
from ..model import Placeholder
from .document import AttrSlot, PairedPieces, Part, TextSlot
from .escape import (
    attribute_text_writer,
    spelled_text,
    unquoted_attribute_text_writer,
    write_attribute,
    write_with_edges,
)
from .runs import collapse_space, pair_shows


class Token(NamedTuple):
    """A template token of an attribute value: where it starts and ends in the value as written
    (quotes included), its pair's number among the value's pairs (0: it stands alone) and whether
    it closes that pair."""

    start: int
    end: int
    pair: int = 0
    closing: bool = False


def attribute_unit(
    slot: AttrSlot,
    tokens: Sequence[Token],
    escape: Callable[[str], str] | None = None,
    read: Callable[[str], str] = html.unescape,
) -> list[Part] | None:
    """The parts that write ``slot`` (an attribute value's, see :attr:`AttrSlot.raw`) with its
    ``tokens`` (in order, each pair's between its ends) placeholders of a text unit: its quotes
    and the spaces at its edges as written around the unit, or the value as written when no text
    is left to translate. A value without quotes stays so, a translation's spaces and quotes
    written as references (see :func:`~.escape.unquoted_attribute_text_writer`): the tokens stay
    in the one value. None: ``slot`` has no tokens, or more than placeholders can number.
    ``escape``: how its text is written, for a value that is no HTML attribute's (a Markdown
    image's alt text, without quotes; ``read``: how its text as written reads, its escapes and
    entities read).

    >>> slot = AttrSlot("Press [gallery] now", "p@title", '" Press [gallery] now"', "attribute:title")
    >>> lead, unit, trail = attribute_unit(slot, [Token(8, 17)])
    >>> lead, unit.msgid, unit.parts, unit.pieces, trail
    ('" ', 'Press <1/> now', ['Press ', '[gallery]', ' now'], {1: ['[gallery]']}, '"')
    >>> unit.placeholders[0].legend()
    '<1/> = WordPress shortcode (shortcode) "[gallery]"'
    >>> slot = AttrSlot("Map [b]1[/b] [gallery]", "img@alt", '"Map [b]1[/b] [gallery]"', "attribute:alt")
    >>> unit = attribute_unit(slot, [Token(5, 8, 1), Token(9, 13, 1, True), Token(14, 23)])[1]
    >>> unit.msgid, unit.placeholders[0].legend(), unit.escape('"x" & <y>')
    ('Map <1>1</1> <2/>', '<1>…</1> = WordPress shortcode (shortcode) "[b]…[/b]"', '&quot;x&quot; &amp; &lt;y&gt;')
    >>> attribute_unit(AttrSlot("[gallery]", "p@title", '"[gallery]"', "attribute:title"), [Token(1, 10)])
    ['"[gallery]"']
    >>> unit = attribute_unit(AttrSlot("Press[gallery]now", "p@title", "Press[gallery]now", "attribute:title"), [Token(5, 14)])[1]
    >>> unit.msgid, unit.escape("Drücke jetzt")
    ('Press<1/>now', 'Drücke&#32;jetzt')
    """
    raw = slot.raw
    quoted = attribute_text_writer(raw)
    unquoted = escape is not None or quoted is None
    escape = escape or quoted or unquoted_attribute_text_writer(raw)
    if not tokens or len(tokens) > MAX_PLACEHOLDERS:
        return None
    inner_start, inner_end = _inner(raw, 0 if unquoted else 1)
    msgid_parts: list[str] = []
    parts: list[Part] = []
    placeholders: list[Placeholder] = []
    pieces: dict[int, PairedPieces | list[Part]] = {}
    numbers: dict[int, int] = {}  # each pair's placeholder number
    pos = inner_start
    for token in tokens:
        _add_text(raw[pos : token.start], msgid_parts, parts, read)
        written = raw[token.start : token.end]
        parts.append(written)
        pos = token.end
        if not token.pair:
            number = len(placeholders) + 1
            placeholders.append(Placeholder(number, _tag(written), False, collapse_space(written)))
            pieces[number] = [written]
            msgid_parts.append(f"<{number}/>")
        elif not token.closing:
            number = numbers[token.pair] = len(placeholders) + 1
            placeholders.append(Placeholder(number, _tag(written), True))
            pieces[number] = PairedPieces([written], [])
            msgid_parts.append(f"<{number}>")
        else:
            number = numbers[token.pair]
            paired = pieces[number]
            assert isinstance(paired, PairedPieces)
            paired.close = [written]
            placeholders[number - 1] = Placeholder(
                number, _tag(written), True, pair_shows(paired.open, [written])
            )
            msgid_parts.append(f"</{number}>")
    _add_text(raw[pos:inner_end], msgid_parts, parts, read)
    escape = _with_edges(escape, raw, tokens, (inner_start, inner_end), read)
    msgid = collapse_space("".join(msgid_parts))
    if not any(char.isalpha() for char in strip_placeholders(msgid)):
        return [raw]  # (nothing but tokens: WordPress or the generator runs them as written)
    unit = TextSlot(
        msgid,
        slot.ref,
        [part for part in parts if part != ""],
        tuple(placeholders),
        pieces,
        slot.notes,
        slot.kind,
        markable=False,  # (no element may wrap it inside a tag)
        escape=escape,
    )
    return [raw[:inner_start], unit, raw[inner_end:]]


def _with_edges(
    escape: Callable[[str], str],
    raw: str,
    tokens: Sequence[Token],
    inner: tuple[int, int],
    read: Callable[[str], str] = html.unescape,
) -> Callable[[str], str]:
    """``escape`` writing the source's text between the tokens of ``raw`` (inside ``inner``;
    ``read``: how a text as written reads) as the source writes it where a translation keeps it
    there: an attribute's (see :func:`~.escape.write_attribute`) whitespace runs and references
    without ``;``, an alt text's escapes, entities and emphasis (see :func:`~.escape.edge_pieces`).
    The pseudo-translated page is the source. An alt text's text between tokens is kept where
    ``escape`` writes it otherwise, and does not end in a backslash (it would escape the token
    after it); its text alone (no token: kept wherever a translation holds it) where it is written
    otherwise than shown (``escape`` writes a text by what is around it: ``a\\`` before ``]``)."""
    attribute = isinstance(escape, functools.partial) and escape.func is write_attribute
    table = escape.keywords.get("table", ()) if isinstance(escape, functools.partial) else ()
    bounds = [inner[0], *(edge for token in tokens for edge in (token.start, token.end)), inner[1]]
    edges: list[tuple[str, str, str]] = []
    alone = len(bounds) == 2  # (no token: a translation may keep the text anywhere)
    for index, (start, end) in enumerate(zip(bounds[::2], bounds[1::2], strict=True)):
        written = raw[start:end]
        if attribute:
            spelled = spelled_text(written, table)
        else:
            shown = _SPACES.sub(" ", read(written))
            differs = written != shown if alone else escape(shown) != written and written[-1:] != "\\"
            spelled = (shown, written) if written and differs else ()
        if spelled:
            anchor = "within" if alone else "end" if index == 0 else "start" if end == inner[1] else "whole"
            edges.append((anchor, *spelled))
    if not edges:
        return escape
    if isinstance(escape, functools.partial) and attribute:
        return functools.partial(write_attribute, *escape.args, **{**escape.keywords, "edges": tuple(edges)})
    return functools.partial(write_with_edges, write=escape, edges=tuple(edges), read=read)


def text_writer(raw: str, escape: Callable[[str], str], read: Callable[[str], str]) -> Callable[[str], str]:
    r"""``escape`` writing the source's text ``raw`` (a value without template tokens that is no HTML
    attribute's: a Markdown image's alt text; ``read``: how a text as written reads) as the source
    writes it wherever a translation keeps it, as a value's text between its tokens is (see
    :func:`attribute_unit`): the pseudo-translated page is the source.

    >>> write = text_writer("R&#38;D ", html.escape, html.unescape)
    >>> write("⟦R&D⟧"), write("R&D & co")
    ('⟦R&#38;D⟧', 'R&#38;D &amp; co')
    """
    return _with_edges(escape, raw, (), _inner(raw, 0), read)


#: Whitespace runs (a Markdown alt text's read as one space).
_SPACES = re.compile(r"\s+")


def _inner(raw: str, quote: int = 1) -> tuple[int, int]:
    """Where the text of the attribute value written ``raw`` starts and ends: inside its quotes
    (``quote``: their length, 0 for none), without the spaces at its edges."""
    inner = raw[quote : len(raw) - quote]
    start = quote + len(inner) - len(inner.lstrip())
    return start, max(start, quote + len(inner.rstrip()))


def _add_text(
    written: str, msgid_parts: list[str], parts: list[Part], read: Callable[[str], str] = html.unescape
) -> None:
    """Add the attribute's text ``written`` (as written; ``read``: how it reads) to a unit's msgid and
    source parts."""
    if written:
        msgid_parts.append(escape_lookalikes(read(written)))
        parts.append(written)


def _tag(written: str) -> str:
    """The element name a placeholder of the token ``written`` shows in its legend: a shortcode
    (Hugo's, WordPress's) or another template token."""
    return "shortcode" if written.startswith(("{{<", "{{%", "[")) else "template"
