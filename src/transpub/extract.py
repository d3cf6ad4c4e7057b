"""The extract workflow: articles → one POT per article → one PO per article and locale."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import catalog
from .discovery import Discovery, in_shard
from .errors import ArticleError, CatalogError, GlossaryError, TranspubError
from .fsutil import (
    TEMPORARY_NAME,
    WriteBatch,
    article_lock_path,
    flush_folders,
    forget_folders,
    lock_bucket,
    remove_stale_temporaries,
    start_flush,
)
from .hugo_menus import hugo_site_of
from .manifest import (
    Manifest,
    Record,
    Signature,
    all_hold,
    code_signature,
    content_hash,
    file_hash,
    listing_hash,
    make_key,
    path_name,
    project_settings,
    signature,
)
from .mkdocs_nav import SITE_CATALOG
from .model import Issue, counted
from .project import Project
from .readcache import Entry, ReadCache, save_reads
from .signing import local_key
from .sources import GlossaryNotes, load_article, load_project_glossary, prepare_reading, site_template
from .whole_run import Group, Kept, articles_key, keep, kept_result
from .workers import Background, chunk_sizes, in_background, in_processes, run_ordered

if TYPE_CHECKING:
    from .glossary import Glossary

#: An article to extract: its position in the run's list, path, slug, manifest key and name as shown
#: (``project.relative(path)``, worked out once in the parent).
_Task = tuple[int, Path, str, str, str]


@dataclass
class ArticleExtraction:
    """What extract did for one article."""

    slug: str
    path: str
    units: int
    template_written: bool
    #: locale -> whether its catalog was written (locales whose catalog failed are not here)
    catalogs_written: dict[str, bool] = field(default_factory=dict)
    updates: dict[str, catalog.UpdateReport] = field(default_factory=dict)
    #: locale -> why its catalog was left untouched (a broken PO); also listed in the report's errors
    failed: dict[str, TranspubError] = field(default_factory=dict)
    #: the locales whose catalog this run made (there was none): written, not "updated"
    created: set[str] = field(default_factory=set)

    @property
    def changed(self) -> bool:
        """Whether extract wrote a file of it, or has something to say of it (a broken catalog)."""
        return self.template_written or any(self.catalogs_written.values()) or bool(self.failed)

    @property
    def summary(self) -> str:
        """One line for the user; a catalog that could not be updated is never called unchanged.

        >>> ArticleExtraction("a", "articles/a.html", 3, False, {"de": True, "es": False}).summary
        'articles/a.html: 3 units; template unchanged; updated de'
        >>> ArticleExtraction("a", "articles/a.html", 3, True, {"de": True, "fr": True}, created={"de"}).summary
        'articles/a.html: 3 units; template written; created de; updated fr'
        >>> ArticleExtraction("a", "articles/a.html", 3, False, {"es": False},
        ...                   failed={"de": CatalogError("x")}).summary
        'articles/a.html: 3 units; template unchanged; es unchanged; de not updated (broken catalog, see the error)'
        """
        parts = [
            counted(self.units, "unit"),
            "template written" if self.template_written else "template unchanged",
        ]
        written = [loc for loc, done in self.catalogs_written.items() if done]
        unchanged = [loc for loc, done in self.catalogs_written.items() if not done]
        created = [loc for loc in written if loc in self.created]
        if created:
            parts.append("created " + " ".join(created))
        if len(created) < len(written):
            parts.append("updated " + " ".join(loc for loc in written if loc not in self.created))
        if self.failed:
            if unchanged:
                parts.append(" ".join(unchanged) + " unchanged")
            parts.append(
                " ".join(self.failed)
                + " not updated (broken catalog, see the error"
                + ("s" if len(self.failed) > 1 else "")
                + ")"
            )
        elif not written:
            parts.append("catalogs unchanged")
        for locale, update in self.updates.items():
            if update.converted_from:
                parts.append(f"{locale} converted from {update.converted_from} to UTF-8")
        return f"{self.path}: " + "; ".join(parts)


@dataclass(frozen=True)
class OrphanCatalogs:
    """The catalogs of an article that no longer exists (extract reports them, never deletes them)."""

    slug: str
    paths: tuple[str, ...]

    def __str__(self) -> str:
        return (
            f"orphan catalogs for removed article {self.slug}: {', '.join(self.paths)}; "
            "delete them or restore the article (renamed it? move them to its new name and run extract "
            "again: its reviewed translations stay reviewed)"
        )


@dataclass
class ExtractReport:
    """What extract did for the whole project.

    ``errors`` lists the articles and catalogs it could not process (paths relative to the
    project); ``orphans`` the catalogs left behind by deleted articles (a warning, not an error).
    """

    articles: list[ArticleExtraction] = field(default_factory=list)
    errors: list[TranspubError] = field(default_factory=list)
    orphans: list[OrphanCatalogs] = field(default_factory=list)
    #: What the readers kept as written but a user should know (an unreadable ``<time datetime>``).
    warnings: list[Issue] = field(default_factory=list)
    #: Articles whose record in the manifest was signed with another key (restored from another
    #: machine without a shared ``TRANSPUB_CACHE_KEY``): not used, so they were read again.
    foreign_records: int = 0
    #: The line saying the MkDocs site's own strings (navigation titles, site name) were offered
    #: anew (None: unchanged, or none; see :func:`extract_site_strings`).
    site_strings: str | None = None

    @property
    def ok(self) -> bool:
        """True when every article and catalog was processed."""
        return not self.errors


def find_orphan_catalogs(
    project: Project,
    discovery: Discovery | None = None,
    *,
    manifest: Manifest | None = None,
    sweep: tuple[Path, ...] = (),
) -> list[OrphanCatalogs]:
    """Templates, catalogs and MO files (of every target locale) whose article is gone
    (``discovery``: the project's articles, when the caller has found them already).

    ``sweep``: folders to clear of a killed run's temporary files first (see
    :func:`~transpub.fsutil.remove_stale_temporaries`). ``manifest``: where the folders looked into
    are recorded (their signatures, see :mod:`transpub.manifest`) with what was found; when none of
    them changed since, for the same articles, that is the answer, without a look into them (nor a
    sweep: no temporary file was there).
    """
    discovery = discovery or project.discover()
    articles = {article.slug for article in discovery.articles}
    articles |= discovery.refused
    if project.mkdocs_folders is not None or hugo_site_of(project) is not None:  # (see extract_site_strings)
        articles.add(SITE_CATALOG)
    candidates: list[tuple[Path, tuple[str, ...]]] = [(project.templates_dir, (".pot",))]
    for locale in project.locales:
        candidates.append((project.catalog_path(locale, "x").parent, (".po", ".mo")))
    slot = _orphans_slot(project)
    key = make_key(
        code_signature(project.root),
        sorted(articles),
        project.shard,
        [[path_name(project.root, folder), *suffixes] for folder, suffixes in candidates],
    )
    recorded = manifest.get("", slot) if manifest is not None else None
    if recorded is not None and recorded.key == key:
        # (a catalog written anew changes its folder's signature, not the names in it)
        same = recorded.same_signatures(project.root, key)
        now = None if same else _folders_as_recorded(project.root, recorded)
        try:
            if same or now is not None:
                orphans = [OrphanCatalogs(slug, tuple(paths)) for slug, paths in recorded.result["orphans"]]
                if now is not None and manifest is not None and now != recorded.files:
                    manifest.put("", Record(key, now, recorded.result, recorded.hashes), slot)
                return orphans
        except (KeyError, TypeError, ValueError):  # a damaged record: look again
            pass
    for folder in sweep:
        remove_stale_temporaries(folder)  # a run with nothing to write still sweeps a killed run's

    def gone(slug: str) -> bool:
        return slug not in articles and in_shard(slug, project.shard)  # another shard's are not gone

    found: dict[str, list[str]] = {}
    looked: dict[str, Signature | None] | None = {}
    listed: dict[str, str] = {}
    for folder, suffixes in candidates:
        files, plain = _files_below(folder, suffixes, gone, looked, listed)
        if not plain:
            looked = None  # what a signature does not tell seen there: nothing recorded
        for suffix in suffixes:
            for path, slug in files[suffix]:
                found.setdefault(slug, []).append(path)
    orphans = [
        OrphanCatalogs(slug, tuple(project.relative(Path(path)) for path in paths))
        for slug, paths in sorted(found.items())
    ]
    if manifest is not None:
        if looked is None:
            manifest.drop("", slot)
        else:
            record = Record(
                key,
                {path_name(project.root, Path(name)): stamp for name, stamp in looked.items()},
                hashes={path_name(project.root, Path(name)): names for name, names in listed.items()},
            )
            record.result = {"orphans": [[orphan.slug, list(orphan.paths)] for orphan in orphans]}
            if (
                recorded is None
                or manifest.unsaved
                or (recorded.key, recorded.files, recorded.result) != (key, record.files, record.result)
            ):  # (the same record again, only looked at too soon after its folders changed: no write for it)
                manifest.put("", record, slot)
    return orphans


def _folders_as_recorded(root: Path, record: Record) -> dict[str, Signature | None] | None:
    """The signatures of the folders ``record`` (of :func:`find_orphan_catalogs`) watches, when each
    holds the names it held then (their hash), the same of them folders, and no link; else None."""
    prefix = str(root).rstrip(os.sep) + os.sep
    folders, hashes = record.files, record.hashes
    now: dict[str, Signature | None] = {}
    try:
        for name, recorded in folders.items():
            path = name if name.startswith(os.sep) else prefix + name
            now[name] = signature(path)  # (taken before the listing: a change after it shows next time)
            if recorded is None or now[name] is None:  # (no such folder then, or now)
                if recorded is None and now[name] is None:
                    continue
                return None
            with os.scandir(path) as listed:
                entries = list(listed)
            if listing_hash([entry.name for entry in entries]) != hashes.get(name):
                return None
            for entry in entries:
                if entry.is_symlink() or entry.is_dir(follow_symlinks=False) != (
                    f"{name}/{entry.name}" in folders
                ):
                    return None
    except (OSError, TypeError, ValueError):  # gone, or a damaged record
        return None
    return now


def _orphans_slot(project: Project) -> str:
    """The locale of the manifest's record of the folders :func:`find_orphan_catalogs` looked into."""
    return "orphans" if project.shard is None else "orphans {}/{}".format(*project.shard)


