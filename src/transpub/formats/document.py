"""A source article as a list of parts: verbatim source text and slots for translations.

Every format reader (HTML, Markdown, plain text) produces a :class:`Document`. Rendering
with no translations gives back the decoded source exactly; a slot with a translation is
re-built from the translation's text (escaped for the format) and the source's own markup
for each placeholder, so attributes and URLs never come from a translation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import not_
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import PlaceholderMismatch
from ..inline import PLACEHOLDER_RE, placeholder_problem, unescape_lookalikes
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


class Resolution(NamedTuple):
    """What compile decided for one slot: the text to publish (None: the source) and a wrapper
    (a named tuple: a rendering makes one per slot)."""

    text: str | None = None
    before: str = ""
    after: str = ""


Resolver = Callable[[Slot], Resolution]


class Translated:
    """A resolver that publishes each slot's text from ``texts`` (by msgid) and wraps a markable
    text slot without one in ``otherwise`` (any other slot is shown as written): what compile asks
    of a published page. :meth:`Document.render` follows it without a call per slot."""

    __slots__ = ("otherwise", "texts")

    def __init__(self, texts: Mapping[str, str], otherwise: Resolution | None = None) -> None:
        self.texts = texts
        self.otherwise = otherwise or Resolution()

    def __call__(self, slot: Slot) -> Resolution:
        text = self.texts.get(slot.msgid)
        if text is not None:
            return Resolution(text=text)
        if isinstance(slot, TextSlot) and slot.markable:
            return self.otherwise
        return _AS_WRITTEN


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
    #: How it renders, with and without joining sentences (see :meth:`render`).
    _plans: dict[bool, _Plan] = field(default_factory=dict, init=False, repr=False, compare=False)

    def slots(self) -> Iterator[Slot]:
        """Every slot in article order (attribute slots where their tag stands)."""
        if self._slots is None:  # found once: compile asks for them several times per page
            self._walk()
            assert self._slots is not None
        yield from self._slots

    def tags(self) -> Iterator[Tag]:
        """Every start tag compile may rewrite (see :class:`Tag`), in article order."""
        if self._tags is None:
            self._walk()
            assert self._tags is not None
        yield from self._tags

    def _walk(self) -> None:
        """Find its slots and tags (one walk for both: compile asks for each)."""
        slots, tags = _walk_parts(self.parts)
        self._slots, self._tags = tuple(slots), tuple(tags)

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
            self._walk()
            assert self._slots is not None
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
        units: list[Unit] = []
        for msgid, (first, refs, notes) in merged.items():
            unit = _new(Unit)  # (a frozen dataclass's __init__ costs a call per field: filled in place)
            fields = unit.__dict__
            fields["msgid"] = msgid
            fields["refs"] = tuple(refs)
            fields["notes"] = tuple(notes)
            placeholders = getattr(first, "placeholders", ())
            flags = getattr(first, "flags", ())
            fields["placeholders"] = placeholders if placeholders.__class__ is tuple else tuple(placeholders)
            fields["kind"] = first.kind
            fields["flags"] = flags if flags.__class__ is tuple else tuple(flags)
            units.append(unit)
        return units

    def render(
        self,
        resolve: Resolver | None = None,
        inserts: dict[str, str] | None = None,
        format_date: DateFormatter | None = None,
        *,
        join_sentences: bool = False,
        rewrite_url: RewriteUrl | None = None,
        omit: Collection[Tag] = (),
    ) -> str:
        """The article text with each slot resolved (source text where ``resolve`` says None).

        ``inserts`` fills markers by name; ``format_date`` rewrites ``<time datetime>`` content;
        ``join_sentences`` drops the space between two translated sentences (Chinese, Japanese);
        ``rewrite_url`` gives a :class:`LinkTarget`'s new URL (None: as written); the tags in
        ``omit`` are left out (a :class:`Tag`'s ``extra_attributes`` are set on it as it is written).

        The parts are turned once into a plan (verbatim text joined into long strings, the rest as
        steps; one plan with sentences joined, one without), and every rendering follows it:
        compile renders an article once per language.
        """
        plan = self._plans.get(join_sentences)
        if plan is None:
            plan = self._plans[join_sentences] = _Plan(self.parts, join_sentences)
        out: list[str] = []
        resolve = resolve or _as_written
        texts = resolve.texts if isinstance(resolve, Translated) else None
        context = _RenderContext(
            # a gap asks about its neighbours again (a Translated resolver is a lookup: no need)
            _memoized(resolve) if join_sentences and texts is None else resolve,
            inserts or {},
            format_date,
            join_sentences,
            rewrite_url,
            texts,
        )
        plan.run(context, out, {id(tag) for tag in omit})
        return "".join(out)


@dataclass(frozen=True)
class _RenderContext:
    resolve: Resolver
    inserts: dict[str, str]
    format_date: DateFormatter | None
    join_sentences: bool = False
    rewrite_url: RewriteUrl | None = None
    #: The texts of a :class:`Translated` resolver (looked up here, without a call per slot).
    texts: Mapping[str, str] | None = None


def _as_written(slot: Slot) -> Resolution:
    return _AS_WRITTEN


_AS_WRITTEN = Resolution()


def _memoized(resolve: Resolver) -> Resolver:
    cache: dict[int, Resolution] = {}

    def cached(slot: Slot) -> Resolution:
        key = id(slot)
        found = cache.get(key)
        if found is None:
            found = cache[key] = resolve(slot)
        return found

    return cached


def _translated(part: object, ctx: _RenderContext) -> bool:
    if not isinstance(part, TextSlot):
        return False
    text = None if ctx.texts is None else ctx.texts.get(part.msgid)
    if text is None:
        text = ctx.resolve(part).text
    return text is not None and text != part.msgid


# The steps of a plan (a plan is a list of verbatim strings and steps, as tuples starting with these).
_SLOT, _ATTRIBUTE, _TAG, _MARKER, _LINK, _DATE, _GAP, _PIECE = range(8)
Step = tuple  # (kind, part, ...): see _Plan.compile


class _Plan:
    """How to render a list of parts: verbatim text joined, and steps for what depends on the
    rendering (slots, tags that may get attributes or be left out, markers, links that may be
    rewritten, dates that may be written anew, and gaps when sentences may join).
    Building and following a plan use explicit stacks, not recursion: parts may nest deeply."""

    def __init__(self, parts: list[Part], join_sentences: bool) -> None:
        self.join_sentences = join_sentences
        #: The plans of a translation's placeholder pieces, by ``id`` of the source parts they hold.
        self.pieces: dict[int, list] = {}
        self.steps = self.compile(parts)

    def compile(self, parts: list[Part]) -> list:
        """The plan of ``parts``: a list of strings and steps (nested parts get lists of their own)."""
        root: list = []
        # each frame: the parts, the next index, the list being filled, verbatim text not yet added
        stack: list[tuple[list, int, list, list[str]]] = [(parts, 0, root, [])]
        while stack:
            source, index, plan, text = stack.pop()
            while index < len(source):
                part = source[index]
                index += 1
                if isinstance(part, str):
                    if (
                        self.join_sentences
                        and isinstance(part, Gap)
                        and not part.strip()
                        and 1 < index < len(source)
                        and isinstance(source[index - 2], TextSlot)
                        and isinstance(source[index], TextSlot)
                    ):
                        _flush(text, plan)
                        plan.append((_GAP, part, source[index - 2], source[index]))
                    else:
                        text.append(part)
                    continue
                if isinstance(part, DateSlot) and part.style is None:
                    stack.append((source, index, plan, text))  # its content, as written
                    source, index = part.parts, 0
                    continue
                _flush(text, plan)
                if isinstance(part, AttrSlot):
                    plan.append((_ATTRIBUTE, part))
                elif isinstance(part, Marker):
                    plan.append((_MARKER, part.name))
                elif isinstance(part, LinkTarget):
                    plan.append((_LINK, part))
                elif isinstance(part, (TextSlot, Tag, DateSlot)):
                    inner: list = []
                    kind = _SLOT if isinstance(part, TextSlot) else _TAG if isinstance(part, Tag) else _DATE
                    plan.append((kind, part, inner))
                    stack.append((source, index, plan, text))
                    source, index, plan, text = part.parts, 0, inner, []
            _flush(text, plan)
        return root

    def piece_plan(self, piece: list[Part]) -> list:
        """The plan of a placeholder's source parts (made on first use)."""
        found = self.pieces.get(id(piece))
        if found is None:
            found = self.pieces[id(piece)] = self.compile(piece)
        return found

    def run(self, ctx: _RenderContext, out: list[str], omit: set[int]) -> None:
        """Write the rendering to ``out``."""
        resolve = ctx.resolve
        lookup = None if ctx.texts is None else ctx.texts.get
        # each frame: the steps left of the list being followed, the list written to, what ends it
        # (a string to add, or a tag whose attributes are set on what was written)
        stack: list[tuple[Iterator, list[str], str | Tag]] = []
        steps: Iterator = iter(self.steps)
        while True:
            for step in steps:
                if step.__class__ is str:
                    out.append(step)
                    continue
                kind = step[0]
                if kind == _SLOT:
                    slot = step[1]
                    text = None if lookup is None else lookup(slot.msgid)
                    if text is None:
                        text, before, after = resolve(slot)
                    else:  # what the Translated resolver says of it
                        before = after = ""
                    if before:
                        out.append(before)
                    if text is None or text == slot.msgid:
                        inner = step[2]
                        if len(inner) == 1 and inner[0].__class__ is str:  # a sentence as written
                            out.append(inner[0])
                            if after:
                                out.append(after)
                            continue
                        stack.append((steps, out, after))
                        steps = iter(inner)
                        break
                    if "<" not in text and "<" not in slot.msgid and slot.escape_line_start is None:
                        # text only, no placeholder (as translation says, without its plan)
                        out.append(slot.escape(text if "&" not in text else unescape_lookalikes(text)))
                        if after:
                            out.append(after)
                        continue
                    stack.append((steps, out, after))
                    steps = iter(self.translation(slot, text))
                    break
                if kind == _ATTRIBUTE:
                    slot = step[1]
                    text = None if lookup is None else lookup(slot.msgid)
                    if text is None:
                        text = resolve(slot).text
                    out.append(slot.raw if text is None or text == slot.msgid else slot.render_value(text))
                elif kind == _TAG:
                    tag = step[1]
                    if id(tag) in omit:
                        continue
                    if tag.extra_attributes:
                        stack.append((steps, out, tag))
                        out = []
                    else:
                        stack.append((steps, out, ""))
                    steps = iter(step[2])
                    break
                elif kind == _MARKER:
                    out.append(ctx.inserts.get(step[1], ""))
                elif kind == _LINK:
                    target = step[1]
                    new = ctx.rewrite_url(target.url) if ctx.rewrite_url is not None else None
                    out.append(target.raw if new is None or new == target.url else target.write(new))
                elif kind == _DATE:
                    written = ctx.format_date(step[1]) if ctx.format_date is not None else None
                    if written is None:
                        stack.append((steps, out, ""))
                        steps = iter(step[2])
                        break
                    out.append(escape_text(written))
                elif kind == _GAP:
                    if not (_translated(step[2], ctx) and _translated(step[3], ctx)):
                        out.append(step[1])
                else:  # _PIECE: translated text that may start a Markdown line
                    slot, piece = step[1], step[2]
                    escape = slot.escape_line_start if _at_line_start(out) else slot.escape
                    out.append(escape(piece))
            else:
                if not stack:
                    return
                steps, parent, end = stack.pop()
                if isinstance(end, str):
                    if end:
                        parent.append(end)
                else:
                    parent.append(_with_attributes("".join(out), tuple(end.extra_attributes.items())))
                out = parent

    def translation(self, slot: TextSlot, text: str) -> list:
        """The plan of ``slot`` translated as ``text``: its text escaped, each placeholder's source."""
        problem = _placeholder_problem(slot.msgid, text)
        if problem:
            raise PlaceholderMismatch(problem)
        escape, line_start = slot.escape, slot.escape_line_start
        if "<" not in text:  # most sentences: text only, no placeholder
            value = text if "&" not in text else unescape_lookalikes(text)
            return [escape(value) if line_start is None else (_PIECE, slot, value)]
        plan: list = []
        # tokenize's split, without a token object per piece: the text, then (closing slash,
        # number, empty slash, text after) for each placeholder
        split = PLACEHOLDER_RE.split(text)
        pending = split[0]
        for index in range(1, len(split), 4):
            closing, number, empty, after = split[index : index + 4]
            if closing and empty:  # "</1/>" is no placeholder: text, as tokenize says
                pending += f"<{closing}{number}{empty}>{after}"
                continue
            if pending:
                value = pending if "&" not in pending else unescape_lookalikes(pending)
                plan.append(escape(value) if line_start is None else (_PIECE, slot, value))
            pending = after
            piece = slot.pieces.get(int(number))
            if piece is None:  # placeholder_problem lets nothing else through; never a KeyError
                raise PlaceholderMismatch(f"placeholder <{closing}{number}{empty}> is not in the source")
            if isinstance(piece, PairedPieces):
                piece = piece.open if not (closing or empty) else piece.close
            plan.extend(self.piece_plan(piece))
        if pending:
            value = pending if "&" not in pending else unescape_lookalikes(pending)
            plan.append(escape(value) if line_start is None else (_PIECE, slot, value))
        return plan


@functools.lru_cache(
    maxsize=4096
)  # every page sets lang and dir on the same <html> tag, URLs on the same <img>
def _with_attributes(start_tag: str, attributes: tuple[tuple[str, str], ...]) -> str:
    """:func:`set_attributes` of the written ``start_tag`` (remembered: a pure function of both)."""
    return set_attributes(start_tag, dict(attributes))


def _flush(text: list[str], plan: list) -> None:
    """Add the verbatim text gathered so far to ``plan`` as one string."""
    if text:
        plan.append("".join(text))
        text.clear()


@functools.lru_cache(maxsize=16384)  # compile asks first, then the rendering (the same pair)
def _placeholder_problem(msgid: str, text: str) -> str | None:
    return placeholder_problem(msgid, text)


def placeholder_check(msgid: str, text: str) -> str | None:
    """:func:`~transpub.inline.placeholder_problem`, remembered for the pairs a run renders."""
    return _placeholder_problem(msgid, text)


def _walk_parts(parts: list[Part]) -> tuple[list[Slot], list[Tag]]:
    """The slots and the tags in document order (a slot's pieces are among its parts), without
    recursion (documents may nest deeply)."""
    slots: list[Slot] = []
    tags: list[Tag] = []
    add_slot, add_tag = slots.append, tags.append
    stack: list[Iterator[Any]] = [_not_text(parts)]
    while stack:
        for part in stack[-1]:
            kind = type(part)
            if kind is AttrSlot:
                add_slot(part)
            elif kind is TextSlot:
                add_slot(part)
                inner = part.parts
                if len(inner) > 1 or (inner and type(inner[0]) is not str):  # not one source string
                    stack.append(_not_text(inner))
                    break  # its parts first, then the rest of these
            elif kind is Tag:
                add_tag(part)
                stack.append(_not_text(part.parts))
                break
            elif kind is DateSlot:
                stack.append(_not_text(part.parts))
                break
        else:
            stack.pop()
    return slots, tags


def _not_text(parts: list) -> Iterator[Any]:
    """The parts that are not source text, in order (filtered without a Python step per part:
    most parts are text)."""
    return compress(parts, map(not_, map(isinstance, parts, repeat(str))))


_END = object()
_new = object.__new__


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
