"""Where the shared corpus of real web pages is: ``../shared/corpus`` beside the repository
(``TRANSPUB_CORPUS`` names another folder). It is read in place, never copied into the repository.

Without it the corpus tests are skipped, and the run says so in its summary (conftest.py).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CORPUS = Path(os.environ.get("TRANSPUB_CORPUS") or REPO.parent / "shared" / "corpus")
REAL_PAGES = CORPUS / "real-pages"
PAGES = sorted(REAL_PAGES.glob("*.htm*")) if REAL_PAGES.is_dir() else []
MISSING = f"real-page corpus not found at {REAL_PAGES}: the corpus tests did not run (set TRANSPUB_CORPUS)"

#: Mark for a test that needs the corpus: skipped, with the reason, when it is missing.
needs_corpus = pytest.mark.skipif(not PAGES, reason=MISSING)
