"""Print glossary.find() throughput against two peers on the same input: a per-term regex loop
and one flat alternation regex sorted longest-first."""

import random
import re
import time
from pathlib import Path

from transpub.glossary import Glossary, Term, load_glossary

ROOT = Path(__file__).resolve().parent.parent


def bench_find() -> None:
    """glossary.find and glossary.check throughput (the sample glossary, and 1,500 more terms)."""
    random.seed(1)
    seed = (ROOT / "tests/data/glossary/seed_article.txt").read_text().split(". ")
    sample = load_glossary(ROOT / "glossary/terms.csv")
    words = [
        "".join(random.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(random.randint(4, 9))).title()
        for _ in range(3000)
    ]
    extra = [
        Term(f"{words[i]} {words[i + 1]}" + (f" {words[i + 2]}" if i % 3 == 0 else ""), {"de": "x"})
        for i in range(0, 2998, 2)
    ]
    for name, glossary in [
        (f"sample ({len(sample)} terms)", sample),
        (f"sample + {len(extra)} terms", Glossary(list(sample.terms) + extra)),
    ]:
        units = seed * 200
        terms = glossary.terms
        t = time.perf_counter()
        glossary.find("warm up", "en")
        _t_compile = time.perf_counter() - t
        t = time.perf_counter()
        _ours = [len(glossary.find(u, "en")) for u in units]
        t_ours = time.perf_counter() - t
        pats = [(re.compile(r"(?<!\w)" + re.escape(x.source) + r"(?!\w)", re.I), x) for x in terms]
        t = time.perf_counter()
        for u in units:
            _hits = sorted((m.start(), -m.end(), x) for p, x in pats for m in p.finditer(u))
        t_loop = time.perf_counter() - t
        flat = re.compile(
            r"(?<!\w)(?:"
            + "|".join(re.escape(x.source) for x in sorted(terms, key=lambda x: -len(x.source)))
            + r")(?!\w)",
            re.I,
        )
        t = time.perf_counter()
        [flat.findall(u) for u in units]
        t_flat = time.perf_counter() - t
        n = len(units)
        print(
            f"{name}: {n} units; glossary.find {n / t_ours:,.0f} units/s; per-term loop {n / t_loop:,.0f} units/s "
            f"(ours {t_loop / t_ours:.1f}x faster); flat alternation {n / t_flat:,.0f} units/s (ours {t_flat / t_ours:.1f}x)"
        )

    # glossary.check (what `transpub check` runs per entry) on the sample's zh_CN and de translations
    from transpub.catalog import read_catalog

    pairs = [
        (e.msgid, e.msgstr, path.parts[-3])
        for loc in ("zh_CN", "de")
        for path in sorted((ROOT / "locales" / loc / "LC_MESSAGES").glob("*.po"))
        for e in read_catalog(path)
        if e.msgstr
    ] * 100
    t = time.perf_counter()
    found = sum(len(sample.check(s, tr, "en", loc)) for s, tr, loc in pairs)
    t_check = time.perf_counter() - t
    print(
        f"sample ({len(sample)} terms): glossary.check {len(pairs) / t_check:,.0f} units/s on {len(pairs)} zh_CN/de units "
        f"({found} violations)"
    )


# -- memory and time by glossary size (issue 19 item 4) ------------------------------------------
#
# ``python bench/bench_glossary.py --sizes 10000 100000 1000000`` writes a CSV glossary of each
# size (two-word English names, German and Chinese renderings, about 27 bytes a row: 1M rows is
# about 27 MB) and, in a fresh process per size, measures: loading it, building the source-language
# matcher and finding terms in 1,000 units (what extract does for its notes), the check of 100
# translated units, and TBX export. Figures: CPU seconds, tracemalloc peak (Python objects) and the
# process's peak RSS (lxml's and the regex engine's C memory included).


def _write_csv(path: Path, rows: int) -> None:
    rng = random.Random(rows)
    letters = "abcdefghijklmnopqrstuvwxyz"
    han = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    with path.open("w", encoding="utf-8") as out:
        out.write("term,de,zh_CN\n")
        seen: set[str] = set()
        while len(seen) < rows:
            term = " ".join(
                "".join(rng.choice(letters) for _ in range(rng.randint(3, 6))).title() for _ in range(2)
            )
            if term in seen:
                continue
            seen.add(term)
            out.write(f"{term},{term.split()[0]}x,{''.join(rng.choice(han) for _ in range(3))}\n")


def _measure(path: str) -> None:
    import resource
    import tracemalloc

    from transpub.glossary import format_glossary

    report: list[str] = []
    tracemalloc.start()

    def step(name: str, work):
        tracemalloc.reset_peak()
        started = time.process_time()
        result = work()
        report.append(
            f"{name} {time.process_time() - started:.2f} s CPU, peak {tracemalloc.get_traced_memory()[1] / 1e6:.0f} MB"
        )
        return result

    glossary = step("load", lambda: load_glossary(Path(path), max_bytes=None))
    names = [term.source for term in list(glossary.terms)[:: max(1, len(glossary) // 1000)]][:1000]
    units = [f"The {name} said that {names[-i - 1]} would come." for i, name in enumerate(names)]
    step(
        "find in 1,000 units (notes for extract)",
        lambda: sum(len(glossary.notes_for(u, "de")) for u in units),
    )
    step("check 100 units", lambda: sum(len(glossary.check(u, u, "en", "de")) for u in units[:100]))
    step("tbx export", lambda: len(format_glossary(glossary, "tbx")))
    held = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"  {'; '.join(report)}; held after: {held / 1e6:.0f} MB; peak RSS {rss:.0f} MB", flush=True)


def bench_sizes(sizes: list[int]) -> None:
    """Run :func:`_measure` on a generated glossary of each size, each in a fresh process."""
    import subprocess
    import sys
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = Path(tmp) / f"terms-{rows}.csv"
            _write_csv(path, rows)
            print(f"{rows:,} rows, {path.stat().st_size / 1e6:.1f} MB CSV:", flush=True)
            subprocess.run([sys.executable, __file__, "--measure", str(path)], check=False)


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--measure"]:
        _measure(sys.argv[2])
    elif sys.argv[1:2] == ["--sizes"]:
        bench_sizes([int(n) for n in sys.argv[2:]] or [10_000, 100_000, 1_000_000])
    else:
        bench_find()
