"""Find many fixed phrases in a text at once: longest match wins, script-aware word boundaries.

A :class:`PhraseMatcher` holds its phrases as one sorted list of normalized keys per case class
(one case-insensitive, one case-sensitive) and nothing else per phrase. A small regular
expression of the characters a phrase can start with (and the word-boundary rule before them)
finds the places a phrase may start; there the text is read one character at a time while a
bisection of the sorted keys says whether some key still starts with what was read. A call costs
one scan of the text plus a short walk at each candidate start, however many phrases there are.

Boundaries depend on the script at each edge of a phrase: an edge that is a letter of a
space-separated script (Latin, Cyrillic, Greek, Arabic, …) must not touch another such
letter, so "Jingyue" is not found inside "Jingyuetan"; an edge in Chinese, Japanese or
Korean script matches as a plain substring. Digits never block a letter edge ("RMB31" holds RMB), but a
digit edge must not touch a digit ("Zone 7" is not in "Zone 70").
Inside a phrase any run of white space matches any run of white space, hyphens match
hyphen look-alikes and ``'`` matches ``’``.

Inline placeholders (``<1>``, ``</1>``, ``<2/>``) are invisible to matching, and offsets
returned always index the original text.
"""

from __future__ import annotations

import contextlib
import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate, product
from typing import cast

from transpub.inline import PLACEHOLDER_RE

#: Characters of scripts written without spaces between words (CJK, kana, hangul, Thai, Lao, Khmer…).
_UNSPACED = (
    "\u0e00-\u0eff\u1780-\u17ff\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f"
    "\u3130-\u318f\u31a0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff"
    "\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f"
)
#: A letter that belongs to a space-separated script (the thing a boundary must not touch).
_SPACED_LETTER = f"[^\\W\\d_{_UNSPACED}]"
#: :data:`_UNSPACED` as (first, last) code points, sorted: a bisect tells whether a character is in it
#: (a compiled ``[{_UNSPACED}]`` would cost every run about 37M instructions to compile).
_UNSPACED_RANGES = sorted((ord(_UNSPACED[i]), ord(_UNSPACED[i + 2])) for i in range(0, len(_UNSPACED), 3))
_UNSPACED_FIRSTS = [first for first, _ in _UNSPACED_RANGES]
_UNSPACED_LASTS = [last for _, last in _UNSPACED_RANGES]
_HYPHENS = "-\u2010\u2011\u2012\u2013\u00ad"
_APOSTROPHES = "'\u2019\u02bc"
#: Hyphen and apostrophe look-alikes, and what a key holds for them.
_ODD_RE = re.compile(f"[{_HYPHENS[1:]}{_APOSTROPHES[1:]}]")
_ODD_TABLE = str.maketrans({**dict.fromkeys(_HYPHENS, "-"), **dict.fromkeys(_APOSTROPHES, "'")})

#: Proclitics a word may carry in a locale (Arabic و ف ب ل ك and the article), as a regex prefix.
CLITIC_PREFIXES: dict[str, str] = {"ar": "(?:[وف]?(?:[بك]?ال|لل|[بلك])?)"}
#: The longest clitic prefix (in characters) any of :data:`CLITIC_PREFIXES` matches.
_MAX_CLITIC = 4


def normalize_form(text: str, case_sensitive: bool = False) -> str:
    """The key under which a phrase (or a matched piece of text) is looked up.

    >>> normalize_form("Hi\u2011tech   Zone")
    'hi-tech zone'
    >>> normalize_form("RMB", case_sensitive=True)
    'RMB'
    """
    text = " ".join(text.split())  # white space as the regex \s sees it
    if _ODD_RE.search(text):
        text = text.translate(_ODD_TABLE)
    return text if case_sensitive else text.lower()


def is_spaced_letter(char: str) -> bool:
    """True for a letter of a space-separated script (one that needs a word boundary).

    >>> is_spaced_letter("J"), is_spaced_letter("净"), is_spaced_letter("Ч"), is_spaced_letter("3")
    (True, False, True, False)
    """
    if not char.isalpha():
        return False
    code = ord(char[0])
    if code < 0x0E00:  # (nearly every letter: nothing unspaced comes before Thai)
        return True
    at = bisect_right(_UNSPACED_FIRSTS, code) - 1
    return at < 0 or code > _UNSPACED_LASTS[at]


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


