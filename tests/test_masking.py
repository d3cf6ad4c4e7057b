"""Placeholders and glossary terms survive machine translation, or the reply is rejected."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from transpub.errors import PlaceholderMismatch
from transpub.masking import mask, needs_translation, unmask


@pytest.mark.parametrize("style", ["token", "word", "xml"])
def test_text_inside_a_paired_placeholder_is_sent_for_translation(style):
    masked = mask("Read <1>the manual</1> first.", style)
    assert "the manual" in masked.text
    assert "<1>" not in masked.text


def test_reordered_placeholders_are_accepted():
    masked = mask("<1>Red</1> and <2>blue</2>.", "token")
    assert unmask(masked, "@@P2@@Azul@@P2E@@ y @@P1@@rojo@@P1E@@.") == "<2>Azul</2> y <1>rojo</1>."


@pytest.mark.parametrize(
    "reply, reason",
    [
        ("Pulsa aquí.", "<1> missing"),
        ("Pulsa @@P1@@aquí@@P1E@@ @@P1@@otra@@P1E@@.", "twice"),
        ("Pulsa @@P1E@@aquí@@P1@@.", "closes nothing"),
        ("Pulsa @@P1@@aquí.", "never closed"),
        ("Pulsa @@P1@@aquí@@P1E@@ @@S3@@.", "<3> added"),
    ],
)
def test_broken_placeholders_are_rejected(reply, reason):
    masked = mask("Click <1>here</1>.", "token")
    with pytest.raises(PlaceholderMismatch, match=reason):
        unmask(masked, reply)


def test_changed_nesting_is_rejected():
    masked = mask("<1>Go <2>now</2></1>", "token")
    with pytest.raises(PlaceholderMismatch, match="nesting"):
        unmask(masked, "@@P1@@Ve@@P1E@@ @@P2@@ya@@P2E@@")


def test_xml_engines_get_escaped_text_and_tags_back():
    masked = mask("R&D <1>a < b</1> <2/>", "xml")
    assert masked.text == "R&amp;D <x1>a &lt; b</x1> <x2/>"
    assert unmask(masked, "I+D &amp; co <x1>a &lt; b</x1> <x2></x2>") == "I+D & co <1>a < b</1> <2/>"


def test_glossary_term_is_replaced_by_the_required_target_term():
    text = "Open the Dashboard now."
    masked = mask(text, "token", [(9, 18, "Panel de control")])
    assert "Dashboard" not in masked.text
    assert unmask(masked, "Abre el @@G1@@ ahora.") == "Abre el Panel de control ahora."


def test_lost_glossary_term_is_rejected():
    masked = mask("Open the Dashboard.", "xml", [(9, 18, "Panel")])
    with pytest.raises(PlaceholderMismatch, match="glossary"):
        unmask(masked, "Abre el tablero.")


def test_surrounding_whitespace_is_kept_and_dropped_final_colon_restored():
    masked = mask("  Note: \n", "token")
    assert masked.text == "Note:"
    assert unmask(masked, "Nota") == "  Nota: \n"


def test_empty_reply_is_rejected_not_used():
    with pytest.raises(PlaceholderMismatch, match="empty"):
        unmask(mask("Hello", "token"), "  ")


def test_numbers_and_placeholders_alone_need_no_translation():
    assert not needs_translation("<1/> 42 %")
    assert needs_translation("<1>Hi</1>")


words = st.text(alphabet="abcdefg ", min_size=1, max_size=8)


@given(
    st.lists(st.tuples(words, st.booleans()), min_size=1, max_size=5),
    st.sampled_from(["token", "word", "xml"]),
)
def test_an_engine_that_changes_nothing_gets_the_source_back(parts, style):
    source = "".join(f"<{i}>{w}</{i}>" if paired else f"{w}<{i}/>" for i, (w, paired) in enumerate(parts, 1))
    source = source.strip() or "x"
    masked = mask(source, style)
    assert unmask(masked, masked.text).strip() == source.strip()


@pytest.mark.parametrize(
    "source, reply, expected",
    [
        ("Loading...", "Cargando.", "Cargando..."),
        ("Loading…", "Cargando.", "Cargando…"),
        ("Loading...", "Cargando", "Cargando..."),
        ("Loading...", "加载中", "加载中……"),
    ],
)
def test_an_ellipsis_the_engine_shortened_comes_back(source, reply, expected):
    assert unmask(mask(source, "token"), reply) == expected


@pytest.mark.parametrize(
    "source, reply, expected",
    [
        ("Price (in RMB)", "Precio (en RMB", "Precio (en RMB)"),
        ("Prices are in RMB (yuan).", "Los precios están en RMB (yuan.", "Los precios están en RMB (yuan)."),
        ("Prices are in RMB (yuan).", "Los precios están en RMB (yuan)", "Los precios están en RMB (yuan)."),
        ("Price (in RMB)", "价格（人民币", "价格（人民币）"),
        ("He said “yes”", "Dijo “sí", "Dijo “sí”"),
        ('He said "yes."', 'Dijo "sí.', 'Dijo "sí."'),
        ("See <1>the list (below)</1>", "Ver @@P1@@la lista (abajo@@P1E@@", "Ver <1>la lista (abajo)</1>"),
    ],
)
def test_a_closing_bracket_or_quote_the_engine_dropped_is_put_back(source, reply, expected):
    assert unmask(mask(source, "token"), reply) == expected


def test_final_punctuation_inside_the_last_placeholder_is_put_back_there():
    assert unmask(mask("<1>Click here.</1>", "token"), "@@P1@@Pulsa aquí@@P1E@@") == "<1>Pulsa aquí.</1>"
    assert unmask(mask("Click <1>here</1>.", "token"), "Pulsa @@P1@@aquí@@P1E@@") == "Pulsa <1>aquí</1>."


def test_brackets_the_translation_never_opened_are_not_invented():
    assert unmask(mask("Options a) and b)", "token"), "Opciones a) y b") == "Opciones a) y b"


def test_double_spaces_the_source_did_not_have_are_collapsed():
    assert unmask(mask("Besides, there is more.", "token"), "Además,  hay  más.") == "Además, hay más."
    assert unmask(mask("Two  spaces  kept.", "token"), "Dos  espacios.") == "Dos  espacios."


def test_tags_an_engine_nests_inside_tags_are_removed_and_a_reply_nesting_them_too_deep_is_rejected():
    masked = mask("Hello <1>world</1>.", "token")
    assert unmask(masked, "Hola <1>mundo</1>.<scr<scr<b>ipt>ipt>") == "Hola <1>mundo</1>."
    with pytest.raises(PlaceholderMismatch, match="tags inside tags"):
        unmask(masked, "Hola <1>mundo</1>." + "<a" * 40 + ">" * 40)


@pytest.mark.parametrize("style", ["token", "word"])
@pytest.mark.parametrize(
    "source",
    [
        "Type @@P1@@ here <1/>",
        "Type @@Px1@@ or @@Px1E@@ here <1/>",
        "Write @@Sx1@@, @@Gx1@@ and @@ G1 @@ <1>now</1>",
        "Glued @@P1<1/>@@ and x@@Sx<2/>1@@",
        "Many @@@@ signs @@@ <1/>",
    ],
)
def test_text_written_like_a_masking_token_is_never_read_as_a_placeholder(source, style):
    masked = mask(source, style)
    assert unmask(masked, masked.text) == source


def test_apertium_tokens_are_words_with_an_x_before_the_number():
    masked = mask("Click <1>here</1> for <2/> Foo.", "word", [(27, 30, "Fu")])
    assert masked.text == "Click @@Px1@@here@@Px1E@@ for @@Sx2@@ @@Gx1@@."
    assert (
        unmask(masked, "Pulsa @@Px1@@aquí@@Px1E@@ para @@Sx2@@ @@Gx1@@.") == "Pulsa <1>aquí</1> para <2/> Fu."
    )


token_like = st.lists(
    st.sampled_from(["@", "@@", "P", "Px", "S", "G", "E", "1", "2", " ", "a", "<n/>"]), max_size=12
)


@given(token_like, st.sampled_from(["token", "word"]))
def test_text_of_at_signs_letters_and_digits_comes_back_from_an_engine_that_changes_nothing(parts, style):
    # each "<n/>" a placeholder of its own (<1/>, <2/>, …): text and tokens glued every way
    numbered = [f"<{i}/>" if part == "<n/>" else part for i, part in enumerate(parts, 1)]
    source = "a" + "".join(numbered) + "<99/>"
    masked = mask(source, style)
    assert unmask(masked, masked.text) == source
