"""The permalink a Jekyll page's translations get with ``[compile] layout = "polyglot"``.

jekyll-polyglot pairs the languages of a page by its permalink: ``es/about.md`` is the Spanish
``about.md`` when both set ``permalink: /about/``, published at ``/es/about/``. Without one,
polyglot 1.5 publishes ``es/about.md`` at ``/es/es/about.html`` (and ``es/index.md`` at
``/es/es/``), where no link leads. So a translation of a page whose front matter (and the site's
``defaults``) sets none is written with the URL Jekyll gives the source page as its permalink,
the one line compile adds to it. A post (``_posts/es/…``) needs none: its URL does not hold its
folder.
"""

from __future__ import annotations

import json
import re
from pathlib import Path, PurePosixPath

from ..page_front_matter import page_front_matter
from ..project import Project
from .jekyll_urls import JEKYLL_URL_KEYS, default_values, jekyll_url, with_defaults
from .links import jekyll_globbed

#: The first line of a page's YAML front matter.
_OPENING = re.compile(rb"(?:\xef\xbb\xbf)?---[ \t]*\r?\n")


def page_permalink(project: Project, article: Path) -> str | None:
    """The permalink the translations of the page ``article`` get (see the module): the URL Jekyll
    gives it where its front matter and the site's ``defaults`` set none; None: they set one, or
    ``article`` is in a ``_`` folder (a post, a collection's document), or no URL can be told."""
    relative = PurePosixPath(article.relative_to(project.articles_dir).as_posix())
    if relative.parts[0].startswith("_"):
        return None
    front = page_front_matter(article, JEKYLL_URL_KEYS) or {}
    values = default_values(
        project.jekyll_defaults.get("pages", {}),
        relative.as_posix(),
        lambda pattern: jekyll_globbed(project.articles_dir, pattern),
    )
    if values:
        front = with_defaults(front, values)
    own = front.get("permalink")
    if isinstance(own, str) and own.strip():
        return None
    return jekyll_url(relative, front, project.source_url_prefix, project.jekyll_permalink, post=False)


def with_permalink(data: bytes, permalink: str) -> bytes:
    """The page ``data`` with ``permalink`` the first key of its front matter (a YAML string).

    >>> with_permalink(b"---\\ntitle: A\\n---\\nText\\n", "/about/")
    b'---\\npermalink: "/about/"\\ntitle: A\\n---\\nText\\n'
    """
    opening = _OPENING.match(data)
    if opening is None:  # (no article of a Jekyll site's folder: see discovery.jekyll_page)
        return data
    line = b"permalink: " + json.dumps(permalink, ensure_ascii=False).encode("utf-8")
    return (
        data[: opening.end()]
        + line
        + (b"\r\n" if opening.group().endswith(b"\r\n") else b"\n")
        + data[opening.end() :]
    )
