"""The element tree of HTML tokens (void elements, implied end tags, stray end tags) and the
names references give its elements."""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

from .html_tokens import Token

VOID = frozenset(
    [
        "area",
        "base",
        "basefont",
        "bgsound",
        "br",
        "col",
        "embed",
        "frame",
        "hr",
        "img",
        "input",
        "keygen",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
INLINE = frozenset(
    [
        "a",
        "abbr",
        "acronym",
        "audio",
        "b",
        "bdi",
        "bdo",
        "big",
        "br",
        "button",
        "canvas",
        "cite",
        "code",
        "data",
        "del",
        "dfn",
        "em",
        "embed",
        "font",
        "i",
        "iframe",
        "img",
        "input",
        "ins",
        "kbd",
        "label",
        "map",
        "mark",
        "meter",
        "nobr",
        "object",
        "output",
        "picture",
        "progress",
        "q",
        "rp",
        "rt",
        "ruby",
        "s",
        "samp",
        "select",
        "small",
        "span",
        "strike",
        "strong",
        "sub",
        "sup",
        "svg",
        "math",
        "time",
        "tt",
        "u",
        "var",
        "video",
        "wbr",
        "script",
        "noscript",
        "template",
    ]
)
#: Inline elements that are no part of a sentence around them: a button's label is a unit of its
#: own, as a block's text is (``<button>Sections</button> <button>Home</button>``: two units, not a
#: sentence of two placeholders), so an element holding one is read as one holding a block.
OWN_UNITS = frozenset(["button"])
CLOSES_P = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "center",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "dd",
        "dt",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "ul",
    ]
)
#: HTML's formatting elements: one closed before its end tag (by the end of an element around it,
#: or of a paragraph) is opened again by a browser around the text that follows, up to its own end
#: tag (see :meth:`_OpenElements.reopen`).
FORMATTING = frozenset(
    ["a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"]
)
#: Elements whose formatting elements stay inside them: they put a marker on the list of active
#: formatting elements, and closing them clears it to the marker.
_MARKERS = frozenset(["applet", "caption", "marquee", "object", "td", "th", "template"])
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
#: HTML's "special" elements: an end tag for an element open outside one of them is ignored by a
#: browser (``</span>`` in ``<span><div>x</span>``), and a formatting element's end tag inside one
#: ends the formatting element around that element's content (see :meth:`_OpenElements.end_of`).
SPECIAL = CLOSES_P | frozenset(
    [
        "applet",
        "area",
        "base",
        "basefont",
        "bgsound",
        "body",
        "br",
        "button",
        "caption",
        "col",
        "colgroup",
        "embed",
        "frame",
        "frameset",
        "head",
        "html",
        "iframe",
        "img",
        "input",
        "keygen",
        "link",
        "listing",
        "marquee",
        "meta",
        "noembed",
        "noframes",
        "noscript",
        "object",
        "param",
        "plaintext",
        "script",
        "search",
        "select",
        "source",
        "style",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
        "track",
        "wbr",
        "xmp",
    ]
)
#: Elements that bound HTML's "scope": the end tag of a block or heading open outside one of them
#: (``</h2>`` in a table cell of the heading) is ignored by a browser.
_SCOPE = frozenset(["applet", "caption", "html", "table", "td", "th", "marquee", "object", "template"])
#: End tags a browser looks up in the "table scope" (bounded by tables alone: ``</tr>`` in a cell).
_TABLE_SCOPED = frozenset(["table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption"])
#: Start tags before which a browser does not open formatting elements again (blocks, table parts,
#: elements of the head, raw text): every other start tag, and text, reopens them first.
_NO_REOPEN = CLOSES_P | frozenset(
    [
        "base",
        "basefont",
        "bgsound",
        "body",
        "caption",
        "col",
        "colgroup",
        "frame",
        "frameset",
        "head",
        "html",
        "iframe",
        "link",
        "listing",
        "meta",
        "noembed",
        "noframes",
        "noscript",
        "plaintext",
        "rb",
        "rp",
        "rt",
        "rtc",
        "script",
        "style",
        "tbody",
        "td",
        "template",
        "textarea",
        "tfoot",
        "th",
        "thead",
        "title",
        "tr",
    ]
)
#: At most this many formatting elements are reopened at once (more, and the earliest are
#: forgotten: no page has them, and a reopening costs one element each).
_MAX_FORMATTING = 40
#: Start tag -> (tags it closes, tags that bound the search).
IMPLIED_END = {
    "li": ({"li"}, {"ul", "ol", "menu"}),
    "dt": ({"dt", "dd"}, {"dl"}),
    "dd": ({"dt", "dd"}, {"dl"}),
    "tr": ({"tr", "td", "th"}, {"table", "tbody", "thead", "tfoot"}),
    "td": ({"td", "th"}, {"tr", "table"}),
    "th": ({"td", "th"}, {"tr", "table"}),
    "tbody": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "thead": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "tfoot": ({"tbody", "thead", "tfoot", "tr", "td", "th"}, {"table"}),
    "option": ({"option"}, {"select", "datalist"}),
    "optgroup": ({"option", "optgroup"}, {"select"}),
}


