"""Where kramdown (Jekyll) and Python-Markdown (MkDocs) end an HTML element that CommonMark's HTML
block runs on past, to the next blank line.

CommonMark reads ``</div>`` on a line of its own, and every line under it up to a blank line, as one
HTML block; kramdown and md_in_html end a ``<div markdown="1">`` at its end tag and read the next
line (a code fence, a list) as Markdown again. The reader makes such an end tag's line a block of
its own, so that what follows it is read as those generators read it.
"""

from __future__ import annotations

import re

from markdown_it.rules_block.html_block import HTML_SEQUENCES as _SEQUENCES

#: The tag name of a start tag at the start of a line.
_TAG_NAME = re.compile(r"[ ]{0,3}<([A-Za-z][\w-]*)")


def _inside(at: int, ranges: list[tuple[int, int]]) -> bool:
    return any(start <= at < end for start, end in ranges)


def end_tag_line(
    text: str, start: int, fenced: list[tuple[int, int]], *, alone: bool = True
) -> tuple[int, int] | None:
    """The end tag of the element whose start tag is at ``start``, on a line of its own (``alone``)
    or at the end of its line: its span, without the line's indentation and trailing spaces (with
    ``alone``) or from the tag's ``<``. None when that end tag has other text after it on its line
    (or before it, with ``alone``), or never comes. Lines of fenced code (``fenced``, see
    :func:`~transpub.formats.md_templates.fenced_ranges`) do not count: their tags are code.

    >>> from transpub.formats.md_templates import fenced_ranges
    >>> text = '<div markdown="1">\\n<div>\\nx\\n</div>\\n```\\n</div>\\n```\\n</div>\\n```md\\n'
    >>> end_tag_line(text, 0, fenced_ranges(text))[0] == text.rindex("</div>")
    True
    >>> text = '<p>A <b>b</b>\\nc</p>\\n'
    >>> [text[s:e] for s, e in [end_tag_line(text, 0, [], alone=False)]]
    ['</p>']
    """
    name = _TAG_NAME.match(text, start)
    if name is None:
        return None
    tag = re.escape(name.group(1))
    tags = re.compile(rf"<(/?){tag}(?=[\s/>])", re.I)
    closing = re.compile(rf"[ ]{{0,3}}</{tag}\s*>[ \t]*" if alone else rf"</{tag}\s*>[ \t]*$", re.I)
    depth = 0
    line_start = start
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        if line_end < 0:
            line_end = len(text)
        if line_start == start or not _inside(line_start, fenced):
            line = text[line_start:line_end]
            for found in tags.finditer(line):
                depth += -1 if found.group(1) else 1
                if depth <= 0:
                    if depth < 0:
                        return None
                    if alone:
                        if not closing.fullmatch(line):
                            return None
                        stripped = line.strip()
                        begin = line_start + line.index(stripped)
                        return begin, begin + len(stripped)
                    end = closing.match(line, found.start())
                    if end is None:
                        return None
                    return line_start + found.start(), line_start + len(line.rstrip(" \t"))
        line_start = line_end + 1
    return None


#: A line that starts an HTML block with a start tag: its tag name.
_BLOCK_START = re.compile(r"^[ ]{0,3}<([A-Za-z][\w-]*)(?=[\s/>])", re.M)


def elements_before_fences(
    text: str, pos: int, fenced: list[tuple[int, int]], tags: frozenset[str]
) -> list[tuple[int, int]]:
    """The HTML elements from ``pos`` on that start a line with one of ``tags`` and end at the end of
    a line right above a code fence, no blank line between (``<div>`` … ``</div>`` then a line of
    ```` ``` ````), each from its start tag's ``<`` to its end tag's ``>``. kramdown and Python-Markdown
    end the HTML block there and read the fence as code; CommonMark's block runs on over it.

    >>> from transpub.formats.md_templates import fenced_ranges
    >>> text = '<div class="x">\\n<b>Hi</b>\\n</div>\\n```html\\n<b>Hi</b>\\n```\\n'
    >>> [text[s:e] for s, e in elements_before_fences(text, 0, fenced_ranges(text), frozenset({"div"}))]
    ['<div class="x">\\n<b>Hi</b>\\n</div>']
    """
    found: list[tuple[int, int]] = []
    fence_starts = {start for start, _ in fenced}
    for start in _BLOCK_START.finditer(text, pos):
        if start.group(1).lower() not in tags or _inside(start.start(), fenced):
            continue
        at = start.start() + len(start.group()) - len(start.group(1)) - 1
        end = end_tag_line(text, at, fenced, alone=False)
        if end is None or "\n\n" in text[at : end[1]] or re.search(r"\n[ \t]*\n", text[at : end[1]]):
            continue
        line_end = text.find("\n", end[1])
        if line_end >= 0 and line_end + 1 in fence_starts:
            found.append((at, end[1]))
    return found


