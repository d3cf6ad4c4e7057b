"""The compile workflow: articles + catalogs → ``site/<locale>/<slug>.html`` and index pages."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import hmac
import html as htmllib
import marshal
import operator
import os
import zlib
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .discovery import Discovery, in_shard
from .errors import ArticleError, CatalogError, TranspubError
from .formats.dates import DateStyle, localize_date
from .formats.document import (
    Document,
    Resolution,
    Resolver,
    RewriteUrl,
    Slot,
    Tag,
    TextSlot,
    Translated,
    escape_attribute,
    placeholder_check,
)
from .formats.html_attributes import attribute_spans
from .formats.template_guard import template_problem
from .fsutil import (
    atomic_write_bytes,
    confine,
    confined_file,
    forget_folders,
    local_key,
    remove_file,
    remove_stale_temporaries,
    write_if_changed,
)
from .inline import strip_placeholders
from .locales import bcp47_tag, language_of, text_direction
from .manifest import (
    Manifest,
    Record,
    Signature,
    code_signature,
    content_hash,
    file_hash,
    holding_as_stored,
    make_key,
    path_name,
    project_settings,
    signature,
)
from .markdown_outputs import OutputRecord, Recorded
from .model import Coverage, Issue
from .project import Project
from .readcache import ReadCache
from .site import (
    MACHINE_NOTICE,
    NOTICE_STYLE,
    REVIEW_STYLE,
    SWITCHER_STYLE,
    HiddenUnit,
    LanguageLinks,
    Page,
    locale_index_page,
    locale_index_row,
    newest_key,
    prepare_languages,
    quoted_path,
    render_hidden_units,
    render_review_legend,
    render_switcher,
    review_hover,
    review_index_page,
    review_index_row,
    site_href,
    site_index_page,
    site_index_row,
)
from .site_assets import ArticleAssets, copy_assets, private_files
from .sources import Translation, load_article, load_translations, read_options
from .workers import MIN_PARALLEL_ITEMS, forks, in_processes, run_ordered

if TYPE_CHECKING:
    from .markdown_assets import ImagePlan


@dataclass
class CompileReport:
    """Pages compiled or held back in this run, warnings (placeholder mismatches) and errors.

    ``pages`` are the pages of the selected locales and the source locale, the ones this run
    wrote, removed or held back. ``other_pages`` are those of the locales not selected: they are
    not written, but the published ones are linked from every page and listed in the indexes.
    """

    pages: list[Page] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[TranspubError] = field(default_factory=list)
    index_written: list[Path] = field(default_factory=list)
    mo_written: list[Path] = field(default_factory=list)
    out_dir: Path | None = None
    other_pages: list[Page] = field(default_factory=list)
    review_written: list[Path] = field(default_factory=list)
    #: Locales not compiled in this run whose published pages link an out-of-date list of languages
    #: (a selected language was published or withdrawn): ``transpub compile`` without ``-l`` updates them.
    stale_links: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class CompileOptions:
    """Switches of ``transpub compile``."""

    out_dir: Path | None = None
    include_fuzzy: bool = False
    review: bool = False
    write_mo: bool = False
    threshold: float | None = None
    #: False for ``--indexes``: decide every page but write only the index pages (after sharded runs).
    pages: bool = True
    #: ``--format``: "html" or "markdown" (None: ``[compile] format``).
    format: str | None = None


def _usable(slot: Slot, entry: Translation | None, include_fuzzy: bool) -> bool:
    if entry is None or not entry.text:
        return False
    if entry.state == "fuzzy" and not include_fuzzy:
        return False
    return entry.state in ("translated", "fuzzy") and _problem(slot.msgid, entry.text) is None


def _problem(msgid: str, text: str) -> tuple[str, str] | None:
    """``(check, why)`` when a translation cannot be published: its placeholders or its template
    tokens (Hugo shortcodes, Liquid tags) differ from the source's. Its unit then shows the source."""
    if "<" not in text and "<" not in msgid and "{" not in text and "{" not in msgid:
        return None  # no placeholder and no template token on either side (most translations)
    return _compared(msgid, text)


def _compared(msgid: str, text: str) -> tuple[str, str] | None:
    """:func:`_problem` by comparing the placeholders and the template tokens of both texts."""
    problem = placeholder_check(msgid, text)  # remembered for the rendering, which checks again
    if problem:
        return "placeholders", problem
    problem = template_problem(msgid, text)
    return ("template", problem) if problem else None


@dataclass(frozen=True)
class _CompileRun:
    """What every article's compilation needs (sent once to each worker process)."""

    project: Project
    options: CompileOptions
    out_dir: Path
    selected: tuple[str, ...]
    targets: tuple[str, ...]
    #: ``--format markdown``: where the Markdown goes, and the record of the files compile wrote there
    #: (each article writes through a view of it; its changes go back to the parent's record).
    markdown_root: Path | None = None
    record: OutputRecord | None = None
    #: Assets this process has copied in this run (each once), and where the articles' file URLs lead.
    copied: set[str] = field(default_factory=set)
    found: dict[tuple[str, str], tuple[Path, str | None, bool]] = field(default_factory=dict)
    #: The documents extract read (None: every article is read, ``--full``).
    reads: ReadCache | None = None
    #: The names in folders of the site (relative to it) as they were when first looked at (see _absent).
    listed: dict[str, set[str]] = field(default_factory=dict)
    #: The output folders of the pages of articles not compiled again, by name, and their coverages
    #: by counts (see _recorded_page).
    folders: dict[str, Path] = field(default_factory=dict)
    coverages: dict[tuple[int, ...], Coverage] = field(default_factory=dict)
    #: The folders of the site's files by their path in the site (see :func:`_place`), and those of the
    #: catalogs by locale and the folder part of the slug (see :func:`_catalog_file`).
    places: dict[str, _Place] = field(default_factory=dict)
    catalog_places: dict[tuple[str, str], tuple[str, Path]] = field(default_factory=dict)
    #: The files articles load and their copies (by path, a copy by its name in the site), as this
    #: process first recorded them in this run: name, signature, content hash (see _watch_asset).
    watched: dict[Path | str, tuple[str, Signature | None, str | None]] = field(default_factory=dict)
    #: Whether this run makes index pages (each compiled article then makes its rows in them).
    indexes: bool = False

    @property
    def all_locales(self) -> list[str]:
        """The source locale, then every target."""
        return [self.project.source_locale, *self.targets]


@dataclass
class _CompiledArticle:
    """One article's pages (every locale's, by locale) and what compiling it reported."""

    slug: str
    #: False when the article could not be read.
    read: bool = True
    pages: dict[str, Page] = field(default_factory=dict)
    #: The pages of the source and the selected locales, in that order (``CompileReport.pages``).
    listed: list[Page] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[TranspubError] = field(default_factory=list)
    mo_written: list[Path] = field(default_factory=list)
    review_written: list[Path] = field(default_factory=list)
    stale: set[str] = field(default_factory=set)
    #: The manifest record of what was read and written (None: nothing to remember).
    record: Record | None = None
    #: Markdown output: the record of written files' name for its file in each listed locale (None: no
    #: file), when known (from its manifest record), so that finding stale files need not work them out.
    markdown_keys: dict[str, str | None] | None = None
    #: Markdown output: the changes this article made to the record of written files, and the folders
    #: its removals emptied (made perhaps in a worker process: the parent takes them in).
    output_changes: dict[str, Recorded | None] = field(default_factory=dict)
    emptied: list[Path] = field(default_factory=list)
    #: Markdown output: the record's names of the image copies its file in each locale uses, when known.
    copies: dict[str, list[str]] | None = None
    #: What the index pages show of its pages (see :func:`_index_rows`), when its record keeps it.
    index_rows: list[str] | None = None
    #: Its pages' rows in the index pages (see :func:`_article_rows`), when made with them.
    rows: _ArticleRows | None = None


