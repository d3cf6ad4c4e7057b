"""The line breaks of a post from WordPress's classic editor, as WordPress shows them.

Such a post (its ``post_content``) has no ``<p>``: when WordPress shows it, ``wpautop`` makes each
blank line a paragraph break and each other line break a ``<br />``, but next to a block's tag and
inside ``<pre>``. :func:`with_line_breaks` cuts the tokens of such a post so (a paragraph break one
token of markup that ends the text before it, a line break a ``br`` element written as itself), so
that no unit runs over a paragraph and a line break is a placeholder a translator keeps.
"""

from __future__ import annotations

import re

from .html_tokens import Token
from .html_tree import INLINE


def is_whole_page(tokens: list[Token]) -> bool:
    """Whether ``tokens`` are a whole page, never a post's ``post_content``: a ``<!DOCTYPE>`` (a page
    leaving out its optional ``<html>``, ``<head>`` and ``<body>`` tags has one) or one of those tags."""
    return any(
        (token.kind == "start" and token.tag in _DOCUMENT_TAGS)
        or (token.kind == "other" and token.raw[:9].lower() == "<!doctype")
        for token in tokens
    )


def split_at(tokens: list[Token], start: int) -> tuple[list[Token], list[Token]]:
    """``tokens`` cut where the text they were cut from reaches ``start`` (a text token there is
    cut in two): what stands before it, what stands after."""
    if start == 0:
        return [], tokens
    at = 0
    for index, token in enumerate(tokens):
        end = at + len(token.raw)
        if end > start:
            if at == start or token.kind != "text":
                return tokens[:index], tokens[index:]
            before, after = Token("text", token.raw[: start - at]), Token("text", token.raw[start - at :])
            return [*tokens[:index], before], [after, *tokens[index + 1 :]]
        at = end
    return tokens, []


#: Tags only a whole page has, never a post's ``post_content``: such a page's line breaks are HTML's
#: spaces (a project may hold pages of its own beside posts exported from WordPress).
_DOCUMENT_TAGS = frozenset({"html", "head", "body"})
#: Elements whose text WordPress's ``wpautop`` leaves as it is.
_AS_WRITTEN = frozenset({"pre", "textarea", "script", "style", "svg", "math", "option", "select"})
#: A paragraph break (a blank line, and the line ends and spaces around it), or one line break; a
#: line ends at ``\r\n``, ``\r`` or ``\n`` (WordPress reads each as ``\n``).
_BREAK = re.compile(
    r"[ \t]*(?:\r\n?|\n)(?:(?P<blank>(?:[ \t]*(?:\r\n?|\n))+)|(?:[ \t]*(?:\xa0|&nbsp;|&#160;|&#x[aA]0;))+[ \t]*(?=[\r\n]))?[ \t]*"
)  # (a line holding only no-break spaces is part of the line break before it: kept as written, as the
#    empty line it shows; were it text, a translation without it would make it a paragraph break)
#: The token of a paragraph break: it ends the text before it, in any element (see html.emit_children).
_BLOCK_BREAK: dict[str, str | None] = {"block-break": "1"}


