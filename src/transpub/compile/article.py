"""Compiling one article: its pages in every language (or its Markdown files), in this process or in
a worker process."""

from __future__ import annotations

import functools
import os
from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from ..discovery import is_folder_index
from ..errors import ArticleError, CatalogError, cannot
from ..formats.document import Document
from ..formats.value_slots import value_slots
from ..fsutil import confine, confined_file, remove_file, write_if_changed
from ..manifest import Record, as_written, signature
from ..model import Coverage, Issue
from ..project import Project
from ..publication import NO_CATALOG, decide, msgids_of
from ..published_titles import title_of
from ..site import Page
from ..site_assets import ArticleAssets, asset_homes, copy_assets
from ..sources import Translation, load_article, load_translations
from .behind import catalogs_behind
from .link_targets import NOTHING_LINKED, doubled_baseurl_warnings, undated_warnings
from .links import article_path, decide_targets, page_rewrite, review_address
from .markdown import image_plan, write_markdown
from .pages import PageChrome, content_page, render_page
from .places import (
    catalog_file,
    child,
    content_file,
    html_path,
    is_absent,
    page_exists,
    place_of,
    record_name,
    review_copy_exists,
)
from .records import failed_record, remember
from .run import CompiledArticle, CompileRun, PageTitles
from .title_urls import title_url_warnings
from .titles import kept_titles, page_titles, ref_warnings, resolution

#: What :func:`compile_article` is given of one article: its path, its record's key, its slug, the
#: titles its previous record keeps, and the content hashes of the pages (and review copies) that
#: record names as compile wrote them, by the record's name of each.
ArticleTask = tuple[Path, str, str, PageTitles | None, Mapping[str, str]]


