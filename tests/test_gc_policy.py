"""The garbage collector's settings: the command line (the application) collects less during a run;
the library leaves a process's settings as it finds them."""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
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


def markdown_newsroom(root: Path, articles: int) -> Path:
    init_project(root, source="en", locales=["de"], name="News")
    for number in range(articles):
        (root / "articles" / f"story-{number:02d}.md").write_text(
            f"---\ntitle: Story {number}\n---\n\n# The council, day {number}\n\n"
            f"The council *met* on day {number}, see [the minutes](minutes-{number}.html). Nobody came.\n\n"
            "- One item.\n- Another `item`.\n",
            encoding="utf-8",
        )
    return root


def garbage_left_by(run: Callable[[], object]) -> int:
    """How many objects ``run`` left that only the garbage collector could free (reference cycles)."""
    gc.collect()
    gc.disable()
    try:
        run()
        return gc.collect()
    finally:
        gc.enable()


@pytest.mark.parametrize("markdown", [False, True], ids=["html", "markdown"])
def test_each_article_is_freed_when_it_is_done_not_left_for_a_collection(
    tmp_path: Path, markdown: bool
) -> None:
    """An article's tree, document and pages are freed by their reference counts as soon as it is done:
    none is kept in a reference cycle, which a run's collections would have to walk again and again
    (a tenth of compile's time on a thousand articles, once)."""
    make = markdown_newsroom if markdown else newsroom
    counts = {}
    for articles in (1, 2, 12):  # (the first: what a first run makes once, imports and caches)
        project = load_project(make(tmp_path / f"news-{articles}", articles))
        counts[articles] = (
            garbage_left_by(functools.partial(extract_project, project, ["de"], jobs=1)),
            garbage_left_by(functools.partial(compile_project, project, ["de"], jobs=1)),
        )
    assert counts[12] == counts[2], counts
