"""What compile remembers of an article (its manifest record: the files read and written, its pages)
and how a run finds an article unchanged since the last one."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from ..discovery import is_folder_index
from ..manifest import NO_FILE, Manifest, Record, file_hash, holding_as_stored, path_name, signature
from ..markdown_outputs import OutputRecord
from ..model import Coverage, Issue
from ..site import Page
from ..site_assets import ArticleAssets
from ..workers import MIN_PARALLEL_ITEMS, forks, run_ordered
from .indexes import article_rows, index_rows
from .markdown import markdown_keys
from .places import child, html_path, is_absent, markdown_path, record_name
from .run import CompiledArticle, CompileRun, PageTitles, TitledUrl


def remember(
    run: CompileRun,
    path: Path,
    slug: str,
    assets: ArticleAssets,
    compiled: CompiledArticle,
    record: Record,
    written: dict[str, tuple[Path | str, bytes]] | None = None,
    *,
    markdown: OutputRecord | None = None,
    recorded: Mapping[str, str] | None = None,
) -> Record:
    """The manifest record of a compiled article: the files it depends on (catalogs, already in
    ``record``; its pages and review copies in every locale, or its Markdown files with ``markdown``,
    the record (view) they were written through;
    the MO files; the assets, copied or missing) and the pages and warnings to report when it is
    skipped (with ``markdown``, also the digests the record of written files holds for its files).
    ``written``: the pages this run wrote (or found as it would write them), by their path in the
    site, with their file and content. A page (or review copy) this run did not write is recorded
    as compile's only while it is as the last record says compile wrote it (``recorded``: the hashes
    of those pages, by the record's name of each): one changed since, or never written by compile,
    is recorded with a hash no content has (:data:`NOT_COMPILES`), so that a later run does not
    remove it as its own."""
    project = run.project
    written = written or {}
    names: dict[str, str] = {}  # the record's name of each page's output (see _stored_page)
    folder_index = is_folder_index(path, slug)
    for locale in run.all_locales:
        if markdown:
            assert run.markdown_root is not None
            record.watch(project.root, markdown_path(project, locale, path, run.markdown_root))
        else:
            for review in (False, True):
                relative = html_path(project, locale, slug, review=review, folder_index=folder_index)
                entry = written.get(relative)
                name = _watch_page(run, record, relative, entry, review=review)
                if entry is None:
                    _claim_as_written(record, record_name(run, relative), recorded or {})
                if name is not None and not review:
                    names[locale] = name
        if run.options.write_mo and locale in run.selected:
            record.watch(project.root, project.catalog_path(locale, slug).with_suffix(".mo"))
    for source in assets.sources:
        _watch_asset(run, record, source)
    for copy in assets.copies():
        _watch_asset(run, record, copy)
    compiled.index_rows = index_rows(compiled.pages.values())
    if run.indexes:  # (in the worker process, not in the parent's index pages)
        compiled.rows = article_rows(project, compiled.pages.values(), compiled.index_rows)
    record.result = {
        "pages": [_stored_page(page, project.root, names) for page in compiled.pages.values()],
        "index": compiled.index_rows,
        "listed": [page.locale for page in compiled.listed],
        "warnings": [asdict(warning) for warning in compiled.warnings],
    }
    if compiled.titles is not None:  # (see CompiledArticle.titles)
        record.result["titles"] = compiled.titles
        record.result["refs"] = compiled.refs
        record.result["resolved"] = compiled.resolved
    if compiled.title_urls is not None:  # (see CompiledArticle.title_urls)
        record.result["title_urls"] = compiled.title_urls
    if compiled.linked is not None:  # (see CompiledArticle.linked)
        record.result["linked"] = compiled.linked
        record.result["links_resolved"] = compiled.links_resolved
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
        record.result["markdown"] = compiled.markdown_keys = markdown_keys(
            run.project, markdown, path, [p.locale for p in compiled.listed], run.markdown_root
        )
    return record


#: The hash a record keeps for a page it names that is not as compile wrote it (see :func:`remember`).
NOT_COMPILES = NO_FILE


def _claim_as_written(record: Record, name: str, recorded: Mapping[str, str]) -> None:
    """Keep the hash ``record`` took of the page it names ``name`` (found, not written by this run)
    only when it is the hash of what compile wrote there (``recorded``), else :data:`NOT_COMPILES`."""
    found = record.hashes.get(name)
    if found is not None and recorded.get(name) != found:
        record.hashes[name] = NOT_COMPILES


def _watch_page(
    run: CompileRun, record: Record, relative: str, written: tuple[Path | str, bytes] | None, *, review: bool
) -> str | None:
    """Record the page (or ``review`` copy) at ``relative`` in the site as :meth:`Record.watch`
    does: from its content when this run wrote it (``written``: its file and content; then the
    record's name of it), as no file for a review copy there was none of in its folder (see
    :func:`is_absent`), else by a look at it."""
    root = run.project.root
    if written is not None:
        page_path, data = written
        name = record_name(run, relative)
        record.watch_content(root, page_path, signature(page_path), data, name=name)
        return name
    if review and is_absent(run, relative):
        record.files[record_name(run, relative)] = None  # as watch says of no file
    else:
        record.watch(root, run.out_dir / relative)
    return None


#: A page's fields in the order its record keeps them (a list: thousands are loaded at once).
_PAGE_FIELDS = tuple(f.name for f in fields(Page))


_COVERAGE_FIELDS = tuple(f.name for f in fields(Coverage))


def _watch_asset(run: CompileRun, record: Record, file: Path | str) -> None:
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


_LOCALE_AT = _PAGE_FIELDS.index("locale")


def recorded_outputs(result: Mapping[str, Any]) -> dict[str, str | None]:
    """The pages an article's record (its ``result``) keeps, by language (those of the configured
    locales of the run that made it): the name of each one's output in the project (as
    :func:`~transpub.manifest.path_name` gives it), None when it had none (held back)."""
    stored = result.get("pages")
    if not isinstance(stored, list):
        return {}
    pages: dict[str, str | None] = {}
    for page in stored:
        if isinstance(page, list) and len(page) > max(_LOCALE_AT, _OUTPUT_AT):
            locale, output = page[_LOCALE_AT], page[_OUTPUT_AT]
            if isinstance(locale, str):
                pages[locale] = output if isinstance(output, str) else None
    return pages


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
        values[_OUTPUT_AT] = child(parent, name)  # (a no-op run makes one per page: 40,000)
    return Page(*values)  # type: ignore[arg-type]


def recorded_pages(run: CompileRun, stored: list[list[object]]) -> list[Page]:
    """The pages :func:`stored_pages` kept (a whole-run record's, see :mod:`.kept_runs`)."""
    root, folders, coverages = run.project.root, run.folders, run.coverages
    return [_recorded_page(values, root, folders, coverages) for values in stored]


#: From this many articles on, a run with ``-j`` looks at their records' files in as many processes
#: (a look is a few microseconds a file; a process a few tens of milliseconds to start).
RECORDS_IN_PROCESSES = 1000


def records_as_stored(root: Path, wanted: list[tuple[Record | None, str]], jobs: int) -> list[bool]:
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


def unchanged(
    run: CompileRun, manifest: Manifest, path: Path, slug: str, key: str, *, as_stored: bool = False
) -> CompiledArticle | None:
    """What the last run compiled of the article ``slug`` at ``path``, when everything it depends on
    (the article, its catalogs, pages and assets: its record's files) is as that run left it; else None.
    ``as_stored``: its record was found to hold as stored (see :func:`records_as_stored`)."""
    record = manifest.get(slug)
    if record is None or not (as_stored or record.holds(run.project.root, key, manifest.listing)):
        return None
    if run.record is not None and not run.record.holds(record.result.get("outputs", {})):
        return None  # Markdown files the record of written files no longer lists as compile's
    if record.refreshed:  # same files, new signatures (a fresh checkout): remember them
        manifest.put(slug, record)
    return compiled_as_recorded(run, slug, record.result)


def compiled_as_recorded(run: CompileRun, slug: str, result: dict[str, Any]) -> CompiledArticle:
    """What the last run compiled of the article ``slug`` as its record's ``result`` says (also as a
    whole-run record keeps it: see :mod:`.kept_runs`)."""
    root, folders, coverages = run.project.root, run.folders, run.coverages
    pages = {}
    for stored in result["pages"]:
        page = _recorded_page(stored, root, folders, coverages)
        pages[page.locale] = page
    return CompiledArticle(
        slug,
        pages=pages,
        listed=[pages[locale] for locale in result["listed"]],
        warnings=[Issue(**warning) for warning in result["warnings"]],
        record=None,
        markdown_keys=result.get("markdown"),
        copies=result.get("copies"),
        index_rows=result.get("index"),
        titles=_stored_titles(result.get("titles")),
        refs=result.get("refs"),
        resolved=result.get("resolved"),
        linked=result.get("linked"),
        links_resolved=result.get("links_resolved"),
        title_urls=_stored_title_urls(result.get("title_urls")),
        unmoved=[(locale, page, now) for locale, page, now in result.get("unmoved", ())],
    )


def earlier_titles(manifest: Manifest, slug: str) -> PageTitles | None:
    """The titles the article ``slug`` was published with as its last record keeps them (whether or
    not the record holds now), or None: for its pages kept from before where a catalog cannot be read."""
    record = manifest.get(slug)
    return None if record is None else _stored_titles(record.result.get("titles"))


def failed_record(record: Record | None) -> Record | None:
    """``record`` made to hold for no run (its key empty), for an article a run could not compile as
    a whole (an article or catalog it could not read): the article is compiled again next time, and
    the pages and files the record names, as they are, are still its own (removed when the article is
    gone; see ``_remove_pages_of_gone_articles``), its titles those of its pages kept from before."""
    if record is not None:
        record.key = ""
    return record


def titles_record(titles: PageTitles) -> Record:
    """The record of an article not compiled as a whole (an error), kept for its ``titles`` alone
    (see :func:`earlier_titles`): it holds for no run (no key is empty), so the article is compiled
    again, and its pages kept from before are named by the titles they still have."""
    return Record("", result={"titles": titles})


def _stored_title_urls(stored: object) -> dict[str, TitledUrl] | None:
    """A page's :data:`~.run.TitledUrl` by locale as its record keeps them (JSON: lists), or None."""
    if not isinstance(stored, dict):
        return None
    return {
        locale: (url, title, msgid, translated) for locale, (url, title, msgid, translated) in stored.items()
    }


def _stored_titles(stored: object) -> PageTitles | None:
    """A page's titles as its record keeps them (JSON: a list), or None."""
    if isinstance(stored, (list, tuple)) and len(stored) == 2:
        source, translated = stored
        if isinstance(source, str) and isinstance(translated, dict):
            return source, translated
    return None
