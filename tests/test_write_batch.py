"""extract writes an article's template and catalogs together: one lock per article, one flush to disk
per batch of articles, and still never a half-written file nor a translation lost to a concurrent run."""

from __future__ import annotations

import multiprocessing
import os
import time
from pathlib import Path

import pytest

import transpub.manifest
from transpub import catalog, fsutil, signing
from transpub.extract import extract_project
from transpub.fsutil import WriteBatch, article_lock_path, lock_bucket, lock_path, locked
from transpub.project import init_project, load_project

ARTICLE = (
    "<html><body><article><h1>Story {n}</h1><p>The lake freezes in winter.{extra}</p></article></body></html>"
)


def newsroom(root: Path, articles: int, extra: str = "") -> None:
    if not (root / "transpub.toml").exists():
        init_project(root, source="en", locales=["de", "es"], name="News")
    for n in range(articles):
        (root / "articles" / f"story-{n:02d}.html").write_text(
            ARTICLE.format(n=n, extra=extra), encoding="utf-8"
        )


def test_every_catalog_of_an_article_and_its_template_share_one_lock(tmp_path: Path) -> None:
    newsroom(tmp_path, 1)
    project = load_project(tmp_path)
    shared = article_lock_path(project.catalogs_dir, "world/lake")
    assert (
        shared
        == tmp_path / ".transpub" / "locks" / "locales" / f"articles-{lock_bucket('world/lake'):02d}.lock"
    )
    assert lock_path(project.catalog_path("de", "world/lake")) == shared
    assert lock_path(project.catalog_path("es", "world/lake")) == shared
    assert lock_bucket("world/river") != lock_bucket("world/lake")
    assert lock_path(project.catalog_path("es", "world/river")) != shared


def test_a_run_takes_one_lock_per_bucket_of_articles_not_one_per_article(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken: list[Path] = []
    real_locked = fsutil.locked

    def counting(path: Path, timeout: float = fsutil.LOCK_TIMEOUT, *, guard: Path | None = None):  # type: ignore[no-untyped-def]
        taken.append(guard or lock_path(path))
        return real_locked(path, timeout, guard=guard)

    monkeypatch.setattr(fsutil, "locked", counting)
    articles = 100  # in 64 buckets, 4 batches
    newsroom(tmp_path, articles)
    assert extract_project(load_project(tmp_path), ["de"]).ok
    buckets = {lock_bucket(f"story-{n:02d}") for n in range(articles)}
    assert len(set(taken)) == len(buckets)
    assert len(taken) <= len(buckets) + 3 < articles  # a bucket is locked again only by the next batch


def test_a_batch_writes_nothing_when_it_fails_and_everything_when_it_ends(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"old a")
    with pytest.raises(RuntimeError), WriteBatch() as batch:
        batch.write(tmp_path / "a.txt", b"new a")
        batch.write(tmp_path / "sub" / "b.txt", b"new b")
        raise RuntimeError("the run broke off")
    assert (tmp_path / "a.txt").read_bytes() == b"old a"
    assert not (tmp_path / "sub" / "b.txt").exists()
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.txt"]  # no temporary file left

    with WriteBatch() as batch:
        batch.write(tmp_path / "a.txt", b"new a")
        batch.write(tmp_path / "sub" / "b.txt", b"new b", durable=False)
        assert (tmp_path / "a.txt").read_bytes() == b"old a"  # nothing in place before the batch ends
    assert (tmp_path / "a.txt").read_bytes() == b"new a"
    assert (tmp_path / "sub" / "b.txt").read_bytes() == b"new b"
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == ["a.txt", "b.txt"]


def test_a_batch_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes(b"old")
    (tmp_path / "a.txt").chmod(0o600)
    with WriteBatch() as batch:
        batch.write(tmp_path / "a.txt", b"new")
        batch.write(tmp_path / "b.txt", b"new")
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "b.txt").stat().st_mode & 0o777 == 0o644