@dataclass(slots=True, eq=False)
class Node:
    """An element: its start token, children (nodes or token indexes) and end token."""

    tag: str
    start: int
    parent: Node | None
    attrs: dict[str, str | None]
    children: list[Node | int] = field(default_factory=list)
    end: int | None = None
    block: bool | None = None  # has_block(), once known
    #: A formatting element a browser opens again after it was closed early (``<b><i>x</b> y</i>``:
    #: the ``<i>`` around `` y``): it has no start tag of its own (``start`` is the token it opens
    #: before, ``attrs`` those of the element it repeats).
    reopened: bool = False

    def has_block(self) -> bool:
        """Whether a block element (or one of :data:`OWN_UNITS`) is among this element's descendants
        (found once, without recursion)."""
        if self.block is None:
            stack: list[tuple[Node, Iterator[Node | int]]] = [(self, iter(self.children))]
            while stack:
                node, children = stack[-1]
                for child in children:
                    if not isinstance(child, Node):
                        continue
                    if child.tag not in INLINE or child.tag in OWN_UNITS or child.block:
                        for open_node, _ in stack:  # a block here is below every element around it
                            open_node.block = True
                        return True
                    if child.block is None:
                        stack.append((child, iter(child.children)))
                        break
                else:
                    node.block = False
                    stack.pop()
        return bool(self.block)


def let_go(root: Node) -> None:
    """Unlink the tree below ``root`` from its parents, once it is walked: each element and its
    parent refer to each other, a cycle that only the garbage collector frees, so that every
    article's tree would stay in memory until a collection walks it (and a run's collections would
    walk every tree). Without the cycles a tree is freed as soon as its last use ends."""
    stack = [root]
    while stack:
        node = stack.pop()
        node.parent = None
        for child in node.children:  # (a plain loop: a generator per element costs more)
            if child.__class__ is Node:
                stack.append(child)


