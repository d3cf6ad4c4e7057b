"""Read an HTML article into a :class:`Document` of verbatim source and translation slots.

Tokens keep their exact source text (:mod:`.html_tokens`), a small tree builder applies the
HTML rules that matter here (:mod:`.html_tree`), and this module walks the tree once.

Units are the runs of inline content inside block elements, cut into sentences; inline
elements become placeholders; translatable attributes are their own units.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import NamedTuple

from ..errors import ArticleError
from ..inline import escape_lookalikes, strip_placeholders
from ..model import Issue, Placeholder
from ..segment import split_sentences
from .assets import ASSET_ATTRIBUTES, asset_attributes
from .dates import DateStyle, UnparsableDate, parse_datetime, source_date_style
from .deep import MAX_DEPTH, call_deep, tree_depth
from .document import (
    AttrSlot,
    DateSlot,
    Document,
    Gap,
    LinkTarget,
    Marker,
    PairedPieces,
    Part,
    Tag,
    TextSlot,
    escape_attribute,
    escape_text,
)
from .html_attributes import attribute_spans, translatable_attributes, unquote
from .html_tokens import Token, tokenize_html
from .html_tree import INLINE, VOID, Node, References, build_tree
from .options import ReadOptions
from .scope import BadSelector, Scope, find_scope, to_xpath

#: Never extracted, and kept whole as one placeholder when inline.
OPAQUE = frozenset(
    [
        "script",
        "style",
        "template",
        "svg",
        "math",
        "textarea",
        "iframe",
        "object",
        "video",
        "audio",
        "canvas",
        "select",
        "noembed",
        # raw text: its source is shown as written, so it is never re-escaped (issue 19)
        "xmp",
        "noframes",
        "plaintext",
    ]
)
#: Element content is text only: a translation cannot be wrapped in a <span> there.
TEXT_ONLY = frozenset({"title", "option", "textarea"})
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "plaintext"})
NOTE_ATTRIBUTES = ("its-loc-note", "data-l10n-note", "data-its-loc-note")
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
    return raw[match.end() :] if match else raw


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


# --------------------------------------------------------------------------- extraction


class _Context(NamedTuple):
    """What an element inherits from its ancestors (a tuple: built for every element, so cheap)."""

    translate: bool = True  # for translation: ITS says so and the element is in the scope
    notes: tuple[str, ...] = ()
    preformatted: bool = False
    markable: bool = True
    ref: Node | None = None
    kind: str = "text"
    its: bool = True  # translate="no" / class="notranslate" alone
    scope: str = "in"  # in the article's scope; "out" (not yet included) or "cut" (excluded)


def _translates(attrs: dict[str, str | None], inherited: bool) -> bool:
    """Whether an element with ``attrs`` is for translation (ITS translate, class="notranslate")."""
    flag = (attrs["translate"] or "").strip().lower() if "translate" in attrs else None
    if flag == "no":
        return False
    classes = attrs.get("class")
    if classes and "notranslate" in classes.split():
        return False
    return True if flag in ("yes", "") else inherited  # HTML: translate="" and bare translate mean yes


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

    def __init__(
        self, tokens: list[Token], options: ReadOptions, display_path: str = "", scope: Scope | None = None
    ) -> None:
        self.tokens = tokens
        self.options = options
        self.scope = scope
        self.display_path = display_path
        self.warnings: list[Issue] = []
        self.date_styles: dict[int, DateStyle | None] = {}
        self.token_lines: list[int] | None = None
        self.own_urls: dict[int, bool] = {}
        self.references = References(tokens)
        self.html_tag: Tag | None = None
        self.charset_tag: Tag | None = None
        self.text_inside: dict[tuple[int, bool], bool] = {}  # (element, translate) -> has_text
        self.opaque = set(OPAQUE)
        if not options.extract_code:
            self.opaque.add("code")
        if not options.extract_pre:
            self.opaque.add("pre")

    # -- elements

    def emit_node(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        ctx = self.context_for(node, ctx)
        out.append(self.start_tag(node, ctx))
        if ctx.scope == "in" and self.is_date(node):
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
        its = _translates(attrs, ctx.its) if attrs else ctx.its
        scope = ctx.scope
        if self.scope is not None and scope != "cut":
            if id(node) in self.scope.excluded:
                scope = "cut"
            elif scope == "out" and self.scope.included is not None and id(node) in self.scope.included:
                scope = "in"
        notes = ctx.notes
        if attrs:
            for name in NOTE_ATTRIBUTES:
                if attrs.get(name):
                    notes = (*notes, attrs[name].strip())  # type: ignore[union-attr]
        tag = node.tag
        return _Context(
            its and scope == "in",
            notes,
            ctx.preformatted or tag in _PREFORMATTED,
            ctx.markable and tag not in TEXT_ONLY,
            ctx.ref if tag == "html" else node,
            "title" if tag == "title" else ctx.kind,
            its,
            scope,
        )

    def start_tag(self, node: Node, ctx: _Context) -> Part:
        token = self.tokens[node.start]
        slots = self.attribute_slots(node, token.raw, ctx) if ctx.translate else []
        is_html = node.tag == "html"
        is_charset = node.tag == "meta" and (
            "charset" in node.attrs or ((node.attrs.get("http-equiv") or "").lower() == "content-type")
        )
        rel = (node.attrs.get("rel") or "").lower().split() if node.tag == "link" else []
        is_seo_link = "canonical" in rel or ("alternate" in rel and "hreflang" in node.attrs)
        attrs = node.attrs
        urls = asset_attributes(node.tag, attrs) if node.tag in ASSET_ATTRIBUTES or "style" in attrs else {}
        link = _root_relative_href(token.raw) if node.tag == "a" and "href" in attrs else None
        if not slots and not is_html and not is_charset and not is_seo_link and not urls and not link:
            return token.raw  # compile rewrites <html>, the charset, canonical/hreflang <link>s, file URLs
        parts: list = []
        pos = 0
        for (start, end), piece in sorted([*slots, *([link] if link else [])], key=lambda found: found[0]):
            parts.append(token.raw[pos:start])
            parts.append(piece)
            pos = end
        parts.append(token.raw[pos:])
        tag = Tag([p for p in parts if p != ""], node.tag)
        if urls:
            tag.urls = urls
            tag.line = self.line_of(node.start)
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
            value = htmllib.unescape(unquote(raw[start:end]))
            msgid = escape_lookalikes(value if ctx.preformatted else collapse_space(value))
            if not msgid or not any(ch.isalpha() for ch in msgid):
                continue
            if not self.options.extract_bare_urls and is_address(msgid):
                continue
            slot = AttrSlot(
                msgid=msgid,
                ref=f"{self.references.of(node)}@{name}",
                raw=raw[start:end],
                kind=f"attribute:{name}",
                notes=ctx.notes,
            )
            found.append(((start, end), slot))
        return found

    def emit_children(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        run: list[Node | int] = []
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

    def emit_plain(self, item: Node | int, ctx: _Context, out: list[Part]) -> None:
        """Emit ``item`` verbatim (attribute slots kept, no text slots)."""
        if isinstance(item, int):
            out.append(self.tokens[item].raw)
            return
        inner = self.context_for(item, ctx)
        if inner.translate and not ctx.translate and item.tag not in self.opaque:
            self.emit_node(item, ctx, out)  # translate="yes" inside translate="no": for translation again
            return
        out.append(self.start_tag(item, inner))
        if inner.scope == "in" and self.is_date(item):
            self.emit_date(item, inner, out)
        else:
            for child in item.children:
                self.emit_plain(child, inner, out)
        if item.end is not None:
            out.append(self.tokens[item.end].raw)

    def is_date(self, node: Node) -> bool:
        """A ``<time datetime>`` whose whole text is the source locale's writing of that date or time:
        compile writes it in each locale's format (see :mod:`.dates`)."""
        if node.tag != "time" or "datetime" not in node.attrs:
            return False
        key = id(node)
        if key not in self.date_styles:
            self.date_styles[key] = self.date_style(node)
        return self.date_styles[key] is not None

    def date_style(self, node: Node) -> DateStyle | None:
        """The style of a ``<time>`` that shows exactly its ``datetime``; None (and maybe a warning) else."""
        value = node.attrs.get("datetime") or ""
        texts: list[str] = []
        for child in node.children:
            if not isinstance(child, int) or self.tokens[child].kind != "text":
                texts = []
                break
            texts.append(htmllib.unescape(self.tokens[child].raw))
        try:
            if not texts:
                parse_datetime(value)  # still warn about a datetime nobody can read
                return None
            return source_date_style(value, "".join(texts), self.options.source_locale)
        except UnparsableDate as exc:
            self.warnings.append(
                Issue(
                    self.display_path,
                    self.line_of(node.start),
                    "dates",
                    f"<time datetime> {exc}; its text is kept as written",
                    severity="warning",
                )
            )
            return None

    def line_of(self, index: int) -> int:
        """The 1-based line of token ``index`` (line starts counted once, on first use)."""
        if self.token_lines is None:
            lines, line = [], 1
            for token in self.tokens:
                lines.append(line)
                line += token.raw.count("\n")
            self.token_lines = lines
        return self.token_lines[index] if 0 <= index < len(self.token_lines) else 1

    def emit_date(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        inner: list[Part] = []
        for child in node.children:
            self.emit_plain(child, ctx, inner)
        out.append(DateSlot(node.attrs.get("datetime") or "", inner, self.date_styles.get(id(node))))

    def shows_own_url(self, node: Node) -> bool:
        """Whether the link ``node`` shows nothing but its own URL (or e-mail address) as text."""
        href = (node.attrs.get("href") or "").strip()
        if not href:
            return False
        texts = []
        for child in node.children:
            if not isinstance(child, int) or self.tokens[child].kind != "text":
                return False
            texts.append(self.tokens[child].raw)
        text = "".join(texts).strip()
        if not text or _SPACE_INSIDE.search(text) or not _ADDRESS_MARK.search(text):
            return False  # words, not an address: most links
        return same_address(htmllib.unescape(text), href)

    # -- runs of inline content

    def is_object(self, node: Node, ctx: _Context) -> bool:
        """Inline elements kept whole as one standalone placeholder."""
        if node.tag in VOID or node.tag in self.opaque or self.is_date(node):
            return True
        if node.tag == "a" and not self.options.extract_link_urls and node.attrs.get("href"):
            key = id(node)
            if key not in self.own_urls:
                self.own_urls[key] = self.shows_own_url(node)
            if self.own_urls[key]:
                return True
        return ctx.translate and bool(node.attrs) and not _translates(node.attrs, True)

    def emit_run(self, run: list[Node | int], ctx: _Context, out: list[Part]) -> None:
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
                key = (id(item), ctx.translate)  # remembered: runs nest, and are asked again at each level
                if key not in self.text_inside:
                    self.text_inside[key] = self.has_text(item.children, ctx)
                if self.text_inside[key]:  # is_object: a translate="no" child is an object
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
                trail.insert(0, raw[len(stripped) :])
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
        notes = iter(_paragraph_notes(atoms, [group for kind, group in groups if kind == "unit"]))
        for kind, group in groups:
            if kind == "gap" and all(a.kind == "text" for a in group):
                out.append(Gap("".join(a.raw for a in group)))
            elif kind == "gap":  # a line break between two sentences stays between them
                for atom in group:
                    if atom.kind == "text":
                        out.append(Gap(atom.raw))
                    else:
                        out.extend(atom.parts)
            else:
                slot = self.make_slot(group, ctx, next(notes))
                if self.for_translators(slot.msgid):
                    out.append(slot)
                else:  # kept as written: nothing in it for a translator
                    out.extend(slot.parts)

    def for_translators(self, msgid: str) -> bool:
        """False for a unit with no letters, or one that is only a URL or an e-mail address."""
        # placeholders (<1>, </1>, <2/>) hold neither letters nor spaces: the msgid can be read as is
        if not self.options.extract_symbols and not _LETTER.search(msgid):
            return False
        if (
            self.options.extract_bare_urls
            or _SPACE_INSIDE.search(msgid.strip())
            or not _ADDRESS_MARK.search(msgid)
        ):
            return True
        return not is_address(strip_placeholders(msgid))

    def cut(self, atoms: list[_Atom], ctx: _Context) -> list[tuple[str, list[_Atom]]]:
        """Group atoms into sentence units and the whitespace gaps between them."""
        if ctx.preformatted or self.options.segmentation == "paragraph":
            return [("unit", atoms)]
        flat_parts: list[str] = []
        positions: list[int] = []
        pos = 0
        for atom in atoms:
            positions.append(pos)
            if atom.kind == "text":
                piece = atom.text
            elif atom.kind == "object":  # a line break reads as one: "Read now.<br>Next." is two sentences
                piece = "\n" if atom.node is not None and atom.node.tag == "br" else OBJECT
            else:
                piece = ""
            flat_parts.append(piece)
            pos += len(piece)
        flat = "".join(flat_parts)
        if not _may_have_two_sentences(flat):
            return [("unit", atoms)]
        spans = split_sentences(flat, self.options.source_locale)
        if len(spans) <= 1:
            return [("unit", atoms)]
        # Boundaries (end of one sentence, start of the next) where no tag pair is open.
        gaps = [(end, start) for (_, end), (start, _) in zip(spans, spans[1:])]
        cuts = [gap for gap, depth in zip(gaps, self.depths_at(atoms, positions, gaps)) if depth == 0]
        if not cuts:
            return [("unit", atoms)]
        return self.split_atoms(atoms, positions, cuts)

    @staticmethod
    def depths_at(atoms: list[_Atom], positions: list[int], gaps: list[tuple[int, int]]) -> list[int]:
        """For each gap ``end..start`` (in order), the tag pairs open across it; -1 when a tag stands
        inside it. One sweep over the atoms: the depth before a gap carries over to the next."""
        depths: list[int] = []
        index = 0
        before = 0  # the depth of the atoms before ``index``
        for end, start in gaps:
            while index < len(atoms) and positions[index] < end:
                kind = atoms[index].kind
                before += 1 if kind == "open" else -1 if kind == "close" else 0
                index += 1
            depths.append(_Builder.depth_from(atoms, positions, index, before, end, start))
        return depths

    @staticmethod
    def depth_from(
        atoms: list[_Atom], positions: list[int], index: int, depth: int, end: int, start: int
    ) -> int:
        """The depth across the gap ``end..start`` given ``depth`` before ``atoms[index:]``."""
        for at in range(index, len(atoms)):  # an index, not a slice: a copy per gap would cost n²
            atom, pos = atoms[at], positions[at]
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
    def split_atoms(
        atoms: list[_Atom], positions: list[int], cuts: list[tuple[int, int]]
    ) -> list[tuple[str, list[_Atom]]]:
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
            text = atom.text
            if not text:
                (gap if in_gap else current).append(atom)
                continue
            # Pieces are cut at increasing offsets of the one text: no slice of the rest is made per
            # cut (a paragraph of n sentences would cost n²).
            raw_cutter = _RawCutter(atom.raw, text)
            done = 0  # characters of ``text`` already placed
            while done < len(text):
                if cut_index >= len(cuts):
                    (gap if in_gap else current).append(
                        _Atom("text", raw=raw_cutter.rest(), text=text[done:])
                    )
                    break
                end, start = cuts[cut_index]
                k = (start if in_gap else end) - pos
                if k >= len(text):
                    (gap if in_gap else current).append(
                        _Atom("text", raw=raw_cutter.rest(), text=text[done:])
                    )
                    break
                if k > done:
                    head_raw = raw_cutter.take(k)
                    (gap if in_gap else current).append(_Atom("text", raw=head_raw, text=text[done:k]))
                    done = k
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
        pieces: dict[int, PairedPieces | list[Part]] = {}
        placeholders: list[Placeholder] = []
        numbers: dict[int, int] = {}
        text_run: list[str] = []  # consecutive text, escaped as one (a look-alike may span two atoms)
        for atom in atoms:
            if atom.kind == "text":
                text_run.append(atom.text)
                parts.append(atom.raw)
                continue
            msgid_parts.append(escape_lookalikes("".join(text_run)))
            text_run = []
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
        msgid_parts.append(escape_lookalikes("".join(text_run)))
        msgid = "".join(msgid_parts)
        if not ctx.preformatted:
            msgid = collapse_space(msgid)
        return TextSlot(
            msgid=msgid,
            ref=self.references.of(ctx.ref),
            parts=parts,
            placeholders=tuple(placeholders),
            pieces=pieces,
            notes=ctx.notes + context_note,
            kind=ctx.kind,
            flags=("no-wrap",) if ctx.preformatted else (),
            markable=ctx.markable,
            escape=escape_text,
        )


_MARKUP = re.compile(r"<[^>]*>")
#: Inline objects whose content is not text a reader sees in the paragraph.
_NOT_READ = frozenset(
    {
        "script",
        "style",
        "template",
        "noembed",
        "svg",
        "math",
        "textarea",
        "select",
        "object",
        "iframe",
        "video",
        "audio",
        "canvas",
        "xmp",
        "noframes",
        "plaintext",
    }
)


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


def _root_relative_href(raw: str) -> tuple[tuple[int, int], LinkTarget] | None:
    """The span and :class:`LinkTarget` of a start tag's first ``href`` when it is root-relative
    (``/docs/x``): compile may point it at the reader's language (``[compile.links]``)."""
    for name, (start, end) in attribute_spans(raw):
        if name != "href":
            continue
        url = htmllib.unescape(unquote(raw[start:end])).strip()
        if not url.startswith("/") or url.startswith(("//", "/\\")):
            return None
        return (start, end), LinkTarget(url, raw[start:end], lambda new: '"' + escape_attribute(new) + '"')
    return None


def _plain_parts(parts: list) -> list[str]:
    """The source strings in ``parts``, dates' content included (start tags with slots skipped)."""
    found: list[str] = []
    for part in parts:
        if isinstance(part, str):
            found.append(part)
        elif isinstance(part, DateSlot):
            found.extend(_plain_parts(part.parts))
    return found


_LETTER = re.compile(r"[^\W\d_]")
_SPACE_INSIDE = re.compile(r"\s")
#: Every URL or e-mail address has one of these.
_ADDRESS_MARK = re.compile(r"[.:@/]")
_ADDRESS = re.compile(
    r"<?(?:(?:(?:https?|s?ftps?|file|ssh|git|wss?)://|(?:mailto|tel|urn):|www\.)[^\s<>\"]+"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>?",
    re.IGNORECASE,
)


def is_address(text: str) -> bool:
    """Whether ``text`` is nothing but a URL or an e-mail address.

    >>> is_address("https://example.com/a?b=1"), is_address("press@example.com"), is_address("Note: see")
    (True, True, False)
    """
    text = text.strip()
    return bool(text) and " " not in text and _ADDRESS.fullmatch(text) is not None and "." in text


def same_address(text: str, href: str) -> bool:
    """Whether a link's ``text`` is its ``href`` (scheme, ``mailto:`` and a final slash aside).

    >>> same_address(" example.com/x ", "https://example.com/x/"), same_address("Read", "https://x.org")
    (True, False)
    """

    def bare(value: str) -> str:
        value = collapse_space(value).lower()
        value = re.sub(r"^(?:[a-z][a-z0-9+.-]*://|mailto:)", "", value)
        return value.removeprefix("www.").rstrip("/")

    return bool(text.strip()) and bare(text) == bare(href)


#: A paragraph note shows the whole paragraph when it has at most this many units and characters;
#: otherwise each unit's note shows its neighbouring sentences, each cut to ``_NOTE_NEIGHBOUR_CHARS``,
#: so that a catalog stays within a small constant of its article's size (a note per unit holding
#: the whole of a long paragraph makes the catalog grow with the square of the paragraph).
_NOTE_WHOLE_UNITS = 8
_NOTE_WHOLE_CHARS = 1500
_NOTE_NEIGHBOUR_CHARS = 200
_CUT = "…"


def _paragraph_notes(atoms: list[_Atom], units: list[list[_Atom]]) -> list[tuple[str, ...]]:
    """The ``Paragraph:`` note of each unit of a paragraph (none when it is the only unit).

    A short paragraph is shown whole; in a long one, a unit sees the sentence before and after it,
    cut to a few hundred characters, with ``…`` where the paragraph goes on.
    """
    if len(units) <= 1:
        return [()] * len(units)
    if len(units) <= _NOTE_WHOLE_UNITS:
        whole = collapse_space("".join(map(_reading_text, atoms)))
        if len(whole) <= _NOTE_WHOLE_CHARS:
            return [("Paragraph: " + whole,)] * len(units)
    texts = [collapse_space("".join(map(_reading_text, group))) for group in units]
    notes: list[tuple[str, ...]] = []
    for index, text in enumerate(texts):
        before = _tail_words(texts[index - 1], _NOTE_NEIGHBOUR_CHARS) if index else ""
        after = _head_words(texts[index + 1], _NOTE_NEIGHBOUR_CHARS) if index + 1 < len(texts) else ""
        if index > 1 and not before.startswith(_CUT):
            before = _CUT + before
        if index + 2 < len(texts) and not after.endswith(_CUT):
            after += _CUT
        notes.append(("Paragraph: " + " ".join(piece for piece in (before, text, after) if piece),))
    return notes


def _head_words(text: str, limit: int) -> str:
    """The first words of ``text`` within ``limit`` characters, ``…`` marking the cut.

    >>> _head_words("one two three", 9), _head_words("one two", 9)
    ('one two…', 'one two')
    """
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > 0 else limit].rstrip() + _CUT


