"""compile --include-fuzzy tells machine translation from other unreviewed work.

A fuzzy entry is machine output when ``transpub translate`` wrote it (its ``# transpub: machine
translation by …`` comment); other fuzzy entries are people's work not signed off yet (a CAT tool's
import, the earlier translation of a changed sentence, a memory match of human work, an aligned
translation). The summary line, the review index and the public page's notice say which.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exchange_project import catalog_of, fill, harbour_project, run
from fakeservers import FakeMT

MACHINE = "Teile dieser Seite wurden maschinell übersetzt und noch nicht geprüft."
UNREVIEWED = "Teile dieser Seite wurden noch nicht geprüft."
REVIEWED = {
    "Harbour news": ("Hafennachrichten", "reviewed"),
    "Harbour reopens": ("Hafen öffnet wieder", "reviewed"),
    "Read <1>": ("Lesen Sie <1>den ganzen Bericht</1> auf Seite<2/>4 heute.", "reviewed"),
    "The mayor": ("Der Bürgermeister dankte <1>allen</1>, die halfen.", "reviewed"),
}


@pytest.fixture
def harbour(tmp_path: Path) -> Path:
    """The harbour article (6 units) in German, four of its units reviewed."""
    project = harbour_project(tmp_path / "harbour")
    fill(project, "de", REVIEWED)
    return project


@pytest.fixture
def engine(monkeypatch: pytest.MonkeyPatch):
    """A local LibreTranslate stand-in: ``[de] <source>``."""
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        yield server


def import_from_cat_tool(project: Path, translations: dict[str, str]) -> None:
    """What OmegaT 3.6 does with an export whose targets hold their source (``--copy-source``): it
    replaces a target's text and leaves its state alone, so the unit comes back fuzzy."""
    out = project / "out"
    run(project, "xliff", "export", "-l", "de", "--copy-source", "-o", str(out))
    path = out / "harbour.de.xlf"
    text = path.read_text(encoding="utf-8")
    for source, target in translations.items():
        assert f">{source}</target>" in text
        text = text.replace(f">{source}</target>", f">{target}</target>")
    path.write_text(text, encoding="utf-8")
    run(project, "xliff", "import", str(path))


def compiled(project: Path) -> tuple[str, str, str]:
    """``compile -l de --include-fuzzy``: its output, the German page and the review index."""
    result = run(project, "compile", "-l", "de", "--include-fuzzy")
    page = (project / "site" / "de" / "harbour.html").read_text(encoding="utf-8")
    review = (project / "site" / "_review" / "index.html").read_text(encoding="utf-8")
    return result.output, page, review


def test_a_cat_tools_unreviewed_import_is_published_as_not_reviewed_not_as_machine_translation(
    harbour: Path,
) -> None:
    import_from_cat_tool(
        harbour,
        {
            "Ships return on Monday.": "Schiffe kehren am Montag zurück.",
            "Nothing else changed.": "Sonst nichts.",
        },
    )
    output, page, review = compiled(harbour)
    assert "de/harbour.html: 100% shown (2 of 6 unreviewed)" in output
    assert "machine-translated" not in output
    assert "Schiffe kehren am Montag zurück." in page and "Sonst nichts." in page
    assert f'<p class="transpub-notice" role="note" lang="de">{UNREVIEWED}</p>' in page
    assert "maschinell" not in page
    assert "— 100% shown (2 of 6 unreviewed)</li>" in review and "machine-translated" not in review


def test_a_machine_translated_catalog_is_published_with_the_machine_translation_notice(
    harbour: Path, engine: FakeMT
) -> None:
    run(harbour, "translate", "-l", "de", "--engine", "libre")
    output, page, review = compiled(harbour)
    assert "de/harbour.html: 100% shown (2 of 6 machine-translated)" in output
    assert "[de] Ships return on Monday." in page
    assert f'<p class="transpub-notice" role="note" lang="de">{MACHINE}</p>' in page
    assert UNREVIEWED not in page.replace(MACHINE, "")
    assert "— 100% shown (2 of 6 machine-translated)</li>" in review


def test_a_page_with_both_shows_the_machine_translation_notice_and_counts_each(
    harbour: Path, engine: FakeMT
) -> None:
    import_from_cat_tool(harbour, {"Nothing else changed.": "Sonst nichts."})
    run(harbour, "translate", "-l", "de", "--engine", "libre")  # fills what is still empty
    output, page, review = compiled(harbour)
    assert "de/harbour.html: 100% shown (2 of 6 unreviewed, 1 of them machine-translated)" in output
    assert "[de] Ships return on Monday." in page and "Sonst nichts." in page
    assert page.count('class="transpub-notice"') == 1
    assert f'<p class="transpub-notice" role="note" lang="de">{MACHINE}</p>' in page
    assert "— 100% shown (2 of 6 unreviewed, 1 of them machine-translated)</li>" in review


