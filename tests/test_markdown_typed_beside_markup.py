"""What a translator types beside markup shows as typed on the built page, through extract, a
catalog and compile, rendered by markdown-it-py (transpub's own renderer, Goldmark's reading) and
by Hugo where it is installed:

- punctuation glued to a bare URL that the writer escapes (``~`` as ``&#126;``, ``*`` as ``\\*``):
  judged as typed, ``~https://…`` lost its link (no link starts after ``&#126;``) and
  ``https://…~~`` took ``&#126;&#126;`` into its address;
- a ``]`` right before a Hugo shortcode ``{{< … >}}``, whose output Hugo puts in after Markdown:
  written as typed (a pseudo-translated page wrote ``&#93;``), and no link is made of it;
- a footnote's text starting like a block (``# ``, ``> ``, ``- ``, ``1. ``): it was a heading, a
  quote or a list inside the footnote;
- a line break (``\\`` at a line's end) a translation moves to the end of its paragraph, where it
  showed a backslash;
- emphasis whose ``*`` or ``_`` the translation's text is glued to (``**注意：**阅读``), which then
  opened or closed nothing and showed as typed.

A pseudo-translated page (every msgstr ``⟦msgid⟧``) is its source once the marks are removed.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
import polib
import pytest

from real_renderers import HUGO, hugo_pages
from test_compile_markdown import compile_md, extract, translate
from transpub.formats.md_parser import rendering_parser

needs_hugo = pytest.mark.skipif(
    HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)"
)
#: Shortcodes for Hugo: one writing what would make a link of a ``]`` before it, were it Markdown.
SHORTCODES = {"p": "(/evil)"}


def published(
    root: Path,
    article: str,
    translations: dict[str, str] | None = None,
    compile_extra: str = "",
    page_format: str = "markdown",
) -> str:
    """The Chinese page compile writes of ``article`` (a project of its own in ``root``) with
    ``translations`` by msgid in the catalog (None: every msgid pseudo-translated, ``⟦msgid⟧``);
    ``compile_extra``: more of ``[compile]``; ``page_format``: its ``format`` (``html``: transpub's
    own page)."""
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(
        '[project]\nname = "T"\nsource_locale = "en"\nlocales = ["zh_CN"]\n\n'
        f'[paths]\narticles = "articles"\n\n[compile]\nformat = "{page_format}"\n' + compile_extra,
        encoding="utf-8",
    )
    (root / "articles" / "post.md").write_text(article, encoding="utf-8")
    extract(root)
    if translations is None:
        catalog = polib.pofile(str(root / "locales" / "zh_CN" / "LC_MESSAGES" / "post.po"))
        translations = {entry.msgid: f"⟦{entry.msgid}⟧" for entry in catalog}
    translate(root, "zh_CN", translations)
    assert not compile_md(root).errors
    suffix = ".md" if page_format == "markdown" else ".html"
    return (root / "site" / "zh_CN" / f"post{suffix}").read_text("utf-8")


def unmarked(page: str) -> str:
    """``page`` with the marks of a pseudo-translation taken out."""
    return page.replace("⟦", "").replace("⟧", "")


def paragraphs(html: str) -> list[tuple[str, list[str]]]:
    """Each paragraph of ``html``: its text (runs of spaces as one) and the addresses it links to."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return [
        (" ".join(p.text_content().split()), [a.get("href") for a in p.iter("a")]) for p in tree.iter("p")
    ]


def markdown_it(page: str) -> str:
    """The HTML transpub's own renderer (markdown-it-py) makes of ``page``."""
    return rendering_parser().render(page)


def hugo(page: str, tmp_path: Path) -> str:
    """The HTML Hugo makes of ``page`` (with :data:`SHORTCODES`)."""
    return hugo_pages([page], tmp_path / "site", shortcodes=SHORTCODES)[0]


