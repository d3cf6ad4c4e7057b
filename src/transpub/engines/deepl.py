"""DeepL through the official ``deepl`` package.

deep-translator's DeepL adapter still sends the key as a query parameter, which DeepL no
longer accepts (deep-translator issue #304), so the official client is used. It has its own
retry loop that ignores Retry-After; it is turned off here (``max_network_retries = 0``, a
module setting of the package) so the shared runner retries with the same policy as every other
engine, and a wrapper around the client session's ``send`` records Retry-After and reads
every reply at most :func:`~transpub.engines.http.reply_limit` bytes. ``server_url`` (config,
or TRANSPUB_DEEPL_URL) points it at another server, e.g. the tests' fake server.
Placeholders go as XML tags (``<x1>…</x1>``, ``<x2/>``) with ``tag_handling="xml"``.

Glossary terms are not masked: :meth:`DeepLEngine.use_glossary` makes (or finds) a DeepL
glossary for the language pair from the project glossary, named after a hash of its entries,
so an unchanged glossary is reused and a changed one replaces the old. Each request carries the
paragraph of its texts as ``context`` and the locale's ``formality``.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Any

from ..errors import EngineError
from .base import (
    EngineBase,
    TransientEngineError,
    UnitContext,
    env_secret,
    language_of,
    one_line,
    parse_retry_after,
    redact,
    url_credentials_warning,
    url_secrets,
)
from .http import read_capped, redirect_error, reply_limit, sent_size, server_named

#: The start of the names of the glossaries transpub makes (then "EN-DE <hash>").
GLOSSARY_PREFIX = "transpub"

_local = threading.local()

#: Targets DeepL wants with a variant.
TARGET_CODES = {
    "en": "EN-US",
    "en_GB": "EN-GB",
    "en_US": "EN-US",
    "pt": "PT-PT",
    "pt_BR": "PT-BR",
    "pt_PT": "PT-PT",
    "zh": "ZH-HANS",
    "zh_CN": "ZH-HANS",
    "zh_TW": "ZH-HANT",
}


def deepl_target(locale: str) -> str:
    """DeepL's target code for a gettext locale.

    >>> deepl_target("pt_BR"), deepl_target("es"), deepl_target("en")
    ('PT-BR', 'ES', 'EN-US')
    """
    return TARGET_CODES.get(locale) or TARGET_CODES.get(language_of(locale)) or language_of(locale).upper()


def _remember_retry_after(response: Any, *args: Any, **kwargs: Any) -> None:
    _local.retry_after = parse_retry_after(response.headers.get("Retry-After"))
    kind = str(response.headers.get("Content-Type", ""))
    # an HTML page (a proxy's error page) said as such when the client finds no translations in it
    _local.page = one_line(response.text[:4000]) if "html" in kind.lower() else None


class DeepLEngine(EngineBase):
    """DeepL API (free or pro; the key decides the server unless ``server_url`` is set)."""

    name = "deepl"
    markup = "xml"
    context_per_request = True  # DeepL takes one context per request
    max_chars = 30_000

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        config = config or {}
        self.api_key = env_secret("TRANSPUB_DEEPL_API_KEY")
        self.server_url = env_secret("TRANSPUB_DEEPL_URL") or config.get("server_url")
        # what never appears in a message: the key, and a server URL from the environment (it may
        # hold a proxy's token)
        self._secrets = [self.api_key, *url_secrets(env_secret("TRANSPUB_DEEPL_URL"))]
        self.read_settings(config)  # no built-in price: prices change
        warning = url_credentials_warning("TRANSPUB_DEEPL_URL", "TRANSPUB_DEEPL_API_KEY")
        self.warnings = [warning] if warning else []
        self.formality = config.get("formality")
        self._translator: Any = None
        self._lock = threading.Lock()
        self._glossaries: dict[tuple[str, str], str] = {}  # (source, target) -> DeepL glossary id

    def is_configured(self) -> bool:
        """True when TRANSPUB_DEEPL_API_KEY is set."""
        return bool(self.api_key)

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """Not listed offline (DeepL's /v2/languages knows)."""
        return None

    def supports(self, source: str, target: str) -> bool:
        """Assumed true; DeepL refuses unknown languages with a clear message."""
        return True

    def _client(self) -> Any:
        with self._lock:
            if self._translator is None:
                import deepl
                import deepl.http_client

                deepl.http_client.max_network_retries = 0
                deepl.http_client.min_connection_timeout = self.timeout
                self._translator = deepl.Translator(
                    self.api_key or "", server_url=self.server_url, send_platform_info=False
                )
                session = self._translator._client._session
                server = server_named("TRANSPUB_DEEPL_URL")
                send = session.send

                def send_and_remember(request: Any, **kwargs: Any) -> Any:
                    kwargs["allow_redirects"] = False  # the key must not follow a redirect anywhere
                    streamed = kwargs.get("stream", False)
                    kwargs["stream"] = True  # read here, at most reply_limit bytes
                    response = send(request, **kwargs)
                    _local.refused = redirect_error(response, "deepl", self._secrets)
                    if _local.refused is None and not streamed:
                        limit = reply_limit(sent_size(request))
                        try:
                            read_capped(response, limit, "deepl", self._secrets, server)
                        except EngineError as exc:
                            _local.refused = exc
                    if _local.refused is not None:
                        response.close()
                        raise _local.refused
                    _remember_retry_after(response)
                    return response

                session.send = send_and_remember
            return self._translator

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """One translate_text call carrying every text, with XML tag handling."""
        return self.translate_units(texts, [UnitContext() for _ in texts], source, target)

    def use_glossary(self, entries: dict[str, str], source: str, target: str) -> bool:
        """Use a DeepL glossary of ``entries`` (source term -> required rendering) for this pair:
        the one named after their hash if DeepL has it, else a new one (older transpub
        glossaries of the pair are deleted). False when DeepL has no glossaries for the pair
        (the terms are then masked)."""
        if not entries:
            return False
        if not self.api_key:
            raise EngineError("deepl: no API key (set TRANSPUB_DEEPL_API_KEY)")
        src, tgt = language_of(source).upper(), language_of(target).upper()
        name = f"{GLOSSARY_PREFIX} {src}-{tgt} {glossary_hash(entries)}"
        translator = self._client()

        def call() -> list[str | None]:
            found = [
                g
                for g in translator.list_glossaries()
                if g.name.startswith(f"{GLOSSARY_PREFIX} {src}-{tgt} ")
            ]
            current = next((g for g in found if g.name == name and g.ready), None)
            if current is None:
                current = translator.create_glossary(name, src, tgt, entries)
            for old in found:
                if old.glossary_id != current.glossary_id:
                    translator.delete_glossary(old.glossary_id)
            return [current.glossary_id]

        try:
            [glossary_id] = self._call(call)
        except EngineError as exc:
            if exc.message.startswith("deepl: Bad request"):  # e.g. no glossaries for this pair
                return False
            raise
        self._glossaries[(source, target)] = str(glossary_id)
        return True

    def translate_units(
        self, texts: list[str], contexts: list[UnitContext], source: str, target: str
    ) -> list[str | None]:
        """One translate_text call: the paragraph as ``context``, the locale's formality, the
        pair's glossary (see :meth:`use_glossary`)."""
        if not self.api_key:
            raise EngineError("deepl: no API key (set TRANSPUB_DEEPL_API_KEY)")
        translator = self._client()
        options: dict[str, Any] = {"tag_handling": "xml"}
        formality = next((c.formality for c in contexts if c.formality), None) or self.formality
        if formality:
            options["formality"] = formality
        context = next((c.paragraph for c in contexts if c.paragraph), "")
        if context:
            options["context"] = context
        glossary_id = self._glossaries.get((source, target))
        if glossary_id:
            options["glossary"] = glossary_id
        results = self._call(
            lambda: translator.translate_text(
                texts, source_lang=language_of(source).upper(), target_lang=deepl_target(target), **options
            )
        )
        if not isinstance(results, list):
            results = [results]
        if not results and texts:
            page = getattr(_local, "page", None)
            said = f"the reply is not valid JSON: {page}" if page else "malformed reply (no translations)"
            raise TransientEngineError(f"deepl: {said}")
        if len(results) != len(texts):  # (asking again would pay again for the same wrong count)
            raise EngineError(f"deepl: malformed reply ({len(results)} translations for {len(texts)} texts)")
        return [getattr(r, "text", None) for r in results]

    def _call(self, call: Any) -> Any:
        """Run one client call, its failure sorted into "retry" or "give up"."""
        import deepl

        _local.retry_after = None
        _local.refused = None
        _local.page = None
        try:
            return call()
        except (deepl.TooManyRequestsException, deepl.ConnectionException) as exc:
            if getattr(_local, "refused", None) is not None:  # raised in send, wrapped by the client
                raise _local.refused from None
            raise TransientEngineError(
                one_line(redact(f"deepl: {exc}", self._secrets), 300),
                retry_after=getattr(_local, "retry_after", None),
            ) from None
        except deepl.AuthorizationException:
            raise EngineError("deepl: the API key was refused") from None
        except deepl.QuotaExceededException:
            raise EngineError("deepl: the character quota is used up") from None
        except deepl.DeepLException as exc:
            message = one_line(redact(str(exc), self._secrets), 300)
            status = getattr(exc, "http_status_code", None)
            if getattr(exc, "should_retry", False) or (status is not None and status >= 500):
                raise TransientEngineError(
                    f"deepl: {message}", retry_after=getattr(_local, "retry_after", None)
                ) from None
            raise EngineError(f"deepl: {message}") from None
        except (ValueError, TypeError) as exc:
            raise TransientEngineError(f"deepl: malformed reply ({type(exc).__name__})") from None
        except Exception as exc:  # anything else the client lets through (e.g. from requests)
            raise EngineError(
                one_line(redact(f"deepl: {type(exc).__name__}: {exc}", self._secrets), 300)
            ) from None


def glossary_hash(entries: dict[str, str]) -> str:
    """A short hash of glossary entries, independent of their order.

    >>> glossary_hash({"a": "b", "c": "d"}) == glossary_hash({"c": "d", "a": "b"}) != glossary_hash({"a": "x"})
    True
    """
    text = "\n".join(f"{k}\t{v}" for k, v in sorted(entries.items()))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
