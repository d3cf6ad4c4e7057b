"""`transpub glossary suggest`: candidate terms the glossary does not have yet."""

from __future__ import annotations

from pathlib import Path

from transpub.glossary import Glossary, Term, load_glossary, suggest_terms

DATA = Path(__file__).parent / "data" / "glossary"
ROOT = Path(__file__).parent.parent


def texts_of_seed() -> list[str]:
    return [p for p in (DATA / "seed_article.txt").read_text(encoding="utf-8").split("\n") if p.strip()]


def test_capitalised_name_missing_from_the_glossary_is_proposed():
    glossary = Glossary([Term("Jingyue", {"zh_CN": "净月"})])
    texts = ["Skaters met on Jingyue Lake in January.", "The Jingyue Lake trail is 50 km long."]
    candidates = suggest_terms(texts, glossary, "en")
    assert candidates[0].text == "Jingyue Lake"
    assert candidates[0].count == 2
    assert candidates[0].kind == "name"
    assert "Jingyue Lake" in candidates[0].example


def test_names_already_in_the_glossary_are_not_proposed():
    glossary = Glossary([Term("Jingyue Lake", {"zh_CN": "净月潭"})])
    texts = ["Skaters met on Jingyue Lake.", "Jingyue Lake froze early."]
    assert [c.text for c in suggest_terms(texts, glossary, "en")] == []


def test_sentence_start_words_and_headlines_are_not_names():
    texts = [
        "The Festival Grows Bigger Every Year",
        "In addition, the park opened.",
        "As usual, Vasa Race fans came.",
    ]
    assert [c.text for c in suggest_terms(texts, Glossary(), "en")] == ["Vasa Race"]


def test_names_with_lowercase_connectors_are_proposed_whole():
    texts = ["He visited the Museum of Modern Art in Changchun City yesterday."]
    names = [c.text for c in suggest_terms(texts, Glossary(), "en") if c.kind == "name"]
    assert names == ["Museum of Modern Art in Changchun City"]


def test_frequent_phrases_are_proposed_but_not_across_known_terms():
    glossary = Glossary([Term("Jingyue", {"zh_CN": "净月"})])
    texts = ["the smart logistics park grew", "smart logistics matters", "Jingyue smart logistics"]
    candidates = suggest_terms(texts, glossary, "en")
    assert [(c.text, c.count, c.kind) for c in candidates] == [("smart logistics", 3, "ngram")]


def test_placeholders_do_not_split_a_suggested_name():
    texts = ["On <1>Jingyue</1> Lake.", "By Jingyue Lake."]
    assert suggest_terms(texts, Glossary(), "en")[0].text == "Jingyue Lake"


def test_seed_article_suggestions_are_names_the_sample_glossary_lacks():
    glossary = load_glossary(ROOT / "glossary" / "terms.csv")
    candidates = suggest_terms(texts_of_seed(), glossary, "en", limit=5)
    texts = [c.text for c in candidates]
    assert texts[0] == "platinum industry"  # the sample glossary already has every capitalised name
    known = {term.source for term in glossary.terms}
    assert not known & set(texts)
    assert not any(name in text for text in texts for name in ("Vasaloppet", "Changchun", "Jingyue"))
    assert len(candidates) <= 5


def test_chinese_text_gets_character_ngram_suggestions():
    glossary = Glossary([Term("Changchun", {"zh_CN": "长春"})])
    texts = ["长春净月潭滑雪节开幕", "净月潭滑雪节吸引游客", "长春的净月潭"]
    candidates = suggest_terms(texts, glossary, "zh_CN")
    assert [(c.text, c.count) for c in candidates] == [("净月潭", 3), ("净月潭滑雪节", 2)]


def test_one_word_names_and_acronyms_are_proposed_but_not_the_words_of_a_longer_name():
    texts = [
        "The race called Vasaloppet starts soon.",
        "Vasaloppet drew crowds worth RMB31.36 billion.",
        "Skiing is popular. The Jingyue Skiing Festival opened.",
    ]
    found = {c.text for c in suggest_terms(texts, Glossary(), "en")}
    assert {"Vasaloppet", "RMB", "Jingyue Skiing Festival"} <= found
    assert "Festival" not in found and "Skiing" not in found


def test_a_text_repeated_as_title_and_heading_counts_once():
    title = "Platinum industry adds splendor to the new year"
    found = suggest_terms([title, title, title], Glossary(), "en")
    assert found == []


def test_suggest_with_nothing_to_propose_says_so_rather_than_printing_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from transpub.cli import main

    runner = CliRunner()
    runner.invoke(main, ["init", str(tmp_path / "news"), "-l", "de"])
    (tmp_path / "news" / "articles" / "a.html").write_text("<p>the boat is late.</p>", encoding="utf-8")
    result = runner.invoke(main, ["--project", str(tmp_path / "news"), "glossary", "suggest"])
    assert result.exit_code == 0, result.output
    assert (
        result.output
        == "Nothing to suggest: no name or frequent phrase in the 1 article is missing from the glossary.\n"
    )
