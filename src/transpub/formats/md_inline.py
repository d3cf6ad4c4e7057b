"""A block's inline Markdown as atoms: text with its source, and the source markup around it.

markdown-it's inline tokens are aligned with the block's content (each token's markup is where
the cursor stands, or where a rule recorded its span), then mapped to the article's text, so
every atom carries its exact source: ``**`` and ``_`` open and close, ``[`` opens a link and
``](url "title")`` closes it (the URL a :class:`LinkTarget`, the title a unit of its own), a code
span, an image (its alt text a unit of its own), a footnote reference, an autolink or a bare URL,
raw inline HTML and template tokens stand alone. Backslash escapes and entities are text atoms
whose source differs from their text.
"""

from __future__ import annotations

import functools
import html as htmllib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from ..inline import PLACEHOLDER_RE, escape_lookalikes, unescape_lookalikes
from .attribute_units import attribute_unit, text_writer
from .document import (
    AttrSlot,
    LineStart,
    LinkTarget,
    Part,
    TextSlot,
    liquid_link,
    page_link,
    quoted_as_written,
    single_quoted_as_written,
)
from .escape import attribute_text_escape_in_markdown, attribute_write_in_markdown, attribute_writer
from .html_attributes import (
    attribute_spans,
    spliced,
    translatable_attributes,
    unquote,
)
from .html_templates import attribute_template_tokens
from .html_tree import VOID, Node
from .md_escape import (
    alt_markup,
    alt_writer,
    escape_alt_markers,
    escape_markdown,
    markdown_destination,
    title_writer,
)
from .md_open_elements import HIDDEN_ELEMENTS
from .md_parser import rendering_parser
from .md_source import MASK, ContentMap, Source
from .md_templates import Template
from .md_text_markup import BRACKETED
from .runs import Atom, collapse_space

_EMPHASIS = {"em": "em", "strong": "strong", "s": "s"}
_START_TAG = re.compile(r"<([A-Za-z][A-Za-z0-9-]*)")
_END_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9-]*)\s*>")
_LETTER = re.compile(r"[^\W\d_]")


class Misaligned(Exception):
    """The tokens do not match the source as expected: the block is kept as written."""


@dataclass(slots=True)
class Piece:
    """One inline token's place: ``start``/``end`` in content offsets, then in text offsets."""

    kind: str  # text, soft, open, close, object, html, template
    start: int
    end: int
    text: str = ""
    tag: str = ""
    shows: str | None = None
    parts: list[Part] | None = None  # source parts when not just the source text
    key: str | None = None  # html/template: what pairs an opening with a closing piece
    role: str = ""  # html/template: open, close or "" (standalone)
    node: Node | None = None
    template: Template | None = None
    written: list[Part] | None = None  # a closing piece as a translation writes it (see Atom.written)
    href: str = ""  # an opening link's: where it goes


@dataclass
class SlotNamer:
    """What inline slots need from the block reader: references and options."""

    ref: Callable[[str, str], str]  # (tag, words) -> reference
    extract_symbols: bool = False
    #: More attributes whose values are translated (``[extract] attributes``: ``element@attribute``).
    attributes: tuple[str, ...] = ()
    #: The site's own shortcodes whose inside is code (``[extract] code_shortcodes``).
    code_shortcodes: tuple[str, ...] = ()
    template_parts: Callable[[Template], list[Part]] = field(default=lambda template: [])
    #: Whether kramdown reads the page (Jekyll): ``\\`` at a line's end is a line break there.
    kramdown: bool = False


