"""transpub align: an article's existing translation fills its catalog (credit lines, merged sentences, changed emphasis)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from exchange_project import catalog_of, run
from transpub.cli import main
from transpub.memory import TranslationMemory

DATA = Path(__file__).parent / "data" / "align"
SLUG = "harbour-festival"

#: What a person who reads both languages pairs up in the German translation (tests/data/align).
GERMAN = {
    "Harbour festival returns": "Das Hafenfest kehrt zurück",
    "The harbour festival returns after three years.": "Das Hafenfest kehrt nach drei Jahren zurück.",
    "The harbour festival returns on 12 May after three years.": "Das Hafenfest kehrt am 12. Mai nach drei Jahren zurück.",
    "More than 40 boats will take part.": "Mehr als 40 Boote werden teilnehmen.",
    # <em> in the source, <i> in the translation: the source's element is kept
    "The mayor thanked <1>all volunteers</1> for their work.": "Die Bürgermeisterin dankte <1>allen Freiwilligen</1> für ihre Arbeit.",
    "Programme": "Programm",
    "A parade of boats at 10 o'clock.": "Eine Bootsparade um 10 Uhr.",
    "Concerts on the pier until midnight.": "Konzerte auf der Mole bis Mitternacht.",
    "Tickets cost 5 euros and are sold at <1>the harbour office</1>.": "Karten kosten 5 Euro und sind im <1>Hafenbüro</1> erhältlich.",
    "Children under 12 enter for free.": "Kinder unter 12 Jahren haben freien Eintritt.",
    # the emphasis moved to another word
    "Read <1>the full programme</1> on our website.": "Lesen Sie das vollständige <1>Programm</1> auf unserer Website.",
}
#: The two sentences the German translator merged into one: nothing to fill them with.
MERGED = ("She said the town had waited a long time.", "The festival will end with fireworks.")

CHINESE = {
    "Harbour festival returns": "港口节回来了",
    "The harbour festival returns after three years.": "港口节时隔三年再次举办。",
    "The mayor thanked <1>all volunteers</1> for their work.": "市长感谢<1>所有志愿者</1>的付出。",
    "She said the town had waited a long time.": "她说，全镇已经等了很久。",
    "The festival will end with fireworks.": "节日将以烟花表演结束。",
    "Programme": "活动安排",
    "A parade of boats at 10 o'clock.": "10点举行船只巡游。",
    "Concerts on the pier until midnight.": "码头音乐会持续到午夜。",
    "Tickets cost 5 euros and are sold at <1>the harbour office</1>.": "门票5欧元，在<1>港务办公室</1>出售。",
    "Children under 12 enter for free.": "12岁以下儿童免费入场。",
    "Read <1>the full programme</1> on our website.": "请在我们的网站上阅读<1>完整节目单</1>。",
}


@pytest.fixture
def festival(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "news"
    CliRunner().invoke(main, ["init", str(root), "--source", "en", "-l", "de", "-l", "zh_CN"])
    shutil.copy(DATA / f"{SLUG}.html", root / "articles" / f"{SLUG}.html")
    run(root, "extract")
    monkeypatch.chdir(root)  # the editor works in the project
    return root


def _filled(project: Path, locale: str, slug: str = SLUG) -> dict[str, str]:
    return {e.msgid: e.msgstr for e in catalog_of(project, locale, slug) if e.msgstr}


def test_german_translation_with_credit_line_merged_sentence_and_changed_emphasis(festival: Path) -> None:
    result = run(festival, "align", f"articles/{SLUG}.html", str(DATA / f"{SLUG}.de.html"), "-l", "de")
    assert result.output == (
        f"articles/{SLUG}.html: 11 filled, 0 translated or fuzzy already, 2 sentences unfilled; "
        "blocks unmatched: 0 in the source, 1 in the translation\n"
    )
    assert _filled(festival, "de") == GERMAN
    entries = {e.msgid: e for e in catalog_of(festival, "de", SLUG)}
    for msgid in MERGED:
        assert entries[msgid].msgstr == ""
    programme = entries["Programme"]
    assert "fuzzy" in programme.flags
    assert f"transpub: aligned from {DATA / f'{SLUG}.de.html'}" in programme.tcomment
    # a translator comment, which extract keeps (it took the extracted comment "#. aligned from"
    # away, and check called the catalogs outdated until it did)
    run(festival, "extract")
    kept = {e.msgid: e for e in catalog_of(festival, "de", SLUG)}["Programme"]
    assert kept.tcomment == programme.tcomment and kept.comment == programme.comment
    assert "outdated" not in run(festival, "check", "-l", "de", code=1).output
    assert all("Anna Berg" not in text for text in _filled(festival, "de").values())  # the credit line


def test_an_aligned_translation_is_published_as_not_reviewed_not_as_machine_translation(
    festival: Path,
) -> None:
    run(festival, "align", f"articles/{SLUG}.html", str(DATA / f"{SLUG}.de.html"), "-l", "de")
    result = run(festival, "compile", "-l", "de", "--include-fuzzy", "--threshold", "0")
    assert f"de/{SLUG}.html: " in result.output and " of 13 unreviewed)" in result.output
    assert "machine-translated" not in result.output
    page = (festival / "site" / "de" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "Teile dieser Seite wurden noch nicht geprüft." in page and "maschinell" not in page


def test_the_compiled_page_uses_the_source_markup_and_needs_no_fallback(festival: Path) -> None:
    run(festival, "align", f"articles/{SLUG}.html", str(DATA / f"{SLUG}.de.html"), "-l", "de")
    result = run(festival, "compile", "-l", "de", "--include-fuzzy", "--threshold", "0")
    assert "the source text is published instead" not in result.output
    page = (festival / "site" / "de" / f"{SLUG}.html").read_text(encoding="utf-8")
    assert "Die Bürgermeisterin dankte <em>allen Freiwilligen</em> für ihre Arbeit." in page
    assert 'sind im <a href="/tickets">Hafenbüro</a> erhältlich' in page
    assert "Lesen Sie das vollständige <strong>Programm</strong> auf unserer Website." in page


def test_chinese_translation_with_a_credit_line_at_the_end(festival: Path) -> None:
    result = run(festival, "align", f"articles/{SLUG}.html", str(DATA / f"{SLUG}.zh_CN.html"), "-l", "zh_CN")
    assert "11 filled" in result.output and "1 in the translation" in result.output
    assert _filled(festival, "zh_CN") == CHINESE  # the first paragraph's two sentences were merged


def test_translated_entries_are_never_touched_and_the_memory_learns_the_pairs(festival: Path) -> None:
    po = catalog_of(festival, "de", SLUG)
    next(e for e in po if e.msgid == "Programme").msgstr = "Das Programm"
    po.save()
    result = run(festival, "align", f"articles/{SLUG}.html", str(DATA / f"{SLUG}.de.html"), "-l", "de")
    assert "10 filled, 1 translated or fuzzy already" in result.output
    entry = next(e for e in catalog_of(festival, "de", SLUG) if e.msgid == "Programme")
    assert entry.msgstr == "Das Programm" and "fuzzy" not in entry.flags
    with TranslationMemory(festival / ".transpub" / "memory.sqlite") as memory:
        found = memory.exact("en", "de", "More than 40 boats will take part.")
        assert found is not None and found.target == "Mehr als 40 Boote werden teilnehmen."


def test_unrelated_articles_are_low_confidence_and_fill_nothing(festival: Path) -> None:
    before = (festival / "locales" / "de" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes()
    result = run(
        festival, "align", f"articles/{SLUG}.html", str(DATA / "library.de.html"), "-l", "de", code=1
    )
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"Warning: articles/{SLUG}.html: low confidence")
    assert "nothing filled" in lines[0]
    assert (festival / "locales" / "de" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes() == before


def aligned_with_an_old_site(festival: Path, tmp_path: Path) -> tuple[list[str], Path]:
    """The lines of ``align --dir`` after an extract, against an old German site holding the
    festival article alone; and that site's folder."""
    run(festival, "extract")
    old = tmp_path / "old-site"
    old.mkdir()
    shutil.copy(DATA / f"{SLUG}.de.html", old / f"{SLUG}.html")
    result = run(festival, "align", "--dir", str(festival / "articles"), str(old), "-l", "de")
    return result.output.splitlines(), old


