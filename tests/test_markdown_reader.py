"""Markdown read as Markdown: what translators get, and what a translation can (not) do to the page."""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import lxml.html
import markdown
import pytest
import yaml

from real_renderers import (
    HUGO,
    JEKYLL,
    KRAMDOWN_GFM,
    each_present,
    hugo_page,
    hugo_pages,
    jekyll_page,
    kramdown_gfm,
    kramdown_gfm_each,
)
from transpub.compile.pages import PAGE_HEADING_IDS
from transpub.errors import ArticleError, PlaceholderMismatch
from transpub.exchange.codes import is_well_nested
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.markdown import render_markdown_page
from transpub.formats.md_reader import read_markdown
from transpub.formats.value_slots import kept_source


def read(text: str, name: str = "a.md", **options) -> Document:
    return read_markdown(text, Path(name), "utf-8", ReadOptions(**options))


def translate(document: Document, table: dict[str, str], heading_ids: str | None = None) -> str:
    """``document`` written with the translations of ``table`` (by msgid) for the generator
    ``heading_ids`` (``[compile] heading_ids``; None: not named)."""
    return document.render(lambda slot: Resolution(table.get(slot.msgid)), heading_ids=heading_ids)


def msgids(document: Document) -> list[str]:
    return [unit.msgid for unit in document.units()]


def unmarked_pseudo(document: Document) -> str:
    """The document pseudo-translated (every msgstr ``⟦msgid⟧``), the marks removed."""
    return translate(document, {m: "⟦" + m + "⟧" for m in msgids(document)}).replace("⟦", "").replace("⟧", "")


# --------------------------------------------------------------------------- untrusted text stays text

HOSTILE = [
    "*evil* and __bold__",
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "![x](/t.png) [y]: /z",
    "`code` and {{< youtube x >}} and {% include x %} and {{ site.secret }}",
    "# Heading",
    "1. Ordered",
    "- Item",
    "> Quote",
    "Title {#evil .x}",
    "R&amp;D &copy; \\* 2 * 3 _a_",
    "line\n\n# broken out\n",
    '--8<-- "secret.txt"',  # MkDocs' snippets: a file of the project on the page
    "<<< /etc/passwd",  # VitePress' code snippet
    "/// html | script",  # pymdownx.blocks
    "::: danger Title",  # a container
]


@pytest.mark.parametrize("evil", HOSTILE)
def test_a_hostile_translation_is_published_as_literal_text_in_markdown(evil: str) -> None:
    document = read("# Title\n\nSome text.\n\n- An item\n")
    for source in ("Title", "Some text.", "An item"):
        localized = translate(document, {source: evil})
        again = read(localized)
        expected = " ".join(evil.split())
        assert expected in msgids(again), localized  # read back: the same text, no markup
        assert not [u for u in again.units() if u.placeholders], localized


@pytest.mark.parametrize("evil", HOSTILE)
def test_a_hostile_translation_of_a_containers_title_with_code_stays_text_on_its_line(evil: str) -> None:
    document = read("::: warning Avoid `<style scoped>` here\nBody.\n:::\n")
    localized = translate(document, {"Avoid <1/> here": evil + " <1/>"})
    assert localized.endswith(" `<style scoped>`\nBody.\n:::\n"), localized  # on the title's line
    again = read(localized)
    assert msgids(again)[0] == " ".join(evil.split()) + " <1/>", localized
    assert [p.tag for p in again.units()[0].placeholders] == ["code"]


@pytest.mark.parametrize("evil", HOSTILE[:5])
def test_a_hostile_translation_is_escaped_text_in_the_html_page(evil: str) -> None:
    document = read("Some text.\n")
    page = render_markdown_page(translate(document, {"Some text.": evil}), "es", "a.md")
    article = page.split("<article>")[1]
    assert not re.search(r"<(em|strong|a|img|code|script)\b", article)
    assert " ".join(evil.split()) in html.unescape(article)  # shown as written, templates included


@pytest.mark.parametrize(
    "evil", ["https://evil.example/login", "(http://evil.example)", "www.evil.example", "me@evil.example"]
)
def test_a_bare_url_or_address_in_a_translation_is_not_made_a_link(evil: str) -> None:
    # Goldmark's linkify (Hugo) and the page's renderer make links of bare URLs and addresses
    document = read("Some text.\n")
    localized = translate(document, {"Some text.": f"Siehe {evil} jetzt."})
    article = render_markdown_page(localized, "de", "a.md").split("<article>")[1]
    assert "<a " not in article, article
    assert f"Siehe {evil} jetzt." in html.unescape(article)
    again = read(localized)
    assert msgids(again) == [f"Siehe {evil} jetzt."] and not again.units()[0].placeholders


@pytest.mark.parametrize(
    "evil",
    [
        "El [muelle](https://phish.example/login).",
        "El muelle ![](https://tracker.example/p.png).",
        "El muelle <img src=x onerror=alert(1)>.",
        "El muelle, https://phish.example.",
        "El muelle, escriba a ann@phish.example.",  # a mailto: link with Goldmark's linkify
    ],
)
def test_a_shortcode_parameter_cannot_be_given_markup_by_its_translation(evil: str) -> None:
    # Hugo's figure renders its caption with markdownify (and raw HTML, with goldmark's unsafe = true)
    document = read('{{< figure src="a.png" caption="The north dock." >}}\n\nSome text.\n')
    assert msgids(document) == ["The north dock.", "Some text."]
    localized = translate(document, {"The north dock.": evil, "Some text.": "Algo de texto."})
    assert localized == '{{< figure src="a.png" caption="The north dock." >}}\n\nAlgo de texto.\n'
    plain = translate(document, {"The north dock.": "El muelle norte."})
    assert plain.startswith('{{< figure src="a.png" caption="El muelle norte." >}}')


@pytest.mark.parametrize(
    "evil",
    [
        "Ein Pod mit [Sidecar](javascript:alert(1)).",
        "Ein Pod mit [Sidecar](<javascript:alert(1)>).",
        "Ein Pod mit [Sidecar](/docs/sidecar/) und [mehr](data:text/html,x).",
        "Ein Pod mit [Sidecar][s].\n\n[s]: javascript:alert(1)",
    ],
)
def test_a_shortcode_parameters_link_cannot_be_sent_elsewhere_by_its_translation(evil: str) -> None:
    # Kubernetes' figure caption holds a link, and the site renders it with markdownify and unsafe
    source = '{{< figure src="pod.svg" caption="A Pod with a [sidecar](/docs/sidecar/)." >}}\n'
    document = read(source)
    assert msgids(document) == ["A Pod with a [sidecar](/docs/sidecar/)."]
    assert translate(document, {msgids(document)[0]: evil}) == source
    kept = translate(document, {msgids(document)[0]: "Ein Pod mit [Sidecar](/docs/sidecar/)."})
    assert kept == '{{< figure src="pod.svg" caption="Ein Pod mit [Sidecar](/docs/sidecar/)." >}}\n'


@pytest.mark.parametrize(
    "evil",
    [
        "<i class='fa' onmouseover='alert(1)//<'></i> Ein Pod.",  # (a "<" in a quote hid the tag)
        "<i class='fa' onmouseover=alert(1) </i> Ein Pod.",  # (its ">" left off: a browser reads it)
    ],
)
def test_a_shortcode_parameters_html_cannot_get_an_attribute_from_its_translation(evil: str) -> None:
    source = '{{< figure src="pod.svg" caption="<i class=\'fa\'></i> A Pod." >}}\n'
    document = read(source)
    [unit] = msgids(document)
    assert translate(document, {unit: evil}) == source
    kept = translate(document, {unit: "<i class='fa'></i> Ein Pod."})
    assert kept == '{{< figure src="pod.svg" caption="<i class=\'fa\'></i> Ein Pod." >}}\n'


REFERENCES = "See [docs] for more.\n\nRead [docs] again.\n\n[docs]: https://good.example/docs\n\nOur ![logo], [a][b] and [^1] x.\n\n[logo]: /l.png\n[b]: /b\n[^1]: Note.\n"


@pytest.mark.parametrize(
    ("msgid", "evil"),
    [
        ("See <1>docs</1> for more.", "Mira <1>docs</1>(javascript:alert(1)) para más."),
        ("See <1>docs</1> for more.", "<1>docs</1>: https://evil.example/phish"),  # a definition of [docs]
        (
            "Our <1/>, <2>a</2> and <3/> x.",
            "Nuestro <1/>(https://evil.example/p.png), <2>a</2>(//evil) y <3/>: x",
        ),
    ],
)
def test_text_after_a_reference_in_brackets_cannot_make_it_a_link_image_or_definition(
    msgid: str, evil: str
) -> None:
    # [docs] kept, ![logo], [a][b] and [^1] end in "]": a "(" or ":" after them was Markdown syntax
    document = read(REFERENCES)
    assert msgid in msgids(document)
    localized = translate(document, {msgid: evil})
    for page in (render_markdown_page(localized, "es", "a.md"), markdown.markdown(localized)):
        targets = "".join(re.findall(r'(?:href|src)="([^"]*)"', page))
        assert "evil" not in targets and "javascript" not in targets, page
    assert 'href="https://good.example/docs"' in render_markdown_page(
        translate(document, {"See <1>docs</1> for more.": "Mira <1>docs</1> (la guía)."}), "es", "a.md"
    )


@pytest.mark.parametrize(
    "opening", ['<span class="lead">', '<a href="/about">', "<my-callout>", "<dialog open>"]
)
def test_a_translation_in_an_html_block_that_mkdocs_and_jekyll_read_as_markdown_stays_text(
    opening: str,
) -> None:
    # kramdown and Python-Markdown read such a block as a paragraph: its text is Markdown there
    name = opening[1:].split()[0].rstrip(">")
    source = f"{opening}\nWelcome to our site.\n</{name}>\n\n<div>\nA [box] *here*.\n</div>\n"
    document = read(source)
    assert msgids(document) == ["Welcome to our site.", "A [box] *here*."]
    assert unmarked_pseudo(document) == source
    evil = "[Haz clic](javascript:alert(1)) ![x](https://evil.example/p.png) **negrita** https://evil.example"
    page = markdown.markdown(
        translate(document, {"Welcome to our site.": evil}), extensions=["pymdownx.magiclink"]
    )
    assert not re.search(r"<(img|strong|em)\b|href=\"(?!/about)", page), page
    assert evil in html.unescape(page)


@pytest.mark.parametrize(
    "block",
    [
        "<span>\nUse *this* one, web-{0..N-1}.\n</span>\n",
        "<div>Boxed.</div> Use *this* one, web-{0..N-1}.\n",
    ],
)
def test_a_translation_in_an_html_block_read_as_markdown_sets_no_attributes_for_mkdocs_or_jekyll(
    block: str,
) -> None:
    # Python-Markdown's attr_list reads {onclick=…} after an element (emphasis the source writes as
    # it is) or on a line of its own, kramdown {: onclick=…}: an event handler on the page
    document = read(block)
    unit = msgids(document)[-1]
    assert unmarked_pseudo(document) == block
    evil = 'Usa *esto*{onclick=alert(1)} y *eso*{: onclick="alert(2)"} web-{0..N-1}\n{: onclick="alert(3)"}'
    written = translate(document, {unit: evil})
    pages = [markdown.markdown(written, extensions=["attr_list"])]
    if shutil.which("ruby") and subprocess.run(["ruby", "-rkramdown", "-e", ""]).returncode == 0:
        script = "print Kramdown::Document.new(STDIN.read).to_html"
        pages.append(
            subprocess.run(
                ["ruby", "-rkramdown", "-e", script], input=written, text=True, capture_output=True
            ).stdout
        )
    for page in pages:
        assert "onclick" not in re.sub(r">[^<]*<", "><", page), page  # in no tag
        assert "web-{0..N-1}" in page


def mkdocs_and_jekyll_pages(written: str) -> list[str]:
    """``written`` (Markdown) as MkDocs (Python-Markdown with magiclink) and, where Ruby has it,
    Jekyll (kramdown) render it."""
    pages = [markdown.markdown(written, extensions=["pymdownx.magiclink"])]
    if shutil.which("ruby") and subprocess.run(["ruby", "-rkramdown", "-e", ""]).returncode == 0:
        script = "print Kramdown::Document.new(STDIN.read).to_html"
        run = subprocess.run(
            ["ruby", "-rkramdown", "-e", script], input=written, text=True, capture_output=True
        )
        pages.append(run.stdout)
    return pages


@pytest.mark.parametrize(
    "block",
    [
        "<span>\nSee https://example.org/docs. Or at www.example.org, or [here] and [a, b].\n</span>\n",
        "<div>Boxed.</div> See https://example.org/docs, or [here] (and [a, b]).\n",
    ],
)
def test_addresses_and_brackets_in_an_html_block_read_as_markdown_come_back_as_the_source_writes_them(
    block: str,
) -> None:
    document = read(block)
    assert unmarked_pseudo(document) == block
    see = next(unit for unit in msgids(document) if unit.startswith("See"))
    spanish = see.replace("See", "Vea").replace(" or ", " o ").replace(" (and ", " (y ")
    written = translate(document, {see: spanish})
    assert spanish in written, written  # the address, its period or comma, the brackets: as written
    for page in mkdocs_and_jekyll_pages(written):
        assert set(re.findall(r'href="([^"]*)"', page)) <= {
            "https://example.org/docs",
            "http://www.example.org",
        }


@pytest.mark.parametrize(
    "evil",
    [
        "Vea https://example.org/docs.evil.example/x o https://example.org/docs,evil.example",
        "Vea https://example.org/docs/../../x o https://example.org/docs)x o www.example.org.evil.example",
        "Vea [here](javascript:alert(1)) o [here] (javascript:alert(2)) o ![here][here]",
        "Vea [here][evil] o [here] [evil] o [here]\n[here]: javascript:alert(3)",
        "Vea x+ann@example.org o ann@example.org.evil o [here]",
    ],
)
def test_a_translation_cannot_make_a_link_of_an_address_or_brackets_the_source_writes_in_an_html_block(
    evil: str,
) -> None:
    # the source's address and brackets are kept as it writes them (above), never what is around them
    source = (
        "<span>\nSee https://example.org/docs. Or www.example.org, ann@example.org or [here].\n</span>\n"
        "\n[evil]: javascript:alert(4)\n"
    )
    document = read(source)
    assert unmarked_pseudo(document) == source
    written = translate(document, {unit: evil for unit in msgids(document)})
    for page in mkdocs_and_jekyll_pages(written):
        links = map(html.unescape, re.findall(r'<(?:a|img)\b[^>]*(?:href|src)="([^"]*)"', page))
        assert set(links) <= {
            "https://example.org/docs",
            "http://www.example.org",
            "mailto:ann@example.org",
        }, page


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("详情见 https:", "//evil.example/phish。"),
        ("详情见 https:/", "/evil.example/phish。"),
        ("访问 www", ".evil.example。"),
        ("写信 admin", "@evil.example。"),
    ],
)
def test_two_sentences_joined_without_a_space_cannot_make_a_bare_url_together(
    first: str, second: str
) -> None:
    # Chinese and Japanese join a paragraph's sentences with no space between them
    document = read("See the details. They are here.\n")
    evil = {"See the details.": first, "They are here.": second}
    written = document.render(lambda slot: Resolution(evil.get(slot.msgid)), join_sentences=True)
    page = render_markdown_page(written, "zh_CN", "a.md")
    assert "<a " not in page.split("<article>")[1], page


@pytest.mark.parametrize(
    "source",
    ["See https://a.example now. Then go.\n", "<span>\nSee https://a.example now. Then go.\n</span>\n"],
)
@pytest.mark.parametrize(
    "second", ["x.evil.example/p 然后。", "@evil.example/p 然后。", ".evil.example/p 然后。"]
)
@pytest.mark.parametrize("end", ["", ",", ")", "!", "'"])
def test_a_sentence_joined_to_an_address_the_source_writes_cannot_send_it_to_another_host(
    source: str, second: str, end: str
) -> None:
    # Chinese and Japanese join a paragraph's sentences with no space between them: the address that
    # ends one ran on into the next (https://a.examplex.evil.example/p), in a paragraph or an HTML
    # block; magiclink reads an address on through , ) ! ' too (https://a.example,x.evil.example/p)
    document = read(source)
    first, then = msgids(document)
    joined = {first: first.replace("See", "见").replace(" now.", end), then: second}
    written = document.render(lambda slot: Resolution(joined.get(slot.msgid)), join_sentences=True)
    pages = [
        render_markdown_page(written, "zh_CN", "a.md").split("<article>")[1],
        *mkdocs_and_jekyll_pages(written),
    ]
    for page in pages:
        assert set(re.findall(r'href="([^"]*)"', page)) <= {"https://a.example"}, (written, page)
    ended = {first: joined[first] + "。", then: "然后。"}  # (a sentence ending as Chinese ends one: joined)
    assert "。然后。" in document.render(lambda slot: Resolution(ended.get(slot.msgid)), join_sentences=True)


def test_the_next_sentence_cannot_make_a_link_or_a_heading_of_how_a_sentence_ends() -> None:
    document = read("See [docs] now. Then go.\n\nCall {{% phone %}}. Then go.\n\n[docs]: /d\n")
    joined = {"See <1>docs</1> now.": "见<1>docs</1>", "Then go.": "(https://evil.example/p)。"}
    written = document.render(lambda slot: Resolution(joined.get(slot.msgid)), join_sentences=True)
    assert "evil" not in "".join(re.findall(r'href="[^"]*"', render_markdown_page(written, "zh_CN", "a.md")))
    heading = {"Call <1/>.": "Llame al <1/>", "Then go.": "# Titular falso"}
    written = document.render(lambda slot: Resolution(heading.get(slot.msgid)))
    assert "{{% phone %}} \\# Titular falso" in written, written  # Hugo's output of it may end a line


def test_a_table_cell_whose_translation_ends_in_a_backslash_keeps_its_columns() -> None:
    # GFM tables split cells before reading escapes: a \\ before the cell's | still escaped it
    document = read("|Name|Role|\n|---|---|\n|Alice|Editor|\n")
    written = translate(document, {"Alice": "Alicia\\", "Editor": "Redactora"})
    page = render_markdown_page(written, "es", "a.md")
    assert re.findall(r"<td>(.*?)</td>", page) == ["Alicia\\", "Redactora"], page


def test_a_shortcode_parameter_no_quoting_can_hold_as_written_keeps_its_source() -> None:
    # with both quote kinds and a backslash, the backslash was written as a slash: another text
    document = read('{{< figure src="a.png" caption="The north dock." >}}\n')
    odd = 'El "muelle" `norte` en C:\\puertos'
    assert (
        translate(document, {"The north dock.": odd})
        == '{{< figure src="a.png" caption="The north dock." >}}\n'
    )
    plain = translate(document, {"The north dock.": 'El "muelle" en C:\\puertos'})
    assert plain == '{{< figure src="a.png" caption=`El "muelle" en C:\\puertos` >}}\n'


@pytest.mark.skipif(HUGO is None, reason="Hugo is not installed")
def test_text_a_translation_puts_after_a_markdown_shortcode_cannot_start_a_heading_in_hugo(
    tmp_path: Path,
) -> None:
    # {{% x %}} is replaced by its output before Markdown is read: output ending in a line break
    # made "# Titular falso" a heading
    document = read("Call {{% phone %}} now.\n")
    written = translate(document, {"Call <1/> now.": "Llame al <1/># Titular falso"})
    page = hugo_page(written, tmp_path / "site", shortcodes={"phone": "555 0100\n"})
    assert "<h1" not in page and "# Titular falso" in page, page
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == "Call {{% phone %}} now.\n"


def test_characters_the_source_writes_as_references_are_written_so_in_its_translation() -> None:
    # &mdash; became a bare dash, &nbsp; a no-break space nobody sees in a diff, &amp; a bare &
    source = "Ports&nbsp;80&mdash;443 &amp; more are *open*.\n\n- R&amp;D &#8217;s lab\n"
    document = read(source)
    assert unmarked_pseudo(document) == source
    written = translate(
        document, {"Ports\xa080—443 & more are <1>open</1>.": "Puertos\xa080—443 & más: <1>abiertos</1>."}
    )
    assert written.startswith("Puertos&nbsp;80&mdash;443 &amp; más: *abiertos*.\n")


def test_text_in_brackets_the_source_writes_as_it_is_stays_so_and_never_becomes_a_link() -> None:
    # [watch] and [1, 2] were written &#91;watch&#93; in every translation (the Kubernetes docs)
    source = "Use the [watch] verb on [1, 2] items.\n\nPick [windows|linux] now.\n\n[other]: /defined\n"
    document = read(source)
    assert unmarked_pseudo(document) == source
    for evil in (
        "Usa [watch](javascript:alert(1)) ya.",
        "Usa [watch][other] ya.",
        "Usa [watch]: /x y [other].",
    ):
        page = render_markdown_page(
            translate(document, {"Use the [watch] verb on [1, 2] items.": evil}), "es", "a.md"
        )
        assert "<a " not in page.split("<article>")[1], (evil, page)


def test_a_half_open_interval_keeps_its_bracket_in_a_translation_that_makes_no_link_of_it(
    tmp_path: Path,
) -> None:
    # [0, `HIGH`) came back &#91;0, `HIGH`) in the page, and in a description Hugo's docs render
    # both as Markdown and as plain text (<meta name="description">, their quick reference), where
    # readers saw "&#91;0.0, 1.0)"
    source = (
        "---\ndescription: Returns a number in the half-open interval [0.0, 1.0).\n---\n\n"
        "It returns the sorted range [0, `HIGH`) of size `HIGH`.\n"
    )
    document = read(source, front_matter_markdown=("description",))
    assert unmarked_pseudo(document) == source
    written = translate(
        document,
        {
            "Returns a number in the half-open interval [0.0, 1.0).": "Gibt eine Zahl in [0.0, 1.0) zurück.",
            "It returns the sorted range [0, <1/>) of size <2/>.": "Sie gibt [0, <1/>) der Größe <2/> zurück.",
        },
    )
    assert "description: Gibt eine Zahl in [0.0, 1.0) zurück.\n" in written
    assert written.endswith("Sie gibt [0, `HIGH`) der Größe `HIGH` zurück.\n")
    # a bracket of the translation's own stays text: it never closes the interval's into a link
    document = read("The range [0, `HIGH`) of size `HIGH`.\n\n[x]: https://evil.example/\n")
    writings = []
    for evil in (
        "[0, <1/>) [x](javascript:alert(1)) <2/>",
        "[0, <1/>) <2/> [x](javascript:alert(1))",
        "[0, <1/>](javascript:alert(1)) <2/>",
        "![0, <1/>) <2/>](javascript:alert(1)) [y]: javascript:alert(2) [y]",
        "\\[0, <1/>) <2/>\\]",
    ):
        written = translate(document, {"The range [0, <1/>) of size <2/>.": evil})
        for page in [
            render_markdown_page(written, "es", "a.md").split("<article>")[1],
            *mkdocs_and_jekyll_pages(written),
        ]:
            assert "<a" not in page and "<img" not in page, (written, page)
        writings.append(written)
    if HUGO is not None:
        for written, page in zip(writings, hugo_pages(writings, tmp_path / "site"), strict=True):
            assert "<a" not in page and "<img" not in page, (written, page)


