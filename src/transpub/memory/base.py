"""What every translation memory store shares: its records, its protocol, and the scoring of close matches."""

from __future__ import annotations

import functools
import os
import re
import socket
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, Self
from urllib.parse import unquote

from rapidfuzz import fuzz, process

from ..errors import MemoryStoreError

#: The schema version this transpub writes; a store at a higher version was made by a newer one.
SCHEMA_VERSION = 2
HUMAN = "human"
#: Columns added after the first release (kept nullable, so older memories open unchanged).
_LATER_COLUMNS = {"changed": "REAL", "creator": "TEXT"}
#: How long a claim on a text protects it from other workers (seconds) unless renewed.
CLAIM_SECONDS = 300.0
#: How many trigram candidates are re-scored for one close-match query.
CANDIDATES = 200


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


class MemoryStore(Protocol):
    """What the workflows use of a translation memory, whichever database holds it."""

    def add(
        self, source_lang: str, target_lang: str, pairs: list[tuple[str, str]], origin: str = HUMAN
    ) -> int: ...
    def exact(
        self, source_lang: str, target_lang: str, source: str, origins: tuple[str, ...] | None = None
    ) -> MemoryMatch | None: ...
    def lookup(
        self, source_lang: str, target_lang: str, sources: Iterable[str], origin: str
    ) -> dict[str, str]: ...
    def forget(self, source_lang: str, target_lang: str, sources: Iterable[str], origin: str) -> None: ...
    def close_matches(
        self,
        source_lang: str,
        target_lang: str,
        source: str,
        min_score: float = 75.0,
        limit: int = 3,
        origins: tuple[str, ...] | None = None,
    ) -> list[MemoryMatch]: ...
    def claim(
        self, source_lang: str, target_lang: str, origin: str, sources: Sequence[str], seconds: float = ...
    ) -> set[str]: ...
    def release(self, source_lang: str, target_lang: str, origin: str, sources: Iterable[str]) -> None: ...
    def count(self) -> int: ...
    def entries(self, target_lang: str | None = None) -> list[MemoryEntry]: ...
    def merge(self, entries: Iterable[MemoryEntry]) -> tuple[int, int]: ...
    def stats(self) -> list[MemoryStats]: ...
    def size(self) -> int: ...
    def close(self) -> None: ...
    def __enter__(self) -> MemoryStore: ...
    def __exit__(self, *exc: object) -> None: ...


class StoreConnection:
    """What both stores share of their lifetime: a database connection closed on leaving ``with``."""

    _db: Any

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the database connection."""
        self._db.close()


def worker_id() -> str:
    """Who holds a claim: one opened memory is one worker (host, process and a random part)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


def length_window(length: int, min_score: float) -> tuple[int, int]:
    """Source lengths that can reach ``min_score`` against a text of ``length`` characters.

    >>> length_window(100, 75)
    (74, 134)
    """
    return int(length * min_score / 100) - 1, int(length * 100 / max(min_score, 1)) + 1


def best_matches(
    source: str, rows: Sequence[tuple[str, str, str]], min_score: float, limit: int
) -> list[MemoryMatch]:
    """Score candidate ``(source, target, origin)`` rows against ``source``: best first, human work first on ties."""
    if not rows:
        return []
    found = process.extract(
        source, [r[0] for r in rows], scorer=fuzz.ratio, score_cutoff=min_score, limit=limit * 3
    )
    matches = [MemoryMatch(rows[i][0], rows[i][1], rows[i][2], round(score, 1)) for _, score, i in found]
    matches.sort(key=lambda m: (-m.score, m.origin != HUMAN))
    return matches[:limit]


def merge_newer(
    entries: Iterable[MemoryEntry],
    stored: Callable[[MemoryEntry], tuple[float, str] | None],
    write: Callable[[MemoryEntry], None],
) -> tuple[int, int]:
    """Write each entry unless the store holds the same translation or a newer one: (added, updated).

    ``stored`` gives the stored translation's date (changed, else created) and text, or None.
    """
    added = updated = 0
    for entry in entries:
        found = stored(entry)
        if found is not None and (found[0] >= (entry.changed or entry.created) or found[1] == entry.target):
            continue
        write(entry)
        if found is None:
            added += 1
        else:
            updated += 1
    return added, updated