class InlineReader:
    """Turns one ``inline`` token into atoms."""

    def __init__(self, source: Source, parsed: str, namer: SlotNamer) -> None:
        self.source = source
        self.parsed = parsed  # the text markdown-it read (template tokens masked)
        self.namer = namer

    def atoms(
        self,
        token: Token,
        mapping: ContentMap,
        templates: Sequence[Template],
        objects: Sequence[tuple[int, int, str]] = (),
        open_before: str = "",
    ) -> list[Atom]:
        """The atoms of ``token`` (an inline token whose content ``mapping`` places in the text).

        ``templates`` are the template tokens in the text; ``objects`` further ``(start, end, tag)``
        text spans that are markup though markdown-it reads them as text (``{#id}``, ``[x]``);
        ``open_before``: the ``<script>`` or ``<style>`` a previous block left open (see
        :mod:`.md_open_elements`), whose end tag is in the token.
        """
        content = token.content
        pieces = self._align(token.children or [], content, mapping)
        for piece in pieces:
            piece.start, piece.end = mapping(piece.start), mapping(piece.end)
        spans: list[tuple[int, int, str, Template | None]] = sorted(
            [(t.start, t.end, "template", t) for t in templates]
            + [(start, end, tag, None) for start, end, tag in objects],
            key=lambda item: item[0],
        )
        if spans and pieces:
            pieces = _merge_spans(pieces, spans, self.source)
        if any(piece.kind == "html" and piece.tag in _KEPT_ELEMENTS for piece in pieces):
            pieces = _code_elements(pieces, open_before)
        _pair(pieces)
        atoms = [self._atom(piece) for piece in pieces]
        for index in range(1, len(pieces)):
            before, piece = pieces[index - 1], pieces[index]
            atom = atoms[index]
            if before.kind == "soft" and piece.template is not None and _starts_a_block(piece.template, atom):
                atom.written = [LineStart(atoms[index - 1].raw), *atom.parts]
        return atoms

    # -- alignment with the content

    def _align(self, children: list[Token], content: str, mapping: ContentMap) -> list[Piece]:
        pieces: list[Piece] = []
        cursor = 0
        links: list[tuple[int, int]] = []  # end and text start of each open link
        index = 0
        while index < len(children):
            token = children[index]
            kind = token.type
            index += 1
            if kind == "text":
                if token.content:
                    cursor = self._literal(pieces, content, cursor, token.content, mapping)
            elif self.namer.kramdown and _kramdown_break(content, cursor, children, index - 1):
                end = _line_break(content, cursor + 2)
                pieces.append(Piece("object", cursor, end, tag="br", shows=" "))
                cursor = end
                index += 1  # (its line's end, kramdown's line break with it)
            elif kind == "text_special":
                cursor = _expect(content, cursor, token.markup)
                pieces.append(Piece("text", cursor - len(token.markup), cursor, text=token.content))
            elif kind in ("softbreak", "hardbreak"):
                end = _line_break(content, cursor)
                if kind == "softbreak":
                    pieces.append(Piece("soft", cursor, end, text="\n"))
                else:
                    pieces.append(Piece("object", cursor, end, tag="br", shows=" "))
                cursor = end
            elif kind == "code_inline":
                start, end = _span(token, cursor)
                pieces.append(Piece("object", start, end, tag="code", shows=token.content))
                cursor = end
            elif kind.endswith("_open") and kind[:-5] in _EMPHASIS:
                cursor = _expect(content, cursor, token.markup)
                pieces.append(Piece("open", cursor - len(token.markup), cursor, tag=_EMPHASIS[kind[:-5]]))
            elif kind.endswith("_close") and kind[:-6] in _EMPHASIS:
                cursor = _expect(content, cursor, token.markup)
                pieces.append(Piece("close", cursor - len(token.markup), cursor, tag=_EMPHASIS[kind[:-6]]))
            elif kind == "link_open" and token.info == "auto":
                span = token.meta.get("span") if token.meta else None
                if span is None or span[0] < cursor or any(c.isspace() for c in content[cursor : span[0]]):
                    raise Misaligned(f"autolink not at {cursor}")
                start, end = cursor, span[1]  # a bare URL's rule fires at ":" or "@", its scheme already read
                shown = []
                while index < len(children) and children[index].type != "link_close":
                    shown.append(children[index].content)
                    index += 1
                index += 1
                pieces.append(Piece("object", start, end, tag="a", shows="".join(shown)))
                cursor = end
            elif kind == "link_open" and _shows_its_address(token, children, index):
                # [https://kompose.io](https://kompose.io): as an autolink, nothing to translate
                start, end = _span(token, cursor)
                _expect(content, start, "[")
                pieces.append(Piece("object", start, end, tag="a", shows=children[index].content))
                index += 2  # (its text and its end)
                cursor = end
            elif kind == "link_open":
                start, end = _span(token, cursor)
                cursor = _expect(content, start, "[")
                pieces.append(Piece("open", start, cursor, tag="a", href=_shown_href(token)))
                links.append((end, cursor))
            elif kind == "link_close":
                if not links or not content.startswith("]", cursor):
                    raise Misaligned(f"link end at {cursor}")
                end, label_start = links.pop()
                pieces.append(Piece("close", cursor, end, tag="a", parts=None))
                pieces[-1].parts = self._destination_parts(content, cursor, end, mapping, pieces)
                if MASK in content[cursor:end]:  # (a template token: the destination as written)
                    _link_opening(pieces).href = self._written_destination(content, cursor, end, mapping)
                if content[cursor:end] in (
                    "]",
                    "[]",
                    "][]",
                ):  # the label is the text: keep it when translated
                    label = " ".join(self._raw(mapping, label_start, cursor).split())
                    pieces[-1].written = [f"][{label}]"]
                cursor = end
            elif kind == "image":
                start, end = _span(token, cursor)
                label_end = start + 2 + len(token.content)
                if not content.startswith("![", start) or not content.startswith("]", label_end):
                    raise Misaligned(f"image at {start}")
                parts: list[Part] = [self._raw(mapping, start, start + 2)]
                if content[label_end:end] in ("]", "][]"):  # the alt text is the reference label: kept
                    parts.append(self._raw(mapping, start + 2, label_end))
                else:
                    parts.extend(self._alt(token, mapping(start + 2), mapping(label_end)))
                parts.extend(
                    self._destination_parts(content, label_end, end, mapping, None, token.content, image=True)
                )
                pieces.append(Piece("object", start, end, tag="img", parts=parts))
                cursor = end
            elif kind == "html_inline":
                cursor = _expect(content, cursor, token.content)
                pieces.append(_html_piece(cursor - len(token.content), cursor, token.content))
                pieces[-1].parts = self._html_attributes(pieces[-1], token.content, mapping)
            elif kind == "footnote_ref":
                start, end = _span(token, cursor)
                inline_note = self._inline_footnote(content, start, end, mapping)
                pieces.append(Piece("object", start, end, tag="footnote", shows="", parts=inline_note))
                cursor = end
            elif kind == "footnote_anchor":
                continue
            else:
                raise Misaligned(f"unexpected inline token {kind}")
        if cursor != len(content):
            raise Misaligned(f"content left at {cursor} of {len(content)}")
        return pieces

    def _literal(self, pieces: list[Piece], content: str, cursor: int, text: str, mapping: ContentMap) -> int:
        end = _expect(content, cursor, text)
        cuts = mapping.cuts(cursor, end)
        start = cursor
        for cut in [*cuts, end]:
            pieces.append(Piece("text", start, cut, text=content[start:cut]))
            start = cut
        return end

    def _raw(self, mapping: ContentMap, start: int, end: int) -> str:
        return self.source.raw(mapping(start), mapping(end))

    def _destination_parts(
        self,
        content: str,
        start: int,
        end: int,
        mapping: ContentMap,
        pieces: list[Piece] | None,
        alt: str | None = None,
        *,
        image: bool = False,
    ) -> list[Part]:
        """The parts of ``](destination "title")`` (or of ``][label]``, kept as written); a link's
        destination is a :class:`LinkTarget` (an image's is not: images are the same in every language)."""
        spans: list[tuple[int, int, Part]] = []
        pos = start + 1
        if content.startswith("(", pos):
            pos = _skip_space(content, pos + 1, end)
            destination = parseLinkDestination(content, pos, end)
            if destination.ok:
                target_start, target_end = mapping(pos), mapping(destination.pos)
                written = self.source.raw(target_start, target_end)
                if not image and MASK not in self.parsed[target_start:target_end] and destination.pos > pos:
                    spans.append(
                        (pos, destination.pos, LinkTarget(destination.str, written, markdown_destination))
                    )
                elif not image and (tag := liquid_link(written)) is not None:
                    spans.append((pos, destination.pos, tag))
                title_start = _skip_space(content, destination.pos, end)
                title = parseLinkTitle(content, title_start, end)
                if title.ok and title_start > destination.pos:
                    slot = self._title(title.str, mapping(title_start), mapping(title.pos), pieces, alt)
                    if slot is not None:
                        spans.append((title_start, title.pos, slot))
        parts: list[Part] = []
        pos = start
        for span_start, span_end, part in spans:
            parts.append(self._raw(mapping, pos, span_start))
            parts.append(part)
            pos = span_end
        parts.append(self._raw(mapping, pos, end))
        return [part for part in parts if part != ""]

    def _written_destination(self, content: str, start: int, end: int, mapping: ContentMap) -> str:
        """The destination of ``](destination "title")`` as the source writes it ("" for ``][label]``)."""
        pos = start + 1
        if not content.startswith("(", pos):
            return ""
        pos = _skip_space(content, pos + 1, end)
        destination = parseLinkDestination(content, pos, end)
        return self._raw(mapping, pos, destination.pos) if destination.ok else ""

    def _title(
        self, title: str, start: int, end: int, pieces: list[Piece] | None, alt: str | None
    ) -> AttrSlot | None:
        if MASK in self.parsed[start:end]:
            return None  # a template token in the title: kept as written (a unit would lose it)
        msgid = escape_lookalikes(collapse_space(title))
        if not _LETTER.search(msgid) and not self.namer.extract_symbols:
            return None
        words = ""
        if pieces is not None:
            depth = 0
            texts: list[str] = []
            for piece in reversed(pieces[:-1]):
                if piece.kind == "open" and piece.tag == "a" and depth == 0:
                    break
                depth += 1 if piece.kind == "close" else -1 if piece.kind == "open" else 0
                texts.append(piece.text or piece.shows or "")
            words = "".join(reversed(texts))
        return AttrSlot(
            msgid=msgid,
            ref=(self.namer.ref("a", words) if alt is None else self.namer.ref("img", alt)) + "@title",
            raw=self.source.raw(start, end),
            kind="attribute:title",
            write=title_writer(self.source.raw(start, end)),
        )

    def _inline_footnote(self, content: str, start: int, end: int, mapping: ContentMap) -> list[Part] | None:
        """The parts of an inline footnote ``^[text]`` (Pandoc's, markdown-it-footnote's) whose text
        is plain and on one line: its text a unit of its own; None for any other footnote reference
        (kept as written, as a footnote with markup in its text is)."""
        if not content.startswith("^[", start) or not content.startswith("]", end - 1):
            return None
        text_start, text_end = mapping(start + 2), mapping(end - 1)
        raw = self.source.raw(text_start, text_end)
        if "\n" in raw or MASK in self.parsed[text_start:text_end]:
            return None
        plain = plain_inline(raw)
        msgid = escape_lookalikes(collapse_space(plain)) if plain is not None else ""
        if not msgid or (not _LETTER.search(msgid) and not self.namer.extract_symbols):
            return None
        slot = AttrSlot(msgid, self.namer.ref("footnote", msgid), raw, "footnote", write=escape_markdown)
        return [self._raw(mapping, start, start + 2), slot, self._raw(mapping, end - 1, end)]

    def _alt(self, token: Token, start: int, end: int) -> list[Part]:
        """The alt text of the image ``token`` (from ``start`` to ``end``): a unit of the text it shows
        (of emphasis, code and links only their text, its escapes and entities read) between the
        spaces at its edges, written as the source writes it where a translation keeps it (see
        :func:`.attribute_units.text_writer`)."""
        raw = self.source.raw(start, end)
        if MASK in self.parsed[start:end]:
            return [self._templates_in_alt(raw, start, token)]
        msgid = escape_lookalikes(collapse_space(plain_text(token.children or [])))
        if not msgid or (not _LETTER.search(msgid) and not self.namer.extract_symbols):
            return [raw]
        inner = raw.strip()
        lead, trail = raw[: len(raw) - len(raw.lstrip())], raw[len(raw.rstrip()) :]
        slot = AttrSlot(
            msgid=msgid,
            ref=self.namer.ref("img", msgid) + "@alt",
            raw=inner,
            kind="attribute:alt",
            write=text_writer(inner, alt_writer(inner), _read_alt),
        )
        return [part for part in (lead, slot, trail) if part != ""]

    def _templates_in_alt(self, raw: str, at: int, image: Token) -> Part:
        """The alt text ``raw`` (at ``at``) of ``image`` holding template tokens, that Hugo and Jekyll
        run there: a unit whose tokens are placeholders (see :mod:`.attribute_units`), its text
        between them as it shows where each shows on its own what it shows in the alt text
        (emphasis, code or a link inside it, not around a token), else as written where each is
        plain text on its own (``*The {{< x >}}* bridge``: ``*The <1/>* bridge``); else kept as
        written (a unit would lose them)."""
        tokens = attribute_template_tokens(raw, self.namer.code_shortcodes)
        covered = {at + index for token in tokens for index in range(token.start, token.end)}
        masked = {at + index for index, char in enumerate(self.parsed[at : at + len(raw)]) if char == MASK}
        bounds = [0, *(edge for token in tokens for edge in (token.start, token.end)), len(raw)]
        texts = [raw[start:end] for start, end in zip(bounds[::2], bounds[1::2], strict=True)]
        readings = [_alt_reading(text) for text in texts]
        masks = [MASK * (token.end - token.start) for token in tokens]
        alone = "".join(f"{reading}{mask}" for reading, mask in zip(readings, [*masks, ""], strict=True))
        if not masked <= covered:
            return raw
        if None not in readings and alone == plain_text(image.children or []):
            read = _read_alt
        elif all(not text or plain_inline(text) is not None for text in texts):
            read = _plain_alt  # (emphasis or code around a token: its markers offered as written)
        else:
            return raw  # (a link, a reference: kept as written)
        msgid = escape_lookalikes(collapse_space("".join(read(text) for text in texts)))
        if not _LETTER.search(msgid):
            return raw
        slot = AttrSlot(msgid, self.namer.ref("img", msgid) + "@alt", raw, "attribute:alt")
        unit = attribute_unit(slot, tokens, alt_writer("".join(texts)), read)
        if unit is None or len(unit) != 3 or unit[0] or unit[2]:
            return raw
        text_unit = unit[1]
        if read is _read_alt and isinstance(text_unit, TextSlot):
            text_unit.keep_runs = functools.partial(_alt_texts_kept, text_unit.escape)
        return text_unit

    def _html_attributes(self, piece: Piece, html: str, mapping: ContentMap) -> list[Part] | None:
        """The parts of a raw inline start tag whose ``alt``, ``title``… are units (as in an HTML
        article), or None when it has none (or spans lines: kept as written)."""
        if piece.role == "close" or piece.tag == "comment" or "\n" in html:
            return None
        start, end = mapping(piece.start), mapping(piece.end)
        masked = {at for at, char in enumerate(html) if char == MASK}  # (template tokens)
        written = self.source.raw(start, end)
        if self.parsed[start:end] != html or (written != html and not masked):
            return None
        html = written
        spans = attribute_spans(html)
        wanted = translatable_attributes(
            piece.tag, {name: unquote(html[s:e]) for name, (s, e) in spans}, self.namer.attributes
        )
        found: list[tuple[tuple[int, int], list[Part]]] = []
        for name, (value_start, value_end) in spans:
            if name not in wanted:
                continue
            value = html[value_start:value_end]
            shown = collapse_space(htmllib.unescape(unquote(value)))
            msgid = escape_lookalikes(shown)
            if not _LETTER.search(msgid) and not self.namer.extract_symbols:
                continue
            slot = AttrSlot(
                msgid=msgid,
                ref=self.namer.ref(piece.tag, msgid) + f"@{name}",
                raw=value,
                kind=f"attribute:{name}",
                # (as an HTML article's: its quotes, spaces and references as written; see attribute_writer)
                write=attribute_write_in_markdown(attribute_writer(value, shown), value),
            )
            if masked.intersection(range(value_start, value_end)):
                unit = self._templates_in_value(slot, value_start, masked)
                if unit is None:
                    return None  # (a template token it cannot make a placeholder: the tag kept as written)
                found.append(((value_start, value_end), unit))
            else:
                found.append(((value_start, value_end), [slot]))
        tag = _liquid_href(html) if piece.tag == "a" and masked else None
        if tag is not None:  # (href="{% link en/a.md %}": compile may name the language's file)
            found.append((tag[0], [tag[1]]))
            masked -= set(range(*tag[0]))
        if masked:
            return None  # a template token elsewhere in the tag: kept as written (a unit would lose it)
        link = page_link(html) if piece.tag == "a" and tag is None else None
        if link is not None:  # (/docs/x, b.html: compile may point it at the reader's language, as in HTML)
            found.append((link[0], [link[1]]))
        if not found:
            return None
        return [
            part for item in spliced(html, found) for part in (item if isinstance(item, list) else [item])
        ]

    def _templates_in_value(self, slot: AttrSlot, at: int, masked: set[int]) -> list[Part] | None:
        """The parts of the attribute value ``slot`` (at ``at`` in its tag, whose masked characters
        are ``masked``) holding template tokens: a unit whose tokens are placeholders (see
        :mod:`.attribute_units`), the tokens' characters taken out of ``masked``; None where a masked
        character is no such token's (another template token), or the value has no quotes."""
        tokens = attribute_template_tokens(slot.raw, self.namer.code_shortcodes)
        covered = {at + index for token in tokens for index in range(token.start, token.end)}
        inside = masked.intersection(range(at, at + len(slot.raw)))
        if not inside <= covered:
            return None
        unit = attribute_unit(slot, tokens)
        if unit is None:
            return None
        masked -= inside
        for part in unit:
            if isinstance(part, TextSlot):
                part.escape = attribute_text_escape_in_markdown(part.escape, part.msgid)
        return unit

    # -- atoms

    def _atom(self, piece: Piece) -> Atom:
        raw = self.source.raw(piece.start, piece.end)
        if piece.kind == "text":
            return Atom("text", raw=raw, text=piece.text)
        if piece.kind == "soft":
            return Atom("text", raw=raw, text="\n")
        parts: list[Part] = piece.parts if piece.parts is not None else [raw]
        if piece.template is not None:
            parts = self.namer.template_parts(piece.template)
        if piece.kind in ("open", "close"):
            return Atom(piece.kind, parts=parts, node=piece.node, written=piece.written)
        return Atom(
            "object", parts=parts, node=piece.node or Node(piece.tag, -1, None, {}), shows=piece.shows
        )


