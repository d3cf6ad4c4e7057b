"""What other tools make of transpub's XLIFF and TMX: translate-toolkit reads and edits them, OmegaT translates them."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from translate.misc.multistring import multistring
from translate.storage import poxliff, tmx, xliff, xliff2

from exchange_project import add_plural, catalog_of, fill, harbour_project, run
from omegat_run import (
    console_translate,
    environment,
    glossary_pane,
    make_project,
    needs_omegat,
    segments_and_matches,
    segments_per_file,
    type_translations,
)
from transpub.exchange.xliff import read_xliff
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
    assert "Placeholders: <1>…</1> = link (a) to /report; <2/> = line break (br)" in link.getnotes()
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


SHIPS = ("One ship returns.", "%(n)s ships return.")
POLISH = ["Jeden statek wraca.", "%(n)s statki wracają.", "%(n)s statków wraca."]


def _plural_entry(project: Path):
    return next(e for e in catalog_of(project, "pl") if e.msgid_plural)


def test_translate_toolkit_reads_a_plural_group_in_xliff_1_2_and_its_edit_comes_back(tmp_path: Path) -> None:
    project = harbour_project(tmp_path / "harbour", locales=("pl",))
    add_plural(project, "pl", *SHIPS, [*POLISH[:2], ""])
    run(project, "xliff", "export", "-l", "pl", "--version", "1.2", "-o", str(project / "out"))
    path = project / "out" / "harbour.pl.xlf"
    store = poxliff.PoXliffFile.parsefile(str(path))
    (plural,) = [u for u in store.getunits() if u.hasplural()]
    assert plural.source.strings == [SHIPS[0], SHIPS[1], SHIPS[1]]
    assert plural.target.strings == [*POLISH[:2], ""]
    assert plural.isfuzzy()  # two forms of three: not reviewed work
    plural.settarget(multistring(POLISH))  # the translator fills the third form and approves
    plural.markfuzzy(False)
    store.savefile(str(path))
    run(project, "xliff", "import", str(path))
    entry = _plural_entry(project)
    assert [entry.msgstr_plural[i] for i in range(3)] == POLISH and "fuzzy" not in entry.flags


def test_translate_toolkit_reads_plural_forms_in_xliff_2_1_as_units_and_their_edit_comes_back(
    tmp_path: Path,
) -> None:
    project = harbour_project(tmp_path / "harbour", locales=("pl",))
    add_plural(project, "pl", *SHIPS, ["", "", ""])
    run(project, "xliff", "export", "-l", "pl", "-o", str(project / "out"))
    path = project / "out" / "harbour.pl.xlf"
    store = xliff2.Xliff2File.parsefile(str(path))
    forms = [u for u in store.getunits() if u.source in SHIPS]
    assert [u.source for u in forms] == [SHIPS[0], SHIPS[1], SHIPS[1]]
    for unit, text in zip(forms, POLISH, strict=True):
        unit.settarget(text)
        unit.marktranslated()
    store.savefile(str(path))
    run(project, "xliff", "import", str(path))
    entry = _plural_entry(project)
    assert [entry.msgstr_plural[i] for i in range(3)] == POLISH and "fuzzy" in entry.flags  # translated


MEMORY = [
    ("Nothing else changed.", "Sonst hat sich nichts geändert."),
    (
        "Read <1>the full report</1> on page<2/>4 today.",
        "Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute.",
    ),
    ("The mayor thanked <1>everyone</1> who helped.", "Der Bürgermeister dankte <1>allen</1>, die halfen."),
]


def _snapshot(project: Path) -> dict[str, tuple]:
    return {
        e.msgid: (e.msgstr, sorted(e.flags), e.comment, e.tcomment, e.previous_msgid)
        for e in catalog_of(project, "de")
    }


@needs_omegat
def test_omegat_fills_units_from_the_exported_memory_and_they_come_back_fuzzy(
    tmp_path: Path,
) -> None:
    project = harbour_project(tmp_path / "harbour")
    fill(
        project,
        "de",
        {
            "Harbour reopens": ("Hafen öffnet wieder", "reviewed"),
            "Ships return": ("Schiffe kehren am Montag zurück.", "mt"),
        },
    )
    with TranslationMemory(project / ".transpub" / "memory.sqlite") as memory:
        memory.add("en", "de", MEMORY)
    out = tmp_path / "to-agency"
    run(project, "xliff", "export", "-l", "de", "--version", "1.2", "--copy-source", "-o", str(out))
    run(project, "memory", "export", "-l", "de", "-o", str(out / "memory.tmx"))
    before = _snapshot(project)

    omegat = make_project(tmp_path / "omegat", [out / "harbour.de.xlf"], out / "memory.tmx", "en", "de")
    console_translate(omegat, tmp_path / "home")
    written = omegat / "target" / "harbour.de.xlf"

    # what OmegaT changed in the file: exactly the three units its memory holds, codes kept
    _, (sent,) = read_xliff(out / "harbour.de.xlf")
    _, (back,) = read_xliff(written)
    targets = {u.source: u.target for u in sent.units}
    changed = {u.source: u.target for u in back.units if u.target != targets[u.source]}
    assert changed == dict(MEMORY)

    result = run(project, "xliff", "import", str(written))
    assert "harbour.po: 3 entries updated" in result.output
    after = _snapshot(project)
    for source, translation in MEMORY:
        msgstr, flags, *_ = after[source]
        assert msgstr == translation  # placeholders intact
        assert "fuzzy" in flags  # OmegaT leaves the state as it was: a translation to review
    assert {k: v for k, v in after.items() if k not in dict(MEMORY)} == {
        k: v for k, v in before.items() if k not in dict(MEMORY)
    }
    assert after["Harbour reopens"][0] == "Hafen öffnet wieder" and "fuzzy" not in after["Harbour reopens"][1]
    assert after["Harbour news"][0] == ""  # a copy of the source is no translation


@needs_omegat
def test_omegat_3_6_reads_no_xliff_2_so_it_gets_1_2(tmp_path: Path) -> None:
    project = harbour_project(tmp_path / "harbour")
    for version in ("1.2", "2.1"):
        run(
            project, "xliff", "export", "-l", "de", "--version", version, "--copy-source", "-o", str(tmp_path)
        )
        (tmp_path / "harbour.de.xlf").rename(tmp_path / f"harbour-{version}.xlf")
    sources = [tmp_path / "harbour-1.2.xlf", tmp_path / "harbour-2.1.xlf"]
    omegat = make_project(tmp_path / "omegat", sources, None, "en", "de")
    console_translate(omegat, tmp_path / "home")
    # Debian's OmegaT has no Okapi filter: the XLIFF 2 file is not read at all
    assert segments_per_file(omegat) == {"harbour-1.2.xlf": 6}


@needs_omegat
def test_omegat_fills_no_unit_from_machine_output_when_the_memory_is_exported_human_only(
    tmp_path: Path,
) -> None:
    project = harbour_project(tmp_path / "harbour")
    (human, machine, _) = MEMORY
    with TranslationMemory(project / ".transpub" / "memory.sqlite") as memory:
        memory.add("en", "de", [human])
        memory.add("en", "de", [machine], origin="apertium")  # a reply nobody reviewed
    out = tmp_path / "to-agency"
    run(project, "xliff", "export", "-l", "de", "--version", "1.2", "--copy-source", "-o", str(out))
    run(project, "memory", "export", "--human-only", "-l", "de", "-o", str(out / "memory.tmx"))

    omegat = make_project(tmp_path / "omegat", [out / "harbour.de.xlf"], out / "memory.tmx", "en", "de")
    console_translate(omegat, tmp_path / "home")
    _, (sent,) = read_xliff(out / "harbour.de.xlf")
    _, (back,) = read_xliff(omegat / "target" / "harbour.de.xlf")
    targets = {u.source: u.target for u in sent.units}
    assert {u.source: u.target for u in back.units if u.target != targets[u.source]} == dict([human])


#: Two units whose targets are machine output nobody reviewed (one with a link and a line break), as
#: OmegaT 3.6 shows them (its tags for the inline codes).
MACHINE = {
    "Read <g0>the full report</g0> on page<x1/>4 today.": "Lesen Sie <g0>den ganzen Bericht</g0> auf Seite<x1/>4 heute.",
    "Ships return on Monday.": "Schiffe kehren am Montag zurück.",
}


def _machine_translated(tmp_path: Path) -> Path:
    project = harbour_project(tmp_path / "harbour")
    fill(
        project,
        "de",
        {
            "Read <1>": ("Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute.", "mt"),
            "Ships return": ("Schiffe kehren am Montag zurück.", "mt"),
        },
    )
    return project


@needs_omegat
def test_omegat_shows_unreviewed_machine_output_as_the_text_to_translate_in_a_plain_export(
    tmp_path: Path,
) -> None:
    project = _machine_translated(tmp_path)
    omegat = make_project(tmp_path / "omegat", [], None, "en", "de")
    run(
        project,
        "xliff",
        "export",
        "-l",
        "de",
        "--version",
        "1.2",
        "--copy-source",
        "-o",
        str(omegat / "source"),
    )
    segments = segments_and_matches(omegat, tmp_path / "home")
    # why --machine-tmx exists: OmegaT 3.6 translates the <target>, whatever its state says
    assert set(MACHINE.values()) <= set(segments) and not set(MACHINE) & set(segments)


@needs_omegat
def test_omegat_shows_the_english_to_translate_and_the_machine_output_as_a_match_from_tm_mt(
    tmp_path: Path,
) -> None:
    project = _machine_translated(tmp_path)
    omegat = make_project(tmp_path / "omegat", [], None, "en", "de")
    result = run(
        project,
        *("xliff", "export", "-l", "de", "--version", "1.2", "--copy-source", "-o", str(omegat / "source")),
        *("--machine-tmx", str(omegat / "tm" / "mt" / "machine-translation.tmx")),
    )
    assert (
        "machine-translation.tmx (2 machine translations not reviewed, left out of the targets)"
        in result.output
    )
    before = catalog_of(project, "de")
    segments = segments_and_matches(omegat, tmp_path / "home")
    assert set(MACHINE) <= set(segments) and not set(MACHINE.values()) & set(segments)
    for source, translation in MACHINE.items():
        assert segments[source] == [(translation, 100, "mt/machine-translation.tmx", "apertium")]
    # tm/mt/ fills no segment: the file comes back as it went, and the catalog keeps its drafts
    written = omegat / "target" / "harbour.de.xlf"
    _, (sent,) = read_xliff(omegat / "source" / "harbour.de.xlf")
    _, (back,) = read_xliff(written)
    assert [u.target for u in back.units] == [u.target for u in sent.units]
    assert "No catalog changed" in run(project, "xliff", "import", str(written)).output
    assert [(e.msgstr, e.flags) for e in catalog_of(project, "de")] == [(e.msgstr, e.flags) for e in before]


def _handed_to_omegat(tmp_path: Path) -> tuple[Path, Path]:
    """A project whose German catalog holds reviewed work, a person's draft and machine output (a
    link and a line break), exported ``--for omegat`` into an OmegaT project: both folders."""
    project = harbour_project(tmp_path / "harbour")
    fill(
        project,
        "de",
        {
            "Harbour reopens": ("Hafen öffnet wieder", "reviewed"),
            "Read <1>": ("Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute.", "mt"),
            "The mayor": ("Der Bürgermeister dankte <1>allen</1>, die halfen.", "fuzzy"),
        },
    )
    omegat = make_project(tmp_path / "omegat", [], None, "en", "de")
    run(project, "xliff", "export", "-l", "de", "--for", "omegat", "-o", str(omegat))
    return project, omegat


#: The English of the harbour article, as OmegaT shows it (its tags for the inline codes).
ENGLISH = [
    "Harbour news",
    "Harbour reopens",
    "Read <g0>the full report</g0> on page<x1/>4 today.",
    "Ships return on Monday.",
    "The mayor thanked <g0>everyone</g0> who helped.",
    "Nothing else changed.",
]


@needs_omegat
def test_omegat_shows_every_segment_in_english_with_reviewed_work_filled_in_and_drafts_offered_lower(
    tmp_path: Path,
) -> None:
    project, omegat = _handed_to_omegat(tmp_path)
    before = _snapshot(project)
    segments = segments_and_matches(omegat, tmp_path / "home")
    assert list(segments) == ENGLISH  # never a translation as the text to translate
    assert segments["Harbour reopens"][0] == (
        "Hafen öffnet wieder",
        100,
        "auto/transpub-reviewed.tmx",
        "null",
    )
    assert segments[ENGLISH[4]] == [
        ("Der Bürgermeister dankte <g0>allen</g0>, die halfen.", 90, "penalty-10/transpub-drafts.tmx", "null")
    ]
    assert segments[ENGLISH[2]] == [
        (
            "Lesen Sie <g0>den ganzen Bericht</g0> auf Seite<x1/>4 heute.",
            70,
            "mt/penalty-30/machine-translation.tmx",
            "apertium",
        )
    ]
    # what console mode wrote: the reviewed unit filled in from tm/auto/, the drafts not
    written = omegat / "target" / "harbour.de.xlf"
    _, (back,) = read_xliff(written)
    assert {u.source: u.target for u in back.units if u.target != u.source} == {
        "Harbour reopens": "Hafen öffnet wieder"
    }
    assert "No catalog changed" in run(project, "xliff", "import", str(written)).output
    assert _snapshot(project) == before


@needs_omegat
def test_omegat_brings_back_what_the_translator_typed_or_confirmed_and_nothing_else(tmp_path: Path) -> None:
    project, omegat = _handed_to_omegat(tmp_path)
    before = _snapshot(project)
    link = "Lesen Sie <g0>den ganzen Bericht</g0> auf Seite<x1/>4 heute."
    typed = {
        "Nothing else changed.": "Sonst hat sich nichts geändert.",  # a new translation
        "Harbour reopens": "Der Hafen ist wieder offen",  # reviewed work, changed
        ENGLISH[2]: link,  # the machine draft inserted from the Fuzzy Matches pane and confirmed
    }
    type_translations(omegat, tmp_path / "home", typed)
    result = run(project, "xliff", "import", str(omegat / "target" / "harbour.de.xlf"))
    assert "harbour.po: 3 entries updated" in result.output
    after = _snapshot(project)
    assert after["Nothing else changed."][:2] == ("Sonst hat sich nichts geändert.", ["fuzzy"])
    assert after["Harbour reopens"][:2] == ("Der Hafen ist wieder offen", ["fuzzy"])  # to review
    read, *_ = before["Read <1>the full report</1> on page<2/>4 today."]
    assert after["Read <1>the full report</1> on page<2/>4 today."][:2] == (read, ["fuzzy"])
    assert "machine translation" in before["Read <1>the full report</1> on page<2/>4 today."][3]
    assert "machine translation" not in after["Read <1>the full report</1> on page<2/>4 today."][3]
    untouched = {"Harbour news", "Ships return on Monday.", "The mayor thanked <1>everyone</1> who helped."}
    assert {k: after[k] for k in untouched} == {k: before[k] for k in untouched}


#: A reviewed plural in German (two forms, two English texts) and in Polish (three forms: the last two
#: share their English, which OmegaT shows as one segment).
PLURALS = {
    "de": ["<1>Ein</1> Schiff kehrt zurück.", "<1>%(n)s</1> Schiffe kehren zurück."],
    "pl": ["<1>Jeden</1> statek wraca.", "<1>%(n)s</1> statki wracają.", "<1>%(n)s</1> statków wraca."],
}


@needs_omegat
@pytest.mark.parametrize(("locale", "filled"), [("de", True), ("pl", False)])
def test_omegat_fills_a_reviewed_plural_only_when_each_form_has_its_own_english_and_it_comes_back_unchanged(
    tmp_path: Path, locale: str, filled: bool
) -> None:
    project = harbour_project(tmp_path / "harbour", locales=(locale,))
    add_plural(project, locale, "<1>One</1> ship returns.", "<1>%(n)s</1> ships return.", PLURALS[locale])
    omegat = make_project(tmp_path / "omegat", [], None, "en", locale)
    run(project, "xliff", "export", "-l", locale, "--for", "omegat", "-o", str(omegat))
    segments = segments_and_matches(omegat, tmp_path / "home")
    scores = {score for source, matches in segments.items() if "ship" in source for _, score, _, _ in matches}
    assert scores == ({100} if filled else {90})  # a Polish form filled in would fill the other with it
    written = omegat / "target" / f"harbour.{locale}.xlf"
    _, (back,) = read_xliff(written)
    (plural,) = [unit for unit in back.units if unit.forms]
    expected = PLURALS[locale] if filled else [form.source for form in plural.forms]
    assert [form.target for form in plural.forms] == expected
    before = catalog_of(project, locale)
    assert "No catalog changed" in run(project, "xliff", "import", str(written)).output
    assert [(e.msgstr_plural, e.flags) for e in catalog_of(project, locale)] == [
        (e.msgstr_plural, e.flags) for e in before
    ]


#: A term with a rendering forbidden in German (and one in French, which a German translator need not see
#: offered either).
HARBOUR_TERMS = "term,de,fr,note,forbidden\nharbour,Hafen,port,The city's port,de:Hafenanlage|fr:havre\n"


@needs_omegat
def test_omegat_offers_a_forbidden_rendering_beside_the_others_from_a_plain_tbx(tmp_path: Path) -> None:
    project = harbour_project(tmp_path / "harbour")
    (project / "glossary" / "terms.csv").write_text(HARBOUR_TERMS, encoding="utf-8")
    omegat = make_project(tmp_path / "omegat", [], None, "en", "de")
    run(project, "glossary", "export", "--format", "tbx", "-o", str(omegat / "glossary" / "terms.tbx"))
    pane = glossary_pane(omegat, tmp_path / "home")
    # why --forbidden-in-note exists: both renderings, one comment, nothing says which is forbidden
    assert [(source, target) for source, target, _ in pane] == [
        ("harbour", "Hafen"),
        ("harbour", "Hafenanlage"),
    ]
    assert pane[0][2] == pane[1][2]


@needs_omegat
def test_omegat_offers_only_allowed_renderings_and_its_comment_names_the_forbidden_one(
    tmp_path: Path,
) -> None:
    project = harbour_project(tmp_path / "harbour")
    (project / "glossary" / "terms.csv").write_text(HARBOUR_TERMS, encoding="utf-8")
    omegat = make_project(tmp_path / "omegat", [], None, "en", "de")
    tbx = omegat / "glossary" / "terms.tbx"
    run(project, "glossary", "export", "--format", "tbx", "--forbidden-in-note", "-o", str(tbx))
    ((source, target, comment),) = glossary_pane(omegat, tmp_path / "home")
    assert (source, target) == ("harbour", "Hafen")
    assert "The city's port | Forbidden in de: Hafenanlage | Forbidden in fr: havre" in comment


def _readme_omegat_commands() -> str:
    """The shell block of the README's OmegaT section, as a user copies it."""
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n### OmegaT\n", 1)[1]
    match = re.search(r"^```sh\n(.*?)^```", section, re.S | re.M)
    assert match, "README: the OmegaT section shows no ```sh block"
    return match.group(1)


