"""The methods :mod:`dataclasses` writes for each class, compiled once rather than on every run.

``@dataclass`` writes the source of a class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__``
(and a frozen class's ``__setattr__``, ``__delattr__``) and compiles it with :func:`exec` when the
class is made: for transpub's forty-odd classes about a sixth of a run's start-up (~110M
instructions), every run, for the same source. :func:`remember` has the :mod:`dataclasses` module
compile through :func:`exec_remembered` instead, which keeps each compiled code object by its
source in a file beside the package's bytecode (as Python keeps a module's), so that a later run
unmarshals it. The code is the code :func:`exec` compiles from that source (compiled with no
``__future__`` flag of this module's, as ``dataclasses`` compiles it): the classes are the same.

A choice of the command line (:mod:`transpub.cli` makes it), not of the library. The file is
written where Python would write bytecode, unless it is told not to (``PYTHONDONTWRITEBYTECODE``);
an unreadable or damaged file is compiled anew.
"""

from __future__ import annotations

import atexit
import builtins
import sys
from types import CodeType
from typing import Any

from .kept_files import kept_path, read_marshalled, write_marshalled

#: How many sources the file keeps at most (beyond it, only those of the run that writes it).
MAX_KEPT = 2000

_codes: dict[str, CodeType] = {}
_used: set[str] = set()
_new = False
_path: str | None = None


def cache_path() -> str:
    """Where the compiled methods are kept: ``__pycache__/dataclass-code.<tag>.<magic>.marshal``
    beside this module (see :func:`~transpub.kept_files.kept_path`)."""
    return kept_path("dataclass-code", "marshal")


def exec_remembered(source: Any, globals: Any = None, locals: Any = None, /) -> None:
    """:func:`exec`, with a source string compiled once (see the module docstring)."""
    global _new
    if type(source) is str:
        code = _codes.get(source)
        if code is None:
            code = _codes[source] = _compile(source)
            _new = True
        _used.add(source)
        source = code
    builtins.exec(source, globals, locals)


def _compile(source: str) -> CodeType:
    """What :func:`exec` runs of ``source`` called from :mod:`dataclasses` (no ``__future__`` flag)."""
    return compile(source, "<string>", "exec", dont_inherit=True)


def remember() -> None:
    """Have :mod:`dataclasses` compile through :func:`exec_remembered` (once per process), with the
    code kept by earlier runs; what this run compiles anew is kept when it exits."""
    global _path
    import dataclasses

    if _path is not None:
        return
    try:
        _path = cache_path()
    except NotImplementedError:  # (no bytecode cache in this Python: nothing to keep it beside)
        return
    _codes.update(_load(_path))
    dataclasses.exec = exec_remembered  # type: ignore[attr-defined]  # (a global of that module)
    atexit.register(_save)


def _load(path: str) -> dict[str, CodeType]:
    """The code kept in ``path``; empty when there is none or it cannot be read."""
    kept = read_marshalled(path)
    if not isinstance(kept, dict):
        return {}
    return {source: code for source, code in kept.items() if type(source) is str and type(code) is CodeType}


def _save() -> None:
    """Keep what this process compiled anew (a temporary file renamed over the last one)."""
    if not _new or _path is None or sys.dont_write_bytecode:
        return
    _write(_path, _codes if len(_codes) <= MAX_KEPT else {source: _codes[source] for source in _used})


def _write(path: str, codes: dict[str, CodeType]) -> None:
    """``codes`` in ``path`` (see :func:`~transpub.kept_files.write_kept`)."""
    write_marshalled(path, codes)
