"""How long reading one HTML article takes (``read_article`` and its units), beside translate-toolkit.

Reading an article is shared by ``transpub extract`` and ``transpub compile``. This times it on
generated news articles (bench/newsgen.py, about 3 KB each) and on the real-page corpus
(/work/shared/corpus/real-pages, when present), as CPU milliseconds per article (best of a few
rounds, in a fresh process per tree and tool), beside translate-toolkit's HTML parse
(``translate.storage.html.htmlfile``, what ``html2po`` reads an article with).

Several source trees can be measured in the same run, alternately (``--tree /path/to/src`` more
than once): each tree also prints a digest of everything its reader produced (parts, slots,
units, the rendered source and a pseudo-translation), so two trees that must behave alike can be
compared byte for byte. ``--also DIR`` adds the ``*.html`` files under DIR to the digest only.

    .venv/bin/python bench/bench_read.py [--articles 300] [--rounds 5] [--tree src --tree ../main/src]
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REAL_PAGES = Path("/work/shared/corpus/real-pages")


def _describe(part: object, out: list[str]) -> None:
    """Append a description of ``part`` and what it holds to ``out`` (on a stack: deep documents)."""
    stack: list[object] = [part]
    while stack:
        item = stack.pop()
        if isinstance(item, tuple) and len(item) == 2 and item[0] == "\0end":
            out.append(item[1])
            continue
        name = type(item).__name__
        if isinstance(item, str):
            out.append(f"{name}:{item!r}")
            continue
        fields = {}
        children: list[object] = []
        for key in getattr(item, "__dataclass_fields__", {}):
            value = getattr(item, key)
            if key in ("parts", "open", "close"):
                children.append(("\0end", f"/{key}"))
                children.extend(reversed(value))
                children.append(("\0end", f"{key}:"))
            elif key == "pieces":
                for number, piece in sorted(value.items(), reverse=True):
                    children.append(("\0end", f"/piece{number}"))
                    if isinstance(piece, list):
                        children.extend(reversed(piece))
                    else:
                        children.append(piece)
                    children.append(("\0end", f"piece{number}:"))
            elif callable(value) and not isinstance(value, type):
                fields[key] = getattr(value, "__qualname__", type(value).__name__)
            elif key.startswith("_"):
                continue
            else:
                fields[key] = repr(value)
        out.append(f"{name}{fields}")
        stack.extend(reversed(children))


def _digest(document: object) -> str:
    """A digest of what a reader made of an article (see the module docstring)."""
    from transpub.formats.document import Resolution

    out: list[str] = []
    for part in document.parts:  # type: ignore[attr-defined]
        _describe(part, out)
    for key in ("encoding", "source_locale", "title", "published", "has_base", "warnings"):
        out.append(f"{key}={getattr(document, key)!r}")
    out.append(repr(document.units("a.html")))  # type: ignore[attr-defined]
    out.append(document.render())  # type: ignore[attr-defined]
    out.append(document.render(lambda slot: Resolution("⟦" + slot.msgid + "⟧")))  # type: ignore[attr-defined]
    return hashlib.sha256("\n".join(out).encode("utf-8", "surrogatepass")).hexdigest()


def _worker(kind: str, files: list[str], rounds: int, digest: bool) -> dict:
    """Time reading ``files`` (``rounds`` times; the best round counts) in this process."""
    if kind == "ttk":
        from io import BytesIO

        from translate.storage.html import htmlfile

        data = [Path(f).read_bytes() for f in files]

        def read_all() -> None:
            for name, blob in zip(files, data):
                source = BytesIO(blob)
                source.name = name
                # a page it cannot read (an unknown declared encoding) is timed all the same
                with contextlib.suppress(Exception):
                    htmlfile(inputfile=source)

    else:
        from transpub.formats import ReadOptions, read_article

        paths = [Path(f) for f in files]
        options = ReadOptions()

        def read_all() -> None:
            for path in paths:
                read_article(path, options).units(path.name)

    best = float("inf")
    for _ in range(rounds):
        started = time.process_time()
        read_all()
        best = min(best, time.process_time() - started)
    result: dict = {"ms": 1000 * best / max(1, len(files)) if rounds else 0.0}
    if digest and kind != "ttk":
        whole = hashlib.sha256()
        each = {}
        for path in paths:
            try:
                found = _digest(read_article(path, options))
            except Exception as exc:  # an article the reader refuses: its error is part of the digest
                found = f"{type(exc).__name__}:{exc}"
            whole.update(found.encode())
            each[str(path)] = found
        result["digest"] = whole.hexdigest()
        result["each"] = each
    return result


def _run(kind: str, src: str | None, files: list[str], rounds: int, digest: bool) -> dict:
    env = dict(os.environ)
    if src:
        env["PYTHONPATH"] = src
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as listing:
        json.dump(files, listing)
    try:
        done = subprocess.run(
            [sys.executable, __file__, "--worker", kind, "--files", listing.name, "--rounds", str(rounds)]
            + (["--digest"] if digest else []),
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        os.unlink(listing.name)
    if done.returncode != 0:
        raise SystemExit(f"{kind} {src}: {done.stderr[-3000:]}")
    return json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=2, help="alternate the trees this many times")
    parser.add_argument("--tree", action="append", help="a src directory to measure (default: this one)")
    parser.add_argument("--also", action="append", default=[], help="more *.html, digest only")
    parser.add_argument("--no-ttk", action="store_true")
    parser.add_argument("--worker", help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    parser.add_argument("--digest", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        files = json.loads(Path(args.files).read_text())
        print(json.dumps(_worker(args.worker, files, args.rounds, args.digest)))
        return
    trees = args.tree or [str(HERE.parent / "src")]
    sys.path.insert(0, str(HERE))
    from newsgen import make_project

    with tempfile.TemporaryDirectory() as tmp:
        news = [str(p) for p in make_project(Path(tmp) / "p", articles=args.articles, locales=["de"])]
        corpus = sorted(str(p) for p in REAL_PAGES.glob("*.html")) if REAL_PAGES.is_dir() else []
        extra = sorted(
            str(p)
            for folder in args.also
            for p in Path(folder).rglob("*")
            if p.suffix in (".html", ".htm", ".md", ".txt")
        )
        sets = {"newsgen": news, "corpus": corpus}
        results: dict[tuple[str, str], list[float]] = {}
        digests: dict[str, set[str]] = {}
        before = os.times()
        for _ in range(args.repeat):
            for tree in trees:
                for name, files in sets.items():
                    if files:
                        found = _run("transpub", tree, files, args.rounds, digest=True)
                        results.setdefault((tree, name), []).append(found["ms"])
                        digests.setdefault(f"{tree} {name}", set()).add(found["digest"])
                if extra:
                    found = _run("transpub", tree, extra, 0, digest=True)
                    digests.setdefault(f"{tree} extra", set()).add(found["digest"])
        if not args.no_ttk:
            for name, files in sets.items():
                if files:
                    results[("translate-toolkit", name)] = [
                        _run("ttk", None, files, args.rounds, False)["ms"]
                    ]
        spent = os.times()
    cpu = spent.children_user - before.children_user + spent.children_system - before.children_system
    print(
        f"{len(news)} newsgen articles, {len(corpus)} corpus pages; best of {args.rounds} rounds, CPU ms/article"
    )
    for (tree, name), values in results.items():
        print(f"  {name:8} {min(values):8.2f} ms  {tree}  (runs: {', '.join(f'{v:.2f}' for v in values)})")
    for key, found in digests.items():
        print(f"  digest {key}: {' '.join(sorted(d[:16] for d in found))}")
    print(f"  CPU of the workers: {cpu:.1f} s; load {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
