"""What a translator and a reader notice about HTML extraction beyond the golden files."""

from __future__ import annotations

from pathlib import Path

import pytest

from transpub.errors import PlaceholderMismatch
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.html import read_html


def read(source: str, **options) -> object:
    return read_html(source, Path("a.html"), "utf-8", ReadOptions(**options))


def msgids(source: str, **options) -> list[str]:
    return [u.msgid for u in read(source, **options).units()]


def refs(source: str) -> dict[str, tuple[str, ...]]:
    return {u.msgid: u.refs for u in read(source).units("a.html")}


def render_with(source: str, translations: dict[str, str], **options) -> str:
    document = read(source, **options)
    return document.render(lambda slot: Resolution(translations.get(slot.msgid)))


def test_code_is_a_placeholder_unless_code_extraction_is_on() -> None:
    source = "<p>Run <code>make all</code> now.</p>"
    assert msgids(source) == ["Run <1/> now."]
    assert msgids(source, extract_code=True) == ["Run <1>make all</1> now."]


def test_pre_extraction_can_be_turned_off() -> None:
    source = "<pre>  keep\n   this</pre><p>Text.</p>"
    assert msgids(source) == ["keep\n   this", "Text."]
    assert msgids(source, extract_pre=False) == ["Text."]


def test_pre_whitespace_is_untouched_in_translation() -> None:
    source = "<pre>  first line\n\n     second\tline  </pre>"
    out = render_with(source, {"first line\n\n     second\tline": "erste Zeile\n\n     zweite\tZeile"})
    assert out == "<pre>  erste Zeile\n\n     zweite\tZeile  </pre>"


def test_href_never_reaches_the_msgid_and_translation_keeps_the_link() -> None:
    source = '<p>See <a href="https://example.org/r?a=1&amp;b=2" class="x">the report</a> today.</p>'
    assert msgids(source) == ["See <1>the report</1> today."]
    out = render_with(source, {"See <1>the report</1> today.": "Heute <1>den Bericht</1> lesen."})
    assert out == '<p>Heute <a href="https://example.org/r?a=1&amp;b=2" class="x">den Bericht</a> lesen.</p>'


def test_translator_may_reorder_nested_placeholders() -> None:
    source = "<p>A <b>bold <i>italic</i></b> and <em>more</em>.</p>"
    out = render_with(
        source, {"A <1>bold <2>italic</2></1> and <3>more</3>.": "<3>Mehr</3> und <1><2>kursiv</2> fett</1>."}
    )
    assert out == "<p><em>Mehr</em> und <b><i>kursiv</i> fett</b>.</p>"


def test_translation_that_breaks_a_placeholder_is_refused() -> None:
    source = "<p>See <a href='x'>this</a>.</p>"
    with pytest.raises(PlaceholderMismatch):
        render_with(source, {"See <1>this</1>.": "Siehe dies</1>."})


def test_translated_text_is_escaped_so_it_cannot_inject_markup() -> None:
    out = render_with("<p>Hello.</p>", {"Hello.": "<script>alert(1)</script> & co"})
    assert out == "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>"


def test_translated_attribute_is_escaped_in_the_sources_quotes_and_other_attributes_kept() -> None:
    source = "<img src='a.png' alt='A cat' width=3>"
    out = render_with(source, {"A cat": "Eine \"Katze\" & ein 'Hund' <b>"})
    assert out == "<img src='a.png' alt='Eine \"Katze\" &amp; ein &#39;Hund&#39; &lt;b&gt;' width=3>"
    assert render_with('<img alt="A cat">', {"A cat": 'Un "gato"'}) == '<img alt="Un &quot;gato&quot;">'


