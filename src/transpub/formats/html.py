"""Read an HTML article into a :class:`Document` of verbatim source and translation slots.

Tokens keep their exact source text (:mod:`.html_tokens`), a small tree builder applies the
HTML rules that matter here (:mod:`.html_tree`), and this module walks the tree once.

Units are the runs of inline content inside block elements, cut into sentences; inline
elements become placeholders; translatable attributes are their own units.
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from itertools import compress, count, repeat
from operator import attrgetter
from pathlib import Path
from typing import NamedTuple

from ..errors import ArticleError
from ..inline import escape_lookalikes
from ..locales import language_of, names_itself
from ..model import OPTION_NOTE, Issue
from .assets import ASSET_ATTRIBUTES, asset_attributes
from .context_notes import LIST_INTRO, TABLE_CELL, introduces_list, list_note, table_cell_note
from .dates import DateStyle, UnparsableDate, parse_datetime, source_date_style
from .deep import Walk, walk
from .document import (
    AttrSlot,
    DateSlot,
    Document,
    Marker,
    Part,
    Tag,
    Unseen,
    escape_text,
    page_link,
)
from .escape import attribute_writer, brackets_kept, escape_text_keeping, references_in, template_tokens
from .html_attributes import (
    OPEN_GRAPH_REWRITTEN,
    attribute_spans,
    spliced,
    translatable_attributes,
    unquote,
)
from .html_jsonld import NotJsonLd, is_json_ld, json_ld_parts
from .html_tokens import Token, tokenize_html
from .html_tree import INLINE, OWN_UNITS, VOID, Node, References, build_tree, let_go
from .options import ReadOptions
from .runs import (
    ABBREVIATIONS,
    ADDRESS_MARK,
    CLOSE,
    OPEN,
    SPACE_INSIDE,
    TEXT,
    Atom,
    FlatEntry,
    RunContext,
    RunSlots,
    collapse_space,
    is_address,
    same_address,
)
from .scope import BadSelector, Scope, TooDeep, find_scope, to_xpath

#: Stray end tags a browser makes an element of: ``</p>`` an empty paragraph (a blank line's
#: space), ``</br>`` a line break. A translation keeps them (a placeholder); any other stray end tag
#: shows nothing.
_STRAY_ENDS_SHOWN = frozenset({"p", "br"})

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
        "noembed",
        # raw text: its source is shown as written, so it is never re-escaped (issue 19)
        "xmp",
        "noframes",
        "plaintext",
    ]
)
#: The elements kept whole, by whether ``<code>`` and ``<pre>`` are extracted (options extract_code,
#: extract_pre): made once, not per article.
_OPAQUE_WITH = {
    (code, pre): OPAQUE | ({"code"} if not code else set()) | ({"pre"} if not pre else set())
    for code in (False, True)
    for pre in (False, True)
}
#: Element content is text only: a translation cannot be wrapped in a <span> there.
TEXT_ONLY = frozenset({"title", "option", "textarea"})
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "plaintext"})
NOTE_ATTRIBUTES = ("its-loc-note", "data-l10n-note", "data-its-loc-note")
#: Whitespace at the edges of a run, no-break spaces and their entities included (kept outside units).
_LEADING_SPACE = re.compile(r"(?:\s|&nbsp;|&#160;|&#[xX]0*[aA]0;)+")
_SPACE_ENTITIES = ("&nbsp;", "&#160;", "&#xa0;", "&#xA0;", "&#Xa0;", "&#XA0;")


#: Elements that are words of their sentence though they are no text to translate: kept in the
#: unit at its edges, where a translator may have to move them (``<code>Option</code>'s variants
#: are …``; the unit was ``'s variants are <1/> and``, with no room for a verb-final language).
_WORD_ELEMENTS = frozenset({"code", "kbd", "samp", "var"})


def _href(node: Node) -> str:
    """Where ``node`` goes when it is a link (its ``href``), else ""."""
    return (node.attrs.get("href") or "") if node.tag == "a" else ""


def _is_code(item: object) -> bool:
    """Whether a run's ``item`` is an element of :data:`_WORD_ELEMENTS`."""
    return isinstance(item, Node) and item.tag in _WORD_ELEMENTS


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


#: The language of a ``lang`` attribute's value (``de`` in ``de-AT``); ``x-…`` and ``i-…`` are none.
_LANGUAGE_SUBTAG = re.compile(r"([a-zA-Z]{2,3})(?:[-_]|\Z)")
#: A BCP 47 language tag (or a gettext locale name): ``en``, ``en-US``, ``zh-Hant-TW``, ``pt_BR``.
_LANGUAGE_TAG = re.compile(r"[a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]{1,8})*")
#: Language codes that name the same language as another for a page's ``lang`` (a macrolanguage and
#: its usual member, a code retired for another): a Bokmål page in a Norwegian project is not foreign.
_SAME_LANGUAGE = {"nb": "no", "nn": "no", "iw": "he", "in": "id", "ji": "yi", "tl": "fil", "zsm": "ms"}


def _language_code(tag: str) -> str:
    """The language of a BCP 47 tag or gettext locale name, as :data:`_SAME_LANGUAGE` groups them.

    >>> _language_code("nb-NO"), _language_code("no"), _language_code("zh_Hant_TW"), _language_code("iw")
    ('no', 'no', 'zh', 'he')
    """
    code = language_of(tag)
    return _SAME_LANGUAGE.get(code, code)


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


def _without_template_tokens(value: str) -> str:
    """``value`` without its template tokens (Liquid's, Jinja's: ``{{ sponsor.title }}``, ``{% if x %}``)."""
    pieces, pos = [], 0
    for start, end in template_tokens(value, "{%"):
        pieces.append(value[pos:start])
        pos = end
    return "".join(pieces) + value[pos:]


def _in_select(option: Node) -> bool:
    """Whether the ``<option>`` ``option`` is one of a ``<select>`` (a form sends its value, or its
    text when it has none), not a ``<datalist>``'s suggestion, which a reader may change at will."""
    parent = option.parent
    return parent is None or parent.tag != "datalist"


#: The first segment of a path or URL (``/fr/``, ``https://example.org/pt-BR/page``).
_FIRST_SEGMENT = re.compile(r"(?:[a-zA-Z][a-zA-Z0-9+.-]*:)?(?://[^/?#]*)?/([^/?#]+)")


def _value_language(value: str) -> str | None:
    """The locale code an option's ``value`` names: itself, or the first segment of its path or
    URL; None for any other value.

    >>> _value_language("fr-FR"), _value_language("/fr/"), _value_language("https://example.org/de/x")
    ('fr-FR', 'fr', 'de')
    >>> _value_language("42"), _value_language("https://example.org"), _value_language("/about/")
    (None, None, None)
    """
    value = value.strip()
    match = _FIRST_SEGMENT.match(value)
    code = match.group(1) if match else value
    return code if _LANGUAGE_TAG.fullmatch(code) else None


def _translates(attrs: dict[str, str | None], inherited: bool) -> bool:
    """Whether an element with ``attrs`` is for translation (ITS translate, class="notranslate")."""
    flag = (attrs["translate"] or "").strip().lower() if "translate" in attrs else None
    if flag == "no":
        return False
    classes = attrs.get("class")
    if classes and "notranslate" in classes and "notranslate" in classes.split():
        return False
    return True if flag in ("yes", "") else inherited  # HTML: translate="" and bare translate mean yes


