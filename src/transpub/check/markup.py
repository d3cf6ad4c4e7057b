"""The ``markup`` check: raw HTML typed into a translation would be shown as text.

Inline elements reach translators as placeholders (``<1>…</1>``); compile escapes everything
else. So ``<b>``, ``</a>``, ``<br>`` or ``&nbsp;`` in a msgstr, when the source does not
have them as text, would appear literally on the page. So would a control character (ESC, NUL, a
mis-decoded U+0085) the source does not hold.
"""

from __future__ import annotations

import re
from collections import Counter

from transpub.inline import PLACEHOLDER_RE, control_problem

RAW_MARKUP_RE = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>"  # a tag, attributes after a space or a slash ("<svg/onload=…>")
    r"|<!--.*?-->"  # a comment
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"  # an entity
)
#: ``RAW_MARKUP_RE`` with a comment's opener alone: its end is looked for by ``_comment_end``, once
#: per run of openers (the lazy ``.*?-->`` searched the rest of the line from each of thousands).
_MARKUP_OR_OPENER = re.compile(
    r"</?[A-Za-z][A-Za-z0-9-]*(?:[\s/][^<>]*)?>"
    r"|(?P<comment><!--)"
    r"|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
)


def find_raw_markup(text: str) -> list[str]:
    """Tags, comments and entities in ``text`` that are not placeholders.

    >>> find_raw_markup("Lies <1>den Bericht</1> <b>jetzt</b>&nbsp;!")
    ['<b>', '</b>', '&nbsp;']
    >>> find_raw_markup("a < b and c > d, AT&T")
    []
    """
    text = PLACEHOLDER_RE.sub(" ", text)
    found: list[str] = []
    ends = _NextFinder(text)
    pos = 0
    while (match := _MARKUP_OR_OPENER.search(text, pos)) is not None:
        if match.group("comment") is None:
            found.append(match.group(0))
            pos = match.end()
            continue
        close = ends.find("-->", match.end())
        if close < ends.find("\n", match.end()):  # (``.`` stops at a line's end)
            found.append(text[match.start() : close + 3])
            pos = close + 3
        else:  # no comment here: what follows the opener is read as RAW_MARKUP_RE would
            pos = match.start() + 1
    return found


class _NextFinder:
    """``text.find(needle, start)`` for starts that only grow: a search that found nothing at
    or before a later start is not repeated (linear in all, however many starts are asked)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[str, tuple[int, int]] = {}  # needle: (start asked, where found or -1)

    def find(self, needle: str, start: int) -> int:
        """Where ``needle`` is first at or after ``start``, or ``len(text)`` when nowhere."""
        asked, at = self.found.get(needle, (-1, -1))
        if not (asked <= start and (at == len(self.text) or at >= start)):
            at = self.text.find(needle, start)
            at = len(self.text) if at < 0 else at
            self.found[needle] = (start, at)
        return at


def markup_problem(source: str, translation: str) -> str | None:
    """Why ``translation`` holds markup that would show as text, or None.

    Markup the source itself has as text (an article about HTML) is allowed as often as
    the source has it.

    >>> markup_problem("Read <1>the report</1>.", "Lies <b>den Bericht</b>.")
    'raw markup <b>, </b> would be shown as text; use the placeholders of the source (<1>…</1>)'
    >>> markup_problem("Type &lt;b&gt; or <b>", "Tippe <b>") is None
    True
    >>> markup_problem("Hello.", "Hallo\x1b[31m.")
    'control character U+001B would be written into the page; remove it'
    """
    controls = control_problem(source, translation)
    if controls:
        return controls
    allowed = Counter(find_raw_markup(source))
    extra: list[str] = []
    for item in find_raw_markup(translation):
        if allowed[item] > 0:
            allowed[item] -= 1
        else:
            extra.append(item)
    if not extra:
        return None
    shown = ", ".join(dict.fromkeys(extra))
    return f"raw markup {shown} would be shown as text; {use_source_placeholders(source)}"


def use_source_placeholders(source: str) -> str:
    """What to do about markup or placeholders a translation of ``source`` got wrong.

    >>> use_source_placeholders("Read <1>the report</1>.<2/>")
    'use the placeholders of the source (<1>…</1> <2/>)'
    >>> use_source_placeholders("Hello.")
    'write plain text'
    """
    found = list(PLACEHOLDER_RE.finditer(source))
    tokens = sorted({m.group(2) for m in found}, key=int)
    if not tokens:
        return "write plain text"
    singles = {m.group(2) for m in found if m.group(3)}  # one pass: not a search of source per token
    shown_tokens = [f"<{n}/>" if n in singles else f"<{n}>…</{n}>" for n in tokens[:12]]
    more = " …" if len(tokens) > 12 else ""
    return "use the placeholders of the source (" + " ".join(shown_tokens) + more + ")"
