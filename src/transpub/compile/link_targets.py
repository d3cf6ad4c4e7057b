"""Where links between articles lead in localized Markdown (see :mod:`.links`): the articles by their
URL, and the languages each is published in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote

from ..formats.document import Document
from ..manifest import make_key
from ..model import Issue
from ..project import Project


@dataclass(frozen=True)
class LinkTargets:
    """The articles links can lead to, and where each is published."""

    #: The articles' slugs by their URL in the source language (see :func:`url_path`).
    slugs: dict[str, str]
    #: By selected locale, the slugs of the articles published in it.
    published: dict[str, frozenset[str]]

    def target(self, url: str) -> str | None:
        """The slug of the article the root-relative ``url`` leads to, if any."""
        return self.slugs.get(url_path(url))

    def linked(self, project: Project, document: Document) -> list[str]:
        """The articles the links of ``document`` that a ``[compile.links]`` rule rewrites lead to
        (each once, in order)."""
        found: dict[str, None] = {}
        for link in document.link_targets():
            slug = self.target(link.url)
            if slug is not None and project.localized_link(link.url, project.source_locale) is not None:
                found[slug] = None
        return list(found)

    def resolution(self, linked: Iterable[str], locales: Iterable[str]) -> str:
        """A digest of whether each of the articles ``linked`` is published in each of ``locales``
        (a record compares it: a target published or withdrawn compiles the linking page again)."""
        wanted = list(locales)
        return make_key([[slug, [slug in self.published.get(loc, ()) for loc in wanted]] for slug in linked])

    def rewrite(self, project: Project, locale: str) -> Callable[[str], str | None]:
        """The ``[compile.links]`` rewriting of a page in ``locale``: None (as written) for a link to
        an article not published in it."""

        def rewritten(url: str) -> str | None:
            slug = self.target(url)
            if slug is not None and slug not in self.published.get(locale, ()):
                return None
            return project.localized_link(url, locale)

        return rewritten

    def warnings(
        self, project: Project, linked: Iterable[str], locales: Iterable[str], shown: str
    ) -> list[Issue]:
        """A warning for each article of ``linked`` not published in one of ``locales``: the links of
        the page (the article at ``shown``) to it lead to the source-language page."""
        urls = {slug: url for url, slug in self.slugs.items()}
        return [
            Issue(
                shown,
                None,
                "links",
                f"links to {urls[slug]}, not published in {locale}: the {locale} page links to the "
                f"{project.source_locale} page, as written, until it is",
                locale=locale,
                severity="warning",
            )
            for locale in locales
            for slug in linked
            if slug not in self.published.get(locale, ())
        ]


def url_path(url: str) -> str:
    """A root-relative URL's path as an article's URL is kept: no query or fragment, decoded, in
    lower case (Hugo's URLs are), a folder's with its slash.

    >>> url_path("/Posts/Harbour?x=1#top"), url_path("/posts/a%20b/"), url_path("/img/a.png")
    ('/posts/harbour/', '/posts/a b/', '/img/a.png')
    """
    path = unquote(url.split("#", 1)[0].split("?", 1)[0]).lower()
    if not PurePosixPath(path).suffix and not path.endswith("/"):
        path += "/"
    return path
