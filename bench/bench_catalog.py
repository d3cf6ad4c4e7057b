"""Read and write a 10,000-entry catalog: polib's own parse/save against transpub's read/write.

transpub's read includes what polib's parse does not: strict syntax, duplicate and header checks.

Run: .venv/bin/python bench/bench_catalog.py
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

import polib

from transpub.catalog import format_catalog, read_catalog, write_catalog
from transpub.catalog.linebreak import has_native_linebreaks

WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "lazy",
    "dog",
    "translation",
    "catalog",
    "<1>link</1>",
    "paragraph",
    "sentence",
    "中文",
    "句子",
    "café",
    "naïve",
]


def build(count: int) -> polib.POFile:
    rng = random.Random(7)
    po = polib.POFile()
    po.metadata = {
        "Project-Id-Version": "bench",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
    }
    for number in range(count):
        msgid = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40))) + f" {number}."
        po.append(
            polib.POEntry(
                msgid=msgid,
                msgstr=msgid.upper() if number % 3 else "",
                comment=f"Paragraph context {number}",
                flags=["fuzzy"] if number % 5 == 0 else [],
                occurrences=[(f"articles/a{number % 50}.html#main/p[{number}]", "")],
            )
        )
    return po


def timed(action, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.po"
        path.write_text(format_catalog(build(10_000)), encoding="utf-8")
        po = polib.pofile(str(path))
        polib_parse = timed(lambda: polib.pofile(str(path)))
        polib_save = timed(lambda: po.save(str(Path(folder) / "polib.po")))
        ours_read = timed(lambda: read_catalog(path))
        same = [(e.msgid, e.msgstr, e.flags) for e in read_catalog(path)] == [
            (e.msgid, e.msgstr, e.flags) for e in po
        ]
        target = Path(folder) / "ours.po"

        def write_fresh() -> None:
            target.unlink(missing_ok=True)
            write_catalog(po, target)

        ours_write = timed(write_fresh)
    print(
        f"entries: 10000   line breaking: {'libunistring' if has_native_linebreaks() else 'pure Python'}"
        f"   same entries as polib: {'yes' if same else 'NO'}"
    )
    print(f"polib parse      {polib_parse:8.1f} ms")
    print(f"polib save       {polib_save:8.1f} ms")
    print(f"transpub read    {ours_read:8.1f} ms   ratio {ours_read / polib_parse:.2f}x polib parse")
    print(f"transpub write   {ours_write:8.1f} ms   ratio {ours_write / polib_save:.2f}x polib save")


if __name__ == "__main__":
    main()
