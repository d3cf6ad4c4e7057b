"""A large glossary stays a small multiple of its file in memory, and its export is streamed.

Issue 19 item 4: a 27 MB CSV glossary (a million rows) needed 2.5 GB for extract and 7.6 GB for TBX
export. The terms are now packed (a few bytes a term beyond its text), the matcher holds one sorted
list of keys, and an export is written a term at a time. Measured with tracemalloc (Python objects)
on 5,000 generated rows, as ratios to the file's size so that they hold on any machine.
"""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

from transpub.glossary import load_glossary, write_glossary


def _write_rows(path: Path, rows: int) -> None:
    rng = random.Random(rows)
    letters = "abcdefghijklmnopqrstuvwxyz"
    seen: set[str] = set()
    with path.open("w", encoding="utf-8") as out:
        out.write("term,de,zh_CN,note\n")
        while len(seen) < rows:
            term = " ".join(
                "".join(rng.choice(letters) for _ in range(rng.randint(3, 6))).title() for _ in range(2)
            )
            if term not in seen:
                seen.add(term)
                han = "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(3))
                out.write(f"{term},{term.split()[0]}x,{han},\n")


@pytest.fixture(scope="module")
def big_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("glossary") / "terms.csv"
    _write_rows(path, 5_000)
    return path


def test_a_loaded_glossary_and_its_index_take_a_few_times_the_file(big_csv: Path) -> None:
    size = big_csv.stat().st_size
    tracemalloc.start()
    try:
        glossary = load_glossary(big_csv, max_bytes=None)
        loaded, load_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        middle = glossary.terms[len(glossary) // 2]
        assert glossary.terms_in(f"The {middle.source} said so.", "en") == [middle]
        matched, match_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    # before: the terms held 25 times the file (38 while loading), the matcher's regex 55 times more
    assert loaded < 4 * size, f"{loaded / size:.1f} x the file once loaded"
    assert load_peak < 12 * size, f"{load_peak / size:.1f} x the file while loading"
    assert matched < 10 * size, f"{matched / size:.1f} x the file with the source index"
    assert match_peak < 15 * size, f"{match_peak / size:.1f} x the file while indexing"


def test_a_tbx_export_is_written_without_holding_the_file(big_csv: Path, tmp_path: Path) -> None:
    glossary = load_glossary(big_csv, max_bytes=None)
    out = tmp_path / "terms.tbx"
    import transpub.glossary.tbx_format  # noqa: F401  (its import is no part of the export)

    tracemalloc.start()
    try:
        assert write_glossary(glossary, out)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    written = out.stat().st_size
    assert written > 3_000_000
    assert peak < written / 4, f"peak {peak / 1e6:.1f} MB for a {written / 1e6:.1f} MB file"
    assert load_glossary(out, max_bytes=None) == glossary
    assert not write_glossary(glossary, out)  # unchanged: not written again
