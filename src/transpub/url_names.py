"""How a generator names a page's URL after its file's path (``[compile] page_urls``), as each was
seen to do: MkDocs keeps the folder and file names as they are (``/Odd Folder/Mixed Name!/``),
Hugo 0.111 puts each through its path sanitizer (``/odd folder/mixed-name/``: spaces a hyphen,
other punctuation left out, a space at either end of a name a hyphen too; in lower case unless
``disablePathToLower``, which a URL compared in lower case (:func:`go_lower`) does not tell apart;
accents removed with ``removePathAccents``); and as Hugo makes a page's URL of its title, where a
permalink holds ``:title`` (:func:`urlized`)."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote_plus

from .config import PAGE_URL_STYLES

__all__ = [
    "PAGE_URL_STYLES",
    "PERMALINK_TOKEN",
    "go_lower",
    "page_url_style",
    "title_token",
    "url_name",
    "urlized",
    "without_accents",
]


def page_url_style(page_urls: str | None, heading_ids: str | None) -> str:
    """``[compile] page_urls``, else Hugo's or Jekyll's where the site's headings are that
    generator's (``heading_ids``), else the names as they are.

    >>> page_url_style(None, "hugo-0.143"), page_url_style(None, "mkdocs"), page_url_style("path", "hugo")
    ('hugo', 'path', 'path')
    >>> page_url_style(None, "jekyll")
    'jekyll'
    """
    if page_urls is not None:
        return page_urls
    if heading_ids == "jekyll":
        return "jekyll"
    return "hugo" if heading_ids is not None and heading_ids.startswith("hugo") else "path"


def url_name(name: str, style: str) -> str:
    """A folder's or file's ``name`` (or a page's ``slug``) as ``style`` puts it in a page's URL
    (Hugo sanitizes the whole path: a name is between slashes, a space at its start or end a hyphen).

    >>> url_name("Café Ünï (1)+x!", "hugo"), url_name("Café Ünï (1)+x!", "hugo-unaccented")
    ('Café-Ünï-1+x', 'Cafe-Uni-1+x')
    >>> url_name("Mixed Name!", "path"), url_name(" a  -  b ", "hugo"), url_name("50%  %41", "hugo")
    ('Mixed Name!', '-a-b-', '50-%41')
    >>> url_name(" Lead", "hugo"), url_name("a- ", "hugo"), url_name("   ", "hugo"), url_name(" -x", "hugo")
    ('-Lead', 'a-', '-', '-x')
    """
    if style == "path":
        return name
    return hugo_sanitized(f"/{name}/", unaccented=style == "hugo-unaccented")[1:-1]


def hugo_sanitized(name: str, *, unaccented: bool = False) -> str:
    """``name`` as Hugo 0.111's path sanitizer writes it (``UnicodeSanitize``, case kept): letters,
    digits, marks, ``./\\_#+~@-`` and ``%`` escapes kept, a run of spaces a hyphen before the next
    of those (none after a hyphen), anything else left out; accents first removed (``unaccented``)."""
    if unaccented:
        name = without_accents(name)
    kept: list[str] = []
    hyphen = was_hyphen = False
    for index, char in enumerate(name):
        category = unicodedata.category(char)
        allowed = (
            char in "./\\_#+~@-"
            or category[0] in "LM"
            or category == "Nd"
            or (char == "%" and _is_hex(name[index + 1 : index + 3]))
        )
        if allowed:
            was_hyphen = char == "-"
            if hyphen and not was_hyphen:
                kept.append("-")
            hyphen = False
            kept.append(char)
        elif kept and not was_hyphen and char.isspace():
            hyphen = True
    return "".join(kept)


def go_lower(text: str) -> str:
    """``text`` in lower case as Go's ``strings.ToLower`` (Hugo's) writes it: one letter at a time
    (``İ`` an ``i``, not ``i̇``; ``Σ`` a ``σ`` at a word's end too, not ``ς``).

    >>> go_lower("İstanbul ΣΟΦΟΣ Straße")
    'istanbul σοφοσ straße'
    """
    if text.isascii():
        return text.lower()
    return "".join(char.lower()[:1] for char in text)  # (only İ has a longer lower case: i and a dot)


def without_accents(text: str) -> str:
    """``text`` without its combining marks (Hugo's ``removePathAccents``).

    >>> without_accents("Café Ünï ß")
    'Cafe Uni ß'
    """
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


def _is_hex(pair: str) -> bool:
    """Whether ``pair`` is two hexadecimal digits (a ``%`` escape's)."""
    return len(pair) == 2 and all(c in "0123456789abcdefABCDEF" for c in pair)


#: A token of a permalink pattern (``:year``, ``:sections[1:]``).
PERMALINK_TOKEN = re.compile(r":([a-z]+)(\[[^\]]*\])?")


def title_token(pattern: str, own_slug: bool) -> str | None:
    """The token of ``pattern`` whose value is a page's title (``:title``; ``:slug`` of a page
    without a slug of its own: ``own_slug`` false), if any. Hugo 0.111 reads no ``slug`` for ``:title``.

    >>> title_token("/:year/:title/", True), title_token("/:slug/", False), title_token("/:slug/", True)
    (':title', ':slug', None)
    >>> title_token("/:slugorfilename/", False)
    """
    for match in PERMALINK_TOKEN.finditer(go_lower(pattern)):
        if match.group(2) is None and (
            match.group(1) == "title" or (match.group(1) == "slug" and not own_slug)
        ):
            return match.group(0)
    return None


def urlized(title: str, unaccented: bool = False) -> str:
    """A title as Hugo 0.111 puts it in a URL (``:title``; ``:slug`` of a page without one): in lower
    case, its letters, digits, ``./\\_-#+~@`` and ``%`` escapes kept, spaces a hyphen before the next
    of those (none beside a hyphen), anything else left out; then, as Hugo reads a permalink back
    (Go's ``url.QueryUnescape``), each ``+`` a space and each ``%`` escape decoded, and the path
    cleaned so once more; its accents removed each time where the site says so (``unaccented``,
    ``removePathAccents``).

    >>> urlized("The  Harbour: news & more! Ünïcode café 50% / x_y.z+w~v@u#t")
    'the-harbour-news-more-ünïcode-café-50-/-x_y.z-w~v@u#t'
    >>> urlized("a-b - c--d"), urlized(" lead  -  trail -"), urlized("%41 ok %zz 100%")
    ('a-b-c--d', 'lead-trail-', 'a-ok-zz-100')
    >>> urlized("C++ rocks"), urlized("a + b"), urlized("+y"), urlized("a%20b"), urlized("a%2Bb")
    ('c-rocks', 'a--b', '-y', 'a-b', 'a+b')
    >>> urlized("x² y"), urlized("½ price")
    ('x-y', 'price')
    >>> urlized("Café Ünï", unaccented=True)
    'cafe-uni'
    >>> urlized("%2541"), urlized("%C3%A9l puerto"), urlized("%25"), urlized("50%25 off")
    ('%41', 'él-puerto', '', '50-off')
    """
    if unaccented:
        title = without_accents(title)
    if _PLAIN.fullmatch(title):
        return title  # (most file names and slugs: as they are)
    once = unquote_plus(go_lower(hugo_sanitized(title)))
    return go_lower(hugo_sanitized(f"/{once}/", unaccented=unaccented))[1:-1]  # (cleaned again in its path)


#: A title :func:`urlized` leaves as it is.
_PLAIN = re.compile(r"[a-z0-9._~@#/-]*")
