"""Golden pairs of Markdown articles: tests/data/markdown/<case>.md → <case>.expect.md, the article
pseudo-translated (every translation ``⟦msgid⟧``), and <case>.expect.json, the units translators get.

With the marks removed, the pseudo-translated article is the source again, except that a translated
paragraph is written on one line (its soft line breaks become spaces); identity translation gives
the source byte for byte. Regenerate after an intended change with
``TRANSPUB_REGEN_GOLDEN=1 pytest tests/test_markdown_golden.py`` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.md_reader import read_markdown

DATA = Path(__file__).parent / "data" / "markdown"
CASES = sorted(p.stem for p in DATA.glob("*.md") if not p.stem.endswith(".expect"))
#: A line break and what may follow it at the start of a line inside a block (quote markers, indentation).
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t>]*")
#: Source that a translation writes differently on purpose: an entity as the character it stands for,
#: brackets that are text escaped, a YAML block scalar whose indentation is given by a number as a
#: quoted string (one without keeps its header: its style and final line break), the translated
#: default title of an admonition that gives none.
WRITTEN_ANEW = {
    "admonitions": [("!!! tip\n", '!!! tip "Tip"\n')],
    "containers": [("/// tip\n", "/// tip | Tip\n")],
    "inline": [("&amp;", "&")],  # (a bare & too in the paragraph: either way is the source's)
    "front_yaml_blocks": [(">2\n      indented by a number", '"indented by a number"')],
}


def read(path: Path) -> Document:
    return read_markdown(path.read_text(encoding="utf-8"), path, "utf-8", ReadOptions())


def pseudo(document: Document) -> str:
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))


def units_as_json(document: Document, name: str) -> list[dict]:
    return [
        {
            "msgid": u.msgid,
            "kind": u.kind,
            "refs": list(u.refs),
            **({"notes": list(u.notes)} if u.notes else {}),
            **({"placeholders": [p.legend() for p in u.placeholders]} if u.placeholders else {}),
        }
        for u in document.units(name)
    ]


@pytest.mark.parametrize("case", CASES)
def test_pseudo_translated_markdown_matches_golden_file(case: str) -> None:
    source = DATA / f"{case}.md"
    document = read(source)
    assert not document.warnings
    got_md, got_units = pseudo(document), units_as_json(document, source.name)
    if os.environ.get("TRANSPUB_REGEN_GOLDEN"):
        (DATA / f"{case}.expect.md").write_text(got_md, encoding="utf-8")
        (DATA / f"{case}.expect.json").write_text(
            json.dumps(got_units, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    assert got_md == (DATA / f"{case}.expect.md").read_text(encoding="utf-8")
    assert got_units == json.loads((DATA / f"{case}.expect.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_marks_removed_give_the_source_with_translated_paragraphs_on_one_line(case: str) -> None:
    text = (DATA / f"{case}.md").read_text(encoding="utf-8")
    marked = pseudo(read(DATA / f"{case}.md"))
    plain = marked.replace("⟦", "").replace("⟧", "")
    assert "⟦" in marked
    for written, anew in WRITTEN_ANEW.get(case, []):
        assert written in text
        text = text.replace(written, anew)
    assert _LINE_BREAK.sub(" ", plain) == _LINE_BREAK.sub(" ", text)
    assert plain.count("\n") <= text.count("\n")


@pytest.mark.parametrize("case", CASES)
def test_identity_translation_gives_the_source_byte_for_byte(case: str) -> None:
    text = (DATA / f"{case}.md").read_text(encoding="utf-8")
    document = read(DATA / f"{case}.md")
    assert document.render() == text
    assert document.render(lambda slot: Resolution(slot.msgid)) == text
