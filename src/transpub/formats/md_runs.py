"""Which ``=``, ``^`` and ``+`` of a translation are the source's own pymdownx markup (MkDocs'
mark, caret, keys).

:func:`~transpub.formats.md_escape.escape_markdown` writes every run of ``==`` and of ``^`` that
could open or close ``==mark==``, ``^^ins^^`` or ``^sup^`` (one not between two spaces), and a
``++`` that would open ``++ctrl+alt++``, as character references. A run the source writes as it is — a span the source marks (``==**x**==``,
``2^10^``, ``++ctrl++``), or text (```a`==`b```, ``x^2``) — stays so in a translation that keeps it where
the source has it: in the text between the same two placeholders, where nothing beside it lets it
open or close more than the source's run may (a space, a letter, ``_``: what pymdownx looks at,
with its smart rules and without), in the source's order, each at most once; a ``^`` or ``++`` (a
``^sup^`` or ``++keys++`` holds no space) with no other kept in its word that the source's word lacks.
A ``++`` opens keys only where the source's opens keys as many and named alike (quoted names may
differ: ``++'Mein Taste'++``). A translation so never has more of them to open or close a span than
the source has, nor one that opens or closes where the source's could not: its own are text.

A run the source writes escaped (``\\^x^``'s first, ``\\^^``) is none of those, run by run
(:func:`runs_as_written`): its others stay as written.

What is beside a unit's first and last run is taken as it is in the translation (``⟦==x``: a
character that is no space or letter), the sentence beside it is not looked at.
"""

from __future__ import annotations

import bisect
import collections
import functools
import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from ..inline import PLACEHOLDER_RE, texts_between_placeholders
from .md_critic import KINDS, critic_kept, put_back, with_critic_kept

#: A run of the characters pymdownx' mark and caret read (in a translation's text, unescaped).
_RUN = re.compile(r"=+|\^+|\++")
#: A quoted key name: what pymdownx.keys reads as ``"(?:\\.|[^"])+"`` (and with ``'``), written so
#: that each character is read one way: a quote in it has a backslash before it (its backtracking
#: over a run of backslashes, each one escape or two characters, took time doubling with each).
_QUOTED = r""""(?:[^"]|(?<=\\)")+"|'(?:[^']|(?<=\\)')+'"""
#: ``++keys++`` (pymdownx.keys: names, quoted or not, joined by ``+``), from its opening ``++``.
_OPENS_KEYS = re.compile(rf"\+\+(?:[\w\-]+|{_QUOTED})(?:\+(?:[\w\-]+|{_QUOTED}))*?\+\+")
#: A quoted key name in :data:`_OPENS_KEYS`.
_QUOTED_NAME = re.compile(_QUOTED)
#: Whitespace, what ends a word (``\\ ``, an escaped space, is in ``^sup^`` and does not), or an escape.
_SPACES = re.compile(r"\\.|\s+", re.S)
#: A placeholder that is none (``</1/>``): text, as the document's tokenizer reads it.
_NO_PLACEHOLDER = re.compile(r"</[0-9]{1,4}/>")
#: A run as :func:`~transpub.formats.md_escape.escape_markdown` writes it: characters, references,
#: escapes; or an escape of another character (``\\``, whose second backslash escapes no ``+`` after it).
_WRITTEN_RUN = re.compile(r"(\\[^=^+])|(?:=|&#61;|\\=)+|(?:\^|&#94;|\\\^)+|(?:\+|&#43;|\\\+)+")


@dataclass(frozen=True)
class _Run:
    """A run of ``=`` or ``^`` in a unit's text: where, what, and what is on each side."""

    piece: tuple[str, str]  # the placeholders (or ^ and $, the unit's edges) around its text
    index: int  # its number among the runs of that text
    run: str
    before: str  # the kind of character before it (see _kind)
    after: str
    word: int  # the number of the word (text between spaces, placeholders in it) it is in
    number: int  # its number among all runs of the text (of each character, one or more)
    keys: str  # the ``++keys++`` its ``++`` opens in its text, each quoted name as ``"…"`` ("": none)


