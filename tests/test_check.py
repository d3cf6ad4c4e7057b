"""``transpub check`` through the CLI: exact lines, exit codes, thresholds, silencing and config."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from test_check_fixtures import (
    ARTICLE,
    TRANSLATIONS,
    add_flag,
    edit_catalog,
    make_project,
    po_path,
    run,
    set_entry,
)

DE = "locales/de/LC_MESSAGES/signing.po"
ZH = "locales/zh_CN/LC_MESSAGES/signing.po"
CLEAN_SUMMARY = [
    "de: 100% translated (5 of 5 units), 0 fuzzy, 0 untranslated; OK (minimum 100%)",
    "zh_CN: 100% translated (5 of 5 units), 0 fuzzy, 0 untranslated; OK (minimum 100%)",
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return make_project(tmp_path / "news")


def lines(result) -> list[str]:
    return result.output.splitlines()


def test_fully_translated_project_passes_with_one_summary_line_per_locale(project: Path) -> None:
    result = run(project, "check")
    assert result.exit_code == 0
    assert lines(result) == [*CLEAN_SUMMARY, "check: OK"]


def test_untranslated_and_fuzzy_entries_fail_with_file_line_and_check_id(project: Path) -> None:
    set_entry(project, "de", "Read <1>the report</1> now.", "")
    set_entry(project, "de", "Over 240 projects have settled in Jingyue.", "Über 240 Projekte.", fuzzy=True)
    result = run(project, "check")
    assert result.exit_code == 1
    assert lines(result) == [
        f'{DE}:28: [untranslated] "Read <1>the report</1> now.": not translated; translate it in the catalog',
        f'{DE}:38: [fuzzy] "Over 240 projects have settled in Jingy…": '
        "unreviewed (fuzzy) translation; review it and clear the fuzzy flag",
        f"{DE}: [threshold] 60% translated (3 of 5 units), below the 80% needed to publish in de: compile "
        "does not publish the page; translate or review 1 more unit in the catalog",
        "de: 60% translated (3 of 5 units), 1 fuzzy, 1 untranslated; 3 problems (minimum 100%)",
        CLEAN_SUMMARY[1],
        "check: 3 problems in 1 locale",
    ]


def test_allow_fuzzy_reports_fuzzy_entries_as_warnings_and_passes(project: Path) -> None:
    set_entry(project, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    result = run(project, "check", "-l", "de", "--allow-fuzzy")
    assert result.exit_code == 0
    assert lines(result)[0].startswith(f'{DE}:19: [fuzzy] warning: "Signing ceremony"')
    assert lines(result)[-1] == "check: OK (1 warning)"


def test_locale_threshold_from_config_lets_sv_publish_at_80_percent(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", locales=("de", "sv"), config="[locale.sv]\nmin_translated = 80\n")
    set_entry(root, "sv", "Signing ceremony", "")
    result = run(root, "check", "-l", "sv")
    assert result.exit_code == 0
    assert lines(result) == [
        'locales/sv/LC_MESSAGES/signing.po:18: [untranslated] warning: "Signing ceremony": not translated; '
        "translate it in the catalog",
        "sv: 80% translated (4 of 5 units), 0 fuzzy, 1 untranslated; OK, 1 warning (minimum 80%)",
        "check: OK (1 warning)",
    ]
    set_entry(root, "sv", "Read <1>the report</1> now.", "")
    result = run(root, "check", "-l", "sv")
    assert result.exit_code == 1
    assert (
        "locales/sv/LC_MESSAGES/signing.po: [threshold] 60% translated (3 of 5 units), below the 80% "
        "needed to publish in sv: compile does not publish the page; translate 1 more unit in the catalog"
        in lines(result)
    )


#: Two of the five units of the Swedish page (60% translated).
TWO_UNITS = ("Signing ceremony", "Read <1>the report</1> now.")


def test_check_fails_the_page_compile_holds_back_though_min_translated_asks_less_and_warns_of_the_key(
    tmp_path: Path,
) -> None:
    """min_translated = 50 let a 60% page pass that compile does not publish (it needs 80%)."""
    root = make_project(tmp_path / "news", locales=("sv",), config="[locale.sv]\nmin_translated = 50\n")
    for msgid in TWO_UNITS:
        set_entry(root, "sv", msgid, "")
    checked = run(root, "check")
    assert checked.exit_code == 1
    assert (
        "locales/sv/LC_MESSAGES/signing.po: [threshold] 60% translated (3 of 5 units), below the 80% "
        "needed to publish in sv: compile does not publish the page; translate 1 more unit in the catalog"
        in lines(checked)
    )
    assert (
        "transpub.toml:10: [threshold] warning: [locale.sv] min_translated = 50 is below what compile needs "
        "to publish a page (80% in sv): check fails a page compile does not publish all the same (it let it "
        "pass before); raise min_translated to that, or remove it" in lines(checked)
    )
    compiled = run(root, "compile")
    assert "sv/signing: not published: 60% translated, below the 80% needed to publish" in compiled.output
    status = run(root, "status").output
    assert (
        "signing (locales/sv/LC_MESSAGES/signing.po): 60% translated, below the 80% needed to publish"
        in status
    )


def test_check_passes_the_page_its_locales_publish_threshold_lets_compile_publish(tmp_path: Path) -> None:
    config = "[locale.sv]\nmin_translated = 50\npublish_threshold = 50\n"
    root = make_project(tmp_path / "news", locales=("sv",), config=config)
    for msgid in TWO_UNITS:
        set_entry(root, "sv", msgid, "")
    checked = run(root, "check")
    assert checked.exit_code == 0, checked.output
    assert lines(checked)[-1] == "check: OK (2 warnings)"  # (the two untranslated units)
    assert "sv/signing.html: 60% translated" in run(root, "compile").output


def test_check_with_threshold_fails_the_pages_compile_with_that_threshold_holds_back(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", locales=("sv",), config="[locale.sv]\nmin_translated = 50\n")
    set_entry(root, "sv", TWO_UNITS[0], "")  # (80%: published by default, not at 90%)
    assert run(root, "check").exit_code == 0
    strict = run(root, "check", "--threshold", "90")
    assert strict.exit_code == 1
    assert (
        "[threshold] 80% translated (4 of 5 units), below the 90% needed to publish in sv: compile does not "
        "publish the page; translate 1 more unit in the catalog" in strict.output
    )
    assert (
        "sv/signing: not published: 80% translated, below the 90% needed"
        in run(root, "compile", "--threshold", "90").output
    )


def test_allowed_fuzzy_entries_count_as_compiles_include_fuzzy_shows_them(tmp_path: Path) -> None:
    """min_translated at the publish threshold: check fails exactly the pages compile holds back."""
    root = make_project(tmp_path / "news", locales=("sv",), config="[check]\nmin_translated = 80\n")
    for msgid in TWO_UNITS:
        set_entry(root, "sv", msgid, TRANSLATIONS["sv"][msgid], fuzzy=True)
    strict = run(root, "check")
    assert strict.exit_code == 1
    assert "[threshold] 60% translated (3 of 5 units), below the 80% needed to publish in sv" in strict.output
    assert "sv/signing: not published: 60% translated" in run(root, "compile").output
    allowed = run(root, "check", "--allow-fuzzy")
    assert allowed.exit_code == 0 and "[threshold]" not in allowed.output, allowed.output
    assert "sv/signing.html: 100% shown (2 of 5 unreviewed)" in run(root, "compile", "--include-fuzzy").output


def test_check_suggests_machine_translation_only_for_a_locale_the_project_has_an_engine_for(
    tmp_path: Path,
) -> None:
    """`transpub translate -l de` with no engine for de fails ("no MT engine set"): check suggested it."""
    root = make_project(tmp_path / "news", locales=("de", "sv"), config='[locale.sv]\nengine = "apertium"\n')
    set_entry(root, "de", "Signing ceremony", "")
    set_entry(root, "sv", "Signing ceremony", "")
    problems = [line for line in lines(run(root, "check")) if "[untranslated]" in line]
    assert problems == [
        'locales/de/LC_MESSAGES/signing.po:18: [untranslated] "Signing ceremony": not translated; '
        "translate it in the catalog",
        'locales/sv/LC_MESSAGES/signing.po:18: [untranslated] "Signing ceremony": not translated; '
        "translate it, or run `transpub translate -l sv` and review the draft",
    ]
    toml = root / "transpub.toml"
    toml.write_text(toml.read_text("utf-8") + '\n[translate]\nengine = "deepl"\n', "utf-8")
    problems = [line for line in lines(run(root, "check")) if "[untranslated]" in line]
    assert problems[0].endswith("translate it, or run `transpub translate -l de` and review the draft")


def test_command_line_minimum_overrides_the_config(project: Path) -> None:
    set_entry(project, "de", "Signing ceremony", "")
    assert run(project, "check", "-l", "de").exit_code == 1
    assert run(project, "check", "-l", "de", "--min-translated", "80").exit_code == 0


def test_changed_article_makes_catalogs_outdated_without_touching_them(project: Path) -> None:
    before = po_path(project, "de").read_bytes()
    article = project / "articles" / "signing.html"
    article.write_text(
        ARTICLE.replace("<p>Over 240 projects have settled in Jingyue.</p>", "<p>More news soon.</p>"),
        encoding="utf-8",
    )
    result = run(project, "check", "-l", "de")
    assert result.exit_code == 1
    assert lines(result)[0] == (
        f"{DE}:37: [outdated] out of date with articles/signing.html "
        "(1 new unit, 1 removed); run `transpub extract`"
    )
    assert po_path(project, "de").read_bytes() == before


def test_catalog_rewrapped_by_another_editor_is_not_outdated(project: Path) -> None:
    path = po_path(project, "de")
    text = path.read_text(encoding="utf-8")
    one_line = 'msgid "Jingyue signed 16 projects worth RMB31.36 billion."'
    path.write_text(
        text.replace(one_line, 'msgid ""\n"Jingyue signed 16 projects "\n"worth RMB31.36 billion."'),
        encoding="utf-8",
    )
    result = run(project, "check", "-l", "de")
    assert result.exit_code == 0, result.output


def test_a_long_note_rewrapped_by_polib_is_not_outdated(tmp_path: Path) -> None:
    # polib (and tools built on it) wraps a long "#." note into several lines when it saves a catalog
    root = tmp_path / "docs"
    (root / "articles").mkdir(parents=True)
    (root / "articles" / "a.md").write_text("!!! warning\n    Mind the gap.\n", encoding="utf-8")
    (root / "transpub.toml").write_text(
        '[project]\nname = "Docs"\nsource_locale = "en"\nlocales = ["de"]\n', encoding="utf-8"
    )
    assert run(root, "extract").exit_code == 0
    path = root / "locales" / "de" / "LC_MESSAGES" / "a.po"
    po = polib.pofile(str(path))
    assert len(po.find("Warning").comment) > 78
    for entry in po:
        entry.msgstr = "Achtung" if entry.msgid == "Warning" else "Vorsicht, Lücke."
    po.save()
    assert "\n#. " in path.read_text(encoding="utf-8").split('msgid "Warning"')[0].split("\n\n")[-1]
    result = run(root, "check", "-l", "de")
    assert result.exit_code == 0, result.output


def test_a_note_polib_rewrapped_at_a_hyphen_is_not_outdated(tmp_path: Path) -> None:
    # textwrap breaks "high-quality" after its hyphen: "high-" ends one "#." line, "quality" starts the next
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    words = "The zone laid a solid foundation for the growth of the local economy. It did so" + " very" * 8
    (root / "articles" / "a.html").write_text(
        f"<html><body><p>{words} for its high-quality development, said the mayor.</p></body></html>",
        encoding="utf-8",
    )
    (root / "transpub.toml").write_text(
        '[project]\nname = "News"\nsource_locale = "en"\nlocales = ["de"]\n', encoding="utf-8"
    )
    assert run(root, "extract").exit_code == 0
    path = root / "locales" / "de" / "LC_MESSAGES" / "a.po"
    po = polib.pofile(str(path))
    for entry in po:
        entry.msgstr = f"⟦{entry.msgid}⟧"
    po.save()
    assert "high-\n#. quality" in path.read_text(encoding="utf-8")
    result = run(root, "check", "-l", "de")
    assert result.exit_code == 0, result.output
    status = run(root, "status")
    assert "out of date" not in status.output, status.output


def test_missing_catalog_is_outdated(project: Path) -> None:
    po_path(project, "zh_CN").unlink()
    result = run(project, "check", "-l", "zh_CN")
    assert result.exit_code == 1
    assert (
        lines(result)[0] == f"{ZH}: [outdated] no catalog for articles/signing.html; run `transpub extract`"
    )


def test_a_missing_catalogs_units_count_as_untranslated_in_the_summary(project: Path) -> None:
    # the locale is not "100% translated" while one of its articles has no catalog at all
    po_path(project, "zh_CN").unlink()
    result = run(project, "check", "-l", "zh_CN", "--min-translated", "0")
    assert result.exit_code == 1
    assert lines(result)[1:] == [
        "zh_CN: 0% translated (0 of 5 units), 0 fuzzy, 5 untranslated; 1 problem (minimum 0%)",
        "check: 1 problem in 1 locale",
    ]


@pytest.mark.parametrize(
    ("broken", "said"),
    [
        (
            'msgstr "Unterzeichnung "feierlich" heute"',
            "PO syntax error: a double quote inside the string ends it "
            """('msgstr "Unterzeichnung "feierlich" heute"'): write \\" for each double quote inside a string""",
        ),
        (
            'msgstr "Unterzeichnungszeremonie',
            "PO syntax error: the string has no closing double quote ('msgstr \"Unterzeichnungszeremonie'): "
            'end it with " on the same line',
        ),
        (
            'msgstr "C:\\Zeremonie\\"',
            "PO syntax error: the string has no closing double quote ('msgstr \"C:\\\\Zeremonie\\\\\"'): "
            "a backslash right before a double quote makes the quote part of the text; write \\\\ for a backslash",
        ),
    ],
)
def test_a_po_syntax_error_in_a_string_says_what_is_wrong_and_how_to_write_it(
    project: Path, broken: str, said: str
) -> None:
    """An unescaped quote and a missing closing quote were both "malformed string '…'", saying
    neither what is wrong nor what to write."""
    path = po_path(project, "de")
    path.write_text(
        path.read_text(encoding="utf-8").replace('msgstr "Unterzeichnungszeremonie"', broken),
        encoding="utf-8",
    )
    assert lines(run(project, "check"))[0] == f"{DE}:19: [syntax] {said}"


