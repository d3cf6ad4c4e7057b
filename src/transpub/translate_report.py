"""What a translate run reports: counts per locale and engine, failures worded for people, the
dry run's estimates, and progress events (the workflow itself is in :mod:`transpub.translate`)."""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import counted


@dataclass
class Counts:
    """What happened to the empty entries of one locale with one engine (counted per entry)."""

    filled_tm: int = 0  # exact human match from the memory
    filled_fuzzy_tm: int = 0  # close match from the memory
    filled_mt: int = 0  # machine translation received in this run
    reused_mt: int = 0  # machine translation paid for in an earlier run
    copied: int = 0  # nothing to translate (numbers, placeholders): source copied
    failed: int = 0  # the engine gave no usable reply
    rejected_placeholders: int = 0  # the reply broke placeholders or glossary terms
    skipped: int = 0  # plural entries, left empty (never filled)
    unmatched: int = 0  # left empty by an engine that only looks in the memory (tm): no match there
    requested_units: int = 0  # distinct texts sent to the engine in this run
    requested_chars: int = 0


#: Failure kinds.
FAILED, REJECTED, REJECTED_EARLIER = "failed", "rejected", "rejected earlier"


@dataclass(frozen=True)
class Failure:
    """One text the engine could not translate (or whose reply was rejected).

    ``where`` holds ``path:line`` (the line of the msgid) of every entry the text fills.
    """

    locale: str
    engine: str
    msgid: str
    message: str
    paths: tuple[str, ...] = ()
    where: tuple[str, ...] = ()
    kind: str = FAILED

    @property
    def excerpt(self) -> str:
        """The start of the msgid, on one line.

        >>> Failure("fr", "libre", "The signing ceremony of the festival was held in January.", "x").excerpt
        '"The signing ceremony of the festival…"'
        """
        return f'"{excerpt(self.msgid)}"'

    @property
    def location(self) -> str:
        """The first place the text is used, with how many more there are."""
        if self.where:
            more = f" (+{len(self.where) - 1} more)" if len(self.where) > 1 else ""
            return self.where[0] + more
        return self.paths[0] if self.paths else ""


def excerpt(text: str, width: int = 40) -> str:
    """``text`` on one line, cut at a word boundary to about ``width`` characters.

    >>> excerpt("Loading..."), excerpt("one two three four five", 12)
    ('Loading...', 'one two…')
    """
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[:width].rsplit(" ", 1)[0] if " " in flat[:width] else flat[:width]
    return cut.rstrip(",;:") + "…"


#: What the lines cut short by :func:`failure_lines` say of the rest.
EVERY_FAILURE = "--all-failures lists every one"


def failure_lines(
    failures: list[Failure], limit: int | None = 20, shown_per_group: int | None = 3
) -> list[str]:
    """Lines for people: one per distinct (locale, engine, message), with every unit's
    ``file:line`` and msgid excerpt (the first ``shown_per_group`` when many share the message, the
    first ``limit`` messages; None: all), saying how to see the rest.

    >>> f = [Failure("fr", "libre", f"Text {i}.", "libre: HTTP 500", where=(f"a.po:{i}",)) for i in (3, 7)]
    >>> for line in failure_lines(f + [Failure("fr", "libre", "Odd.", "libre: HTTP 400", where=("b.po:9",))]):
    ...     print(line)
    Failed (2 units): fr libre: HTTP 500
      a.po:3 "Text 3."
      a.po:7 "Text 7."
    Failed: b.po:9 "Odd.": fr libre: HTTP 400
    >>> failure_lines(f, shown_per_group=1)[-1]
    '  ... and 1 more (--all-failures lists every one)'
    """
    groups: dict[tuple[str, str, str], list[Failure]] = {}
    for failure in failures:
        groups.setdefault((failure.locale, failure.engine, failure.message), []).append(failure)
    lines: list[str] = []
    for count, ((locale, engine, said), members) in enumerate(groups.items()):
        # (an engine's error names it: "libre: HTTP 500"; the line names it once)
        message = said[len(engine) + 2 :] if said.startswith(f"{engine}: ") else said
        if count == limit:
            lines.append(
                f"... and {len(groups) - limit} more kinds of failure "
                f"({counted(sum(len(m) for m in list(groups.values())[limit:]), 'unit')}; {EVERY_FAILURE})"
            )
            break
        if len(members) == 1:
            where = f"{members[0].location} " if members[0].location else ""
            lines.append(f"Failed: {where}{members[0].excerpt}: {locale} {engine}: {message}")
            continue
        lines.append(f"Failed ({counted(len(members), 'unit')}): {locale} {engine}: {message}")
        members = sorted(members, key=_place_key)
        for member in members[:shown_per_group]:
            lines.append(
                f"  {member.location} {member.excerpt}" if member.location else f"  {member.excerpt}"
            )
        if shown_per_group is not None and len(members) > shown_per_group:
            lines.append(f"  ... and {len(members) - shown_per_group} more ({EVERY_FAILURE})")
    return lines


