"""Finding glossary terms in source text: longest match, boundaries, scripts, case, placeholders."""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.glossary import Glossary, Term, load_glossary

DATA = Path(__file__).parent / "data" / "glossary"


@pytest.fixture(scope="module")
def mini() -> Glossary:
    return load_glossary(DATA / "mini.csv")


def found(glossary: Glossary, text: str, lang: str = "en") -> list[str]:
    return [text[m.start : m.end] for m in glossary.find(text, lang)]


def test_longest_term_wins_over_the_name_it_contains(mini):
    text = "Jingyue Hi-tech Industry Development Zone signed deals; Jingyue is a district."
    matches = mini.find(text, "en")
    assert [m.term.source for m in matches] == ["Jingyue Hi-tech Industry Development Zone", "Jingyue"]
    assert text[matches[0].start : matches[0].end] == "Jingyue Hi-tech Industry Development Zone"


def test_term_inside_a_longer_term_is_not_reported_separately(mini):
    text = "the Industrial Park for Innovation in Laser Industry of Jilin Province opened"
    assert [m.term.source for m in mini.find(text, "en")] == [
        "Industrial Park for Innovation in Laser Industry of Jilin Province"
    ]


def test_name_is_not_found_inside_a_longer_word(mini):
    assert found(mini, "Jingyuetan park and preJingyue and Jingyue.") == ["Jingyue"]


def test_digits_next_to_a_term_do_not_hide_it(mini):
    assert found(mini, "16 projects with RMB31.36 billion") == ["RMB"]


def test_line_breaks_and_double_spaces_inside_a_term_still_match(mini):
    assert found(mini, "in Jilin\n   Province today") == ["Jilin\n   Province"]


def test_typographic_hyphen_matches_ascii_hyphen(mini):
    assert found(mini, "Jingyue Hi\u2011tech Industry Development Zone") == [
        "Jingyue Hi\u2011tech Industry Development Zone"
    ]


def test_case_insensitive_term_matches_any_case(mini):
    assert found(mini, "JINGYUE and jingyue") == ["JINGYUE", "jingyue"]


def test_case_sensitive_term_matches_only_its_own_case(mini):
    assert found(mini, "RMB, rmb and Rmb") == ["RMB"]


def test_chinese_terms_match_without_word_boundaries():
    glossary = load_glossary(DATA / "mini.csv")
    text = "长春净月高新区位于吉林省长春市"
    assert found(glossary, text, "zh_CN") == ["净月高新区", "吉林省"]


def test_japanese_terms_match_without_word_boundaries(mini):
    assert found(mini, "吉林省の浄月ハイテク産業開発区で", "ja") == ["吉林省", "浄月ハイテク産業開発区"]


def test_latin_term_in_chinese_text_is_found_next_to_han_characters(mini):
    assert found(mini, "在Jingyue举行") == ["Jingyue"]


def test_placeholders_do_not_break_a_term_and_offsets_index_the_original(mini):
    text = "Welcome to <1>Jingyue Hi-tech</1> Industry Development Zone<2/> and <3>Jingyue</3>."
    matches = mini.find(text, "en")
    assert [m.term.source for m in matches] == ["Jingyue Hi-tech Industry Development Zone", "Jingyue"]
    assert text[matches[0].start : matches[0].end] == "Jingyue Hi-tech</1> Industry Development Zone"
    assert text[matches[1].start : matches[1].end] == "Jingyue"


def test_placeholder_glued_to_a_word_does_not_create_a_false_boundary(mini):
    assert found(mini, "<1>Jingyue</1>tan") == []


def test_source_language_variants_are_found_as_the_term():
    glossary = Glossary(
        [
            Term(
                "Jingyue Hi-tech Industry Development Zone",
                {"zh_CN": "净月高新技术产业开发区"},
                variants={"en": ("Jingyue Hi-tech Zone",)},
            )
        ]
    )
    matches = glossary.find("the Jingyue Hi-tech Zone", "en")
    assert [m.term.source for m in matches] == ["Jingyue Hi-tech Industry Development Zone"]


def test_target_renderings_are_found_in_target_language_text(mini):
    assert [m.term.source for m in mini.find("в провинции Цзилинь и Цзинъюэ", "ru")] == [
        "Jilin Province",
        "Jingyue",
    ]


def test_number_at_the_edge_of_a_term_does_not_match_inside_a_longer_number():
    glossary = Glossary([Term("Zone 7", {"de": "Zone 7"})])
    assert found(glossary, "Zone 70, Zone 7.") == ["Zone 7"]


def test_thousands_of_terms_still_give_the_right_term_per_unit():
    terms = [Term(f"Zone Number {i}", {"de": f"Zone Nummer {i}"}) for i in range(2000)]
    glossary = Glossary([*terms, Term("Jingyue", {"de": "Jingyue"})])
    texts = [f"In Zone Number {i} near Jingyue." for i in range(1000)]
    results = [glossary.find(text, "en") for text in texts]
    assert all(len(r) == 2 for r in results)
    assert results[7][0].term.source == "Zone Number 7"


def test_a_language_without_a_glossary_column_is_read_as_the_source_language():
    glossary = Glossary([Term("Vasaloppet", {"zh_CN": "瓦萨"}, do_not_translate=frozenset({"sv"}))])
    assert [m.term.source for m in glossary.find("Der Vasaloppet beginnt", "de")] == ["Vasaloppet"]
    assert [m.term.source for m in glossary.find("瓦萨滑雪节", "zh_CN")] == ["Vasaloppet"]


_PIECES = [
    "Jingyue",
    " Hi-tech",
    " Industry Development Zone",
    " ",
    "tan",
    "<1>",
    "</1>",
    "<2/>",
    "RMB",
    "31",
    "净月",
    "高新区",
    ",",
    "Jilin",
    " Province",
    "x",
]


def _any_text():
    from hypothesis import strategies as st

    return st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def test_matches_are_ordered_disjoint_and_cover_a_term_form():
    from hypothesis import given, settings

    from transpub.glossary.matcher import normalize_form, strip_inline

    glossary = load_glossary(DATA / "mini.csv")
    forms = {normalize_form(t.source, t.case_sensitive) for t in glossary.terms}

    @settings(max_examples=300, deadline=None)
    @given(_any_text())
    def check(text):
        matches = glossary.find(text, "en")
        ends = [0] + [m.end for m in matches]
        for previous_end, match in zip(ends, matches):
            assert previous_end <= match.start < match.end <= len(text)
            plain, _ = strip_inline(text[match.start : match.end])
            assert normalize_form(plain, match.term.case_sensitive) in forms

    check()


def test_a_name_inside_a_web_or_e_mail_address_is_part_of_the_address_not_the_name():
    # a glossary "Sudan" found "sudan" in www.nytimes.com/…/sudan-sanctions.html: MT got "Sudán" there
    glossary = Glossary([Term("Sudan", {"es": "Sudán"})])
    text = (
        "Read www.nytimes.com/africa/sudan-sanctions.html, https://news.example/Sudan?id=1 "
        "or WWW.Sudan.example, write to sudan@example.com or press@sudan.example about Sudan."
    )
    assert found(glossary, text) == ["Sudan"]
    assert glossary.terms_in_each([text, "Nothing.", "At sudan@example.com."], "en") == [
        [glossary.terms[0]],
        [],
        [],
    ]
