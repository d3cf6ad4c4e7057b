"""Send many texts through an engine dependably: split, batch, run concurrently, retry, break.

- Texts longer than the engine's ``max_chars`` are split at sentence ends or spaces where no
  masking pair is open (never inside a token; see :func:`split_text`), translated in pieces and
  joined again. With a piece store, each piece's reply is kept as soon as it is back, so a
  piece is never paid twice, even when another piece of its text fails or the run is killed.
- Pieces are grouped into requests of at most ``batch_size`` texts and ``max_chars`` characters
  (an engine that counts otherwise, e.g. in tokens, sets ``measure`` and ``batch_limit``).
- With ``contexts`` (one :class:`~transpub.engines.base.UnitContext` per text), an engine that
  has ``translate_units`` gets each piece's context; one whose service takes one context per
  request (``context_per_request``) only gets texts of the same paragraph together.
- Requests run on a bounded thread pool; each is retried on transient failures with exponential
  backoff and full jitter, waiting at least the server's Retry-After.
- A circuit breaker shared by all requests of a run opens after ``breaker_threshold`` failed
  requests in a row: later requests fail at once (nothing is sent) until ``breaker_cooldown``
  seconds have passed, then one request probes the service.
- ``on_batch`` is called in the caller's thread after every request, with the texts it finished,
  so the caller can save progress after every batch.
"""

from __future__ import annotations

import bisect
import contextlib
import dataclasses
import os
import random
import re
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from itertools import islice
from typing import Protocol, TypeVar

from ..errors import EngineError
from ..model import counted
from .base import (
    CircuitOpenError,
    Engine,
    TransientEngineError,
    UnitContext,
    one_line,
    redact,
    stopping_with,
    url_secrets,
)


