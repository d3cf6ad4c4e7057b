"""The translate workflow: fill empty PO entries from the translation memory, then by MT.

For every target locale and every article's PO file:

1. reviewed translations (translated, not fuzzy) are stored in the memory, so reviewed work
   feeds later articles;
2. each empty entry is filled, in this order, from: an exact memory match (human work, or this
   engine's earlier reply: nothing is paid twice), a close memory match at or above the score
   (fuzzy, with the score in the provenance, which says machine translation when the match is
   this engine's reply), or machine translation;
3. MT requests are deduplicated across articles, masked (placeholders, glossary terms), sent in
   concurrent batches with retries, unmasked and checked; every reply is stored in the memory
   as soon as its batch is back, and the PO files are written after every batch, under a lock,
   re-read inside the lock, touching only entries that are still empty.

Texts split for a provider's length limit have each piece's reply stored as it comes back,
so a piece is never paid twice. A write the memory refuses (it stopped answering) is kept in
``.transpub/unsaved/`` (:mod:`transpub.memory.unsaved`) and stored by the next run before it
looks anything up; the error that stops the run says what was kept. A reply rejected for broken placeholders or glossary terms is
remembered and not asked again, unless ``retry_rejected`` is set (``--retry-rejected``).

A dry run reads the memory from an in-memory copy and writes nothing anywhere: it counts the
units and the characters (masked, as they would be sent) that would go to each engine.

Everything filled is marked fuzzy with a ``transpub: <provenance>`` comment, for review.
The workflow never prints: it reports through the ``progress`` callback and its return value
(:mod:`transpub.translate_report`: :meth:`TranslateReport.failure_lines`, :meth:`TranslateReport.advice` and
:meth:`Estimate.describe` word it for people).
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as _dt
import functools
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from . import catalog
from .compare_report import ComparedUnit, Comparison, EngineOutput
from .engines import (
    BatchOutcome,
    CircuitBreaker,
    RetryPolicy,
    get_engine,
    not_configured_message,
    run_engine,
)
from .engines.base import Engine, TermHint, UnitContext
from .engines.runner import call_with_retry, plan_pieces
from .errors import (
    CatalogError,
    ConfigError,
    EngineNotConfigured,
    MemoryStoreError,
    PlaceholderMismatch,
    TranspubError,
)
from .fsutil import check_unsaved_place, locked
from .inline import control_problem
from .locales import language_of, script_problem
from .masking import PLACEHOLDER, Masked, mask, needs_translation, placeholder_tree, unmask
from .memory import CLAIM_SECONDS, HUMAN, MemoryStore, open_memory
from .memory.unsaved import UNSAVED, keep, store_kept
from .mkdocs_nav import SITE_CATALOG
from .model import PARAGRAPH_NOTE, RUN_EXTRACT, counted, no_catalog_yet
from .numberforms import localized_number_spans
from .project import LocaleSettings
from .translate_report import (
    FAILED,
    REJECTED,
    REJECTED_EARLIER,
    Counts,
    Estimate,
    Failure,
    ProgressEvent,
    TranslateReport,
    estimate_cost,
    token_estimate,
)

if TYPE_CHECKING:
    from .catalog import POEntry, POFile
    from .glossary.model import Glossary

DEFAULT_CONCURRENCY = 8
#: How often a worker looks for the replies of texts another worker has claimed (seconds).
CLAIM_POLL_SECONDS = 0.5
#: How long a claim on the texts this worker sends lasts; renewed every quarter of it while they are
#: out (seconds). What a killed worker claimed waits this long for another worker (5 minutes, with
#: nothing said, was a CI job that looked hung).
CLAIM_HOLD_SECONDS = min(CLAIM_SECONDS, 60.0)
#: How long a worker waits for texts other workers claimed before it says so (a CI log silent for a
#: minute, the claims of a killed worker running out, read as a job that hung).
CLAIM_WAIT_NOTE_SECONDS = 5.0
#: Returned by :func:`_from_memory` when this engine's earlier (paid) reply was rejected.
REJECTED_BEFORE = ("", "")


class TranslateProject(Protocol):
    """What translate needs of a project (:class:`transpub.project.Project` is one): its
    languages and engines, its settings file, and where its articles, catalogs, glossary and
    memory are."""

    @property
    def root(self) -> Path: ...
    @property
    def name(self) -> str: ...
    @property
    def source_locale(self) -> str: ...
    @property
    def engines(self) -> Mapping[str, Mapping[str, Any]]: ...
    @property
    def glossary_path(self) -> Path | None: ...
    @property
    def glossary_max_mb(self) -> float: ...
    @property
    def memory_score(self) -> float: ...
    @property
    def memory_location(self) -> str | Path: ...
    @property
    def config_path(self) -> Path: ...
    def line_of(self, *names: str) -> int | None: ...
    def settings_for(self, locale: str) -> LocaleSettings: ...
    def engine_for(self, locale: str) -> str | None: ...
    def article_paths(self) -> list[Path]: ...
    def slug_of(self, path: Path) -> str: ...
    def catalog_path(self, locale: str, slug: str) -> Path: ...
    def template_path(self, slug: str) -> Path: ...
    def relative(self, path: Path) -> str: ...


@dataclass
class _Pending:
    """One distinct msgid waiting for MT in one locale, and where it is used."""

    msgid: str
    paths: set[Path] = field(default_factory=set)
    entries: int = 0
    lines: list[tuple[Path, int]] = field(default_factory=list)
    title: str = ""  # the article's title (its <title> unit), for engines that take context
    paragraph: str = ""  # the paragraph it belongs to (the entry's "Paragraph:" note)

    def used_at(self, path: Path, entry: POEntry) -> None:
        """Count one more entry (in the catalog at ``path``) that this text fills."""
        self.paths.add(path)
        self.entries += 1
        self.lines.append((path, getattr(entry, "linenum", 0) or 0))


class _Keeping:
    """Stores paid replies in the memory; a write it refuses (it stopped answering) is kept in
    ``.transpub/unsaved/`` for the next run (:mod:`transpub.memory.unsaved`). It is told which
    replies no catalog took (:meth:`not_written`), and says where every paid reply is for the
    error that stops the run (:meth:`said`)."""

    def __init__(self, memory: MemoryStore, folder: Path, shown: str) -> None:
        self.memory, self.folder, self.shown = memory, folder, shown
        # kind (piece, rejected, reply: also in the catalogs, unwritten: in no catalog) -> translations
        self.kept: dict[str, int] = defaultdict(int)
        self.lost: dict[str, int] = defaultdict(int)
        self.why = ""
        self.written = 0  # paid replies written to every catalog using them
        self.unwritten: set[tuple[str, str]] = set()  # (locale, msgid) of paid replies a catalog refused
        self.unwritten_why = ""

    def not_written(self, locale: str, msgids: Iterable[str], why: str) -> None:
        """The paid replies of ``msgids`` could not be written to (one of) their catalogs, for ``why``."""
        self.unwritten.update((locale, msgid) for msgid in msgids)
        self.unwritten_why = self.unwritten_why or why

    def add(self, source: str, target: str, pairs: list[tuple[str, str]], origin: str) -> None:
        """``memory.add``; what it refuses is kept, and its error raised."""
        try:
            self.memory.add(source, target, pairs, origin)
        except BaseException:
            kind = origin.rpartition(":")[2] if ":" in origin else "reply"
            stranded = sum((target, msgid) in self.unwritten for msgid, _ in pairs) if kind == "reply" else 0
            try:
                keep(self.folder, source, target, origin, pairs)
            except OSError as exc:
                counts, self.why = self.lost, self.why or str(exc)
            else:
                counts = self.kept
            counts[kind] += len(pairs) - stranded
            counts["unwritten"] += stranded
            raise

    def said(self) -> str:
        """Where the replies paid for are when the memory refused some, for the error that stops
        the run: in the catalogs, in the memory or kept in the project; and which are lost."""
        said = []
        if self.written or not self.unwritten:
            said.append("what the engine answered until then is in the catalogs")
        if self.unwritten:
            said.append(self._unwritten_said())
        pieces, rejected = self.kept["piece"], self.kept["rejected"]
        parts = []
        if pieces:
            parts.append(
                "1 paid piece of a text cut for the engine's length limit is"
                if pieces == 1
                else f"{pieces} paid pieces of texts cut for the engine's length limit are"
            )
        if rejected:
            parts.append("1 rejected reply is" if rejected == 1 else f"{rejected} rejected replies are")
        if parts:
            said.append(
                f"{' and '.join(parts)} kept in {self.shown} (the next run stores them in the memory)"
            )
        lost = self.lost["piece"] + self.lost["rejected"]  # (a reply lost here is in the catalogs)
        if lost:
            said.append(
                f"{counted(lost, 'paid reply', 'paid replies')} could not be kept either ({self.why}) "
                "and will be paid for again"
            )
        return "; ".join(said)

    def _unwritten_said(self) -> str:
        """Where the paid replies no catalog took are: in the memory, kept in the project, lost."""
        count = len(self.unwritten)
        kept, lost = self.kept["unwritten"], self.lost["unwritten"]
        stored = count - kept - lost
        one = count == 1
        said = (
            f"{counted(count, 'paid reply', 'paid replies')} could not be written to "
            f"{'its catalog' if one else 'their catalogs'} ({self.unwritten_why})"
        )
        where = []
        if stored:
            where.append(
                f"{'is' if stored == 1 else 'are'} in the memory (the next run fills the catalogs from it)"
            )
        if kept:
            where.append(
                f"{'is' if kept == 1 else 'are'} kept in {self.shown} (the next run stores "
                f"{'it' if kept == 1 else 'them'} in the memory and fills the catalogs from it)"
            )
        if lost:
            where.append(f"could not be kept either ({self.why}) and will be paid for again")
        if len(where) == 1:
            alone = f"nor kept ({self.why}) and will be paid for again" if lost else f"and {where[0]}"
            return f"{said} {alone}"
        shares = [n for n in (stored, kept, lost) if n]
        return f"{said}: " + ", ".join(f"{n} {w}" for n, w in zip(shares, where))


def _remember_batch(
    keeping: _Keeping,
    source: str,
    locale: str,
    name: str,
    paid: list[tuple[str, str]],
    rejected: list[tuple[str, str]],
) -> None:
    """Store a batch's replies in the memory: those used (and forget an earlier rejection of them)
    and those rejected (so they are not asked again). Both are tried when the first fails (the
    memory stopped answering: each is then kept by ``keeping``), and the first error is raised."""
    failed: BaseException | None = None
    if paid:
        try:
            keeping.add(source, locale, paid, name)
            keeping.memory.forget(source, locale, [msgid for msgid, _ in paid], f"{name}:rejected")
        except BaseException as exc:  # (Ctrl-C too: the rejected replies are paid for as well)
            failed = exc
    if rejected:
        try:
            keeping.add(source, locale, rejected, f"{name}:rejected")
        except BaseException as exc:
            failed = failed or exc
    if failed is not None:
        raise failed


class _MemoryPieces:
    """The runner's piece store in the translation memory (origin ``<engine>:piece``)."""

    def __init__(self, keeping: _Keeping, source: str, target: str, engine: str) -> None:
        self.keeping, self.source, self.target, self.origin = keeping, source, target, f"{engine}:piece"

    def known(self, pieces: list[str]) -> dict[str, str]:
        return self.keeping.memory.lookup(self.source, self.target, pieces, self.origin)

    def remember(self, pairs: list[tuple[str, str]]) -> None:
        self.keeping.add(self.source, self.target, pairs, self.origin)