#: What a browser keeps in the head (the "in head" insertion mode's start tags).
_HEAD_CONTENT = frozenset(
    [
        "base",
        "basefont",
        "bgsound",
        "link",
        "meta",
        "noframes",
        "noscript",
        "script",
        "style",
        "template",
        "title",
    ]
)


def _head_ends_at(head: Node, tokens: list[Token]) -> int | None:
    """The index of the first child of ``head`` before which a browser ends the head (an element
    that is no head content, ``<iframe>``, ``<img>``, a ``<div>``, or text that is not whitespace:
    it and what follows are in the body, its hreflang links too); None when every child is head
    content.

    >>> from transpub.formats.html_tree import build_tree
    >>> tokens = tokenize_html("<head><title>x</title> <iframe></iframe><link></head>")
    >>> _head_ends_at(build_tree(tokens).children[0], tokens)
    2
    """
    for index, child in enumerate(head.children):
        if isinstance(child, Node):
            if child.tag not in _HEAD_CONTENT:
                return index
        elif tokens[child].kind == "text" and not tokens[child].raw.isspace():
            return index
    return None


class _Builder(RunSlots):
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
        self.line_at = (0, 1)  # a token's index and line (see line_of)
        self.own_urls: dict[int, bool] = {}
        self.references = References(tokens)
        self.html_tag: Tag | None = None
        self.charset_tag: Tag | None = None
        self.text_inside: dict[tuple[int, bool], bool] = {}  # (element, translate) -> has_text
        self.opaque = _OPAQUE_WITH[(options.extract_code, options.extract_pre)]
        #: The runs of text standing in no element, each named as an element (see run_context).
        self.text_runs: list[Node] = []
        #: Whether template pairs stand among the tokens (an HTML content page's: see pair_templates).
        self.template_pairs = _has_template_pairs(tokens)
        #: The notes of table cells and list items (see place_note), by element; the tables and
        #: lists whose notes are worked out (the ids of the elements of a tree walked once).
        self.place_notes: dict[int, str] = {}
        self.placed: set[int] = set()
        #: How many JSON-LD blocks stand under each anchoring element (see emit_json_ld).
        self.json_ld_blocks: dict[str, int] = {}

    # -- elements

    def emit_node(self, node: Node, ctx: _Context, out: list[Part]) -> Walk[None]:
        ctx = self.context_for(node, ctx)
        out.append(self.start_tag(node, ctx))
        if ctx.scope == "in" and node.tag == "time" and self.is_date(node):
            left = self.emit_date(node, ctx, out)
            if left is not None:
                yield self.plain_rest(*left)
        elif node.tag == "script" and ctx.translate and is_json_ld(node.attrs) and _text_only(node):
            self.emit_json_ld(node, ctx, out)
        elif node.tag in self.opaque:
            left = self.plain_items(node.children, ctx, out)
            if left is not None:
                yield self.plain_rest(*left)
        elif node.tag == "head":
            cut = _head_ends_at(node, self.tokens)
            if cut is None:
                yield self.emit_children(node, ctx, out)
                out.append(Marker("head-end"))
            else:  # (what compile adds to the head goes where a browser ends it, not into the body)
                yield self.emit_children(replace(node, children=node.children[:cut]), ctx, out)
                out.append(Marker("head-end"))
                yield self.emit_children(replace(node, children=node.children[cut:]), ctx, out)
        elif node.tag == "body":
            out.append(Marker("body-start"))
            yield self.emit_children(node, ctx, out)
            out.append(Marker("body-end"))
        else:
            yield self.emit_children(node, ctx, out)
        if node.end is not None:
            out.append(self.tokens[node.end].raw)

    def json_ld_apart(self, node: Node, run: list[Node | int], ctx: _Context) -> bool:
        """Whether ``node`` is a JSON-LD ``<script>`` standing in no sentence (no text before it in
        its ``run``): emitted as a block is (see :meth:`emit_json_ld`), else a placeholder kept whole."""
        return is_json_ld(node.attrs) and not (run and self.has_text(run, ctx))

    def emit_json_ld(self, node: Node, ctx: _Context, out: list[Part]) -> None:
        """Emit the text of the JSON-LD ``<script>`` ``node`` (see :mod:`.html_jsonld`): its strings
        for translation slots, the rest as written; a block that is no JSON whole, with a warning."""
        index = node.children[0]
        assert isinstance(index, int)  # (see _text_only)
        text = self.tokens[index].raw
        anchor = self.references.anchor(node)
        step = f"{anchor}/script(ld+json)" if anchor else "script(ld+json)"
        count = self.json_ld_blocks[step] = self.json_ld_blocks.get(step, 0) + 1
        ref = step if count == 1 else f"{step}~{count}"
        source = self.options.source_locale
        try:
            out += json_ld_parts(
                text,
                ref,
                ctx.notes,
                lambda value: (
                    _LANGUAGE_TAG.fullmatch(value) is not None
                    and _language_code(value) == _language_code(source)
                ),
                self.options.extract_bare_urls,
            )
        except NotJsonLd as exc:
            out.append(text)
            self.warnings.append(
                Issue(
                    self.display_path,
                    self.line_of(index) + text.count("\n", 0, exc.offset),
                    "json-ld",
                    f'<script type="application/ld+json"> is no JSON ({exc}): '
                    "its structured data is kept as written, untranslated",
                    severity="warning",
                )
            )

    def context_for(self, node: Node, ctx: _Context) -> _Context:
        attrs = node.attrs
        if attrs and _CONTEXT_ATTRIBUTES.isdisjoint(attrs):
            attrs = {}  # none that change the context (most elements)
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
        translate = its and scope == "in"
        if tag == "option" and _in_select(node):  # a form sends its value, or its text when it has none
            translate = translate and "value" in node.attrs and not self.names_own_language(node)
            notes = (*notes, OPTION_NOTE)
        if tag in _PLACED:  # (a table's cell, a list's item: what stands around it)
            note = self.place_note(node)
            if note:  # (it stands in this table's cell or list, not the one around it)
                kind = LIST_INTRO if tag == "li" else TABLE_CELL
                notes = (*[outer for outer in notes if not outer.startswith(kind)], note)
        # (tuple.__new__ builds the named tuple without a call of its own: one per element)
        return tuple.__new__(
            _Context,
            (
                translate,
                notes,
                ctx.preformatted or tag in _PREFORMATTED,
                ctx.markable and tag not in TEXT_ONLY,
                ctx.ref if tag == "html" else node,
                "title" if tag == "title" else ctx.kind,
                its,
                scope,
            ),
        )

    def names_own_language(self, option: Node) -> bool:
        """Whether the ``<option>`` ``option`` names a language in its own name, a language
        picker's, kept as written: its ``lang`` names another language than the page's, or its text
        is the own name of the language of its ``lang`` or of its value (a locale code, or a path or
        URL whose first segment is one: ``/fr/``)."""
        attrs = option.attrs
        lang = (attrs.get("lang") or "").strip()
        lang = lang if _LANGUAGE_TAG.fullmatch(lang) else ""
        code = _value_language(attrs.get("value") or "")
        if not lang and code is None:
            return False  # (a number, a word, an address of no language: Babel is not asked)
        source = self.options.source_locale
        if lang and _language_code(lang) != _language_code(source):
            return True
        text = _text_of(option, self.tokens)
        return any(names_itself(text, tag, source) for tag in (lang, code) if tag)

    def place_note(self, node: Node) -> str:
        """The note telling where the table cell or list item ``node`` stands ("": none): a
        cell's column and row headers, the paragraph ending with a colon that introduces a list."""
        group = node.parent if node.tag == "li" else _table_of(node)
        if group is None:
            return ""
        if id(group) not in self.placed:
            self.placed.add(id(group))
            if node.tag == "li":
                intro = _introduction(group, self.tokens)
                if intro:
                    note = list_note(intro, self.options.source_locale)
                    for item in group.children:
                        if type(item) is Node and item.tag == "li":
                            self.place_notes[id(item)] = note
            else:
                self.place_notes.update(_cell_notes(group, self.tokens))
        return self.place_notes.get(id(node), "")

    def check_page_language(self, html: Node) -> None:
        """Warn when the page's ``<html lang>`` names another language than the project's source
        language: its sentences would be split, and its dates and numbers read, by the wrong rules
        (a German page in an English project: "Der 3. IT-Jobtag" cut after "3.")."""
        declared = (html.attrs.get("lang") or html.attrs.get("xml:lang") or "").strip()
        match = _LANGUAGE_SUBTAG.match(declared)
        source = self.options.source_locale
        if match is None or _language_code(match.group(1)) == _language_code(source):
            return
        self.warnings.append(
            Issue(
                self.display_path,
                self.line_of(html.start),
                "language",
                f'the page says lang="{declared}", not the project\'s source language ({source}): '
                f"its sentences are split and its dates read as {source}'s",
                severity="warning",
            )
        )

    def start_tag(self, node: Node, ctx: _Context) -> Part:
        if node.reopened:
            return ""  # (a formatting element a browser opens again: no tag of its own)
        token = self.tokens[node.start]
        if not node.attrs and node.tag != "html":
            return token.raw  # nothing to translate or rewrite in it (most start tags)
        # (an option's label is shown, never sent: for translation even where its text is not)
        translated = ctx.translate or (node.tag == "option" and ctx.its and ctx.scope == "in")
        slots = self.attribute_slots(node, token.raw, ctx) if translated else []
        is_html = node.tag == "html"
        is_charset = node.tag == "meta" and (
            "charset" in node.attrs or ((node.attrs.get("http-equiv") or "").lower() == "content-type")
        )
        rel = (node.attrs.get("rel") or "").lower().split() if node.tag == "link" else []
        is_seo_link = "canonical" in rel or ("alternate" in rel and "hreflang" in node.attrs)
        if node.tag == "meta" and (node.attrs.get("property") or "").lower() in OPEN_GRAPH_REWRITTEN:
            is_seo_link = True  # (its language and address: the page's own once compiled)
        attrs = node.attrs
        urls = asset_attributes(node.tag, attrs) if node.tag in ASSET_ATTRIBUTES or "style" in attrs else {}
        link = page_link(token.raw) if node.tag == "a" and "href" in attrs else None
        if not slots and not is_html and not is_charset and not is_seo_link and not urls and not link:
            return (
                token.raw
            )  # compile rewrites <html>, the charset, canonical/hreflang <link>s, og:locale, file URLs
        values: list[tuple[tuple[int, int], Part]] = [*slots, *([link] if link else [])]
        tag = Tag(spliced(token.raw, values), node.tag)
        if urls:
            tag.urls = urls
            tag.line = self.line_of(node.start)
        if is_html and self.html_tag is None:
            self.html_tag = tag
            self.check_page_language(node)
        if is_charset and self.charset_tag is None:
            self.charset_tag = tag
        return tag

    def attribute_slots(self, node: Node, raw: str, ctx: _Context) -> list[tuple[tuple[int, int], AttrSlot]]:
        if not node.attrs or (_MAY_TRANSLATE.isdisjoint(node.attrs) and not self.options.attributes):
            return []
        wanted = translatable_attributes(node.tag, node.attrs, self.options.attributes)
        if not wanted or wanted.isdisjoint(node.attrs):
            return []
        found = []
        for name, (start, end) in attribute_spans(raw):
            if name not in wanted or start == end:
                continue
            value = htmllib.unescape(unquote(raw[start:end]))
            # (the spaces at its edges are written around a translation: see attribute_writer)
            shown = value.strip(" \t\n\r\f") if ctx.preformatted else collapse_space(value)
            msgid = escape_lookalikes(shown)
            letters = _without_template_tokens(msgid) if "{" in msgid else msgid
            if not msgid or not any(ch.isalpha() for ch in letters):
                continue  # (a generator's value, "{{ sponsor.title }}": nothing to translate)
            if not self.options.extract_bare_urls and is_address(msgid):
                continue
            written = raw[start:end]
            slot = AttrSlot(
                msgid=msgid,
                ref=f"{self.references.of(node)}@{name}",
                raw=written,
                kind=f"attribute:{name}",
                notes=ctx.notes,
                write=None if _PLAIN_VALUE.fullmatch(written) else attribute_writer(written, shown),
            )
            found.append(((start, end), slot))
        return found

    def emit_children(self, node: Node, ctx: _Context, out: list[Part]) -> Walk[None]:
        run: list[Node | int] = []
        tokens = self.tokens
        flat = self.scope is None  # (blocks of text and simple inline elements: see emit_flat)
        for child in node.children:
            if isinstance(child, int):
                attrs = tokens[child].attrs
                if not attrs or (
                    "block-break" not in attrs
                    and ("template-line" not in attrs or node.tag not in _FLOW_CONTAINERS)
                ):
                    run.append(child)
                    continue
                # a template tag on a line of its own (see html_templates) among blocks stands between
                # them (in a paragraph it is part of its sentence: {% include %} writes text there);
                # a paragraph break of a page from WordPress (see html_wordpress) anywhere
                if run and not self.as_written(run, out):
                    yield self.emit_run(run, self.run_context(node, run, ctx), out)
                run = []
                out.append(tokens[child].raw)
            elif (
                child.tag not in INLINE
                or child.tag in OWN_UNITS
                or (child.block if child.block is not None else child.has_block())
                or (child.tag == "script" and self.json_ld_apart(child, run, ctx))
            ):
                if run and not self.as_written(run, out):
                    yield self.emit_run(run, self.run_context(node, run, ctx), out)
                run = []
                if flat and self.emit_flat(child, ctx, out):
                    continue
                yield self.emit_node(child, ctx, out)
            else:
                run.append(child)
        if run and not self.as_written(run, out):
            yield self.emit_run(run, self.run_context(node, run, ctx), out)

    def run_context(self, node: Node, run: list[Node | int], ctx: _Context) -> _Context:
        """``ctx`` for a ``run`` of inline content of ``node``; for one standing in no element at all
        (a fragment's text, as a CMS exports a post), a reference of its own, ``text(its-first-words)``,
        as an element's is (else its units' references would be the article's alone)."""
        if node.parent is not None or ctx.ref is not None:
            return ctx
        first = run[0]
        start = first if isinstance(first, int) else first.start
        element = Node("text", start, node, {}, list(run))
        self.text_runs.append(element)  # (kept: references are remembered by the element's id)
        return ctx._replace(ref=element)

    def as_written(self, run: list[Node | int], out: list[Part]) -> bool:
        """Whether the ``run`` of inline content between two blocks is one token of whitespace or
        markup (most runs): then it is appended to ``out`` as written (else :meth:`emit_run` it)."""
        if len(run) == 1 and type(run[0]) is int:
            raw = self.tokens[run[0]].raw
            if raw.isspace() or not self.is_text(run[0]):
                out.append(raw)
                return True
        return False

    def emit_flat(self, node: Node, outer: _Context, out: list[Part]) -> bool:
        """Emit ``node`` as :meth:`emit_node` does, without a step of the walk, when it is a block
        of the commonest shape: text and inline elements holding only text, for translation
        (``<p>A <a href="…">link</a> and <em>more</em>.</p>``), or an element without content.
        False, with nothing emitted, when it is not (the walk emits it).

        One pass over its children checks the shape and takes its text as written and where its
        tags stand in it (its marks): a block whose text has no character reference and no space at
        its edges (most blocks) is cut into sentences from those (:meth:`RunSlots.emit_flat_source`)."""
        tag = node.tag
        children = node.children
        if tag in _NOT_FLAT or tag in INLINE:
            return False
        tokens = self.tokens
        if not children:  # (meta, link, hr…: their start tag, and an end tag if any)
            out.append(self.start_tag(node, self.context_for(node, outer)))
            if node.end is not None:
                out.append(tokens[node.end].raw)
            return True
        if tag in self.opaque:
            return False
        ctx = self.context_for(node, outer)
        if not ctx.translate:
            return False
        texts: list[str] = []
        marks: list = []  # (position, OPEN or CLOSE, element, tag name): start tags made below
        pos = 0
        for child in children:
            if isinstance(child, int):
                token = tokens[child]
                if token.kind != "text":
                    return False
                texts.append(token.raw)
                pos += len(token.raw)
                continue
            if (
                child.tag not in INLINE
                or child.tag in OWN_UNITS
                or child.tag == "time"  # (a date's style and warning: asked in the walk's order)
                or child.end is None
                or child.reopened
                or not _CONTEXT_ATTRIBUTES.isdisjoint(child.attrs)
                or self.is_object(child, ctx)
                or child.tag in ABBREVIATIONS  # (its legend shows its title: see runs._described_text)
            ):
                return False
            marks.append((pos, OPEN, child, child.tag, _href(child)))
            for inner in child.children:
                if type(inner) is not int or tokens[inner].kind != "text":
                    return False
                raw = tokens[inner].raw
                texts.append(raw)
                pos += len(raw)
            marks.append((pos, CLOSE, tokens[child.end].raw, child.tag, ""))
        flat = texts[0] if len(texts) == 1 else "".join(texts)
        if (
            "&" in flat
            or type(children[0]) is not int
            or type(children[-1]) is not int
            or flat[0].isspace()
            or flat[-1].isspace()
        ):
            return self.emit_flat_trimmed(node, ctx, out)
        # (text as written at both edges: the run has text, and trimming leaves it whole)
        out.append(self.start_tag(node, ctx))
        for index in range(0, len(marks), 2):  # start tags, in order (they may name their element)
            where, kind, element, name, href = marks[index]
            start = self.start_tag(element, ctx) if element.attrs else tokens[element.start].raw
            marks[index] = (where, kind, start, name, href)
        self.emit_flat_source(flat, marks, ctx, out)
        if node.end is not None:
            out.append(tokens[node.end].raw)
        return True

    def emit_flat_trimmed(self, node: Node, ctx: _Context, out: list[Part]) -> bool:
        """:meth:`emit_flat` for a block of that shape whose text has a character reference or
        space at an edge (``ctx``: the block's context): its run is trimmed, entities decoded."""
        tokens = self.tokens
        children = node.children
        if len(children) == 1 and type(children[0]) is int and not self.is_text(children[0]):
            out.append(self.start_tag(node, ctx))
            out.append(tokens[children[0]].raw)  # whitespace alone: as emit_children writes it
        else:
            first = children[0]
            last = children[-1]
            if (
                type(first) is int
                and type(last) is int
                and _text_at_both_edges(tokens[first].raw, tokens[last].raw)
            ):
                # it has text, and trimming leaves its content whole
                lead: list = []
                core: list = children
                trail: list = []
            else:
                if not self.has_text(children, ctx):
                    return False
                lead, core, trail = self.trim(children, ctx)
                if not _only_source(lead) or not _only_source(trail):
                    return False  # an element without text at an edge: the walk's way
            out.append(self.start_tag(node, ctx))
            self.emit_flat_core(lead, core, trail, ctx, out)
        if node.end is not None:
            out.append(tokens[node.end].raw)
        return True

    def emit_flat_core(self, lead: list, core: list, trail: list, ctx: _Context, out: list[Part]) -> None:
        """Emit a flat run trimmed to ``lead``, ``core`` and ``trail`` (see :meth:`emit_flat`), as
        :meth:`emit_run` does."""
        tokens = self.tokens
        for item in lead:
            out.append(item if type(item) is str else tokens[item].raw)
        if len(core) == 1 and type(core[0]) is Node:
            # An inline element enclosing the whole run stays outside the unit (see emit_run).
            node = core[0]
            inner = self.context_for(node, ctx)
            out.append(self.start_tag(node, inner))
            self.emit_flat_core(*self.trim(node.children, inner), inner, out)  # text (it has some) only
            out.append(tokens[node.end].raw)  # type: ignore[index]
        else:
            unescape = htmllib.unescape
            entries: list[FlatEntry] = []
            append = entries.append
            texts: list[str] = []
            marked = False
            for item in core:
                kind = type(item)
                if kind is int or kind is str:
                    raw = tokens[item].raw if kind is int else item
                    text = unescape(raw) if "&" in raw else raw
                    append((TEXT, raw, text, ""))
                    texts.append(text)
                else:
                    marked = True
                    start = (
                        self.start_tag(item, self.context_for(item, ctx))
                        if item.attrs
                        else tokens[item.start].raw
                    )
                    append((OPEN, start, item.tag, _href(item)))
                    for child in item.children:
                        raw = tokens[child].raw
                        text = unescape(raw) if "&" in raw else raw
                        append((TEXT, raw, text, ""))
                        texts.append(text)
                    append((CLOSE, tokens[item.end].raw, item.tag, ""))
            self.emit_flat_run(entries, texts[0] if len(texts) == 1 else "".join(texts), marked, ctx, out)
        for item in trail:
            out.append(item if type(item) is str else tokens[item].raw)

    def plain_items(
        self, items: list, ctx: _Context, out: list[Part]
    ) -> tuple[list, tuple[Node, _Context, list[Part]]] | None:
        """Emit ``items`` verbatim (see :meth:`plain`); None when done, else what is left to
        :meth:`plain_rest` (an element for translation inside one that is not was met)."""
        if not items:
            return None
        pending: list = [(item, ctx, out) for item in reversed(items)]
        found = self.plain(pending)
        return None if found is None else (pending, found)

    def plain_rest(self, pending: list, found: tuple[Node, _Context, list[Part]]) -> Walk[None]:
        """Finish what :meth:`plain` stopped at: ``found`` is for translation, then ``pending``."""
        while found is not None:
            yield self.emit_node(*found)
            found = self.plain(pending)  # type: ignore[assignment]

    def plain(self, pending: list) -> tuple[Node, _Context, list[Part]] | None:
        """Emit the entries of ``pending`` (``(item, context, out)``, last first) verbatim, until one
        is an element for translation inside one that is not (``translate="yes"`` inside
        ``translate="no"``): that entry is returned, for :meth:`emit_node`, and ``pending`` holds the
        rest. A plain function on a stack: the walk needs no step of its own for plain content."""
        tokens = self.tokens
        pop = pending.pop
        push = pending.append
        while pending:
            item, outer, out = pop()
            kind = type(item)
            if kind is int:
                out.append(tokens[item].raw)
                continue
            if kind is not Node:  # a source string, or an element's end tag after its content
                out.append(item)
                continue
            inner = self.context_for(item, outer)
            if inner.translate and not outer.translate and item.tag not in self.opaque:
                return item, outer, out  # translate="yes" inside translate="no": for translation
            out.append(self.start_tag(item, inner))
            if inner.scope == "in" and item.tag == "time" and self.is_date(item):
                # The date's content goes into its slot, placed now (nothing else is added to
                # ``out`` before its end tag).
                dated: list[Part] = []
                out.append(DateSlot(item.attrs.get("datetime") or "", dated, self.date_styles.get(id(item))))
                target = dated
            else:
                target = out
            if item.end is not None:
                push((tokens[item.end].raw, None, out))
            children = item.children
            if children:
                pending.extend([(child, inner, target) for child in reversed(children)])
        return None

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

    def slot_ref(self, ctx: RunContext) -> str:
        """The reference of the element a run belongs to (its id, or its tag and first words)."""
        assert isinstance(ctx, _Context)
        return self.references.of(ctx.ref)

    def slot_escape(self, ctx: RunContext) -> Callable[[str], str]:
        """Translated text is element content: ``<`` and ``&`` escaped."""
        return escape_text

    def escape_keeping(self, escape: Callable[[str], str], written: str) -> Callable[[str], str]:
        """:func:`escape_text_keeping` the references of ``written`` (``&nbsp;``, ``&mdash;``), and its
        ``>`` as it is (see :func:`brackets_kept`)."""
        references = brackets_kept(written, references_in(written) if "&" in written else {})
        return escape_text_keeping(references) if references else escape

    def line_of(self, index: int) -> int:
        """The 1-based line of token ``index``: newlines counted from the last token asked about
        (tokens are asked about in document order: each newline is counted once)."""
        if not 0 <= index < len(self.tokens):
            return 1
        at, line = self.line_at
        if index < at:
            at, line = 0, 1
        line += "".join(map(_RAW, self.tokens[at:index])).count("\n")
        self.line_at = (index, line)
        return line

    def emit_date(
        self, node: Node, ctx: _Context, out: list[Part]
    ) -> tuple[list, tuple[Node, _Context, list[Part]]] | None:
        """Append the :class:`DateSlot` of ``node`` (its content verbatim); what is left, as
        :meth:`plain_items` says."""
        inner: list[Part] = []
        out.append(DateSlot(node.attrs.get("datetime") or "", inner, self.date_styles.get(id(node))))
        return self.plain_items(node.children, ctx, inner)

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
        if not text or SPACE_INSIDE.search(text) or not ADDRESS_MARK.search(text):
            return False  # words, not an address: most links
        return same_address(htmllib.unescape(text), href)

    # -- runs of inline content

    def is_object(self, node: Node, ctx: _Context) -> bool:
        """Inline elements kept whole as one standalone placeholder: those of :meth:`stands_alone`,
        and one holding no text (an icon, a hidden link, a slot a script fills: ``since <1/>.``, not
        an empty pair ``since <1></1>.`` that asks the translator to write into it)."""
        return self.stands_alone(node, ctx) or not self.text_within(node, ctx)

    def stands_alone(self, node: Node, ctx: _Context) -> bool:
        """Inline elements kept whole whatever they hold: void, opaque, a date, a link showing its own
        URL, an element not for translation."""
        tag = node.tag
        if tag in VOID or tag in self.opaque or (tag == "time" and self.is_date(node)):
            return True
        if node.tag == "a" and not self.options.extract_link_urls and node.attrs.get("href"):
            key = id(node)
            if key not in self.own_urls:
                self.own_urls[key] = self.shows_own_url(node)
            if self.own_urls[key]:
                return True
        attrs = node.attrs
        return ctx.translate and not _ITS_ATTRIBUTES.isdisjoint(attrs) and not _translates(attrs, True)

    def emit_run(self, run: list[Node | int], ctx: _Context, out: list[Part]) -> Walk[None]:
        if not ctx.translate or not self.has_text(run, ctx):
            left = self.plain_items(run, ctx, out)
            if left is not None:
                yield self.plain_rest(*left)
            return
        lead, core, trail = self.trim(run, ctx)
        left = self.plain_items(lead, ctx, out)
        if left is not None:
            yield self.plain_rest(*left)
        if len(core) == 1 and type(core[0]) is Node and not self.is_object(core[0], ctx):
            # An inline element enclosing the whole run stays outside the unit: "Home", not "<1>Home</1>".
            node = core[0]
            inner = self.context_for(node, ctx)
            out.append(self.start_tag(node, inner))
            if node.children:
                yield self.emit_run(list(node.children), inner, out)
            if node.end is not None:
                out.append(self.tokens[node.end].raw)
        else:
            atoms: list[Atom] = []
            pending: list = [(item, ctx) for item in reversed(core)]
            while (left := self.atoms(pending, atoms)) is not None:
                yield self.plain_rest(*left)
            if self.template_pairs:
                pair_templates(atoms)
            self.emit_sentences(atoms, ctx, out)
        left = self.plain_items(trail, ctx, out)
        if left is not None:
            yield self.plain_rest(*left)

    def has_text(self, run: list, ctx: _Context) -> bool:
        """Whether ``run`` holds text for translators (in itself or inside its inline elements)."""
        for item in run:
            if isinstance(item, int):
                if self.is_text(item):
                    return True
            elif isinstance(item, Node) and not self.is_object(item, ctx) and self.text_within(item, ctx):
                return True
        return False

    def is_text(self, index: int) -> bool:
        """Whether token ``index`` is text with more than whitespace."""
        token = self.tokens[index]
        if token.kind != "text" or not token.raw.strip():
            return False
        return "&" not in token.raw or bool(htmllib.unescape(token.raw).strip())

    def text_within(self, node: Node, ctx: _Context) -> bool:
        """Whether ``node``'s content holds text (objects in it aside); remembered per element, as
        runs nest and are asked again at each level. Depth first on a stack: no recursion."""
        translate = ctx.translate
        known = self.text_inside.get((id(node), translate))
        if known is not None:
            return known
        stack: list[tuple[Node, Iterator[Node | int]]] = [(node, iter(node.children))]
        while stack:
            current, children = stack[-1]
            for child in children:
                if isinstance(child, int):
                    if self.is_text(child):
                        for open_node, _ in stack:  # text here is text in every element around it
                            self.text_inside[(id(open_node), translate)] = True
                        return True
                elif not self.stands_alone(child, ctx):  # (a translate="no" child stands alone)
                    found = self.text_inside.get((id(child), translate))
                    if found is None:
                        stack.append((child, iter(child.children)))
                        break
                    if found:
                        for open_node, _ in stack:
                            self.text_inside[(id(open_node), translate)] = True
                        return True
            else:
                self.text_inside[(id(current), translate)] = False
                stack.pop()
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
                if token.kind == "template":  # (text of the sentence, written by the generator)
                    break
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
            if _is_code(first) and self.has_text(items[1:], ctx):
                break  # (a word of the sentence: see _is_code)
            if self.is_object(first, ctx) or not self.has_text([first], ctx):
                lead.append(items.pop(0))
                continue
            break
        while items:
            last = items[-1]
            if isinstance(last, int):
                token = self.tokens[last]
                if token.kind == "template":
                    break
                if token.kind != "text":
                    trail.insert(0, items.pop())
                    continue
                raw = token.raw
            elif isinstance(last, str):
                raw = last
            else:
                if _is_code(last) and self.has_text(items[:-1], ctx):
                    break
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
        if self.template_pairs and (lead or trail):
            lead, items, trail = self.pairs_kept_whole(lead, items, trail)
            if lead and trail and self.branches_between(lead[-1], items, trail[0]):
                # (the condition stays in the unit, with its branches)
                items = [lead.pop(), *items, trail.pop(0)]
        return lead, items, trail

    def pairs_kept_whole(self, lead: list, items: list, trail: list) -> tuple[list, list, list]:
        """``lead``, ``items`` and ``trail`` (see :meth:`trim`) with each end of a template pair that
        the trimming left out while its other end is in the unit (``Hello {{< mark >}}a{{< /mark >}}``)
        put back in the unit, with what stands between it and the unit: the pair is one placeholder
        there, as an inline element is, wherever it stands in the unit (a pair around the whole unit
        stays outside it, as an element does)."""
        while True:
            inside = {self.pair_of(item) for item in items} - {None}
            opening = next((at for at, item in enumerate(lead) if self.pair_of(item) in inside), None)
            closing = next(
                (at for at in range(len(trail) - 1, -1, -1) if self.pair_of(trail[at]) in inside), None
            )
            if opening is None and closing is None:
                return lead, items, trail
            if opening is not None:
                lead, items = lead[:opening], [*lead[opening:], *items]
            if closing is not None:
                items, trail = [*items, *trail[: closing + 1]], trail[closing + 1 :]

    def pair_of(self, item: object) -> str | None:
        """The pair's number when ``item`` is one end of a template pair (see :func:`pair_templates`)."""
        return self.tokens[item].attrs.get("template-pair") if isinstance(item, int) else None

    def branches_between(self, first: object, items: list, last: object) -> bool:
        """Whether ``first`` and ``last`` are the two ends of a template pair (see pair_templates) with
        another branch of the condition among ``items`` (``{% if x %}A{% else %}B{% endif %}``): the
        translator then sees which text is which branch's, not a lone ``{% else %}`` between two texts."""
        from .md_templates import LIQUID_BRANCH  # (an HTML content page's reader has it already)

        if not (isinstance(first, int) and isinstance(last, int)):
            return False
        opening, closing = self.tokens[first].attrs, self.tokens[last].attrs
        return (
            opening.get("template-role") == "open"
            and closing.get("template-role") == "close"
            and opening.get("template-pair") == closing.get("template-pair")
            and any(
                isinstance(item, int)
                and self.tokens[item].kind == "other"
                and LIQUID_BRANCH.match(self.tokens[item].raw)
                for item in items
            )
        )

    def atoms(
        self, pending: list, atoms: list[Atom]
    ) -> tuple[list, tuple[Node, _Context, list[Part]]] | None:
        """Append the run's atoms to ``atoms``: text, open, close and object atoms (inline elements
        opened up), from ``pending`` (``(item, context)``, last first). None when done; else an
        object holds an element for translation, and what is left of the object is returned for
        :meth:`plain_rest` before this is called again."""
        tokens = self.tokens
        unescape = htmllib.unescape
        while pending:
            entry = pending.pop()
            if type(entry) is Atom:  # an element's close, after its content
                atoms.append(entry)
                continue
            item, outer = entry
            kind = type(item)
            if kind is int:
                token = tokens[item]
                if token.kind == "text":
                    raw = token.raw
                    atoms.append(Atom("text", raw, unescape(raw) if "&" in raw else raw))
                elif token.kind == "end" and token.tag not in _STRAY_ENDS_SHOWN:
                    atoms.append(Atom("text", Unseen(token.raw), ""))  # stray end tag: nothing shows
                elif token.kind == "end":  # one a browser makes an element of: in its place
                    atoms.append(Atom("object", "", "", [token.raw], None))
                elif "template-role" in token.attrs:  # one end of a template pair (see pair_templates)
                    atoms.append(Atom("object", "", "", [token.raw], Node(token.tag, -1, None, token.attrs)))
                else:  # comment, CDATA, declaration: kept whole
                    atoms.append(Atom("object", "", "", [token.raw], None))
            elif kind is not Node:  # a source string (a text token trimmed)
                atoms.append(Atom("text", item, unescape(item) if "&" in item else item))
            elif self.is_object(item, outer):
                parts: list[Part] = []
                atoms.append(Atom("object", "", "", parts, item))
                left = self.plain_items([item], outer, parts)
                if left is not None:
                    return left
            else:
                inner = self.context_for(item, outer)
                atoms.append(Atom("open", "", "", [self.start_tag(item, inner)], item))
                closing = [tokens[item.end].raw] if item.end is not None else []
                pending.append(Atom("close", "", "", closing, item))
                pending.extend([(child, inner) for child in reversed(item.children)])
        return None