def _liquid_href(html: str) -> tuple[tuple[int, int], LinkTarget] | None:
    """The span of the quoted ``href`` value of the start tag ``html`` that is a Liquid tag naming
    a page's or a post's file, and its :class:`LinkTarget` (written back in its quotes); None: none.

    >>> (span, target), html = _liquid_href('<a class="x" href="{% link en/a.md %}">'), '<a href="{{ x }}">'
    >>> span, target.url, target.raw, _liquid_href(html)
    ((18, 38), '{% link en/a.md %}', '"{% link en/a.md %}"', None)
    """
    for name, (start, end) in attribute_spans(html):
        value = html[start:end]
        if name != "href" or len(value) < 2 or value[0] not in "\"'" or value[-1] != value[0]:
            continue
        tag = liquid_link(value[1:-1])
        if tag is not None:
            quote = value[0]
            write = quoted_as_written if quote == '"' else single_quoted_as_written
            return (start, end), LinkTarget(tag.url, value, write)
    return None


def _starts_a_block(template: Template, atom: Atom) -> bool:
    """Whether what ``template`` (read as ``atom``) makes reads otherwise at a line's start than after
    text: the opening of a Hugo shortcode pair whose output is Markdown (``{{% alert %}}…``: its
    ``<div>`` starts an HTML block at a line's start; not a standalone ``{{% param x %}}``), a Liquid
    include (its HTML)."""
    if template.opener == "{{%":
        return atom.kind == "open"
    return template.opener == "{%" and template.name in ("include", "include_relative", "render")


