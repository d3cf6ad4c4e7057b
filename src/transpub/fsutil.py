"""Safe file writing: temporary file + rename, skip when unchanged, advisory locks, paths kept inside."""

from __future__ import annotations

import contextlib
import os
import re
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import LockTimeout, UnsafePathError

#: When this process started: a temporary file older than that is a leftover of an earlier, killed run.
RUN_STARTED = time.time()
#: The temporary files :func:`atomic_write_bytes` creates (``.<name>.<8 random characters>.tmp``).
TEMPORARY_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
#: A leftover must also be this old (seconds), so a slower concurrent run's file is never taken for one.
STALE_AFTER = 60.0
_swept: set[Path] = set()


def confine(path: Path, folder: Path) -> Path:
    """``path``, after checking that it lies inside ``folder`` once ``..`` and symbolic links are resolved.

    Every path transpub writes or deletes is built from names it read (locales, article slugs) and goes
    through here first, so no name can lead a write outside the project's folders: UnsafePathError.
    """
    inside = resolved_folder(os.path.abspath(folder))
    resolved = real_path(path)
    if resolved != inside and not resolved.startswith(inside.rstrip(os.sep) + os.sep):
        raise UnsafePathError(f"refusing to write or delete outside {folder}", path)
    return path


#: Folders already resolved in this run (a project's folders are asked about once per file written).
_RESOLVED_FOLDERS: dict[str, str] = {}


def real_path(path: Path | str) -> str:
    """``os.path.realpath(path)``, its folder's resolution remembered for the run (see
    :func:`resolved_folder`): a file's own name is still checked for a link every time."""
    absolute = os.path.abspath(path)
    folder, name = os.path.split(absolute)
    if not name or name in (".", "..") or os.path.islink(absolute):
        return os.path.realpath(absolute)
    return os.path.join(resolved_folder(folder), name)


def resolved_folder(folder: str) -> str:
    """``os.path.realpath(folder)``, remembered until :func:`forget_folders` (a run's folders stay put)."""
    found = _RESOLVED_FOLDERS.get(folder)
    if found is None:
        found = _RESOLVED_FOLDERS[folder] = os.path.realpath(folder)
    return found


def remove_file(path: Path, folder: Path) -> bool:
    """Delete the file ``path`` (checked to be inside ``folder``); False when there was none."""
    if not path.is_file():
        return False
    confine(path, folder)
    path.unlink()
    return True


def start_run() -> None:
    """Begin a new run in this process (a process starts one by itself): temporaries are swept again,
    and folders are resolved again (a run remembers where its folders lead, see :func:`confine`)."""
    global RUN_STARTED
    RUN_STARTED = time.time()
    _swept.clear()
    forget_folders()


def forget_folders() -> None:
    """Resolve folders anew from here on (each workflow starts so: a folder may have been replaced)."""
    _RESOLVED_FOLDERS.clear()
    _PROJECT_ROOTS.clear()


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files an earlier, killed run left in ``folder`` (once per folder and run).

    Only files named as :func:`atomic_write_bytes` names them and last changed before this run started
    (and at least :data:`STALE_AFTER` seconds ago) are removed; returns them.
    """
    key = Path(os.path.abspath(folder))
    if key in _swept:
        return []
    _swept.add(key)
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(key):
            if not TEMPORARY_NAME.fullmatch(entry.name) or not entry.is_file(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                changed = entry.stat(follow_symlinks=False).st_mtime
                if changed < RUN_STARTED and changed < time.time() - STALE_AFTER:
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


def atomic_write_bytes(path: Path, data: bytes, *, durable: bool = True) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader never sees a half-written file, and a crash leaves the old file intact (its temporary
    file is removed by the next run that writes into the same folder). ``durable`` flushes the data
    to disk before the rename (fsync), so that a power cut cannot leave an empty file in its place:
    for files people edit (catalogs, glossaries). Files that a run writes again from its sources
    (pages, templates, indexes) skip it: a flush per page costs more than the page.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_temporaries(path.parent)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if durable:
                handle.flush()
                os.fsync(handle.fileno())
        if path.exists():
            os.chmod(tmp_name, path.stat().st_mode & 0o7777)
        else:
            os.chmod(tmp_name, 0o644)
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def write_if_changed(path: Path, data: bytes, *, durable: bool = True) -> bool:
    """Atomically write ``data`` unless ``path`` already holds exactly these bytes.

    Returns True when the file was written. An unchanged file keeps its mtime. ``durable``: see
    :func:`atomic_write_bytes`.
    """
    remove_stale_temporaries(path.parent)
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data, durable=durable)
    return True


#: Where a project keeps the lock files of its catalogs (out of sight, ignored by version control).
LOCKS_DIR = Path(".transpub") / "locks"
_CONFIG_NAME = "transpub.toml"


def lock_path(path: Path) -> Path:
    """The lock file guarding ``path``: under the project's ``.transpub/locks/``, mirroring the path.

    Every process derives the same lock file from the same catalog. A file outside any project
    (no ``transpub.toml`` above it) is guarded by a hidden ``.<name>.lock`` beside it.
    """
    resolved = Path(os.path.abspath(path)).resolve()
    root = _project_root_of(str(resolved.parent))
    if root is not None:
        return Path(root) / LOCKS_DIR / f"{resolved.relative_to(root).as_posix()}.lock"
    return resolved.with_name(f".{resolved.name}.lock")


#: Folder -> the project folder at or above it (None: no project), looked up once per folder and run.
_PROJECT_ROOTS: dict[str, str | None] = {}


def _project_root_of(folder: str) -> str | None:
    """The nearest folder at or above ``folder`` (resolved) that holds ``transpub.toml``."""
    if folder in _PROJECT_ROOTS:
        return _PROJECT_ROOTS[folder]
    found: str | None = None
    for candidate in (Path(folder), *Path(folder).parents):
        if (candidate / _CONFIG_NAME).is_file():
            found = str(candidate)
            break
    _PROJECT_ROOTS[folder] = found
    return found


#: Seconds to wait for another run's lock on a file before giving up with an error.
LOCK_TIMEOUT = 300.0


@contextlib.contextmanager
def locked(path: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock for ``path`` (see :func:`lock_path`) while the block runs.

    Two transpub processes updating the same catalog serialise here, so neither loses
    the other's entries: each reads the file *after* taking the lock, and writes it by an
    atomic rename. The lock file stays (removing it would race with a waiting process).
    filelock works on every platform; after ``timeout`` seconds of waiting, LockTimeout.
    """
    import filelock  # only the commands that write catalogs take locks

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    guard = lock_path(path)
    guard.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(guard), timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise LockTimeout(
            f"another transpub run has held this file for over {timeout:g} s (lock {guard}); "
            "try again when it has finished",
            path,
        ) from exc
    try:
        yield
    finally:
        lock.release()