def pair_templates(atoms: list[Atom]) -> None:
    """Make the two ends of a template pair in ``atoms`` (``{% if x %}`` … ``{% endif %}`` of an HTML
    content page: object atoms whose node holds the pair's number) one paired placeholder when the
    elements between them close inside it; every other end of a pair stands alone, as a comment."""
    stack: list[Atom] = []  # open elements and template openers
    for atom in atoms:
        node = atom.node
        if atom.kind == "open":
            stack.append(atom)
        elif atom.kind == "close":
            while stack and stack[-1].node is not node:
                _alone(stack.pop())
            if stack:
                stack.pop()
        elif (
            atom.kind == "object" and node is not None and node.start == -1 and "template-role" in node.attrs
        ):
            if node.attrs["template-role"] == "open":
                stack.append(atom)
                continue
            opener = stack[-1].node if stack and stack[-1].kind == "object" else None
            if opener is not None and opener.attrs["template-pair"] == node.attrs["template-pair"]:
                opener_atom = stack.pop()
                opener_atom.kind, atom.kind = "open", "close"
                atom.node = opener_atom.node = Node(node.tag, -1, None, {})
            else:
                _alone(atom)
    for atom in stack:
        if atom.kind == "object":
            _alone(atom)


def _alone(atom: Atom) -> None:
    """A template pair's end that stands alone: a placeholder shown as written (see ``_markup_name``)."""
    if atom.kind == "object":
        atom.node = None


