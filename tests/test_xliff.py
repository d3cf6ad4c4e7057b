"""XLIFF 1.2 and 2.1: what an agency receives, and what comes back into the catalogs."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from exchange_project import assert_valid, catalog_of, fill, harbour_project, run
from transpub.exchange.xliff_workflow import export_xliff
from transpub.project import load_project

X2 = "{urn:oasis:names:tc:xliff:document:2.0}"
X12 = "{urn:oasis:names:tc:xliff:document:1.2}"
DATA = Path(__file__).parent / "data" / "xliff"
EXPORTED = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)
SLUG = "jingyue-platinum-industry"


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
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
    return project


def units(path: Path) -> dict[str, etree._Element]:
    root = etree.parse(str(path)).getroot()
    found = (
        root.iter(f"{X2}unit") if root.nsmap.get(None, "").endswith("2.0") else root.iter(f"{X12}trans-unit")
    )
    return {
        "".join(u.find(f".//{X2}source" if u.tag.startswith(X2) else f"{X12}source").itertext()): u
        for u in found
    }


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_the_sample_article_exports_as_the_golden_xliff(sample_project: Path, version: str) -> None:
    project = load_project(sample_project)
    export_xliff(project, "de", sample_project / "out", version=version, now=EXPORTED)
    written = (sample_project / "out" / f"{SLUG}.de.xlf").read_text(encoding="utf-8")
    assert written == (DATA / f"{SLUG}.de.{version}.xlf").read_text(encoding="utf-8")


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_exported_files_validate_against_the_oasis_schema(
    sample_project: Path, harbour: Path, version: str
) -> None:
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    run(
        sample_project,
        "xliff",
        "export",
        "-l",
        "zh_CN",
        "--version",
        version,
        "--single",
        "-o",
        str(sample_project / "out"),
    )
    assert_valid(harbour / "out" / "harbour.de.xlf", version)
    assert_valid(sample_project / "out" / "zh_CN.xlf", version)


def test_unit_ids_stay_the_same_across_exports(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "a"))
    fill(harbour, "de", {"Nothing else": ("Sonst nichts.", "reviewed")})
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "b"))
    first = {text: unit.get("id") for text, unit in units(harbour / "a" / "harbour.de.xlf").items()}
    second = {text: unit.get("id") for text, unit in units(harbour / "b" / "harbour.de.xlf").items()}
    assert first == second
    assert len(set(first.values())) == len(first) == 6


def test_states_notes_and_machine_provenance_in_xliff_2(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    found = units(harbour / "out" / "harbour.de.xlf")
    state = {text: u.find(f"{X2}segment").get("state") for text, u in found.items()}
    assert state["Harbour reopens"] == "final"
    assert state["Read the full report on page4 today."] == "translated"
    assert state["The mayor thanked everyone who helped."] == "translated"
    assert state["Nothing else changed."] == "initial"
    mt = found["Read the full report on page4 today."]
    assert mt.find(f"{X2}segment").get("subState") == "transpub:mt"
    notes = {n.get("category"): n.text for n in mt.iter(f"{X2}note")}
    assert notes["provenance"].startswith("machine translation by apertium")
    assert notes["placeholders"] == "Placeholders: <1>…</1> = link (a); <2/> = line break (br)"
    assert notes["context"].startswith("Paragraph: Read the full report")
    assert found["The mayor thanked everyone who helped."].find(f"{X2}segment").get("subState") is None


def test_placeholders_are_protected_inline_codes_in_xliff_2(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    unit = units(harbour / "out" / "harbour.de.xlf")["Read the full report on page4 today."]
    source = unit.find(f".//{X2}source")
    pc, ph = source.find(f"{X2}pc"), source.find(f"{X2}ph")
    assert (pc.get("id"), pc.text, pc.get("canDelete")) == ("1", "the full report", "no")
    assert ph.get("id") == "2"
    data = {d.get("id"): d.text for d in unit.iter(f"{X2}data")}
    assert data[pc.get("dataRefStart")] == "<a>" and data[pc.get("dataRefEnd")] == "</a>"
    assert data[ph.get("dataRef")] == "<br/>"
    target = unit.find(f".//{X2}target")
    assert target.find(f"{X2}pc").text == "den ganzen Bericht"


def test_states_and_inline_codes_in_xliff_1_2(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "--version", "1.2", "-o", str(harbour / "out"))
    found = units(harbour / "out" / "harbour.de.xlf")
    targets = {text: u.find(f"{X12}target") for text, u in found.items()}
    assert targets["Harbour reopens"].get("state") == "signed-off"
    mt = targets["Read the full report on page4 today."]
    assert (mt.get("state"), mt.get("state-qualifier")) == ("needs-review-translation", "mt-suggestion")
    assert targets["Nothing else changed."] is None
    source = found["Read the full report on page4 today."].find(f"{X12}source")
    assert source.find(f"{X12}g").get("ctype") == "link"
    assert source.find(f"{X12}x").get("ctype") == "lb"


def _edit(path: Path, source_start: str, target: str, state: str) -> None:
    """What a CAT tool does: set a unit's target (XML with inline codes) and state."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    v2 = root.tag.startswith(X2)
    for unit in root.iter(f"{X2}unit" if v2 else f"{X12}trans-unit"):
        source = unit.find(f".//{X2}source" if v2 else f"{X12}source")
        if not "".join(source.itertext()).startswith(source_start):
            continue
        holder = unit.find(f"{X2}segment") if v2 else unit
        old = holder.find(f"{X2}target" if v2 else f"{X12}target")
        if old is not None:
            holder.remove(old)
        ns = root.nsmap[None]
        new = etree.fromstring(f'<target xmlns="{ns}">{target}</target>')
        source.addnext(new)
        (holder if v2 else new).set("state", state)
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


