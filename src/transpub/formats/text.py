"""Plain-text articles: the first line is the title, blank lines separate paragraphs."""

from __future__ import annotations

import re
from pathlib import Path

from ..segment import split_sentences
from .document import Document, Part, TextSlot

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n[\s]*")
_WS = re.compile(r"\s+")


def read_text(text: str, path: Path, encoding: str, *, source_locale: str, segmentation: str) -> Document:
    """Build the :class:`Document` of a plain-text article."""
    parts: list[Part] = []
    pos = 0
    index = 0
    first_line_end = text.find("\n")
    title_end = len(text) if first_line_end < 0 else first_line_end
    blocks: list[tuple[int, int, str]] = []
    if text[:title_end].strip():
        blocks.append((0, title_end, "title"))
        pos = title_end
    for match in re.finditer(r"[^\n]+(?:\n[ \t]*[^\s][^\n]*)*", text[pos:]):
        start, end = pos + match.start(), pos + match.end()
        if match.group(0).strip():
            blocks.append((start, end, "text"))
    pos = 0
    for start, end, kind in blocks:
        raw = text[start:end]
        lead = len(raw) - len(raw.lstrip())
        trail = len(raw.rstrip())
        parts.append(text[pos:start + lead])
        index += 1
        ref = "title" if kind == "title" else f"p[{index - 1}]"
        parts.extend(_sentences(raw[lead:trail], ref, kind, source_locale, segmentation))
        pos = start + trail
    parts.append(text[pos:])
    return Document(path=path, format="text", encoding=encoding,
                    parts=[p for p in parts if p != ""], source_locale=source_locale)


def _sentences(block: str, ref: str, kind: str, lang: str, segmentation: str) -> list[Part]:
    spans = [(0, len(block))] if segmentation == "paragraph" or kind == "title" else split_sentences(block, lang)
    if not spans:
        return [block]
    notes: tuple[str, ...] = ()
    if len(spans) > 1:
        notes = ("Paragraph: " + _WS.sub(" ", block).strip(),)
    parts: list[Part] = []
    pos = 0
    for start, end in spans:
        parts.append(block[pos:start])
        sentence = block[start:end]
        parts.append(TextSlot(msgid=_WS.sub(" ", sentence).strip(), ref=ref, parts=[sentence],
                              notes=notes, kind=kind))
        pos = end
    parts.append(block[pos:])
    return parts
