"""The compile workflow: articles + catalogs → ``site/<locale>/<slug>.html`` and index pages."""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from ..discovery import Discovery, in_shard, is_folder_index
from ..errors import ArticleError, ConfigError
from ..formats import publishes_html_page
from ..fsutil import confine, forget_folders, remove_stale_temporaries
from ..manifest import (
    Manifest,
    Record,
    code_signature,
    file_hash,
    make_key,
    path_name,
    project_settings,
)
from ..model import Issue
from ..project import Project, locale_writing_in
from ..publication import written_file
from ..readcache import ReadCache
from ..signing import local_key
from ..site import Page, page_file, prepare_languages
from ..url_names import page_url_style
from ..workers import in_processes, run_ordered
from .article import compile_article
from .indexes import index_rows, indexes_unless_unchanged
from .kept_runs import keep_run, kept_articles, whole_run_key
from .link_targets import LinkTargets, grouped_warnings
from .links import OwnUrls, decided_locales, link_map
from .markdown import load_record, remove_stale_markdown, told_before
from .moved_markdown import remove_moved_markdown
from .places import html_path, is_below, is_file_of, record_name, review_copy_exists
from .records import (
    earlier_titles,
    failed_record,
    recorded_outputs,
    records_as_stored,
    titles_record,
    unchanged,
)
from .removal import left_as_it_is, remove_emptied, remove_written
from .run import CompiledArticle, CompileOptions, CompileReport, CompileRun, PageTitles, Titles
from .site_languages import unbuilt_languages
from .site_strings import site_settings
from .switched_format import HTML_RECORDS, MARKDOWN_RECORDS, remove_other_format
from .title_urls import shared_url_warnings
from .titles import decide_titles, resolution, title_map
from .unused_copies import Removing, no_longer_named, remove_unused_copies


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
    if options.out_dir is not None:  # (--out preview: a folder from here, wherever pages are written)
        options = replace(options, out_dir=options.out_dir.absolute())
    html_preview = options.format == "html" and project.output_format == "markdown"
    # ([compile] format changed: what compile wrote as the other format goes, on a run of every language)
    switched = options.format in (None, project.output_format) and options.out_dir is None and options.pages
    switched = switched and project.shard is None and set(project.locales) <= set(locales)
    if options.format is not None and options.format != project.output_format:
        # (--format: the project as if configured so, also where articles are read: how a value is
        # written depends on who writes the page, compile or a generator's templates)
        project = replace(project, output_format=options.format)
    out_dir = options.out_dir or project.site_dir
    report = CompileReport(out_dir=out_dir)
    markdown = project.output_format == "markdown"
    markdown_root = options.out_dir or project.markdown_root
    source = project.source_locale
    selected = [loc for loc in dict.fromkeys(locales) if loc != source]
    targets = [*project.locales, *(loc for loc in selected if loc not in project.locales)]
    discovery = project.discover()
    if options.out_dir is not None and markdown:
        _refuse_markdown_out_folder(project, options.out_dir, discovery)
    elif options.out_dir is not None:
        _refuse_out_folder(project, options.out_dir)
    if not markdown:
        _refuse_the_index_pages_name(project, discovery, html_preview)
    report.errors.extend(discovery.errors)
    report.warnings.extend(discovery.warnings)
    if markdown and project.heading_ids == "mkdocs":
        report.warnings.extend(mkdocs_warnings(project))
    if markdown and options.pages:  # (the site's navigation titles and name, for its configuration)
        report.site_config, report.site_settings, shown, unread = site_settings(
            project, targets, options.include_fuzzy
        )
        report.warnings.extend(shown)
        report.errors.extend(unread)
    article_paths = [article.path for article in discovery.articles]
    report.articles = len(article_paths)
    slugs = {article.path: article.slug for article in discovery.articles}
    record = load_record(markdown_root, report) if markdown and options.pages else None
    run = CompileRun(
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
    run_key = make_key(
        code_signature(project.root),
        file_hash(project.config_path),
        project_settings(project),
        {**asdict(options), "out_dir": path_name(project.root, out_dir)},
        selected,
        targets,
    )
    records_name = _records_name(project, out_dir, markdown)
    # the article's name too: a Markdown article's is in its outputs' names (x.md, x.markdown); its
    # content is a file its record watches (a look at its signature, not a read of it)
    names = [path_name(project.root, path) for path in article_paths]
    whole = whole_run_key(run, run_key, discovery, names)
    order = [slugs[path] for path in article_paths]
    kept = kept_articles(run, records_name, whole, order) if whole is not None and not full else None
    if kept is not None and kept.whole:  # nothing changed since the last run: what it reported
        return _held_files(run, discovery, _report_kept(run, list(kept.articles.values()), report))
    # else the articles of the record's parts that hold (an article edited: the others') are as it
    # says, and the articles' records decide of the rest, which alone are loaded at first
    held = kept.articles if kept is not None else {}
    others = [at for at in range(len(article_paths)) if at not in held]
    # Markdown output keeps records of its own (a site previewed as HTML between runs keeps both), and
    # trusts none when it cannot read the record of the files it wrote.
    manifest = Manifest(
        project.root,
        records_name,
        ignore=full or (markdown and record is None),
        key=local_key(),
        only=[order[at] for at in others] if held else None,
    )
    keys = [make_key(run_key, name) for name in names]
    as_stored = records_as_stored(project.root, [(manifest.get(order[at]), keys[at]) for at in others], jobs)
    holding = dict(zip(others, as_stored, strict=True))
    cached: list[CompiledArticle | None] = []
    for at, (path, key) in enumerate(zip(article_paths, keys, strict=True)):
        found = held.get(at)
        if found is None:
            found = unchanged(run, manifest, path, order[at], key, as_stored=holding[at])
        cached.append(found)
    if markdown and options.pages and project.front_matter_title_refs:
        run = replace(run, titles=_titles(run, manifest, run_key, cached, article_paths, slugs, jobs))
        _compile_again_where_titles_changed(run, cached)
    # (see .links; a Jekyll site's Liquid tags that name a page's file, rules or not: see .link_targets)
    jekyll = markdown and page_url_style(project.page_urls, project.heading_ids) == "jekyll"
    if options.pages and (not markdown or project.link_rules or project.has_permalinks or jekyll):
        links = _links(run, manifest, run_key, cached, article_paths, slugs, jobs)
        run = replace(run, links=links)
        _compile_again_where_links_changed(run, cached)
    # the records of the last run, which say what pages compile wrote (--full trusts none to skip an
    # article, but those of a gone article, or where an article's pages no longer are, go as on any run)
    trusted = not full and not (markdown and record is None)
    earlier = (
        manifest
        if trusted or not options.pages
        else Manifest(project.root, manifest.command, key=manifest.key)
    )
    named = run.titles is not None  # (a page kept from before keeps its title: see earlier_titles)
    todo = [
        (
            path,
            key,
            slugs[path],
            earlier_titles(manifest, slugs[path]) if named else None,
            _pages_written(earlier, slugs[path]) if options.pages else {},
        )
        for path, key, found in zip(article_paths, keys, cached)
        if found is None
    ]
    if in_processes(todo, jobs):  # once here, not once in each worker process
        prepare_languages(run.all_locales)
    done = run_ordered(compile_article, run, todo, jobs)
    pages: dict[tuple[str, str], Page] = {}
    stale: set[str] = set()
    read: dict[str, dict[str, str | None] | None] = {}
    copies: dict[str, dict[str, list[str]] | None] = {}
    articles: list[CompiledArticle] = []
    emptied: list[tuple[Path, Path]] = []  # the folders removals may have emptied, each with its top
    before: dict[str, Record | None] = {}  # the last run's record of each article compiled now
    unused: dict[str, str] = {}  # the copies of files pages loaded that may be unused now (see
    gone: dict[str, str] = {}  # .unused_copies): those articles stopped loading, those of gone ones
    for found in cached:
        compiled = found or next(done)
        if compiled.index_rows is None:  # what the index pages show of it (see index_rows)
            compiled.index_rows = index_rows(compiled.pages.values())
        articles.append(compiled)
        if record is not None:
            record.merge(compiled.output_changes, compiled.emptied)
        if found is None and options.pages:  # (the copies its pages loaded and load no more)
            unused.update(no_longer_named(project.root, out_dir, earlier.get(compiled.slug), compiled.record))
        if compiled.record is not None:
            if found is None:  # (before its record is put in the manifest: see earlier)
                previous = earlier.get(compiled.slug)
                before[compiled.slug] = previous
                _remove_moved_pages(run, previous, compiled, report)
                _remove_pages_of_dropped_locales(run, previous, compiled, report)
            manifest.put(compiled.slug, compiled.record)
        elif found is None and options.pages:  # not compiled as a whole (no record to trust next time)
            # (--indexes writes no page: the records of the pages compile wrote stay as they are)
            failed = failed_record(manifest.get(compiled.slug)) if not compiled.read else None
            if failed is not None:  # it could not be read: its pages as they were published stay known
                manifest.put(compiled.slug, failed)
            elif compiled.titles is not None:  # the titles of its pages kept from before
                manifest.put(compiled.slug, titles_record(compiled.titles))
            else:
                manifest.drop(compiled.slug)
        if compiled.read:
            read[compiled.slug] = compiled.markdown_keys
            copies[compiled.slug] = compiled.copies
        report.errors.extend(compiled.errors)
        report.warnings.extend(compiled.warnings)
        report.mo_written.extend(compiled.mo_written)
        report.review_written.extend(compiled.review_written)
        report.pages.extend(compiled.listed)
        report.withdrawn.update(
            ((locale, compiled.slug), path) for locale, path in compiled.withdrawn.items()
        )
        stale |= compiled.stale
        emptied.extend((folder, out_dir) for folder in compiled.removed_from)
        for locale, page_path, now in compiled.unmoved:
            report.unmoved.setdefault(locale, []).append((page_path, now))
        for locale, page in compiled.pages.items():
            pages[locale, compiled.slug] = page
    if run.links is not None:  # (told where a page compiled now links under such a pattern)
        compiled_now = [
            (compiled.slug, compiled.linked)
            for compiled, found in zip(articles, cached, strict=True)
            if found is None and compiled.linked
        ]
        report.warnings.extend(run.links.unfollowed_warnings(project, compiled_now))
    if markdown and project.has_permalinks:  # (two pages whose titles make one URL: see .title_urls)
        titled = [(compiled.slug, compiled.title_urls) for compiled in articles if compiled.title_urls]
        report.warnings.extend(shared_url_warnings(project, titled))
    report.warnings.extend(
        mkdocs_site_warnings(project, report.pages) + unbuilt_languages(project, report.pages)
    )
    report.warnings = grouped_warnings(source, report.warnings)
    all_locales = [source, *targets]
    report.other_pages = [page for (locale, _), page in pages.items() if locale not in (source, *selected)]
    report.stale_links = [loc for loc in targets if loc in stale]
    _held_files(run, discovery, report)
    try:
        if record is not None:
            remove_stale_markdown(
                project,
                record,
                [source, *selected],
                discovery,
                read,
                copies,
                markdown_root,
                report,
                functools.partial(_last_run, before, earlier),
                functools.partial(_last_watched, before, earlier, markdown_root),
                functools.partial(told_before, manifest, markdown_root, project.shard is not None),
            )
            if options.out_dir is None:  # (a preview elsewhere is no change of where Markdown goes)
                remove_moved_markdown(
                    project,
                    record,
                    [source, *selected],
                    article_paths,
                    report,
                    earlier,
                    manifest,
                    functools.partial(_last_watched, before, earlier),
                    functools.partial(_last_records, before, earlier),
                )
        if options.pages:  # (Markdown output too: its HTML articles' pages are in its own records)
            present = set(slugs.values()) | discovery.refused
            reviews = _review_copies_written(project, out_dir, before.values())
            _remove_pages_of_gone_articles(
                project,
                earlier,
                out_dir,
                present,
                report,
                emptied,
                markdown=markdown,
                reviews=reviews,
                copies=gone,
            )
            other_format = {HTML_RECORDS: MARKDOWN_RECORDS, MARKDOWN_RECORDS: HTML_RECORDS}.get(records_name)
            removing = _removing(project, selected, report)
            remove_unused_copies(
                project, out_dir, manifest, earlier, (unused, gone), report, removing, other_format
            )
            if earlier is not manifest:
                earlier.save()  # (before the run's own records: those of the articles compiled now)
            remove_emptied(emptied)  # (every page is written: no process writes there)
        if switched:
            remove_other_format(project, article_paths, manifest, report)
        if markdown:  # a static-site generator makes its own index pages and language menus
            return report
        if project.shard is not None:  # the indexes need every shard's pages: `transpub compile --indexes`
            return report
        if options.pages:
            for folder in (out_dir, *(out_dir / project.locale_dir(loc) for loc in all_locales)):
                remove_stale_temporaries(folder)  # a run with nothing to write still sweeps a killed run's
            _remove_orphan_review_copies(
                project, out_dir, {project.locale_dir(loc) for loc in targets}, slugs, reviews, report
            )
        indexes_unless_unchanged(project, out_dir, articles, all_locales, report, manifest, run_key)
    finally:  # the pages' records, and the index pages', saved in one go (each save waits for the disk)
        report.foreign_records = manifest.ignored_articles
        manifest.save()
    if whole is not None:  # what the next run reports if nothing changes
        keep_run(run, manifest, whole, discovery, names, report, kept.results if kept is not None else None)
    return report


def _held_files(run: CompileRun, discovery: Discovery, report: CompileReport) -> CompileReport:
    """``report`` with, in Markdown, where the file of each page it holds back would be written
    (:attr:`CompileReport.held`): a Jekyll post's translation in its ``_posts/es/``, not ``es/``."""
    if run.markdown_root is None:
        return report
    paths = {article.slug: article.path for article in discovery.articles}
    for page in report.pages:
        path = paths.get(page.slug)
        place = (
            None
            if page.published or path is None
            else written_file(run.project, page.locale, path, page.slug, run.options.out_dir)
        )
        if place is not None:
            report.held[page.locale, page.slug] = place
    return report


def _removing(project: Project, selected: list[str], report: CompileReport) -> Removing:
    """Which copies of files pages loaded that may be unused this run removes (see :data:`Removing`)."""
    if project.shard is not None or report.errors:
        return "none"
    return "all" if set(project.locales) <= set(selected) else "gone"


def _pages_written(manifest: Manifest, slug: str) -> dict[str, str]:
    """The hashes of the pages and review copies (``.html``) the last record of the article ``slug``
    names, by the record's name of each: what compile wrote (see :data:`.article.ArticleTask`)."""
    previous = manifest.get(slug)
    if previous is None:
        return {}
    return {name: digest for name, digest in previous.hashes.items() if name.endswith(".html")}


def _report_kept(run: CompileRun, kept: list[CompiledArticle], report: CompileReport) -> CompileReport:
    """``report`` with the pages and warnings of the articles as a whole-run record ``kept`` them
    (see :mod:`.kept_runs`): what the run that made them reported, and a run that finds every article
    unchanged reports."""
    source = run.project.source_locale
    shown = (source, *run.selected)
    warnings: list[Issue] = []
    for article in kept:
        report.pages += article.listed
        report.other_pages += [page for locale, page in article.pages.items() if locale not in shown]
        warnings += article.warnings
    warnings += mkdocs_site_warnings(run.project, report.pages) + unbuilt_languages(run.project, report.pages)
    report.warnings = grouped_warnings(source, [*report.warnings, *warnings])
    return report


#: The slug whose page in each language would be ``<folder>/index.html``, that language's index page.
INDEX_SLUG = "index"


def _refuse_the_index_pages_name(project: Project, discovery: Discovery, html_preview: bool) -> None:
    """Take the article whose slug is :data:`INDEX_SLUG` (``articles/index.md``, a site's home page) out
    of ``discovery``, as an error naming it: its HTML pages and the index pages would be one file each.
    Refused, not gone: pages compile wrote of it before stay. In an HTML preview of a site whose pages
    are Markdown (``--format html``; a generator builds the site, home page and all) a warning: the
    site's own output takes the article, and the home page is no mistake to rename or leave out."""
    for article in discovery.articles:
        if article.slug == INDEX_SLUG:
            discovery.articles.remove(article)
            discovery.refused.add(article.slug)
            if html_preview:
                discovery.warnings.append(
                    Issue(
                        project.relative(article.path),
                        None,
                        "index",
                        "no HTML page in this preview: it would be the index of articles compile writes "
                        f"in each language's folder ({project.locale_dir(project.source_locale)}/index.html); "
                        "the site's Markdown (`transpub compile`) takes it",
                        severity="warning",
                    )
                )
                return
            discovery.errors.append(
                ArticleError(
                    "its pages would be the index of articles compile writes in each language's folder "
                    f"({project.locale_dir(project.source_locale)}/index.html): rename the article or "
                    "leave it out ([paths] exclude)",
                    project.relative(article.path),
                )
            )
            return


def _titles(
    run: CompileRun,
    manifest: Manifest,
    run_key: str,
    cached: list[CompiledArticle | None],
    paths: list[Path],
    slugs: dict[Path, str],
    jobs: int,
) -> Titles:
    """The titles of every page of the project (``[extract.front_matter] title_refs``), in every
    target language: those of the articles known unchanged (``cached``, by ``paths``) from their
    records, the others' decided from their catalogs (in ``jobs`` processes). With ``--shard``, the
    other shards' articles too: from their records when this machine's manifest has them as they
    are, else decided here (read, not written)."""
    project = run.project
    known: dict[Path, PageTitles] = {}
    for path, found in zip(paths, cached, strict=True):
        if found is not None and found.titles is not None:
            known[path] = found.titles
    everything = [(path, slugs[path]) for path in paths]
    if project.shard is not None:  # a page's parent may be in another shard
        others = replace(project, shard=None).discover().articles
        mine = set(paths)
        for article in others:
            if article.path in mine:
                continue
            everything.append((article.path, article.slug))
            key = make_key(run_key, path_name(project.root, article.path))
            found = unchanged(run, manifest, article.path, article.slug, key)
            if found is not None and found.titles is not None:
                known[article.path] = found.titles
    wanted = [(path, slug, earlier_titles(manifest, slug)) for path, slug in everything if path not in known]
    if in_processes(wanted, jobs):
        prepare_languages(run.all_locales)
    for (path, _, _), titles in zip(wanted, run_ordered(decide_titles, run, wanted, jobs), strict=True):
        if titles is not None:
            known[path] = titles
    return title_map((known[path] for path, _ in everything if path in known), run.targets)


def _compile_again_where_titles_changed(run: CompileRun, cached: list[CompiledArticle | None]) -> None:
    """Forget what the last run compiled of each article in ``cached`` whose front matter names a
    page whose title it would now write otherwise (a page's title translated anew, published or
    held back), or that it knows nothing of, so that it is compiled again."""
    assert run.titles is not None
    for index, found in enumerate(cached):
        if found is None:
            continue
        if found.refs is None or found.resolved != resolution(found.refs, run.titles, run.selected):
            cached[index] = None


def _links(
    run: CompileRun,
    manifest: Manifest,
    run_key: str,
    cached: list[CompiledArticle | None],
    paths: list[Path],
    slugs: dict[Path, str],
    jobs: int,
) -> LinkTargets:
    """The articles links can lead to (see :mod:`.links`), each published as its record says where it
    is known unchanged (``cached``, by ``paths``); those the unchanged ones link to decided from their
    catalogs (in ``jobs`` processes); the others are decided as a page compiled links to them. With
    ``--shard``, the other shards' articles too, those linked to as their records say where this
    machine's manifest has them as they are. (A run with nothing changed reads nothing.)"""
    project = run.project
    everything = [(path, slugs[path]) for path in paths]
    others = []
    if project.shard is not None:  # a page's link may lead to another shard's
        mine = set(paths)
        others = [a for a in replace(project, shard=None).discover().articles if a.path not in mine]
        everything.extend((article.path, article.slug) for article in others)
    links = link_map(run, everything)
    published, linked = links.published, set[str]()
    for path, found in zip(paths, cached, strict=True):
        if found is not None:
            published[slugs[path]] = _published_in(run, found)
            if found.linked is not None:
                linked.update(links.targets(found.linked))
    for article in others:
        if article.slug in linked:
            key = make_key(run_key, path_name(project.root, article.path))
            found = unchanged(run, manifest, article.path, article.slug, key)
            if found is not None:
                published[article.slug] = _published_in(run, found)
    if run.options.review:  # (the review copies of those known unchanged, as the last run left them)
        for slug in published:
            folder_index = is_folder_index(links.paths[slug], slug)
            links.reviewed[slug] = frozenset(
                loc for loc in run.selected if review_copy_exists(run, loc, slug, folder_index)
            )
    wanted = [(links.paths[slug], slug) for slug in sorted(linked) if slug not in published]
    own = links.own_url
    titled = own.undecided(run, sorted(linked)) if isinstance(own, OwnUrls) else []
    if in_processes(wanted + titled, jobs):
        prepare_languages(run.all_locales)
    for (_, slug), (locales, reviewed) in zip(
        wanted, run_ordered(decided_locales, run, wanted, jobs), strict=True
    ):
        published[slug] = frozenset(locales)
        if run.options.review:
            links.reviewed[slug] = frozenset(reviewed)
    if isinstance(own, OwnUrls):  # (the titles a linked article's URL is made of, see .links.OwnUrls)
        for (_, slug, _), titles in zip(titled, run_ordered(decide_titles, run, titled, jobs), strict=True):
            own.titles[slug] = titles
    return links


def _published_in(run: CompileRun, compiled: CompiledArticle) -> frozenset[str]:
    """The selected locales the article ``compiled`` is published in."""
    return frozenset(loc for loc, page in compiled.pages.items() if page.published and loc in run.selected)


def _compile_again_where_links_changed(run: CompileRun, cached: list[CompiledArticle | None]) -> None:
    """Forget what the last run compiled of each article in ``cached`` that links to an article
    published or withdrawn since in a selected language (or whose links it knows nothing of), so
    that it is compiled again and its links lead where the target is published."""
    assert run.links is not None
    for index, found in enumerate(cached):
        if found is None:
            continue
        if found.linked is None or found.links_resolved != run.links.resolution(
            found.linked, run.selected, review=run.options.review
        ):
            cached[index] = None


def _last_record(before: Mapping[str, Record | None], earlier: Manifest, slug: str) -> Record | None:
    """The manifest's record of the last run that compiled the article ``slug``: ``before`` holds it
    for the articles compiled in this run (whose records are this run's now)."""
    return before[slug] if slug in before else earlier.get(slug)


def _last_records(before: Mapping[str, Record | None], earlier: Manifest) -> list[Record]:
    """The manifest's record of the last run that compiled each article it has one of."""
    slugs = sorted(earlier.slugs_besides(()) | set(before))
    return [
        record for record in (_last_record(before, earlier, slug) for slug in slugs) if record is not None
    ]


def _last_run(before: Mapping[str, Record | None], earlier: Manifest, slug: str) -> dict[str, Any] | None:
    """What the manifest says the last run compiled of the article ``slug`` (its record's result)."""
    previous = _last_record(before, earlier, slug)
    return None if previous is None else previous.result


def _refuse_out_folder(project: Project, out_dir: Path) -> None:
    """ConfigError (a mistake on the command line) for an ``--out`` folder of HTML pages that is the
    articles folder, the catalogs' or inside ``.transpub``, as ``[paths] site`` is refused there: the
    pages, index.html and a folder per language would be written among the articles (and read as
    articles by the next run), the catalogs or transpub's own state."""
    out = os.path.realpath(out_dir)
    if out == os.path.realpath(project.articles_dir):
        what: str | None = "the articles folder"
    elif project.extract_reads_in(out_dir / "index.html"):  # (its pages would be read as articles)
        what = "inside the articles folder"
    else:
        what = _transpubs_own(project, out)
    if what is None:
        folders = {locale: project.locale_dir(locale) for locale in (project.source_locale, *project.locales)}
        replaced = locale_writing_in(out_dir, project.articles_dir, folders)
        if replaced is None:
            return
        raise ConfigError(
            f"--out {project.relative(out_dir)} has compile write the {replaced} pages in the articles folder "
            f"({project.relative(project.articles_dir)}): they would replace the articles; name a folder of "
            "its own (--out /tmp/preview)"
        )
    raise ConfigError(
        f"--out {project.relative(out_dir)} is {what}: compile would write its pages, index.html and a "
        "folder per language there; name a folder of its own (--out /tmp/preview)"
    )


def _transpubs_own(project: Project, out: str) -> str | None:
    """How an ``--out`` message names the folder ``out`` (resolved) when it is the catalogs' or inside
    ``.transpub`` (transpub's own files, never a place for pages), else None."""
    state = os.path.realpath(project.root / ".transpub")
    if out == os.path.realpath(project.catalogs_dir):
        return "the catalogs' folder"
    if out == state or out.startswith(state + os.sep):
        return "inside .transpub (transpub's own files)"
    return None


def _refuse_markdown_out_folder(project: Project, out_dir: Path, discovery: Discovery) -> None:
    """ConfigError (a mistake on the command line) for an ``--out`` folder of Markdown that is the
    catalogs' folder, inside ``.transpub``, or in the articles folder where the configuration writes
    no Markdown (not ``[compile] markdown_dir``) and files no extract passes over (a language's folder,
    ``de/news/ferry.md``, or the source's copy, ``news/ferry.md``; not the suffix layout's names of
    translations, ``news/ferry.de.md``), or where an article of ``discovery`` would get its HTML pages
    (an HTML article without front matter, a ``.txt`` one: ``en/a.html``, ``_review/``): the next
    extract would read them as articles."""
    out = os.path.realpath(out_dir)
    articles = os.path.realpath(project.articles_dir)
    # (the suffix layout's names are translations', never articles: not the source's copies)
    harmless = project.markdown_layout == "suffix" and (out == articles or not project.copy_source)
    configured = harmless or out == os.path.realpath(project.markdown_root)
    # (where the source-language page of an HTML article would go: read by the next extract?)
    among = project.extract_reads_in(out_dir / project.locale_dir(project.source_locale) / "a.html")
    pages = [a.path for a in discovery.articles if publishes_html_page(a.path)] if among else []
    if pages:
        named = [Path(os.path.relpath(path, project.articles_dir)).as_posix() for path in pages[:3]]
        raise ConfigError(
            f"--out {project.relative(out_dir)} is {'the' if out == articles else 'inside the'} articles "
            f"folder: compile would write the HTML pages of its HTML articles "
            f"({', '.join(named)}{', …' if len(pages) > 3 else ''}) there, a folder per language, read as "
            "articles by the next extract; name a folder of its own (--out /tmp/preview)"
        )
    what = _transpubs_own(project, out)
    if what is None and not configured and (out == articles or out.startswith(articles + os.sep)):
        what = "the articles folder" if out == articles else "inside the articles folder"
    elif (
        what is None
        and project.markdown_layout != "suffix"
        and any(
            articles == os.path.realpath(os.path.join(out, project.locale_dir(locale)))
            or articles.startswith(os.path.realpath(os.path.join(out, project.locale_dir(locale))) + os.sep)
            for locale in project.locales
        )
    ):
        what = "where a language's folder is the articles folder"
    if what is None:
        return
    raise ConfigError(
        f"--out {project.relative(out_dir)} is {what}: compile would write its Markdown files there, "
        "read as articles by the next extract; name a folder of its own (--out /tmp/preview)"
    )


def _last_watched(
    before: Mapping[str, Record | None], earlier: Manifest, root: Path, slug: str, key: str
) -> bool:
    """Whether the manifest's record of the last run that compiled the article ``slug`` names the
    file at ``key`` below ``root`` (the Markdown files' folder) as one of its files (its Markdown file
    in a language, which that run may not have written: ``-l``)."""
    previous = _last_record(before, earlier, slug)
    return previous is not None and previous.hash_of(path_name(earlier.root, root / key)) is not None


def _records_name(project: Project, out_dir: Path, markdown: bool) -> str:
    """The name of this run's records in the manifest: one set for each output folder of HTML pages
    (``--out``), so that each says what compile wrote there, and a page of an article that is gone
    is removed from every folder it was compiled to, when that folder is compiled again (Markdown
    files: the record in their folder says so, see :mod:`transpub.markdown_outputs`). A folder's
    records are kept while it is missing (deleted, or a mount not there now): its pages may come back
    with it, and a run into it finds those it does not have and writes them again. Markdown output
    has records of its own, and a preview of it elsewhere (``--out``, where its HTML articles' pages
    go too) one set for each folder: it leaves the site's records as they are."""
    folder = path_name(project.root, os.path.abspath(out_dir))
    site = path_name(project.root, os.path.abspath(project.site_dir))
    if folder == site:
        return MARKDOWN_RECORDS if markdown else HTML_RECORDS
    return (_MARKDOWN_OUT_RECORDS if markdown else _OUT_RECORDS) + folder


#: The name of an ``--out`` folder's records in the manifest, before the folder's (see :func:`_records_name`).
_OUT_RECORDS = "compile "
#: The name of a Markdown ``--out`` folder's records, before the folder's (see :func:`_records_name`).
_MARKDOWN_OUT_RECORDS = MARKDOWN_RECORDS + " "


def _remove_pages_of_gone_articles(
    project: Project,
    manifest: Manifest,
    out_dir: Path,
    present: set[str],
    report: CompileReport,
    emptied: list[tuple[Path, Path]],
    *,
    markdown: bool = False,
    reviews: dict[str, str] | None = None,
    copies: dict[str, str] | None = None,
) -> None:
    """Delete the pages compile wrote for articles that are gone (in this run's shard): the pages of
    their slug in the site (``<locale folder>/<slug>.html``, every language, and their review copies;
    also those its record names at the article's other place, left for a language not compiled since it moved, see
    :func:`_remove_moved_pages`), as compile wrote them (the record says how: a page changed since,
    or one the record does not name, is a warning, and stays; one the system keeps is an error, and
    the record stays, naming the pages said left (:data:`_TOLD_LEFT`, not said again): the next run
    tries again); then forget the records (the folders
    of the pages removed go into ``emptied``, with the folder they are in). A retracted article no
    longer stays published. Nothing else is removed (the article's source and assets are in its
    record too), and nothing while the article's file is still there (left out of the articles by
    the configuration, or in a folder that could not be read).

    A record an older transpub wrote of an ``--out`` run (before each folder had records of its own,
    see :func:`_records_name`) names the pages in that folder: they are removed from there, as they
    were written, review copies too. While that folder is missing (deleted, or a mount not there now)
    what the record says of it is kept, alone, so that its pages go when it is back (see
    :func:`_record_of_folders_away`).

    ``markdown``: the records are those of Markdown output, which name the HTML pages of the HTML
    articles only (a Markdown article's page in the site is the HTML runs' to remove: no warning).
    ``reviews``: the site's review copies compile wrote (see :func:`_review_copies_written`), to which
    those the records of the gone articles name are added (any elsewhere goes with the orphan ones).
    ``copies``: to which the copies of the files their pages loaded are added (see :mod:`.unused_copies`)."""
    if not present:  # no article at all (a checkout under way, a folder misnamed): nothing is removed
        return
    for slug in sorted(manifest.slugs_besides(present)):
        record = manifest.get(slug)
        if record is None or not in_shard(slug, project.shard):
            continue
        hashes = record.hashes
        if reviews is not None:
            reviews.update(_review_copies_written(project, out_dir, [record]))
        sources = [
            path for path in (project.root / name for name in hashes) if is_file_of(path, slug, project)
        ]
        if any(path.exists() or _behind_a_broken_link(path, project.articles_dir) for path in sources):
            continue  # its file is still there (or may be: a linked folder away for a moment)
        if copies is not None:
            copies.update(no_longer_named(project.root, out_dir, record, None))
        # (and in a language dropped since from the project's locales, as its record names it)
        locales = (project.source_locale, *project.locales, *_dropped_locales(project, record.result))
        folder_index = _recorded_folder_index(project, record.files, slug)
        folders = _page_folders(project, record.files, slug, out_dir, folder_index)
        if record.result.get(_FOLDERS_AWAY):  # (this folder's pages went when the record was kept)
            folders.remove(out_dir)
        away = []
        kept = False
        told = set(record.result.get(_TOLD_LEFT, ()))  # (the pages it left, said so: not again)
        for folder in folders:
            if folder != out_dir and not os.path.isdir(folder):
                away.append(folder)
                continue
            for place in (folder_index, not folder_index):
                pages = [html_path(project, loc, slug, folder_index=place) for loc in locales]
                pages += [html_path(project, loc, slug, review=True, folder_index=place) for loc in locales]
                warn = folder == out_dir and not markdown and place == folder_index
                kept |= _remove_recorded(
                    project, hashes, folder, pages, slug, report, emptied, told, warn_unrecorded=warn
                )
        if out_dir in folders and not markdown:  # (a dropped language's folder named otherwise then)
            moved = _dropped_outputs_elsewhere(project, record.result, out_dir, locales)
            kept |= _remove_recorded(
                project, hashes, out_dir, moved, slug, report, emptied, told, warn_unrecorded=False
            )
        if kept:  # (a page the system keeps: the record stays, the next run tries again)
            if told:
                record.result[_TOLD_LEFT] = sorted(told)
                manifest.put(slug, record)
            continue
        if away:
            manifest.put(slug, _record_of_folders_away(project, record, away))
        else:
            manifest.drop(slug)


def _remove_moved_pages(
    run: CompileRun, previous: Record | None, compiled: CompiledArticle, report: CompileReport
) -> None:
    """Delete the pages and review copies of the article ``compiled`` that ``previous``, its last
    record, names where its pages no longer are: ``<slug>.html`` of an article that is its folder's
    index (compiled by an older transpub, or moved from ``guide.html`` to ``guide/index.html``),
    whose pages are ``<slug>/index.html`` now (see :func:`page_file`), or the other way round. Each
    as compile wrote it (its content as recorded): one changed since stays, with a warning (a review
    copy's said by :func:`_remove_orphan_review_copies` on a run that looks for them).

    A page (not a review copy) of a language this run does not write (``-l``: only the source's and
    the selected ones) stays published where it is, until a run of its language writes it at its
    new place: its record (``compiled.record``) keeps naming it, so that that run removes it, and
    says so (``compiled.unmoved``, reported again while the article is not compiled anew). One the
    system keeps (a folder the user may not write) is an error, and stays named in the record, which
    holds for no run: the next run compiles the article again and tries again."""
    project = run.project
    own = compiled.pages.get(project.source_locale)
    record = compiled.record
    if previous is None or own is None or record is None:
        return
    written = {project.source_locale, *run.selected}
    for locale in run.all_locales:
        for review in (False, True):
            relative = html_path(
                project, locale, compiled.slug, review=review, folder_index=not own.folder_index
            )
            name = record_name(run, relative)
            recorded = previous.hash_of(name)
            path = run.out_dir / relative
            if recorded is None or not path.is_file():
                continue
            now = html_path(project, locale, compiled.slug, review=review, folder_index=own.folder_index)
            if locale not in written and not review:  # (a review copy goes: see _remove_orphan_review_copies)
                record.files[name] = previous.files.get(name)
                record.hashes[name] = recorded
                compiled.unmoved.append((locale, project.relative(path), project.relative(run.out_dir / now)))
                continue
            # (a review copy changed since: said by _remove_orphan_review_copies, which leaves it too)
            said = review and run.indexes
            changed = functools.partial(
                _moved_page_changed, project, path, compiled.slug, run.out_dir / now, locale
            )
            done = remove_written(path, recorded, run.out_dir, report, (lambda: None) if said else changed)
            if done == "removed":
                compiled.removed_from.append(path.parent)
            elif done == "kept":
                _keep_named(previous, record, name)
    if compiled.unmoved:  # (said again on a run that finds the article unchanged)
        record.result["unmoved"] = compiled.unmoved


def _remove_pages_of_dropped_locales(
    run: CompileRun, previous: Record | None, compiled: CompiledArticle, report: CompileReport
) -> None:
    """Delete the pages and review copies of the article ``compiled`` that ``previous``, its last
    record, names in a language that is no longer among the project's locales (``[project]
    locales``: not the languages selected for this run), each as compile wrote it (its content as
    recorded): a page changed since stays, with a warning (a review copy changed since is left to
    :func:`_remove_orphan_review_copies` on a run that looks for them, which leaves it too). Its catalogs stay: the translations
    are the translators' work. One the system keeps is an error, and stays named in the record (its
    page in that language too), which holds for no run: the next run tries again."""
    project = run.project
    if previous is None or compiled.record is None:
        return
    for locale in _dropped_locales(project, previous.result):
        places = []  # (its name in the record, its path, whether a review copy)
        for review in (False, True):
            for folder_index in (False, True):
                relative = html_path(project, locale, compiled.slug, review=review, folder_index=folder_index)
                places.append((record_name(run, relative), run.out_dir / relative, review))
        output = recorded_outputs(previous.result).get(locale)
        if output is not None and run.markdown_root is None:  # (its folder: locale_dirs changed since)
            places.append((output, project.root / output, False))
        for name, path, review in dict.fromkeys(places):
            recorded = previous.hash_of(name)
            if recorded is None or not is_below(path, run.out_dir) or not path.is_file():
                continue
            if _in_a_configured_folder(project, path, run.out_dir):  # (the language renamed into it)
                continue
            said = review and run.indexes  # (a review copy changed since: see _remove_orphan_review_copies)
            changed = functools.partial(_dropped_page_changed, project, path, locale)
            done = remove_written(path, recorded, run.out_dir, report, (lambda: None) if said else changed)
            if done == "kept":
                _keep_named(previous, compiled.record, name)
                _keep_recorded_page(previous, compiled.record, locale)
            elif done == "removed":
                compiled.removed_from.append(path.parent)
                report.dropped.append((locale, project.relative(path)))


def _in_a_configured_folder(project: Project, path: Path, out_dir: Path) -> bool:
    """Whether the page at ``path`` (below ``out_dir``) is in the folder of a language among the
    project's locales, as a review copy or not: a dropped language's folder taken since by another
    (zh_CN renamed zh_Hans, ``[compile.locale_dirs] zh_Hans = "zh_CN"``) holds that one's pages."""
    parts = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(out_dir))).parts
    if parts[:1] == ("_review",):
        parts = parts[1:]
    folders = {project.locale_dir(locale) for locale in (project.source_locale, *project.locales)}
    return len(parts) > 1 and parts[0] in folders


