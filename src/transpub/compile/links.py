"""Links between articles: a link to an article that is not published in the page's language leads
to the source-language page, in HTML pages and in localized Markdown (``[compile.links]``).

An HTML page's link to another article's page (relative, ``../sport/b.html``, found from the
article's path in the articles folder, whose folders the site's mirror; or root-relative to its
source-language page, ``/en/sport/b.html``) would lead to no page while that article is held back
in the page's language: a relative link leads to its source-language page instead (``../en/b.html``
from ``de/a.html``; on another host than the source's, absolute there: see
:func:`~transpub.site.language_href`), a root-relative one stays as written (not rewritten by
``[compile.links]``; on another host, it names the source's), with a warning; the run that publishes it compiles the linking pages again, and their links are
written as the source has them (or as the rules rewrite them).

A static-site generator has no page for a translation compile did not write: Hugo publishes none at
``/es/posts/harbour/`` while the harbour post is held back in Spanish (below the publish threshold),
so a Spanish page's link there would be broken. Such a link is written as the source writes it (the
English page), with a warning; once the target is published, the next run compiles the linking
page again (its record keeps which articles it links to and whether each was published) and the
rule rewrites the link.

A link's target is found by its URL: an article's URL is the one a generator gives it by default,
its path in the articles folder without its suffix (a bundle's ``index.md``, a section's
``_index.md``: its folder), the last part replaced by its front matter ``slug`` when it sets one,
or its front matter ``url``, after ``[compile] source_url_prefix`` (``/en``: a source language in
a folder of its own, Hugo's ``defaultContentLanguageInSubdir``); in a section of
``[compile.permalinks]``, the URL its pattern makes (see :mod:`.permalinks`: a link under a
pattern that cannot be read back is left as written). A link no article has this URL for is
rewritten by the rules as before. A link to an article is written where Hugo publishes it in the
page's language, rule or no rule, in a language with permalinks of its own
(``[compile.permalinks.<locale>]``) and where its pattern holds its title, by the title it has in
that language (see :class:`OwnUrls`). A relative link (``../the-harbour/``) to an article is found
from the linking page's URL, and written from that page's URL in the language to the article's
there (see :meth:`.link_targets.LinkTargets.relative_key`; not on a Jekyll site).

On a Jekyll site, a link whose destination is a Liquid tag naming an article's file (``{% link
en/harbour.md %}``, ``{% post_url en/2024-01-05-harbour %}``) names the file of the page's language
where that article is published in it, with rules or without (jekyll-polyglot leaves the source
file out of a language's build): see :meth:`.link_targets.LinkTargets.localized_tag`.
"""

from __future__ import annotations

import functools
import glob
import os
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from ..discovery import is_folder_index
from ..formats.document import RewriteUrl
from ..model import split_url
from ..page_front_matter import page_front_matter
from ..project import Project
from ..site import language_href, page_file, site_address, site_href
from ..url_names import page_url_style, title_token, url_name
from .jekyll_urls import (
    JEKYLL_URL_KEYS,
    dated_at_build,
    default_values,
    document_urls,
    jekyll_urls,
    with_defaults,
)
from .link_targets import LinkTargets, liquid_names, url_path
from .places import catalog_file, html_path
from .run import CompileRun, PageTitles
from .titles import decide_titles, decided_pages

#: The front matter keys that decide a page's URL (see :func:`article_url`).
_URL_KEYS = ("slug", "url")


