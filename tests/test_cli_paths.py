"""A file or folder named on the command line that cannot be used, as every command says it: one
``Error: PATH: reason`` line (not click's three lines of usage), exit 1 for a file the system cannot
read or write, exit 2 for the project's own folder or settings (README: exit codes), and nothing
written. Paths are typed from the project's folder, as a user types them.

Tests run as root here, where ``chmod 000`` stops no read: what the system refuses is made of a
folder where a file goes, a file where a folder goes, and a link to nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main

ARTICLE = "articles/jingyue-platinum-industry.html"

#: Commands that read a file, the file written as {}.
READ = {
    "segment": ["segment", "{}"],
    "xliff import": ["xliff", "import", "{}"],
    "memory import": ["memory", "import", "{}"],
    "align's source": ["align", "{}", ARTICLE, "-l", "es"],
    "align's translation": ["align", ARTICLE, "{}", "-l", "es"],
}

#: Commands that write a file, the file written as {}.
WRITE = {
    "translate --compare --out": ["translate", "--compare", "libre", "llm", "-l", "es", "--out", "{}"],
    "check --junit": ["check", "--junit", "{}"],
    "check --json": ["check", "--json", "{}"],
    "status --html": ["status", "--html", "{}"],
    "glossary export -o": ["glossary", "export", "--format", "csv", "-o", "{}"],
    "memory export -o": ["memory", "export", "-o", "{}"],
}

#: Commands that write a file, or into a folder when one is there (a folder where the file goes: the file is
#: written in it).
WRITE_OR_INTO = {"xliff export --single -o": ["xliff", "export", "-l", "es", "--single", "-o", "{}.xlf"]}

#: Commands that write into a folder, the folder written as {}.
WRITE_INTO = {
    "compile --out": ["compile", "--out", "{}"],
    "xliff export -o": ["xliff", "export", "-l", "es", "-o", "{}"],
}


def _missing(path: Path) -> None:
    """Nothing at ``path``."""


def _folder(path: Path) -> None:
    path.mkdir()


def _file(path: Path) -> None:
    path.write_text("a file\n", encoding="utf-8")


def _link_to_nothing(path: Path) -> None:
    path.symlink_to(path.parent / "gone")


#: What is at the path given (named "given" in the project's folder), what the system says of reading it.
UNREADABLE = {
    "not there": (_missing, "No such file or directory"),
    "a folder": (_folder, "Is a directory"),
    "a link to nothing": (_link_to_nothing, "No such file or directory"),
}


def _invoke(project: Path, words: list[str], path: str):
    return CliRunner().invoke(main, [word.format(path) for word in words], catch_exceptions=False)


def _files(root: Path) -> dict[str, bytes]:
    """Every file below ``root`` but transpub's own state, with its content."""
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".transpub" not in path.relative_to(root).parts
    }


