"""Where markdown-it's text is in the article: the article as written, and maps from inline content to it.

markdown-it reads a copy of the article with Windows line ends as ``\\n`` (and front matter and
template tokens masked, same length); a block's inline content is its lines without container
prefixes (``> ``, list indentation), joined and trimmed. A :class:`ContentMap` takes an offset in
that content to an offset in the article, so every token's source can be cut from the article as
written.
"""

from __future__ import annotations

import bisect
import re

#: What markdown-it reads in place of each character of an inline template token (same length).
MASK = "\ue000"
_LINE_END = re.compile("\n")


class Source:
    """The article as written (``original``) and as markdown-it reads it (``text``: line ends as ``\\n``)."""

    def __init__(self, original: str) -> None:
        self.original = original
        self._line_ends: list[int] | None = None
        if "\r" not in original:
            self.text = original
            self._removed: list[int] = []
        else:
            self.text = original.replace("\r\n", "\n").replace("\r", "\n")
            self._removed = [
                match.start() - index for index, match in enumerate(re.finditer("\r\n", original))
            ]

    @property
    def newline(self) -> str:
        """The article's line end: ``\r\n`` when it has Windows line ends, else ``\n``."""
        return "\r\n" if self._removed else "\n"

    def at(self, pos: int) -> int:
        """The offset in ``original`` of offset ``pos`` of ``text``."""
        return pos + bisect.bisect_left(self._removed, pos) if self._removed else pos

    def raw(self, start: int, end: int) -> str:
        """The article as written between offsets ``start`` and ``end`` of ``text``."""
        if not self._removed:
            return self.original[start:end]
        return self.original[self.at(start) : self.at(end)]

    def line_of(self, pos: int) -> int:
        """The 1-based line of offset ``pos`` of ``text`` (its line ends found once: a warning for
        each of thousands of unclosed shortcodes counted them again from the start, n² time)."""
        if self._line_ends is None:
            self._line_ends = [match.start() for match in _LINE_END.finditer(self.text)]
        return bisect.bisect_left(self._line_ends, pos) + 1


class ContentMap:
    """Offsets of a block's inline content → offsets of the article text.

    The content is made of segments, each a run of characters copied from the text: segment ``i``
    starts at content offset ``starts[i]`` and text offset ``sources[i]``. A segment may begin with
    ``holes[i]`` characters that are not in the text (spaces markdown-it put for a tab), which map to
    its start, and may own ``leads[i]`` characters of the text before it (the ``\\`` of a ``\\|`` in a
    table cell), which a token starting there includes.
    """

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.sources: list[int] = []
        self.holes: list[int] = []
        self.leads: list[int] = []
        self.led = False  # (whether a segment owns text before it: not asked of every segment per cut)

    def add(self, content_start: int, source_start: int, hole: int = 0, lead: int = 0) -> None:
        """Add a segment (segments are added in content order)."""
        self.starts.append(content_start)
        self.sources.append(source_start)
        self.holes.append(hole)
        self.leads.append(lead)
        self.led = self.led or lead != 0

    def __call__(self, pos: int) -> int:
        index = bisect.bisect_right(self.starts, pos) - 1
        if index < 0:
            return self.sources[0] if self.sources else pos
        offset = pos - self.starts[index]
        if offset == 0:
            return self.sources[index] - self.leads[index]
        return self.sources[index] + max(0, offset - self.holes[index])

    def cuts(self, start: int, end: int) -> list[int]:
        """Content offsets strictly inside ``start..end`` where a text token must be cut (around a
        character that owns text before it, so that each such character is a piece of its own)."""
        found: list[int] = []
        if not self.led:
            return found
        index = bisect.bisect_right(self.starts, start)
        while index < len(self.starts) and self.starts[index] < end:
            if self.leads[index]:
                found.extend(p for p in (self.starts[index], self.starts[index] + 1) if start < p < end)
            index += 1
        return found


def line_content_map(content: str, lines: list[tuple[int, int, int]], text: str) -> ContentMap | None:
    """The map of a paragraph-like block's ``content`` (its ``lines`` joined and trimmed), or None when
    a line cannot be found where it should be.

    ``lines`` are ``(line start, content start, line end)`` text offsets as markdown-it saw them.
    """
    mapping = ContentMap()
    content_lines = content.split("\n")
    position = 0
    line_index = 0
    for number, piece in enumerate(content_lines):
        last = number == len(content_lines) - 1
        found = None
        while line_index < len(lines) and found is None:
            begin, _, end = lines[line_index]
            line_index += 1
            found = _locate(piece, text, begin, end, first=number == 0, last=last)
        if found is None:
            return None
        source, hole = found
        mapping.add(position, source, hole)
        position += len(piece) + 1
    return mapping


def _locate(
    piece: str, text: str, begin: int, end: int, *, first: bool, last: bool
) -> tuple[int, int] | None:
    """Where ``piece`` (a content line) starts in the line ``begin..end``: a suffix of it (of its
    trimmed end for the last line); a piece starting with spaces that are not there came from a tab."""
    if not piece:
        return (end, 0)
    stripped = piece.lstrip(" ")
    ends = [end]
    if last:  # the last line's trailing whitespace was trimmed (markdown-it's idea of whitespace)
        trimmed = end
        while trimmed > begin and text[trimmed - 1].isspace():
            trimmed -= 1
        kept = len(piece) - len(piece.rstrip())
        ends.append(min(end, trimmed + kept))
    for end in ends:
        if text.endswith(piece, begin, end) and end - len(piece) >= begin:
            return (end - len(piece), 0)
        if stripped != piece and text.endswith(stripped, begin, end) and end - len(stripped) >= begin:
            return (end - len(stripped), len(piece) - len(stripped))
    return None
