"""The titles pages name each other by (``[extract.front_matter] title_refs``: just-the-docs'
``parent: Customization``): the title each page is published with in each language, and what a page
naming one writes there.

A theme finds a page's parent by comparing the child's ``parent`` with every page's ``title``, exactly.
Each article has its own catalog, so the two would be translated apart (or one not at all, or the
parent held back below the threshold): compile writes in the child the title the named page is
published with in that language instead, its source title where that page is not published
translated. A page kept from before, its catalog unreadable, is published with the title its
article's previous record says it had, else (a first or ``--full`` run) the title the page itself has.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping
from pathlib import Path

from ..errors import ArticleError, CatalogError
from ..formats import read_article
from ..formats.document import Document, TitleRef
from ..formats.value_slots import source_title
from ..manifest import make_key
from ..model import Issue
from ..publication import decide, msgids_of
from ..published_titles import title_of
from ..site import Page
from ..sources import Translation, load_article, load_translations, read_options
from .places import catalog_file, markdown_path, page_exists
from .run import CompileRun, PageTitles, Titles


def translated_title(
    document: Document, entries: Mapping[str, Translation], include_fuzzy: bool
) -> str | None:
    """The value the front matter ``title`` of ``document`` is written with from ``entries``, when a
    translation is written there (None: its source): the page title as compile publishes it
    (:func:`~transpub.published_titles.title_of`), when the title is a front matter value."""
    slot = next((slot for slot in document.slots() if slot.kind == "title"), None)
    if slot is None or slot.ref != "front-matter/title":
        return None  # (a heading, or none: no front matter title to name the page by)
    title, translated = title_of(document, entries, include_fuzzy)
    entry = entries.get(slot.msgid)
    return title if translated and entry is not None and entry.text != slot.msgid else None


def page_titles(
    document: Document,
    pages: Mapping[str, Page],
    catalogs: Mapping[str, Mapping[str, Translation]],
    include_fuzzy: bool,
    kept: Mapping[str, str] | None = None,
) -> PageTitles:
    """The titles of ``document`` (see :data:`PageTitles`), its ``pages`` decided from ``catalogs``
    (by locale: a page not published, or whose catalog cannot be read, is published as the source);
    ``kept``: the titles of its pages kept from before (catalog unreadable), by locale (see
    :func:`kept_titles`)."""
    translated: dict[str, str] = {}
    for locale, page in pages.items():
        entries = catalogs.get(locale)
        if not page.published or entries is None:
            continue
        title = translated_title(document, entries, include_fuzzy)
        if title is not None:
            translated[locale] = title
    source = source_title(document)
    for locale, title in (kept or {}).items():
        if locale not in translated and title != source:
            translated[locale] = title
    return source, translated


def kept_titles(
    run: CompileRun, document: Document, article: Path, kept: Collection[str], earlier: PageTitles | None
) -> dict[str, str]:
    """The titles the pages of ``document`` (the article at ``article``) kept from before in the
    locales ``kept`` (their catalogs unreadable) are published with: as the article's previous
    record (``earlier``) says, else (no record: a first or ``--full`` run) as the page has it, by
    locale; a page whose title cannot be known is left out (named by its source title)."""
    found: dict[str, str] = {}
    for locale in kept:
        title = earlier[1].get(locale) if earlier is not None else None
        if not isinstance(title, str):
            title = published_title(run, document, locale, article)
        if title is not None:
            found[locale] = title
    return found


def published_title(run: CompileRun, document: Document, locale: str, article: Path) -> str | None:
    """The front matter title the Markdown file of ``document`` (the article at ``article``) in
    ``locale`` has on disk, as :func:`~transpub.formats.value_slots.source_title` reads it; None when
    it has none (an HTML page: no front matter) or cannot be read."""
    if run.markdown_root is None or not document.for_generator:
        return None
    path = markdown_path(run.project, locale, article, run.markdown_root)
    try:
        page = read_article(path, read_options(run.project, article), display_path=run.project.relative(path))
    except ArticleError:
        return None
    if not any(slot.kind == "title" and slot.ref == "front-matter/title" for slot in page.slots()):
        return None
    return source_title(page)


def decide_titles(run: CompileRun, task: tuple[Path, str, PageTitles | None]) -> PageTitles | None:
    """The titles of the article (path, slug, the titles its previous record keeps) in every target
    language, decided as compile decides its pages (its catalogs, the threshold, a page kept from
    before where its catalog cannot be read) without writing anything; None when it cannot be read."""
    path, slug, earlier = task
    decided = decided_pages(run, path, slug)
    if decided is None:
        return None
    document, pages, catalogs, kept = decided
    return page_titles(
        document,
        pages,
        catalogs,
        run.options.include_fuzzy,
        kept_titles(run, document, path, kept, earlier),
    )


#: An article's pages as compile decides them without writing: its document, its pages by locale
#: (those whose catalog reads), those catalogs, and the locales whose page is kept from before.
Decided = tuple[Document, dict[str, Page], dict[str, dict[str, Translation]], list[str]]


def decided_pages(run: CompileRun, path: Path, slug: str) -> Decided | None:
    """The pages of the article ``slug`` at ``path`` in every target language, decided as compile
    decides them (its catalogs, the threshold; a locale whose catalog cannot be read, with a page
    published before, is kept), without writing anything; None when it cannot be read."""
    project, options = run.project, run.options
    try:
        document = load_article(project, path, run.reads, shown=project.relative(path), slug=slug)
    except ArticleError:
        return None  # (its compile reports it)
    msgids = msgids_of(document)
    pages: dict[str, Page] = {}
    catalogs: dict[str, dict[str, Translation]] = {}
    kept: list[str] = []
    for locale in run.targets:
        try:
            _, po_path = catalog_file(run, locale, slug)
            catalogs[locale] = load_translations(po_path, "", lines=False)
        except (CatalogError, OSError):
            if page_exists(run, document, locale, path, slug):
                kept.append(locale)  # (its compile keeps the page published before: see the README)
            continue
        pages[locale] = decide(
            project, document, locale, slug, catalogs[locale], None, options, msgids=msgids
        )
    return document, pages, catalogs, kept


def title_map(titles: Iterable[PageTitles], locales: Iterable[str]) -> Titles:
    """The titles of a project's pages (``titles``: each page's) in ``locales``, by source title."""
    wanted = list(locales)
    found = Titles({locale: {} for locale in wanted}, set(), set())
    for source, translated in titles:
        first = source not in found.known
        found.known.add(source)
        for locale in wanted:
            title = translated.get(locale, source)
            if first:
                found.by_locale[locale][source] = title
            elif found.by_locale[locale][source] != title:
                found.ambiguous.add(source)
    for source in found.ambiguous:
        for locale in wanted:
            found.by_locale[locale][source] = source
    return found


def resolution(refs: Iterable[str], titles: Titles, locales: Iterable[str]) -> str:
    """A digest of what a page whose title references hold ``refs`` writes for them in ``locales``
    and whether it is warned about them (a record compares it: a named page's new title compiles the
    page again)."""
    wanted = list(locales)
    return make_key(
        [
            [
                ref,
                ref in titles.known,
                ref in titles.ambiguous,
                [titles.by_locale[loc].get(ref) for loc in wanted],
            ]
            for ref in refs
        ]
    )


def ref_warnings(refs: Iterable[TitleRef], titles: Titles, shown: str) -> list[Issue]:
    """A warning for each title reference of an article (``shown``) that names no page, or pages
    published under different titles: written as the source writes it."""
    issues = []
    for ref in refs:
        if ref.value in titles.ambiguous:
            why = (
                "names pages that share this title and are published under different titles in some language"
            )
        elif ref.value not in titles.known:
            why = "names no page: no article has this title"
        else:
            continue
        issues.append(
            Issue(
                shown,
                ref.line,
                "title-refs",
                f"front matter {ref.key} {ref.value!r} {why}; written as the source has it",
                severity="warning",
            )
        )
    return issues
