"""A flat run (text and inline elements holding only text) is cut into sentences in one pass
(``RunSlots.emit_flat_run``): its slots, gaps and paragraph notes must be exactly what the general
path (atoms, ``RunSlots.emit_sentences``) makes of the same run."""

from __future__ import annotations

import dataclasses
import html
from collections.abc import Callable

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transpub.formats.document import Gap, Part
from transpub.formats.escape import escape_text
from transpub.formats.html_tree import Node
from transpub.formats.options import ReadOptions
from transpub.formats.runs import CLOSE, OPEN, TEXT, Atom, FlatEntry, FlatMark, RunContext, RunSlots


@dataclasses.dataclass(frozen=True)
class _Context:
    notes: tuple[str, ...] = ("A note",)
    preformatted: bool = False
    markable: bool = True
    kind: str = "text"


class _Slots(RunSlots):
    def __init__(self, options: ReadOptions) -> None:
        self.options = options

    def slot_ref(self, ctx: RunContext) -> str:
        return "story/p(the-first-words)"

    def slot_escape(self, ctx: RunContext) -> Callable[[str], str]:
        return escape_text


def _shape(part: object) -> object:
    """What a part is and holds, comparable with ``==`` (slots compare by identity)."""
    if isinstance(part, str):
        return (type(part).__name__, part)
    if isinstance(part, list):
        return [_shape(item) for item in part]
    if isinstance(part, tuple):  # (placeholders: each field, where a link goes too)
        return tuple(_shape(item) for item in part)
    if isinstance(part, dict):
        return {key: _shape(value) for key, value in part.items()}
    if dataclasses.is_dataclass(part):
        return (
            type(part).__name__,
            tuple(_shape(getattr(part, field.name)) for field in dataclasses.fields(part)),
        )
    return part


TEXTS = st.lists(
    st.sampled_from(
        [
            "The council met",
            " on Monday. ",
            "It approved the plan!",
            " Then",
            ". ",
            ".",
            " ",
            "  \n ",
            "Mr. Li",
            "&amp; ",
            "R&amp;D. ",
            "x&lt;1> ",
            "&amp;lt;b&gt;",
            "<1>",
            "&nbsp;",
            "\u00a0",
            " 1) one 2) two ",
            "你好。",
            "今天很好！",
            "“Yes.” ",
            "a.",
            "B",
            "...",
            " etc. The",
        ]
    ),
    min_size=1,
    max_size=5,
).map("".join)
ELEMENT = st.tuples(st.sampled_from(["a", "em", "strong", "b"]), st.lists(TEXTS, max_size=2))
RUN = st.lists(st.one_of(TEXTS, ELEMENT), min_size=1, max_size=7)


def _entries_and_atoms(run: list) -> tuple[list[FlatEntry], str, bool, list[Atom]]:
    """A flat run as the one-pass path takes it, and as atoms (what the walk makes of it)."""
    entries: list[FlatEntry] = []
    atoms: list[Atom] = []
    for item in run:
        if isinstance(item, str):
            texts = [item]
        else:
            tag, texts = item
            href = "/x" if tag == "a" else ""
            node = Node(tag, 0, None, {"href": href} if href else {})
            entries.append((OPEN, f"<{tag}>", tag, href))
            atoms.append(Atom("open", "", "", [f"<{tag}>"], node))
        for raw in texts:
            entries.append((TEXT, raw, html.unescape(raw), ""))
            atoms.append(Atom("text", raw, html.unescape(raw)))
        if not isinstance(item, str):
            entries.append((CLOSE, f"</{tag}>", tag, ""))
            atoms.append(Atom("close", "", "", [f"</{tag}>"], node))
    flat = "".join(entry[2] for entry in entries if entry[0] == TEXT)
    return entries, flat, any(entry[0] != TEXT for entry in entries), atoms


def _both(run: list, options: ReadOptions, ctx: _Context) -> tuple[object, object]:
    slots = _Slots(options)
    entries, flat, marked, atoms = _entries_and_atoms(run)
    quick: list[Part] = []
    slots.emit_flat_run(entries, flat, marked, ctx, quick)  # type: ignore[arg-type]
    general: list[Part] = []
    slots.emit_sentences(atoms, ctx, general)  # type: ignore[arg-type]
    return _shape(quick), _shape(general)


