"""An editor changes where localized Markdown goes (``[compile] layout`` directory <-> suffix, or
``markdown_dir``): the files compile wrote at the old place go at the next compile, so that the
generator does not build both the old and the new pages; a file edited there stays, said once;
nothing outside the project, and nothing no record on this machine says compile wrote, is removed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from test_compile_helpers import run_cli
from test_compile_markdown import CHINESE, SPANISH, make_markdown_project, translate

# (the [compile] lines before and after, the folder left, the Spanish file written now)
MOVES = {
    "directory to suffix": (
        'layout = "directory"\n',
        'layout = "suffix"\n',
        "site",
        "articles/posts/harbour.es.md",
    ),
    "suffix to directory": (
        'layout = "suffix"\n',
        'layout = "directory"\n',
        "articles",
        "site/es/posts/harbour.md",
    ),
    "markdown_dir renamed": (
        'markdown_dir = "content"\n',
        'markdown_dir = "content2"\n',
        "content",
        "content2/es/posts/harbour.md",
    ),
}
ARTICLES = {"articles/posts/harbour.md", "articles/guide/index.md"}


def compiled(root: Path, before: str) -> Path:
    """The project with ``before`` in ``[compile]``, compiled once."""
    make_markdown_project(root, before)
    first = run_cli(root, "compile")
    assert first.exit_code == 0, first.output
    return root


def reconfigure(root: Path, before: str, after: str) -> None:
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8").replace(before, after), "utf-8")


def files_in(root: Path, folder: str) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / folder).rglob("*") if p.is_file()}


def warnings_in(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("Warning:")]


def old_files(root: Path, folder: str) -> set[str]:
    """The files in ``folder`` other than the articles."""
    return files_in(root, folder) - ARTICLES


@pytest.mark.parametrize("move", list(MOVES))
def test_the_files_at_the_old_place_are_removed_said_in_one_line(tmp_path: Path, move: str) -> None:
    before, after, old, now = MOVES[move]
    root = compiled(tmp_path / "p", before)
    articles = {name: (root / name).read_bytes() for name in ARTICLES}
    assert old_files(root, old), "the first compile wrote nothing at the old place"
    reconfigure(root, before, after)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert (root / now).is_file()
    assert old_files(root, old) == set()  # the record there too
    assert {name: (root / name).read_bytes() for name in ARTICLES} == articles
    lines = [line for line in result.stdout.splitlines() if line.startswith(f"{old}/: ")]
    assert len(lines) == 1 and "removed" in lines[0] and "Warning" not in result.output, result.output
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "removed" not in again.output and "Warning" not in again.output


def test_moving_back_removes_the_files_of_the_place_left(tmp_path: Path) -> None:
    root = compiled(tmp_path / "p", 'layout = "directory"\n')
    reconfigure(root, 'layout = "directory"\n', 'layout = "suffix"\n')
    assert run_cli(root, "compile").exit_code == 0
    reconfigure(root, 'layout = "suffix"\n', 'layout = "directory"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert old_files(root, "articles") == set()
    assert "site/es/posts/harbour.md" in files_in(root, "site")


def test_a_file_edited_at_the_old_place_stays_with_one_warning_said_once(tmp_path: Path) -> None:
    root = compiled(tmp_path / "p", 'layout = "directory"\n')
    edited = root / "site" / "es" / "posts" / "harbour.md"
    edited.write_text(edited.read_text("utf-8") + "\nUna nota del editor.\n", "utf-8")
    kept = edited.read_bytes()
    reconfigure(root, 'layout = "directory"\n', 'layout = "suffix"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert edited.read_bytes() == kept
    assert old_files(root, "site") == {"site/es/posts/harbour.md"}  # the others, and the record, gone
    warnings = warnings_in(result.stderr)
    assert len(warnings) == 1 and warnings[0].startswith("Warning: site/es/posts/harbour.md: left as it is")
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "Warning" not in again.output and edited.read_bytes() == kept


def test_a_fresh_checkout_removes_nothing_and_names_the_old_folder_once(tmp_path: Path) -> None:
    """Without ``.transpub/`` nothing says this machine's compile wrote ``site/``: its record is
    committed and shared, not proof."""
    root = compiled(tmp_path / "p", 'layout = "directory"\n')
    left = {name: (root / name).read_bytes() for name in old_files(root, "site")}
    shutil.rmtree(root / ".transpub")
    reconfigure(root, 'layout = "directory"\n', 'layout = "suffix"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert {name: (root / name).read_bytes() for name in old_files(root, "site")} == left
    warnings = warnings_in(result.stderr)
    assert len(warnings) == 1 and warnings[0].startswith("Warning: site: 4 files left as they are"), warnings
    assert "removed" not in result.stdout
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "Warning" not in again.output
    assert {name: (root / name).read_bytes() for name in old_files(root, "site")} == left


def test_a_folder_outside_the_project_is_not_touched_and_named_once(tmp_path: Path) -> None:
    outside = tmp_path / "hugo" / "content"
    root = compiled(tmp_path / "p", f'markdown_dir = "{outside.as_posix()}"\n')
    written = {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()}
    assert outside / "es" / "posts" / "harbour.md" in written
    reconfigure(root, f'markdown_dir = "{outside.as_posix()}"\n', 'markdown_dir = "content"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert {p: p.read_bytes() for p in outside.rglob("*") if p.is_file()} == written
    warnings = warnings_in(result.stderr)
    assert len(warnings) == 1 and "compile removes nothing outside the project" in warnings[0], warnings
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and "Warning" not in again.output


def test_a_hand_written_file_the_old_record_names_stays(tmp_path: Path) -> None:
    """An entry added to the old folder's record (a pull request) naming a page written by hand, its
    SHA-256 right, is no proof compile wrote it: it is not where compile writes that article's file."""
    import hashlib

    root = compiled(tmp_path / "p", 'layout = "directory"\n')
    own = root / "site" / "es" / "_index.md"
    own.write_text("---\ntitle: Inicio\n---\n\nEscrito a mano.\n", "utf-8")
    record = root / "site" / ".transpub-outputs.json"
    data = json.loads(record.read_text("utf-8"))
    digest = hashlib.sha256(own.read_bytes()).hexdigest()
    data["files"]["es/_index.md"] = {"locale": "es", "article": "posts/harbour", "sha256": digest}
    record.write_text(json.dumps(data), "utf-8")
    reconfigure(root, 'layout = "directory"\n', 'layout = "suffix"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert own.read_text("utf-8").endswith("Escrito a mano.\n")
    assert old_files(root, "site") == {"site/es/_index.md"}
    warnings = warnings_in(result.stderr)
    assert len(warnings) == 1 and "es/_index.md" in warnings[0], warnings


def test_a_preview_elsewhere_is_no_move(tmp_path: Path) -> None:
    """``--out DIR`` writes a preview: neither it nor the configured folder is removed as a place
    left, and the move after it still clears the configured folder."""
    root = compiled(tmp_path / "p", 'markdown_dir = "content"\n')
    preview = run_cli(root, "compile", "--out", str(tmp_path / "preview"))
    assert preview.exit_code == 0, preview.output
    assert "removed" not in preview.output and old_files(root, "content")
    assert run_cli(root, "compile").exit_code == 0
    assert (tmp_path / "preview" / "es" / "posts" / "harbour.md").is_file()
    assert run_cli(root, "compile", "--out", str(tmp_path / "preview")).exit_code == 0
    reconfigure(root, 'markdown_dir = "content"\n', 'markdown_dir = "content2"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert old_files(root, "content") == set()
    assert (tmp_path / "preview" / "es" / "posts" / "harbour.md").is_file()


def test_a_language_not_compiled_keeps_its_old_files_until_its_run_with_a_note(tmp_path: Path) -> None:
    """``-l es`` writes Spanish only: the Chinese file stays where compile wrote it (its pages at the
    new place are not written yet), as a note says, and goes with the next run of every language."""
    root = make_markdown_project(tmp_path / "p", 'layout = "directory"\n')
    translate(root, "zh_CN", CHINESE)
    assert run_cli(root, "compile").exit_code == 0
    chinese = "site/zh_CN/posts/harbour.md"
    assert (root / chinese).is_file()
    reconfigure(root, 'layout = "directory"\n', 'layout = "suffix"\n')
    result = run_cli(root, "compile", "-l", "es")
    assert result.exit_code == 0, result.output
    assert old_files(root, "site") == {chinese, "site/.transpub-outputs.json"}
    notes = [line for line in result.stdout.splitlines() if line.startswith("Note: the zh_CN page")]
    assert len(notes) == 1 and chinese in notes[0] and "articles/posts/harbour.zh_CN.md" in notes[0], (
        result.output
    )
    every = run_cli(root, "compile")
    assert every.exit_code == 0, every.output
    assert old_files(root, "site") == set() and (root / "articles/posts/harbour.zh_CN.md").is_file()


def test_the_image_copies_at_the_old_place_go_and_a_localized_image_stays(tmp_path: Path) -> None:
    """The directory layout copies an article's image into each language's folder; after the move
    to the suffix layout those copies go, the article's own image stays, and a Spanish image put in
    place of its copy stays with one warning naming it."""
    root = make_markdown_project(tmp_path / "p", 'layout = "directory"\n')
    posts = root / "articles" / "posts"
    (posts / "harbour.md").write_text(
        (posts / "harbour.md").read_text("utf-8") + "\n![Map](map.png)\n", "utf-8"
    )
    (posts / "map.png").write_bytes(b"\x89PNG map")
    run_cli(root, "extract")
    translate(root, "es", SPANISH)
    assert run_cli(root, "compile").exit_code == 0
    assert (root / "site" / "en" / "posts" / "map.png").is_file()
    localized = root / "site" / "es" / "posts" / "map.png"
    localized.write_bytes(b"\x89PNG mapa")
    reconfigure(root, 'layout = "directory"\n', 'layout = "suffix"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert old_files(root, "site") == {"site/es/posts/map.png"} and localized.read_bytes() == b"\x89PNG mapa"
    assert (posts / "map.png").read_bytes() == b"\x89PNG map"
    warnings = warnings_in(result.stderr)
    assert len(warnings) == 1 and warnings[0].startswith("Warning: site/es/posts/map.png: left as it is"), (
        warnings
    )


def test_the_old_markdown_dir_emptied_is_removed(tmp_path: Path) -> None:
    root = compiled(tmp_path / "p", 'markdown_dir = "build/content"\n')
    reconfigure(root, 'markdown_dir = "build/content"\n', 'markdown_dir = "content"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert not (root / "build").exists()  # (build/ held nothing else either)
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file()


def test_the_old_markdown_dir_holding_a_file_of_its_own_stays_with_it(tmp_path: Path) -> None:
    root = compiled(tmp_path / "p", 'markdown_dir = "content"\n')
    own = root / "content" / "es" / "_index.md"
    own.write_text("---\ntitle: Inicio\n---\n", "utf-8")
    reconfigure(root, 'markdown_dir = "content"\n', 'markdown_dir = "content2"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert files_in(root, "content") == {"content/es/_index.md"}
    assert own.read_text("utf-8") == "---\ntitle: Inicio\n---\n"


def forget_the_folders_remembered(root: Path) -> None:
    """The manifest as a transpub before it remembered the folders it wrote Markdown into left it:
    the records of the articles, no record of those folders."""
    import sqlite3

    with sqlite3.connect(root / ".transpub" / "manifest.sqlite") as db:
        deleted = db.execute("DELETE FROM records WHERE slug = '' AND locale = 'markdown folders'").rowcount
    assert deleted == 1


def test_after_an_upgrade_a_markdown_dir_changed_in_the_same_run_is_cleared(tmp_path: Path) -> None:
    root = compiled(tmp_path / "p", 'markdown_dir = "content"\n')
    forget_the_folders_remembered(root)
    reconfigure(root, 'markdown_dir = "content"\n', 'markdown_dir = "content2"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert not (root / "content").exists()
    assert (root / "content2" / "es" / "posts" / "harbour.md").is_file()
    lines = [line for line in result.stdout.splitlines() if line.startswith("content/: ")]
    assert len(lines) == 1 and "4 files compile wrote there removed" in lines[0], result.output
    assert "Warning" not in result.output


def test_after_an_upgrade_a_layout_changed_in_the_same_run_clears_the_site_without_a_warning(
    tmp_path: Path,
) -> None:
    root = compiled(tmp_path / "p", 'layout = "directory"\n')
    forget_the_folders_remembered(root)
    reconfigure(root, 'layout = "directory"\n', 'layout = "suffix"\n')
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert old_files(root, "site") == set() and (root / "articles/posts/harbour.es.md").is_file()
    assert "Warning" not in result.output
