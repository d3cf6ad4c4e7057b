"""Text of a Markdown source that looks like an HTML tag and is none to CommonMark (``<span
title=a`b>``: a backtick in an unquoted value), in the real renderers (Hugo's Goldmark, kramdown,
Python-Markdown, which passes it through as a tag): a pseudo-translated page wrote its ``<``
``&lt;``, not the source's bytes. A translation keeping the stretch once, after other text, writes
it as the source does (each renderer shows it as it shows the source's); a translator's own tag, the
stretch at a line's start or twice, is text in every renderer. A stretch the source escapes (``\\<b>``,
a backslash and a tag to Python-Markdown) was written ``&lt;b>``: Hugo gave its heading another id
(``use-ltb-tags``) and MkDocs showed no backslash; it is written as the source writes it, a line's
start too."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from test_markdown_alt_renderers import EACH_RENDERER, render, unmarked_pseudo
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.md_reader import read_markdown

#: Paragraphs whose text looks like a tag CommonMark does not read as one.
SOURCES = [
    "A <span title=a`b> hi.\n",
    "<span title=a`b> first.\n",
    "Close </span class=x> here.\n",
    "See <a b=c=d> there.\n",
    "X <em x=`>y and more.\n",
    "Type \\<b> to bold.\n",
    "\\<i> first, then more.\n",
    "## Use \\<b> tags\n",
]
#: Each page's translation: the stretch kept once, then moved, twice, first, and a tag of the
#: translator's own beside it.
TRANSLATIONS = {
    "A <span title=a`b> hi.": [
        "Ein <span title=a`b> hallo.",
        "Hallo, ein <span title=a`b>.",
        "<span title=a`b> zuerst.",
        "Zwei <span title=a`b> und <span title=a`b>.",
        "Ein <b onclick=alert(1)>x</b> und <span title=a`b> hallo.",
    ],
    "Close </span class=x> here.": ["Schließe </span class=x> hier.", "Schließe <i>x</i> hier."],
    "See <a b=c=d> there.": ["Siehe <a b=c=d> dort.", "Siehe <a href=javascript:alert(1)>x</a>."],
    "X <em x=`>y and more.": ["X <em x=`>y und mehr `z`.", "X <em x=`>y und <em>z</em>."],
    "Type <b> to bold.": ["<b> macht fett.", "Tippe <b> oder <b> für fett.", "Tippe <b>x</b> <i>fett</i>."],
    "<i> first, then more.": ["Zuerst <i>, dann mehr.", "<i>Zuerst</i> <i>, dann <script>alert(1)</script>."],
}


def _read(source: str) -> Document:
    return read_markdown(source, Path("a.md"), "utf-8", ReadOptions())


def test_text_that_looks_like_a_tag_comes_back_as_written_untranslated_and_pseudo_translated() -> None:
    for source in SOURCES:
        document = _read(source)
        assert document.render(lambda slot: Resolution(slot.msgid)) == source
        assert unmarked_pseudo(document) == source  # (it was written &lt;span…)


def test_a_translation_keeping_the_text_writes_it_as_the_source_does() -> None:
    document = _read("A <span title=a`b> hi.\n")
    table = {"A <span title=a`b> hi.": "Ein <span title=a`b> hallo."}
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))) == "Ein <span title=a`b> hallo.\n"
    table = {"A <span title=a`b> hi.": "<span title=a`b> zuerst."}
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))) == "&lt;span title=a`b> zuerst.\n"


def test_a_translation_keeping_a_tag_the_source_escapes_writes_its_escape() -> None:
    document = _read("Type \\<b> to bold.\n\n## Use \\<b> tags\n")
    table = {"Type <b> to bold.": "<b> macht fett.", "Use <b> tags": "<b>-Tags verwenden"}
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))) == (
        "\\<b> macht fett.\n\n## \\<b>-Tags verwenden\n"
    )
    table = {"Type <b> to bold.": "Tippe <b> oder <b> für fett."}  # (twice: its own writing)
    assert document.render(lambda slot: Resolution(table.get(slot.msgid))).startswith(
        "Tippe &lt;b> oder &lt;b> für fett.\n"
    )


def _elements(html: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    tree = lxml.html.fragment_fromstring(html or "<p></p>", create_parent="div")
    return [
        (e.tag, tuple(sorted(e.attrib.items()))) for e in tree.iter() if e.tag not in ("div", "p", "code")
    ]


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_translation_shows_the_sources_tag_text_as_the_source_does_and_its_own_tags_as_text(
    name: str, tmp_path: Path
) -> None:
    for source in SOURCES:
        shown = _elements(render(name, source, tmp_path))
        msgid = source.strip()
        for text in TRANSLATIONS.get(msgid, []):
            written = _read(source).render(
                lambda slot, t=text, m=msgid: Resolution(t if slot.msgid == m else None)
            )
            found = _elements(render(name, written, tmp_path))
            # (a translator's own tags are text; the source's stretch, kept, is what it is in the source)
            assert set(found) <= set(shown), (text, written, found)
