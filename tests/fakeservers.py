"""Local fake MT servers for tests and benchmarks (127.0.0.1, a free port, one thread).

One server speaks three APIs:

- LibreTranslate: ``POST /translate`` (JSON, form or query string; ``q`` a string or a list),
  ``GET /languages``;
- DeepL: ``POST /v2/translate`` (JSON or form; ``Authorization: DeepL-Auth-Key …``),
  ``GET /v2/languages``, ``GET /v2/usage``;
- Google Cloud Translation v2: ``POST /language/translate/v2``;
- DeepL glossaries (v2, as the official client calls them): ``GET``/``POST /v2/glossaries``,
  ``GET``/``DELETE /v2/glossaries/{id}``, ``GET /v2/glossaries/{id}/entries`` (TSV);
  every ``/v2/translate`` request's fields are kept in ``deepl_requests``, and a request with a
  ``glossary_id`` has the glossary's source terms replaced by their targets before translating;
- OpenAI chat completions: ``POST /v1/chat/completions`` (JSON body; the reply is a
  ``chat.completion`` object). Every request body is kept in ``chat_requests``. The answer's
  content comes from ``chat_answer(body)`` when set, else it is the JSON object
  ``{unit id: translate(text, target)}`` of the units in the last user message (transpub's
  ``llm`` engine sends them as JSON). ``refuse_json_schema`` answers 400 to a ``json_schema``
  ``response_format``, as servers without structured output do.

Its translation is deterministic: ``"[es] " + text`` (markup untouched). Faults are queued per
request with :meth:`FakeMT.queue` ("429", "500", "malformed", "drop", "empty", "slow", "html"
(a 502 error page in HTML), "html200" (the same page with 200), "short"/"long" (one translation
fewer/more than texts asked), "deep" (JSON arrays nested 100,000 deep)), a
``latency`` applies to every request, and ``fail_if`` (a test on a request's texts) answers
500 to every request it holds true for. ``paid`` counts every text answered successfully, so a
test can assert that nothing paid for is asked twice. ``heard`` keeps every request as received
(request line, headers, body), so a test can assert a secret never reached this server;
``redirect_to`` answers every POST with a 307 to that base URL (same path); the fault "echo"
answers 400 with the request's key (Authorization, X-goog-api-key or api_key) in the error (as
some servers do), "echo_late" the same after 160 characters of other words. Two faults answer
far too much, until the client hangs up or :data:`FLOOD_BYTES` have gone: "endless" (a 200 reply
that never ends, as a URL pointing at a huge file would) and "bomb" (one gzip member that
decodes to :data:`FLOOD_BYTES`, about a KB sent per MiB); ``flooded`` counts the bytes sent.
``fault_for`` (a test on a request's texts giving a fault name or None) chooses the fault of a
translation request by what it carries (queued faults go first).
"""

from __future__ import annotations

import collections
import contextlib
import functools
import json
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlparse

#: What the faults "endless" and "bomb" send at most (decoded): far more than a client should read.
FLOOD_BYTES = 128 * 2**20


