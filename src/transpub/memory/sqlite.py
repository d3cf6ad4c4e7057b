"""The translation memory in a SQLite file (the default: embedded, nothing to install)."""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator, Sequence, Sized
from pathlib import Path

from ..errors import MemoryNotConfigured, MemoryStoreError
from .base import (
    CANDIDATES,
    CLAIM_SECONDS,
    HUMAN,
    SCHEMA_VERSION,
    MemoryEntry,
    MemoryMatch,
    MemoryStats,
    StoreConnection,
    answering,
    best_matches,
    length_window,
    merge_newer,
    probes,
    worker_id,
)

#: How long a worker waits for another process's write lock on the file before it gives up.
BUSY_SECONDS = 30.0
#: Columns added after the first release (kept nullable, so older memories open unchanged).
_LATER_COLUMNS = {"changed": "REAL", "creator": "TEXT"}
#: Close-match candidates: the FTS5 trigram index is the outer loop (CROSS JOIN keeps SQLite from
#: walking every row of the language pair instead), best-ranked first.
CLOSE_BY_TRIGRAMS = (
    "SELECT m.source, m.target, m.origin FROM memory_trigrams CROSS JOIN memory m "
    "ON m.rowid = memory_trigrams.rowid WHERE memory_trigrams MATCH ? AND m.source_lang = ? "
    "AND m.target_lang = ? AND length(m.source) BETWEEN ? AND ? AND m.source != ?{only} "
    "ORDER BY memory_trigrams.rank LIMIT {candidates}"
)

#: Each new row's source goes into the trigram index (a batch of many rows does it in one statement).
_INSERT_TRIGGER = """CREATE TRIGGER IF NOT EXISTS memory_trigrams_insert AFTER INSERT ON memory BEGIN
    INSERT INTO memory_trigrams(rowid, source) VALUES (new.rowid, new.source);
END"""
#: From this many rows on, a write indexes its new rows' trigrams together, after inserting them:
#: a statement over all of them is about 2.5 times faster than the trigger row by row.
BATCH_INDEXING = 200

_MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE IF NOT EXISTS memory (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    origin TEXT NOT NULL,           -- 'human' or the engine name
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    created REAL NOT NULL,
    PRIMARY KEY (source_lang, target_lang, origin, source)
);
CREATE INDEX IF NOT EXISTS memory_pair_len ON memory (source_lang, target_lang, length(source));
""",
    2: f"""
CREATE VIRTUAL TABLE IF NOT EXISTS memory_trigrams USING fts5(
    source, content='memory', content_rowid='rowid', tokenize='trigram'
);
INSERT INTO memory_trigrams(memory_trigrams) VALUES ('rebuild');
{_INSERT_TRIGGER};
CREATE TRIGGER IF NOT EXISTS memory_trigrams_delete AFTER DELETE ON memory BEGIN
    INSERT INTO memory_trigrams(memory_trigrams, rowid, source) VALUES ('delete', old.rowid, old.source);
