"""What each article's outputs were made from, so that a run with nothing changed does nothing.

For every article a workflow finished without error, it records (per command, and per locale
where outputs are per locale) a *key*, a hash of everything its outputs depend on that is not a
file it watches (the article's bytes, ``transpub.toml``, the glossary, the options of the run,
transpub's own code), and a *signature* of every file it read or wrote beside the article (size,
modification and change times, inode) with a hash of its content. The next run skips an article
when the key and every signature still match, and reports what the record says it did (page
coverage, warnings). A file whose signature changed is compared by content: a fresh checkout or
a cache restored in CI (new times and inodes, same bytes) still skips, and the record takes the
new signatures. A file changed in the last seconds before its record was saved is always compared
by content, since a second change within the same clock tick would not show in its signature.

The records live in ``.transpub/manifest.sqlite`` (ignored by version control; several processes
may use it at once, as shards in one checkout do). It is a cache: a missing, unreadable or corrupt
manifest means a full run, never an error, and ``--full`` ignores it. Each record is signed with
the key the workflow gives (:func:`~transpub.signing.local_key`: this machine's, or the one CI
runners share): a record written elsewhere or edited is not there, so it can neither keep a stale
output nor have its result (titles, coverage) reported.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from .cache_files import write_or_start_anew
from .gc_pause import no_collection
from .signing import signed_text, texts_if_signed

if TYPE_CHECKING:
    from .project import Project

#: Where a project keeps its manifest (beside the locks and the translation memory).
MANIFEST = Path(".transpub") / "manifest.sqlite"
#: A file changed this close (in seconds) to the saving of its record also gets a content hash: a
#: second change within the same tick of its file system's clock would not show in its signature.
#: Two seconds cover the coarsest clocks (FAT's); see :data:`FINE_RACY_SECONDS` for the others.
RACY_SECONDS = 2.0
#: :data:`RACY_SECONDS` for a file whose modification time has a fraction of a second: its file system
#: keeps times finer than a second, from a clock that ticks in milliseconds (Linux: a jiffy, 10 ms at
#: most; Windows: 15.6 ms), and this is many ticks.
FINE_RACY_SECONDS = 0.5
#: The libraries whose upgrade may change what transpub writes (CLDR data, PO parsing, HTML).
_LIBRARIES = ("babel", "polib", "lxml", "charset_normalizer")

Signature = list[Any]


def signature(path: Path | str) -> Signature | None:
    """``[size, mtime_ns, ctime_ns, inode]`` of ``path``; None when there is no such file (nor can
    be: a name holding a NUL, as an article's URL with ``%00`` names)."""
    try:
        stat = os.stat(path)
    except (OSError, ValueError):
        return None
    return _signature_of(stat)


def _signature_of(stat: os.stat_result) -> Signature:
    """:func:`signature` of a file from its ``stat``."""
    return [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]


def _signed_read(path: Path | str) -> tuple[Signature | None, bytes | None]:
    """``signature(path)`` taken before ``path`` is read, and its bytes (None when it cannot be
    read): the signature from the file opened (one look at it, not a look and then an open)."""
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError:
        return signature(path), None  # (a file that cannot be opened may still be there)
    try:
        stat = os.fstat(descriptor)
        stamp = _signature_of(stat)
        try:
            chunks = [os.read(descriptor, stat.st_size + 1)]
            while chunks[-1]:
                chunks.append(os.read(descriptor, max(stat.st_size, 65536)))
        except OSError:  # (a folder, say: it has a signature, no bytes)
            return stamp, None
        return stamp, b"".join(chunks) if len(chunks) > 2 else chunks[0]
    finally:
        os.close(descriptor)


_READ_FLAGS = os.O_RDONLY | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)


def content_hash(data: bytes) -> str:
    """A stable hash of some bytes (SHA-256, the first 128 bits in hex)."""
    return hashlib.sha256(data).hexdigest()[:32]


#: How the hash a record keeps of a folder starts (see :func:`listing_hash`).
LISTING = "listing:"


def listing_hash(names: Iterable[str]) -> str:
    """What a record keeps as the content of a folder whose entries are ``names``: a hash of them
    (after :data:`LISTING`, never a file's content hash)."""
    return LISTING + content_hash("\0".join(sorted(names)).encode("utf-8", "surrogateescape"))


