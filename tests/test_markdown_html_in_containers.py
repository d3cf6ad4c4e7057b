"""HTML blocks over several lines inside a Markdown list item or quote (a note under a numbered step,
a ``<details>`` in a bullet, a ``<div>`` in a quote): their text is offered to translators, a
pseudo-translated page renders as its source in Hugo, Jekyll (kramdown) and MkDocs
(Python-Markdown), and a translation's line breaks and markup never leave the item or the quote."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest

from test_markdown_alt_renderers import EACH_RENDERER, as_shown, render, unmarked_pseudo
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.markdown import read_markdown

PAGE = """\
1. Open the panel.

   <div class="note">
   Remember to save your work before you continue.
   </div>

2. Close it.

> <div class="warning">
> Do not unplug the machine.
> </div>

- Item with details:

  <details>
  <summary>More information</summary>
  The hidden text explains the setting.
  </details>

* A list with a table:

  <table>
    <tr><td>First cell text</td>
        <td>Second <a
        href="https://x.example">cell</a> text</td></tr>
  </table>

> > <p>Nested quote
> > paragraph text.</p>
"""

#: The texts of the HTML blocks above, each in its list item or quote.
INSIDE = [
    "Remember to save your work before you continue.",
    "Do not unplug the machine.",
    "More information",
    "The hidden text explains the setting.",
    "First cell text",
    "Second <1>cell</1> text",
    "Nested quote paragraph text.",
]

#: Translations that would leave the item or the quote, or make markup, were they written as typed.
HOSTILE = [
    "# Kopf",
    "- Punkt",
    "1. Eins",
    "    eingerückt",
    ": Definition",
    "!!! note",
    "> Zitat",
    "---",
    "| a | b |",
    "Text\n\n<script>alert(1)</script>",
    "Text\n\n# Kopf\n- Punkt [x](javascript:alert(1)) *fett* `code`",
    "[x]: javascript:alert(1)",
]


def read(text: str):
    return read_markdown(text, Path("a.md"), "utf-8", ReadOptions())


def rendered_both(name: str, page: str, tmp_path: Path) -> tuple[str, str, str]:
    """``page`` pseudo-translated and as written, each as renderer ``name`` makes it; and the
    pseudo-translation."""
    plain = unmarked_pseudo(read(page))
    return render(name, plain, tmp_path / "translated"), render(name, page, tmp_path / "source"), plain


def test_the_text_of_html_blocks_in_list_items_and_quotes_is_offered_for_translation() -> None:
    msgids = [unit.msgid for unit in read(PAGE).units("a.md")]
    assert [msgid for msgid in msgids if msgid in INSIDE] == INSIDE


def test_a_pseudo_translated_page_keeps_every_line_prefix_of_its_items_and_quotes() -> None:
    marked = read(PAGE).render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "> ⟦Do not unplug the machine.⟧\n> </div>" in marked
    # each line of a block keeps its item's indentation or its quote's ">" (only the one sentence
    # over two lines is written on one)
    assert marked.replace("⟦", "").replace("⟧", "") == PAGE.replace(
        "Nested quote\n> > paragraph", "Nested quote paragraph"
    )


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_pseudo_translated_page_with_html_in_items_and_quotes_renders_as_its_source(
    name: str, tmp_path: Path
) -> None:
    translated, source, _ = rendered_both(name, PAGE, tmp_path)
    assert as_shown(translated) == as_shown(source)


def elements(page: str) -> list[str]:
    """The tags of ``page``'s elements, sorted, and the addresses of its links."""
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    return sorted(str(element.tag) for element in tree.iter()) + sorted(
        str(link.get("href")) for link in tree.iter("a")
    )


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_translation_of_html_text_in_an_item_or_quote_never_leaves_it_or_becomes_markup(
    name: str, tmp_path: Path
) -> None:
    document = read(PAGE)
    source = elements(render(name, PAGE, tmp_path / "source"))
    for number, hostile in enumerate(HOSTILE):
        written = document.render(
            lambda slot, hostile=hostile: Resolution(hostile if slot.msgid in INSIDE[:4] else None)
        )
        assert not any(text in written for text in INSIDE[:4])  # (each offered, and translated)
        assert elements(render(name, written, tmp_path / str(number))) == source, hostile


#: Preformatted text over lines in a list item and a quote, its line breaks shown as written.
PREFORMATTED = """\
1. Run these commands:

   <pre>
   make build
   make install
   </pre>

> <div>
> <pre>
> first line
> second line
> </pre>
> </div>
"""


def preformatted(page: str) -> list[str]:
    """The text of each ``<pre>`` element of ``page``, as shown (its line breaks kept)."""
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    return [element.text_content().strip() for element in tree.iter("pre")]


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_preformatted_text_in_an_item_or_quote_keeps_its_line_breaks_in_a_pseudo_translated_page(
    name: str, tmp_path: Path
) -> None:
    translated, source, plain = rendered_both(name, PREFORMATTED, tmp_path)
    assert preformatted(translated) == preformatted(source), plain


#: HTML blocks in a MkDocs list item (indented 4 spaces) and in a quote, where Python-Markdown reads
#: their lines as Markdown: a heading, a rule, a quote, a list there.
MARKDOWN_LINES = """\
-   Open the panel.

    <div class="note">
    Remember to save.
    # Saving
    </div>

> <div>
> Do not unplug the machine.
> ---
> - Ever.
> </div>
"""


@pytest.mark.parametrize("name", EACH_RENDERER)
def test_a_heading_rule_or_list_line_in_html_of_an_item_or_quote_stays_one_in_a_pseudo_translated_page(
    name: str, tmp_path: Path
) -> None:
    translated, source, plain = rendered_both(name, MARKDOWN_LINES, tmp_path)
    assert as_shown(translated) == as_shown(source), plain
