"""The glossary's notes as a translator reads them in a catalog (Poedit's "Notes for translators"):
what the note says for their language and for every language, not what it says for the others; a
long note in full on the first entry naming its term, the rule itself on every entry."""

from __future__ import annotations

from pathlib import Path

import polib
from click.testing import CliRunner

from transpub.cli import main
from transpub.project import init_project

NOTE = (
    "Swedish ski race that lends the festival its name. de/sv: genitive Vasaloppets accepted. "
    "zh: official 瓦萨; ru: transliterate."
)
TERMS = (
    f'term,de,zh_CN,ru,note,do_not_translate\nVasaloppet,Vasaloppet|Vasaloppets,瓦萨,Васалоппет,"{NOTE}",de\n'
    "Changchun,Changchun,长春,Чанчунь,City in Jilin,\n"
)
RACE = "The race\n\nVasaloppet starts on Sunday.\n\nChangchun hosts the Vasaloppet.\n\nChangchun waits.\n"
MOVED = "The race\n\nWho runs Vasaloppet?\n\n" + RACE.split("\n\n", 1)[1]
FULL_DE = (
    'Glossary: "Vasaloppet" = keep as "Vasaloppet" (do not translate); also "Vasaloppets"; '
    "note: Swedish ski race that lends the festival its name. de/sv: genitive Vasaloppets accepted."
)
AGAIN_DE = (
    'Glossary: "Vasaloppet" = keep as "Vasaloppet" (do not translate); also "Vasaloppets"; '
    "note: see the first entry with this term"
)
LOCALES = ["de", "zh_CN", "ru"]


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(root), *args])


def project(root: Path, article: str) -> Path:
    init_project(root, source="en", locales=LOCALES)
    (root / "glossary" / "terms.csv").write_text(TERMS, encoding="utf-8")
    (root / "articles" / "race.txt").write_text(article, encoding="utf-8")
    result = run(root, "extract")
    assert result.exit_code == 0, result.output
    return root


def glossary_notes(root: Path, locale: str) -> list[list[str]]:
    """The ``#. Glossary:`` lines of each entry of ``locale``'s catalog, in order."""
    po = polib.pofile(str(root / "locales" / locale / "LC_MESSAGES" / "race.po"))
    return [[line for line in entry.comment.split("\n") if line.startswith("Glossary: ")] for entry in po]


def test_each_translator_reads_the_note_for_their_own_language_and_for_every_language(tmp_path: Path) -> None:
    root = project(tmp_path, RACE)
    assert glossary_notes(root, "de")[1] == [FULL_DE]
    assert glossary_notes(root, "zh_CN")[1] == [
        'Glossary: "Vasaloppet" = "瓦萨"; note: Swedish ski race that lends the festival its name. zh: official 瓦萨.'
    ]
    assert glossary_notes(root, "ru")[1] == [
        'Glossary: "Vasaloppet" = "Васалоппет"; '
        "note: Swedish ski race that lends the festival its name. ru: transliterate."
    ]


def test_a_long_note_is_read_in_full_on_the_first_entry_naming_the_term_and_pointed_to_on_the_next(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, RACE)
    assert glossary_notes(root, "de") == [
        [],
        [FULL_DE],
        ['Glossary: "Changchun" = "Changchun"; note: City in Jilin', AGAIN_DE],
        ['Glossary: "Changchun" = "Changchun"; note: City in Jilin'],  # (a short note: on each entry)
    ]


def test_the_full_note_moves_to_a_new_first_entry_naming_the_term_and_check_and_status_agree_with_extract(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, RACE)
    (root / "articles" / "race.txt").write_text(MOVED, encoding="utf-8")
    assert "out of date" in run(root, "status", "-l", "de").output
    assert run(root, "extract").exit_code == 0
    assert [notes[-1:] for notes in glossary_notes(root, "de")][1:4] == [[FULL_DE], [AGAIN_DE], [AGAIN_DE]]
    assert "[outdated]" not in run(root, "check", "-l", "de").output
    assert "out of date" not in run(root, "status", "-l", "de").output


def test_catalogs_with_language_notes_stay_as_they_are_at_the_next_extract_and_check_finds_them_current(
    tmp_path: Path,
) -> None:
    root = project(tmp_path, RACE)
    before = {path: path.read_bytes() for path in root.glob("locales/**/*.po")}
    result = run(root, "extract")
    assert result.exit_code == 0, result.output
    assert {path: path.read_bytes() for path in root.glob("locales/**/*.po")} == before
    assert "[outdated]" not in run(root, "check").output


def test_check_still_names_the_rendering_a_translation_misses(tmp_path: Path) -> None:
    root = project(tmp_path, "The race\n\nVasaloppet starts on Sunday.\n")
    path = root / "locales" / "zh_CN" / "LC_MESSAGES" / "race.po"
    po = polib.pofile(str(path))
    po.find("Vasaloppet starts on Sunday.").msgstr = "华萨周日开始。"
    po.save()
    output = run(root, "check", "-l", "zh_CN").output
    assert (
        '[glossary] "Vasaloppet starts on Sunday.": "Vasaloppet" must be rendered as "瓦萨" in zh_CN'
        in output
    )
