"""The engine protocol, the errors adapters raise, and small helpers every adapter shares.

An adapter does ONE attempt per call: ``translate_batch`` sends one request (or starts one
process) and either returns one reply per text, raises :class:`TransientEngineError` (worth
retrying: 429, 5xx, timeouts, dropped connections, malformed replies) or raises
:class:`~transpub.errors.EngineError` (not worth retrying: bad key, unsupported pair).
Retries, backoff, the circuit breaker, batching and concurrency live in
:mod:`transpub.engines.runner`, so every engine gets the same dependable behaviour.
"""

from __future__ import annotations

import contextlib
import contextvars
import os
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol, runtime_checkable

from transpub.locales import language_of  # noqa: F401 - re-exported

from ..errors import EngineError

#: Seconds before any single request to a service is abandoned (override with ``timeout`` in
#: ``[engines.<name>]``).
DEFAULT_TIMEOUT = 20.0


#: The interruption event of the run whose request this thread is sending (see :func:`stopping_with`).
_RUN_STOPPING: contextvars.ContextVar[threading.Event | None] = contextvars.ContextVar(
    "transpub_run_stopping", default=None
)


@contextlib.contextmanager
def stopping_with(event: threading.Event) -> Iterator[None]:
    """While inside, :func:`run_is_stopping` in this thread tells whether ``event`` is set: the
    runner sends each batch so, ``event`` set as the run is interrupted (Ctrl-C, SIGTERM)."""
    token = _RUN_STOPPING.set(event)
    try:
        yield
    finally:
        _RUN_STOPPING.reset(token)


def run_is_stopping() -> bool:
    """Whether the run this request belongs to was interrupted: an engine then sends no request
    of its own beyond the one it is reading (a repair, a follow-up), as the run promises to send
    nothing more once stopped."""
    event = _RUN_STOPPING.get()
    return event is not None and event.is_set()


