"""Engine names to adapters, and the list ``transpub engines`` shows."""

from __future__ import annotations

from typing import Any

from ..config import suggest
from ..errors import ConfigError, EngineError
from .apertium import ApertiumEngine
from .base import Engine, EngineInfo, env_secret
from .deepl import DeepLEngine
from .deeptranslator import SERVICES, DeepTranslatorEngine
from .llm import LLMEngine
from .tm import MemoryOnlyEngine
from .webapi import GoogleCloudEngine, LibreEngine

#: name -> (family, environment variables it needs, note)
CATALOGUE: dict[str, tuple[str, tuple[str, ...], str]] = {
    "apertium": ("apertium (offline)", (), "local `apertium` command; pairs as installed"),
    "deepl": (
        "deepl (official client)",
        ("TRANSPUB_DEEPL_API_KEY",),
        "server_url in [engines.deepl] for a proxy",
    ),
    "google": ("google cloud v2", ("TRANSPUB_GOOGLE_API_KEY",), "batched; without a key use google-free"),
    "libre": (
        "libretranslate",
        ("TRANSPUB_LIBRE_URL",),
        "TRANSPUB_LIBRE_API_KEY if the server needs one; batched",
    ),
    "llm": (
        "llm (openai SDK; any OpenAI-compatible server)",
        ("TRANSPUB_LLM_API_KEY",),
        "model and base_url in [engines.llm]; a local server needs no key",
    ),
    "tm": ("translation memory", (), "fills only from the memory; never sends anything"),
}
for _name, _service in SERVICES.items():
    CATALOGUE.setdefault(_name, ("deep-translator", tuple(_service.env.values()), "one request per text"))


def engine_names() -> list[str]:
    """Every engine name transpub knows, sorted."""
    return sorted(CATALOGUE)


def check_engine_tables(project: Any) -> None:
    """ConfigError when ``[engines.<name>]`` names no known engine (with the nearest name)."""
    for configured in getattr(project, "engines", None) or {}:
        if configured not in CATALOGUE:
            raise ConfigError(
                f"[engines.{configured}] configures an unknown engine" + suggest(configured, engine_names()),
                getattr(project, "config_path", None),
            )


def _config(project: Any, name: str) -> dict[str, Any]:
    check_engine_tables(project)
    engines = getattr(project, "engines", None) or {}
    table = engines.get(name, {})
    if not isinstance(table, dict):
        raise EngineError(f"[engines.{name}] must be a table")
    return table


def get_engine(name: str, project: Any = None) -> Engine:
    """The adapter for engine ``name``, set up from ``[engines.<name>]`` and the environment."""
    config = _config(project, name) if project is not None else {}
    if name == "apertium":
        return ApertiumEngine(config)
    if name == "deepl":
        return DeepLEngine(config)
    if name == "google":
        return GoogleCloudEngine(config)
    if name == "libre":
        return LibreEngine(config)
    if name == "llm":
        return LLMEngine(config)
    if name == "tm":
        return MemoryOnlyEngine(config)
    if name in SERVICES:
        return DeepTranslatorEngine(name, config)
    raise ConfigError(f"unknown engine {name!r}" + suggest(name, engine_names()))


def _needs(name: str, engine: Engine) -> tuple[str, ...]:
    """What engine ``name`` still needs: its unset environment variables, a missing package."""
    needs = ("TRANSPUB_LIBRE_URL",) if name in ("libre", "libre-dt") else CATALOGUE[name][1]
    missing = getattr(engine, "missing_package", lambda: None)()
    return tuple(v for v in needs if not env_secret(v)) + ((f"pip install '{missing}'",) if missing else ())


def not_configured_message(name: str, engine: Engine) -> str:
    """Why engine ``name`` cannot translate yet, and what it needs (as `transpub engines` says)."""
    settings = getattr(engine, "missing_settings", None)
    needs = settings() if callable(settings) else _needs(name, engine)
    what = f"it needs {' and '.join(needs)}" if needs else CATALOGUE[name][2]
    return f"engine {name} is not configured: {what}; see `transpub engines`"


def list_engines(project: Any = None) -> list[EngineInfo]:
    """One :class:`EngineInfo` per known engine: configured or not, pairs where known."""
    infos = []
    for name in engine_names():
        family, _, note = CATALOGUE[name]
        engine = get_engine(name, project)
        configured = engine.is_configured()
        languages = getattr(engine, "languages", None)
        needs = _needs(name, engine)
        infos.append(
            EngineInfo(
                name=name,
                family=family,
                configured=configured,
                pairs=engine.language_pairs(),
                needs=needs,
                note=note,
                languages=languages() if callable(languages) else None,
            )
        )
    return infos
