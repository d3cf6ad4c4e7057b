"""Read an HTML article into a :class:`Document` of verbatim source and translation slots.

The stdlib tokenizer (:mod:`html.parser`) is lenient with broken markup and lets us keep
every token's exact source text, which is what a byte-faithful round trip needs: lxml and
html5lib rebuild the markup and lose the source's own spelling of it. A small tree builder
applies the HTML rules that matter here (void elements, implied end tags, stray end tags).

Units are the runs of inline content inside block elements, cut into sentences; inline
elements become placeholders; translatable attributes are their own units.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple, Union

from ..errors import ArticleError
from ..model import Placeholder
from ..segment import split_sentences
from .document import (
    AttrSlot, DateSlot, Document, Gap, Marker, PairedPieces, Part, Tag, TextSlot, escape_attribute, escape_text,
)

VOID = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param source track wbr".split()
)
INLINE = frozenset(
    """a abbr acronym audio b bdi bdo big br button canvas cite code data del dfn em embed font i iframe img
    input ins kbd label map mark meter nobr object output picture progress q rp rt ruby s samp select small
    span strike strong sub sup svg math time tt u var video wbr""".split()
)
#: Never extracted, and kept whole as one placeholder when inline.
OPAQUE = frozenset("script style template svg math textarea iframe object video audio canvas select noembed".split())
#: Element content is text only: a translation cannot be wrapped in a <span> there.
TEXT_ONLY = frozenset({"title", "option", "textarea"})
CLOSES_P = frozenset(
    """address article aside blockquote center details dialog dir div dl fieldset figcaption figure footer form
    h1 h2 h3 h4 h5 h6 header hgroup hr li dd dt main menu nav ol p pre section summary table ul""".split()
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
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "plaintext"})
NOTE_ATTRIBUTES = ("its-loc-note", "data-l10n-note", "data-its-loc-note")
META_TRANSLATABLE = frozenset(
    {"description", "keywords", "og:title", "og:description", "og:site_name", "twitter:title",
     "twitter:description", "twitter:image:alt", "og:image:alt"}
)

_TAGFIND = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
_ATTRFIND = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)
_WS = re.compile(r"[ \t\n\r\f]+")
_ENTITY_PIECE = re.compile(r"&(?:#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)|[^&]+|&")
OBJECT = "\ufffc"
#: Whitespace at the edges of a run, no-break spaces and their entities included (kept outside units).
_LEADING_SPACE = re.compile(r"(?:\s|&nbsp;|&#160;|&#[xX]0*[aA]0;)+")
_SPACE_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#Xa0;", "&#XA0;")


def _strip_leading_space(raw: str) -> str:
    """``raw`` without its leading whitespace, no-break spaces and their entities.

    >>> _strip_leading_space(" &nbsp;\xa0 x ")
    'x '
    """
    if not raw or not (raw[0].isspace() or raw[0] == "&"):
        return raw
    match = _LEADING_SPACE.match(raw)
    return raw[match.end():] if match else raw


def _strip_trailing_space(raw: str) -> str:
    """``raw`` without its trailing whitespace, no-break spaces and their entities.

    >>> _strip_trailing_space(" x&nbsp; &#160;")
    ' x'
    """
    while True:
        stripped = raw.rstrip()
        if stripped.endswith(";") and stripped.endswith(_SPACE_ENTITIES):
            stripped = stripped[: stripped.rindex("&")]
        if stripped == raw:
            return raw
        raw = stripped


# --------------------------------------------------------------------------- tokens and tree

@dataclass(slots=True)
class Token:
    """One token of the source with its exact text."""

    kind: str  # start, startend, end, text, other
    raw: str
    tag: str = ""
    attrs: dict[str, str | None] = field(default_factory=dict)


class _Tokenizer(HTMLParser):
    """Records each token's start offset; the raw text runs to the next token's start."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._pos = 0
        self.found: list[tuple[str, int, str, list]] = []

    def updatepos(self, i: int, j: int) -> int:  # noqa: D102 - cheap offset tracking
        self._pos = j
        return j

    def handle_starttag(self, tag, attrs):  # noqa: D102
        self.found.append(("start", self._pos, tag, attrs))

    def handle_startendtag(self, tag, attrs):  # noqa: D102
        self.found.append(("startend", self._pos, tag, attrs))

    def handle_endtag(self, tag):  # noqa: D102
        self.found.append(("end", self._pos, tag, []))

    def handle_data(self, data):  # noqa: D102
        if self.found and self.found[-1][0] == "text" and self.found[-1][1] != self._pos:
            return  # a continuation of the same text run (e.g. a stray "<")
        self.found.append(("text", self._pos, "", []))

    def set_cdata_mode(self, elem):  # noqa: D102 - HTML's escaped script data
        super().set_cdata_mode(elem)
        if self.cdata_elem == "script":
            self.interesting = _ScriptEnd()

    def _other(self, *_):
        self.found.append(("other", self._pos, "", []))

    handle_comment = handle_decl = handle_pi = unknown_decl = _other