def test_a_half_open_interval_lets_no_translation_link_to_a_definition_of_the_page_with_brackets_around_markup(
    tmp_path: Path,
) -> None:
    # the interval's [ was written as it is anywhere in a translation, and the ] of the source's
    # brackets around markup ([a *b* c], [*b*]) after other markup, or a [ after that ], so a
    # translation linked to a definition on the page: [docs *d* c], [*b*][docs *d*]
    cases = [
        (
            "Use [a *b* c] or *d* and [0, 1).\n\n[docs *d* c]: https://evil.example/\n",
            "Use [docs <2>d</2> c] or <1>b</1> [0, 1).",
        ),
        (
            "Use [*b*] or *d* in [0, 1).\n\n[docs *d*]: https://evil.example/\n",
            "[<1>b</1>][docs <2>d</2>] in [0, 1).",
        ),
    ]
    writings = []
    for source, evil in cases:
        document = read(source)
        (msgid,) = msgids(document)
        written = translate(document, {msgid: evil})
        for page in [
            render_markdown_page(written, "es", "a.md").split("<article>")[1],
            *mkdocs_and_jekyll_pages(written),
        ]:
            assert "evil.example" not in page and "[0, 1)." in html.unescape(page), (written, page)
        writings.append(written)
    if HUGO is not None:
        for written, page in zip(writings, hugo_pages(writings, tmp_path / "site"), strict=True):
            assert "evil.example" not in page, (written, page)


def test_a_half_open_interval_lets_no_translation_link_across_to_a_list_item_mkdocs_joins_to_it() -> None:
    # Python-Markdown reads a list right under a paragraph as the paragraph's lines: the interval's
    # [ kept in the paragraph's translation paired with the ] the item's brackets around markup put
    # back, a link to a definition on the page
    source = (
        "Intervals like [0, 1) are open.\n- A [a *b* c] item.\n\n[evil - a *b* c]: https://evil.example/\n"
    )
    document = read(source)
    paragraph, item = msgids(document)
    written = translate(document, {paragraph: "Intervalle [evil", item: "a <1>b</1> c] item."})
    for page in mkdocs_and_jekyll_pages(written):
        assert "evil.example" not in page, (written, page)


@pytest.mark.parametrize(
    "source",
    [
        "Use a*b or [a*b] here.\n",
        "Text with <b>bold</b> and a*b or [a*b] here.\n",
        "Text <b>x</b> [y *z*] w, or *x [y* z] w.\n",
    ],
)
def test_brackets_the_source_writes_around_emphasis_or_html_come_back_as_written(source: str) -> None:
    # a*b or [a*b]: the emphasis runs from the first * to the second, across the [ (came back &#91;a*b&#93;)
    document = read(source)
    assert unmarked_pseudo(document) == source
    (unit,) = msgids(document)
    spanish = unit.replace("Use", "Usa").replace(" or ", " o ").replace("here", "aquí")
    assert translate(document, {unit: spanish}) == source.replace("Use", "Usa").replace(
        " or ", " o "
    ).replace("here", "aquí")


@pytest.mark.parametrize(
    "evil",
    [
        "Usa a<1>b o [a</1>b](javascript:alert(1)) y [y <2>z</2>]: javascript:alert(2), <3>evil</3>",
        "Usa a<1>b o [a</1>b]<3>evil</3> y [y <2>z</2>] ya",
        "Usa a<1>b o [a</1>b] <3>evil</3> y [y <2>z</2>] ya",
        "Usa ![a<1>b o [a</1>b](javascript:alert(3)) y ![y <2>z</2>](javascript:alert(4)) <3>evil</3>",
    ],
)
def test_brackets_the_source_writes_around_emphasis_never_make_a_link_in_a_translation(evil: str) -> None:
    source = "Use a*b or [a*b] here, [y *z*] too, see [evil].\n\n[evil]: https://evil.example/\n"
    document = read(source)
    assert unmarked_pseudo(document) == source
    written = translate(document, {"Use a<1>b or [a</1>b] here, [y <2>z</2>] too, see <3>evil</3>.": evil})
    pages = [
        render_markdown_page(written, "es", "a.md").split("<article>")[1],
        *mkdocs_and_jekyll_pages(written),
    ]
    for page in pages:  # the source's link to evil.example, as often as the translation writes it: no other
        assert set(re.findall(r"<a\b[^>]*>(.*?)</a>", page)) == {"evil"}, (written, page)
        assert "<img" not in page, (written, page)


def test_braces_and_backslashes_the_source_writes_are_written_so_in_its_translation() -> None:
    # web-{0..N-1} came back web-\{0..N-1} and \\\\.\\pipe as \\\\.\pipe in every translation
    # (the Kubernetes docs), which pages show the same but a diff of the Markdown does not
    source = (
        "| Pod names |\n|---|\n| web-{0..N-1} |\n\n"
        "* Pods start in order, from {0..N-1}.\n"
        "* An empty `namespaceSelector` ({}) matches all.\n\n"
        "A named pipe (e.g. \\\\\\\\.\\\\pipe\\\\\\*) on the host.\n"
    )
    document = read(source)
    assert "web-{0..N-1}" in msgids(document)
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize(
    ("evil", "written_so"),
    [
        ("<1>x</1>{0..N-1} onclick=alert(1)}", "*x*\\{0..N-1}"),  # right after an element
        ("{0..N-1} onclick=alert(1)} <1>x</1>", "\\{0..N-1}"),  # where a line may start
        ("<1>x</1> web-{0..N-1} ({}) onclick=alert(1)}", "* web-{0..N-1} ("),  # ending a heading
        ("{onclick=alert(1)} {: .evil} {#evil} <1>x</1>{.evil}", "\\{onclick"),
    ],
)
def test_braces_the_source_writes_as_they_are_never_make_attributes_in_a_translation(
    evil: str, written_so: str
) -> None:
    """Python-Markdown's attr_list (MkDocs) reads almost anything in braces as attributes: right after
    an element, at the end of a heading after a space, on a line of their own. A source's braces
    written as they are in its translation ({0..N-1}) stay text wherever the translation puts them."""
    source = "## The *web* pods web-{0..N-1} ({})\n\nStart *in* order from {0..N-1} then.\n"
    document = read(source)
    heading, paragraph = msgids(document)
    written = translate(document, {heading: evil, paragraph: evil})
    assert written_so in written, written
    page = markdown.markdown(written, extensions=["attr_list"])
    assert re.findall(r"<(\w+)([^>]*)>", page) == [("h2", ""), ("em", ""), ("p", ""), ("em", "")], page
    assert page.count("onclick=alert(1)}") == 2, page


@pytest.mark.parametrize(
    "evil",
    [
        "<1>x</1>{0..N-1} onclick=alert(1)}",  # right after an element
        "<1>x</1>{hidden} web-{0..N-1}",
    ],
)
def test_braces_the_source_writes_under_a_markdown_div_never_make_attributes_in_a_translation(
    evil: str,
) -> None:
    """Under a ``<div markdown="1">`` of its own (escapes written as character references there),
    MkDocs' attr_list still reads a word in braces right after an element as its attributes: a
    source's ``{0..N-1}`` a translation glues to its emphasis stays text."""
    source = '<div markdown="1">\nStart *in* order from {0..N-1} then, {hidden} too.\n</div>\n'
    document = read(source)
    assert unmarked_pseudo(document) == source
    (paragraph,) = msgids(document)
    written = translate(document, {paragraph: evil})
    page = markdown.markdown(written, extensions=["md_in_html", "attr_list"])
    assert re.findall(r"<(\w+)([^>]*)>", page) == [("div", ""), ("p", ""), ("em", "")], page
    assert "{0..N-1}" in html.unescape(page) or "{hidden}" in html.unescape(page), page


#: MkDocs Material's usual extensions that make elements of plain text a translator can type
#: (``:smile:``, ``@user``, ``#123``), after which attr_list reads attributes in braces.
_ELEMENTS_OF_TEXT = (
    ["attr_list", "pymdownx.emoji", "pymdownx.magiclink"],
    {"pymdownx.magiclink": {"repo_url_shorthand": True, "user": "u", "repo": "r", "provider": "github"}},
)


@pytest.mark.parametrize(
    ("source", "evil"),
    [
        ("Pods start in order, from {0..N-1}.\n", "Empiezan :smile:{0..N-1}. en orden"),
        ("Pods start in order, from {0..N-1}.\n", "Empiezan @facelessuser{0..N-1} #123 {0..N-1}"),
        (
            "<span>\nUse *this* one, web-{0..N-1}.\n</span>\n",
            "Usa @facelessuser{hidden} y #123{inert} web-{0..N-1}.",
        ),
        ("<span>\nUse *this* one, web-{0..N-1}.\n</span>\n", "Usa :smile:{web-0} y :smile:web-{0..N-1}."),
    ],
)
def test_a_translation_cannot_give_an_element_an_extension_makes_of_text_attributes_in_braces(
    source: str, evil: str
) -> None:
    # a brace kept as the source writes it stayed bare after :smile: (an <img 0..N-1>), and in an
    # HTML block read as Markdown any {word} after a letter did: <a hidden> from @user{hidden}
    document = read(source)
    written = translate(document, {msgids(document)[-1]: evil})
    extensions, configs = _ELEMENTS_OF_TEXT
    page = markdown.markdown(written, extensions=extensions, extension_configs=configs)
    for tag in re.findall(r"<(?:img|a)\b[^>]*>", page):
        assert not re.search(r"\s(?:hidden|inert|0\.\.N-1|web-0)[\s=>/]", tag), (written, page)
    assert unmarked_pseudo(document) == source


def test_a_link_that_shows_its_own_address_is_a_placeholder_like_an_autolink() -> None:
    # its text was offered, and written https&#58;//kompose.io in every translation
    source = (
        "See [https://kompose.io](https://kompose.io) for more.\n\n[https://kompose.io](https://kompose.io)\n"
    )
    document = read(source)
    assert msgids(document) == ["See <1/> for more."]
    assert unmarked_pseudo(document) == source


def test_a_raw_link_in_a_sentence_points_at_the_readers_language_like_a_markdown_link() -> None:
    # [compile.links]: <a href="/docs/…"> kept /docs/ where [Pods](/docs/pods/) beside it got /de/docs/
    document = read('See <a href="/docs/concepts/" title="Nodes">Nodes</a> and [Pods](/docs/pods/).\n')
    assert msgids(document) == ["See <1>Nodes</1> and <2>Pods</2>.", "Nodes"]

    def localized(url: str) -> str | None:
        return "/de" + url if url.startswith("/docs/") else None

    german = document.render(lambda slot: Resolution(None), rewrite_url=localized)
    assert german == 'See <a href="/de/docs/concepts/" title="Nodes">Nodes</a> and [Pods](/de/docs/pods/).\n'
    assert (
        document.render()
        == 'See <a href="/docs/concepts/" title="Nodes">Nodes</a> and [Pods](/docs/pods/).\n'
    )


def test_a_table_only_hugo_reads_as_one_is_kept_as_written_with_a_warning() -> None:
    # a delimiter row of 5 cells under a header of 4: Goldmark made a table of it, markdown-it a
    # paragraph, whose units cut across cells; a translation not starting with | broke the table
    table = "| Marker | Extension | Description |\n|---|---|---|---|\n| `a` | `b` | Applies to lists. |\n"
    document = read(table + "\nSome text.\n")
    assert msgids(document) == ["Some text."]
    assert [w.line for w in document.warnings] == [1] and "delimiter row" in document.warnings[0].message
    assert unmarked_pseudo(document) == table + "\nSome text.\n"


@pytest.mark.parametrize(
    "block",
    [
        "<div>Boxed.</div>\nWelcome to our site.\n",
        "<hr>\nWelcome to our site.\n",
        "</span>\nWelcome to our site.\n",
    ],
)
def test_text_after_the_first_element_of_an_html_block_stays_text_for_mkdocs_and_jekyll(block: str) -> None:
    # one HTML block to CommonMark; kramdown and Python-Markdown read the line after </div> as Markdown
    document = read(block)
    assert "Welcome to our site." in msgids(document)
    assert unmarked_pseudo(document) == block
    evil = "[Clic](javascript:alert(1)) ![x](https://evil.example/p.png) www.evil.example"
    page = markdown.markdown(
        translate(document, {"Welcome to our site.": evil}), extensions=["pymdownx.magiclink"]
    )
    assert not re.search(r"<(img|a)\b", page), page


def test_the_sources_own_addresses_in_a_block_read_as_markdown_are_written_as_they_are() -> None:
    # a pseudo-translation wrote https&#58;//… and me&#64;…: MkDocs' magiclink lost the source's link
    source = "<span>\nSee https://example.com/docs or mail me@example.com now.\n</span>\n"
    document = read(source)
    assert unmarked_pseudo(document) == source
    evil = "Ver https://example.com/docs.evil.example y https://evil.example/x"
    written = translate(document, {msgids(document)[0]: evil})
    page = markdown.markdown(written, extensions=["pymdownx.magiclink"])
    assert re.findall(r'href="([^"]*)"', page) == [], page


def test_a_line_of_a_translation_in_a_block_read_as_markdown_starts_no_heading_or_list() -> None:
    document = read("<span>\nWelcome to our site.\n</span>\n")
    page = markdown.markdown(translate(document, {"Welcome to our site.": "# Titular falso"}))
    assert "<h1" not in page and "# Titular falso" in html.unescape(page), page


def test_a_translation_starting_with_a_hash_is_no_heading_for_mkdocs_either() -> None:
    # CommonMark needs a space after #, Python-Markdown (MkDocs) does not: "#Hashtag" is an <h1> there
    document = read("Some text.\n\n- An item\n")
    localized = translate(document, {"Some text.": "#Hashtag des Tages", "An item": "#1 der Liste"})
    assert localized == "\\#Hashtag des Tages\n\n- \\#1 der Liste\n"
    assert msgids(read(localized)) == ["#Hashtag des Tages", "#1 der Liste"]


def test_a_javascript_link_of_the_source_is_kept_as_written_and_never_a_link_on_the_page() -> None:
    # MkDocs-Material's buttons: [Subscribe][Demo]{ .md-button } with [Demo]: javascript:…
    text = '[Subscribe][Demo] now.\n\n  [Demo]: javascript:alert$.next("Demo")\n'
    document = read(text)
    assert msgids(document) == ["<1>Subscribe</1> now."]
    localized = translate(document, {"<1>Subscribe</1> now.": "Jetzt <1>abonnieren</1>."})
    assert localized == 'Jetzt [abonnieren][Demo].\n\n  [Demo]: javascript:alert$.next("Demo")\n'
    assert "href" not in render_markdown_page(localized, "de", "a.md").split("<article>")[1]


def test_a_backslash_before_a_letter_or_a_space_is_written_as_it_is() -> None:
    # text in every renderer; doubled, it showed two backslashes (and MkDocs' escapeall reads "\\ " as
    # a no-break space); before punctuation or at the end it is still escaped
    document = read("Result\\ Value is in C:\\Users.\n")
    assert msgids(document) == ["Result\\ Value is in C:\\Users."]
    table = {"Result\\ Value is in C:\\Users.": "Wert\\ in C:\\Nutzer, \\*nicht fett\\* \\"}
    # (at the end, a reference: "\\\\" before a table cell's "|" still escaped it)
    assert translate(document, table) == "Wert\\ in C:\\Nutzer, \\\\\\*nicht fett\\\\\\* &#92;\n"


def test_a_single_tilde_pair_is_markup_kept_as_written_and_a_translated_tilde_stays_text() -> None:
    # H~2~O: struck through by Goldmark (Hugo, as GitHub), a subscript in MkDocs (pymdownx.tilde)
    document = read("Water is H~2~O, ~~not~~ wine, for ~50 people.\n")
    assert msgids(document) == ["Water is H<1>2</1>O, <2>not</2> wine, for ~50 people."]
    table = {
        "Water is H<1>2</1>O, <2>not</2> wine, for ~50 people.": "Agua ~es~ H<1>2</1>O, <2>no</2> vino, ~50."
    }
    assert translate(document, table) == "Agua &#126;es&#126; H~2~O, ~~no~~ vino, &#126;50.\n"


#: The characters Goldmark (Hugo), kramdown (Jekyll) and Python-Markdown (MkDocs) all take escaped by a
#: backslash (``|`` in MkDocs by the tables extension it always loads): before any other (``\\<``,
#: ``\\~``, ``\\&``, ``\\=``) kramdown or Python-Markdown shows the backslash, and Python-Markdown
#: then reads ``<script>`` after it as HTML.
PORTABLE_ESCAPES = set("\\`*_{}[]()>#+-.!|")


@pytest.mark.parametrize(
    "evil",
    [
        *HOSTILE,
        "a | b, ~~c~~, 1 < 2, <b>x</b>, R&amp;D, AT&T, x == y",
        "= underline",
        ": a definition",
        "??? details",
        "!!! note",
        "| a | b |",
    ],
)
def test_a_translation_shows_no_backslash_in_mkdocs_or_jekyll(evil: str) -> None:
    document = read("# Title\n\nSome text.\n\n- An item\n\nTerm\n: Its definition\n")
    table = {source: evil for source in ("Title", "Some text.", "An item", "Its definition")}
    localized = translate(document, table)
    escaped = {match.group(1) for match in re.finditer(r"\\(.)", localized)}
    assert escaped <= PORTABLE_ESCAPES, localized
    page = render_markdown_page(localized, "es", "a.md").split("<article>")[1]
    assert not re.search(r"<(em|strong|a|img|code|script|b|s|del|table|h1)\b", page.split("</h1>", 1)[1]), (
        page
    )
    assert " ".join(evil.split()) in html.unescape(page)  # Goldmark's reading: the text as written


def test_a_translated_admonition_title_is_shown_as_text_not_as_html_or_markdown() -> None:
    # Python-Markdown (MkDocs) and the page's renderer read an admonition's title as inline Markdown and HTML
    document = read('!!! note "Tickets"\n    Buy them at the pier.\n')
    evil = '<img src=x onerror=alert(1)> *now* "here"'
    localized = translate(document, {"Tickets": evil})
    assert "<img" not in localized, localized
    title = (
        render_markdown_page(localized, "es", "a.md").split('class="admonition-title">')[1].split("</p>")[0]
    )
    assert html.unescape(title) == evil


def test_an_admonition_without_a_title_shows_its_default_title_translated() -> None:
    # MkDocs (Python-Markdown) titles "!!! warning" "Warning": a translator must be able to translate it
    text = "!!! warning\n    Mind the gap.\n\n??? note inline end\n    Tickets at the pier.\n"
    document = read(text)
    assert msgids(document) == ["Warning", "Mind the gap.", "Note", "Tickets at the pier."]
    warning = document.units()[0]
    assert warning.kind == "attribute:title" and "title MkDocs shows" in " ".join(warning.notes)
    assert translate(document, {}) == text
    assert translate(document, {"Warning": "Warning", "Note": "Note"}) == text  # kept: nothing written
    localized = translate(document, {"Warning": "Atención *ya*", "Note": "Nota"})
    assert localized == (
        '!!! warning "Atención \\*ya\\*"\n    Mind the gap.\n\n??? note inline end "Nota"\n    Tickets at the pier.\n'
    )
    page = render_markdown_page(localized, "es", "a.md")
    assert '<p class="admonition-title">Atención *ya*</p>' in page


def test_the_body_of_an_admonition_with_an_empty_title_is_offered() -> None:
    # !!! note "" (MkDocs: no title bar) has no title tokens: the first paragraph of its body was
    # taken for its title and never offered (found in mkdocs-material's own docs)
    source = '!!! note ""\n    The body of an untitled note.\n\n    More of it.\n\nAfter.\n'
    document = read(source)
    assert msgids(document) == ["The body of an untitled note.", "More of it.", "After."]
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize(
    ("source", "unit"),
    [
        (
            "Set the\n[`layouts` directory][config.dir] here.\n\n[config.dir]: /config/\n",
            "Set the <1><2/> directory</1> here.",
        ),
        ("Set the [`layouts`\ndirectory][config.dir] here.\n", "Set the <1><2/> directory</1> here."),
    ],
)
def test_a_reference_link_whose_text_crosses_a_line_break_stays_a_link(source: str, unit: str) -> None:
    # MkDocs' autorefs define [text][label] at build time: the text across a line break came back
    # &#91;…&#93;&#91;…&#93;, no link any more (found in mkdocs-material's own docs)
    document = read(source)
    assert msgids(document)[0] == unit
    joined = source.replace("`layouts`\ndirectory", "`layouts` directory").replace("the\n[", "the [")
    assert unmarked_pseudo(document) == joined  # (the paragraph's lines joined, on purpose)


def test_an_admonition_title_with_an_entity_or_an_escape_is_translated_and_shown_as_written() -> None:
    # MkDocs reads the title as inline Markdown: "R&amp;D \\*now\\*" shows "R&D *now*"
    document = read('!!! note "R&amp;D \\*now\\*"\n    Buy them at the pier.\n')
    assert msgids(document)[0] == "R&D *now*"

    def title(markdown: str) -> str:
        page = render_markdown_page(markdown, "es", "a.md")
        return html.unescape(page.split('class="admonition-title">')[1].split("</p>")[0])

    assert title(translate(document, {})) == "R&D *now*"
    assert title(translate(document, {"R&D *now*": "⟦R&D *now*⟧"})) == "⟦R&D *now*⟧"


def test_a_translation_with_two_dollar_pairs_is_no_math_in_jekyll() -> None:
    # kramdown (Jekyll) reads $$…$$ as math, anywhere in a paragraph
    document = read("Some text.\n")
    localized = translate(document, {"Some text.": "It costs $$5 and $$6, or $7."})
    assert "$$" not in localized, localized
    assert "It costs $$5 and $$6, or $7." in html.unescape(render_markdown_page(localized, "es", "a.md"))


def test_a_translated_link_title_shows_no_backslash_in_mkdocs_or_jekyll() -> None:
    document = read('See [the map](/map/ "The map") now.\n')
    localized = translate(document, {"The map": 'El "mapa" \\ R&amp;D'})
    assert localized == 'See [the map](/map/ "El &quot;mapa&quot; &#92; R&amp;amp;D") now.\n'
    page = render_markdown_page(localized, "es", "a.md")
    assert 'title="El &quot;mapa&quot; \\ R&amp;amp;D"' in page


