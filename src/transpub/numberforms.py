"""Numbers written the way the target locale writes them (31.36 in English is 31,36 in Spanish).

Machine translation engines pass numbers through unchanged, so "RMB31.36 billion" came back as
"31.36" in Spanish, German or Russian, where it reads as thirty-one thousand and thirty-six or
as nonsense. Before MT, numbers written with a decimal or a group separator are replaced by
their target form (Babel's CLDR data), like glossary terms. Plain integers (years, counts) are
left alone: "2018" must not become "2.018".

Only a number that is clearly a quantity is rewritten (:func:`is_quantity`): never a version
(``v1.19``, ``Kubernetes 1.27``, ``release 2.5``, ``1.2.3``, ``in 2.0`` after ``Overcast 1.0``), a section number (``section 6.1``,
``§ 6.1``, a table of contents, a numbered heading: ``6.1 Ethnicity``), coordinates (``48.8566, 2.3522``) or a program's output (a table
drawn with ``│``), nor a number inside a path, file name, URL, e-mail or IP address, identifier or code. When unsure, the number stays as written;
``transpub check`` reads numbers the same way (each is judged in the text without its placeholders, as
the check reads it).
"""

from __future__ import annotations

import copy
import re
import unicodedata
from bisect import bisect_left
from decimal import InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    NumberPattern,
    get_decimal_symbol,
    get_group_symbol,
    list_currencies,
    parse_decimal,
)

from .errors import ConfigError
from .locales import babel_locale

_SPACE_GROUPS = (" ", "\u00a0", "\u202f")


def _babel_locale(locale: str) -> Locale | None:
    """The Babel locale, or None for a name Babel does not know (then numbers are left as they are)."""
    try:
        return babel_locale(locale)
    except ConfigError:
        return None


@lru_cache(maxsize=256)
def _decimal_format(locale: str, decimals: int) -> NumberPattern:
    """The locale's decimal format showing exactly ``decimals`` digits after the separator (2.50 stays 2,50)."""
    pattern = copy.copy(babel_locale(locale).decimal_formats[None])
    pattern.frac_prec = (decimals, decimals)
    return pattern


@lru_cache(maxsize=64)
def _number_pattern(locale: str) -> tuple[re.Pattern[str], str, str] | None:
    """A regex for numbers with a separator as ``locale`` writes them, its decimal and group symbols."""
    cldr = _babel_locale(locale)
    if cldr is None:
        return None
    decimal = get_decimal_symbol(cldr)
    group = get_group_symbol(cldr)
    groups = set(_SPACE_GROUPS) if group in _SPACE_GROUPS else {group}
    group_class = "[" + "".join(re.escape(g) for g in sorted(groups)) + "]"
    dec = re.escape(decimal)
    pattern = re.compile(
        rf"(?<!\d)(?<!\d[.,])(?:\d{{1,3}}(?:{group_class}\d{{3}})+(?:{dec}\d+)?|\d+{dec}\d+)"
        rf"(?!\d|{dec}\d|{group_class}\d)"
    )
    return pattern, decimal, group