URLS = (
    "Visit https://x.org/a for details.\n\nRead https://x.org/b now.\n\n"
    "Go to https://x.org/c today.\n\nRun `a` or https://x.org/d or `b`.\n"
)
#: What a translator glues to each URL: a ``~`` before it, ``~~`` after it, ``*`` on both sides,
#: and a ``:`` between it and a code span.
URL_TRANSLATIONS = {
    "Visit <1/> for details.": "访问~<1/>了解",
    "Read <1/> now.": "阅读<1/>~~吧",
    "Go to <1/> today.": "今天 *<1/>*",
    "Run <1/> or <2/> or <3/>.": "运行 <2/>:<1/> 或 <3/>",
}
#: The paragraphs a reader sees: the text as typed, each URL a link to its own address.
URLS_SHOWN = [
    ("访问~https://x.org/a了解", ["https://x.org/a"]),
    ("阅读https://x.org/b~~吧", ["https://x.org/b"]),
    ("今天 *https://x.org/c*", ["https://x.org/c"]),
    ("运行 https://x.org/d:a 或 b", ["https://x.org/d"]),
]


def test_punctuation_glued_to_a_bare_url_shows_as_typed_and_the_url_keeps_its_link(tmp_path: Path) -> None:
    page = published(tmp_path / "p", URLS, URL_TRANSLATIONS)
    assert paragraphs(markdown_it(page)) == URLS_SHOWN, page
    assert unmarked(published(tmp_path / "pseudo", URLS)) == URLS


@needs_hugo
def test_hugo_shows_punctuation_glued_to_a_bare_url_as_typed_beside_its_link(tmp_path: Path) -> None:
    page = published(tmp_path / "p", URLS, URL_TRANSLATIONS)
    assert paragraphs(hugo(page, tmp_path)) == URLS_SHOWN, page


EMPHASIZED_URL = "*Visit https://x.org/a* now.\n"


@needs_hugo
def test_hugo_shows_a_url_at_the_end_of_emphasis_with_text_glued_after_it(tmp_path: Path) -> None:
    """For Hugo the URL is written ``<https://…>`` where text is glued to it: the emphasis' closing
    ``*`` after its ``>`` and before ``了`` closed nothing, an empty comment after it lets it."""
    translation = {"<1>Visit <2/></1> now.": "<1>访问<2/></1>了解"}
    page = published(tmp_path / "p", EMPHASIZED_URL, translation, 'heading_ids = "hugo"\n')
    assert page == "*访问<https://x.org/a>*<!-- -->了解\n"
    html = hugo(page, tmp_path)
    assert paragraphs(html) == [("访问https://x.org/a了解", ["https://x.org/a"])]
    assert lxml.html.fragment_fromstring(html, create_parent="div").xpath("//em/a"), html


EMPHASIS = (
    "**Note:** read this.\n\nSee **the note.** here.\n\n_Visit here_ now.\n\nGo _now_ there.\n\n"
    "Read *the [guide](/g)* first.\n"
)
EMPHASIS_TRANSLATIONS = {
    "<1>Note:</1> read this.": "<1>注意：</1>阅读此内容。",
    "See <1>the note.</1> here.": "看<1>注意。</1>这里。",
    "<1>Visit here</1> now.": "<1>访问这里</1>了解。",
    "Go <1>now</1> there.": "现在<1>去</1>那里。",
    "Read <1>the <2>guide</2></1> first.": "先读<1>这份<2>指南</2></1>吧。",
}
#: Each paragraph as a reader sees it: its text, and what is emphasized.
EMPHASIS_SHOWN = [
    ("注意：阅读此内容。", [("strong", "注意：")]),
    ("看注意。这里。", [("strong", "注意。")]),
    ("访问这里了解。", [("em", "访问这里")]),
    ("现在去那里。", [("em", "去")]),
    ("先读这份指南吧。", [("em", "这份指南")]),
]


