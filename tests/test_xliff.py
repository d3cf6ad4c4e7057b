"""XLIFF 1.2 and 2.1: what an agency receives, and what comes back into the catalogs."""

from __future__ import annotations

import hashlib
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from lxml import etree

from exchange_project import (
    COMMITTED_SCHEMAS,
    SCHEMA_FILES,
    add_plural,
    assert_valid,
    catalog_of,
    fill,
    harbour_project,
    run,
)
from transpub.exchange.tmx import read_tmx
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
@pytest.mark.parametrize("options", [[], ["--single"], ["--copy-source"], ["--single", "--copy-source"]])
def test_exported_files_validate_against_the_oasis_schema(
    sample_project: Path, harbour: Path, version: str, options: list[str]
) -> None:
    """Every export variant, with codes, states, notes, a plural group and the sample article in Chinese."""
    add_plural(
        harbour, "de", "<1>One</1> ship returns.", "<1>%(n)s</1> ships return.", ["<1>Ein</1> Schiff.", ""]
    )
    for project, locale in ((harbour, "de"), (sample_project, "zh_CN")):
        out = project / "out"
        run(project, "xliff", "export", "-l", locale, "--version", version, *options, "-o", str(out))
        written = sorted(out.glob("*.xlf"))
        assert written
        for path in written:
            assert_valid(path, version)


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
    assert notes["placeholders"] == "Placeholders: <1>…</1> = link (a) to /report; <2/> = line break (br)"
    assert notes["context"].startswith("Paragraph: Read the full report")
    assert found["The mayor thanked everyone who helped."].find(f"{X2}segment").get("subState") is None


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_machine_translation_a_translator_reviewed_in_poedit_exports_as_reviewed_not_as_machine_output(
    harbour: Path, version: str
) -> None:
    """Poedit keeps the ``transpub: machine translation by …`` comment when a translator edits the
    text and clears "Needs work": reviewed work, as compile counts it, not an MT suggestion to re-check."""
    fill(harbour, "de", {"Read the full report": ("Lesen Sie <1>den Bericht</1><2/> heute.", "mt")})
    po = harbour / "locales" / "de" / "LC_MESSAGES" / "harbour.po"
    po.write_text(po.read_text(encoding="utf-8").replace("#, fuzzy\n", "", 1), encoding="utf-8")
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    unit = units(harbour / "out" / "harbour.de.xlf")["Read the full report on page4 today."]
    if version == "2.1":
        segment = unit.find(f"{X2}segment")
        assert (segment.get("state"), segment.get("subState")) == ("final", None)
        notes = {n.get("category"): n.text for n in unit.iter(f"{X2}note")}
        assert notes["provenance"].startswith("machine translation by apertium")  # (its history stays)
    else:
        target = unit.find(f"{X12}target")
        assert (target.get("state"), target.get("state-qualifier")) == ("signed-off", None)


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


def test_a_unit_a_reviewer_marked_reviewed_in_xliff_2_comes_back_reviewed(harbour: Path) -> None:
    # XLIFF 2.1's states are initial, translated, reviewed, final: a reviewer's "reviewed" is reviewed work
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", "Sonst nichts.", "reviewed")
    run(harbour, "xliff", "import", str(path))
    nothing = _entry(harbour, "de", "Nothing")
    assert nothing.msgstr == "Sonst nichts." and "fuzzy" not in nothing.flags


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


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_an_xliff_source_with_codes_the_catalog_lacks_cannot_bring_them_into_a_translation(
    harbour: Path, version: str
) -> None:
    """A unit's own <source> given a code the catalog's text does not have (a crafted or edited
    file): the target's placeholders are held to the catalog's msgid, and the unit is not imported."""
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    text = path.read_text(encoding="utf-8")
    if version == "2.1":
        code, target = '<ph id="9" dataRef="p9"/>', 'Sonst<ph id="9" dataRef="p9"/> nichts.'
    else:
        code, target = '<x id="9" ctype="lb"/>', 'Sonst<x id="9" ctype="lb"/> nichts.'
    path.write_text(text.replace("Nothing else changed.", f"Nothing{code} else changed."), encoding="utf-8")
    _edit(path, "Nothing", target, "final" if version == "2.1" else "signed-off")
    before = _catalog_bytes(harbour)
    result = run(harbour, "xliff", "import", str(path), code=1)
    assert (
        "placeholder <9/> is not in the source (the catalog's msgid, which differs from the unit's"
        " <source>); not imported" in result.output
    )
    assert _catalog_bytes(harbour) == before
    assert "<9/>" not in _entry(harbour, "de", "Nothing").msgstr


def _exported_with(harbour: Path, paragraph: str, version: str) -> Path:
    """The German XLIFF of the harbour article once its last paragraph is ``paragraph``."""
    article = harbour / "articles" / "harbour.html"
    article.write_text(article.read_text().replace("<p>Nothing else changed.</p>", paragraph))
    run(harbour, "extract")
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    return harbour / "out" / "harbour.de.xlf"


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_text_that_looks_like_a_placeholder_travels_as_text_through_xliff(
    harbour: Path, version: str
) -> None:
    """An article's own ``<1>`` (``Press &lt;1&gt;``) is text in the XLIFF, as the translator reads it,
    and a ``<1>`` the translator types as text comes back as text, not as the source's markup."""
    path = _exported_with(harbour, "<p>Press &lt;1&gt; to call.</p>", version)
    assert "Press &lt;1&gt; to call." in path.read_text(encoding="utf-8")  # not &amp;lt;1
    _edit(path, "Press", "Drücken Sie &lt;1&gt; zum Anrufen.", "final" if version == "2.1" else "signed-off")
    run(harbour, "xliff", "import", str(path))
    assert _entry(harbour, "de", "Press").msgstr == "Drücken Sie &lt;1> zum Anrufen."
    run(harbour, "compile", "-l", "de", "--threshold", "0")
    page = (harbour / "site" / "de" / "harbour.html").read_text(encoding="utf-8")
    assert "Drücken Sie &lt;1&gt; zum Anrufen." in page


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
        # read as a stream: a broken end is still found, and named before an earlier broken unit
        (lambda t: t.replace("</xliff>", "<oops></xliff>"), "not well-formed XML"),
        (
            lambda t: re.sub(r"<source>.*?</source>", "", t, count=1, flags=re.S).replace(
                "</xliff>", "<oops></xliff>"
            ),
            "not well-formed XML",
        ),
        (
            lambda t: re.sub(r"<source>.*?</source>", "", t, count=1, flags=re.S),
            "has a part without <source>",
        ),
        (
            lambda t: t.replace('tp:project="harbour"', 'tp:project="Other News"'),
            "is for project 'Other News'",
        ),
        (
            lambda t: t.replace('trgLang="de"', 'trgLang="ja"'),
            "target language 'ja' is not one of the project's",
        ),
        (
            # a German file whose original leads into the French catalogs
            lambda t: t.replace(
                'original="articles/harbour.html"', 'original="articles/../../fr/LC_MESSAGES/harbour.html"'
            ),
            "original 'articles/../../fr/LC_MESSAGES/harbour.html' names no file below articles/",
        ),
        (
            lambda t: t.replace(
                'original="articles/harbour.html"', 'original="locales/fr/LC_MESSAGES/harbour.html"'
            ),
            "names no file below articles/",
        ),
        (
            # an entity the document declares is not expanded: the unit came in as "  nichts." (final)
            lambda t: t.replace("?>\n", '?>\n<!DOCTYPE xliff [<!ENTITY e "Sonst">]>\n', 1).replace(
                "Sonst nichts.", "&e; nichts."
            ),
            "entity reference &e; in a unit",
        ),
    ],
    ids=[
        "malformed",
        "malformed-at-the-end",
        "unit-without-source-then-malformed",
        "unit-without-source",
        "other-project",
        "other-language",
        "original-into-another-locale",
        "original-outside-articles",
        "declared-entity",
    ],
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


