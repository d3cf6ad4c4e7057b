"""The align workflow: bring an existing translation of an article into its catalog.

1. Both articles are read as extract reads the source (the translation cut with its own language's rules)
   and grouped into blocks: title, description, headings, paragraphs, list items, table cells.
2. Blocks are paired in order by kind and length (Gale–Church), numbers confirming a pair; blocks
   found on one side only (a credit line, an added note) are left out.
3. Inside each paired block, sentences are paired the same way; a sentence the translator split
   in two gets both, two merged into one stay unfilled (the translation cannot be cut).
4. The translation's inline markup is mapped onto the source's placeholders by element and order;
   a sentence whose markup cannot be mapped is not filled.

Only empty entries are filled, as fuzzy with ``# transpub: aligned from <file>``; every aligned pair goes
to the memory. When too few blocks pair up (unrelated articles), nothing is filled.
"""

from __future__ import annotations

import html as html_lib
import math
import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from .. import catalog
from ..discovery import ARTICLE_SUFFIXES, Article
from ..errors import ArticleError, TranspubError
from ..formats import ReadOptions, read_article
from ..formats.document import Document, Slot
from ..inline import PLACEHOLDER_RE, placeholder_problem, strip_placeholders, tokenize
from ..locales import language_of
from ..memory import HUMAN, open_memory
from ..model import Placeholder
from ..project import Project
from ..sources import read_options
from .galechurch import BLOCK_MOVES, SENTENCE_MOVES, Bead, align

#: Below this share of source blocks paired with confidence, nothing is filled.
MIN_CONFIDENCE = 0.5
#: A paired block or sentence whose lengths are further apart than this (δ) is not trusted.
MAX_DELTA = 2.5
_NUMBER = re.compile(r"\d+(?:[.,\u00a0 ]\d{3})*(?:[.,]\d+)?")
_WORDS_IN_REF = re.compile(r"\([^)]*\)")
_NO_SPACE_LANGUAGES = {"zh", "ja", "th", "lo", "km", "my"}


class AlignError(TranspubError):
    """Two files that cannot be aligned (unreadable, not an article of the project, no catalog)."""


@dataclass
class ArticleAlignment:
    """What align did for one article."""

    source: str
    translation: str
    filled: int = 0
    kept: int = 0  # entries translated or fuzzy already (a draft, a machine translation), left alone
    unfilled: int = 0  # source sentences in paired blocks that got no translation
    unmatched_source_blocks: int = 0
    unmatched_translation_blocks: int = 0
    confidence: float = 0.0
    pairs: list[tuple[str, str]] = field(default_factory=list)

    @property
    def low_confidence(self) -> bool:
        """True when the articles do not look like translations of each other."""
        return self.confidence < MIN_CONFIDENCE

    @property
    def summary(self) -> str:
        """One line for the user."""
        if self.low_confidence:
            return (
                f"{self.source}: low confidence ({self.confidence:.0%}) that {self.translation} translates it; "
                "nothing filled"
            )
        return (
            f"{self.source}: {self.filled} filled, {self.kept} translated or fuzzy already, {self.unfilled} sentences "
            f"unfilled; blocks unmatched: {self.unmatched_source_blocks} in the source, "
            f"{self.unmatched_translation_blocks} in the translation"
        )


@dataclass
class _Block:
    kind: str
    slots: list[Slot]

    @property
    def text(self) -> str:
        return " ".join(strip_placeholders(slot.msgid) for slot in self.slots)


def _blocks(document: Document) -> list[_Block]:
    blocks: list[_Block] = []
    last_ref = None
    for slot in document.slots():
        if not strip_placeholders(slot.msgid).strip():
            continue
        if slot.ref != last_ref or not blocks:
            blocks.append(_Block(_WORDS_IN_REF.sub("", slot.ref), []))
            last_ref = slot.ref
        blocks[-1].slots.append(slot)
    return blocks


def _numbers(text: str) -> set[str]:
    """The numbers a text mentions, separators removed (``31.36`` and ``31,36`` are one).

    >>> sorted(_numbers("On January 4, 2018, RMB31.36 billion")), sorted(_numbers("2018年1月4日，313.6亿元"))
    (['2018', '3136', '4'], ['1', '2018', '3136', '4'])
    """
    return {re.sub(r"\D", "", found) for found in _NUMBER.findall(text)}


def _numbers_agree(source: set[str], target: set[str]) -> bool:
    if not source and not target:
        return True
    if not source or not target:
        return False
    return len(source & target) / len(source | target) >= 0.5


def _placeholders(slot: Slot) -> tuple[Placeholder, ...]:
    return tuple(getattr(slot, "placeholders", ()) or ())