def _place_key(failure: Failure) -> tuple[str, int]:
    path, _, line = failure.location.partition(" ")[0].rpartition(":")
    return (path, int(line)) if line.isdigit() else (failure.location, 0)


@dataclass(frozen=True)
class Estimate:
    """What ``--dry-run`` would send to one engine for one locale.

    ``chars`` counts the text as it would be sent (masked, pieces already paid for left out);
    ``cost`` is None when no price is configured (``price_per_million`` in ``[engines.<name>]``)
    or nothing would be sent.
    """

    locale: str
    engine: str
    units: int
    chars: int
    cost: float | None
    price_per_million: float | None = None
    machine: bool = True
    free: bool = False  # an engine that costs nothing to run (Apertium): no price to name
    tokens_in: int | None = None  # engines priced by tokens (llm): approximate input and output tokens
    tokens_out: int | None = None
    price_per_million_output: float | None = None
    token_note: str = ""  # how the tokens were counted

    def describe(self) -> str:
        """One line for people.

        >>> Estimate("fr", "deepl", 3, 120, None).describe()
        'fr via deepl: would send 3 units, 120 characters; no price configured (price_per_million in [engines.deepl])'
        >>> Estimate("fr", "deepl", 3, 120_000, 2.4, 20.0).describe()
        'fr via deepl: would send 3 units, 120000 characters, about 2.40 at 20 per million characters'
        >>> Estimate("fr", "deepl", 0, 0, None).describe()
        'fr via deepl: nothing to send'
        >>> Estimate("es", "apertium", 3, 120, None, free=True).describe()
        'es via apertium: would send 3 units, 120 characters'
        """
        head = f"{self.locale} via {self.engine}: "
        if not self.machine:
            return head + "fills from the translation memory only; sends nothing"
        if not self.units:
            return head + "nothing to send"
        if self.tokens_in is not None:
            return head + self._describe_tokens()
        line = head + f"would send {counted(self.units, 'unit')}, {counted(self.chars, 'character')}"
        if self.cost is not None and self.price_per_million:
            return line + f", about {self.cost:.2f} at {self.price_per_million:g} per million characters"
        if self.free:
            return line
        return line + f"; no price configured (price_per_million in [engines.{self.engine}])"

    def _describe_tokens(self) -> str:
        """The token part of :meth:`describe`.

        >>> Estimate("zh_CN", "llm", 2, 80, 0.0021, 1.0, tokens_in=1500, tokens_out=600,
        ...          price_per_million_output=1.0, token_note="approximated").describe()
        'zh_CN via llm: would send 2 units, about 1500 input and 600 output tokens (approximated), about 0.0021 at 1 input / 1 output per million tokens'
        """
        line = (
            f"would send {counted(self.units, 'unit')}, about {self.tokens_in} input and {self.tokens_out} output tokens"
            + (f" ({self.token_note})" if self.token_note else "")
        )
        if self.cost is None:
            return line + (
                f"; no price configured (price_per_million_input and _output in [engines.{self.engine}])"
            )
        return line + (
            f", about {self.cost:.4f} at {self.price_per_million or 0:g} input / "
            f"{self.price_per_million_output or 0:g} output per million tokens"
        )


