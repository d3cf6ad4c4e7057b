"""The translation memory in PostgreSQL, shared by every machine of a newsroom's CI (psycopg 3).

It behaves as the SQLite store of :mod:`transpub.memory` does. Rows are keyed by a SHA-256 of the
source text (a B-tree cannot index long paragraphs themselves); close matches are candidates from
a pg_trgm GIN index (rows holding pieces of the query) in a length window, re-scored with the same rapidfuzz ratio as on SQLite.
Claims use the database's clock, so workers on machines whose clocks differ agree on expiry, and
an ``INSERT … ON CONFLICT DO UPDATE … WHERE expired`` makes taking a claim atomic; expired claims
are removed by the next claim of any worker.

The schema is created in an empty database; an older one is only upgraded by
``transpub memory migrate`` (never by a worker that happens to start first).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterable, Sequence
from typing import Any

from ..errors import ConfigError, MemoryNotConfigured, MemoryStoreError
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
    describe_location,
    hide_secrets,
    length_window,
    merge_newer,
    probes,
    worker_id,
)

_MIGRATIONS: dict[int, str] = {
    1: """
CREATE TABLE IF NOT EXISTS memory (
    source_lang text NOT NULL,
    target_lang text NOT NULL,
    origin text NOT NULL,
    source_hash bytea NOT NULL,
    source text NOT NULL,
    target text NOT NULL,
    created double precision NOT NULL,
    changed double precision,
    creator text,
    PRIMARY KEY (source_hash, source_lang, target_lang, origin)  -- the hash first: exact lookups
);
""",
    2: """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS memory_source_trgm ON memory USING gin (source gin_trgm_ops);