@functools.cache
def _gzip_bomb() -> bytes:
    """FLOOD_BYTES of zeros as one gzip member (about 130 KB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)  # (31: gzip)
    mib = bytes(2**20)
    return b"".join(packer.compress(mib) for _ in range(FLOOD_BYTES // 2**20)) + packer.flush()


class FakeMT:
    """Context manager running the fake server; ``url`` is its base URL."""

    def __init__(
        self,
        latency: float = 0.0,
        retry_after: int = 1,
        slow_seconds: float = 2.0,
        api_key: str | None = None,
        translate=None,
    ) -> None:
        self.latency = latency
        self.retry_after = retry_after
        self.slow_seconds = slow_seconds
        self.api_key = api_key
        self.translate = translate or (lambda text, target: f"[{target.lower()}] {text}")
        self.faults: collections.deque[str] = collections.deque()
        self.default_fault: str | None = None
        self.fail_if = None  # callable(list of texts) -> bool: answer such requests with HTTP 500
        self.fault_for = None  # callable(list of texts) -> fault name or None
        self.flooded = 0  # bytes sent by the faults "endless" and "bomb"
        self.paid: collections.Counter[str] = collections.Counter()
        self.requests = 0
        self.request_log: list[tuple[str, list[str]]] = []
        self.deepl_requests: list[dict[str, Any]] = []
        self.glossaries: dict[str, dict[str, Any]] = {}
        self.refuse_glossaries = False  # answer 400 to a new glossary, as DeepL does for pairs it lacks
        self.chat_requests: list[dict[str, Any]] = []
        self.chat_answer = None  # callable(request body) -> content string
        self.refuse_json_schema = False
        self.heard: list[str] = []
        self.redirect_to: str | None = None
        self.lock = threading.Lock()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- control -----------------------------------------------------------------------
    def queue(self, *faults: str) -> None:
        """The next requests fail in these ways, one fault per request, in order."""
        with self.lock:
            self.faults.extend(faults)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def repeated(self) -> list[str]:
        """Texts that were successfully translated (paid) more than once."""
        return [text for text, n in self.paid.items() if n > 1]

    def __enter__(self) -> FakeMT:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                fake._handle(self, "GET")

            def do_POST(self) -> None:
                fake._handle(self, "POST")

            def do_DELETE(self) -> None:
                fake._handle(self, "DELETE")

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.handle_error = lambda request, address: None  # clients that vanish are expected
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- protocol ----------------------------------------------------------------------
    def _next_fault(self) -> str | None:
        with self.lock:
            self.requests += 1
            return self.faults.popleft() if self.faults else self.default_fault

    def _handle(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        parsed = urlparse(handler.path)
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        fields = _fields(parsed.query, raw, handler.headers.get("Content-Type", ""))
        with self.lock:
            self.heard.append(f"{handler.requestline}\n{handler.headers}\n{raw.decode(errors='replace')}")
        if self.latency:
            time.sleep(self.latency)
        route = parsed.path.rstrip("/")
        if route.startswith("/v2/glossaries"):
            return self._glossary(handler, method, route, fields)
        if method == "GET":
            if route == "/languages":
                return _send(
                    handler,
                    200,
                    [
                        {"code": c, "name": c, "targets": ["en", "es", "fr", "de"]}
                        for c in ("en", "es", "fr", "de")
                    ],
                )
            if route == "/v2/languages":
                return _send(handler, 200, [{"language": c, "name": c} for c in ("EN", "ES", "FR", "DE")])
            if route == "/v2/usage":
                return _send(
                    handler,
                    200,
                    {
                        "character_count": sum(len(t) * n for t, n in self.paid.items()),
                        "character_limit": 500000,
                    },
                )
            return _send(handler, 404, {"error": "not found"})
        if self.redirect_to is not None:
            return _send(handler, 307, {"moved": True}, {"Location": self.redirect_to + handler.path})
        fault = self._next_fault()
        if fault is None and self.fault_for is not None:
            texts = fields.get("q") or fields.get("text") or []
            fault = self.fault_for([texts] if isinstance(texts, str) else list(texts))
        if fault in ("echo", "echo_late"):
            said = handler.headers.get("Authorization") or handler.headers.get("X-goog-api-key")
            said = said or _one(fields.get("api_key"))
            before = ("The request could not be accepted. " * 5)[:160] if fault == "echo_late" else ""
            error = f"{before}unknown credentials: {said}"
            return _send(handler, 400, {"error": {"message": error} if "chat" in parsed.path else error})
        if fault == "slow":
            time.sleep(self.slow_seconds)
            fault = None
        if fault == "drop":
            handler.close_connection = True
            with contextlib.suppress(OSError):
                handler.connection.shutdown(2)
            return
        if fault == "429":
            return _send(handler, 429, {"error": "slow down"}, {"Retry-After": str(self.retry_after)})
        if fault == "500":
            return _send(handler, 500, {"error": "internal"})
        if fault in ("html", "html200"):  # a proxy's or load balancer's error page instead of JSON
            body = b"<!DOCTYPE html>\n<html><head><title>502 Bad Gateway</title></head>\n<body>nginx</body></html>"
            return _send_bytes(handler, 502 if fault == "html" else 200, body, "text/html")
        if fault == "deep":  # valid JSON, nested deeper than a parser's recursion goes
            body = b"[" * 100_000 + b"]" * 100_000
            return _send_bytes(handler, 200, body, "application/json")
        if fault in ("endless", "bomb"):
            return self._flood(handler, fault)
        if fault == "malformed":
            body = b'{"translatedText": ["unterminated'
            return _send_bytes(handler, 200, body, "application/json")
        if route == "/translate":
            texts, target = fields.get("q"), _one(fields.get("target"))
            if self.api_key and _one(fields.get("api_key")) != self.api_key:
                return _send(handler, 403, {"error": "Invalid API key"})
            single = isinstance(texts, str)
            texts = [texts] if single else list(texts or [])
            if self.fail_if is not None and self.fail_if(texts):
                return _send(handler, 500, {"error": "refused"})
            out = self._translate(route, texts, target, fault)
            return _send(handler, 200, {"translatedText": out[0] if single else out})
        if route == "/v1/chat/completions":
            return self._chat(handler, json.loads(raw or b"{}"), fault)
        if route == "/v2/translate":
            with self.lock:
                self.deepl_requests.append(dict(fields))
            if self.api_key and handler.headers.get("Authorization") != f"DeepL-Auth-Key {self.api_key}":
                return _send(handler, 403, {"message": "Wrong key"})
            texts = fields.get("text") or []
            texts = [texts] if isinstance(texts, str) else list(texts)
            if self.fail_if is not None and self.fail_if(texts):
                return _send(handler, 500, {"error": "refused"})
            glossary = self.glossaries.get(str(fields.get("glossary_id", "")), {}).get("entries", {})
            for source_term, target_term in sorted(glossary.items(), key=lambda kv: -len(kv[0])):
                texts = [text.replace(source_term, target_term) for text in texts]
            out = self._translate(route, texts, _one(fields.get("target_lang")), fault)
            return _send(
                handler,
                200,
                {
                    "translations": [
                        {"detected_source_language": "EN", "text": t, "billed_characters": len(t)}
                        for t in out
                    ]
                },
            )
        if route == "/language/translate/v2":
            if self.api_key and handler.headers.get("X-goog-api-key") != self.api_key:
                return _send(handler, 403, {"error": {"message": "API key not valid"}})
            texts = fields.get("q") or []
            texts = [texts] if isinstance(texts, str) else list(texts)
            if self.fail_if is not None and self.fail_if(texts):
                return _send(handler, 500, {"error": "refused"})
            out = self._translate(route, texts, _one(fields.get("target")), fault)
            return _send(handler, 200, {"data": {"translations": [{"translatedText": t} for t in out]}})
        return _send(handler, 404, {"error": "not found"})

    def _flood(self, handler: BaseHTTPRequestHandler, fault: str) -> None:
        """A 200 reply without a length, sent until the client hangs up or FLOOD_BYTES (decoded)
        have gone: plain text, or gzip members of a MiB of zeros each ("bomb")."""
        handler.close_connection = True
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Connection", "close")
        if fault == "bomb":
            handler.send_header("Content-Encoding", "gzip")
        handler.end_headers()
        if fault == "bomb":
            bomb = _gzip_bomb()
            chunks = (bomb[start : start + 1024] for start in range(0, len(bomb), 1024))
        else:
            chunks = (b'{"translatedText": "' + b"x" * (2**20 - 20) for _ in range(FLOOD_BYTES // 2**20))
        with contextlib.suppress(OSError):
            for chunk in chunks:
                handler.wfile.write(chunk)
                with self.lock:
                    self.flooded += len(chunk)
        return None

    def _glossary(self, handler: BaseHTTPRequestHandler, method: str, route: str, fields: dict) -> None:
        """DeepL's v2 glossary endpoints, kept in ``self.glossaries`` (id -> info with entries)."""
        parts = route.split("/")[3:]  # after /v2/glossaries
        with self.lock:
            if method == "POST" and not parts and self.refuse_glossaries:
                return _send(
                    handler, 400, {"message": "Unsupported glossary source and target language pair"}
                )
            if method == "POST" and not parts:
                glossary_id = f"g{len(self.glossaries) + 1}-{int(time.time() * 1000) % 100000}"
                entries = dict(
                    line.split("\t", 1) for line in str(fields.get("entries", "")).splitlines() if line
                )
                info = {
                    "glossary_id": glossary_id,
                    "name": fields.get("name"),
                    "ready": True,
                    "source_lang": str(fields.get("source_lang", "")).lower(),
                    "target_lang": str(fields.get("target_lang", "")).lower(),
                    "creation_time": "2026-01-01T00:00:00.000Z",
                    "entry_count": len(entries),
                }
                self.glossaries[glossary_id] = {**info, "entries": entries}
                return _send(handler, 201, info)
            if method == "GET" and not parts:
                listed = [{k: v for k, v in g.items() if k != "entries"} for g in self.glossaries.values()]
                return _send(handler, 200, {"glossaries": listed})
            found = self.glossaries.get(parts[0]) if parts else None
            if found is None:
                return _send(handler, 404, {"message": "Glossary not found"})
            if method == "DELETE":
                del self.glossaries[parts[0]]
                handler.send_response(204)
                handler.send_header("Content-Length", "0")
                handler.end_headers()
                return None
            if parts[1:] == ["entries"]:
                body = "\n".join(f"{k}\t{v}" for k, v in found["entries"].items()).encode()
                return _send_bytes(handler, 200, body, "text/tab-separated-values")
            return _send(handler, 200, {k: v for k, v in found.items() if k != "entries"})

    def _chat(self, handler: BaseHTTPRequestHandler, body: dict[str, Any], fault: str | None) -> None:
        """One OpenAI chat completion (``fault`` already applied for transport faults)."""
        with self.lock:
            self.chat_requests.append(body)
        kind = (body.get("response_format") or {}).get("type")
        if self.refuse_json_schema and kind == "json_schema":
            error = {
                "message": "response_format json_schema is not supported by this server",
                "type": "invalid_request_error",
                "param": "response_format",
                "code": None,
            }
            return _send(handler, 400, {"error": error})
        if self.chat_answer is not None:
            content = self.chat_answer(body)
        else:
            request = json.loads(body["messages"][-1]["content"])
            target = request.get("target", {}).get("code", "xx")
            content = json.dumps(
                {u["id"]: self.translate(u["text"], target) for u in request.get("units", [])},
                ensure_ascii=False,
            )
            with self.lock:
                for unit in request.get("units", []):
                    self.paid[unit["text"]] += 1
        reply = {
            "id": f"chatcmpl-{len(self.chat_requests)}",
            "object": "chat.completion",
            "created": int(time.time()),
            "model": body.get("model", "fake"),
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": content},
                    "finish_reason": "stop",
                    "logprobs": None,
                }
            ],
            "usage": {"prompt_tokens": 10, "completion_tokens": 10, "total_tokens": 20},
        }
        return _send(handler, 200, reply)

    def _translate(self, route: str, texts: list[str], target: str | None, fault: str | None) -> list[str]:
        with self.lock:
            self.request_log.append((route, texts))
            for text in texts:
                self.paid[text] += 1
        if fault == "empty":
            return ["" for _ in texts]
        if fault == "short":  # one translation fewer than texts asked
            return [self.translate(text, target or "xx") for text in texts[:-1]]
        if fault == "long":  # one translation more than texts asked
            return [self.translate(text, target or "xx") for text in [*texts, "extra"]]
        return [self.translate(text, target or "xx") for text in texts]


def _one(value: Any) -> Any:
    return value[0] if isinstance(value, list) and len(value) == 1 else value


def _fields(query: str, raw: bytes, content_type: str) -> dict[str, Any]:
    fields: dict[str, Any] = {k: (v if len(v) > 1 else v[0]) for k, v in parse_qs(query).items()}
    if raw:
        if "json" in content_type:
            with contextlib.suppress(ValueError):
                fields.update(json.loads(raw))
        else:
            fields.update(
                {
                    k: (v if len(v) > 1 or k in ("text", "q") else v[0])
                    for k, v in parse_qs(raw.decode()).items()
                }
            )
    return fields


def _send(
    handler: BaseHTTPRequestHandler, status: int, payload: Any, headers: dict[str, str] | None = None
) -> None:
    _send_bytes(
        handler, status, json.dumps(payload, ensure_ascii=False).encode(), "application/json", headers
    )


def _send_bytes(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str,
    headers: dict[str, str] | None = None,
) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    handler.send_header("Content-Length", str(len(body)))
    for key, value in (headers or {}).items():
        handler.send_header(key, value)
    handler.end_headers()
    handler.wfile.write(body)
