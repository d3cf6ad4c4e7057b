"""Safe file writing: temporary file + rename, skip when unchanged, advisory locks."""

from __future__ import annotations

import contextlib
import fcntl
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename.

    A reader never sees a half-written file, and a crash leaves the old file intact.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
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


def write_if_changed(path: Path, data: bytes) -> bool:
    """Atomically write ``data`` unless ``path`` already holds exactly these bytes.

    Returns True when the file was written. An unchanged file keeps its mtime.
    """
    try:
        if path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    atomic_write_bytes(path, data)
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
    for folder in resolved.parents:
        if (folder / _CONFIG_NAME).is_file():
            return folder / LOCKS_DIR / f"{resolved.relative_to(folder).as_posix()}.lock"
    return resolved.with_name(f".{resolved.name}.lock")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock for ``path`` (see :func:`lock_path`) while the block runs.

    Two transpub processes updating the same catalog serialise here, so neither loses
    the other's entries: each reads the file *after* taking the lock, and writes it by an
    atomic rename. The lock file stays (removing it would race with a waiting process).
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    guard = lock_path(path)
    guard.parent.mkdir(parents=True, exist_ok=True)
    with open(guard, "a+b") as handle:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
