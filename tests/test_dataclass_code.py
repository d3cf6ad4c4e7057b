"""The command line keeps the methods ``@dataclass`` compiles (transpub.dataclass_code): a class made
from kept code is made of the code ``exec`` compiles from the same source, so transpub's classes
are the same with it and without it."""

from __future__ import annotations

import json
import marshal
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from transpub import dataclass_code

SRC = str(Path(__file__).resolve().parents[1] / "src")

#: Every source ``dataclasses`` compiles while every module of transpub is imported, and the code of
#: the function ``exec`` makes of it (called, as by ``dataclasses``, from a module without
#: ``__future__`` imports).
RECORD = """
import builtins, dataclasses, importlib, json, marshal, pkgutil, sys
import transpub
sources = []
def recording(source, globals=None, locals=None, /):
    builtins.exec(source, globals, locals)
    sources.append([source, marshal.dumps(locals["__create_fn__"].__code__).hex()])
dataclasses.exec = recording
for module in pkgutil.walk_packages(transpub.__path__, "transpub."):
    if module.name != "transpub.__main__":
        try:
            importlib.import_module(module.name)
        except ImportError:  # (an optional dependency)
            pass
print(json.dumps(sources))
"""


def test_the_methods_of_every_class_made_from_kept_code_are_those_exec_compiles(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RECORD],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"},
        check=True,
    )
    made_by_exec = {source: marshal.loads(bytes.fromhex(code)) for source, code in json.loads(result.stdout)}
    assert len(made_by_exec) > 150  # (transpub's classes: __init__, __repr__, __eq__, … of each)
    kept = tmp_path / "kept.marshal"
    for name, value in (("_codes", {}), ("_used", set()), ("_new", False)):
        monkeypatch.setattr(dataclass_code, name, value)
    for _ in ("compiled", "kept and loaded"):
        for source, expected in made_by_exec.items():
            made: dict[str, Any] = {}
            dataclass_code.exec_remembered(source, {}, made)
            assert made["__create_fn__"].__code__ == expected, source
            _same_code(made["__create_fn__"].__code__, expected)
        dataclass_code._write(str(kept), dataclass_code._codes)
        monkeypatch.setattr(dataclass_code, "_codes", dataclass_code._load(str(kept)))
        assert dataclass_code._codes.keys() == made_by_exec.keys()


def _same_code(code: object, expected: object) -> None:
    """Equal code objects, down to what ``==`` leaves out (names, file, flags), nested ones too."""
    for name in ("co_name", "co_qualname", "co_filename", "co_flags", "co_firstlineno", "co_varnames"):
        assert getattr(code, name) == getattr(expected, name), name
    inner = [const for const in code.co_consts if hasattr(const, "co_code")]  # type: ignore[attr-defined]
    expected_inner = [const for const in expected.co_consts if hasattr(const, "co_code")]  # type: ignore[attr-defined]
    assert len(inner) == len(expected_inner)
    for one, other in zip(inner, expected_inner, strict=True):
        _same_code(one, other)


def test_a_damaged_file_of_kept_code_is_compiled_anew(tmp_path: Path) -> None:
    kept = tmp_path / "kept.marshal"
    for damaged in (b"", b"\x00garbage", b"[]", None):
        if damaged is None:
            dataclass_code._write(str(kept), {"a source": "not code"})  # type: ignore[dict-item]
        else:
            kept.write_bytes(damaged)
        assert dataclass_code._load(str(kept)) == {}
    assert dataclass_code._load(str(tmp_path / "none")) == {}


RUN = """
import sys
from transpub.cli import main
try:
    main(["--version"])
except SystemExit:
    pass
"""


def test_the_command_line_keeps_what_it_compiled_for_the_next_run_where_python_keeps_bytecode(
    tmp_path: Path,
) -> None:
    env = {"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin", "PYTHONPYCACHEPREFIX": str(tmp_path / "cache")}
    subprocess.run([sys.executable, "-c", RUN], env={**env, "PYTHONDONTWRITEBYTECODE": "1"}, check=True)
    assert not [path for path in (tmp_path / "cache").rglob("dataclass-code.*")]
    subprocess.run([sys.executable, "-c", RUN], env=env, check=True)
    (kept,) = (tmp_path / "cache").rglob("dataclass-code.*")
    assert len(dataclass_code._load(str(kept))) > 10
    before = kept.stat()
    subprocess.run([sys.executable, "-c", RUN], env=env, check=True)
    assert kept.stat().st_mtime_ns == before.st_mtime_ns  # (nothing new to keep: not written again)
    assert os.path.dirname(kept) != SRC
