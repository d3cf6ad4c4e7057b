"""Safe file writing: temporary file + rename, skip when unchanged, advisory locks, paths kept inside."""

from __future__ import annotations

import contextlib
import errno
import filecmp
import os
import re
import stat
import sys
import time
import zlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from .errors import LockTimeout, UnsafePathError

#: When this process started: a temporary file older than that is a leftover of an earlier, killed run.
RUN_STARTED = time.time()
#: The temporary files :func:`atomic_write_bytes` creates (``.<name>.<8 characters>.tmp``).
TEMPORARY_NAME = re.compile(r"\..+\.[a-z0-9_]{8}\.tmp")
#: A leftover must also be this old (seconds), so a slower concurrent run's file is never taken for one.
STALE_AFTER = 60.0
_swept: set[str] = set()
#: The absolute, normal names of the folders in :data:`_swept` (a folder asked about by such a name
#: is known swept without working its name out again).
_swept_as_given: set[str] = set()


def confine(path: Path, folder: Path) -> Path:
    """``path``, after checking that it lies inside ``folder`` once ``..`` and symbolic links are resolved.

    Every path transpub writes or deletes is built from names it read (locales, article slugs) and goes
    through here first, so no name can lead a write outside the project's folders: UnsafePathError.
    """
    _check_inside(real_path(path), folder, path)
    return path


def _check_inside(resolved: str, folder: Path, path: Path | str) -> None:
    """UnsafePathError unless ``resolved`` (``path`` resolved) is ``folder`` (resolved) or inside it."""
    inside = _CONFINING.get(folder)
    if inside is None:
        inside = _CONFINING[folder] = resolved_folder(os.path.abspath(folder))
    if resolved != inside and not resolved.startswith(inside.rstrip(os.sep) + os.sep):
        why = _link_on_the_way(path, folder)
        raise UnsafePathError(f"refusing to write or delete outside {folder}{why}", path)


def _link_on_the_way(path: Path | str, folder: Path) -> str:
    """Why ``path`` leads out of ``folder`` when a symbolic link below it does (``: site/de is a
    symbolic link to /srv/elsewhere``), else "": a user who made the link on purpose learns what to
    change."""
    top = os.path.abspath(folder)
    for part in [Path(path), *Path(path).parents]:  # (the nearest first)
        if not os.path.abspath(part).startswith(top + os.sep):
            break
        if part.is_symlink():
            try:
                target = os.readlink(part)
            except OSError:
                continue
            return f": {part} is a symbolic link to {target}"
    return ""


def confined_file(folder: str, name: str, within: Path) -> str:
    """``os.path.join(folder, name)``, after the check :func:`confine` makes of it (the same answer:
    the same error, the same links followed): for the files of a few folders (a site's pages, a
    language's catalogs), each folder's absolute form worked out once per run, and no path object
    made per file. The file's own name is still looked at for a link every time; a ``name`` that is
    not a plain file name (a separator, ``.``, ``..``) is checked by :func:`confine` itself."""
    path = os.path.join(folder, name)
    if not name or name in (".", "..") or os.sep in name or (os.altsep is not None and os.altsep in name):
        confine(Path(path), within)
        return path
    absolute = _ABSOLUTE_FOLDERS.get(folder)
    if absolute is None:
        absolute = os.path.abspath(folder)
        if os.path.isabs(folder):  # (a relative one depends on the working folder)
            _ABSOLUTE_FOLDERS[folder] = absolute
    file = os.path.join(absolute, name)  # what real_path makes of ``path``: abspath(path)
    if os.path.islink(file):
        resolved = os.path.realpath(file)
    else:
        resolved = os.path.join(resolved_folder(absolute), name)
    _check_inside(resolved, within, path)
    return path


#: Folders already resolved in this run (a project's folders are asked about once per file written).
_RESOLVED_FOLDERS: dict[str, str] = {}
#: The folders :func:`confine` was given in this run, resolved.
_CONFINING: dict[Path | str, str] = {}
#: The folders :func:`confined_file` was given in this run, absolute (``os.path.abspath``).
_ABSOLUTE_FOLDERS: dict[str, str] = {}


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


def remove_empty_folders(folder: Path, top: Path) -> None:
    """Remove ``folder`` and its parents up to ``top`` (excluded) while they are empty: the folders a
    removal of files emptied (one holding anything, outside ``top`` or reached through a link, stays)."""
    top = Path(top)
    while folder != top and top in folder.parents:
        if os.path.realpath(folder) != os.path.join(os.path.realpath(top), os.path.relpath(folder, top)):
            return  # a link on the way: the folder it leads to is not this one to remove
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def start_run() -> None:
    """Begin a new run in this process (a process starts one by itself): temporaries are swept again,
    and folders are resolved again (a run remembers where its folders lead, see :func:`confine`)."""
    global RUN_STARTED
    RUN_STARTED = time.time()
    _swept.clear()
    _swept_as_given.clear()
    forget_folders()


