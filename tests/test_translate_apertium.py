"""End to end with Apertium (skipped where apertium or its eng-spa pair is absent)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from test_translate_helpers import make_project
from transpub.catalog import read_catalog
from transpub.translate import translate_project

pytestmark = [
    pytest.mark.apertium,
    pytest.mark.skipif(
        shutil.which("apertium") is None
        or "eng-spa" not in subprocess.run(["apertium", "-l"], capture_output=True, text=True).stdout.split(),
        reason="apertium with the eng-spa pair is not installed",
    ),
]


def test_apertium_prefills_spanish_keeping_placeholders(tmp_path):
    project = make_project(
        tmp_path,
        {"a": [("Read <1>the big book</1> now.", ""), ("Good morning.", ""), ("I see the house <2/>", "")]},
        engine="apertium",
    )
    report = translate_project(project, ["es"])
    got = {e.msgid: e for e in read_catalog(project.catalog_path("es", "a"))}
    assert report.ok and report.counts[("es", "apertium")].filled_mt == 3
    book = got["Read <1>the big book</1> now."].msgstr
    assert "<1>" in book and "</1>" in book and "libro" in book
    assert got["Good morning."].msgstr == "Buenos días."
    assert got["I see the house <2/>"].msgstr.endswith("<2/>")
    assert "machine translation by apertium (en→es)" in got["Good morning."].tcomment


def test_apertium_output_has_no_double_spaces_the_source_did_not_have(tmp_path):
    sentence = "In addition, there are three complex projects covering an area of 1.14 million square meters."
    project = make_project(tmp_path, {"a": [(sentence, "")]}, engine="apertium")
    translate_project(project, ["es"])
    got = {e.msgid: e.msgstr for e in read_catalog(project.catalog_path("es", "a"))}[sentence]
    assert got.startswith("Además, hay") and "  " not in got


def test_a_reply_apertium_gave_that_was_rejected_is_asked_again_at_no_cost(tmp_path):
    """Apertium runs here: a unit whose earlier reply was rejected (an older transpub's masking
    that apertium moved) is translated again by the next run, not left empty until --retry-rejected."""
    from transpub.memory import open_memory

    sentence = "Read <1>the big book</1> now."
    project = make_project(tmp_path, {"a": [(sentence, "")]}, engine="apertium")
    with open_memory(project.memory_location) as memory:
        memory.add("en", "es", [(sentence, "Leído @@el libro grande@@P1E@@ ahora.")], "apertium:rejected")
    report = translate_project(project, ["es"])
    got = {e.msgid: e.msgstr for e in read_catalog(project.catalog_path("es", "a"))}[sentence]
    assert report.ok and "<1>" in got and "libro" in got
