"""The sentence-translating services of deep-translator, made dependable.

deep-translator calls ``requests.get``/``requests.post`` without a timeout and raises
exceptions that do not carry the HTTP status. Each deep-translator service module is given,
in place of its ``requests`` name, a small proxy (:class:`_TimedRequests`) that adds the
engine's timeout to every call and remembers the last response of the thread; only
deep-translator's own modules see the proxy, the rest of the process keeps plain ``requests``.
From the remembered status the adapter tells retryable failures (429, 5xx, no reply) from
permanent ones. deep-translator sends one request per text, so ``batch_size`` is 1 and the
runner supplies throughput with concurrent requests.

Secrets come only from environment variables (``TRANSPUB_<ENGINE>_API_KEY`` and friends) and
are scrubbed from every message (deep-translator puts the key into some of its own).
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from dataclasses import dataclass
from typing import Any, Callable

import requests

from ..errors import EngineError
from .base import DEFAULT_TIMEOUT, TransientEngineError, env_secret, language_of, parse_retry_after, redact, setting

_local = threading.local()


class _TimedRequests:
    """Stands in for the ``requests`` module inside deep-translator's service modules."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def _call(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", getattr(_local, "timeout", DEFAULT_TIMEOUT))
        _local.response = None
        response = requests.request(method, url, **kwargs)
        _local.response = response
        return response

    def get(self, url: str, **kwargs: Any) -> requests.Response:
        return self._call("GET", url, **kwargs)

    def post(self, url: str, **kwargs: Any) -> requests.Response:
        return self._call("POST", url, **kwargs)


_PROXY = _TimedRequests()


@dataclass(frozen=True)
class Service:
    """How to build one deep-translator service."""

    module: str
    cls: str
    env: dict[str, str]          # constructor argument -> environment variable
    languages: str | None        # name of the language table in deep_translator.constants
    max_chars: int = 5000
    optional_env: dict[str, str] | None = None
    package: tuple[str, str] | None = None  # (module it imports, what to pip install)


SERVICES: dict[str, Service] = {
    "google-free": Service("google", "GoogleTranslator", {}, "GOOGLE_LANGUAGES_TO_CODES", 4999),
    "microsoft": Service("microsoft", "MicrosoftTranslator", {"api_key": "TRANSPUB_MICROSOFT_API_KEY"}, None, 50000,
                         {"region": "TRANSPUB_MICROSOFT_REGION"}),
    "mymemory": Service("mymemory", "MyMemoryTranslator", {}, "MY_MEMORY_LANGUAGES_TO_CODES", 499,
                        {"email": "TRANSPUB_MYMEMORY_EMAIL"}),
    "libre-dt": Service("libre", "LibreTranslator", {"api_key": "TRANSPUB_LIBRE_API_KEY", "custom_url": "TRANSPUB_LIBRE_URL"},
                        "LIBRE_LANGUAGES_TO_CODES", 5000),
    "yandex": Service("yandex", "YandexTranslator", {"api_key": "TRANSPUB_YANDEX_API_KEY"}, None, 10000),
    "papago": Service("papago", "PapagoTranslator", {"client_id": "TRANSPUB_PAPAGO_CLIENT_ID",
                                                     "secret_key": "TRANSPUB_PAPAGO_API_KEY"}, "PAPAGO_LANGUAGE_TO_CODE", 5000),
    "baidu": Service("baidu", "BaiduTranslator", {"appid": "TRANSPUB_BAIDU_APPID", "appkey": "TRANSPUB_BAIDU_API_KEY"},
                     "BAIDU_LANGUAGE_TO_CODE", 6000),
    "qcri": Service("qcri", "QcriTranslator", {"api_key": "TRANSPUB_QCRI_API_KEY"}, "QCRI_LANGUAGE_TO_CODE", 5000),
    # deep-translator calls the legacy openai.ChatCompletion API, gone from openai 1.0 on.
    "chatgpt": Service("chatgpt", "ChatGptTranslator", {"api_key": "TRANSPUB_CHATGPT_API_KEY"}, None, 4000,
                       package=("openai", "openai<1")),
}


def _install_proxy(module_name: str) -> Any:
    module = importlib.import_module(f"deep_translator.{module_name}")
    if getattr(module, "requests", None) is not _PROXY and hasattr(module, "requests"):
        module.requests = _PROXY
    return module