def _edge_kind(char: str) -> str | None:
    """The class of neighbours a phrase edge ``char`` must not touch (None: it may touch anything)."""
    if is_spaced_letter(char):
        return _SPACED_LETTER
    if char.isdigit():
        return r"\d"
    return None


def _piece_pattern(char: str) -> str:
    if char == " ":
        return r"\s+"
    if char == "-":
        return f"[{_HYPHENS}]"
    if char == "'":
        return f"[{_APOSTROPHES}]"
    return re.escape(char)


#: What :meth:`PhraseMatcher.find_each` puts between two texts: neither a letter, a digit, white
#: space, a hyphen, an apostrophe nor part of a placeholder (and no glossary text may hold it).
_SEPARATOR = "\x00"

#: The candidate regex spells out the first two characters of every key when they make no more
#: than this many distinct pairs (a Latin glossary of any size: about 700), else only the first.
_MAX_PAIRS = 2000


#: A glossary whose keys start with few distinct two-character prefixes (a small one) finds where
#: a phrase may start by a plain search for each way a text may write each prefix, at most this many
#: (see :meth:`PhraseMatcher._needle_starts`).
_MAX_NEEDLES = 16
#: What a prefix searched for plainly is made of: printable ASCII, no white space, hyphen or
#: apostrophe (which match runs and look-alikes in a text), no placeholder or separator.
_NEEDLE_CHARS = frozenset(chr(code) for code in range(0x21, 0x7F)) - set("-'<>/")


def _needles(tries: list[_Keys]) -> list[tuple[str, str | None]] | None:
    """Each way a text may write the distinct two-character prefixes (or whole one-character keys)
    of the keys of ``tries`` that the walk reads as the prefix (:func:`_walk`: each character's
    lower case alone, for a case-folded key), with the boundary kind of its first character
    (:func:`_edge_kind`); None when there are more than :data:`_MAX_NEEDLES`, or a prefix holds a
    character not in :data:`_NEEDLE_CHARS` (a text may then match it in ways a plain search does
    not see). Of all characters beyond ASCII only the Kelvin sign lowers to one ASCII character
    ("İ" lowers to two, where the walk stops)."""
    needles: dict[str, str | None] = {}
    for trie in tries:
        for key in trie.keys:
            prefix = key[:2]
            if not _NEEDLE_CHARS.issuperset(prefix):
                return None
            forms = [[char] if not trie.fold else _folded_forms(char) for char in prefix]
            for written in product(*forms):
                needles["".join(written)] = _edge_kind(prefix[0])
            if len(needles) > _MAX_NEEDLES:
                return None
    return list(needles.items())


#: The ASCII letters and digits a key starts with (see :func:`_word_needles`).
_ASCII_WORD = re.compile(r"[a-zA-Z0-9]*")


def _word_needles(
    tries: list[_Keys],
) -> tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]] | None:
    """The distinct first words (the ASCII letters and digits a key starts with) of the keys of
    ``tries``, those of case-folded keys and those of the others apart, each with the boundary
    kind of its first character (as :func:`_needles` gives it); None when a key starts otherwise.

    An ASCII text's character is read by the walk (:func:`_walk`) as itself, lowered for a folded
    key: a phrase of ASCII text starts where the text (lowered, for a folded key) holds its key's
    first word (never "-" or "'", which a key's first two characters do not hold, see
    :data:`_NEEDLE_CHARS`)."""
    folded: dict[str, str | None] = {}
    exact: dict[str, str | None] = {}
    for trie in tries:
        found = folded if trie.fold else exact
        for key in trie.keys:
            word = _ASCII_WORD.match(key).group()  # type: ignore[union-attr]
            if not word:
                return None
            found[word] = _edge_kind(key[0])
    return list(folded.items()), list(exact.items())


def _folded_forms(char: str) -> list[str]:
    """The characters whose lower case alone is ``char`` (printable ASCII, as a key holds it)."""
    forms = list(dict.fromkeys([char, char.upper()]))
    return [*forms, "\u212a"] if char == "k" else forms