def elements_above_markdown(
    text: str, pos: int, fenced: list[tuple[int, int]], tags: frozenset[str]
) -> list[tuple[int, int]]:
    """The HTML elements from ``pos`` on that open an HTML block with one of ``tags`` (their line
    under a blank one, the text's start, another such element or lines of plain text such as a
    heading) and end at the end of a line right above one that is not blank (``<p>Hi.</p>`` then
    ``> A quote``; ``<hr>``; ``<p>A</p><p>B</p>`` or ``<p>A</p> <!-- c -->``, other whole elements,
    empty ones or comments after the end tag, the last one maybe over lines, then maybe plain text:
    ``<hr> More``), each from its start tag's ``<`` to the line's last character. kramdown and
    Python-Markdown end the HTML block there and read the next line as Markdown (a quote, a list, a
    table's row); CommonMark's block runs on over it. So do they with an element on one line of a quote (``> <p>Hi.</p>``) and the quote's next
    line. An element whose start tag says its content is Markdown (``markdown="1"``) is left out
    (read otherwise).

    >>> text = '<p>Hi.</p>\\n> A quote\\n\\n<div>\\n<p>x</p>\\n<p>y</p>\\n</div>\\n<p>z</p>\\n- item\\n'
    >>> [text[s:e] for s, e in elements_above_markdown(text, 0, [], frozenset({"div", "p"}))]
    ['<p>Hi.</p>', '<div>\\n<p>x</p>\\n<p>y</p>\\n</div>', '<p>z</p>']
    >>> text = '# H\\n<hr />\\n> A quote\\n\\n<p>A</p> <!-- c -->\\nTerm\\n: Def\\n'
    >>> [text[s:e] for s, e in elements_above_markdown(text, 0, [], frozenset({"hr", "p"}))]
    ['<hr />', '<p>A</p> <!-- c -->']
    >>> text = '<hr> More\\n> A quote\\n'
    >>> [text[s:e] for s, e in elements_above_markdown(text, 0, [], frozenset({"hr"}))]
    ['<hr> More']
    >>> text = '> <p>Hi.</p>\\n> Some text.\\n\\n> <p>x</p>\\n>\\n'
    >>> [text[s:e] for s, e in elements_above_markdown(text, 0, [], frozenset({"p"}))]
    ['<p>Hi.</p>']
    """
    found: list[tuple[int, int]] = []
    ended = -1  # (where the last element found ends: the line under it may open another)
    for start in _QUOTED_BLOCK_START.finditer(text, pos):
        line_start, quoted, name = start.start(), start.group(1), start.group(2)
        if (
            not _opens_block(text, pos, line_start, ended)
            or name.lower() not in tags
            or _inside(line_start, fenced)
            or _MARKDOWN_ATTRIBUTE.search(text, line_start, text.find(">", start.end()) + 1 or len(text))
        ):
            continue
        at = start.start(2) - 1
        end = _line_end_of_element(text, at, name.lower(), fenced)
        if end is None or re.search(r"\n[ \t]*\n", text[at:end]) or (quoted and "\n" in text[at:end]):
            continue
        line_end = text.find("\n", end)
        next_end = text.find("\n", line_end + 1) if line_end >= 0 else -1
        below = text[line_end + 1 : next_end if next_end >= 0 else len(text)] if line_end >= 0 else ""
        if quoted:  # (the line under it in the same quote, not blank there)
            inside = _QUOTE_PREFIX.match(below)
            if inside is None or inside.group().count(">") != quoted.count(">"):
                continue
            below = below[inside.end() :]
        if below.strip(" \t"):
            found.append((at, end))
            ended = end
    return found


#: A line that starts an HTML block with a start tag, maybe in a quote (``> <p>``): the quote's
#: prefix, and the tag name. (The prefix is possessive: the spaces between two ``>`` can be read
#: two ways, and a line of ``> > > …`` with no tag after them was tried in every one, 2 ** n.)
_QUOTED_BLOCK_START = re.compile(r"^((?:[ ]{0,3}>[ ]?)*+)[ ]{0,3}<([A-Za-z][\w-]*)(?=[\s/>])", re.M)
#: A quote's prefix at a line's start (``> > ``).
_QUOTE_PREFIX = re.compile(r"(?:[ ]{0,3}>[ ]?)*")

