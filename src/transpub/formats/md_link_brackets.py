"""Brackets a Markdown source writes as they are around a link (``[[[x](y)](y)](y)``), which a
translation keeping them writes as the source does.

A link holds no link in CommonMark: ``[[[x](y)](y)](y)`` is a link ``x`` with ``[[`` before it and
``](y)](y)`` after it as text to Goldmark (Hugo), and kramdown and Python-Markdown link the outer
brackets. :func:`~transpub.formats.md_escape.escape_markdown` writes a translation's brackets
``&#91;`` and ``&#93;`` (text in every renderer), so a pseudo-translated page wrote
``&#91;&#91;[x](y)&#93;(y)&#93;(y)``. Where a translation writes the run of ``[`` the source writes
right before a link and the ``](address)`` groups it writes right after it (an address of plain
characters, no title), both around the same link, they are written as the source writes them: the
brackets and addresses are the source's, in the source's order around the source's link, so each
renderer links what it links in the source. Not after a translator's ``!`` (an image), ``\\`` or
``]``, nor after other markup than the source's.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..inline import PLACEHOLDER_RE
from .runs import Atom

#: The ``[`` a text ends with.
_OPENINGS = re.compile(r"(?<![\\!\[])\[+$")
#: The ``](address)`` groups a text starts with (no title, no space, nothing an escape changes).
_CLOSINGS = re.compile(r"(?:\]\([A-Za-z0-9./#?=%+-]*\))+")
#: What a translator's text may not end with right before a kept ``[``: an image's ``!``, an
#: escape, a reference's ``]``.
_NOT_BEFORE = ("!", "\\", "]")


def link_brackets_in(atoms: list[Atom]) -> tuple[tuple[str, str], ...]:
    """The runs of ``[`` the text of ``atoms`` writes as it is right before a link, and the
    ``](address)`` groups it writes right after one: ``(openings, closings)`` for each pair of them.

    >>> texts = [Atom("text", "A [[", "A [["), Atom("open", parts=["["]), Atom("text", "x", "x")]
    >>> link = [Atom("close", parts=["](", "y", ")"]), Atom("text", "](y)](y) b", "](y)](y) b")]
    >>> link_brackets_in([*texts, *link])
    (('[[', '](y)](y)'),)
    """
    openings, closings = [], []
    for before, atom, after in zip(atoms, atoms[1:], atoms[2:], strict=False):
        if atom.kind == "open" and atom.parts[:1] == ["["] and before.kind == "text":
            found = _OPENINGS.search(before.raw)
            if found and before.text.endswith(found.group()):
                openings.append(found.group())
        if atom.kind == "close" and atom.parts[-1:] == [")"] and after.kind == "text":
            found = _CLOSINGS.match(after.raw)
            if found and after.text.startswith(found.group()):
                closings.append(found.group())
    return tuple(dict.fromkeys((opening, closing) for opening in openings for closing in closings))


def link_brackets_kept(
    brackets: tuple[tuple[str, str], ...],
    msgid: str,
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    """How each text of ``translation`` is written (see
    :attr:`~transpub.formats.document.TextSlot.keep_runs`, ``keep_runs`` first): the brackets of
    ``brackets`` (see :func:`link_brackets_in`) that ``msgid`` writes around a placeholder ``<N>…</N>``
    as the source writes them, where the translation writes both around it too (see the module's
    docstring).

    >>> keep = link_brackets_kept((("[[", "](y)](y)"),), "[[<1>x</1>](y)](y)", None, "Ein [[<1>x</1>](y)](y).")
    >>> keep(0, "Ein [[", "Ein &#91;&#91;"), keep(1, "x", "x"), keep(2, "](y)](y).", "&#93;(y)&#93;(y).")
    ('Ein [[', 'x', '](y)](y).')
    >>> keep = link_brackets_kept((("[[", "](y)](y)"),), "[[<1>x</1>](y)](y)", None, "Ein ![[<1>x</1>](y)](y).")
    >>> keep(0, "Ein ![[", "Ein !&#91;&#91;")
    'Ein !&#91;&#91;'
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    ends, starts = _kept_pieces(brackets, msgid, translation)

    def written_with_brackets(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        opening = ends.get(number)
        if opening is not None and written.endswith("&#91;" * len(opening)):
            written = written[: len(written) - 5 * len(opening)] + opening
        closing = starts.get(number)
        escaped = closing.replace("]", "&#93;") if closing is not None else None
        if closing is not None and escaped is not None and written.startswith(escaped):
            written = closing + written[len(escaped) :]
        return written

    return written_with_brackets


def _kept_pieces(
    brackets: tuple[tuple[str, str], ...], msgid: str, translation: str
) -> tuple[dict[int, str], dict[int, str]]:
    """The texts of ``translation`` (by number) whose end is a run of ``[`` kept, and those whose
    start is ``](address)`` groups kept (see :func:`link_brackets_kept`)."""
    split = PLACEHOLDER_RE.split(translation)
    ends: dict[int, str] = {}
    starts: dict[int, str] = {}
    for opening, closing in brackets:
        for match in re.finditer(re.escape(opening) + r"<(\d+)>", msgid):
            number = match.group(1)
            if f"</{number}>{closing}" not in msgid:
                continue
            opened = next(
                (at for at in range(1, len(split), 4) if split[at : at + 3] == ["", number, ""]), None
            )
            closed = next(
                (at for at in range(1, len(split), 4) if split[at : at + 3] == ["/", number, ""]), None
            )
            if opened is None or closed is None:
                continue
            before, after = split[opened - 1], split[closed + 3]
            if not (before.endswith(opening) and after.startswith(closing)):
                continue
            rest = before[: len(before) - len(opening)]
            if (rest or opened > 1) and (not rest or rest.endswith(_NOT_BEFORE)):
                continue  # (after other markup, an image's !, an escape or a ])
            ends[(opened - 1) // 4] = opening
            starts[(closed + 3) // 4] = closing
    return ends, starts
