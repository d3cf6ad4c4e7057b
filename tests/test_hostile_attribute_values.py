"""A hostile translator's attribute values: a translation of a ``title``, ``alt``, ``placeholder``,
``aria-label``, ``value`` or ``<meta content>``, of a Markdown image's alt text or a link's title, of a
shortcode's, Liquid include's or WordPress shortcode's parameter never becomes markup or script.

Each translation holds quotes, brackets, ``=``, whitespace, references with and without ``;``,
template closers, ``javascript:``, ``onerror=``, bidi controls... (:data:`PAYLOADS`, alone, between
letters, after and before the source's own text, which the writers may write as the source does).
The page is published as compile decides (a translation compile refuses shows the source) and read
by the tool that shows it: Chromium for an HTML article, Python-Markdown, kramdown and Hugo for a
Markdown one, Hugo, Jekyll and WordPress's PHP for parameters. It has the source's elements with
the source's attributes, and the value reads as the translation (whitespace runs one space where
the writer writes them so).
"""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import lxml.html
import pytest

from real_renderers import HUGO, JEKYLL, KRAMDOWN_GFM, hugo_pages, kramdown_gfm_each
from test_browser import CHROMIUM, chromium
from transpub.formats import ReadOptions
from transpub.formats.document import Document, Resolution
from transpub.formats.html import read_html
from transpub.formats.html_wordpress import read_wordpress_html
from transpub.formats.markdown import read_markdown
from transpub.published_titles import slot_problem
from wordpress_run import handed_to, needs_wordpress

#: What a hostile translator types into a value.
PAYLOADS = [
    *(
        '"',
        "'",
        "`",
        "``",
        "a`b",
        ">",
        "<",
        "a<b",
        "=",
        "=x",
        "a=b c=d",
        "/",
        "/>",
        "\\",
        '\\"',
        ";",
        "#",
        "|",
    ),
    *("  ", "\t", "\n", "\n\n", "\r\n", "\r", "\x00", "\x0b", "\u2028", "\u202e", "\u2066"),
    *("&quot;", "&#34;", "&#x22", "&#x22;", "&amp", "&lt", "&gt", "&quot", "&copy", "&ampx", "&amp;", "&"),
    *("&#", "&#x", "&#169", "&#0;", "&#10;", "&#13;", "&NotAnEntity", "&amp;amp;"),
    *("}}", "%}", ">}}", "{{ x }}", "{% x %}", "{{< x >}}", "]", ")", "(", '")', "')", "][", "[r]"),
    *("javascript:alert(1)", '" onerror="alert(1)', "' onerror='alert(1)", " onerror=alert(1) "),
    *("><script>alert(1)</script>", "</p><img src=x onerror=alert(1)>", "<x onclick=1>", "<!--", "-->"),
    *(
        "*",
        "_x_",
        "`c`",
        "$x$",
        "++a++",
        "[y](javascript:alert(1))",
        "![i](x.png)",
        "\\[x\\](y)",
        "[x]: /evil",
    ),
    *("{: onclick=x}", "{title=a onmouseover=x}", "_x_{title=a}", "<https://e.example>", "https://e.example"),
    *("[^1]", "\n# h\n", "\n- i\n", "\n    code"),
]


def translations(msgid: str) -> Iterator[str]:
    """Each payload alone, between letters, and after and before ``msgid`` (the source's text)."""
    for payload in PAYLOADS:
        yield from (payload, f"A{payload}B", msgid + payload, payload + msgid)


def published(document: Document, msgid: str, text: str) -> tuple[str, bool]:
    """The page compile publishes with ``text`` for ``msgid`` (the source where a slot refuses it),
    and whether it publishes ``text``."""
    shown = not any(slot_problem(slot, text) for slot in document.slots() if slot.msgid == msgid)
    page = document.render(lambda slot: Resolution(text if shown and slot.msgid == msgid else None))
    return page, shown


def spaced(value: str) -> str:
    return re.sub(r"\s+", " ", value).strip()


def elements(root: lxml.html.HtmlElement) -> list[tuple[str, list[str]]]:
    return [(element.tag, sorted(element.attrib)) for element in root.iter() if isinstance(element.tag, str)]


# -- HTML articles, read by Chromium --------------------------------------------------------------

