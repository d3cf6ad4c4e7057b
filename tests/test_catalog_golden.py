"""Golden files: each tests/data/catalog/<case>.expect.po is what one catalog operation writes.

The operation is the case name's first word (see tests/data/catalog/README.md). Regenerate the
expected files deliberately with ``TRANSPUB_REGEN_GOLDEN=1 .venv/bin/pytest tests/test_catalog_golden.py``
and review the diff before committing it.
"""

from __future__ import annotations

import os
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from transpub.catalog import (
    entry_state,
    headers,
    read_catalog,
    set_machine_translation,
    update_catalog,
    write_catalog,
)

DATA = Path(__file__).parent / "data" / "catalog"
CASES = sorted(path.name[: -len(".expect.po")] for path in DATA.glob("*.expect.po"))
REGENERATE = os.environ.get("TRANSPUB_REGEN_GOLDEN") == "1"
PROVENANCE = "machine translation by fake (en→{locale}) on 2026-11-25"


class _FrozenDatetime(datetime):
    @classmethod
    def now(cls, tz: object = None) -> datetime:  # type: ignore[override]
        return datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def run_operation(case: str, work: Path) -> Path:
    """Apply the case's operation to a private copy of its input; return the catalog it wrote."""
    operation, _, name = case.partition("-")
    catalog = work / f"{case}.po"
    if (DATA / f"{case}.po").exists():
        shutil.copy(DATA / f"{case}.po", catalog)
    template_path = DATA / f"{case}.pot"
    template = read_catalog(template_path) if template_path.exists() else None
    if operation == "new":
        update_catalog(catalog, template, name)
    elif operation in ("merge", "purge"):
        locale = read_catalog(catalog).metadata["Language"]
        update_catalog(catalog, template, locale, purge_obsolete=operation == "purge")
    elif operation == "mt":
        po = read_catalog(catalog)
        locale = po.metadata["Language"]
        for entry in po:
            if entry_state(entry) != "translated":
                set_machine_translation(entry, f"[{locale}] {entry.msgid}", PROVENANCE.format(locale=locale))
        write_catalog(po, catalog)
    elif operation == "rewrite":
        write_catalog(read_catalog(catalog), catalog)
    else:
        raise AssertionError(f"{case}: unknown operation {operation!r} (see tests/data/catalog/README.md)")
    return catalog


def test_every_operation_has_golden_cases() -> None:
    assert {case.partition("-")[0] for case in CASES} == {"merge", "purge", "mt", "new", "rewrite"}


@pytest.mark.parametrize("case", CASES)
def test_catalog_operation_writes_the_golden_file(
    case: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(headers, "datetime", _FrozenDatetime)
    written = run_operation(case, tmp_path).read_text(encoding="utf-8")
    expected_path = DATA / f"{case}.expect.po"
    if REGENERATE:
        expected_path.write_text(written, encoding="utf-8")
        pytest.skip(f"regenerated {expected_path.name}; review the diff")
    assert written == expected_path.read_text(encoding="utf-8")
