"""The site's index pages (one per language, the site's, the review index), made from each article's
rows, which are kept between runs (see :mod:`.kept_rows`)."""

from __future__ import annotations

import os
from collections.abc import Collection, Iterable
from pathlib import Path

from ..errors import cannot
from ..fsutil import confine, remove_empty_folders, remove_file, write_if_changed
from ..manifest import Manifest, Record, as_written, content_hash, make_key, path_name, signature
from ..model import Issue
from ..project import Project
from ..site import (
    Page,
    locale_index_page,
    locale_index_row,
    newest_key,
    review_index_page,
    review_index_row,
    site_index_page,
    site_index_row,
)
from .kept_rows import load_rows, save_rows
from .places import html_path, remove_stale
from .run import ArticleRows, CompiledArticle, CompileReport, KindRows, ListingRow


def indexes_unless_unchanged(
    project: Project,
    out_dir: Path,
    articles: list[CompiledArticle],
    all_locales: list[str],
    report: CompileReport,
    manifest: Manifest,
    run_key: str,
) -> None:
    """Write the index pages whose content may have changed since the last run: an archive's
    indexes list every article (making them is most of a run with nothing changed, or with one
    article's text edited). ``shown``: what they show of each article's pages (see
    :func:`index_rows`); the language and site indexes are made again when the published pages'
    titles, dates or names changed, the review index when any page's title, state or coverage did,
    and both when an index file is not as the last run left it."""
    shown = [article.index_rows or [] for article in articles]
    keys = {kind: _digest(all_locales, [rows[at] for rows in shown]) for at, kind in enumerate(_INDEXES)}
    key = make_key(run_key, "indexes")
    record = manifest.get("", "indexes")
    held = record is not None and record.holds(project.root, key)
    made: dict[str, str] = record.result.get("made", {}) if held and record is not None else {}
    if record is not None and not held:  # (the languages may have changed)
        _remove_dropped_indexes(project, out_dir, record, all_locales, report)
    kinds = [kind for kind in _INDEXES if made.get(kind) != keys[kind]]
    if not kinds:
        if record is not None and record.refreshed:
            manifest.put("", record, "indexes")
        return
    errors = len(report.errors)
    written = _write_indexes(
        project, out_dir, articles, all_locales, report, kinds, make_key(run_key, "index rows")
    )
    if len(report.errors) > errors:  # an index page not written: all are made again next time
        manifest.drop("", "indexes")
        return
    folders = {project.locale_dir(locale): locale for locale in all_locales}
    indexes = Record(key, result={"made": keys, _FOLDERS: folders})
    for path in (
        *(out_dir / html_path(project, locale, "index") for locale in all_locales),
        out_dir / "index.html",
        out_dir / "_review" / "index.html",
    ):
        _watch_index(project.root, indexes, path, written, record if held else None)
    manifest.put("", indexes, "indexes")


#: What the index pages' record says of the language of each folder it has an index page in.
_FOLDERS = "folders"


def _remove_dropped_indexes(
    project: Project, out_dir: Path, record: Record, all_locales: list[str], report: CompileReport
) -> None:
    """Delete the index pages the last run's ``record`` names in the folder of a language no longer
    among the project's locales (not one of ``all_locales``), each as compile wrote it: one changed
    since stays, with a warning."""
    now = {project.locale_dir(locale) for locale in all_locales} | {"_review"}
    recorded = record.result.get(_FOLDERS)
    named: dict[str, str] = recorded if isinstance(recorded, dict) else {}
    top = os.path.abspath(out_dir)
    for name in sorted(record.files):
        path = project.root / name
        folder = os.path.dirname(os.path.abspath(path))
        if path.name != "index.html" or os.path.dirname(folder) != top:
            continue
        kept = record.hash_of(name)
        if os.path.basename(folder) in now or kept is None or not path.is_file():
            continue
        locale = str(named.get(os.path.basename(folder), os.path.basename(folder)))
        if not as_written(path, kept):
            report.warnings.append(
                Issue(
                    project.relative(path),
                    None,
                    "removed",
                    f"left as it is: {locale} is no longer among the project's locales, but its index "
                    "page was changed since compile wrote it; delete it if it should go",
                    locale=locale,
                    severity="warning",
                )
            )
            continue
        try:
            remove_file(path, out_dir)
        except OSError as exc:
            report.errors.append(cannot("remove", path, exc))
            continue
        report.dropped.append((locale, project.relative(path)))
        remove_empty_folders(path.parent, out_dir)


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


