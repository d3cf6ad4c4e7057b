"""A page's structured data (``<script type="application/ld+json">``, schema.org in JSON-LD): the
strings a search engine shows of it are units, each written back in its string literal only.

For translation, in any object: :data:`TRANSLATED_KEYS` (``headline``, ``alternativeHeadline``,
``description``, ``caption``: prose, whatever it describes, an Organization's, a Person's or a
Place's ``description`` too, which a search engine may show as it shows the page's text; one
repeated on every page is one text the translation memory fills); in an object whose ``@type`` is a
creative work or an image (:data:`NAMED_WORKS`) also ``name`` and ``alternateName`` (never a
Person's, an Organization's or a Place's: their names are names); what an FAQ, a HowTo and a breadcrumb show, which search engines want the
same as the page's visible text (:data:`TYPED_KEYS`): a ``Question``'s ``name`` and ``text`` (its
long form), an ``Answer``'s ``text`` (HTML: its references read as the page's text is), a ``HowTo``'s and
``HowToSection``'s ``name``, a ``HowToStep``'s ``name`` and ``text``, a ``HowToDirection``'s and
``HowToTip``'s ``text``, a ``ListItem``'s ``name`` in a ``BreadcrumbList``. A string in an array under one of those keys is one
too. A unit's msgid is its string with each run of whitespace one space, as a text of the page
reads (one entry with the visible text it repeats). Everything else
(URLs, dates, identifiers, ``@type``, authors, publishers, numbers) is kept as written, as are
strings holding markup (a tag, a comment: ``A <b>bold</b> move``, which a search engine may render),
strings without letters, addresses, template tokens and keys nobody lists here (``articleBody``,
``keywords``). A string under ``inLanguage`` naming the source's language (in any region: ``en-US``
in an ``en`` project) is a :class:`Marker` where compile writes the page's language (its ``<html
lang>``), in an object describing the page (:data:`OWN_KEYS`) only: a ``citation``, ``isBasedOn``,
``translationOfWork``, ``review``, ``hasPart``, ``isPartOf``… is another work, still in the language
it names; one naming another language is kept wherever it stands.

Every byte of the block but a translated literal's content stays as written, what some pages wrap
it in too (``<![CDATA[ … ]]>``, ``<!-- … -->``, a byte order mark: :func:`json_span`, read through
as browsers and search engines do); a translation is written as valid JSON (the characters the
source literal escapes escaped so, a ``<`` as ``\\u003c`` and the ``>`` of a ``-->`` or ``]]>`` as
``\\u003e``: it can never end the script nor its wrapper; an ``Answer``'s ``&``, ``<`` and ``>`` as
HTML references: it can add no markup), the source's string written as the source writes it
wherever a translation keeps it. A block that is no JSON is kept whole (:class:`NotJsonLd`).
"""

from __future__ import annotations

import functools
import html
import json
import re
from collections.abc import Callable
from typing import NamedTuple

from ..inline import escape_lookalikes
from .document import AttrSlot, Marker, Part
from .runs import collapse_space, is_address

