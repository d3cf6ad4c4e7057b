"""Relative URLs of an article's files (images, stylesheets, scripts, media) and rewriting them.

An article's ``<img src="img/a.png">`` is relative to the article; its localized page lives
elsewhere (``site/es/story.html``). Compile copies each file once into ``site/_assets/`` and
points the URL there (see :mod:`transpub.compile`); this module only finds and rewrites URLs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import URL_SCHEME

#: Element -> attributes holding the URL of a file the page loads.
ASSET_ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "video": ("poster", "src"),
    "audio": ("src",),
    "track": ("src",),
    "link": ("href",),
    "script": ("src",),
    "embed": ("src",),
    "input": ("src",),
}
_CSS_URL = re.compile(r"""url\(\s*(['"]?)([^'")]*)\1\s*\)""", re.IGNORECASE)
#: What the HTML standard's srcset parser skips between candidates (ASCII white space and commas).
_SRCSET_GAP = re.compile(r"[\t\n\f\r ,]*")
#: A candidate's URL: every character up to white space (commas inside it are the URL's).
_SRCSET_URL = re.compile(r"[^\t\n\f\r ]+")
#: A candidate's descriptors, up to the comma that ends it (not one in parentheses).
_SRCSET_DESCRIPTORS = re.compile(r"(?:[^,(]|\([^)]*\)?)*,?")


def is_relative(url: str) -> bool:
    """Whether ``url`` points at a file beside the article (not absolute, not a fragment, not data).

    >>> [is_relative(u) for u in ["img/a.png", "../b.css", "/c.png", "//x.org/a", "https://x", "data:x", "#top", ""]]
    [True, True, False, False, False, False, False, False]
    """
    url = url.strip()
    return bool(url) and not url.startswith(("#", "/", "\\", "?")) and not URL_SCHEME.match(url)


def asset_attributes(tag: str, attrs: dict[str, str | None]) -> dict[str, str]:
    """The attributes of an element that hold relative file URLs (``style`` with ``url()`` too).

    >>> asset_attributes("img", {"src": "a.png", "srcset": "b.png 2x", "alt": "x"})
    {'src': 'a.png', 'srcset': 'b.png 2x'}
    >>> asset_attributes("div", {"style": "background:url(bg.jpg)"})
    {'style': 'background:url(bg.jpg)'}
    """
    found: dict[str, str] = {}
    names = ASSET_ATTRIBUTES.get(tag, ())
    if tag == "link":
        rel = (attrs.get("rel") or "").lower().split()
        if "canonical" in rel or "alternate" in rel:  # pages, not files (compile writes its own)
            names = ()
    for name in names:
        value = attrs.get(name)
        if value and urls_in(name, value):
            found[name] = value
    style = attrs.get("style")
    if style and "url(" in style.lower() and urls_in("style", style):
        found["style"] = style
    return found


def urls_in(name: str, value: str) -> list[str]:
    """The relative URLs in an attribute value (``srcset`` candidates, ``url()`` in ``style``).

    >>> urls_in("srcset", "a.png 1x, https://x.org/b.png 2x, c.png 3x")
    ['a.png', 'c.png']
    """
    return [url for url in _urls(name, value) if is_relative(url)]


def _srcset_spans(value: str) -> list[tuple[int, int]]:
    """Where each candidate's URL is in a ``srcset`` value, read as browsers read it (the HTML
    standard's "parse a srcset attribute"): a URL runs to the next white space, so a CDN's
    ``w_100,h_50/a.jpg`` is one URL, and commas right after it end the candidate.

    >>> v = "img/w_1,h_2/a.jpg 1x,img/b.jpg, c.jpg (x, y) 2x"
    >>> [v[start:end] for start, end in _srcset_spans(v)]
    ['img/w_1,h_2/a.jpg', 'img/b.jpg', 'c.jpg']
    """
    spans: list[tuple[int, int]] = []
    at = _past(_SRCSET_GAP, value, 0)
    while at < len(value):
        end = _past(_SRCSET_URL, value, at)
        trimmed = value[at:end].rstrip(",")
        spans.append((at, at + len(trimmed)))
        if len(trimmed) == end - at:  # no comma ended the URL: its descriptors do
            end = _past(_SRCSET_DESCRIPTORS, value, end)
        at = _past(_SRCSET_GAP, value, end)
    return spans


def _past(pattern: re.Pattern[str], value: str, at: int) -> int:
    """Where ``pattern``'s match at ``at`` ends (``at`` where it does not match)."""
    found = pattern.match(value, at)
    return found.end() if found else at


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [value[start:end] for start, end in _srcset_spans(value)]
    if name == "style":
        return [m.group(2).strip() for m in _CSS_URL.finditer(value)]
    return [value.strip()]


def rewrite_urls(name: str, value: str, new_url: Callable[[str], str | None]) -> str:
    """``value`` with each relative URL replaced by ``new_url(url)`` (kept where that is None).

    >>> rewrite_urls("style", "background:url('bg.jpg')", lambda u: "../_assets/" + u)
    "background:url('../_assets/bg.jpg')"
    >>> rewrite_urls("srcset", "a.png 1x, b.png 2x", lambda u: None if u == "b.png" else "x/" + u)
    'x/a.png 1x, b.png 2x'
    """

    def swap(url: str) -> str:
        if not is_relative(url):
            return url
        replacement = new_url(url)
        return url if replacement is None else replacement

    if name == "srcset":
        pieces, at = [], 0
        for start, end in _srcset_spans(value):
            pieces += [value[at:start], swap(value[start:end])]
            at = end
        return "".join(pieces) + value[at:]
    if name == "style":
        return _CSS_URL.sub(lambda m: m.group(0).replace(m.group(2), swap(m.group(2).strip()), 1), value)
    stripped = value.strip()
    return value.replace(stripped, swap(stripped), 1)
