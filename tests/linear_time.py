"""Timing helpers for tests that assert a cost grows linearly: CPU time, best of interleaved runs.

A ratio of times holds on a slow machine where an absolute limit would not; measuring CPU time
(not wall time), enough runs to last 20 ms, the best of several interleaved rounds, and more
rounds before failing keeps another process stealing the CPU from failing the test, while a
quadratic cost (4 per doubling) still fails it.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pytest

MAX_RATIO = 3.0


def _loops_for(work: Callable[[object], object], argument: object) -> int:
    """How many runs of ``work`` on ``argument`` take long enough (20 ms of CPU) to be timed reliably.

    Counted after a first run (caches filled, patterns compiled) by timing 1, 2, 4… runs, as
    ``timeit`` does: one slow first run must not leave a sub-millisecond figure to compare, which
    the scheduler's noise on a loaded machine can triple.
    """
    work(argument)
    loops = 1
    while loops < 100_000:
        started = time.process_time()
        for _ in range(loops):
            work(argument)
        if time.process_time() - started >= 0.02:
            break
        loops *= 2
    return loops


def _best_times(
    work: Callable[[object], object], small: object, large: object, repeat: int
) -> tuple[float, float]:
    """The fastest of ``repeat`` interleaved runs of ``work`` on ``small`` and on ``large``."""
    best_small = best_large = float("inf")
    loops = _loops_for(work, small)
    for _ in range(repeat):
        for argument, is_small in ((small, True), (large, False)):
            started = time.process_time()
            for _ in range(loops):
                work(argument)
            elapsed = time.process_time() - started
            if is_small:
                best_small = min(best_small, elapsed)
            else:
                best_large = min(best_large, elapsed)
    return best_small, best_large


def assert_linear(build: Callable[[int], object], work: Callable[[object], object], n: int) -> None:
    """``work`` on ``build(2 * n)`` takes less than 3 times as long as on ``build(n)``.

    A ratio above the limit is measured again with more runs (the best times of all rounds
    kept), then for the next doublings (``build(2 * n)`` against ``build(4 * n)``, then
    ``build(4 * n)`` against ``build(8 * n)``) before failing: another process stealing the CPU
    during some runs, or a step in the cost when the larger input stops fitting a processor cache
    (on a loaded CI machine one doubling took 3.5 times as long, two 11 times, which a step
    spanning them gives), raises one or two doublings over 3 but not every one; a quadratic cost
    (4 per doubling, more as it grows) raises them all and fails.
    """
    measured: list[str] = []
    smaller = build(n)
    for size in (n, 2 * n, 4 * n):
        larger = build(2 * size)
        gc.collect()
        gc.disable()  # as timeit does: a collection of everything earlier tests left must not count
        try:
            ratio, best_small, best_large = _best_ratio(work, smaller, larger, MAX_RATIO)
        finally:
            gc.enable()
        if ratio < MAX_RATIO:
            return
        measured.append(f"{ratio:.1f} times as long ({best_small:.4f} s -> {best_large:.4f} s)")
        smaller = larger
    pytest.fail("doubling the input took " + ", then ".join(measured))


def _best_ratio(
    work: Callable[[object], object], small: object, large: object, limit: float
) -> tuple[float, float, float]:
    """The ratio of ``work``'s best times on ``large`` and ``small``, rounds added while it is
    not under ``limit``; with those two times."""
    best_small = best_large = float("inf")
    for repeat in (3, 5, 9):
        t_small, t_large = _best_times(work, small, large, repeat)
        best_small, best_large = min(best_small, t_small), min(best_large, t_large)
        if best_large / best_small < limit:
            break
    return best_large / best_small, best_small, best_large