@settings(max_examples=800, deadline=None)
@given(
    RUN,
    st.sampled_from(["en", "de", "zh_CN", "ja"]),
    st.sampled_from(["sentence", "paragraph"]),
    st.booleans(),
)
@example(["One. ", ("b", ["Two."]), " Three."], "en", "sentence", False)
@example(["你好。", ("em", ["今天很好！"]), "明天。"], "zh_CN", "sentence", False)
@example(["R&amp;D. It &lt;1> works. ", ("a", []), "Then. Now"], "en", "sentence", False)
def test_a_flat_run_reads_as_its_atoms_read(
    run: list, locale: str, segmentation: str, preformatted: bool
) -> None:
    """The same slots (msgids, parts, placeholders, notes), gaps and order, whatever the run."""
    options = ReadOptions(source_locale=locale, segmentation=segmentation)
    quick, general = _both(run, options, _Context(preformatted=preformatted))
    assert quick == general


def _as_tokenized(run: list) -> list:
    """``run`` with adjacent texts joined, as HTML's tokens have them (text runs to the next tag)."""
    joined: list = []
    for item in run:
        if isinstance(item, str) and joined and isinstance(joined[-1], str):
            joined[-1] += item
        elif isinstance(item, str):
            joined.append(item)
        else:
            tag, texts = item
            joined.append((tag, ["".join(texts)] if texts else []))
    return joined


def _from_source(run: list, options: ReadOptions, ctx: _Context) -> object:
    """What :meth:`RunSlots.emit_flat_source` makes of a run written without character references."""
    marks: list[FlatMark] = []
    texts: list[str] = []
    for item in run:
        if isinstance(item, str):
            texts.append(item)
            continue
        tag, inner = item
        marks.append((len("".join(texts)), OPEN, f"<{tag}>", tag, "/x" if tag == "a" else ""))
        texts.extend(inner)
        marks.append((len("".join(texts)), CLOSE, f"</{tag}>", tag, ""))
    out: list[Part] = []
    _Slots(options).emit_flat_source("".join(texts), marks, ctx, out)  # type: ignore[arg-type]
    return _shape(out)


@settings(max_examples=800, deadline=None)
@given(
    RUN.filter(lambda run: "&" not in repr(run)),
    st.sampled_from(["en", "de", "zh_CN", "ja"]),
    st.sampled_from(["sentence", "paragraph"]),
    st.booleans(),
)
@example(["One. ", ("b", ["Two."]), " Three."], "en", "sentence", False)
@example(["One. ", ("b", []), "Two. ", ("a", [])], "en", "sentence", False)
@example([("em", ["Yes."]), " No. Maybe."], "en", "sentence", False)
@example(["你好。", ("em", ["今天很好！"]), "明天。"], "zh_CN", "sentence", False)
def test_a_run_written_without_references_reads_from_its_source_as_its_atoms_read(
    run: list, locale: str, segmentation: str, preformatted: bool
) -> None:
    """Sentences sliced from a run's source (no character reference in it) are the slots, gaps
    and notes the general path makes of its atoms."""
    run = _as_tokenized(run)
    options = ReadOptions(source_locale=locale, segmentation=segmentation)
    ctx = _Context(preformatted=preformatted)
    _, general = _both(run, options, ctx)
    assert _from_source(run, options, ctx) == general


def test_a_long_paragraph_gives_each_sentence_its_neighbours_as_the_general_path_does() -> None:
    """More sentences than a paragraph note shows whole: each note is cut the same way."""
    run: list = []
    for number in range(12):
        run += [f"Sentence number {number} is here and it is long enough to count. ", ("em", ["Yes."]), " "]
    quick, general = _both(run, ReadOptions(), _Context())
    assert quick == general
    assert sum(1 for part in quick if part[0] == "TextSlot") == 24  # type: ignore[index]


def test_sentences_of_a_flat_run_are_cut_between_elements_only() -> None:
    """A user sees "<1>Two.</1>" kept whole with its sentence, and the run cut around it."""
    slots = _Slots(ReadOptions())
    entries, flat, marked, _ = _entries_and_atoms(["One. ", ("b", ["Two. Three."]), " Four."])
    out: list[Part] = []
    slots.emit_flat_run(entries, flat, marked, _Context(), out)  # type: ignore[arg-type]
    msgids = [getattr(part, "msgid", None) for part in out]
    assert msgids == ["One.", None, "<1>Two. Three.</1>", None, "Four."]
    assert [part for part in out if isinstance(part, Gap)] == [" ", " "]