def article_url(
    relative: PurePosixPath, front: Mapping[str, Any] | None, prefix: str = "", style: str = "path"
) -> str | None:
    """The URL a generator gives by default the article at ``relative`` in the articles folder, whose
    front matter is ``front`` (see the module's docstring), after ``prefix`` (the source language's
    folder: not before a ``url`` of its own from the site's root), its folders', file's and slug's
    names as ``style`` writes them (see :func:`.url_names.url_name`; Hugo's slug as written, a
    ``url`` as written); None for one it cannot be told of.

    >>> article_url(PurePosixPath("posts/harbour.md"), None), article_url(PurePosixPath("posts/a/index.md"), {})
    ('/posts/harbour/', '/posts/a/')
    >>> article_url(PurePosixPath("posts/_index.md"), None), article_url(PurePosixPath("index.md"), None)
    ('/posts/', '/')
    >>> article_url(PurePosixPath("posts/x.md"), {"slug": "y"}), article_url(PurePosixPath("x.md"), {"url": "news"})
    ('/posts/y/', '/news/')
    >>> article_url(PurePosixPath("x.md"), {"url": "news"}, "/en"), article_url(PurePosixPath("x.md"), {"url": "/x"}, "/en")
    ('/en/news/', '/x/')
    >>> article_url(PurePosixPath("Odd Folder/Mixed Name!.md"), None), article_url(PurePosixPath("A B/x.md"), {"slug": "My Slug!"}, "", "hugo")
    ('/odd folder/mixed name!/', '/a-b/my-slug/')
    >>> article_url(PurePosixPath("posts/v1.2-release.md"), None)  # (a folder's URL, dot or not)
    '/posts/v1.2-release/'
    >>> article_url(PurePosixPath("posts/x.md"), {"slug": " A "}, "", "hugo")  # (Hugo's slug as written)
    '/posts/-a-/'
    """
    front = front or {}
    url = front.get("url")
    if isinstance(url, str) and url.strip():
        url = url.strip()
        return url_path(url if url.startswith("/") else f"{prefix}/{url}")
    parts = list(relative.with_suffix("").parts)
    if parts and parts[-1] in ("index", "_index"):
        parts.pop()
    slug = front.get("slug")
    if isinstance(slug, str) and style == "path":
        slug = slug.strip()  # (Hugo takes it as written, spaces at its ends too)
    if isinstance(slug, str) and slug and parts and relative.stem not in ("_index",):
        parts[-1] = slug
    if style != "path":
        parts = [url_name(part, style) for part in parts]
    return url_path(prefix + "/" + "".join(f"{part}/" for part in parts))


def link_map(run: CompileRun, articles: Iterable[tuple[Path, str]]) -> LinkTargets:
    """The :class:`LinkTargets` of ``articles`` (path, slug), none decided yet: for HTML pages by
    their paths in the articles folder, for localized Markdown by their URLs."""
    project = run.project
    slugs: dict[str, str] = {}
    paths: dict[str, Path] = {}
    if run.markdown_root is None:  # HTML pages: the site's folders mirror the articles folder
        folder = os.fspath(project.articles_dir) + os.sep
        for path, slug in articles:
            paths[slug] = path
            # its page's path (a link to a folder: guide/ for guide/index.md, whose page is guide/index.html)
            slugs.setdefault(page_file(slug, is_folder_index(path, slug)), slug)
            name = os.fspath(path)
            if name.startswith(folder) and os.sep == "/":  # (article_path, without a call: thousands)
                slugs.setdefault(name[len(folder) :], slug)
            else:
                slugs.setdefault(article_path(project, path), slug)
        return LinkTargets(slugs, paths, {}, source_pages_at(project))
    found = None
    style = page_url_style(project.page_urls, project.heading_ids)
    if project.permalinks:
        from .permalinks import page_sections, permalinks  # (only for [compile.permalinks])

        found = permalinks(project.permalinks, unaccented=style == "hugo-unaccented")
    prefix = project.source_url_prefix
    pages = [
        (path, slug, PurePosixPath(path.relative_to(project.articles_dir).as_posix()))
        for path, slug in articles
    ]
    sections = {relative.parent.as_posix() for _, _, relative in pages if relative.stem == "_index"}
    if style == "jekyll":
        tags: dict[str, str] = {}
        undated: dict[str, str] = {}
        jekyll_links(project, pages, slugs, tags, undated)
        return LinkTargets(
            slugs, {slug: path for path, slug, _ in pages}, {}, prefix=prefix, liquid=tags, undated=undated
        )
    copied: set[str] = set()
    for path, slug, relative in pages:
        paths[slug] = path
        if copied_as_is(project, path):  # (at its file's name: see OwnUrls)
            slugs.setdefault(url_path(f"{prefix}/{relative}"), slug)
            copied.add(slug)
            continue
        front = page_front_matter(path, _URL_KEYS)
        if found is not None and not (front or {}).get("url"):
            if found.add(relative, slug, path, front, page_sections(relative, sections)):
                continue
        url = article_url(relative, front, prefix, style)
        if url is not None:
            slugs.setdefault(url, slug)
    urls = OwnUrls(project, paths, frozenset(sections), frozenset(copied))
    made = project.locale_permalinks or project.ugly_urls or (found is not None and found.titled)
    return LinkTargets(
        slugs,
        paths,
        {},
        permalinks=found,
        prefix=prefix,
        own_url=urls if made else None,
        page_url=urls,
        ugly=project.source_locale if project.ugly_urls.get(project.source_locale) else None,
        copied=frozenset(copied),
    )


