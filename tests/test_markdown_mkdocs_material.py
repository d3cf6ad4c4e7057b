"""The Markdown golden articles, pseudo-translated, rendered by Python-Markdown with the extensions
MkDocs-Material's documentation recommends (pymdown-extensions from the lock: magiclink, fancylists,
caret, mark, tilde, keys, arithmatex, tasklist, tabbed, details, superfences…): the translated page
shows what the source page shows, with the marks removed. This is what an MkDocs-Material site
builds from transpub's Markdown.
"""

from __future__ import annotations

import html
import random
import re
from pathlib import Path

import lxml.etree
import lxml.html
import pytest

from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.md_reader import read_markdown

markdown = pytest.importorskip("markdown", reason="Python-Markdown (MkDocs' renderer) is not installed")
pytest.importorskip("pymdownx", reason="pymdown-extensions is not installed (it is in the lock's test extra)")

DATA = Path(__file__).parent / "data" / "markdown"
#: Cases for other generators: Liquid is Jekyll's (run before Markdown), and a setext heading over
#: two lines is a heading in CommonMark (Hugo) but a paragraph and a rule in Python-Markdown.
OTHER_GENERATORS = {"liquid", "headings"}
CASES = sorted(
    path.stem
    for path in DATA.glob("*.md")
    if not path.stem.endswith(".expect") and path.stem not in OTHER_GENERATORS
)
EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.caret", "pymdownx.details", "pymdownx.fancylists",
    "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.keys", "pymdownx.magiclink", "pymdownx.mark",
    "pymdownx.smartsymbols", "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde",
    "pymdownx.blocks.admonition", "pymdownx.blocks.details",
]  # fmt: skip
CONFIGS = {
    "pymdownx.magiclink": {"repo_url_shorthand": True, "user": "squidfunk", "repo": "mkdocs-material"},
    "pymdownx.arithmatex": {"generic": True},
    "pymdownx.tabbed": {"alternate_style": True},
}
_FRONT_MATTER = re.compile(r"\A(?:---\n.*?\n---|\+\+\+\n.*?\n\+\+\+|\{\n.*?\n\})\n", re.S)


def rendered(text: str) -> str:
    """The page MkDocs-Material's Python-Markdown makes of an article (its front matter is MkDocs')."""
    html = markdown.markdown(_FRONT_MATTER.sub("", text), extensions=EXTENSIONS, extension_configs=CONFIGS)
    tree = lxml.html.fragment_fromstring(html, create_parent="div")
    return " ".join(lxml.html.tostring(tree, encoding="unicode").split())


@pytest.mark.parametrize("case", CASES)
def test_the_pseudo_translated_article_renders_as_its_source_in_mkdocs_material(case: str) -> None:
    source = (DATA / f"{case}.md").read_text(encoding="utf-8")
    document = read_markdown(source, Path(f"{case}.md"), "utf-8", ReadOptions())
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert rendered(marked.replace("⟦", "").replace("⟧", "")) == rendered(source)


def test_the_magiclinks_of_the_source_are_the_translations_and_its_escaped_ones_stay_text() -> None:
    source = (DATA / "pymdown.md").read_text(encoding="utf-8")
    document = read_markdown(source, Path("pymdown.md"), "utf-8", ReadOptions())
    spanish = document.render(
        lambda slot: Resolution(
            {
                "Fixed in #1432 by @anna, thanks to squidfunk/mkdocs-material#1500.": (
                    "@anna corrigió #1432, gracias a squidfunk/mkdocs-material#1500."
                )
            }.get(slot.msgid)
        )
    )
    page = lxml.html.fragment_fromstring(
        markdown.markdown(spanish, extensions=EXTENSIONS, extension_configs=CONFIGS), create_parent="div"
    )
    assert [link.text for link in page.iter("a")] == ["#1500", "#12"]  # not #1432, not @anna
    assert len(page.xpath("//ol[@type='a']/li")) == 3 and len(page.xpath("//ol[@type='i']/li")) == 2


