"""The fast tokenizer cuts HTML exactly as html.parser does, on clean and on broken markup.

``tokenize_html`` takes regular expressions through well-formed markup and hands the rest to
html.parser from the first construct they do not cover. What translators get depends on the
tokens, so the two paths must agree token for token (kind, source text, tag, attributes).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corpus import PAGES, needs_corpus
from transpub.formats.encoding import declared_charset, decode_bytes
from transpub.formats.html_tokens import (
    _fast_tokens,
    _fast_tokens_from,
    _State,
    tokenize_html,
    tokenize_with_parser,
)

SAMPLE_ARTICLES = sorted((Path(__file__).parents[1] / "articles").glob("*.html"))

TRICKY = [
    "",
    "plain text, no markup",
    "a < b and c > d",
    "ends with <",
    "<p>one<p>two</P>",
    '<a href=x/>link</a><br/><br /><img src="a"/>',
    "<a href=x?a=b&amp;c=d>sloppy</a>",
    '<a href="x"title="y">no space between attributes</a>',
    "<p / class=x>slash</p>",
    "<input disabled value=''>",
    '<P CLASS="Up" Data-X=1>Upper</P>',
    "<p class=a\u00a0id=b>nbsp in a tag</p>",
    "<p cl\u00a0ass=x>nbsp in a name</p>",
    "<!-- a comment -- >after<!---->x<!-->y-->",
    "<!DOCTYPE html><!doctype>",
    "<![CDATA[ x < y ]]>text",
    "<?php echo 1; ?>text",
    "<!bogus>text",
    "</>text</ p>x</3>",
    "<script>if (a < b) { document.write('</scr' + 'ipt>'); }</script>after",
    "<script><!-- <script>x</script> --></script>after",
    "<style>p > a { color: red }</STYLE >after",
    "<script>never closed",
    '<p title=\'a "quoted" title\' data-x="it\'s">q</p>',
    '<p title="&amp;&lt;&#x4E2D;">entities</p>',
    "<p\ttitle\n=\n'multi\nline'>ws</p>",
    '<a href=>empty</a><a href="">empty2</a>',
    "<a b==c>double equals</a>",
    "<a b='unterminated>rest of the file",
    "<br/ >x<br / >",
    "<ta\u0301g x=1>combining</ta\u0301g>",
    "text &amp; more &",
    "<p>x<![\nfoo]>bar</p>",
    "H<![<![CDATA>",
    "x &amp; y<![CDATA>z",
    "<p>a</3 b",
    "<![ if !IE ]>x<![endif]>y<![bogus]>z<![",
    "<xmp>a & b <b>c</b></xmp>after",
    "<noframes>a &amp; <p>b</noframes><p>c</p>",
    "<iframe><p>x</p></iframe>y",
    "<plaintext>a & b <b>c</b></plaintext>",
    "<style>never closed",
    "<p>a<a b='unterminated>rest of the file",
    '<p>x</p><img src="a.png" alt="cut',
    "<p>text<b",
    "<p>text</b",
    "<p>x<!-- unclosed <b>bold</b>",
    "<p>a < b <!--<!-- <b>x</b> --",
    "<p>x</p><!--<!--<!-- -- >",
    "<p>x<!doctype",
    "<p>x<?pi",
    "<p>text</",
    "<p>a<![CDATA[b>c]]>d</p>",
    "<svg><![CDATA[a>b</svg>]]></svg>x<![CDATA[y>z]]>",
    "<svg><![CDATA[never closed",
    "<svg/><![CDATA[a>b]]>",
    "<script/>x<p>y</p></script>z",
    "<style/>a<b>c</style><p>d",
    "<plaintext/>a<b>",
    "<title>a <b> &amp; <!-- c --></title>d",
    "<textarea><p>x</textarea>y<textarea/>z</textarea>",
    "<noscript><style></noscript><p>x</p>",
    "<noscript><p a='x</noscript>y",
    "<noscript><noscript>a</noscript>b</noscript>",
    "<svg><title>a<b>c</b></title></svg><title>y<z</title>",
    "<math><mi>x</mi></math><textarea>&lt;</textarea>",
]


def assert_same_tokens(text: str) -> None:
    fast = tokenize_html(text)
    slow = tokenize_with_parser(text)
    assert "".join(token.raw for token in fast) == text
    assert fast == slow


@pytest.mark.parametrize("text", TRICKY)
def test_clean_and_broken_markup_is_cut_as_html_parser_cuts_it(text: str) -> None:
    assert_same_tokens(text)


@pytest.mark.parametrize("path", SAMPLE_ARTICLES, ids=lambda p: p.name)
def test_sample_articles_are_cut_as_html_parser_cuts_them(path: Path) -> None:
    assert_same_tokens(path.read_text(encoding="utf-8"))


@pytest.mark.slow
@needs_corpus
@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_real_pages_are_cut_as_html_parser_cuts_them(path: Path) -> None:
    data = path.read_bytes()
    assert_same_tokens(decode_bytes(data, declared=declared_charset(data))[0])


PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<P>",
        "</ p>",
        "<br>",
        "<br/>",
        "<br />",
        "<img src=a.png alt='x'>",
        '<a href="u">',
        "</a>",
        "<a href=u?x=1>",
        '<b class="c"id="d">',
        "</b>",
        '<span title="a>b">',
        "</span>",
        "<script>",
        "</script>",
        "<style>",
        "</style>",
        "<!--",
        "-->",
        "<!-- c -->",
        "<!DOCTYPE html>",
        "<![CDATA[",
        "]]>",
        "<?x?>",
        "<!x>",
        "</>",
        "<",
        ">",
        "&amp;",
        "&",
        "&#",
        "=",
        "'",
        '"',
        "/",
        " ",
        "\n",
        "\u00a0",
        "text",
        "北京",
        "x<y",
        "<3",
        "<a\u00a0b=c>",
        "<input disabled>",
        "<t a=b/>",
        "<xmp>",
        "</xmp>",
        "<noframes>",
        "</noframes>",
        "<plaintext>",
        "<iframe>",
        "</iframe>",
        "<![",
        "<![\n",
        "<![if x]>",
        "<script/>",
        "<noscript>",
        "</noscript>",
        "<title>",
        "</title>",
        "<textarea/>",
        "</textarea>",
        "<svg>",
        "</svg>",
        "<svg/>",
        "<math>",
        "<![CDATA[x>y]]>",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_any_mix_of_markup_fragments_is_cut_as_html_parser_cuts_it(text: str) -> None:
    assert_same_tokens(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(PIECES, st.sampled_from(TRICKY)), max_size=12).map("".join))
def test_markup_is_cut_in_one_scan_as_tag_by_tag(text: str) -> None:
    """The scan that reads text and tag together cuts as the search for one tag after another."""
    one_scan = _fast_tokens(text, _State())
    tag_by_tag = _fast_tokens_from(text, _State(), [], 0)
    assert one_scan == tag_by_tag


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(PIECES, st.sampled_from(TRICKY)), max_size=12).map("".join))
def test_markup_cut_short_by_the_end_of_the_file_is_the_last_token_only(text: str) -> None:
    """What the end of the file cuts short runs to its end (the reader looks only there)."""
    kinds = [token.kind for token in tokenize_html(text)]
    assert "eof" not in kinds[:-1]


def test_the_tokenizer_uses_only_html_parsers_public_interface() -> None:
    """A Python release may change html.parser's private helpers at will; transpub must not
    depend on them (issue 13): only the documented handler methods are overridden, and no
    private attribute or method of the parser is read or called."""
    import inspect
    from html.parser import HTMLParser

    from transpub.formats import html_tokens

    overridden = {name for name in vars(html_tokens._Tokenizer) if hasattr(HTMLParser, name)}
    public_hooks = {
        "__init__",
        "__doc__",
        "__module__",
        "handle_starttag",
        "handle_startendtag",
        "handle_endtag",
        "handle_data",
        "handle_comment",
        "handle_decl",
        "handle_pi",
        "unknown_decl",
    }
    assert overridden <= public_hooks
    source = inspect.getsource(html_tokens)
    for private in (
        "goahead",
        "rawdata",
        "interesting",
        "set_cdata_mode",
        "cdata_elem",
        "updatepos",
        "lasttag",
    ):
        assert private not in source


@pytest.mark.parametrize(
    "text, raw",
    [
        ("<p>One.</p><p>Two <a b='unterminated>rest of the file", "<a b='unterminated>rest of the file"),
        ('<p>x</p><img src="a.png" alt="cut', '<img src="a.png" alt="cut'),
        ("<p>x</p><!-- unclosed <b>bold</b>", "<!-- unclosed <b>bold</b>"),
        ("<p>x</p><!doctype", "<!doctype"),
    ],
)
def test_markup_cut_short_by_the_end_of_the_file_is_never_text(text: str, raw: str) -> None:
    tokens = tokenize_html(text)
    assert tokens[-1].kind == "eof" and tokens[-1].raw == raw
    assert all(raw not in token.raw for token in tokens if token.kind == "text")


@pytest.mark.parametrize(
    "text, comment",
    [("H<![<![CDATA>", "<![<![CDATA>"), ("x &amp; y<![CDATA>z", "<![CDATA>"), ("a<?pi x>b", "<?pi x>")],
)
def test_a_bogus_comment_ends_at_the_first_greater_than_sign(text: str, comment: str) -> None:
    assert [t.raw for t in tokenize_html(text) if t.kind == "other"] == [comment]


def test_a_marked_section_html_parser_cannot_read_is_a_bogus_comment_as_in_browsers() -> None:
    tokens = tokenize_html("<p>x<![\nfoo]>bar</p>")
    assert [(t.kind, t.raw) for t in tokens] == [
        ("start", "<p>"),
        ("text", "x"),
        ("other", "<![\nfoo]>"),
        ("text", "bar"),
        ("end", "</p>"),
    ]


@pytest.mark.parametrize("tag", ["xmp", "noframes", "iframe", "noembed", "style"])
def test_raw_text_elements_hold_their_content_as_one_text(tag: str) -> None:
    tokens = tokenize_html(f"<{tag}>a & b <b>c</b></{tag}><p>d</p>")
    assert [(t.kind, t.raw) for t in tokens[:3]] == [
        ("start", f"<{tag}>"),
        ("text", "a & b <b>c</b>"),
        ("end", f"</{tag}>"),
    ]


def test_long_broken_pages_are_cut_in_linear_time() -> None:
    """Starting html.parser over after each raw-text element costs one fed piece, not the rest.

    (CPU time, best of interleaved runs, per doubling: see tests/linear_time.py; one wall-clock
    run of each size failed under load.)
    """
    from linear_time import assert_linear

    def page(n: int) -> str:
        return "<p x=1 / >a</p><script>s</script>\n" * n  # "/ >" keeps the fast path out

    assert len(tokenize_with_parser(page(10))) == 70
    assert_linear(page, tokenize_with_parser, 2000)


def test_thousands_of_comment_openers_without_an_end_are_cut_in_linear_time() -> None:
    """Each "<!--" of a page (or of a Markdown article's HTML) with no end after it was searched to
    the end of the text for one, thousands of times: 32 KB took 2 s to cut, quadratic."""
    from linear_time import assert_linear

    def page(n: int) -> str:
        return "<p>a < b, " + "<!--" * (n // 4)

    assert_same_tokens(page(40))
    assert_linear(page, tokenize_html, 4000)


@pytest.mark.parametrize("before", ["<p>", "<p>a < b, ", "Hi <b>x</b> 3 < 4 "])
def test_thousands_of_start_tags_without_a_closing_bracket_are_cut_in_linear_time(before: str) -> None:
    """Each "<h1 " of a page with no ">" after it was tried as a tag to the end of the text (its
    attributes the "<h1"s after it), then the search went on from the next: 32 KB took 10 s."""
    from linear_time import assert_linear

    def page(n: int) -> str:
        return before + "<h1 " * (n // 4)

    assert_same_tokens(page(40))
    assert_same_tokens(before + "<h1 " * 10 + '"' + ">")
    assert_linear(page, tokenize_html, 4000)


@pytest.mark.parametrize(
    "text, expected",
    [
        # HTML content: a bogus comment to the first ">", as browsers read it; the rest is text
        ("<p>a<![CDATA[b>c]]>d</p>", [("text", "a"), ("other", "<![CDATA[b>"), ("text", "c]]>d")]),
        # SVG and MathML: a CDATA section, whatever it holds
        ("<svg><![CDATA[a>b</svg>]]></svg>", [("other", "<![CDATA[a>b</svg>]]>")]),
        ("<math><![CDATA[a>b", [("other", "<![CDATA[a>b")]),
    ],
)
def test_a_cdata_section_is_text_only_in_svg_and_mathml(text: str, expected: list) -> None:
    tokens = [(t.kind, t.raw) for t in tokenize_html(text) if t.kind in ("other", "text")]
    assert tokens == expected


@pytest.mark.parametrize("tag", ["script", "style", "xmp", "title", "textarea"])
def test_a_slash_does_not_close_an_element_whose_content_is_text(tag: str) -> None:
    tokens = tokenize_html(f"<{tag}/>a <p>b</p></{tag}>c")
    assert [(t.kind, t.raw) for t in tokens] == [
        ("start", f"<{tag}/>"),
        ("text", "a <p>b</p>"),
        ("end", f"</{tag}>"),
        ("text", "c"),
    ]


@pytest.mark.parametrize("tag", ["title", "textarea"])
def test_title_and_textarea_hold_text_with_character_references(tag: str) -> None:
    tokens = tokenize_html(f"<{tag}>Use <b> &amp; <!-- x --></{tag}><p>y</p>")
    assert [(t.kind, t.raw) for t in tokens[:3]] == [
        ("start", f"<{tag}>"),
        ("text", "Use <b> &amp; <!-- x -->"),
        ("end", f"</{tag}>"),
    ]


def test_a_title_in_svg_is_an_ordinary_element() -> None:
    tokens = tokenize_html("<svg><title>a<b>c</b></title></svg>")
    assert [t.raw for t in tokens] == ["<svg>", "<title>", "a", "<b>", "c", "</b>", "</title>", "</svg>"]


def test_noscript_ends_at_its_end_tag_whatever_it_holds() -> None:
    """Browsers run scripts, so ``<noscript>`` is raw text to ``</noscript>``: a ``<style>`` in it
    cannot hide the rest of the page. Its content is still cut as markup (for readers without
    scripts), or kept whole when that markup is unfinished."""
    tokens = tokenize_html("<noscript><p>Enable <b>JS</b><style></noscript><p>After.</p>")
    assert [(t.kind, t.raw) for t in tokens][-5:] == [
        ("start", "<style>"),
        ("end", "</noscript>"),
        ("start", "<p>"),
        ("text", "After."),
        ("end", "</p>"),
    ]
    tokens = tokenize_html("<noscript><img alt='x</noscript><p>After.</p>")
    assert [(t.kind, t.raw) for t in tokens][:3] == [
        ("start", "<noscript>"),
        ("other", "<img alt='x"),
        ("end", "</noscript>"),
    ]