def _expect(content: str, cursor: int, text: str) -> int:
    if not content.startswith(text, cursor):
        raise Misaligned(f"expected {text[:20]!r} at {cursor}")
    return cursor + len(text)


def _span(token: Token, cursor: int) -> tuple[int, int]:
    span = token.meta.get("span") if token.meta else None
    if span is None or span[0] != cursor:
        raise Misaligned(f"{token.type} not at {cursor}")
    return span


def _kramdown_break(content: str, cursor: int, children: list[Token], index: int) -> bool:
    """Whether ``children[index]`` (at ``cursor`` of ``content``) is an escaped backslash right
    before its line's end (``Leave the car\\\\``, the paragraph going on): a line break to kramdown,
    a backslash to CommonMark."""
    return (
        children[index].type == "text_special"
        and content.startswith("\\\\\n", cursor)
        and index + 1 < len(children)
        and children[index + 1].type == "softbreak"
    )


def _line_break(content: str, cursor: int) -> int:
    pos = cursor
    while pos < len(content) and content[pos] in " \t":
        pos += 1
    if content.startswith("\\", pos):
        pos += 1
    if not content.startswith("\n", pos):
        raise Misaligned(f"line break expected at {pos}")
    pos += 1
    while pos < len(content) and content[pos] in " \t":
        pos += 1
    return pos


