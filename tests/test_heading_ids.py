"""``[compile] heading_ids``: a translated Markdown heading keeps the anchor its source heading has.

A generator derives a heading's id from its text, so a translated heading gets another one and
links to it (``[see](#install-the-tool)``, ``page.md#install-the-tool``) break. With
``heading_ids`` naming the generator, compile writes ``{#install-the-tool}`` after a translated
heading that has no id of its own. The ids are checked against the real renderers where they are
installed (Hugo 0.111's Goldmark with either id type, Jekyll's kramdown with its GFM parser, MkDocs' Python-Markdown;
a missing one is a skip that says so) and against the generators' own test examples (Hugo 0.144+,
kramdown, mdBook).
"""

from __future__ import annotations

import html
import importlib.util
import re
import sys
from pathlib import Path

import polib
import pytest

from real_renderers import HUGO, KRAMDOWN_GFM, each_present, html_from, hugo_page, kramdown_gfm
from test_compile_helpers import run_cli
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.markdown import read_markdown

PYTHON_MARKDOWN = importlib.util.find_spec("markdown") is not None

#: A page of headings as real docs write them: code, links, emphasis, entities, dashes, repeats, an
#: id of their own, a class of their own, a bare name only Python-Markdown reads, closing #s, a
#: setext heading, headings in a list and a quote.
PAGE = """# Install the tool

Read [the steps](#use-make-demo-now) first.

## Use `make demo` now

## A [linked *big* word](https://x.example) here

## Fish &amp; chips &eacute;t&eacute;

## Dashes -- and --- here... "quoted" it's

## Install the tool

## An id of its own {#custom}

## A wide table {.wide}

## Not searched { data-search-exclude }

## Closing hashes ##

Setext heading
--------------

## An <b>html</b> tag and an ![image](a.png)

- ### A heading in a list item

> ## A heading in a quote

## Install the tool
"""


def translated(markdown: str, style: str | None) -> str:
    """``markdown`` with every unit translated (its text prefixed, as a translation changes it)."""
    document = read_markdown(markdown, Path("page.md"), "utf-8", ReadOptions())
    return document.render(lambda slot: Resolution(f"Traducido: {slot.msgid}"), heading_ids=style)


def written_ids(markdown: str, style: str) -> list[str]:
    """The ids compile writes into the translation of a page of ``markdown``, in order."""
    return re.findall(r"\{#([^}]+)\}$", translated(markdown, style), re.M)


def headings_ids(html: str) -> list[str | None]:
    """The id of each heading of ``html``, in order (None: it has none)."""
    tags = re.findall(r"<h[1-6](?:\s[^>]*)?>", html)
    return [found.group(1) if (found := re.search(r'\sid="([^"]*)"', tag)) else None for tag in tags]


def hugo(markdown: str, site: Path, id_type: str = "github") -> str:
    return hugo_page(markdown, site, f'[markup.goldmark.parser]\nautoHeadingIDType = "{id_type}"\n')


def python_markdown(markdown: str) -> str:
    """MkDocs' rendering: Python-Markdown with toc (MkDocs always has it), attr_list and md_in_html."""
    script = (
        "import sys, markdown; "
        "print(markdown.markdown(sys.stdin.read(), extensions=['toc', 'attr_list', 'tables', 'md_in_html']))"
    )
    return html_from([sys.executable, "-c", script], markdown)


#: Each style with the real renderer that checks it, whether it is here and why not.
RENDERERS = {
    "hugo-0.143": (HUGO is not None, "hugo is not installed (make test installs the Debian package hugo)"),
    "hugo-0.143-blackfriday": (
        HUGO is not None,
        "hugo is not installed (make test installs the Debian package hugo)",
    ),
    "jekyll": (KRAMDOWN_GFM, "kramdown with its GFM parser (Debian package jekyll) is not installed"),
    "mkdocs": (PYTHON_MARKDOWN, "Python-Markdown (MkDocs' renderer) is not installed"),
}
EACH_RENDERER = each_present(RENDERERS)