@pytest.mark.parametrize(
    ("version", "attribute", "tag"), [("2.1", "trgLang", "<xliff "), ("1.2", "target-language", "<file ")]
)
def test_a_file_for_another_language_is_named_at_the_line_that_says_its_language(
    harbour: Path, version: str, attribute: str, tag: str
) -> None:
    # XLIFF 2 names its languages on <xliff>: the error named the line of <file>, which says none
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    path.write_text(
        path.read_text(encoding="utf-8").replace(f'{attribute}="de"', f'{attribute}="ja"'), encoding="utf-8"
    )
    result = run(harbour, "xliff", "import", str(path), code=1)
    line = _line_of(path, tag)
    assert (
        f"Error: out/harbour.de.xlf:{line}: target language 'ja' is not one of the project's" in result.output
    )


def test_a_nul_byte_in_an_xliff_is_one_error_line_with_its_position(harbour: Path) -> None:
    """lxml ends this message with a line break: shown as is, ", line 64, column 19" was a second
    line of the output, under no file name."""
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    path.write_bytes(path.read_bytes().replace(b"Nothing", b"No\x00thing", 1))
    result = run(harbour, "xliff", "import", str(path), code=1)
    first, *rest = result.output.splitlines()
    assert re.fullmatch(
        r"Error: out/harbour\.de\.xlf:\d+:19: not well-formed XML: Invalid character: Char 0x0 out of allowed range",
        first,
    ), first
    assert rest == ["Nothing was written."]


def test_two_articles_whose_names_meet_in_one_file_name_each_get_their_own_file(harbour: Path) -> None:
    # 2024/story and 2024--story are both "2024--story": the second file overwrote the first
    (harbour / "articles" / "2024").mkdir()
    (harbour / "articles" / "2024" / "story.html").write_text("<p>Story one is here.</p>", encoding="utf-8")
    (harbour / "articles" / "2024--story.html").write_text("<p>Story two is here.</p>", encoding="utf-8")
    run(harbour, "extract")
    result = run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    originals = sorted(
        f.get("original")
        for path in (harbour / "out").glob("*.xlf")
        for f in etree.parse(str(path)).getroot().iter(f"{X2}file")
    )
    assert originals == ["articles/2024--story.html", "articles/2024/story.html", "articles/harbour.html"]
    assert result.output.count("Wrote ") == 3


def test_an_article_deep_in_folders_of_long_names_is_exported_with_the_others_and_comes_back(
    harbour: Path,
) -> None:
    # each folder name fits, and so does the article's: joined by "--" they were one name too long
    # for the filesystem, and the export stopped there, writing no article's file
    folder = harbour / "articles"
    for depth in range(6):
        folder = folder / f"{'ä' * 20}-{depth}"
    folder.mkdir(parents=True)
    (folder / "story.html").write_text("<p>Deep story is here.</p>", encoding="utf-8")
    run(harbour, "extract")
    result = run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    assert result.exit_code == 0, result.output
    assert result.output.count("Wrote ") == 2
    deep = next(path for path in (harbour / "out").glob("*.xlf") if path.name != "harbour.de.xlf")
    assert len(deep.name.encode("utf-8")) < 255 - len("..12345678.tmp")
    assert deep.name.endswith("-5--story.de.xlf")
    _edit(deep, "Deep story", "Die tiefe Geschichte ist hier.", "final")
    assert "1 entry updated" in run(harbour, "xliff", "import", str(deep)).output


@pytest.mark.parametrize("windows", [False, True])
def test_an_article_named_with_a_backslash_comes_back_into_its_own_catalog(
    harbour: Path, windows: bool
) -> None:
    # Linux allows "a\\b.html"; "\\" was always read as a folder separator (a CAT tool on
    # Windows may write one), so its translation was refused: "no catalog for articles/a\\b.html"
    (harbour / "articles" / "2024").mkdir()
    (harbour / "articles" / "2024" / "story.html").write_text("<p>Story one is here.</p>", encoding="utf-8")
    named = "2024\\story.html" if not windows else "2024/story.html"
    if not windows:
        (harbour / "articles" / named).write_text("<p>Story two is here.</p>", encoding="utf-8")
    run(harbour, "extract")
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    exported = next(p for p in (harbour / "out").glob("*.xlf") if ("two" in p.read_text()) != windows)
    if windows:  # the CAT tool wrote the folder with a backslash
        exported.write_text(exported.read_text().replace("articles/2024/story", "articles\\2024\\story"))
    story = "Story one" if windows else "Story two"
    _edit(exported, story, "Die Geschichte ist hier.", "final")
    result = run(harbour, "xliff", "import", str(exported))
    assert result.exit_code == 0 and "1 entry updated" in result.output, result.output
    slug = "2024/story" if windows else "2024\\story"
    assert catalog_of(harbour, "de", slug).find(f"{story} is here.").msgstr == "Die Geschichte ist hier."