def _pairs_fit(keys: list[str]) -> bool:
    """True when ``keys`` (sorted) start with at most :data:`_MAX_PAIRS` distinct two-character prefixes."""
    count, previous = 0, None
    for key in keys:
        if key[:2] != previous:
            previous = key[:2]
            count += 1
            if count > _MAX_PAIRS:
                return False
    return True


def _prefix_pattern(keys: list[str], fold: bool, prefix: str = "") -> str:
    """A regex of where the keys (sorted) may start, spelled out to their second character: a trie of
    the keys cut at depth 2, each top-level branch a literal first character (each case of it when
    ``fold``) with the start boundary checked after it by a lookbehind (which keeps the first
    characters visible to the regex engine, so it skips quickly where nothing can start)."""

    def runs(lo: int, hi: int, depth: int) -> tuple[bool, list[tuple[str, int, int]]]:
        ends = lo < hi and len(keys[lo]) == depth  # sorted: the key equal to the prefix comes first
        found: list[tuple[str, int, int]] = []
        start = lo + 1 if ends else lo
        while start < hi:
            char = keys[start][depth]
            stop = start + 1
            while stop < hi and keys[stop][depth] == char:
                stop += 1
            found.append((char, start, stop))
            start = stop
        return ends, found

    starts = []
    for char, start, stop in runs(0, len(keys), 0)[1]:
        ends, seconds = runs(start, stop, 1)
        branches = [_piece_pattern(second) for second, _, _ in seconds]
        rest = "" if ends or not branches else "(?:" + "|".join(branches) + ")"
        if fold and rest:
            rest = f"(?i:{rest})"
        kind = _edge_kind(char)
        for case in _text_forms(char, fold) if char not in "-'" else [char]:
            if prefix and kind == _SPACED_LETTER:
                starts.append(f"(?<!{kind}){prefix}{re.escape(case)}{rest}")
            elif kind:
                starts.append(f"{_piece_pattern(case)}(?<!{kind}.){rest}")
            else:
                starts.append(_piece_pattern(case) + rest)
    return "|".join(starts)


def _text_forms(char: str, fold: bool) -> list[str]:
    """The characters of a text that may stand where a key starts with ``char``."""
    if char == "-":
        return list(_HYPHENS)
    if char == "'":
        return list(_APOSTROPHES)
    cases = dict.fromkeys([char, char.upper(), char.lower()] if fold else [char])
    return [case for case in cases if len(case) == 1]


def _class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars`` (escaped)."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _end_ok(last: str, following: str) -> bool:
    """True when a phrase ending in ``last`` may be followed by ``following`` ("" = end of text)."""
    if not following:
        return True
    if is_spaced_letter(last):
        return not is_spaced_letter(following)
    if last.isdigit():
        return not following.isdigit()
    return True


#: Hyphen and apostrophe look-alikes and the character a key holds for them.
_CANONICAL = {**dict.fromkeys(_HYPHENS, "-"), **dict.fromkeys(_APOSTROPHES, "'")}


def _canonical(char: str, fold: bool) -> str:
    """The character a key holds for ``char`` of a text (see :func:`normalize_form`)."""
    if char in _HYPHENS:
        return "-"
    if char in _APOSTROPHES:
        return "'"
    return char.lower() if fold else char


def _walk(keys: list[str], text: str, start: int, fold: bool) -> tuple[tuple[int, int] | None, bool]:
    """The longest key at ``text[start:]`` whose end boundary holds, as (end, index in ``keys``),
    and whether any key was read whole (end boundary or not).

    The text is read in the keys' normal form (white space runs as one space, hyphen and
    apostrophe look-alikes as ``-`` and ``'``) one character at a time, and the sorted keys are
    searched for the piece read so far: the walk stops as soon as no key starts with it.
    """
    best: tuple[int, int] | None = None
    whole = False
    read = ""
    pos, size, count = start, len(text), len(keys)
    low = 0
    while pos < size:
        char = text[pos]
        if char.isspace():
            read += " "
            while pos < size and text[pos].isspace():
                pos += 1
        else:
            piece = _CANONICAL.get(char)  # _canonical(char, fold), inlined
            if piece is None:
                piece = char.lower() if fold else char
                if len(piece) != 1:  # "İ" lowers to two characters: no key is read that way
                    break
            read += piece
            pos += 1
        at = low = bisect_left(keys, read, low)
        if at == count or not keys[at].startswith(read):
            break
        if keys[at] == read:
            whole = True
            if _end_ok(text[pos - 1], text[pos] if pos < size else ""):
                best = (pos, at)
    return best, whole


