"""markdown-it set up for Goldmark's Markdown (what Hugo renders), with source positions for reading.

The same parser serves reading and rendering: CommonMark with raw HTML, GFM tables,
strikethrough (one tilde or two, as Goldmark) and autolinks of bare URLs (Goldmark's linkify: GFM's, and
:mod:`.md_linkify` where Goldmark links more),
footnotes, definition lists, MkDocs admonitions and MkDocs-Material's content tabs (read as admonitions). For reading, some rules record where their tokens are in the text
markdown-it parsed (``token.meta["span"]``), and block rules record the start and end of each of
their lines once container prefixes (``> ``, list indentation) are taken off
(``token.meta["lines"]``): with these the reader finds every token's source, byte for byte.
The ``text_join`` rule is off, so backslash escapes and entities stay tokens of their own.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkLabel
from markdown_it.rules_block import StateBlock
from markdown_it.rules_core import StateCore
from markdown_it.rules_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.gfm_autolink import gfm_autolink_plugin
from mdit_py_plugins.tasklists import tasklists_plugin

from .heading_ids import ATTRIBUTE, HEADING_ATTRIBUTES, Heading, base_ids, unique_ids
from .md_betterem import betterem_emphasis
from .md_github_urls import github_urls
from .md_goldmark_urls import goldmark_urls
from .md_linkify import goldmark_linkify
from .md_magiclink_urls import magiclink_urls

#: Inline rules whose tokens need their span, and the token type that carries it.
_SPANNED = {
    "link": "link_open",
    "image": "image",
    "autolink": "link_open",
    "backticks": "code_inline",
    "footnote_ref": "footnote_ref",
    "footnote_inline": "footnote_ref",
    "gfm_autolink_www": "link_open",
    "gfm_autolink_protocol": "link_open",
    "gfm_autolink_email": "link_open",
    "goldmark_linkify_www": "link_open",
    "goldmark_linkify_protocol": "link_open",
    "github_linkify_protocol": "link_open",
}
#: Block rules whose first token carries its lines.
_LINED = (
    "table", "admonition", "content_tab", "html_block", "heading", "lheading", "deflist", "comment_term", "paragraph"
)  # fmt: skip
#: The first line of a content tab (pymdownx.tabbed, MkDocs-Material): ``=== "Label"``, ``===+``, ``===!``.
_TAB_LINE = re.compile(r'(===[!+]?)[ \t]+"(.*)"[ \t]*')


#: How deep block quotes, lists and other containers may nest. markdown-it's 20 is reached by a list
#: ten deep (each level a list and an item), and it then skips the rest of the page, which was never
#: offered: Goldmark has no such limit. Deeper than this, :func:`too_deep` tells where reading stops.
BLOCK_NESTING = 100
#: How deep inline markup may nest (links in emphasis in links…): markdown-it's own limit, which keeps
#: text such as ``[[[[…`` linear; deeper markup is read as text, nothing is skipped.
INLINE_NESTING = 20
#: Block tokens whose inside markdown-it reads as blocks, one level deeper.
_CONTAINERS = frozenset(["blockquote_open", "list_item_open", "dd_open", "footnote_open", "admonition_open"])


def _markdown(*, inline_footnotes: bool = False) -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": True, "maxNesting": BLOCK_NESTING}).enable(
        ["table", "strikethrough"]
    )
    # Goldmark takes one tilde as well as two (``H~2~O``), as GitHub does; MkDocs' pymdownx.tilde
    # makes a subscript of it: markup either way, never text to escape.
    md.options["strikethrough_single_tilde"] = True
    md.use(footnote_plugin, inline=inline_footnotes).use(deflist_plugin).use(admon_plugin).use(
        gfm_autolink_plugin
    )
    goldmark_linkify(md)
    md.block.ruler.at("admonition", _ending_as_python_markdown(_rule(md, "admonition")))
    md.block.ruler.before(
        "admonition", "content_tab", _content_tab, {"alt": ["paragraph", "reference", "blockquote", "list"]}
    )
    md.core.ruler.at(
        "inline", _nesting_inline(next(r.fn for r in md.core.ruler.__rules__ if r.name == "inline"))
    )
    return md


def _nesting_inline(rule: Callable[[StateCore], None]) -> Callable[[StateCore], None]:
    """The core rule that parses inline markup, nesting it at most :data:`INLINE_NESTING` deep (blocks
    nest to :data:`BLOCK_NESTING`: markdown-it has one limit for both)."""

    def inline(state: StateCore) -> None:
        options = state.md.options
        options["maxNesting"] = INLINE_NESTING
        try:
            rule(state)
        finally:
            options["maxNesting"] = BLOCK_NESTING

    return inline


def too_deep(tokens: list[Token]) -> Token | None:
    """The first container nested so deep (:data:`BLOCK_NESTING`) that markdown-it read nothing of
    its inside nor of the rest of the page, or None."""
    for token in tokens:
        if token.level >= BLOCK_NESTING - 1 and token.type in _CONTAINERS:
            return token
    return None


def _rule(md: MarkdownIt, name: str) -> Callable[[StateBlock, int, int, bool], bool]:
    """The function of block rule ``name`` (a plugin's, to wrap)."""
    return next(rule.fn for rule in md.block.ruler.__rules__ if rule.name == name)


def _content_end(state: StateBlock, start_line: int, end_line: int) -> int:
    """The line that ends the content of an admonition or a content tab opened on ``start_line``
    (its content indented to ``state.blkIndent``): the first line with text indented less. Blank
    lines never end it, however many (Python-Markdown's admonition and pymdownx.tabbed hold their
    indented blocks across them; markdown-it's admonition plugin ends at two)."""
    line = start_line + 1
    while line < end_line:
        if (
            state.bMarks[line] + state.tShift[line] < state.eMarks[line]
            and state.sCount[line] < state.blkIndent
        ):
            break
        line += 1
    return line


def _ending_as_python_markdown(
    admonition: Callable[[StateBlock, int, int, bool], bool],
) -> Callable[[StateBlock, int, int, bool], bool]:
    """The admonition plugin's rule (``!!! note``, ``??? note``), its content ending where
    :func:`_content_end` says, not at two blank lines: the plugin reads the first line (its tokens
    and title), the content is read here."""

    def ending(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if silent:
            return admonition(state, start_line, end_line, True)
        if not admonition(state, start_line, min(start_line + 1, end_line), False):
            return False
        closing = state.tokens.pop()  # (the plugin's, over no content)
        opening = next(token for token in reversed(state.tokens) if token.type == "admonition_open")
        start = state.bMarks[start_line] + state.tShift[start_line]
        content = start + len(opening.markup)
        while content < state.eMarks[start_line] and state.src[content] == " ":
            content += 1
        old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
        state.parentType = "admonition"
        state.blkIndent += content - start + 3 - len(opening.markup)  # (as the plugin: ``???+`` as ``!!!``)
        next_line = _content_end(state, start_line, end_line)
        state.lineMax = next_line
        state.md.block.tokenize(state, start_line + 1, next_line)
        state.tokens.append(closing)
        opening.map = [start_line, next_line]
        state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
        state.line = next_line
        return True

    return ending


#: A line that is one HTML comment (``<!-- md:option type:note -->``), which may be a definition's term.
_COMMENT_LINE = re.compile(r"<!--(?:[^-]|-(?!->))*-->[ \t]*")


def _comment_term(
    deflist: Callable[[StateBlock, int, int, bool], bool],
) -> Callable[[StateBlock, int, int, bool], bool]:
    """A definition list whose first term is a line holding one HTML comment (``<!-- x -->``, then
    ``:   Definition`` on the next line or the one after): Python-Markdown's def_list (MkDocs) takes the
    comment for the term, as MkDocs-Material's documentation writes it (its hook turns the comment into
    the term's text); CommonMark reads an HTML block, then a paragraph starting with ``:``."""

    def comment_term(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        if silent or state.sCount[start_line] - state.blkIndent >= 4:
            return False
        start = state.bMarks[start_line] + state.tShift[start_line]
        if not state.src.startswith("<!--", start):
            return False
        if _COMMENT_LINE.fullmatch(state.src, start, state.eMarks[start_line]) is None:
            return False
        return deflist(state, start_line, end_line, False)

    return comment_term


def _content_tab(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """A content tab of MkDocs-Material (``=== "Label"``, its Markdown indented by four spaces on the
    lines below), read as an admonition is: ``admonition_open`` (markup ``===``), the label as its
    title, then the blocks inside, up to a line indented less (:func:`_content_end`)."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False  # (an indented code block's line)
    start = state.bMarks[start_line] + state.tShift[start_line]
    maximum = state.eMarks[start_line]
    found = _TAB_LINE.fullmatch(state.src, start, maximum) if state.src.startswith("===", start) else None
    if found is None:
        return False
    if silent:
        return True
    old_parent, old_line_max, old_indent = state.parentType, state.lineMax, state.blkIndent
    state.parentType = "admonition"
    state.blkIndent += 4
    next_line = _content_end(state, start_line, end_line)
    state.lineMax = next_line
    markup, label = found.group(1), found.group(2)
    token = state.push("admonition_open", "div", 1)
    token.markup, token.block, token.map = markup, True, [start_line, next_line]
    token.attrs = {"class": "tabbed-block"}
    token.meta = {"tag": "tab"}
    token.content, token.info = label, state.src[start + len(markup) : maximum]
    token = state.push("admonition_title_open", "p", 1)
    token.attrs = {"class": "tabbed-label"}
    token.map = [start_line, start_line + 1]
    token = state.push("inline", "", 0)
    token.content, token.map, token.children = label, [start_line, start_line + 1], []
    state.push("admonition_title_close", "p", -1)
    state.md.block.tokenize(state, start_line + 1, next_line)
    token = state.push("admonition_close", "div", -1)
    token.markup, token.block = markup, True
    state.parentType, state.lineMax, state.blkIndent = old_parent, old_line_max, old_indent
    state.line = next_line
    return True


def _no_link_text(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """The inline footnote ``rule``, leaving ``^[text](url)`` and ``^[text][ref]`` alone: a link in a
    superscript to Python-Markdown's caret, Goldmark and kramdown (``CSS^[†](#note)^``), whose
    text the footnote would cut from its destination."""

    def read(state: StateInline, silent: bool) -> bool:
        src, pos = state.src, state.pos
        if src.startswith("^[", pos):
            end = parseLinkLabel(state, pos + 1)
            if end >= 0 and src[end + 1 : end + 2] in ("(", "["):
                return False
        return rule(state, silent)

    return read


@functools.cache
def reading_parser(
    goldmark: bool = False, magiclink: bool = False, betterem: bool = False, github: bool = False
) -> MarkdownIt:
    """The parser the reader uses (positions recorded; no task-list rewriting of the text); with
    ``goldmark``, for a site Hugo builds: a bare URL is read as far as Goldmark links it (see
    :mod:`.md_goldmark_urls`), what follows it text to translate (``*了解`` of ``https://a.org*了解``)
    or markup (``*了*`` of ``https://a.org/*了*``), as Hugo shows it; with ``magiclink``, for a site
    MkDocs builds: a bare URL ends at a ``*`` (see :mod:`.md_magiclink_urls`); with ``betterem``,
    for a site MkDocs builds: emphasis opens and closes as pymdownx.betterem reads it (see
    :mod:`.md_betterem`); with ``github``, for a page no generator is named for: a bare URL is also
    read where GitHub links it (``访问https://a.org``, see :mod:`.md_github_urls`)."""
    # (an inline footnote ``^[text]``, Pandoc's and VitePress': kept as written, not brackets to escape)
    md = _markdown(inline_footnotes=True)
    if goldmark:
        goldmark_urls(md)
    elif magiclink:
        magiclink_urls(md)
    if betterem:
        betterem_emphasis(md)
    if github:
        github_urls(md)
    md.inline.ruler.at(
        "footnote_inline",
        _no_link_text(next(r.fn for r in md.inline.ruler.__rules__ if r.name == "footnote_inline")),
    )
    md.disable("text_join")
    # Every destination is read as a link, ``javascript:`` too (a button's on MkDocs-Material): it is
    # kept as written, not turned into text a translation would escape; the page renderer refuses it.
    md.validateLink = lambda url: True  # type: ignore[method-assign]
    md.block.ruler.before("html_block", "comment_term", _comment_term(_rule(md, "deflist")))
    for rule in md.inline.ruler.__rules__:
        if rule.name in _SPANNED:
            md.inline.ruler.at(rule.name, _spanning(rule.fn, _SPANNED[rule.name]), {"alt": list(rule.alt)})
    md.core.ruler.after("block", "definitions_after_html", _definitions_after_html)
    md.core.ruler.after("block", "text_after_comment", _text_after_comment)
    for block_rule in md.block.ruler.__rules__:
        if block_rule.name in _LINED:
            md.block.ruler.at(block_rule.name, _lining(block_rule.fn), {"alt": list(block_rule.alt)})
        elif block_rule.name == "reference":
            md.block.ruler.at(block_rule.name, _referencing(block_rule.fn), {"alt": list(block_rule.alt)})
    return md


#: A reference definition on one line (``  [Twemoji]: https://…``, a title after it): label, destination.
_DEFINITION_LINE = re.compile(
    r" {0,3}\[([^\[\]\n]+)\]:[ \t]*(<[^<>\n]*>|[^\s<>]+)"
    r"""(?:[ \t]+(?:"[^"\n]*"|'[^'\n]*'|\([^()\n]*\)))?[ \t]*\n?"""
)


def definitions_after_html(html: str) -> list[re.Match[str]]:
    """The reference definitions on the last lines of an HTML block's text (right after ``</div>``,
    no blank line), last first: CommonMark reads them as the block's text, Python-Markdown (MkDocs)
    as definitions. The reader takes them as definitions and keeps their lines as written.

    >>> [m.group(1) for m in definitions_after_html("<div>\\n:smile:\\n</div>\\n  [a]: https://a.example\\n  [b]: /b\\n")]
    ['b', 'a']
    """
    found: list[re.Match[str]] = []
    for line in reversed(html.splitlines(keepends=True)[1:]):
        definition = _DEFINITION_LINE.fullmatch(line)
        if definition is None:
            break
        found.append(definition)
    return found


def _definitions_after_html(state: StateCore) -> None:
    """The definitions of :func:`definitions_after_html`, as markdown-it's own, so that ``[Twemoji]``
    is a link to keep, not brackets to escape; their number in the block's ``meta["definitions"]``."""
    references = state.env.setdefault("references", {})
    for token in state.tokens:
        if token.type == "html_block":
            definitions = definitions_after_html(token.content)
            token.meta["definitions"] = len(definitions)  # (lines the reader keeps as written)
            for definition in definitions:
                label = normalizeReference(definition.group(1))
                if label and label not in references:
                    href = state.md.normalizeLink(definition.group(2).strip("<>"))
                    references[label] = {"title": "", "href": href, "map": token.map}


#: An HTML comment opening an HTML block (after at most three spaces), through its first ``-->``.
_OPENING_COMMENT = re.compile(r"[ ]{0,3}<!--.*?-->", re.S)


def _text_after_comment(state: StateCore) -> None:
    """An HTML block that is a comment with text after it on its last line (``<!-- md:version 9.0
    -->, as [Highlight]``) as the comment, then that text as a paragraph of its own: kramdown (Jekyll)
    and Python-Markdown (MkDocs) read the comment as HTML and the rest of the line as Markdown, a
    paragraph there; CommonMark (Hugo) keeps the line as HTML, which shows the text as written. Only
    text that is a paragraph on a line of its own (not ``# x``, ``- x``, ``[a]: /b``).

    On a definition's first line (``:   <!-- md:default none --> This option…``) the comment is
    the paragraph's, with the lines under it: CommonMark has no definitions, and reads a paragraph
    there (``:`` its first character, the comment inline), as MkDocs-Material's hook makes it."""
    tokens = state.tokens
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        lines = token.meta.get("lines") if token.type == "html_block" and token.meta else None
        comment = _OPENING_COMMENT.match(token.content) if lines and token.map else None
        if comment is None or lines is None or token.map is None:
            continue
        text = token.content[comment.end() :].rstrip("\n")
        if not text.strip() or "\n" in text:
            continue
        if [t.type for t in state.md.parse(text, {})] != ["paragraph_open", "inline", "paragraph_close"]:
            continue
        line_start, content_start, line_end = lines[-1]
        if state.src[line_end - len(text) : line_end] != text:
            continue
        line = token.map[1] - 1
        opener = Token("paragraph_open", "p", 1, map=[line, line + 1], level=token.level, block=True)
        inline = Token("inline", "", 0, map=[line, line + 1], level=token.level + 1, content=text.strip())
        closer = Token("paragraph_close", "p", -1, level=token.level, block=True)
        opener.meta = {"lines": [(line_start, line_end - len(text), line_end)]}
        opening_definition = index >= 2 and tokens[index - 2].type == "dd_open" and len(lines) == 1
        if not opening_definition:
            token.content = token.content[: comment.end()]
            tokens[index:index] = [opener, inline, closer]
            index += 3
            continue
        inline.content = state.src[content_start:line_end].strip()
        opener.meta["lines"] = [(line_start, content_start, line_end)]
        below = tokens[index : index + 3]
        if [t.type for t in below] == ["paragraph_open", "inline", "paragraph_close"] and below[0].map == [
            line + 1,
            below[0].map[1] if below[0].map else 0,
        ]:
            opener.map = [line, below[0].map[1]]
            opener.meta["lines"] += below[0].meta.get("lines", [])
            inline.content += "\n" + below[1].content
            del tokens[index : index + 3]
        inline.map = opener.map
        inline.children = []
        tokens[index - 1 : index] = [opener, inline, closer]
        index += 2


@functools.cache
def rendering_parser() -> MarkdownIt:
    """The parser that renders localized Markdown to HTML (task lists shown as check boxes, heading
    attributes ``{#id .class}`` as Goldmark writes them)."""
    md = _markdown().use(tasklists_plugin)
    goldmark_urls(md)  # (a bare URL as far as Hugo links it)
    md.core.ruler.after("inline", "heading_attributes", _heading_attributes)
    md.core.ruler.after("heading_attributes", "heading_ids", _heading_ids)
    return md


def _heading_attributes(state: Any) -> None:
    """``## Title {#id .class}``: the attributes go on the heading, out of its text."""
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        children = tokens[index + 1].children or []
        last = children[-1] if children else None
        if last is None or last.type != "text":
            continue
        found = HEADING_ATTRIBUTES.search(last.content)
        if not found:
            continue
        last.content = last.content[: found.start()]
        classes = []
        for attribute in ATTRIBUTE.finditer(found.group(1)):
            if attribute.group(1) == "#":
                token.attrSet("id", attribute.group(2))
            elif attribute.group(1) == ".":
                classes.append(attribute.group(2))
            elif attribute.group(7):
                token.attrSet(attribute.group(7), "")
            else:
                value = next(v for v in attribute.group(4, 5, 6) if v is not None)
                token.attrSet(attribute.group(3), value)
        if classes:
            token.attrSet("class", " ".join(classes))


def _heading_ids(state: Any) -> None:
    """Each heading without an id gets the one the generator named by ``env["heading_ids"]`` gives
    it (see :mod:`.heading_ids`), as every generator does: in-page links then lead somewhere, and a
    translated heading's ``{#id}`` (which compile writes) is the source heading's."""
    style = state.env.get("heading_ids") if isinstance(state.env, dict) else None
    if not style:
        return
    tokens = state.tokens
    headings: list[Heading] = []
    openers: list[Any] = []
    for index, token in enumerate(tokens):
        if token.type != "heading_open" or index + 1 >= len(tokens):
            continue
        explicit = token.attrGet("id")
        if explicit is not None:
            headings.append(Heading(explicit=str(explicit)))
            openers.append(None)
        else:
            inline = tokens[index + 1]
            raw = HEADING_ATTRIBUTES.sub("", inline.content)
            headings.append(Heading(bases=base_ids(inline.children or [], raw)))
            openers.append(token)
    for opener, ids in zip(openers, unique_ids(headings), strict=True):
        if opener is not None and style in ids:
            opener.attrSet("id", ids[style])


def _spanning(rule: Callable[[StateInline, bool], bool], carrier: str) -> Callable[[StateInline, bool], bool]:
    def spanning(state: StateInline, silent: bool) -> bool:
        start, count = state.pos, len(state.tokens)
        matched = rule(state, silent)
        if matched and not silent:
            for token in state.tokens[count:]:
                if token.type == carrier:
                    token.meta["span"] = (start, state.pos)
                    break
        return matched

    return spanning


def _lining(
    rule: Callable[[StateBlock, int, int, bool], bool],
) -> Callable[[StateBlock, int, int, bool], bool]:
    def lining(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        count = len(state.tokens)
        matched = rule(state, start_line, end_line, silent)
        if matched and not silent and len(state.tokens) > count:
            state.tokens[count].meta["lines"] = _lines(state, start_line, state.line)
        return matched

    return lining


def _referencing(
    rule: Callable[[StateBlock, int, int, bool], bool],
) -> Callable[[StateBlock, int, int, bool], bool]:
    """Reference definitions make no token: their lines go to ``env["reference_lines"]``."""

    def referencing(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        matched = rule(state, start_line, end_line, silent)
        if matched and not silent:
            state.env.setdefault("reference_lines", []).append(_lines(state, start_line, state.line))
        return matched

    return referencing


def _lines(state: StateBlock, start: int, end: int) -> list[tuple[int, int, int]]:
    return [
        (state.bMarks[line], state.bMarks[line] + state.tShift[line], state.eMarks[line])
        for line in range(start, min(max(end, start + 1), state.lineMax))
    ]


def html_block_spans(text: str) -> list[tuple[int, int]]:
    """Where each HTML block CommonMark reads in ``text`` starts and ends (offsets; its lines are
    raw HTML to Goldmark); blocks only, no inline parsing.

    >>> text = '<div markdown="1">\\nSee https://a.example.\\n\\nMore.\\n'
    >>> [text[start:end] for start, end in html_block_spans(text)]
    ['<div markdown="1">\\nSee https://a.example.']
    """
    md = reading_parser()
    tokens: list[Token] = []
    md.block.parse(text, md, {}, tokens)
    spans = []
    for token in tokens:
        lines = token.meta.get("lines") if token.type == "html_block" and token.meta else None
        if lines:
            spans.append((lines[0][0], lines[-1][2]))
    return spans


def parse(
    text: str,
    env: dict[str, Any],
    *,
    goldmark: bool = False,
    magiclink: bool = False,
    betterem: bool = False,
    github: bool = False,
) -> list[Token]:
    """The block tokens of ``text`` (inline children parsed, positions recorded; reference
    definitions' lines in ``env["reference_lines"]``; ``goldmark``: bare URLs as far as Hugo links
    them; ``magiclink``: as far as MkDocs' magiclink does; ``betterem``: emphasis as MkDocs reads
    it; ``github``: bare URLs where GitHub links them too; see :func:`reading_parser`)."""
    return reading_parser(goldmark, magiclink, betterem, github).parse(text, env)
