"""Numbers written the way the target locale writes them (31.36 in English is 31,36 in Spanish).

Machine translation engines pass numbers through unchanged, so "RMB31.36 billion" came back as
"31.36" in Spanish, German or Russian, where it reads as thirty-one thousand and thirty-six or
as nonsense. Before MT, numbers written with a decimal or a group separator are replaced by
their target form (Babel's CLDR data), like glossary terms. Plain integers (years, counts) are
left alone: "2018" must not become "2.018".
"""

from __future__ import annotations

import copy
import re
from decimal import InvalidOperation
from functools import lru_cache

from babel import Locale
from babel.numbers import (
    NumberFormatError,
    NumberPattern,
    get_decimal_symbol,
    get_group_symbol,
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


def localized_number_spans(text: str, source_locale: str, target_locale: str) -> list[tuple[int, int, str]]:
    """``(start, end, target form)`` of each number in ``text`` whose form differs in ``target_locale``.

    The examples show CLDR number symbols through Babel, pinned to requirements.lock on purpose.

    >>> localized_number_spans("RMB31.36 billion in 2018, 20,000 people", "en", "es")
    [(3, 8, '31,36'), (26, 32, '20.000')]
    >>> localized_number_spans("RMB31.36 billion", "en", "zh_CN")
    []
    >>> localized_number_spans("version 1.2.3 and 3.14", "en", "de")
    [(18, 22, '3,14')]
    """
    found = _number_pattern(source_locale)
    target = _babel_locale(target_locale)
    if found is None or target is None:
        return []
    pattern, decimal, group = found
    source = _babel_locale(source_locale)
    spans = []
    for match in pattern.finditer(text):
        written = match.group(0)
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
