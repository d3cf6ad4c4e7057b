"""The exception tree. Library code raises these; only the CLI turns them into messages."""

from __future__ import annotations

import re
from pathlib import Path
from typing import TypeVar


class TranspubError(Exception):
    """Base of every error transpub reports to a user."""

    def __init__(
        self, message: str, path: Path | str | None = None, line: int | None = None, column: int | None = None
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = path
        self.line = line
        #: Where on ``line`` (1 for its first character), when a parser says it.
        self.column = column

    def __str__(self) -> str:
        """``path:line:column: message``, each part there when it is known.

        >>> str(TranspubError("bad", "a.xlf", 1, 27)), str(TranspubError("bad", "a.po", 3))
        ('a.xlf:1:27: bad', 'a.po:3: bad')
        """
        where = ""
        if self.path is not None:
            where = f"{self.path}:"
            if self.line:
                where += f"{self.line}:{self.column}:" if self.column else f"{self.line}:"
            where += " "
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


#: The position lxml adds to libxml's message (``, line 1, column 27``), which an error shows before it.
_XML_POSITION = re.compile(r",? line \d+, column \d+$")

E = TypeVar("E", bound="TranspubError")


def not_well_formed(
    error: type[E], exc: SyntaxError, path: Path | str | None, what: str = "not well-formed XML"
) -> E:
    """lxml's ``XMLSyntaxError`` ``exc`` as an ``error`` of the file at ``path``, at its line and
    column: ``bad.xlf:1:27: not well-formed XML: Couldn't find end of Start Tag file``, libxml's
    message on one line without its position (lxml adds it, and libxml names the line again after
    some tags), which the error shows before it.

    >>> class Failure(SyntaxError):
    ...     position = (1, 27)
    >>> print(not_well_formed(TranspubError, Failure("Couldn't find end of Start Tag file line 1, line 1, column 27"), "bad.xlf"))
    bad.xlf:1:27: not well-formed XML: Couldn't find end of Start Tag file
    >>> Failure.position = (3, 4)
    >>> print(not_well_formed(TranspubError, Failure("Invalid character: Char 0x0 out of allowed range\\n, line 3, column 4"), "a.tmx"))
    a.tmx:3:4: not well-formed XML: Invalid character: Char 0x0 out of allowed range
    >>> Failure.position = (2, 1)
    >>> print(not_well_formed(TranspubError, Failure("Opening and ending tag mismatch: b line 1 and a, line 2, column 1"), "a.tbx"))
    a.tbx:2:1: not well-formed XML: Opening and ending tag mismatch: b line 1 and a
    """
    line, column = getattr(exc, "position", None) or (exc.lineno or 0, 0)
    message = _XML_POSITION.sub("", parser_message(str(exc.msg)))
    if line:
        message = re.sub(rf" line {line}$", "", message)  # (the tag's line, libxml's: where it is)
    return error(f"{what}: {message}", path, line or None, column or None)


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


class EngineNotConfigured(ConfigError, EngineError):
    """An engine asked for lacks its key, server or package: a set-up mistake (exit 2), found
    before anything is sent."""


class PlaceholderMismatch(TranspubError):
    """A translation's placeholders do not match its source's."""


class MemoryStoreError(TranspubError):
    """The translation memory cannot be opened, migrated or reached."""


class MemoryNotConfigured(ConfigError, MemoryStoreError):
    """The memory's settings name none transpub may use (a folder for its file; a password, role or
    database the PostgreSQL server refuses): a set-up mistake (exit 2), found before anything is sent."""
