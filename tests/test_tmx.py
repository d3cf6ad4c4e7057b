"""TMX 1.4b: the translation memory out to CAT tools and in from them, feeding pre-fill."""

from __future__ import annotations

import re
import tracemalloc
from pathlib import Path

import pytest
from lxml import etree

from exchange_project import catalog_of, harbour_project, run
from transpub.memory import TranslationMemory

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"

AGENCY_TMX = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="SDL Trados" creationtoolversion="16" segtype="sentence" o-tmf="sdlxliff"
          adminlang="en-US" srclang="en-US" datatype="xml"/>
  <body>
    <tu creationdate="20250105T101500Z" creationid="AGENCY\\anna">
      <tuv xml:lang="en-US"><seg>Harbour reopens</seg></tuv>
      <tuv xml:lang="de-DE"><seg>Hafen wieder offen</seg></tuv>
    </tu>
    <tu creationdate="20240101T000000Z" changedate="20240101T000000Z">
      <tuv xml:lang="en-US"><seg>Harbour reopens</seg></tuv>
      <tuv xml:lang="de-DE"><seg>Alter Hafen-Titel</seg></tuv>
    </tu>
    <tu creationdate="20250105T101600Z">
      <tuv xml:lang="en-US"><seg>The mayor thanked <bpt i="1">&lt;em&gt;</bpt>everybody<ept i="1">&lt;/em&gt;</ept> who helped.</seg></tuv>
      <tuv xml:lang="de-DE"><seg>Der Bürgermeister dankte <bpt i="1">&lt;em&gt;</bpt>allen<ept i="1">&lt;/em&gt;</ept>, die halfen.</seg></tuv>
      <tuv xml:lang="ja-JP"><seg>市長は手伝った皆に感謝した。</seg></tuv>
    </tu>
  </body>
