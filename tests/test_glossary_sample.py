"""The sample project's glossary (glossary/terms.csv, glossary/terms.tbx) against the seed article."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from transpub.glossary import load_glossary, render_glossary

ROOT = Path(__file__).parent.parent
SEED = Path(__file__).parent / "data" / "glossary" / "seed_article.txt"
TARGETS = ("zh_CN", "es", "de", "fr", "sv", "ru", "ar")
OFFICIAL_CHINESE = {
    "Changchun": "长春",
    "Jilin Province": "吉林省",
    "Jingyue Hi-tech Industry Development Zone": "净月高新技术产业开发区",
    "Changchun Jingyue Lake Vasaloppet Skiing Festival": "长春净月潭瓦萨国际滑雪节",
    "Vasaloppet": "瓦萨",
    "Sinosoft Company Limited": "中科软科技股份有限公司",
    "Industrial Park for Innovation in Laser Industry of Jilin Province": "吉林省激光产业创新产业园",
    "RMB": "人民币",
}


@pytest.fixture(scope="module")
def sample():
    return load_glossary(ROOT / "glossary" / "terms.csv")


def test_tbx_file_is_the_export_of_the_csv_file(sample):
    tbx_path = ROOT / "glossary" / "terms.tbx"
    assert load_glossary(tbx_path) == sample
    assert tbx_path.read_text(encoding="utf-8") == render_glossary(sample, "tbx")
    assert (ROOT / "glossary" / "terms.csv").read_text(encoding="utf-8") == render_glossary(sample, "csv")


@pytest.mark.parametrize(("source", "chinese"), OFFICIAL_CHINESE.items())
def test_seed_names_carry_their_official_chinese_name(sample, source, chinese):
    term = sample.term(source)
    assert term is not None, source
    assert term.required("zh_CN") == chinese


def test_every_term_has_a_rendering_in_every_target_locale(sample):
    for term in sample.terms:
        for locale in TARGETS:
            assert term.required(locale), f"{term.source} has no {locale} rendering"


def test_every_seed_name_is_covered_in_the_seed_article(sample):
    text = SEED.read_text(encoding="utf-8")
    matches = sample.find(text, "en")
    found = {m.term.source for m in matches}
    for name in OFFICIAL_CHINESE:
        if name in found:
            continue
        # A name seen only inside a longer glossary term (Jilin Province inside the park's name)
        # is covered by that longer term.
        places = list(re.finditer(re.escape(name), text))
        assert places, name
        for place in places:
            assert any(
                m.start <= place.start() and place.end() <= m.end and m.term.source != name for m in matches
            ), f"{name} at {place.start()} is not covered"


def test_vasaloppet_is_kept_in_swedish_and_german(sample):
    term = sample.term("Vasaloppet")
    assert term.required("sv") == term.required("de") == "Vasaloppet"
    assert sample.check("the Vasaloppet Skiing Festival", "Vasaloppets skidfestival", "en", "sv") == []


def test_rmb_stays_rmb_in_latin_script_locales(sample):
    for locale in ("es", "de", "fr", "sv"):
        assert sample.term("RMB").required(locale) == "RMB"
    assert [v.kind for v in sample.check("RMB6 billion", "6.000 millones de yuanes", "en", "es")] == [
        "missing"
    ]


def test_every_forbidden_rendering_is_explained_in_the_note(sample):
    forbidden = [(term, text) for term in sample.terms for texts in term.forbidden.values() for text in texts]
    assert forbidden, "the sample glossary shows at least one forbidden rendering"
    for term, text in forbidden:
        assert text in term.note, f"{term.source}: no reason given for forbidding {text}"


def test_apertium_hola_tecnologia_is_caught_in_spanish(sample):
    source = "Jingyue Hi-tech Industry Development Zone managed to have 16 projects signed"
    machine = "Jingyue Hola-tecnología Zona de Desarrollo de la Industria logró 16 proyectos firmados"
    violations = sample.check(source, machine, "en", "es")
    assert [(v.kind, v.found) for v in violations] == [("missing", None), ("forbidden", "Hola-tecnología")]


def test_good_chinese_translation_of_a_seed_sentence_passes(sample):
    source = (
        "The signing ceremony of Changchun Jingyue Lake Vasaloppet Skiing Festival was held on January 4, "
        "2018. As the main venue for the platinum industry of Changchun City, Jingyue Hi-tech Industry "
        "Development Zone managed to have 16 projects signed with RMB31.36 billion at the ceremony."
    )
    translation = (
        "2018年1月4日，长春净月潭瓦萨国际滑雪节签约仪式举行。作为长春市白金产业的主要承载地，"
        "净月高新区在仪式上签约项目16个，金额313.6亿元。"
    )
    assert sample.check(source, translation, "en", "zh_CN") == []


def test_russian_translation_with_declined_names_passes(sample):
    source = (
        "projects in Jingyue Hi-tech Industry Development Zone and the Industrial Park for Innovation "
        "in Laser Industry of Jilin Province, worth RMB6 billion, near Changchun"
    )
    translation = (
        "проекты в зоне развития высокотехнологичной промышленности Цзинъюэ и в Индустриальном "
        "парке инноваций лазерной промышленности провинции Цзилинь на 6 млрд юаней под Чанчунем"
    )
    assert sample.check(source, translation, "en", "ru") == []
