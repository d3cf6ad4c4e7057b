"""A glossary past the configured size is refused with one clear error, before it is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main
from transpub.errors import GlossaryError
from transpub.glossary import load_glossary
from transpub.project import init_project, load_project


def _rows(count: int) -> str:
    return "term,de,note\n" + "".join(f"Term number {i},Begriff {i},\n" for i in range(count))


def test_a_glossary_larger_than_the_limit_is_refused_naming_file_size_and_setting(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(_rows(3_000), encoding="utf-8")  # about 90 KB
    with pytest.raises(GlossaryError) as raised:
        load_glossary(path, max_bytes=50_000)
    error = raised.value
    assert Path(str(error.path)) == path
    assert "MB" in error.message and "glossary_max_mb" in error.message


def test_a_glossary_within_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "terms.csv"
    path.write_text(_rows(10), encoding="utf-8")
    assert len(load_glossary(path, max_bytes=50_000)) == 10


def test_the_limit_comes_from_transpub_toml_and_extract_reports_it(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    config = tmp_path / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("[paths]\n", "[paths]\nglossary_max_mb = 0.05\n"),
        encoding="utf-8",
    )
    (tmp_path / "glossary" / "terms.csv").write_text(_rows(3_000), encoding="utf-8")
    (tmp_path / "articles" / "a.txt").write_text("Title\n\nTerm number 1 is here.\n", encoding="utf-8")
    assert load_project(tmp_path).glossary_max_mb == 0.05
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 1
    assert "glossary/terms.csv" in result.output and "glossary_max_mb" in result.output
    assert "Traceback" not in result.output
