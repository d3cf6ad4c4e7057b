"""Shared fixtures. Minimal on purpose: others may add theirs below."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Subprocesses the tests start (``python -m transpub`` in a temporary project) run this checkout's
# code: a relative PYTHONPATH (``PYTHONPATH=src pytest``) would name nothing from their folder, and
# they would import whichever transpub the virtualenv has installed (another checkout's, say).
os.environ["PYTHONPATH"] = os.pathsep.join(
    dict.fromkeys(
        [
            str(Path(__file__).resolve().parents[1] / "src"),
            *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep)),
        ]
    )
)

#: The last bytes the catalog layer wrote to each PO/POT path this session (see test_catalog_msgcat.py).
WRITTEN_CATALOGS: dict[Path, bytes] = {}


@pytest.fixture(autouse=True)
def _record_written_catalogs(monkeypatch: pytest.MonkeyPatch) -> None:
    """Record the PO/POT files transpub.catalog writes, so a final test can run msgcat over them."""
    try:
        import transpub.catalog.merge as merge
        import transpub.catalog.pofile as pofile
    except ImportError:
        return
    for module in (merge, pofile):
        original = module.write_if_changed

        def recording(path: Path, data: bytes, _original=original, **options: bool) -> bool:
            written = _original(path, data, **options)
            WRITTEN_CATALOGS[Path(path)] = data
            return written

        monkeypatch.setattr(module, "write_if_changed", recording)
    from transpub.fsutil import WriteBatch  # extract writes its catalogs in batches

    batch_write = WriteBatch.write

    def recording_batch(self: WriteBatch, path: Path, data: bytes, **options: bool) -> None:
        batch_write(self, path, data, **options)
        if str(path).endswith((".po", ".pot")):
            WRITTEN_CATALOGS[Path(path)] = data

    monkeypatch.setattr(WriteBatch, "write", recording_batch)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run the msgcat round-trip over written catalogs after every other test."""
    last = [item for item in items if item.get_closest_marker("after_all_catalogs")]
    if last:
        items[:] = [item for item in items if item not in last] + last


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "after_all_catalogs: runs after every other test")


REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def sample_project(tmp_path: Path) -> Path:
    """A private copy of the repository's sample project (config, articles, catalogs, glossary)."""
    import shutil

    root = tmp_path / "sample"
    root.mkdir()
    shutil.copy(REPO / "transpub.toml", root / "transpub.toml")
    for folder in ("articles", "locales", "glossary"):
        shutil.copytree(REPO / folder, root / folder)
    return root


def _skipped_because(terminalreporter, reason: str) -> int:
    """How many tests were skipped with ``reason`` in their skip message."""
    return sum(
        1
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and reason in str(report.longrepr[2])
    )


def pytest_terminal_summary(terminalreporter, exitstatus, config) -> None:
    """Say so when the shared corpus or the XLIFF schemas are missing: their tests were skipped, not passed."""
    from corpus import MISSING, PAGES
    from exchange_project import SCHEMAS_MISSING

    corpus_tests = _skipped_because(terminalreporter, MISSING)
    if not PAGES and corpus_tests:
        terminalreporter.write_sep("!", f"{MISSING} ({corpus_tests} skipped)", yellow=True, bold=True)
    schema_tests = _skipped_because(terminalreporter, SCHEMAS_MISSING)
    if schema_tests:
        terminalreporter.write_sep(
            "!", f"XLIFF schema validation skipped ({schema_tests} tests)", yellow=True
        )
        terminalreporter.write_line(SCHEMAS_MISSING, yellow=True)
