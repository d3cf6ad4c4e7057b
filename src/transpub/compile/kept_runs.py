"""compile's whole-run record (see :mod:`transpub.whole_run`): a rerun with nothing changed reports
what the last run did without loading the articles' records, making the index pages' rows, or
looking for pages to remove.

Kept only after a run of HTML pages into the whole site that found nothing amiss (no error, no
warning from the discovery, no page removed, withdrawn or left where it no longer goes), from the
articles' records, the index pages' and those of articles left out, whose pages stay while their
files do (a change of those files is a change of the run, which removes the pages; none is kept
while a record holds for no run: pages in a folder away for now). Beside the files those records
watch it watches the folders a run sweeps or looks into (the site's, each language's, every review
folder): a file added there (a killed run's temporary file, a review copy of no article) changes
their signatures, and none is kept while one of them holds a temporary file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..discovery import Discovery
from ..manifest import Manifest, Record, path_name, signature
from ..signing import local_key
from ..whole_run import Group, articles_key, keep, kept_result
from .places import is_file_of
from .records import compiled_as_recorded
from .run import CompiledArticle, CompileReport, CompileRun


def whole_run_key(run: CompileRun, run_key: str, discovery: Discovery, names: list[str]) -> str | None:
    """The key of the run's whole-run record (the run's, every article's name and slug, those left
    out); None when the run keeps none: Markdown output, ``--indexes``, a shard, or a discovery that
    had something to say (its errors and warnings are of files no record watches)."""
    project = run.project
    if run.markdown_root is not None or not run.options.pages or project.shard is not None:
        return None
    if discovery.errors or discovery.warnings:
        return None
    return articles_key(run_key, names, discovery)


@dataclass
class KeptArticles:
    """What a whole-run record says of the articles (see :func:`kept_articles`)."""

    #: What the last run compiled of each article whose part of the record holds, by its place.
    articles: dict[int, CompiledArticle]
    #: Each of them as the record keeps it (its record's result).
    results: dict[int, dict[str, Any]]
    #: Nothing the record watches changed: every article is there, and the run is as the last one.
    whole: bool


def kept_articles(run: CompileRun, command: str, key: str, slugs: list[str]) -> KeptArticles | None:
    """What the last run with ``key`` compiled of each article (``slugs``) whose files are as it left
    them (see :func:`keep_run`; all of them, or those of the parts of the record that hold); None:
    the articles' records decide of all."""
    kept = kept_result(run.project.root, command, "", key, local_key())
    if kept is None:
        return None
    articles: dict[int, CompiledArticle] = {}
    try:
        for at, result in kept.results.items():
            articles[at] = compiled_as_recorded(run, slugs[at], result)
    except (KeyError, TypeError, ValueError, AttributeError, IndexError):  # a damaged record
        return None
    return KeptArticles(articles, kept.results, kept.whole)


def keep_run(
    run: CompileRun,
    manifest: Manifest,
    key: str,
    discovery: Discovery,
    names: list[str],
    report: CompileReport,
    held: Mapping[int, dict[str, Any]] | None = None,
) -> None:
    """Keep what the run compiled of the articles ``discovery`` found (``names``: theirs, as records
    name them) as its whole-run record, when it found nothing amiss (see the module's text); the
    records saved (``manifest.save``) before. ``held``: what the record kept before says of the
    articles whose part of it held, by their places (their records loaded only where needed)."""
    held = held or {}
    if report.errors or report.removed or report.withdrawn or report.unmoved or report.stale_links:
        return
    indexes = manifest.get("", "indexes")
    if report.foreign_records or indexes is None:
        return
    slugs = [article.slug for article in discovery.articles]
    present = set(slugs) | discovery.refused
    groups = []
    for at, slug in enumerate(slugs):
        if at in held and slug not in manifest.touched:  # (compiled now: its record is new)
            groups.append(Group(slug, None, held[at]))
            continue
        record = manifest.get(slug)
        if record is None:
            return
        groups.append(Group(slug, [record], _kept_of(record.result)))
    left = _left_out(run, manifest, present)
    if left is None:
        return
    keep(
        run.project.root,
        manifest.command,
        "",
        key,
        groups,
        manifest.key,
        watched=[indexes, *left],
        changed=manifest.touched | {slug for at, slug in enumerate(slugs) if at not in held},
        first=set(names),
        folders=_swept_folders(run),
        records_of=lambda slug: [manifest.get(slug)],
    )


def _left_out(run: CompileRun, manifest: Manifest, present: set[str]) -> list[Record | None] | None:
    """What a whole-run record watches of the articles not there (``present``: those there) whose
    pages stay while their files do (left out by the configuration): their files as they are now,
    so that the run that should remove those pages (a file gone) is not told nothing changed (an
    edit of their catalogs, never compiled again, changes nothing). None (no record kept) while a
    record holds for no run (its article could not be read, or its pages are in a folder away for
    now and go when it is back: their files as recorded then would say nothing changed)."""
    project = run.project
    watched: list[Record | None] = []
    for slug in sorted(manifest.slugs_besides(present)):
        record = manifest.get(slug)
        if record is None or not record.key:
            return None
        names = [name for name in record.hashes if is_file_of(project.root / name, slug, project)]
        if not names:
            return None
        watched.append(Record("", {name: signature(project.root / name) for name in names}))
    return watched


def _kept_of(result: dict[str, Any]) -> dict[str, Any]:
    """What a whole-run record keeps of an article's record's ``result`` (all a run compiling it again
    may need of what it was: see :func:`~.records.compiled_as_recorded`)."""
    return {name: result[name] for name in _KEPT if name in result}


#: The parts of an article's record's result a whole-run record keeps (HTML pages: no Markdown's).
_KEPT = ("pages", "index", "listed", "warnings", "linked", "links_resolved")


def _swept_folders(run: CompileRun) -> list[str]:
    """The folders a run sweeps of temporary files or looks into for review copies of no article
    (the site's, each language's, every review folder), as records name them."""
    out_dir = run.out_dir
    folders = [os.fspath(out_dir / run.project.locale_dir(loc)) for loc in run.all_locales]
    folders += [os.fspath(out_dir), *(here for here, _, _ in os.walk(out_dir / "_review"))]
    return [path_name(run.project.root, folder) for folder in folders]