def forget_folders() -> None:
    """Resolve folders anew from here on (each workflow starts so: a folder may have been replaced)."""
    _RESOLVED_FOLDERS.clear()
    _CONFINING.clear()
    _ABSOLUTE_FOLDERS.clear()
    _PROJECT_ROOTS.clear()
    _ARTICLE_LOCKS.clear()


def remove_stale_temporaries(folder: Path | str) -> list[Path]:
    """Delete the temporary files an earlier, killed run left in ``folder`` (once per folder and run).

    Only files named as :func:`atomic_write_bytes` names them and last changed before this run started
    (and at least :data:`STALE_AFTER` seconds ago) are removed; returns them.
    """
    if folder.__class__ is str and folder in _swept_as_given:
        return []  # (an absolute folder's name as given: each file written there asks)
    key = os.path.abspath(folder)
    if key == folder:
        _swept_as_given.add(key)
    if key in _swept:
        return []
    _swept.add(key)
    removed: list[Path] = []
    try:
        names = os.listdir(key)
    except OSError:
        return removed
    for name in names:  # (a site's folder holds thousands of pages: names are told apart as strings)
        if not (name.startswith(".") and name.endswith(".tmp") and TEMPORARY_NAME.fullmatch(name)):
            continue
        path = os.path.join(key, name)
        with contextlib.suppress(OSError):
            found = os.lstat(path)
            changed = found.st_mtime
            if stat.S_ISREG(found.st_mode) and changed < RUN_STARTED and changed < time.time() - STALE_AFTER:
                os.unlink(path)
                removed.append(Path(path))
    return removed


def atomic_write_bytes(
    path: Path | str, data: bytes, *, durable: bool = True, mode: int | None = None
) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader never sees a half-written file, and a crash leaves the old file intact (its temporary
    file is removed by the next run that writes into the same folder). ``durable`` flushes the data
    to disk before the rename (fsync), so that a power cut cannot leave an empty file in its place:
    for files people edit (catalogs, glossaries). Files that a run writes again from its sources
    (pages, templates, indexes) skip it: a flush per page costs more than the page. Many files at
    once: :class:`WriteBatch` (one flush for all of them). ``mode``: the file's mode (None: the
    mode of the file it replaces, 0o644 for a new one).
    """
    tmp_name = _temporary_copy(path, (data,), flush=durable, mode=mode)
    try:
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise


def _temporary_copy(
    path: Path | str, chunks: Iterable[bytes], *, flush: bool, mode: int | None = None
) -> str:
    """A temporary file beside ``path`` holding ``chunks`` one after the other (fsync-ed when
    ``flush``) with the mode ``path`` has (0o644 for a new file; ``mode``: this one, when the caller
    knows it), ready to be renamed onto it; its name. Its folder is made when it is missing."""
    folder, name = os.path.split(os.fspath(path))
    folder = folder or os.curdir
    remove_stale_temporaries(folder)
    fd, tmp_name = _create_temporary(folder, name)
    try:
        try:
            for chunk in chunks:
                _write_all(fd, chunk)
            if flush:
                os.fsync(fd)
            if mode is None:
                try:
                    mode = os.stat(path).st_mode & 0o7777
                except FileNotFoundError:
                    mode = 0o644
            if _FCHMOD is not None:
                _FCHMOD(fd, mode)
        finally:
            os.close(fd)
        if _FCHMOD is None:
            os.chmod(tmp_name, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return tmp_name


#: How :func:`_create_temporary` opens a new temporary file (as tempfile.mkstemp does).
_CREATE_FLAGS = (
    os.O_WRONLY
    | os.O_CREAT
    | os.O_EXCL
    | getattr(os, "O_NOFOLLOW", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)
#: The number of this process's next temporary file name: drawn at random for its first one, then
#: counted up (a draw per name costs a system call); a forked process draws its own.
_next_name: list[int] = []
if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_next_name.clear)
#: ``os.fchmod`` where there is one (not on Windows before Python 3.13).
_FCHMOD: Callable[[int, int], None] | None = getattr(os, "fchmod", None)


#: How many times :func:`_create_temporary` makes a missing folder before it gives up.
_MAKE_FOLDER_TRIES = 5


def _create_temporary(folder: str, name: str) -> tuple[int, str]:
    """A new file ``.<name>.<8 hexadecimal digits>.tmp`` in ``folder`` (made when missing), open for
    writing, readable by its owner only: its descriptor and path (what tempfile.mkstemp gives, without
    its name generator: tempfile brings shutil and random into every run)."""
    made = 0
    for _ in range(10_000):
        if not _next_name:
            _next_name.append(int.from_bytes(os.urandom(4), "little"))
        number = _next_name[0]
        _next_name[0] = (number + 1) & 0xFFFFFFFF  # (two threads may take one number: the second draws again)
        tmp_name = os.path.join(folder, f".{name}.{number:08x}.tmp")
        try:
            return os.open(tmp_name, _CREATE_FLAGS, 0o600), tmp_name
        except FileExistsError:
            continue  # another file has that name: draw again
        except FileNotFoundError:
            if made == _MAKE_FOLDER_TRIES:
                raise
            # the folder's first file: make the folder, try again (again when another run, a shard
            # compiling into the same site, removed it as empty before this file was made there)
            os.makedirs(folder, exist_ok=True)
            made += 1
    raise FileExistsError(errno.EEXIST, "no free name for a temporary file", folder)


def _write_all(fd: int, data: bytes) -> None:
    """Write all of ``data`` to the file ``fd`` (``os.write`` may take part of it)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_if_changed(path: Path | str, data: bytes, *, durable: bool = True, new: bool = False) -> bool:
    """Atomically write ``data`` unless ``path`` already holds exactly these bytes.

    Returns True when the file was written. An unchanged file keeps its mtime. ``durable``: see
    :func:`atomic_write_bytes`. ``new``: the caller found no file there (a listing of its folder
    made in this run before anything wrote there): it is written without a look at an old one,
    with mode 0o644 (still through a temporary file and a rename).
    """
    name = os.fspath(path)
    remove_stale_temporaries(os.path.dirname(name) or os.curdir)
    if not new:
        try:
            with open(name, "rb") as file:
                if file.read() == data:
                    return False
        except FileNotFoundError:
            pass
    atomic_write_bytes(name, data, durable=durable, mode=0o644 if new else None)
    return True


