"""Translatable values as slots, for every reader of content files (Markdown, and HTML content pages
of a static-site generator): those of a front matter block, and a shortcode's parameters."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Mapping, Sequence

from ..inline import escape_lookalikes, unescape_lookalikes
from . import wp_shortcodes
from .document import AttrSlot, Document, Slot, Tag, TextSlot, TitleRef
from .front_matter import FrontMatter, FrontValue, spaced_line
from .md_templates import (
    Template,
    adds_markup,
    liquid_param,
    markup_added,
    plain_brackets,
    shortcode_param,
    tab_label_param,
    unwritable_param,
)
from .options import ReadOptions
from .runs import collapse_space, is_address, offered

#: The unit kind of a front matter key's value (others: ``front-matter:<key>``).
_KINDS = {"title": "title", "description": "attribute:content", "summary": "attribute:content"}


def front_matter_slots(
    front: FrontMatter,
    raw: Callable[[int, int], str],
    options: ReadOptions,
    markdown: Callable[[str, int], Document] | None = None,
    labels: frozenset[str] | None = None,
) -> Iterator[tuple[int, int, AttrSlot | Tag | TitleRef]]:
    """Each translated value of ``front`` offered to translators: its start and end offsets in the
    text and its slot (``raw``: the text as written between two offsets). A value of a key in
    ``[extract.front_matter] markdown`` is read by ``markdown`` (a Markdown reader, given the value
    and where it is written): a tag around its parts, whose rendering it writes as the value. A value
    of a key in ``title_refs`` names a page by its title: a :class:`TitleRef`, never a unit.
    ``labels``: those of the page's link definitions, when known (see :func:`plain_value`)."""
    # (Jekyll and MkDocs read YAML front matter alone: TOML's and JSON's site is Hugo's, which escapes)
    escaped = options.escaped_values or front.kind != "yaml"
    for value in front.values:
        if value.key in options.front_matter_title_refs:
            written = raw(value.start, value.end)
            line = raw(0, value.start).count("\n") + 1
            yield value.start, value.end, TitleRef(value.key, value.value, written, value.write, line)
            continue
        if markdown is not None and (value.key in options.front_matter_markdown or _holds_html(value)):
            tag = _markdown_value(value, raw(value.start, value.end), markdown)
            if tag is not None:
                yield value.start, value.end, tag
            continue
        if value.lines:  # (its line breaks are its value's)
            msgid = escape_lookalikes("\n".join(map(spaced_line, value.value.strip("\n").split("\n"))))
        else:
            msgid = escape_lookalikes(collapse_space(value.value))
        if not offered(msgid, options):
            continue
        ref, kind = _ref_and_kind(value)
        written = raw(value.start, value.end)
        term = value.key.lower() in _TERM_KEYS
        # (Jekyll splits a tags or categories string at its spaces: "harbour works" is two tags)
        words = options.kramdown and front.kind == "yaml" and value.index is None and value.key in _WORD_KEYS
        write = functools.partial(
            plain_value,
            value.value,
            written,
            value.write,
            labels=labels,
            term=term,
            escaped=escaped,
            words=words,
        )
        notes = (WORDS_NOTE,) if words else ()
        yield value.start, value.end, AttrSlot(msgid, ref, written, kind, notes, write=write)


#: Keys whose value, or each item of it, names a page of its own (Hugo's default taxonomies and
#: ``series``; Jekyll's ``category``, ``categories`` and ``tags``).
_TERM_KEYS = frozenset({"category", "categories", "tag", "tags", "series"})
#: The keys whose value, written as one string, Jekyll reads as a list of words (its ``tags``,
#: ``categories``: ``tags: harbour works`` is two tags).
_WORD_KEYS = frozenset({"tags", "categories"})
#: What a translator is told of such a value (a note of one line: see :data:`~transpub.model.ONE_LINE_NOTES`).
WORDS_NOTE = "Jekyll reads each word of this value as a tag of its own: one word for each tag"