@pytest.mark.parametrize("evil", ['--8<-- "secret.txt"', "/// html | script"])
def test_a_translation_cannot_include_a_file_or_open_a_block_in_mkdocs(tmp_path: Path, evil: str) -> None:
    # pymdownx.snippets publishes the file a line names (mkdocs.yml, .env…); blocks.html makes any tag;
    # the paragraph's source has a bare | (kramdown's table row), which its translation keeps as it is
    (tmp_path / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    source = "Answer yes | no to the prompt.\n\nThen press enter.\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    spanish = document.render(
        lambda slot: Resolution(
            {"Answer yes | no to the prompt.": evil, "Then press enter.": "alert(1)"}.get(slot.msgid)
        )
    )
    page = markdown.markdown(
        spanish,
        extensions=[*EXTENSIONS, "pymdownx.snippets", "pymdownx.blocks.html"],
        extension_configs={**CONFIGS, "pymdownx.snippets": {"base_path": [str(tmp_path)]}},
    )
    assert "TOP-SECRET" not in page and "<script" not in page, page
    assert evil.split()[-1] in html.unescape(page), page  # shown as text


def pseudo_translated(source: str) -> tuple[list[str], str]:
    """The units of ``source`` and the article pseudo-translated (every translation ``⟦msgid⟧``)."""
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert not document.warnings
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    return [unit.msgid for unit in document.units()], marked


def test_a_definition_whose_term_is_a_comment_offers_its_admonitions_text_not_its_markup() -> None:
    # MkDocs-Material's reference/admonitions.md: Python-Markdown takes the comment for the term (the
    # site's hook writes the type there); ": !!! note" was offered as a paragraph, its body as code
    source = (
        "Types:\n\n<!-- md:option type:note -->\n\n:   !!! note\n\n        Lorem ipsum dolor sit amet.\n\n"
        "<!-- md:option type:tip -->\n\n:   A tip, *short*.\n\n<!-- md:option toc.slugify -->\n\n"
        ":   <!-- md:default none --> This option allows for\n    customization of the slug.\n"
    )
    units, marked = pseudo_translated(source)
    assert units == [
        "Types:", "Note", "Lorem ipsum dolor sit amet.", "A tip, <1>short</1>.",
        "This option allows for customization of the slug.",
    ]  # fmt: skip
    page = lxml.html.fragment_fromstring(rendered(marked), create_parent="div")
    assert [dd.xpath("string(.)").split() for dd in page.iter("dd")] == [
        ["⟦Note⟧", "⟦Lorem", "ipsum", "dolor", "sit", "amet.⟧"],
        ["⟦A", "tip,", "short.⟧"],
        ["⟦This", "option", "allows", "for", "customization", "of", "the", "slug.⟧"],
    ]
    assert rendered(marked.replace("⟦", "").replace("⟧", "")) == rendered(source)


def test_a_content_tab_or_a_paragraph_after_two_blank_lines_in_an_admonition_is_offered_in_it() -> None:
    # MkDocs-Material's reference/admonitions.md: Python-Markdown's blocks end at a line indented less,
    # never at blank lines; the tab and the paragraph were read as indented code (not offered)
    source = (
        '??? example "Expand to show"\n\n    === "Octicons"\n\n        Text in octicons.\n\n\n'
        '    === "FontAwesome"\n\n        Text in fontawesome.\n\n\n\n    After the tabs.\n\nOutro.\n'
    )
    units, marked = pseudo_translated(source)
    assert units == [
        "Expand to show", "Octicons", "Text in octicons.", "FontAwesome", "Text in fontawesome.", "After the tabs.",
        "Outro.",
    ]  # fmt: skip
    page = lxml.html.fragment_fromstring(rendered(marked), create_parent="div")
    tabs = page.xpath("//details/div[contains(@class, 'tabbed-set')]")
    assert len(tabs) == 1 and "⟦Text in fontawesome.⟧" in tabs[0].xpath("string(.)")
    assert page.xpath("string(//details/p[last()])") == "⟦After the tabs.⟧"
    assert rendered(marked.replace("⟦", "").replace("⟧", "")) == rendered(source)


def test_a_translated_alt_of_inline_html_stays_the_images_text_in_mkdocs() -> None:
    # Python-Markdown reads code spans, links, math and keys before an inline tag: a translation's
    # `a` and [l](…) in an alt broke the <img> open (its quote ended the alt, an onload= followed)
    source = 'Press <img alt="Smile" src="smile.png" title="A smile"> for `code`.\n'
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    evil = '`a` [l](<x onload=alert(1) >) $x$ \\(y\\) ++ctrl++ [=50%] [^1] "q"'
    spanish = document.render(lambda slot: Resolution(evil if slot.msgid == "Smile" else None))
    page = lxml.html.fragment_fromstring(
        markdown.markdown(
            spanish, extensions=[*EXTENSIONS, "pymdownx.progressbar"], extension_configs=CONFIGS
        ),
        create_parent="div",
    )
    (image,) = page.iter("img")
    assert dict(image.attrib) == {"alt": evil, "src": "smile.png", "title": "A smile"}
    assert [code.text for code in page.iter("code")] == ["code"]