def _keep_named(previous: Record, record: Record, name: str) -> None:
    """Keep the file ``previous`` (an article's last record) names ``name``, which the system kept
    when it was to go, named as it names it in ``record`` (the article's new one), made to hold for
    no run: the next run compiles the article again and tries again."""
    record.files[name] = previous.files.get(name)
    digest = previous.hash_of(name)
    if digest is not None:
        record.hashes[name] = digest
    failed_record(record)


def _keep_recorded_page(previous: Record, record: Record, locale: str) -> None:
    """Keep the page ``previous`` (an article's last record) keeps in ``locale`` in ``record`` (its
    new one), unless it keeps one there already: what the next run goes by to find it."""
    stored, kept = previous.result.get("pages"), record.result.setdefault("pages", [])
    if locale in recorded_outputs(record.result) or not isinstance(stored, list):
        return
    kept.extend(page for page in stored if locale in recorded_outputs({"pages": [page]}))


def _dropped_locales(project: Project, result: Mapping[str, Any]) -> list[str]:
    """The languages an article's record (its ``result``) keeps pages in that are no longer among the
    project's locales (each with a plain folder name: nothing outside the site is named)."""
    configured = (project.source_locale, *project.locales)
    dropped = []
    for locale in recorded_outputs(result):
        folder = project.locale_dir(locale)
        plain = folder not in ("", ".", "..", "_review") and "/" not in folder and "\\" not in folder
        if locale not in configured and plain:
            dropped.append(locale)
    return dropped