@contextlib.contextmanager
def stops_held() -> Iterator[None]:
    """While inside, Ctrl-C and SIGTERM wait: the first that came is delivered again as it ends,
    to the handler the process had (its KeyboardInterrupt then comes from here). Python runs a
    signal's handler between any two bytecodes, so without this a stop could land after a paid
    batch is marked handed over and before the code that keeps it guards itself. Only in the main
    thread (where Python runs handlers); a signal the process ignores or that Python does not
    handle is left as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    import signal

    held: list[int] = []
    previous: dict[int, Callable[..., object] | int] = {}
    try:
        for kind in (signal.SIGINT, getattr(signal, "SIGTERM", signal.SIGINT)):
            handler = signal.getsignal(kind)
            if handler is None or handler == signal.SIG_IGN or kind in previous:
                continue
            previous[kind] = handler
            signal.signal(kind, lambda signum, frame: held.append(signum))
        yield
    finally:
        for kind, handler in previous.items():
            signal.signal(kind, handler)
        if held:
            signal.raise_signal(held[0])


@dataclass(frozen=True)
class RetryPolicy:
    """How hard to try one request."""

    attempts: int = 5
    base_delay: float = 0.5
    max_delay: float = 30.0
    max_retry_after: float = 120.0


class CircuitBreaker:
    """Stops calls to a service that keeps failing (thread-safe)."""

    def __init__(
        self, threshold: int = 5, cooldown: float = 30.0, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._probing = False
        self._last_cause: str | None = None
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
                last = f" (last: {self._last_cause})" if self._last_cause else ""
                raise CircuitOpenError(f"the service failed repeatedly{last}; not asking it again for now")
            self._probing = True

    def record(self, ok: bool, cause: str | None = None) -> None:
        """Count the outcome of a call; ``cause`` says why a failed one failed (kept for the message
        given while the breaker is open)."""
        with self._lock:
            self._probing = False
            if ok:
                self._failures = 0
                self._opened_at = None
                return
            self._failures += 1
            if cause:
                self._last_cause = cause
            if self._failures >= self.threshold:
                self._opened_at = self._clock()


@dataclass
class BatchOutcome:
    """What one finished request means for the caller: texts done and texts failed."""

    done: dict[int, str] = field(default_factory=dict)
    failed: dict[int, str] = field(default_factory=dict)
    chars: int = 0


#: Where a pair of masking tokens opens or closes (xml ``<x1>`` … ``</x1>``, token ``@@P1@@`` …
#: ``@@P1E@@``, word ``@@Px1@@`` … ``@@Px1E@@``).
_PAIR_TOKEN = re.compile(r"<(/?)x(\d+)\s*>|@@(Px?)(\d+)(E?)@@")
#: Masking tokens and XML entities: a cut never falls inside one.
_ATOM = re.compile(r"<[^<>\s]*>|@@[A-Za-z]x?\d+E?@@|&#?\w+;")
_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|(?<=[。！？；])\s*")
_SPACE = re.compile(r"\s+")


class SplitError(EngineError):
    """A text cannot be cut into pieces the engine accepts (its limit is smaller than the masking needs)."""


@dataclass(frozen=True)
class Piece:
    """One piece of a text cut for a provider's length limit.

    ``text`` is what is sent: the source slice, with ``reopen`` (tokens reopening pairs a previous
    cut left open) in front and ``close`` (tokens closing pairs this cut leaves open) behind, so
    every piece is well formed. ``tail`` is the whitespace that followed the slice in the source.
    """

    text: str
    tail: str = ""
    reopen: str = ""
    close: str = ""


#: The masking pairs open at a place: the innermost pair and the ones open around it (a linked
#: stack, so that each token costs one step even when thousands of pairs are left open).
_OpenPairs = tuple[tuple[str, str], "_OpenPairs"] | None


def _pair_states(text: str) -> tuple[list[int], list[_OpenPairs]]:
    """Positions where a pair token ends, and the pairs ((open token, close token), ...) open after it."""
    ends: list[int] = [0]
    states: list[_OpenPairs] = [None]
    top: _OpenPairs = None
    for match in _PAIR_TOKEN.finditer(text):
        if match.group(2) is not None:  # xml style
            closing, number = match.group(1), match.group(2)
            pair = (f"<x{number}>", f"</x{number}>")
        else:
            prefix, number, closing = match.group(3), match.group(4), match.group(5)
            pair = (f"@@{prefix}{number}@@", f"@@{prefix}{number}E@@")
        if closing:
            if top is not None and top[0][1] == pair[1]:
                top = top[1]
        else:
            top = (pair, top)
        ends.append(match.end())
        states.append(top)
    return ends, states


def _outermost_first(top: _OpenPairs) -> tuple[tuple[str, str], ...]:
    """The open pairs of a linked stack, outermost first."""
    pairs: list[tuple[str, str]] = []
    while top is not None:
        pairs.append(top[0])
        top = top[1]
    return tuple(reversed(pairs))


def split_text(text: str, limit: int) -> list[Piece]:
    """Cut ``text`` into pieces of at most ``limit`` characters each, as sent.

    Cuts go, in this order of preference, after a sentence end, then at white space, where no
    masking pair (``<x1>…</x1>``, ``@@P1@@…@@P1E@@``) is open; then at white space inside a pair,
    the piece closing the pair and the next reopening it (:func:`join_replies` takes those
    tokens out again, and restoring rejects a reply whose engine moved them); then between
    characters (scripts without spaces). Never inside a token or an XML entity.
    :class:`SplitError` when no cut fits.

    >>> [p.text for p in split_text("One two. Three four.", 10)]
    ['One two.', 'Three', 'four.']
    >>> [p.text for p in split_text("A <x1>wonderful day</x1> in winter time.", 24)]
    ['A <x1>wonderful day</x1>', 'in winter time.']
    >>> [(p.reopen, p.text, p.close) for p in split_text("<x1>wonderful and in winter time</x1> it was.", 26)]
    [('', '<x1>wonderful and in</x1>', '</x1>'), ('<x1>', '<x1>winter time</x1> it', ''), ('', 'was.', '')]
    >>> [p.text for p in split_text("short", 10)]
    ['short']
    """
    if len(text) <= limit:
        return [Piece(text.rstrip(), text[len(text.rstrip()) :])]
    ends, states = _pair_states(text)
    atoms = [(m.start(), m.end()) for m in _ATOM.finditer(text)]

    def open_at(position: int) -> tuple[tuple[str, str], ...]:
        return _outermost_first(states[bisect.bisect_right(ends, position) - 1])

    def inside_atom(position: int) -> bool:
        index = bisect.bisect_right(atoms, (position, len(text) + 1)) - 1
        return index >= 0 and atoms[index][0] < position < atoms[index][1]

    pieces: list[Piece] = []
    pos = 0
    reopen = ""
    while True:
        if len(reopen) + len(text) - pos <= limit:
            rest = text[pos:]
            core = rest.rstrip()
            pieces.append(Piece(reopen + core, rest[len(core) :], reopen, ""))
            return pieces
        budget = limit - len(reopen)
        window_end = pos + budget

        def fits(cut: int, pos: int = pos, budget: int = budget) -> str | None:
            """The closing tokens a cut at ``cut`` needs, if the piece then fits (else None)."""
            if cut <= pos or cut > len(text):
                return None
            pairs = open_at(cut)
            close = "".join(close for _, close in reversed(pairs))
            core_end = cut
            while core_end > pos and text[core_end - 1].isspace():
                core_end -= 1
            if core_end <= pos or (core_end - pos) + len(close) > budget:
                return None
            return close

        sentence = [m.end() for m in _SENTENCE_END.finditer(text, pos, min(len(text), window_end + 1))]
        spaces = [m.end() for m in _SPACE.finditer(text, pos, min(len(text), window_end + 1))]
        hard = list(
            islice((c for c in range(min(window_end, len(text) - 1), pos, -1) if not inside_atom(c)), 200)
        )
        choice: tuple[int, str] | None = None
        for candidates, need_closed, min_size in (
            (sentence, True, budget // 3),
            (spaces, True, 0),
            (sentence + spaces, False, 0),
            (hard, True, 0),
            (hard, False, 0),
        ):
            for cut in sorted(set(candidates), reverse=True):
                if cut - pos < min_size:
                    break
                close = fits(cut)
                if close is None or (need_closed and close):
                    continue
                choice = (cut, close)
                break
            if choice:
                break
        if choice is None:
            raise SplitError(
                f"cannot cut the text into pieces of at most {limit} characters without breaking its markup"
            )
        cut, close = choice
        core = text[pos:cut].rstrip()
        pieces.append(Piece(reopen + core + close, text[pos + len(core) : cut], reopen, close))
        reopen = "".join(open_ for open_, _ in open_at(cut))
        pos = cut


def _edge_pattern(tokens: str) -> str:
    found = re.findall(r"<[^<>]*>|@@[^@]*@@", tokens)
    return r"\s*".join(re.escape(token).replace("@@", r"@@\s?") for token in found)


def join_replies(pieces: list[Piece], replies: list[str]) -> str:
    """The replies of ``pieces`` joined into one text: each with its piece's white space after it,
    the tokens a cut added taken out where the engine left them at the edges (where it moved
    them, they stay, and restoring the placeholders then rejects the reply).

    >>> pieces = split_text("<x1>wonderful and in winter time</x1> it was.", 26)
    >>> join_replies(pieces, ["<x1>maravilloso y en</x1>", "<x1>invierno</x1> lo", "fue."])
    '<x1>maravilloso y en invierno</x1> lo fue.'
    """
    out: list[str] = []
    for piece, reply in zip(pieces, replies):
        reply = reply.strip()
        if piece.reopen:
            reply = re.sub(r"^" + _edge_pattern(piece.reopen) + r"\s*", "", reply, count=1, flags=re.I)
        if piece.close:
            reply = re.sub(r"\s*" + _edge_pattern(piece.close) + r"$", "", reply, count=1, flags=re.I)
        out.append(reply + piece.tail)
    return "".join(out).rstrip()


#: What no file (UTF-8) and no SQLite text can hold: a lone surrogate (JSON's "\ud800"), and NUL.
_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


def storable(reply: str) -> str:
    r"""An engine's ``reply`` as the memory and the catalogs can hold it: a lone surrogate (which a
    JSON answer can say) or a NUL becomes U+FFFD, so the batch it came in is not lost.

    >>> storable("Hola \ud800mundo\x00.")
    'Hola \ufffdmundo\ufffd.'
    """
    return _UNSTORABLE.sub("\ufffd", reply) if _UNSTORABLE.search(reply) else reply


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


_T = TypeVar("_T")


def _count(number: int, one: str, many: str | None = None) -> str:
    """``number`` and the word for that many.

    >>> _count(1, "reply", "replies"), _count(2, "text")
    ('1 reply', '2 texts')
    """
    return f"{number} {one if number == 1 else many or one + 's'}"


def unexpected_failure(engine: Engine, exc: Exception) -> EngineError:
    """What an exception an adapter did not expect (a bug, a library's own) makes of its batch: a
    failure saying so in one line, with no secret of the environment or the engine in it."""
    secrets: list[str | None] = [getattr(engine, "api_key", None)]
    for name, value in os.environ.items():
        if name.startswith("TRANSPUB_") and name.endswith("_KEY"):
            secrets.append(value)
        elif name.startswith("TRANSPUB_") and name.endswith("_URL"):
            secrets += url_secrets(value)
    said = redact(one_line(str(exc) or "no message", 120), secrets)
    return EngineError(
        f"{engine.name}: the adapter failed unexpectedly ({type(exc).__name__}: {said}); its reply is not used"
    )


def call_with_retry(
    call: Callable[[], _T],
    policy: RetryPolicy,
    breaker: CircuitBreaker,
    sleep: Callable[[float], None] = time.sleep,
) -> _T:
    """Run ``call`` until it succeeds, fails permanently, or the attempts run out."""
    attempt = 0
    while True:
        breaker.before_call()
        try:
            result = call()
        except TransientEngineError as exc:
            breaker.record(False, exc.message)
            attempt += 1
            if attempt >= policy.attempts:
                raise EngineError(f"{exc.message} (gave up after {counted(attempt, 'attempt')})") from None
            if exc.retry_after is not None and exc.retry_after > policy.max_retry_after:
                raise EngineError(
                    f"{exc.message}; the service asks to wait {exc.retry_after:.0f} s"
                ) from None
            backoff = random.uniform(0, min(policy.max_delay, policy.base_delay * 2 ** (attempt - 1)))
            sleep(max(backoff, exc.retry_after or 0.0))
            continue
        except CircuitOpenError:
            raise
        except EngineError as exc:
            breaker.record(False, exc.message)
            raise
        breaker.record(True)
        return result


class PieceStore(Protocol):
    """Where the replies to pieces of split texts are kept, so a piece is paid for once even
    when another piece of its text fails or the run is killed between pieces."""

    def known(self, pieces: list[str]) -> dict[str, str]:
        """The stored replies of those of ``pieces`` that have one."""

    def remember(self, pairs: list[tuple[str, str]]) -> None:
        """Store ``(piece, reply)`` pairs at once."""


@dataclass
class PiecePlan:
    """The pieces of every text: ``pieces_of[t]`` holds (unique piece index, piece) of text ``t``."""

    pieces_of: list[list[tuple[int, Piece]]]
    cores: list[str]  # the distinct pieces, as sent
    split: set[int]  # unique indices of pieces of texts cut in several pieces
    errors: dict[int, str]  # text index -> why it cannot be split

    def to_send(self, known: dict[str, str]) -> list[int]:
        """Unique indices of the pieces that still have to be sent."""
        return [i for i, core in enumerate(self.cores) if not (i in self.split and core in known)]


def plan_pieces(texts: list[str], limit: int) -> PiecePlan:
    """Split every text for ``limit`` and number the distinct pieces (identical pieces are sent once).

    >>> plan = plan_pieces(["One. Two.", "One."], 5)
    >>> plan.cores, sorted(plan.split)
    (['One.', 'Two.'], [0, 1])
    """
    unique: dict[str, int] = {}
    plan = PiecePlan([], [], set(), {})
    for text_index, text in enumerate(texts):
        try:
            pieces = split_text(text, limit)
        except SplitError as exc:
            plan.errors[text_index] = exc.message
            plan.pieces_of.append([])
            continue
        own = [(unique.setdefault(piece.text, len(unique)), piece) for piece in pieces if piece.text]
        if len(own) > 1:
            plan.split.update(u for u, _ in own)
        plan.pieces_of.append(own)
    plan.cores = list(unique)
    return plan


def _piece_contexts(plan: PiecePlan, contexts: list[UnitContext]) -> list[UnitContext]:
    """The context of each distinct piece: that of the first text using it; a piece of a split
    text has no ``check`` (the problems of a reply are judged on the whole text)."""
    found: dict[int, UnitContext] = {}
    for text_index, own in enumerate(plan.pieces_of):
        for unique_index, _ in own:
            if unique_index not in found:
                context = contexts[text_index]
                found[unique_index] = (
                    dataclasses.replace(context, check=None) if unique_index in plan.split else context
                )
    return [found.get(i, UnitContext()) for i in range(len(plan.cores))]


def run_engine(
    engine: Engine,
    texts: list[str],
    source: str,
    target: str,
    *,
    on_batch: Callable[[BatchOutcome], None],
    concurrency: int = 8,
    policy: RetryPolicy | None = None,
    breaker: CircuitBreaker | None = None,
    sleep: Callable[[float], None] = time.sleep,
    pieces: PieceStore | None = None,
    contexts: list[UnitContext] | None = None,
) -> None:
    """Translate every text of ``texts``; report each finished request through ``on_batch``.

    A text's outcome is reported once, when all its pieces are back. A piece that fails makes
    its whole text fail with the reason. With a ``pieces`` store, the pieces of split texts
    already answered are taken from it instead of being sent, and each piece's reply is stored
    the moment its request is back (before ``on_batch``).
    """
    policy = policy or RetryPolicy()
    breaker = breaker or CircuitBreaker()
    limit = max(1, int(engine.max_chars))
    plan = plan_pieces(texts, limit)
    cores = plan.cores
    users: dict[int, set[int]] = {}
    for text_index, own in enumerate(plan.pieces_of):
        for unique_index, _ in own:
            users.setdefault(unique_index, set()).add(text_index)
    replies: dict[int, str] = {}
    errors: dict[int, str] = {}
    reported: set[int] = set()
    known = pieces.known([cores[i] for i in sorted(plan.split)]) if pieces is not None and plan.split else {}
    for unique_index in plan.split:
        if cores[unique_index] in known:
            replies[unique_index] = known[cores[unique_index]]

    piece_contexts = _piece_contexts(plan, contexts) if contexts is not None else None
    translate_units = getattr(engine, "translate_units", None)

    def attempt(sent: list[str], batch: list[int]) -> list[str | None]:
        try:
            if piece_contexts is not None and translate_units is not None:
                return translate_units(sent, [piece_contexts[i] for i in batch], source, target)
            return engine.translate_batch(sent, source, target)
        except EngineError:
            raise
        except Exception as exc:  # a fault of the adapter (or of a library under it): this batch fails
            raise unexpected_failure(engine, exc) from exc

    def settle(text_index: int, outcome: BatchOutcome) -> None:
        """Put the text in ``outcome`` if it is finished and not handed over yet."""
        own = plan.pieces_of[text_index]
        if text_index in reported:
            return
        failure = next((errors[u] for u, _ in own if u in errors), None)
        if failure is not None:
            outcome.failed[text_index] = failure
        elif all(u in replies for u, _ in own):
            outcome.done[text_index] = join_replies([piece for _, piece in own], [replies[u] for u, _ in own])

    def hand_over(outcome: BatchOutcome) -> None:
        """``on_batch(outcome)``, its texts marked handed over first (in one step): each text is
        handed over once, whatever stops the run; a Ctrl-C (or SIGTERM) coming meanwhile stops the
        run once ``on_batch`` has taken them (see :func:`stops_held`)."""
        with stops_held():
            reported.update([*outcome.done, *outcome.failed])
            on_batch(outcome)

    first = BatchOutcome(chars=sum(len(cores[u]) for u in replies))
    for text_index, message in plan.errors.items():
        first.failed[text_index] = f"{engine.name}: {message}"
        reported.add(text_index)
    for text_index, own in enumerate(plan.pieces_of):  # texts with nothing to send
        if not own:
            reported.add(text_index)
        else:
            settle(text_index, first)  # done if every piece is known from earlier
    if first.done or first.failed:
        hand_over(first)

    to_send = plan.to_send(known)
    measure: Callable[[str], int] = getattr(engine, "measure", len)
    batch_limit = max(1, int(getattr(engine, "batch_limit", limit)))
    groups: dict[str, list[int]] = {}
    for unique_index in to_send:
        same_request = piece_contexts is not None and getattr(engine, "context_per_request", False)
        key = piece_contexts[unique_index].paragraph if piece_contexts is not None and same_request else ""
        groups.setdefault(key, []).append(unique_index)
    batches = [
        [group[i] for i in batch]
        for group in groups.values()
        for batch in plan_batches([measure(cores[i]) for i in group], max(1, engine.batch_size), batch_limit)
    ]
    stopping = threading.Event()

    def pause(seconds: float) -> None:
        """The backoff before a retry (a Retry-After may ask for minutes); an interrupted run ends
        it at once and gives up instead of retrying."""
        if sleep is time.sleep:
            stopping.wait(seconds)
        elif not stopping.is_set():
            sleep(seconds)
        if stopping.is_set():
            raise EngineError(f"{engine.name}: the run was interrupted")

    def send(batch: list[int]) -> list[str | None]:
        sent = [cores[i] for i in batch]
        with stopping_with(stopping):  # (an engine asks nothing more of its own once stopped)
            got = call_with_retry(lambda: attempt(sent, batch), policy, breaker, pause)
        try:
            if len(got) != len(batch):
                raise EngineError(
                    f"{engine.name}: {_count(len(got), 'reply', 'replies')} for {_count(len(batch), 'text')}"
                )
            return [storable(reply) if reply.__class__ is str else reply for reply in got]
        except EngineError:
            raise
        except Exception as exc:  # (not a list of texts)
            raise unexpected_failure(engine, exc) from exc

    remembered: set[int] = set()  # the pieces handed to the piece store (once: it keeps what it refuses)

    def deliver(future: Future, batch: list[int], again: bool = False) -> None:
        """Read a finished request and hand the texts it finishes over (see :func:`hand_over`).
        It may be read ``again`` (the run stopped while it was read): what is handed over is
        then what was not yet, if anything."""
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
                errors[unique_index] = getattr(reply, "reason", None) or (
                    f"{engine.name} returned an empty translation"
                )
            else:
                replies[unique_index] = reply.strip()
        try:
            if pieces is not None:
                paid = [u for u in batch if u in plan.split and u in replies and u not in remembered]
                remembered.update(paid)
                if paid:
                    pieces.remember([(cores[u], replies[u]) for u in paid])
        finally:  # (a memory that fails here: the texts whose pieces are all back still reach on_batch)
            for text_index in sorted({t for u in batch for t in users[u]}):
                settle(text_index, outcome)
            if not again or outcome.done or outcome.failed:
                hand_over(outcome)

    with ThreadPoolExecutor(max_workers=max(1, concurrency), thread_name_prefix=f"mt-{engine.name}") as pool:
        futures: dict[Future, list[int]] = {pool.submit(send, batch): batch for batch in batches}
        pending = set(futures)
        try:
            while pending:
                finished, pending = wait(pending, return_when=FIRST_COMPLETED)
                for future in finished:
                    deliver(future, futures[future])
        except BaseException:
            # Ctrl-C (or SIGTERM, see the CLI), or on_batch failed (the memory stopped answering):
            # requests not sent yet are dropped, no retry starts, and the replies of the requests
            # already out or back (paid for) that were not handed over (the stop came while one
            # was read) are, before stopping, as far as on_batch can take them (it keeps them in
            # the catalogs before it stores them in the memory); a text is never handed over twice.
            # A second Ctrl-C (or SIGTERM) meanwhile waits too (see :func:`stops_held`): it would
            # throw away every reply still out, each paid for (the wait lasts a timeout at most).
            stopping.set()
            with stops_held():
                out = [future for future in futures if not future.cancel()]
                wait(out)
                for future in out:
                    with contextlib.suppress(Exception):
                        deliver(future, futures[future], again=True)
            raise
