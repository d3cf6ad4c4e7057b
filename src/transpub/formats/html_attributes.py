"""Attributes in a start tag's source: where their values are, which are for translation, and
how to set one without touching the rest of the tag."""

from __future__ import annotations

import html as htmllib
import re
from typing import TypeVar

from ..model import URL_SCHEME
from .escape import escape_attribute

T = TypeVar("T")

META_TRANSLATABLE = frozenset(
    {
        "description",
        "keywords",
        "og:title",
        "og:description",
        "og:site_name",
        "twitter:title",
        "twitter:description",
        "twitter:image:alt",
        "og:image:alt",
    }
)

_TAGFIND = re.compile(r"([a-zA-Z][^\t\n\r\f />\x00]*)(?:\s|/(?!>))*")
#: A template token a generator runs before the HTML is read: its quoted parameters, which may hold
#: the value's quote (``{{< phone "home" >}}``, ``{% include a.html x='y' %}``), ``>`` or spaces, with it
#: (at most 200 pieces of 200 characters: a page of thousands of ``{{<`` is read in linear time).
_TEMPLATE = (
    r"\{\{[<%](?:\"[^\"\n]{0,200}\"|`[^`\n]{0,200}`|[^\"`\n]){0,200}?[>%]\}\}"  # (Hugo's: "…", `…`)
    r"|\{[{%](?:\"[^\"\n]{0,200}\"|'[^'\n]{0,200}'|[^\"'\n]){0,200}?[}%]\}"  # (Liquid's: "…", '…')
)
#: (a value holds a Hugo shortcode or Liquid token whole, ``title=Call{{< phone >}}now``,
#: ``title="Call {{< phone "home" >}}"``, where the tag's source does: the generator runs it before
#: the HTML is read, see html_templates)
_ATTRFIND = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)"
    rf"(\s*=+\s*('(?:{_TEMPLATE}|[^'])*+'|\"(?:{_TEMPLATE}|[^\"])*+\"|(?!['\"])(?:{_TEMPLATE}|[^>\s])*+))?"
    r"(?:\s|/(?!>))*"
)


#: The Open Graph ``<meta property>`` tags compile rewrites on a page (its language, its address, the
#: other languages it is in).
OPEN_GRAPH_REWRITTEN = frozenset({"og:locale", "og:url", "og:locale:alternate"})


def unquote(value: str) -> str:
    """An attribute value without its quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def _attributes(raw: str) -> list[tuple[str, int, tuple[int, int] | None]]:
    """``(name, end of the name, value span or None)`` of each attribute in a start tag's source."""
    match = _TAGFIND.match(raw, 1)
    if not match:
        return []
    found_all = []
    pos = match.end()
    while pos < len(raw):
        found = _ATTRFIND.match(raw, pos)
        if not found or found.end() == pos:
            break
        value = found.span(3) if found.group(3) is not None else None
        found_all.append((found.group(1).lower(), found.end(1), value))
        pos = found.end()
    return found_all


def attribute_spans(raw: str) -> list[tuple[str, tuple[int, int]]]:
    """``(name, (start, end))`` of each attribute value (quotes included) in a start tag's source.

    >>> attribute_spans('<img src="a.png" alt=\\'A cat\\'>')
    [('src', (9, 16)), ('alt', (21, 28))]
    """
    return [(name, value) for name, _, value in _attributes(raw) if value is not None]


def has_attribute(start_tag: str, name: str) -> bool:
    """Whether the source of a start tag has attribute ``name`` (lower case), with a value or not.

    >>> has_attribute('<html lang="en" XML:LANG=en>', "xml:lang"), has_attribute('<html title="xml:lang">', "xml:lang")
    (True, False)
    """
    return any(attr == name for attr, _, _ in _attributes(start_tag))


def replace_attribute(start_tag: str, name: str, value: str) -> str:
    """Set attribute ``name`` to ``value`` in the source of a start tag, keeping the rest as is.

    Only attributes are looked at, never the words of another attribute's value:

    >>> replace_attribute('<html lang="en" class="theme dir auto">', "dir", "ltr")
    '<html lang="en" class="theme dir auto" dir="ltr">'
    >>> replace_attribute("<html lang=en hidden>", "hidden", "x"), replace_attribute("<br/>", "id", "a")
    ('<html lang=en hidden="x">', '<br id="a"/>')
    """
    quoted = '"' + escape_attribute(value) + '"'
    for attr, name_end, span in _attributes(start_tag):
        if attr == name:
            if span is None:  # written without a value
                return start_tag[:name_end] + "=" + quoted + start_tag[name_end:]
            return start_tag[: span[0]] + quoted + start_tag[span[1] :]
    if not _TAGFIND.match(start_tag, 1):
        return start_tag
    end = len(start_tag) - 1
    if start_tag.endswith("/>"):
        end -= 1
    before = start_tag[:end].rstrip()
    return f"{before} {name}={quoted}{start_tag[len(before) :]}"