def write_chunks_if_changed(path: Path, chunks: Iterable[bytes]) -> bool:
    """:func:`write_if_changed` for bytes that come a piece at a time and are never held whole (a
    TBX of a million terms is 700 MB): they go to a temporary file beside ``path`` (flushed to
    disk), which takes its place unless ``path`` already holds exactly these bytes."""
    tmp_name = _temporary_copy(path, chunks, flush=True)
    try:
        if os.path.isfile(path) and filecmp.cmp(tmp_name, path, shallow=False):
            os.unlink(tmp_name)
            return False
        os.replace(tmp_name, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp_name)
        raise
    return True


#: Where a project keeps the lock files of its catalogs (out of sight, ignored by version control).
LOCKS_DIR = Path(".transpub") / "locks"
_CONFIG_NAME = "transpub.toml"


def lock_path(path: Path) -> Path:
    """The lock file guarding ``path``: under the project's ``.transpub/locks/``.

    Every process derives the same lock file from the same file. The catalogs of one article share
    one lock, and so do the articles whose slugs fall in one of :data:`LOCK_BUCKETS` buckets (a
    stable hash): ``<catalogs>/<locale>/LC_MESSAGES/<slug>.po`` (any locale) is guarded by
    ``.transpub/locks/<catalogs>/articles-<bucket>.lock``, which extract holds while it writes the
    templates and catalogs of a batch of articles (:func:`article_lock_path`, :func:`lock_bucket`).
    Another file is guarded by its own lock, its path mirrored (``<path>.lock``). A file outside any
    project (no ``transpub.toml`` above it) by a hidden ``.<name>.lock`` beside it (``<name>.lock`` for a
    hidden file's own name), which :func:`locked` removes when done: a preview compiled to a folder of
    its own (``compile --out /tmp/p``) is left with its pages only.

    A lock file is made where it is when missing, so it must stay in the project, links resolved, or
    in the folder ``.transpub`` is a link to (one put on a faster disk): a link below ``.transpub/``
    (``.transpub/locks`` itself, say) that leads elsewhere is UnsafePathError, before anything is
    made there. The file's own name is not followed: a file that is a link (to anywhere) is guarded
    by a lock of its own name, where the link is, never beside the file it leads to.
    """
    return _lock_place(path)[0]


