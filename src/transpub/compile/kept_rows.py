"""The rows of the index pages, kept by article between compile runs in ``.transpub/index-rows.sqlite``.

An archive's index pages list every article: a run with one article changed makes that article's
rows and takes the others' from here. The articles are spread over :data:`BUCKETS` buckets by a
hash of their slug, and each kind of index page keeps one SQLite row per bucket (the rows of its
articles, marshalled), signed on its own (:func:`~transpub.signing.with_signature`, with the run's
key, the kind and the bucket in the context): such a run reads the rows of the kinds of index pages
it makes and writes the one bucket that changed, not the archive's rows, while a full run writes a
few dozen blobs, not one row per article. The rows are markup that goes into the index pages as it
is: a bucket signed otherwise (restored from another run's cache, edited, damaged) keeps no row. A
cache: a file that cannot be read or written means rows made again, never an error.
"""

from __future__ import annotations

import contextlib
import marshal
import sqlite3
import zlib
from pathlib import Path
from typing import Any

from ..cache_files import write_or_start_anew
from ..fsutil import unlink_link
from ..gc_pause import no_collection
from ..signing import local_key, signed_part, with_signature

#: Where the rows are kept, in a project.
INDEX_ROWS = Path(".transpub") / "index-rows.sqlite"

#: Where earlier versions kept them (a file for every row, then one per kind): removed when the rows
#: are kept anew.
_OLD_INDEX_ROWS = tuple(
    Path(".transpub") / name for name in ("index-rows.bin", "index-rows-listing.bin", "index-rows-review.bin")
)

#: How many buckets the articles are spread over (an edited article rewrites its bucket's rows).
BUCKETS = 64


def bucket_of(slug: str) -> int:
    """The bucket of the article ``slug`` (the same on every run and machine).

    >>> bucket_of("story"), bucket_of("2024/story")
    (56, 38)
    """
    return zlib.crc32(slug.encode("utf-8", "surrogatepass")) % BUCKETS


def load_rows(root: Path, key: str, kind: str) -> dict[str, Any]:
    """The rows of the index pages of ``kind`` kept by the project at ``root`` under ``key`` (a run's
    code, configuration and options), by article slug: what :func:`save_rows` was given, but for the
    buckets whose signature does not hold."""
    secret = local_key()
    path = root / INDEX_ROWS
    if secret is None or not path.is_file():
        return {}
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as db:
            stored = db.execute("SELECT bucket, data FROM rows WHERE kind = ?", (kind,)).fetchall()
    except sqlite3.Error:
        return {}
    rows: dict[str, Any] = {}
    with no_collection():  # an archive's rows are a million tuples and strings, none in a cycle
        for bucket, data in stored:
            _load_bucket(secret, key, kind, bucket, data, rows)
    return rows


def _load_bucket(
    secret: bytes, key: str, kind: str, bucket: object, data: object, rows: dict[str, Any]
) -> None:
    """Add the rows of ``bucket`` (its stored ``data``) to ``rows`` when its signature holds."""
    if type(bucket) is not int or type(data) is not bytes:
        return
    signed = signed_part(secret, data, _context(key, kind, bucket))
    if signed is None:
        return  # not written by this user's transpub on this machine, for this run's key
    try:
        kept = marshal.loads(signed)
    except (ValueError, EOFError, TypeError):
        return
    if type(kept) is dict:
        rows.update(kept)


def save_rows(root: Path, key: str, kind: str, rows: dict[str, Any], kept: dict[str, Any]) -> None:
    """Keep ``rows`` (by article slug, plain values marshal takes) of the index pages of ``kind`` under
    ``key``: the buckets whose rows differ from ``kept`` (what :func:`load_rows` gave) are written,
    those left with no article dropped. Nothing is kept when there is no key to sign with."""
    secret = local_key()
    if secret is None:
        return
    new, old = _by_bucket(rows), _by_bucket(kept)
    path = root / INDEX_ROWS

    def write(anew: bool) -> None:  # (anew: every bucket, the file it was compared with gone)
        changed = [
            (kind, bucket, with_signature(secret, marshal.dumps(held), _context(key, kind, bucket)))
            for bucket, held in new.items()
            if anew or old.get(bucket) != held
        ]
        _write(path, kind, changed, list(new))

    try:
        if not write_or_start_anew(path, write):
            return
    except ValueError:
        return
    for old_file in _OLD_INDEX_ROWS:
        with contextlib.suppress(OSError):
            (root / old_file).unlink(missing_ok=True)


def _by_bucket(rows: dict[str, Any]) -> dict[int, dict[str, Any]]:
    buckets: dict[int, dict[str, Any]] = {}
    for slug, value in rows.items():
        bucket = bucket_of(slug)
        held = buckets.get(bucket)
        if held is None:
            held = buckets[bucket] = {}
        held[slug] = value
    return buckets


def _write(path: Path, kind: str, changed: list[tuple[str, int, bytes]], buckets: list[int]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    unlink_link(path)  # never written through a link (one restored with a cache)
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db, db:
        # a cache whose rows are signed: a file damaged by a crash keeps no row, so no sync
        db.execute("PRAGMA synchronous = OFF")
        db.execute(
            "CREATE TABLE IF NOT EXISTS rows (kind TEXT, bucket INTEGER, data BLOB, PRIMARY KEY (kind, bucket))"
        )
        if changed:
            db.executemany("INSERT OR REPLACE INTO rows (kind, bucket, data) VALUES (?, ?, ?)", changed)
        held = set(buckets)
        gone = [
            (kind, bucket)
            for (bucket,) in db.execute("SELECT bucket FROM rows WHERE kind = ?", (kind,))
            if bucket not in held
        ]
        if gone:
            db.executemany("DELETE FROM rows WHERE kind = ? AND bucket = ?", gone)


def _context(key: str, kind: str, bucket: int) -> bytes:
    """What a bucket's rows are signed as: the run's key, the kind of index page and the bucket."""
    return f"index rows\0{key}\0{kind}\0{bucket}".encode("utf-8", "surrogatepass")
