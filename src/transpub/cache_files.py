"""The SQLite files a project keeps its caches and records in (``.transpub/``): what to do when one
cannot be written.

Each is something a later run uses again, never something a user made: one found damaged (a crash
mid-write, a disk that filled up, a file that is not SQLite at all) is removed and written anew, and
one that cannot be written (a read-only folder, a lock held too long) is left as it was. Either way
the run goes on, and the next one does what the cache would have saved.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from pathlib import Path


def write_or_start_anew(path: Path, write: Callable[[bool], None]) -> bool:
    """``write(anew)`` the SQLite file ``path``; when it is found damaged (``sqlite3.DatabaseError``),
    it is removed and written anew, once (``anew`` then True: nothing of the old file is left to
    compare with). False when it could not be written: damaged again, or any other SQLite or file
    error."""
    try:
        write(False)
        return True
    except sqlite3.DatabaseError:
        with contextlib.suppress(OSError):
            path.unlink()  # damaged: start a new one
    except (sqlite3.Error, OSError):
        return False
    try:
        write(True)
        return True
    except (sqlite3.Error, OSError):
        return False
