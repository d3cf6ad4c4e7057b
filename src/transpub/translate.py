"""The translate workflow: fill empty PO entries from the translation memory, then by MT.

For every target locale and every article's PO file:

1. reviewed translations (translated, not fuzzy) are stored in the memory, so reviewed work
   feeds later articles;
2. each empty entry is filled, in this order, from: an exact memory match (human work, or this
   engine's earlier reply: nothing is paid twice), a close memory match at or above the score
   (fuzzy, with the score in the provenance), or machine translation;
3. MT requests are deduplicated across articles, masked (placeholders, glossary terms), sent in
   concurrent batches with retries, unmasked and checked; every reply is stored in the memory
   as soon as its batch is back, and the PO files are written after every batch, under a lock,
   re-read inside the lock, touching only entries that are still empty.

Everything filled is marked fuzzy with a ``transpub: <provenance>`` comment, for review.
The workflow never prints: it reports through the ``progress`` callback and its return value.
"""

from __future__ import annotations

import datetime as _dt
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import EngineError, PlaceholderMismatch, TranspubError
from .engines import BatchOutcome, CircuitBreaker, RetryPolicy, get_engine, run_engine
from .engines.base import Engine
from .fsutil import locked
from .masking import Masked, mask, needs_translation, placeholder_tree, unmask
from .memory import HUMAN, TranslationMemory
from .numberforms import localized_number_spans

DEFAULT_MEMORY_SCORE = 75.0
DEFAULT_CONCURRENCY = 8
#: Returned by :func:`_from_memory` when this engine's earlier (paid) reply was rejected.
REJECTED_BEFORE = ("", "")


@dataclass
class Counts:
    """What happened to the empty entries of one locale with one engine (counted per entry)."""

    filled_tm: int = 0          # exact human match from the memory
    filled_fuzzy_tm: int = 0    # close match from the memory
    filled_mt: int = 0          # machine translation received in this run
    reused_mt: int = 0          # machine translation paid for in an earlier run
    copied: int = 0             # nothing to translate (numbers, placeholders): source copied
    failed: int = 0             # the engine gave no usable reply
    rejected_placeholders: int = 0  # the reply broke placeholders or glossary terms
    skipped: int = 0            # left empty (tm-only engine, plural entries)
    requested_units: int = 0    # distinct texts sent to the engine in this run
    requested_chars: int = 0


@dataclass(frozen=True)
class Failure:
    """One text the engine could not translate (or whose reply was rejected)."""

    locale: str
    engine: str
    msgid: str
    message: str
    paths: tuple[str, ...] = ()


@dataclass(frozen=True)
class Estimate:
    """What ``--dry-run`` would send to one engine for one locale."""

    locale: str
    engine: str
    units: int
    chars: int
    cost: float | None


@dataclass
class TranslateReport:
    """The outcome of :func:`translate_project`."""

    counts: dict[tuple[str, str], Counts] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    dry_run: bool = False

    @property
    def failed(self) -> int:
        """Entries left unfilled by an engine failure or a rejected reply."""
        return sum(c.failed + c.rejected_placeholders for c in self.counts.values())

    @property
    def ok(self) -> bool:
        """True when no unit failed (the CLI exits 1 otherwise)."""
        return self.failed == 0


@dataclass(frozen=True)
class ProgressEvent:
    """Sent to the progress callback: ``kind`` is "start", "batch" or "finish"."""

    kind: str
    locale: str
    engine: str
    units_done: int
    units_total: int
    chars_done: int
    chars_total: int


@dataclass
class _Pending:
    """One distinct msgid waiting for MT in one locale, and where it is used."""

    msgid: str
    paths: set[Path] = field(default_factory=set)
    entries: int = 0


def _catalog_api() -> Any:
    from . import catalog

    return catalog


def _today() -> str:
    return _dt.date.today().isoformat()


def _memory_score(project: Any) -> float:
    table = (getattr(project, "raw", None) or {}).get("translate", {})
    try:
        return float(table.get("memory_score", DEFAULT_MEMORY_SCORE))
    except (TypeError, ValueError) as exc:
        raise EngineError("translate.memory_score must be a number from 0 to 100") from exc


def _engine_setting(project: Any, name: str, key: str, default: Any) -> Any:
    return ((getattr(project, "engines", None) or {}).get(name) or {}).get(key, default)


def estimate_cost(chars: int, price_per_million: float | None) -> float | None:
    """The price of ``chars`` characters at ``price_per_million`` (None when no price is set).

    >>> estimate_cost(250_000, 20.0), estimate_cost(10, 0)
    (5.0, None)
    """
    if not price_per_million:
        return None
    return round(chars * price_per_million / 1_000_000, 6)


