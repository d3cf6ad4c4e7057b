"""Catalogs left behind by removed articles are reported on every extract, also when extract, with
nothing changed, does not look into the catalog folders again (their signatures are in the manifest)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import transpub.extract
import transpub.fsutil
import transpub.manifest
import transpub.signing
from test_incremental import newsroom, run, translate_all
from transpub.extract import extract_project
from transpub.project import load_project


def settled(root: Path) -> None:
    """The catalog folders as a run a while ago left them (their last change long before the next
    record of them is saved: not too recent for their signatures to tell)."""
    for folder, _, _ in os.walk(root / "locales"):
        os.utime(folder, ns=(1_000_000_000, 1_000_000_000))


def orphans(root: Path) -> list[str]:
    """The orphan warnings of ``transpub extract``."""
    code, _, errors = run(root, "extract")
    assert code == 0
    return [line for line in errors.splitlines() if "orphan catalogs" in line]


@pytest.fixture
def looks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The folders extract's orphan search lists."""
    listed: list[str] = []
    original = transpub.extract._files_below

    def counting(folder, *args, **kwargs):
        listed.append(str(folder))
        return original(folder, *args, **kwargs)

    monkeypatch.setattr(transpub.extract, "_files_below", counting)
    return listed


def test_with_nothing_changed_extract_does_not_list_the_catalog_folders_and_reports_the_same(
    tmp_path: Path, looks: list[str]
) -> None:
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    (root / "articles" / "story-1.html").unlink()
    settled(root)
    first = orphans(root)
    assert first == [
        "Warning: orphan catalogs for removed article story-1: locales/templates/story-1.pot, "
        "locales/de/LC_MESSAGES/story-1.po, locales/fr/LC_MESSAGES/story-1.po; "
        "delete them or restore the article (renamed it? move them to its new name and run extract "
        "again: its reviewed translations stay reviewed)"
    ]
    assert looks  # (the folders changed since the last run: listed)
    looks.clear()
    assert orphans(root) == first
    assert looks == []


@pytest.mark.parametrize("where", ["locales/de/LC_MESSAGES/gone.po", "locales/fr/LC_MESSAGES/old/gone.po"])
def test_a_catalog_that_appears_with_its_folders_times_put_back_is_reported(
    tmp_path: Path, looks: list[str], where: str
) -> None:
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    settled(root)
    assert orphans(root) == []
    looks.clear()
    assert orphans(root) == []
    assert looks == []
    (root / where).parent.mkdir(exist_ok=True)
    (root / where).write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    settled(root)  # (the folders' change times still tell)
    slug = Path(where).relative_to("locales/de/LC_MESSAGES" if "/de/" in where else "locales/fr/LC_MESSAGES")
    assert orphans(root) == [
        f"Warning: orphan catalogs for removed article {slug.with_suffix('').as_posix()}: {where}; "
        "delete them or restore the article (renamed it? move them to its new name and run extract "
        "again: its reviewed translations stay reviewed)"
    ]