def content_now(path: str, kept: str) -> str:
    """What ``path`` has now as a record keeps it, for comparison with what it ``kept``: the hash
    of its names when that is a folder's (:func:`listing_hash`), else of its bytes."""
    if kept.startswith(LISTING):
        try:
            return listing_hash(os.listdir(path))
        except OSError:
            return "-"
    return file_hash(path)


#: What :func:`file_hash` says of a file there is not, or that cannot be read: no content's hash.
NO_FILE = "-"


def as_written(path: Path | str, recorded: str | None) -> bool:
    """Whether the file at ``path`` holds the bytes whose hash a record keeps (``recorded``); never
    when that is :data:`NO_FILE`, also :func:`file_hash`'s answer for a file that cannot be read
    (which a removal would otherwise take for the one recorded).

    >>> as_written("/no/such/file", NO_FILE), as_written("/no/such/file", None)
    (False, False)
    """
    return recorded is not None and recorded != NO_FILE and file_hash(path) == recorded


def file_hash(path: Path | str | None) -> str:
    """The hash of a file's content; :data:`NO_FILE` when there is no file (or it cannot be read)."""
    if path is None:
        return NO_FILE
    try:
        with open(path, "rb") as file:  # (not Path(path).read_bytes(): a third less time per file)
            return content_hash(file.read())
    except OSError:
        return NO_FILE


_code: str | None = None

#: Where a project remembers the signature of the code that ran in it (see :func:`code_signature`).
CODE_SIGNATURES = Path(".transpub") / "code-signatures.json"
#: How many installations of transpub a project remembers the signature of.
_REMEMBERED_CODES = 8


def code_signature(root: Path | None = None) -> str:
    """What identifies the code that makes the outputs: transpub's version and source files (their
    content: a fresh checkout or install of the same code is the same code), Python, and the
    versions of the libraries it writes with (an upgrade of any of them is a full run).

    ``root``: a project, whose ``.transpub/`` remembers the signature beside the stat signatures
    (size, times, inode) of the source files it was made from: a run that finds every file as
    it was takes the signature from there rather than hashing the whole source (~1.2 MB). A file
    added, removed or changed in any way changes its change time (or the listing), and the
    signature is made again; a file changed within :data:`RACY_SECONDS` of the hashing is not
    remembered, since a second change within the same clock tick would not show.
    """
    global _code
    if _code is None:
        _code = _code_signature(Path(__file__).parent, root)
    return _code


def _code_signature(package: Path, root: Path | None, *, racy_seconds: float = RACY_SECONDS) -> str:
    """:func:`code_signature` of the source files of ``package``, remembered in ``root``."""
    from . import __version__

    files = _source_files(package)
    libraries = _library_versions()
    stamps = [[name, *_signature_of(stat)] for name, stat in files]
    stamp = content_hash(json.dumps([__version__, sys.version, libraries, stamps]).encode("utf-8"))
    where = str(package)
    remembered: dict[str, Any] = {}
    if root is not None:
        with contextlib.suppress(OSError, ValueError, RecursionError):  # (damaged, or [[[… too deep: rebuilt)
            remembered = json.loads((root / CODE_SIGNATURES).read_bytes())
            found = remembered.get(where) if isinstance(remembered, dict) else None
            if (
                isinstance(found, list)
                and len(found) == 2
                and found[0] == stamp
                and isinstance(found[1], str)
            ):
                return found[1]
    parts = [__version__, sys.version]
    for name, _ in files:
        parts.append(f"{name}:{content_hash((package / name).read_bytes())}")
    parts += libraries
    code = content_hash("\n".join(parts).encode("utf-8"))
    latest = max((stat.st_ctime_ns for _, stat in files), default=0)
    if root is not None and time.time_ns() - latest >= racy_seconds * 1e9:
        if not isinstance(remembered, dict):
            remembered = {}
        remembered.pop(where, None)
        kept = dict(list(remembered.items())[-(_REMEMBERED_CODES - 1) :])
        kept[where] = [stamp, code]
        temporary = root / CODE_SIGNATURES.with_name(f"{CODE_SIGNATURES.name}.{os.getpid()}.tmp")
        try:
            temporary.parent.mkdir(parents=True, exist_ok=True)
            temporary.write_text(json.dumps(kept), encoding="utf-8")
            os.replace(temporary, root / CODE_SIGNATURES)
        except OSError:  # (it is remembered next time)
            with contextlib.suppress(OSError):
                temporary.unlink()
    return code