class _Keys:
    """One case class of a matcher's phrases: their keys, sorted and distinct, and each key's payloads.

    A payload list holds the first payload of each key (an ``array`` when they are all integers,
    as a glossary's term numbers are); the rare other payloads of a key are kept apart.
    """

    __slots__ = ("first", "firsts", "fold", "keys", "more", "starts")

    def __init__(self, fold: bool, keys: list[str], payloads: list[Hashable]) -> None:
        self.fold = fold
        order = sorted(range(len(keys)), key=keys.__getitem__)  # stable: registration order kept
        self.keys: list[str] = []
        first: list[Hashable] = []
        self.more: dict[int, list[Hashable]] = {}
        for number in order:
            key, payload = keys[number], payloads[number]
            if self.keys and self.keys[-1] == key:
                at = len(self.keys) - 1
                if payload != first[at] and payload not in self.more.get(at, ()):
                    self.more.setdefault(at, []).append(payload)
                continue
            self.keys.append(key)
            first.append(payload)
        self.first: list[Hashable] | array[int] = first
        if all(type(p) is int for p in first):
            with contextlib.suppress(OverflowError):  # a term number past 2**63: keep the list
                self.first = array("q", cast(list[int], first))
        #: text character -> the boundary kinds (see :func:`_edge_kind`) of the keys it may start
        self.starts: dict[str, set[str | None]] = {}
        #: the first characters of the keys
        self.firsts: set[str] = set()
        previous = ""
        for key in self.keys:
            if key[0] != previous:
                previous = key[0]
                self.firsts.add(previous)
                kind = _edge_kind(previous)
                for char in _text_forms(previous, fold):
                    self.starts.setdefault(char, set()).add(kind)

    def payloads(self, at: int) -> tuple[Hashable, ...]:
        return (self.first[at], *self.more.get(at, ()))


def _boundary_ok(kind: str | None, text: str, pos: int) -> bool:
    """True when the character before ``pos`` lets a phrase edge of ``kind`` start there."""
    if kind is None or pos == 0:
        return True
    before = text[pos - 1]
    if kind == _SPACED_LETTER:
        return not is_spaced_letter(before)
    return not before.isdigit()


@dataclass(frozen=True)
class PhraseHit:
    """One phrase found: span in the original text and every payload registered for it."""

    start: int
    end: int
    payloads: tuple[Hashable, ...]


