"""Machine-translation engines behind one protocol (deep_translator is imported only here)."""

from .base import CircuitOpenError, Engine, EngineInfo, TransientEngineError
from .registry import engine_names, get_engine, list_engines, not_configured_message
from .runner import BatchOutcome, CircuitBreaker, RetryPolicy, run_engine

__all__ = [
    "BatchOutcome",
    "CircuitBreaker",
    "CircuitOpenError",
    "Engine",
    "EngineInfo",
    "RetryPolicy",
    "TransientEngineError",
    "engine_names",
    "get_engine",
    "list_engines",
    "not_configured_message",
    "run_engine",
]
