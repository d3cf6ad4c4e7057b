"""A stand-in Markdown reader for compile's Markdown output tests (no tests here).

It gives what the Markdown reader promises (/work/notes/mdread-interface.md): a ``Document`` with
``format == "markdown"`` whose ``render()`` is the source byte for byte and whose units are the
text of each line, with ``[text](url)`` links as placeholders whose targets are ``LinkTarget``s
and a front matter ``title:`` as the title unit. Only the shapes these tests write are read.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transpub import sources
from transpub.formats.document import Document, LinkTarget, PairedPieces, Part, TextSlot
from transpub.model import Placeholder

_LINE = re.compile(r"(?P<prefix>#+ |- |title: )?(?P<text>.*?)(?P<end>\r?\n?)\Z", re.S)
_LINK = re.compile(r"\[([^\]]*)\]\(([^)\s]*)\)")


def _slot(text: str, ref: str, kind: str) -> TextSlot:
    parts: list[Part] = []
    pieces: dict[int, PairedPieces | list[Part]] = {}
    msgid: list[str] = []
    pos = 0
    for number, link in enumerate(_LINK.finditer(text), 1):
        target = LinkTarget(link.group(2), link.group(2), lambda url: url)
        parts += [text[pos : link.start()], "[", link.group(1), "](", target, ")"]
        pieces[number] = PairedPieces(["["], ["](", target, ")"])
        msgid += [text[pos : link.start()], f"<{number}>{link.group(1)}</{number}>"]
        pos = link.end()
    parts.append(text[pos:])
    msgid.append(text[pos:])
    placeholders = tuple(Placeholder(n, "a", True) for n in pieces)
    return TextSlot(
        "".join(msgid),
        ref,
        [p for p in parts if p != ""],
        placeholders,
        pieces,
        kind=kind,
        markable=kind == "text",
    )


def read_stub(text: str, path: Path, source_locale: str) -> Document:
    """The stand-in Document of a small Markdown article."""
    parts: list[Part] = []
    in_code = in_front_matter = False
    for number, line in enumerate(text.splitlines(keepends=True), 1):
        match = _LINE.match(line)
        assert match is not None
        body = match.group("text")
        if line.startswith("```"):
            in_code = not in_code
        if line.startswith("---"):
            in_front_matter = number == 1
        other_key = in_front_matter and match.group("prefix") != "title: "
        if in_code or other_key or line.startswith(("```", "---")) or not body.strip():
            parts.append(line)
            continue
        prefix = match.group("prefix") or ""
        parts += [
            prefix,
            _slot(body, f"line{number}", "title" if prefix == "title: " else "text"),
            match.group("end"),
        ]
    return Document(path, "markdown", "utf-8", [p for p in parts if p != ""], source_locale)


@pytest.fixture
def markdown_reader(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read ``.md`` articles with the stand-in reader (every workflow loads articles through sources)."""
    original = sources.read_article

    def read(path: Path, options, *, display_path: str | None = None) -> Document:  # type: ignore[no-untyped-def]
        if path.suffix != ".md":
            return original(path, options, display_path=display_path)
        return read_stub(path.read_text("utf-8"), path, options.source_locale)

    monkeypatch.setattr(sources, "read_article", read)
