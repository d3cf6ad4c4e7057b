"""Close-match (fuzzy) lookups in a translation memory of 100,000 entries: SQLite and PostgreSQL.

For each store, the same queries (a stored sentence with one word changed) are looked up with
``close_matches``, which finds candidates through a trigram index (SQLite FTS5's trigram
tokenizer; PostgreSQL's pg_trgm GIN index) and scores them with rapidfuzz. The peer, on the same data
in the same run, is the way transpub looked up close matches before (issue 16): every entry of
the language pair within the length window, scored with rapidfuzz (``process.extract``). Prints
milliseconds per lookup and the ratio, and checks that both find the same best match.

PostgreSQL runs in a throwaway cluster (tests/pgcluster.py); it is skipped, with the reason,
where the Debian package is not installed.

    .venv/bin/python bench/bench_memory.py [--entries 100000] [--queries 200]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import string
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from rapidfuzz import fuzz, process

from transpub.memory import HUMAN, open_memory
from transpub.memory.base import length_window


def sentences(count: int, seed: int = 5) -> list[str]:
    """``count`` distinct sentences of 6–14 made-up words (as varied as a real archive's)."""
    chance = random.Random(seed)
    words = [
        "".join(chance.choice(string.ascii_lowercase) for _ in range(chance.randint(2, 10)))
        for _ in range(5000)
    ]
    made: dict[str, None] = {}
    while len(made) < count:
        made[" ".join(chance.choice(words) for _ in range(chance.randint(6, 14))).capitalize() + "."] = None
    return list(made)


def edited(text: str, chance: random.Random) -> str:
    """``text`` with one word replaced: what a lightly edited sentence looks like."""
    words = text.split()
    words[chance.randrange(len(words))] = "changed"
    return " ".join(words)


def scan_lookup(db: sqlite3.Connection, query: str, min_score: float = 75.0) -> str | None:
    """The peer: every entry of the pair in the length window, scored with rapidfuzz."""
    low, high = length_window(len(query), min_score)
    rows = db.execute(
        "SELECT source, target FROM memory WHERE source_lang = 'en' AND target_lang = 'es' "
        "AND length(source) BETWEEN ? AND ?",
        (low, high),
    ).fetchall()
    found = process.extractOne(query, [r[0] for r in rows], scorer=fuzz.ratio, score_cutoff=min_score)
    return rows[found[2]][1] if found else None


def time_lookups(memory: object, queries: list[str]) -> tuple[float, list[str | None]]:
    started = time.perf_counter()
    best = []
    for query in queries:
        matches = memory.close_matches("en", "es", query, 75.0, limit=1)  # type: ignore[attr-defined]
        best.append(matches[0].target if matches else None)
    return (time.perf_counter() - started) / len(queries) * 1000, best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    texts = sentences(args.entries)
    pairs = [(text, f"ES {i}") for i, text in enumerate(texts)]
    chance = random.Random(9)
    queries = [edited(texts[chance.randrange(len(texts))], chance) for _ in range(args.queries)]
    print(f"{args.entries} entries, {args.queries} close-match lookups (one word changed)")

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "memory.sqlite"
        with open_memory(path) as memory:
            started = time.perf_counter()
            memory.add("en", "es", pairs, HUMAN)
            print(f"sqlite: stored in {time.perf_counter() - started:.1f} s")
            sqlite_ms, sqlite_best = time_lookups(memory, queries)
        db = sqlite3.connect(path)
        started = time.perf_counter()
        scan_best = [scan_lookup(db, query) for query in queries]
        scan_ms = (time.perf_counter() - started) / len(queries) * 1000
        db.close()
    agree = sum(a == b for a, b in zip(sqlite_best, scan_best))
    print(f"peer (length-window scan + rapidfuzz): {scan_ms:.2f} ms per lookup")
    print(
        f"sqlite (FTS5 trigram index):           {sqlite_ms:.2f} ms per lookup, {scan_ms / sqlite_ms:.1f}x the peer"
    )
    print(f"  same best match as the peer: {agree} of {len(queries)}")

    try:
        from pgcluster import throwaway_cluster

        cluster = throwaway_cluster()
        url = cluster.__enter__()
    except LookupError as reason:
        print(f"postgresql: skipped ({reason})")
        return
    try:
        with open_memory(url) as memory:
            started = time.perf_counter()
            for start in range(0, len(pairs), 5000):
                memory.add("en", "es", pairs[start : start + 5000], HUMAN)
            print(f"postgresql: stored in {time.perf_counter() - started:.1f} s")
            pg_ms, pg_best = time_lookups(memory, queries)
        agree = sum(a == b for a, b in zip(pg_best, scan_best))
        print(
            f"postgresql (pg_trgm GIN index):        {pg_ms:.2f} ms per lookup, {scan_ms / pg_ms:.1f}x the peer"
        )
        print(f"  same best match as the peer: {agree} of {len(queries)}")
    finally:
        cluster.__exit__(None, None, None)


if __name__ == "__main__":
    main()