#: Blocks :meth:`_Builder.emit_flat` leaves to the walk (they emit more than their content).
_NOT_FLAT = frozenset({"html", "head", "body", "time"})
#: The elements whose units are told where they stand (see _Builder.place_note).
_PLACED = frozenset({"td", "th", "li"})
#: The most columns or rows one cell is taken to span (a page's colspan="1000" is no grid).
_MOST_SPANNED = 100


def _text_only(node: Node) -> bool:
    """Whether ``node``'s content is one token (a script's text)."""
    return len(node.children) == 1 and type(node.children[0]) is int


def _text_of(node: Node, tokens: list[Token]) -> str:
    """The text ``node`` shows (its text tokens, references decoded; scripts and styles left out)."""
    texts: list[str] = []
    stack: list[Node | int] = list(reversed(node.children))
    while stack:
        item = stack.pop()
        if type(item) is int:
            token = tokens[item]
            if token.kind == "text":
                texts.append(htmllib.unescape(token.raw) if "&" in token.raw else token.raw)
        elif isinstance(item, Node) and item.tag not in ("script", "style", "template"):
            stack.extend(reversed(item.children))
    return collapse_space("".join(texts))


def _table_of(cell: Node) -> Node | None:
    """The table whose row holds ``cell`` (None: a cell in no table's row)."""
    row = cell.parent
    if row is None or row.tag != "tr":
        return None
    table = row.parent
    if table is not None and table.tag in ("thead", "tbody", "tfoot"):
        table = table.parent
    return table if table is not None and table.tag == "table" else None


