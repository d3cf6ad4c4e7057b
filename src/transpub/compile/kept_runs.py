"""compile's whole-run record (see :mod:`transpub.whole_run`): a rerun with nothing changed reports
what the last run did without loading the articles' records, making the index pages' rows, or
looking for pages to remove.

Kept only after a run of HTML pages into the whole site that found nothing amiss (no error, no
warning from the discovery, no page removed, withdrawn or left where it no longer goes, no record of
an article not there: one left out, whose pages stay while its file does, or one whose pages are in a
folder away for now), from the articles' records and the index pages'. Beside the files those
records watch it watches the folders a run sweeps or looks into (the site's, each language's, every
review folder): a file added there (a killed run's temporary file, a review copy of no article)
changes their signatures, and none is kept while one of them holds a temporary file.
"""

from __future__ import annotations

import os

from ..discovery import Discovery
from ..manifest import Manifest, path_name
from ..model import Issue
from ..signing import local_key
from ..site import Page
from ..whole_run import Group, articles_key, keep, kept_result
from .records import recorded_pages
from .run import CompileReport, CompileRun


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


def kept_articles(run: CompileRun, command: str, key: str) -> list[KeptArticle] | None:
    """What the last run with ``key`` compiled of each article (in their order), when nothing it
    watched changed since (see :func:`keep_run`); None: the articles' records decide."""
    kept = kept_result(run.project.root, command, "", key, local_key())
    if kept is None:
        return None
    articles: list[KeptArticle] = []
    try:
        for stored, listed, noted in kept.results.values():
            pages = {page.locale: page for page in recorded_pages(run, stored)}
            articles.append(
                (pages, [pages[locale] for locale in listed], [Issue(**warning) for warning in noted])
            )
    except (KeyError, TypeError, ValueError):  # a damaged record
        return None
    return articles


#: An article as a whole-run record keeps it: its pages by locale, those the report lists, its warnings.
KeptArticle = tuple[dict[str, Page], list[Page], list[Issue]]


def keep_run(
    run: CompileRun,
    manifest: Manifest,
    key: str,
    discovery: Discovery,
    names: list[str],
    report: CompileReport,
) -> None:
    """Keep what the run compiled of the articles ``discovery`` found (``names``: theirs, as records
    name them) as its whole-run record, when it found nothing amiss (see the module's text); the
    records saved (``manifest.save``) before."""
    if report.errors or report.removed or report.withdrawn or report.unmoved or report.stale_links:
        return
    indexes = manifest.get("", "indexes")
    if report.foreign_records or indexes is None:
        return
    slugs = [article.slug for article in discovery.articles]
    present = set(slugs) | discovery.refused
    groups = []
    for slug in slugs:
        record = manifest.get(slug)
        if record is None:
            return
        result = record.result
        groups.append(
            Group(slug, [record], [result.get("pages"), result.get("listed"), result.get("warnings")])
        )
    if any(slug and slug not in present for slug in manifest.slugs()):
        return  # records of articles not there (left out, or their pages in a folder away for now)
    keep(
        run.project.root,
        manifest.command,
        "",
        key,
        groups,
        manifest.key,
        watched=[indexes],
        changed=manifest.touched,
        first=set(names),
        folders=_swept_folders(run),
    )


def _swept_folders(run: CompileRun) -> list[str]:
    """The folders a run sweeps of temporary files or looks into for review copies of no article
    (the site's, each language's, every review folder), as records name them."""
    out_dir = run.out_dir
    folders = [os.fspath(out_dir / run.project.locale_dir(loc)) for loc in run.all_locales]
    folders += [os.fspath(out_dir), *(here for here, _, _ in os.walk(out_dir / "_review"))]
    return [path_name(run.project.root, folder) for folder in folders]
