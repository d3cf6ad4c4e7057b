"""Incremental runs: with nothing changed, extract and compile write nothing and read no article again;
one changed input redoes the articles it concerns; any input that shapes an output is watched."""

from __future__ import annotations

import ast
import contextlib
import marshal
import os
import re
import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

import transpub.compile.article
import transpub.compile.indexes
import transpub.compile.records
import transpub.extract
import transpub.manifest
from transpub import catalog
from transpub.cli import main
from transpub.compile import compile_project
from transpub.extract import extract_project
from transpub.manifest import MANIFEST
from transpub.project import Project, init_project, load_project
from transpub.signing import SIGNATURE_SIZE, local_key

SLUGS = [f"story-{n}" for n in range(6)]


def newsroom(root: Path) -> Path:
    init_project(root, source="en", locales=["de", "fr"], name="News")
    (root / "glossary" / "terms.csv").write_text("term,de,fr,note\nbridge,Brücke,pont,\n", encoding="utf-8")
    (root / "articles" / "img").mkdir()
    (root / "articles" / "img" / "bridge.jpg").write_bytes(b"\xff\xd8 a bridge")
    for number, slug in enumerate(SLUGS):
        (root / "articles" / f"{slug}.html").write_text(
            f"<html><head><title>Story {number}</title></head><body><article><h1>Story {number}</h1>"
            f'<p>The <a href="https://example.org/{number}">bridge</a> opened on day {number}. '
            f"It cost <em>{number}</em> million.</p>"
            '<figure><img src="img/bridge.jpg" alt="The bridge"><figcaption>At dawn.</figcaption></figure>'
            "</article></body></html>",
            encoding="utf-8",
        )
    return root


def translate_all(root: Path, mark: str = "⟦") -> None:
    """Every msgstr becomes ⟦msgid⟧ (reviewed)."""
    for path in sorted(root.rglob("*.po")):
        po = catalog.read_catalog(path)
        for entry in po:
            if entry.msgid and not entry.obsolete:
                entry.msgstr = f"{mark}{entry.msgid}⟧"
        catalog.write_catalog(po, path)


def published_newsroom(tmp_path: Path) -> tuple[Path, Project]:
    """The newsroom extracted, translated (every msgstr ``⟦msgid⟧``), extracted again and compiled
    in German and French, as a team's first day leaves it; with its loaded project."""
    root = newsroom(tmp_path / "news")
    project = load_project(root)
    extract_project(project, ["de", "fr"])
    translate_all(root)
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"])
    return root, project


def state(root: Path) -> dict[str, tuple[int, int, bytes]]:
    """Every file of the project (the manifest included, lock files aside): inode, mtime, bytes."""
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and "locks" not in path.parts:
            stat = path.stat()
            found[path.relative_to(root).as_posix()] = (stat.st_ino, stat.st_mtime_ns, path.read_bytes())
    return found


def changed(before: dict, after: dict) -> set[str]:
    return {name for name in before.keys() | after.keys() if before.get(name) != after.get(name)}


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The articles extract and compile read (runs are -j 1, in this process)."""
    read: list[str] = []
    for module in (transpub.extract, transpub.compile.article):
        original = module.load_article

        def counting(project, path, *args, _original=original, **kwargs):
            read.append(path.stem)
            return _original(project, path, *args, **kwargs)

        monkeypatch.setattr(module, "load_article", counting)
    return read


def without_whole_run_records(root: Path) -> None:
    """The manifest without its whole-run records (see transpub.whole_run): the next run looks at
    the articles' records."""
    with sqlite3.connect(root / MANIFEST) as db:
        db.execute("DELETE FROM records WHERE command LIKE '% (whole run)'")