def test_broken_po_syntax_is_reported_with_its_line_and_other_catalogs_are_still_checked(
    project: Path,
) -> None:
    path = po_path(project, "de")
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            'msgstr "Unterzeichnungszeremonie"', 'msgstr "Unterzeichnungszeremonie'
        ),
        encoding="utf-8",
    )
    result = run(project, "check")
    assert result.exit_code == 1
    assert lines(result)[0].startswith(f"{DE}:19: [syntax] PO syntax error")
    assert lines(result)[-3:] == [
        # not "100% translated (0 of 0 units)": nothing of the broken catalog could be counted
        "de: no unit counted, 1 catalog not counted (missing or unreadable); 1 problem (minimum 100%)",
        CLEAN_SUMMARY[1],
        "check: 1 problem in 1 locale",
    ]


def test_an_article_that_cannot_be_read_is_one_problem_not_also_a_missing_catalog_per_locale(
    project: Path,
) -> None:
    (project / "articles" / "photo.md").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run(project, "check")
    assert result.exit_code == 1
    about = [line for line in lines(result) if "photo" in line]
    assert about == ["articles/photo.md: [syntax] NUL bytes: this is not a text file"], about


def test_placeholder_mismatch_is_a_problem(project: Path) -> None:
    set_entry(project, "de", "Read <1>the report</1> now.", "Lesen Sie jetzt den Bericht.")
    result = run(project, "check", "-l", "de")
    assert (
        lines(result)[0]
        == f'{DE}:28: [placeholders] "Read <1>the report</1> now.": placeholder <1>…</1> is missing; '
        "use the placeholders of the source (<1>…</1>)"
    )
    assert result.exit_code == 1