def compile_article(run: CompileRun, task: ArticleTask) -> CompiledArticle:
    """Read one article (see :data:`ArticleTask`) and its catalogs, decide its page in every locale
    and write the selected ones."""
    project, options, out_dir = run.project, run.options, run.out_dir
    source, selected, targets = project.source_locale, list(run.selected), list(run.targets)
    path, key, slug, earlier, recorded = task
    compiled = CompiledArticle(slug)
    record = Record(key)
    article = record.watch_read(project.root, path)  # what was compiled, read once
    shown_path = project.relative(path)
    try:
        document = load_article(project, path, run.reads, article, shown=shown_path, slug=slug)
    except ArticleError as exc:
        compiled.errors.append(exc)
        compiled.read = False
        return compiled
    if options.pages:  # (the index pages after sharded runs: those runs reported the article's warnings)
        compiled.warnings.extend(document.warnings)
    shown, text = document, None
    if document.for_generator and run.markdown_root is None:  # the files its HTML page loads
        text = document.render()
        shown = content_page(project, document, text)
    if not options.pages:
        assets = ArticleAssets()  # no page is written: nothing to load files for
    elif content_file(run, document):
        assets = ArticleAssets()  # its Markdown files get its images beside them (see image_plan)
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
            project.private_files(),
            article_text=text,
            homes=asset_homes(project),
        )

    catalogs: dict[str, dict[str, Translation]] = {}
    broken: dict[tuple[str, str], CatalogError] = {}
    present: set[str] = set()  # the locales whose catalog exists
    read: dict[str, bytes | None] = {}  # their bytes
    for locale in targets:
        po_file, po_path = catalog_file(run, locale, slug)
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
            from .. import catalog  # (only for MO files)

            mo_path = po_path.with_suffix(".mo")
            if catalog.write_mo(catalog.read_catalog(po_path), mo_path, include_fuzzy=options.include_fuzzy):
                compiled.mo_written.append(mo_path)

    msgids = msgids_of(document)
    values = value_slots(document)
    pages = compiled.pages
    pages[source] = Page(
        source, slug, title_of(document, {}, False)[0], Coverage(len(msgids)), True, title_locale=source
    )
    texts: dict[str, dict[str, str]] = {}
    problems: dict[str, list[tuple[str, Translation, tuple[str, str]]]] = {}
    kept: set[str] = set()  # the locales whose catalog cannot be read, with a page published before
    for locale in targets:
        page = decide(
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
            values=values,
        )
        if locale not in selected and page.published and not page_exists(run, document, locale, path, slug):
            page.published = False
            page.reason = f"not compiled yet (transpub compile -l {locale})"
        elif (locale, slug) in broken and options.pages and page_exists(run, document, locale, path, slug):
            kept.add(locale)  # nothing is lost: the page published before stays, and stays linked
            page.reason += "; the page published before is kept"
        elif locale not in present and not page.published:
            page.reason = NO_CATALOG
        pages[locale] = page
    folder_index = is_folder_index(path, slug)  # (its pages are its folder's index: see page_file)
    for page in pages.values():
        page.date = document.published
        page.folder_index = folder_index
    if run.titles is not None:  # (the titles its pages are published with, and those it names)
        titles = kept_titles(run, document, path, kept, earlier)
        compiled.titles = page_titles(document, pages, catalogs, options.include_fuzzy, titles)
        refs = document.title_refs()
        compiled.refs = [ref.value for ref in refs]
        compiled.resolved = resolution(compiled.refs, run.titles, selected)
        compiled.warnings.extend(ref_warnings(refs, run.titles, shown_path))
    if not options.pages:
        compiled.warnings.extend(catalogs_behind(run, slug, msgids, catalogs))
        compiled.warnings.extend(_pages_left_out(run, document, path, pages))
        return compiled
    for locale in selected:
        if locale in catalogs:
            compiled.warnings.extend(
                _refusal_warnings(project, pages[locale], problems[locale], read[locale])
            )
    if project.has_permalinks and run.markdown_root is not None and document.for_generator:
        warned, compiled.title_urls = title_url_warnings(
            project, document, path, slug, pages, catalogs, read, selected, options.include_fuzzy
        )
        compiled.warnings.extend(warned)
    links = run.links
    found: dict[str, str] = {}  # by each link's URL, the other article it leads to
    shown_in = [loc for loc in selected if pages[loc].published]
    if links is not None:  # (with Markdown output, an HTML article's page links to none)
        compiled.linked, compiled.links_resolved = [], NOTHING_LINKED
        links.published.setdefault(slug, frozenset([*shown_in, *kept]))  # (for the pages linking to it)
        if options.review:  # (where its review copies are, for the review copies linking to it)
            links.reviewed.setdefault(slug, frozenset(_readable(selected, present, broken, slug)))
    if content_file(run, document):
        if run.record is not None:
            outputs = run.record.view()
            images = image_plan(project, document, path, [source, *selected], options)
            if links is not None:
                compiled.linked, found = links.linked(project, document, slug)
                _follow_links(run, compiled, found, shown_in, shown_path, slug)
                compiled.warnings.extend(undated_warnings(links, slug, shown_path))
                compiled.warnings.extend(links.unruled_warnings(project, document, shown_in, shown_path))
            if article is not None and project.jekyll_baseurl:
                source_text = article.decode("utf-8", "replace")
                compiled.warnings.extend(doubled_baseurl_warnings(project, shown_path, source_text))
            compiled.warnings.extend(images.warnings)
            write_markdown(
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
                titles=None if run.titles is None else run.titles.by_locale,
                links=run.links,
            )
            compiled.output_changes, compiled.emptied = outputs.changes, outputs.emptied
            if not compiled.errors:
                record.watch(project.root, *images.watched)
                compiled.record = remember(run, path, slug, assets, compiled, record, markdown=outputs)
    else:
        if links is not None and links.pages_at is not None:
            compiled.linked, found = links.page_links(document, article_path(project, path), slug)
            _follow_links(run, compiled, found, shown_in, shown_path)
        written = _write_pages(
            run,
            document,
            slug,
            pages,
            catalogs,
            texts,
            broken,
            present,
            assets,
            compiled,
            kept,
            found,
            recorded,
        )
        compiled.record = remember(run, path, slug, assets, compiled, record, written, recorded=recorded)
        if compiled.errors:  # not compiled as a whole: compiled again next time, its pages still known
            compiled.record = failed_record(compiled.record)
    return compiled


def _follow_links(
    run: CompileRun,
    compiled: CompiledArticle,
    found: Mapping[str, str],
    shown_in: list[str],
    shown: str,
    own: str | None = None,
) -> None:
    """Where each article the links of ``compiled`` (the article ``own``'s) lead to (``found``, by
    link) is published, decided once in this process (``own``'s titles too where a relative link
    is followed from its URL); remembered in its record (a change compiles it again) and said
    for each language of ``shown_in`` (its published pages) where one is not (see :mod:`.links`)."""
    links = run.links
    assert links is not None and compiled.linked is not None
    relative = own is not None and any(links.relative_key(run.project, url, own) for url in found)
    decide_targets(run, [*found.values(), *([own] if relative and own is not None else [])])
    compiled.links_resolved = links.resolution(compiled.linked, run.selected, review=run.options.review)
    compiled.warnings.extend(links.warnings(run.project, found, shown_in, shown))