#: A line of plain text above an HTML block's start tag, which CommonMark, kramdown and
#: Python-Markdown all end there (a heading, a paragraph's line, a quote's or a list item's or a
#: definition's when the start tag starts its line): no HTML, code, template token, indented line.
_PLAIN_LINE = re.compile(r"(?![ \t]|<|\{[{%]|`{3}|~{3})[^\n]*\S")
#: A line that opens or continues a quote, list item or definition.
_CONTAINER_LINE = re.compile(r">|[-*+][ \t]|\d+[.)][ \t]|:[ \t]")


def _opens_block(text: str, pos: int, line_start: int, ended: int) -> bool:
    """Whether the line at ``line_start`` opens a block: it is the first from ``pos`` on, or each line
    above it up to a blank one (or the end of an element found, at ``ended``) is plain text (a
    quote's, a list item's, a definition's when the line at ``line_start`` is not indented)."""
    indented = text[line_start] != "<"
    at = line_start
    while at > pos:
        above = text.rfind("\n", 0, at - 1) + 1
        if above <= ended < at or not text[above : at - 1].strip(" \t"):
            return True
        if not _PLAIN_LINE.match(text, above, at - 1) or (indented and _CONTAINER_LINE.match(text, above)):
            return False
        at = above
    return True


#: Void elements, which have no end tag (``<hr>``, ``<hr />``).
_VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)

#: What may follow an element's end on its line, the HTML block still ending there: whole elements
#: without tags inside, empty ones, comments.
_AFTER_END = re.compile(
    r"(?:[ \t]*(?:<!--(?:(?!-->).)*-->|<([A-Za-z][\w-]*)(?=[\s/>])[^<>]*>[^<>\n]*</\1\s*>"
    r"|<[A-Za-z][\w-]*(?=[\s/>])[^<>\n]*>))*[ \t]*"
)


def _element_end(text: str, at: int, name: str, fenced: list[tuple[int, int]]) -> int | None:
    """Right after the end tag (or the tag of a void one) of the element whose start tag is at ``at``
    (named ``name``), when that ends a line or text follows it there; else None."""
    if name in _VOID:
        tag = re.compile(r"<[A-Za-z][\w-]*(?=[\s/>])[^<>\n]*>").match(text, at)
        return tag.end() if tag is not None else None
    end = end_tag_line(text, at, fenced, alone=False)
    return end[1] if end is not None else _after_end_tag(text, at, fenced)


#: Text after an element's end and :data:`_AFTER_END` on its line that makes no tag or template token.
_PLAIN_AFTER_END = re.compile(r"[^<>{}`\n]*")


def _line_end_of_element(text: str, at: int, name: str, fenced: list[tuple[int, int]]) -> int | None:
    """Where the line ends (its last character) on which the element whose start tag is at ``at``
    (named ``name``) ends, when only :data:`_AFTER_END` follows it there, maybe plain text after
    (:data:`_PLAIN_AFTER_END`); else None."""
    after = _element_end(text, at, name, fenced)
    if after is None:
        return None
    line_end = _line_end(text, after)
    opened = text.rfind("<!--", after, line_end)
    if opened >= 0 and text.find("-->", opened + 4, line_end) < 0:  # (a comment over lines after it)
        closed = text.find("-->", opened + 4)
        if closed < 0 or not _AFTER_END.fullmatch(text, after, opened):
            return None
        after, line_end = closed + 3, _line_end(text, closed)
    written = _AFTER_END.match(text, after, line_end)
    if written is None or not _PLAIN_AFTER_END.fullmatch(text, written.end(), line_end):
        return None
    return after + len(text[after:line_end].rstrip(" \t"))


def _line_end(text: str, at: int) -> int:
    """Where the line holding ``at`` ends (its ``\\n``, or the text's end)."""
    line_end = text.find("\n", at)
    return len(text) if line_end < 0 else line_end


def _after_end_tag(text: str, at: int, fenced: list[tuple[int, int]]) -> int | None:
    """Right after the end tag of the element at ``at`` when other text follows it on its line (up
    to a blank line), else None."""
    line_start = at
    while line_start < len(text):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end
        if not text[line_start:line_end].strip(" \t"):
            return None
        for tag in _END_TAGS.finditer(text, line_start, line_end):
            end = end_tag_line(text[: tag.end()], at, fenced, alone=False)
            if end is not None:
                return end[1] if end[1] == tag.end() else None
        line_start = line_end + 1
    return None


