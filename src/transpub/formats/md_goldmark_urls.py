"""Bare URLs in transpub's HTML pages of Markdown articles (``compile --format html``) as far as
Goldmark's linkify (Hugo) takes them.

GFM's autolinks (mdit-py-plugins' ``gfm_autolink``, which the reader keeps: see :mod:`.md_linkify`)
run a URL on to the next space or ``<``: ``https://a.org*了解`` and ``https://a.org/路径`` were one
link each on transpub's page, where Hugo links ``https://a.org`` and ``https://a.org/`` and shows
``*了解`` and ``路径`` as text (and ``*了*`` after a URL as emphasis). Goldmark takes a host and a
path of ASCII letters, digits and some punctuation only (no ``*``), and trims a ``.``, unbalanced
``)`` or an entity, then ``? ! . , : * _ ~`` off its end (its ``extension/linkify.go``). The rules
here link where the reader's do (after a space, ``* _ ~ (``, a line's start, or where Goldmark
links more), ``http`` and ``https`` URLs and ``www.`` hosts, that far.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.gfm_autolink._match import check_prev

from .md_linkify import goldmark_only, link_tokens

#: Goldmark's host, port and path of a URL after its scheme (``urlRegexp``), and of a ``www.`` host
#: (``wwwURLRegxp``: no ``$`` in its path).
_HOST = r"[-a-zA-Z0-9@:%._+~#=]{1,256}\.[a-z]+"
_URL = re.compile(rf"https?://{_HOST}(?::\d+)?(?:[/#?][-a-zA-Z0-9@:%_+.~#$!?&/=();,'\">^{{}}\[\]`]*)?")
_WWW = re.compile(rf"www\.{_HOST}(?:[/#?][-a-zA-Z0-9@:%_+.~#!?&/=();,'\">^{{}}\[\]`]*)?")
#: What Goldmark trims off a URL's end.
_TRIMMED = frozenset("?!.,:*_~")
#: A scheme Goldmark links, ending the pending text before a ``:`` (not ``ftp``, which Goldmark links
#: too: the reader links no ``ftp://``, whose translation is text, and the page shows the source's
#: as its translation's).
_SCHEME = re.compile(r"https?$")
#: The schemes GFM's protocol rule links that Goldmark's linkify does not: left to that rule.
_GFM_SCHEME = re.compile(r"(?:mailto|xmpp)$")


def goldmark_url_length(text: str, start: int = 0, end: int | None = None) -> int:
    """How much of ``text[start:end]``, from its start, Goldmark's linkify links (0: none).

    >>> [goldmark_url_length(text) for text in ("https://a.org*了解", "https://a.org/路径", "www.a.org/(x)).")]
    [13, 14, 14]
    >>> goldmark_url_length("https://a.org/x&amp;"), goldmark_url_length("https://例子.org/")
    (15, 0)
    """
    end = len(text) if end is None else end
    found = (_URL if text[start : start + 1] == "h" else _WWW).match(text, start, end)
    if found is None:
        return 0
    stop = found.end()
    last = text[stop - 1]
    if last == ".":
        stop -= 1
    elif last == ")":
        stop -= max(0, text.count(")", start, stop) - text.count("(", start, stop))
    elif last == ";":
        at = stop - 2
        while at >= start and text[at].isascii() and text[at].isalnum():
            at -= 1
        if at != stop - 2 and text[at] == "&":
            stop = at
    while stop > start + 1 and text[stop - 1] in _TRIMMED:
        stop -= 1
    return stop - start


def goldmark_urls(md: MarkdownIt) -> None:
    """Link bare URLs on ``md`` (a parser :mod:`.md_parser` set up for reading) as far as Goldmark
    does (see the module's docstring); e-mail addresses and ``mailto:`` as before."""
    md.inline.ruler.disable(["goldmark_linkify_www", "goldmark_linkify_protocol"])
    md.inline.ruler.at("gfm_autolink_www", _www)
    gfm = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "gfm_autolink_protocol")
    md.inline.ruler.at("gfm_autolink_protocol", _protocol_or(gfm))


def _starts_after(state: StateInline, start: int, before: str) -> bool:
    """Whether a URL may start at ``start`` of the source, ``before`` the pending text before it."""
    if before:
        return check_prev(before[-1]) or goldmark_only(state, before[-3:])
    return start == 0 or check_prev(state.src[start - 1]) or goldmark_only(state, "")


def _length(state: StateInline, start: int, before: str) -> int:
    """How much of the source from ``start`` on Goldmark links (0: none); ``before``: the end of
    the pending text before it (its last three characters at most, "" for none)."""
    return goldmark_url_length(state.src, start, state.posMax) if _starts_after(state, start, before) else 0


def _www(state: StateInline, silent: bool) -> bool:
    """``www.…``, as far as Goldmark links it."""
    pos = state.pos
    if silent or state.linkLevel > 0 or not state.src.startswith("www.", pos):
        return False
    length = _length(state, pos, state.pending[-3:])
    if length:
        url = state.src[pos : pos + length]
        link_tokens(state, "http://" + url, url)
        state.pos += length
    return bool(length)


def _protocol_or(gfm: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """At a ``:``, a URL of a scheme Goldmark links as far as it does; ``mailto:`` and ``xmpp:`` to
    GFM's rule ``gfm``. (No copy of the pending text or of the rest of the paragraph unless a URL
    is linked: a paragraph of ``http:`` is read in linear time.)"""

    def protocol(state: StateInline, silent: bool) -> bool:
        if state.src[state.pos] != ":":
            return False
        tail = state.pending[-8:]
        if _GFM_SCHEME.search(tail):
            return gfm(state, silent)
        scheme = _SCHEME.search(tail)
        if silent or state.linkLevel > 0 or scheme is None:
            return False
        name, kept = scheme.group(), len(state.pending) - len(scheme.group())
        start = state.pos - len(name)
        if not state.src.startswith(name, start):
            return False
        length = _length(state, start, state.pending[max(0, kept - 3) : kept])
        if length:
            state.pending = state.pending[:kept]
            url = state.src[start : start + length]
            link_tokens(state, url, url)
            state.pos = start + length
        return bool(length)

    return protocol
