"""The reader's quick tests before its full patterns: a quick "no" must never hide what the full
pattern finds (else a sentence would stay uncut, a list unsplit, an attribute or a link untranslated)."""

from __future__ import annotations

import html
import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transpub.formats.document import page_link
from transpub.formats.html import _MAY_TRANSLATE, _Builder
from transpub.formats.html_attributes import (
    _MAY_BE_RELATIVE,
    attribute_spans,
    translatable_attributes,
    unquote,
)
from transpub.formats.html_tokens import Token, tokenize_html
from transpub.formats.html_tree import (
    _WORDS,
    CLOSES_P,
    INLINE,
    VOID,
    Node,
    References,
    ascii_words_lowered,
    build_tree,
)
from transpub.formats.options import ReadOptions
from transpub.formats.runs import (
    _AFTER_LAST_SENTENCE,
    _EMOJI_ONLY,
    _LETTER,
    _TERMINATOR,
    ADDRESS_MARK,
    SPACE_INSIDE,
    RunSlots,
    _may_have_two_sentences,
    is_address,
    markup_only,
)
from transpub.inline import strip_placeholders
from transpub.model import URL_SCHEME
from transpub.segment import (
    _BULLETS,
    _FIRST_LIST_MARKER,
    _MARKER_END,
    _NEXT_CANDIDATE,
    _NEXT_LIST_MARKER,
    _SHORT_ABBREVIATION,
    _has_cjk_terminator,
    _may_hold_markers,
    _next_candidates,
)

PROSE = st.lists(
    st.sampled_from(
        [
            *"aAbzZ 1209.!?…\"'“”»›)]([{\n\t\u00a0\u202f\u2028\x1c\u3000é•*-",
            *["Mr", "U.S", "etc", "The", " 1)", " a.", " 2.", "z. B.", "...", ". . .", "J. R. ", "3.5"],
        ]
    ),
    max_size=80,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(PROSE, st.data())
def test_sentence_ends_are_found_where_the_full_pattern_finds_them(text: str, data: st.DataObject) -> None:
    """The candidate search tries the full pattern only before words holding a terminator."""
    start = data.draw(st.integers(0, len(text)))
    stop = data.draw(st.integers(start, len(text)))
    expected = [m.span() for m in _NEXT_CANDIDATE.finditer(text, start, stop)]
    assert [m.span() for m in _next_candidates(text, start, stop, None)] == expected


@settings(max_examples=400, deadline=None)
@given(PROSE)
def test_numbered_lists_are_never_missed_by_the_quick_test(text: str) -> None:
    markers = [m for m in _NEXT_LIST_MARKER.finditer(text)]
    first = _FIRST_LIST_MARKER.match(text)
    if first or markers:
        assert _may_hold_markers(text)


def _may_hold_markers_by_pattern(text: str) -> bool:
    """The quick test for list markers as written with the pattern of the ends it looks before."""
    for end in _MARKER_END.finditer(text):
        at = end.start() - 1
        if at < 0:
            continue
        char = text[at]
        if char.isdigit():
            return True
        if "a" <= char <= "z" and (at == 0 or text[at - 1].isspace() or text[at - 1] in _BULLETS):
            return True
    return False


@settings(max_examples=600, deadline=None)
@given(PROSE)
@example("Steps: 1.) mix 2.) bake")
@example("x b.) y")
@example("x.) 2) a)\n")
@example("Steps -a. mix *b) bake")  # a letter after a bullet
@example("Steps ‣a. mix")
def test_list_markers_quick_test_found_with_str_find_answers_as_the_pattern_does(text: str) -> None:
    """Each "." and ")" found with str.find: the same answer as the ends the pattern finds."""
    assert _may_hold_markers(text) == _may_hold_markers_by_pattern(text)


@settings(max_examples=600, deadline=None)
@given(
    st.lists(st.one_of(PROSE, st.sampled_from(["。", "！", "？", "｡", "你好", " ."])), max_size=6).map(
        "".join
    )
)
def test_a_second_sentence_is_looked_for_where_the_pattern_finds_a_terminator(text: str) -> None:
    """The first terminator found with str.find: the same answer as the pattern's search."""
    match = _TERMINATOR.search(text)
    expected = match is not None and bool(text[match.end() :].strip(_AFTER_LAST_SENTENCE))
    assert _may_have_two_sentences(text) == expected


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.one_of(PROSE, st.sampled_from(["。", "！", "？", "｡", "你好", "，", "\u3000"])), max_size=5
    ).map("".join)
)
def test_full_width_terminators_are_found_as_the_pattern_finds_them(text: str) -> None:
    """Chinese and Japanese sentence ends are looked for with str's search: the same answer."""
    assert _has_cjk_terminator(text) == bool(re.search("[。！？｡]", text))


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet="abcZé1._-", max_size=12))
def test_a_word_without_a_dot_is_never_read_as_a_dotted_abbreviation(key: str) -> None:
    """A word without "." ends a sentence without asking the abbreviation pattern: it never matches."""
    if "." not in key:
        assert not _SHORT_ABBREVIATION.match(key)


