"""Random translations of Markdown units, for the writer's randomized tests against real renderers."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from pathlib import Path

from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution, TextSlot
from transpub.formats.md_reader import read_markdown
from transpub.inline import placeholder_problem


def read(source: str) -> Document:
    """``source`` read as the Markdown file ``a.md``."""
    return read_markdown(source, Path("a.md"), "utf-8", ReadOptions())


def text_units(document: Document, holding: str = "") -> list[TextSlot]:
    """The text units of ``document`` whose msgid holds ``holding``."""
    return [slot for slot in document.slots() if isinstance(slot, TextSlot) and holding in slot.msgid]


def translated(document: Document, unit: TextSlot, text: str) -> str:
    """``document`` written with ``unit`` translated as ``text`` (every other unit as its source)."""
    return document.render(lambda slot: Resolution(text if slot is unit else None))


def random_pages(
    sources: Sequence[str],
    translations: Callable[[str, random.Random], list[str]],
    seed: int,
    units: Callable[[Document], list[TextSlot]] = text_units,
) -> list[tuple[str, str, str]]:
    """Each of ``sources`` with the ``translations`` (of a msgid, drawn from one generator seeded
    with ``seed``) of each of its ``units``: (source, translation, page written)."""
    rng = random.Random(seed)
    found = []
    for source in sources:
        document = read(source)
        for unit in units(document):
            for text in translations(unit.msgid, rng):
                found.append((source, text, translated(document, unit, text)))
    return found


#: A placeholder of a msgid: ``<1/>``, or a pair with what it holds.
PLACEHOLDER = re.compile(r"<(\d+)/>|<(\d+)>.*?</\2>")


def cut_translations(
    msgid: str,
    rng: random.Random,
    words: Sequence[str],
    count: int,
    *,
    most: int = 3,
    spaced: bool = False,
    pseudo: bool = True,
) -> list[str]:
    """Random translations of ``msgid`` (the pseudo-translation ``⟦msgid⟧`` first where ``pseudo``):
    its placeholders in a random order, one to ``most`` of ``words`` before, between and after them,
    glued or (``spaced``) with spaces; of ``count`` drawn, those that keep the placeholders and are not
    blank."""
    placeholders = [match.group() for match in PLACEHOLDER.finditer(msgid)]
    found = [f"⟦{msgid}⟧"] if pseudo else []
    join = " " if spaced else ""
    for _ in range(count):
        order = rng.sample(placeholders, len(placeholders))
        cuts = [join.join(rng.choices(words, k=rng.randint(1, most))) for _ in range(len(order) + 1)]
        text = cuts[0] + "".join(f"{join}{p}{join}{cut}" for p, cut in zip(order, cuts[1:], strict=True))
        if text.strip() and placeholder_problem(msgid, text) is None:
            found.append(text)
    return found
