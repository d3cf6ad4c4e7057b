"""Plural-Forms for a new catalog: gettext's conventional expressions first, CLDR only for the rest.

The expressions a translator's tools expect come from two conventional tables, which do not move
with CLDR releases: gettext's own (what ``msginit`` writes; a test compares the two) and, for the
languages gettext's table lacks, the expressions Poedit and the Translate Toolkit localization guide
give. Only a language in neither table gets Babel's CLDR-derived expression. An existing catalog's
Plural-Forms is never replaced: this module is asked only when a catalog is created.
"""

from __future__ import annotations

from transpub.errors import CatalogError, ConfigError
from transpub.locales import babel_locale

_ONE = "nplurals=1; plural=0;"
_NOT_ONE = "nplurals=2; plural=(n != 1);"
_ABOVE_ONE = "nplurals=2; plural=(n > 1);"
_SLAVIC = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
_CZECH = "nplurals=3; plural=(n==1) ? 0 : (n>=2 && n<=4) ? 1 : 2;"

#: gettext 0.21's plural table, as ``msginit`` writes it (gettext-tools/src/plural-table.c).
GETTEXT_TABLE: dict[str, str] = {
    "be": _SLAVIC,
    "bg": _NOT_ONE,
    "cs": _CZECH,
    "da": _NOT_ONE,
    "de": _NOT_ONE,
    "el": _NOT_ONE,
    "en": _NOT_ONE,
    "eo": _NOT_ONE,
    "es": _NOT_ONE,
    "et": _NOT_ONE,
    "fi": _NOT_ONE,
    "fo": _NOT_ONE,
    "fr": _ABOVE_ONE,
    "ga": "nplurals=3; plural=n==1 ? 0 : n==2 ? 1 : 2;",
    "he": _NOT_ONE,
    "hr": _SLAVIC,
    "hu": _NOT_ONE,
    "it": _NOT_ONE,
    "ja": _ONE,
    "ko": _ONE,
    "lt": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "lv": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n != 0 ? 1 : 2);",
    "nb": _NOT_ONE,
    "nl": _NOT_ONE,
    "nn": _NOT_ONE,
    "no": _NOT_ONE,
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
    "pt": _NOT_ONE,
    "pt_BR": _ABOVE_ONE,
    "ro": "nplurals=3; plural=n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2;",
    "ru": _SLAVIC,
    "sk": _CZECH,
    "sl": "nplurals=4; plural=(n%100==1 ? 0 : n%100==2 ? 1 : n%100==3 || n%100==4 ? 2 : 3);",
    "sr": _SLAVIC,
    "sv": _NOT_ONE,
    "tr": _NOT_ONE,
    "uk": _SLAVIC,
    "vi": _ONE,
}

#: Languages gettext's table lacks, with the expressions Poedit and the localization guide use.
CONVENTIONAL_TABLE: dict[str, str] = {
    "af": _NOT_ONE,
    "am": _ABOVE_ONE,
    "an": _NOT_ONE,
    "ar": (
        "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);"
    ),
    "ast": _NOT_ONE,
    "az": _NOT_ONE,
    "bn": _NOT_ONE,
    "bo": _ONE,
    "br": _ABOVE_ONE,
    "bs": _SLAVIC,
    "ca": _NOT_ONE,
    "cy": "nplurals=4; plural=(n==1) ? 0 : (n==2) ? 1 : (n != 8 && n != 11) ? 2 : 3;",
    "eu": _NOT_ONE,
    "fa": _ABOVE_ONE,
    "fil": _ABOVE_ONE,
    "fur": _NOT_ONE,
    "fy": _NOT_ONE,
    "gd": ("nplurals=4; plural=(n==1 || n==11) ? 0 : (n==2 || n==12) ? 1 : (n > 2 && n < 20) ? 2 : 3;"),
    "gl": _NOT_ONE,
    "gu": _NOT_ONE,
    "hi": _NOT_ONE,
    "hy": _NOT_ONE,
    "id": _ONE,
    "is": "nplurals=2; plural=(n%10!=1 || n%100==11);",
    "ka": _ONE,
    "kk": _NOT_ONE,
    "km": _ONE,
    "kn": _NOT_ONE,
    "ky": _ONE,
    "lb": _NOT_ONE,
    "lo": _ONE,
    "mk": "nplurals=2; plural=n%10==1 && n%100!=11 ? 0 : 1;",
    "ml": _NOT_ONE,
    "mn": _NOT_ONE,
    "mr": _NOT_ONE,
    "ms": _ONE,
    "mt": (
        "nplurals=4; plural=(n==1 ? 0 : n==0 || ( n%100>1 && n%100<11) ? 1 : "
        "(n%100>10 && n%100<20 ) ? 2 : 3);"
    ),
    "my": _ONE,
    "ne": _NOT_ONE,
    "oc": _ABOVE_ONE,
    "pa": _NOT_ONE,
    "ps": _NOT_ONE,
    "si": _NOT_ONE,
    "sq": _NOT_ONE,
    "sw": _NOT_ONE,
    "ta": _NOT_ONE,
    "te": _NOT_ONE,
    "tg": _ABOVE_ONE,
    "th": _ONE,
    "tl": _ABOVE_ONE,
    "ug": _ONE,
    "ur": _NOT_ONE,
    "uz": _ABOVE_ONE,
    "wa": _ABOVE_ONE,
    "yo": _NOT_ONE,
    "zh": _ONE,
}


def plural_forms(locale: str) -> str:
    """The Plural-Forms value for a new catalog in a gettext locale (``pt_BR``, ``sr@latin``).

    The full name is looked up before the language alone, so Brazilian Portuguese keeps its own rule;
    the tables win over CLDR, so a Babel release cannot change what a new Spanish catalog gets.

    >>> plural_forms("es")
    'nplurals=2; plural=(n != 1);'
    >>> plural_forms("pt_BR"), plural_forms("zh_TW"), plural_forms("sr@latin") == plural_forms("ru")
    ('nplurals=2; plural=(n > 1);', 'nplurals=1; plural=0;', True)
    """
    name = locale.partition("@")[0]
    language = name.partition("_")[0]
    for key in (name, language):
        for table in (GETTEXT_TABLE, CONVENTIONAL_TABLE):
            if key in table:
                return table[key]
    return _from_cldr(locale)


def _from_cldr(locale: str) -> str:
    """Babel's CLDR-derived expression, for the languages neither conventional table has."""
    from babel import UnknownLocaleError
    from babel.messages.plurals import get_plural  # only for a language the tables lack

    try:
        return str(get_plural(babel_locale(locale)).plural_forms)
    except (ConfigError, ValueError, UnknownLocaleError) as exc:
        raise CatalogError(f"unknown locale {locale!r}: {exc}") from exc
