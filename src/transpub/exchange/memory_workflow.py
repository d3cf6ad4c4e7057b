"""The memory workflow: the project's translation memory to and from TMX, and its statistics.

Imported units go into the same memory pre-fill reads (``transpub translate``): human work (no
origin, or origin ``human``) fills exact and close matches like reviewed translations do.
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .. import __version__, catalog
from ..errors import TranspubError
from ..fsutil import atomic_write_bytes
from ..locales import bcp47_tag
from ..memory import HUMAN, MemoryEntry, MemoryStats, open_memory
from ..project import Project
from .codes import is_well_nested
from .languages import match_locale
from .tmx import TmxError, TmxUnit, build_tmx, read_tmx

#: Origins written by transpub that are no translation to reuse (pieces of texts, rejected replies).
_INTERNAL = (":piece", ":rejected")


@dataclass
class TmxImport:
    """What import did: entries added and updated, duplicates and units skipped, and problems."""

    added: int = 0
    updated: int = 0
    #: Units the memory held already, as the file has them (read, nothing to change).
    unchanged: int = 0
    duplicates: int = 0
    skipped_languages: dict[str, int] = field(default_factory=dict)
    #: Units whose origin is one of transpub's own records (``deepl:rejected``, ``deepl:piece``), skipped.
    skipped_records: int = 0
    errors: list[TranspubError] = field(default_factory=list)


@dataclass
class TmxExport:
    """What export wrote: units, and translations left out (broken placeholders; machine output no
    translator reviewed, when asked)."""

    units: int = 0
    broken: int = 0
    machine: int = 0


def _tag(locale: str) -> str:
    try:
        return bcp47_tag(locale)
    except TranspubError:
        return locale.replace("_", "-")


def _moment(seconds: float | None) -> datetime | None:
    return datetime.fromtimestamp(seconds, UTC).replace(microsecond=0) if seconds else None


def export_tmx(
    project: Project,
    path: Path,
    locale: str | None = None,
    *,
    human_only: bool = False,
    now: datetime | None = None,
) -> TmxExport:
    """Write the memory (of one target locale, when given) as TMX 1.4b, with every translation
    reviewed in the catalogs it does not hold yet (see :func:`reviewed_in_catalogs`). Left out:
    translations whose placeholders are broken (``<1>a</2>``: no TMX code pairs them, and a TMX
    holding them is refused by ``memory import`` and CAT tools) and, with ``human_only``, machine
    output (an engine's reply, or an imported unit of another origin than human) unless a
    translator reviewed that very translation in a catalog (it is then written as human work)."""
    report = TmxExport()
    with open_memory(project.memory_location, dry_run=True) as memory:
        entries = [
            e
            for e in memory.entries(locale)
            if not e.origin.endswith(_INTERNAL) and e.source_lang == project.source_locale
        ]
    machine = [e for e in entries if e.origin != HUMAN] if human_only else []
    if human_only:
        entries = [e for e in entries if e.origin == HUMAN]
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
    ]
    known = {(e.source, e.target_lang, e.target) for e in entries}
    for target, source, text, changed in reviewed_in_catalogs(
        project, [locale] if locale else project.locales
    ):
        if (source, target, text) not in known:
            known.add((source, target, text))
            moment = _moment(changed)
            units.append(TmxUnit(source, {_tag(target): text}, HUMAN, moment, moment, "transpub"))
    # (an engine's reply a translator reviewed unchanged came back from the catalogs: not left out)
    report.machine = sum(1 for e in machine if (e.source, e.target_lang, e.target) not in known)
    kept = [u for u in units if all(is_well_nested(text) for text in u.targets.values())]
    atomic_write_bytes(
        path,
        build_tmx(
            kept,
            source_lang=_tag(project.source_locale),
            date=now or datetime.now(UTC),
            tool_version=__version__,
        ),
    )
    report.units, report.broken = len(kept), len(units) - len(kept)
    return report


def reviewed_in_catalogs(project: Project, locales: Sequence[str]) -> Iterator[tuple[str, str, str, float]]:
    """``(locale, source, translation, when)`` of each reviewed entry of the catalogs of ``locales``
    (``when``: the catalog's modification time), which the memory learns only when translate runs:
    an export holds them too (a project translated by hand, then exported for OmegaT, gave an empty
    memory). A catalog not extracted yet has none; one that cannot be read raises CatalogError
    (naming its file and line), so that an export never leaves its reviewed work out unsaid."""
    slugs = [project.slug_of(article) for article in project.article_paths()]
    for locale in locales:
        for slug in slugs:
            path = project.catalog_path(locale, slug)
            if not path.is_file():
                continue
            po = catalog.read_catalog(path)
            when = path.stat().st_mtime
            for source, text in catalog.reviewed_pairs(po):
                yield locale, source, text, when


def _seconds(moment: datetime | None) -> float | None:
    return moment.timestamp() if moment else None


def import_tmx(project: Project, paths: list[Path]) -> TmxImport:
    """Merge the TMX ``paths`` into the memory; nothing is stored when any file is broken.

    The files are read as streams and their entries gathered in a temporary file (the newest of two
    translations of one source kept), then merged in one transaction: the memory an import takes does
    not grow with the files."""
    report = TmxImport()
    with (
        tempfile.TemporaryDirectory(prefix="transpub-import-") as folder,
        _Gathered(Path(folder), project.source_locale) as gathered,
    ):
        for path in paths:
            shown = (
                project.relative(path) if path.resolve().is_relative_to(project.root.resolve()) else str(path)
            )
            try:
                _gather(project, path, shown, gathered, report)
            except TmxError as exc:
                report.errors.append(exc)
        if report.errors:
            return report
        report.duplicates = gathered.offered - len(gathered)
        with open_memory(project.memory_location) as memory:
            report.added, report.updated = memory.merge(gathered)
        report.unchanged = len(gathered) - report.added - report.updated
    return report


def _gather(project: Project, path: Path, shown: str, gathered: _Gathered, report: TmxImport) -> None:
    """Add the entries of the TMX file ``path`` to ``gathered`` (TmxError: a broken file)."""
    source_lang, units = read_tmx(path, shown)
    if match_locale(source_lang, [project.source_locale]) is None:
        for _ in units:  # (a broken unit or XML further on is the error a whole read gives first)
            pass
        raise TmxError(
            f"source language {source_lang!r} is not the project's ({project.source_locale})", shown
        )
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
            gathered.add(
                (
                    locale,
                    unit.origin or HUMAN,
                    unit.source,
                    text,
                    created,
                    _seconds(unit.changed),
                    unit.creator,
                )
            )


class _Gathered:
    """The entries of an import, one per target language, origin and source (the newest of two; the
    later of two as new), in a temporary SQLite file in ``folder``; in the order each was first added.
    Iterated: the entries, from the file (one at a time in memory)."""

    def __init__(self, folder: Path, source_lang: str) -> None:
        self.source_lang = source_lang
        self.db = sqlite3.connect(folder / "gathered.sqlite")
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute(
            "CREATE TABLE entries (target_lang TEXT, origin TEXT, source TEXT, target TEXT, created REAL, "
            "changed REAL, creator TEXT, PRIMARY KEY (target_lang, origin, source))"
        )
        #: How many entries were added (the duplicates among them are merged).
        self.offered = 0
        self._waiting: list[tuple[object, ...]] = []

    def add(self, entry: tuple[str, str, str, str, float, float | None, str | None]) -> None:
        """Add (target language, origin, source, target, created, changed, creator)."""
        self.offered += 1
        self._waiting.append(entry)
        if len(self._waiting) >= 1000:
            self._flush()

    def _flush(self) -> None:
        # the newer of two kept, as their dates tell (changed, else created; the later added of two
        # of one date)
        self.db.executemany(
            "INSERT INTO entries VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET "
            "target = excluded.target, created = excluded.created, changed = excluded.changed, "
            "creator = excluded.creator WHERE coalesce(nullif(entries.changed, 0), entries.created) "
            "<= coalesce(nullif(excluded.changed, 0), excluded.created)",
            self._waiting,
        )
        self._waiting.clear()

    def __len__(self) -> int:
        self._flush()
        return int(self.db.execute("SELECT count(*) FROM entries").fetchone()[0])

    def __iter__(self) -> Iterator[MemoryEntry]:
        self._flush()
        for row in self.db.execute(
            "SELECT target_lang, origin, source, target, created, changed, creator FROM entries ORDER BY rowid"
        ):
            yield MemoryEntry(self.source_lang, *row)

    def __enter__(self) -> _Gathered:
        return self

    def __exit__(self, *exc: object) -> None:
        self.db.close()


def memory_stats(project: Project) -> tuple[list[MemoryStats], int]:
    """Entries per language pair and origin, and the bytes the memory takes (the SQLite file, or the
    PostgreSQL tables with their indexes)."""
    with open_memory(project.memory_location, dry_run=True) as memory:
        return memory.stats(), memory.size()
