"""Translation memory: a SQLite file under the project (``.transpub/memory.sqlite``).

It remembers two kinds of translations:

- ``human``: reviewed translations (translated, non-fuzzy PO entries), harvested at every run;
- ``mt``: every machine translation ever received, keyed by engine and language pair, stored
  the moment its batch comes back, so a segment is never paid for twice, even after a crash.
  Origin ``<engine>``: a whole text's reply; ``<engine>:piece``: the reply to one piece of a
  text split for the engine's length limit (keyed by the masked piece as sent);
  ``<engine>:rejected``: a reply that broke placeholders or glossary terms.

:meth:`TranslationMemory.snapshot` gives a copy in memory for dry runs: it reads what the file
holds and writes nowhere.

Exact lookups prefer human work; close matches (rapidfuzz ratio, 0–100) are found among the
entries of the same language pair whose length is near the query's.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

SCHEMA = """
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
"""
#: Columns added after the first release (kept nullable, so older memories open unchanged).
_LATER_COLUMNS = {"changed": "REAL", "creator": "TEXT"}

HUMAN = "human"


@dataclass(frozen=True)
class MemoryEntry:
    """One stored translation with its dates (seconds since the epoch) and who made it."""

    source_lang: str
    target_lang: str
    origin: str
    source: str
    target: str
    created: float
    changed: float | None = None
    creator: str | None = None


@dataclass(frozen=True)
class MemoryStats:
    """How many translations one language pair holds from one origin, and their source characters."""

    source_lang: str
    target_lang: str
    origin: str
    entries: int
    source_chars: int


@dataclass(frozen=True)
class MemoryMatch:
    """A translation found in the memory; ``score`` is 100 for an exact match."""

    source: str
    target: str
    origin: str
    score: float


class TranslationMemory:
    """The project's translation memory (thread-safe; use as a context manager)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path) if str(path) != ":memory:" else path
        if isinstance(self.path, Path):
            self.path.parent.mkdir(parents=True, exist_ok=True)
        self._db = sqlite3.connect(str(path), check_same_thread=False, timeout=30)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)
        _add_later_columns(self._db)
        self._lock = threading.Lock()

    @classmethod
    def snapshot(cls, path: Path | str) -> TranslationMemory:
        """A copy in memory of the memory at ``path`` (empty when there is none).

        Nothing is created or changed on disk: the file is read without locking (``immutable``)
        unless a write-ahead log is beside it (an unfinished or running session), then read-only.
        """
        memory = cls(":memory:")
        path = Path(path)
        if path.is_file():
            wal = path.with_name(path.name + "-wal").exists()
            uri = path.resolve().as_uri() + ("?mode=ro" if wal else "?immutable=1")
            source = sqlite3.connect(uri, uri=True)
            try:
                source.backup(memory._db)
            finally:
                source.close()
            memory._db.executescript(SCHEMA)
            _add_later_columns(memory._db)
        return memory

    def __enter__(self) -> TranslationMemory:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database."""
        self._db.close()

    def add(
        self, source_lang: str, target_lang: str, pairs: list[tuple[str, str]], origin: str = HUMAN
    ) -> int:
        """Store ``(source, target)`` pairs (replacing older ones of the same origin); committed at once."""
        rows = [(source_lang, target_lang, origin, s, t, time.time()) for s, t in pairs if s and t]
        with self._lock, self._db:
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
        n = len(source)
        low, high = int(n * min_score / 100) - 1, int(n * 100 / max(min_score, 1)) + 1
        only = f" AND origin IN ({', '.join('?' * len(origins))})" if origins else ""
        with self._lock:
            rows = self._db.execute(
                "SELECT source, target, origin FROM memory WHERE source_lang = ? AND target_lang = ? "
                "AND length(source) BETWEEN ? AND ? AND source != ?" + only,
                (source_lang, target_lang, low, high, source, *(origins or ())),
            ).fetchall()
        if not rows:
            return []
        found = process.extract(
            source, [r[0] for r in rows], scorer=fuzz.ratio, score_cutoff=min_score, limit=limit * 3
        )
        matches = [MemoryMatch(rows[i][0], rows[i][1], rows[i][2], round(score, 1)) for _, score, i in found]
        matches.sort(key=lambda m: (-m.score, m.origin != HUMAN))
        return matches[:limit]

    def count(self) -> int:
        """How many translations are stored."""
        with self._lock:
            return self._db.execute("SELECT count(*) FROM memory").fetchone()[0]

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
        added = updated = 0
        with self._lock, self._db:
            for entry in entries:
                when = entry.changed or entry.created
                row = self._db.execute(
                    "SELECT coalesce(changed, created), target FROM memory WHERE source_lang = ? AND target_lang = ? "
                    "AND origin = ? AND source = ?",
                    (entry.source_lang, entry.target_lang, entry.origin, entry.source),
                ).fetchone()
                if row is not None and (row[0] >= when or row[1] == entry.target):
                    continue
                self._db.execute(
                    "INSERT OR REPLACE INTO memory (source_lang, target_lang, origin, source, target, created, "
                    "changed, creator) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
                if row is None:
                    added += 1
                else:
                    updated += 1
        return added, updated

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
    db.commit()