def compile_project(
    project: Project,
    locales: list[str],
    options: CompileOptions = CompileOptions(),
    *,
    jobs: int = 1,
    full: bool = False,
) -> CompileReport:
    """Write the localized site for ``locales`` (plus the source locale) and its index pages.

    Every configured locale is considered for the links (hreflang, switchers, indexes): a locale
    that is not selected is linked where its catalog reads, meets the threshold and its page is
    already on disk, but its pages are not rewritten. ``jobs`` > 1 compiles that many articles at
    once (in worker processes); the files and the report are the same.

    An article whose catalogs (every locale's: they decide its language links), pages and assets
    are as the last run left them, from the same article, configuration, options and transpub, is
    not read again (see :mod:`transpub.manifest`; ``full``: every article is). The index pages are
    made anew from every page's record.
    """
    forget_folders()
    out_dir = options.out_dir or project.site_dir
    report = CompileReport(out_dir=out_dir)
    markdown = (options.format or project.output_format) == "markdown"
    markdown_root = options.out_dir or project.markdown_root
    source = project.source_locale
    selected = [loc for loc in dict.fromkeys(locales) if loc != source]
    targets = [*project.locales, *(loc for loc in selected if loc not in project.locales)]
    discovery = project.discover()
    report.errors.extend(discovery.errors)
    report.warnings.extend(discovery.warnings)
    article_paths = [article.path for article in discovery.articles]
    slugs = {article.path: article.slug for article in discovery.articles}
    record = _load_record(markdown_root, report) if markdown and options.pages else None
    run = _CompileRun(
        project,
        options,
        out_dir,
        tuple(selected),
        tuple(targets),
        markdown_root=markdown_root if markdown else None,
        record=record,
        reads=None if full else ReadCache(project.root),
        indexes=not markdown and project.shard is None and options.pages,
    )
    # Markdown output keeps records of its own (a site previewed as HTML between runs keeps both), and
    # trusts none when it cannot read the record of the files it wrote.
    manifest = Manifest(
        project.root,
        "compile-markdown" if markdown else "compile",
        ignore=full or (markdown and record is None),
    )
    run_key = make_key(
        code_signature(project.root),
        file_hash(project.config_path),
        project_settings(project),
        {**asdict(options), "out_dir": path_name(project.root, out_dir)},
        selected,
        targets,
    )
    cached: list[_CompiledArticle | None] = []
    todo: list[tuple[Path, str, str]] = []
    # the article's name too: a Markdown article's is in its outputs' names (x.md, x.markdown); its
    # content is a file its record watches (a look at its signature, not a read of it)
    keys = [make_key(run_key, path_name(project.root, path)) for path in article_paths]
    as_stored = _records_as_stored(
        project.root, [(manifest.get(slugs[path]), key) for path, key in zip(article_paths, keys)], jobs
    )
    for path, key, held in zip(article_paths, keys, as_stored, strict=True):
        cached.append(_unchanged(run, manifest, path, slugs[path], key, as_stored=held))
        if cached[-1] is None:
            todo.append((path, key, slugs[path]))
    if in_processes(todo, jobs):  # once here, not once in each worker process
        prepare_languages(run.all_locales)
    done = run_ordered(_compile_article, run, todo, jobs)
    pages: dict[tuple[str, str], Page] = {}
    stale: set[str] = set()
    read: dict[str, dict[str, str | None] | None] = {}
    copies: dict[str, dict[str, list[str]] | None] = {}
    articles: list[_CompiledArticle] = []
    for found in cached:
        compiled = found or next(done)
        if compiled.index_rows is None:  # what the index pages show of it (see _index_rows)
            compiled.index_rows = _index_rows(compiled.pages.values())
        articles.append(compiled)
        if record is not None:
            record.merge(compiled.output_changes, compiled.emptied)
        if compiled.record is not None:
            manifest.put(compiled.slug, compiled.record)
        elif found is None:
            manifest.drop(compiled.slug)  # not compiled as a whole: no record to trust next time
        if compiled.read:
            read[compiled.slug] = compiled.markdown_keys
            copies[compiled.slug] = compiled.copies
        report.errors.extend(compiled.errors)
        report.warnings.extend(compiled.warnings)
        report.mo_written.extend(compiled.mo_written)
        report.review_written.extend(compiled.review_written)
        report.pages.extend(compiled.listed)
        stale |= compiled.stale
        for locale, page in compiled.pages.items():
            pages[locale, compiled.slug] = page
    all_locales = [source, *targets]
    report.other_pages = [page for (locale, _), page in pages.items() if locale not in (source, *selected)]
    report.stale_links = [loc for loc in targets if loc in stale]
    try:
        if record is not None:
            _remove_stale_markdown(
                project, record, [source, *selected], discovery, read, copies, markdown_root, report
            )
        if markdown:  # a static-site generator makes its own index pages and language menus
            return report
        if project.shard is not None:  # the indexes need every shard's pages: `transpub compile --indexes`
            return report
        if options.pages:
            for folder in (out_dir, *(out_dir / project.locale_dir(loc) for loc in all_locales)):
                remove_stale_temporaries(folder)  # a run with nothing to write still sweeps a killed run's
            _remove_orphan_review_copies(
                out_dir,
                {project.locale_dir(loc) for loc in targets},
                set(slugs.values()),
            )
        _indexes_unless_unchanged(project, out_dir, articles, all_locales, report, manifest, run_key)
    finally:  # the pages' records, and the index pages', saved in one go (each save waits for the disk)
        manifest.save()
    return report


def _indexes_unless_unchanged(
    project: Project,
    out_dir: Path,
    articles: list[_CompiledArticle],
    all_locales: list[str],
    report: CompileReport,
    manifest: Manifest,
    run_key: str,
) -> None:
    """Write the index pages whose content may have changed since the last run: an archive's
    indexes list every article (making them is most of a run with nothing changed, or with one
    article's text edited). ``shown``: what they show of each article's pages (see
    :func:`_index_rows`); the language and site indexes are made again when the published pages'
    titles, dates or names changed, the review index when any page's title, state or coverage did,
    and both when an index file is not as the last run left it."""
    shown = [article.index_rows or [] for article in articles]
    keys = {kind: _digest(all_locales, [rows[at] for rows in shown]) for at, kind in enumerate(_INDEXES)}
    key = make_key(run_key, "indexes")
    record = manifest.get("", "indexes")
    held = record is not None and record.holds(project.root, key)
    made: dict[str, str] = record.result.get("made", {}) if held and record is not None else {}
    kinds = [kind for kind in _INDEXES if made.get(kind) != keys[kind]]
    if not kinds:
        if record is not None and record.refreshed:
            manifest.put("", record, "indexes")
        return
    written = _write_indexes(
        project, out_dir, articles, all_locales, report, kinds, make_key(run_key, "index rows")
    )
    indexes = Record(key, result={"made": keys})
    for path in (
        *(out_dir / _html_path(project, locale, "index") for locale in all_locales),
        out_dir / "index.html",
        out_dir / "_review" / "index.html",
    ):
        _watch_index(project.root, indexes, path, written, record if held else None)
    manifest.put("", indexes, "indexes")


def _watch_index(
    root: Path, record: Record, path: Path, written: dict[str, bytes | None], previous: Record | None
) -> None:
    """Record the index page ``path`` as :meth:`Record.watch` does, without reading it again where
    that is known: from the bytes this run made of it (``written``, by record name), or, for an
    index page this run did not make, from the ``previous`` record of the index pages, which held (its
    files are as it says). An archive's index pages are megabytes."""
    name = path_name(root, path)
    data = written.get(name)
    if data is not None:
        record.watch_content(root, path, signature(path), data, name=name)
    elif name not in written and previous is not None and name in previous.files:
        record.files[name] = previous.files[name]
        if name in previous.hashes:
            record.hashes[name] = previous.hashes[name]
    else:
        record.watch(root, path)


#: The kinds of index pages: the languages' and the site's (published pages), the review index (every page).
_INDEXES = ("listing", "review")


def _index_rows(pages: Iterable[Page]) -> list[str]:
    """What the index pages show of one article's ``pages``, a digest per kind of :data:`_INDEXES`:
    the published pages' names, titles and dates, and every page's title, state and coverage."""
    listing: list[tuple[object, ...]] = []
    review: list[tuple[object, ...]] = []
    for page in pages:
        if page.published:
            listing.append((page.locale, page.slug, page.title, page.title_locale, page.date))
        coverage = page.coverage
        review.append((page.locale, page.slug, page.title, page.title_locale, page.published, page.reason))
        review.append((coverage.translated, coverage.fuzzy, coverage.untranslated, page.machine))
    return [_digest(listing), _digest(review)]


def _digest(*parts: object) -> str:
    """A key of plain values (strings, numbers, None, tuples and lists of them) by their ``repr``."""
    return content_hash(repr(parts).encode("utf-8"))


def _write_indexes(
    project: Project,
    out_dir: Path,
    articles: list[_CompiledArticle],
    all_locales: list[str],
    report: CompileReport,
    kinds: Collection[str],
    rows_key: str,
) -> dict[str, bytes | None]:
    """The site's index pages (of ``kinds``): one per language with something published and the
    site's (``listing``), the review index (``review``), made of the rows of every page of
    ``articles`` (see :func:`_article_rows`): those the articles compiled in this run made, those
    kept in :data:`INDEX_ROWS` (under ``rows_key``: this run's code, configuration and options)
    for the others whose pages show the same as then, made again for any other. Returns the
    content of each index page made, by its record name (None: removed, nothing to list)."""
    kept = _load_index_rows(project.root, rows_key)
    stored = [_unmarshal(blob) if kind in kinds else {} for kind, blob in zip(_INDEXES, kept, strict=True)]
    rows = _rows_of(project, articles, stored, kinds)
    try:
        texts = _index_texts(project, out_dir, rows, all_locales, kinds)
    except (TypeError, ValueError, IndexError):  # damaged kept rows (a sort, a join failed): none kept
        rows = _rows_of(project, articles, [{}, {}], kinds)
        texts = _index_texts(project, out_dir, rows, all_locales, kinds)
    made: dict[str, bytes | None] = {}
    for path, text in texts:
        data = made[path_name(project.root, path)] = None if text is None else text.encode("utf-8")
        if data is None:
            _remove_stale(out_dir, path)  # nothing published in this language: no empty index page
        elif write_if_changed(path, data, durable=False):
            report.index_written.append(path)
    blobs = [
        _marshal(rows[at]) if kind in kinds and rows[at] != stored[at] else kept[at]
        for at, kind in enumerate(_INDEXES)
    ]
    key = local_key()
    if blobs != kept and key is not None:
        with contextlib.suppress(OSError, ValueError):  # (a cache: the next run makes them again)
            path = project.root / INDEX_ROWS
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(path, _kept_rows(rows_key, blobs, key), durable=False)
    return made