#: Translated attribute values of an HTML article, and their msgid.
HTML_CONTEXTS = [
    ('<p title="Dawn ferry">x</p>', "Dawn ferry"),
    ("<p title='Dawn ferry'>x</p>", "Dawn ferry"),
    ("<img alt=Dawn src=a.png>", "Dawn"),
    ("<img src=a.png alt=Dawn>", "Dawn"),
    ('<input placeholder="Your name">', "Your name"),
    ('<button aria-label="Close the menu">x</button>', "Close the menu"),
    ('<input type="submit" value="Send it">', "Send it"),
    ('<meta name="description" content="Ferries at dawn.">', "Ferries at dawn."),
    ('<p title="Dawn   ferry">x</p>', "Dawn ferry"),
    ('<p title="Dawn\nferry">x</p>', "Dawn ferry"),
    ('<p title=" Dawn ferry ">x</p>', "Dawn ferry"),
    ('<p title="Rock &amp roll">x</p>', "Rock & roll"),
    ('<p title="Tom &amp">x</p>', "Tom &"),
    ('<p title="&#169 2024 Ferries">x</p>', "© 2024 Ferries"),
    ("<p title='a -> b'>x</p>", "a -> b"),
    ('<p title="Dawn&nbsp;ferry">x</p>', "Dawn\xa0ferry"),
    ("<p title=R&amp;D>x</p>", "R&D"),
    ("<p title='It&#39;s here'>x</p>", "It's here"),
    ('<p title="Say &quot;hi&quot;">x</p>', 'Say "hi"'),
]


def chromium_attributes(pages: list[str], tmp_path: Path) -> list[list[list[object]]]:
    """Each element of each of ``pages`` (HTML fragments) as Chromium reads it: its tag name and
    its attributes (name and value), in document order."""
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (make test installs it)")
    probe = tmp_path / "probe.html"
    cases = "".join(f'<div data-case="{index}">{page}</div>' for index, page in enumerate(pages))
    script = (
        "<script>const found = {};"
        "for (const d of document.querySelectorAll('div[data-case]')) found[d.dataset.case] ="
        " [...d.querySelectorAll('*')].map(e => [e.tagName, [...e.attributes].map(a => [a.name, a.value])]);"
        "const out = document.createElement('pre'); out.id = 'out'; out.textContent = JSON.stringify(found);"
        "document.body.appendChild(out);</script>"
    )
    probe.write_text("<!doctype html><meta charset=utf-8><body>" + cases + script, encoding="utf-8")
    dom = chromium(tmp_path / "profile", "--dump-dom", probe.as_uri()).stdout
    found = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
    assert found, dom[-2000:]
    shown = json.loads(html.unescape(found.group(1)))
    return [shown.get(str(index)) for index in range(len(pages))]


def shown_as(value: str, translation: str, msgid: str, source_value: str) -> bool:
    """Whether the attribute ``value`` a browser reads shows ``translation``: as typed (its line
    breaks as HTML reads them), the source's text in it perhaps written as the source writes it
    (``source_value``, as the browser reads it: its whitespace runs, its references)."""
    typed = translation.replace("\r\n", "\n").replace("\r", "\n")
    readings = {value, value.replace(source_value, msgid), value.strip()}
    readings.add(value.replace(source_value, msgid).strip())
    if typed in readings:
        return True
    return spaced(source_value) != source_value and spaced(typed) in {spaced(read) for read in readings}


@pytest.fixture(scope="module")
def html_cases(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[str, str, bool, object]]]:
    """For each source of :data:`HTML_CONTEXTS`: each translation, the page published with it, whether
    it is the translation's, and the page's elements as Chromium reads them (the source's first),
    read by one run of Chromium."""
    cases: dict[str, list[tuple[str, str, bool]]] = {}
    for source, msgid in HTML_CONTEXTS:
        document = read_html(source, Path("a.html"), "utf-8", ReadOptions())
        assert msgid in [unit.msgid for unit in document.units()]
        cases[source] = [(source, source, False)]
        cases[source] += [(text, *published(document, msgid, text)) for text in translations(msgid)]
    pages = [page for found in cases.values() for _, page, _ in found]
    shown = iter(chromium_attributes(pages, tmp_path_factory.mktemp("chromium")))
    return {source: [(*case, next(shown)) for case in found] for source, found in cases.items()}


