"""Extract and compile speed on 200 generated articles, beside translate-toolkit's html2po/po2html.

Also runs both over the real-page corpus (/work/shared/corpus/real-pages) when present and
counts failures and pages whose body text changed after extract → msgstr = msgid-ish → compile.

Run: .venv/bin/python bench/bench_extract.py
"""

from __future__ import annotations

import io
import random
import re
import sys
import tempfile
import time
import warnings
from pathlib import Path

import lxml.html

from transpub import catalog
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution

REAL_PAGES = Path("/work/shared/corpus/real-pages")
MARK = "\ue000"  # private-use character: the "translation" is MARK + msgid, removed before comparing
WORDS = [
    "the",
    "quick",
    "brown",
    "fox",
    "jumps",
    "over",
    "lazy",
    "dog",
    "skiing",
    "race",
    "Mora",
    "forest",
    "winner",
    "record",
    "time",
    "platinum",
    "industry",
    "growth",
    "report",
    "北京",
    "铂金",
    "产业",
    "Grüße",
    "café",
    "naïve",
]


def plain_sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(3, 12))]
    return " ".join(words).capitalize() + "."


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(4, 18))]
    words[0] = words[0].capitalize()
    text = " ".join(words)
    if rng.random() < 0.3:
        i = rng.randrange(len(words))
        words[i] = rng.choice(
            [
                f'<a href="https://example.org/{i}?a=1&amp;b=2">{words[i]}</a>',
                f"<b>{words[i]}</b>",
                f"<em>{words[i]} <i>{WORDS[i % 9]}</i></em>",
                f'<img src="i{i}.png" alt="Picture of {words[i]}">',
                "<br>",
            ]
        )
        text = " ".join(words)
    if rng.random() < 0.2:
        text += rng.choice([" &amp; co", "&nbsp;km", " &copy; 2024", " &#8212; yes"])
    return text + rng.choice([".", ".", "!", "?"])


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(1, 6)))


def article(rng: random.Random, number: int) -> str:
    body = [f"<h1>{sentence(rng)}</h1>"]
    for _ in range(rng.randint(4, 25)):
        kind = rng.random()
        if kind < 0.6:
            body.append(f"<p>{paragraph(rng)}</p>")
        elif kind < 0.75:
            body.append(
                "<ul>"
                + "".join(f"\n  <li>{sentence(rng)}</li>" for _ in range(rng.randint(2, 6)))
                + "\n</ul>"
            )
        elif kind < 0.85:
            rows = "".join(
                "<tr>" + "".join(f"<td>{sentence(rng)}</td>" for _ in range(3)) + "</tr>\n"
                for _ in range(rng.randint(1, 4))
            )
            body.append(f"<table>\n<tr><th>Name</th><th>Value</th><th>Note</th></tr>\n{rows}</table>")
        elif kind < 0.92:
            body.append(
                f'<figure><img src="f.jpg" alt="{plain_sentence(rng)}"><figcaption>{sentence(rng)}</figcaption></figure>'
            )
        else:
            body.append(f"<blockquote><p>{paragraph(rng)}</p></blockquote>")
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Article {number}</title>\n'
        f'<meta name="description" content="{plain_sentence(rng)}">\n</head>\n<body>\n<article id="a{number}">\n'
        + "\n".join(body)
        + "\n</article>\n</body>\n</html>\n"
    )


# ---------------------------------------------------------------- transpub


def transpub_extract(path: Path) -> str:
    document = read_article(path, ReadOptions())
    units = document.units(path.name)
    return catalog.format_catalog(catalog.build_template(units, project_name="bench"))


def transpub_compile(path: Path) -> str:
    document = read_article(path, ReadOptions())
    return document.render(lambda slot: Resolution(MARK + slot.msgid))


# ---------------------------------------------------------------- translate-toolkit


def ttk_extract(path: Path) -> bytes:
    from translate.convert import html2po

    out = io.BytesIO()
    with open(path, "rb") as source:
        html2po.converthtml(source, out, None, pot=True)
    return out.getvalue()


