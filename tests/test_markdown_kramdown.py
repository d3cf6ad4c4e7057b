"""kramdown (Jekyll) and Python-Markdown (MkDocs' attr_list) syntax in Markdown articles: markup, never text."""

from __future__ import annotations

from pathlib import Path

from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.markdown import render_markdown_page
from transpub.formats.md_reader import read_markdown

POST = """\
---
layout: post
title: "The harbour reopens"
---

The harbour reopens today.
{: .lead}

## Timetable
{: #timetable}

![A ferry](/assets/ferry.jpg){: width="300"} Ferries leave every hour.

Ferries leave *every hour*{: .em} from pier 3.

{::comment}
An editor's note, never shown.
{:/comment}

{::options parse_block_html="true" /}
"""


def read(text: str) -> Document:
    return read_markdown(text, Path("_posts/2024-05-02-harbour.md"), "utf-8", ReadOptions())


def pseudo(document: Document) -> str:
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))


def test_kramdown_attribute_lists_and_extensions_survive_a_pseudo_translation_as_written() -> None:
    document = read(POST)
    msgids = [unit.msgid for unit in document.units()]
    assert not [msgid for msgid in msgids if "{:" in msgid or "editor's note" in msgid], msgids
    localized = pseudo(document)
    assert localized.replace("⟦", "").replace("⟧", "") == POST, localized
    assert "\n{: .lead}\n" in localized and '{: width="300"}' in localized  # not \{: …, which kramdown shows


def test_a_kramdown_attribute_list_is_a_placeholder_inside_a_sentence() -> None:
    document = read("Ferries leave *every hour*{: .em} from pier 3.\n")
    (unit,) = document.units()
    assert unit.msgid == "Ferries leave <1>every hour</1><2/> from pier 3."
    localized = document.render(
        lambda slot: Resolution("Los ferris salen <1>cada hora</1><2/> del muelle 3.")
    )
    assert localized == "Los ferris salen *cada hora*{: .em} del muelle 3.\n"


def test_a_kramdown_attribute_list_does_not_reach_the_html_page() -> None:
    page = render_markdown_page("The harbour reopens today.\n{: .lead}\n", "en", "a.md")
    assert "{:" not in page and "The harbour reopens today." in page


def test_the_title_of_a_reference_definition_is_offered_to_translators_like_an_inline_links() -> None:
    text = 'See the [timetable][tt] and ![the logo][logo].\n\n[tt]: /timetable/ "Ferry times"\n[logo]: /logo.png\n  "The logo"\n'
    document = read(text)
    assert [unit.msgid for unit in document.units()][-2:] == ["Ferry times", "The logo"]
    localized = document.render(
        lambda slot: Resolution(
            {"Ferry times": 'Horarios "del ferri"', "The logo": "El logo"}.get(slot.msgid)
        )
    )
    assert localized == text.replace('"Ferry times"', '"Horarios &quot;del ferri&quot;"').replace(
        '"The logo"', '"El logo"'
    )
    page = render_markdown_page(localized, "es", "a.md")
    assert 'title="Horarios &quot;del ferri&quot;"' in page and 'title="El logo"' in page
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == text


def test_the_title_of_a_reference_definition_whose_url_is_a_liquid_output_is_offered_too() -> None:
    """``[home]: {{ site.url }}/ "Home page"``: the URL is the generator's, kept as written; the title
    is text a reader sees on hovering the link, offered as any other definition's."""
    text = 'Back [home][home].\n\n[home]: {{ site.url }}/ "Home page"\n'
    document = read(text)
    assert [unit.msgid for unit in document.units()][-1] == "Home page"
    localized = document.render(lambda slot: Resolution({"Home page": "Portada"}.get(slot.msgid)))
    assert localized == text.replace('"Home page"', '"Portada"')
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == text


