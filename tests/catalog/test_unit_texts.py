"""Extract writes an article's template and catalogs from texts formatted straight from its units
(no polib entry unless a catalog is merged entry by entry): exactly what the template built from
the same units gives."""

from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from transpub.catalog import (
    build_template,
    format_catalog,
    merge,
    read_catalog,
    template_header,
    template_texts,
    unit_texts,
    update_catalog,
    write_template,
)
from transpub.model import Placeholder, Unit

_ALPHABET = list("abc xyz  0123.,:;!?-/()<>") + list('\\"\t\n\r\a') + list("éüß中文，。「」…\u00a0\u200b한")


def _text(rng: random.Random, longest: int = 150) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.choice([0, 1, 5, 30, 70, longest])))


def _sentence(rng: random.Random) -> str:
    words = [
        "The",
        "council",
        "approved",
        "a",
        "budget",
        "of",
        "418",
        "million",
        "euros",
        "in",
        "March",
        "<1>",
    ]
    return " ".join(rng.choice(words) for _ in range(rng.choice([5, 12, 14, 30])))


def _units(rng: random.Random) -> list[Unit]:
    units: list[Unit] = []
    for n in range(rng.randint(0, 14)):
        msgid = rng.choice([f"{n}: {_text(rng)}", f"{n}: {_text(rng)}", f"{n}: {_sentence(rng)}", "", "same"])
        units.append(
            Unit(
                msgid,
                tuple(
                    rng.choice([f"articles/a.html#p[{n}]", "./articles/b.html", f"a.html:{n}", "x" * 90])
                    for _ in range(rng.choice([0, 1, 1, 1, 2, 3]))
                ),
                notes=units[-1].notes  # (the sentences of a paragraph)
                if units and rng.random() < 0.4
                else tuple(
                    rng.choice(["note", "two\nlines", "C:\\", "", "\n", _text(rng, 90)])
                    for _ in range(rng.choice([0, 0, 1, 2]))
                ),
                placeholders=tuple(
                    Placeholder(
                        k + 1,
                        rng.choice(["a", "br", "code"]),
                        rng.random() < 0.5,
                        rng.choice(["", "run()", "x" * 70]),
                    )
                    for k in range(rng.choice([0, 0, 1, 2]))
                ),
                flags=tuple(
                    rng.choice(["no-wrap", "python-format", "custom", "fuzzy"])
                    for _ in range(rng.choice([0, 0, 0, 1, 2]))
                ),
            )
        )
    return units


def _same_but_the_minute(a: bytes, b: bytes) -> bool:
    date = re.compile(rb"(PO-Revision|POT-Creation)-Date: [^\\]*")
    return date.sub(b"", a) == date.sub(b"", b)


@pytest.mark.parametrize("seed", range(6))
def test_texts_from_units_are_those_of_the_template_built_from_them(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    for case in range(40):
        units = _units(rng)
        template = build_template(units, project_name="News")
        noted = {unit.msgid for unit in units if rng.random() < 0.3} if rng.random() < 0.7 else None
        expected = template_texts(template, noted=noted)
        header = template_header("News")
        texts = unit_texts(units, header, noted=noted)
        assert list(texts.entries) == list(expected.entries)
        assert list(texts.blocks) == list(expected.blocks) == merge.catalog_blocks(template)
        assert texts.count == expected.count
        assert [(s.msgid, t, e) for s, t, e in texts.fresh] == [(s.msgid, t, e) for s, t, e in expected.fresh]
        assert [p if isinstance(p, bytes) else (p[0].msgid, *p[1:]) for p in texts.pieces] == [
            p if isinstance(p, bytes) else (p[0].msgid, *p[1:]) for p in expected.pieces
        ]
        assert (texts.kept is None) == (expected.kept is None)
        if texts.kept is not None:
            assert texts.kept == expected.kept
        assert texts.full is not None and merge.format_entries(texts.full()) == list(expected.entries)
        if len({unit.msgid for unit in units}) < len(units) or not all(unit.msgid for unit in units):
            continue  # (no catalog to write: gettext's tools refuse them, and the suite checks them all)
        # the files written: the template, a new catalog, and one merged with a translated catalog
        for way, (po, made) in {"units": (header, texts), "template": (template, expected)}.items():
            folder = tmp_path / f"{case}-{way}"
            write_template(po, folder / "a.pot", texts=made)
            update_catalog(folder / "de.po", po, "de", texts=made)
            if units:
                update_catalog(
                    folder / "fr.po", build_template(units[1:] + units[:1], project_name="News"), "fr"
                )
                translated = read_catalog(folder / "fr.po")  # (in another order: merged entry by entry)
                for entry in translated:
                    entry.msgstr = "⟦" + entry.msgid + "⟧" if entry.msgid.count("\n") == 0 else ""
                (folder / "fr.po").write_text(format_catalog(translated), encoding="utf-8")
                update_catalog(folder / "fr.po", po, "fr", texts=made)
        for name in ("a.pot", "de.po", "fr.po"):
            units_file, template_file = (
                tmp_path / f"{case}-units" / name,
                tmp_path / f"{case}-template" / name,
            )
            assert units_file.exists() == template_file.exists()
            if units_file.exists():
                assert _same_but_the_minute(units_file.read_bytes(), template_file.read_bytes()), (case, name)
