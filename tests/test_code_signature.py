"""The code signature (part of every manifest key and stored read): a project remembers it beside the
stat signatures of transpub's source files, and any change to those files makes it again from their
content, so that a run after a code change is a full run as it was without the remembering."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from transpub import manifest

PACKAGE = Path(manifest.__file__).parent
FAKE = "made up, not from these files"


def test_the_signature_a_project_remembers_is_the_one_transpubs_files_make(tmp_path: Path) -> None:
    fresh = manifest._code_signature(PACKAGE, None)
    assert manifest._code_signature(PACKAGE, tmp_path, racy_seconds=0) == fresh
    assert (tmp_path / manifest.CODE_SIGNATURES).is_file()
    assert manifest._code_signature(PACKAGE, tmp_path) == fresh


def _make_package(folder: Path) -> None:
    (folder / "sub").mkdir(parents=True)
    (folder / "__init__.py").write_text("VERSION = 1\n")
    (folder / "a.py").write_text("def f():\n    return 'a'\n")
    (folder / "sub" / "__init__.py").write_text("")
    (folder / "sub" / "b.py").write_text("B = 'bbbb'\n")
    (folder / "notes.txt").write_text("not source\n")


def _rewrite_in_place(path: Path, text: str) -> None:
    """``path`` with ``text`` (of the same length), its modification time put back: only its change
    time tells (after the clock has moved on since the signature was remembered)."""
    before = path.stat()
    assert len(text.encode()) == before.st_size
    while True:
        with open(path, "r+b") as handle:  # in place: same inode
            handle.write(text.encode())
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        if path.stat().st_ctime_ns != before.st_ctime_ns:
            return
        time.sleep(0.001)  # (the same clock tick as the last change)


CHANGES: dict[str, Callable[[Path], None]] = {
    "a file edited in place, same size and modification time": lambda p: _rewrite_in_place(
        p / "a.py", "def f():\n    return 'b'\n"
    ),
    "a file in a subfolder edited": lambda p: (p / "sub" / "b.py").write_text("B = 'bbbc'\n"),
    "a file added": lambda p: (p / "sub" / "c.py").write_text("C = 3\n"),
    "an empty file added": lambda p: (p / "d.py").write_text(""),
    "a file removed": lambda p: (p / "sub" / "b.py").unlink(),
    "a file renamed": lambda p: (p / "a.py").rename(p / "e.py"),
    "a file replaced by another of the same size": lambda p: os.replace(p / "a.py", p / "sub" / "b.py"),
    "a folder renamed": lambda p: (p / "sub").rename(p / "sub2"),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_any_change_to_the_source_files_makes_the_code_signature_again(tmp_path: Path, change: str) -> None:
    package, project = tmp_path / "pkg", tmp_path / "project"
    _make_package(package)
    made = manifest._code_signature(package, project, racy_seconds=0)
    remembered = project / manifest.CODE_SIGNATURES
    # what the project remembers is taken as it is while the files are as they were:
    record = json.loads(remembered.read_text())
    record[str(package)][1] = FAKE
    remembered.write_text(json.dumps(record))
    assert manifest._code_signature(package, project, racy_seconds=0) == FAKE

    CHANGES[change](package)
    again = manifest._code_signature(package, project, racy_seconds=0)
    assert again == manifest._code_signature(package, None) != made
    assert manifest._code_signature(package, project, racy_seconds=0) == again  # (remembered anew)


def test_files_changed_just_before_the_hashing_leave_nothing_remembered(tmp_path: Path) -> None:
    """A second change within the same clock tick would not show in the files' signatures."""
    _make_package(tmp_path / "pkg")
    manifest._code_signature(tmp_path / "pkg", tmp_path / "project")
    assert not (tmp_path / "project" / manifest.CODE_SIGNATURES).exists()


def test_a_damaged_record_of_signatures_is_made_again(tmp_path: Path) -> None:
    _make_package(tmp_path / "pkg")
    remembered = tmp_path / "project" / manifest.CODE_SIGNATURES
    remembered.parent.mkdir(parents=True)
    fresh = manifest._code_signature(tmp_path / "pkg", None)
    for damaged in ("{", "[1, 2]", '{"x": 1}', json.dumps({str(tmp_path / "pkg"): [1]}), "[" * 100_000):
        remembered.write_text(damaged)
        assert manifest._code_signature(tmp_path / "pkg", tmp_path / "project", racy_seconds=0) == fresh
