"""The catalog layer: the only code that imports polib.

Build templates from units, update locale catalogs like ``msgmerge --previous``, and read and
write PO/POT/MO files whose text is byte-identical to what ``msgcat --force-po`` writes.
"""

from typing import TYPE_CHECKING

import polib

if TYPE_CHECKING:
    from transpub.catalog.entries import (
        CatalogStats,
        catalog_stats,
        count_words,
        entry_state,
        has_translation,
        is_blank,
        provenance_of,
        set_machine_translation,
    )
    from transpub.catalog.exchange import (
        add_translator_comments,
        is_reviewed,
        live_entries,
        mark_revised,
        plural_count,
        reviewed_pairs,
        revision_date,
        set_translation,
        translations,
        translator_comments,
    )
    from transpub.catalog.headers import format_date, plural_examples
    from transpub.catalog.merge import (
        TemplateTexts,
        build_template,
        merge_catalog,
        template_header,
        template_texts,
        unit_texts,
        update_catalog,
        write_template,
    )
    from transpub.catalog.mo import build_mo, write_mo
    from transpub.catalog.notes import note_lines, translator_lines
    from transpub.catalog.plurals import plural_forms
    from transpub.catalog.pofile import format_catalog, format_entries, format_entry, write_catalog
    from transpub.catalog.reader import parse_catalog, parse_translations, read_catalog, read_translations
    from transpub.catalog.update_report import UpdateReport

#: The module of each name below (imported when the name is first asked for: a compile reads
#: catalogs, it does not write templates; see :func:`__getattr__`).
_HOMES = {
    "CatalogStats": "entries",
    "catalog_stats": "entries",
    "count_words": "entries",
    "entry_state": "entries",
    "has_translation": "entries",
    "is_blank": "entries",
    "provenance_of": "entries",
    "set_machine_translation": "entries",
    "add_translator_comments": "exchange",
    "is_reviewed": "exchange",
    "live_entries": "exchange",
    "mark_revised": "exchange",
    "plural_count": "exchange",
    "reviewed_pairs": "exchange",
    "revision_date": "exchange",
    "set_translation": "exchange",
    "translations": "exchange",
    "translator_comments": "exchange",
    "format_date": "headers",
    "plural_examples": "headers",
    "TemplateTexts": "merge",
    "UpdateReport": "update_report",
    "build_template": "merge",
    "merge_catalog": "merge",
    "template_header": "merge",
    "template_texts": "merge",
    "unit_texts": "merge",
    "update_catalog": "merge",
    "write_template": "merge",
    "build_mo": "mo",
    "write_mo": "mo",
    "note_lines": "notes",
    "translator_lines": "notes",
    "plural_forms": "plurals",
    "format_catalog": "pofile",
    "format_entries": "pofile",
    "format_entry": "pofile",
    "write_catalog": "pofile",
    "parse_catalog": "reader",
    "parse_translations": "reader",
    "read_catalog": "reader",
    "read_translations": "reader",
}


def __getattr__(name: str) -> object:
    """A name of the catalog layer, from its module (imported on first use: :data:`_HOMES`)."""
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


#: A parsed PO/POT file and one of its entries: the types other layers name, never import.
POFile = polib.POFile
POEntry = polib.POEntry

__all__ = [
    "CatalogStats",
    "POEntry",
    "POFile",
    "TemplateTexts",
    "UpdateReport",
    "add_translator_comments",
    "build_mo",
    "build_template",
    "catalog_stats",
    "count_words",
    "entry_state",
    "format_catalog",
    "format_date",
    "format_entries",
    "format_entry",
    "has_translation",
    "is_blank",
    "is_reviewed",
    "live_entries",
    "mark_revised",
    "merge_catalog",
    "note_lines",
    "parse_catalog",
    "parse_translations",
    "plural_count",
    "plural_examples",
    "plural_forms",
    "provenance_of",
    "read_catalog",
    "read_translations",
    "reviewed_pairs",
    "revision_date",
    "set_machine_translation",
    "set_translation",
    "template_header",
    "template_texts",
    "translations",
    "translator_comments",
    "translator_lines",
    "unit_texts",
    "update_catalog",
    "write_catalog",
    "write_mo",
    "write_template",
]
