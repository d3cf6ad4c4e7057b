"""The compact phrase matcher finds exactly what the old one-big-regex matcher found.

The old matcher (tests/reference_phrase_matcher.py) compiled every key into one regular expression,
which took hundreds of megabytes and tens of seconds at 100,000 terms (issue 19 item 4). The new one
finds candidate starts with a small regex of first characters and walks the sorted keys; on random
glossaries and texts (Latin in any case, digits, Chinese, Arabic with its clitics, hyphen and
apostrophe look-alikes, white space runs, placeholders) both must give the same hits.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reference_phrase_matcher as old
from transpub.glossary import matcher
from transpub.glossary.matcher import PhraseMatcher

#: Pieces texts and phrases are made of: words that share prefixes, letters next to words, digits,
#: CJK, Arabic words and clitics, hyphens, apostrophes and spaces of several kinds, placeholders.
_PIECES = [
    "Jing",
    "jing",
    "JING",
    "yue",
    "Yue",
    "tan",
    "a",
    "A",
    "b",
    "RMB",
    "rmb",
    "7",
    "70",
    "3.5",
    "净月",
    "净",
    "月潭",
    "区",
    "كتاب",
    "ال",
    "و",
    "ب",
    "لل",
    "ف",
    "-",
    "\u2011",
    "'",
    "\u2019",
    " ",
    "  ",
    "\n",
    ".",
    ",",
    "(",
    "<1>",
    "</1>",
    "<2/>",
    "é",
    "É",
    "ß",
]

#: Arabic proclitics (and look-alikes that are not one) put before phrases in one sample text.
_CLITICS = ["ال", "وال", "بال", "فلل", "وب", "با"]

_text = st.lists(st.sampled_from(_PIECES), max_size=30).map("".join)
_phrase = st.lists(
    st.sampled_from([p for p in _PIECES if not p.startswith("<")]), min_size=1, max_size=4
).map("".join)
_phrases = st.lists(st.tuples(_phrase, st.integers(0, 5), st.booleans()), max_size=12)


def _hits(matcher, text: str) -> list[tuple[int, int, tuple]]:
    return [(hit.start, hit.end, hit.payloads) for hit in matcher.find(text)]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    phrases=_phrases,
    texts=st.lists(_text, min_size=1, max_size=4),
    locale=st.sampled_from([None, "en", "ar", "zh_CN"]),
    pairs=st.booleans(),
    needles=st.booleans(),
)
def test_the_compact_matcher_finds_what_the_old_regex_matcher_found(
    phrases, texts, locale, pairs, needles
) -> None:
    # ``pairs``: the candidate regex spells out two characters (small glossaries), else one;
    # ``needles``: a small glossary's prefixes are searched for plainly where they can be
    with (
        mock.patch.object(matcher, "_MAX_PAIRS", 2000 if pairs else 0),
        mock.patch.object(matcher, "_MAX_NEEDLES", 16 if needles else 0),
    ):
        new = PhraseMatcher(phrases, locale=locale)
    reference = old.PhraseMatcher(phrases, locale=locale)
    assert bool(new) == bool(reference)
    for text in texts:
        # a text made of the phrases themselves, so that most examples have hits
        forms = [form for form, _, _ in phrases]
        clitics = " ".join(clitic + form for clitic in _CLITICS for form in forms)
        for sample in (text, " ".join(forms) + text, "".join(forms) + text, text.join(forms), clitics):
            assert _hits(new, sample) == _hits(reference, sample), sample
            assert new.search(sample) == reference.search(sample), sample


def test_a_phrase_with_several_payloads_keeps_them_in_registration_order() -> None:
    phrases = [("Jingyue", 3, False), ("jingyue", 1, False), ("JINGYUE", 3, False), ("Jingyue", 2, False)]
    assert _hits(PhraseMatcher(phrases), "in Jingyue") == [(3, 10, (3, 1, 2))]
    assert _hits(old.PhraseMatcher(phrases), "in Jingyue") == [(3, 10, (3, 1, 2))]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    phrases=_phrases,
    texts=st.lists(_text, max_size=6),
    locale=st.sampled_from([None, "en", "ar", "zh_CN"]),
)
def test_an_articles_texts_searched_at_once_find_what_each_finds_alone(phrases, texts, locale) -> None:
    # extract looks up the glossary terms of all an article's sentences in one search
    found = PhraseMatcher(phrases, locale=locale)
    forms = [form for form, _, _ in phrases]
    samples = [*texts, *(text.join(forms) for text in texts), " ".join(forms), "".join(forms)]
    for form in forms:  # a phrase cut in two, at the end of one text and the start of the next
        for cut in range(1, len(form)):
            samples.extend([form[:cut], form[cut:], form])
    assert [[(h.start, h.end, h.payloads) for h in hits] for hits in found.find_each(samples)] == [
        _hits(found, sample) for sample in samples
    ]


def test_texts_holding_the_separator_are_searched_one_by_one() -> None:
    found = PhraseMatcher([("lake", 1, False), ("lake\x00side", 2, False)])
    texts = ["the lake", "side lake\x00side", "lake"]
    assert found.find_each(texts) == [found.find(text) for text in texts]
    assert [len(hits) for hits in found.find_each(texts)] == [1, 1, 1]


#: Characters whose lower case is not one for one, or differs alone and in a word: the text lowered
#: as a whole must still put a prefix where the walk reads it.
_CASE_PIECES = ["İ", "i", "I", "Σ", "σ", "ς", "K", "k", "ǅ", "ß", "ﬁ", "x", "X", "1", " ", "\t"]
_small_text = st.lists(st.sampled_from(_PIECES + _CASE_PIECES), max_size=30).map("".join)
_small_phrase = st.lists(
    st.sampled_from([p for p in _PIECES + _CASE_PIECES if not p.startswith("<")]), min_size=1, max_size=3
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    phrases=st.lists(st.tuples(_small_phrase, st.integers(0, 3), st.booleans()), min_size=1, max_size=5),
    texts=st.lists(_small_text, min_size=1, max_size=4),
    locale=st.sampled_from([None, "en", "ar"]),
)
def test_a_small_glossary_finds_by_its_prefixes_what_the_candidate_regex_finds(
    phrases, texts, locale
) -> None:
    # a glossary of a few terms looks for their first two characters with str.find, not with the regex
    fast = PhraseMatcher(phrases, locale=locale)
    with mock.patch.object(matcher, "_MAX_NEEDLES", 0):
        general = PhraseMatcher(phrases, locale=locale)
    assert general._needles is None
    forms = [form for form, _, _ in phrases]
    for text in texts:
        for sample in (text, " ".join(forms) + text, text.join(forms), text.upper().join(forms)):
            assert _hits(fast, sample) == _hits(general, sample), sample
            assert fast.search(sample) == general.search(sample), sample
        assert fast.find_each([text, *forms]) == general.find_each([text, *forms])


def test_a_small_glossary_is_searched_by_its_prefixes() -> None:
    # (what the test above holds to the regex: the news glossary's two terms take the plain search)
    found = PhraseMatcher([("city council", 1, False), ("harbour", 2, False)])
    assert found._needles is not None
    text = "The City Council met at the harbour; that council has a city-council."
    assert _hits(found, text) == [(4, 16, (1,)), (28, 35, (2,))]


def test_a_small_glossary_finds_a_term_written_with_a_kelvin_sign_as_the_regex_does() -> None:
    # "\u212a" (KELVIN SIGN) lowers to "k" alone: the walk reads it as "k" after a term's first letter
    phrases = [("ok", 1, False), ("kilo", 2, False), ("Ok", 3, True)]
    fast = PhraseMatcher(phrases)
    with mock.patch.object(matcher, "_MAX_NEEDLES", 0):
        general = PhraseMatcher(phrases)
    for text in ["o\u212a", "it is O\u212a", "\u212ailo", "OK ok Ok oK", "İok"]:
        assert _hits(fast, text) == _hits(general, text), text
    assert _hits(fast, "o\u212a") == [(0, 2, (1,))]


_ASCII_PIECES = [p for p in _PIECES + _CASE_PIECES if p.isascii()]


_ascii_phrases = st.lists(
    st.tuples(
        st.lists(
            st.sampled_from([p for p in _ASCII_PIECES if not p.startswith("<")]), min_size=1, max_size=3
        ).map("".join),
        st.integers(0, 3),
        st.booleans(),
    ),
    min_size=1,
    max_size=5,
)
#: Pieces of text beyond ASCII as an article holds them: quotation marks, a Kelvin sign (it lowers
#: to "k"), "İ" (it lowers to two characters), final sigmas.
_ANY_PIECES = [*_PIECES, *_CASE_PIECES, "\u212a", "\u201c", "\u201d"]


def _assert_words_find_what_prefixes_find(phrases: list, texts: list[str]) -> None:
    """A small glossary sought by its terms' first words finds in ``texts`` what its prefixes find."""
    words = PhraseMatcher(phrases)
    with mock.patch.object(matcher, "_word_needles", lambda tries: None):
        prefixes = PhraseMatcher(phrases)
    assert prefixes._words is None
    forms = [form for form, _, _ in phrases]
    for text in texts:
        for sample in (text, " ".join(forms) + text, text.join(forms), text.upper().join(forms)):
            assert _hits(words, sample) == _hits(prefixes, sample), sample
        assert words.find_each([text, *forms]) == prefixes.find_each([text, *forms])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    phrases=_ascii_phrases,
    texts=st.lists(
        st.lists(st.sampled_from(_ASCII_PIECES), max_size=30).map("".join), min_size=1, max_size=4
    ),
)
def test_a_small_glossary_finds_in_ascii_text_by_its_first_words_what_its_prefixes_find(
    phrases, texts
) -> None:
    # in ASCII text the terms' first words are sought (in the text lowered, for terms of any case)
    _assert_words_find_what_prefixes_find(phrases, texts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    phrases=_ascii_phrases,
    texts=st.lists(st.lists(st.sampled_from(_ANY_PIECES), max_size=30).map("".join), min_size=1, max_size=4),
)
def test_a_small_glossary_finds_in_text_beyond_ascii_by_its_first_words_what_its_prefixes_find(
    phrases, texts
) -> None:
    # a quotation mark makes an article's text non-ASCII: its terms' first words are sought all the
    # same, in the text lowered (each character in its place, unless one lowers to two: "İ")
    _assert_words_find_what_prefixes_find(phrases, texts)


def test_a_small_glossary_walks_from_its_terms_first_words_in_ascii_text() -> None:
    found = PhraseMatcher([("city council", 1, False), ("harbour", 2, False), ("RMB", 3, True)])
    text = "The City Council met at the harbour; that council has a city-council. Charts in rmb, RMB."
    assert found._needle_starts(text) == [4, 28, 56, 85]
    assert _hits(found, text) == [(4, 16, (1,)), (28, 35, (2,)), (85, 88, (3,))]