def _source_files(package: Path) -> list[tuple[str, os.stat_result]]:
    """The ``.py`` files under ``package`` (their names relative to it, in the order of their
    paths) and their ``stat``."""
    found: list[tuple[tuple[str, ...], os.stat_result]] = []
    folders: list[tuple[str, ...]] = [()]
    while folders:
        folder = folders.pop()
        with os.scandir(os.path.join(package, *folder)) as entries:
            for entry in entries:
                if entry.is_dir(follow_symlinks=False):  # (as Path.rglob)
                    folders.append((*folder, entry.name))
                elif entry.name.endswith(".py") and entry.is_file():
                    found.append(((*folder, entry.name), entry.stat()))
    found.sort(key=lambda item: item[0])
    return [("/".join(parts), stat) for parts, stat in found]


def _library_versions() -> list[str]:
    """The installed distributions (``name-version.dist-info``) of :data:`_LIBRARIES`."""
    from importlib.util import find_spec

    listed: dict[Path, list[str]] = {}
    versions: list[str] = []
    for name in _LIBRARIES:
        spec = find_spec(name)
        if spec is None or not spec.origin:
            continue
        folder = Path(spec.origin).parent
        folder = folder.parent if spec.submodule_search_locations else folder
        if folder not in listed:
            listed[folder] = sorted(os.listdir(folder))
        prefix = name.replace("_", "-").lower() + "-"
        versions += [
            e
            for e in listed[folder]
            if e.replace("_", "-").lower().startswith(prefix) and e.endswith(".dist-info")
        ]
    return versions


def project_settings(project: Project) -> str:
    """Every setting of ``project`` as loaded (a library caller may change some without the file),
    its paths relative to its folder (a clone elsewhere is the same project), the shard aside
    (shards share the records)."""
    return repr(replace(project, shard=None)).replace(repr(str(project.root))[1:-1], "<project>")


def make_key(*parts: object) -> str:
    """A key from strings, numbers and lists of them (JSON, then hashed)."""
    if all(type(part) is str for part in parts):  # (a key for each article: its JSON made directly)
        return content_hash(
            ("[" + ", ".join(map(_json_string, cast("tuple[str, ...]", parts))) + "]").encode("utf-8")
        )
    return content_hash(json.dumps(parts, sort_keys=True, default=str).encode("utf-8"))


#: A string as ``json.dumps`` writes it.
_json_string: Callable[[str], str] = json.encoder.encode_basestring_ascii


