"""Work on many articles at once: one function over a list, in worker processes, results in order.

``extract``, ``compile`` and ``check`` do the same thing to every article, and one article's work
does not depend on another's, so ``-j N`` hands the articles to N processes and takes their results
back in article order: what the run writes and reports is the same as with ``-j 1``, which runs
everything here, in this process, as before.

Fork-safe by construction: the state every worker needs (the project, the run's options, a loaded
glossary) goes to each worker once, through the pool's initializer, and each task is one item
(an article's path) and one small, picklable result. Workers share nothing but files, and the
catalog files they write are guarded by their locks (``fsutil.locked``) as with separate runs.
Workers ignore Ctrl-C: the parent stops the pool and reports the interruption once.
"""

from __future__ import annotations

import os
import signal
from collections.abc import Callable, Iterator, Sequence
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

#: Below this many items a pool costs more than it saves: they are worked on in this process.
MIN_PARALLEL_ITEMS = 8

_state: Any = None


def default_jobs(cpu_max: str = "/sys/fs/cgroup/cpu.max") -> int:
    """The number of processes ``-j`` defaults to: the cores this process may run on, no more than
    the CPU time its container may use (a CI runner's pod limited to 2 CPUs on a 64-core node:
    2; cgroup v2's ``cpu.max``, ``quota period``).

    >>> import tempfile, pathlib
    >>> limit = pathlib.Path(tempfile.mkdtemp()) / "cpu.max"
    >>> _ = limit.write_text("50000 100000\\n")  # half a CPU: one process
    >>> default_jobs(str(limit))
    1
    """
    try:
        cores = max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        cores = max(1, os.cpu_count() or 1)
    try:
        with open(cpu_max, encoding="ascii") as file:
            quota, period = file.read().split()[:2]
        if quota != "max" and int(period) > 0:
            cores = min(cores, max(1, -(-int(quota) // int(period))))
    except (OSError, ValueError):  # no cgroup v2 limit (or not Linux)
        pass
    return cores


def _start_worker(state: Any) -> None:
    global _state
    _state = state
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C, once


def _call_each(task: tuple[Callable[[Any, Any], Any], Sequence[Any]]) -> list[Any]:
    function, items = task
    return [function(_state, item) for item in items]


class Background:
    """A function running in a thread (see :func:`in_background`)."""

    def __init__(self, function: Callable[..., object], *args: Any) -> None:
        import threading

        self._failed: list[BaseException] = []

        def call() -> None:
            try:
                function(*args)
            except BaseException as exc:  # raised again where it is waited for
                self._failed.append(exc)

        name = f"transpub-{getattr(function, '__name__', 'work')}"
        self._thread = threading.Thread(target=call, name=name, daemon=True)
        self._thread.start()

    @property
    def running(self) -> bool:
        """True until the function has returned (or raised)."""
        return self._thread.is_alive()

    def wait(self) -> None:
        """Wait for the function to end; raise what it raised."""
        self._thread.join()
        if self._failed:
            raise self._failed[0]


def in_background(function: Callable[..., object], *args: Any) -> Background:
    """``function(*args)`` in a thread, for work that waits for the disk rather than for Python (an
    SQLite commit, a flush to disk) while this thread goes on with its own; ``.wait()`` for its end."""
    return Background(function, *args)


def chunk_sizes(count: int, workers: int, largest: int = 32) -> list[int]:
    """How ``count`` items are handed to ``workers`` processes: in chunks (one round trip each) of
    at most ``largest`` items that shrink as the work runs out, so that the processes finish
    together: the last chunks are a few items each, not a large one that one process works on while
    the others wait.

    >>> chunk_sizes(100, 2)
    [13, 11, 10, 9, 8, 7, 6, 5, 4, 4, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 1, 1, 1]
    """
    sizes = []
    left = count
    while left > 0:
        size = max(1, min(largest, -(-left // (4 * max(1, workers)))))
        sizes.append(size)
        left -= size
    return sizes


def forks() -> bool:
    """Whether worker processes are forked from this one (Linux), so that they start with its state
    at once; else they are spawned, and each is handed the state pickled."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods()


def in_processes(items: Sequence[Any], jobs: int) -> bool:
    """Whether :func:`run_ordered` works on ``items`` in worker processes (else in this one): what
    every worker would load on its own is best loaded before, once."""
    return jobs > 1 and len(items) >= MIN_PARALLEL_ITEMS


def run_ordered(
    function: Callable[[Any, Item], Result],
    state: Any,
    items: Sequence[Item],
    jobs: int = 1,
    *,
    chunk: int | None = None,
) -> Iterator[Result]:
    """``function(state, item)`` for each item, yielded in the order of ``items``.

    With ``jobs`` <= 1 (or few items) the calls run here, one after the other. Otherwise up to
    ``jobs`` worker processes run them; ``function`` must be a module-level function, ``items`` and
    results picklable (``state`` too where processes are spawned rather than forked). An exception
    a call raises is raised here, as in the serial path. ``chunk``: the items a process is handed at
    a time (default: :func:`chunk_sizes`, many at first, one at the end).
    """
    if not in_processes(items, jobs):
        for item in items:
            yield function(state, item)
        return
    import multiprocessing  # a run with -j 1 never needs it
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if forks() else "spawn")
    workers = min(jobs, len(items))
    sizes = chunk_sizes(len(items), workers) if chunk is None else [chunk] * -(-len(items) // chunk)
    with ProcessPoolExecutor(
        max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(state,)
    ) as pool:
        try:
            futures = []
            start = 0
            for size in sizes:
                futures.append(pool.submit(_call_each, (function, items[start : start + size])))
                start += size
            for future in futures:
                yield from future.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
