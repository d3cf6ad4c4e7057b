"""``tm``: translation memory only; units the memory cannot fill are left for translators."""

from __future__ import annotations

from typing import Any

from .base import EngineBase


class MemoryOnlyEngine(EngineBase):
    """An engine that never sends anything anywhere."""

    name = "tm"
    markup = "token"
    batch_size = 1000
    max_chars = 1_000_000
    machine = False
    configurable = ()

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        self.config = config or {}

    def is_configured(self) -> bool:
        """Always ready."""
        return True

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """Whatever the memory holds."""
        return None

    def supports(self, source: str, target: str) -> bool:
        """Every pair."""
        return True

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """No machine translation: nothing comes back."""
        return [None] * len(texts)