@pytest.mark.parametrize("evil", ["Tipp </div><img src=x onerror=alert(1)>", "Tipp <div markdown>*x*</div>"])
def test_a_translated_link_title_inside_a_markdown_html_block_adds_no_html_in_mkdocs(evil: str) -> None:
    # MkDocs-Material's pages wrap examples in <div class="result" markdown>; inside it md_in_html reads a
    # tag in a link's title as HTML, which ended the title and wrote the translator's <img onerror>
    source = (
        '<div class="result" markdown>\n\n[Hover me](https://example.com "A tooltip")\n\n'
        '[Hover me][ex]\n\n  [ex]: https://example.com "A tooltip"\n\n</div>\n'
    )
    document = read(source)
    assert "A tooltip" in msgids(document)
    localized = translate(document, {"A tooltip": evil})
    page = markdown.markdown(localized, extensions=["md_in_html", "attr_list"])
    assert not re.search(r"<(img|em)\b|<div markdown", page), page
    assert page.count(f'title="{html.escape(evil, quote=True)}"') == 2, page


@pytest.mark.parametrize("newline", ["\n", "\r", "\r\n"])
def test_a_translation_in_a_raw_html_block_cannot_end_the_block_and_add_markdown(newline: str) -> None:
    # a blank line ends a raw HTML block: what came after it in the translation would be Markdown
    document = read('<div class="box">\n<p title="A box">Inside the box.</p>\n</div>\n\nAfter the box.\n')
    assert msgids(document) == ["A box", "Inside the box.", "After the box."]
    evil = (
        f"Innen{newline * 2}# Head ![t](https://t.example/p.png) [click](https://phish.example){newline * 2}x"
    )
    localized = translate(document, {"Inside the box.": evil, "A box": evil + " (title)"})
    page = render_markdown_page(localized, "de", "a.md")
    article = page.split("<article>")[1]
    assert not re.search(r"<(h1|img|a)\b", article), article
    assert article.count("https://t.example/p.png") == 2  # shown as text, in the paragraph and its title
    flat = " ".join(evil.split())
    assert msgids(read(localized)) == [flat + " (title)", flat, "After the box."]  # read back: the same text


def test_a_translation_that_drops_a_shortcode_placeholder_is_refused() -> None:
    document = read("Inline {{< icon star >}} icon.\n")
    assert msgids(document) == ["Inline <1/> icon."]
    with pytest.raises(PlaceholderMismatch):
        translate(document, {"Inline <1/> icon.": "Icono {{< icon estrella >}} en línea."})


# --------------------------------------------------------------------------- front matter


def test_front_matter_keys_to_translate_are_configurable() -> None:
    text = "---\ntitle: Gold\nauthor: Jane Roe\ntags: [ski]\n---\n\nBody.\n"
    assert msgids(read(text)) == ["Gold", "ski", "Body."]
    assert msgids(read(text, front_matter_keys=("title", "author"))) == ["Gold", "Jane Roe", "Body."]


def test_translated_front_matter_values_are_quoted_for_their_format() -> None:
    yaml_doc = read("---\ntitle: Gold\ntags:\n  - ski\n---\nBody.\n")
    assert translate(yaml_doc, {"Gold": "Oro: el rey", "ski": "esquí"}) == (
        '---\ntitle: "Oro: el rey"\ntags:\n  - esquí\n---\nBody.\n'
    )
    toml_doc = read("+++\ntitle = 'Gold'\n+++\nBody.\n")
    assert translate(toml_doc, {"Gold": 'l\'or "fin"'}) == '+++\ntitle = "l\'or \\"fin\\""\n+++\nBody.\n'
    json_doc = read('{"title": "Gold", "n": 1}\nBody.\n')
    assert translate(json_doc, {"Gold": 'Or "fin"'}) == '{"title": "Or \\"fin\\"", "n": 1}\nBody.\n'


def test_a_translated_yaml_block_scalar_keeps_its_style_and_final_line_break() -> None:
    text = "---\ndescription: >\n  A race through\n  the forest.\nsummary: |-\n  Gold\n---\nBody.\n"
    table = {"A race through the forest.": "Una carrera: por el bosque # no es un comentario", "Gold": "Oro"}
    written = translate(read(text), table)
    assert written.startswith("---\ndescription: >\n  Una carrera: por el bosque # no es un comentario\n")
    assert yaml.safe_load(written.split("---")[1]) == {
        "description": "Una carrera: por el bosque # no es un comentario\n",
        "summary": "Oro",
    }


def test_a_literal_block_scalar_keeps_its_line_breaks_for_the_translator_and_in_the_page() -> None:
    # an address or a poem: its line breaks are its value's (a folded one's are not)
    text = "---\nsummary: |\n  Harbour Office\n    Quay 4\n\n  Visby\n---\nBody.\n"
    document = read(text)
    (address,) = [unit for unit in document.units() if unit.msgid.startswith("Harbour")]
    assert address.msgid == "Harbour Office\n  Quay 4\n\nVisby"
    assert translate(document, {}) == text
    written = translate(document, {address.msgid: "Hafenamt\n  Kai 4\n\nVisby"})
    assert yaml.safe_load(written.split("---")[1]) == {"summary": "Hafenamt\n  Kai 4\n\nVisby\n"}
    # a translation on one line stays one; one whose first line starts with a space is quoted
    assert yaml.safe_load(translate(document, {address.msgid: "Hafenamt, Visby"}).split("---")[1]) == {
        "summary": "Hafenamt, Visby\n"
    }
    odd = translate(document, {address.msgid: " Hafenamt\nVisby"})
    assert yaml.safe_load(odd.split("---")[1]) == {"summary": " Hafenamt\nVisby"}


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_a_multi_line_toml_string_keeps_its_line_breaks_for_the_translator_and_in_the_page(
    newline: str,
) -> None:
    text = '+++\nsummary = """\nHarbour Office\nQuay "4"\n"""\n+++\nBody.\n'.replace("\n", newline)
    document = read(text)
    (summary,) = [unit for unit in document.units() if unit.msgid.startswith("Harbour")]
    assert summary.msgid == 'Harbour Office\nQuay "4"'
    assert translate(document, {}) == text
    pseudo = translate(document, {summary.msgid: f"⟦{summary.msgid}⟧"})
    assert pseudo.replace("⟦", "").replace("⟧", "") == text
    written = translate(document, {summary.msgid: 'Hafenamt\\\nKai "4"'})
    assert tomllib.loads(written.replace("\r\n", "\n").split("+++")[1]) == {
        "summary": 'Hafenamt\\\nKai "4"\n'
    }


def test_a_line_of_plus_signs_in_a_multi_line_toml_translation_does_not_end_the_front_matter() -> None:
    # Hugo ends TOML front matter at a +++ line: the whole site failed to build
    text = '+++\ntitle = \'Harbour\'\nsummary = """\nHarbour Office\nQuay 4\n"""\n+++\nBody.\n'
    document = read(text)
    written = translate(document, {"Harbour Office\nQuay 4": "Hafenamt\n+++\ndraft = true"})
    front, body = written.split("\n+++\n", 1)[0].removeprefix("+++\n"), written.split("\n+++\n", 1)[1]
    assert tomllib.loads(front) == {"title": "Harbour", "summary": "Hafenamt\n+++\ndraft = true"}
    assert body == "Body.\n"


@pytest.mark.parametrize(
    ("text", "line", "what"),
    [
        ("---\ntitle: Fine\nsummary: [unclosed\nauthor: x\n---\nBody.\n", 3, "YAML"),
        ("+++\ntitle = 'Fine'\nsummary = \n+++\nBody.\n", 3, "TOML"),
        ('{\n  "title": "Fine",\n  "tags": [,]\n}\nBody.\n', 3, "JSON"),
        # a date no calendar has: a ValueError from YAML's constructor ended extract with a traceback
        ("---\ntitle: Fine\ndate: 2024-02-30\n---\nBody.\n", 3, "YAML"),
        ("---\ntitle: Fine\nsummary: x\ndate: 0000-00-00\n---\nBody.\n", 4, "YAML"),
        ("---\ntitle: Fine\ndate: 2024-01-01T10:00:00+99:00\n---\nBody.\n", 3, "YAML"),
    ],
)
def test_broken_front_matter_names_the_line(text: str, line: int, what: str) -> None:
    with pytest.raises(ArticleError, match=f"not valid {what}") as caught:
        read(text, "broken.md")
    assert caught.value.line == line


@pytest.mark.parametrize("text", ["---\ntitle: ok\n\nText.\n", "+++\ntitle = 'ok'\n\nText.\n"])
def test_front_matter_that_is_never_closed_is_an_error_not_text(text: str) -> None:
    # its keys were offered as a paragraph ("title: ok"); Hugo refuses such a page
    with pytest.raises(ArticleError, match=r"front matter opened by .* is not closed") as caught:
        read(text, "open.md")
    assert caught.value.line == 1
    # a thematic break at the top is no front matter, nor a rule and then a note
    assert msgids(read("---\n\nText after a rule.\n")) == ["Text after a rule."]
    assert msgids(read("---\nNote: the timetable changed.\n")) == ["Note: the timetable changed."]


@pytest.mark.parametrize(
    ("text", "start", "stop", "what"),
    [
        ('---\ntitle: "Ferry\ndate: 2024-01-01\nfoo: bar\n---\nBody.\n', 2, 5, "a quoted scalar"),
        ("---\ntitle: Fine\nsummary: [unclosed\nauthor: x\n---\nBody.\n", 3, 4, "a flow sequence"),
    ],
)
def test_an_unclosed_quote_or_bracket_in_front_matter_is_named_at_its_line_not_where_reading_stopped(
    text: str, start: int, stop: int, what: str
) -> None:
    with pytest.raises(ArticleError, match="not valid YAML") as caught:
        read(text, "broken.md")
    assert caught.value.line == start
    assert what in caught.value.message and f"line {stop}" in caught.value.message


def test_yaml_aliases_are_refused_in_front_matter() -> None:
    with pytest.raises(ArticleError, match="aliases"):
        read("---\na: &x [1, 2]\nb: *x\n---\nBody.\n")


def test_title_comes_from_front_matter_else_first_heading_else_file_name() -> None:
    assert read("+++\ntitle = 'Gold'\ndate = 2024-03-03\n+++\n# Other\n").title == "Gold"
    assert read("+++\ntitle = 'Gold'\ndate = 2024-03-03\n+++\n# Other\n").published == "2024-03-03"
    heading = read("Intro.\n\n## Snow *report*\n")
    assert heading.title == "Snow report"
    assert [u.kind for u in heading.units()] == ["text", "title"]
    assert read("Just text.\n", "notes.md").title == "notes"


# --------------------------------------------------------------------------- source kept as written


def test_windows_line_ends_are_kept_byte_for_byte() -> None:
    text = "---\r\ntitle: CRLF\r\n---\r\n\r\n> A quote\r\n> over lines. Two.\r\n\r\n| a | b |\r\n|---|---|\r\n| c | d |\r\n"
    document = read(text)
    assert document.render() == text
    assert msgids(document) == ["CRLF", "A quote over lines.", "Two.", "a", "b", "c", "d"]
    assert translate(document, {"Two.": "Dos."}) == text.replace("Two.", "Dos.")


def test_a_translated_paragraph_is_written_on_one_line_an_untranslated_one_keeps_its_lines() -> None:
    document = read("> One line\n> and another.\n\nThird\nline.\n")
    assert translate(document, {"One line and another.": "Una línea."}) == "> Una línea.\n\nThird\nline.\n"


def test_link_targets_follow_the_language_where_compile_rewrites_them() -> None:
    text = (
        'See [docs](/docs/a "T") and [ref][r], <https://x.org/docs/> and ![i](/docs/i.png).\n\n[r]: /docs/b\n'
    )
    document = read(text)
    assert [t.url for t in document.link_targets()] == ["/docs/a", "/docs/b"]  # not the image
    rewritten = document.render(rewrite_url=lambda url: "/es" + url if url.startswith("/docs/") else None)
    assert rewritten == text.replace("(/docs/a", "(/es/docs/a").replace("]: /docs/b", "]: /es/docs/b")


def test_shortcode_parameters_to_translate_are_configurable() -> None:
    text = '{{< figure src="a.png" alt="A skier" caption="Mora, 1922" >}}\n'
    assert msgids(read(text)) == ["A skier", "Mora, 1922"]
    assert msgids(read(text, shortcode_params=("caption",))) == ["Mora, 1922"]
    localized = translate(read(text), {"A skier": 'Un "esquiador"'})
    assert localized == '{{< figure src="a.png" alt=`Un "esquiador"` caption="Mora, 1922" >}}\n'


def test_the_label_of_a_hugo_book_tab_and_the_title_of_its_details_are_translated() -> None:
    """hugo-book takes a tab's label and a details block's title from the first positional parameter
    (``{{% tab "macOS" %}}``, ``{{% details "Which version?" open %}}``), which readers see: units
    (``translate_params``' ``tab:0`` and ``details:0``); a hint's first parameter, a class, is not."""
    text = (
        '{{% tab "macOS" %}}\nInstall it.\n{{% /tab %}}\n\n'
        '{{% details "Which version?" open %}}\nThe newest.\n{{% /details %}}\n\n'
        "{{% hint info %}}\nA hint.\n{{% /hint %}}\n"
    )
    document = read(text)
    assert sorted(msgids(document)) == sorted(
        ["macOS", "Install it.", "Which version?", "The newest.", "A hint."]
    )
    assert unmarked_pseudo(document) == text
    localized = translate(document, {"Which version?": 'Welche "Version"?', "macOS": "Mac"})
    assert '{{% details `Welche "Version"?` open %}}' in localized and '{{% tab "Mac" %}}' in localized
    evil = translate(document, {"Which version?": "Welche [Version](javascript:alert(1))?"})
    assert '{{% details "Which version?" open %}}' in evil
    assert "Which version?" not in msgids(read(text, shortcode_params=("title",)))


#: A page whose tab label and details title a translation would make links to its own definition
#: and footnote: a {{% x %}} shortcode's output is the page's Markdown, where [docs] and [^1] are links.
BOOK_LINKS = (
    "See [docs].[^1]\n\n"
    '{{% tab "macOS" %}}\nInstall it.\n{{% /tab %}}\n\n'
    '{{% details "Which version?" %}}\nThe newest.\n{{% /details %}}\n\n'
    "[docs]: https://example.org/docs\n[^1]: A note.\n"
)


@pytest.mark.parametrize("evil", ["Mac [docs]", "Mac[^1]"])
def test_a_tab_label_or_details_title_cannot_be_made_a_link_to_the_pages_definitions(evil: str) -> None:
    """hugo-book's tab label is written into the shortcode's output, which Hugo renders as the page's
    Markdown: a translation that adds ``[docs]`` would be a link to the page's ``[docs]`` definition.
    Such a translation is written as its source, as one that adds ``[x](url)`` is."""
    document = read(BOOK_LINKS)
    localized = translate(document, {"macOS": evil, "Which version?": evil})
    assert '{{% tab "macOS" %}}' in localized and '{{% details "Which version?" %}}' in localized, localized


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_shows_no_link_in_a_tab_label_a_translation_writes_with_brackets(tmp_path: Path) -> None:
    """Hugo renders a ``{{% tab %}}`` shortcode's output (its label too) as the page's Markdown: the
    translated page has the links of the source's page, none in the label."""
    document = read(BOOK_LINKS)
    localized = translate(document, {"macOS": "Mac [docs]"})
    shortcodes = {"tab": "<label>{{ .Get 0 }}</label>\n{{ .Inner }}", "details": "{{ .Inner }}"}
    pages = [
        hugo_page(text, tmp_path / name, shortcodes=shortcodes)
        for name, text in (("en", BOOK_LINKS), ("de", localized))
    ]
    hrefs = [re.findall(r'<a href="([^"]*)"', page) for page in pages]
    assert hrefs[1] == hrefs[0], pages[1]


def test_an_unclosed_shortcode_is_named_with_its_line_and_swallows_no_paragraphs() -> None:
    text = (
        "---\ntitle: T\n---\n\n"
        'A {{< figure src="x.png" alt="y" }} broken one.\n\n'
        "{{% alert %}}\nStill here.\n{{% /alert %}}\n\n"
        'Later {{< ref "b" >}} text.\n'
    )
    document = read(text)
    assert msgids(document) == [
        "T",
        'A {{< figure src="x.png" alt="y" }} broken one.',
        "Still here.",
        "Later <1/> text.",
    ]
    assert [(w.line, w.severity) for w in document.warnings] == [(5, "warning")]
    assert "{{< figure" in document.warnings[0].message and "not closed" in document.warnings[0].message


def test_a_shortcode_on_its_own_line_does_not_join_the_next_line_to_a_paragraph() -> None:
    document = read("Before.\n{{% note %}}\nInside the note.\n{{% /note %}}\nAfter.\n")
    assert msgids(document) == ["Before.", "Inside the note.", "After."]


def test_a_list_items_code_block_closed_by_a_deeper_fence_ends_there_for_shortcodes_too() -> None:
    # the closing fence may be indented up to three spaces more than the item's content (CommonMark):
    # every shortcode after it was taken for code and written escaped (Kubernetes' kubeadm page)
    text = (
        "1. Run this script:\n   ```sh\n   echo {{< x >}}\n    ```\n\n   {{< caution >}}\n   Copy these.\n"
        '   {{< /caution >}}\n\nLater a {{< glossary_tooltip text="Pod" term_id="pod" >}} runs.\n'
    )
    document = read(text)
    assert msgids(document) == ["Run this script:", "Copy these.", "Later a <1/> runs."]
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert marked.replace("⟦", "").replace("⟧", "") == text


def test_a_shortcode_on_its_own_line_under_text_is_part_of_the_paragraph_as_hugo_reads_it() -> None:
    # Kubernetes' docs: a glossary tooltip on a line of its own inside a bold sentence or a link text
    text = (
        '**You must deploy a\n{{< glossary_tooltip text="Container Network Interface" term_id="cni" >}}\n'
        '(CNI) based Pod network add-on.**\n\nRead [the guide about\n{{< glossary_tooltip text="Pods" '
        'term_id="pod" >}}\nand more](/docs/pods/) today.\n'
    )
    document = read(text, shortcode_params=("text",))
    assert msgids(document) == [
        "You must deploy a <1/> (CNI) based Pod network add-on.",
        "Container Network Interface",
        "Read <1>the guide about <2/> and more</1> today.",
        "Pods",
    ]
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "\\*" not in marked and "&#91;" not in marked
    assert marked.startswith('**⟦You must deploy a {{< glossary_tooltip text="⟦Container Network Interface⟧"')


def test_a_pymdownx_block_keeps_its_lines_and_offers_its_title_and_its_markdown() -> None:
    text = "/// details | Summary | more\n    type: warning\n\nHidden *text*.\n///\n"
    document = read(text)
    assert msgids(document) == ["Summary | more", "Hidden <1>text</1>."]
    localized = translate(
        document, {"Summary | more": "Resumen | más", "Hidden <1>text</1>.": "<1>Oculto</1>."}
    )
    assert localized == "/// details | Resumen \\| más\n    type: warning\n\n*Oculto*.\n///\n"


def test_the_html_page_of_a_hugo_article_shows_no_template_syntax() -> None:
    text = (
        "---\ntitle: Harbour\n---\n\n"
        '{{< figure src="a.png" alt="A dock" caption="The dock" >}}\n\n'
        "{{% note %}}\nThe **car park** is closed.\n{{% /note %}}\n\n"
        'Inline {{< icon "x" >}} and {{% mark %}}marked{{% /mark %}}; write {{</* figure */>}} for a figure.\n\n'
        "{{< youtube abc >}}\n"
    )
    page = render_markdown_page(text, "en", "a.md")
    article = page.split("<article>")[1]
    assert '<figure><img src="a.png" alt="A dock"><figcaption>The dock</figcaption></figure>' in article
    assert '<div class="shortcode-note">' in article and "<strong>car park</strong>" in article
    assert "Inline  and marked; write {{&lt; figure &gt;}} for a figure." in article
    assert "<!-- youtube -->" in article
    assert "{{<" not in article and "{{%" not in article


def test_the_html_page_has_heading_ids_and_front_matter_values_as_written() -> None:
    page = render_markdown_page(
        "---\ntitle: T\ndraft: false\n---\n# The harbour {#harbour .big}\n", "en", "a.md"
    )
    assert '<h1 id="harbour" class="big">The harbour</h1>' in page
    assert '<meta name="draft" content="false" translate="no">' in page


def test_a_translated_reference_link_named_by_its_text_keeps_its_label() -> None:
    text = "See [RFC 5646][] and [Home].\n\n- [Automatically][]\n\n[rfc 5646]: /rfc\n[home]: /\n[automatically]: /a\n"
    document = read(text)
    assert msgids(document) == ["See <1>RFC 5646</1> and <2>Home</2>.", "<1>Automatically</1>"]
    localized = translate(
        document,
        {
            "See <1>RFC 5646</1> and <2>Home</2>.": "Ver <1>el RFC</1> e <2>Inicio</2>.",
            "<1>Automatically</1>": "<1>Solo</1>",
        },
    )
    assert localized.startswith("Ver [el RFC][RFC 5646] e [Inicio][Home].\n\n- [Solo][Automatically]\n")
    page = render_markdown_page(localized, "es", "a.md")
    assert (
        '<a href="/rfc">el RFC</a>' in page
        and '<a href="/">Inicio</a>' in page
        and '<a href="/a">Solo</a>' in page
    )


def test_a_reference_link_whose_text_a_translation_keeps_is_written_as_the_source_wrote_it() -> None:
    text = "Read [the FAQ][] or [Home] first.\n\n[the faq]: /faq\n[home]: /\n"
    document = read(text)
    localized = translate(
        document, {"Read <1>the FAQ</1> or <2>Home</2> first.": "Lee <1>the FAQ</1> o <2>Home</2> ya."}
    )
    assert localized == "Lee [the FAQ][] o [Home] ya.\n\n[the faq]: /faq\n[home]: /\n"


def test_an_exclamation_mark_before_a_translated_link_does_not_make_it_an_image() -> None:
    document = read("Hi [foo] now.\n\n[foo]: /u\n")
    for translation in ("¡Hola!<1>foo</1> ya.", "¡Hola!<1>fu</1> ya."):
        page = render_markdown_page(translate(document, {"Hi <1>foo</1> now.": translation}), "es", "a.md")
        assert "<img" not in page and '¡Hola!<a href="/u">' in page