def rendered(style: str, markdown: str, tmp_path: Path) -> str:
    if style.startswith("hugo"):
        return hugo(markdown, tmp_path / "site", "blackfriday" if style.endswith("blackfriday") else "github")
    return kramdown_gfm(markdown) if style == "jekyll" else python_markdown(markdown)


#: A heading right under a ``<div markdown="1">`` of its own (raw HTML to Goldmark up to the blank
#: line, a heading to kramdown and to MkDocs' md_in_html), with the same heading before and after it.
IN_DIV = '## Note\n\n<div class="notice" markdown="1">\n## Note\nRead it first.\n</div>\n\n## Note\n'


@pytest.mark.parametrize("style", EACH_RENDERER)
def test_a_heading_under_a_markdown_div_and_the_ones_around_it_keep_the_ids_of_the_source_page(
    style: str, tmp_path: Path
) -> None:
    """Hugo shows the line under the ``<div markdown="1">`` as text: its translation gets no
    ``{#id}`` (shown as text there) and the heading after it keeps the source's id, which Hugo
    counts without it; Jekyll gives it kramdown's own id, counted apart; MkDocs counts it."""
    source = headings_ids(rendered(style, IN_DIV, tmp_path))
    page = rendered(style, translated(IN_DIV, style), tmp_path)
    assert headings_ids(page) == source
    assert "{#" not in page


@pytest.mark.parametrize("style", EACH_RENDERER)
def test_translated_headings_keep_the_ids_the_generator_gives_the_source(style: str, tmp_path: Path) -> None:
    source = headings_ids(rendered(style, PAGE, tmp_path))
    kept = headings_ids(rendered(style, translated(PAGE, style), tmp_path))
    moved = headings_ids(rendered(style, translated(PAGE, None), tmp_path))
    assert len(source) == len(kept) == 15
    assert kept == source
    assert sum(a != b for a, b in zip(source, moved, strict=True)) >= 12  # (what the setting prevents)


@pytest.mark.parametrize("style", EACH_RENDERER)
def test_the_links_of_a_translated_page_still_reach_their_headings(style: str, tmp_path: Path) -> None:
    page = rendered(style, translated(PAGE, style), tmp_path)
    assert 'href="#use-make-demo-now"' in page
    assert 'id="use-make-demo-now"' in page


@pytest.mark.parametrize("style", [*EACH_RENDERER, pytest.param(None, id="no-ids")])
def test_a_heading_translated_to_end_in_a_hash_shows_the_hash(style: str | None, tmp_path: Path) -> None:
    """Python-Markdown takes any ``#`` at a heading's end for its closing sequence (``C#``, and the
    ``#`` of ``{#``, which a translation writes ``&#123;#``), space before it or not."""
    source = "## Learn Python\n\n## Install the tool\n"
    document = read_markdown(source, Path("page.md"), "utf-8", ReadOptions())
    endings = {"Learn Python": "Aprende C#", "Install the tool": "Instalar {#"}
    markdown = document.render(lambda slot: Resolution(endings[slot.msgid]), heading_ids=style)
    page = rendered(style or "mkdocs", markdown, tmp_path)
    shown = [html.unescape(text) for text in re.findall(r"<h2[^>]*>([^<]*)</h2>", page)]
    assert shown == ["Aprende C#", "Instalar {#"]


#: A heading with its own list in attr_list's colon form (Python-Markdown reads it as the heading's
#: list; Goldmark and kramdown's GFM parser show it as text), a link to it and a heading after it.
COLON_LIST = "See [the tool](#install-the-tool).\n\n## Install the tool {: .wide }\n\nText.\n\n## Install\n"


