"""Compiled MO files for runtime gettext users."""

from __future__ import annotations

import struct
from pathlib import Path

import polib

from transpub.catalog.entries import entry_state
from transpub.fsutil import write_if_changed


def build_mo(po: polib.POFile, *, include_fuzzy: bool = False) -> bytes:
    """The bytes of a little-endian GNU MO file holding the header and the translated entries."""
    header_msgstr = "".join(f"{key}: {value}\n" for key, value in po.ordered_metadata())
    pairs: list[tuple[bytes, bytes]] = [(b"", header_msgstr.encode("utf-8"))]
    for entry in po:
        if entry.obsolete or (entry.msgid == "" and not entry.msgctxt):
            continue
        state = entry_state(entry)
        if state == "untranslated" or (state == "fuzzy" and not include_fuzzy):
            continue
        key = entry.msgid
        if entry.msgid_plural:
            key += "\0" + entry.msgid_plural
            plural = {int(k): v for k, v in entry.msgstr_plural.items()}
            value = "\0".join(plural[i] for i in sorted(plural))
        else:
            value = entry.msgstr
        if entry.msgctxt is not None:
            key = entry.msgctxt + "\x04" + key
        pairs.append((key.encode("utf-8"), value.encode("utf-8")))
    pairs.sort(key=lambda pair: pair[0])
    count = len(pairs)
    key_table_offset = 28
    value_table_offset = key_table_offset + 8 * count
    data_offset = value_table_offset + 8 * count
    keys_blob = bytearray()
    values_blob = bytearray()
    key_table = []
    for key, _value in pairs:
        key_table.append((len(key), data_offset + len(keys_blob)))
        keys_blob += key + b"\0"
    values_start = data_offset + len(keys_blob)
    value_table = []
    for _key, encoded in pairs:
        value_table.append((len(encoded), values_start + len(values_blob)))
        values_blob += encoded + b"\0"
    out = bytearray(struct.pack("<7I", 0x950412DE, 0, count, key_table_offset, value_table_offset, 0, 0))
    for length, offset in key_table + value_table:
        out += struct.pack("<2I", length, offset)
    return bytes(out + keys_blob + values_blob)


def write_mo(po: polib.POFile, path: Path, *, include_fuzzy: bool = False) -> bool:
    """Write the MO file for ``po`` atomically; returns True when the bytes changed."""
    return write_if_changed(Path(path), build_mo(po, include_fuzzy=include_fuzzy))