#: Words after which a number is a version or a name, not a quantity (lower case).
VERSION_WORDS = frozenset(
    [
        "version",
        "versions",
        "ver",
        "release",
        "releases",
        "build",
        "builds",
        "revision",
        "rev",
        "patch",
        "update",
        "kernel",
        "firmware",
        "api",
        "sdk",
        "python",
        "node",
        "java",
        "ubuntu",
        "debian",
        "android",
        "ios",
        "macos",
        "windows",
        "chrome",
        "firefox",
        "versión",
        "versiones",
        "versão",
        "révision",
        "versione",
    ]
)
#: Words after which a number names a part of a text (``section 6.1``, ``fig. 2.4``), not a quantity.
REFERENCE_WORDS = frozenset(
    [
        "section",
        "sections",
        "subsection",
        "chapter",
        "chapters",
        "appendix",
        "annex",
        "paragraph",
        "clause",
        "article",
        "figure",
        "figures",
        "fig",
        "table",
        "tables",
        "listing",
        "equation",
        "eq",
        "exercise",
        "theorem",
        "lemma",
    ]
)
#: A section sign right before a number (``§ 6.1``, ``§§6.1``).
_SECTION_SIGN = re.compile(r"§[ \u00a0]*$")
#: A section number alone in the element that opens a text, before the title (a table of contents:
#: ``<1>6.1</1> <2>Ethnicity</2>``, Sphinx's ``<1>6.1. </1>Trade``): the number in group 2, the
#: title's first word in group 3.
_NUMBERED_OPENING = re.compile(
    r"\s*<([0-9]{1,4})>\s*([0-9]{1,3}(?:\.[0-9]{1,3})+)\.?\s*</\1>(?:\s|</?[0-9]{1,4}/?>)*([^\W\d_]+)"
)
#: Words after a number that make it a quantity, whatever its place (``<1>3.5</1> Million``).
_SCALES = frozenset(["thousand", "million", "millions", "billion", "billions", "trillion", "percent"])
#: Degrees of latitude or longitude after a number (``41.283°S``, ``2.35° E``).
_DEGREES_AFTER = re.compile(r"[ \u00a0]?°[ \u00a0]?[NSEW](?![^\W\d_])")
#: Decimal degrees written as a pair (``48.8566, 2.3522``, ``-41.283; 174.450``): the number after
#: one, and the number before one (in group 1).
_LONGITUDE_AFTER = re.compile(r"([,;])[ \u00a0]?(-?[0-9]{1,3}\.([0-9]{3,}))(?![0-9]|\.[0-9])")
_LATITUDE_BEFORE = re.compile(r"(?<![0-9.,])(-?[0-9]{1,2}\.([0-9]{3,}))([,;])[ \u00a0]?$")
#: How far around a number a table's rule is looked for (a column's padding).
_CELL_REACH = 80
#: Characters that, touching a number, make it part of a path, URL, e-mail, file name or identifier.
_IDENTIFIER_CHARS = frozenset("/\\@_-:=#~+&?")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)[ \u00a0]+$")
_WORD_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+)")
#: How far around a number its token and the word before it are looked for (a bound, so that a
#: text with thousands of numbers costs linear time, not a scan of everything before each one).
_REACH = 300
_TOKEN_EDGE = "\"'“”‘’«»()[]{}<>,;!?"


def _token_around(text: str, start: int, end: int) -> tuple[str, str]:
    """The non-space characters touching ``text[start:end]`` on the left and on the right."""
    left, first = start, max(0, start - _REACH)
    while left > first and not text[left - 1].isspace():
        left -= 1
    right, last = end, min(len(text), end + _REACH)
    while right < last and not text[right].isspace():
        right += 1
    return text[left:start].lstrip(_TOKEN_EDGE), text[end:right].rstrip(_TOKEN_EDGE)