def test_a_first_extract_flushes_every_catalog_before_it_records_them_and_none_one_by_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fsutil._syncfs() is None:
        pytest.skip("no syncfs here: every catalog is flushed as it is written")
    from transpub.manifest import MANIFEST

    events: list[str] = []
    fsyncs: list[int] = []
    real_fsync = fsutil.os.fsync
    real_write = transpub.manifest.write_rows
    catalogs = tmp_path / "locales"

    def flush(fd: int) -> int:  # (flushes may run in the background while the batches are written)
        written = len(list(catalogs.rglob("*.po")))
        events.append(f"flush {written}")
        if written < 200:
            time.sleep(1.0)  # a slow disk: no flush is started ahead while this one runs
        return 0

    def write(path: Path, rows: list[tuple[str, str, str, str | None]]) -> None:
        events.append("record")
        real_write(path, rows)

    monkeypatch.setattr(fsutil, "_SYNCFS", [flush])
    monkeypatch.setattr(fsutil.os, "fsync", lambda fd: fsyncs.append(fd) or real_fsync(fd))
    monkeypatch.setattr(transpub.manifest, "write_rows", write)
    newsroom(tmp_path, 100)  # four batches
    report = extract_project(load_project(tmp_path), ["de", "es"])
    assert report.ok and all(
        article.catalogs_written == {"de": True, "es": True} for article in report.articles
    )
    # 200 new catalogs flushed, then the manifest written (a flush started ahead, with fewer written,
    # may still begin after the last one: a flush of the whole disk, it takes nothing away)
    assert events[-1] == "record" and "flush 200" in events
    assert int(events[0].split()[1]) < 200  # the disk began to write them while the batches went on
    assert events.count("record") == 1 and (tmp_path / MANIFEST).is_file()
    assert fsyncs == []  # no catalog flushed on its own


