"""The ``numbers`` check: a translation must carry the same numbers as its source.

Numbers are read the way each language writes them (Babel's decimal and group symbols:
``31.36`` in English is ``31,36`` in German and ``20 000`` in French), digits of other
scripts (Arabic-Indic ``٣١``, full-width ``３１``) count as digits, and a number followed by a
scale word is also known by its absolute value, so ``RMB31.36 billion`` matches
``313.6亿元`` and ``1.14 million`` matches ``114万``. Month names next to a number count as
the month's number, so ``January 4, 2018`` matches ``2018年1月4日``. Words such as
``sixteen`` are not numbers.
"""

from __future__ import annotations

import copy
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache, partial

from babel import Locale
from babel.dates import get_date_format, get_month_names
from babel.numbers import (
    NumberFormatError,
    get_decimal_symbol,
    get_group_symbol,
    parse_decimal,
)

from transpub.check.decades import decades
from transpub.check.numerals import han_numbers, source_ordinals, written_ordinals
from transpub.errors import ConfigError
from transpub.inline import strip_placeholders
from transpub.locales import babel_locale, language_of
from transpub.numberforms import is_quantity, numbered_heading, section_number, with_copies

_SPACES = "\u0020\u00a0\u202f\u2009"
_ENTITY = re.compile(r"&#?\w+;")
#: A letter: a dot or comma after one is not a decimal sign (``meldung.1password``, ``Nr.1``).
_LETTER = r"[^\W\d_]"


def _not_inside(signs: str) -> str:
    """A regex lookbehind: not right after a digit, nor after one of ``signs`` (a regex character
    class body) unless a letter is before the sign, so that a number glued to a word by a dot
    (``Nr.1``) is read alike in every language.

    >>> [m.group(0) for m in re.finditer(_not_inside(".") + "[0-9]+", "0.5 .7 Nr.2 x3")]
    ['0', '2', '3']
    """
    return rf"(?<!\d)(?:(?<![{signs}])|(?<={_LETTER}[{signs}]))"


#: Digits (and the dots and commas between them) after a dot or comma that follows neither a
#: letter nor a digit (``..108.1815`` in a Bibcode, ``(.5``): no language reads a number there,
#: whichever its decimal sign (else German read ``108``, ``1815`` where English reads nothing).
_AFTER_A_SIGN = re.compile(r"(?:(?<=[\W_][.,])|(?<=\A[.,]))\d+(?:[.,]\d+)*")


#: Scale words by language (lower case); a number followed by one (or two: "mil millones",
#: "万亿") is also known by its absolute value. English "billion" is 10^9; German, French and
#: Spanish "Billion/billion/billón" are 10^12.
SCALE_WORDS: dict[str, dict[str, int]] = {
    "en": {
        "thousand": 3,
        "million": 6,
        "millions": 6,
        "billion": 9,
        "billions": 9,
        "bn": 9,
        "trillion": 12,
        "trillions": 12,
    },
    "de": {
        "tausend": 3,
        "mio.": 6,
        "mio": 6,
        "million": 6,
        "millionen": 6,
        "mrd.": 9,
        "mrd": 9,
        "milliarde": 9,
        "milliarden": 9,
        "billion": 12,
        "billionen": 12,
    },
    "fr": {
        "mille": 3,
        "million": 6,
        "millions": 6,
        "milliard": 9,
        "milliards": 9,
        "md": 9,
        "billion": 12,
        "billions": 12,
    },
    "es": {"mil": 3, "millón": 6, "millones": 6, "billón": 12, "billones": 12},
    "pt": {"mil": 3, "milhão": 6, "milhões": 6, "bilhão": 9, "bilhões": 9},
    "it": {"mila": 3, "milione": 6, "milioni": 6, "miliardo": 9, "miliardi": 9},
    "sv": {"tusen": 3, "miljon": 6, "miljoner": 6, "mn": 6, "miljard": 9, "miljarder": 9, "mdr": 9},
    "ru": {
        "тыс.": 3,
        "тысяча": 3,
        "тысячи": 3,
        "тысяч": 3,
        "млн": 6,
        "миллион": 6,
        "миллиона": 6,
        "миллионов": 6,
        "млрд": 9,
        "миллиард": 9,
        "миллиарда": 9,
        "миллиардов": 9,
    },
    "ar": {"ألف": 3, "آلاف": 3, "مليون": 6, "ملايين": 6, "مليار": 9, "مليارات": 9},
    "zh": {"千": 3, "万": 4, "萬": 4, "亿": 8, "億": 8},
    "ja": {"千": 3, "万": 4, "萬": 4, "億": 8, "兆": 12},
    "ko": {"천": 3, "만": 4, "억": 8, "조": 12},
}
_CJK = {"zh", "ja", "ko"}

#: Number words of a source language. They are not numbers a translation must carry ("three
#: pillar industries" may stay words), but a translation may write them as digits ("三大" or "3").
NUMBER_WORDS: dict[str, dict[str, int]] = {
    "en": {
        word: value
        for value, word in enumerate(
            [
                "zero",
                "one",
                "two",
                "three",
                "four",
                "five",
                "six",
                "seven",
                "eight",
                "nine",
                "ten",
                "eleven",
                "twelve",
                "thirteen",
                "fourteen",
                "fifteen",
                "sixteen",
                "seventeen",
                "eighteen",
                "nineteen",
                "twenty",
            ]
        )
    }
    | {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    },
}


@dataclass(frozen=True)
class Number:
    """One number found in a text: as written, its value, and its value times any scale word."""

    text: str
    value: Decimal | str  # a str for literals such as version numbers (1.2.3), compared as written
    absolute: Decimal | str
    #: For a literal of a source: the number of the month named beside it (a date's ``4`` in
    #: ``Retrieved 4 October``), so that a translation's copy of it is found beside the same month.
    month: Decimal | None = field(default=None, compare=False)
    #: A source's month name beside only numbers that are names (``Retrieved 4 October 2013``): not
    #: required, but a translation may write it as a number (``2013年10月4日``).
    optional: bool = field(default=False, compare=False)


def to_ascii_digits(text: str) -> str:
    """Every decimal digit (Arabic-Indic, full-width, Devanagari...) as its ASCII digit.

    >>> to_ascii_digits("٣١٫٣٦ and ３１")
    '31٫36 and 31'
    """
    return "".join(
        str(unicodedata.decimal(ch)) if not ch.isascii() and unicodedata.decimal(ch, None) is not None else ch
        for ch in text
    )