@pytest.mark.parametrize("style", EACH_RENDERER)
def test_a_translated_heading_with_a_colon_attribute_list_keeps_the_sources_id_and_class(
    style: str, tmp_path: Path
) -> None:
    """``## Install the tool {: .wide }`` translated: MkDocs gives it the source's id and its class
    (``{: #install-the-tool .wide }``), Hugo and Jekyll the source's id derived with the list's text;
    the pseudo-translation, its marks removed, renders as the source."""
    source = rendered(style, COLON_LIST, tmp_path)
    page = rendered(style, translated(COLON_LIST, style), tmp_path)
    assert headings_ids(page) == headings_ids(source)
    if style == "mkdocs":
        assert headings_ids(source) == ["install-the-tool", "install"]
        assert '<h2 class="wide" id="install-the-tool">' in page
    document = read_markdown(COLON_LIST, Path("page.md"), "utf-8", ReadOptions())
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"), heading_ids=style)
    assert rendered(style, pseudo.replace("⟦", "").replace("⟧", ""), tmp_path) == source


@pytest.mark.parametrize(
    ("written", "expected"),
    [("{: .wide }", "{: #install-the-tool .wide }"), ("{:.wide}", "{: #install-the-tool .wide}")],
)
def test_the_id_mkdocs_gets_in_a_colon_list_is_spaced_as_the_list_is(written: str, expected: str) -> None:
    """The translated heading's list reads as the README shows it, one space after ``{:`` (not two)."""
    page = COLON_LIST.replace("{: .wide }", written)
    document = read_markdown(page, Path("page.md"), "utf-8", ReadOptions())
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"), heading_ids="mkdocs")
    assert f"## ⟦Install the tool⟧ {expected}\n" in pseudo


def test_hugo_ids_follow_hugos_own_examples() -> None:
    """Hugo's tests of ``sanitizeAnchorName`` (github) and of ids from a heading's plain text (0.144+);
    a heading without letters is never offered, so never translated."""
    titles = {
        "God is good: 神真美好": "god-is-good-神真美好",
        "Number 32": "number-32",
        "Question?": "question",
        'Special !"#$%&(parens)=?´* chars': "special-parens-chars",
        "Resumé": "resumé",
        "One-Hyphen": "one-hyphen",
        "Trailing hyphen-": "trailing-hyphen-",
        "Forward/slash": "forwardslash",
        "Backward\\slash": "backwardslash",
        "Under\\_score": "under_score",
        "Nonbreaking\u00a0Space": "nonbreakingspace",
        "Hello [Test](https://example.com)": "hello-test",
        "Example [hyperlink](https://example.com/) in a header": "example-hyperlink-in-a-header",
        "An image ![kitten](a.jpg)": "an-image-kitten",
        "Some <span>raw</span> HTML": "some-raw-html",
    }
    page = "".join(f"## {title}\n\n" for title in titles)
    assert written_ids(page, "hugo") == list(titles.values())
    assert written_ids("First line.\nSecond line.\n----------------\n", "hugo") == ["second-line"]


def test_hugos_blackfriday_ids_follow_hugos_own_example() -> None:
    """``autoHeadingIDType = "blackfriday"`` (the Kubernetes docs): each run of other characters one ``-``."""
    page = "## Let's try this, shall we?\n\n## A/AAAA records\n\n## Pod's [DNS](/dns/) policy\n"
    assert written_ids(page, "hugo-blackfriday") == [
        "let-s-try-this-shall-we",
        "a-aaaa-records",
        "pod-s-dns-policy",
    ]
    assert written_ids(page, "hugo-0.143-blackfriday")[2] == "pod-s-dns-dns-policy"  # (the line as written)


