"""``<time datetime>``: is its text exactly a date the source locale would write, and in which style?

A ``<time>`` is written anew in each target locale only when its whole text is what Babel
(CLDR) writes for its ``datetime`` in the source locale: a date (full, long, medium or short), a
time (medium or short), or a date and a time joined the locale's way. The target then gets the
same fields in the same style, so a reader never sees a date or a time the source did not show.
Anything else (``Published December 29, 2014``, another day than ``datetime``, ``12:02 pm``
where CLDR writes ``12:02 PM``…) is ordinary text for translators.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from babel.dates import DateTimeFormat, DateTimePattern, format_time, get_date_format, parse_pattern

from ..errors import ConfigError
from ..locales import babel_locale

DATE_WIDTHS = ("full", "long", "medium", "short")
#: Full and long times name a time zone: a naive ``datetime`` cannot say which, so they are not used.
TIME_WIDTHS = ("medium", "short")

_DATE = r"(?P<y>\d{4,})-(?P<mo>\d{2})-(?P<d>\d{2})"
_TIME = r"(?P<h>\d{2}):(?P<mi>\d{2})(?::(?P<s>\d{2})(?:\.\d{1,3})?)?"
_ZONE = r"(?:Z|[+-]\d{2}:?\d{2})"
_DATE_ONLY = re.compile(_DATE)
_TIME_ONLY = re.compile(_TIME)
_DATE_TIME = re.compile(rf"{_DATE}[T ]{_TIME}(?:\s*{_ZONE})?")
#: Valid HTML datetime values that name no single day or time (month, year, week, yearless
#: date, time zone, duration): kept as written, no warning.
_OTHER_VALID = re.compile(
    r"\d{4,}-\d{2}|\d{4,}|\d{4,}-W\d{2}|-?-?\d{2}-\d{2}|Z|[+-]\d{2}:?\d{2}"
    r"|P(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?"
    r"|(?:\s*\d+(?:\.\d+)?\s*[WDHMS])+\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateStyle:
    """How a ``<time>`` shows its value: which fields (date, time, datetime) and in which widths."""

    kind: str  # date | time | datetime
    date_width: str = ""
    time_width: str = ""


#: The styles a value may be written in, in the order they are tried (a date, a date and time, a time).
_DATE_STYLES = tuple(DateStyle("date", d) for d in DATE_WIDTHS)
_DATETIME_STYLES = (
    *(DateStyle("datetime", d, t) for d in DATE_WIDTHS for t in TIME_WIDTHS),
    *_DATE_STYLES,
)
_TIME_STYLES = tuple(DateStyle("time", "", t) for t in TIME_WIDTHS)


class UnparsableDate(ValueError):
    """A ``datetime`` attribute that is not a valid HTML date, time or duration."""


def parse_datetime(value: str) -> dt.date | dt.time | dt.datetime | None:
    """The day, time or both that ``value`` names; None for a valid value that names neither.

    Raises UnparsableDate for a value that is no valid HTML datetime at all.

    >>> parse_datetime("2014-12-24T12:02:00-05:00"), parse_datetime("2014-12")
    (datetime.datetime(2014, 12, 24, 12, 2), None)
    >>> parse_datetime("yesterday")
    Traceback (most recent call last):
    ...
    transpub.formats.dates.UnparsableDate: 'yesterday' is not a date, a time or a duration
    """
    text = value.strip()
    try:
        match = _DATE_TIME.fullmatch(text)
        if match:  # the wall-clock time as written: what the page shows next to it
            y, mo, d, h, mi, sec = _ints(match, "y", "mo", "d", "h", "mi", "s")
            return dt.datetime(y, mo, d, h, mi, sec)
        match = _DATE_ONLY.fullmatch(text)
        if match:
            y, mo, d = _ints(match, "y", "mo", "d")
            return dt.date(y, mo, d)
        match = _TIME_ONLY.fullmatch(text)
        if match:
            h, mi, sec = _ints(match, "h", "mi", "s")
            return dt.time(h, mi, sec)
    except ValueError as exc:
        raise UnparsableDate(f"{value!r} is not a valid date or time ({exc})") from None
    if text and _OTHER_VALID.fullmatch(text):
        return None
    raise UnparsableDate(f"{value!r} is not a date, a time or a duration")


def _ints(match: re.Match[str], *names: str) -> list[int]:
    return [int(match[name] or 0) for name in names]


def _normal(text: str) -> str:
    """Text compared without case and with any run of spaces (no-break ones too) as one space."""
    return " ".join(text.replace("\u202f", " ").replace("\u00a0", " ").split()).casefold()


def _styles_for(value: dt.date | dt.time | dt.datetime) -> tuple[DateStyle, ...]:
    if isinstance(value, dt.datetime):
        return _DATETIME_STYLES
    if isinstance(value, dt.date):
        return _DATE_STYLES
    return _TIME_STYLES


@lru_cache(maxsize=4096)  # a page and the index pages show its day in its language: written once
def render_date(value: dt.date | dt.time | dt.datetime, style: DateStyle, locale: str) -> str:
    """``value`` written in ``locale`` with the fields and widths of ``style``.

    >>> render_date(dt.datetime(2014, 12, 24, 12, 2), DateStyle("datetime", "long", "short"), "es")
    '24 de diciembre de 2014, 12:02'
    >>> render_date(dt.date(2018, 1, 4), DateStyle("date", "long"), "zh_CN")
    '2018年1月4日'
    """
    cldr = _cldr(locale)
    if style.kind == "time":
        assert isinstance(value, (dt.time, dt.datetime))
        return format_time(
            value if isinstance(value, dt.time) else value.time(), style.time_width, locale=cldr
        )
    day = value.date() if isinstance(value, dt.datetime) else value
    assert isinstance(day, dt.date)
    written = _write_day(day, locale, style.date_width)
    if style.kind == "date":
        return written
    assert isinstance(value, dt.datetime)
    clock = format_time(value.time(), style.time_width, locale=cldr)
    glue = str(cldr.datetime_formats[style.date_width]).replace("'", "")
    return glue.replace("{0}", clock).replace("{1}", written)


@lru_cache(maxsize=64)
def _cldr(locale: str):
    try:
        return babel_locale(locale)
    except ConfigError:
        return babel_locale("en")


@lru_cache(maxsize=256)
def _date_pattern(locale: str, width: str) -> DateTimePattern:
    """The pattern babel's ``format_date(day, width, locale)`` writes a day of ``locale`` with."""
    return parse_pattern(get_date_format(width, locale=_cldr(locale)))  # type: ignore[arg-type]


