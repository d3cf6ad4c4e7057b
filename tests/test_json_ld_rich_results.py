"""A page's FAQ, HowTo and breadcrumb structured data (schema.org JSON-LD), which search engines
want the same as the page's visible text: each question, answer, step and breadcrumb name is the
entry of the visible text it repeats, and the localized page's JSON-LD says what its text says.
"""

from __future__ import annotations

import json
from pathlib import Path

from test_compile_helpers import compile_lib, make_project, page
from test_html_json_ld import ARTICLE, BLOCK, json_ld_of, pseudo_compiled_json_ld, read, translated, unmarked
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution

QUESTION = "When does the ferry leave?"
ANSWER = "The first ferry leaves at six & the last at ten."
MARKUP_QUESTION = "Can I bring a bike?"
#: The FAQ as JSON-LD: the answer written over two lines and with an entity, as its HTML would be; the
#: second answer holds markup.
FAQ = """{"@context": "https://schema.org", "@type": "FAQPage", "mainEntity": [
  {"@type": "Question", "name": "When does the ferry leave?", "acceptedAnswer": {"@type": "Answer",
   "text": "The first ferry leaves at six &amp;\\n  the last at ten.", "url": "https://example.com/faq#ferry"}},
  {"@type": "Question", "name": "Can I bring a bike?",
   "acceptedAnswer": {"@type": "Answer", "text": "Yes, <a href=\\"/bikes\\">see bikes</a>."}}]}"""
FAQ_PAGE = f"""<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Ferry questions</title>
  <script type="application/ld+json">
{FAQ}
  </script>
</head>
<body>
<h2>When does the ferry leave?</h2>
<p>The first ferry leaves at six &amp;
  the last at ten.</p>
<h2>Can I bring a bike?</h2>
<p>Yes, <a href="/bikes">see bikes</a>.</p>
</body>
</html>
"""
GERMAN = {
    QUESTION: "Wann fährt die Fähre?",
    ANSWER: "Die erste Fähre fährt um sechs & die letzte um zehn.",
    MARKUP_QUESTION: "Darf ich ein Fahrrad mitnehmen?",
    "Ferry questions": "Fragen zur Fähre",
    "Yes, <1>see bikes</1>.": "Ja, <1>siehe Fahrräder</1>.",
}


def pseudo(document) -> str:
    """The document pseudo-translated (every translation ``⟦msgid⟧``), its marks removed."""
    written = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    return written.replace("⟦", "").replace("⟧", "")


def test_each_faq_question_and_answer_is_one_entry_with_the_visible_text_it_repeats() -> None:
    refs = {unit.msgid: unit.refs for unit in read(FAQ_PAGE).units()}
    assert refs[QUESTION] == ("head/script(ld+json)@mainEntity.name", "body/h2(when-does-the-ferry)")
    assert refs[ANSWER] == (
        "head/script(ld+json)@mainEntity.acceptedAnswer.text",
        "body/p(the-first-ferry-leaves)",
    )


def test_an_faq_answer_holding_markup_is_kept_as_written_and_its_question_is_still_offered() -> None:
    refs = {unit.msgid: unit.refs for unit in read(FAQ_PAGE).units()}
    assert refs["Yes, <1>see bikes</1>."] == ("body/p(yes-see-bikes)",)
    assert not [msgid for msgid in refs if "href" in msgid]
    assert "head/script(ld+json)@mainEntity.name" in refs[MARKUP_QUESTION]


def test_a_compiled_faq_page_s_json_ld_says_what_its_visible_questions_and_answers_say(
    tmp_path: Path,
) -> None:
    root = make_project(tmp_path / "faq", {"de": GERMAN}, article=FAQ_PAGE)
    assert not compile_lib(root, ["de"]).errors
    german = page(root, "de")
    [faq] = [json.loads(text) for text in json_ld_of(german)]
    first, second = faq["mainEntity"]
    assert (first["name"], first["acceptedAnswer"]["text"]) == (
        GERMAN[QUESTION],
        "Die erste Fähre fährt um sechs &amp; die letzte um zehn.",
    )
    assert (second["name"], second["acceptedAnswer"]["text"]) == (
        GERMAN[MARKUP_QUESTION],
        'Yes, <a href="/bikes">see bikes</a>.',
    )
    assert first["acceptedAnswer"]["url"] == "https://example.com/faq#ferry"
    assert "Wann fährt die Fähre?</h2>" in german and "Die erste Fähre fährt um sechs &amp; die" in german


def test_a_pseudo_translated_faq_page_s_json_ld_is_the_source_s_its_answer_s_line_break_and_entity_as_written() -> (
    None
):
    assert json_ld_of(pseudo(read(FAQ_PAGE))) == json_ld_of(FAQ_PAGE)


def test_a_hostile_faq_answer_cannot_end_the_script_nor_add_markup_to_the_answer() -> None:
    hostile = 'Um sechs </script><script>alert(1)</script> <b>fett</b> <a href="//x">x</a> "q" \\'
    written = translated(FAQ_PAGE, {ANSWER: hostile})
    [script] = json_ld_of(written)
    answer = json.loads(script)["mainEntity"][0]["acceptedAnswer"]["text"]
    assert answer == (
        "Um sechs &lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt; &lt;b&gt;fett&lt;/b&gt;"
        ' &lt;a href="//x"&gt;x&lt;/a&gt; "q" \\'
    )
    assert "<script>alert" not in written