CREATE TABLE IF NOT EXISTS claims (
    source_lang text NOT NULL,
    target_lang text NOT NULL,
    origin text NOT NULL,
    source_hash bytea NOT NULL,
    owner text NOT NULL,
    expires double precision NOT NULL,
    PRIMARY KEY (source_lang, target_lang, origin, source_hash)
);
""",
}
#: Close-match candidates: rows holding one of the query's probes (``LIKE '%probe%'``, served by the
#: pg_trgm GIN index as a union of bitmap scans), those holding the most probes first. The probes are
#: looked up alone (a materialized CTE) with sequential scans off for that one transaction: the
#: planner's estimate for trigram LIKE is so pessimistic that it read every row instead (530 ms a
#: lookup at 100,000 entries with the ``%`` operator and a GiST index, 15 ms through the probes).
CLOSE_BY_TRIGRAMS = (
    "WITH hits AS MATERIALIZED (SELECT source_lang, target_lang, origin, source, target FROM memory "
    "WHERE {matches}) "
    "SELECT source, target, origin FROM hits WHERE source_lang = %s AND target_lang = %s "
    "AND length(source) BETWEEN %s AND %s AND source <> %s{only} "
    "ORDER BY {score} DESC LIMIT {candidates}"
)


def close_match_query(pieces: list[str], only: str = "") -> str:
    """:data:`CLOSE_BY_TRIGRAMS` for ``len(pieces)`` probes (patterns passed first to find, last to score)."""
    return CLOSE_BY_TRIGRAMS.format(
        matches=" OR ".join(["source LIKE %s"] * len(pieces)),
        score=" + ".join(["(source LIKE %s)::int"] * len(pieces)),
        only=only,
        candidates=CANDIDATES,
    )


def like_pattern(piece: str) -> str:
    r"""``%piece%`` with LIKE's special characters escaped.

    >>> like_pattern("50% off_")
    '%50\\% off\\_%'
    """
    return "%" + piece.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_NOW = "extract(epoch from clock_timestamp())"
_LOCK_KEY = 0x7472616E73707562  # "transpub": serialises schema changes between workers


def source_hash(text: str) -> bytes:
    """The key of a source text: SHA-256 of its UTF-8 bytes."""
    return hashlib.sha256(text.encode("utf-8")).digest()


class PostgresMemory(StoreConnection):
    """A translation memory in a PostgreSQL database (thread-safe; use as a context manager)."""

    def __init__(self, url: str, *, read_only: bool = False, migrating: bool = False) -> None:
        """Connect; an empty database gets the schema, an older one is refused unless ``migrating``."""
        try:
            import psycopg
        except ImportError as exc:  # pragma: no cover - the extra is part of the lock
            raise MemoryStoreError(
                "a postgresql:// memory needs psycopg: pip install 'transpub[postgresql]'"
            ) from exc
        self.path = describe_location(url)
        self._url = url  # (only to keep its secrets out of messages)
        self.read_only = read_only
        self.owner = worker_id()
        self._lock = threading.Lock()
        self._overlay: dict[tuple[str, str, str, str], str] = {}  # a dry run's additions
        try:  # a URL that cannot be read is a mistake in the settings, not a database that is down
            psycopg.conninfo.conninfo_to_dict(url)
        except psycopg.Error as exc:
            raise ConfigError(
                f"the memory URL {self.path} cannot be read: {hide_secrets(_first_line(exc), url)} "
                "(TRANSPUB_MEMORY_URL or [paths] memory)"
            ) from None
        try:
            self._db: Any = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            why = hide_secrets(_first_line(exc), url)
            if bad_value := _BAD_OPTION_VALUE.search(why):  # (libpq reads the values only now)
                raise ConfigError(
                    f"the memory URL {self.path} cannot be read: {why[bad_value.start() :]} "
                    "(TRANSPUB_MEMORY_URL or [paths] memory)"
                ) from None
            hint = (
                " (give the password in PGPASSWORD or a .pgpass file)"
                if "password" in why and ("authentication" in why or "no password" in why)
                else ""
            )
            refused = MemoryNotConfigured if _REFUSED_SETTINGS.search(why) else MemoryStoreError
            raise refused(f"cannot connect to the translation memory at {self.path}: {why}{hint}") from exc
        version = self.schema_version()
        if version == 0 and not read_only and not migrating:  # (migrate says it set it up)
            # set up under the lock: another worker may be doing it now
            _, version = self.migrate(only_if_empty=True)
        fresh = version == 0 and not self._has_tables()
        if version > SCHEMA_VERSION:
            raise MemoryStoreError(
                f"the translation memory at {self.path} has schema version {version}, made by a newer "
                f"transpub (this one knows version {SCHEMA_VERSION}); upgrade transpub"
            )
        if version < SCHEMA_VERSION and not fresh and not migrating:
            raise MemoryStoreError(
                f"the translation memory at {self.path} has schema version {version}; "
                f"run `transpub memory migrate` to bring it to version {SCHEMA_VERSION}"
            )
        if read_only:
            self._db.read_only = True
        self._empty = fresh and read_only  # a dry run against a database nobody has set up yet

    # --- schema -------------------------------------------------------------------------------
    def _has_tables(self) -> bool:
        row = self._db.execute("SELECT to_regclass('memory') IS NOT NULL").fetchone()
        return bool(row[0])

    def schema_version(self) -> int:
        """The schema version of the database (0 when transpub has not set one up)."""
        with self._lock:
            exists = self._db.execute("SELECT to_regclass('transpub_schema') IS NOT NULL").fetchone()[0]
            if not exists:
                return 0
            row = self._db.execute("SELECT max(version) FROM transpub_schema").fetchone()
        return int(row[0] or 0)

    def migrate(self, *, only_if_empty: bool = False) -> tuple[int, int]:
        """Bring the schema up to :data:`SCHEMA_VERSION` in one transaction; (before, after).

        With ``only_if_empty`` a database that has a schema already (another worker set it up
        first) is left as it is: (its version, its version).
        """
        import psycopg

        with self._lock:
            try:
                with self._db.transaction():
                    self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
                    self._db.execute("CREATE TABLE IF NOT EXISTS transpub_schema (version integer NOT NULL)")
                    row = self._db.execute("SELECT max(version) FROM transpub_schema").fetchone()
                    before = int(row[0] or 0)
                    if only_if_empty and (before or self._has_tables()):
                        return before, before
                    for version in range(before + 1, SCHEMA_VERSION + 1):
                        self._db.execute(_MIGRATIONS[version])
                    if before < SCHEMA_VERSION:
                        self._db.execute("DELETE FROM transpub_schema")
                        self._db.execute("INSERT INTO transpub_schema VALUES (%s)", (SCHEMA_VERSION,))
            except psycopg.Error as exc:
                raise MemoryStoreError(
                    f"cannot set up the translation memory at {self.path}: {_first_line(exc)} "
                    "(the role needs CREATE on the database, and pg_trgm must be installable)"
                ) from exc
        return before, SCHEMA_VERSION

    # --- the store ----------------------------------------------------------------------------
    def add(
        self, source_lang: str, target_lang: str, pairs: list[tuple[str, str]], origin: str = HUMAN
    ) -> int:
        """Store ``(source, target)`` pairs (replacing older ones of the same origin)."""
        kept = [(s, t) for s, t in pairs if s and t]
        if self.read_only:
            for s, t in kept:
                self._overlay[(source_lang, target_lang, origin, s)] = t
            return len(kept)
        rows = [(source_lang, target_lang, origin, source_hash(s), s, t) for s, t in kept]
        with self._lock, self._db.transaction(), self._db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO memory (source_lang, target_lang, origin, source_hash, source, target, created) "
                "VALUES (%s, %s, %s, %s, %s, %s, " + _NOW + ") "
                "ON CONFLICT (source_hash, source_lang, target_lang, origin) DO UPDATE SET "
                "target = EXCLUDED.target, created = EXCLUDED.created, changed = NULL "
                "WHERE memory.target <> EXCLUDED.target",
                rows,
            )
        return len(rows)

    def exact(
        self, source_lang: str, target_lang: str, source: str, origins: tuple[str, ...] | None = None
    ) -> MemoryMatch | None:
        """The stored translation of exactly ``source``: human work first, then the newest MT."""
        for (sl, tl, origin, text), target in self._overlay.items():
            if (sl, tl, text) == (source_lang, target_lang, source) and (
                origins is None or origin in origins
            ):
                return MemoryMatch(source, target, origin, 100.0)
        if self._empty:
            return None
        with self._lock:
            rows = self._db.execute(
                "SELECT origin, target FROM memory WHERE source_lang = %s AND target_lang = %s "
                "AND source_hash = %s AND source = %s ORDER BY origin = 'human' DESC, created DESC",
                (source_lang, target_lang, source_hash(source), source),
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
        if wanted and not self._empty:
            with self._lock:
                rows = self._db.execute(
                    "SELECT source, target FROM memory WHERE source_lang = %s AND target_lang = %s "
                    "AND origin = %s AND source_hash = ANY(%s)",
                    (source_lang, target_lang, origin, [source_hash(s) for s in wanted]),
                ).fetchall()
            found.update(rows)
        for s in wanted:
            overlaid = self._overlay.get((source_lang, target_lang, origin, s))
            if overlaid is not None:
                found[s] = overlaid
        return {s: found[s] for s in wanted if s in found}

    def forget(self, source_lang: str, target_lang: str, sources: Iterable[str], origin: str) -> None:
        """Remove the translations of ``origin`` for ``sources``."""
        hashes = [source_hash(s) for s in sources]
        if self.read_only or not hashes:
            return
        with self._lock:
            self._db.execute(
                "DELETE FROM memory WHERE source_lang = %s AND target_lang = %s AND origin = %s "
                "AND source_hash = ANY(%s)",
                (source_lang, target_lang, origin, hashes),
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
        """Stored translations of sources at least ``min_score`` similar (best first; no exact ones)."""
        if self._empty:
            return []
        low, high = length_window(len(source), min_score)
        pieces = probes(source)
        if not pieces:
            return []
        patterns = [like_pattern(piece) for piece in pieces]
        only = " AND origin = ANY(%s)" if origins else ""
        with self._lock, self._db.transaction():
            self._db.execute("SET LOCAL enable_seqscan = off")
            rows = self._db.execute(
                close_match_query(pieces, only),
                (
                    *patterns,
                    source_lang,
                    target_lang,
                    low,
                    high,
                    source,
                    *([list(origins)] if origins else []),
                    *patterns,
                ),
            ).fetchall()
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

        Expired claims (of any text: a killed worker's, nobody holds them any more) are removed
        first, but only those no other worker is taking over right now (``SKIP LOCKED``: removing
        waits for nobody, so two workers never wait for each other's rows)."""
        by_hash = {source_hash(s): s for s in sources}
        if self.read_only or not by_hash:
            return set(by_hash.values())
        with self._lock:
            self._db.execute(
                "DELETE FROM claims WHERE ctid = ANY(ARRAY("
                "SELECT ctid FROM claims WHERE expires < " + _NOW + " FOR UPDATE SKIP LOCKED))"
            )
            rows = self._db.execute(
                "INSERT INTO claims SELECT %s, %s, %s, h, %s, " + _NOW + " + %s "
                "FROM unnest(%s::bytea[]) AS h ORDER BY h "
                "ON CONFLICT (source_lang, target_lang, origin, source_hash) DO UPDATE SET "
                "owner = EXCLUDED.owner, expires = EXCLUDED.expires "
                "WHERE claims.expires < " + _NOW + " OR claims.owner = EXCLUDED.owner "
                "RETURNING source_hash",
                (source_lang, target_lang, origin, self.owner, seconds, sorted(by_hash)),
            ).fetchall()
        return {by_hash[bytes(h)] for (h,) in rows}

    def release(self, source_lang: str, target_lang: str, origin: str, sources: Iterable[str]) -> None:
        """Give up this worker's claims on ``sources``."""
        hashes = [source_hash(s) for s in sources]
        if self.read_only or not hashes:
            return
        with self._lock:
            self._db.execute(
                "DELETE FROM claims WHERE source_lang = %s AND target_lang = %s AND origin = %s "
                "AND owner = %s AND source_hash = ANY(%s)",
                (source_lang, target_lang, origin, self.owner, hashes),
            )

    def count(self) -> int:
        """How many translations are stored."""
        if self._empty:
            return len(self._overlay)
        with self._lock:
            return int(self._db.execute("SELECT count(*) FROM memory").fetchone()[0]) + len(self._overlay)

    def entries(self, target_lang: str | None = None) -> list[MemoryEntry]:
        """Every stored translation (of one target language, when given), oldest first."""
        if self._empty:
            return []
        only = " WHERE target_lang = %s" if target_lang else ""
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
        if self.read_only:
            return 0, 0

        def key(entry: MemoryEntry) -> tuple[bytes, str, str, str]:
            return source_hash(entry.source), entry.source_lang, entry.target_lang, entry.origin

        def stored(entry: MemoryEntry) -> tuple[float, str] | None:
            return self._db.execute(
                "SELECT coalesce(changed, created), target FROM memory WHERE source_hash = %s "
                "AND source_lang = %s AND target_lang = %s AND origin = %s FOR UPDATE",
                key(entry),
            ).fetchone()

        def write(entry: MemoryEntry) -> None:
            self._db.execute(
                "INSERT INTO memory (source_hash, source_lang, target_lang, origin, source, target, created, "
                "changed, creator) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s) "
                "ON CONFLICT (source_hash, source_lang, target_lang, origin) DO UPDATE SET "
                "target = EXCLUDED.target, created = EXCLUDED.created, changed = EXCLUDED.changed, "
                "creator = EXCLUDED.creator",
                (*key(entry), entry.source, entry.target, entry.created, entry.changed, entry.creator),
            )

        with self._lock, self._db.transaction():
            return merge_newer(entries, stored, write)

    def size(self) -> int:
        """Bytes transpub's tables take in the database, their indexes and TOAST data included."""
        if self._empty:
            return 0
        with self._lock:
            row = self._db.execute(
                "SELECT coalesce(sum(pg_total_relation_size(to_regclass(name))), 0) "
                "FROM unnest(ARRAY['memory', 'claims', 'transpub_schema']) AS name "
                "WHERE to_regclass(name) IS NOT NULL"
            ).fetchone()
        return int(row[0])

    def stats(self) -> list[MemoryStats]:
        """Entries and source characters per language pair and origin."""
        if self._empty:
            return []
        with self._lock:
            rows = self._db.execute(
                "SELECT source_lang, target_lang, origin, count(*), sum(length(source)) FROM memory "
                "GROUP BY source_lang, target_lang, origin ORDER BY source_lang, target_lang, origin"
            ).fetchall()
        return [MemoryStats(r[0], r[1], r[2], int(r[3]), int(r[4] or 0)) for r in rows]