def _lock_place(path: Path) -> tuple[Path, bool]:
    """:func:`lock_path` of ``path``, and whether that lock file is beside it, outside any project
    (then the run that took it removes it)."""
    folder, name = os.path.split(os.path.abspath(path))
    resolved = Path(os.path.realpath(folder)) / name
    root = _project_root_of(str(resolved.parent))
    if root is not None:
        relative = resolved.relative_to(root).as_posix()
        lock = Path(root) / LOCKS_DIR / (_article_lock_name(relative) or f"{relative}.lock")
        _check_lock_place(root, lock)
        return lock, False
    hidden = name if name.startswith(".") else f".{name}"
    return resolved.with_name(f"{hidden}.lock"), True


def _check_lock_place(root: str, lock: Path) -> None:
    """UnsafePathError unless the lock file ``lock`` of the project at ``root`` is, links resolved, in
    the project or in the folder its ``.transpub`` leads to (see :func:`lock_path`)."""
    state = os.path.join(root, LOCKS_DIR.parent)
    resolved = os.path.join(resolved_folder(os.path.dirname(lock)), lock.name)
    for folder in (root, state):
        inside = resolved_folder(folder)
        if resolved.startswith(inside.rstrip(os.sep) + os.sep):
            return
    raise UnsafePathError(
        f"transpub makes its lock files here, and a symbolic link leads it out of the project (to "
        f"{os.path.dirname(resolved)}); remove the link (a link of .transpub itself is followed)",
        os.path.relpath(os.path.dirname(lock), root),
    )


def check_memory_place(root: Path | str, path: Path | str) -> None:
    """UnsafePathError when the translation memory's SQLite file ``path`` is named in the project at
    ``root`` and a symbolic link leads it, links resolved, out of the project and out of the folder its
    ``.transpub`` leads to (as a lock file's place, :func:`lock_path`): a link planted there (a CI
    cache restored, a commit) would take the memory's writes, a new database and its journals,
    wherever it points. A memory set outside the project is where it was set."""
    _check_state_place(
        root, path, "writes the translation memory", "remove the link, or set [paths] memory to that file"
    )


def check_unsaved_place(root: Path | str, folder: Path | str) -> None:
    """UnsafePathError when the folder ``folder`` (``.transpub/unsaved``), whose files translate reads
    into the memory and then deletes, is led by a symbolic link out of the project at ``root`` and out
    of the folder its ``.transpub`` leads to (see :func:`check_memory_place`)."""
    _check_state_place(
        root, folder, "keeps what the memory refused (then reads and deletes it)", "remove the link"
    )


def _check_state_place(root: Path | str, path: Path | str, doing: str, remedy: str) -> None:
    """UnsafePathError naming what transpub is ``doing`` at ``path`` and the ``remedy``, when a link
    leads ``path``, named in the project at ``root``, out of it and out of what ``.transpub`` leads to."""
    top = os.path.abspath(root)
    absolute = os.path.abspath(os.path.join(top, path))
    if not absolute.startswith(top.rstrip(os.sep) + os.sep):
        return
    resolved = os.path.realpath(absolute)
    for folder in (top, os.path.join(top, LOCKS_DIR.parent)):
        if resolved.startswith(os.path.realpath(folder).rstrip(os.sep) + os.sep):  # (once a run: not kept)
            return
    raise UnsafePathError(
        f"transpub {doing} here, and a symbolic link leads it out of the project (to {resolved}); "
        f"{remedy} (a link of .transpub itself is followed)",
        os.path.relpath(absolute, top),
    )


#: How many locks the articles of a project share (a run takes one per bucket its batch touches,
#: not one per article: filelock costs about half a millisecond a lock).
LOCK_BUCKETS = 64


def lock_bucket(slug: str) -> int:
    """The lock bucket of article ``slug`` (stable across runs, machines and Python versions).

    >>> lock_bucket("world/lake"), lock_bucket("world/lake") == lock_bucket("world/river")
    (16, False)
    """
    return zlib.crc32(slug.encode("utf-8")) % LOCK_BUCKETS


def _article_lock_name(relative: str) -> str | None:
    """``<catalogs>/articles-<bucket>.lock`` for a catalog ``<catalogs>/<locale>/LC_MESSAGES/<slug>.po``,
    else None.

    >>> _article_lock_name("locales/de/LC_MESSAGES/world/lake.po")
    'locales/articles-16.lock'
    >>> _article_lock_name("locales/templates/lake.pot") is None
    True
    """
    if not relative.endswith(".po"):
        return None
    parts = relative[:-3].split("/")
    if "LC_MESSAGES" not in parts:
        return None
    at = parts.index("LC_MESSAGES")
    if at < 1 or at == len(parts) - 1:
        return None
    return "/".join([*parts[: at - 1], _bucket_name(lock_bucket("/".join(parts[at + 1 :])))])