@pytest.mark.parametrize("source, msgid", HTML_CONTEXTS)
def test_a_hostile_translation_of_an_html_attribute_adds_no_element_or_attribute_and_shows_as_typed(
    source: str, msgid: str, html_cases: dict[str, list[tuple[str, str, bool, object]]]
) -> None:
    (_, _, _, expected), *cases = html_cases[source]
    assert isinstance(expected, list) and expected
    names = [(tag, sorted(name for name, _ in attributes)) for tag, attributes in expected]
    failures = []
    for text, page, written, found in cases:
        if (
            not isinstance(found, list)
            or [(tag, sorted(n for n, _ in attrs)) for tag, attrs in found] != names
        ):
            failures.append(("markup", text, page))
            continue
        changed = [
            (value, before)
            for (_, attributes), (_, source_attributes) in zip(found, expected, strict=True)
            for (_, value), (_, before) in zip(attributes, source_attributes, strict=True)
            if value != before
        ]
        if not written:
            if changed:
                failures.append(("refused, yet changed", text, page))
        elif changed and (len(changed) > 1 or not shown_as(changed[0][0], text, msgid, changed[0][1])):
            failures.append(("shown otherwise", text, page))
        elif not changed and text.replace("\r", "\n") != msgid:
            failures.append(("not shown", text, page))
    assert failures == []


# -- Markdown articles, read by Python-Markdown, kramdown and Hugo --------------------------------

#: Translated values of a Markdown article: the source, the msgid, where a renderer writes the value.
MARKDOWN_CONTEXTS = [
    ('Hi <abbr title="Dawn ferry">x</abbr> there.\n', "Dawn ferry", "//abbr/@title"),
    ("Hi <abbr title='Dawn ferry'>x</abbr> there.\n", "Dawn ferry", "//abbr/@title"),
    ('Hi <abbr title="Dawn   ferry &amp b">x</abbr> there.\n', "Dawn ferry & b", "//abbr/@title"),
    ("Hi <abbr title='a -> b'>x</abbr> there.\n", "a -> b", "//abbr/@title"),
    ('Hi <img alt="Dawn ferry" src="a.png"> there.\n', "Dawn ferry", "//img/@alt"),
    ("See <abbr title='Dawn ferry'>x</abbr> and `c` now.\n", "Dawn ferry", "//abbr/@title"),
    ('<div title="Dawn ferry">\nBoats leave.\n</div>\n', "Dawn ferry", "//div/@title"),
    ('<img alt="Dawn ferry" src="a.png">\n', "Dawn ferry", "//img/@alt"),
    ("![Dawn ferry](a.png)\n", "Dawn ferry", "//img/@alt"),
    ("See ![Dawn ferry](a.png) and `c` now.\n", "Dawn ferry", "//img/@alt"),
    ('[x](/a "Dawn ferry")\n', "Dawn ferry", "//a/@title"),
    ("[x](/a 'Dawn ferry')\n", "Dawn ferry", "//a/@title"),
    ("[x](/a (Dawn ferry))\n", "Dawn ferry", "//a/@title"),
    ('See [x](/a "Dawn ferry") and `c` now.\n', "Dawn ferry", "//a/@title"),
    ("See [x](/a 'Dawn ferry') and `c` now.\n", "Dawn ferry", "//a/@title"),
    ('![x](a.png "Dawn ferry")\n', "Dawn ferry", "//img/@title"),
    ('See ![x](a.png "Dawn ferry") and `c` now.\n', "Dawn ferry", "//img/@title"),
    ('[x][r]\n\n[r]: /a "Dawn ferry"\n', "Dawn ferry", "//a/@title"),
]


def python_markdown_each(markdowns: list[str]) -> list[str]:
    import markdown

    return [markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables"]) for text in markdowns]


def hugo_each(markdowns: list[str], site: Path) -> list[str]:
    return hugo_pages(markdowns, site)


MARKDOWN_RENDERERS = [
    pytest.param("python-markdown", id="python-markdown"),
    pytest.param(
        "kramdown",
        marks=pytest.mark.skipif(
            not KRAMDOWN_GFM, reason="ruby with kramdown and kramdown-parser-gfm is not installed"
        ),
        id="kramdown",
    ),
    pytest.param(
        "hugo",
        marks=[
            pytest.mark.hugo,
            pytest.mark.skipif(
                HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)"
            ),
        ],
        id="hugo",
    ),
]


