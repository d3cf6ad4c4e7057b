"""The garbage collector's settings: the command line (the application) collects less during a run;
the library leaves a process's settings as it finds them."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest
from click.testing import CliRunner

import transpub.compile
import transpub.extract
from transpub.cli import RUN_GC_THRESHOLD, main
from transpub.compile import compile_project
from transpub.extract import extract_project
from transpub.project import init_project, load_project


def newsroom(root: Path, articles: int = 10) -> Path:
    init_project(root, source="en", locales=["de"], name="News")
    for number in range(articles):
        (root / "articles" / f"story-{number:02d}.html").write_text(
            f"<html><head><title>Story {number}</title></head><body>"
            f"<p>The council met on day {number}. Nobody came.</p></body></html>",
            encoding="utf-8",
        )
    return root


def settings() -> tuple[tuple[int, int, int], bool, int]:
    return gc.get_threshold(), gc.isenabled(), gc.get_freeze_count()


@pytest.mark.parametrize("jobs", [1, 2])
def test_extract_and_compile_leave_the_garbage_collector_as_they_found_it(tmp_path: Path, jobs: int) -> None:
    project = load_project(newsroom(tmp_path / "news"))
    before = settings()
    extract_project(project, ["de"], jobs=jobs)
    assert settings() == before
    compile_project(project, ["de"], jobs=jobs)
    assert settings() == before


@pytest.mark.parametrize("command", ["extract", "compile"])
def test_the_command_line_collects_less_during_a_run_and_restores_the_settings_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    root = newsroom(tmp_path / "news")
    during: list[tuple[tuple[int, int, int], bool, int]] = []
    module = transpub.extract if command == "extract" else transpub.compile
    function = getattr(module, f"{command}_project")

    def watched(*args: object, **kwargs: object) -> object:
        during.append(settings())
        return function(*args, **kwargs)

    monkeypatch.setattr(module, f"{command}_project", watched)
    before = settings()
    result = CliRunner().invoke(main, ["--project", str(root), command, "-j", "1"])
    assert result.exit_code == 0, result.output
    assert settings() == before
    ((threshold, enabled, frozen),) = during
    assert threshold[0] >= RUN_GC_THRESHOLD and threshold[1:] == before[0][1:] and enabled
    assert frozen > before[2]  # what was loaded before the run is not walked by its collections
