"""Locale names: gettext names in files (``zh_CN``, ``sr@latin``), BCP 47 tags in HTML (``zh-Hans-CN``)."""

from __future__ import annotations

import datetime
import re
from functools import cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from babel.dates import format_date

from .errors import ConfigError

_MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva", "arabic": "Arab"}


@cache
def babel_locale(name: str) -> Locale:
    """The Babel locale of a gettext locale name (``sr@latin`` → ``sr_Latn``)."""
    base, _, modifier = name.partition("@")
    if modifier in _MODIFIER_SCRIPTS:
        parts = base.split("_")
        base = "_".join([parts[0], _MODIFIER_SCRIPTS[modifier], *parts[1:]])
    try:
        return Locale.parse(base)
    except (UnknownLocaleError, ValueError) as exc:
        raise ConfigError(f"unknown locale {name!r}") from exc


def bcp47_tag(name: str) -> str:
    """The BCP 47 language tag for an HTML ``lang`` attribute.

    >>> bcp47_tag("zh_CN"), bcp47_tag("pt_BR"), bcp47_tag("sr@latin"), bcp47_tag("de")
    ('zh-Hans-CN', 'pt-BR', 'sr-Latn', 'de')
    """
    locale = babel_locale(name)
    return "-".join(part for part in (locale.language, locale.script, locale.territory) if part)


def text_direction(name: str) -> str:
    """``rtl`` or ``ltr``.

    >>> text_direction("ar"), text_direction("de")
    ('rtl', 'ltr')
    """
    return "rtl" if babel_locale(name).character_order == "right-to-left" else "ltr"


def native_name(name: str) -> str:
    """The locale's name in its own language, capitalised as a menu entry.

    The region is left out where it is the language's usual one (zh_CN is simply
    Simplified Chinese), and kept where it tells variants apart (pt_PT, zh_TW keeps its script).

    >>> native_name("de"), native_name("es"), native_name("zh_CN"), native_name("pt_PT")
    ('Deutsch', 'Español', '中文 (简体)', 'Português (Portugal)')
    """
    locale = babel_locale(name)
    shown = locale
    likely = get_global("likely_subtags").get(locale.language, "")
    if locale.territory and likely.endswith("_" + locale.territory):
        shown = Locale(locale.language, script=locale.script)
    display = shown.get_display_name(locale) or name
    return display[:1].upper() + display[1:]


def language_of(name: str) -> str:
    """The bare language code (``zh_CN`` → ``zh``), for segmenters and engines.

    >>> language_of("zh_CN"), language_of("sr@latin"), language_of("zh-Hans"), language_of("pt_BR.UTF-8")
    ('zh', 'sr', 'zh', 'pt')
    """
    return re.split(r"[_@.-]", name.strip(), maxsplit=1)[0].lower()


def localize_date(value: str, name: str) -> str | None:
    """A ``<time datetime>`` value written as the locale writes dates, or None if it is no date.

    >>> localize_date("2018-01-04", "de"), localize_date("2018-01-04", "zh_CN")
    ('4. Januar 2018', '2018年1月4日')
    """
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        day = datetime.date(*map(int, match.groups()))
    except ValueError:
        return None
    return format_date(day, format="long", locale=babel_locale(name))