def test_the_tag_of_a_blocks_html_block_is_not_offered_so_no_translation_makes_it_a_script() -> None:
    # pymdownx.blocks.html's "/// html | div.result" names the element to make: "div.result" was
    # offered as a title, and a translation "script" (its body "alert(1)") made a <script>
    source = "/// html | div.result\nHello there.\n///\n\n/// details | Summary\nBody.\n///\n"
    units, _ = pseudo_translated(source)
    assert units == ["Hello there.", "Summary", "Body."]
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    evil = {"div.result": "script", "Hello there.": "alert(1)"}
    spanish = document.render(lambda slot: Resolution(evil.get(slot.msgid)))
    page = markdown.markdown(spanish, extensions=[*EXTENSIONS, "pymdownx.blocks.html"])
    assert "<script" not in page and '<div class="result">' in page, page


def test_a_caption_blocks_figure_id_is_not_offered_so_a_translation_keeps_the_figure() -> None:
    # pymdownx.blocks.caption's "/// caption | #fig-cat" (and "/// table-caption | < .wide") gives
    # the figure's id, classes and place: they were offered as titles, and a translation ("Gato")
    # left the block unread, its /// lines shown as text and the image out of its figure
    source = (
        "![A cat](cat.png)\n\n/// caption | #fig-cat\nA cat on a mat.\n///\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n/// table-caption | < .wide\nNumbers.\n///\n"
    )
    units, _ = pseudo_translated(source)
    assert units == ["A cat", "A cat on a mat.", "a", "b", "Numbers."]
    spanish = translated_by(source, {"#fig-cat": "Gato", "< .wide": "< .ancho"})
    page = lxml.html.fragment_fromstring(
        markdown.markdown(spanish, extensions=[*EXTENSIONS, "pymdownx.blocks.caption"]),
        create_parent="div",
    )
    assert page.xpath("//figure/@id")[0] == "fig-cat" and page.xpath("//figure/@class") == ["wide"]
    assert "///" not in page.text_content()


def test_a_superscript_holding_a_link_stays_a_linked_superscript_in_mkdocs() -> None:
    # pymdownx' magiclink page: CSS^[†](#_fn_1)^ was read as an inline footnote ^[†] then text, and
    # its pseudo-translation wrote [†]&#40;#\_fn_1)^: no link on the MkDocs page
    source = "With a little CSS^[†](#_fn_1)^, you can add icons.\n\nSee x^[b][c]^ too.\n\n[c]: #c\n"
    units, marked = pseudo_translated(source)
    assert units == ["With a little CSS^<1>†</1>^, you can add icons.", "See x^<1>b</1>^ too."]
    assert rendered(marked.replace("⟦", "").replace("⟧", "")) == rendered(source)


#: pymdownx.critic, and magiclink with every shorthand (mkdocs-material's own docs set the repository's).
HOSTILE_EXTENSIONS = [
    "attr_list",
    "md_in_html",
    "pymdownx.critic",
    "pymdownx.magiclink",
    "pymdownx.caret",
    "pymdownx.mark",
]
HOSTILE_CONFIGS = {
    "pymdownx.magiclink": {
        "repo_url_shorthand": True, "social_url_shorthand": True, "provider": "github",
        "user": "squidfunk", "repo": "mkdocs-material",
    }
}  # fmt: skip


def hostile_page(text: str) -> lxml.html.HtmlElement:
    """The page Python-Markdown makes of ``text`` with critic and magiclink's shorthands."""
    page = markdown.markdown(text, extensions=HOSTILE_EXTENSIONS, extension_configs=HOSTILE_CONFIGS)
    return lxml.html.fragment_fromstring(page, create_parent="div")


def translated_by(source: str, translations: dict[str, str]) -> str:
    """``source`` with each unit translated as ``translations`` says (else untranslated)."""
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    return document.render(lambda slot: Resolution(translations.get(slot.msgid)))


