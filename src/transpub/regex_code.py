"""The regular expressions modules compile as they are imported, compiled once rather than on every run.

A module's ``re.compile`` at import parses its pattern and writes the matcher's code in Python
(:mod:`re._parser`, :mod:`re._compiler`) on every run: for the hundred-odd patterns a command's
modules (transpub's, click's, the standard library's) compile at start-up, about a seventh of the
instructions of the imports (~60M). :func:`remember` has :mod:`re` compile through
:func:`compile_remembered` instead, which keeps the code of each pattern compiled by a module's own
code (not the patterns a run builds from a project's text: a glossary's terms) in a file beside the
package's bytecode, as :mod:`transpub.dataclass_code` keeps the methods ``@dataclass`` compiles, so
that a later run hands that code straight to the matcher (:func:`_sre.compile`, as :mod:`re` does).

The code kept is the code :mod:`re` makes: a pattern's code is kept only when the pattern made from
it is equal to the one :mod:`re` compiled (``==`` on patterns compares their code), and the file is
used only by the Python it was written by (its version and its matcher's version). Code the matcher
does not accept (a damaged file) is compiled anew. The file is as trusted as the bytecode beside it.

A choice of the command line (:mod:`transpub.cli` makes it), not of the library. The file is written
where Python would write bytecode, unless it is told not to (``PYTHONDONTWRITEBYTECODE``); an
unreadable or damaged file is compiled anew.
"""

from __future__ import annotations

import _sre  # type: ignore[import-not-found]
import atexit
import contextlib
import marshal
import sys
from re import _compiler, _constants, _parser  # type: ignore[attr-defined]
from typing import Any

from .kept_files import kept_path, read_marshalled, write_marshalled

#: How many patterns the file keeps at most (beyond it, only those of the run that writes it): the
#: commands load different modules, and a module may build a pattern from a set, in another order in
#: each process (Babel's plural rules), which is then new in most runs.
MAX_KEPT = 500
#: What the code depends on besides the pattern: this Python and its matcher (a file written by
#: another is not used).
_MATCHER = (sys.version, _constants.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS)
#: The modules whose frames stand between a module's code and :func:`compile_remembered`.
_RE_MODULES = frozenset({"re", "re._compiler", __name__})

Key = tuple[Any, int]  # (the pattern, str or bytes; its flags)
#: What :func:`_sre.compile` is given after the pattern: its flags, code, number of groups, the
#: groups by name and the names by group.
Args = tuple[int, list[int], int, dict[str, int], tuple[Any, ...]]

_kept: dict[Key, Args] = {}
_used: set[Key] = set()
#: The code of each kept pattern (marshalled), looked at when a pattern is not kept: a module may
#: spell a pattern anew in each process, with the same code (Babel's plural rules join a set of
#: letters into a character class, in the set's order, which differs from process to process). Such
#: a pattern does not make the file be written again in every run: it is compiled, and kept only
#: when the file is written for a pattern with new code.
_codes: set[bytes] = set()
_new = False
_path: str | None = None
_original: Any = None


def cache_path() -> str:
    """Where the code is kept: ``__pycache__/regex-code.<tag>.<magic>.marshal`` beside this module
    (or under ``sys.pycache_prefix``)."""
    return kept_path("regex-code", "marshal")


def compile_remembered(pattern: Any, flags: int = 0) -> Any:
    """:func:`re._compiler.compile`, with the code of a module's pattern made once (see the module
    docstring)."""
    global _new
    kind = type(pattern)
    if (kind is str or kind is bytes) and type(flags) is int and not flags & _constants.SRE_FLAG_DEBUG:
        key = (pattern, flags)
        args = _kept.get(key)
        if args is not None:
            try:
                compiled = _sre.compile(pattern, *args)
            except Exception:  # (code the matcher refuses: compiled anew)
                _kept.pop(key, None)
            else:
                _used.add(key)
                return compiled
        compiled = _original(pattern, flags)
        if _by_a_module(sys._getframe(1)):
            with contextlib.suppress(Exception):  # (anything unexpected: not kept)
                args = _args(pattern, flags)
                if _sre.compile(pattern, *args) == compiled:
                    _kept[key] = args
                    _used.add(key)
                    code = marshal.dumps(args)
                    if code not in _kept_code():  # (else: kept when the file is written for another)
                        _new = True
                        _codes.add(code)
        return compiled
    return _original(pattern, flags)


def _kept_code() -> set[bytes]:
    """:data:`_codes` (made at the first pattern not kept, in a run)."""
    if not _codes and _kept:
        _codes.update(marshal.dumps(args) for args in _kept.values())
    return _codes


def _by_a_module(frame: Any) -> bool:
    """Whether the pattern is compiled by a module's own code as it is imported (the first frame
    outside :mod:`re` is a module's), not by a function (which may build it from a project's text)."""
    while frame is not None and frame.f_globals.get("__name__") in _RE_MODULES:
        frame = frame.f_back
    return frame is not None and frame.f_code.co_name == "<module>"


def _args(pattern: Any, flags: int) -> Args:
    """What :func:`re._compiler.compile` hands :func:`_sre.compile` for ``pattern``, made its way."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    state = parsed.state
    names = [None] * state.groups
    for name, index in state.groupdict.items():
        names[index] = name
    return (
        flags | state.flags,
        [int(op) for op in code],
        state.groups - 1,
        dict(state.groupdict),
        tuple(names),
    )


def remember() -> None:
    """Have :mod:`re` compile through :func:`compile_remembered` (once per process), with the code
    kept by earlier runs; what this run compiles anew is kept when it exits."""
    global _path, _original
    if _path is not None:
        return
    try:
        _path = cache_path()
    except NotImplementedError:  # (no bytecode cache in this Python: nothing to keep it beside)
        return
    _kept.update(_load(_path))
    _original = _compiler.compile
    _compiler.compile = compile_remembered
    atexit.register(_save)


def _load(path: str) -> dict[Key, Args]:
    """The code kept in ``path``; empty when there is none, it cannot be read, or another Python
    wrote it."""
    kept = read_marshalled(path)
    if not (type(kept) is tuple and len(kept) == 2 and kept[0] == _MATCHER and type(kept[1]) is dict):
        return {}
    return {
        key: args
        for key, args in kept[1].items()
        if type(key) is tuple and len(key) == 2 and type(args) is tuple and len(args) == 5
    }


def _save() -> None:
    """Keep what this process compiled anew (a temporary file renamed over the last one)."""
    if not _new or _path is None or sys.dont_write_bytecode:
        return
    _write(_path, _kept if len(_kept) <= MAX_KEPT else {key: _kept[key] for key in _used if key in _kept})


def _write(path: str, kept: dict[Key, Args]) -> None:
    """``kept`` in ``path`` (see :func:`~transpub.kept_files.write_kept`)."""
    write_marshalled(path, (_MATCHER, kept))
