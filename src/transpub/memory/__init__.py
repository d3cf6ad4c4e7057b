"""Translation memory: a SQLite file under the project (default) or a shared PostgreSQL database.

It remembers two kinds of translations:

- ``human``: reviewed translations (translated, non-fuzzy PO entries), harvested at every run;
- ``mt``: every machine translation ever received, keyed by engine and language pair, stored
  the moment its batch comes back, so a segment is never paid for twice, even after a crash.
  Origin ``<engine>``: a whole text's reply; ``<engine>:piece``: the reply to one piece of a
  text split for the engine's length limit (keyed by the masked piece as sent);
  ``<engine>:rejected``: a reply that broke placeholders or glossary terms.

:func:`open_memory` picks the store from ``[paths] memory`` or ``TRANSPUB_MEMORY_URL`` (which
wins): a path is a SQLite file (embedded, nothing to install), a ``postgresql://`` URL a database
shared by many machines (:mod:`transpub.memory_postgresql`). Both behave the same: exact lookups
prefer human work; close matches are candidates found by trigrams (SQLite FTS5's trigram
tokenizer, PostgreSQL's pg_trgm) within a length window of the query, scored by rapidfuzz's
ratio (0–100), never a scan of every row. Before a text is sent to an engine it is *claimed*
(:meth:`TranslationMemory.claim`), so two workers translating the same text at once pay for it
once; a claim expires, so a killed worker blocks nobody for long, and the next claim of any worker
removes the expired ones. A paid reply the memory refuses
(it stopped answering) is kept in the project until the next run stores it (:mod:`.unsaved`).

The schema is versioned (``PRAGMA user_version``); an older SQLite file is brought up to date when
opened, and ``transpub memory migrate`` does it explicitly (PostgreSQL is only migrated so).
:meth:`TranslationMemory.snapshot` gives a copy in memory for dry runs.
"""

from __future__ import annotations

import contextlib
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ..errors import MemoryStoreError
from .base import (
    CLAIM_SECONDS,
    HUMAN,
    SCHEMA_VERSION,
    MemoryEntry,
    MemoryMatch,
    MemoryStats,
    MemoryStore,
    describe_location,
)
from .sqlite import TranslationMemory

__all__ = [
    "CLAIM_SECONDS",
    "HUMAN",
    "SCHEMA_VERSION",
    "MemoryEntry",
    "MemoryMatch",
    "MemoryStats",
    "MemoryStore",
    "TranslationMemory",
    "describe_location",
    "migrate_memory",
    "open_memory",
]

_URL = re.compile(r"^postgres(?:ql)?://", re.I)


def open_memory(location: str | Path, *, dry_run: bool = False) -> MemoryStore:
    """The memory at ``location`` (``Project.memory_location``: a SQLite path or a ``postgresql://`` URL).

    ``dry_run`` opens it so that nothing is written: a SQLite file is copied into memory, a
    PostgreSQL database is read in read-only transactions with additions kept in the process.
    """
    if isinstance(location, str) and _URL.match(location):
        from .postgresql import PostgresMemory  # psycopg is only needed for a shared memory

        return PostgresMemory(location, read_only=dry_run)
    with _readable(location):
        return TranslationMemory.snapshot(location) if dry_run else TranslationMemory(location)


@contextlib.contextmanager
def _readable(location: str | Path) -> Iterator[None]:
    """A SQLite file that is no memory (damaged, or another file put there) is one error naming it,
    and is left as it is: it may hold translations paid for."""
    try:
        yield
    except sqlite3.OperationalError as exc:  # (busy, locked, no room: the file may be sound, left as it is)
        busy = "locked" in str(exc) or "busy" in str(exc)
        hint = ": another process is writing it; run again when it is done" if busy else ""
        raise MemoryStoreError(f"cannot be opened ({exc}){hint}", str(location)) from None
    except sqlite3.DatabaseError as exc:
        raise MemoryStoreError(
            f"cannot be read as a translation memory ({exc}); restore it from a backup, or move it "
            "away to start with an empty memory",
            str(location),
        ) from None


def migrate_memory(location: str | Path) -> tuple[int, int]:
    """Bring the memory at ``location`` to the current schema: (version before, version after)."""
    if isinstance(location, str) and _URL.match(location):
        from .postgresql import PostgresMemory

        with PostgresMemory(location, migrating=True) as shared:
            return shared.migrate()
    with _readable(location), TranslationMemory(location) as local:
        return local.migrated_from, SCHEMA_VERSION