def test_a_translations_critic_markup_shows_as_text_and_the_sources_own_edits_stay_in_mkdocs() -> None:
    # pymdownx.critic reads the raw page before Markdown: a backslash before { does not stop it,
    # and a translation's {--x--} and {>>x<<} made <del> and comment spans the source lacks
    source = "A {++new++} word.\n\nHello.\n"
    evil = "{++a++} {--b--} {~~c~>d~~} {==e==} {>>f<<}"
    page = hostile_page(
        translated_by(source, {"Hello.": evil, "A {++new++} word.": "Ein {++neues++} {--x--} Wort."})
    )
    assert [element.tag for element in page.iter("ins", "del", "mark", "span")] == ["ins"]
    assert page.xpath("string(p[2])") == evil
    _, marked = pseudo_translated("A {++new++} and {--*old*--}, {~~a~>b~~} {==c==}{>>d<<}.\n")
    assert (
        marked.replace("⟦", "").replace("⟧", "")
        == "A {++new++} and {--*old*--}, {~~a~>b~~} {==c==}{>>d<<}.\n"
    )


def test_a_translations_issue_mention_or_commit_is_text_and_the_sources_own_stay_links_in_mkdocs() -> None:
    # magiclink's shorthands linked a translator's #123, !4, ?5, @user, user/repo#1 and commit to
    # github.com: links the source lacks; the source's own (Fixed in #12 by @anna) stay links
    source = "Fixed in #12 by @anna.\n\nHello.\n"
    commit = "0123456789abcdef0123456789abcdef01234567"
    evil = f"#123 !4 ?5 @user @user/repo evil/repo#1 @twitter:x {commit} and u/r@{commit}"
    spanish = translated_by(
        source, {"Hello.": evil, "Fixed in #12 by @anna.": "@anna lo corrigió en #12 (no #13)."}
    )
    page = hostile_page(spanish)
    assert [link.text for link in page.iter("a")] == ["@anna", "#12"]
    assert page.xpath("string(p[2])") == evil
    _, marked = pseudo_translated(f"Fixed in #12 by @anna, see squidfunk/mkdocs-material!5 and {commit}.\n")
    assert marked.replace("⟦", "").replace("⟧", "") == (
        f"Fixed in #12 by @anna, see squidfunk/mkdocs-material!5 and {commit}.\n"
    )


def test_an_attribute_list_after_the_sources_superscript_keeps_its_id_in_mkdocs() -> None:
    # pymdownx' magiclink page: CSS^†^{#\_fn_1}; its pseudo-translation wrote \{#\_fn_1}: no id
    source = "With a little CSS^†^{#\\_fn_1}, and ==this=={.c} here.\n"
    units, marked = pseudo_translated(source)
    assert units == ["With a little CSS^†^<1/>, and ==this==<2/> here."]
    assert marked.replace("⟦", "").replace("⟧", "") == source
    assert hostile_page(marked).xpath("//sup/@id") == ["_fn_1"]


def test_no_hostile_translation_adds_an_element_or_a_link_to_an_mkdocs_page() -> None:
    # random mixes of what opens critic, magiclink, caret and mark: the page has no element,
    # link or attribute its source's page lacks (an id or class of the source's: anywhere)
    sources = [
        "A {++*new*++} and {--`old`--} and {>>c<<} word, #12 by @anna.\n",
        "See the note^†^{#\\_fn_1} and ==this=={.c} here, squidfunk/mkdocs-material!5.\n",
        "Commit 0123456789abcdef0123456789abcdef01234567 and x^2^.\n",
    ]
    pieces = [*"{}+-~=><#@!?/ ^", "1", "12", "0", "user", "repo", "{++", "++}", "{--", "--}", "{>>", "<<}"]
    pieces += [
        "{~~",
        "~>",
        "~~}",
        "{==",
        "==}",
        "#12",
        "@anna",
        "!5",
        "{#x}",
        "{.c}",
        "\\",
        "0123456789abcdef" * 3,
    ]
    chance = random.Random(7)

    def shape(page: lxml.html.HtmlElement) -> set[tuple[str, str, str]]:
        return {  # (an empty comment the writer adds shows nothing: no element)
            ("" if name in ("id", "class") else element.tag, name, value)
            for element in page.iter(lxml.etree.Element)
            for name, values in (element.attrib.items() or [("", "")])
            for value in (values.split() if name == "class" else [values])
        }

    for source in sources:
        document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
        allowed = shape(hostile_page(source))
        for _ in range(150):
            translated = document.render(
                lambda slot: Resolution(
                    "".join(
                        piece
                        if piece.startswith("<")
                        else "".join(chance.choices(pieces, k=chance.randint(2, 12)))
                        for piece in re.split(r"(</?\d+/?>)", slot.msgid)
                    )
                )
            )
            assert shape(hostile_page(translated)) <= allowed, translated


