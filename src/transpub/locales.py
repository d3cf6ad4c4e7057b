"""Locale names: gettext names in files (``zh_CN``, ``sr@latin``), BCP 47 tags in HTML (``zh-Hans-CN``).

Every locale name transpub is given goes through this module: :func:`validate_locale` checks a
name from ``transpub.toml`` against gettext's grammar before it is used in a path (so
``de@/../../x`` never becomes a folder), then that Babel knows it; :func:`parse_cli_locale`
also accepts the spellings people type (``zh-cn`` is ``zh_CN``); :func:`babel_locale` is the
one place a gettext name becomes a Babel locale (``sr_RS@latin`` is ``sr_Latn_RS``).
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale, UnknownLocaleError
from babel.core import get_global

from .errors import ConfigError

_MODIFIER_SCRIPTS = {"latin": "Latn", "cyrillic": "Cyrl", "devanagari": "Deva", "arabic": "Arab"}

#: gettext's locale grammar: ``ll`` or ``lll``, an optional script (``_Latn``), an optional
#: region (``_CC`` or ``_419``), an optional ``@modifier`` of letters and digits. Nothing else, so
#: a name is always safe as one path component.
LOCALE_NAME = re.compile(r"[a-z]{2,3}(?:_[A-Z][a-z]{3})?(?:_(?:[A-Z]{2}|[0-9]{3}))?(?:@[A-Za-z0-9]+)?")
_EXAMPLES = "zh_CN, pt_BR, sr@latin"


def normalize_locale(name: str) -> str:
    """A gettext locale name from a gettext or BCP 47 spelling (``zh-cn`` -> ``zh_CN``).

    Only case and separators change; the result may still be no valid name.

    >>> normalize_locale("zh-cn"), normalize_locale("sr@latin"), normalize_locale("zh-Hans-CN"), normalize_locale("PT_br")
    ('zh_CN', 'sr@latin', 'zh_Hans_CN', 'pt_BR')
    """
    base, at, modifier = name.strip().partition("@")
    parts = base.replace("-", "_").split("_")
    out = [parts[0].lower()]
    for part in parts[1:]:
        out.append(part.upper() if len(part) == 2 or part.isdigit() else part.title())
    return "_".join(out) + (at + modifier if at else "")


def is_gettext_name(name: str) -> bool:
    """True when ``name`` follows gettext's locale grammar exactly.

    >>> is_gettext_name("sr_RS@latin"), is_gettext_name("zh-cn"), is_gettext_name("de@/../x")
    (True, False, False)
    """
    return LOCALE_NAME.fullmatch(name) is not None


def validate_locale(name: str, where: Path | None = None, line: int | None = None) -> str:
    """Check that ``name`` is a gettext locale name that Babel knows, and return it (an error names
    ``where`` and its ``line``).

    A name in another spelling is refused with the gettext spelling as a hint.

    >>> validate_locale("sr_RS@latin")
    'sr_RS@latin'
    >>> validate_locale("zh-cn")
    Traceback (most recent call last):
    transpub.errors.ConfigError: invalid locale name 'zh-cn': write it zh_CN (gettext names: zh_CN, pt_BR, sr@latin)
    """
    if not isinstance(name, str) or not is_gettext_name(name):
        hint = normalize_locale(name) if isinstance(name, str) else ""
        if is_gettext_name(hint):
            raise ConfigError(
                f"invalid locale name {name!r}: write it {hint} (gettext names: {_EXAMPLES})", where, line
            )
        raise ConfigError(
            f"invalid locale name {name!r}: a gettext name is a language of 2 or 3 letters, then "
            f"optionally a script (_Hant), a region (_CN, _419) and @ with letters or digits ({_EXAMPLES})",
            where,
            line,
        )
    try:
        babel_locale(name)
    except ConfigError as exc:
        raise ConfigError(
            f"unknown locale {name!r} (not in Babel's CLDR data; use gettext names such as {_EXAMPLES})",
            where,
            line,
        ) from exc
    return name


def parse_cli_locale(name: str) -> str:
    """A locale given on the command line, as its gettext name (``zh-cn`` -> ``zh_CN``).

    >>> parse_cli_locale("zh-cn"), parse_cli_locale("pt-BR"), parse_cli_locale("de")
    ('zh_CN', 'pt_BR', 'de')
    """
    normal = normalize_locale(name)
    return validate_locale(normal if is_gettext_name(normal) else name)


@cache
def babel_locale(name: str) -> Locale:
    """The Babel locale of a gettext locale name (``sr_RS@latin`` → ``sr_Latn_RS``).

    >>> str(babel_locale("sr_RS@latin")), str(babel_locale("ca@valencia"))
    ('sr_Latn_RS', 'ca')
    """
    base, _, modifier = name.partition("@")
    if modifier in _MODIFIER_SCRIPTS:
        parts = base.split("_")
        base = "_".join([parts[0], _MODIFIER_SCRIPTS[modifier], *parts[1:]])
    try:
        return Locale.parse(base)
    except (UnknownLocaleError, ValueError) as exc:
        raise ConfigError(f"unknown locale {name!r}") from exc


@lru_cache(maxsize=512)  # asked for on every page (lang attributes, links)
def bcp47_tag(name: str) -> str:
    """The BCP 47 language tag for an HTML ``lang`` attribute.

    >>> bcp47_tag("zh_CN"), bcp47_tag("pt_BR"), bcp47_tag("sr@latin"), bcp47_tag("de")
    ('zh-Hans-CN', 'pt-BR', 'sr-Latn', 'de')
    """
    locale = babel_locale(name)
    return "-".join(part for part in (locale.language, locale.script, locale.territory) if part)


@lru_cache(maxsize=64)
def open_graph_locale(name: str) -> str:
    """The Open Graph ``og:locale`` of a gettext locale name (``language_TERRITORY``), the territory
    the language is most likely written in (CLDR's likely subtags) where the name gives none.

    >>> open_graph_locale("de"), open_graph_locale("pt_BR"), open_graph_locale("zh_CN"), open_graph_locale("sr@latin")
    ('de_DE', 'pt_BR', 'zh_CN', 'sr_RS')
    """
    locale = babel_locale(name)
    territory = locale.territory
    if not territory:
        from babel.core import get_global, parse_locale

        likely = get_global("likely_subtags")
        found = likely.get(str(locale)) or likely.get(locale.language)
        territory = parse_locale(found)[1] if found else None
    return f"{locale.language}_{territory}" if territory else locale.language


@lru_cache(maxsize=512)
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
    The example shows CLDR data through Babel, pinned to requirements.lock on purpose.

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


@lru_cache(maxsize=256)  # asked for by a page's options with a value or lang (see names_itself)
def _own_names(tag: str) -> frozenset[str]:
    """The names, in lower case, of the language of a BCP 47 tag or gettext name in itself: its
    :func:`native_name`, its bare language's, Babel's full name (``Português (Brasil)``); none
    for a code Babel does not know."""
    name = normalize_locale(tag)
    try:
        locale = babel_locale(name)
        names = (native_name(name), native_name(locale.language), locale.get_display_name(locale))
    except ConfigError:
        return frozenset()
    return frozenset(own.casefold() for own in names if own)


def names_itself(text: str, tag: str, reader: str) -> bool:
    """Whether ``text`` is the name of ``tag``'s language in that language (an endonym, whatever
    its case, maybe followed by a variant in brackets: ``English (British)``), and not also the
    name, in ``reader``'s language, of the country whose code is ``tag`` (a country list's
    ``<option value="id">Indonesia</option>``).

    >>> names_itself("magyar", "hu", "en"), names_itself("Português (Brasil)", "pt-BR", "en")
    (True, True)
    >>> names_itself("English (British)", "en-GB", "en"), names_itself("Deutschland", "de", "en")
    (True, False)
    >>> names_itself("Germany", "de", "en"), names_itself("Indonesia", "id", "en"), names_itself("x", "zz", "en")
    (False, False, False)
    """
    if len(tag) == 2 and babel_locale(reader).territories.get(tag.upper()) == text:
        return False  # (first: a country list in the reader's language loads no other locale's data)
    own = _own_names(tag)
    name = text.casefold()
    return name in own or (name.endswith(")") and name.partition(" (")[0] in own)


@lru_cache(maxsize=512)
def language_of(name: str) -> str:
    """The bare language code (``zh_CN`` → ``zh``), for segmenters and engines.

    >>> language_of("zh_CN"), language_of("sr@latin"), language_of("zh-Hans"), language_of("pt_BR.UTF-8")
    ('zh', 'sr', 'zh', 'pt')
    """
    return re.split(r"[_@.-]", name.strip(), maxsplit=1)[0].lower()


#: Languages written without spaces between sentences (compile joins their sentences with none).
SPACELESS_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


def english_name(name: str) -> str:
    """The locale's name in English, for people and for prompts.

    >>> english_name("zh_CN"), english_name("de")
    ('Chinese (Simplified, China)', 'German')
    """
    try:
        return babel_locale(name).english_name or name
    except ConfigError:
        return name


#: Unicode character-name prefixes of the letters of a script (ISO 15924 code).
_SCRIPT_LETTERS = {
    "Latn": ("LATIN",),
    "Cyrl": ("CYRILLIC",),
    "Arab": ("ARABIC",),
    "Grek": ("GREEK",),
    "Hebr": ("HEBREW",),
    "Deva": ("DEVANAGARI",),
    "Thai": ("THAI",),
    "Armn": ("ARMENIAN",),
    "Geor": ("GEORGIAN",),
    "Hans": ("CJK",),
    "Hant": ("CJK",),
    "Jpan": ("CJK", "HIRAGANA", "KATAKANA"),
    "Kore": ("HANGUL", "CJK"),
}
_CHARACTER_SCRIPTS = ("CJK", "HIRAGANA", "KATAKANA", "HANGUL")  # each character counts, not each word
_PLACEHOLDER_MARK = re.compile(r"</?\d+/?>")


def writing_script(name: str) -> str | None:
    """The ISO 15924 script a locale is written in (likely subtags where the name has none).

    >>> writing_script("zh_CN"), writing_script("zh_TW"), writing_script("sr@latin"), writing_script("ru")
    ('Hans', 'Hant', 'Latn', 'Cyrl')
    """
    try:
        locale = babel_locale(name)
    except ConfigError:
        return None
    if locale.script:
        return locale.script
    likely = get_global("likely_subtags")
    for key in (f"{locale.language}_{locale.territory}" if locale.territory else "", locale.language):
        parts = str(likely.get(key, "")).split("_") if key else []
        if len(parts) >= 2 and len(parts[1]) == 4:
            return parts[1]
    return None


def script_problem(text: str, name: str) -> str | None:
    """Why ``text`` does not read as written in locale ``name``'s script, or None when it does.

    Words of alphabetic scripts and single CJK characters are counted; at least half must be of
    the locale's script (names kept in Latin letters in a Chinese sentence are fine).

    >>> script_problem("长春净月潭瓦萨国际滑雪节于2018年举行。", "zh_CN") is None
    True
    >>> script_problem("The festival was held in 2018.", "zh_CN")
    'the translation is not written in Han script (zh_CN)'
    >>> script_problem("El festival Vasaloppet se celebró.", "es") is None, script_problem("2018", "es")
    (True, None)
    """
    script = writing_script(name)
    prefixes = _SCRIPT_LETTERS.get(script or "")
    if not prefixes:
        return None
    import unicodedata

    units = ours = 0
    previous = ""
    for char in _PLACEHOLDER_MARK.sub(" ", text):
        if not char.isalpha():
            previous = ""
            continue
        kind = unicodedata.name(char, "").split(" ")[0]
        if kind in _CHARACTER_SCRIPTS or kind != previous:
            units += 1
            ours += kind in prefixes
        previous = kind
    if units and ours * 2 < units:
        label = {"Hans": "Han", "Hant": "Han", "Jpan": "Japanese", "Kore": "Korean"}.get(script or "", "")
        described = label or {p: p.title() for p in prefixes}[prefixes[0]]
        return f"the translation is not written in {described} script ({name})"
    return None


#: How output folders are named from locales (``[compile] locale_style``).
FOLDER_STYLES = ("gettext", "bcp47", "bcp47-lower")
#: A folder name transpub writes into: one path component of ASCII letters and digits, joined by
#: single ``-``, ``_`` or ``@`` (no dot, so never ``..``, never a file name such as ``index.html``).
FOLDER_NAME = re.compile(r"[A-Za-z0-9]+(?:[-_@][A-Za-z0-9]+)*")


def folder_name(name: str, style: str = "gettext") -> str:
    """The output folder of a gettext locale in a naming ``style`` (see :data:`FOLDER_STYLES`).

    ``gettext`` keeps the name; ``bcp47`` writes it as a language tag (a script modifier becomes
    the script subtag, another modifier a variant); ``bcp47-lower`` is that in lower case (Hugo's
    language keys, ``zh-cn``).

    >>> [folder_name("zh_CN", s) for s in FOLDER_STYLES]
    ['zh_CN', 'zh-CN', 'zh-cn']
    >>> folder_name("sr_RS@latin", "bcp47"), folder_name("ca@valencia", "bcp47-lower"), folder_name("de", "bcp47")
    ('sr-Latn-RS', 'ca-valencia', 'de')
    """
    if style == "gettext":
        return name
    if style not in FOLDER_STYLES:
        raise ValueError(f"unknown folder style {style!r} (known: {' '.join(FOLDER_STYLES)})")
    base, _, modifier = name.partition("@")
    parts = base.split("_")
    if modifier in _MODIFIER_SCRIPTS:
        parts.insert(1, _MODIFIER_SCRIPTS[modifier])
    elif modifier:
        parts.append(modifier)
    tag = "-".join(parts)
    return tag.lower() if style == "bcp47-lower" else tag


def is_folder_name(name: str) -> bool:
    """True when ``name`` is safe as one output folder (see :data:`FOLDER_NAME`).

    >>> [is_folder_name(n) for n in ("zh-cn", "pt_BR", "sr@latin", "..", "a/b", "_review", "x.md", "")]
    [True, True, True, False, False, False, False, False]
    """
    return FOLDER_NAME.fullmatch(name) is not None
