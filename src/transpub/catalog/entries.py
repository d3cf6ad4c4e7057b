"""One entry's review state, machine-translation provenance, and catalog statistics."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass

import polib

from transpub.catalog.notes import translator_lines
from transpub.model import Coverage
from transpub.provenance import PROVENANCE_PREFIX

_PLACEHOLDER = re.compile(r"</?\d+/?>")
#: A source word (see :func:`count_words`): compiled when first used, by status and check (its two
#: CJK classes cost about 27M instructions; extract and compile never count words).
_WORD = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[^\W\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"


def _translations(entry: polib.POEntry) -> list[str]:
    if entry.msgid_plural:
        return list((entry.msgstr_plural or {}).values()) or [""]
    return [entry.msgstr]


def is_blank(text: str | None) -> bool:
    """The one rule for an empty translation: no text, or only whitespace, is untranslated.

    >>> is_blank(""), is_blank(" \\t\\u3000"), is_blank(" x ")
    (True, True, False)
    """
    return not (text or "").strip()


def has_translation(entry: polib.POEntry) -> bool:
    """True when some msgstr (some plural form) holds more than whitespace."""
    return not all(is_blank(text) for text in _translations(entry))


def is_translated_text(entry: polib.POEntry) -> bool:
    """True when every msgstr (each plural form) holds more than whitespace."""
    return not any(is_blank(text) for text in _translations(entry))


def entry_state(entry: polib.POEntry) -> str:
    """``"translated"``, ``"fuzzy"`` or ``"untranslated"`` (a fuzzy flag on an empty msgstr is ignored, as gettext does).

    A msgstr of whitespace only is untranslated (see :func:`is_blank`).

    >>> entry_state(polib.POEntry(msgid="a", msgstr="b", flags=["fuzzy"]))
    'fuzzy'
    >>> entry_state(polib.POEntry(msgid="a", msgstr="", flags=["fuzzy"]))
    'untranslated'
    >>> entry_state(polib.POEntry(msgid="a", msgstr="  "))
    'untranslated'
    """
    if not has_translation(entry):
        return "untranslated"
    if "fuzzy" in entry.flags:
        return "fuzzy"
    return "translated" if is_translated_text(entry) else "untranslated"


def provenance_of(entry: polib.POEntry) -> str | None:
    """The provenance recorded by :func:`set_machine_translation`, if any.

    >>> e = polib.POEntry(msgid="a", tcomment="keep short\\ntranspub: machine translation by x")
    >>> provenance_of(e)
    'machine translation by x'
    """
    for line in reversed(translator_lines(entry.tcomment)):
        if line.startswith(PROVENANCE_PREFIX):
            return line[len(PROVENANCE_PREFIX) :]
    return None


def set_machine_translation(entry: polib.POEntry, text: str, provenance: str) -> None:
    """Fill ``entry`` with machine output: msgstr, the fuzzy flag and a ``transpub:`` comment line.

    A reviewed entry (translated and not fuzzy) is never touched: ValueError.
    """
    if entry_state(entry) == "translated":
        raise ValueError(f"refusing to overwrite a reviewed translation of {entry.msgid!r}")
    if "\n" in provenance:
        raise ValueError("provenance must be one line")
    if entry.msgid_plural:
        count = max(len(entry.msgstr_plural or {}), 2)
        entry.msgstr_plural = {index: text for index in range(count)}
    else:
        entry.msgstr = text
    if "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    lines = [
        line for line in translator_lines(entry.tcomment) if line and not line.startswith(PROVENANCE_PREFIX)
    ]
    lines.append(PROVENANCE_PREFIX + provenance)
    entry.tcomment = "\n".join(lines)


def count_words(text: str) -> int:
    """Source words, placeholders excluded; each CJK character counts as one word.

    >>> count_words("Read <1>the guide</1> now"), count_words("阅读指南")
    (4, 4)
    """
    return len(_word_re().findall(_PLACEHOLDER.sub(" ", text)))


@functools.cache
def _word_re() -> re.Pattern[str]:
    return re.compile(_WORD)


@dataclass(frozen=True)
class CatalogStats(Coverage):
    """Entry counts by state (the :class:`~transpub.model.Coverage` of the catalog's live
    entries), obsolete entries and the source words in each state; ``refused``: the translated
    entries counted as untranslated because their page shows the source instead (see
    :func:`catalog_stats`)."""

    obsolete: int = 0
    translated_words: int = 0
    fuzzy_words: int = 0
    untranslated_words: int = 0
    refused: int = 0

    @property
    def total_words(self) -> int:
        """Source words in live entries."""
        return self.translated_words + self.fuzzy_words + self.untranslated_words


def catalog_stats(po: polib.POFile, kept: Callable[[str, str], bool] | None = None) -> CatalogStats:
    """Count entries and source words by state (the header is not an entry).

    ``kept``: True for a translated entry (its msgid and msgstr) whose page shows its source instead
    (see :func:`transpub.sources.catalog_coverage`): counted as untranslated, and as refused."""
    counts = {"translated": 0, "fuzzy": 0, "untranslated": 0}
    words = dict.fromkeys(counts, 0)
    obsolete = refused = 0
    for entry in po:
        if entry.obsolete:
            obsolete += 1
            continue
        if entry.msgid == "" and not entry.msgctxt:
            continue
        state = entry_state(entry)
        if state == "translated" and kept is not None and kept(entry.msgid, entry.msgstr):
            state = "untranslated"
            refused += 1
        counts[state] += 1
        words[state] += count_words(entry.msgid)
    return CatalogStats(
        counts["translated"],
        counts["fuzzy"],
        counts["untranslated"],
        obsolete,
        words["translated"],
        words["fuzzy"],
        words["untranslated"],
        refused,
    )
