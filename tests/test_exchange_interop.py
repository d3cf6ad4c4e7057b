"""What other tools make of transpub's XLIFF and TMX: translate-toolkit reads and edits them, OmegaT too."""

from __future__ import annotations

from pathlib import Path

import pytest
from translate.storage import tmx, xliff, xliff2

from exchange_project import catalog_of, fill, harbour_project, run
from transpub.memory import TranslationMemory


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    project = harbour_project(tmp_path / "harbour")
    fill(
        project,
        "de",
        {
            "Harbour reopens": ("Hafen öffnet wieder", "reviewed"),
            "Read <1>": ("Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute.", "mt"),
        },
    )
    return project


def _entry(project: Path, start: str):
    return next(e for e in catalog_of(project, "de") if e.msgid.startswith(start))


def test_translate_toolkit_reads_and_edits_xliff_1_2(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "--version", "1.2", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    store = xliff.xlifffile.parsefile(str(path))
    units = {u.source: u for u in store.getunits()}
    assert len(units) == 6
    assert store.getsourcelanguage() == "en" and store.gettargetlanguage() == "de"
    assert units["Harbour reopens"].isapproved() and units["Harbour reopens"].target == "Hafen öffnet wieder"
    link = units["Read the full report on page4 today."]
    assert link.isfuzzy() and not link.isapproved()
    assert "Placeholders: <1>…</1> = link (a); <2/> = line break (br)" in link.getnotes()
    # a translator works in the tool: translates one unit and approves it, then saves
    nothing = units["Nothing else changed."]
    nothing.settarget("Sonst hat sich nichts geändert.")
    nothing.markapproved(True)
    store.savefile(str(path))
    run(harbour, "xliff", "import", str(path))
    entry = _entry(harbour, "Nothing")
    assert entry.msgstr == "Sonst hat sich nichts geändert." and "fuzzy" not in entry.flags
    # the unit with inline codes went through the tool untouched
    assert _entry(harbour, "Read").msgstr == "Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute."


def test_translate_toolkit_reads_and_edits_xliff_2_1(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    store = xliff2.Xliff2File.parsefile(str(path))
    units = {u.source: u for u in store.getunits()}
    assert len(units) == 6
    assert units["Harbour reopens"].isapproved()
    assert (
        units["Read the full report on page4 today."].target
        == "Lesen Sie den ganzen Bericht auf Seite4 heute."
    )
    nothing = units["Nothing else changed."]
    nothing.settarget("Sonst hat sich nichts geändert.")
    nothing.marktranslated()
    store.savefile(str(path))
    run(harbour, "xliff", "import", str(path))
    entry = _entry(harbour, "Nothing")
    assert (
        entry.msgstr == "Sonst hat sich nichts geändert." and "fuzzy" in entry.flags
    )  # translated, not reviewed
    assert _entry(harbour, "Read").msgstr == "Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute."


def test_translate_toolkit_reads_the_tmx_and_writes_one_transpub_imports(
    harbour: Path, tmp_path: Path
) -> None:
    with TranslationMemory(harbour / ".transpub" / "memory.sqlite") as memory:
        memory.add(
            "en",
            "de",
            [("Harbour reopens", "Hafen öffnet wieder"), ("Ships return.", "Schiffe kehren zurück.")],
        )
    run(harbour, "memory", "export", "-o", str(tmp_path / "memory.tmx"))
    store = tmx.tmxfile.parsefile(str(tmp_path / "memory.tmx"))
    assert {(u.source, u.target) for u in store.getunits()} == {
        ("Harbour reopens", "Hafen öffnet wieder"),
        ("Ships return.", "Schiffe kehren zurück."),
    }
    made = tmx.tmxfile(sourcelanguage="en")
    made.addtranslation("Nothing else changed.", "en", "Sonst nichts.", "de")
    made.savefile(str(tmp_path / "tool.tmx"))
    other = harbour_project(tmp_path / "other")
    run(other, "memory", "import", str(tmp_path / "tool.tmx"))
    run(other, "translate", "-l", "de", "--engine", "tm")
    assert (
        next(e for e in catalog_of(other, "de") if e.msgid == "Nothing else changed.").msgstr
        == "Sonst nichts."
    )


@pytest.mark.skip(
    reason="OmegaT not run: Debian's omegat 3.6 pulls 95 packages (~90 MiB) and reads XLIFF 2 only through "
    "the Okapi plugin; the project does not install it (issue 15 notes)"
)
def test_omegat_console_mode_round_trip() -> None:
    """Placeholder for OmegaT's console-translate run over the exported XLIFF and TMX."""
