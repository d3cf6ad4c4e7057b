"""``transpub check --format text|json|github|junit`` on one messy project: golden files and parsers."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from lxml import etree

from test_check_fixtures import make_project, run, set_entry

GOLDEN = Path(__file__).parent / "data" / "check"
SCHEMA = Path(__file__).parents[1] / "src" / "transpub" / "data" / "check-report.schema.json"


@pytest.fixture(scope="module")
def messy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """de: one fuzzy, one raw <b>, one changed number; sv (90% needed): one untranslated; zh_CN clean.
    Apertium is the project's engine (so check suggests `transpub translate`)."""
    root = make_project(
        tmp_path_factory.mktemp("messy") / "news",
        locales=("de", "sv", "zh_CN"),
        config='[translate]\nengine = "apertium"\n\n[locale.sv]\nmin_translated = 90\n',
    )
    set_entry(root, "de", "Signing ceremony", "Unterzeichnung", fuzzy=True)
    set_entry(root, "de", "Read <1>the report</1> now.", "Lesen Sie <1>den Bericht</1> <b>jetzt</b>.")
    set_entry(root, "de", "Over 240 projects have settled in Jingyue.", "Über 250 Projekte, 100% in Jingyue.")
    set_entry(root, "sv", "Signing ceremony", "")
    return root


@pytest.fixture(autouse=True)
def outside_github_actions(monkeypatch: pytest.MonkeyPatch) -> None:
    """File names as outside a GitHub Actions job (its runner sets ``GITHUB_WORKSPACE``)."""
    monkeypatch.delenv("GITHUB_WORKSPACE", raising=False)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("TRANSPUB_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), (
        f"differs from {path} (TRANSPUB_UPDATE_GOLDEN=1 rewrites it)"
    )


@pytest.mark.parametrize("fmt", ["text", "github"])
def test_text_and_github_output_match_golden_files(messy: Path, fmt: str) -> None:
    result = run(messy, "check", "--format", fmt)
    assert result.exit_code == 1
    check_golden(f"messy.{fmt}.expect", result.output)


