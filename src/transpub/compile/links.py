"""Links between articles in localized Markdown (``[compile.links]``): a link to an article that is
not published in the page's language keeps leading to the source-language page.

A static-site generator has no page for a translation compile did not write: Hugo publishes none at
``/es/posts/harbour/`` while the harbour post is held back in Spanish (below the publish threshold),
so a Spanish page's link there would be broken. Such a link is written as the source writes it (the
English page), with a warning; once the target is published, the next run compiles the linking
page again (its record keeps which articles it links to and whether each was published) and the
rule rewrites the link.

A link's target is found by its URL: an article's URL is the one a generator gives it by default,
its path in the articles folder without its suffix (a bundle's ``index.md``, a section's
``_index.md``: its folder), the last part replaced by its front matter ``slug`` when it sets one,
or its front matter ``url``. A link no article has this URL for (a page the site's permalinks
publish elsewhere, such as ``/blog/:year/:slug/``; a source language in a folder of its own,
Hugo's ``defaultContentLanguageInSubdir``) is rewritten by the rules as before.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from ..page_front_matter import page_front_matter
from .link_targets import LinkTargets, url_path
from .run import CompileRun
from .titles import decided_pages


def article_url(relative: PurePosixPath, front: Mapping[str, Any] | None) -> str | None:
    """The URL a generator gives by default the article at ``relative`` in the articles folder, whose
    front matter is ``front`` (see the module's docstring); None for one it cannot be told of.

    >>> article_url(PurePosixPath("posts/harbour.md"), None), article_url(PurePosixPath("posts/a/index.md"), {})
    ('/posts/harbour/', '/posts/a/')
    >>> article_url(PurePosixPath("posts/_index.md"), None), article_url(PurePosixPath("index.md"), None)
    ('/posts/', '/')
    >>> article_url(PurePosixPath("posts/x.md"), {"slug": "y"}), article_url(PurePosixPath("x.md"), {"url": "news"})
    ('/posts/y/', '/news/')
    """
    front = front or {}
    url = front.get("url")
    if isinstance(url, str) and url.strip():
        return url_path("/" + url.strip().lstrip("/"))
    parts = list(relative.with_suffix("").parts)
    if parts and parts[-1] in ("index", "_index"):
        parts.pop()
    slug = front.get("slug")
    if isinstance(slug, str) and slug.strip() and parts and relative.stem not in ("_index",):
        parts[-1] = slug.strip()
    return url_path("/" + "/".join(parts))


def link_targets(
    run: CompileRun, articles: Iterable[tuple[Path, str]], published_in: Mapping[str, Iterable[str]]
) -> LinkTargets:
    """The :class:`LinkTargets` of ``articles`` (path, slug) for the run's selected locales, each
    published in the locales ``published_in`` gives for its slug."""
    project = run.project
    slugs: dict[str, str] = {}
    published: dict[str, set[str]] = {locale: set() for locale in run.selected}
    for path, slug in articles:
        relative = PurePosixPath(path.relative_to(project.articles_dir).as_posix())
        url = article_url(relative, page_front_matter(path))
        if url is not None:
            slugs.setdefault(url, slug)
        for locale in published_in.get(slug, ()):
            if locale in published:
                published[locale].add(slug)
    return LinkTargets(slugs, {locale: frozenset(found) for locale, found in published.items()})


def published_locales(run: CompileRun, task: tuple[Path, str]) -> list[str]:
    """The selected locales the article (path, slug) is published in, as compile decides its pages
    (a page kept from before too), without writing anything; none when it cannot be read."""
    path, slug = task
    decided = decided_pages(run, path, slug)
    if decided is None:
        return []
    _, pages, _, kept = decided
    return [loc for loc in run.selected if (loc in pages and pages[loc].published) or loc in kept]
