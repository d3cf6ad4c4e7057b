"""Checking translations against the glossary, and the notes translators see."""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.glossary import Glossary, Term, load_glossary

DATA = Path(__file__).parent / "data" / "glossary"


@pytest.fixture(scope="module")
def mini() -> Glossary:
    return load_glossary(DATA / "mini.csv")


def kinds(violations) -> list[tuple[str, str]]:
    return [(v.kind, v.term.source) for v in violations]


def test_translation_with_the_required_term_passes(mini):
    assert (
        mini.check(
            "Jingyue Hi-tech Industry Development Zone grew.", "净月高新技术产业开发区发展了。", "en", "zh_CN"
        )
        == []
    )


def test_translation_with_an_accepted_variant_passes(mini):
    assert (
        mini.check("Jingyue Hi-tech Industry Development Zone grew.", "净月高新区发展了。", "en", "zh_CN")
        == []
    )


def test_translation_lacking_the_term_is_reported_with_what_was_expected(mini):
    violations = mini.check(
        "Jingyue Hi-tech Industry Development Zone grew.", "开发区发展了。", "en", "zh_CN"
    )
    assert kinds(violations) == [("missing", "Jingyue Hi-tech Industry Development Zone")]
    assert violations[0].expected == "净月高新技术产业开发区"
    assert violations[0].found is None
    assert "净月高新区" in violations[0].message


def test_forbidden_rendering_is_reported_even_when_the_required_one_is_present(mini):
    violations = mini.check("Jingyue is near.", "净月在附近，静月不对。", "en", "zh_CN")
    assert kinds(violations) == [("forbidden", "Jingyue")]
    assert violations[0].found == "静月"
    assert violations[0].expected == "净月"


def test_forbidden_rendering_is_reported_even_if_the_source_does_not_mention_the_term(mini):
    assert kinds(mini.check("A lake.", "静月湖。", "en", "zh_CN")) == [("forbidden", "Jingyue")]


def test_forbidden_string_inside_a_longer_accepted_rendering_is_not_reported():
    glossary = Glossary(
        [
            Term("Hi-tech", {"es": "alta tecnología"}, forbidden={"es": ("tecnología",)}),
        ]
    )
    assert glossary.check("Hi-tech", "alta tecnología", "en", "es") == []
    assert kinds(glossary.check("Hi-tech", "tecnología", "en", "es")) == [
        ("missing", "Hi-tech"),
        ("forbidden", "Hi-tech"),
    ]


def test_forbidden_for_every_locale_applies_to_each_locale():
    glossary = Glossary([Term("Jingyue", {"de": "Jingyue", "fr": "Jingyue"}, forbidden={"*": ("Jing Yue",)})])
    for locale in ("de", "fr", "sv"):
        assert kinds(glossary.check("Jingyue", "Jingyue und Jing Yue", "en", locale)) == [
            ("forbidden", "Jingyue")
        ]


def test_do_not_translate_term_must_stay_as_in_the_source(mini):
    assert mini.check("The Vasaloppet race", "Das Rennen Vasaloppet", "en", "de") == []
    violations = mini.check("The Vasaloppet race", "Der Wasalauf", "en", "de")
    assert kinds(violations) == [("missing", "Vasaloppet")]
    assert violations[0].expected == "Vasaloppet"
    assert "kept" in violations[0].message


def test_german_genitive_of_a_kept_name_is_not_flagged(mini):
    assert mini.check("The history of Vasaloppet", "Die Geschichte des Vasaloppets", "en", "de") == []


def test_german_inflected_term_is_not_flagged(mini):
    source = "Projects of the Industrial Park for Innovation in Laser Industry of Jilin Province"
    assert mini.check(source, "Projekte des Industrieparks für Laserindustrie", "en", "de") == []


@pytest.mark.parametrize(
    "translation",
    [
        "Проекты зоны развития Цзинъюэ",  # genitive
        "В зоне развития Цзинъюэ",  # prepositional
        "Зона развития Цзинъюэ растёт",  # nominative (the required form)
    ],
)
def test_russian_declensions_are_not_flagged(mini, translation):
    assert mini.check("Jingyue Hi-tech Industry Development Zone", translation, "en", "ru") == []


