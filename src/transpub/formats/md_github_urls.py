"""Bare URLs as GitHub links them (cmark-gfm), where GFM's autolink rules as written do not.

GFM's spec starts a bare ``https://…`` only at a line's start, after a space or after ``*``, ``_``,
``~`` or ``(`` (mdit-py-plugins' ``gfm_autolink``); GitHub's cmark-gfm links ``http://``,
``https://`` and ``ftp://`` after any character that is not an ASCII letter. Read as text, such a
URL was escaped in every translation (``https&#58;//a.org``), and the README translated for GitHub
showed no link where the source's does. Read for a page no generator is named for (see
:attr:`~transpub.formats.options.ReadOptions.github_urls`), a URL right after a character outside
ASCII (``访问https://a.org``, ``“https://a.org”``, ``éhttps://…``; none after a ``[`` that no ``]``
closes before it, where cmark-gfm links nothing) is a link as on GitHub, running as GFM runs it, to
the next space (``https://a.org了解``). After ASCII punctuation (``url=https://…``, ``&#126;https://``,
``<https://a b>``), which GitHub links too, it is still read as GFM's rules are written.
"""

from __future__ import annotations

import re
from collections.abc import MutableMapping
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.gfm_autolink._match import match_http

from .md_linkify import link_tokens

#: A scheme cmark-gfm links, ending the pending text, right after a character outside ASCII (one
#: of the characters other than an ASCII letter after which cmark-gfm links it).
_SCHEME = re.compile(r"[^\x00-\x7f](https?|ftp)$")
#: How much of the end of the pending text holds a scheme and the character before it.
_TAIL = 6


def github_urls(md: MarkdownIt) -> None:
    """Link bare URLs of ``md`` (a parser :mod:`.md_parser` set up for reading) where GitHub does and
    GFM's rules and Goldmark's (already on ``md``) do not."""
    md.inline.ruler.before("gfm_autolink_protocol", "github_linkify_protocol", _protocol)


def _protocol(state: StateInline, silent: bool) -> bool:
    """``https://…`` or ``ftp://…`` (its ``:``; the scheme is pending text) right after a character
    outside ASCII."""
    if silent or state.linkLevel > 0 or not state.src.startswith("://", state.pos):
        return False
    found = _SCHEME.search(state.pending[-_TAIL:])
    if found is None:
        return False
    name = found.group(1)
    if _after_open_bracket(state.src, state.pos - len(name), state.env):
        return False
    rest = state.src[state.pos : state.posMax]
    matched = match_http(("https" if name == "https" else "http") + rest)
    if matched is None:
        return False
    length = matched[1] - (5 if name == "https" else 4)  # (what of the source after the scheme)
    state.pending = state.pending[: -len(name)]
    label = name + rest[:length]
    link_tokens(state, label, label)
    state.pos += length
    return True


#: A bracket, unless escaped.
_BRACKET = re.compile(r"\\.|[\[\]]")


def _after_open_bracket(src: str, end: int, env: MutableMapping[str, Any] | None = None) -> bool:
    """Whether a ``[`` of ``src`` before ``end`` is closed by no ``]`` before it (``env``: where the
    count so far is kept, so that a paragraph of many URLs is read once).

    >>> _after_open_bracket("a [x 中", 6), _after_open_bracket("[x] 中", 5), _after_open_bracket("\\\\[中", 3)
    (True, False, False)
    """
    if "[" not in src:
        return False
    start, depth = 0, 0
    kept = env.get(_COUNTED) if env is not None else None
    if kept is not None and kept[0] is src and kept[1] <= end:
        start, depth = kept[1], kept[2]
    for found in _BRACKET.finditer(src, start, end):
        bracket = found.group()
        if bracket == "[":
            depth += 1
        elif bracket == "]":
            depth = max(0, depth - 1)
        start = found.end()
    if env is not None:
        env[_COUNTED] = (src, start, depth)
    return depth > 0


#: The key of the bracket count :func:`_after_open_bracket` keeps in a parse's ``env``.
_COUNTED = "github_urls_brackets"