def _tail_words(text: str, limit: int) -> str:
    """The last words of ``text`` within ``limit`` characters, ``…`` marking the cut.

    >>> _tail_words("one two three", 10)
    '…two three'
    """
    if len(text) <= limit:
        return text
    cut = text.find(" ", len(text) - limit - 1)
    return _CUT + text[cut + 1 if cut >= 0 else len(text) - limit :].lstrip()


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
    return match is not None and bool(text[match.end() :].strip(_AFTER_LAST_SENTENCE))


class _RawCutter:
    """Cuts ``raw`` (source text that decodes to ``text``) into pieces at increasing decoded offsets.

    A cut never falls inside an entity (it goes after it). One pass over ``raw`` for all cuts.

    >>> cutter = _RawCutter("a &amp; b", "a & b")
    >>> cutter.take(2), cutter.take(3), cutter.rest()
    ('a ', '&amp;', ' b')
    """

    def __init__(self, raw: str, text: str) -> None:
        self.raw = raw
        self.same = raw == text
        self.pos = 0  # where the next piece starts in ``raw``
        self.pieces = _ENTITY_PIECE.finditer(raw)
        self.piece: re.Match[str] | None = None  # the piece ``pos`` is in (plain text cut inside)
        self.decoded = 0  # decoded characters before ``self.piece``

    def take(self, k: int) -> str:
        """The source of the next piece: up to ``k`` decoded characters from the start of ``text``."""
        if self.same:
            return self._piece(k)
        while True:
            if self.piece is None:
                self.piece = next(self.pieces, None)
                if self.piece is None:
                    return self.rest()
            match = self.piece
            source = match.group(0)
            if source[0] != "&" and self.decoded + len(source) > k:
                return self._piece(match.start() + (k - self.decoded))
            self.decoded += len(source) if source[0] != "&" else len(htmllib.unescape(source))
            self.piece = None
            if self.decoded >= k:
                return self._piece(match.end())

    def rest(self) -> str:
        """The source after the last piece taken."""
        return self._piece(len(self.raw))

    def _piece(self, cut: int) -> str:
        piece, self.pos = self.raw[self.pos : cut], cut
        return piece