def index_rows(pages: Iterable[Page]) -> list[str]:
    """What the index pages show of one article's ``pages``, a digest per kind of :data:`_INDEXES`:
    the published pages' files, titles and dates, and every page's file, title, state and coverage."""
    listing: list[tuple[object, ...]] = []
    review: list[tuple[object, ...]] = []
    for page in pages:
        if page.published:
            listing.append((page.locale, page.file, page.title, page.title_locale, page.date))
        coverage = page.coverage
        review.append((page.locale, page.file, page.title, page.title_locale, page.published, page.reason))
        review.append(
            (coverage.translated, coverage.fuzzy, coverage.untranslated, page.machine, page.unreviewed)
        )
    return [_digest(listing), _digest(review)]


def _digest(*parts: object) -> str:
    """A key of plain values (strings, numbers, None, tuples and lists of them) by their ``repr``."""
    return content_hash(repr(parts).encode("utf-8"))


def _write_indexes(
    project: Project,
    out_dir: Path,
    articles: list[CompiledArticle],
    all_locales: list[str],
    report: CompileReport,
    kinds: Collection[str],
    rows_key: str,
) -> dict[str, bytes | None]:
    """The site's index pages (of ``kinds``): one per language with something published and the
    site's (``listing``), the review index (``review``), made of the rows of every page of
    ``articles`` (see :func:`article_rows`): those the articles compiled in this run made, those
    kept by :mod:`.kept_rows` (under ``rows_key``: this run's code, configuration and options)
    for the others whose pages show the same as then, made again for any other. Returns the
    content of each index page made, by its record name (None: removed, nothing to list)."""
    stored = [load_rows(project.root, rows_key, kind) if kind in kinds else {} for kind in _INDEXES]
    rows = _rows_of(project, articles, stored, kinds)
    try:
        texts = _index_texts(project, out_dir, rows, all_locales, kinds)
    except (TypeError, ValueError, IndexError):  # damaged kept rows (a sort, a join failed): none kept
        stored = [{}, {}]
        rows = _rows_of(project, articles, stored, kinds)
        texts = _index_texts(project, out_dir, rows, all_locales, kinds)
    made: dict[str, bytes | None] = {}
    for path, text in texts:
        data = None if text is None else text.encode("utf-8")
        try:
            if data is None:
                remove_stale(out_dir, path)  # nothing published in this language: no empty index page
            elif write_if_changed(path, data, durable=False):
                report.index_written.append(path)
        except OSError as exc:  # (the other index pages are still written)
            report.errors.append(cannot("write" if data is not None else "remove", path, exc))
            continue
        made[path_name(project.root, path)] = data
    for at, kind in enumerate(_INDEXES):
        if kind in kinds and rows[at] != stored[at]:
            save_rows(project.root, rows_key, kind, rows[at], stored[at])
    return made


def article_rows(project: Project, pages: Iterable[Page], digests: list[str]) -> ArticleRows:
    """The rows of an article's ``pages`` in the index pages (``digests``: :func:`index_rows` of them)."""
    listing: list[ListingRow] = []
    review: list[tuple[str, str]] = []
    source = project.source_locale
    for page in pages:
        folder = project.locale_dir(page.locale)
        if page.published:
            day, title = newest_key(page)
            listing.append(
                (page.locale, day, title, locale_index_row(folder, page), site_index_row(project, page))
            )
        review.append((page.locale, review_index_row(folder, source, page)))
    return digests[0], digests[1], tuple(listing), tuple(review)


def _rows_of(
    project: Project, articles: list[CompiledArticle], stored: list[KindRows], kinds: Collection[str]
) -> list[KindRows]:
    """Every article's rows in the index pages of ``kinds`` (see :data:`KindRows`, by kind): made
    in this run, else kept (the same digest), else made now."""
    rows: list[KindRows] = [{}, {}]
    wanted = [kind in kinds for kind in _INDEXES]
    for article in articles:
        if not article.pages:
            continue  # not read: no page to list
        digests = article.index_rows or index_rows(article.pages.values())
        made = article.rows
        for at in (0, 1):
            if not wanted[at]:
                continue
            found = None if made is not None else stored[at].get(article.slug)
            if type(found) is not tuple or len(found) != 2 or found[0] != digests[at]:
                if made is None:
                    made = article_rows(project, article.pages.values(), digests)
                found = (made[0], made[2]) if at == 0 else (made[1], made[3])
            rows[at][article.slug] = found
    return rows


def _index_texts(
    project: Project,
    out_dir: Path,
    rows: list[KindRows],
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
            path = confine(out_dir / html_path(project, locale, "index"), out_dir)
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
