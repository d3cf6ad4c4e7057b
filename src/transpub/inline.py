"""Inline markup as placeholders: ``<1>…</1>`` for paired elements, ``<2/>`` for standalone ones.

A msgid such as ``Read <1>the report</1> on <2/>page 4.`` lets a translator move ``<1>``
and ``</1>`` but never see (or break) the element's attributes. These functions parse,
compare and strip placeholders; they know nothing of HTML. Article text that looks like a
placeholder (``<1>`` written as text) is escaped in msgids as ``&lt;1>`` (see :func:`escape_lookalikes`).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

#: ASCII digits only: ``<١>`` (Arabic-Indic one) is text, not placeholder 1.
PLACEHOLDER_RE = re.compile(r"<(/?)([0-9]{1,4})(/?)>")
#: Placeholders have at most four digits: a unit holds at most this many.
MAX_PLACEHOLDERS = 9999


#: A ``<`` that would start a placeholder, and a ``&`` that starts ``&lt;`` (or ``&amp;…lt;``).
_LOOKALIKE = re.compile(r"<(?=/?\d{1,4}/?>)|&(?=(?:amp;)*lt;)")
#: What :func:`escape_lookalikes` writes: ``&lt;`` before what reads as a placeholder, ``&amp;`` before
#: ``lt;`` (a translator's ``&lt;b&gt;`` is text as typed, not ``<b&gt;``).
_ESCAPED = re.compile(r"&lt;(?=/?\d{1,4}/?>)|&amp;(?=(?:amp;)*lt;)")


def escape_lookalikes(text: str) -> str:
    """Article text made safe to sit beside placeholders in a msgid: a literal ``<1>`` becomes ``&lt;1>``.

    Only what could be read as a placeholder is escaped (and ``&`` before ``lt;``, so that the
    escape itself stays unambiguous); :func:`unescape_lookalikes` undoes it exactly.

    >>> escape_lookalikes("Press <1> or <b>, R&D &lt;")
    'Press &lt;1> or <b>, R&D &amp;lt;'
    """
    if "<" not in text and "&" not in text:  # most text: nothing to escape
        return text
    return _LOOKALIKE.sub(_escape_lookalike, text)


def _escape_lookalike(match: re.Match[str]) -> str:
    return "&lt;" if match.group() == "<" else "&amp;"


def unescape_lookalikes(text: str) -> str:
    """The article text of a msgid's (or translation's) text: the inverse of :func:`escape_lookalikes`.

    >>> unescape_lookalikes("Press &lt;1> or <b>, R&D &amp;lt;")
    'Press <1> or <b>, R&D &lt;'

    A translation's ``&lt;`` before no placeholder look-alike is no escape of this module's: text as typed.

    >>> unescape_lookalikes("Schreibe &lt;b&gt; oder &lt;1>")
    'Schreibe &lt;b&gt; oder <1>'
    """
    if "&" not in text:  # (most texts: no pattern to run)
        return text
    return _ESCAPED.sub(lambda m: "<" if m.group() == "&lt;" else "&", text)


@dataclass(frozen=True)
class InlineToken:
    """One piece of a placeholder string: ``text``, ``open``, ``close`` or ``empty``."""

    kind: str
    value: str = ""
    number: int = 0


def tokenize(text: str) -> list[InlineToken]:
    """Split ``text`` into text and placeholder tokens.

    >>> [t.kind for t in tokenize("a <1>b</1> <2/>")]
    ['text', 'open', 'text', 'close', 'text', 'empty']
    """
    if "<" not in text:  # most sentences: no placeholder at all
        return [InlineToken("text", text)] if text else []
    tokens: list[InlineToken] = []
    pos = 0
    for match in PLACEHOLDER_RE.finditer(text):
        closing, number, empty = match.group(1), int(match.group(2)), match.group(3)
        if closing and empty:
            continue  # "</1/>" is not a placeholder; leave it as text
        if match.start() > pos:
            tokens.append(InlineToken("text", text[pos : match.start()]))
        kind = "close" if closing else "empty" if empty else "open"
        tokens.append(InlineToken(kind, match.group(0), number))
        pos = match.end()
    if pos < len(text):
        tokens.append(InlineToken("text", text[pos:]))
    return tokens


def texts_between_placeholders(text: str) -> list[tuple[str, tuple[str, str]]]:
    """Each text of ``text`` between its placeholders, in order, with the placeholders around it as
    written (``^`` and ``$`` for the unit's edges): what tells two texts of a unit apart.

    >>> texts_between_placeholders("a <1>b</1>")
    [('a ', ('^', '<1>')), ('b', ('<1>', '</1>')), ('', ('</1>', '$'))]
    """
    split = PLACEHOLDER_RE.split(text)
    found = []
    before = "^"
    for number in range(0, len(split), 4):
        after = "<{}{}{}>".format(*split[number + 1 : number + 4]) if number + 1 < len(split) else "$"
        found.append((split[number], (before, after)))
        before = after
    return found


def strip_placeholders(text: str) -> str:
    """The plain text of ``text``: paired tags vanish, standalone ones become nothing, escaped look-alikes text.

    >>> strip_placeholders("Read <1>the report</1><2/> &lt;3>.")
    'Read the report <3>.'
    """
    if "<" not in text and "&" not in text:
        return text
    return unescape_lookalikes(_TAG.sub("", text) if "<" in text else text)


#: A placeholder as :func:`tokenize` finds one: ``<1>``, ``</1>`` or ``<1/>``, not ``</1/>`` (text
#: there, in which no other starts).
_TAG = re.compile(r"<(?:/?[0-9]{1,4}|[0-9]{1,4}/)>")


@functools.lru_cache(maxsize=8192)  # compile asks for each msgid's several times per page
def structure_of(text: str) -> tuple[str, ...]:
    """The placeholder skeleton of ``text`` as a canonical, order-independent signature.

    Each paired placeholder is listed with the number of the pair that encloses it, so
    two texts with the same elements nested the same way compare equal even when the
    translator moved them around.

    >>> structure_of("<1>a <2>b</2></1> <3/>") == structure_of("<3/> <1><2>b</2> a</1>")
    True
    """
    if "<" not in text:
        return ()
    signature: list[str] = []
    stack: list[int] = []
    for token in tokenize(text):
        parent = stack[-1] if stack else 0
        if token.kind == "open":
            signature.append(f"{token.number}<{parent}")
            stack.append(token.number)
        elif token.kind == "close":
            if not stack or stack[-1] != token.number:
                signature.append(f"!{token.number}")
            else:
                stack.pop()
        elif token.kind == "empty":
            signature.append(f"{token.number}/{parent}")
    signature.extend(f"!open{n}" for n in stack)
    return tuple(sorted(signature))


#: Control characters (C0 but tab and line breaks, DEL, C1), which no text on a page holds.
CONTROL_RE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def control_problem(source: str, translation: str) -> str | None:
    """Why ``translation`` cannot be written into a page for the control characters it adds to
    ``source``'s (ESC, BEL, NUL, a mis-decoded U+0085: invisible, yet written into the file), or None.

    >>> control_problem("Hello.", "Hallo\x1b[31m.")
    'control character U+001B would be written into the page; remove it'
    >>> control_problem("Hello.", "Hallo.") is None
    True
    """
    if not CONTROL_RE.search(translation):
        return None
    controls = sorted(set(CONTROL_RE.findall(translation)) - set(CONTROL_RE.findall(source)))
    if not controls:
        return None
    shown = ", ".join(f"U+{ord(c):04X}" for c in controls)
    return f"control character {shown} would be written into the page; remove it"


def placeholder_problem(source: str, translation: str) -> str | None:
    """Why ``translation``'s placeholders do not fit ``source``'s, or None when they do.

    >>> placeholder_problem("<1>a</1> b", "b <1>a</1>") is None
    True
    >>> placeholder_problem("<1>a</1> b", "b a")
    'placeholder <1>…</1> is missing'
    """
    if "<" not in source and "<" not in translation:
        return None
    if PLACEHOLDER_RE.findall(source) == PLACEHOLDER_RE.findall(translation):
        return None  # the source's placeholders in the source's order (most translations): same structure
    return _structure_problem(source, translation)


def _structure_problem(source: str, translation: str) -> str | None:
    """:func:`placeholder_problem` by the texts' structures (the full path, without its quick checks)."""
    expected, found = structure_of(source), structure_of(translation)
    if expected == found:
        return None
    broken = [s for s in found if s.startswith("!")]
    if broken:
        return "placeholders are not properly nested or closed"
    exp_numbers = {_number_of(s): s for s in expected}
    got_numbers = {_number_of(s): s for s in found}
    if len(got_numbers) != len(found):
        return "a placeholder appears more than once"
    for number, sig in sorted(exp_numbers.items()):
        if number not in got_numbers:
            return f"placeholder {_display(number, sig)} is missing"
    for number, sig in sorted(got_numbers.items()):
        if number not in exp_numbers:
            return f"placeholder {_display(number, sig)} is not in the source"
    return "placeholders are nested differently from the source"


def _number_of(signature: str) -> int:
    """The placeholder number of a :func:`structure_of` item (``2<1``, ``3/0``, ``!4``, ``!open5``)."""
    return int(re.search(r"\d+", signature).group(0))  # type: ignore[union-attr]


def _display(number: int, signature: str) -> str:
    return f"<{number}/>" if "/" in signature else f"<{number}>…</{number}>"