class _ScriptEnd:
    """Finds where a script ends as browsers do: ``<!-- <script>…</script> -->`` inside a script is data."""

    _END = re.compile(r"</\s*script\s*>", re.I)
    _EVENTS = re.compile(r"<!--|-->|<script[\s/>]|</\s*script\s*>", re.I)

    def search(self, text: str, pos: int) -> "re.Match[str] | None":
        """The match of the end tag that really closes the script, or None."""
        escaped = double = False
        for event in self._EVENTS.finditer(text, pos):
            token = event.group(0).lower()
            if token == "<!--":
                escaped = True
            elif token == "-->":
                escaped = double = False
            elif token.startswith("<script"):
                double = double or escaped
            elif double:
                double = False
            else:
                return self._END.match(text, event.start())
        return None


def tokenize_html(text: str) -> list[Token]:
    """Cut ``text`` into tokens whose raw texts concatenate back to ``text`` exactly.

    Well-formed markup is cut by a few regular expressions; from the first construct they do
    not cover (a sloppy tag, ``<?``, ``<![CDATA[``…) on, :mod:`html.parser` does the rest.
    Both give the same tokens wherever the fast path applies (a test holds them to that).
    """
    tokens, resume = _fast_tokens(text)
    if resume < len(text):
        _add_parser_tokens(text, resume, tokens)
    return tokens


_FAST_TAG = re.compile(
    r"""<(?:
      (?P<start>[a-zA-Z][^\t\n\r\f />\x00]*+)
      (?P<attrs>(?:\s+[^\s/>"'=][^\s/>"'=]*+(?:\s*=\s*(?:"[^"]*"|'[^']*'|(?!['"=])[^>\s]*+))?)*)
      \s*(?P<close>/?)>
    | /\s*(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*+)\s*>
    | !--.*?--\s*>
    | ![dD][oO][cC][tT][yY][pP][eE][^>]*>
    )""",
    re.VERBOSE | re.DOTALL,
)
_FAST_ATTR = re.compile(r"""\s+([^\s/>"'=][^\s/>"'=]*+)(?:\s*=\s*("[^"]*"|'[^']*'|(?!['"=])[^>\s]*+))?""")
#: A "<" that html.parser would not take as plain text (the fast path stops there).
_MARKUP_OPEN = re.compile(r"<(?:[a-zA-Z/!?]|\Z)")
_STYLE_END = re.compile(r"</\s*style\s*>", re.I)


def _fast_tokens(text: str) -> tuple[list[Token], int]:
    """Tokens of the well-formed prefix of ``text`` and the offset where that prefix ends."""
    tokens: list[Token] = []
    append = tokens.append
    pos = 0
    length = len(text)
    search = _FAST_TAG.search
    unsafe = _MARKUP_OPEN.search
    while pos < length:
        match = search(text, pos)
        start = match.start() if match else length
        if start > pos:
            odd = unsafe(text, pos, start)
            if odd is not None:
                if odd.start() > pos:
                    append(Token("text", text[pos:odd.start()]))
                return tokens, odd.start()
            append(Token("text", text[pos:start]))
        if match is None:
            return tokens, length
        pos = match.end()
        name = match.group("start")
        if name is not None:
            tag = name.lower()
            attrs: dict[str, str | None] = {}
            listed = match.group("attrs")
            if listed:
                for found in _FAST_ATTR.finditer(listed):
                    value = found.group(2)
                    if value is not None:
                        if value[:1] == value[-1:] and value[:1] in ("'", '"') and len(value) > 1:
                            value = value[1:-1]
                        if value:
                            value = htmllib.unescape(value)
                    attrs[found.group(1).lower()] = value
            closed = bool(match.group("close"))
            append(Token("startend" if closed else "start", match.group(0), tag, attrs))
            if not closed and tag in ("script", "style"):
                end = (_ScriptEnd().search(text, pos) if tag == "script" else _STYLE_END.search(text, pos))
                if end is None:  # html.parser's own rules for a script that never ends
                    tokens.pop()
                    return tokens, match.start()
                if end.start() > pos:
                    append(Token("text", text[pos:end.start()]))
                append(Token("end", end.group(0), tag))
                pos = end.end()
        elif match.group("end") is not None:
            append(Token("end", match.group(0), match.group("end").lower()))
        else:
            append(Token("other", match.group(0)))
    return tokens, length


def tokenize_with_parser(text: str) -> list[Token]:
    """Tokens of ``text`` as :mod:`html.parser` cuts it (the lenient path of :func:`tokenize_html`)."""
    tokens: list[Token] = []
    _add_parser_tokens(text, 0, tokens)
    return tokens