#: Where compile keeps the rows of the index pages by article, for each kind of :data:`_INDEXES`
#: (see :func:`_article_rows`; marshalled, with a CRC-32): a run with one article changed makes
#: that article's rows, not the archive's, and unmarshals only the rows of the index pages it makes.
#: The rows are markup that goes into the index pages as it is: the file is signed with this user's
#: key on this machine (:func:`~transpub.fsutil.local_key`), and one signed otherwise (restored from
#: another run's cache, edited) keeps no row.
INDEX_ROWS = Path(".transpub") / "index-rows.bin"
#: How it starts: its form's version (another makes every kept row a miss), then the key.
_ROWS_HEAD = b"transpub index rows 1\n"

#: One page's rows in the language's and the site's indexes: locale, sort keys (see
#: :func:`~transpub.site.newest_key`), the two rows.
_ListingRow = tuple[str, int, str, str, str]
#: An article's rows: the digests of what the index pages show of its pages (:func:`_index_rows`),
#: the rows of its published pages in the listings, and (locale, row) of every page in the review index.
_ArticleRows = tuple[str, str, tuple[_ListingRow, ...], tuple[tuple[str, str], ...]]
#: The rows of one kind of index pages, by article slug: its digest for that kind, its rows.
_KindRows = dict[str, tuple[str, tuple[Any, ...]]]


def _article_rows(project: Project, pages: Iterable[Page], digests: list[str]) -> _ArticleRows:
    """The rows of an article's ``pages`` in the index pages (``digests``: :func:`_index_rows` of them)."""
    listing: list[_ListingRow] = []
    review: list[tuple[str, str]] = []
    source = project.source_locale
    for page in pages:
        folder = project.locale_dir(page.locale)
        if page.published:
            day, title = newest_key(page)
            listing.append(
                (page.locale, day, title, locale_index_row(folder, page), site_index_row(folder, page))
            )
        review.append((page.locale, review_index_row(folder, source, page)))
    return digests[0], digests[1], tuple(listing), tuple(review)


def _load_index_rows(root: Path, key: str) -> list[bytes]:
    """The rows of each kind of index pages :data:`INDEX_ROWS` keeps when kept under ``key`` (else
    none: empty), each marshalled with its CRC-32 (see :func:`_unmarshal`)."""
    secret = local_key()
    if secret is None:
        return [b"", b""]
    try:
        blob = (root / INDEX_ROWS).read_bytes()
    except OSError:
        return [b"", b""]
    head = _ROWS_HEAD + key.encode("ascii")
    size = len(blob) - _ROWS_SIGNATURE
    if not blob.startswith(head) or size < len(head):
        return [b"", b""]
    if not hmac.compare_digest(_rows_signature(secret, blob[:size]), blob[size:]):
        return [b"", b""]  # not written by this user's transpub on this machine
    blob = blob[:size]
    kept, at = [], len(head)
    for _ in _INDEXES:
        size = int.from_bytes(blob[at : at + 4], "big")
        kept.append(blob[at + 4 : at + 4 + size])
        at += 4 + size
    return kept if at == len(blob) else [b"", b""]


def _kept_rows(key: str, blobs: list[bytes], secret: bytes) -> bytes:
    """What :func:`_load_index_rows` reads (signed with ``secret``)."""
    data = b"".join([_ROWS_HEAD, key.encode("ascii"), *(len(b).to_bytes(4, "big") + b for b in blobs)])
    return data + _rows_signature(secret, data)


#: The size of the signature at the end of :data:`INDEX_ROWS`.
_ROWS_SIGNATURE = 16


def _rows_signature(secret: bytes, data: bytes) -> bytes:
    return hashlib.blake2b(data, key=secret, digest_size=_ROWS_SIGNATURE, person=b"index rows").digest()


def _marshal(rows: _KindRows) -> bytes:
    body = marshal.dumps(rows)
    return zlib.crc32(body).to_bytes(4, "big") + body


def _unmarshal(blob: bytes) -> _KindRows:
    """The rows of one kind :func:`_marshal` made (none when damaged)."""
    body = memoryview(blob)[4:]
    if len(blob) < 4 or zlib.crc32(body).to_bytes(4, "big") != blob[:4]:
        return {}
    try:
        rows = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return {}
    return rows if type(rows) is dict else {}


def _rows_of(
    project: Project, articles: list[_CompiledArticle], stored: list[_KindRows], kinds: Collection[str]
) -> list[_KindRows]:
    """Every article's rows in the index pages of ``kinds`` (see :data:`_KindRows`, by kind): made
    in this run, else kept (the same digest), else made now."""
    rows: list[_KindRows] = [{}, {}]
    wanted = [kind in kinds for kind in _INDEXES]
    for article in articles:
        if not article.pages:
            continue  # not read: no page to list
        digests = article.index_rows or _index_rows(article.pages.values())
        made = article.rows
        for at in (0, 1):
            if not wanted[at]:
                continue
            found = None if made is not None else stored[at].get(article.slug)
            if type(found) is not tuple or len(found) != 2 or found[0] != digests[at]:
                if made is None:
                    made = _article_rows(project, article.pages.values(), digests)
                found = (made[0], made[2]) if at == 0 else (made[1], made[3])
            rows[at][article.slug] = found
    return rows


def _index_texts(
    project: Project,
    out_dir: Path,
    rows: list[_KindRows],
    all_locales: list[str],
    kinds: Collection[str],
) -> list[tuple[Path, str | None]]:
    """The index pages of ``kinds`` made of ``rows`` (None: a page to remove)."""
    texts: list[tuple[Path, str | None]] = []
    if "listing" in kinds:
        listed: dict[str, list[tuple[int, str, int, str, str]]] = {}
        at = 0
        for _, listing in rows[0].values():
            for locale, day, title, row, site_row in listing:
                mine = listed.get(locale)
                if mine is None:
                    mine = listed[locale] = []
                mine.append((day, title, at, row, site_row))  # (in article order within a title)
                at += 1
        for mine in listed.values():
            mine.sort()
        source = project.source_locale
        indexed = [loc for loc in all_locales if loc == source or listed.get(loc)]
        for locale in all_locales:
            path = confine(out_dir / _html_path(project, locale, "index"), out_dir)
            if locale not in indexed:
                texts.append((path, None))
                continue
            shown = "".join([entry[3] for entry in listed.get(locale, ())])
            texts.append((path, locale_index_page(project, locale, shown, indexed)))
        sections = [(loc, [entry[4] for entry in listed[loc]]) for loc in all_locales if listed.get(loc)]
        texts.append((out_dir / "index.html", site_index_page(project, sections)))
    if "review" in kinds:
        reviewed: dict[str, list[str]] = {}
        review_rows = rows[1]
        for slug in sorted(review_rows):  # by slug in every language (an article has one page in each)
            for locale, row in review_rows[slug][1]:
                entries = reviewed.get(locale)
                if entries is None:
                    entries = reviewed[locale] = []
                entries.append(row)
        sections = [(loc, reviewed.get(loc, [])) for loc in all_locales]
        texts.append((out_dir / "_review" / "index.html", review_index_page(project, sections)))
    return texts


