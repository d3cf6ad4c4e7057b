"""What an update of a catalog did: its own module, so that a run that updates none (a no-op
extract reports each catalog as kept) does not import the merging code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class UpdateReport:
    """What :func:`update_catalog` did to one locale's catalog."""

    new: int = 0
    kept: int = 0
    fuzzy_matched: int = 0
    obsoleted: int = 0
    purged: int = 0
    written: bool = False
    #: The charset the catalog was in when transpub rewrote it in UTF-8 (None: it was UTF-8, or
    #: it was not rewritten; a catalog in another charset is only rewritten when its content changes).
    converted_from: str | None = None