def test_an_attribute_keeps_the_spaces_at_its_edges_and_its_references() -> None:
    # 18 of 65 real pages changed in attributes only: title=" Buzz", alt="… Page ", do&nbsp;Brasil, You&#39;re
    source = '<a title=" Home&nbsp;page " href="/">x</a><img alt="You&#39;re -> here">'
    assert render_with(source, {}) == source
    assert render_with(
        source, {"Home\xa0page": "Página\xa0inicial", "You're -> here": "Estás -> <aquí>"}
    ) == ('<a title=" Página&nbsp;inicial " href="/">x</a><img alt="Estás -> &lt;aquí>">')
    # references of letters (an address hidden from robots) and of ";" stay, the rest is escaped once
    hidden = "<p>Write to &#106;&#97;&#109;&#112;@example.org today&#59;</p>"
    assert render_with(hidden, {"Write to jamp@example.org today;": "Tom & Jerry <b>;"}) == (
        "<p>To&#109; &amp; Jerry &lt;b&gt;&#59;</p>"
    )


def test_nbsp_entity_stays_a_no_break_space_written_as_the_source_writes_it() -> None:
    source = "<p>5&nbsp;km to go &mdash; or &#8220;run&#8221;.</p>"
    document = read(source)
    assert document.render() == source
    out = document.render(lambda slot: Resolution(slot.msgid.replace("go", "walk")))
    assert out == "<p>5&nbsp;km to walk &mdash; or &#8220;run&#8221;.</p>"
    # a translation's own characters are written as the source writes them too; others as they are
    out = document.render(lambda slot: Resolution("8\u00a0km — «zu Fuß» & mehr."))
    assert out == "<p>8&nbsp;km &mdash; «zu Fuß» &amp; mehr.</p>"


def test_sentences_are_separate_units_and_their_spacing_is_kept() -> None:
    source = "<p>First one.  Second\n one.</p>"
    assert msgids(source) == ["First one.", "Second one."]
    assert (
        render_with(source, {"First one.": "Erster.", "Second one.": "Zweiter."})
        == "<p>Erster.  Zweiter.</p>"
    )


def test_paragraph_segmentation_keeps_the_paragraph_whole() -> None:
    source = "<p>First one. Second one.</p>"
    assert msgids(source, segmentation="paragraph") == ["First one. Second one."]


def test_sentence_boundary_never_splits_a_tag_pair() -> None:
    for source in (
        "<p>Start <a href=x>one. Two.</a> End.</p>",
        "<p><b>One. Two.</b> Three. <i>Four. Five.</i></p>",
    ):
        for msgid in msgids(source):
            assert msgid.count("<1>") == msgid.count("</1>")
            assert msgid.count("<2>") == msgid.count("</2>")


def test_translate_yes_re_enables_inside_translate_no() -> None:
    source = '<div translate="no"><p>Brand.</p><p translate="yes">Text <span>in <b translate="no">X</b></span>.</p></div>'
    assert msgids(source) == ["Text <1>in <2/></1>."]


def test_translate_yes_on_an_inline_element_inside_translate_no_is_for_translation() -> None:
    assert msgids('<div translate="no"><p>Brand <em translate="yes">Deep yes.</em></p></div>') == [
        "Deep yes."
    ]
    assert msgids('<p translate="no">No <span translate="">x and y</span> end</p>') == ["x and y"]
    assert msgids('<p translate="no">No <span translate>bare</span> end</p>') == ["bare"]


def test_inserting_an_unrelated_paragraph_elsewhere_keeps_other_refs() -> None:
    before = (
        '<body><section id="news"><p>Alpha.</p><p>Beta.</p></section>'
        "<section><h2>Gamma.</h2><ul><li>Delta.</li></ul></section></body>"
    )
    after = before.replace("<section><h2>", "<section><p>New intro.</p><h2>")
    old, new = refs(before), refs(after)
    assert new.pop("New intro.")
    assert new == old


def test_element_with_id_is_referenced_by_its_id() -> None:
    assert refs('<body><div><p id="lede">Lede.</p></div></body>')["Lede."] == ("a.html#lede",)


def test_same_text_twice_is_one_unit_with_two_refs() -> None:
    units = read("<body><h2>More.</h2><p>More.</p></body>").units("a.html")
    assert [(u.msgid, u.refs) for u in units] == [("More.", ("a.html#body/h2(more)", "a.html#body/p(more)"))]


