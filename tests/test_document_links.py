"""Link targets in a document: kept as written unless compile rewrites them per language."""

from __future__ import annotations

from pathlib import Path

from transpub.formats.document import Document, LinkTarget, PairedPieces, Resolution, TextSlot


def _document() -> Document:
    target = LinkTarget("/docs/a b", "</docs/a b>", lambda url: f"<{url}>")
    slot = TextSlot(
        msgid="Read <1>the docs</1>.",
        ref="p",
        parts=["Read ", "[", "the docs", "](", target, ")", "."],
        pieces={1: PairedPieces(["["], ["](", target, ")"])},
    )
    return Document(Path("a.md"), "markdown", "utf-8", ["# T\n\n", slot, "\n"], "en")


def test_a_link_target_is_published_as_written_without_a_rewrite() -> None:
    assert _document().render() == "# T\n\nRead [the docs](</docs/a b>).\n"


def test_a_rewritten_link_target_is_written_the_formats_way_in_source_and_translated_text() -> None:
    document = _document()
    rewrite = {"/docs/a b": "/es/docs/a b"}.get
    assert document.render(rewrite_url=rewrite) == "# T\n\nRead [the docs](</es/docs/a b>).\n"
    translated = document.render(lambda slot: Resolution("Lee <1>la guía</1>."), rewrite_url=rewrite)
    assert translated == "# T\n\nLee [la guía](</es/docs/a b>).\n"


def test_link_targets_are_listed_in_article_order() -> None:
    assert [t.url for t in _document().link_targets()] == ["/docs/a b"]