def _entry(project: Path, locale: str, start: str):
    return next(e for e in catalog_of(project, locale) if e.msgid.startswith(start))


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_signed_off_units_come_back_reviewed_and_translated_ones_fuzzy(harbour: Path, version: str) -> None:
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    final = "final" if version == "2.1" else "signed-off"
    if version == "2.1":
        link = 'Lies <pc id="1" dataRefStart="o1" dataRefEnd="c1">den Bericht</pc> auf Seite<ph id="2" dataRef="p2"/>4.'
    else:
        link = 'Lies <g id="1" ctype="link">den Bericht</g> auf Seite<x id="2" ctype="lb"/>4.'
    _edit(path, "Read", link, final)
    _edit(path, "Nothing", "Sonst änderte sich nichts.", "translated")
    result = run(harbour, "xliff", "import", str(path))
    assert "harbour.po: 2 entries updated" in result.output
    read = _entry(harbour, "de", "Read")
    assert read.msgstr == "Lies <1>den Bericht</1> auf Seite<2/>4." and "fuzzy" not in read.flags
    assert "machine translation" not in read.tcomment  # no longer the machine's text
    nothing = _entry(harbour, "de", "Nothing")
    assert nothing.msgstr == "Sonst änderte sich nichts." and "fuzzy" in nothing.flags