def _dropped_outputs_elsewhere(
    project: Project, result: Mapping[str, Any], out_dir: Path, locales: Collection[str]
) -> list[str]:
    """The pages (paths in ``out_dir``) an article's record (its ``result``) names in a language of
    ``locales`` no longer among the project's locales, where they are not by that language's folder
    now (``[compile] locale_dirs`` changed since: ``zh-cn/a.html``)."""
    configured = (project.source_locale, *project.locales)
    pages = []
    for locale, output in recorded_outputs(result).items():
        if locale in configured or locale not in locales or output is None:
            continue
        path = project.root / output
        if is_below(path, out_dir):
            relative = Path(os.path.relpath(os.path.abspath(path), os.path.abspath(out_dir))).as_posix()
            if relative.split("/", 1)[0] != project.locale_dir(locale):
                pages.append(relative)
    return pages


def _moved_page_changed(project: Project, path: Path, slug: str, now: Path, locale: str) -> Issue:
    """The warning that the page at ``path`` of the article ``slug``, whose page is at ``now`` since,
    stays: it was changed since compile wrote it."""
    why = (
        f"the page of {slug} is {project.relative(now)} now, but this one was changed since compile wrote it"
    )
    return left_as_it_is(project, path, why, locale=locale)


def _dropped_page_changed(project: Project, path: Path, locale: str) -> Issue:
    """The warning that the page at ``path``, of ``locale`` no longer among the project's locales,
    stays: it was changed since compile wrote it."""
    why = (
        f"{locale} is no longer among the project's locales, but the page was changed since compile wrote it"
    )
    return left_as_it_is(project, path, why, locale=locale)


