"""Pages and indexes are written only when their bytes change, through a temporary file and a rename:
same-length edits are still written, a file's mode is kept, a new file is 0o644, a folder removed
during a run is made again, and nothing is left beside the file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from transpub import fsutil
from transpub.fsutil import TEMPORARY_NAME, forget_folders, write_if_changed


def test_a_change_of_the_same_length_is_written(tmp_path: Path) -> None:
    page = tmp_path / "de" / "story.html"
    assert write_if_changed(page, b"<p>Hallo Welt</p>", durable=False)
    assert not write_if_changed(page, b"<p>Hallo Welt</p>", durable=False)
    assert write_if_changed(page, b"<p>Hallo Wald</p>", durable=False)
    assert page.read_bytes() == b"<p>Hallo Wald</p>"
    assert write_if_changed(page, b"<p>Hallo Wald</p> ", durable=False)  # one byte longer
    assert write_if_changed(page, b"<p>Hallo Wald</p>", durable=False)  # one shorter
    assert page.read_bytes() == b"<p>Hallo Wald</p>"
    assert [p.name for p in page.parent.iterdir()] == ["story.html"]


def test_a_rewritten_file_keeps_its_mode_and_a_new_one_is_readable_by_all(tmp_path: Path) -> None:
    old_umask = os.umask(0o077)
    try:
        new = tmp_path / "new.html"
        write_if_changed(new, b"one", durable=False)
        private = tmp_path / "private.html"
        private.write_bytes(b"one")
        private.chmod(0o600)
        write_if_changed(private, b"two", durable=True)
    finally:
        os.umask(old_umask)
    assert new.stat().st_mode & 0o7777 == 0o644
    assert private.stat().st_mode & 0o7777 == 0o600
    assert private.read_bytes() == b"two"


def test_a_folder_removed_during_a_run_is_made_again(tmp_path: Path) -> None:
    forget_folders()
    page = tmp_path / "es" / "a.html"
    write_if_changed(page, b"uno", durable=False)
    page.unlink()
    page.parent.rmdir()
    write_if_changed(tmp_path / "es" / "b.html", b"dos", durable=False)
    assert (tmp_path / "es" / "b.html").read_bytes() == b"dos"


def test_a_folder_where_the_file_should_be_is_an_error_and_leaves_nothing(tmp_path: Path) -> None:
    (tmp_path / "page.html").mkdir()
    with pytest.raises(IsADirectoryError):
        write_if_changed(tmp_path / "page.html", b"x", durable=False)
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_temporary_files_are_named_as_the_sweep_expects(tmp_path: Path) -> None:
    names = set()
    for _ in range(200):
        fd, name = fsutil._create_temporary(str(tmp_path), "page.html")
        os.close(fd)
        base = os.path.basename(name)
        assert TEMPORARY_NAME.fullmatch(base), base
        assert base.startswith(".page.html.") and base.endswith(".tmp")
        assert os.stat(name).st_mode & 0o777 == 0o600
        names.add(base)
    assert len(names) == 200


@pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork here")
def test_a_forked_worker_names_its_temporary_files_otherwise_than_its_parent(tmp_path: Path) -> None:
    """Worker processes write beside each other: each draws its own names (two alike would make one
    of them look for another name)."""
    os.close(fsutil._create_temporary(str(tmp_path), "page.html")[0])  # (the parent has drawn)
    (tmp_path / "child").mkdir()
    (tmp_path / "parent").mkdir()
    pid = os.fork()
    if pid == 0:  # the child: one name in its own folder
        try:
            os.close(fsutil._create_temporary(str(tmp_path / "child"), "page.html")[0])
        finally:
            os._exit(0)
    os.close(fsutil._create_temporary(str(tmp_path / "parent"), "page.html")[0])
    os.waitpid(pid, 0)
    child, parent = (os.listdir(tmp_path / name) for name in ("child", "parent"))
    assert len(child) == len(parent) == 1
    assert child != parent


def test_a_page_known_to_be_new_is_written_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """compile writes the pages a listing showed absent without reading an old one first: still
    through a temporary file and a rename (a failed write leaves no page and no temporary), and
    readable by all whatever the umask."""
    page = tmp_path / "de" / "story.html"
    old_umask = os.umask(0o077)
    try:
        assert write_if_changed(page, b"<p>Hallo</p>", durable=False, new=True)
    finally:
        os.umask(old_umask)
    assert page.read_bytes() == b"<p>Hallo</p>"
    assert page.stat().st_mode & 0o7777 == 0o644
    other = tmp_path / "de" / "other.html"

    def disk_full(fd: int, data: bytes) -> None:
        os.write(fd, data[:3])
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fsutil, "_write_all", disk_full)
    with pytest.raises(OSError):
        write_if_changed(other, b"<p>Hallo Welt</p>", durable=False, new=True)
    assert sorted(p.name for p in page.parent.iterdir()) == ["story.html"]