def words_changed(source: str, text: str) -> str | None:
    """Why ``text``, the translation of ``source`` (Jekyll's ``tags`` or ``categories`` written as one
    string), cannot be written: another number of words, which Jekyll makes as many tags; None when
    it can.

    >>> print(words_changed("harbour works", "obras del puerto"))
    3 words, which Jekyll makes 3 tags where the source has 2 (each word is one: join a tag's words with a hyphen, obras-del-puerto)
    >>> words_changed("harbour works", "puerto obras"), words_changed("news", "noticias")
    (None, None)
    """
    count = len(text.split())
    if count == len(source.split()):
        return None
    return (
        f"{count} words, which Jekyll makes {count} tags where the source has {len(source.split())} "
        f"(each word is one: join a tag's words with a hyphen, {'-'.join(text.split())})"
    )


#: What makes a value a path where a site makes a page named after it: a separator, ``.`` or ``..``.
_PATH_PART = re.compile(r"[/\\]|(?:^|(?<=[/\\]))\s*\.{1,2}\s*(?=$|[/\\])")
_PAGE_PATH = "a path (a site makes a page of each tag or category at a path named after it)"


def path_added(source: str, text: str) -> str | None:
    """Why ``text``, the translation of ``source`` (a tag, a category), cannot name a page: a path
    separator, ``.`` or ``..`` the source does not have (Hugo writes the page of tag ``../../x`` at
    ``public/x/``, over any page there); None when it can.

    >>> path_added("ferries", "../../index"), path_added("AC/DC", "AC/DC"), path_added("ferries", "..")
    ('a path (a site makes a page of each tag or category at a path named after it)', None, 'a path (a site makes a page of each tag or category at a path named after it)')
    >>> path_added("ferries", "transbordadores..."), path_added("v1.2", "v1.2")
    (None, None)
    """
    parts = {found.group().strip() for found in _PATH_PART.finditer(text)}
    return _PAGE_PATH if parts - {found.group().strip() for found in _PATH_PART.finditer(source)} else None


#: The longest name of a tag's or category's page a site can write: a file name's 255 bytes, less
#: the ``.html`` of a page published as ``<name>.html`` (Hugo's ``uglyURLs``).
LONGEST_PAGE_NAME = 255 - len(".html")


def name_too_long(source: str, text: str) -> str | None:
    """Why ``text``, the translation of ``source`` (a tag, a category), cannot name a page: a name
    (between path separators) longer in UTF-8 than :data:`LONGEST_PAGE_NAME`, as the source's is not
    (Hugo stopped building the whole site: "file name too long"); None when it can.

    >>> name_too_long("ferries", "ü" * 126)
    'a name of 252 bytes, too long for the page a site makes of each tag or category (a file name of at most 250)'
    >>> name_too_long("ferries", "ü" * 125), name_too_long("ü" * 126, "ö" * 126)
    (None, None)
    """
    longest = _longest_name(text)
    if longest <= LONGEST_PAGE_NAME or longest <= _longest_name(source):
        return None
    return (
        f"a name of {longest} bytes, too long for the page a site makes of each tag or category "
        f"(a file name of at most {LONGEST_PAGE_NAME})"
    )


def _longest_name(text: str) -> int:
    """The length in UTF-8 of the longest name between the path separators of ``text``."""
    return max(len(name.encode("utf-8")) for name in re.split(r"[/\\]", text))


#: An HTML tag (``<i class='fas fa-download'></i>``, ``<br>``, ``</b>``).
_HTML_TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")


def _holds_html(value: FrontValue) -> bool:
    """Whether ``value`` holds an HTML tag (a theme writes it into the page as it is, Minimal
    Mistakes' ``header.actions.label``): read as Markdown is, so that its tags are placeholders a
    translator keeps, not markup to retype, and a translation's text stays text wherever the theme
    writes it (escaped for Markdown, which HTML shows as it is). Not a block scalar over lines,
    whose line breaks are its own (a paragraph read as Markdown joins them)."""
    return not value.lines and "<" in value.value and _HTML_TAG.search(value.value) is not None