def test_the_inside_of_an_angle_bracket_shortcode_pair_is_kept_unless_it_is_a_callout() -> None:
    text = "{{< note >}}\nMind the gap.\n{{< /note >}}\n\n{{< chart >}}\nLabel one\n{{< /chart >}}\n"
    assert msgids(read(text)) == ["Mind the gap."]
    assert msgids(read(text, shortcodes_with_markdown=("chart",))) == ["Label one"]


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.com/a", "https://example.com/a"),
        ("www.example.com/a_b", "http://www.example.com/a_b"),
        ("ann@example.com", "mailto:ann@example.com"),
    ],
)
def test_a_bare_url_a_translation_glues_text_to_stays_the_same_link(url: str, href: str) -> None:
    """Chinese and Japanese put no space around a URL: 访问https://…了解 would be no link (text before
    it) or a link swallowing the text after it, so the URL is written as a link on its own."""
    document = read(f"Visit {url} for details, or see {url}.\n")
    msgid = "Visit <1/> for details, or see <2/>."
    assert msgids(document) == [msgid]
    for translation, shown in (
        ("访问<1/>了解详情，或见<2/>。", ["访问", "了解详情，或见", "。"]),
        ("Besuchen Sie <1/> für Details oder <2/>.", ["Besuchen Sie ", " für Details oder ", "."]),
    ):
        page = render_markdown_page(translate(document, {msgid: translation}, PAGE_HEADING_IDS), "zh", "a.md")
        link = f'<a href="{html.escape(href)}">{html.escape(url)}</a>'
        assert link.join(shown) in page, page
    # a translation that keeps what the source has around the URL writes it as the source does
    kept = translate(document, {msgid: "Besuchen Sie <1/> für Details oder <2/>."})
    assert kept == f"Besuchen Sie {url} für Details oder {url}.\n"


@pytest.mark.parametrize(
    ("url", "href"),
    [
        ("https://example.com/x", "https://example.com/x"),
        ("www.example.com/report", "http://www.example.com/report"),
    ],
)
def test_a_paragraph_that_starts_with_a_bare_url_keeps_the_link_whatever_follows_it(
    url: str, href: str
) -> None:
    """A bare URL glued to the sentence after it (``https://…, said the mayor.``) travels with the unit
    as a placeholder: the translator sees it, and a translation that glues text to it (``…sagte``)
    neither sends readers to ``/xsagte`` nor loses the link."""
    document = read(f"{url}, said the mayor.\n")
    assert msgids(document) == ["<1/>, said the mayor."]
    link = f'<a href="{html.escape(href)}">{html.escape(url)}</a>'
    for translation, after in (("<1/>, sagte der Bürgermeister.", ", sagte"), ("<1/>sagte er.", "sagte")):
        written = translate(document, {"<1/>, said the mayor.": translation}, PAGE_HEADING_IDS)
        page = render_markdown_page(written, "de", "a.md")
        assert link + after in page, page
    # kept as the source writes it where the translation keeps what follows it
    kept = translate(document, {"<1/>, said the mayor.": "<1/>, sagte der Bürgermeister."})
    assert kept == f"{url}, sagte der Bürgermeister.\n"


@pytest.mark.skipif(HUGO is None, reason="Hugo is not installed")
def test_a_bare_url_hugo_links_after_a_quote_or_code_is_still_a_link_on_the_translated_page(
    tmp_path: Path,
) -> None:
    """Goldmark's linkify (Hugo) also links a bare URL right after a quote its typographer curls
    (``"https://…"``, a table of example values) or after code, a link or an HTML tag: the URL is a
    placeholder for the translator (not text to escape), and the page translated word for word links it as
    the source does."""
    source = (
        'The image: "image.png" or "https://example.com/image.jpg" here.\n\n'
        "Or 'www.example.com/a' and `code`https://example.com/b there.\n\n"
        '| name | example |\n|---|---|\n| url | "https://canonical.example/to/page" |\n'
    )
    document = read(source)
    assert 'The image: "image.png" or "<1/>" here.' in msgids(document)
    assert "Or '<1/>' and <2/><3/> there." in msgids(document)
    assert not any(
        "canonical" in msgid for msgid in msgids(document)
    )  # (a URL in quotes: nothing to translate)
    pages = hugo_pages([source, unmarked_pseudo(document)], tmp_path / "site")
    assert pages[0].count("<a href") == 4, pages[0]
    assert pages[1] == pages[0]


@pytest.mark.skipif(HUGO is None, reason="Hugo is not installed")
def test_a_quoted_bare_url_stays_a_link_when_the_translation_glues_its_text_to_the_quote(
    tmp_path: Path,
) -> None:
    """Hugo links ``Say "https://…"`` (the quote opens) but not ``说"https://…"`` (a quote after a
    letter closes): a translation that keeps the quote but glues its text to it still links the URL."""
    source = 'Say "https://a.example/x"\n'
    document = read(source)
    assert msgids(document) == ['Say "<1/>"']
    translated = translate(document, {'Say "<1/>"': '说"<1/>"'})
    pages = hugo_pages([source, translated], tmp_path / "site")
    assert pages[0].count("<a href") == 1, pages[0]
    assert '<a href="https://a.example/x">https://a.example/x</a>' in pages[1], pages[1]


def test_an_address_glued_to_the_text_before_it_stays_the_same_address() -> None:
    """``desk_ann@example.com`` links ``ann@example.com`` (GFM, as Hugo reads it): the address travels
    with the unit, so that a translation glued to it (``Postfach<1/>``) does not address someone else."""
    document = read("Contact the desk_ann@example.com\n")
    assert msgids(document) == ["Contact the desk_<1/>"]
    link = '<a href="mailto:ann@example.com">ann@example.com</a>'
    for translation, before in (
        ("Schreiben Sie an desk_<1/>", "desk_"),
        ("Schreiben Sie ans Postfach<1/>", "Postfach"),
    ):
        written = translate(document, {"Contact the desk_<1/>": translation}, PAGE_HEADING_IDS)
        page = render_markdown_page(written, "de", "a.md")
        assert before + link in page, page


def test_an_alert_keeps_its_marker_and_offers_its_title_and_its_text_apart() -> None:
    """GitHub's and Hugo's alerts (``> [!NOTE]``, Hugo's with a title after it; Obsidian's callouts
    with ``+`` or ``-``): the marker is markup, the title and the text are units of their own."""
    text = "> [!NOTE]\n> Modules are Go modules.\n\n> [!WARNING] Be careful\n> Back up *first*.\n"
    document = read(text)
    assert msgids(document) == ["Modules are Go modules.", "Be careful", "Back up <1>first</1>."]
    translated = translate(
        document,
        {
            "Modules are Go modules.": "Module sind Go-Module.",
            "Be careful": "Vorsicht",
            "Back up <1>first</1>.": "Erst <1>sichern</1>.",
        },
    )
    assert translated == "> [!NOTE]\n> Module sind Go-Module.\n\n> [!WARNING] Vorsicht\n> Erst *sichern*.\n"
    # not at the start of a quote: text as before
    assert msgids(read("> See [!NOTE] here.\n")) == ["See [!NOTE] here."]


@pytest.mark.parametrize(
    "source", ["> [!WARNING] Be [careful\n> now](u) here.\n", "> [!NOTE] Be *careful\n> now* here.\n"]
)
def test_an_alert_whose_title_line_cuts_a_link_is_read_and_offers_no_half_of_it(source: str) -> None:
    """The title is the first line: a link (emphasis) over two lines is cut there; it stays as
    written (it was a traceback, and the title a unit ``Be <1>careful`` whose ``</1>`` is nowhere)."""
    document = read(source)
    assert all(is_well_nested(msgid) for msgid in msgids(document)), msgids(document)
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize("attributes", ['{class="wide"}', "{.lead}", "{: .lead #intro}"])
def test_a_block_attribute_list_under_a_paragraph_stays_markup(attributes: str) -> None:
    """Goldmark's block attributes (``parser.attribute.block``) and kramdown's IAL on the line after a
    paragraph apply to it: they are neither offered to translators nor written as text."""
    for text in (f"A paragraph.\n{attributes}\n", f"> Quoted text.\n{attributes}\n"):
        document = read(text)
        assert msgids(document) == [text.split("\n")[0].lstrip("> ")]
        assert translate(document, {m: "Übersetzt." for m in msgids(document)}) == text.replace(
            text.split("\n")[0].lstrip("> "), "Übersetzt."
        )


def test_a_heading_id_with_dots_stays_markup_and_is_the_heading_id() -> None:
    """Goldmark reads ``{#v0.14.2}`` as the id ``v0.14.2`` (a changelog's version headings, linked
    from elsewhere): it is not offered, not escaped, and the rendered page keeps the anchor."""
    text = "## Release v0.14.2 {#v0.14.2}\n\nSee [the release](#v0.14.2).\n"
    document = read(text)
    assert msgids(document) == ["Release v0.14.2", "See <1>the release</1>."]
    translated = translate(
        document, {"Release v0.14.2": "Version v0.14.2", "See <1>the release</1>.": "Siehe <1>Version</1>."}
    )
    assert translated == "## Version v0.14.2 {#v0.14.2}\n\nSiehe [Version](#v0.14.2).\n"
    assert '<h2 id="v0.14.2">Version v0.14.2</h2>' in render_markdown_page(translated, "de", "a.md")


def test_a_table_attribute_list_under_a_table_is_not_offered_nor_escaped() -> None:
    """Docsy's ``{.td-initial .table}`` on the line after a table (Goldmark's block attributes; a row
    of one cell to GFM) is markup: the table's cells are offered, the attribute line is kept."""
    text = "| Shape | Sides |\n| --- | --- |\n| Triangle | 3 |\n{.td-initial .table-dark}\n"
    document = read(text)
    assert msgids(document) == ["Shape", "Sides", "Triangle"]
    translated = translate(document, {"Shape": "Form", "Sides": "Seiten", "Triangle": "Dreieck"})
    assert translated == "| Form | Seiten |\n| --- | --- |\n| Dreieck | 3 |\n{.td-initial .table-dark}\n"


def test_an_autolink_whose_address_a_shortcode_writes_is_kept_as_written() -> None:
    """``<{{% param github_repo %}}/tree/main>`` is a link once Hugo has written the address: one
    placeholder showing it whole; the ``<`` was text and a translation wrote ``&lt;``."""
    text = "Source: <{{% param github_repo %}}/tree/main>.\n\n| Site | Repo |\n| --- | --- |\n| Demo | <{{< param repo >}}-example> |\n"
    document = read(text)
    assert msgids(document) == ["Source: <1/>.", "Site", "Repo", "Demo"]
    translated = translate(
        document, {"Source: <1/>.": "Quelle: <1/>.", "Site": "Seite", "Repo": "Repo", "Demo": "Demo"}
    )
    assert translated == text.replace("Source:", "Quelle:").replace("| Site |", "| Seite |")


def test_an_autolink_whose_address_several_template_tokens_write_is_kept_as_written() -> None:
    """``<{{ site.url }}{{ page.url }}>`` (tokens one after the other, text between them) was
    offered as ``See <<1/><2/>> here.`` and written ``&lt;…>``: no link any more."""
    text = (
        "See <{{ site.url }}{{ page.url }}> here.\n\nAlso <{{< param repo >}}/tree/{{< param branch >}}>.\n"
    )
    document = read(text)
    assert msgids(document) == ["See <1/> here.", "Also <1/>."]
    translated = translate(document, {"See <1/> here.": "Siehe <1/>.", "Also <1/>.": "Auch <1/>."})
    assert translated == text.replace("See", "Siehe").replace("> here.", ">.").replace("Also", "Auch")
    assert msgids(read("A <{{ a }} and {{ b }}> b.\n")) == ["A <<1/> and <2/>> b."]  # (spaces: no address)


def test_code_in_a_shortcode_pair_inside_a_paragraph_is_never_offered_nor_escaped() -> None:
    """Hugo's inline ``{{< highlight >}}`` and Docsy's ``{{< card code=true >}}`` hold code: the pair
    is one placeholder kept as written (``File[] files`` was offered, then written ``File&#91;&#93;``)."""
    text = (
        'Run {{< highlight go "hl_inline=true" >}}fmt.Println("a[1]"){{< /highlight >}} in *main*.\n\n'
        "{{< cardpane >}} {{< card code=true >}} File[] files =\nlist(); {{< /card >}}\n{{< /cardpane >}}\n"
    )
    document = read(text)
    assert msgids(document) == ["Run <1/> in <2>main</2>."]
    translated = translate(document, {"Run <1/> in <2>main</2>.": "Führen Sie <1/> in <2>main</2> aus."})
    assert translated == text.replace("Run ", "Führen Sie ").replace("*main*.", "*main* aus.")


def test_math_in_a_katex_shortcode_inside_a_table_cell_is_never_offered() -> None:
    """hugo-book's ``{{< katex >}}\\pi(x){{< /katex >}}`` in a sentence or a table cell is TeX, not
    prose: one placeholder kept as written (``\\pi(x)`` was offered as a unit)."""
    text = (
        "| Name | Formula |\n|---|---|\n| Prime counting | {{< katex >}}\\pi(x){{< /katex >}} |\n\n"
        "The area is {{< katex >}}\\pi r^2{{< /katex >}} for a *circle*.\n"
    )
    document = read(text)
    assert msgids(document) == ["Name", "Formula", "Prime counting", "The area is <1/> for a <2>circle</2>."]
    assert unmarked_pseudo(document) == text


def test_a_hugo_comment_shortcode_is_never_offered() -> None:
    """``{{< comment >}}…{{< /comment >}}`` (Hugo's and Docsy's) is never published: a note for
    writers, inline or on lines of its own, with either delimiter, is kept as written, not offered."""
    text = (
        "{{< comment >}}Note for [writers].{{< /comment >}}\nVisible text.\n\n"
        "Before. {{< comment >}}Inline note.{{< /comment >}} After.\n\n"
        "{{% comment %}}\nA block note.\n{{% /comment %}}\n"
    )
    document = read(text)
    assert msgids(document) == ["Visible text.", "Before.", "<1/> After."]
    assert unmarked_pseudo(document) == text


def test_the_tabs_of_a_docsy_tabpane_with_text_true_are_translated_code_tabs_are_not() -> None:
    """``{{< tabpane text=true >}}`` says its tabs hold text (Docsy): their prose is offered, whether
    a tab is ``{{% tab %}}`` or ``{{< tab >}}``; a tabpane without it holds code, kept as written."""
    text = (
        '{{< tabpane text=true >}}\n{{% tab header="English" %}}\nWelcome to the **site**.\n{{% /tab %}}\n'
        '{{< tab header="German" >}}\nPlain text in a tab.\n{{< /tab >}}\n{{< /tabpane >}}\n\n'
        '{{< tabpane >}}\n{{< tab header="Go" >}}\nfmt.Println("hi")\n{{< /tab >}}\n{{< /tabpane >}}\n'
    )
    document = read(text)
    assert msgids(document) == ["Welcome to the <1>site</1>.", "Plain text in a tab."]
    assert unmarked_pseudo(document) == text


def test_the_labels_of_the_code_tabs_of_a_docsy_tabpane_are_translated_when_their_parameter_is() -> None:
    """With ``tab:header`` in ``translate_params``, a Docsy code tab's label (``header``), which
    readers see on its button, is a unit, as outside a tabpane; the code it holds stays as written
    (the labels inside a ``{{< tabpane >}}`` were never offered: "Configuration file:" stayed English)."""
    text = (
        '{{< tabpane >}}\n{{< tab header="Configuration file:" disabled=true />}}\n'
        '{{< tab header="Site config" lang="toml" >}}\n[params]\ntitle = "Docs"\n{{< /tab >}}\n{{< /tabpane >}}\n'
    )
    document = read(text, shortcode_params=("tab:header",))
    assert msgids(document) == ["Configuration file:", "Site config"]
    assert unmarked_pseudo(document) == text
    localized = translate(
        document, {"Configuration file:": "Konfigurationsdatei:", "Site config": "Einstellungen"}
    )
    assert localized == text.replace("Configuration file:", "Konfigurationsdatei:").replace(
        "Site config", "Einstellungen"
    )
    assert msgids(read(text)) == []


def test_a_docsy_tab_label_that_names_its_code_language_is_never_offered() -> None:
    """In a ``{{< tabpane langEqualsHeader=true >}}`` a tab's label is also the language its code is
    highlighted as (``{{< tab toml >}}``): never a unit, as ``tab:0`` or ``tab:header`` (a translated
    label would have turned off the highlighting), nor is a label tab's there (Hugo writes it into
    a ``class``: a translation's words would be classes); a tab naming its ``lang`` and the tabs of
    other tabpanes are units."""
    text = (
        '{{< tabpane langEqualsHeader=true >}}\n{{< tab header="Front matter:" disabled=true />}}\n'
        '{{< tab toml >}}\ntitle = "x"\n{{< /tab >}}\n{{< tab header="yaml" >}}\ntitle: x\n{{< /tab >}}\n'
        '{{< tab header="Site config" lang="json" >}}\n{}\n{{< /tab >}}\n{{< /tabpane >}}\n\n'
        "{{< tabpane text=true langEqualsHeader=true >}}\n{{% tab toml %}}\nSee **this**.\n{{% /tab %}}\n"
        "{{< /tabpane >}}\n\n"
        '{{< tabpane >}}\n{{< tab "Unix shell" >}}\nls\n{{< /tab >}}\n{{< /tabpane >}}\n'
    )
    document = read(text, shortcode_params=("tab:0", "tab:header"))
    assert msgids(document) == ["Site config", "See <1>this</1>.", "Unix shell"]
    assert unmarked_pseudo(document) == text


def test_a_docsy_tab_label_translated_with_a_double_quote_keeps_its_source() -> None:
    """Docsy writes a tab's label into the tab button's ``data-td-tp-persist`` attribute quoted as Go
    quotes (``"a\\" b"``), where a ``"`` ends the value: a translation holding one made an
    ``onmouseover`` attribute there in Hugo. It keeps the label as written (a warning says why); one
    without is written, and a hugo-book tab outside a tabpane takes its quotes."""
    text = (
        '{{< tabpane text=true >}}\n{{% tab "Unix shell" %}}\nRun it.\n{{% /tab %}}\n'
        '{{% tab header="Windows" %}}\nRun that.\n{{% /tab %}}\n{{< /tabpane >}}\n\n'
        '{{% tab "macOS" %}}\nInstall it.\n{{% /tab %}}\n'
    )
    document = read(text, shortcode_params=("tab:0", "tab:header"))
    assert msgids(document) == ["Unix shell", "Run it.", "Windows", "Run that.", "macOS", "Install it."]
    evil = 'Shell" onmouseover=alert(1) x="'
    assert translate(document, {"Unix shell": evil, "Windows": evil}) == text
    (slot,) = [slot for slot in document.slots() if slot.msgid == "Unix shell"]
    assert "double quote" in kept_source(slot, evil)[1]
    assert translate(document, {"Unix shell": "Unix-Shell"}) == text.replace("Unix shell", "Unix-Shell")
    assert '{{% tab `Mac "OS"` %}}' in translate(document, {"macOS": 'Mac "OS"'})


#: Docsy's tabpane and tab shortcodes, as far as the label goes: the button's persistence key.
DOCSY_TABS = {
    "tab": '{{ $.Parent.Scratch.SetInMap "tabs" (printf "%02v" $.Ordinal) (.Get 0 | default (.Get "header")) }}'
    "{{ with .Inner }}{{ end }}",
    "tabpane": '{{ .Inner }}{{ range $.Scratch.Get "tabs" }}<button {{ printf "data-td-tp-persist=%q" . | safeHTMLAttr }}>'
    "{{ . | markdownify }}</button>{{ end }}",
}


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_a_docsy_tab_label_never_makes_an_attribute_in_hugo(tmp_path: Path) -> None:
    """Built by Hugo with Docsy's way of writing a tab's label, a translated label with a ``"`` makes
    no ``onmouseover`` attribute on the tab's button (it made one)."""
    text = '{{< tabpane text=true >}}\n{{% tab "Unix shell" %}}\nRun it.\n{{% /tab %}}\n{{< /tabpane >}}\n'
    localized = translate(read(text), {"Unix shell": 'Shell" onmouseover=alert(1) x="'})
    page = lxml.html.fromstring(hugo_page(localized, tmp_path / "site", shortcodes=DOCSY_TABS))
    (button,) = page.iter("button")
    assert button.attrib == {"data-td-tp-persist": "Unix shell"}


def test_the_markdown_tabs_inside_a_hugo_book_tabs_shortcode_are_translated() -> None:
    """Hugo renders the inside of a ``{{% tab %}}`` pair as Markdown wherever it stands, inside a
    ``{{< tabs >}}`` pair too (hugo-book's installation tabs): its prose is offered; a ``{{< tab >}}``
    beside it and a ``{{< tabs >}}`` holding no ``{{% %}}`` pair keep their inside as written (their
    labels are units: ``tab:0``)."""
    text = (
        '{{< tabs >}}\n\n{{% tab "Git" %}}\nThe simplest *approach*.\n\n```shell\ngit init\n```\n{{% /tab %}}\n\n'
        '{{< tab "Raw" >}}\n<b>as written</b>\n{{< /tab >}}\n\n{{< /tabs >}}\n\n'
        '{{< tabs >}}\n{{< tab "Go" >}}\nfmt.Println("hi")\n{{< /tab >}}\n{{< /tabs >}}\n'
    )
    document = read(text)
    assert msgids(document) == ["Git", "The simplest <1>approach</1>.", "Raw", "Go"]
    assert unmarked_pseudo(document) == text


@pytest.mark.parametrize(
    "text",
    [
        '{% highlight go %}\nUse {{% tab "x" %}}a*b{{% /tab %}}\n{% endhighlight %}\n',
        '{{< tabpane >}}\n{{% tab header="Go" lang="go" %}}\nfmt.Println(a*b)\n{{% /tab %}}\n{{< /tabpane >}}\n',
        "{::nomarkdown}\nSee {{% x %}}a*b{{% /x %}}\n{:/nomarkdown}\n",
    ],
)
def test_code_holding_a_markdown_shortcode_pair_stays_code(text: str) -> None:
    """A ``{{% x %}}`` pair inside Liquid's ``highlight``, kramdown's ``{::nomarkdown}`` or a Docsy
    ``tabpane`` of code tabs (``lang="go"``) is code there: nothing offered, nothing escaped (the
    pseudo-translation wrote ``a\\*b``)."""
    document = read(text)
    assert msgids(document) == []
    assert unmarked_pseudo(document) == text


def test_docsy_cards_and_image_captions_are_translated_a_code_card_is_not() -> None:
    """Docsy renders a ``card``'s and an ``imgproc``'s inside as Markdown (they are in the default
    ``markdown_inside``): offered, inside a ``cardpane`` too; a ``card code=true`` holds code."""
    text = (
        '{{< cardpane >}}\n{{< card header="Docsy" >}}\nDocsy is a *Hugo* theme.\n{{< /card >}}\n'
        '{{< card code=true lang="go" >}}\nfmt.Println("[1]")\n{{< /card >}}\n{{< /cardpane >}}\n\n'
        '{{< imgproc spruce Fill "400x450" >}}\nNorway Spruce *Picea abies* shoot.\n{{< /imgproc >}}\n'
    )
    document = read(text)
    assert msgids(document) == ["Docsy is a <1>Hugo</1> theme.", "Norway Spruce <1>Picea abies</1> shoot."]
    assert unmarked_pseudo(document) == text