def _add_parser_tokens(text: str, offset: int, tokens: list[Token]) -> None:
    """Append the tokens html.parser finds in ``text[offset:]`` to ``tokens`` (cut up to ``offset``)."""
    parser = _Tokenizer()
    parser.rawdata = text[offset:] if offset else text
    parser.goahead(True)
    found = parser.found
    if not found or found[0][1] > 0:
        # Source that html.parser records nothing for (e.g. "</>") belongs to the token before it.
        lead = found[0][1] if found else len(text) - offset
        if tokens:
            tokens[-1].raw += text[offset:offset + lead]
        else:
            found.insert(0, ("text", 0, "", []))
    for index, (kind, start, tag, attrs) in enumerate(found):
        end = found[index + 1][1] if index + 1 < len(found) else len(text) - offset
        if end <= start:
            continue
        raw = text[offset + start:offset + end]
        if kind == "text" and tokens and tokens[-1].kind == "text":
            tokens[-1].raw += raw
            continue
        tokens.append(Token(kind, raw, tag, dict(attrs)))


@dataclass(slots=True, eq=False)
class Node:
    """An element: its start token, children (nodes or token indexes) and end token."""

    tag: str
    start: int
    parent: "Node | None"
    attrs: dict[str, str | None]
    children: list[Union["Node", int]] = field(default_factory=list)
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
        if token.kind in ("text", "other"):
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
_REF_CHARS = 40
_WORDS = re.compile(r"\w+")
#: Attributes that name an element without text (``meta(description)``, ``img(a-skier-on-the)``);
#: never a URL, which is no business of translators.
_KEY_ATTRIBUTES = ("name", "property", "http-equiv", "itemprop", "rel", "alt", "title", "aria-label", "label",
                   "placeholder", "type", "charset")
_UNREAD = frozenset({"script", "style", "template", "noscript"})