class Record:
    """One article's (or one article-and-locale's) record: its key, watched files and result."""

    __slots__ = ("_files", "_hashes", "_stored", "key", "racy", "refreshed", "result", "settled")

    def __init__(
        self,
        key: str,
        files: dict[str, Signature | None] | None = None,
        result: dict[str, Any] | None = None,
        hashes: dict[str, str] | None = None,
        racy: list[str] | None = None,
    ) -> None:
        self.key = key
        self._files: dict[str, Signature | None] = {} if files is None else files
        #: What the workflow reports for it on a run that skips it (a JSON-able dict).
        self.result: dict[str, Any] = {} if result is None else result
        self._hashes: dict[str, str] = {} if hashes is None else hashes
        #: Files changed just before the record was saved: their content decides, not their signature.
        self.racy: list[str] = [] if racy is None else racy
        #: Set by :meth:`holds` when files matched by content only (their signatures are now the current ones).
        self.refreshed = False
        #: Set by :meth:`holds` when its racy files matched by content long enough after they last
        #: changed: saved again with the manifest's next write, the record is no longer racy.
        self.settled = False
        #: As the manifest keeps them, until asked for: the files there were, those there were not, the
        #: signatures of the first (see :func:`current_stamps`) and their content hashes (comma-separated).
        self._stored: tuple[list[str], list[str], str, str] | None = None

    @property
    def files(self) -> dict[str, Signature | None]:
        """Path (relative to the project root, or absolute outside it) -> signature, None for no file."""
        if self._stored is not None:
            self._unpack()
        return self._files

    @files.setter
    def files(self, files: dict[str, Signature | None]) -> None:
        self._unpack()
        self._files = files

    def hash_of(self, name: str) -> str | None:
        """``hashes.get(name)``, without unpacking a record as loaded (a look at one file's hash)."""
        stored = self._stored
        if stored is None:
            return self._hashes.get(name)
        present, _, _, digests = stored
        found = digests.split(",")
        if name not in present or len(found) != len(present):  # (none, or a damaged record)
            return None
        return found[present.index(name)]

    @property
    def hashes(self) -> dict[str, str]:
        """Path -> a hash of the content it had when watched (for a file that exists)."""
        if self._stored is not None:
            self._unpack()
        return self._hashes

    def _unpack(self) -> None:
        if self._stored is None:
            return
        present, absent, stamps, digests = self._stored
        self._stored = None
        self._files = dict.fromkeys(absent)
        self._hashes = {}
        if present:
            for name, stamp in zip(present, stamps.split(";"), strict=True):
                self._files[name] = [int(value) for value in stamp.split(".")]
            self._hashes = dict(zip(present, digests.split(","), strict=True))

    def watch(self, root: Path, *paths: Path) -> None:
        """Record the current signature and content hash of each of ``paths``."""
        files, hashes = self.files, self.hashes
        for path in paths:
            name = path_name(root, path)
            files[name] = signature(path)
            if files[name] is not None:
                hashes[name] = file_hash(path)

    def watch_content(
        self,
        root: Path,
        path: Path | str,
        stamp: Signature | None,
        data: bytes | None,
        *,
        name: str | None = None,
    ) -> None:
        """Record ``path`` as :meth:`watch` does, from what the caller has at hand: ``stamp``, its
        signature when its content was ``data`` (taken before reading it; None: it could not be read);
        ``name``: ``path_name(root, path)``, when the caller knows it already."""
        if name is None:
            name = path_name(root, path)
        self.files[name] = stamp
        if stamp is not None:
            self.hashes[name] = "-" if data is None else content_hash(data)

    def watch_read(self, root: Path, path: Path | str) -> bytes | None:
        """The bytes of ``path``, recorded as :meth:`watch` records it from this one read: its
        signature taken before the read (a change while it is read shows next time); None when it
        cannot be read (the caller's reader says why)."""
        stamp, data = _signed_read(path)
        self.watch_content(root, path, stamp, data)
        return data

    def holds(self, root: Path, key: str, listing: Listing | None = None) -> bool:
        """True when ``key`` is the record's and no watched file changed since it was recorded.

        A file whose signature changed but whose content did not (a fresh checkout, a cache restored
        in CI, a ``touch``) still holds; the record then takes the new signature (``refreshed``).
        ``listing``: the run's listings of folders, which tell that a file recorded as absent still is
        without a look at it (taken before the run wrote anything there).
        """
        if key != self.key:
            return False
        try:
            return self._holds(str(root).rstrip(os.sep) + os.sep, listing)
        except (TypeError, ValueError):  # a damaged record (its files not names, its signatures not numbers)
            return False

    def same_signatures(self, root: Path, key: str) -> bool:
        """True when ``key`` is the record's and every watched file (or folder) has the signature
        recorded, none of them changed just before the record was saved (no content is compared: for
        folders, whose signature tells whether their listing changed)."""
        if key != self.key or self.racy:
            return False
        prefix = str(root).rstrip(os.sep) + os.sep
        if self._stored is not None:
            return _as_stored(self, key, prefix, None) is True
        try:
            return all(
                signature(name if name.startswith(os.sep) else prefix + name) == recorded
                for name, recorded in self.files.items()
            )
        except (TypeError, ValueError, AttributeError):  # a damaged record
            return False

    def _holds(self, prefix: str, listing: Listing | None) -> bool:
        if _as_stored(self, self.key, prefix, listing):  # one comparison of every signature
            return True
        current: dict[str, Signature | None] | None = None
        racy = self.racy
        # (taken before any file is looked at: a change after the look has a later time than this)
        checked_at = time.time_ns() if racy else 0
        for name, recorded in self.files.items():
            # strings, not paths: thousands of files are looked at
            if recorded is None and listing is not None and listing.absent(name, prefix):
                continue
            path = name if name.startswith(os.sep) else prefix + name
            now = signature(path)
            if now == recorded and (not racy or name not in racy):
                continue
            if now is None or recorded is None or file_hash(path) != self.hashes.get(name):
                return False
            if now != recorded:
                if current is None:
                    current = dict(self.files)
                current[name] = now
        if current is not None:
            self.files, self.refreshed = current, True
        elif racy:
            self.settled = _settled(self.files, racy, checked_at)
        return True

    def signatures_kept(self) -> tuple[list[str], list[str], str, dict[str, str]] | None:
        """What the record keeps of its files, in one piece: the files there were, those there were
        not, the signatures of the first (as :func:`current_stamps` writes them), and the content hash
        of each file a look at its signature does not settle (racy, see :func:`_settled`); None when
        such a file has no hash (a folder: :meth:`holds` never finds it unchanged)."""
        racy = [] if self.settled else self.racy
        looked = {name: self.hashes.get(name) for name in racy}
        if None in looked.values():
            return None
        hashes = cast("dict[str, str]", looked)
        stored = self._stored
        if stored is not None:
            present, absent, stamps, _ = stored
            return present, absent, stamps, hashes
        present = [name for name, stamp in self.files.items() if stamp is not None]
        absent = [name for name, stamp in self.files.items() if stamp is None]
        stamps = ";".join(_stamp(stamp) for stamp in self.files.values() if stamp is not None)
        return present, absent, stamps, hashes

    def __getstate__(self) -> tuple[Any, ...]:
        self._unpack()
        return (self.key, self._files, self.result, self._hashes, self.racy)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        self.key, self._files, self.result, self._hashes, self.racy = state
        self.refreshed = self.settled = False
        self._stored = None

    def encode(self) -> str:
        """The record as the manifest stores it: JSON, the watched files' signatures and hashes each
        in one string (thousands of records are loaded and compared at once, few of them unpacked)."""
        hashes = self.hashes
        seen = [(name, stamp) for name, stamp in self.files.items() if stamp is not None]
        present = [name for name, _ in seen]
        absent = [name for name, stamp in self.files.items() if stamp is None]
        stamps = ";".join(_stamp(stamp) for _, stamp in seen)
        digests = ",".join(hashes.get(name, "-") for name in present)
        stored = [_FORMAT, self.key, present, absent, stamps, digests, self.racy, self.result]
        return json.dumps(stored, separators=(",", ":"))

    @classmethod
    def decode(cls, stored: Any) -> Record | None:
        """The record :meth:`encode` stored (already parsed), None when it is not one (another version)."""
        if type(stored) is not list or len(stored) != 8 or stored[0] != _FORMAT:
            return None
        _, key, present, absent, stamps, digests, racy, result = stored
        if not (  # (what is inside is checked when looked at: see holds)
            type(key) is str
            and type(present) is type(absent) is type(racy) is list
            and type(stamps) is type(digests) is str
            and type(result) is dict
        ):
            return None
        record = cls.__new__(cls)  # (thousands of records are loaded: no call of __init__)
        record.key, record.result, record.racy = key, result, racy
        record.refreshed = record.settled = False
        record._stored = (present, absent, stamps, digests)  # _files and _hashes: made when unpacked
        return record