def test_a_shortcode_pairs_legend_shows_a_parameter_that_is_a_unit_of_its_own() -> None:
    """The alert's ``title`` is a unit of its own; the pair's legend still shows it as written (it
    showed ``title= color=warning``, which told the translator nothing)."""
    document = read('Text {{% alert title="Broken!" color=warning %}}inline **alert**{{% /alert %}} here.\n')
    unit = next(u for u in document.units() if u.msgid.startswith("Text"))
    assert unit.placeholders[0].shows.startswith('{{% alert title="Broken!" color=warning')
    assert unit.placeholders[0].shows.endswith("{{% /alert %}}")
    assert "Broken!" in [u.msgid for u in document.units()]


def test_code_at_a_sentences_edge_stays_in_the_unit_where_a_translator_can_move_it() -> None:
    """A code span is a word of its sentence: ``Option``'s variants are ``Some`` and ``None`` was the
    unit ``'s variants are <1/> and``, which a verb-final language cannot translate."""
    text = "`Option`'s variants are `Some` and `None`.\n\n## To `panic!` or Not to `panic!`\n\n`--verbose`\n"
    document = read(text)
    assert msgids(document) == ["<1/>'s variants are <2/> and <3/>.", "To <1/> or Not to <2/>"]
    translated = translate(document, {"To <1/> or Not to <2/>": "<1/> oder nicht <2/>"})
    assert "## `panic!` oder nicht `panic!`\n" in translated
    assert translated.endswith("\n`--verbose`\n")  # code alone is no unit


def test_math_delimiters_in_code_spans_are_code_and_mdbooks_escaped_delimiters_are_whole() -> None:
    """mdBook's guide: `` `\\(` and `\\)` `` are two code spans (the math token ran from one to the
    other and took the word "and" with it); ``\\( x^2 \\)`` is one token, its first backslash too
    (it was left in the unit: ``For example \\<1/>``)."""
    text = "Delimited by `\\\\(` and `\\\\)`.\n\nFor example \\\\( x^2 \\\\) you write.\n"
    document = read(text)
    assert msgids(document) == ["Delimited by <1/> and <2/>.", "For example <1/> you write."]
    assert unmarked_pseudo(document) == text


def test_a_shortcode_that_starts_a_line_of_a_paragraph_starts_one_in_the_translation() -> None:
    """Docsy's docs: ``{{% alert %}}`` at the start of a list item's second line makes its ``<div>``
    a block there, inline after text; a translation joined it to the line before (its soft break a
    space). Now its line break (and indentation, or quote markers) goes with it, unless the
    translation puts it at the start of the line anyway. Shortcodes inside a sentence and ``{{< >}}``
    ones are written where the translation puts them, as before."""
    text = (
        "1. Install the tool:\n   {{% alert %}}Check the version.{{% /alert %}}\n"
        "2. Quoted:\n\n> Some text\n> {% include note.html %} more text.\n\n"
        "Call the office at\n{{< param phone >}} today.\n"
    )
    document = read(text)
    assert msgids(document) == [
        "Install the tool: <1>Check the version.</1>",
        "Quoted:",
        "Some text <1/> more text.",
        "Call the office at <1/> today.",
    ]
    # (a translated paragraph is written on one line where line breaks make no difference)
    assert unmarked_pseudo(document) == text.replace("at\n{{<", "at {{<")
    spanish = translate(
        document,
        {
            "Install the tool: <1>Check the version.</1>": "Instale la herramienta:  <1>Compruebe la versión.</1>",
            "Some text <1/> more text.": "<1/> Algo de texto y más.",
            "Call the office at <1/> today.": "Llame hoy a la oficina al <1/>.",
        },
    )
    assert spanish == (
        "1. Instale la herramienta:\n   {{% alert %}}Compruebe la versión.{{% /alert %}}\n"
        "2. Quoted:\n\n> {% include note.html %} Algo de texto y más.\n\n"
        "Llame hoy a la oficina al {{< param phone >}}.\n"
    )


def test_mdbooks_display_formula_on_a_line_of_its_own_is_not_offered() -> None:
    """mdBook's MathJax display delimiters ``\\[ … \\]`` (the first backslash escapes the second):
    the formula was a unit (``\\[ \\mu = \\frac{1}{N} \\sum_<1/> x_i \\]``) and its pseudo-translation
    was written ``\\&#91; … \\&#93;``."""
    text = "For example:\n\n\\\\[ \\mu = \\frac{1}{N} \\sum_{i=0} x_i \\\\]\n\nDone.\n"
    document = read(text)
    assert msgids(document) == ["For example:", "Done."]
    assert unmarked_pseudo(document) == text


def test_a_dotted_front_matter_key_goes_through_a_list_of_mappings() -> None:
    """VitePress' home page: ``features.title`` names the title of each feature, ``hero.actions.text``
    each button's text (a list of mappings on the way); each is a unit with its item's number."""
    text = (
        "---\nlayout: home\nhero:\n  tagline: Docs in Minutes\n  actions:\n    - theme: brand\n"
        "      text: What is it?\n      link: /guide/\n    - text: Quickstart\nfeatures:\n"
        "  - title: Focus on Content\n    details: Just Markdown.\n  - title: Enjoy Vite\n---\n"
    )
    keys = ("hero.tagline", "hero.actions.text", "features.title", "features.details")
    document = read(text, front_matter_keys=keys)
    units = {u.msgid: u.refs for u in document.units()}
    assert units == {
        "Docs in Minutes": ("front-matter/hero.tagline",),
        "What is it?": ("front-matter/hero.actions.text/1",),
        "Quickstart": ("front-matter/hero.actions.text/2",),
        "Focus on Content": ("front-matter/features.title/1",),
        "Just Markdown.": ("front-matter/features.details/1",),
        "Enjoy Vite": ("front-matter/features.title/2",),
    }
    translated = translate(document, {"What is it?": "Was ist das?", "Enjoy Vite": "Vite: genießen"})
    assert "      text: Was ist das?\n      link: /guide/\n" in translated
    assert '  - title: "Vite: genießen"\n---\n' in translated


def test_a_dotted_front_matter_key_goes_through_a_toml_array_of_tables() -> None:
    """Hugo's page resources in TOML front matter: ``[[resources]]`` tables, each with a ``title``
    (``resources.title``): each is a unit with its table's number; a table inside one
    (``[resources.params]``) and the keys of other tables are kept as written."""
    text = (
        '+++\ntitle = "Gallery"\n\n[[resources]]\n  src = "images/a.jpg"\n  title = "The harbour"\n'
        '[resources.params]\n  title = "Not this one"\n\n[[ resources ]] # the second\n'
        "  src = 'images/b.jpg'\n  title = 'The old bridge'\n\n[other]\ntitle = \"Kept\"\n+++\n\nBody.\n"
    )
    document = read(text, front_matter_keys=("title", "resources.title"))
    units = {u.msgid: u.refs for u in document.units()}
    assert units == {
        "Gallery": ("front-matter/title",),
        "The harbour": ("front-matter/resources.title/1",),
        "The old bridge": ("front-matter/resources.title/2",),
        "Body.": units["Body."],
    }
    assert unmarked_pseudo(document) == text
    translated = translate(document, {"The old bridge": "Die 'alte' Brücke", "The harbour": "Der Hafen"})
    assert '  title = "Der Hafen"\n[resources.params]\n  title = "Not this one"\n' in translated
    assert "  title = \"Die 'alte' Brücke\"\n" in translated
    assert tomllib.loads(translated.split("+++")[1])["resources"][1]["title"] == "Die 'alte' Brücke"


def test_a_dotted_front_matter_key_goes_through_a_toml_array_of_inline_tables() -> None:
    """``resources = [{ src = "a.jpg", title = "A" }, …]``: the same as ``[[resources]]`` tables."""
    text = (
        '+++\nresources = [\n  { src = "a.jpg", title = "The harbour" }, # first\n'
        "  {src='b.jpg',title='The old bridge'},\n]\ntags = [\"x\"]\n+++\n"
    )
    document = read(text, front_matter_keys=("resources.title",))
    assert {u.msgid: u.refs for u in document.units()} == {
        "The harbour": ("front-matter/resources.title/1",),
        "The old bridge": ("front-matter/resources.title/2",),
    }
    assert unmarked_pseudo(document) == text
    translated = translate(document, {"The old bridge": "Die alte Brücke", "The harbour": 'Der "Hafen"'})
    assert tomllib.loads(translated.split("+++")[1])["resources"] == [
        {"src": "a.jpg", "title": 'Der "Hafen"'},
        {"src": "b.jpg", "title": "Die alte Brücke"},
    ]


def test_attributes_the_project_names_are_translated_on_custom_elements() -> None:
    """``[extract] attributes``: the Rust book's ``<Listing caption="…">`` (382 captions) and
    VitePress' ``<Badge text="…">`` are units, in HTML blocks and inline HTML; the rest is kept."""
    text = (
        '<Listing number="2-1" file-name="src/main.rs" caption="Code that gets a guess">\n\n'
        "```rust\nfn main() {}\n```\n\n</Listing>\n\n"
        'Use <Badge type="info" text="beta" /> here <abbr data-tip="Tip text">X</abbr>.\n'
    )
    assert msgids(read(text)) == ["Use <1/> here <2>X</2>."]
    document = read(text, attributes=("listing@caption", "badge@text", "*@data-tip"))
    assert msgids(document) == ["Code that gets a guess", "Use <1/> here <2>X</2>.", "beta", "Tip text"]
    assert unmarked_pseudo(document) == text
    translated = translate(document, {"Code that gets a guess": 'Code, der "rät"'})
    assert 'caption="Code, der &quot;rät&quot;"' in translated


def test_brackets_in_a_translation_are_never_hugo_passthrough_math() -> None:
    r"""``\[`` and ``\]`` delimit display math where a Hugo site passes math through (Hugo's own
    docs do): a translation's ``[0, 1]`` is written with character references, shown as brackets."""
    document = read("The value must be in the range [0, 1].\n")
    translated = translate(document, {"The value must be in the range [0, 1].": "Der Wert liegt in [0, 1]."})
    assert "\\[" not in translated and "\\]" not in translated
    assert "<p>Der Wert liegt in [0, 1].</p>" in render_markdown_page(translated, "de", "a.md")


def test_hugo_passthrough_math_is_kept_as_written_and_never_offered() -> None:
    r"""Hugo's math guide passes ``\[…\]`` (display, on lines of its own) and ``\(…\)`` (inline) to
    KaTeX or MathJax as written: the formula is markup (a placeholder), not text to escape."""
    text = "Intro.\n\n\\[\n\\hat{y}_c = a || b\n\\]\n\nInline \\(a_1 \\| b\\) here.\n"
    document = read(text)
    assert msgids(document) == ["Intro.", "Inline <1/> here."]
    translated = translate(document, {"Intro.": "Einleitung.", "Inline <1/> here.": "Hier <1/> inline."})
    assert translated == "Einleitung.\n\n\\[\n\\hat{y}_c = a || b\n\\]\n\nHier \\(a_1 \\| b\\) inline.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Intro.\n\n    {% if a\n    %} more code\n",
        "- item\n\n    ```\n    {{ a\n    }} more code\n    ```\n",
        "> Quote {{ a\n> }} text.\n",
    ],
)
def test_a_template_tag_over_lines_in_code_or_a_container_leaves_the_lines_in_their_block(text: str) -> None:
    """A Liquid tag over two lines of an indented code block (or a fenced one in a list item) was
    read with the second line's indentation hidden: the code block ended there, and its rest became
    a paragraph of the reader's inner marks offered to translators and written into the page."""
    document = read(text)
    assert all("\ue000" not in msgid and "more code" not in msgid for msgid in msgids(document))
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "\ue000" not in marked
    assert marked.replace("⟦", "").replace("⟧", "") == text


def test_a_mention_only_the_translation_writes_is_text_and_the_sources_own_stays_a_mention() -> None:
    """``@squidfunk`` is a GitHub mention for MkDocs' magiclink: one the source writes stays as written
    (its link); one a translation adds would be a link the source lacks, and ``ann@example.com``
    a link in Hugo: their ``@`` is a character reference."""
    document = read("Thanks to you.\n\nThanks to @squidfunk.\n")
    translated = translate(
        document,
        {
            "Thanks to you.": "Danke an @squidfunk und ann@example.com.",
            "Thanks to @squidfunk.": "Danke an @squidfunk und @evil.",
        },
    )
    assert (
        translated
        == "Danke an &#64;squidfunk und ann&#64;example.com.\n\nDanke an @squidfunk und &#64;evil.\n"
    )


def test_a_reference_link_whose_definition_the_site_appends_keeps_its_brackets_and_label() -> None:
    """MkDocs-Material appends its reference definitions to every page at build time (a snippet):
    ``[text][label]`` with no definition on the page is still a link there, so its brackets and label
    are markup (a placeholder pair), never escaped into visible brackets."""
    document = read("See the [`plugins`][mkdocs.plugins] setting and [the guide][guide].\n")
    msgid = "See the <1><2/></1> setting and <3>the guide</3>."
    assert msgids(document) == [msgid]
    translated = translate(document, {msgid: "Siehe <3>die Anleitung</3> und die Einstellung <1><2/></1>."})
    assert translated == "Siehe [die Anleitung][guide] und die Einstellung [`plugins`][mkdocs.plugins].\n"


@pytest.mark.parametrize(
    ("text", "msgid"),
    [
        ('**Update**{ title="August 21, 2024" } is out.\n', "<1>Update</1><2/> is out."),
        ("Press [Go](#){ .md-button } now.\n", "Press <1>Go</1><2/> now."),
        ("### Changes to files { data-search-exclude }\n", "Changes to files"),
        ("See [Lists](a.md#lists){ data-preview } first.\n", "See <1>Lists</1><2/> first."),
        ("[Lists](a.md#lists){ data-preview }\n", "Lists"),
    ],
)
def test_an_attribute_list_without_a_colon_stays_markup(text: str, msgid: str) -> None:
    """Python-Markdown's attr_list (MkDocs) takes ``{ .md-button }`` right after an element, and a
    heading's ``{ data-search-exclude }``: markup, written as the source has it."""
    document = read(text)
    assert msgids(document) == [msgid]
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "\\{" not in marked and marked.replace("⟦", "").replace("⟧", "") == text
    if text.startswith("#"):  # the page shows the heading's text, its attribute on it
        page = render_markdown_page(text, "de", "a.md")
        assert '<h3 data-search-exclude="" id="changes-to-files">Changes to files</h3>' in page


def test_braces_after_plain_text_stay_text() -> None:
    # a bare key is an attribute list only right after an element (a link, emphasis, code, a tag)
    document = read("Write x^{2} or set{x}.\n")
    assert msgids(document) == ["Write x^{2} or set{x}."]


def test_an_admonition_title_with_inline_markdown_is_offered_with_its_markup_as_placeholders() -> None:
    """MkDocs reads an admonition's title as inline Markdown: a title with code or a link is a unit
    with placeholders (it was kept as written, untranslatable), written back with its markup."""
    text = '!!! info "The [`site_url`][site_url] setting must be set"\n\n    Set it.\n\n!!! tip "Plain title"\n\n    Tip.\n'
    document = read(text)
    assert msgids(document) == ["The <1><2/></1> setting must be set", "Set it.", "Plain title", "Tip."]
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert marked.replace("⟦", "").replace("⟧", "") == text


def test_a_content_tab_offers_its_label_and_its_markdown() -> None:
    """MkDocs-Material's content tabs (pymdownx.tabbed): the label is a unit written in its quotes,
    the indented Markdown under it is translated (it was an indented code block, left in English, and
    the label's syntax was offered with it)."""
    text = '=== "Now"\n\n    Run *this* command.\n\n    ```\n    code\n    ```\n\n=== "Later"\n\n    Then that.\n'
    document = read(text)
    assert msgids(document) == ["Now", "Run <1>this</1> command.", "Later", "Then that."]
    translated = translate(
        document,
        {"Now": "Jetzt", "Run <1>this</1> command.": "Führe <1>diesen</1> Befehl aus.", "Later": "Später"},
    )
    assert translated == text.replace('"Now"', '"Jetzt"').replace(
        "Run *this* command.", "Führe *diesen* Befehl aus."
    ).replace('"Later"', '"Später"')


def test_inline_dollar_math_is_kept_and_money_stays_text() -> None:
    r"""``$…$`` is inline math for MkDocs' arithmatex and Hugo's math guide (no space inside either end,
    no digit after the closing ``$``): kept as written, its backslashes not doubled. Prices and
    variables stay text, and a translation's ``$x$`` is written so that it is not math."""
    document = read("Let $\\exists a,b\\in G$ hold. It costs $5 and $6; set $HOME and $PATH.\n")
    assert msgids(document) == ["Let <1/> hold.", "It costs $5 and $6; set $HOME and $PATH."]
    table = {m: m.replace("Let", "Sei").replace("hold.", "gilt.") for m in msgids(document)}
    assert translate(document, table).startswith("Sei $\\exists a,b\\in G$ gilt.")
    assert translate(read("A note.\n"), {"A note.": "Mit $x$ hier."}) == "Mit &#36;x$ hier.\n"


def test_dollar_signs_in_two_code_spans_are_no_math() -> None:
    """``$c3`` and ``$c1`` in two code spans (Hugo's docs: template variables) do not delimit math:
    the words between them stay in the unit."""
    document = read("To find the elements within `$c3` that do not exist in `$c1` or `$c2`:\n")
    assert msgids(document) == ["To find the elements within <1/> that do not exist in <2/> or <3/>:"]


def test_an_attribute_list_right_after_underscore_emphasis_keeps_the_emphasis() -> None:
    text = '> __Update__{ title="August 21, 2024" }: it is out.\n'
    document = read(text)
    assert msgids(document) == ["<1>Update</1><2/>: it is out."]
    assert translate(document, {"<1>Update</1><2/>: it is out.": "<1>Neu</1><2/>: erschienen."}) == (
        '> __Neu__{ title="August 21, 2024" }: erschienen.\n'
    )


def test_bracketed_text_before_a_footnote_reference_is_kept_as_written() -> None:
    # a reference link in MkDocs where the page (or a snippet) defines "semantic versioning", text in Hugo
    text = "It uses [semantic versioning][^2], which helps.\n\n[^2]: See semver.org.\n"
    document = read(text)
    assert msgids(document)[0] == "It uses <1>semantic versioning</1><2/>, which helps."
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert marked.replace("⟦", "").replace("⟧", "") == text


def test_a_template_token_over_two_blocks_never_puts_the_readers_marks_in_a_unit() -> None:
    text = "[r]:{%\n%}T\n"
    document = read(text)
    assert all("\ue000" not in msgid for msgid in msgids(document))
    marked = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "\ue000" not in marked and marked.replace("⟦", "").replace("⟧", "") == text


def test_a_template_output_at_a_sentences_edge_stays_in_its_unit_for_the_translator_to_move() -> None:
    source = (
        "Posted on {{ page.date }} by {{ page.author }}\n\n"
        '{{< param "editor" >}} edited this.\n\n'
        "{{% note %}}A note.{{% /note %}}\n\n"
        "A video follows\n{{< youtube abc >}}\n"  # (on a line of its own: stays there, outside)
    )
    document = read(source)
    assert msgids(document) == ["Posted on <1/> by <2/>", "<1/> edited this.", "A note.", "A video follows"]
    japanese = translate(document, {"Posted on <1/> by <2/>": "<2/>による投稿（<1/>）"})
    assert japanese.startswith("{{ page.author }}による投稿（{{ page.date }}）\n")


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: Basics\ncard:\n  name: tutorials\n  title: Walkthrough the basics\n"
        "menu:\n  main:\n    name: About us\n    weight: 2\n---\n",
        '+++\ntitle = "Basics"\n[card]\nname = "tutorials"\ntitle = "Walkthrough the basics"\n'
        '[[cascade]]\ntitle = "Not this one"\n[menu.main]\nname = "About us"\nweight = 2\n+++\n',
        '{\n"title": "Basics", "card": {"name": "tutorials", "title": "Walkthrough the basics"},\n'
        '"menu": {"main": {"name": "About us", "weight": 2}}\n}\n',
        '+++\ntitle = "Basics"\ncard = { name = "tutorials, {all}", title = "Walkthrough the basics" }\n'
        'menu = { main = { name = "About us", weight = 2 } }\n+++\n',
        '+++\ntitle = "Basics"\ncard.name = "tutorials"\ncard . "title" = "Walkthrough the basics"\n'
        '[menu]\nmain.name = "About us"\nmain.weight = 2\n+++\n',
        '+++\ntitle = "Basics"\n[card]\nname = "tutorials"\ntitle = "Walkthrough the basics"\n'
        '[menu]\nmain = {weight = 2, name = "About us"}\n+++\n',
    ],
    ids=["yaml", "toml", "json", "toml-inline-tables", "toml-dotted-keys", "toml-inline-table-in-a-table"],
)
def test_a_dotted_front_matter_key_translates_the_value_nested_under_it(front: str) -> None:
    # Docsy's section cards (the Kubernetes website) and Hugo's menu entries show these to readers
    source = front + "\nBody text.\n"
    document = read(source, front_matter_keys=("title", "card.title", "menu.main.name"))
    units = {unit.msgid: unit.refs for unit in document.units()}
    assert list(units) == ["Basics", "Walkthrough the basics", "About us", "Body text."]
    assert units["About us"] == ("front-matter/menu.main.name",)
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert "⟦Walkthrough the basics⟧" in pseudo and "⟦About us⟧" in pseudo and "⟦tutorials⟧" not in pseudo
    assert pseudo.replace("⟦", "").replace("⟧", "") == source


@pytest.mark.parametrize(
    "front",
    [
        "---\ntitle: Docs\nmenu: {main: {name: Documentation, weight: 1}}\n---\n",
        "---\ntitle: Docs\nmenu:\n  main: [{name: Documentation, weight: 1}]\n---\n",
        "{title: Docs, menu: {main: {name: Documentation, weight: 1}}}\n---\n",
    ],
    ids=["flow-mapping", "flow-sequence", "flow-document"],
)
def test_a_translation_in_a_yaml_flow_collection_cannot_add_a_key(front: str) -> None:
    # in {…} a plain value ends at a comma: Hugo's menu "pre" is raw HTML on every page of the language
    # (a double quote is written on a Hugo site alone, whose templates escape it: escaped_values)
    if front.startswith("{"):
        front = "---\n" + front
    source = front + "\nBody.\n"
    document = read(source, front_matter_keys=("title", "menu.main.name"), escaped_values=True)
    assert "Documentation" in msgids(document)
    evil = 'Documentación, "pre":"\\u003cimg src=x onerror=alert(1)\\u003e"'
    written = translate(document, {"Documentation": evil})
    data = yaml.safe_load(written.split("---")[1])
    main = data["menu"]["main"]
    entry = main[0] if isinstance(main, list) else main
    assert entry == {"name": evil, "weight": 1} and data["title"] == "Docs", written


