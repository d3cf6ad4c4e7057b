"""Would ``transpub extract`` change this catalog? Computed in memory (``check``'s ``outdated``, ``status``).

The template is built exactly as extract builds it and merged into the catalog on disk with
the catalog layer's pure :func:`~transpub.catalog.merge_catalog`; nothing is written. The
merged entries are compared with the ones on disk entry by entry, each formatted as msgcat
writes it, so header dates, the generator version and line wrapping (Poedit's, say; polib's of a
long ``#.`` note into several lines too, even after a hyphen) do not count as changes, while new, removed or reordered
units and changed notes or references do.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import polib

from transpub.catalog.merge import merge_catalog
from transpub.catalog.pofile import format_entry


@dataclass(frozen=True)
class Staleness:
    """How a catalog differs from what extract would write; ``line`` of the first stale entry."""

    new: int = 0
    removed: int = 0
    changed: int = 0
    reordered: bool = False
    line: int | None = None

    @property
    def stale(self) -> bool:
        """True when extract would change the catalog's entries."""
        return bool(self.new or self.removed or self.changed or self.reordered)

    def describe(self) -> str:
        """A short account of the differences.

        >>> Staleness(new=2, removed=1).describe()
        '2 new units, 1 removed'
        """
        parts = []
        if self.new:
            parts.append(f"{self.new} new unit{'s' if self.new != 1 else ''}")
        if self.removed:
            parts.append(f"{self.removed} removed")
        if self.changed:
            parts.append(f"{self.changed} with changed notes or references")
        if self.reordered and not parts:
            parts.append("units in a different order")
        return ", ".join(parts)


def _live(po: polib.POFile) -> list[polib.POEntry]:
    return [e for e in po if not e.obsolete and not (e.msgid == "" and e.msgctxt is None)]


def _key(entry: polib.POEntry) -> tuple[str | None, str]:
    return (entry.msgctxt, entry.msgid)


def _compared(entry: polib.POEntry) -> str:
    """``entry`` as msgcat writes it, its extracted notes without their white space: polib (and
    editors built on it) wraps a long ``#.`` line into several, which read back as one note with
    line breaks, and breaks a line after a hyphen too (``high-`` then ``quality``), so a note is
    the same note when only where its spaces and line breaks fall differs."""
    if entry.comment:
        entry = copy.copy(entry)
        entry.comment = "".join(entry.comment.split())
    return format_entry(entry)


def find_staleness(
    current: polib.POFile,
    template: polib.POFile,
    *,
    fuzzy_threshold: float = 0.6,
    notes_for: Callable[[str], Sequence[str]] | None = None,
) -> Staleness:
    """Compare ``current`` with the result of merging it into ``template`` as extract does."""
    merged, _ = merge_catalog(current, template, fuzzy_threshold=fuzzy_threshold, notes_for=notes_for)
    old_live, new_live = _live(current), _live(merged)
    old_text = {_key(e): _compared(e) for e in old_live}
    new_text = {_key(e): _compared(e) for e in new_live}
    added = [k for k in new_text if k not in old_text]
    removed = [e for e in old_live if _key(e) not in new_text]
    changed = [e for e in old_live if _key(e) in new_text and new_text[_key(e)] != old_text[_key(e)]]
    common_old = [_key(e) for e in old_live if _key(e) in new_text]
    common_new = [_key(e) for e in new_live if _key(e) in old_text]
    reordered = common_old != common_new
    old_obsolete = sorted(format_entry(e) for e in current if e.obsolete)
    new_obsolete = sorted(format_entry(e) for e in merged if e.obsolete)
    if old_obsolete != new_obsolete and not (added or removed or changed):
        changed = [e for e in current if e.obsolete and format_entry(e) not in new_obsolete][:1] or changed
    first = [e.linenum for e in (*removed, *changed) if e.linenum]
    return Staleness(
        new=len(added),
        removed=len(removed),
        changed=len(changed),
        reordered=reordered,
        line=min(first) if first else None,
    )
