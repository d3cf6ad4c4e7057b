"""The hand-off to OmegaT: every target the English to translate, every translation a memory match.

OmegaT 3.6's XLIFF 1.2 filter translates the text of each ``<target>`` and never looks at its
state, so a target holding a translation would be shown as the text to translate. Here the units
lose their translations (the XLIFF gets the source as target), which go into memories where OmegaT
uses them as a translator expects: reviewed work in ``tm/auto/`` (filled in), drafts of people in
``tm/penalty-10/`` and unreviewed machine output in ``tm/mt/penalty-30/`` (offered in the Fuzzy
Matches pane, 10 or 30 points below their likeness, never filled in).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from ..provenance import MACHINE_TRANSLATION
from .codes import is_well_nested
from .tmx import TmxUnit
from .xliff import XliffUnit

#: Where each kind of translation goes, relative to the OmegaT project's folder.
MEMORY_FILES = {
    "reviewed": PurePosixPath("tm/auto/transpub-reviewed.tmx"),
    "draft": PurePosixPath("tm/penalty-10/transpub-drafts.tmx"),
    "machine": PurePosixPath("tm/mt/penalty-30/machine-translation.tmx"),
}
#: The file OmegaT's Project → New… writes, which marks a folder as an OmegaT project.
PROJECT_FILE = "omegat.project"


@dataclass
class Matches:
    """The translations taken out of the targets of an export, by kind (``reviewed``, ``draft``,
    ``machine``), for the kinds asked for."""

    target_tag: str
    kinds: frozenset[str]
    found: dict[str, dict[tuple[str, str], TmxUnit]] = field(default_factory=dict)
    #: The (source, translation) pairs of each reviewed unit (a plural's forms together).
    reviewed_units: list[list[tuple[str, str]]] = field(default_factory=list)

    def take(self, unit: XliffUnit) -> XliffUnit:
        """``unit`` as untranslated when its translation is of a kind asked for, which is kept here
        (a plural's forms one each); any other unit as it is."""
        kind = _kind(unit)
        if kind not in self.kinds:
            return unit
        pairs = [
            (part.source, part.target)
            for part in unit.forms or (unit,)
            if part.target is not None and is_well_nested(part.target)
        ]
        if kind == "reviewed":
            self.reviewed_units.append(pairs)
        else:
            for source, target in pairs:
                self._add(kind, source, target, _engine(unit))
        forms = tuple(replace(form, target=None, state="untranslated", machine=False) for form in unit.forms)
        return replace(unit, target=None, state="untranslated", machine=False, forms=forms)

    def units(self, kind: str) -> list[TmxUnit]:
        """The translations of ``kind``. OmegaT fills every segment of one English with a reviewed
        translation from ``tm/auto/``: one whose English is translated otherwise elsewhere (in another
        unit, a draft, a plural's other form) would fill in another unit with its text, so it is a
        draft, offered, not filled in (with its plural's forms)."""
        if "reviewed" in self.kinds and "reviewed" not in self.found:
            self.found["reviewed"] = {}
            targets: dict[str, set[str]] = {}
            others = [pair for other in ("draft", "machine") for pair in self.found.get(other, {})]
            for source, target in [*others, *(pair for pairs in self.reviewed_units for pair in pairs)]:
                targets.setdefault(source, set()).add(target)
            for pairs in self.reviewed_units:
                ambiguous = any(len(targets[source]) > 1 for source, _ in pairs)
                for source, target in pairs:
                    self._add("draft" if ambiguous else "reviewed", source, target, None)
        return list(self.found.get(kind, {}).values())

    def _add(self, kind: str, source: str, target: str, engine: str | None) -> None:
        """Keep the translation ``target`` of ``source`` as ``kind`` (once: by source and text); a
        machine translation's engine is its author and origin, as OmegaT's Fuzzy Matches pane shows it."""
        origin = engine if kind == "machine" else "human"
        unit = TmxUnit(source, {self.target_tag: target}, origin=origin, creator=engine)
        self.found.setdefault(kind, {})[(source, target)] = unit


def _kind(unit: XliffUnit) -> str | None:
    """What ``unit``'s translation is: unreviewed ``machine`` output, a person's ``draft`` (fuzzy),
    ``reviewed`` work, or None when it has none."""
    parts = unit.forms or (unit,)
    if all(part.target is None for part in parts):
        return None
    if unit.machine:
        return "machine"
    return "reviewed" if all(part.state == "translated" for part in parts) else "draft"


def _engine(unit: XliffUnit) -> str | None:
    """The engine that made ``unit``'s machine translation, as its provenance note names it."""
    if not unit.machine:
        return None
    provenance = next((text for kind, text in unit.notes if kind == "provenance"), "")
    return provenance.removeprefix(MACHINE_TRANSLATION).split(" ")[0] or None
