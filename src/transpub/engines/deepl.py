"""DeepL through the official ``deepl`` package.

deep-translator's DeepL adapter still sends the key as a query parameter, which DeepL no
longer accepts (deep-translator issue #304), so the official client is used. It has its own
retry loop that ignores Retry-After; it is turned off here (``max_network_retries = 0``, a
module setting of the package) so the shared runner retries with the same policy as every other
engine, and a wrapper around the client session's ``send`` records Retry-After. ``server_url`` (config,
or TRANSPUB_DEEPL_URL) points it at another server, e.g. the tests' fake server.
Masking uses DeepL's XML tag handling.
"""

from __future__ import annotations

import threading
from typing import Any

from ..errors import EngineError
from .base import (
    DEFAULT_TIMEOUT,
    TransientEngineError,
    env_secret,
    language_of,
    parse_retry_after,
    redact,
    setting,
    url_secrets,
)

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


class DeepLEngine:
    """DeepL API (free or pro; the key decides the server unless ``server_url`` is set)."""

    name = "deepl"
    markup = "xml"

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        config = config or {}
        self.api_key = env_secret("TRANSPUB_DEEPL_API_KEY")
        self.server_url = env_secret("TRANSPUB_DEEPL_URL") or config.get("server_url")
        # what never appears in a message: the key, and a server URL from the environment (it may
        # hold a proxy's token)
        self._secrets = [self.api_key, *url_secrets(env_secret("TRANSPUB_DEEPL_URL"))]
        self.timeout = setting(config, "timeout", DEFAULT_TIMEOUT, float)
        self.batch_size = setting(config, "batch_size", 50, int)
        self.max_chars = setting(config, "max_chars", 30_000, int)
        self.price_per_million = setting(
            config, "price_per_million", 0.0, float
        )  # no built-in price: prices change
        self.formality = config.get("formality")
        self._translator: Any = None
        self._lock = threading.Lock()

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
                send = session.send

                def send_and_remember(request: Any, **kwargs: Any) -> Any:
                    response = send(request, **kwargs)
                    _remember_retry_after(response)
                    return response

                session.send = send_and_remember
            return self._translator

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """One translate_text call carrying every text, with XML tag handling."""
        if not self.api_key:
            raise EngineError("deepl: no API key (set TRANSPUB_DEEPL_API_KEY)")
        import deepl

        translator = self._client()
        _local.retry_after = None
        options: dict[str, Any] = {"tag_handling": "xml"}
        if self.formality:
            options["formality"] = self.formality
        try:
            results = translator.translate_text(
                texts, source_lang=language_of(source).upper(), target_lang=deepl_target(target), **options
            )
        except (deepl.TooManyRequestsException, deepl.ConnectionException) as exc:
            raise TransientEngineError(
                redact(f"deepl: {exc}", self._secrets), retry_after=getattr(_local, "retry_after", None)
            ) from None
        except deepl.AuthorizationException:
            raise EngineError("deepl: the API key was refused") from None
        except deepl.QuotaExceededException:
            raise EngineError("deepl: the character quota is used up") from None
        except deepl.DeepLException as exc:
            message = redact(str(exc), self._secrets)
            status = getattr(exc, "http_status_code", None)
            if getattr(exc, "should_retry", False) or (status is not None and status >= 500):
                raise TransientEngineError(
                    f"deepl: {message}", retry_after=getattr(_local, "retry_after", None)
                ) from None
            raise EngineError(f"deepl: {message}") from None
        except (ValueError, TypeError) as exc:
            raise TransientEngineError(f"deepl: malformed reply ({type(exc).__name__})") from None
        except Exception as exc:  # anything else the client lets through (e.g. from requests)
            raise EngineError(redact(f"deepl: {type(exc).__name__}: {exc}", self._secrets)[:300]) from None
        if not isinstance(results, list):
            results = [results]
        if len(results) != len(texts):
            raise TransientEngineError(
                f"deepl: malformed reply ({len(results)} translations for {len(texts)} texts)"
            )
        return [getattr(r, "text", None) for r in results]
