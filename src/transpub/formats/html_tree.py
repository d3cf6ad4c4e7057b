"""The element tree of HTML tokens (void elements, implied end tags, stray end tags) and the
names references give its elements."""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field

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

    def has_block(self) -> bool:
        """Whether a block element is among this element's descendants."""
        for child in self.children:
            if isinstance(child, Node) and (child.tag not in INLINE or child.has_block()):
                return True
        return False


def build_tree(tokens: list[Token]) -> Node:
    """Build the element tree of ``tokens`` with HTML's implied end tags; stray end tags stay text-level."""
    root = Node("#root", -1, None, {})
    stack = [root]
    for index, token in enumerate(tokens):
        if token.kind in ("text", "other", "eof"):
            stack[-1].children.append(index)
        elif token.kind == "end":
            tag = token.tag
            for depth in range(len(stack) - 1, 0, -1):
                if stack[depth].tag == tag:  # the innermost open element it closes
                    stack[depth].end = index
                    del stack[depth:]
                    break
            else:
                stack[-1].children.append(index)  # stray end tag: kept verbatim
        else:
            tag = token.tag
            if tag in CLOSES_P:
                _close_p(stack)
            if tag in IMPLIED_END:
                closes, bounds = IMPLIED_END[tag]
                for depth in range(len(stack) - 1, 0, -1):
                    if stack[depth].tag in bounds:
                        break
                    if stack[depth].tag in closes:
                        del stack[depth:]
                        break
            node = Node(tag, index, stack[-1], token.attrs)
            stack[-1].children.append(node)
            if token.kind == "start" and tag not in VOID:
                stack.append(node)
    return root


def _close_p(stack: list[Node]) -> None:
    for depth in range(len(stack) - 1, 0, -1):
        tag = stack[depth].tag
        if tag == "p":
            del stack[depth:]
            return
        if tag not in INLINE:
            return


_REF_WORDS = 4
_REF_MORE_WORDS = 10
_REF_CHARS = 40
_WORDS = re.compile(r"\w+")
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
        anchor = self._anchor(node)
        if anchor is not None:
            return anchor
        base = self._base(node.parent)
        name = self._path(base, node, _REF_WORDS)
        if name in self._used:  # two elements start alike: more of their words tell them apart
            longer = self._path(base, node, _REF_MORE_WORDS)
            if longer not in self._used:
                self._used[longer] = 1
                return longer
        count = self._used.get(name, 0) + 1
        self._used[name] = count
        return name if count == 1 else f"{name}~{count}"

    def _path(self, base: str, node: Node, limit: int) -> str:
        key = self._key(node, limit)
        step = f"{node.tag}({key})" if key else node.tag
        return f"{base}/{step}" if base else step

    def _base(self, node: Node | None) -> str:
        """The name of the nearest anchoring element at or above ``node``."""
        if node is None:
            return ""
        known = self._bases.get(id(node))
        if known is None:
            anchor = self._anchor(node)
            known = anchor if anchor is not None else self._base(node.parent)
            self._bases[id(node)] = known
        return known

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
        words: list[str] = []
        self._first_words(node, words, limit)
        if words:
            return "-".join(words)[: _REF_CHARS * limit // _REF_WORDS].strip("-")
        for attribute in _KEY_ATTRIBUTES:
            value = node.attrs.get(attribute)
            if value and value.strip():
                if attribute in ("name", "property", "http-equiv", "itemprop", "rel", "type", "charset"):
                    return re.sub(r"[^\w.:-]+", "-", value.strip().lower())[:_REF_CHARS].strip("-")
                return "-".join(word.lower() for word in _WORDS.findall(value)[:limit])[:_REF_CHARS].strip(
                    "-"
                )
        return ""

    def _first_words(self, node: Node, words: list[str], limit: int) -> None:
        for child in node.children:
            if len(words) >= limit:
                return
            if isinstance(child, Node):
                if child.tag not in _UNREAD:
                    self._first_words(child, words, limit)
                continue
            token = self.tokens[child]
            if token.kind == "text":
                raw = token.raw[:300]  # the first words are all we need
                text = htmllib.unescape(raw) if "&" in raw else raw
                words.extend(_WORDS.findall(text.lower())[: limit - len(words)])