def is_quantity(text: str, start: int, end: int, *, _range: bool = True) -> bool:
    """Whether the number at ``text[start:end]`` is clearly a quantity (not a version, name or address).

    >>> is_quantity("RMB31.36 billion", 3, 8), is_quantity("up 3.5% on 2,000 units", 3, 6)
    (True, True)
    >>> is_quantity("Kubernetes 1.27 is out", 11, 15), is_quantity("use v1.19 now", 5, 9)
    (False, False)
    >>> is_quantity("see kubernetes-1.27-encryption.svg", 15, 19), is_quantity("release 2.5", 8, 11)
    (False, False)
    >>> is_quantity("mail a1.5@x.org", 6, 9), is_quantity("at https://x.org/2.5/", 17, 20)
    (False, False)

    The ends of a range are alike (a list's two numbers when both have decimals), and software is
    upgraded from one version to another:

    >>> is_quantity("Python 3.11 and 3.12", 16, 20), is_quantity("upgraded Docsy from 0.4 to 0.5", 20, 23)
    (False, False)
    >>> is_quantity("rose from 3.5 to 4.2", 17, 20), is_quantity("Windows 10 and 11.5 hours", 15, 19)
    (True, True)
    >>> is_quantity("updated its forecast from 2.9 to 3.1", 26, 29), is_quantity("Between 2.5 and 3.5", 16, 19)
    (True, True)
    """
    before, after = _token_around(text, start, end)
    if any(ch in _IDENTIFIER_CHARS for ch in before[-1:] + after[:1]):
        return False
    if not text[start:end].isdigit() and (
        _names_a_part(text, start, end)
        or _is_coordinate(text, start, end)
        or _in_drawn_table(text, start, end)
    ):
        return False
    if "://" in before or "@" in before + after or "/" in before + after:
        return False
    if before[-1:] == "(" and (before[-2:-1].isalnum() or before[-2:-1] == "_"):
        return False  # an argument of a function called in code: percentile_disc(0.5)
    if before[-1:] in ("v", "V") and not before[-2:-1].isalpha():
        return False  # v1.19
    if before[-1:] == "." or re.match(r"\.\w", after):
        return False  # part of a dotted run or a file name (report-3.5.pdf)
    if before and before[-1].isalnum() and after and after[0].isalnum() and not after.isalpha():
        return False  # letters or digits on both sides: an identifier (abc1.5x2)
    if before and before[-1].isalpha() and not _is_currency(before):
        return False  # Python3.11, kernel5.4 (RMB31.36 is money)
    following = _WORD_AFTER.match(text, end)
    if following is not None and following.group(1).lower() in VERSION_WORDS:
        return False  # the 2.5 release
    if _range and "." in text[start:end]:
        listed = _LISTED_BEFORE.search(text, max(0, start - 40), start)
        if listed is not None and not is_quantity(text, listed.start(1), listed.end(1), _range=False):
            return False  # the next of a list of versions (OS X 10.8, 10.9)
    word = _WORD_BEFORE.search(text, max(0, start - _REACH), start)
    if word is not None:
        previous = word.group(1).rstrip(".")
        lowered = previous.lower()
        if lowered in VERSION_WORDS or lowered in REFERENCE_WORDS:
            return False
        if _range and lowered in _RANGE_WORDS and not _UNIT_AFTER.match(text, end):
            if lowered in ("from", "to") and _UPGRADING.search(_clause_before(text, word.start())):
                return False  # upgraded Docsy from 0.4 to 0.5
            earlier = _NUMBER_BEFORE.search(text, max(0, word.start() - _REACH), start)
            if (
                earlier is not None
                and (lowered not in ("and", "or") or ("." in earlier.group(1) and "." in text[start:end]))
                # (one step back only: a long list costs linear time)
                and not is_quantity(text, earlier.start(1), earlier.end(1), _range=False)
            ):
                return False  # the end of a range of versions (Bootstrap 4 to 5.2, 3.11 and 3.12)
        if previous[:1].isupper() and not _is_currency(previous):
            # a name (Ubuntu 18.04, Kubernetes 1.27, PHP 8.1), unless a sentence merely starts there
            return _starts_sentence(text, word.start()) and lowered in _SENTENCE_WORDS
    return True


def section_number(text: str) -> tuple[int, int] | None:
    """Where the section number that opens ``text`` alone in its element is (a table of contents
    or a numbered heading: ``<1>6.1</1> <2>Ethnicity</2>``), or None.

    >>> section_number("<1>6.1</1> <2>Ethnicity</2>"), section_number("<1>6.1. </1>Trade")
    ((3, 6), (3, 6))
    >>> section_number("7.8 Magnitude Earthquake Strikes"), section_number("<1>3.5</1>%")
    (None, None)
    >>> section_number("<1>7.8</1> magnitude"), section_number("<1>3.5</1> Million Visitors")
    (None, None)
    """
    opening = _NUMBERED_OPENING.match(text)
    if opening is None or not opening.group(3)[0].isupper() or opening.group(3).lower() in _SCALES:
        return None
    return opening.span(2)


#: A number with one dot or more opening a text without markup of its own, then a word (a numbered
#: heading: ``6.1 Ethnicity``, ``4.2. Climate``): the number in group 1, the word in group 2.
_BARE_OPENING = re.compile(
    r"\s*([0-9]{1,2}(?:\.[0-9]{1,2})+)\.?[ \u00a0]+(?:</?[0-9]{1,4}/?>)*([^\W\d_][^\W\d_'’-]*)"
)
#: Words after a number that make it a measure, besides CLDR's units and :data:`_SCALES`.
_MEASURES = frozenset(["magnitude", "stars", "star", "times", "points", "point", "votes", "views", "likes"])
#: Unit words that are also English words a title may begin with ("6.1 In practice").
_NOT_UNITS = frozenset(["a", "at", "by", "in", "it", "of", "on", "or", "per", "to", "us"])
#: A heading's length in words at most: a longer text opening with a number is prose.
_HEADING_WORDS = 12