#: Keys whose strings are for translation in any object.
TRANSLATED_KEYS = frozenset({"headline", "alternativeHeadline", "description", "caption"})
#: Keys whose strings are for translation in an object of a type of :data:`NAMED_WORKS` only.
NAMED_KEYS = frozenset({"name", "alternateName"})
#: The ``@type`` of an object whose ``name`` is a work's title or an image's, not somebody's.
NAMED_WORKS = frozenset(
    {
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "BlogPosting",
        "TechArticle",
        "ScholarlyArticle",
        "SocialMediaPosting",
        "WebPage",
        "FAQPage",
        "ImageObject",
        "VideoObject",
    }
)
#: What search engines show of an FAQ, a HowTo and a breadcrumb, to be the page's visible text: the
#: keys whose strings are for translation in an object of each ``@type`` (those of :data:`NAMED_WORKS`
#: included).
TYPED_KEYS: dict[str, frozenset[str]] = {
    **dict.fromkeys(NAMED_WORKS, NAMED_KEYS),
    "Question": frozenset({"name", "text"}),
    "Answer": frozenset({"text"}),
    "HowTo": frozenset({"name"}),
    "HowToSection": frozenset({"name"}),
    "HowToStep": frozenset({"name", "text"}),
    "HowToDirection": frozenset({"text"}),
    "HowToTip": frozenset({"text"}),
    "ListItem": frozenset({"name"}),
}
#: The ``@type`` an object of a type of :data:`TYPED_KEYS` must stand in (through arrays) for them:
#: a ``ListItem`` is a breadcrumb's (not a product carousel's).
ENCLOSING_TYPE = {"ListItem": "BreadcrumbList"}
#: The types whose key's string is HTML (Google shows an answer's ``<p>``, ``<a>``, ``<b>``…).
HTML_KEYS = frozenset({("Answer", "text")})
#: Markup in a string: a tag, a comment, a declaration (``a < b`` is text).
_MARKUP = re.compile(r"<[A-Za-z/!?]")
#: The key of the page's language, and the :class:`Marker` compile writes a translation's in.
IN_LANGUAGE_KEY = "inLanguage"
IN_LANGUAGE = "in-language"
#: The keys whose object describes the page as the object holding them does: the block's top object
#: (or each of a top array) is the page's, so is each of its ``@graph``, and its main entity.
OWN_KEYS = frozenset({"@graph", "mainEntity", "mainEntityOfPage"})