def _compile_article(run: _CompileRun, task: tuple[Path, str, str]) -> _CompiledArticle:
    """Read one article (path, record key, slug) and its catalogs, decide its page in every locale
    and write the selected ones."""
    project, options, out_dir = run.project, run.options, run.out_dir
    source, selected, targets = project.source_locale, list(run.selected), list(run.targets)
    path, key, slug = task
    compiled = _CompiledArticle(slug)
    record = Record(key)
    data = record.watch_read(project.root, path)  # what was compiled, read once
    shown_path = project.relative(path)
    try:
        document = load_article(project, path, run.reads, data, shown=shown_path, slug=slug)
    except ArticleError as exc:
        compiled.errors.append(exc)
        compiled.read = False
        return compiled
    if options.pages:  # (the index pages after sharded runs: those runs reported the article's warnings)
        compiled.warnings.extend(document.warnings)
    shown = document
    if document.format == "markdown" and run.markdown_root is None:  # the files its HTML page loads
        shown = _markdown_page(project, document, document.render())
    if not options.pages:
        assets = ArticleAssets()  # no page is written: nothing to load files for
    elif document.format == "markdown" and run.markdown_root is not None:
        assets = ArticleAssets()  # its Markdown files get its images beside them (see _image_plan)
    else:
        assets = copy_assets(
            shown,
            path,
            shown_path,
            project.root,
            out_dir,
            run.copied,
            compiled.warnings,
            run.found,
            private_files(project.root, project.config_path, project.catalogs_dir, project.memory_path),
        )

    catalogs: dict[str, dict[str, Translation]] = {}
    broken: dict[tuple[str, str], CatalogError] = {}
    present: set[str] = set()  # the locales whose catalog exists
    read: dict[str, bytes | None] = {}  # their bytes
    for locale in targets:
        po_file, po_path = _catalog_file(run, locale, slug)
        # its signature taken before it is read (a change while it is read shows next time); None:
        # no catalog, or one that cannot be read (the reader says why)
        data = record.watch_read(project.root, po_file)
        if data is not None or signature(po_file) is not None:
            present.add(locale)
        read[locale] = data
        try:
            catalogs[locale] = load_translations(po_path, "", data, lines=options.review)
        except CatalogError as exc:
            if exc.path is not None:  # as extract and check name it (never the reader's full path)
                exc.path = project.relative(Path(exc.path))
            broken[locale, slug] = exc
            if locale in selected:
                compiled.errors.append(exc)
            continue
        if locale in selected and options.write_mo and po_path.exists():
            from . import catalog  # (only for MO files)

            mo_path = po_path.with_suffix(".mo")
            if catalog.write_mo(catalog.read_catalog(po_path), mo_path, include_fuzzy=options.include_fuzzy):
                compiled.mo_written.append(mo_path)

    msgids = _msgids(document)
    pages = compiled.pages
    pages[source] = Page(
        source, slug, _title_of(document, {}, False)[0], Coverage(len(msgids)), True, title_locale=source
    )
    texts: dict[str, dict[str, str]] = {}
    problems: dict[str, list[tuple[str, Translation, tuple[str, str]]]] = {}
    kept: set[str] = set()  # the locales whose catalog cannot be read, with a page published before
    for locale in targets:
        page = _decide(
            project,
            document,
            locale,
            slug,
            catalogs.get(locale),
            broken.get((locale, slug)),
            options,
            msgids=msgids,
            shown=texts.setdefault(locale, {}),
            problems=problems.setdefault(locale, []),
        )
        if locale not in selected and page.published and not _page_exists(run, document, locale, path, slug):
            page.published = False
            page.reason = f"not compiled yet (transpub compile -l {locale})"
        elif (locale, slug) in broken and options.pages and _page_exists(run, document, locale, path, slug):
            kept.add(locale)  # nothing is lost: the page published before stays, and stays linked
            page.reason += "; the page published before is kept"
        pages[locale] = page
    for page in pages.values():
        page.date = document.published
    if not options.pages:
        compiled.warnings.extend(_pages_left_out(run, document, path, pages))
        return compiled
    for locale in selected:
        if locale in catalogs:
            compiled.warnings.extend(
                _placeholder_warnings(project, locale, slug, problems[locale], read[locale])
            )
    if run.markdown_root is not None and document.format == "markdown":
        if run.record is not None:
            outputs = run.record.view()
            images = _image_plan(project, document, path, [source, *selected], options)
            compiled.warnings.extend(images.warnings)
            _write_markdown(
                project,
                document,
                path,
                [source, *selected],
                pages,
                catalogs,
                options,
                outputs,
                compiled,
                images,
                kept,
            )
            compiled.output_changes, compiled.emptied = outputs.changes, outputs.emptied
            if not compiled.errors:
                record.watch(project.root, *images.watched)
                compiled.record = _remember(run, path, slug, assets, compiled, record, markdown=outputs)
    else:
        written = _write_pages(
            run, document, slug, pages, catalogs, texts, broken, present, assets, compiled, kept
        )
        if not compiled.errors:
            compiled.record = _remember(run, path, slug, assets, compiled, record, written)
    return compiled


def _remember(
    run: _CompileRun,
    path: Path,
    slug: str,
    assets: ArticleAssets,
    compiled: _CompiledArticle,
    record: Record,
    written: dict[str, tuple[Path | str, bytes]] | None = None,
    *,
    markdown: OutputRecord | None = None,
) -> Record:
    """The manifest record of a compiled article: the files it depends on (catalogs, already in
    ``record``; its pages and review copies in every locale, or its Markdown files with ``markdown``,
    the record (view) they were written through;
    the MO files; the assets, copied or missing) and the pages and warnings to report when it is
    skipped (with ``markdown``, also the digests the record of written files holds for its files).
    ``written``: the pages this run wrote (or found as it would write them), by their path in the
    site, with their file and content."""
    project = run.project
    written = written or {}
    names: dict[str, str] = {}  # the record's name of each page's output (see _stored_page)
    for locale in run.all_locales:
        if markdown:
            assert run.markdown_root is not None
            record.watch(project.root, _markdown_path(project, locale, path, run.markdown_root))
        else:
            for review in (False, True):
                relative = _html_path(project, locale, slug, review=review)
                name = _watch_page(run, record, relative, written.get(relative), review=review)
                if name is not None and not review:
                    names[locale] = name
        if run.options.write_mo and locale in run.selected:
            record.watch(project.root, project.catalog_path(locale, slug).with_suffix(".mo"))
    for source in assets.sources:
        _watch_asset(run, record, source)
    for target in assets.targets.values():
        _watch_asset(run, record, target)
    compiled.index_rows = _index_rows(compiled.pages.values())
    if run.indexes:  # (in the worker process, not in the parent's index pages)
        compiled.rows = _article_rows(project, compiled.pages.values(), compiled.index_rows)
    record.result = {
        "pages": [_stored_page(page, project.root, names) for page in compiled.pages.values()],
        "index": compiled.index_rows,
        "listed": [page.locale for page in compiled.listed],
        "warnings": [asdict(warning) for warning in compiled.warnings],
    }
    if markdown is not None:
        copies = compiled.copies or {}
        record.result["outputs"] = markdown.digests(
            [
                *(p.output for p in compiled.listed if p.output),
                *(markdown.root / key for keys in copies.values() for key in keys),
            ]
        )
        record.result["copies"] = copies
        assert run.markdown_root is not None
        record.result["markdown"] = compiled.markdown_keys = _markdown_keys(
            run.project, markdown, path, [p.locale for p in compiled.listed], run.markdown_root
        )
    return record


def _watch_page(
    run: _CompileRun, record: Record, relative: str, written: tuple[Path | str, bytes] | None, *, review: bool
) -> str | None:
    """Record the page (or ``review`` copy) at ``relative`` in the site as :meth:`Record.watch`
    does: from its content when this run wrote it (``written``: its file and content; then the
    record's name of it), as no file for a review copy there was none of in its folder (see
    :func:`_absent`), else by a look at it."""
    root = run.project.root
    if written is not None:
        page_path, data = written
        name = _record_name(run, relative)
        record.watch_content(root, page_path, signature(page_path), data, name=name)
        return name
    if review and _absent(run, relative):
        record.files[_record_name(run, relative)] = None  # as watch says of no file
    else:
        record.watch(root, run.out_dir / relative)
    return None


#: A page's fields in the order its record keeps them (a list: thousands are loaded at once).
_PAGE_FIELDS = tuple(f.name for f in fields(Page))
_COVERAGE_FIELDS = tuple(f.name for f in fields(Coverage))


def _watch_asset(run: _CompileRun, record: Record, file: Path | str) -> None:
    """Record a file an article loads (a path), or its copy (its name in the site), as
    :meth:`Record.watch` does, each looked at once per run and process: an archive's articles share
    their images, and a copy is made once per run (a change after that shows in the next run)."""
    known = run.watched.get(file)
    if known is None:
        path = run.out_dir / file if isinstance(file, str) else file
        stamp = signature(path)
        known = (path_name(run.project.root, path), stamp, None if stamp is None else file_hash(path))
        run.watched[file] = known
    name, stamp, digest = known
    record.files[name] = None if stamp is None else list(stamp)  # (a record's own list)
    if digest is not None:
        record.hashes[name] = digest


def _stored_page(page: Page, root: Path, names: Mapping[str, str] | None = None) -> list[object]:
    """A page as its record keeps it: its fields' values (:data:`_PAGE_FIELDS`), the coverage's
    counts, the output's name in the project (``names``: the names of the pages this run wrote, by
    locale), and not written (as a page the next run skips)."""
    values: list[object] = [getattr(page, name) for name in _PAGE_FIELDS]
    values[_PAGE_FIELDS.index("coverage")] = [getattr(page.coverage, name) for name in _COVERAGE_FIELDS]
    output = page.output
    if output is not None:
        named = names.get(page.locale) if names else None
        values[_PAGE_FIELDS.index("output")] = named if named is not None else path_name(root, output)
    values[_PAGE_FIELDS.index("written")] = False
    return values


_COVERAGE_AT = _PAGE_FIELDS.index("coverage")
_OUTPUT_AT = _PAGE_FIELDS.index("output")


def _recorded_page(
    stored: list[object], root: Path, folders: dict[str, Path], coverages: dict[tuple[int, ...], Coverage]
) -> Page:
    """The page :func:`_stored_page` kept (its output below ``root``, an absolute one as it is;
    ``folders``: the paths of the output folders made so far, each made once per run; ``coverages``:
    those made so far by their counts, one for each (a coverage does not change: pages share it))."""
    values = list(stored)
    counts: tuple[int, ...] = tuple(stored[_COVERAGE_AT])  # type: ignore[arg-type]
    coverage = coverages.get(counts)
    if coverage is None:
        coverage = coverages[counts] = Coverage(*counts)
    values[_COVERAGE_AT] = coverage
    output = stored[_OUTPUT_AT]
    if isinstance(output, str):
        folder, _, name = output.rpartition("/")
        parent = folders.get(folder)
        if parent is None:
            parent = folders[folder] = root / folder
        values[_OUTPUT_AT] = _child(parent, name)  # (a no-op run makes one per page: 40,000)
    return Page(*values)  # type: ignore[arg-type]