def numbered_heading(text: str) -> tuple[int, int] | None:
    """Where the number of a text that may be a numbered heading is (``6.1 Ethnicity``: a number with
    a dot, no markup of its own, a capitalised word after it that is no unit, scale or measure, a
    heading's length), or None. Such a number may be a section number, to be copied as is, or a
    decimal, to be written the target's way: either is right.

    >>> numbered_heading("6.1 Ethnicity"), numbered_heading("4.2. Climate and <1>weather</1>")
    ((0, 3), (0, 3))
    >>> [numbered_heading(t) for t in ("7.8 Magnitude Earthquake", "71.1 MB", "3.5 Million Visitors", "6.1 ethnic")]
    [None, None, None, None]
    """
    opening = _BARE_OPENING.match(text)
    if opening is None:
        return None
    word = opening.group(2)
    if not word[0].isupper() or word.isupper() or word.lower() in _SCALES | _MEASURES | _unit_words():
        return None
    if len(re.findall(r"[^\W\d_]+", text)) > _HEADING_WORDS:
        return None
    return opening.span(1)


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """The words of English unit names (CLDR's long, short and narrow forms: ``megabytes``, ``hours``,
    ``km``), lower case, but for those in :data:`_NOT_UNITS`."""
    words: set[str] = set()
    for names in babel_locale("en").unit_display_names.values():
        for name in dict(names).values():
            words.update(w.lower() for w in re.findall(r"[^\W\d_]+", str(name)))
    return frozenset(words - _NOT_UNITS)


