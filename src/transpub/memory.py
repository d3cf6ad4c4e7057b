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

HUMAN = "human"


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
                "INSERT INTO memory VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
                "target = excluded.target, created = excluded.created "
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
