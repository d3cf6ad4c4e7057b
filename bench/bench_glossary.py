"""Print glossary.find() throughput against two peers on the same input: a per-term regex loop
and one flat alternation regex sorted longest-first."""

import random
import re
import time
from pathlib import Path

from transpub.glossary import Glossary, Term, load_glossary

ROOT = Path(__file__).resolve().parent.parent
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
    t_compile = time.perf_counter() - t
    t = time.perf_counter()
    ours = [len(glossary.find(u, "en")) for u in units]
    t_ours = time.perf_counter() - t
    pats = [(re.compile(r"(?<!\w)" + re.escape(x.source) + r"(?!\w)", re.I), x) for x in terms]
    t = time.perf_counter()
    for u in units:
        hits = sorted((m.start(), -m.end(), x) for p, x in pats for m in p.finditer(u))
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
from transpub.catalog import read_catalog  # noqa: E402

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
