"""The glossary's value types: a term, where it occurs, what is wrong with a translation."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

from transpub import locales
from transpub.errors import ConfigError
from transpub.locales import language_of

ALL_LOCALES = "*"
_LOCALE_RE = re.compile(r"^(\*|[A-Za-z]{2,3}([_-][A-Za-z0-9]{2,8})*(@[A-Za-z0-9]+)?)$")
#: What no glossary text may hold, in any format: control characters (but tab, newline and carriage
#: return) and non-characters. TBX export cannot write them, and a spreadsheet hides them.
CONTROL_CHARACTER = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


@lru_cache(maxsize=4096)
def normalize_locale(name: str) -> str:
    """A gettext locale name from a gettext or BCP 47 one (``zh-cn`` -> ``zh_CN``); ``*`` stays.

    >>> normalize_locale("zh-cn"), normalize_locale("sr@latin"), normalize_locale("zh-Hans-CN"), normalize_locale("*")
    ('zh_CN', 'sr@latin', 'zh_Hans_CN', '*')
    """
    name = name.strip()
    return name if name == ALL_LOCALES else locales.normalize_locale(name)


def is_locale_name(name: str) -> bool:
    """True for something shaped like a locale name (``de``, ``zh_CN``, ``pt-BR``, ``*``).

    >>> is_locale_name("zh_CN"), is_locale_name("notes column")
    (True, False)
    """
    return bool(_LOCALE_RE.match(name.strip()))


#: What an error says of a name shaped like a locale that Babel does not know (``esp``, ``xx``).
UNKNOWN_LOCALE = "is no locale Babel knows (gettext names: es, de, zh_CN)"


def is_known_locale(name: str) -> bool:
    """Whether a name shaped like a locale names one Babel knows (``es``, ``pt-BR``), not a typo
    such as ``sp`` or ``esp``, whose terms would never apply to any locale.

    >>> is_known_locale("pt-BR"), is_known_locale("zh_CN"), is_known_locale("esp"), is_known_locale("sp")
    (True, True, False, False)
    """
    try:
        locales.validate_locale(normalize_locale(name))
    except ConfigError:
        return False
    return True


def pick_locale(mapping: Mapping[str, object], locale: str) -> str | None:
    """The key of ``mapping`` that serves ``locale``: exact, then the bare language, then any
    locale of the same language (``de`` is served by ``de_DE`` and ``de_DE`` by ``de``).

    >>> pick_locale({"de_DE": 1, "zh_CN": 2}, "de"), pick_locale({"zh": 1}, "zh_CN"), pick_locale({}, "fr")
    ('de_DE', 'zh', None)
    """
    locale = normalize_locale(locale)
    if locale in mapping:
        return locale
    lang = language_of(locale)
    if lang in mapping:
        return lang
    for key in mapping:
        if key != ALL_LOCALES and language_of(key) == lang:
            return key
    return None


#: A locale name as a note's clause begins with it, before ``/`` or ``:`` (``ru``, ``zh_CN``, ``pt-BR``).
_TAG_LOCALE = r"[a-z]{2,3}(?:[_-][A-Za-z0-9]{2,8})*(?:@[A-Za-z0-9]+)?"
#: A clause of a note for some locales only: their names joined by ``/``, a colon, a space (``ru: …``,
#: ``es/de/fr/sv: …``).
_LOCALE_TAG = re.compile(rf"({_TAG_LOCALE}(?:/{_TAG_LOCALE})*):\s")
#: Where a sentence of a note ends (``Ltd.)`` or ``31.36`` go on).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@lru_cache(maxsize=1024)  # (the same notes for every unit naming a term, in extract and translate)
def note_for(note: str, locale: str) -> str:
    """``note`` as ``locale``'s translators read it: its white space runs one space, without the
    sentences, or parts of one after ``; ``, that begin with other locales' names and a colon.

    >>> note = "Currency code. es/de: keep RMB. ru: amounts read 31,36 млрд юаней; ar: يوان. Case-sensitive."
    >>> note_for(note, "de")
    'Currency code. es/de: keep RMB. Case-sensitive.'
    >>> note_for(note, "ar")
    'Currency code. ar: يوان. Case-sensitive.'
    """
    kept = []
    for sentence in _SENTENCE_END.split(" ".join(note.split())):
        clauses = sentence.split("; ")
        own = [clause for clause in clauses if _concerns(clause, locale)]
        if own:
            text = "; ".join(own)
            if own[-1] is not clauses[-1] and sentence[-1] in ".!?" and text[-1] not in ".!?":
                text += sentence[-1]  # (the sentence's end was the last clause's, left out)
            kept.append(text)
    return " ".join(kept)


def _concerns(clause: str, locale: str) -> bool:
    """Whether a note's ``clause`` is for ``locale``: it names no locale it is for (``Pinyin in
    es/de``, ``Case-sensitive: …``), or it names ``locale``, its language or a locale of it
    (``zh: …`` for zh_CN, ``de_AT: …`` for de, not ``zh_TW: …`` for zh_CN).

    >>> _concerns("zh: 人民币", "zh_CN"), _concerns("zh_TW: 人民幣", "zh_CN"), _concerns("ru/ar: transliterate", "de")
    (True, False, False)
    """
    tag = _LOCALE_TAG.match(clause)
    if tag is None:
        return True
    names = tag.group(1).split("/")
    if not all(is_known_locale(name) for name in names):
        return True  # (words before a colon, not locales)
    locale = normalize_locale(locale)
    lang = language_of(locale)
    for name in map(normalize_locale, names):
        if name == locale or (language_of(name) == lang and lang in (name, locale)):
            return True
    return False


#: The empty mapping every term without variants or forbidden forms shares (a large glossary
#: would otherwise hold two empty dicts per term). Never changed: terms are frozen. (A plain dict,
#: not a MappingProxyType, so that terms pickle for worker processes.)
_NONE: Mapping = {}
_NO_LOCALES: frozenset[str] = frozenset()

#: A term as :class:`~transpub.glossary.store.TermStore` packs it: source, translations,
#: variants, forbidden (each None when empty), do-not-translate locales (None when none),
#: case sensitivity, note.
Fields = tuple[
    str,
    dict[str, str] | None,
    dict[str, tuple[str, ...]] | None,
    dict[str, tuple[str, ...]] | None,
    tuple[str, ...] | None,
    bool,
    str,
]


@dataclass(frozen=True, slots=True)
class Term:
    """One glossary entry: a source phrase and how each locale must (and must not) render it.

    >>> t = Term("Vasaloppet", {"zh_CN": "瓦萨"}, {"de": ("Vasaloppets",)}, {}, frozenset({"de", "sv"}))
    >>> t.required("zh_CN"), t.required("de"), t.accepted("de"), t.required("fr")
    ('瓦萨', 'Vasaloppet', ('Vasaloppet', 'Vasaloppets'), None)
    """

    source: str
    translations: Mapping[str, str] = field(default_factory=dict)
    variants: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    forbidden: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    do_not_translate: frozenset[str] = frozenset()
    case_sensitive: bool = False
    note: str = ""

    def __post_init__(self) -> None:
        # accept lists, plain strings and BCP 47 keys; store tuples under gettext locale names
        def tuples(mapping: Mapping[str, object]) -> dict[str, tuple[str, ...]]:
            return {
                normalize_locale(k): (v,) if isinstance(v, str) else tuple(v)  # type: ignore[arg-type]
                for k, v in mapping.items()
            }

        dnt = {self.do_not_translate} if isinstance(self.do_not_translate, str) else self.do_not_translate
        keep = frozenset(normalize_locale(k) for k in dnt)
        everywhere = ALL_LOCALES in keep
        # where the source form is kept, a translation means nothing and the source is no variant
        translations = {normalize_locale(k): v for k, v in self.translations.items()}
        variants = tuples(self.variants)
        for locale in list(translations):
            if everywhere or locale in keep:
                kept = translations.pop(locale)
                if kept != self.source:
                    variants[locale] = (kept, *variants.get(locale, ()))
        for locale, forms in list(variants.items()):
            if everywhere or locale in keep:
                variants[locale] = tuple(dict.fromkeys(f for f in forms if f != self.source))
                if not variants[locale]:
                    del variants[locale]
        object.__setattr__(self, "translations", translations or _NONE)
        object.__setattr__(self, "variants", variants or _NONE)
        object.__setattr__(self, "forbidden", tuples(self.forbidden) or _NONE)
        object.__setattr__(self, "do_not_translate", keep or _NO_LOCALES)

    def fields(self) -> Fields:
        """The term as plain values (what :meth:`from_fields` makes it again)."""
        return (
            self.source,
            dict(self.translations) or None,
            dict(self.variants) or None,
            dict(self.forbidden) or None,
            tuple(sorted(self.do_not_translate)) or None,
            self.case_sensitive,
            self.note,
        )

    @classmethod
    def from_fields(cls, fields: Fields) -> Term:
        """The term of :meth:`fields` (already normalized: ``__post_init__`` is not run again)."""
        source, translations, variants, forbidden, dnt, case_sensitive, note = fields
        term = object.__new__(cls)
        setter = object.__setattr__
        setter(term, "source", source)
        setter(term, "translations", translations or _NONE)
        setter(term, "variants", variants or _NONE)
        setter(term, "forbidden", forbidden or _NONE)
        setter(term, "do_not_translate", frozenset(dnt) if dnt else _NO_LOCALES)
        setter(term, "case_sensitive", case_sensitive)
        setter(term, "note", note)
        return term

    def __hash__(self) -> int:
        return hash((self.source, self.case_sensitive, self.do_not_translate))

    def __repr__(self) -> str:
        return f"Term({self.source!r})"

    def keeps_source(self, locale: str) -> bool:
        """True when ``locale`` keeps the source form (do-not-translate)."""
        if ALL_LOCALES in self.do_not_translate:
            return True
        return pick_locale(dict.fromkeys(self.do_not_translate), locale) is not None

    def required(self, locale: str) -> str | None:
        """The rendering ``locale`` must use (the source form when do-not-translate), None if unknown."""
        if self.keeps_source(locale):
            return self.source
        key = pick_locale(self.translations, locale)
        return self.translations[key] if key is not None else None

    def variants_for(self, locale: str) -> tuple[str, ...]:
        """Accepted variants and inflected forms in ``locale`` (without the required one)."""
        if not self.variants:
            return ()
        key = pick_locale(self.variants, locale)
        return tuple(self.variants[key]) if key is not None else ()

    def accepted(self, locale: str) -> tuple[str, ...]:
        """Every rendering accepted in ``locale``: the required one first, then its variants."""
        required = self.required(locale)
        forms = ([required] if required else []) + list(self.variants_for(locale))
        return tuple(dict.fromkeys(forms))

    def forbidden_in(self, locale: str) -> tuple[str, ...]:
        """Renderings that must never appear in ``locale`` (its own list plus the ``*`` list)."""
        key = pick_locale({k: v for k, v in self.forbidden.items() if k != ALL_LOCALES}, locale)
        own = tuple(self.forbidden[key]) if key is not None else ()
        return own + tuple(self.forbidden.get(ALL_LOCALES, ()))

    def forbidden_in_note(self) -> Term:
        """The term without forbidden renderings, its note naming them one line a language instead.

        For tools that offer every rendering of a TBX entry alike (OmegaT 3.6's Glossary pane).

        >>> t = Term("Jingyue", {"zh_CN": "净月"}, forbidden={"zh_CN": ("静月",), "*": ("Jingyu",)}, note="Place")
        >>> t.forbidden_in_note().note.splitlines(), dict(t.forbidden_in_note().forbidden)
        (['Place', 'Forbidden in zh-CN: 静月', 'Forbidden in every language: Jingyu'], {})
        """
        if not self.forbidden:
            return self
        lines = [
            f"Forbidden in {'every language' if locale == ALL_LOCALES else locale.replace('_', '-')}: "
            + ", ".join(forms)
            for locale, forms in self.forbidden.items()
        ]
        note = "\n".join([self.note, *lines] if self.note else lines)
        return replace(self, forbidden={}, note=note)

    def locales(self) -> tuple[str, ...]:
        """Every locale this term says anything about, in first-mention order (``*`` excluded)."""
        names = [*self.translations, *self.variants, *self.forbidden, *sorted(self.do_not_translate)]
        return tuple(dict.fromkeys(n for n in names if n != ALL_LOCALES))


@dataclass(frozen=True)
class TermMatch:
    """An occurrence of ``term`` at ``text[start:end]`` (offsets into the original text)."""

    start: int
    end: int
    term: Term


@dataclass(frozen=True)
class GlossaryViolation:
    """A translation that lacks a required term (``missing``) or contains a ``forbidden`` one."""

    term: Term
    kind: str
    expected: str
    found: str | None
    message: str
    start: int | None = None
    end: int | None = None

    def __repr__(self) -> str:
        return f"GlossaryViolation({self.kind}: {self.message})"
