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

    def has_block(self) -> bool:
        """Whether a block element is among this element's descendants (found once, without recursion)."""
        if self.block is None:
            stack: list[tuple[Node, Iterator[Node | int]]] = [(self, iter(self.children))]
            while stack:
                node, children = stack[-1]
                for child in children:
                    if not isinstance(child, Node):
                        continue
                    if child.tag not in INLINE or child.block:
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
        stack.extend(child for child in node.children if type(child) is Node)


def build_tree(tokens: list[Token]) -> Node:
    """Build the element tree of ``tokens`` with HTML's implied end tags; stray end tags stay text-level.

    Which open element an end tag (or an implied end) closes is looked up, not searched for:
    however deep the open elements, each token costs the same (a thousand stray ``</span>``
    under a thousand ``<div>`` do not cost a million steps).
    """
    root = Node("#root", -1, None, {})
    open_elements = _OpenElements(root)
    stack = open_elements.stack
    depths = open_elements.depths
    blocks = open_elements.blocks
    current = root.children  # the children of the innermost open element
    index = -1
    for kind, _, tag, attrs in tokens:
        index += 1
        if kind == "text":  # (most tokens)
            current.append(index)
        elif kind == "end":
            open_at = depths.get(tag)
            if open_at:  # the innermost open element it closes
                depth = open_at[-1]
                stack[depth].end = index
                if depth == len(stack) - 1:  # the innermost element of all (most end tags)
                    open_at.pop()
                    if stack.pop().tag not in INLINE:
                        blocks.pop()
                else:
                    open_elements.close_from(depth)
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
                if tag not in INLINE:
                    blocks.append(len(stack))
                stack.append(node)
                current = node.children
            else:
                current = parent.children
        else:  # other, eof
            current.append(index)
    return root


class _OpenElements:
    """The stack of open elements, with where each tag is open and where the blocks are."""

    def __init__(self, root: Node) -> None:
        self.stack = [root]
        self.depths: dict[str, list[int]] = {}  # tag -> depths where it is open, innermost last
        self.blocks: list[int] = []  # depths of open elements that are not inline, innermost last

    def innermost(self, tag: str) -> int:
        """The depth of the innermost open ``tag`` (0 when none is open: the root's)."""
        depths = self.depths.get(tag)
        return depths[-1] if depths else 0

    def push(self, node: Node) -> None:
        """Open ``node`` inside the innermost open element."""
        self.depths.setdefault(node.tag, []).append(len(self.stack))
        if node.tag not in INLINE:
            self.blocks.append(len(self.stack))
        self.stack.append(node)

    def close_from(self, depth: int) -> None:
        """Close the element at ``depth`` and everything open inside it."""
        for node in reversed(self.stack[depth:]):
            self.depths[node.tag].pop()
            if node.tag not in INLINE:
                self.blocks.pop()
        del self.stack[depth:]


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