#: The pattern fields whose text (babel's ``DateTimeFormat.__getitem__``) depends on one part of
#: the day alone, in a given locale: that part (the day of the month, the month, the year, the day
#: of the week). An era (G) is told by the year, a quarter by the month.
_FIELD_PARTS: dict[str, Callable[[dt.date], int]] = {
    "d": lambda day: day.day,
    "M": lambda day: day.month,
    "L": lambda day: day.month,
    "Q": lambda day: day.month,
    "q": lambda day: day.month,
    "y": lambda day: day.year,
    "G": lambda day: day.year,
    "E": dt.date.weekday,
}
_FIELD = re.compile(r"%\((\w+)\)s")
#: (locale, field, the part of the day it shows) -> the field's text, as babel writes it.
_FIELD_TEXTS: dict[tuple[str, str, int], str] = {}


@lru_cache(maxsize=256)
def _day_fields(
    locale: str, width: str
) -> tuple[str, tuple[tuple[str, Callable[[dt.date], int]], ...]] | None:
    """The %-format of :func:`_date_pattern` and each field it names with the part of the day that
    field shows; None when a field shows more than one part (babel then writes each day)."""
    written = str(_date_pattern(locale, width).format)  # (a str, whatever babel's annotation says)
    fields = []
    for name in dict.fromkeys(_FIELD.findall(written)):
        part = _FIELD_PARTS.get(name[0])
        if part is None:
            return None
        fields.append((name, part))
    return written, tuple(fields)


def _write_day(day: dt.date, locale: str, width: str) -> str:
    """babel's ``format_date(day, width, locale)``: each field of the locale's pattern written by
    babel once per run for the part of the day it shows (a month's name once for every day of it),
    the pattern filled in with them; a pattern with other fields is applied by babel."""
    found = _day_fields(locale, width)
    if found is None:
        return _date_pattern(locale, width).apply(day, _cldr(locale))
    pattern, fields = found
    texts = {}
    made = None
    for name, part in fields:
        key = (locale, name, part(day))
        text = _FIELD_TEXTS.get(key)
        if text is None:
            if made is None:
                made = DateTimeFormat(day, _cldr(locale))
            text = _FIELD_TEXTS[key] = made[name]
        texts[name] = text
    return pattern % texts


def source_date_style(datetime_value: str, shown: str, source_locale: str) -> DateStyle | None:
    """The style in which ``shown`` writes ``datetime_value`` in the source locale, if it does exactly.

    Raises UnparsableDate when ``datetime_value`` is no valid HTML datetime.

    >>> source_date_style("2018-01-04", " January 4, 2018 ", "en")
    DateStyle(kind='date', date_width='long', time_width='')
    >>> source_date_style("2014-12-29", "Published December 29, 2014", "en") is None
    True
    >>> source_date_style("2016-08-01T10:00", "JULY 29, 2016", "en") is None
    True
    """
    value = parse_datetime(datetime_value)
    if value is None:
        return None
    wanted = _normal(shown)
    if not any(ch.isdigit() for ch in wanted):
        return None
    for style in _styles_for(value):
        if _normal(render_date(value, style, source_locale)) == wanted:
            # (each <time> gets a style of its own, as before: the styles tried are shared)
            return DateStyle(style.kind, style.date_width, style.time_width)
    return None


def localize_date(datetime_value: str, style: DateStyle | None, locale: str) -> str | None:
    """``datetime_value`` written in ``locale`` in ``style`` (None when it names no day or time).

    >>> localize_date("2018-01-04", DateStyle("date", "long"), "de")
    '4. Januar 2018'
    """
    try:
        value = parse_datetime(datetime_value)
    except UnparsableDate:
        return None
    return None if value is None or style is None else render_date(value, style, locale)


_PUBLICATION_DAY = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")


def publication_day(value: str | None) -> dt.date | None:
    """The day a ``published`` value (``2014-12-24T12:02:00Z``, ``2024-05-01``) names, if any.

    >>> publication_day("2014-12-24T12:02:00Z"), publication_day("soon")
    (datetime.date(2014, 12, 24), None)
    """
    match = _PUBLICATION_DAY.match(value or "")
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
