"""Emphasis a translation glues to its text, written so that it still opens and closes.

CommonMark (Hugo's Goldmark, markdown-it) opens emphasis (``*``, ``_``, ``~~``) only at a run that
is left-flanking and closes it only at one that is right-flanking: a closing ``**`` after
punctuation and before a letter closes nothing. Languages that write no space between words glue
text to the source's markup, so the page showed the asterisks: ``**注意：**阅读`` (a translation
of ``**Note:** read``), ``看**注意。**这里``, ``_访问_了解`` (an underscore closes no emphasis
before a letter). An empty HTML comment (which shows nothing) written outside such a run puts an
ASCII punctuation character beside it (``>`` before it, ``<`` after it), which makes it flank:
``**注意：**<!-- -->阅读``. kramdown and Python-Markdown show the comment as nothing too.

Unicode punctuation is read both as CommonMark 0.30 reads it (the P categories) and as 0.31 does
(the S categories too): a run either reading leaves unopened or unclosed gets the comment. For a
site MkDocs builds, a run is judged as pymdownx.betterem reads it with ``smart_enable: all``
(:func:`betterem_flanks`), its strictest setting, which MkDocs-Material's documentation sets: a
``**`` or ``_`` glued to a letter or digit outside it gets the comment (``**注意：**<!-- -->阅读``,
which its default setting shows as it shows ``**注意：**阅读``), one after punctuation before a space
or punctuation none.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

#: The source's markup of emphasis, strong emphasis or strikethrough: a run of one delimiter.
_DELIMITER_RUN = re.compile(r"\*+|_+|~+")


def _kind(char: str, symbols: bool) -> str:
    """``char`` as flanking reads it: ``" "`` whitespace, ``"."`` punctuation (``symbols``: the S
    categories too), ``"a"`` anything else."""
    if char.isspace():
        return " "
    if char.isascii():
        return "a" if char.isalnum() else "."
    category = unicodedata.category(char)
    return "." if category[0] == "P" or (symbols and category[0] == "S") else "a"


def _flanks(run: str, before: str, after: str, opening: bool, symbols: bool) -> bool:
    """Whether the delimiter ``run`` between ``before`` and ``after`` (one character each) can open
    (``opening``) or close emphasis, as CommonMark reads it (``symbols``: see :func:`_kind`)."""
    prev, nxt = _kind(before, symbols), _kind(after, symbols)
    left = nxt != " " and (nxt != "." or prev in " .")
    right = prev != " " and (prev != "." or nxt in " .")
    if run[0] == "_":
        return left and (not right or prev == ".") if opening else right and (not left or nxt == ".")
    return left if opening else right


def betterem_flanks(run: str, before: str, after: str, opening: bool, smart: bool = False) -> bool:
    """Whether the run of ``*`` or ``_`` ``run`` between the characters ``before`` and ``after`` (a
    space for a text's edge) can open (``opening``) or close emphasis, as pymdownx.betterem reads it
    (its default, smart underscore; ``smart``: its ``smart_enable: all`` too, which MkDocs-Material's
    documentation sets, where a run of ``*`` is read as one of ``_``, but for a ``_`` beside it).

    >>> betterem_flanks("**", "：", "阅", opening=False), betterem_flanks("**", " ", "a", opening=False)
    (True, False)
    >>> betterem_flanks("_", "e", "c", opening=True), betterem_flanks("_", "(", "c", opening=True)
    (False, True)
    >>> betterem_flanks("**", "：", "阅", opening=False, smart=True), betterem_flanks("*", "x", "_", False, True)
    (False, True)
    """
    if (after if opening else before).isspace():
        return False
    beside = before if opening else after
    if run[0] == "*":
        return not smart or beside == "_" or not beside.isalnum()
    return not (beside.isalnum() or beside == "_")


def needs_apart(
    markup: Sequence[object], before: str, after: str, opening: bool, betterem: bool = False
) -> bool:
    """Whether ``markup`` (a placeholder's source markup) is a run opening (``opening``) or closing
    emphasis that the translation's characters ``before`` and ``after`` it keep from doing so, in
    either reading of punctuation, where an empty comment outside it lets it (the inside not
    whitespace). An empty ``before`` or ``after`` (other markup, the text's edge) is not judged, nor
    a run beside another of its character (which makes one run with it). ``betterem``: as
    pymdownx.betterem reads it (MkDocs) with its smart rules for both characters, which a comment
    satisfies whichever the site sets, not as CommonMark does.

    >>> needs_apart(["**"], "：", "阅", opening=False), needs_apart(["**"], "：", " ", opening=False)
    (True, False)
    >>> needs_apart(["_"], "问", "了", opening=False), needs_apart(["_"], "在", "去", opening=True)
    (True, True)
    >>> needs_apart(["*"], "里", "了", opening=False), needs_apart(["**"], "", "阅", opening=False)
    (False, False)
    >>> needs_apart(["**"], "：", " ", False, betterem=True), needs_apart(["_"], "问", "了", False, betterem=True)
    (False, True)
    >>> needs_apart(["**"], "：", "阅", False, betterem=True), needs_apart(["**"], "问", "：", False, betterem=True)
    (True, False)
    """
    if len(markup) != 1 or markup[0].__class__ is not str or not before or not after:
        return False
    run = str(markup[0])
    if _DELIMITER_RUN.fullmatch(run) is None or (after if opening else before).isspace():
        return False
    if run[0] in (before, after):
        return False  # (one run with the markup beside it, ``***bar***``: judged whole, as the source's)
    if betterem and run[0] != "~":  # (pymdownx.tilde's ~~ is left to CommonMark's judgement)
        return not betterem_flanks(run, before, after, opening, smart=True)
    return not (_flanks(run, before, after, opening, False) and _flanks(run, before, after, opening, True))
