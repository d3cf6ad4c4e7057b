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
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests

from ..errors import EngineError
from .base import (
    DEFAULT_TIMEOUT,
    EngineBase,
    TransientEngineError,
    env_secret,
    parse_retry_after,
    redact,
    url_secrets,
)
from .http import read_capped, redirect_error, reply_limit, sent_size, server_named, too_long_error

_local = threading.local()


class _TimedRequests:
    """Stands in for the ``requests`` module inside deep-translator's service modules."""

    def __getattr__(self, name: str) -> Any:
        return getattr(requests, name)

    def _call(self, method: str, url: str, **kwargs: Any) -> requests.Response:
        kwargs.setdefault("timeout", getattr(_local, "timeout", DEFAULT_TIMEOUT))
        kwargs["allow_redirects"] = False  # a key in the URL, a header or the body must not go along
        kwargs["stream"] = True  # read here, up to a limit (see read_capped)
        _local.response = None
        try:
            response = requests.request(method, url, **kwargs)
            if isinstance(response, requests.Response):
                # (a GET sends its text in the URL)
                sent = sent_size(response.request) or len(response.request.url or "")
                try:
                    read_capped(response, reply_limit(sent), "engine")
                except EngineError:
                    # deep-translator may catch it and fail otherwise: remember it to classify
                    _local.too_long = (url, reply_limit(sent), sent)
                    raise
        except requests.RequestException as exc:
            # some services catch this and fail later on a None reply: remember it to classify
            _local.network_error = exc
            raise
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
    env: dict[str, str]  # constructor argument -> environment variable
    languages: str | None  # name of the language table in deep_translator.constants
    max_chars: int = 5000
    optional_env: dict[str, str] | None = None
    package: tuple[str, str] | None = None  # (module it imports, what to pip install)
    code_first: bool = False  # the table maps code -> name (papago), not name -> code
    codes: Callable[[str], str] | None = None  # gettext locale -> code, for services without a table


def _microsoft_code(locale: str) -> str:
    """Microsoft's code (as deep-translator lower-cases it) for a gettext locale.

    >>> _microsoft_code("zh_CN"), _microsoft_code("zh_TW"), _microsoft_code("pt_PT"), _microsoft_code("de")
    ('zh-hans', 'zh-hant', 'pt-pt', 'de')
    """
    lang, region, script = _parts(locale)
    if lang == "zh":
        return "zh-hant" if _traditional(region, script) else "zh-hans"
    if (lang, region) in (("pt", "PT"), ("fr", "CA")):
        return f"{lang}-{region.lower()}"
    if lang == "sr":
        return "sr-latn" if script == "Latn" else "sr-cyrl"
    return lang


SERVICES: dict[str, Service] = {
    "google-free": Service("google", "GoogleTranslator", {}, "GOOGLE_LANGUAGES_TO_CODES", 4999),
    "microsoft": Service(
        "microsoft",
        "MicrosoftTranslator",
        {"api_key": "TRANSPUB_MICROSOFT_API_KEY"},
        None,
        50000,
        {"region": "TRANSPUB_MICROSOFT_REGION"},
        codes=_microsoft_code,
    ),
    "mymemory": Service(
        "mymemory",
        "MyMemoryTranslator",
        {},
        "MY_MEMORY_LANGUAGES_TO_CODES",
        499,
        {"email": "TRANSPUB_MYMEMORY_EMAIL"},
    ),
    "libre-dt": Service(
        "libre",
        "LibreTranslator",
        {"api_key": "TRANSPUB_LIBRE_API_KEY", "custom_url": "TRANSPUB_LIBRE_URL"},
        "LIBRE_LANGUAGES_TO_CODES",
        5000,
    ),
    "yandex": Service("yandex", "YandexTranslator", {"api_key": "TRANSPUB_YANDEX_API_KEY"}, None, 10000),
    "papago": Service(
        "papago",
        "PapagoTranslator",
        {"client_id": "TRANSPUB_PAPAGO_CLIENT_ID", "secret_key": "TRANSPUB_PAPAGO_API_KEY"},
        "PAPAGO_LANGUAGE_TO_CODE",
        5000,
        code_first=True,
    ),
    "baidu": Service(
        "baidu",
        "BaiduTranslator",
        {"appid": "TRANSPUB_BAIDU_APPID", "appkey": "TRANSPUB_BAIDU_API_KEY"},
        "BAIDU_LANGUAGE_TO_CODE",
        6000,
    ),
    # QCRI (Shaheen) translates between Arabic, English and Spanish only; its table says so.
    "qcri": Service(
        "qcri", "QcriTranslator", {"api_key": "TRANSPUB_QCRI_API_KEY"}, "QCRI_LANGUAGE_TO_CODE", 5000
    ),
    # deep-translator calls the legacy openai.ChatCompletion API, gone from openai 1.0 on; it checks
    # languages against Google's table.
    "chatgpt": Service(
        "chatgpt",
        "ChatGptTranslator",
        {"api_key": "TRANSPUB_CHATGPT_API_KEY"},
        "GOOGLE_LANGUAGES_TO_CODES",
        4000,
        package=("openai", "openai<1"),
    ),
}