END;
CREATE TABLE IF NOT EXISTS claims (
    source_lang TEXT NOT NULL,
    target_lang TEXT NOT NULL,
    origin TEXT NOT NULL,
    source TEXT NOT NULL,
    owner TEXT NOT NULL,
    expires REAL NOT NULL,
    PRIMARY KEY (source_lang, target_lang, origin, source)
);
""",
}


def _refuse_a_folder(path: Path) -> None:
    """MemoryNotConfigured naming ``path`` when it is a folder (``[paths] memory = ".transpub"``)."""
    if path.is_dir():
        raise MemoryNotConfigured(
            f"{path} is a folder: [paths] memory names the translation memory's file "
            "(for example .transpub/memory.sqlite)"
        )


class TranslationMemory(StoreConnection):
    """The project's translation memory in a SQLite file (thread-safe; use as a context manager)."""

    #: The file a :meth:`snapshot` was copied from (its size is the memory's).
    copied_from: Path | None = None

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else path
        if isinstance(self.path, Path):
            _refuse_a_folder(self.path)
            self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=BUSY_SECONDS)
        except sqlite3.Error as exc:
            raise MemoryStoreError(f"cannot open the translation memory {path}: {exc}") from None
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._lock = threading.Lock()
        self.owner = worker_id()
        self.migrated_from, _ = self.migrate()

    def schema_version(self) -> int:
        """The schema version of the file (0 for a file made before versions were kept)."""
        return int(self._db.execute("PRAGMA user_version").fetchone()[0])

    def migrate(self) -> tuple[int, int]:
        """Bring the schema up to :data:`SCHEMA_VERSION`; returns (version before, version after)."""
        before = self.schema_version()
        if before > SCHEMA_VERSION:
            raise MemoryStoreError(
                f"the translation memory has schema version {before}, made by a newer transpub "
                f"(this one knows version {SCHEMA_VERSION}); upgrade transpub",
                str(self.path),
            )
        with self._lock, self._db:
            for version in range(before + 1, SCHEMA_VERSION + 1):
                self._db.executescript(_MIGRATIONS[version])
            _add_later_columns(self._db)
            self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        return before, SCHEMA_VERSION

    @classmethod
    def snapshot(cls, path: Path | str) -> TranslationMemory:
        """A copy in memory of the memory at ``path`` (empty when there is none).

        Nothing is created or changed on disk: the file is read without locking (``immutable``)
        unless a write-ahead log is beside it (an unfinished or running session), then read-only.
        """
        path = Path(path)
        _refuse_a_folder(path)
        memory = cls(":memory:")
        memory.copied_from = path
        if path.is_file():
            wal = path.with_name(path.name + "-wal").exists()
            uri = path.resolve().as_uri() + ("?mode=ro" if wal else "?immutable=1")
            source = sqlite3.connect(uri, uri=True)
            try:
                source.backup(memory._db)
            finally:
                source.close()
            memory.migrate()
        return memory

    def add(
        self, source_lang: str, target_lang: str, pairs: list[tuple[str, str]], origin: str = HUMAN
    ) -> int:
        """Store ``(source, target)`` pairs (replacing older ones of the same origin); committed at once."""
        rows = [(source_lang, target_lang, origin, s, t, time.time()) for s, t in pairs if s and t]
        with self._writing(len(rows)):
            self._db.executemany(
                "INSERT INTO memory (source_lang, target_lang, origin, source, target, created) "
                "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "target = excluded.target, created = excluded.created, changed = NULL "
                "WHERE memory.target != excluded.target",
                rows,
            )
        return len(rows)

    def exact(
        self, source_lang: str, target_lang: str, source: str, origins: tuple[str, ...] | None = None
    ) -> MemoryMatch | None:
        """The stored translation of exactly ``source``: human work first, then the newest MT."""
        with self._lock:
            rows = self._db.execute(
                "SELECT origin, target FROM memory WHERE source_lang = ? AND target_lang = ? AND source = ? "
                "ORDER BY origin = 'human' DESC, created DESC",
                (source_lang, target_lang, source),
            ).fetchall()
        for origin, target in rows:
            if origins is None or origin in origins:
                return MemoryMatch(source, target, origin, 100.0)
        return None

    def lookup(
        self, source_lang: str, target_lang: str, sources: Iterable[str], origin: str
    ) -> dict[str, str]:
        """The stored translations of ``origin`` for those of ``sources`` that have one."""
        wanted = list(dict.fromkeys(sources))
        found: dict[str, str] = {}
        with self._lock:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                marks = ", ".join("?" * len(chunk))
                found.update(
                    self._db.execute(
                        f"SELECT source, target FROM memory WHERE source_lang = ? AND target_lang = ? AND origin = ? "
                        f"AND source IN ({marks})",
                        (source_lang, target_lang, origin, *chunk),
                    ).fetchall()
                )
        return found

    def forget(self, source_lang: str, target_lang: str, sources: Iterable[str], origin: str) -> None:
        """Remove the translations of ``origin`` for ``sources`` (committed at once)."""
        rows = [(source_lang, target_lang, origin, s) for s in sources]
        with self._lock, self._db:
            self._db.executemany(
                "DELETE FROM memory WHERE source_lang = ? AND target_lang = ? AND origin = ? AND source = ?",
                rows,
            )

    def close_matches(
        self,
        source_lang: str,
        target_lang: str,
        source: str,
        min_score: float = 75.0,
        limit: int = 3,
        origins: tuple[str, ...] | None = None,
    ) -> list[MemoryMatch]:
        """Stored translations of sources at least ``min_score`` similar (best first; no exact ones),
        among ``origins`` (default: every origin)."""
        low, high = length_window(len(source), min_score)
        only = f" AND m.origin IN ({', '.join('?' * len(origins))})" if origins else ""
        pieces = probes(source)
        if pieces:  # candidates holding one of the query's probes, found through the FTS5 trigram index
            query = " OR ".join('"' + p.replace('"', '""') + '"' for p in pieces)
            sql = CLOSE_BY_TRIGRAMS.format(only=only, candidates=CANDIDATES)
            arguments: tuple[object, ...] = (query, source_lang, target_lang, low, high, source)
        else:  # under three characters: the length window alone is tiny
            sql = (
                "SELECT m.source, m.target, m.origin FROM memory m WHERE m.source_lang = ? AND "
                "m.target_lang = ? AND length(m.source) BETWEEN ? AND ? AND m.source != ?" + only
            )
            arguments = (source_lang, target_lang, low, high, source)
        with self._lock:
            rows = self._db.execute(sql, (*arguments, *(origins or ()))).fetchall()
        return best_matches(source, rows, min_score, limit)

    def claim(
        self,
        source_lang: str,
        target_lang: str,
        origin: str,
        sources: Sequence[str],
        seconds: float = CLAIM_SECONDS,
    ) -> set[str]:
        """Claim ``sources`` for sending to ``origin``; returns those this worker now holds.

        A text nobody holds, whose claim expired, or that this worker already holds is taken
        (and its claim renewed); a text another worker holds is left to it. Expired claims (of any
        text: a killed worker's, nobody holds them any more) are removed first.
        """
        now = time.time()
        rows = [
            (source_lang, target_lang, origin, s, self.owner, now + seconds) for s in dict.fromkeys(sources)
        ]
        with self._lock, self._db:
            self._db.execute("DELETE FROM claims WHERE expires < ?", (now,))
            self._db.executemany(
                "INSERT INTO claims VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "owner = excluded.owner, expires = excluded.expires "
                "WHERE claims.expires < ? OR claims.owner = excluded.owner",
                [(*row, now) for row in rows],
            )
            held = self._db.execute(
                "SELECT source FROM claims WHERE source_lang = ? AND target_lang = ? AND origin = ? AND owner = ?",
                (source_lang, target_lang, origin, self.owner),
            ).fetchall()
        wanted = set(sources)
        return {source for (source,) in held if source in wanted}

    def release(self, source_lang: str, target_lang: str, origin: str, sources: Iterable[str]) -> None:
        """Give up this worker's claims on ``sources`` (their replies are stored, or they failed)."""
        rows = [(source_lang, target_lang, origin, s, self.owner) for s in sources]
        with self._lock, self._db:
            self._db.executemany(
                "DELETE FROM claims WHERE source_lang = ? AND target_lang = ? AND origin = ? AND source = ? "
                "AND owner = ?",
                rows,
            )

    def count(self) -> int:
        """How many translations are stored."""
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM memory").fetchone()[0])

    def entries(self, target_lang: str | None = None) -> list[MemoryEntry]:
        """Every stored translation (of one target language, when given), oldest first."""
        only = " WHERE target_lang = ?" if target_lang else ""
        with self._lock:
            rows = self._db.execute(
                "SELECT source_lang, target_lang, origin, source, target, created, changed, creator FROM memory"
                + only
                + " ORDER BY created, source",
                (target_lang,) if target_lang else (),
            ).fetchall()
        return [MemoryEntry(*row) for row in rows]

    def merge(self, entries: Iterable[MemoryEntry]) -> tuple[int, int]:
        """Store ``entries``, keeping the newer of two translations of one source: (added, updated)."""

        def stored(entry: MemoryEntry) -> tuple[float, str] | None:
            return self._db.execute(
                "SELECT coalesce(changed, created), target FROM memory WHERE source_lang = ? AND target_lang = ? "
                "AND origin = ? AND source = ?",
                (entry.source_lang, entry.target_lang, entry.origin, entry.source),
            ).fetchone()

        def write(entry: MemoryEntry) -> None:
            self._db.execute(  # an upsert, not REPLACE: the row keeps its rowid and trigram index entry
                "INSERT INTO memory (source_lang, target_lang, origin, source, target, created, changed, creator) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET target = excluded.target, "
                "created = excluded.created, changed = excluded.changed, creator = excluded.creator",
                (
                    entry.source_lang,
                    entry.target_lang,
                    entry.origin,
                    entry.source,
                    entry.target,
                    entry.created,
                    entry.changed,
                    entry.creator,
                ),
            )

        if not isinstance(entries, Sized):  # (an import's entries come from a file: counted, not listed)
            entries = list(entries)
        with self._writing(len(entries)):
            return merge_newer(entries, stored, write)

    @contextlib.contextmanager
    def _writing(self, rows: int) -> Iterator[None]:
        """One transaction for a write of ``rows`` rows; from :data:`BATCH_INDEXING` rows on, the new
        rows' trigrams are indexed together at its end (the insert trigger is dropped for it and made
        again, all in the transaction: no other writer ever sees the table without it)."""
        with self._lock, self._db:
            if rows < BATCH_INDEXING:
                yield
                return
            self._db.execute("BEGIN IMMEDIATE")  # DDL would otherwise run outside the transaction
            self._db.execute("DROP TRIGGER IF EXISTS memory_trigrams_insert")
            top = self._db.execute("SELECT coalesce(max(rowid), 0) FROM memory").fetchone()[0]
            yield
            self._db.execute(
                "INSERT INTO memory_trigrams(rowid, source) SELECT rowid, source FROM memory WHERE rowid > ?",
                (top,),
            )
            self._db.execute(_INSERT_TRIGGER)

    def size(self) -> int:
        """Bytes the memory takes on disk: its file, and the journal beside it while one is open."""
        where = self.copied_from or self.path
        if not isinstance(where, Path):
            return 0
        return sum(
            path.stat().st_size for path in (where, where.with_name(where.name + "-wal")) if path.is_file()
        )

    def stats(self) -> list[MemoryStats]:
        """Entries and source characters per language pair and origin."""
        with self._lock:
            rows = self._db.execute(
                "SELECT source_lang, target_lang, origin, count(*), sum(length(source)) FROM memory "
                "GROUP BY source_lang, target_lang, origin ORDER BY source_lang, target_lang, origin"
            ).fetchall()
        return [MemoryStats(*row) for row in rows]


def _add_later_columns(db: sqlite3.Connection) -> None:
    """Add the columns a memory written by an older transpub lacks."""
    present = {row[1] for row in db.execute("PRAGMA table_info(memory)")}
    for name, kind in _LATER_COLUMNS.items():
        if name not in present:
            db.execute(f"ALTER TABLE memory ADD COLUMN {name} {kind}")


#: The methods that use the file (an error of SQLite while one runs is one MemoryStoreError).
_USING_THE_FILE = (
    "add", "exact", "lookup", "forget", "close_matches", "claim", "release", "count", "entries", "merge",
    "stats",
)  # fmt: skip
answering(
    TranslationMemory,
    _USING_THE_FILE,
    lambda: sqlite3.Error,
    lambda store, exc: f"the translation memory {store.path} failed: {exc}",
)
