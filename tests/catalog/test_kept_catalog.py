"""A catalog that merging would leave as it is (the translators filled it; its article did not change)
is recognised without a full merge, with exactly the full merge's outcome: the same report, the same
file afterwards, the same error for a broken one."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from transpub.catalog import build_template, format_catalog, merge, read_catalog, template_texts
from transpub.errors import CatalogError
from transpub.model import Unit

_ALPHABET = list("abc xyz  0123.,:;!?-/()<>") + list('\\"\t\n') + list("éüß中文，。「」…\u00a0한")


def _text(rng: random.Random, longest: int = 160) -> str:
    return "".join(rng.choice(_ALPHABET) for _ in range(rng.choice([1, 5, 30, 70, longest])))


def _template(rng: random.Random) -> tuple[object, Callable[[str], list[str]]]:
    """A template as extract makes one (unique msgids, references, notes), and glossary notes."""
    units = [
        Unit(
            f"{n}: {_text(rng)}",
            (f"articles/a.html#p[{n}]",) if n % 7 else (f"articles/a.html#p[{n}]", "articles/a.html#x"),
            notes=(f"note {n}",) if n % 3 else (),
        )
        for n in range(rng.randint(1, 12))
    ]

    def notes_for(msgid: str) -> list[str]:
        return [["Glossary: lake → See"], [], ["a\nb", "c"], ["path C:\\"], []][len(msgid) % 5]

    return build_template(units, project_name="News"), notes_for


def _translated(rng: random.Random, path: Path) -> None:
    """The catalog at ``path`` as a translator's tool may leave it: msgstrs (some that the reader
    refuses), fuzzy and other flags, translator comments, written as transpub writes catalogs."""
    po = read_catalog(path)
    for entry in po:
        if rng.random() < 0.8:
            entry.msgstr = rng.choice([_text(rng).strip("\n"), "⟦" + entry.msgid.strip("\n") + "⟧"])
            if entry.msgid.endswith("\n"):
                entry.msgstr += "\n"
            if rng.random() < 0.03:  # a newline where the msgid has none: the reader refuses it
                entry.msgstr = "\n" + entry.msgstr
        if rng.random() < 0.3:
            entry.flags.append("fuzzy")
        if rng.random() < 0.1:
            entry.flags.append(rng.choice(["c-format", "no-wrap", "custom", "fuzzy"]))
        if rng.random() < 0.2:
            entry.tcomment = rng.choice(
                ["transpub: machine translation by deepl", "checked\nby Anna", "C:\\", "", " spaced", "x\n"]
            )
    if rng.random() < 0.2:
        po.metadata["PO-Revision-Date"] = "2026-01-02 03:04+0000"
    path.write_text(format_catalog(po), encoding="utf-8")


def _blocks(text: str) -> list[str]:
    return text.split("\n\n")


#: What else may happen to a catalog (by hand, by another tool), each a change of its text.
_CHANGES: list[Callable[[random.Random, str], str]] = [
    lambda rng, text: text,
    lambda rng, text: re.sub(r'"\n"', "", text, count=1),  # another wrapping (joins two strings)
    lambda rng, text: text.replace('"\n', '" \n', 1),  # a space after a string
    lambda rng, text: text.replace("\n", "\r\n"),
    lambda rng, text: text.replace("\n\n", "\n\n\n", 1),
    lambda rng, text: text.replace("POT-Creation-Date: ", "POT-Creation-Date: 1999", 1),
    lambda rng, text: text.replace("Report-Msgid-Bugs-To: ", "Report-Msgid-Bugs-To: me", 1),
    lambda rng, text: text.replace("charset=UTF-8", "charset=ISO-8859-1", 1),
    lambda rng, text: text.replace("charset=UTF-8", "charset=nonsense", 1),
    lambda rng, text: text.replace("Content-Type", "Content-Tipe", 1),
    lambda rng, text: text.replace('msgid ""\n', '# header note\n#, fuzzy\nmsgid ""\n', 1),
    lambda rng, text: text.replace("\n\n", "\n# stray\n\n", 1),
    lambda rng, text: "\n\n".join(_blocks(text)[:-1]) + "\n",  # an entry gone
    lambda rng, text: text + '\n#~ msgid "old"\n#~ msgstr "alt"\n',
    lambda rng, text: text + '\nmsgid "new"\nmsgstr "neu"\n',
    lambda rng, text: text + "\n" + _blocks(text)[-1],  # an entry twice
    lambda rng, text: "\n\n".join([_blocks(text)[0], *reversed(_blocks(text)[1:])]),
    lambda rng, text: text.replace("\nmsgid ", '\n#| msgid "before"\nmsgid ', 1),
    lambda rng, text: text.replace("\nmsgid ", "\n#, fuzzy\nmsgid ", 1),
    lambda rng, text: text.replace("\n#. ", "\n#! ranged\n#. ", 1),
    lambda rng, text: text.replace("\n#. ", "\n#. edited ", 1),
    lambda rng, text: text.replace("\n#: ", "\n#: articles/b.html ", 1),
    lambda rng, text: text.replace('\nmsgstr "', '\nmsgstr "\\q', 1),  # an invalid escape
    lambda rng, text: text.replace('\nmsgstr "', '\nmsgstr "\\303', 1),  # not UTF-8
    lambda rng, text: text.replace('\nmsgstr "', '\nmsgstr  "', 1),
    lambda rng, text: text.replace('\nmsgstr "', '\nmsgstr "\\\n', 1),  # a line continued
    lambda rng, text: text.replace("\n# ", "\n#", 1),
    lambda rng, text: text.replace("\n#, ", "\n#,", 1),
    lambda rng, text: text.rstrip("\n"),
    lambda rng, text: text[: rng.randint(0, len(text))],
    lambda rng, text: "\ufeff" + text,
]


@pytest.mark.parametrize("seed", range(8))
def test_a_catalog_recognised_as_kept_gives_what_the_full_merge_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed: int
) -> None:
    rng = random.Random(seed)
    full_merge = merge._kept_catalog
    shown_kept = 0
    for case in range(60):
        template, notes_for = _template(rng)
        notes = notes_for if rng.random() < 0.7 else None
        texts = template_texts(template)
        fresh = tmp_path / f"{case}.po"
        merge.update_catalog(fresh, template, "de", notes_for=notes, texts=texts)
        _translated(rng, fresh)
        change = rng.choice(_CHANGES) if rng.random() < 0.6 else _CHANGES[0]
        text = change(rng, fresh.read_text(encoding="utf-8"))
        encoding = "latin-1" if "ISO-8859-1" in text and rng.random() < 0.5 else "utf-8"
        data = text.encode(encoding, "replace")
        outcomes = []
        for fast in (True, False):
            monkeypatch.setattr(merge, "_kept_catalog", full_merge if fast else lambda *args: None)
            path = tmp_path / str(fast) / "de.po"
            path.parent.mkdir(exist_ok=True)
            path.write_bytes(data)
            try:
                report = merge.update_catalog(path, template, "de", notes_for=notes, texts=texts)
            except CatalogError as exc:
                outcomes.append(
                    ("error", str(exc).replace(str(path.parent), ""), exc.line, path.read_bytes())
                )
            else:
                outcomes.append(("report", report, None, path.read_bytes()))
        assert outcomes[0] == outcomes[1], (seed, case, text)
        monkeypatch.setattr(merge, "_kept_catalog", full_merge)
        if outcomes[0][0] == "report" and full_merge(
            merge.decode_catalog(data, fresh), template, texts, notes
        ):
            shown_kept += 1
            assert outcomes[0][1].written is False
    assert shown_kept >= 15  # the quick way is taken often enough to be tested


def test_a_catalog_the_translators_filled_is_left_alone_by_the_next_extract(tmp_path: Path) -> None:
    rng = random.Random(99)
    template, notes_for = _template(rng)
    path = tmp_path / "de.po"
    merge.update_catalog(path, template, "de", notes_for=notes_for)
    po = read_catalog(path)
    for entry in po:
        entry.msgstr = "⟦" + entry.msgid + "⟧"
    path.write_text(format_catalog(po), encoding="utf-8")
    before = path.read_bytes()
    report = merge.update_catalog(path, template, "de", notes_for=notes_for)
    assert report == merge.UpdateReport(kept=len(po))
    assert path.read_bytes() == before