#: What the result of a gone article's record kept (a page the system keeps) names: the pages left as
#: they are, changed since compile wrote them, said once (see :func:`_remove_pages_of_gone_articles`).
_TOLD_LEFT = "told left"

#: What the result of a record kept by :func:`_record_of_folders_away` says.
_FOLDERS_AWAY = "folders away"


def _record_of_folders_away(project: Project, record: Record, folders: list[Path]) -> Record:
    """What ``record`` (an older transpub's of a gone article's ``--out`` run, see
    :func:`_remove_pages_of_gone_articles`) says of the files in ``folders``, missing now: a record
    that holds for no run (its key empty), names no page elsewhere, and is kept until those folders
    are there again and the pages, as it names them, are removed."""
    names = [name for name in record.files if any(is_below(project.root / name, f) for f in folders)]
    hashes = record.hashes
    return Record(
        "",
        {name: record.files[name] for name in names},
        {_FOLDERS_AWAY: True},
        {name: hashes[name] for name in names if name in hashes},
    )


def _recorded_folder_index(project: Project, files: Collection[str], slug: str) -> bool:
    """Whether a record of the article ``slug`` (its ``files``) names its pages as its folder's
    index (``<folder>/<slug>/index.html``, an article ``<slug>/index.html``: see :func:`page_file`)."""
    page = "/" + html_path(project, project.source_locale, slug, folder_index=True)
    return any(name.endswith(page) for name in files)