def test_a_hand_written_entry_with_an_unclosed_placeholder_is_a_problem_not_a_crash(project: Path) -> None:
    """A msgid written by hand (not by extract) may hold a placeholder that is never closed: check
    names the entry's problem like any other instead of stopping with a traceback."""
    po = project / DE
    po.write_text(po.read_text("utf-8") + '\nmsgid "Press <1> now"\nmsgstr "Jetzt"\n', "utf-8")
    result = run(project, "check", "-l", "de")
    assert result.exit_code == 1
    assert '[placeholders] "Press <1> now": placeholder <1>…</1> is missing' in result.output


def test_raw_html_typed_into_a_translation_is_a_markup_problem(project: Path) -> None:
    set_entry(project, "de", "Read <1>the report</1> now.", "Lesen Sie <1>den Bericht</1> <b>jetzt</b>.")
    result = run(project, "check", "-l", "de")
    assert lines(result)[0] == (
        f'{DE}:28: [markup] "Read <1>the report</1> now.": raw markup <b>, </b> would be '
        "shown as text; use the placeholders of the source (<1>…</1>)"
    )


def test_a_control_character_in_a_translation_is_a_markup_problem(project: Path) -> None:
    set_entry(project, "de", "Read <1>the report</1> now.", "Lesen Sie <1>den Bericht</1>\x01 jetzt\x85.")
    result = run(project, "check", "-l", "de")
    assert lines(result)[0] == (
        f'{DE}:28: [markup] "Read <1>the report</1> now.": control character U+0001, U+0085 would be '
        "written into the page; remove it"
    )


