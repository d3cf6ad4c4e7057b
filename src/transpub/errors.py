"""The exception tree. Library code raises these; only the CLI turns them into messages."""

from __future__ import annotations

import re
from pathlib import Path


class TranspubError(Exception):
    """Base of every error transpub reports to a user."""

    def __init__(self, message: str, path: Path | str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = f"{self.path}:{self.line}: " if self.line else f"{self.path}: "
        return f"{where}{self.message}"


def parser_message(text: str) -> str:
    """A parser's message (lxml's ends some with a line break) as the one line an error shows.

    >>> parser_message("Char 0x0 out of allowed range\\n, line 3, column 9")
    'Char 0x0 out of allowed range, line 3, column 9'
    >>> parser_message("expected '>'\\nat the end")
    "expected '>' at the end"
    """
    if "\n" not in text:
        return text
    return re.sub(r"\s*\n\s*", " ", re.sub(r"\s*\n\s*(?=[,.;:])", "", text.strip()))


def cannot(action: str, path: Path | str, exc: OSError) -> TranspubError:
    """What the system refused to do with a file (``action``: write, remove) as one error naming it,
    not the temporary file a write goes through.

    >>> print(cannot("write", "site/es/ferry.html", PermissionError(13, "Permission denied", ".x.tmp")))
    site/es/ferry.html: cannot write: Permission denied
    """
    return TranspubError(f"cannot {action}: {exc.strerror or exc}", path)


class ConfigError(TranspubError):
    """transpub.toml is missing, unreadable or inconsistent."""


class ProjectNotFound(ConfigError):
    """No ``transpub.toml`` where one was looked for (commands that work without a project go on)."""


class LockTimeout(TranspubError):
    """Another transpub run held a file's lock for longer than transpub waits."""


class UnsafePathError(TranspubError):
    """A path transpub was about to write or delete lies outside the folder it belongs in."""


class ArticleError(TranspubError):
    """A source article cannot be read or parsed."""


class CatalogError(TranspubError):
    """A PO/POT file is broken (syntax, duplicate msgid, bad header)."""


class GlossaryError(TranspubError):
    """A glossary file (TBX or CSV) is broken."""


class EngineError(TranspubError):
    """A machine-translation engine failed or is misconfigured."""


class PlaceholderMismatch(TranspubError):
    """A translation's placeholders do not match its source's."""


class MemoryStoreError(TranspubError):
    """The translation memory cannot be opened, migrated or reached."""
