"""Translators review the catalogs in Poedit: what the real Poedit (3.2, Debian's) does to a catalog
transpub wrote, and what transpub makes of the file Poedit saved.

Poedit is driven as a translator drives it (see ``poedit_run``): it opens the catalog, an entry's
translation is written over (which clears "Needs work"), "Needs work" is cleared on an entry left as
it is, and Ctrl+S saves through Poedit's own writer and ``msgcat``, with an MO file beside the PO file.
What a user would notice is checked on the saved file: ``check`` finds what it found, ``compile``
publishes the same pages plus the translator's work, the notes and the machine-translation provenance
are still read, and the next ``extract`` keeps the translator's work and Poedit's header and writes
nothing it need not.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from click.testing import CliRunner

from exchange_project import harbour_project, run
from fakeservers import FakeMT
from poedit_run import TRANSLATOR, TRANSLATOR_EMAIL, Edit, needs_poedit, save_in_poedit
from transpub.cli import main

pytestmark = needs_poedit

#: The header lines a Poedit save writes anew (the translator's name is Poedit's setting).
POEDIT_HEADER = {
    "Last-Translator": f'"Last-Translator: {TRANSLATOR} <{TRANSLATOR_EMAIL}>\\n"',
    "X-Generator": '"X-Generator: Poedit 3.2.2\\n"',
}
#: The sample's pages published (Chinese and German, reviewed).
PUBLISHED = ["zh_CN/jingyue-platinum-industry.html", "de/jingyue-platinum-industry.html"]
MACHINE = "# transpub: machine translation by libre (en→de) on "


def catalog(project: Path, locale: str, slug: str) -> Path:
    return project / "locales" / locale / "LC_MESSAGES" / f"{slug}.po"


def changes(before: str, after: str) -> tuple[list[str], list[str]]:
    """The lines of ``before`` that ``after`` no longer has, and those it has instead."""
    removed: list[str] = []
    added: list[str] = []
    for line in difflib.ndiff(before.split("\n"), after.split("\n")):
        if line.startswith("- "):
            removed.append(line[2:])
        elif line.startswith("+ "):
            added.append(line[2:])
    return removed, added


def header_field(line: str) -> str:
    """The field a header line sets (``"X-Generator: …\\n"``: X-Generator), or ""."""
    return line[1:].split(":", 1)[0] if line.startswith('"') and ":" in line else ""


def compiled_pages(project: Path, *options: str) -> tuple[list[str], dict[str, bytes]]:
    """``compile --full -v``: its lines (the site's path aside, a page's ``(unchanged)`` apart: see
    :func:`unchanged`) and every page of the site."""
    result = run(project, "compile", "--full", "-v", *options)
    site = project / "site"
    pages = {str(path.relative_to(site)): path.read_bytes() for path in sorted(site.rglob("*.html"))}
    lines = [line.removesuffix(" (unchanged)") for line in result.output.splitlines()]
    return [line for line in lines if not line.startswith("Site:")], pages


def unchanged(project: Path) -> list[str]:
    """The pages ``compile`` found as it had written them (``-v`` says ``(unchanged)``)."""
    result = run(project, "compile", "-v")
    return [line.split(":")[0] for line in result.output.splitlines() if line.endswith(" (unchanged)")]


def check_output(project: Path, *options: str) -> str:
    """What ``check`` says (it exits 1 on findings)."""
    result = CliRunner().invoke(main, ["--project", str(project), "check", *options], catch_exceptions=False)
    assert result.exit_code in (0, 1), result.output
    return result.output


# -- a save as the file opened -------------------------------------------------------------------------


@pytest.mark.parametrize("locale", ["de", "es"])
def test_a_catalog_saved_in_poedit_as_it_opened_changes_only_the_header_lines_poedit_writes(
    sample_project: Path, tmp_path: Path, locale: str
) -> None:
    """The sample's German catalog (reviewed) and Spanish one (untranslated): notes over several
    references, glossary notes, long paragraph notes, wrapped strings. Poedit's save rewrites the
    revision date, Last-Translator and X-Generator, nothing else; transpub reads the file as before."""
    po = catalog(sample_project, locale, "jingyue-platinum-industry")
    before = po.read_text(encoding="utf-8")
    checked = check_output(sample_project, "-l", locale)
    output, pages = compiled_pages(sample_project)

    save_in_poedit(po, tmp_path / "poedit")

    after = po.read_text(encoding="utf-8")
    removed, added = changes(before, after)
    assert {header_field(line) for line in removed} == {"PO-Revision-Date", "Last-Translator", "X-Generator"}
    assert [header_field(line) for line in added] == ["PO-Revision-Date", "Last-Translator", "X-Generator"]
    assert POEDIT_HEADER["Last-Translator"] in added and POEDIT_HEADER["X-Generator"] in added
    assert po.with_suffix(".mo").is_file()  # Poedit compiles one beside it
    assert check_output(sample_project, "-l", locale) == checked
    assert unchanged(sample_project) == PUBLISHED  # no page written again
    assert compiled_pages(sample_project) == (output, pages)
    result = run(sample_project, "extract")
    assert "1 article unchanged" in result.output
    assert po.read_text(encoding="utf-8") == after  # Poedit's header stays as Poedit saved it


def test_a_chinese_catalog_saved_in_poedit_without_preserving_formatting_changes_only_the_header(
    sample_project: Path, tmp_path: Path
) -> None:
    """As the README tells translators of Chinese, Japanese, Korean or a script with combining marks
    to set Poedit (Preferences → Advanced: "Preserve formatting of existing files" off): Poedit then
    wraps at 79 columns as msgcat and transpub do, so lines of full-width characters stay put."""
    po = catalog(sample_project, "zh_CN", "jingyue-platinum-industry")
    before = po.read_text(encoding="utf-8")

    save_in_poedit(po, tmp_path / "poedit", preserve_formatting=False)

    removed, added = changes(before, po.read_text(encoding="utf-8"))
    assert [header_field(line) for line in removed] == ["PO-Revision-Date", "Last-Translator", "X-Generator"]
    assert [header_field(line) for line in added] == ["PO-Revision-Date", "Last-Translator", "X-Generator"]


def test_a_chinese_catalog_poedit_rewraps_reads_the_same_and_extract_leaves_it_as_saved(
    sample_project: Path, tmp_path: Path
) -> None:
    """With Poedit's default settings, Poedit wraps a catalog at the width it guesses from its longest
    line in characters (78 here), and msgcat counts a Chinese character as two columns: lines of
    Chinese are cut elsewhere. transpub reads the file the same and does not wrap it back."""
    po = catalog(sample_project, "zh_CN", "jingyue-platinum-industry")
    before = po.read_text(encoding="utf-8")
    checked = check_output(sample_project, "-l", "zh_CN")
    output, pages = compiled_pages(sample_project)

    save_in_poedit(po, tmp_path / "poedit")

    after = po.read_text(encoding="utf-8")
    removed, _ = changes(before, after)
    assert any("产业" in line for line in removed)  # Poedit cut a Chinese line elsewhere
    assert check_output(sample_project, "-l", "zh_CN") == checked
    assert unchanged(sample_project) == PUBLISHED
    assert compiled_pages(sample_project) == (output, pages)
    run(sample_project, "extract")
    assert po.read_text(encoding="utf-8") == after


# -- a translator's review ---------------------------------------------------------------------------


@pytest.fixture
def machine_translated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The harbour article (6 units) machine-translated into German: every entry fuzzy, with its
    ``# transpub: machine translation by libre …`` comment."""
    project = harbour_project(tmp_path / "harbour")
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        run(project, "translate", "-l", "de", "--engine", "libre")
    return project