def _skip_space(content: str, pos: int, end: int) -> int:
    while pos < end and content[pos] in " \t\n":
        pos += 1
    return pos


#: Inline tokens of plain text.
_PLAIN_INLINE = frozenset({"text", "text_special", "softbreak"})


def _alt_texts_kept(escape: Callable[[str], str], text: str) -> Callable[[int, str, str], str]:
    r"""How each text of ``text``, a translation of an alt text holding template tokens whose texts
    show alone what they show in it, is written once ``escape`` wrote it (see
    :attr:`~.document.TextSlot.keep_runs`): so, but where its texts so written (each on its own)
    make emphasis, code or strikethrough across a token, every marker of each escaped (see
    :func:`~.md_escape.escape_alt_markers`): ``*Die <1/> Brücke*`` made emphasis in Hugo, which
    dropped the translator's asterisks from the alt text.

    >>> from transpub.formats.md_escape import escape_markdown_alt
    >>> kept = _alt_texts_kept(escape_markdown_alt, "*Die <1/> Brücke*")
    >>> print(kept(0, "*Die ", "*Die "), kept(1, " Brücke*", " Brücke*"))
    \*Die   Brücke\*
    >>> _alt_texts_kept(escape_markdown_alt, "Preis* <1/> 5 * 3") is _as_escaped
    True
    """
    texts = PLACEHOLDER_RE.split(text)[::4]
    if not any(marker in piece for piece in texts for marker in "*_`~"):
        return _as_escaped
    written = [escape(piece if "&" not in piece else unescape_lookalikes(piece)) for piece in texts]
    alone = sum(map(alt_markup, written))
    # (what a token writes there is not known: a word, a space, punctuation)
    if all(alt_markup(output.join(written)) <= alone for output in ("X", " ", ".")):
        return _as_escaped
    return _markers_escaped


