"""transpub makes its lock files under ``.transpub/locks/``: a symbolic link there that leads out of
the project (a folder restored from elsewhere, a crafted checkout) is one ``Error:`` line and nothing
is made where it leads; ``.transpub`` itself may be a link (to a faster disk), and is followed."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from transpub.cli import main
from transpub.project import init_project


def newsroom(root: Path) -> Path:
    init_project(root, source="en", locales=["de"], name="News")
    (root / "articles" / "bridge.html").write_text(
        "<html><head><title>Bridge</title></head><body><p>The bridge opened.</p></body></html>",
        encoding="utf-8",
    )
    return root


def markdown_newsroom(root: Path) -> Path:
    """A project of one Markdown article whose localized Markdown compile writes in ``content/``."""
    init_project(root, source="en", locales=["de"], name="News")
    config = root / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "[compile]\n", '[compile]\nformat = "markdown"\nmarkdown_dir = "content"\n', 1
        ),
        encoding="utf-8",
    )
    (root / "articles" / "bridge.md").write_text("# Bridge\n\nThe bridge opened.\n", encoding="utf-8")
    return root


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args, "-j", "1"])
    return result.exit_code, result.stdout, result.stderr.replace(str(root), "ROOT")


def listing(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*"))


def test_a_link_in_place_of_the_locks_folder_leading_out_of_the_project_is_one_error_and_makes_nothing_there(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "news")
    someone_elses = tmp_path / "home-of-someone"
    someone_elses.mkdir()
    (root / ".transpub").mkdir()
    (root / ".transpub" / "locks").symlink_to(someone_elses)
    code, out, err = run(root, "extract")
    assert code == 1 and out == ""
    assert err == (
        "Error: .transpub/locks/locales: transpub makes its lock files here, and a symbolic link leads it "
        f"out of the project (to {someone_elses}/locales); remove the link (a link of .transpub itself is "
        "followed)\n"
    )
    assert listing(someone_elses) == []
    assert not (root / "locales" / "de" / "LC_MESSAGES" / "bridge.po").exists()


def test_a_link_deeper_in_the_locks_folder_is_refused_the_same_way(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "news")
    someone_elses = tmp_path / "home-of-someone"
    someone_elses.mkdir()
    (root / ".transpub" / "locks").mkdir(parents=True)
    (root / ".transpub" / "locks" / "locales").symlink_to(someone_elses)
    code, _, err = run(root, "extract")
    assert code == 1 and err.startswith("Error: .transpub/locks/locales: transpub makes its lock files here")
    assert listing(someone_elses) == []


def test_transpub_state_folder_linked_to_another_disk_is_followed(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "news")
    fast_disk = tmp_path / "fast-disk" / "news-state"
    fast_disk.mkdir(parents=True)
    (root / ".transpub").symlink_to(fast_disk)
    assert run(root, "extract")[0] == 0
    assert (fast_disk / "locks" / "locales").is_dir()
    assert (root / "locales" / "de" / "LC_MESSAGES" / "bridge.po").is_file()


def test_a_locks_folder_linked_elsewhere_in_the_project_is_followed(tmp_path: Path) -> None:
    root = newsroom(tmp_path / "news")
    (root / "scratch").mkdir()
    (root / ".transpub").mkdir()
    (root / ".transpub" / "locks").symlink_to(root / "scratch")
    assert run(root, "extract")[0] == 0
    assert (root / "scratch" / "locales").is_dir()


def test_a_markdown_outputs_record_that_is_a_link_out_of_the_project_makes_no_lock_file_where_it_leads(
    tmp_path: Path,
) -> None:
    """A content folder is committed: a pull request may put a link in place of compile's record of
    what it wrote there. compile refuses to write it, and makes no lock file beside its target."""
    root = markdown_newsroom(tmp_path / "news")
    someone_elses = tmp_path / "home-of-someone"
    someone_elses.mkdir()
    (root / "content").mkdir()
    (root / "content" / ".transpub-outputs.json").symlink_to(someone_elses / "autostart.json")
    assert run(root, "extract")[0] == 0
    code, _, err = run(root, "compile")
    assert code == 1 and "content/.transpub-outputs.json is a symbolic link to" in err
    assert listing(someone_elses) == []


def test_a_lock_file_that_is_a_link_is_one_error_naming_it_and_makes_nothing_where_it_leads(
    tmp_path: Path,
) -> None:
    """A lock file is made and opened where it is, never through a link: one planted in its place
    (a cache restored, a crafted checkout) is one ``Error:`` line naming it and saying to remove it
    (it said "Too many levels of symbolic links"), and nothing is made where it leads."""
    root = newsroom(tmp_path / "news")
    assert run(root, "extract")[0] == 0
    [lock] = (root / ".transpub" / "locks" / "locales").glob("articles-*.lock")
    lock.unlink()
    lock.symlink_to(tmp_path / "autostart.sh")
    (root / "articles" / "bridge.html").write_text("<p>The bridge opened again.</p>", encoding="utf-8")
    code, _, err = run(root, "extract")
    shown = lock.relative_to(root).as_posix()
    assert code == 1 and err == (
        f"Error: ROOT/{shown}: transpub makes a lock file here and this one is a symbolic link (to "
        f"{tmp_path}/autostart.sh); remove it\n"
    )
    assert not (tmp_path / "autostart.sh").exists()


def test_a_lock_file_beside_a_preview_outside_any_project_that_is_a_link_is_one_error_naming_it(
    tmp_path: Path,
) -> None:
    """``compile --out`` of Markdown to a folder of its own (a preview in a shared /tmp) takes its locks
    beside its files: a link planted in place of one is named in the error (it named the record compile
    was writing, a file that is no link), and nothing is made where it leads."""
    root = markdown_newsroom(tmp_path / "news")
    preview = tmp_path / "preview"
    preview.mkdir()
    (preview / ".transpub-outputs.json.lock").symlink_to(tmp_path / "autostart.sh")
    assert run(root, "extract")[0] == 0
    code, _, err = run(root, "compile", "--out", str(preview))
    assert code == 1 and (
        f"Error: {preview}/.transpub-outputs.json.lock: transpub makes a lock file here and this one is "
        f"a symbolic link (to {tmp_path}/autostart.sh); remove it\n" in err.replace("ROOT", str(root))
    ), err
    assert not (tmp_path / "autostart.sh").exists()
