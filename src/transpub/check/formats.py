"""A :class:`CheckReport` as text, JSON, GitHub workflow annotations or JUnit XML.

Each formatter returns the whole output, ending with a newline. The JSON layout is described
by ``transpub/data/check-report.schema.json`` and docs/ci.md.
"""

from __future__ import annotations

import json
import posixpath
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from transpub.check.config import CHECK_IDS
from transpub.check.report import CatalogResult, CheckReport, LocaleSummary
from transpub.fsutil import atomic_write_bytes
from transpub.model import Issue, counted

SCHEMA_VERSION = 1


def format_issue(issue: Issue) -> str:
    """One problem as a text line: ``file:line: [check] message``.

    >>> format_issue(Issue("x.po", 42, "fuzzy", "msg"))
    'x.po:42: [fuzzy] msg'
    >>> format_issue(Issue("x.po", 7, "untranslated", "msg", severity="warning"))
    'x.po:7: [untranslated] warning: msg'
    """
    marker = "" if issue.severity == "error" else f"{issue.severity}: "
    return f"{issue.location}: [{issue.check}] {marker}{issue.message}"


def format_locale_summary(summary: LocaleSummary) -> str:
    """One summary line for a locale.

    >>> format_locale_summary(LocaleSummary("sv", 80.0, False))
    'sv: no catalog to check (no article); OK (minimum 80%)'
    >>> format_locale_summary(LocaleSummary("sv", 80.0, False, [CatalogResult("sv", "a", "a.po")]))
    'sv: no unit counted, 1 catalog not counted (missing or unreadable); OK (minimum 80%)'
    """
    verdict = "OK" if not summary.problems else counted(summary.problems, "problem")
    if summary.warnings:
        verdict += f", {counted(summary.warnings, 'warning')}"
    fuzzy_rule = ", fuzzy allowed" if summary.allow_fuzzy else ""
    coverage = summary.coverage
    state = f"{coverage.describe()}, {coverage.fuzzy} fuzzy, {coverage.untranslated} untranslated"
    unread = sum(1 for c in summary.catalogs if c.stats is None)
    if not summary.catalogs:  # (a shard with no article: "100% translated (0 of 0 units)" would read as done)
        state = "no catalog to check (no article)"
    elif unread:
        # a broken catalog's units are unknown: "100% translated (0 of 0 units)" would read as done
        missing = f"{counted(unread, 'catalog')} not counted (missing or unreadable)"
        state = f"no unit counted, {missing}" if not coverage.total else f"{state}, {missing}"
    return f"{summary.locale}: {state}; {verdict} (minimum {summary.min_translated:g}%{fuzzy_rule})"


def format_verdict(report: CheckReport) -> str:
    """The last line: ``check: OK`` or ``check: 3 problems in 2 locales``; a report of one shard
    names it (``check (shard 2/4): OK``), as its locale lines count that shard's catalogs only."""
    warnings = f" ({counted(report.warnings, 'warning')})" if report.warnings else ""
    what = f"check (shard {report.shard_name})" if report.shard_name else "check"
    if report.ok:
        return f"{what}: OK{warnings}"
    failing = sum(1 for s in report.locales if s.problems)
    where = f" in {counted(failing, 'locale')}" if failing else ""
    return f"{what}: {counted(report.problems, 'problem')}{where}{warnings}"


def _summary_lines(report: CheckReport) -> list[str]:
    return [*(format_locale_summary(s) for s in report.locales), format_verdict(report)]


def format_text(report: CheckReport) -> str:
    """One line per problem, a summary line per locale, and the verdict."""
    lines = [format_issue(issue) for issue in report.issues]
    return "\n".join([*lines, *_summary_lines(report)]) + "\n"


