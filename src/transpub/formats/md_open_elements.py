"""A ``<script>`` or ``<style>`` that a Markdown block opens as raw HTML and does not close (written
inside a paragraph, so no HTML block of its own): CommonMark (Hugo's Goldmark, markdown-it) and
Python-Markdown (MkDocs) end the paragraph there and write the blocks after it as usual, and the
browser reads all of them as the element's code, up to its end tag as raw HTML (``</script>`` in a
later paragraph or HTML block; one in a code span is text). Those blocks show nothing: they are
kept as written, never offered to translators; a paragraph holding the end tag keeps what comes
before it (see :func:`.md_inline._code_elements`), an HTML block holding it is kept whole. kramdown
(Jekyll) closes the element at its paragraph's end, and shows the blocks after it: nothing runs on
there (the text before a later paragraph's end tag is kept as written still).

>>> from markdown_it import MarkdownIt
>>> tokens = MarkdownIt().parse("a <script>x\\n\\ny `</script>`\\n\\nz </script> b\\n\\nc\\n")
>>> [tokens[at].content for at in sorted(open_elements(tokens).kept) if tokens[at].type == "inline"]
['y `</script>`']
>>> {tokens[at].content: element for at, element in open_elements(tokens).ending.items()}
{'z </script> b': 'script'}
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

from markdown_it.token import Token

#: Elements whose content the browser reads as code (raw text) to their end tag: shown to nobody.
HIDDEN_ELEMENTS = frozenset({"script", "style"})
#: A comment (where no element is open: a ``<script>`` in it opens nothing), or a start tag of
#: one of :data:`HIDDEN_ELEMENTS` (``<script/>``, written as XML, is left to be read as closed, as
#: the paragraph's own reading does).
_OPENING = re.compile(r"<!--.*?-->|<(script|style)(?=[\s/>])[^>]*>", re.IGNORECASE | re.DOTALL)
#: The end tag of each, as the browser ends its code.
_ENDING = {name: re.compile(rf"</{name}(?=[\s/>])", re.IGNORECASE) for name in HIDDEN_ELEMENTS}


class OpenElements(NamedTuple):
    """Where a hidden element a previous block opened is open (token indices)."""

    #: the tokens it is open all through (an ``inline`` token, an ``html_block``…): kept as written
    kept: set[int]
    #: each other token it is open at the start of (the one holding its end tag…): the element
    ending: dict[int, str]


def open_after(html: Iterable[str], element: str) -> str:
    """The hidden element left open after the raw HTML ``html`` (its pieces in order), ``element``
    open before it (``""``: none, nor after).

    >>> open_after(["<b>", "<SCRIPT type=module>", "</b>"], ""), open_after(["x </script> y"], "script")
    ('script', '')
    """
    for piece in html:
        at = 0
        while at < len(piece):
            if element:
                end = _ENDING[element].search(piece, at)
                if end is None:
                    break
                element, at = "", end.end()
                continue
            opening = _OPENING.search(piece, at)
            if opening is None:
                break
            at = opening.end()
            if opening.group(1) and not opening.group(0).endswith("/>"):
                element = opening.group(1).lower()
    return element


def open_elements(tokens: list[Token]) -> OpenElements:
    """Where in ``tokens`` (markdown-it's, of a page) a hidden element a previous block opened is
    open: the tokens after it, up to the one holding its end tag (to the page's end if none)."""
    kept: set[int] = set()
    ending: dict[int, str] = {}
    element = ""
    for index, token in enumerate(tokens):
        before = element
        if token.type == "inline":
            html = [child.content for child in token.children or [] if child.type == "html_inline"]
            element = open_after(html, element) if html or element else element
            ended = bool(before) and any(_ENDING[before].search(piece) for piece in html)
        else:
            element = open_after([token.content], element) if token.type == "html_block" else element
            ended = (
                bool(before) and token.type == "html_block" and bool(_ENDING[before].search(token.content))
            )
        if before and not ended:
            kept.add(index)
        elif before:
            ending[index] = before
    return OpenElements(kept, ending)