def _files_below(
    folder: Path,
    suffixes: tuple[str, ...],
    keep: Callable[[str], bool],
    looked: dict[str, Signature | None] | None = None,
    listed: dict[str, str] | None = None,
) -> tuple[dict[str, list[tuple[str, str]]], bool]:
    """Suffix -> the files named ``*<suffix>`` (hidden ones aside) in ``folder`` and below whose path
    below ``folder`` without the suffix (a slug) ``keep`` keeps, sorted by path, each with its slug.
    One pass over the folders for all suffixes, without a stat of each file: an archive has tens of
    thousands of catalogs. Links to folders are not followed (no loops); links to files count, as files.

    ``looked``: each folder's signature is put there, taken before it is listed. Also whether the
    folders' signatures tell their whole state: False when a link, a temporary file (see
    :data:`~transpub.fsutil.TEMPORARY_NAME`) or an entry that cannot be looked at was seen.
    ``listed``: the hash of each folder's names as listed (:func:`~transpub.manifest.listing_hash`).
    """
    found: dict[str, list[tuple[list[str], str, str]]] = {suffix: [] for suffix in suffixes}
    plain = True

    folders = [(os.fspath(folder), "")]  # still to list (a stack: no recursion, however deep)
    while folders:
        here, prefix = folders.pop()
        if looked is not None:
            looked[here] = signature(here)
        try:
            entries = list(os.scandir(here))
        except OSError:
            continue  # as os.walk: a folder that cannot be read is skipped
        if listed is not None:
            listed[here] = listing_hash([entry.name for entry in entries])
        for entry in entries:
            name = entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    folders.append((entry.path, f"{prefix}{name}/"))
                    continue
                if name.startswith("."):
                    if TEMPORARY_NAME.fullmatch(name):
                        plain = False
                    continue
                if entry.is_symlink():
                    plain = False
                if not entry.is_file():
                    continue
            except OSError:
                plain = False
                continue
            for suffix in suffixes:
                if name.endswith(suffix):
                    slug = prefix + name[: -len(suffix)]
                    if keep(slug):
                        found[suffix].append((entry.path.split(os.sep), entry.path, slug))
                    break
    return {
        suffix: [(path, slug) for _, path, slug in sorted(files)] for suffix, files in found.items()
    }, plain


