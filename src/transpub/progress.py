"""A one-line progress display for long translate runs (units, characters, ETA).

The workflow only emits :class:`transpub.translate.ProgressEvent`; this draws them. It stays
silent when the stream is not a terminal, so logs and CI output are not flooded.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TextIO


def format_eta(seconds: float | None) -> str:
    """``m:ss`` (or ``h:mm:ss``), ``--:--`` when unknown.

    >>> format_eta(75), format_eta(3725), format_eta(None)
    ('1:15', '1:02:05', '--:--')
    """
    if seconds is None or seconds < 0:
        return "--:--"
    seconds = round(seconds)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def format_progress(event: Any, elapsed: float, width: int = 24) -> str:
    """One progress line for ``event``.

    >>> from types import SimpleNamespace as E
    >>> format_progress(E(locale="es", engine="deepl", units_done=5, units_total=10,
    ...                   chars_done=500, chars_total=1000), elapsed=10.0, width=10)
    'es deepl [#####-----] 5/10 units, 500/1000 chars, ETA 0:10'
    """
    total = max(event.chars_total, 1)
    fraction = min(1.0, event.chars_done / total)
    bar = "#" * int(fraction * width) + "-" * (width - int(fraction * width))
    eta = elapsed * (1 - fraction) / fraction if fraction > 0 else None
    return (
        f"{event.locale} {event.engine} [{bar}] {event.units_done}/{event.units_total} units, "
        f"{event.chars_done}/{event.chars_total} chars, ETA {format_eta(eta)}"
    )


def format_waiting(event: Any) -> str:
    """The note for a "waiting" event: other workers' claims hold up ``units_total`` texts.

    >>> from types import SimpleNamespace as E
    >>> format_waiting(E(locale="de", engine="libre", units_total=230))
    'Note: de via libre: waiting for 230 texts other workers are translating now (claimed in the shared memory; the claims of a worker that was stopped run out within a minute)'
    """
    texts = (
        "1 text another worker is"
        if event.units_total == 1
        else f"{event.units_total} texts other workers are"
    )
    return (
        f"Note: {event.locale} via {event.engine}: waiting for {texts} translating now (claimed in the "
        "shared memory; the claims of a worker that was stopped run out within a minute)"
    )


def make_progress_printer(
    stream: TextIO, clock: Callable[[], float] = time.monotonic
) -> Callable[[Any], None]:
    """A progress callback drawing on ``stream``; when ``stream`` is not a TTY (a CI log) it writes
    only the note of a "waiting" event, a line."""
    isatty = getattr(stream, "isatty", None)
    if not (callable(isatty) and isatty()):

        def note(event: Any) -> None:
            if event.kind == "waiting":
                stream.write(format_waiting(event) + "\n")
                stream.flush()

        return note
    started: dict[tuple[str, str], float] = {}

    def show(event: Any) -> None:
        if event.kind == "waiting":
            stream.write("\r\x1b[2K" + format_waiting(event) + "\n")
            stream.flush()
            return
        key = (event.locale, event.engine)
        now = clock()
        if event.kind == "start" or key not in started:
            started[key] = now
        line = format_progress(event, now - started[key])
        stream.write("\r\x1b[2K" + line + ("\n" if event.kind == "finish" else ""))
        stream.flush()

    return show
