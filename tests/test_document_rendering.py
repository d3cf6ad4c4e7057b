"""A document renders by following its parts (compile renders an article once per language, the
source language's page without a call per slot): every rendering must be what the parts say,
whatever was rendered before with other switches."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from transpub.formats.document import Document, Gap, PairedPieces, Resolution, Tag, TextSlot
from transpub.formats.escape import escape_text
from transpub.inline import placeholder_problem, tokenize, unescape_lookalikes

SOURCE = "Read <1>the report</1> on <2/> page <3>four</3>."
PIECES = {1: PairedPieces(["<b>"], ["</b>"]), 2: ["<br>"], 3: PairedPieces(['<a href="/x">'], ["</a>"])}


def _slot(msgid: str = SOURCE) -> TextSlot:
    return TextSlot(
        msgid=msgid,
        ref="p",
        parts=[
            "Read ",
            "<b>",
            "the report",
            "</b>",
            " on ",
            "<br>",
            " page ",
            '<a href="/x">',
            "four",
            "</a>",
            ".",
        ],
        pieces=PIECES,  # type: ignore[arg-type]
        escape=escape_text,
    )


def _expected(text: str) -> str:
    """The translated slot as tokenize reads ``text`` (the rendering written out token by token)."""
    out = []
    for token in tokenize(text):
        if token.kind == "text":
            out.append(escape_text(unescape_lookalikes(token.value)))
            continue
        piece = PIECES[token.number]
        if isinstance(piece, PairedPieces):
            piece = piece.open if token.kind == "open" else piece.close
        out.extend(piece)
    return "".join(out)


WORDS = st.sampled_from(
    ["Lies ", "den Bericht", " auf ", "Seite ", "vier", "&lt;1>", "a < b", "R&D", "</1/>", "."]
)


@settings(max_examples=150, deadline=None, database=None)
@given(st.permutations(["<1>", "</1>", "<2/>", "<3>", "</3>"]), st.lists(WORDS, min_size=6, max_size=6))
def test_a_translation_shows_each_placeholder_as_its_source_markup(
    order: list[str], words: list[str]
) -> None:
    text = "".join(w + p for w, p in zip(words, [*order, ""]))
    if placeholder_problem(SOURCE, text) is not None:
        return  # compile publishes the source then (see test_compile)
    document = Document(Path("a.html"), "html", "utf-8", ["<p>", _slot(), "</p>"], "en")
    assert document.render(lambda slot: Resolution(text)) == f"<p>{_expected(text)}</p>"


@settings(max_examples=100, deadline=None, database=None)
@given(st.permutations(["<1>", "</1>", "<2/>", "<3>", "</3>"]), st.lists(WORDS, min_size=6, max_size=6))
def test_a_translation_a_review_copy_marks_shows_its_markup_inside_the_mark(
    order: list[str], words: list[str]
) -> None:
    """A review copy wraps each translated unit in a mark: the translation's text and its
    placeholders' source markup are inside it, in the order of the translation."""
    text = "".join(w + p for w, p in zip(words, [*order, ""]))
    if placeholder_problem(SOURCE, text) is not None:
        return
    document = Document(Path("a.html"), "html", "utf-8", ["<p>", _slot(), "</p>"], "en")
    marked = Resolution(text, before='<span class="tp-reviewed">', after="</span>")
    assert (
        document.render(lambda slot: marked) == f'<p><span class="tp-reviewed">{_expected(text)}</span></p>'
    )


def test_renderings_with_other_switches_and_omitted_tags_do_not_change_each_other() -> None:
    link = Tag(['<link rel="alternate" hreflang="de" href="/de/">'], name="link")
    first, second = _slot("One."), _slot("Two.")
    first.parts, second.parts = ["One."], ["Two."]
    html_tag = Tag(["<html>"], name="html")
    parts = [html_tag, link, "<p>", first, Gap(" "), second, "</p>"]
    document = Document(Path("a.html"), "html", "utf-8", parts, "en")  # type: ignore[arg-type]
    translated = {"One.": "一。", "Two.": "二。"}.get

    def resolve(slot: TextSlot) -> Resolution:  # type: ignore[override]
        return Resolution(translated(slot.msgid))

    assert document.render(resolve, join_sentences=True, omit=[link]) == "<html><p>一。二。</p>"
    html_tag.extra_attributes = {"lang": "zh"}
    assert (
        document.render(resolve)
        == '<html lang="zh"><link rel="alternate" hreflang="de" href="/de/"><p>一。 二。</p>'
    )
    html_tag.extra_attributes = {}
    assert document.render() == '<html><link rel="alternate" hreflang="de" href="/de/"><p>One. Two.</p>'
    assert document.render(resolve, join_sentences=True) == (
        '<html><link rel="alternate" hreflang="de" href="/de/"><p>一。二。</p>'
    )


