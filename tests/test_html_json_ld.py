"""A page's JSON-LD structured data (``<script type="application/ld+json">``): the headline,
description and image caption a search engine shows are translated on the localized page, in place,
and nothing else of the JSON changes; a hostile translation cannot end the script.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from corpus import PAGES, needs_corpus
from pseudo_catalogs import fill_pseudo
from test_compile_helpers import compile_lib, make_project, page, run_cli
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.formats.encoding import declared_charset, decode_bytes
from transpub.formats.html import read_html
from transpub.formats.html_jsonld import IN_LANGUAGE
from transpub.readcache import decode, encode

HEADLINE = "Ferry Line Opens"
DESCRIPTION = "The Ferry Line opened in Tarifa."
CAPTION = "The ferry at dawn"
BODY = "The ferry left at dawn."
BLOCK = """{"@context": "https://schema.org", "@type": "NewsArticle",
   "headline": "Ferry Line Opens", "description": "The Ferry Line opened in Tarifa.",
   "inLanguage": "en-US", "datePublished": "2024-05-01T08:00:00Z", "url": "https://example.com/ferry",
   "author": {"@type": "Person", "name": "Ann Lee", "url": "https://example.com/ann"},
   "publisher": {"@type": "Organization", "name": "Tiny News", "logo": {"@type": "ImageObject", "url": "/l.png"}},
   "image": {"@type": "ImageObject", "url": "https://example.com/ferry.jpg", "caption": "The ferry at dawn",
             "width": 1200},
   "keywords": ["ferry", "Tarifa"]}"""
OTHER_LANGUAGE = '{"@type": "WebSite", "name": "Tiny News", "inLanguage": "fr"}'
ARTICLE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ferry Line Opens</title>
  <script type="application/ld+json">
  {BLOCK}
  </script>
  <script type="application/ld+json">{OTHER_LANGUAGE}</script>
</head>
<body><p>The ferry left at dawn.</p></body>
</html>
"""
GERMAN = {
    HEADLINE: "Fährlinie eröffnet",
    DESCRIPTION: "Die Fährlinie wurde in Tarifa eröffnet.",
    CAPTION: "Die Fähre im Morgengrauen",
    BODY: "Die Fähre legte im Morgengrauen ab.",
}


def read(source: str, name: str = "a.html"):
    return read_html(source, Path(name), "utf-8", ReadOptions())


def translated(source: str, table: dict[str, str]) -> str:
    return read(source).render(lambda slot: Resolution(table.get(slot.msgid)))


