"""Text after an HTML element on its line in Markdown (``<hr> More``, ``<p>A</p> More``), as
Python-Markdown (MkDocs) reads it.

Python-Markdown ends its raw HTML block with the element and reads the rest of that line as
Markdown from the start of a block (four spaces: code; ``: x``: a definition; ``{: onclick=x}``: an
attribute list), after taking every character reference, comment or declaration on that line out of
it (they are put back with the next raw HTML, elsewhere): the escapes a translation is written with
there are gone, and what remains is read as it is. From the line's break on, the text is Markdown as
anywhere else. kramdown (Jekyll) reads that text as a paragraph, CommonMark (Hugo) as raw HTML.
"""

from __future__ import annotations

from typing import NamedTuple

from .html_tokens import Token
from .html_tree import VOID

#: The elements whose end tag ends CommonMark's HTML block on its line (its kind 1; the reader's
#: other block rules leave them out too).
COMMONMARK_RAW_TAGS = frozenset({"pre", "script", "style", "textarea"})


class Tails(NamedTuple):
    """The texts after an element on its line in an HTML block (:func:`tails_in`)."""

    #: Where each piece of such text is in the block (start, end), on the element's line only.
    spans: list[tuple[int, int]]
    #: Whether such text must be kept as written: the source's text writes a character reference
    #: there, which Python-Markdown takes out of the line (a translation's escapes with it, were it
    #: written on that line as the source is); or it follows an element CommonMark (Hugo) ends its
    #: HTML block with (``</pre>``, ``</script>``, ``</style>``, ``</textarea>``), where a translation
    #: moved to the next line (:func:`~transpub.formats.escape.text_escape_after_element`) would be a
    #: paragraph of its own.
    referenced: bool


def tails_in(tokens: list[Token], block_tags: frozenset[str]) -> Tails:
    """The text on the line of an element of ``block_tags`` that ends in an HTML block
    (``tokens``: its :func:`~transpub.formats.html_tokens.tokenize_html`), not inside another, after
    that element (the element ends Python-Markdown's raw HTML there: see the module's docstring).

    >>> from transpub.formats.html_tokens import tokenize_html
    >>> raw = "<p>A</p> More <b>x</b> too\\nNext.\\n"
    >>> [raw[s:e] for s, e in tails_in(tokenize_html(raw), frozenset({"p"})).spans]
    [' More ', 'x', ' too']
    >>> tails_in(tokenize_html("<hr> R&amp;D\\n"), frozenset({"hr"}))
    Tails(spans=[(4, 12)], referenced=True)
    >>> tails_in(tokenize_html("<div><p>A</p> Inside.</div>\\n"), frozenset({"div", "p"})).spans
    []
    >>> tails_in(tokenize_html("<pre>x</pre> More.\\n"), frozenset({"pre"}))
    Tails(spans=[(12, 18)], referenced=True)
    """
    spans: list[tuple[int, int]] = []
    referenced = False
    depth, pos, after = 0, 0, False
    for token in tokens:
        start, pos = pos, pos + len(token.raw)
        if token.kind == "text":
            line = token.raw.split("\n", 1)[0]
            if after and line.strip():
                spans.append((start, start + len(line)))
                referenced = referenced or "&" in line
            after = after and "\n" not in token.raw
        elif token.kind == "start" and token.tag not in VOID:
            depth += 1
        elif token.kind == "end":
            depth = max(depth - 1, 0)
            ends = depth == 0 and token.tag in block_tags
            after = after or ends
            referenced = referenced or (ends and token.tag in COMMONMARK_RAW_TAGS)
        elif token.kind in ("start", "startend"):
            after = after or (depth == 0 and token.tag in block_tags)
    return Tails(spans, referenced)