def _as_escaped(number: int, value: str, written: str) -> str:
    """A text of a translation as escaped (see :func:`_alt_texts_kept`)."""
    return written


def _markers_escaped(number: int, value: str, written: str) -> str:
    """A text ``value`` of a translation with every marker escaped (see :func:`_alt_texts_kept`)."""
    return escape_alt_markers(value)


def _read_alt(text: str) -> str:
    """The text the alt text written ``text`` shows (see :func:`_alt_reading`), or ``text`` when it
    is none."""
    reading = _alt_reading(text)
    return text if reading is None else reading


def _plain_alt(text: str) -> str:
    """The text of the plain inline Markdown ``text`` (see :func:`plain_inline`), its escapes and
    entities read, or ``text``: a piece of an alt text between template tokens that emphasis or
    code goes around (its markers, text on their own, offered as written)."""
    return plain_inline(text) or text


#: A line break and the prefixes of its line's containers: quote markers and indentation.
_CONTAINER_PREFIX = re.compile(r"\n[ \t>]*")


def _alt_reading(text: str) -> str | None:
    r"""The text an image's alt text written ``text`` shows (see :func:`plain_text`: its escapes and
    entities read, of emphasis, code and links only their text); None when ``text`` is no alt text
    on its own (it ends the image, or opens a link it does not close).

    >>> _alt_reading("A *big* R&amp;D \\[x\\]"), _alt_reading("a ] b"), _alt_reading("a [b")
    ('A big R&D [x]', None, None)

    An alt text over lines of a quote is read without the quote's markers, which its text as
    written holds:

    >>> _alt_reading("The &amp;\n> > bridge")
    'The & bridge'
    """
    if "\n" in text:  # (a line of inline text never starts with ">": a quote would start there)
        text = _CONTAINER_PREFIX.sub("\n", text)
    tokens = rendering_parser().parseInline(f"![{text}](x)")[0].children or []
    if len(tokens) != 1 or tokens[0].type != "image":
        return None
    return plain_text(tokens[0].children or [])


def plain_inline(text: str) -> str | None:
    """The text of inline Markdown that is plain text (its entities and escapes read), or None when
    it is not: one with code, a link, emphasis or a reference (``[Insiders]``, whose definition
    MkDocs-Material may append at build time), or a block's argument that is no title
    (``div[style='…']`` of pymdownx.blocks' ``html``). For titles and inline footnotes, whose
    translation is written back as plain text.

    >>> plain_inline("Tips &amp; tricks"), plain_inline("See *this*"), plain_inline("[Insiders]")
    ('Tips & tricks', None, None)
    """
    if BRACKETED.search(text):
        return None
    children = rendering_parser().parseInline(text)[0].children or []
    if any(child.type not in _PLAIN_INLINE for child in children):
        return None
    return plain_text(children)


def plain_text(children: list[Token]) -> str:
    """The text of inline tokens as an image's alt text shows it."""
    out: list[str] = []
    for token in children:
        if token.type in ("text", "text_special", "code_inline"):
            out.append(token.content)
        elif token.type == "image":
            out.append(plain_text(token.children or []))
        elif token.type in ("softbreak", "hardbreak"):
            out.append(" ")
    return "".join(out)