class PhraseMatcher:
    """Many phrases found in one scan; see the module docstring for the matching rules.

    >>> m = PhraseMatcher([("Jingyue", 1, False), ("Jingyue Hi-tech Zone", 2, False)])
    >>> [(h.start, h.end, h.payloads) for h in m.find("Jingyuetan, <1>Jingyue</1> hi-tech zone")]
    [(15, 39, (2,))]
    >>> [(h.start, h.end) for h in m.find("Jingyue Hi-tech Zones")]
    [(0, 7)]
    """

    def __init__(self, phrases: Iterable[tuple[str, Hashable, bool]], *, locale: str | None = None) -> None:
        keys: dict[bool, list[str]] = {False: [], True: []}
        payloads: dict[bool, list[Hashable]] = {False: [], True: []}
        for form, payload, case_sensitive in phrases:
            key = normalize_form(form, case_sensitive)
            if key:
                keys[case_sensitive].append(key)
                payloads[case_sensitive].append(payload)
        base = (locale or "").replace("-", "_").split("_")[0]
        prefix = CLITIC_PREFIXES.get(base, "")
        self._clitics = re.compile(prefix) if prefix else None
        self._tries = [_Keys(not cs, keys[cs], payloads[cs]) for cs in (False, True) if keys[cs]]
        self._holds_separator = any(_SEPARATOR in key for trie in self._tries for key in trie.keys)
        del keys, payloads
        #: A small glossary without clitics: its prefixes as searched for plainly (see :meth:`_needle_starts`).
        self._needles = _needles(self._tries) if self._tries and self._clitics is None else None
        #: The same glossary's words as searched for in text lowered in place (see :meth:`_needle_starts`).
        self._words = _word_needles(self._tries) if self._needles is not None else None
        #: Where a phrase may start, where the prefixes are not searched for plainly (only then is
        #: it used: a compiled class of letters costs a run tens of millions of instructions).
        self._candidates = self._candidate_regex(prefix) if self._tries and self._needles is None else None

    def _candidate_regex(self, prefix: str) -> re.Pattern[str]:
        """Where a phrase may start: a character some key starts with, and the boundary before it
        that key's first character asks for (with a clitic prefix before a letter, for Arabic)."""
        by_kind: dict[str | None, set[str]] = {}
        for trie in self._tries:
            for char, kinds in trie.starts.items():
                for kind in kinds:
                    by_kind.setdefault(kind, set()).add(char)
        if all(_pairs_fit(trie.keys) for trie in self._tries):
            return re.compile("|".join(_prefix_pattern(t.keys, t.fold, prefix) for t in self._tries))
        branches = []
        for kind, chars in by_kind.items():
            if kind == _SPACED_LETTER and prefix:
                branches.append(f"(?<!{kind}){prefix}{_class(chars)}")
            elif kind:
                branches.append(f"{_class(chars)}(?<!{kind}.)")
            else:
                branches.append(_class(chars))
        return re.compile("|".join(branches))

    def __bool__(self) -> bool:
        return bool(self._tries)

    def _starts_here(self, text: str, start: int) -> bool:
        """True when some key, read whole, starts at ``start`` with the boundary its first character
        asks for (or, in a locale with clitics, after a clitic prefix starting there)."""
        for trie in self._tries:
            kinds = trie.starts.get(text[start])
            if kinds and any(
                _boundary_ok(kind, text, start)
                for kind in kinds
                if not (self._clitics and kind == _SPACED_LETTER)
            ):
                if _walk(trie.keys, text, start, trie.fold)[1]:
                    return True
        if self._clitics is None or not _boundary_ok(_SPACED_LETTER, text, start):
            return False
        size = len(text)
        for length in range(_MAX_CLITIC + 1):
            begin = start + length
            if begin >= size or not self._clitics.fullmatch(text, start, begin):
                continue
            for trie in self._tries:
                if _SPACED_LETTER in trie.starts.get(text[begin], ()):
                    if _walk(trie.keys, text, begin, trie.fold)[1]:
                        return True
        return False

    def _found_at(self, text: str, start: int) -> tuple[int, int, _Keys, int] | None:
        """The longest phrase at ``start`` when :meth:`_starts_here` (each key list walked once
        where there are no clitics)."""
        if self._clitics is not None:
            return self._longest_at(text, start) if self._starts_here(text, start) else None
        best: tuple[int, int, _Keys, int] | None = None
        here = False
        first = text[start]
        for trie in self._tries:
            if (_CANONICAL.get(first) or (first.lower() if trie.fold else first)) not in trie.firsts:
                continue  # the walk would stop at once
            found, whole = _walk(trie.keys, text, start, trie.fold)
            if whole and not here:
                kinds = trie.starts.get(text[start], ())
                here = any(_boundary_ok(kind, text, start) for kind in kinds)
            if found and (best is None or found[0] > best[1]):
                best = (start, found[0], trie, found[1])
        return best if here else None

    def _longest_at(self, text: str, start: int) -> tuple[int, int, _Keys, int] | None:
        """The longest phrase starting at ``start`` (after any clitic prefix): (start, end, keys, index)."""
        starts = [start]
        if self._clitics is not None:
            clitic = self._clitics.match(text, start)
            if clitic and clitic.end() > start:
                starts = list(range(clitic.end(), start - 1, -1))
        best: tuple[int, int, _Keys, int] | None = None
        for begin in starts:
            for trie in self._tries:
                found = _walk(trie.keys, text, begin, trie.fold)[0]
                if found and (best is None or found[0] > best[1]):
                    best = (begin, found[0], trie, found[1])
            if best:
                return best
        return None

    def _hits(self, plain: str) -> Iterator[tuple[int, int, _Keys, int]]:
        """Non-overlapping phrases of ``plain`` in order: (start, end, keys, index)."""
        if not self._tries:
            return
        if self._needles is not None:  # (a small glossary)
            pos = 0
            for here in self._needle_starts(plain):
                if here < pos:
                    continue
                found = self._found_at(plain, here)
                if found is not None:
                    yield found
                    pos = found[1]
            return
        pos = 0
        search = cast(re.Pattern[str], self._candidates).search
        while (match := search(plain, pos)) is not None:
            here = match.start()
            found = self._found_at(plain, here)
            if found is None:
                pos = here + 1
                continue
            yield found
            pos = found[1]

    def _needle_starts(self, plain: str) -> list[int]:
        """Where in ``plain`` a phrase may start, in order: each place one of :attr:`_needles` stands
        with the boundary its first character asks for before it. A phrase :meth:`_found_at` finds
        starts at one of them, and the candidate regex finds no other (nor fewer: each is walked).
        A plain search of the text for a few prefixes costs less than the regex, which tries its
        branches and their boundaries at each character that may start one.

        In text whose every character lowers to one character (all but a text holding an "İ"),
        the keys' first words are sought instead (:func:`_word_needles`): as the walk reads them,
        in the text lowered for keys of any case (each character in its place, lowered as the walk
        lowers it), as written for the others. The places found are those of the prefixes where
        a key's whole first word follows: all where a phrase starts (it starts with a key's
        word), fewer to walk from."""
        words = self._words
        if words is not None:
            lowered = plain.lower() if words[0] else plain
            if len(lowered) == len(plain):
                return self._word_starts(plain, lowered, words)
        starts: list[int] = []
        for needle, kind in cast(list[tuple[str, str | None]], self._needles):
            find = plain.find
            at = find(needle)
            while at >= 0:
                if kind is None or _boundary_ok(kind, plain, at):
                    starts.append(at)
                at = find(needle, at + 1)
        if len(cast(list[tuple[str, str | None]], self._needles)) > 1:
            starts = sorted(set(starts))
        return starts

    @staticmethod
    def _word_starts(
        plain: str,
        lowered: str,
        words: tuple[list[tuple[str, str | None]], list[tuple[str, str | None]]],
    ) -> list[int]:
        """:meth:`_needle_starts` of ``plain`` (``lowered``: it lowered, each character in its place)
        by the keys' first ``words`` (folded, exact)."""
        starts: list[int] = []
        folded, exact = words
        for text, needles in ((lowered, folded), (plain, exact)):
            find = text.find
            for needle, kind in needles:
                at = find(needle)
                while at >= 0:
                    if kind is None or _boundary_ok(kind, plain, at):
                        starts.append(at)
                    at = find(needle, at + 1)
        if len(folded) + len(exact) > 1:
            starts = sorted(set(starts))
        return starts

    def find(self, text: str) -> list[PhraseHit]:
        """Non-overlapping hits in order; the longest phrase wins where two overlap at one start."""
        if not self._tries:
            return []
        plain, positions = strip_inline(text)
        hits: list[PhraseHit] = []
        for start, end, trie, at in self._hits(plain):
            mapped = map_span(start, end, positions)
            hits.append(PhraseHit(mapped[0], mapped[1], trie.payloads(at)))
        return hits

    def find_each(self, texts: Sequence[str]) -> list[list[PhraseHit]]:
        """:meth:`find` of each of ``texts``, in one scan of them all (a call per text costs more than
        the scan of a short text): they are read as one text, each after a character no phrase
        holds and no boundary is kept by, so no hit spans two of them and each finds what it finds
        alone. The hits' offsets index their own text."""
        if not self._tries:
            return [[] for _ in texts]
        joined = _SEPARATOR.join(texts)
        if self._holds_separator or joined.count(_SEPARATOR) >= len(texts):  # (a text holds one)
            return [self.find(text) for text in texts]
        found: list[list[PhraseHit]] = [[] for _ in texts]
        hits = self.find(joined)
        if hits:  # (most texts have none: where each begins is worked out only for those that do)
            starts = [0, *accumulate(len(text) + 1 for text in texts)]
            for hit in hits:
                number = bisect_right(starts, hit.start) - 1
                base = starts[number]
                found[number].append(PhraseHit(hit.start - base, hit.end - base, hit.payloads))
        return found

    def search(self, text: str) -> bool:
        """True when any phrase occurs in ``text``."""
        if not self._tries:
            return False
        plain, _ = strip_inline(text)
        return next(self._hits(plain), None) is not None