def with_line_breaks(tokens: list[Token]) -> list[Token]:
    r"""``tokens`` with the line breaks of their text cut out as WordPress shows them: a blank line
    (a paragraph break) one token of markup that ends the text before it, any other line break a
    ``br`` element written as the line break. A line break next to a block's tag is none
    (``wpautop`` writes none there), nor is one inside ``<pre>``; one right after a ``<br>`` is part of
    that ``<br>``'s token (``wpautop`` adds none there; written with it, it stays where the source has
    it); next to a comment (``<!--more-->``) it is one.

    >>> from transpub.formats.html_tokens import tokenize_html
    >>> tokens = with_line_breaks(tokenize_html("<h2>Port</h2>\nA ferry\nleft.\n\nIt <em>rained</em>\n<p>x</p>"))
    >>> [(t.kind, t.tag, t.raw) for t in tokens][3:]
    [('text', '', '\nA ferry'), ('startend', 'br', '\n'), ('text', '', 'left.'), ('other', '', '\n\n'), ('text', '', 'It '), ('start', 'em', '<em>'), ('text', '', 'rained'), ('end', 'em', '</em>'), ('text', '', '\n'), ('start', 'p', '<p>'), ('text', '', 'x'), ('end', 'p', '</p>')]
    """
    tokens = _with_double_breaks(tokens)
    out: list[Token] = []
    as_written = 0  # how deep inside elements wpautop leaves alone
    for index, token in enumerate(tokens):
        kind = token.kind
        if kind != "text" or as_written or ("\n" not in token.raw and "\r" not in token.raw):
            if token.tag in _AS_WRITTEN and kind in ("start", "end"):
                as_written = max(0, as_written + (1 if kind == "start" else -1))
            out.append(token)
            continue
        raw = token.raw
        before = tokens[index - 1] if index else None
        after = tokens[index + 1] if index + 1 < len(tokens) else None
        block_before, block_after = _is_block(before), _is_block(after)
        br_before = before is not None and before.kind in ("start", "startend") and before.tag == "br"
        pos = 0
        for match in _BREAK.finditer(raw):
            start, end = match.span()
            if (block_before and not raw[:start].strip()) or (block_after and not raw[end:].strip()):
                continue  # (next to a block: whitespace)
            blank = match.group("blank") is not None
            if not blank and br_before and start == 0 and raw[0] in "\r\n" and out[-1] is before:
                # (right after a <br>: none of its own, but the <br>'s, written with it)
                out[-1] = before._replace(raw=before.raw + match.group())
                pos = end
                continue
            if start > pos:
                out.append(Token("text", raw[pos:start]))
            if blank:
                out.append(Token("other", match.group(), "", _BLOCK_BREAK))
            else:
                out.append(Token("startend", match.group(), "br", {}))
            pos = end
        if pos == 0:
            out.append(token)
        elif pos < len(raw):
            out.append(Token("text", raw[pos:]))
    return out


#: A ``<br>`` as wpautop finds two of them (``<br><br>``, ``<br /> <br/>``: a paragraph break to it).
_BR = re.compile(r"<br\s*/?>")
#: What wpautop's ``\s`` matches between them.
_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def _with_double_breaks(tokens: list[Token]) -> list[Token]:
    """``tokens`` with each two ``<br>`` (and the whitespace between them) one paragraph break, as
    ``wpautop`` reads them (but inside ``<pre>`` and the other elements it leaves alone)."""
    out: list[Token] = []
    as_written = 0
    index, count = 0, len(tokens)
    while index < count:
        token = tokens[index]
        if token.tag in _AS_WRITTEN and token.kind in ("start", "end"):
            as_written = max(0, as_written + (1 if token.kind == "start" else -1))
        elif not as_written and token.tag == "br" and _BR.fullmatch(token.raw):
            last = index + 1
            if last < count and tokens[last].kind == "text" and _SPACE.fullmatch(tokens[last].raw):
                last += 1
            if last < count and tokens[last].tag == "br" and _BR.fullmatch(tokens[last].raw):
                raw = "".join(part.raw for part in tokens[index : last + 1])
                out.append(Token("other", raw, "", _BLOCK_BREAK))
                index = last + 1
                continue
        out.append(token)
        index += 1
    return out


def _is_block(token: Token | None) -> bool:
    """Whether a line break next to ``token`` is no ``<br />`` nor paragraph break to WordPress: the
    page's edge or a block element's tag (a comment, a ``<br>`` and a shortcode are text to wpautop)."""
    if token is None or token.attrs is _BLOCK_BREAK:  # (or two <br>)
        return True
    return token.kind in ("start", "end", "startend") and token.tag not in INLINE