def test_jekyll_ids_follow_kramdowns_own_examples() -> None:
    """kramdown-parser-gfm's header id examples; an id kramdown's ``{#id}`` cannot say (a digit
    first, none at all) is not written."""
    titles = {
        "variable_name": "variable_name",
        "abc def öúß": "abc-def-öúß",
        "192 abc 192": None,
        ";.;;": None,
        "before \tafter tab": "before--after-tab",
        "with `code`": "with-code",
        "with &nbsp;&auml;&nbsp;space": "with-äspace",
        'With "smart" quotes': "with-smart-quotes",
    }
    page = "".join(f"## {title}\n\n" for title in titles) + "## variable_name\n\n## variable_name\n"
    expected = [found for found in titles.values() if found] + ["variable_name-1", "variable_name-2"]
    assert written_ids(page, "jekyll") == expected


def test_mdbook_ids_follow_mdbooks_own_examples() -> None:
    titles = {
        "`--passes`: add more rustdoc passes": "--passes-add-more-rustdoc-passes",
        "中文標題 CJK title": "中文標題-cjk-title",
        "Über": "über",
    }
    page = "".join(f"## {title}\n\n" for title in titles) + "## Über\n\n## Ä!\n\n## !.():\n\n## ä\n"
    assert written_ids(page, "mdbook") == [*titles.values(), "über-1", "ä", "ä-1"]


def test_a_heading_left_untranslated_or_with_an_id_of_its_own_is_written_as_it_is() -> None:
    document = read_markdown(PAGE, Path("page.md"), "utf-8", ReadOptions())
    only = {"Install the tool": "Instalar la herramienta"}
    spanish = document.render(lambda slot: Resolution(only.get(slot.msgid)), heading_ids="hugo")
    assert spanish.count("## Instalar la herramienta {#install-the-tool-") == 2
    assert "# Instalar la herramienta {#install-the-tool}\n" in spanish
    assert "## Use `make demo` now\n" in spanish and "## An id of its own {#custom}\n" in spanish
    assert document.render(heading_ids="hugo") == PAGE


def test_an_id_written_with_two_hashes_is_the_headings_id_not_text(tmp_path: Path) -> None:
    """The Kubernetes docs write ``{##termination-with-sidecars}``, which Hugo reads as that id: it
    was offered as text, written ``\\{##…}`` and given another id, and the page's link broke."""
    page = "### Pod shutdown {##termination-with-sidecars}\n\nSee [the order](#termination-with-sidecars).\n"
    document = read_markdown(page, Path("page.md"), "utf-8", ReadOptions())
    assert next(unit.msgid for unit in document.units()) == "Pod shutdown"
    spanish = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"), heading_ids="hugo")
    assert spanish.startswith("### ⟦Pod shutdown⟧ {##termination-with-sidecars}\n")
    if HUGO is not None:
        assert '<h3 id="termination-with-sidecars">⟦Pod shutdown⟧</h3>' in hugo_page(
            spanish, tmp_path / "site"
        )


@pytest.mark.parametrize("style", ["hugo", "jekyll", "mkdocs", "mdbook"])
def test_a_heading_with_closing_hashes_gets_its_id_instead_of_them(style: str) -> None:
    """Closing ``#``s are optional; Goldmark before 1.7.14 took a ``#`` of the translation for them
    (``## Corregir el problema #42 ## {#…}`` showed ``#42 ##``), transpub's own pages kept one."""
    written = "{ #%s }" if style == "mkdocs" else "{#%s}"  # (MkDocs: no Jinja comment's {#)
    assert f"## Traducido: Closing hashes {written % 'closing-hashes'}\n" in translated(PAGE, style)
    document = read_markdown("## Fix issue #42 ##\n", Path("page.md"), "utf-8", ReadOptions())
    spanish = document.render(lambda slot: Resolution("Corregir el problema #42"), heading_ids=style)
    assert spanish == f"## Corregir el problema #42 {written % 'fix-issue-42'}\n"


