"""Discovery works on names as strings (an archive has tens of thousands of files): the slug and
suffix it finds for a path are the ones pathlib finds."""

from __future__ import annotations

from pathlib import PurePosixPath

from hypothesis import given
from hypothesis import strategies as st

from transpub.discovery import ARTICLE_SUFFIXES, _slug_of, _suffix, slug_for

names = st.text(st.sampled_from("ab.-_ éx/"), min_size=1, max_size=12).filter(
    lambda name: "/" not in name and name not in (".", "..")
)


@given(names)
def test_a_names_suffix_is_the_one_pathlib_finds(name: str) -> None:
    assert _suffix(name) == PurePosixPath(name).suffix


@given(st.lists(names, max_size=3), st.one_of(names, st.just("index")), st.sampled_from(ARTICLE_SUFFIXES))
def test_an_articles_slug_is_the_one_found_from_its_path(folders: list[str], stem: str, suffix: str) -> None:
    relative = "/".join([*folders, stem + suffix])
    assert _slug_of(relative) == slug_for(PurePosixPath(relative))