def emphasized(html: str) -> list[tuple[str, list[tuple[str, str]]]]:
    """Each paragraph of ``html``: its text and its emphasized elements (tag, text)."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return [
        (
            " ".join(p.text_content().split()),
            [(e.tag, e.text_content()) for e in p.iter("em", "strong")],
        )
        for p in tree.iter("p")
    ]


def test_emphasis_a_translation_glues_its_text_to_still_opens_and_closes(tmp_path: Path) -> None:
    """``**注意：**阅读`` closes nothing in CommonMark (a ``**`` after punctuation and before a
    letter), nor ``_访问这里_了解`` (an underscore before a letter): the page showed the marks. An
    empty comment outside the run lets it close: ``**注意：**<!-- -->阅读``."""
    page = published(tmp_path / "p", EMPHASIS, EMPHASIS_TRANSLATIONS)
    assert "**注意：**<!-- -->阅读此内容。" in page and "现在<!-- -->_去_<!-- -->那里。" in page, page
    assert emphasized(markdown_it(page)) == EMPHASIS_SHOWN, page
    assert unmarked(published(tmp_path / "pseudo", EMPHASIS)) == EMPHASIS


@needs_hugo
def test_hugo_shows_emphasis_a_translation_glues_its_text_to(tmp_path: Path) -> None:
    page = published(tmp_path / "p", EMPHASIS, EMPHASIS_TRANSLATIONS)
    assert emphasized(hugo(page, tmp_path)) == EMPHASIS_SHOWN, page


def test_transpubs_own_pages_show_a_url_ending_emphasis_with_text_glued_after_it(tmp_path: Path) -> None:
    """On transpub's own pages the URL is written ``<https://…>``: the ``*`` after its ``>`` gets an
    empty comment after it, where ``了`` kept it from closing the emphasis (the page showed both)."""
    translation = {"<1>Visit <2/></1> now.": "<1>访问<2/></1>了解"}
    html = published(tmp_path / "p", EMPHASIZED_URL, translation, page_format="html")
    assert paragraphs(html) == [("访问https://x.org/a了解", ["https://x.org/a"])]
    assert lxml.html.fromstring(html).xpath("//p/em/a"), html


BRACKET = "See [the tour](/t) up to step 2]{{< p >}} now.\n"
BRACKET_TRANSLATION = {"See <1>the tour</1> up to step 2]<2/> now.": "看<1>导览</1>到第 2]<2/> 步。"}


def test_a_bracket_typed_before_a_hugo_shortcode_is_written_as_typed(tmp_path: Path) -> None:
    page = published(tmp_path / "p", BRACKET, BRACKET_TRANSLATION)
    assert page == "看[导览](/t)到第 2]{{< p >}} 步。\n"
    assert paragraphs(markdown_it(page)) == [("看导览到第 2]{{< p >}} 步。", ["/t"])]
    assert unmarked(published(tmp_path / "pseudo", BRACKET)) == BRACKET  # (was 2&#93;)


@needs_hugo
def test_hugo_makes_no_link_of_a_bracket_before_a_shortcode_whatever_it_writes(tmp_path: Path) -> None:
    page = published(tmp_path / "p", BRACKET, BRACKET_TRANSLATION)
    assert paragraphs(hugo(page, tmp_path)) == [("看导览到第 2](/evil) 步。", ["/t"])]


def test_a_bracket_before_a_shortcode_read_as_markdown_stays_a_reference(tmp_path: Path) -> None:
    """Hugo reads what ``{{% p %}}`` writes with the text around it: ``](/evil)`` could be a link."""
    source = BRACKET.replace("{{< p >}}", "{{% p %}}")
    page = published(tmp_path / "p", source, BRACKET_TRANSLATION)
    assert page == "看[导览](/t)到第 2&#93;{{% p %}} 步。\n"


FOOTNOTES = "A[^1] b[^2] c[^3] d[^4].\n\n[^1]: One.\n[^2]: Two.\n[^3]: Three.\n[^4]: Four.\n"
FOOTNOTE_TRANSLATIONS = {
    "A<1/> b<2/> c<3/> d<4/>.": "甲<1/>乙<2/>丙<3/>丁<4/>。",
    "One.": "# 一",
    "Two.": "> 二",
    "Three.": "- 三",
    "Four.": "1. 四",
}


def footnotes_shown(html: str) -> tuple[list[str], list[str]]:
    """The text of each footnote of ``html`` (its back link left out) and the tags of the blocks
    inside them."""
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    notes = tree.xpath("//li[starts-with(@id, 'fn')]")
    texts = [" ".join(note.text_content().replace("↩︎", "").split()) for note in notes]
    return texts, [element.tag for note in notes for element in note.iterdescendants() if element.tag != "a"]


def test_a_footnote_translated_with_what_starts_a_block_shows_it_as_text(tmp_path: Path) -> None:
    page = published(tmp_path / "p", FOOTNOTES, FOOTNOTE_TRANSLATIONS)
    assert footnotes_shown(markdown_it(page)) == (["# 一", "> 二", "- 三", "1. 四"], ["p"] * 4), page
    assert unmarked(published(tmp_path / "pseudo", FOOTNOTES)) == FOOTNOTES


@needs_hugo
def test_hugo_shows_a_footnote_translated_with_what_starts_a_block_as_text(tmp_path: Path) -> None:
    page = published(tmp_path / "p", FOOTNOTES, FOOTNOTE_TRANSLATIONS)
    assert footnotes_shown(hugo(page, tmp_path)) == (["# 一", "> 二", "- 三", "1. 四"], ["p"] * 4), page


BREAK = "Line one\\\nline two.\n\n> Quoted\\\n> line.\n"
BREAK_TRANSLATIONS = {"Line one<1/>line two.": "第一行第二行。<1/>", "Quoted<1/>line.": "引用<1/>"}


def test_a_line_break_moved_to_the_end_of_its_paragraph_shows_no_backslash(tmp_path: Path) -> None:
    page = published(tmp_path / "p", BREAK, BREAK_TRANSLATIONS)
    assert page == "第一行第二行。\n\n> 引用\n"
    assert paragraphs(markdown_it(page)) == [("第一行第二行。", []), ("引用", [])]
    assert unmarked(published(tmp_path / "pseudo", BREAK)) == BREAK


TICKS = "Type \\` then ![a`b](x.png) now.\n"
TICKS_TRANSLATION = {"Type ` then <1/> now.": "Tippe ` dann <1/> und `` jetzt.", "a`b": "甲`乙"}


def images_and_text(html: str) -> tuple[str, list[str | None]]:
    """The text of the first paragraph of ``html`` and the images it shows."""
    (paragraph, *_) = lxml.html.fragment_fromstring(html, create_parent="div").iter("p")
    return " ".join(paragraph.text_content().split()), [img.get("src") for img in paragraph.iter("img")]


def test_backticks_written_two_ways_in_one_sentence_each_show_as_typed(tmp_path: Path) -> None:
    """The source's escaped backtick stays ``\\```; one after the image is ``&#96;`` (``\\``` there
    would close a code span the alt text's backtick opens in kramdown and Python-Markdown): both
    are a backtick to markdown-it and Goldmark."""
    page = published(tmp_path / "p", TICKS, TICKS_TRANSLATION)
    assert page == "Tippe \\` dann ![甲`乙](x.png) und &#96;&#96; jetzt.\n"
    assert images_and_text(markdown_it(page)) == ("Tippe ` dann und `` jetzt.", ["x.png"])
    assert unmarked(published(tmp_path / "pseudo", TICKS)) == TICKS


@needs_hugo
def test_hugo_shows_backticks_written_two_ways_in_one_sentence_as_typed(tmp_path: Path) -> None:
    page = published(tmp_path / "p", TICKS, TICKS_TRANSLATION)
    assert images_and_text(hugo(page, tmp_path)) == ("Tippe ` dann und `` jetzt.", ["x.png"])