@needs_omegat
def test_the_readmes_omegat_commands_fill_what_reviewed_work_knows_and_bring_it_back(tmp_path: Path) -> None:
    project = harbour_project(tmp_path / "harbour")
    (human, machine, tagged) = MEMORY
    with TranslationMemory(project / ".transpub" / "memory.sqlite") as memory:
        memory.add("en", "de", [human, tagged])
        memory.add("en", "de", [machine], origin="apertium")
    draft = ("Ships return on Monday.", "Schiffe kehren am Montag zurück.")  # the catalog's, unreviewed
    fill(project, "de", {draft[0]: (draft[1], "mt")})
    shim = tmp_path / "bin" / "transpub"  # (the transpub of this checkout, as the user's would be)
    shim.parent.mkdir()
    shim.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m transpub "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    variables = environment(tmp_path / "home")  # (the README's "tick ... External TMXs" done)
    variables["PATH"] = f"{shim.parent}{os.pathsep}{variables['PATH']}"
    variables["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(Path(__file__).parents[1] / "src"), variables.get("PYTHONPATH")])
    )
    result = subprocess.run(
        ["bash", "-e", "-c", _readme_omegat_commands()],
        cwd=project,
        env=variables,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    # the line the README quotes
    assert (
        "Wrote omegat-project/tm/auto/transpub.tmx (2 units; 1 machine translation not reviewed left out)"
        in result.stdout
    )
    assert "Wrote omegat-project/glossary/terms.tbx" in result.stdout
    assert (
        "Wrote omegat-project/tm/mt/penalty-30/machine-translation.tmx (1 machine translation not reviewed, "
        "offered as matches)" in result.stdout
    )
    assert "locales/de/LC_MESSAGES/harbour.po: 2 entries updated" in result.stdout
    translated = {e.msgid: (e.msgstr, "fuzzy" in e.flags) for e in catalog_of(project, "de") if e.msgstr}
    assert translated == {
        human[0]: (human[1], True),
        tagged[0]: (tagged[1], True),
        draft[0]: (draft[1], True),
    }