def _kind(char: str, token: str, escape: str = "") -> str:
    """What pymdownx tells apart beside a run: a space, ``_``, a letter or digit, a character of a
    key's name (``-``, a quote), anything else; ``"markup"`` at a placeholder (``token``: the
    placeholder there, ``^`` or ``$`` at the unit's edges, anything else there; ``escape``: the
    character before ``char``, a backslash making a space no space to pymdownx)."""
    if not char:
        return "other" if token in ("^", "$") else "markup"
    if char.isspace() and escape != "\\":
        return "space"
    if char == "_":
        return "_"
    if char in "-\"'":
        return "key"
    return "word" if char.isalnum() else "other"


@functools.cache
def _can(before: str, after: str) -> frozenset[str]:
    """What a run between characters of the kinds ``before`` and ``after`` (see :func:`_kind`) may
    do in pymdownx, with its smart rules (as by default) and without: open, close (a placeholder's
    markup, not known here: anything)."""
    can = set()
    if before != "word" and after != "space":
        can.add("smart open")
    if before != "space" and after != "word":
        can.add("smart close")
    if after != "space":
        can.add("open")
    if before != "space":
        can.add("close")
    if after in ("word", "_", "key", "markup"):
        can.add("open keys")
    if before in ("word", "_", "key", "markup"):
        can.add("close keys")
    return frozenset(can)


def _as_sources(mine: _Run, source: _Run) -> bool:
    """Whether the run ``mine`` of a translation may be written as the source writes ``source``:
    the same run in the same text between placeholders, beside the same placeholder where the
    source's is beside one, and able to do no more than the source's there."""
    return (
        (mine.piece, mine.run) == (source.piece, source.run)
        and (source.before != "markup" or mine.before == "markup")
        and (source.after != "markup" or mine.after == "markup")
        and _can(mine.before, mine.after) <= _can(source.before, source.after)
    )


def _runs(text: str, after_keys: bool = False) -> list[_Run]:
    """The runs of ``=``, ``^`` and ``+`` in ``text`` (a msgid or a translation, with placeholders), in order;
    ``=`` only two or more (one opens nothing), ``+`` too but beside a quote (``++"Taste"+a++``, ``++'a+'++``).
    ``after_keys``: a ``++`` that closes keys opens none (as pymdownx reads the source; a
    translation's may, where the keys before it are not kept)."""
    found: list[_Run] = []
    # where each space (no escaped one) starts: the number of those before a run is its word's
    spaces = [match.start() for match in _SPACES.finditer(text) if not match.group().startswith("\\")]
    offset, count = 0, 0
    for piece, (before_token, after_token) in texts_between_placeholders(text):
        keys_end = 0  # (after_keys: where the keys before end: pymdownx reads their ++ as closing them)
        for index, match in enumerate(_RUN.finditer(piece)):
            run, (start, end) = match.group(), match.span()
            count += 1
            if run == "=" or (
                run == "+" and not {piece[start - 1 : start], piece[end : end + 1]} & {"'", '"'}
            ):
                continue
            keys, ends = _keys(piece, end) if run.startswith("++") and end - 2 >= keys_end else ("", 0)
            keys_end = ends if after_keys and keys else keys_end
            found.append(
                _Run(
                    (before_token, after_token),
                    index,
                    run,
                    _kind(piece[start - 1 : start], before_token, piece[start - 2 : start - 1]),
                    _kind(piece[end : end + 1], after_token),
                    bisect.bisect_left(spaces, offset + start),
                    count - 1,
                    keys,
                )
            )
        offset += len(piece) + (len(after_token) if after_token != "$" else 0)
    return found


def _keys(piece: str, end: int) -> tuple[str, int]:
    """The ``++keys++`` the ``++`` ending at ``end`` opens in ``piece``, each quoted name as ``"…"``
    (the names a translation may translate), and where they end; ``""`` and 0 for none.

    >>> _keys("Press ++ctrl+'Mein Taste'++ now", 8)
    ('++ctrl+"…"++', 27)
    """
    found = _OPENS_KEYS.match(piece, end - 2)
    return (_QUOTED_NAME.sub('"…"', found.group()), found.end()) if found else ("", 0)


