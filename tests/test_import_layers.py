"""docs/architecture.md's layers hold for every module: `.importlinter` names each one, so that
`lint-imports` checks its imports, and only the catalog package may import polib."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).parents[1]
PACKAGE = REPO / "src" / "transpub"


def _contracts() -> configparser.ConfigParser:
    parser = configparser.ConfigParser()
    parser.read(REPO / ".importlinter", encoding="utf-8")
    return parser


def _top_level_modules() -> set[str]:
    """Every module and package directly under src/transpub/."""
    names = {path.stem for path in PACKAGE.glob("*.py") if not path.name.startswith("__")}
    names |= {path.parent.name for path in PACKAGE.glob("*/__init__.py")}
    return names


def test_every_module_of_transpub_is_in_a_layer_lint_imports_checks() -> None:
    layers = _contracts()["importlinter:contract:layers"]["layers"]
    named = set(re.findall(r"[a-z_]+", layers))
    unchecked = _top_level_modules() - named
    assert not unchecked, (
        f"not in .importlinter's layers, so no import of theirs is checked: {sorted(unchecked)}"
    )


def test_lint_imports_fails_when_a_module_outside_the_catalog_package_imports_polib(tmp_path: Path) -> None:
    lint_imports = Path(sys.executable).parent / "lint-imports"
    if not lint_imports.exists():
        pytest.skip("lint-imports is not installed beside this Python")
    shutil.copytree(PACKAGE, tmp_path / "transpub", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(REPO / ".importlinter", tmp_path)
    sources = tmp_path / "transpub" / "sources.py"
    sources.write_text("import polib  # noqa: F401\n" + sources.read_text(encoding="utf-8"), encoding="utf-8")
    result = subprocess.run(
        [str(lint_imports), "--no-cache"],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(tmp_path)},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1, result.stdout
    assert "transpub.sources -> polib" in result.stdout
