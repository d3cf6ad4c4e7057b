"""How many entries of the real-page corpus the numbers check flags, by language and kind.

Extracts every page of the corpus (distinct msgids, as ``bench_apertium_styles.units``) and counts
what ``numbers_problem`` says of each:

- ``pseudo``: every msgid copied as its translation (``⟦msgid⟧``), in German, French, Spanish,
  Russian, Chinese and Arabic. A copy carries every number; what is flagged is a number written as
  the source writes it where the language reads it otherwise (``3.5`` in German).
- ``--mt``: the pages machine-translated into Spanish by the installed ``apertium`` through
  ``translate_project`` (numbers written the Spanish way by pre-fill), each filled entry checked.

Each count is split by kind: ``written as in the source``, ``missing``, ``not in the source``, and
``counted`` (a number written more or fewer times than in the source).

    PYTHONPATH=src .venv/bin/python bench/bench_numbers_alarms.py [--mt] [--show N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from bench_apertium_styles import units
from corpus import MISSING, PAGES
from transpub.catalog import read_catalog
from transpub.check.numbers import numbers_problem
from transpub.project import load_project
from transpub.translate import translate_project

LOCALES = ["de", "fr", "es", "ru", "zh_CN", "ar"]
KINDS = ("written as in the source", "is missing", "are missing", "not in the source", "in the translation")


def kinds(problem: str) -> set[str]:
    """The kinds of difference ``problem`` names."""
    return {kind for kind in KINDS if kind in problem}


def machine_translated(root: Path) -> list[tuple[str, str]]:
    """Each msgid of the pages and Apertium's Spanish of it (as pre-filled by transpub)."""
    units([p.stem for p in PAGES], root)  # (the project, extracted)
    translate_project(load_project(root), ["es"])
    return [
        (entry.msgid, entry.msgstr)
        for catalog in sorted((root / "locales" / "es" / "LC_MESSAGES").glob("*.po"))
        for entry in read_catalog(catalog)
        if entry.msgstr and not entry.msgid_plural
    ]


def report(name: str, pairs: list[tuple[str, str]], locale: str, show: int) -> None:
    """Print how many of ``pairs`` the numbers check flags in ``locale``, by kind."""
    flagged = [(s, p) for s, t in pairs if (p := numbers_problem(s, t, "en", locale)) is not None]
    by_kind = Counter(kind for _, problem in flagged for kind in kinds(problem))
    print(f"{name:7} {locale:6} {len(pairs):6} entries  {len(flagged):4} flagged  {dict(by_kind)}")
    for source, problem in flagged[:show]:
        print(f"    {source[:70]!r}: {problem[:150]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mt", action="store_true", help="also Apertium's Spanish (apertium eng-spa)")
    parser.add_argument("--show", type=int, default=0, help="print N flagged entries of each")
    options = parser.parse_args()
    if not PAGES:
        print(MISSING)
        return
    with tempfile.TemporaryDirectory() as tmp:
        texts = units([p.stem for p in PAGES], Path(tmp) / "pseudo")
        for locale in LOCALES:
            report("pseudo", [(text, f"⟦{text}⟧") for text in texts], locale, options.show)
        if options.mt:
            report("mt", machine_translated(Path(tmp) / "mt"), "es", options.show)


if __name__ == "__main__":
    main()
