r"""Runs of inline content cut into sentence units: the part of reading every format shares.

A reader turns a run of inline content (a paragraph, a heading, a list item) into :class:`Atom`\ s —
text with its source, and the open, close and standalone markup around it — and
:class:`RunSlots` cuts them into sentences (:mod:`..segment`), numbers the placeholders, writes
the paragraph notes and makes the :class:`TextSlot`\ s. Only the source text of each atom and
its element's name are format-specific.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import chain
from typing import Protocol

from ..inline import MAX_PLACEHOLDERS, escape_lookalikes, strip_placeholders
from ..model import EMAIL_ADDRESS, PARAGRAPH_NOTE, Placeholder
from ..segment import split_sentences
from .context_notes import CUT, head_words, tail_words
from .document import AttrSlot, DateSlot, Gap, PairedPieces, Part, Tag, TextSlot, Unseen
from .html_tree import VOID, Node
from .options import ReadOptions

_WS = re.compile(r"[ \t\n\r\f]+")
_ENTITY_PIECE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)|[^&]+|&")
OBJECT = "\ufffc"


@dataclass(slots=True)
class Atom:
    """One piece of a run: text (its source and what it reads), or markup that opens, closes or stands alone."""

    kind: str  # text, open, close, object
    raw: str = ""
    text: str = ""
    parts: list = field(default_factory=list)  # open/close/object: source parts
    node: Node | None = None
    number: int = 0
    #: What a reader sees of a standalone element, when its parts do not say (None: read from the parts).
    shows: str | None = None
    #: Its source as a translation writes it, when not ``parts``: a closing Markdown reference link
    #: ``[text][]`` whose label is its text (``[Texto][text]``), a template token that must start a
    #: line (its line break first, see :class:`~transpub.formats.document.LineStart`).
    written: list | None = None


class RunContext(Protocol):
    """What a run inherits from its block: notes, kind, whether whitespace is kept, whether it may be wrapped."""

    @property
    def notes(self) -> tuple[str, ...]: ...
    @property
    def preformatted(self) -> bool: ...
    @property
    def markable(self) -> bool: ...
    @property
    def kind(self) -> str: ...


class RunSlots:
    """Cuts runs of atoms into sentence slots; a reader subclasses it and names slots (``slot_ref``)."""

    options: ReadOptions

    def slot_ref(self, ctx: RunContext) -> str:
        """The reference of the block a run of ``ctx`` belongs to."""
        raise NotImplementedError

    def slot_escape(self, ctx: RunContext) -> Callable[[str], str]:
        """How translated text is escaped in a run of ``ctx``."""
        raise NotImplementedError

    def slot_escape_line_start(self, ctx: RunContext) -> Callable[[str], str] | None:
        """How translated text that starts a line is escaped (None: as any other)."""
        return None

    def _shared(self, ctx: RunContext) -> _Shared:
        """What every slot of a run of ``ctx`` shares (worked out once: its block's reference is the same)."""
        preformatted = ctx.preformatted
        return (
            self.slot_ref(ctx),
            ctx.notes,
            ctx.kind,
            ("no-wrap",) if preformatted else (),
            ctx.markable,
            self.slot_escape(ctx),
            self.slot_escape_line_start(ctx),
            preformatted,
        )

    def escape_keeping(self, escape: Callable[[str], str], written: str) -> Callable[[str], str]:
        """``escape``, for a run whose text as written holds the character references in ``written``:
        one that writes their characters as the source does (an HTML reader's; else ``escape``)."""
        return escape

    def _keeping_references(self, shared: _Shared, texts: list[str]) -> _Shared:
        """``shared`` with :meth:`escape_keeping` the references (and ``>``) of a run's ``texts`` as written."""
        written = "".join([text for text in texts if "&" in text or ">" in text])
        escape = self.escape_keeping(shared[5], written) if written else shared[5]
        return shared if escape is shared[5] else (*shared[:5], escape, *shared[6:])

    def emit_sentences(self, atoms: list[Atom], ctx: RunContext, out: list[Part]) -> None:
        groups = self.cut(atoms, ctx)
        texts = [a.raw for a in atoms if a.kind == "text" and a.raw.__class__ is not Unseen]
        shared = self._keeping_references(self._shared(ctx), texts)
        if len(groups) == 1:  # one sentence (most runs): no gaps, no paragraph note
            self.emit_slot(self.make_slot(atoms, shared, ()), out)
            return
        notes = iter(_paragraph_notes(atoms, [group for kind, group in groups if kind == "unit"]))
        for kind, group in groups:
            if kind != "gap":
                self.emit_slot(self.make_slot(group, shared, next(notes)), out)
            elif len(group) == 1 and group[0].kind == "text":  # a space between sentences (most gaps)
                out.append(Gap(group[0].raw))
            elif all(a.kind == "text" for a in group):
                out.append(Gap("".join(a.raw for a in group)))
            else:  # a line break between two sentences stays between them
                for atom in group:
                    if atom.kind == "text":
                        out.append(Gap(atom.raw))
                    else:
                        out.extend(atom.parts)

    def emit_flat_run(
        self, entries: list[FlatEntry], flat: str, marked: bool, ctx: RunContext, out: list[Part]
    ) -> None:
        """Emit a flat run as :meth:`emit_sentences` emits its atoms, in one pass and without
        :class:`Atom` objects: each sentence's slot is made as the pass reaches its end.

        ``entries`` are :data:`FlatEntry` items (text, start tags and end tags) in source order, each open followed by text only and then its close (no element
        inside another, no standalone one); ``flat`` is their texts joined; ``marked`` says whether
        any entry is a tag.
        """
        preformatted = ctx.preformatted
        texts = [raw for kind, raw, _, _ in entries if kind == TEXT and isinstance(raw, str)]
        shared = self._keeping_references(self._shared(ctx), texts)
        # Look-alikes of placeholders are escaped only in text that may hold one (most text does not).
        escaping = "<" in flat or "&" in flat
        cuts: list[tuple[int, int]] = []
        if not preformatted and self.options.segmentation != "paragraph" and _may_have_two_sentences(flat):
            spans = split_sentences(flat, self.options.source_locale)
            if len(spans) > 1:
                cuts = [(end, start) for (_, end), (start, _) in zip(spans, spans[1:])]
                if marked:
                    cuts = _cuts_outside_elements(entries, cuts)
        if not cuts:  # one sentence (most runs)
            if not marked:
                msgid = escape_lookalikes(flat) if escaping else flat
                self._emit_sentence(msgid, [entry[1] for entry in entries], (), {}, shared, (), out)
            else:
                self._emit_flat_sentences(entries, [], escaping, shared, [()], out)
            return
        bounds = [0]
        for end, start in cuts:
            bounds.append(end)
            bounds.append(start)
        bounds.append(len(flat))
        count = len(cuts) + 1
        notes = _notes(count, flat, lambda: [flat[bounds[2 * i] : bounds[2 * i + 1]] for i in range(count)])
        if len(entries) == 1 and entries[0][1] == flat:  # text alone, as written (no entity): sliced
            for index in range(count):
                text = flat[bounds[2 * index] : bounds[2 * index + 1]]
                msgid = escape_lookalikes(text) if escaping else text
                self._emit_sentence(msgid, [text], (), {}, shared, notes[index], out)
                if index < len(cuts):
                    out.append(Gap(flat[bounds[2 * index + 1] : bounds[2 * index + 2]]))
            return
        self._emit_flat_sentences(entries, cuts, escaping, shared, notes, out)

    def emit_flat_source(self, flat: str, marks: list[FlatMark], ctx: RunContext, out: list[Part]) -> None:
        """Emit a flat run whose text reads as it is written (no character reference in it) as
        :meth:`emit_flat_run` emits it: ``flat`` is its text, ``marks`` its tags in order (each open
        followed by its close: no element inside another, none standalone). Each sentence is a slice
        of ``flat`` with the marks that fall in it; the gaps are the slices between."""
        shared = self._shared(ctx) if ">" not in flat else self._keeping_references(self._shared(ctx), [flat])
        bounds = [0, len(flat)]  # sentence i is flat[bounds[2i]:bounds[2i + 1]]
        if (
            not ctx.preformatted
            and self.options.segmentation != "paragraph"
            and _may_have_two_sentences(flat)
        ):
            spans = split_sentences(flat, self.options.source_locale)
            if len(spans) > 1:
                cuts = [(end, start) for (_, end), (start, _) in zip(spans, spans[1:])]
                if marks:
                    cuts = _cuts_outside(_elements_of(marks), cuts)
                bounds = [0, *chain.from_iterable(cuts), len(flat)]
        count = len(bounds) // 2
        notes = _notes(count, flat, lambda: [flat[bounds[2 * i] : bounds[2 * i + 1]] for i in range(count)])
        escaping = "<" in flat  # (look-alikes of placeholders: most text holds none)
        at = 0  # the next mark
        last = count - 1
        for index in range(count):
            start = bounds[2 * index]
            end = bounds[2 * index + 1]
            if at == len(marks) or (index < last and not _in_sentence(marks[at], end)):
                text = flat[start:end]
                msgid = escape_lookalikes(text) if escaping else text
                self._emit_sentence(msgid, [text], (), {}, shared, notes[index], out)
            else:
                at = self._emit_marked_sentence(
                    flat, (start, end), marks, at, index == last, escaping, shared, notes[index], out
                )
            if index < last:
                out.append(Gap(flat[end : bounds[2 * index + 2]]))

    def _emit_marked_sentence(
        self,
        flat: str,
        span: tuple[int, int],
        marks: list[FlatMark],
        at: int,
        last: bool,
        escaping: bool,
        shared: _Shared,
        note: tuple[str, ...],
        out: list[Part],
    ) -> int:
        """Emit the sentence ``flat[start:end]`` (``span``) of :meth:`emit_flat_source` with its marks
        from ``marks[at]`` on (the ``last`` one takes all that are left); return the index of the
        first mark after it."""
        start, end = span
        parts: list[Part] = []
        words: list[str] = []
        placeholders: list[Placeholder] = []
        pieces: dict[int, PairedPieces | list[Part]] = {}
        opened: PairedPieces | None = None
        pos = start
        while at < len(marks) and (last or _in_sentence(marks[at], end)):
            where, kind, source, tag, href = marks[at]
            at += 1
            if where > pos:
                text = flat[pos:where]
                parts.append(text)
                words.append(escape_lookalikes(text) if escaping else text)
                pos = where
            parts.append(source)
            opened = _add_mark(kind == OPEN, source, tag, href, words, placeholders, pieces, opened)
        if end > pos:
            text = flat[pos:end]
            parts.append(text)
            words.append(escape_lookalikes(text) if escaping else text)
        self._emit_sentence("".join(words), parts, tuple(placeholders), pieces, shared, note, out)
        return at

    def _emit_sentence(
        self,
        msgid: str,
        parts: list[Part],
        placeholders: tuple[Placeholder, ...],
        pieces: dict[int, PairedPieces | list[Part]],
        shared: _Shared,
        note: tuple[str, ...],
        out: list[Part],
    ) -> None:
        """Emit the slot of one sentence of a flat run (see :meth:`_sentence_slot` and :meth:`emit_slot`)."""
        self.emit_slot(self._sentence_slot(msgid, parts, placeholders, pieces, shared, note), out)

    def _emit_flat_sentences(
        self,
        entries: list[FlatEntry],
        cuts: list[tuple[int, int]],
        escaping: bool,
        shared: _Shared,
        notes: list[tuple[str, ...]],
        out: list[Part],
    ) -> None:
        """Emit the sentences of a flat run cut at ``cuts`` (none: one sentence), cutting its entries
        as :meth:`split_atoms` cuts atoms, with the gaps between them."""
        count = len(cuts)
        cut_index = 0
        end, start = cuts[0] if cuts else (0, 0)
        in_gap = False
        pos = 0
        # the sentence being read: its parts, its msgid's pieces (text unescaped yet, from
        # ``run_from`` on), placeholders, their markup (``opened``: the last element opened)
        parts: list[Part] = []
        words: list[str] = []
        placeholders: list[Placeholder] = []
        pieces: dict[int, PairedPieces | list[Part]] = {}
        opened: PairedPieces | None = None
        run_from = 0
        gap: list = []  # the source between two sentences (a tag as a 1-tuple)
        for kind, source, text, href in entries:
            if kind != TEXT:
                while cut_index < count:
                    if not in_gap:
                        if pos < end or (pos == end and kind == CLOSE):
                            break
                        in_gap = True
                    if pos < start:
                        break
                    self._emit_flat_unit(
                        words, run_from, escaping, parts, placeholders, pieces, shared, notes[cut_index], out
                    )
                    _emit_gap(gap, out)
                    parts, words, placeholders, pieces, run_from, gap, in_gap = [], [], [], {}, 0, [], False
                    cut_index += 1
                    if cut_index < count:
                        end, start = cuts[cut_index]
                if in_gap:
                    gap.append((source,))
                    continue
                if escaping and len(words) > run_from:
                    words[run_from:] = [escape_lookalikes("".join(words[run_from:]))]
                parts.append(source)
                opened = _add_mark(kind == OPEN, source, text, href, words, placeholders, pieces, opened)
                run_from = len(words)
                continue
            size = len(text)
            if cut_index >= count or (start if in_gap else end) - pos >= size:
                if in_gap:
                    gap.append(source)
                else:
                    parts.append(source)
                    words.append(text)
                pos += size
                continue
            raw_cutter = _RawCutter(source, text) if source != text else None  # type: ignore[arg-type]
            done = 0
            while done < size:
                if cut_index < count:
                    k = (start if in_gap else end) - pos
                if cut_index >= count or k >= size:
                    if done:
                        piece = text[done:]
                        raw = piece if raw_cutter is None else raw_cutter.rest()
                    else:
                        piece, raw = text, source  # type: ignore[assignment]
                    if in_gap:
                        gap.append(raw)
                    else:
                        parts.append(raw)
                        words.append(piece)
                    break
                if k > done:
                    piece = text[done:k]
                    raw = piece if raw_cutter is None else raw_cutter.take(k)
                    if in_gap:
                        gap.append(raw)
                    else:
                        parts.append(raw)
                        words.append(piece)
                    done = k
                if in_gap:
                    self._emit_flat_unit(
                        words, run_from, escaping, parts, placeholders, pieces, shared, notes[cut_index], out
                    )
                    _emit_gap(gap, out)
                    parts, words, placeholders, pieces, run_from, gap, in_gap = [], [], [], {}, 0, [], False
                    cut_index += 1
                    if cut_index < count:
                        end, start = cuts[cut_index]
                else:
                    in_gap = True
            pos += size
        if in_gap or parts:
            self._emit_flat_unit(
                words, run_from, escaping, parts, placeholders, pieces, shared, notes[cut_index], out
            )
            if gap:
                _emit_gap(gap, out)

    def _emit_flat_unit(
        self,
        words: list[str],
        run_from: int,
        escaping: bool,
        parts: list[Part],
        placeholders: list[Placeholder],
        pieces: dict[int, PairedPieces | list[Part]],
        shared: _Shared,
        note: tuple[str, ...],
        out: list[Part],
    ) -> None:
        """Emit one sentence of a flat run (``words``: its msgid's pieces, text from ``run_from`` on
        not escaped yet)."""
        if escaping and len(words) > run_from:
            words[run_from:] = [escape_lookalikes("".join(words[run_from:]))]
        msgid = words[0] if len(words) == 1 else "".join(words)
        self._emit_sentence(msgid, parts, tuple(placeholders), pieces, shared, note, out)

    @staticmethod
    def _sentence_slot(
        msgid: str,
        parts: list[Part],
        placeholders: tuple[Placeholder, ...],
        pieces: dict[int, PairedPieces | list[Part]],
        shared: _Shared,
        context_note: tuple[str, ...],
    ) -> TextSlot:
        """The slot of one sentence (a flat run's, or :meth:`make_slot`'s): its msgid's spaces collapsed
        unless it is preformatted."""
        ref, notes, kind, flags, markable, escape, escape_line_start, preformatted = shared
        return TextSlot(
            msgid if preformatted else collapse_space(msgid),
            ref,
            parts,
            placeholders,
            pieces,
            notes + context_note,
            kind,
            flags,
            markable,
            escape,
            escape_line_start,
        )

    def emit_slot(self, slot: TextSlot, out: list[Part]) -> None:
        """Append ``slot``, or its source when it holds nothing for a translator (or more markup
        than placeholders can number)."""
        if self.for_translators(slot.msgid) and len(slot.placeholders) <= MAX_PLACEHOLDERS:
            out.append(slot)
        else:
            out.extend(slot.parts)

    def for_translators(self, msgid: str) -> bool:
        """False for a unit with no letters, or one that is only a URL or an e-mail address."""
        return offered(msgid, self.options)

    def cut(self, atoms: list[Atom], ctx: RunContext) -> list[tuple[str, list[Atom]]]:
        """Group atoms into sentence units and the whitespace gaps between them."""
        if ctx.preformatted or self.options.segmentation == "paragraph":
            return [("unit", atoms)]
        if len(atoms) == 1 and atoms[0].kind == "text":  # text without markup: many runs
            flat = atoms[0].text
            positions = [0]
        else:
            flat_parts: list[str] = []
            positions = []
            pos = 0
            for atom in atoms:
                positions.append(pos)
                kind = atom.kind
                if kind == "text":
                    piece = atom.text
                elif kind == "object":  # a line break reads as one: "Read now.<br>Next." is two sentences
                    piece = "\n" if atom.node is not None and atom.node.tag == "br" else OBJECT
                else:
                    continue  # open and close read as nothing
                flat_parts.append(piece)
                pos += len(piece)
            flat = "".join(flat_parts)
        if not _may_have_two_sentences(flat):
            return [("unit", atoms)]
        spans = split_sentences(flat, self.options.source_locale)
        if len(spans) <= 1:
            return [("unit", atoms)]
        # Boundaries (end of one sentence, start of the next) where no tag pair is open.
        gaps = [(end, start) for (_, end), (start, _) in zip(spans, spans[1:])]
        cuts = [gap for gap, depth in zip(gaps, self.depths_at(atoms, positions, gaps)) if depth == 0]
        if not cuts:
            return [("unit", atoms)]
        return self.split_atoms(atoms, positions, cuts)

    @staticmethod
    def depths_at(atoms: list[Atom], positions: list[int], gaps: list[tuple[int, int]]) -> list[int]:
        """For each gap ``end..start`` (in order), the tag pairs open across it; -1 when a tag stands
        inside it. One sweep over the atoms: the depth before a gap carries over to the next."""
        depths: list[int] = []
        index = 0
        before = 0  # the depth of the atoms before ``index``
        for end, start in gaps:
            while index < len(atoms) and positions[index] < end:
                kind = atoms[index].kind
                before += 1 if kind == "open" else -1 if kind == "close" else 0
                index += 1
            depths.append(RunSlots.depth_from(atoms, positions, index, before, end, start))
        return depths

    @staticmethod
    def depth_from(
        atoms: list[Atom], positions: list[int], index: int, depth: int, end: int, start: int
    ) -> int:
        """The depth across the gap ``end..start`` given ``depth`` before ``atoms[index:]``."""
        for at in range(index, len(atoms)):  # an index, not a slice: a copy per gap would cost n²
            atom, pos = atoms[at], positions[at]
            if atom.kind == "open":
                if pos < end:
                    depth += 1
                elif pos < start:
                    return -1
                else:
                    break
            elif atom.kind == "close":
                if pos <= end:
                    depth -= 1
                elif pos < start:
                    return -1
                else:
                    break
            elif pos >= start:
                break
        return depth

    @staticmethod
    def split_atoms(
        atoms: list[Atom], positions: list[int], cuts: list[tuple[int, int]]
    ) -> list[tuple[str, list[Atom]]]:
        """Cut the atoms at each ``(end, start)`` boundary; text atoms are split where needed."""
        groups: list[tuple[str, list[Atom]]] = []
        current: list[Atom] = []
        gap: list[Atom] = []
        count = len(cuts)
        cut_index = 0
        end, start = cuts[0]  # the boundary at ``cut_index`` (kept in step with it)
        in_gap = False
        for atom, pos in zip(atoms, positions):
            kind = atom.kind
            if kind != "text":
                while cut_index < count:
                    if not in_gap:
                        if pos < end or (pos == end and kind == "close"):
                            break
                        in_gap = True
                    if pos < start:
                        break
                    groups.append(("unit", current))  # the sentence ends
                    groups.append(("gap", gap))
                    current, gap, in_gap = [], [], False
                    cut_index += 1
                    if cut_index < count:
                        end, start = cuts[cut_index]
                (gap if in_gap else current).append(atom)
                continue
            text = atom.text
            size = len(text)
            if not size or cut_index >= count or (start if in_gap else end) - pos >= size:
                (gap if in_gap else current).append(atom)  # not cut: the atom itself (most atoms)
                continue
            # Pieces are cut at increasing offsets of the one text: no slice of the rest is made per
            # cut (a paragraph of n sentences would cost n²).
            # (Source without entities is cut as its text is.)
            raw_cutter = _RawCutter(atom.raw, text) if atom.raw != text else None
            done = 0  # characters of ``text`` already placed
            while done < size:
                if cut_index < count:
                    k = (start if in_gap else end) - pos
                if cut_index >= count or k >= size:
                    if done:
                        piece = text[done:]
                        raw = piece if raw_cutter is None else raw_cutter.rest()
                        (gap if in_gap else current).append(Atom("text", raw, piece))
                    else:  # not cut (a boundary at its very start only opened a gap)
                        (gap if in_gap else current).append(atom)
                    break
                if k > done:
                    piece = text[done:k]
                    raw = piece if raw_cutter is None else raw_cutter.take(k)
                    (gap if in_gap else current).append(Atom("text", raw, piece))
                    done = k
                if in_gap:
                    groups.append(("unit", current))  # the sentence ends
                    groups.append(("gap", gap))
                    current, gap, in_gap = [], [], False
                    cut_index += 1
                    if cut_index < count:
                        end, start = cuts[cut_index]
                else:
                    in_gap = True
        if in_gap or current:
            groups.append(("unit", current))
            if gap:
                groups.append(("gap", gap))
        return groups

    def make_slot(self, atoms: list[Atom], shared: _Shared, context_note: tuple[str, ...]) -> TextSlot:
        if len(atoms) == 1 and atoms[0].kind == "text":  # text without markup: many sentences
            msgid = escape_lookalikes(atoms[0].text)
            parts: list[Part] = [atoms[0].raw]
            placeholders: tuple[Placeholder, ...] = ()
            pieces: dict[int, PairedPieces | list[Part]] = {}
        else:
            msgid, parts, placeholders, pieces = self._marked_up(atoms)
        slot = self._sentence_slot(msgid, parts, placeholders, pieces, shared, context_note)
        if Unseen in map(type, parts):  # (a stray end tag in the sentence)
            slot.unseen = "".join([part for part in parts if part.__class__ is Unseen])
        return slot

    @staticmethod
    def _marked_up(
        atoms: list[Atom],
    ) -> tuple[str, list[Part], tuple[Placeholder, ...], dict[int, PairedPieces | list[Part]]]:
        """The msgid (before spaces are collapsed), source parts, placeholders and pieces of a
        sentence's ``atoms`` when they hold markup (see :meth:`make_slot`)."""
        msgid_parts: list[str] = []
        parts: list[Part] = []
        pieces: dict[int, PairedPieces | list[Part]] = {}
        placeholders: list[Placeholder] = []
        numbers: dict[int, int] = {}
        inside: dict[int, int] = {}  # where each paired placeholder's content starts in ``parts``
        text_run: list[str] = []  # consecutive text, escaped as one (a look-alike may span two atoms)
        for atom in atoms:
            if atom.kind == "text":
                text_run.append(atom.text)
                parts.append(atom.raw)
                continue
            msgid_parts.append(escape_lookalikes("".join(text_run)))
            text_run = []
            parts.extend(atom.parts)
            if atom.kind == "object":
                number = len(placeholders) + 1
                leads = ""
                if atom.node is not None:
                    tag, shows = atom.node.tag, collapse_space(_reading_text(atom)) or _described_text(atom)
                    if tag == "a" and not shows:  # (a link showing no text: where it leads)
                        leads = atom.node.attrs.get("href") or ""
                else:  # a comment, or a template token of an HTML content page (shown as written)
                    tag, shows = _markup_name(atom.parts)
                placeholders.append(Placeholder(number, tag, False, shows, leads, _field_type(atom.node)))
                pieces[number] = list(atom.written or atom.parts)
                msgid_parts.append(f"<{number}/>")
            elif atom.kind == "open":
                number = len(placeholders) + 1
                numbers[id(atom.node)] = number
                node = atom.node
                href = node.attrs.get("href") if node.tag == "a" else None  # type: ignore[union-attr]
                placeholders.append(Placeholder(number, node.tag, True, _described_text(atom), href or ""))  # type: ignore[union-attr]
                pieces[number] = PairedPieces(list(atom.written or atom.parts), [])
                inside[number] = len(parts)
                msgid_parts.append(f"<{number}>")
            else:
                number = numbers[id(atom.node)]
                paired = pieces[number]
                assert isinstance(paired, PairedPieces)
                shown = placeholders[number - 1]
                if shown.tag in _TEMPLATE_TAGS:  # the legend shows the tokens (a condition, a shortcode)
                    placeholders[number - 1] = Placeholder(
                        number, shown.tag, True, pair_shows(paired.open, atom.parts)
                    )
                if atom.written is None:
                    paired.close = list(atom.parts)
                else:  # written when translated; the source's own when its content is kept
                    paired.close, paired.same = list(atom.written), parts[inside[number] :]
                msgid_parts.append(f"</{number}>")
        msgid_parts.append(escape_lookalikes("".join(text_run)))
        return "".join(msgid_parts), parts, tuple(placeholders), pieces


#: The kinds of a flat run's entries (see :meth:`RunSlots.emit_flat_run`).
TEXT, OPEN, CLOSE = 0, 1, 2
#: ``(TEXT, raw, text, "")``, ``(OPEN, start tag, tag name, href)`` or ``(CLOSE, end tag, tag name,
#: "")`` (``href``: where a link goes, "" for any other element).
FlatEntry = tuple[int, "Part", str, str]
#: A flat run's tag (see :meth:`RunSlots.emit_flat_source`): ``(position in the run's text, OPEN or
#: CLOSE, the tag as written, tag name, href)`` (as in :data:`FlatEntry`).
FlatMark = tuple[int, int, "Part", str, str]


def _cuts_outside_elements(entries: list[FlatEntry], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The boundaries ``(end, start)`` of ``cuts`` that no element of a flat run stands across or
    inside (what :meth:`RunSlots.depths_at` finds for atoms)."""
    elements: list[tuple[int, int]] = []  # (open, close) positions in the run's text
    pos = opened = 0
    for kind, _, text, _ in entries:
        if kind == TEXT:
            pos += len(text)
        elif kind == OPEN:
            opened = pos
        else:
            elements.append((opened, pos))
    return _cuts_outside(elements, cuts)


def _elements_of(marks: list[FlatMark]) -> list[tuple[int, int]]:
    """The ``(open, close)`` positions of a flat run's elements, from its ``marks`` (open, close,
    open, close…)."""
    return [(marks[index][0], marks[index + 1][0]) for index in range(0, len(marks), 2)]


def _cuts_outside(elements: list[tuple[int, int]], cuts: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The boundaries ``(end, start)`` of ``cuts`` that none of ``elements`` (``(open, close)``
    positions, in order) stands across or inside: one sweep over elements and boundaries."""
    kept: list[tuple[int, int]] = []
    index = 0
    count = len(elements)
    for end, start in cuts:
        while index < count and elements[index][1] < end:
            index += 1  # closed before the boundary (and before every later one)
        at = index
        while at < count:
            opened, closed = elements[at]
            if opened >= start:
                kept.append((end, start))
                break
            if closed > end or opened >= end:
                break  # open across the boundary, or a tag inside it
            at += 1
        else:
            kept.append((end, start))
    return kept


def _add_mark(
    opens: bool,
    source: Part,
    tag: str,
    href: str,
    words: list[str],
    placeholders: list[Placeholder],
    pieces: dict[int, PairedPieces | list[Part]],
    opened: PairedPieces | None,
) -> PairedPieces | None:
    """Add an inline element's start (``opens``) or end tag ``source`` to a sentence's msgid pieces
    (``words``), placeholders (a link's with its ``href``) and their markup; the element opened last,
    which an end tag closes."""
    if opens:
        number = len(placeholders) + 1
        placeholders.append(Placeholder(number, tag, True, "", href))
        opened = pieces[number] = PairedPieces([source], [])
        words.append(f"<{number}>")
    else:
        opened.close = [source]  # type: ignore[union-attr]
        words.append(f"</{len(placeholders)}>")
    return opened


def _in_sentence(mark: FlatMark, end: int) -> bool:
    """Whether ``mark`` belongs to a sentence that ends at ``end`` (a close there does; an open
    there starts the next one)."""
    return mark[0] < end or (mark[0] == end and mark[1] == CLOSE)


def _emit_gap(gap: list, out: list[Part]) -> None:
    """Emit the source between two sentences of a flat run (as :meth:`RunSlots.emit_sentences`)."""
    if len(gap) == 1 and type(gap[0]) is str:  # a space between two sentences (most gaps)
        out.append(Gap(gap[0]))
    elif all(type(item) is str for item in gap):
        out.append(Gap("".join(gap)))
    else:  # (a tag between two sentences: not in flat runs, kept as emit_sentences keeps it)
        for item in gap:
            out.append(Gap(item) if type(item) is str else item[0])


#: What the slots of one run share: ref, notes, kind, flags, markable, escape, escape_line_start,
#: preformatted (see :meth:`RunSlots.make_slot`).
_Shared = tuple[
    str, tuple[str, ...], str, tuple[str, ...], bool, Callable[[str], str], Callable[[str], str] | None, bool
]


_MARKUP = re.compile(r"<[^>]*>")
#: Inline objects whose content is not text a reader sees in the paragraph.
_NOT_READ = frozenset(
    {
        "script",
        "style",
        "template",
        "noembed",
        "svg",
        "math",
        "textarea",
        "select",
        "object",
        "iframe",
        "video",
        "audio",
        "canvas",
        "xmp",
        "noframes",
        "plaintext",
    }
)


#: An end tag's name (a stray ``</p>``, ``</br>``, attributes and all).
_END_TAG_NAME = re.compile(r"</([A-Za-z][^\s/>]*)")


def _markup_name(parts: list) -> tuple[str, str]:
    """The name and the text shown of markup kept whole that is no element: a comment (nothing
    shown), a template token (``{{< shortcode >}}``, ``{% tag %}``), shown as written, or a stray
    end tag a browser makes an element of (``</p>``: an empty paragraph, ``</br>``: a line break).

    >>> _markup_name(["<!-- x -->"]), _markup_name(['{{< param "phone" >}}']), _markup_name(["{% if a %}"])
    (('comment', ''), ('shortcode', '{{< param "phone" >}}'), ('template', '{% if a %}'))
    >>> _markup_name(["</P >"]), _markup_name(['</p class="x">']), _markup_name(["</>"])
    (('p', ''), ('p', ''), ('comment', ''))
    """
    raw = "".join(part for part in parts if isinstance(part, str))
    end_tag = _END_TAG_NAME.match(raw)
    if end_tag is not None:  # (``</>``, ``</3>``: no end tag, nothing shown, as a comment)
        return end_tag.group(1).lower(), ""
    if raw.startswith(("{{<", "{{%", "[")):  # (a Hugo shortcode, or a WordPress one: [video src="…"])
        return "shortcode", collapse_space(raw)
    if raw.startswith(("{{", "{%")):
        return "template", collapse_space(raw)
    return "comment", ""


#: The tags of template tokens (a Liquid tag, a Hugo shortcode), whose legend shows them as written.
_TEMPLATE_TAGS = frozenset({"template", "shortcode"})


def pair_shows(opening: list, closing: list) -> str:
    """What a paired template placeholder's legend shows: its two tokens, the opening one cut short.

    >>> pair_shows(["{% if site.beta %}"], ["{% endif %}"])
    '{% if site.beta %}…{% endif %}'
    """
    start = collapse_space("".join(_as_written(part) for part in opening))
    end = collapse_space("".join(_as_written(part) for part in closing))
    if len(start) > 40:
        start = start[:39] + "…"
    return f"{start}…{end}"


def _as_written(part: object) -> str:
    """The source text of a template token's part: a parameter's value that is a unit of its own
    shows as written (``title="Broken!"``, not ``title=``)."""
    if isinstance(part, str):
        return part
    return part.raw if isinstance(part, AttrSlot) else ""


def _reading_text(atom: Atom) -> str:
    """What a reader sees of ``atom`` in the paragraph (for the translator's context note)."""
    if atom.kind == "text":
        return atom.text
    if atom.kind != "object":
        return ""
    if atom.shows is not None:
        return atom.shows
    if atom.node is None:
        return ""
    if atom.node.tag in ("br", "wbr", "hr"):
        return " " if atom.node.tag != "wbr" else ""
    if atom.node.tag in _NOT_READ or atom.node.tag in VOID:
        return ""
    return htmllib.unescape(_MARKUP.sub("", "".join(_plain_parts(atom.parts))))


#: The attribute whose text a placeholder's legend shows for each element that has one: what an
#: image shows to one who cannot see it, what an abbreviation stands for.
_DESCRIBED_BY = {"img": "alt", "abbr": "title", "acronym": "title"}
#: The elements of an abbreviation, whose legend shows what it stands for.
ABBREVIATIONS = frozenset(tag for tag, name in _DESCRIBED_BY.items() if name == "title")


def _described_text(atom: Atom) -> str:
    """The text of the attribute of :data:`_DESCRIBED_BY` of ``atom`` (its unit's text, else as the
    page has it), which its placeholder's legend shows (``<1/> = image (img) "the gear icon"``,
    ``<2>…</2> = abbreviation (abbr) "World Health Organization"``); "" for any other element.

    >>> _described_text(Atom("object", node=Node("img", 0, None, {"alt": " A  ferry "})))
    'A ferry'
    """
    node = atom.node
    name = _DESCRIBED_BY.get(node.tag) if node is not None else None
    if name is None:
        return ""
    kind = "attribute:" + name
    for part in chain.from_iterable(p.parts if isinstance(p, Tag) else (p,) for p in atom.parts):
        if isinstance(part, AttrSlot) and part.kind == kind:
            return part.msgid
    return collapse_space(node.attrs.get(name) or "")  # type: ignore[union-attr]


def _field_type(node: Node | None) -> str:
    """The type of the form field ``node`` (``text`` where its attributes name none), which its
    placeholder's legend names (``<2/> = checkbox (input)``); "" for any other element, or a field
    whose attributes are unknown.

    >>> _field_type(Node("input", 0, None, {"type": "Radio"})), _field_type(Node("input", 0, None, {"name": "q"}))
    ('radio', 'text')
    """
    if node is None or node.tag != "input" or not node.attrs:
        return ""
    return (node.attrs.get("type") or "text").strip().lower()


def _plain_parts(parts: list) -> list[str]:
    """The source strings in ``parts``, dates' content included (start tags with slots skipped)."""
    found: list[str] = []
    for part in parts:
        if isinstance(part, str):
            found.append(part)
        elif isinstance(part, DateSlot):
            found.extend(_plain_parts(part.parts))
    return found


_LETTER = re.compile(r"[^\W\d_]")
#: A text of emoji short codes alone (``:heavy_check_mark:``, ``:x: :+1:``), pictures where a site
#: shows them (Hugo's ``enableEmoji``, GitHub, MkDocs' pymdownx.emoji): symbols, as ``✔`` is.
_EMOJI_ONLY = re.compile(r"\s*(?::[a-z0-9_+-]+:\s*)+(?:</?[0-9]+/?>\s*)*")


#: The names of HTML's elements (``a|abbr|…``), by which :data:`_TAGS_ONLY` knows a tag written as text.
_HTML_ELEMENTS = (
    "a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption "
    "center cite code col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset "
    "figcaption figure font footer form h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input "
    "ins kbd label legend li link main map mark menu meta meter nav noscript object ol optgroup option "
    "output p param picture pre progress q rp rt ruby s samp script search section select slot small "
    "source span strong style sub summary sup svg table tbody td template textarea tfoot th thead time "
    "title tr track u ul var video wbr"
).replace(" ", "|")
#: A text that is nothing but HTML tags and comments written as text (and placeholders): markup a
#: page shows as characters, such as a saved page's ``<noscript>&lt;img src=…&gt;</noscript>`` (a
#: tracking pixel), no words to translate. ``<no title>`` or ``<Untitled>`` names no element: text.
_TAGS_ONLY = re.compile(
    r"\s*(?:(?:</?(?:" + _HTML_ELEMENTS + r")(?:\s[^<>]*)?/?>|<!--.*?-->|</?[0-9]+/?>)\s*)+",
    re.IGNORECASE | re.DOTALL,
)


def markup_only(msgid: str) -> bool:
    """Whether ``msgid`` is HTML tags or comments written as text, with nothing but placeholders
    and white space between them (:data:`_TAGS_ONLY`); a msgid of placeholders alone is not."""
    return _TAGS_ONLY.fullmatch(msgid) is not None and _PLACEHOLDERS.fullmatch(msgid) is None


#: Placeholders and white space only (``<1>``, ``</1> <2/>``).
_PLACEHOLDERS = re.compile(r"\s*(?:</?[0-9]+/?>\s*)*")


def offered(msgid: str, options: ReadOptions) -> bool:
    """Whether ``msgid`` is offered to translators: not without letters nor only emoji short codes
    (unless ``extract_symbols``), nor only HTML tags written as text (:data:`_TAGS_ONLY`), nor only
    a URL or an e-mail address (unless ``extract_bare_urls``).

    >>> offered("See the report", ReadOptions()), offered("2024", ReadOptions()), offered("https://a.b/c", ReadOptions())
    (True, False, False)
    >>> offered(":heavy_check_mark:", ReadOptions()), offered("Use :x: here", ReadOptions())
    (False, True)

    An icon before an empty placeholder (MkDocs-Material's ``:octicons-file-code-16: `mkdocs.yml```)
    is no text either, an icon before a placeholder's text is:

    >>> offered(":octicons-file-code-16: <1/>", ReadOptions()), offered(":x: <1>Download</1>", ReadOptions())
    (False, True)

    Markup written as text is no text for translators either, words between tags are:

    >>> offered('<div style="x"><img width=1 src="//t.example/p?a=1" /></div>', ReadOptions())
    False
    >>> offered("</p> </div> <1/>", ReadOptions()), offered("<b>Bold</b>", ReadOptions()), offered("<no title>", ReadOptions())
    (False, True, True)
    """
    # placeholders (<1>, </1>, <2/>) hold neither letters nor spaces: the msgid can be read as is
    # (a first letter or an inner space, most msgids, answers without a pattern)
    if not options.extract_symbols and not msgid[:1].isalpha() and not _LETTER.search(msgid):
        return False
    if (
        not options.extract_symbols
        and (msgid[:1] == ":" or msgid[:1].isspace())
        and _EMOJI_ONLY.fullmatch(msgid)
    ):
        return False
    if "<" in msgid and markup_only(msgid):
        return False
    if options.extract_bare_urls:
        return True
    inner = msgid.strip()
    if " " in inner or SPACE_INSIDE.search(inner) or not ADDRESS_MARK.search(msgid):
        return True
    return not is_address(strip_placeholders(msgid))


SPACE_INSIDE = re.compile(r"\s")
#: Every URL or e-mail address has one of these.
ADDRESS_MARK = re.compile(r"[.:@/]")
_ADDRESS = re.compile(
    r"<?(?:(?:(?:https?|s?ftps?|file|ssh|git|wss?)://|(?:mailto|tel|urn):|www\.)[^\s<>\"]+"
    rf"|{EMAIL_ADDRESS})>?",
    re.IGNORECASE,
)


def is_address(text: str) -> bool:
    """Whether ``text`` is nothing but a URL or an e-mail address.

    >>> is_address("https://example.com/a?b=1"), is_address("press@example.com"), is_address("Note: see")
    (True, True, False)
    """
    text = text.strip()
    return bool(text) and " " not in text and _ADDRESS.fullmatch(text) is not None and "." in text


def same_address(text: str, href: str) -> bool:
    """Whether a link's ``text`` is its ``href`` (scheme, ``mailto:`` and a final slash aside).

    >>> same_address(" example.com/x ", "https://example.com/x/"), same_address("Read", "https://x.org")
    (True, False)
    """

    def bare(value: str) -> str:
        value = collapse_space(value).lower()
        value = re.sub(r"^(?:[a-z][a-z0-9+.-]*://|mailto:)", "", value)
        return value.removeprefix("www.").rstrip("/")

    return bool(text.strip()) and bare(text) == bare(href)


#: A paragraph note shows the whole paragraph when it has at most this many units and characters;
#: otherwise each unit's note shows its neighbouring sentences, each cut to ``_NOTE_NEIGHBOUR_CHARS``,
#: so that a catalog stays within a small constant of its article's size (a note per unit holding
#: the whole of a long paragraph makes the catalog grow with the square of the paragraph).
_NOTE_WHOLE_UNITS = 8
_NOTE_WHOLE_CHARS = 1500
_NOTE_NEIGHBOUR_CHARS = 200


def _paragraph_notes(atoms: list[Atom], units: list[list[Atom]]) -> list[tuple[str, ...]]:
    """The ``Paragraph:`` note of each unit of a paragraph (none when it is the only unit).

    A short paragraph is shown whole; in a long one, a unit sees the sentence before and after it,
    cut to a few hundred characters, with ``…`` where the paragraph goes on.
    """
    return _notes(
        len(units),
        "".join(map(_reading_text, atoms)),
        lambda: ["".join(map(_reading_text, group)) for group in units],
    )


def _notes(count: int, whole: str, texts_of: Callable[[], list[str]]) -> list[tuple[str, ...]]:
    """The ``Paragraph:`` notes of ``count`` units of a paragraph that reads ``whole``; ``texts_of``
    gives what each unit reads (asked only for a long paragraph)."""
    if count <= 1:
        return [()] * count
    if count <= _NOTE_WHOLE_UNITS:
        whole = collapse_space(whole)
        if len(whole) <= _NOTE_WHOLE_CHARS:
            return [(PARAGRAPH_NOTE + whole,)] * count
    texts = [collapse_space(text) for text in texts_of()]
    notes: list[tuple[str, ...]] = []
    for index, text in enumerate(texts):
        before = tail_words(texts[index - 1], _NOTE_NEIGHBOUR_CHARS) if index else ""
        after = head_words(texts[index + 1], _NOTE_NEIGHBOUR_CHARS) if index + 1 < len(texts) else ""
        if index > 1 and not before.startswith(CUT):
            before = CUT + before
        if index + 2 < len(texts) and not after.endswith(CUT):
            after += CUT
        notes.append((PARAGRAPH_NOTE + " ".join(piece for piece in (before, text, after) if piece),))
    return notes


def collapse_space(text: str) -> str:
    """Runs of HTML whitespace as one space, no whitespace at the ends (inner no-break spaces kept).

    >>> collapse_space("  a\\n  b\\u00a0 c ")
    'a b\\xa0 c'
    """
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        text = _WS.sub(" ", text)
    return text.strip()


_TERMINATOR = re.compile(r"[.!?…。！？｡]")
_TERMINATORS = ".!?…。！？｡"
_ASCII_TERMINATORS = ".!?"
_AFTER_LAST_SENTENCE = " \t\n\r\f\u00a0\u202f.!?…。！？｡\"'“‘”’»›)]}」』）】》〉〕｣"


def _may_have_two_sentences(text: str) -> bool:
    """False when ``text`` cannot hold a sentence break: no terminator before its last word.

    (The segmenter is exact; this only saves calling it for the many one-sentence runs.)

    >>> _may_have_two_sentences("A list item"), _may_have_two_sentences("One (really).")
    (False, False)
    >>> _may_have_two_sentences("One. Two"), _may_have_two_sentences("你好。今天")
    (True, True)
    """
    # the first terminator, found with str.find (a pattern's scan costs far more per character)
    first = len(text)
    # (ASCII text, most text, can hold none of the others; str.isascii costs no scan)
    for terminator in _ASCII_TERMINATORS if text.isascii() else _TERMINATORS:
        found = text.find(terminator, 0, first)
        if found >= 0:
            first = found
    return first < len(text) and bool(text[first + 1 :].strip(_AFTER_LAST_SENTENCE))


class _RawCutter:
    """Cuts ``raw`` (source text that decodes to ``text``) into pieces at increasing decoded offsets.

    A cut never falls inside an entity (it goes after it). One pass over ``raw`` for all cuts.

    >>> cutter = _RawCutter("a &amp; b", "a & b")
    >>> cutter.take(2), cutter.take(3), cutter.rest()
    ('a ', '&amp;', ' b')
    """

    def __init__(self, raw: str, text: str) -> None:
        self.raw = raw
        self.same = raw == text
        self.pos = 0  # where the next piece starts in ``raw``
        self.pieces = _ENTITY_PIECE.finditer(raw)
        self.piece: re.Match[str] | None = None  # the piece ``pos`` is in (plain text cut inside)
        self.decoded = 0  # decoded characters before ``self.piece``

    def take(self, k: int) -> str:
        """The source of the next piece: up to ``k`` decoded characters from the start of ``text``."""
        if self.same:
            return self._piece(k)
        while True:
            if self.piece is None:
                self.piece = next(self.pieces, None)
                if self.piece is None:
                    return self.rest()
            match = self.piece
            source = match.group(0)
            if source[0] != "&" and self.decoded + len(source) > k:
                return self._piece(match.start() + (k - self.decoded))
            self.decoded += len(source) if source[0] != "&" else len(htmllib.unescape(source))
            self.piece = None
            if self.decoded >= k:
                return self._piece(match.end())

    def rest(self) -> str:
        """The source after the last piece taken."""
        return self._piece(len(self.raw))

    def _piece(self, cut: int) -> str:
        piece, self.pos = self.raw[self.pos : cut], cut
        return piece
