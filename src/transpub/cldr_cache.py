"""A locale's CLDR data as Babel merges it, kept merged rather than merged again on every run.

Babel loads a locale's data (its language names, text direction, date patterns and month names:
what a page's switcher and dates show) from its own data file and its parents' (``de`` from
``root`` and ``de``), each unpickled, then merged key by key in Python: for ``en`` and ``de``,
about 50 ms of a compile's start-up. :func:`remember` has Babel look first in a file beside
transpub's bytecode (:mod:`transpub.kept_files`) that holds the merged data of that locale as Babel
made it (one unpickling, no merge: about half of that), kept by the first run that loaded it; the file is used only with the
Babel version, Python version and data files (their sizes and times) it was made from, else Babel
loads the data as it always does (and the file is made again).

A choice of the command line (:mod:`transpub.cli` makes it), as :mod:`transpub.dataclass_code` is.
The file is written where Python would write bytecode, unless it is told not to
(``PYTHONDONTWRITEBYTECODE``), and is as trusted as the bytecode beside it (it is unpickled, as
Babel's own data files are); an unreadable or damaged file is a miss.
"""

from __future__ import annotations

import os
import pickle
import sys
from typing import Any

from .kept_files import kept_path, read_kept, write_kept

_installed = False


def cache_path(name: str) -> str:
    """Where the merged data of locale ``name`` is kept (see :mod:`transpub.kept_files`):
    ``__pycache__/cldr-<name>.<tag>.<magic>.pickle``."""
    return kept_path(f"cldr-{name}", "pickle")


def _made_from(name: str) -> tuple[Any, ...]:
    """What the merged data of ``name`` depends on: Babel's and Python's versions and the data files
    of the locale and of the locales it may inherit from (their sizes and modification times)."""
    import babel
    from babel import localedata

    parts = name.split("_")
    names = ["root", *("_".join(parts[: count + 1]) for count in range(len(parts)))]
    stamps: list[tuple[str, int, int] | None] = []
    for each in names:
        try:
            stat = os.stat(localedata.resolve_locale_filename(each))
        except (OSError, ValueError):
            stamps.append(None)
        else:
            stamps.append((each, stat.st_size, stat.st_mtime_ns))
    return (babel.__version__, sys.version, pickle.HIGHEST_PROTOCOL, tuple(stamps))


def _kept(name: str) -> dict[str, Any] | None:
    """The merged data of ``name`` kept by an earlier run, when made from the same Babel and data."""
    blob = read_kept(cache_path(name))
    try:
        kept = None if blob is None else pickle.loads(blob)
    except Exception:  # (damaged: Babel loads it)
        return None
    if not (type(kept) is tuple and len(kept) == 2 and type(kept[1]) is dict and kept[0] == _made_from(name)):
        return None
    data: dict[str, Any] = kept[1]
    return data


def _keep(name: str, data: dict[str, Any]) -> None:
    """Keep ``data``, the merged data of ``name`` as Babel made it, for the next runs (a temporary
    file renamed over the last one); nothing when it cannot be written."""
    if sys.dont_write_bytecode:
        return
    try:
        blob = pickle.dumps((_made_from(name), data), protocol=pickle.HIGHEST_PROTOCOL)
    except Exception:  # (data that cannot be pickled: loaded on every run)
        return
    write_kept(cache_path(name), blob)


def remember() -> None:
    """Have Babel take a locale's merged data from its kept file, and keep what it merges anew (once
    per process)."""
    global _installed
    if _installed:
        return
    try:
        from babel import localedata

        original = localedata.load
        cache, lock = localedata._cache, localedata._cache_lock
        localedata.resolve_locale_filename  # noqa: B018  (what _made_from asks of it)
        cache_path("root")
    except (ImportError, AttributeError, NotImplementedError):  # (another Babel, or no bytecode cache)
        return

    def load(name: Any, merge_inherited: bool = True) -> dict[str, Any]:
        key = os.path.basename(name)
        if not merge_inherited or type(key) is not str or key == "root":
            return original(name, merge_inherited)
        with lock:
            if cache.get(key):  # (loaded in this process already)
                return original(name, merge_inherited)
            kept = _kept(key)
            if kept is not None:
                cache[key] = kept
                return original(name, merge_inherited)
            data = original(name, merge_inherited)
            _keep(key, data)
            return data

    localedata.load = load
    _installed = True
