"""A source article as a list of parts: verbatim source text and slots for translations.

Every format reader (HTML, Markdown, plain text) produces a :class:`Document`. Rendering
with no translations gives back the decoded source exactly; a slot with a translation is
re-built from the translation's text (escaped for the format) and the source's own markup
for each placeholder, so attributes and URLs never come from a translation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import not_
from pathlib import Path
from typing import Any, NamedTuple

from ..errors import PlaceholderMismatch
from ..inline import PLACEHOLDER_RE, placeholder_problem, unescape_lookalikes
from ..model import Issue, Placeholder, Unit
from .context_notes import fewer_places
from .dates import DateStyle
from .escape import escape_attribute, escape_before_markup, escape_text
from .heading_ids import id_written
from .html_attributes import page_href, quoted_attribute, set_attributes
from .md_escape import EMPTY_COMMENT, bare_url_stays_a_link, standalone_url
from .md_flanking import needs_apart


@dataclass(eq=False)
class AttrSlot:
    """A translatable attribute value, quotes included in ``raw`` (also a front matter value, a
    shortcode parameter, a Markdown image's alt text or a link's title: see ``write``)."""

    msgid: str
    ref: str
    raw: str
    kind: str
    notes: tuple[str, ...] = ()
    #: How the format writes a translated value, quotes included (None: an HTML attribute value).
    write: Callable[[str], str] | None = None

    def render_value(self, text: str) -> str:
        """The attribute value (with quotes) for a translated ``text``."""
        if self.write is not None:
            return self.write(unescape_lookalikes(text))
        return '"' + escape_attribute(unescape_lookalikes(text)) + '"'


@dataclass(eq=False)
class Tag:
    """Markup that holds translatable attributes, or that compile may rewrite (``<html>``)."""

    parts: list[Part]  # (start tags: text and attribute slots)
    name: str = ""
    extra_attributes: dict[str, str] = field(default_factory=dict)
    #: Attributes holding relative file URLs (``src``, ``srcset``, ``style`` with ``url()``…), unescaped.
    urls: dict[str, str] = field(default_factory=dict)
    line: int | None = None
    #: A value written in another syntax around its parts (a front matter value read as Markdown):
    #: how the rendering of its parts is written there (quoted and escaped for YAML), and the value
    #: and its text as the source has them (written as they are while the rendering is the value).
    write_value: Callable[[str], str] | None = None
    value_raw: tuple[str, str] | None = None


def reference_path(relpath: str) -> str:
    """An article's path as its units' ``#:`` references name it: a space (any white space) written
    ``%20``, as in a URL, for a PO reference ends at a space (msgcat, Poedit and polib split
    ``Odd Folder/a.md`` in two, and msgcat wraps a long line there); ``%`` then written ``%25``.

    >>> reference_path("posts/Odd Folder/Café (1).md"), reference_path("100%.md"), reference_path("a\u3000b")
    ('posts/Odd%20Folder/Café%20(1).md', '100%25.md', 'a%E3%80%80b')
    """
    if "%" not in relpath and relpath.split() == [relpath]:  # (no white space in it)
        return relpath
    return "".join(
        "".join(f"%{byte:02X}" for byte in char.encode()) if char == "%" or char.isspace() else char
        for char in relpath
    )


class Gap(str):
    """Whitespace between two sentences of one paragraph (dropped between translated CJK sentences)."""

    __slots__ = ()


class Unseen(str):
    """Source markup inside a unit that shows nothing and is no text (a stray end tag, ``</span>`` with
    no ``<span>`` open): kept out of the msgid, as written where the unit is, and written right after
    a translation of it (see :attr:`TextSlot.unseen`), where it closes nothing either."""

    __slots__ = ()


@dataclass(eq=False)
class Marker:
    """A place where compile may insert markup (``head-end``, ``body-start``: zero-width) or write
    its own value (``in-language``: the source's ``raw`` where compile writes nothing)."""

    name: str
    raw: str = ""


@dataclass(eq=False)
class LinkTarget:
    """A link destination that compile may rewrite per language (``/docs/`` → ``/es/docs/``).

    ``url`` is the destination as the link means it (unescaped), ``raw`` its source text as written
    (rendered when nothing is rewritten), and ``write`` gives the source text of another URL in
    this format (quoted and escaped as the format needs).
    """

    url: str
    raw: str
    write: Callable[[str], str]


def page_link(raw: str) -> tuple[tuple[int, int], LinkTarget] | None:
    """The span of the value of a start tag's ``href`` that may lead to another page of the site,
    root-relative or relative (see :func:`~transpub.formats.html_attributes.page_href`), and its
    :class:`LinkTarget`: compile may point it at the reader's language (``[compile.links]``), or at
    the source-language page of an article not published in it."""
    found = page_href(raw)
    if found is None:
        return None
    (start, end), url = found
    return (start, end), LinkTarget(url, raw[start:end], quoted_attribute)


#: A link destination that is a Jekyll Liquid tag naming the file of a page or a post (``{% link
#: en/harbour.md %}``, ``{% post_url 2024-01-05-harbour %}``), after ``{{ site.baseurl }}`` or not:
#: the tag's name and its argument.
LIQUID_LINK = re.compile(
    r"(?:\{\{-?[ \t]*site\.baseurl[ \t]*-?\}\})?\{%-?[ \t]*(link|post_url)[ \t]+([^\s%{}][^%{}\n]*?)[ \t]*-?%\}"
)


def liquid_link(written: str) -> LinkTarget | None:
    """The :class:`LinkTarget` of a link destination written as a Jekyll tag that names a page's or a
    post's file (see :data:`LIQUID_LINK`): its URL the destination as written, which compile may
    point at the file of the page's language; None for any other.

    >>> liquid_link("{{ site.baseurl }}{% link en/a b.md %}").url, liquid_link("{% post_url x %}/#top")
    ('{{ site.baseurl }}{% link en/a b.md %}', None)
    """
    return LinkTarget(written, written, as_written) if LIQUID_LINK.fullmatch(written) else None


def as_written(url: str) -> str:
    """A link destination written as it is (a Liquid tag: see :func:`liquid_link`)."""
    return url


def quoted_as_written(url: str) -> str:
    """An ``href`` value written as it is in double quotes (a Liquid tag: see :func:`liquid_link`)."""
    return f'"{url}"'


def single_quoted_as_written(url: str) -> str:
    """An ``href`` value written as it is in single quotes (a Liquid tag: see :func:`liquid_link`)."""
    return f"'{url}'"


@dataclass(eq=False)
class DateSlot:
    """The content of a ``<time datetime>`` that shows exactly its value: written anew in each locale."""

    value: str
    parts: list[Part]
    style: DateStyle | None = None


@dataclass(eq=False)
class PairedPieces:
    """The source markup a paired placeholder stands for."""

    open: list[Part]
    close: list[Part]
    #: The source from after the opening markup through the closing one, written instead of the
    #: translation's content and ``close`` when the translation keeps the element's content as the
    #: source has it (a Markdown link ``[text]`` whose label is its text stays ``[text]``; ``close``
    #: writes the label, ``][text]``, for a translated text). None: always ``close``.
    same: list[Part] | None = None


@dataclass(eq=False)
class TextSlot:
    """A translatable run of text, with its placeholders' source markup."""

    msgid: str
    ref: str
    parts: list[Part]
    placeholders: tuple[Placeholder, ...] = ()
    pieces: dict[int, PairedPieces | list[Part]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    kind: str = "text"
    flags: tuple[str, ...] = ()
    markable: bool = True
    escape: Callable[[str], str] = field(default=lambda s: s)
    #: How a piece of translated text that starts a line is escaped (Markdown: ``#``, ``>``, ``1.``…
    #: would start a block there); None: like any other piece.
    escape_line_start: Callable[[str], str] | None = None
    #: Markdown read where CommonMark reads raw HTML: the lines under a ``<div markdown="1">`` of its
    #: own, up to a blank line, which kramdown and MkDocs read as Markdown and Hugo (Goldmark) as its
    #: HTML block's (a bare URL is text there, and ``<https://…>`` a tag).
    in_html_block: bool = False
    #: Markdown: for a translation, how each of its texts between placeholders (by number, 0: the
    #: first) is written once escaped, given the text: with what of it the source writes as it is
    #: kept so (see :mod:`~transpub.formats.md_runs`); None: as escaped.
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None = None
    #: The :class:`Unseen` markup among its parts, joined: written after a translation (which has no
    #: place for it), and after the span compile wraps the source in (a stray ``</span>`` would close it).
    unseen: str = ""
    #: Why a translation (its placeholders the source's) cannot be written here, or None: a page from
    #: WordPress, whose shortcodes its order would pair otherwise (see :mod:`.wp_order`). Such a
    #: translation is refused as one a value writes its source for is (see
    #: :func:`~.value_slots.kept_source`), and the source is written for it. None: each can.
    unwritable: Callable[[str], str | None] | None = None
    #: The markup a translation's placeholders are written with, given the translation and
    #: :attr:`pieces`: Markdown whose order would pair a backtick of markup with another writes
    #: some otherwise (see :mod:`.md_ticks`). None: :attr:`pieces`, always.
    pieces_for: (
        Callable[[str, dict[int, PairedPieces | list[Part]]], dict[int, PairedPieces | list[Part]]] | None
    ) = None


@dataclass(eq=False)
class LineStart:
    """The line break (and the next line's indentation or quote markers) before a template token
    whose output a generator reads differently at a line's start (``{{% alert %}}``: a block there,
    inline after text), in a placeholder's source: written when a translation puts the token after
    text, nothing when it already starts a line."""

    raw: str


@dataclass(eq=False)
class HeadingId:
    """The end of a Markdown heading with no ``{#id}`` of its own: compile may write there the id the
    generator gives the source heading, when the heading is translated (see :mod:`.heading_ids`)."""

    #: The heading's text slots (among the parts before it).
    slots: list[TextSlot]
    #: Its id in each style of :data:`~.heading_ids.STYLES` that can tell it.
    ids: dict[str, str]
    #: The source from the heading's text to its line's end, spaces at the end left out (closing
    #: ``#``s): written when no id is.
    closing: str = ""
    #: The heading's own attribute list, when this place is at its start (``{.wide}``: ``{#id .wide}``).
    attributes: str = ""


@dataclass(eq=False)
class TitleRef:
    """A front matter value that names another page by its title (just-the-docs' ``parent:
    Customization``, see ``[extract.front_matter] title_refs``): not a unit; compile writes there the
    title that page is published with in the page's language (see :meth:`Document.render`)."""

    #: Its key (dotted: ``menu.main.parent``), the value as the format means it (the title named),
    #: the value as written, and how the format writes another value (quoted as it needs).
    key: str
    value: str
    raw: str
    write: Callable[[str], str]
    #: Its line in the article.
    line: int


Part = str | TextSlot | AttrSlot | Tag | Marker | DateSlot | LinkTarget | HeadingId | LineStart | TitleRef
Slot = TextSlot | AttrSlot


class Resolution(NamedTuple):
    """What compile decided for one slot: the text to publish (None: the source) and a wrapper
    (a named tuple: a rendering makes one per slot)."""

    text: str | None = None
    before: str = ""
    after: str = ""


Resolver = Callable[[Slot], Resolution]


class Translated:
    """A resolver that publishes each slot's text from ``texts`` (by msgid) and wraps a markable
    text slot without one in ``otherwise`` (any other slot is shown as written): what compile asks
    of a published page. :meth:`Document.render` follows it without a call per slot."""

    __slots__ = ("otherwise", "texts")

    def __init__(self, texts: Mapping[str, str], otherwise: Resolution | None = None) -> None:
        self.texts = texts
        self.otherwise = otherwise or Resolution()

    def __call__(self, slot: Slot) -> Resolution:
        text = self.texts.get(slot.msgid)
        if text is not None:
            return Resolution(text=text)
        if isinstance(slot, TextSlot) and slot.markable:
            return self.otherwise
        return _AS_WRITTEN


DateFormatter = Callable[["DateSlot"], "str | None"]
#: A link's new URL, or None to keep it as written (see :class:`LinkTarget`).
RewriteUrl = Callable[[str], "str | None"]


@dataclass(eq=False)
class Document:
    """A decoded article: its parts in source order, and what it is."""

    path: Path
    format: str  # html, markdown, or html-content (an HTML page with front matter: see html_content)
    encoding: str
    parts: list[Part]
    source_locale: str
    html_tag: Tag | None = None
    charset_tag: Tag | None = None
    #: Things the reader kept as written but a user should know (an unreadable ``<time datetime>``).
    warnings: list[Issue] = field(default_factory=list)
    #: The text of its ``<title>`` as written (for indexes, when the title is not for translation).
    title: str | None = None
    #: When it was published (``YYYY-MM-DD…`` as the article writes it), if it says.
    published: str | None = None
    #: The article sets its own ``<base href>``: its relative URLs do not resolve from its file.
    has_base: bool = False
    depth: int = 0  # how deep its elements nest (for information: rendering does not recurse on it)
    #: Its slots, tags and link targets, found on first use (its parts do not change once it is read).
    _slots: tuple[Slot, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _tags: tuple[Tag, ...] | None = field(default=None, init=False, repr=False, compare=False)
    _links: tuple[LinkTarget, ...] | None = field(default=None, init=False, repr=False, compare=False)

    @property
    def for_generator(self) -> bool:
        """A static-site generator's content file (Markdown, or HTML with front matter): published
        as a localized file for the generator, or as a page made from it (see compile)."""
        return self.format != "html"

    def slots(self) -> Iterator[Slot]:
        """Every slot in article order (attribute slots where their tag stands)."""
        if self._slots is None:  # found once: compile asks for them several times per page
            self._walk()
            assert self._slots is not None
        yield from self._slots

    def tags(self) -> Iterator[Tag]:
        """Every start tag compile may rewrite (see :class:`Tag`), in article order."""
        if self._tags is None:
            self._walk()
            assert self._tags is not None
        yield from self._tags

    def _walk(self) -> None:
        """Find its slots, tags and link targets (one walk for all: compile asks for each)."""
        slots, tags, links = _walk_parts(self.parts)
        self._slots, self._tags, self._links = tuple(slots), tuple(tags), tuple(links)

    def asset_tags(self) -> Iterator[Tag]:
        """The start tags holding relative file URLs, in article order."""
        yield from (tag for tag in self.tags() if tag.urls)

    def link_targets(self) -> Iterator[LinkTarget]:
        """Every link destination compile may rewrite, in article order (inside units too)."""
        if self._links is None:
            self._walk()
            assert self._links is not None
        yield from self._links

    def title_refs(self) -> list[TitleRef]:
        """Its front matter values that name a page by its title, in order (front matter is at the top)."""
        return [part for part in self.parts if isinstance(part, TitleRef)]

    def units(self, relpath: str | None = None) -> list[Unit]:
        """The document's translatable units, one per distinct msgid, refs merged, in order."""
        if self._slots is None:
            self._walk()
            assert self._slots is not None
        # msgid -> (first slot, refs, notes); dicts as ordered sets: a text repeated n times costs n, not n²
        merged: dict[str, tuple[Slot, dict[str, None], dict[str, None]]] = {}
        prefix = f"{reference_path(relpath)}#" if relpath else ""
        for slot in self._slots:
            entry = merged.get(slot.msgid)
            if entry is None:
                entry = merged[slot.msgid] = (slot, {}, {})
            entry[1][prefix + slot.ref] = None
            if slot.notes:
                entry[2].update(dict.fromkeys(slot.notes))
        units: list[Unit] = []
        for msgid, (first, refs, notes) in merged.items():
            unit = _new(Unit)  # (a frozen dataclass's __init__ costs a call per field: filled in place)
            fields = unit.__dict__
            fields["msgid"] = msgid
            fields["refs"] = tuple(refs)
            # (a text in many table cells or lists: the first few tell where it stands)
            fields["notes"] = tuple(notes) if len(notes) <= 3 else fewer_places(tuple(notes))
            placeholders = getattr(first, "placeholders", ())
            flags = getattr(first, "flags", ())
            fields["placeholders"] = placeholders if placeholders.__class__ is tuple else tuple(placeholders)
            fields["kind"] = first.kind
            fields["flags"] = flags if flags.__class__ is tuple else tuple(flags)
            units.append(unit)
        return units

    def render(
        self,
        resolve: Resolver | None = None,
        inserts: dict[str, str] | None = None,
        format_date: DateFormatter | None = None,
        *,
        join_sentences: bool = False,
        rewrite_url: RewriteUrl | None = None,
        omit: Collection[Tag] = (),
        heading_ids: str | None = None,
        titles: Mapping[str, str] | None = None,
    ) -> str:
        """The article text with each slot resolved (source text where ``resolve`` says None).

        ``inserts`` fills markers by name; ``format_date`` rewrites ``<time datetime>`` content;
        ``join_sentences`` drops the space between two translated sentences (Chinese, Japanese);
        ``rewrite_url`` gives a :class:`LinkTarget`'s new URL (None: as written); the tags in
        ``omit`` are left out (a :class:`Tag`'s ``extra_attributes`` are set on it as it is written);
        ``heading_ids`` names a generator (:data:`~.heading_ids.STYLES`): a translated Markdown heading
        gets the ``{#id}`` it gives the source heading; ``titles`` gives the title each page named
        by a :class:`TitleRef` is published with, by its source title (one not there: as written).

        The parts are followed as they are, with an explicit stack (parts may nest deeply): no
        other form of the article is made first (compile renders an article once per language,
        and most articles in one or two).
        """
        resolve = resolve or _as_written
        texts = resolve.texts if isinstance(resolve, Translated) else None
        if join_sentences and texts is None:  # a gap asks about its neighbours again
            resolve = _memoized(resolve)
        out: list[str] = []
        _render(
            self.parts,
            out,
            resolve,
            None if texts is None else texts.get,
            inserts or {},
            format_date,
            join_sentences,
            rewrite_url,
            {id(tag) for tag in omit},
            heading_ids,
            _RUNS_ON if self.format == "markdown" else frozenset(),
            titles or {},
        )
        return "".join(out)


def _as_written(slot: Slot) -> Resolution:
    return _AS_WRITTEN


_AS_WRITTEN = Resolution()


def _memoized(resolve: Resolver) -> Resolver:
    cache: dict[int, Resolution] = {}

    def cached(slot: Slot) -> Resolution:
        key = id(slot)
        found = cache.get(key)
        if found is None:
            found = cache[key] = resolve(slot)
        return found

    return cached


class _Piece:
    """Translated text of a slot that may start a Markdown line (escaped as it is written)."""

    __slots__ = ("after", "before_link", "kept", "slot", "text")

    def __init__(
        self, slot: TextSlot, text: str, after: str = "", kept: Callable[[str], str] | None = None
    ) -> None:
        self.slot, self.text = slot, text
        #: How it is written once escaped (see :attr:`TextSlot.keep_runs`); None: as escaped.
        self.kept = kept
        self.before_link = False  # a link's ``[`` follows: a ``!`` ending the text would make it an image
        #: What markup is right before it: ``"]"`` (``[docs]``, ``![logo]``, ``[^1]``: a ``(`` or ``:``
        #: starting the text would make that a link, an image or a reference definition), ``"%}}"``
        #: (a Hugo shortcode whose output is Markdown, often ending in a line break: the text may start
        #: a line), ``"-->"`` (an HTML comment: where one opens a line, kramdown and Python-Markdown
        #: read the text after it as a block of its own), else ``""``.
        self.after = after


#: Markup after which a translation is escaped as at a line's start (see :attr:`_Piece.after`).
_STARTS_A_LINE = frozenset({"%}}", "-->"})


#: What a text right after markup ending in ``]`` starts with, written so that it stays text.
_AFTER_BRACKET = {"(": "&#40;", ":": "&#58;"}


def _after_bracket(written: str, definition: bool = True) -> str:
    """``written`` (escaped text right after markup ending in ``]``) with a first ``(`` or ``:`` as a
    character reference: ``[docs](javascript:…)`` and ``[docs]: https://…`` are markup (the ``:``
    only where the markup may start a line: ``definition``)."""
    first = _AFTER_BRACKET.get(written[:1]) if definition or written[:1] != ":" else None
    return written if first is None else first + written[1:]


def _render(
    parts: list[Part],
    out: list[str],
    resolve: Resolver,
    lookup: Callable[[str], str | None] | None,
    inserts: dict[str, str],
    format_date: DateFormatter | None,
    join: bool,
    rewrite_url: RewriteUrl | None,
    omit: set[int],
    heading_ids: str | None = None,
    runs_on: frozenset[str] = frozenset(),
    titles: Mapping[str, str] = {},
) -> None:
    """Write the rendering of ``parts`` to ``out`` (see :meth:`Document.render`; ``lookup``: the
    texts of a :class:`Translated` resolver, looked up without a call per slot; ``runs_on``: how a
    sentence may end that keeps its space when ``join`` drops it, see :data:`_RUNS_ON`)."""

    def translated(part: object) -> bool:
        if part.__class__ is not TextSlot and not isinstance(part, TextSlot):
            return False
        text = None if lookup is None else lookup(part.msgid)
        if text is None:
            text = resolve(part).text
        return text is not None and text != part.msgid

    # each frame: the items left of the list being followed, that list, the list written to, and
    # what ends it (a string to add, or a tag whose attributes are set on what was written)
    as_written = resolve is _as_written
    stack: list[tuple[Iterator[tuple[int, Any]], list[Any], list[str], str | Tag]] = []
    source: list[Any] = parts
    items: Iterator[tuple[int, Any]] = enumerate(parts)
    while True:
        for index, part in items:
            cls = part.__class__
            if cls is str:
                out.append(part)
                continue
            if cls not in _PART_CLASSES:
                cls = _part_class(part)
            if cls is TextSlot:
                if as_written:  # (the source language's page: no call per slot)
                    text, after = None, ""
                elif lookup is None or (text := lookup(part.msgid)) is None:
                    text, before, after = resolve(part)
                    if before:
                        out.append(before)
                else:  # what the Translated resolver says of it
                    after = ""
                if text is not None and part.unwritable is not None and part.unwritable(text):
                    text = None  # (compile refuses it: see value_slots.kept_source)
                if part.unseen and (after or (text is not None and text != part.msgid)):
                    after += part.unseen  # (after the translation, or after a wrapper around the source)
                if text is None or text == part.msgid:
                    inner = part.parts
                    if part.unseen and after:
                        inner = [item for item in inner if item.__class__ is not Unseen]
                    if len(inner) == 1 and inner[0].__class__ is str:  # a sentence as written
                        out.append(inner[0])
                        if after:
                            out.append(after)
                        continue
                elif "<" not in text and "<" not in part.msgid and part.escape_line_start is None:
                    # text only, no placeholder
                    out.append(part.escape(text if "&" not in text else unescape_lookalikes(text)))
                    if after:
                        out.append(after)
                    continue
                else:
                    inner, plain = _translation(part, text, heading_ids)
                    if plain:  # text and markup written as they are (most translations with placeholders)
                        out += inner
                        if after:
                            out.append(after)
                        continue
                stack.append((items, source, out, after))
                source, items = inner, enumerate(inner)
                break
            if cls is Gap:
                if not (
                    join
                    and 0 < index < len(source) - 1
                    and not part.strip()
                    and translated(source[index - 1])
                    and translated(source[index + 1])
                    and _tail(out)[-1:] not in runs_on
                ):
                    out.append(part)
            elif cls is str:  # (a string of another class)
                out.append(part)
            elif cls is AttrSlot:
                text = None if lookup is None else lookup(part.msgid)
                if text is None and not as_written:
                    text = resolve(part).text
                out.append(part.raw if text is None or text == part.msgid else part.render_value(text))
            elif cls is Tag:
                if id(part) in omit:
                    continue
                if part.extra_attributes or part.write_value is not None:
                    stack.append((items, source, out, part))
                    out = []
                else:
                    stack.append((items, source, out, ""))
                source = part.parts
                items = enumerate(source)
                break
            elif cls is Marker:
                out.append(inserts.get(part.name, part.raw))
            elif cls is LinkTarget:
                new = rewrite_url(part.url) if rewrite_url is not None else None
                out.append(part.raw if new is None or new == part.url else part.write(new))
            elif cls is TitleRef:
                new = titles.get(part.value)
                out.append(part.raw if new is None or new == part.value else part.write(new))
            elif cls is DateSlot:
                written = format_date(part) if format_date is not None and part.style is not None else None
                if written is not None:
                    out.append(escape_text(written))
                    continue
                stack.append((items, source, out, ""))  # its content, as written
                source = part.parts
                items = enumerate(source)
                break
            elif cls is list:  # a placeholder's source markup, in a translation
                stack.append((items, source, out, ""))
                source = part
                items = enumerate(source)
                break
            elif cls is LineStart:
                if not _at_line_start(out):
                    if out and out[-1].endswith((" ", "\t")):  # (two spaces before it: a hard break)
                        out[-1] = out[-1].rstrip(" \t")
                    out.append(part.raw)
            elif cls is HeadingId:
                heading_id = part.ids.get(heading_ids) if heading_ids is not None else None
                if heading_ids is not None and heading_id is not None and any(map(translated, part.slots)):
                    written = id_written(heading_ids, heading_id, part.attributes)
                    if part.attributes and out and out[-1].endswith((" ", "\t")):
                        written = written.lstrip(" ")  # ("{: .wide }" → "{: #id .wide }", not "{:  #id")
                    out.append(written)
                else:
                    out.append(part.closing)
            elif cls is _Piece:  # translated text that may start a Markdown line
                slot = part.slot
                # what is before it, of this unit or of the one before (sentences a language
                # writes without a space between them meet here)
                before = _tail(out)
                after = part.after or _markup_end([before.rstrip(" \t")])
                at_line_start = _at_line_start(out)
                starts = after in _STARTS_A_LINE or at_line_start
                escape = slot.escape_line_start if starts and slot.escape_line_start else slot.escape
                # (spaces a translation starts a line with would move it: out of its list item, or
                # into an indented code block)
                text = part.text.lstrip(" \t") if at_line_start and slot.escape_line_start else part.text
                written = escape(text)
                if part.kept is not None:
                    written = part.kept(written)
                if written.startswith(":::") and _at_heading_start(out):  # (mkdocstrings' #### ::: name)
                    written = "&#58;" + written[1:]
                if part.before_link and _bare_bang_ends(written):
                    written = written[:-1] + ("&#33;" if slot.in_html_block else "\\!")
                if after in ("]", "](") and before.endswith("]"):
                    written = _after_bracket(written, definition=after == "]")
                elif before[-1:].isalnum() or before[-1:] in (":", "/"):
                    written = _address_continued(written, heading_ids)
                out.append(written)
        else:
            if not stack:
                return
            items, source, parent, end = stack.pop()
            if isinstance(end, str):
                if end:
                    parent.append(end)
            elif end.write_value is not None:
                parent.append(_value_written("".join(out), end))
            else:
                parent.append(_with_attributes("".join(out), tuple(end.extra_attributes.items())))
            out = parent


#: The classes of parts :func:`_render` tells apart (anything else: by the class it derives from).
_PART_CLASSES = frozenset(
    {TextSlot, Gap, AttrSlot, Tag, Marker, LinkTarget, DateSlot, HeadingId, LineStart, TitleRef, list, _Piece}
)


def _part_class(part: object) -> type:
    """The class :func:`_render` takes ``part`` for (one it derives from; None: nothing written)."""
    for cls in (
        Gap,
        str,
        TextSlot,
        AttrSlot,
        Tag,
        Marker,
        LinkTarget,
        DateSlot,
        HeadingId,
        LineStart,
        TitleRef,
    ):
        if isinstance(part, cls):
            return cls
    return type(None)


#: The generators (``[compile] heading_ids``) that read the lines under a ``<div markdown="1">`` of
#: its own as Markdown and make a link of a bare URL there: MkDocs (md_in_html, magiclink), and with
#: None any generator, MkDocs too (a translation glued to the address there would send its link
#: elsewhere: ``<1/>evil.example``). kramdown reads them as Markdown but links no bare URL; CommonMark
#: (Hugo's Goldmark, mdBook, transpub's HTML pages) reads them as raw HTML, where ``<https://…>`` is a
#: tag that hides the address.
_LINKS_BARE_URLS_IN_HTML_BLOCKS = frozenset({"mkdocs", None})
#: The generators that make no link of a bare URL anywhere: Jekyll (kramdown), where the source's
#: ``https://…`` is text, and ``<https://…>`` a link.
_NO_BARE_URL_LINKS = frozenset({"jekyll"})
#: The generators for which a bare URL a translation glues to something is written apart from it
#: (see :func:`_url_apart`), not as a link on its own (``<https://…>``, a link to every renderer):
#: those where the source's may be text. None: any generator (Hugo links it, kramdown never,
#: Python-Markdown with magiclink only); MkDocs, with magiclink or without; Jekyll (kramdown).
_URLS_APART = frozenset({None, "mkdocs", "jekyll"})
#: The ``heading_ids`` of transpub's own HTML pages of Markdown articles, whose renderer links a
#: ``www.`` host to ``http://`` as :func:`~.md_escape.standalone_url` does (Hugo to ``https://``:
#: written apart there too).
_OWN_PAGES = "github"


def _bare_url_in_place(
    slot: TextSlot,
    number: str,
    piece: list[Part],
    split: list[str],
    at: int,
    generator: str | None,
    keep: Callable[[int, str, str], str] | None = None,
) -> list[Part]:
    """The source parts of the standalone placeholder ``number`` of ``slot``, at ``at`` in a translation
    split by ``PLACEHOLDER_RE``: as written, but for a Markdown bare URL (``https://…``, ``www.…``, an
    address: a link whose markup is its text) that the text the translation puts around it would
    make another link or no link (``访问https://a.org了解``: text glued to it), which is written so
    that it stays the link it is (see :func:`~transpub.formats.md_escape.standalone_url`); in the
    lines under a ``<div markdown="1">`` (:attr:`TextSlot.in_html_block`) only for a generator that
    links it there or may (``generator``, ``[compile] heading_ids``; None: not known): to the others
    it is text there, as the source's is; for Jekyll, which links no bare URL, only where the text glued to it would make
    kramdown show it otherwise (:func:`_typography_joined`). A character right before it that
    ``keep`` (see :attr:`TextSlot.keep_runs`) writes as the source does (``~``, ``\\~``: see
    :mod:`~transpub.formats.md_url_leads`) is the source's lead."""
    raw = piece[0]
    if raw.__class__ is not str or raw[:1] in ("<", "[", "") or raw.isspace():
        return piece  # (a line break of a page from WordPress, see html_wordpress: no URL)
    if slot.in_html_block and generator not in _LINKS_BARE_URLS_IN_HTML_BLOCKS:
        return piece
    if generator in _NO_BARE_URL_LINKS and not _typography_joined(raw, *_around(split, at)):
        return piece
    shown = next((p for p in slot.placeholders if str(p.number) == number), None)
    if shown is None or shown.tag != "a" or shown.paired:  # (it shows the URL decoded: %41 as A)
        return piece
    here, source = _around(split, at), PLACEHOLDER_RE.split(slot.msgid)
    index = next((i for i in range(1, len(source), 4) if source[i + 1 : i + 3] == [number, "/"]), 0)
    same_lead = index > 0 and (
        _lead_in(source, index) == _lead_in(split, at) or _lead_kept(split, at, slot.escape, keep)
    )
    written = _neighbours_written(split, at, slot.escape)
    written = (written[0], _first_kept(split, at, slot.escape, keep, written[1]))
    if same_lead:  # (after the source's own text: its character before as the source writes it)
        written = (here[0], written[1])
    if bare_url_stays_a_link(*written) or (
        bare_url_stays_a_link(written[0], "") and _url_ends_before(written[1], generator, raw)
    ):
        return piece
    after = here[1]
    if index and _around(source, index)[1] == after and _written_as_shown(slot, split, at, keep, after):
        if same_lead or bare_url_stays_a_link(written[0], ""):  # followed as in the source, written so
            return piece  # the same link (after the same text, or where a link may start)
    if generator in _URLS_APART or (raw[:4].lower() == "www." and generator != _OWN_PAGES):
        apart = _url_apart(raw, split, at, generator, written)
        # (after the source's own letter or lead, where a URL starts on each page as on the source's:
        # GitHub links https:// after any but an ASCII letter, Goldmark would link it after a comment)
        own = same_lead or (index > 0 and here[0].isalnum() and _around(source, index)[0] == here[0])
        return [apart.removeprefix(EMPTY_COMMENT) if own and generator is None else apart]
    link = standalone_url(raw, slot.escape)
    return piece if link is None else [link]


def _written_as_shown(
    slot: TextSlot, split: list[str], at: int, keep: Callable[[int, str, str], str] | None, after: str
) -> bool:
    """Whether ``after``, what follows the placeholder at ``at`` of a translation split by
    ``PLACEHOLDER_RE`` up to the first space, is written as it shows: escaped so, or kept so by
    ``keep`` (a ``]`` that closes nothing, see :mod:`.md_lone_closings`, after which GFM's autolinks
    run the URL on, as they run the source's).

    >>> from transpub.formats.md_escape import escape_markdown
    >>> slot = TextSlot("A <1/>] b", "r", [], escape=escape_markdown)
    >>> split = PLACEHOLDER_RE.split("A <1/>] b")
    >>> _written_as_shown(slot, split, 1, None, "]"), _written_as_shown(slot, split, 1, lambda n, t, w: "] b", "]")
    (False, True)
    """
    if slot.escape(after) == after:
        return True
    if keep is None:
        return False
    text = split[at + 3]
    written = keep((at + 3) // 4, text, slot.escape(text))
    return written.startswith(after) and written[len(after) : len(after) + 1] in ("", " ")


def _url_apart(
    raw: str, split: list[str], at: int, generator: str | None, written: tuple[str, str] | None = None
) -> str:
    """The bare URL ``raw`` of the placeholder at ``at`` of a translation split by ``PLACEHOLDER_RE``,
    with an empty HTML comment on each side where what the translation glues to it would join it:
    text that no link starts after (``访问https://…``, ``说"https://…"``), text or markup that would
    become part of it (``https://…了解``, a code span's backtick); for Jekyll (``generator``), only a
    dash or dot of kramdown's typography (``x-`` and ``-…``: ``x–``). Goldmark (Hugo) links a bare URL
    right after an inline element, a comment too, and ends it at a ``<``; so does magiclink (MkDocs);
    kramdown and Python-Markdown without magiclink show it as text, as they show the source's. A
    link's text or emphasis that the placeholder after it closes is no part of it (and a comment
    there would leave a ``*`` after it unclosed). What is glued to it is judged as it is
    ``written`` (see :func:`_neighbours_written`; else as it is): ``~`` as ``&#126;``, after which
    no URL starts.

    >>> _url_apart("https://a.org", PLACEHOLDER_RE.split("访问<1/>了解"), 1, None)
    '<!-- -->https://a.org<!-- -->'
    >>> _url_apart("https://a.org", PLACEHOLDER_RE.split("X <3/><2/><1/>"), 5, None)
    'https://a.org<!-- -->'
    >>> _url_apart("https://a.org", PLACEHOLDER_RE.split("<1><2/></1>了解"), 5, None)
    'https://a.org'
    >>> _url_apart("https://a.org/x-", PLACEHOLDER_RE.split("访问<1/>-了解"), 1, "jekyll")
    'https://a.org/x-<!-- -->'
    >>> from transpub.formats.md_escape import escape_markdown
    >>> split = PLACEHOLDER_RE.split("~<1/>~")
    >>> _url_apart("https://a.org", split, 1, None, _neighbours_written(split, 1, escape_markdown))
    '<!-- -->https://a.org<!-- -->'
    """
    before, after = _around(split, at)
    if generator in _NO_BARE_URL_LINKS:
        apart_before = raw[0] in "-." and before == raw[0]
        apart_after = raw[-1] in "-." and after[:1] == raw[-1]
    else:
        before, after = written or (before, after)
        apart_before = before != "\0" and not bare_url_stays_a_link(before, "")
        apart_after = (
            not bare_url_stays_a_link(" ", after)
            and not _url_ends_before(after, generator, raw)
            and not (after == "\0" and split[at + 4] == "/")
        )
    return f"{EMPTY_COMMENT if apart_before else ''}{raw}{EMPTY_COMMENT if apart_after else ''}"


#: The generators whose linkify ends a bare URL at a character outside ASCII that is no letter or
#: digit (Goldmark, Hugo's, at any character outside ASCII; magiclink, MkDocs', at one no word
#: has): Hugo, MkDocs, Jekyll (kramdown links none), and None (any generator: those three).
_URL_ENDS_OUTSIDE_ASCII = frozenset({None, "hugo", "mkdocs", "jekyll"})
#: What Goldmark and magiclink leave out of a bare URL's end.
_URL_TRAIL = "?!.,:*_~"


def _url_ends_before(after: str, generator: str | None, raw: str = "") -> bool:
    """Whether ``after``, what a translation glues right after a bare URL (up to the first space, as
    written), is no part of it for ``generator`` (see :data:`_URL_ENDS_OUTSIDE_ASCII`): punctuation
    the linkify leaves out of its end, then a character it ends it at (``.⟧``, ``。``; for Hugo
    ``了解`` too, and whatever Goldmark ends the URL ``raw`` before: ``*了解``, ``\\_x``; not a NUL,
    another placeholder's markup glued after, see :func:`_neighbours_written`; for MkDocs a ``*`` or a
    backslash, which magiclink ends it at). GFM's
    autolinks (GitHub's, transpub's HTML pages) run on to the next space.

    >>> _url_ends_before(".⟧", None), _url_ends_before("。", "mkdocs"), _url_ends_before(".了", "hugo")
    (True, True, True)
    >>> _url_ends_before(".了", None), _url_ends_before(".x", "hugo"), _url_ends_before(".⟧", "github")
    (False, False, False)
    >>> _url_ends_before("*了解", "hugo", "https://a.org"), _url_ends_before("_x", "hugo", "https://a.org/p")
    (True, False)
    >>> _url_ends_before("\\\\*x", "mkdocs"), _url_ends_before("*x", "mkdocs"), _url_ends_before("_x", "mkdocs")
    (True, True, False)
    """
    if generator == "hugo" and raw and "\0" not in after:
        from .md_goldmark_urls import goldmark_url_length  # (it loads markdown_it: a Markdown site's alone)

        if goldmark_url_length(raw + after) == len(raw):
            return True
    if generator == "mkdocs" and after[:1] in ("*", "\\"):
        return True  # (magiclink ends a URL at a * and at a backslash)
    rest = after.lstrip(_URL_TRAIL)
    if generator not in _URL_ENDS_OUTSIDE_ASCII or not rest or rest[0].isascii():
        return False
    return generator == "hugo" or _WORD_CHARACTER.match(rest) is None


#: A character magiclink takes into a URL's path (a word's: letters, digits, ``_``, marks).
_WORD_CHARACTER = re.compile(r"\w")


def _lead_kept(
    split: list[str], at: int, escape: Callable[[str], str], keep: Callable[[int, str, str], str] | None
) -> bool:
    r"""Whether ``keep`` writes the character of the text right before the placeholder at ``at`` (of a
    text split by ``PLACEHOLDER_RE``) otherwise than ``escape`` does, as it is or escaped: as the
    source writes it there (see :func:`~transpub.formats.md_url_leads.url_leads_kept`).

    >>> from transpub.formats.md_escape import escape_markdown
    >>> split = PLACEHOLDER_RE.split("Geh ~<1/>")
    >>> _lead_kept(split, 1, escape_markdown, lambda n, text, written: written[:-6] + "\\~")
    True
    >>> _lead_kept(split, 1, escape_markdown, lambda n, text, written: written.replace("G", "g"))
    False
    """
    text = split[at - 1]
    if keep is None or not text or text[-1].isspace():
        return False
    escaped = escape(text)
    kept = keep((at - 1) // 4, text, escaped)
    return kept.endswith(text[-1]) and not escaped.endswith(kept[-2:])


def _lead_in(split: list[str], at: int) -> str:
    """The text right before the placeholder at ``at`` of a text split by ``PLACEHOLDER_RE`` that
    decides whether a bare URL there is a link: its last three characters, NUL first for another
    placeholder's markup right before fewer. One character is not enough where Goldmark's
    typographer decides (``说"https://…"``: a quote after a letter is no opening quote, and no link
    starts after it; ``--``, ``...``)."""
    text = split[at - 1]
    return text[-3:] if len(text) >= 3 or at == 1 else "\0" + text


def _neighbours_written(split: list[str], at: int, escape: Callable[[str], str]) -> tuple[str, str]:
    r"""What :func:`_around` finds around the placeholder at ``at``, as ``escape`` writes it: a
    character before it written otherwise (``~`` as ``&#126;``, ``*`` as ``\*``) is a backslash
    (after which no renderer starts a link), and what follows it is written escaped (``&#126;``,
    whose ``&`` a URL would take in), a NUL after it where another placeholder's markup follows
    it with no space between (``.`a```: Goldmark takes the code span into the URL).

    >>> from transpub.formats.md_escape import escape_markdown
    >>> _neighbours_written(PLACEHOLDER_RE.split("~<1/>~ x"), 1, escape_markdown)
    ('\\', '&#126;')
    >>> _neighbours_written(PLACEHOLDER_RE.split("(<1/>. x"), 1, escape_markdown)
    ('(', '.')
    >>> _neighbours_written(PLACEHOLDER_RE.split("(<1/>.<2/>"), 1, escape_markdown)
    ('(', '.\x00')
    """
    before, after = _around(split, at)
    if before not in ("", "\0") and not before.isspace():
        written = escape(split[at - 1])
        if not written.endswith(before) or written[-len(before) - 1 : -len(before)] == "\\":
            before = "\\"
    if after not in ("", "\0"):
        after = escape(after)
        if at + 4 < len(split) and not any(char.isspace() for char in split[at + 3]) and split[at + 4] != "/":
            after += "\0"
    return before, after


def _first_kept(
    split: list[str],
    at: int,
    escape: Callable[[str], str],
    keep: Callable[[int, str, str], str] | None,
    after: str,
) -> str:
    r"""``after``, what follows the placeholder at ``at`` (of a text split by ``PLACEHOLDER_RE``) as
    ``escape`` writes it (see :func:`_neighbours_written`), its first character as ``keep`` writes
    it where that writes it as it is (a ``*`` or ``~`` the source writes so after a bare URL: see
    :mod:`~transpub.formats.md_url_trails`).

    >>> from transpub.formats.md_escape import escape_markdown
    >>> split = PLACEHOLDER_RE.split("<1/>~ x")
    >>> _first_kept(split, 1, escape_markdown, lambda n, text, written: "~" + written[6:], "&#126;")
    '~'
    >>> _first_kept(split, 1, escape_markdown, None, "&#126;")
    '&#126;'
    """
    text = split[at + 3]
    if keep is None or not text:
        return after
    escaped = escape(text)
    kept = keep((at + 3) // 4, text, escaped)
    spelled = len(escaped) - len(kept) + 1  # (how long the first character's escaped spelling is)
    if kept == escaped or kept[:1] != text[0] or spelled < 1 or escaped[spelled:] != kept[1:]:
        return after
    return text[0] + after[spelled:] if after.startswith(escaped[:spelled]) else after


def _typography_joined(raw: str, before: str, after: str) -> bool:
    """Whether text glued to the bare URL ``raw`` (``before``: the character before it, ``after``:
    what follows it up to a space) would join an end of it into a dash or an ellipsis of kramdown's
    typography (``https://a.example/x-`` and ``-…``: ``x–``), which the URL shows as text.

    >>> _typography_joined("https://a.example/x-", "问", "-了解"), _typography_joined("https://a.example", "问", "了")
    (True, False)
    """
    return (raw[-1] in "-." and after[:1] == raw[-1]) or (raw[0] in "-." and before == raw[0])


def _around(split: list[str], at: int) -> tuple[str, str]:
    """The character right before the placeholder at ``at`` of a text split by ``PLACEHOLDER_RE``
    ("": none; NUL: another placeholder's markup) and what follows it up to the first space."""
    before_text, after_text = split[at - 1], split[at + 3]
    before = before_text[-1:] if before_text or at == 1 else "\0"
    if not after_text and at + 4 < len(split):
        return before, "\0"
    return before, after_text.split(None, 1)[0] if after_text and not after_text[0].isspace() else ""


def _glued_as_in_source(slot: TextSlot, text: str, tag: str) -> bool:
    """Whether the placeholder ``tag`` (``<1>``, ``</1>``) of ``slot`` has in the translation
    ``text`` the characters it has in its msgid on either side (characters a translation writes as
    they are, or another placeholder's markup): its markup glued to what is around it as the
    source's is, which every renderer reads as it reads the source's (``**注意：**阅读`` on MkDocs:
    no empty comment).

    >>> from transpub.formats.md_escape import escape_markdown
    >>> slot = TextSlot("<1>注意：</1>阅读", "r", [], escape=escape_markdown)
    >>> _glued_as_in_source(slot, "⟦<1>注意：</1>阅读⟧", "</1>"), _glued_as_in_source(slot, "<1>注意：</1>看", "</1>")
    (True, False)
    """
    around = _beside(slot.msgid, tag)
    return (
        around is not None
        and around == _beside(text, tag)
        and all(slot.escape(char) == char for char in around)
    )


def _beside(text: str, tag: str) -> tuple[str, str] | None:
    """The characters right before and after ``tag`` in ``text`` ("": its edge), None where it is
    not there once."""
    at = text.find(tag)
    if at < 0 or text.find(tag, at + 1) >= 0:
        return None
    return text[at - 1 : at] if at else "", text[at + len(tag) : at + len(tag) + 1]


def _translation(slot: TextSlot, text: str, generator: str | None) -> tuple[list[Any], bool]:
    """``slot`` translated as ``text``: its text escaped, each placeholder's source parts (a list,
    or its strings among the items when it has nothing else); and whether every item is a string
    (written as it is). ``generator``: the ``[compile] heading_ids`` the page is written for (see
    :func:`_bare_url_in_place`)."""
    problem = _placeholder_problem(slot.msgid, text)
    if problem:
        raise PlaceholderMismatch(problem)
    escape, line_start = slot.escape, slot.escape_line_start
    plain = line_start is None
    keep = slot.keep_runs(text) if slot.keep_runs is not None else None
    if "<" not in text:  # most sentences: text only, no placeholder
        value = text if "&" not in text else unescape_lookalikes(text)
        kept = functools.partial(keep, 0, value) if keep is not None else None
        if not plain:
            return [_Piece(slot, value, "", kept)], plain
        return [escape(value) if kept is None else kept(escape(value))], plain
    pieces = slot.pieces if slot.pieces_for is None else slot.pieces_for(text, slot.pieces)
    items: list[Any] = []
    opened: dict[str, int] = {}  # where each opening piece with a ``same`` is among the items
    # tokenize's split, without a token object per piece: the text, then (closing slash,
    # number, empty slash, text after) for each placeholder
    split = PLACEHOLDER_RE.split(text)
    pending = split[0]
    bracket = ""  # how the last placeholder's markup ends (see _Piece.after)
    on_line = False  # whether this line of the translation has text or markup so far
    opened_on_line: dict[str, bool] = {}  # so when each paired placeholder opened
    for index in range(1, len(split), 4):
        closing, number, empty, after = split[index : index + 4]
        if closing and empty:  # "</1/>" is no placeholder: text, as tokenize says
            pending += f"<{closing}{number}{empty}>{after}"
            continue
        piece = pieces.get(int(number))
        if (
            pending
            and empty
            and not pending.strip(" \t")
            and index > 1
            and _glued_attributes(piece, slot.msgid, number, "<{}{}{}>".format(*split[index - 4 : index - 1]))
        ):
            pending = ""  # (after a space kramdown shows it as text)
        if pending:
            items.append(
                _text_item(
                    slot, pending, line_start is None, bracket, keep, (index - 1) // 4, markup_after=True
                )
            )
            on_line = _line_goes_on(pending, on_line)
        mid_line = on_line if not closing else opened_on_line.get(number, False)
        if not (closing or empty):
            opened_on_line[number] = on_line
        pending = after
        if piece is None:  # placeholder_problem lets nothing else through; never a KeyError
            raise PlaceholderMismatch(f"placeholder <{closing}{number}{empty}> is not in the source")
        if empty and not closing and piece.__class__ is list and len(piece) == 1:
            piece = _bare_url_in_place(slot, number, piece, split, index, generator, keep)
            if _ends_the_text(split, index) and _is_hard_break(piece[0]):
                piece = []  # (a line break ending a paragraph shows nothing, "\\" shows a backslash)
        if isinstance(piece, PairedPieces):
            if piece.same is not None and not (closing or empty):
                opened[number] = len(items)
            elif piece.same is not None and number in opened and _same_content(slot.msgid, text, number):
                del items[opened[number] :]
                items.append([*piece.open, *piece.same])
                plain = False
                bracket, on_line = _after_markup(piece.same, mid_line)
                continue
            opening = not (closing or empty)
            piece = piece.open if opening else piece.close
            last = items[-1] if items else None  # (what is written right before it, else the text)
            if last.__class__ is list and last:  # (markup with a link target: its last string)
                last = last[-1]
            before = last[-1:] if last.__class__ is str and last else split[index - 1][-1:]
            apart = (
                not empty
                and needs_apart(piece, before, after[:1], opening, generator == "mkdocs")
                and not _glued_as_in_source(slot, text, f"<{closing}{number}>")
            )
            if apart and opening:
                items.append(EMPTY_COMMENT)  # (emphasis the text glues to: see md_flanking)
        else:
            apart = opening = False
        if (
            items
            and items[-1].__class__ is _Piece
            and piece
            and piece[0].__class__ is str
            and piece[0][:1] == "["
        ):
            items[-1].before_link = True
        if _only_strings(piece):
            items += piece
        else:
            items.append(piece if piece.__class__ is list else list(piece))
            plain = False
        bracket, on_line = _after_markup(piece, mid_line)
        if apart and not opening:
            items.append(EMPTY_COMMENT)
    if pending:
        items.append(_text_item(slot, pending, line_start is None, bracket, keep, (len(split) - 1) // 4))
    return items, plain


#: A hard line break as written: a backslash or two spaces or more before the line's end (and the
#: container prefixes of the next line).
_HARD_BREAK = re.compile(r"(?:\\|[ \t]{2,})\n[ \t>]*")


def _is_hard_break(part: object) -> bool:
    """Whether ``part`` (a placeholder's markup) is a hard line break."""
    return part.__class__ is str and _HARD_BREAK.fullmatch(part) is not None


def _ends_the_text(split: list[str], index: int) -> bool:
    """Whether the placeholder at ``index`` of a translation split by ``PLACEHOLDER_RE`` is followed by
    nothing but spaces and the closing placeholders of pairs (``一<1/>``, ``<2>一<1/></2>``): a line
    break there ends the paragraph.

    >>> _ends_the_text(PLACEHOLDER_RE.split("一<1/> "), 1), _ends_the_text(PLACEHOLDER_RE.split("<2>一<1/></2>"), 5)
    (True, True)
    >>> _ends_the_text(PLACEHOLDER_RE.split("一<1/>二"), 1), _ends_the_text(PLACEHOLDER_RE.split("<1/><2/>"), 1)
    (False, False)
    """
    texts, closings = split[index + 3 :: 4], split[index + 4 :: 4]
    return not any(text.strip() for text in texts) and all(closing == "/" for closing in closings)


#: A span attribute list (kramdown's ``{: .btn}``, attr_list's ``{.btn}``, ``{#id}``): set on the
#: element right before it, and only when nothing is between them.
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*[.#:\w]")


def _glued_attributes(piece: object, msgid: str, number: str, before: str) -> bool:
    """Whether ``piece`` (of placeholder ``<number/>``) is an attribute list the source writes right
    after the placeholder ``before`` (``<1>Button</1><2/>``), which a translation writes before it
    with only spaces between: they are not written, or the renderer would show the braces as text
    (and a translation moving it after other markup is written as it is)."""
    return (
        piece.__class__ is list
        and len(piece) == 1
        and piece[0].__class__ is str
        and _ATTRIBUTE_LIST.match(piece[0]) is not None
        and f"{before}<{number}/>" in msgid
    )


def _text_item(
    slot: TextSlot,
    text: str,
    plain: bool,
    after: str,
    keep: Callable[[int, str, str], str] | None = None,
    number: int = 0,
    markup_after: bool = False,
) -> Any:
    """The item of ``text`` of a translation of ``slot``, between placeholders: escaped (``plain``:
    the slot has no line-start escape), else a :class:`_Piece` escaped when written (``after``: see
    :attr:`_Piece.after`); right after markup ending in ``]``, its first ``(`` or ``:`` a reference;
    ``keep``: how the text ``number`` of the translation is written once escaped (see
    :attr:`TextSlot.keep_runs`); ``markup_after``: a placeholder's markup follows it."""
    value = text if "&" not in text else unescape_lookalikes(text)
    kept = functools.partial(keep, number, value) if keep is not None else None
    if not plain:
        return _Piece(slot, value, after, kept)
    written = (escape_before_markup(slot.escape) if markup_after else slot.escape)(value)
    if kept is not None:
        written = kept(written)
    return _after_bracket(written, definition=after == "]") if after in ("]", "](") else written


def _bare_bang_ends(written: str) -> bool:
    r"""Whether ``written`` (escaped Markdown) ends with a ``!`` no backslash escapes (after an
    escaped backslash, ``\\!``, it is bare), which would make an image of a link after it.

    >>> _bare_bang_ends("a!"), _bare_bang_ends("a\\!"), _bare_bang_ends("a\\\\!")
    (True, False, True)
    """
    if not written.endswith("!"):
        return False
    body = written[:-1]
    return (len(body) - len(body.rstrip("\\"))) % 2 == 0


def _line_goes_on(text: str, on_line: bool) -> bool:
    """Whether the line has text after ``text`` (``on_line``: it had before it)."""
    if "\n" in text:
        return bool(text.rsplit("\n", 1)[1].strip())
    return on_line or bool(text.strip())


def _after_markup(piece: Any, mid_line: bool) -> tuple[str, bool]:
    """How a placeholder's source markup ``piece`` ends (see :func:`_markup_end`), and whether its
    line has something on it after it (:func:`_line_goes_on`: a hard line break ends one). Markup
    ending in ``]`` that starts after text on its line (``mid_line``) ends ``"]("``: after it only
    a ``(`` makes a link (``[docs]: …`` defines one at a line's start only); not when the markup
    goes over lines (``[text]\n[label]``: a line starts with its last bracket)."""
    end = _markup_end(piece)
    written = "".join(part for part in piece if part.__class__ is str)  # (its link targets left out)
    over_lines = "\n" in written
    if end == "]" and mid_line and not over_lines:
        end = "]("
    return end, (_line_goes_on(written, True) if over_lines else True)


def _markup_end(piece: Any) -> str:
    """How a placeholder's source markup ends, where that shapes the text after it (see
    :attr:`_Piece.after`): ``"]"`` (a shortcut reference ``[docs]``, an image ``![logo]``, a footnote
    ``[^1]``), ``"%}}"`` (a ``{{% x %}}`` shortcode), ``"-->"`` (an HTML comment), else ``""``."""
    if not piece:
        return ""
    last = piece[-1]
    if last.__class__ is not str:
        return ""
    if last.endswith("]"):
        return "]"
    if last.endswith("-->"):
        return "-->"
    return "%}}" if last.endswith("%}}") else ""


def _same_content(msgid: str, text: str, number: str) -> bool:
    """Whether the translation ``text`` keeps the content of paired placeholder ``number`` as ``msgid`` has it."""
    found = _paired_contents(text).get(number)
    return found is not None and found == _paired_contents(msgid).get(number)


@functools.lru_cache(maxsize=64)  # asked for each placeholder of the same msgid and translation
def _paired_contents(text: str) -> Mapping[str, str]:
    """What each paired placeholder of ``text`` holds: from its first ``<N>`` to the first ``</N>``
    after it (numbers as written), found in one reading of ``text`` (a search of the text for each
    of thousands of placeholders took n² time).

    >>> _paired_contents("</1> <1>a <2/>b</1> <1>c</1> <3>d")
    {'1': 'a <2/>b'}
    """
    opened: dict[str, int] = {}
    contents: dict[str, str] = {}
    for match in PLACEHOLDER_RE.finditer(text):
        closing, number, empty = match.groups()
        if empty:
            continue
        if not closing:
            opened.setdefault(number, match.end())
        elif number in opened and number not in contents:
            contents[number] = text[opened[number] : match.start()]
    return contents


def _only_strings(parts: Any) -> bool:
    """Whether ``parts`` (a placeholder's source markup) are strings only (most: one start or end
    tag), found without a Python step per part."""
    return (len(parts) == 1 and parts[0].__class__ is str) or set(map(type, parts)) <= _STRING_CLASS


_STRING_CLASS = {str}


def _value_written(text: str, tag: Tag) -> str:
    """The rendering ``text`` of ``tag``'s parts written as its value (see :attr:`Tag.write_value`)."""
    assert tag.write_value is not None
    if tag.value_raw is not None and text == tag.value_raw[0]:
        return tag.value_raw[1]
    return tag.write_value(text)


@functools.lru_cache(
    maxsize=4096
)  # every page sets lang and dir on the same <html> tag, URLs on the same <img>
def _with_attributes(start_tag: str, attributes: tuple[tuple[str, str], ...]) -> str:
    """:func:`set_attributes` of the written ``start_tag`` (remembered: a pure function of both)."""
    return set_attributes(start_tag, dict(attributes))


@functools.lru_cache(maxsize=16384)  # compile asks first, then the rendering (the same pair)
def _placeholder_problem(msgid: str, text: str) -> str | None:
    return placeholder_problem(msgid, text)


def placeholder_check(msgid: str, text: str) -> str | None:
    """:func:`~transpub.inline.placeholder_problem`, remembered for the pairs a run renders."""
    return _placeholder_problem(msgid, text)


def slots_in(parts: list[Part]) -> list[Slot]:
    """The slots of ``parts`` in document order (those in tags and in slots' pieces too)."""
    return _walk_parts(parts)[0]


def tags_in(parts: list[Part]) -> list[Tag]:
    """The tags of ``parts`` in document order (those in slots' pieces too)."""
    return _walk_parts(parts)[1]


def _walk_parts(parts: list[Part]) -> tuple[list[Slot], list[Tag], list[LinkTarget]]:
    """The slots, the tags and the link targets in document order (a slot's pieces are among its
    parts), without recursion (documents may nest deeply)."""
    slots: list[Slot] = []
    tags: list[Tag] = []
    links: list[LinkTarget] = []
    add_slot, add_tag = slots.append, tags.append
    stack: list[Iterator[Any]] = [_not_text(parts)]
    while stack:
        for part in stack[-1]:
            kind = type(part)
            if kind is AttrSlot:
                add_slot(part)
            elif kind is TextSlot:
                add_slot(part)
                inner = part.parts
                if len(inner) > 1 or (inner and type(inner[0]) is not str):  # not one source string
                    stack.append(_not_text(inner))
                    break  # its parts first, then the rest of these
            elif kind is Tag:
                add_tag(part)
                stack.append(_not_text(part.parts))
                break
            elif kind is DateSlot:
                stack.append(_not_text(part.parts))
                break
            elif kind is LinkTarget:
                links.append(part)
        else:
            stack.pop()
    return slots, tags, links


def _not_text(parts: list) -> Iterator[Any]:
    """The parts that are not source text, in order (filtered without a Python step per part:
    most parts are text)."""
    return compress(parts, map(not_, map(isinstance, parts, repeat(str))))


_new = object.__new__


#: What may stand before text at the start of a Markdown line: quote markers, list markers (and those
#: of pymdownx.fancylists: ``a.``, ``iv)``, ``#.``; ``- a.``: nested) in any order (``- > ``: a quote in
#: an item), a task box, a definition marker, a footnote's label (``[^1]: ``, whose text starts a block).
_LINE_PREFIX = re.compile(
    r"(?:[ \t>]|(?:[-+*]|(?:\d{1,9}|[A-Za-z]|[ivxlcdm]{2,}|[IVXLCDM]{2,}|#)[.)])(?=[ \t]))*"
    r"(?:\[[ xX]\][ \t]+)?(?::[ \t]+)?(?:\[\^[^\]\s]+\]:[ \t]*)?"
)
#: The start of an ATX heading's line, up to its text.
_HEADING_START = re.compile(_LINE_PREFIX.pattern + r"#{1,6}[ \t]+")


def _tail(out: list[str]) -> str:
    """The last characters written (a few: enough to tell how the text before ends)."""
    tail = ""
    for piece in reversed(out):
        tail = piece[-8:] + tail
        if len(tail) >= 8:
            break
    return tail[-8:]


#: How a sentence may end that keeps its space before the next one where a language joins them
#: without one: any printable ASCII character, as an address may end with it (``https://a.example``,
#: ``ann@a.example.``; magiclink reads on through ``,)!'``) and would run on into the next sentence
#: (``x.evil.example/p``, ``@evil.example``: another host) in Markdown, where GFM's linkify (Hugo)
#: or MkDocs' magiclink reads the text (an HTML page makes no link of it). ``。`` joins.
_RUNS_ON = frozenset(chr(code) for code in range(0x21, 0x7F))
#: How a text that continues an address written before it may start (``/evil`` after ``https:/``,
#: ``.evil.example`` after ``www``, ``@evil.example`` after ``admin``): its first character as a reference.
_ADDRESS_CONTINUED = {"/": "&#47;", ".": "&#46;", "@": "&#64;", ":": "&#58;"}


def _address_continued(written: str, generator: str | None = None) -> str:
    """``written`` with a first character that would carry an address on (see :data:`_ADDRESS_CONTINUED`)
    as a reference; only where it goes on a word, a ``:`` or a ``/`` written right before it (for
    ``generator``, see :func:`_url_ends_before`). A ``.`` or ``:`` followed, up to a space, by
    punctuation alone that GFM's autolinks and magiclink leave out of a URL's end (``.)``, ``..``,
    ``:)``) stays as it is but for Hugo: they take ``&#46;`` into the URL (GitHub linked
    ``https://a.org&#46`` and showed it so, where the source's ``https://a.org.)`` links
    ``https://a.org``), and end it before the ``.`` as it is.

    >>> _address_continued(".evil.example"), _address_continued(".⟧"), _address_continued(".⟧", "github")
    ('&#46;evil.example', '.⟧', '&#46;⟧')
    >>> _address_continued(".) and"), _address_continued(".. x", "mkdocs"), _address_continued(".)", "hugo")
    ('.) and', '.. x', '&#46;)')
    """
    first = _ADDRESS_CONTINUED.get(written[:1])
    if first is None or (
        written[:1] in ".:"
        and (
            written[1:2] in ("", " ")
            or _url_ends_before(written[1:2], generator)
            or (
                not (generator or "").startswith("hugo")
                and not written[1:].split(" ", 1)[0].strip(_TRAILING_PUNCTUATION)
            )
        )
    ):
        return written  # (a sentence's end or a colon after a word is no address; nor one a linkify ends)
    return first + written[1:]


#: What GFM's autolinks and magiclink leave out of a bare URL's end, written as it is by
#: :func:`~.md_escape.escape_markdown` (an unbalanced ``)`` too).
_TRAILING_PUNCTUATION = "?!.,:)"


def _line_so_far(out: list[str]) -> str | None:
    """What ``out`` has written of its last line (None: more than 80 characters)."""
    tail: list[str] = []
    length = 0
    for piece in reversed(out):
        cut = piece.rfind("\n")
        tail.append(piece[cut + 1 :])
        length += len(tail[-1])
        if cut >= 0 or length > 80:
            break
    return None if length > 80 else "".join(reversed(tail))


def _at_line_start(out: list[str]) -> bool:
    """Whether what is written next starts a line (after nothing but container prefixes)."""
    line = _line_so_far(out)
    return line is not None and _LINE_PREFIX.fullmatch(line) is not None


def _at_heading_start(out: list[str]) -> bool:
    """Whether what is written next starts the text of an ATX heading (``#### ``)."""
    line = _line_so_far(out)
    return line is not None and _HEADING_START.fullmatch(line) is not None
