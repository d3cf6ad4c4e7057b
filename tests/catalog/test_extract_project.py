"""What `transpub extract` leaves in a project and tells its user: locks out of sight, orphans, errors."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from transpub.catalog import build_template, read_catalog, update_catalog, write_catalog
from transpub.extract import extract_project
from transpub.fsutil import lock_bucket, lock_path
from transpub.model import Unit
from transpub.project import Project, init_project, load_project

ARTICLE = "<html><body><article><p>{text}</p></article></body></html>"


def new_project(root: Path, **articles: str) -> Project:
    init_project(root, source="en", locales=["de", "es"], name="News")
    for slug, text in (articles or {"lake": "The lake freezes in winter."}).items():
        (root / "articles" / f"{slug}.html").write_text(ARTICLE.format(text=text), encoding="utf-8")
    return load_project(root)


def hidden_files(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob(".*"))


def test_extract_leaves_no_lock_files_beside_the_catalogs(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    extract_project(project, ["de", "es"])
    assert hidden_files(project.catalogs_dir) == []
    locks = tmp_path / ".transpub" / "locks"
    # One lock for the article (and the others of its bucket): its template and its catalogs in every locale.
    assert sorted(p.relative_to(locks).as_posix() for p in locks.rglob("*.lock")) == [
        f"locales/articles-{lock_bucket('lake'):02d}.lock"
    ]
    assert "/.transpub/" in (tmp_path / ".gitignore").read_text().splitlines()


def _add_units(path: str, start: int) -> None:
    units = [
        Unit(f"Sentence number {i}.", (f"articles/lake.html#p[{i}]",), ()) for i in range(start, start + 30)
    ]
    update_catalog(Path(path), build_template(units, project_name="News"), "es", fuzzy_matching=False)


def test_two_processes_updating_one_catalog_of_a_project_lose_nothing(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    path = project.catalog_path("es", "lake")
    assert lock_path(path) == tmp_path / f".transpub/locks/locales/articles-{lock_bucket('lake'):02d}.lock"
    update_catalog(
        path, build_template([Unit("Start.", ("articles/lake.html#p[0]",), ())], project_name="News"), "es"
    )
    po = read_catalog(path)
    po.find("Start.").msgstr = "Inicio."
    write_catalog(po, path)
    ctx = multiprocessing.get_context("fork")
    workers = [ctx.Process(target=_add_units, args=(str(path), n * 30)) for n in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    po = read_catalog(path)
    # Every run merged the file its predecessor wrote: the translation survives (obsolete), and the
    # last writer's 30 units are all there (untranslated units of a dropped template go, as in msgmerge).
    assert po.find("Start.", include_obsolete_entries=True).msgstr == "Inicio."
    assert len([e for e in po if not e.obsolete]) == 30
    assert not [p for p in path.parent.iterdir() if p.suffix == ".tmp"]
    assert hidden_files(project.catalogs_dir) == []


def test_extract_reports_the_catalogs_of_a_deleted_article_and_keeps_them(tmp_path: Path) -> None:
    project = new_project(tmp_path, lake="The lake freezes.", city="The city sleeps.")
    extract_project(project, ["de", "es"])
    assert extract_project(project, ["de"]).orphans == []
    (tmp_path / "articles" / "city.html").unlink()
    report = extract_project(project, ["de"])
    assert report.ok
    [orphan] = report.orphans
    assert orphan.slug == "city"
    assert orphan.paths == (
        "locales/templates/city.pot",
        "locales/de/LC_MESSAGES/city.po",
        "locales/es/LC_MESSAGES/city.po",
    )
    assert str(orphan) == (
        "orphan catalogs for removed article city: locales/templates/city.pot, "
        "locales/de/LC_MESSAGES/city.po, locales/es/LC_MESSAGES/city.po; "
        "delete them or restore the article (renamed it? move them to its new name and run extract "
        "again: its reviewed translations stay reviewed)"
    )
    assert all((tmp_path / p).is_file() for p in orphan.paths)


def test_extract_says_a_broken_catalog_was_not_updated_instead_of_unchanged(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    extract_project(project, ["de", "es"])
    de = project.catalog_path("de", "lake")
    broken = de.read_text(encoding="utf-8") + 'msgid "oops"\n'
    de.write_text(broken, encoding="utf-8")
    report = extract_project(project, ["de", "es"])
    [article] = report.articles
    assert article.summary == (
        "articles/lake.html: 1 unit; template unchanged; es unchanged; "
        "de not updated (broken catalog, see the error)"
    )
    assert "catalogs unchanged" not in article.summary
    [error] = report.errors
    assert article.failed == {"de": error}
    assert str(error).startswith("locales/de/LC_MESSAGES/lake.po:")  # relative, as check shows it
    assert de.read_text(encoding="utf-8") == broken


def test_extract_rewrites_a_broken_template_it_generated(tmp_path: Path) -> None:
    project = new_project(tmp_path)
    extract_project(project, ["de"])
    pot = project.template_path("lake")
    pot.write_text("garbage\n", encoding="utf-8")
    report = extract_project(project, ["de"])
    assert report.ok and report.articles[0].template_written
    assert read_catalog(pot)[0].msgid == "The lake freezes in winter."


@pytest.mark.parametrize("flock", [True, False], ids=["flock", "without-flock"])
def test_a_catalog_locked_by_another_run_for_too_long_is_one_clear_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flock: bool
) -> None:
    import filelock

    from transpub import fsutil
    from transpub.errors import LockTimeout
    from transpub.fsutil import locked

    if not flock:  # as on Windows, where there is no fcntl: filelock takes the locks
        monkeypatch.setattr(fsutil, "_flock", None)
    (tmp_path / "transpub.toml").write_text("", encoding="utf-8")
    path = tmp_path / "locales" / "es" / "LC_MESSAGES" / "lake.po"
    lock_path(path).parent.mkdir(parents=True)
    other_run = filelock.FileLock(str(lock_path(path)))  # an older transpub took its locks so
    with other_run, pytest.raises(LockTimeout) as caught, locked(path, timeout=0.2):
        pass
    assert str(caught.value).startswith(f"{path}: another transpub run has held this file for over 0.2 s")
    with locked(path, timeout=0.2), pytest.raises(filelock.Timeout):  # free again, and others see it held
        filelock.FileLock(str(lock_path(path)), timeout=0.1).acquire()
    with other_run:
        pass


def test_locks_need_no_unix_only_module() -> None:
    import transpub

    sources = Path(transpub.__file__).parent.rglob("*.py")
    imports = [p.name for p in sources if "import fcntl" in p.read_text(encoding="utf-8")]
    assert imports == ["fsutil.py"]  # where it is optional: the test above runs without it too


def _files_below_by_walking(folder: Path, suffix: str) -> list[tuple[str, str]]:
    """What extract listed before it looked at folders itself (os.walk, a stat per file)."""
    import os

    found = []
    for here, folders, files in os.walk(folder):
        folders.sort()
        for name in files:
            path = os.path.join(here, name)
            if name.endswith(suffix) and not name.startswith(".") and os.path.isfile(path):
                slug = os.path.relpath(path, folder)[: -len(suffix)].replace(os.sep, "/")
                found.append((Path(path), slug))
    return [(str(path), slug) for path, slug in sorted(found)]


def test_orphan_search_lists_the_catalogs_a_walk_of_the_folders_lists(tmp_path: Path) -> None:
    from transpub.extract import _files_below

    folder = tmp_path / "LC_MESSAGES"
    for name in [
        "a.po",
        "a.mo",
        "a-b/x.po",
        "a/x.po",
        "a/.hidden.po",
        ".h/y.po",
        "b/c/d.po",
        "b/c/d.pot",
        "z.pox",
    ]:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("", encoding="utf-8")
    (folder / "linked").symlink_to(folder / "b")  # a link to a folder is not followed
    (folder / "e.po").symlink_to(folder / "a.po")  # a link to a file counts
    (folder / "gone.po").symlink_to(folder / "nothing.po")  # a broken link does not
    found, plain = _files_below(folder, (".po", ".mo"), lambda slug: True)
    assert not plain  # links seen: the folders' signatures do not tell everything
    assert found[".po"] == _files_below_by_walking(folder, ".po")
    assert found[".mo"] == _files_below_by_walking(folder, ".mo")
    assert [slug for _, slug in found[".po"]] == [".h/y", "a/x", "a-b/x", "a", "b/c/d", "e"]  # by path