def _today() -> str:
    return _dt.date.today().isoformat()


def _engine_setting(project: TranslateProject, name: str, key: str, default: Any) -> Any:
    return project.engines.get(name, {}).get(key, default)


def _load_glossary(project: TranslateProject) -> Glossary | None:
    path = project.glossary_path
    if path is None or not path.is_file():
        return None
    from .glossary import load_glossary

    return load_glossary(path, project.source_locale, max_bytes=int(project.glossary_max_mb * 1_000_000))


def _term_spans(glossary: Glossary | None, text: str, source: str, target: str) -> list[tuple[int, int, str]]:
    """Glossary matches of ``text`` that require a fixed target form."""
    if glossary is None:
        return []
    spans = []
    for match in glossary.find(text, source):
        required = match.term.required(target)
        if required:
            spans.append((match.start, match.end, required))
    return spans


def _paragraph_of(entry: POEntry) -> str:
    """The paragraph a unit belongs to, from its ``#. Paragraph:`` note ("" when it has none)."""
    for line in catalog.note_lines(entry.comment):
        if line.startswith(PARAGRAPH_NOTE):
            return line[len(PARAGRAPH_NOTE) :]
    return ""


def _title_of(po: POFile) -> str:
    """The article's title: the unit used as the page's ``<title>`` ("" when there is none)."""
    for entry in po:
        if not entry.obsolete and any("#head/title" in path for path, _ in entry.occurrences):
            return str(entry.msgid)
    return ""


#: A word that is no name: three or more letters, the first in lower case.
_COMMON_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-Z][^\W\d_]{2,}")


def reply_problems(
    source_text: str, reply: str, glossary: Glossary | None, source: str, locale: str
) -> list[str]:
    """What is wrong with ``reply`` as a translation of ``source_text`` into ``locale``:
    placeholders not exactly the source's, glossary terms missing or forbidden renderings
    used, text not in the locale's script, control characters the source lacks (ESC, C1, DEL:
    a catalog would hold them, no page may). Empty when nothing is.

    >>> reply_problems("Click <1>here</1>.", "Pulsa aquí.", None, "en", "es")
    ['placeholders differ from the source: <1> missing']
    >>> reply_problems("The zone.", "The zone.", None, "en", "zh_CN")
    ['the translation is not written in Han script (zh_CN)']
    >>> reply_problems("It was held in the zone.", "It was held in the zone.", None, "en", "es")
    ['the translation is the source text unchanged']
    >>> reply_problems("Changchun Jingyue Lake Vasaloppet", "Changchun Jingyue Lake Vasaloppet", None, "en", "de")
    []
    """
    found = []
    if (
        " ".join(reply.split()) == " ".join(source_text.split())
        and language_of(source) != language_of(locale)
        and len(_COMMON_WORD.findall(PLACEHOLDER.sub(" ", source_text))) >= 3
    ):
        found.append("the translation is the source text unchanged")
    try:
        tree = placeholder_tree(reply)
        if tree != placeholder_tree(source_text):
            missing = sorted(set(placeholder_tree(source_text)) - set(tree), key=int)
            extra = sorted(set(tree) - set(placeholder_tree(source_text)), key=int)
            detail = (
                f"<{missing[0]}> missing"
                if missing
                else f"<{extra[0]}> added"
                if extra
                else "nesting changed"
            )
            found.append(f"placeholders differ from the source: {detail}")
    except PlaceholderMismatch as exc:
        found.append(f"placeholders differ from the source: {exc.message}")
    if glossary is not None:
        found.extend(v.message for v in glossary.check(source_text, reply, source, locale))
    problem = script_problem(reply, locale)
    if problem:
        found.append(problem)
    controls = control_problem(source_text, reply)
    if controls:
        found.append(controls)
    return found


def _problems_of(
    source_text: str, glossary: Glossary | None, source: str, locale: str, reply: str
) -> list[str]:
    return reply_problems(source_text, reply, glossary, source, locale)


def _contexts(
    project: TranslateProject, items: list[_Pending], glossary: Glossary | None, locale: str
) -> list[UnitContext]:
    """One :class:`UnitContext` per pending text: title, paragraph, glossary entries, style, check."""
    source = project.source_locale
    settings = project.settings_for(locale)
    contexts = []
    if glossary is not None:
        from .glossary.terms import note_for  # (loaded with the glossary)
    for item in items:
        hints = []
        if glossary is not None:
            for term in glossary.terms_in(item.msgid, source):
                required = term.required(locale)
                if required:
                    hints.append(
                        TermHint(
                            term.source,
                            required,
                            term.variants_for(locale),
                            term.forbidden_in(locale),
                            note_for(term.note, locale),
                        )
                    )
        contexts.append(
            UnitContext(
                title=item.title,
                paragraph=item.paragraph,
                terms=tuple(hints),
                formality=settings.formality,
                style=settings.style or "",
                check=functools.partial(_problems_of, item.msgid, glossary, source, locale),
            )
        )
    return contexts