def test_every_translatable_attribute_passes_the_quick_test() -> None:
    tags = sorted(INLINE | CLOSES_P | VOID | {"input", "textarea", "track", "option", "optgroup", "menu"})
    tags += ["menuitem", "th", "meta", "area", "img"]
    variants: list[dict[str, str | None]] = [{}, {"type": "image"}, {"type": "submit"}, {"type": "BUTTON"}]
    variants += [{"name": "description"}, {"property": "og:title"}, {"name": "twitter:image:alt"}]
    for tag in tags:
        for attrs in variants:
            assert translatable_attributes(tag, attrs) <= _MAY_TRANSLATE, (tag, attrs)


START_TAGS = st.builds(
    lambda name, space, equals, quote, lead, url: f"<a {name}{space}{equals}{quote}{lead}{url}{quote}>",
    st.sampled_from(["href", "HREF", "Href", "title"]),
    st.sampled_from(["", " ", "\n"]),
    st.sampled_from(["=", " = ", "==", ""]),
    st.sampled_from(["", '"', "'"]),
    st.sampled_from(["", " ", "&#32;", "&#x2F;", "&sol;", "&nbsp;", "\t"]),
    st.sampled_from(
        ["/docs/x", "//cdn.example/x", "https://example.org/", "x/y", "", "/", "#top", "?p=2", "mailto:a@b"]
    ),
)


@settings(max_examples=300, deadline=None)
@given(START_TAGS)
def test_links_to_pages_of_the_site_are_never_missed_by_the_quick_test(raw: str) -> None:
    first = next((span for name, span in attribute_spans(raw) if name == "href"), None)
    if first is None:
        return
    url = html.unescape(unquote(raw[first[0] : first[1]])).strip()
    if url.startswith("/") and not url.startswith(("//", "/\\")):  # root-relative
        assert _MAY_BE_RELATIVE.search(raw)
        assert page_link(raw) is not None
    if url and not url.startswith(("#", "?", "//", "/\\", "\\")) and not URL_SCHEME.match(url):
        assert _MAY_BE_RELATIVE.search(raw)
        assert page_link(raw) is not None


def test_quick_tests_say_no_to_plain_prose() -> None:
    """They are worth having: ordinary news prose passes none of them."""
    prose = "The council met on Monday. It approved the plan for 904 homes! Work starts in March."
    assert not _may_hold_markers(prose)
    assert not _MAY_BE_RELATIVE.search('<a href="https://example.org/news/1">')
    assert re.search(r"[.!?]", prose)


MSGIDS = st.lists(
    st.sampled_from(
        [*"aZ é1²_ .:@/<>\t\n\u00a0\u2028-", "<1>", "</1>", "<2/>", "https://", "www.", "x@y.org", "5", "×"]
    ),
    max_size=12,
).map("".join)


def _for_translators_by_full_patterns(msgid: str, options: ReadOptions) -> bool:
    """What a unit's quick tests must agree with: the patterns alone (the reader before its quick tests)."""
    if not options.extract_symbols and not _LETTER.search(msgid):
        return False
    if not options.extract_symbols and _EMOJI_ONLY.fullmatch(msgid):  # (":heavy_check_mark:")
        return False
    if markup_only(msgid):  # ("<img src=x>" written as text)
        return False
    if options.extract_bare_urls or SPACE_INSIDE.search(msgid.strip()) or not ADDRESS_MARK.search(msgid):
        return True
    return not is_address(strip_placeholders(msgid))


@settings(max_examples=600, deadline=None)
@given(MSGIDS, st.booleans(), st.booleans())
def test_units_left_out_are_the_ones_the_full_patterns_leave_out(
    msgid: str, symbols: bool, urls: bool
) -> None:
    """A msgid's first letter and inner plain space answer without a pattern: never another answer."""
    slots = RunSlots()
    slots.options = ReadOptions(extract_symbols=symbols, extract_bare_urls=urls)
    assert slots.for_translators(msgid) == _for_translators_by_full_patterns(msgid, slots.options)


WORDY = st.lists(
    st.sampled_from(
        ["The", "quick", "É", "İstanbul", "x_1", " ", "  ", ", ", "&amp;", "-", "ß", "9", "\n", "a" * 20]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(st.lists(WORDY, min_size=1, max_size=3), st.sampled_from([4, 10]))
def test_references_take_the_same_first_words_as_the_full_lower_cased_scan(
    texts: list[str], limit: int
) -> None:
    """ASCII text gives its first words without lowering all of it: the same words, cut the same way."""
    tokens = [Token("start", "<p>", "p")]
    for text in texts:
        tokens += [Token("text", text), Token("start", "<b>", "b"), Token("end", "</b>", "b")]
    tokens.append(Token("end", "</p>", "p"))
    paragraph = build_tree(tokens).children[0]
    assert isinstance(paragraph, Node)
    words: list[str] = []
    References(tokens)._first_words(paragraph, words, limit)
    expected: list[str] = []
    for text in texts:
        raw = text[:300]
        expected += [m.group() for m in _WORDS.finditer(html.unescape(raw).lower())]
    assert words == expected[:limit]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(["<p>", "a\n", "\n\n", "<img\nsrc=x>", "</p>", "<!-- \n -->", "b"]), max_size=30
    ),
    st.data(),
)
def test_a_tokens_line_is_its_newlines_counted_whatever_order_lines_are_asked_in(
    pieces: list[str], data: st.DataObject
) -> None:
    """Lines of warnings and file URLs are counted from the last token asked about: the same lines."""
    tokens = tokenize_html("".join(pieces))
    builder = _Builder(tokens, ReadOptions())
    for index in data.draw(st.lists(st.integers(-2, len(tokens) + 1), max_size=8)):
        expected = (
            "".join(token.raw for token in tokens[:index]).count("\n") + 1 if 0 <= index < len(tokens) else 1
        )
        assert builder.line_of(index) == expected


