"""Removing a file compile wrote: only while it is as compile wrote it (the hash its record keeps);
one changed since stays (no longer compile's: the caller forgets it), said once by the caller's
warning; one the system keeps (a folder the user may not write) stays, an error naming it. Then the
folders those removals emptied go."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Literal

from ..errors import UnsafePathError, cannot
from ..fsutil import remove_empty_folders, remove_file
from ..manifest import NO_FILE, file_hash
from ..model import Issue
from ..project import Project
from .run import CompileReport

#: What became of a file :func:`remove_written` was to remove: gone, left as changed since compile
#: wrote it, or left by the system (an error).
Outcome = Literal["removed", "changed", "kept"]


def remove_written(
    path: Path,
    recorded: str | None,
    top: Path,
    report: CompileReport,
    changed: Callable[[], Issue | None],
    *,
    hashed: Callable[[Path], str] = file_hash,
    unsafe_kept: bool = False,
) -> Outcome:
    """Delete the file at ``path`` (inside ``top``) when it holds what compile wrote there
    (``recorded``: the hash its record keeps, as ``hashed`` makes one; None: no record of it).
    Else it stays, with the warning ``changed`` gives in ``report`` (None: said elsewhere). One the
    system keeps stays too, an error in ``report``. A link leading out of ``top`` on the way is an
    :class:`~transpub.errors.UnsafePathError`: raised (the run stops), or with ``unsafe_kept`` (a
    folder compile no longer writes into, what it wrote as the other format) an error in ``report``,
    the file kept."""
    if recorded is None or recorded == NO_FILE or hashed(path) != recorded:
        warning = changed()
        if warning is not None:
            report.warnings.append(warning)
        return "changed"
    try:
        remove_file(path, top)
    except UnsafePathError as exc:
        if not unsafe_kept:
            raise
        report.errors.append(exc)
        return "kept"
    except OSError as exc:  # (a folder the user may not write: it stays, said so)
        report.errors.append(cannot("remove", path, exc))
        return "kept"
    return "removed"


def remove_emptied(folders: Iterable[tuple[Path, Path]]) -> None:
    """Remove each folder removals may have emptied, and its parents up to its top (each pair:
    ``(folder, top)``), while they are empty."""
    for folder, top in dict.fromkeys(folders):
        remove_empty_folders(folder, top)


def left_as_it_is(
    project: Project, path: Path, why: str, *, locale: str | None = None, forgotten: bool = False
) -> Issue:
    """The warning that the file at ``path``, which compile wrote and would remove, stays (``why``:
    why it would go, and why it stays); ``forgotten``: it is no longer recorded as compile's."""
    told = "left as it is, no longer recorded as compile's" if forgotten else "left as it is"
    return Issue(
        project.relative(path),
        None,
        "removed",
        f"{told}: {why}; delete it if it should go",
        locale=locale,
        severity="warning",
    )