def _names_a_part(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` names a part of a text: after a section sign
    (``§ 6.1``), or a section number (see :func:`section_number`).

    >>> _names_a_part("§ 6.1 applies", 2, 5), _names_a_part("<1>6.1</1> <2>Ethnicity</2>", 3, 6)
    (True, True)
    >>> _names_a_part("up 6.1 percent", 3, 6)
    False
    """
    if _SECTION_SIGN.search(text, max(0, start - 3), start):
        return True
    return start <= _REACH and (start, end) in (section_number(text), numbered_heading(text))


def _in_drawn_table(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a cell of a table drawn with box-drawing
    characters (a program's output copied into a page: ``│ 0.733 │``, or under a column's
    ``───``), its rule the nearest character on either side.

    >>> _in_drawn_table("  404 │ 0.133        │ 0.3428", 8, 13), _in_drawn_table("404 │ 0.3428\\n", 6, 12)
    (True, True)
    >>> _in_drawn_table(" avg\\n────────\\n 4.3333", 15, 21), _in_drawn_table("Sales │ up 3.5 percent", 11, 14)
    (True, False)
    """
    left = text[max(0, start - _CELL_REACH) : start].rstrip()[-1:]
    right = text[end : end + _CELL_REACH].lstrip()[:1]
    return "\u2500" <= left <= "\u257f" or "\u2500" <= right <= "\u257f"


def _is_coordinate(text: str, start: int, end: int) -> bool:
    """Whether the number at ``text[start:end]`` is a latitude or longitude: before a degree sign
    and a compass point (``41.283°S``), or one of a pair of decimal degrees (``48.8566, 2.3522``;
    three decimals or more, four with a comma between, within ±90 and ±180).

    >>> _is_coordinate("at 48.8566, 2.3522 now", 3, 10), _is_coordinate("at 48.8566, 2.3522 now", 12, 18)
    (True, True)
    >>> _is_coordinate("41.283°S 174.450°E", 9, 16), _is_coordinate("-41.283; 174.450", 9, 16)
    (True, True)
    >>> _is_coordinate("rates of 0.912, 0.874", 9, 14), _is_coordinate("42.4 °C", 0, 4), _is_coordinate("95.1234, 2.35", 0, 7)
    (False, False, False)
    """
    if _DEGREES_AFTER.match(text, end):
        return True
    written = text[start:end]
    decimals = written.partition(".")[2]
    if len(decimals) < 3 or not decimals.isdigit():
        return False
    pair = _LONGITUDE_AFTER.match(text, end)
    if pair is not None:
        latitude, longitude, separator, places = written, pair.group(2), pair.group(1), pair.group(3)
    else:
        before = _LATITUDE_BEFORE.search(text, max(0, start - 24), start)
        if before is None:
            return False
        latitude, longitude, separator, places = before.group(1), written, before.group(3), before.group(2)
    if separator == "," and min(len(decimals), len(places)) < 4:
        return False
    return abs(float(latitude)) <= 90 and abs(float(longitude)) <= 180


def with_copies(text: str, spans: list[tuple[int, int]], names: list[bool]) -> list[bool]:
    """``names`` (whether each number at ``spans`` of ``text`` is not a quantity), a copy of such a
    number with a dot or comma a name too (``Red Hat 7.2`` … ``that 7.2 system``), and so is a whole
    number written with ``.0`` that nothing measures where such a number is a name (``Overcast 1.0``
    … ``in 2.0``: a version referred back to, not a decimal).

    >>> with_copies("Red Hat 7.2, 3 … that 7.2 system, 3", [(8, 11), (13, 14), (22, 25), (34, 35)],
    ...     [True, True, False, False])
    [True, True, True, False]
    >>> text = "Overcast 1.0 … in 2.0, 5.0 MB, $3.0"
    >>> with_copies(text, [(9, 12), (18, 21), (23, 26), (32, 35)], [True, False, False, False])
    [True, True, False, False]
    """
    written = [text[start:end] for start, end in spans]
    named = {number for number, name in zip(written, names, strict=True) if name and not number.isdigit()}
    if not named:
        return names
    versions = any(_WHOLE.fullmatch(number) for number in named)
    return [
        name
        or number in named
        or (versions and _WHOLE.fullmatch(number) is not None and not _measured(text, start, end))
        for number, name, (start, end) in zip(written, names, spans, strict=True)
    ]


#: A whole number written with ``.0``, as versions are (``2.0``).
_WHOLE = re.compile(r"[0-9]+\.0")


def _measured(text: str, start: int, end: int) -> bool:
    """Whether a unit, measure, scale or currency goes with the number at ``text[start:end]``
    (``5.0 MB``, ``2.0 times``, ``2.0%``, ``$3.0``).

    >>> _measured("5.0 MB", 0, 3), _measured("$3.0", 1, 4), _measured("in 2.0 and", 3, 6)
    (True, True, False)
    """
    if _UNIT_AFTER.match(text, end):
        return True
    word = _WORD_AFTER.match(text, end)
    if word is not None and word.group(1).lower() in _SCALES | _MEASURES | _unit_words():
        return True
    before = text[max(0, start - 4) : start]
    return any(unicodedata.category(ch) == "Sc" for ch in before[-2:]) or _is_currency(before.rstrip())


#: A placeholder (``<1>``, ``</1>``, ``<1/>``), as in :mod:`transpub.inline`, which this layer cannot import.
_TAG = re.compile(r"<(?:/?[0-9]{1,4}|[0-9]{1,4}/)>")


def _without_tags(text: str) -> tuple[str, list[int]]:
    """``text`` without its placeholders, as ``transpub check`` reads it, and where each of its
    characters (and its end) is in ``text``.

    >>> _without_tags("a <1>1.5</1><2/>")
    ('a 1.5', [0, 1, 5, 6, 7, 16])
    """
    pieces: list[str] = []
    where: list[int] = []
    at = 0
    for tag in _TAG.finditer(text):
        pieces.append(text[at : tag.start()])
        where.extend(range(at, tag.start()))
        at = tag.end()
    pieces.append(text[at:])
    where.extend(range(at, len(text) + 1))
    return "".join(pieces), where


def _is_currency(word: str) -> bool:
    """Whether ``word`` ends in an ISO 4217 currency code (RMB, USD): money, not a name.

    >>> _is_currency("RMB"), _is_currency("US"), _is_currency("Ubuntu")
    (True, False, False)
    """
    code = word[-3:]
    return len(code) == 3 and code.isupper() and (code in _currency_codes() or code == "RMB")


@lru_cache(maxsize=1)
def _currency_codes() -> frozenset[str]:
    return frozenset(list_currencies())


#: Words that join the two ends of a range or a pair (``from 0.4 to 0.5``, ``3.11 and 3.12``).
_RANGE_WORDS = frozenset(["from", "to", "and", "or", "through", "thru", "until", "till", "than"])
#: A number right before a range word (``4`` in ``Bootstrap 4 to 5.2``), in group 1.
_NUMBER_BEFORE = re.compile(r"(?<![\w.,])(\d+(?:[.,]\d+)*)[ \u00a0]+[^\W\d_]+[ \u00a0]+$")
#: A number with a dot, then a comma, right before a number (``10.8`` in ``OS X 10.8, 10.9``), in group 1.
_LISTED_BEFORE = re.compile(r"(?<![\w.,])([0-9]+(?:\.[0-9]+)+),[ \u00a0]+$")
#: Upgrading software: a number after the verb's ``from`` or ``to`` is a version (not "updated its
#: forecast from 2.9 to 3.1").
_UPGRADING = re.compile(r"\b(?:upgrad|downgrad)(?:e|es|ed|ing)\b", re.IGNORECASE)
#: A unit after a number (or after the other end of its range): then it is a quantity whatever the verb.
#: (Each run of spaces read one way: split between three optional runs, a long run of no-break
#: spaces after a number cost n³ tries, 800 of them 10 s.)
_UNIT_AFTER = re.compile(
    r"[ \u00a0]*+(?:(?:to|and|or|-|\u2013)[ \u00a0]*+)?(?:[\d.,]++[ \u00a0]*+)?"
    r"(?:%|percent\b|per[ \u00a0]cent\b|percentage\b|points?\b|times\b|million\b|billion\b|"
    r"trillion\b|thousand\b)",
    re.IGNORECASE,
)


def _clause_before(text: str, position: int) -> str:
    """The text before ``position`` back to the start of its sentence or clause (a bounded reach)."""
    before = text[max(0, position - _REACH) : position]
    cut = max(before.rfind(mark) for mark in (". ", "; ", "! ", "? ", "\n"))
    return before[cut + 1 :]


#: Capitalised words that begin sentences before a quantity and are not names.
_SENTENCE_WORDS = frozenset(
    [
        "about",
        "almost",
        "around",
        "at",
        "by",
        "from",
        "in",
        "just",
        "more",
        "nearly",
        "only",
        "over",
        "some",
        "the",
        "to",
        "under",
        "up",
        "approximately",
        "between",
        "roughly",
        "exactly",
        "less",
        "fewer",
        "than",
        "with",
        "of",
        "on",
        "for",
        "and",
        "or",
        "but",
    ]
)


def _starts_sentence(text: str, position: int) -> bool:
    """Whether a word at ``position`` begins the text or a sentence."""
    before = text[max(0, position - _REACH) : position].rstrip()
    if not before:
        return position <= _REACH or not text[:position].strip()
    return before[-1] in '.!?:;"“(' or before.endswith(("<1>", "/>"))


def localized_number_spans(text: str, source_locale: str, target_locale: str) -> list[tuple[int, int, str]]:
    """``(start, end, target form)`` of each number in ``text`` whose form differs in ``target_locale``.

    The examples show CLDR number symbols through Babel, pinned to requirements.lock on purpose.

    >>> localized_number_spans("RMB31.36 billion in 2018, 20,000 people", "en", "es")
    [(3, 8, '31,36'), (26, 32, '20.000')]
    >>> localized_number_spans("RMB31.36 billion", "en", "zh_CN")
    []
    >>> localized_number_spans("version 1.2.3 costs 3.14", "en", "de")
    [(20, 24, '3,14')]
    """
    found = _number_pattern(source_locale)
    target = _babel_locale(target_locale)
    if found is None or target is None:
        return []
    pattern, decimal, group = found
    source = _babel_locale(source_locale)
    spans = []
    matches = list(pattern.finditer(text))
    if not matches:  # (most texts)
        return []
    plain, where = _without_tags(text)  # (judged as transpub check reads it: "1,786,300<1/>" is a quantity)
    section = section_number(text)
    judged = [(at := bisect_left(where, m.start()), at + len(m.group(0))) for m in matches]
    names = with_copies(
        plain,
        judged,
        [
            section == m.span() or not is_quantity(plain, *span)
            for m, span in zip(matches, judged, strict=True)
        ],
    )
    for match, name in zip(matches, names, strict=True):
        written = match.group(0)
        if name:
            continue
        canonical = (
            written
            if group not in _SPACE_GROUPS
            else re.sub("[" + "".join(_SPACE_GROUPS) + "]", group, written)
        )
        try:
            value = parse_decimal(canonical, source, strict=True)
        except (NumberFormatError, InvalidOperation):
            continue
        decimals = len(written.split(decimal, 1)[1]) if decimal in written else 0
        localized = _decimal_format(target_locale, decimals).apply(value, target)
        if localized != written:
            spans.append((match.start(), match.end(), localized))
    return spans
