"""One record of a whole run, so that a run with nothing changed finds so in one look.

A run with nothing changed still looks at every article's records (see :mod:`transpub.manifest`):
at 5000 articles in 7 languages, 40,000 signed rows loaded, checked, parsed and compared. After a
run whose articles all left a record, the workflow keeps one more: the run's key (its settings and
the articles it found), the names of every file those records watch and their signatures,
the content hash of each file changed just before (racy: its signature alone does not tell), and
what the run reports. The next run with the same key looks at those files (one ``stat`` each, as the
records would be looked at) and, when all are the same and no racy file changed, reports what
the record says: the articles' records are not opened. Anything else (a file touched, an article
added, the configuration edited): the articles' records decide, as before, and the run keeps a new
whole-run record.

It lives in the manifest (a row of its own: its command's records never load it) and is signed as
they are (:mod:`transpub.signing`): one not signed with the run's key is not there.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .cache_files import write_or_start_anew
from .manifest import MANIFEST, Listing, Record, content_now, current_stamps, write_rows
from .signing import signed_text, text_if_signed

#: The version of the record's layout (one of another is not there).
_FORMAT = 1
#: How many files are looked at before their signatures are compared with the record's.
_LOOKS = 1024


def kept_result(root: Path, command: str, scope: str, key: str, signing_key: bytes | None) -> Any | None:
    """What :func:`keep` kept for ``command`` in ``scope`` (a shard, say) with ``key``, when every
    file it watches is as it was then; else None (no such record, another key, a file changed)."""
    if not signing_key:
        return None
    path = root / MANIFEST
    if not path.is_file():
        return None
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as db:
            row = db.execute(
                "SELECT data FROM records WHERE command = ? AND slug = '' AND locale = ?",
                (_row_command(command), scope),
            ).fetchone()
    except sqlite3.Error:
        return None
    text = None if row is None else text_if_signed(signing_key, row[0], _context(command, scope))
    if text is None:
        return None
    try:
        stored = json.loads(text)
    except (ValueError, RecursionError):
        return None
    if type(stored) is not list or len(stored) != 7 or stored[:2] != [_FORMAT, key]:
        return None
    _, _, present, absent, stamps, hashes, result = stored
    prefix = str(root).rstrip(os.sep) + os.sep
    try:
        if absent and not Listing().all_absent(absent, prefix):
            return None
        recorded = stamps.split(";") if present else []
        if len(recorded) != len(present):
            return None
        for start in range(0, len(present), _LOOKS):  # (a run with a change stops at its part)
            end = start + _LOOKS
            if current_stamps(prefix, present[start:end]) != ";".join(recorded[start:end]):
                return None
        for name, digest in hashes.items():
            if content_now(name if name.startswith(os.sep) else prefix + name, digest) != digest:
                return None
    except (TypeError, ValueError, AttributeError):  # a damaged record
        return None
    return result


def keep(
    root: Path,
    command: str,
    scope: str,
    key: str,
    records: Iterable[Record | None],
    result: Any,
    signing_key: bytes | None,
) -> bool:
    """Keep ``result`` as what a run of ``command`` in ``scope`` with ``key`` reports while every file
    ``records`` watch is as they recorded it. False when nothing was kept: a record missing (None),
    one that a look at its files' signatures cannot settle, no key to sign with, or the manifest
    could not be written (the next run then looks at the articles' records)."""
    if not signing_key:
        return False
    present: list[str] = []
    absent: list[str] = []
    stamps: list[str] = []
    hashes: dict[str, str] = {}
    for record in records:
        kept = None if record is None else record.signatures_kept()
        if kept is None:
            return False
        present += kept[0]
        absent += kept[1]
        if kept[2]:
            stamps.append(kept[2])
        hashes.update(kept[3])
    text = json.dumps(
        [_FORMAT, key, present, absent, ";".join(stamps), hashes, result], separators=(",", ":")
    )
    row = (_row_command(command), "", scope, signed_text(signing_key, text, _context(command, scope)))
    path = root / MANIFEST
    return write_or_start_anew(path, lambda anew: write_rows(path, [row]))


def _row_command(command: str) -> str:
    """The manifest's command column of ``command``'s whole-run records (not its articles')."""
    return f"{command} (whole run)"


def _context(command: str, scope: str) -> bytes:
    """What the whole-run record of ``command`` in ``scope`` is signed as."""
    return f"whole run\0{command}\0{scope}".encode("utf-8", "surrogatepass")
