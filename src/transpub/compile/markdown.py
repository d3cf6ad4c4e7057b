"""``--format markdown``: the localized Markdown files for a static-site generator, their images, and
the removal of the files of articles or languages gone."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from ..discovery import Discovery, in_shard
from ..errors import ArticleError, TranspubError, cannot
from ..formats.document import Document, Resolution, Slot
from ..locales import language_of
from ..markdown_outputs import RECORD_NAME, OutputConflict, OutputRecord
from ..model import Issue
from ..project import Project
from ..site import Page
from ..sources import Translation, read_options
from .decide import SPACELESS_LANGUAGES, usable
from .run import CompiledArticle, CompileOptions, CompileReport

if TYPE_CHECKING:
    from ..markdown_assets import ImagePlan
    from .link_targets import LinkTargets


def load_record(root: Path, report: CompileReport) -> OutputRecord | None:
    """The record of the Markdown files written under ``root``; None (an error reported) when damaged."""
    try:
        return OutputRecord.load(root)
    except TranspubError as exc:
        report.errors.append(exc)
        return None


def write_markdown(
    project: Project,
    document: Document,
    article: Path,
    locales: list[str],
    pages: dict[str, Page],
    catalogs: dict[str, dict[str, Translation]],
    options: CompileOptions,
    record: OutputRecord,
    report: CompiledArticle,
    images: ImagePlan,
    kept: Collection[str] = (),
    *,
    titles: Mapping[str, Mapping[str, str]] | None = None,
    links: LinkTargets | None = None,
) -> None:
    """Write the localized Markdown of one article in ``locales`` (the source as a copy, when wanted)
    and the copies of the images each file needs, or remove it where the page is not published;
    conflicts with files compile did not write are errors. ``titles``: by locale, the title each page
    is published with by its source title, written where the front matter names a page by its title;
    ``links``: the articles links lead to (a link to one not published in a page's language is written
    as the source has it)."""
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
                if locale not in kept and record.remove(output):  # (kept: its catalog cannot be read)
                    report.withdrawn[locale] = output
                continue
            if locale == source:
                data = article.read_bytes()
            else:
                named = None if titles is None else titles.get(locale)
                data = _localized_markdown(
                    project, document, locale, catalogs.get(locale, {}), options, named, links
                )
            page.output = output
            page.written = record.write(output, data, locale, slug)
            report.copies[locale] = _copy_images(
                project, record, images, output, locale, slug, read, report, project.relative(article)
            )
        except (TranspubError, OSError) as exc:
            action = "write" if page.published else "remove"
            report.errors.append(exc if isinstance(exc, TranspubError) else cannot(action, output, exc))
            page.output = None


def image_plan(
    project: Project, document: Document, article: Path, locales: list[str], options: CompileOptions
) -> ImagePlan:
    """The image copies the Markdown files of ``article`` in ``locales`` need (none when every file
    is in the article's folder: its references lead where they lead from the article)."""
    # markdown-it: only for Markdown output (a run of HTML articles never imports it)
    from ..formats.md_files import file_references
    from ..markdown_assets import ImagePlan, plan_images

    outputs = [
        output for locale in locales if (output := project.markdown_path(locale, article, options.out_dir))
    ]
    if all(output.parent == article.parent for output in outputs):
        return ImagePlan()
    shown = project.relative(article)
    try:
        references = file_references(
            document.render(), shown, read_options(project, article), html=document.format == "html-content"
        )
    except ArticleError:  # (read once already: the reader reported it)
        return ImagePlan()
    return plan_images(
        references, article, outputs, project.articles_dir, project.root, shown, project.private_files()
    )


def _copy_images(
    project: Project,
    record: OutputRecord,
    images: ImagePlan,
    output: Path,
    locale: str,
    slug: str,
    read: dict[Path, bytes],
    report: CompiledArticle,
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
    titles: Mapping[str, str] | None = None,
    links: LinkTargets | None = None,
) -> bytes:
    """The Markdown article in ``locale``: each unit's usable translation, else its source (no markup
    added), with root-relative links rewritten by ``[compile.links]``, a translated heading's id
    kept by ``[compile] heading_ids``, and a value naming a page by its title written as ``titles``
    says that page is titled in ``locale`` (a link to an article ``links`` has not published in
    ``locale``: as written)."""

    def resolve(slot: Slot) -> Resolution:
        entry = entries.get(slot.msgid)
        if usable(slot, entry, options.include_fuzzy):
            assert entry is not None
            return Resolution(text=entry.text)
        return Resolution()

    return document.render(
        resolve,
        join_sentences=language_of(locale) in SPACELESS_LANGUAGES,
        rewrite_url=(
            (lambda url: project.localized_link(url, locale))
            if links is None
            else links.rewrite(project, locale)
        ),
        heading_ids=project.heading_ids,
        titles=titles,
    ).encode("utf-8")


def markdown_keys(
    project: Project, record: OutputRecord, article: Path, locales: list[str], root: Path
) -> dict[str, str | None]:
    """The record's name for the Markdown file of ``article`` in each of ``locales`` (None: no file)."""
    keys: dict[str, str | None] = {}
    for locale in locales:
        wanted = project.markdown_path(locale, article, root)
        keys[locale] = None if wanted is None else record.key(wanted)
    return keys


def remove_stale_markdown(
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
            keys = markdown_keys(project, record, article.path, locales, root)
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

    def never_ours(key: str) -> bool:
        """Whether ``key`` is a file compile never writes (the record was edited): then forgotten."""
        if not project.compile_never_writes(root / key, root):
            return False
        record.forget(key)
        report.errors.append(
            OutputConflict(
                f"not removed: compile writes nothing here, yet {RECORD_NAME} names it as its file (the "
                "record was edited); it is no longer recorded",
                root / key,
            )
        )
        return True

    for key, entry in sorted(record.entries().items()):
        if entry.users:
            users = tuple(user for user in entry.users if still_uses(user, key))
            if users != entry.users and (users or not never_ours(key)):  # (none left: it is removed)
                try:
                    record.release(key, users)
                except (TranspubError, OSError) as exc:
                    report.errors.append(
                        exc if isinstance(exc, TranspubError) else cannot("remove", root / key, exc)
                    )
            continue
        if entry.locale not in locales or not in_shard(entry.slug, project.shard):
            continue
        if entry.slug in present and (entry.locale, entry.slug) not in expected:
            continue  # an article that could not be read this time: its files stay
        if expected.get((entry.locale, entry.slug)) == key or never_ours(key):
            continue
        try:
            removed = record.remove(root / key)
        except TranspubError as exc:
            report.errors.append(exc)
            continue
        if removed and entry.slug not in present:  # (as an HTML page of a gone article is reported)
            report.removed.append(project.relative(root / key))
    try:
        record.save()
    except (TranspubError, OSError) as exc:
        report.errors.append(exc if isinstance(exc, TranspubError) else cannot("write", record.path, exc))
