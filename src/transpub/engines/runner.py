"""Send many texts through an engine dependably: split, batch, run concurrently, retry, break.

- Texts longer than the engine's ``max_chars`` are split at sentence ends or spaces (never inside
  a masking token), translated in pieces and joined again.
- Pieces are grouped into requests of at most ``batch_size`` texts and ``max_chars`` characters.
- Requests run on a bounded thread pool; each is retried on transient failures with exponential
  backoff and full jitter, waiting at least the server's Retry-After.
- A circuit breaker shared by all requests of a run opens after ``breaker_threshold`` failed
  requests in a row: later requests fail at once (nothing is sent) until ``breaker_cooldown``
  seconds have passed, then one request probes the service.
- ``on_batch`` is called in the caller's thread after every request, with the texts it finished,
  so the caller can save progress after every batch.
"""

from __future__ import annotations

import random
import re
import threading
import time
from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field

from ..errors import EngineError
from .base import CircuitOpenError, Engine, TransientEngineError


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one request."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0


class CircuitBreaker:
    """Stops calls to a service that keeps failing (thread-safe)."""

    def __init__(self, threshold: int = 5, cooldown: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False
        self._lock = threading.Lock()

    @property
    def is_open(self) -> bool:
        """True while calls are refused."""
        with self._lock:
            return self._opened_at is not None and self._clock() - self._opened_at < self.cooldown

    def before_call(self) -> None:
        """Raise CircuitOpenError unless a call may go out now."""
        with self._lock:
            if self._opened_at is None:
                return
            if self._clock() - self._opened_at < self.cooldown or self._probing:
                raise CircuitOpenError("the service failed repeatedly; not asking it again for now")
            self._probing = True

    def record(self, ok: bool) -> None:
        """Count the outcome of a call."""
        with self._lock:
            self._probing = False
            if ok:
                self._failures = 0
                self._opened_at = None
                return
            self._failures += 1
            if self._failures >= self.threshold:
                self._opened_at = self._clock()


@dataclass
class BatchOutcome:
    """What one finished request means for the caller: texts done and texts failed."""

    done: dict[int, str] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    chars: int = 0


_SPLIT_AT = re.compile(r"(?<=[.!?;:。！？])\s+|\s+")


def split_text(text: str, limit: int) -> list[str]:
    """Cut ``text`` into pieces of at most ``limit`` characters, at sentence ends or spaces.

    Pieces keep their trailing whitespace, so ``"".join(pieces) == text``.

    >>> split_text("One two. Three four.", 10)
    ['One two. ', 'Three ', 'four.']
    >>> split_text("short", 10)
    ['short']
    """
    if len(text) <= limit:
        return [text]
    pieces: list[str] = []
    rest = text
    while len(rest) > limit:
        window = rest[: limit + 1]
        cut = None
        for match in re.finditer(r"(?<=[.!?;:。！？])\s+", window):
            cut = match.end()
        if cut is None or cut < limit // 3:
            spaces = [m.end() for m in re.finditer(r"\s+", window) if m.end() <= limit]
            cut = spaces[-1] if spaces else None
        if not cut:
            cut = limit  # no space at all: a hard cut is the only way to respect the limit
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


def plan_batches(sizes: list[int], batch_size: int, max_chars: int) -> list[list[int]]:
    """Group item indices into requests of at most ``batch_size`` items and ``max_chars`` characters.

    >>> plan_batches([4, 4, 4, 9], batch_size=10, max_chars=10)
    [[0, 1], [2], [3]]
    """
    batches: list[list[int]] = []
    current: list[int] = []
    chars = 0
    for index, size in enumerate(sizes):
        if current and (len(current) >= batch_size or chars + size > max_chars):
            batches.append(current)
            current, chars = [], 0
        current.append(index)
        chars += size
    if current:
        batches.append(current)
    return batches


def call_with_retry(call: Callable[[], list[str | None]], policy: RetryPolicy, breaker: CircuitBreaker,
                    sleep: Callable[[float], None] = time.sleep) -> list[str | None]:
    """Run ``call`` until it succeeds, fails permanently, or the attempts run out."""
    attempt = 0
    while True:
        breaker.before_call()
        try:
            result = call()
        except TransientEngineError as exc:
            breaker.record(False)
            attempt += 1
            if attempt >= policy.attempts:
                raise EngineError(f"{exc.message} (gave up after {attempt} attempts)") from None
            if exc.retry_after is not None and exc.retry_after > policy.max_retry_after:
                raise EngineError(f"{exc.message}; the service asks to wait {exc.retry_after:.0f} s") from None
            backoff = random.uniform(0, min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1)))
            sleep(max(backoff, exc.retry_after or 0.0))
            continue
        except CircuitOpenError:
            raise
        except EngineError:
            breaker.record(False)
            raise
        breaker.record(True)
        return result