#: An end tag.
_END_TAGS = re.compile(r"</[A-Za-z][\w-]*\s*>")


#: An attribute saying an element's content is Markdown (kramdown's ``markdown="1"``, md_in_html's).
_MARKDOWN_ATTRIBUTE = re.compile(r"\smarkdown(?=[\s=/>])", re.I)


def blocks_running_over(parsed: str, ends: list[int]) -> list[tuple[int, int]]:
    """The HTML blocks of ``parsed`` (the text markdown-it reads) that CommonMark would run on over
    a line starting at one of ``ends`` (an end tag kramdown ends its element at): each from its
    ``<`` to the end of the line above that one. A block opened by a span-level tag (``<span
    class="fs-3">`` on its line) is a paragraph to kramdown, which ends it at such an end tag; a
    block element inside (``<div>`` … ``</div>``) ends there too.

    >>> parsed = '<?--?>\\n<span class="x">\\n[a](b)\\n</span>\\n<?----?>\\n```\\n'
    >>> [parsed[s:e] for s, e in blocks_running_over(parsed, [parsed.index("<?----")])]
    ['<span class="x">\\n[a](b)\\n</span>']
    """
    found: list[tuple[int, int]] = []
    for end in ends:
        run = max(parsed.rfind("\n\n", 0, end), parsed.rfind("\n \n", 0, end)) + 1
        at, state, opened, closer = run, "", -1, None
        while at < end:
            line_end = parsed.find("\n", at)
            line = parsed[at:line_end].lstrip(" ")
            if not line.strip():
                state = ""
            elif state == "html":
                if closer is not None and closer.search(line):
                    state = ""
            elif len(parsed[at:line_end]) - len(line) > 3:
                state = state or "text"
            elif _SEQUENCES[5][0].match(line) or (state != "text" and _SEQUENCES[6][0].match(line)):
                state, opened, closer = "html", at + len(parsed[at:line_end]) - len(line), None
            elif any(sequence[0].match(line) for sequence in _SEQUENCES[:5]):
                closer = next(sequence[1] for sequence in _SEQUENCES[:5] if sequence[0].match(line))
                state, opened = ("", -1) if closer.search(line) else ("html", -1)
            else:
                state = "text"
            at = line_end + 1
        if state == "html" and closer is None and 0 <= opened < end - 1:
            found.append((opened, end - 1))
    return found


#: A line under which kramdown and Python-Markdown both end a paragraph: a quote, an ATX heading,
#: a code fence.
_PARAGRAPH_ENDS = re.compile(r"[ ]{0,3}(?:>|#{1,6}(?:[ \t]|$)|`{3}|~{3})")


def tags_above_markdown(text: str, pos: int, fenced: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The lines from ``pos`` on that are only one tag not of a block element (``<img src="a.png">``,
    ``<br>``, ``<span>``: an HTML block to CommonMark when a blank line or ``pos`` is above it) right
    above a quote, a heading or a code fence, each from the tag's ``<`` to its ``>``. kramdown and
    Python-Markdown read the tag as a paragraph, which that line ends; CommonMark's block runs on.

    >>> text = '<img src="a.png">\\n> A quote\\n\\n<br>\\nSome text.\\n\\nText.\\n<br>\\n# H\\n'
    >>> [text[s:e] for s, e in tags_above_markdown(text, 0, [])]
    ['<img src="a.png">']
    """
    found: list[tuple[int, int]] = []
    for line in _TAG_LINE.finditer(text, pos):
        start, tag = line.start(), line.group(1)
        above = text.rfind("\n", 0, start - 1) + 1
        if (start > pos and text[above : start - 1].strip(" \t")) or _inside(start, fenced):
            continue  # (CommonMark: the tag goes on the paragraph above; code)
        if not _SEQUENCES[6][0].match(tag) or any(sequence[0].match(tag) for sequence in _SEQUENCES[:6]):
            continue
        if line.end() < len(text) and (
            _PARAGRAPH_ENDS.match(text, line.end() + 1) or _TERM_LINE.match(text, line.end() + 1)
        ):
            found.append((line.start(1), line.end(1)))
    return found


#: A line of text a definition follows (``Term``, then ``: Its definition``).
_TERM_LINE = re.compile(r"[ ]{0,3}[^\s<>:][^\n]*\n[ ]{0,3}:[ \t]")
#: A line starting with ``<``: what follows its indentation, without its trailing spaces.
_TAG_LINE = re.compile(r"^[ ]{0,3}(<[^\n]*?)[ \t]*$", re.M)