def copied_as_is(project: Project, path: Path) -> bool:
    """Whether Hugo copies the article at ``path`` as it is, at its file's name in the folder of the
    language its content file is in: an HTML file without front matter (with Markdown output, see
    :func:`.places.content_file`)."""
    return (
        project.hugo_builds and path.suffix.lower() in (".html", ".htm") and page_front_matter(path) is None
    )


@dataclass
class OwnUrls:
    """Where an article is in a language whose URLs compile makes itself rather than by a
    ``[compile.links]`` rule: one with permalinks of its own (``[compile.permalinks.<locale>]``),
    and, in every language, a section whose pattern holds a page's title (``:title``; ``:slug`` of
    a page without a slug), which is translated: by the title each page is published with there
    (:attr:`titles`, decided for the articles linked to: see :func:`decide_targets`); and any
    article's URL in any language, the source's too, for relative links (not on a Jekyll site). An object,
    not a function: a worker process that is not forked is handed it pickled."""

    project: Project
    paths: Mapping[str, Path]
    sections: frozenset[str]
    #: The articles Hugo copies as they are (see :func:`copied_as_is`): at their files' names.
    copied: frozenset[str] = frozenset()
    #: By slug, the titles an article is published with (see :func:`.titles.page_titles`; None: it
    #: cannot be read), for those whose pattern holds a title.
    titles: dict[str, PageTitles | None] = field(default_factory=dict)
    _pages: dict[str, tuple[PurePosixPath, dict[str, Any]]] = field(default_factory=dict)
    _urls: dict[tuple[str, str], str | None] = field(default_factory=dict)

    def _page(self, slug: str) -> tuple[PurePosixPath, dict[str, Any]]:
        """The article's path in the articles folder, and its front matter's ``slug`` and ``url``."""
        if slug not in self._pages:
            path = self.paths[slug]
            relative = PurePosixPath(path.relative_to(self.project.articles_dir).as_posix())
            self._pages[slug] = relative, page_front_matter(path, _URL_KEYS) or {}
        return self._pages[slug]

    def pattern(self, slug: str, locale: str) -> str | None:
        """The permalink pattern of the article in ``locale`` (None: its default URL, or its own ``url``)."""
        relative, front = self._page(slug)
        if len(relative.parts) < 2 or relative.stem == "_index" or front.get("url") or slug in self.copied:
            return None
        return self.project.permalinks_in(locale).get(relative.parts[0])

    def titled(self, slug: str, locale: str) -> bool:
        """Whether the article's pattern in ``locale`` holds a title (see :func:`~transpub.url_names.title_token`)."""
        pattern = self.pattern(slug, locale)
        return pattern is not None and title_token(pattern, False) is not None

    def follows(self, slug: str, locale: str) -> bool:
        """Whether compile makes the article's URL in ``locale`` (else a rule does, if any): where
        the language has permalinks of its own, its pattern holds its title, or it is published as
        ``….html`` in one of the language and the source but not the other (``[compile.ugly_urls]``)."""
        return (
            locale in self.project.locale_permalinks
            or self.titled(slug, locale)
            or self.ugly(slug, locale) != self.ugly(slug, self.project.source_locale)
        )

    def ugly(self, slug: str, locale: str) -> bool:
        """Whether Hugo publishes the article as ``….html`` in ``locale`` (see :func:`ugly_page`)."""
        return slug not in self.copied and ugly_page(self.project, *self._page(slug), locale)

    def undecided(self, run: CompileRun, slugs: Iterable[str]) -> list[tuple[Path, str, None]]:
        """Those of the articles ``slugs`` whose pattern holds a title in a selected language and
        whose titles are not decided yet, as :func:`.titles.decide_titles` takes them."""
        return [
            (self.paths[slug], slug, None)
            for slug in slugs
            if slug not in self.titles and any(self.titled(slug, loc) for loc in run.selected)
        ]

    def __call__(self, slug: str, locale: str) -> str | None:
        """The article's URL in ``locale`` (the source's: after ``[compile] source_url_prefix``;
        another's: after the language's folder), the URL its pattern makes
        (``:title`` its title there), else its default one (see :func:`article_url`); None where
        its title is not known, or its pattern holds a token compile does not read (see
        :func:`.permalinks.permalink`)."""
        if (slug, locale) in self._urls:
            return self._urls[slug, locale]
        from .permalinks import page_sections, titled_url, url_page

        relative, front = self._page(slug)
        project = self.project
        style = page_url_style(project.page_urls, project.heading_ids)
        source = locale == project.source_locale
        folder = project.source_url_prefix if source else project.url_folder(locale)
        pattern = self.pattern(slug, locale)
        found: str | None
        if slug in self.copied:  # (Hugo keeps the file's name: rtl.es.html beside rtl.html)
            if project.markdown_layout == "suffix" and not source:
                relative = relative.with_name(
                    f"{relative.stem}.{project.locale_dir(locale)}{relative.suffix}"
                )
            found = f"{folder}/{relative}"  # (as Hugo copies it: its name as written)
        elif pattern is None:
            found = article_url(relative, front, folder, style)
        else:
            sections = page_sections(relative, self.sections)
            page = url_page(relative, "", self.paths[slug], front, sections, style == "hugo-unaccented")
            title, titled = "", title_token(pattern, page.own_slug is not None) is not None
            if titled and source:  # (its front matter's, as a link is read back: see .permalinks)
                title = str((page_front_matter(self.paths[slug]) or {}).get("title") or "")
            elif titled:
                decided = self.titles.get(slug)
                if decided is None:
                    return None  # (not decided yet, or it cannot be read)
                title = decided[1].get(locale, decided[0])
            url = titled_url(pattern, page, title)
            found = None if url is None else folder + url
        found = None if found is None else published_url(found, self.ugly(slug, locale))
        self._urls[slug, locale] = found
        return found