#: What a PostgreSQL server answers when it refuses a connection for the settings it was given,
#: not for being down or out of reach: a wrong or missing password (SQLSTATE 28P01), a role it
#: does not know or pg_hba.conf does not let in (28000), a database it does not have (3D000).
#: libpq gives no SQLSTATE for a refused connection (psycopg's ``sqlstate`` is None), only the
#: server's words (English unless its ``lc_messages`` says otherwise: then, exit 1 as for a server
#: that is down); a refused port, a timeout or an unknown host is no answer from a server at all.
_REFUSED_SETTINGS = re.compile(
    r"password authentication failed|no password supplied|role \"[^\"]*\" does not exist"
    r"|database \"[^\"]*\" does not exist|no pg_hba\.conf entry"
)


#: What libpq says of a value of the URL it cannot use (``sslmode=bogus``, ``port=abc``, a port
#: over 65535), before it looks for a server: a mistake in the settings, as a URL that cannot be read.
_BAD_OPTION_VALUE = re.compile(r"invalid \w+ value: |invalid integer value |invalid port number: ")


def _first_line(exc: Exception) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]


def _psycopg_error() -> type[Exception]:
    import psycopg

    return psycopg.Error


#: The methods that use the database (an error of it while one runs is one MemoryStoreError).
_USING_THE_DATABASE = (
    "_has_tables", "schema_version", "add", "exact", "lookup", "forget", "close_matches", "claim",
    "release", "count", "entries", "merge", "size", "stats",
)  # fmt: skip
answering(
    PostgresMemory,
    _USING_THE_DATABASE,
    _psycopg_error,
    lambda store, exc: (
        f"the translation memory at {store.path} failed: {hide_secrets(_first_line(exc), store._url)}"
    ),
)