#: What the reviewer does: rewrites one machine translation, accepts another as it is, and rewrites
#: a third but leaves "Needs work" set (toggled back on after the edit cleared it).
REVIEW = (
    Edit("Ships return on Monday.", "Die Schiffe kehren am Montag zurück."),
    Edit("Harbour news", toggle_needs_work=True),
    Edit("Nothing else changed.", "Sonst hat sich nichts geändert.", toggle_needs_work=True),
)


def test_a_review_in_poedit_is_published_and_the_rest_still_counts_as_machine_translation(
    machine_translated: Path, tmp_path: Path
) -> None:
    po = catalog(machine_translated, "de", "harbour")
    save_in_poedit(po, tmp_path / "poedit", REVIEW)

    text = po.read_text(encoding="utf-8")
    assert text.count(MACHINE) == 6  # Poedit keeps every provenance comment
    assert text.count("#, fuzzy") == 4
    assert "#. Placeholders: <1>…</1> = link (a) to /report; <2/> = line break (br)" in text
    output, pages = compiled_pages(machine_translated, "-l", "de", "--include-fuzzy")
    assert "de/harbour.html: 100% shown (4 of 6 machine-translated)" in output
    page = pages["de/harbour.html"].decode()
    assert "Die Schiffe kehren am Montag zurück." in page
    assert "Sonst hat sich nichts geändert." in page
    assert "<title>[de] Harbour news</title>" in page
    assert "maschinell übersetzt" in page  # the notice: machine output is still shown unreviewed
    checked = check_output(machine_translated, "-l", "de")
    assert "de: 33.3% translated (2 of 6 units), 4 fuzzy, 0 untranslated" in checked
    assert '"Harbour news"' not in checked and '"Ships return on Monday."' not in checked


