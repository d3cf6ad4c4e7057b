"""What a Markdown source writes right after a bare URL that GitHub's GFM autolinks and MkDocs'
magiclink leave out of it (``https://a.org.)``, ``https://a.org/x..``) or take into it (``]``, to
GitHub): a pseudo-translation wrote the dot ``&#46;``, which both take into the URL (GitHub linked
``https://a.org&#46`` and showed it so), and the ``]`` apart from the URL (``https://a.org<!-- -->]``,
GitHub's link one character shorter). Each comes back as the source writes it.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from test_markdown_goldmark_url_ends import pseudo, written
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.md_reader import read_markdown

#: Paragraphs whose bare URL is followed by what GitHub and magiclink leave out of it, or take in.
SOURCES = [
    "Read (see https://a.org/x.), then more.\n",
    "Go to https://a.org/x.. then.\n",
    "List https://a.org] here.\n",
]


def _pseudo(source: str) -> str:
    """``source`` read for no generator named, every unit ``⟦as itself⟧``, the marks removed."""
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "")


@pytest.mark.parametrize("source", SOURCES)
def test_a_pseudo_translated_page_is_its_source(source: str) -> None:
    assert _pseudo(source) == source


@pytest.mark.parametrize("source", SOURCES)
def test_a_pseudo_translated_page_read_for_mkdocs_is_its_source(source: str) -> None:
    assert pseudo(source, "mkdocs") == source


def test_a_translation_ending_a_url_with_a_dot_and_a_parenthesis_keeps_its_link_in_mkdocs() -> None:
    markdown = pytest.importorskip("markdown", reason="Python-Markdown (MkDocs' renderer) is not installed")
    pytest.importorskip("pymdownx", reason="pymdown-extensions is not installed (the lock's test extra)")
    source = "(see https://a.org.)\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    for page in (
        document.render(lambda slot: Resolution("(véase <1/>.)")),
        written(source, "(véase <1/>.)", "mkdocs"),
    ):
        assert page == "(véase https://a.org.)\n"
        tree = lxml.html.fragment_fromstring(
            markdown.markdown(page, extensions=["pymdownx.magiclink"]), create_parent="div"
        )
        assert [link.get("href") for link in tree.iter("a")] == ["https://a.org"]
    # (Hugo's Goldmark reads the reference as the dot and ends the URL before it)
    assert written(source, "(véase <1/>.)") == "(véase https://a.org&#46;)\n"