def _babel_locale(locale: str) -> Locale:
    """The Babel locale (English symbols for a name Babel does not know)."""
    try:
        return babel_locale(locale)
    except ConfigError:
        return babel_locale("en")


@lru_cache(maxsize=128)
def _patterns(
    locale: str, spaced: bool = False, unspaced: bool = False
) -> tuple[re.Pattern[str], str, str, dict[str, int]]:
    cldr = _babel_locale(locale)
    decimal = get_decimal_symbol(cldr)
    group = get_group_symbol(cldr)
    groups = {group}
    if group in _SPACES or spaced:
        groups |= set(_SPACES)
    if group == "’":
        groups.add("'")
    if unspaced:
        groups -= set(_SPACES)
    group_class = "[" + "".join(re.escape(g) for g in sorted(groups)) + "]"
    dec = re.escape(decimal)
    grouped = rf"\d{{1,3}}(?:{group_class}\d{{3}})+(?!\d)(?:{dec}\d+)?|" if groups else ""
    number = re.compile(rf"{_not_inside(dec)}(?:{grouped}\d+(?:{dec}\d+)?)")
    scales = SCALE_WORDS.get(language_of(locale), {})
    return number, decimal, group, scales


def _month_names(locale: str) -> dict[str, int]:
    """``locale``'s month names, wide and abbreviated (lower case, without a final dot), and their
    numbers."""
    cldr = _babel_locale(locale)
    months: dict[str, int] = {}
    for width in ("wide", "abbreviated"):
        for context in ("format", "stand-alone"):
            names = get_month_names(width, context, locale=cldr)
            for index, name in names.items():
                name = name.rstrip(".").lower()
                if name and not any(ch.isdigit() for ch in name) and len(name) >= 2:
                    months.setdefault(name, index)
    return months


def _scale_after(rest: str, scales: dict[str, int], cjk: bool) -> int:
    """The power of ten named by the scale words at the start of ``rest`` (0 when none)."""
    power = 0
    position = 0
    while True:
        if not cjk:
            match = re.match(r"[ \u00a0\u202f]?([^\W\d]+\.?)", rest[position:])
            word = match.group(1).lower() if match else ""
            if word not in scales and word.rstrip(".") in scales:
                word = word.rstrip(".")
            if not match or word not in scales:
                return power
        else:
            match = re.match(r"\s?(\S)", rest[position:])
            word = match.group(1) if match else ""
            if match is None or word not in scales:
                return power
        power += scales[word]
        position += match.end()


#: Scale letters glued to a number, by language (``£1.4m``, ``48.5k``): also read as the scale, a
#: translation may write the number so (``140万``) or as written.
GLUED_SCALES: dict[str, dict[str, int]] = {"en": {"k": 3, "m": 6}}
_GLUED = re.compile(r"([^\W\d_])(?![\w])")


def _glued_scale(text: str, end: int, locale: str) -> int:
    """The power of ten of a scale letter glued to the number that ends at ``end`` (``1.4m``), or 0.

    >>> _glued_scale("a 1.4m recall", 5, "en"), _glued_scale("1.4 m", 3, "en"), _glued_scale("1.4mm", 3, "en")
    (6, 0, 0)
    """
    glued = _GLUED.match(text, end)
    return GLUED_SCALES.get(language_of(locale), {}).get(glued.group(1).lower(), 0) if glued else 0


_DOTTED = re.compile(_not_inside(".,") + r"\d+(?:([.,])\d+)(?:\1\d+)+(?![\d]|[.,]\d)")
_DOTTED_DATE = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})")


def _literals(text: str, pattern: re.Pattern[str]) -> tuple[str, list[Number]]:
    """Version numbers, addresses and dotted dates in ``text``, and the text without them.

    A run like ``1.2.3`` is one literal unless the locale reads it as one grouped number
    (``1.234.567`` in German); ``4.1.2018`` is a date: three numbers.
    """
    found: list[Number] = []

    def take(match: re.Match[str]) -> str:
        written = match.group(0)
        whole = pattern.fullmatch(written)
        if whole is not None:
            return written  # a grouped number of this locale
        date = _DOTTED_DATE.fullmatch(written)
        if date is not None:
            found.extend(Number(part, Decimal(part), Decimal(part)) for part in date.groups())
        else:
            found.append(Number(written, written, written))
        return " " * len(written)

    return _DOTTED.sub(take, text), found


def _names_and_versions(
    text: str, pattern: re.Pattern[str], months: dict[int, Decimal], section: int = -1
) -> tuple[str, list[Number]]:
    """Numbers of a source text that are not quantities (``Kubernetes 1.27``, ``v1.19``, a file name),
    and their copies (see :func:`transpub.numberforms.with_copies`), as literals compared as written
    (machine pre-fill leaves them so), and the text without them (``months``: see
    :func:`_months_beside`; ``section``: where the text's section number is, see :func:`_section_at`).
    The number of a numbered heading (see :func:`transpub.numberforms.numbered_heading`) is kept a
    quantity: a translation may copy it or write it its language's way."""
    found: list[Number] = []
    pieces: list[str] = []
    position = 0
    matches = list(pattern.finditer(text))
    if not matches:  # (most texts)
        return text, found
    heading = (numbered_heading(text) or (-1,))[0]
    names = with_copies(
        text,
        [m.span() for m in matches],
        [
            m.start() == section or (m.start() != heading and not is_quantity(text, m.start(), m.end()))
            for m in matches
        ],
    )
    for match, name in zip(matches, names, strict=True):
        if not name:
            continue
        written = match.group(0)
        month = months.get(match.start(), months.get(match.end()))
        found.append(_literal(written, text, match.end(), month))
        pieces.append(text[position : match.start()] + " " * len(written))
        position = match.end()
    pieces.append(text[position:])
    return "".join(pieces), found