def _page_folders(
    project: Project, files: Collection[str], slug: str, out_dir: Path, folder_index: bool = False
) -> list[Path]:
    """The folders a record of the article ``slug`` (its ``files``) names its pages in: ``out_dir``,
    and any other one an older transpub's ``--out`` run wrote them to (the folders holding both its
    source page and that page's review copy, as every run records them; ``folder_index``: its pages
    are ``<slug>/index.html``)."""
    page = html_path(project, project.source_locale, slug, folder_index=folder_index)
    review = html_path(project, project.source_locale, slug, review=True, folder_index=folder_index)
    folders = [out_dir]
    for name in files:
        if name.endswith("/" + page) and name[: -len(page)] + review in files:
            folder = project.root / name[: -len(page) - 1]
            if os.path.abspath(folder) != os.path.abspath(out_dir):
                folders.append(folder)
    return folders


def _remove_recorded(
    project: Project,
    hashes: dict[str, str],
    folder: Path,
    pages: list[str],
    slug: str,
    report: CompileReport,
    emptied: list[tuple[Path, Path]],
    told: set[str],
    *,
    warn_unrecorded: bool,
) -> bool:
    """Delete each of ``pages`` (paths in ``folder``) that is as compile wrote it (``hashes``: by
    the record's name of each file; its folder goes into ``emptied``); a page changed since is a
    warning and stays, and so is one the record does not name when ``warn_unrecorded`` (the site's:
    an older transpub's record of an ``--out`` run does not name them), each said once (``told``:
    the record's names of those said so, by an earlier run too). True when the system kept one it
    was to remove (an error in ``report``)."""
    kept = False
    for relative in pages:
        path = folder / relative
        name = path_name(project.root, path)
        if name in told or not path.is_file():
            continue
        recorded = hashes.get(name)
        if recorded is None and not warn_unrecorded:
            continue
        changed = functools.partial(_gone_page_changed, project, path, slug, recorded)
        done = remove_written(path, recorded, folder, report, changed)
        if done == "kept":
            kept = True
        elif done == "removed":
            report.removed.append(project.relative(path))
            emptied.append((path.parent, folder))
        else:
            told.add(name)
    return kept