def test_catalogs_that_replace_others_are_flushed_before_they_take_their_place(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fsutil._syncfs() is None:
        pytest.skip("no syncfs here: every catalog is flushed as it is written")
    newsroom(tmp_path, 100)
    assert extract_project(load_project(tmp_path), ["de", "es"]).ok
    newsroom(tmp_path, 100, extra=" It thaws in spring.")  # every catalog gets rewritten
    seen: list[bytes] = []
    project = load_project(tmp_path)
    first = project.catalog_path("de", "story-00")

    def flush(fd: int) -> int:
        seen.append(first.read_bytes())
        return 0

    monkeypatch.setattr(fsutil, "_SYNCFS", [flush])
    monkeypatch.setattr(fsutil, "FSYNC_AT_MOST", 0)  # (a batch of a few files fsyncs them instead)
    assert extract_project(project, ["de", "es"]).ok
    assert len(seen) == 4  # one flush per batch, none for the run
    assert b"It thaws in spring." not in seen[0]  # the batch's flush came before its renames
    assert b"It thaws in spring." in first.read_bytes()


def test_an_extract_that_rewrites_one_articles_catalogs_waits_for_those_files_not_the_whole_disk(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # syncfs would also wait for every page the compile before left unwritten: a few fsyncs do not
    if fsutil._syncfs() is None:
        pytest.skip("no syncfs here: every catalog is flushed as it is written")
    newsroom(tmp_path, 100)
    project = load_project(tmp_path)
    assert extract_project(project, ["de", "es"]).ok
    (tmp_path / "articles" / "story-07.html").write_text(
        ARTICLE.format(n=7, extra=" It thaws in spring."), encoding="utf-8"
    )
    whole_disk: list[int] = []
    flushed: dict[str, bytes] = {}  # the file a flushed temporary replaces: what it held then
    real_fsync = fsutil.os.fsync
    rewritten = {str(project.catalog_path(locale, "story-07")) for locale in ("de", "es")}

    def fsync(fd: int) -> None:
        folder, name = os.path.split(os.readlink(f"/proc/self/fd/{fd}"))
        for path in rewritten:
            if os.path.dirname(path) == folder and name.startswith(f".{os.path.basename(path)}."):
                flushed[path] = Path(path).read_bytes()
        real_fsync(fd)

    monkeypatch.setattr(fsutil, "_SYNCFS", [lambda fd: whole_disk.append(fd) or 0])
    monkeypatch.setattr(fsutil.os, "fsync", fsync)
    assert extract_project(load_project(tmp_path), ["de", "es"]).ok
    assert whole_disk == []
    assert set(flushed) == rewritten  # both catalogs (the template is not kept durable), each flushed...
    assert all(b"It thaws in spring." not in old for old in flushed.values())  # ...before its rename
    assert all(b"It thaws in spring." in Path(path).read_bytes() for path in rewritten)


def test_an_empty_catalog_is_written_anew(tmp_path: Path) -> None:
    # what a power cut may leave of a new catalog not yet on disk: it held nothing to keep
    newsroom(tmp_path, 2)
    project = load_project(tmp_path)
    assert extract_project(project, ["de"]).ok
    empty = project.catalog_path("de", "story-01")
    complete = empty.read_bytes()
    empty.write_bytes(b"")
    report = extract_project(project, ["de"], full=True)
    assert report.ok and report.articles[1].catalogs_written == {"de": True}
    assert _but_the_date(empty.read_bytes()) == _but_the_date(complete)


def _but_the_date(data: bytes) -> bytes:
    import re

    return re.sub(rb"PO-Revision-Date: [^\\]*", b"", data)


def _killed_when_it_says(script: str, root: Path, line: bytes) -> None:
    """Run the Python ``script`` on the project at ``root`` and kill it (SIGKILL) once it prints ``line``."""
    import signal
    import subprocess
    import sys

    src = Path(__file__).resolve().parents[1] / "src"
    run = subprocess.Popen(
        [sys.executable, "-c", script, str(root)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env={**os.environ, "PYTHONPATH": str(src)},
    )
    assert run.stdout is not None and run.stdout.readline() == line
    run.send_signal(signal.SIGKILL)
    run.wait(30)


_KILLED_RUN = """
import sys
from pathlib import Path
from transpub import fsutil
from transpub.extract import extract_project
from transpub.project import load_project

real_commit = fsutil.WriteBatch.commit
done = 0

def commit(self):
    global done
    real_commit(self)
    done += 1
    if done == 2:  # two batches in place: say so, and wait to be killed
        print("committed", flush=True)
        sys.stdin.read()

fsutil.WriteBatch.commit = commit
extract_project(load_project(Path(sys.argv[1])), ["de", "es"])
"""


def test_a_killed_extract_leaves_complete_catalogs_and_records_none_of_them(tmp_path: Path) -> None:
    from transpub.manifest import Manifest

    newsroom(tmp_path, 100)
    _killed_when_it_says(_KILLED_RUN, tmp_path, b"committed\n")
    project = load_project(tmp_path)
    written = sorted(tmp_path.glob("locales/*/LC_MESSAGES/*.po"))
    assert 0 < len(written) < 200
    for path in written:  # each one whole, as a full run writes it
        assert len(catalog.read_catalog(path)) == 2
    manifest = Manifest(tmp_path, "extract")
    assert all(manifest.get(f"story-{n:02d}", "de") is None for n in range(100))  # nothing recorded
    report = extract_project(project, ["de", "es"])
    assert report.ok and len(list(tmp_path.glob("locales/*/LC_MESSAGES/*.po"))) == 200


_KILLED_BEFORE_COMMIT = """
import sys
from pathlib import Path
from transpub import fsutil
from transpub.extract import extract_project
from transpub.project import load_project

real_commit = fsutil.WriteBatch.commit
done = 0

def commit(self):
    global done
    done += 1
    if done == 2:  # a batch in place, the next one written but not yet in place: wait to be killed
        print("written", flush=True)
        sys.stdin.read()
    real_commit(self)

fsutil.WriteBatch.commit = commit
extract_project(load_project(Path(sys.argv[1])), ["de", "es"])
"""


def test_an_extract_killed_while_it_writes_new_catalogs_leaves_no_stray_file_in_the_catalogs_folders(
    tmp_path: Path,
) -> None:
    if not (hasattr(os, "O_TMPFILE") and os.path.isdir("/proc/self/fd")) or fsutil._syncfs() is None:
        pytest.skip("no unnamed files here (O_TMPFILE, /proc): new catalogs go through named temporaries")
    newsroom(tmp_path, 100)
    _killed_when_it_says(_KILLED_BEFORE_COMMIT, tmp_path, b"written\n")
    left = sorted(p.name for p in (tmp_path / "locales").rglob("*") if p.is_file())
    assert left and all(name.endswith((".po", ".pot")) for name in left)  # no hidden temporary file
    assert len(left) < 300  # (the second batch's files were not put in place)
    for path in tmp_path.glob("locales/*/LC_MESSAGES/*.po"):
        assert len(catalog.read_catalog(path)) == 2


def _fill_first_entries(root: str, articles: int, started: multiprocessing.synchronize.Event) -> None:
    """As translate does: under each catalog's lock, read it, fill its first empty entry, write it."""
    project = load_project(Path(root))
    started.set()
    for n in range(articles):
        path = project.catalog_path("es", f"story-{n:02d}")
        with locked(path):
            po = catalog.read_catalog(path)
            entry = next(e for e in po if not e.obsolete and e.msgid.startswith("Story"))
            entry.msgstr = f"Historia {n}"
            catalog.write_catalog(po, path)
        time.sleep(0.002)


def _count_under_lock(path: str, times: int) -> None:
    """Under ``path``'s lock, read the number in it and write it back one more, ``times`` times."""
    for _ in range(times):
        with locked(Path(path)):
            number = int(Path(path).read_text(encoding="utf-8"))
            time.sleep(0.0005)
            fsutil.atomic_write_bytes(path, str(number + 1).encode())


def test_the_lock_of_a_file_outside_any_project_is_gone_when_done_and_still_keeps_runs_apart(
    tmp_path: Path,
) -> None:
    """A file outside any project (a preview's record of its files) is locked by a file beside it,
    which the run removes when done: the folder is left as it was, and no run's update is lost."""
    counter = tmp_path / ".counter.json"
    counter.write_text("0", encoding="utf-8")
    context = multiprocessing.get_context("fork")
    runs = [context.Process(target=_count_under_lock, args=(str(counter), 40)) for _ in range(4)]
    for run in runs:
        run.start()
    for run in runs:
        run.join(60)
    assert [run.exitcode for run in runs] == [0] * 4
    assert counter.read_text(encoding="utf-8") == "160"
    assert sorted(path.name for path in tmp_path.iterdir()) == [".counter.json"]


def test_translations_written_while_extract_runs_are_kept(tmp_path: Path) -> None:
    articles = 40
    newsroom(tmp_path, articles)
    extract_project(load_project(tmp_path), ["de", "es"])
    newsroom(tmp_path, articles, extra=" It thaws in spring.")  # every catalog gets rewritten
    context = multiprocessing.get_context("fork")
    started = context.Event()
    writer = context.Process(target=_fill_first_entries, args=(str(tmp_path), articles, started))
    writer.start()
    started.wait(10)
    report = extract_project(load_project(tmp_path), ["de", "es"])
    writer.join(60)
    assert writer.exitcode == 0 and report.ok
    project = load_project(tmp_path)
    for n in range(articles):
        po = catalog.read_catalog(project.catalog_path("es", f"story-{n:02d}"))
        assert po.find(f"Story {n}").msgstr == f"Historia {n}"  # neither run lost the other's work
        assert po.find("It thaws in spring.") is not None


def test_the_temporary_files_a_killed_run_leaves_are_swept_by_the_next_run(tmp_path: Path) -> None:
    left = [fsutil._temporary_copy(tmp_path / "a.po", [b"half"], flush=False) for _ in range(300)]
    assert len(set(left)) == 300
    for name in left:  # as if a killed run left them an hour ago
        os.utime(name, (time.time() - 3600,) * 2)
    fsutil._swept.clear()
    assert sorted(map(str, fsutil.remove_stale_temporaries(tmp_path))) == sorted(left)
    assert list(tmp_path.iterdir()) == []


def test_new_catalogs_are_readable_by_everyone_whatever_the_umask(tmp_path: Path) -> None:
    newsroom(tmp_path, 2)
    old = os.umask(0o077)
    try:
        assert extract_project(load_project(tmp_path), ["de"]).ok
    finally:
        os.umask(old)
    written = [*tmp_path.glob("locales/templates/*.pot"), *tmp_path.glob("locales/de/LC_MESSAGES/*.po")]
    assert len(written) == 4 and {p.stat().st_mode & 0o777 for p in written} == {0o644}


def test_the_manifest_records_what_extract_wrote_as_a_look_at_the_files_would(tmp_path: Path) -> None:
    from transpub.manifest import Manifest, Record

    newsroom(tmp_path, 5)
    project = load_project(tmp_path)
    assert extract_project(project, ["de", "es"]).ok
    manifest = Manifest(tmp_path, "extract", key=signing.local_key())
    looked = 0
    for slug in (f"story-{n:02d}" for n in range(5)):
        article = tmp_path / "articles" / f"{slug}.html"
        for locale, paths in [
            ("", [article, project.template_path(slug)]),  # the template's record watches the article too
            ("de", [project.catalog_path("de", slug)]),
            ("es", [project.catalog_path("es", slug)]),
        ]:
            record = manifest.get(slug, locale)
            assert record is not None
            fresh = Record(record.key)
            fresh.watch(tmp_path, *paths)
            assert (record.files, record.hashes) == (fresh.files, fresh.hashes)
            looked += 1
    assert looked == 15


def test_a_batch_writes_its_files_into_a_folder_another_run_removed_meanwhile(tmp_path: Path) -> None:
    """Two shards compile into one site: one removes a folder it emptied while the other's batch,
    whose files appear there only as it ends, is writing into it. The batch makes it again."""
    folder = tmp_path / "site" / "de" / "sport"
    with WriteBatch() as batch:
        batch.write(folder / "a.html", b"a", durable=False, new=True)
        folder.rmdir()  # (empty to the other run: this batch's file has no name yet)
        batch.write(folder / "b.html", b"b", durable=False, new=True)
    assert (folder / "a.html").read_bytes() == b"a" and (folder / "b.html").read_bytes() == b"b"
    assert sorted(p.name for p in folder.iterdir()) == ["a.html", "b.html"]


def test_a_page_is_written_into_a_folder_another_run_removes_as_it_makes_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two shards compile into one site: one removes a folder it emptied just after the other made it
    for its first page there. The page is written all the same (the write failed)."""
    from transpub import fsutil

    folder = tmp_path / "site" / "de" / "sport"
    made = os.makedirs
    removals = []

    def made_then_removed(name: str, exist_ok: bool = False) -> None:
        made(name, exist_ok=exist_ok)
        if name == str(folder) and not removals:
            removals.append(name)
            os.rmdir(name)  # (the other shard, between this run's two steps)

    monkeypatch.setattr(fsutil.os, "makedirs", made_then_removed)
    assert fsutil.write_if_changed(folder / "a.html", b"a", durable=False, new=True)
    assert removals == [str(folder)]
    assert (folder / "a.html").read_bytes() == b"a"