#: Inline HTML elements whose content is code: kept as written, as a code span is (not ``<kbd>``:
#: key names are translated, Ctrl is Strg in German).
_CODE_ELEMENTS = frozenset({"code", "samp"})
_KEPT_ELEMENTS = _CODE_ELEMENTS | HIDDEN_ELEMENTS


def _code_elements(pieces: list[Piece], open_before: str = "") -> list[Piece]:
    """``<code>…</code>`` (and ``<samp>``) written as HTML in the Markdown, one object kept
    as written: kramdown (Jekyll) shows their content as written, so a backslash a translation's
    escaping put before ``_config.yml``'s underscore would show. So is a ``<script>…</script>`` or
    ``<style>…</style>`` in a paragraph, its code no part of the unit (its legend shows none). A
    ``<script>`` or ``<style>`` whose end tag is not in the paragraph keeps the rest of it as
    written (the browser reads on to the end tag, in a later paragraph), and a paragraph that
    the end tag of ``open_before`` (the element a previous block left open, see
    :mod:`.md_open_elements`) ends inside keeps what comes before it. Misaligned where emphasis or
    a link crosses the edge of such an object (the paragraph is kept as written, with a warning)."""
    if open_before:
        pieces = _ended_hidden_element(pieces, open_before)
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        index += 1
        if piece.kind != "html" or piece.role != "open" or piece.tag not in _KEPT_ELEMENTS:
            out.append(piece)
            continue
        hidden = piece.tag in HIDDEN_ELEMENTS  # (its content ends at the first end tag, as HTML's)
        end = next(
            (
                at
                for at in range(index, len(pieces))
                if pieces[at].kind == "html"
                and pieces[at].key == piece.key
                and (pieces[at].role == "close" or not hidden)
            ),
            None,
        )
        if end is None and hidden:
            _not_crossed(pieces[index:], piece.tag)
            out.append(Piece("object", piece.start, pieces[-1].end, tag=piece.tag))
            break
        if end is None or pieces[end].role != "close":
            out.append(piece)
            continue
        _not_crossed(pieces[index:end], piece.tag)
        shows = "".join(inner.text if inner.kind == "text" else " " for inner in pieces[index:end])
        shown = collapse_space(shows) if piece.tag in _CODE_ELEMENTS else None
        out.append(Piece("object", piece.start, pieces[end].end, tag=piece.tag, shows=shown))
        index = end + 1
    return out


def _ended_hidden_element(pieces: list[Piece], element: str) -> list[Piece]:
    """``pieces`` with what comes before the first end tag of ``element`` (the ``<script>`` or
    ``<style>`` a previous block opened) as one object, the end tag with it."""
    end = next(
        (
            at
            for at, piece in enumerate(pieces)
            if piece.kind == "html" and piece.role == "close" and piece.tag == element
        ),
        None,
    )
    if end is None:
        return pieces
    _not_crossed(pieces[:end], element)
    return [Piece("object", pieces[0].start, pieces[end].end, tag=element), *pieces[end + 1 :]]


def _not_crossed(inside: list[Piece], tag: str) -> None:
    """Misaligned where emphasis, a link or a paired template token of the pieces ``inside`` an
    element kept as written opens or closes outside it (``*a <script>x*</script>*``): the
    element's object would take one of its ends."""
    depth = 0
    for piece in inside:
        role = piece.role if piece.kind == "template" else piece.kind
        depth += {"open": 1, "close": -1}.get(role, 0)
        if depth < 0:
            break
    if depth:
        raise Misaligned(f"emphasis or a link crosses the edge of a <{tag}>…</{tag}>")


def _shows_its_address(link: Token, children: list[Token], index: int) -> bool:
    """Whether the link opened by ``link`` (``children[index]`` on: what follows it) shows its own
    address as its text, and nothing else (``[https://kompose.io](https://kompose.io)``)."""
    if index + 1 >= len(children) or children[index + 1].type != "link_close":
        return False
    text = children[index]
    if text.type != "text" or "://" not in text.content or link.attrGet("title") is not None:
        return False
    return text.content == link.attrGet("href")


def _shown_href(token: Token) -> str:
    """Where a Markdown link goes, for its placeholder's legend ("" when a template token stands in
    it, as masked: see :meth:`InlineReader._written_destination`)."""
    href = str(token.attrGet("href") or "")
    return "" if "%EE%80%80" in href else href


def _link_opening(pieces: list[Piece]) -> Piece:
    """The piece that opens the link whose closing piece is the last of ``pieces``."""
    depth = 0
    for piece in reversed(pieces[:-1]):
        if piece.tag == "a" and piece.kind == "close":
            depth += 1
        elif piece.tag == "a" and piece.kind == "open":
            if not depth:
                return piece
            depth -= 1
    raise Misaligned("link end without its start")


