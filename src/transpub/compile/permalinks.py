"""The article a link leads to on a site whose permalinks publish a section's pages at URLs of their
own (``[compile.permalinks]``, as Hugo's ``[permalinks]``: ``posts = "/blog/:year/:filename/"``),
found as Hugo 0.111 makes those URLs (see compile/links.py).

A link is read back against each pattern: its filename, slug or section picks the pages it may be,
and only where those leave more than one (or none of them says) is a page's front matter read for
its date or title. A pattern with a token read no further (``:monthname``, ``:contentbasename``…)
cannot be followed: a link under its folder is left as written (see :meth:`Permalinks.unfollowed`).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from ..page_front_matter import page_front_matter
from ..url_names import PERMALINK_TOKEN, go_lower, title_token, urlized

#: The tokens a link is read back by, and what each matches in a URL.
_TOKENS = {
    "year": r"\d+",
    "month": r"\d\d",
    "day": r"\d\d",
    "filename": r"[^/]+",
    "slug": r"[^/]+",
    "slugorfilename": r"[^/]+",
    "section": r"[^/]+",
    "sections": r".+",
    "title": r".+",
}

#: The longest URL a link is read back by: a path no file can have is no page's (Linux's PATH_MAX),
#: and a pattern of two tokens that take a path (``/:sections/:title/``) is matched in a time that
#: grows with the square of the URL's length (a link of 60,000 characters took 10 s).
LONGEST_URL = 4096

#: Hugo's front matter keys for a page's date, in the order it takes them.
_DATE_KEYS = ("date", "publishdate", "pubdate", "published", "lastmod", "modified")

#: The tokens whose values are read from a page's front matter in full (its date, its title).
_READ = frozenset({"year", "month", "day", "title"})


@dataclass(frozen=True)
class Permalink:
    """A section's pattern: the URLs it makes (None: one of its tokens, ``unknown``, is not read
    back), the folder before its first token."""

    section: str
    pattern: str
    regex: re.Pattern[str] | None
    folder: str
    unknown: str | None = None


def permalink(section: str, pattern: str) -> Permalink:
    """``pattern`` (a page's URL in ``section``) as a link is read back by.

    >>> p = permalink("posts", "blog/:year/:month/:filename")
    >>> p.folder, p.regex.fullmatch("/blog/2024/05/harbour/").groupdict()
    ('/blog/', {'year': '2024', 'month': '05', 'filename': 'harbour'})
    >>> p = permalink("posts", "/:year/:monthname/:slug/")
    >>> p.regex, p.folder, p.unknown
    (None, '/', ':monthname')
    """
    path = "/" + go_lower(pattern.strip().lstrip("/"))
    if not PurePosixPath(path).suffix and not path.endswith("/"):
        path += "/"
    parts: list[str] = []
    end, seen, unknown = 0, set[str](), None
    for match in PERMALINK_TOKEN.finditer(path):
        name = match.group(1)
        parts.append(re.escape(path[end : match.start()]))
        end = match.end()
        if name not in _TOKENS or match.group(2) or name in seen:
            unknown = unknown or match.group(0)
            parts.append(r"[^/]+")
            continue
        seen.add(name)
        parts.append(f"(?P<{name}>{_TOKENS[name]})")
    parts.append(re.escape(path[end:]))
    first = path.find(":")
    folder = path[: path.rfind("/", 0, first) + 1] if first >= 0 else path
    regex = None if unknown else re.compile("".join(parts))
    return Permalink(section, pattern, regex, folder, unknown)


@dataclass
class _Page:
    """An article a section's pattern publishes: what its path says, and its front matter's slug
    (as read for every article: see :func:`.links.link_map`)."""

    slug: str
    path: Path
    filename: str
    sections: str
    own_slug: str | None
    #: Whether the site removes accents from its URLs (Hugo's ``removePathAccents``).
    unaccented: bool = False
    front: dict[str, Any] | None = None  # read in full where needed
    read: bool = False

    def value(self, token: str) -> str:
        """The page's value of ``token`` in its URL (its front matter read for a date or a title)."""
        if token == "filename":
            return self.filename
        if token == "section":
            return self.sections.split("/")[0]
        if token == "sections":
            return self.sections
        if token == "slugorfilename":
            return self.own_slug or self.filename
        if not self.read:
            self.front, self.read = page_front_matter(self.path), True
        front = self.front or {}
        if token == "slug":
            return self.own_slug or urlized(str(front.get("title") or ""), self.unaccented)
        if token == "title":
            return urlized(str(front.get("title") or ""), self.unaccented)
        return page_date(front)[token]


@dataclass
class Permalinks:
    """The articles of the sections ``[compile.permalinks]`` names, found by the URL of a link.

    >>> found = permalinks({"posts": "/blog/:slugorfilename/", "news": "/n/:sections/:filename/"})
    >>> for name, front in [("posts/a.md", {"slug": "My Slug! x"}), ("posts/b/index.md", None), ("news/c/d.md", None)]:
    ...     _ = found.add(PurePosixPath(name), name, Path(name), front, page_sections(PurePosixPath(name), ["news/c"]))
    >>> found.slug("/blog/my-slug-x/"), found.slug("/blog/b/"), found.slug("/n/news/c/d/"), found.slug("/n/news/d/")
    ('posts/a.md', 'posts/b/index.md', 'news/c/d.md', None)
    """

    patterns: list[Permalink]
    #: By section, its pattern.
    sections: dict[str, Permalink] = field(default_factory=dict)
    #: By section, its pages.
    pages: dict[str, list[_Page]] = field(default_factory=dict)
    #: By pattern and token, the pages by their value of it (made where a link is read).
    _by: dict[tuple[str, str], dict[str, list[_Page]]] = field(default_factory=dict)
    _found: dict[str, str | None] = field(default_factory=dict)
    #: Whether the site removes accents from its URLs (Hugo's ``removePathAccents``).
    unaccented: bool = False
    #: The articles whose URL their pattern makes of their title (see :func:`~transpub.url_names.title_token`), which
    #: is translated: each language's URL is its own.
    titled: set[str] = field(default_factory=set)

    def __post_init__(self) -> None:
        self.sections = {pattern.section: pattern for pattern in self.patterns}

    def add(
        self, relative: PurePosixPath, slug: str, path: Path, front: Mapping[str, Any] | None, sections: str
    ) -> bool:
        """Take the article ``slug`` at ``relative`` in the articles folder if a pattern publishes it
        (a regular page of a section it names, without a ``url`` of its own); whether it does."""
        if len(relative.parts) < 2 or relative.stem == "_index" or relative.parts[0] not in self.sections:
            return False
        page = url_page(relative, slug, path, front, sections, self.unaccented)
        self.pages.setdefault(relative.parts[0], []).append(page)
        if title_token(self.sections[relative.parts[0]].pattern, page.own_slug is not None):
            self.titled.add(slug)
        return True

    def slug(self, url: str) -> str | None:
        """The article at ``url`` (as :func:`.link_targets.url_path` keeps it), if a pattern publishes one."""
        if url in self._found:
            return self._found[url]
        found = None
        for pattern in self.patterns if len(url) <= LONGEST_URL else ():  # (see LONGEST_URL)
            if pattern.regex is None or not (match := pattern.regex.fullmatch(url)):
                continue
            found = self._page(pattern, match.groupdict())
            if found is not None:
                break
        self._found[url] = found
        return found

    def unfollowed(self, url: str) -> Permalink | None:
        """The pattern that cannot be followed (see :func:`permalink`) whose folder ``url`` is in, if any."""
        return next((p for p in self.patterns if p.regex is None and url.startswith(p.folder)), None)

    def _page(self, pattern: Permalink, values: dict[str, str]) -> str | None:
        """The slug of the page of ``pattern``'s section whose URL has ``values``."""
        pages = self.pages.get(pattern.section, [])
        picked = next((t for t in ("filename", "slugorfilename", "slug") if t in values), None)
        if picked is not None:
            index = self._by.get((pattern.section, picked))
            if index is None:
                index = self._by[pattern.section, picked] = {}
                for page in pages:
                    known = page.own_slug is not None or picked != "slug"
                    index.setdefault(page.value(picked) if known else "", []).append(page)
            pages = index.get(values[picked], []) + (index.get("", []) if picked == "slug" else [])
        cheap = [t for t in values if t not in _READ and (t != "slug")]
        pages = [page for page in pages if all(page.value(t) == values[t] for t in cheap)]
        if len(pages) == 1 and picked is not None and (picked != "slug" or pages[0].own_slug):
            return pages[0].slug  # (no other page can be at that URL: its date is not read)
        pages = [page for page in pages if all(page.value(t) == values[t] for t in values)]
        return pages[0].slug if pages else None


def url_page(
    relative: PurePosixPath,
    slug: str,
    path: Path,
    front: Mapping[str, Any] | None,
    sections: str,
    unaccented: bool = False,
) -> _Page:
    """The article ``slug`` at ``relative`` in the articles folder (``path``), whose front matter
    (its ``slug`` at least) is ``front``, as a pattern makes its URL (``sections``: its ``:sections``)."""
    own = (front or {}).get("slug")
    filename = relative.parent.name if relative.stem == "index" else relative.stem
    own_slug = urlized(own, unaccented) if isinstance(own, str) and own.strip() else None
    return _Page(
        slug, path, urlized(filename, unaccented), urlized(sections, unaccented), own_slug, unaccented
    )


def titled_url(pattern: str, page: _Page, title: str) -> str | None:
    """The URL (after the language's folder) Hugo 0.111 gives ``page`` by ``pattern`` when its title
    is ``title``: its path cleaned as Hugo cleans it (``..``, ``.`` and empty parts gone), ending in
    ``/``; None where a token is one compile does not read (see :func:`permalink`).

    >>> page = _Page("posts/a.md", Path("a.md"), "a", "posts", None, front={"date": "2024-05-01"}, read=True)
    >>> titled_url("/:year/:title/", page, "Harbour: news"), titled_url("/:section/:slug/", page, "a/b")
    ('/2024/harbour-news/', '/posts/a/b/')
    >>> titled_url("/:title/", page, "../../x"), titled_url("/:title/", page, "!!!"), titled_url("/:monthname/:title/", page, "x")
    ('/x/', '/', None)
    """
    path = "/" + go_lower(pattern.strip().lstrip("/"))
    parts: list[str] = []
    end = 0
    for match in PERMALINK_TOKEN.finditer(path):
        name = match.group(1)
        if name not in _TOKENS or match.group(2):
            return None
        parts.append(path[end : match.start()])
        end = match.end()
        titled = name == "title" or (name == "slug" and page.own_slug is None)
        parts.append(urlized(title, page.unaccented) if titled else page.value(name))
    parts.append(path[end:])
    cleaned = posixpath.normpath("".join(parts))
    return "/" if cleaned in ("/", "//", ".") else cleaned.rstrip("/") + "/"


def permalinks(patterns: Mapping[str, str], *, unaccented: bool = False) -> Permalinks | None:
    """``[compile.permalinks]`` read back (None: it names no section), for a site that removes
    accents from its URLs or not (``unaccented``)."""
    if not patterns:
        return None
    found = [permalink(section.strip("/"), pattern) for section, pattern in patterns.items()]
    return Permalinks(found, unaccented=unaccented)


def page_sections(relative: PurePosixPath, sections: Iterable[str]) -> str:
    """Hugo's ``:sections`` of the page at ``relative``: its top folder, then each folder below it that
    is a section (``sections``: the folders with an ``_index`` page), down to the first that is not.

    >>> page_sections(PurePosixPath("news/deep/d.md"), {"news/deep"}), page_sections(PurePosixPath("posts/sub/a.md"), ())
    ('news/deep', 'posts')
    """
    folders = relative.parent.parts
    if relative.stem == "index":
        folders = folders[:-1]
    if not folders:
        return ""
    chain = [folders[0]]
    for name in folders[1:]:
        if "/".join([*chain, name]) not in sections:
            break
        chain.append(name)
    return go_lower("/".join(chain))


def page_date(front: Mapping[str, Any]) -> dict[str, str]:
    """Hugo's ``:year``, ``:month`` and ``:day`` of a page whose front matter is ``front``: its first
    date of ``date``, ``publishDate``, ``pubdate``, ``published``, ``lastmod``, ``modified``, as
    written (year 1 when it has none).

    >>> page_date({"publishdate": "2023-01-09"}), page_date({})["year"]
    ({'year': '2023', 'month': '01', 'day': '09'}, '1')
    """
    for key in _DATE_KEYS:
        value = front.get(key)
        if isinstance(value, date | datetime):
            return {"year": str(value.year), "month": f"{value.month:02d}", "day": f"{value.day:02d}"}
        if isinstance(value, str) and (found := re.match(r"\s*(\d{4})-(\d\d)-(\d\d)", value)):
            return {"year": str(int(found.group(1))), "month": found.group(2), "day": found.group(3)}
    return {"year": "1", "month": "01", "day": "01"}