def kept_runs(
    msgid: str, translation: str, runs: frozenset[str], as_written: tuple[bool, ...] | None = None
) -> dict[int, frozenset[int]]:
    """The runs of ``translation`` that are the source's (see the module's docstring), by the number
    of its text between placeholders (0: before the first): the numbers of those runs there.
    ``runs``: those runs the source writes as they are wherever it has them (see
    :func:`runs_written_as_they_are`); ``as_written``, where known: whether the source writes each
    run of ``msgid`` as it is (see :func:`runs_as_written`), which it is then instead.

    >>> runs = frozenset({"==", "^"})
    >>> kept_runs("==<1>x</1>== and 2^10^", "⟦==<1>x</1>== und 2^10^⟧", runs)
    {0: frozenset({0}), 2: frozenset({0, 1, 2})}
    >>> kept_runs("Use <1/>==<2/> here.", "<1/>==<2/> ==hier==", runs)
    {1: frozenset({0})}
    >>> kept_runs("x^2 and y^3", "x^2和y^3", runs), kept_runs("x^2 and y^3", "x^2 und y^3", runs)
    ({0: frozenset({0})}, {0: frozenset({0, 1})})
    >>> kept_runs("x^2 and y^3", r"x^2\\ y^3", runs)
    {0: frozenset({0})}
    >>> kept_runs("Text ^x^ end.", "Text ^x^ end.", frozenset(), (False, True))
    {0: frozenset({1})}
    """
    if (
        (not runs and not any(as_written or ()))
        or _NO_PLACEHOLDER.search(msgid)
        or _NO_PLACEHOLDER.search(translation)
    ):
        return {}
    every = _runs(msgid, after_keys=True)
    if as_written is not None:  # (those it writes otherwise are the source's too, not kept)
        runs = frozenset(run.run for run in every if run.number < len(as_written) and as_written[run.number])
    source = [run for run in every if run.run in runs]
    kept: dict[tuple[str, str], set[int]] = {}
    words: dict[int, int] = {}  # a translation's word with a ^ kept: the source's word of its ^
    # the source's runs by what _as_sources looks at, each group's numbers in order: a translation's
    # run finds the first it may be written as by a search in each group, not by trying them all
    groups: dict[tuple[tuple[str, str], str], dict[tuple[str, str], list[int]]] = {}
    for number, mine in enumerate(source):
        kinds = groups.setdefault((mine.piece, mine.run), {})
        kinds.setdefault((mine.before, mine.after), []).append(number)
    at = 0
    for run in _runs(translation):
        candidates = [
            numbers[found]
            for numbers in groups.get((run.piece, run.run), {}).values()
            if _as_sources(run, source[numbers[0]])
            and (found := bisect.bisect_left(numbers, at)) < len(numbers)
        ]
        if not candidates:
            continue
        mine = source[min(candidates)]
        if run.keys != mine.keys:  # (C++ of the source, C++ctrl+c++ of a translation: no more keys)
            continue
        if as_written is not None and not as_written[mine.number]:
            at = min(candidates) + 1
            continue
        if run.run[0] != "=" and words.setdefault(run.word, mine.word) != mine.word:
            continue
        kept.setdefault(run.piece, set()).add(run.index)
        at = min(candidates) + 1
    return {
        number: frozenset(kept[around])
        for number, (_, around) in enumerate(texts_between_placeholders(translation))
        if around in kept
    }


def with_runs_kept(written: str, text: str, kept: frozenset[int]) -> str:
    r"""``written`` (``text`` escaped) with the runs of ``text`` numbered in ``kept`` as ``text``
    writes them.

    >>> print(with_runs_kept("&#61;&#61;x&#61;&#61; *a&#94;", "==x== *a^", frozenset({1, 2})))
    &#61;&#61;x== *a^
    >>> print(with_runs_kept("\\\\+\\+", "\\++", frozenset({0})))
    \\++
    """
    if not kept:
        return written
    runs = [match.group() for match in _RUN.finditer(text)]
    written_runs = [match for match in _WRITTEN_RUN.finditer(written) if match.group(1) is None]
    if len(runs) != len(written_runs):  # (never: escaping keeps each run a run)
        return written
    return put_back(written, written_runs, runs, kept)


def runs_keeper(
    msgid: str, runs: frozenset[str], as_written: tuple[bool, ...] | None = None
) -> Callable[[str], Callable[[int, str, str], str]]:
    """For a translation of ``msgid``: how its text ``number`` (``text``, escaped as ``written``) is
    written, with those of its ``runs`` (``as_written``: see :func:`kept_runs`) kept that are the
    source's. A partial of a module-level function, which the read cache stores (a closure it could not)."""
    if as_written is None:
        return functools.partial(runs_kept_in, msgid, runs)
    return functools.partial(runs_kept_in, msgid, runs, as_written=as_written)


