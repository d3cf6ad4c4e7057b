"""The numbers check and numbers a translation writes without digits (siglo XX, XXe siècle, 第三, 两周)."""

from __future__ import annotations

import pytest

from transpub.check.numbers import numbers_problem

CENTURY = "Early in the 20th century, New Zealand was involved in world affairs."


@pytest.mark.parametrize(
    ("source", "translation", "locale"),
    [
        (CENTURY, "A principios del siglo XX, Nueva Zelanda participó en los asuntos mundiales.", "es"),
        (CENTURY, "Au début du XXe siècle, la Nouvelle-Zélande prit part aux affaires du monde.", "fr"),
        (CENTURY, "Au début du XXᵉ siècle, la Nouvelle-Zélande prit part aux affaires du monde.", "fr"),
        (CENTURY, "Anfang des 20. Jahrhunderts war Neuseeland an der Weltpolitik beteiligt.", "de"),
        ("during the late 19th century, in 1860", "a finales del siglo XIX, en 1860", "es"),
        ("It is the 3rd most dreaded technology.", "它是第三大最令人畏惧的技术。", "zh_CN"),
        ("Ranked 16th in the 2018 index", "在 2018 年指数中排名第十六", "zh_CN"),
        ("Revenue rose 12% in Q3 2023.", "2023 年第三季度收入增长 12%。", "zh_CN"),
    ],
)
def test_check_accepts_an_ordinal_written_as_a_roman_numeral_or_with_di(
    source: str, translation: str, locale: str
) -> None:
    # Apertium's "siglo XX" for "20th century" said "20 is missing"
    assert numbers_problem(source, translation, "en", locale) is None


@pytest.mark.parametrize(
    ("source", "translation", "locale", "problem"),
    [
        (
            CENTURY,
            "Au début du XIXe siècle, la Nouvelle-Zélande prit part aux affaires du monde.",
            "fr",
            "20 is missing",
        ),
        (
            CENTURY,
            "A principios de siglo, Nueva Zelanda participó en los asuntos mundiales.",
            "es",
            "20 is missing",
        ),
        ("It is the 3rd most dreaded technology.", "它是第四大最令人畏惧的技术。", "zh_CN", "3 is missing"),
        ("Revenue rose 12% in Q3 2023.", "2023 年第四季度收入增长 12%。", "zh_CN", "3 is missing"),
        # a Roman numeral the source writes too is not the ordinal's
        ("World War II ended, the 2nd war.", "La Segunda Guerra Mundial (II) terminó.", "es", "2 is missing"),
        (
            "the 20th century, in 1905",
            "el siglo XX, en 1906",
            "es",
            "1905 is missing; 1906 is not in the source",
        ),
    ],
)
def test_check_still_flags_an_ordinal_dropped_or_changed(
    source: str, translation: str, locale: str, problem: str
) -> None:
    assert numbers_problem(source, translation, "en", locale) == problem


@pytest.mark.parametrize(
    ("source", "translation", "problem"),
    [
        ("Cases rose by 1.5x in 2 weeks.", "病例在两周内增长了 1.5 倍。", None),
        ("It sold 20,000 copies in 3 days.", "三天内售出两万册。", None),
        ("Over 1,000 people attended.", "超过一千人参加。", None),
        ("Cases rose by 1.5x in 2 weeks.", "病例在三周内增长了 1.5 倍。", "2 is missing"),
        ("It sold 20,000 copies in 3 days.", "三天内售出两千册。", "20,000 is missing"),
        # a lone 一 is also "a": it does not stand for a dropped 1
        ("It took 1 person and 2 days.", "一个人花了两天。", "1 is missing"),
        # Chinese numerals the source writes too are not the translation's
        ("In 三国, 3 kingdoms fought.", "三国时期，王国相争。", "3 is missing"),
    ],
)
def test_check_accepts_a_number_written_in_chinese_numerals_and_flags_a_changed_one(
    source: str, translation: str, problem: str | None
) -> None:
    # "in 2 weeks" as "在两周内" said "2 is missing"
    assert numbers_problem(source, translation, "en", "zh_CN") == problem


@pytest.mark.parametrize(
    ("source", "translation", "locale"),
    [
        ("It began in the 1990s.", "它始于九十年代。", "zh_CN"),
        ("It began in the 1990s.", "它始于90年代。", "zh_CN"),
        ("It began in the 1990s.", "它始于1990年代。", "zh_CN"),
        ("It began in the '90s.", "它始于1990年代。", "zh_CN"),
        ("It began in the ’90s.", "它始于九十年代。", "zh_CN"),
        ("It began in the nineties.", "它始于90年代。", "zh_CN"),
        ("It began in the mid-1990s and ended in 2003.", "它始于90年代中期，于2003年结束。", "zh_CN"),
        ("It began in the 1990s.", "Empezó en los años 90.", "es"),
        ("It began in the 1990s.", "Empezó en los años noventa.", "es"),
        ("It began in the 1990s.", "Es begann in den 90er-Jahren.", "de"),
        ("It began in the 1990s.", "Cela a commencé dans les années 90.", "fr"),
    ],
)
def test_check_accepts_a_decade_written_the_language_s_way(
    source: str, translation: str, locale: str
) -> None:
    # "the 1990s" as "90年代" said "1990 is missing; 90 is not in the source"
    assert numbers_problem(source, translation, "en", locale) is None


@pytest.mark.parametrize(
    ("source", "translation", "locale", "problem"),
    [
        ("It began in the 1990s.", "它始于八十年代。", "zh_CN", "1990 is missing"),
        ("It began in the 1990s.", "它始于80年代。", "zh_CN", "1990 is missing; 80 is not in the source"),
        ("It began in the 1990s.", "它始于1890年代。", "zh_CN", "1990 is missing; 1890 is not in the source"),
        ("It began in the nineties.", "它始于80年代。", "zh_CN", "80 is not in the source"),
        (
            "It began in the 1990s.",
            "Empezó en los años 80.",
            "es",
            "1990 is missing; 80 is not in the source",
        ),
        # the decade's number pairs once: a year beside it that changed is still reported
        (
            "It began in the 1990s, in 1990.",
            "它始于九十年代，即1991年。",
            "zh_CN",
            "1990 is in the source twice, in the translation once; 1991 is not in the source",
        ),
        ("It began in 1990.", "它始于90年代。", "zh_CN", "1990 is missing; 90 is not in the source"),
    ],
)
def test_check_still_flags_a_changed_decade(source: str, translation: str, locale: str, problem: str) -> None:
    assert numbers_problem(source, translation, "en", locale) == problem