def test_glossary_violation_names_the_required_term(project: Path) -> None:
    set_entry(project, "zh_CN", "Over 240 projects have settled in Jingyue.", "已有240多个项目落户静月。")
    result = run(project, "check", "-l", "zh_CN")
    assert result.exit_code == 1
    assert lines(result)[0] == (
        f'{ZH}:37: [glossary] "Over 240 projects have settled in Jingy…": '
        '"Jingyue" must be rendered as "净月" in zh_CN; write that rendering in the translation, or add '
        "the one used to the glossary"
    )


def test_changed_number_is_a_problem_but_local_number_formats_and_chinese_scales_are_not(
    project: Path,
) -> None:
    # the clean project already has 31,36 Mrd. (de) and 313.6亿 (zh_CN) for "RMB31.36 billion"
    assert run(project, "check").exit_code == 0
    set_entry(
        project,
        "de",
        "Jingyue signed 16 projects worth RMB31.36 billion.",
        "Jingyue unterzeichnete 61 Projekte im Wert von 31.36 Mrd. RMB.",
    )
    result = run(project, "check", "-l", "de")
    assert lines(result)[0] == (
        f'{DE}:23: [numbers] "Jingyue signed 16 projects worth RMB31.…": 31.36 is written as in the source, '
        "which de reads as other numbers (write 31.36 as 31,36 in de); 16 is missing; 61 is not in the source; "
        "write the numbers of the source as de writes them, or add transpub-no-numbers to the entry's comment "
        "if the change is meant"
    )