#: A paragraph, an HTML block and a heading whose translations write what Jinja reads (mkdocs-macros
#: runs every page as a Jinja template before Markdown): a comment's {#, a variable's {{, a tag's {%.
MACROS_PAGE = "## Setup\n\nSave the file.\n\n<div>Save the file.</div>\n"


def test_a_translation_writing_jinja_shows_as_typed_on_a_page_mkdocs_macros_runs() -> None:
    jinja2 = pytest.importorskip(
        "jinja2", reason="Jinja2 (mkdocs-macros' templates, MkDocs' own) is not installed"
    )
    typed = "Speichern {# Kommentar #} {{ config.site_name }} {% raw %} und {#ende"
    document = read_markdown(MACROS_PAGE, Path("a.md"), "utf-8", ReadOptions())
    written = document.render(lambda slot: Resolution(typed))
    page = markdown.markdown(
        jinja2.Environment().from_string(written).render(config={"site_name": "Secret"}),
        extensions=EXTENSIONS,
        extension_configs=CONFIGS,
    )
    shown = [
        " ".join(element.text_content().split())
        for element in lxml.html.fragment_fromstring(page, create_parent="div")
    ]
    assert shown == [typed] * 3


def test_a_blocks_title_with_emphasis_is_offered_and_its_translation_keeps_the_emphasis() -> None:
    # FastAPI's alternatives.md: "/// tip | Inspired **FastAPI** to" (pymdownx.blocks reads the title as
    # inline Markdown) was kept as written, untranslatable, on every page that gave it markup
    source = "/// tip | Inspired **FastAPI** to\n\nHave a web UI.\n\n///\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Inspired <1>FastAPI</1> to", "Have a web UI."]
    spanish = document.render(
        lambda slot: Resolution(
            {"Inspired <1>FastAPI</1> to": "Inspiró a <1>FastAPI</1> <script>x</script>"}.get(slot.msgid)
        )
    )
    page = lxml.html.fragment_fromstring(
        markdown.markdown(spanish, extensions=["pymdownx.blocks.admonition"]), create_parent="div"
    )
    (title,) = page.xpath("//p[@class='admonition-title']")
    assert lxml.html.tostring(title, encoding="unicode", with_tail=False) == (
        '<p class="admonition-title">Inspiró a <strong>FastAPI</strong> &lt;script&gt;x&lt;/script&gt;</p>'
    )


@pytest.mark.parametrize(
    "source",
    [
        "- /// note\n  Read this.\n  ///\n",
        "- First.\n- /// note\n  Read this.\n  ///\n- Last.\n",
        "> - /// note\n>   Read this.\n>   ///\n",
        "Term\n:   /// note\n    Read this.\n    ///\n",
        "Term\n\n: /// note\n  Read this.\n  ///\n",
    ],
)
def test_a_block_opened_on_a_list_items_or_a_definitions_line_stays_an_admonition_in_the_translated_page(
    source: str,
) -> None:
    # Python-Markdown reads a list item's (a definition's) text as blocks: "- /// note" is an admonition
    # there; "/// note" and the line under it were offered as one paragraph, and the translated page lost
    # the admonition (its "/// note Read this." a paragraph, its closing /// another)
    units, marked = pseudo_translated(source)
    assert "Read this." in units and not any("///" in unit for unit in units)
    page = lxml.html.fragment_fromstring(rendered(marked), create_parent="div")
    assert [
        " ".join(div.text_content().split()) for div in page.xpath("//div[@class='admonition note']")
    ] == ["⟦Note⟧ ⟦Read this.⟧"]
    assert rendered(marked.replace("⟦", "").replace("⟧", "")) == rendered(source)