def test_a_jekyll_includes_quoted_parameters_are_units_like_a_shortcodes() -> None:
    source = (
        "Text {% include icon.html title='Home page' %} here.\n\n"
        '{% include figure.html caption="A \\"red\\" dock" url="/a.png" alt=page.alt %}\n'
    )
    document = read(source)
    assert msgids(document) == ["Text <1/> here.", "Home page", 'A "red" dock']
    written = translate(document, {"Home page": "Página de inicio", 'A "red" dock': 'Un muelle "rojo"'})
    assert "{% include icon.html title='Página de inicio' %}" in written
    assert '{% include figure.html caption="Un muelle \\"rojo\\"" url="/a.png" alt=page.alt %}' in written
    assert translate(document, {}) == source
    # Liquid ends the tag at the first %}, quoted or not: the whole site would not build
    broken = translate(document, {'A "red" dock': "Un muelle %} {{ site.secret }}"})
    assert '{% include figure.html caption="A \\"red\\" dock" url="/a.png" alt=page.alt %}' in broken


def test_what_the_author_escaped_for_an_extension_stays_escaped_in_the_translation() -> None:
    # MkDocs' magiclink makes #12 an issue link and @anna a mention; the author escaped them
    source = "Fixed in \\#12 by \\@anna.\n\nSee issue #3.\n"
    document = read(source)
    assert msgids(document) == ["Fixed in #12 by @anna.", "See issue #3."]
    spanish = translate(
        document, {"Fixed in #12 by @anna.": "#12: corregido por @anna.", "See issue #3.": "Vea #3."}
    )
    assert spanish == "\\#12: corregido por \\@anna.\n\nVea #3.\n"


def test_a_liquid_tag_after_a_fence_indented_in_a_list_item_is_a_placeholder_not_escaped_text() -> None:
    # the fence opens four spaces in and closes three in (GitHub Docs): the scan of template tokens
    # took the closing line for an opening one, and every tag after it for code, then text
    text = '1. Add:\n\n    ```\n    {% raw %}x{% endraw %}\n   ```\n\n1. Click the {% octicon "copilot" %} icon.\n'
    document = read(text)
    assert [unit.msgid for unit in document.units()] == ["Add:", "Click the <1/> icon."]
    pseudo = translate(document, {unit.msgid: f"⟦{unit.msgid}⟧" for unit in document.units()})
    assert pseudo.replace("⟦", "").replace("⟧", "") == text
    # indented code (no list) that shows a fence line stays code, and a tag after it a tag
    code = "Text.\n\n    ```\n    {{ x }}\n\nSee {% octicon x %}.\n"
    assert [unit.msgid for unit in read(code).units()] == ["Text.", "See <1/>."]


def test_a_liquid_raw_block_glued_to_its_fences_stays_code_and_the_prose_after_it_is_offered() -> None:
    # Minimal Mistakes' docs: Liquid drops the tags and Jekyll sees a fenced block; the closing line
    # was read as an opening fence, the code as paragraphs ({% if %} offered, <link> a live tag once
    # translated) and every tag after it as code
    text = (
        "Add tags to `custom.html`.\n\n{% raw %}```html\n{% if page.page_css %}\n"
        '  <link rel="stylesheet" href="{{ s }}">\n{% endif %}\n```{% endraw %}\n\n'
        "Next, add {% include x.html %} to the page.\n\n{%- raw -%}\n~~~\n{{ y }}\n~~~\n{%- endraw -%}\n"
    )
    document = read(text)
    assert msgids(document) == ["Add tags to <1/>.", "Next, add <1/> to the page."]
    assert unmarked_pseudo(document) == text


def test_an_html_block_with_liquid_offers_its_prose_and_keeps_the_liquid_as_written() -> None:
    # Minimal Mistakes' docs: a block with {{ site.baseurl }} was kept whole (its captions never
    # offered), one with a Liquid line read that line as text ("<p>" in its filter a tag)
    text = (
        '<figure>\n  {{ img | markdownify | remove: "<p>" | remove: "</p>" }}\n'
        "  <figcaption>Photo of the harbour.</figcaption>\n</figure>\n\n"
        '<figure>\n<img src="{{ site.baseurl }}/a.png" alt="A harbour">\n'
        "<figcaption>Calm and blue, {{ page.title }} today.</figcaption>\n</figure>\n\n"
        "<h2>Posts</h2>\n{% for post in site.posts %}\n  <h3>{{ post.title }}</h3>\n{% endfor %}\n"
    )
    document = read(text)
    assert msgids(document) == ["Photo of the harbour.", "A harbour", "Calm and blue, <1/> today.", "Posts"]
    assert unmarked_pseudo(document) == text
    spanish = translate(document, {"Calm and blue, <1/> today.": "Tranquilo, <1/> <b>hoy</b>."})
    assert "<figcaption>Tranquilo, {{ page.title }} &lt;b&gt;hoy&lt;/b&gt;.</figcaption>" in spanish


@pytest.mark.parametrize(
    "block",
    [
        '<div class="col">\n{{< alert >}}\nBe careful on the ferry.\n{{< /alert >}}\n</div>\n',
        '<div class="notice" markdown="1">Inline **Note:** see [the timetable](#).\n</div>\n',
    ],
)
def test_an_html_block_whose_content_is_markdown_is_kept_as_written(block: str) -> None:
    # what a {{< x >}} pair holds may be markdownified, and kramdown reads a markdown="1" block's
    # content as Markdown: a translation escaped as HTML ([x](javascript:…)) was a live link there
    document = read(block + "\nAfter.\n")
    assert msgids(document) == ["After."]
    assert unmarked_pseudo(document) == block + "\nAfter.\n"


@pytest.mark.parametrize(
    ("block", "unit"),
    [
        (
            '<div class="notice" markdown="1">\n**Note:** see [the timetable](#).\n</div>\n',
            "<1>Note:</1> see <2>the timetable</2>.",
        ),
        ('<div class="result" markdown>\nShown with [a link](#).\n</div>\n', "Shown with <1>a link</1>."),
        ('<div Markdown="1">\nShown with [a link](#).\n</div>\n', "Shown with <1>a link</1>."),
        ('<div class="x"markdown="1">\nShown with [a link](#).\n</div>\n', "Shown with <1>a link</1>."),
    ],
)
def test_the_markdown_inside_a_markdown_1_block_is_offered_and_its_translation_stays_text(
    block: str, unit: str
) -> None:
    # kramdown (Jekyll: Minimal Mistakes' notices) and MkDocs' md_in_html read the lines after such a
    # start tag as Markdown: they were kept as written, never offered, up to the first blank line
    document = read(block + "\nAfter.\n")
    assert msgids(document) == [unit, "After."]
    assert unmarked_pseudo(document) == block + "\nAfter.\n"
    evil = unit.replace(
        "see", "[ver](javascript:alert(1)) <img src=x onerror=alert(2)> *x*{: onclick=alert(3)}"
    )
    evil = evil.replace("Shown with", "[ver](javascript:alert(1)) <img src=x onerror=alert(2)>")
    written = translate(document, {unit: evil})
    pages = [markdown.markdown(written, extensions=["md_in_html", "attr_list"])]
    if shutil.which("ruby") and subprocess.run(["ruby", "-rkramdown", "-e", ""]).returncode == 0:
        script = "print Kramdown::Document.new(STDIN.read).to_html"
        pages.append(
            subprocess.run(
                ["ruby", "-rkramdown", "-e", script], input=written, text=True, capture_output=True
            ).stdout
        )
    for page in pages:
        tags = re.findall(r"<[^>]*>", page)
        assert not [t for t in tags if "javascript" in t or "onerror" in t or "onclick" in t], (written, page)
    assert "<strong>" in pages[0] or '<a href="#">' in pages[0], pages[0]  # (the source's Markdown still is)


#: A notice as Minimal Mistakes writes one (no blank line under its start tag: to Goldmark, raw HTML
#: up to the first blank line), then the same sentence after a blank line (Markdown to every generator).
NOTICE = (
    '<div class="notice" markdown="1">\n'
    "Visit https://example.org/guide for details. Write to ann@example.com today. Go to www.example.com now.\n"
    "\n"
    "Visit https://example.org/guide for details.\n"
    "</div>\n"
)
NOTICE_CHINESE = {
    "Visit <1/> for details.": "访问<1/>了解详情。",
    "Write to <1/> today.": "今天写信给<1/>。",
    "Go to <1/> now.": "现在就去<1/>。",
}


def test_an_address_under_a_markdown_div_stays_text_where_the_generator_reads_raw_html() -> None:
    """Hugo (Goldmark) and transpub's own pages read the lines under a ``<div markdown="1">`` of its
    own as raw HTML, where ``<https://…>`` is a tag that hides the address: a Chinese translation,
    glued to the address, writes it there as the source does; MkDocs reads them as Markdown and makes
    a link of it (magiclink), so it is written apart from the text glued to it (an empty comment on
    each side: a link to magiclink, text where the generator reads raw HTML), as with no generator
    named (which may be MkDocs); after the blank line, Markdown to all."""
    document = read(NOTICE)
    assert msgids(document) == [*NOTICE_CHINESE]
    assert unmarked_pseudo(document) == NOTICE

    def chinese(generator: str | None) -> str:
        return document.render(
            lambda slot: Resolution(NOTICE_CHINESE.get(slot.msgid)),
            join_sentences=True,
            heading_ids=generator,
        )

    raw_lines = (
        "访问https://example.org/guide了解详情。今天写信给ann@example.com。现在就去www.example.com。\n"
    )
    markdown_line = "访问<https://example.org/guide>了解详情。\n"
    for generator in ("hugo", "hugo-0.143", "mdbook", "github"):
        written = chinese(generator)
        assert raw_lines + "\n" + markdown_line in written, (generator, written)
    # (kramdown links no bare URL: text to Jekyll on both sides of the blank line, as in the source)
    assert raw_lines + "\n访问https://example.org/guide了解详情。\n" in chinese("jekyll")
    page = render_markdown_page(chinese("github"), "zh-Hans", "a.md")  # (compile's HTML page of the article)
    assert raw_lines in page and '<a href="https://example.org/guide">https://example.org/guide</a>' in page
    for generator in ("mkdocs", None):
        mkdocs = chinese(generator)
        # (magiclink ends an address at 。: nothing after it)
        apart = "访问<!-- -->https://example.org/guide<!-- -->了解详情。今天写信给<!-- -->ann@example.com。"
        assert apart in mkdocs, mkdocs
        shown = markdown.markdown(mkdocs, extensions=["md_in_html", "pymdownx.magiclink"])
        assert shown.count('<a href="https://example.org/guide">https://example.org/guide</a>') == 2, shown
        assert html.unescape(shown).count(">ann@example.com</a>。") == 1, shown


@pytest.mark.parametrize("glued", ["<1/>evil.example/login", "<1/>.evil.example", "<1/>@evil.example"])
def test_a_translation_glued_to_an_address_under_a_markdown_div_cannot_send_its_link_elsewhere_on_an_unnamed_generator(
    glued: str,
) -> None:
    """With no ``[compile] heading_ids`` the generator is not known, and MkDocs (md_in_html and
    magiclink) links a bare URL under a ``<div markdown="1">``: text a translation glues to the
    source's address there cannot make that link go to another host."""
    document = read('<div class="notice" markdown="1">\nVisit https://example.org for details.\n</div>\n')
    written = document.render(lambda slot: Resolution(f"Besuchen Sie {glued} jetzt."))
    page = markdown.markdown(written, extensions=["md_in_html", "pymdownx.magiclink"])
    assert re.findall(r'href="([^"]*)"', page) == ["https://example.org"], page


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_shows_the_address_under_a_markdown_div_of_a_chinese_translation_as_the_source_page_does(
    tmp_path: Path,
) -> None:
    """The Chinese page Hugo builds shows each address of the notice (a URL, an e-mail address, a
    www. host) as the English page does: text in the raw HTML, never a broken ``<https:…>`` tag."""
    document = read(NOTICE)
    written = document.render(
        lambda slot: Resolution(NOTICE_CHINESE.get(slot.msgid)), join_sentences=True, heading_ids="hugo"
    )
    pages = {  # (with Goldmark's unsafe: else Hugo leaves the notice out)
        name: lxml.html.fromstring(hugo_page(text, tmp_path / name))
        for name, text in (("en", NOTICE), ("zh", written))
    }
    for name, page in pages.items():
        (notice,) = page.xpath("//div[@class='notice']")
        raw = notice.text  # (the text before the paragraph Goldmark reads after the blank line)
        for address in ("https://example.org/guide", "ann@example.com", "www.example.com"):
            assert address in raw, (name, raw)
        assert [e.tag for e in notice.iterdescendants()] == ["p", "a"], (name, lxml.html.tostring(notice))
    assert "访问https://example.org/guide了解详情。" in pages["zh"].xpath("//div[@class='notice']")[0].text


#: Translations that would be markup if Markdown read them as written (escaped by transpub).
MARKUP_TRANSLATIONS = {
    "First one.": "1. *Wichtig*: <b>fett</b>, [klick](javascript:alert(1)) und snake_case_name.",
    "Second one.": "Befehl `ls` | {{< x >}} {% include x %} # Ende #",
}


def test_a_translation_under_a_markdown_div_is_text_in_kramdown_and_python_markdown_with_no_backslash() -> (
    None
):
    """The lines right under a ``<div markdown="1">`` of its own are raw HTML to Goldmark, where a
    backslash shows: the escapes of a translation there are character references, which kramdown
    and Python-Markdown (md_in_html) read as the characters, and as no markup; the source's own
    escapes there stay as the source writes them."""
    source = '<div class="notice" markdown="1">\nFirst one.\nSecond one.\n</div>\n'
    document = read(source)
    written = document.render(
        lambda slot: Resolution(MARKUP_TRANSLATIONS.get(slot.msgid)), heading_ids="hugo"
    )
    lines = written.splitlines()[1:3]
    assert not [line for line in lines if "\\" in line], written
    shown = [" ".join(html.unescape(line).split()) for line in lines]
    assert shown == list(MARKUP_TRANSLATIONS.values()), written
    page = lxml.html.fromstring(markdown.markdown(written, extensions=["md_in_html", "tables"]))
    (paragraph,) = page.xpath("//div/p")  # (MkDocs' reading)
    assert [element.tag for element in paragraph.iterdescendants()] == [], lxml.html.tostring(paragraph)
    assert paragraph.text.splitlines() == list(MARKUP_TRANSLATIONS.values())
    escaped = '<div markdown="1">\nUse \\*args, a \\* b, snake\\_case and \\#1432.\n</div>\n'
    assert unmarked_pseudo(read(escaped)) == escaped  # (the source's escapes as written)


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_shows_a_translation_under_a_markdown_div_as_written_and_as_text(tmp_path: Path) -> None:
    """Hugo shows each translated line under the ``<div markdown="1">`` as the translator wrote it:
    no backslash before ``*``, `````, ``|``, ``#`` or ``1.``, and no element, link or shortcode."""
    source = '<div class="notice" markdown="1">\nFirst one.\nSecond one.\n</div>\n'
    written = read(source).render(
        lambda slot: Resolution(MARKUP_TRANSLATIONS.get(slot.msgid)), heading_ids="hugo"
    )
    page = lxml.html.fromstring(hugo_page(written, tmp_path))
    (notice,) = page.xpath("//div[@class='notice']")
    assert [element.tag for element in notice.iterdescendants()] == [], lxml.html.tostring(notice)
    assert notice.text.strip().splitlines() == list(MARKUP_TRANSLATIONS.values())


def test_hugo_shows_a_translation_right_under_the_end_tag_of_a_markdown_div_as_written(
    tmp_path: Path,
) -> None:
    """The lines right under the ``</div>`` of a ``<div markdown="1">``, with no blank line between,
    are an HTML block to Goldmark (kramdown ends the element there): a translation there is shown as
    written, no backslash, no element."""
    source = '<div class="notice" markdown="1">\n\nA note.\n\n</div>\nFirst one.\nSecond one.\n'
    written = read(source).render(
        lambda slot: Resolution(MARKUP_TRANSLATIONS.get(slot.msgid)), heading_ids="hugo"
    )
    page = lxml.html.fromstring(hugo_page(written, tmp_path))
    (notice,) = page.xpath("//div[@class='notice']")
    assert [element.tag for element in notice.iterdescendants()] == ["p"], lxml.html.tostring(notice)
    assert notice.tail.strip().splitlines() == list(MARKUP_TRANSLATIONS.values())


@pytest.mark.skipif(
    not KRAMDOWN_GFM, reason="kramdown (Jekyll's renderer, Debian ruby-kramdown) is not installed"
)
def test_kramdown_shows_a_translation_under_a_markdown_div_as_text() -> None:
    """Jekyll's kramdown reads the lines under the ``<div markdown="1">`` as Markdown: the character
    references of a translation there show as the characters, and make no markup."""
    source = '<div class="notice" markdown="1">\nFirst one.\nSecond one.\n</div>\n'
    written = read(source).render(
        lambda slot: Resolution(MARKUP_TRANSLATIONS.get(slot.msgid)), heading_ids="jekyll"
    )
    page = lxml.html.fromstring(kramdown_gfm(written))
    (paragraph,) = page.xpath("//div/p")
    assert [element.tag for element in paragraph.iterdescendants()] == [], lxml.html.tostring(paragraph)
    assert paragraph.text.splitlines() == list(MARKUP_TRANSLATIONS.values())


@pytest.mark.parametrize(
    "text",
    [
        "---\ntitle: Splash\nfeature_row:\n  - alt: a\n    title: Row one\nfeature_row2:\n"
        "  - image_path: /a.jpg\n    title: Row two\n---\nBody.\n",
        '+++\ntitle = "Splash"\n[feature_row]\ntitle = "Row one"\n[feature_row2]\ntitle = "Row two"\n+++\nBody.\n',
        '{\n "title": "Splash", "feature_row": {"title": "Row one"}, "feature_row2": {"title": "Row two"}\n}\nBody.\n',
    ],
)
def test_a_star_in_a_front_matter_key_takes_every_key_of_that_shape(text: str) -> None:
    # Jekyll themes name a page's rows and galleries feature_row, feature_row2…: 12 such keys of 5
    # Minimal Mistakes pages could be offered only by listing each one
    document = read(text, front_matter_keys=("title", "feature_row*.title"))
    assert msgids(document) == ["Splash", "Row one", "Row two", "Body."]
    assert unmarked_pseudo(document) == text


def test_a_liquid_comment_on_one_line_is_never_offered_to_translators() -> None:
    # a note for writers: on a line of its own or inside a paragraph, its text was a unit
    text = (
        "Click here.\n\n{% comment %}Own-line note for writers.{% endcomment %}\n\n"
        "Click **Save**. {%- comment -%}Inline note.{%- endcomment -%} Done.\n"
    )
    document = read(text)
    msgids = [unit.msgid for unit in document.units()]
    assert not any("note" in msgid for msgid in msgids)
    assert msgids == ["Click here.", "Click <1>Save</1>.", "<1/> Done."]
    pseudo = translate(document, {msgid: f"⟦{msgid}⟧" for msgid in msgids})
    assert pseudo.replace("⟦", "").replace("⟧", "") == text


@pytest.mark.parametrize(
    "evil",
    [
        "Eine [Beschreibung](javascript:alert(1)).",
        "Eine <img src=x onerror=alert(1)> Beschreibung.",
        "Eine ![p](https://evil.example/p.png) Beschreibung.",
        "Eine Beschreibung, https://evil.example/phish.",
    ],
)
def test_a_plain_front_matter_value_keeps_its_source_when_a_translation_adds_a_link_or_html(
    evil: str,
) -> None:
    # Docsy, Kubernetes and Hugo's summary render such values with markdownify (raw HTML with unsafe)
    text = "---\ntitle: Pods\ndescription: >\n  A short description.\n---\n\nBody.\n"
    document = read(text)
    assert msgids(document) == ["Pods", "A short description.", "Body."]
    localized = translate(document, {"A short description.": evil, "Pods": "Pods (de)"})
    assert localized == text.replace("title: Pods", "title: Pods (de)")
    plain = translate(document, {"A short description.": "Eine kurze Beschreibung."})
    assert "description: >\n  Eine kurze Beschreibung.\n" in plain


def test_a_front_matter_value_with_html_offers_its_text_with_the_tags_as_placeholders() -> None:
    """Minimal Mistakes writes ``header.actions.label`` into the page as it is (``<i class='fas
    fa-download'></i> Install now``): its tags were offered as text to retype, and a translation
    adding an attribute to one (an event handler) was written. Now they are placeholders and a
    translation's text stays text."""
    text = (
        "---\nheader:\n  actions:\n    - label: \"<i class='fa'></i> Install now\"\n"
        '    - label: "Read <b>the</b> guide"\n---\n\nBody.\n'
    )
    document = read(text, front_matter_keys=("header.actions.label",))
    assert msgids(document) == ["Install now", "Read <1>the</1> guide", "Body."]
    assert unmarked_pseudo(document) == text
    evil = {
        "Install now": "Jetzt <i class='fa' onmouseover='alert(1)'></i> installieren",
        "Read <1>the</1> guide": "Lies <1 onclick=x>den</1> Leitfaden <img src=x onerror=alert(2)>",
    }
    with pytest.raises(PlaceholderMismatch):
        translate(document, {"Read <1>the</1> guide": evil["Read <1>the</1> guide"]})
    written = translate(document, {"Install now": evil["Install now"]})
    assert (
        "label: \"<i class='fa'></i> Jetzt &lt;i class='fa' onmouseover='alert(1)'>&lt;/i> installieren\""
        in written
    )
    kept = translate(document, {"Read <1>the</1> guide": "Lies <1>den</1> Leitfaden"})
    assert 'label: "Read <b>den</b> Leitfaden"' not in kept and 'label: "Lies <b>den</b> Leitfaden"' in kept
    block = "---\nheader:\n  actions:\n    - label: |\n        <b>Install</b> now\n        second line\n---\n\nBody.\n"
    assert (
        unmarked_pseudo(read(block, front_matter_keys=("header.actions.label",))) == block
    )  # (its lines kept)


# --------------------------------------------------------------------------- front matter values that are Markdown


INTRO = """---
title: Using actions
intro: 'You can use {% data variables.product.prodname_actions %} to [automate](/actions) your *workflow*.'
---

Body.
"""


def test_a_front_matter_value_the_site_renders_as_markdown_has_placeholders_not_markdown_syntax() -> None:
    """GitHub Docs renders ``intro`` as Markdown: with ``[extract.front_matter] markdown = ["intro"]``
    translators get its link, emphasis and template as placeholders (not ``[automate](/actions)``
    to retype), and the value is written back quoted for YAML."""
    document = read(INTRO, front_matter_keys=("title",), front_matter_markdown=("intro",))
    assert msgids(document) == [
        "Using actions",
        "You can use <1/> to <2>automate</2> your <3>workflow</3>.",
        "Body.",
    ]
    [unit] = [u for u in document.units() if u.msgid.startswith("You")]
    assert unit.refs == ("front-matter/intro",)
    translated = translate(
        document,
        {
            "You can use <1/> to <2>automate</2> your <3>workflow</3>.": "Mit <1/> 'automatisieren' Sie Ihren <3>Workflow</3>: <2>so</2> *schnell*."
        },
    )
    front = yaml.safe_load(translated.split("---")[1])
    assert front["intro"] == (
        "Mit {% data variables.product.prodname_actions %} 'automatisieren' Sie Ihren *Workflow*: "
        "[so](/actions) \\*schnell\\*."
    )
    assert translated.endswith("---\n\nBody.\n")
    # nothing translated: the value as the source writes it, quotes and all
    assert translate(document, {}) == INTRO