</tmx>
"""


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    return harbour_project(tmp_path / "harbour")


def _memory(project: Path) -> TranslationMemory:
    return TranslationMemory(project / ".transpub" / "memory.sqlite")


def test_export_writes_dates_author_origin_and_inline_codes(harbour: Path) -> None:
    with _memory(harbour) as memory:
        memory.add(
            "en", "de", [("Read <1>the report</1> on page<2/>4.", "Lies <1>den Bericht</1> auf Seite<2/>4.")]
        )
        memory.add("en", "de", [("Ships return.", "Schiffe kehren zurück.")], origin="apertium")
        memory.add("en", "de", [("a piece", "ein Stück")], origin="apertium:piece")
        memory.add("en", "fr", [("Ships return.", "Les navires reviennent.")])
    run(harbour, "memory", "export", "-o", str(harbour / "de.tmx"), "-l", "de")
    root = etree.parse(str(harbour / "de.tmx")).getroot()
    assert root.get("version") == "1.4" and root.find("header").get("srclang") == "en"
    units = root.findall("body/tu")
    assert len(units) == 2  # pieces of texts and other languages are left out
    first = units[0]
    assert (
        first.get("creationdate").endswith("Z")
        and first.get("changedate")
        and first.get("creationid") == "transpub"
    )
    assert first.find("prop").get("type") == "x-origin" and first.find("prop").text == "human"
    seg = first.find("tuv/seg")
    assert [c.tag for c in seg] == ["bpt", "ept", "ph"]
    assert seg.find("bpt").get("i") == seg.find("ept").get("i") == "1"
    # each code's content is the XLIFF 1.2 element of the same placeholder, as OmegaT matches codes by it
    assert [c.text for c in seg] == ['<g id="1">', "</g>", '<x id="2"/>']
    assert units[1].find("prop").text == "apertium"
    assert [t.get(XML_LANG) for t in units[1].findall("tuv")] == ["en", "de"]


def test_export_holds_the_translations_reviewed_in_the_catalogs_before_any_translate_run(
    harbour: Path,
) -> None:
    # the memory learns reviewed work when translate runs: a project translated by hand, then
    # exported for OmegaT (README), gave a TMX of 0 units
    from exchange_project import fill

    fill(
        harbour, "de", {"Harbour reopens": ("Hafen wieder offen", "reviewed"), "The mayor": ("Der…", "fuzzy")}
    )
    run(harbour, "memory", "export", "-o", str(harbour / "de.tmx"), "-l", "de")
    units = etree.parse(str(harbour / "de.tmx")).getroot().findall("body/tu")
    pairs = [[seg.text for seg in unit.findall("tuv/seg")] for unit in units]
    assert pairs == [["Harbour reopens", "Hafen wieder offen"]]  # the fuzzy one is not reviewed work
    assert units[0].find("prop").text == "human"
    assert not (harbour / ".transpub" / "memory.sqlite").exists()  # (an export writes no memory)


def test_export_refuses_a_catalog_it_cannot_read_naming_its_line_and_writes_no_file(harbour: Path) -> None:
    # an unreadable catalog was left out in silence: "Wrote de.tmx (0 units)", exit 0, its reviewed
    # work missing from what goes to the agency
    from exchange_project import fill

    fill(harbour, "de", {"Harbour reopens": ("Hafen wieder offen", "reviewed")})
    po = harbour / "locales" / "de" / "LC_MESSAGES" / "harbour.po"
    lines = po.read_text(encoding="utf-8").splitlines(keepends=True)
    broken = next(i for i, line in enumerate(lines) if line.startswith('msgstr "Hafen'))
    lines[broken] = 'msgstr "Hafen "wieder" offen"\n'
    po.write_text("".join(lines), encoding="utf-8")
    result = run(harbour, "memory", "export", "-o", str(harbour / "de.tmx"), "-l", "de", code=1)
    assert f"Error: locales/de/LC_MESSAGES/harbour.po:{broken + 1}:" in result.output
    assert not (harbour / "de.tmx").exists()


def test_import_maps_languages_and_codes_and_merges_duplicates(harbour: Path) -> None:
    (harbour / "agency.tmx").write_text(AGENCY_TMX, encoding="utf-8")
    result = run(harbour, "memory", "import", str(harbour / "agency.tmx"))
    assert "2 added, 0 updated, 0 already in the memory, 1 duplicate merged" in result.output
    assert (
        "Warning: 1 unit in ja-JP skipped: not a language of this project (de, fr; add it to" in result.output
    )
    with _memory(harbour) as memory:
        title = memory.exact("en", "de", "Harbour reopens")
        mayor = memory.exact("en", "de", "The mayor thanked <1>everybody</1> who helped.")
        entries = {e.source: e for e in memory.entries("de")}
    assert title is not None and title.target == "Hafen wieder offen"  # the newer of the two
    assert mayor is not None and mayor.target == "Der Bürgermeister dankte <1>allen</1>, die halfen."
    assert entries["Harbour reopens"].creator == "AGENCY\\anna"
    stats = run(harbour, "memory", "stats").output
    assert "en→de  human" in stats and "2 entries" in stats


def test_importing_the_same_memory_again_says_its_units_are_already_there(harbour: Path) -> None:
    # it said "0 added, 0 updated, 0 duplicates merged", as if the file had held nothing
    (harbour / "agency.tmx").write_text(AGENCY_TMX, encoding="utf-8")
    run(harbour, "memory", "import", str(harbour / "agency.tmx"))
    again = run(harbour, "memory", "import", str(harbour / "agency.tmx"))
    assert "0 added, 0 updated, 2 already in the memory, 1 duplicate merged" in again.output


@pytest.mark.parametrize("record", ["apertium:rejected", "apertium:piece"])
def test_a_tmx_cannot_pass_its_units_off_as_transpubs_own_records(harbour: Path, record: str) -> None:
    # "apertium:rejected" kept translate from ever sending the text to Apertium; "apertium:piece"
    # made the text Apertium's reply for that piece of a long sentence
    tmx = AGENCY_TMX.replace(
        '<tu creationdate="20250105T101500Z" creationid="AGENCY\\anna">',
        f'<tu creationdate="20250105T101500Z"><prop type="x-origin">{record}</prop>',
    )
    (harbour / "agency.tmx").write_text(tmx, encoding="utf-8")
    result = run(harbour, "memory", "import", str(harbour / "agency.tmx"))
    assert "1 unit with an origin of transpub's own records" in result.output
    with _memory(harbour) as memory:
        assert not [e for e in memory.entries("de") if e.origin == record]
        assert memory.exact("en", "de", "Harbour reopens").target == "Alter Hafen-Titel"  # the other unit


def test_imported_memory_fills_exact_and_close_matches(harbour: Path) -> None:
    (harbour / "agency.tmx").write_text(AGENCY_TMX, encoding="utf-8")
    run(harbour, "memory", "import", str(harbour / "agency.tmx"))
    run(harbour, "translate", "-l", "de", "--engine", "tm")
    entries = {e.msgid: e for e in catalog_of(harbour, "de")}
    assert entries["Harbour reopens"].msgstr == "Hafen wieder offen"
    assert "translation memory exact match" in entries["Harbour reopens"].tcomment
    mayor = entries["The mayor thanked <1>everyone</1> who helped."]
    assert mayor.msgstr == "Der Bürgermeister dankte <1>allen</1>, die halfen." and "fuzzy" in mayor.flags
    assert "% match" in mayor.tcomment


def test_a_tmx_exported_and_imported_elsewhere_keeps_everything(harbour: Path, tmp_path: Path) -> None:
    with _memory(harbour) as memory:
        memory.add(
            "en", "de", [("Read <1>the report</1> on page<2/>4.", "Lies <1>den Bericht</1> auf Seite<2/>4.")]
        )
    run(harbour, "memory", "export", "-o", str(tmp_path / "all.tmx"))
    other = harbour_project(tmp_path / "other")
    run(other, "memory", "import", str(tmp_path / "all.tmx"))
    with _memory(harbour) as a, _memory(other) as b:
        assert [(e.source, e.target, e.origin, int(e.created)) for e in a.entries()] == [
            (e.source, e.target, e.origin, int(e.created)) for e in b.entries()
        ]


@pytest.mark.parametrize(
    ("text", "message", "line"),
    [
        (AGENCY_TMX.replace(' srclang="en-US"', ""), "names no source language (srclang)", 4),
        (AGENCY_TMX.replace("</tu>", "</tuv>", 1), "not well-formed XML", 9),
        (
            AGENCY_TMX.replace('srclang="en-US"', 'srclang="fr-FR"'),
            "source language 'fr-FR' is not the project's",
            None,
        ),
        (
            AGENCY_TMX.replace('<ept i="1">&lt;/em&gt;</ept>, die', '<ept i="7">&lt;/em&gt;</ept>, die'),
            "<ept> without its <bpt>",
            16,
        ),
        (  # the first problem in the file is not the one a reader of the whole file meets first
            AGENCY_TMX.replace('srclang="en-US"', 'srclang="fr-FR"').replace("</tmx>", "</tmx", 1),
            "not well-formed XML",
            21,
        ),
        (
            AGENCY_TMX.replace(
                '<ept i="1">&lt;/em&gt;</ept>, die', '<ept i="7">&lt;/em&gt;</ept>, die'
            ).replace("</body>", "</bdy>"),
            "not well-formed XML",
            19,
        ),
        (  # not expanded: "Alter Hafen-Titel" was stored as " Hafen-Titel"
            AGENCY_TMX.replace("?>\n", '?>\n<!DOCTYPE tmx [<!ENTITY old "Alter">]>\n', 1).replace(
                "Alter Hafen", "&old; Hafen"
            ),
            "entity reference &old; in a unit",
            13,
        ),
        (  # invisible in a CAT tool, refused by compile: the agency's file is at fault
            AGENCY_TMX.replace("Alter Hafen-Titel", "Alter&#x9B;2J Hafen-Titel"),
            "its de-DE text: control character U+009B would be written into the page",
            12,
        ),
    ],
    ids=[
        "no-source-language",
        "malformed",
        "other-source-language",
        "code-without-its-start",
        "other-source-language-then-malformed",
        "code-without-its-start-then-malformed",
        "declared-entity",
        "control-character",
    ],
)
def test_bad_tmx_is_one_error_line_and_stores_nothing(
    harbour: Path, text: str, message: str, line: int | None
) -> None:
    (harbour / "bad.tmx").write_text(text, encoding="utf-8")
    result = run(harbour, "memory", "import", str(harbour / "bad.tmx"), code=1)
    errors = [x for x in result.output.splitlines() if x.startswith("Error:")]
    assert len(errors) == 1 and message in errors[0], result.output
    assert errors[0].startswith("Error: bad.tmx:" + (f"{line}:" if line else ""))
    assert "Nothing was stored." in result.output
    with _memory(harbour) as memory:
        assert memory.count() == 0


def test_a_nul_byte_in_a_tmx_is_one_error_line_with_its_position(harbour: Path) -> None:
    """lxml ends this message with a line break: ", line 12, column …" was a line of its own."""
    (harbour / "bad.tmx").write_text(AGENCY_TMX.replace("Alter", "Al\x00ter"), encoding="utf-8")
    result = run(harbour, "memory", "import", str(harbour / "bad.tmx"), code=1)
    first, *rest = result.output.splitlines()
    assert re.fullmatch(
        r"Error: bad\.tmx:12:\d+: not well-formed XML: Invalid character: Char 0x0 out of allowed range",
        first,
    ), first
    assert rest == ["Nothing was stored."]


def test_memory_export_with_a_control_character_in_a_stored_translation_writes_a_valid_tmx(
    harbour: Path, tmp_path: Path
) -> None:
    # an engine's JSON reply can say "\u000b" or "\u001b"; XML 1.0 cannot hold either
    with _memory(harbour) as memory:
        memory.add("en", "de", [("The bell rang.", "Die Glocke\x0b läutete\x1b[0m.")], "libre")
        memory.add("en", "de", [("Harbour reopens", "Hafen wieder offen")])
    result = run(harbour, "memory", "export", "-o", str(tmp_path / "out.tmx"))
    assert "Traceback" not in result.output
    segments = [seg.text for seg in etree.parse(str(tmp_path / "out.tmx")).iter("seg")]
    assert "Die Glocke\ufffd läutete\ufffd[0m." in segments and "Hafen wieder offen" in segments


def _tmx_of(units: int, *, end: str = "</body></tmx>\n") -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en"/><body>\n'
        + "".join(
            f'<tu><tuv xml:lang="en"><seg>The council met on day {n}.</seg></tuv>'
            f'<tuv xml:lang="de"><seg>Der Rat tagte am Tag {n}.</seg></tuv></tu>\n'
            for n in range(units)
        )
        + end
    )


def test_a_large_tmx_is_imported_holding_a_few_units_at_a_time(harbour: Path) -> None:
    """The memory an import takes does not grow with the file (a 300,000-unit TMX took 900 MB)."""
    from transpub.exchange.memory_workflow import import_tmx
    from transpub.project import load_project

    (harbour / "large.tmx").write_text(_tmx_of(6000), encoding="utf-8")
    project = load_project(harbour)
    tracemalloc.start()
    try:
        report = import_tmx(project, [harbour / "large.tmx"])
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert (report.added, report.errors) == (6000, [])
    assert peak < 2_000_000  # (every unit held at once: 5 MB)
    with _memory(harbour) as memory:
        assert memory.exact("en", "de", "The council met on day 5999.").target == "Der Rat tagte am Tag 5999."


def test_a_tmx_broken_at_its_end_after_a_good_one_stores_nothing_of_either(harbour: Path) -> None:
    (harbour / "good.tmx").write_text(_tmx_of(3), encoding="utf-8")
    (harbour / "cut.tmx").write_text(_tmx_of(3, end="</body>\n"), encoding="utf-8")
    result = run(harbour, "memory", "import", str(harbour / "good.tmx"), str(harbour / "cut.tmx"), code=1)
    errors = [x for x in result.output.splitlines() if x.startswith("Error:")]
    assert len(errors) == 1 and re.match(r"Error: cut\.tmx:7:\d+: not well-formed XML", errors[0]), (
        result.output
    )
    with _memory(harbour) as memory:
        assert memory.count() == 0


def test_a_close_match_whose_source_and_translation_both_hold_a_control_character_fills_nothing(
    harbour: Path,
) -> None:
    """The TMX check compares a unit with its own source: DEL in both passed it, and pre-fill put the
    close match's DEL into the catalog for a msgid without one (compile then refused the entry)."""
    tmx = AGENCY_TMX.replace("everybody<ept", "everybody\x7f<ept").replace("allen<ept", "allen\x7f<ept")
    (harbour / "agency.tmx").write_text(tmx, encoding="utf-8")
    run(harbour, "memory", "import", str(harbour / "agency.tmx"))
    run(harbour, "translate", "-l", "de", "--engine", "tm")
    entries = {e.msgid: e for e in catalog_of(harbour, "de")}
    assert entries["Harbour reopens"].msgstr == "Hafen wieder offen"  # (the other units fill as before)
    assert "\x7f" not in entries["The mayor thanked <1>everyone</1> who helped."].msgstr