def _relative(project: Project, error: TranspubError) -> TranspubError:
    """``error`` with its path relative to the project, as ``transpub check`` shows paths."""
    if error.path is not None and Path(error.path).is_absolute():
        error.path = project.relative(Path(error.path))
    return error


@dataclass(frozen=True)
class _ExtractRun:
    """What every article's extraction needs (sent once to each worker process)."""

    project: Project
    locales: tuple[str, ...]
    glossary: Glossary | None
    fuzzy_matching: bool
    purge_obsolete: bool
    #: Where the documents read are kept, for compile, check and status (see transpub.readcache).
    reads: ReadCache | None = None


@dataclass
class _ArticleOutcome:
    """One article's extraction, or why it could not be done, with the reader's warnings."""

    extraction: ArticleExtraction | None
    errors: list[TranspubError] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    #: locale ("" for the template) -> the manifest record of what was written (None: forget it).
    records: dict[str, Record | None] = field(default_factory=dict)
    #: locale -> the file its record watches, once the batch that writes it is committed.
    watch: dict[str, Path | str] = field(default_factory=dict)
    #: The document read, as the read cache stores it (the parent writes them all at once).
    reads: list[Entry] = field(default_factory=list)


def extract_project(
    project: Project,
    locales: list[str],
    *,
    fuzzy_matching: bool = True,
    purge_obsolete: bool = False,
    jobs: int = 1,
    full: bool = False,
) -> ExtractReport:
    """Write every article's POT and update its PO files for ``locales``.

    An article that cannot be read is reported in ``errors`` and skipped; the others are
    still processed. Existing translations are never lost: unchanged units keep theirs,
    changed ones keep the old translation as fuzzy, removed ones become obsolete. Catalogs of
    deleted articles are listed in ``orphans`` and left alone. ``jobs`` > 1 works on that many
    articles at once (in worker processes); the files and the report are the same.

    An article whose template and catalogs are as the last run left them, from the same article,
    configuration, glossary and transpub, is not read again (see :mod:`transpub.manifest`; ``full``:
    every article is).
    """
    forget_folders()
    report = ExtractReport()
    discovery = project.discover()
    report.site_strings, site_errors = extract_site_strings(
        project, locales, discovery, fuzzy_matching=fuzzy_matching, purge_obsolete=purge_obsolete
    )
    report.errors.extend(site_errors)
    run_key = make_key(
        code_signature(project.root),
        file_hash(project.config_path),
        project_settings(project),
        file_hash(project.glossary_path),
        fuzzy_matching,
        purge_obsolete,
    )
    shown = {article.path: project.relative(article.path) for article in discovery.articles}
    # each article's name too: the references name it (a.htm renamed a.html keeps its slug)
    names = [path_name(project.root, article.path) for article in discovery.articles]
    signing_key = local_key()
    whole = articles_key(run_key, names, discovery, locales)
    kept = None
    if not full and not discovery.errors:  # nothing changed since the last run: what it reported
        kept = kept_result(project.root, "extract", _scope(project), whole, signing_key)
        if kept is not None and kept.whole and _report_kept(report, kept, discovery, shown, locales):
            return report
    # else the articles of the record's parts that hold (an article edited: the others') are as it
    # says, and the articles' records decide of the rest, which alone are loaded
    held = _held_articles(kept, discovery, shown, locales) if kept is not None else {}
    try:
        glossary = load_project_glossary(project)
    except GlossaryError as exc:  # without it every catalog would lose its terms' notes, and get them
        # back once it is mended: no catalog is written until it reads
        error = _relative(project, exc)
        report.errors.append(
            GlossaryError(
                f"{error.message} (no catalog was written: mend it, then extract)",
                error.path,
                error.line,
                error.column,
            )
        )
        return report
    report.errors.extend(discovery.errors)
    report.warnings.extend(discovery.warnings)
    # an article read before by the same reader (its catalogs alone changed) is taken from the
    # documents stored then; ``full`` reads every article again
    cache = ReadCache(project.root, store=True, look_up=not full)
    run = _ExtractRun(project, tuple(locales), glossary, fuzzy_matching, purge_obsolete, cache)
    others = [article.slug for at, article in enumerate(discovery.articles) if at not in held]
    manifest = Manifest(project.root, "extract", ignore=full, key=signing_key, only=others if held else None)
    outcomes: list[_ArticleOutcome | None] = []
    todo: list[tuple[Path, str, str, str]] = []
    for at, (article, name) in enumerate(zip(discovery.articles, names, strict=True)):
        outcome = held.get(at)
        if outcome is None:
            # (its content is a file the template's record watches: a look at its signature, not a read)
            key = make_key(run_key, name)
            outcome = _unchanged(run, manifest, name, shown[article.path], article.slug, key)
            if outcome is None:
                todo.append((article.path, article.slug, key, shown[article.path]))
        outcomes.append(outcome)
    done: dict[int, _ArticleOutcome] = {}
    unflushed: set[str] = set()
    ahead: Background | None = None
    batches = _batches(todo, jobs)
    if in_processes(batches, jobs):  # made once here, not once in each worker process:
        prepare_reading(project)
        if glossary is not None:
            glossary.terms_in_each([], glossary.source_lang)  # the glossary's matcher
    for batch, folders in run_ordered(_extract_batch, run, batches, jobs, chunk=1):
        done.update(batch)
        unflushed |= folders
        if folders and (ahead is None or not ahead.running):
            # what is written so far goes to the disk while the work goes on (a flush waits for the
            # disk, not for Python), so that the last flush finds little left to write
            ahead = in_background(_flush_ahead, list(unflushed))
    # The new catalogs the batches wrote (they replace nothing) reach the disk here, in one flush for
    # the whole run rather than one per batch (each waits for the disk, and for every other file on
    # it), in the background while the results are gathered, and before the manifest records them
    # as done: no record ever names a catalog that a power cut could still take away. A catalog that
    # replaces another was flushed by its batch before it took the other's place.
    flushed = start_flush(unflushed)
    position = iter(range(len(todo)))
    reads: list[Entry] = []
    for outcome, article in zip(outcomes, discovery.articles, strict=True):
        if outcome is None:
            outcome = done[next(position)]
            reads.extend(outcome.reads)
            for locale, record in outcome.records.items():
                if record is None:
                    manifest.drop(article.slug, locale)
                else:
                    manifest.put(article.slug, record, locale)
        report.errors.extend(outcome.errors)
        report.warnings.extend(outcome.warnings)
        if outcome.extraction is not None:
            report.articles.append(outcome.extraction)
    _forget_gone_articles(project, manifest, discovery)
    shown_names = set(shown.values())
    # the reads are stored while the rest is done (an SQLite commit waits for the disk)
    stored = in_background(
        save_reads,
        project.root,
        reads,
        lambda name, slug: name in shown_names or not in_shard(slug, project.shard),
    )
    report.orphans = find_orphan_catalogs(
        project,
        discovery,
        manifest=manifest,
        sweep=(project.templates_dir, *(project.catalog_path(loc, "x").parent for loc in locales)),
    )

    def on_disk() -> None:  # every catalog written: the last flush, and the one ahead of it, ended
        flushed()
        if ahead is not None:
            ahead.wait()

    report.foreign_records = manifest.ignored_articles
    manifest.save(before_write=on_disk)  # the records made while the catalogs reach the disk
    if not report.errors:  # what the next run reports if nothing changes
        kept_results = {at: kept.results[at] for at in held} if kept is not None else {}
        _keep_whole_run(project, manifest, whole, discovery, names, locales, report, kept_results)
    stored.wait()
    return report