class References:
    """Names elements for ``#:`` references so that editing other parts of an article leaves them alone.

    A reference is the element's own id when it has one; otherwise the nearest ancestor id (or
    ``head``/``body``), then the element's tag with its first words: ``story/p(the-signing-ceremony-of)``,
    ``head/meta(description)``. Inserting, removing or moving other elements changes nothing; only
    editing the start of the element itself does. A second element with the same name gets ``~2``.
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
        key = self._key(node)
        step = f"{node.tag}({key})" if key else node.tag
        name = f"{base}/{step}" if base else step
        count = self._used.get(name, 0) + 1
        self._used[name] = count
        return name if count == 1 else f"{name}~{count}"

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

    def _key(self, node: Node) -> str:
        words: list[str] = []
        self._first_words(node, words)
        if words:
            return "-".join(words)[:_REF_CHARS].strip("-")
        for attribute in _KEY_ATTRIBUTES:
            value = node.attrs.get(attribute)
            if value and value.strip():
                if attribute in ("name", "property", "http-equiv", "itemprop", "rel", "type", "charset"):
                    return re.sub(r"[^\w.:-]+", "-", value.strip().lower())[:_REF_CHARS].strip("-")
                return "-".join(word.lower() for word in _WORDS.findall(value)[:_REF_WORDS])[:_REF_CHARS].strip("-")
        return ""

    def _first_words(self, node: Node, words: list[str]) -> None:
        for child in node.children:
            if len(words) >= _REF_WORDS:
                return
            if isinstance(child, Node):
                if child.tag not in _UNREAD:
                    self._first_words(child, words)
                continue
            token = self.tokens[child]
            if token.kind == "text":
                raw = token.raw[:300]  # the first words are all we need
                text = htmllib.unescape(raw) if "&" in raw else raw
                words.extend(_WORDS.findall(text.lower())[:_REF_WORDS - len(words)])


# --------------------------------------------------------------------------- extraction

@dataclass(frozen=True)
class HtmlOptions:
    """What the extractor does with optional content."""

    source_locale: str = "en"
    segmentation: str = "sentence"
    extract_code: bool = False
    extract_pre: bool = True


class _Context(NamedTuple):
    """What an element inherits from its ancestors (a tuple: built for every element, so cheap)."""

    translate: bool = True
    notes: tuple[str, ...] = ()
    preformatted: bool = False
    markable: bool = True
    ref: "Node | None" = None
    kind: str = "text"


def _translates(attrs: dict[str, str | None], inherited: bool) -> bool:
    """Whether an element with ``attrs`` is for translation (ITS translate, class="notranslate")."""
    flag = attrs.get("translate")
    if flag is not None:
        flag = flag.strip().lower()
        if flag == "no":
            return False
    classes = attrs.get("class")
    if classes and "notranslate" in classes.split():
        return False
    return True if flag == "yes" else inherited


@dataclass(slots=True)
class _Atom:
    kind: str  # text, open, close, object
    raw: str = ""
    text: str = ""
    parts: list = field(default_factory=list)  # open/close/object: source parts
    node: Node | None = None
    number: int = 0


class _Builder:
    """Walks the tree once and emits the document's parts."""

    def __init__(self, tokens: list[Token], options: HtmlOptions) -> None:
        self.tokens = tokens
        self.options = options
        self.references = References(tokens)
        self.html_tag: Tag | None = None
        self.charset_tag: Tag | None = None
        self.opaque = set(OPAQUE)
        if not options.extract_code:
            self.opaque.add("code")
        if not options.extract_pre:
            self.opaque.add("pre")

    # -- elements

    def emit_node(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        ctx = self.context_for(node, ctx)
        out.append(self.start_tag(node, ctx))
        if self.is_date(node):
            self.emit_date(node, ctx, out)
        elif node.tag in self.opaque:
            self.emit_plain_children(node, ctx, out)
        elif node.tag == "head":
            self.emit_children(node, ctx, out)
            out.append(Marker("head-end"))
        elif node.tag == "body":
            out.append(Marker("body-start"))
            self.emit_children(node, ctx, out)
            out.append(Marker("body-end"))
        else:
            self.emit_children(node, ctx, out)
        if node.end is not None:
            out.append(self.tokens[node.end].raw)

    def context_for(self, node: Node, ctx: _Context) -> _Context:
        attrs = node.attrs
        translate = _translates(attrs, ctx.translate) if attrs else ctx.translate
        notes = ctx.notes
        if attrs:
            for name in NOTE_ATTRIBUTES:
                if attrs.get(name):
                    notes = (*notes, attrs[name].strip())  # type: ignore[union-attr]
        tag = node.tag
        return _Context(
            translate,
            notes,
            ctx.preformatted or tag in _PREFORMATTED,
            ctx.markable and tag not in TEXT_ONLY,
            ctx.ref if tag == "html" else node,
            "title" if tag == "title" else ctx.kind,
        )

    def start_tag(self, node: Node, ctx: _Context) -> Part:
        token = self.tokens[node.start]
        slots = self.attribute_slots(node, token.raw, ctx) if ctx.translate else []
        is_html = node.tag == "html"
        is_charset = node.tag == "meta" and ("charset" in node.attrs or (
            (node.attrs.get("http-equiv") or "").lower() == "content-type"))
        rel = (node.attrs.get("rel") or "").lower().split() if node.tag == "link" else []
        is_seo_link = "canonical" in rel or ("alternate" in rel and "hreflang" in node.attrs)
        if not slots and not is_html and not is_charset and not is_seo_link:
            return token.raw  # compile rewrites <html>, the charset, and canonical/hreflang <link>s
        parts: list = []
        pos = 0
        for (start, end), slot in slots:
            parts.append(token.raw[pos:start])
            parts.append(slot)
            pos = end
        parts.append(token.raw[pos:])
        tag = Tag([p for p in parts if p != ""], node.tag)
        if is_html and self.html_tag is None:
            self.html_tag = tag
        if is_charset and self.charset_tag is None:
            self.charset_tag = tag
        return tag

    def attribute_slots(self, node: Node, raw: str, ctx: _Context) -> list[tuple[tuple[int, int], AttrSlot]]:
        if not node.attrs:
            return []
        wanted = translatable_attributes(node.tag, node.attrs)
        if not wanted or wanted.isdisjoint(node.attrs):
            return []
        found = []
        for name, (start, end) in attribute_spans(raw):
            if name not in wanted or start == end:
                continue
            value = htmllib.unescape(_unquote(raw[start:end]))
            msgid = value if ctx.preformatted else _WS.sub(" ", value).strip()
            if not msgid or not any(ch.isalpha() for ch in msgid):
                continue
            slot = AttrSlot(msgid=msgid, ref=f"{self.references.of(node)}@{name}", raw=raw[start:end],
                            kind=f"attribute:{name}", notes=ctx.notes)
            found.append(((start, end), slot))
        return found

    def emit_children(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        run: list[Union[Node, int]] = []
        for child in node.children:
            if isinstance(child, Node) and (child.tag not in INLINE or child.has_block()):
                self.emit_run(run, ctx, out)
                run = []
                self.emit_node(child, ctx, out)
            else:
                run.append(child)
        self.emit_run(run, ctx, out)

    def emit_plain_children(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        for child in node.children:
            self.emit_plain(child, ctx, out)

    def emit_plain(self, item: Union[Node, int], ctx: _Context, out: list[Part]) -> None:
        """Emit ``item`` verbatim (attribute slots kept, no text slots)."""
        if isinstance(item, int):
            out.append(self.tokens[item].raw)
            return
        inner = self.context_for(item, ctx)
        out.append(self.start_tag(item, inner))
        if self.is_date(item):
            self.emit_date(item, inner, out)
        else:
            for child in item.children:
                self.emit_plain(child, inner, out)
        if item.end is not None:
            out.append(self.tokens[item.end].raw)

    @staticmethod
    def is_date(node: Node) -> bool:
        """A ``<time datetime="YYYY-MM-DD…">``: compile writes its content in each locale's format."""
        return node.tag == "time" and bool(re.match(r"\s*\d{4}-\d{2}-\d{2}", node.attrs.get("datetime") or ""))

    def emit_date(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        inner: list[Part] = []
        for child in node.children:
            self.emit_plain(child, ctx, inner)
        out.append(DateSlot(node.attrs.get("datetime") or "", inner))

    # -- runs of inline content

    def is_object(self, node: Node, ctx: _Context) -> bool:
        """Inline elements kept whole as one standalone placeholder."""
        if node.tag in VOID or node.tag in self.opaque or self.is_date(node):
            return True
        return ctx.translate and bool(node.attrs) and not _translates(node.attrs, True)

    def emit_run(self, run: list[Union[Node, int]], ctx: _Context, out: list[Part]) -> None:
        if not run:
            return
        if not ctx.translate or not self.has_text(run, ctx):
            for item in run:
                self.emit_plain(item, ctx, out)
            return
        lead, core, trail = self.trim(run, ctx)
        self.emit_edges(lead, ctx, out)
        if len(core) == 1 and isinstance(core[0], Node) and not self.is_object(core[0], ctx):
            # An inline element enclosing the whole run stays outside the unit: "Home", not "<1>Home</1>".
            node = core[0]
            inner = self.context_for(node, ctx)
            out.append(self.start_tag(node, inner))
            self.emit_run(list(node.children), inner, out)
            if node.end is not None:
                out.append(self.tokens[node.end].raw)
        else:
            self.emit_sentences(self.atoms(core, ctx), ctx, out)
        self.emit_edges(trail, ctx, out)

    def emit_edges(self, items: list, ctx: _Context, out: list[Part]) -> None:
        for item in items:
            if isinstance(item, str):
                out.append(item)
            else:
                self.emit_plain(item, ctx, out)

    def has_text(self, run: list, ctx: _Context) -> bool:
        for item in run:
            if isinstance(item, int):
                token = self.tokens[item]
                if token.kind == "text" and token.raw.strip() and htmllib.unescape(token.raw).strip():
                    return True
            elif isinstance(item, Node) and not self.is_object(item, ctx):
                if self.has_text(item.children, ctx):  # is_object: a translate="no" child is an object
                    return True
        return False

    def trim(self, run: list, ctx: _Context) -> tuple[list, list, list]:
        """Split ``run`` into leading and trailing whitespace/objects and the core between."""
        items: list = list(run)
        lead: list = []
        trail: list = []
        while items:
            first = items[0]
            if isinstance(first, int):
                token = self.tokens[first]
                if token.kind != "text":
                    lead.append(items.pop(0))
                    continue
                stripped = _strip_leading_space(token.raw)
                if not stripped:
                    lead.append(token.raw)
                    items.pop(0)
                    continue
                if len(stripped) != len(token.raw):
                    lead.append(token.raw[: len(token.raw) - len(stripped)])
                    items[0] = stripped
                break
            if isinstance(first, str):
                break
            if self.is_object(first, ctx) or not self.has_text([first], ctx):
                lead.append(items.pop(0))
                continue
            break
        while items:
            last = items[-1]
            if isinstance(last, int):
                token = self.tokens[last]
                if token.kind != "text":
                    trail.insert(0, items.pop())
                    continue
                raw = token.raw
            elif isinstance(last, str):
                raw = last
            else:
                if self.is_object(last, ctx) or not self.has_text([last], ctx):
                    trail.insert(0, items.pop())
                    continue
                break
            stripped = _strip_trailing_space(raw)
            if not stripped:
                trail.insert(0, raw)
                items.pop()
                continue
            if len(stripped) != len(raw):
                trail.insert(0, raw[len(stripped):])
                items[-1] = stripped
            break
        return lead, items, trail

    def atoms(self, items: list, ctx: _Context) -> list[_Atom]:
        atoms: list[_Atom] = []
        for item in items:
            if isinstance(item, str):
                atoms.append(_Atom("text", raw=item, text=htmllib.unescape(item)))
            elif isinstance(item, int):
                token = self.tokens[item]
                if token.kind == "text":
                    atoms.append(_Atom("text", raw=token.raw, text=htmllib.unescape(token.raw)))
                elif token.kind == "end":  # stray end tag: no element, nothing for a translator to see
                    atoms.append(_Atom("text", raw=token.raw, text=""))
                else:  # comment, CDATA, declaration: kept whole
                    atoms.append(_Atom("object", parts=[token.raw], node=None))
            elif self.is_object(item, ctx):
                parts: list[Part] = []
                self.emit_plain(item, ctx, parts)
                atoms.append(_Atom("object", parts=parts, node=item))
            else:
                inner = self.context_for(item, ctx)
                atoms.append(_Atom("open", parts=[self.start_tag(item, inner)], node=item))
                atoms.extend(self.atoms(item.children, inner))
                closing = [self.tokens[item.end].raw] if item.end is not None else []
                atoms.append(_Atom("close", parts=closing, node=item))
        return atoms

    def emit_sentences(self, atoms: list[_Atom], ctx: _Context, out: list[Part]) -> None:
        groups = self.cut(atoms, ctx)
        context_note: tuple[str, ...] = ()
        if len([g for g in groups if g[0] == "unit"]) > 1:
            context_note = ("Paragraph: " + collapse_space("".join(map(_reading_text, atoms))),)
        for kind, group in groups:
            if kind == "gap":
                out.append(Gap("".join(a.raw for a in group)))
            else:
                out.append(self.make_slot(group, ctx, context_note))

    def cut(self, atoms: list[_Atom], ctx: _Context) -> list[tuple[str, list[_Atom]]]:
        """Group atoms into sentence units and the whitespace gaps between them."""
        if ctx.preformatted or self.options.segmentation == "paragraph":
            return [("unit", atoms)]
        flat_parts: list[str] = []
        positions: list[int] = []
        pos = 0
        for atom in atoms:
            positions.append(pos)
            piece = atom.text if atom.kind == "text" else OBJECT if atom.kind == "object" else ""
            flat_parts.append(piece)
            pos += len(piece)
        flat = "".join(flat_parts)
        if not _may_have_two_sentences(flat):
            return [("unit", atoms)]
        spans = split_sentences(flat, self.options.source_locale)
        if len(spans) <= 1:
            return [("unit", atoms)]
        # Boundaries (end of one sentence, start of the next) where no tag pair is open.
        cuts: list[tuple[int, int]] = []
        for (_, end), (start, _) in zip(spans, spans[1:]):
            if self.depth_at(atoms, positions, end, start) == 0:
                cuts.append((end, start))
        if not cuts:
            return [("unit", atoms)]
        return self.split_atoms(atoms, positions, cuts)

    @staticmethod
    def depth_at(atoms: list[_Atom], positions: list[int], end: int, start: int) -> int:
        """Tag pairs open across the gap ``end..start``; -1 when a tag stands inside the gap."""
        depth = 0
        for atom, pos in zip(atoms, positions):
            if atom.kind == "open":
                if pos < end:
                    depth += 1
                elif pos < start:
                    return -1
                else:
                    break
            elif atom.kind == "close":
                if pos <= end:
                    depth -= 1
                elif pos < start:
                    return -1
                else:
                    break
            elif pos >= start:
                break
        return depth

    @staticmethod
    def split_atoms(atoms: list[_Atom], positions: list[int],
                    cuts: list[tuple[int, int]]) -> list[tuple[str, list[_Atom]]]:
        """Cut the atoms at each ``(end, start)`` boundary; text atoms are split where needed."""
        groups: list[tuple[str, list[_Atom]]] = []
        current: list[_Atom] = []
        gap: list[_Atom] = []
        cut_index = 0
        in_gap = False

        def close_sentence() -> None:
            nonlocal current, gap, in_gap, cut_index
            groups.append(("unit", current))
            groups.append(("gap", gap))
            current, gap, in_gap = [], [], False
            cut_index += 1

        for atom, pos in zip(atoms, positions):
            if atom.kind != "text":
                while cut_index < len(cuts):
                    end, start = cuts[cut_index]
                    if not in_gap:
                        if pos < end or (pos == end and atom.kind == "close"):
                            break
                        in_gap = True
                    if pos < start:
                        break
                    close_sentence()
                (gap if in_gap else current).append(atom)
                continue
            text, raw, offset = atom.text, atom.raw, pos
            if not text:
                (gap if in_gap else current).append(atom)
                continue
            while text:
                if cut_index >= len(cuts):
                    (gap if in_gap else current).append(_Atom("text", raw=raw, text=text))
                    break
                end, start = cuts[cut_index]
                limit = start if in_gap else end
                k = limit - offset
                if k >= len(text):
                    (gap if in_gap else current).append(_Atom("text", raw=raw, text=text))
                    break
                if k > 0:
                    head_raw, raw = _split_raw(raw, text, k)
                    (gap if in_gap else current).append(_Atom("text", raw=head_raw, text=text[:k]))
                    text, offset = text[k:], limit
                if in_gap:
                    close_sentence()
                else:
                    in_gap = True
        if in_gap or current:
            groups.append(("unit", current))
            if gap:
                groups.append(("gap", gap))
        return groups

    def make_slot(self, atoms: list[_Atom], ctx: _Context, context_note: tuple[str, ...]) -> TextSlot:
        msgid_parts: list[str] = []
        parts: list[Part] = []
        pieces: dict[int, object] = {}
        placeholders: list[Placeholder] = []
        numbers: dict[int, int] = {}
        for atom in atoms:
            if atom.kind == "text":
                msgid_parts.append(atom.text)
                parts.append(atom.raw)
                continue
            parts.extend(atom.parts)
            if atom.kind == "object":
                number = len(placeholders) + 1
                tag = atom.node.tag if atom.node is not None else "comment"
                placeholders.append(Placeholder(number, tag, False, collapse_space(_reading_text(atom))))
                pieces[number] = list(atom.parts)
                msgid_parts.append(f"<{number}/>")
            elif atom.kind == "open":
                number = len(placeholders) + 1
                numbers[id(atom.node)] = number
                placeholders.append(Placeholder(number, atom.node.tag, True))  # type: ignore[union-attr]
                pieces[number] = PairedPieces(list(atom.parts), [])
                msgid_parts.append(f"<{number}>")
            else:
                number = numbers[id(atom.node)]
                pieces[number].close = list(atom.parts)  # type: ignore[union-attr]
                msgid_parts.append(f"</{number}>")
        msgid = "".join(msgid_parts)
        if not ctx.preformatted:
            msgid = collapse_space(msgid)
        return TextSlot(
            msgid=msgid, ref=self.references.of(ctx.ref), parts=parts, placeholders=tuple(placeholders),
            pieces=pieces, notes=ctx.notes + context_note,  # type: ignore[arg-type]
            kind=ctx.kind,
            flags=("no-wrap",) if ctx.preformatted else (),
            markable=ctx.markable, escape=escape_text,
        )


_MARKUP = re.compile(r"<[^>]*>")
#: Inline objects whose content is not text a reader sees in the paragraph.
_NOT_READ = frozenset({"script", "style", "template", "noembed", "svg", "math", "textarea", "select", "object",
                       "iframe", "video", "audio", "canvas"})


def _reading_text(atom: _Atom) -> str:
    """What a reader sees of ``atom`` in the paragraph (for the translator's context note)."""
    if atom.kind == "text":
        return atom.text
    if atom.kind != "object" or atom.node is None:
        return ""
    if atom.node.tag in ("br", "wbr", "hr"):
        return " " if atom.node.tag != "wbr" else ""
    if atom.node.tag in _NOT_READ or atom.node.tag in VOID:
        return ""
    return htmllib.unescape(_MARKUP.sub("", "".join(_plain_parts(atom.parts))))


def _plain_parts(parts: list) -> list[str]:
    """The source strings in ``parts``, dates' content included (start tags with slots skipped)."""
    found: list[str] = []
    for part in parts:
        if isinstance(part, str):
            found.append(part)
        elif isinstance(part, DateSlot):
            found.extend(_plain_parts(part.parts))
    return found


def collapse_space(text: str) -> str:
    """Runs of HTML whitespace as one space, no whitespace at the ends (inner no-break spaces kept).

    >>> collapse_space("  a\\n  b\\u00a0 c ")
    'a b\\xa0 c'
    """
    if "  " in text or "\n" in text or "\t" in text or "\r" in text or "\f" in text:
        text = _WS.sub(" ", text)
    return text.strip()


_TERMINATOR = re.compile(r"[.!?…。！？｡]")
_AFTER_LAST_SENTENCE = " \t\n\r\f\u00a0\u202f.!?…。！？｡\"'“‘”’»›)]}」』）】》〉〕｣"


def _may_have_two_sentences(text: str) -> bool:
    """False when ``text`` cannot hold a sentence break: no terminator before its last word.

    (The segmenter is exact; this only saves calling it for the many one-sentence runs.)

    >>> _may_have_two_sentences("A list item"), _may_have_two_sentences("One (really).")
    (False, False)
    >>> _may_have_two_sentences("One. Two"), _may_have_two_sentences("你好。今天")
    (True, True)
    """
    match = _TERMINATOR.search(text)
    return match is not None and bool(text[match.end():].strip(_AFTER_LAST_SENTENCE))


def _split_raw(raw: str, text: str, k: int) -> tuple[str, str]:
    """Split ``raw`` (which decodes to ``text``) after ``k`` decoded characters."""
    if raw == text:
        return raw[:k], raw[k:]
    decoded = 0
    for match in _ENTITY_PIECE.finditer(raw):
        piece = match.group(0)
        value = htmllib.unescape(piece)
        if piece[0] != "&" and decoded + len(value) > k:
            cut = match.start() + (k - decoded)
            return raw[:cut], raw[cut:]
        decoded += len(value)
        if decoded >= k:
            return raw[: match.end()], raw[match.end():]
    return raw, ""


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def attribute_spans(raw: str) -> list[tuple[str, tuple[int, int]]]:
    """``(name, (start, end))`` of each attribute value (quotes included) in a start tag's source.

    >>> attribute_spans('<img src="a.png" alt=\\'A cat\\'>')
    [('src', (9, 16)), ('alt', (21, 28))]
    """
    match = _TAGFIND.match(raw, 1)
    if not match:
        return []
    spans = []
    pos = match.end()
    while pos < len(raw):
        found = _ATTRFIND.match(raw, pos)
        if not found or found.end() == pos:
            break
        if found.group(3) is not None:
            spans.append((found.group(1).lower(), found.span(3)))
        pos = found.end()
    return spans


def replace_attribute(start_tag: str, name: str, value: str) -> str:
    """Set attribute ``name`` to ``value`` in the source of a start tag, keeping the rest as is."""
    quoted = '"' + escape_attribute(value) + '"'
    for attr, (start, end) in attribute_spans(start_tag):
        if attr == name:
            return start_tag[:start] + quoted + start_tag[end:]
    match = _TAGFIND.match(start_tag, 1)
    names = re.finditer(r"(?<=[\s'\"])" + re.escape(name) + r"(?=[\s/>])", start_tag)
    for bare in names:  # an attribute written without a value
        return start_tag[:bare.end()] + "=" + quoted + start_tag[bare.end():]
    end = len(start_tag) - 1
    if start_tag.endswith("/>"):
        end -= 1
    before = start_tag[:end].rstrip()
    return f"{before} {name}={quoted}{start_tag[len(before):]}" if match else start_tag


def translatable_attributes(tag: str, attrs: dict[str, str | None]) -> frozenset[str]:
    """The attributes of this element whose values are for translation."""
    names = {"title", "aria-label", "aria-description", "aria-roledescription", "aria-placeholder"}
    if tag in ("img", "area") or (tag == "input" and (attrs.get("type") or "").lower() == "image"):
        names.add("alt")
    if tag in ("input", "textarea"):
        names.add("placeholder")
        if (attrs.get("type") or "").lower() in ("button", "submit", "reset"):
            names.add("value")
    if tag in ("track", "option", "optgroup", "menu", "menuitem"):
        names.add("label")
    if tag == "th":
        names.add("abbr")
    if tag == "meta":
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        names = {"content"} if key in META_TRANSLATABLE else set()
    return frozenset(names)


def read_html(text: str, path: Path, encoding: str, options: HtmlOptions,
              *, display_path: str | None = None) -> Document:
    """Build the :class:`Document` of an HTML article already decoded to ``text``.

    Raises ArticleError for markup that would swallow the rest of the article
    (an unterminated comment or tag at the end of the file).
    """
    tokens = tokenize_html(text)
    _check_unterminated(tokens, display_path or str(path))
    root = build_tree(tokens)
    options = _with_overrides(tokens, options)
    builder = _Builder(tokens, options)
    parts: list[Part] = []
    builder.emit_children(root, _Context(), parts)
    return Document(path=path, format="html", encoding=encoding, parts=parts,
                    source_locale=options.source_locale, html_tag=builder.html_tag,
                    charset_tag=builder.charset_tag)


def _check_unterminated(tokens: list[Token], shown: str) -> None:
    """Refuse a comment or tag left open at the end of the file: a browser would swallow the rest."""
    text = "".join(token.raw for token in tokens)
    offset = 0
    previous: Token | None = None
    for token in tokens:
        raw = token.raw
        raw_text = previous is not None and previous.kind == "start" and previous.tag in ("script", "style")
        if token.kind == "text" and "<" in raw and not raw_text:
            for match in _OPENING.finditer(raw):
                rest = text.find("-->" if match.group(1) else ">", offset + match.end())
                if rest < 0:
                    what = "comment" if match.group(1) else "tag"
                    line = text.count("\n", 0, offset + match.start()) + 1
                    raise ArticleError(f"unterminated {what} runs to the end of the file", shown, line)
        offset += len(raw)
        previous = token


_OPENING = re.compile(r"<(!--)|<[A-Za-z]")


def _with_overrides(tokens: list[Token], options: HtmlOptions) -> HtmlOptions:
    """An article may ask for its own segmentation: ``<meta name="transpub:segmentation" content="paragraph">``."""
    for token in tokens:
        if token.kind in ("start", "startend") and token.tag == "meta":
            if (token.attrs.get("name") or "").lower() == "transpub:segmentation":
                mode = (token.attrs.get("content") or "").strip().lower()
                if mode in ("sentence", "paragraph"):
                    return replace(options, segmentation=mode)
    return options
