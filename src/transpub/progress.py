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


def make_progress_printer(
    stream: TextIO, clock: Callable[[], float] = time.monotonic
) -> Callable[[Any], None]:
    """A progress callback drawing on ``stream``; it does nothing when ``stream`` is not a TTY."""
    isatty = getattr(stream, "isatty", None)
    if not (callable(isatty) and isatty()):
        return lambda event: None
    started: dict[tuple[str, str], float] = {}

    def show(event: Any) -> None:
        key = (event.locale, event.engine)
        now = clock()
        if event.kind == "start" or key not in started:
            started[key] = now
        line = format_progress(event, now - started[key])
        stream.write("\r\x1b[2K" + line + ("\n" if event.kind == "finish" else ""))
        stream.flush()

    return show
