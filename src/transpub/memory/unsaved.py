"""Paid machine translations the memory refused, kept in the project until it takes them.

When the translation memory stops answering (a database failover, the network, a full disk) while
an engine's replies come back, each write it refuses is kept by :func:`keep` in
``.transpub/unsaved/``: one JSON file per write, written whole or not at all (a temporary file and
a rename), named so that two workers never write the same file. The next translate run hands them
to the memory (:func:`store_kept`) before it looks anything up, and removes each file once the
memory holds what it kept: nothing paid for is lost, and nothing is paid for twice.
"""

from __future__ import annotations

import json
import re
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..fsutil import atomic_write_bytes
from .base import HUMAN, MemoryStore

#: Where a project keeps what the memory refused (beside the default SQLite memory).
UNSAVED = Path(".transpub") / "unsaved"
#: What :func:`keep` is given to keep: an engine's replies (``deepl``), pieces (``deepl:piece``) or
#: rejected replies (``deepl:rejected``); never human work (a file restored from a CI cache is not
#: trusted to say a translator wrote it).
_MACHINE_ORIGIN = re.compile(r"[a-z0-9][a-z0-9_.-]{0,63}(?::(?:piece|rejected))?")


def keep(folder: Path, source_lang: str, target_lang: str, origin: str, pairs: list[tuple[str, str]]) -> Path:
    """Write ``(source, target)`` pairs of ``origin`` to a new file in ``folder``; its path.

    OSError when it cannot be written (the file is then not there at all)."""
    folder.mkdir(parents=True, exist_ok=True)
    record = {"source_lang": source_lang, "target_lang": target_lang, "origin": origin, "pairs": pairs}
    path = folder / f"{time.time_ns()}-{uuid.uuid4().hex[:12]}.json"
    atomic_write_bytes(path, json.dumps(record, ensure_ascii=False).encode("utf-8"))
    return path


@dataclass
class Stored:
    """What :func:`store_kept` did: translations handed to the memory, and files it could not read."""

    translations: int = 0
    unreadable: list[str] = field(default_factory=list)


def store_kept(memory: MemoryStore, folder: Path, *, remove: bool = True) -> Stored:
    """Store in ``memory`` what :func:`keep` kept in ``folder``, removing each file once stored
    (unless not ``remove``: a dry run). A file that cannot be read is left as it is and named in
    :attr:`Stored.unreadable`. The memory's own errors are raised (the files then stay)."""
    stored = Stored()
    try:
        paths = sorted(folder.glob("*.json"))
    except OSError:
        return stored
    for path in paths:
        try:
            source_lang, target_lang, origin, pairs = _read(path)
        except FileNotFoundError:
            continue  # (another worker in this folder stored it first)
        except (OSError, ValueError) as exc:
            stored.unreadable.append(f"{path}: cannot be read ({exc}); left as it is")
            continue
        memory.add(source_lang, target_lang, pairs, origin)
        stored.translations += len(pairs)
        if remove:
            path.unlink(missing_ok=True)
    return stored


def _read(path: Path) -> tuple[str, str, str, list[tuple[str, str]]]:
    """The language pair, origin and pairs of a file :func:`keep` wrote (ValueError: not such a file)."""
    try:
        record: Any = json.loads(path.read_text(encoding="utf-8"))
    except RecursionError as exc:  # ([[[… thousands deep: as damaged as any other file)
        raise ValueError("nested too deep to be a record of translations") from exc
    if not isinstance(record, dict):
        raise ValueError("not a record of translations")
    names: list[Any] = [record.get(key) for key in ("source_lang", "target_lang", "origin")]
    pairs = record.get("pairs")
    if not all(isinstance(name, str) and name for name in names) or not isinstance(pairs, list):
        raise ValueError("not a record of translations")
    if not _MACHINE_ORIGIN.fullmatch(names[2]) or names[2].partition(":")[0] == HUMAN:
        raise ValueError(f"not an engine's reply (origin {names[2][:40]!r})")
    if not all(isinstance(p, list) and len(p) == 2 and all(isinstance(t, str) for t in p) for p in pairs):
        raise ValueError("a translation that is not a pair of texts")
    source_lang, target_lang, origin = names
    return source_lang, target_lang, origin, [(source, target) for source, target in pairs]
