"""Blocks of text and simple inline elements are read without the walk's steps (``_Builder.emit_flat``):
an article must read exactly as the walk alone reads it: the same parts, slots, units and renderings."""

from __future__ import annotations

import dataclasses
import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from corpus import PAGES, needs_corpus
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.html import _Builder, read_html

REPO = Path(__file__).resolve().parent.parent


@contextmanager
def walk_only() -> Iterator[None]:
    """Every block read by the walk (the reader before its quick path)."""
    quick = _Builder.emit_flat
    _Builder.emit_flat = lambda self, node, ctx, out: False  # type: ignore[method-assign]
    try:
        yield
    finally:
        _Builder.emit_flat = quick  # type: ignore[method-assign]


def describe(document: Document) -> str:
    """Everything a reader made of an article, as text (parts and what they hold, units, renderings)."""
    out: list[str] = []
    stack: list[object] = list(reversed(document.parts))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(f"{type(item).__name__}:{item!r}")
            continue
        if isinstance(item, list):
            out.append("[")
            stack.append("]")
            stack.extend(reversed(item))
            continue
        fields = {}
        for field in dataclasses.fields(item):  # type: ignore[arg-type]
            value = getattr(item, field.name)
            if field.name in ("parts", "open", "close"):
                stack.append(value)
            elif field.name == "pieces":
                stack.extend(value[key] for key in sorted(value, reverse=True))
            elif callable(value):
                fields[field.name] = getattr(value, "__qualname__", "")
            else:
                fields[field.name] = repr(value)
        out.append(f"{type(item).__name__}{fields}")
    out.append(repr(document.warnings))
    out.append(repr(document.units("a.html")))
    out.append(document.render())
    out.append(document.render(lambda slot: Resolution("⟦" + slot.msgid + "⟧")))
    return "\n".join(out)


def both_ways(text: str, options: ReadOptions | None = None) -> tuple[str, str]:
    options = options or ReadOptions()
    quick = describe(read_html(text, Path("a.html"), "utf-8", options))
    with walk_only():
        walked = describe(read_html(text, Path("a.html"), "utf-8", options))
    return quick, walked


WORDS = st.sampled_from(
    [
        "The council met",
        " on Monday. ",
        "It approved the plan!",
        " Then",
        "  ",
        "\n",
        " &amp; ",
        "&nbsp;",
        "Mr. Li",
        " 1) one 2) two ",
        "https://example.org/x",
        ". ",
        "é",
        "\u00a0",
        "<!-- c -->",
        "</b>",
    ]
)
INLINE_START = st.sampled_from(
    [
        "<a href='https://example.org/x'>",
        '<a href="/docs/x" title="Read the docs">',
        "<a href=https://example.org/x>",
        "<em>",
        "<strong class='x'>",
        "<span class='notranslate'>",
        '<span translate="no">',
        '<span data-l10n-note="A name">',
        "<b>",
        "<code>",
        "<abbr title='United Nations'>",
        '<time datetime="2024-01-01">',
    ]
)
INLINE = st.builds(
    lambda start, inner, end: (
        start + inner + ("</" + start[1:].split(" ")[0].split(">")[0] + ">" if end else "")
    ),
    INLINE_START,
    st.lists(WORDS, max_size=3).map("".join),
    st.booleans(),
)
STANDALONE = st.sampled_from(["<br>", "<img src='a.png' alt='A photo of the river'>", "<em><b>x</b></em>"])
BLOCK_CONTENT = st.lists(st.one_of(WORDS, INLINE, STANDALONE), max_size=8).map("".join)
BLOCK = st.builds(
    lambda tag, attrs, content, end: f"<{tag}{attrs}>{content}" + (f"</{tag}>" if end else ""),
    st.sampled_from(["p", "h2", "li", "figcaption", "div", "td", "pre", "title", "blockquote"]),
    st.sampled_from(["", " id='lead'", " class='notranslate'", " translate='no'", " data-l10n-note='Lead'"]),
    BLOCK_CONTENT,
    st.booleans(),
)
ARTICLE = st.lists(
    st.one_of(BLOCK, st.sampled_from(["\n", "<div>", "</div>", "<ul>", "</ul>"])), max_size=8
).map(lambda blocks: "<html><body><article>" + "".join(blocks) + "</article></body></html>")


@settings(max_examples=400, deadline=None)
@given(ARTICLE, st.sampled_from(["sentence", "paragraph"]))
@example("<html><body><p><em>The council met.</em></p></body></html>", "sentence")
@example(
    "<html><body><p>https://example.org/x</p><p>Read <b>it</b>. https://example.org/x</p></body></html>",
    "sentence",
)
@example(
    "<html><body><p><b></b>It approved. The plan</p><li>One. <a href='x'></a></li></body></html>", "sentence"
)
@example(
    "<html><body><p>&nbsp;Mr. Li <em>met</em> them. Then</p><h2>R&amp;D. <b>x</b>\n</h2></body></html>",
    "sentence",
)
def test_generated_articles_read_as_the_walk_reads_them(text: str, segmentation: str) -> None:
    quick, walked = both_ways(text, ReadOptions(segmentation=segmentation))
    assert quick == walked


def _newsgen():
    spec = importlib.util.spec_from_file_location("newsgen", REPO / "bench" / "newsgen.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_news_articles_read_as_the_walk_reads_them(tmp_path: Path) -> None:
    articles = _newsgen().make_project(tmp_path / "news", articles=40, locales=["de"])
    taken = 0
    quick = _Builder.emit_flat

    def counted(self, node, ctx, out) -> bool:  # type: ignore[no-untyped-def]
        nonlocal taken
        done = quick(self, node, ctx, out)
        taken += done
        return done

    for path in articles:
        text = path.read_text(encoding="utf-8")
        _Builder.emit_flat = counted  # type: ignore[method-assign]
        try:
            found = describe(read_html(text, path, "utf-8", ReadOptions()))
        finally:
            _Builder.emit_flat = quick  # type: ignore[method-assign]
        with walk_only():
            assert found == describe(read_html(text, path, "utf-8", ReadOptions())), path.name
    assert taken > 10 * len(articles)  # most of their blocks take the quick path


HTML_DATA = sorted(path for path in (REPO / "tests" / "data").rglob("*.htm*") if path.is_file())


@pytest.mark.parametrize("path", HTML_DATA, ids=lambda path: str(path.relative_to(REPO / "tests" / "data")))
def test_test_pages_read_as_the_walk_reads_them(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="surrogateescape")
    try:
        quick, walked = both_ways(text)
    except Exception as exc:  # a page the reader refuses: refused the same way by the walk
        with walk_only(), pytest.raises(type(exc)):
            read_html(text, path, "utf-8", ReadOptions())
        return
    assert quick == walked


@needs_corpus
@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_real_pages_read_as_the_walk_reads_them(page: Path) -> None:
    text = page.read_bytes().decode("utf-8", errors="replace")
    quick, walked = both_ways(text)
    assert quick == walked