def read_html(
    text: str, path: Path, encoding: str, options: ReadOptions, *, display_path: str | None = None
) -> Document:
    """Build the :class:`Document` of an HTML article already decoded to ``text``.

    Raises ArticleError for markup that would swallow the rest of the article
    (an unterminated comment or tag at the end of the file).
    """
    tokens = tokenize_html(text)
    _check_unterminated(tokens, display_path or str(path))
    root = build_tree(tokens)
    options = _with_overrides(tokens, options, display_path or str(path))
    scope = None
    if options.include or options.exclude:
        scope = find_scope(root, to_xpath(options.include), to_xpath(options.exclude))
    builder = _Builder(tokens, options, display_path or str(path), scope)
    parts: list[Part] = []
    depth, deepest = tree_depth(root, lambda node: [c for c in node.children if isinstance(c, Node)])
    if depth > MAX_DEPTH:
        line = "".join(token.raw for token in tokens[: deepest.start]).count("\n") + 1
        raise ArticleError(
            f"elements nested {depth} deep (transpub reads up to {MAX_DEPTH})",
            display_path or str(path),
            line,
        )
    call_deep(
        depth, lambda: builder.emit_children(root, _Context(scope="out" if options.include else "in"), parts)
    )
    facts = _page_facts(tokens)
    return Document(
        path=path,
        format="html",
        encoding=encoding,
        parts=parts,
        source_locale=options.source_locale,
        html_tag=builder.html_tag,
        charset_tag=builder.charset_tag,
        warnings=builder.warnings,
        published=facts.published,
        title=facts.title,
        has_base=facts.has_base,
        depth=depth,
    )


