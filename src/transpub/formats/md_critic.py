"""Which CriticMarkup of a translation is the source's own (pymdownx.critic: ``{++ins++}``,
``{--del--}``, ``{~~old~>new~~}``, ``{==mark==}``, ``{>>comment<<}``).

pymdownx.critic reads the page's raw text before anything else, so a backslash before ``{`` does
not stop it: :func:`~transpub.formats.md_escape.escape_markdown` writes the ``{`` of each opener
``&#123;``. A span the source writes as it is stays so in a translation that keeps it as the source
has it: a whole span (opener, then the first closer of its kind, as critic reads it), its opener and
closer in the texts between the same placeholders as the source's, in the source's order, each
source span at most once. A translation so has no critic span the source lacks.
"""

from __future__ import annotations

import html
import html.entities
import re
from typing import NamedTuple

from ..inline import texts_between_placeholders

#: What opens a span, by kind; what ends it (a substitution: ``~>`` then ``~~}``).
_CLOSERS = {"{++": ("++}",), "{--": ("--}",), "{==": ("==}",), "{>>": ("<<}",), "{~~": ("~>", "~~}")}
#: The kinds of span (their openers) as :func:`runs_written_as_they_are` names them.
KINDS = frozenset(_CLOSERS)
#: A delimiter of critic markup in text.
_DELIMITER = re.compile(r"\{(?:\+\+|--|==|>>|~~)|\+\+\}|--\}|==\}|<<\}|~>|~~\}")


def _written(char: str) -> str:
    """A pattern of ``char`` as escaped text may write it: as it is, escaped, a reference."""
    forms = [re.escape(char), re.escape("\\" + char), f"&#{ord(char)};"]
    forms += [
        re.escape("&" + name)
        for name, value in html.entities.html5.items()
        if value == char and name[-1] == ";"
    ]
    return "(?:" + "|".join(forms) + ")"


#: A delimiter as :func:`~transpub.formats.md_escape.escape_markdown` may write it.
_WRITTEN_DELIMITER = re.compile(
    "|".join(
        "".join(_written(char) for char in delimiter)
        for delimiter in sorted(
            {*KINDS, *(closer for closers in _CLOSERS.values() for closer in closers)}, key=len, reverse=True
        )
    )
)


class _Delimiter(NamedTuple):
    """A delimiter of a text: the number of its text between placeholders, its number there, the
    placeholders around that text, and the delimiter."""

    piece: int
    number: int
    around: tuple[str, str]
    text: str


def _delimiters(text: str) -> list[_Delimiter]:
    """The critic delimiters of ``text`` (a msgid or a translation, with placeholders), in order."""
    return [
        _Delimiter(piece, index, around, match.group())
        for piece, (text_there, around) in enumerate(texts_between_placeholders(text))
        for index, match in enumerate(_DELIMITER.finditer(text_there))
    ]


def _spans(delimiters: list[_Delimiter]) -> list[tuple[_Delimiter, ...]]:
    """The spans critic reads from ``delimiters``: each opener with the first closers of its kind after it."""
    spans: list[tuple[_Delimiter, ...]] = []
    # (the next of each closer from each delimiter on: a scan per opener took n² time where none closes)
    following = _following(delimiters)
    at = 0
    while at < len(delimiters):
        opener = delimiters[at]
        span, look = [opener], at + 1
        for closer in _CLOSERS.get(opener.text, ()):
            look = following[closer][look]
            if look == len(delimiters):
                break
            span.append(delimiters[look])
            look += 1
        if len(span) == 1 + len(_CLOSERS.get(opener.text, ())) and len(span) > 1:
            spans.append(tuple(span))
            at = look
        else:
            at += 1
    return spans


def _following(delimiters: list[_Delimiter]) -> dict[str, list[int]]:
    """For each closer: the number of its first delimiter at or after each number (past the end: none)."""
    found: dict[str, list[int]] = {}
    for closer in {closer for closers in _CLOSERS.values() for closer in closers}:
        at = [len(delimiters)] * (len(delimiters) + 1)
        for number in range(len(delimiters) - 1, -1, -1):
            at[number] = number if delimiters[number].text == closer else at[number + 1]
        found[closer] = at
    return found


def critic_written_as_they_are(raw: str, shown: str) -> frozenset[str]:
    """The kinds of critic span (their openers) a block's text (``raw``: as written; ``shown``: as
    shown) writes as they are wherever it has them.

    >>> sorted(critic_written_as_they_are("a {++b++} &#123;--c--}", "a {++b++} {--c--}"))
    ['{++']
    """
    return frozenset(kind for kind in KINDS if kind in shown and raw.count(kind) == shown.count(kind))


def critic_kept(msgid: str, translation: str, kinds: frozenset[str]) -> dict[int, frozenset[int]]:
    """The critic delimiters of ``translation`` that are the source's (see the module's docstring),
    by the number of its text between placeholders: their numbers there.

    >>> kinds = frozenset({"{++"})
    >>> critic_kept("A {++<1>new</1>++} word.", "Ein {++<1>neues</1>++} Wort {++x++}.", kinds)
    {0: frozenset({0}), 2: frozenset({0})}
    >>> critic_kept("A {++new++} word.", "Ein {++neues Wort.", kinds)
    {}
    """
    if not kinds:
        return {}
    source = [span for span in _spans(_delimiters(msgid)) if span[0].text in kinds]
    kept: dict[int, set[int]] = {}
    at = 0
    for span in _spans(_delimiters(translation)):
        shape = [(part.around, part.text) for part in span]
        for number in range(at, len(source)):
            if [(part.around, part.text) for part in source[number]] == shape:
                for part in span:
                    kept.setdefault(part.piece, set()).add(part.number)
                at = number + 1
                break
    return {piece: frozenset(indexes) for piece, indexes in kept.items()}


def with_critic_kept(written: str, text: str, kept: frozenset[int]) -> str:
    """``written`` (``text`` escaped) with the critic delimiters of ``text`` numbered in ``kept``
    as ``text`` writes them.

    >>> print(with_critic_kept("&#123;&#43;+a++} &#123;++b++}", "{++a++} {++b++}", frozenset({0, 1})))
    {++a++} &#123;++b++}
    """
    if not kept:
        return written
    delimiters = [match.group() for match in _DELIMITER.finditer(text)]
    found = list(_WRITTEN_DELIMITER.finditer(written))
    if [html.unescape(match.group().replace("\\", "")) for match in found] != delimiters:
        return written  # (never: escaping keeps each delimiter one)
    return put_back(written, found, delimiters, kept)


def put_back(written: str, found: list[re.Match[str]], raws: list[str], kept: frozenset[int]) -> str:
    """``written`` with each of ``found`` (matches in it, one per item of ``raws``) numbered in
    ``kept`` replaced by its ``raws`` item: what a translation writes as the source does (critic's
    delimiters here, md_runs' runs).

    >>> text = "&#123;++a++} &#123;++b++}"
    >>> put_back(text, list(_WRITTEN_DELIMITER.finditer(text)), ["{++", "++}"] * 2, frozenset({0}))
    '{++a++} &#123;++b++}'
    """
    out, last = [], 0
    for number, match in enumerate(found):
        if number in kept:
            out += [written[last : match.start()], raws[number]]
            last = match.end()
    return "".join(out) + written[last:]
