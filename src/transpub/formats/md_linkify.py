"""Bare URLs Goldmark's linkify (Hugo) links where GFM's autolinks do not.

GFM links a bare ``https://…`` or ``www.…`` only at the start of a line or after a space, ``*``,
``_``, ``~`` or ``(`` (mdit-py-plugins' ``gfm_autolink``). Goldmark also tries its linkify right
after any inline node: after a quote its typographer makes curly (``"https://…"``: a table of
example values), a dash or an ellipsis it writes (``--``, ``...``, ``<<``, ``>>``), and after code,
a link, an image or an HTML tag (``<b>https://…``). These rules run before GFM's and link there too,
with GFM's own scanners for where the URL ends, so that the reader sees the link Hugo shows.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from markdown_it import MarkdownIt
from markdown_it.rules_inline import StateInline
from mdit_py_plugins.gfm_autolink._match import check_prev, match_any_email, match_http, match_www

#: A protocol name the text before a ``:`` ends with (``pending``), as GFM's protocol rule reads it.
_PROTOCOL = re.compile(r"(https?)$")
#: Any protocol name GFM's protocol rule looks for before a ``:`` (its ``_PROTO_RE``, which may be
#: followed by one line break).
_GFM_PROTOCOL = re.compile(r"(?:https?|mailto|xmpp)$")
#: How much of the end of the pending text holds any of them (``mailto``, a line break, one more).
_PROTOCOL_TAIL = 8
#: What Goldmark's typographer writes as an inline node, right before a URL.
_TYPOGRAPHER = ("--", "...", "<<", ">>")
#: Tokens that are not inline nodes to Goldmark (text, an escape or an entity, a line break).
_NOT_NODES = frozenset({"text", "text_special", "softbreak", "hardbreak"})


def goldmark_linkify(md: MarkdownIt) -> None:
    """Link bare URLs where Goldmark's linkify does and GFM's (already on ``md``) does not."""
    md.inline.ruler.before("gfm_autolink_www", "goldmark_linkify_www", _www)
    md.inline.ruler.before("gfm_autolink_protocol", "goldmark_linkify_protocol", _protocol)
    gfm = next(rule.fn for rule in md.inline.ruler.__rules__ if rule.name == "gfm_autolink_protocol")
    md.inline.ruler.at("gfm_autolink_protocol", _after_a_protocol_name(gfm))


def _after_a_protocol_name(rule: Callable[[StateInline, bool], bool]) -> Callable[[StateInline, bool], bool]:
    """GFM's protocol ``rule``, asked only where the pending text ends with a protocol name: it
    searches the whole pending text for one at every ``:``, a time that grows with the square of a
    paragraph of colons (or of ``http:``, ``mailto:``), and copies the rest of the paragraph for each
    name. The same answers: the name must end the pending text, and what follows be a URL's start or
    an address."""

    def rule_after_a_name(state: StateInline, silent: bool) -> bool:
        found = _GFM_PROTOCOL.search(state.pending[-_PROTOCOL_TAIL:])
        if found is None:
            return False
        name, pos = found.group(), state.pos
        if state.posMax == len(state.src):  # (its answer, without the copy of the rest it makes for it)
            if name.startswith("http") and not state.src.startswith("://", pos):
                return False
            if name in ("mailto", "xmpp") and match_any_email(state.src, pos + 1, name) is None:
                return False
        return rule(state, silent)

    return rule_after_a_name


def goldmark_only(state: StateInline, before: str) -> bool:
    """Whether Goldmark starts a bare URL right after ``before`` (the pending text up to the URL),
    where GFM does not: after a typographer's quote, dash or ellipsis, or right after an inline node."""
    if not before:
        return bool(state.tokens) and state.tokens[-1].type not in _NOT_NODES
    last = before[-1]
    if check_prev(last):
        return False  # (GFM's rule links it)
    if last == "'":
        return True  # an apostrophe (it's) or an opening quote: curled either way
    if last == '"':  # curled where it can only open: after a space, punctuation or nothing
        previous = before[-2] if len(before) > 1 else " "
        return previous.isspace() or unicodedata.category(previous).startswith(("P", "S"))
    return before.endswith(_TYPOGRAPHER)


def link_tokens(state: StateInline, url: str, label: str) -> None:
    """The link tokens of a bare URL, as GFM's rules make them."""
    token = state.push("link_open", "a", 1)
    token.attrs = {"href": state.md.normalizeLink(url)}
    token.markup, token.info = "autolink", "auto"
    token = state.push("text", "", 0)
    token.content = state.md.normalizeLinkText(label)
    token = state.push("link_close", "a", -1)
    token.markup, token.info = "autolink", "auto"


def _www(state: StateInline, silent: bool) -> bool:
    """``www.…`` right after what only Goldmark starts a URL after."""
    pos = state.pos
    if silent or state.linkLevel > 0 or not state.src.startswith("www.", pos):
        return False
    if not goldmark_only(state, state.pending):
        return False
    found = match_www(state.src[pos : state.posMax])
    if found is None:
        return False
    url, length = found
    link_tokens(state, url, state.src[pos : pos + length])
    state.pos += length
    return True


def _protocol(state: StateInline, silent: bool) -> bool:
    """``https://…`` (its ``:``; the protocol name is pending text) right after what only Goldmark
    starts a URL after."""
    if silent or state.linkLevel > 0 or state.src[state.pos] != ":":
        return False
    tail = state.pending[-_PROTOCOL_TAIL:]  # (the name ends the pending text: not all of it searched)
    protocol = _PROTOCOL.search(tail)
    if protocol is None:
        return False
    at = len(state.pending) - len(tail) + protocol.start()
    if not goldmark_only(state, state.pending[max(0, at - 3) : at]):  # (it reads 3 characters at most)
        return False
    name = protocol.group(1)
    combined = name + state.src[state.pos : state.posMax]
    found = match_http(combined)
    if found is None:
        return False
    url, length = found
    state.pending = state.pending[: -len(name)]
    link_tokens(state, url, combined[:length])
    state.pos += length - len(name)
    return True
