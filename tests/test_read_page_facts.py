"""What a page says of itself (its title, when it was published, whether it sets its own base URL)
is found in one pass over its tokens: the first tag of each kind says its fact, whatever tags of
the other kinds come before it, as when each kind is looked at on its own."""

from __future__ import annotations

import html as htmllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from transpub.formats import ReadOptions
from transpub.formats.html import _DATED, _page_facts, read_html
from transpub.formats.html_tokens import Token, tokenize_html
from transpub.formats.runs import collapse_space


def facts_kind_by_kind(tokens: list[Token]) -> tuple[str | None, str | None, bool]:
    """Each kind of tag looked for on its own, first of each kind (what the reader did before)."""
    title: str | None = None
    dates: dict[str, str] = {}
    has_base = False
    for kind in ("meta", "time", "base", "title"):
        for index, token in enumerate(tokens):
            if token.tag != kind or token.kind not in ("start", "startend"):
                continue
            attrs = token.attrs
            if kind == "meta":
                key = (attrs.get("name") or attrs.get("property") or "").lower()
                if key in ("date", "article:published_time") and attrs.get("content"):
                    dates.setdefault(key, attrs["content"] or "")
            elif kind == "time":
                if attrs.get("datetime"):
                    dates.setdefault("time", attrs["datetime"] or "")
            elif kind == "base":
                has_base = has_base or bool(attrs.get("href"))
            elif title is None and index + 1 < len(tokens):
                following = tokens[index + 1]
                title = (
                    collapse_space(htmllib.unescape(following.raw)) if following.kind == "text" else ""
                ) or ""
    published = next(
        (
            dates[k].strip()
            for k in ("date", "article:published_time", "time")
            if _DATED.match(dates.get(k, ""))
        ),
        None,
    )
    return title or None, published, has_base


TAGS = st.sampled_from(
    [
        "<title>Rain &amp; wind</title>",
        "<title>  Second  title </title>",
        "<title></title>",
        '<meta name="date" content="2024-01-02">',
        '<meta name="DATE" content="not a date">',
        '<meta property="article:published_time" content="2023-05-06T10:00">',
        '<meta name="description" content="2020-01-01">',
        '<meta name="transpub:segmentation" content="paragraph">',
        '<time datetime="2022-03-04">March 4</time>',
        '<time datetime="">no date</time>',
        "<time>no datetime</time>",
        '<base href="https://example.org/">',
        '<base target="_blank">',
        "<p>Text</p>",
        "</meta>",
        "</title>",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(TAGS, max_size=12).map("".join))
def test_the_first_tag_of_each_kind_says_its_fact_whatever_comes_before(page: str) -> None:
    tokens = tokenize_html(page)
    facts = _page_facts(tokens)
    assert (facts.title, facts.published, facts.has_base) == facts_kind_by_kind(tokens)
    document = read_html(page, Path("a.html"), "utf-8", ReadOptions())
    assert (document.title, document.published, document.has_base) == facts_kind_by_kind(tokens)


def test_a_page_says_its_title_date_and_base_once_each() -> None:
    page = (
        '<time datetime="2022-03-04">March 4</time><title>First</title><base href="/x/">'
        '<meta name="date" content="2024-01-02"><title>Second</title><time datetime="2021-01-01">x</time>'
    )
    document = read_html(page, Path("a.html"), "utf-8", ReadOptions())
    assert (document.title, document.published, document.has_base) == ("First", "2024-01-02", True)


def test_only_a_meta_tag_asks_for_the_articles_own_segmentation() -> None:
    sentences = "<p>One sentence here. Another one there.</p>"
    asked = read_html(
        '<title>T</title><meta name="transpub:segmentation" content="paragraph">' + sentences,
        Path("a.html"),
        "utf-8",
        ReadOptions(),
    )
    not_asked = read_html(
        '<title>T</title><time name="transpub:segmentation" content="paragraph"></time>' + sentences,
        Path("a.html"),
        "utf-8",
        ReadOptions(),
    )
    assert [unit.msgid for unit in asked.units()][-1] == "One sentence here. Another one there."
    assert [unit.msgid for unit in not_asked.units()][-2:] == ["One sentence here.", "Another one there."]
