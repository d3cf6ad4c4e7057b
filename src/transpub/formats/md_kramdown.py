"""kramdown's (Jekyll's) own syntax that CommonMark reads otherwise, for the Markdown reader of a Jekyll
site (:attr:`~.options.ReadOptions.kramdown`).

kramdown ends the block above a line ``^`` (its end-of-block marker, which shows nothing):
``> A quote``, ``^``, ``> Another quote`` are two quotes, where CommonMark reads one paragraph
"A quote ^ Another quote"; in a list item, a ``^`` indented as the item's text (``* First``,
``  ^``, ``  Second``) ends the block above it in the item. :func:`end_of_blocks` makes each such
line blank in the text markdown-it reads (the page keeps it as written).

kramdown replaces the first list that has the attribute list ``{:toc}`` (``* TOC`` then ``{:toc}``)
by the page's table of contents, and the first with ``{:footnotes}`` by its footnotes: the text of
such a list is never shown, and :func:`placeholder_lists` finds them so that the reader keeps them as
written, offering nothing.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from markdown_it.token import Token

#: kramdown's end-of-block marker: ``^`` at a line's start (after a quote's markers: at the start of
#: the quote's line), blanks after it (the markers possessive: no 2 ** n readings of ``> > > x``).
_END_OF_BLOCK = re.compile(r"^(?:[ ]{0,3}>[ ]?)*+\^[ \t]*$", re.M)


#: A line's quote markers (``> > ``), then its indentation.
_QUOTED_INDENT = re.compile(r"((?:[ ]{0,3}>[ ]?)*+)([ \t]*)")
#: The start of a list item as kramdown reads it (no ``1)``), after its indentation: its marker and
#: the blanks after it, which kramdown takes all as the indentation of the item's text.
_ITEM_START = re.compile(r"(?:[-*+]|\d{1,9}\.)(?:[ \t]+|$)")


def end_of_blocks(parsed: str) -> str:
    """``parsed`` (the text markdown-it reads) with each of kramdown's end-of-block markers a blank:
    the line ends the block above it, as in kramdown (in code, where it is code, the blank changes
    nothing that is read); in a list item too (see :func:`_item_ends`).

    >>> end_of_blocks("> A quote\\n^\\n> Another quote\\n")
    '> A quote\\n \\n> Another quote\\n'
    >>> end_of_blocks("* First\\n  ^\\n  Second\\n\\nA\\n  ^\\n")
    '* First\\n   \\n  Second\\n\\nA\\n  ^\\n'
    """
    parsed = _END_OF_BLOCK.sub(lambda found: found.group().replace("^", " ", 1), parsed)
    if "^" not in parsed:
        return parsed
    lines = parsed.split("\n")
    for number in _item_ends(lines):
        lines[number] = lines[number].replace("^", " ", 1)
    return "\n".join(lines)


def _item_ends(lines: list[str]) -> Iterator[int]:
    """The (0-based) numbers of the lines of ``lines`` that are a ``^`` indented as the text of the
    list item they are in (``* First``, ``  ^``; kramdown reads the item's text without that
    indentation, and then the marker at its start); a ``^`` indented otherwise is text. Read
    line by line: the text columns of the items open at each line, in the same quote; a line that
    starts at the quote's margin, not an item's start, ends them (as it ends the list, a lazy
    line aside)."""
    columns: list[int] = []
    depth = 0
    for number, line in enumerate(lines):
        found = _QUOTED_INDENT.match(line)
        assert found is not None  # (it matches an empty start)
        quotes, rest = found.group(1).count(">"), line[found.end() :]
        indent = len(found.group(2).expandtabs(4))
        if quotes != depth:
            columns, depth = [], quotes
        if not rest:
            continue
        item = _ITEM_START.match(rest)
        if item is not None:
            while columns and columns[-1] > indent:
                columns.pop()
            columns.append(indent + len(item.group().expandtabs(4)))
        elif rest.rstrip(" \t") == "^" and columns and columns[-1] == indent:
            yield number
        elif indent == 0:
            columns = []


#: A block attribute list (``{:toc}``, ``{: .lead toc}``): not an extension (``{::comment}``,
#: ``{:/comment}``) nor an attribute list definition (``{:ref: .x}``); its inside.
_IAL = re.compile(r"\{:(?![:/])(?![ \t]*[\w-]+:)(.*)\}", re.S)
#: A ``key="value"`` of an attribute list (its value may hold spaces).
_KEY_VALUE = re.compile(r"""[\w-]+=(?:"(?:\\.|[^"\\])*"|'(?:\\.|[^'\\])*')""")
#: A reference of an attribute list: a name alone (``toc``), no ``.class`` nor ``#id``.
_REFERENCE = re.compile(r"\w[\w-]*")
#: The references that make the list they are set on a placeholder kramdown replaces (its first
#: such list): by the table of contents, by the footnotes.
_PLACEHOLDERS = ("toc", "footnotes")