def _span(cell: Node, name: str) -> int:
    """The columns or rows (``name``: colspan, rowspan) ``cell`` spans, as a browser reads them."""
    value = cell.attrs.get(name)
    if not value:
        return 1
    digits = re.match(r"\s*([0-9]+)", value)
    number = int(digits.group(1)) if digits else 1
    return min(number, _MOST_SPANNED) if number > 0 else 1


def _cell_notes(table: Node, tokens: list[Token]) -> dict[int, str]:
    """The notes of the cells of ``table`` (by id): each data cell's column header and its row's
    header (its first cell, when a ``<th>`` or when the columns have headers); none for header
    cells, nor in a table without headers (one for layout).

    The header rows are the ``<thead>``'s, else the first row when its cells are ``<th>`` (the
    first may be an empty corner); spanned columns and rows are placed as a browser places them."""
    rows: list[tuple[Node, bool]] = []  # (row, in the head)
    for child in table.children:
        if type(child) is Node:
            if child.tag == "tr":
                rows.append((child, False))
            elif child.tag in ("thead", "tbody", "tfoot"):
                head = child.tag == "thead"
                rows.extend((row, head) for row in child.children if type(row) is Node and row.tag == "tr")
    grid: list[dict[int, Node]] = []  # each row's cells by column (one spanning rows in each)
    columns: dict[int, int] = {}  # cell id -> its first column
    below: dict[int, tuple[int, Node]] = {}  # column -> (rows left, the cell spanning into them)
    for tr, _ in rows:
        placed: dict[int, Node] = {}
        for column, (left, cell) in list(below.items()):
            placed[column] = cell
            if left > 1:
                below[column] = (left - 1, cell)
            else:
                del below[column]
        column = 0
        for cell in _cells(tr):
            while column in placed:
                column += 1
            columns[id(cell)] = column
            down = _span(cell, "rowspan")
            for _ in range(_span(cell, "colspan")):
                placed[column] = cell
                if down > 1:
                    below[column] = (down - 1, cell)
                column += 1
        grid.append(placed)
    if not grid:
        return {}
    heads = {index for index, (_, head) in enumerate(rows) if head}
    if not heads:
        first = _cells(rows[0][0])
        if (
            first
            and all(cell.tag == "th" for cell in first[1:])
            and (first[0].tag == "th" or (len(first) > 1 and not _text_of(first[0], tokens)))
        ):
            heads = {0}
    texts: dict[int, str] = {}  # cell id -> its text, each found once

    def text(cell: Node) -> str:
        if id(cell) not in texts:
            texts[id(cell)] = _text_of(cell, tokens)
        return texts[id(cell)]

    headers: dict[int, str] = {}  # column -> its header (the texts of its header cells)
    for index in sorted(heads):
        for column, cell in grid[index].items():
            shown = text(cell)
            if shown and shown not in headers.get(column, "").split(" / "):
                headers[column] = f"{headers[column]} / {shown}" if column in headers else shown
    notes: dict[int, str] = {}
    for index, placed in enumerate(grid):
        if index in heads:
            continue
        first_cell = placed.get(0)
        labelled = first_cell is not None and (first_cell.tag == "th" or bool(headers))
        for cell in _cells(rows[index][0]):
            if cell.tag != "td":
                continue
            label = text(first_cell) if first_cell is not None and labelled and first_cell is not cell else ""
            note = table_cell_note(headers.get(columns[id(cell)], ""), label)
            if note:
                notes[id(cell)] = note
    return notes