_TRADITIONAL_REGIONS = {"TW", "HK", "MO"}
#: gettext language codes some services spell the old way.
_ALIASES = {"he": ("iw",), "jv": ("jw",), "nb": ("no",), "fil": ("tl",), "yi": ("ji",)}


def _parts(locale: str) -> tuple[str, str, str]:
    """(language, region, script) of a gettext or BCP 47 locale name; missing parts are ""."""
    base, _, modifier = locale.split(".")[0].partition("@")
    pieces = base.replace("-", "_").split("_")
    lang, region, script = pieces[0].lower(), "", ""
    for piece in pieces[1:]:
        if len(piece) == 4 and piece.isalpha():
            script = piece.title()
        elif piece:
            region = piece.upper()
    if modifier in ("latin", "cyrillic"):
        script = "Latn" if modifier == "latin" else "Cyrl"
    return lang, region, script


def _traditional(region: str, script: str) -> bool:
    return script == "Hant" or (not script and region in _TRADITIONAL_REGIONS)


def _english_name(lang: str) -> str | None:
    from babel import Locale

    name = Locale("en").languages.get(lang)
    return name.lower() if name else None


def service_code(locale: str, codes: dict[str, str]) -> str | None:
    """The code a service with language table ``codes`` (its code -> its name) uses for a gettext
    locale, spelled as the table spells it; None when the service does not have the language.

    >>> mymemory = {"fr-FR": "french", "fr-CA": "french canada", "zh-CN": "chinese simplified", "pt-BR": "portuguese brazil"}
    >>> service_code("fr", mymemory), service_code("fr_CA", mymemory), service_code("zh_CN", mymemory), service_code("de", mymemory)
    ('fr-FR', 'fr-CA', 'zh-CN', None)
    >>> baidu = {"zh": "chinese (simplified)", "cht": "chinese (traditional)", "fra": "french", "de": "german"}
    >>> service_code("zh_CN", baidu), service_code("zh_TW", baidu), service_code("fr", baidu), service_code("de_AT", baidu)
    ('zh', 'cht', 'fra', 'de')
    >>> service_code("zh_TW", {"zh": "Chinese"}) is None
    True
    """
    lang, region, script = _parts(locale)
    folded = {code.lower(): code for code in codes}
    names = {name.lower(): code for code, name in codes.items()}
    if region and f"{lang}-{region}".lower() in folded:
        return folded[f"{lang}-{region}".lower()]
    if lang == "zh":
        traditional = _traditional(region, script)
        wanted = ("zh-tw", "zh-hant", "cht", "zt") if traditional else ("zh-cn", "zh-hans", "zh")
        for code in wanted:
            if code in folded:
                return folded[code]
        for name, code in names.items():
            if "chinese" in name and (
                ("trad" in name) if traditional else ("simpl" in name or name == "chinese")
            ):
                return code
        return None
    for candidate in (lang, *_ALIASES.get(lang, ())):
        if candidate in folded:
            return folded[candidate]
    english = _english_name(lang)
    if english and english in names:
        return names[english]
    regional = sorted(code for low, code in folded.items() if low.startswith(lang + "-"))
    if f"{lang}-{lang}" in folded:
        return folded[f"{lang}-{lang}"]
    return regional[0] if regional else None


