"""A document renders from a plan made once (compile renders an article once per language): every
rendering must be what the parts say, whatever was rendered before with other switches."""

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
    """The translated slot as tokenize reads ``text`` (the rendering before plans)."""
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
