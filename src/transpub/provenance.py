"""Where a translation came from, as transpub writes it in a catalog: a translator comment line
``# transpub: <provenance>`` (``machine translation by deepl (en→de) on 2026-11-25``), and what tells
machine output from other work not reviewed yet. A module of its own: compile reads it for every
entry it publishes without loading the catalog package."""

from __future__ import annotations

#: How the translator comment line holding an entry's provenance begins.
PROVENANCE_PREFIX = "transpub: "
#: How the provenance ``transpub translate`` writes for machine output begins: what tells machine
#: translation from other work not reviewed yet (a translator's draft, an XLIFF import, a
#: translation memory match of human work, an aligned translation, the earlier translation of a
#: changed sentence).
MACHINE_TRANSLATION = "machine translation by "


def is_machine_translation(provenance: str | None) -> bool:
    """Whether an entry of this ``provenance`` (its comment line without :data:`PROVENANCE_PREFIX`)
    holds machine output.

    >>> is_machine_translation("machine translation by deepl (en→de) on 2026-11-25")
    True
    >>> is_machine_translation("translation memory 92% match on 2026-11-25"), is_machine_translation(None)
    (False, False)
    """
    return provenance is not None and provenance.startswith(MACHINE_TRANSLATION)