def _cells(row: Node) -> list[Node]:
    """The cells of the table row ``row``, in order."""
    return [cell for cell in row.children if isinstance(cell, Node) and cell.tag in ("td", "th")]


def _introduction(items: Node, tokens: list[Token]) -> str:
    """The text of the paragraph right before the list ``items`` when it ends with a colon (it
    introduces the list), else ""."""
    if items.tag not in ("ul", "ol", "menu") or items.parent is None:
        return ""
    siblings = items.parent.children
    at = next((index for index, child in enumerate(siblings) if child is items), 0)
    for before in reversed(siblings[:at]):
        if not isinstance(before, Node):
            token = tokens[before]
            if (token.kind == "text" and not token.raw.strip()) or token.raw.startswith("<!--"):
                continue
            return ""
        if before.tag != "p":
            return ""
        text = _text_of(before, tokens)
        return text if introduces_list(text) else ""
    return ""


def _text_at_both_edges(head: str, tail: str) -> bool:
    """Whether a run whose first and last items are the text tokens ``head`` and ``tail`` starts and
    ends with text that :meth:`_Builder.trim` keeps whole: no whitespace and no entity (which may be
    a no-break space) at either edge (so it has text for translators too).

    >>> _text_at_both_edges("Rain fell", "today."), _text_at_both_edges("&nbsp;Rain", "x")
    (True, False)
    """
    return bool(
        head
        and tail
        and not head[0].isspace()
        and head[0] != "&"
        and not tail[-1].isspace()
        and tail[-1] != ";"
    )