def map_placeholders(
    text: str, own: tuple[Placeholder, ...], source: tuple[Placeholder, ...], source_msgid: str
) -> str | None:
    """The translation ``text`` with its own markup renumbered as the source's placeholders.

    Each of the translation's elements takes the source placeholder of the same element, in order;
    one left over takes a source placeholder of an element the translation lacks (emphasis written
    with ``<i>`` instead of ``<em>``); markup the source does not have is dropped. None when the
    result does not fit the source's placeholders.

    >>> em, i = Placeholder(1, "em", True), Placeholder(1, "i", True)
    >>> map_placeholders("Er dankte <1>allen</1>.", (i,), (em,), "He thanked <1>all</1>.")
    'Er dankte <1>allen</1>.'
    """
    unused = list(source)
    mapping: dict[int, int | None] = {}
    for holder in own:
        match = next((s for s in unused if s.tag == holder.tag and s.paired == holder.paired), None)
        if match is not None:
            mapping[holder.number] = match.number
            unused.remove(match)
    own_tags = {h.tag for h in own}
    for holder in own:
        if holder.number in mapping:
            continue
        match = next((s for s in unused if s.paired == holder.paired and s.tag not in own_tags), None)
        mapping[holder.number] = match.number if match else None
        if match:
            unused.remove(match)
    out: list[str] = []
    for token in tokenize(text):
        if token.kind == "text":
            out.append(token.value)
            continue
        number = mapping.get(token.number)
        if number is None:
            continue
        out.append({"open": f"<{number}>", "close": f"</{number}>", "empty": f"<{number}/>"}[token.kind])
    mapped = "".join(out).strip()
    return None if placeholder_problem(source_msgid, mapped) else mapped


def _read(path: Path, locale: str, options: ReadOptions, shown: str) -> Document:
    """``path`` read as extract reads the source article (``options``), cut by ``locale``'s rules."""
    options = replace(options, source_locale=locale)
    try:
        return read_article(path, options, display_path=shown)
    except OSError as exc:
        raise AlignError(f"cannot read: {exc.strerror or exc}", shown) from None


def _shown(project: Project, path: Path) -> str:
    try:
        return project.relative(path)
    except ValueError:
        return str(path)


def _article_slug(project: Project, source: Path, shown: str, articles: list[Article] | None) -> str:
    """The slug extract knows the article at ``source`` by (``articles``: the project's, when the
    caller found them). A symbolic link is its own article, as extract reads it: the slug is never
    taken from where the link leads (another article's catalog, or none of this project)."""
    if articles is None:
        articles = project.discover().articles
    wanted = os.path.abspath(source)
    for article in articles:
        if os.path.abspath(article.path) == wanted:
            return article.slug
    resolved = {article.slug for article in articles if article.path.resolve() == source.resolve()}
    if len(resolved) == 1:  # the article's own file, named through a linked folder
        return resolved.pop()
    raise AlignError(f"not an article of this project (articles are in {project.articles_dir})", shown)


def align_article(
    project: Project, source: Path, translation: Path, locale: str, articles: list[Article] | None = None
) -> ArticleAlignment:
    """Align ``translation`` with the project article ``source`` and fill its catalog for ``locale``
    (``articles``: the project's, when the caller found them)."""
    shown_source, shown_translation = _shown(project, source), _shown(project, translation)
    catalog_path = project.catalog_path(locale, _article_slug(project, source, shown_source, articles))
    if not catalog_path.is_file():
        raise AlignError(f"no catalog for {locale} yet: run transpub extract first", shown_source)
    options = read_options(project, source)  # as extract reads it: the generator's syntax, its segmentation
    source_blocks = _blocks(_read(source, project.source_locale, options, shown_source))
    target_blocks = _blocks(_read(translation, locale, options, shown_translation))
    result = ArticleAlignment(shown_source, shown_translation)
    forced = {}
    if translation.suffix.lower() in (".html", ".htm"):
        text = translation.read_bytes().decode("utf-8", errors="replace")
        forced = commented_sources(text, source_blocks, target_blocks)
    pairs = _pair_blocks(source_blocks, target_blocks, result, forced)
    if result.low_confidence:
        return result
    joiner = "" if language_of(locale) in _NO_SPACE_LANGUAGES else " "
    fills: dict[str, str] = {}
    for source_block, target_block in pairs:
        for msgid, text in _pair_sentences(source_block, target_block, joiner, result):
            fills.setdefault(msgid, text)
    result.pairs = list(fills.items())
    po = catalog.read_catalog(catalog_path)
    by_msgid = {entry.msgid: entry for entry in catalog.live_entries(po)}
    for msgid, text in fills.items():
        entry = by_msgid.get(msgid)
        if entry is None:
            continue
        if catalog.entry_state(entry) != "untranslated":
            result.kept += 1
            continue
        catalog.set_translation(entry, text, fuzzy=True, provenance=f"aligned from {shown_translation}")
        result.filled += 1
    if result.filled:
        catalog.write_catalog(po, catalog_path)
    _remember(project, locale, fills)
    return result