def test_a_malformed_tmx_is_one_error_at_its_line_and_column_named_once(harbour: Path) -> None:
    """lxml added ", line 1, column 27" to libxml's message; the error names the position once, first."""
    (harbour / "bad.tmx").write_text('<tmx version="1.4"><header', encoding="utf-8")
    result = run(harbour, "memory", "import", str(harbour / "bad.tmx"), code=1)
    assert result.output.splitlines() == [
        "Error: bad.tmx:1:27: not well-formed XML: Couldn't find end of Start Tag header",
        "Nothing was stored.",
    ]


def test_a_memory_export_leaves_out_a_translation_with_broken_placeholders_and_imports_again(
    harbour: Path, tmp_path: Path
) -> None:
    # a reviewed "Der Bürgermeister dankte <1>allen</2>" was written as <bpt i="1">…<ept i="2">: the
    # exported file was refused by `memory import` itself ("<ept> without its <bpt>") and by CAT tools
    from exchange_project import fill

    fill(
        harbour,
        "de",
        {
            "Harbour reopens": ("Hafen wieder offen", "reviewed"),
            "The mayor": ("Der Bürgermeister dankte <1>allen</2>, die halfen.", "reviewed"),
        },
    )
    result = run(harbour, "memory", "export", "-o", str(tmp_path / "de.tmx"), "-l", "de")
    assert "1 translation left out: its placeholders are broken" in result.output
    assert "transpub check -l de" in result.output
    other = harbour_project(tmp_path / "other")
    run(other, "memory", "import", str(tmp_path / "de.tmx"))
    with _memory(other) as memory:
        assert [(e.source, e.target) for e in memory.entries()] == [("Harbour reopens", "Hafen wieder offen")]


