"""Attributes in a start tag's source: where their values are, which are for translation, and
how to set one without touching the rest of the tag."""

from __future__ import annotations

import re

from .document import escape_attribute

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
_ATTRFIND = re.compile(
    r"((?<=['\"\s/])[^\s/>][^\s/=>]*)(\s*=+\s*('[^']*'|\"[^\"]*\"|(?!['\"])[^>\s]*))?(?:\s|/(?!>))*"
)


def unquote(value: str) -> str:
    """An attribute value without its quotes."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "'\"":
        return value[1:-1]
    return value


def attribute_spans(raw: str) -> list[tuple[str, tuple[int, int]]]:
    """``(name, (start, end))`` of each attribute value (quotes included) in a start tag's source.

    >>> attribute_spans('<img src="a.png" alt=\\'A cat\\'>')
    [('src', (9, 16)), ('alt', (21, 28))]
    """
    match = _TAGFIND.match(raw, 1)
    if not match:
        return []
    spans = []
    pos = match.end()
    while pos < len(raw):
        found = _ATTRFIND.match(raw, pos)
        if not found or found.end() == pos:
            break
        if found.group(3) is not None:
            spans.append((found.group(1).lower(), found.span(3)))
        pos = found.end()
    return spans


def replace_attribute(start_tag: str, name: str, value: str) -> str:
    """Set attribute ``name`` to ``value`` in the source of a start tag, keeping the rest as is."""
    quoted = '"' + escape_attribute(value) + '"'
    for attr, (start, end) in attribute_spans(start_tag):
        if attr == name:
            return start_tag[:start] + quoted + start_tag[end:]
    match = _TAGFIND.match(start_tag, 1)
    names = re.finditer(r"(?<=[\s'\"])" + re.escape(name) + r"(?=[\s/>])", start_tag)
    for bare in names:  # an attribute written without a value
        return start_tag[: bare.end()] + "=" + quoted + start_tag[bare.end() :]
    end = len(start_tag) - 1
    if start_tag.endswith("/>"):
        end -= 1
    before = start_tag[:end].rstrip()
    return f"{before} {name}={quoted}{start_tag[len(before) :]}" if match else start_tag


def translatable_attributes(tag: str, attrs: dict[str, str | None]) -> frozenset[str]:
    """The attributes of this element whose values are for translation."""
    names = {"title", "aria-label", "aria-description", "aria-roledescription", "aria-placeholder"}
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
        names = {"content"} if key in META_TRANSLATABLE else set()
    return frozenset(names)