def is_racy(signature: Signature, now: int) -> bool:
    """Whether a file with ``signature`` could, at ``now`` (ns), change again without a change of its
    signature: its modification time is less than :data:`RACY_SECONDS` before
    (:data:`FINE_RACY_SECONDS` when that time has a fraction of a second)."""
    modified = signature[1]
    window = FINE_RACY_SECONDS if modified % 1_000_000_000 else RACY_SECONDS
    return now - modified < window * 1e9


def _settled(files: dict[str, Signature | None], racy: list[str], checked_at: int) -> bool:
    """Whether the ``racy`` files of a record, just found to hold the content recorded (their
    signatures unchanged), need no such look again: none is racy at ``checked_at``, when the look
    began (:func:`is_racy`). A change after the look gets times later than ``checked_at`` less one
    tick of the file system's clock, so later than the recorded ones: another signature."""
    for name in racy:
        recorded = files.get(name)
        if recorded is not None and is_racy(recorded, checked_at):
            return False
    return True


def _stamp(signature: Signature) -> str:
    size, modified, changed, inode = signature
    return f"{size}.{modified}.{changed}.{inode}"


def current_stamps(prefix: str, names: list[str]) -> str:
    """The signatures of the files ``names`` now, as :meth:`Record.encode` keeps them ("-": no file)."""
    found = []
    stat = os.stat
    for name in names:
        try:  # (signature and _stamp in one: tens of thousands of files are looked at)
            now = stat(name if name.startswith(os.sep) else prefix + name)
        except OSError:
            found.append("-")
            continue
        found.append(f"{now.st_size}.{now.st_mtime_ns}.{now.st_ctime_ns}.{now.st_ino}")
    return ";".join(found)


def holding_as_stored(
    root: Path, wanted: Sequence[tuple[Record | None, str]], listing: Listing | None = None
) -> list[bool]:
    """For each (record, key) of ``wanted``, True when the record, as the manifest stored it and not
    racy, holds ``key`` by the signatures of its files alone: what :meth:`Record.holds` would find
    first, and then answer True without a change to the record. False: ask :meth:`Record.holds`
    (no record, a racy or damaged one, or a file whose signature changed). Changes nothing: many
    processes may ask this of parts of one manifest."""
    prefix = str(root).rstrip(os.sep) + os.sep
    return [record is not None and _as_stored(record, key, prefix, listing) is True for record, key in wanted]