def ugly_page(project: Project, relative: PurePosixPath, front: Mapping[str, Any], locale: str) -> bool:
    """Whether Hugo publishes the article at ``relative`` in the articles folder, whose front matter
    is ``front``, as ``….html`` in ``locale`` (Hugo's ``uglyURLs``, ``[compile.ugly_urls]``: not
    the home page, nor a page with a ``url`` of its own)."""
    if front.get("url") or (relative.stem == "_index" and len(relative.parts) == 1):
        return False
    return project.ugly_url(locale, relative.parts[0] if len(relative.parts) > 1 else "")


def published_url(url: str, ugly: bool) -> str:
    """The URL Hugo publishes a page at whose URL is ``url`` (a folder's) where it publishes it as
    ``….html`` (``ugly``: see :func:`ugly_page`) or not; the home page's stays ``/``.

    >>> published_url("/de/posts/harbour/", True), published_url("/de/posts/", True), published_url("/", True)
    ('/de/posts/harbour.html', '/de/posts.html', '/')
    >>> published_url("/de/posts/harbour/", False)
    '/de/posts/harbour/'
    """
    return url[:-1] + ".html" if ugly and url.endswith("/") and url != "/" else url


def jekyll_links(
    project: Project,
    pages: Iterable[tuple[Path, str, PurePosixPath]],
    slugs: dict[str, str],
    tags: dict[str, str] | None = None,
    undated: dict[str, str] | None = None,
) -> None:
    """Add to ``slugs`` each of ``pages`` (path, slug, path in the articles folder) by the URL Jekyll
    gives it (see :mod:`.jekyll_urls`; a post dated with a time by its day in ``[compile]
    jekyll_timezone``, else by each it may have; one without
    ``.html`` or ``/``, which Jekyll writes as ``….html``, by both), after the site's ``baseurl``;
    posts where the articles are in a ``_posts`` folder, by the posts' permalink of
    ``[compile.jekyll_collections]`` where it sets one; documents of a collection it names where
    they are in its folder (``_recipes``), by its permalink; the values of
    ``[compile.jekyll_defaults]`` where its front matter sets none (and their categories before
    its own); to ``tags``, by each Liquid tag that names it (see :func:`.link_targets.liquid_names`),
    its URL as ``slugs`` has it; to ``undated``, by slug, the permalink of each document Jekyll
    dates at the build (see :func:`.jekyll_urls.dated_at_build`), which has no URL in ``slugs``."""
    posts = "_posts" in project.articles_dir.parts
    named: dict[str, str | None] = {}
    zone = ZoneInfo(project.jekyll_timezone) if project.jekyll_timezone else None
    globbed = functools.cache(lambda pattern: jekyll_globbed(project.articles_dir, pattern))
    for path, slug, relative in pages:
        front = page_front_matter(path, JEKYLL_URL_KEYS)
        document = collection_document(project, relative)
        post = document is None and (posts or "_posts" in relative.parts)
        kind = document[0] if document is not None else "posts" if post else "pages"
        values = default_values(project.jekyll_defaults.get(kind, {}), relative.as_posix(), globbed)
        if values:
            front = with_defaults(front, values)
        if document is not None:
            label, inside = document
            urls = document_urls(
                inside,
                front,
                label,
                project.jekyll_collections[label],
                zone=zone,
                converted=project.content_suffixes,
            )
            dated = dated_at_build(inside, front, project.jekyll_collections[label])
            if dated is not None and undated is not None:
                undated[slug] = dated
        else:
            permalink = project.jekyll_collections.get("posts", project.jekyll_permalink) if post else None
            urls = jekyll_urls(
                project.jekyll_document_path(relative) if post else relative,
                front,
                project.source_url_prefix,
                permalink or project.jekyll_permalink,
                post=post,
                zone=zone,
                converted=project.content_suffixes,
            )
        for url in urls:
            url = project.jekyll_baseurl + url
            slugs.setdefault(url_path(url), slug)
            if not url.endswith("/") and not PurePosixPath(url).suffix:
                slugs.setdefault(url_path(url + ".html"), slug)
        site_path = project.jekyll_path(path) if urls and tags is not None else None
        if site_path is not None:
            for name in liquid_names(site_path, post=post, front=front):
                named[name] = url_path(project.jekyll_baseurl + urls[0]) if name not in named else None
    if tags is not None:
        tags.update((name, url) for name, url in named.items() if url is not None)


