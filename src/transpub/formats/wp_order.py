"""What WordPress pairs in a translated unit of a page exported from it.

WordPress closes a shortcode with the first ``[/name]`` after it on the page: a translation that
moves the placeholder of one the source runs alone (``Run <1/> then <2/> alone.``, ``<2/>``:
``[ts lang="js"]``) before another's closing token (``<1/>``: ``[ts]x[/ts]``) makes WordPress hand
it what is between them (`` dann [ts]x``) as its content. Such a translation is refused (see
:func:`order_problem`), and a ``[/name]`` of a translation's text that would close a shortcode of
the unit is written ``&#91;/name]`` (see :func:`open_names`).
"""

from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Collection

from ..inline import PLACEHOLDER_RE
from .md_templates import Template, closed_pairs
from .wp_shortcodes import shortcode_templates

#: A unit's placeholders holding a shortcode's ``[``, each as WordPress reads its markup: its number,
#: where it opens or stands alone, and where it closes (see :func:`~.html_wordpress._shortcode_markup`).
Markup = tuple[tuple[int, str, str], ...]
#: Where a shortcode token is: the placeholder whose markup holds it (as written: ``<1/>``,
#: ``<2>``, ``</2>``) and where it starts in that markup.
Origin = tuple[str, int]


def order_problem(text: str, msgid: str, markup: Markup, names: tuple[str, ...]) -> str | None:
    """Why the translation ``text`` of ``msgid`` (placeholders as in ``msgid``, in any order) cannot
    be written: in its order WordPress would close a shortcode of the source's markup (``markup``,
    of the shortcodes ``names``) with another closing token than the source's; None when it pairs
    each as the source does.

    >>> markup = ((1, "[ts]x[/ts]", ""), (2, '[ts lang="js"]', ""))
    >>> order_problem("Starte <2/> dann <1/>.", "Run <1/> then <2/>.", markup, ("ts",))
    'WordPress would close [ts lang="js"] (<2/>) with the [/ts] of <1/>, handing it the text between them as its content; put <2/> after <1/>, as in the source'
    >>> order_problem("Dann <2/>, starte <1/>.", "Run <1/> then <2/>.", ((1, "[ts]x[/ts]", ""), (2, "[ts]y[/ts]", "")), ("ts",))
    """
    if text == msgid or PLACEHOLDER_RE.findall(text) == PLACEHOLDER_RE.findall(msgid):
        return None
    source, _ = _pairing(msgid, markup, names)
    translated, tokens = _pairing(text, markup, names)
    for opener, closer in translated.items():
        if source.get(opener) == closer:
            continue
        token, name = tokens[opener]
        if closer is not None:
            return (
                f"WordPress would close {token} ({opener[0]}) with the [/{name}] of {closer[0]}, handing it "
                f"the text between them as its content; put {opener[0]} after {closer[0]}, as in the source"
            )
        return (
            f"WordPress would no longer close {token} ({opener[0]}) where the source does; keep the "
            "placeholders in the source's order"
        )
    return None


def reorderable(msgid: str, markup: Markup, names: Collection[str]) -> bool:
    """Whether a translation of ``msgid`` could make WordPress pair its shortcodes (``markup``)
    otherwise by the order of their placeholders: one runs alone (no ``[/name]`` after it, nor
    ``/]``) whose ``[/name]`` another placeholder holds."""
    if not markup:
        return False
    source, tokens = _pairing(msgid, markup, tuple(names))
    alone = {tokens[opener][1] for opener, closer in source.items() if closer is None}
    return any(f"[/{name}]" in written for name in alone for _, *pieces in markup for written in pieces)