def _load_glossary(project: Any) -> Any:
    path = getattr(project, "glossary_path", None)
    if path is None or not Path(path).is_file():
        return None
    from .glossary import load_glossary

    return load_glossary(Path(path), getattr(project, "source_locale", None))


def _term_spans(glossary: Any, text: str, source: str, target: str) -> list[tuple[int, int, str]]:
    """Glossary matches of ``text`` that require a fixed target form."""
    if glossary is None:
        return []
    spans = []
    for match in glossary.find(text, source):
        required = match.term.required(target)
        if required:
            spans.append((match.start, match.end, required))
    return spans


def _is_plural(entry: Any) -> bool:
    return bool(getattr(entry, "msgid_plural", ""))


def _is_empty(entry: Any) -> bool:
    if entry.obsolete:
        return False
    if _is_plural(entry):
        return not any((v or "").strip() for v in entry.msgstr_plural.values())
    return not (entry.msgstr or "").strip()


def _apply(path: Path, fills: dict[str, tuple[str, str]]) -> int:
    """Write ``fills`` (msgid -> (text, provenance)) into the PO at ``path``, only into still-empty entries."""
    catalog = _catalog_api()
    with locked(path):
        po = catalog.read_catalog(path)
        changed = 0
        for entry in po:
            if entry.obsolete or _is_plural(entry) or entry.msgid not in fills or not _is_empty(entry):
                continue
            text, provenance = fills[entry.msgid]
            catalog.set_machine_translation(entry, text, provenance)
            changed += 1
        if changed:
            catalog.write_catalog(po, path)
    return changed


def translate_project(project: Any, locales: list[str], *, engine: str | None = None, dry_run: bool = False,
                      progress: Callable[[ProgressEvent], None] | None = None,
                      concurrency: int | None = None, memory_score: float | None = None,
                      policy: RetryPolicy | None = None) -> TranslateReport:
    """Pre-fill the empty entries of ``locales`` (see the module docstring); never prints.

    Raises EngineError when an engine is unknown, not configured, or lacks a language pair.
    """
    catalog = _catalog_api()
    report = TranslateReport(dry_run=dry_run)
    source_lang = project.source_locale
    score = memory_score if memory_score is not None else _memory_score(project)
    today = _today()

    engines: dict[str, Engine] = {}
    plan: list[tuple[str, str]] = []
    for locale in locales:
        name = engine or project.engine_for(locale)
        if not name:
            raise EngineError(f"no MT engine for {locale}: set [translate] engine or pass --engine "
                              "(`transpub engines` lists them)", project.config_path)
        if name not in engines:
            engines[name] = get_engine(name, project)
        adapter = engines[name]
        if not dry_run and not adapter.is_configured():
            raise EngineError(f"engine {name} is not configured (see `transpub engines`)")
        if getattr(adapter, "machine", True) and adapter.is_configured() and not adapter.supports(source_lang, locale):
            raise EngineError(f"engine {name} cannot translate {source_lang}→{locale}")
        plan.append((locale, name))

    glossary = _load_glossary(project)
    articles = project.article_paths()
    with TranslationMemory(project.memory_path) as memory:
        for locale, name in plan:
            adapter = engines[name]
            counts = report.counts.setdefault((locale, name), Counts())
            paths = [p for p in (project.catalog_path(locale, a.stem) for a in articles) if p.is_file()]
            pending: dict[str, _Pending] = {}
            early: dict[Path, dict[str, tuple[str, str]]] = defaultdict(dict)
            for path in paths:
                po = catalog.read_catalog(path)
                reviewed = [(e.msgid, e.msgstr) for e in po
                            if not e.obsolete and not _is_plural(e) and catalog.entry_state(e) == "translated"]
                if reviewed:
                    memory.add(source_lang, locale, reviewed, HUMAN)
                for entry in po:
                    if not _is_empty(entry):
                        continue
                    if _is_plural(entry):
                        counts.skipped += 1
                        continue
                    fill = _from_memory(memory, entry.msgid, source_lang, locale, name, score, today, counts)
                    if fill is REJECTED_BEFORE:
                        report.failures.append(Failure(locale, name, entry.msgid,
                                                       "rejected earlier: the engine's reply broke placeholders "
                                                       "or glossary terms (not asked again)",
                                                       (project.relative(path),)))
                        continue
                    if fill is not None:
                        early[path][entry.msgid] = fill
                        continue
                    item = pending.setdefault(entry.msgid, _Pending(entry.msgid))
                    item.paths.add(path)
                    item.entries += 1

            chars = sum(len(p.msgid) for p in pending.values())
            if dry_run:
                machine = getattr(adapter, "machine", True)
                report.estimates.append(Estimate(locale, name, len(pending) if machine else 0, chars if machine else 0,
                                                 estimate_cost(chars, getattr(adapter, "price_per_million", 0.0))
                                                 if machine else None))
                continue
            for path, fills in early.items():
                _apply(path, fills)
            if not pending:
                continue
            if not getattr(adapter, "machine", True):
                counts.skipped += sum(p.entries for p in pending.values())
                continue
            _machine_translate(project, adapter, name, locale, pending, memory, report, counts, today,
                               glossary, progress, concurrency, policy)
    return report