@dataclass(frozen=True)
class _PageFacts:
    """What compile needs to know of a page besides its units, found in one pass over the tokens."""

    title: str | None = None  # the text of the first <title>
    published: str | None = None  # front matter date, article:published_time, or the first <time datetime>
    has_base: bool = False  # a <base href>: relative URLs do not resolve from the file


def _page_facts(tokens: list[Token]) -> _PageFacts:
    title: str | None = None
    dates: dict[str, str] = {}
    has_base = False
    for index, token in enumerate(tokens):
        tag = token.tag
        if token.kind not in ("start", "startend") or tag not in _FACT_TAGS:
            continue
        attrs = token.attrs
        if tag == "meta":
            key = (attrs.get("name") or attrs.get("property") or "").lower()
            if key in ("date", "article:published_time") and attrs.get("content"):
                dates.setdefault(key, attrs["content"] or "")
        elif tag == "time":
            if attrs.get("datetime"):
                dates.setdefault("time", attrs["datetime"] or "")
        elif tag == "base":
            has_base = has_base or bool(attrs.get("href"))
        elif tag == "title" and title is None and index + 1 < len(tokens):
            following = tokens[index + 1]
            title = (
                collapse_space(htmllib.unescape(following.raw)) if following.kind == "text" else ""
            ) or ""
    published = next(
        (
            dates[k].strip()
            for k in ("date", "article:published_time", "time")
            if _DATED.match(dates.get(k, ""))
        ),
        None,
    )
    return _PageFacts(title or None, published, has_base)