def open_names(text: str, markup: Markup, names: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """For each text of the translation ``text`` between its placeholders (the first before any:
    see :attr:`~.document.TextSlot.keep_runs`), the names of the shortcodes of ``markup`` open there:
    a ``[/name]`` written there would close one (it has no closing token of its own yet, or runs
    alone to the end).

    >>> markup = ((1, "[ts]x[/ts]", ""), (2, '[ts lang="js"]', ""))
    >>> open_names("A <1/> b <2/> c", markup, ("ts",))
    (frozenset(), frozenset(), frozenset({'ts'}))
    """
    page, _, runs = _markup_page(text, markup)
    templates = shortcode_templates(page, names)
    pairs = closed_pairs(templates)
    closer_of = {id(opener): closer for opener, closer in pairs}
    spans: list[tuple[int, int, str]] = []  # where each shortcode is open, and its name
    for template in templates:
        if template.closing or page.startswith("/]", template.end - 2):
            continue
        closer = closer_of.get(id(template))
        ends = [c.start for o, c in pairs if o.end <= template.start and template.end <= c.start]
        spans.append((template.end, closer.start if closer else min(ends, default=len(page)), template.name))
    return tuple(frozenset(name for start, end, name in spans if start <= at < end) for at in runs)


def closed_after(text: str, markup: Markup, names: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """For each text of the translation ``text`` between its placeholders (as :func:`open_names`),
    the names of the shortcodes whose closing token ``[/name]`` the markup of a placeholder after it
    holds (see :func:`escapes_closed`).

    >>> closed_after("A <1/> b", ((1, "[ts]x[/ts]", ""),), ("ts", "video"))
    (frozenset({'ts'}), frozenset())
    """
    page, _, runs = _markup_page(text, markup)
    last = {name: page.rfind(f"[/{name}]") for name in names}
    return tuple(frozenset(name for name, at in last.items() if at > run) for run in runs)


def escapes_closed(written: str, later: str, closed: Collection[str], names: tuple[str, ...]) -> str:
    """``written`` (a text of a translation as written) with each of its escapes ``[[name…]]`` of a
    shortcode of ``names`` that a ``[/name]`` after it would close written as WordPress shows it,
    ``&#91;name…]``: WordPress would run it, handing it what is between them (``[[ts]] für [ts]x[/ts]``
    runs ``ts`` with ``] für [ts]x``). The ``[/name]`` is after it in ``written``, in the
    translation's text after it (``later``), or in the markup of a placeholder after it (``closed``:
    their names, see :func:`closed_after`). The source's own escape, which nothing closes on its
    page, stays as it is.

    >>> escapes_closed("Schreibe [[ts]] für", "<1/>.", {"ts"}, ("ts",))
    'Schreibe &#91;ts] für'
    >>> escapes_closed("[[ts]] x [[ts]]", "", (), ("ts",))
    '[[ts]] x [[ts]]'
    """

    def written_as(match: re.Match[str]) -> str:
        name, closing = match.group(1), f"[/{match.group(1)}]"
        if name in closed or closing in later or closing in written[match.end() :]:
            return "&#91;" + match.group()[2:-1]
        return match.group()

    return _escape_pattern(names).sub(written_as, written)


@functools.lru_cache(maxsize=64)
def _escape_pattern(names: tuple[str, ...]) -> re.Pattern[str]:
    """WordPress's escape of a shortcode of ``names``, ``[[name …]]``: the name its group."""
    alternatives = "|".join(map(re.escape, sorted(names, key=len, reverse=True)))
    return re.compile(r"(?<!\[)\[\[(" + alternatives + r")(?![\w-])[^\[\]]*\]\]", re.ASCII)


def _pairing(
    text: str, markup: Markup, names: tuple[str, ...]
) -> tuple[dict[Origin, Origin | None], dict[Origin, tuple[str, str]]]:
    """Where the closing token is that WordPress closes each shortcode of ``text``'s placeholders
    with (None: none, it runs alone), by where the shortcode is; and each one's token and name."""
    page, placed, _ = _markup_page(text, markup)
    templates = shortcode_templates(page, names)
    closer_of = {id(opener): closer for opener, closer in closed_pairs(templates)}
    starts = [at for at, _ in placed]

    def origin(template: Template) -> Origin:
        at, placeholder = placed[bisect.bisect_right(starts, template.start) - 1]
        return placeholder, template.start - at

    pairing: dict[Origin, Origin | None] = {}
    tokens: dict[Origin, tuple[str, str]] = {}
    for template in templates:
        if not template.closing:
            closer = closer_of.get(id(template))
            pairing[origin(template)] = origin(closer) if closer is not None else None
            tokens[origin(template)] = (page[template.start : template.end], template.name)
    return pairing, tokens


def _markup_page(text: str, markup: Markup) -> tuple[str, list[tuple[int, str]], list[int]]:
    """``text`` (a translation, or its msgid) as WordPress reads its placeholders' markup: each
    placeholder its markup (of ``markup``; another's a NUL), each text a NUL (no shortcode token is
    in a translation's text: see :func:`open_names`); where each placeholder's markup starts, with
    the placeholder as written; and where each text is."""
    by_number = {number: (opening, closing) for number, opening, closing in markup}
    split = PLACEHOLDER_RE.split(text)
    pieces = ["\x00"]
    placed: list[tuple[int, str]] = []
    runs = [0]
    length = 1
    for index in range(1, len(split), 4):
        closing, number, empty = split[index : index + 3]
        written = "\x00"
        if not (closing and empty):  # ("</1/>" is text)
            opening_markup, closing_markup = by_number.get(int(number), ("\x00", "\x00"))
            written = closing_markup if closing else opening_markup
            placed.append((length, f"<{closing}{number}{empty}>"))
        pieces.extend((written, "\x00"))
        length += len(written)
        runs.append(length)
        length += 1
    return "".join(pieces), placed, runs
