"""One record of a whole run, so that a run with nothing changed finds so without opening the
articles' records.

A run with nothing changed still looks at every article's records (see :mod:`transpub.manifest`):
at 5000 articles in 7 languages, 40,000 signed rows loaded, checked, parsed and compared. After a
run whose articles all left a record, the workflow keeps a *whole-run record*: the run's key (its
settings and the articles it found), the names of every file those records watch with their
signatures, the content of each file changed just before (racy: its signature alone does not
tell; a folder's content is its names), and what the run reported of each article. The next run
with the same key looks at those files (one ``stat`` each, as the records would be looked at) and,
when all are as they were and no racy file changed, reports what the record says. Anything else (a
file touched, an article added, the configuration edited): the articles' records decide, as
before, and the run keeps a new whole-run record.

The record is cut in parts of :data:`PART_SIZE` articles, each a row of the manifest (its command's
records never load them) named by a signed head row with each part's hash. A run that finds a
part changed stops looking there, and the next record rewrites only the parts whose articles' records
changed: one edited article costs one part, not the archive's.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache_files import write_or_start_anew
from .discovery import Discovery
from .fsutil import TEMPORARY_NAME
from .manifest import (
    MANIFEST,
    Listing,
    Record,
    content_hash,
    content_now,
    current_stamps,
    is_racy,
    listing_hash,
    make_key,
    write_rows,
)
from .signing import signed_text, text_if_signed

#: The version of the record's layout (one of another is not there).
_FORMAT = 3
#: The articles in one part of the record (one row of the manifest).
PART_SIZE = 64
#: The share of a record's parts (and more than two) changed beyond which :func:`kept_result` says
#: nothing of the others.
MOST_CHANGED = 0.25


@dataclass
class Group:
    """What a whole-run record keeps of one article: its ``name`` (its slug), the ``records`` that
    say what its outputs were made from (a record None: it has none, and no whole-run record is
    kept; ``records`` None: not at hand, see :func:`keep`), and what the run reported of it
    (``result``, JSON-able)."""

    name: str
    records: Sequence[Record | None] | None
    result: Any = None


@dataclass
class _Watched:
    """The files some records watch, as a part keeps them."""

    present: list[str] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    stamps: list[str] = field(default_factory=list)
    hashes: dict[str, str] = field(default_factory=dict)
    #: The names of the files looked at first (see :func:`keep`) among those watched, with their signatures.
    firsts: list[list[str]] = field(default_factory=list)

    def add(self, records: Sequence[Record | None], first: Collection[str] = ()) -> bool:
        """Take in what ``records`` watch; False when one is missing or cannot be settled by a look.
        The names of ``first`` among them, with their signatures, also go into :attr:`firsts`."""
        for record in records:
            kept = None if record is None else record.signatures_kept()
            if kept is None:
                return False
            present, absent, stamps, hashes = kept
            self.present += present
            self.absent += absent
            if stamps:
                self.stamps.append(stamps)
            self.hashes.update(hashes)
            if first and any(name in first for name in present):
                for name, stamp in zip(present, stamps.split(";"), strict=True):
                    if name in first:
                        self.firsts.append([name, stamp])
        return True

    @property
    def folders(self) -> list[str]:
        """The folders of the files watched ("." for the project's), each once."""
        return sorted(
            {name.rpartition("/")[0] or "." for names in (self.present, self.absent) for name in names}
        )

    def stored(self) -> list[Any]:
        return [self.present, self.absent, ";".join(self.stamps), self.hashes]


def articles_key(run_key: str, names: Sequence[str], discovery: Discovery, *more: object) -> str:
    """The key of a whole-run record: the run's (``run_key``, and ``more``), every article's name
    (``names``: each of ``discovery``'s articles as records name it, see
    :func:`~transpub.manifest.path_name`) and slug, and the slugs refused (an article whose outputs
    are kept while it is refused)."""
    articles = [[name, article.slug] for name, article in zip(names, discovery.articles, strict=True)]
    return make_key(run_key, *more, articles, sorted(discovery.refused))


@dataclass
class Kept:
    """What a whole-run record kept, as far as the files it watches are as they were."""

    #: Each group's result by its place among the groups: all of them, or those of the parts whose
    #: files are as they were.
    results: dict[int, Any]
    #: The run's result: None when a file the record watches beside the groups' changed.
    result: Any
    #: Every file watched is as it was: :attr:`results` holds every group and :attr:`result` is the run's.
    whole: bool


def kept_result(root: Path, command: str, scope: str, key: str, signing_key: bytes | None) -> Kept | None:
    """What :func:`keep` kept for ``command`` in ``scope`` (a shard, say) with ``key``, as far as the
    files it watches are as they were then: all of it (:attr:`Kept.whole`), or what the parts whose
    files did not change still say (one edited article leaves the other parts' articles as the last
    run left them). None: no such record, another key, a damaged record, or more than
    :data:`MOST_CHANGED` of the parts (and more than two) changed (a checkout, a restore: the
    articles' records are then quicker to go through than the parts)."""
    if not signing_key:
        return None
    rows = _rows(root / MANIFEST, command, scope)
    stored = _head(rows.pop("", None), command, scope, key, signing_key)
    if stored is None:
        return None
    try:
        _, _, digests, watched, result, first = stored
        prefix = str(root).rstrip(os.sep) + os.sep
        listing = Listing()
        looks = _unchanged(prefix, first, listing)
        held = _unchanged(prefix, watched, listing)  # (the run's result)
        results: dict[int, Any] = {}
        start = changed = 0
        for number, (digest, *_) in enumerate(digests):
            text = rows.get(str(number))
            if type(text) is not str or content_hash(text.encode("utf-8", "surrogatepass")) != digest:
                return None
            part = json.loads(text)
            if _unchanged(prefix, part[:4], listing):
                results.update(enumerate(part[4], start))
            else:
                changed += 1
                if changed > max(MOST_CHANGED * len(digests), 2):
                    return None  # (the rest is not looked at)
            start += len(part[4])
    except (ValueError, TypeError, AttributeError, IndexError, RecursionError):  # a damaged record
        return None
    return Kept(results, result if held else None, looks and held and not changed)


def _rows(path: Path, command: str, scope: str, *, parts: bool = True) -> dict[str, object]:
    """The rows of the whole-run record of ``command`` in ``scope`` in the manifest at ``path``, by
    name ("": the head); ``parts``: with the parts' data (else None for each)."""
    if not path.is_file():
        return {}
    data = "data" if parts else "CASE WHEN slug = '' THEN data END"
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as db:
            found = db.execute(
                f"SELECT slug, {data} FROM records WHERE command = ? AND locale = ?",
                (_row_command(command), scope),
            ).fetchall()
    except sqlite3.Error:
        return {}
    return dict(found)


def _head(stored: object, command: str, scope: str, key: str, signing_key: bytes) -> list[Any] | None:
    """The head row ``stored`` of the whole-run record of ``command`` in ``scope``, parsed, when it
    was signed with ``signing_key`` and kept with ``key``; else None."""
    text = text_if_signed(signing_key, stored, _context(command, scope))
    try:
        head = json.loads(text) if text is not None else None
    except (ValueError, RecursionError):
        return None
    if type(head) is not list or len(head) != 6 or head[:2] != [_FORMAT, key]:
        return None
    return head


def _unchanged(prefix: str, watched: list[Any], listing: Listing) -> bool:
    """Whether the files ``watched`` (as :meth:`_Watched.stored` keeps them) are as they were."""
    present, absent, stamps, hashes = watched
    if absent and not listing.all_absent(absent, prefix):
        return False
    if (current_stamps(prefix, present) if present else "") != stamps:
        return False
    return all(
        content_now(name if name.startswith(os.sep) else prefix + name, digest) == digest
        for name, digest in hashes.items()
    )


def keep(
    root: Path,
    command: str,
    scope: str,
    key: str,
    groups: Sequence[Group],
    signing_key: bytes | None,
    *,
    watched: Sequence[Record | None] = (),
    result: Any = None,
    changed: Collection[str] | None = None,
    first: Collection[str] = (),
    folders: Collection[str] = (),
    records_of: Callable[[str], Sequence[Record | None]] | None = None,
) -> bool:
    """Keep what a run of ``command`` in ``scope`` with ``key`` reported: each group's result, and
    ``result`` of the whole run, while every file the groups' records (and ``watched``) watch is as
    they recorded it. ``changed``: the groups whose records this run changed (None: any may have);
    the parts of the record kept before with the same key hold the others as they are, and stay.
    ``first``: the names of the files most likely to change (the articles), looked at first with
    the folders of every file watched, so that a run with a change finds it at once (see
    :func:`_first_looks`). ``folders``: more folders (as records name them) that the run looked
    into, watched as those are (a file added there changes them). ``records_of``: the records of a
    group whose ``records`` are not at hand (asked only where its part is kept anew).
    False when nothing was kept: a folder watched holds a temporary file a killed run left (a run
    would remove it), a record missing or that a look at its files cannot settle, no key
    to sign with, or the manifest could not be written (the next run looks at the articles' records)."""
    if not signing_key:
        return False
    head = _Watched()
    if not head.add(watched):
        return False
    path = root / MANIFEST
    found = _rows(path, command, scope, parts=False)
    before = _head(found.get(""), command, scope, key, signing_key) if changed is not None else None
    earlier: list[list[Any]] = before[2] if before is not None else []  # (signed: as keep wrote it)
    present = set(found)
    parts: list[list[Any]] = []  # each part's hash, its files' folders, the first of its files
    rows: list[tuple[str, str, str, str | None]] = []
    row_command = _row_command(command)
    for number, start in enumerate(range(0, len(groups), PART_SIZE)):
        part = groups[start : start + PART_SIZE]
        if (
            changed is not None
            and number < len(earlier)
            and str(number) in present
            and not any(group.name in changed for group in part)
        ):
            parts.append(earlier[number])  # (as kept: its records did not change)
            continue
        files = _Watched()
        for group in part:
            records = group.records
            if records is None:
                records = records_of(group.name) if records_of is not None else [None]
            if not files.add(records, first):
                return False
        text = json.dumps([*files.stored(), [group.result for group in part]], separators=(",", ":"))
        parts.append([content_hash(text.encode("utf-8", "surrogatepass")), files.folders, files.firsts])
        rows.append((row_command, str(number), scope, text))
    names = {str(number) for number in range(len(parts))}
    rows += [(row_command, name, scope, None) for name in sorted(present - names - {""})]  # (parts no more)
    looks = _first_looks(root, parts, folders)
    if looks is None:
        return False
    text = json.dumps([_FORMAT, key, parts, head.stored(), result, looks.stored()], separators=(",", ":"))
    rows.append((row_command, "", scope, signed_text(signing_key, text, _context(command, scope))))
    # (a manifest found damaged is started anew without the parts kept before: nothing is kept then)
    return write_or_start_anew(path, lambda anew: write_rows(path, [] if anew else rows))


def _first_looks(root: Path, parts: list[list[Any]], folders: Collection[str] = ()) -> _Watched | None:
    """What a run looks at before the parts of a whole-run record, to find a change at once where
    there is one: the first files of each part (the articles, see :func:`keep`) as their records
    watch them, and the folders of every file watched as they are now (their names hashed where they
    changed just now: see :func:`~transpub.manifest.listing_hash`), since a file written anew
    (renamed into place, as editors, checkouts and transpub write) changes its folder, and
    ``folders``. Looked at as well as the parts, never instead of them; None when a folder cannot
    be listed or holds a temporary file a killed run left (see :data:`~transpub.fsutil.TEMPORARY_NAME`)."""
    looks = _Watched()
    for _, _, firsts in parts:
        for name, stamp in firsts:
            looks.present.append(name)
            looks.stamps.append(stamp)
    prefix = str(root).rstrip(os.sep) + os.sep
    now = time.time_ns()
    for folder in sorted({*folders, *(folder for _, named, _ in parts for folder in named)}):
        looked = current_stamps(prefix, [folder])  # (as the record's files: size, times, inode)
        if looked == "-":
            looks.absent.append(folder)
            continue
        try:  # (listed after its signature: a file added since shows in one or the other)
            names = os.listdir(folder if folder.startswith(os.sep) else prefix + folder)
        except OSError:
            return None
        if any(name.startswith(".") and TEMPORARY_NAME.fullmatch(name) for name in names):
            return None
        looks.present.append(folder)
        looks.stamps.append(looked)
        if is_racy([int(value) for value in looked.split(".")], now):
            looks.hashes[folder] = listing_hash(names)
    return looks


def _row_command(command: str) -> str:
    """The manifest's command column of ``command``'s whole-run record (not its articles')."""
    return f"{command} (whole run)"


def _context(command: str, scope: str) -> bytes:
    """What the head of the whole-run record of ``command`` in ``scope`` is signed as."""
    return f"whole run\0{command}\0{scope}".encode("utf-8", "surrogatepass")
