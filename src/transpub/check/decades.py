"""Decades, which a translation may write in another form than its source.

"The 1990s" is also "the '90s", "the nineties", "90年代", "九十年代", "1990年代", "die 90er",
"los años noventa" or "les années 90": the numbers check reads 1990 on one side, 90 or none on the
other. A decade is known by its tens (90) and, where it is written, its century (19).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from transpub.locales import language_of


@dataclass(frozen=True)
class Decade:
    """A decade a text writes: its tens, its century when written, and the number the numbers
    check reads in it (1990 of ``1990s``, 90 of ``'90s``; None for ``nineties``, ``九十年代``)."""

    tens: int
    century: int | None
    number: Decimal | None

    def same_as(self, other: Decade) -> bool:
        """Whether ``other`` is this decade (the same tens, the same century where both write one)."""
        return self.tens == other.tens and (
            self.century is None or other.century is None or self.century == other.century
        )


#: A decade's digits: the century's two in group 1 (optional), the tens' one in group 2 (``1990``, ``90``).
_DIGITS = r"([0-9]{2})?([1-9]|(?<=[0-9]{2})0)0"
#: A decade in digits, by language (``1990s``, ``'90s``, ``90年代``, ``90er``, ``años 90``, ``années 90``).
_IN_DIGITS = {
    "en": rf"(?<![\w.,])['’‘]?{_DIGITS}['’]?s(?![^\W\d_])",
    "zh": rf"(?<![0-9.,]){_DIGITS}[ \u00a0]?年代",
    "de": rf"(?<![\w.,]){_DIGITS}ern?(?![^\W\d_])",
    "es": rf"(?<![\w])(?:años|década[ \u00a0]+de(?:[ \u00a0]+los)?)[ \u00a0]+['’]?{_DIGITS}(?![0-9])",
    "fr": rf"(?<![\w])années[ \u00a0]+['’]?{_DIGITS}(?![0-9])",
}
_IN_DIGITS["ja"] = _IN_DIGITS["zh"]
_IN_DIGITS["pt"] = _IN_DIGITS["es"].replace("años", "anos")

#: A decade in words, by language: a pattern with the word in group 1, and each word's tens.
_TENS_WORDS = {
    "en": (
        r"(?<![\w-])({})(?![\w])",
        ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"],
    ),
    "de": (
        r"(?<![\w-])({})(?:n|-?Jahre\w*)?(?![\w])",
        [
            "zwanziger",
            "dreißiger",
            "vierziger",
            "fünfziger",
            "sechziger",
            "siebziger",
            "achtziger",
            "neunziger",
        ],
    ),
    "es": (
        r"(?<![\w])años[ \u00a0]+({})(?![\w])",
        ["veinte", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"],
    ),
    "fr": (
        r"(?<![\w])années[ \u00a0]+({})(?![\w-])",
        [
            "vingt",
            "trente",
            "quarante",
            "cinquante",
            "soixante",
            "soixante-dix",
            "quatre-vingt",
            "quatre-vingt-dix",
        ],
    ),
    "zh": (
        r"(?<![〇零一二两三四五六七八九十百千])({})[ \u00a0]?年代",
        ["二十", "三十", "四十", "五十", "六十", "七十", "八十", "九十"],
    ),
}
_TENS_WORDS["ja"] = _TENS_WORDS["zh"]


@lru_cache(maxsize=32)
def _patterns(language: str) -> tuple[re.Pattern[str] | None, re.Pattern[str] | None, dict[str, int]]:
    """The decade patterns of ``language`` (digits, words) and each word's tens (lower case)."""
    digits = _IN_DIGITS.get(language)
    words = _TENS_WORDS.get(language)
    if words is None:
        return (re.compile(digits, re.IGNORECASE) if digits else None), None, {}
    form, names = words
    tens = {name: 20 + 10 * index for index, name in enumerate(names)}
    alternatives = "|".join(re.escape(name) for name in sorted(names, key=len, reverse=True))
    return (
        re.compile(digits, re.IGNORECASE) if digits else None,
        re.compile(form.format(alternatives), re.IGNORECASE),
        tens,
    )


def decades(text: str, locale: str) -> list[Decade]:
    """The decades ``text`` writes, as ``locale``'s language writes them.

    >>> [(d.tens, d.century, d.number) for d in decades("the 1990s, the '80s, the nineties", "en")]
    [(90, 19, Decimal('1990')), (80, None, Decimal('80')), (90, None, None)]
    >>> [(d.tens, d.century, d.number) for d in decades("九十年代、1980年代和2000年代", "zh_CN")]
    [(80, 19, Decimal('1980')), (0, 20, Decimal('2000')), (90, None, None)]
    >>> decades("HTTP 500s, 1990 people, in 90 años", "en") + decades("tiene 90 años", "es")
    []
    """
    digits, words, tens = _patterns(language_of(locale))
    found = []
    if digits is not None:
        for match in digits.finditer(text):
            century, tens_digit = match.group(1), match.group(2)
            written = (century or "") + tens_digit + "0"
            found.append(Decade(int(tens_digit) * 10, int(century) if century else None, Decimal(written)))
    if words is not None:
        found.extend(Decade(tens[m.group(1).lower()], None, None) for m in words.finditer(text))
    return found