def probes(text: str, size: int = 6, most: int = 10) -> list[str]:
    """Pieces of ``size`` characters spread evenly over ``text`` (at most ``most``), to find candidates.

    A stored text similar enough to match (a ratio of 75 or more) holds most of the query
    unchanged, so it holds several of these pieces as they are; the trigram index finds the rows
    holding a piece by intersecting its trigrams, which keeps the candidates few, where an OR of
    single trigrams would rank most of the memory.

    >>> probes("The park opened in March.", most=3)
    ['The pa', 'pened ', 'March.']
    """
    if len(text) < 3:
        return []
    if len(text) <= size:
        return [text]
    count = min(most, len(text) // size)
    step = (len(text) - size) / max(count - 1, 1)
    return list(dict.fromkeys(text[round(i * step) : round(i * step) + size] for i in range(count)))


def describe_location(location: str | Path) -> str:
    """``location`` fit for a message: a URL's password replaced by ``***``, in its user part (up to
    the last ``@`` before the query: a password may hold ``/`` or ``@``) and in its query
    (``?password=…``, which libpq takes too).

    >>> describe_location("postgresql://tm:s3cret@db.example/tm")
    'postgresql://tm:***@db.example/tm'
    >>> describe_location("postgresql://tm:pa/ss@db/tm"), describe_location("postgresql://:s3cret@db/tm")
    ('postgresql://tm:***@db/tm', 'postgresql://:***@db/tm')
    >>> describe_location("postgresql://tm@db/tm?sslmode=require&password=s3cret")
    'postgresql://tm@db/tm?sslmode=require&password=***'
    """
    text = str(location)
    parts = _url_parts(text)
    if parts is None:
        return text
    scheme, user, password, host, mark, query = parts
    hidden = user if password is None else user + ":***"
    return f"{scheme}://{hidden}{host}{mark}" + _QUERY_PASSWORD.sub(r"\1***", query)


def _url_parts(text: str) -> tuple[str, str, str | None, str, str, str] | None:
    """A URL as the password hiding reads it: scheme, user name, password (None: none there; the
    user part runs up to the last "@" before the query, since a password may hold "/" or "@"),
    the rest of the address from that "@", "?" and the query; None when ``text`` is no URL."""
    scheme, sep, rest = text.partition("://")
    if not sep:
        return None
    head, mark, query = rest.partition("?")
    at = head.rfind("@")
    if at >= 0 and ":" in head[:at]:
        user, _, password = head[:at].partition(":")
        return scheme, user, password, head[at:], mark, query
    return scheme, head, None, "", mark, query


#: A password given as a URL query parameter (libpq reads ``password`` and ``sslpassword`` there).
_QUERY_PASSWORD = re.compile(r"((?:^|&)(?:ssl)?password=)[^&#]*", re.I)


def hide_secrets(message: str, location: str | Path) -> str:
    """``message`` (a driver's, about ``location``) without the URL's passwords or any piece of them
    (libpq reads a password holding a ``/`` as a port or a host, and quotes it as such).

    >>> hide_secrets('invalid integer value "pa" for connection option "port"', "postgresql://tm:pa/ss@db/tm")
    'invalid integer value "***" for connection option "port"'
    """
    parts = _url_parts(str(location))
    if parts is None:
        return message
    _, _, password, _, _, query = parts
    secrets = [match.group(0).partition("=")[2] for match in _QUERY_PASSWORD.finditer(query)]
    if password is not None:
        secrets.append(password)
    pieces = {
        piece
        for secret in secrets
        for whole in (secret, unquote(secret))
        for piece in (whole, *re.split(r"[/@:?#&]", whole))
        if len(piece) >= 2
    }
    for piece in sorted(pieces, key=len, reverse=True):
        message = message.replace(piece, "***")
    return message


def answering(
    store: type,
    names: Iterable[str],
    errors: Callable[[], type[Exception]],
    failure: Callable[[Any, Exception], str],
) -> None:
    """Make each method ``names`` of the class ``store`` say an error of its database while it runs
    (``errors()``: the database library's base class, imported only then) as one
    :class:`MemoryStoreError` whose message is ``failure(the store, the error)``, which the command
    line says in one line (another process holding a lock, a full disk, a failover, the network)."""

    def guarded(method: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(method)
        def answered(self: Any, *args: Any, **kwargs: Any) -> Any:
            try:
                return method(self, *args, **kwargs)
            except errors() as exc:
                raise MemoryStoreError(failure(self, exc)) from exc

        return answered

    for name in names:
        setattr(store, name, guarded(getattr(store, name)))