def test_a_markdown_front_matter_value_keeps_its_link_even_when_the_translation_tries_another() -> None:
    """The link's destination is markup: a translation that writes its own ``[x](https://evil.example)``
    gets it as text, escaped; the destination published is the source's."""
    document = read(INTRO, front_matter_markdown=("intro",))
    translated = translate(
        document,
        {
            "You can use <1/> to <2>automate</2> your <3>workflow</3>.": "[Klick](https://evil.example) <1/> <2>hier</2> <3>x</3>."
        },
    )
    intro = yaml.safe_load(translated.split("---")[1])["intro"]
    assert "](https://evil.example)" not in intro and "[hier](/actions)" in intro


@pytest.mark.parametrize(
    "start", ['<div class="markdown wide">', "<div class=markdown>", '<div data-markdown="1">']
)
def test_a_block_whose_start_tag_only_names_markdown_in_a_value_is_read_as_html(start: str) -> None:
    # no renderer reads Markdown inside these: their lines were offered as Markdown, a translation
    # written with Markdown's escapes (\*, <https://…>) that the page then showed or broke on
    source = f"{start}\nPress *now* at https://a.example today.\n</div>\n\nAfter.\n"
    document = read(source)
    unit = msgids(document)[0]
    written = translate(document, {unit: "Pulse *ya* en https://a.example hoy."})
    assert "Pulse *ya* en https://a.example hoy." in written, written
    assert unmarked_pseudo(document) == source


def test_a_span_attribute_list_stays_on_its_link_when_a_translation_puts_a_space_before_it() -> None:
    # Minimal Mistakes' buttons: [Default Button](#){: .btn}; a space before <2/> in a translation
    # made kramdown show "{: .btn}" on the page and the link lose its class
    source = "Click [Default Button](#){: .btn} now and [Other](#){.btn .btn--info}.\n"
    document = read(source)
    [unit] = msgids(document)
    assert unit == "Click <1>Default Button</1><2/> now and <3>Other</3><4/>."
    spaced = "Pulse <1>Botón</1> <2/> ahora y <3>Otro</3>\t<4/>."
    written = translate(document, {unit: spaced})
    assert written == "Pulse [Botón](#){: .btn} ahora y [Otro](#){.btn .btn--info}.\n"
    page = markdown.markdown(written, extensions=["attr_list"])
    assert "{" not in page and page.count('class="btn') == 2, page
    assert unmarked_pseudo(document) == source
    # moved after other markup, it is not glued to that: its attributes stay off the emphasis
    other = read("Click [Button](/go){: .btn} or *this* now.\n")
    [unit] = msgids(other)
    moved = translate(other, {unit: "点击 <3>这个</3> <2/> 或 <1>按钮</1>"})
    assert "*这个* {: .btn}" in moved, moved


def test_a_colon_after_a_reference_link_in_the_middle_of_a_line_comes_back_as_written() -> None:
    # "[settings.json]:" ending a line came back "]&#58;" on 18 pages of mkdocs-material's docs and
    # in Minimal Mistakes' (a definition starts a line, so a ":" after text on its line defines nothing)
    source = "Add this to [settings.json]: the key.\n\nSee [docs](/d): here.\n\n[settings.json]: /s.json\n"
    document = read(source)
    assert unmarked_pseudo(document) == source
    first = msgids(document)[0]
    written = translate(document, {first: first.replace("Add this to", "Füge dies zu")})
    assert "Füge dies zu [settings.json]: the key." in written
    # where it starts the line, a translation's ":" after it still defines nothing
    evil = translate(document, {first: "<1>settings.json</1>: https://evil.example/x"})
    page = markdown.markdown(evil)
    assert "evil.example" not in "".join(re.findall(r'href="[^"]*"', page)), page


@pytest.mark.parametrize(
    ("source", "evil"),
    [  # Python-Markdown takes [label]: at the start of any line of a paragraph as a definition
        (
            "[docs]: /d\n\nFirst line  \nSee [docs] here.\n\nLater [docs] again.\n",
            "Erste Zeile<1/><2>docs</2>: //evil.example/login",
        ),  # (after a hard line break)
        (
            "[d]: /d\n\nSee [docs]\n[d] here.\n\nLater [docs][d] again.\n",
            "Siehe <1>docs</1>: //evil.example/login",
        ),  # (the label of [text]\n[label] starts a line)
    ],
)
def test_a_colon_after_a_reference_link_that_starts_a_line_defines_nothing(source: str, evil: str) -> None:
    document = read(source)
    unit = next(m for m in msgids(document) if "docs" in m and "Later" not in m)
    written = translate(document, {unit: evil})
    page = markdown.markdown(written, extensions=["footnotes"])
    assert "evil.example" not in "".join(re.findall(r'href="[^"]*"', page)), (written, page)


def test_text_after_a_comment_opening_a_line_is_offered_with_its_links_as_placeholders() -> None:
    """``<!-- md:version 9.0 -->, as [Highlight](#highlight)``: MkDocs and kramdown read the text after
    the comment as Markdown (CommonMark keeps the line as HTML, showing it as written); its link was
    offered as text, brackets and address in the unit, and a translation escaped them: the link was lost."""
    text = "Intro.\n\n<!-- md:version 9.0 -->, as [Highlight](#highlight) has *more*.\n"
    document = read(text)
    assert msgids(document) == ["Intro.", ", as <1>Highlight</1> has <2>more</2>."]
    german = translate(
        document, {", as <1>Highlight</1> has <2>more</2>.": ", da <1>Highlight</1> <2>mehr</2> hat."}
    )
    assert german == "Intro.\n\n<!-- md:version 9.0 -->, da [Highlight](#highlight) *mehr* hat.\n"


@pytest.mark.parametrize(
    "evil", ["# Kopf", "- Punkt", "1. Eins", "> Zitat", "!!! danger", '=== "Reiter"', "<b>fett</b>"]
)
def test_a_translation_of_text_after_a_comment_opening_a_line_cannot_start_a_block_in_mkdocs(
    evil: str,
) -> None:
    # Python-Markdown (and kramdown) read what follows such a comment as a block of its own
    document = read("Intro.\n\n<!-- c -->, as before.\n")
    localized = translate(document, {", as before.": f"{evil} wie zuvor."})
    page = markdown.markdown(localized, extensions=["admonition", "pymdownx.tabbed"])
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    assert {element.tag for element in tree.iter() if isinstance(element.tag, str)} == {"div", "p"}, localized
    if "&" not in localized:  # (a character reference there Python-Markdown moves to the page's end)
        assert tree.xpath("string(p[2])") == f"{evil} wie zuvor.", localized


def rendered_by_each(written: str, tmp_path: Path) -> dict[str, str]:
    """``written`` as MkDocs (Python-Markdown), and where installed Jekyll (kramdown, GFM) and Hugo
    render it."""
    pages = {"mkdocs": markdown.markdown(written, extensions=["tables", "def_list", "attr_list"])}
    if KRAMDOWN_GFM:
        pages["jekyll"] = kramdown_gfm(written)
    if HUGO:
        pages["hugo"] = hugo_page(written, tmp_path / "site", shortcodes={"x": "SHORTCODE"})
    return pages


def test_a_quote_right_under_an_html_paragraph_comes_back_as_written_and_its_translation_stays_text(
    tmp_path: Path,
) -> None:
    # CommonMark reads "> quote" as text of the <p>'s HTML block, kramdown and Python-Markdown as a
    # quote: its pseudo-translation wrote "&gt; quote", a paragraph in Jekyll and MkDocs
    source = "<p>A paragraph.</p>\n> A quote.\n"
    document = read(source)
    assert msgids(document) == ["A paragraph.", "A quote."]
    assert unmarked_pseudo(document) == source
    evil = "<script>alert(1)</script> *x* [y](javascript:alert(2)) {: onclick=alert(3)} https://evil.example"
    written = translate(document, {"A quote.": evil})
    for name, page in rendered_by_each(written, tmp_path).items():
        assert not re.search(r"<(script|em|a)\b|<[^>]*onclick", page), name
        assert evil in html.unescape(page), name  # (shown as written)
        if name != "hugo":  # (to Hugo, raw HTML: "> " and the text shown as written)
            assert "<blockquote>" in page, name


def _elements_of(page: str) -> set[str]:
    """The tag names of ``page``'s elements, ``a`` with its ``href``."""
    tree = lxml.html.fragment_fromstring(page or "<p></p>", create_parent="div")
    return {
        f"a {element.get('href')}" if element.tag == "a" else element.tag
        for element in tree.iter()
        if isinstance(element.tag, str)
    }


@pytest.mark.parametrize(
    "html_line",
    [
        "<hr>",
        "<hr />",
        "<p>A paragraph.</p><!-- c -->",
        "<p>A paragraph.</p> <!-- c -->",
        "<p>A paragraph.</p><p>Another.</p>",
        "<p>A paragraph.</p><br>",
        "# A heading\n<p>A paragraph.</p>",
        "Some text.\n<p>A paragraph.</p>",
        "- An item\n<p>A paragraph.</p>",
        "Term\n: Its definition\n<hr>",
        '<img src="a.png">',  # (a paragraph to kramdown and Python-Markdown, CommonMark's HTML block)
        "<br>",
        'Intro.\n\n<span class="x">',
        "<p>A paragraph.</p><!-- a\ncomment -->",  # (a comment over lines after the end tag)
        "<p>A paragraph.</p> <!-- a\ncomment --> <!-- c -->",
    ],
)
@pytest.mark.parametrize("under", ["> A quote.", "Term\n: A definition", "```\ncode\n```"])
def test_a_quote_definition_or_code_under_an_html_line_stays_one_and_its_translation_stays_text(
    html_line: str, under: str, tmp_path: Path
) -> None:
    # kramdown and Python-Markdown end the HTML block at such a line's end, CommonMark runs it on:
    # the pseudo-translation wrote "&gt; A quote." (a paragraph in Jekyll and MkDocs) or joined the
    # definition or fence to one line
    source = f"{html_line}\n{under}\n"
    document = read(source)
    assert unmarked_pseudo(document) == source
    if not under.startswith(">"):
        return
    before = rendered_by_each(source, tmp_path)
    for evil in [
        "<script>x</script> *x* [y](javascript:alert(1)) {{< x >}} {% x %}",
        "# x",
        "> x",
        "- x",
        "| a | b |",
    ]:
        written = translate(document, {"A quote.": evil})
        for name, page in rendered_by_each(written, tmp_path).items():
            assert _elements_of(page) == _elements_of(before[name]), (name, written)
            assert "SHORTCODE" not in page, (name, written)


def test_an_html_paragraph_over_two_lines_right_above_a_quote_offers_its_text_without_markup() -> None:
    # its end tag (read as the end of a processing instruction there) was offered as text: the
    # pseudo-translation wrote "over two lines.&lt;/?>"
    document = read("<p>A paragraph\nover two lines.</p>\n> A quote.\n")
    assert msgids(document) == ["A paragraph over two lines.", "A quote."]
    assert unmarked_pseudo(document) == "<p>A paragraph over two lines.</p>\n> A quote.\n"


def test_the_line_under_an_html_element_in_a_quote_is_offered_and_its_translation_stays_text(
    tmp_path: Path,
) -> None:
    # kramdown ends the element's HTML block at its line's end, Python-Markdown reads both lines as
    # one paragraph, CommonMark as one HTML block: neither line was offered for translation
    source = "> <p>A paragraph.</p>\n> Some text.\n"
    document = read(source)
    assert msgids(document) == ["A paragraph.", "Some text."]
    assert unmarked_pseudo(document) == source
    before = rendered_by_each(source, tmp_path)
    for evil in ["> x", "- x", "# x", "| a | b |", "    code", "<b>x</b> [y](javascript:alert(1)) *z*"]:
        written = translate(document, {"Some text.": evil, "A paragraph.": evil})
        for name, page in rendered_by_each(written, tmp_path).items():
            assert _elements_of(page) == _elements_of(before[name]), (name, written)


@pytest.mark.parametrize(
    "source", ["- An item.\n  <p>A paragraph.</p>\n", "1. An item.\n\n   <div>A paragraph.</div>\n"]
)
def test_an_html_line_in_a_list_item_is_offered_and_its_translation_stays_text_in_the_item(
    source: str, tmp_path: Path
) -> None:
    # markdown-it gives the line without the item's indentation: it was never offered for translation
    document = read(source)
    assert msgids(document) == ["An item.", "A paragraph."]
    assert unmarked_pseudo(document) == source
    before = rendered_by_each(source, tmp_path)
    for evil in [
        "> x",
        "- x",
        "# x",
        "| a | b |",
        "    code",
        "a\n\n# h",
        "Term\n: d",
        "<b>x</b> [y](javascript:z) *z*",
    ]:
        written = translate(document, {"A paragraph.": evil})
        for name, page in rendered_by_each(written, tmp_path).items():
            assert _elements_of(page) == _elements_of(before[name]), (name, written)


@pytest.mark.parametrize("html_line", ["<hr> More text.", "<p>A paragraph.</p> More text."])
def test_a_quote_under_text_after_an_html_element_on_its_line_stays_one_and_its_translation_stays_text(
    html_line: str, tmp_path: Path
) -> None:
    # kramdown and Python-Markdown read "More text." as a paragraph, the line under it as a quote,
    # CommonMark both as HTML: the pseudo-translation wrote "More text. &gt; A quote." on one line
    source = f"{html_line}\n> A quote.\n"
    document = read(source)
    assert msgids(document)[-2:] == ["More text.", "A quote."]
    assert unmarked_pseudo(document) == source
    before = rendered_by_each(source, tmp_path)
    for evil in ["> x", "- x", "# x", "| a | b |", "    code", "<b>x</b> [y](javascript:z) *z*"]:
        written = translate(document, {"A quote.": evil})
        for name, page in rendered_by_each(written, tmp_path).items():
            assert _elements_of(page) == _elements_of(before[name]), (name, written)


#: Translations of text after an HTML element on its line that would be markup read as Markdown
#: from a block's start (Python-Markdown), in a paragraph (kramdown) or in raw HTML (CommonMark).
HOSTILE_AFTER_ELEMENT = [
    "    code", "\tcode", "{: onclick=x}", '{: .c #id onclick="a"}', "{#id}", "{.c}", "-->", "--> x",
    "- x", "* x", "+ x", "1. x", "1) x", "a. x", "> q", "# h", "## h {#i}", "| a | b |", "***", "---",
    "___", "===", ": def", "[l](javascript:x)", "![i](x.png)", "<b>x</b>", "<script>x</script>", "*e*",
    "_e_", "**s**", "~~d~~", "`c`", "<!-- c", "<!-- c -->", "&#123;", "&#123;: onclick=x}", "&lt;b&gt;",
    "x {: onclick=x}", "x{: onclick=x}", " {: onclick=x}", "{{< x >}}", "{% raw %}", "$x$", "x #123",
    "https://e.example", "!!! note", "??? note", "```", "~~~", "- [ ] x", "<?php x ?>", "</div>", "x  ",
    "x\\", "x\n    code", "x\n{: onclick=x}", "x\n-->", "x\n- x", "x\n1. x", "x\n> q", "x\n# h",
    "x\n| a | b |\n|---|---|", "x\n***", "x\n---", "x\n===", "x\n: def", "x\n<b>x</b>", "x  \ny",
    "x\\\ny", "a\n\nb", "a\n\n# h", "a\n\n    code", "a\n\n{: onclick=x}", "\n{: onclick=x}",
]  # fmt: skip
#: MkDocs-Material's Markdown extensions (its documentation's), magiclink set up as on its own site.
MKDOCS_MATERIAL_EXTENSIONS = [
    "abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
    "pymdownx.arithmatex", "pymdownx.betterem", "pymdownx.details", "pymdownx.fancylists",
    "pymdownx.highlight", "pymdownx.inlinehilite", "pymdownx.magiclink", "pymdownx.smartsymbols",
    "pymdownx.superfences", "pymdownx.tabbed", "pymdownx.tasklist", "pymdownx.tilde",
]  # fmt: skip
MKDOCS_MATERIAL_CONFIGS = {
    "pymdownx.magiclink": {"repo_url_shorthand": True, "user": "squidfunk", "repo": "mkdocs-material"},
    "pymdownx.arithmatex": {"generic": True},
    "pymdownx.tabbed": {"alternate_style": True},
}


def _tags_and_attributes(page: str) -> set[str]:
    """The tag names of ``page``'s elements and, for each, its attributes' names (``a@href``)."""
    tree = lxml.html.fragment_fromstring(page or "<p></p>", create_parent="div")
    found: set[str] = set()
    for element in tree.iter():
        if isinstance(element.tag, str):
            found.add(element.tag)
            found.update(f"{element.tag}@{name}" for name in element.attrib)
    return found


def _rendered_all(name: str, texts: list[str], tmp_path: Path) -> list[str]:
    """Each of ``texts`` as MkDocs(-Material), Jekyll (kramdown) or Hugo renders it (``name``)."""
    if name == "mkdocs":
        pytest.importorskip("pymdownx", reason="pymdown-extensions is not installed (the lock's test extra)")
        return [
            markdown.markdown(
                text, extensions=MKDOCS_MATERIAL_EXTENSIONS, extension_configs=MKDOCS_MATERIAL_CONFIGS
            )
            for text in texts
        ]
    if name == "jekyll":
        return kramdown_gfm_each(texts)
    return hugo_pages(texts, tmp_path / "site")


#: The three renderers of a page's Markdown (MkDocs' always here; a missing one a skip saying so).
MKDOCS_JEKYLL_HUGO = each_present(
    {
        "mkdocs": (True, ""),
        "jekyll": (KRAMDOWN_GFM, "kramdown with its GFM parser (Jekyll's) is not installed"),
        "hugo": (HUGO is not None, "hugo is not installed"),
    }
)


@pytest.mark.parametrize("renderer", MKDOCS_JEKYLL_HUGO)
def test_a_translation_of_text_after_an_html_element_on_its_line_adds_no_element_or_attribute(
    renderer: str, tmp_path: Path
) -> None:
    # Python-Markdown reads that text as Markdown from a block's start, after taking the character
    # references of its line out of it: "&#32;   code" was code there, "&#123;: onclick=x}" a definition
    sources = [
        "<hr> More text.\n",
        "<hr> More text.\nA line.\n",
        "<p>A paragraph.</p> More text.\n",
        "<p>A paragraph.</p> More text.\n> A quote.\n",
        "<div>Boxed.</div> Use *this* one.\n",
        "<div>Boxed.</div> Use *this* one.\n- An item\n",
        "Intro.\n\n<hr/>  More text.\n\nAfter.\n",
    ]
    cases = []
    for source in sources:
        document = read(source)
        tail = next(m for m in msgids(document) if m in ("More text.", "Use *this* one."))
        assert unmarked_pseudo(document) == source
        cases += [(source, translate(document, {tail: evil})) for evil in HOSTILE_AFTER_ELEMENT]
    texts = list(dict.fromkeys([*sources, *(written for _, written in cases)]))
    pages = dict(zip(texts, _rendered_all(renderer, texts, tmp_path), strict=True))
    added = {
        written: sorted(_tags_and_attributes(pages[written]) - _tags_and_attributes(pages[source]))
        for source, written in cases
    }
    assert {written: extra for written, extra in added.items() if extra} == {}


#: HTML-block text MkDocs reads as Markdown whose source writes a # and a $ that make no link or math
#: (C#, $5), and translations adding their own issue numbers and math.
ISSUES_AND_MATH = [
    ("<hr> See C# docs, from $5.\n", "Siehe #123, u/r#4 und $x+y$, ab $5."),
    ("<p>A paragraph.</p> Use C# for $5.\n", "Nimm #123 und $x$ für $5."),
]


@pytest.mark.parametrize(("source", "translation"), ISSUES_AND_MATH)
def test_a_translations_own_issue_numbers_and_math_in_html_block_text_are_no_github_link_or_formula_in_mkdocs(
    source: str, translation: str
) -> None:
    pytest.importorskip("pymdownx", reason="pymdown-extensions is not installed (the lock's test extra)")
    document = read(source)
    assert unmarked_pseudo(document) == source
    written = translate(document, {next(m for m in msgids(document) if "C#" in m): translation})
    page, before = _rendered_all("mkdocs", [written, source], Path("."))
    tree = lxml.html.fragment_fromstring(page, create_parent="div")
    source_tree = lxml.html.fragment_fromstring(before, create_parent="div")
    assert len(tree.find_class("magiclink")) == len(source_tree.find_class("magiclink")), written
    assert len(tree.find_class("arithmatex")) == len(source_tree.find_class("arithmatex")), written
    assert tree.text_content().strip().endswith(translation), written


def test_text_after_an_html_element_writing_a_character_reference_on_its_line_is_kept_as_written() -> None:
    # Python-Markdown takes "&amp;" out of that line and reads what remains as Markdown: a translation's
    # escapes would go with it, and written on a line of its own the text would not come back as written
    source = "<p>A paragraph.</p> R&amp;D notes.\nMore.\n"
    document = read(source)
    assert msgids(document) == ["A paragraph.", "More."]
    assert unmarked_pseudo(document) == source
    assert (
        translate(document, {"A paragraph.": "Un párrafo."}) == "<p>Un párrafo.</p> R&amp;D notes.\nMore.\n"
    )


@pytest.mark.parametrize("element", ["<pre>x = 1</pre>", "<script>go()</script>", "<style>p {}</style>"])
def test_text_after_a_pre_script_or_style_element_on_its_line_is_kept_as_written(element: str) -> None:
    # Hugo (CommonMark) ends its HTML block with that element's line: a translation written from the
    # next line on, as one needing an escape is there (MkDocs), was a paragraph of its own in Hugo
    source = f"{element} More text.\n\nNext.\n"
    document = read(source)
    assert "More text." not in msgids(document)
    assert unmarked_pseudo(document) == source


def test_a_paragraph_with_pipes_on_some_lines_keeps_its_lines_and_stays_a_paragraph_for_jekyll() -> None:
    # kramdown reads "| … |" lines as a table's rows only when every line of the paragraph is one:
    # the paragraph written on one line was a table of one row in Jekyll
    source = "Intro.\n\n| a | b |\nTerm\n| x | z |\n"
    document = read(source)
    assert msgids(document) == ["Intro.", "| a | b |", "Term", "| x | z |"]
    assert unmarked_pseudo(document) == source
    written = translate(document, {"Term": "Begriff | Zelle"})
    assert written == "Intro.\n\n| a | b |\nBegriff \\| Zelle\n| x | z |\n"
    if KRAMDOWN_GFM:
        assert "<table" not in kramdown_gfm(written)


