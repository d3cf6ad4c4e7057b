"""A record's key made of strings alone (one per article, made quickly) is the key of the same
strings made as any other key is (JSON, then hashed): records stay valid whichever way it is made."""

from __future__ import annotations

import json

from hypothesis import given
from hypothesis import strategies as st

from transpub.manifest import content_hash, make_key


@given(st.lists(st.text(), max_size=4))
def test_a_key_of_strings_is_the_hash_of_their_json(parts: list[str]) -> None:
    expected = json.dumps(parts, sort_keys=True, default=str).encode("utf-8")
    assert make_key(*parts) == content_hash(expected)


def test_a_key_of_strings_and_other_values_is_the_hash_of_their_json() -> None:
    parts = ("a", 1, ["b", None], {"c": 2.5})
    assert make_key(*parts) == content_hash(json.dumps(parts, sort_keys=True, default=str).encode("utf-8"))