def all_hold(root: Path, wanted: list[tuple[Record, str]], listing: Listing | None = None) -> bool:
    """True when every record of ``wanted`` holds its key, as :meth:`Record.holds` tells (records
    as the manifest stored them, none racy, are looked at without a call for each)."""
    prefix = str(root).rstrip(os.sep) + os.sep
    for record, key in wanted:
        verdict = _as_stored(record, key, prefix, listing)
        if verdict is False:
            return False
        if verdict is None:
            break
    else:
        return True
    return all(record.holds(root, key, listing) for record, key in wanted)


def _as_stored(record: Record, key: str, prefix: str, listing: Listing | None) -> bool | None:
    """What the signatures of ``record``'s files alone tell, looked at as the manifest stored them
    (one comparison of every signature, the record not unpacked): True, it holds ``key``; False, a
    file recorded as absent is there (it does not); None, they cannot tell (the record unpacked,
    racy, damaged or for another key, or a file's signature changed: its content may not have).
    ``prefix``: the project's folder and a separator."""
    stored = record._stored
    if stored is None or record.racy or record.key != key:
        return None
    present, absent, stamps, _ = stored
    try:
        if absent and not _all_absent(absent, prefix, listing):
            return False
        return True if current_stamps(prefix, present) == stamps else None
    except (TypeError, ValueError, AttributeError):  # a damaged record: see Record.holds
        return None


def _all_absent(names: list[str], prefix: str, listing: Listing | None) -> bool:
    """No file at any of ``names`` (a record's names), as the run's ``listing`` says or as a look at
    each does."""
    if listing is not None:
        return listing.all_absent(names, prefix)
    return all(signature(name if name.startswith(os.sep) else prefix + name) is None for name in names)


#: The version of :meth:`Record.encode`'s layout (a record of another is not trusted: a full run).
_FORMAT = 3


class Listing:
    """The names in folders, each folder listed once, when first asked about: one listing tells that
    thousands of files recorded as absent (review copies never made) still are."""

    def __init__(self) -> None:
        self._names: dict[str, set[str]] = {}

    def absent(self, name: str, prefix: str) -> bool:
        """True when ``name`` (a record's name: below the folder ``prefix`` ends with a separator, or
        absolute) was not in its folder's listing."""
        return self.all_absent((name,), prefix)

    def all_absent(self, names: Iterable[str], prefix: str) -> bool:
        """True when none of ``names`` (as :meth:`absent` takes them) was in its folder's listing."""
        listed = self._names
        for name in names:  # (a no-op run asks of tens of thousands of names)
            folder, _, base = name.rpartition("/")
            place = (folder or os.sep) if name.startswith(os.sep) else prefix + folder
            found = listed.get(place)
            if found is None:
                try:
                    found = set(os.listdir(place))
                except OSError:  # no such folder: nothing in it
                    found = set()
                listed[place] = found
            if base in found:
                return False
        return True


def _record_context(command: str, slug: str, locale: str) -> bytes:
    """What a stored record of ``slug`` in ``locale`` (for ``command``) is signed as."""
    return f"{_context_start(command)}{slug}\0{locale}".encode("utf-8", "surrogatepass")


def _context_start(command: str) -> str:
    """How the context of each record of ``command`` starts (see :func:`_record_context`)."""
    return f"manifest record\0{command}\0"


def _parse(data: Any) -> Any:
    """One stored record parsed (None when it is not JSON)."""
    try:
        return json.loads(data)
    except (ValueError, TypeError, RecursionError):
        return None


def path_name(root: Path, path: Path | str) -> str:
    """How a record names ``path``: relative to the project's ``root`` (so that a project keeps its
    records when moved or cloned elsewhere), absolute when outside it."""
    here, folder = str(path), str(root).rstrip(os.sep) + os.sep
    if here.startswith(folder) and ".." not in here.split(os.sep):
        return here[len(folder) :].replace(os.sep, "/")
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return str(path)