def plain_value(
    source: str,
    written: str,
    write: Callable[[str], str],
    text: str,
    labels: frozenset[str] | None = None,
    term: bool = False,
    escaped: bool = False,
    words: bool = False,
) -> str:
    """A translation of the front matter value ``source`` written by ``write`` (quoted for its
    format), or the value as ``written`` when the translation holds a link, an image, a URL or HTML
    that the source does not: a value is text, yet themes render some as Markdown, raw HTML
    included (Docsy's and Kubernetes' ``description``: ``markdownify``). With ``labels`` (those of
    the page's link definitions), words in square brackets that none names are text: rendered alone
    (``markdownify``) or in the page, no definition makes them a link. A ``term`` (a tag, a category)
    names a page: a translation that makes it a path (:func:`path_added`) or a name too long for a file
    (:func:`name_too_long`) is not written. Unless the
    site's templates are ``escaped`` (Hugo's), nor is one adding a double quote (:func:`quote_added`).
    With ``words`` (Jekyll's ``tags`` as one string), nor is one of another number of words
    (:func:`words_changed`).

    >>> write = functools.partial(plain_value, "Ferry news", '"Ferry news"', lambda text: f'"{text}"')
    >>> write("Fähre [neu]"), write("Fähre [neu]", labels=frozenset()), write("Fähre [neu]", labels=frozenset({"NEU"}))
    ('"Ferry news"', '"Fähre [neu]"', '"Ferry news"')
    >>> write('Fähre" onmouseover="x'), write('Fähre" onmouseover="x', escaped=True)
    ('"Ferry news"', '"Fähre" onmouseover="x"')
    """
    if adds_markup(source, text, labels) or (
        term and (path_added(source, text) or name_too_long(source, text))
    ):
        return written
    if words and words_changed(source, text):
        return written
    if not escaped and quote_added(source, text):
        return written
    return write(text)


#: Why :func:`plain_value` writes the source where :func:`quote_added` finds a quote.
_QUOTE_WHY = (
    "a double quote, which would end the HTML attribute a theme writes the value in (Jekyll's and "
    "MkDocs' templates escape nothing: MkDocs-Material writes the description in <meta content>); "
    "write „…“, “…” or «…»"
)


def quote_added(source: str, text: str) -> bool:
    """Whether ``text``, the translation of the front matter value ``source``, holds a double quote
    where ``source`` holds none: a theme that writes the value into an HTML attribute as it is
    (``content="{{ page.description }}"``) would end the attribute there, and the rest of the
    translation would be attributes (``http-equiv="refresh"``, ``onmouseover``). A source holding
    one is written so already (as a Liquid include's parameter is: see
    :func:`~.md_templates.unwritable_param`).

    >>> quote_added("Ferry news", 'Die "Aurora"'), quote_added('The "Aurora"', 'Die "Aurora"')
    (True, False)
    >>> quote_added("Ferry news", "Die „Aurora“ l'île")
    False
    """
    return '"' in text and '"' not in source


def kept_source(slot: Slot, text: str) -> tuple[str, str] | None:
    """``(check, why)`` when ``slot``, a front matter value or a shortcode's or Liquid include's
    parameter, is written as its source has it rather than as the translation ``text`` (see
    :func:`plain_value`, :func:`~.md_templates.shortcode_param`, :func:`~.md_templates.liquid_param`);
    None when the translation is written, or for any other slot.

    >>> write = functools.partial(plain_value, "Write to us.", "Write to us.", str)
    >>> slot = AttrSlot("Write to us.", "front-matter/summary", "Write to us.", "attribute:content", write=write)
    >>> kept_source(slot, "Escríbanos: info@port.example.")[1]
    'front matter value summary: the translation adds an e-mail address (a site may render the value as Markdown)'
    >>> kept_source(slot, "Escríbanos.") is None
    True

    A text whose translation cannot be written there (see :attr:`~.document.TextSlot.unwritable`: a
    page from WordPress, whose shortcodes the translation's order pairs otherwise) writes its source too.
    """
    if isinstance(slot, TextSlot):
        why = slot.unwritable(text) if slot.unwritable is not None else None
        return ("placeholders", why) if why else None
    write = _value_writer(slot)
    if write is None:
        return None
    source, text = write.args[0], unescape_lookalikes(text)
    if write.func is plain_value:
        what = f"front matter value {slot.ref.removeprefix('front-matter/')}"
    else:
        name = slot.kind.removeprefix("attribute:")
        named = f"positional parameter {name}" if name.isdigit() else f"{name} parameter"
        what = f"{named} of {_VALUE_WRITERS[write.func]}"
        unwritable = unwritable_param(
            text, liquid=write.func is liquid_param, label=write.func is tab_label_param, source=source
        )
        if unwritable:
            return "template", f"{what}: the translation holds {unwritable}"
    labels = write.keywords.get("labels")
    added = markup_added(source, text, labels)
    path = path_added(source, text) if write.keywords.get("term") else None
    if path:
        return "links", f"{what}: the translation adds {' and '.join([*added, path])}"
    long = name_too_long(source, text) if write.keywords.get("term") else None
    if long and not added:
        return "links", f"{what}: the translation is {long}"
    split = words_changed(source, text) if write.keywords.get("words") else None
    if split and not added:
        return "links", f"{what}: the translation has {split}"
    if not added:
        if write.func is plain_value and not write.keywords.get("escaped") and quote_added(source, text):
            return "markup", f"{what}: the translation holds {_QUOTE_WHY}"
        return None
    why = _brackets_why(text, labels, write.func) if _REFERENCE in added else None
    return (
        "markup" if added == ["HTML"] else "links",
        f"{what}: the translation adds {' and '.join(added)} ({why or 'a site may render the value as Markdown'})",
    )


