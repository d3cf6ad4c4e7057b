"""extract with a glossary that cannot be read: it stops before it writes, so no catalog loses its
glossary notes (a one-character typo in the glossary was a diff of every catalog, twice)."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from transpub.cli import main
from transpub.project import init_project

TERMS = 'term,de,note\nVasaloppet,Vasaloppet,"Swedish ski race"\n'


def extract(root: Path):
    return CliRunner().invoke(main, ["--project", str(root), "extract"])


def catalogs(root: Path) -> dict[str, bytes]:
    return {str(path.relative_to(root)): path.read_bytes() for path in sorted(root.glob("locales/**/*.po*"))}


def test_a_glossary_that_cannot_be_read_stops_extract_before_any_catalog_is_written(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "glossary" / "terms.csv").write_text(TERMS, encoding="utf-8")
    (tmp_path / "articles" / "race.txt").write_text(
        "The race\n\nVasaloppet starts on Sunday.\n", encoding="utf-8"
    )
    assert extract(tmp_path).exit_code == 0
    before = catalogs(tmp_path)
    assert b'#. Glossary: "Vasaloppet"' in before["locales/de/LC_MESSAGES/race.po"]
    (tmp_path / "articles" / "race.txt").write_text(
        "The race\n\nVasaloppet starts on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "glossary" / "terms.csv").write_text(TERMS.replace("note", "notes"), encoding="utf-8")
    result = extract(tmp_path)
    assert result.exit_code == 1
    error = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert len(error) == 1 and "glossary/terms.csv:1" in error[0], result.output
    assert "no catalog" in result.output and "Traceback" not in result.output
    assert catalogs(tmp_path) == before  # nothing written: not the changed article either
    (tmp_path / "glossary" / "terms.csv").write_text(TERMS, encoding="utf-8")
    result = extract(tmp_path)
    assert result.exit_code == 0, result.output
    after = catalogs(tmp_path)["locales/de/LC_MESSAGES/race.po"]
    assert b'#. Glossary: "Vasaloppet"' in after and b"Monday" in after


def test_check_with_a_glossary_that_cannot_be_read_names_it_and_calls_no_catalog_out_of_date(
    tmp_path: Path,
) -> None:
    # (without its notes every catalog looked out of date, "run `transpub extract`", which refuses to
    # run until the glossary is mended: the one problem is the glossary, as status says)
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "glossary" / "terms.csv").write_text(TERMS, encoding="utf-8")
    (tmp_path / "articles" / "race.txt").write_text(
        "The race\n\nVasaloppet starts on Sunday.\n", encoding="utf-8"
    )
    assert extract(tmp_path).exit_code == 0
    (tmp_path / "glossary" / "terms.csv").write_text(TERMS.replace("note", "notes"), encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "check"])
    assert result.exit_code == 1
    assert 'glossary/terms.csv:1: [glossary] column "notes"' in result.output
    assert "(out-of-date catalogs are not checked)" in result.output
    assert "[outdated]" not in result.output


def test_a_malformed_tbx_glossary_is_one_error_at_its_line_and_column_named_once(tmp_path: Path) -> None:
    """libxml's message said the position twice ("…Start Tag text line 1, line 1, column 14")."""
    init_project(tmp_path, source="en", locales=["de"])
    toml = tmp_path / "transpub.toml"
    toml.write_text(toml.read_text("utf-8").replace("glossary/terms.csv", "glossary/terms.tbx"), "utf-8")
    (tmp_path / "glossary" / "terms.tbx").write_text("<martif><text", encoding="utf-8")
    (tmp_path / "articles" / "race.txt").write_text("The race\n\nIt starts on Sunday.\n", encoding="utf-8")
    result = extract(tmp_path)
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("Error:")] == [
        "Error: glossary/terms.tbx:1:14: TBX is not well-formed XML: Couldn't find end of Start Tag text "
        "(no catalog was written: mend it, then extract)"
    ]
