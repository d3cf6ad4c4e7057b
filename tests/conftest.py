"""Shared fixtures. Minimal on purpose: others may add theirs below."""

from __future__ import annotations

from pathlib import Path

import pytest

#: Every PO/POT path the catalog layer wrote during this test session (see test_catalog_msgcat.py).
WRITTEN_CATALOGS: set[Path] = set()


@pytest.fixture(autouse=True)
def _record_written_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record catalogs written by transpub.fsutil so a final test can run msgcat over them."""
    try:
        import transpub.fsutil as fsutil
    except ImportError:
        return
    original = fsutil.atomic_write_bytes

    def recording(path: Path, data: bytes) -> None:
        original(path, data)
        if Path(path).suffix in (".po", ".pot"):
            WRITTEN_CATALOGS.add(Path(path))

    monkeypatch.setattr(fsutil, "atomic_write_bytes", recording)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the msgcat round-trip over written catalogs after every other test."""
    last = [item for item in items if item.get_closest_marker("after_all_catalogs")]
    if last:
        items[:] = [item for item in items if item not in last] + last


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "after_all_catalogs: runs after every other test")