#: pathlib's own way to a child by a plain name (what ``iterdir`` uses), ``parent / name`` without
#: parsing ``name`` again: a fifth of the cost; ``/`` where a Python lacks it.
_CHILD: Callable[[Path, str], Path] | None = getattr(Path, "_make_child_relpath", None)


#: From this many articles on, a run with ``-j`` looks at their records' files in as many processes
#: (a look is a few microseconds a file; a process a few tens of milliseconds to start).
RECORDS_IN_PROCESSES = 1000


def _records_as_stored(root: Path, wanted: list[tuple[Record | None, str]], jobs: int) -> list[bool]:
    """Which records of ``wanted`` hold their key as stored, by their files' signatures alone (see
    :func:`holding_as_stored`), found in ``jobs`` forked processes for an archive (tens of thousands
    of files); all False (nothing found: :meth:`Record.holds` is asked of each) for fewer articles,
    one job, or where processes are not forked."""
    recorded = sum(record is not None for record, _ in wanted)  # (none in a first or --full run)
    if recorded < RECORDS_IN_PROCESSES or jobs < 2 or not forks():
        return [False] * len(wanted)
    spans = list(_spans(len(wanted), jobs))
    return [held for part in run_ordered(_held_in_span, (root, wanted), spans, jobs) for held in part]


def _spans(count: int, jobs: int) -> Iterator[tuple[int, int]]:
    """(start, end) of the parts ``count`` records are cut in for ``jobs`` processes: a few each,
    so that a process that is done first takes another.

    >>> list(_spans(10, 2))
    [(0, 2), (2, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 9), (9, 10)]
    """
    parts = min(count, max(MIN_PARALLEL_ITEMS, 4 * jobs))
    start = 0
    for part in range(parts):
        end = start + count // parts + (part < count % parts)
        yield start, end
        start = end


def _held_in_span(state: tuple[Path, list[tuple[Record | None, str]]], span: tuple[int, int]) -> list[bool]:
    root, wanted = state
    start, end = span
    return holding_as_stored(root, wanted[start:end])


def _unchanged(
    run: _CompileRun, manifest: Manifest, path: Path, slug: str, key: str, *, as_stored: bool = False
) -> _CompiledArticle | None:
    """What the last run compiled of the article ``slug`` at ``path``, when everything it depends on
    (the article, its catalogs, pages and assets: its record's files) is as that run left it; else None.
    ``as_stored``: its record was found to hold as stored (see :func:`_records_as_stored`)."""
    record = manifest.get(slug)
    if record is None or not (as_stored or record.holds(run.project.root, key, manifest.listing)):
        return None
    if run.record is not None and not run.record.holds(record.result.get("outputs", {})):
        return None  # Markdown files the record of written files no longer lists as compile's
    if record.refreshed:  # same files, new signatures (a fresh checkout): remember them
        manifest.put(slug, record)
    root, folders, coverages = run.project.root, run.folders, run.coverages
    pages = {}
    for stored in record.result["pages"]:
        page = _recorded_page(stored, root, folders, coverages)
        pages[page.locale] = page
    return _CompiledArticle(
        slug,
        pages=pages,
        listed=[pages[locale] for locale in record.result["listed"]],
        warnings=[Issue(**warning) for warning in record.result["warnings"]],
        record=None,
        markdown_keys=record.result.get("markdown"),
        copies=record.result.get("copies"),
        index_rows=record.result.get("index"),
    )


def _write_pages(
    run: _CompileRun,
    document: Document,
    slug: str,
    pages: dict[str, Page],
    catalogs: dict[str, dict[str, Translation]],
    shown: dict[str, dict[str, str]],
    broken: dict[tuple[str, str], CatalogError],
    present: Collection[str],
    assets: ArticleAssets,
    compiled: _CompiledArticle,
    kept: Collection[str] = (),
) -> dict[str, tuple[Path | str, bytes]]:
    """Write (or remove) the pages of one article in the source and the selected locales; the
    file and content of each page (and review copy) written or already as it should be, by its
    path in the site. ``kept``: the locales whose page is left as it is (and linked), its catalog
    unreadable."""
    project, options, out_dir = run.project, run.options, run.out_dir
    source, selected, targets = project.source_locale, list(run.selected), list(run.targets)
    linked = [loc for loc in run.all_locales if pages[loc].published or loc in kept]
    reviewed = [loc for loc in targets if _has_review_copy(run, loc, slug, broken, present)]
    chrome = _PageChrome(project, document, slug, linked)
    written: dict[str, tuple[Path | str, bytes]] = {}
    for locale in [source, *selected]:
        page = pages[locale]
        compiled.listed.append(page)
        relative = _html_path(project, locale, slug)
        place, name = _place(run, relative)
        output = confined_file(place[0], name, out_dir)  # as confine(out_dir / relative, out_dir)
        review_relative = _html_path(project, locale, slug, review=True)
        entries = catalogs.get(locale, {})
        if locale != source and locale not in reviewed:
            if not _absent(run, review_relative):  # no catalog (any more), or a broken one
                _remove_stale(out_dir, confine(out_dir / review_relative, out_dir))
        elif locale != source and options.review:
            review_path = confine(out_dir / review_relative, out_dir)
            review_html = _render_page(
                project,
                document,
                locale,
                slug,
                entries,
                [source, *reviewed],
                options,
                project.base_url,
                assets,
                review=True,
            )
            data = review_html.encode("utf-8")
            written[review_relative] = review_path, data
            if write_if_changed(review_path, data, durable=False, new=_absent(run, review_relative)):
                compiled.review_written.append(review_path)
        absent = _absent(run, relative)  # (a first run: no page to look at, compare or remove)
        exists = not absent and os.path.isfile(output)
        if locale != source and (page.published or locale in kept) != exists:
            compiled.stale.update(loc for loc in targets if loc not in selected and pages[loc].published)
        if not page.published:
            if exists and locale not in kept:
                _remove_stale(out_dir, _child(place[1], name))
            continue
        html = _render_page(
            project,
            document,
            locale,
            slug,
            entries,
            linked,
            options,
            project.base_url,
            assets,
            review=False,
            chrome=chrome,
            shown=shown.get(locale, {}),
            machine=page.machine > 0,
        )
        page.output = _child(place[1], name)
        data = html.encode("utf-8")
        written[relative] = output, data
        page.written = write_if_changed(output, data, durable=False, new=absent)
    return written


#: A folder of the site: its path (a string, and a path object) and how the manifest's records name
#: the files in it (what :func:`~transpub.manifest.path_name` gives less the file's name; None: ask it).
_Place = tuple[str, Path, "str | None"]


def _place(run: _CompileRun, relative: str) -> tuple[_Place, str]:
    """The folder of the file at ``relative`` in the site (worked out once per folder and run: an
    archive's pages share a few folders) and the file's name: ``out_dir / relative`` is the
    folder's path joined with the name."""
    name = relative.rpartition("/")[2]
    head = relative[: len(relative) - len(name)]
    place = run.places.get(head)
    if place is None:
        folder_path = run.out_dir / head  # (the site itself for "")
        folder = str(folder_path)
        prefix = None  # as path_name names a file there, less the file's name ("/"-separated only)
        if os.sep == "/":
            prefix = path_name(run.project.root, os.path.join(folder, "_"))[:-1]
        place = run.places[head] = (folder, folder_path, prefix)
    return place, name


def _record_name(run: _CompileRun, relative: str) -> str:
    """``path_name(root, out_dir / relative)``: how the manifest's records name the file at
    ``relative`` in the site."""
    place, name = _place(run, relative)
    if place[2] is None or not name or name in (".", ".."):
        return path_name(run.project.root, os.path.join(place[0], name))
    return place[2] + name


def _child(folder: Path, name: str) -> Path:
    """``folder / name`` for a file's ``name`` in ``folder`` (pathlib's own child step, without
    parsing the name again, where it has one and the name is plain)."""
    if _CHILD is not None and _PLAIN_NAMES and name and name not in (".", "..") and "/" not in name:
        return _CHILD(folder, name)
    return folder / name


#: Whether a name without "/" holds no separator (not on Windows, where "\\" is one too).
_PLAIN_NAMES = os.sep == "/" and os.altsep is None


def _catalog_file(run: _CompileRun, locale: str, slug: str) -> tuple[str, Path]:
    """``project.catalog_path(locale, slug)`` (checked as it checks it: UnsafePathError), as a
    string and as a path; each catalogs folder worked out once per run."""
    project = run.project
    last = slug.rpartition("/")[2]
    head, name = slug[: len(slug) - len(last)], last + ".po"
    key = (locale, head)
    place = run.catalog_places.get(key)
    if place is None:
        folder_path = Path(os.path.join(project.catalog_folder(locale), head))
        place = run.catalog_places[key] = (str(folder_path), folder_path)
    return confined_file(place[0], name, project.catalogs_dir), _child(place[1], name)