def test_kramdown_math_is_kept_as_written_and_never_offered_as_text() -> None:
    text = "The area is $$\\pi r^2$$ for a circle.\n\n$$\na^2 + b^2 = c^2\n$$\n"
    document = read(text)
    assert [unit.msgid for unit in document.units()] == ["The area is <1/> for a circle."]
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == text  # not &#36;$, which kramdown shows
    page = render_markdown_page(text, "en", "a.md")
    assert "$$\\pi r^2$$" in page  # for MathJax


def test_an_abbreviation_definition_keeps_its_syntax_and_offers_its_expansion() -> None:
    # kramdown (Jekyll) and Python-Markdown's abbr (MkDocs): the line defines, and is not shown
    text = "The HTML version is shorter.\n\n*[HTML]: HyperText Markup Language\n"
    document = read(text)
    assert [unit.msgid for unit in document.units()] == [
        "The HTML version is shorter.",
        "HyperText Markup Language",
    ]
    localized = document.render(
        lambda slot: Resolution({"HyperText Markup Language": "Lenguaje *de* marcado"}.get(slot.msgid))
    )
    assert localized == "The HTML version is shorter.\n\n*[HTML]: Lenguaje \\*de\\* marcado\n"


def test_an_abbreviation_definition_in_a_quote_keeps_its_syntax_and_offers_its_expansion() -> None:
    # kramdown and Python-Markdown read a quote's lines as blocks: the definition is one there too
    text = "> The HTML version is shorter.\n>\n> *[HTML]: HyperText Markup Language\n"
    document = read(text)
    assert [unit.msgid for unit in document.units()] == [
        "The HTML version is shorter.",
        "HyperText Markup Language",
    ]
    localized = document.render(lambda slot: Resolution(f"[{slot.msgid}]"))
    assert localized == (
        "> &#91;The HTML version is shorter.&#93;\n>\n> *[HTML]: &#91;HyperText Markup Language&#93;\n"
    )


def test_the_line_after_an_abbreviation_definition_is_not_written_into_its_expansion() -> None:
    # the definition is one line (kramdown, Python-Markdown): the next line is the page's text
    text = "*[HTML]: HyperText Markup Language\nThe HTML version is shorter.\n"
    document = read(text)
    assert [unit.msgid for unit in document.units()] == [
        "HyperText Markup Language",
        "The HTML version is shorter.",
    ]
    localized = document.render(lambda slot: Resolution(f"[{slot.msgid}]"))
    assert (
        localized == "*[HTML]: &#91;HyperText Markup Language&#93;\n&#91;The HTML version is shorter.&#93;\n"
    )


def test_a_raw_html_block_holding_math_or_an_attribute_list_is_still_translated() -> None:
    # kramdown reads neither inside raw HTML: there they are the block's text, as before
    text = '<div class="box">\n<p>The area is $$\\pi r^2$$ {: .x} here.</p>\n</div>\n'
    document = read(text)
    assert [unit.msgid for unit in document.units()] == ["The area is $$\\pi r^2$$ {: .x} here."]
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == text


def test_the_alt_and_title_of_inline_raw_html_in_markdown_are_offered_as_in_an_html_article() -> None:
    text = 'An <img src="x.png" alt="A ferry"> and the <abbr title="World Health Organization">WHO</abbr>.\n'
    document = read(text)
    assert [unit.msgid for unit in document.units()] == [
        "An <1/> and the <2>WHO</2>.",
        "A ferry",
        "World Health Organization",
    ]
    table = {"A ferry": 'Un "ferri"', "World Health Organization": "Organización Mundial de la Salud"}
    localized = document.render(lambda slot: Resolution(table.get(slot.msgid)))
    assert localized == (
        'An <img src="x.png" alt="Un &quot;ferri&quot;"> and the'
        ' <abbr title="Organización Mundial de la Salud">WHO</abbr>.\n'
    )
    assert pseudo(document).replace("⟦", "").replace("⟧", "") == text
