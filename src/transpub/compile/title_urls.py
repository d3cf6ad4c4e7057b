"""A translated title that makes a page's URL: on a Hugo site whose permalink for a section holds
``:title`` (or ``:slug``, for a page without a ``slug`` of its own), Hugo 0.111 makes each
language's URL of a page of it from that language's title (``[compile.permalinks] posts =
"/:title/"``: the Spanish "Noticias del puerto" at ``/es/noticias-del-puerto/``), as the site asks.

A translation can make that URL one another page has, and Hugo publishes that page there and the
article nowhere, silently (titled ``Posts``: ``/es/posts/``, the section's list; ``!!!``:
``/es/``, the home page), or one in another folder (``a/b``, ``../x``), or one another page's
title makes in that language (two posts titled "Noticias": Hugo publishes one of them, which one
varies from build to build). Compile warns of each, naming the title's catalog entry (the last
once all articles are compiled, from their records' URLs too: :func:`shared_url_warnings`); it
publishes the translation as it is (the page keeps its translated title and its localized URL:
see README, "A page's URL from its translated title").
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath

from ..formats.document import Document
from ..formats.value_slots import source_title
from ..model import Issue
from ..page_front_matter import page_front_matter
from ..project import Project
from ..published_titles import permalink_setting
from ..site import Page
from ..sources import Translation, load_translations, translation_line
from ..url_names import page_url_style, title_token, url_name
from .links import published_url, ugly_page
from .permalinks import page_sections, titled_url, url_page
from .run import TitledUrl
from .titles import translated_title

#: The front matter keys that decide a page's URL.
_URL_KEYS = ("slug", "url")

#: How a ``:slug`` pattern's page gets the same URL in every language.
_OR_SLUG = ", or give the source page a slug of its own (transpub writes it in every language)"

#: Hugo's default taxonomies: a list page at ``/tags/``, a page of each term below it.
_TAXONOMIES = ("tags", "categories")


def title_url_warnings(
    project: Project,
    document: Document,
    path: Path,
    slug: str,
    pages: Mapping[str, Page],
    catalogs: Mapping[str, Mapping[str, Translation]],
    read: Mapping[str, bytes | None],
    locales: list[str],
    include_fuzzy: bool,
) -> tuple[list[Issue], dict[str, TitledUrl] | None]:
    """One warning for each published page of ``locales`` of the article ``slug`` at ``path`` whose
    translated front matter ``title`` makes its URL one of another page of the site, or one in
    another folder than its source's (``read``: each catalog's bytes, read again for its lines where
    they were not counted); and the URL each other published page's title makes, by locale, for
    :func:`shared_url_warnings` (None: its pattern makes no URL of its title)."""
    slot = next((slot for slot in document.slots() if slot.kind == "title"), None)
    relative = PurePosixPath(path.relative_to(project.articles_dir).as_posix())
    section = relative.parts[0] if len(relative.parts) > 1 else None
    patterns = {loc: project.permalinks_in(loc).get(section or "") for loc in locales}
    if (
        slot is None
        or relative.stem == "_index"
        or not any(title_token(p or "", False) for p in patterns.values())
    ):
        return [], None  # (most pages: no title in their URL, and no front matter read again)
    front = page_front_matter(path, _URL_KEYS) or {}
    own_slug = bool(str(front.get("slug") or "").strip())
    if front.get("url"):
        return [], None
    style = page_url_style(project.page_urls, project.heading_ids)
    page = url_page(
        relative, "", path, front, page_sections(relative, _sections(project.articles_dir, relative)),
        style == "hugo-unaccented",
    )  # fmt: skip
    untitled = source_title(document)
    issues = []
    urls: dict[str, TitledUrl] = {}
    for locale in locales:
        entries = catalogs.get(locale)
        pattern = patterns[locale] or ""
        token = title_token(pattern, own_slug)
        source = titled_url(pattern, page, untitled) if token is not None else None
        if not entries or not pages[locale].published or source is None:
            continue
        title = translated_title(document, entries, include_fuzzy)
        url = titled_url(pattern, page, title) if title is not None else None
        ugly = ugly_page(project, relative, front, locale)
        if title is None or url is None or url == source:
            urls[locale] = (published_url(source, ugly), title or untitled, slot.msgid, False)
            continue
        why = _taken(project, url, relative, style, project.permalinks_in(locale), (locale, ugly))
        if why is None and url.count("/") != source.count("/"):
            was = published_url(source, ugly_page(project, relative, front, project.source_locale))
            why = f"a folder {'deeper' if url.count('/') > source.count('/') else 'higher'} than the source page's ({was})"
        url = published_url(url, ugly)
        if why is None:
            urls[locale] = (url, title, slot.msgid, True)
            continue
        folder = project.url_folder(locale)
        issues.append(
            Issue(
                project.relative(project.catalog_path(locale, slug)),
                _line(project.catalog_path(locale, slug), slot.msgid, entries, read.get(locale)),
                "links",
                f'the translated title "{title}" makes the {locale} page\'s URL {folder}{url} '
                f'({permalink_setting(project, locale, relative.parts[0])} = "{pattern}": Hugo makes it of the title), '
                f"{why}; translate the title otherwise{_OR_SLUG if token == ':slug' else ''} (see README, "
                '"A page\'s URL from its translated title")',
                locale=locale,
                severity="warning",
                msgid=slot.msgid,
            )
        )
    return issues, urls


def shared_url_warnings(
    project: Project, articles: Iterable[tuple[str, Mapping[str, TitledUrl] | None]]
) -> list[Issue]:
    """One warning for each URL the titles of two pages or more of one language make (``articles``:
    each article's slug and its pages' :data:`TitledUrl`, in the order compile reports them), one of
    them a translation's, not its source title's: at the first such title's catalog entry, naming
    the others' (Hugo publishes one of the pages there, which one varies from build to build, and
    the others nowhere)."""
    sharing: dict[tuple[str, str], list[tuple[str, TitledUrl]]] = {}
    for slug, urls in articles:
        for locale, titled in (urls or {}).items():
            sharing.setdefault((locale, titled[0]), []).append((slug, titled))
    issues = []
    for (locale, url), found in sharing.items():
        translated = [at for at, (_, titled) in enumerate(found) if titled[3]]
        if len(found) < 2 or not translated:
            continue  # (a URL of its own, or the source's: the source site has them alike too)
        slug, (_, title, msgid, _) = found[translated[0]]
        catalog = project.catalog_path(locale, slug)
        others = ", ".join(
            f'"{other[1]}" ({_entry(project, project.catalog_path(locale, name), other[2])})'
            for at, (name, other) in enumerate(found)
            if at != translated[0]
        )
        section = PurePosixPath(slug).parts[0]
        pattern = project.permalinks_in(locale).get(section, "")
        two = len(found) == 2
        issues.append(
            Issue(
                project.relative(catalog),
                translation_line(catalog, msgid),
                "links",
                f'the translated title "{title}" makes the {locale} page\'s URL /{project.url_dir(locale)}{url} '
                f'({permalink_setting(project, locale, section)} = "{pattern}": Hugo makes it of the title), '
                f"the URL of the {locale} page{'' if two else 's'} titled {others} too: Hugo publishes one of the "
                f"{'two' if two else len(found)} pages there (which one varies from build to build) and the "
                f"other{'' if two else 's'} nowhere, without a word; translate one of the titles otherwise "
                '(see README, "A page\'s URL from its translated title")',
                locale=locale,
                severity="warning",
                msgid=msgid,
            )
        )
    return issues


def _entry(project: Project, catalog: Path, msgid: str) -> str:
    """The catalog entry of ``msgid`` in ``catalog`` as a warning names it (``file:line``)."""
    line = translation_line(catalog, msgid)
    shown = project.relative(catalog)
    return shown if line is None else f"{shown}:{line}"


def _line(
    catalog: Path,
    msgid: str,
    entries: Mapping[str, Translation] | None,
    data: bytes | None,
) -> int | None:
    """The line of the entry of ``msgid`` in ``catalog`` (counted again from its bytes, ``data``,
    where ``entries`` do not have it)."""
    entry = (entries or {}).get(msgid)
    if entry is not None and entry.line is not None:
        return entry.line
    if data is None:
        return None
    again = load_translations(catalog, "", data)
    found = again.get(msgid)
    return None if found is None else found.line


def _taken(
    project: Project,
    url: str,
    own: PurePosixPath,
    style: str,
    patterns: Mapping[str, str],
    ugly: tuple[str, bool],
) -> str | None:
    """Which other page Hugo publishes at ``url`` (a folder's, after the language's folder), if one
    is known: the home page, a taxonomy's pages, a section's list, a page of the articles folder at
    that path (as its folders and file name make it: see :func:`.links.article_url`; not one of a
    section ``patterns``, the language's permalinks, publish elsewhere); one only where Hugo
    publishes it as ``….html`` in the language as it does the page or not (``ugly``: the language,
    and whether it does the page: see :func:`.links.ugly_page`)."""
    if url == "/":
        return _SHARED.format("the home page")
    parts = url.strip("/").split("/")
    locale, own_ugly = ugly
    if parts[0] in _TAXONOMIES and project.ugly_url(locale, parts[0]) != own_ugly:
        return None  # (the page at /tags.html, the taxonomy's at /tags/, or the other way round)
    if parts[0] in _TAXONOMIES:
        return f"a URL of Hugo's pages of the taxonomy {parts[0]}: the page is nowhere on the site"
    folder = project.articles_dir
    for at, part in enumerate(parts):
        names = _names(folder, style)
        last = at == len(parts) - 1
        if part in names and names[part].is_dir():
            folder = names[part]
            continue
        found = names.get(part) if last else None
        if found is None or not found.is_file() or found.name.startswith("_index."):
            return None
        relative = PurePosixPath(found.relative_to(project.articles_dir).as_posix())
        if relative == own or relative.parts[0] in patterns or page_front_matter(found, _URL_KEYS):
            return None
        if ugly_page(project, relative, {}, locale) != own_ugly:
            return None
        return f"the URL of the page of {project.relative(found)}, which Hugo publishes there: one of them is nowhere on the site"
    section = folder.relative_to(project.articles_dir).as_posix()
    if project.ugly_url(locale, section.split("/")[0]) != own_ugly:
        return None
    if any(folder.glob("index.*")):
        return f"the URL of the page of {project.relative(folder)}/, which Hugo publishes there: one of them is nowhere on the site"
    return _SHARED.format(f"the list page of the section {section}")


#: What the warning says of a URL a translated title shares with a page of Hugo's own: Hugo 0.111
#: publishes one of the two there, mostly its own (the post won in 1 to 3 of 40 builds), the other
#: nowhere, without a word.
_SHARED = (
    "the URL of {}, which Hugo publishes there (now and then the page instead, one build to the next): "
    "one of them is nowhere on the site"
)


def _names(folder: Path, style: str) -> dict[str, Path]:
    """The folders and Markdown and HTML files in ``folder`` by their names in a URL (a file's
    without its suffix)."""
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return {}
    found: dict[str, Path] = {}
    for entry in entries:
        name, suffix = os.path.splitext(entry.name)
        if entry.is_dir():
            found.setdefault(url_name(entry.name, style).lower(), Path(entry.path))
        elif suffix.lower() in (".md", ".markdown", ".html", ".htm"):
            found.setdefault(url_name(name, style).lower(), Path(entry.path))
    return found


def _sections(articles: Path, relative: PurePosixPath) -> set[str]:
    """The folders above the article at ``relative`` that are sections (that hold an ``_index`` page)."""
    return {
        parent.as_posix()
        for parent in relative.parents
        if parent.parts and any((articles / parent).glob("_index.*"))
    }
