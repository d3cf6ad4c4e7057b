"""What transpub keeps in .transpub/ is signed with keyed BLAKE2b of its context and its bytes, for a
small record as for a blob of megabytes: records and blobs written by an earlier version still check
(a change of how signatures are made would turn every project's caches into misses and full runs),
and one changed byte, another context or another key does not."""

from __future__ import annotations

import hashlib

import pytest

from transpub.signing import (
    SIGNATURE_SIZE,
    signed_part,
    signed_text,
    text_if_signed,
    texts_if_signed,
    with_signature,
)

KEY = bytes(range(32))


@pytest.mark.parametrize("size", [1, 300, 4095, 4096, 4097, 70_000, 3_000_000])
def test_a_signature_is_the_keyed_blake2b_of_the_context_and_the_data_whatever_their_size(size: int) -> None:
    data = bytes((n * 7) % 251 for n in range(size))
    stored = with_signature(KEY, data, b"reads\0story-1")
    expected = hashlib.blake2b(b"reads\0story-1\0" + data, key=KEY, digest_size=SIGNATURE_SIZE).digest()
    assert stored == data + expected
    assert signed_part(KEY, stored, b"reads\0story-1") == data
    assert signed_part(KEY, stored, b"reads\0story-2") is None  # another row's signature
    changed = bytearray(stored)
    changed[size // 2] ^= 1
    assert signed_part(KEY, bytes(changed), b"reads\0story-1") is None


def test_a_signed_record_checks_and_an_edited_one_does_not() -> None:
    record = '[3,"key",["articles/a.html"],[],"12.3.4.5","-",[],{"units":3}]'
    stored = signed_text(KEY, record, b"manifest record\0extract\0a\0")
    assert (
        stored[: 2 * SIGNATURE_SIZE]
        == hashlib.blake2b(
            b"manifest record\0extract\0a\0\0" + record.encode(), key=KEY, digest_size=SIGNATURE_SIZE
        ).hexdigest()
    )
    assert text_if_signed(KEY, stored, b"manifest record\0extract\0a\0") == record
    assert (
        text_if_signed(KEY, stored.replace('"units":3', '"units":4'), b"manifest record\0extract\0a\0")
        is None
    )
    assert text_if_signed(b"another key", stored, b"manifest record\0extract\0a\0") is None


def test_records_checked_together_are_trusted_exactly_when_each_checked_alone_is() -> None:
    """A manifest's records are checked in one loop: an edited one, one signed as another article's
    or with another key, one too short or not text is not trusted, and the others are (a slug that
    is no valid Unicode, a file name's, too)."""
    record = '[3,"key",["articles/a.html"],[],"12.3.4.5","-",[],{"units":3,"title":"\u00dcn\u00efcode"}]'
    rows: list[tuple[object, str]] = []
    for slug in ("a", "\udcff\u00e9"):
        context = f"manifest record\0extract\0{slug}\0de"
        signed_as = context.encode("utf-8", "surrogatepass")
        good = signed_text(KEY, record, signed_as)
        rows += [
            (good, context),
            (good.replace('"units":3', '"units":4'), context),
            (good, "manifest record\0extract\0b\0de"),
            (signed_text(b"another key", record, signed_as), context),
            (good[: 2 * SIGNATURE_SIZE - 1], context),
            ("\u00e9" * 40 + record, context),
            (good.encode(), context),
            (None, context),
            (signed_text(KEY, "", signed_as), context),
        ]
    expected = [
        text_if_signed(KEY, stored, context.encode("utf-8", "surrogatepass")) for stored, context in rows
    ]
    assert texts_if_signed(KEY, rows) == expected
    assert expected == 2 * [record, *[None] * 7, ""]