def test_russian_amount_in_yuan_satisfies_rmb(mini):
    assert mini.check("RMB31.36 billion", "31,36 млрд юаней", "en", "ru") == []
    assert kinds(mini.check("RMB31.36 billion", "31,36 млрд долларов", "en", "ru")) == [("missing", "RMB")]


def test_case_sensitive_term_in_translation_must_keep_its_case(mini):
    assert mini.check("RMB6 billion", "6 Milliarden RMB", "en", "de") == []
    assert kinds(mini.check("RMB6 billion", "6 Milliarden rmb", "en", "de")) == [("missing", "RMB")]


def test_chinese_rendering_is_found_inside_a_longer_chinese_word(mini):
    assert mini.check("RMB6 billion", "60亿元", "en", "zh_CN") == []


def test_rendering_glued_to_a_longer_word_does_not_count(mini):
    assert kinds(mini.check("Jingyue", "Jingyuesee", "en", "de")) == [("missing", "Jingyue")]


def test_placeholders_in_the_translation_do_not_hide_a_term(mini):
    assert mini.check("<1>Jilin Province</1>", "<1>Provinz</1> Jilin", "en", "de") == []


def test_term_without_a_rendering_in_the_locale_is_not_checked(mini):
    assert (
        mini.check(
            "Industrial Park for Innovation in Laser Industry of Jilin Province", "whatever", "en", "ru"
        )
        == []
    )


def test_empty_translation_has_no_glossary_violations(mini):
    assert mini.check("Jingyue", "", "en", "zh_CN") == []


def test_bcp47_and_regional_locale_names_find_the_glossary_column(mini):
    assert kinds(mini.check("Jingyue", "静月", "en", "zh-CN")) == [
        ("missing", "Jingyue"),
        ("forbidden", "Jingyue"),
    ]
    assert mini.check("Jingyue", "Jingyue", "en", "de_AT") == []


def test_arabic_name_with_a_proclitic_is_accepted():
    glossary = Glossary([Term("Changchun", {"ar": "تشانغتشون"}), Term("RMB", {"ar": "يوان"})])
    assert glossary.check("in Changchun", "في تشانغتشون", "en", "ar") == []
    assert glossary.check("and Changchun", "وتشانغتشون", "en", "ar") == []
    assert glossary.check("RMB6 billion", "6 مليارات باليوان", "en", "ar") == []


def test_notes_show_the_required_rendering_for_the_locale_with_what_check_also_accepts_and_refuses(mini):
    assert mini.notes_for("Jingyue Hi-tech Industry Development Zone and Jingyue", "zh_CN") == [
        'Glossary: "Jingyue Hi-tech Industry Development Zone" = "净月高新技术产业开发区"; also "净月高新区"',
        'Glossary: "Jingyue" = "净月"; never "静月"; note: Place name',
    ]


def test_notes_say_keep_for_do_not_translate_terms_with_the_accepted_inflections_and_the_note(mini):
    assert mini.notes_for("The Vasaloppet race", "de") == [
        'Glossary: "Vasaloppet" = keep as "Vasaloppet" (do not translate); also "Vasaloppets"; '
        "note: Swedish race, kept in de"
    ]


def test_a_term_with_no_rendering_in_the_locale_still_shows_its_note_on_one_line():
    glossary = Glossary([Term("Jingyue", {"zh_CN": "净月"}, note='Place name\n(净月, "clear moon")')])
    assert glossary.notes_for("Jingyue", "fr") == [
        'Glossary: "Jingyue"; note: Place name (净月, "clear moon")'
    ]


def test_notes_for_the_template_list_source_terms_once_each(mini):
    assert mini.notes_for("Jingyue, Jingyue and RMB", None) == ['Glossary: "Jingyue"', 'Glossary: "RMB"']