#: How :func:`~.md_templates.markup_added` names square brackets that may make a link.
_REFERENCE = "a reference link"

#: Where words in square brackets of a value written by each writer meet the page's link definitions.
_IN_PAGE_MARKDOWN: dict[Callable[..., str], str] = {
    plain_value: "where a theme writes the value into the page's Markdown, as {{ page.title }} in a Jekyll page does",
    shortcode_param: "where a shortcode's output is part of the page's Markdown, as a {{% x %}} shortcode's is in Hugo",
    tab_label_param: "where a shortcode's output is part of the page's Markdown, as a {{% x %}} shortcode's is in Hugo",
    liquid_param: "in an include's output, which Jekyll renders as part of the page's Markdown",
}  # fmt: skip


def _brackets_why(text: str, labels: frozenset[str] | None, writer: Callable[..., str] = plain_value) -> str:
    """Why the square brackets of ``text``, a value written by ``writer``, may make a link, and how a
    translator writes them so that they are kept as text (``labels``: the page's link definitions,
    when known).

    >>> print(_brackets_why("Fähre [Fahrplan]", frozenset({"FAHRPLAN"}), liquid_param))
    the page defines a link [Fahrplan]: "[Fahrplan]" is that link in an include's output, which Jekyll renders as part of the page's Markdown; write those words without square brackets, e.g. "(Fahrplan)"
    >>> print(_brackets_why("Fähre [neu][x]", frozenset()))
    a site may render the value as Markdown; square brackets are kept as text around words alone ("[updated]"), not in "[a][b]", "[a](b)" or "[^a]"
    """
    defined = plain_brackets(text, labels) if labels is not None else []
    if defined:
        words = defined[0]
        return (
            f'the page defines a link [{words}]: "[{words}]" is that link {_IN_PAGE_MARKDOWN[writer]}; '
            f'write those words without square brackets, e.g. "({words})"'
        )
    if labels is None:
        return "a site may render the value as Markdown; write the words without square brackets"
    return (
        "a site may render the value as Markdown; square brackets are kept as text around words alone "
        '("[updated]"), not in "[a][b]", "[a](b)" or "[^a]"'
    )


def source_title(document: Document) -> str:
    """The title other pages name ``document`` by: its front matter ``title`` as the format means
    it (a theme compares it as it is), else the title indexes show."""
    for slot in document.slots():
        if slot.kind == "title":
            write = _value_writer(slot)
            if slot.ref == "front-matter/title" and write is not None and write.func is plain_value:
                return str(write.args[0])
            break
    return document.title or document.path.stem


def value_slots(document: Document) -> list[Slot]:
    """The slots of ``document`` that may write their source for a translation (see
    :func:`kept_source`), in the order of its units: none in most articles (HTML pages)."""
    return [
        slot
        for slot in document.slots()
        if _value_writer(slot) is not None or (isinstance(slot, TextSlot) and slot.unwritable is not None)
    ]


def written_values(document: Document) -> dict[str, list[Slot]]:
    """The slots of ``document`` that may write their source for a translation (:func:`value_slots`),
    by msgid."""
    values: dict[str, list[Slot]] = {}
    for slot in value_slots(document):
        values.setdefault(slot.msgid, []).append(slot)
    return values


