"""Frozen value types shared by every module."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import quote, urlsplit

#: Human names of inline elements, used in the placeholder legend translators see.
ELEMENT_NAMES: dict[str, str] = {
    "a": "link",
    "b": "bold",
    "strong": "strong emphasis",
    "i": "italic",
    "em": "emphasis",
    "u": "underline",
    "s": "strikethrough",
    "del": "deleted text",
    "ins": "inserted text",
    "code": "code",
    "kbd": "keyboard input",
    "samp": "sample output",
    "var": "variable",
    "sub": "subscript",
    "sup": "superscript",
    "small": "small print",
    "mark": "highlight",
    "abbr": "abbreviation",
    "cite": "citation",
    "q": "quotation",
    "span": "span",
    "time": "date/time",
    "br": "line break",
    "p": "paragraph",
    "img": "image",
    "wbr": "word-break opportunity",
    "dfn": "definition",
    "bdi": "isolated text",
    "bdo": "direction override",
    "data": "data value",
    "input": "form field",
    "button": "button",
    "label": "label",
    "select": "selection list",
    "ruby": "ruby annotation",
    "rt": "ruby text",
    "rp": "ruby parenthesis",
    "font": "font",
    "svg": "graphic",
    "math": "formula",
    "script": "script",
    "iframe": "embedded frame",
    "video": "video",
    "audio": "audio",
    "object": "embedded object",
    "embed": "embedded object",
    "comment": "HTML comment",
    "template": "template",
    "shortcode": "Hugo shortcode",
    "footnote": "footnote reference",
    "noscript": "no-script text",
}


@dataclass(frozen=True)
class Placeholder:
    """One inline element in a unit: ``<1>…</1>`` (paired) or ``<2/>`` (standalone)."""

    number: int
    tag: str
    paired: bool
    shows: str = field(default="", compare=False)  # the text a standalone element shows, if any
    href: str = field(default="", compare=False)  # where a link goes (its ``href``), if anywhere
    kind: str = field(default="", compare=False)  # a form field's type (``checkbox``), if one

    @property
    def token(self) -> str:
        """How the placeholder is written in a msgid.

        >>> Placeholder(1, "a", True).token
        '<1>…</1>'
        """
        return f"<{self.number}>…</{self.number}>" if self.paired else f"<{self.number}/>"

    def legend(self) -> str:
        """One legend line for translators.

        >>> Placeholder(2, "br", False).legend()
        '<2/> = line break (br)'
        >>> Placeholder(1, "code", False, "run()").legend()
        '<1/> = code (code) "run()"'
        >>> Placeholder(1, "a", True, href="mailto:desk@example.org").legend()
        '<1>…</1> = link (a) to mailto:desk@example.org'
        >>> Placeholder(3, "input", False, kind="radio").legend()
        '<3/> = radio button (input)'
        """
        name = input_name(self.kind) if self.tag == "input" else ELEMENT_NAMES.get(self.tag, "element")
        if self.tag == "shortcode" and self.shows.startswith("["):  # ([caption]: see formats.wp_shortcodes)
            name = "WordPress shortcode"
        legend = f"{self.token} = {name} ({self.tag})"
        if self.shows:
            shown = self.shows if len(self.shows) <= 60 else self.shows[:59] + "…"
            legend += f' "{shown}"'
            if self.tag == "time":
                legend += ", written in your language's date format"
        if self.href:
            legend += " to " + shown_address(self.href)
        return legend


#: What a legend calls a form field (``<input>``) of each type but a text field's.
_INPUT_NAMES = {
    "checkbox": "checkbox",
    "radio": "radio button",
    "submit": "button",
    "reset": "button",
    "button": "button",
    "image": "button",
    "file": "file picker",
    "range": "slider",
    "color": "colour picker",
    "hidden": "hidden form field",
}
#: The types of text field a browser shows as their type says (any other type is a text field).
_TEXT_FIELDS = frozenset(
    ("search", "email", "url", "tel", "password", "number", "date", "time", "datetime-local", "month", "week")
)


def input_name(kind: str) -> str:
    """What a placeholder legend calls a form field (``<input>``) of the type ``kind``, as a
    browser shows it ("form field" for one of no known type).

    >>> input_name("checkbox"), input_name("search"), input_name("text"), input_name("")
    ('checkbox', 'search field', 'text field', 'form field')
    """
    kind = kind.strip().lower()
    if kind in _INPUT_NAMES:
        return _INPUT_NAMES[kind]
    if kind in _TEXT_FIELDS:
        return f"{kind} field"
    return "text field" if kind else "form field"


#: The longest address a legend shows whole; a longer one shows where it starts.
_ADDRESS_CHARS = 60
#: Addresses a legend names by their kind rather than writing them out.
_ADDRESS_KINDS = {
    "javascript": "a script (javascript: address)",
    "vbscript": "a script (vbscript: address)",
    "livescript": "a script (livescript: address)",
    "data": "embedded data (data: address)",
}
#: A URL's scheme, with its colon (``https:``, ``mailto:``), the scheme its group; ``match`` it at the
#: URL's start (an address without one is relative, or a fragment's, ``#top``).
URL_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9+.-]*):")
#: What a browser takes out of an address (tabs, line breaks) and off its ends (controls, spaces).
_DROPPED = str.maketrans("", "", "\t\n\r")
_ENDS = "".join(map(chr, range(0x21)))
#: What a legend writes percent-escaped, so that it stays one line that reads as one legend item
#: (controls, line separators, a placeholder look-alike's ``<``, a space after ``;``).
_UNSAFE = re.compile("[\x00-\x1f\x7f\x85\u2028\u2029]|<(?=/?[0-9])|(?<=;) ")


#: An e-mail address written as text (``press@port.example``): the one pattern of the readers that
#: keep addresses whole, the glossary (no term inside one) and check (an address is the source's).
EMAIL_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"


def split_url(url: str) -> tuple[str, str]:
    """A URL's path and what follows it (its ``?query#fragment``).

    >>> split_url("../b.html?x=1#top"), split_url("b.html#a?b"), split_url("b.html")
    (('../b.html', '?x=1#top'), ('b.html', '#a?b'), ('b.html', ''))
    """
    cut = min((at for at in (url.find("?"), url.find("#")) if at >= 0), default=len(url))
    return url[:cut], url[cut:]


def shown_address(href: str) -> str:
    """How a placeholder legend shows a link's address ``href``: as written, on one line, shortened
    when long (scheme, host and the start of the path, then ``…``); a script or data address by its
    kind only.

    >>> shown_address("../archive/828.html"), shown_address("#fn:1")
    ('../archive/828.html', '#fn:1')
    >>> shown_address(" Java\\tScript:alert(1)"), shown_address("data:text/html,<b>x</b>")
    ('a script (javascript: address)', 'embedded data (data: address)')
    >>> shown_address("https://example.org/reports/2024/full-report.pdf?utm_source=newsletter-june")
    'https://example.org/reports/2024/full-report.pdf…'
    >>> shown_address("https://example.org/" + "a" * 80)[-8:]
    'aaaaaaa…'
    >>> shown_address("a; b\\nc<1>\\x85"), shown_address('{{< relref "other.md" >}}')
    ('a;%20bc%3C1>%C2%85', '{{< relref "other.md" >}}')
    """
    address = href.translate(_DROPPED).strip(_ENDS)
    scheme = URL_SCHEME.match(address)
    if scheme is not None and scheme.group(1).lower() in _ADDRESS_KINDS:
        return _ADDRESS_KINDS[scheme.group(1).lower()]
    if _UNSAFE.search(address):
        address = _UNSAFE.sub(lambda match: quote(match.group()), address)
    if len(address) <= _ADDRESS_CHARS:
        return address
    parts = urlsplit(address)
    start = f"{parts.scheme}://{parts.netloc}{parts.path}" if parts.scheme and parts.netloc else address
    return start + "…" if len(start) < _ADDRESS_CHARS else start[: _ADDRESS_CHARS - 1] + "…"


#: How each note transpub writes on one line begins: the paragraph around a unit, its placeholder
#: legend, a glossary term it names, its table cell's headers, the sentence introducing its list, and
#: Markdown's notes on a content tab's label and on a default title. A tool that wraps comments
#: (polib) cuts such a line into several; the lines after it that begin otherwise are the rest of it
#: (:func:`transpub.catalog.notes.note_lines`), the notes an author wrote (``its-loc-note``), which
#: may begin any way, being written before these.
PARAGRAPH_NOTE = "Paragraph: "
LEGEND_NOTE = "Placeholders: "
GLOSSARY_NOTE = "Glossary: "
TABLE_CELL_NOTE = "Table cell: "
LIST_INTRO_NOTE = "List introduced by: "
#: The note of an option of a drop-down list (``<option value="de">Germany</option>``).
OPTION_NOTE = "An option of a drop-down list (what the form sends stays as written)"
ONE_LINE_NOTES = (
    PARAGRAPH_NOTE,
    LEGEND_NOTE,
    GLOSSARY_NOTE,
    TABLE_CELL_NOTE,
    LIST_INTRO_NOTE,
    "The label of a content tab ",
    "The title MkDocs shows for this ",
    "Jekyll reads each word of this value ",
)


@dataclass(frozen=True)
class Unit:
    """A translatable unit as extracted from one article.

    ``msgid`` is the normalised source text with inline markup as placeholders;
    ``refs`` name where it stands (``articles/x.html#intro/p(the-first-words)``); ``notes`` are
    the ``#.`` comments translators see (source notes, context).
    """

    msgid: str
    refs: tuple[str, ...]
    notes: tuple[str, ...] = ()
    placeholders: tuple[Placeholder, ...] = ()
    kind: str = "text"
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Issue:
    """One problem found by ``transpub check`` (or a warning from compile)."""

    path: str
    line: int | None
    check: str
    message: str
    locale: str | None = None
    severity: str = "error"
    msgid: str | None = None
    extra: dict[str, str] = field(default_factory=dict, compare=False, hash=False)

    @property
    def location(self) -> str:
        """``file:line`` (or just ``file``) for messages.

        >>> Issue("a.po", 12, "fuzzy", "x").location
        'a.po:12'
        """
        return f"{self.path}:{self.line}" if self.line else self.path


def counted(count: int, word: str, plural: str | None = None) -> str:
    """``count`` and ``word`` in the number it needs (``plural``: when it is not ``word`` + "s").

    >>> counted(1, "unit"), counted(3, "unit"), counted(0, "entry", "entries")
    ('1 unit', '3 units', '0 entries')
    """
    return f"{count} {word if count == 1 else plural or word + 's'}"


#: What to do about an article with no catalog of a locale, which a command then leaves out.
RUN_EXTRACT = "run `transpub extract` first (it says why, for an article it cannot read)"


def no_catalog_yet(slugs: list[str], locale: str) -> str:
    """The articles ``slugs`` have no catalog of ``locale`` (not extracted yet, or unreadable), as a
    command that leaves them out says it (the first three named).

    >>> no_catalog_yet(["a"], "de")
    '1 article (a) has no de catalog yet'
    >>> no_catalog_yet(["a", "b", "c", "d"], "de")
    '4 articles (a, b, c, …) have no de catalog yet'
    """
    named = ", ".join(slugs[:3]) + (", …" if len(slugs) > 3 else "")
    return f"{counted(len(slugs), 'article')} ({named}) {'has' if len(slugs) == 1 else 'have'} no {locale} catalog yet"


def format_percent(percent: float) -> str:
    """A percentage rounded down to one decimal, so 99.96% never shows as 100%.

    >>> format_percent(99.96), format_percent(100.0), format_percent(80)
    ('99.9%', '100%', '80%')
    """
    floored = int(percent * 10 + 1e-9) / 10
    return f"{floored:g}%"


@dataclass(frozen=True)
class Coverage:
    """How much of a catalog (or page, or locale) is translated: the counts every report shows.

    >>> Coverage(translated=6, fuzzy=0, untranslated=1).describe()
    '85.7% translated (6 of 7 units)'
    """

    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0

    @property
    def total(self) -> int:
        """Every unit counted."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Share of units translated (100 when there are none)."""
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total

    def describe(self) -> str:
        """``85.7% translated (6 of 7 units)``, rounded down as :func:`format_percent` does.

        >>> Coverage(0, 0, 1).describe()
        '0% translated (0 of 1 unit)'
        """
        return (
            f"{format_percent(self.percent)} translated ({self.translated} of {counted(self.total, 'unit')})"
        )

    def __add__(self, other: Coverage) -> Coverage:
        """The counts of two catalogs (or pages) together.

        >>> Coverage(1, 2, 3) + Coverage(10, 0, 1)
        Coverage(translated=11, fuzzy=2, untranslated=4)
        """
        return Coverage(
            self.translated + other.translated,
            self.fuzzy + other.fuzzy,
            self.untranslated + other.untranslated,
        )
