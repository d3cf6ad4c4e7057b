"""Apertium, offline (skipped where apertium or its eng-spa pair is absent)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from transpub.engines import get_engine
from transpub.masking import mask, unmask


def _has_eng_spa() -> bool:
    if shutil.which("apertium") is None:
        return False
    listed = subprocess.run(["apertium", "-l"], capture_output=True, text=True).stdout
    return "eng-spa" in listed.split()


pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(not _has_eng_spa(), reason="apertium with the eng-spa pair is not installed"),
]


def test_apertium_translates_a_batch_keeping_each_text_apart():
    engine = get_engine("apertium")
    texts = ["Good morning.", "The dog runs", "I see the house."]
    out = engine.translate_batch(texts, "en", "es")
    assert len(out) == 3
    assert out[0] == "Buenos días."
    assert "perro" in out[1] and "casa" in out[2]


def test_a_text_in_a_batch_is_translated_as_if_alone_not_as_the_end_of_the_one_before():
    # a title, a tag or a heading has no full stop: apertium read the next text as the same sentence
    # and wrote "las entradas…" (and "Lo que cambios" for "Qué cambios") where alone it writes "Las entradas…"
    engine = get_engine("apertium")
    texts = ["Tickets", "Tickets from the old timetable are valid.", "city", "What changes for the ferries"]
    alone = [engine.translate_batch([text], "en", "es")[0] for text in texts]
    assert engine.translate_batch(texts, "en", "es") == alone
    assert alone[1].startswith("Las entradas")


def test_apertium_keeps_masked_placeholders_and_translates_inside_them():
    engine = get_engine("apertium")
    masked = mask("Click <1>the house</1> now <2/>.", engine.markup)
    result = unmask(masked, engine.translate_batch([masked.text], "en", "es")[0])
    assert "<1>" in result and "</1>" in result and "<2/>" in result
    assert "casa" in result


def test_apertium_lists_its_pairs_as_gettext_codes():
    engine = get_engine("apertium")
    assert ("en", "es") in engine.language_pairs()
    assert engine.supports("en", "es") and not engine.supports("en", "ja")


def test_a_glossary_name_inside_an_address_reaches_apertium_as_part_of_the_address(tmp_path, monkeypatch):
    # "Sudan" = "Sudán": the term was masked inside the URL and the e-mail address, and the catalog
    # got www.nytimes.com/africa/Sudán-sanciones.html and Sudán@example.com
    from test_translate_helpers import make_project
    from transpub.catalog import read_catalog
    from transpub.glossary import Glossary, Term
    from transpub.translate import translate_project

    glossary = Glossary([Term("Sudan", {"es": "Sudán"})])
    monkeypatch.setattr("transpub.translate._load_glossary", lambda project: glossary)
    texts = [
        "Read more at www.nytimes.com/africa/sudan-sanctions.html today.",
        "Write to sudan@example.com about Sudan.",
    ]
    project = make_project(tmp_path, {"a": [(text, "") for text in texts]}, engine="apertium")
    translate_project(project, ["es"])
    got = {e.msgid: e.msgstr for e in read_catalog(project.catalog_path("es", "a"))}
    assert "www.nytimes.com/africa/sudan-sanctions.html" in got[texts[0]]
    assert "sudan@example.com" in got[texts[1]] and "Sudán." in got[texts[1]]


def test_a_third_placeholder_stays_around_its_words_not_read_as_a_word_apertium_knows():
    # apertium's English dictionary knows "P3" (a name): "@@P3@@Australia@@P3E@@" came back as
    # "@@Australia@@de P3@@P3E@@" and every unit with a third link was rejected, left untranslated
    engine = get_engine("apertium")
    sources = [
        "<1>US Edition</1> <2>UK Edition</2> <3>Australia</3> <4>Brasil</4>",
        "Search engines (<1>Bug 1</1>, <2>Bug 2</2>, <3>Bug 1678866</3>).",
        "<1>Preview yellow theme</1> <2>Preview green theme</2> <3>Preview blue theme</3>",
    ]
    masked = [mask(source, engine.markup) for source in sources]
    replies = engine.translate_batch([m.text for m in masked], "en", "es")
    restored = [unmask(m, reply) for m, reply in zip(masked, replies)]
    assert "<3>Australia</3>" in restored[0]
    assert "<3>Bug 1678866</3>" in restored[1]
    assert "<3>Preestreno tema azul</3>" in restored[2]


@pytest.mark.parametrize(
    "literal", ["@@P1@@", "@@Px1@@, @@Px1E@@", "@@S2@@", "@@Gx1@@", "[P1]", "@@ Sx2 @@", "@@P1"]
)
def test_text_written_like_a_masking_token_comes_back_as_written(literal):
    engine = get_engine("apertium")
    source = f"Type {literal} in <1>the box</1> <2/>"
    masked = mask(source, engine.markup)
    result = unmask(masked, engine.translate_batch([masked.text], "en", "es")[0])
    assert literal in result
    assert "<1>" in result and "</1>" in result and result.endswith("<2/>")


def test_a_text_holding_the_batch_separator_on_a_line_of_its_own_is_still_translated_in_one_process():
    # "@@SEP@@" alone on a line of a text split the output once more: the batch was translated again
    # one process per text (about 100 ms each)
    engine = get_engine("apertium")
    texts = [
        "Good morning.",
        "The dog runs\n@@SEP@@\nI see the house.",
        "The city @@SEPx@@ sleeps.",
        "Tickets",
    ]
    alone = [engine.translate_batch([text], "en", "es")[0] for text in texts]
    runs = []
    run = engine._run
    engine._run = lambda mode, text: runs.append(text) or run(mode, text)
    assert engine.translate_batch(texts, "en", "es") == alone
    assert len(runs) == 1
    assert "\n@@SEP@@\n" in alone[1] and "@@SEPx@@" in alone[2]