def set_attributes(start_tag: str, attributes: dict[str, str]) -> str:
    """Set (replace or add) attributes on the source text of a start tag.

    >>> set_attributes('<html lang="en" class=x>', {"lang": "de", "dir": "ltr"})
    '<html lang="de" class=x dir="ltr">'
    """
    for name, value in attributes.items():
        start_tag = replace_attribute(start_tag, name, value)
    return start_tag


def translatable_attributes(
    tag: str, attrs: dict[str, str | None], more: tuple[str, ...] = ()
) -> frozenset[str]:
    """The attributes of this element whose values are for translation (``more``: the project's
    ``element@attribute`` entries, ``[extract] attributes``).

    >>> sorted(translatable_attributes("listing", {"caption": "A"}, ("listing@caption", "*@data-tip")))
    ['aria-description', 'aria-label', 'aria-placeholder', 'aria-roledescription', 'caption', 'data-tip', 'title']
    """
    names = {"title", "aria-label", "aria-description", "aria-roledescription", "aria-placeholder"}
    for entry in more:
        element, _, attribute = entry.partition("@")
        if element in ("*", tag):
            names.add(attribute)
    if tag in ("img", "area") or (tag == "input" and (attrs.get("type") or "").lower() == "image"):
        names.add("alt")
    if tag in ("input", "textarea"):
        names.add("placeholder")
        if (attrs.get("type") or "").lower() in ("button", "submit", "reset"):
            names.add("value")
    if tag in ("track", "option", "optgroup", "menu", "menuitem"):
        names.add("label")
    if tag == "th":
        names.add("abbr")
    if tag == "meta":
        key = (attrs.get("name") or attrs.get("property") or "").lower()
        # a browser acts on http-equiv (refresh, set-cookie) whatever name the tag has: never a translation
        names = {"content"} if key in META_TRANSLATABLE and "http-equiv" not in attrs else set()
    return frozenset(names)


#: An ``href`` whose value may be a relative URL: neither a scheme's (``https:``, ``mailto:``) nor a
#: fragment's (after spaces or an entity that may hide either, it may). Possessive: a quote given
#: back would let the test pass at every ``href="``.
_MAY_BE_RELATIVE = re.compile(rf"""href[\s=]*+['"]?+(?!{URL_SCHEME.pattern}|#)""", re.IGNORECASE)


def page_href(raw: str) -> tuple[tuple[int, int], str] | None:
    """The span of the value of a start tag's first ``href``, and its URL, when it may lead to another
    page of the site: root-relative (``/docs/x``: compile may point it at the reader's language,
    ``[compile.links]``; written back by :func:`quoted_attribute`) or relative to the page (``b.html``, ``../sport/b.html?x=1#top``); not one with a scheme, one to another host
    (``//cdn.example/x``), or one to the page itself (``#top``, ``?page=2``, empty).

    >>> page_href('<a href="../b.html#top">'), page_href("<a href='/docs/'>")
    (((8, 23), '../b.html#top'), ((8, 16), '/docs/'))
    >>> page_href('<a href="https://example.org/">'), page_href('<a href="#top">'), page_href('<a href="//x/">')
    (None, None, None)
    """
    if not _MAY_BE_RELATIVE.search(raw):
        return None  # every href value starts with a scheme or a fragment
    for name, (start, end) in attribute_spans(raw):
        if name != "href":
            continue
        url = htmllib.unescape(unquote(raw[start:end])).strip()
        if not url or url.startswith(("#", "?", "//", "/\\", "\\")) or URL_SCHEME.match(url):
            return None
        return (start, end), url
    return None


def spliced(raw: str, values: list[tuple[tuple[int, int], T]]) -> list[str | T]:
    """``raw`` (a start tag) with the value at each span of ``values`` replaced by its part, in the
    tag's order, and no empty string between them.

    >>> spliced('<a title="T" href="/x">', [((18, 22), "HREF"), ((9, 12), "TITLE")])
    ['<a title=', 'TITLE', ' href=', 'HREF', '>']
    """
    parts: list[str | T] = []
    pos = 0
    for (start, end), part in sorted(values, key=lambda value: value[0]):
        parts.append(raw[pos:start])
        parts.append(part)
        pos = end
    parts.append(raw[pos:])
    return [part for part in parts if part != ""]


def quoted_attribute(value: str) -> str:
    """An attribute value as written in a start tag, quotes included (a named function: the read
    cache stores it by name)."""
    return '"' + escape_attribute(value) + '"'