def _remember(project: Project, locale: str, fills: dict[str, str]) -> None:
    """Store aligned pairs as human work, never replacing a translation the memory already has."""
    with open_memory(project.memory_location) as memory:
        new = [
            (msgid, text)
            for msgid, text in fills.items()
            if memory.exact(project.source_locale, locale, msgid, origins=(HUMAN,)) is None
        ]
        memory.add(project.source_locale, locale, new, HUMAN)


def _pair_blocks(
    source: list[_Block], target: list[_Block], result: ArticleAlignment, forced: dict[int, int] | None = None
) -> list[tuple[_Block, _Block]]:
    """Blocks paired with confidence; counts and confidence recorded in ``result``.

    ``forced`` pairs translation blocks with source blocks outright (target index → source index),
    from the source text kept in a comment above the block; the rest are aligned by length.
    """
    forced = forced or {}
    pairs = [(source[i], target[j]) for j, i in forced.items()]
    rest_source = [i for i in range(len(source)) if i not in forced.values()]
    rest_target = [j for j in range(len(target)) if j not in forced]
    source_numbers = [_numbers(source[i].text) for i in rest_source]
    target_numbers = [_numbers(target[j].text) for j in rest_target]

    def extra(si: tuple[int, ...], ti: tuple[int, ...]) -> float:
        if not si or not ti:
            return 0.0
        if source[rest_source[si[0]]].kind != target[rest_target[ti[0]]].kind:
            return math.inf
        return 0.0 if _numbers_agree(source_numbers[si[0]], target_numbers[ti[0]]) else 6.0

    beads = align(
        [len(source[i].text) for i in rest_source],
        [len(target[j].text) for j in rest_target],
        moves=BLOCK_MOVES,
        extra_cost=extra,
        ratio=(sum(len(t.text) for _, t in pairs) / sum(len(s.text) for s, _ in pairs)) if pairs else None,
    )
    for bead in beads:
        if not bead.target:
            result.unmatched_source_blocks += 1
        elif not bead.source:
            result.unmatched_translation_blocks += 1
        elif abs(bead.delta) <= MAX_DELTA and _numbers_agree(
            source_numbers[bead.source[0]], target_numbers[bead.target[0]]
        ):
            pairs.append((source[rest_source[bead.source[0]]], target[rest_target[bead.target[0]]]))
        else:
            result.unmatched_source_blocks += 1
            result.unmatched_translation_blocks += 1
    result.confidence = _confidence(source, target, pairs, commented=len(forced) >= 2)
    return pairs


_COMMENTED_BLOCK = re.compile(
    r"<!--(?P<source>.*?)-->\s*<(?P<tag>p|h[1-6]|li|td|th|dt|dd|figcaption|blockquote)\b[^>]*>(?P<body>.*?)</(?P=tag)\s*>",
    re.S | re.I,
)


def _squash(text: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]*>", "", text)).split())


def commented_sources(html: str, source: list[_Block], target: list[_Block]) -> dict[int, int]:
    """Translation blocks whose HTML comment above them holds a source block's text: target → source index.

    >>> commented_sources("<!-- Hi. --><p>Hallo.</p>", [], []) == {}
    True
    """
    by_text: dict[str, list[int]] = {}
    for index, block in enumerate(source):
        by_text.setdefault(_squash(block.text), []).append(index)
    unused = {index: _squash(block.text) for index, block in enumerate(target)}
    found: dict[int, int] = {}
    for match in _COMMENTED_BLOCK.finditer(html):
        body = _squash(match.group("body"))
        target_index = next((j for j, text in unused.items() if text == body), None)
        if target_index is None:
            continue
        candidates = [i for i in by_text.get(_squash(match.group("source")), []) if i not in found.values()]
        same_kind = [i for i in candidates if source[i].kind == target[target_index].kind]
        if same_kind:
            found[target_index] = same_kind[0]
            del unused[target_index]
    return found