def build_tree(tokens: list[Token]) -> Node:
    """Build the element tree of ``tokens`` as a browser reads it: HTML's implied end tags, headings
    closed by any heading's end tag, formatting elements closed early opened again around the text
    that follows (:meth:`_OpenElements.reopen`); stray end tags, and those a browser ignores
    (:meth:`_OpenElements.ignores`), stay text-level.

    An end tag that only makes a browser forget an element closed early (the ``</i>`` of
    ``<b><i>x</b></i>``) right after the end tag that closed it is joined to that end tag's token
    (``tokens`` is changed: ``</b></i>`` is one token, and the ``</i>`` token is left empty), so that
    it is written where it stands, with it.

    Which open element an end tag (or an implied end) closes is looked up, not searched for:
    however deep the open elements, each token costs the same (a thousand stray ``</span>``
    under a thousand ``<div>`` do not cost a million steps).
    """
    root = Node("#root", -1, None, {})
    open_elements = _OpenElements(root, tokens)
    stack = open_elements.stack
    depths = open_elements.depths
    blocks = open_elements.blocks
    scopes = open_elements.scopes
    formatting = open_elements.formatting
    current = root.children  # the children of the innermost open element
    index = -1
    for kind, _, tag, attrs in tokens:
        index += 1
        if kind == "text":  # (most tokens)
            if open_elements.closed_early and open_elements.reopen(index):
                current = stack[-1].children
            current.append(index)
        elif kind == "end":
            if tag in FORMATTING:
                innermost = stack[-1]
                if innermost.tag == tag and formatting and formatting[-1][0] is innermost:  # type: ignore[index]
                    # the innermost element, the last one listed (most such end tags)
                    innermost.end = index
                    formatting.pop()
                    depths[tag].pop()
                    stack.pop()
                else:
                    open_elements.end_of(tag, index)
                current = stack[-1].children
                continue
            if tag in HEADINGS:
                open_elements.end_of(tag, index)
                current = stack[-1].children
                continue
            open_at = depths.get(tag)
            if open_at:  # the innermost open element it closes
                depth = open_at[-1]
                if depth == len(stack) - 1 and tag not in _MARKERS:  # the innermost of all (most end tags)
                    stack[depth].end = index
                    open_at.pop()
                    if stack.pop().tag in SPECIAL:
                        blocks.pop()
                        if tag in _SCOPE:
                            scopes.pop()
                elif open_elements.ignores(tag, depth):
                    current.append(index)  # one a browser ignores: kept verbatim
                    continue
                else:
                    stack[depth].end = index
                    open_elements.close_from(depth)
                    open_elements.last_end = index
                current = stack[-1].children
            else:
                current.append(index)  # stray end tag: kept verbatim
        elif kind == "start" or kind == "startend":
            if tag in CLOSES_P and blocks and stack[blocks[-1]].tag == "p":
                open_elements.close_from(blocks[-1])  # a block start ends a paragraph
            if tag in IMPLIED_END:
                closes, bounds = IMPLIED_END[tag]
                depth = max(map(open_elements.innermost, closes))
                if depth > max(map(open_elements.innermost, bounds)):
                    open_elements.close_from(depth)
            if tag in HEADINGS and stack[-1].tag in HEADINGS:
                open_elements.close_from(len(stack) - 1)  # a heading ends the heading it starts in
            if open_elements.closed_early and tag not in _NO_REOPEN:
                if tag == "a":
                    open_elements.forget_link()
                open_elements.reopen(index)
            parent = stack[-1]
            node = Node(tag, index, parent, attrs, [])
            parent.children.append(node)
            if kind == "start" and tag not in VOID:
                # (open_elements.push, written out: one per element)
                open_at = depths.get(tag)
                if open_at is None:
                    depths[tag] = [len(stack)]
                else:
                    open_at.append(len(stack))
                if tag in SPECIAL:
                    blocks.append(len(stack))
                    if tag in _SCOPE:
                        scopes.append(len(stack))
                stack.append(node)
                current = node.children
                if tag in FORMATTING or tag in _MARKERS:
                    if formatting or tag in _MARKERS:
                        open_elements.listed(node)
                    else:
                        formatting.append([node, True])
            else:
                current = parent.children
        else:  # other, eof
            current.append(index)
    return root


