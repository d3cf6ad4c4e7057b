"""``--format markdown``: the localized Markdown files for a static-site generator, their images, and
the removal of the files of articles or languages gone."""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Callable, Collection, Mapping
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..discovery import Discovery, in_shard, slug_for
from ..errors import ArticleError, TranspubError, cannot
from ..formats.document import Document, Resolution, Slot
from ..formats.html_jsonld import IN_LANGUAGE, write_json_string
from ..locales import SPACELESS_LANGUAGES, bcp47_tag, language_of
from ..manifest import Manifest, Record, path_name
from ..markdown_outputs import RECORD_NAME, OutputConflict, OutputRecord, Recorded
from ..model import Issue, counted
from ..project import Project
from ..published_titles import usable
from ..site import Page
from ..sources import Translation, read_options
from .aliases import localized_aliases
from .pages import page_language
from .polyglot import keeps_lang, names_language, page_permalink, with_front_values, with_lang
from .polyglot_languages import defaults_give_lang, misread_language
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
    permalink = page_permalink(project, article) if project.markdown_layout != "suffix" else None
    added = {} if permalink is None else {"permalink": permalink}  # (polyglot pairs the languages by it)
    with_lang_line = names_language(project, article)  # (polyglot reads no language from its path)
    lang_given = keeps_lang(project, article)  # (its lang: en would make a translation English)
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
                    project, document, locale, catalogs.get(locale, {}), options, named, links, slug
                )
                says = with_lang_line or (not lang_given and defaults_give_lang(project, output))
                data = with_front_values(
                    data, {**added, **({"lang": project.locale_dir(locale)} if says else {})}
                )
                if lang_given:
                    data = with_lang(data, project.locale_dir(locale))
            page.output = output
            page.written = record.write(output, data, locale, slug)
            report.copies[locale] = _copy_images(
                project, record, images, output, locale, slug, read, report, project.relative(article)
            )
        except (TranspubError, OSError) as exc:
            action = "write" if page.published else "remove"
            report.errors.append(exc if isinstance(exc, TranspubError) else cannot(action, output, exc))
            page.output = None
    translated = [locale for locale in locales if locale != source and pages[locale].written]
    if translated and project.markdown_layout == "polyglot":
        report.warnings.extend(misread_language(project, article, translated[0]))


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
            document.render(), shown, read_options(project, article), html=document.format != "markdown"
        )
    except ArticleError:  # (read once already: the reader reported it)
        return ImagePlan()
    return plan_images(
        references,
        article,
        outputs,
        project.articles_dir,
        project.root,
        shown,
        project.private_files(),
        project.article_suffixes,
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
            key = record.key(copy.target)
            if (
                project.markdown_layout == "polyglot"
                and project.markdown_copy_source(key, locale, record.root) is None
            ):
                # (a post's ../images/a.png, from _posts/es/: in _posts/, where no file of es is)
                raise TranspubError(
                    f"in no folder of {locale}'s files: that file keeps the reference as written"
                )
            data = read.get(copy.source)
            if data is None:
                data = read[copy.source] = copy.source.read_bytes()
            if key not in keys and record.copy(copy.target, data, locale, slug) is not None:
                keys.append(key)
        except (TranspubError, OSError) as exc:
            from ..markdown_assets import INCLUDE_RELATIVE, without_copy  # (loaded by image_plan already)

            why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            report.warnings.append(
                Issue(
                    shown,
                    copy.reference.line,
                    "images",
                    f"{copy.reference.what} {copy.reference.url!r}: cannot copy it to "
                    f"{project.relative(copy.target)} ({why})"
                    + (
                        f": {without_copy(copy.reference)}" if copy.reference.what == INCLUDE_RELATIVE else ""
                    ),
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
    own: str | None = None,
) -> bytes:
    """The Markdown article in ``locale``: each unit's usable translation, else its source (no markup
    added), with root-relative links rewritten by ``[compile.links]``, a translated heading's id
    kept by ``[compile] heading_ids``, and a value naming a page by its title written as ``titles``
    says that page is titled in ``locale`` (a link to an article ``links`` has not published in
    ``locale``: as written; a relative one to an article, from the URL of the page of ``own``), a
    JSON-LD ``inLanguage`` naming the source's language naming ``locale``, and Hugo's aliases with a
    leading slash in ``locale``'s folder (:func:`~.aliases.localized_aliases`). An HTML file without
    front matter (which Hugo copies as it is) says its language and charset as a page compile makes."""

    def resolve(slot: Slot) -> Resolution:
        entry = entries.get(slot.msgid)
        if usable(slot, entry, options.include_fuzzy):
            assert entry is not None
            return Resolution(text=entry.text)
        return Resolution()

    language = page_language(document, locale) if document.format == "html" else []
    for tag, attributes in language:  # (an HTML file Hugo copies as it is: the page's language)
        tag.extra_attributes = attributes
    try:
        text = document.render(
            resolve,
            join_sentences=language_of(locale) in SPACELESS_LANGUAGES,
            rewrite_url=(
                (lambda url: project.localized_link(url, locale))
                if links is None
                else links.rewrite(project, locale, own)
            ),
            heading_ids=project.heading_ids,
            titles=titles,
            inserts={IN_LANGUAGE: write_json_string(bcp47_tag(locale))},
        )
    finally:
        for tag, _ in language:
            tag.extra_attributes = {}
    return localized_aliases(project, text, locale).encode("utf-8")


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
    last_run: Callable[[str], Mapping[str, Any] | None] = lambda slug: None,
    last_watched: Callable[[str, str], bool] = lambda slug, key: False,
    told_before: Callable[[Mapping[str, list[str]]], set[str]] = lambda left: set(),
) -> None:
    """Remove the Markdown files compile wrote for articles that are gone, or that now go elsewhere
    (an article renamed ``.markdown``, or made a page bundle), for the locales of this run (and its
    shard), and the image copies no file uses any more; then save the record.

    The record is committed with the files and shared, so it is not trusted to say what compile
    wrote: a file it names is removed only where the current configuration has compile write the
    article's file in that language (:meth:`~transpub.project.Project.markdown_article_at`, the
    article's name giving the slug the record says) or a copy of its images
    (:meth:`~transpub.project.Project.markdown_copy_source`, while that image is gone or holds the
    copy's bytes: a localized image put by hand in its place has others), or where this machine's
    manifest says the last run wrote it for that article and language (``last_run``: the result of
    the article's last record, signed here, never shared): so the files of an earlier ``[compile]
    layout`` or locale folder go after the change, as long as the manifest knows them. Without it (a
    fresh checkout, a cache of another machine's), a file by another layout's name stays: the record
    does not say
    which layout wrote a file, and such a name may be one the user wrote (Hugo's ``about.es.md``
    beside folders by language). A file is not removed either while a file of its article is left
    in the articles folder (one left out by ``[paths] exclude`` keeps its files, as its HTML pages
    are kept). Any name refused (a hand-written ``es/_index.md``, another language's file, ``../``)
    stays where it is, is no longer recorded, and the record is named in one warning. The file of a
    gone article, or one its article's file no longer goes to, that is not as compile wrote it (edited,
    or written by hand in its place) stays too, no longer recorded, with one warning naming it (as a
    gone article's HTML page would) and where the article's file in that language goes now.

    The files of a language no longer among the project's locales (``[project] locales``, whatever
    ``locales`` this run writes) go too, those of the articles of this run (and shard) read now or
    gone: where this machine's manifest says the last run wrote them (``last_run``, or ``last_watched``:
    whether the article's last record names the file at a record's name), each as written (one
    changed since stays, with a warning said at each run while it is there); those the manifest does
    not know stay (the record alone is not trusted: a fresh checkout), with one warning for each
    language, not said again while they are the same files (``told_before``: given them by language,
    the languages whose files an earlier run here said it left, every one; it remembers them).

    ``documents``: the articles read (or known unchanged) in this run, with their files' names in the
    record when known; ``copies``: the image copies each of their files uses, by locale."""
    record.prune()  # the folders the articles' removals emptied (every worker is done)
    present = {article.slug for article in discovery.articles} | discovery.refused
    articles = {os.path.abspath(article.path) for article in discovery.articles}
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
    left: dict[str, bool] = {}
    refused: list[str] = []
    unknown: dict[str, list[str]] = {}  # a dropped language's files no manifest here says compile wrote
    configured = (project.source_locale, *project.locales)

    def still_there(slug: str) -> bool:
        """Whether a file of the article ``slug``, not found as an article, is in the articles folder."""
        if slug not in left:
            left[slug] = _article_file_left(project, slug)
        return left[slug]

    def compiled_now(slug: str) -> bool:
        """Whether this run read the article ``slug``, or found it gone (its file not left)."""
        return slug in documents if slug in present else not still_there(slug)

    def still_uses(user: tuple[str, str], key: str) -> bool:
        locale, slug = user
        if not in_shard(slug, project.shard):
            return True  # not this run's to decide
        if locale not in locales:  # (a language no longer configured: not if its article is not read now)
            return locale in configured or not compiled_now(slug)
        if slug in present and ((locale, slug) not in expected or copies.get(slug) is None):
            return True  # an article that could not be read (or whose copies are not known): kept
        if slug not in present and still_there(slug):
            return True  # left out of the articles, its file still there: not gone
        return key in used.get(user, ())

    def copied(key: str, entry: Recorded, user: tuple[str, str]) -> bool:
        """Whether compile copies an image at ``key`` for the file of ``user`` (its locale, article)."""
        locale, slug = user
        if _named_last(last_run(slug), "copies", locale, key):
            return True
        source = project.markdown_copy_source(key, locale, root)
        return source is not None and _copy_of(project.articles_dir / source, entry.sha256)

    def refuse(key: str) -> None:
        """Leave the file ``key`` names (no file compile writes there), no longer recorded."""
        record.forget(key)
        refused.append(key)

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
            if users == entry.users or (not users and never_ours(key)):  # (none left: it is removed)
                continue
            if not users and _copy_of_a_renamed_language(project, key, entry.users):
                continue  # (the configured language's run takes it over)
            if not users and not any(copied(key, entry, user) for user in entry.users):
                refuse(key)
            else:
                try:
                    record.release(key, users)
                except (TranspubError, OSError) as exc:
                    report.errors.append(
                        exc if isinstance(exc, TranspubError) else cannot("remove", root / key, exc)
                    )
            continue
        if not in_shard(entry.slug, project.shard):
            continue
        if entry.locale not in locales:
            if entry.locale not in configured and compiled_now(entry.slug):  # (see _remove_dropped)
                if os.path.abspath(root / key) in articles or (
                    not project.dropped_translation_name(key, entry.slug)
                    and not _configured_name(project, key, root)
                ):
                    refuse(key)  # (no name of a file of its: ../, another article's, an article itself)
                    continue
                if _remove_dropped(project, record, key, entry, root, report, last_run, last_watched):
                    unknown.setdefault(entry.locale, []).append(project.relative(root / key))
            continue
        if entry.slug in present and (entry.locale, entry.slug) not in expected:
            continue  # an article that could not be read this time: its files stay
        if expected.get((entry.locale, entry.slug)) == key or never_ours(key):
            continue
        if not _writes_page(project, key, entry, root) and not _named_last(
            last_run(entry.slug), "markdown", entry.locale, key
        ):
            refuse(key)
            continue
        if entry.slug not in present and still_there(entry.slug):
            continue  # left out of the articles (or not readable as one now), its file still there
        try:
            removed = record.remove(root / key)
        except OutputConflict:  # (edited since, or written by hand in its place: the user's own now)
            record.forget(key)
            now = expected.get((entry.locale, entry.slug))
            report.warnings.append(
                _left_warning(project, root, key, entry, now, gone=entry.slug not in present)
            )
            continue
        except TranspubError as exc:
            report.errors.append(exc)
            continue
        if removed and entry.slug not in present:  # (as an HTML page of a gone article is reported)
            report.removed.append(project.relative(root / key))
    if refused:
        report.warnings.append(_refused_warning(project, record, refused))
    told = told_before(unknown) - {locale for locale, _ in report.dropped}  # (a change: said again)
    report.warnings.extend(
        _unknown_warning(locale, files) for locale, files in unknown.items() if locale not in told
    )
    try:
        record.save()
    except (TranspubError, OSError) as exc:
        report.errors.append(exc if isinstance(exc, TranspubError) else cannot("write", record.path, exc))


def _remove_dropped(
    project: Project,
    record: OutputRecord,
    key: str,
    entry: Recorded,
    root: Path,
    report: CompileReport,
    last_run: Callable[[str], Mapping[str, Any] | None],
    last_watched: Callable[[str, str], bool],
) -> bool:
    """Remove the file at ``key``, recorded as the file of ``entry``'s article in its language, no
    longer among the project's locales, where this machine's manifest says compile wrote it and
    it is as written (then reported); else it stays, recorded while it is there, with a warning, or,
    where the manifest does not know it, True for the caller's (:func:`_unknown_warning`) (a
    translation, not an article: see :meth:`~transpub.project.Project.discover`). (The
    manifest decides, not :meth:`~transpub.project.Project.compile_never_writes`, which knows the
    configured languages only: a translation beside its article, ``a.fr.md``, is no longer one.)"""
    path = root / key
    shown = project.relative(path)
    locale = entry.locale
    if not path.is_file():  # (deleted by hand)
        record.forget(key)
        return False
    if _configured_name(project, key, root):
        return False  # the name of a configured language's file (zh_CN renamed zh_Hans, its folder kept)
    if not (_named_last(last_run(entry.slug), "markdown", locale, key) or last_watched(entry.slug, key)):
        return True
    try:
        removed = record.remove(path)
    except OutputConflict:
        report.warnings.append(_dropped_warning(shown, locale, "the file was changed since compile wrote it"))
        return False
    except (TranspubError, OSError) as exc:
        report.errors.append(exc if isinstance(exc, TranspubError) else cannot("remove", path, exc))
        return False
    if removed:
        report.dropped.append((locale, shown))
    return False


def _configured_name(project: Project, key: str, root: Path) -> bool:
    """Whether compile writes a file of a language among the project's locales at ``key``."""
    configured = (project.source_locale, *project.locales)
    return any(project.markdown_article_at(key, locale, root) is not None for locale in configured)


def _copy_of_a_renamed_language(project: Project, key: str, users: Collection[tuple[str, str]]) -> bool:
    """Whether the image copy at ``key``, used by ``users`` (locale, article) all of languages no
    longer among the project's locales, is in a configured language's folder (directory layout): a
    language renamed, its folder kept (zh_CN now zh_Hans, ``[compile.locale_dirs] zh_Hans =
    "zh_CN"``), whose file shows it. It stays until that language's run copies or releases it."""
    configured = (project.source_locale, *project.locales)
    if project.markdown_layout == "suffix" or any(locale in configured for locale, _ in users):
        return False
    return key.split("/", 1)[0] in {project.locale_dir(locale) for locale in configured}


def _dropped_warning(shown: str, locale: str, why: str) -> Issue:
    """The warning that the file ``shown``, of ``locale`` no longer among the project's locales,
    stays (``why``)."""
    return Issue(
        shown,
        None,
        "removed",
        f"left as it is: {locale} is no longer among the project's locales, but {why}; delete it if it "
        "should go",
        locale=locale,
        severity="warning",
    )


#: The name (and locale) under which the manifest keeps, as a record of no article, the files of
#: languages no longer among the project's locales that a run said it left in a Markdown folder (see
#: :func:`told_before`), followed by that folder's name.
_TOLD = "dropped files told "


def told_before(manifest: Manifest, root: Path, shard: bool, left: Mapping[str, list[str]]) -> set[str]:
    """The languages of ``left`` (a language no longer among the project's locales -> its files this
    run leaves in the Markdown folder ``root``, no manifest here saying compile wrote them) whose
    every file an earlier run here said it left; ``manifest`` then remembers ``left`` (a ``shard``'s
    run: with the files of the other shards' articles it had)."""
    name = _TOLD + path_name(manifest.root, root)
    stored = manifest.get("", name)
    said = stored.result.get("left") if stored is not None else None
    earlier = {
        locale: set(files)
        for locale, files in (said.items() if isinstance(said, dict) else ())
        if isinstance(files, list)
    }
    told = {locale for locale, files in left.items() if set(files) <= earlier.get(locale, set())}
    now = {locale: set(files) for locale, files in left.items()}
    if shard:
        for locale, files in earlier.items():
            now[locale] = now.get(locale, set()) | files
    if now != earlier:
        if now:
            manifest.put(
                "", Record("", result={"left": {k: sorted(v) for k, v in sorted(now.items())}}), name
            )
        else:
            manifest.drop("", name)
    return told


def _unknown_warning(locale: str, files: list[str]) -> Issue:
    """The one warning that ``files`` (named from the project's folder), of ``locale`` no longer among
    the project's locales, stay: this machine has no record of compile writing them.

    >>> print(_unknown_warning("fr", ["content/fr/a.md", "content/fr/news/b.md"]).location)
    content/fr
    >>> print(_unknown_warning("fr", ["content/fr/a.md", "content/fr/news/b.md"]).message)
    2 files left as they are (a.md, news/b.md): fr is no longer among the project's locales, but this machine has no record of compile writing them; delete them if they should go
    """
    if len(files) == 1:
        return _dropped_warning(files[0], locale, "this machine has no record of compile writing it")
    folder = posixpath.commonpath(files) or "."
    names = [posixpath.relpath(name, folder) for name in sorted(files)]
    named = first_named(names)
    return Issue(
        folder,
        None,
        "removed",
        f"{counted(len(files), 'file')} left as they are ({named}): {locale} is no longer among the "
        "project's locales, but this machine has no record of compile writing them; delete them if they "
        "should go",
        locale=locale,
        severity="warning",
    )


def _left_warning(
    project: Project, root: Path, key: str, entry: Recorded, now: str | None, *, gone: bool
) -> Issue:
    """The warning that the file at ``key`` below ``root``, recorded as ``entry``'s, stays, no longer
    recorded: it is not as compile wrote it, and its article is ``gone``, or has its file in that
    language at the record's name ``now`` instead (None: no file in it)."""
    if gone:
        where = "is gone"
    elif now is None:
        where = f"has no {entry.locale} file now"
    else:
        where = f"is now compiled to {project.relative(root / now)}"
    return Issue(
        project.relative(root / key),
        None,
        "removed",
        f"left as it is, no longer recorded as compile's: its article {entry.slug} {where}, but this "
        "file is not as compile wrote it; delete it if it should go",
        locale=entry.locale,
        severity="warning",
    )


def _writes_page(project: Project, key: str, entry: Recorded, root: Path) -> bool:
    """Whether compile, configured as it is, writes the file of ``entry``'s article in its language
    at ``key`` (see :meth:`~transpub.project.Project.markdown_article_at`)."""
    article = project.markdown_article_at(key, entry.locale, root)
    return article is not None and slug_for(article) == entry.slug


def _named_last(result: Mapping[str, Any] | None, kind: str, locale: str, key: str) -> bool:
    """Whether ``result``, an article's last compile as the manifest records it, names ``key`` as its
    file in ``locale`` (``kind`` "markdown") or as a copy that file used ("copies").

    >>> last = {"markdown": {"es": "posts/a.es.md"}, "copies": {"es": ["posts/a.png"]}}
    >>> _named_last(last, "markdown", "es", "posts/a.es.md"), _named_last(last, "copies", "es", "posts/a.png")
    (True, True)
    >>> _named_last(last, "markdown", "de", "posts/a.es.md"), _named_last(None, "markdown", "es", "x")
    (False, False)
    """
    named = None if result is None else result.get(kind)
    if not isinstance(named, dict):
        return False
    found = named.get(locale)
    return found == key if kind == "markdown" else isinstance(found, list) and key in found


def _copy_of(source: Path, sha256: str) -> bool:
    """Whether a copy of ``source`` may hold the bytes of digest ``sha256``: ``source`` holds them, or
    is gone (deleted with its article). An image there with other bytes is the one a file of that
    name beside a translation replaces (a localized image put there by hand), not its copy."""
    try:
        data = source.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return True
    except OSError:
        return False
    return hashlib.sha256(data).hexdigest() == sha256


def _article_file_left(project: Project, slug: str) -> bool:
    """Whether the articles folder holds a file of the article ``slug`` (``<slug>.md``, a bundle's
    ``<slug>/index.md``, any article suffix): one not found as an article (left out by ``[paths]
    exclude``, refused) is no article gone. A folder that cannot be listed may hold one: True."""
    parts = slug.split("/")
    if any(part in ("", ".", "..") for part in parts):
        return False
    folder = project.articles_dir.joinpath(*parts[:-1])
    for place, stem in ((folder, parts[-1]), (folder / parts[-1], "index")):
        try:
            names = os.listdir(place)
        except (FileNotFoundError, NotADirectoryError):
            continue
        except OSError:
            return True
        for name in names:
            named = PurePosixPath(name)
            if named.stem == stem and named.suffix.lower() in project.article_suffixes:
                return True
    return False


#: How many of the names a record gives wrongly one warning names.
_NAMED = 5


def first_named(names: list[str]) -> str:
    """The first of ``names`` that one warning names, and how many more.

    >>> first_named(["a", "b"]), first_named([str(n) for n in range(7)])
    ('a, b', '0, 1, 2, 3, 4 and 2 more')
    """
    more = f" and {len(names) - _NAMED} more" if len(names) > _NAMED else ""
    return ", ".join(names[:_NAMED]) + more


def _refused_warning(project: Project, record: OutputRecord, keys: list[str]) -> Issue:
    """The one warning naming the record whose ``keys`` name no file compile writes."""
    named = first_named(keys)
    if len(keys) == 1:
        said = f"{named}, named in it as compile's file, is not where compile writes the file of its"
        left = "it stays as it is, no longer recorded (if compile wrote it with an earlier layout, delete it"
    else:
        said = (
            f"{counted(len(keys), 'file')} named in it as compile's ({named}) are not where compile "
            "writes the files of their"
        )
        left = "they stay as they are, no longer recorded (if compile wrote them with an earlier layout, delete them"
    return Issue(
        project.relative(record.path),
        None,
        "outputs",
        f"not removed: {said} article and language ([compile] layout and locale folders as set now): "
        f"{left} by hand)",
        severity="warning",
    )
