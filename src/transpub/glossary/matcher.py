"""Find many fixed phrases in a text at once: longest match wins, script-aware word boundaries.

A :class:`PhraseMatcher` is compiled once from (form, payload, case_sensitive) triples into
two trie-shaped regular expressions (one case-insensitive, one case-sensitive), so a call
costs one regex scan per case class, not one per phrase.

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

import re
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
        pieces.append(text[pos:match.start()])
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


def _edge_guard(char: str, ahead: bool) -> str:
    """The assertion that keeps a phrase edge ``char`` from touching a neighbour of its kind."""
    if is_spaced_letter(char):
        kind = _SPACED_LETTER
    elif char.isdigit():
        kind = r"\d"
    else:
        return ""
    return f"(?!{kind})" if ahead else f"(?<!{kind})"


@dataclass
class _Node:
    children: dict[str, _Node]
    terminal: bool = False


def _trie_pattern(forms: Iterable[str], prefix: str = "") -> str | None:
    """One regex for all ``forms`` (already normalised), longest alternative first at each node."""
    root = _Node({})
    for form in forms:
        node = root
        for char in form:
            node = node.children.setdefault(char, _Node({}))
        node.terminal = True
    if not root.children:
        return None

    def render(node: _Node, last: str) -> str:
        branches = [_piece_pattern(char) + render(child, char) for char, child in sorted(node.children.items())]
        if node.terminal:
            branches.append(_edge_guard(last, ahead=True))
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    starts = []
    for char, child in sorted(root.children.items()):
        guard = _edge_guard(char, ahead=False)
        head = prefix + _piece_pattern(char) if (prefix and is_spaced_letter(char)) else _piece_pattern(char)
        starts.append(guard + head + render(child, char))
    return "(?:" + "|".join(starts) + ")"


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
    """

    def __init__(self, phrases: Iterable[tuple[str, Hashable, bool]], *, locale: str | None = None) -> None:
        self._lookup: dict[tuple[bool, str], list[Hashable]] = {}
        by_case: dict[bool, set[str]] = {True: set(), False: set()}
        for form, payload, case_sensitive in phrases:
            key = normalize_form(form, case_sensitive)
            if not key:
                continue
            by_case[case_sensitive].add(key)
            bucket = self._lookup.setdefault((case_sensitive, key), [])
            if payload not in bucket:
                bucket.append(payload)
        base = (locale or "").replace("-", "_").split("_")[0]
        prefix = CLITIC_PREFIXES.get(base, "")
        self._prefix_re = re.compile(prefix) if prefix else None
        self._regexes: list[tuple[bool, re.Pattern[str]]] = []
        for case_sensitive in (False, True):
            pattern = _trie_pattern(by_case[case_sensitive], prefix)
            if pattern is not None:
                flags = 0 if case_sensitive else re.IGNORECASE
                self._regexes.append((case_sensitive, re.compile(pattern, flags)))

    def __bool__(self) -> bool:
        return bool(self._regexes)

    def _key_of(self, matched: str, case_sensitive: bool) -> tuple[bool, str]:
        key = normalize_form(matched, case_sensitive)
        if (case_sensitive, key) not in self._lookup and self._prefix_re is not None:
            # an Arabic proclitic was matched in front of the phrase: drop it for the lookup
            for cut in range(1, 5):
                if (case_sensitive, key[cut:]) in self._lookup:
                    return case_sensitive, key[cut:]
        return case_sensitive, key

    def find(self, text: str) -> list[PhraseHit]:
        """Non-overlapping hits in order; the longest phrase wins where two overlap at one start."""
        if not self._regexes:
            return []
        plain, positions = strip_inline(text)
        candidates: list[tuple[int, int, bool]] = []
        for case_sensitive, regex in self._regexes:
            candidates.extend((m.start(), m.end(), case_sensitive) for m in regex.finditer(plain))
        if len(self._regexes) > 1:
            candidates.sort(key=lambda c: (c[0], -(c[1] - c[0])))
        hits: list[PhraseHit] = []
        cursor = 0
        for start, end, case_sensitive in candidates:
            if start < cursor:
                continue
            payloads = self._lookup.get(self._key_of(plain[start:end], case_sensitive))
            if not payloads:
                continue
            cursor = end
            mapped = map_span(start, end, positions)
            hits.append(PhraseHit(mapped[0], mapped[1], tuple(payloads)))
        return hits

    def search(self, text: str) -> bool:
        """True when any phrase occurs in ``text``."""
        plain, _ = strip_inline(text)
        return any(regex.search(plain) for _, regex in self._regexes)