def test_after_a_review_in_poedit_extract_keeps_the_work_and_the_header_and_changes_only_the_changed_sentence(
    machine_translated: Path, tmp_path: Path
) -> None:
    po = catalog(machine_translated, "de", "harbour")
    save_in_poedit(po, tmp_path / "poedit", REVIEW)
    saved = po.read_text(encoding="utf-8")
    run(machine_translated, "extract")
    assert po.read_text(encoding="utf-8") == saved  # nothing changed in the article: nothing written

    article = machine_translated / "articles" / "harbour.html"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Ships return on Monday.", "Ships return on Tuesday."),
        encoding="utf-8",
    )
    run(machine_translated, "extract")

    removed, added = changes(saved, po.read_text(encoding="utf-8"))
    # the header as Poedit saved it (the template's date aside, which extract sets); the changed
    # sentence's entry, and the paragraph note of the two sentences of its paragraph
    assert {header_field(line) for line in removed + added} <= {"", "POT-Creation-Date"}
    paragraph = "#. Paragraph: Read the full report on page 4 today. Ships return on"
    assert [line.split(" on 20")[0] for line in removed if not header_field(line)] == [
        f"{paragraph} Monday.",
        MACHINE.removesuffix(" on "),  # reviewed before: a person's work now, not machine output
        f"{paragraph} Monday.",
        'msgid "Ships return on Monday."',
    ]
    assert [line for line in added if not header_field(line)] == [
        f"{paragraph} Tuesday.",
        f"{paragraph} Tuesday.",
        "#, fuzzy",
        '#| msgid "Ships return on Monday."',
        'msgid "Ships return on Tuesday."',
    ]
    assert "Die Schiffe kehren am Montag zurück." in po.read_text(encoding="utf-8")
    # the reviewed translation of the old sentence is a person's work, not machine output
    output, _ = compiled_pages(machine_translated, "-l", "de", "--include-fuzzy")
    assert "de/harbour.html: 100% shown (5 of 6 unreviewed, 4 of them machine-translated)" in output


# -- what Poedit changes in a note -------------------------------------------------------------------

NOTED = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Ferry times</title></head>
<body><article>
<p data-l10n-note="  Keep it short.
      It is read aloud at the pier.   ">The ferry leaves at <b>noon</b>.</p>
<p its-loc-note="A name. ">Pier Nine</p>
</article></body></html>
"""


def test_an_authors_note_over_indented_lines_is_left_as_poedit_saves_it(tmp_path: Path) -> None:
    """Poedit reads a ``#.`` line without the white space around its text, and writes it so: a
    note's line written indented was written back indented by the next extract, at every save."""
    project = harbour_project(tmp_path / "ferry")
    (project / "articles" / "ferry.html").write_text(NOTED, encoding="utf-8")
    run(project, "extract")
    po = catalog(project, "de", "ferry")

    save_in_poedit(po, tmp_path / "poedit")
    saved = po.read_text(encoding="utf-8")
    assert "#. It is read aloud at the pier.\n" in saved
    run(project, "extract")
    assert po.read_text(encoding="utf-8") == saved
