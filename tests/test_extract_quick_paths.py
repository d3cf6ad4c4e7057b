"""Extract's quick paths beyond reading give what the general ones give (the glossary's plain text
of a msgid; the catalogs' texts are held to theirs in tests/catalog)."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from transpub.inline import strip_placeholders, tokenize, unescape_lookalikes

MARKUP = st.lists(
    st.sampled_from(
        [
            *"ab <>/&;0123 ",
            "<1>",
            "</1>",
            "<2/>",
            "</3/>",
            "<12345>",
            "&lt;",
            "&amp;",
            "lt;",
            "<<",
            "</",
            "/>",
        ]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=1500, deadline=None)
@given(MARKUP)
@example("Read <1>the report</1><2/> &lt;3>.")
@example("</1/>2> <1/1> <</1>>")
def test_the_plain_text_a_glossary_searches_is_the_text_between_placeholders(msgid: str) -> None:
    """Placeholders vanish and escaped look-alikes read as written: as the msgid's tokens say."""
    tokens = "".join(token.value for token in tokenize(msgid) if token.kind == "text")
    assert strip_placeholders(msgid) == unescape_lookalikes(tokens)
