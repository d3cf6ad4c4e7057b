"""``-j N``: extract, compile and check work on N articles at once and write and say exactly what -j 1 does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub import catalog
from transpub.cli import main
from transpub.project import init_project
from transpub.workers import MIN_PARALLEL_ITEMS, run_ordered

ARTICLES = 14


def newsroom(root: Path) -> Path:
    """14 articles in two languages: links, emphasis, a figure, a date; one unreadable, one missing image."""
    init_project(root, source="en", locales=["de", "fr"], name="News")
    (root / "articles" / "img").mkdir()
    (root / "articles" / "img" / "photo.jpg").write_bytes(b"\xff\xd8 not really a photo")
    for number in range(ARTICLES):
        folder = root / "articles" / ("2024" if number % 3 else "2025")
        folder.mkdir(exist_ok=True)
        image = "img/photo.jpg" if number != 5 else "img/missing.jpg"
        (folder / f"story-{number:02d}.html").write_text(
            f"<html><head><title>Story {number}</title></head><body><article>"
            f"<h1>The council met on day {number}</h1>"
            f'<p>By Anna, <time datetime="2024-03-{number + 1:02d}">March {number + 1}, 2024</time></p>'
            f'<p>The <a href="https://example.org/{number}">new bridge</a> opened. It cost <em>{number}</em> '
            "million euros. Nobody came.</p>"
            f'<figure><img src="../{image}" alt="The bridge at dawn"><figcaption>The bridge.</figcaption></figure>'
            "</article></body></html>",
            encoding="utf-8",
        )
    (root / "articles" / "2024" / "broken.html").write_bytes(b"<p>NUL \x00 inside</p>")
    return root


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args])
    return result.exit_code, result.stdout.replace(str(root), "ROOT"), result.stderr  # "Site: ROOT/site/…"


def pseudo_translate(root: Path) -> None:
    """Every msgstr becomes ⟦msgid⟧, reviewed (the same in both projects)."""
    for path in sorted(root.rglob("*.po")):
        if path.name == "story-04.po" and path.parent.parent.parent.name == "fr":
            continue  # the broken one stays broken
        po = catalog.read_catalog(path)
        for entry in po:
            if entry.msgid and not entry.obsolete:
                entry.msgstr = f"⟦{entry.msgid}⟧"
        catalog.write_catalog(po, path)


_DATES = re.compile(rb"(POT-Creation-Date|PO-Revision-Date): [^\\]*")


def files_of(root: Path) -> dict[str, bytes]:
    """Every file the runs wrote (lock files aside), dates of creation normalised."""
    return {
        path.relative_to(root).as_posix(): _DATES.sub(rb"\1: DATE", path.read_bytes())
        for path in sorted(root.rglob("*"))
        if path.is_file() and ".transpub" not in path.parts
    }


def test_j4_writes_the_same_files_and_reports_the_same_lines_as_j1(tmp_path: Path) -> None:
    assert ARTICLES >= MIN_PARALLEL_ITEMS  # or -j 4 would quietly run one article at a time
    serial = newsroom(tmp_path / "serial")
    parallel = tmp_path / "parallel"
    shutil.copytree(serial, parallel)
    # one catalog a translator broke: the error names its file and line, from a worker too
    for root in (serial, parallel):
        broken = root / "locales" / "fr" / "LC_MESSAGES" / "2024" / "story-04.po"
        broken.parent.mkdir(parents=True)
        broken.write_text('msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "x"\n')

    for command in (["extract"], ["compile", "--include-fuzzy"], ["check"]):
        if command[0] == "compile":
            pseudo_translate(serial)
            pseudo_translate(parallel)
        one = run(serial, *command, "-j", "1")
        four = run(parallel, *command, "-j", "4")
        assert one == four, command
        assert files_of(serial) == files_of(parallel), command

    code, out, err = run(parallel, "extract", "-j", "4", "-v")
    assert code == 1
    assert "Error: articles/2024/broken.html: NUL bytes: this is not a text file" in err
    assert re.search(r"^Error: locales/fr/LC_MESSAGES/2024/story-04\.po:\d+: ", err, re.M)
    assert "articles/2025/story-12.html: 8 units" in out
    code, out, err = run(parallel, "compile", "-j", "4", "--include-fuzzy", "-v")
    assert "missing.jpg" in err
    # a broken catalog is named as extract and check name it, on the terminal and on the review index
    assert re.search(r"^Error: locales/fr/LC_MESSAGES/2024/story-04\.po:\d+: ", err, re.M)
    assert str(parallel) not in (parallel / "site" / "_review" / "index.html").read_text(encoding="utf-8")
    assert "de/2024/story-13.html: 100% translated" in out
    assert (parallel / "site" / "de" / "2025" / "story-00.html").read_text(encoding="utf-8").count("⟦") == 8


def _square(offset: int, number: int) -> tuple[int, int]:
    import os

    return number * number + offset, os.getpid()


def test_results_come_back_in_the_order_of_the_items_from_several_processes() -> None:
    results = list(run_ordered(_square, 1, list(range(200)), jobs=3))
    assert [value for value, _ in results] == [n * n + 1 for n in range(200)]
    # really worked on in other processes (how many of the 3 took a share depends on the machine's
    # load: on a busy one, the first worker can finish these tiny calls before another starts)
    assert __import__("os").getpid() not in {pid for _, pid in results}
    assert {pid for _, pid in run_ordered(_square, 0, list(range(200)), jobs=1)} == {
        __import__("os").getpid()
    }


def test_no_two_batches_of_a_parallel_extract_share_a_lock() -> None:
    """Two processes never work at once on batches that need the same article lock (each would wait
    for the other's batch to be written: a 2500 x 7 extract -j 2 took 18 s instead of 14)."""
    from pathlib import Path

    from transpub.extract import _batches
    from transpub.fsutil import lock_bucket

    todo = [(Path(f"articles/story-{n}.html"), f"story-{n}", f"key-{n}") for n in range(2500)]
    batches = _batches(todo, jobs=2)
    assert sorted(task[0] for batch in batches for task in batch) == list(range(2500))
    owners: dict[int, int] = {}
    for number, batch in enumerate(batches):
        for task in batch:
            assert owners.setdefault(lock_bucket(task[2]), number) == number, (
                "a lock bucket split between batches"
            )


def test_work_done_in_the_background_raises_its_error_where_it_is_waited_for() -> None:
    from transpub.workers import in_background

    done: list[int] = []
    in_background(done.append, 1).wait()
    assert done == [1]
    failing = in_background(int, "not a number")
    with pytest.raises(ValueError, match="not a number"):
        failing.wait()
    assert not failing.running


def test_a_worker_reads_its_first_article_without_loading_anything(tmp_path: Path) -> None:
    """What each -j worker would load on its first article (about 0.1 s: the reader's modules, the
    source language's date formats) is loaded once, before the workers start."""
    import subprocess
    import sys

    root = newsroom(tmp_path / "news")
    script = (
        "import sys\n"
        "from pathlib import Path\n"
        "from transpub.project import load_project\n"
        "from transpub.sources import load_article, prepare_reading\n"
        f"project = load_project(Path({str(root)!r}))\n"
        "prepare_reading(project)\n"
        "loaded = set(sys.modules)\n"
        'load_article(project, project.articles_dir / "2025" / "story-00.html")\n'
        "print(sorted(set(sys.modules) - loaded))\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