def _only_source(items: list) -> bool:
    """Whether ``items`` holds token indexes and source strings only (no element)."""
    return Node not in map(type, items)


#: Every attribute :func:`translatable_attributes` may name, whatever the element.
_MAY_TRANSLATE = frozenset(
    {
        "title",
        "aria-label",
        "aria-description",
        "aria-roledescription",
        "aria-placeholder",
        "alt",
        "placeholder",
        "value",
        "label",
        "abbr",
        "content",
    }
)


#: Elements that hold blocks (and text between them): a template tag on a line of its own there, such
#: as ``{% for %}`` or ``{% capture %}``, ends the text before it (see :meth:`_Builder.emit_children`).
_FLOW_CONTAINERS = frozenset(
    [
        "#root",
        "html",
        "body",
        "div",
        "section",
        "article",
        "main",
        "header",
        "footer",
        "aside",
        "nav",
        "blockquote",
        "form",
        "fieldset",
        "details",
        "figure",
        "ul",
        "ol",
        "dl",
        "table",
        "tbody",
        "thead",
        "tfoot",
        "tr",
        "template",
    ]
)
#: An attribute value written in double quotes without references, brackets, spaces at its edges or
#: whitespace but single spaces (most): a translation is written as :func:`escape_attribute` writes it.
_PLAIN_VALUE = re.compile(r'"(?:[^&<>"\s]+(?: [^&<>"\s]+)*)?"')