def _references(raw: str) -> frozenset[str]:
    """The references of the block attribute list ``raw`` as written (none: another token).

    >>> sorted(_references("{: .lead toc title='A b'}")), _references("{:toc: .x}"), _references("{::comment}")
    (['toc'], frozenset(), frozenset())
    """
    found = _IAL.fullmatch(raw)
    if found is None:
        return frozenset()
    words = _KEY_VALUE.sub(" ", found.group(1)).split()
    return frozenset(word for word in words if _REFERENCE.fullmatch(word))


def placeholder_lists(tokens: list[Token], parsed: str, lists: dict[int, str]) -> set[int]:
    """The indices of the tokens of each list kramdown replaces by the table of contents (``* TOC``
    then ``{:toc}``) or by the footnotes (``{:footnotes}``), its opening and closing tokens too:
    their text is never shown. ``parsed``: the text markdown-it read; ``lists``: the page's
    block attribute lists as written, by their (0-based) line.

    An attribute list is set on the list right above it, or on the list right under it when the
    line above it is blank (else on that line's block); each placeholder takes the page's first list
    that has its reference."""
    lines = parsed.split("\n")
    levels = {token.map[0]: token.level for token in tokens if token.type == "html_block" and token.map}
    firsts: dict[str, int] = {}
    for index, token in enumerate(tokens):
        if token.type not in ("bullet_list_open", "ordered_list_open") or token.map is None:
            continue
        set_on = _set_on_list(token.map, token.level, lines, lists, levels)
        for kind in _PLACEHOLDERS:
            if kind in set_on:
                firsts.setdefault(kind, index)
    kept: set[int] = set()
    for start in firsts.values():
        end = next(
            at
            for at in range(start + 1, len(tokens))
            if tokens[at].nesting < 0 and tokens[at].level == tokens[start].level
        )
        kept.update(range(start, end + 1))
    return kept


def _blank(line: str) -> bool:
    """Whether ``line`` is blank (in a quote too: ``>``)."""
    return not line.strip(" \t>")


def _set_on_list(
    lines_of: list[int], level: int, lines: list[str], lists: dict[int, str], levels: dict[int, int]
) -> frozenset[str]:
    """The references of the block attribute lists set on the list on ``lines_of`` (its first line
    and the one after its last) at ``level`` (see :func:`placeholder_lists`): the attribute lists on
    the lines right under it, and those right above it."""
    first, end = lines_of
    found: set[str] = set()
    below = end if end > 0 and not _blank(lines[end - 1]) else None
    while below is not None and below in lists and levels.get(below) == level:
        found |= _references(lists[below])
        below += 1
    above = first - 1
    while above in lists and levels.get(above) == level:
        above -= 1
    if above < first - 1 and (above < 0 or _blank(lines[above])):
        for line in range(above + 1, first):
            found |= _references(lists[line])
    return frozenset(found)