def _known_literals(
    text: str, literals: Sequence[str | Number], months: dict[int, Decimal]
) -> tuple[str, list[Number]]:
    """The source's literals found as written in a translation, and the translation without them.

    Where the digits of one are written more than once, the copy beside the month the source
    wrote beside it is taken first, then one beside no month, then one beside a month the source's
    literals are not beside (``months``: see :func:`_months_beside`), so that each month keeps the
    day or year it was written with, and a changed month keeps the day of the month it replaced.
    """
    found: list[Number] = []
    wanted = [n if isinstance(n, Number) else Number(n, n, n) for n in literals]
    dated = {n.month for n in wanted if n.month is not None}
    months_of: dict[str, list[Decimal | None]] = {}  # each literal's months, as the source wrote them
    for number in wanted:
        months_of.setdefault(number.text, []).append(number.month)
    quantity = lru_cache(maxsize=None)(partial(is_quantity, text))  # (each copy once: the text as given)
    for written in sorted(months_of, key=len, reverse=True):
        beside = sorted(months_of[written], key=lambda m: m is None)
        size = len(written)
        starts = _copies(text, written)  # (taking one copy makes no other: each is looked for once)
        for month in beside:
            if not starts:
                break
            start = min(
                starts,
                key=lambda at: (
                    _rank(months.get(at, months.get(at + size)), month, dated),
                    len(starts) > 1 and quantity(at, at + size),  # (R1, not the 1 of 1 万)
                ),
            )
            starts.remove(start)
            found.append(_literal(written, text, start + size))
            text = text[:start] + " " * size + text[start + size :]
    return text, found


def _literal(written: str, text: str, end: int, month: Decimal | None = None) -> Number:
    """A number compared as written, ``written`` in ``text`` up to ``end`` (``month``: see
    :attr:`Number.month`); one of digits alone also known by its value (a date's ``02`` is the 2 of
    ``11.2.2021``), an hour or a range's short year by what it stands for (see :func:`_known_as`).

    >>> _literal("02", "2021-02", 7).absolute, _literal("6", "at 6:16 pm", 4).absolute
    (Decimal('2'), Decimal('18'))
    """
    known = _known_as(written, text, end)
    absolute = known if known is not None else Decimal(written) if written.isdigit() else written
    return Number(written, written, absolute, month)


def _known_as(written: str, text: str, end: int) -> Decimal | None:
    """What the number ``written`` up to ``end`` in ``text`` also stands for: an hour of a 12-hour
    clock its hour on a 24-hour one (see :func:`_hour`), the short end of a range of years its year
    (``2020–24``: 2024, see :func:`_year_end`); else None."""
    hour = _hour(written, text, end)
    return hour if hour is not None else _year_end(written, text, end)


#: A year and a dash right before a range's short end (``2020–`` of ``2020–24``): the century in group 1.
_YEAR_BEFORE = re.compile(r"(?<![\d.,])(\d{2})(\d{2})[-–]$")


def _year_end(written: str, text: str, end: int) -> Decimal | None:
    """The year the two-digit end ``written`` up to ``end`` of a range of years stands for, or None.

    >>> _year_end("24", "2020–24", 7), _year_end("19", "2020-19", 7), _year_end("24", "2020 – 24", 9)
    (Decimal('2024'), None, None)
    """
    start = end - len(written)
    if len(written) != 2 or not written.isdigit():
        return None
    year = _YEAR_BEFORE.search(text, max(0, start - 5), start)
    if year is None or int(written) <= int(year.group(2)):
        return None
    return Decimal(year.group(1) + written)


#: The rest of a time of a 12-hour clock after its hour (``:16 pm``, ``:00AM``, ``:51 p.m.``, `` a.m.``).
_CLOCK = re.compile(
    r"(?::[0-5]\d(?::[0-5]\d)?)?[ \u00a0]?([ap])\.?[ \u00a0]?m\b\.?(?![^\W\d_])", re.IGNORECASE
)


def _hour(written: str, text: str, end: int) -> Decimal | None:
    """The hour ``written`` up to ``end`` in ``text`` on a 24-hour clock when it is that of a time of a
    12-hour clock (``6:16 pm`` and ``6 p.m.`` are 18, ``12:05 am`` is 0), else None, so that ``18:16``
    matches it.

    >>> [_hour("5", t, 1) for t in ("5 p.m.", "5pm", "5:30 AM", "5 amps", "5 a month")]
    [Decimal('17'), Decimal('17'), Decimal('5'), None, None]
    """
    clock = _CLOCK.match(text, end)
    if clock is None or not written.isdigit() or not 1 <= int(written) <= 12:
        return None
    return Decimal(int(written) % 12 + (12 if clock.group(1).lower() == "p" else 0))


#: A time of a 24-hour clock written without a colon before a time zone (``1451 GMT``, ``0930 UTC+8``,
#: ``2200Z``): the hour in group 1, the minutes in group 2.
_ZONED_CLOCK = re.compile(
    r"(?<![\w.,:])([01][0-9]|2[0-3])([0-5][0-9])(?:[ \u00a0]?(?:GMT|UTC|[ECMP][SD]T|[EP]T|AK[SD]T|HST|BST|"
    r"IST|CES?T|EES?T|MSK|JST|KST|HKT|SGT|AE[SD]T|AWST|NZ[SD]T)(?:[+\-\u2212][0-9]{1,2})?|Z)"
    r"(?![^\W\d_])"
)


#: What must not be right before and after a literal found as written (see :func:`_copies`).
_LITERAL_BEFORE = re.compile(_not_inside(".,"))
_LITERAL_AFTER = re.compile(r"(?![\d]|[.,]\d)")


def _copies(text: str, written: str) -> list[int]:
    """Where ``written`` stands in ``text`` as a number of its own (no digit, nor a dot or comma and a
    digit, glued before or after it), left to right, none overlapping another: found with
    ``str.find`` (a text with a thousand versions holds a thousand literals, each looked for).

    >>> _copies("7.2 and 17.2, 7.25 or 7.2.", "7.2")
    [0, 22]
    """
    starts: list[int] = []
    at = text.find(written)
    while at != -1:
        if _LITERAL_BEFORE.match(text, at) and _LITERAL_AFTER.match(text, at + len(written)):
            starts.append(at)
            at = text.find(written, at + len(written))
        else:
            at = text.find(written, at + 1)
    return starts


def _rank(beside: Decimal | None, month: Decimal | None, dated: set[Decimal]) -> int:
    """How well a copy of a literal beside month ``beside`` fits one the source wrote beside
    ``month``: the same month first, then no month, then one no literal of the source is beside
    (``dated``: the months they are beside; a changed month), then another."""
    return 0 if beside == month else 1 if beside is None else 2 if beside not in dated else 3