def _plain_text_slot(msgid: str, *, markable: bool = True, line_start: bool = False) -> TextSlot:
    return TextSlot(
        msgid=msgid,
        ref="p",
        parts=[msgid],
        markable=markable,
        escape=escape_text,
        escape_line_start=(lambda s: "\\" + s) if line_start else None,
    )


TRANSLATIONS = st.sampled_from(
    [
        None,
        "same",
        "Zwei.",
        "R&D &lt;1> a &amp;lt;",
        "x <1>y</1>",
        "a < b",
        "<2/> b",
        "c <3>d</3> <1>e</1><2/>",
    ]
)
WRAP = Resolution(before='<span lang="en">', after="</span>")


def _reference(parts: list[object], texts: dict[str, str], join: bool) -> str:
    """A published page as the parts and the translations say (written out part by part)."""
    from transpub.formats.document import AttrSlot
    from transpub.formats.escape import escape_attribute

    def translated(part: object) -> bool:
        text = texts.get(getattr(part, "msgid", ""))
        return isinstance(part, TextSlot) and text is not None and text != part.msgid

    out = []
    for index, part in enumerate(parts):
        if isinstance(part, Gap):
            between = (
                0 < index < len(parts) - 1 and translated(parts[index - 1]) and translated(parts[index + 1])
            )
            out.append("" if join and between else part)
        elif isinstance(part, AttrSlot):
            text = texts.get(part.msgid)
            shown = text is not None and text != part.msgid
            out.append(f'"{escape_attribute(unescape_lookalikes(text))}"' if shown else part.raw)
        elif isinstance(part, TextSlot) and not translated(part):
            wrapped = part.markable and part.msgid not in texts
            out.append(
                (WRAP.before if wrapped else "") + "".join(part.parts) + (WRAP.after if wrapped else "")
            )
        elif isinstance(part, TextSlot):
            text = texts[part.msgid]
            problem = placeholder_problem(part.msgid, text)
            if problem:
                return f"error: {problem}"
            out.append(_expected(text))
        else:
            out.append(str(part))
    return "".join(out)


@settings(max_examples=300, deadline=None, database=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["plain", "placeholders", "unmarkable", "line", "attribute"]), TRANSLATIONS
        ),
        min_size=1,
        max_size=6,
    ),
    st.booleans(),
)
def test_a_published_page_shows_each_translation_and_wraps_the_source_whatever_resolver_says_so(
    slots: list[tuple[str, str | None]], join: bool
) -> None:
    """A slot's translation without placeholders is written without a plan of its own, and compile's
    Translated resolver is followed without a call per slot: the page must be what the parts and the
    translations say (wrapped source, placeholders, joined sentences, errors), through either."""
    from transpub.errors import PlaceholderMismatch
    from transpub.formats.document import AttrSlot, Translated

    parts: list[object] = ["<p>"]
    texts: dict[str, str] = {}
    for index, (kind, translation) in enumerate(slots):
        if kind == "placeholders":
            slot: TextSlot | AttrSlot = _slot()
        elif kind == "attribute":
            slot = AttrSlot(f"Alt {index}.", "img@alt", f'"Alt {index}."', "attribute")
        else:
            slot = _plain_text_slot(
                f"Sentence {index}.", markable=kind != "unmarkable", line_start=kind == "line"
            )
        if translation is not None:
            texts[slot.msgid] = slot.msgid if translation == "same" else translation
        parts += [slot, Gap(" ")]
    parts.append("</p>")
    document = Document(Path("a.html"), "html", "utf-8", parts, "en")  # type: ignore[arg-type]

    def resolve(slot: TextSlot | AttrSlot) -> Resolution:
        if slot.msgid in texts:
            return Resolution(text=texts[slot.msgid])
        return WRAP if isinstance(slot, TextSlot) and slot.markable else Resolution()

    def rendered(resolver: object) -> str:
        try:
            return document.render(resolver, join_sentences=join)  # type: ignore[arg-type]
        except PlaceholderMismatch as exc:
            return f"error: {exc}"

    expected = _reference(parts, texts, join)
    assert rendered(Translated(texts, WRAP)) == expected
    assert rendered(resolve) == expected
    # the source language's page (no resolver: no call per slot) is what a resolver keeping every
    # slot as written gives
    assert document.render(join_sentences=join) == rendered(lambda slot: Resolution())
