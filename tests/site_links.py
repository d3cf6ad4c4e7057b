"""The links of a built site that lead nowhere: what the tests of compile's link rewriting ask of
every page (a translated page never links a page that does not exist)."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit


def broken_links(site: Path, pages: Path | None = None, attributes: str = "href|src") -> list[str]:
    """Every URL in ``attributes`` (a pattern of names) of every page under ``pages`` (default: the
    whole ``site``) that leads to no file of ``site`` (relative, or root-relative from the site's
    root; a folder's to its ``index.html``), as ``page: url``."""
    broken = []
    for page in sorted((pages or site).rglob("*.html")):
        for url in re.findall(rf'\b(?:{attributes})="([^"]*)"', page.read_text(encoding="utf-8")):
            parts = urlsplit(html.unescape(url))
            if parts.scheme or parts.netloc or not parts.path:
                continue
            path = unquote(parts.path)
            target = site / path.lstrip("/") if path.startswith("/") else page.parent / path
            if path.endswith("/"):
                target /= "index.html"
            if not target.resolve().is_file() or not target.resolve().is_relative_to(site.resolve()):
                broken.append(f"{page.relative_to(site).as_posix()}: {url}")
    return broken