def test_references_survive_paragraphs_inserted_before_them_in_the_same_parent() -> None:
    before = '<body><article id="story"><p>Alpha is first.</p><div><p>Beta <b>is</b> second.</p></div></article></body>'
    after = before.replace("<p>Alpha", "<p>A new lede.</p><p>Alpha").replace("<div>", "<div><p>New.</p>")
    old, new = refs(before), refs(after)
    assert old == {
        "Alpha is first.": ("a.html#story/p(alpha-is-first)",),
        "Beta <1>is</1> second.": ("a.html#story/p(beta-is-second)",),
    }
    assert {msgid: new[msgid] for msgid in old} == old


def test_elements_without_text_are_named_by_what_they_are_never_by_a_url() -> None:
    source = (
        '<head><meta name="description" content="A story."></head>'
        '<body><img src="https://cdn.example/a.png" alt="A skier"><img src="b.png" alt="A skier"></body>'
    )
    assert refs(source) == {
        "A story.": ("a.html#head/meta(description)@content",),
        "A skier": ("a.html#body/img(a-skier)@alt", "a.html#body/img(a-skier)~2@alt"),
    }


def test_its_loc_note_applies_to_descendants() -> None:
    units = read('<section its-loc-note="Box about weather"><h2>Sun.</h2><p>Rain.</p></section>').units()
    assert all(u.notes == ("Box about weather",) for u in units)


def test_template_script_style_and_comments_are_not_units() -> None:
    source = (
        "<template><p>T.</p></template><script>a='<p>S.</p>'</script><style>p{}</style>"
        "<!-- <p>C.</p> --><noscript><p>Enable scripts.</p></noscript><p>Body.</p>"
    )
    assert "T." not in msgids(source) and "S." not in msgids(source) and "C." not in msgids(source)
    assert "Body." in msgids(source)


def test_script_with_escaped_inner_script_ends_where_browsers_end_it() -> None:
    source = '<script><!-- <script src="a.js"></script> --></script><p>After.</p>'
    assert msgids(source) == ["After."]
    assert read(source).render() == source


def test_stray_end_tag_is_invisible_to_translators_and_kept_in_the_source() -> None:
    source = "<p>One stray</span> tag.</p></div><p>Two.</p>"
    document = read(source)
    assert [u.msgid for u in document.units()] == ["One stray tag.", "Two."]
    assert document.render() == source


def test_segmentation_meta_tag_overrides_the_option() -> None:
    source = '<meta name="transpub:segmentation" content="paragraph"><p>One. Two.</p>'
    assert msgids(source) == ["One. Two."]


def test_paragraph_note_reads_like_the_paragraph_with_code_dates_and_line_breaks() -> None:
    source = (
        '<p>Read <a href="r.html">the full report</a><br>now. It was on '
        '<time datetime="2018-01-04">January 4</time>. Call <code>run()</code> and see.</p>'
    )
    units = read(source).units()
    assert units[0].notes == (
        "Paragraph: Read the full report now. It was on January 4. Call run() and see.",
    )


def test_placeholder_legend_says_what_a_standalone_element_shows() -> None:
    units = read(
        '<p>Call <code>run()</code> on <time datetime="2018-01-04">January 4, 2018</time>.</p>'
    ).units()
    legends = [p.legend() for p in units[0].placeholders]
    assert legends == [
        '<1/> = code (code) "run()"',
        '<2/> = date/time (time) "January 4, 2018", written in your language\'s date format',
    ]


def test_placeholder_legend_names_an_image_in_a_sentence_by_its_alt_text() -> None:
    # the translator of "Click <1/> to open" never sees the page: which icon is <1/>?
    units = read(
        '<p>Click <img src="gear.png" alt="the gear  &amp; cog icon"> to open, <img src="a.png" alt="→"> '
        'then <img src="spacer.gif" alt=""> done.</p>'
    ).units()
    legends = [p.legend() for p in units[0].placeholders]
    assert legends == [
        '<1/> = image (img) "the gear & cog icon"',
        '<2/> = image (img) "→"',
        "<3/> = image (img)",
    ]


