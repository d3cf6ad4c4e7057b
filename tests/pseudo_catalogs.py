"""The pseudo-translation of a project's catalogs: every msgstr ``⟦msgid⟧``, saved in place."""

from __future__ import annotations

from pathlib import Path

import polib


def fill_pseudo(root: Path) -> None:
    """Every entry of every PO file under ``root/locales`` gets the msgstr ``⟦msgid⟧``."""
    for path in (root / "locales").rglob("*.po"):
        catalog = polib.pofile(str(path))
        for entry in catalog:
            entry.msgstr = f"⟦{entry.msgid}⟧"
        catalog.save()


def empty_catalog(path: Path) -> bytes:
    """Every msgstr of the catalog at ``path`` emptied (its page held back); its bytes before."""
    before = path.read_bytes()
    catalog = polib.pofile(str(path))
    for entry in catalog:
        entry.msgstr = ""
    catalog.save()
    return before
