"""Sentence segmentation: golden cases per language, span properties, the English golden rules."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from transpub.segment import _plain_spans, _rules_for, _spans, segment, split_sentences

DATA = Path(__file__).parent / "data" / "segment"
GOLDEN_RULES = Path(__file__).parent.parent / "bench" / "data" / "golden_rules_en.json"


def read_cases(path: Path) -> list[tuple[str, list[str]]]:
    """Blocks of `path`: the input line, then one line per expected sentence."""
    cases = []
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    for block in "\n".join(lines).split("\n\n"):
        rows = [row for row in block.split("\n") if row]
        if rows:
            cases.append((rows[0], rows[1:]))
    return cases


LANGUAGE_CASES = [
    pytest.param(path.stem, text, expected, id=f"{path.stem}:{text[:40]}")
    for path in sorted(DATA.glob("*.txt"))
    for text, expected in read_cases(path)
]


@pytest.mark.parametrize("lang, text, expected", LANGUAGE_CASES)
def test_sentences_split_like_a_reader_would(lang: str, text: str, expected: list[str]) -> None:
    assert segment(text, lang) == expected


def test_english_golden_rules_score_at_least_97_percent() -> None:
    cases = json.loads(GOLDEN_RULES.read_text(encoding="utf-8"))["cases"]
    right = sum([s.strip() for s in segment(case["text"], "en")] == case["sentences"] for case in cases)
    assert right / len(cases) >= 0.97


@pytest.mark.parametrize(
    "text",
    [
        "See \ufffc. Then click \ufffc.",
        "Click \ufffc\ufffc. Next step.",
        "The icon \ufffc is red. It blinks.",
    ],
)
def test_inline_object_is_part_of_a_word_not_a_boundary(text: str) -> None:
    sentences = segment(text, "en")
    assert len(sentences) == 2
    assert all(not s.startswith("\ufffc") for s in sentences)
    assert "".join(sentences).count("\ufffc") == text.count("\ufffc")


def test_inline_object_between_chinese_sentences_stays_in_a_sentence() -> None:
    assert segment("点击\ufffc。然后保存\ufffc！", "zh_CN") == ["点击\ufffc。", "然后保存\ufffc！"]


def test_newlines_and_no_break_spaces_count_as_spaces() -> None:
    text = "First line ends here.\nSecond one\u00a0follows. Mr.\u00a0Smith\nagrees."
    assert segment(text, "en") == [
        "First line ends here.",
        "Second one\u00a0follows.",
        "Mr.\u00a0Smith\nagrees.",
    ]


def test_french_no_break_space_before_question_mark() -> None:
    assert segment("Vraiment\u202f? Oui\u00a0!", "fr") == ["Vraiment\u202f?", "Oui\u00a0!"]


@pytest.mark.parametrize("text", ["", "   ", "\n\t \u00a0"])
def test_empty_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text, "en") == []


def test_text_without_break_is_one_stripped_span() -> None:
    assert split_sentences("  no full stop here \n", "en") == [(2, 19)]


def test_spans_point_into_the_text() -> None:
    text = "  He left. She stayed!  "
    assert split_sentences(text, "en") == [(2, 10), (11, 22)]


@pytest.mark.parametrize("lang", ["en", "de", "fr", "zh-Hans", "ja_JP", "sr@latin", "xx"])
def test_language_names_in_gettext_or_bcp47_form_are_accepted(lang: str) -> None:
    assert segment("One. Two.", lang) == ["One.", "Two."]


SENTENCE_PIECES = st.sampled_from(
    [
        "Mr.",
        "Smith",
        "went",
        "U.S.",
        "home",
        ".",
        "!",
        "?",
        "...",
        "1.",
        "2)",
        "a.",
        "z. B.",
        "3.14",
        "\ufffc",
        "。",
        "！",
        "」",
        "“",
        "”",
        "«",
        "»",
        "(",
        ")",
        "I",
        "The",
        "it",
        "是",
        "Oui",
        "\u00a0",
        "\n",
        " ",
        "  ",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(SENTENCE_PIECES, max_size=30).map(" ".join), st.sampled_from(["en", "de", "fr", "zh_CN", "ja"])
)
def test_spans_are_ordered_disjoint_stripped_and_cover_all_text(text: str, lang: str) -> None:
    spans = split_sentences(text, lang)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text)
        assert not text[start].isspace() and not text[end - 1].isspace()
        assert text[previous_end:start].strip() == ""
        previous_end = end
    assert text[previous_end:].strip() == ""
    assert segment(text, lang) == [text[a:b] for a, b in spans]


PLAIN_PIECES = st.sampled_from(
    [
        "The",
        "council",
        "Council",
        "met",
        "late.",
        "Late.",
        "today!",
        "Why?",
        "it",
        "I.",
        "OK.",
        "Mr.",
        "Dr.",
        "etc.",
        "Jan.",
        "U.S.",
        "e.g.",
        "3.5",
        "in 2024.",
        "example.org.",
        "a.",
        "1.",
        "1)",
        "2)",
        "b)",
        "(x)",
        '"Yes."',
        "'No.'",
        "x,",
        "...",
        "!!",
        ".",
        "?",
        " ",
        "\n",
        "\u00e9t\u00e9.",
        "Tom\u00e1s",
        "\u00c9ric.",
        "\u00abOui.\u00bb",
        "Fin\u2026",
        "\u4f60\u597d\u3002",
        "x.\u00a0The",
        "Li\u00a0Wei.",
    ]
)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(PLAIN_PIECES, max_size=24).map(" ".join),
    st.sampled_from(["en", "de", "fr", "sv", "xx"]),
)
@example("The council met. It rained! Why? No. The end.", "en")
@example("Mr. Li met Dr. Ruiz. Then etc. Late", "en")
@example("Steps: 1) The first 2) The second", "en")
def test_plain_text_is_cut_where_the_full_rules_cut_it(text: str, lang: str) -> None:
    """Plain text (words, single terminators) is read without the candidate pattern: the same
    sentences as the full rules find."""
    rules = _rules_for(lang)
    start = len(text) - len(text.lstrip())
    stop = len(text.rstrip())
    assert split_sentences(text, lang) == (_spans(text, start, stop, rules) if stop else [])


def test_a_news_paragraph_is_cut_without_the_candidate_pattern() -> None:
    """A paragraph of plain sentences (most of an article) takes the quick way."""
    text = "The village in Eastport announced the late wind for 587 people! Tomás Ruiz reported the festival."
    rules = _rules_for("en")
    assert _plain_spans(text, 0, len(text), rules) == _spans(text, 0, len(text), rules) == [(0, 63), (64, 97)]