def ttk_compile(path: Path, pot: bytes) -> str:
    from translate.convert import po2html
    from translate.storage import po

    store = po.pofile(io.BytesIO(pot))
    for unit in store.units:
        if not unit.isheader():
            unit.target = MARK + unit.source
    translated = io.BytesIO(bytes(store))
    out = io.BytesIO()
    with open(path, "rb") as template:
        po2html.converthtml(translated, out, template)
    return out.getvalue().decode("utf-8")


# ---------------------------------------------------------------- runs


def timed(action, paths: list[Path], repeat: int = 3) -> tuple[float, int, dict[Path, object]]:
    """ms per article (best of ``repeat`` passes; the machine is shared), failures, results."""
    best = float("inf")
    for _ in range(repeat):
        results: dict[Path, object] = {}
        failures = 0
        start = time.perf_counter()
        for path in paths:
            try:
                results[path] = action(path)
            except Exception:
                failures += 1
        best = min(best, time.perf_counter() - start)
    return best * 1000 / len(paths), failures, results


def body_text(html: str) -> str:
    root = lxml.html.document_fromstring(html.replace(MARK, ""))
    body = root.find("body")
    return re.sub(r"\s+", " ", (body if body is not None else root).text_content()).strip()


def source_text(path: Path) -> str:
    from transpub.formats.encoding import declared_charset, decode_bytes

    data = path.read_bytes()
    return decode_bytes(data, declared=declared_charset(data))[0]


def compare(paths: list[Path]) -> None:
    ours_x, ours_xf, _ = timed(transpub_extract, paths)
    ours_c, ours_cf, ours_out = timed(transpub_compile, paths)
    ttk_x, ttk_xf, pots = timed(ttk_extract, paths)
    ttk_c, ttk_cf, ttk_out = timed(lambda p: ttk_compile(p, pots[p]), [p for p in paths if p in pots])
    if ttk_xf:  # compare speed on the pages both tools can read (a failure is quick and cheap)
        both = [p for p in paths if p in pots]
        ours_x = timed(transpub_extract, both)[0]
        ours_c = timed(transpub_compile, both)[0]
        ttk_x = timed(ttk_extract, both)[0]
        print(f"  (speed over the {len(both)} pages translate-toolkit could read)")
    print(f"  {'':22}{'transpub':>10}{'ttk':>10}{'ttk/transpub':>14}")
    print(f"  {'extract ms/article':22}{ours_x:10.2f}{ttk_x:10.2f}{ttk_x / ours_x:13.1f}x")
    print(f"  {'compile ms/article':22}{ours_c:10.2f}{ttk_c:10.2f}{ttk_c / ours_c:13.1f}x")
    print(f"  {'failed (extract)':22}{ours_xf:10d}{ttk_xf:10d}")
    print(f"  {'failed (compile)':22}{ours_cf:10d}{ttk_cf:10d}")
    lost_ours = lost_ttk = 0
    for path in paths:
        expected = body_text(source_text(path))
        if path in ours_out and body_text(ours_out[path]) != expected:
            lost_ours += 1
        if path in ttk_out and body_text(ttk_out[path]) != expected:
            lost_ttk += 1
    print(f"  {'body text changed':22}{lost_ours:10d}{lost_ttk:10d}   (of {len(paths)} pages)")


def main() -> None:
    warnings.simplefilter("ignore")
    rng = random.Random(2024)
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for number in range(200):
            path = Path(folder) / f"article-{number:03d}.html"
            path.write_text(article(rng, number), encoding="utf-8")
            paths.append(path)
        size = sum(p.stat().st_size for p in paths) / len(paths) / 1024
        print(f"200 generated articles ({size:.1f} KiB each on average):")
        compare(paths)
    if REAL_PAGES.is_dir():
        pages = sorted(REAL_PAGES.glob("*.htm*"))
        size = sum(p.stat().st_size for p in pages) / len(pages) / 1024
        print(f"\n{len(pages)} real pages from {REAL_PAGES} ({size:.0f} KiB each on average):")
        compare(pages)
    else:
        print(f"\n(real-page corpus not found at {REAL_PAGES})", file=sys.stderr)


if __name__ == "__main__":
    main()
