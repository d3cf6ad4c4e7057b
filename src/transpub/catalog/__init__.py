"""The catalog layer: the only code that imports polib.

Build templates from units, update locale catalogs like ``msgmerge --previous``, and read and
write PO/POT/MO files whose text is byte-identical to what ``msgcat --force-po`` writes.
"""

import polib

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
    revision_date,
    set_translation,
    translations,
    translator_comments,
)
from transpub.catalog.headers import format_date, plural_examples
from transpub.catalog.merge import (
    TemplateTexts,
    UpdateReport,
    build_template,
    merge_catalog,
    template_header,
    template_texts,
    unit_texts,
    update_catalog,
    write_template,
)
from transpub.catalog.mo import build_mo, write_mo
from transpub.catalog.plurals import plural_forms
from transpub.catalog.pofile import format_catalog, format_entries, format_entry, write_catalog
from transpub.catalog.reader import parse_catalog, parse_translations, read_catalog, read_translations

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
    "parse_catalog",
    "parse_translations",
    "plural_count",
    "plural_examples",
    "plural_forms",
    "provenance_of",
    "read_catalog",
    "read_translations",
    "revision_date",
    "set_machine_translation",
    "set_translation",
    "template_header",
    "template_texts",
    "translations",
    "translator_comments",
    "unit_texts",
    "update_catalog",
    "write_catalog",
    "write_mo",
    "write_template",
]