def test_the_title_of_a_block_opened_on_a_list_items_line_is_offered_and_not_its_syntax() -> None:
    # "1. /// tip | Title" offered "/// tip | Title" as text: a translation of it ("/// consejo | Título")
    # made the block a paragraph, or wrote another kind of block
    source = "1. /// tip | Before you start\n   Back up your data.\n   ///\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Before you start", "Back up your data."]
    spanish = document.render(
        lambda slot: Resolution(
            {"Before you start": "Antes de empezar", "Back up your data.": "Haz una copia."}.get(slot.msgid)
        )
    )
    page = lxml.html.fragment_fromstring(rendered(spanish), create_parent="div")
    (tip,) = page.xpath("//ol/li/div[@class='admonition tip']")
    assert [" ".join(p.text_content().split()) for p in tip.iter("p")] == [
        "Antes de empezar",
        "Haz una copia.",
    ]


#: Admonitions and a content tab whose titles hold inline Markdown (MkDocs renders them so).
MARKED_UP_TITLES = (
    '!!! tip "Use **this** option"\n    Body text.\n\n=== "Tab with `code`"\n\n    Tab body.\n\n'
    '??? note "A [link](https://x.example/) here"\n    More.\n'
)


def test_an_admonition_or_tab_title_with_markup_is_offered_and_its_translation_keeps_the_markup() -> None:
    # !!! tip "Use **this**" was kept as written, untranslatable, as any title with emphasis, code or a link
    document = read_markdown(MARKED_UP_TITLES, Path("a.md"), "utf-8", ReadOptions())
    titles = ["Use <1>this</1> option", "Tab with <1/>", "A <1>link</1> here"]
    assert [msgid for msgid in (unit.msgid for unit in document.units()) if msgid in titles] == titles
    assert rendered(
        document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "")
    ) == (rendered(MARKED_UP_TITLES))
    spanish = {
        "Use <1>this</1> option": "Usa <1>esta</1> opción",
        "A <1>link</1> here": "Un <1>enlace</1> aquí",
    }
    page = rendered(document.render(lambda slot: Resolution(spanish.get(slot.msgid))))
    assert "Usa <strong>esta</strong> opción" in page and '<a href="https://x.example/">enlace</a>' in page


def test_an_admonition_title_of_an_icon_and_a_file_name_is_not_offered_and_stays_as_written() -> None:
    # MkDocs-Material's docs title their config examples ":octicons-file-code-16: `mkdocs.yml`": no
    # text to translate, and MT could rename the icon (a broken icon on the page)
    source = '!!! info ":octicons-file-code-16: `mkdocs.yml`"\n\n    Set it.\n'
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Set it."]
    assert document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")) == source.replace(
        "Set it.", "⟦Set it.⟧"
    )


def test_an_admonition_tab_or_block_title_with_a_link_whose_title_is_in_escaped_quotes_keeps_its_link() -> (
    None
):
    # !!! tip "A [link](u \\"t\\") *x*": Python-Markdown links it; its pseudo-translation showed [link](u \\"t\\")
    source = (
        '!!! tip "A [link](u \\"T\\") *here*"\n    Body.\n\n=== "An ![icon](i.png \\"I\\") *tab*"\n\n    Tab.\n\n'
        '/// note | A [link](u \\"T\\") *block*\nNote.\n///\n'
    )
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert rendered(marked.replace("⟦", "").replace("⟧", "")) == rendered(source)


def test_a_translated_admonition_or_tab_title_with_markup_makes_no_element_of_its_own() -> None:
    document = read_markdown(MARKED_UP_TITLES, Path("a.md"), "utf-8", ReadOptions())
    evil = ' <img src=x onerror=alert(1)> [y](javascript:alert(1))" onclick="x\n!!! danger "Boom"\n    *z*'
    page = rendered(document.render(lambda slot: Resolution(slot.msgid + evil)))
    assert page.count("onerror") == 6  # (the three titles' translations and the three bodies', as text)
    assert structure(page) == structure(rendered(MARKED_UP_TITLES))  # (no img, onclick, em, danger)


def structure(page: str) -> list[tuple[str, str, str]]:
    """Each element of ``page``: its tag, class and link."""
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    return [
        (str(e.tag), e.get("class", ""), e.get("href", "")) for e in tree.iter() if isinstance(e.tag, str)
    ]