def _bucket_name(bucket: int) -> str:
    return f"articles-{bucket:02d}.lock"


def article_lock_path(catalogs: Path, slug: str) -> Path:
    """The lock every catalog of article ``slug`` in the folder ``catalogs`` shares (:func:`lock_path`)."""
    folder = _ARTICLE_LOCKS.get(catalogs)
    if folder is None:  # once per run: where the locks of this catalogs folder go
        folder = _ARTICLE_LOCKS[catalogs] = str(
            lock_path(Path(catalogs) / "_" / "LC_MESSAGES" / "_.po").parent
        )
    return Path(os.path.join(folder, _bucket_name(lock_bucket(slug))))


#: Catalogs folder -> the folder of its articles' locks, worked out once per run.
_ARTICLE_LOCKS: dict[Path, str] = {}


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
def locked(path: Path, timeout: float = LOCK_TIMEOUT, *, guard: Path | None = None) -> Iterator[None]:
    """Hold an exclusive lock for ``path`` (see :func:`lock_path`; ``guard``: this lock file instead)
    while the block runs.

    Two transpub processes updating the same catalog serialise here, so neither loses
    the other's entries: each reads the file *after* taking the lock, and writes it by an
    atomic rename. The lock file of a project's file stays in ``.transpub/locks``; the one beside a
    file outside any project is removed by the run holding it, before it lets go (a run that then
    finds its lock taken on a file no longer there takes the lock again, on the file now there).
    After ``timeout`` seconds of waiting, LockTimeout. The lock is ``flock`` on the lock file, as
    filelock takes it (where there is no ``flock``, filelock's own way is used).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    removable = False
    if guard is None:
        guard, removable = _lock_place(path)
    release = _lock_file(guard, timeout, path, removable=removable)
    try:
        yield
    finally:
        release()


#: How long a waiting run sleeps between two tries of a held lock (filelock's default poll interval).
LOCK_POLL_SECONDS = 0.05
#: errno values ``flock`` gives for a lock another process holds.
_HELD = frozenset({errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK})


def _lock_file(guard: Path, timeout: float, path: Path, *, removable: bool = False) -> Callable[[], None]:
    """Take the lock file ``guard`` (made, with its folder, when missing) for ``path``; the function
    that releases it (and, ``removable``, removes the lock file first). LockTimeout after ``timeout``
    seconds of waiting."""
    if _flock is None:
        return _lock_with_filelock(guard, timeout, path)
    name = os.fspath(guard)
    deadline: float | None = None
    while True:
        fd = _open_lock(name)
        try:
            while True:
                try:
                    _flock(fd, _LOCK_EXCLUSIVE)
                    break
                except OSError as exc:
                    if exc.errno not in _HELD:
                        if exc.errno in (errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOLCK):
                            os.close(fd)  # a file system without flock: filelock knows what to do there
                            return _lock_with_filelock(guard, timeout, path)
                        raise
                now = time.monotonic()
                if deadline is None:
                    deadline = now + timeout
                if now >= deadline:
                    raise _lock_timeout(guard, timeout, path)
                time.sleep(min(LOCK_POLL_SECONDS, max(0.0, deadline - now)))
        except BaseException:
            os.close(fd)
            raise
        if not removable or _still_there(fd, name):
            break
        os.close(fd)  # the run that held it removed it: take the one now in its place

    def release() -> None:
        try:
            if removable:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(name)  # while held: a run waiting on it sees it gone, and tries again
            _flock(fd, _UNLOCK)
        finally:
            os.close(fd)

    return release


def _open_lock(name: str) -> int:
    """The lock file ``name`` opened (made, with its folder, when missing); UnsafePathError when it
    is a symbolic link, which is never followed (a link planted there would make the file where it
    leads)."""
    try:
        try:
            return os.open(name, _LOCK_FLAGS, 0o666)
        except FileNotFoundError:
            os.makedirs(os.path.dirname(name), exist_ok=True)
            return os.open(name, _LOCK_FLAGS, 0o666)
    except OSError as exc:
        if exc.errno not in (errno.ELOOP, errno.EMLINK) or not os.path.islink(name):
            raise
        raise UnsafePathError(
            f"transpub makes a lock file here and this one is a symbolic link (to {os.readlink(name)}); "
            "remove it",
            name,
        ) from None


def _still_there(fd: int, name: str) -> bool:
    """True when ``name`` is still the file open as ``fd`` (not removed, nor made again, since)."""
    try:
        there = os.stat(name, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (there.st_dev, there.st_ino) == (held.st_dev, held.st_ino)


def _lock_with_filelock(guard: Path, timeout: float, path: Path) -> Callable[[], None]:
    """:func:`_lock_file` through filelock (where ``flock`` is missing)."""
    import filelock

    guard.parent.mkdir(parents=True, exist_ok=True)
    lock = filelock.FileLock(str(guard), timeout=timeout)
    try:
        lock.acquire()
    except filelock.Timeout as exc:
        raise _lock_timeout(guard, timeout, path) from exc
    return lock.release


def _lock_timeout(guard: Path, timeout: float, path: Path) -> LockTimeout:
    return LockTimeout(
        f"another transpub run has held this file for over {timeout:g} s (lock {guard}); "
        "try again when it has finished",
        path,
    )


try:
    import fcntl

    _flock: Callable[[int, int], None] | None = fcntl.flock
    _LOCK_EXCLUSIVE = fcntl.LOCK_EX | fcntl.LOCK_NB
    _UNLOCK = fcntl.LOCK_UN
except ImportError:  # Windows
    _flock = None
    _LOCK_EXCLUSIVE = _UNLOCK = 0
_LOCK_FLAGS = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


class WriteBatch:
    """Files written together, under locks held until they are all in place, durable at one point.

    Each file goes to a temporary file beside it (:meth:`write`); :meth:`commit` flushes every
    durable one to disk in one pass, renames them all onto their files, then releases the locks
    taken with :meth:`lock`. A crash or an error before that leaves every file as it was (the
    temporary files are removed, or swept by the next run). One flush for many files: on Linux
    ``syncfs`` once per file system, so a run that writes thousands of catalogs waits for the disk a
    few times instead of once per catalog (a batch of a few files fsyncs each: :data:`FSYNC_AT_MOST`);
    elsewhere each durable file is fsync-ed as it is written.
    A file that replaces nothing and is not flushed at :meth:`commit` (``new``, and not durable or
    left to the caller to flush, see ``defer_new``) is written, where the system allows it, to a
    file without a name in its folder (Linux's ``O_TMPFILE``) that :meth:`commit` links into place:
    one entry made in the folder rather than a temporary one made, then renamed, and nothing to
    sweep after a crash or a kill (such a file vanishes with the process that wrote it).
    As a context manager: commits when the block ends normally, discards on an exception.
    """

    def __init__(self, digest: Callable[[bytes], str] | None = None, *, defer_new: bool = False) -> None:
        """``digest``: a hash of each file's bytes, kept in :attr:`digests` by path as written (so a
        caller that records what it wrote need not read the files again).

        ``defer_new``: a durable file the caller found absent (``new``) is not flushed at
        :meth:`commit` but its folder listed in :attr:`unflushed`, for the caller to flush with
        :func:`flush_folders` (one ``syncfs`` for a whole run) before it records the file as done.
        A new file replaces nothing, so until then a power cut can only lose that file itself (the
        run has not recorded it: the next one makes it again); a file that replaces another is
        still flushed before it takes the other's place.
        """
        #: (temporary, file, durable): a temporary file's name, or the descriptor of an unnamed file
        #: (see :func:`_write_unnamed`) with the bytes written there (linked into place at commit)
        self._staged: list[tuple[str | tuple[int, bytes], str, bool]] = []
        #: folder -> its descriptor, where this batch writes unnamed files (closed when it ends)
        self._folders: dict[str, int] = {}
        self._digest = digest
        self.digests: dict[str, str] = {}
        self._defer_new = defer_new
        #: The folders of the new files written without a flush (see ``defer_new``).
        self.unflushed: set[str] = set()
        self._locks = contextlib.ExitStack()
        self._held: set[Path] = set()

    def lock(self, path: Path, timeout: float = LOCK_TIMEOUT, *, guard: Path | None = None) -> None:
        """Take the lock of ``path`` (see :func:`locked`) until the batch is committed or discarded
        (once: a lock the batch holds already is not taken again)."""
        key = guard if guard is not None else lock_path(path)
        if key not in self._held:
            self._locks.enter_context(locked(path, timeout, guard=key))
            self._held.add(key)

    def write(self, path: Path | str, data: bytes, *, durable: bool = True, new: bool = False) -> None:
        """Write ``data`` to ``path`` at :meth:`commit` (``durable``: see :func:`atomic_write_bytes`;
        ``new``: the caller found no file there, under the lock: it gets mode 0o644 without a look)."""
        has_syncfs = _syncfs() is not None
        flush_now = durable and not has_syncfs
        deferred = durable and new and self._defer_new and has_syncfs
        unnamed = None
        if new and (deferred or not durable) and len(self._staged) < UNNAMED_AT_MOST:
            unnamed = _write_unnamed(os.fspath(path), data, self._folders)  # (flushed by no one here)
        if unnamed is not None:
            temporary: str | tuple[int, bytes] = (unnamed, data)
        else:
            temporary = _temporary_copy(path, (data,), flush=flush_now, mode=0o644 if new else None)
        if deferred:
            self.unflushed.add(os.path.dirname(os.path.abspath(path)))
        self._staged.append((temporary, os.fspath(path), durable and not flush_now and not deferred))
        if self._digest is not None:
            self.digests[os.fspath(path)] = self._digest(data)

    def commit(self) -> None:
        """Flush, rename every file into place, release the locks."""
        try:
            _flush_file_systems(
                [
                    temporary
                    for temporary, _, durable in self._staged
                    if durable and isinstance(temporary, str)
                ]
            )
            while self._staged:
                temporary, path, _ = self._staged[0]
                if isinstance(temporary, str):
                    os.replace(temporary, path)
                else:
                    _link_unnamed(temporary[0], path, temporary[1], self._folders)
                del self._staged[0]
                if not isinstance(temporary, str):
                    os.close(temporary[0])
        finally:
            self.discard()

    def discard(self) -> None:
        """Remove the temporary files not renamed yet (close the unnamed ones) and release the locks."""
        try:
            for temporary, _, _ in self._staged:
                if isinstance(temporary, str):
                    with contextlib.suppress(FileNotFoundError):
                        os.unlink(temporary)
                else:
                    with contextlib.suppress(OSError):
                        os.close(temporary[0])  # (the file, nameless, is gone)
            self._staged.clear()
            for folder in self._folders.values():
                with contextlib.suppress(OSError):
                    os.close(folder)
            self._folders.clear()
        finally:
            self._held.clear()
            self._locks.close()

    def __enter__(self) -> WriteBatch:
        return self

    def __exit__(self, kind: object, error: object, trace: object) -> None:
        if kind is None:
            self.commit()
        else:
            self.discard()


#: A batch stages at most this many files (one open descriptor each) as unnamed files; beyond, as
#: named temporary files.
UNNAMED_AT_MOST = 256
#: How :func:`_write_unnamed` opens a file without a name in a folder (0: the system has no way).
_UNNAMED_FLAGS = getattr(os, "O_TMPFILE", 0) and (
    os.O_WRONLY | getattr(os, "O_TMPFILE", 0) | getattr(os, "O_CLOEXEC", 0)
)
#: Whether unnamed files can be linked into place here (``/proc/self/fd``); False after a failure.
_UNNAMED_USABLE = [bool(_UNNAMED_FLAGS) and os.path.isdir("/proc/self/fd")]
#: Folders whose file system makes no unnamed file (EOPNOTSUPP): named temporary files there.
_NAMED_ONLY: set[str] = set()


#: How :func:`_write_unnamed` opens a folder it makes files in.
_FOLDER_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0)


def _write_unnamed(path: str, data: bytes, folders: dict[str, int]) -> int | None:
    """A file without a name in ``path``'s folder (made when missing) holding ``data``, with mode
    0o644, to be linked as ``path`` by :func:`_link_unnamed`: its descriptor (``folders``: the
    folders' descriptors, opened once, kept there). None where the system makes no such file: the
    caller writes a named temporary file instead. A killed process leaves nothing of it."""
    if not _UNNAMED_USABLE[0]:
        return None
    folder = os.path.dirname(path) or os.curdir
    if folder in _NAMED_ONLY:
        return None
    remove_stale_temporaries(folder)  # (an earlier run's named ones, as a named write sweeps them)
    where = folders.get(folder)
    if where is None:
        try:
            where = os.open(folder, _FOLDER_FLAGS)
        except FileNotFoundError:
            os.makedirs(folder, exist_ok=True)  # the folder's first file: make the folder
            where = os.open(folder, _FOLDER_FLAGS)
        folders[folder] = where
    try:
        fd = os.open(".", _UNNAMED_FLAGS, 0o600, dir_fd=where)
    except OSError as exc:
        if os.fstat(where).st_nlink == 0:
            # the folder went since it was opened (another run, a shard writing into the same site,
            # removed it while it was empty: this batch's files are linked at its end): made again
            os.close(folders.pop(folder))
            os.makedirs(folder, exist_ok=True)
            folders[folder] = os.open(folder, _FOLDER_FLAGS)
            return _write_unnamed(path, data, folders)
        if exc.errno in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):  # (a kernel or file system without)
            _NAMED_ONLY.add(folder)
            return None
        raise
    try:
        _write_all(fd, data)
        if _FCHMOD is not None:
            _FCHMOD(fd, 0o644)
    except BaseException:
        os.close(fd)
        raise
    return fd


def _link_unnamed(fd: int, path: str, data: bytes, folders: dict[str, int]) -> None:
    """Give the unnamed file ``fd`` (see :func:`_write_unnamed`) the name ``path``. Should a file be
    there by now (it was absent, but not every writer takes transpub's locks), or the link fail,
    ``data`` takes its place through a named temporary file, as when unnamed files are not used."""
    folder, name = os.path.split(path)
    try:
        os.link(f"/proc/self/fd/{fd}", name, dst_dir_fd=folders[folder or os.curdir], follow_symlinks=True)
        return
    except FileExistsError:
        pass
    except OSError:  # (no /proc, say): named temporary files from here on
        _UNNAMED_USABLE[0] = False
    atomic_write_bytes(path, data, durable=False, mode=0o644)


_SYNCFS: list[Callable[[int], int] | None] = []


def _syncfs() -> Callable[[int], int] | None:
    """Linux's ``syncfs(fd)`` (flush one file system and wait for it), None where there is none."""
    if not _SYNCFS:
        function = None
        if sys.platform.startswith("linux"):
            import ctypes

            with contextlib.suppress(OSError, AttributeError):
                function = ctypes.CDLL(None, use_errno=True).syncfs
                function.argtypes = [ctypes.c_int]
                function.restype = ctypes.c_int
        _SYNCFS.append(function)
    return _SYNCFS[0]


def flush_folders(folders: Iterable[str]) -> None:
    """Make the files written in ``folders`` durable (the :attr:`WriteBatch.unflushed` of a run's
    batches): one ``syncfs`` per file system they are on (nothing where there is no ``syncfs``: the
    batches flushed each file as they wrote it). OSError when the flush fails."""
    if _syncfs() is None:
        return
    devices: dict[int, str] = {}
    for folder in folders:
        try:
            devices.setdefault(os.stat(folder).st_dev, folder)
        except FileNotFoundError:
            continue  # removed since: nothing of it to flush
    for folder in devices.values():
        _sync_file_system(folder)


def start_flush(folders: Iterable[str]) -> Callable[[], None]:
    """:func:`flush_folders` in a thread, since it waits for the disk and not for Python: the caller
    goes on with its work, then calls the function returned, which waits for the flush to end (and
    raises its OSError)."""
    todo = list(folders)
    if not todo or _syncfs() is None:
        return lambda: None
    import threading

    failed: list[OSError] = []

    def flush() -> None:
        try:
            flush_folders(todo)
        except OSError as exc:
            failed.append(exc)

    thread = threading.Thread(target=flush, name="transpub-flush", daemon=True)
    thread.start()

    def wait() -> None:
        thread.join()
        if failed:
            raise failed[0]

    return wait


#: A batch of at most this many durable files flushes each of them (fsync) rather than its file
#: system (syncfs): syncfs also waits for every other dirty file there — a whole site that the
#: compile before wrote — where a few fsyncs wait for these files alone.
FSYNC_AT_MOST = 32


def _flush_file_systems(paths: list[str]) -> None:
    """Make the data of the files ``paths`` durable: each one fsync-ed when they are few
    (:data:`FSYNC_AT_MOST`), else one ``syncfs`` per file system they are on."""
    if not paths or _syncfs() is None:
        return
    if len(paths) <= FSYNC_AT_MOST:
        for path in paths:
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        return
    one_per_folder = {os.path.dirname(path): path for path in paths}  # a folder's files share its device
    one_per_device = {os.stat(path).st_dev: path for path in one_per_folder.values()}
    for path in one_per_device.values():
        _sync_file_system(path)


def _sync_file_system(path: str) -> None:
    """``syncfs`` of the file system ``path`` (a file or a folder) is on."""
    syncfs = _syncfs()
    if syncfs is None:
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        if syncfs(fd) != 0:
            import ctypes

            number = ctypes.get_errno()
            raise OSError(number, f"cannot flush the files to disk: {os.strerror(number)}", path)
    finally:
        os.close(fd)


def unlink_link(path: Path | str) -> None:
    """Remove ``path`` when it is a symbolic link. A file transpub keeps in ``.transpub/`` and writes
    in place (an SQLite database) is never one: a link there (a cache restored from elsewhere) must
    not lead the write out of the project. (:func:`atomic_write_bytes` replaces a link as it is.)"""
    if os.path.islink(path):
        with contextlib.suppress(FileNotFoundError):
            os.unlink(path)
