"""Two translate shards against one worker, on one memory, with a 50 ms-latency engine.

A project of generated news articles with about 2000 units (default) is extracted, then
translated into one locale by a local fake LibreTranslate that answers every request after 50 ms
(tests/fakeservers.py): once by one ``transpub translate`` process, and once, on a fresh copy and
memory, by two processes at the same time (``--shard 1/2`` and ``--shard 2/2``) sharing the
project's translation memory. The engine is set to 10 texts per request and one request in flight
per process (``[engines.libre] batch_size = 10, concurrency = 1``), so that the engine's latency,
not the machine, sets the pace, as with a remote engine.

Printed: wall time of each way and their ratio, the CPU time of the transpub processes (user +
system), the requests the engine got, the characters sent and the characters of the distinct texts
sent (equal when no text was paid for twice), the distinct texts sent against the distinct texts
the catalogs hold (each needed once), and whether every unit came back translated. With PostgreSQL installed (tests/pgcluster.py), the same again
with the memory in a throwaway PostgreSQL database.

    .venv/bin/python bench/bench_shards.py [--units 2000] [--latency 0.05]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))
sys.path.insert(0, str(HERE.parent / "src"))

from fakeservers import FakeMT  # noqa: E402
from newsgen import make_project  # noqa: E402
from transpub import catalog  # noqa: E402

ENGINE_SETTINGS = "\n[engines.libre]\nbatch_size = 10\nconcurrency = 1\n"


def project_with_units(root: Path, units: int) -> int:
    """A project (locale de) with at least ``units`` units, extracted; the number of units."""
    articles = max(1, units // 30)
    while True:
        shutil.rmtree(root, ignore_errors=True)
        make_project(root, articles=articles, locales=["de"], glossary=False)
        config = root / "transpub.toml"
        config.write_text(config.read_text(encoding="utf-8") + ENGINE_SETTINGS, encoding="utf-8")
        run(root, ["extract"])
        found = sum(len(_live(po)) for po in (root / "locales" / "de").rglob("*.po"))
        if found >= units:
            return found
        articles += max(1, (units - found) // 30 + 1)


def _live(path: Path) -> list[catalog.POEntry]:
    return [e for e in catalog.read_catalog(path) if e.msgid and not e.obsolete]


def run(root: Path, args: list[str], env: dict[str, str] | None = None) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "transpub", *args], cwd=root, env=env, capture_output=True, text=True
    )
    if done.returncode != 0:
        raise SystemExit(f"transpub {' '.join(args)} failed:\n{done.stdout[-1500:]}{done.stderr[-1500:]}")


def translate(root: Path, shards: int, engine: FakeMT, memory_url: str | None) -> tuple[float, float]:
    """Wall and CPU seconds (user + system of the processes) for ``shards`` processes (1: one
    unsharded process) to translate the project."""
    env = dict(os.environ, TRANSPUB_LIBRE_URL=engine.url)
    if memory_url:
        env["TRANSPUB_MEMORY_URL"] = memory_url
    command = [sys.executable, "-m", "transpub", "translate", "-l", "de", "--engine", "libre"]
    commands = (
        [command] if shards == 1 else [[*command, "--shard", f"{i}/{shards}"] for i in range(1, shards + 1)]
    )
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    processes = [
        subprocess.Popen(c, cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for c in commands
    ]
    outputs = [p.communicate()[0] for p in processes]
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if any(p.returncode != 0 for p in processes):
        raise SystemExit("translate failed:\n" + "\n".join(o[-1500:] for o in outputs))
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def sent(engine: FakeMT) -> tuple[int, int, int, int]:
    """Requests, characters sent, characters of the distinct texts sent, distinct texts sent."""
    texts = [text for _, batch in engine.request_log for text in batch]
    twice = sorted({text for text in texts if texts.count(text) > 1})
    if twice:
        print(f"    sent more than once: {twice[:5]}")
    return len(engine.request_log), sum(map(len, texts)), sum(map(len, set(texts))), len(set(texts))


def all_translated(root: Path) -> bool:
    return all(e.msgstr for po in (root / "locales" / "de").rglob("*.po") for e in _live(po))


@contextlib.contextmanager
def memories(kind: str) -> Iterator[list[str | None]]:
    """Two fresh memories (one per way): the projects' own SQLite files, or two PostgreSQL databases."""
    if kind == "sqlite":
        yield [None, None]
        return
    from pgcluster import throwaway_cluster

    with throwaway_cluster() as url:
        import psycopg

        with psycopg.connect(url, autocommit=True) as db:
            for name in ("bench_one", "bench_two"):
                db.execute(f"CREATE DATABASE {name}")
        address, _, query = url.partition("?")
        base = address.rsplit("/", 1)[0]
        yield [f"{base}/{name}?{query}" for name in ("bench_one", "bench_two")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--units", type=int, default=2000)
    parser.add_argument("--latency", type=float, default=0.05)
    args = parser.parse_args()
    os.environ["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(HERE.parent / "src"), os.environ.get("PYTHONPATH")])
    )
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    with tempfile.TemporaryDirectory(prefix="bench-shards-") as folder:
        original = Path(folder) / "news"
        units = project_with_units(original, args.units)
        distinct = len({e.msgid for po in (original / "locales" / "de").rglob("*.po") for e in _live(po)})
        print(
            f"{units} units ({distinct} distinct texts) in {len(list((original / 'articles').glob('*.html')))} "
            f"articles; engine latency {args.latency * 1000:.0f} ms, 10 texts per request, 1 request in flight"
        )
        for kind in ("sqlite", "postgresql"):
            try:
                context = memories(kind)
                urls = context.__enter__()
            except (LookupError, ImportError) as reason:
                print(f"{kind}: skipped ({reason})")
                continue
            try:
                walls = []
                for shards, url in zip((1, 2), urls, strict=True):
                    copy = Path(folder) / f"{kind}-{shards}"
                    shutil.copytree(original, copy)
                    with FakeMT(latency=args.latency) as engine:
                        wall, cpu = translate(copy, shards, engine, url)
                        walls.append(wall)
                        requests, chars, unique, texts = sent(engine)
                    label = "one process" if shards == 1 else "two shards"
                    print(
                        f"  {kind:10} {label:12} {wall:7.2f} s wall {cpu:6.2f} s CPU  {requests:4d} requests  "
                        f"{chars:7d} characters sent, {unique:7d} distinct  "
                        f"{'equal' if chars == unique else 'NOT EQUAL'}; {texts} distinct texts sent of "
                        f"{distinct} needed; all translated: {all_translated(copy)}"
                    )
                print(f"  {kind:10} two shards / one process: wall {walls[0] / walls[1]:.2f}x faster")
            finally:
                context.__exit__(None, None, None)
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