def test_placeholder_legend_tells_what_an_abbreviation_in_a_sentence_stands_for() -> None:
    # "<1>WHO</1> said so.": OMS in French, WHO in German; the translator needs its title to choose
    for source in (
        '<p><abbr title="World  Health Organization">WHO</abbr> said so.</p>',
        '<p>The <abbr title="World Health Organization">WHO</abbr> said <b>so</b>.</p>',
    ):
        legends = [p.legend() for p in read(source).units()[0].placeholders]
        assert legends[0] == '<1>…</1> = abbreviation (abbr) "World Health Organization"'
        assert render_with(source, {}) == source


def test_placeholder_legend_names_a_form_field_in_a_sentence_by_its_type() -> None:
    # "<1> <2/>HTML</1>": a translator who reads "form field" cannot tell a choice from a text box
    units = read(
        '<p>Send as <label><input type="RADIO" name="f"> HTML</label>, <input type="checkbox"> keep a copy, '
        'reply to <input name="to"> or <input type="search"> <input type="submit" value="Go"> now.</p>'
    ).units()
    legends = [p.legend() for u in units for p in u.placeholders]
    assert legends == [
        "<1>…</1> = label (label)",
        "<2/> = radio button (input)",
        "<3/> = checkbox (input)",
        "<4/> = text field (input)",
        "<5/> = search field (input)",
        "<6/> = button (input)",
    ]


def test_a_line_break_after_a_full_stop_ends_the_sentence_and_stays_between_the_two() -> None:
    source = "<p>Read now.<br>Second line. Line one<br>line two.</p>"
    assert msgids(source) == ["Read now.", "Second line.", "Line one<1/>line two."]
    document = read(source)
    assert (
        document.render(lambda slot: Resolution("译" + slot.msgid), join_sentences=True)
        == "<p>译Read now.<br>译Second line.译Line one<br>line two.</p>"
    )


def test_an_inline_script_or_comment_does_not_cut_a_sentence_in_two() -> None:
    assert msgids("<p>Call <script>track()</script> us now.</p>") == ["Call <1/> us now."]
    legends = [p.legend() for u in read("<p>A <!-- note --> b.</p>").units() for p in u.placeholders]
    assert legends == ["<1/> = HTML comment (comment)"]


def test_a_meta_tag_that_is_also_a_pragma_is_not_offered_for_translation() -> None:
    # http-equiv is acted on whatever name the tag has: a translation "0;url=https://evil.example"
    # of this content would send every reader of the page elsewhere
    source = (
        '<head><meta name="description" http-equiv="refresh" content="Harbour news">'
        '<meta property="og:title" http-equiv="Set-Cookie" content="Harbour news today">'
        '<meta name="description" content="A story."></head><p>Text.</p>'
    )
    assert msgids(source) == ["A story.", "Text."]
    evil = "0;url=https://evil.example"
    page = render_with(
        source, {"Harbour news": evil, "Harbour news today": evil, "A story.": "Eine Geschichte."}
    )
    assert evil not in page and 'content="Eine Geschichte."' in page


def test_code_and_keys_at_a_sentences_edge_stay_in_the_unit() -> None:
    """``<code>``, ``<kbd>``, ``<samp>`` and ``<var>`` are words of their sentence: at its start or end
    they stay in the unit (it was ``'s variants are <1/> and``), where a translator can move them."""
    page = (
        "<html><body><p><code>Option</code>'s variants are <code>Some</code> and <code>None</code></p>"
        "<p><code>--verbose</code></p></body></html>"
    )
    assert msgids(page) == ["<1/>'s variants are <2/> and <3/>"]
    german = render_with(
        page, {"<1/>'s variants are <2/> and <3/>": "<2/> und <3/> sind die Varianten von <1/>"}
    )
    assert (
        "<p><code>Some</code> und <code>None</code> sind die Varianten von <code>Option</code></p>" in german
    )
    assert "<p><code>--verbose</code></p>" in german