def test_a_translation_that_keeps_the_source_s_answer_writes_it_as_the_source_does() -> None:
    written = translated(FAQ_PAGE, {ANSWER: f"«{ANSWER}»"})
    assert '"text": "«The first ferry leaves at six &amp;\\n  the last at ten.»"' in written


def test_an_faq_page_s_name_and_a_question_s_long_form_are_units_and_one_holding_markup_is_not() -> None:
    source = (
        '<script type="application/ld+json">{"@type": "FAQPage", "name": "Ferry questions", "mainEntity": ['
        '{"@type": "Question", "name": "Bikes?", "text": "Can I bring a bike on the ferry?"},'
        '{"@type": "Question", "name": "Dogs?", "text": "Can I bring <em>my dog</em>?"}]}</script>'
    )
    refs = {unit.msgid: unit.refs for unit in read(source).units()}
    assert refs["Ferry questions"] == ("script(ld+json)@name",)
    assert refs["Can I bring a bike on the ferry?"] == ("script(ld+json)@mainEntity.text",)
    assert sorted(refs) == ["Bikes?", "Can I bring a bike on the ferry?", "Dogs?", "Ferry questions"]
    assert pseudo(read(source)) == source


#: A HowTo, its section and steps (one of them in directions) and tip, and a breadcrumb; a product
#: carousel's ListItem is no breadcrumb (its name is a product's).
HOWTO = """{"@context": "https://schema.org", "@graph": [
 {"@type": "HowTo", "name": "Board the ferry", "step": [
   {"@type": "HowToSection", "name": "At the port", "itemListElement": [
     {"@type": "HowToStep", "name": "Buy a ticket", "text": "Buy a ticket   at the desk.",
      "url": "https://example.com/howto#ticket"},
     {"@type": "HowToStep", "itemListElement": [
       {"@type": "HowToDirection", "text": "Show the ticket at the gate."}]},
     {"@type": "HowToTip", "text": "Bring cash."}]}]},
 {"@type": "BreadcrumbList", "itemListElement": [
   {"@type": "ListItem", "position": 1, "name": "Guides", "item": "https://example.com/guides"}]},
 {"@type": "ItemList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": "Ferry Pass X2"}]}]}"""


def test_a_howto_s_names_steps_directions_and_tips_and_a_breadcrumb_s_names_are_units_and_a_product_list_s_not() -> (
    None
):
    source = f'<script type="application/ld+json">{HOWTO}</script><p>Buy a ticket at the desk.</p>'
    units = {unit.msgid: unit.refs for unit in read(source).units()}
    assert sorted(units) == sorted(
        [
            "Board the ferry",
            "At the port",
            "Buy a ticket",
            "Buy a ticket at the desk.",
            "Show the ticket at the gate.",
            "Bring cash.",
            "Guides",
        ]
    )
    assert units["Buy a ticket at the desk."] == (
        "script(ld+json)@@graph.step.itemListElement.text",
        "p(buy-a-ticket-at)",
    )
    assert units["Guides"] == ("script(ld+json)@@graph.itemListElement.name",)
    assert pseudo(read(source)) == source


def test_a_compiled_howto_page_s_json_ld_is_translated_and_else_the_source_s(tmp_path: Path) -> None:
    article = ARTICLE.replace(BLOCK, HOWTO)
    scripts = pseudo_compiled_json_ld(tmp_path / "howto", article)
    assert '"text": "⟦Show the ticket at the gate.⟧"' in scripts[0]
    assert unmarked(scripts) == json_ld_of(article)


def test_a_hugo_post_s_faq_json_ld_shares_its_entries_with_the_post_s_text_and_is_translated(
    tmp_path: Path,
) -> None:
    """A Markdown post's raw HTML block of FAQ JSON-LD repeats the post's question and answer."""
    post = tmp_path / "faq.md"
    post.write_text(
        f"---\ntitle: Ferry questions\n---\n## {QUESTION}\n\nThe first ferry leaves at six &\nthe last at ten.\n\n"
        f'<script type="application/ld+json">\n{FAQ}\n</script>\n',
        encoding="utf-8",
    )
    document = read_article(post, ReadOptions())
    refs = {unit.msgid: unit.refs for unit in document.units()}
    assert len(refs[QUESTION]) == 2 and len(refs[ANSWER]) == 2, refs
    assert json_ld_of(pseudo(document)) == json_ld_of(post.read_text("utf-8"))
    written = document.render(lambda slot: Resolution(GERMAN.get(slot.msgid)))
    [faq] = [json.loads(text) for text in json_ld_of(written)]
    assert (
        faq["mainEntity"][0]["acceptedAnswer"]["text"]
        == "Die erste Fähre fährt um sechs &amp; die letzte um zehn."
    )
    assert f"## {GERMAN[QUESTION]}" in written
