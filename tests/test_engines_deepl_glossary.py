"""DeepL without masking: a DeepL glossary made from the project glossary, placeholders as XML
tags, the paragraph as context and the locale's formality, against a local fake DeepL server."""

from __future__ import annotations

from pathlib import Path

import pytest

from fakeservers import FakeMT
from test_translate_helpers import HEADER
from transpub.catalog import read_catalog
from transpub.engines import RetryPolicy
from transpub.project import load_project
from transpub.translate import translate_project

FAST = RetryPolicy(attempts=2, base_delay=0.0, max_delay=0.0)
FIRST = "Jingyue Hi-tech Zone signed <1>16 projects</1> at the ceremony."
SECOND = "The ceremony was held in Changchun."
PARAGRAPH = "The signing ceremony of the festival was held on January 4. " + FIRST.replace("<1>", "").replace(
    "</1>", ""
)
OTHER_PARAGRAPH = "The ceremony was held in Changchun. It was cold."
GLOSSARY = "term,de\nJingyue Hi-tech Zone,Hightech-Zone Jingyue\n"


def write_po(root: Path, slug: str, units: list[tuple[str, str]]) -> None:
    body = HEADER.format(locale="de")
    for n, (msgid, paragraph) in enumerate(units):
        note = f"#. Paragraph: {paragraph}\n" if paragraph else ""
        body += f'{note}#: articles/{slug}.html#story/p({n})\nmsgid "{msgid}"\nmsgstr ""\n\n'
    path = root / "locales" / "de" / "LC_MESSAGES" / f"{slug}.po"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    (root / "articles").mkdir(exist_ok=True)
    (root / "articles" / f"{slug}.html").write_text("<p>x</p>", encoding="utf-8")


def make_deepl_project(root: Path, glossary: str = GLOSSARY, formality: str = "less"):
    root.mkdir(exist_ok=True)
    (root / "terms.csv").write_text(glossary, encoding="utf-8")
    (root / "transpub.toml").write_text(
        '[project]\nname = "demo"\nsource_locale = "en"\nlocales = ["de"]\n\n'
        '[paths]\nglossary = "terms.csv"\n\n[translate]\nengine = "deepl"\n\n'
        f'[locale.de]\nformality = "{formality}"\n',
        encoding="utf-8",
    )
    return load_project(root)


@pytest.fixture()
def fake(monkeypatch):
    with FakeMT(api_key="deepl-key-1") as server:
        monkeypatch.setenv("TRANSPUB_DEEPL_API_KEY", "deepl-key-1")
        monkeypatch.setenv("TRANSPUB_DEEPL_URL", server.url)
        yield server


def translations(project, slug: str) -> dict[str, str]:
    return {e.msgid: e.msgstr for e in read_catalog(project.catalog_path("de", slug))}


def test_deepl_gets_a_glossary_xml_tags_the_paragraph_as_context_and_formality(tmp_path, fake):
    project = make_deepl_project(tmp_path / "news")
    write_po(project.root, "a", [(FIRST, PARAGRAPH)])
    report = translate_project(project, ["de"], policy=FAST)
    assert report.ok, report.failure_lines()
    [glossary] = fake.glossaries.values()
    assert glossary["entries"] == {"Jingyue Hi-tech Zone": "Hightech-Zone Jingyue"}
    assert (glossary["source_lang"], glossary["target_lang"]) == ("en", "de")
    assert glossary["name"].startswith("transpub EN-DE ")
    [request] = fake.deepl_requests
    assert request["text"] == [
        "Jingyue Hi-tech Zone signed <x1>16 projects</x1> at the ceremony."
    ]  # not masked
    assert request["glossary_id"] == glossary["glossary_id"]
    assert request["tag_handling"] == "xml" and request["formality"] == "less"
    assert request["context"] == PARAGRAPH
    assert (
        translations(project, "a")[FIRST]
        == "[de] Hightech-Zone Jingyue signed <1>16 projects</1> at the ceremony."
    )


def test_unchanged_glossary_is_reused_and_a_changed_one_replaces_it(tmp_path, fake):
    project = make_deepl_project(tmp_path / "news")
    write_po(project.root, "a", [(FIRST, PARAGRAPH)])
    translate_project(project, ["de"], policy=FAST)
    [first_id] = fake.glossaries
    write_po(project.root, "b", [("Jingyue Hi-tech Zone grew.", "")])
    translate_project(project, ["de"], policy=FAST)
    assert list(fake.glossaries) == [first_id]  # the same entries: the same glossary
    project = make_deepl_project(tmp_path / "news", GLOSSARY + "Changchun,Tschangtschun\n")
    write_po(project.root, "c", [(SECOND, "")])
    translate_project(project, ["de"], policy=FAST)
    [(second_id, glossary)] = fake.glossaries.items()  # the old one is deleted
    assert second_id != first_id and glossary["entries"]["Changchun"] == "Tschangtschun"
    assert fake.deepl_requests[-1]["glossary_id"] == second_id
    assert translations(project, "c")[SECOND] == "[de] The ceremony was held in Tschangtschun."


def test_texts_of_different_paragraphs_go_in_separate_requests_each_with_its_context(tmp_path, fake):
    project = make_deepl_project(tmp_path / "news")
    write_po(
        project.root, "a", [(FIRST, PARAGRAPH), (SECOND, OTHER_PARAGRAPH), ("It was cold.", OTHER_PARAGRAPH)]
    )
    translate_project(project, ["de"], policy=FAST)
    sent = sorted((r["context"], sorted(r["text"])) for r in fake.deepl_requests)
    assert sent == [
        (OTHER_PARAGRAPH, ["It was cold.", SECOND]),
        (PARAGRAPH, ["Jingyue Hi-tech Zone signed <x1>16 projects</x1> at the ceremony."]),
    ]


def test_deepl_reply_losing_a_glossary_term_is_rejected(tmp_path, fake):
    project = make_deepl_project(tmp_path / "news")
    write_po(project.root, "a", [(FIRST, PARAGRAPH)])
    fake.translate = lambda text, target: text.replace("Hightech-Zone Jingyue", "Jingyue-Zone")
    report = translate_project(project, ["de"], policy=FAST)
    assert translations(project, "a")[FIRST] == ""
    [failure] = report.failures
    assert 'must be rendered as "Hightech-Zone Jingyue"' in failure.message


def test_pair_without_deepl_glossaries_gets_the_terms_masked(tmp_path, fake):
    fake.refuse_glossaries = True
    project = make_deepl_project(tmp_path / "news")
    write_po(project.root, "a", [(FIRST, PARAGRAPH)])
    report = translate_project(project, ["de"], policy=FAST)
    [request] = fake.deepl_requests
    assert "glossary_id" not in request and request["text"] == [
        "<g1/> signed <x1>16 projects</x1> at the ceremony."
    ]
    assert report.ok and translations(project, "a")[FIRST].startswith("[de] Hightech-Zone Jingyue signed")


def test_engine_without_glossaries_still_gets_the_terms_masked(tmp_path, monkeypatch):
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        project = make_deepl_project(tmp_path / "news")
        write_po(project.root, "a", [(FIRST, PARAGRAPH)])
        translate_project(project, ["de"], engine="libre", policy=FAST)
        [(_, texts)] = server.request_log
    assert "Jingyue Hi-tech Zone" not in texts[0] and "<g1/>" in texts[0]
    assert (
        translations(project, "a")[FIRST]
        == "[de] Hightech-Zone Jingyue signed <1>16 projects</1> at the ceremony."
    )