def _months_beside(text: str, months: tuple[re.Pattern[str], dict[str, int]] | None) -> dict[int, Decimal]:
    """Where a number beside a month name starts or ends in ``text``, and the month's number.

    >>> _months_beside("on 4 October 2013", _month_pattern("en"))
    {4: Decimal('10'), 13: Decimal('10')}
    """
    if months is None:
        return {}
    pattern, numbers_of = months
    beside: dict[int, Decimal] = {}
    for match in pattern.finditer(text):
        if match.group(2):  # the name after a number; a number may follow it too
            beside.setdefault(match.start(), Decimal(numbers_of[match.group(2).lower()]))
            match = pattern.match(text, match.start(2)) or match
        if match.group(1):  # the name before a number
            digit = re.compile(r"\d").search(text, match.end())
            if digit is not None:
                beside.setdefault(digit.start(), Decimal(numbers_of[match.group(1).lower()]))
    return beside


def find_numbers(
    text: str,
    locale: str,
    *,
    spaced: bool = False,
    unspaced: bool = False,
    source: bool = False,
    literals: Sequence[str | Number] | None = None,
    months_of: str | None = None,
    months_beside_literals: bool = False,
) -> list[Number]:
    """The numbers in ``text`` as ``locale`` writes them (placeholders and entities ignored).

    ``spaced``: also read spaces as group separators (``20 000``), as many style guides allow;
    ``unspaced``: never (``36 146``: two numbers a space separates, as English reads them).

    >>> [str(n.value) for n in find_numbers("16 projects, RMB31.36 billion, 2018", "en")]
    ['16', '31.36', '2018']
    >>> [str(n.value) for n in find_numbers("20\u202f000 personnes, 31,36", "fr")]
    ['20000', '31.36']
    >>> [int(n.absolute) for n in find_numbers("313.6亿元", "zh_CN")]
    [31360000000]
    >>> [str(n.value) for n in find_numbers("sixteen projects", "en")]
    []
    >>> [str(n.value) for n in find_numbers("Version 1.2.3 kam am 4.1.2018, 1.234.567 Mal", "de")]
    ['1234567', '1.2.3', '4', '1', '2018']

    ``source``: numbers that are not quantities (``Ubuntu 18.04``) are literals, compared as written;
    ``literals``: such source literals, read as written in a translation first.

    >>> [n.value for n in find_numbers("Ubuntu 18.04 ships 2.5 times faster", "en", source=True)]
    [Decimal('2.5'), '18.04']
    >>> [n.value for n in find_numbers("Ubuntu 18.04 es 2,5 veces", "es", literals=["18.04"])]
    [Decimal('2.5'), '18.04']

    A month name beside a number is the month's number, joined as the locale's dates join it
    (``6 de noviembre de 2015``); ``months_of``: another locale whose month names count too (a
    translation that keeps the source's date as written); ``months_beside_literals``: also month
    names beside only ``literals`` (``Abgerufen am 4. Oktober 2013``), as optional numbers.

    >>> [str(n.value) for n in find_numbers("el 6 de noviembre de 2015", "es")]
    ['6', '2015', '11']
    >>> [str(n.value) for n in find_numbers("el November 6, 2015", "es", months_of="en")]
    ['6', '2015', '11']
    """
    section = _section_at(text) if source else -1
    text = to_ascii_digits(_ENTITY.sub(" ", strip_placeholders(text)))
    pattern, decimal, group, scales = _patterns(locale, spaced, unspaced)
    text = text.replace("٫", decimal).replace("٬", group)
    text = _AFTER_A_SIGN.sub(lambda match: " " * len(match.group(0)), text)
    text, literals_found = _literals(text, pattern)
    months = _month_pattern(locale, months_of)
    if literals:
        beside_literals = _month_numbers(text, months) if months_beside_literals else []
        text, known = _known_literals(text, literals, _months_beside(text, months))
        literals_found.extend(known)
        if beside_literals:
            literals_found.extend(_without(beside_literals, _month_numbers(text, months)))
    if source:
        beside_names = _month_numbers(text, months)
        text, names = _names_and_versions(text, pattern, _months_beside(text, months), section)
        literals_found.extend(names)
        literals_found.extend(_without(beside_names, _month_numbers(text, months)))
    cjk = language_of(locale) in _CJK
    cldr = _babel_locale(locale)
    found: list[Number] = []
    for match in pattern.finditer(text):
        raw = match.group(0)
        canonical = re.sub(r"\D", lambda m: decimal if m.group(0) == decimal else group, raw)
        try:
            value = parse_decimal(canonical, cldr)
        except (NumberFormatError, InvalidOperation):
            continue
        power = (
            _scale_after(text[match.end() :], scales, cjk)
            or _range_scale(text, match.end(), pattern, scales, cjk)
            or _glued_scale(text, match.end(), locale)
        )
        meant = _known_as(raw, text, match.end())
        found.append(
            Number(raw, value, meant if meant is not None else value.scaleb(power) if power else value)
        )
    found.extend(literals_found)
    found.extend(_month_numbers(text, months))
    return found


#: What joins the two ends of a range (``5.01–5.51 million``, ``2 to 3 billion``, ``501万至551万``).
_RANGE_JOIN = re.compile(r"[ \u00a0]*(?:[-–—~～至到]|to|and|or|bis|und|à|et|a|y|o)[ \u00a0]*", re.IGNORECASE)


def _range_scale(text: str, end: int, pattern: re.Pattern[str], scales: dict[str, int], cjk: bool) -> int:
    """The power of ten of the scale word after the number that ends a range whose first end
    ends at ``end`` (``5.01–5.51 million``: 5.01 is millions too), or 0.

    >>> _range_scale("5.01–5.51 million", 4, _patterns("en")[0], SCALE_WORDS["en"], False)
    6
    """
    join = _RANGE_JOIN.match(text, end)
    if join is None:
        return 0
    other = pattern.match(text, join.end())
    return _scale_after(text[other.end() :], scales, cjk) if other is not None else 0


def _section_at(text: str) -> int:
    """Where the section number that opens ``text`` in its own element (see
    :func:`transpub.numberforms.section_number`) starts in its plain text, or -1.

    >>> _section_at("<1>6.1</1> <2>Ethnicity</2>"), _section_at("6.1 Ethnicity")
    (0, -1)
    """
    span = section_number(text)
    if span is None:
        return -1
    start = len(strip_placeholders(text[: span[0]]))
    return start if strip_placeholders(text).startswith(text[span[0] : span[1]], start) else -1


