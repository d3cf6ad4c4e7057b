"""One JSON request with a timeout, its failure sorted into "retry" or "give up".

Used by the adapters that talk to HTTP APIs themselves (LibreTranslate, Google Cloud
Translation v2): calling those APIs directly is the dependable way because both accept many
texts per request (deep-translator sends one request per text and sets no timeout).

Every reply body is read as a stream and given up past :func:`reply_limit` bytes (counted after
gzip or deflate decoding, by :func:`read_capped`, which the DeepL and ``llm`` adapters use on
their clients' replies too): a broken server, or a URL that points at a large file, cannot fill
the memory.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from ..errors import EngineError
from .base import TransientEngineError, env_secret, one_line, parse_retry_after, redact

_local = threading.local()

#: The reply bytes (decoded) read whatever the request: far more than a translation or an error
#: page needs, and a reply that is merely too long to be a translation of its text (a proxy's
#: page, a model that goes on) still arrives, to be rejected and kept as paid for.
REPLY_ALLOWANCE = 8 * 1024 * 1024
#: The reply bytes allowed per byte sent on top: an answer 10 times the length of its text
#: (translate.ANSWER_LENGTH_RATIO) written as JSON escapes of 6 bytes a character, rounded up,
#: so a batch made large with ``max_chars`` still fits.
REPLY_RATIO = 64
_CHUNK = 64 * 1024


def reply_limit(sent: int) -> int:
    """The most reply bytes (decoded) read for a request of ``sent`` bytes.

    >>> reply_limit(0), reply_limit(1000)
    (8388608, 8452608)
    """
    return REPLY_ALLOWANCE + REPLY_RATIO * sent


def sent_size(request: Any) -> int:
    """The bytes of a request's body: requests' ``PreparedRequest.body``, httpx's
    ``Request.content`` (0 for none, or for a body not read yet)."""
    try:
        body = request.body if isinstance(request, requests.PreparedRequest) else request.content
    except Exception:  # (httpx's RequestNotRead; None: no request)
        return 0
    if isinstance(body, str):
        return len(body.encode("utf-8"))
    return len(body) if isinstance(body, bytes) else 0


def server_named(variable: str) -> str | None:
    """How a message names a server: the environment variable its address comes from when
    that is set (its host may be a secret), else None (its address, see :func:`server_of`)."""
    return f"the server of {variable}" if env_secret(variable) else None


def too_long_error(
    url: str, limit: int, sent: int, what: str, secrets: Sequence[str | None], server: str | None
) -> EngineError:
    """The error for a reply longer than ``limit`` to a request of ``sent`` bytes to ``url``, naming
    the server: ``server``, else its address (never the path or query)."""
    server = server or server_of(url) or "the server"
    return EngineError(
        redact(
            f"{what}: {server} sent more than {limit / 2**20:.1f} MiB in reply to {sent:,} bytes; "
            "transpub stopped reading, as no translation is that long: check the address configured",
            list(secrets),
        )
    )


def read_capped(
    response: Any,
    limit: int,
    what: str,
    secrets: Sequence[str | None] = (),
    server: str | None = None,
) -> None:
    """Read the body of a reply not read yet (of requests, streamed, or of httpx, in a response
    hook), at most ``limit`` bytes after decoding, so that its ``content``, ``text`` and ``json()``
    work as for one read whole; EngineError (the connection closed) when the server sends more.

    Both libraries decode gzip and deflate a bounded piece at a time, so a small compressed body
    that would decode to gigabytes stops at ``limit`` too.
    """
    chunks: list[bytes] = []
    size = 0
    pieces = (
        response.iter_content(_CHUNK) if isinstance(response, requests.Response) else response.iter_bytes()
    )
    try:
        for chunk in pieces:
            size += len(chunk)
            if size > limit:
                sent = sent_size(response.request)
                raise too_long_error(str(response.url or ""), limit, sent, what, secrets, server)
            chunks.append(chunk)
    except BaseException:
        response.close()
        raise
    response._content = b"".join(chunks)  # what either library sets when it reads the body itself


def _session() -> requests.Session:
    """One pooled session per thread (requests sessions are not documented as thread-safe)."""
    session = getattr(_local, "session", None)
    if session is None:
        session = requests.Session()
        _local.session = session
    return session


def post_json(
    url: str,
    *,
    timeout: float,
    json: Any = None,
    data: Any = None,
    headers: dict[str, str] | None = None,
    secrets: Sequence[str | None] = (),
    what: str = "engine",
    server: str | None = None,
) -> Any:
    """POST and return the decoded JSON reply.

    Raises TransientEngineError for timeouts, dropped connections, 429, 5xx and malformed JSON,
    EngineError for other 4xx replies and for a reply longer than :func:`reply_limit` (naming
    ``server``, else the address). Messages never contain ``secrets``.
    """
    try:
        response = _session().post(
            url, json=json, data=data, headers=headers, timeout=timeout, allow_redirects=False, stream=True
        )
        read_capped(response, reply_limit(sent_size(response.request)), what, secrets, server)
    except requests.Timeout:
        raise TransientEngineError(f"{what}: no reply within {timeout:g} s") from None
    except requests.ConnectionError as exc:
        raise connection_failed(what, url, server, exc, secrets) from None
    except requests.RequestException as exc:
        raise EngineError(redact(f"{what}: request failed ({exc})", list(secrets))) from None
    return decode_reply(response, what=what, secrets=list(secrets))


def get_json(
    url: str,
    *,
    timeout: float,
    params: Any = None,
    headers: dict[str, str] | None = None,
    secrets: Sequence[str | None] = (),
    what: str = "engine",
    server: str | None = None,
) -> Any:
    """GET counterpart of :func:`post_json`."""
    try:
        response = _session().get(
            url, params=params, headers=headers, timeout=timeout, allow_redirects=False, stream=True
        )
        read_capped(response, reply_limit(0), what, secrets, server)
    except requests.Timeout:
        raise TransientEngineError(f"{what}: no reply within {timeout:g} s") from None
    except requests.ConnectionError as exc:
        raise connection_failed(what, url, server, exc, secrets) from None
    except requests.RequestException as exc:
        raise EngineError(redact(f"{what}: request failed ({exc})", list(secrets))) from None
    return decode_reply(response, what=what, secrets=list(secrets))


def connection_failed(
    what: str, url: str, server: str | None, exc: Exception, secrets: Sequence[str | None]
) -> TransientEngineError:
    """The error for a connection to ``url`` that failed, naming the server as :func:`too_long_error`
    does (``server``, else its address), so that a CI log says which setting to look at."""
    where = server or server_of(url)
    to = f" to {where}" if where else ""
    return TransientEngineError(
        redact(f"{what}: connection failed{to} ({type(exc).__name__})", list(secrets))
    )


def server_of(url: str) -> str:
    """``url``'s scheme, host and port, the part of an address a message may show (a user name,
    password, path or query may carry secrets).

    >>> server_of("http://user:pw@127.0.0.1:8080/v1?key=x"), server_of("https://api.example/v2"), server_of("")
    ('http://127.0.0.1:8080', 'https://api.example', '')
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return ""
    if not parts.hostname:
        return ""
    return f"{parts.scheme}://{parts.hostname}{f':{port}' if port else ''}"