@pytest.mark.parametrize(
    ("locale", "date"),
    [
        ("es", "4 de enero de 2018"),  # CLDR: d 'de' MMMM 'de' y
        ("pt", "4 de janeiro de 2018"),
        ("ca", "4 de gener del 2018"),
        ("es", "January 4, 2018"),  # kept as the source writes it (a quoted title, a dateline)
    ],
)
def test_a_date_written_as_the_language_writes_dates_or_as_the_source_wrote_it_is_not_a_number_problem(
    tmp_path: Path, locale: str, date: str
) -> None:
    root = make_project(tmp_path / "news", locales=(locale,))
    sentence = "The festival was held on January 4, 2018."
    set_entry(root, locale, sentence, f"El festival se celebró el {date}.")
    assert not [line for line in lines(run(root, "check", "-l", locale)) if "[numbers]" in line]
    set_entry(root, locale, sentence, f"El festival se celebró el {date.replace('4', '5', 1)}.")
    (problem,) = [line for line in lines(run(root, "check", "-l", locale)) if "[numbers]" in line]
    assert '": 4 is missing; 5 is not in the source; write the numbers' in problem, problem


def test_space_grouped_thousands_are_numbers_and_a_version_number_is_one_literal(project: Path) -> None:
    sentence = "Jingyue signed 16 projects worth RMB31.36 billion."
    for grouped in ("31 360 000 000 RMB", "31 360 Mio. RMB"):
        set_entry(project, "de", sentence, f"Jingyue unterzeichnete 16 Projekte im Wert von {grouped}.")
        assert run(project, "check", "-l", "de").exit_code == 0, grouped
    set_entry(
        project, "de", sentence, "Jingyue unterzeichnete 16 Projekte im Wert von 31,36 Mrd. RMB (1.2.3)."
    )
    assert '": 1.2.3 is not in the source; write the numbers' in lines(run(project, "check", "-l", "de"))[0]