def test_single_export_to_a_file_name_writes_that_file_not_a_folder_of_that_name(harbour: Path) -> None:
    # (`--single -o to-agency/fr.xlf` made a folder fr.xlf/ holding fr.xlf; a second run refused the
    # file as "Directory … is a file")
    out = harbour / "to-agency" / "harbour-de.xliff"
    for _ in range(2):
        result = run(harbour, "xliff", "export", "-l", "de", "--single", "-o", str(out))
        assert result.output.splitlines() == ["Wrote to-agency/harbour-de.xliff (6 units)"]
        assert out.is_file()
    assert sorted(path.name for path in out.parent.iterdir()) == ["harbour-de.xliff"]
    each = run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "de.xlf"), code=2)
    assert each.output.splitlines()[-1] == (
        f"Error: -o {harbour / 'de.xlf'} names a file, and the export is one file per article: give a "
        "folder, or add --single for one file"
    )
    assert not (harbour / "de.xlf").exists()


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
def test_with_machine_tmx_the_translator_gets_the_source_to_translate_and_the_machine_output_as_memory(
    harbour: Path, version: str
) -> None:
    out, tmx = harbour / "out", harbour / "tm" / "mt" / "machine.tmx"
    export = ("xliff", "export", "-l", "de", "--version", version, "--copy-source", "-o", str(out))
    result = run(harbour, *export, "--machine-tmx", str(tmx))
    assert (
        "Wrote tm/mt/machine.tmx (1 machine translation not reviewed, left out of the targets)"
        in result.output
    )
    path = out / "harbour.de.xlf"
    ns = X12 if version == "1.2" else X2
    found = units(path)
    link = found["Read the full report on page4 today."]
    assert "".join(link.find(f".//{ns}target").itertext()) == "Read the full report on page4 today."
    if version == "1.2":
        assert link.find(f"{X12}target").get("state") == "needs-translation"
    # a translator's draft (fuzzy, not machine) and reviewed work stay in their targets
    mayor = found["The mayor thanked everyone who helped."]
    assert "".join(mayor.find(f".//{ns}target").itertext()).startswith("Der Bürgermeister")
    _, read = read_tmx(tmx)
    assert [(u.source, u.targets, u.origin) for u in read] == [
        (
            "Read <1>the full report</1> on page<2/>4 today.",
            {"de": "Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute."},
            "apertium",
        )
    ]
    before = _catalog_bytes(harbour)
    assert "No catalog changed" in run(harbour, "xliff", "import", str(path)).output
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


@pytest.fixture
def notes(harbour: Path) -> Path:
    """The harbour project with an article whose sentence has two paired codes."""
    (harbour / "articles" / "notes.html").write_text(
        '<html><body><p>Read <a href="/r">the report</a> and <em>the notes</em>.</p>'
        "<p>Rain is expected.</p></body></html>",
        encoding="utf-8",
    )
    run(harbour, "extract")
    run(harbour, "xliff", "export", "-l", "de", "--version", "1.2", "-o", str(harbour / "out"))
    return harbour / "out" / "notes.de.xlf"


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


@pytest.mark.parametrize(
    "target",
    [
        # the tool wrote each <g> as a bpt/ept pair linked by id, in the order German needs
        'Lies <bpt id="2">&lt;em&gt;</bpt>die Notizen<ept id="2">&lt;/em&gt;</ept> und '
        '<bpt id="1">&lt;a&gt;</bpt>den Bericht<ept id="1">&lt;/a&gt;</ept>.',
        # new ids, linked to the original codes by rid
        'Lies <bpt id="7" rid="2">&lt;em&gt;</bpt>die Notizen<ept id="8" rid="2">&lt;/em&gt;</ept> und '
        '<bpt id="5" rid="1">&lt;a&gt;</bpt>den Bericht<ept id="6" rid="1">&lt;/a&gt;</ept>.',
        # isolated codes whose two halves are both in the unit
        'Lies <it id="2" pos="open">&lt;em&gt;</it>die Notizen<it id="2" pos="close">&lt;/em&gt;</it> und '
        '<g id="1">den Bericht</g>.',
    ],
    ids=["bpt-ept-by-id", "bpt-ept-by-rid", "it-open-close"],
)
def test_paired_codes_rewritten_as_bpt_ept_come_back_as_the_placeholders(notes: Path, target: str) -> None:
    _edit(notes, "Read", target, "signed-off")
    result = run(notes.parent.parent, "xliff", "import", str(notes))
    assert "notes.po: 1 entry updated" in result.output
    entry = next(e for e in catalog_of(notes.parent.parent, "de", "notes") if e.msgid.startswith("Read"))
    assert entry.msgstr == "Lies <2>die Notizen</2> und <1>den Bericht</1>."
    assert "fuzzy" not in entry.flags


@pytest.mark.parametrize(
    ("target", "marker", "message"),
    [
        (
            'Lies <bpt id="1" rid="1">&lt;a&gt;</bpt>den Bericht<ept id="2" rid="3">&lt;/a&gt;</ept> und '
            '<g id="2">die Notizen</g>.',
            "den Bericht",
            'inline code <ept id="2" rid="3"> closes nothing: no start code with rid=\'3\' before it',
        ),
        (
            'Lies <bpt id="1">&lt;a&gt;</bpt>den Bericht und <g id="2">die Notizen</g>.',
            "den Bericht",
            "inline code <bpt id=\"1\"> is never closed (no end code with id='1')",
        ),
        (
            'Lies <it id="1" pos="open">&lt;a&gt;</it>den Bericht und <g id="2">die Notizen</g>.',
            "den Bericht",
            'inline code <it id="1" pos="open"> is never closed (no end code with id=\'1\')',
        ),
    ],
    ids=["mismatched-rid", "dropped-ept", "dropped-it-close"],
)
def test_a_broken_bpt_ept_pair_is_rejected_with_its_line_and_the_rest_imported(
    notes: Path, target: str, marker: str, message: str
) -> None:
    project = notes.parent.parent
    _edit(notes, "Read", target, "signed-off")
    _edit(notes, "Rain", "Es wird Regen erwartet.", "signed-off")
    before = next(e for e in catalog_of(project, "de", "notes") if e.msgid.startswith("Read")).msgstr
    result = run(project, "xliff", "import", str(notes), code=1)
    line = _line_of(notes, marker)
    assert f"Error: out/notes.de.xlf:{line}: unit u-" in result.output
    assert f"{message}; not imported" in result.output
    assert "Traceback" not in result.output
    po = catalog_of(project, "de", "notes")
    assert next(e for e in po if e.msgid.startswith("Read")).msgstr == before
    assert next(e for e in po if e.msgid.startswith("Rain")).msgstr == "Es wird Regen erwartet."


SHIPS = ("<1>One</1> ship returns.", "<1>%(n)s</1> ships return.")


@pytest.fixture
def polish(tmp_path: Path) -> Path:
    """A project translated into Polish (three plural forms) with one plural entry, two forms done."""
    project = harbour_project(tmp_path / "harbour", locales=("de", "pl"))
    add_plural(project, "pl", *SHIPS, ["<1>Jeden</1> statek wraca.", "<1>%(n)s</1> statki wracają.", ""])
    return project


def _plural_entry(project: Path, locale: str = "pl"):
    return next(e for e in catalog_of(project, locale) if e.msgid_plural)


