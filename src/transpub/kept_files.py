"""Files transpub keeps beside its own bytecode: what one run made that the next can use as it is.

The command line keeps code Python would otherwise compile (:mod:`transpub.dataclass_code`,
:mod:`transpub.regex_code`) and data Babel would otherwise merge on every run. Each file lives in
the ``__pycache__`` folder of transpub's modules (or under ``sys.pycache_prefix``), named for this
Python's bytecode, is written only where Python writes bytecode (not with
``PYTHONDONTWRITEBYTECODE``), through a temporary file renamed over the last one, and is trusted as
that bytecode is. A file that is missing, or cannot be read or written, is never an error: the run
makes what it would hold, as without it.
"""

from __future__ import annotations

import contextlib
import marshal
import os
from importlib.util import MAGIC_NUMBER, cache_from_source
from typing import Any


def kept_path(name: str, extension: str) -> str:
    """Where the file ``name`` is kept: ``__pycache__/<name>.<tag>.<magic>.<extension>`` beside
    transpub's modules. NotImplementedError where this Python keeps no bytecode."""
    pyc = cache_from_source(os.path.join(os.path.dirname(__file__), f"{name}.py"))
    return f"{pyc.removesuffix('.pyc')}.{MAGIC_NUMBER.hex()}.{extension}"


def read_kept(path: str) -> bytes | None:
    """What the kept file ``path`` holds; None when there is none or it cannot be read."""
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def read_marshalled(path: str) -> object:
    """What the kept file ``path`` holds, unmarshalled; None when there is none, it cannot be read, or
    it is damaged (the caller checks the form of what it gets)."""
    data = read_kept(path)
    if data is None:
        return None
    try:
        return marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None


def write_marshalled(path: str, value: Any) -> None:
    """Keep ``value`` marshalled in ``path`` (see :func:`write_kept`)."""
    write_kept(path, marshal.dumps(value))


def write_kept(path: str, data: bytes) -> None:
    """Keep ``data`` in ``path`` (a temporary file renamed over the last one); nothing when it cannot
    be written (a read-only installation). Callers keep nothing where Python writes no bytecode
    (``sys.dont_write_bytecode``)."""
    temporary = f"{path}.{os.getpid()}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
