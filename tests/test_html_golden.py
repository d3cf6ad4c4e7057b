"""Golden files: each tests/data/html/<case>.html beside <case>.expect.json (the units a translator gets).

Regenerate after an intended change with ``TRANSPUB_REGEN_GOLDEN=1 pytest tests/test_html_golden.py``
and review the diff: every line of an .expect.json file is a promise to translators.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from transpub.formats import ReadOptions, read_article

DATA = Path(__file__).parent / "data" / "html"
CASES = sorted(p.stem for p in DATA.glob("*.html"))


def units_as_json(path: Path) -> list[dict]:
    """The units of ``path`` as plain data: msgid, refs, notes (and placeholder tags)."""
    document = read_article(path, ReadOptions())
    return [
        {
            "msgid": u.msgid,
            "refs": list(u.refs),
            "notes": list(u.notes),
            **({"placeholders": [f"{p.number}:{p.tag}" for p in u.placeholders]} if u.placeholders else {}),
        }
        for u in document.units(path.name)
    ]


@pytest.mark.parametrize("case", CASES)
def test_extracted_units_match_golden_file(case: str) -> None:
    source = DATA / f"{case}.html"
    expected_path = DATA / f"{case}.expect.json"
    got = units_as_json(source)
    if os.environ.get("TRANSPUB_REGEN_GOLDEN"):
        expected_path.write_text(json.dumps(got, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    expected = json.loads(expected_path.read_text(encoding="utf-8"))
    assert got == expected


@pytest.mark.parametrize("case", CASES)
def test_golden_article_renders_back_unchanged(case: str) -> None:
    source = DATA / f"{case}.html"
    document = read_article(source, ReadOptions())
    assert document.render() == source.read_text(encoding="utf-8")