def run(root: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--project", str(root), *args, "-j", "1"])
    return result.exit_code, result.stdout.replace(str(root), "ROOT"), result.stderr


def test_a_second_extract_and_compile_with_nothing_changed_write_no_file_and_read_no_article(
    tmp_path: Path, reads: list[str]
) -> None:
    root = newsroom(tmp_path / "news")
    first = run(root, "extract")
    translate_all(root)
    run(root, "extract")  # the catalogs changed (translated): extract reads them again once
    run(root, "compile")
    before = state(root)
    reads.clear()
    again = run(root, "extract")
    compiled = run(root, "compile")
    assert reads == []
    assert changed(before, state(root)) == set()
    # and they say what a full run that changes nothing says
    assert again == run(root, "extract", "--full")
    assert compiled == run(root, "compile", "--full")
    assert again[1] != first[1]  # (the first run did write: "template written")


def test_one_edited_article_is_the_only_one_read_and_rewritten(tmp_path: Path, reads: list[str]) -> None:
    root, project = published_newsroom(tmp_path)
    article = root / "articles" / "story-3.html"
    article.write_text(article.read_text(encoding="utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    before = state(root)
    reads.clear()
    extract_project(project, ["de", "fr"])
    assert reads == ["story-3"]
    assert changed(before, state(root)) == {
        "locales/templates/story-3.pot",
        "locales/de/LC_MESSAGES/story-3.po",
        "locales/fr/LC_MESSAGES/story-3.po",
        ".transpub/manifest.sqlite",
        ".transpub/reads.sqlite",  # what extract read of it, for compile
    }
    before = state(root)
    reads.clear()
    report = compile_project(project, ["de", "fr"])
    assert reads == ["story-3"]
    # "At dusk." is new and untranslated: the page changes in every language, and the review index
    # (which shows each page's coverage); nothing else
    assert changed(before, state(root)) == {
        "site/en/story-3.html",
        "site/de/story-3.html",
        "site/fr/story-3.html",
        "site/_review/index.html",
        ".transpub/manifest.sqlite",
        ".transpub/index-rows.sqlite",  # the index pages' rows of story-3, for the next run
    }
    assert [p.slug for p in report.pages if p.written] == ["story-3"] * 3
    assert len(report.pages) == 3 * len(SLUGS)  # every page reported, as a full run does


def test_a_rerun_lists_what_it_wrote_and_counts_what_it_left_as_it_was(tmp_path: Path) -> None:
    root, _ = published_newsroom(tmp_path)
    article = root / "articles" / "story-3.html"
    article.write_text(article.read_text(encoding="utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    extracted = run(root, "extract")[1].splitlines()
    assert extracted == [
        "articles/story-3.html: 5 units; template written; updated de fr",
        "5 articles unchanged (-v lists them)",
    ]
    compiled = run(root, "compile")[1].splitlines()
    assert compiled[:2] == ["de/story-3.html: 80% translated", "fr/story-3.html: 80% translated"]
    assert compiled[2] == "10 pages unchanged (-v lists them)"
    # -v lists every article and page, those left as they were too, as a run before this one did
    extracted = run(root, "extract", "-v")[1].splitlines()
    assert extracted == [
        f"articles/{slug}.html: 5 units; template unchanged; catalogs unchanged" for slug in SLUGS
    ]
    compiled = run(root, "compile", "-v")[1].splitlines()
    assert compiled[:12] == [
        f"{locale}/{slug}.html: {'80' if slug == 'story-3' else '100'}% translated (unchanged)"
        for slug in SLUGS
        for locale in ("de", "fr")
    ]
    assert "unchanged (-v" not in "\n".join(compiled)


def test_an_archive_looked_at_in_processes_compiles_again_exactly_the_articles_whose_files_changed(
    tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # an archive's records are looked at in -j processes (from RECORDS_IN_PROCESSES articles on: here 2)
    monkeypatch.setattr(transpub.compile.records, "RECORDS_IN_PROCESSES", 2)
    root = newsroom(tmp_path / "news")
    story = (root / "articles" / "story-0.html").read_text(encoding="utf-8")
    for number in range(6, 12):
        (root / "articles" / f"story-{number}.html").write_text(story, encoding="utf-8")
    project = load_project(root)
    extract_project(project, ["de", "fr"])
    translate_all(root)
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"], jobs=2)
    clock_ahead(monkeypatch, 3)  # its files were written seconds before its records were saved:
    compile_project(project, ["de", "fr"], full=True)  # records that need no look at their bytes
    trail = tmp_path / "lookers"
    stamps = transpub.manifest.current_stamps

    def looked(prefix: str, names: list[str]) -> str:
        with trail.open("a", encoding="utf-8") as pids:
            pids.write(f"{os.getpid()}\n")
        return stamps(prefix, names)

    monkeypatch.setattr(transpub.manifest, "current_stamps", looked)
    without_whole_run_records(root)
    before = state(root)
    reads.clear()
    compile_project(project, ["de", "fr"], jobs=2)
    assert reads == []
    assert changed(before, state(root)) == {str(MANIFEST)}  # (its whole-run record kept again)
    lookers = trail.read_text(encoding="utf-8").split()
    assert len(lookers) == 12 + 1  # every article's record, then the index pages'
    assert str(os.getpid()) not in lookers[:12]  # the articles' records looked at in other processes
    # a page deleted, an article edited, a catalog translated anew: those articles, and no other
    (root / "site" / "fr" / "story-4.html").unlink()
    (root / "site" / "_review" / "fr").mkdir(parents=True)
    stray = root / "site" / "_review" / "fr" / "story-10.html"  # a file its record says is not there
    stray.write_text("<p>an old review copy</p>", encoding="utf-8")
    edited = root / "articles" / "story-9.html"
    edited.write_text(story.replace("At dawn.", "At dusk."), encoding="utf-8")
    po_path = root / "locales" / "de" / "LC_MESSAGES" / "story-7.po"
    po = catalog.read_catalog(po_path)
    for entry in po:
        entry.msgstr = entry.msgstr.replace("⟦", "⟪")
    catalog.write_catalog(po, po_path)
    reads.clear()
    report = compile_project(project, ["de", "fr"], jobs=2)
    assert sorted(reads) == ["story-10", "story-4", "story-7", "story-9"]
    assert (root / "site" / "fr" / "story-4.html").exists()
    assert "⟪" in (root / "site" / "de" / "story-7.html").read_text(encoding="utf-8")
    assert "At dusk." in (root / "site" / "de" / "story-9.html").read_text(encoding="utf-8")
    assert len(report.pages) == 3 * 12  # every page reported, as a full run does


def test_the_record_of_the_index_pages_is_what_their_files_are_after_a_run_that_made_only_some(
    tmp_path: Path,
) -> None:
    from transpub.manifest import Manifest, file_hash, path_name, signature

    root, project = published_newsroom(tmp_path)
    article = root / "articles" / "story-3.html"
    article.write_text(article.read_text(encoding="utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    extract_project(project, ["de", "fr"])
    report = compile_project(project, ["de", "fr"])  # a new unit: the review index only
    assert [path.relative_to(root).as_posix() for path in report.index_written] == ["site/_review/index.html"]
    record = Manifest(root, "compile", key=local_key()).get("", "indexes")
    assert record is not None
    indexes = [
        root / "site" / name for name in ("en/index.html", "de/index.html", "fr/index.html", "index.html")
    ]
    for path in [*indexes, root / "site" / "_review" / "index.html"]:
        name = path_name(root, path)
        assert record.files[name] == signature(path), name
        assert record.hashes[name] == file_hash(path), name
    # an index page that run did not make, changed by hand, is made again by the next
    german = root / "site" / "de" / "index.html"
    was = german.read_bytes()
    german.write_bytes(was.replace(b"Story 1", b"Story one"))
    report = compile_project(project, ["de", "fr"])
    assert german.read_bytes() == was


def test_a_catalog_falling_below_the_threshold_updates_that_articles_links_and_the_indexes(
    tmp_path: Path, reads: list[str]
) -> None:
    root, project = published_newsroom(tmp_path)
    po = root / "locales" / "fr" / "LC_MESSAGES" / "story-2.po"
    catalog.write_catalog(_untranslated(catalog.read_catalog(po)), po)
    reads.clear()
    compile_project(project, ["de", "fr"])
    assert reads == ["story-2"]
    assert not (root / "site" / "fr" / "story-2.html").exists()
    # the German page of that article no longer links a French one; the French index no longer lists it
    assert "fr/story-2.html" not in (root / "site" / "de" / "story-2.html").read_text(encoding="utf-8")
    assert "story-2" not in (root / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert "story-1" in (root / "site" / "fr" / "index.html").read_text(encoding="utf-8")


def _untranslated(po: catalog.POFile) -> catalog.POFile:
    for entry in po:
        entry.msgstr = ""
    return po


def test_a_catalog_edited_in_place_with_the_same_size_and_its_old_time_put_back_is_seen(
    tmp_path: Path,
) -> None:
    root = newsroom(tmp_path / "news")
    project = load_project(root)
    extract_project(project, ["de", "fr"])
    translate_all(root, mark="⟦")
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"])
    po = root / "locales" / "de" / "LC_MESSAGES" / "story-1.po"
    stat = po.stat()
    data = po.read_bytes().replace("⟦At dawn.".encode(), "⟧At dawn.".encode())
    with open(po, "r+b") as handle:  # in place: same inode, same size, and the old times put back
        handle.write(data)
    os.utime(po, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    compile_project(project, ["de", "fr"])
    assert "⟧At dawn." in (root / "site" / "de" / "story-1.html").read_text(encoding="utf-8")


def test_a_deleted_page_index_or_asset_copy_is_written_again(tmp_path: Path, reads: list[str]) -> None:
    root, project = published_newsroom(tmp_path)
    (root / "site" / "de" / "story-4.html").unlink()
    (root / "site" / "fr" / "index.html").unlink()
    shutil.rmtree(root / "site" / "_assets")
    reads.clear()
    compile_project(project, ["de", "fr"])
    assert reads == SLUGS  # every article loads the image
    assert (root / "site" / "de" / "story-4.html").is_file()
    assert "story-4" in (root / "site" / "fr" / "index.html").read_text(encoding="utf-8")
    assert (root / "site" / "_assets" / "articles" / "img" / "bridge.jpg").is_file()


@pytest.mark.parametrize("edit", ["glossary", "config", "image"])
def test_a_changed_glossary_configuration_or_image_is_a_full_run(
    tmp_path: Path, reads: list[str], edit: str
) -> None:
    root, project = published_newsroom(tmp_path)
    if edit == "glossary":
        (root / "glossary" / "terms.csv").write_text(
            "term,de,fr,note\ndawn,Morgengrauen,aube,\n", encoding="utf-8"
        )
    elif edit == "config":
        config = root / "transpub.toml"
        config.write_text(config.read_text(encoding="utf-8").replace('name = "News"', 'name = "Daily"'))
    else:
        (root / "articles" / "img" / "bridge.jpg").write_bytes(b"\xff\xd8 a new photo of the bridge")
    project = load_project(root)
    reads.clear()
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"])
    if edit == "image":  # extract does not look at images; every page uses it
        assert reads == SLUGS
        assert b"new photo" in (root / "site" / "_assets" / "articles" / "img" / "bridge.jpg").read_bytes()
        return
    assert sorted(reads[: len(SLUGS)]) == sorted(reads[len(SLUGS) :]) == SLUGS  # extract's, then compile's
    po = (root / "locales" / "de" / "LC_MESSAGES" / "story-0.po").read_text(encoding="utf-8")
    pot = (root / "locales" / "templates" / "story-0.pot").read_text(encoding="utf-8")
    if edit == "glossary":
        assert 'Glossary: "dawn" = "Morgengrauen"' in po
        assert "Brücke" not in po
    else:
        assert "Daily" in pot


@pytest.mark.parametrize("damage", ["deleted", "corrupt"])
def test_a_missing_or_corrupt_manifest_means_a_full_run_with_the_same_result(
    tmp_path: Path, reads: list[str], damage: str
) -> None:
    root = newsroom(tmp_path / "news")
    run(root, "extract")
    translate_all(root)
    run(root, "extract")
    run(root, "compile")
    before = state(root)
    expected = (run(root, "extract", "--full"), run(root, "compile", "--full"))
    manifest = root / MANIFEST
    if damage == "deleted":
        manifest.unlink()
    else:
        manifest.write_bytes(b"this is not a database" * 100)
    reads.clear()
    assert (run(root, "extract"), run(root, "compile")) == expected
    assert sorted(reads[: len(SLUGS)]) == sorted(reads[len(SLUGS) :]) == SLUGS  # extract's, then compile's
    assert changed(before, state(root)) == {".transpub/manifest.sqlite"}
    reads.clear()
    run(root, "extract")
    run(root, "compile")
    assert reads == []  # and the manifest works again


def test_a_file_changed_within_the_clock_tick_of_its_record_is_told_by_its_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same size, same times (a change within one tick of the filesystem's clock): the content decides."""
    import transpub.manifest as manifest

    page = tmp_path / "site" / "de" / "a.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(b"<p>old</p>")
    record = manifest.Record("key")
    record.watch(tmp_path, page)
    book = manifest.Manifest(tmp_path, "compile")
    book.put("a", record)
    clock_after_change(monkeypatch, page, 0.01)
    book.save()  # the file changed a moment ago: its record keeps a hash of its content
    monkeypatch.undo()
    recorded = record.files["site/de/a.html"]
    monkeypatch.setattr(manifest, "signature", lambda path: recorded)  # the clock did not move
    reopened = manifest.Manifest(tmp_path, "compile").get("a")
    assert reopened is not None and reopened.holds(tmp_path, "key")
    page.write_bytes(b"<p>new</p>")
    assert not reopened.holds(tmp_path, "key")


@pytest.fixture
def hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files whose content a run compares with its record (a racy file's, see RACY_SECONDS)."""
    import transpub.manifest as manifest

    looked: list[str] = []
    original = manifest.file_hash

    def counting(path: Path | str | None) -> str:
        looked.append(Path(str(path)).name)
        return original(path)

    monkeypatch.setattr(manifest, "file_hash", counting)
    return looked


def clock_ahead(monkeypatch: pytest.MonkeyPatch, seconds: float) -> None:
    """The manifest's clock ``seconds`` ahead of the real one: files were written that long ago."""
    import time
    import types

    import transpub.manifest as manifest

    ahead = types.SimpleNamespace(time_ns=lambda: time.time_ns() + int(seconds * 10**9))
    monkeypatch.setattr(manifest, "time", ahead)


def clock_after_change(monkeypatch: pytest.MonkeyPatch, path: Path, seconds: float) -> None:
    """The manifest's clock stopped ``seconds`` after the last change of the file ``path`` (however
    slow the machine running the test)."""
    import types

    import transpub.manifest as manifest

    at = path.stat().st_mtime_ns + int(seconds * 10**9)
    monkeypatch.setattr(manifest, "time", types.SimpleNamespace(time_ns=lambda: at))


def test_files_written_just_before_their_record_are_compared_until_a_run_that_writes_finds_them_settled(
    tmp_path: Path, hashed: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Files written a moment before their record was saved are compared by content on the next runs;
    once a run has found them unchanged, seconds later, its next write of the manifest says so, and
    the runs after it look at their signatures only. A run with nothing to write still writes nothing."""
    root, _ = published_newsroom(tmp_path)  # (every record saved a moment after its files)
    clock_ahead(monkeypatch, 3)
    hashed.clear()
    before = state(root)
    assert run(root, "compile")[0] == run(root, "extract")[0] == 0
    assert hashed  # compared by content...
    assert changed(before, state(root)) == set()  # ... and nothing written, the manifest neither
    hashed.clear()
    run(root, "compile")
    assert hashed  # (still: nothing was written)
    story = root / "articles" / "story-3.html"
    story.write_text(story.read_text(encoding="utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    run(root, "extract")
    run(root, "compile")
    hashed.clear()
    before = state(root)
    run(root, "extract")
    run(root, "compile")
    assert hashed == []
    assert changed(before, state(root)) == set()


def test_a_racy_file_found_unchanged_too_soon_after_its_change_stays_racy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A file compared by content too soon after it changed (here a fifth of a second: its times have
    fractions of a second) could still change within the same tick of its clock: its record is not
    written again as settled, even by a save that comes later."""
    from transpub.manifest import Manifest, Record

    page = tmp_path / "site" / "de" / "a.html"
    page.parent.mkdir(parents=True)
    page.write_bytes(b"<p>old</p>")
    record = Record("key")
    record.watch(tmp_path, page)
    book = Manifest(tmp_path, "compile")
    book.put("a", record)
    clock_after_change(monkeypatch, page, 0.01)
    book.save()
    clock_after_change(monkeypatch, page, 0.2)  # compared a fifth of a second after the change...
    reopened = Manifest(tmp_path, "compile")
    loaded = reopened.get("a")
    assert loaded is not None and loaded.racy == ["site/de/a.html"]
    assert loaded.holds(tmp_path, "key")
    clock_after_change(monkeypatch, page, 3)  # ... and the manifest written later, with another record
    reopened.put("b", Record("other"))
    reopened.save()
    again = Manifest(tmp_path, "compile").get("a")
    assert again is not None and again.racy == ["site/de/a.html"]


def test_only_files_changed_within_a_tick_of_their_clock_of_the_saving_are_compared_by_content(
    tmp_path: Path,
) -> None:
    """A file system with times in whole seconds (FAT, HFS+, ext3) has a coarse clock: a file changed
    up to two seconds before its record was saved is compared by content. One with fractions of a
    second (ext4, APFS, NTFS) ticks in milliseconds: half a second is enough."""
    import time

    from transpub.manifest import Manifest, Record

    now = time.time_ns()
    second = 10**9
    whole = (now // second - 1) * second  # between one and two seconds ago, on a whole second
    fine = now - second + 123_456  # a second ago, with a fraction
    old = 2 * second  # (1970)
    record = Record(
        "key",
        files={
            "coarse.html": [10, whole, whole, 1],
            "fine.html": [10, fine, fine, 2],
            "old.html": [10, old, old, 4],
            "gone.html": None,
        },
    )
    book = Manifest(tmp_path, "compile")
    book.put("a", record)
    book.save()
    loaded = Manifest(tmp_path, "compile").get("a")
    assert loaded is not None and loaded.racy == ["coarse.html"]


def test_a_fresh_checkout_with_the_site_and_manifest_restored_reads_no_article(
    tmp_path: Path, reads: list[str]
) -> None:
    """As in CI: a new clone (new times and inodes, same bytes) with .transpub/ and site/ from a cache."""
    root, project = published_newsroom(tmp_path)
    clone = tmp_path / "clone"
    shutil.copytree(root, clone)  # every file new: other inodes, other change times
    for path in clone.rglob("*"):
        os.utime(path, ns=(1_000_000_000, 1_000_000_000))  # and the checkout's own times
    reads.clear()
    project = load_project(clone)
    first = (extract_project(project, ["de", "fr"]), compile_project(project, ["de", "fr"]))
    assert reads == []
    assert not any(
        article.template_written or any(article.catalogs_written.values()) for article in first[0].articles
    )
    assert not any(page.written for page in first[1].pages)
    manifest = (clone / MANIFEST).stat().st_mtime_ns
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"])
    assert reads == []
    assert (clone / MANIFEST).stat().st_mtime_ns == manifest  # the new signatures were kept: fast path now


def test_an_article_edited_in_place_with_the_same_size_and_its_old_time_put_back_is_seen(
    tmp_path: Path, reads: list[str]
) -> None:
    """An article is watched by its signature (size, times, inode): the change time still tells."""
    root, project = published_newsroom(tmp_path)
    article = root / "articles" / "story-2.html"
    stat = article.stat()
    with open(article, "r+b") as handle:  # in place: same inode, same size, and the old times put back
        handle.write(article.read_bytes().replace(b"At dawn.", b"At dusk."))
    os.utime(article, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    reads.clear()
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"])
    assert reads == ["story-2", "story-2"]
    assert 'msgid "At dusk."' in (root / "locales" / "de" / "LC_MESSAGES" / "story-2.po").read_text("utf-8")
    assert "At dusk." in (root / "site" / "fr" / "story-2.html").read_text(encoding="utf-8")


def test_an_article_extracted_for_one_language_is_extracted_again_for_the_others(
    tmp_path: Path, reads: list[str]
) -> None:
    """`extract -l de` after an edit: the next `extract` still updates the French catalog."""
    root = newsroom(tmp_path / "news")
    project = load_project(root)
    extract_project(project, ["de", "fr"])
    article = root / "articles" / "story-1.html"
    article.write_text(article.read_text(encoding="utf-8").replace("At dawn.", "At dusk."), encoding="utf-8")
    extract_project(project, ["de"])
    reads.clear()
    extract_project(project, ["de", "fr"])
    assert reads == ["story-1"]
    assert 'msgid "At dusk."' in (root / "locales" / "fr" / "LC_MESSAGES" / "story-1.po").read_text("utf-8")


@pytest.mark.parametrize("edit", ["title", "date", "translated title"])
def test_a_changed_title_or_date_is_shown_in_the_index_pages(tmp_path: Path, edit: str) -> None:
    root = newsroom(tmp_path / "news")
    project = load_project(root)
    article = root / "articles" / "story-5.html"
    text = article.read_text(encoding="utf-8")
    article.write_text(text.replace("<h1>", '<p><time datetime="2024-03-01">1 March</time></p><h1>'), "utf-8")
    extract_project(project, ["de", "fr"])
    translate_all(root)
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"])
    text = article.read_text(encoding="utf-8")
    if edit == "title":
        article.write_text(text.replace("Story 5", "Bridge story 5"), encoding="utf-8")
        extract_project(project, ["de", "fr"])
        translate_all(root)
        expected = {"en": "Bridge story 5", "de": "⟦Bridge story 5⟧", "fr": "⟦Bridge story 5⟧"}
    elif edit == "date":
        article.write_text(text.replace("2024-03-01", "2023-03-01"), encoding="utf-8")
        expected = dict.fromkeys(["en", "de", "fr"], "2023-03-01")
    else:
        translate_all(root, mark="⟪")
        expected = {"de": "⟪Story 5⟧", "fr": "⟪Story 5⟧"}
    compile_project(project, ["de", "fr"])
    for locale, shown in expected.items():
        assert shown in (root / "site" / locale / "index.html").read_text(encoding="utf-8")
        assert shown in (root / "site" / "index.html").read_text(encoding="utf-8")
    if edit != "date":
        assert shown in (root / "site" / "_review" / "index.html").read_text(encoding="utf-8")


def test_a_file_recorded_absent_that_appears_is_a_change(tmp_path: Path) -> None:
    """A record that saw no file at a path (a review copy never made) no longer holds once one is there."""
    from transpub.manifest import Manifest, Record

    (tmp_path / "site" / "de").mkdir(parents=True)
    record = Record("key")
    record.watch(
        tmp_path, tmp_path / "site" / "de" / "a.html", tmp_path / "site" / "_review" / "de" / "a.html"
    )
    book = Manifest(tmp_path, "compile")
    book.put("a", record)
    book.save()
    assert (
        Manifest(tmp_path, "compile").get("a").holds(tmp_path, "key", Manifest(tmp_path, "compile").listing)
    )
    (tmp_path / "site" / "_review" / "de").mkdir(parents=True)
    (tmp_path / "site" / "_review" / "de" / "a.html").write_text("review copy", encoding="utf-8")
    reopened = Manifest(tmp_path, "compile")
    assert not reopened.get("a").holds(tmp_path, "key", reopened.listing)
    (tmp_path / "site" / "de" / "a.html").write_text("page", encoding="utf-8")
    reopened = Manifest(tmp_path, "compile")
    assert not reopened.get("a").holds(tmp_path, "key", reopened.listing)


def test_records_of_an_older_layout_mean_a_full_run_for_their_articles_only(
    tmp_path: Path, reads: list[str]
) -> None:
    root = newsroom(tmp_path / "news")
    project = load_project(root)
    extract_project(project, ["de", "fr"])
    translate_all(root)
    extract_project(project, ["de", "fr"])
    expected = compile_project(project, ["de", "fr"])
    with sqlite3.connect(root / MANIFEST) as db:  # as transpub 0.x stored them: a JSON object
        db.execute(
            "UPDATE records SET data = ? WHERE command = 'compile' AND slug = 'story-3'",
            ('{"key": "k", "files": {}, "result": {}, "hashes": {}, "racy": []}',),
        )
        db.execute("INSERT INTO records VALUES ('compile', 'gone', '', '{\"key\": \"k\"}')")
    without_whole_run_records(root)
    reads.clear()
    again = compile_project(project, ["de", "fr"])
    assert reads == ["story-3"]
    assert [(p.locale, p.slug, p.summary) for p in again.pages] == [
        (p.locale, p.slug, p.summary) for p in expected.pages
    ]
    reads.clear()
    compile_project(project, ["de", "fr"])
    assert reads == []


@pytest.mark.parametrize("change", ["none", "touched", "edited", "deleted", "appeared", "racy"])
def test_a_record_as_loaded_holds_exactly_when_a_look_at_each_of_its_files_does(
    tmp_path: Path, change: str
) -> None:
    """A record straight from the manifest compares every signature at once; the same record with
    its files unpacked compares them one by one: the two always agree."""
    from transpub.manifest import Manifest, Record

    site = tmp_path / "site" / "de"
    site.mkdir(parents=True)
    kept, gone, edited = site / "a.html", site / "b.html", site / "c.html"
    for path in (kept, gone, edited):
        path.write_text(f"<p>{path.name}</p>", encoding="utf-8")
        if change != "racy":  # changed long before the record is saved: their signatures decide
            os.utime(path, ns=(2_000_000_000, 2_000_000_000))
    never = tmp_path / "site" / "_review" / "de" / "a.html"
    record = Record("key")
    record.watch(tmp_path, kept, gone, edited, never)
    book = Manifest(tmp_path, "compile")
    book.put("a", record)
    book.save()
    if change == "touched":
        os.utime(kept, ns=(1_000_000_000, 1_000_000_000))
    elif change == "edited":
        edited.write_text("<p>C!</p>", encoding="utf-8")
    elif change == "deleted":
        gone.unlink()
    elif change == "appeared":
        never.parent.mkdir(parents=True)
        never.write_text("review copy", encoding="utf-8")
    loaded, unpacked = Manifest(tmp_path, "compile"), Manifest(tmp_path, "compile")
    looked = unpacked.get("a")
    assert looked is not None and looked.files  # (unpacked)
    stored = loaded.get("a")
    assert stored is not None
    expected = change in ("none", "touched", "racy")
    assert stored.holds(tmp_path, "key", loaded.listing) is expected
    assert looked.holds(tmp_path, "key", unpacked.listing) is expected
    assert stored.files == looked.files
    assert stored.refreshed == looked.refreshed == (change == "touched")


def test_a_damaged_record_means_a_full_run_for_its_article(tmp_path: Path, reads: list[str]) -> None:
    root, project = published_newsroom(tmp_path)
    with sqlite3.connect(root / MANIFEST) as db:  # a signature lost from story-2's record
        [data] = db.execute(
            "SELECT data FROM records WHERE command = 'compile' AND slug = 'story-2'"
        ).fetchone()
        db.execute(
            "UPDATE records SET data = ? WHERE command = 'compile' AND slug = 'story-2'",
            (data.replace(";", "", 1),),
        )
    without_whole_run_records(root)
    reads.clear()
    compile_project(project, ["de", "fr"])
    assert reads == ["story-2"]


def test_records_are_written_only_once_the_files_they_name_are_on_disk(tmp_path: Path) -> None:
    """The manifest waits for the flush it is given before it writes; a failed flush saves no record."""
    from transpub.manifest import Manifest, Record

    (tmp_path / "a.po").write_text("catalog", encoding="utf-8")
    seen: list[object] = []
    book = Manifest(tmp_path, "extract")
    book.put("a", Record("key"))
    book.save(before_write=lambda: seen.append(Manifest(tmp_path, "extract").get("a")))
    assert seen == [None] and Manifest(tmp_path, "extract").get("a") is not None

    def failed_flush() -> None:
        raise OSError(5, "Input/output error")

    book.put("b", Record("key"))
    with pytest.raises(OSError):
        book.save(before_write=failed_flush)
    assert Manifest(tmp_path, "extract").get("b") is None


def test_a_compile_waits_for_the_disk_once_for_its_records_and_keeps_them_when_an_index_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from transpub.manifest import Manifest

    root, project = published_newsroom(tmp_path)
    commits: list[int] = []
    real_write = transpub.manifest.write_rows
    monkeypatch.setattr(
        transpub.manifest,
        "write_rows",
        lambda path, rows: commits.append(len(rows)) or real_write(path, rows),
    )
    (root / "site" / "index.html").unlink()
    (root / MANIFEST).unlink()
    assert not compile_project(project, ["de", "fr"]).errors
    assert len(commits) == 1  # every page's record and the index pages' together

    def no_space(*args: object) -> None:
        raise OSError(28, "No space left on device")

    (root / MANIFEST).unlink()
    monkeypatch.setattr(transpub.compile.indexes, "_write_indexes", no_space)
    with pytest.raises(OSError):
        compile_project(project, ["de", "fr"])
    assert Manifest(root, "compile", key=local_key()).get(
        project.slug_of(next(iter(project.discover().articles)).path)
    )


def test_extract_reads_each_article_file_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = newsroom(tmp_path / "news")
    opened: list[str] = []
    original, original_open = Path.read_bytes, os.open

    def counting(path: Path) -> bytes:
        if path.parent.name == "articles":
            opened.append(path.name)
        return original(path)

    def counting_open(path: str | Path, flags: int, *args: object, **options: object) -> int:
        if Path(path).parent.name == "articles" and not flags & (os.O_WRONLY | os.O_RDWR):
            opened.append(Path(path).name)
        return original_open(path, flags, *args, **options)

    monkeypatch.setattr(Path, "read_bytes", counting)
    # (the manifest's read takes the signature from the file it opens)
    monkeypatch.setattr(os, "open", counting_open)
    assert run(root, "extract")[0] == 0
    articles = sorted(path.name for path in (root / "articles").iterdir() if path.suffix in (".html", ".md"))
    assert articles and sorted(opened) == articles  # its hash and its document from one read


@pytest.mark.parametrize("edit", ["title", "date", "held back", "rows lost"])
def test_index_pages_made_of_kept_rows_are_those_made_from_every_page(tmp_path: Path, edit: str) -> None:
    """A compile with one article changed makes the index pages of the other articles' rows as the
    last run kept them (``.transpub/index-rows.sqlite``) and of that article's new ones: the pages are
    those made from every page, whatever changed (a title, a date, a page held back, the kept rows
    lost), and still when the rows kept are those of the run before (a run that could not keep its
    own) and the index pages are made again."""
    from transpub.site import render_index, render_locale_index, render_review_index

    root = newsroom(tmp_path / "news")
    project = load_project(root)
    for number, slug in enumerate(SLUGS):  # days shared by several articles, titles differing in case
        article = root / "articles" / f"{slug}.html"
        day = f"2024-0{1 + number % 3}-0{1 + number % 2}"
        text = article.read_text(encoding="utf-8").replace(
            "<h1>", f'<p><time datetime="{day}">{day}</time></p><h1>'
        )
        if number % 2:
            text = text.replace(f"Story {number}", f"story {number}")
        article.write_text(text, encoding="utf-8")
    extract_project(project, ["de", "fr"])
    translate_all(root)
    extract_project(project, ["de", "fr"])
    compile_project(project, ["de", "fr"])
    kept = (root / ".transpub" / "index-rows.sqlite").read_bytes()
    article = root / "articles" / "story-3.html"
    text = article.read_text(encoding="utf-8")
    if edit == "title":
        article.write_text(text.replace("story 3", "A bridge story"), encoding="utf-8")
        extract_project(project, ["de", "fr"])
        translate_all(root)
    elif edit == "date":
        article.write_text(text.replace("2024-01-02", "2024-03-02"), encoding="utf-8")
    elif edit == "held back":
        po = root / "locales" / "fr" / "LC_MESSAGES" / "story-3.po"
        po.write_text(re.sub(r'msgstr ".+"', 'msgstr ""', po.read_text(encoding="utf-8")), encoding="utf-8")
    else:
        (root / ".transpub" / "index-rows.sqlite").write_bytes(b"\0\0\0\0damaged")
        (root / "site" / "_review" / "index.html").unlink()
    for again in (False, True):
        if again:  # the rows kept before the change, and every index page to make again
            (root / ".transpub" / "index-rows.sqlite").write_bytes(kept)
            for index in (root / "site").rglob("index.html"):
                index.unlink()
        report = compile_project(project, ["de", "fr"])
        assert not report.errors
        every_page = [*report.pages, *report.other_pages]
        locales = ["en", "de", "fr"]
        indexed = [
            loc for loc in locales if loc == "en" or any(p.published and p.locale == loc for p in every_page)
        ]
        expected = {
            "index.html": render_index(project, every_page, locales),
            "_review/index.html": render_review_index(project, every_page, locales),
        }
        for locale in indexed:
            mine = [page for page in every_page if page.locale == locale and page.published]
            expected[f"{locale}/index.html"] = render_locale_index(project, locale, mine, indexed)
        if edit == "held back":
            assert "story-3" not in expected["fr/index.html"]
        for name, text in expected.items():
            assert (root / "site" / name).read_text(encoding="utf-8") == text, name


def test_index_rows_kept_by_a_run_elsewhere_cannot_put_markup_in_the_index_pages(tmp_path: Path) -> None:
    """``.transpub/index-rows.sqlite`` holds markup that goes into the index pages as it is: a row this
    transpub did not write (restored from another run's cache, edited) is not kept, and the index
    pages are made of every page as without it."""
    root, project = published_newsroom(tmp_path)
    made = {name: (root / "site" / name).read_bytes() for name in ("index.html", "_review/index.html")}
    with contextlib.closing(sqlite3.connect(root / ".transpub" / "index-rows.sqlite")) as db, db:
        stored = db.execute("SELECT kind, bucket, data FROM rows").fetchall()
        assert {kind for kind, _, _ in stored} == {"listing", "review"}
        for kind, bucket, data in stored:  # markup added, the signature left as it was
            kept = marshal.loads(data[:-SIGNATURE_SIZE])
            text = repr(kept).replace("</a>", "</a><script>alert(1)</script>")
            assert text != repr(kept)
            forged = marshal.dumps(ast.literal_eval(text)) + data[-SIGNATURE_SIZE:]
            db.execute("UPDATE rows SET data = ? WHERE kind = ? AND bucket = ?", (forged, kind, bucket))
    for name in made:  # the index pages to make again, of the rows of articles not compiled again
        (root / "site" / name).unlink()
    assert not compile_project(project, ["de", "fr"]).errors
    for name, before in made.items():
        assert (root / "site" / name).read_bytes() == before, name