def _without(months: list[Number], read: list[Number]) -> list[Number]:
    """The ``months`` that are not ``read`` (by value), as optional numbers."""
    left = Counter(n.value for n in read)
    unread = []
    for number in months:
        if left[number.value] > 0:
            left[number.value] -= 1
        else:
            unread.append(Number(number.text, number.value, number.absolute, optional=True))
    return unread


def find_number_words(text: str, locale: str) -> list[Number]:
    """Number words (``eight``) in ``text``, for languages in :data:`NUMBER_WORDS`.

    >>> [int(n.value) for n in find_number_words("Eight projects and three parks", "en")]
    [8, 3]
    """
    words = NUMBER_WORDS.get(language_of(locale), {})
    found = []
    for match in re.finditer(r"[^\W\d_]+", text):
        value = words.get(match.group(0).lower())
        if value is not None:
            found.append(Number(match.group(0), Decimal(value), Decimal(value)))
    return found


def _month_numbers(text: str, months: tuple[re.Pattern[str], dict[str, int]] | None) -> list[Number]:
    """Month names written next to a number (a date), as the month's number (``months``: see
    :func:`_month_pattern`)."""
    if months is None:
        return []
    pattern, numbers_of = months
    numbers = []
    for match in pattern.finditer(text):
        written = match.group(1) or match.group(2)
        value = Decimal(numbers_of[written.lower()])
        numbers.append(Number(written, value, value))
    return numbers


@lru_cache(maxsize=128)
def _month_pattern(
    locale: str, months_of: str | None = None
) -> tuple[re.Pattern[str], dict[str, int]] | None:
    """A month name of ``locale`` (or of ``months_of``) before or after a number, with the words
    the locale's dates put between them (CLDR's long date patterns: ``d 'de' MMMM 'de' y``), and
    the number of each name (lower case)."""
    months: dict[str, int] = {}
    joins: set[str] = set()
    for name in dict.fromkeys(filter(None, (locale, months_of))):
        months = {**_month_names(name), **months}
        joins |= _date_words(name)
    if not months:
        return None
    names = "|".join(re.escape(name) for name in sorted(months, key=len, reverse=True))
    join = "|".join(re.escape(word) for word in sorted(joins, key=len, reverse=True))
    word = rf"(?:(?:{join})[ \u00a0]+)?" if join else ""
    pattern = re.compile(
        rf"(?<!\w)({names})\.?(?=[ \u00a0,]*{word}\d)|(?<=\d)[ \u00a0.,]*{word}({names})(?!\w)",
        re.IGNORECASE,
    )
    return pattern, months


def _date_words(locale: str) -> set[str]:
    """The words ``locale``'s long dates write between day, month and year (``de`` in Spanish)."""
    cldr = _babel_locale(locale)
    words: set[str] = set()
    for width in ("long", "full", "medium"):
        pattern = get_date_format(width, locale=cldr).pattern
        words.update(w.lower() for w in re.findall(r"'([^\W\d_]+)'", pattern) if len(w) >= 2)
    return words


def compare_numbers(source: list[Number], translation: list[Number]) -> tuple[list[Number], list[Number]]:
    """The source numbers the translation lacks, and the translation's numbers the source lacks.

    Numbers pair up by value first, then by absolute value (``31.36 billion`` = ``313.6亿``); a
    number pairs with one written alike first (digits with digits, a month name with a month name),
    so that of ``5 May`` written ``5 juin`` the month is missing, not the day.

    >>> [n.text for n in compare_numbers(find_numbers("5 May", "en"), find_numbers("5 juin", "fr"))[0]]
    ['May']
    """
    if not source or not translation:  # (most texts: nothing to pair)
        return list(source), list(translation)
    missing = list(source)
    extra: list[Number] = []
    for attribute in ("value", "absolute"):
        if attribute == "absolute" and not (missing and extra):
            break
        left: list[Number] = []
        pool = Counter(getattr(n, attribute) for n in missing)
        paired: Counter[tuple[Decimal | str, bool]] = Counter()
        for number in translation if attribute == "value" else extra:
            key = getattr(number, attribute)
            if pool[key] > 0:
                pool[key] -= 1
                paired[key, _is_name(number)] += 1
            else:
                left.append(number)
        alike: list[bool] = []
        for number in missing:  # paired with one written alike
            key = (getattr(number, attribute), _is_name(number))
            alike.append(paired[key] > 0)
            paired[key] -= alike[-1]
        unpaired: Counter[Decimal | str] = Counter()
        for (value, _), count in paired.items():
            unpaired[value] += count
        kept: list[Number] = []
        for number, taken in zip(missing, alike, strict=True):
            key = getattr(number, attribute)
            if taken:
                continue
            if unpaired[key] > 0:  # paired with one written otherwise
                unpaired[key] -= 1
            else:
                kept.append(number)
        missing, extra = kept, left
    return missing, extra


def _is_name(number: Number) -> bool:
    """Whether ``number`` is written as a word (a month name), not with digits."""
    return not any(ch.isdigit() for ch in number.text)