class _OpenElements:
    """The stack of open elements, with where each tag is open and where the blocks are, and
    HTML's list of active formatting elements."""

    def __init__(self, root: Node, tokens: list[Token] | None = None) -> None:
        self.stack = [root]
        self.depths: dict[str, list[int]] = {}  # tag -> depths where it is open, innermost last
        self.blocks: list[int] = []  # depths of open elements of SPECIAL, innermost last
        self.scopes: list[int] = []  # depths of open elements of _SCOPE, innermost last
        self.tokens = tokens if tokens is not None else []
        #: The active formatting elements, each ``[element, whether it is open]``; None: a marker.
        self.formatting: list[list | None] = []
        #: How many of them are closed (a browser opens them again before the next text).
        self.closed_early = 0
        #: The element the last end tag closed (with what it closed inside it), and the index of
        #: the last token its end tag is joined with.
        self.last_closed: Node | None = None
        self.last_end = -1

    def innermost(self, tag: str) -> int:
        """The depth of the innermost open ``tag`` (0 when none is open: the root's)."""
        depths = self.depths.get(tag)
        return depths[-1] if depths else 0

    def push(self, node: Node) -> None:
        """Open ``node`` inside the innermost open element."""
        self.depths.setdefault(node.tag, []).append(len(self.stack))
        if node.tag in SPECIAL:
            self.blocks.append(len(self.stack))
            if node.tag in _SCOPE:
                self.scopes.append(len(self.stack))
        self.stack.append(node)

    def _take_off(self, depth: int) -> None:
        """Take the elements from ``depth`` on off the stack, as they are (not closed: see :meth:`_adopt`)."""
        for node in reversed(self.stack[depth:]):
            self.depths[node.tag].pop()
            if node.tag in SPECIAL:
                self.blocks.pop()
                if node.tag in _SCOPE:
                    self.scopes.pop()
        del self.stack[depth:]

    def ignores(self, tag: str, depth: int) -> bool:
        """Whether a browser ignores the end tag ``tag`` of the element open at ``depth`` (not the
        innermost): a block's, or a heading's, outside a table cell, a table or another bound of
        HTML's scope (``</h2>`` in a cell of the heading, ``</tr>`` in a table of the row's cell);
        an inline element's outside a block (``</span>`` in ``<span><div>x``)."""
        if tag in ("body", "html"):
            return False  # (ended as before, wherever they stand)
        if tag in SPECIAL:
            if tag in _TABLE_SCOPED:
                return max(self.innermost("table"), self.innermost("template")) > depth
            bound = self.scopes[-1] if self.scopes else 0
            if tag == "li":
                bound = max(bound, self.innermost("ul"), self.innermost("ol"))
            elif tag == "p":
                bound = max(bound, self.innermost("button"))
            return bound > depth
        return bool(self.blocks) and self.blocks[-1] > depth

    def close_from(self, depth: int) -> None:
        """Close the element at ``depth`` and everything open inside it (formatting elements among
        them stay on the list, closed early, but for the one at ``depth``)."""
        closed = self.stack[depth]
        for node in reversed(self.stack[depth:]):
            self.depths[node.tag].pop()
            if node.tag in SPECIAL:
                self.blocks.pop()
                if node.tag in _SCOPE:
                    self.scopes.pop()
            if node.tag in FORMATTING:
                entry = self._entry(node)
                if entry is not None:
                    if node is closed:
                        self.formatting.remove(entry)
                    else:
                        entry[1] = False
                        self.closed_early += 1
            elif node.tag in _MARKERS:
                self._clear_to_marker()
        del self.stack[depth:]
        self.last_closed = closed

    def listed(self, node: Node) -> None:
        """Put the formatting element ``node`` (just opened) on the list, or a marker for an
        element of :data:`_MARKERS`. As a browser does, at most three alike (same tag, same
        attributes) after the last marker: the earliest of four is forgotten."""
        formatting = self.formatting
        if node.tag in _MARKERS:
            formatting.append(None)
            return
        alike: list[list] = []
        count = 0
        for entry in reversed(formatting):
            if entry is None:
                break
            count += 1
            other = entry[0]
            if other.tag == node.tag and other.attrs == node.attrs:
                alike.append(entry)
        if len(alike) >= 3:
            self._forget(alike[-1])
        elif count >= _MAX_FORMATTING:
            self._forget(formatting[len(formatting) - count])  # type: ignore[arg-type]
        formatting.append([node, True])

    def _forget(self, entry: list) -> None:
        """Take ``entry`` off the list of active formatting elements."""
        self.formatting.remove(entry)
        if not entry[1]:
            self.closed_early -= 1

    def _entry(self, node: Node) -> list | None:
        """The list entry of the formatting element ``node``, if any."""
        for entry in reversed(self.formatting):
            if entry is not None and entry[0] is node:
                return entry
        return None

    def _clear_to_marker(self) -> None:
        """Take the entries after the last marker, and it, off the list (its element closes)."""
        formatting = self.formatting
        while formatting:
            entry = formatting.pop()
            if entry is None:
                return
            if not entry[1]:
                self.closed_early -= 1

    def reopen(self, index: int) -> bool:
        """Open again, inside the innermost open element, the formatting elements closed early
        (``<p><b>x</p><p>y``: a ``<b>`` around ``y``), before token ``index``; whether any was."""
        formatting = self.formatting
        if not formatting or formatting[-1] is None or formatting[-1][1]:
            return False
        first = len(formatting) - 1
        while first > 0 and not (formatting[first - 1] or (None, True))[1]:
            first -= 1
        for entry in formatting[first:]:
            old = entry[0]  # type: ignore[index]
            parent = self.stack[-1]
            node = Node(old.tag, index, parent, old.attrs, [], reopened=True)
            parent.children.append(node)
            self.push(node)
            entry[0], entry[1] = node, True  # type: ignore[index]
            self.closed_early -= 1
        return True

    def forget_link(self) -> None:
        """A link's start tag: a browser forgets a link closed early instead of opening it again
        around the new one (``<p><a href=1>x</p><p><a href=2>y``). (A link still open it would end;
        read here as holding the new one, its units stay as they were: the sentences of a teaser
        whose "more" link is written inside its link stay sentences, not one link's text.)"""
        for entry in reversed(self.formatting):
            if entry is None:
                return
            if entry[0].tag == "a":
                if not entry[1]:
                    self._forget(entry)
                return

    def _depth_of(self, node: Node) -> int:
        """The depth of the open element ``node``."""
        open_at = self.depths[node.tag]
        return next(at for at in reversed(open_at) if self.stack[at] is node)

    def end_of(self, tag: str, index: int) -> None:
        """The end tag ``tag`` (token ``index``) of a formatting element or a heading, as a browser
        reads it: HTML's "adoption agency" (:meth:`_adopt`); one a browser ignores (an element open
        outside the table cell or the block it stands in) is kept where it stands."""
        stack = self.stack
        if tag in HEADINGS:  # any heading's end tag ends the innermost heading
            depth = max(map(self.innermost, HEADINGS))
            self._close(0 if self.scopes and self.scopes[-1] > depth else depth, index)
            return
        entry = None
        for listed in reversed(self.formatting):
            if listed is None:
                break
            if listed[0].tag == tag:
                entry = listed
                break
        innermost = stack[-1]
        if innermost.tag == tag and (entry is None or entry[0] is not innermost):
            self._close(len(stack) - 1, index)  # (one the list has forgotten)
        elif entry is None:  # (as any other end tag)
            depth = self.innermost(tag)
            self._close(0 if self.blocks and self.blocks[-1] > depth else depth, index)
        elif not entry[1]:  # closed early: the browser forgets it
            self._forget(entry)
            if not self.join(index):
                stack[-1].children.append(index)
        else:
            depth = self._depth_of(entry[0])
            if self.scopes and self.scopes[-1] > depth:
                stack[-1].children.append(index)  # (a table inside it: ignored)
            else:
                self._adopt(entry, depth, index)

    def _adopt(self, entry: list, depth: int, index: int) -> None:
        """End the formatting element of ``entry``, open at ``depth``, with its end tag ``index``,
        as HTML's "adoption agency" does. With no block (of :data:`SPECIAL`) open inside it, it ends
        with what is open inside it. Else the blocks stay open, and a browser puts the content so far
        of the innermost one in a copy of the element (``<b>x<div>y</b>z</div>``:
        ``<div><b>y</b>z</div>``, and ``<div><b>c</b>d</div>`` of ``<b><span><div>c</b>d``): here
        the end tag ends that copy, around that content. What is open inside that block ends too
        (its formatting elements are opened again after it), and what is open between the element
        and the blocks but formatting elements (which a browser opens again around the blocks: they
        stay open here): ``</span>`` is no end of anything after ``<b><span><div>c</b>``."""
        stack, blocks = self.stack, self.blocks
        if not blocks or blocks[-1] <= depth:
            self._close(depth, index)
            return
        innermost = blocks[-1]
        for node in stack[innermost + 1 :]:  # (no block, no marker: formatting elements close early)
            closed = self._entry(node) if node.tag in FORMATTING else None
            if closed is not None:
                closed[1] = False
                self.closed_early += 1
        element, block = entry[0], stack[innermost]
        self._forget(entry)
        if block.children:
            first = block.children[0]
            copy = Node(element.tag, first if isinstance(first, int) else first.start, block, element.attrs)
            copy.children, copy.end, copy.reopened = block.children, index, True
            for child in copy.children:
                if type(child) is Node:
                    child.parent = copy
            block.children = [copy]
        else:
            block.children.append(index)
        kept = [
            node
            for node in stack[depth + 1 :]
            if node.tag in SPECIAL or (node.tag in FORMATTING and self._entry(node) is not None)
        ]
        self._take_off(depth)
        for node in kept[: kept.index(block) + 1]:
            self.push(node)
        self.last_end = index

    def _close(self, depth: int, index: int) -> None:
        """Close the element at ``depth`` (0: none is open) with its end tag ``index``."""
        if not depth:
            self.stack[-1].children.append(index)  # stray end tag: kept verbatim
            return
        self.stack[depth].end = index
        self.last_end = index
        self.close_from(depth)

    def join(self, index: int) -> bool:
        """Join the end tag ``index`` to the token right before it when that is the end tag that
        closed the last element of the innermost open one, or a comment (see :func:`build_tree`);
        whether it was."""
        closed = self.last_closed
        children = self.stack[-1].children
        last = children[-1] if children else None
        tokens = self.tokens
        if type(last) is int:
            if last != index - 1 or tokens[last].kind != "other" or not tokens[last].raw.startswith("<!--"):
                return False
            into = last
        elif last is None or last is not closed or closed.end is None or self.last_end != index - 1:
            return False
        else:
            into = closed.end
        tokens[into] = tokens[into]._replace(raw=tokens[into].raw + tokens[index].raw)
        tokens[index] = tokens[index]._replace(raw="")
        self.last_end = index
        return True