def _set_form(path: Path, index: int, target: str, state: str) -> None:
    """What a CAT tool does to one plural form: set its target (XML with inline codes) and state."""
    tree = etree.parse(str(path))
    root = tree.getroot()
    v2 = root.tag.startswith(X2)
    group = next(g for g in root.iter(f"{X2}group" if v2 else f"{X12}group"))
    unit = group.findall(f"{X2}unit" if v2 else f"{X12}trans-unit")[index]
    holder = unit.find(f"{X2}segment") if v2 else unit
    source = holder.find(f"{X2}source" if v2 else f"{X12}source")
    old = holder.find(f"{X2}target" if v2 else f"{X12}target")
    if old is not None:
        holder.remove(old)
    new = etree.fromstring(f'<target xmlns="{root.nsmap[None]}">{target}</target>')
    source.addnext(new)
    (holder if v2 else new).set("state", state)
    if not v2 and state == "signed-off":
        unit.set("approved", "yes")
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_plural_entry_exports_as_a_group_with_one_unit_per_form(polish: Path, version: str) -> None:
    run(polish, "xliff", "export", "-l", "pl", "--version", version, "-o", str(polish / "out"))
    path = polish / "out" / "harbour.pl.xlf"
    ns = X2 if version == "2.1" else X12
    (group,) = list(etree.parse(str(path)).getroot().iter(f"{ns}group"))
    forms = group.findall(f"{ns}unit" if version == "2.1" else f"{ns}trans-unit")
    group_id = group.get("id")
    if version == "1.2":
        assert group.get("restype") == "x-gettext-plurals"
        assert [f.get("id") for f in forms] == [f"{group_id}[0]", f"{group_id}[1]", f"{group_id}[2]"]
    else:
        assert group.get("type") == "gettext:plurals"
        assert [f.get("id") for f in forms] == [f"{group_id}-0", f"{group_id}-1", f"{group_id}-2"]
    texts = [
        (
            "".join(f.find(f".//{ns}source").itertext()),
            None if f.find(f".//{ns}target") is None else "".join(f.find(f".//{ns}target").itertext()),
        )
        for f in forms
    ]
    assert texts == [
        ("One ship returns.", "Jeden statek wraca."),
        ("%(n)s ships return.", "%(n)s statki wracają."),
        ("%(n)s ships return.", None),
    ]
    notes = ["".join(n.text for n in f.iter(f"{ns}note") if n.text.startswith("Plural form")) for f in forms]
    assert notes == [
        "Plural form msgstr[0] of 3, used for n = 1",
        "Plural form msgstr[1] of 3, used for n = 2, 3, 4, 22, …",
        "Plural form msgstr[2] of 3, used for n = 0, 5, 6, 7, …",
    ]
    assert forms[0].find(f".//{ns}source").find(f"{ns}{'pc' if version == '2.1' else 'g'}").text == "One"


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_every_plural_form_comes_back_into_its_msgstr(polish: Path, version: str) -> None:
    run(polish, "xliff", "export", "-l", "pl", "--version", version, "-o", str(polish / "out"))
    path = polish / "out" / "harbour.pl.xlf"
    final = "final" if version == "2.1" else "signed-off"
    code = '<pc id="1" dataRefStart="o1" dataRefEnd="c1">' if version == "2.1" else '<g id="1">'
    end = "</pc>" if version == "2.1" else "</g>"
    for index, text in enumerate(["Jeden", "%(n)s", "%(n)s"]):
        rest = ["statek wraca.", "statki wracają.", "statków wraca."][index]
        _set_form(path, index, f"{code}{text}{end} {rest}", final)
    result = run(polish, "xliff", "import", str(path))
    assert "harbour.po: 1 entry updated" in result.output
    entry = _plural_entry(polish)
    assert [entry.msgstr_plural[i] for i in range(3)] == [
        "<1>Jeden</1> statek wraca.",
        "<1>%(n)s</1> statki wracają.",
        "<1>%(n)s</1> statków wraca.",
    ]
    assert "fuzzy" not in entry.flags


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda path: None, "plural form(s) msgstr[2] not translated; not imported"),
        (
            lambda path: _set_form(path, 2, "statków wraca.", "final"),
            "plural form msgstr[2]: placeholder <1>…</1> is missing; not imported",
        ),
        (
            lambda path: path.write_text(
                re.sub(r'\s*<unit id="[^"]*-2".*?</unit>', "", path.read_text(), flags=re.S)
            ),
            "has 2 form(s), the catalog entry 3; not imported",
        ),
    ],
    ids=["a-form-left-empty", "a-form-lost-its-code", "a-form-missing"],
)
def test_a_plural_that_cannot_fill_every_form_is_rejected_and_the_rest_imported(
    polish: Path, change, message: str
) -> None:
    run(polish, "xliff", "export", "-l", "pl", "-o", str(polish / "out"))
    path = polish / "out" / "harbour.pl.xlf"
    _set_form(path, 0, '<pc id="1" dataRefStart="o1" dataRefEnd="c1">Jeden</pc> statek.', "final")
    change(path)
    _edit(path, "Nothing", "Nic więcej się nie zmieniło.", "final")
    before = [_plural_entry(polish).msgstr_plural[i] for i in range(3)]
    result = run(polish, "xliff", "import", str(path), code=1)
    assert "Error: out/harbour.pl.xlf:" in result.output and message in result.output
    assert [_plural_entry(polish).msgstr_plural[i] for i in range(3)] == before
    assert _entry(polish, "pl", "Nothing").msgstr == "Nic więcej się nie zmieniło."


def test_the_committed_xliff_schemas_are_the_official_files_unmodified() -> None:
    """The schemas the exports are validated against are byte for byte the published ones
    (the sha256 of each is listed with its origin in the README beside them)."""
    listed = (COMMITTED_SCHEMAS / "README.md").read_text(encoding="utf-8")
    for name in SCHEMA_FILES:
        digest = hashlib.sha256((COMMITTED_SCHEMAS / name).read_bytes()).hexdigest()
        assert re.search(rf"`{re.escape(name)}` \|[^\n]*`{digest}`", listed), (
            f"{name}: sha256 {digest} not in README"
        )