def _decide(
    project: Project,
    document: Document,
    locale: str,
    slug: str,
    entries: dict[str, Translation] | None,
    error: CatalogError | None,
    options: CompileOptions,
    *,
    msgids: list[str] | None = None,
    shown: dict[str, str] | None = None,
    problems: list[tuple[str, Translation, tuple[str, str]]] | None = None,
) -> Page:
    """The page of ``document`` in ``locale``: its coverage, and whether it is published.

    ``msgids``: the document's units' (:func:`_msgids`), when the caller has them already; ``shown``
    gets the text each unit shows translated (by msgid: the units whose translation is usable);
    ``problems`` each translation (not untranslated) that cannot be published, with why (see
    :func:`_problem`), in the order of the units.
    """
    if msgids is None:
        msgids = _msgids(document)
    if entries is None:
        return Page(
            locale,
            slug,
            _title_of(document, {}, False)[0],
            Coverage(untranslated=len(msgids)),
            False,
            reason=f"the catalog cannot be read ({error})",
            title_locale=project.source_locale,
        )
    texts = {} if shown is None else shown
    include_fuzzy = options.include_fuzzy
    machine = fuzzy = 0
    for msgid in msgids:
        entry = entries.get(msgid)
        if entry is None:
            continue
        text, state = entry.text, entry.state
        problem = _problem(msgid, text) if text and state != "untranslated" else None
        if problem is not None and problems is not None:
            problems.append((msgid, entry, problem))
        if (  # as _usable says, for every slot of the unit
            text and (state == "translated" or (state == "fuzzy" and include_fuzzy)) and problem is None
        ):
            texts[msgid] = text
            machine += state == "fuzzy"
        else:
            fuzzy += state == "fuzzy"
    title, translated_title = _title_of(document, entries, options.include_fuzzy)
    page = Page(
        locale,
        slug,
        title,
        Coverage(len(texts), fuzzy, len(msgids) - len(texts) - fuzzy),
        True,
        title_locale=locale if translated_title else project.source_locale,
        machine=machine,
    )
    threshold = _threshold(project, locale, options)
    if page.coverage.percent + 1e-9 < threshold:
        page.published = False
        page.reason = f"{page.summary}, below the {threshold:g}% needed to publish" + (
            " (fuzzy entries not counted; see --include-fuzzy)" if fuzzy and not options.include_fuzzy else ""
        )
    return page


def _msgids(document: Document) -> list[str]:
    """The msgids of ``document``'s units, in their order (:meth:`Document.units` without the refs and
    notes compile has no use for)."""
    return list(dict.fromkeys(map(_MSGID, document.slots())))


_MSGID = operator.attrgetter("msgid")


def _markdown_path(project: Project, locale: str, article: Path, root: Path) -> Path:
    """Where the Markdown of ``article`` in ``locale`` goes (the article itself when there is no copy)."""
    return project.markdown_path(locale, article, root) or article


def _load_record(root: Path, report: CompileReport) -> OutputRecord | None:
    """The record of the Markdown files written under ``root``; None (an error reported) when damaged."""
    try:
        return OutputRecord.load(root)
    except TranspubError as exc:
        report.errors.append(exc)
        return None


def _write_markdown(
    project: Project,
    document: Document,
    article: Path,
    locales: list[str],
    pages: dict[str, Page],
    catalogs: dict[str, dict[str, Translation]],
    options: CompileOptions,
    record: OutputRecord,
    report: _CompiledArticle,
    images: ImagePlan,
    kept: Collection[str] = (),
) -> None:
    """Write the localized Markdown of one article in ``locales`` (the source as a copy, when wanted)
    and the copies of the images each file needs, or remove it where the page is not published;
    conflicts with files compile did not write are errors."""
    source = project.source_locale
    slug = project.slug_of(article)
    report.copies = {}
    read: dict[Path, bytes] = {}
    for locale in locales:
        page = pages[locale]
        report.listed.append(page)
        output = project.markdown_path(locale, article, options.out_dir)
        if output is None:
            continue
        try:
            if not page.published:
                if locale not in kept:  # (kept: its catalog cannot be read)
                    record.remove(output)
                continue
            if locale == source:
                data = article.read_bytes()
            else:
                data = _localized_markdown(project, document, locale, catalogs.get(locale, {}), options)
            page.output = output
            page.written = record.write(output, data, locale, slug)
            report.copies[locale] = _copy_images(
                project, record, images, output, locale, slug, read, report, project.relative(article)
            )
        except (TranspubError, OSError) as exc:
            report.errors.append(exc if isinstance(exc, TranspubError) else TranspubError(str(exc), output))
            page.output = None


def _image_plan(
    project: Project, document: Document, article: Path, locales: list[str], options: CompileOptions
) -> ImagePlan:
    """The image copies the Markdown files of ``article`` in ``locales`` need (none when every file
    is in the article's folder: its references lead where they lead from the article)."""
    # markdown-it: only for Markdown output (a run of HTML articles never imports it)
    from .formats.md_files import file_references
    from .markdown_assets import ImagePlan, plan_images

    outputs = [
        output for locale in locales if (output := project.markdown_path(locale, article, options.out_dir))
    ]
    if all(output.parent == article.parent for output in outputs):
        return ImagePlan()
    shown = project.relative(article)
    try:
        references = file_references(document.render(), shown, read_options(project, article))
    except ArticleError:  # (read once already: the reader reported it)
        return ImagePlan()
    return plan_images(references, article, outputs, project.articles_dir, project.root, shown)


def _copy_images(
    project: Project,
    record: OutputRecord,
    images: ImagePlan,
    output: Path,
    locale: str,
    slug: str,
    read: dict[Path, bytes],
    report: _CompiledArticle,
    shown: str,
) -> list[str]:
    """Copy the images the file at ``output`` needs (each source read once: ``read``); the record's
    names of the copies it uses. A copy that cannot be made is a warning naming the reference's line."""
    keys: list[str] = []
    for copy in images.copies.get(output, []):
        try:
            data = read.get(copy.source)
            if data is None:
                data = read[copy.source] = copy.source.read_bytes()
            key = record.key(copy.target)
            if key not in keys and record.copy(copy.target, data, locale, slug) is not None:
                keys.append(key)
        except (TranspubError, OSError) as exc:
            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            report.warnings.append(
                Issue(
                    shown,
                    copy.reference.line,
                    "images",
                    f"{copy.reference.what} {copy.reference.url!r}: cannot copy it to "
                    f"{project.relative(copy.target)} ({why})",
                    severity="warning",
                )
            )
    return keys


def _localized_markdown(
    project: Project,
    document: Document,
    locale: str,
    entries: dict[str, Translation],
    options: CompileOptions,
) -> bytes:
    """The Markdown article in ``locale``: each unit's usable translation, else its source (no markup
    added), with root-relative links rewritten by ``[compile.links]``."""

    def resolve(slot: Slot) -> Resolution:
        entry = entries.get(slot.msgid)
        if _usable(slot, entry, options.include_fuzzy):
            assert entry is not None
            return Resolution(text=entry.text)
        return Resolution()

    return document.render(
        resolve,
        join_sentences=language_of(locale) in SPACELESS_LANGUAGES,
        rewrite_url=lambda url: project.localized_link(url, locale),
    ).encode("utf-8")


def _markdown_keys(
    project: Project, record: OutputRecord, article: Path, locales: list[str], root: Path
) -> dict[str, str | None]:
    """The record's name for the Markdown file of ``article`` in each of ``locales`` (None: no file)."""
    keys: dict[str, str | None] = {}
    for locale in locales:
        wanted = project.markdown_path(locale, article, root)
        keys[locale] = None if wanted is None else record.key(wanted)
    return keys


def _remove_stale_markdown(
    project: Project,
    record: OutputRecord,
    locales: list[str],
    discovery: Discovery,
    documents: Mapping[str, dict[str, str | None] | None],
    copies: Mapping[str, dict[str, list[str]] | None],
    root: Path,
    report: CompileReport,
) -> None:
    """Remove the Markdown files compile wrote for articles that are gone, or where the layout or
    the folders changed, for the locales of this run (and its shard), and the image copies no file
    uses any more; then save the record.

    ``documents``: the articles read (or known unchanged) in this run, with their files' names in the
    record when known; ``copies``: the image copies each of their files uses, by locale."""
    record.prune()  # the folders the articles' removals emptied (every worker is done)
    present = {article.slug for article in discovery.articles} | discovery.refused
    expected: dict[tuple[str, str], str | None] = {}
    for article in discovery.articles:
        if article.slug not in documents:
            continue
        known = documents[article.slug]
        keys = known if known is not None and all(loc in known for loc in locales) else None
        if keys is None:
            keys = _markdown_keys(project, record, article.path, locales, root)
        for locale in locales:
            expected[locale, article.slug] = keys[locale]
    used = {(locale, slug): keys for slug, known in copies.items() for locale, keys in (known or {}).items()}

    def still_uses(user: tuple[str, str], key: str) -> bool:
        locale, slug = user
        if locale not in locales or not in_shard(slug, project.shard):
            return True  # not this run's to decide
        if slug in present and ((locale, slug) not in expected or copies.get(slug) is None):
            return True  # an article that could not be read (or whose copies are not known): kept
        return key in used.get(user, ())

    for key, entry in sorted(record.entries().items()):
        if entry.users:
            users = tuple(user for user in entry.users if still_uses(user, key))
            if users != entry.users:
                try:
                    record.release(key, users)
                except (TranspubError, OSError) as exc:
                    report.errors.append(
                        exc if isinstance(exc, TranspubError) else TranspubError(str(exc), root / key)
                    )
            continue
        if entry.locale not in locales or not in_shard(entry.slug, project.shard):
            continue
        if entry.slug in present and (entry.locale, entry.slug) not in expected:
            continue  # an article that could not be read this time: its files stay
        if expected.get((entry.locale, entry.slug)) == key:
            continue
        try:
            record.remove(root / key)
        except TranspubError as exc:
            report.errors.append(exc)
    try:
        record.save()
    except (TranspubError, OSError) as exc:
        report.errors.append(exc if isinstance(exc, TranspubError) else TranspubError(str(exc), record.path))