def json_ld_of(html: str) -> list[str]:
    """The text of each ``<script>`` of ``html`` as a browser reads it (its end at ``</script``)."""
    scripts: list[list[str]] = []
    inside: list[bool] = [False]

    class Scripts(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "script":
                scripts.append([])
                inside[0] = True

        def handle_endtag(self, tag: str) -> None:
            inside[0] = inside[0] and tag != "script"

        def handle_data(self, data: str) -> None:
            if inside[0]:
                scripts[-1].append(data)

    Scripts().feed(html)
    return ["".join(texts) for texts in scripts]


def pseudo_compiled_json_ld(root: Path, article: str, locale: str = "de") -> list[str]:
    """The JSON-LD scripts of ``article``'s page in ``locale`` once extracted, pseudo-translated
    (every msgstr ``⟦msgid⟧``) and compiled, each with its marks; all marks gone is the source's."""
    make_project(root, {}, article=article)
    fill_pseudo(root)
    assert not compile_lib(root, [locale]).errors
    return json_ld_of(page(root, locale))


def unmarked(texts: list[str]) -> list[str]:
    return [text.replace("⟦", "").replace("⟧", "") for text in texts]


def test_a_news_page_s_json_ld_headline_description_and_image_caption_are_units_named_where_they_stand() -> (
    None
):
    refs = {unit.msgid: unit.refs for unit in read(ARTICLE).units("news/ferry.html")}
    assert refs[DESCRIPTION] == ("news/ferry.html#head/script(ld+json)@description",)
    assert refs[CAPTION] == ("news/ferry.html#head/script(ld+json)@image.caption",)


def test_a_json_ld_headline_equal_to_the_title_is_the_title_s_entry_with_one_more_place() -> None:
    refs = {unit.msgid: unit.refs for unit in read(ARTICLE).units()}
    assert refs[HEADLINE] == ("head/title(ferry-line-opens)", "head/script(ld+json)@headline")


def test_urls_dates_types_keywords_and_the_names_of_people_and_organizations_in_json_ld_are_no_units() -> (
    None
):
    assert sorted(unit.msgid for unit in read(ARTICLE).units()) == sorted(
        [HEADLINE, DESCRIPTION, CAPTION, BODY]
    )


def test_the_name_of_an_article_or_an_image_is_a_unit_and_a_second_block_is_told_apart() -> None:
    source = (
        '<script type="application/ld+json">{"@type": "Person", "name": "Ann Lee"}</script>'
        '<script type="application/ld+json">{"@type": ["Article"], "name": "Ferry Line Opens",'
        ' "image": {"@type": "ImageObject", "name": "Dawn ferry"}}</script>'
    )
    refs = {unit.msgid: unit.refs for unit in read(source).units()}
    assert refs == {
        "Ferry Line Opens": ("script(ld+json)~2@name",),
        "Dawn ferry": ("script(ld+json)~2@image.name",),
    }


def test_a_translated_headline_replaces_only_its_string_every_other_byte_of_the_json_as_written() -> None:
    expected = BLOCK
    for source, german in GERMAN.items():
        expected = expected.replace(f'"{source}"', f'"{german}"')
    assert json_ld_of(translated(ARTICLE, GERMAN))[0].strip() == expected


def test_a_hostile_translation_cannot_end_the_script_and_reads_back_as_the_text_typed() -> None:
    hostile = '</script><script>alert(1)</script><!-- "quoted" \\ back'
    page_html = translated(ARTICLE, {HEADLINE: hostile})
    scripts = json_ld_of(page_html)
    assert len(scripts) == 2 and "alert" not in scripts[1]
    assert json.loads(scripts[0])["headline"] == hostile
    assert (
        "</script><script>" not in page_html.split("<title>")[1].split("</title>")[0]
    )  # (escaped there too)


def test_quotes_backslashes_and_control_characters_in_a_translation_are_written_as_valid_json() -> None:
    typed = 'Sie sagt: "Fähre\\Linie"\tneu\nheute\x01'
    assert json.loads(json_ld_of(translated(ARTICLE, {DESCRIPTION: typed}))[0])["description"] == typed


def test_a_translation_keeps_the_source_s_own_escapes_and_a_pseudo_translation_comes_back_as_written() -> (
    None
):
    source = (
        '<script type="application/ld+json">{"@type":"Article","headline":"Aktu\\u00e1ln\\u011b \\/ Praha ",'
        '"description":"Ferries < 5 a day"}</script>'
    )
    pseudo = read(source).render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == source
    german = translated(
        source, {"Aktuálně / Praha": "Aktuálně / Prag", "Ferries < 5 a day": "Fähren < 5 </script>"}
    )
    assert '"headline":"Aktu\\u00e1ln\\u011b \\/ Prag "' in german
    assert '"description":"Fähren < 5 \\u003c/script>"' in german


def test_an_invalid_json_ld_block_is_kept_whole_with_a_warning_naming_file_and_line() -> None:
    source = '<html><head>\n<script type="application/ld+json">\n{"headline": "Ferry",\n "x": }\n</script>\n'
    document = read(source, "news/ferry.html")
    assert document.units() == []
    assert document.render(lambda slot: Resolution("x")) == source
    [warning] = document.warnings
    assert (warning.path, warning.line, warning.severity) == ("news/ferry.html", 4, "warning")
    assert "no JSON" in warning.message and "kept as written" in warning.message


#: The wrappers older CMS output and XHTML pages write around a block's JSON (``{}`` stands for it),
#: which browsers and search engines read through.
WRAPPERS = {
    "cdata": "\n<![CDATA[\n{}\n]]>\n",
    "comment": "<!--\n{}\n-->",
    "byte-order-mark": "\ufeff\n{}\n",
    "all-three": "\ufeff <!-- <![CDATA[{}]]> -->\n",
}


def wrapped(wrapper: str, block: str) -> str:
    """A JSON-LD script of ``block`` in the wrapper named ``wrapper``."""
    return f'<script type="application/ld+json">{WRAPPERS[wrapper].replace("{}", block)}</script>'


@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_a_block_in_cdata_a_comment_or_after_a_byte_order_mark_is_translated_and_keeps_its_wrapper(
    wrapper: str,
) -> None:
    source = wrapped(wrapper, '{"headline": "Ferry"}')
    document = read(source)
    assert [unit.msgid for unit in document.units()] == ["Ferry"] and not document.warnings
    assert translated(source, {"Ferry": "Fähre"}) == source.replace('"Ferry"', '"Fähre"')


@pytest.mark.parametrize("wrapper", WRAPPERS)
def test_a_hostile_translation_ends_neither_the_script_nor_the_comment_or_cdata_the_block_stands_in(
    wrapper: str,
) -> None:
    hostile = "</script><script>alert(1)</script> <!-- x --> y ]]> z"
    source = wrapped(wrapper, '{"headline": "Ferry", "description": "Ferries < 5 a day"}')
    page_html = translated(source, {"Ferry": hostile, "Ferries < 5 a day": hostile})
    [script] = json_ld_of(page_html)
    opening, closing = WRAPPERS[wrapper].split("{}")
    assert script.startswith(opening) and script.endswith(closing)
    inside = script[len(opening) : len(script) - len(closing)]
    assert "-->" not in inside and "]]>" not in inside and "<!" not in inside
    assert json.loads(inside) == {"headline": hostile, "description": hostile}
    assert "alert" not in page_html.split("</script>", 1)[1]


def test_a_pseudo_translated_page_s_wrapped_json_ld_is_translated_and_else_the_source_s_but_its_language(
    tmp_path: Path,
) -> None:
    article = ARTICLE.replace(BLOCK, WRAPPERS["all-three"].replace("{}", BLOCK))
    scripts = pseudo_compiled_json_ld(tmp_path / "news", article)
    assert f'"headline": "⟦{HEADLINE}⟧"' in scripts[0]
    expected = json_ld_of(article)
    assert unmarked(scripts) == [
        expected[0].replace('"inLanguage": "en-US"', '"inLanguage": "de"'),
        expected[1],
    ]


def test_a_source_string_writing_an_arrow_keeps_it_and_its_translation_does_too_outside_a_wrapper() -> None:
    """A ``-->`` the source writes in a string is kept as written in a pseudo-translation; one
    a translation adds is written ``--\\u003e``, the same string to JSON."""
    source = '<script type="application/ld+json">{"headline": "Tarifa --> Tanger", "description": "By sea"}</script>'
    pseudo = read(source).render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == source
    [script] = json_ld_of(translated(source, {"By sea": "See --> Land"}))
    assert '"description": "See --\\u003e Land"' in script
    assert json.loads(script)["description"] == "See --> Land"


def test_a_json_ld_block_inside_translate_no_is_kept_as_written() -> None:
    source = '<div translate="no"><script type="application/ld+json">{"headline": "Ferry"}</script></div>'
    assert read(source).units() == []


def test_the_stored_read_of_a_page_keeps_its_json_ld_units_and_where_its_language_is_named() -> None:
    document = read(ARTICLE)
    back = decode(encode(document), Path("a.html"))
    assert back.render() == ARTICLE
    german = back.render(lambda slot: Resolution(GERMAN.get(slot.msgid)), inserts={IN_LANGUAGE: '"de"'})
    assert german == document.render(
        lambda slot: Resolution(GERMAN.get(slot.msgid)), inserts={IN_LANGUAGE: '"de"'}
    )
    assert '"inLanguage": "de"' in german


def test_a_compiled_page_s_json_ld_is_translated_and_its_names_and_addresses_are_not(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", {"de": GERMAN, "zh_CN": {}}, article=ARTICLE)
    assert not compile_lib(root, ["de"]).errors
    article = json.loads(json_ld_of(page(root, "de"))[0])
    assert (article["headline"], article["description"], article["image"]["caption"]) == (
        GERMAN[HEADLINE],
        GERMAN[DESCRIPTION],
        GERMAN[CAPTION],
    )
    assert (article["author"]["name"], article["publisher"]["name"], article["url"]) == (
        "Ann Lee",
        "Tiny News",
        "https://example.com/ferry",
    )


def test_a_json_ld_in_language_naming_the_source_s_language_names_the_page_s_as_its_html_lang_does(
    tmp_path: Path,
) -> None:
    """The source is ``en``; the page's own ``"en-US"`` is the source's language too, and names
    the translation's as ``<html lang>`` does."""
    root = make_project(
        tmp_path / "news", {"de": GERMAN, "zh_CN": {**GERMAN, BODY: "渡轮在黎明时分出发。"}}, article=ARTICLE
    )
    assert not compile_lib(root, ["de", "zh_CN"]).errors
    languages = {
        locale: [json.loads(text)["inLanguage"] for text in json_ld_of(page(root, locale))]
        for locale in ("de", "zh_CN", "en")
    }
    # (the source's own copy, and a block in another language, as written)
    assert languages == {"de": ["de", "fr"], "zh_CN": ["zh-Hans-CN", "fr"], "en": ["en-US", "fr"]}
    assert '<html lang="zh-Hans-CN"' in page(root, "zh_CN")


#: A page in English (``en-US``, and in French too) whose own site is listed apart; the site it is
#: part of (another one, in English), the French book it cites and a WebSite said to be French keep
#: their language on every translation.
LANGUAGES = """{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "inLanguage": "en-US",
   "isPartOf": {"@type": "WebSite", "url": "https://other.example", "inLanguage": "en"},
   "mainEntity": {"@type": "Article", "headline": "Ferry Line Opens", "inLanguage": ["en", "fr"],
     "citation": {"@type": "Book", "name": "Les marées de Tarifa", "inLanguage": "fr"}}},
  {"@type": "WebSite", "url": "https://example.com", "inLanguage": "fr"}]}"""


def test_only_the_page_s_own_in_language_naming_english_names_the_translation_s_a_french_or_another_site_s_not(
    tmp_path: Path,
) -> None:
    scripts = pseudo_compiled_json_ld(tmp_path / "news", ARTICLE.replace(BLOCK, LANGUAGES))
    expected = LANGUAGES.replace('"en-US"', '"de"').replace('["en", "fr"]', '["de", "fr"]')
    assert unmarked(scripts)[0].strip() == expected


#: A page's own entities in a ``@graph`` (the page and its main entity), citing and translating works
#: in English that stay so on every translation.
CITING = """{"@context": "https://schema.org", "@graph": [
  {"@type": "WebPage", "inLanguage": "en", "mainEntity": {"@type": "ScholarlyArticle",
    "headline": "Ferry Line Opens", "inLanguage": "en",
    "citation": [{"@type": "Book", "name": "Tides of Tarifa", "inLanguage": "en"}],
    "translationOfWork": {"@type": "Article", "inLanguage": "en"},
    "isBasedOn": {"@type": "Dataset", "inLanguage": "en"}}}]}"""


def test_a_cited_work_s_in_language_stays_english_while_the_page_s_names_the_translation(
    tmp_path: Path,
) -> None:
    article = ARTICLE.replace(BLOCK, CITING)
    root = make_project(tmp_path / "news", {"de": GERMAN}, article=article)
    assert not compile_lib(root, ["de"]).errors
    [graph] = json.loads(json_ld_of(page(root, "de"))[0])["@graph"]
    article_ld = graph["mainEntity"]
    assert (graph["inLanguage"], article_ld["inLanguage"], article_ld["headline"]) == (
        "de",
        "de",
        GERMAN[HEADLINE],
    )
    assert [
        article_ld["citation"][0]["inLanguage"],
        article_ld["translationOfWork"]["inLanguage"],
        article_ld["isBasedOn"]["inLanguage"],
    ] == ["en", "en", "en"]


def test_check_reports_a_json_ld_unit_s_glossary_and_markup_problems(tmp_path: Path) -> None:
    glossary = tmp_path / "terms.csv"
    glossary.write_text("term,de\nFerry Line,Fährlinie\n", encoding="utf-8")
    root = make_project(
        tmp_path / "news",
        {"de": {**GERMAN, DESCRIPTION: "Die Linie wurde in <b>Tarifa</b> eröffnet."}},
        article=ARTICLE,
        config_extra=f'\n[paths]\nglossary = "{glossary}"\n',
    )
    result = run_cli(root, "check", "-l", "de")
    assert result.exit_code == 1
    problems = [line for line in result.output.splitlines() if DESCRIPTION[:20] in line]
    assert any("[glossary]" in line and "Fährlinie" in line for line in problems), result.output
    assert any("[markup]" in line for line in problems), result.output


JSON_LD = re.compile(r"<script[^>]*application/ld\+json[^>]*>.*?</script>", re.S | re.I)
#: The corpus pages with JSON-LD (news sites, blogs, Wikipedia; most wrap it in CDATA).
WITH_JSON_LD = [path for path in PAGES if b"application/ld+json" in path.read_bytes()]


@needs_corpus
@pytest.mark.parametrize("page_path", WITH_JSON_LD, ids=[p.name for p in WITH_JSON_LD])
def test_a_real_page_s_json_ld_comes_back_as_written_in_a_pseudo_translation(page_path: Path) -> None:
    data = page_path.read_bytes()
    source, _ = decode_bytes(data, declared=declared_charset(data))
    document = read_article(page_path, ReadOptions())
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert JSON_LD.findall(pseudo.replace("⟦", "").replace("⟧", "")) == JSON_LD.findall(source)
    assert not [warning for warning in document.warnings if warning.check == "json-ld"]


@needs_corpus
def test_real_news_pages_offer_their_json_ld_headline_for_translation() -> None:
    for name in ("theverge.html", "bbc-1.html", "aktualne.html", "videos-1.html", "medium-3.html"):
        document = read_article(next(p for p in PAGES if p.name == name), ReadOptions())
        assert any(
            ref.endswith("script(ld+json)@headline") for unit in document.units() for ref in unit.refs
        ), name


def test_a_hugo_post_s_json_ld_in_language_names_the_translation_s_language_in_its_markdown(
    tmp_path: Path,
) -> None:
    """A Markdown post's raw HTML block of JSON-LD: the German file's inLanguage is "de" (it stayed
    "en" on every translation), its cited work's "en", and a pseudo-translation is the source's block
    but for the first."""
    from test_init_site import HARBOUR, hugo_site, init, pseudo_translate

    site = hugo_site(tmp_path / "harbour")
    block = (
        '{"@type": "Article", "headline": "The harbour reopens", "inLanguage": "en",'
        ' "citation": {"@type": "Book", "inLanguage": "en"}}'
    )
    post = site / "content" / "posts" / "harbour.md"
    post.write_text(f'{HARBOUR}\n<script type="application/ld+json">\n{block}\n</script>\n', encoding="utf-8")
    init(site, "-l", "de", "-l", "zh_CN")
    pseudo_translate(site)
    written = {
        locale: json_ld_of((post.parent / f"harbour.{locale}.md").read_text("utf-8"))
        for locale in ("de", "zh-cn")
    }
    assert {locale: json.loads(texts[0])["inLanguage"] for locale, texts in written.items()} == {
        "de": "de",
        "zh-cn": "zh-Hans-CN",
    }
    # (the cited book is still in English)
    assert written["de"][0].replace("⟦", "").replace("⟧", "").strip() == block.replace('"en"', '"de"', 1)


#: A page's publisher, author and place, each with a name (a name: kept) and a description (prose,
#: the publisher's repeated in the page's footer).
DESCRIBED = """{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry Line Opens",
 "publisher": {"@type": "Organization", "name": "Tiny News", "description": "Tiny News reports on ferries."},
 "author": {"@type": "Person", "name": "Ann Lee", "description": "Ann Lee covers the harbour."},
 "contentLocation": {"@type": "Place", "name": "Tarifa", "description": "A port town in Spain."}}"""
DESCRIBED_PAGE = ARTICLE.replace(BLOCK, DESCRIBED).replace(
    "</p></body>", "</p><footer>Tiny News reports on ferries.</footer></body>"
)


def test_an_organization_s_person_s_and_place_s_description_is_offered_and_their_names_are_not() -> None:
    refs = {unit.msgid: unit.refs for unit in read(DESCRIBED_PAGE).units()}
    assert refs["Tiny News reports on ferries."] == (
        "head/script(ld+json)@publisher.description",
        "body/footer(tiny-news-reports-on)",
    )
    assert refs["Ann Lee covers the harbour."] == ("head/script(ld+json)@author.description",)
    assert refs["A port town in Spain."] == ("head/script(ld+json)@contentLocation.description",)
    assert not {"Tiny News", "Ann Lee", "Tarifa"} & set(refs)


def test_a_compiled_page_s_organization_person_and_place_descriptions_are_translated_and_else_the_source_s(
    tmp_path: Path,
) -> None:
    scripts = pseudo_compiled_json_ld(tmp_path / "news", DESCRIBED_PAGE)
    assert '"description": "⟦Ann Lee covers the harbour.⟧"' in scripts[0]
    assert unmarked(scripts) == json_ld_of(DESCRIBED_PAGE)


#: A block whose article's description holds markup (``</b>`` written as it is, ``\/`` escaped) and
#: whose page's description is plain text.
MARKUP_BLOCK = (
    '{"@graph":[{"@type":"Article","headline":"Ferries < 5 a day",'
    '"description":"A <b>bold<\\/b> <span>move</span>"},'
    '{"@type":"WebPage","description":"A bold move"}]}'
)


def test_a_json_ld_description_holding_markup_is_not_offered_and_a_plain_one_still_is() -> None:
    source = f'<script type="application/ld+json">{MARKUP_BLOCK}</script><p>Ferries.</p>'
    refs = {unit.msgid: unit.refs for unit in read(source).units()}
    assert refs["A bold move"] == ("script(ld+json)@@graph.description",)
    assert not [msgid for msgid in refs if "bold" in msgid and msgid != "A bold move"]


def test_a_json_ld_description_holding_markup_stays_byte_for_byte_on_the_translated_and_pseudo_translated_page() -> (
    None
):
    """The source's ``</b>`` and ``<\\/b>`` stay as written (never rewritten ``\\u003c/b>``) beside
    translated strings, and a translation of a string holding a bare ``<`` keeps its ``<b>`` bare
    and still cannot end the script or open a comment in it."""
    source = f'<script type="application/ld+json">{MARKUP_BLOCK}</script><p>Ferries.</p>'
    pseudo = read(source).render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == source
    hostile = "Ein <b>kühner</b> </SCRIPT ><script>alert(1)</Script><!-- x"
    page_html = translated(source, {"Ferries < 5 a day": hostile, "A bold move": "Ein kühner Zug"})
    [script] = json_ld_of(page_html)
    assert '"description":"A <b>bold<\\/b> <span>move</span>"' in script
    assert json.loads(script)["@graph"][0]["headline"] == hostile
    assert json.loads(script)["@graph"][1]["description"] == "Ein kühner Zug"
    assert "<b>kühner</b>" in script and "alert" not in page_html.split("</script>")[1]


def test_a_translation_writing_an_end_tag_that_ends_a_markdown_html_block_leaves_the_json_ld_in_one_block(
    tmp_path: Path,
) -> None:
    """In Markdown a ``<script>`` block ends at the line holding ``</script>``, ``</pre>``,
    ``</style>`` or ``</textarea>`` (CommonMark, Hugo's goldmark): a translation writing ``</PRE>``
    into a block the source writes with a bare ``<`` is escaped there, and the block's next lines
    stay JSON (they were read as a paragraph, the page's JSON-LD broken)."""
    from markdown_it import MarkdownIt

    post = tmp_path / "harbour.md"
    post.write_text(
        '# The harbour\n\n<script type="application/ld+json">\n{"headline": "Ferries < 5 a day",\n'
        ' "description": "The harbour"}\n</script>\n',
        encoding="utf-8",
    )
    typed = "Fähren </PRE> </style> </textarea> <b>5</b>"
    document = read_article(post, ReadOptions())
    written = document.render(lambda slot: Resolution(typed if slot.msgid == "Ferries < 5 a day" else None))
    blocks = [
        token.content for token in MarkdownIt("commonmark").parse(written) if token.type == "html_block"
    ]
    assert len(blocks) == 1 and blocks[0].rstrip().endswith("</script>"), written
    assert json.loads(json_ld_of(blocks[0])[0])["headline"] == typed


def test_a_line_or_paragraph_separator_in_a_translation_is_written_escaped_in_the_json_ld() -> None:
    """U+2028 and U+2029 are valid JSON but end a line of JavaScript in older engines (a script that
    reads the block as code): written ``\\u2028``, ``\\u2029``; a source that writes one as it is
    comes back as written in a pseudo-translation."""
    typed = "Fährlinie\u2028eröffnet\u2029heute"
    script = json_ld_of(translated(ARTICLE, {HEADLINE: typed}))[0]
    assert "\u2028" not in script and "\u2029" not in script
    assert json.loads(script)["headline"] == typed
    source = '<script type="application/ld+json">{"headline":"Ferry\u2028Line"}</script>'
    pseudo = read(source).render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo.replace("⟦", "").replace("⟧", "") == source