_REF_WORDS = 4
_REF_MORE_WORDS = 10
_REF_CHARS = 40
_WORDS = re.compile(r"\w+")
#: ASCII to itself lowered where ``\w`` matches it (letters, digits, ``_``), to a space elsewhere.
_ASCII_WORD_BYTES = bytes(
    ord(chr(byte).lower()) if byte < 128 and (chr(byte).isalnum() or byte == 0x5F) else 0x20
    for byte in range(256)
)


def ascii_words_lowered(text: str) -> list[str]:
    r"""The words (``\w+``) of ASCII ``text``, lowered: what ``re.findall(r"\w+", text.lower())``
    finds, by a byte table (a pattern costs far more per character, and per word found).

    >>> ascii_words_lowered("The U.S. 2nd-rate_plan, (again)")
    ['the', 'u', 's', '2nd', 'rate_plan', 'again']
    """
    return text.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split()


def _ascii_words(text: str, limit: int) -> list[str]:
    """The first ``limit`` words of ASCII ``text`` as :func:`ascii_words_lowered` finds them, and the
    rest of its words as one more item when it has more (a list of at most ``limit`` + 1 items).

    >>> _ascii_words("The U.S. 2nd-rate_plan, (again)", 3), _ascii_words("A b", 3)
    (['the', 'u', 's', '2nd rate_plan   again '], ['a', 'b'])
    """
    return text.encode("ascii").translate(_ASCII_WORD_BYTES).decode("ascii").split(None, limit)