def test_catalogs_written_anew_for_an_edited_article_leave_the_orphan_search_unlisted(
    tmp_path: Path, looks: list[str]
) -> None:
    """An edited article's catalogs are written anew (renamed into place): their folders' signatures
    change, not the names in them, and the orphans are as they were."""
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    (root / "articles" / "story-1.html").unlink()
    settled(root)
    first = orphans(root)
    story = root / "articles" / "story-2.html"
    story.write_text(story.read_text("utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    settled(root)
    looks.clear()
    assert orphans(root) == first
    assert looks == []
    assert "At dusk." in (root / "locales" / "de" / "LC_MESSAGES" / "story-2.po").read_text("utf-8")


@pytest.mark.parametrize(
    "what",
    ["a catalog added", "a folder in a catalog's place", "a link in a catalog's place", "a folder gone"],
)
def test_an_orphan_search_change_beside_an_edited_articles_catalogs_is_found(
    tmp_path: Path, looks: list[str], what: str
) -> None:
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    (root / "articles" / "story-1.html").unlink()
    (root / "locales" / "fr" / "LC_MESSAGES" / "old").mkdir()
    (root / "locales" / "fr" / "LC_MESSAGES" / "old" / "x.txt").write_text("notes", encoding="utf-8")
    settled(root)
    first = orphans(root)
    assert len(first) == 1
    story = root / "articles" / "story-2.html"
    story.write_text(story.read_text("utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    german = root / "locales" / "de" / "LC_MESSAGES"
    if what == "a catalog added":
        (german / "gone.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    elif what == "a folder in a catalog's place":  # (the same names in the folder)
        (german / "story-1.po").unlink()
        (german / "story-1.po").mkdir()
        (german / "story-1.po" / "inner.po").write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    elif what == "a link in a catalog's place":
        (german / "story-1.po").rename(root / "kept.po")
        (german / "story-1.po").symlink_to(root / "kept.po")
    else:
        (root / "locales" / "fr" / "LC_MESSAGES" / "old" / "x.txt").unlink()
        (root / "locales" / "fr" / "LC_MESSAGES" / "old").rmdir()
        (root / "locales" / "fr" / "LC_MESSAGES" / "old").write_text("", encoding="utf-8")
    settled(root)
    looks.clear()
    now = orphans(root)
    assert looks  # (listed again)
    if what == "a catalog added":
        assert "removed article gone: locales/de/LC_MESSAGES/gone.po" in " ".join(now)
    elif what == "a folder in a catalog's place":
        assert "removed article story-1.po/inner: locales/de/LC_MESSAGES/story-1.po/inner.po" in " ".join(now)
    elif what == "a link in a catalog's place":
        assert len(now) == 1 and "removed article story-1: " in now[0]
    else:
        assert now == first


def test_a_catalog_that_appears_within_the_clock_tick_of_the_folders_record_is_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Folders changed just before their record was saved: a second change within the same tick of
    the filesystem's clock would not show in their signatures, so they are listed again."""
    root = newsroom(tmp_path / "news")
    project = load_project(root)
    extract_project(project, ["de", "fr"])  # the folders changed a moment before the record was saved
    record = transpub.manifest.Manifest(root, "extract", key=transpub.signing.local_key()).get("", "orphans")
    assert record is not None and record._stored is not None
    present, _, stamps, _ = record._stored
    looked = transpub.manifest.current_stamps

    def unmoved(prefix: str, names: list[str]) -> str:  # the folders' signatures as recorded
        return stamps if names == present else looked(prefix, names)

    monkeypatch.setattr(transpub.manifest, "current_stamps", unmoved)
    (root / "locales" / "de" / "LC_MESSAGES" / "gone.po").write_text(
        'msgid ""\nmsgstr ""\n', encoding="utf-8"
    )
    report = extract_project(project, ["de", "fr"])
    assert [orphan.slug for orphan in report.orphans] == ["gone"]


def test_a_renamed_article_whose_catalogs_are_moved_as_the_warning_says_keeps_its_reviewed_translations(
    tmp_path: Path,
) -> None:
    # an editor who renamed story-1 got an empty catalog for the new name: every reviewed sentence lost
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    translate_all(root)
    assert run(root, "compile")[0] == 0
    (root / "articles" / "story-1.html").rename(root / "articles" / "bridge-opens.html")
    (warning,) = orphans(root)
    assert "renamed it? move them to its new name" in warning
    for locale in ("de", "fr"):
        folder = root / "locales" / locale / "LC_MESSAGES"
        (folder / "story-1.po").replace(folder / "bridge-opens.po")
    (root / "locales" / "templates" / "story-1.pot").unlink()
    assert orphans(root) == []
    code, out, _ = run(root, "compile")
    assert code == 0
    assert "de/bridge-opens.html: 100% translated" in out
    assert not (root / "site" / "de" / "story-1.html").exists()
    assert "⟦The <a" in (root / "site" / "de" / "bridge-opens.html").read_text(encoding="utf-8")