def run_engine(engine: Engine, texts: list[str], source: str, target: str, *,
               on_batch: Callable[[BatchOutcome], None], concurrency: int = 8,
               policy: RetryPolicy | None = None, breaker: CircuitBreaker | None = None,
               sleep: Callable[[float], None] = time.sleep) -> None:
    """Translate every text of ``texts``; report each finished request through ``on_batch``.

    A text's outcome is reported once, when all its pieces are back. A piece that fails makes
    its whole text fail with the reason.
    """
    policy = policy or RetryPolicy()
    breaker = breaker or CircuitBreaker()
    limit = max(1, int(engine.max_chars))
    # pieces of every text; identical pieces (after trailing whitespace) are sent once
    pieces_of: list[list[tuple[int, str]]] = []   # text -> [(unique index, trailing whitespace)]
    unique: dict[str, int] = {}
    for text in texts:
        own = []
        for piece in split_text(text, limit):
            core = piece.rstrip()
            own.append((unique.setdefault(core, len(unique)), piece[len(core):]))
        pieces_of.append(own)
    cores = list(unique)
    users: dict[int, set[int]] = {}
    for text_index, own in enumerate(pieces_of):
        for unique_index, _ in own:
            users.setdefault(unique_index, set()).add(text_index)
    replies: dict[int, str] = {}
    errors: dict[int, str] = {}
    reported: set[int] = set()

    def send(batch: list[int]) -> list[str | None]:
        sent = [cores[i] for i in batch]
        got = call_with_retry(lambda: engine.translate_batch(sent, source, target), policy, breaker, sleep)
        if len(got) != len(batch):
            raise EngineError(f"{engine.name}: {len(got)} replies for {len(batch)} texts")
        return got

    def settle(text_index: int, outcome: BatchOutcome) -> None:
        own = pieces_of[text_index]
        if text_index in reported:
            return
        failure = next((errors[u] for u, _ in own if u in errors), None)
        if failure is not None:
            outcome.failed[text_index] = failure
        elif all(u in replies for u, _ in own):
            outcome.done[text_index] = "".join(replies[u] + tail for u, tail in own).rstrip()
        else:
            return
        reported.add(text_index)

    for text_index, own in enumerate(pieces_of):   # texts with nothing to send
        if not own:
            reported.add(text_index)

    batches = plan_batches([len(c) for c in cores], max(1, engine.batch_size), limit)
    with ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix=f"mt-{engine.name}") as pool:
        futures: dict[Future, list[int]] = {pool.submit(send, batch): batch for batch in batches}
        pending = set(futures)
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    batch = futures[future]
                    outcome = BatchOutcome(chars=sum(len(cores[i]) for i in batch))
                    try:
                        got: list[str | None] = future.result()
                        error = None
                    except EngineError as exc:
                        got, error = [None] * len(batch), exc.message
                    for unique_index, reply in zip(batch, got):
                        if error is not None:
                            errors[unique_index] = error
                        elif reply is None or not reply.strip():
                            errors[unique_index] = f"{engine.name} returned an empty translation"
                        else:
                            replies[unique_index] = reply.strip()
                    for text_index in sorted({t for u in batch for t in users[u]}):
                        settle(text_index, outcome)
                    on_batch(outcome)
        except BaseException:
            for future in pending:
                future.cancel()
            raise