def extract_site_strings(
    project: Project,
    locales: list[str],
    discovery: Discovery,
    *,
    fuzzy_matching: bool = True,
    purge_obsolete: bool = False,
) -> tuple[str | None, list[TranspubError]]:
    """Write the ``_site`` template and catalogs of the site's own strings (an MkDocs site's ``nav``
    titles, ``site_name``, ``site_description``: see :mod:`transpub.mkdocs_nav`; a Hugo site's title
    and menu: see :mod:`transpub.hugo_menus`): the line saying so when a
    file changed, and the errors (a catalog that cannot be read, an article whose catalog has that
    name). Nothing without such strings."""
    site = site_template(project)
    if site is None:
        return None, []
    config_name, template = project.relative(site[0]), site[1]
    template_path = project.template_path(SITE_CATALOG)
    if any(article.slug == SITE_CATALOG for article in discovery.articles):
        reason = f"an article's catalog is named {SITE_CATALOG}: the site's navigation titles are not offered"
        return None, [TranspubError(f"{reason} (rename the article)", project.relative(template_path))]
    changed = catalog.write_template(template, template_path)
    errors: list[TranspubError] = []
    for locale in locales:
        try:
            update = catalog.update_catalog(
                project.catalog_path(locale, SITE_CATALOG),
                template,
                locale,
                fuzzy_matching=fuzzy_matching,
                fuzzy_threshold=project.fuzzy_threshold,
                purge_obsolete=purge_obsolete,
            )
            changed = changed or update.written
        except CatalogError as exc:
            errors.append(_relative(project, exc))
    where = project.relative(Path(project.catalog_folder("<lang>")) / f"{SITE_CATALOG}.po")
    what = "nav, site_name" if project.mkdocs_folders is not None else "title, main menu"
    line = (
        f"{config_name}: {counted(len(template), 'title')} of the site ({what}) for translators, in {where}"
    )
    return (line if changed else None), errors