def _placeholder_warnings(
    project: Project,
    locale: str,
    slug: str,
    problems: list[tuple[str, Translation, tuple[str, str]]],
    data: bytes | None,
) -> list[Issue]:
    """One warning per translation whose placeholders or template tokens do not match its source,
    published or not (``problems``: as :func:`_decide` found them, in the order of the units, their
    lines perhaps not counted: see :func:`~transpub.sources.load_translations`; ``data``: the catalog's bytes, read again
    with the lines then)."""
    if not problems:
        return []
    po_path = project.catalog_path(locale, slug)
    shown = project.relative(po_path)
    lines = {msgid: entry.line for msgid, entry, _ in problems}
    if None in lines.values() and data is not None:  # (a warning is rare; counting lines is not)
        entries = load_translations(po_path, "", data)
        lines = {msgid: entries[msgid].line for msgid in lines}
    return [
        Issue(
            shown,
            lines[msgid],
            problem[0],
            f"{problem[1]}; the source text is published instead",
            locale=locale,
            severity="warning",
            msgid=msgid,
        )
        for msgid, entry, problem in problems
    ]


def _has_review_copy(
    run: _CompileRun,
    locale: str,
    slug: str,
    broken: dict[tuple[str, str], CatalogError],
    present: Collection[str],
) -> bool:
    """Whether ``_review/<locale>/<slug>.html`` exists after this run (for the review copies' switchers;
    ``present``: the locales whose catalog of the article exists)."""
    relative = _html_path(run.project, locale, slug, review=True)
    if locale in run.selected:
        if (locale, slug) in broken or locale not in present:
            return False
        if run.options.review:
            return True
    return not _absent(run, relative) and (run.out_dir / relative).is_file()


def _pages_left_out(
    run: _CompileRun, document: Document, article: Path, pages: dict[str, Page]
) -> list[Issue]:
    """``compile --indexes``: the pages a sharded run wrote that this run, with other options
    (``--include-fuzzy``, ``--threshold``), would not publish, so that its index pages leave them out."""
    if run.markdown_root is not None and document.format == "markdown":
        return []
    issues = []
    for locale in run.selected:
        page = pages.get(locale)
        if page is None or page.published or not _page_exists(run, document, locale, article, page.slug):
            continue
        issues.append(
            Issue(
                run.project.relative(run.out_dir / _html_path(run.project, locale, page.slug)),
                None,
                "indexes",
                f"a page from an earlier run that these options do not publish ({page.reason}): the index "
                "pages leave it out; give `transpub compile --indexes` the shards' options "
                "(--include-fuzzy, --threshold)",
                locale,
                "warning",
            )
        )
    return issues


def _page_exists(run: _CompileRun, document: Document, locale: str, article: Path, slug: str) -> bool:
    """Whether the page of ``document`` in ``locale`` is on disk (as the run found its folder)."""
    if run.markdown_root is not None and document.format == "markdown":
        return _markdown_path(run.project, locale, article, run.markdown_root).is_file()
    relative = _html_path(run.project, locale, slug)
    return not _absent(run, relative) and (run.out_dir / relative).is_file()


def _absent(run: _CompileRun, relative: str) -> bool:
    """True when nothing was at ``relative`` (a path in the site) when this run first looked into its
    folder: pages and review copies are asked about for every page, and a first run or a site
    without review copies has none. (Only absence is taken from the listing: a file there is looked
    at again, and each page is asked about before its article writes it.)"""
    folder, _, name = relative.rpartition("/")
    names = run.listed.get(folder)
    if names is None:
        try:
            with os.scandir(os.path.join(run.out_dir, folder)) as entries:
                names = {entry.name for entry in entries}
        except OSError:  # no such folder (yet): nothing in it
            names = set()
        run.listed[folder] = names
    return name not in names


def _remove_orphan_review_copies(out_dir: Path, folders: set[str], slugs: set[str]) -> None:
    """Delete review copies of articles or locales (by output folder) the project no longer has."""
    review_dir = out_dir / "_review"
    if not review_dir.is_dir():
        return
    for folder in sorted(p for p in review_dir.iterdir() if p.is_dir()):
        confine(folder, out_dir)  # a link to a folder elsewhere: nothing in it is transpub's to remove
        for path in sorted(folder.rglob("*.html")):
            if folder.name not in folders or path.relative_to(folder).with_suffix("").as_posix() not in slugs:
                remove_file(path, out_dir)
        for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
            if not any(sub.iterdir()):
                sub.rmdir()
        if not any(folder.iterdir()):
            folder.rmdir()


_MISSING = Translation("", "untranslated", None)
#: Languages written without spaces between sentences.
SPACELESS_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


def _html_path(project: Project, locale: str, slug: str, *, review: bool = False) -> str:
    """Where the page of ``slug`` in ``locale`` is in the site: ``<folder>/<slug>.html`` (``_review/…``)."""
    path = f"{project.locale_dir(locale)}/{slug}.html"
    return f"_review/{path}" if review else path


def _threshold(project: Project, locale: str, options: CompileOptions) -> float:
    if options.threshold is not None:
        return options.threshold
    own = project.settings_for(locale).publish_threshold
    return float(own) if own is not None else project.publish_threshold


def _title_of(document: Document, entries: dict[str, Translation], include_fuzzy: bool) -> tuple[str, bool]:
    """The page title as published, and whether it is translated."""
    for slot in document.slots():
        if slot.kind == "title":
            entry = entries.get(slot.msgid)
            if _usable(slot, entry, include_fuzzy):
                assert entry is not None
                return strip_placeholders(entry.text), True
            return strip_placeholders(slot.msgid), False
    return document.title or document.path.stem, False  # a title outside [extract] include, or none


def _remove_stale(out_dir: Path, *paths: Path) -> None:
    """Delete pages an earlier run published that are no longer published (only inside ``out_dir``)."""
    for path in paths:
        remove_file(path, out_dir)


class _PageChrome:
    """What the pages of one article share, made once for all its languages: the links to the
    article in each language (the ``hreflang`` links and the switcher, by how deep a page is) and
    the source's own ``canonical`` and ``hreflang`` links."""

    def __init__(self, project: Project, document: Document, slug: str, available: list[str]) -> None:
        self.project, self.document, self.slug, self.available = project, document, slug, available
        self._targets: dict[str, str] = {}
        self._heads: dict[str, str] = {}
        self._switchers: dict[str, LanguageLinks] = {}
        self._seo: tuple[list[Tag], list[Tag]] | None = None
        self._page: str | None = None  # the slug's part of its pages' paths, percent-encoded

    def url(self, locale: str, prefix: str) -> str:
        """``page_url`` of the article in ``locale`` from a page ``prefix`` away (``../``, or the base URL)."""
        target = self._targets.get(locale)
        if target is None:  # page_url's path: the folder's parts, then the slug's (encoded once for all)
            if self._page is None:
                self._page = quoted_path(f"{self.slug}.html")
            target = self._targets[locale] = f"{_quoted_folder(self.project.locale_dir(locale))}/{self._page}"
        return prefix + target

    def alternates(self, prefix: str) -> str:
        """The ``hreflang`` links of a page whose links to the others start with ``prefix``."""
        head = self._heads.get(prefix)
        if head is None:
            source = self.project.source_locale
            head = self._heads[prefix] = (
                "".join(
                    f'<link rel="alternate" hreflang="{bcp47_tag(loc)}" '
                    f'href="{escape_attribute(self.url(loc, prefix))}">'
                    for loc in self.available
                )
                + f'<link rel="alternate" hreflang="x-default" href="{escape_attribute(self.url(source, prefix))}">'
            )
        return head

    def switcher(self, locale: str, prefix: str) -> str:
        """The language switcher of the page in ``locale`` (its links to the others start with ``prefix``)."""
        links = self._switchers.get(prefix)
        if links is None:
            links = self._switchers[prefix] = LanguageLinks(
                self.available, lambda other: self.url(other, prefix)
            )
        return links.render(locale)

    def seo_links(self, page: Document) -> tuple[list[Tag], list[Tag]]:
        """:func:`_seo_links` of ``page`` (found once for the article itself)."""
        if page is not self.document:
            return _seo_links(page)
        if self._seo is None:
            self._seo = _seo_links(page)
        return self._seo


