"""Apertium, offline: one ``apertium`` process per batch.

Starting apertium costs about 100 ms, so a batch of texts is joined into one input, one text
per block, separated by a line holding only ``@@SEP@@`` between blank lines (apertium passes such
words through unchanged, as it does the ``@@Px1@@``-style masking tokens, words no dictionary
holds: see :mod:`transpub.masking`, style ``"word"``; the blank lines end the
sentence, so a text without a full stop, such as a title, does not run on into the next one, which
apertium would then translate as the rest of that sentence). A batch with a text that holds
``@@SEP@@`` is separated by ``@@SEPx@@`` (``@@SEPxx@@``…: the first that none holds). If the
separators do not come back
intact the batch is translated again one text per process, so a merge can never shift
translations onto the wrong text.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import lru_cache
from typing import Any

from ..errors import EngineError
from .base import DEFAULT_TIMEOUT, EngineBase, TransientEngineError, language_of

SEPARATOR = "@@SEP@@"

#: ISO 639-1 codes (gettext) to the ISO 639-3 codes Apertium names its modes with.
ISO3 = {
    "en": "eng",
    "es": "spa",
    "ca": "cat",
    "fr": "fra",
    "pt": "por",
    "it": "ita",
    "de": "deu",
    "nl": "nld",
    "ro": "ron",
    "gl": "glg",
    "eu": "eus",
    "oc": "oci",
    "ar": "ara",
    "an": "arg",
    "ast": "ast",
    "sv": "swe",
    "da": "dan",
    "nb": "nob",
    "nn": "nno",
    "is": "isl",
    "mt": "mlt",
    "cy": "cym",
    "br": "bre",
    "ga": "gle",
    "kk": "kaz",
    "tt": "tat",
    "ru": "rus",
    "uk": "ukr",
    "bg": "bul",
    "mk": "mkd",
    "sr": "hbs",
    "hr": "hbs",
    "bs": "hbs",
    "sl": "slv",
    "pl": "pol",
    "cs": "ces",
    "sk": "slk",
    "eo": "epo",
    "id": "ind",
    "ms": "msa",
    "hi": "hin",
    "ur": "urd",
    "af": "afr",
    "sc": "srd",
    "fo": "fao",
    "se": "sme",
    "ky": "kir",
    "tr": "tur",
    "ba": "bak",
}


def _separator(texts: list[str]) -> str:
    """The separator of a batch of ``texts``: :data:`SEPARATOR`, unless a text holds it (then one
    ``x`` more before its end, as often as needed), so that no text can add a split.

    >>> _separator(["a"]), _separator(["a\\n@@SEP@@\\nb", "@@SEPx@@"])
    ('@@SEP@@', '@@SEPxx@@')
    """
    separator = SEPARATOR
    while any(separator in text for text in texts):
        separator = separator[:-2] + "x@@"
    return separator


@lru_cache(maxsize=4)
def installed_modes(binary: str) -> tuple[str, ...]:
    """The mode names ``apertium -l`` lists (empty when apertium cannot run)."""
    try:
        done = subprocess.run([binary, "-l"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return ()
    return tuple(line.strip() for line in done.stdout.splitlines() if line.strip())


def mode_name(source: str, target: str, modes: tuple[str, ...]) -> str | None:
    """The installed mode translating gettext locale ``source`` into ``target``.

    >>> mode_name("en", "es", ("eng-spa", "spa-eng", "spa-eng_US"))
    'eng-spa'
    >>> mode_name("es", "en_US", ("eng-spa", "spa-eng", "spa-eng_US"))
    'spa-eng_US'
    >>> mode_name("en", "fr", ("eng-spa",)) is None
    True
    """
    src = ISO3.get(language_of(source), language_of(source))
    tgt = ISO3.get(language_of(target), language_of(target))
    region = target.split("_", 1)[1].split("@")[0] if "_" in target else None
    for candidate in ([f"{src}-{tgt}_{region}"] if region else []) + [f"{src}-{tgt}"]:
        if candidate in modes:
            return candidate
    return None


class ApertiumEngine(EngineBase):
    """Rule-based MT through the local ``apertium`` command."""

    name = "apertium"
    markup = "word"
    free = True  # runs here: a dry run names no price
    timeout = DEFAULT_TIMEOUT * 3
    batch_size = 200
    max_chars = 50_000

    def __init__(self, config: dict[str, Any] | None = None) -> None:
        config = config or {}
        self.binary = str(config.get("binary", "apertium"))
        self.read_settings(config)

    def _modes(self) -> tuple[str, ...]:
        if shutil.which(self.binary) is None:
            return ()
        return installed_modes(self.binary)

    def is_configured(self) -> bool:
        """True when the apertium command runs and has at least one pair."""
        return bool(self._modes())

    def missing_settings(self) -> list[str]:
        """What ``is_configured`` lacks, as a user would install it."""
        if shutil.which(self.binary) is None:
            return [f"the {self.binary} command (Debian: apt-get install apertium apertium-eng-spa)"]
        return [] if self._modes() else ["a language pair (Debian: apt-get install apertium-eng-spa)"]

    def language_pairs(self) -> list[tuple[str, str]] | None:
        """Installed pairs, with Apertium's own codes mapped back to gettext codes where known."""
        back = {v: k for k, v in ISO3.items() if k not in ("hr", "bs")}
        pairs = []
        for mode in self._modes():
            if "-" not in mode:
                continue
            src, tgt = mode.split("-", 1)
            tgt_lang, _, region = tgt.partition("_")
            target = back.get(tgt_lang, tgt_lang) + (f"_{region}" if region else "")
            pairs.append((back.get(src, src), target))
        return pairs

    def supports(self, source: str, target: str) -> bool:
        """True when a mode for this pair is installed."""
        return mode_name(source, target, self._modes()) is not None

    def _run(self, mode: str, text: str) -> str:
        try:
            done = subprocess.run(
                [self.binary, "-u", mode], input=text, capture_output=True, text=True, timeout=self.timeout
            )
        except subprocess.TimeoutExpired:
            raise TransientEngineError(f"apertium took longer than {self.timeout:g} s") from None
        except OSError as exc:
            raise EngineError(f"cannot run apertium: {exc}") from None
        if done.returncode != 0:
            raise EngineError(f"apertium {mode} failed: {done.stderr.strip()[:200]}")
        return done.stdout

    def translate_batch(self, texts: list[str], source: str, target: str) -> list[str | None]:
        """Translate all ``texts`` with one apertium process (one per text if separators break)."""
        mode = mode_name(source, target, self._modes())
        if mode is None:
            raise EngineError(f"apertium has no {source}→{target} pair installed")
        if not texts:
            return []
        separator = _separator(texts)
        joined = f"\n\n{separator}\n\n".join(texts)
        output = self._run(mode, joined + "\n")
        parts = output.split(f"\n{separator}\n")  # each part's blank lines are stripped below
        if len(parts) == len(texts):
            return [part.strip() or None for part in parts]
        return [self._run(mode, text + "\n").strip() or None for text in texts]
