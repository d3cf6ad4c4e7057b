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
_SRCSET_URL = re.compile(r"(^|,)(\s*)([^\s,][^\s]*?)(?=\s|,|$)")


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


def _urls(name: str, value: str) -> list[str]:
    if name == "srcset":
        return [m.group(3) for m in _SRCSET_URL.finditer(value)]
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
        return _SRCSET_URL.sub(lambda m: m.group(1) + m.group(2) + swap(m.group(3)), value)
    if name == "style":
        return _CSS_URL.sub(lambda m: m.group(0).replace(m.group(2), swap(m.group(2).strip()), 1), value)
    stripped = value.strip()
    return value.replace(stripped, swap(stripped), 1)