def _takes_context(adapter: Engine) -> bool:
    return callable(getattr(adapter, "translate_units", None))


def _is_plural(entry: POEntry) -> bool:
    return bool(getattr(entry, "msgid_plural", ""))


def _is_empty(entry: POEntry) -> bool:
    return not entry.obsolete and not catalog.has_translation(entry)


def _apply(path: Path, fills: dict[str, tuple[str, str]]) -> int:
    """Write ``fills`` (msgid -> (text, provenance)) into the PO at ``path``, only into still-empty entries."""
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


def _stamp(path: Path) -> tuple[int, int] | None:
    """What tells that the file at ``path`` was written since (its time and size), or None."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def _msgid_lines(path: Path) -> dict[str, list[int]]:
    """The line of each live entry's msgid in the catalog at ``path``, by msgid, in file order
    (empty when it cannot be read: a translator's broken save, reported on its own)."""
    try:
        po = catalog.read_catalog(path)
    except (CatalogError, OSError):
        return {}
    lines: dict[str, list[int]] = defaultdict(list)
    for entry in po:
        line = int(getattr(entry, "linenum", 0) or 0)
        if not entry.obsolete and line:
            lines[entry.msgid].append(line)
    return lines


def _relocated(
    project: TranslateProject, failures: list[Failure], read: dict[Path, tuple[int, int] | None]
) -> list[Failure]:
    """``failures`` with the ``path:line`` of each catalog written since it was ``read`` (fills
    above an entry move it down) pointing at the entry's line in the catalog as the run left it."""
    written = {project.relative(path): path for path, stamp in read.items() if _stamp(path) != stamp}
    if not written:
        return failures
    lines: dict[str, dict[str, list[int]]] = {}
    relocated = []
    for failure in failures:
        places: list[str] = []
        seen: dict[str, int] = defaultdict(int)
        for place in failure.where:
            shown = place.rpartition(":")[0]
            if shown in written:
                if shown not in lines:
                    lines[shown] = _msgid_lines(written[shown])
                found, nth = lines[shown].get(failure.msgid, []), seen[shown]
                seen[shown] += 1
                place = f"{shown}:{found[nth]}" if nth < len(found) else place
            places.append(place)
        relocated.append(dataclasses.replace(failure, where=tuple(places)))
    return relocated


def _apply_or_report(
    project: TranslateProject, report: TranslateReport, path: Path, fills: dict[str, tuple[str, str]]
) -> str | None:
    """:func:`_apply`; a catalog a translator broke during the run is one error in the report (its
    fills stay in the memory, for the next run), returned, and the other catalogs and locales go on."""
    try:
        _apply(path, fills)
    except CatalogError as exc:
        message = str(CatalogError(exc.message, project.relative(path), exc.line))
        if message not in report.errors:
            report.errors.append(message)
        return message
    return None


def _write_problem(project: TranslateProject, path: Path, exc: BaseException) -> str:
    """Why the catalog at ``path`` was not written, in a few words (``exc`` stopped it).

    >>> from types import SimpleNamespace
    >>> project = SimpleNamespace(relative=lambda path: path.name)
    >>> _write_problem(project, Path("a.po"), OSError(28, "No space left on device", ".a.po.1f.tmp"))
    'a.po: No space left on device'
    >>> _write_problem(project, Path("a.po"), KeyboardInterrupt())
    'a.po: the run was stopped'
    """
    if isinstance(exc, OSError):
        why = exc.strerror or str(exc)
    elif isinstance(exc, KeyboardInterrupt):
        why = "the run was stopped"
    else:
        why = f"{type(exc).__name__}: {exc}"
    return f"{project.relative(path)}: {why}"


#: Where a locale's engine is set, and what lists the engines (the way forward of the messages below).
_ENGINE_SETTING = (
    'set engine = "NAME" under {tables} in transpub.toml (or under [translate], for every locale)'
)
_ENGINES_LISTED = "`transpub engines` lists the engines and their language pairs"


def _flags(locales: list[str]) -> str:
    """``-l`` options naming ``locales``.

    >>> _flags(["es", "sv"])
    '-l es -l sv'
    """
    return " ".join(f"-l {locale}" for locale in locales)


def _tables(locales: list[str]) -> str:
    """The ``[locale.X]`` tables of ``locales``, in words.

    >>> _tables(["es"]), _tables(["es", "zh_CN", "de"])
    ('[locale.es]', '[locale.es], [locale.zh_CN] and [locale.de]')
    """
    tables = [f"[locale.{locale}]" for locale in locales]
    return tables[0] if len(tables) == 1 else f"{', '.join(tables[:-1])} and {tables[-1]}"


@dataclass(frozen=True)
class Untranslatable:
    """Locales a run cannot translate, why (no engine set, or an engine without their language
    pair) and how to mend it: the setting of transpub.toml (with its line) or option to change."""

    locales: tuple[str, ...]
    why: str
    how: str

    def said(self, verb: str = "cannot translate") -> str:
        """The problem in words, the locales first.

        >>> print(no_engine_problem(["zh_CN", "de"]).said())
        cannot translate zh_CN, de: no MT engine set; set engine = "NAME" under [locale.zh_CN] and [locale.de] in transpub.toml (or under [translate], for every locale), or pass `-l zh_CN -l de --engine NAME` (`--engine tm` fills them from the translation memory alone)
        """
        return f"{verb} {', '.join(self.locales)}: {self.why}; {self.how}"


def no_engine_problem(locales: list[str]) -> Untranslatable:
    """That ``locales`` have no MT engine set, and the setting (or option) that gives them one."""
    return Untranslatable(
        tuple(locales),
        "no MT engine set",
        f"{_ENGINE_SETTING.format(tables=_tables(locales))}, or pass `{_flags(locales)} --engine NAME`"
        " (`--engine tm` fills them from the translation memory alone)",
    )


def lacking_pair_problem(
    name: str, source: str, locales: list[str], setting: str | None = None
) -> Untranslatable:
    """That engine ``name`` (given as ``--engine``, or by the ``setting`` of transpub.toml: its name
    and where it is, "[translate] engine, transpub.toml:3") has no language pair from ``source`` to
    ``locales``, and how to give them another.

    >>> print(lacking_pair_problem("apertium", "en", ["zh_CN", "de"]).said())
    cannot translate zh_CN, de: no language pair en→zh_CN, en→de in engine apertium (--engine); pass another engine for them, `-l zh_CN -l de --engine NAME`
    >>> print(lacking_pair_problem("apertium", "en", ["de"], "[translate] engine, transpub.toml:3").said())
    cannot translate de: no language pair en→de in engine apertium ([translate] engine, transpub.toml:3); set another engine under [locale.de]
    """
    pairs = ", ".join(f"{source}→{locale}" for locale in locales)
    why = f"no language pair {pairs} in engine {name} ({setting or '--engine'})"
    if setting is None:
        them = "it" if len(locales) == 1 else "them"
        return Untranslatable(
            tuple(locales), why, f"pass another engine for {them}, `{_flags(locales)} --engine NAME`"
        )
    return Untranslatable(tuple(locales), why, f"set another engine under {_tables(locales)}")


def untranslatable_message(problems: list[Untranslatable], others: list[str], dry_run: bool = False) -> str:
    """Why a run sends nothing (a ``dry_run``: counts nothing): every one of ``problems``, and the
    way forward (``others``: the locales that could be translated).

    >>> print(untranslatable_message([Untranslatable(("fr",), "no MT engine set", "set …")], ["es", "sv"]))
    cannot translate fr: no MT engine set; set …. Nothing was sent (`-l es -l sv` translates the others); `transpub engines` lists the engines and their language pairs
    >>> print(untranslatable_message([Untranslatable(("fr",), "why", "how")] * 2, [], dry_run=True))
    cannot translate fr: why; how. Cannot translate fr: why; how. Nothing was counted; `transpub engines` lists the engines and their language pairs
    """
    said = ". ".join(
        problem.said("Cannot translate" if i else "cannot translate") for i, problem in enumerate(problems)
    )
    alone = f" (`{_flags(others)}` translates the others)" if others else ""
    return f"{said}. Nothing was {'counted' if dry_run else 'sent'}{alone}; {_ENGINES_LISTED}"


def skipped_line(problem: Untranslatable) -> str:
    """The line of a run over every locale that leaves out the locales of ``problem``.

    >>> print(skipped_line(Untranslatable(("fr",), "no MT engine set", "set …")))
    Skipped fr: no MT engine set; set …; `transpub engines` lists the engines and their language pairs.
    """
    return f"{problem.said('Skipped')}; {_ENGINES_LISTED}."


def _setting_of(project: TranslateProject, locale: str) -> str:
    """The setting of transpub.toml that names ``locale``'s engine, and where it is
    ("[locale.de] engine, transpub.toml:12")."""
    own = bool(project.settings_for(locale).engine)
    line = project.line_of(*(("locale", locale, "engine") if own else ("translate", "engine")))
    where = project.relative(project.config_path) + (f":{line}" if line else "")
    return f"{f'[locale.{locale}]' if own else '[translate]'} engine, {where}"


def _plan_engines(
    project: TranslateProject,
    locales: list[str],
    engine: str | None,
    dry_run: bool,
    report: TranslateReport,
    every_locale: bool,
) -> tuple[list[tuple[str, str]], dict[str, Engine]]:
    """Each locale's engine (``engine``, else its configured one) as (locale, name) pairs, and the
    engines set up. A locale with no engine, or whose engine has no pair for it, is a ConfigError
    naming every locale that cannot be translated and why, before anything is sent, unless
    ``every_locale``: then those with no engine, and those ``engine`` (``--engine``) cannot
    translate, are left out, a line of ``report.skipped`` each (a ConfigError when that leaves
    none). An engine transpub.toml sets without a locale's pair is always a ConfigError (never
    left out unseen). EngineError when an engine is not configured (but in a dry run)."""
    source = project.source_locale
    chosen = {locale: engine or project.engine_for(locale) for locale in locales}
    no_engine = [locale for locale, name in chosen.items() if not name]
    engines: dict[str, Engine] = {}
    for name in dict.fromkeys(name for name in chosen.values() if name):
        engines[name] = get_engine(name, project)
        report.warnings.extend(getattr(engines[name], "warnings", ()))
        if not dry_run and not engines[name].is_configured():
            raise EngineNotConfigured(not_configured_message(name, engines[name]))
    lacking: dict[tuple[str, str | None], list[str]] = {}  # (engine, setting) -> locales
    for locale, named in chosen.items():
        if (
            named
            and getattr(engines[named], "machine", True)
            and engines[named].is_configured()
            and not engines[named].supports(source, locale)
        ):
            setting = None if engine else _setting_of(project, locale)
            lacking.setdefault((named, setting), []).append(locale)
    left_out = {locale for group in lacking.values() for locale in group}
    plan = [(locale, name) for locale, name in chosen.items() if name and locale not in left_out]
    problems = [no_engine_problem(no_engine)] if no_engine else []
    problems += [
        lacking_pair_problem(name, source, group, setting) for (name, setting), group in lacking.items()
    ]
    in_config = any(setting is not None for _, setting in lacking)
    if problems and (in_config or not every_locale or not plan):
        raise ConfigError(untranslatable_message(problems, [locale for locale, _ in plan], dry_run))
    report.skipped.extend(skipped_line(problem) for problem in problems)
    return plan, {name: engines[name] for name in dict.fromkeys(name for _, name in plan)}


def translate_project(
    project: TranslateProject,
    locales: list[str],
    *,
    engine: str | None = None,
    dry_run: bool = False,
    progress: Callable[[ProgressEvent], None] | None = None,
    concurrency: int | None = None,
    memory_score: float | None = None,
    policy: RetryPolicy | None = None,
    retry_rejected: bool = False,
    every_locale: bool = False,
) -> TranslateReport:
    """Pre-fill the empty entries of ``locales`` (see the module docstring); never prints.

    ``every_locale`` (no locale was named: the run is over every one) leaves out the locales
    with no engine and those ``engine`` has no language pair for, each group one line of
    ``report.skipped``; otherwise a locale that cannot be translated stops the run before
    anything is sent (see :func:`_plan_engines`).

    ``retry_rejected`` sends again the texts whose earlier reply was rejected (broken
    placeholders or glossary terms); without it they are reported and not asked again.
    ``dry_run`` sends nothing and writes nothing (no PO file, no memory).

    Raises EngineError when an engine is unknown or not configured, ConfigError when a locale
    has no engine or its engine lacks the language pair (see ``every_locale``).
    """
    report = TranslateReport(dry_run=dry_run)
    source_lang = project.source_locale
    score = memory_score if memory_score is not None else project.memory_score
    today = _today()

    plan, engines = _plan_engines(project, locales, engine, dry_run, report, every_locale)

    glossary = _load_glossary(project)
    slugs = [project.slug_of(article) for article in project.article_paths()]
    if SITE_CATALOG not in slugs and project.template_path(SITE_CATALOG).is_file():
        slugs.append(SITE_CATALOG)  # an MkDocs site's nav titles and name (see extract_site_strings)
    memory = open_memory(project.memory_location, dry_run=dry_run)
    with memory:
        unsaved = project.root / UNSAVED
        check_unsaved_place(project.root, unsaved)
        earlier = store_kept(memory, unsaved, remove=not dry_run)
        report.warnings.extend(earlier.unreadable)
        if earlier.translations:
            report.notes.append(
                f"{earlier.translations} machine translation{'s' if earlier.translations > 1 else ''} "
                f"an earlier run paid for and kept in {UNSAVED.as_posix()}/ (the memory had failed) "
                + ("would be stored in the memory" if dry_run else "stored in the memory")
            )
        keeping = _Keeping(memory, unsaved, f"{UNSAVED.as_posix()}/")
        read: dict[Path, tuple[int, int] | None] = {}  # each catalog's stamp when it was read
        for locale, name in plan:  # (a locale once: select_locales keeps each once)
            adapter = engines[name]
            # an engine that runs here costs nothing to ask again: an earlier rejection is no reason
            # to leave a unit empty (a new transpub may mask it better)
            retry = retry_rejected or bool(getattr(adapter, "free", False))
            counts = report.counts.setdefault((locale, name), Counts())
            every = [project.catalog_path(locale, slug) for slug in slugs]
            paths = [p for p in every if p.is_file()]
            if len(paths) < len(every):  # (a CI job that forgot extract: nothing to fill, and green)
                missing = [slug for slug, p in zip(slugs, every) if not p.is_file()]
                report.warnings.append(
                    f"{no_catalog_yet(missing, locale)}, so nothing of {'them' if len(missing) > 1 else 'it'} "
                    f"is translated: {RUN_EXTRACT}"
                )
            pending: dict[str, _Pending] = {}
            early: dict[Path, dict[str, tuple[str, str]]] = defaultdict(dict)
            for path in paths:
                read[path] = _stamp(path)
                try:
                    po = catalog.read_catalog(path)
                except CatalogError as exc:  # a translator's broken save: the other catalogs go on
                    report.errors.append(str(CatalogError(exc.message, project.relative(path), exc.line)))
                    continue
                title = _title_of(po)
                reviewed = catalog.reviewed_pairs(po)
                if reviewed:
                    memory.add(source_lang, locale, reviewed, HUMAN)
                for entry in po:
                    if not _is_empty(entry):
                        continue
                    if _is_plural(entry):
                        counts.skipped += 1
                        continue
                    fill = _from_memory(
                        memory, entry.msgid, source_lang, locale, name, score, today, counts, retry
                    )
                    if fill is REJECTED_BEFORE:
                        where = f"{project.relative(path)}:{getattr(entry, 'linenum', 0) or '?'}"
                        report.failures.append(
                            Failure(
                                locale,
                                name,
                                entry.msgid,
                                "rejected earlier: the engine's reply broke placeholders or glossary terms "
                                "(not asked again; --retry-rejected asks again)",
                                (project.relative(path),),
                                (where,),
                                REJECTED_EARLIER,
                            )
                        )
                        continue
                    if fill is not None:
                        early[path][entry.msgid] = fill
                        continue
                    pending.setdefault(
                        entry.msgid, _Pending(entry.msgid, title=title, paragraph=_paragraph_of(entry))
                    ).used_at(path, entry)

            machine = getattr(adapter, "machine", True)
            if dry_run:
                report.estimates.append(
                    _estimate(project, adapter, name, locale, pending, memory, glossary)
                    if machine
                    else Estimate(locale, name, 0, 0, None, machine=False)
                )
                continue
            for path, fills in early.items():
                _apply_or_report(project, report, path, fills)
            if not pending:
                continue
            if not machine:
                counts.unmatched += sum(p.entries for p in pending.values())
                continue

            send = functools.partial(
                _machine_translate,
                project,
                adapter,
                name,
                locale,
                memory=memory,
                keeping=keeping,
                report=report,
                counts=counts,
                today=today,
                glossary=glossary,
                progress=progress,
                concurrency=concurrency,
                policy=policy,
            )
            try:
                _send_claimed(memory, source_lang, locale, name, pending, send, today, counts, progress)
            except MemoryStoreError as exc:  # (each batch went to the catalogs first, pieces to unsaved/)
                raise MemoryStoreError(
                    f"{exc.message}; {keeping.said()}: run again once the memory answers",
                    exc.path,
                    exc.line,
                ) from exc
            except OSError as exc:  # a catalog could not be written (a full disk): its replies are safe
                if not keeping.unwritten:
                    raise
                raise TranspubError(
                    f"stopped: {keeping.said()}: run again once the catalogs can be written"
                ) from exc
    report.failures[:] = _relocated(project, report.failures, read)
    return report


def _send_claimed(
    memory: MemoryStore,
    source: str,
    locale: str,
    engine: str,
    pending: dict[str, _Pending],
    send: Callable[[dict[str, _Pending]], None],
    today: str,
    counts: Counts,
    progress: Callable[[ProgressEvent], None] | None = None,
) -> None:
    """Send the texts this worker claims; take the others' replies from the memory as they arrive
    (see :func:`_claimed_sending`) and fill the catalogs with them; ``progress`` hears a "waiting"
    event (``units_total``: the texts) when other workers' claims hold this one up."""

    def arrived(waiting: dict[str, _Pending], only: set[str] | None) -> None:
        _take_arrived(memory, source, locale, engine, waiting, today, counts, only=only)

    def held_up(texts: int) -> None:
        if progress is not None:
            progress(ProgressEvent("waiting", locale, engine, 0, texts, 0, 0))

    _claimed_sending(memory, source, locale, engine, pending, send, arrived, held_up)


Waiting = TypeVar("Waiting")


def _claimed_sending(
    memory: MemoryStore,
    source: str,
    locale: str,
    engine: str,
    pending: Mapping[str, Waiting],
    send: Callable[[dict[str, Waiting]], None],
    arrived: Callable[[dict[str, Waiting], set[str] | None], None],
    held_up: Callable[[int], None] | None = None,
) -> None:
    """``send`` the texts of ``pending`` (by msgid) this worker claims; ``arrived`` takes out of the
    dict it is given those whose reply the memory now holds (of the set, when one is given);
    ``held_up`` is told once how many texts it still waits for, after CLAIM_WAIT_NOTE_SECONDS.

    Another worker sending the same text at the same time holds its claim: its reply is stored
    in the shared memory, and used here instead of paying for the text twice. A text whose claim
    is released without a reply (the engine failed there) or expires (that worker was killed) is
    claimed and sent here.
    """
    waiting = dict(pending)
    stalled: float | None = None  # since when nothing could be claimed (None: told, or not yet)
    told = held_up is None
    while waiting:
        mine = memory.claim(source, locale, engine, list(waiting), seconds=CLAIM_HOLD_SECONDS)
        if not mine and not told:
            stalled = stalled if stalled is not None else time.monotonic()
            if time.monotonic() - stalled >= CLAIM_WAIT_NOTE_SECONDS and held_up is not None:
                held_up(len(waiting))
                told = True
        elif mine:
            stalled = None
        if mine:
            try:
                # Another worker may have sent one of these, stored its reply and let its claim go
                # since this worker looked: with the claim held, the memory says so for sure.
                arrived(waiting, mine)
                claimed = {msgid: waiting.pop(msgid) for msgid in list(waiting) if msgid in mine}
                if claimed:
                    with _claims_renewed(memory, source, locale, engine, mine):
                        send(claimed)
            except BaseException:
                # What stopped the run (Ctrl-C, the engine's error) is what the user must see: a
                # memory failing to let the claims go now would hide it (they expire anyway).
                with contextlib.suppress(Exception):
                    memory.release(source, locale, engine, mine)
                raise
            memory.release(source, locale, engine, mine)
            continue
        time.sleep(CLAIM_POLL_SECONDS)
        arrived(waiting, None)


@contextlib.contextmanager
def _claims_renewed(
    memory: MemoryStore, source: str, locale: str, engine: str, held: set[str]
) -> Iterator[None]:
    """While inside, this worker's claims on ``held`` are renewed every quarter of their length, so
    that a run longer than a claim (many texts, a slow model, a long Retry-After) keeps them:
    only the claims of a worker that was killed expire, and no other worker pays for a text
    this one is still sending."""
    stop = threading.Event()

    def renew() -> None:
        while not stop.wait(CLAIM_HOLD_SECONDS / 4):
            try:
                memory.claim(source, locale, engine, list(held), seconds=CLAIM_HOLD_SECONDS)
            except Exception:  # (the memory failing shows in the run itself; a blip: the next try)
                continue

    keeper = threading.Thread(target=renew, name="transpub-claims", daemon=True)
    keeper.start()
    try:
        yield
    finally:
        stop.set()
        keeper.join()


def _take_arrived(
    memory: MemoryStore,
    source: str,
    locale: str,
    engine: str,
    waiting: dict[str, _Pending],
    today: str,
    counts: Counts,
    *,
    only: set[str] | None = None,
) -> None:
    """Fill the waiting texts (of ``only``, when given) that the memory now holds, and stop waiting for them."""
    arrived = memory.lookup(source, locale, list(waiting if only is None else only & waiting.keys()), engine)
    fills: dict[Path, dict[str, tuple[str, str]]] = defaultdict(dict)
    for msgid, text in arrived.items():
        wanted = _placeholders_of(msgid)
        if wanted is not None and _placeholders_of(text) != wanted:
            continue  # (filed under the engine's name by a TMX, with other markup: sent instead)
        item = waiting.pop(msgid)
        counts.reused_mt += item.entries
        for path in item.paths:
            fills[path][msgid] = (text, f"machine translation by {engine} ({source}→{locale}) on {today}")
    for path, path_fills in fills.items():
        _apply(path, path_fills)


def glossary_entries(glossary: Glossary | None, locale: str) -> dict[str, str]:
    """The glossary as source term -> required rendering in ``locale`` (source variants too),
    for engines with glossaries of their own (DeepL)."""
    entries: dict[str, str] = {}
    for term in glossary or ():
        required = term.required(locale)
        if required:
            for form in (term.source, *term.variants.get("<source>", ())):
                entries.setdefault(form.strip(), required.strip())
    return {k: v for k, v in entries.items() if k and v}


def _applies_glossary(
    adapter: Engine,
    glossary: Glossary | None,
    source: str,
    locale: str,
    policy: RetryPolicy,
    breaker: CircuitBreaker,
) -> bool:
    """True when the engine applies the glossary itself (told it in the request, or a glossary
    of its own made now for the pair), so terms are not masked."""
    if getattr(adapter, "native_glossary", False):
        return True
    use_glossary = getattr(adapter, "use_glossary", None)
    if use_glossary is None or glossary is None:
        return False
    entries = glossary_entries(glossary, locale)
    return bool(entries) and bool(
        call_with_retry(lambda: use_glossary(entries, source, locale), policy, breaker)
    )


def _masked(
    adapter: Engine,
    items: list[_Pending],
    glossary: Glossary | None,
    source: str,
    locale: str,
    told: bool | None = None,
) -> list[Masked]:
    """Each pending text as the engine would receive it (glossary terms are masked only for
    engines that do not apply the glossary themselves: ``told``)."""
    if told is None:
        told = bool(getattr(adapter, "native_glossary", False) or getattr(adapter, "use_glossary", None))
    return [
        mask(
            p.msgid,
            adapter.markup,
            ([] if told else _term_spans(glossary, p.msgid, source, locale))
            + localized_number_spans(p.msgid, source, locale),
        )
        for p in items
    ]


def _estimate(
    project: TranslateProject,
    adapter: Engine,
    name: str,
    locale: str,
    pending: dict[str, _Pending],
    memory: MemoryStore,
    glossary: Glossary | None,
) -> Estimate:
    """Units and characters (masked, pieces already paid left out) a run would send; for an
    engine priced by tokens (``estimate_tokens``), its approximate tokens too."""
    masked = _masked(adapter, list(pending.values()), glossary, project.source_locale, locale)
    estimate_tokens = getattr(adapter, "estimate_tokens", None)
    if estimate_tokens is not None:
        items = list(pending.values())
        tokens_in, tokens_out = (
            estimate_tokens(
                [m.text for m in masked],
                _contexts(project, items, glossary, locale),
                project.source_locale,
                locale,
            )
            if items
            else (0, 0)
        )
        return token_estimate(
            adapter, name, locale, len(items), sum(len(m.text) for m in masked), tokens_in, tokens_out
        )
    pieces = plan_pieces([m.text for m in masked], max(1, int(adapter.max_chars)))
    known = memory.lookup(
        project.source_locale, locale, [pieces.cores[i] for i in pieces.split], f"{name}:piece"
    )
    to_send = set(pieces.to_send(known))
    chars = sum(len(pieces.cores[i]) for i in to_send)
    units = sum(1 for own in pieces.pieces_of if any(u in to_send for u, _ in own))
    price = float(getattr(adapter, "price_per_million", 0.0) or 0.0) or None
    return Estimate(
        locale,
        name,
        units,
        chars,
        estimate_cost(chars, price) if units else None,
        price,
        free=bool(getattr(adapter, "free", False)),
    )


def _placeholders_of(text: str) -> dict[str, tuple[str, str | None]] | None:
    """:func:`placeholder_tree` of ``text``; None when its placeholders are malformed."""
    try:
        return placeholder_tree(text)
    except PlaceholderMismatch:
        return None


def _from_memory(
    memory: MemoryStore,
    msgid: str,
    source: str,
    target: str,
    engine: str,
    score: float,
    today: str,
    counts: Counts,
    retry_rejected: bool = False,
) -> tuple[str, str] | None:
    """A fill for ``msgid`` from the memory (text, provenance), counting it; None when MT is needed."""
    if not needs_translation(msgid):
        counts.copied += 1
        return msgid, f"copied from the source (nothing to translate) on {today}"
    origins = (HUMAN, engine) if retry_rejected else (HUMAN, engine, f"{engine}:rejected")
    wanted = _placeholders_of(msgid)
    exact = memory.exact(source, target, msgid, origins=origins)
    if (
        exact is not None
        and not exact.origin.endswith(":rejected")
        and wanted is not None
        and _placeholders_of(exact.target) != wanted
    ):
        # (a translation imported or reviewed with another unit's markup: not reused; nor one filed
        # under this engine's name by a TMX, which transpub never checked)
        exact = None
    if exact is not None:
        if exact.origin == HUMAN:
            counts.filled_tm += 1
            return exact.target, f"translation memory exact match on {today}"
        if exact.origin.endswith(":rejected"):
            counts.rejected_placeholders += 1
            return REJECTED_BEFORE
        counts.reused_mt += 1
        return exact.target, f"machine translation by {engine} ({source}→{target}) on {today}"
    for match in memory.close_matches(source, target, msgid, score, origins=(HUMAN, engine)):
        if wanted is None or _placeholders_of(match.target) != wanted:
            continue  # (a close match must hold the msgid's placeholders, nested alike)
        if control_problem(msgid, match.target):
            continue  # (nor a control character the msgid lacks, its own source's in a TMX)
        counts.filled_fuzzy_tm += 1
        if match.origin != HUMAN:  # this engine's reply to a like sentence: machine output all the same
            return match.target, (
                f"machine translation by {engine} ({source}→{target}), "
                f"translation memory {match.score:.0f}% match on {today}"
            )
        return match.target, f"translation memory {match.score:.0f}% match on {today}"
    return None


def _engine_controls(
    project: TranslateProject, name: str, policy: RetryPolicy | None
) -> tuple[CircuitBreaker, RetryPolicy]:
    """The circuit breaker and retry policy for engine ``name``, from ``[engines.<name>]``."""
    breaker = CircuitBreaker(
        threshold=int(_engine_setting(project, name, "breaker_threshold", 5)),
        cooldown=float(_engine_setting(project, name, "breaker_cooldown", 30.0)),
    )
    return breaker, policy or RetryPolicy(attempts=int(_engine_setting(project, name, "attempts", 5)))


def _machine_translate(
    project: TranslateProject,
    adapter: Engine,
    name: str,
    locale: str,
    pending: dict[str, _Pending],
    memory: MemoryStore,
    keeping: _Keeping,
    report: TranslateReport,
    counts: Counts,
    today: str,
    glossary: Glossary | None,
    progress: Callable[[ProgressEvent], None] | None,
    concurrency: int | None,
    policy: RetryPolicy | None,
) -> None:
    """Send ``pending`` to the engine in batches; store and apply each batch as it comes back."""
    source = project.source_locale
    items = list(pending.values())
    breaker, policy = _engine_controls(project, name, policy)
    told = _applies_glossary(adapter, glossary, source, locale, policy, breaker)
    masked = _masked(adapter, items, glossary, source, locale, told)
    total_chars = sum(len(m.text) for m in masked)
    done_units = done_chars = 0
    workers = concurrency or int(_engine_setting(project, name, "concurrency", DEFAULT_CONCURRENCY))
    provenance = f"machine translation by {getattr(adapter, 'label', name)} ({source}→{locale}) on {today}"
    contexts = _contexts(project, items, glossary, locale) if _takes_context(adapter) else None

    def emit(kind: str) -> None:
        if progress is not None:
            progress(ProgressEvent(kind, locale, name, done_units, len(items), done_chars, total_chars))

    def failure(item: _Pending, message: str, kind: str) -> Failure:
        return Failure(
            locale,
            name,
            item.msgid,
            message,
            tuple(project.relative(p) for p in sorted(item.paths)),
            tuple(f"{project.relative(path)}:{line or '?'}" for path, line in sorted(item.lines)),
            kind,
        )

    def on_batch(outcome: BatchOutcome) -> None:
        nonlocal done_units, done_chars
        judged, stopped = _judged_batch(outcome.done, masked, contexts)
        fills: dict[Path, dict[str, tuple[str, str]]] = defaultdict(dict)
        writing: list[Path] = []  # the catalogs still to write, once the fills are known
        try:
            for index, output in judged.items():
                item = items[index]
                counts.requested_units += 1
                counts.requested_chars += len(masked[index].text)
                if output.problems:
                    counts.rejected_placeholders += item.entries
                    report.failures.append(failure(item, "rejected: " + "; ".join(output.problems), REJECTED))
                    continue
                counts.filled_mt += item.entries
                for path in item.paths:
                    fills[path][item.msgid] = (output.text, provenance)
            for index, message in outcome.failed.items():
                item = items[index]
                counts.failed += item.entries
                report.failures.append(failure(item, message, FAILED))
            # the catalogs first: what was paid for is kept when the memory stops answering
            writing = list(fills)
            while writing:
                problem = _apply_or_report(project, report, writing[0], fills[writing[0]])
                if problem is not None:  # (a translator broke it: its fills go to the memory only)
                    keeping.not_written(locale, fills[writing[0]], problem)
                writing.pop(0)
        except BaseException as exc:  # (a full disk, Ctrl-C: the catalogs left are not written)
            if writing:
                why = _write_problem(project, writing[0], exc)
                keeping.not_written(locale, (msgid for path in writing for msgid in fills[path]), why)
            raise
        finally:  # and in the memory when a catalog cannot be written (a full disk), or on Ctrl-C
            paid = [(items[i].msgid, output.text) for i, output in judged.items() if not output.problems]
            keeping.written += sum((locale, msgid) not in keeping.unwritten for msgid, _ in paid)
            rejected = [(items[i].msgid, outcome.done[i]) for i, output in judged.items() if output.problems]
            _remember_batch(keeping, source, locale, name, paid, rejected)
        if stopped is not None:
            raise stopped
        done_units += len(outcome.done) + len(outcome.failed)
        done_chars += outcome.chars
        emit("batch")

    emit("start")
    run_engine(
        adapter,
        [m.text for m in masked],
        source,
        locale,
        on_batch=on_batch,
        concurrency=workers,
        policy=policy,
        breaker=breaker,
        pieces=_MemoryPieces(keeping, source, locale, name),
        contexts=contexts,
    )
    emit("finish")


#: An answer longer than this many times the text sent, and this many characters more, is no
#: translation of it (a broken proxy's page, a model that goes on): it is rejected.
ANSWER_LENGTH_RATIO, ANSWER_LENGTH_SLACK = 10, 200


def length_problem(sent: str, reply: str) -> str | None:
    """Why ``reply`` is too long to be a translation of ``sent`` (see :data:`ANSWER_LENGTH_RATIO`),
    or None: a short name or a language that needs more words stays well inside it.

    >>> length_problem("Li Wei.", "Li Wei, der Bürgermeister von Springfield, sagte es.") is None
    True
    >>> length_problem("Hello world.", "Hola " * 1000)
    'the answer is 416 times as long as the text sent (5000 characters for 12): no translation of it'
    """
    if len(reply) <= ANSWER_LENGTH_RATIO * len(sent) + ANSWER_LENGTH_SLACK:
        return None
    times = len(reply) // max(1, len(sent))
    return f"the answer is {times} times as long as the text sent ({len(reply)} characters for {len(sent)}): no translation of it"


def _judge(masked: Masked, reply: str, context: UnitContext | None) -> EngineOutput:
    """An engine's reply restored (placeholders, terms) with the problems found in it (a control
    character the source lacks, from any engine); the reply as it came when it cannot be restored
    or is far too long to be a translation (:func:`length_problem`)."""
    too_long = length_problem(masked.text, reply)
    if too_long is not None:
        return EngineOutput(reply, (too_long,))
    try:
        text = unmask(masked, reply)
    except PlaceholderMismatch as exc:
        return EngineOutput(reply, (exc.message,))
    return EngineOutput(text, _text_problems(masked.source, text, context))


def _text_problems(source: str, text: str, context: UnitContext | None) -> tuple[str, ...]:
    """What the checks of ``context`` find in a restored reply ``text`` of ``source``, and a
    control character the source lacks."""
    check = context.check if context is not None else None
    problems = list(check(text)) if check is not None else []
    controls = control_problem(source, text)
    if controls and controls not in problems:
        problems.append(controls)
    return tuple(problems)


def _checked(masked: Masked, reply: str, context: UnitContext | None) -> EngineOutput:
    """:func:`_judge`; a reply a check fails on (a fault of transpub) is rejected with why: kept
    (it is paid for), never used unchecked."""
    try:
        return _judge(masked, reply, context)
    except Exception as exc:
        return EngineOutput(reply, (_unchecked(exc),))


def _unchecked(exc: Exception) -> str:
    """The problem of a reply that a check raised ``exc`` on (a fault of transpub)."""
    return f"the reply could not be checked ({type(exc).__name__}: {exc})"


def _judged_batch(
    done: dict[int, str], masked: list[Masked], contexts: list[UnitContext] | None
) -> tuple[dict[int, EngineOutput], BaseException | None]:
    """Every reply of ``done`` judged (:func:`_checked`), and the Ctrl-C (or SIGTERM) that came
    meanwhile, if one did: it is held until all are judged (a quick pass), so that a batch paid
    for is kept whole before the run stops."""
    judged: dict[int, EngineOutput] = {}
    stopped: BaseException | None = None
    for index, reply in done.items():
        while index not in judged:
            try:
                judged[index] = _checked(
                    masked[index], reply, contexts[index] if contexts is not None else None
                )
            except BaseException as exc:  # (judged again: the stop came from outside)
                stopped = stopped or exc
    return judged, stopped


def _spread(items: list[_Pending], count: int) -> list[_Pending]:
    """``count`` items spread evenly over ``items`` (all of them when there are fewer).

    >>> [p.msgid for p in _spread([_Pending(str(i)) for i in range(10)], 3)]
    ['0', '3', '6']
    """
    if count >= len(items):
        return list(items)
    return [items[i * len(items) // count] for i in range(count)]


def compare_engines(
    project: TranslateProject,
    locale: str,
    names: tuple[str, ...],
    sample: int,
    *,
    policy: RetryPolicy | None = None,
    concurrency: int | None = None,
    retry_rejected: bool = False,
) -> Comparison:
    """Translate ``sample`` units of ``locale`` (spread over its catalogs) with each engine of
    ``names`` and judge every output. No catalog is written; every reply paid for is stored in
    the memory as a translate run would store it (the engine's reply, or rejected), so that a
    later run does not pay for it again; an engine's reply the memory holds (one translate would
    reuse, or one it rejected, unless ``retry_rejected``) is judged again, not paid for again; a
    text is claimed before it is sent, as translate claims it, so that one another worker is sending
    to the same engine is judged from its reply in the shared memory, not paid for twice. A
    write the memory refuses is kept in ``.transpub/unsaved/`` and said in
    :attr:`Comparison.warnings` (the comparison goes on).

    Raises ConfigError when an engine is unknown or named twice, fills from the memory only (``tm``)
    or has no language pair for ``locale`` (mistakes on the command line), EngineError when one is
    not configured, MemoryStoreError when the memory cannot be opened (before anything is sent).
    """
    twice = sorted({name for name in names if names.count(name) > 1})
    if twice:
        raise ConfigError(
            f"engine {twice[0]} is named twice: compare two different engines ({_ENGINES_LISTED})"
        )
    adapters = {name: get_engine(name, project) for name in names}
    for name, adapter in adapters.items():
        if not getattr(adapter, "machine", True):
            raise ConfigError(
                f"engine {name} fills from the memory only: it has no translations of its own to compare "
                "(compare machine-translation engines)"
            )
        if not adapter.is_configured():
            raise EngineNotConfigured(not_configured_message(name, adapter))
        if not adapter.supports(project.source_locale, locale):
            raise ConfigError(
                f"cannot compare {locale}: no language pair {project.source_locale}→{locale} in engine "
                f"{name}; compare two engines that have it ({_ENGINES_LISTED})"
            )
    units: dict[str, _Pending] = {}
    reviewed: dict[str, str] = {}
    for article in project.article_paths():
        path = project.catalog_path(locale, project.slug_of(article))
        if not path.is_file():
            continue
        po = catalog.read_catalog(path)
        title = _title_of(po)
        for entry in po:
            if entry.obsolete or _is_plural(entry) or not needs_translation(entry.msgid):
                continue
            units.setdefault(
                entry.msgid, _Pending(entry.msgid, title=title, paragraph=_paragraph_of(entry))
            ).used_at(path, entry)
            if catalog.entry_state(entry) == "translated":
                reviewed.setdefault(entry.msgid, entry.msgstr)
    chosen = _spread(list(units.values()), sample)
    glossary = _load_glossary(project)
    refused: list[MemoryStoreError] = []
    with open_memory(project.memory_location) as memory:
        keeping = _Keeping(memory, project.root / UNSAVED, f"{UNSAVED.as_posix()}/")
        outputs = [
            _engine_outputs(
                project,
                adapters[name],
                name,
                locale,
                chosen,
                glossary,
                (policy, concurrency, retry_rejected),
                keeping,
                refused,
            )
            for name in names
        ]
    compared = tuple(
        ComparedUnit(
            item.msgid,
            f"{project.relative(item.lines[0][0])}:{item.lines[0][1] or '?'}",
            reviewed.get(item.msgid, ""),
            tuple(engine_outputs[index] for engine_outputs in outputs),
        )
        for index, item in enumerate(chosen)
    )
    labels = tuple(str(getattr(adapters[name], "label", name)) for name in names)
    warnings = (_kept_said(keeping, refused[0]),) if refused else ()
    return Comparison(project.name, project.source_locale, locale, labels, compared, warnings)


def _kept_said(keeping: _Keeping, error: MemoryStoreError) -> str:
    """What became of the replies of a comparison the memory refused (they are in no catalog)."""
    kept, lost = sum(keeping.kept.values()), sum(keeping.lost.values())
    said = [f"{error.message}; the replies paid for are not all in the memory"]
    if kept:
        said.append(
            f"{counted(kept, 'paid reply', 'paid replies')} {'is' if kept == 1 else 'are'} kept in "
            f"{keeping.shown} (the next translate run stores {'it' if kept == 1 else 'them'} in the memory)"
        )
    if lost:
        said.append(
            f"{counted(lost, 'paid reply', 'paid replies')} could not be kept either ({keeping.why}) "
            "and will be paid for again"
        )
    return "; ".join(said)


class _ComparedPieces(_MemoryPieces):
    """The piece store of a comparison: a write the memory refuses is kept (see :class:`_Keeping`)
    and its error noted in ``refused``, and the comparison goes on."""

    def __init__(
        self, keeping: _Keeping, source: str, target: str, engine: str, refused: list[MemoryStoreError]
    ) -> None:
        super().__init__(keeping, source, target, engine)
        self.refused = refused

    def known(self, pieces: list[str]) -> dict[str, str]:
        try:
            return super().known(pieces)
        except MemoryStoreError as exc:  # (then sent: the memory holds none it can give)
            self.refused.append(exc)
            return {}

    def remember(self, pairs: list[tuple[str, str]]) -> None:
        try:
            super().remember(pairs)
        except MemoryStoreError as exc:
            self.refused.append(exc)


def _stored_replies(
    memory: MemoryStore,
    source: str,
    locale: str,
    name: str,
    items: list[_Pending],
    retry_rejected: bool,
    refused: list[MemoryStoreError],
) -> dict[int, tuple[str, bool]]:
    """The replies of engine ``name`` the memory holds for ``items`` (by index), as translate
    reuses them: the newest, one whose placeholders are not the text's left out (it is asked
    again), a rejected one (True: its reply as it came) unless ``retry_rejected``. A memory that
    fails is noted in ``refused`` (the texts are then sent)."""
    origins = (name,) if retry_rejected else (name, f"{name}:rejected")
    found: dict[int, tuple[str, bool]] = {}
    try:
        for index, item in enumerate(items):
            exact = memory.exact(source, locale, item.msgid, origins=origins)
            if exact is None:
                continue
            rejected = exact.origin.endswith(":rejected")
            wanted = _placeholders_of(item.msgid)
            if rejected or wanted is None or _placeholders_of(exact.target) == wanted:
                found[index] = (exact.target, rejected)
    except MemoryStoreError as exc:
        refused.append(exc)
    return found


def _stored_output(masked: Masked, stored: str, rejected: bool, context: UnitContext) -> EngineOutput:
    """A reply from the memory judged as a new one is: a rejected one as it came (and said
    rejected when the checks now find nothing), a used one as restored (it is kept so)."""
    if rejected:
        output = _checked(masked, stored, context)
        problems = output.problems or ("rejected when it was paid for (--retry-rejected asks again)",)
        return EngineOutput(output.text, problems, from_memory=True)
    try:
        problems = _text_problems(masked.source, stored, context)
    except Exception as exc:
        problems = (_unchecked(exc),)
    too_long = length_problem(masked.source, stored)
    return EngineOutput(stored, ((too_long,) if too_long else ()) + problems, from_memory=True)


def _engine_outputs(
    project: TranslateProject,
    adapter: Engine,
    name: str,
    locale: str,
    everything: list[_Pending],
    glossary: Glossary | None,
    sending: tuple[RetryPolicy | None, int | None, bool],
    keeping: _Keeping,
    refused: list[MemoryStoreError],
) -> list[EngineOutput]:
    """Each of ``everything`` translated by ``adapter`` and judged (see :func:`_judge`) with every
    check, or its reply from the memory judged so (:func:`_stored_replies`); each new reply stored
    in the memory as judged by translate (which checks the glossary, script and unchanged source
    only for engines that take context), a write it refuses noted in ``refused``. ``sending``:
    the retry policy, the concurrency, whether rejected replies are asked again."""
    source = project.source_locale
    policy, concurrency, retry_rejected = sending
    breaker, policy = _engine_controls(project, name, policy)
    told = _applies_glossary(adapter, glossary, source, locale, policy, breaker)
    all_masked = _masked(adapter, everything, glossary, source, locale, told)
    all_contexts = _contexts(project, everything, glossary, locale)
    results = [EngineOutput("", ("no reply",)) for _ in everything]
    stored = _stored_replies(keeping.memory, source, locale, name, everything, retry_rejected, refused)
    for index, (reply, rejected) in stored.items():
        results[index] = _stored_output(all_masked[index], reply, rejected, all_contexts[index])
    takes_context = _takes_context(adapter)
    handled = set(stored)  # (the indexes answered from the memory or handed to the engine)

    def send(claimed: dict[str, int]) -> None:
        sent = list(claimed.values())
        handled.update(sent)
        items = [everything[index] for index in sent]
        masked = [all_masked[index] for index in sent]
        contexts = [all_contexts[index] for index in sent]

        def on_batch(outcome: BatchOutcome) -> None:
            judged, stopped = _judged_batch(outcome.done, masked, contexts)
            stored = judged
            if not takes_context:  # (judged as translate judges them: it uses them as its own)
                stored, later = _judged_batch(outcome.done, masked, None)
                stopped = stopped if stopped is not None else later
            paid = [(items[i].msgid, output.text) for i, output in stored.items() if not output.problems]
            rejected = [(items[i].msgid, outcome.done[i]) for i, output in stored.items() if output.problems]
            try:
                _remember_batch(keeping, source, locale, name, paid, rejected)
            except MemoryStoreError as exc:  # (kept in unsaved/ by keeping; the comparison goes on)
                refused.append(exc)
            for index, output in judged.items():
                results[sent[index]] = output
            for index, message in outcome.failed.items():
                results[sent[index]] = EngineOutput("", (message,))
            if stopped is not None:
                raise stopped

        run_engine(
            adapter,
            [m.text for m in masked],
            source,
            locale,
            on_batch=on_batch,
            concurrency=concurrency
            or int(_engine_setting(project, name, "concurrency", DEFAULT_CONCURRENCY)),
            policy=policy,
            breaker=breaker,
            pieces=_ComparedPieces(keeping, source, locale, name, refused),
            contexts=contexts if takes_context else None,
        )

    def arrived(waiting: dict[str, int], only: set[str] | None) -> None:
        asked = [index for msgid, index in waiting.items() if only is None or msgid in only]
        found = _stored_replies(
            keeping.memory, source, locale, name, [everything[i] for i in asked], retry_rejected, refused
        )
        for position, (reply, rejected) in found.items():
            index = asked[position]
            results[index] = _stored_output(all_masked[index], reply, rejected, all_contexts[index])
            handled.add(index)
            del waiting[everything[index].msgid]

    unsent = {item.msgid: index for index, item in enumerate(everything) if index not in stored}
    if unsent:
        # claimed as translate claims them: a text another worker (a translate run, a compare) is
        # sending to this engine now is taken from the shared memory when its reply arrives
        try:
            _claimed_sending(keeping.memory, source, locale, name, unsent, send, arrived)
        except MemoryStoreError as exc:  # (no claim to be had: the rest is sent, the comparison goes on)
            refused.append(exc)
            left = {msgid: index for msgid, index in unsent.items() if index not in handled}
            if left:
                send(left)
    return results