def test_accept_translated_takes_translated_units_as_reviewed(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", "Sonst nichts.", "translated")
    run(harbour, "xliff", "import", "--accept-translated", str(path))
    assert "fuzzy" not in _entry(harbour, "de", "Nothing").flags


def test_a_unit_with_a_dropped_inline_code_is_rejected_with_its_line(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Read", "Lies den Bericht auf Seite 4.", "final")
    _edit(path, "Nothing", "Sonst nichts.", "final")
    result = run(harbour, "xliff", "import", str(path), code=1)
    line = next(i for i, text in enumerate(path.read_text().splitlines(), 1) if "Lies den Bericht" in text)
    assert f"Error: out/harbour.de.xlf:{line}: unit u-" in result.output
    assert "placeholder <1>…</1> is missing; not imported" in result.output
    assert _entry(harbour, "de", "Read").msgstr.startswith("Lesen Sie")  # the MT text stays
    assert _entry(harbour, "de", "Nothing").msgstr == "Sonst nichts."  # the good unit is imported


def test_codes_reordered_across_each_other_are_rejected(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "--version", "1.2", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    # the line break moved inside the link: nested differently from the source
    _edit(path, "Read", 'Lies <g id="1">den Bericht<x id="2"/></g> 4.', "signed-off")
    result = run(harbour, "xliff", "import", str(path), code=1)
    assert "nested differently from the source; not imported" in result.output


def test_a_unit_the_catalog_no_longer_has_is_reported(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", "Sonst nichts.", "final")
    article = harbour / "articles" / "harbour.html"
    article.write_text(article.read_text().replace("<p>Nothing else changed.</p>", ""))
    run(harbour, "extract", "--purge-obsolete")
    result = run(harbour, "xliff", "import", str(path))
    assert (
        "Warning: " in result.output and "is no longer in locales/de/LC_MESSAGES/harbour.po" in result.output
    )


def test_a_changed_article_keeps_the_translation_as_fuzzy_with_the_previous_source(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", "Sonst änderte sich nichts.", "final")
    article = harbour / "articles" / "harbour.html"
    article.write_text(article.read_text().replace("Nothing else changed.", "Nothing else has changed."))
    run(harbour, "extract")
    run(harbour, "xliff", "import", str(path))
    entry = _entry(harbour, "de", "Nothing else has")
    assert entry.msgstr == "Sonst änderte sich nichts."
    assert "fuzzy" in entry.flags and entry.previous_msgid == "Nothing else changed."


def test_a_reviewed_entry_is_not_overwritten_by_an_older_export(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Harbour reopens", "Der Hafen ist wieder offen", "final")
    po = catalog_of(harbour, "de")  # the desk revises the title after the export
    po.metadata["PO-Revision-Date"] = "2099-01-01 10:00+0000"
    next(e for e in po if e.msgid == "Harbour reopens").msgstr = "Hafen wieder geöffnet"
    po.save()
    result = run(harbour, "xliff", "import", str(path))
    assert (
        "kept the reviewed translation (the catalog was revised after this XLIFF was exported)"
        in result.output
    )
    assert _entry(harbour, "de", "Harbour reopens").msgstr == "Hafen wieder geöffnet"


def test_an_agency_may_correct_a_reviewed_entry_after_the_export(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Harbour reopens", "Der Hafen ist wieder offen", "final")
    run(harbour, "xliff", "import", str(path))
    assert _entry(harbour, "de", "Harbour reopens").msgstr == "Der Hafen ist wieder offen"


def _catalog_bytes(project: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in sorted((project / "locales").rglob("*.po"))}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t.replace("</unit>", "</unt>", 1), "not well-formed XML"),
        (
            lambda t: t.replace('tp:project="harbour"', 'tp:project="Other News"'),
            "is for project 'Other News'",
        ),
        (
            lambda t: t.replace('trgLang="de"', 'trgLang="ja"'),
            "target language 'ja' is not one of the project's",
        ),
    ],
    ids=["malformed", "other-project", "other-language"],
)
def test_bad_xliff_is_one_error_line_and_changes_no_catalog(harbour: Path, change, message: str) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", "Sonst nichts.", "final")
    good = harbour / "out" / "good.xlf"
    shutil.copy(path, good)
    path.write_text(change(path.read_text()))
    before = _catalog_bytes(harbour)
    result = run(harbour, "xliff", "import", str(good), str(path), code=1)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0] and "out/harbour.de.xlf:" in errors[0]
    assert "Traceback" not in result.output
    assert _catalog_bytes(harbour) == before


def test_one_file_per_locale_comes_back_into_each_article_catalog(harbour: Path) -> None:
    (harbour / "articles" / "weather.html").write_text(
        "<html><body><p>Rain is expected.</p></body></html>", encoding="utf-8"
    )
    run(harbour, "extract")
    run(harbour, "xliff", "export", "-l", "de", "--single", "-o", str(harbour / "out"))
    path = harbour / "out" / "de.xlf"
    assert [f.get("original") for f in etree.parse(str(path)).getroot().iter(f"{X2}file")] == [
        "articles/harbour.html",
        "articles/weather.html",
    ]
    _edit(path, "Rain", "Es wird Regen erwartet.", "final")
    _edit(path, "Nothing", "Sonst nichts.", "final")
    result = run(harbour, "xliff", "import", str(path))
    assert "harbour.po: 1 entry updated" in result.output and "weather.po: 1 entry updated" in result.output
    assert next(e for e in catalog_of(harbour, "de", "weather") if e.msgid == "Rain is expected.").msgstr == (
        "Es wird Regen erwartet."
    )


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_copy_source_gives_untranslated_units_their_source_as_target_and_imports_nothing(
    harbour: Path, version: str
) -> None:
    run(
        harbour,
        "xliff",
        "export",
        "-l",
        "de",
        "--version",
        version,
        "--copy-source",
        "-o",
        str(harbour / "out"),
    )
    path = harbour / "out" / "harbour.de.xlf"
    assert_valid(path, version)
    unit = units(path)["Nothing else changed."]
    if version == "1.2":
        target = unit.find(f"{X12}target")
        assert (target.text, target.get("state")) == ("Nothing else changed.", "needs-translation")
    else:
        assert unit.find(f"{X2}segment").get("state") == "initial"
        assert unit.find(f".//{X2}target").text == "Nothing else changed."
    link = units(path)["Read the full report on page4 today."]  # translated units keep their target
    assert "".join(link.find(f".//{X2 if version == '2.1' else X12}target").itertext()).startswith(
        "Lesen Sie"
    )
    before = _catalog_bytes(harbour)
    result = run(harbour, "xliff", "import", str(path))
    assert "updated" not in result.output
    assert _catalog_bytes(harbour) == before


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_translation_left_in_a_not_yet_translated_state_comes_back_fuzzy(
    harbour: Path, version: str
) -> None:
    """What OmegaT 3.6 does: it replaces the target's text and leaves its state alone."""
    run(
        harbour,
        "xliff",
        "export",
        "-l",
        "de",
        "--version",
        version,
        "--copy-source",
        "-o",
        str(harbour / "out"),
    )
    path = harbour / "out" / "harbour.de.xlf"
    path.write_text(path.read_text().replace(">Nothing else changed.</target>", ">Sonst nichts.</target>"))
    result = run(harbour, "xliff", "import", str(path))
    assert "harbour.po: 1 entry updated" in result.output
    entry = _entry(harbour, "de", "Nothing")
    assert entry.msgstr == "Sonst nichts." and "fuzzy" in entry.flags