class DeepTranslatorEngine:
    """One deep-translator service behind the transpub engine protocol."""

    markup = "token"
    batch_size = 1

    def __init__(self, name: str, config: dict[str, Any] | None = None,
                 factory: Callable[..., Any] | None = None) -> None:
        if name not in SERVICES:
            raise EngineError(f"unknown deep-translator service {name!r}")
        config = config or {}
        self.name = name
        self.service = SERVICES[name]
        self.timeout = setting(config, "timeout", DEFAULT_TIMEOUT, float)
        self.max_chars = setting(config, "max_chars", self.service.max_chars, int)
        self.price_per_million = setting(config, "price_per_million", 0.0, float)
        self.markup = str(config.get("markup", "token"))
        self.options = {k: v for k, v in config.items()
                        if k in ("region", "model", "email", "use_free_api")}
        self._secrets = {arg: env_secret(var) for arg, var in self.service.env.items()}
        for arg, var in (self.service.optional_env or {}).items():
            if env_secret(var):
                self.options[arg] = env_secret(var)
        if name == "libre-dt" and not self._secrets.get("custom_url") and config.get("url"):
            self._secrets["custom_url"] = str(config["url"]).rstrip("/") + "/"
        if self._secrets.get("custom_url") and not self._secrets["custom_url"].endswith("/"):
            self._secrets["custom_url"] += "/"
        if name == "libre-dt":
            self._secrets.setdefault("api_key", None)
            self._secrets["api_key"] = self._secrets["api_key"] or "-"   # deep-translator insists on one
            self.options.setdefault("use_free_api", True)
        self._factory = factory
        self._translators: dict[tuple[str, str], Any] = {}
        self._lock = threading.Lock()

    @property
    def needs(self) -> tuple[str, ...]:
        """Environment variables this service needs."""
        return tuple(self.service.env.values())

    def missing_package(self) -> str | None:
        """What to ``pip install`` when the service needs a package that is not installed."""
        if self.service.package is None:
            return None
        module, requirement = self.service.package
        return None if importlib.util.find_spec(module) is not None else requirement

    def is_configured(self) -> bool:
        """True when every needed environment variable is set (and any package it needs installed)."""
        if self.missing_package():
            return False
        return all(env_secret(var) for var in self.service.env.values() if var != "TRANSPUB_LIBRE_API_KEY")

    def _codes(self) -> dict[str, str] | None:
        if self.service.languages is None:
            return None
        from deep_translator import constants

        return getattr(constants, self.service.languages, None)

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """None: the services translate between any two of :meth:`languages`."""
        return None

    def languages(self) -> list[str] | None:
        """The service's language codes, when deep-translator lists them offline."""
        codes = self._codes()
        return sorted(set(codes.values())) if codes else None

    def supports(self, source: str, target: str) -> bool:
        """True when both languages are in the service's table (or the table is unknown)."""
        codes = self._codes()
        if not codes:
            return True
        values = {v.lower() for v in codes.values()}
        return self._code(source) in values and self._code(target) in values

    def _code(self, locale: str) -> str:
        if locale in ("zh_CN", "zh_TW"):
            return locale.replace("_", "-").lower()
        return language_of(locale)

    def _translator(self, source: str, target: str) -> Any:
        key = (source, target)
        missing = self.missing_package()
        if missing:
            raise EngineError(f"{self.name}: needs the {missing.split('<')[0]} package: pip install '{missing}'")
        with self._lock:
            if key not in self._translators:
                module = _install_proxy(self.service.module)
                cls = self._factory or getattr(module, self.service.cls)
                kwargs = {**{k: v for k, v in self._secrets.items() if v}, **self.options}
                _local.timeout = self.timeout
                try:
                    self._translators[key] = cls(source=self._code(source), target=self._code(target), **kwargs)
                except Exception as exc:  # deep-translator raises many unrelated types here
                    raise EngineError(self._scrub(f"{self.name}: cannot set up ({type(exc).__name__}: {exc})")) from None
            return self._translators[key]

    def _scrub(self, message: str) -> str:
        return redact(message, list(self._secrets.values()))

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """One request per text (deep-translator has no batch call), each with the timeout."""
        translator = self._translator(source, target)
        _local.timeout = self.timeout
        out: list[str | None] = []
        for text in texts:
            _local.response = None
            try:
                reply = translator.translate(text)
            except requests.Timeout:
                raise TransientEngineError(f"{self.name}: no reply within {self.timeout:g} s") from None
            except requests.ConnectionError:
                raise TransientEngineError(f"{self.name}: connection failed") from None
            except Exception as exc:  # classify by the HTTP status we saw, not by exception type
                response = getattr(_local, "response", None)
                status = getattr(response, "status_code", None)
                message = self._scrub(f"{self.name}: {type(exc).__name__}: {exc}"[:300])
                if status is not None and (status == 429 or status >= 500):
                    raise TransientEngineError(message, retry_after=parse_retry_after(response.headers.get("Retry-After")),
                                               status=status) from None
                if status is not None and 200 <= status < 300:   # a 2xx reply deep-translator could not read
                    raise TransientEngineError(message, status=status) from None
                raise EngineError(message) from None
            out.append(reply if isinstance(reply, str) else None)
        return out
