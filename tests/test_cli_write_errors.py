"""What `transpub compile` does when the system refuses to write a page: each page refused is one
`Error:` line naming the file and the action, the other pages are still written, the run exits 1,
and no page is left half-written.

Tests run as root here, where `chmod -w` stops no write: the refusal is made by patching the file
layer (as a folder the user may not write, or a full disk, would answer).
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

import transpub.fsutil as fsutil
from test_compile_helpers import make_project, run_cli


@pytest.fixture()
def site_de_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """site/de/ is a folder this user may not write into."""
    create = fsutil._create_temporary

    def refused(folder: str, name: str) -> tuple[int, str]:
        if Path(folder).parts[-2:] == ("site", "de"):
            raise PermissionError(
                errno.EACCES, "Permission denied", os.path.join(folder, f".{name}.0a1b2c3d.tmp")
            )
        return create(folder, name)

    monkeypatch.setattr(fsutil, "_create_temporary", refused)


def temporaries(site: Path) -> list[Path]:
    return [path for path in site.rglob("*") if path.name.endswith(".tmp")]


def test_a_page_the_system_refuses_is_one_error_naming_it_and_the_other_pages_are_written(
    tmp_path: Path, site_de_refused: None
) -> None:
    root = make_project(tmp_path / "news")
    (root / "site" / "de").mkdir(parents=True)
    (root / "site" / "de" / "skiing.html").write_text("the page published before", encoding="utf-8")
    result = run_cli(root, "compile", "-j", "1")
    assert result.exit_code == 1, result.output
    assert [line for line in result.stderr.splitlines() if line.startswith("Error:")] == [
        "Error: site/de/skiing.html: cannot write: Permission denied",  # (it said only "Permission denied")
        "Error: site/de/index.html: cannot write: Permission denied",
    ]
    for locale in ("en", "zh_CN", "ar"):  # (compile stopped at the first page it could not write)
        assert (root / "site" / locale / "skiing.html").is_file(), locale
        assert (root / "site" / locale / "index.html").is_file(), locale
    assert (root / "site" / "index.html").is_file()
    assert "zh_CN/skiing.html: 100% translated" in result.stdout
    assert "de/skiing.html:" not in result.stdout  # (not listed as written)
    assert (root / "site" / "de" / "skiing.html").read_text(encoding="utf-8") == "the page published before"
    assert not temporaries(root / "site")


def test_a_page_refused_once_is_written_by_the_next_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "news")
    create = fsutil._create_temporary

    def refused(folder: str, name: str) -> tuple[int, str]:
        if Path(folder).name == "de":
            raise PermissionError(
                errno.EACCES, "Permission denied", os.path.join(folder, f".{name}.0a1b2c3d.tmp")
            )
        return create(folder, name)

    with monkeypatch.context() as patch:
        patch.setattr(fsutil, "_create_temporary", refused)
        assert run_cli(root, "compile", "-j", "1").exit_code == 1
    again = run_cli(root, "compile", "-j", "1")  # (not --full: the run that failed is not trusted)
    assert again.exit_code == 0, again.output
    assert "de/skiing.html: 100% translated" in again.stdout
    assert 'lang="de"' in (root / "site" / "de" / "skiing.html").read_text(encoding="utf-8")
    assert 'lang="de"' in (root / "site" / "de" / "index.html").read_text(encoding="utf-8")


def test_a_disk_full_midway_through_a_page_leaves_the_page_before_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "news")
    assert run_cli(root, "compile", "-j", "1").exit_code == 0
    before = (root / "site" / "de" / "skiing.html").read_bytes()
    (root / "articles" / "skiing.html").write_text(
        (root / "articles" / "skiing.html").read_text(encoding="utf-8").replace("<article>", "<article>\n"),
        encoding="utf-8",
    )  # (an article edited: every page is written again)
    write_all = fsutil._write_all

    def full(fd: int, data: bytes) -> None:
        if b'<html lang="de"' in data and b"skiing" in data:
            write_all(fd, data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")
        write_all(fd, data)

    monkeypatch.setattr(fsutil, "_write_all", full)
    result = run_cli(root, "compile", "-j", "1")
    assert result.exit_code == 1, result.output
    assert "Error: site/de/skiing.html: cannot write: No space left on device" in result.stderr.splitlines()
    assert (root / "site" / "de" / "skiing.html").read_bytes() == before
    assert not temporaries(root / "site")


def test_a_markdown_file_the_system_refuses_is_named_with_the_action_and_the_others_are_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from test_compile_markdown import make_markdown_project

    root = make_markdown_project(tmp_path / "harbour")  # (es translated)
    create = fsutil._create_temporary

    def refused(folder: str, name: str) -> tuple[int, str]:
        if Path(folder).parts[-3:] == ("site", "es", "posts"):
            raise PermissionError(
                errno.EACCES, "Permission denied", os.path.join(folder, f".{name}.0a1b2c3d.tmp")
            )
        return create(folder, name)

    monkeypatch.setattr(fsutil, "_create_temporary", refused)
    result = run_cli(root, "compile", "-j", "1")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    # (it was "Error: site/es/posts/harbour.md: [Errno 13] Permission denied: '/tmp/…/.harbour.md.0a1b2c3d.tmp'")
    assert errors == ["Error: site/es/posts/harbour.md: cannot write: Permission denied"]
    assert (root / "site" / "es" / "guide" / "index.md").is_file()
    assert not temporaries(root / "site")


def test_a_site_the_system_refuses_entirely_is_said_to_have_no_page_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = make_project(tmp_path / "news")

    def refused(folder: str, name: str) -> tuple[int, str]:
        raise PermissionError(
            errno.EACCES, "Permission denied", os.path.join(folder, f".{name}.0a1b2c3d.tmp")
        )

    monkeypatch.setattr(fsutil, "_create_temporary", refused)
    result = run_cli(root, "compile", "-j", "1")
    assert result.exit_code == 1, result.output
    assert result.stdout.splitlines()[-1] == f"No page written (errors: {result.stderr.count('Error:')})"
    assert "with the pages above" not in result.stdout  # (no page was above)


def test_a_markdown_file_no_longer_published_that_the_system_keeps_is_said_not_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import polib

    import transpub.markdown_outputs as markdown_outputs
    from test_compile_markdown import make_markdown_project

    root = make_markdown_project(tmp_path / "harbour")  # (es translated)
    assert run_cli(root, "compile", "-j", "1").exit_code == 0
    for path in (root / "locales" / "es" / "LC_MESSAGES").rglob("*.po"):  # (es no longer translated)
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = ""
        po.save(str(path))

    def kept(path: Path, root: Path) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(markdown_outputs, "remove_file", kept)
    result = run_cli(root, "compile", "-j", "1")
    assert result.exit_code == 1, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert "Error: site/es/posts/harbour.md: cannot remove: Permission denied" in errors, (
        errors
    )  # (not "write")