def numbers_problem(source: str, translation: str, source_locale: str, locale: str) -> str | None:
    """Why ``translation`` does not carry ``source``'s numbers, or None when it does.

    >>> numbers_problem("16 projects worth 31.36 billion", "16 Projekte im Wert von 31,36 Mrd.", "en", "de")
    >>> numbers_problem("16 projects", "61 Projekte", "en", "de")
    '16 is missing; 61 is not in the source'
    >>> numbers_problem("RMB31.36 billion on January 4, 2018", "2018年1月4日，313.6亿元", "en", "zh_CN")
    >>> numbers_problem("eight high-grade projects", "8个高端项目", "en", "zh_CN")
    >>> numbers_problem("20,000 visitors", "20 000 Besucher", "en", "de")
    >>> numbers_problem("Update to 1.2.3 now", "Auf 1.2.3 aktualisieren", "en", "de")
    >>> numbers_problem("Update to 1.2.3 now", "Auf 1.2.4 aktualisieren", "en", "de")
    '1.2.3 is missing; 1.2.4 is not in the source'
    >>> numbers_problem("Kubernetes 1.27 is out", "Kubernetes 1.27 ya está", "en", "es")
    >>> numbers_problem("Kubernetes 1.27 is out", "Kubernetes 1,27 ya está", "en", "es")
    '1.27 is missing; 1,27 is not in the source'
    """
    # the translation's month names are read in both (a date it copies: "6 de enero")
    source_numbers = find_numbers(source, source_locale, source=True, months_of=locale)
    optional = [n for n in source_numbers if n.optional]
    source_numbers = [n for n in source_numbers if not n.optional]
    misread = _misread(source_numbers, translation, locale)
    source_numbers = _as_literals(source_numbers, misread)  # said once, as such
    joined = _joined(source, source_numbers, translation, locale)
    source_numbers = _without_pieces(source_numbers, joined)
    missing, extra = _compared(source_numbers, translation, locale, source_locale)
    compared = source_numbers  # the reading of the source the differences are of
    if missing or extra:  # a space may group digits (20 000) or separate numbers (36 146), in any language
        spaced = _as_literals(
            [
                n
                for n in find_numbers(source, source_locale, source=True, spaced=True, months_of=locale)
                if not n.optional
            ],
            misread,
        )
        for numbers, reading in (
            (source_numbers, "spaced"),
            (source_numbers, "unspaced"),
            (spaced, ""),
            (spaced, "spaced"),
        ):
            other = _compared(numbers, translation, locale, source_locale, reading)
            if len(other[0]) + len(other[1]) < len(missing) + len(extra):
                (missing, extra), compared = other, numbers
    if missing and extra:  # a time may be written with a colon or without (1451 GMT: 14:51 GMT)
        missing, extra = _clocks_written_otherwise(missing, extra, source, translation)
    if missing or extra:  # a decade may be written otherwise (1990s: 90年代, 九十年代)
        missing, extra = _decades_written_otherwise(
            missing, extra, source, translation, source_locale, locale
        )
    if extra:  # number words and months of dates in names may be written as numbers
        unused, extra = compare_numbers(find_number_words(source, source_locale) + optional, extra)
        optional = [n for n in unused if n.optional]
    if missing:  # an ordinal may be written without digits (20th century: siglo XX), Chinese numerals too
        missing = _ordinals_written_otherwise(missing, source, translation, source_locale)
        missing = _han_written(missing, source, translation, locale)
    if optional:  # ("Retrieved 4 October 2013" as "Abgerufen am 4. November 2013")
        replaced, replacing = _changed_months(optional, source_numbers, translation, locale, source_locale)
        missing, extra = missing + replaced, extra + replacing
    missing = _as_written(missing, source, source_locale)
    extra = _as_written(extra, translation, locale)
    parts = []
    heading = numbered_heading(source)  # (its number may be copied: 6.1 Ethnicity)
    misread = [n for n in misread if heading is None or n.text != source[heading[0] : heading[1]]]
    if misread:
        misread = list({n.text: n for n in misread}.values())  # (9.2 written twice: named once)
        names = ", ".join(n.text for n in misread)
        local = ", ".join(f"{n.text} as {_local_or_none(n, locale) or '?'}" for n in misread)
        parts.append(
            f"{names} {'is' if len(misread) == 1 else 'are'} written as in the source, which {locale} "
            f"reads as other numbers (write {local} in {locale})"
        )
    if joined:
        texts = list(dict.fromkeys(n.text for n in joined))
        parts.append(
            f"{', '.join(texts)} {'is' if len(texts) == 1 else 'are'} written as in the source, which "
            f"{locale} reads as {'one number' if len(texts) == 1 else 'single numbers'}"
        )
    parts.extend(_differences(missing, extra, compared))
    if not parts:
        return None
    message = "; ".join(parts)
    hint = _format_hint(missing, translation, locale)
    return f"{message} ({hint})" if hint else message


def _ordinals_written_otherwise(
    missing: list[Number], source: str, translation: str, source_locale: str
) -> list[Number]:
    """``missing`` without the ordinals of ``source`` that ``translation`` writes without digits
    (``20th century`` as ``siglo XX``, ``3rd`` as ``第三``: see :mod:`transpub.check.numerals`), but
    for those the source writes so too.

    >>> [n.text for n in _ordinals_written_otherwise(find_numbers("20th, 5", "en"), "20th, 5", "siglo XX", "en")]
    ['5']
    """
    ordinals = source_ordinals(source, source_locale)
    if not ordinals:  # (most texts)
        return missing
    written = written_ordinals(translation) - written_ordinals(source)
    return _without_written(missing, written & ordinals, lambda number: _kind(number)[0])


def _clocks_written_otherwise(
    missing: list[Number], extra: list[Number], source: str, translation: str
) -> tuple[list[Number], list[Number]]:
    """``missing`` and ``extra`` without the times one side writes as a 24-hour clock without a colon
    before a time zone (``1451 GMT``) that the other writes as their hour and minutes (``14:51``,
    ``14 h 51``, ``14时51分``).

    >>> [[n.text for n in side] for side in _clocks_written_otherwise(
    ...     find_numbers("at 1451 GMT", "en"), find_numbers("um 14:51 Uhr", "de"), "at 1451 GMT", "um 14:51 Uhr")]
    [[], []]
    """
    found = []
    for text, whole, parts in ((source, missing, extra), (translation, extra, missing)):
        wholes: Counter[Decimal] = Counter()
        pieces: Counter[Decimal] = Counter()
        left = Counter(_value(n) for n in parts)
        unpaired = Counter(_value(n) for n in whole)
        for clock in _ZONED_CLOCK.finditer(to_ascii_digits(strip_placeholders(text))):
            hour, minutes, written = (Decimal(part) for part in (*clock.groups(), "".join(clock.groups())))
            if unpaired[written] > 0 and left[hour] > 0 and left[minutes] > (hour == minutes):
                unpaired[written] -= 1
                left -= Counter([hour, minutes])
                wholes[written] += 1
                pieces.update([hour, minutes])
        found.append((wholes, pieces))
    (source_wholes, translation_pieces), (translation_wholes, source_pieces) = found
    return (
        _without_written(_without_written(missing, source_wholes, _value), source_pieces, _value),
        _without_written(_without_written(extra, translation_wholes, _value), translation_pieces, _value),
    )


def _value(number: Number) -> object:
    """What ``number`` is counted by (see :func:`_kind`)."""
    return _kind(number)[0]


