"""Read a Markdown article into a :class:`Document` whose parts are the Markdown source itself.

Rendering the document with no translations gives back the article byte for byte; a translated
slot is written in Markdown (escaped so that it stays text, on one line) and nothing else changes:
front matter keys, code, HTML, template tokens, link targets, reference definitions, list markers,
quote prefixes and blank lines are copied as written.

What is a unit: paragraphs, headings, list items, table cells, definition terms and
descriptions, footnote texts (cut into sentences as in HTML articles, inline markup as
placeholders); image alt texts, link titles, the translated front matter values, the listed
shortcode parameters and admonition titles (units of their own; the title MkDocs gives an
admonition without one too, written only when translated). Soft line breaks read as spaces.
Raw HTML blocks are read as HTML articles are.
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

from markdown_it.common.utils import normalizeReference
from markdown_it.helpers import parseLinkDestination, parseLinkTitle
from markdown_it.token import Token

from ..errors import ArticleError
from ..inline import PLACEHOLDER_RE, escape_lookalikes
from ..model import EMAIL_ADDRESS, Issue
from .context_notes import introduces_list, list_note, table_cell_note
from .document import (
    AttrSlot,
    Document,
    HeadingId,
    LinkTarget,
    PairedPieces,
    Part,
    Tag,
    TextSlot,
    liquid_link,
)
from .escape import (
    attribute_text_escape_in_markdown,
    attribute_write_in_markdown,
    markdown_kept_in,
    text_escape_after_element,
    text_escape_in_markdown,
    text_escape_in_quote_after_element,
    text_escape_on_one_line,
    write_with_edges,
)
from .front_matter import FrontMatter, read_front_matter
from .heading_ids import COLON_ATTRIBUTES, Heading, base_ids, in_html_block, reads_list, unique_ids
from .html_tokens import Token as HtmlToken
from .html_tokens import tokenize_html
from .md_containers import contained_block, with_prefix
from .md_critic import critic_written_as_they_are
from .md_escape import (
    CALLOUT_MARKER,
    LONE_CLOSING,
    LONE_OPENING,
    backticks_as_references,
    brackets_in,
    escape_markdown,
    escape_markdown_keeping,
    escape_markdown_line,
    escaped_in,
    escaped_ticks_as_references,
    magiclinks_in,
    markdown_destination,
    references_in,
    ticks_as_references,
    title_writer,
)
from .md_glued_code import glued_code_pieces, touching_ticks
from .md_html_ends import (
    blocks_running_over,
    elements_above_markdown,
    elements_before_fences,
    end_tag_line,
    tags_above_markdown,
)
from .md_html_tails import COMMONMARK_RAW_TAGS, Tails, tails_in
from .md_inline import InlineReader, Misaligned, SlotNamer, plain_inline
from .md_kramdown import end_of_blocks, placeholder_lists
from .md_link_brackets import (
    URL,
    closings_in_links_escaped,
    link_brackets_in,
    link_brackets_kept,
    url_destinations_kept,
)
from .md_lone_closings import SAFE_AFTER, lone_closings_at_ends
from .md_open_elements import OpenElements, open_elements
from .md_parser import BLOCK_NESTING, html_block_spans, parse, too_deep
from .md_runs import runs_as_written, runs_by_unit, runs_keeper, runs_written_as_they_are
from .md_source import MASK, ContentMap, Source, line_content_map
from .md_spaced_code import spaced_code, spaced_code_pieces
from .md_spellings import BRACES_AFTER_SPACE, spellings_in, underscores_kept
from .md_tag_text import shown_tag, tag_texts_in, tag_texts_kept
from .md_templates import (
    ENDRAW_BEFORE_FENCE,
    LINE_OPENERS,
    LIQUID_BRANCH,
    Template,
    closed_pairs,
    fenced_ranges,
    markdown_templates,
    names_its_language,
    tabpane_of,
    unclosed_shortcodes,
    verbatim_pairs,
)
from .md_text_markup import markup_in_text
from .md_ticks import (
    escaped_ticks_kept,
    text_ticks_kept,
    tick_marks,
    tick_problem,
    tick_safe_pieces,
    ticked_parts,
)
from .md_url_leads import url_leads_in, url_leads_kept
from .md_url_trails import goldmark_ends, magiclink_ends, url_trails_in, url_trails_kept
from .options import ReadOptions
from .runs import Atom, RunContext, RunSlots, collapse_space
from .value_slots import front_matter_slots, shortcode_param_slots

#: A character of the runs pymdownx reads as markup (see :mod:`.md_runs`).
_RUN_CHARS = re.compile(r"[=^+]")
_WORDS = re.compile(r"\w+")


#: An admonition's first line with its title (``!!! note "Title"``), or a content tab's (``=== "Label"``).
_ADMONITION_TITLE = re.compile(
    r'(?:(?:!!!|\?\?\?\+?)[ \t]*[^"\s](?:[^"]*[^"\s])?|===[!+]?)[ \t]+("(.*)")[^\s"]*[ \t]*'
)
#: An admonition without a title (``!!! warning``, ``??? note inline end``): MkDocs shows its type.
_ADMONITION_UNTITLED = re.compile(r"(?:!!!|\?\?\?\+?)[ \t]*([\w-]+)(?:[ \t]+[\w-]+)*(?=[ \t]*$)")
#: What translators are told of an admonition's default title.
#: What a translator is told of a content tab's label (pymdownx.tabbed: ``=== "Linux"``).
_TAB_LABEL_NOTE = (
    "The label of a content tab (one of several tabs showing alternatives, such as one per system)"
)
_DEFAULT_TITLE_NOTE = (
    "The title MkDocs shows for this admonition, which gives none; a translation is written as its title"
)
#: A pymdownx.blocks block without a title (``/// tip``; not ``/// tip |``, which asks for none).
_BLOCK_UNTITLED = re.compile(r"/{3,}[ \t]+([\w-]+)(?=[ \t]*(?:\n|$))")
#: What translators are told of a pymdownx.blocks block's default title.
_DEFAULT_BLOCK_TITLE_NOTE = (
    "The title MkDocs shows for this block, which gives none; a translation is written as its title"
)
#: Template tokens that are text inside a raw HTML block (kramdown reads no math, attribute list or
#: abbreviation there): the block is read as HTML, they with its text.
_TEXT_IN_HTML = frozenset({"$$", "\\(", "\\[", "{:", "{", "*["})
#: Tags that open an HTML block whose text kramdown (Jekyll) and Python-Markdown (MkDocs) keep as
#: HTML; a block opened by any other (``<span>``, ``<a>``, ``<img>``, a custom element) is read as a
#: paragraph there, its text as Markdown (CommonMark, Hugo, keeps every HTML block as HTML).
_BLOCK_TAGS = frozenset({
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "html", "iframe", "legend", "li", "main", "map", "math", "menu", "nav", "noscript",
    "object", "ol", "p", "pre", "script", "section", "style", "summary", "table", "tbody", "td", "tfoot",
    "th", "thead", "tr", "ul", "video",
})  # fmt: skip


#: A URL or an e-mail address in a text (which MkDocs' magiclink makes a link).
_ADDRESS = re.compile(r"(?:https?://|www\.)[^\s<>\"'\]\[()]*[^\s<>\"'\]\[().,;:!?]|" + EMAIL_ADDRESS)
#: A word holding a brace after a letter, a digit, ``-`` or ``(`` (``web-{0..N-1}``, ``f({})``), which
#: no renderer reads as attributes: kept as the source writes it in an HTML block read as Markdown.
_BRACED_WORD = re.compile(r"[\w(-]+\{(?:[A-Za-z0-9][^{}=\s\\]*)?\}")


def _slots_over(document: Document, raw: str, spans: list[tuple[int, int]]) -> list[TextSlot]:
    """The text slots among ``document``'s parts (the HTML block ``raw`` read whole) that hold some
    of ``spans`` of ``raw`` (start, end); all of them where the parts do not add up to ``raw``."""
    found: list[TextSlot] = []
    slots: list[TextSlot] = []
    pos = 0
    for part in document.parts:
        length = len(part) if isinstance(part, str) else len(replace(document, parts=[part]).render())
        if isinstance(part, TextSlot):
            slots.append(part)
            if any(start < pos + length and pos < end for start, end in spans):
                found.append(part)
        pos += length
    return found if pos == len(raw) else slots


def _quote_after_element(raw: str, tails: Tails | None) -> int | None:
    """Where in the HTML block ``raw`` a quote starts right after an element on its line
    (``<div>x</div>> Hello``: the element ends Python-Markdown's and kramdown's HTML, and they read
    the rest as Markdown from a block's start, see :mod:`.md_html_tails`): the first text after an
    element (``tails``, see :func:`~.md_html_tails.tails_in`) starting with ``>`` (after three spaces at
    most); None when there is none, or when that text writes a character reference (kept as written)."""
    if tails is None or not tails.spans or tails.referenced:
        return None
    start = tails.spans[0][0]
    return start if _QUOTE_LINE.match(raw, start, _line_end(raw, start)) is not None else None


#: A line of a quote: its marker (up to three spaces, ``>``, maybe a space), then plain text that
#: starts no block there (no space, quote, heading, list item…: see :data:`_MARKDOWN_LINE`) and has no
#: tag, character reference or template token.
_QUOTE_LINE = re.compile(r"[ ]{0,3}>[ ]?(?![ \t]|[-#>=_:|!?~`*+\[]|\d+[.)])[^<&{}\n]*")
#: A quote's marker at a line's start.
_QUOTE_MARKER = re.compile(r"^[ ]{0,3}>[ ]?")


def _escaped_quote_start(raw: str, tails: Tails | None, slots: list[TextSlot]) -> TextSlot | None:
    """The unit of the text after an element on its line in the HTML block ``raw`` (``tails``, see
    :func:`~.md_html_tails.tails_in`; ``slots``: the units over it) that starts with a backslash
    before a ``>`` (after three spaces at most): ``<div>x</div>\\> Hello`` is a paragraph's
    ``> Hello`` to kramdown and Python-Markdown, which read the text as Markdown from a block's start
    (see :mod:`.md_html_tails`), the HTML block's ``\\> Hello`` to CommonMark; None when there is
    none."""
    if tails is None or not tails.spans or not slots or _ESCAPED_QUOTE.match(raw, tails.spans[0][0]) is None:
        return None
    return slots[0] if slots[0].msgid.startswith("\\>") else None


#: A quote's marker escaped, at a line's start (up to three spaces, ``\>``).
_ESCAPED_QUOTE = re.compile(r"[ ]{0,3}\\>")


def _with_escaped_quote(escape: Callable[[str], str], msgid: str) -> Callable[[str], str]:
    """``escape`` for the unit ``msgid`` of :func:`_escaped_quote_start` (offered without the
    backslash, ``> Hello``): the text it starts with (up to its first placeholder) written with the
    source's backslash wherever a translation keeps it (see :func:`~.escape.edge_pieces`), so that
    the pseudo-translated page is the source; a translation's own ``>`` starting a line is written
    as ``escape`` writes it (a character reference: no quote either)."""
    shown = msgid[: msgid.find("<")] if "<" in msgid else msgid
    return functools.partial(write_with_edges, write=escape, edges=(("within", shown, "\\" + shown),))


def _line_end(text: str, at: int) -> int:
    """Where the line holding ``at`` ends in ``text`` (its line break, or the text's end)."""
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _as_written(parts: list[Part], slots: list[TextSlot]) -> list[Part]:
    """``parts`` with each of ``slots`` its source parts (its text not offered)."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, TextSlot) and any(part is slot for slot in slots):
            out += part.parts
        else:
            out.append(part)
    return out


def _markdown_reads_inside(tokens: list[HtmlToken]) -> bool:
    """Whether kramdown or Python-Markdown may read text of an HTML block (``tokens``: its
    :func:`~transpub.formats.html_tokens.tokenize_html`) as Markdown: all
    but a block that is one element of :data:`_BLOCK_TAGS` (``<div>…</div>``, ``<p>…</p>``) and
    nothing after it. A block opened by another tag (``<span>``, ``<a>``, a custom element, an end
    tag, a comment) is read as a paragraph there, and so is text after the first element's end
    (``<div>Hi.</div>`` and a line of text under it: one HTML block to CommonMark)."""
    tokens = [token for token in tokens if token.kind != "text" or token.raw.strip()]
    if not tokens or tokens[0].kind != "start" or tokens[0].tag not in _BLOCK_TAGS:
        return True
    name, depth = tokens[0].tag, 0
    for index, token in enumerate(tokens):
        if token.tag == name and token.kind == "start":
            depth += 1
        elif token.tag == name and token.kind == "end":
            depth -= 1
            if depth == 0:
                return any(later.kind != "eof" for later in tokens[index + 1 :])
    return True  # (never closed, or a void element: what follows it is not inside it)


def _holds_markdown_element(tokens: list[HtmlToken]) -> bool:
    """Whether an element of an HTML block (``tokens``) says its content is Markdown
    (``<p markdown="1">`` in a ``<div>``): kramdown reads that content as Markdown wherever the
    element stands, and md_in_html may (a bare ``markdown``)."""
    return any(
        token.kind in ("start", "startend")
        and "markdown" in token.attrs
        and (token.attrs["markdown"] or "1").strip().lower() in ("1", "block", "span")
        for token in tokens
    )


#: A link or image (``](``) or a kramdown attribute list (``{:``) in text read as Markdown.
_LINK_IN_TEXT = re.compile(r"\]\(|\{:")
#: An HTML block whose first tag says its content is Markdown (kramdown, Python-Markdown's md_in_html).
_MARKDOWN_INSIDE = re.compile(
    r"\s*<[A-Za-z][^>]*\smarkdown(?:\s*=\s*[\"']?(?:1|block|span)\b|(?=[\s/>]))", re.I
)
_REFERENCE = re.compile(r"[ \t]*\[(?:[^\[\]\\]|\\.)+\]:[ \t]*\n?[ \t]*")
_CONTAINERS = {
    "blockquote_open": "blockquote",
    "list_item_open": "li",
    "dd_open": "dd",
    "footnote_open": "li",
    "admonition_open": "div",
}


#: A paragraph that is a table's header (a line with a pipe) and delimiter rows to Goldmark, which reads one
#: whose rows do not have as many cells as the GFM spec (and markdown-it) asks.
_LOOSE_TABLE = re.compile(r"([^\n]*)\n[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*(?:\n|$)")


#: A pipe not escaped by a backslash.
_BARE_PIPE = re.compile(r"(?<!\\)(?:\\\\)*\|")


class _Context(NamedTuple):
    """What a run of inline Markdown needs to become slots (see :class:`RunContext`)."""

    ref: str
    escape: Callable[[str], str]
    kind: str = "text"
    #: The characters the source escapes for an extension (see md_escape.escaped_in), escaped in translations.
    escaped: str = ""
    #: Whether the source writes ``|`` as it is (see md_escape.escape_markdown_keeping).
    pipes: bool = False
    #: The characters the source writes as references (see md_escape.references_in), so written in translations.
    references: tuple[tuple[str, str], ...] = ()
    #: What the source writes in brackets as it is (see md_escape.brackets_in), so written in translations.
    brackets: tuple[str, ...] = ()
    #: The words the source writes with escapes of its own (see md_spellings.spellings_in), so written in translations.
    spellings: tuple[tuple[str, str], ...] = ()
    #: Whether the run is a table's cell, or a line kramdown may read as a table's row, or its
    #: paragraph's markup holds a backtick (see :func:`_ticked_atoms`): a translation's backticks
    #: are written as references (see md_escape.backticks_as_references).
    row: bool = False
    notes: tuple[str, ...] = ()
    preformatted: bool = False
    markable: bool = True
    #: Whether its escapes are written as character references: raw HTML to Goldmark (see
    #: :attr:`~transpub.formats.document.TextSlot.in_html_block`), where a backslash shows.
    as_references: bool = False
    #: The runs of ``=``, ``^`` and ``+`` the source writes as they are: a translation keeps them
    #: where the source has them (see md_runs.runs_written_as_they_are).
    runs: frozenset[str] = frozenset()
    #: The words the source writes that magiclink makes links of (see md_escape.magiclinks_in), so written in translations.
    links: tuple[tuple[str, str], ...] = ()
    #: Whether a line of the source starts with a callout's marker (``NOTE:``, see
    #: md_escape.CALLOUT_MARKER): a translation starting with one writes it as it is.
    callout: bool = False
    #: The word holding the block's only backtick, written as it is (see :func:`_lone_tick_word`).
    tick_word: str = ""
    #: The words of its text escaping a backtick, kept where a translation keeps them (see
    #: :func:`_escaped_tick_words`).
    escaped_ticks: tuple[tuple[str, tuple[bool, ...]], ...] = ()
    #: The words of its text holding backticks it writes as they are, where its markup's only
    #: backticks are code spans' (see :func:`_text_tick_words`), and how many backticks it writes.
    tick_words: tuple[str, ...] = ()
    ticks: int = 0
    #: Whether its text writes a ``]`` that closes nothing (see md_escape.LONE_CLOSING), also on a
    #: page defining references (see md_lone_closings).
    lone_closing: bool = False
    #: The brackets its text writes around a link (see md_link_brackets.link_brackets_in).
    link_brackets: tuple[tuple[str, str], ...] = ()
    #: The stretches of its text that look like a tag and are none (see md_tag_text.tag_texts_in).
    tag_texts: tuple[str, ...] = ()
    #: The bare URLs its text writes a ``~``, ``*`` or ``_`` right before (see md_url_leads.url_leads_in).
    url_leads: frozenset[tuple[str, str]] = frozenset()
    #: Read for Hugo or MkDocs: the bare URLs its text writes a ``*``, ``_`` or ``~`` right after (see
    #: md_url_trails.url_trails_in).
    url_trails: frozenset[tuple[str, str]] = frozenset()


def _plain_text(inline: Token) -> str:
    """What the inline content ``inline`` reads, without its markup (a line break: a space)."""
    return collapse_space(
        "".join(
            [
                child.content
                if child.type in ("text", "code_inline")
                else " "
                if child.type.endswith("break")
                else ""
                for child in inline.children or ()
            ]
        )
    )


def _lined(atoms: list[Atom]) -> str:
    """The text of ``atoms`` as written, its markup a line break (brackets, words and markers do not
    run across it)."""
    return "".join(atom.raw if atom.kind == "text" else "\n" for atom in atoms)


def _opens_link(piece: PairedPieces | list[Part]) -> bool:
    """Whether the markup of a placeholder (``piece``) opens a link's text (``[``)."""
    return isinstance(piece, PairedPieces) and "[" in "".join(p for p in piece.open if isinstance(p, str))


def _text_after(out: list[Part], at: int, after: str) -> str:
    """What follows the unit at ``at`` among ``out`` (a run's parts, ``after`` the run's trail as
    written): the strings after it, then ``x`` for a unit whose markup starts with no ``[``, ``[``
    for other markup (or such a unit), or ``after`` at the run's end."""
    text = ""
    for part in out[at + 1 :]:
        if isinstance(part, str):
            text += part
            continue
        if isinstance(part, TextSlot) and not any(_starts_bracket(p) for p in part.pieces.values()):
            return text + "x"
        return text + "["
    return text + after


def _starts_bracket(piece: PairedPieces | list[Part]) -> bool:
    """Whether the markup of a placeholder (``piece``, its opening) starts with ``[`` (or not with
    a string)."""
    parts = piece.open if isinstance(piece, PairedPieces) else piece
    return not parts or not isinstance(parts[0], str) or parts[0].startswith("[")


def _opens_link_at(pieces: dict[int, PairedPieces | list[Part]], number: int) -> bool:
    """Whether the placeholder ``number`` of ``pieces`` opens a link's text (see :func:`_opens_link`)."""
    piece = pieces.get(number)
    return piece is not None and _opens_link(piece)


def _starts_split_closing(ctx: _Context, written: str) -> bool:
    """Whether ``written`` (a translation's text, escaped) starts with the text and ``]`` that the
    source writes after markup in brackets around it (see md_escape.brackets_in)."""
    return any(
        written.startswith(escape_markdown(inner[1:], ctx.as_references) + "]")
        for inner in ctx.brackets
        if inner.startswith("\n")
    )


def _starts_callout(lined: str) -> bool:
    """Whether a line of ``lined`` (see :func:`_lined`) starts with a callout's marker (``NOTE:``)."""
    return any(CALLOUT_MARKER.match(line.lstrip(" \t>")) for line in lined.split("\n"))


def _source_escape(ctx: _Context, *, line_start: bool = False) -> Callable[[str], str]:
    """How a translation of a run of ``ctx`` is written (at a ``line_start``): as
    :func:`escape_markdown` (:func:`escape_markdown_line`), keeping what the source escapes, writes
    as it is or as references (see md_escape.escape_markdown_keeping)."""
    escape: Callable[[str], str]
    if not (ctx.escaped or ctx.pipes or ctx.references or ctx.brackets or ctx.spellings or ctx.links):
        if line_start:
            escape = functools.partial(
                escape_markdown_line, as_references=ctx.as_references, callouts=not ctx.callout
            )
        else:
            escape = functools.partial(escape_markdown, as_references=ctx.as_references)
    else:
        keeping = functools.partial(
            escape_markdown_keeping,
            escaped=ctx.escaped,
            pipes=ctx.pipes,
            references=ctx.references,
            brackets=ctx.brackets,
            spellings=ctx.spellings,
            links=ctx.links,
            callouts=not ctx.callout,
        )
        if ctx.as_references:
            keeping = functools.partial(keeping, as_references=True)
        escape = functools.partial(keeping, line_start=True) if line_start else keeping
    return functools.partial(backticks_as_references, escape) if ctx.row else escape


class _RefNames:
    """References in the style of the HTML reader's: ``body/p(first-four-words)``, an element's own
    id (``{#id}``) when it has one; an element starting like an earlier one gets more words, then ``~2``."""

    def __init__(self) -> None:
        self.used: dict[str, int] = {}

    def name(self, tag: str, text: str, anchor: str | None = None) -> str:
        """The reference of element ``tag`` whose text starts with ``text``."""
        if anchor:
            return anchor
        words = [word.lower() for word in _WORDS.findall(text[:400])[:10]]
        name = self._path(tag, words[:4], 40)
        if name in self.used:
            longer = self._path(tag, words, 100)
            if longer not in self.used:
                self.used[longer] = 1
                return longer
        count = self.used.get(name, 0) + 1
        self.used[name] = count
        return name if count == 1 else f"{name}~{count}"

    @staticmethod
    def _path(tag: str, words: list[str], limit: int) -> str:
        key = "-".join(words)[:limit].strip("-")
        return f"body/{tag}({key})" if key else f"body/{tag}"


class _Builder(RunSlots):
    """Walks markdown-it's block tokens once, collecting the parts of each region it reads."""

    def __init__(
        self, source: Source, parsed: str, options: ReadOptions, shown: str, templates: list[Template]
    ) -> None:
        self.source = source
        self.parsed = parsed  # the text markdown-it read (same offsets; front matter and templates masked)
        self.options = options
        self.shown = shown
        self.templates = templates
        self.inline_templates = [t for t in templates if not t.block]
        self.inline_starts = [t.start for t in self.inline_templates]
        #: where MkDocs' plugins' lines start (a snippet in an HTML block keeps the block as written)
        self.line_token_starts = [t.start for t in templates if t.opener in LINE_OPENERS]
        self.names = _RefNames()
        self.regions: list[tuple[int, int, list[Part]]] = []
        self.warnings: list[Issue] = []
        self.first_heading: str | None = None
        #: The page's headings in order, each with the parts where its id may be written and where
        #: its ids are counted (-1: the page; else the start of the ``{{< x >}}`` pair it is in,
        #: whose inside Hugo renders on its own).
        self.headings: list[tuple[Heading, list[HeadingId], int]] = []
        #: the page's shortcode pairs (a Docsy tab's tabpane)
        self.shortcode_pairs = closed_pairs(t for t in templates if t.shortcode)
        self.id_scopes = [
            (opener.end, closer.start)
            for opener, closer in closed_pairs(t for t in templates if t.opener == "{{<")
        ]
        #: Reads a front matter value that is Markdown (its text, where it is written).
        self.markdown: Callable[[str, int], Document] | None = None
        self.depth = 0
        self.reader = InlineReader(
            source,
            parsed,
            SlotNamer(
                ref=lambda tag, words: self.names.name(tag, words),
                extract_symbols=options.extract_symbols,
                attributes=options.attributes,
                code_shortcodes=options.code_shortcodes,
                template_parts=self.template_parts,
                kramdown=options.kramdown,
            ),
        )
        self.title_kind = False  # the first heading is the title (no front matter title)
        #: The labels of the page's reference definitions (normalized as markdown-it does).
        self.labels: frozenset[str] = frozenset()
        #: Where CommonMark reads an HTML block the reader reads as Markdown (:func:`_commonmark_html_spans`).
        self.html_spans: list[tuple[int, int]] = []

    # -- RunSlots

    def slot_ref(self, ctx: RunContext) -> str:
        """The block's reference."""
        assert isinstance(ctx, _Context)
        return ctx.ref

    def slot_escape(self, ctx: RunContext) -> Callable[[str], str]:
        """Markdown escaping."""
        assert isinstance(ctx, _Context)
        return ctx.escape

    def slot_escape_line_start(self, ctx: RunContext) -> Callable[[str], str] | None:
        """Markdown escaping of text that starts a line."""
        assert isinstance(ctx, _Context)
        return _source_escape(ctx, line_start=True)

    def for_translators(self, msgid: str) -> bool:
        """As for every format, but never text holding the reader's inner marks (a template token
        over two blocks, ``[r]:{%⏎%}T``, leaves the second block some): kept as written."""
        return MASK not in msgid and super().for_translators(msgid)

    # -- regions

    def add(self, start: int, end: int, parts: list[Part]) -> None:
        """Read ``start..end`` of the text as ``parts`` (instead of as written)."""
        self.regions.append((start, end, parts))

    def warn(self, pos: int, message: str) -> None:
        """A block kept as written, with the reason."""
        self.warn_line(self.source.line_of(pos), message)

    def warn_line(self, line: int, message: str) -> None:
        """:meth:`warn` of the 1-based ``line``."""
        self.warnings.append(Issue(self.shown, line, "markdown", message, severity="warning"))

    def parts(self) -> list[Part]:
        """The document's parts: the regions read, the text between them as written."""
        out: list[Part] = []
        pos = 0
        for start, end, parts in sorted(self.regions, key=lambda region: region[0]):
            if start < pos:
                continue  # never: regions do not overlap
            if start > pos:
                out.append(self.source.raw(pos, start))
            out.extend(parts)
            pos = end
        if pos < len(self.source.text):
            out.append(self.source.raw(pos, len(self.source.text)))
        return [part for part in out if part != ""]

    # -- front matter

    def front_matter(self, front: FrontMatter) -> None:
        """A slot for each translated value."""
        for start, end, slot in front_matter_slots(
            front, self.source.raw, self.options, self.markdown, self.labels
        ):
            if not isinstance(slot, AttrSlot) or MASK not in slot.msgid:
                self.add(start, end, [slot])

    # -- template tokens

    def template_parts(self, template: Template) -> list[Part]:
        """The source of ``template``, its translated parameters as slots (a Liquid tag naming a
        page's or a post's file: a link target, see :func:`.document.liquid_link`)."""
        parts: list[Part] = []
        pos = template.start
        if template.opener == "{%" and template.name in ("link", "post_url"):
            tag = liquid_link(self.source.raw(template.start, template.end))
            if tag is not None:
                return [tag]
        if template.shortcode or template.opener == "{%":  # (a Liquid include's parameters too)
            pane = tabpane_of(template, self.shortcode_pairs)  # (a Docsy tab's label: "header" or the first)
            labels = ("header", "0") if pane is not None else ()
            kept = labels if pane is not None and names_its_language(template, pane) else ()
            for start, end, slot in shortcode_param_slots(  # (its output may be the page's Markdown)
                template, self.source.raw, self.options, self.names.name, kept, labels, self.labels
            ):
                parts.extend((self.source.raw(pos, start), slot))
                pos = end
        elif template.opener in ("///", ":::") and template.params:  # a block's or container's title
            title = template.params[0]
            text = plain_inline(title.value)
            msgid = escape_lookalikes(collapse_space(text)) if text is not None else ""
            marked_up = (  # (VitePress, Docusaurus and pymdownx.blocks render a title as inline Markdown)
                self.marked_up_title(template.name or "block", title.value, title.start)
                if text is None
                and not (template.opener == "///" and _read_otherwise_in_python_markdown(title.value))
                else None
            )
            if marked_up is not None:
                parts.extend((self.source.raw(pos, title.start), marked_up))
                pos = title.end
            elif text is not None and self.for_translators(msgid):
                parts.append(self.source.raw(pos, title.start))
                parts.append(
                    AttrSlot(
                        msgid,
                        self.names.name(template.name or "block", msgid) + "@title",
                        self.source.raw(title.start, title.end),
                        "attribute:title",
                        write=escape_markdown,
                    )
                )
                pos = title.end
        elif template.opener == "///" and (
            untitled := _BLOCK_UNTITLED.match(self.source.text, template.start)
        ):
            shown = (
                dict(self.options.block_titles).get(untitled.group(1))
                if self.options.default_titles
                else None
            )
            if shown is not None and self.for_translators(shown):
                parts.append(self.source.raw(pos, untitled.end()))
                parts.append(
                    self.default_title("block", shown, _DEFAULT_BLOCK_TITLE_NOTE, _block_default_title)
                )
                pos = untitled.end()
        parts.append(self.source.raw(pos, template.end))
        return parts

    def marked_up_title(self, name: str, value: str, at: int, note: str = "") -> Tag | None:
        """A title holding inline Markdown (VitePress' ``::: warning Avoid `<style scoped>```, an
        admonition's ``!!! tip "Use **this**"``, all rendered as inline Markdown) of a block ``name``:
        read as a paragraph is, its translation written on the title's line (None: nothing to
        translate, or it would read as a block of its own); ``note``: what its units tell translators."""
        if self.markdown is None or _BLOCK_START.match(value):
            return None
        document = self.markdown(value, at)
        slots = list(document.slots())
        if not slots or not all(isinstance(slot, TextSlot) for slot in slots):
            return None
        for slot in slots:
            slot.ref = self.names.name(name, slot.msgid) + "@title"
            if note:
                slot.notes = (*slot.notes, note)
        return Tag(
            document.parts, write_value=on_one_line, value_raw=(value, self.source.raw(at, at + len(value)))
        )

    # -- blocks

    def walk(
        self, tokens: list[Token], blocks: dict[int, Template], pairs: dict[int, tuple[Template, Template]]
    ) -> None:
        """Read every block of ``tokens``."""
        containers: list[str] = []
        leaf: tuple[str, Token] | None = None
        first_in_item_paragraph = first_in_quote_paragraph = False
        table: Token | None = None
        row: list[tuple[str, ContentMap]] = []
        row_ticks = 0  # (the backticks of the table row the walk is in)
        dl: Token | None = None
        skip_inline = False
        previous = ""
        lists: list[str] = []  # the note of the items of each list the walk is in ("": none)
        paragraph: Token | None = None  # the inline token read last (a list's introduction, if one)
        headers: list[str] = []  # the header of each column of the table the walk is in
        in_head = False
        column = 0
        row_label = ""
        placeholders = self.placeholder_lists(tokens) if self.options.kramdown else set()
        # (what a <script> a previous block left open runs on through: not read; kramdown closes it at
        # its paragraph's end and shows the blocks after it, the code before the end tag kept still)
        inside = open_elements(tokens)
        if self.options.kramdown:
            inside = OpenElements(set(), inside.ending)
        for index, token in enumerate(tokens):
            if index in placeholders:
                continue  # (kramdown's table of contents, its text never shown: kept as written)
            kind, first_in_item, first_in_quote, after_paragraph = (
                token.type,
                previous == "list_item_open",
                previous == "blockquote_open",
                previous == "paragraph_close",
            )
            previous = kind
            if kind in _CONTAINERS:
                containers.append(_CONTAINERS[kind])
                if (
                    kind == "admonition_open" and index not in inside.kept
                ):  # (its title's inline follows admonition_title_open;
                    self.admonition_title(token)  # one with an empty title "" has none)
            elif kind.endswith("_close") and kind.replace("_close", "_open") in _CONTAINERS:
                containers.pop()
            elif kind == "paragraph_open":
                tag = containers[-1] if token.hidden and containers else "p"
                leaf = (tag, token)
                first_in_item_paragraph = first_in_item
                first_in_quote_paragraph = first_in_quote
            elif kind == "heading_open":
                leaf = (token.tag, token)
            elif kind in ("bullet_list_open", "ordered_list_open"):
                # (a list right after a paragraph ending with a colon, **Needs:** too; else the note of
                # the list around it)
                end = paragraph.content.rstrip()[-4:] if after_paragraph and paragraph is not None else ""
                intro = _plain_text(paragraph) if ":" in end or "\uff1a" in end else ""  # type: ignore[arg-type]
                if introduces_list(intro):
                    lists.append(list_note(intro, self.options.source_locale))
                else:
                    lists.append(lists[-1] if lists else "")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if lists:
                    lists.pop()
            elif kind == "table_open":
                table = token
                headers = []
            elif kind == "thead_open" or kind == "thead_close":
                in_head = kind == "thead_open"
            elif kind == "tr_open":
                row = self.table_row(table, token)
                row_ticks = sum(cell.count("`") for cell, _ in row)
                column = -1
            elif kind in ("th_open", "td_open"):
                leaf = (kind[:2], token)
                column += 1
            elif kind == "dl_open":
                dl = token
            elif kind == "dt_open":
                leaf = ("dt", token)
            elif kind == "admonition_title_open":
                skip_inline = True
            elif kind == "html_block":
                if index not in inside.kept and index not in inside.ending:  # (code, to the end tag: kept)
                    self.html_block(token, blocks, pairs)
            elif kind == "inline":
                paragraph = token
                if skip_inline:
                    skip_inline = False
                elif leaf is not None:
                    notes = (lists[-1],) if lists and lists[-1] else ()
                    if leaf[0] in ("th", "td"):
                        shown = _plain_text(token)
                        if in_head:
                            headers.append(shown)
                        elif any(headers):  # (a table without headers lays text out: no note)
                            if column == 0:
                                row_label = shown
                            header = headers[column] if column < len(headers) else ""
                            note = table_cell_note(header, row_label if column else "")
                            notes = (*notes, note) if note else notes
                    self.inline(
                        token,
                        leaf,
                        containers,
                        row,
                        dl,
                        task=first_in_item_paragraph,
                        alert=first_in_quote_paragraph,
                        notes=notes,
                        row_ticks=row_ticks,
                        open_before=inside.ending.get(index, ""),
                        hidden=index in inside.kept,
                    )
                leaf = None

    def placeholder_lists(self, tokens: list[Token]) -> set[int]:
        """The indices of the tokens of the lists that kramdown replaces (see :func:`.placeholder_lists`)."""
        lists = {
            self.source.line_of(template.start) - 1: self.source.text[template.start : template.end]
            for template in self.templates
            if template.block and template.opener == "{:"
        }
        return placeholder_lists(tokens, self.parsed, lists) if lists else set()

    def inline(
        self,
        token: Token,
        leaf: tuple[str, Token],
        containers: list[str],
        row: list[tuple[str, ContentMap]],
        dl: Token | None,
        *,
        task: bool,
        alert: bool = False,
        notes: tuple[str, ...] = (),
        row_ticks: int = 0,
        open_before: str = "",
        hidden: bool = False,
    ) -> None:
        """Read the inline content ``token`` of the block ``leaf`` (its tag and opening token);
        ``notes``: what its units tell translators of where it stands; ``row_ticks``: a table
        cell's, how many backticks its row writes (kramdown and Python-Markdown pair a cell's
        backtick with another cell's); ``open_before``: the ``<script>`` or ``<style>`` a previous
        block left open, whose end tag is in it; ``hidden``: one runs all through it (kept as
        written, see :mod:`.md_open_elements`)."""
        tag, opener = leaf
        content = token.content
        heading = self.heading(token, opener) if opener.type == "heading_open" else None
        mapping: ContentMap | None = None
        if tag in ("th", "td") and row:
            cell, cell_map = row.pop(0)
            mapping = cell_map if cell == content else None
        if hidden:
            return  # (code to the browser: kept as written; a heading is counted still, as Hugo does)
        if not content.strip() or (opener.type == "paragraph_open" and opener.map is None):
            return  # (a paragraph without a map is made by a plugin: an inline footnote's text)
        lines = opener.meta.get("lines") if opener.meta else None
        if tag in ("th", "td"):
            pass
        elif tag == "dt":
            mapping = _single_line(content, dl, opener.map, self.parsed)
        elif opener.type == "heading_open" and opener.markup.startswith("#"):
            mapping = _heading_map(content, lines, len(opener.markup), self.parsed)
        else:
            mapping = line_content_map(content, lines, self.parsed) if lines else None
        if mapping is None:
            self.warn(
                _first_line(opener, self.source.text),
                f"could not place the text of a <{tag}>; kept as written",
            )
            return
        loose_table = _LOOSE_TABLE.match(content) if tag == "p" and "-" in content else None
        if loose_table is not None and "|" in loose_table.group(1):
            self.warn(
                _first_line(opener, self.source.text),
                "a table whose delimiter row has another number of cells than its header: Hugo shows "
                "it as a table, CommonMark as a paragraph; kept as written (give both rows as many cells)",
            )
            return
        markup = markup_in_text(content, opener.type, task=task, alert=alert)
        if markup is None:
            return  # a block attribute line ({.class}): markup
        objects = [(mapping(start), mapping(end), name) for start, end, name in markup.spans]
        anchor = markup.anchor
        start, end = mapping(0), mapping(len(content))
        try:
            atoms = self.reader.atoms(token, mapping, self.templates_in(start, end), objects, open_before)
        except Misaligned as exc:
            self.warn(start, f"could not read the Markdown of a <{tag}> exactly ({exc}); kept as written")
            return
        words = "".join(atom.text if atom.kind == "text" else atom.shows or "" for atom in atoms[:40])
        kind = "text"
        if opener.type == "heading_open" and self.first_heading is None:
            self.first_heading = collapse_space(words)
            if self.title_kind:
                kind = "title"
        # raw HTML to Goldmark (Markdown to kramdown and MkDocs): a backslash shows there
        in_html = bool(self.html_spans) and any(begin <= start < stop for begin, stop in self.html_spans)
        text = "".join(atom.raw for atom in atoms if atom.kind == "text")  # (its text as written)
        # what the author escaped for an extension (magiclink's \#1) a translation escapes too
        # its text as written, its markup a space (escapes and links do not run across it)
        spaced = (
            "".join(atom.raw if atom.kind == "text" else " " for atom in atoms)
            if "\\" in text or _MAY_LINK.search(text)
            else ""
        )
        escaped = escaped_in(spaced) if "\\" in text else ""
        # a pipe written as it is (a table's row in kramdown) a translation writes so too; not in a cell
        pipes = tag not in ("td", "th") and _holds_pipe(atoms)
        # its text as written, its markup a line break (brackets and words do not run across it)
        lined = _lined(atoms) if any(char in text for char in "[]\\{=^+:_") else ""
        # a character the source writes as a reference (&mdash;, &nbsp;) a translation writes so too
        references = references_in(text) if "&" in text else ()
        # text in brackets the source writes as it is ([watch], no link) a translation writes so too
        brackets = brackets_in(lined) if "[" in text or "]" in text else ()
        lone_closing = LONE_CLOSING in brackets and not (self.labels and LONE_OPENING in brackets)
        if self.labels and (LONE_OPENING in brackets or LONE_CLOSING in brackets):
            # a lone [ kept could open a label with a ] of other text (of this unit or, where
            # Python-Markdown joins a list to a paragraph, the next), and a lone ] close one with
            # a [ before it: no page's definition is safe (a ] is kept where the text before it
            # ends no label, see md_lone_closings)
            brackets = tuple(inner for inner in brackets if inner not in (LONE_OPENING, LONE_CLOSING))
        # a word the source writes with escapes of its own, or as it is (\\pipe, web-{0..N-1}, &#126;https://,
        # { _lazy: }) a translation writes so too
        underscores = "_" in text and underscores_kept(atoms)
        spellings = (
            spellings_in(
                lined,
                braces_after_space=tag in BRACES_AFTER_SPACE,
                as_references=in_html,
                underscores=underscores,
            )
            if "\\" in text or "{" in text or ("&" in text and "://" in text) or underscores or "__" in text
            else ()
        )
        # a reference or mention the source writes as it is (#12, @anna), magiclink's link, a translation writes so too
        links = magiclinks_in(spaced, in_html) if _MAY_LINK.search(text) else ()
        # markup holding a backtick (an alt text's, a title's): a translation's are references
        ticked = _ticked_atoms(atoms)
        # the block's only backtick, in its text (It`s): kept where a translation keeps its word
        # (a table cell's: where its row's backticks are all its own)
        alone = "`" in text and (tag not in ("td", "th") or _ticks_written(atoms) == row_ticks)
        tick_word = _lone_tick_word(atoms) if alone else ""
        # (more backticks, its markup's in code spans only: kept where no renderer pairs them)
        tick_words = (
            _text_tick_words(atoms) if alone and not (tick_word or ticked) and "\\`" not in text else ()
        )
        for atom in atoms if ticked or tick_word or tick_words else ():
            if tick_word or tick_words or any(other is not atom for other in ticked):
                _alt_ticks_as_references(atom)
        ctx = _Context(
            ref=self.names.name(tag, words, anchor),
            escape=escape_markdown,
            kind=kind,
            escaped=escaped,
            pipes=pipes,
            references=references,
            brackets=brackets,
            spellings=spellings,
            links=links,
            as_references=in_html,
            # (where the source escapes a backtick itself, a translation keeping its word keeps that spelling)
            row=pipes or tag in ("td", "th") or bool(ticked) or bool(tick_word) or bool(tick_words),
            runs=_runs_of(atoms, lined)
            if "=" in text or "^" in text or "+" in text or "{" in text
            else frozenset(),
            callout=":" in text and _starts_callout(lined),
            notes=notes,
            tick_word=tick_word,
            tick_words=tick_words,
            ticks=_ticks_shown(atoms) if tick_words else 0,
            escaped_ticks=_escaped_tick_words(atoms) if "\\`" in text else (),
            tag_texts=tag_texts_in(atoms) if "<" in text else (),
            url_leads=url_leads_in(atoms) if "~" in text or "*" in text or "_" in text else frozenset(),
            url_trails=url_trails_in(atoms)
            if (self.options.goldmark_urls or self.options.magiclink_urls)
            and ("~" in text or "*" in text or "_" in text)
            else frozenset(),
            link_brackets=link_brackets_in(atoms) if "[" in text and "](" in text else (),
            lone_closing=lone_closing,
        )
        ctx = ctx._replace(escape=_source_escape(ctx))
        out: list[Part] = []
        if markup.alert:
            title, line_break, atoms = _first_line_apart(atoms)
            if _balanced(title):  # (the marker, then the title a unit of its own, if any)
                self.emit_run(title, ctx, out)
            else:  # (a link over its line, cut: kept as written)
                _emit_plain(title, out)
            _emit_plain(line_break, out)
        # a list of pymdownx.fancylists (a. b. c.), or a paragraph like one, or an item's first
        # paragraph with such items under its first line (nested to MkDocs): a unit per line, each
        # marker kept; else a unit per abbreviation's definition and per run between them (on a site
        # no fancylists builds, a paragraph's "J. Smith said" is prose: "J." is the translator's)
        marked = tag in ("p", "li") and (task or self.options.fancy_lists)
        lines = _marked_lines(atoms, in_item=task) if marked else None
        if (
            lines is None and pipes and tag in ("p", "li", "dd")
        ):  # a table's rows in kramdown: a unit per line
            lines = _piped_lines(atoms)
        if lines is None and tag in ("p", "dt", "li"):  # terms and definitions of kramdown's lists
            lines = _defined_lines(atoms)
        if lines is None and in_html:  # a quote's "> " on its later lines: text to Goldmark
            lines = _quoted_lines(atoms)
        if lines is None and containers[-1:] == ["dd"] and _definition_follows(self.parsed, end):
            lines = [([], run, line_break) for run, line_break in _lines(atoms)]
        if lines is None:
            lines = [([], run, line_break) for run, line_break in _abbreviation_lines(atoms)]
        for number, (marker, run, line_break) in enumerate(lines):
            if number:  # a line of its own: a unit of its own
                shown = "".join(atom.text if atom.kind == "text" else atom.shows or "" for atom in run[:40])
                ctx = ctx._replace(ref=self.names.name(tag, shown), kind="text")
            if (
                len(lines) > 1
            ):  # (a pipe a line's translation brings where it has none: \|; a callout's marker)
                ctx = ctx._replace(pipes=pipes and _holds_pipe(run), callout=_starts_callout(_lined(run)))
                ctx = ctx._replace(escape=_source_escape(ctx))
            _emit_plain(marker, out)
            if _balanced(run):
                self.emit_run(run, ctx, out)
            else:  # (a line cutting a pair markdown-it reads over lines, [A\n: b](u): no link to a
                _emit_plain(run, out)  # renderer reading the line apart; kept as written)
            _emit_plain(line_break, out)
        if ticked:  # (a translation that moves markup holding a backtick pairs it as the source does)
            _ticks_paired_as_in_source(out)
        _spaced_code_in_place(out)
        _glued_code_apart(out)
        if in_html:
            for part in out:  # (Markdown to kramdown and MkDocs, an HTML block's raw HTML to Goldmark)
                if isinstance(part, TextSlot):
                    part.in_html_block = True
        self.add(start, end, out)
        if heading is not None and heading.attributes:
            self.heading_id_in_list(heading, out)
        if heading is not None:
            self.heading_id_place(heading, opener, end, [part for part in out if isinstance(part, TextSlot)])

    def heading(self, token: Token, opener: Token) -> Heading:
        """The record of a heading for the ids of the page's headings (:mod:`.heading_ids`)."""
        content, children = token.content, list(token.children or [])
        found = Heading()
        lines = opener.meta.get("lines") if opener.meta else None
        templates = self.templates_in(lines[0][0], lines[-1][2]) if lines else []
        colon = None
        if len(templates) == 1 and templates[0].opener == "{:":  # (kramdown's IAL token: masked)
            unmasked = _unmasked_list(
                content, children, self.source.text[templates[0].start : templates[0].end]
            )
            colon = COLON_ATTRIBUTES.search(unmasked[0]) if unmasked else None
            if unmasked and colon:  # its own list in attr_list's colon form, after its text
                (content, children), templates = unmasked, []
        markup = markup_in_text(content, "heading_open")
        if markup is None or not lines or MASK in content:
            pass
        elif markup.anchor:
            found.explicit = markup.anchor
        elif templates:
            pass  # (a template's output: not known here)
        elif colon is not None and not markup.spans:
            self.heading_bases_with_list(found, content, children, colon.start())
        elif not markup.spans:
            found.bases = base_ids(children, content, self.options.mkdocs_ids)
        elif [tag for _, _, tag in markup.spans] == ["attributes"]:  # its own list without an id
            self.heading_bases_with_list(found, content, children, markup.spans[0][0])
        at = lines[0][0] if lines else 0
        if self.html_spans and any(begin <= at < stop for begin, stop in self.html_spans):
            found.in_html_block = True  # (raw HTML to Goldmark, a heading to kramdown and MkDocs)
            if found.bases is not None:
                found.bases = in_html_block(found.bases, content)
        scopes = [start for start, end in self.id_scopes if start <= at < end]
        self.headings.append((found, [], max(scopes, default=-1)))
        return found

    def heading_bases_with_list(self, found: Heading, content: str, children: list[Token], at: int) -> None:
        """The ids of ``found``, a heading of text ``content`` (inline ``children``) that ends in its
        own attribute list from ``at`` on: of its text before the list to a generator that reads the
        list, of its whole text to one that shows the list as text (the id is then written after it)."""
        whole = base_ids(children, content, self.options.mkdocs_ids)
        last = children[-1] if children else None
        if last is None or last.type != "text" or not last.content.endswith(content[at:]):
            return
        children[-1] = last.copy(content=last.content[: len(last.content) - len(content) + at])
        found.bases = base_ids(children, content[:at], self.options.mkdocs_ids)
        found.attributes = attributes = content[at:].strip()
        for style in found.bases:
            if not reads_list(style, attributes):
                found.bases[style] = whole.get(style, "")
        if attributes.startswith("{:"):  # (how mdBook reads attr_list's colon form: not known)
            found.bases.pop("mdbook", None)

    def heading_id_place(self, heading: Heading, opener: Token, end: int, slots: list[TextSlot]) -> None:
        """After a heading's text (``end``), the place where compile may write its id: before the
        spaces that end its line, its closing ``#``s in it (ATX)."""
        if heading.bases is None or not slots:
            return
        closing_end = end
        if opener.markup.startswith("#"):
            line_end = self.source.text.find("\n", end)
            line = self.source.text[end : line_end if line_end >= 0 else len(self.source.text)]
            closing_end = end + len(line.rstrip(" \t"))
        part = HeadingId(slots, {}, self.source.raw(end, closing_end))
        self.headings[-1][1].append(part)
        self.add(end, closing_end, [part])

    def heading_id_in_list(self, heading: Heading, out: list[Part]) -> None:
        """In a heading's own attribute list (``{.wide}``, the end of its parts ``out``), the place
        where compile may write its id: right after the list's ``{`` (or ``{:``)."""
        slots = [part for part in out if isinstance(part, TextSlot)]
        places = [(i, p) for i, p in enumerate(out) if isinstance(p, str) and heading.attributes in p]
        if not slots or not places:
            return
        index, text = places[-1]
        opening = _LIST_OPENING.match(text, text.rfind(heading.attributes))
        if opening is None:
            return
        part = HeadingId(slots, {}, attributes=heading.attributes)
        out[index : index + 1] = [text[: opening.end()], part, text[opening.end() :]]
        self.headings[-1][1].append(part)

    def heading_ids(self) -> None:
        """Each heading's id in each style, now that the page's headings are known."""
        ids: list[dict[str, str]] = [{} for _ in self.headings]
        in_scope: dict[int, list[int]] = {}
        for number, (_, _, scope) in enumerate(self.headings):
            in_scope.setdefault(scope, []).append(number)
        for numbers in in_scope.values():
            for number, found in zip(
                numbers, unique_ids([self.headings[n][0] for n in numbers]), strict=True
            ):
                ids[number] = found
        for (heading, parts, _), found in zip(self.headings, ids, strict=True):
            for part in parts:  # (a heading with a list of its own: in it where it is read, else after it)
                in_list = bool(part.attributes)
                part.ids = {
                    style: written
                    for style, written in found.items()
                    if not heading.attributes or in_list == reads_list(style, heading.attributes)
                }

    def templates_in(self, start: int, end: int) -> list[Template]:
        """The inline template tokens within ``start..end``."""
        index = bisect.bisect_left(self.inline_starts, start)
        found = []
        while index < len(self.inline_templates) and self.inline_templates[index].start < end:
            found.append(self.inline_templates[index])
            index += 1
        return found

    def emit_run(self, atoms: list[Atom], ctx: _Context, out: list[Part]) -> None:
        """Units of the run's text; whitespace and markup at its edges (and an element around all of
        it) stay outside them."""
        if not any(atom.kind == "text" and atom.text.strip() for atom in atoms):
            _emit_plain(atoms, out)
            return
        lead, core, trail = _trim(atoms)
        _emit_plain(lead, out)
        first = len(out)
        self.emit_sentences(core, ctx, out)
        texts = [(atom.raw, atom.text) if atom.kind == "text" else ("\n", "\n") for atom in core]
        if any(_RUN_CHARS.search(shown) for _, shown in texts):
            # the source's runs of =, ^ and + a translation keeps where the source has them
            slots = [part for part in out[first:] if isinstance(part, TextSlot)]
            as_written = runs_as_written(
                "".join(raw for raw, _ in texts), "".join(shown for _, shown in texts)
            )
            by_unit = (
                runs_by_unit([slot.msgid for slot in slots], as_written) if as_written is not None else None
            )
            for number, slot in enumerate(slots):
                if by_unit is not None and any(by_unit[number]):
                    slot.keep_runs = runs_keeper(slot.msgid, ctx.runs, by_unit[number])
                elif by_unit is None and ctx.runs:
                    slot.keep_runs = runs_keeper(slot.msgid, ctx.runs)
        if ctx.lone_closing:
            self.lone_closings_at_ends(out, first, trail)
        for part in out[first:] if ctx.lone_closing else ():
            if isinstance(part, TextSlot) and any(_opens_link(piece) for piece in part.pieces.values()):
                # (a lone ] kept in a link's text would end it there)
                part.keep_runs = functools.partial(
                    closings_in_links_escaped,
                    functools.partial(_opens_link_at, part.pieces),
                    functools.partial(_starts_split_closing, ctx),
                    part.keep_runs,
                )
        if ctx.escaped_ticks and ctx.row:
            words = dict(ctx.escaped_ticks)
            for part in out[first:]:
                if isinstance(part, TextSlot) and "`" in part.msgid:
                    ticked = ticked_parts(part.pieces)
                    part.keep_runs = functools.partial(
                        escaped_ticks_kept, words, part.msgid, ticked, part.keep_runs
                    )
        if ctx.tick_word:  # (after the escaped backticks kept: none may follow it)
            for part in out[first:]:
                if isinstance(part, TextSlot) and ctx.tick_word in part.msgid:
                    part.keep_runs = functools.partial(_tick_kept, ctx.tick_word, part.keep_runs)
        for part in out[first:] if ctx.tick_words else ():
            if isinstance(part, TextSlot) and "`" in part.msgid:
                marks = tick_marks(part.pieces)
                if part.msgid.count("`") + sum(o.count("`") + c.count("`") for _, o, c in marks) == ctx.ticks:
                    part.keep_runs = functools.partial(text_ticks_kept, ctx.tick_words, marks, part.keep_runs)
        for part in out[first:] if ctx.link_brackets else ():
            if isinstance(part, TextSlot) and any(
                f"{opening}<" in part.msgid for opening, _ in ctx.link_brackets
            ):
                part.keep_runs = functools.partial(
                    link_brackets_kept, ctx.link_brackets, part.msgid, part.keep_runs
                )
                if any(URL in closing for _, closing in ctx.link_brackets):  # (its address as written)
                    part.pieces_for = functools.partial(
                        url_destinations_kept, ctx.link_brackets, part.msgid, inner=part.pieces_for
                    )
        for part in out[first:] if ctx.tag_texts else ():
            tags = tuple(
                tag for tag in ctx.tag_texts if isinstance(part, TextSlot) and shown_tag(tag) in part.msgid
            )
            if tags and isinstance(part, TextSlot):
                part.keep_runs = functools.partial(tag_texts_kept, tags, part.keep_runs)
        for part in out[first:] if ctx.url_leads else ():
            if isinstance(part, TextSlot) and any(f"{lead[-1]}<" in part.msgid for lead, _ in ctx.url_leads):
                part.keep_runs = functools.partial(
                    url_leads_kept, ctx.url_leads, part.msgid, part.pieces, part.keep_runs
                )
        for part in out[first:] if ctx.url_trails else ():
            if isinstance(part, TextSlot) and any(f"/>{trail}" in part.msgid for _, trail in ctx.url_trails):
                part.keep_runs = functools.partial(
                    url_trails_kept,
                    goldmark_ends if self.options.goldmark_urls else magiclink_ends,
                    ctx.url_trails,
                    part.msgid,
                    part.pieces,
                    part.keep_runs,
                )
        _emit_plain(trail, out)

    def lone_closings_at_ends(self, out: list[Part], first: int, trail: list[Atom]) -> None:
        """Each unit among ``out[first:]`` (a run's, ``trail`` after them) writing a ``]`` that
        closes nothing as it is where nothing after it makes a link of it (see md_lone_closings):
        at its end where a space, a line break, the run's end or markup starting so follows it, no
        ``[`` after spaces (``[x] [^1]`` is a reference in Python-Markdown without footnotes), nor a
        unit whose markup may start so; on a page defining references after its last unit only,
        with no ``[`` after it."""
        after = "".join(atom.raw if atom.kind == "text" else _written(atom.parts) for atom in trail)
        slots = [at for at in range(first, len(out)) if isinstance(out[at], TextSlot)]
        for at in slots:
            part = out[at]
            assert isinstance(part, TextSlot)
            follows = _text_after(out, at, after)
            spaced = (
                not follows or follows[:1].isspace() or follows[:1] in SAFE_AFTER
            ) and not follows.lstrip().startswith("[")
            if self.labels:
                spaced = spaced and at == slots[-1] and "[" not in after
            part.keep_runs = functools.partial(
                lone_closings_at_ends, part.pieces, spaced, self.labels, part.keep_runs
            )

    def table_row(self, table: Token | None, row: Token) -> list[tuple[str, ContentMap]]:
        """The cells of a table row: their content as markdown-it reads it, and its map."""
        lines = table.meta.get("lines") if table is not None and table.meta else None
        if not lines or table is None or table.map is None or row.map is None:
            return []
        index = row.map[0] - table.map[0]
        if not 0 <= index < len(lines):
            return []
        _, start, end = lines[index]
        return _cells(self.parsed, start, end)

    def admonition_title(self, token: Token) -> None:
        lines = token.meta.get("lines") if token.meta else None
        if not lines:
            return
        _, start, end = lines[0]
        match = _ADMONITION_TITLE.fullmatch(self.parsed, start, end)
        if not match:
            self.admonition_default_title(start, end)
            return
        if not match.group(2).strip() or MASK in match.group(2):
            return  # no title, or a template token in it: kept as written (a unit would lose it)
        text = plain_inline(match.group(2))
        note = _TAB_LABEL_NOTE if self.parsed.startswith("===", start) else ""
        if text is None:  # (emphasis, code, a link: MkDocs renders the title as inline Markdown)
            if _read_otherwise_in_python_markdown(match.group(2)):
                return  # kept as written (its link would be written as text)
            marked_up = self.marked_up_title("admonition", match.group(2), match.start(2), note)
            if marked_up is not None:
                self.add(match.start(2), match.end(2), [marked_up])
            return
        msgid = escape_lookalikes(collapse_space(text))
        if not self.for_translators(msgid):
            return
        self.add(
            match.start(1),
            match.end(1),
            [
                AttrSlot(
                    msgid,
                    self.names.name("admonition", msgid) + "@title",
                    self.source.raw(match.start(1), match.end(1)),
                    "attribute:title",
                    notes=(note,) if note else (),
                    write=_admonition_title,
                )
            ],
        )

    def admonition_default_title(self, start: int, end: int) -> None:
        """The title MkDocs (Python-Markdown) shows of an admonition that gives none, its type
        capitalized (``!!! warning``: "Warning"), as a unit: written after the type only when translated."""
        untitled = _ADMONITION_UNTITLED.match(self.parsed[:end], start)
        if not untitled or not self.options.default_titles:
            return
        msgid = untitled.group(1).lower().capitalize()
        if not self.for_translators(msgid):
            return
        slot = self.default_title("admonition", msgid, _DEFAULT_TITLE_NOTE, _admonition_default_title)
        self.add(untitled.end(), untitled.end(), [slot])

    def default_title(self, kind: str, title: str, note: str, write: Callable[[str], str]) -> AttrSlot:
        """The slot of the ``title`` a block of ``kind`` (admonition, block) shows when it writes
        none, written by ``write`` (``note``: what the translator is told)."""
        return AttrSlot(
            title, self.names.name(kind, title) + "@title", "", "attribute:title", notes=(note,), write=write
        )

    def html_block(
        self, token: Token, blocks: dict[int, Template], pairs: dict[int, tuple[Template, Template]]
    ) -> None:
        lines = token.meta.get("lines") if token.meta else None
        if not lines:
            return
        start = lines[0][1]
        if start in pairs:
            opener, closer = pairs[start]
            self.add(
                opener.start,
                closer.end,
                [
                    *self.template_parts(opener),
                    *self.inside_kept(opener, closer),
                    *self.template_parts(closer),
                ],
            )
            return
        if start in blocks:
            template = blocks[start]
            self.add(template.start, template.end, self.template_parts(template))
            return
        begin = lines[0][0]
        # without the reference definitions on its last lines (md_parser.definitions_after_html),
        # kept as written, not read as its text
        definitions = token.meta.get("definitions", 0)
        html = (
            "".join(token.content.splitlines(keepends=True)[:-definitions]) if definitions else token.content
        )
        if self.options.kramdown and self.parsed.startswith(html, begin):
            html = self.without_attribute_lines(html, begin, blocks)
        end = begin + len(html)
        indented = self.parsed[begin:end] != html and html.count("\n") <= 1
        if indented:  # (one line of a list item's, a definition's: without their indentation)
            begin = lines[0][1]
            end = begin + len(html)
        contained = None  # over lines in a list item or a quote: each later line's prefix there
        if self.parsed[begin:end] != html:
            contained = contained_block(self.parsed, lines, html.removesuffix("\n"))
            if contained is None:
                return  # (a tab read as spaces, prefixes that differ): kept as written
            begin, end = contained.start, contained.end
        line_token = bisect.bisect_left(self.line_token_starts, begin)
        if line_token < len(self.line_token_starts) and self.line_token_starts[line_token] < end:
            return  # snippets are put in before the HTML is read: kept as written
        from .html import read_html
        from .html_templates import body_templates, templates_in_attributes, tokens_with_templates

        raw = as_written = self.source.raw(begin, end)
        if contained is not None:
            raw = raw.replace("\n" + contained.prefix, "\n")
        # Liquid and shortcodes are run before the HTML is read: each token is markup kept as written
        # or a placeholder in its sentence, as in an HTML page of the generator (html_content)
        templates = body_templates(raw) if "{" in raw else []
        if any(
            template.opener == "{{%" or (template.shortcode and template.closing) for template in templates
        ):
            # a {{% x %}} shortcode's output is Markdown, and what a {{< x >}} pair holds may be
            # (markdownify): a translation escaped as HTML would be a link there; kept as written
            return
        if _MARKDOWN_INSIDE.match(raw):
            return  # <div markdown="1">: kramdown reads what it holds as Markdown (as above)
        tokens = tokenize_html(raw)
        if contained is not None and any(token.tag in _PREFORMATTED for token in tokens):
            return  # its line breaks shown, and a translation is written on one line: kept as written
        if contained is not None and _MARKDOWN_LINE.search(raw):
            return  # a line Python-Markdown reads as a heading, a list…: kept as written, not joined
        try:
            document = read_html(
                raw,
                Path(self.shown),
                "utf-8",
                self.options,
                display_path=self.shown,
                tokens=tokens_with_templates(raw, 0, templates) if templates else tokens,
            )
        except ArticleError:
            return  # what HTML cannot read whole stays as written
        if contained is not None:
            parts = with_prefix(document.parts, contained.prefix)
            if parts is None:
                return  # a line break in an attribute's value: kept as written
            document = replace(document, parts=parts)
            if document.render() != as_written:
                return  # (never: the parts add up to the content) kept as written
        self.depth = max(self.depth, document.depth)
        self.warnings.extend(document.warnings)
        # in a quote or indented in a list item, Python-Markdown reads the element as inline HTML of a
        # paragraph: its text Markdown
        in_quote = ">" in self.parsed[self.parsed.rfind("\n", 0, begin) + 1 : begin]
        on_one_line = indented or contained is not None
        read_as_markdown = (
            in_quote or on_one_line or _markdown_reads_inside(tokens) or _holds_markdown_element(tokens)
        )
        if read_as_markdown and self.links_in_text(tokens):
            return  # kramdown reads its [link](…){: .btn} as one: a translation escaped as text was none
        brackets = self.literal_brackets(tokens) if read_as_markdown else ()
        tails = tails_in(tokens, _BLOCK_TAGS) if not (in_quote or on_one_line) else None
        quote_at = _quote_after_element(raw, tails)
        quote_start: TextSlot | None = None  # (the text that starts that quote)
        if quote_at is not None:
            quoted = self.quote_after_element(raw, quote_at, templates)
            if quoted is not None:  # (tails: the head's, and the quote's first line)
                document, quote_start = quoted
                head = tails_in(tokenize_html(raw[:quote_at]), _BLOCK_TAGS)
                tails = Tails([*head.spans, (quote_at, _line_end(raw, quote_at))], head.referenced)
            else:  # (a quote of other lines, markup in it: kept as written, never offered)
                quoted_slots = _slots_over(document, raw, [(quote_at, len(raw))])
                document = replace(document, parts=_as_written(document.parts, quoted_slots))
        after_element = _slots_over(document, raw, tails.spans) if tails is not None and tails.spans else []
        if tails is not None and tails.referenced and after_element:
            # Python-Markdown takes the source's own reference out of that line, and a translation's
            # escapes with it, reading what remains as Markdown: kept as written (never offered)
            document = replace(document, parts=_as_written(document.parts, after_element))
            after_element = []
        escaped_quote = _escaped_quote_start(raw, tails, after_element)
        if escaped_quote is not None:  # (offered as kramdown and Python-Markdown show it)
            escaped_quote.msgid = escaped_quote.msgid.removeprefix("\\")
        # Hugo and Jekyll run the template tokens of an attribute value as in the text: placeholders
        templates_in_attributes(document.parts, self.options.code_shortcodes)
        for slot in document.slots():  # named as in the page: body/div(boxed-text), not div(boxed-text)
            first = slot.ref.split("/", 1)[0]
            if "(" in first or "@" in first:
                slot.ref = "body/" + slot.ref
            # a blank line in a translation would end the block: what follows it would be Markdown
            if isinstance(slot, TextSlot) and slot.kind.startswith("attribute:"):  # (its text, see above)
                slot.escape = attribute_text_escape_in_markdown(slot.escape, slot.msgid)
            elif isinstance(slot, TextSlot):  # (the source's references kept, as HTML keeps them)
                kept = markdown_kept_in(slot.msgid) if read_as_markdown else None
                addresses = (
                    tuple(dict.fromkeys(_ADDRESS.findall(slot.msgid) + _BRACED_WORD.findall(slot.msgid)))
                    if read_as_markdown
                    else ()
                )
                inside = tuple(inner for inner in brackets if f"[{inner}]" in slot.msgid)
                slot.escape = text_escape_in_markdown(slot.escape, kept, addresses, inside)
                if slot is escaped_quote:
                    slot.escape = _with_escaped_quote(slot.escape, slot.msgid)
                if on_one_line:
                    slot.escape = text_escape_on_one_line(slot.escape)
                if slot is quote_start:
                    slot.escape = text_escape_in_quote_after_element(slot.escape)
                elif any(slot is tail for tail in after_element):
                    slot.escape = text_escape_after_element(slot.escape)
            else:
                slot.write = attribute_write_in_markdown(slot.write, slot.raw)
        self.add(begin, end, list(document.parts))

    def quote_after_element(
        self, raw: str, at: int, templates: list[Template]
    ) -> tuple[Document, TextSlot | None] | None:
        """The HTML block ``raw`` read with the quote that starts after an element on its line at
        ``at`` (see :func:`_quote_after_element`) read line by line: each line's quote marker kept as
        written, its text (plain text, no tag, template token or character reference) a unit of its
        own, as kramdown and Python-Markdown show each line in the quote (CommonMark shows the lines
        as its HTML block's text, markers and all); and the text that starts the quote. None when a
        line of it is no such line (it is kept as written then)."""
        from .html import read_html
        from .html_templates import tokens_with_templates

        lines = raw[at:].removesuffix("\n").split("\n")
        if any(template.end > at for template in templates) or not all(map(_QUOTE_LINE.fullmatch, lines)):
            return None
        if raw.endswith("\n"):
            lines[-1] += "\n"
        head = raw[:at]
        tokens = tokens_with_templates(head, 0, templates) if templates else tokenize_html(head)
        try:
            document = read_html(
                head, Path(self.shown), "utf-8", self.options, display_path=self.shown, tokens=tokens
            )
            parts = list(document.parts)
            start: TextSlot | None = None
            for number, line in enumerate(lines):
                text = _QUOTE_MARKER.sub("", line, count=1)
                read = read_html(text, Path(self.shown), "utf-8", self.options, display_path=self.shown)
                if read.render() != text:
                    return None
                if number == 0:
                    start = next((part for part in read.parts if isinstance(part, TextSlot)), None)
                parts += [("\n" if number else "") + line[: len(line) - len(text)], *read.parts]
        except ArticleError:
            return None
        return replace(document, parts=parts), start

    def inside_kept(self, opener: Template, closer: Template) -> list[Part]:
        """What a pair kept as written holds: as written, but for the translated parameters of the
        shortcodes Hugo runs there (a Docsy code tab's label); Liquid's ``raw`` shows its tags, and a
        ``comment`` shows nothing."""
        parts: list[Part] = []
        pos = opener.end
        if opener.shortcode and opener.name != "comment":
            for template in self.templates:
                if template.shortcode and opener.end <= template.start and template.end <= closer.start:
                    inner = self.template_parts(template)
                    if any(not isinstance(part, str) for part in inner):
                        parts.extend((self.source.raw(pos, template.start), *inner))
                        pos = template.end
        parts.append(self.source.raw(pos, closer.start))
        return parts

    def without_attribute_lines(self, html: str, begin: int, blocks: dict[int, Template]) -> str:
        """The HTML block ``html`` (at ``begin``) without the kramdown attribute lists on lines of
        their own that end it (``{: .text-delta }`` under just-the-docs' ``<summary>``): kramdown
        gives them to the element above them, and they are kept as written; the element is read."""
        while True:
            body = html.removesuffix("\n")
            line_start = body.rfind("\n") + 1
            line = body[line_start:]
            template = blocks.get(begin + line_start + len(line) - len(line.lstrip(" \t")))
            if (
                not line_start
                or template is None
                or not self.source.raw(template.start, template.end).startswith("{:")
                or self.source.raw(template.start, template.end).startswith("{::")
                or self.parsed[template.end : begin + len(body)].strip()
                or not html[:line_start].rstrip().endswith(">")  # (under text: a list's {:toc})
            ):
                return html
            html = html[:line_start]

    def links_in_text(self, tokens: list[HtmlToken]) -> bool:
        """Whether the text of an HTML block (``tokens``) that a renderer reads as Markdown writes a
        link, an image or a kramdown attribute list there (``[Go](/go)``, ``[Go][go]`` or ``[go]``
        of a definition on the page, ``{: .btn}``): markup, which a translation could only escape."""
        text = "\n".join(token.raw for token in tokens if token.kind == "text")
        if _LINK_IN_TEXT.search(text):
            return True
        return any(normalizeReference(inner) in self.labels for inner in brackets_in(text))

    def literal_brackets(self, tokens: list[HtmlToken]) -> tuple[str, ...]:
        """What the text of an HTML block (``tokens``) read as Markdown writes in brackets as it is
        and the page defines no link for (``[watch]``: shown as written), as it shows."""
        text = "\n".join(token.raw for token in tokens if token.kind == "text" and "[" in token.raw)
        return tuple(
            inner
            for inner in brackets_in(text)
            if "&" not in inner and normalizeReference(inner) not in self.labels
        )

    def references(self, lines: list[list[tuple[int, int, int]]]) -> None:
        """The destination of each reference definition (``[id]: /url "Title"``) as a link target (one
        holding a template token, ``{{ site.url }}/b``, as written), and its title a unit."""
        text = self.parsed
        for definition in lines:
            mapping = ContentMap()
            pieces = []
            position = 0
            for _, start, end in definition:
                mapping.add(position, start)
                pieces.append(text[start:end])
                position += end - start + 1
            content = "\n".join(pieces)
            label = _REFERENCE.match(content)
            if not label:
                continue
            destination = parseLinkDestination(content, label.end(), len(content))
            if not destination.ok or destination.pos == label.end():
                continue
            target_start, target_end = mapping(label.end()), mapping(destination.pos)
            written = self.source.raw(target_start, target_end)
            tag = liquid_link(written) if MASK in text[target_start:target_end] else None
            parts: list[Part] = [tag or LinkTarget(destination.str, written, markdown_destination)]
            if MASK in text[target_start:target_end] and tag is None:
                parts = [written]  # (a template token's URL, {{ site.url }}/b: the generator's, as written)
            end = target_end
            title_start = destination.pos
            while title_start < len(content) and content[title_start] in " \t\n":
                title_start += 1
            title = parseLinkTitle(content, title_start, len(content))
            if title.ok and title_start > destination.pos and not content[title.pos :].strip():
                start, end_of_title = mapping(title_start), mapping(title.pos)
                msgid = escape_lookalikes(collapse_space(title.str))
                if MASK not in text[start:end_of_title] and self.for_translators(msgid):
                    parts.append(self.source.raw(target_end, start))
                    ref = self.names.name("ref", label.group().strip().rstrip(":").strip("[]")) + "@title"
                    parts.append(
                        AttrSlot(
                            msgid,
                            ref,
                            self.source.raw(start, end_of_title),
                            "attribute:title",
                            write=title_writer(self.source.raw(start, end_of_title)),
                        )
                    )
                    end = end_of_title
            self.add(target_start, end, parts)


def _abbreviation_lines(atoms: list[Atom]) -> list[tuple[list[Atom], list[Atom]]]:
    """``atoms`` as runs, each with the line break after it: a line that defines an abbreviation
    (``*[HTML]: HyperText Markup Language``, one line in kramdown and Python-Markdown) is a run of its
    own, apart from the lines before and after it (one run, as read, when there is none)."""
    runs: list[tuple[list[Atom], list[Atom]]] = []
    current: list[Atom] = []
    defining = _defines(atoms[0]) if atoms else False
    for index, atom in enumerate(atoms):
        if _is_line_break(atom):
            following = atoms[index + 1] if index + 1 < len(atoms) else None
            if defining or (following is not None and _defines(following)):
                runs.append((current, [atom]))
                current = []
                defining = following is not None and _defines(following)
                continue
        current.append(atom)
    runs.append((current, []))
    return [(run, line_break) for run, line_break in runs if run or line_break]


#: A list item's marker at a line's start that CommonMark reads as text but pymdownx.fancylists as a
#: list: ``a.``, ``B)``, ``iv.``, ``#.`` (and numbers, which a paragraph may hold when they do not
#: start at 1).
_LINE_MARKER = re.compile(r"(?:[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+|\d{1,9}|#)[.)][ \t]+(?=\S)")


def _is_line_break(atom: Atom) -> bool:
    """Whether ``atom`` is the break between two lines of a paragraph (and what starts the next)."""
    return atom.kind == "text" and "\n" in atom.raw and not atom.text.strip()


def _balanced(atoms: list[Atom]) -> bool:
    """Whether each pair (a link, emphasis) of ``atoms`` opens and closes in them: a line that
    kramdown, Python-Markdown or Goldmark read apart (``: b](u)``, a definition) may cut a pair
    markdown-it reads over lines (``[A\n: b](u)``), which is no pair to them.

    >>> _balanced([Atom("open", "["), Atom("text", "A", "A")]), _balanced([])
    (False, True)
    """
    depth = 0
    for atom in atoms:
        depth += 1 if atom.kind == "open" else -1 if atom.kind == "close" else 0
        if depth < 0:
            return False
    return depth == 0


def _marker(pattern: re.Pattern[str], line: list[Atom]) -> re.Match[str] | None:
    """``pattern`` (a marker and the spaces after it, then text) matched at the start of the first
    atom of ``line``, plain text; the text after the marker may be the next atom's (``: *Term*``)."""
    first = line[0]
    after = line[1] if len(line) > 1 else None
    probe = first.raw
    if after is not None and (after.kind != "text" or after.raw[:1].strip()):
        probe += "x"  # (markup, or text that is no space)
    found = pattern.match(probe)
    return found if found is not None and found.end() <= len(first.raw) else None


def _marked_lines(
    atoms: list[Atom], *, in_item: bool = False
) -> list[tuple[list[Atom], list[Atom], list[Atom]]] | None:
    r"""The lines of a paragraph that each start with a list marker (see
    :data:`_LINE_MARKER`): each line's marker, its text and the line break after it, so that each
    line is a unit of its own and its marker stays where it is (a translated paragraph is written on
    one line: pymdownx.fancylists would read one item; a translation's own ``a.`` is escaped). A
    paragraph of one line starting with a number is none (CommonMark's list). The first paragraph of
    a list item (``in_item``) whose later lines start with such a marker too, each of its lines (no
    marker where a line has none): Python-Markdown reads them as the items of lists in that item
    (``2)  Item 2``, ``    i.  Item 1``), CommonMark as its paragraph. None for any other paragraph.

    >>> [[a.raw for a in marker + run] for marker, run, _ in _marked_lines(
    ...     [Atom("text", "a. One", "a. One"), Atom("text", "\n", "\n"), Atom("text", "b. Two", "b. Two")])]
    [['a. ', 'One'], ['b. ', 'Two']]
    >>> [[a.raw for a in marker + run] for marker, run, _ in _marked_lines(
    ...     [Atom("text", "Two", "Two"), Atom("text", "\n    ", "\n"), Atom("text", "i. One", "i. One")],
    ...     in_item=True)]
    [['Two'], ['i. ', 'One']]
    """
    lines: list[tuple[list[Atom], list[Atom], list[Atom]]] = []
    for line, line_break in _lines(atoms):
        marked = _marked_line(line)
        if marked is None and not (in_item and line):
            return None
        lines.append((*(marked or ([], line)), line_break))
    if in_item and len(lines) > 1 and any(marker for marker, _, _ in lines[1:]):
        return lines  # (nested items to MkDocs)
    if any(not marker for marker, _, _ in lines):
        return None
    # (one line too: a translation starting "a. " is escaped, and would show no list there)
    return lines if len(lines) > 1 or (lines and not lines[0][0][0].raw[0].isdigit()) else None


def _marked_line(line: list[Atom]) -> tuple[list[Atom], list[Atom]] | None:
    """The marker (see :data:`_LINE_MARKER`) that starts ``line``, plain text, and the atoms after
    it; None when no such marker starts it."""
    first = line[0] if line else None
    if first is None or first.kind != "text" or first.raw != first.text:
        return None
    found = _marker(_LINE_MARKER, line)
    if found is None:
        return None
    rest = first.raw[found.end() :]
    marker = [Atom("text", raw=found.group(), text=found.group())]
    return marker, [Atom("text", raw=rest, text=rest), *line[1:]]


def _piped_lines(atoms: list[Atom]) -> list[tuple[list[Atom], list[Atom], list[Atom]]] | None:
    r"""The lines of a paragraph of two lines or more of which one holds a pipe written as it is, as
    :func:`_marked_lines` gives them (no marker): kramdown (Jekyll) reads such lines as the rows of a
    table (every line one: a table; a line without: a paragraph), which a translation written on one
    line would make one row. None for any other paragraph.

    >>> [[a.raw for a in run] for _, run, _ in _piped_lines(
    ...     [Atom("text", "A | 1", "A | 1"), Atom("text", "\n", "\n"), Atom("text", "Term", "Term")])]
    [['A | 1'], ['Term']]
    """
    lines = _lines(atoms)
    if len(lines) < 2 or not any(_holds_pipe(line) for line, _ in lines):
        return None
    return [([], line, line_break) for line, line_break in lines]


def _ticked_atoms(atoms: list[Atom]) -> list[Atom]:
    """The atoms of ``atoms`` that are markup other than a code span holding a backtick (an image's
    alt text, a link's title, an HTML attribute, an autolink, a template token). A code span may
    start at such a backtick and end at one of a translation, even an escaped one (backslashes do
    not escape in a code span), taking the image or link with it: a translation's text writes its
    backticks as references there (see md_escape.backticks_as_references), and so does each alt
    text's where another atom holds one (see :func:`_alt_ticks_as_references`)."""
    return [atom for atom in atoms if _ticked(atom)]


def _ticked(atom: Atom) -> bool:
    """Whether ``atom`` is markup other than a code span that holds a backtick."""
    if atom.kind == "text":
        return False
    written = _written(atom.parts)
    return "`" in written and not (atom.node is not None and atom.node.tag == "code" and written[:1] == "`")


def _ticks_paired_as_in_source(out: list[Part]) -> None:
    """Each unit among ``out`` (the parts of a block) whose markup holds a backtick outside a code
    span written, for a translation that reorders its placeholders, so that each of its backticks
    pairs as in the source, or its source where it cannot be (see :mod:`.md_ticks`)."""
    for part in out:
        if not isinstance(part, TextSlot) or len(part.pieces) < 2 or part.unwritable is not None:
            continue
        ticked = ticked_parts(part.pieces)
        if any(kind in ("value", "markup") for _, _, _, kind in ticked) and len({t[0] for t in ticked}) > 1:
            part.pieces_for = functools.partial(tick_safe_pieces, msgid=part.msgid, inner=part.pieces_for)
            part.unwritable = functools.partial(tick_problem, msgid=part.msgid, ticked=ticked)


def _spaced_code_in_place(out: list[Part]) -> None:
    """Each unit among ``out`` (the parts of a block) with a code span of one backtick whose code
    starts with whitespace written, for a translation that moves it after whitespace or to its
    start, with a longer run (kramdown reads its backtick there as text, see :mod:`.md_spaced_code`)."""
    for part in out:
        if isinstance(part, TextSlot) and part.pieces and (spaced := spaced_code(part.pieces)):
            part.pieces_for = functools.partial(
                spaced_code_pieces, msgid=part.msgid, spaced=spaced, inner=part.pieces_for
            )


def _glued_code_apart(out: list[Part]) -> None:
    """Each unit among ``out`` (the parts of a block) with markup whose backticks a translation may
    write touching another's (two code spans side by side: one run, one code span) written with an
    empty comment between them there (see :mod:`.md_glued_code`)."""
    for part in out:
        if isinstance(part, TextSlot) and len(part.pieces) > 1 and touching_ticks(part.pieces):
            part.pieces_for = functools.partial(glued_code_pieces, msgid=part.msgid, inner=part.pieces_for)


def _lone_tick_word(atoms: list[Atom]) -> str:
    r"""The word (as shown: no space in it) of the text of ``atoms`` holding a backtick the source
    writes as it is, where it is the only such backtick of the block, in its text, its markup and
    its references (it opens no code span; others of its text escaped, ``\```, or references, all
    before it) and the block's markup holds no unit but attributes (an alt text, a title: their
    translations' backticks are references); else ``""``.

    >>> _lone_tick_word([Atom("text", "It`s here", "It`s here")]), _lone_tick_word([Atom("text", "a`b `c", "a`b `c")])
    ('It`s', '')
    >>> _lone_tick_word([Atom("text", "\\`", "`"), Atom("text", " or it`s", " or it`s")])
    'it`s'
    """
    texts = [atom for atom in atoms if atom.kind == "text"]
    bare = [atom for atom in texts if "`" in atom.raw and atom.raw != "\\`"]
    markup = "".join(_written(atom.parts) for atom in atoms if atom.kind != "text")
    if "`" in markup or len(bare) != 1 or bare[0].raw.count("`") != 1 or bare[0].text.count("`") != 1:
        return ""
    if any(
        isinstance(part, (AttrSlot, TextSlot)) and not part.kind.startswith("attribute:")
        for atom in atoms
        if atom.kind != "text"
        for part in atom.parts
    ):
        return ""  # (an inline footnote's translation escapes its backticks with a backslash)
    atom = bare[0]
    at = atom.raw.find("`")
    if (len(atom.raw[:at]) - len(atom.raw[:at].rstrip("\\"))) % 2:
        return ""
    at = atom.text.index("`")
    start = max(atom.text.rfind(space, 0, at) for space in " \t\n") + 1
    ends = [end for end in (atom.text.find(space, at) for space in " \t\n") if end >= 0]
    return atom.text[start : min(ends, default=len(atom.text))]


def _ticks_written(atoms: list[Atom]) -> int:
    """How many backticks the text and the markup of ``atoms`` write."""
    return sum(
        atom.raw.count("`") if atom.kind == "text" else _written(atom.parts).count("`") for atom in atoms
    )


def _ticks_shown(atoms: list[Atom]) -> int:
    """How many backticks the text (as shown: ``&#96;`` too) and the markup of ``atoms`` write."""
    return sum(
        atom.text.count("`") if atom.kind == "text" else _written(atom.parts).count("`") for atom in atoms
    )


def _text_tick_words(atoms: list[Atom]) -> tuple[str, ...]:
    """The words (as shown: no space in them) of the text of ``atoms`` whose backticks the source
    writes as they are (none opens a code span there), where the block's markup holds no unit but
    attributes and no backtick but its code spans' (see :func:`_lone_tick_word`, the block's only
    backtick); a translation keeping them writes them so where no renderer pairs them (see
    md_ticks.text_ticks_kept).

    >>> texts = [("It`s ", "It`s "), ("&#96;", "`"), ("x", "x")]
    >>> atoms = [Atom("text", raw, shown) for raw, shown in texts]
    >>> _text_tick_words([*atoms, Atom("object", parts=["`c`"]), Atom("text", "y` z", "y` z")])
    ('It`s', 'y`')
    """
    if any(
        isinstance(part, (AttrSlot, TextSlot)) and not part.kind.startswith("attribute:")
        for atom in atoms
        if atom.kind != "text"
        for part in atom.parts
    ):
        return ()
    found: dict[str, None] = {}
    shown, bare = "", []
    for atom in [*atoms, Atom("object")]:
        if atom.kind == "text":
            shown += atom.text
            bare += [atom.raw.count("`") == atom.text.count("`")] * atom.text.count("`")
            continue
        for match in re.finditer(r"\S+", shown):
            first = shown.count("`", 0, match.start())
            ticks = bare[first : first + match.group().count("`")]
            if ticks and all(ticks):
                found[match.group()] = None
        shown, bare = "", []
    return tuple(found)


def _escaped_tick_words(atoms: list[Atom]) -> tuple[tuple[str, tuple[bool, ...]], ...]:
    r"""The words (as shown: no space in them) of the text of ``atoms`` that escape a backtick
    (``\```), each with how its backticks are written (True: escaped, False: otherwise, written
    ``&#96;`` by a translation); not a word the source writes two ways.

    >>> texts = [("Type ", "Type "), ("\\`", "`"), ("x or ", "x or "), ("&#96;", "`")]
    >>> _escaped_tick_words([Atom("text", raw, shown) for raw, shown in texts])
    (('`x', (True,)),)
    """
    found: dict[str, tuple[bool, ...] | None] = {}
    runs: list[list[Atom]] = [[]]
    for atom in atoms:
        if atom.kind == "text":
            runs[-1].append(atom)
        else:
            runs.append([])
    for run in runs:
        shown = "".join(atom.text for atom in run)
        escapes = [atom.raw == "\\`" for atom in run for _ in range(atom.text.count("`"))]
        for match in re.finditer(r"\S+", shown):
            first = shown.count("`", 0, match.start())
            spelled = tuple(escapes[first : first + match.group().count("`")])
            if any(spelled):
                word = match.group()
                found[word] = spelled if found.get(word, spelled) == spelled else None
    return tuple((word, spelled) for word, spelled in found.items() if spelled is not None)


def _tick_kept(
    word: str,
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    """How each text of ``translation`` is written (see :attr:`TextSlot.keep_runs`, ``keep_runs``
    first): the backtick of ``word`` (see :func:`_lone_tick_word`) as it is where the translation
    holds the word once, its other backticks references (the block's escape writes them so) or, in a
    block that escapes some, the source's escapes (``\\```, the word's own too where the
    source escapes a lone backtick, which it holds), but those after it references (an escaped one
    would close a code span it opened, ``it`s oder \\```): the page's only backtick of its kind, as in
    the source, pairs with none."""
    kept = keep_runs(translation) if keep_runs is not None else None
    once = translation.count(word) == 1
    split = PLACEHOLDER_RE.split(translation)
    # (the text holding the word: by its number; those after it write no escaped backtick)
    holder = next((at // 4 for at in range(0, len(split), 4) if word in split[at]), -1) if once else -1

    def written_with_tick(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        if holder < 0 or number < holder:
            return written
        if number > holder:
            return ticks_as_references(written)
        before = text[: text.index(word) + word.index("`")].count("`")
        spelled = list(_TICK_SPELLINGS.finditer(written))
        if len(spelled) != text.count("`"):
            return written  # (written otherwise: as escaped)
        out, at = [], 0
        for index, found in enumerate(spelled[before:], before):
            if index == before or found.group() == "\\`":
                out += [written[at : found.start()], "`" if index == before else "&#96;"]
                at = found.end()
        return "".join(out) + written[at:]

    return written_with_tick


#: How a backtick of a translation's text is written where the block's escape writes it as a
#: reference: so, or as the source's escape (see md_ticks.escaped_ticks_kept).
_TICK_SPELLINGS = re.compile(r"&#96;|\\`")


def _written(parts: list[Part]) -> str:
    """The source text of ``parts`` (markup's: strings, attribute values, link targets) as written."""
    return "".join(part if isinstance(part, str) else getattr(part, "raw", "") for part in parts)


def _alt_ticks_as_references(atom: Atom) -> None:
    """The alt text among the parts of ``atom`` (an image), if any, with the backticks its
    translation escapes written as references (see md_escape.escaped_ticks_as_references); not
    where the source's alt text escapes one itself (its translation keeping it writes it so)."""
    for part in atom.parts:
        if part.__class__ is AttrSlot and part.kind == "attribute:alt" and "\\`" not in part.raw:
            if part.write is not None:
                part.write = functools.partial(escaped_ticks_as_references, part.write)
        elif part.__class__ is TextSlot and part.kind == "attribute:alt":
            if not any("\\`" in piece for piece in part.parts if isinstance(piece, str)):
                part.escape = functools.partial(escaped_ticks_as_references, part.escape)
                if part.keep_runs is not None:
                    part.keep_runs = functools.partial(_keeper_ticks_as_references, part.keep_runs)


def _keeper_ticks_as_references(
    keep_runs: Callable[[str], Callable[[int, str, str], str]], text: str
) -> Callable[[int, str, str], str]:
    """``keep_runs`` (see :attr:`~transpub.formats.document.TextSlot.keep_runs`) writing the
    backticks it escapes as references."""
    keep = keep_runs(text)
    return lambda number, value, written: ticks_as_references(keep(number, value, written))


def _holds_pipe(atoms: list[Atom]) -> bool:
    """Whether text of ``atoms`` writes a pipe as it is (kramdown: a table's row)."""
    return any(atom.kind == "text" and _BARE_PIPE.search(atom.raw) for atom in atoms)


def _quoted_lines(atoms: list[Atom]) -> list[tuple[list[Atom], list[Atom], list[Atom]]] | None:
    r"""The lines of a paragraph of a quote whose later lines start with a ``>`` of their own, as
    :func:`_marked_lines` gives them (no marker), for a paragraph Goldmark reads as raw HTML (see
    :attr:`~transpub.formats.document.TextSlot.in_html_block`), where each ``>`` shows: a
    translation written on one line would drop them. None for any other paragraph.

    >>> [[a.raw for a in run] for _, run, _ in _quoted_lines(
    ...     [Atom("text", "A", "A"), Atom("text", "\n> ", "\n "), Atom("text", "B", "B")])]
    [['A'], ['B']]
    """
    lines = _lines(atoms)
    if not any(">" in atom.raw for _, line_break in lines for atom in line_break):
        return None
    return [([], line, line_break) for line, line_break in lines]


#: A definition's marker at a line's start (kramdown, Python-Markdown and Goldmark: ``: A ferry``).
_DEFINITION_MARKER = re.compile(r"[ ]{0,3}:[ \t]+(?=\S)")


def _defined_lines(atoms: list[Atom]) -> list[tuple[list[Atom], list[Atom], list[Atom]]] | None:
    r"""The lines of a paragraph that holds a line starting with a definition's marker (``: ``), as
    :func:`_marked_lines` gives them: each line above the first marker a term of its own, each
    marker's line with the lines under it up to the next marker a definition, its marker apart.
    kramdown and Python-Markdown read each line above a definition as a term (``Term1``, ``Term2``,
    then ``: Their definition``), which markdown-it reads as one paragraph (or term): a translation
    written on one line was a paragraph. None for a paragraph without such a line.

    >>> [[a.raw for a in marker + run] for marker, run, _ in _defined_lines([
    ...     Atom("text", "A", "A"), Atom("text", "\n", "\n"), Atom("text", "B", "B"),
    ...     Atom("text", "\n", "\n"), Atom("text", ": Both", ": Both"), Atom("text", "\n  ", "\n  "),
    ...     Atom("text", "so", "so")])]
    [['A'], ['B'], [': ', 'Both', '\n  ', 'so']]
    """
    out: list[tuple[list[Atom], list[Atom], list[Atom]]] = []
    defining = False
    for line, line_break in _lines(atoms):
        first = line[0] if line else None
        found = (
            _marker(_DEFINITION_MARKER, line)
            if first is not None and first.kind == "text" and first.raw == first.text
            else None
        )
        if found is not None and first is not None:
            rest = first.raw[found.end() :]
            marker = [Atom("text", raw=found.group(), text=found.group())]
            out.append((marker, [Atom("text", raw=rest, text=rest), *line[1:]], line_break))
            defining = True
        elif defining:
            marker, run, above = out[-1]
            out[-1] = (marker, [*run, *above, *line], line_break)
        else:
            out.append(([], line, line_break))
    return out if defining else None


#: A line that starts a definition (``: c``), under a quote's or a list item's markers and indentation.
_DEFINITION_LINE = re.compile(r"[ \t>]*:[ \t]+\S")


def _definition_follows(parsed: str, end: int) -> bool:
    r"""Whether the line right under the paragraph that ends at ``end`` of ``parsed`` starts another
    definition: then Python-Markdown's def_list (MkDocs) reads the lines of the definition above it
    as the terms of a definition list of its own (``Term``, ``: a``, ``b``, ``: c``: the terms ``a``
    and ``b`` of ``c``), where kramdown and Goldmark read one definition ``a b``; a unit per line
    keeps each line where it is, and the page reads as its source in all three.

    >>> _definition_follows("Term\n: a\nb\n: c\n", 10), _definition_follows("Term\n: a\nb\n\n: c\n", 10)
    (True, False)
    """
    line_end = parsed.find("\n", end)
    if line_end < 0:
        return False
    return _DEFINITION_LINE.match(parsed, line_end + 1) is not None


def _lines(atoms: list[Atom]) -> list[tuple[list[Atom], list[Atom]]]:
    """The lines of a paragraph's ``atoms``: each line's atoms and the line break after it (none
    after the last)."""
    lines: list[tuple[list[Atom], list[Atom]]] = []
    current: list[Atom] = []
    for atom in atoms:
        if _is_line_break(atom):
            lines.append((current, [atom]))
            current = []
        else:
            current.append(atom)
    lines.append((current, []))
    return lines


def _first_line_apart(atoms: list[Atom]) -> tuple[list[Atom], list[Atom], list[Atom]]:
    """The atoms of the first line, the line break after it, and the atoms of the lines after it
    (no line break: all in the first line)."""
    for index, atom in enumerate(atoms):
        if atom.kind != "text" or "\n" not in atom.raw:
            continue
        if not atom.text.strip():
            return atoms[:index], [atom], atoms[index + 1 :]
        cut = atom.raw.index("\n")
        if atom.raw != atom.text:
            break  # (escapes or entities in the line: its break is not placed here; one line)
        head, rest = atom.raw[:cut].rstrip(" \t"), atom.raw[cut:]
        after = rest.lstrip(" \t\n>")
        brk = rest[: len(rest) - len(after)]
        first = [*atoms[:index], Atom("text", raw=head, text=head)] if head else atoms[:index]
        spaces = atom.raw[len(head) : cut] + brk
        tail = [Atom("text", raw=after, text=after)] if after else []
        return first, [Atom("text", raw=spaces, text=spaces)], tail + atoms[index + 1 :]
    return atoms, [], []


def _defines(atom: Atom) -> bool:
    """Whether ``atom`` is the opening ``*[HTML]:`` of an abbreviation's definition."""
    return atom.kind == "object" and bool(atom.parts) and str(atom.parts[0]).startswith("*[")


def _branches(atoms: list[Atom], start: int, end: int) -> bool:
    """Whether the pair ``atoms[start]`` … ``atoms[end - 1]`` is a Liquid condition with another
    branch inside (``{% if x %}A{% else %}B{% endif %}``): it stays in the unit, so that the
    translator sees which text is which branch's, not a lone ``{% else %}`` between two texts."""
    opener = atoms[start].node
    return bool(
        opener is not None
        and opener.tag == "template"
        and any(
            atom.kind == "object" and atom.node is not None and LIQUID_BRANCH.match(atom.shows or "")
            for atom in atoms[start + 1 : end - 1]
        )
    )


def _emit_plain(atoms: list[Atom], out: list[Part]) -> None:
    for atom in atoms:
        if atom.kind == "text":
            out.append(atom.raw)
        else:
            out.extend(atom.parts)


def _trim(atoms: list[Atom]) -> tuple[list[Atom], list[Atom], list[Atom]]:
    """Split off the whitespace and markup at both ends that hold no text, and an element enclosing
    all the rest (``**Bold paragraph**`` is the unit ``Bold paragraph``)."""
    atoms = list(atoms)
    partner: dict[int, int] = {}
    stack: list[int] = []
    for index, atom in enumerate(atoms):
        if atom.kind == "open":
            stack.append(index)
        elif atom.kind == "close" and stack:
            opened = stack.pop()
            partner[opened], partner[index] = index, opened
    texts = [0]
    for atom in atoms:
        texts.append(texts[-1] + (1 if atom.kind == "text" and atom.text.strip() else 0))
    lead: list[Atom] = []
    # (the trailing ones gathered from the end backwards: thousands of empty tags, each put first, cost n²)
    trail: list[Atom] = []
    start, end = 0, len(atoms)
    while True:
        while start < end:
            atom = atoms[start]
            if atom.kind == "text":
                if not atom.text.strip():
                    lead.append(atom)
                    start += 1
                    continue
                stripped = atom.text.lstrip()
                if stripped != atom.text and atom.raw == atom.text:
                    cut = len(atom.text) - len(stripped)
                    lead.append(Atom("text", raw=atom.raw[:cut], text=atom.text[:cut]))
                    atoms[start] = Atom("text", raw=atom.raw[cut:], text=atom.text[cut:])
                break
            if atom.kind == "object":
                beside = atoms[start + 1] if start + 1 < end else None
                if _writes_text(atom, beside) or _glued_bare_url(atom, beside, at_start=True):
                    break
                if _is_code(atom) and texts[end] > texts[start + 1]:
                    break
                lead.append(atom)
                start += 1
                continue
            if atom.kind == "open" and start in partner and partner[start] < end:
                close = partner[start]
                if texts[close] == texts[start + 1]:
                    lead.extend(atoms[start : close + 1])
                    start = close + 1
                    continue
            break
        while end > start:
            atom = atoms[end - 1]
            if atom.kind == "text":
                if not atom.text.strip():
                    trail.append(atom)
                    end -= 1
                    continue
                stripped = atom.text.rstrip()
                if stripped != atom.text and atom.raw == atom.text:
                    cut = len(stripped)
                    trail.append(Atom("text", raw=atom.raw[cut:], text=atom.text[cut:]))
                    atoms[end - 1] = Atom("text", raw=atom.raw[:cut], text=atom.text[:cut])
                break
            if atom.kind == "object":
                beside = atoms[end - 2] if end - 2 >= start else None
                if _writes_text(atom, beside) or _glued_bare_url(atom, beside, at_start=False):
                    break
                if _is_code(atom) and texts[end - 1] > texts[start]:
                    break
                if _is_attribute_list(atom) and beside is not None and partner.get(end - 2, start) > start:
                    break  # ([Go](/go){: .btn} after text: the element's attributes, which move with it)
                trail.append(atom)
                end -= 1
                continue
            if atom.kind == "close" and end - 1 in partner and partner[end - 1] >= start:
                opened = partner[end - 1]
                if texts[end - 1] == texts[opened + 1]:
                    trail.extend(reversed(atoms[opened:end]))
                    end = opened
                    continue
            break
        if (
            start < end - 1
            and atoms[start].kind == "open"
            and partner.get(start) == end - 1
            and atoms[end - 1].written is None  # [Text][] must stay a placeholder: its label is its text
            and not _branches(atoms, start, end)
        ):
            lead.append(atoms[start])
            trail.append(atoms[end - 1])
            start, end = start + 1, end - 1
            continue
        return lead, atoms[start:end], trail[::-1]


def _is_attribute_list(atom: Atom) -> bool:
    """Whether ``atom`` is an attribute list right after an element (kramdown's ``{: .btn}``,
    Goldmark's and attr_list's ``{ .md-button }``): kept in its unit at the end too, where the
    element it belongs to is, since written apart from it (after a translation's last word) it is
    shown as text and the element loses its class."""
    first = atom.parts[0] if atom.kind == "object" and atom.parts else None
    return isinstance(first, str) and first.startswith("{") and not first.startswith(("{{", "{%"))


def _is_code(atom: Atom) -> bool:
    """Whether ``atom`` is a code span: a word of its sentence (``Option``'s variants are ``Some`` and
    ``None``), kept in its unit at an edge too, where a translator may have to move it (a verb-final
    language): the unit was ``'s variants are <1/> and``."""
    return atom.node is not None and atom.node.tag == "code"


#: What may make a word of a text a link of magiclink's (see md_escape.magiclinks_in).
_MAY_LINK = re.compile(r"[#!?@]|[0-9a-f]{40}")


def _runs_of(atoms: list[Atom], raw: str) -> frozenset[str]:
    """The runs of ``=``, ``^`` and ``+`` and the kinds of critic span the text of ``atoms`` (``raw``:
    as written, see :func:`_lined`) writes as they are (see md_runs.runs_written_as_they_are,
    md_critic.critic_written_as_they_are)."""
    shown = "".join(atom.text if atom.kind == "text" else "\n" for atom in atoms)
    return runs_written_as_they_are(raw, shown) | critic_written_as_they_are(raw, shown)


def _writes_text(atom: Atom, beside: Atom | None) -> bool:
    """Whether ``atom`` is a template token that writes text into its sentence (a Liquid or Go
    template output ``{{ page.author }}``, a shortcode that is not one of a pair) on the line of the
    text ``beside`` it: kept in its unit at an edge too, where a translator may have to move it
    (``{{ page.author }}による``). One on a line of its own stays outside, where it is written."""
    return (
        atom.node is not None
        and atom.node.tag in ("template", "shortcode")
        and (atom.shows or "").startswith("{{")
        and not (beside is not None and beside.kind == "text" and "\n" in beside.raw)
    )


def _glued_bare_url(atom: Atom, beside: Atom | None, *, at_start: bool) -> bool:
    """Whether ``atom`` is a bare URL or e-mail address (a link whose markup is its text) with text
    glued to it, after it (``at_start``) or before it: it stays in the unit, a placeholder, so that
    the translator sees it and a translation glued to it is written so that the link stays the link
    it is (``https://example.com/x, said`` translated ``… sagte`` must not link ``/xsagte``)."""
    if beside is None or beside.kind != "text" or not beside.text:
        return False
    if atom.node is None or atom.node.tag != "a" or len(atom.parts) != 1 or atom.parts[0] != atom.shows:
        return False
    if str(atom.parts[0])[:1] in ("<", "["):
        return False
    return not (beside.text[0] if at_start else beside.text[-1]).isspace()


def _first_line(token: Token, text: str) -> int:
    lines = token.meta.get("lines") if token.meta else None
    return lines[0][1] if lines else 0


def _single_line(content: str, dl: Token | None, where: list[int] | None, text: str) -> ContentMap | None:
    lines = dl.meta.get("lines") if dl is not None and dl.meta else None
    if not lines or dl is None or dl.map is None or where is None:
        return None
    index = where[0] - dl.map[0]
    if not 0 <= index < len(lines):
        return None
    _, start, end = lines[index]
    while start < end and text[start] in " \t":
        start += 1
    if not text.startswith(content, start) or start + len(content) > end:
        return None
    mapping = ContentMap()
    mapping.add(0, start)
    return mapping


def _heading_map(
    content: str, lines: list[tuple[int, int, int]] | None, level: int, text: str
) -> ContentMap | None:
    if not lines:
        return None
    _, start, end = lines[0]
    pos = start + level
    while pos < end and text[pos] in " \t":
        pos += 1
    if not text.startswith(content, pos) or pos + len(content) > end:
        return None
    mapping = ContentMap()
    mapping.add(0, pos)
    return mapping


def _cells(text: str, start: int, end: int) -> list[tuple[str, ContentMap]]:
    """A table row's cells as markdown-it splits them (``\\|`` is a ``|`` in the cell)."""
    while start < end and text[start] in " \t":
        start += 1
    while end > start and text[end - 1] in " \t":
        end -= 1
    columns: list[list[int]] = []  # the text offsets of each column's characters, ``\`` of ``\|`` left out
    current: list[int] = []
    escaped = False
    for pos in range(start, end):
        char = text[pos]
        if char == "|":
            if not escaped:
                columns.append(current)
                current = []
                escaped = False
                continue
            current.pop()  # the backslash
        current.append(pos)
        escaped = char == "\\"
    columns.append(current)
    if columns and not columns[0]:
        columns.pop(0)
    if columns and not columns[-1]:
        columns.pop()
    cells: list[tuple[str, ContentMap]] = []
    for column in columns:
        while column and text[column[0]] in " \t":
            column.pop(0)
        while column and text[column[-1]] in " \t":
            column.pop()
        mapping = ContentMap()
        previous = -2
        for offset, pos in enumerate(column):
            if pos != previous + 1:
                mapping.add(offset, pos, lead=pos - previous - 1 if offset else 0)
            previous = pos
        if not column:
            mapping.add(0, start)
        cells.append(("".join(text[pos] for pos in column), mapping))
    return cells


class BodyTexts(NamedTuple):
    """An article's body as its reader takes it: its template tokens and verbatim pairs, the text
    markdown-it reads and the text as CommonMark reads it (see :func:`parse_texts`)."""

    templates: list[Template]
    pairs: list[tuple[Template, Template]]
    parsed: str
    commonmark: str


def body_texts(source: Source, front: FrontMatter | None, options: ReadOptions) -> BodyTexts:
    """The :class:`BodyTexts` of the article ``source`` read with ``options`` (on a Jekyll site, with
    kramdown's own syntax: see :mod:`.md_kramdown`); what the reader and the lists of its files read."""
    templates = markdown_templates(
        source.text, front.end if front is not None else 0, options.code_shortcodes, kramdown=options.kramdown
    )
    pairs = verbatim_pairs(templates, options.shortcodes_with_markdown, options.code_shortcodes)
    parsed, commonmark = parse_texts(source, front, templates, pairs)
    if options.kramdown:  # (a Jekyll site: kramdown's own syntax, see .md_kramdown)
        parsed, commonmark = end_of_blocks(parsed), end_of_blocks(commonmark)
    return BodyTexts(templates, pairs, parsed, commonmark)


def parse_texts(
    source: Source,
    front: FrontMatter | None,
    templates: list[Template],
    pairs: list[tuple[Template, Template]],
) -> tuple[str, str]:
    """The text markdown-it reads: front matter as blank lines, a template token on its own lines
    as a processing instruction (an HTML block that interrupts a paragraph and ends on its last
    line), a verbatim pair with its inside as one, other template tokens as inert characters; all
    of the same length, line ends kept. And the text as CommonMark (Goldmark) reads it: the same
    but for the HTML that kramdown and MkDocs read otherwise, as written (a ``<div markdown="1">`` line and its end
    tag's, an HTML block they end above a code fence); the same string when there is none."""
    text = source.text
    pieces: list[str] = []
    pos = 0
    if front is not None:
        pieces.append(re.sub(r"[^\n]", " ", text[: front.end]))
        pos = front.end
    spans: list[tuple[int, int, bool]] = []
    inside = iter(pairs)
    pair = next(inside, None)
    for template in templates:
        while pair is not None and pair[1].end <= template.start:
            spans.append((pair[0].start, pair[1].end, True))
            pair = next(inside, None)
        if pair is not None and pair[0].start <= template.start < pair[1].end:
            continue
        spans.append((template.start, template.end, template.block))
    while pair is not None:
        spans.append((pair[0].start, pair[1].end, True))
        pair = next(inside, None)
    # the page's fenced code blocks, which both passes below look past
    fenced = fenced_ranges(text, pos) if "```" in text or "~~~" in text else []
    markdown_lines, ends = _markdown_inside_lines(text, pos, fenced)
    spans.extend(markdown_lines)
    spans.sort()
    html = set(markdown_lines)
    common: list[str] | None = None  # (the pieces as CommonMark reads them, once they differ)
    for span in spans:
        start, end, block = span
        if start < pos:
            continue
        pieces.append(text[pos:start])
        raw = text[start:end]
        if span in html and common is None:
            common = list(pieces)
        elif common is not None:
            common.append(text[pos:start])
        if block:
            pieces.append(_sentinel(raw))
        elif raw[:1] == "{" and raw[1:2] not in ("{", "%"):  # an attribute list: its "{" is punctuation
            pieces.append("{" + _masked(raw[1:]))  # to emphasis before it, as in the source (__New__{…})
        elif (
            "\n" in raw
            and _IN_LINK_DESTINATION.search(text, text.rfind("\n", 0, start) + 1, start)
            and not re.search(r"\n[ \t]*>", raw)  # (a quote's lines keep their ">")
        ):
            pieces.append(MASK * len(raw))  # (one line: Liquid writes one, a link's destination there)
        else:
            pieces.append(_masked(raw))
        if common is not None:
            common.append(raw if span in html else pieces[-1])
        pos = end
    pieces.append(text[pos:])
    parsed = _fences_after_endraw("".join(pieces))
    commonmark = None if common is None else _fences_after_endraw("".join(common) + text[pos:])
    cuts = _elements_before_fences(text, front.end if front is not None else 0, fenced)
    for start, end in sorted(cuts + blocks_running_over(parsed, ends)):
        # an HTML block that ends there (as a processing instruction does), as kramdown ends it
        ended = _ended_there(parsed, start, end)
        if ended is not None:
            commonmark = parsed if commonmark is None else commonmark  # (which runs on over the fence)
            parsed = ended
    return parsed, parsed if commonmark is None else commonmark


def _ended_there(parsed: str, start: int, end: int) -> str | None:
    """``parsed`` with the HTML element from ``start`` to ``end`` (its start tag's ``<`` to its end
    tag's ``>``) made a block that ends at ``end``: its start tag opens a processing instruction, and
    its end tag closes it (``</di?>``), or is one of its own when it starts its line (``<?di?>``: a
    line ``?>`` ends above it, such as the end of a ``<div markdown="1">`` line inside, is not
    followed by the rest of the element as a paragraph); None when it cannot be (the instruction
    would end above the end tag, which is not on a line of its own).

    >>> _ended_there('<div>\\n<?-?>\\nx\\n</div>\\n', 0, 20)
    '<?iv>\\n<?-?>\\nx\\n<?di?>\\n'
    >>> _ended_there('<div>\\nx\\n</div>\\n', 0, 14)
    '<?iv>\\nx\\n<?di?>\\n'
    >>> _ended_there('<p>a\\nb</p>\\n', 0, 10)
    '<?-a\\nb</?>\\n'
    >>> _ended_there('<p>\\n<?-?>\\nb</p>\\n', 0, 15) is None
    True
    """
    if parsed[start] != "<" or (parsed[end - 1] != ">" and not _TEXT_AFTER_TAG.search(parsed, start, end)):
        return None  # (an element and text after it on its line, ``<hr> More``, is one)
    if parsed[start + 2] == ">":  # (``<p>``: ``<?>`` would end the instruction on its first line)
        parsed = f"{parsed[: start + 2]}-{parsed[start + 3 :]}"
    tag = parsed.rfind("</", start, end)
    if tag > start and _END_TAG.fullmatch(parsed, tag, end):
        line_start = parsed.rfind("\n", start, tag) + 1
        if line_start > start and not parsed[line_start:tag].strip(" "):
            opened = f"{parsed[: start + 1]}?{parsed[start + 2 : tag]}"
            return f"{opened}<?{parsed[tag + 2 : end - 2]}?>{parsed[end:]}"
        if "?>" in parsed[start + 2 : tag]:
            return None
    return f"{parsed[: start + 1]}?{parsed[start + 2 : end - 2]}?>{parsed[end:]}"


#: The start of a link's destination up to a template token (``[a]({{ site.url``, ``[a](/x/{% link``).
_IN_LINK_DESTINATION = re.compile(r"\]\(<?[^\s()<>]*$")

#: An end tag (``</div>``).
_END_TAG = re.compile(r"</[A-Za-z][\w-]*\s*>")
#: A tag's end and text after it, up to where an element ends (``<hr> More``).
_TEXT_AFTER_TAG = re.compile(r">[^<>\n]*\S$")


def _fences_after_endraw(parsed: str) -> str:
    """``parsed`` with each closing code fence after a Liquid ``endraw`` tag on its line (``{% endraw
    %}```, the tag inside the code, opened by `````python{% raw %}``) moved to the line's start, the
    tag's place spaces after it: Liquid drops the tag before kramdown reads the fence that closes the
    code there (without this, the code ran on over the paragraphs under it, offered as code)."""
    if "endraw" not in parsed:
        return parsed
    return ENDRAW_BEFORE_FENCE.sub(lambda m: m.group(1) + m.group(3) + " " * len(m.group(2)), parsed)


def _elements_before_fences(text: str, pos: int, fenced: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The HTML elements that kramdown and Python-Markdown end right above a code fence, or above a
    line they read as Markdown (see :func:`elements_above_markdown`), which CommonMark's HTML block
    would run on over (see :func:`elements_before_fences`; ``fenced``: the page's fenced code blocks
    from ``pos`` on); ``<pre>``, ``<script>``, ``<style>`` and ``<textarea>`` end their blocks there already."""
    found = elements_before_fences(text, pos, fenced, _BLOCK_TAGS - COMMONMARK_RAW_TAGS) if fenced else []
    above = elements_above_markdown(text, pos, fenced, _BLOCK_TAGS - COMMONMARK_RAW_TAGS)
    return sorted(set(found + above + tags_above_markdown(text, pos, fenced)))


#: A later line of an HTML block that Python-Markdown, reading a list item's or a quote's HTML as a
#: paragraph's, may read as a block of its own (a heading, a rule, a quote, a list, a definition, a
#: table's row, an admonition, a reference definition): written on one line, it would be text.
_MARKDOWN_LINE = re.compile(r"\n[ \t]*(?:[-#>=_:|!?~`*+\[]|\d+[.)])")
#: The elements that show their text's line breaks (a translation in a container is on one line).
_PREFORMATTED = frozenset({"pre", "textarea", "listing", "xmp"})


def _unmasked_list(content: str, children: list[Token], written: str) -> tuple[str, list[Token]] | None:
    """A heading's text ``content`` and inline ``children`` with the list ``written`` (kramdown's IAL
    token, masked: see :func:`_masked`) at their end as written; None when it is not there."""
    masked = "{" + _masked(written[1:])
    last = children[-1] if children else None
    if "\n" in written or not content.endswith(masked) or last is None or last.type != "text":
        return None
    if not last.content.endswith(masked):
        return None
    last = last.copy(content=last.content[: -len(masked)] + written)
    return content[: -len(masked)] + written, [*children[:-1], last]


def _masked(raw: str) -> str:
    """``raw`` as inert characters, its line ends kept and each later line's indentation and ``>``
    prefixes too: a token over lines in an indented code block, a list item or a quote leaves the
    lines in their block (without them, ``    %} more code`` ended a code block, a paragraph after)."""
    if "\n" not in raw:
        return MASK * len(raw)
    lines = raw.split("\n")
    out = [MASK * len(lines[0])]
    for line in lines[1:]:
        keep = len(line) - len(line.lstrip(" \t>"))
        out.append(line[:keep] + MASK * (len(line) - keep))
    return "\n".join(out)


#: A line that is only the start tag of an element whose content kramdown (``markdown="1"``) and
#: MkDocs' md_in_html (``markdown``) read as Markdown: read as a template token on its own line is
#: (kept as written), so that the lines after it are Markdown, offered as the lines after its first
#: blank line are (a line inside a fenced code block stays in it: a token there is code too).
_BEFORE_ATTRIBUTE = r"(?:\s+|(?<=[\"']))"  # (html.parser takes one right after a quoted value)
_ATTRIBUTE = r"[^\s\"'=<>/]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?"
_MARKDOWN_INSIDE_LINE = re.compile(
    rf"^[ ]{{0,3}}(<[A-Za-z][\w-]*(?:{_BEFORE_ATTRIBUTE}(?!markdown[\s=/>]){_ATTRIBUTE})*"
    rf"{_BEFORE_ATTRIBUTE}markdown(?:\s*=\s*(?:\"(?:1|block)\"|'(?:1|block)'|(?:1|block)(?=[\s/>])))?"
    rf"(?:{_BEFORE_ATTRIBUTE}{_ATTRIBUTE})*\s*/?>)[ \t]*$",
    re.M | re.I,
)


def _commonmark_html_spans(parsed: str, commonmark: str) -> list[tuple[int, int]]:
    """Where CommonMark (Goldmark, transpub's HTML pages) reads an HTML block in a page that the
    reader reads otherwise (``parsed``; ``commonmark``: the page as CommonMark reads it, see
    :func:`parse_texts`): the reader's blocks there are Markdown to kramdown and MkDocs, but raw HTML
    to Goldmark (the lines under a ``<div markdown="1">`` of its own, up to a blank line)."""
    return [] if commonmark == parsed else html_block_spans(commonmark)


def _markdown_inside_lines(
    text: str, pos: int, fenced: list[tuple[int, int]]
) -> tuple[list[tuple[int, int, bool]], list[int]]:
    """The lines from ``pos`` on that are only a start tag saying its content is Markdown
    (:data:`_MARKDOWN_INSIDE_LINE`), and the end tag of each on a line of its own: kramdown and
    md_in_html end the element there, and read the line under it (a code fence) as Markdown, where
    CommonMark's HTML block would have run on to the next blank line; and where those end tags are
    (``fenced``: the page's fenced code blocks from ``pos`` on, where a start tag is code)."""
    spans: list[tuple[int, int, bool]] = []
    ends: list[int] = []
    for found in _MARKDOWN_INSIDE_LINE.finditer(text, pos):
        spans.append((found.start(1), found.end(1), True))
        if any(start <= found.start() < end for start, end in fenced):
            continue  # (a start tag in code: code)
        end_tag = end_tag_line(text, found.start(1), fenced)
        if end_tag is not None:
            spans.append((*end_tag, True))
            ends.append(text.rfind("\n", 0, end_tag[0]) + 1)
    return spans, ends


def _sentinel(raw: str) -> str:
    """``<?-----?>`` of ``raw``'s length and lines (a continuation line's ``>`` prefix kept): an HTML
    block that interrupts a paragraph and ends on ``raw``'s last line (``<?>`` for three characters)."""
    lines = raw.split("\n")
    out = []
    for number, line in enumerate(lines):
        keep = len(line) - len(line.lstrip(" \t>")) if number else 0
        out.append(line[:keep] + "-" * (len(line) - keep))
    masked = "\n".join(out)
    if len(masked) == 3:  # (pymdownx.blocks' closing ``///``): ends on its line as the longer ones
        return "<?>"
    return "<?" + masked[2:-2] + "?>"


def value_reader(
    path: Path,
    encoding: str,
    options: ReadOptions,
    shown: str,
    line_of: Callable[[int], int],
    warnings: list[Issue],
) -> Callable[[str, int], Document]:
    """What reads a front matter value that is Markdown (its text, where it is written) as an
    article's body is read; its warnings join ``warnings``, at the value's line."""
    body_options = replace(
        options, front_matter_keys=(), front_matter_markdown=(), front_matter_title_refs=()
    )

    def read(text: str, at: int) -> Document:
        document = read_markdown(text, path, encoding, body_options, display_path=shown)
        line = line_of(at)
        warnings.extend(replace(issue, line=line) for issue in document.warnings)
        return document

    return read


def read_markdown(
    text: str, path: Path, encoding: str, options: ReadOptions, *, display_path: str | None = None
) -> Document:
    """The :class:`Document` of a Markdown article already decoded to ``text``; ArticleError (with
    the line) for broken front matter."""
    shown = display_path or str(path)
    source = Source(text)
    front = read_front_matter(source.text, shown, options.front_matter_translated, newline=source.newline)
    templates, pairs, parsed, commonmark = body_texts(source, front, options)
    env: dict = {}
    tokens = parse(
        parsed,
        env,
        goldmark=options.goldmark_urls,
        magiclink=options.magiclink_urls,
        betterem=options.betterem_emphasis,
        github=options.github_urls
        and not (options.goldmark_urls or options.magiclink_urls or options.kramdown),
    )
    builder = _Builder(source, parsed, options, shown, templates)
    builder.html_spans = _commonmark_html_spans(parsed, commonmark)
    builder.labels = frozenset(env.get("references", {}))
    try:
        builder.title_kind = front is None or front.title is None
        for at in unclosed_shortcodes(source.text, templates, front.end if front is not None else 0):
            shown_end = at + 40  # (its line's first 40 characters: thousands on one line cost no n² reading)
            line_end = source.text.find("\n", at, shown_end)
            opener = source.text[at : line_end if line_end >= 0 else shown_end]
            builder.warn(
                at, f"shortcode {opener!r} is not closed; read as text (Hugo will not build this page)"
            )
        builder.markdown = value_reader(path, encoding, options, shown, source.line_of, builder.warnings)
        deep = too_deep(tokens)
        if deep is not None and deep.map is not None:
            builder.warn_line(
                deep.map[0] + 1,  # (markdown-it counts lines from 0; the text it read has the article's)
                f"block quotes or lists nested more than {BLOCK_NESTING} deep are not read: their text "
                "(and after such a list, the rest of the page) is kept as written, not offered for translation",
            )
        if front is not None:
            builder.front_matter(front)
        blocks = {template.start: template for template in templates if template.block}
        builder.walk(tokens, blocks, {pair[0].start: pair for pair in pairs})
        builder.references(env.get("reference_lines", []))
        builder.heading_ids()
        title = (front.title if front is not None else None) or builder.first_heading or path.stem
        return Document(
            path=path,
            format="markdown",
            encoding=encoding,
            parts=builder.parts(),
            source_locale=options.source_locale,
            warnings=builder.warnings,
            title=title,
            published=front.date if front is not None else None,
            depth=builder.depth + 4,
        )
    finally:  # its inline reader refers back to it: without the cycle, reference counts free them
        del builder.reader


#: The start of an attribute list, up to its first attribute.
_LIST_OPENING = re.compile(r"\{:?[ \t]*")
#: What starts a block of its own at a line's start (a title read as a paragraph must not).
_BLOCK_START = re.compile(
    r"[ \t]*(?:#{1,6}(?:[ \t]|$)|>|[*+-](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|```|~~~|<|\{\{|\{%|[=-]+[ \t]*$)"
)


def _read_otherwise_in_python_markdown(title: str) -> bool:
    r"""Whether Python-Markdown reads ``title`` (an admonition's, a content tab's, a pymdownx.blocks
    block's) otherwise than markdown-it does: ``\"`` is a quote here, a backslash and a quote there,
    and a link's title in them (``[l](u \"t\")``) is a link there, text here.

    >>> _read_otherwise_in_python_markdown('A [l](u \\"t\\") *x*'), _read_otherwise_in_python_markdown("A *x*")
    (True, False)
    """
    return '\\"' in title


def on_one_line(text: str) -> str:
    """A translated block title, its line breaks spaces (the title ends with its line).

    >>> on_one_line("Avoid `x`\\nin *Markdown*")
    'Avoid `x` in *Markdown*'
    """
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _admonition_title(text: str) -> str:
    """A translated admonition title, quotes included (its spaces collapsed), escaped as text:
    Python-Markdown (MkDocs) and the page's renderer read the title as inline Markdown and HTML.

    >>> print(_admonition_title('<img src=x onerror=alert(1)> *Say* "hi"'))
    "&lt;img src=x onerror=alert(1)> \\*Say\\* "hi""
    """
    return '"' + escape_markdown(" ".join(text.split())) + '"'


def _block_default_title(text: str) -> str:
    """A translated default title of a pymdownx.blocks block, written after its name
    (``/// tip`` → ``/// tip | Consejo``), on one line and escaped as Markdown.

    >>> print(_block_default_title("Consejo <b>"))
     | Consejo &lt;b>
    """
    return " | " + escape_markdown(" ".join(text.split()))


def _admonition_default_title(text: str) -> str:
    """A translated default title, written after the admonition's type (see :func:`_admonition_title`).

    >>> print(_admonition_default_title("Atención"))
     "Atención"
    """
    return " " + _admonition_title(text)
