"""What exchange formats need from a catalog: its live entries, and setting an imported translation."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import UTC, datetime

import polib

from .entries import PROVENANCE_PREFIX, entry_state
from .headers import format_date, nplurals_of
from .notes import translator_lines


def live_entries(po: polib.POFile, *, plurals: bool = False) -> Iterator[polib.POEntry]:
    """The entries a translator works on: not the header, not obsolete, plural ones only when asked."""
    for entry in po:
        if entry.obsolete or (entry.msgid == "" and not entry.msgctxt):
            continue
        if entry.msgid_plural and not plurals:
            continue
        yield entry


def plural_count(po: polib.POFile, entry: polib.POEntry) -> int:
    """How many forms (msgstr[0], msgstr[1], …) a plural ``entry`` has: its own, else the header's.

    >>> po = polib.POFile(); po.metadata["Plural-Forms"] = "nplurals=3; plural=(n==1 ? 0 : n<5 ? 1 : 2);"
    >>> plural_count(po, polib.POEntry(msgid="a", msgid_plural="as"))
    3
    """
    if entry.msgstr_plural:
        return len(entry.msgstr_plural)
    return nplurals_of(po.metadata.get("Plural-Forms", "")) or 2


def translations(entry: polib.POEntry, count: int = 1) -> list[str]:
    """The msgstr of ``entry``, or of each of its ``count`` plural forms."""
    if entry.msgid_plural:
        forms = {int(k): v for k, v in (entry.msgstr_plural or {}).items()}
        return [forms.get(index, "") for index in range(count)]
    return [entry.msgstr]


def set_translation(
    entry: polib.POEntry,
    text: str | Sequence[str],
    *,
    fuzzy: bool,
    previous_msgid: str | None = None,
    provenance: str | None = None,
) -> None:
    """Put a human translation into ``entry``: reviewed, or fuzzy (with the source it translated).

    A machine-translation provenance line is dropped (the text is no longer the machine's);
    ``provenance`` (``aligned from de/harbour.html``) becomes the new one, a translator comment
    (``# transpub: …``) that extract keeps, as machine translation's. A plural entry takes one text per form.
    """
    if isinstance(text, str):
        entry.msgstr = text
    else:
        entry.msgstr_plural = dict(enumerate(text))
    if fuzzy and "fuzzy" not in entry.flags:
        entry.flags.insert(0, "fuzzy")
    if not fuzzy and "fuzzy" in entry.flags:
        entry.flags.remove("fuzzy")
    if not fuzzy:
        entry.previous_msgid = None
        entry.previous_msgctxt = None
    elif previous_msgid is not None and previous_msgid != entry.msgid:
        entry.previous_msgid = previous_msgid
    lines = [
        line for line in translator_lines(entry.tcomment) if line and not line.startswith(PROVENANCE_PREFIX)
    ]
    if provenance:
        lines.append(PROVENANCE_PREFIX + provenance)
    entry.tcomment = "\n".join(lines)


def is_reviewed(entry: polib.POEntry) -> bool:
    """True for a translated, non-fuzzy entry (one a reviewer signed off)."""
    return entry_state(entry) == "translated"


def reviewed_pairs(po: polib.POFile) -> list[tuple[str, str]]:
    """``(msgid, msgstr)`` of each reviewed entry of ``po`` but plural ones: the human work a
    translation memory learns (translate) and a memory export holds."""
    return [(entry.msgid, entry.msgstr) for entry in live_entries(po) if is_reviewed(entry)]


def revision_date(po: polib.POFile) -> datetime | None:
    """The catalog's ``PO-Revision-Date`` (None when unset or unreadable)."""
    value = po.metadata.get("PO-Revision-Date", "")
    try:
        return datetime.strptime(value.strip(), "%Y-%m-%d %H:%M%z")
    except ValueError:
        return None


def mark_revised(po: polib.POFile, moment: datetime | None = None) -> None:
    """Set ``PO-Revision-Date`` to ``moment`` (default: now), as an editor does on save."""
    po.metadata["PO-Revision-Date"] = format_date(moment or datetime.now(UTC))


def translator_comments(entry: polib.POEntry) -> list[str]:
    """The lines of ``entry``'s translator comment (``# …``) people wrote: not transpub's provenance.

    >>> translator_comments(polib.POEntry(msgid="a", tcomment="Ask Li\\ntranspub: machine translation by x"))
    ['Ask Li']
    """
    return [
        line
        for line in translator_lines(entry.tcomment)
        if line.strip() and not line.startswith(PROVENANCE_PREFIX)
    ]


def add_translator_comments(entry: polib.POEntry, lines: Sequence[str]) -> bool:
    """Add the ``lines`` ``entry``'s translator comment lacks, after its own and before the provenance line.

    True when the comment changed.

    >>> e = polib.POEntry(msgid="a", tcomment="Ask Li\\ntranspub: machine translation by x")
    >>> add_translator_comments(e, ["Ask Li", "Too long?"]), e.tcomment.split("\\n")
    (True, ['Ask Li', 'Too long?', 'transpub: machine translation by x'])
    """
    own = translator_comments(entry)
    held = {line.strip() for line in own}
    new = [line for line in dict.fromkeys(line.strip() for line in lines) if line and line not in held]
    if not new:
        return False
    provenance = [line for line in translator_lines(entry.tcomment) if line.startswith(PROVENANCE_PREFIX)]
    entry.tcomment = "\n".join([*own, *new, *provenance])
    return True
