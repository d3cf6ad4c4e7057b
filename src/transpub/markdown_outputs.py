"""The localized Markdown files compile writes into a generator's content folder, and their record.

A content folder is shared with files people write by hand (Hugo's ``content/es/_index.md``), so
compile writes over and removes only what it wrote itself. ``<markdown_dir>/.transpub-outputs.json``
records each file it wrote (its path below that folder, locale, article and the SHA-256 of its
bytes). A file that is not recorded, or that changed since compile wrote it, is never replaced or
deleted: :class:`OutputConflict` names it (a file already holding exactly the bytes compile would
write is taken as compile's). Static-site generators (Hugo, Jekyll, MkDocs) ignore the record, as
they ignore every file whose name starts with a dot; commit it with the files when they are committed.
Committed, the record is shared: compile removes a file it names only where compile, as configured,
writes that article's file or image copy (see :func:`transpub.compile.markdown.remove_stale_markdown`).
The record of a folder compile no longer writes into (``[compile] layout`` or ``markdown_dir``
changed) names the files it removes there (see :mod:`transpub.compile.moved_markdown`).

Copies of an article's images (see :mod:`transpub.markdown_assets`) are recorded too, with every
locale and article whose file uses them (articles of one folder share their images). A copy is
removed when none of them uses it any more. A file compile did not copy there, or a copy changed
since, is the translation's own image: it is never replaced or removed, and no error.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from .errors import TranspubError
from .fsutil import confine, locked, remove_empty_folders, remove_file, write_if_changed
from .project import MARKDOWN_RECORD_NAME

RECORD_NAME = MARKDOWN_RECORD_NAME
_VERSION = 1


class OutputConflict(TranspubError):
    """A file compile would replace or remove that it did not write, or that was edited since."""


@dataclass(frozen=True)
class Recorded:
    """One file compile wrote: for which locale and article, and the digest of its bytes."""

    locale: str
    slug: str
    sha256: str
    #: An image copy: the ``(locale, article)`` pairs whose files use it (empty for a Markdown file).
    users: tuple[tuple[str, str], ...] = ()


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
    #: The users this run took off each copy (:meth:`release`), so that :meth:`save` keeps the others
    #: that another run (a shard) recorded meanwhile.
    released: dict[str, set[tuple[str, str]]] = field(default_factory=dict)

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
        """Take in a :meth:`view`'s ``changes`` and the folders it emptied (see :meth:`prune`); the
        users of a copy that several views wrote are all kept."""
        for key, entry in changes.items():
            known = self._lookup(key)
            if entry is not None and entry.users and known is not None and known.users:
                entry = replace(entry, users=tuple(sorted({*known.users, *entry.users})))
            self.changes[key] = entry
        self.emptied.extend(emptied)

    def prune(self) -> None:
        """Remove the folders emptied by removals (up to the root) that are still empty; call it when
        no other process writes below the root any more."""
        for folder in self.emptied:
            remove_empty_folders(folder, self.root)
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

    def copy(self, path: Path, data: bytes, locale: str, slug: str) -> bool | None:
        """Write the image copy ``data`` to ``path`` for the file of ``slug`` in ``locale`` and record
        that it uses it; True when written, False when already there, None when ``path`` holds a file
        compile did not copy there or changed since (the translation's own image: left as it is)."""
        key = self.key(path)
        entry = self._lookup(key)
        try:
            current: bytes | None = path.read_bytes()
        except FileNotFoundError:
            current = None
        if current is not None and current != data:
            if entry is None or not entry.users or entry.sha256 != _digest(current):
                if entry is not None:
                    self.changes[key] = None  # no longer compile's to replace or remove
                return None
        written = write_if_changed(path, data, durable=False)  # made again from its source when lost
        users = {(locale, slug), *(entry.users if entry is not None else ())}
        self.changes[key] = Recorded(locale, slug, _digest(data), tuple(sorted(users)))
        return written

    def release(self, key: str, users: tuple[tuple[str, str], ...]) -> bool:
        """Keep the copy ``key`` for ``users`` only; with none left, remove it (unless it was changed
        since it was copied: then it stays, no longer recorded). True when a file was removed."""
        entry = self._lookup(key)
        if entry is None:
            return False
        self.released.setdefault(key, set()).update(set(entry.users) - set(users))
        if users:
            self.changes[key] = replace(entry, locale=users[0][0], slug=users[0][1], users=users)
            return False
        path = self.root / key
        try:
            current = path.read_bytes()
        except (FileNotFoundError, IsADirectoryError):
            self.changes[key] = None
            return False
        self.changes[key] = None
        if _digest(current) != entry.sha256:
            return False  # changed by hand since: the translation's own image now
        remove_file(confine(path, self.root), self.root)
        if self.remove_folders:
            remove_empty_folders(path.parent, self.root)
        else:
            self.emptied.append(path.parent)
        return True

    def forget(self, key: str) -> None:
        """No longer record ``key`` (the file, if any, stays as it is)."""
        self.changes[key] = None

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
            remove_empty_folders(path.parent, self.root)
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
                    continue
                saved = files.get(key)
                if entry.users and saved is not None and saved.users:  # users another run added stay
                    others = set(saved.users) - self.released.get(key, set())
                    entry = replace(entry, users=tuple(sorted({*others, *entry.users})))
                files[key] = entry
            data = {"version": _VERSION, "files": {key: _entry_data(e) for key, e in sorted(files.items())}}
            if files or self.path.exists():
                text = json.dumps(data, ensure_ascii=False, indent=1) + "\n"
                write_if_changed(confine(self.path, self.root), text.encode("utf-8"))
        self.files = files
        self.changes = {}
        self.released = {}


def _entry_data(entry: Recorded) -> dict[str, object]:
    data: dict[str, object] = {"locale": entry.locale, "article": entry.slug, "sha256": entry.sha256}
    if entry.users:
        data["used_by"] = [f"{locale}:{slug}" for locale, slug in entry.users]
    return data


def _users(value: object) -> tuple[tuple[str, str], ...]:
    """The ``used_by`` list of an image copy (``locale:article`` strings) as pairs."""
    if value is None:
        return ()
    if not isinstance(value, list):
        raise TypeError("used_by is not a list")
    return tuple((str(user).partition(":")[0], str(user).partition(":")[2]) for user in value)


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
            str(key): Recorded(
                str(value["locale"]),
                str(value["article"]),
                str(value["sha256"]),
                _users(value.get("used_by")),
            )
            for key, value in data["files"].items()
        }
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:  # (Recursion: [[[[…)
        raise TranspubError(
            "compile's record of written files is damaged; delete it and remove the files compile wrote "
            f"by hand ({exc})",
            path,
        ) from exc