def _from_memory(memory: TranslationMemory, msgid: str, source: str, target: str, engine: str, score: float,
                 today: str, counts: Counts) -> tuple[str, str] | None:
    """A fill for ``msgid`` from the memory (text, provenance), counting it; None when MT is needed."""
    if not needs_translation(msgid):
        counts.copied += 1
        return msgid, f"copied from the source (nothing to translate) on {today}"
    exact = memory.exact(source, target, msgid, origins=(HUMAN, engine, f"{engine}:rejected"))
    if exact is not None:
        if exact.origin == HUMAN:
            counts.filled_tm += 1
            return exact.target, f"translation memory exact match on {today}"
        if exact.origin.endswith(":rejected"):
            counts.rejected_placeholders += 1
            return REJECTED_BEFORE
        counts.reused_mt += 1
        return exact.target, f"machine translation by {engine} ({source}→{target}) on {today}"
    try:
        wanted = placeholder_tree(msgid)
    except PlaceholderMismatch:
        wanted = None
    for match in memory.close_matches(source, target, msgid, score):
        if match.origin not in (HUMAN, engine):
            continue
        try:
            if placeholder_tree(match.target) != wanted:
                continue
        except PlaceholderMismatch:
            continue
        counts.filled_fuzzy_tm += 1
        return match.target, f"translation memory {match.score:.0f}% match on {today}"
    return None


def _machine_translate(project: Any, adapter: Engine, name: str, locale: str, pending: dict[str, _Pending],
                       memory: TranslationMemory, report: TranslateReport, counts: Counts, today: str,
                       glossary: Any, progress: Callable[[ProgressEvent], None] | None,
                       concurrency: int | None, policy: RetryPolicy | None) -> None:
    """Send ``pending`` to the engine in batches; store and apply each batch as it comes back."""
    source = project.source_locale
    items = list(pending.values())
    masked: list[Masked] = [mask(p.msgid, adapter.markup, _term_spans(glossary, p.msgid, source, locale)
                                 + localized_number_spans(p.msgid, source, locale))
                            for p in items]
    total_chars = sum(len(m.text) for m in masked)
    done_units = done_chars = 0
    workers = concurrency or int(_engine_setting(project, name, "concurrency", DEFAULT_CONCURRENCY))
    provenance = f"machine translation by {name} ({source}→{locale}) on {today}"

    def emit(kind: str) -> None:
        if progress is not None:
            progress(ProgressEvent(kind, locale, name, done_units, len(items), done_chars, total_chars))

    def on_batch(outcome: BatchOutcome) -> None:
        nonlocal done_units, done_chars
        fills: dict[Path, dict[str, tuple[str, str]]] = defaultdict(dict)
        paid: list[tuple[str, str]] = []
        rejected: list[tuple[str, str]] = []
        for index, reply in outcome.done.items():
            item = items[index]
            counts.requested_units += 1
            counts.requested_chars += len(masked[index].text)
            try:
                text = unmask(masked[index], reply)
            except PlaceholderMismatch as exc:
                counts.rejected_placeholders += item.entries
                rejected.append((item.msgid, reply))
                report.failures.append(Failure(locale, name, item.msgid, f"rejected: {exc.message}",
                                               tuple(project.relative(p) for p in sorted(item.paths))))
                continue
            paid.append((item.msgid, text))
            counts.filled_mt += item.entries
            for path in item.paths:
                fills[path][item.msgid] = (text, provenance)
        for index, message in outcome.failed.items():
            item = items[index]
            counts.failed += item.entries
            report.failures.append(Failure(locale, name, item.msgid, message,
                                           tuple(project.relative(p) for p in sorted(item.paths))))
        if paid:
            memory.add(source, locale, paid, name)
        if rejected:
            memory.add(source, locale, rejected, f"{name}:rejected")
        for path, path_fills in fills.items():
            _apply(path, path_fills)
        done_units += len(outcome.done) + len(outcome.failed)
        done_chars += outcome.chars
        emit("batch")

    emit("start")
    breaker = CircuitBreaker(threshold=int(_engine_setting(project, name, "breaker_threshold", 5)),
                             cooldown=float(_engine_setting(project, name, "breaker_cooldown", 30.0)))
    run_engine(adapter, [m.text for m in masked], source, locale, on_batch=on_batch, concurrency=workers,
               policy=policy or RetryPolicy(attempts=int(_engine_setting(project, name, "attempts", 5))),
               breaker=breaker)
    emit("finish")
