"""Constructs of Jekyll documentation sites (just-the-docs' own docs) as Jekyll's kramdown reads
them: a pseudo-translated page, its marks removed, is the source byte for byte, and renders as the
source does where kramdown with its GFM parser is installed (a skip that says so where it is not)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.md_reader import read_markdown

KRAMDOWN_GFM = shutil.which("ruby") is not None and (
    subprocess.run(["ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", ""], capture_output=True).returncode
    == 0
)
needs_kramdown = pytest.mark.skipif(
    not KRAMDOWN_GFM, reason="kramdown with its GFM parser (Debian ruby-kramdown-parser-gfm) is not installed"
)


def read(text: str) -> Document:
    return read_markdown(text, Path("docs/ui-components/buttons.md"), "utf-8", ReadOptions())


def msgids(document: Document) -> list[str]:
    return [unit.msgid for unit in document.units()]


def unmarked_pseudo(document: Document) -> str:
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "")


def translate(document: Document, table: dict[str, str]) -> str:
    return document.render(lambda slot: Resolution(table.get(slot.msgid)))


def jekyll(markdown: str) -> str:
    """``markdown`` as Jekyll renders it (kramdown, GFM parser, Jekyll's ``hard_wrap: false``)."""
    script = 'print Kramdown::Document.new(STDIN.read, input: "GFM", hard_wrap: false).to_html'
    return subprocess.run(
        ["ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", script],
        input=markdown,
        text=True,
        capture_output=True,
        check=True,
    ).stdout


#: just-the-docs' buttons page: a rendered example in a ``markdown="1"`` block, its code under it.
BUTTON_SIZES = """\
## Button size

<div class="code-example" markdown="1">
<span class="fs-6">
[Big button](https://example.com){: .btn }
</span>

Buttons come in *two* sizes.
</div>
```markdown
<span class="fs-6">
[Big button](https://example.com){: .btn }
</span>
```

## Spacing between buttons
"""


def test_the_code_under_a_markdown_1_block_stays_code_and_the_heading_after_it_is_offered() -> None:
    # kramdown ends the block at </div> and reads the fence under it; CommonMark's HTML block ran on
    # to the blank line, so the fence's closing line opened a code block over the rest of the page
    document = read(BUTTON_SIZES)
    assert msgids(document) == ["Button size", "Buttons come in <1>two</1> sizes.", "Spacing between buttons"]
    assert unmarked_pseudo(document) == BUTTON_SIZES


@needs_kramdown
def test_the_code_under_a_markdown_1_block_renders_in_jekyll_as_in_the_source() -> None:
    document = read(BUTTON_SIZES)
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert jekyll(marked).replace("⟦", "").replace("⟧", "") == jekyll(BUTTON_SIZES)
    assert 'class="btn"' in jekyll(marked) and "<pre" in jekyll(marked)


def test_a_link_with_a_class_in_a_span_of_its_own_stays_a_button() -> None:
    # kramdown reads <span> on its line as a paragraph, the link in it a link: a translation escaped
    # as text showed "[Big button](https://example.com){: .btn }" where the button was
    text = '<span class="fs-6">\n[Big button](https://example.com){: .btn }\n</span>\n\nAfter.\n'
    document = read(text)
    assert msgids(document) == ["After."]
    assert unmarked_pseudo(document) == text


#: just-the-docs' typography page: headings rendered in raw HTML, their Markdown in a fence under it.
HEADINGS_EXAMPLE = """\
Headings are rendered like this:

<div class="code-example">
<h1>Heading 1</h1>
<h2>Heading 2</h2>
</div>
```markdown
# Heading 1
## Heading 2
```

Body text.
"""


def test_the_code_fence_right_under_an_html_block_is_not_offered_and_keeps_its_lines() -> None:
    # kramdown ends the <div> at its end tag: the fence is code. Read as the HTML block's text, its
    # lines were one unit, written on one line: the code block was gone from the page
    document = read(HEADINGS_EXAMPLE)
    assert msgids(document) == ["Headings are rendered like this:", "Heading 1", "Heading 2", "Body text."]
    assert unmarked_pseudo(document) == HEADINGS_EXAMPLE


@needs_kramdown
def test_the_code_fence_right_under_an_html_block_renders_in_jekyll_as_in_the_source() -> None:
    document = read(HEADINGS_EXAMPLE)
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert jekyll(marked).replace("⟦", "").replace("⟧", "") == jekyll(HEADINGS_EXAMPLE)


#: A ``markdown="1"`` block inside a plain ``<div>``, whose end tag is right above a code fence.
NESTED_ABOVE_FENCE = """\
<div class="example">
<div markdown="1">
Inside the example.
</div>
</div>
```
code
```
The text under the code.
"""


def test_the_end_tag_of_a_div_holding_a_markdown_1_block_is_kept_above_its_code() -> None:
    # the outer </div> was read as text, "</di?>", and written as "&lt;/di?>": the page lost a tag
    document = read(NESTED_ABOVE_FENCE)
    assert msgids(document) == ["Inside the example.", "The text under the code."]
    assert unmarked_pseudo(document) == NESTED_ABOVE_FENCE


@pytest.mark.parametrize(
    "source",
    [
        '<span class="x">\n<div markdown="1">\n</div>\nSome text.\n',
        '</details>\n<details markdown="block">\n</details>\n\nNext.\n',
    ],
)
def test_a_markdown_1_block_under_a_span_or_an_end_tag_is_pseudo_translated_as_written(source: str) -> None:
    assert unmarked_pseudo(read(source)) == source


@needs_kramdown
def test_a_div_holding_a_markdown_1_block_renders_in_jekyll_as_in_the_source() -> None:
    marked = read(NESTED_ABOVE_FENCE).render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert jekyll(marked).replace("⟦", "").replace("⟧", "") == jekyll(NESTED_ABOVE_FENCE)


#: just-the-docs' test page: Liquid's raw tags inside the fence lines, "```python{% raw %}" … "{% endraw %}```".
RAW_IN_FENCE = """\
```python{% raw %}
print("{{ not Liquid }}")
{% endraw %}```

The code above is Python.

```
Long, single-line code blocks should not wrap.
```
"""


def test_code_between_a_fence_and_a_raw_tag_on_its_lines_ends_where_jekyll_ends_it() -> None:
    # Liquid drops "{% endraw %}" before kramdown reads "```" as the closing fence: the code ended
    # there. Read as code up to the next fence, the paragraph was not offered and the next code was
    document = read(RAW_IN_FENCE)
    assert msgids(document) == ["The code above is Python."]
    assert unmarked_pseudo(document) == RAW_IN_FENCE


def test_two_terms_over_one_definition_stay_a_definition_list_in_their_translation() -> None:
    # kramdown reads each line above ": " as a term; markdown-it read the lines as one paragraph,
    # whose translation, written on one line, was a paragraph in Jekyll too
    text = "Term1\nTerm2\n: Their one description,\n  on two lines\n"
    document = read(text)
    assert msgids(document) == ["Term1", "Term2", "Their one description, on two lines"]
    table = {
        "Term1": "Begriff1",
        "Term2": "Begriff2",
        "Their one description, on two lines": "Ihre Beschreibung",
    }
    assert translate(document, table) == "Begriff1\nBegriff2\n: Ihre Beschreibung\n"


@needs_kramdown
def test_two_terms_over_one_definition_render_in_jekyll_as_two_terms() -> None:
    document = read("Term1\nTerm2\n: Their one description.\n")
    page = jekyll(translate(document, {"Term1": "Begriff1", "Term2": "Begriff2"}))
    assert "<dt>Begriff1</dt>" in page and "<dt>Begriff2</dt>" in page and "<dd>" in page


def test_a_translation_that_moves_the_last_button_keeps_its_class_on_it() -> None:
    # the class list after the paragraph's last link was left out of the unit: a translation ending
    # in other words wrote it after them, where kramdown shows "{: .btn .btn-blue }" as text
    text = "Buttons: [One](/one){: .btn } and [Two](/two){: .btn .btn-blue }\n"
    document = read(text)
    assert msgids(document) == ["Buttons: <1>One</1><2/> and <3>Two</3><4/>"]
    german = translate(document, {msgids(document)[0]: "Knöpfe: <3>Zwei</3><4/> und <1>Eins</1><2/>, bitte."})
    assert german == "Knöpfe: [Zwei](/two){: .btn .btn-blue } und [Eins](/one){: .btn }, bitte.\n"
    assert unmarked_pseudo(document) == text


@needs_kramdown
def test_a_translation_that_moves_the_last_button_renders_it_as_a_button_in_jekyll() -> None:
    document = read("[One](/one){: .btn } [Two](/two){: .btn .btn-blue }\n")
    page = jekyll(document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")))
    assert '<a href="/two" class="btn btn-blue">' in page and "{:" not in page


TYPE_SCALE = """\
| Selector | Small screens | Large screens |
|:---------|:--------------|:--------------|
| `h1`     | 32px          | 36px          |
| `h2`     | 18px          | 24px          |
| `h3`     | 16px          | 18px          |
"""


def test_a_backtick_in_a_translated_table_cell_is_written_as_a_reference() -> None:
    # kramdown finds a table's cells by the pipes outside code spans before it reads escapes: a
    # translation's "\\`" there opened a code span running into the next row, and Jekyll showed the
    # whole table as a paragraph
    document = read(TYPE_SCALE)
    written = translate(document, {"36px": "36px (```)"})
    assert "| 36px (&#96;&#96;&#96;)" in written and "\\`" not in written
    assert unmarked_pseudo(document) == TYPE_SCALE


@needs_kramdown
def test_a_backtick_in_a_translated_table_cell_leaves_the_table_a_table_in_jekyll() -> None:
    document = read(TYPE_SCALE)
    page = jekyll(translate(document, {"36px": "36px (```)", "Large screens": "Große `Bildschirme`"}))
    assert page.count("<tr>") == 4 and "36px (```)" in page


def test_a_table_cell_whose_source_escapes_a_backtick_is_pseudo_translated_as_written() -> None:
    source = "| Key | Shows |\n|-----|-------|\n| tick | a \\` here |\n"
    document = read(source)
    assert unmarked_pseudo(document) == source  # (it was written "a &#96; here")
    assert "| 36 &#96; " in translate(read(TYPE_SCALE), {"36px": "36 `"})  # (other cells as before)


#: Jekyll's collections page: a note in raw HTML, a paragraph element over two lines right above
#: the note's end tag.
NOTE_WITH_A_LONG_PARAGRAPH = """\
<div class="note">
  <h5>Gather your collections</h5>

  <p>Then Jekyll will look in <code>a/_books</code> for the books, and
  in <code>a/_recipes</code> for the recipes.</p>
</div>

After.
"""


def test_a_paragraph_element_over_two_lines_above_an_end_tag_keeps_its_end_tag() -> None:
    # its end tag came out as the text "&lt;/?>" on the page, its two lines two units
    document = read(NOTE_WITH_A_LONG_PARAGRAPH)
    assert msgids(document) == [
        "Gather your collections",
        "Then Jekyll will look in <1/> for the books, and in <2/> for the recipes.",
        "After.",
    ]
    assert unmarked_pseudo(document) == NOTE_WITH_A_LONG_PARAGRAPH.replace(" and\n  in", " and in")


@needs_kramdown
def test_a_paragraph_element_over_two_lines_above_an_end_tag_renders_in_jekyll_as_in_the_source() -> None:
    rendered = jekyll(unmarked_pseudo(read(NOTE_WITH_A_LONG_PARAGRAPH)))
    assert rendered == jekyll(NOTE_WITH_A_LONG_PARAGRAPH).replace(" and\n  in", " and in")


LIQUID = KRAMDOWN_GFM and (
    subprocess.run(["ruby", "-rliquid", "-e", ""], capture_output=True).returncode == 0
)


def jekyll_with_liquid(markdown: str) -> str:
    """``markdown`` as Jekyll renders it: Liquid first (``site.repository`` set), then kramdown."""
    script = (
        'text = Liquid::Template.parse(STDIN.read).render("site" => {"repository" => "https://example.com/r"})\n'
        'print Kramdown::Document.new(text, input: "GFM", hard_wrap: false).to_html'
    )
    return subprocess.run(
        ["ruby", "-rliquid", "-rkramdown", "-rkramdown-parser-gfm", "-e", script],
        input=markdown,
        text=True,
        capture_output=True,
        check=True,
    ).stdout


#: Jekyll's release posts: a link whose destination starts with a Liquid tag broken over two lines.
LINK_TO_THE_REPOSITORY = """\
Fixed exit codes for invalid commands ([#1338]({{ site.repository
}}/issues/1338)) and more.

- See the [excerpt bug]({{ site.repository
  }}/issues/1321) too.
"""


def test_a_link_whose_liquid_destination_runs_over_two_lines_is_offered_as_a_link() -> None:
    # Liquid writes the destination on one line, so the page shows a link; the reader took the
    # brackets for text, offered the destination to translators and wrote the link as "&#91;#1338&#93;(…"
    document = read(LINK_TO_THE_REPOSITORY)
    assert msgids(document) == [
        "Fixed exit codes for invalid commands (<1>#1338</1>) and more.",
        "See the <1>excerpt bug</1> too.",
    ]
    assert translate(document, {"See the <1>excerpt bug</1> too.": "Siehe auch den <1>Fehler</1>."}) == (
        LINK_TO_THE_REPOSITORY.replace("See the [excerpt bug]", "Siehe auch den [Fehler]").replace(
            "/issues/1321) too.", "/issues/1321)."
        )
    )


@pytest.mark.skipif(not LIQUID, reason="Ruby's liquid gem (Debian ruby-liquid) or kramdown is not installed")
def test_a_link_whose_liquid_destination_runs_over_two_lines_renders_in_jekyll_as_in_the_source() -> None:
    rendered = jekyll_with_liquid(unmarked_pseudo(read(LINK_TO_THE_REPOSITORY)))
    assert rendered == jekyll_with_liquid(LINK_TO_THE_REPOSITORY)
    assert '<a href="https://example.com/r/issues/1338">#1338</a>' in rendered


#: Jekyll's upgrading page: a note in raw HTML whose heading and paragraph say their content is Markdown.
NOTE_WITH_MARKDOWN_INSIDE = """\
<div class="note feature">
  <h5 markdown="1">Diving in</h5>
  <p markdown="1">Want a new site? Simply
   run <code>jekyll new</code> to create one.</p>
</div>
"""

EVIL = " *em* _u_ `c` [l](https://evil.example/) ~~d~~"


def test_a_translation_in_an_element_marked_markdown_inside_an_html_block_is_escaped_for_markdown() -> None:
    # kramdown reads what <p markdown="1"> holds as Markdown wherever it stands: escaped as HTML
    # text only, a translation's *em* was emphasis and its [l](https://…) a link on the page
    document = read(NOTE_WITH_MARKDOWN_INSIDE)
    assert msgids(document) == ["Diving in", "Want a new site?", "Simply run <1/> to create one."]
    localized = document.render(lambda slot: Resolution(slot.msgid + EVIL))
    assert "*em*" not in localized and "[l](" not in localized
    assert unmarked_pseudo(document) == NOTE_WITH_MARKDOWN_INSIDE.replace("Simply\n   run", "Simply run")


@needs_kramdown
def test_a_translation_in_an_element_marked_markdown_inside_an_html_block_stays_text_in_jekyll() -> None:
    document = read(NOTE_WITH_MARKDOWN_INSIDE)
    rendered = jekyll(document.render(lambda slot: Resolution(slot.msgid + EVIL)))
    assert "<em>" not in rendered and "<a " not in rendered and "<del>" not in rendered
    assert rendered.count("*em* _u_ `c` [l](https://evil.example/) ~~d~~") == 3
