"""An HTML block over several lines inside a Markdown container: a list item (its lines indented)
or a quote (its lines after ``>``).

markdown-it gives such a block's content without the container's prefix on each line; the HTML
reader reads that content, and its parts are put back in the page with the prefix after each of
their line breaks, so that what nobody translated is written as the source has it. A translation is
written on one line there (its line breaks spaces): a line without the prefix would leave the
container, and the rest of the block would be read as Markdown.
"""

from __future__ import annotations

from typing import NamedTuple

from .document import AttrSlot, DateSlot, Gap, LinkTarget, Marker, Part, Tag, TextSlot


class Contained(NamedTuple):
    """Where an HTML block's content is in the page (``start``, ``end``: from its first character to
    its last line's end) and the prefix each of its later lines has there."""

    start: int
    end: int
    prefix: str


def contained_block(text: str, lines: list[tuple[int, int, int]], content: str) -> Contained | None:
    """Where ``content`` (an HTML block's, its last line break left out) is in ``text``, each of its
    lines at the end of one of ``lines`` (markdown-it's: line start, first character, line end),
    when every line after the first has the same prefix there; None otherwise (a tab markdown-it
    read as spaces, prefixes that differ: ``>`` and ``> ``)."""
    pieces = content.split("\n")
    if len(pieces) < 2 or len(lines) < len(pieces):
        return None
    prefix: str | None = None
    for index, piece in enumerate(pieces):
        line_end = lines[index][2]
        start = line_end - len(piece)
        if start < lines[index][0] or text[start:line_end] != piece:
            return None
        if index == 0:
            first = start
            continue
        found = text[lines[index - 1][2] + 1 : start]
        if prefix is None:
            prefix = found
        elif found != prefix:
            return None
    if not prefix:
        return None
    return Contained(first, lines[len(pieces) - 1][2], prefix)


def with_prefix(parts: list[Part], prefix: str, done: set[int] | None = None) -> list[Part] | None:
    """``parts`` (read from a block's content) with ``prefix`` after each line break of their source
    text (the slots and tags among them changed in place), or None where a line break is in a value
    this cannot follow (an attribute's, a URL's). ``done``: the ids of the tags and slots changed
    already (a slot's placeholder and its parts may hold the same tag)."""
    done = set() if done is None else done
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            if "\n" in part:
                written = part.replace("\n", "\n" + prefix)
                part = Gap(written) if isinstance(part, Gap) else written
        elif isinstance(part, (AttrSlot, LinkTarget)):
            if "\n" in part.raw:
                return None
        elif isinstance(part, (Tag, DateSlot, TextSlot)):
            if id(part) not in done:
                done.add(id(part))
                inner = with_prefix(part.parts, prefix, done)
                if inner is None or (
                    isinstance(part, TextSlot) and not _pieces_with_prefix(part, prefix, done)
                ):
                    return None
                part.parts = inner
        elif not isinstance(part, Marker):
            return None  # (no other part is read from HTML)
        out.append(part)
    return out


def _pieces_with_prefix(slot: TextSlot, prefix: str, done: set[int]) -> bool:
    """Put ``prefix`` after the line breaks of ``slot``'s placeholders' source markup; False where
    one cannot have it."""
    for number, piece in slot.pieces.items():
        if isinstance(piece, list):
            found = with_prefix(piece, prefix, done)
            if found is None:
                return False
            slot.pieces[number] = found
            continue
        opening = with_prefix(piece.open, prefix, done)
        closing = with_prefix(piece.close, prefix, done)
        same = None if piece.same is None else with_prefix(piece.same, prefix, done)
        if opening is None or closing is None or (piece.same is not None and same is None):
            return False
        piece.open, piece.close, piece.same = opening, closing, same
    return True