def test_translator_silences_one_check_on_one_entry_with_a_flag(project: Path) -> None:
    set_entry(project, "zh_CN", "Jingyue signed 16 projects worth RMB31.36 billion.", "净月签约十六个项目。")
    assert "[numbers]" in run(project, "check", "-l", "zh_CN").output
    add_flag(
        project, "zh_CN", 'msgid "Jingyue signed 16 projects worth RMB31.36 billion."', "transpub-no-numbers"
    )
    result = run(project, "check", "-l", "zh_CN")
    assert result.exit_code == 0, result.output


def test_silencing_also_works_as_a_translator_comment_which_msgcat_keeps(project: Path) -> None:
    set_entry(project, "zh_CN", "Jingyue signed 16 projects worth RMB31.36 billion.", "净月签约十六个项目。")
    edit_catalog(
        project,
        "zh_CN",
        lambda po: setattr(
            po.find("Jingyue signed 16 projects worth RMB31.36 billion."), "tcomment", "transpub-no-numbers"
        ),
    )
    assert run(project, "check", "-l", "zh_CN").exit_code == 0


def test_disabled_check_is_not_run(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", config='[check]\ndisable = ["numbers"]\n')
    set_entry(
        root, "de", "Jingyue signed 16 projects worth RMB31.36 billion.", "Jingyue unterzeichnete Projekte."
    )
    assert run(root, "check").exit_code == 0


def test_per_locale_warn_list_turns_problems_into_warnings(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", config='[check.zh_CN]\nwarn = ["glossary"]\n')
    set_entry(root, "zh_CN", "Over 240 projects have settled in Jingyue.", "已有240多个项目落户静月。")
    result = run(root, "check")
    assert result.exit_code == 0
    assert lines(result)[0].startswith(f"{ZH}:37: [glossary] warning: ")


@pytest.mark.parametrize(
    "config, message",
    [
        ('[check]\ndisable = ["numbrs"]\n', "check.disable: unknown check numbrs"),
        ('[check]\ndisable = ["syntax"]\n', "the syntax check cannot be turned off"),
        ("[check]\nminimum = 80\n", "unknown key 'minimum' in [check]"),
        (
            "[check]\nmin_translated = 180\n",
            "check.min_translated must be a percentage from 0 to 100, not 180",
        ),
    ],
)
def test_invalid_check_config_is_a_clear_error(tmp_path: Path, config: str, message: str) -> None:
    root = make_project(tmp_path / "news", translate=False)
    with (root / "transpub.toml").open("a", encoding="utf-8") as file:
        file.write(config)
    line = len(
        (root / "transpub.toml").read_text(encoding="utf-8").splitlines()
    )  # (the key's line: the last)
    result = run(root, "check")
    assert result.exit_code == 2  # configuration errors exit 2; problems found exit 1
    assert message in result.output
    assert f"transpub.toml:{line}: " in result.output


@pytest.mark.parametrize("value", ["nan", "NaN", "-nan"])
def test_a_minimum_that_is_no_number_is_refused_not_a_gate_every_locale_passes(
    project: Path, value: str
) -> None:
    # every comparison with nan is false: "less than nan % translated" held for no locale
    set_entry(project, "de", "Read <1>the report</1> now.", "")
    result = run(project, "check", "--min-translated", value, "--allow-fuzzy")
    assert result.exit_code == 2, result.output
    assert "--min-translated" in result.output and "not a number from 0 to 100" in result.output
