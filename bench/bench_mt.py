"""Throughput of MT pre-fill against a local LibreTranslate-like server with 50 ms latency.

Compares deep-translator's ``LibreTranslator(custom_url=...).translate_batch`` (sequential, one
request per text) with transpub's ``libre`` engine through the runner (batched, concurrent),
and transpub's deep-translator adapter (``libre-dt``: one request per text, but concurrent), on
the same segments in the same run. Prints segments per second and the ratios.

The goal (issue 5) is transpub at least 8x deep-translator's sequential ``translate_batch``:
the figure that answers it is transpub's own path, the batched ``libre`` engine. ``libre-dt``
(deep-translator underneath, one request per text, only made concurrent) is shown for
comparison: with one request per text its speed-up is bounded by the concurrency (8 by default).

    .venv/bin/python bench/bench_mt.py [--segments 200] [--latency 0.05]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from fakeservers import FakeMT


def segments(n: int) -> list[str]:
    """Distinct sentences of article-like length."""
    return [
        f"Segment {i}: the quick brown fox jumps over the lazy dog near <1>the river</1>." for i in range(n)
    ]


def run_transpub(name: str, texts: list[str], concurrency: int) -> tuple[float, int]:
    from transpub.engines import RetryPolicy, get_engine, run_engine

    engine = get_engine(name)
    done: dict[int, str] = {}
    start = time.perf_counter()
    run_engine(
        engine,
        texts,
        "en",
        "es",
        on_batch=lambda o: done.update(o.done),
        concurrency=concurrency,
        policy=RetryPolicy(),
    )
    return time.perf_counter() - start, len(done)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--segments", type=int, default=200)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--concurrency", type=int, default=8)
    args = parser.parse_args()
    texts = segments(args.segments)
    with FakeMT(latency=args.latency) as server:
        os.environ["TRANSPUB_LIBRE_URL"] = server.url
        from deep_translator import LibreTranslator

        translator = LibreTranslator(source="en", target="es", api_key="-", custom_url=server.url + "/")
        start = time.perf_counter()
        baseline = translator.translate_batch(texts)
        base_time = time.perf_counter() - start
        assert len(baseline) == len(texts)
        requests_before = server.requests
        batched_time, batched_done = run_transpub("libre", texts, args.concurrency)
        batched_requests = server.requests - requests_before
        requests_before = server.requests
        dt_time, dt_done = run_transpub("libre-dt", texts, args.concurrency)
        dt_requests = server.requests - requests_before
    n = len(texts)
    print(
        f"segments: {n}, server latency: {args.latency * 1000:.0f} ms per request, concurrency {args.concurrency}"
    )
    print(
        f"deep-translator translate_batch (sequential): {base_time:6.2f} s  {n / base_time:8.1f} seg/s  "
        f"{n} requests"
    )
    print(
        f"transpub libre (batched + concurrent):        {batched_time:6.2f} s  {n / batched_time:8.1f} seg/s  "
        f"{batched_requests} requests  x{base_time / batched_time:.1f}"
    )
    print(
        f"transpub libre-dt (per text, concurrent):     {dt_time:6.2f} s  {n / dt_time:8.1f} seg/s  "
        f"{dt_requests} requests  x{base_time / dt_time:.1f}  (bounded by concurrency {args.concurrency})"
    )
    speedup = base_time / batched_time
    print(
        f"goal (transpub >= 8x deep-translator sequential), answered by transpub libre: x{speedup:.1f} "
        f"-> {'met' if speedup >= 8 else 'NOT met'}"
    )
    assert batched_done == dt_done == n


if __name__ == "__main__":
    main()