def _scope(project: Project) -> str:
    """The part of the project a run works on, as whole-run records are kept (``--shard I/N``)."""
    return "" if project.shard is None else "{}/{}".format(*project.shard)


def _keep_whole_run(
    project: Project,
    manifest: Manifest,
    key: str,
    discovery: Discovery,
    names: list[str],
    locales: list[str],
    report: ExtractReport,
    held: Mapping[int, Any] | None = None,
) -> None:
    """Keep what ``report`` says of the articles (and the orphans) as the run's whole-run record,
    watching every file their records watch (see :mod:`transpub.whole_run`); ``names``: the
    articles' (as records name them), looked at first. ``held``: what the record kept before says
    of the articles whose part holds, by their places (their records were not loaded)."""
    held = held or {}
    groups = []
    slugs = [article.slug for article in discovery.articles]

    def records_of(slug: str) -> list[Record | None]:
        return [manifest.get(slug), *(manifest.get(slug, locale) for locale in locales)]

    for at, slug in enumerate(slugs):
        if at in held:  # (its records are not loaded: the part it is in stays as it was kept)
            groups.append(Group(slug, None, held[at]))
            continue
        records = records_of(slug)
        template = records[0]
        if template is None:
            return
        groups.append(Group(slug, records, [template.result.get("units"), template.result.get("warnings")]))
    keep(
        project.root,
        "extract",
        _scope(project),
        key,
        groups,
        manifest.key,
        watched=[manifest.get("", _orphans_slot(project))],
        result={"orphans": [[orphan.slug, list(orphan.paths)] for orphan in report.orphans]},
        changed=manifest.touched | {slug for at, slug in enumerate(slugs) if at not in held},
        first=set(names),
        records_of=records_of,
    )


