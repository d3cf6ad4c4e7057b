"""LibreTranslate and Google Cloud Translation v2, called directly over HTTP.

Both APIs take a list of texts in one request, so calling them directly (with a timeout on
every request) is both faster and more dependable than deep-translator, which sends one
request per text and never times out. Secrets come only from the environment:
``TRANSPUB_LIBRE_URL``, ``TRANSPUB_LIBRE_API_KEY``, ``TRANSPUB_GOOGLE_API_KEY`` (the Google key
is sent in the ``X-goog-api-key`` header, never in a URL, so it cannot leak into a message).
"""

from __future__ import annotations

from typing import Any

from ..errors import EngineError
from .base import EngineBase, env_secret, language_of, url_credentials_warning, url_secrets
from .http import post_json, server_named


class LibreEngine(EngineBase):
    """A LibreTranslate server (self-hosted or a paid instance)."""

    name = "libre"
    configurable = (*EngineBase.configurable, "markup")  # "token" for servers that mangle tags

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        config = config or {}
        self.url = (env_secret("TRANSPUB_LIBRE_URL") or str(config.get("url", ""))).rstrip("/")
        self.api_key = env_secret("TRANSPUB_LIBRE_API_KEY")
        self.read_settings(config)
        #: what the user should know before anything is sent (credentials written in the URL)
        self.warnings = _warnings(url_credentials_warning("TRANSPUB_LIBRE_URL", "TRANSPUB_LIBRE_API_KEY"))

    def is_configured(self) -> bool:
        """True when a server URL is set (TRANSPUB_LIBRE_URL or ``url``)."""
        return bool(self.url)

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """Unknown without asking the server."""
        return None

    def supports(self, source: str, target: str) -> bool:
        """Assumed true; the server refuses unknown pairs with a clear message."""
        return True

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """One POST /translate carrying every text."""
        if not self.url:
            raise EngineError("libre: no server URL (set TRANSPUB_LIBRE_URL)")
        body: dict[str, Any] = {
            "q": texts,
            "source": language_of(source),
            "target": language_of(target),
            "format": "html" if self.markup == "xml" else "text",
        }
        if self.api_key:
            body["api_key"] = self.api_key
        reply = post_json(
            f"{self.url}/translate",
            json=body,
            timeout=self.timeout,
            secrets=[self.api_key, *url_secrets(env_secret("TRANSPUB_LIBRE_URL"))],
            what="libre",
            server=server_named("TRANSPUB_LIBRE_URL"),
        )
        translated = reply.get("translatedText") if isinstance(reply, dict) else None
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if not isinstance(translated, list):
            raise EngineError("libre: the reply has no translatedText list")
        return [t if isinstance(t, str) else None for t in translated]


def _warnings(*found: str | None) -> list[str]:
    return [warning for warning in found if warning]


GOOGLE_URL = "https://translation.googleapis.com/language/translate/v2"


class GoogleCloudEngine(EngineBase):
    """Google Cloud Translation v2 with an API key (TRANSPUB_GOOGLE_API_KEY)."""

    name = "google"
    markup = "xml"
    batch_size = 128

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        config = config or {}
        self.url = env_secret("TRANSPUB_GOOGLE_URL") or str(config.get("url", GOOGLE_URL))
        self.api_key = env_secret("TRANSPUB_GOOGLE_API_KEY")
        self.read_settings(config)  # no built-in price: prices change
        self.warnings = _warnings(url_credentials_warning("TRANSPUB_GOOGLE_URL", "TRANSPUB_GOOGLE_API_KEY"))

    def is_configured(self) -> bool:
        """True when TRANSPUB_GOOGLE_API_KEY is set."""
        return bool(self.api_key)

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """Any pair of Google's languages (deep-translator's table lists them)."""
        return None

    def supports(self, source: str, target: str) -> bool:
        """Assumed true; Google answers 400 for an unknown language."""
        return True

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """One POST carrying every text, ``format=html`` so masking tags survive."""
        if not self.api_key:
            raise EngineError("google: no API key (set TRANSPUB_GOOGLE_API_KEY)")
        body = {"q": texts, "source": language_of(source), "target": google_code(target), "format": "html"}
        reply = post_json(
            self.url,
            json=body,
            headers={"X-goog-api-key": self.api_key},
            timeout=self.timeout,
            secrets=[self.api_key, *url_secrets(env_secret("TRANSPUB_GOOGLE_URL"))],
            what="google",
            server=server_named("TRANSPUB_GOOGLE_URL"),
        )
        try:
            items = reply["data"]["translations"]
            return [item.get("translatedText") if isinstance(item, dict) else None for item in items]
        except (KeyError, TypeError):
            raise EngineError("google: the reply has no data.translations") from None


def google_code(locale: str) -> str:
    """Google's code for a gettext locale.

    >>> google_code("zh_CN"), google_code("pt_BR"), google_code("de")
    ('zh-CN', 'pt', 'de')
    """
    if locale in ("zh_CN", "zh_TW"):
        return locale.replace("_", "-")
    return language_of(locale)