@functools.lru_cache(maxsize=256)  # a run's few language folders, for each article's links
def _quoted_folder(folder: str) -> str:
    return quoted_path(folder)


def _render_page(
    project: Project,
    document: Document,
    locale: str,
    slug: str,
    entries: dict[str, Translation],
    available: list[str],
    options: CompileOptions,
    base_url: str | None,
    assets: ArticleAssets,
    *,
    review: bool,
    chrome: _PageChrome | None = None,
    shown: dict[str, str] | None = None,
    machine: bool = False,
) -> str:
    """The page of ``document`` in ``locale`` (or its review copy).

    For a published page: ``chrome`` is what the article's pages share, ``shown`` the text of each
    unit shown translated (by msgid; see :func:`_decide`), ``machine`` whether some of it is
    unreviewed machine output.
    """
    source = project.source_locale
    source_tag = bcp47_tag(source)
    source_direction = text_direction(source)
    source_dir = f' dir="{source_direction}"' if text_direction(locale) != source_direction else ""
    own_path = _html_path(project, locale, slug)
    depth = "../" * own_path.count("/")

    resolve: Resolver | None = None
    if review:
        po_display = project.relative(project.catalog_path(locale, slug))

        def resolve(slot: Slot) -> Resolution:
            entry = entries.get(slot.msgid)
            problem = None
            if entry is not None and entry.text and entry.state != "untranslated":
                problem = _problem(slot.msgid, entry.text)
            if isinstance(slot, TextSlot) and slot.markable:
                css, text, where = _review_state(entry, problem, po_display)
                hover = review_hover(css, strip_placeholders(slot.msgid), where)
                shown_lang = "" if text is not None else f' lang="{source_tag}"{source_dir}'
                title = escape_attribute(hover)
                if document.format == "markdown":  # on one line, so that a Markdown heading stays whole
                    title = title.replace("\n", "&#10;")
                return Resolution(
                    text=text, before=f'<span class="tp-{css}"{shown_lang} title="{title}">', after="</span>"
                )
            if problem is None and _usable(slot, entry, options.include_fuzzy):
                assert entry is not None
                return Resolution(text=entry.text)
            return _AS_WRITTEN

    elif locale != source:
        # each unit's usable text (machine output is coloured on review copies only), else the source
        resolve = Translated(
            shown or {}, Resolution(before=f'<span lang="{source_tag}"{source_dir}>', after="</span>")
        )

    rewrite: RewriteUrl | None = (
        None if locale == source else (lambda url: project.localized_link(url, locale))
    )
    join = language_of(locale) in SPACELESS_LANGUAGES
    page: Document = document
    page_resolve = resolve
    if document.format == "markdown":  # the localized Markdown first, then its HTML page
        page = _markdown_page(
            project, document, document.render(resolve, join_sentences=join, rewrite_url=rewrite)
        )
        page_resolve = rewrite = None  # already resolved and rewritten
    chrome = chrome or _PageChrome(project, document, slug, available)
    canonical, alternates = chrome.seo_links(page)
    if review:  # a review copy lives in _review/<locale>/: link the other review copies, not the site
        head = REVIEW_STYLE
        hidden = []
        for slot in document.slots():
            if isinstance(slot, TextSlot) and slot.markable:
                continue
            entry = entries.get(slot.msgid)
            problem = _problem(slot.msgid, entry.text) if entry is not None and entry.text else None
            css, text, where = _review_state(entry, problem, po_display)
            hidden.append(HiddenUnit(slot.kind, strip_placeholders(slot.msgid), text, css, where))
        body_start = (
            render_review_legend(po_display)
            + render_hidden_units(hidden)
            + render_switcher(
                locale,
                slug,
                available,
                lambda other: site_href(
                    _html_path(project, locale, slug, review=True),
                    _html_path(project, other, slug, review=other != source),
                ),
            )
        )
        rewritten = {}
        dropped = [*canonical, *alternates]  # not for search engines: the published page is the one to index
    else:
        used_fuzzy = options.include_fuzzy and locale != source and machine
        head = chrome.alternates(base_url or depth)
        own_url = _own_url(chrome, locale, own_path, base_url) if base_url or canonical else ""
        if base_url and not canonical:
            head = f'<link rel="canonical" href="{escape_attribute(own_url)}">' + head
        head += SWITCHER_STYLE
        if used_fuzzy:
            head += NOTICE_STYLE
        body_start = chrome.switcher(locale, depth)
        if used_fuzzy:
            body_start += MACHINE_NOTICE.get(language_of(locale), MACHINE_NOTICE["en"])
        rewritten = {id(tag): {"href": own_url} for tag in canonical[:1]}  # this page, not the source article
        dropped = [*canonical[1:], *alternates]  # the source's hreflang links: transpub writes its own
    inserts = {"head-end": head, "body-start": body_start}
    page_tag = page.html_tag
    charset_tag = page.charset_tag if page.encoding not in ("utf-8", "utf-8-sig", "ascii") else None
    if page_tag is not None:
        page_tag.extra_attributes = {"lang": bcp47_tag(locale), "dir": text_direction(locale)}
    if charset_tag is not None:
        charset_tag.extra_attributes = _utf8_declaration(charset_tag)
    for tag in canonical[:1]:
        tag.extra_attributes = rewritten.get(id(tag), {})
    page_path = _html_path(project, locale, slug, review=True) if review else own_path
    asset_tags = list(page.asset_tags()) if assets.targets else []
    for tag in asset_tags:
        tag.extra_attributes = assets.attributes_for(tag, page_path)
    try:
        return page.render(
            page_resolve,
            inserts=inserts,
            format_date=None
            if locale == source
            else (lambda date: _localized_date(date.value, date.style, locale)),
            join_sentences=join,
            rewrite_url=rewrite,
            omit=dropped,
        )
    finally:
        if page_tag is not None:
            page_tag.extra_attributes = {}
        if charset_tag is not None:
            charset_tag.extra_attributes = {}
        for tag in canonical[:1]:
            tag.extra_attributes = {}
        for tag in asset_tags:
            tag.extra_attributes = {}


def _own_url(chrome: _PageChrome, locale: str, own_path: str, base_url: str | None) -> str:
    """The URL of the page in ``locale`` at ``own_path`` in the site, for its own canonical link:
    under ``base_url``, else from its own folder."""
    return chrome.url(locale, base_url) if base_url else site_href(own_path, own_path).removeprefix("./")


#: A slot shown as written.
_AS_WRITTEN = Resolution()


@functools.lru_cache(maxsize=4096)  # an article's dates, in each language
def _localized_date(value: str, style: DateStyle | None, locale: str) -> str | None:
    return localize_date(value, style, locale)


def _markdown_page(project: Project, document: Document, markdown: str) -> Document:
    """The HTML page of a Markdown article's (localized) text, read as an HTML article so that compile
    adds the same links, switcher, notices and file URLs as to any page."""
    from .formats.markdown import render_markdown_page  # markdown-it: only for Markdown articles

    shown = project.relative(document.path)
    html = render_markdown_page(markdown, document.source_locale, shown)
    from .formats.html import read_html  # (an HTML article's compile may not read any)

    return read_html(html, document.path, "utf-8", read_options(project, document.path), display_path=shown)


def _seo_links(document: Document) -> tuple[list[Tag], list[Tag]]:
    """The source's ``<link rel="canonical">`` and ``<link rel="alternate" hreflang>`` tags."""
    canonical: list[Tag] = []
    alternates: list[Tag] = []
    for tag in document.tags():
        if tag.name != "link":
            continue
        source = "".join(part if isinstance(part, str) else part.raw for part in tag.parts)
        attributes = {
            name: htmllib.unescape(source[start:end].strip("\"'"))
            for name, (start, end) in attribute_spans(source)
        }
        rel = attributes.get("rel", "").lower().split()
        if "canonical" in rel:
            canonical.append(tag)
        elif "alternate" in rel and "hreflang" in attributes:
            alternates.append(tag)
    return canonical, alternates


def _review_state(
    entry: Translation | None, problem: tuple[str, str] | None, po_display: str
) -> tuple[str, str | None, str]:
    """For a review copy: the state class, the text to show (None: the source) and the PO location."""
    state = "missing" if entry is None or not entry.text or entry.state == "untranslated" else entry.state
    css = "broken" if problem else {"translated": "reviewed", "fuzzy": "machine"}.get(state, "missing")
    where = f"{po_display}:{entry.line}" if entry is not None and entry.line else f"{po_display} (no entry)"
    text = entry.text if entry is not None and entry.text and not problem else None
    return css, text, where


def _utf8_declaration(tag: Tag) -> dict[str, str]:
    """The attribute to rewrite so that a legacy-charset page, now written in UTF-8, says so."""
    source = "".join(part for part in tag.parts if isinstance(part, str))
    names = {name for name, _ in attribute_spans(source)}
    return {"charset": "utf-8"} if "charset" in names else {"content": "text/html; charset=utf-8"}