@pytest.mark.parametrize(
    "source",
    [
        "<div>\nBoxed.\n</div>\n> One line,\n> another.\n",  # each ">" shows to Goldmark (raw HTML)
        "A term\n**on two lines**\n: *Its definition*\n",  # a definition starting with emphasis
        "- A list item | with a pipe\nand a lazy line\n",  # kramdown: a table's row in the item
        "Term\n: A definition | with a pipe\nand a lazy line\n",
        "1. An item\n`code`\n: A definition in the item\n",  # kramdown, MkDocs: a definition list
    ],
)
def test_a_pseudo_translation_keeps_the_lines_jekyll_mkdocs_or_hugo_read_apart(source: str) -> None:
    # found by generating pages: each was written on one line, which one of them renders otherwise
    assert unmarked_pseudo(read(source)) == source


@pytest.mark.parametrize("source", ["> <p>A paragraph.</p>\n", "Intro.\n\n> > <pre>A paragraph.</pre>\n"])
def test_a_translation_of_an_html_element_in_a_quote_makes_no_link_in_mkdocs(
    source: str, tmp_path: Path
) -> None:
    # Python-Markdown reads an element in a quote as inline HTML, its text as Markdown: the
    # translation, written as HTML text, was a javascript: link and emphasis in MkDocs
    document = read(source)
    assert "A paragraph." in msgids(document)
    evil = "[x](javascript:alert(1)) *y* | z"
    written = translate(document, {"A paragraph.": evil})
    for name, page in rendered_by_each(written, tmp_path).items():
        assert not re.search(r"<(a|em|table)\b", page), (name, page)
        assert evil in html.unescape(page), (name, page)
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize("evil", ["Zelle | a | b", "    eingerückt *x*", "\tTab"])
def test_a_translation_of_a_line_under_an_hr_is_no_table_or_code_block_in_jekyll_or_mkdocs(
    evil: str, tmp_path: Path
) -> None:
    # kramdown and Python-Markdown read the line under <hr> as Markdown (CommonMark: the HTML block's
    # text): a pipe the translation brings was a table's row in Jekyll, its indent a code block
    source = "<hr>\nSome text.\n"
    document = read(source)
    written = translate(document, {"Some text.": evil})
    for name, page in rendered_by_each(written, tmp_path).items():
        assert not re.search(r"<(table|pre|code|em)\b", page), (name, page)
        assert evil.split()[0] in html.unescape(page), (name, page)
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize("source", ["Some text.\n", "> Some text.\n", "- Some text.\n", "<hr>\nSome text.\n"])
@pytest.mark.parametrize("evil", ["a. Punkt", "iv) Punkt", "B) Punkt"])
def test_a_translation_starting_like_a_fancy_list_item_is_no_list_in_mkdocs(source: str, evil: str) -> None:
    # pymdownx.fancylists (MkDocs-Material's docs) reads "a. ", "iv) " at a line's start as an
    # ordered list's item: the translation was a list of its own
    document = read(source)
    written = translate(document, {"Some text.": evil})
    source_page = markdown.markdown(source, extensions=["pymdownx.fancylists"])
    page = markdown.markdown(written, extensions=["pymdownx.fancylists"])
    assert "<ol" not in page, written
    assert html.unescape(page).replace(evil, "Some text.") == source_page, written


def test_a_one_line_paragraph_mkdocs_reads_as_a_lettered_list_keeps_its_letter_for_translators() -> None:
    # a. Item is a list to pymdownx.fancylists: its translation keeps the list, the letter not offered
    source = "Intro.\n\na. First item\n"
    document = read(source)
    assert msgids(document) == ["Intro.", "First item"]
    assert unmarked_pseudo(document) == source
    page = markdown.markdown(
        translate(document, {"First item": "Erster Punkt"}), extensions=["pymdownx.fancylists"]
    )
    assert '<ol type="a">\n<li>Erster Punkt</li>' in page, page


@pytest.mark.skipif(HUGO is None or not KRAMDOWN_GFM, reason="Hugo or kramdown is not installed")
@pytest.mark.parametrize(
    "source, msgid",
    [
        ("J. Smith said so.\n", "J. Smith said so."),
        ("Intro.\n\nI. M. Pei drew it.\nA. Lincoln saw it.\n", "A. Lincoln saw it."),
    ],
)
def test_on_a_hugo_or_jekyll_site_a_paragraph_starting_with_an_initial_is_one_unit_the_initial_translatable(
    tmp_path: Path, source: str, msgid: str
) -> None:
    """No fancylists there: ``J. Smith said so.`` is prose, and a translator may write the name as
    the language writes it (``Дж. Смит``); it was cut as a list's marker ``J.`` kept as written."""
    document = read(source, fancy_lists=False)
    assert msgid in msgids(document)
    written = translate(document, {msgid: "Дж. Смит сказал так."})
    assert "Дж. Смит сказал так." in hugo_page(written, tmp_path / "site")
    assert "<ol" not in kramdown_gfm(written)
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize("source", ["a. One\nb. Two\n", "- a. One\n  b. Two\n", "> i) One\n> ii) Two\n"])
@pytest.mark.parametrize("evil", ["a. Punkt", "iv) Punkt", "B) Punkt", "#. Punkt"])
def test_a_translation_of_a_lettered_item_starting_like_a_marker_adds_no_list_in_mkdocs(
    source: str, evil: str
) -> None:
    # written right after the item's kept "a. ", a translation's own "a. " was a list in the item
    document = read(source)
    source_page = markdown.markdown(source, extensions=["pymdownx.fancylists"])
    for msgid in msgids(document):
        page = markdown.markdown(translate(document, {msgid: evil}), extensions=["pymdownx.fancylists"])
        assert page.count("<ol") + page.count("<h1") == source_page.count("<ol"), page
        assert evil in html.unescape(page), page


#: Lists nested in an item as pymdownx.fancylists' own documentation writes them, and variants:
#: CommonMark reads the lines under the item's first line as its paragraph, Python-Markdown as lists.
NESTED_FANCY_LISTS = [
    "1)  Item 1\n2)  Item 2\n    i.  Item 1\n    ii. Item 2\n        a.  Item a\n        b.  Item b\n"
    "            #.  Item 1\n            #.  Item 2\n",
    "1. First\n2. Second\n  a. Letter a\n  b. Letter b\n",  # (2 spaces: a list after the list)
    "1. First\n2. Second\n   a) Letter a\n   b) Letter b\n",
    "- First\n    A) Letter A\n    B) Letter B\n",
    "- First\n    IV. Roman four\n    V. Roman five\n",
    "* First\n    ii) Roman two\n    iii) Roman three\n",
    "- First\n    a. Letter a\nlazy line\n    b. Letter b\n",
    "- First\n    2. Two\n    3. Three\n",  # (CommonMark: a list from 2 interrupts no paragraph)
    "> 1. First\n>     a. Letter a\n>     b. Letter b\n",
    "1. First\n    a. Letter a\n\n2. Second\n",
]


@pytest.mark.parametrize("source", NESTED_FANCY_LISTS)
def test_lists_nested_in_an_item_stay_nested_lists_in_mkdocs_after_a_pseudo_translation(source: str) -> None:
    # the item's paragraph was written on one line: "2)  Item 2 i. Item 1 ii. Item 2 …", one item
    written = unmarked_pseudo(read(source))
    assert written == source
    page = markdown.markdown(
        written, extensions=MKDOCS_MATERIAL_EXTENSIONS, extension_configs=MKDOCS_MATERIAL_CONFIGS
    )
    assert page.count("<ol") > source.startswith(("1", "> 1")), page


def test_each_item_of_a_list_nested_in_an_item_is_a_unit_of_its_own_for_translators() -> None:
    # the markers i. ii. a. b. #. were offered inside one unit, "Item 2 i. Item 1 ii."
    document = read(NESTED_FANCY_LISTS[0])
    assert msgids(document) == ["Item 1", "Item 2", "Item a", "Item b"]
    written = translate(document, {"Item a": "Punkt a", "Item 2": "Punkt 2"})
    assert written == NESTED_FANCY_LISTS[0].replace("Item a", "Punkt a").replace("Item 2", "Punkt 2")
    page = markdown.markdown(written, extensions=["pymdownx.fancylists"])
    assert '<li>Punkt 2<ol type="i">\n<li>Item 1</li>\n<li>Punkt 2<ol type="a">\n<li>Punkt a</li>' in page


@pytest.mark.parametrize("source", [s for s in NESTED_FANCY_LISTS if "2. Two" not in s])  # (numbers: escaped)
@pytest.mark.parametrize("evil", ["a. Punkt", "iv) Punkt", "B) Punkt", "2. Punkt", "- Punkt"])
def test_a_translation_of_a_nested_list_item_starting_like_a_marker_adds_no_list_in_mkdocs(
    source: str, evil: str
) -> None:
    # after a kept marker ("    a. "), a translation's own "a. " was written as it is: a list in the item
    document = read(source)
    source_page = markdown.markdown(source, extensions=["pymdownx.fancylists"])
    for msgid in msgids(document):
        written = translate(document, {msgid: evil})
        page = markdown.markdown(written, extensions=["pymdownx.fancylists"])
        assert page.count("<ol") + page.count("<ul") == source_page.count("<ol") + source_page.count("<ul"), (
            written,
            page,
        )
        assert evil in html.unescape(page), written


@pytest.mark.parametrize("renderer", MKDOCS_JEKYLL_HUGO)
def test_prose_in_a_list_item_with_a_line_starting_like_a_lettered_item_is_published_as_written(
    renderer: str, tmp_path: Path
) -> None:
    # Hugo and Jekyll show the item's prose, MkDocs lists "a." and "b." in the item: the prose
    # written on one line was one item in MkDocs; the same paragraph outside a list is prose to all
    # three, one sentence for translators
    item = "- Some prose that wraps and ends with\n  a. b. and c. as letters.\n"
    prose = "Some prose that wraps and ends with\na. b. and c. as letters.\n"
    assert msgids(read(prose)) == ["Some prose that wraps and ends with a. b. and c. as letters."]
    written = unmarked_pseudo(read(item))
    evil = translate(read(item), dict.fromkeys(msgids(read(item)), "a. Punkt"))
    source_page, page, evil_page = _rendered_all(renderer, [item, written, evil], tmp_path)
    assert page == source_page
    assert evil_page.count("<ol") <= source_page.count("<ol"), evil  # (a translation adds no list)


@pytest.mark.parametrize(
    "source",
    [
        "> <p>A paragraph.</p>\n",  # the element's text is Markdown of a quote's paragraph to MkDocs
        '<span class="x">\nA paragraph.\n</span>\n',  # a paragraph to kramdown and Python-Markdown
        "</div>\nA paragraph, C:\\Temp.\n",  # its source writes a backslash as it is
    ],
)
@pytest.mark.parametrize("ending", ["  \nzwei", "\t\nzwei", "\\\nzwei", "\\\\\nzwei", "  "])
def test_a_translation_in_an_html_block_ending_a_line_in_two_spaces_or_a_backslash_shows_no_line_break(
    source: str, ending: str, tmp_path: Path
) -> None:
    # kramdown and Python-Markdown read this HTML block's text as Markdown: a translation's "eins  "
    # or "eins\" at a line's end (or at its text's end, before the source's line break) was a <br>
    document = read(source)
    msgid = next(m for m in msgids(document) if m.startswith("A paragraph"))
    written = translate(document, {msgid: "Eins" + ending})
    for name, page in rendered_by_each(written, tmp_path).items():
        assert "<br" not in page, (name, written, page)
        assert "Eins" in page, (name, page)
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize("source", ['<div class="note">\nA paragraph.\n</div>\n', "<hr>\nA paragraph.\n"])
def test_liquid_or_a_shortcode_in_a_translation_of_an_html_block_shows_as_text(
    source: str, tmp_path: Path
) -> None:
    # Jekyll runs Liquid and Hugo shortcodes before reading the page: a translation's {{ x }} in an
    # HTML block's text was written as it is (as text elsewhere: &#123;{ x }})
    document = read(source)
    evil = "Hola {{ site.title }} {% if true %}sí{% endif %} {{% x %}} {{< x >}}"
    written = translate(document, {"A paragraph.": evil})
    assert "{{" not in written and "{%" not in written, written
    for name, page in rendered_by_each(written, tmp_path).items():
        assert "SHORTCODE" not in page, (name, page)
        assert evil in html.unescape(page), (name, page)
    if JEKYLL:
        page = jekyll_page(written, tmp_path / "jekyll")
        assert evil in html.unescape(page), page
    assert unmarked_pseudo(document) == source


@pytest.mark.parametrize(
    "source",
    [
        "Term\n: a\nb\n: c\n",
        "Term\n\n: First line\n  second line\n: Another definition\n",
        "> Term\n> : a\n> b\n> Term 2\n> : c\n",
    ],
)
def test_a_definition_whose_lines_mkdocs_reads_as_terms_keeps_them_apart_when_translated(
    source: str, tmp_path: Path
) -> None:
    # Python-Markdown's def_list reads "Term", ": a", "b", ": c" as the terms a and b of c (in a list
    # of Term's definition), kramdown and Goldmark as the definitions "a b" and "c": the pseudo-
    # translation wrote ": a b" on one line, which MkDocs showed as one definition
    document = read(source)
    assert "a b" not in msgids(document) and "First line second line" not in msgids(document)
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == source
    translated = rendered_by_each(pseudo, tmp_path / "translated")
    for name, page in rendered_by_each(source, tmp_path / "source").items():
        assert translated[name].replace("⟦", "").replace("⟧", "") == page, name


#: Inline HTML whose attributes Python-Markdown reads Markdown in: a line that is only an <img>, an
#: <img> in a paragraph, a <span title> line, and the same in a quote.
ATTRIBUTES_OF_INLINE_HTML = """\
<img src="a.png" alt="A logo">

A <img src="b.png" alt="A chart"> inline.

<span title="A tip">Hello</span>

> <img src="c.png" alt="A quoted logo">
"""


@pytest.mark.parametrize("evil", ["[l](onmouseover=alert(1)//)", "![i](onerror=alert(1)//)"])
def test_a_translated_attribute_of_inline_html_cannot_add_an_event_handler_in_mkdocs(evil: str) -> None:
    # Python-Markdown made the link's <a href="…"> inside the alt or title: its quote ended the value,
    # and onmouseover=alert(1)// was an attribute of the <img> or <span> on the page
    document = read(ATTRIBUTES_OF_INLINE_HTML)
    assert unmarked_pseudo(document) == ATTRIBUTES_OF_INLINE_HTML
    localized = document.render(lambda slot: Resolution(f"{slot.msgid} {evil}"))
    page = lxml.html.fragment_fromstring(
        markdown.markdown(localized, extensions=["attr_list", "md_in_html"]), create_parent="div"
    )
    handlers = [name for element in page.iter() for name in element.attrib if name.startswith("on")]
    assert handlers == [], localized
    assert [img.get("alt") for img in page.iter("img")] == [
        f"A logo {evil}",
        f"A chart {evil}",
        f"A quoted logo {evil}",
    ]


def test_a_template_token_in_a_translated_attribute_of_inline_html_is_shown_as_text() -> None:
    # Jekyll runs Liquid over the whole page: alt="A logo {{ site.x }}" ran the translation's tag
    localized = translate(read(ATTRIBUTES_OF_INLINE_HTML), {"A logo": "Ein Logo {{ site.x }} {% raw %}"})
    assert "{{" not in localized and "{%" not in localized
    assert 'alt="Ein Logo &#123;&#123; site.x }} &#123;% raw %}"' in localized


def test_mkdocstrings_heading_directive_is_no_unit_and_keeps_its_line_for_mkdocs() -> None:
    """``#### ::: mkdocs.plugins.event_priority`` (MkDocs' plugin guide) is mkdocstrings' directive at
    that heading's level: offered as a heading, its translation and the ``{#id}`` written after it
    made it name another object, and ``mkdocs build`` failed to collect it."""
    from transpub.mkdocs_site import MkDocsIds

    page = (
        "# Events\n\n#### ::: mkdocs.plugins.event_priority\n\nText.\n\n"
        "> ### ::: mkdocs.exceptions.PluginError\n\n## ::: pkg.Class\n    options:\n      members: false\n"
    )
    document = read(page, mkdocs_ids=MkDocsIds())
    assert msgids(document) == ["Events", "Text."]
    written = document.render(lambda slot: Resolution("Ereignisse"), heading_ids="mkdocs")
    assert written.split("\n")[2::2] == [
        "#### ::: mkdocs.plugins.event_priority", "Ereignisse", "> ### ::: mkdocs.exceptions.PluginError",
        "## ::: pkg.Class", "      members: false",
    ]  # fmt: skip


def test_a_heading_translated_as_a_mkdocstrings_directive_shows_as_text() -> None:
    """mkdocstrings reads ``# ::: os.path`` as its directive (the documentation of any module the
    site's Python imports, on the page): a heading's translation that starts so shows as text."""
    document = read("# Events\n\n> ## Quoted\n")
    written = translate(document, {"Events": "::: os.path", "Quoted": ":::os"})
    assert written == "# &#58;:: os.path\n\n> ## &#58;::os\n"
    assert msgids(read(written)) == ["::: os.path", ":::os"]


def test_a_translation_in_a_quote_inside_a_list_item_cannot_start_a_heading_or_a_list() -> None:
    """MkDocs' configuration guide quotes its warnings in list items (``    * > Doc file …``): a
    translation starting ``#404`` there was a heading on the page."""
    document = read("- > Quoted text.\n\n1. > - Deep text.\n\n* > > Twice quoted.\n")
    table = {"Quoted text.": "#404 Seite", "Deep text.": "- Punkt", "Twice quoted.": "> Zitat"}
    written = translate(document, table)
    assert written == "- > \\#404 Seite\n\n1. > - \\- Punkt\n\n* > > \\> Zitat\n"
    assert msgids(read(written)) == ["#404 Seite", "- Punkt", "> Zitat"]


def test_a_translation_starting_with_a_word_in_capitals_and_a_colon_makes_no_callout_in_mkdocs() -> None:
    """MkDocs' callouts extension (MkDocs' own documentation uses it) makes ``URL: …`` at a
    paragraph's or item's start an admonition: a translation's is written ``URL&#58;``, which every
    renderer shows as ``URL:``; the source's own ``NOTE:`` stays one in its translation."""
    document = read("NOTE:\nThe *site* name.\n\nPlain text.\n\n- An item.\n")
    table = {"NOTE: The <1>site</1> name.": "NOTE: Der <1>Name</1>.", "Plain text.": "URL: Klar."}
    written = translate(document, {**table, "An item.": "TIP: Punkt"})
    assert written == "NOTE: Der *Name*.\n\nURL&#58; Klar.\n\n- TIP&#58; Punkt\n"
    assert msgids(read(written)) == ["NOTE: Der <1>Name</1>.", "URL: Klar.", "TIP: Punkt"]
    assert unmarked_pseudo(read("URL: here.\n\nTODO: x\n")) == "URL: here.\n\nTODO: x\n"


def test_a_papermod_collapse_and_a_stack_quote_are_translated_with_their_summary() -> None:
    """Two popular Hugo themes' prose shortcodes: PaperMod's ``collapse`` (its ``summary`` shows as
    the box's title) and hugo-theme-stack's ``quote`` hold Markdown readers see."""
    text = (
        '{{< collapse summary="Show the timetable" >}}\n\nFerries leave **every hour**.\n\n{{</ collapse >}}\n\n'
        '{{< quote author="Ann Berg" >}}\nThe harbour is open again.\n{{< /quote >}}\n'
    )
    document = read(text)
    assert msgids(document) == [
        "Show the timetable",
        "Ferries leave <1>every hour</1>.",
        "The harbour is open again.",
    ]
    assert unmarked_pseudo(document) == text


def test_a_shortcodes_summary_switch_is_not_offered_to_translators() -> None:
    """``summary`` is translated by default (PaperMod's collapse box title), but many list shortcodes
    take it as a switch: ``true`` and ``false`` are no text, and a translated one ("wahr") would
    leave the shortcode a value it does not know."""
    text = '{{< recent-posts summary="true" >}}\n\n{{< list summary=false >}}\n\n{{< collapse summary="More" >}}\n\nText.\n\n{{< /collapse >}}\n'
    document = read(text)
    assert msgids(document) == ["More", "Text."]
    assert unmarked_pseudo(document) == text


def test_a_link_over_lines_whose_second_looks_like_a_definition_is_read_and_written_back() -> None:
    """``Term\\n[the\\n: harbour](u)``: markdown-it reads a link over two lines, the second starting
    ``: `` like a definition; the paragraph is read (it was a traceback)."""
    source = "The port\n[reopens\n: on Monday](https://example.org/)\n"
    document = read(source)
    assert document.render() == source
    assert unmarked_pseudo(document) == source


#: Lines a renderer reads apart before any link or emphasis (a definition, a row of kramdown's
#: table, an abbreviation's definition, an item of pymdownx.fancylists) that cut a pair markdown-it
#: reads over them, and the Python-Markdown extensions that read them so.
LINES_CUTTING_A_PAIR = [
    ("The port\n[reopens\n: on Monday](https://example.org/)\n", ["def_list"]),
    ("The port\n*reopens\n: on Monday*\n", ["def_list"]),
    ("Term\n: a [b\nc](u)\n: d\n", ["def_list"]),
    ("| [a | b |\n| c](u) | d |\n", []),
    ("See [the\n*[HTML]: Hyper](u) now\n", ["abbr"]),
    ("a. [One\nb. Two](u)\n", ["pymdownx.fancylists"]),
]


@pytest.mark.skipif(HUGO is None or not KRAMDOWN_GFM, reason="Hugo or kramdown is not installed")
@pytest.mark.parametrize("source, extensions", LINES_CUTTING_A_PAIR)
def test_a_link_or_emphasis_cut_by_lines_a_renderer_reads_apart_is_no_link_in_the_translated_page(
    tmp_path: Path, source: str, extensions: list[str]
) -> None:
    """Hugo, kramdown and Python-Markdown read ``: on Monday`` (a table's row, ``*[HTML]:``, ``b.``)
    as a line of its own before any link: ``[reopens`` is text there. A translation written on one
    line made the lines a link (or emphasis) and one paragraph, term or row; the lines that cut the
    pair stay as written."""
    document = read(source)
    assert unmarked_pseudo(document) == source
    written = translate(document, {msgid: msgid.upper() for msgid in msgids(document)})
    renderers = [
        lambda text: hugo_page(text, tmp_path / "site"),
        kramdown_gfm,
        lambda text: markdown.markdown(text, extensions=extensions),
    ]
    for render in renderers:
        assert render(written).lower() == render(source).lower()
