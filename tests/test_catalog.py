"""The catalog layer as users and translators see it."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import polib
import pytest

from transpub.catalog import (
    build_template,
    catalog_stats,
    entry_state,
    format_catalog,
    provenance_of,
    read_catalog,
    set_machine_translation,
    set_translation,
    translator_comments,
    update_catalog,
    write_catalog,
    write_mo,
    write_template,
)
from transpub.errors import CatalogError
from transpub.model import Placeholder, Unit

DATE = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def units(*texts: str) -> list[Unit]:
    return [
        Unit(text, (f"articles/seed.html#main/p[{i}]",), (f"Paragraph: {text}",))
        for i, text in enumerate(texts, 1)
    ]


def make_template(*texts: str, date: datetime = DATE) -> polib.POFile:
    return build_template(units(*texts), project_name="Seed", creation_date=date)


def test_template_carries_references_notes_and_placeholder_legend(tmp_path: Path) -> None:
    unit = Unit(
        "Read <1>the guide</1>.<2/>",
        ("articles/seed.html#main/p[2]",),
        ("A note",),
        (Placeholder(1, "a", True), Placeholder(2, "br", False)),
    )
    path = tmp_path / "seed.pot"
    write_template(build_template([unit], project_name="Seed", creation_date=DATE), path)
    text = path.read_text()
    assert "#. A note\n#. Placeholders: <1>…</1> = link (a); <2/> = line break (br)\n" in text
    assert "#: articles/seed.html#main/p[2]\n" in text
    assert '"POT-Creation-Date: 2026-11-25 09:30+0000\\n"' in text
    assert '"X-Generator: transpub ' in text
    entry = read_catalog(path)[0]
    assert entry.occurrences == [("articles/seed.html#main/p[2]", "")]


def test_rerunning_extract_without_changes_rewrites_nothing(tmp_path: Path) -> None:
    path = tmp_path / "seed.pot"
    assert write_template(make_template("One.", "Two."), path)
    before = (path.read_bytes(), path.stat().st_mtime_ns)
    later = datetime(2027, 1, 1, tzinfo=UTC)
    assert not write_template(make_template("One.", "Two.", date=later), path)
    assert (path.read_bytes(), path.stat().st_mtime_ns) == before
    assert write_template(make_template("One.", "Three.", date=later), path)
    assert "2027-01-01 00:00+0000" in path.read_text()


def test_new_locale_catalog_has_gettext_headers_and_is_not_fuzzy(tmp_path: Path) -> None:
    path = tmp_path / "zh_CN.po"
    report = update_catalog(path, make_template("One.", "Two."), "zh_CN")
    assert report.new == 2 and report.written
    po = read_catalog(path)
    assert po.metadata["Language"] == "zh_CN"
    assert po.metadata["Plural-Forms"] == "nplurals=1; plural=0;"
    assert po.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert po.metadata["PO-Revision-Date"][:4].isdigit()  # a real date, so msgfmt -c does not warn
    assert not po.metadata_is_fuzzy
    assert "#, fuzzy" not in path.read_text().split("msgid", 1)[0]


def translate_all(path: Path, mapping: dict[str, str], *, reviewed: bool = True) -> None:
    po = read_catalog(path)
    for entry in po:
        if entry.msgid in mapping:
            entry.msgstr = mapping[entry.msgid]
            if reviewed and "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
    write_catalog(po, path)


def test_changed_sentence_keeps_old_translation_as_fuzzy_with_previous_msgid(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("The cat sleeps on the mat.", "Hello."), "es")
    translate_all(path, {"The cat sleeps on the mat.": "El gato duerme en la alfombra.", "Hello.": "Hola."})
    report = update_catalog(path, make_template("The cat sleeps on the red mat.", "Hello."), "es")
    assert (report.kept, report.fuzzy_matched, report.new) == (1, 1, 0)
    text = path.read_text()
    assert (
        '#, fuzzy\n#| msgid "The cat sleeps on the mat."\nmsgid "The cat sleeps on the red mat."\n'
        'msgstr "El gato duerme en la alfombra."'
    ) in text
    assert entry_state(read_catalog(path).find("Hello.")) == "translated"


def test_no_fuzzy_matching_leaves_changed_sentence_untranslated_and_obsoletes_old(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("The cat sleeps on the mat."), "es")
    translate_all(path, {"The cat sleeps on the mat.": "El gato duerme en la alfombra."})
    report = update_catalog(path, make_template("The cat sleeps on the red mat."), "es", fuzzy_matching=False)
    assert (report.new, report.fuzzy_matched, report.obsoleted) == (1, 0, 1)
    assert (
        '#~ msgid "The cat sleeps on the mat."\n#~ msgstr "El gato duerme en la alfombra."'
        in path.read_text()
    )
    report = update_catalog(
        path, make_template("The cat sleeps on the red mat."), "es", fuzzy_matching=False, purge_obsolete=True
    )
    assert report.purged == 1 and "#~" not in path.read_text()


def test_removed_unit_comes_back_from_obsolete_with_its_translation(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("Alpha.", "Beta."), "es")
    translate_all(path, {"Alpha.": "Alfa.", "Beta.": "Beta."})
    update_catalog(path, make_template("Alpha."), "es", fuzzy_matching=False)
    update_catalog(path, make_template("Alpha.", "Beta."), "es", fuzzy_matching=False)
    po = read_catalog(path)
    assert po.find("Beta.").msgstr == "Beta." and not po.obsolete_entries()


def test_translator_comments_and_flags_survive_and_order_follows_article(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("First.", "Second."), "es")
    po = read_catalog(path)
    po.find("Second.").tcomment = "Keep it short"
    po.find("Second.").flags.append("no-wrap")
    write_catalog(po, path)
    update_catalog(path, make_template("Zero.", "Second.", "First."), "es")
    po = read_catalog(path)
    assert [e.msgid for e in po] == ["Zero.", "Second.", "First."]
    assert po.find("Second.").tcomment == "Keep it short"
    assert "no-wrap" in po.find("Second.").flags


def test_update_without_changes_does_not_touch_the_file(tmp_path: Path) -> None:
    path = tmp_path / "ar.po"
    update_catalog(path, make_template("One.", "Two."), "ar")
    stamp = path.stat().st_mtime_ns
    assert not update_catalog(path, make_template("One.", "Two."), "ar").written
    assert path.stat().st_mtime_ns == stamp


def test_glossary_notes_are_appended_per_locale(tmp_path: Path) -> None:
    path = tmp_path / "de.po"
    update_catalog(
        path,
        make_template("Open the browser."),
        "de",
        notes_for=lambda msgid: ["Glossary: browser = Browser"] if "browser" in msgid else [],
    )
    assert "#. Paragraph: Open the browser.\n#. Glossary: browser = Browser\n" in path.read_text()


def test_machine_translation_is_fuzzy_with_provenance_and_reviewed_entries_are_protected(
    tmp_path: Path,
) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("Hello.", "Bye."), "es")
    po = read_catalog(path)
    hello = po.find("Hello.")
    set_machine_translation(hello, "Hola.", "machine translation by apertium (en→es) on 2026-11-25")
    set_machine_translation(hello, "¡Hola!", "machine translation by deepl (en→es) on 2026-11-26")
    assert entry_state(hello) == "fuzzy"
    assert provenance_of(hello) == "machine translation by deepl (en→es) on 2026-11-26"
    assert hello.tcomment.count("transpub:") == 1
    write_catalog(po, path)
    text = path.read_text()
    assert "# transpub: machine translation by deepl (en→es) on 2026-11-26\n#. Paragraph: Hello." in text
    assert '#, fuzzy\nmsgid "Hello."\nmsgstr "¡Hola!"' in text
    translate_all(path, {"Hello.": "¡Hola!"})  # translator clears fuzzy in Poedit
    po = read_catalog(path)
    with pytest.raises(ValueError):
        set_machine_translation(po.find("Hello."), "Hola.", "again")
    update_catalog(path, make_template("Hello.", "Bye."), "es")
    assert entry_state(read_catalog(path).find("Hello.")) == "translated"


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b\n',
            6,
            "syntax",
        ),
        (
            'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "a"\nmsgstr "b"\n\n'
            'msgid "a"\nmsgstr "c"\n',
            8,
            "duplicate",
        ),
        ('msgid "a"\nmsgstr "b"\n', 1, "header"),
    ],
)
def test_broken_po_gives_file_and_line_and_is_left_untouched(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    path = tmp_path / "es.po"
    path.write_text(content)
    with pytest.raises(CatalogError) as caught:
        update_catalog(path, make_template("a"), "es")
    assert words in caught.value.message.lower()
    assert caught.value.line == line and str(caught.value).startswith(f"{path}:{line}: ")
    assert path.read_text() == content


def _add_units(path: str, start: int) -> None:
    texts = [f"Sentence number {i}." for i in range(start, start + 40)]
    update_catalog(Path(path), make_template(*texts), "es", fuzzy_matching=False)


def test_two_processes_updating_one_catalog_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("Start."), "es")
    translate_all(path, {"Start.": "Inicio."})
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_add_units, args=(str(path), n * 40)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    po = read_catalog(path)
    assert po.find("Start.", include_obsolete_entries=True).msgstr == "Inicio."
    assert len(po) >= 40 and not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]


def test_stats_count_states_and_source_words(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("One two three.", "Four five.", "Six."), "es")
    po = read_catalog(path)
    po.find("One two three.").msgstr = "Uno dos tres."
    set_machine_translation(po.find("Four five."), "Cuatro cinco.", "mt")
    stats = catalog_stats(po)
    assert (stats.translated, stats.fuzzy, stats.untranslated) == (1, 1, 1)
    assert (stats.translated_words, stats.fuzzy_words, stats.untranslated_words) == (3, 2, 1)


def test_compiled_mo_is_readable_by_gettext(tmp_path: Path) -> None:
    path = tmp_path / "es.po"
    update_catalog(path, make_template("Hello.", "Bye."), "es")
    po = read_catalog(path)
    po.find("Hello.").msgstr = "Hola."
    set_machine_translation(po.find("Bye."), "Adiós.", "mt")
    mo = tmp_path / "es.mo"
    assert write_mo(po, mo)
    assert not write_mo(po, mo)
    import gettext

    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("Hello.") == "Hola." and catalog.gettext("Bye.") == "Bye."
    write_mo(po, mo, include_fuzzy=True)
    with mo.open("rb") as handle:
        assert gettext.GNUTranslations(handle).gettext("Bye.") == "Adiós."
    listed = subprocess.run(["msgunfmt", str(mo)], capture_output=True, text=True, check=True).stdout
    assert 'msgid "Bye."\nmsgstr "Adiós."' in listed


def test_format_is_what_msgcat_writes_for_cjk_and_arabic() -> None:
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8"}
    po.append(polib.POEntry(msgid="A long sentence " * 8, msgstr="这是一个很长的句子，用于测试换行。" * 5))
    po.append(
        polib.POEntry(msgid="Another long sentence " * 6, msgstr="هذه جملة طويلة لاختبار التفاف الأسطر. " * 4)
    )
    text = format_catalog(po)
    assert (
        subprocess.run(
            ["msgcat", "--force-po", "-"], input=text.encode(), capture_output=True, check=True
        ).stdout.decode()
        == text
    )


def test_check_silencing_comment_survives_update_byte_for_byte_but_unknown_flag_does_not(
    tmp_path: Path,
) -> None:
    # msgcat, and so Poedit, drops flags it does not know; only the comment form is safe to use.
    path = tmp_path / "es.po"
    update_catalog(path, make_template("Version 2 is out.", "Bye."), "es")
    text = path.read_text()
    block = (
        "# transpub-no-numbers\n#. Paragraph: Version 2 is out.\n#: articles/seed.html#main/p[1]\n"
        '#, fuzzy\nmsgid "Version 2 is out."\nmsgstr "Ya salió la versión dos."\n'
    )
    start = text.index("#. Paragraph: Version 2 is out.")
    end = text.index("\n\n", start) + 1
    path.write_text(
        text[:start] + block.replace("#, fuzzy\n", "#, fuzzy, transpub-no-numbers\n") + text[end:]
    )
    assert read_catalog(path).find("Version 2 is out.").tcomment == "transpub-no-numbers"
    update_catalog(path, make_template("Version 2 is out.", "Bye.", "New sentence."), "es")
    assert block in path.read_text()
    before = path.read_bytes()
    assert not update_catalog(path, make_template("Version 2 is out.", "Bye.", "New sentence."), "es").written
    assert path.read_bytes() == before


@pytest.mark.parametrize("provenance", ["aligned from old/de/harbour.html", "reviewed by the desk"])
def test_a_translators_dated_comment_after_an_undated_provenance_stays_their_comment(provenance: str) -> None:
    # (it was read as the rest of the provenance line, then dropped where a translation was set)
    entry = polib.POEntry(
        msgid="Harbour", msgstr="Hafen", tcomment=f"transpub: {provenance}\nAsked the desk on 2024-05-01"
    )
    assert translator_comments(entry) == ["Asked the desk on 2024-05-01"]
    assert provenance_of(entry) == provenance
    set_translation(entry, "Der Hafen", fuzzy=False)
    assert entry.tcomment == "Asked the desk on 2024-05-01"
