"""An element's reference is named by its first words: read from the start of its first text when
that says enough, else from its whole text in document order, as the general walk reads them."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from transpub.formats.html_tokens import tokenize_html
from transpub.formats.html_tree import _REF_CHARS, _REF_WORDS, Node, References, build_tree


def key_by_the_walk(references: References, node: Node, limit: int) -> str:
    """The key from the element's text read in document order (its attributes when it has none)."""
    words: list[str] = []
    references._first_words(node, words, limit)
    if words:
        return "-".join(words)[: _REF_CHARS * limit // _REF_WORDS].strip("-")
    return references._key(Node(node.tag, node.start, node.parent, node.attrs, [], node.end), limit)


PIECES = st.sampled_from(
    [
        "The",
        " council",
        " met ",
        "on Monday",
        ", ",
        "Tomás",
        " Σίσυφος ",
        "&amp;",
        " a&nbsp;b ",
        "<em>",
        "</em>",
        "<a href='x'>",
        "</a>",
        "<br>",
        "<script>var x</script>",
        " 2nd-rate_plan (again) ",
        "x" * 50,
        "   ",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=12).map("".join), st.sampled_from([4, 10]))
def test_an_element_is_named_by_its_first_words_as_the_walk_reads_them(content: str, limit: int) -> None:
    tokens = tokenize_html(f'<p title="A title here">{content}</p>')
    paragraph = build_tree(tokens).children[0]
    assert isinstance(paragraph, Node)
    references = References(tokens)
    assert references._key(paragraph, limit) == key_by_the_walk(References(tokens), paragraph, limit)