def _decades_written_otherwise(
    missing: list[Number], extra: list[Number], source: str, translation: str, source_locale: str, locale: str
) -> tuple[list[Number], list[Number]]:
    """``missing`` and ``extra`` without the numbers of the decades of ``source`` that ``translation``
    writes in another form (``1990s`` as ``90年代`` or ``九十年代``, ``the '90s`` as ``1990年代``, ``the
    nineties`` as ``90年代``: see :mod:`transpub.check.decades`); a decade of other tens or another
    century is still a changed number.

    >>> _decades_written_otherwise(find_numbers("1990s", "en"), find_numbers("90年代", "zh"), "1990s", "90年代", "en", "zh")
    ([], [])
    >>> [[n.text for n in side] for side in _decades_written_otherwise(
    ...     find_numbers("1990s", "en"), find_numbers("80年代", "zh"), "1990s", "80年代", "en", "zh")]
    [['1990'], ['80']]
    """
    theirs = decades(source, source_locale)
    if not theirs:  # (most texts)
        return missing, extra
    ours = decades(translation, locale)
    lacking: Counter[Decimal] = Counter()  # the source's decades' numbers the translation writes otherwise
    added: Counter[Decimal] = Counter()  # and the translation's numbers of them
    for decade in theirs:
        other = next((d for d in ours if d.same_as(decade)), None)
        if other is None:
            continue
        ours.remove(other)
        if decade.number != other.number:  # (the same number pairs as any number does)
            lacking.update([decade.number] if decade.number is not None else [])
            added.update([other.number] if other.number is not None else [])
    return (
        _without_written(missing, lacking, _value),
        _without_written(extra, added, _value),
    )


def _han_written(missing: list[Number], source: str, translation: str, locale: str) -> list[Number]:
    """``missing`` without the numbers a Chinese or Japanese ``translation`` writes in its numerals
    (``2 weeks`` as ``两周``, ``20,000`` as ``两万``: see :func:`transpub.check.numerals.han_numbers`), but
    for those the source writes so too.

    >>> [n.text for n in _han_written(find_numbers("in 2 weeks, 5 days", "en"), "", "两周", "zh_CN")]
    ['5']
    """
    written = han_numbers(translation, locale)
    if not written:  # (most texts)
        return missing
    written -= han_numbers(source, locale)
    return _without_written(
        missing,
        written,
        lambda number: number.absolute if isinstance(number.absolute, Decimal) else _kind(number)[0],
    )


def _without_written(
    missing: list[Number], written: Counter[Decimal], value_of: Callable[[Number], object]
) -> list[Number]:
    """``missing`` without as many numbers of each value (``value_of``) as ``written`` counts."""
    written = Counter(written)
    kept = []
    for number in missing:
        value = value_of(number)
        if isinstance(value, Decimal) and written[value] > 0:
            written[value] -= 1
        else:
            kept.append(number)
    return kept


#: Digits on both sides of a dot or comma: what :func:`_joined` looks for.
_DIGITS_JOINED = re.compile(r"\d[.,]\d")


def _joined(source: str, source_numbers: list[Number], translation: str, locale: str) -> list[Number]:
    """Numbers the source reads as several, joined by a dot or comma (``1,4``: 1 and 4 in English),
    which ``translation`` writes as the source does where ``locale`` reads one number (1,4 in
    German), as literals.

    >>> [n.text for n in _joined("1,4 GHz", find_numbers("1,4 GHz", "en"), "1,4 GHz", "de")]
    ['1,4']
    """
    if not _DIGITS_JOINED.search(source):  # (most texts: no reading to make)
        return []
    texts = {n.text for n in source_numbers}
    found = []
    for number in find_numbers(source, locale, unspaced=True):
        if isinstance(number.value, str) or number.text in texts or not _DIGITS_JOINED.search(number.text):
            continue
        if re.search(rf"(?<![\d.,]){re.escape(number.text)}(?!\d|[.,]\d)", translation):
            found.append(Number(number.text, number.text, number.text))
    return found


def _without_pieces(numbers: list[Number], joined: list[Number]) -> list[Number]:
    """``numbers`` with the ``joined`` ones (see :func:`_joined`) for their pieces."""
    kept = list(numbers)
    for number in joined:
        rest = list(kept)
        for piece in re.findall(r"\d+", number.text):
            index = next((i for i, n in enumerate(rest) if n.text == piece), None)
            if index is None:
                break
            del rest[index]
        else:
            kept = [*rest, number]
    return kept


def _as_literals(numbers: list[Number], misread: list[Number]) -> list[Number]:
    """``numbers``, those ``misread`` (see :func:`_misread`) as literals, compared as written."""
    texts = {n.text for n in misread}
    return [n for n in numbers if n.text not in texts] + [
        Number(n.text, n.text, n.text) for n in numbers if n.text in texts
    ]


def _compared(
    source_numbers: list[Number], translation: str, locale: str, source_locale: str, reading: str = ""
) -> tuple[list[Number], list[Number]]:
    """The source numbers ``translation`` lacks and its numbers the source lacks (see
    :func:`compare_numbers`), the translation read with spaces as ``reading`` says: ``spaced``
    or ``unspaced`` (see :func:`find_numbers`), else as its locale reads them."""
    literals = [n for n in source_numbers if isinstance(n.value, str)]
    found = find_numbers(
        translation,
        locale,
        spaced=reading == "spaced",
        unspaced=reading == "unspaced",
        literals=literals,
        months_of=source_locale,
    )
    return compare_numbers(source_numbers, found)


def _changed_months(
    optional: list[Number], source_numbers: list[Number], translation: str, locale: str, source_locale: str
) -> tuple[list[Number], list[Number]]:
    """The ``optional`` months of the source (beside numbers that are names) that ``translation``
    writes as other months beside the same names, and those other months; none when it writes
    no other month there (it may leave a month out: ``Mai-Update für Windows 10``).

    >>> source = find_numbers("Retrieved 4 October 2013", "en", source=True, months_of="de")
    >>> [[n.text for n in side] for side in _changed_months(
    ...     [n for n in source if n.optional], source, "Abgerufen am 4. November 2013", "de", "en")]
    [['October'], ['November']]
    """
    found = find_numbers(
        translation,
        locale,
        literals=[n for n in source_numbers if isinstance(n.value, str)],
        months_of=source_locale,
        months_beside_literals=True,
    )
    replaced, replacing = compare_numbers(optional, [n for n in found if n.optional])
    return (replaced, replacing) if replacing else ([], [])