def test_export_of_two_locales_writes_a_file_for_each_named_after_it(harbour: Path) -> None:
    from exchange_project import fill

    fill(harbour, "de", {"Harbour reopens": ("Hafen wieder offen", "reviewed")})
    fill(harbour, "fr", {"Harbour reopens": ("Le port rouvre", "reviewed")})
    result = run(harbour, "memory", "export", "-o", str(harbour / "memory.tmx"), "-l", "de", "-l", "fr")
    assert "memory.de.tmx (1 unit)" in result.output and "memory.fr.tmx (1 unit)" in result.output
    languages = {
        name: set(re.findall(r'xml:lang="([^"]+)"', (harbour / name).read_text(encoding="utf-8")))
        for name in ("memory.de.tmx", "memory.fr.tmx")
    }
    assert languages == {"memory.de.tmx": {"en", "de"}, "memory.fr.tmx": {"en", "fr"}}
    assert not (harbour / "memory.tmx").exists()


def test_a_human_only_export_leaves_out_machine_translations_no_translator_reviewed(harbour: Path) -> None:
    from exchange_project import fill

    mayor = (
        "The mayor thanked <1>everyone</1> who helped.",
        "Der Bürgermeister dankte <1>allen</1>, die halfen.",
    )
    with _memory(harbour) as memory:
        memory.add("en", "de", [("Harbour reopens", "Hafen wieder offen")])
        memory.add("en", "de", [("Ships return on Monday.", "Schiffe kehren am Montag zurück.")], "apertium")
        memory.add("en", "de", [mayor], "apertium")
    fill(harbour, "de", {"The mayor": (mayor[1], "reviewed")})  # a translator kept this reply as it was
    result = run(harbour, "memory", "export", "--human-only", "-l", "de", "-o", str(harbour / "auto.tmx"))
    assert "auto.tmx (2 units; 1 machine translation not reviewed left out)" in result.output
    root = etree.parse(str(harbour / "auto.tmx")).getroot()
    units = {tu.find("tuv/seg").xpath("string()"): tu.find("prop").text for tu in root.findall("body/tu")}
    assert units == {
        "Harbour reopens": "human",
        'The mayor thanked <g id="1">everyone</g> who helped.': "human",
    }
    # without it, the memory's machine output goes too, marked with its engine
    run(harbour, "memory", "export", "-l", "de", "-o", str(harbour / "all.tmx"))
    origins = [
        tu.find("prop").text for tu in etree.parse(str(harbour / "all.tmx")).getroot().findall("body/tu")
    ]
    assert sorted(origins) == ["apertium", "apertium", "human"]
