"""``transpub status``: the article × locale table and the self-contained HTML page of bars."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html

from test_check_fixtures import ARTICLE, make_project, po_path, run, set_entry
from transpub.formats.document import Document
from transpub.project import load_project
from transpub.status import collect_status, has_errors


def table(output: str) -> list[str]:
    """The lines of status's table: what it prints before what a compile now would publish."""
    return output.split("\n\nIf compiled now:\n", 1)[0].splitlines()


def test_status_table_shows_each_article_and_locale_then_what_compile_would_publish(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    set_entry(root, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    result = run(root, "status")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "article  locale  translated  fuzzy  untranslated       %  words",
        "signing  de               3      1             1   60.0%     29",
        "signing  zh_CN            5      0             0  100.0%     29",
        "",
        "If compiled now:",
        "  de: 0 of 1 page published, 1 held back:",
        "    signing (locales/de/LC_MESSAGES/signing.po): 60% translated, below the 80% needed to publish "
        "(fuzzy entries not counted; see --include-fuzzy)",
        "  zh_CN: 1 of 1 page published, 0 held back",
    ]


def test_status_table_adds_totals_per_locale_for_several_articles(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    (root / "articles" / "brief.html").write_text(
        "<p>Two new projects. Both in Jingyue.</p>", encoding="utf-8"
    )
    assert run(root, "extract").exit_code == 0
    lines = table(run(root, "status").output)
    assert lines[0] == "article         locale  translated  fuzzy  untranslated       %  words"
    assert lines[1:3] == [
        "brief           de               0      0             2    0.0%      6",
        "brief           zh_CN            0      0             2    0.0%      6",
    ]
    assert lines[-2:] == [
        "(all articles)  de               5      0             2   71.4%     35",
        "(all articles)  zh_CN            5      0             2   71.4%     35",
    ]


def test_status_shows_a_page_with_no_text_to_translate_as_such_not_as_100_percent(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    (root / "articles" / "photo.html").write_text('<p><img src="a.png"></p>', encoding="utf-8")
    assert run(root, "extract").exit_code == 0
    out = tmp_path / "report.html"
    lines = table(run(root, "status", "-l", "de", "--html", str(out)).output)
    assert (
        lines[1]
        == "photo           de               0      0             0       -      0  (no text to translate)"
    )
    assert lines[-1] == "(all articles)  de               5      0             0  100.0%     29"
    cells = html.fromstring(out.read_text(encoding="utf-8")).xpath("//span[@class='pct']/text()")
    assert cells == ["-", "100.0%", "100.0%"]  # (photo, signing, all articles)


def test_a_status_report_named_in_the_articles_folder_is_refused_so_extract_never_reads_it(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news")
    out = root / "articles" / "report.html"
    result = run(root, "status", "--html", str(out))
    assert result.exit_code == 2 and not out.exists()
    assert result.output.splitlines()[-1].startswith(
        f"Error: --html {out} is in the articles folder (articles/)"
    )
    assert (
        run(root, "status", "--html", str(root / "articles" / "report.json")).exit_code == 0
    )  # (no article's name)


@pytest.mark.parametrize("out", ["site/status.html", ".reports/status.html", "drafts/status.html"])
def test_a_status_report_in_a_folder_of_the_articles_extract_never_reads_is_written(
    tmp_path: Path, out: str
) -> None:
    # (a site's repository is its articles folder, [paths] articles = ".": the report put on the site
    # the compile writes there, in a hidden folder or in one [paths] exclude leaves out, was refused)
    root = make_project(tmp_path / "news", config='articles = "."\nexclude = ["drafts"]\n', translate=False)
    assert run(root, "extract").exit_code == 0
    result = run(root, "status", "--html", str(root / out))
    assert result.exit_code == 0 and (root / out).is_file(), result.output
    extracted = run(root, "extract")
    assert extracted.exit_code == 0 and "status" not in extracted.output, extracted.output
    assert run(root, "status", "--html", str(root / "status.html")).exit_code == 2  # (read as one there)


def test_status_counts_an_article_not_extracted_yet_as_untranslated_as_check_does(tmp_path: Path) -> None:
    # its row said 0 units, n/a, and the locale's total left it out: 100% beside check's 71.4%
    root = make_project(tmp_path / "news")
    (root / "articles" / "brief.html").write_text(
        "<p>Two new projects. Both in Jingyue.</p>", encoding="utf-8"
    )
    lines = table(run(root, "status").output)
    assert (
        lines[1] == "brief           de               0      0             2    0.0%      6  (not extracted)"
    )
    assert lines[-2] == "(all articles)  de               5      0             2   71.4%     35"
    check = run(root, "check", "-l", "de").output
    assert "de: 71.4% translated (5 of 7 units)" in check, check


def test_status_counts_a_missing_catalog_from_the_template_and_notes_a_broken_one(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    po_path(root, "de").unlink()
    po_path(root, "zh_CN").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    result = run(root, "status")
    lines = result.output.splitlines()
    assert lines[1] == "signing  de               0      0             5   0.0%     29  (no catalog)"
    assert lines[2].startswith(
        "signing  zh_CN            0      0             0  error      0  (broken catalog"
    )
    rows = collect_status(load_project(root), ["de", "zh_CN"])
    assert rows[1].error is not None and "locales/zh_CN/LC_MESSAGES/signing.po:" in rows[1].error
    assert has_errors(rows) and not has_errors(rows[:1])
    assert result.exit_code == 1  # the figures are not the whole truth


def test_status_html_is_a_self_contained_page_with_one_bar_per_article_and_locale(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    set_entry(root, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    out = tmp_path / "report.html"
    result = run(root, "status", "--html", str(out))
    assert result.exit_code == 0
    assert result.output.endswith(f"Report: {out}\n")
    text = out.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>")
    page = html.fromstring(text)
    assert not page.xpath("//script | //link | //img | //*[@src]"), "no external assets"
    assert "http" not in text
    assert [" ".join(th.text_content().split()) for th in page.xpath("//thead//th")] == [
        "article",
        "Deutsch de",
        "中文 (简体) zh_CN",
    ]
    rows = page.xpath("//tbody/tr")
    assert [row.xpath("td[1]")[0].text_content() for row in rows] == ["signing", "(all articles)"]
    de_bar = rows[0].xpath("td[2]//div[@class='bar']/span")
    assert [(s.get("class"), s.get("style")) for s in de_bar] == [
        ("translated", "width:60.00%"),
        ("fuzzy", "width:20.00%"),
        ("untranslated", "width:20.00%"),
    ]
    assert "60.0%" in rows[0].xpath("td[2]")[0].text_content()
    assert "3 ✓ · 1 fuzzy · 1 left · 29 words" in rows[0].xpath("td[2]")[0].text_content()
    assert [s.get("class") for s in rows[0].xpath("td[3]//div[@class='bar']/span")] == ["translated"]


def test_status_html_names_each_language_in_itself_above_its_code(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", locales=("de", "zh_CN", "ar"))
    out = tmp_path / "report.html"
    assert run(root, "status", "--html", str(out)).exit_code == 0
    page = html.fromstring(out.read_text(encoding="utf-8"))
    arabic = page.xpath("//thead//th[4]")[0]
    assert arabic.xpath("span[@lang='ar'][@dir='rtl']")[0].text == "العربية"
    assert arabic.xpath("code")[0].text == "ar"


def test_status_html_shows_a_broken_catalog_as_an_error_not_as_complete(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    po_path(root, "zh_CN").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    out = tmp_path / "report.html"
    run(root, "status", "--html", str(out))
    page = html.fromstring(out.read_text(encoding="utf-8"))
    cell = page.xpath("//tbody/tr[1]/td[3]")[0]
    assert cell.get("class") == "error"
    assert "error" in cell.text_content() and "100.0%" not in cell.text_content()
    assert "broken catalog: locales/zh_CN/LC_MESSAGES/signing.po" in cell.text_content()
    assert not cell.xpath(".//div[@class='bar']")
    assert "1 broken catalog" in page.xpath("//p[@role='alert']")[0].text_content()
    assert "1 broken catalog" in page.xpath("//tbody/tr[last()]/td[3]")[0].text_content()


def test_status_says_when_a_catalog_is_out_of_date_with_its_article(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    assert "out of date" not in run(root, "status").output  # freshly extracted
    article = root / "articles" / "signing.html"
    article.write_text(ARTICLE.replace("Over 240 projects", "Over 250 projects"), encoding="utf-8")
    lines = run(root, "status").output.splitlines()
    assert lines[1].endswith("(out of date: 1 new unit, 1 removed; run `transpub extract`)")
    out = tmp_path / "report.html"
    run(root, "status", "--html", str(out))
    page = html.fromstring(out.read_text(encoding="utf-8"))
    assert (
        page.xpath("//tbody/tr[1]/td[2]//div[@class='stale']")[0].text == "out of date: 1 new unit, 1 removed"
    )
    assert run(root, "extract").exit_code == 0
    assert "out of date" not in run(root, "status").output


def test_status_names_an_article_that_cannot_be_read_and_exits_1(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    article = root / "articles" / "signing.html"
    article.write_text(ARTICLE + "\n<!-- cut short", encoding="utf-8")
    result = run(root, "status")
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1  # one line for the article, not one per locale
    assert errors[0].startswith("Error: articles/signing.html:") and "comment" in errors[0]
    assert "(article cannot be read)" in result.stdout
    assert result.exit_code == 1  # as `transpub check` does
    out = tmp_path / "report.html"
    run(root, "status", "--html", str(out))
    alert = html.fromstring(out.read_text(encoding="utf-8")).xpath("//p[@role='alert']")[0].text_content()
    assert "1 article cannot be read: articles/signing.html:" in alert


def test_status_names_a_glossary_that_cannot_be_read_and_exits_1(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    (root / "glossary" / "terms.csv").write_text('term,de\n"unclosed,x\n', encoding="utf-8")
    result = run(root, "status")
    assert result.stdout.startswith("article  locale")  # the counts are still shown
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and errors[0].startswith("Error: glossary/terms.csv:2: "), errors
    assert "out-of-date catalogs are not shown" in errors[0]
    assert result.exit_code == 1  # as `transpub check` does


def test_status_names_the_file_and_line_of_a_broken_catalog_and_how_to_fix_it(tmp_path: Path) -> None:
    # it said "(broken catalog (PO syntax error: malformed string '…' line 19))": which file, and what to write?
    root = make_project(tmp_path / "news")
    path = po_path(root, "de")
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('msgstr "Unterzeichnungszeremonie"', 'msgstr "Die "feierliche" Zeremonie"'),
        encoding="utf-8",
    )
    result = run(root, "status")
    assert result.exit_code == 1
    assert result.output.splitlines()[1].endswith(
        "(broken catalog: locales/de/LC_MESSAGES/signing.po:19: PO syntax error: a double quote inside the "
        """string ends it ('msgstr "Die "feierliche" Zeremonie"'): write \\" for each double quote inside a string)"""
    )


def held_back(output: str) -> dict[tuple[str, str], str]:
    """What status says of each page a compile now holds back: its reason, by (locale, article)."""
    found, locale = {}, ""
    for line in output.split("\nIf compiled now:\n", 1)[1].splitlines():
        if line.startswith("  ") and not line.startswith("    "):
            locale = line.split(":", 1)[0].strip()
        elif line.startswith("    "):
            article, reason = line.strip().split(": ", 1)
            found[locale, article.split(" (", 1)[0]] = reason
    return found


def files(root: Path) -> dict[str, bytes]:
    """Every file of the project, by its path in it."""
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_status_holds_back_the_pages_compile_holds_back_for_the_reason_compile_prints(tmp_path: Path) -> None:
    """Below the threshold with fuzzy entries left out, a placeholder mismatch counted as untranslated,
    no catalog yet: status names each page compile would not publish, with compile's own words, and
    its catalog; and it writes nothing."""
    root = make_project(tmp_path / "news")
    set_entry(root, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    set_entry(root, "zh_CN", "Read <1>the report</1> now.", "立即阅读报告。")  # (its <1> dropped)
    set_entry(root, "zh_CN", "Over 240 projects have settled in Jingyue.", "")
    (root / "articles" / "brief.html").write_text("<p>Two new projects.</p>", encoding="utf-8")
    before = files(root)
    status = run(root, "status")
    assert status.exit_code == 0, status.output
    assert files(root) == before  # (no page, record or cache written)
    said = held_back(status.output)
    assert said == {
        ("de", "brief"): "no catalog for it yet (run transpub extract)",
        ("de", "signing"): "60% translated, below the 80% needed to publish (fuzzy entries not counted; "
        "see --include-fuzzy)",
        ("zh_CN", "brief"): "no catalog for it yet (run transpub extract)",
        ("zh_CN", "signing"): "60% translated, below the 80% needed to publish; 1 translation refused "
        "(counted as untranslated): `transpub check -l zh_CN` says why",
    }
    assert "    signing (locales/zh_CN/LC_MESSAGES/signing.po): 60% translated" in status.output
    compiled = run(root, "compile").output
    for (locale, article), reason in said.items():
        assert f"{locale}/{article}: not published: {reason}\n" in compiled, compiled


def test_status_says_a_page_is_published_where_its_language_publishes_below_the_projects_threshold(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news", config="[locale.de]\npublish_threshold = 50\n")
    set_entry(root, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    status = run(root, "status").output
    assert "  de: 1 of 1 page published, 0 held back\n" in status, status
    assert "de/signing.html: 60% translated" in run(root, "compile").output
    assert (root / "site" / "de" / "signing.html").exists()


def test_status_html_says_why_each_held_back_page_is_not_published(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    set_entry(root, "de", "Over 240 projects have settled in Jingyue.", "")
    out = tmp_path / "report.html"
    assert run(root, "status", "--html", str(out)).exit_code == 0
    page = html.fromstring(out.read_text(encoding="utf-8"))
    [held] = page.xpath("//tbody/tr[1]/td[2]//div[@class='held']")
    assert held.text == "held back: 60% translated, below the 80% needed to publish"
    assert not page.xpath("//tbody/tr[1]/td[3]//div[@class='held']")  # (zh_CN: published)
    assert page.xpath("//p[@class='publication']")[0].text == (
        "If compiled now: de: 0 of 1 page published, 1 held back; zh_CN: 1 of 1 page published, 0 held back."
    )


def test_status_tells_nothing_of_publishing_a_page_whose_article_cannot_be_read(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    (root / "articles" / "signing.html").write_text(ARTICLE + "\n<!-- cut short", encoding="utf-8")
    output = run(root, "status").stdout
    assert "  de: 0 of 1 page published, 0 held back, 1 not known: its article cannot be read\n" in output


def test_status_with_include_fuzzy_or_a_threshold_tells_the_pages_that_compile_would_publish(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "news", locales=("de",))
    set_entry(root, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    assert "  de: 0 of 1 page published, 1 held back:\n" in run(root, "status").output
    fuzzy = run(root, "status", "--include-fuzzy").output
    assert "If compiled now with --include-fuzzy:\n  de: 1 of 1 page published, 0 held back\n" in fuzzy
    lower = run(root, "status", "--threshold", "50").output
    assert "If compiled now with --threshold 50:\n  de: 1 of 1 page published, 0 held back\n" in lower
    assert "de/signing.html: 80% shown (1 of 5 unreviewed)" in run(root, "compile", "--include-fuzzy").output


def test_status_says_a_page_published_before_stays_while_its_catalog_cannot_be_read(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", locales=("de",))
    assert run(root, "compile").exit_code == 0
    po_path(root, "de").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    status = run(root, "status")
    assert status.exit_code == 1
    [said] = held_back(status.output).values()
    assert said.startswith("the catalog cannot be read (locales/de/LC_MESSAGES/signing.po:2: ")
    assert said.endswith("; a page published from it before stays, as it was")
    assert "; the page published before is kept" in run(root, "compile").output
    assert (root / "site" / "de" / "signing.html").exists()


def test_status_tells_which_pages_compile_would_publish_without_rendering_a_page(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (fast on a thousand articles: it decides each page as compile does, and renders none)
    root = make_project(tmp_path / "news")
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    set_entry(root, "de", "Over 240 projects have settled in Jingyue.", "")

    def render(*args: object, **kwargs: object) -> str:
        raise AssertionError("status rendered a page")

    monkeypatch.setattr(Document, "render", render)
    output = run(root, "status").output
    assert "  de: 0 of 1 page published, 1 held back:\n" in output
    assert "  zh_CN: 1 of 1 page published, 0 held back\n" in output