def test_an_import_that_changes_nothing_says_so_rather_than_printing_nothing(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    before = _catalog_bytes(harbour)
    result = run(harbour, "xliff", "import", str(harbour / "out" / "harbour.de.xlf"))
    assert (
        result.output.strip() == "No catalog changed: the 1 file read holds no translation the catalogs lack."
    ), result.output
    assert _catalog_bytes(harbour) == before


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_control_character_pasted_into_an_article_exports_as_valid_xliff_and_comes_back(
    harbour: Path, version: str
) -> None:
    """A vertical tab pasted from Word is a character XML cannot hold: XLIFF 2 writes it as ``<cp
    hex="000B"/>`` (and reads it back), XLIFF 1.2 as U+FFFD; either way the file validates and the
    signed-off unit comes back reviewed, not taken for a changed article."""
    path = _exported_with(harbour, "<p>The bell\x0b rings.</p>", version)
    assert_valid(path, version)
    if version == "2.1":
        assert '<source>The bell<cp hex="000B"/> rings.</source>' in path.read_text(encoding="utf-8")
        _edit(path, "The bell", 'Die Glocke<cp hex="000B"/> läutet.', "final")
        expected = "Die Glocke\x0b läutet."
    else:
        assert "<source>The bell\ufffd rings.</source>" in path.read_text(encoding="utf-8")
        _edit(path, "The bell", "Die Glocke läutet.", "signed-off")
        expected = "Die Glocke läutet."
    run(harbour, "xliff", "import", str(path))
    entry = _entry(harbour, "de", "The bell")
    assert entry.msgstr == expected
    assert "fuzzy" not in entry.flags


@pytest.mark.parametrize("hex_value", ["3C", "110000", "D800", "x"])
def test_a_cp_code_for_a_character_xml_can_hold_is_refused_with_its_line(
    harbour: Path, hex_value: str
) -> None:
    """``<cp>`` stands only for what XML cannot hold: ``<cp hex="3C"/>`` would make a ``<`` the file
    does not show (``<cp hex="3C"/>1>`` reads as a placeholder)."""
    run(harbour, "xliff", "export", "-l", "de", "--version", "2.1", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", f'Sonst<cp hex="{hex_value}"/> nichts.', "final")
    before = _catalog_bytes(harbour)
    result = run(harbour, "xliff", "import", str(path), code=1)
    assert f"<cp hex='{hex_value}'> is no character that XML cannot hold; not imported" in result.output
    assert _catalog_bytes(harbour) == before


@pytest.mark.parametrize(
    ("version", "target", "shown"),
    [
        ("2.1", 'Sonst<cp hex="001B"/>[2J nichts.', "U+001B"),
        ("2.1", "Sonst&#x9B;2J nichts.", "U+009B"),
        ("1.2", "Sonst nichts&#x7F;.", "U+007F"),
    ],
)
def test_a_translation_bringing_a_control_character_is_refused_with_its_line_and_the_rest_imported(
    harbour: Path, version: str, target: str, shown: str
) -> None:
    """ESC, a C1 control (U+009B starts a terminal command) or DEL in a target is invisible in the
    CAT tool, and compile would refuse the entry: import names the unit and keeps the catalog's."""
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", target, "final")
    _edit(path, "Ships", "Schiffe kehren am Montag zurück.", "final")
    result = run(harbour, "xliff", "import", str(path), code=1)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "out/harbour.de.xlf:" in errors[0], result.output
    assert f"control character {shown} would be written into the page" in errors[0]
    assert errors[0].endswith("not imported")
    assert _entry(harbour, "de", "Nothing").msgstr == ""
    assert _entry(harbour, "de", "Ships").msgstr == "Schiffe kehren am Montag zurück."


def _comment(project: Path, locale: str, start: str, comment: str) -> None:
    """What a reviewer does in Poedit: write a translator comment (``# …``) on one entry."""
    po = catalog_of(project, locale)
    entry = next(e for e in po if e.msgid.startswith(start))
    entry.tcomment = "\n".join(filter(None, [comment, entry.tcomment]))
    po.save()


def _translator_notes(unit: etree._Element) -> list[str]:
    if unit.tag.startswith(X2):
        return [n.text for n in unit.iter(f"{X2}note") if n.get("category") == "translator"]
    return [n.text for n in unit.iter(f"{X12}note") if n.get("from") == "translator"]


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_reviewers_comment_in_poedit_reaches_the_agency_as_a_translator_note(
    harbour: Path, version: str
) -> None:
    _comment(harbour, "de", "Read", "Keep 'Bericht': the desk's word for it.\nAsk Li before changing it.")
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    assert_valid(path, version)
    found = units(path)
    assert _translator_notes(found["Read the full report on page4 today."]) == [
        "Keep 'Bericht': the desk's word for it.",
        "Ask Li before changing it.",
    ]  # the machine's provenance line stays a note of its own, not a translator's
    assert _translator_notes(found["Harbour reopens"]) == []


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_note_the_translator_wrote_in_the_cat_tool_comes_back_as_a_translator_comment(
    harbour: Path, version: str
) -> None:
    _comment(harbour, "de", "Read", "Keep 'Bericht'.")
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    tree = etree.parse(str(path))
    for unit in tree.getroot().iter(f"{X2}unit", f"{X12}trans-unit"):
        if "".join(unit.find(f".//{X2}source" if version == "2.1" else f"{X12}source").itertext()) in (
            "Nothing else changed.",
            "Read the full report on page4 today.",
        ):
            if version == "2.1":
                holder = unit.find(f"{X2}notes")
                if holder is None:
                    holder = etree.Element(f"{X2}notes")
                    unit.insert(0, holder)
                etree.SubElement(holder, f"{X2}note").text = "Unsure of the tone: check with the editor."
            else:
                etree.SubElement(
                    unit, f"{X12}note", {"from": "Anna"}
                ).text = "Unsure of the tone: check with the editor."
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    _edit(path, "Nothing", "Sonst änderte sich nichts.", "final" if version == "2.1" else "signed-off")
    result = run(harbour, "xliff", "import", str(path))
    assert "harbour.po: 2 entries updated" in result.output
    nothing = _entry(harbour, "de", "Nothing")
    assert nothing.msgstr == "Sonst änderte sich nichts." and "fuzzy" not in nothing.flags
    assert nothing.tcomment == "Unsure of the tone: check with the editor."
    read = _entry(harbour, "de", "Read")  # its translation unchanged: the note comes in all the same
    assert read.tcomment.split("\n") == [
        "Keep 'Bericht'.",
        "Unsure of the tone: check with the editor.",
        "transpub: machine translation by apertium (en→de) on 2026-11-30",
    ]
    again = run(harbour, "xliff", "import", str(path))  # a second import adds nothing twice
    assert "entries updated" not in again.output
    assert _entry(harbour, "de", "Read").tcomment == read.tcomment


@pytest.mark.parametrize(("version", "options"), [("1.2", ["--copy-source"]), ("2.1", [])])
def test_a_question_the_translator_left_on_a_unit_they_did_not_translate_comes_back(
    harbour: Path, version: str, options: list[str]
) -> None:
    """A translator who leaves a unit for the newsroom to decide asks why in a note: the note is
    kept although the target is still empty (or the source copied in, as OmegaT is given it)."""
    run(harbour, "xliff", "export", "-l", "de", "--version", version, *options, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    tree = etree.parse(str(path))
    unit = units(path)["Nothing else changed."]
    unit = next(
        u for u in tree.getroot().iter(f"{X2}unit", f"{X12}trans-unit") if u.get("id") == unit.get("id")
    )
    if version == "2.1":
        etree.SubElement(unit.find(f"{X2}notes"), f"{X2}note").text = "Which change is meant here?"
    else:
        etree.SubElement(unit, f"{X12}note", {"from": "Anna"}).text = "Which change is meant here?"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    result = run(harbour, "xliff", "import", str(path))
    assert "harbour.po: 1 entry updated" in result.output
    nothing = _entry(harbour, "de", "Nothing")
    assert (nothing.msgstr, nothing.tcomment) == ("", "Which change is meant here?")
    again = run(harbour, "xliff", "import", str(path))  # a second import adds nothing twice
    assert "entries updated" not in again.output
    assert _entry(harbour, "de", "Nothing").tcomment == "Which change is meant here?"


def test_an_agencys_note_cannot_silence_a_check(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    tree = etree.parse(str(path))
    unit = next(u for u in tree.getroot().iter(f"{X2}unit") if "Nothing" in "".join(u.itertext()))
    etree.SubElement(unit.find(f"{X2}notes"), f"{X2}note").text = "transpub-no-numbers"
    tree.write(str(path), xml_declaration=True, encoding="UTF-8")
    _edit(path, "Nothing", "Sonst änderte sich 5 nichts.", "final")
    result = run(harbour, "xliff", "import", str(path))
    assert "note 'transpub-no-numbers' not taken" in result.output
    assert "transpub-no-numbers" not in _entry(harbour, "de", "Nothing").tcomment


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_transpubs_own_notes_do_not_come_back_as_translator_comments_from_a_tool_that_drops_their_origin(
    harbour: Path, version: str
) -> None:
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r' (from|category)="[^"]*"(?=>)', "", text)  # a tool that rewrites <note> bare
    path.write_text(text, encoding="utf-8")
    _edit(path, "Nothing", "Sonst änderte sich nichts.", "final" if version == "2.1" else "signed-off")
    run(harbour, "xliff", "import", str(path))
    comments = [line for e in catalog_of(harbour, "de") for line in e.tcomment.split("\n") if line]
    assert comments == ["transpub: machine translation by apertium (en→de) on 2026-11-30"]


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_control_character_in_both_source_and_target_of_a_unit_is_refused_with_its_line(
    harbour: Path, version: str
) -> None:
    """The catalog's msgid decides what a translation may hold, not the unit's <source>: a crafted
    file that wrote DEL into both came in (fuzzy), a control character compile would then refuse."""
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    _edit(path, "Nothing", "Sonst nichts&#x7F;.", "final")
    text = path.read_text(encoding="utf-8")
    start = text.index("Nothing")
    end = text.index("<", start)
    path.write_text(text[:start] + text[start:end] + "&#x7F;" + text[end:], encoding="utf-8")
    result = run(harbour, "xliff", "import", str(path), code=1)
    errors = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "control character U+007F would be written into the page" in errors[0]
    assert _entry(harbour, "de", "Nothing").msgstr == ""


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ('<xliff version="2.1"><file', "1:27: not well-formed XML: Couldn't find end of Start Tag file"),
        (
            '<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
            '<file original="a" source-language="en" target-language="de"><body>\n'
            '<trans-unit id="1"><source>a</source></body></file></xliff>\n',
            "4:45: not well-formed XML: Opening and ending tag mismatch: trans-unit line 4 and body",
        ),
        ("", "1:1: not well-formed XML: Document is empty"),
    ],
    ids=["xliff-2-cut-in-a-tag", "xliff-1.2-tag-mismatch", "empty"],
)
def test_a_malformed_xliff_is_one_error_at_its_line_and_column_named_once(
    harbour: Path, text: str, shown: str
) -> None:
    """libxml's message said the position twice, one of them inside the text ("…Start Tag file line 1,
    line 1, column 27"); the error names it once, as file:line:column."""
    (harbour / "bad.xlf").write_text(text, encoding="utf-8")
    result = run(harbour, "xliff", "import", str(harbour / "bad.xlf"), code=1)
    assert result.output.splitlines() == [f"Error: bad.xlf:{shown}", "Nothing was written."]


BROKEN = {
    "used-twice": ("Lies <1>den Bericht</1> auf Seite<2/> <2/>4.", "a placeholder appears more than once"),
    "one-missing": ("Lies <1>den Bericht</1> auf Seite 4.", "placeholder <2/> is missing"),
    "crossed": ("Lies <1>den Bericht</2> auf Seite<2/>4.", "placeholders are not properly nested or closed"),
}


def _unit_of(path: Path, start: str) -> etree._Element:
    return next(unit for source, unit in units(path).items() if source.startswith(start))


@pytest.mark.parametrize("version", ["1.2", "2.1"])
@pytest.mark.parametrize("broken", BROKEN, ids=list(BROKEN))
def test_an_xliff_exported_from_a_catalog_with_a_broken_translation_imports_back_untouched(
    harbour: Path, broken: str, version: str
) -> None:
    # import said "Error: out/harbour.de.xlf:33: unit u-…: a placeholder appears more than once; not
    # imported" for a file the agency never touched, blaming the XLIFF for the catalog's translation
    text, problem = BROKEN[broken]
    fill(harbour, "de", {"Read <1>": (text, "reviewed"), "Nothing": ("Sonst nichts.", "reviewed")})
    po = (harbour / "locales" / "de" / "LC_MESSAGES" / "harbour.po").read_text().splitlines()
    line = next(i for i, text in enumerate(po, 1) if text.startswith('msgid "Read'))
    flags = _entry(harbour, "de", "Read").flags
    exported = run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    assert f"Warning: locales/de/LC_MESSAGES/harbour.po:{line}: " in exported.output
    assert f'"Read <1>the full report</1> on page<2/>…": {problem}; exported as not translated' in (
        exported.output
    )
    path = harbour / "out" / "harbour.de.xlf"
    ns = X2 if version == "2.1" else X12
    unit = _unit_of(path, "Read")
    assert unit.find(f".//{ns}target") is None  # to translate: the agency's tool offers it as such
    assert any(text in (note.text or "") for note in unit.iter(f"{ns}note"))  # the text travels along
    assert_valid(path, version)
    result = run(harbour, "xliff", "import", str(path))
    assert "Error" not in result.output
    read = _entry(harbour, "de", "Read")
    assert (read.msgstr, read.flags) == (text, flags)  # the catalog keeps what was written
    assert _entry(harbour, "de", "Nothing").msgstr == "Sonst nichts."
    assert not any(text in line for line in read.tcomment.splitlines())  # no note came back as a comment


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_the_agencys_translation_of_a_unit_exported_without_its_broken_translation_replaces_it(
    harbour: Path, version: str
) -> None:
    fill(harbour, "de", {"Read <1>": (BROKEN["used-twice"][0], "reviewed")})
    run(harbour, "xliff", "export", "-l", "de", "--version", version, "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    if version == "2.1":
        link = 'Lies <pc id="1" dataRefStart="o1" dataRefEnd="c1">den Bericht</pc> auf Seite<ph id="2" dataRef="p2"/>4.'
    else:
        link = 'Lies <g id="1" ctype="link">den Bericht</g> auf Seite<x id="2" ctype="lb"/>4.'
    _edit(path, "Read", link, "final" if version == "2.1" else "signed-off")
    run(harbour, "xliff", "import", str(path))
    assert _entry(harbour, "de", "Read").msgstr == "Lies <1>den Bericht</1> auf Seite<2/>4."


def test_an_older_export_holding_the_catalogs_broken_translation_untouched_imports_with_a_warning(
    harbour: Path,
) -> None:
    # (what transpub wrote before: the broken translation as the unit's target, signed off)
    text = BROKEN["used-twice"][0]
    fill(harbour, "de", {"Read <1>": (text, "reviewed")})
    run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    path = harbour / "out" / "harbour.de.xlf"
    codes = 'Lies <pc id="1" dataRefStart="o1" dataRefEnd="c1">den Bericht</pc> auf Seite<ph id="2" dataRef="p2"/> <ph id="2" dataRef="p2"/>4.'
    _edit(path, "Read", codes, "final")
    _edit(path, "Nothing", "Sonst nichts.", "final")
    result = run(harbour, "xliff", "import", str(path))
    assert "a placeholder appears more than once, as in the catalog, which keeps it" in result.output
    assert "Error" not in result.output
    assert _entry(harbour, "de", "Read").msgstr == text
    assert _entry(harbour, "de", "Nothing").msgstr == "Sonst nichts."
    # a target the agency changed is still refused with its line
    _edit(path, "Read", codes.replace("Lies", "Lesen"), "final")
    result = run(harbour, "xliff", "import", str(path), code=1)
    assert "a placeholder appears more than once; not imported" in result.output


@pytest.mark.parametrize("version", ["1.2", "2.1"])
def test_a_plural_with_a_broken_form_exports_as_not_translated_and_imports_back_untouched(
    tmp_path: Path, version: str
) -> None:
    project = harbour_project(tmp_path / "harbour", locales=("de", "pl"))
    forms = ["<1>Jeden</1> statek wraca.", "<1>%(n)s</2> statki wracają.", "<1>%(n)s</1> statków wraca."]
    add_plural(project, "pl", *SHIPS, forms)
    exported = run(project, "xliff", "export", "-l", "pl", "--version", version, "-o", str(project / "out"))
    assert "plural form msgstr[1]: placeholders are not properly nested or closed; exported as" in (
        exported.output
    )
    path = project / "out" / "harbour.pl.xlf"
    ns = X2 if version == "2.1" else X12
    assert not list(etree.parse(str(path)).getroot().iter(f"{ns}target"))
    assert_valid(path, version)
    result = run(project, "xliff", "import", str(path))
    assert "Error" not in result.output
    entry = _plural_entry(project)
    assert [entry.msgstr_plural[i] for i in range(3)] == forms


def test_export_given_two_locales_is_a_usage_error_not_a_file_of_the_last_one(harbour: Path) -> None:
    # -l fr -l de wrote de's files alone, and said nothing of fr
    result = run(harbour, "xliff", "export", "-l", "fr", "-l", "de", "-o", str(harbour / "out"), code=2)
    assert "this command works on one locale, not 2 (fr, de): run it once for each" in result.output
    assert not (harbour / "out").exists()


def test_export_for_a_locale_added_since_extract_fails_saying_to_run_extract_and_writes_nothing(
    harbour: Path,
) -> None:
    # (it said so and exited 0, and --single wrote a file of 0 units for the agency)
    config = harbour / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('"de", "fr"]', '"de", "fr", "it"]'), encoding="utf-8"
    )
    for extra in ([], ["--single"]):
        result = run(harbour, "xliff", "export", "-l", "it", *extra, "-o", str(harbour / "out"), code=1)
        assert result.output == (
            "Error: no it catalog to export: run `transpub extract` first "
            "(it says why, for an article it cannot read)\n"
        )
        assert not (harbour / "out").exists()


def test_export_for_a_locale_not_in_the_project_is_a_usage_error_naming_it(harbour: Path) -> None:
    result = run(harbour, "xliff", "export", "-l", "it", "-o", str(harbour / "out"), code=2)
    assert "locale it is not a target of this project (targets: de fr;" in result.output
    assert not (harbour / "out").exists()


def test_an_article_not_extracted_yet_is_named_and_the_extracted_ones_are_exported(harbour: Path) -> None:
    (harbour / "articles" / "late.html").write_text("<p>Filed after the extract.</p>", encoding="utf-8")
    result = run(harbour, "xliff", "export", "-l", "de", "-o", str(harbour / "out"))
    assert "Wrote out/harbour.de.xlf (6 units)" in result.output
    assert (
        "Warning: 1 article (late) has no de catalog yet, so it is not in the export: run `transpub "
        "extract` first (it says why, for an article it cannot read)"
    ) in result.output
    assert sorted(path.name for path in (harbour / "out").iterdir()) == ["harbour.de.xlf"]


def test_export_reads_a_bcp47_spelling_of_the_locale_as_other_commands_do(harbour: Path) -> None:
    run(harbour, "xliff", "export", "-l", "DE", "-o", str(harbour / "out"))
    assert (harbour / "out" / "harbour.de.xlf").exists()


def _omegat_folder(root: Path) -> Path:
    """An OmegaT project's folder as OmegaT's Project → New… leaves it (its file is all export looks at)."""
    root.mkdir(parents=True)
    (root / "omegat.project").write_text("<omegat/>\n", encoding="utf-8")
    return root


def _memory(path: Path) -> list[tuple[str, str, str | None, str | None]]:
    _, read = read_tmx(path)
    return [(u.source, u.targets["de"], u.origin, u.creator) for u in read]


def test_for_omegat_every_target_is_the_english_and_each_translation_goes_to_the_memory_of_its_kind(
    harbour: Path,
) -> None:
    omegat = _omegat_folder(harbour / "omegat-project")
    result = run(harbour, "xliff", "export", "-l", "de", "--for", "omegat", "-o", str(omegat))
    assert result.output.splitlines() == [
        "Wrote omegat-project/source/harbour.de.xlf (6 units)",
        "Wrote omegat-project/tm/auto/transpub-reviewed.tmx (1 reviewed translation, which OmegaT fills in)",
        "Wrote omegat-project/tm/penalty-10/transpub-drafts.tmx (1 translation to review, offered as matches)",
        "Wrote omegat-project/tm/mt/penalty-30/machine-translation.tmx (1 machine translation not reviewed, "
        "offered as matches)",
    ]
    path = omegat / "source" / "harbour.de.xlf"
    assert_valid(path, "1.2")
    for source, unit in units(path).items():
        target = unit.find(f"{X12}target")
        assert "".join(target.itertext()) == source and target.get("state") == "needs-translation"
        assert unit.get("approved") is None
    assert _memory(omegat / "tm" / "auto" / "transpub-reviewed.tmx") == [
        ("Harbour reopens", "Hafen öffnet wieder", "human", None)
    ]
    assert _memory(omegat / "tm" / "penalty-10" / "transpub-drafts.tmx") == [
        (
            "The mayor thanked <1>everyone</1> who helped.",
            "Der Bürgermeister dankte <1>allen</1>, die halfen.",
            "human",
            None,
        )
    ]
    assert _memory(omegat / "tm" / "mt" / "penalty-30" / "machine-translation.tmx") == [
        (
            "Read <1>the full report</1> on page<2/>4 today.",
            "Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute.",
            "apertium",
            "apertium",
        )
    ]
    before = _catalog_bytes(harbour)
    assert "No catalog changed" in run(harbour, "xliff", "import", str(path)).output
    assert _catalog_bytes(harbour) == before


POLISH_FORMS = ["<1>Jeden</1> statek wraca.", "<1>%(n)s</1> statki wracają.", "<1>%(n)s</1> statków wraca."]


def test_for_omegat_a_reviewed_plural_whose_forms_share_their_english_is_offered_not_filled_in(
    polish: Path,
) -> None:
    po = catalog_of(polish, "pl")
    for entry in po:
        if entry.msgid_plural:
            entry.msgstr_plural = dict(enumerate(POLISH_FORMS))
    po.save()
    omegat = _omegat_folder(polish / "omegat-project")
    run(polish, "xliff", "export", "-l", "pl", "--for", "omegat", "-o", str(omegat))
    # OmegaT would fill msgstr[1] and msgstr[2] (one English) with one text: none is filled in
    _, auto = read_tmx(omegat / "tm" / "auto" / "transpub-reviewed.tmx")
    assert list(auto) == []
    _, drafts = read_tmx(omegat / "tm" / "penalty-10" / "transpub-drafts.tmx")
    assert [u.targets["pl"] for u in drafts] == POLISH_FORMS


def test_for_omegat_into_a_folder_that_is_no_omegat_project_is_one_error_and_writes_nothing(
    harbour: Path,
) -> None:
    result = run(
        harbour, "xliff", "export", "-l", "de", "--for", "omegat", "-o", "omegat-project/source", code=1
    )
    assert "Error: omegat-project/source: no omegat.project here" in result.output
    assert not (harbour / "omegat-project").exists()
    usage = run(harbour, "xliff", "export", "-l", "de", "--for", "omegat", "--version", "2.1", code=2)
    assert "OmegaT 3.6 reads no XLIFF 2" in usage.output


def test_a_machine_draft_typed_over_the_english_copy_is_the_translators_and_no_longer_marked_machine(
    harbour: Path,
) -> None:
    omegat = _omegat_folder(harbour / "omegat-project")
    run(harbour, "xliff", "export", "-l", "de", "--for", "omegat", "-o", str(omegat))
    path = omegat / "source" / "harbour.de.xlf"
    _edit(
        path,
        "Read",
        'Lesen Sie <g id="1">den ganzen Bericht</g> auf Seite<x id="2"/>4 heute.',
        "needs-translation",
    )
    assert "harbour.po: 1 entry updated" in run(harbour, "xliff", "import", str(path)).output
    entry = _entry(harbour, "de", "Read")
    assert entry.msgstr == "Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute."
    assert "fuzzy" in entry.flags and "machine translation" not in entry.tcomment


def test_for_omegat_reviewed_work_whose_english_another_article_translates_otherwise_is_offered_not_filled_in(
    harbour: Path,
) -> None:
    (harbour / "articles" / "other.html").write_text(
        "<html><body><article><h1>Harbour reopens</h1></article></body></html>", encoding="utf-8"
    )
    run(harbour, "extract")
    fill(harbour, "de", {"Harbour reopens": ("Der Hafen ist wieder offen", "fuzzy")}, slug="other")
    omegat = _omegat_folder(harbour / "omegat-project")
    run(harbour, "xliff", "export", "-l", "de", "--for", "omegat", "-o", str(omegat))
    # OmegaT would fill in both articles' "Harbour reopens" with the reviewed one, over the other's draft
    assert _memory(omegat / "tm" / "auto" / "transpub-reviewed.tmx") == []
    drafts = _memory(omegat / "tm" / "penalty-10" / "transpub-drafts.tmx")
    assert ("Harbour reopens", "Hafen öffnet wieder", "human", None) in drafts
    assert ("Harbour reopens", "Der Hafen ist wieder offen", "human", None) in drafts


@pytest.mark.parametrize("revised_since", [False, True], ids=["as-exported", "revised-since"])
def test_reviewed_work_a_translator_retyped_over_the_english_comes_back_to_review_unless_revised_since(
    harbour: Path, revised_since: bool
) -> None:
    omegat = _omegat_folder(harbour / "omegat-project")
    run(harbour, "xliff", "export", "-l", "de", "--for", "omegat", "-o", str(omegat))
    path = omegat / "source" / "harbour.de.xlf"
    _edit(path, "Harbour reopens", "Der Hafen ist wieder offen", "needs-translation")  # as OmegaT writes it
    if revised_since:  # the desk revises the title after the export
        po = catalog_of(harbour, "de")
        po.metadata["PO-Revision-Date"] = "2099-01-01 10:00+0000"
        po.save()
    result = run(harbour, "xliff", "import", str(path))
    entry = _entry(harbour, "de", "Harbour reopens")
    if revised_since:
        assert "kept the reviewed translation (the catalog was revised after this XLIFF was exported)" in (
            result.output
        )
        assert entry.msgstr == "Hafen öffnet wieder" and "fuzzy" not in entry.flags
    else:
        assert entry.msgstr == "Der Hafen ist wieder offen" and "fuzzy" in entry.flags
