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