def token_estimate(
    adapter: object, name: str, locale: str, units: int, chars: int, tokens_in: int, tokens_out: int
) -> Estimate:
    """The :class:`Estimate` of an engine priced per million input and output tokens
    (``price_per_million_input`` and ``price_per_million_output`` of the adapter)."""
    price_in = float(getattr(adapter, "price_per_million_input", 0.0) or 0.0)
    price_out = float(getattr(adapter, "price_per_million_output", 0.0) or 0.0)
    priced = bool(units) and bool(price_in or price_out)
    cost = round((tokens_in * price_in + tokens_out * price_out) / 1_000_000, 6) if priced else None
    return Estimate(
        locale,
        name,
        units,
        chars,
        cost,
        price_in or None,
        tokens_in=tokens_in,
        tokens_out=tokens_out,
        price_per_million_output=price_out or None,
        token_note=str(getattr(adapter, "token_note", "")),
    )


@dataclass
class TranslateReport:
    """The outcome of :func:`translate_project`."""

    counts: dict[tuple[str, str], Counts] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    estimates: list[Estimate] = field(default_factory=list)
    dry_run: bool = False
    #: what the user should know about the engines' settings (credentials in a server URL)
    warnings: list[str] = field(default_factory=list)
    #: what the user should know that went well (replies kept when the memory failed, now stored)
    notes: list[str] = field(default_factory=list)
    #: catalogs that could not be read ("file:line: message", the file relative to the project):
    #: left as they are, the other catalogs translated
    errors: list[str] = field(default_factory=list)
    #: locales a run over every locale left out (no engine; none of ``--engine``'s pairs), why and
    #: how to translate them: one line per reason
    skipped: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        """Entries left unfilled by an engine failure or a rejected reply."""
        return sum(c.failed + c.rejected_placeholders for c in self.counts.values())

    @property
    def ok(self) -> bool:
        """True when no unit failed and every catalog could be read (the CLI exits 1 otherwise)."""
        return self.failed == 0 and not self.errors

    def failure_lines(self, limit: int = 20, *, every: bool = False) -> list[str]:
        """:func:`failure_lines` of this report's failures (``every``: each of them)."""
        return failure_lines(self.failures, None, None) if every else failure_lines(self.failures, limit)

    def advice(self) -> str:
        """What to do about the failures, in one message ("" when there are none).

        >>> report = TranslateReport(counts={("fr", "libre"): Counts(failed=2, rejected_placeholders=1)})
        >>> print(report.advice())
        3 units could not be translated: 2 failed (run again to retry them; nothing already received is requested again); 1 rejected (the engine's reply broke placeholders or glossary terms: run with --retry-rejected to ask again, or translate it by hand).
        """
        failed = sum(c.failed for c in self.counts.values())
        rejected = sum(c.rejected_placeholders for c in self.counts.values())
        if not failed and not rejected:
            return ""
        parts = []
        if failed:
            parts.append(
                f"{failed} failed (run again to retry them; nothing already received is requested again)"
            )
        if rejected:
            them = "them" if rejected > 1 else "it"
            parts.append(
                f"{rejected} rejected (the engine's reply broke placeholders or glossary terms: "
                f"run with --retry-rejected to ask again, or translate {them} by hand)"
            )
        units = "1 unit" if failed + rejected == 1 else f"{failed + rejected} units"
        return f"{units} could not be translated: " + "; ".join(parts) + "."


@dataclass(frozen=True)
class ProgressEvent:
    """Sent to the progress callback: ``kind`` is "start", "batch" or "finish", or "waiting" when
    other workers' claims hold up ``units_total`` texts (said once, after a few seconds)."""

    kind: str
    locale: str
    engine: str
    units_done: int
    units_total: int
    chars_done: int
    chars_total: int


def estimate_cost(chars: int, price_per_million: float | None) -> float | None:
    """The price of ``chars`` characters at ``price_per_million`` (None when no price is set).

    >>> estimate_cost(250_000, 20.0), estimate_cost(10, 0)
    (5.0, None)
    """
    if not price_per_million:
        return None
    return round(chars * price_per_million / 1_000_000, 6)
