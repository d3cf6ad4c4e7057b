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
# ``python bench/bench_glossary.py --sizes 100000 1000000`` writes a CSV glossary of each size
# (two-word English names, German and Chinese renderings, about 27 bytes a row: 1M rows is about
# 27 MB) and runs each step in a fresh process, reporting that process's CPU seconds (user + sys)
# and peak RSS (``wait4``): loading it; loading it and finding terms in one unit (the first match
# builds the source-language index); ``transpub extract`` of a project of 5 articles in one
# locale with that glossary; ``transpub glossary export --format tbx``. The code measured is
# whatever ``transpub`` the environment imports (``PYTHONPATH=src`` for a worktree's).

_STEPS = {
    "load": "from transpub.glossary import load_glossary; load_glossary(Path(sys.argv[1]), max_bytes=None)",
    "load + first match": (
        "from transpub.glossary import load_glossary; g = load_glossary(Path(sys.argv[1]), max_bytes=None); "
        "assert g.notes_for('The ' + g.terms[len(g) // 2].source + ' said.', 'de')"
    ),
}


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


def _run(args: list[str], cwd: Path | None = None) -> tuple[float, float, float, int]:
    """Run ``args``; (CPU seconds, peak RSS in MB, wall seconds, exit status) of that process alone."""
    import os
    import subprocess

    started = time.perf_counter()
    child = subprocess.Popen(args, cwd=cwd, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, wall, child.returncode


def bench_sizes(sizes: list[int]) -> None:
    """Each step on a generated glossary of each size, each step in a fresh process."""
    import os
    import sys
    import tempfile

    sys.path.insert(0, str(ROOT / "bench"))
    from newsgen import make_project

    python = sys.executable
    print(f"load average {os.getloadavg()[0]:.1f}; {python}", flush=True)
    base = _run([python, "-c", "import transpub.glossary"])
    print(f"  (python + import transpub.glossary: {base[0]:.2f} s CPU, peak RSS {base[1]:.0f} MB)")
    with tempfile.TemporaryDirectory() as tmp:
        for rows in sizes:
            path = Path(tmp) / f"terms-{rows}.csv"
            _write_csv(path, rows)
            print(f"{rows:,} rows, {path.stat().st_size / 1e6:.1f} MB CSV:", flush=True)
            for name, code in _STEPS.items():
                cpu, rss, wall, status = _run(
                    [python, "-c", f"import sys; from pathlib import Path; {code}", str(path)]
                )
                print(f"  {name}: {cpu:.2f} s CPU ({wall:.2f} s wall), peak RSS {rss:.0f} MB, exit {status}")
            project = Path(tmp) / f"project-{rows}"
            make_project(project, articles=5, locales=["de"])
            config = project / "transpub.toml"
            config.write_text(config.read_text() + "glossary_max_mb = 1000\n", encoding="utf-8")
            (project / "glossary" / "terms.csv").write_bytes(path.read_bytes())
            transpub = [python, "-m", "transpub"]
            cpu, rss, wall, status = _run([*transpub, "extract", "-j", "1"], cwd=project)
            print(
                f"  extract (5 articles, de): {cpu:.2f} s CPU ({wall:.2f} s wall), peak RSS {rss:.0f} MB, exit {status}"
            )
            out = Path(tmp) / "terms.tbx"
            cpu, rss, wall, status = _run(
                [*transpub, "glossary", "export", "--format", "tbx", "-o", str(out)], cwd=project
            )
            size = out.stat().st_size / 1e6 if out.exists() else 0
            print(
                f"  TBX export ({size:.0f} MB): {cpu:.2f} s CPU ({wall:.2f} s wall), peak RSS {rss:.0f} MB, exit {status}",
                flush=True,
            )
            if out.exists():
                out.unlink()


if __name__ == "__main__":
    import sys

    if sys.argv[1:2] == ["--sizes"]:
        bench_sizes([int(n) for n in sys.argv[2:]] or [100_000, 1_000_000])
    else:
        bench_find()