def rendered(renderer: str, markdowns: list[str], site: Path) -> list[str]:
    if renderer == "python-markdown":
        return python_markdown_each(markdowns)
    if renderer == "kramdown":
        return kramdown_gfm_each(markdowns)
    return hugo_each(markdowns, site)


def value_shown(renderer: str, path: str, text: str) -> bool:
    """Whether ``renderer`` can show ``text`` as typed at ``path`` (see the notes)."""
    if renderer == "hugo" and path == "//img/@alt":
        return False  # (Hugo 0.111 shows an alt text's escapes, references and typographer's quotes)
    if renderer == "python-markdown" and path.endswith("@title") and text in ("'", '"'):
        return False  # (Python-Markdown reads a title of only the other quote as empty)
    return True


@pytest.mark.parametrize("renderer", MARKDOWN_RENDERERS)
@pytest.mark.parametrize("source, msgid, path", MARKDOWN_CONTEXTS)
def test_a_hostile_translation_of_a_markdown_value_adds_no_markup_and_shows_as_typed(
    source: str, msgid: str, path: str, renderer: str, tmp_path: Path
) -> None:
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions())
    assert msgid in [unit.msgid for unit in document.units()]
    cases = [(text, *published(document, msgid, text)) for text in translations(msgid)]
    pages = rendered(renderer, [source] + [page for _, page, _ in cases], tmp_path / "site")
    expected = lxml.html.fragment_fromstring(pages[0], create_parent="div")
    before = expected.xpath(path)
    failures = []
    for (text, page, written), out in zip(cases, pages[1:], strict=True):
        found = lxml.html.fragment_fromstring(out, create_parent="div")
        if elements(found) != elements(expected):
            failures.append(("markup", text, page, out))
            continue
        value = found.xpath(path)
        if not before or not value_shown(renderer, path, text):
            continue  # (a title of a form the renderer does not read; see value_shown)
        wanted = text if written else before[0]
        if spaced(value[0]) != spaced(wanted) and spaced(value[0].replace(before[0], msgid)) != spaced(
            wanted
        ):
            failures.append(("shown otherwise", text, page, value[0]))
    assert failures == []


# -- Parameters of Hugo shortcodes, Liquid includes and WordPress shortcodes ----------------------

#: A shortcode and an include that write their ``caption`` into an attribute (and, for Hugo, how
#: many parameters they got).
SHORTCODE = '<span data-caption="{{ .Get "caption" }}" data-count="{{ len .Params }}"></span>'
INCLUDE = '<span data-caption="{{ include.caption }}"></span>'

PARAM_CONTEXTS = [
    ('{{< sc caption="Dawn ferry" >}}\n', "Dawn ferry"),
    ("{{< sc caption=Dawn >}}\n", "Dawn"),
    ("{{< sc caption=`Dawn ferry` >}}\n", "Dawn ferry"),
    ('Text {{< sc caption="Dawn ferry" >}} and `c`.\n', "Dawn ferry"),
    ('{% include sc.html caption="Dawn ferry" %}\n', "Dawn ferry"),
    ("{% include sc.html caption='Dawn ferry' %}\n", "Dawn ferry"),
    ('Text {% include sc.html caption="Dawn ferry" %} and `c`.\n', "Dawn ferry"),
]


def jekyll_pages(markdowns: list[str], site: Path, includes: dict[str, str]) -> list[str]:
    """The HTML Jekyll makes of each of ``markdowns`` as a page of one site, built once."""
    assert JEKYLL is not None
    shutil.rmtree(site, ignore_errors=True)
    (site / "_includes").mkdir(parents=True)
    for name, template in includes.items():
        (site / "_includes" / name).write_text(template, encoding="utf-8")
    (site / "_config.yml").write_text("title: a\n", encoding="utf-8")
    for index, markdown in enumerate(markdowns):
        (site / f"p{index}.md").write_text("---\nlayout: null\n---\n" + markdown, encoding="utf-8")
    command = [JEKYLL, "build", "--quiet", "--source", str(site), "--destination", str(site / "_site")]
    subprocess.run(command, check=True, capture_output=True, timeout=300, cwd=site)
    return [
        (site / "_site" / f"p{index}.html").read_text(encoding="utf-8") for index in range(len(markdowns))
    ]


