"""The command line keeps a locale's CLDR data as Babel merges it (transpub.cldr_cache): the data
kept is Babel's, so language names, text directions and dates are the same with it and without it;
a file from another Babel, another Python or damaged is not used."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from babel import localedata

from transpub import cldr_cache

SRC = str(Path(__file__).resolve().parents[1] / "src")


@pytest.fixture
def kept_in(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The kept files go to ``tmp_path`` (bytecode written)."""
    monkeypatch.setattr(cldr_cache, "cache_path", lambda name: str(tmp_path / f"cldr-{name}.pickle"))
    monkeypatch.setattr(sys, "dont_write_bytecode", False)
    return tmp_path


@pytest.mark.parametrize("name", ["de", "en", "ar", "zh_Hant_TW", "sr_Latn", "pt_PT", "es_419"])
def test_the_data_kept_for_a_locale_is_the_data_babel_merges(kept_in: Path, name: str) -> None:
    merged = localedata.load(name)
    cldr_cache._keep(name, merged)
    _same(cldr_cache._kept(name), merged)


def _same(kept: object, merged: object, where: str = "") -> None:
    """Equal data, down to Babel's objects (its patterns and aliases compare by identity): the same
    types, keys in the same order, the same values."""
    assert type(kept) is type(merged), where
    if isinstance(merged, dict):
        assert isinstance(kept, dict) and list(kept) == list(merged), where
        for key, value in merged.items():
            _same(kept[key], value, f"{where}/{key}")
    elif isinstance(merged, (list, tuple)):
        assert isinstance(kept, (list, tuple)) and len(kept) == len(merged), where
        for at, (one, other) in enumerate(zip(kept, merged, strict=True)):
            _same(one, other, f"{where}[{at}]")
    elif hasattr(merged, "__dict__") or hasattr(merged, "__slots__"):
        _same(kept.__getstate__(), merged.__getstate__(), where)
    else:
        assert kept == merged, where


def test_a_file_from_another_babel_or_damaged_is_not_used(kept_in: Path) -> None:
    merged = localedata.load("de")
    path = Path(cldr_cache.cache_path("de"))
    for damaged in (b"", b"\x00garbage", pickle.dumps([1, 2])):
        path.write_bytes(damaged)
        assert cldr_cache._kept("de") is None
    made_from = cldr_cache._made_from("de")
    path.write_bytes(pickle.dumps((("2.0.0", *made_from[1:]), merged)))  # (another Babel)
    assert cldr_cache._kept("de") is None
    path.write_bytes(pickle.dumps((made_from, merged)))
    _same(cldr_cache._kept("de"), merged)


RUN = """
import sys
from transpub import cli
from babel import localedata
if sys.argv[1] == "again":  # the data is kept: Babel merges nothing
    def refused(*args):
        raise AssertionError("merged again")
    localedata.merge = refused
from transpub.locales import native_name, text_direction
from transpub.formats.dates import DateStyle, render_date
from datetime import date
print(native_name("de"), text_direction("ar"), render_date(date(2024, 1, 4), DateStyle("date", "long"), "de"))
"""


def test_the_command_line_keeps_a_locales_data_for_the_next_run_where_python_keeps_bytecode(
    tmp_path: Path,
) -> None:
    env = {"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin", "PYTHONPYCACHEPREFIX": str(tmp_path / "cache")}
    first = subprocess.run(
        [sys.executable, "-c", RUN, "first"], env=env, capture_output=True, text=True, check=True
    )
    assert first.stdout.strip() == "Deutsch rtl 4. Januar 2024"
    kept = sorted(path.name.split(".")[0] for path in (tmp_path / "cache").rglob("cldr-*"))
    assert kept == ["cldr-ar", "cldr-de"]
    (de,) = (tmp_path / "cache").rglob("cldr-de.*")
    before = de.stat()
    again = subprocess.run(
        [sys.executable, "-c", RUN, "again"], env=env, capture_output=True, text=True, check=True
    )
    assert again.stdout == first.stdout
    assert de.stat().st_mtime_ns == before.st_mtime_ns  # (used, not made again)
    assert os.path.dirname(de) != SRC
    none = {**env, "PYTHONPYCACHEPREFIX": str(tmp_path / "none"), "PYTHONDONTWRITEBYTECODE": "1"}
    subprocess.run([sys.executable, "-c", RUN, "first"], env=none, capture_output=True, check=True)
    assert not list((tmp_path / "none").rglob("cldr-*"))