def test_an_id_goes_into_the_headings_own_list_not_into_a_value_in_it() -> None:
    page = '## Title {.wide data-x="a{b"}\n'
    assert translated(page, "hugo") == '## Traducido: Title {#title .wide data-x="a{b"}\n'
    # a quoted value with a space is one attribute: Goldmark reads the list (the id went after it)
    spaced = '## Prices {.wide title="Two words"}\n'
    assert translated(spaced, "hugo") == '## Traducido: Prices {#prices .wide title="Two words"}\n'


def test_headings_inside_a_shortcode_pair_count_apart_from_the_pages() -> None:
    """Hugo renders a ``{{< note >}}`` pair's inside on its own (markdownify): its ``## Setup`` does
    not make the page's second ``## Setup`` ``setup-1`` (Hugo 0.111: setup, setup, setup-1)."""
    page = "{{< note >}}\n## Setup\n{{< /note >}}\n\n## Setup\n\n## Setup\n"
    assert written_ids(page, "hugo") == ["setup", "setup", "setup-1"]


def test_a_page_of_many_repeated_headings_is_read_in_linear_time() -> None:
    """A changelog of releases, each with ``### Added`` and ``### Fixed``: every style counts its
    repeats from where it left off (counting from 1 each time made 8,000 headings take 113 s)."""
    from linear_time import assert_linear

    def page(n: int) -> str:
        return "".join(
            f"## {number}.0\n\n### Added\n\nThings.\n\n### Fixed\n\nBugs.\n\n" for number in range(n)
        )

    assert_linear(page, lambda text: read_markdown(text, Path("a.md"), "utf-8", ReadOptions()), 500)


def test_a_heading_holding_a_template_token_gets_no_id_from_transpub() -> None:
    """Hugo replaces a shortcode before it derives the id: the anchor cannot be told here."""
    page = "## Set up {{< param name >}} today\n\n## Set up today\n"
    assert translated(page, "hugo").startswith("## Traducido: Set up {{< param name >}} today\n")
    assert written_ids(page, "hugo") == ["set-up-today"]


def test_a_translation_cannot_write_an_id_of_its_own() -> None:
    document = read_markdown("## Setup\n", Path("page.md"), "utf-8", ReadOptions())
    spanish = document.render(lambda slot: Resolution("Hola {#evil}"), heading_ids="hugo")
    assert spanish == "## Hola &#123;#evil} {#setup}\n"


def test_compile_writes_the_ids_and_a_pseudo_translation_adds_only_them(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / "articles").mkdir(parents=True)
    page = PAGE.replace("&amp;", "and").replace("&eacute;", "é")  # (the msgid holds the characters)
    (root / "articles" / "page.md").write_text("---\ntitle: Tools\n---\n\n" + page, encoding="utf-8")
    (root / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["es"]\n\n'
        '[compile]\nformat = "markdown"\nheading_ids = "hugo"\n',
        encoding="utf-8",
    )
    assert run_cli(root, "extract").exit_code == 0
    for path in (root / "locales" / "es" / "LC_MESSAGES").rglob("*.po"):
        catalog = polib.pofile(str(path), wrapwidth=0)
        for entry in catalog:
            entry.msgstr = f"⟦{entry.msgid}⟧"
        catalog.save()
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    spanish = (root / "site" / "es" / "page.md").read_text("utf-8")
    added = re.findall(r" \{#[^}\s]+\}$", spanish, re.M)
    assert len(added) == 13 and "## A wide table {#a-wide-table .wide}\n" in spanish.replace("⟦", "").replace(
        "⟧", ""
    )
    unmarked = re.sub(r" \{#(?!custom)[^}\s]+\}$", "", spanish.replace("⟦", "").replace("⟧", ""), flags=re.M)
    unmarked = unmarked.replace("{#a-wide-table .wide}", "{.wide}")
    # (the id stands where the optional closing #s stood)
    assert unmarked == "---\ntitle: Tools\n---\n\n" + page.replace("hashes ##\n", "hashes\n")


