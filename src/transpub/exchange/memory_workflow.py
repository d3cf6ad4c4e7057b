"""The memory workflow: the project's translation memory to and from TMX, and its statistics.

Imported units go into the same memory pre-fill reads (``transpub translate``): human work (no
origin, or origin ``human``) fills exact and close matches like reviewed translations do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__
from ..errors import TranspubError
from ..fsutil import atomic_write_bytes
from ..locales import bcp47_tag
from ..memory import HUMAN, MemoryEntry, MemoryStats, open_memory
from ..project import Project
from .languages import match_locale
from .tmx import TmxError, TmxUnit, build_tmx, read_tmx

#: Origins written by transpub that are no translation to reuse (pieces of texts, rejected replies).
_INTERNAL = (":piece", ":rejected")


@dataclass
class TmxImport:
    """What import did: entries added and updated, duplicates and units skipped, and problems."""

    added: int = 0
    updated: int = 0
    duplicates: int = 0
    skipped_languages: dict[str, int] = field(default_factory=dict)
    #: Units whose origin is one of transpub's own records (``deepl:rejected``, ``deepl:piece``), skipped.
    skipped_records: int = 0
    errors: list[TranspubError] = field(default_factory=list)


def _tag(locale: str) -> str:
    try:
        return bcp47_tag(locale)
    except TranspubError:
        return locale.replace("_", "-")


def _moment(seconds: float | None) -> datetime | None:
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=0) if seconds else None


def export_tmx(
    project: Project, path: Path, locale: str | None = None, *, now: datetime | None = None
) -> int:
    """Write the memory (of one target locale, when given) as TMX 1.4b; the number of units."""
    with open_memory(project.memory_location, dry_run=True) as memory:
        entries = [e for e in memory.entries(locale) if not e.origin.endswith(_INTERNAL)]
    units = [
        TmxUnit(
            source=e.source,
            targets={_tag(e.target_lang): e.target},
            origin=e.origin,
            created=_moment(e.created),
            changed=_moment(e.changed or e.created),
            creator=e.creator or "transpub",
        )
        for e in entries
        if e.source_lang == project.source_locale
    ]
    atomic_write_bytes(
        path,
        build_tmx(
            units,
            source_lang=_tag(project.source_locale),
            date=now or datetime.now(UTC),
            tool_version=__version__,
        ),
    )
    return len(units)


def _seconds(moment: datetime | None) -> float | None:
    return moment.timestamp() if moment else None


def import_tmx(project: Project, paths: list[Path]) -> TmxImport:
    """Merge the TMX ``paths`` into the memory; nothing is stored when any file is broken."""
    report = TmxImport()
    collected: dict[tuple[str, str, str], MemoryEntry] = {}
    for path in paths:
        shown = project.relative(path) if path.resolve().is_relative_to(project.root.resolve()) else str(path)
        try:
            source_lang, units = read_tmx(path, shown)
        except TmxError as exc:
            report.errors.append(exc)
            continue
        if match_locale(source_lang, [project.source_locale]) is None:
            report.errors.append(
                TmxError(
                    f"source language {source_lang!r} is not the project's ({project.source_locale})", shown
                )
            )
            continue
        for unit in units:
            if unit.origin and unit.origin.endswith(_INTERNAL):
                # export never writes these: a file that says "deepl:rejected" would keep translate from
                # sending the text to DeepL, and "deepl:piece" would pass its text off as DeepL's reply
                report.skipped_records += 1
                continue
            created = _seconds(unit.created) or _seconds(unit.changed) or datetime.now(UTC).timestamp()
            for tag, text in unit.targets.items():
                locale = match_locale(tag, project.locales)
                if locale is None:
                    report.skipped_languages[tag] = report.skipped_languages.get(tag, 0) + 1
                    continue
                if not text.strip():
                    continue
                entry = MemoryEntry(
                    project.source_locale,
                    locale,
                    unit.origin or HUMAN,
                    unit.source,
                    text,
                    created,
                    _seconds(unit.changed),
                    unit.creator,
                )
                key = (locale, entry.origin, unit.source)
                older = collected.get(key)
                if older is not None:
                    report.duplicates += 1
                    if (older.changed or older.created) > (entry.changed or entry.created):
                        continue
                collected[key] = entry
    if report.errors:
        return report
    with open_memory(project.memory_location) as memory:
        report.added, report.updated = memory.merge(collected.values())
    return report


def memory_stats(project: Project) -> tuple[list[MemoryStats], int]:
    """Entries per language pair and origin, and the bytes the memory takes (the SQLite file, or the
    PostgreSQL tables with their indexes)."""
    with open_memory(project.memory_location, dry_run=True) as memory:
        return memory.stats(), memory.size()
