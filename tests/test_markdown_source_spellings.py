"""What the source writes as it is (or with a reference of its own) where the writer escapes in
general, written as the source writes it where a translation keeps it, and escaped where the
translation's text would otherwise be read differently: each checked with the real renderers."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import markdown
import pytest

from markdown_translations import read, text_units, translated
from real_renderers import HUGO, KRAMDOWN_GFM, each_present, hugo_pages, kramdown_gfm_each
from test_markdown_alt_renderers import unmarked_pseudo

RENDERERS = each_present(
    {
        "hugo": (HUGO is not None, "hugo is not installed (make test installs the Debian package hugo)"),
        "kramdown": (KRAMDOWN_GFM, "ruby with kramdown and kramdown-parser-gfm is not installed"),
        "magiclink": (True, ""),
    }
)


def rendered(renderer: str, pages: list[str], site: Path) -> list[str]:
    """The HTML ``renderer`` makes of each of ``pages`` (magiclink: Python-Markdown with
    pymdownx.magiclink and attr_list, as MkDocs-Material's documentation sets it up)."""
    if renderer == "hugo":
        return hugo_pages(pages, site)
    if renderer == "kramdown":
        return kramdown_gfm_each(pages)
    extensions = ["attr_list", "pymdownx.magiclink", "pymdownx.tilde"]
    return [markdown.markdown(page, extensions=extensions) for page in pages]


def written(source: str, text: str) -> str:
    """``source`` with its one unit translated as ``text``."""
    document = read(source)
    (unit,) = text_units(document)
    return translated(document, unit, text)


def links(page: str) -> list[str | None]:
    """The addresses a page links to."""
    return [
        a.get("href") for a in lxml.html.fragment_fromstring(page or "<p></p>", create_parent="div").iter("a")
    ]


#: A URL the source writes right after a character reference, which Goldmark links nothing after.
AFTER_REFERENCE = "See &#126;https://x.org/t or `c` now.\n"


def test_a_url_the_source_writes_after_a_reference_is_written_so_in_a_pseudo_translation() -> None:
    """Its ``:`` was written ``&#58;``: the page showed the same, but the Markdown was not its source's."""
    assert unmarked_pseudo(read(AFTER_REFERENCE)) == AFTER_REFERENCE
    assert written(AFTER_REFERENCE, "Siehe ~https://x.org/t oder <1/> jetzt.") == (
        "Siehe &#126;https://x.org/t oder `c` jetzt.\n"
    )


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_url_after_a_reference_links_as_the_source_does_and_what_a_translation_glues_to_it_stays_text(
    renderer: str, tmp_path: Path
) -> None:
    """Kept as a whole word only: a translation that runs the address on (``.evil``, ``了解``) has its
    ``:`` written ``&#58;``, so that no renderer (magiclink links after a reference) links more."""
    texts = [
        "Siehe ~https://x.org/t oder <1/> jetzt.",
        "Siehe ~https://x.org/t.evil <1/>",
        "~https://x.org/t了解<1/>",
    ]
    pages = [written(AFTER_REFERENCE, text) for text in texts]
    assert [page.count("https://") for page in pages] == [1, 0, 0], pages
    source_page, *translated_pages = rendered(renderer, [AFTER_REFERENCE, *pages], tmp_path / "site")
    assert links(translated_pages[0]) == links(source_page), translated_pages[0]
    assert [links(page) for page in translated_pages[1:]] == [[], []], translated_pages
