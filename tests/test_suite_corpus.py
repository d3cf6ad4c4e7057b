"""The suite says so when the shared corpus of real pages is missing, instead of passing quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_a_run_without_the_corpus_says_its_tests_did_not_run(tmp_path: Path) -> None:
    env = {**os.environ, "TRANSPUB_CORPUS": str(tmp_path / "no-corpus")}
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "tests/test_real_pages.py"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"real-page corpus not found at {tmp_path / 'no-corpus' / 'real-pages'}" in done.stdout
    banner = [line for line in done.stdout.splitlines() if line.startswith("!")]
    assert len(banner) == 1 and "the corpus tests did not run" in banner[0] and "skipped" in banner[0]