@pytest.mark.parametrize("setting", ["", 'heading_ids = "hugo-0.143"\n'])
def test_the_html_pages_of_a_markdown_article_give_headings_ids_and_keep_them_translated(
    tmp_path: Path, setting: str
) -> None:
    """compile's own HTML pages (format html): every heading gets an id as a generator gives one,
    so ``[the steps](#use-make-demo-now)`` leads somewhere, and the Spanish page's headings have the
    English page's ids."""
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    page = PAGE.replace("&amp;", "and").replace("&eacute;", "é")
    (root / "articles" / "page.md").write_text(page, encoding="utf-8")
    (root / "transpub.toml").write_text(
        f'[project]\nsource_locale = "en"\nlocales = ["es"]\n\n[compile]\npublish_threshold = 0\n{setting}',
        encoding="utf-8",
    )
    assert run_cli(root, "extract").exit_code == 0
    for path in (root / "locales" / "es" / "LC_MESSAGES").rglob("*.po"):
        catalog = polib.pofile(str(path), wrapwidth=0)
        for entry in catalog:  # (one heading left in English: shown in a <span lang="en">)
            entry.msgstr = "" if entry.msgid == "Setext heading" else f"Traducido: {entry.msgid}"
        catalog.save()
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    english = headings_ids((root / "site" / "en" / "page.html").read_text("utf-8"))
    spanish_page = (root / "site" / "es" / "page.html").read_text("utf-8")
    assert None not in english and len(english) == 15
    assert headings_ids(spanish_page) == english
    assert 'href="#use-make-demo-now"' in spanish_page and "Traducido: Use" in spanish_page
    assert (
        ">Traducido: Closing hashes</h2>" in spanish_page and '<span lang="en">Setext heading' in spanish_page
    )


def test_an_unknown_generator_is_refused_with_the_ones_there_are(tmp_path: Path) -> None:
    root = tmp_path / "docs"
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(
        '[project]\nlocales = ["es"]\n\n[compile]\nheading_ids = "gatsby"\n', encoding="utf-8"
    )
    result = run_cli(root, "status")
    assert result.exit_code == 2
    assert "heading_ids" in result.output and '"hugo" (0.144 and later)' in result.output


@pytest.mark.parametrize(
    "setting, mkdocs_yml, cut",
    [
        ("", None, True),
        ('heading_ids = "mkdocs"\n', "markdown_extensions:\n  - pymdownx.fancylists\n", True),
        ('heading_ids = "mkdocs"\n', "markdown_extensions:\n  - toc\n", False),
        ('heading_ids = "mkdocs"\n', None, False),
        ('heading_ids = "hugo"\n', None, False),
    ],
)
def test_a_paragraph_starting_with_an_initial_is_cut_as_a_lettered_list_only_where_fancylists_may_read_it(
    tmp_path: Path, setting: str, mkdocs_yml: str | None, cut: bool
) -> None:
    """pymdownx.fancylists (MkDocs' extension) reads ``J. Smith said so.`` as a list: the letter
    stays, the rest is the unit; Hugo, or MkDocs without it, shows prose: one unit, the initial the
    translator's."""
    root = tmp_path / "docs"
    (root / "articles").mkdir(parents=True)
    if mkdocs_yml is not None:
        (root / "mkdocs.yml").write_text("site_name: Docs\n" + mkdocs_yml, encoding="utf-8")
    (root / "articles" / "page.md").write_text("J. Smith said so.\n", encoding="utf-8")
    (root / "transpub.toml").write_text(
        f'[project]\nsource_locale = "en"\nlocales = ["es"]\n\n[compile]\nformat = "markdown"\n{setting}',
        encoding="utf-8",
    )
    assert run_cli(root, "extract").exit_code == 0
    catalog = polib.pofile(str(root / "locales" / "es" / "LC_MESSAGES" / "page.po"))
    assert [entry.msgid for entry in catalog] == ["Smith said so." if cut else "J. Smith said so."]
