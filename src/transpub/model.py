"""Frozen value types shared by every module."""

from __future__ import annotations

from dataclasses import dataclass, field

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
        """
        name = ELEMENT_NAMES.get(self.tag, "element")
        if self.tag == "shortcode" and self.shows.startswith("["):  # ([caption]: see formats.wp_shortcodes)
            name = "WordPress shortcode"
        legend = f"{self.token} = {name} ({self.tag})"
        if self.shows:
            shown = self.shows if len(self.shows) <= 60 else self.shows[:59] + "…"
            legend += f' "{shown}"'
            if self.tag == "time":
                legend += ", written in your language's date format"
        return legend


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