@pytest.mark.parametrize("source, msgid", PARAM_CONTEXTS)
def test_a_hostile_translation_of_a_shortcode_or_include_parameter_adds_no_markup_and_builds(
    source: str, msgid: str, tmp_path: Path
) -> None:
    hugo = source.startswith(("{{<", "Text {{<"))
    if hugo and HUGO is None:
        pytest.skip("hugo is not installed (make test installs the Debian package hugo)")
    if not hugo and JEKYLL is None:
        pytest.skip("jekyll is not installed (make test installs the Debian package jekyll)")
    document = read_markdown(source, Path("a.md"), "utf-8", ReadOptions(shortcode_params=("caption",)))
    assert msgid in [unit.msgid for unit in document.units()]
    cases = [(text, *published(document, msgid, text)) for text in translations(msgid)]
    markdowns = [source] + [page for _, page, _ in cases]
    if hugo:
        pages = hugo_pages(markdowns, tmp_path / "site", shortcodes={"sc": SHORTCODE})
    else:
        pages = jekyll_pages(markdowns, tmp_path / "site", {"sc.html": INCLUDE})
    expected = lxml.html.fragment_fromstring(pages[0], create_parent="div")
    failures = []
    for (text, page, _), out in zip(cases, pages[1:], strict=True):
        found = lxml.html.fragment_fromstring(out, create_parent="div")
        if elements(found) != elements(expected) or found.xpath("//@data-count") != expected.xpath(
            "//@data-count"
        ):
            failures.append(("markup", text, page, out))
            continue
        value = found.xpath("//span/@data-caption")[0]
        if page == source:
            continue  # (refused, or the parameter kept as written: see kept_source)
        # (Jekyll writes an include's parameter as it is: a reference typed may show as its character)
        wanted = {spaced(text)} if hugo else {spaced(text), spaced(html.unescape(text))}
        if spaced(value) not in wanted:
            failures.append(("shown otherwise", text, page, value))
    assert failures == []


#: A WordPress caption's parameter, written with each quote and without.
WORDPRESS_CONTEXTS = [
    '<p>[caption id="attachment_14" caption="The old harbour" width="640"]<img src="a.jpg" alt="Lights" />[/caption]</p>\n',
    "<p>[caption id='attachment_14' caption='The old harbour' width='640']<img src='a.jpg' alt='Lights' />[/caption]</p>\n",
    '<p>[caption id=attachment_14 caption=Harbour width=640]<img src="a.jpg" alt="Lights" />[/caption]</p>\n',
]


@needs_wordpress
@pytest.mark.parametrize("source", WORDPRESS_CONTEXTS)
def test_a_hostile_translation_of_a_wordpress_caption_parameter_is_the_caption_wordpress_shows_as_text(
    source: str,
) -> None:
    options = ReadOptions(wordpress_shortcodes=("caption",))
    document = read_wordpress_html(source, Path("a.html"), "utf-8", options)
    msgid = "Harbour" if "caption=Harbour" in source else "The old harbour"
    assert msgid in [unit.msgid for unit in document.units()]
    (_, atts, content), *_ = handed_to(source, ["caption"])
    assert isinstance(atts, dict)
    failures = []
    for text in [*PAYLOADS, "[/caption]", "[caption]", "[video src=x]", "[[caption]]", "&#91;", "]["]:
        page, written = published(document, msgid, text)
        ran = handed_to(page, ["caption"])
        if (
            len(ran) != 1
            or not isinstance(ran[0][1], dict)
            or sorted(ran[0][1]) != sorted(atts)
            or ran[0][2] != content
        ):
            failures.append(("shortcodes", text, page, ran))
            continue
        caption = lxml.html.fragment_fromstring(f"<div>{ran[0][1]['caption']}</div>")
        if len(caption) or spaced(caption.text_content()) != spaced(text if written else msgid):
            failures.append(("caption", text, page, ran[0][1]["caption"]))
    assert failures == []