def _install_proxy(module_name: str) -> Any:
    module = importlib.import_module(f"deep_translator.{module_name}")
    if getattr(module, "requests", None) is not _PROXY and hasattr(module, "requests"):
        setattr(module, "requests", _PROXY)  # noqa: B010 (deep-translator modules are untyped)
    return module


class DeepTranslatorEngine(EngineBase):
    """One deep-translator service behind the transpub engine protocol."""

    markup = "token"
    batch_size = 1  # one request per text: the services take no batches
    configurable = ("timeout", "max_chars", "price_per_million", "markup")

    def __init__(
        self, name: str, config: dict[str, Any] | None = None, factory: Callable[..., Any] | None = None
    ) -> None:
        if name not in SERVICES:
            raise EngineError(f"unknown deep-translator service {name!r}")
        config = config or {}
        self.name = name
        self.service = SERVICES[name]
        self.max_chars = self.service.max_chars  # the default; [engines.<name>] max_chars wins
        self.read_settings(config)
        self.options = {k: v for k, v in config.items() if k in ("region", "model", "email", "use_free_api")}
        # QCRI's translate() needs a domain (see its get_domains()); the others take nothing
        self.call_options = {"domain": str(config.get("domain", "general"))} if name == "qcri" else {}
        self._secrets = {arg: env_secret(var) for arg, var in self.service.env.items()}
        for arg, var in (self.service.optional_env or {}).items():
            if env_secret(var):
                self.options[arg] = env_secret(var)
        if name == "libre-dt" and not self._secrets.get("custom_url") and config.get("url"):
            self._secrets["custom_url"] = str(config["url"]).rstrip("/") + "/"
        custom_url = self._secrets.get("custom_url")
        if custom_url and not custom_url.endswith("/"):
            self._secrets["custom_url"] = custom_url + "/"
        if name == "libre-dt":
            self._secrets.setdefault("api_key", None)
            self._secrets["api_key"] = self._secrets["api_key"] or "-"  # deep-translator insists on one
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
        if importlib.util.find_spec(module) is None:
            return requirement
        below = requirement.partition("<")[2]
        if below.isdigit():  # e.g. deep-translator's chatgpt calls the API of openai<1 only
            from importlib.metadata import PackageNotFoundError, version

            try:
                major = int(version(module).split(".")[0])
            except (PackageNotFoundError, ValueError):
                return None
            return requirement if major >= int(below) else None
        return None

    def is_configured(self) -> bool:
        """True when every needed environment variable is set (and any package it needs installed)."""
        if self.missing_package():
            return False
        return all(env_secret(var) for var in self.service.env.values() if var != "TRANSPUB_LIBRE_API_KEY")

    def _codes(self) -> dict[str, str] | None:
        """The service's language table as code -> name (None when deep-translator has none offline)."""
        if self.service.languages is None:
            return None
        from deep_translator import constants

        table = getattr(constants, self.service.languages, None) or {}
        if self.service.code_first:
            return {code: name for code, name in table.items()}
        return {code: name for name, code in table.items()}

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """None: the services translate between any two of :meth:`languages`."""
        return None

    def languages(self) -> list[str] | None:
        """The service's own language codes, when deep-translator lists them offline."""
        codes = self._codes()
        return sorted(codes) if codes else None

    def supports(self, source: str, target: str) -> bool:
        """True when the service has a code for both locales (or its table is not known offline)."""
        if self._codes() is None:
            return True
        return self._code(source) is not None and self._code(target) is not None

    def _code(self, locale: str) -> str | None:
        """The service's code for a gettext locale (None when its table lacks the language)."""
        codes = self._codes()
        if codes is not None:
            return service_code(locale, codes)
        if self.service.codes is not None:
            return self.service.codes(locale)
        lang, _region, _script = _parts(locale)
        return lang

    def _translator(self, source: str, target: str) -> Any:
        key = (source, target)
        missing = self.missing_package()
        if missing:
            instead = (
                " (or use the llm engine, which takes the current openai)" if self.name == "chatgpt" else ""
            )
            raise EngineError(
                f"{self.name}: needs the {missing.split('<')[0]} package: pip install '{missing}'{instead}"
            )
        codes = (self._code(source), self._code(target))
        if None in codes:
            raise EngineError(f"{self.name} cannot translate {source}→{target}")
        with self._lock:
            if key not in self._translators:
                module = _install_proxy(self.service.module)
                cls = self._factory or getattr(module, self.service.cls)
                kwargs = {**{k: v for k, v in self._secrets.items() if v}, **self.options}
                _local.timeout = self.timeout
                _local.response = _local.network_error = _local.too_long = None
                try:
                    translator = cls(source=codes[0], target=codes[1], **kwargs)
                except Exception as exc:  # deep-translator raises many unrelated types here
                    raise self._classify(exc, "setting up") from None
                if self.service.code_first:
                    # deep-translator turns a code of a code -> name table into the name ("ko" ->
                    # "Korean") and would send that; the service wants the code
                    translator.source, translator.target = codes
                self._translators[key] = translator
            return self._translators[key]

    def _secret_values(self) -> list[str | None]:
        return [
            *(
                v for k, v in self._secrets.items() if k != "custom_url" and v != "-"
            ),  # ("-": libre-dt's no key)
            *url_secrets(self._secrets.get("custom_url")),
        ]

    def _redirect(self) -> EngineError | None:
        """The error for the last reply when it was a redirect (never followed: it may carry the key)."""
        response = getattr(_local, "response", None)
        if isinstance(response, requests.Response):
            return redirect_error(response, self.name, self._secret_values())
        return None

    def _scrub(self, message: str) -> str:
        return redact(message, self._secret_values())

    def _classify(self, exc: Exception, doing: str = "") -> EngineError:
        """The error to raise for ``exc``: transient for timeouts, dropped connections, 429, 5xx
        and unreadable 2xx replies (told by the HTTP status seen, not the exception type)."""
        during = f" ({doing})" if doing else ""
        too_long = getattr(_local, "too_long", None)
        if too_long is not None:  # (the service's own error, if it caught it, says less)
            variable = self.service.env.get("custom_url")
            server = server_named(variable) if variable else None
            url, limit, sent = too_long
            return too_long_error(url, limit, sent, self.name, self._secret_values(), server)
        redirect = self._redirect()
        if redirect is not None:
            return redirect
        if (
            not isinstance(exc, requests.RequestException)
            and getattr(_local, "network_error", None) is not None
        ):
            exc = _local.network_error
        if isinstance(exc, requests.Timeout):
            return TransientEngineError(f"{self.name}: no reply within {self.timeout:g} s{during}")
        if isinstance(exc, requests.ConnectionError):
            return TransientEngineError(f"{self.name}: connection failed{during}")
        response = getattr(_local, "response", None)
        status = getattr(response, "status_code", None)
        message = self._scrub(f"{self.name}: {doing + ': ' if doing else ''}{type(exc).__name__}: {exc}")[
            :300
        ]
        if status is not None and (status == 429 or status >= 500):
            return TransientEngineError(
                message,
                retry_after=parse_retry_after(getattr(response, "headers", {}).get("Retry-After")),
                status=status,
            )
        if status is not None and 200 <= status < 300:  # a 2xx reply deep-translator could not read
            return TransientEngineError(message, status=status)
        return EngineError(message)

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """One request per text (deep-translator has no batch call), each with the timeout."""
        translator = self._translator(source, target)
        _local.timeout = self.timeout
        out: list[str | None] = []
        for text in texts:
            _local.response = _local.network_error = _local.too_long = None
            try:
                reply = translator.translate(text, **self.call_options)
            except Exception as exc:
                raise self._classify(exc) from None
            redirect = self._redirect()
            if redirect is not None:  # a service that let the redirect pass as a reply
                raise redirect
            if isinstance(reply, list) and len(reply) == 1:  # (Yandex's reply: its texts, a list)
                reply = reply[0]
            out.append(reply if isinstance(reply, str) else None)
        return out
