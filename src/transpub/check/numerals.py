"""Numbers the numbers check lets a translation write without Western digits.

An English ordinal (``20th century``, ``3rd``, a quarter's ``Q3``) is a number the translation must
carry, but other languages write some ordinals otherwise: Spanish and French centuries as Roman
numerals (``siglo XX``, ``XXe siècle``), Chinese and Japanese with 第 and their numerals (``第三``,
``第十六``). Chinese and Japanese also write small numbers in their numerals (``2 weeks``: ``两周``).
"""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from transpub.locales import language_of

#: An English ordinal written with digits (``20th``, ``1st``), or a quarter or half of a year (``Q3``,
#: ``H1``): the digits in group 1 or 2.
_ENGLISH_ORDINAL = re.compile(
    r"(?<![\w.,])(\d+)(?:st|nd|rd|th)(?![^\W\d_])|(?<![\w.,])[QH]([1-4])(?![\w.,])", re.IGNORECASE
)
#: A Roman numeral in capitals, alone or with a French ordinal ending (``XX``, ``XIXe``, ``Ier``).
_ROMAN = re.compile(
    r"(?<![\w])(?=[MDCLXVI])(M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3}))"
    r"(?:e|er|re|ème|ᵉ|ᵉʳ)?(?![\w])"
)
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
#: 第 and a number in Chinese numerals (``第三``, ``第二十二``): the numerals in group 1.
_DI = re.compile(r"第([〇零一二两兩三四五六七八九十百千]+)")
#: A number in Chinese numerals (``两``, ``二十二``), and a scale character after it (``两万``).
_HAN = re.compile(r"([〇零一二两兩三四五六七八九十百千]+)([万萬亿億])?")
_HAN_SCALES = {"万": 4, "萬": 4, "亿": 8, "億": 8}
_HAN_PLACES = {"十": 10, "百": 100, "千": 1000}
_HAN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "兩": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_HAN_DIGITS |= {"七": 7, "八": 8, "九": 9}


def source_ordinals(text: str, locale: str) -> Counter[Decimal]:
    """The values of the ordinals ``text`` writes with digits (English only: ``20th``, ``Q3``).

    >>> sorted(source_ordinals("the 20th century and the 3rd try, 2020, Q4", "en").elements())
    [Decimal('3'), Decimal('4'), Decimal('20')]
    """
    if language_of(locale) != "en":
        return Counter()
    return Counter(Decimal(m.group(1) or m.group(2)) for m in _ENGLISH_ORDINAL.finditer(text))


def written_ordinals(text: str) -> Counter[Decimal]:
    """The values of the ordinals ``text`` writes without digits: Roman numerals (``siglo XX``,
    ``XIXe siècle``) and 第 with Chinese numerals (``第三``).

    >>> sorted(written_ordinals("siglo XX, XIXe siècle, 第三, 第二十二, Louis XIV").elements())
    [Decimal('3'), Decimal('14'), Decimal('19'), Decimal('20'), Decimal('22')]
    """
    found: Counter[Decimal] = Counter()
    for match in _ROMAN.finditer(text):
        found[Decimal(_roman_value(match.group(1)))] += 1
    for match in _DI.finditer(text):
        value = _han_value(match.group(1))
        if value is not None:
            found[Decimal(value)] += 1
    return found


def han_numbers(text: str, locale: str) -> Counter[Decimal]:
    """The values of the numbers a Chinese or Japanese ``text`` writes in its numerals (``两周``: 2,
    ``三万``: 30000), but a lone 一, which is also "a" (``一个``).

    >>> sorted(han_numbers("在两周内，一个人，三万元，第十六", "zh_CN").elements())
    [Decimal('2'), Decimal('16'), Decimal('30000')]
    """
    if language_of(locale) not in ("zh", "ja"):
        return Counter()
    found: Counter[Decimal] = Counter()
    for match in _HAN.finditer(text):
        value = _han_value(match.group(1))
        if value is not None and match.group(1) != "一":
            found[Decimal(value * 10 ** _HAN_SCALES.get(match.group(2) or "", 0))] += 1
    return found


def _roman_value(numeral: str) -> int:
    """The value of a valid Roman numeral (``XIX`` is 19)."""
    total = 0
    for letter, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[letter]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _han_value(numerals: str) -> int | None:
    """The value of Chinese numerals below ten thousand (``二十二`` is 22), or None.

    >>> _han_value("十六"), _han_value("二十"), _han_value("一百零五"), _han_value("三三"), _han_value("两千")
    (16, 20, 105, None, 2000)
    """
    total = 0
    digit: int | None = None
    for numeral in numerals:
        if numeral in ("零", "〇") and digit is None:  # (一百零五: a zero's place)
            continue
        if numeral in _HAN_PLACES:
            total += (1 if digit is None else digit) * _HAN_PLACES[numeral]
            digit = None
        elif digit is None:
            digit = _HAN_DIGITS[numeral]
        else:
            return None
    return total + (digit or 0)