LEADING_TEXT = st.lists(
    st.tuples(
        st.text(alphabet="abZ9_", min_size=1, max_size=16),
        st.sampled_from([" ", " ", ", ", " - ", " -- - ", "\n", ".", "&amp;", "<i>", "</i> ", " é "]),
    ).map("".join),
    max_size=12,
).map("".join)


def _assert_reference_is_the_first_words(text: str, limit: int) -> None:
    """The reference key of ``<p>text</p>`` is the first ``limit`` words the full walk finds."""
    tokens = tokenize_html(f"<p>{text}</p>")
    node = next(child for child in build_tree(tokens).children if isinstance(child, Node))
    words: list[str] = []
    References(tokens)._first_words(node, words, limit)
    if words:
        assert References(tokens)._key(node, limit) == "-".join(words)[: 40 * limit // 4].strip("-")


@settings(max_examples=400, deadline=None)
@given(LEADING_TEXT, st.sampled_from([4, 10]))
def test_reference_words_read_from_a_prefix_are_the_first_words_of_the_text(text: str, limit: int) -> None:
    """References take the first words of an element's leading text from a short prefix of it when
    that holds more words than needed: the same words the full walk over its content finds."""
    _assert_reference_is_the_first_words(text, limit)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
@example("The U.S. 2nd-rate_plan, (again)\x00\x7f\t\x0b\x1c")
def test_references_of_ascii_text_take_the_words_the_full_pattern_finds(text: str) -> None:
    """ASCII words for references are cut by a byte table, not by a pattern: the same words, lowered."""
    assert ascii_words_lowered(text) == _WORDS.findall(text.lower())


NON_ASCII_LEADING = st.lists(
    st.sampled_from(
        [
            "ΟΔΟΣ",
            "Σ",
            "ΑΣ.",
            "ʹ",
            "ʹΒ",
            "İstanbul",
            "STRASSE ß",
            "“Quote”",
            "e\u0301",
            "Ǆ",
            "ﬁ",
            "x_1",
            "9",
            " ",
            ", ",
            ".",
            "'",
            "\n",
            "&amp;",
            "<i>",
            "</i>",
            "a" * 13,
        ]
    ),
    max_size=40,
).map("".join)


@settings(max_examples=600, deadline=None)
@given(NON_ASCII_LEADING, st.sampled_from([4, 10]))
@example("ab" + " " * 14 + "ab" + " " * 14 + "ab" + " " * 10 + "ΑΣ.ʹΒ and more", 4)  # a prefix ends after "ʹ"
def test_references_of_text_in_other_scripts_take_the_first_words_of_the_lower_cased_text(
    text: str, limit: int
) -> None:
    """Non-ASCII text is lowered a prefix at a time for its reference (a final sigma looks past the
    prefix: such text takes the full walk): the same name as the full walk over the element."""
    _assert_reference_is_the_first_words(text, limit)


BLOCK_CONTENT = st.lists(
    st.sampled_from(
        [
            "Rain",
            "fell.",
            " Then",
            " ",
            "\n",
            "\u2003",
            "\xa0",
            "&nbsp;",
            "&#160;",
            "&amp;",
            "&lt;",
            "x;",
            "<b>bold</b>",
            "<b> </b>",
            "<em>&nbsp;</em>",
            '<a href="https://example.com/">example.com</a>',
            "<!-- note -->",
            "<br>",
        ]
    ),
    min_size=1,
    max_size=10,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(BLOCK_CONTENT)
@example("&nbsp;Rain fell.")
@example("Rain fell.&nbsp;")
@example("Rain fell. ")
def test_blocks_with_text_at_both_edges_are_read_as_trimming_them_reads_them(content: str) -> None:
    """A block whose content starts and ends with text (no space, no entity at its edges) is not
    trimmed: the same parts and slots as trimming it gives."""
    from pathlib import Path
    from unittest.mock import patch

    from transpub.formats.html import read_html

    page = f"<body>\n<p>{content}</p>\n<h2 title='t'>{content}</h2>\n</body>"
    quick = read_html(page, Path("a.html"), "utf-8", ReadOptions())
    with patch("transpub.formats.html._text_at_both_edges", return_value=False):
        full = read_html(page, Path("a.html"), "utf-8", ReadOptions())
    assert list(map(repr, quick.parts)) == list(map(repr, full.parts))