class Manifest:
    """The records of one command (``extract``, ``compile``) in a project's manifest."""

    def __init__(
        self,
        root: Path,
        command: str,
        *,
        ignore: bool = False,
        key: bytes | None = b"",
        only: Collection[str] | None = None,
    ) -> None:
        """Open the manifest of the project at ``root`` (``ignore``: act as if it were empty).

        ``only``: the slugs whose records are loaded at once (with the run's own, slug ""); another
        slug's are loaded when :meth:`get` first asks for them, and are in :meth:`slugs` from then on
        (a run that knows the rest unchanged: see :mod:`transpub.whole_run`); :meth:`save` leaves the
        records never loaded as they are.

        ``key``: what its records are signed with (workflows: :func:`~transpub.signing.local_key`); a
        record not signed with it (written elsewhere, or edited) is not there. None: no key could be
        had, and no record is trusted. (The default, no key, makes the signature a mere checksum.)
        """
        self.root = root
        self.command = command
        self.path = root / MANIFEST
        self.key = key
        #: The records there that were not signed with ``key`` (written elsewhere, or edited).
        self._foreign: set[tuple[str, str]] = set()
        #: Those of them this run looked for (see :attr:`ignored_articles`).
        self._ignored: set[tuple[str, str]] = set()
        with no_collection():  # (tens of thousands of records, none in a reference cycle)
            self._records: dict[tuple[str, str], Record] = {} if ignore else self._load(only)
        #: The slugs whose records are loaded (None: all of them).
        self._loaded: set[str] | None = None if ignore or only is None else {"", *only}
        self._changed: dict[tuple[str, str], Record | None] = {}
        #: The slugs whose records were put or dropped since the manifest was opened (saved or not).
        self.touched: set[str] = set()
        #: The folders looked into while deciding what changed (see :meth:`Record.holds`).
        self.listing = Listing()

    def _load(
        self, only: Collection[str] | None = None, *, own: bool = True
    ) -> dict[tuple[str, str], Record]:
        """The records of the slugs ``only`` (None: all), with the run's own (slug "") unless not ``own``."""
        if self.key is None or not self.path.is_file():
            return {}  # (with no key no record is trusted: none is read, nor counted as another key's)
        query, values = "SELECT slug, locale, data FROM records WHERE command = ?", [self.command]
        if only is not None:
            query += " AND slug IN (SELECT value FROM json_each(?))"
            values.append(json.dumps(["", *only] if own else list(only)))
        try:
            with contextlib.closing(sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)) as db:
                rows = db.execute(query, values).fetchall()
        except sqlite3.Error:
            return {}  # unreadable: a full run
        # a row not signed with the key (restored from elsewhere, or edited) is not there
        rows = [row for row in rows if type(row[0]) is str and type(row[1]) is str]
        command = _context_start(self.command)  # (the context of each: see _record_context)
        texts = texts_if_signed(
            self.key, [(data, f"{command}{slug}\0{locale}") for slug, locale, data in rows]
        )
        signed = []
        for (slug, locale, _), text in zip(rows, texts, strict=True):
            if text is None:
                self._foreign.add((slug, locale))
            else:
                signed.append((slug, locale, text))
        try:  # one parse for every row: thousands of rows
            parsed = json.loads("[" + ",".join(text for _, _, text in signed) + "]")
        except (ValueError, TypeError, RecursionError):
            parsed = [_parse(text) for _, _, text in signed]
        records = {}
        for (slug, locale, _), stored in zip(signed, parsed, strict=True):
            try:
                record = Record.decode(stored)
            except (ValueError, TypeError, IndexError):
                record = None
            if record is not None:  # else from another version, or damaged: that article's full run
                records[slug, locale] = record
        return records

    def get(self, slug: str, locale: str = "") -> Record | None:
        """The record of ``slug`` (in ``locale``), if any."""
        self._load_slug(slug)
        record = self._records.get((slug, locale))
        if record is None and (slug, locale) in self._foreign:
            self._ignored.add((slug, locale))
        return record

    def _load_slug(self, slug: str) -> None:
        """Load the records of ``slug`` when the manifest was opened with ``only`` others."""
        loaded = self._loaded
        if loaded is not None and slug not in loaded:
            loaded.add(slug)
            with no_collection():
                for found, record in self._load([slug], own=False).items():
                    self._records.setdefault(found, record)  # (one put since is the newer)

    @property
    def ignored_articles(self) -> int:
        """The articles this run looked for a record of and found one not signed with its key (a
        manifest restored from another machine, a fork's run, another ``TRANSPUB_CACHE_KEY``, or
        edited): not used, so those articles were done again."""
        return len({slug for slug, _ in self._ignored if slug})

    def slugs_besides(self, present: Collection[str], *, foreign: bool = False) -> set[str]:
        """The slugs with a record (in any locale) other than ``present`` and the run's own ("");
        ``foreign``: or one signed with another key. (Opened with ``only`` some slugs, the records of
        the others stored are loaded now: an article gone, or left out, since.)"""
        if self._loaded is not None:
            try:
                with contextlib.closing(
                    sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30)
                ) as db:
                    stored = db.execute(
                        "SELECT DISTINCT slug FROM records WHERE command = ?", (self.command,)
                    ).fetchall()
            except sqlite3.Error:
                stored = []
            for (slug,) in stored:
                if type(slug) is str and slug not in present:
                    self._load_slug(slug)
        found = {slug for slug, _ in self._records}
        if foreign:
            found |= {slug for slug, _ in self._foreign}
        return found - set(present) - {""}

    def put(self, slug: str, record: Record, locale: str = "") -> None:
        """Remember ``record`` for ``slug`` (in ``locale``); written by :meth:`save`."""
        self._records[slug, locale] = record
        self._changed[slug, locale] = record
        self.touched.add(slug)

    @property
    def unsaved(self) -> bool:
        """True when records were put or dropped since the manifest was opened or saved."""
        return bool(self._changed)

    def drop(self, slug: str, locale: str = "") -> None:
        """Forget ``slug`` (in ``locale``): its next run is a full one."""
        self._load_slug(slug)
        if self._records.pop((slug, locale), None) is not None or (slug, locale) in self._changed:
            self._changed[slug, locale] = None
            self.touched.add(slug)

    def forget(self, slug: str) -> None:
        """:meth:`drop` ``slug`` in every locale it has a record in (those signed with another key too)."""
        self._load_slug(slug)
        for slug_locale in [key for key in self._records if key[0] == slug]:
            self.drop(*slug_locale)
        for slug_locale in [key for key in self._foreign if key[0] == slug]:
            self._foreign.discard(slug_locale)
            self._changed[slug_locale] = None
            self.touched.add(slug)

    def save(self, before_write: Callable[[], None] | None = None) -> None:
        """Write the records changed since the manifest was opened (nothing when none did).

        Files changed in the last seconds get a content hash in their record (looked at by every run,
        until a run finds them long unchanged, see :func:`_settled`: such records are written again
        too, when there is something else to write). A manifest that
        cannot be written is left alone (the next run is a full one for those articles).
        ``before_write``: called once the records are encoded, before they are written (a wait for
        the files they name to reach the disk: the encoding goes on meanwhile).
        """
        if self.key is None:  # no record is trusted without a key (:meth:`_load`): none is written,
            self._changed = {k: v for k, v in self._changed.items() if v is None}  # deletions are
        if not self._changed:
            if before_write is not None:
                before_write()
            return
        for slug_locale, kept in self._records.items():  # (only when writing anyway)
            if kept.settled and slug_locale not in self._changed:
                self._changed[slug_locale] = kept
        now = time.time_ns()
        for record in self._changed.values():
            if record is not None:
                record.racy = sorted(
                    name
                    for name, recorded in record.files.items()
                    if recorded is not None and is_racy(recorded, now)
                )
        key = self.key or b""
        rows = [
            (
                self.command,
                slug,
                locale,
                None
                if record is None
                else signed_text(key, record.encode(), _record_context(self.command, slug, locale)),
            )
            for (slug, locale), record in self._changed.items()
        ]
        if before_write is not None:
            before_write()
        write_or_start_anew(self.path, lambda anew: write_rows(self.path, rows))
        self._changed.clear()


def write_rows(path: Path, rows: Sequence[tuple[str, str, str, str | None]]) -> None:
    """Write each (command, slug, locale, signed data) of ``rows`` to the manifest at ``path``; a row
    whose data is None is deleted."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_symlink():  # never written through a link (one restored with a cache)
        path.unlink()
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db, db:
        db.execute(
            "CREATE TABLE IF NOT EXISTS records (command TEXT, slug TEXT, locale TEXT, data TEXT, "
            "PRIMARY KEY (command, slug, locale))"
        )
        db.executemany(
            "INSERT OR REPLACE INTO records (command, slug, locale, data) VALUES (?, ?, ?, ?)",
            [row for row in rows if row[3] is not None],
        )
        db.executemany(
            "DELETE FROM records WHERE command = ? AND slug = ? AND locale = ?",
            [row[:3] for row in rows if row[3] is None],
        )