def test_notes_for_text_without_terms_are_empty(mini):
    assert mini.notes_for("Nothing to see here.", "zh_CN") == []


# -- counting: each occurrence needs its own rendering, not one inside a longer term's ----------

SAMPLE = Path(__file__).parent.parent / "glossary" / "terms.csv"


@pytest.fixture(scope="module")
def sample() -> Glossary:
    return load_glossary(SAMPLE)


ZONE_AND_HITECH = "Jingyue Hi-tech Industry Development Zone brings culture and hi-tech together."


def test_term_dropped_while_its_rendering_sits_inside_a_longer_terms_rendering_is_reported(sample):
    violations = sample.check(ZONE_AND_HITECH, "净月高新技术产业开发区把文化结合在一起。", "en", "zh_CN")
    assert kinds(violations) == [("missing", "hi-tech")]
    assert (
        sample.check(ZONE_AND_HITECH, "净月高新技术产业开发区把文化和高新技术结合在一起。", "en", "zh_CN")
        == []
    )


def test_a_term_twice_in_the_source_needs_two_renderings(sample):
    violations = sample.check("Changchun is big; Changchun is cold.", "长春很大；很冷。", "en", "zh_CN")
    assert kinds(violations) == [("missing", "Changchun")]
    assert violations[0].message == '"Changchun" occurs 2 times but "长春" only once in zh_CN'
    assert sample.check("Changchun is big; Changchun is cold.", "长春很大；长春很冷。", "en", "zh_CN") == []


def test_name_folded_into_the_official_name_beside_it_is_not_flagged(sample):
    assert (
        sample.check(
            "Changchun Jingyue Hi-tech Industry Development Zone", "长春净月高新技术产业开发区", "en", "zh_CN"
        )
        == []
    )
    assert (
        sample.check(
            "Changchun's Jingyue Hi-tech Industry Development Zone",
            "长春净月高新技术产业开发区",
            "en",
            "zh_CN",
        )
        == []
    )


def test_rendering_inside_a_longer_rendering_the_source_does_not_call_for_still_counts(sample):
    assert (
        sample.check(
            "The hi-tech sector grew.", "净月高新技术产业开发区的高新技术部门增长了。", "en", "zh_CN"
        )
        == []
    )
    assert sample.check("Changchun grew.", "长春市增长了。", "en", "zh_CN") == []


def test_german_inflected_forms_count_as_occurrences(sample):
    source = "Vasaloppet is old. The history of Vasaloppet is long."
    assert (
        sample.check(source, "Vasaloppet ist alt. Die Geschichte des Vasaloppets ist lang.", "en", "de") == []
    )
    assert kinds(sample.check(source, "Vasaloppet ist alt. Seine Geschichte ist lang.", "en", "de")) == [
        ("missing", "Vasaloppet")
    ]


def test_russian_declined_forms_count_as_occurrences(sample):
    source = "Changchun is big. Projects in Changchun grow."
    assert sample.check(source, "Чанчунь большой. Проекты в Чанчуне растут.", "en", "ru") == []


def test_sample_project_translations_raise_no_glossary_alarm(sample):
    from transpub.catalog import read_catalog

    root = SAMPLE.parent.parent
    for locale in ("zh_CN", "de"):
        for path in sorted((root / "locales" / locale / "LC_MESSAGES").glob("*.po")):
            for entry in read_catalog(path):
                if entry.msgstr:
                    assert sample.check(entry.msgid, entry.msgstr, "en", locale) == [], (
                        locale,
                        entry.linenum,
                    )


def test_an_address_kept_as_written_needs_no_rendering_and_breaks_no_rule():
    glossary = Glossary([Term("Sudan", {"es": "Sudán"}, forbidden={"es": ("Sudan",)})])
    source = "Read www.nytimes.com/africa/sudan-sanctions.html or write to sudan@example.com."
    translation = "Lea www.nytimes.com/africa/sudan-sanctions.html o escriba a sudan@example.com."
    assert glossary.check(source, translation, "en", "es") == []
    assert glossary.notes_for(source, "es") == []
