"""A source article as a list of parts: verbatim source text and slots for translations.

Every format reader (HTML, Markdown, plain text) produces a :class:`Document`. Rendering
with no translations gives back the decoded source exactly; a slot with a translation is
re-built from the translation's text (escaped for the format) and the source's own markup
for each placeholder, so attributes and URLs never come from a translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import not_
from pathlib import Path

from ..errors import PlaceholderMismatch
from ..inline import placeholder_problem, tokenize, unescape_lookalikes
from ..model import Issue, Placeholder, Unit
from .dates import DateStyle
from .escape import escape_attribute, escape_text
from .html_attributes import set_attributes


@dataclass(eq=False)
class AttrSlot:
    """A translatable attribute value, quotes included in ``raw`` (also a front matter value, a
    shortcode parameter, a Markdown image's alt text or a link's title: see ``write``)."""

    msgid: str
    ref: str
    raw: str
    kind: str
    notes: tuple[str, ...] = ()
    #: How the format writes a translated value, quotes included (None: an HTML attribute value).
    write: Callable[[str], str] | None = None

    def render_value(self, text: str) -> str:
        """The attribute value (with quotes) for a translated ``text``."""
        if self.write is not None:
            return self.write(unescape_lookalikes(text))
        return '"' + escape_attribute(unescape_lookalikes(text)) + '"'


@dataclass(eq=False)
class Tag:
    """Markup that holds translatable attributes, or that compile may rewrite (``<html>``)."""

    parts: list[str | AttrSlot]
    name: str = ""
    extra_attributes: dict[str, str] = field(default_factory=dict)
    #: Attributes holding relative file URLs (``src``, ``srcset``, ``style`` with ``url()``…), unescaped.
    urls: dict[str, str] = field(default_factory=dict)
    line: int | None = None


class Gap(str):
    """Whitespace between two sentences of one paragraph (dropped between translated CJK sentences)."""

    __slots__ = ()


@dataclass(eq=False)
class Marker:
    """A zero-width place where compile may insert markup (``head-end``, ``body-start``)."""

    name: str


@dataclass(eq=False)
class LinkTarget:
    """A link destination that compile may rewrite per language (``/docs/`` → ``/es/docs/``).

    ``url`` is the destination as the link means it (unescaped), ``raw`` its source text as written
    (rendered when nothing is rewritten), and ``write`` gives the source text of another URL in
    this format (quoted and escaped as the format needs).
    """

    url: str
    raw: str
    write: Callable[[str], str]


@dataclass(eq=False)
class DateSlot:
    """The content of a ``<time datetime>`` that shows exactly its value: written anew in each locale."""

    value: str
    parts: list[Part]
    style: DateStyle | None = None


@dataclass(eq=False)
class PairedPieces:
    """The source markup a paired placeholder stands for."""

    open: list[Part]
    close: list[Part]


@dataclass(eq=False)
class TextSlot:
    """A translatable run of text, with its placeholders' source markup."""

    msgid: str
    ref: str
    parts: list[Part]
    placeholders: tuple[Placeholder, ...] = ()
    pieces: dict[int, PairedPieces | list[Part]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    kind: str = "text"
    flags: tuple[str, ...] = ()
    markable: bool = True
    escape: Callable[[str], str] = field(default=lambda s: s)
    #: How a piece of translated text that starts a line is escaped (Markdown: ``#``, ``>``, ``1.``…
    #: would start a block there); None: like any other piece.
    escape_line_start: Callable[[str], str] | None = None


Part = str | TextSlot | AttrSlot | Tag | Marker | DateSlot | LinkTarget
Slot = TextSlot | AttrSlot


@dataclass(frozen=True)
class Resolution:
    """What compile decided for one slot: the text to publish (None: the source) and a wrapper."""

    text: str | None = None
    before: str = ""
    after: str = ""


Resolver = Callable[[Slot], Resolution]
DateFormatter = Callable[["DateSlot"], "str | None"]
#: A link's new URL, or None to keep it as written (see :class:`LinkTarget`).
RewriteUrl = Callable[[str], "str | None"]


@dataclass(eq=False)
class Document:
    """A decoded article: its parts in source order, and what it is."""

    path: Path
    format: str
    encoding: str
    parts: list[Part]
    source_locale: str
    html_tag: Tag | None = None
    charset_tag: Tag | None = None
    #: Things the reader kept as written but a user should know (an unreadable ``<time datetime>``).
    warnings: list[Issue] = field(default_factory=list)
    #: The text of its ``<title>`` as written (for indexes, when the title is not for translation).
    title: str | None = None
    #: When it was published (``YYYY-MM-DD…`` as the article writes it), if it says.
    published: str | None = None
    #: The article sets its own ``<base href>``: its relative URLs do not resolve from its file.
    has_base: bool = False
    depth: int = 0  # how deep its elements nest (for information: rendering does not recurse on it)
    #: Its slots and tags, found on first use (its parts do not change once it is read).
    _slots: tuple[Slot, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _tags: tuple[Tag, ...] | None = field(default=None, init=False, repr=False, compare=False)

    def slots(self) -> Iterator[Slot]:
        """Every slot in article order (attribute slots where their tag stands)."""
        if self._slots is None:  # found once: compile asks for them several times per page
            self._slots = tuple(_walk_slots(self.parts))
        yield from self._slots

    def tags(self) -> Iterator[Tag]:
        """Every start tag compile may rewrite (see :class:`Tag`), in article order."""
        if self._tags is None:
            self._tags = tuple(_walk_tags(self.parts))
        yield from self._tags

    def asset_tags(self) -> Iterator[Tag]:
        """The start tags holding relative file URLs, in article order."""
        yield from (tag for tag in self.tags() if tag.urls)

    def link_targets(self) -> Iterator[LinkTarget]:
        """Every link destination compile may rewrite, in article order (inside units too)."""
        stack: list[Iterator[object]] = [iter(self.parts)]
        while stack:
            part = next(stack[-1], _END)
            if part is _END:
                stack.pop()
            elif isinstance(part, LinkTarget):
                yield part
            elif isinstance(part, (Tag, TextSlot, DateSlot)):
                stack.append(iter(part.parts))

    def units(self, relpath: str | None = None) -> list[Unit]:
        """The document's translatable units, one per distinct msgid, refs merged, in order."""
        if self._slots is None:
            self._slots = tuple(_walk_slots(self.parts))
        # msgid -> (first slot, refs, notes); dicts as ordered sets: a text repeated n times costs n, not n²
        merged: dict[str, tuple[Slot, dict[str, None], dict[str, None]]] = {}
        prefix = f"{relpath}#" if relpath else ""
        for slot in self._slots:
            entry = merged.get(slot.msgid)
            if entry is None:
                entry = merged[slot.msgid] = (slot, {}, {})
            entry[1][prefix + slot.ref] = None
            if slot.notes:
                entry[2].update(dict.fromkeys(slot.notes))
        return [
            Unit(
                msgid=msgid,
                refs=tuple(refs),
                notes=tuple(notes),
                placeholders=tuple(getattr(first, "placeholders", ())),
                kind=first.kind,
                flags=tuple(getattr(first, "flags", ())),
            )
            for msgid, (first, refs, notes) in merged.items()
        ]

    def render(
        self,
        resolve: Resolver | None = None,
        inserts: dict[str, str] | None = None,
        format_date: DateFormatter | None = None,
        *,
        join_sentences: bool = False,
        rewrite_url: RewriteUrl | None = None,
    ) -> str:
        """The article text with each slot resolved (source text where ``resolve`` says None).

        ``inserts`` fills markers by name; ``format_date`` rewrites ``<time datetime>`` content;
        ``join_sentences`` drops the space between two translated sentences (Chinese, Japanese);
        ``rewrite_url`` gives a :class:`LinkTarget`'s new URL (None: as written).
        """
        out: list[str] = []
        context = _RenderContext(
            _memoized(resolve or (lambda slot: Resolution())),
            inserts or {},
            format_date,
            join_sentences,
            rewrite_url,
        )
        _render_parts(self.parts, context, out)
        return "".join(out)


@dataclass(frozen=True)
class _RenderContext:
    resolve: Resolver
    inserts: dict[str, str]
    format_date: DateFormatter | None
    join_sentences: bool = False
    rewrite_url: RewriteUrl | None = None


def _memoized(resolve: Resolver) -> Resolver:
    cache: dict[int, Resolution] = {}

    def cached(slot: Slot) -> Resolution:
        key = id(slot)
        if key not in cache:
            cache[key] = resolve(slot)
        return cache[key]

    return cached


def _translated(part: object, ctx: _RenderContext) -> bool:
    if not isinstance(part, TextSlot):
        return False
    text = ctx.resolve(part).text
    return text is not None and text != part.msgid


def _walk_slots(parts: list[Part]) -> list[Slot]:
    """Slots in document order, without recursion (documents may nest deeply)."""
    found: list[Slot] = []
    stack: list[Iterator[object]] = [_not_text(parts)]
    while stack:
        for part in stack[-1]:
            if isinstance(part, AttrSlot):
                found.append(part)
            elif isinstance(part, (TextSlot, Tag, DateSlot)):
                if isinstance(part, TextSlot):
                    found.append(part)
                stack.append(_not_text(part.parts))
                break  # its parts first, then the rest of these
        else:
            stack.pop()
    return found


def _not_text(parts: list) -> Iterator[object]:
    """The parts that are not source text, in order (filtered without a Python step per part:
    most parts are text)."""
    return compress(parts, map(not_, map(isinstance, parts, repeat(str))))


_END = object()


def _walk_tags(parts: list) -> Iterator[Tag]:
    """Every Tag in document order, without recursion (a slot's pieces are among its parts)."""
    stack: list[Iterator[object]] = [iter(parts)]
    while stack:
        part = next(stack[-1], _END)
        if part is _END:
            stack.pop()
            continue
        if isinstance(part, Tag):
            yield part
        if isinstance(part, (Tag, TextSlot, DateSlot)):
            stack.append(iter(part.parts))


@dataclass(slots=True, eq=False)
class _Frame:
    """Parts being rendered into ``out`` (or, with ``slot``, the pieces of its translation:
    text to escape, or source parts); ``after`` is written once they are all done."""

    parts: list
    out: list[str]
    after: str | Callable[[], None] = ""
    slot: TextSlot | None = None
    index: int = 0


def _render_parts(parts: list[Part], ctx: _RenderContext, out: list[str]) -> None:
    """Write ``parts`` to ``out``; nested parts (tags, slots, dates, a translation's pieces) go on a
    stack of frames, not into recursion, so no nesting of parts can exhaust Python's stack."""
    frames = [_Frame(parts, out)]
    while frames:
        frame = frames[-1]
        if frame.index == len(frame.parts):
            frames.pop()
            if callable(frame.after):
                frame.after()
            elif frame.after:
                frame.out.append(frame.after)
            continue
        index = frame.index
        frame.index += 1
        part = frame.parts[index]
        out = frame.out
        if frame.slot is not None:  # a translation: its text, or the source of a placeholder
            if isinstance(part, str):
                slot = frame.slot
                escape = slot.escape
                if slot.escape_line_start is not None and _at_line_start(out):
                    escape = slot.escape_line_start
                out.append(escape(unescape_lookalikes(part)))
            else:
                frames.append(_Frame(part, out))
            continue
        parts = frame.parts
        if isinstance(part, Gap):
            if part.strip() or not (
                ctx.join_sentences
                and 0 < index < len(parts) - 1
                and _translated(parts[index - 1], ctx)
                and _translated(parts[index + 1], ctx)
            ):
                out.append(part)
        elif isinstance(part, str):
            out.append(part)
        elif isinstance(part, TextSlot):
            frames.append(_text_slot_frame(part, ctx, out))
        elif isinstance(part, AttrSlot):
            resolution = ctx.resolve(part)
            out.append(
                part.raw
                if resolution.text is None or resolution.text == part.msgid
                else part.render_value(resolution.text)
            )
        elif isinstance(part, Tag):
            frames.append(_tag_frame(part, out))
        elif isinstance(part, Marker):
            out.append(ctx.inserts.get(part.name, ""))
        elif isinstance(part, LinkTarget):
            new = ctx.rewrite_url(part.url) if ctx.rewrite_url is not None else None
            out.append(part.raw if new is None or new == part.url else part.write(new))
        elif isinstance(part, DateSlot):
            written = ctx.format_date(part) if ctx.format_date and part.style is not None else None
            if written is None:
                frames.append(_Frame(part.parts, out))
            else:
                out.append(escape_text(written))


def _tag_frame(tag: Tag, out: list[str]) -> _Frame:
    """The frame rendering ``tag``: into ``out``, or, with attributes to set, into a buffer of its own."""
    if not tag.extra_attributes:
        return _Frame(tag.parts, out)
    inner: list[str] = []
    return _Frame(
        tag.parts, inner, after=lambda: out.append(set_attributes("".join(inner), tag.extra_attributes))
    )


def _text_slot_frame(slot: TextSlot, ctx: _RenderContext, out: list[str]) -> _Frame:
    """The frame rendering ``slot``: its source, or its translation with each placeholder's source."""
    resolution = ctx.resolve(slot)
    out.append(resolution.before)
    if resolution.text is None or resolution.text == slot.msgid:
        return _Frame(slot.parts, out, after=resolution.after)
    problem = placeholder_problem(slot.msgid, resolution.text)
    if problem:
        raise PlaceholderMismatch(problem)
    pieces: list[str | list[Part]] = []
    for token in tokenize(resolution.text):
        if token.kind == "text":
            pieces.append(token.value)
            continue
        piece = slot.pieces.get(token.number)
        if piece is None:  # placeholder_problem lets nothing else through; never a KeyError
            raise PlaceholderMismatch(f"placeholder {token.value} is not in the source")
        if isinstance(piece, PairedPieces):
            pieces.append(piece.open if token.kind == "open" else piece.close)
        else:
            pieces.append(piece)
    return _Frame(pieces, out, after=resolution.after, slot=slot)


#: What may stand before text at the start of a Markdown line: quote markers, a list marker, a task
#: box, a definition marker.
_LINE_PREFIX = re.compile(r"[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\][ \t]+)?(?::[ \t]+)?")


def _at_line_start(out: list[str]) -> bool:
    """Whether what is written next starts a line (after nothing but container prefixes)."""
    tail: list[str] = []
    length = 0
    for piece in reversed(out):
        cut = piece.rfind("\n")
        tail.append(piece[cut + 1 :])
        length += len(tail[-1])
        if cut >= 0 or length > 80:
            break
    if length > 80:
        return False
    return _LINE_PREFIX.fullmatch("".join(reversed(tail))) is not None
