"""The localized Markdown files compile writes into a generator's content folder, and their record.

A content folder is shared with files people write by hand (Hugo's ``content/es/_index.md``), so
compile writes over and removes only what it wrote itself. ``<markdown_dir>/.transpub-outputs.json``
records each file it wrote (its path below that folder, locale, article and the SHA-256 of its
bytes). A file that is not recorded, or that changed since compile wrote it, is never replaced or
deleted: :class:`OutputConflict` names it (a file already holding exactly the bytes compile would
write is taken as compile's). Static-site generators (Hugo, Jekyll, MkDocs) ignore the record, as
they ignore every file whose name starts with a dot; commit it with the files when they are committed.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .errors import TranspubError
from .fsutil import confine, locked, remove_file, write_if_changed

RECORD_NAME = ".transpub-outputs.json"
_VERSION = 1


class OutputConflict(TranspubError):
    """A file compile would replace or remove that it did not write, or that was edited since."""


@dataclass(frozen=True)
class Recorded:
    """One file compile wrote: for which locale and article, and the digest of its bytes."""

    locale: str
    slug: str
    sha256: str


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass
class OutputRecord:
    """The files compile wrote below ``root`` (by path relative to it) and this run's changes."""

    root: Path
    files: dict[str, Recorded] = field(default_factory=dict)
    changes: dict[str, Recorded | None] = field(default_factory=dict)
    #: False for a :meth:`view`: folders a removal empties are listed in ``emptied``, not removed.
    remove_folders: bool = True
    emptied: list[Path] = field(default_factory=list)

    @property
    def path(self) -> Path:
        """The record file itself."""
        return self.root / RECORD_NAME

    @classmethod
    def load(cls, root: Path) -> OutputRecord:
        """The record kept in ``root`` (empty when there is none); TranspubError when it is unreadable."""
        record = cls(root)
        record.files = _read(record.path)
        return record

    def view(self) -> OutputRecord:
        """A record of the same files for one article's outputs, written perhaps in a worker process:
        it has changes of its own, for :meth:`merge`, and leaves the folders it empties in place (one
        process removing a folder another is writing into would fail that write)."""
        return OutputRecord(self.root, self.files, remove_folders=False)

    def merge(self, changes: Mapping[str, Recorded | None], emptied: Iterable[Path]) -> None:
        """Take in a :meth:`view`'s ``changes`` and the folders it emptied (see :meth:`prune`)."""
        self.changes.update(changes)
        self.emptied.extend(emptied)

    def prune(self) -> None:
        """Remove the folders emptied by removals (up to the root) that are still empty; call it when
        no other process writes below the root any more."""
        for folder in self.emptied:
            _remove_empty_folders(folder, self.root)
        self.emptied = []

    def key(self, path: Path) -> str:
        """``path`` as the record names it (relative to the root, with ``/``)."""
        return confine(path, self.root).relative_to(self.root).as_posix()

    def _lookup(self, key: str) -> Recorded | None:
        """The entry of ``key``, this run's change first (None: not recorded)."""
        if key in self.changes:
            return self.changes[key]
        return self.files.get(key)

    def digests(self, paths: Iterable[Path]) -> dict[str, str]:
        """The SHA-256 recorded for each of ``paths`` that is recorded, by the record's name for it."""
        found = {}
        for path in paths:
            key = self.key(path)
            entry = self._lookup(key)
            if entry is not None:
                found[key] = entry.sha256
        return found

    def holds(self, digests: Mapping[str, str]) -> bool:
        """True when every file of ``digests`` (from :meth:`digests`) is still recorded with that digest
        (the record was not deleted or edited since: an incremental run may trust it)."""
        for key, sha256 in digests.items():
            entry = self._lookup(key)
            if entry is None or entry.sha256 != sha256:
                return False
        return True

    def entries(self) -> dict[str, Recorded]:
        """Every file recorded, this run's changes included."""
        merged = dict(self.files)
        for key, entry in self.changes.items():
            if entry is None:
                merged.pop(key, None)
            else:
                merged[key] = entry
        return merged

    def _check_ours(self, path: Path, key: str, current: bytes, what: str) -> None:
        entry = self._lookup(key)
        if entry is None:
            raise OutputConflict(
                f"not {what}: this file was not written by transpub compile (move it away, or bring its "
                "translation into the catalog with `transpub align`)",
                path,
            )
        if entry.sha256 != _digest(current):
            raise OutputConflict(
                f"not {what}: this file was changed since transpub compile wrote it (put the change "
                "into the catalog, or delete the file)",
                path,
            )

    def write(self, path: Path, data: bytes, locale: str, slug: str) -> bool:
        """Write ``data`` to ``path`` (atomically, when it changed) and record it; True when written.

        OutputConflict when ``path`` holds other bytes that compile did not write there.
        """
        key = self.key(path)
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        if current is not None and current != data:
            self._check_ours(path, key, current, "replaced")
        written = write_if_changed(path, data)
        self.changes[key] = Recorded(locale, slug, _digest(data))
        return written

    def remove(self, path: Path) -> bool:
        """Delete ``path`` if compile wrote it and it is unchanged; True when a file was removed.

        OutputConflict when the file is not compile's as written (it stays).
        """
        key = self.key(path)
        if not path.is_file():
            if self._lookup(key) is not None:
                self.changes[key] = None
            return False
        current = path.read_bytes()
        self._check_ours(path, key, current, "removed")
        remove_file(path, self.root)
        self.changes[key] = None
        if self.remove_folders:
            _remove_empty_folders(path.parent, self.root)
        else:
            self.emptied.append(path.parent)
        return True

    def save(self) -> None:
        """Write this run's changes into the record, merged with what another run saved meanwhile."""
        if not self.changes:
            return
        with locked(self.path):
            files = _read(self.path)
            for key, entry in self.changes.items():
                if entry is None:
                    files.pop(key, None)
                else:
                    files[key] = entry
            data = {
                "version": _VERSION,
                "files": {
                    key: {"locale": e.locale, "article": e.slug, "sha256": e.sha256}
                    for key, e in sorted(files.items())
                },
            }
            if files or self.path.exists():
                text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
                write_if_changed(confine(self.path, self.root), text.encode("utf-8"))
        self.files = files
        self.changes = {}


def _read(path: Path) -> dict[str, Recorded]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError) as exc:
        raise TranspubError(f"cannot read compile's record of written files: {exc}", path) from exc
    try:
        data = json.loads(text)
        return {
            str(key): Recorded(str(value["locale"]), str(value["article"]), str(value["sha256"]))
            for key, value in data["files"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise TranspubError(
            "compile's record of written files is damaged; delete it and remove the files compile wrote "
            f"by hand ({exc})",
            path,
        ) from exc


def _remove_empty_folders(folder: Path, root: Path) -> None:
    """Remove ``folder`` and its parents up to ``root`` (excluded) while they are empty."""
    root = Path(root)
    while folder != root and root in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
