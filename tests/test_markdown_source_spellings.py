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
from transpub.formats import ReadOptions
from transpub.formats.md_reader import read_markdown

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


#: Code-like prose: a brace of its own and a word starting with ``_``, which no renderer reads as markup.
CODE_LIKE = "Use if (a < b) { go } and { _lazy: true } with *x* and `c` now.\n"
#: The same beside emphasis of ``_``, which a ``_`` the translation writes as it is could close.
BESIDE_EMPHASIS = "Use { _lazy: true } with _x_ now.\n"


@pytest.mark.parametrize(
    "options",
    [ReadOptions(), ReadOptions(default_titles=False, fancy_lists=False), ReadOptions(kramdown=True)],
    ids=["any", "hugo", "jekyll"],
)
def test_a_brace_of_its_own_and_a_word_starting_with_an_underscore_are_written_as_the_source_writes_them(
    options: ReadOptions,
) -> None:
    """They came back ``\\{ go }`` and ``\\{ \\_lazy``: the same page, but not the source's Markdown."""
    document = read_markdown(CODE_LIKE, Path("a.md"), "utf-8", options)
    assert unmarked_pseudo(document) == CODE_LIKE


def tags(page: str) -> list[str]:
    """The elements of a page's first paragraph, in order, and its text."""
    paragraph = next(lxml.html.fragment_fromstring(page, create_parent="div").iter("p"))
    return [element.tag for element in paragraph.iter()] + [paragraph.text_content()]


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_brace_or_underscore_a_translation_puts_where_it_would_be_markup_is_still_escaped(
    renderer: str, tmp_path: Path
) -> None:
    """Kept as the source writes them, and shown as the source's are; but a ``{`` glued to a ``{``
    (``{{``: a template to Hugo and Jekyll), a brace right after an element (attributes to MkDocs),
    and a ``_`` beside emphasis of ``_`` (which it would close) are written escaped: each page shows
    the text and the elements its translation means."""
    cases = [
        (CODE_LIKE, "Nutze if (a < b) { go } und { _lazy: true } mit <1>x</1> und <2/> jetzt.", "{ _lazy"),
        (CODE_LIKE, "Nutze {{ go }} und <1>x</1>{ _lazy: true } mit <2/> jetzt.", "&#123;\\{ go"),
        (BESIDE_EMPHASIS, "Nutze <1>x { _lazy: true }</1> jetzt.", "\\_lazy"),
    ]
    pages = [written(source, text) for source, text, _ in cases]
    assert [so in page for (_, _, so), page in zip(cases, pages, strict=True)] == [True] * 3, pages
    html_pages = rendered(renderer, pages, tmp_path / "site")
    assert [tags(page) for page in html_pages] == [
        ["p", "em", "code", "Nutze if (a < b) { go } und { _lazy: true } mit x und c jetzt."],
        ["p", "em", "code", "Nutze {{ go }} und x{ _lazy: true } mit c jetzt."],
        ["p", "em", "Nutze x { _lazy: true } jetzt."],
    ], html_pages


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_a_brace_a_translation_glues_before_a_shortcode_is_text_on_the_hugo_page(tmp_path: Path) -> None:
    """``{`` right before ``{{< x >}}`` would make ``{{{<``: written ``&#123;``, the shortcode still runs."""
    source = "Use { go } and {{< sc >}} now.\n"
    texts = ["Nutze { go } und {<1/> jetzt.", "Nutze { go } und { <1/> jetzt."]
    pages = [written(source, text) for text in texts]
    assert pages == ["Nutze { go } und &#123;{{< sc >}} jetzt.\n", "Nutze { go } und { {{< sc >}} jetzt.\n"]
    html_pages = hugo_pages(pages, tmp_path / "site", shortcodes={"sc": "<b>S</b>"})
    assert [tags(page) for page in html_pages] == [
        ["p", "b", "Nutze { go } und {S jetzt."],
        ["p", "b", "Nutze { go } und { S jetzt."],
    ], html_pages


#: Runs of ``_`` inside words (Django's lookups, constants), and emphasis of ``_`` beside them.
INSIDE_WORDS = "Filter on author__name__startswith or MAX__SIZE, not __this__ one.\n"


@pytest.mark.parametrize(
    "options",
    [ReadOptions(), ReadOptions(default_titles=False, fancy_lists=False), ReadOptions(kramdown=True)],
    ids=["any", "hugo", "jekyll"],
)
def test_a_run_of_underscores_inside_a_word_is_written_as_the_source_writes_it(options: ReadOptions) -> None:
    """It came back ``author\\_\\_name\\_\\_startswith``: the same page, but not the source's Markdown."""
    document = read_markdown(INSIDE_WORDS, Path("a.md"), "utf-8", options)
    assert unmarked_pseudo(document) == INSIDE_WORDS


@pytest.mark.parametrize("renderer", RENDERERS)
def test_a_run_of_underscores_inside_a_word_shows_as_text_and_one_a_translation_moves_is_escaped(
    renderer: str, tmp_path: Path
) -> None:
    pages = [
        written(INSIDE_WORDS, "Filtere nach author__name__startswith oder MAX__SIZE, nicht <1>dem</1> da."),
        written(INSIDE_WORDS, "Filtere nach __author__name__startswith und MAX__SIZE__ <1>da</1>."),
    ]
    assert "author__name__startswith" in pages[0] and "\\_\\_author" in pages[1], pages
    html_pages = rendered(renderer, pages, tmp_path / "site")
    assert [tags(page) for page in html_pages] == [
        ["p", "strong", "Filtere nach author__name__startswith oder MAX__SIZE, nicht dem da."],
        ["p", "strong", "Filtere nach __author__name__startswith und MAX__SIZE__ da."],
    ], html_pages
