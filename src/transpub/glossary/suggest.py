"""Propose glossary candidates from articles: capitalised multi-word names and frequent n-grams."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from transpub.glossary.matcher import strip_inline
from transpub.glossary.model import Glossary
from transpub.glossary.terms import language_of

#: Function words: they may sit inside a name ("Park for Innovation") but never start or end one.
CONNECTORS = frozenset(
    [
        "of",
        "for",
        "in",
        "and",
        "the",
        "on",
        "at",
        "to",
        "de",
        "del",
        "la",
        "le",
        "les",
        "du",
        "des",
        "da",
        "di",
        "von",
        "der",
        "und",
        "y",
        "et",
        "och",
        "för",
        "i",
    ]
)
STOPWORDS = CONNECTORS | frozenset(
    [
        "a",
        "an",
        "as",
        "at",
        "be",
        "been",
        "but",
        "by",
        "from",
        "has",
        "have",
        "had",
        "he",
        "her",
        "his",
        "if",
        "into",
        "is",
        "it",
        "its",
        "more",
        "most",
        "no",
        "not",
        "or",
        "our",
        "over",
        "she",
        "so",
        "such",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "up",
        "was",
        "we",
        "were",
        "which",
        "while",
        "who",
        "will",
        "with",
        "within",
        "without",
        "you",
        "your",
        "also",
        "among",
        "after",
        "before",
        "during",
        "about",
        "between",
        "including",
        "other",
        "all",
        "any",
        "each",
        "which",
        "about",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "very",
    ]
)
#: Capitalised words that are not names (calendar words).
NOT_NAMES = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
_WORD_RE = re.compile(r"[^\W\d_](?:[\w'’-]*\w)?")
_BREAK_RE = re.compile(r"[^\w\s'’-]+|\s[-–—]\s")
_CJK_RUN_RE = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]+")


@dataclass(frozen=True)
class TermCandidate:
    """A phrase worth adding to the glossary: how often it occurs and where first."""

    text: str
    count: int
    kind: str  # "name" (capitalised words) or "ngram" (frequent word sequence)
    example: str = ""

    def describe(self) -> str:
        """One line for ``transpub glossary suggest``.

        >>> TermCandidate("Jingyue Lake", 2, "name", "on Jingyue Lake").describe()
        'Jingyue Lake  (name, 2×)  on Jingyue Lake'
        """
        return f"{self.text}  ({self.kind}, {self.count}×)  {self.example}".rstrip()


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper() and word.lower() not in NOT_NAMES


def _looks_like_headline(text: str) -> bool:
    """Title Case text without a full stop (a headline): its capitals say nothing about names."""
    words = _WORD_RE.findall(text)
    content = [w for w in words if w.lower() not in CONNECTORS]
    if len(words) < 4 or text.rstrip().endswith((".", "!", "?", ":", ";")):
        return False
    return sum(map(_is_capitalised, content)) >= 0.75 * len(content)


def _chunks(text: str) -> list[str]:
    return [c for c in _BREAK_RE.split(text) if c.strip()]


def _name_runs(chunk: str) -> list[str]:
    """Runs of capitalised words, connectors allowed inside, function words trimmed off the ends."""
    runs: list[list[str]] = []
    current: list[str] = []
    for word in _WORD_RE.findall(chunk):
        if _is_capitalised(word) or (current and word.lower() in CONNECTORS):
            current.append(word)
        else:
            runs.append(current)
            current = []
    runs.append(current)
    names = []
    for run in runs:
        while run and (run[-1].lower() in STOPWORDS or not _is_capitalised(run[-1])):
            run = run[:-1]
        while run and run[0].lower() in STOPWORDS:
            run = run[1:]
        if sum(map(_is_capitalised, run)) >= 2:
            names.append(" ".join(run))
    return names


_ACRONYM_RE = re.compile(r"(?<![\w])([A-Z]{2,6})(?=\d|\b)")


def _single_names(texts: list[str], glossary: Glossary, lang: str) -> Counter[str]:
    """One-word names: a capitalised word never written in lower case and seen mid-sentence at least
    once ("Vasaloppet", "Sinosoft"), or an acronym ("RMB", also in "RMB31.36"); known terms left out."""
    lower_seen: set[str] = set()
    mid: Counter[str] = Counter()
    anywhere: Counter[str] = Counter()
    for text in texts:
        if _looks_like_headline(text):
            continue
        for chunk in _chunks(text):
            for name in _name_runs(chunk):  # words of a longer name are proposed with it, not alone
                chunk = chunk.replace(name, " ")
            words = _WORD_RE.findall(chunk)
            for index, word in enumerate(words):
                if word.islower():
                    lower_seen.add(word)
                elif _is_capitalised(word) and word.lower() not in STOPWORDS and not word.isupper():
                    anywhere[word] += 1
                    if index > 0:
                        mid[word] += 1
        for acronym in _ACRONYM_RE.findall(text):
            anywhere[acronym] += 1
            mid[acronym] += 1
    found: Counter[str] = Counter()
    for word, count in anywhere.items():
        if not mid[word] or word.lower() in lower_seen or len(word) < 3:
            continue
        matches = glossary.find(word, lang)
        if matches and matches[0].start == 0 and matches[0].end == len(word):
            continue
        found[word] = count
    return found


def _masked(text: str, glossary: Glossary, lang: str) -> str:
    """``text`` with every glossary term replaced by a break, so n-grams never cross one."""
    pieces, pos = [], 0
    for match in glossary.find(text, lang):
        pieces.append(text[pos : match.start])
        pieces.append(" | ")
        pos = match.end
    pieces.append(text[pos:])
    return "".join(pieces)


def _example(text: str, phrase: str, width: int = 90) -> str:
    at = text.lower().find(phrase.lower())
    if at < 0:
        return text[:width]
    start = max(0, at - (width - len(phrase)) // 2)
    snippet = " ".join(text[start : start + width].split())
    return ("…" if start else "") + snippet + ("…" if start + width < len(text) else "")


def _drop_contained(ranked: list[TermCandidate], spaced: bool = True) -> list[TermCandidate]:
    """Drop candidates that sit inside a longer kept one occurring at least as often."""
    pad = " " if spaced else ""
    out: list[TermCandidate] = []
    for cand in ranked:
        low = f"{pad}{cand.text.lower()}{pad}"
        if any(
            low in f"{pad}{other.text.lower()}{pad}" and other.count >= cand.count and other.text != cand.text
            for other in out
        ):
            continue
        out.append(cand)
    return out


def _ngram_candidates(texts: list[str], glossary: Glossary, lang: str, min_count: int) -> list[TermCandidate]:
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for text in texts:
        for chunk in _chunks(_masked(text, glossary, lang)):
            words = [w.lower() for w in _WORD_RE.findall(chunk)]
            for n in (4, 3, 2):
                for i in range(len(words) - n + 1):
                    gram = words[i : i + n]
                    if gram[0] in STOPWORDS or gram[-1] in STOPWORDS or len(gram[0]) < 2 or len(gram[-1]) < 2:
                        continue
                    key = " ".join(gram)
                    counts[key] += 1
                    first.setdefault(key, text)
    ranked = sorted((k for k, c in counts.items() if c >= min_count), key=lambda k: (-counts[k], -len(k), k))
    return [TermCandidate(k, counts[k], "ngram", _example(first[k], k)) for k in ranked]


def _cjk_candidates(texts: list[str], glossary: Glossary, lang: str, min_count: int) -> list[TermCandidate]:
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for text in texts:
        for run in _CJK_RUN_RE.findall(_masked(text, glossary, lang)):
            for n in range(2, 7):
                for i in range(len(run) - n + 1):
                    counts[run[i : i + n]] += 1
                    first.setdefault(run[i : i + n], text)
    ranked = sorted((k for k, c in counts.items() if c >= min_count), key=lambda k: (-counts[k], -len(k), k))
    return [TermCandidate(k, counts[k], "ngram", _example(first[k], k)) for k in ranked]


def suggest_terms(
    texts: Iterable[str],
    glossary: Glossary,
    lang: str,
    *,
    limit: int = 30,
    min_count: int = 2,
) -> list[TermCandidate]:
    """Candidate terms in ``texts`` (written in ``lang``) that ``glossary`` lacks, best first.

    Capitalised multi-word names come first (any count), most frequent first; then word
    n-grams (2–4 words, at least ``min_count`` times) that neither cross a known term nor
    hide inside a proposed name. A name that is exactly a known term is not proposed.

    >>> [c.text for c in suggest_terms(["We skated on Jingyue Lake.", "Jingyue Lake froze."], Glossary(), "en")]
    ['Jingyue Lake']
    """
    plain = list(dict.fromkeys(strip_inline(text)[0] for text in texts))  # a title used 3 times counts once
    if language_of(lang) in ("zh", "ja", "ko"):
        return _drop_contained(_cjk_candidates(plain, glossary, lang, min_count), spaced=False)[:limit]
    names: Counter[str] = Counter()
    first: dict[str, str] = {}
    spelling: dict[str, str] = {}
    for text in plain:
        if _looks_like_headline(text):
            continue
        for chunk in _chunks(text):
            for name in _name_runs(chunk):
                matches = glossary.find(name, lang)
                if len(matches) == 1 and matches[0].start == 0 and matches[0].end == len(name):
                    continue
                key = name.lower()
                names[key] += 1
                spelling.setdefault(key, name)
                first.setdefault(key, text)
    for word, count in _single_names(plain, glossary, lang).items():
        key = word.lower()
        if key not in names:
            names[key] = count
            spelling[key] = word
            first[key] = next(text for text in plain if word in text)
    name_list = [
        TermCandidate(spelling[k], c, "name", _example(first[k], spelling[k]))
        for k, c in sorted(names.items(), key=lambda kc: (-kc[1], -len(kc[0]), kc[0]))
    ]
    name_list = _drop_contained(name_list)
    grams = [
        g
        for g in _ngram_candidates(plain, glossary, lang, min_count)
        if not any(f" {g.text} " in f" {n.text.lower()} " for n in name_list)
    ]
    return (name_list + _drop_contained(grams))[:limit]