def _href(start_tag: str) -> str:
    """The ``href`` of a link's start tag as written in HTML ("" when it has none).

    >>> _href('<a title="x" href="/docs/?a=1&amp;b=2">')
    '/docs/?a=1&b=2'
    """
    for name, (start, end) in attribute_spans(start_tag):
        if name == "href":
            return htmllib.unescape(unquote(start_tag[start:end]))
    return ""


def _html_piece(start: int, end: int, html: str) -> Piece:
    closing = _END_TAG.fullmatch(html)
    if closing:
        name = closing.group(1).lower()
        return Piece("html", start, end, tag=name, key=name, role="close")
    opening = _START_TAG.match(html)
    if opening:
        name = opening.group(1).lower()
        if name in VOID or html.endswith("/>"):
            return Piece("object", start, end, tag=name)
        return Piece(
            "html", start, end, tag=name, key=name, role="open", href=_href(html) if name == "a" else ""
        )
    return Piece("object", start, end, tag="comment")


def _merge_spans(
    pieces: list[Piece], spans: list[tuple[int, int, str, Template | None]], source: Source
) -> list[Piece]:
    """Each span that covers only text becomes one piece (a template token, ``{#id}``…); spans
    inside other markup (a code span, a link's destination) are left to it. One pass."""
    first, last = pieces[0].start, pieces[-1].end
    spans = [span for span in spans if span[0] >= first and span[1] <= last and span[1] > span[0]]
    out: list[Piece] = []
    index = 0
    queue = list(pieces)
    position = 0
    collected: list[Piece] = []
    while position < len(queue):
        piece = queue[position]
        while index < len(spans) and spans[index][1] <= piece.start and not collected:
            index += 1
        if index >= len(spans) or piece.end <= spans[index][0]:
            out.append(piece)
            position += 1
            continue
        start, end, tag, template = spans[index]
        inside = start <= piece.start and piece.end <= end
        exact = piece.end - piece.start == len(piece.text)  # its source is its text: it can be cut
        # (``]`` then ``[label]`` on the next line, which markdown-it read as a link: one close, as written)
        label_link = (
            tag == "a]"
            and inside
            and piece.tag == "a"
            and (piece.kind == "open" or (piece.kind == "close" and any(p.kind == "open" for p in collected)))
        )
        if (piece.kind not in ("text", "soft") and not label_link) or not (inside or exact):
            out.extend(collected)  # markup inside the span: the span is not a token of its own here
            collected = []
            index += 1
            continue
        if piece.start < start:
            head, tail = _split(piece, start)
            out.append(head)
            queue[position] = tail
            continue
        if piece.end > end:
            head, tail = _split(piece, end)
            collected.append(head)
            queue[position] = tail
        else:
            collected.append(piece)
            position += 1
        if collected[-1].end == end:
            kind = "template" if template is not None else _SPAN_KINDS.get(tag, "object")
            merged = Piece(kind, start, end, tag=tag if kind == "object" else tag[:-1], template=template)
            if template is not None:
                merged.tag = template.tag
                merged.key = template.pair_key()
                merged.role = "close" if template.closing else "open" if merged.key else ""
                merged.shows = collapse_space(source.raw(start, end))
            out.append(merged)
            collected = []
            index += 1
    out.extend(collected)
    return out


#: Spans that open or close an element (``a[`` and ``a]``: an undefined reference link's ``[`` and
#: ``][label]``); any other span is a standalone object.
_SPAN_KINDS = {"a[": "open", "a]": "close"}


def _split(piece: Piece, at: int) -> tuple[Piece, Piece]:
    offset = at - piece.start
    return (
        Piece("text", piece.start, at, text=piece.text[:offset]),
        Piece("text", at, piece.end, text=piece.text[offset:]),
    )


def _pair(pieces: list[Piece]) -> None:
    """Give paired pieces one node; raw HTML and template tokens pair by name where Markdown's own
    nesting allows, and stand alone otherwise."""
    stack: list[Piece] = []
    for piece in pieces:
        if piece.kind == "open":
            piece.node = Node(piece.tag, -1, None, {"href": piece.href} if piece.href else {})
            stack.append(piece)
        elif piece.kind == "close":
            while stack and stack[-1].kind != "open":
                _standalone(stack.pop())
            if not stack:
                raise Misaligned("unbalanced inline markup")
            piece.node = stack.pop().node
        elif piece.kind in ("html", "template") and piece.role == "open":
            stack.append(piece)
        elif piece.kind in ("html", "template") and piece.role == "close":
            if (
                stack
                and stack[-1].kind == piece.kind
                and stack[-1].key is not None
                and _closes(piece, stack[-1])
            ):
                opener = stack.pop()
                opener.node = piece.node = Node(
                    opener.tag, -1, None, {"href": opener.href} if opener.href else {}
                )
                opener.kind, piece.kind = "open", "close"
            else:
                _standalone(piece)
        elif piece.kind in ("html", "template"):
            _standalone(piece)
    for piece in stack:
        if piece.kind != "open":
            _standalone(piece)


def _closes(closing: Piece, opening: Piece) -> bool:
    if closing.template is not None and opening.template is not None:
        return closing.template.closes(opening.template)
    return closing.key == opening.key


def _standalone(piece: Piece) -> None:
    piece.kind = "object"
    piece.role = ""