def test_a_block_without_a_title_offers_the_title_mkdocs_shows_and_the_translation_replaces_it() -> None:
    # FastAPI's docs: 330 "/// tip", "/// note"… whose title pymdownx.blocks makes of the type: every
    # translated page showed "Tip" and "Note"; "/// tip |" asks for no title, and gets none
    source = (
        "/// tip\n\nUse it.\n\n///\n\n/// note |\n\nNo title.\n\n///\n\n/// tab | Python\n\nCode.\n\n///\n"
    )
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Tip", "Use it.", "No title.", "Python", "Code."]
    spanish = document.render(lambda slot: Resolution({"Tip": "Consejo <b>"}.get(slot.msgid)))
    blocks = ["pymdownx.blocks.admonition", "pymdownx.blocks.tab"]
    page = lxml.html.fragment_fromstring(markdown.markdown(spanish, extensions=blocks), create_parent="div")
    assert [title.text for title in page.xpath("//p[@class='admonition-title']")] == ["Consejo <b>"]
    assert document.render(lambda slot: Resolution(None)) == source  # untranslated: as written


def test_the_blocks_that_show_a_title_of_their_own_are_those_mkdocs_yml_gives_pymdownx_blocks(
    tmp_path: Path,
) -> None:
    from transpub.mkdocs_site import read_mkdocs_site

    config = (
        "markdown_extensions:\n  pymdownx.blocks.admonition:\n    types: [note, {name: check, title: Done}]\n"
        "  pymdownx.blocks.details:\n    types: [{name: see-also, class: see_also}]\n"
    )
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    titles = read_mkdocs_site(tmp_path / "mkdocs.yml").block_titles
    source = "/// check\n\nOK.\n\n///\n\n/// tip\n\nA tip.\n\n///\n\n/// see-also\n\nMore.\n\n///\n"
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions(block_titles=titles))
    assert [unit.msgid for unit in document.units()] == ["Done", "OK.", "A tip.", "See Also", "More."]
    (tmp_path / "mkdocs.yml").write_text("markdown_extensions: [toc]\n", encoding="utf-8")
    assert read_mkdocs_site(tmp_path / "mkdocs.yml").block_titles == ()  # no pymdownx.blocks: text


@pytest.mark.parametrize("generator", ["hugo", "jekyll"])
def test_a_block_or_admonition_line_on_a_site_another_generator_builds_is_text_and_gets_no_title(
    tmp_path: Path, generator: str
) -> None:
    # /// note and !!! warning are MkDocs' blocks only: on a Hugo or Jekyll site they are a paragraph's
    # text, and their "Note" and "Warning" were offered and written (/// note | Note), the page changed
    from transpub.project import load_project
    from transpub.sources import load_article

    (tmp_path / "articles").mkdir()
    (tmp_path / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["de"]\n\n'
        f'[compile]\nformat = "markdown"\nheading_ids = "{generator}"\n',
        encoding="utf-8",
    )
    source = "/// note\nRead this.\n///\n\n!!! warning\n\nMore.\n"
    (tmp_path / "articles" / "a.md").write_text(source, encoding="utf-8")
    project = load_project(tmp_path)
    document = load_article(project, tmp_path / "articles" / "a.md")
    assert not {"Note", "Warning"} & {unit.msgid for unit in document.units()}
    assert (
        document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "")
        == source
    )


def test_a_translated_attribute_beside_the_sources_jinja_cannot_run_jinja_of_its_own() -> None:
    # FastAPI's index.md: sponsors' cards in a <div>, built by the site's macros; the value "{{ s.title }}"
    # was offered (nothing to translate), and since the source's value writes a "{", a translation's
    # own {{ config.… }} or {% include %} was written as it came, and run. The source's own token is a
    # placeholder: the translation moves it, and whatever braces it types are text
    jinja2 = pytest.importorskip("jinja2", reason="Jinja2 (mkdocs-macros' templates) is not installed")
    source = (
        '<div class="sponsors">\n{% for s in sponsors -%}\n<a href="{{ s.url }}" title="{{ s.title }}">'
        '<img src="{{ s.img }}" alt="Logo of {{ s.title }}"></a>\n{% endfor -%}\n</div>\n'
    )
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert [unit.msgid for unit in document.units()] == ["Logo of <1/>"]
    typed = "Logo von <1/> {{ config.secret }} {% raw %}"
    written = document.render(lambda slot: Resolution(typed))
    page = (
        jinja2.Environment()
        .from_string(written)
        .render(sponsors=[{"url": "/x", "title": "ACME", "img": "a.png"}], config={"secret": "TOP-SECRET"})
    )
    image = lxml.html.fragment_fromstring(page, create_parent="div").find(".//img")
    assert image.get("alt") == "Logo von ACME {{ config.secret }} {% raw %}"