def _write_pages(
    run: CompileRun,
    document: Document,
    slug: str,
    pages: dict[str, Page],
    catalogs: dict[str, dict[str, Translation]],
    shown: dict[str, dict[str, str]],
    broken: dict[tuple[str, str], CatalogError],
    present: Collection[str],
    assets: ArticleAssets,
    compiled: CompiledArticle,
    kept: Collection[str] = (),
    found: Mapping[str, str] | None = None,
    recorded: Mapping[str, str] | None = None,
) -> dict[str, tuple[Path | str, bytes]]:
    """Write (or remove) the pages of one article in the source and the selected locales; the
    file and content of each page (and review copy) written or already as it should be, by its
    path in the site. ``kept``: the locales whose page is left as it is (and linked), its catalog
    unreadable; ``found``: by each link's URL, the other article it leads to (a link to one not
    published in a page's language leads to its source-language page). A page (or review copy) no
    longer published is removed as compile wrote it (``recorded``: see :data:`ArticleTask`); one
    changed since, or not compile's, stays, with a warning (see :func:`remember`)."""
    recorded = recorded or {}
    project, options, out_dir = run.project, run.options, run.out_dir
    source, selected, targets = project.source_locale, list(run.selected), list(run.targets)
    linked = [loc for loc in run.all_locales if pages[loc].published or loc in kept]
    folder_index = pages[source].folder_index
    reviewed = [loc for loc in targets if _has_review_copy(run, loc, slug, folder_index, broken, present)]
    chrome = PageChrome(project, document, slug, linked, folder_index)
    written: dict[str, tuple[Path | str, bytes]] = {}
    for locale in [source, *selected]:
        page = pages[locale]
        compiled.listed.append(page)
        relative = html_path(project, locale, slug, folder_index=folder_index)
        place, name = place_of(run, relative)
        output = confined_file(place[0], name, out_dir)  # as confine(out_dir / relative, out_dir)
        review_relative = html_path(project, locale, slug, review=True, folder_index=folder_index)
        entries = catalogs.get(locale, {})
        if locale != source and locale not in reviewed:
            if not is_absent(run, review_relative):  # no catalog (any more), or a broken one
                review_path = confine(out_dir / review_relative, out_dir)
                if review_path.is_file():
                    gone = f"the {locale} catalog of {slug} is gone or cannot be read"
                    _remove_own(run, recorded, review_relative, review_path, compiled, gone, locale)
        elif locale != source and options.review:
            review_path = confine(out_dir / review_relative, out_dir)
            review_html = render_page(
                project,
                document,
                locale,
                slug,
                entries,
                [source, *reviewed],
                options,
                assets,
                review=True,
                rewrite_url=(  # (its links within the site's folder, or to the published pages: see .links)
                    page_rewrite(project, run.links, locale, slug, found or {}, review=True)
                    if run.links is not None
                    else functools.partial(review_address, project, locale)
                ),
                folder_index=folder_index,
            )
            data = review_html.encode("utf-8")
            try:
                if write_if_changed(review_path, data, durable=False, new=is_absent(run, review_relative)):
                    compiled.review_written.append(review_path)
                written[review_relative] = review_path, data
            except OSError as exc:  # (the other pages are still written)
                compiled.errors.append(cannot("write", review_path, exc))
        absent = is_absent(run, relative)  # (a first run: no page to look at, compare or remove)
        exists = not absent and os.path.isfile(output)
        if locale != source and (page.published or locale in kept) != exists:
            compiled.stale.update(loc for loc in targets if loc not in selected and pages[loc].published)
        if not page.published:
            withdrawn = child(place[1], name)
            gone = f"the {locale} page of {slug} is not published"
            if exists and locale not in kept:
                if _remove_own(run, recorded, relative, withdrawn, compiled, gone, locale):
                    compiled.withdrawn[locale] = withdrawn
            continue
        html = render_page(
            project,
            document,
            locale,
            slug,
            entries,
            linked,
            options,
            assets,
            review=False,
            chrome=chrome,
            shown=shown.get(locale, {}),
            machine=page.machine > 0,
            unreviewed=page.unreviewed > 0,
            rewrite_url=(
                page_rewrite(project, run.links, locale, slug, found)
                if found and run.links is not None and locale != source
                else None
            ),
            folder_index=folder_index,
        )
        data = html.encode("utf-8")
        try:
            page.written = write_if_changed(output, data, durable=False, new=absent)
        except OSError as exc:  # a folder it may not write (the page before stays whole), a full disk
            compiled.errors.append(cannot("write", output, exc))
            continue
        page.output = child(place[1], name)
        written[relative] = output, data
    return written