def _gone_page_changed(project: Project, path: Path, slug: str, recorded: str | None) -> Issue:
    """The warning that the page at ``path`` of the article ``slug``, which is gone, stays: it is not
    as compile wrote it (``recorded``: the hash its record keeps, None: it names no such page)."""
    why = "was changed since compile wrote it" if recorded else "is not one compile has a record of writing"
    return left_as_it_is(project, path, f"its article {slug} is gone, but the page {why}")


def mkdocs_warnings(project: Project) -> list[Issue]:
    """The warning that the site's ``mkdocs.yml`` leaves some headings' ids unknown (their
    translations get no ``{#id}``), naming the file; none when it does not."""
    site = project.mkdocs
    if site is None or site.problem is None or site.path is None:
        return []
    return [
        Issue(
            project.relative(site.path),
            site.line,
            "heading-ids",
            f"{site.problem}: the translated headings whose MkDocs id depends on it get no {{#id}}",
            severity="warning",
        )
    ]


def mkdocs_site_warnings(project: Project, pages: list[Page]) -> list[Issue]:
    """The warning that some of ``pages`` are written into the folder the site's ``mkdocs.yml``
    builds into (its ``site_dir``, ``site/`` by default, also transpub's ``[paths] site``), which
    ``mkdocs build`` empties first; none when no page is."""
    folders = project.mkdocs_folders
    site = folders.site_dir if folders is not None else None
    if site is None or folders is None:
        return []
    if not any(page.output and Path(os.path.abspath(page.output)).is_relative_to(site) for page in pages):
        return []
    return [
        Issue(
            project.relative(site),
            None,
            "site",
            f"pages are written into the folder MkDocs builds the site into ({project.relative(folders.path)}'s "
            "site_dir), which `mkdocs build` empties first: they are lost then; set [paths] site (or "
            "[compile] markdown_dir) to another folder, or leave HTML articles out ([paths] exclude)",
            severity="warning",
        ),
    ]


