"""The CommonMark spec examples (and GFM's tables, task lists, strikethrough and autolinks) as
Markdown articles: nothing changes that nobody translated.

Each example (tests/data/commonmark/, see its README) is read as an article, then

- untranslated, it is written back byte for byte;
- pseudo-translated (every msgid ``⟦msgid⟧``), everything outside the marks is the source byte for
  byte, and the page shows what the source shows with the translation in place (the same HTML,
  the marks taken out of it);
- with the marks removed, each translated stretch is its source again, but for what a translation
  is written with on purpose: a translation is written on one line (its soft line breaks become
  spaces) and its text is escaped anew (a character the source wrote as an entity or with a
  backslash may be written as itself or escaped otherwise: the same text, shown the same).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from transpub.errors import ArticleError
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.md_parser import rendering_parser
from transpub.formats.md_reader import read_markdown

EXAMPLES = json.loads((Path(__file__).parent / "data" / "commonmark" / "examples.json").read_text("utf-8"))
#: Examples an article does not read as CommonMark does, on purpose.
NOT_COMMONMARK = {
    # a file that starts with a ``---`` line starts with front matter for Hugo, Jekyll and MkDocs:
    # ``Foo`` is no mapping of keys to values, an error naming the line
    ("commonmark", 96): "front matter",
}
#: Examples whose bare URL a translation writes as a link on its own on purpose (the page shows the
#: same link): the text glued after it is escaped anew (``&amp;hl;``, ``&lt;lp``), which would
#: make it part of a bare URL.
BARE_URL_AS_LINK = {("gfm", 626), ("gfm", 627)}
#: A bare URL written as a link on its own: ``<URL>``, or ``[URL](http://URL)`` for a ``www.`` one
#: (with no generator named, written apart from the text glued to it with an empty HTML comment).
_STANDALONE_URL = re.compile(r"<([^<>\s]+)>|\[([^\]]+)\]\(http://([^()\s]+)\)")
#: Known to change (not fixed yet): each reason says what a user would see.
KNOWN: dict[tuple[str, int], str] = {}
#: A backslash escape or a character reference (as CommonMark reads them: at most 7 decimal digits).
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);")
#: A line break and the container prefixes (quote markers, indentation) of the line it starts.
_LINE_BREAK = re.compile(r"[ \t]*\n[ \t>]*")


def _id(example: dict) -> str:
    return f"{example['spec']}-{example['example']}"


def _outside_marks(marked: str) -> list[str]:
    """The stretches of ``marked`` outside every ``⟦…⟧`` (marks nest: a link title inside a sentence)."""
    stretches, current, depth = [], [], 0
    for char in marked:
        if char == "⟦":
            if depth == 0:
                stretches.append("".join(current))
                current = []
            depth += 1
        elif char == "⟧":
            depth -= 1
        elif depth == 0:
            current.append(char)
    stretches.append("".join(current))
    return stretches


def _inside_marks(marked: str) -> list[str]:
    """The outermost ``⟦…⟧`` stretches of ``marked``, marks taken out."""
    found, current, depth = [], [], 0
    for char in marked:
        if char == "⟦":
            depth += 1
        elif char == "⟧":
            depth -= 1
            if depth == 0:
                found.append("".join(current))
                current = []
        elif depth:
            current.append(char)
    return found


def _as_shown(markdown: str) -> str:
    """What a stretch of Markdown says once escapes and entities are read and spaces collapsed."""
    text = _LINE_BREAK.sub(" ", markdown)
    return " ".join(_ESCAPE.sub(lambda m: m.group(1) or html.unescape(m.group()), text).split())


def _bare_again(markdown: str) -> str:
    """``markdown`` with each bare URL written as a link on its own (see :data:`BARE_URL_AS_LINK`)
    written bare again, as the source has it."""

    def bare(match: re.Match[str]) -> str:
        if match.group(1):
            return match.group(1)
        shown = html.unescape(match.group(2))
        return shown if shown == match.group(3) else match.group(0)

    return _STANDALONE_URL.sub(bare, markdown).replace("<!-- -->", "")


def _page(markdown: str) -> str:
    return " ".join(rendering_parser().render(markdown).split())


def _case(example: dict) -> object:
    known = KNOWN.get((example["spec"], example["example"]))
    marks = [pytest.mark.xfail(reason=known, strict=True)] if known else []
    return pytest.param(example, id=_id(example), marks=marks)


@pytest.mark.parametrize("example", [_case(example) for example in EXAMPLES])
def test_a_spec_example_changes_nowhere_but_in_what_was_translated(example: dict) -> None:
    source = example["markdown"]
    reason = NOT_COMMONMARK.get((example["spec"], example["example"]))
    try:
        document = read_markdown(source, Path("example.md"), "utf-8", ReadOptions())
    except ArticleError:
        assert reason, "refused though nothing says why"
        return
    assert reason is None, f"{reason}: expected to be refused"
    assert document.render() == source
    assert document.render(lambda slot: Resolution(slot.msgid)) == source
    # the marks stand apart from the text next to them (a mark glued to a bare URL would be part of it)
    spaced = document.render(lambda slot: Resolution(f"⟦ {slot.msgid} ⟧"))
    marked = spaced.replace("⟦ ", "⟦").replace(" ⟧", "⟧")
    outside = _outside_marks(marked)
    translated = re.fullmatch("(.*?)".join(map(re.escape, outside)), source, re.S)
    assert translated, f"changed outside the translation: {marked!r}"
    inside = _inside_marks(marked)
    if (example["spec"], example["example"]) in BARE_URL_AS_LINK:
        inside = [_bare_again(stretch) for stretch in inside]
    # (an image's alt text with markup came back as the text it shows: "foo bar" for "foo *bar*")
    assert [_as_shown(t) for t in inside] == [_as_shown(stretch) for stretch in translated.groups()]
    page = _page(spaced).replace("⟦ ", "").replace(" ⟧", "")
    if (example["spec"], example["example"]) in BARE_URL_AS_LINK:
        page = page.replace("<!-- -->", "")  # (the comment a URL is written apart with shows nothing)
    assert page == _page(source)