def runs_kept_in(
    msgid: str, runs: frozenset[str], translation: str, as_written: tuple[bool, ...] | None = None
) -> Callable[[int, str, str], str]:
    """How each text of ``translation`` (of ``msgid``) is written, with the source's ``runs`` it keeps
    (``as_written``: see :func:`kept_runs`; and the source's critic spans, their kinds among ``runs``:
    see :mod:`.md_critic`)."""
    kept = kept_runs(msgid, translation, runs, as_written)
    critic = critic_kept(msgid, translation, runs & KINDS)

    def written_with_runs(number: int, text: str, written: str) -> str:
        kept_here, spans = kept.get(number), critic.get(number)
        written = with_runs_kept(written, text, kept_here) if kept_here else written
        return with_critic_kept(written, text, spans) if spans else written

    return written_with_runs


def runs_written_as_they_are(raw: str, shown: str) -> frozenset[str]:
    """The runs of ``=``, ``^`` and ``+`` a block's text (``raw``: as written; ``shown``: as shown)
    writes as they are wherever it has them: none of them escaped or a character reference, nor
    beside one (none of a character some run of which is).

    >>> sorted(runs_written_as_they_are(r"a == b, x^2, \\^^y, \\= c==", r"a == b, x^2, ^^y, = c=="))
    ['==']
    >>> sorted(runs_written_as_they_are(r"a == b, x^2, \\= c==", r"a == b, x^2, = c=="))
    ['==', '^']
    """
    masked = _MASKED.sub(_marker, raw)
    spoilt = {
        match.group()[0]
        for match in _RUN.finditer(masked)
        if _MARKERS[match.group()[0]] in masked[match.start() - 1 : match.end() + 1]
    }
    written = collections.Counter(
        match.group() for match in _RUN.finditer(masked) if match.group()[0] not in spoilt
    )
    seen = collections.Counter(match.group() for match in _RUN.finditer(shown))
    return frozenset(run for run, count in written.items() if seen[run] == count)


#: What a run of ``=``, ``^`` or ``+`` a source writes may be shown with: an escape, a character reference.
_MASKED = re.compile(r"\\[=^+]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
#: What stands for an escape or a reference of ``=``, ``^`` and ``+`` in a text as written.
_MARKERS = {"=": "\1", "^": "\2", "+": "\3"}


def _marker(match: re.Match[str]) -> str:
    """What stands for the escape or reference ``match`` found: the marker of its character, or NUL."""
    written = match.group()
    return _MARKERS.get(written[1] if written[0] == "\\" else html.unescape(written), "\0")


#: A token of a text as written and the character it shows: an escape, a character reference, a character.
_SHOWN_TOKEN = re.compile(r"\\[!-/:-@\[-`{-~]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|.", re.S)


def runs_as_written(raw: str, shown: str) -> tuple[bool, ...] | None:
    r"""Of a run's text (``raw``: as written; ``shown``: as shown; markup between its texts a line
    break in both), whether each run of ``=``, ``^`` or ``+`` it shows is written as it is: each of
    its characters as it is, no escape or character reference among them. None where the text's
    writing does not show its characters one by one.

    >>> runs_as_written(r"Text \^x^ and \^^y, a == b", "Text ^x^ and ^^y, a == b")
    (False, True, False, True)
    """
    tokens = _SHOWN_TOKEN.findall(raw)
    if len(tokens) != len(shown):
        return None
    found: list[bool] = []
    for match in _RUN.finditer(shown):
        start, end = match.span()
        if any(len(token) != 1 for token in tokens[start:end]):
            found.append(False)
        elif "".join(tokens[start:end]) != match.group():
            return None
        else:
            found.append(True)
    return tuple(found)


def runs_by_unit(msgids: list[str], as_written: tuple[bool, ...]) -> list[tuple[bool, ...]] | None:
    """``as_written`` (see :func:`runs_as_written`) of the run that holds the units ``msgids``, in
    order: each unit's part of it, the runs of its text between placeholders in order. None where
    the units' runs are not the run's (its text is not theirs)."""
    counts = [sum(len(_RUN.findall(piece)) for piece in PLACEHOLDER_RE.split(msgid)[::4]) for msgid in msgids]
    if sum(counts) != len(as_written):
        return None
    parts, at = [], 0
    for count in counts:
        parts.append(as_written[at : at + count])
        at += count
    return parts