@pytest.fixture
def in_project(sample_project: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The sample project, the current folder (without an engine's settings: none may be asked)."""
    monkeypatch.chdir(sample_project)
    for name in ("TRANSPUB_LIBRE_URL", "TRANSPUB_LLM_URL", "TRANSPUB_PROJECT"):
        monkeypatch.delenv(name, raising=False)
    return sample_project


def _one_error(result, code: int, line: str) -> None:
    assert (result.exit_code, result.stderr) == (code, f"Error: {line}\n"), result.output


@pytest.mark.parametrize("kind", UNREADABLE)
@pytest.mark.parametrize("command", READ)
def test_a_file_to_read_that_cannot_be_read_is_one_error_line_naming_it_and_exit_1(
    in_project: Path, command: str, kind: str
) -> None:
    make, why = UNREADABLE[kind]
    make(in_project / "given")
    before = _files(in_project)
    result = _invoke(in_project, READ[command], "given")
    _one_error(result, 1, f"given: cannot read: {why}")
    assert _files(in_project) == before


def test_a_file_below_a_file_is_one_error_line_not_a_directory(in_project: Path) -> None:
    _file(in_project / "afile")
    for words in READ.values():
        _one_error(_invoke(in_project, words, "afile/given"), 1, "afile/given: cannot read: Not a directory")


@pytest.mark.parametrize(
    "kind, why",
    [
        ("not there", "No such file or directory"),
        ("a file", "Not a directory"),
        ("a link to nothing", "No such file or directory"),
    ],
)
def test_align_dir_with_a_folder_that_is_not_one_is_one_error_line_naming_it(
    in_project: Path, kind: str, why: str
) -> None:
    {"not there": _missing, "a file": _file, "a link to nothing": _link_to_nothing}[kind](
        in_project / "given"
    )
    for words in (
        ["align", "--dir", "{}", "articles", "-l", "es"],
        ["align", "--dir", "articles", "{}", "-l", "es"],
    ):
        _one_error(_invoke(in_project, words, "given"), 1, f"given: cannot read: {why}")


def test_files_that_cannot_be_read_are_one_line_each_and_nothing_is_imported(in_project: Path) -> None:
    before = _files(in_project)
    for command in ("xliff", "memory"):
        result = CliRunner().invoke(main, [command, "import", "one.xlf", "two.xlf"])
        assert result.exit_code == 1
        assert result.stderr.splitlines() == [
            "Error: one.xlf: cannot read: No such file or directory",
            "Error: two.xlf: cannot read: No such file or directory",
        ]
    assert _files(in_project) == before


@pytest.mark.parametrize("command", WRITE)
def test_an_output_file_where_a_folder_is_is_one_error_line_and_nothing_is_written(
    in_project: Path, command: str
) -> None:
    words = WRITE[command]
    name = words[-1].format("given")
    (in_project / name).mkdir()
    before = _files(in_project)
    result = _invoke(in_project, words, "given")
    _one_error(result, 1, f"{name}: cannot write: Is a directory")
    assert _files(in_project) == before


OUTPUTS = {**WRITE, **WRITE_INTO, **WRITE_OR_INTO}


@pytest.mark.parametrize("command", OUTPUTS)
def test_an_output_below_a_file_is_one_error_line_and_the_file_stays(in_project: Path, command: str) -> None:
    words = OUTPUTS[command]
    _file(in_project / "afile")
    before = _files(in_project)
    result = _invoke(in_project, words, "afile/given")
    _one_error(result, 1, f"{words[-1].format('afile/given')}: cannot write: Not a directory")
    assert _files(in_project) == before


@pytest.mark.parametrize("command", WRITE_INTO)
def test_an_output_folder_where_a_file_is_is_one_error_line_and_the_file_stays(
    in_project: Path, command: str
) -> None:
    _file(in_project / "given")
    before = _files(in_project)
    result = _invoke(in_project, WRITE_INTO[command], "given")
    _one_error(result, 1, "given: cannot write: Not a directory")
    assert _files(in_project) == before


@pytest.mark.parametrize("command", [name for name in OUTPUTS if "translate" not in name])
def test_an_output_in_folders_not_there_yet_is_written_and_its_folders_made(
    in_project: Path, command: str
) -> None:
    words = OUTPUTS[command]
    result = _invoke(in_project, words, "new/folder/given")
    assert result.exit_code in (0, 1) and "Error:" not in result.stderr, result.output  # (check: problems)
    assert (in_project / words[-1].format("new/folder/given")).exists()


@pytest.mark.parametrize("kind, what", [("not there", "no such folder"), ("a file", "not a folder")])
def test_a_project_folder_that_is_not_one_is_one_error_line_and_exit_2(
    in_project: Path, kind: str, what: str
) -> None:
    if kind == "a file":
        _file(in_project / "given")
    # (segment and engines, which work without a project too, went on without the one named)
    for words in (
        ["--project", "{}", "status"],
        ["status", "--project", "{}"],
        ["--project", "{}", "engines"],
    ):
        result = _invoke(in_project, words, "given")
        _one_error(result, 2, f"given: {what} (--project names the folder holding transpub.toml)")


def test_init_in_a_file_is_one_error_line_and_exit_2(in_project: Path) -> None:
    _file(in_project / "given")
    result = _invoke(in_project, ["init", "{}", "-l", "es"], "given")
    _one_error(result, 2, "given: not a folder (init makes the project in a folder)")
    assert (in_project / "given").read_text(encoding="utf-8") == "a file\n"


def test_glossary_export_without_its_glossary_file_is_one_line_naming_the_setting(in_project: Path) -> None:
    # it said "this project has no glossary file", naming neither the file nor where it is set (exit 1)
    (in_project / "glossary" / "terms.csv").unlink()
    line = (in_project / "transpub.toml").read_text(encoding="utf-8").splitlines().index(
        'glossary = "glossary/terms.csv"'
    ) + 1
    result = _invoke(in_project, ["glossary", "export", "--format", "csv"], "")
    _one_error(
        result,
        2,
        f"transpub.toml:{line}: [paths] glossary: glossary/terms.csv is not there; there is no glossary to export",
    )


def test_a_mistake_in_how_the_command_is_written_is_still_a_usage_error(in_project: Path) -> None:
    for words in (["xliff", "import"], ["segment", "--nope", "given"]):
        result = CliRunner().invoke(main, words)
        assert result.exit_code == 2
        assert result.stderr.startswith("Usage: "), result.stderr


def test_help_still_says_which_options_take_a_file_and_which_a_folder() -> None:
    # (without click's checks, every path option was shown as PATH)
    for words, shown in (
        (["compile"], "--out DIRECTORY"),
        (["status"], "--html FILE"),
        (["translate"], "--out FILE"),
        (["memory", "export"], "-o, --output FILE"),
        (["glossary", "export"], "-o, --output FILE"),
        (["status"], "--project DIRECTORY"),
    ):
        assert shown in CliRunner().invoke(main, [*words, "--help"]).output, words