def collection_document(project: Project, relative: PurePosixPath) -> tuple[str, PurePosixPath] | None:
    """The label of the collection of ``[compile.jekyll_collections]`` (not ``posts``) whose folder
    (``_recipes``) holds the article at ``relative`` in the articles folder, the nearest, and its
    path there; None: none does."""
    parts = (*project.articles_dir.parts, *relative.parts)
    for index in range(len(parts) - 2, -1, -1):
        label = parts[index][1:]
        if parts[index].startswith("_") and label != "posts" and label in project.jekyll_collections:
            return label, PurePosixPath(*parts[index + 1 :])
    return None


def jekyll_globbed(folder: Path, pattern: str) -> list[str]:
    """The paths in ``folder`` the glob ``pattern`` finds, ``/``-separated, as Jekyll's
    ``Dir.glob`` finds a defaults scope's (``*`` one name, not one starting with a dot)."""
    return [
        PurePosixPath(Path(found)).as_posix() for found in glob.glob(pattern, root_dir=folder, recursive=True)
    ]


def decide_targets(run: CompileRun, slugs: Collection[str]) -> None:
    """Decide where each article of ``slugs`` that ``run.links`` has not decided is published, and
    its titles where its URL is made of them (in this process, once: see
    :attr:`LinkTargets.published`, :attr:`OwnUrls.titles`)."""
    links = run.links
    assert links is not None
    for slug in slugs:
        if slug not in links.published:
            published, reviewed = decided_locales(run, (links.paths[slug], slug))
            links.published[slug] = frozenset(published)
            if run.options.review:
                links.reviewed[slug] = frozenset(reviewed)
    if isinstance(links.own_url, OwnUrls):
        for task in links.own_url.undecided(run, slugs):
            links.own_url.titles[task[1]] = decide_titles(run, task)


def source_pages_at(project: Project) -> str:
    """What the path of a root-relative link to a source-language page starts with: the path of
    ``[compile] base_url``, then the source language's folder (``/news/en/``; ``/en/``); the path of
    its own ``[locale.<source>] base_url`` (``/``) where it is at the root of a host of its own."""
    own = project.host_of(project.source_locale)
    if own is not None:
        return urlsplit(own).path or "/"
    base = "/" if project.base_url is None else urlsplit(project.base_url).path or "/"
    return base.rstrip("/") + f"/{project.locale_dir(project.source_locale)}/"