#: A JSON token: a string literal, a punctuation mark, or another literal (number, true…).
_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[{}\[\]:,]|[^\s{}\[\]:,"]+')
#: What a block's JSON may stand in, each read through as browsers and search engines do: the
#: ``<![CDATA[ … ]]>`` of pages written as XHTML and the ``<!-- … -->`` of older CMS output (in either
#: order), and around each white space and a byte order mark (U+FEFF, a file saved with one pasted in).
_WRAPPERS = (("<![CDATA[", "]]>"), ("<!--", "-->"))
_EDGE = " \t\n\r\f\ufeff"
#: The ``>`` that would close a wrapper (``-->``, ``]]>``), which no translation writes as it is.
_CLOSES_WRAPPER = re.compile(r"(?<=--|]])>")
#: An escape in a JSON string literal (a surrogate pair as one).
_ESCAPE = re.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")
#: A ``<`` a script's text may not hold as it is (``</script``, ``<!--``, ``<script``, in any case),
#: nor in Markdown, whose ``<script>`` block ends at ``</pre``, ``</style`` and ``</textarea`` too.
_OPENS_MARKUP = re.compile(r"<(?=!|/?script|/pre|/style|/textarea)", re.I)
#: What a key shows of itself in a unit's reference (no space: a PO reference ends there).
_NOT_IN_REF = re.compile(r"[^\w@:-]+")
#: The escapes JSON requires (control characters, ``"`` and ``\\``), ``<`` (see above), and the
#: line and paragraph separators, valid JSON that ends a line of JavaScript in older engines.
_ESCAPES = {
    **{chr(code): f"\\u{code:04x}" for code in (*range(0x20), 0x2028, 0x2029)},
    "\b": "\\b",
    "\f": "\\f",
    "\n": "\\n",
    "\r": "\\r",
    "\t": "\\t",
    '"': '\\"',
    "\\": "\\\\",
}


def is_json_ld(attrs: dict[str, str | None]) -> bool:
    """Whether a ``<script>`` with these attributes holds JSON-LD.

    >>> is_json_ld({"type": "application/ld+json"}), is_json_ld({"type": "text/javascript"})
    (True, False)
    """
    return (attrs.get("type") or "").split(";")[0].strip().lower() == "application/ld+json"


class NotJsonLd(ValueError):
    """A JSON-LD block that is no JSON: why, and where in the script's text."""

    def __init__(self, reason: str, offset: int) -> None:
        super().__init__(reason)
        self.offset = offset


class Found(NamedTuple):
    """A string literal of a block (quotes included, ``start`` and ``end`` in the script's text),
    its key, where it stands (``image.caption``), its value and whether it is HTML."""

    start: int
    end: int
    key: str
    path: str
    value: str
    is_html: bool = False


class _Frame:
    """An object or array being read: the key its strings stand under, its path, whether it describes
    the page (``own``, see :data:`OWN_KEYS`), the object it stands in (``outer``), and (an object's)
    its types and the strings for translation only if its types take their keys (``named``, see
    :data:`TYPED_KEYS`) or its outer object's type is one (``enclosed``: each with that type)."""

    __slots__ = (
        "enclosed",
        "expects_key",
        "is_object",
        "key",
        "named",
        "outer",
        "own",
        "owner",
        "path",
        "types",
    )

    def __init__(self, is_object: bool, key: str, path: str, owner: _Frame | None, own: bool) -> None:
        self.is_object = is_object
        self.key = key
        self.path = path
        self.own = own
        self.expects_key = is_object
        self.owner = self if is_object else owner
        self.outer = owner
        self.types: list[str] = []
        self.named: list[Found] = []
        self.enclosed: list[tuple[str, Found]] = []


def json_ld_strings(text: str) -> list[Found]:
    """The strings of the script's ``text`` for translation, and the ``inLanguage`` strings of the
    objects describing the page (not a cited work's), in order.

    >>> [(f.key, f.path, f.value) for f in json_ld_strings('{"@type": "Person", "name": "Ann",'
    ...     ' "image": {"@type": "ImageObject", "name": "Ann smiling"}, "description": "A writer"}')]
    [('name', 'image.name', 'Ann smiling'), ('description', 'description', 'A writer')]
    """
    start, end = json_span(text)
    body = text[start:end]
    if not body.strip():
        return []
    try:
        json.loads(body, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise NotJsonLd(exc.msg, start + exc.pos) from None
    except (ValueError, RecursionError) as exc:
        raise NotJsonLd(str(exc) or "nested too deeply", start) from None
    found: list[Found] = []
    stack: list[_Frame] = []
    for token in _TOKEN.finditer(body):
        mark = token.group()
        top = stack[-1] if stack else None
        if mark in ("{", "["):
            key = top.key if top is not None and mark == "[" else ""  # (an array's strings: its key's)
            path = "" if top is None else _path(top)
            own = top is None or (top.own and (not top.is_object or top.key in OWN_KEYS))
            stack.append(_Frame(mark == "{", key, path, None if top is None else top.owner, own))
        elif mark in ("}", "]"):
            frame = stack.pop()
            if frame.is_object:
                _typed(frame, found)
        elif top is None:
            continue  # (a block that is one string or number: nothing of a page)
        elif mark[0] == '"':
            _take(top, json.loads(mark), start + token.start(), start + token.end(), found)
        elif top.is_object and mark in (":", ","):
            top.expects_key = mark == ","
    return sorted(found)


def json_span(text: str) -> tuple[int, int]:
    """Where the JSON of a script's ``text`` starts and ends inside what wraps it (:data:`_WRAPPERS`).

    >>> text = '\\ufeff <!--\\n<![CDATA[{"a": 1}]]>\\n-->'
    >>> start, end = json_span(text)
    >>> text[start:end]
    '{"a": 1}'
    """
    start, end = 0, len(text)
    while True:
        while start < end and text[start] in _EDGE:
            start += 1
        while end > start and text[end - 1] in _EDGE:
            end -= 1
        for opening, closing in _WRAPPERS:
            if text.startswith(opening, start) and text.endswith(closing, start + len(opening), end):
                start, end = start + len(opening), end - len(closing)
                break
        else:
            return start, end


def _take(top: _Frame, value: str, begin: int, end: int, found: list[Found]) -> None:
    """Take the string ``value`` written from ``begin`` to ``end``, read in ``top``: a key, a type,
    or a string for translation (into ``found``, or among its object's that must name a work)."""
    if top.expects_key:
        top.key = value
        return
    key = top.key
    owner = top.owner
    if key == "@type":
        if owner is not None:
            owner.types.append(value)
    elif key in TRANSLATED_KEYS or (key == IN_LANGUAGE_KEY and owner is not None and owner.own):
        found.append(Found(begin, end, key, _path(top), value))
    elif key in _TYPED and owner is not None:
        owner.named.append(Found(begin, end, key, _path(top), value))


#: The keys some type's strings are for translation under.
_TYPED = frozenset().union(*TYPED_KEYS.values())


def _typed(frame: _Frame, found: list[Found]) -> None:
    """Take the strings of the object ``frame`` (read whole) that its types take (into ``found``, or
    into its outer object's that must be of a type, see :data:`ENCLOSING_TYPE`), and those its types
    take of the objects it holds."""
    types = {_type_name(name) for name in frame.types}
    found.extend(at for outer_type, at in frame.enclosed if outer_type in types)
    for at in frame.named:
        for type_name in sorted(types):
            if at.key not in TYPED_KEYS.get(type_name, ()):
                continue
            taken = at._replace(is_html=(type_name, at.key) in HTML_KEYS)
            if type_name not in ENCLOSING_TYPE:
                found.append(taken)
            elif frame.outer is not None:
                frame.outer.enclosed.append((ENCLOSING_TYPE[type_name], taken))
            break


def _path(frame: _Frame) -> str:
    """Where a value read in ``frame`` stands: its keys from the block's top (``image.caption``)."""
    if not frame.is_object:
        return frame.path
    key = _NOT_IN_REF.sub("-", frame.key)[:40]
    return f"{frame.path}.{key}" if frame.path else key


def _type_name(name: str) -> str:
    """A type's name without its vocabulary (``schema:Article``, ``https://schema.org/Article``)."""
    return re.split(r"[/:#]", name)[-1]


def json_ld_parts(
    text: str,
    ref: str,
    notes: tuple[str, ...],
    in_source_language: Callable[[str], bool],
    bare_urls: bool = False,
) -> list[Part]:
    """The parts of the script's ``text``: its strings for translation slots (referenced
    ``ref@path``), its ``inLanguage`` that ``in_source_language`` accepts a :class:`Marker`, the rest
    as written (``bare_urls``: a string that is an address is for translation too). Raises
    :class:`NotJsonLd` for a block that is no JSON.

    >>> parts = json_ld_parts(
    ...     '{"headline": "Ferry", "inLanguage": "en", "url": "/a"}', "head/script(ld+json)", (), lambda tag: True
    ... )
    >>> [part if isinstance(part, str) else (part.msgid, part.ref) if isinstance(part, AttrSlot) else part for part in parts]
    ['{"headline": ', ('Ferry', 'head/script(ld+json)@headline'), ', "inLanguage": ', Marker(name='in-language', raw='"en"'), ', "url": "/a"}']
    """
    parts: list[Part] = []
    pos = 0
    for at in json_ld_strings(text):
        literal = text[at.start : at.end]
        part: Part | None
        if at.key == IN_LANGUAGE_KEY:
            part = Marker(IN_LANGUAGE, literal) if in_source_language(at.value) else None
        else:
            part = _slot(at, literal, ref, notes, bare_urls)
        if part is not None:
            parts += [text[pos : at.start], part]
            pos = at.end
    parts.append(text[pos:])
    return [part for part in parts if part != ""]


def _slot(at: Found, literal: str, ref: str, notes: tuple[str, ...], bare_urls: bool) -> AttrSlot | None:
    """The slot of the string ``at`` (written ``literal``), None when it is nothing to translate (or
    holds markup: kept as written, a translator never sees nor types raw HTML there)."""
    if _MARKUP.search(at.value):
        return None
    shown = collapse_space(html.unescape(at.value) if at.is_html else at.value)
    if (
        not any(char.isalpha() for char in shown)
        or "{{" in shown
        or "{%" in shown  # (a generator's value: it writes it before the page is read)
        or (not bare_urls and is_address(shown))
        or any("\ud800" <= char <= "\udfff" for char in shown)  # (an escape of half a character)
    ):
        return None
    return AttrSlot(
        msgid=escape_lookalikes(shown),
        ref=f"{ref}@{at.path}",
        raw=literal,
        kind=f"json-ld:{at.key}",
        notes=notes,
        write=_kept_writer(json_string_writer(literal, at.value), shown, at.value.strip(), at.is_html),
    )


def _kept_writer(write: Callable[[str], str], shown: str, source: str, is_html: bool) -> Callable[[str], str]:
    """``write`` for the string ``source`` (its value, read ``shown``): a translation's text escaped
    as HTML (``is_html``), and ``source`` written where it keeps ``shown`` (the pseudo-translated
    page is the source)."""
    if shown == source and not is_html:
        return write
    return functools.partial(_write_kept, write=write, shown=shown, source=source, is_html=is_html)


def _write_kept(text: str, write: Callable[[str], str], shown: str, source: str, is_html: bool) -> str:
    r"""``write(text)``, each ``shown`` in it written ``source``, the rest escaped as HTML (``is_html``).

    >>> print(_write_kept("«Ferry & line»", json.dumps, "Ferry & line", "Ferry &amp;\n line", True))
    "\u00abFerry &amp;\n line\u00bb"
    >>> print(_write_kept("<b>Fähre</b> & Linie", json.dumps, "Ferry", "Ferry", True))
    "&lt;b&gt;F\u00e4hre&lt;/b&gt; &amp; Linie"
    """
    pieces = text.split(shown)
    if is_html:
        pieces = [html.escape(piece, quote=False) for piece in pieces]
    return write(source.join(pieces))


def json_string_writer(literal: str, value: str) -> Callable[[str], str]:
    r"""How a translation of the string ``literal`` (quotes included; ``value`` decoded) is written:
    between the spaces at the value's edges, each character the literal escapes escaped as it
    does (``\/``, ``\u00e1``; see :func:`write_json_string`).

    >>> print(json_string_writer(r'" Aktu\u00e1ln\u011b <b>"', " Aktuálně <b>")('Aktuálně "<i>" </script>'))
    " Aktu\u00e1ln\u011b \"<i>\" \u003c/script>"
    """
    kept: dict[str, str] = {char: char for char in "\u2028\u2029" if char in literal}  # (as written)
    for escape in _ESCAPE.finditer(literal, 1, len(literal) - 1):
        kept.setdefault(json.loads(f'"{escape.group()}"'), escape.group())
    lead = value[: len(value) - len(value.lstrip())]
    trail = value[len(value.rstrip()) :] if value.strip() else ""
    return functools.partial(
        write_json_string,
        kept=tuple(kept.items()),
        lead=lead,
        trail=trail,
        bare_lt="<" in literal,
        bare_end=_CLOSES_WRAPPER.search(literal) is not None,
    )


def write_json_string(
    text: str,
    kept: tuple[tuple[str, str], ...] = (),
    lead: str = "",
    trail: str = "",
    bare_lt: bool = False,
    bare_end: bool = False,
) -> str:
    r"""``text`` as a JSON string literal in a script: the escapes JSON requires, each character of
    ``kept`` written as its escape there, between ``lead`` and ``trail``; every ``<`` as ``\u003c``,
    or (``bare_lt``: the source writes one as it is) each that could end the script or open a
    comment in it (``</script``, ``<!``, ``<script``; ``</pre``, ``</style``, ``</textarea``, which
    end a Markdown block of it): no translation can; ``</b>`` stays as written. The ``>`` of a
    ``-->`` or ``]]>`` is written ``\u003e`` (no translation closes the comment or CDATA the block
    stands in) unless the source writes one as it is (``bare_end``).

    >>> print(write_json_string('Say "hi" </script><script>alert(1)</script>\n'))
    "Say \"hi\" \u003c/script>\u003cscript>alert(1)\u003c/script>\n"
    >>> print(write_json_string("a < b </p>", kept=(("/", r"\/"),), bare_lt=True))
    "a < b <\/p>"
    >>> print(write_json_string("<b>a</b> </SCRIPT><!-- </Pre>", bare_lt=True))
    "<b>a</b> \u003c/SCRIPT>\u003c!-- \u003c/Pre>"
    >>> print(write_json_string("a --> b ]]> c > d"))
    "a --\u003e b ]]\u003e c > d"
    """
    written = (lead + text + trail).translate(_table(kept, bare_lt))
    if bare_lt and "<" in written:
        written = _OPENS_MARKUP.sub(r"\\u003c", written)
    if not bare_end and ">" in written:
        written = _CLOSES_WRAPPER.sub(r"\\u003e", written)
    return f'"{written}"'


@functools.lru_cache(maxsize=256)
def _table(kept: tuple[tuple[str, str], ...], bare_lt: bool) -> dict[int, str]:
    escapes = _ESCAPES if bare_lt else {**_ESCAPES, "<": "\\u003c"}
    return str.maketrans({**escapes, **dict(kept)})


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is no JSON value")