def _behind_a_broken_link(path: Path, top: Path) -> bool:
    """Whether a folder below ``top`` on the way to ``path`` is a link to nothing (a mount not there now)."""
    top = Path(os.path.abspath(top))
    for folder in Path(os.path.abspath(path)).parents:
        if folder == top or not folder.is_relative_to(top):
            return False
        if folder.is_symlink() and not folder.exists():
            return True
    return False


def _review_copies_written(
    project: Project, out_dir: Path, records: Iterable[Record | None]
) -> dict[str, str]:
    """The review copies in ``out_dir`` (below ``_review/``) that ``records`` name, each with the hash
    of what compile wrote, by the record's name of each."""
    prefix = path_name(project.root, out_dir / "_review") + "/"
    found: dict[str, str] = {}
    for record in records:
        if record is not None:
            found.update((name, digest) for name, digest in record.hashes.items() if name.startswith(prefix))
    return found


def _orphan_review_copy_changed(project: Project, path: Path, dropped: bool) -> Issue:
    """The warning that the review copy at ``path``, of a language no longer among the project's
    locales (``dropped``) or of an article that is gone, stays: it is not as compile wrote it."""
    why = (
        "a language no longer among the project's locales"
        if dropped
        else "an article that is gone (or whose pages are elsewhere now)"
    )
    return left_as_it_is(project, path, f"a review copy of {why}, but this file is not as compile wrote it")