def _nothing_included(include: tuple[str, ...], shown: str, *, head: bool = False) -> Issue:
    """The warning of a page that no selector of ``[extract] include`` matches (a misspelt class, a
    page of another template): none of its text is a unit, and its pages are the source as written;
    ``head``: one whose selectors match only its head (``title``, as init suggests, beside
    ``article``), whose body is published untranslated while its pages count as translated.

    >>> print(_nothing_included((".story-bodyy",), "articles/a.html").message)
    [extract] include (.story-bodyy) matches nothing in this page: none of its text is offered for translation, and its pages show it untranslated
    >>> print(_nothing_included(("title", "article"), "articles/a.html", head=True).message)
    [extract] include (title, article) matches nothing in this page's body, only in its head: none of the body's text is offered for translation, and its pages show it untranslated
    """
    where = "this page's body, only in its head" if head else "this page"
    what = "the body's" if head else "its"
    return Issue(
        shown,
        None,
        "scope",
        f"[extract] include ({', '.join(include)}) matches nothing in {where}: none of {what} text is offered "
        "for translation, and its pages show it untranslated",
        severity="warning",
    )


#: The elements of a page's head that an ``[extract] include`` selector may name (``title``).
_HEAD_TAGS = frozenset({"head", "title", "meta", "link", "base"})


def _includes_body(root: Node, included: frozenset[int]) -> bool:
    """Whether an element of ``included`` (by ``id()``) is one of the page's body, not of its head."""
    stack = [root]
    while stack:
        for child in stack.pop().children:
            if isinstance(child, Node):
                if id(child) in included and child.tag not in _HEAD_TAGS:
                    return True
                stack.append(child)
    return False


def read_html(
    text: str,
    path: Path,
    encoding: str,
    options: ReadOptions,
    *,
    display_path: str | None = None,
    tokens: list[Token] | None = None,
) -> Document:
    """Build the :class:`Document` of an HTML article already decoded to ``text`` (``tokens``: its
    tokens, when the caller has cut them).

    Raises ArticleError for markup that would swallow the rest of the article
    (an unterminated comment or tag at the end of the file).
    """
    if tokens is None:
        tokens = tokenize_html(text)
    _check_unterminated(tokens, display_path or str(path))
    root = build_tree(tokens)
    # the tokens whose tag tells a fact of the page (or an override), found in one pass
    facts_at = list(compress(count(), map(_FACT_TAGS.__contains__, map(_TAG, tokens))))
    options = _with_overrides(tokens, options, display_path or str(path), facts_at)
    scope = None
    if options.include or options.exclude:
        try:
            scope = find_scope(root, to_xpath(options.include), to_xpath(options.exclude))
        except TooDeep as exc:
            line = "".join(token.raw for token in tokens[: exc.node.start]).count("\n") + 1
            raise ArticleError(
                f"{exc}: [extract] include and exclude are matched on pages nesting them less deep",
                display_path or str(path),
                line,
            ) from None
    builder = _Builder(tokens, options, display_path or str(path), scope)
    if scope is not None and scope.included is not None and not _includes_body(root, scope.included):
        builder.warnings.append(
            _nothing_included(options.include, display_path or str(path), head=bool(scope.included))
        )
    parts: list[Part] = []
    walk(builder.emit_children(root, _Context(scope="out" if options.include else "in"), parts))
    let_go(root)
    facts = _page_facts(tokens, facts_at)
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
    )


class _PageFacts(NamedTuple):
    """What compile needs to know of a page besides its units, found in one pass over the tokens."""

    title: str | None = None  # the text of the first <title>
    published: str | None = None  # front matter date, article:published_time, or the first <time datetime>
    has_base: bool = False  # a <base href>: relative URLs do not resolve from the file


def _page_facts(tokens: list[Token], facts_at: list[int] | None = None) -> _PageFacts:
    """``facts_at``: the indexes of the tokens whose tag is in :data:`_FACT_TAGS`, in order (None:
    found here)."""
    if facts_at is None:
        facts_at = list(compress(count(), map(_FACT_TAGS.__contains__, map(_TAG, tokens))))
    title: str | None = None
    dates: dict[str, str] = {}
    has_base = False
    # Each kind of tag says its own fact (the first of each), whatever the others say: the tokens
    # are looked at in their order.
    for index in facts_at:
        token = tokens[index]
        tag = token.tag
        if token.kind not in ("start", "startend"):
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
    (and everything after it), so it must not be published as text. (It runs to the end of the
    file: its ``eof`` token is the last one, never another.)"""
    if not tokens or tokens[-1].kind != "eof":
        return
    index = len(tokens) - 1
    line = sum(map(str.count, map(_RAW, tokens[:index]), repeat("\n"))) + 1
    raise ArticleError(f"unterminated {tokens[index].tag} runs to the end of the file", shown, line)


_RAW = attrgetter("raw")
_TAG = attrgetter("tag")


def _has_template_pairs(tokens: list[Token]) -> bool:
    """Whether an end of a template pair (see :func:`pair_templates`) stands among ``tokens``."""
    for token in tokens:  # noqa: SIM110 (a plain loop: any() of a generator costs a step per token)
        if token.kind == "other" and "template-role" in token.attrs:
            return True
    return False


#: The attributes :func:`_translates` reads.
_ITS_ATTRIBUTES = frozenset({"translate", "class"})
#: Attributes that change what an element's content inherits (see :meth:`_Builder.context_for`).
_CONTEXT_ATTRIBUTES = frozenset({"translate", "class", *NOTE_ATTRIBUTES})


def _with_overrides(
    tokens: list[Token], options: ReadOptions, shown: str = "", facts_at: list[int] | None = None
) -> ReadOptions:
    """An article may ask for its own segmentation (``<meta name="transpub:segmentation"
    content="paragraph">``) and scope (``<meta name="transpub:include" content="article">``,
    ``transpub:exclude``). ArticleError names the line of a selector that does not parse.
    ``facts_at``: the indexes of the tokens whose tag is in :data:`_FACT_TAGS` (None: found here)."""
    if facts_at is None:
        facts_at = list(compress(count(), map(_FACT_TAGS.__contains__, map(_TAG, tokens))))
    for index in facts_at:
        token = tokens[index]
        if token.tag == "meta" and token.kind in ("start", "startend"):
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