def _misread(source_numbers: list[Number], translation: str, locale: str) -> list[Number]:
    """The source's numbers with a separator (``3.0``, ``1,000``) that ``translation`` writes as the
    source does, where ``locale`` reads other numbers (``3.0`` is 3 and 0 in German).

    >>> [n.text for n in _misread(find_numbers("from 3.0 to 4.0, 1,000 times", "en"), "von 3.0 auf 4.0, 1,000 Mal", "de")]
    ['3.0', '4.0', '1,000']
    >>> _misread(find_numbers("3.5 times", "en"), "3.5 veces", "es_MX")
    []
    """
    found = []
    for number in source_numbers:
        if (
            isinstance(number.value, str)
            or number.text.isdigit()
            or not any(c.isdigit() for c in number.text)
        ):
            continue
        if not re.search(rf"(?<![\d.,]){re.escape(number.text)}(?!\d|[.,]\d)", translation):
            continue
        read = find_numbers(number.text, locale)
        if len(read) != 1 or read[0].value != number.value:
            found.append(number)
    return found


def _local_or_none(number: Number, locale: str) -> str | None:
    """``number`` as ``locale`` writes it, or None when it cannot be said."""
    if isinstance(number.value, str):
        return None
    try:
        return _as_written_in(number.value, locale)
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


#: Digits joined by dots or commas (``1.28``, ``1,4``), which a language may read as several numbers.
_RUN = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)+(?!\d|[.,]\d)")


def _as_written(numbers: list[Number], text: str, locale: str) -> list[Number]:
    """``numbers`` (found in ``text``), the pieces ``locale`` reads in a run of digits joined by dots or
    commas named as the run is written, when all of them are among ``numbers``: a changed version
    ``1.28`` in German (where it reads as 1 and 28) is ``1.28``, not ``1, 28``.

    >>> [n.text for n in _as_written(find_numbers("Kubernetes 1.28 (5)", "de"), "Kubernetes 1.28 (5)", "de")]
    ['5', '1.28']
    """
    if len(numbers) < 2 or not _DIGITS_JOINED.search(text):  # (most texts)
        return numbers
    runs = []
    for match in _RUN.finditer(to_ascii_digits(strip_placeholders(text))):
        written = match.group(0)
        if len(find_numbers(written, locale)) > 1:
            runs.append(Number(written, written, written))
    return _without_pieces(numbers, runs)


def _differences(missing: list[Number], extra: list[Number], source: list[Number]) -> list[str]:
    """What ``missing`` and ``extra`` say: a number both sides have, but not as many times, with its
    counts (``3.5 is in the source twice, in the translation once``), not as missing or extra; one
    missing or extra more than once, named once with its count.

    >>> three = find_numbers("3.5 and 3.5", "en")
    >>> _differences(three[1:], [], three), _differences(three, [], three)
    (['3.5 is in the source twice, in the translation once'], ['3.5 (twice) is missing'])
    """
    in_source = Counter(_kind(n) for n in source)
    lacking = Counter(_kind(n) for n in missing)
    named: list[list[str]] = []  # the missing ones, the extra ones
    counted: dict[tuple[int, int], list[str]] = {}  # by how often the source and translation write them
    for numbers in (missing, extra):
        found = Counter(_kind(n) for n in numbers)
        first: dict[tuple[Decimal | str, bool], Number] = {}
        for number in numbers:
            first.setdefault(_kind(number), number)
        named.append([])
        for kind, number in first.items():
            paired = in_source[kind] - lacking[kind]  # the translation's copies
            if paired > 0:
                written = paired if numbers is missing else paired + found[kind]
                counted.setdefault((in_source[kind], written), []).append(_shown(number))
            else:
                named[-1].append(_shown(number) + (f" ({_times(found[kind])})" if found[kind] > 1 else ""))
    lacks, adds = (f"{', '.join(names)} {'is' if len(names) == 1 else 'are'}" for names in named)
    return [
        *([f"{lacks} missing"] if named[0] else []),
        *(
            f"{', '.join(names)} {'is' if len(names) == 1 else 'are each'} in the source {_times(times)}, "
            f"in the translation {_times(written)}"
            for (times, written), names in counted.items()
        ),
        *([f"{adds} not in the source"] if named[1] else []),
    ]


def _kind(number: Number) -> tuple[Decimal | str, bool]:
    """What numbers are counted by: value (a literal of digits alone as a number), and whether
    written as a word (a month)."""
    value = number.value
    return Decimal(value) if isinstance(value, str) and value.isdigit() else value, _is_name(number)


def _times(count: int) -> str:
    """``count`` as a number of times: once, twice, 3 times."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _shown(number: Number) -> str:
    """A number as written; a month name with its number.

    >>> _shown(Number("January", Decimal(1), Decimal(1)))
    'January (1)'
    """
    return number.text if any(ch.isdigit() for ch in number.text) else f"{number.text} ({number.value})"


def _as_written_in(value: Decimal, locale: str) -> str:
    """``value`` written the way ``locale`` writes numbers, with the decimals it was written with
    (a price's ``3.50`` is ``3,50``, not ``3,5``).

    >>> _as_written_in(Decimal("1234.50"), "de")
    '1.234,50'
    """
    cldr = _babel_locale(locale)
    pattern = copy.copy(cldr.decimal_formats[None])
    exponent = value.as_tuple().exponent
    decimals = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern.frac_prec = (decimals, max(decimals, pattern.frac_prec[1]))
    return str(pattern.apply(value, cldr))


def _format_hint(missing: list[Number], translation: str, locale: str) -> str | None:
    """A hint when a number was typed as the source writes it instead of as ``locale`` does.

    >>> _format_hint(find_numbers("31.36", "en"), "31.36 Mrd.", "de")
    'write 31.36 as 31,36 in de'
    """
    for number in missing:
        written = number.text
        if isinstance(number.value, str):
            continue  # a literal (1.2.3) is written the same everywhere
        if written in translation and any(ch.isdigit() for ch in written) and not written.isdigit():
            local = _local_or_none(number, locale)
            if local is None:
                return None
            if local != number.text:
                return f"write {number.text} as {local} in {locale}"
    return None