def _report_kept(
    report: ExtractReport, kept: Kept, discovery: Discovery, shown: dict[Path, str], locales: list[str]
) -> bool:
    """Fill ``report`` with what a whole-run record ``kept`` (whole) says (see
    :func:`_keep_whole_run`), after the discovery's warnings; False (``report`` unchanged) when it is
    not such a record."""
    held = _held_articles(kept, discovery, shown, locales)
    try:
        orphans = [
            OrphanCatalogs(str(slug), tuple(map(str, paths))) for slug, paths in kept.result["orphans"]
        ]
    except (KeyError, TypeError, ValueError):  # a damaged record
        return False
    if len(held) != len(discovery.articles):
        return False
    outcomes = [held[at] for at in range(len(discovery.articles))]
    report.articles = [outcome.extraction for outcome in outcomes if outcome.extraction is not None]
    report.orphans = orphans
    report.warnings += [
        *discovery.warnings,
        *(warning for outcome in outcomes for warning in outcome.warnings),
    ]
    return True


def _held_articles(
    kept: Kept, discovery: Discovery, shown: dict[Path, str], locales: list[str]
) -> dict[int, _ArticleOutcome]:
    """What a whole-run record ``kept`` says of each article whose part holds, by its place among
    ``discovery``'s articles (none when the record is damaged)."""
    held: dict[int, _ArticleOutcome] = {}
    try:
        for at, (units, noted) in kept.results.items():
            article = discovery.articles[at]
            extraction = _kept_extraction(article.slug, shown[article.path], int(units), tuple(locales))
            held[at] = _ArticleOutcome(extraction, warnings=[Issue(**warning) for warning in noted])
    except (KeyError, TypeError, ValueError, IndexError):  # a damaged record
        return {}
    return held


def _kept_extraction(slug: str, shown: str, units: int, locales: tuple[str, ...]) -> ArticleExtraction:
    """What extract reports of the article ``slug`` (``shown`` in messages, ``units`` units) when it
    found its template and catalogs as the last run left them."""
    kept = catalog.UpdateReport(kept=units)  # (each locale's: nothing done)
    return ArticleExtraction(
        slug=slug,
        path=shown,
        units=units,
        template_written=False,
        catalogs_written=dict.fromkeys(locales, False),
        updates=dict.fromkeys(locales, kept),
    )


def _forget_gone_articles(project: Project, manifest: Manifest, discovery: Discovery) -> None:
    """Drop the records of the articles that are gone (in this run's shard), which no run would
    look at again (their catalogs stay: see :func:`find_orphan_catalogs`). Not when no article was
    found at all (a checkout under way, a folder misnamed), as compile removes no page then."""
    present = {article.slug for article in discovery.articles} | discovery.refused
    if not present:
        return
    for slug in sorted(manifest.slugs_besides(present, foreign=True)):
        if in_shard(slug, project.shard):
            manifest.forget(slug)


def _flush_ahead(folders: list[str]) -> None:
    """``flush_folders``, early: a failure is not reported here but by the run's last flush."""
    with contextlib.suppress(OSError):
        flush_folders(folders)


def _unchanged(
    run: _ExtractRun, manifest: Manifest, name: str, shown: str, slug: str, key: str
) -> _ArticleOutcome | None:
    """What the last run did for the article ``slug`` named ``name`` in records (``path_name``;
    ``shown`` in messages), when its files are as it left them (the article and template, watched by
    the template's record; each catalog, by its locale's record, made from the article as the
    template's record saw it); else None."""
    project = run.project
    template = manifest.get(slug)
    if template is None or template.key != key:
        return None
    article = template.hash_of(name)
    if article is None:
        return None
    records = {"": template}
    for locale in run.locales:
        record = manifest.get(slug, locale)
        if record is None:
            return None
        records[locale] = record
    catalog_key = _catalog_key(key, article)
    wanted = [(record, catalog_key if locale else key) for locale, record in records.items()]
    if not all_hold(project.root, wanted, manifest.listing):  # one look at each file
        return None
    for locale, record in records.items():
        if record.refreshed:  # same files, new signatures (a fresh checkout): remember them
            manifest.put(slug, record, locale)
    return _ArticleOutcome(
        _kept_extraction(slug, shown, int(template.result["units"]), run.locales),
        warnings=[Issue(**warning) for warning in template.result["warnings"]],
    )


