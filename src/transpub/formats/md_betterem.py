"""Emphasis as MkDocs reads it: Python-Markdown with pymdownx.betterem (which MkDocs-Material
recommends), whose runs of ``*`` and ``_`` open and close where CommonMark's do not.

CommonMark opens emphasis only at a left-flanking run and closes it only at a right-flanking one,
and punctuation beside a run changes which it is: ``**注意：**阅读`` and ``a**"b"**c`` are text to
Goldmark, strong emphasis to Python-Markdown. Read as CommonMark, a page MkDocs builds offered the
asterisks as text, which a translation then escaped: the translated page showed them. betterem
looks at spaces alone: a run of ``*`` opens where no space follows it and closes where none precedes
it (inside a word too); a run of ``_`` (its smart rule, on by default) opens where no space follows
it and no letter, digit or ``_`` precedes it, and closes where no space precedes it and none of those
follows it (``snake_case`` and ``x_y_z`` hold none). Read for MkDocs (see
:attr:`~transpub.formats.options.ReadOptions.betterem_emphasis`), the runs pair as markdown-it pairs
them (a run glued to another of its kind, ``**a****b**``, may still pair otherwise than betterem's
patterns do). Its ``smart_enable: all``, which MkDocs-Material's documentation sets, reads ``*`` as
``_``; the writer judges a translation's runs so (:func:`~.md_flanking.needs_apart`), and the reader
as the default does (a source's ``a*b*c`` offered as emphasis is written back as it is).
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from markdown_it.rules_inline.state_inline import Delimiter

from .md_flanking import betterem_flanks


def betterem_emphasis(md: MarkdownIt) -> None:
    """Read the emphasis of ``md`` (a parser :mod:`.md_parser` set up for reading) as betterem opens
    and closes it (see the module's docstring)."""
    md.inline.ruler.at("emphasis", _tokenize)


def _tokenize(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis rule (each marker a text token and a delimiter), the run's opening and
    closing judged by :func:`betterem_flanks`."""
    start = state.pos
    marker = state.src[start]
    if silent or marker not in ("_", "*"):
        return False
    end = start
    while end < state.posMax and state.src[end] == marker:
        end += 1
    run = state.src[start:end]
    before = state.src[start - 1] if start > 0 else " "
    after = state.src[end] if end < state.posMax else " "
    can_open = betterem_flanks(run, before, after, opening=True)
    can_close = betterem_flanks(run, before, after, opening=False)
    for _ in run:
        token = state.push("text", "", 0)
        token.content = marker
        state.delimiters.append(
            Delimiter(ord(marker), len(run), len(state.tokens) - 1, -1, can_open, can_close)
        )
    state.pos = end
    return True