def _remove_own(
    run: CompileRun,
    recorded: Mapping[str, str],
    relative: str,
    path: Path,
    compiled: CompiledArticle,
    gone: str,
    locale: str,
) -> bool:
    """Remove the page (or review copy) at ``relative`` in the site (its file ``path``) as compile
    wrote it (``recorded``: the hashes of what it wrote, by the record's name of each file): one
    changed since, or one compile has no record of writing, stays, with a warning saying why it
    would go (``gone``). True when it was removed."""
    expected = recorded.get(record_name(run, relative))
    if not as_written(path, expected):
        compiled.warnings.append(
            Issue(
                run.project.relative(path),
                None,
                "removed",
                f"left as it is: {gone}, but this file is not as compile wrote it; delete it if it should go",
                locale=locale,
                severity="warning",
            )
        )
        return False
    return _remove(run.out_dir, path, compiled)


def _remove(out_dir: Path, path: Path, compiled: CompiledArticle) -> bool:
    """Remove a page no longer published (only inside ``out_dir``; its folder, perhaps emptied now,
    is noted in ``compiled``); one the system keeps is an error (False)."""
    try:
        if remove_file(path, out_dir):
            compiled.removed_from.append(path.parent)
    except OSError as exc:
        compiled.errors.append(cannot("remove", path, exc))
        return False
    return True


def _refusal_warnings(
    project: Project,
    page: Page,
    problems: list[tuple[str, Translation, tuple[str, str]]],
    data: bytes | None,
) -> list[Issue]:
    """One warning per translation whose placeholders or template tokens do not match its source,
    and per translation a value keeps its source for (``problems``: as :func:`decide` found them
    for ``page``, their lines perhaps not counted: see :func:`~transpub.sources.load_translations`;
    ``data``: the catalog's bytes, read again with the lines then). A page not published is warned
    about too, saying so: the translator fixes it before it is."""
    if not problems:
        return []
    locale, slug = page.locale, page.slug
    outcome = (
        "the source text is published instead"
        if page.published
        else f"the {locale} page is not published ({page.reason}): once it is, the source text is "
        "published there instead"
    )
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
            f"{problem[1]}; {outcome}",
            locale=locale,
            severity="warning",
            msgid=msgid,
        )
        for msgid, entry, problem in problems
    ]


def _readable(
    locales: Iterable[str],
    present: Collection[str],
    broken: Mapping[tuple[str, str], CatalogError],
    slug: str,
) -> list[str]:
    """The ``locales`` whose catalog of the article ``slug`` exists (``present``) and reads (not
    ``broken``): those a ``--review`` run writes its review copy in."""
    return [loc for loc in locales if loc in present and (loc, slug) not in broken]


def _has_review_copy(
    run: CompileRun,
    locale: str,
    slug: str,
    folder_index: bool,
    broken: dict[tuple[str, str], CatalogError],
    present: Collection[str],
) -> bool:
    """Whether ``_review/<locale>/<slug>.html`` (``<slug>/index.html`` for a ``folder_index``
    article) exists after this run (for the review copies' switchers; ``present``: the locales
    whose catalog of the article exists)."""
    if locale in run.selected:
        if not _readable([locale], present, broken, slug):
            return False
        if run.options.review:
            return True
    return review_copy_exists(run, locale, slug, folder_index)


def _pages_left_out(
    run: CompileRun, document: Document, article: Path, pages: dict[str, Page]
) -> list[Issue]:
    """``compile --indexes``: the pages a sharded run wrote that this run, with other options
    (``--include-fuzzy``, ``--threshold``), would not publish, and the pages it would publish that
    are not in the site (a shard's pages not put there), so that its index pages leave them out."""
    if content_file(run, document):
        return []
    issues = []
    for locale, decided in pages.items():
        if decided.published and not page_exists(run, document, locale, article, decided.slug):
            decided.published = False
            decided.reason = "not in the site"
            issues.append(
                Issue(
                    run.project.relative(
                        run.out_dir
                        / html_path(run.project, locale, decided.slug, folder_index=decided.folder_index)
                    ),
                    None,
                    "indexes",
                    "a page to publish that is not in the site: the index pages leave it out; put every "
                    "shard's pages (and catalogs) in place before `transpub compile --indexes`",
                    locale,
                    "warning",
                )
            )
    for locale in run.selected:
        page = pages.get(locale)
        if page is None or page.published or not page_exists(run, document, locale, article, page.slug):
            continue
        issues.append(
            Issue(
                run.project.relative(
                    run.out_dir / html_path(run.project, locale, page.slug, folder_index=page.folder_index)
                ),
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
