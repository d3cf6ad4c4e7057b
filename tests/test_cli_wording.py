"""What the commands say of small or empty things: one entry, a catalog just made, a project or a
shard with no article, and what a new transpub.toml says the publish threshold holds back."""

from __future__ import annotations

import tomllib
from pathlib import Path

from click.testing import CliRunner, Result

from transpub.cli import main
from transpub.discovery import in_shard
from transpub.memory import TranslationMemory

ARTICLE = "<html><body><article><h1>The ferry</h1><p>The ferry leaves at noon.</p></article></body></html>"


def run_cli(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)


def new_project(tmp_path: Path) -> Path:
    root = tmp_path / "news"
    assert CliRunner().invoke(main, ["init", str(root), "-l", "es", "-l", "de"]).exit_code == 0
    return root


def empty_shard(slug: str) -> str:
    """The shard of two that ``slug`` is not in."""
    return "2/2" if in_shard(slug, (1, 2)) else "1/2"


def test_memory_stats_says_one_entry_not_one_entries(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    with TranslationMemory(root / ".transpub" / "memory.sqlite") as memory:
        memory.add("en", "es", [("The ferry leaves.", "El ferry sale.")], "human")
    lines = run_cli(root, "memory", "stats").stdout.splitlines()
    assert lines[0].split() == ["en→es", "human", "1", "entry", "17", "chars"], lines
    assert lines[-1].startswith("1 entry, ")


def test_the_first_extract_says_it_created_the_catalogs_and_the_next_that_it_updated_them(
    tmp_path: Path,
) -> None:
    root = new_project(tmp_path)
    article = root / "articles" / "ferry.html"
    article.write_text(ARTICLE, encoding="utf-8")
    first = run_cli(root, "extract")
    assert (
        first.stdout == "articles/ferry.html: 2 units; template written; created es de\n"
    )  # (was "updated")
    article.write_text(ARTICLE.replace("at noon", "at one"), encoding="utf-8")
    again = run_cli(root, "extract")
    assert again.stdout == "articles/ferry.html: 2 units; template written; updated es de\n"


def test_check_with_no_article_says_where_it_looked_and_fails_as_a_ci_gate_that_checked_nothing(
    tmp_path: Path,
) -> None:
    # it printed "es: 100% translated (0 of 0 units) … OK", "check: OK" and exited 0
    root = new_project(tmp_path)
    line = (root / "transpub.toml").read_text(encoding="utf-8").splitlines().index(
        'articles = "articles"'
    ) + 1
    for fmt in ("text", "json"):
        result = run_cli(root, "check", "--format", fmt)
        assert result.exit_code == 1, result.output
        assert result.stdout == ""
        assert result.stderr == (
            "Error: no articles in articles/ (HTML, Markdown or text files): nothing was checked; put the "
            f"articles there, or name their folder in [paths] articles (transpub.toml:{line})\n"
        )


def test_check_of_a_shard_with_no_article_passes_and_says_so_when_others_have_articles(
    tmp_path: Path,
) -> None:
    root = new_project(tmp_path)
    (root / "articles" / "ferry.html").write_text(ARTICLE, encoding="utf-8")
    run_cli(root, "extract")
    result = run_cli(root, "check", "--shard", empty_shard("ferry"), "--format", "json")
    assert result.exit_code == 0, result.output
    assert (
        result.stderr
        == f"Note: no articles in shard {empty_shard('ferry')} of articles/: nothing to check.\n"
    )
    assert result.stdout.startswith("{")  # (stdout stays the report)
    text = run_cli(root, "check", "--shard", empty_shard("ferry"))
    assert text.exit_code == 0, text.output
    # (it said "es: 100% translated (0 of 0 units), 0 fuzzy, 0 untranslated; OK")
    assert "es: no catalog to check (no article); OK (minimum 100%)" in text.stdout.splitlines()


def test_compile_of_a_shard_with_no_article_does_not_say_it_wrote_pages(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    (root / "articles" / "ferry.html").write_text(ARTICLE, encoding="utf-8")
    run_cli(root, "extract")
    shard = empty_shard("ferry")
    result = run_cli(root, "compile", "--shard", shard)
    assert result.exit_code == 0, result.output
    assert result.stdout == (  # (it said "Pages of shard 2/2 written in …")
        f"No articles in shard {shard} of articles/: no page written; once every shard is done, "
        "`transpub compile --indexes` writes the index pages.\n"
    )
    assert "Pages of shard" in run_cli(root, "compile", "--shard", "2/2" if shard == "1/2" else "1/2").stdout


def test_compile_of_a_shard_with_nothing_changed_does_not_say_it_wrote_its_pages(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    (root / "articles" / "ferry.html").write_text(ARTICLE, encoding="utf-8")
    run_cli(root, "extract")
    shard = "2/2" if empty_shard("ferry") == "1/2" else "1/2"
    run_cli(root, "compile", "--shard", shard)
    again = run_cli(root, "compile", "--shard", shard).stdout  # (it said "Pages of shard 1/2 written in …")
    assert f"Pages of shard {shard} are in {root / 'site'}; once every shard is done" in again, again


def test_compile_with_no_article_says_where_it_looked_as_extract_does(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    said = "No articles in articles/ (HTML, Markdown or text files)."
    assert run_cli(root, "extract").stdout.splitlines() == [said]
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == said


def test_a_new_projects_publish_threshold_comment_says_it_holds_back_a_page_not_a_locale(
    tmp_path: Path,
) -> None:
    text = (new_project(tmp_path) / "transpub.toml").read_text(encoding="utf-8")
    [line] = [line for line in text.splitlines() if line.startswith("publish_threshold")]
    assert line.split("#", 1)[1].strip() == (
        "a page is published in a locale only when at least this % of its units are translated"
    )
    assert tomllib.loads(text)["compile"]["publish_threshold"] == 80


def test_check_of_a_one_unit_catalog_says_one_unit(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    (root / "articles" / "note.html").write_text(
        "<html><body><p>Closed today.</p></body></html>", encoding="utf-8"
    )
    run_cli(root, "extract")
    result = run_cli(root, "check", "-l", "es", "--min-translated", "50")
    assert result.exit_code == 1
    assert "es: 0% translated (0 of 1 unit), 0 fuzzy, 1 untranslated" in result.stdout  # (was "1 units")
    assert "0% translated (0 of 1 unit), below the 80% needed to publish in es" in result.stdout


def test_status_of_a_project_with_no_article_says_where_it_looked(tmp_path: Path) -> None:
    root = new_project(tmp_path)
    result = run_cli(root, "status")
    assert result.stdout == "No articles in articles/ (HTML, Markdown or text files).\n"


def test_thousands_of_warnings_on_one_line_are_shown_as_three_and_a_count(tmp_path: Path) -> None:
    # (an article with 5,000 unclosed shortcodes on a line printed 5,000 warnings at every extract)
    root = new_project(tmp_path)
    (root / "articles" / "broken.md").write_text("# T\n\nText " + "{{< " * 500 + "x\n", encoding="utf-8")
    (root / "articles" / "other.md").write_text(
        "# T\n\nAn {{< open x\n\nThen {{< again y\n", encoding="utf-8"
    )
    result = run_cli(root, "extract")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    broken = [line for line in warnings if "broken.md" in line]
    assert [line.split(": ")[1] for line in broken] == ["articles/broken.md:3"] * 3 + ["articles/broken.md"]
    assert broken[-1] == "Warning: articles/broken.md: 497 more warnings in this file, not shown"
    assert sum("articles/other.md:" in line for line in warnings) == 2  # (other files: every warning)


def test_a_line_of_thousands_of_warnings_hides_no_warning_of_the_file_s_other_lines(tmp_path: Path) -> None:
    # (the hidden warnings of the first line counted towards the fifty of the file: the ten lines after it
    # showed none, while written before it they showed every one)
    root = new_project(tmp_path)
    other_lines = "".join(f"Para {n} {{{{< open x\n\n" for n in range(10))
    (root / "articles" / "broken.md").write_text(
        "# T\n\nText " + "{{< " * 500 + "x\n\n" + other_lines, encoding="utf-8"
    )
    result = run_cli(root, "extract")
    assert result.exit_code == 0, result.output
    shown = [line.split(": ")[1] for line in result.stderr.splitlines() if line.startswith("Warning: ")]
    assert shown[:3] == ["articles/broken.md:3"] * 3
    assert shown[3:-1] == [f"articles/broken.md:{n}" for n in range(5, 25, 2)]
    assert (
        result.stderr.splitlines()[-1]
        == "Warning: articles/broken.md: 497 more warnings in this file, not shown"
    )


def test_extract_warns_of_a_page_written_in_another_language_than_the_projects(tmp_path: Path) -> None:
    # (a German page in an English project was read without a word: "Der 3. IT-Jobtag" cut after "3.")
    root = new_project(tmp_path)
    german = (
        '<!DOCTYPE html>\n<html lang="de-DE"><body><p>Der 3. IT-Jobtag ist am 16. April.</p></body></html>\n'
    )
    (root / "articles" / "jobtag.html").write_text(german, encoding="utf-8")
    for name, lang in (("british", ' lang="en-GB"'), ("unsaid", ""), ("private", ' lang="x-klingon"')):
        # (none of these is another language: the warning is for jobtag.html alone)
        page = f"<!DOCTYPE html>\n<html{lang}><body><p>The ferry leaves.</p></body></html>\n"
        (root / "articles" / f"{name}.html").write_text(page, encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "lang=" in line]
    assert warnings == [
        'Warning: articles/jobtag.html:2: the page says lang="de-DE", not the project\'s source language (en): '
        "its sentences are split and its dates read as en's"
    ]


def test_a_bokmal_page_in_a_norwegian_project_is_not_told_it_is_foreign(tmp_path: Path) -> None:
    root = tmp_path / "nyheter"
    assert CliRunner().invoke(main, ["init", str(root), "--source", "no", "-l", "en"]).exit_code == 0
    page = '<!DOCTYPE html>\n<html lang="nb-NO"><body><p>Ferja går klokka tolv.</p></body></html>\n'
    (root / "articles" / "ferja.html").write_text(page, encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code == 0, result.output
    assert "lang=" not in result.stderr