def _remove_orphan_review_copies(
    project: Project,
    out_dir: Path,
    folders: set[str],
    slugs: dict[Path, str],
    written: Mapping[str, str],
    report: CompileReport,
) -> None:
    """Delete review copies of articles or locales (by output folder) the project no longer has
    (``slugs``: the articles', by path), and those not where the article's pages are (see
    :func:`page_file`), each as compile wrote it (``written``: the hashes the last run's records keep
    of them, by the record's name of each, see :func:`_review_copies_written`).

    The rule of the pages holds for them too: one changed since (a reviewer's notes), or one compile
    has no record of writing (a file put there), stays, with a warning. Review copies are compile's
    output, not scratch files of its own: the README shows them to reviewers (``site/_review/``)
    and says nowhere that compile deletes them whatever they hold."""
    review_dir = out_dir / "_review"
    if not review_dir.is_dir():
        return
    files = {page_file(slug, is_folder_index(path, slug)) for path, slug in slugs.items()}
    # (one its article's removals tried, kept by the system or changed since: said once a run)
    said = {os.path.abspath(error.path) for error in report.errors if error.path is not None}
    said.update(
        os.path.abspath(project.root / issue.path) for issue in report.warnings if issue.check == "removed"
    )
    for folder in sorted(p for p in review_dir.iterdir() if p.is_dir()):
        confine(folder, out_dir)  # a link to a folder elsewhere: nothing in it is transpub's to remove
        for path in sorted(folder.rglob("*.html")):
            if folder.name in folders and path.relative_to(folder).as_posix() in files:
                continue
            if os.path.abspath(path) in said:
                continue
            recorded = written.get(path_name(project.root, path))
            changed = functools.partial(
                _orphan_review_copy_changed, project, path, folder.name not in folders
            )
            remove_written(path, recorded, out_dir, report, changed)
        for sub in sorted((p for p in folder.rglob("*") if p.is_dir()), reverse=True):
            if not any(sub.iterdir()):
                sub.rmdir()
        if not any(folder.iterdir()):
            folder.rmdir()