class TransientEngineError(EngineError):
    """A failure worth retrying; ``retry_after`` is the server's Retry-After in seconds, if any."""

    def __init__(self, message: str, retry_after: float | None = None, status: int | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after
        self.status = status


class Unanswered(str):
    """An empty reply that says why the engine gave none (the runner reports ``reason``).

    >>> Unanswered("llm: no translation for unit u2").reason, Unanswered("x") == ""
    ('llm: no translation for unit u2', True)
    """

    reason: str

    def __new__(cls, reason: str) -> Unanswered:
        reply = super().__new__(cls, "")
        reply.reason = reason
        return reply


class CircuitOpenError(EngineError):
    """The engine failed too often in a row; requests are not sent until it cools down."""


@runtime_checkable
class Engine(Protocol):
    """What the translate workflow needs from a machine-translation engine.

    ``markup`` says how masked text is sent: ``"xml"`` (``<x1>…</x1>``, ``<x2/>``, ``<g3/>``:
    engines with tag handling), ``"token"`` (``@@P1@@…@@P1E@@``, ``@@G3@@``: engines that
    pass such words through), ``"word"`` (``@@Px1@@…@@Px1E@@``, ``@@Gx3@@``: Apertium, which
    reads them as words) or ``"plain"`` (the placeholders as they are: ``llm``). ``batch_size`` is the number of texts one request
    may carry and ``max_chars`` the characters one request may carry.
    """

    name: str
    markup: str
    batch_size: int
    max_chars: int

    def is_configured(self) -> bool:
        """True when every setting and secret the engine needs is present."""

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """The (source, target) pairs the engine supports, as gettext codes; None when unknown."""

    def supports(self, source: str, target: str) -> bool:
        """True when the engine can translate from ``source`` to ``target`` (gettext locales)."""

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """Translate ``texts`` in one attempt: one reply per text (None when the service gave none)."""


@dataclass(frozen=True)
class TermHint:
    """A glossary entry as an engine is told about it: the rendering it must use in the target
    language (``required``), other accepted forms, renderings it must never use, and a note."""

    source: str
    required: str
    variants: tuple[str, ...] = ()
    forbidden: tuple[str, ...] = ()
    note: str = ""


@dataclass(frozen=True)
class UnitContext:
    """What an engine that takes context may know about one text besides the text itself.

    ``check`` returns the problems of a reply (placeholders, glossary terms, script), as the
    workflow will judge it; an engine may use it to ask again once with the problems stated.
    ``formality`` (``more``/``less``) and ``style`` (house style, free text) are the target
    locale's, from ``[locale.<name>]``.
    """

    title: str = ""
    paragraph: str = ""
    terms: tuple[TermHint, ...] = ()
    formality: str | None = None
    style: str = ""
    check: Callable[[str], list[str]] | None = None


class ContextEngine(Engine, Protocol):
    """An engine that takes a :class:`UnitContext` with every text (``llm``, ``deepl``).

    ``context_per_request`` is True when the service takes one context per request (DeepL's
    ``context``): the runner then puts only texts of the same paragraph into one request.
    """

    context_per_request: bool

    def translate_units(
        self, texts: list[str], contexts: list[UnitContext], source: str, target: str
    ) -> list[str | None]:
        """:meth:`Engine.translate_batch` with one context per text."""


class EngineBase:
    """What every adapter shares: its defaults, each one overridable in ``[engines.<name>]``.

    A subclass sets the class attributes it needs different and lists in ``configurable`` the
    settings a user may change; :meth:`read_settings` reads them (EngineError when malformed).
    """

    name: str = ""
    markup: str = "xml"
    timeout: float = DEFAULT_TIMEOUT
    batch_size: int = 50
    max_chars: int = 5000
    price_per_million: float = 0.0
    #: the settings read from ``[engines.<name>]``
    configurable: tuple[str, ...] = ("timeout", "batch_size", "max_chars", "price_per_million")

    def read_settings(self, config: dict[str, Any]) -> None:
        """Set each configurable setting from ``config``, keeping the default where it is absent."""
        for key in self.configurable:
            default = getattr(self, key)
            setattr(self, key, setting(config, key, default, type(default)))


@dataclass(frozen=True)
class EngineInfo:
    """One line of ``transpub engines``."""

    name: str
    family: str
    configured: bool
    pairs: list[tuple[str, str]] | None
    needs: tuple[str, ...]
    note: str = ""
    languages: list[str] | None = None  # any-to-any engines: their languages instead of pairs


def env_secret(name: str) -> str | None:
    """The value of environment variable ``name``, or None when unset or blank."""
    value = os.environ.get(name, "").strip()
    return value or None


def redact(message: str, secrets: list[str | None]) -> str:
    """``message`` with every secret value replaced by ``***``.

    >>> redact("bad key abc123 for x", ["abc123", None])
    'bad key *** for x'
    """
    for secret in sorted((s for s in secrets if s), key=len, reverse=True):  # longest first
        message = message.replace(secret, "***")
    return message


#: Where an HTML page starts in a reply or an error message (a proxy's or load balancer's error page).
_HTML_START = re.compile(r"<(?:!doctype\s+html|html|head|body)\b", re.I)
_HTML_TITLE = re.compile(r"<title[^>]*>(.*?)</title", re.I | re.S)


def one_line(text: str, limit: int = 200) -> str:
    """A server's words (an error's detail) as one short line: an HTML page said as such, with
    its title, rather than quoted; white space collapsed; at most ``limit`` characters.

    >>> one_line("Unexpected status: 502, content: <!DOCTYPE html>\\n<html><head><title>502 Bad\\nGateway</title>")
    'Unexpected status: 502, content: an HTML page (502 Bad Gateway)'
    >>> one_line("bad   request\\n  (field q)")
    'bad request (field q)'
    """
    page = _HTML_START.search(text)
    if page is not None:
        title = _HTML_TITLE.search(text, page.start())
        name = " ".join(title.group(1).split())[:80] if title else ""
        text = text[: page.start()] + "an HTML page" + (f" ({name})" if name else "")
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def url_secrets(url: str | None) -> list[str]:
    """What of a server URL from the environment must not appear in a message: the URL, its
    host, credentials, path and query (a proxy URL may carry a token in any of them).

    >>> url_secrets("https://user:pw@proxy.example:8443/tok123/?k=v")
    ['https://user:pw@proxy.example:8443/tok123/?k=v', 'https://user:pw@proxy.example:8443/tok123', 'user:pw@proxy.example:8443', 'proxy.example', 'user', 'pw', '/tok123', 'k=v', 'user:pw', 'dXNlcjpwdw==', 'dXNlcjpwdw']
    >>> url_secrets(None)
    []
    """
    if not url:
        return []
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    found = [
        url,
        url.split("?")[0].rstrip("/"),
        parts.netloc,
        parts.hostname or "",
        parts.username or "",
        parts.password or "",
        parts.path.rstrip("/"),
        parts.query,
        *credential_forms(parts.username, parts.password),
    ]
    return list(dict.fromkeys(part for part in found if len(part) >= 2))


def credential_forms(username: str | None, password: str | None) -> list[str]:
    """Every form in which the user name and password of a URL may reach a message: as written
    (percent-encoded), decoded, encoded again, and as the base64 of ``user:password`` that HTTP
    Basic authentication sends (a server may echo that header in an error).

    >>> credential_forms("ed", "p%40ss")
    ['ed', 'p%40ss', 'p@ss', 'ed:p%40ss', 'ZWQ6cCU0MHNz', 'ed:p@ss', 'ZWQ6cEBzcw==', 'ZWQ6cEBzcw']
    >>> credential_forms(None, None)
    []
    """
    import base64
    from urllib.parse import quote, unquote

    if not username and not password:
        return []
    user, secret = username or "", password or ""
    forms = [
        user,
        secret,
        unquote(user),
        unquote(secret),
        quote(unquote(user), safe=""),
        quote(unquote(secret), safe=""),
    ]
    for pair in (f"{user}:{secret}", f"{unquote(user)}:{unquote(secret)}"):
        encoded = base64.b64encode(pair.encode()).decode()
        forms += [pair, encoded, encoded.rstrip("=")]
    return list(dict.fromkeys(form for form in forms if len(form) >= 2))


def url_credentials_warning(variable: str, key_variable: str | None) -> str | None:
    """A warning when the URL in environment variable ``variable`` holds a user name or password.

    Such credentials are sent to the server as HTTP Basic authentication on every request; the
    engine's key belongs in ``key_variable``. The warning never shows the credentials.
    """
    from urllib.parse import urlsplit

    url = env_secret(variable)
    if not url:
        return None
    try:
        parts = urlsplit(url)
        has_credentials = bool(parts.username or parts.password)
    except ValueError:
        return None
    if not has_credentials:
        return None
    where = (
        f"the key belongs in {key_variable}"
        if key_variable
        else "the engine's key belongs in its key variable"
    )
    return (
        f"{variable} holds a user name or password (sent to the server with every request); "
        f"{where}, and the URL should name only the server"
    )


def setting(config: dict[str, Any], key: str, default: Any, kind: type) -> Any:
    """``config[key]`` converted to ``kind`` (``default`` when absent); EngineError when malformed."""
    if key not in config:
        return default
    try:
        return kind(config[key])
    except (TypeError, ValueError) as exc:
        raise EngineError(f"engine setting {key} = {config[key]!r} is not a valid {kind.__name__}") from exc


def parse_retry_after(value: str | None) -> float | None:
    """Seconds from an HTTP Retry-After header (delta-seconds or HTTP date).

    >>> parse_retry_after("3"), parse_retry_after(None), parse_retry_after("soon")
    (3.0, None, None)
    """
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    import datetime as _dt
    from email.utils import parsedate_to_datetime

    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=_dt.UTC)
    return max(0.0, (when - _dt.datetime.now(_dt.UTC)).total_seconds())
