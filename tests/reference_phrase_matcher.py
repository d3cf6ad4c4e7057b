"""The glossary's phrase matcher as it was before issue 19 item 4: one large trie-shaped regex of
every key. Kept only as the reference the new matcher (``transpub.glossary.matcher``) is compared
with in tests/test_glossary_matcher_equivalence.py; it needs hundreds of megabytes at 100,000 terms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from transpub.inline import PLACEHOLDER_RE

#: Characters of scripts written without spaces between words (CJK, kana, hangul, Thai, Lao, Khmer…).
_UNSPACED = (
    "\u0e00-\u0eff\u1780-\u17ff\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f"
    "\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
#: A letter that belongs to a space-separated script (the thing a boundary must not touch).
_SPACED_LETTER = f"[^\\W\\d_{_UNSPACED}]"
_UNSPACED_RE = re.compile(f"[{_UNSPACED}]")
_HYPHENS = "-\u2010\u2011\u2012\u2013\u00ad"
_APOSTROPHES = "'\u2019\u02bc"
_WS_RE = re.compile(r"\s+")
_HYPHEN_RE = re.compile(f"[{_HYPHENS}]")
_APOSTROPHE_RE = re.compile(f"[{_APOSTROPHES}]")

#: Proclitics a word may carry in a locale (Arabic و ف ب ل ك and the article), as a regex prefix.
CLITIC_PREFIXES: dict[str, str] = {"ar": "(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"}


def normalize_form(text: str, case_sensitive: bool = False) -> str:
    """The key under which a phrase (or a matched piece of text) is looked up.

    >>> normalize_form("Hi\u2011tech   Zone")
    'hi-tech zone'
    >>> normalize_form("RMB", case_sensitive=True)
    'RMB'
    """
    text = _APOSTROPHE_RE.sub("'", _HYPHEN_RE.sub("-", _WS_RE.sub(" ", text.strip())))
    return text if case_sensitive else text.lower()


def is_spaced_letter(char: str) -> bool:
    """True for a letter of a space-separated script (one that needs a word boundary).

    >>> is_spaced_letter("J"), is_spaced_letter("净"), is_spaced_letter("Ч"), is_spaced_letter("3")
    (True, False, True, False)
    """
    return char.isalpha() and not _UNSPACED_RE.match(char)


def strip_inline(text: str) -> tuple[str, list[int] | None]:
    """Remove placeholders; return the plain text and, when anything was removed, a map
    from each plain index to its index in ``text``.

    >>> strip_inline("a <1>b</1>")
    ('a b', [0, 1, 5])
    >>> strip_inline("plain")
    ('plain', None)
    """
    if "<" not in text:
        return text, None
    pieces: list[str] = []
    positions: list[int] = []
    pos = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.group(1) and match.group(3):
            continue  # "</1/>" is not a placeholder
        pieces.append(text[pos : match.start()])
        positions.extend(range(pos, match.start()))
        pos = match.end()
    if not positions and pos == 0:
        return text, None
    pieces.append(text[pos:])
    positions.extend(range(pos, len(text)))
    return "".join(pieces), positions


def map_span(start: int, end: int, positions: list[int] | None) -> tuple[int, int]:
    """Map a span of the plain text back to the original text (see :func:`strip_inline`)."""
    if positions is None:
        return start, end
    return positions[start], positions[end - 1] + 1


def _piece_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "-":
        return f"[{_HYPHENS}]"
    if char == "'":
        return f"[{_APOSTROPHES}]"
    return re.escape(char)


def _edge_kind(char: str) -> str | None:
    """The class of neighbours a phrase edge ``char`` must not touch (None: it may touch anything)."""
    if is_spaced_letter(char):
        return _SPACED_LETTER
    if char.isdigit():
        return r"\d"
    return None


def _trie_pattern(keys: list[str], fold: bool, prefix: str = "") -> str | None:
    """A regex that finds where the phrases ``keys`` (sorted) *start* (end boundaries are checked later).

    The pattern has the shape of a trie of the keys, built from the sorted list itself (no node
    objects: a glossary of a million terms would need gigabytes of them). Each top-level branch
    starts with a literal character (each case of it when ``fold``) and checks the start boundary
    *after* it with a two-character lookbehind: that keeps the pattern's first-character set
    visible to the regex engine, which then skips quickly over positions where no phrase can
    start. End boundaries are left to :meth:`PhraseMatcher._longest_at`: one script-aware class
    per phrase end would make compiling a large glossary take seconds.
    """
    if not keys:
        return None

    def groups(lo: int, hi: int, depth: int) -> tuple[bool, list[tuple[str, int, int]]]:
        """Whether a key ends at ``depth`` among ``keys[lo:hi]``, and the runs sharing each next character."""
        ends = lo < hi and len(keys[lo]) == depth  # sorted: the key equal to the prefix comes first
        runs: list[tuple[str, int, int]] = []
        start = lo + 1 if ends else lo
        while start < hi:
            char = keys[start][depth]
            stop = start + 1
            while stop < hi and keys[stop][depth] == char:
                stop += 1
            runs.append((char, start, stop))
            start = stop
        return ends, runs

    def render(lo: int, hi: int, depth: int) -> str:
        ends, runs = groups(lo, hi, depth)
        branches = [_piece_pattern(char) + render(start, stop, depth + 1) for char, start, stop in runs]
        if ends:
            branches.append("")
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    starts = []
    for char, start, stop in groups(0, len(keys), 0)[1]:
        rest = render(start, stop, 1)
        if fold and rest:
            rest = f"(?i:{rest})"
        kind = _edge_kind(char)
        cases = dict.fromkeys([char, char.upper(), char.lower()] if fold else [char])
        for case in cases:
            if len(case) != 1:
                continue
            if prefix and kind == _SPACED_LETTER:
                starts.append(f"(?<!{kind}){prefix}{re.escape(case)}{rest}")
            elif kind:
                starts.append(f"{_piece_pattern(case)}(?<!{kind}.){rest}")
            else:
                starts.append(_piece_pattern(case) + rest)
    return "|".join(starts)


def _end_ok(last: str, following: str) -> bool:
    """True when a phrase ending in ``last`` may be followed by ``following`` ("" = end of text)."""
    if not following:
        return True
    if is_spaced_letter(last):
        return not is_spaced_letter(following)
    if last.isdigit():
        return not following.isdigit()
    return True


def _canonical(char: str, fold: bool) -> str:
    """The character a key holds for ``char`` of a text (see :func:`normalize_form`)."""
    if char in _HYPHENS:
        return "-"
    if char in _APOSTROPHES:
        return "'"
    return char.lower() if fold else char


def _walk(keys: list[str], text: str, start: int, fold: bool) -> tuple[int, str] | None:
    """The longest key at ``text[start:]`` whose end boundary holds: (end, key).

    The text is read in the keys' normal form (white space runs as one space, hyphen and
    apostrophe look-alikes as ``-`` and ``'``) one character at a time, and the sorted keys are
    searched for the piece read so far: the walk stops as soon as no key starts with it.
    """
    best: tuple[int, str] | None = None
    read = ""
    pos, size, count = start, len(text), len(keys)
    while pos < size:
        char = text[pos]
        if char.isspace():
            read += " "
            while pos < size and text[pos].isspace():
                pos += 1
        else:
            piece = _canonical(char, fold)
            if len(piece) != 1:  # "İ" lowers to two characters: no key is read that way
                break
            read += piece
            pos += 1
        at = bisect_left(keys, read)
        if at == count or not keys[at].startswith(read):
            break
        if keys[at] == read and _end_ok(text[pos - 1], text[pos] if pos < size else ""):
            best = (pos, read)
    return best


@dataclass(frozen=True)
class PhraseHit:
    """One phrase found: span in the original text and every payload registered for it."""

    start: int
    end: int
    payloads: tuple[Hashable, ...]


class PhraseMatcher:
    """Many phrases compiled into one scan; see the module docstring for the matching rules.

    >>> m = PhraseMatcher([("Jingyue", 1, False), ("Jingyue Hi-tech Zone", 2, False)])
    >>> [(h.start, h.end, h.payloads) for h in m.find("Jingyuetan, <1>Jingyue</1> hi-tech zone")]
    [(15, 39, (2,))]
    >>> [(h.start, h.end) for h in m.find("Jingyue Hi-tech Zones")]
    [(0, 7)]
    """

    def __init__(self, phrases: Iterable[tuple[str, Hashable, bool]], *, locale: str | None = None) -> None:
        # key -> its first payload, per case class; a key with several payloads keeps the others
        # apart (rare), so that a large glossary holds one dict entry per phrase and no lists
        self._first: dict[bool, dict[str, Hashable]] = {False: {}, True: {}}
        self._more: dict[tuple[bool, str], list[Hashable]] = {}
        for form, payload, case_sensitive in phrases:
            key = normalize_form(form, case_sensitive)
            if not key:
                continue
            first = self._first[case_sensitive]
            if key not in first:
                first[key] = payload
            elif first[key] != payload:
                more = self._more.setdefault((case_sensitive, key), [])
                if payload not in more:
                    more.append(payload)
        base = (locale or "").replace("-", "_").split("_")[0]
        prefix = CLITIC_PREFIXES.get(base, "")
        self._clitics = re.compile(prefix) if prefix else None
        self._tries = [(cs, sorted(self._first[cs])) for cs in (False, True) if self._first[cs]]
        patterns = [_trie_pattern(keys, fold=not cs, prefix=prefix) for cs, keys in self._tries]
        self._regex = re.compile("|".join(p for p in patterns if p)) if self._tries else None

    def _payloads(self, case_sensitive: bool, key: str) -> tuple[Hashable, ...]:
        return (self._first[case_sensitive][key], *self._more.get((case_sensitive, key), ()))

    def __bool__(self) -> bool:
        return self._regex is not None

    def _longest_at(self, text: str, start: int) -> tuple[int, int, bool, str] | None:
        """The longest phrase starting at ``start`` (after any clitic prefix): (start, end, case_sensitive, key)."""
        starts = [start]
        if self._clitics is not None:
            clitic = self._clitics.match(text, start)
            if clitic and clitic.end() > start:
                starts = list(range(clitic.end(), start - 1, -1))
        best: tuple[int, int, bool, str] | None = None
        for begin in starts:
            for case_sensitive, trie in self._tries:
                found = _walk(trie, text, begin, fold=not case_sensitive)
                if found and (best is None or found[0] > best[1]):
                    best = (begin, found[0], case_sensitive, found[1])
            if best:
                return best
        return None

    def find(self, text: str) -> list[PhraseHit]:
        """Non-overlapping hits in order; the longest phrase wins where two overlap at one start."""
        if self._regex is None:
            return []
        plain, positions = strip_inline(text)
        hits: list[PhraseHit] = []
        pos = 0
        search = self._regex.search
        while (match := search(plain, pos)) is not None:
            found = self._longest_at(plain, match.start())
            if found is None:
                pos = match.start() + 1
                continue
            start, end, case_sensitive, key = found
            mapped = map_span(start, end, positions)
            hits.append(PhraseHit(mapped[0], mapped[1], self._payloads(case_sensitive, key)))
            pos = end
        return hits

    def search(self, text: str) -> bool:
        """True when any phrase occurs in ``text``."""
        if self._regex is None:
            return False
        plain, _ = strip_inline(text)
        pos = 0
        while (match := self._regex.search(plain, pos)) is not None:
            if self._longest_at(plain, match.start()) is not None:
                return True
            pos = match.start() + 1
        return False