class _MdxInclude(markdown.preprocessors.Preprocessor):  # type: ignore[misc]
    """mdx_include's reading (FastAPI's docs load it): ``{!file!}`` anywhere in a line is the file's
    text, and ``\\{!file!}`` is its escape, written ``{!file!}`` with the backslash dropped."""

    def __init__(self, md: object, folder: Path) -> None:
        super().__init__(md)
        self.folder = folder

    def run(self, lines: list[str]) -> list[str]:
        def include(match: re.Match[str]) -> str:
            return match.group()[1:] if match.group(1) else (self.folder / match.group(2)).read_text("utf-8")

        return [re.sub(r"(\\)?\{!\s*(.+?)\s*!\}", include, line) for line in lines]


class _IncludeVariants(markdown.preprocessors.Preprocessor):  # type: ignore[misc]
    """markdown-include-variants' reading (FastAPI's docs load it): a line ``{* file *}`` (from its
    first column, any line of the page, in an HTML block too) is the file's text, the file any path."""

    def __init__(self, md: object, folder: Path) -> None:
        super().__init__(md)
        self.folder = folder

    def run(self, lines: list[str]) -> list[str]:
        def include(line: str) -> str:
            found = re.match(r"^\{\*\s*(\S+)\s*(.*)\*\}$", line)
            return (self.folder / found.group(1)).read_text("utf-8") if found else line

        return [include(line) for line in lines]


def test_a_translation_writing_an_example_include_line_in_an_html_block_shows_it_as_typed(
    tmp_path: Path,
) -> None:
    # FastAPI's docs: a translation's line "{* ../../.env *}" in an HTML block was written as it came,
    # and markdown-include-variants (which reads every line before HTML blocks are) put the file in the page
    (tmp_path / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    source = "<div>\nKabir Khan - Microsoft\n</div>\n"
    written = translated_by(source, {"Kabir Khan - Microsoft": "Kabir Khan - Microsoft\n{* secret.txt *}"})
    md = markdown.Markdown(extensions=["md_in_html"])
    md.preprocessors.register(_IncludeVariants(md, tmp_path), "include_variants", 110)
    page = md.convert(written)
    assert "TOP-SECRET" not in page, page
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    assert " ".join(tree.find(".//div").text_content().split()) == "Kabir Khan - Microsoft {* secret.txt *}"


def test_a_translation_writing_an_mdx_include_or_a_jinja_comment_shows_it_as_typed(tmp_path: Path) -> None:
    # FastAPI's docs: a translation's {!file!} in an image's alt text, a link's title or an HTML block was
    # written as it came (the file's text was put in the page); in a heading, \{! lost its backslash to
    # mdx_include and the heading its id; a {# in an alt text or a title opened a Jinja comment
    jinja2 = pytest.importorskip("jinja2", reason="Jinja2 (mkdocs-macros' templates) is not installed")
    (tmp_path / "secret.txt").write_text("TOP-SECRET", encoding="utf-8")
    source = (
        '## Check the docs { #check-the-docs }\n\n![Swagger UI](a.png)\n\nSee [the docs](/d/ "The docs").\n\n'
        "<div>Kabir Khan - <strong>Microsoft</strong></div>\n"
    )
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    typed = " {!secret.txt!} {#"
    written = document.render(lambda slot: Resolution(slot.msgid + typed))
    md = markdown.Markdown(extensions=["attr_list", "toc", "md_in_html"])
    md.preprocessors.register(_MdxInclude(md, tmp_path), "mdx_include", 101)
    page = md.convert(jinja2.Environment().from_string(written).render())
    assert "TOP-SECRET" not in page, page
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    assert tree.find("h2").get("id") == "check-the-docs"
    assert tree.find(".//img").get("alt") == "Swagger UI" + typed
    assert tree.find(".//a").get("title") == "The docs" + typed
    assert tree.find(".//div").text_content() == "Kabir Khan - Microsoft" + typed