def test_a_machine_translation_a_translator_edited_but_left_fuzzy_in_poedit_is_still_machine_translation(
    harbour: Path,
) -> None:
    """Poedit keeps the provenance comment on an edit; "Needs work" still set: unreviewed machine output."""
    fill(
        harbour,
        "de",
        {"Ships": ("Schiffe kehren am Montag heim.", "mt"), "Nothing": ("Sonst nichts.", "fuzzy")},
    )
    output, page, _ = compiled(harbour)
    assert "de/harbour.html: 100% shown (2 of 6 unreviewed, 1 of them machine-translated)" in output
    assert MACHINE in page


def test_the_earlier_translation_of_a_changed_sentence_is_not_called_machine_translation(
    harbour: Path,
) -> None:
    fill(harbour, "de", {"Ships": ("Schiffe kehren am Montag zurück.", "reviewed")})
    article = harbour / "articles" / "harbour.html"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Ships return on Monday.", "Ships return on Tuesday."),
        encoding="utf-8",
    )
    run(harbour, "extract")  # the reviewed translation of the old sentence comes in fuzzy
    output, page, _ = compiled(harbour)
    assert "de/harbour.html: 83.3% shown (1 of 6 unreviewed)" in output
    assert UNREVIEWED in page and "maschinell" not in page


def test_a_reviewed_machine_translation_of_a_changed_sentence_is_not_called_machine_translation(
    harbour: Path,
) -> None:
    """Poedit keeps the provenance comment when a reviewer clears "Needs work": the sentence changes
    later, and its reviewed translation comes in fuzzy, a person's work not machine output."""
    fill(harbour, "de", {"Ships": ("Schiffe kehren am Montag zurück.", "mt")})
    po = catalog_of(harbour, "de")
    for entry in po:
        if entry.msgid.startswith("Ships"):
            entry.flags.remove("fuzzy")  # reviewed, the comment kept
    po.save()
    article = harbour / "articles" / "harbour.html"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Ships return on Monday.", "Ships return on Tuesday."),
        encoding="utf-8",
    )
    run(harbour, "extract")
    output, page, _ = compiled(harbour)
    assert "de/harbour.html: 83.3% shown (1 of 6 unreviewed)" in output
    assert UNREVIEWED in page and "maschinell" not in page


def test_without_include_fuzzy_no_notice_is_shown(harbour: Path) -> None:
    import_from_cat_tool(harbour, {"Nothing else changed.": "Sonst nichts."})
    fill(harbour, "de", {"Ships": ("Schiffe kehren am Montag zurück.", "reviewed")})
    result = run(harbour, "compile", "-l", "de")
    page = (harbour / "site" / "de" / "harbour.html").read_text(encoding="utf-8")
    assert "de/harbour.html: 83.3% translated" in result.output
    assert "transpub-notice" not in page


def test_a_translation_memory_match_of_reviewed_work_is_published_as_not_reviewed(
    harbour: Path, engine: FakeMT
) -> None:
    """translate fills the harbour article from another article's reviewed sentences, paying nothing."""
    (harbour / "articles" / "ferry.html").write_text(
        "<html><body><p>Ships return on Monday.</p><p>Nothing else changed.</p></body></html>",
        encoding="utf-8",
    )
    run(harbour, "extract")
    fill(
        harbour,
        "de",
        {"Ships": ("Schiffe kehren am Montag zurück.", "reviewed"), "Nothing": ("Sonst nichts.", "reviewed")},
        slug="ferry",
    )
    run(harbour, "translate", "-l", "de", "--engine", "libre")
    assert engine.requests == 0
    output, page, _ = compiled(harbour)
    assert "de/harbour.html: 100% shown (2 of 6 unreviewed)" in output
    assert "Schiffe kehren am Montag zurück." in page
    assert UNREVIEWED in page and "maschinell" not in page


def test_the_review_copy_colours_machine_translation_and_other_unreviewed_work_apart(
    harbour: Path, engine: FakeMT
) -> None:
    import_from_cat_tool(harbour, {"Nothing else changed.": "Sonst nichts."})
    run(harbour, "translate", "-l", "de", "--engine", "libre")
    run(harbour, "compile", "-l", "de", "--include-fuzzy", "--review")
    review = (harbour / "site" / "_review" / "de" / "harbour.html").read_text(encoding="utf-8")
    assert '<span class="tp-unreviewed" title="Not reviewed yet (fuzzy): ' in review
    assert re.search(r'<span class="tp-unreviewed" title="[^"]*">Sonst nichts\.</span>', review)
    assert re.search(r'<span class="tp-machine" title="[^"]*">\[de\] Ships return on Monday\.</span>', review)
    assert review.count('<span class="tp-machine" title=') == 1