def _catalog_key(key: str, article: str) -> str:
    """The key of a catalog's record: the article's (``key``) and the hash of the article's content
    it was made from (``article``): a run for other locales may have extracted a newer article."""
    return make_key(key, article)


#: Articles whose files are written together (one flush to disk for all, see fsutil.WriteBatch).
BATCH_SIZE = 32


def _batches(todo: list[tuple[Path, str, str, str]], jobs: int) -> list[list[_Task]]:
    """``todo`` (path, slug, key, name shown) cut into batches of at most :data:`BATCH_SIZE`, and with ``jobs``
    > 1 into batches that shrink as the work runs out (:func:`~transpub.workers.chunk_sizes`), so
    that the processes finish together; each task with its position in ``todo``. Articles are
    ordered by lock bucket, so that a batch takes few locks (:func:`~transpub.fsutil.lock_bucket`),
    and always in increasing order."""
    buckets = {index: lock_bucket(todo[index][1]) for index in range(len(todo))}
    order = sorted(range(len(todo)), key=lambda index: (buckets[index], index))
    tasks = [(index, *todo[index]) for index in order]
    if jobs <= 1:
        sizes = [BATCH_SIZE] * -(-len(tasks) // BATCH_SIZE)
    else:
        sizes = chunk_sizes(len(tasks), jobs, BATCH_SIZE)
    batches = []
    start = 0
    for size in sizes:
        if start >= len(tasks):
            break
        end = min(start + size, len(tasks))
        # a lock bucket is never split between two batches: two processes working on the two at
        # once would each wait for the other's lock (held until its batch is written)
        while jobs > 1 and end < len(tasks) and buckets[tasks[end][0]] == buckets[tasks[end - 1][0]]:
            end += 1
        batches.append(tasks[start:end])
        start = end
    return batches


class _Places:
    """Where a batch's articles' templates and catalogs go (``project.template_path`` and
    ``catalog_path``, locale "" for the template) and their locks, each folder looked at once.

    The files of an article extracted for the first time are not there: one look (``os.access``,
    without following a link) under the article's lock tells that nothing is at a file's place, no
    file to read and no link that could lead a write out of the catalogs folder (which
    :func:`~transpub.fsutil.confine` looks for); anything else takes the project's way.
    """

    def __init__(self, project: Project, locales: tuple[str, ...]) -> None:
        self.project = project
        #: locale -> its files' folder (confined, absolute and normal), or None: the project's way
        self.folders: dict[str, str | None] = {}
        self.suffixes = {"": ".pot", **dict.fromkeys(locales, ".po")}
        for locale in self.suffixes:
            try:
                probe = project.catalog_path(locale, "_") if locale else project.template_path("_")
            except TranspubError:  # (as it is for each article, which then says so)
                self.folders[locale] = None
                continue
            folder = os.path.dirname(os.fspath(probe))
            usable = os.path.abspath(folder) == folder and not folder.endswith(os.sep)
            self.folders[locale] = folder if usable else None
        self._guards: dict[int, Path] = {}

    def guard(self, slug: str) -> Path:
        """``article_lock_path`` of the article ``slug`` (the same for every slug of its lock bucket)."""
        bucket = lock_bucket(slug)
        found = self._guards.get(bucket)
        if found is None:
            found = self._guards[bucket] = article_lock_path(self.project.catalogs_dir, slug)
        return found

    def new_file(self, locale: str, slug: str) -> str | None:
        """The path of the article ``slug``'s template (locale "") or catalog when nothing is there
        (as the project names it: checked with its lock held); None: look the project's way."""
        folder = self.folders[locale]
        if folder is None or os.sep in slug or (os.altsep is not None and os.altsep in slug):
            return None
        path = f"{folder}{os.sep}{slug}{self.suffixes[locale]}"
        return None if os.access(path, os.F_OK, follow_symlinks=False) else path


def _extract_batch(
    run: _ExtractRun, tasks: list[_Task]
) -> tuple[list[tuple[int, _ArticleOutcome]], set[str]]:
    """Extract a few articles; their templates and catalogs are written together when all are done.
    Also the folders of the new catalogs written, which the run flushes to disk before it records
    them (see :class:`~transpub.fsutil.WriteBatch`, ``defer_new``).

    Each article's lock (one for its template and all its catalogs, shared with the articles of its
    lock bucket) is taken before its catalogs are read and held until the batch's files are in
    place. Buckets are locked in increasing order, as every run and worker takes them, and a
    translate run holds one at a time, so no two processes ever wait for each other in a circle.
    """
    notes = GlossaryNotes(run.glossary) if run.glossary is not None else None  # a batch's terms found once
    places = _Places(run.project, run.locales)
    with WriteBatch(digest=content_hash, defer_new=True) as batch:
        outcomes = [(task[0], _extract_article(run, task[1:], batch, notes, places)) for task in tasks]
    root = run.project.root
    for _, outcome in outcomes:
        for locale, path in outcome.watch.items():
            record = outcome.records[locale]
            if record is not None:
                _watch(record, root, path, batch.digests.get(os.fspath(path)))
        outcome.watch = {}
    return outcomes, batch.unflushed


def _watch(record: Record, root: Path, path: Path | str, digest: str | None) -> None:
    """``record.watch(root, path)``, without reading the file again when the batch wrote it (its
    ``digest``): its signature now, with the hash of the bytes written."""
    if digest is None:
        record.watch(root, Path(path))
        return
    name = path_name(root, path)
    stamp = record.files[name] = signature(path)
    if stamp is not None:
        record.hashes[name] = digest


def _extract_article(
    run: _ExtractRun,
    task: tuple[Path, str, str, str],
    batch: WriteBatch,
    notes: GlossaryNotes | None,
    places: _Places,
) -> _ArticleOutcome:
    """Extract one article: its template, then its catalog in each of the run's locales (written
    when ``batch`` is committed; ``notes``: the glossary's notes, when there is a glossary)."""
    project = run.project
    path, slug, key, shown = task
    template_record = Record(key)
    data = template_record.watch_read(project.root, path)  # the bytes read, read once
    catalog_key = _catalog_key(key, template_record.hashes.get(path_name(project.root, path), "-"))
    try:
        document = load_article(project, path, run.reads, data=data, shown=shown, slug=slug)
    except ArticleError as exc:
        return _ArticleOutcome(None, [_relative(project, exc)], records=dict.fromkeys(["", *run.locales]))
    outcome = _ArticleOutcome(None, warnings=list(document.warnings))
    if run.reads is not None:
        outcome.reads = run.reads.take()
    units = document.units(shown)
    template = catalog.template_header(project.name)  # (its entries made only for a full merge)
    # the terms of all the article's msgids found in one search; only their entries differ by locale
    msgids = [unit.msgid for unit in units]
    noted = notes.look_up(msgids) if notes is not None else ()
    texts = catalog.unit_texts(units, template, noted=noted)  # the same in the template and every new catalog
    folder = places.folders[""]
    template_path: Path | str = (
        project.template_path(slug) if folder is None else f"{folder}{os.sep}{slug}.pot"
    )  # (the lock made the folder: it is that of the project's path)
    batch.lock(Path(template_path), guard=places.guard(slug))
    new = places.new_file("", slug)
    if new is None and folder is not None:
        template_path = project.template_path(slug)
    result = ArticleExtraction(
        slug=slug,
        path=shown,
        units=len(units),
        template_written=catalog.write_template(
            template, template_path, batch=batch, texts=texts, absent=new is not None
        ),
    )
    template_record.result = {"units": len(units), "warnings": [asdict(w) for w in document.warnings]}
    outcome.records[""] = template_record
    outcome.watch[""] = template_path
    for locale in run.locales:
        new = places.new_file(locale, slug)
        po_path = project.catalog_path(locale, slug) if new is None else new
        if new is not None or not os.path.lexists(po_path):  # (None: not looked at the quick way)
            result.created.add(locale)
        try:
            update = catalog.update_catalog(
                po_path,
                template,
                locale,
                fuzzy_matching=run.fuzzy_matching,
                fuzzy_threshold=project.fuzzy_threshold,
                purge_obsolete=run.purge_obsolete,
                notes_for=notes.for_catalog(locale, msgids) if notes is not None and noted else None,
                batch=batch,
                texts=texts,
                absent=new is not None,
            )
        except CatalogError as exc:
            result.failed[locale] = _relative(project, exc)
            outcome.errors.append(result.failed[locale])
            outcome.records[locale] = None
            continue
        result.updates[locale] = update
        result.catalogs_written[locale] = update.written
        outcome.records[locale] = Record(catalog_key)
        outcome.watch[locale] = po_path
    outcome.extraction = result
    return outcome
