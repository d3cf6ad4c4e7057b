"""The glossary: a set of terms that finds itself in text, writes translator notes and checks translations."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cached_property
from typing import cast

from transpub.glossary.matcher import PhraseHit, PhraseMatcher, strip_inline
from transpub.glossary.store import TermStore
from transpub.glossary.terms import (
    ALL_LOCALES,
    GlossaryViolation,
    Term,
    TermMatch,
    language_of,
    normalize_locale,
    note_for,
    pick_locale,
)
from transpub.model import EMAIL_ADDRESS, GLOSSARY_NOTE

_ADJACENT = re.compile(r"[\s\-\u2010\u2011]*(?:['\u2019]s?[\s\-]*)?|\s*(?:</?\d+/?>\s*)+")
#: An address written as text: a URL with its scheme, one starting ``www.``, an e-mail address.
_ADDRESS = re.compile(
    r"\b[A-Za-z][A-Za-z0-9+.-]*://[^\s<>\"'`\x00]+|\b(?i:www)\.[^\s<>\"'`\x00]+|" + EMAIL_ADDRESS
)


def outside_addresses(text: str, hits: list[PhraseHit]) -> list[PhraseHit]:
    """``hits`` of ``text`` but those in an address: a name there is part of the address, which a
    translation keeps as written (``sudan-sanctions.html`` is no mention of Sudan).

    >>> m = PhraseMatcher([("Sudan", 0, False)])
    >>> text = "See www.x.example/sudan-news.html or write to sudan@x.example about Sudan."
    >>> [text[h.start : h.end] for h in outside_addresses(text, m.find(text))]
    ['Sudan']
    """
    if not hits or ("://" not in text and "www." not in text.lower() and "@" not in text):
        return hits
    spans = [match.span() for match in _ADDRESS.finditer(text)]
    return [hit for hit in hits if not any(start < hit.end and hit.start < end for start, end in spans)]


class Glossary:
    """An ordered set of :class:`Term` s in one source language.

    Matchers are compiled lazily, once per language, and reused: :meth:`find` and
    :meth:`check` cost one regex scan per call however many terms there are.

    >>> g = Glossary([Term("Jingyue", {"zh_CN": "净月"}), Term("Jingyue Lake", {"zh_CN": "净月潭"})])
    >>> [(m.start, m.end, m.term.source) for m in g.find("Jingyue Lake, Jingyuetan, jingyue", "en")]
    [(0, 12, 'Jingyue Lake'), (26, 33, 'Jingyue')]
    """

    def __init__(
        self, terms: Iterable[Term] = (), source_lang: str = "en", locales: Iterable[str] = ()
    ) -> None:
        self.terms: TermStore = terms if isinstance(terms, TermStore) else TermStore(terms)
        self.source_lang = normalize_locale(source_lang)
        self._declared_locales = tuple(normalize_locale(loc) for loc in locales)
        self._matchers: dict[str, PhraseMatcher] = {}
        self._accepted: dict[tuple[int, str], PhraseMatcher] = {}

    def __len__(self) -> int:
        return len(self.terms)

    def __iter__(self):
        return iter(self.terms)

    def __eq__(self, other: object) -> bool:
        return (
            isinstance(other, Glossary)
            and self.terms == other.terms
            and language_of(self.source_lang) == language_of(other.source_lang)
        )

    def __repr__(self) -> str:
        return f"Glossary({len(self.terms)} terms, source_lang={self.source_lang!r})"

    @cached_property
    def locales(self) -> tuple[str, ...]:
        """Target locales in a stable order: those declared first, then in order of first use."""
        names = [*self._declared_locales, *self.terms.locales]
        return tuple(dict.fromkeys(n for n in names if n != self.source_lang))

    def term(self, source: str) -> Term | None:
        """The term whose source form is ``source`` (case-insensitively), if any."""
        folded = source.casefold()
        return next((t for t in self.terms if t.source.casefold() == folded), None)

    # -- finding ---------------------------------------------------------------

    def _is_source(self, lang: str) -> bool:
        """True for the source language, and for any language the glossary has no column for
        (a CSV glossary does not say its source language, so a German-source project still
        finds its source terms with ``find(text, "de")``)."""
        if language_of(lang) == language_of(self.source_lang):
            return True
        return pick_locale(dict.fromkeys(self.locales), lang) is None

    def _matcher(self, lang: str) -> PhraseMatcher:
        key = normalize_locale(lang)
        matcher = self._matchers.get(key)
        if matcher is None:
            is_source = self._is_source(key)
            phrases = (
                (form, index, term.case_sensitive)
                for index, term in enumerate(self.terms)
                for form in ((term.source, *term.variants_for(key)) if is_source else term.accepted(key))
            )
            matcher = self._matchers[key] = PhraseMatcher(phrases, locale=key)
        return matcher

    def find(self, text: str, lang: str) -> list[TermMatch]:
        """Occurrences of terms in ``text`` written in ``lang``: non-overlapping, in order, longest first.

        In the source language the source forms (and source-language variants) are sought;
        in another language, each term's accepted renderings there.
        """
        return [
            TermMatch(hit.start, hit.end, self.terms[cast(int, hit.payloads[0])])
            for hit in outside_addresses(text, self._matcher(lang).find(text))
        ]

    def terms_in(self, text: str, lang: str) -> list[Term]:
        """The distinct terms found in ``text``, in order of first occurrence."""
        return list(dict.fromkeys(m.term for m in self.find(text, lang)))

    def terms_in_each(self, texts: Sequence[str], lang: str) -> list[list[Term]]:
        """:meth:`terms_in` of each of ``texts``, found in one scan of them all."""
        terms = self.terms
        return [
            list(dict.fromkeys(terms[cast(int, hit.payloads[0])] for hit in outside_addresses(text, hits)))
            if hits
            else []
            for text, hits in zip(texts, self._matcher(lang).find_each(texts), strict=True)
        ]

    # -- translator notes ------------------------------------------------------

    def notes_for(self, text: str, locale: str | None) -> list[str]:
        """``#.`` lines for translators, one per distinct term in ``text`` (source language).

        >>> g = Glossary([Term("Vasaloppet", {"zh_CN": "瓦萨"}, do_not_translate=frozenset({"sv"}))])
        >>> g.notes_for("The Vasaloppet festival", "zh_CN")
        ['Glossary: "Vasaloppet" = "瓦萨"']
        >>> g.notes_for("The Vasaloppet festival", "sv")
        ['Glossary: "Vasaloppet" = keep as "Vasaloppet" (do not translate)']
        >>> g.notes_for("The Vasaloppet festival", None)
        ['Glossary: "Vasaloppet"']
        """
        notes = []
        for term in self.terms_in(text, self.source_lang):
            notes.append(describe_term(term, locale))
        return notes

    # -- checking --------------------------------------------------------------

    def _accepted_matcher(self, index: int, locale: str) -> PhraseMatcher:
        key = (index, locale)
        matcher = self._accepted.get(key)
        if matcher is None:
            term = self.terms[index]
            phrases = [(form, index, term.case_sensitive) for form in term.accepted(locale)]
            matcher = self._accepted[key] = PhraseMatcher(phrases, locale=locale)
        return matcher

    def _forbidden_matcher(self, locale: str) -> PhraseMatcher:
        key = f"!{locale}"
        matcher = self._matchers.get(key)
        if matcher is None:
            phrases: list[tuple[str, tuple[str, int], bool]] = []
            for index, term in enumerate(self.terms):
                # accepted renderings are registered too, so that a forbidden string inside a
                # longer accepted one (longest match wins) is not reported
                phrases.extend((form, ("ok", index), term.case_sensitive) for form in term.accepted(locale))
                phrases.extend(
                    (form, ("forbidden", index), term.case_sensitive) for form in term.forbidden_in(locale)
                )
            matcher = self._matchers[key] = PhraseMatcher(phrases, locale=locale)
        return matcher

    def _rendering_matcher(self, locale: str) -> PhraseMatcher:
        """Every term's accepted renderings in ``locale`` (payload: the term's index)."""
        key = f"={locale}"
        matcher = self._matchers.get(key)
        if matcher is None:
            phrases = [
                (form, index, term.case_sensitive)
                for index, term in enumerate(self.terms)
                for form in term.accepted(locale)
            ]
            matcher = self._matchers[key] = PhraseMatcher(phrases, locale=locale)
        return matcher

    def _unrendered(
        self, source: str, translation: str, source_lang: str, locale: str
    ) -> list[tuple[int, int, int]]:
        """(term index, occurrences in the source, renderings found) for each term of ``source``
        that has fewer renderings in ``translation`` than occurrences in the source.

        Renderings are counted as found in the translation, longest first and without overlaps:
        "高新技术" inside "净月高新技术产业开发区" belongs to the zone, not to "hi-tech". It counts
        for "hi-tech" only when the longer rendering is one the source does not call for, or when
        the two terms stand side by side in the source ("Changchun Jingyue Hi-tech … Zone" may
        well become "长春净月高新技术产业开发区").
        """
        occurrences = [
            (hit.start, hit.end, cast(int, hit.payloads[0]))
            for hit in outside_addresses(source, self._matcher(source_lang).find(source))
        ]
        occurrences = [o for o in occurrences if self.terms[o[2]].required(locale) is not None]
        if not occurrences:
            return []
        need: dict[int, int] = {}
        for _, _, index in occurrences:
            need[index] = need.get(index, 0) + 1
        remaining = dict(need)
        surplus: list[tuple[int, int]] = []
        served: dict[int, list[tuple[int, int]]] = {}
        for hit in outside_addresses(translation, self._rendering_matcher(locale).find(translation)):
            indexes = cast(tuple[int, ...], hit.payloads)
            taker = next((i for i in indexes if remaining.get(i, 0) > 0), None)
            if taker is None:
                surplus.append((hit.start, hit.end))
            else:
                remaining[taker] -= 1
                served.setdefault(taker, []).append((hit.start, hit.end))
        short = [i for i in need if remaining[i] > 0]
        if not short:
            return []
        neighbours = _neighbours(source, occurrences)
        for index in short:
            inner = self._accepted_matcher(index, locale)
            spans = surplus + [span for other in neighbours.get(index, ()) for span in served.get(other, ())]
            for start, end in spans:
                remaining[index] -= len(inner.find(translation[start:end]))
                if remaining[index] <= 0:
                    break
        return [(i, need[i], need[i] - max(remaining[i], 0)) for i in short if remaining[i] > 0]

    def check(self, source: str, translation: str, source_lang: str, locale: str) -> list[GlossaryViolation]:
        """Violations of the glossary by ``translation`` (of ``source``) in ``locale``.

        * ``missing``: a term occurs in ``source`` more often than its accepted renderings in
          ``translation`` (each occurrence needs its own rendering, not one inside a longer
          term's rendering; see :meth:`_unrendered`); terms with no known rendering in
          ``locale`` are skipped;
        * ``forbidden``: a forbidden rendering occurs in ``translation`` (whatever the source says).

        An empty translation has no violations (it is untranslated, which other checks report).

        >>> g = Glossary([Term("Jingyue", {"zh_CN": "净月"}, forbidden={"zh_CN": ("静月",)})])
        >>> [(v.kind, v.expected, v.found) for v in g.check("Jingyue Lake", "静月潭", "en", "zh_CN")]
        [('missing', '净月', None), ('forbidden', '净月', '静月')]
        >>> g = Glossary([Term("hi-tech", {"zh_CN": "高新技术"}), Term("Hi-tech Zone", {"zh_CN": "高新技术区"})])
        >>> [v.message for v in g.check("Hi-tech Zone for hi-tech.", "高新技术区。", "en", "zh_CN")]
        ['"hi-tech" must be rendered as "高新技术" in zh_CN']
        >>> [v.message for v in g.check("hi-tech and hi-tech", "高新技术", "en", "zh_CN")]
        ['"hi-tech" occurs 2 times but "高新技术" only once in zh_CN']
        """
        if not translation.strip():
            return []
        locale = normalize_locale(locale)
        violations: list[GlossaryViolation] = []
        for index, wanted, found in self._unrendered(source, translation, source_lang, locale):
            term = self.terms[index]
            expected = term.required(locale)
            assert expected is not None
            message = (
                _missing_message(term, locale, expected)
                if not found
                else _short_message(term, locale, expected, wanted, found)
            )
            violations.append(GlossaryViolation(term, "missing", expected, None, message))
        forbidden = self._forbidden_matcher(locale)
        if forbidden:
            for hit in outside_addresses(translation, forbidden.find(translation)):
                marks = cast(tuple[tuple[str, int], ...], hit.payloads)
                kinds = {payload[0] for payload in marks}
                if "ok" in kinds:
                    continue
                term = self.terms[marks[0][1]]
                found_plain, _spans = strip_inline(translation[hit.start : hit.end])
                expected = term.required(locale) or term.source
                violations.append(
                    GlossaryViolation(
                        term,
                        "forbidden",
                        expected,
                        found_plain,
                        f'forbidden rendering "{found_plain}" of "{term.source}"; use "{expected}"',
                        hit.start,
                        hit.end,
                    )
                )
        return violations


#: The longest glossary note a catalog writes on each entry naming its term; a longer one is on the
#: first such entry, the others say where it is (:data:`NOTE_ABOVE`).
REPEATED_NOTE = 60
#: What an entry says of a long note on an earlier entry naming the same term.
NOTE_ABOVE = "see the first entry with this term"


def describe_term(term: Term, locale: str | None, *, first: bool = True) -> str:
    """The translator note for one term in ``locale`` (``None``: the POT, source only): its required
    rendering, then what ``check`` also accepts or refuses there, then the glossary's note (what it
    says for other locales left out: :func:`~transpub.glossary.terms.note_for`). ``first``: whether
    it is for the catalog's first entry naming the term; the others point to that entry's note when
    it is longer than :data:`REPEATED_NOTE` characters.

    >>> describe_term(Term("RMB", {"zh_CN": "人民币"}), "zh_CN")
    'Glossary: "RMB" = "人民币"'
    >>> describe_term(Term("RMB", {"zh_CN": "人民币"}), "fr")
    'Glossary: "RMB"'
    >>> describe_term(Term("Changchun", {"de": "Changchun"}, {"de": "Changchuns"}, note="City"), "de")
    'Glossary: "Changchun" = "Changchun"; also "Changchuns"; note: City'
    >>> describe_term(Term("Vasaloppet", {"zh_CN": "瓦萨"}, forbidden={"zh_CN": "瓦萨洛佩特"}), "zh_CN")
    'Glossary: "Vasaloppet" = "瓦萨"; never "瓦萨洛佩特"'
    >>> describe_term(Term("RMB", {"zh_CN": "人民币"}, note="Currency. zh: 人民币 or 元. ru: юаней."), "zh_CN")
    'Glossary: "RMB" = "人民币"; note: Currency. zh: 人民币 or 元.'
    >>> describe_term(Term("RMB", {"de": "RMB"}, note="Currency code before amounts: RMB31.36 billion, RMB6 billion."), "de", first=False)
    'Glossary: "RMB" = "RMB"; note: see the first entry with this term'
    """
    described = f'{GLOSSARY_NOTE}"{term.source}"'
    if locale is None:
        return described
    required = term.required(locale)
    if term.keeps_source(locale):
        described += f' = keep as "{term.source}" (do not translate)'
    elif required is not None:
        described += f' = "{required}"'
    parts = [described]
    if required is not None and (variants := term.accepted(locale)[1:]):
        parts.append("also " + _quoted(variants))
    if forbidden := term.forbidden_in(locale):
        parts.append("never " + _quoted(dict.fromkeys(forbidden)))
    if note := note_for(term.note, locale):
        parts.append(f"note: {note if first or len(note) <= REPEATED_NOTE else NOTE_ABOVE}")
    return "; ".join(parts)


def _neighbours(source: str, occurrences: list[tuple[int, int, int]]) -> dict[int, set[int]]:
    """Term index -> indices of the terms standing right beside one of its occurrences in ``source``
    (nothing but spaces, hyphens or a possessive between them)."""
    found: dict[int, set[int]] = {}
    ordered = sorted(occurrences)
    for (_, end, left), (start, _, right) in zip(ordered, ordered[1:]):
        gap = source[end:start]
        if _ADJACENT.fullmatch(gap):
            found.setdefault(left, set()).add(right)
            found.setdefault(right, set()).add(left)
    return found


def _quoted(forms: Iterable[str]) -> str:
    """``"a", "b"``: renderings as a message names them."""
    return ", ".join(f'"{form}"' for form in forms)


def _short_message(term: Term, locale: str, expected: str, wanted: int, found: int) -> str:
    others = term.accepted(locale)[1:]
    also = f" (or {_quoted(others)})" if others else ""
    times = "once" if found == 1 else f"{found} times"
    return f'"{term.source}" occurs {wanted} times but "{expected}"{also} only {times} in {locale}'


def _missing_message(term: Term, locale: str, expected: str) -> str:
    others = term.accepted(locale)[1:]
    also = f" (or {_quoted(others)})" if others else ""
    if term.keeps_source(locale):
        return f'"{term.source}" must be kept as "{expected}"{also} in {locale}'
    return f'"{term.source}" must be rendered as "{expected}"{also} in {locale}'


__all__ = ["ALL_LOCALES", "Glossary", "describe_term"]