def escape_github_data(text: str) -> str:
    """Escape an annotation message as the GitHub Actions toolkit does.

    >>> escape_github_data("100% done\\nnext")
    '100%25 done%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_github_property(text: str) -> str:
    """Escape an annotation property (file, title): also ``:`` and ``,``.

    >>> escape_github_property("a,b:c")
    'a%2Cb%3Ac'
    """
    return escape_github_data(text).replace(":", "%3A").replace(",", "%2C")


def in_folder(folder: str, path: str) -> str:
    """``path`` (relative to the project) from the repository, the project being its ``folder``.

    >>> in_folder("newsroom", "locales/de/LC_MESSAGES/a.po")
    'newsroom/locales/de/LC_MESSAGES/a.po'
    >>> in_folder("", "locales/de/LC_MESSAGES/a.po")
    'locales/de/LC_MESSAGES/a.po'
    """
    return posixpath.normpath(posixpath.join(folder, path)) if folder and path else path


#: Annotations of each kind GitHub shows for one step (the log keeps every line).
GITHUB_SHOWN = 10


def format_github(report: CheckReport, folder: str = "") -> str:
    """``::error file=…,line=…,title=transpub <check>::message`` per problem, then the summary
    (``folder``: the project's folder in the repository, which GitHub's file names start from)."""
    lines = []
    for issue in report.issues:
        kind = "error" if issue.severity == "error" else "warning"
        path = in_folder(folder, issue.path)
        props = [f"file={escape_github_property(path)}"]
        if issue.line:
            props.append(f"line={issue.line}")
        props.append(f"title={escape_github_property('transpub ' + issue.check)}")
        lines.append(f"::{kind} {','.join(props)}::{escape_github_data(issue.message)}")
    errors = sum(1 for issue in report.issues if issue.severity == "error")
    warnings = len(report.issues) - errors
    if errors > GITHUB_SHOWN or warnings > GITHUB_SHOWN:
        lines.append(
            f"::notice title=transpub check::GitHub shows {GITHUB_SHOWN} errors and {GITHUB_SHOWN} warnings "
            f"of a step as annotations; this log lists all {counted(errors, 'problem')} and "
            f"{counted(warnings, 'warning')}"
        )
    return "\n".join([*lines, *_summary_lines(report)]) + "\n"


def _issue_json(issue: Issue) -> dict[str, Any]:
    return {
        "path": issue.path,
        "line": issue.line,
        "check": issue.check,
        "severity": issue.severity,
        "locale": issue.locale,
        "message": issue.message,
        "msgid": issue.msgid,
    }


def _catalog_json(result: CatalogResult) -> dict[str, Any]:
    stats = result.stats
    return {
        "path": result.path,
        "article": result.slug,
        "readable": stats is not None,
        "translated": stats.translated if stats else 0,
        "fuzzy": stats.fuzzy if stats else 0,
        "untranslated": stats.untranslated if stats else 0,
        "total": stats.total if stats else 0,
        "words": stats.total_words if stats else 0,
        "percent": round(result.percent, 2),
        "problems": sum(1 for i in result.issues if i.severity == "error"),
        "warnings": sum(1 for i in result.issues if i.severity != "error"),
    }


def _locale_json(summary: LocaleSummary) -> dict[str, Any]:
    coverage = summary.coverage
    return {
        "locale": summary.locale,
        "min_translated": summary.min_translated,
        "allow_fuzzy": summary.allow_fuzzy,
        "translated": coverage.translated,
        "fuzzy": coverage.fuzzy,
        "untranslated": coverage.untranslated,
        "total": coverage.total,
        "words": summary.words,
        "percent": round(coverage.percent, 2),
        "problems": summary.problems,
        "warnings": summary.warnings,
        "catalogs": [_catalog_json(c) for c in summary.catalogs],
    }


def report_as_dict(report: CheckReport) -> dict[str, Any]:
    """The report as the JSON document described by ``check-report.schema.json``."""
    return {
        "schema_version": SCHEMA_VERSION,
        "project": report.project,
        "shard": None if report.shard is None else {"index": report.shard[0], "count": report.shard[1]},
        "ok": report.ok,
        "problems": report.problems,
        "warnings": report.warnings,
        "checks": list(CHECK_IDS),
        "locales": [_locale_json(s) for s in report.locales],
        "issues": [_issue_json(issue) for issue in report.issues],
    }


def format_json(report: CheckReport) -> str:
    """The report as indented JSON (UTF-8 text, not ASCII-escaped; DEL and the C1 controls, which
    json leaves as they are and a terminal acts on, written as ``\\u`` escapes like the C0 ones)."""
    text = json.dumps(report_as_dict(report), ensure_ascii=False, indent=2) + "\n"
    return _JSON_CONTROLS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


#: What ``json.dumps(ensure_ascii=False)`` leaves unescaped that a terminal takes for a command.
_JSON_CONTROLS = re.compile("[\x7f-\x9f]")


_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def _testcase(
    parent: ET.Element, classname: str, name: str, issues: list[Issue], folder: str
) -> tuple[int, int]:
    """Testcases for one catalog: one passing case when it has no problem, else one failing case per
    problem (a dashboard then counts and lists every problem). Warnings go to ``system-out``.
    Each case's ``file`` is ``name`` from the repository (``folder``: the project's folder in it)."""
    file = _xml_text(in_folder(folder, name))
    failures = [i for i in issues if i.severity == "error"]
    warnings = [i for i in issues if i.severity != "error"]
    cases = []
    if not failures:
        cases.append(
            ET.SubElement(parent, "testcase", classname=classname, name=_xml_text(name), file=file, time="0")
        )
    for issue in failures:
        where = f"{name}:{issue.line}" if issue.line else name
        case = ET.SubElement(
            parent,
            "testcase",
            classname=classname,
            name=_xml_text(f"{where} [{issue.check}]"),
            file=file,
            time="0",
        )
        if issue.line:
            case.set("line", str(issue.line))
        failure = ET.SubElement(case, "failure", type=issue.check, message=_xml_text(issue.message))
        failure.text = _xml_text(format_issue(issue))
        cases.append(case)
    if warnings:
        ET.SubElement(cases[0], "system-out").text = _xml_text("\n".join(map(format_issue, warnings)))
    return len(cases), len(failures)


def format_junit(report: CheckReport, folder: str = "") -> str:
    """JUnit XML: a testsuite per locale; per catalog a passing testcase, or a failing one per problem.

    Names are paths in the project; ``file`` attributes start from the repository, the project being
    its ``folder`` (as GitHub's JUnit reporters read them), ``""`` at its top.

    A report of one shard says so in every name (``transpub.de (shard 2/4)``) and in a ``shard``
    property of each suite, so that the reports of a CI matrix tell apart on a dashboard.
    """
    shard = report.shard_name
    in_shard = f" (shard {shard})" if shard else ""
    root = ET.Element("testsuites", name=f"transpub check: {_xml_text(report.project)}{in_shard}")
    suites: list[tuple[str, list[tuple[str, list[Issue]]]]] = []
    if report.project_issues:
        by_path: dict[str, list[Issue]] = {}
        for issue in report.project_issues:
            by_path.setdefault(issue.path, []).append(issue)
        suites.append(("project", list(by_path.items())))
    for summary in report.locales:
        suites.append((summary.locale, [(c.path, c.issues) for c in summary.catalogs]))
    total_tests = total_failures = 0
    for name, cases in suites:
        suite = ET.SubElement(root, "testsuite", name=f"transpub.{name}{in_shard}")
        if shard:
            properties = ET.SubElement(suite, "properties")
            ET.SubElement(properties, "property", name="shard", value=shard)
        tests = failures = 0
        for path, issues in cases:
            count, failed = _testcase(suite, f"transpub.{name}", path, issues, folder)
            tests += count
            failures += failed
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("errors", "0")
        suite.set("skipped", "0")
        total_tests += tests
        total_failures += failures
    root.set("tests", str(total_tests))
    root.set("failures", str(total_failures))
    root.set("errors", "0")
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


FORMATTERS = {"text": format_text, "json": format_json, "github": format_github, "junit": format_junit}


def format_check_report(report: CheckReport, fmt: str = "text", *, folder: str = "") -> str:
    """The report in ``fmt`` (``text``, ``json``, ``github`` or ``junit``), ending with a newline
    (``folder``: for ``github`` and ``junit``, the project's folder in the repository, which their
    file names start from; ``""`` at its top)."""
    try:
        formatter = FORMATTERS[fmt]
    except KeyError:
        raise ValueError(f"unknown report format {fmt!r} (known: {' '.join(FORMATTERS)})") from None
    if formatter is format_github:
        return format_github(report, folder)
    return format_junit(report, folder) if formatter is format_junit else formatter(report)


def write_check_report(report: CheckReport, fmt: str, path: Path, *, folder: str = "") -> None:
    """Write the report in ``fmt`` to ``path`` atomically: a reader (a CI step uploading it) finds the
    old file or the whole new one, never part of it, and a failed write leaves the old one
    (``folder``: as for :func:`format_check_report`)."""
    atomic_write_bytes(path, format_check_report(report, fmt, folder=folder).encode("utf-8"))