def article_path(project: Project, path: Path) -> str:
    """The path of the article at ``path`` in the articles folder, ``/``-separated."""
    name, folder = os.fspath(path), os.fspath(project.articles_dir) + os.sep
    if name.startswith(folder):
        return name[len(folder) :].replace(os.sep, "/")
    return path.relative_to(project.articles_dir).as_posix()


def page_rewrite(
    project: Project,
    links: LinkTargets,
    locale: str,
    own: str,
    found: Mapping[str, str],
    *,
    review: bool = False,
) -> RewriteUrl:
    """The rewriting of the links of the HTML page of the article ``own`` in ``locale`` (or of its
    review copy; ``found``: by each link's URL, the other article it leads to): a link to an article
    not published in it leads to its source-language page (a relative one from this page; a
    root-relative one as written), else ``[compile.links]`` rewrites it; a review copy's relative
    link to an article published in it leads to that published page, as the published page's does
    (the article may have no review copy: its catalog unreadable, its page kept). (Each article of
    ``found`` decided: see :func:`decide_targets`.)"""
    here = html_path(project, locale, own, review=review, folder_index=is_folder_index(links.paths[own], own))
    source = project.source_locale
    published = links.published

    def rewritten(url: str) -> str | None:
        slug = found.get(url)
        if review:  # (review copies are read in the site's folder, not where it is published)
            if slug is None:
                return review_address(project, locale, url)
            return site_href(here, review_target(project, links, locale, slug)) + split_url(url)[1]
        if slug is None or url.startswith("/"):
            if slug is None or locale in published[slug]:
                return project.localized_link(url, locale)
            return _source_host_link(project, locale, url)  # (its source-language page)
        if locale in published[slug]:
            return project.localized_link(url, locale)
        inside = page_file(slug, is_folder_index(links.paths[slug], slug))
        return language_href(project, here, locale, source, inside) + split_url(url)[1]

    return rewritten


def review_address(project: Project, locale: str, url: str) -> str | None:
    """The link ``url`` (to no article) of a review copy in ``locale``: a root-relative one, which
    would lead nowhere from the site's folder, absolute where the published page's leads, on the
    host of its language (``https://news.example.de/docs/map.html``; after ``[compile.links]``);
    else as the published page's (None: as written; no address known: no ``base_url``)."""
    localized = project.localized_link(url, locale)
    where = site_address(project, locale)
    if where is None or not url.startswith("/") or url.startswith(("//", "/\\")):
        return localized
    parts = urlsplit(where)
    return f"{parts.scheme}://{parts.netloc}{localized or url}"


def review_target(project: Project, links: LinkTargets, locale: str, slug: str) -> str:
    """Where in the site a review copy in ``locale`` links the article ``slug``: its review copy in
    ``locale`` where it has one (see :attr:`LinkTargets.reviewed`), else its page in ``locale``
    where it is published there, else its source-language page."""
    folder_index = is_folder_index(links.paths[slug], slug)
    if locale in links.reviewed.get(slug, ()):
        return html_path(project, locale, slug, review=True, folder_index=folder_index)
    shown = locale if locale in links.published[slug] else project.source_locale
    return html_path(project, shown, slug, folder_index=folder_index)


def _source_host_link(project: Project, locale: str, url: str) -> str | None:
    """A root-relative ``url`` of a source-language page as the page in ``locale`` links it: as
    written (None) where both languages are published on one host, else on the source's host
    (``https://news.example/sport/b.html`` from ``https://news.example.de/…``)."""
    source = project.source_locale
    where = site_address(project, source)
    if where is None or project.host_of(locale) == project.host_of(source):
        return None
    parts = urlsplit(where)
    return f"{parts.scheme}://{parts.netloc}{url}"


def decided_locales(run: CompileRun, task: tuple[Path, str]) -> tuple[list[str], list[str]]:
    """The selected locales the article (path, slug) is published in, as compile decides its pages
    (a page kept from before too), and those whose catalog of it exists and reads (where a
    ``--review`` run writes its review copy), without writing anything; none when it cannot be read."""
    path, slug = task
    decided = decided_pages(run, path, slug)
    if decided is None:
        return [], []
    _, pages, _, kept = decided
    published = [loc for loc in run.selected if (loc in pages and pages[loc].published) or loc in kept]
    if not run.options.review:
        return published, []
    return published, [
        loc for loc in run.selected if loc in pages and catalog_file(run, loc, slug)[1].is_file()
    ]
