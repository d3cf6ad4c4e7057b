"""Where links between articles lead (see :mod:`.links`): the articles by the URL or path links name
them by, and the languages each is published in."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any, Protocol
from urllib.parse import unquote

from ..formats.document import LIQUID_LINK, Document
from ..manifest import make_key
from ..model import URL_SCHEME, Issue, counted, split_url
from ..page_front_matter import page_front_matter
from ..project import Project
from ..url_names import go_lower

if TYPE_CHECKING:
    from .permalinks import Permalink, Permalinks


class OwnUrlsOf(Protocol):
    """Where an article is in a language whose URLs compile makes itself (see :class:`.links.OwnUrls`)."""

    def follows(self, slug: str, locale: str) -> bool: ...

    def ugly(self, slug: str, locale: str) -> bool: ...

    def __call__(self, slug: str, locale: str) -> str | None: ...


@dataclass(frozen=True)
class LinkTargets:
    """The articles links can lead to, and where each is published."""

    #: The articles' slugs by the key a link names them by: in localized Markdown, their URL in the
    #: source language (see :func:`url_path`); for HTML pages, their path in the articles folder and
    #: their page's there (``sport/b.md``, ``sport/b.html``; see :func:`page_key`).
    slugs: dict[str, str]
    #: The articles' paths by slug (an article linked to is decided from its catalogs where the run
    #: has not: see :func:`.links.decide_targets`).
    paths: dict[str, Path]
    #: By slug, the selected locales each article is published in, for those decided so far (each
    #: process adds those it decides, once).
    published: dict[str, frozenset[str]]
    #: For HTML pages: what the path of a root-relative link to a source-language page starts with
    #: (``/en/``, after the path of ``[compile] base_url``); None for localized Markdown.
    pages_at: str | None = None
    #: For localized Markdown: the articles ``[compile.permalinks]`` publishes, found by URL (their
    #: URLs are not in :attr:`slugs`).
    permalinks: Permalinks | None = None
    #: For localized Markdown: what the URLs of source-language pages start with (``/en``).
    prefix: str = ""
    #: For localized Markdown on a Jekyll site: by each Liquid tag that names an article's file
    #: (``link en/harbour.md``, ``post_url en/2024-01-05-harbour``: see :func:`liquid_names`), its
    #: URL (a key of :attr:`slugs`).
    liquid: dict[str, str] = field(default_factory=dict)
    #: For localized Markdown on a Jekyll site: by slug, the permalink of each document of a
    #: collection that Jekyll dates at the build, whose URL is not known (see
    #: :func:`.jekyll_urls.dated_at_build`).
    undated: dict[str, str] = field(default_factory=dict)
    #: For localized Markdown where a locale has permalinks of its own (``[compile.permalinks.<locale>]``)
    #: or a pattern holds a page's title: an article's URL where compile makes it (see
    #: :class:`.links.OwnUrls`).
    own_url: OwnUrlsOf | None = None
    #: For localized Markdown on a Hugo site: an article's URL in a language, the source's too (see
    #: :class:`.links.OwnUrls`), by which a relative link (``../the-harbour/``) is followed from the
    #: linking page's URL.
    page_url: OwnUrlsOf | None = None
    #: For localized Markdown on a Hugo site that publishes pages in the source language as
    #: ``….html`` (``[compile.ugly_urls]``): the source language. A link's ``/posts/harbour.html``
    #: names the article whose URL is ``/posts/harbour/`` otherwise where Hugo publishes it so
    #: (see :attr:`page_url`), and ``/posts/harbour/`` names it only where Hugo does not.
    ugly: str | None = None
    #: For HTML pages, in a ``--review`` run: by slug, the selected locales whose catalog of each
    #: article reads (where the run writes its review copy), for those decided so far, as
    #: :attr:`published`.
    reviewed: dict[str, frozenset[str]] = field(default_factory=dict)
    #: For localized Markdown on a Hugo site: the articles Hugo copies as they are (HTML files
    #: without front matter), whose URL in a language is their file's there (see :attr:`page_url`).
    copied: frozenset[str] = frozenset()

    def tag_url(self, url: str) -> str | None:
        """The URL (a key of :attr:`slugs`) of the article the link destination ``url`` names when
        it is a Liquid tag (see :data:`~transpub.formats.document.LIQUID_LINK`); None: another."""
        found = LIQUID_LINK.fullmatch(url) if self.liquid and url.startswith("{") else None
        return None if found is None else self.liquid.get(f"{found.group(1)} {found.group(2)}")

    def target(self, url: str) -> str | None:
        """The slug of the article the root-relative ``url`` leads to, if any (localized Markdown)."""
        return self.slug_of(url_path(url))

    def slug_of(self, key: str) -> str | None:
        """The slug of the article ``key`` (see :attr:`slugs`) names, if any: one Hugo publishes at
        that URL (see :attr:`ugly`)."""
        slug = self._slug_at(key)
        if self.ugly is None or self.page_url is None:
            return slug
        if slug is not None:  # (a folder's URL: not where Hugo publishes the article as ….html)
            return None if key.endswith("/") and self.page_url.ugly(slug, self.ugly) else slug
        if key.endswith(".html") and not key.endswith("/index.html"):
            slug = self._slug_at(key.removesuffix(".html") + "/")
            return slug if slug is not None and self.page_url.ugly(slug, self.ugly) else None
        return None

    def _slug_at(self, key: str) -> str | None:
        """The slug of the article whose URL (its folder's, as Hugo makes it without uglyURLs) is
        ``key``, if any."""
        slug = self.slugs.get(key)
        if slug is None and self.permalinks is not None and key.startswith(self.prefix + "/"):
            slug = self.permalinks.slug(key[len(self.prefix) :])
        return slug

    def _own(self, project: Project, url: str, locales: Iterable[str]) -> str | None:
        """The article the root-relative ``url`` leads to where compile makes its URL in one of
        ``locales`` (see :attr:`own_url`): linked there, with a ``[compile.links]`` rule or without."""
        if self.own_url is None or not url.startswith("/") or url.startswith(("//", "/\\")):
            return None
        slug = self.target(url)
        if slug is None or not any(self.own_url.follows(slug, locale) for locale in locales):
            return None
        return slug

    def unfollowed(self, url: str) -> bool:
        """Whether the root-relative ``url`` is in the folder of a ``[compile.permalinks]`` pattern
        compile cannot read back (see :func:`.permalinks.permalink`): which article it leads to is
        not known."""
        key = url_path(url)
        if self.permalinks is None or not key.startswith(self.prefix + "/"):
            return False
        return self.permalinks.unfollowed(key[len(self.prefix) :]) is not None

    def relative_key(self, project: Project, url: str, own: str | None) -> str | None:
        """The key (see :attr:`slugs`) of the source URL the relative link ``url`` (``../x/``,
        ``x/``, ``./x/``) of the page of the article ``own`` leads to, from that page's URL; None:
        another link, or a page whose URL is not known (see :attr:`page_url`)."""
        if own is None or self.page_url is None or not _is_relative(url):
            return None
        here = self.page_url(own, project.source_locale)
        return None if here is None else url_path(_joined(here, split_url(url)[0]))

    def linked(
        self, project: Project, document: Document, own: str | None = None
    ) -> tuple[list[str], dict[str, str]]:
        """For localized Markdown: the keys (see :attr:`slugs`) of the links of ``document`` (the
        article ``own``'s) that a ``[compile.links]`` rule rewrites, that are relative (see
        :meth:`relative_key`), or that are Liquid tags naming an article's file, each once, in order
        (those no article has too: one may be added), and by the URL of each of those links as
        written (the first of a key's; each tag), the article it leads to."""
        keys: dict[str, str] = {}
        named: dict[str, str] = {}  # by the URL of each tag and relative link, its key
        for link in document.link_targets():
            key = self.tag_url(link.url) or self.relative_key(project, link.url, own)
            if key is not None:
                keys.setdefault(key, link.url)
                named[link.url] = key
            elif (
                project.localized_link(link.url, project.source_locale) is not None
                or self._own(project, link.url, project.locales) is not None
            ):
                keys.setdefault(url_path(link.url), link.url)
        found = {url: slug for key, url in keys.items() if (slug := self.slug_of(key)) is not None}
        for url, key in named.items():
            if (slug := self.slug_of(key)) is not None:
                found.setdefault(url, slug)
        return list(keys), found

    def page_links(self, document: Document, relative: str, own: str) -> tuple[list[str], dict[str, str]]:
        """For the HTML pages of the article ``own`` at ``relative`` in the articles folder: the keys
        of its links (see :func:`page_key`) to anything but itself, each once, in order (those to no
        article too: one may be added), and by each link's URL, the other article it leads to."""
        assert self.pages_at is not None
        folder = posixpath.dirname(relative)
        keys: dict[str, None] = {}
        found: dict[str, str] = {}
        for link in document.link_targets():
            key = page_key(link.url, folder, self.pages_at)
            if key is None:
                continue
            slug = self.slugs.get(key)
            if slug == own:
                continue
            keys[key] = None
            if slug is not None:
                found[link.url] = slug
        return list(keys), found

    def unfollowed_warnings(self, project: Project, compiled: Iterable[tuple[str, list[str]]]) -> list[Issue]:
        """One warning for each ``[compile.permalinks]`` pattern compile cannot read back whose folder
        a ``[compile.links]`` rule rewrites, where a page compiled this run links under it
        (``compiled``: each such article's slug and the keys of its links, see :meth:`linked`):
        those links are left as written. (A run that compiles no such page says nothing of it.)"""
        if self.permalinks is None:
            return []
        source, compiled = project.source_locale, list(compiled)
        warnings: list[Issue] = []
        for pattern in self.permalinks.patterns:
            folder = self.prefix + pattern.folder
            if pattern.regex is not None or project.localized_link(folder, source) is None:
                continue
            pages = [
                project.relative(self.paths[slug])
                for slug, keys in compiled
                if any(key.startswith(folder) for key in keys)
            ]
            if pages:
                warnings.append(
                    _pattern_warning(
                        project,
                        pattern,
                        f"compile cannot tell which page a link under {folder} leads to ({pattern.unknown} "
                        f"is not read back), nor whether it is published in a language: translated pages "
                        f"keep such links as written (the {source} page) rather than follow "
                        "[compile.links]",
                        pages,
                    )
                )
        return warnings

    def resolution(self, linked: Iterable[str], locales: Iterable[str], *, review: bool = False) -> str:
        """A digest of which article each key of ``linked`` leads to and whether it is published in
        each of ``locales`` (each decided: see :attr:`published`; a record compares it: a target published, withdrawn or added compiles
        the linking page again), and where compile puts it in each (see :attr:`own_url`: one whose
        date, slug or translated title changed moves its links too); with ``review``, whether it
        has a review copy in each (see :attr:`reviewed`: the linking review copies lead there)."""
        found = [(key, slug) for key in linked if (slug := self.slug_of(key)) is not None]
        if not found:
            return NOTHING_LINKED
        wanted = list(locales)
        own = self.own_url
        return make_key(
            [
                [key, slug, [loc in self.published[slug] for loc in wanted]]
                + ([[own(slug, loc) if own.follows(slug, loc) else None for loc in wanted]] if own else [])
                + ([[loc in self.reviewed.get(slug, ()) for loc in wanted]] if review else [])
                for key, slug in found
            ]
        )

    def targets(self, linked: Iterable[str]) -> Iterator[str]:
        """The slugs of the articles the keys of ``linked`` lead to."""
        for key in linked:
            slug = self.slug_of(key)
            if slug is not None:
                yield slug

    def rewrite(self, project: Project, locale: str, page: str | None = None) -> Callable[[str], str | None]:
        """The ``[compile.links]`` rewriting of the Markdown page of the article ``page`` in
        ``locale``: None (as written) for a link to an article not published in it; a relative link
        to an article, from the page's URL in ``locale`` to the article's (see :meth:`_relative`)."""

        def rewritten(url: str) -> str | None:
            relative = self.relative_key(project, url, page)
            if relative is not None and page is not None:
                return self._relative(project, url, relative, page, locale)
            tagged = self.tag_url(url)
            if tagged is not None:
                return self.localized_tag(project, url, tagged, locale)
            localized = project.localized_link(url, locale)
            own = self._own(project, url, [locale])
            if localized is None and own is None:
                return None
            slug = self.target(url)
            if slug is not None and locale not in self.published[slug]:
                return None
            if slug in self.copied and self.page_url is not None:  # (rtl.es.html: not the rule's)
                found = self.page_url(slug, locale)
                return None if found is None else _in_path(found) + split_url(url)[1]
            if own is not None and self.own_url is not None:
                found = self.own_url(own, locale)  # (where it is in the language: see OwnUrls)
                return None if found is None else _in_path(found) + split_url(url)[1]
            if slug is None and self.unfollowed(url):
                return None  # (it may lead to a page held back in this language)
            return localized

        return rewritten

    def _relative(self, project: Project, url: str, key: str, own: str, locale: str) -> str | None:
        """The relative link ``url`` of the page of the article ``own`` in ``locale``, which leads to
        the article at ``key`` in the source, written from that page's URL in ``locale`` to the
        article's (its source page's where it is not published in ``locale``), with its query and
        fragment; None (as written) where it leads there already, or leads to no article."""
        slug = self.slug_of(key)
        if slug is None or self.page_url is None:
            return None
        shown = locale if locale in self.published[slug] else project.source_locale
        here, there = self.page_url(own, locale), self.page_url(slug, shown)
        path, rest = split_url(url)
        if here is None or there is None or url_path(_joined(here, path)) == url_path(there):
            return None
        written = posixpath.relpath(there, _folder(here)) + ("/" if there.endswith("/") else "")
        written = "./" + written if URL_SCHEME.match(written) else written  # (not read as a scheme)
        return _in_path(written).replace(" ", "%20") + rest

    def localized_tag(self, project: Project, tag: str, url: str, locale: str) -> str | None:
        """The Liquid tag ``tag`` (see :meth:`tag_url`), naming the article at ``url``, written for a
        page in ``locale``: naming that article's file in ``locale`` where it is published in it
        (with ``[compile.links]`` rules or not: built without jekyll-polyglot, that file's page is
        the language's; with it, the source-language file is not part of the language's build, and
        a tag naming it stops the build); None (as written: its source-language page, which
        polyglot publishes in the language too) otherwise."""
        slug = self.slug_of(url)
        if slug is None or locale not in self.published[slug]:
            return None
        found = LIQUID_LINK.fullmatch(tag)
        written = project.markdown_path(locale, self.paths[slug])
        site_path = None if found is None or written is None else project.jekyll_path(written)
        if found is None or site_path is None:
            return None
        name = site_path.as_posix() if found.group(1) == "link" else _post_url_name(site_path)
        return None if name is None else tag[: found.start(2)] + name + tag[found.end(2) :]

    def unruled_warnings(
        self, project: Project, document: Document, locales: Iterable[str], shown: str
    ) -> list[Issue]:
        """One warning for each folder (``/news/``) of articles the localized Markdown ``document``
        (the article at ``shown``) links to root-relatively where no ``[compile.links]`` rule leads:
        its pages in ``locales`` (those under a folder of the language's, ``/es/``) link to the
        source-language pages there. (A section found after init got no rule: the link was written
        as the source has it, without a word.)"""
        wanted = [locale for locale in locales if project.url_dir(locale)]
        if not wanted or project.markdown_layout == "polyglot":  # (jekyll-polyglot localizes them itself)
            return []
        folders: dict[str, str] = {}  # by the folder the rule would name, the first link there
        for link in document.link_targets():
            url = link.url
            slug = self.target(url) if url.startswith("/") and not url.startswith(("//", "/\\")) else None
            if slug is None:
                continue
            if any(project.localized_link(url, loc) or self._own(project, url, [loc]) for loc in wanted):
                continue
            if _same_url_everywhere(self.paths[slug]):  # (a file read: only for a link no rule follows)
                continue
            parts = url_path(url)[len(self.prefix) :].strip("/").split("/")
            folders.setdefault(f"{self.prefix}/{parts[0]}/" if parts[0] else f"{self.prefix}/", url)
        return [
            Issue(
                shown,
                None,
                "links",
                f"links to {url}, which no [compile.links] rule follows: the {', '.join(wanted)} "
                f"{'page links' if len(wanted) == 1 else 'pages link'} to the {project.source_locale} page; "
                f'add "{folder}" = "/{{lang}}{folder[len(self.prefix) :]}" under [compile.links] in transpub.toml',
                severity="warning",
            )
            for folder, url in folders.items()
            if folder != f"{self.prefix}/"
        ]

    def warnings(
        self, project: Project, links: Mapping[str, str], locales: Iterable[str], shown: str
    ) -> list[Issue]:
        """A warning for each article ``links`` leads to (by a link's URL) not published in one of
        ``locales``: the links of the page (the article at ``shown``) to it lead to the
        source-language page (the run's are told once per article and language: see
        :func:`grouped_warnings`); and for each ``{% post_url %}`` of them that names no folder where
        the post's name has one (see :func:`_unfoldered`)."""
        first = {slug: url for url, slug in reversed(list(links.items()))}
        return [
            Issue(
                shown,
                None,
                "links",
                f"links to {url}, not published in {locale}: the {locale} page links to the "
                f"{project.source_locale} page until it is",
                locale=locale,
                severity="warning",
                extra={"target": project.relative(self.paths[slug]), "url": url},
            )
            for locale in locales
            for slug, url in first.items()
            if locale not in self.published[slug]
        ] + [
            Issue(
                shown,
                None,
                "links",
                f"{url} names no folder: Jekyll finds the post by its date and name alone, and may take a "
                f"translation of {project.relative(self.paths[slug])} for it, in every language's page: "
                f"write {{% post_url {name} %}}",
                severity="warning",
            )
            for url, slug in links.items()
            if (name := _unfoldered(project, url, self.paths[slug])) is not None
        ]


def _same_url_everywhere(path: Path) -> bool:
    """Whether the page at ``path`` sets a ``url`` from the site's root (``url: /harbour-news/``),
    which Hugo publishes in every language at that one URL: no rule should lead elsewhere."""
    url = (page_front_matter(path, ("url",)) or {}).get("url")
    return isinstance(url, str) and url.strip().startswith("/")


def undated_warnings(links: LinkTargets, slug: str, shown: str) -> list[Issue]:
    """A warning for the document ``slug`` (at ``shown``) where Jekyll dates it at the build (see
    :attr:`LinkTargets.undated`): a link to it is not known as one."""
    permalink = links.undated.get(slug)
    if permalink is None:
        return []
    return [
        Issue(
            shown,
            None,
            "links",
            f"has no date, and its permalink {permalink} writes one: Jekyll dates it at each build, at a "
            "URL compile cannot know, so a link to it is not known as one (a page in a language it is "
            "held back in may link a page Jekyll does not build): set date: in its front matter",
            severity="warning",
        )
    ]


def doubled_baseurl_warnings(project: Project, shown: str, text: str) -> list[Issue]:
    """A warning for the page ``shown``, whose source is ``text``, where it writes a Liquid tag
    naming a file after ``{{ site.baseurl }}`` (see :func:`doubled_tags`) on a site with a
    ``baseurl`` (``[compile] jekyll_baseurl``): Jekyll 4's ``link`` and ``post_url`` start their URL
    with it already, so the URL has the baseurl twice (``/blog/blog/en/pier.html``), in every
    language; one, at the line of the first (none on a site without a baseurl, where it is empty)."""
    doubled = doubled_tags(text) if project.jekyll_baseurl else []
    if not doubled:
        return []
    line, first = doubled[0]
    tag = first[first.index("{%") :]
    more = f" (and {counted(len(doubled) - 1, 'more link')} of the page)" if len(doubled) > 1 else ""
    base = project.jekyll_baseurl
    return [
        Issue(
            shown,
            line,
            "links",
            f"{first}{more} leads to {base}{base}/… in Jekyll 4, whose link and post_url tags start "
            f"their URL with the baseurl: write {tag} alone (GitHub Pages' Jekyll 3 does not add it)",
            severity="warning",
        )
    ]


def doubled_tags(text: str) -> list[tuple[int, str]]:
    """Each Liquid tag naming a file after ``{{ site.baseurl }}`` (see
    :data:`~transpub.formats.document.LIQUID_LINK`) that Jekyll renders in the page whose source is
    ``text`` (a link's, an ``href``'s or in running text; not in its front matter, nor in a ``{% raw
    %}`` or ``{% comment %}`` block), with its line.

    >>> doubled_tags("---\\na: {{ site.baseurl }}{% link b.md %}\\n---\\n[x]({{site.baseurl}}{%link a.md%})\\n")
    [(4, '{{site.baseurl}}{%link a.md%}')]
    >>> doubled_tags("{% raw %}{{ site.baseurl }}{% link a.md %}{% endraw %} {% link a.md %}")
    []
    """
    front = _FRONT_MATTER.match(text)
    start = front.end() if front else 0
    hidden = [found.span() for found in _UNRENDERED.finditer(text, start)]
    return [
        (text.count("\n", 0, found.start()) + 1, found.group(0))
        for found in LIQUID_LINK.finditer(text, start)
        if found.group(0).startswith("{{") and not any(a <= found.start() < b for a, b in hidden)
    ]


#: A front matter block at the start of a page.
_FRONT_MATTER = re.compile(r"---[ \t]*\r?\n(?:.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|$)", re.S)

#: Where Jekyll renders no Liquid: a ``{% raw %}`` or ``{% comment %}`` block.
_UNRENDERED = re.compile(r"\{%-?\s*(raw|comment)\s*-?%\}.*?\{%-?\s*end\1\s*-?%\}", re.S)


def liquid_names(site_path: PurePosixPath, *, post: bool, front: Mapping[str, Any] | None) -> list[str]:
    """The Liquid tags (a name and its argument) that name the page or post at ``site_path`` in a
    Jekyll site: ``link`` its path; a post's ``post_url`` the folders before its ``_posts`` folder
    or in it, then its file's name without its suffix (Jekyll's ``PostComparer``), and that name
    alone where its front matter sets no ``slug`` or ``date`` (Jekyll's older matching, by its date
    and slug).

    >>> liquid_names(PurePosixPath("en/_posts/2024-01-05-a.md"), post=True, front={})
    ['link en/_posts/2024-01-05-a.md', 'post_url en/2024-01-05-a', 'post_url 2024-01-05-a']
    >>> liquid_names(PurePosixPath("_posts/news/2024-01-05-a.md"), post=True, front={"slug": "b"})
    ['link _posts/news/2024-01-05-a.md', 'post_url news/2024-01-05-a']
    """
    names = [f"link {site_path.as_posix()}"]
    name = _post_url_name(site_path) if post else None
    if name is not None:
        names.append(f"post_url {name}")
        if not front or ("slug" not in front and "date" not in front):
            names.append(f"post_url {site_path.stem}")
    return list(dict.fromkeys(names))


def _post_url_name(site_path: PurePosixPath) -> str | None:
    """The name ``{% post_url %}`` finds the post at ``site_path`` by (``en/2024-01-05-a`` for
    ``en/_posts/2024-01-05-a.md``, ``news/2024-01-05-a`` for ``_posts/news/…``); None: none."""
    parts = site_path.parts
    if _POST_FILE.fullmatch(site_path.stem) is None:
        return None
    if parts[0] == "_posts":
        return "/".join((*parts[1:-1], site_path.stem))
    if len(parts) > 1 and parts[-2] == "_posts":
        return "/".join((*parts[:-2], site_path.stem))
    return None


def _unfoldered(project: Project, url: str, path: Path) -> str | None:
    """The name ``{% post_url %}`` should find the post at ``path`` by where the link destination
    ``url`` is a ``{% post_url %}`` naming no folder and that name has one (``en/2024-01-05-a``
    for ``en/_posts/2024-01-05-a.md``): Jekyll then finds the post by its date and slug among every
    folder's posts, the translations' in ``de/_posts/`` too, and takes the first (``de`` before
    ``en``); None: another link."""
    found = LIQUID_LINK.fullmatch(url) if url.startswith("{") else None
    if found is None or found.group(1) != "post_url" or "/" in found.group(2):
        return None
    site_path = project.jekyll_path(path)
    if site_path is None:
        return None
    name = _post_url_name(site_path)
    return name if name is not None and "/" in name else None


#: A post's file name without its suffix, as ``{% post_url %}`` reads it: its date, then its slug.
_POST_FILE = re.compile(r"\d+-\d+-\d+-.*")


#: How many linking pages a grouped warning names#: How many linking pages a grouped warning names (see :func:`grouped_warnings`).
_NAMED = 3


def grouped_warnings(source: str, warnings: list[Issue]) -> list[Issue]:
    """``warnings`` with those of :meth:`LinkTargets.warnings` told once per article linked to and
    language, where the first was: how many pages link to it, naming a few (``source``: the
    source language).

    >>> def link(page, target="b.html"):
    ...     return Issue(page, None, "links", "…", "de", "warning", extra={"target": target, "url": target})
    >>> [w.location + ": " + w.message for w in grouped_warnings("en", [link("a.html"), link("c.html")])]
    ['b.html: not published in de, linked from 2 pages (a.html, c.html): their de pages link to the en page until it is']
    >>> grouped_warnings("en", [link("a.html")])[0].message
    'not published in de, linked from a.html (b.html): its de page links to the en page until it is'
    """
    groups: dict[tuple[str, str | None], list[Issue]] = {}
    kept: list[Issue | tuple[str, str | None]] = []
    for warning in warnings:
        target = warning.extra.get("target") if warning.check == "links" else None
        if target is None:
            kept.append(warning)
            continue
        key = (target, warning.locale)
        if key not in groups:
            kept.append(key)
        groups.setdefault(key, []).append(warning)
    return [item if isinstance(item, Issue) else _grouped(source, groups[item]) for item in kept]


def _grouped(source: str, warnings: list[Issue]) -> Issue:
    """One warning for ``warnings``, the pages linking to one article not published in a language."""
    target, locale = warnings[0].extra["target"], warnings[0].locale
    pages = list(dict.fromkeys(warning.path for warning in warnings))
    if len(pages) == 1:
        said = f"linked from {pages[0]} ({warnings[0].extra['url']}): its {locale} page links"
    else:
        named = ", ".join(pages[:_NAMED]) + (
            f" and {len(pages) - _NAMED} more" if len(pages) > _NAMED else ""
        )
        said = f"linked from {counted(len(pages), 'page')} ({named}): their {locale} pages link"
    message = f"not published in {locale}, {said} to the {source} page until it is"
    return Issue(target, None, "links", message, locale=locale, severity="warning")


#: :meth:`LinkTargets.resolution` of links to no article.
NOTHING_LINKED = make_key([])


def page_key(url: str, folder: str, pages_at: str) -> str | None:
    """The path in the articles folder of what the link ``url`` of an HTML page leads to (the page
    of an article in ``folder`` there, whose pages mirror the folder; root-relative: a source-language
    page, below ``pages_at``; a folder's: its ``index.html``), without its query or fragment,
    decoded; None: outside the folder.

    >>> page_key("../sport/b.html?x=1#top", "news", "/en/"), page_key("/en/news/b.html", "", "/en/")
    ('sport/b.html', 'news/b.html')
    >>> page_key("./b%20c.html", "", "/en/"), page_key("../../x.html", "news", "/en/"), page_key("/de/b.html", "", "/en/")
    ('b c.html', None, None)
    >>> page_key("guide/#top", "news", "/en/"), page_key("../", "news", "/en/"), page_key("/en/", "", "/en/")
    ('news/guide/index.html', 'index.html', 'index.html')
    """
    path = split_url(url)[0].replace("\\", "/")
    if not path:
        return None
    path = unquote(path)
    if path.endswith("/"):
        path += "index.html"
    if path.startswith("/"):
        if not path.startswith(pages_at):
            return None
        path = path[len(pages_at) :]
    else:
        path = posixpath.join(folder, path)
    path = posixpath.normpath(path)
    if path in (".", "..") or path.startswith(("../", "/")):
        return None
    return path


def _is_relative(url: str) -> bool:
    """Whether the link destination ``url`` is a relative one naming a path (``../x/``, ``x/``,
    ``./x.html#top``): not root-relative, nor with a scheme or host, nor a fragment or query alone,
    nor a tag or shortcode (``{{< relref … >}}``).

    >>> [_is_relative(u) for u in ("../x/", "x/#a", "/x/", "https://a.example/", "#top", "mailto:a@b", "{{< ref x >}}")]
    [True, True, False, False, False, False, False]
    """
    path = split_url(url)[0]
    if not path or path.startswith(("/", "\\", "{")):
        return False
    return not URL_SCHEME.match(path)


def _joined(here: str, path: str) -> str:
    """The root-relative path the relative ``path`` leads to from the page at ``here`` (decoded).

    >>> _joined("/posts/ferry/", "../harbour/"), _joined("/posts/ferry.html", "harbour.html"), _joined("/a/", "./")
    ('/posts/harbour/', '/posts/harbour.html', '/a/')
    >>> _joined("/ferry.html", "harbour.html"), _joined("/a/", "../../b/")
    ('/harbour.html', '/b/')
    """
    path = unquote(path)
    joined = posixpath.normpath(posixpath.join(_folder(here), path))
    ends = path.endswith(("/", "/.", "/..")) or path in (".", "..")
    return joined + "/" if ends and not joined.endswith("/") else joined


def _folder(here: str) -> str:
    """The folder a relative link of the page at the URL ``here`` is followed from.

    >>> _folder("/posts/ferry/"), _folder("/posts/ferry.html"), _folder("/ferry.html")
    ('/posts/ferry/', '/posts/', '/')
    """
    return here if here.endswith("/") else posixpath.dirname(here).rstrip("/") + "/"


def _in_path(path: str) -> str:
    r"""``path`` (as Hugo names the page's folder: decoded) as a link writes it: a ``%`` escaped, which
    a server would decode (the title ``%2541`` is the folder ``%41/``, served at ``%2541/``), a ``#``
    or ``?`` (a title's in its URL: ``C#``), where it would start the fragment or the query, and a
    backslash, which a browser reads as a slash (a link ``\\evil.example/`` leads to another host),
    as Hugo writes a Markdown link's.

    >>> _in_path("/es/blog/c#-y-el-puerto/"), _in_path(r"\\evil.example/"), _in_path("/es/%41/")
    ('/es/blog/c%23-y-el-puerto/', '%5C%5Cevil.example/', '/es/%2541/')
    """
    return path.replace("%", "%25").replace("#", "%23").replace("?", "%3F").replace("\\", "%5C")


def url_path(url: str) -> str:
    """A root-relative URL's path as an article's URL is kept: no query or fragment, decoded, in
    lower case as Hugo writes its URLs (:func:`.url_names.go_lower`), a folder's with its slash.

    >>> url_path("/Posts/Harbour?x=1#top"), url_path("/posts/a%20b/"), url_path("/img/a.png")
    ('/posts/harbour/', '/posts/a b/', '/img/a.png')
    >>> url_path("/posts/%C4%B0stanbul")
    '/posts/istanbul/'
    """
    path = go_lower(unquote(split_url(url)[0]))
    if not PurePosixPath(path).suffix and not path.endswith("/"):
        path += "/"
    return path


def _pattern_warning(project: Project, pattern: Permalink, said: str, pages: list[str]) -> Issue:
    """The warning at the line of ``[compile.permalinks]``'s ``pattern`` that ``said``, naming the
    ``pages`` that link under it (the first few)."""
    named = ", ".join(pages[:_NAMED]) + (f" and {len(pages) - _NAMED} more" if len(pages) > _NAMED else "")
    return Issue(
        project.relative(project.config_path),
        project.line_of("compile", "permalinks", pattern.section),
        "links",
        f'[compile.permalinks] {pattern.section} = "{pattern.pattern}": {said}; linked from {named}',
        severity="warning",
    )