_FACT_TAGS = frozenset({"meta", "time", "base", "title"})
_DATED = re.compile(r"\s*\d{4}-\d{2}-\d{2}")


def _check_unterminated(tokens: list[Token], shown: str) -> None:
    """Refuse a tag, comment or declaration left open at the end of the file: a browser drops it
    (and everything after it), so it must not be published as text."""
    offset = 0
    for token in tokens:
        if token.kind == "eof":
            text = "".join(t.raw for t in tokens)
            line = text.count("\n", 0, offset) + 1
            raise ArticleError(f"unterminated {token.tag} runs to the end of the file", shown, line)
        offset += len(token.raw)


def _with_overrides(tokens: list[Token], options: ReadOptions, shown: str = "") -> ReadOptions:
    """An article may ask for its own segmentation (``<meta name="transpub:segmentation"
    content="paragraph">``) and scope (``<meta name="transpub:include" content="article">``,
    ``transpub:exclude``). ArticleError names the line of a selector that does not parse."""
    for index, token in enumerate(tokens):
        if token.kind in ("start", "startend") and token.tag == "meta":
            name = (token.attrs.get("name") or "").lower()
            content = (token.attrs.get("content") or "").strip()
            if name == "transpub:segmentation" and content.lower() in ("sentence", "paragraph"):
                options = replace(options, segmentation=content.lower())
            elif name in ("transpub:include", "transpub:exclude") and content:
                try:
                    to_xpath([content])
                except BadSelector as exc:
                    line = 1 + sum(t.raw.count("\n") for t in tokens[:index])
                    raise ArticleError(f"<meta name={name!r}>: {exc}", shown, line) from None
                if name == "transpub:include":
                    options = replace(options, include=(content,))
                else:
                    options = replace(options, exclude=(content,))
    return options
