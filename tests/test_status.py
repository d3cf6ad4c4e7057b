"""``transpub status``: the article × locale table and the self-contained HTML page of bars."""

from __future__ import annotations

from pathlib import Path

from lxml import html

from test_check_fixtures import make_project, po_path, run, set_entry


def test_status_table_shows_each_article_and_locale(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    set_entry(root, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    set_entry(root, "de", "Read <1>the report</1> now.", "")
    result = run(root, "status")
    assert result.exit_code == 0
    assert result.output.splitlines() == [
        "article  locale  translated  fuzzy  untranslated       %  words",
        "signing  de               3      1             1   60.0%     29",
        "signing  zh_CN            5      0             0  100.0%     29",
    ]


def test_status_table_adds_totals_per_locale_for_several_articles(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    (root / "articles" / "brief.html").write_text("<p>Two new projects. Both in Jingyue.</p>", encoding="utf-8")
    assert run(root, "extract").exit_code == 0
    lines = run(root, "status").output.splitlines()
    assert lines[0] == "article         locale  translated  fuzzy  untranslated       %  words"
    assert lines[1:3] == [
        "brief           de               0      0             2    0.0%      6",
        "brief           zh_CN            0      0             2    0.0%      6",
    ]
    assert lines[-2:] == [
        "(all articles)  de               5      0             2   71.4%     35",
        "(all articles)  zh_CN            5      0             2   71.4%     35",
    ]


def test_status_counts_a_missing_catalog_from_the_template_and_notes_a_broken_one(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    po_path(root, "de").unlink()
    po_path(root, "zh_CN").write_text('msgid "x"\nmsgstr "unterminated\n', encoding="utf-8")
    lines = run(root, "status").output.splitlines()
    assert lines[1] == "signing  de               0      0             5    0.0%     29  (no catalog)"
    assert lines[2].startswith("signing  zh_CN            0      0             0  100.0%      0  (broken catalog")


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
    assert [th.text_content() for th in page.xpath("//thead//th")] == ["article", "de", "zh_CN"]
    rows = page.xpath("//tbody/tr")
    assert [row.xpath("td[1]")[0].text_content() for row in rows] == ["signing", "(all articles)"]
    de_bar = rows[0].xpath("td[2]//div[@class='bar']/span")
    assert [(s.get("class"), s.get("style")) for s in de_bar] == [
        ("translated", "width:60.00%"), ("fuzzy", "width:20.00%"), ("untranslated", "width:20.00%")]
    assert "60.0%" in rows[0].xpath("td[2]")[0].text_content()
    assert "3 ✓ · 1 fuzzy · 1 left · 29 words" in rows[0].xpath("td[2]")[0].text_content()
    assert [s.get("class") for s in rows[0].xpath("td[3]//div[@class='bar']/span")] == ["translated"]
