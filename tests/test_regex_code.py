"""The command line keeps the code of the regular expressions modules compile as they are imported
(transpub.regex_code): a pattern made from kept code is the pattern ``re`` compiles, so every match
is the same with it and without it; a pattern a run builds from a project's text is not kept."""

from __future__ import annotations

import json
import marshal
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from transpub import regex_code

SRC = str(Path(__file__).resolve().parents[1] / "src")

#: Every pattern compiled while every module of transpub is imported (with its flags).
RECORD = """
import importlib, json, pkgutil, re, sys
from re import _compiler
import transpub
patterns = []
original = _compiler.compile
def recording(pattern, flags=0):
    if isinstance(pattern, str):
        patterns.append([pattern, int(flags)])
    return original(pattern, flags)
_compiler.compile = recording
for module in pkgutil.walk_packages(transpub.__path__, "transpub."):
    if module.name not in ("transpub.__main__", "transpub.cli", "transpub.regex_code"):
        try:
            importlib.import_module(module.name)
        except ImportError:  # (an optional dependency)
            pass
print(json.dumps(patterns))
"""


def _compiled_by_a_module(pattern: Any, flags: int) -> Any:
    """``re.compile(pattern, flags)`` run by a module's own code, as at its import."""
    made: dict[str, Any] = {"__name__": "a_module", "pattern": pattern, "flags": flags}
    exec(compile("import re\ncompiled = re.compile(pattern, flags)", "a_module.py", "exec"), made)
    return made["compiled"]


@pytest.fixture
def remembering(monkeypatch: pytest.MonkeyPatch) -> None:
    """regex_code's state emptied, ``re`` compiling through it (put back afterwards), nothing cached."""
    from re import _compiler  # type: ignore[attr-defined]

    for name, value in (("_kept", {}), ("_used", set()), ("_codes", set()), ("_new", False), ("_path", None)):
        monkeypatch.setattr(regex_code, name, value)
    original = regex_code._original or _compiler.compile
    monkeypatch.setattr(regex_code, "_original", original)
    monkeypatch.setattr(_compiler, "compile", regex_code.compile_remembered)
    monkeypatch.setattr(re, "_cache", {})


def test_every_pattern_of_transpub_made_from_kept_code_is_the_pattern_re_compiles(
    tmp_path: Path, remembering: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", RECORD],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"},
        check=True,
    )
    patterns = {(pattern, flags) for pattern, flags in json.loads(result.stdout)}
    assert len(patterns) > 50
    kept = tmp_path / "kept.marshal"
    for stage in ("compiled", "kept and loaded"):
        for pattern, flags in patterns:
            re._cache.clear()  # type: ignore[attr-defined]
            made = _compiled_by_a_module(pattern, flags)
            expected = regex_code._original(pattern, flags)
            assert made == expected, (stage, pattern)  # (equal patterns: the same code)
            assert (made.pattern, made.flags, made.groups, made.groupindex) == (
                expected.pattern,
                expected.flags,
                expected.groups,
                expected.groupindex,
            )
        regex_code._write(str(kept), regex_code._kept)
        monkeypatch.setattr(regex_code, "_kept", regex_code._load(str(kept)))
        assert regex_code._kept.keys() == patterns, stage


def test_a_kept_pattern_is_not_compiled_again(remembering: None, monkeypatch: pytest.MonkeyPatch) -> None:
    first = _compiled_by_a_module(r"(?P<year>\d{4})-(\d\d)", re.IGNORECASE)
    assert len(regex_code._kept) == 1

    def refused(*args: object) -> object:
        raise AssertionError("compiled again")

    monkeypatch.setattr(regex_code, "_original", refused)
    re._cache.clear()  # type: ignore[attr-defined]
    again = _compiled_by_a_module(r"(?P<year>\d{4})-(\d\d)", re.IGNORECASE)
    assert again == first and again is not first
    assert again.fullmatch("2014-12").groupdict() == {"year": "2014"}


def test_a_pattern_spelled_anew_with_the_code_of_a_kept_one_is_not_kept_again(
    remembering: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    # (as Babel joins a set of letters, in another order in each process)
    first = _compiled_by_a_module(r"\b(and|or|[cwfvteni])\b", 0)
    monkeypatch.setattr(regex_code, "_new", False)  # (a later run: what it found kept)
    again = _compiled_by_a_module(r"\b(and|or|[intevfwc])\b", 0)
    assert not regex_code._new  # (no new code: the file is not written again for it)
    assert again.findall("n and x or w") == first.findall("n and x or w") == ["n", "and", "or", "w"]
    other = _compiled_by_a_module(r"\b(and|or|[cwfvtenix])\b", 0)  # (other code: kept)
    assert regex_code._new and other.findall("x") == ["x"]


def test_a_pattern_a_function_builds_is_not_kept(remembering: None) -> None:
    def terms(words: list[str]) -> re.Pattern[str]:  # (as a glossary's terms are matched)
        return re.compile("|".join(map(re.escape, words)))

    assert terms(["ski jump", "Vasaloppet"]).search("the Vasaloppet race")
    assert regex_code._kept == {}


def test_kept_code_the_matcher_refuses_is_compiled_anew(remembering: None) -> None:
    regex_code._kept[("a+b", 0)] = (32, [1, 2, 3], 0, {}, (None,))  # (damaged: not a matcher's code)
    assert _compiled_by_a_module("a+b", 0).fullmatch("aab")
    assert regex_code._kept[("a+b", 0)][1] != [1, 2, 3]


def test_a_damaged_file_or_one_from_another_python_is_compiled_anew(tmp_path: Path) -> None:
    kept = tmp_path / "kept.marshal"
    for damaged in (b"", b"\x00garbage", b"[]"):
        kept.write_bytes(damaged)
        assert regex_code._load(str(kept)) == {}
    regex_code._write(str(kept), {("a", 0): (32, [1], 0, {}, (None,))})
    assert regex_code._load(str(kept))
    other = ("3.0.0", *regex_code._MATCHER[1:])
    kept.write_bytes(marshal.dumps((other, {("a", 0): (32, [1], 0, {}, (None,))})))
    assert regex_code._load(str(kept)) == {}
    assert regex_code._load(str(tmp_path / "none")) == {}


RUN = """
from transpub.cli import main
try:
    main(["--version"])
except SystemExit:
    pass
"""


def test_the_command_line_keeps_the_patterns_it_compiled_for_the_next_run_where_python_keeps_bytecode(
    tmp_path: Path,
) -> None:
    env = {
        "PYTHONPATH": SRC,
        "PATH": "/usr/bin:/bin",
        "PYTHONPYCACHEPREFIX": str(tmp_path / "cache"),
        "PYTHONHASHSEED": "0",  # (Babel builds a pattern from a set: the same one in each run here)
    }
    subprocess.run([sys.executable, "-c", RUN], env={**env, "PYTHONDONTWRITEBYTECODE": "1"}, check=True)
    assert not [path for path in (tmp_path / "cache").rglob("regex-code.*")]
    subprocess.run([sys.executable, "-c", RUN], env=env, check=True)
    (kept,) = (tmp_path / "cache").rglob("regex-code.*")
    assert len(regex_code._load(str(kept))) > 20  # (what `--version` loads: click, the standard library)
    before = kept.stat()
    for seed in ("0", "1", "2"):  # (another seed: Babel's pattern from a set is spelled anew, same code)
        subprocess.run([sys.executable, "-c", RUN], env={**env, "PYTHONHASHSEED": seed}, check=True)
        assert kept.stat().st_mtime_ns == before.st_mtime_ns  # (nothing new to keep: not written again)
    assert os.path.dirname(kept) != SRC