def test_github_annotations_name_files_from_the_repository_when_the_project_is_in_a_folder_of_it(
    messy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GitHub puts an annotation on the pull request's file only by its path in the repository
    monkeypatch.setenv("GITHUB_WORKSPACE", str(messy.parent))
    annotations = [line for line in run(messy, "check", "--format", "github").output.splitlines()]
    assert "::error file=news/locales/de/LC_MESSAGES/signing.po,line=38," in "\n".join(annotations)
    assert not [line for line in annotations if line.startswith("::") and "file=locales/" in line]
    monkeypatch.setenv("GITHUB_WORKSPACE", str(messy))  # the project at the top of the repository
    assert (
        "::error file=locales/de/LC_MESSAGES/signing.po,line=38,"
        in run(messy, "check", "--format", "github").output
    )


def test_junit_reports_name_files_from_the_repository_when_the_project_is_in_a_folder_of_it(
    messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GitHub's JUnit reporters find a test case's file by its path in the repository
    def files(junit: bytes) -> set[str]:
        return {case.get("file") for case in etree.fromstring(junit).iter("testcase")}

    report = tmp_path / "transpub-junit.xml"
    monkeypatch.setenv("GITHUB_WORKSPACE", str(messy.parent))
    printed = run(messy, "check", "--format", "junit", "--junit", str(report)).output.encode("utf-8")
    in_folder = {f"news/locales/{locale}/LC_MESSAGES/signing.po" for locale in ("de", "sv", "zh_CN")}
    assert files(printed) == files(report.read_bytes()) == in_folder
    root = etree.fromstring(printed)  # the names stay the project's paths
    assert root.find("testsuite/testcase").get("name").startswith("locales/de/LC_MESSAGES/signing.po")
    at_top = {name.removeprefix("news/") for name in in_folder}
    monkeypatch.setenv("GITHUB_WORKSPACE", str(messy))  # the project at the top of the repository
    assert files(run(messy, "check", "--format", "junit").output.encode("utf-8")) == at_top
    monkeypatch.setenv("GITHUB_WORKSPACE", str(tmp_path))  # a project outside the checkout
    assert files(run(messy, "check", "--format", "junit").output.encode("utf-8")) == at_top


def test_github_annotations_escape_percent_and_put_file_and_line_in_properties(messy: Path) -> None:
    annotations = [
        line
        for line in run(messy, "check", "--format", "github").output.splitlines()
        if line.startswith("::")
    ]
    assert (
        "::error file=locales/de/LC_MESSAGES/signing.po,line=38,title=transpub numbers::"
        '"Over 240 projects have settled in Jingy…": 240 is missing; 250, 100 are not in the source; '
        "write the numbers of the source as de writes them, or add transpub-no-numbers to the entry's "
        "comment if the change is meant" in annotations
    )
    assert (
        "::error file=locales/sv/LC_MESSAGES/signing.po,title=transpub threshold::80%25 translated "
        "(4 of 5 units), below the minimum of 90%25 for sv (min_translated; compile publishes it from "
        "80%25); translate 1 more unit, or run "
        "`transpub translate -l sv` and review the draft" in annotations
    )
    assert (
        "::warning file=locales/sv/LC_MESSAGES/signing.po,line=18,title=transpub untranslated::"
        '"Signing ceremony": not translated; translate it, or run `transpub translate -l sv` and review '
        "the draft" in annotations
    )


def test_json_report_follows_the_documented_schema(messy: Path) -> None:
    result = run(messy, "check", "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.output)
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    try:
        import jsonschema
    except ImportError:  # structural check of the same promises
        assert set(schema["required"]) == set(report)
        for issue in report["issues"]:
            assert set(issue) == set(schema["$defs"]["issue"]["required"])
            assert issue["check"] in schema["$defs"]["check"]["enum"]
    else:
        jsonschema.validate(report, schema)
    assert report["ok"] is False and report["problems"] == 4 and report["warnings"] == 1
    de = report["locales"][0]
    assert (de["locale"], de["translated"], de["fuzzy"], de["untranslated"], de["problems"]) == (
        "de",
        4,
        1,
        0,
        3,
    )
    assert de["catalogs"][0]["path"] == "locales/de/LC_MESSAGES/signing.po"
    checks = [(i["locale"], i["check"], i["line"], i["severity"]) for i in report["issues"]]
    assert checks == [
        ("de", "fuzzy", 19, "error"),
        ("de", "markup", 29, "error"),
        ("de", "numbers", 38, "error"),
        ("sv", "untranslated", 18, "warning"),
        ("sv", "threshold", None, "error"),
    ]
    assert report["issues"][1]["msgid"] == "Read <1>the report</1> now."


def test_junit_has_a_suite_per_locale_and_a_failing_case_per_problem(messy: Path) -> None:
    result = run(messy, "check", "--format", "junit")
    assert result.exit_code == 1
    root = etree.fromstring(result.output.encode("utf-8"))
    assert root.tag == "testsuites" and root.get("tests") == "5" and root.get("failures") == "4"
    suites = {suite.get("name"): suite for suite in root.findall("testsuite")}
    assert list(suites) == ["transpub.de", "transpub.sv", "transpub.zh_CN"]
    de_cases = suites["transpub.de"].findall("testcase")
    assert [c.get("name") for c in de_cases] == [
        "locales/de/LC_MESSAGES/signing.po:19 [fuzzy]",
        "locales/de/LC_MESSAGES/signing.po:29 [markup]",
        "locales/de/LC_MESSAGES/signing.po:38 [numbers]",
    ]
    assert [len(c.findall("failure")) for c in de_cases] == [1, 1, 1]
    assert suites["transpub.de"].get("tests") == suites["transpub.de"].get("failures") == "3"
    assert [f.get("type") for f in suites["transpub.sv"].findall("testcase/failure")] == ["threshold"]
    assert "[untranslated] warning" in suites["transpub.sv"].find("testcase/system-out").text
    zh_case = suites["transpub.zh_CN"].find("testcase")
    assert zh_case.get("name") == "locales/zh_CN/LC_MESSAGES/signing.po" and zh_case.find("failure") is None


def test_clean_project_is_ok_in_every_format(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    for fmt in ("text", "json", "github", "junit"):
        result = run(root, "check", "--format", fmt)
        assert result.exit_code == 0, (fmt, result.output)
        assert result.output.endswith("\n")
    assert json.loads(run(root, "check", "--format", "json").output)["issues"] == []


def test_github_format_says_when_the_annotations_shown_are_not_all(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", locales=("de", "fr", "sv"), translate=False)  # 5 units each
    result = run(root, "check", "--format", "github")
    errors = [line for line in result.output.splitlines() if line.startswith("::error ")]
    assert len(errors) > 10
    assert f"this log lists all {len(errors)} problems" in result.output


def test_a_control_character_in_a_text_leaves_the_json_report_valid(tmp_path: Path) -> None:
    # U+0085 (a mis-decoded CMS ellipsis) and DEL: json leaves them raw, and escaping them for the
    # terminal as \x85 made the report invalid JSON for the CI step that reads it
    from click.testing import CliRunner

    from transpub.cli import main

    root = tmp_path / "news"
    assert CliRunner().invoke(main, ["init", str(root), "--source", "en", "-l", "de"]).exit_code == 0
    (root / "articles" / "a.html").write_text(
        "<html><body><p>Caf\x85 opens\x7f.</p><p>Other text.</p></body></html>", encoding="utf-8"
    )
    assert CliRunner().invoke(main, ["--project", str(root), "extract"]).exit_code == 0
    result = CliRunner().invoke(main, ["--project", str(root), "check", "--format", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.output)
    assert any(issue["msgid"] == "Caf\x85 opens\x7f." for issue in report["issues"])
    assert "\x85" not in result.output and "\x7f" not in result.output


def test_one_check_run_prints_annotations_and_writes_the_junit_and_json_reports_to_files(
    messy: Path, tmp_path: Path
) -> None:
    junit, report = tmp_path / "reports" / "transpub-junit.xml", tmp_path / "transpub.json"
    result = run(messy, "check", "--format", "github", "--junit", str(junit), "--json", str(report))
    assert result.exit_code == 1
    assert result.output == run(messy, "check", "--format", "github").output  # stdout as without the files
    assert junit.read_text(encoding="utf-8") == run(messy, "check", "--format", "junit").output
    assert report.read_text(encoding="utf-8") == run(messy, "check", "--format", "json").output
    assert etree.fromstring(junit.read_bytes()).get("failures") == "4"
    assert json.loads(report.read_text(encoding="utf-8"))["problems"] == 4


def test_a_report_file_that_cannot_be_finished_leaves_the_previous_report_whole(
    messy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from click.testing import CliRunner

    import transpub.fsutil
    from transpub.cli import main

    junit = tmp_path / "transpub-junit.xml"
    junit.write_text("<testsuites/>\n", encoding="utf-8")
    real_write = transpub.fsutil._write_all

    def disk_full(fd: int, data: bytes) -> None:  # half the report reaches the disk, then it is full
        real_write(fd, data[: len(data) // 2])
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(transpub.fsutil, "_write_all", disk_full)
    result = CliRunner().invoke(main, ["--project", str(messy), "check", "--junit", str(junit)])
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"Error: {junit}: cannot write the JUnit report: No space left on device"
    ]
    assert junit.read_text(encoding="utf-8") == "<testsuites/>\n"
    assert [path.name for path in tmp_path.iterdir()] == ["transpub-junit.xml"]  # no temporary file left


def test_junit_and_json_reports_cannot_be_written_to_one_file(messy: Path, tmp_path: Path) -> None:
    result = run(messy, "check", "--junit", str(tmp_path / "r"), "--json", str(tmp_path / "." / "r"))
    assert result.exit_code == 2 and "--junit and --json name the same file" in result.output
    assert not (tmp_path / "r").exists()


def test_the_reports_of_a_shard_say_which_shard_they_cover(messy: Path, tmp_path: Path) -> None:
    junit, report = tmp_path / "transpub-junit-2.xml", tmp_path / "transpub-2.json"
    result = run(messy, "check", "--shard", "2/3", "--junit", str(junit), "--json", str(report))
    assert result.exit_code in (0, 1), result.output
    root = etree.fromstring(junit.read_bytes())
    assert root.get("name") == "transpub check: Demo (shard 2/3)"
    suites = root.findall("testsuite")
    assert [suite.get("name") for suite in suites] == [
        "transpub.de (shard 2/3)",
        "transpub.sv (shard 2/3)",
        "transpub.zh_CN (shard 2/3)",
    ]
    for suite in suites:
        assert [(p.get("name"), p.get("value")) for p in suite.findall("properties/property")] == [
            ("shard", "2/3")
        ]
    document = json.loads(report.read_text(encoding="utf-8"))
    assert document["shard"] == {"index": 2, "count": 3}
    jsonschema = pytest.importorskip("jsonschema")
    jsonschema.validate(document, json.loads(SCHEMA.read_text(encoding="utf-8")))


def test_the_text_summary_of_a_shard_says_which_shard_was_checked(messy: Path) -> None:
    # a CI log of one matrix job must not read as the verdict on every article
    for fmt in ("text", "github"):
        verdict = run(messy, "check", "--shard", "2/3", "--format", fmt).output.splitlines()[-1]
        assert verdict.startswith("check (shard 2/3): "), verdict
    assert run(messy, "check").output.splitlines()[-1].startswith("check: ")


def test_the_reports_of_every_article_name_no_shard(messy: Path) -> None:
    assert json.loads(run(messy, "check", "--format", "json").output)["shard"] is None
    root = etree.fromstring(run(messy, "check", "--format", "junit").output.encode("utf-8"))
    assert root.get("name") == "transpub check: Demo" and root.find("testsuite/properties") is None


#: How each kind of problem's message ends: with what to do about it.
WHAT_TO_DO = {
    "untranslated": "; translate it, or run `transpub translate -l de` and review the draft",
    "fuzzy": "; review it and clear the fuzzy flag",
    "placeholders": "; use the placeholders of the source (<1>…</1>)",
    "numbers": "; write the numbers of the source as de writes them, or add transpub-no-numbers to the "
    "entry's comment if the change is meant",
    "threshold": (  # (sv's below its minimum, de's not published)
        "; review 1 more fuzzy unit and clear its fuzzy flag",
        "; translate or review 2 more units, or run `transpub translate -l de` and review the draft",
    ),
    "glossary": ' must be rendered as "净月" in zh_CN; write that rendering in the translation, or add the one '
    "used to the glossary",
}


def test_every_kind_of_problem_says_what_to_do_in_every_format(tmp_path: Path) -> None:
    """A message says what happened and what to do about it (it said only "not translated"), the
    same in the text, the JSON, GitHub's annotations (one line each) and JUnit's failures."""
    root = make_project(
        tmp_path / "news",
        locales=("de", "sv", "zh_CN"),
        config='[translate]\nengine = "apertium"\n\n[locale.sv]\nmin_translated = 90\n',
    )
    set_entry(root, "de", "Signing ceremony", "")
    set_entry(root, "de", "Read <1>the report</1> now.", "Lesen Sie jetzt den Bericht.")
    set_entry(
        root, "de", "Jingyue signed 16 projects worth RMB31.36 billion.", "Jingyue: 61 Projekte, 31,36 Mrd."
    )
    set_entry(root, "de", "Over 240 projects have settled in Jingyue.", "Über 240 Projekte.", fuzzy=True)
    set_entry(root, "sv", "Signing ceremony", "Ceremoni", fuzzy=True)
    set_entry(root, "zh_CN", "Over 240 projects have settled in Jingyue.", "已有240多个项目落户静月。")
    issues = json.loads(run(root, "check", "--format", "json").output)["issues"]
    assert {issue["check"] for issue in issues} == set(WHAT_TO_DO)
    for issue in issues:
        assert issue["message"].endswith(WHAT_TO_DO[issue["check"]]), issue
    text = [line for line in run(root, "check").output.splitlines() if line.startswith("locales/")]
    assert [line.split("] ", 1)[1].removeprefix("warning: ") for line in text] == [
        i["message"] for i in issues
    ]
    annotations = [line for line in run(root, "check", "--format", "github").output.splitlines()]
    assert [line.rsplit("::", 1)[1] for line in annotations if line.startswith("::")] == [
        i["message"].replace("%", "%25") for i in issues
    ]
    junit = etree.fromstring(run(root, "check", "--format", "junit").output.encode("utf-8"))
    failures = [failure.get("message") for failure in junit.iter("failure")]
    assert failures == [i["message"] for i in issues if i["severity"] == "error"]


def test_github_notice_of_annotations_not_shown_counts_one_problem_as_one() -> None:
    # "this log lists all 1 problems and 11 warnings"
    from transpub.check.formats import format_github
    from transpub.check.report import CheckReport
    from transpub.model import Issue

    warnings = [Issue("a.po", line, "untranslated", "x", severity="warning") for line in range(2, 13)]
    report = CheckReport(project="p", project_issues=[Issue("a.po", 1, "fuzzy", "x"), *warnings])
    assert "this log lists all 1 problem and 11 warnings" in format_github(report)


def test_json_counts_the_units_of_an_article_whose_catalog_is_missing_as_untranslated(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", locales=("de",))
    (root / "locales" / "de" / "LC_MESSAGES" / "signing.po").unlink()
    report = json.loads(run(root, "check", "--format", "json").output)
    [catalog] = report["locales"][0]["catalogs"]
    assert catalog["readable"] is True and catalog["untranslated"] == catalog["total"] > 0
    assert [issue["check"] for issue in report["issues"]] == ["outdated"]