def _confidence(
    source: list[_Block], target: list[_Block], pairs: list[tuple[_Block, _Block]], *, commented: bool = False
) -> float:
    """How sure the pairing is: the share of the source's text in paired blocks (all of it when the
    translator's comments name the source blocks), and when the source mentions numbers, the share
    of them the translation mentions too (whichever is lower)."""
    total = sum(len(b.text) for b in source)
    share = 1.0 if commented else sum(len(s.text) for s, _ in pairs) / total if total else 0.0
    source_numbers = set().union(*(_numbers(b.text) for b in source)) if source else set()
    if len(source_numbers) >= 2:
        target_numbers = set().union(*(_numbers(b.text) for b in target)) if target else set()
        share = min(share, len(source_numbers & target_numbers) / len(source_numbers))
    return share


def _pair_sentences(
    source: _Block, target: _Block, joiner: str, result: ArticleAlignment
) -> list[tuple[str, str]]:
    """(msgid, translation) for the sentences of two paired blocks that can be filled."""
    if len(source.slots) == 1 and len(target.slots) == 1:
        beads = [Bead((0,), (0,), 0.0, 0.0)]
    else:
        beads = align(
            [len(strip_placeholders(s.msgid)) for s in source.slots],
            [len(strip_placeholders(s.msgid)) for s in target.slots],
            moves=SENTENCE_MOVES,
        )
    found: list[tuple[str, str]] = []
    for bead in beads:
        if len(bead.source) != 1 or not bead.target or abs(bead.delta) > MAX_DELTA + 0.5:
            result.unfilled += len(bead.source)
            continue
        slot = source.slots[bead.source[0]]
        joined, own = _join([target.slots[t] for t in bead.target], joiner)
        text = map_placeholders(joined, own, _placeholders(slot), slot.msgid)
        if not text:
            result.unfilled += 1
            continue
        found.append((slot.msgid, text))
    return found


def _renumber(text: str, offset: int) -> str:
    """``text`` with every placeholder's number raised by ``offset``.

    >>> _renumber("a <1>b</1> <2/>", 3)
    'a <4>b</4> <5/>'
    """

    def shifted(match: re.Match[str]) -> str:
        return f"<{match.group(1)}{int(match.group(2)) + offset}{match.group(3)}>"

    return PLACEHOLDER_RE.sub(shifted, text) if offset else text


def _join(slots: list[Slot], joiner: str) -> tuple[str, tuple[Placeholder, ...]]:
    """Sentences a translator split, joined into one text with their placeholders renumbered."""
    texts: list[str] = []
    holders: list[Placeholder] = []
    for slot in slots:
        offset = max((h.number for h in holders), default=0)
        texts.append(_renumber(slot.msgid, offset))
        holders.extend(Placeholder(h.number + offset, h.tag, h.paired) for h in _placeholders(slot))
    return joiner.join(texts), tuple(holders)


@dataclass(frozen=True)
class Unpaired:
    """A source article of a folder run with no file of the same path in the translation folder (not
    every article was translated): skipped."""

    source: str


def _left_out_by_discovery(project: Project, articles: list[Article]) -> Callable[[Path], bool]:
    """Whether a file in the articles folder is one extract does not take for an article: a
    translation beside its article (``ferry.es.md``), a hidden or excluded file. (A file outside the
    articles folder is not: aligning it says it is no article of this project.)"""
    inside = project.articles_dir.resolve()
    named = {os.path.abspath(a.path) for a in articles}
    resolved = {a.path.resolve() for a in articles}

    def left_out(path: Path) -> bool:
        real = path.resolve()
        return real.is_relative_to(inside) and os.path.abspath(path) not in named and real not in resolved

    return left_out


def align_folders(project: Project, source_dir: Path, translation_dir: Path, locale: str) -> list[Any]:
    """Align every article under ``source_dir`` with the file of the same path under ``translation_dir``.

    Returns one :class:`ArticleAlignment` per pair, an :class:`AlignError` for a pair that cannot be
    aligned, and an :class:`Unpaired` for a source file that has no translation (skipped); an
    AlignError alone when no source file has one (the folders do not pair at all).
    """
    results: list[Any] = []
    articles = project.discover().articles
    left_out = _left_out_by_discovery(project, articles)
    for path in sorted(source_dir.rglob("*")):
        if not path.is_file() or path.suffix.lower() not in ARTICLE_SUFFIXES or left_out(path):
            continue
        partner = translation_dir / path.relative_to(source_dir)
        if not partner.is_file():
            results.append(Unpaired(_shown(project, path)))
            continue
        try:
            results.append(align_article(project, path, partner, locale, articles))
        except (AlignError, ArticleError) as exc:
            results.append(exc)
    if all(isinstance(result, Unpaired) for result in results):
        return [
            AlignError(
                f"no article here has a file of the same path under {_shown(project, translation_dir)}",
                _shown(project, source_dir),
            )
        ]
    return results
