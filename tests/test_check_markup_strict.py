"""``check`` sees markup however it is written, and placeholders are written with ASCII digits only."""

from __future__ import annotations

import pytest

from transpub.check.markup import markup_problem
from transpub.inline import placeholder_problem, strip_placeholders, tokenize

SOURCE = "Read <1>the report</1>."


@pytest.mark.parametrize(
    "translation, shown",
    [
        ("Lies <svg/onload=alert(1)> <1>den Bericht</1>.", "<svg/onload=alert(1)>"),
        ("Lies <svg onload=alert(1)> <1>den Bericht</1>.", "<svg onload=alert(1)>"),
        ("Lies <img/src=x/onerror=alert(1)><1>den Bericht</1>.", "<img/src=x/onerror=alert(1)>"),
        ("Lies <b/><1>den Bericht</1>.", "<b/>"),
    ],
)
def test_raw_markup_is_flagged_with_or_without_a_space_before_its_attributes(
    translation: str, shown: str
) -> None:
    problem = markup_problem(SOURCE, translation)
    assert problem is not None and shown in problem


def test_a_slash_in_ordinary_text_is_not_markup() -> None:
    assert markup_problem("a < b / c > d", "a < b / c > d") is None
    assert markup_problem(SOURCE, "Lies <1>den Bericht</1> (1/2).") is None


@pytest.mark.parametrize("digits", ["١", "۱", "१", "１"])  # Arabic-Indic, Persian, Devanagari, full width
def test_a_placeholder_written_with_other_digits_is_not_placeholder_1(digits: str) -> None:
    translation = f"Lies <{digits}>den Bericht</{digits}>."
    assert placeholder_problem(SOURCE, translation) == "placeholder <1>…</1> is missing"
    assert [token.kind for token in tokenize(translation)] == ["text"]
    assert strip_placeholders(translation) == translation