def test_dir_pairs_files_by_path_and_skips_an_article_nobody_translated(
    festival: Path, tmp_path: Path
) -> None:
    """Not every article of a folder was translated: one with no counterpart is a skip, not an error."""
    (festival / "articles" / "other.html").write_text(
        "<html><body><p>Alone.</p></body></html>", encoding="utf-8"
    )
    lines, old = aligned_with_an_old_site(festival, tmp_path)
    assert len(lines) == 2 and lines[0].startswith(f"articles/{SLUG}.html: 11 filled")
    assert lines[1] == f"1 article skipped, with no file of the same path under {old}: articles/other.html"


def test_dir_with_no_article_translated_is_one_error(festival: Path, tmp_path: Path) -> None:
    """Folders of which no file pairs (the wrong folder given) are a mistake, not a run of skips."""
    old = tmp_path / "old-site"
    old.mkdir()
    (old / "unrelated.html").write_text("<p>Nichts.</p>", encoding="utf-8")
    result = run(festival, "align", "--dir", str(festival / "articles"), str(old), "-l", "de", code=1)
    assert result.output == (f"Error: articles: no article here has a file of the same path under {old}\n")


def test_an_article_that_is_a_link_to_another_fills_its_own_catalog(festival: Path) -> None:
    """``articles/reprint.html`` a symbolic link to the festival article: extract gives it a catalog
    of its own, and align fills that one, never the catalog of the article it leads to."""
    (festival / "articles" / "reprint.html").symlink_to(f"{SLUG}.html")
    run(festival, "extract")
    before = (festival / "locales" / "de" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes()
    run(festival, "align", "articles/reprint.html", str(DATA / f"{SLUG}.de.html"), "-l", "de")
    assert (festival / "locales" / "de" / "LC_MESSAGES" / f"{SLUG}.po").read_bytes() == before
    assert _filled(festival, "de", "reprint")["Programme"] == "Programm"


def test_a_link_out_of_the_articles_folder_is_no_article_to_align(festival: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere.html"
    shutil.copy(DATA / f"{SLUG}.html", elsewhere)
    (festival / "articles" / "outside.html").symlink_to(elsewhere)
    result = run(
        festival, "align", "articles/outside.html", str(DATA / f"{SLUG}.de.html"), "-l", "de", code=1
    )
    assert "Error: articles/outside.html: not an article of this project" in result.output
    assert not list((festival / "locales").rglob("outside.po"))


def test_source_text_kept_in_comments_pairs_blocks_that_length_cannot(festival: Path) -> None:
    # the list items are swapped and one is much longer: only the comments above them tell
    result = run(
        festival, "align", f"articles/{SLUG}.html", str(DATA / f"{SLUG}.commented.de.html"), "-l", "de"
    )
    filled = _filled(festival, "de")
    assert filled["Concerts on the pier until midnight."] == "Konzerte auf der Mole bis Mitternacht."
    assert filled["A parade of boats at 10 o'clock."].startswith("Eine Bootsparade um 10 Uhr, angeführt")
    assert filled["More than 40 boats will take part."] == "Mehr als 40 Boote werden teilnehmen."
    assert "blocks unmatched: 4 in the source, 0 in the translation" in result.output  # a partial translation


def test_markdown_front_matter_keys_and_paragraphs_align(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = tmp_path / "ferry"
    CliRunner().invoke(main, ["init", str(root), "--source", "en", "-l", "fr"])
    shutil.copy(DATA / "ferry.md", root / "articles" / "ferry.md")
    run(root, "extract")
    monkeypatch.chdir(root)
    result = run(root, "align", "articles/ferry.md", str(DATA / "ferry.fr.md"), "-l", "fr")
    assert "5 filled" in result.output and "1 in the translation" in result.output  # the credit line
    assert _filled(root, "fr", "ferry") == {
        "Night ferry resumes": "Le ferry de nuit reprend",
        "The night ferry to the island runs again from 1 June.": (
            "Le ferry de nuit vers l'île circule de nouveau à partir du 1er juin."
        ),
        "It leaves the harbour at 23:30 every day.": "Il quitte le port à 23h30 tous les jours.",
        "Tickets can be bought on board.": "Les billets s'achètent à bord.",
        "<1>Cyclists</1> travel for free.": "Les <1>cyclistes</1> voyagent gratuitement.",
    }


def test_align_usage_names_the_source_and_the_translation_as_its_help_and_readme_do(tmp_path: Path) -> None:
    """The usage line said ``[PATHS]...``, a name the help text never uses (a missing path: see
    test_cli_paths)."""
    usage = CliRunner().invoke(main, ["align", "--help"]).output.splitlines()[0]
    assert usage.endswith("align [OPTIONS] SOURCE TRANSLATION")
    one = CliRunner().invoke(main, ["align", str(tmp_path), "-l", "de"])
    assert one.exit_code == 2
    assert "give SOURCE and TRANSLATION" in one.output


def test_dir_does_not_count_a_translation_beside_its_article_as_an_article_skipped(
    festival: Path, tmp_path: Path
) -> None:
    """A Hugo or MkDocs site by file name keeps ``notes.de.md`` beside ``notes.md``: extract never
    takes it for an article, and align --dir listed it among the "articles skipped"."""
    (festival / "articles" / "notes.md").write_text("# Notes\n\nAlone.\n", encoding="utf-8")
    (festival / "articles" / "notes.de.md").write_text("# Notizen\n\nAllein.\n", encoding="utf-8")
    (festival / "articles" / f"{SLUG}.zh_CN.md").write_text("# 港口节\n", encoding="utf-8")
    lines, old = aligned_with_an_old_site(festival, tmp_path)
    assert len(lines) == 2 and lines[0].startswith(f"articles/{SLUG}.html: 11 filled")
    assert lines[1] == f"1 article skipped, with no file of the same path under {old}: articles/notes.md"


def test_a_jekyll_article_aligns_onto_the_entries_extract_offers_with_kramdown_syntax(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """align read articles as CommonMark: a kramdown comment inside a paragraph, which extract keeps as
    one placeholder on a Jekyll site, gave units whose msgids were none of the catalog's."""
    root = tmp_path / "site"
    (root / "en").mkdir(parents=True)
    (root / "_config.yml").write_text("title: Harbour\nexclude: [locales, transpub.toml]\n", encoding="utf-8")
    (root / "en" / "ferry.md").write_text(
        "---\ntitle: Ferry\n---\nBoarding starts {::comment}ask the crew{:/comment} at noon.\n\n"
        "Leave the car\\\\\nand take the ferry.\n",
        encoding="utf-8",
    )
    translation = tmp_path / "ferry.de.md"
    translation.write_text(
        "---\ntitle: Fähre\n---\nDas Einsteigen beginnt {::comment}ask the crew{:/comment} um zwölf.\n\n"
        "Lassen Sie das Auto stehen\\\\\nund nehmen Sie die Fähre.\n",
        encoding="utf-8",
    )
    run(root, "init", "-l", "de")
    run(root, "extract")
    monkeypatch.chdir(root)
    run(root, "align", "en/ferry.md", str(translation), "-l", "de")
    assert _filled(root, "de", "ferry") == {
        "Ferry": "Fähre",
        "Boarding starts <1/> at noon.": "Das Einsteigen beginnt <1/> um zwölf.",
        "Leave the car<1/>and take the ferry.": "Lassen Sie das Auto stehen<1/>und nehmen Sie die Fähre.",
    }