def redirect_error(response: Any, what: str, secrets: Sequence[str | None]) -> EngineError | None:
    """The error for a reply (of requests or httpx) that redirects, None for any other reply.

    No engine follows a redirect: the key (in a header, in a JSON body or in the URL) would go
    along to wherever the server points, another host included. The message names the host
    redirected to (never the path or query, which may carry tokens) and what to do.
    """
    if not response.is_redirect:
        return None
    url = str(response.url or "")
    here = urlsplit(url)
    there = urlsplit(urljoin(url, response.headers.get("Location", "")))
    if (there.scheme, there.hostname, there.port) == (here.scheme, here.hostname, here.port):
        where = "another address on the same server"
    else:
        where = f"another host ({there.scheme}://{there.hostname}{f':{there.port}' if there.port else ''})"
    return EngineError(
        redact(
            f"{what}: the server redirects (HTTP {response.status_code}) to {where}; transpub does not "
            "follow redirects, so that the key never goes elsewhere: configure the address that answers",
            list(secrets),
        )
    )


def decode_reply(response: requests.Response, *, what: str, secrets: list[str | None]) -> Any:
    """The JSON of a 2xx reply; the right error otherwise."""
    redirect = redirect_error(response, what, secrets)
    if redirect is not None:
        raise redirect
    status = response.status_code
    if status == 429 or status >= 500:
        raise TransientEngineError(
            f"{what}: HTTP {status}",
            retry_after=parse_retry_after(response.headers.get("Retry-After")),
            status=status,
        )
    if status in (401, 403):
        raise EngineError(f"{what}: HTTP {status}: the API key was refused")
    if status >= 400:
        # redacted whole, then cut: a cut first could leave the start of a key the server echoed
        raise EngineError(one_line(redact(f"{what}: HTTP {status}: {response.text}", secrets), 300))
    try:
        return response.json()
    except (ValueError, RecursionError):  # (RecursionError: arrays nested thousands deep)
        page = one_line(response.text[:4000])
        said = f": {page}" if page.startswith("an HTML page") else ""
        raise TransientEngineError(f"{what}: the reply is not valid JSON{said}", status=status) from None