def keeps_source(values: Mapping[str, Sequence[Slot]], msgid: str, text: str) -> bool:
    """Whether a slot of the unit ``msgid`` (``values``: its article's :func:`written_values`) writes
    its source rather than the translation ``text`` (:func:`kept_source`): compile then counts the
    unit as not translated."""
    slots = values.get(msgid)
    return bool(slots) and text != msgid and any(kept_source(slot, text) for slot in slots or ())


def _value_writer(slot: Slot) -> functools.partial[str] | None:
    """The writer of ``slot`` when it is one of :data:`_VALUE_WRITERS` (its source value first)."""
    write = slot.write if isinstance(slot, AttrSlot) else None
    return write if isinstance(write, functools.partial) and write.func in _VALUE_WRITERS else None


#: The writers of values that keep their source for some translations (see :func:`kept_source`): what
#: each writes.
_VALUE_WRITERS: dict[Callable[..., str], str] = {
    plain_value: "front matter",
    shortcode_param: "a shortcode",
    tab_label_param: "a shortcode",
    liquid_param: "a Liquid include",
}


def _ref_and_kind(value: FrontValue) -> tuple[str, str]:
    """The reference and the unit kind of a front matter value's slots."""
    kind = _KINDS.get(value.key if value.index is None else "", f"front-matter:{value.key}")
    return f"front-matter/{value.key}" + (f"/{value.index + 1}" if value.index is not None else ""), kind


def _markdown_value(value: FrontValue, written: str, markdown: Callable[[str, int], Document]) -> Tag | None:
    """The parts of a front matter value read as Markdown, in a tag that writes their rendering as
    the value (None: nothing in it to translate). Its slots are named after the key."""
    document = markdown(value.value, value.start)
    slots = list(document.slots())
    if not slots:
        return None
    ref, kind = _ref_and_kind(value)
    for slot in slots:
        slot.ref = ref
        if isinstance(slot, TextSlot):
            slot.kind = kind
    return Tag(document.parts, write_value=value.write, value_raw=(value.value, written))


#: Parameter values that switch something on or off (``{{< list summary=true >}}``), never text: a
#: translation ("wahr") would leave the shortcode a value it does not know.
_SWITCHES = frozenset({"true", "false"})


def shortcode_param_slots(
    template: Template,
    raw: Callable[[int, int], str],
    options: ReadOptions,
    ref: Callable[[str, str], str],
    kept: tuple[str, ...] = (),
    labels: tuple[str, ...] = (),
    definitions: frozenset[str] | None = None,
) -> Iterator[tuple[int, int, AttrSlot]]:
    """Each parameter of the shortcode (or Liquid include) ``template`` named in ``[extract.shortcodes] translate_params``
    (``alt``, ``caption``, ``title``…; an include's, in ``include_params`` too) offered to translators: its start and end offsets and its slot
    (``ref``: the reference of a value of the shortcode, by its name and the value); never one named in
    ``kept``; one named in ``labels`` is a Docsy tab's label (:func:`~.md_templates.tab_label_param`).
    ``definitions``: the labels of the link definitions whose Markdown the shortcode's output may be
    part of (a Markdown page's own; none in an HTML page's body), when known: words in square
    brackets that none names are text (see :func:`~.md_templates.shortcode_param`)."""
    if not template.shortcode and template.opener != "{%":  # (a Liquid include's parameters: see Template)
        return
    if template.opener == wp_shortcodes.OPENER:
        writer, definitions = (
            wp_shortcodes.shortcode_param,
            None,
        )  # (it writes brackets as character references)
    else:
        writer = shortcode_param if template.shortcode else liquid_param
    named = (
        options.shortcode_params if template.shortcode else options.shortcode_params + options.include_params
    )
    for param in template.params:
        if param.name in kept or (param.name not in named and f"{template.name}:{param.name}" not in named):
            continue  # (a positional one is named ``tab:0``)
        msgid = escape_lookalikes(collapse_space(param.value))
        if not offered(msgid, options) or is_address(msgid) or msgid.lower() in _SWITCHES:
            continue
        written = raw(param.start, param.end)
        func: Callable[..., str] = tab_label_param if param.name in labels else writer
        write = (
            functools.partial(func, param.value, written)
            if definitions is None
            else functools.partial(func, param.value, written, labels=definitions)
        )
        yield (
            param.start,
            param.end,
            AttrSlot(
                msgid,
                ref(template.name, param.value) + f"@{param.name}",
                written,
                f"attribute:{param.name}",
                write=write,
            ),
        )
