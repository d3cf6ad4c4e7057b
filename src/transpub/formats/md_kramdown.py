"""kramdown's (Jekyll's) own syntax that CommonMark reads otherwise, for the Markdown reader of a Jekyll
site (:attr:`~.options.ReadOptions.kramdown`).

kramdown ends the block above a line ``^`` (its end-of-block marker, which shows nothing):
``> A quote``, ``^``, ``> Another quote`` are two quotes, where CommonMark reads one paragraph
"A quote ^ Another quote". :func:`end_of_blocks` makes each such line blank in the text markdown-it
reads (the page keeps it as written).
"""

from __future__ import annotations

import re

#: kramdown's end-of-block marker: ``^`` at a line's start (after a quote's markers: at the start of
#: the quote's line), blanks after it (the markers possessive: no 2 ** n readings of ``> > > x``).
_END_OF_BLOCK = re.compile(r"^(?:[ ]{0,3}>[ ]?)*+\^[ \t]*$", re.M)


def end_of_blocks(parsed: str) -> str:
    """``parsed`` (the text markdown-it reads) with each of kramdown's end-of-block markers a blank:
    the line ends the block above it, as in kramdown (in code, where it is code, the blank changes
    nothing that is read).

    >>> end_of_blocks("> A quote\\n^\\n> Another quote\\n")
    '> A quote\\n \\n> Another quote\\n'
    """
    return _END_OF_BLOCK.sub(lambda found: found.group().replace("^", " ", 1), parsed)