#: How much of an element's first text is looked at first, per word wanted (see References._key).
_PREFIX = 12
#: Elements that anchor references whatever their attributes (see References._anchor).
_ANCHORS = frozenset({"head", "body", "html", "#root"})
#: Attributes that name an element without text (``meta(description)``, ``img(a-skier-on-the)``);
#: never a URL, which is no business of translators.
_KEY_ATTRIBUTES = (
    "name",
    "property",
    "http-equiv",
    "itemprop",
    "rel",
    "alt",
    "title",
    "aria-label",
    "label",
    "placeholder",
    "type",
    "charset",
)
_UNREAD = frozenset({"script", "style", "template", "noscript"})


class References:
    """Names elements for ``#:`` references so that editing other parts of an article leaves them alone.

        A reference is the element's own id when it has one; otherwise the nearest ancestor id (or
        ``head``/``body``), then the element's tag with its first words: ``story/p(the-signing-ceremony-of)``,
        ``head/meta(description)``. Inserting, removing or moving other elements changes nothing; only
        editing the start of the element itself does. An element starting like an earlier one is named by
    its first ten words; one that is still not told apart gets ``~2``.
    """

    def __init__(self, tokens: list[Token]) -> None:
        self.tokens = tokens
        self._names: dict[int, str] = {}
        self._bases: dict[int, str] = {}
        self._used: dict[str, int] = {}

    def of(self, node: Node | None) -> str:
        """The reference of ``node`` ("" for the document itself)."""
        if node is None:
            return ""
        known = self._names.get(id(node))
        if known is None:
            known = self._name(node)
            self._names[id(node)] = known
        return known

    def anchor(self, node: Node) -> str:
        """The name of the nearest element at or above ``node`` that anchors references (its id,
        ``head``, ``body``; "" for the document), naming no other element."""
        return self._base(node)

    def _name(self, node: Node) -> str:
        tag = node.tag
        if (node.attrs and node.attrs.get("id")) or tag in _ANCHORS:
            anchor = self._anchor(node)
            if anchor is not None:
                return anchor
        parent = node.parent
        base = self._bases.get(id(parent)) if parent is not None else ""  # (siblings share it)
        if base is None:
            base = self._base(parent)
        key = self._key(node, _REF_WORDS)
        step = f"{tag}({key})" if key else tag
        name = f"{base}/{step}" if base else step
        used = self._used
        count = used.get(name)
        if count is None:
            used[name] = 1
            return name
        # two elements start alike: more of their words tell them apart
        longer = self._path(base, node, _REF_MORE_WORDS)
        if longer not in used:
            used[longer] = 1
            return longer
        used[name] = count + 1
        return f"{name}~{count + 1}"

    def _path(self, base: str, node: Node, limit: int) -> str:
        key = self._key(node, limit)
        step = f"{node.tag}({key})" if key else node.tag
        return f"{base}/{step}" if base else step

    def _base(self, node: Node | None) -> str:
        """The name of the nearest anchoring element at or above ``node`` (remembered for every
        element on the way up, so that the ancestors of many elements are climbed once)."""
        climbed: list[Node] = []
        known: str | None = None
        while node is not None:
            known = self._bases.get(id(node))
            if known is not None:
                break
            known = self._anchor(node)
            climbed.append(node)
            if known is not None:
                break
            node = node.parent
        for element in climbed:
            self._bases[id(element)] = known or ""
        return known or ""

    @staticmethod
    def _anchor(node: Node) -> str | None:
        """The name of an element that anchors references (id, head, body, the document), else None."""
        own_id = node.attrs.get("id") if node.attrs else None
        if own_id and own_id.split() == [own_id]:
            return own_id
        if node.tag in ("head", "body"):
            return node.tag
        if node.tag in ("html", "#root"):
            return ""
        return None

    def _key(self, node: Node, limit: int = 4) -> str:
        children = node.children
        words: list[str] = []
        read = 0  # the children whose words are in ``words``
        if children and type(children[0]) is int:  # text first (most elements named): its first words
            token = self.tokens[children[0]]
            if token.kind == "text":
                raw = token.raw[: _PREFIX * limit]
                if "&" not in raw:
                    # (the words of a prefix: all but the last are whole, enough when there are more)
                    if raw.isascii():
                        found = _ascii_words(raw, limit)
                        if len(found) > limit:
                            return "-".join(found[:limit])[: _REF_CHARS * limit // _REF_WORDS].strip("-")
                        if len(raw) == len(token.raw):  # its whole text: read on after it
                            words, read = found, 1
                    elif "Σ" not in raw:
                        # Lower case maps each character on its own but a final sigma (it looks at
                        # what follows): without one, the prefix lowered is the text lowered, cut.
                        found = _WORDS.findall(raw.lower())
                        if len(found) > limit:
                            return "-".join(found[:limit])[: _REF_CHARS * limit // _REF_WORDS].strip("-")
        self._first_words(node, words, limit, read)
        if words:
            return "-".join(words)[: _REF_CHARS * limit // _REF_WORDS].strip("-")
        for attribute in _KEY_ATTRIBUTES:
            value = node.attrs.get(attribute)
            if value and value.strip():
                if attribute in ("name", "property", "http-equiv", "itemprop", "rel", "type", "charset"):
                    return re.sub(r"[^\w.:-]+", "-", value.strip().lower())[:_REF_CHARS].strip("-")
                found = (
                    _ascii_words(value, limit)
                    if value.isascii()
                    else [word.lower() for word in _WORDS.findall(value)]
                )
                return "-".join(found[:limit])[:_REF_CHARS].strip("-")
        return ""

    def _first_words(self, node: Node, words: list[str], limit: int, start: int = 0) -> None:
        """Up to ``limit`` words of ``node``'s text, in document order (depth first, on a stack);
        ``start``: its children before that one were read into ``words`` already."""
        stack: list[Iterator[Node | int]] = [
            islice(node.children, start, None) if start else iter(node.children)
        ]
        while stack:
            child = next(stack[-1], None)
            if child is None:
                stack.pop()
                continue
            if len(words) >= limit:
                return
            if isinstance(child, Node):
                if child.tag not in _UNREAD:
                    stack.append(iter(child.children))
                continue
            token = self.tokens[child]
            if token.kind == "text":
                raw = token.raw[:300]  # the first words are all we need
                text = htmllib.unescape(raw) if "&" in raw else raw
                if text.isascii():
                    wanted = limit - len(words)
                    words.extend(_ascii_words(text, wanted)[:wanted])
                    if len(words) >= limit:
                        return
                    continue
                for word in _WORDS.finditer(text.lower()):  # the first few: not all of a long text
                    words.append(word.group())
                    if len(words) >= limit:
                        return
