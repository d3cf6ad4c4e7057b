"""HTML articles exported from WordPress: ``[extract.shortcodes] wordpress`` names the shortcodes the
site registers, which are markup for translators and engines, never text; a translation writes no
shortcode of its own. Pages are checked by WordPress's own shortcode code (see wordpress_run)."""

from __future__ import annotations

import html
import json
import re
import time
from pathlib import Path

import lxml.etree
import lxml.html
import polib
import pytest

from corpus import PAGES, needs_corpus
from test_compile_helpers import run_cli
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.formats.wp_shortcodes import CORE_NAMES
from wordpress_run import handed_to, needs_wordpress, run_shortcodes

NAMES = ["caption", "gallery", "embed", "video", "footnote"]

CONFIG = f"""[project]
name = "Harbour News"
source_locale = "en"
locales = ["de"]

[extract.shortcodes]
wordpress = {json.dumps(NAMES)}
"""

#: A post as WordPress's classic editor wrote it: a captioned image, an embed, a gallery, a caption
#: given as a parameter (WordPress before 3.4), a footnote plugin's pair inside a sentence, a video
#: inside one, an escaped shortcode, and brackets that are no shortcode.
POST = """<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>The harbour reopens</title></head>
<body>
<p>[caption id="attachment_12" align="alignnone" width="300"]<img src="ferry.jpg" alt="A ferry at dawn" width="300" height="200" /> The first ferry left at dawn.[/caption]</p>
<p>Watch the arrival: [embed]https://video.example/watch?v=abc[/embed]</p>
<p>[gallery ids="1,2,3" columns="3"]</p>
[caption id="attachment_14" caption="The old harbour at night" width="640"]<img src="night.jpg" alt="Lights on the water" />[/caption]
<p>The mayor said [footnote]Interview of May 2.[/footnote] that the port opens on Monday.</p>
<p>Watch it [video src="arrival.mp4"] before you go. Write [[gallery]] to show a gallery.</p>
<p>Prices rose [1] by 5 [sic] percent.</p>
</body>
</html>
"""


def wordpress_project(tmp_path: Path, post: str = POST) -> Path:
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG, encoding="utf-8")
    (root / "articles" / "harbour.html").write_text(post, encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code == 0, result.output
    return root


def catalog(root: Path) -> polib.POFile:
    return polib.pofile(str(root / "locales" / "de" / "LC_MESSAGES" / "harbour.po"))


def translate(root: Path, translation) -> str:
    """Fill the catalog with ``translation(msgid)``, compile, and give the German page."""
    po = catalog(root)
    for entry in po:
        if entry.msgid:
            entry.msgstr = translation(entry.msgid)
    po.save()
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    return (root / "site" / "de" / "harbour.html").read_text(encoding="utf-8")


def unmarked_pseudo_page(root: Path) -> str:
    """The German page compiled from the pseudo-translation (every msgstr ``⟦msgid⟧``), marks removed."""
    return translate(root, lambda msgid: f"⟦{msgid}⟧").replace("⟦", "").replace("⟧", "")


def body(page: str) -> str:
    """The page's body, without the language menu compile adds to it."""
    return re.sub(
        r'<nav class="transpub-languages".*?</nav>', "", page[page.index("<body>") : page.index("</body>")]
    )


def ran(page: str) -> list[tuple[str, dict[str, str]]]:
    """The shortcodes WordPress ran on ``page``: each one's name and attributes, in order."""
    tree = lxml.html.fromstring(run_shortcodes(page, NAMES))
    return [
        (element.tag.removeprefix("ran-"), json.loads(element.get("data-atts")))
        for element in tree.iter()
        if isinstance(element.tag, str) and element.tag.startswith("ran-")
    ]


def test_shortcodes_are_placeholders_or_left_out_never_text_for_translators(tmp_path: Path) -> None:
    po = catalog(wordpress_project(tmp_path))
    assert [entry.msgid for entry in po] == [
        "The harbour reopens",
        "A ferry at dawn",
        "The first ferry left at dawn.",
        "Watch the arrival:",
        "The old harbour at night",
        "Lights on the water",
        "The mayor said <1>Interview of May 2.</1> that the port opens on Monday.",
        "Watch it <1/> before you go.",
        "Write [[gallery]] to show a gallery.",
        "Prices rose [1] by 5 [sic] percent.",
    ]
    mayor = po.find("The mayor said <1>Interview of May 2.</1> that the port opens on Monday.")
    assert (
        'Placeholders: <1>…</1> = WordPress shortcode (shortcode) "[footnote]…[/footnote]"' in mayor.comment
    )
    video = po.find("Watch it <1/> before you go.")
    assert '<1/> = WordPress shortcode (shortcode) "[video src="arrival.mp4"]"' in video.comment


def test_without_the_setting_a_shortcode_is_text_and_extract_says_the_page_looks_exported_from_wordpress(
    tmp_path: Path,
) -> None:
    root = tmp_path / "plain"
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG.split("[extract.shortcodes]")[0], encoding="utf-8")
    (root / "articles" / "harbour.html").write_text(POST, encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code == 0
    msgids = [entry.msgid for entry in catalog(root)]
    assert 'Watch it [video src="arrival.mp4"] before you go.' in msgids
    assert (
        'Warning: articles/harbour.html:5: looks exported from WordPress: [caption id="attachment_12" '
        'align="alignnone" width="300"] is a shortcode WordPress runs'
    ) in " ".join(result.output.split())
    assert result.output.count("looks exported from WordPress") == 1


@needs_wordpress
def test_the_pseudo_translated_page_runs_the_same_shortcodes_and_shows_the_same_text(tmp_path: Path) -> None:
    root = wordpress_project(tmp_path)
    german = translate(root, lambda msgid: f"⟦{msgid}⟧")
    unmarked = german.replace("⟦", "").replace("⟧", "")
    assert body(unmarked) == body(POST)
    source_run, german_run = run_shortcodes(body(POST), NAMES), run_shortcodes(body(unmarked), NAMES)
    assert german_run == source_run
    assert [name for name, _ in ran(body(POST))] == [
        "caption",
        "embed",
        "gallery",
        "caption",
        "footnote",
        "video",
    ]
    assert "Write [gallery] to show" in source_run  # (WordPress's escape, shown as the source shows it)


#: Translations that write shortcodes: in text, in an image's alt text (WordPress runs the
#: shortcodes of a tag's attributes too) and in a shortcode's parameter; one closes the caption early.
HOSTILE = {
    "The first ferry left at dawn.": "Die erste [/caption] Fähre [embed]https://evil.example/[/embed] fuhr.",
    "A ferry at dawn": "Eine Fähre [gallery ids=9]",
    "The old harbour at night": 'Der "alte" Hafen ] [video src=evil.mp4] <script>alert(1)</script> & mehr',
    "Watch it <1/> before you go.": "Sehen Sie <1/> [footnote]falsch[/footnote] an.",
}


@needs_wordpress
def test_a_translation_runs_no_shortcode_of_its_own_and_shows_what_the_translator_wrote(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path)
    german = translate(root, lambda msgid: HOSTILE.get(msgid, msgid))
    assert [name for name, _ in ran(body(german))] == [name for name, _ in ran(body(POST))]
    shown = lxml.html.fromstring(run_shortcodes(body(german), NAMES))
    text = " ".join(shown.text_content().split())
    assert "Die erste [/caption] Fähre [embed]https://evil.example/[/embed] fuhr." in text
    assert "Sehen Sie [footnote]falsch[/footnote] an." in text
    assert shown.xpath("//img/@alt")[0] == "Eine Fähre [gallery ids=9]"
    night = ran(body(german))[3][1]
    caption = lxml.html.fragment_fromstring(night["caption"], create_parent="div")
    assert (
        caption.text_content() == 'Der "alte" Hafen ] [video src=evil.mp4] <script>alert(1)</script> & mehr'
    )
    assert not caption.xpath("//script")


@needs_wordpress
def test_a_caption_parameter_translated_is_the_caption_wordpress_shows(tmp_path: Path) -> None:
    root = wordpress_project(tmp_path)
    german = translate(
        root, lambda msgid: "Der alte Hafen bei Nacht" if msgid.startswith("The old") else msgid
    )
    night = ran(body(german))[3]
    assert night == (
        "caption",
        {"caption": "Der alte Hafen bei Nacht", "id": "attachment_14", "width": "640"},
    )


def test_a_shortcode_name_that_wordpress_cannot_register_is_a_configuration_error(tmp_path: Path) -> None:
    root = wordpress_project(tmp_path)
    config = root / "transpub.toml"
    config.write_text(CONFIG.replace('"footnote"', '"foot note"'), encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code != 0
    assert "transpub.toml:7:" in result.output and "wordpress" in result.output


@pytest.mark.parametrize("name", ["caption", "embed"])
def test_an_unclosed_or_broken_shortcode_stays_as_written(tmp_path: Path, name: str) -> None:
    post = POST.replace(f"[/{name}]", "")
    root = wordpress_project(tmp_path, post)
    german = translate(root, lambda msgid: f"⟦{msgid}⟧")
    assert body(german.replace("⟦", "").replace("⟧", "")) == body(post)


def attribute_runs(page: str) -> bool:
    """Whether WordPress ran a shortcode inside a tag's attribute of ``page`` (its output, escaped by
    kses, is then the attribute's text)."""
    return "ran-" in "".join(
        value
        for element in lxml.html.fromstring(run_shortcodes(page, NAMES)).iter()
        for value in element.values()
    )


@needs_wordpress
@pytest.mark.parametrize("written", ["[gallery=9]", '[gallery"9"]', "[gallery'9']", "[gallery[9]"])
def test_a_translation_writing_a_shortcode_name_then_an_equals_sign_quote_or_bracket_runs_no_shortcode(
    tmp_path: Path, written: str
) -> None:
    root = wordpress_project(tmp_path)
    german = translate(
        root,
        lambda msgid: {
            "Watch the arrival:": f"Sehen Sie {written}:",
            "A ferry at dawn": f"Fähre {written}",
        }.get(msgid, msgid),
    )
    assert [name for name, _ in ran(body(german))] == [name for name, _ in ran(body(POST))]
    assert not attribute_runs(body(german))
    shown = lxml.html.fromstring(run_shortcodes(body(german), NAMES))
    assert f"Sehen Sie {written}:" in shown.text_content()
    assert shown.xpath("//img/@alt")[0] == f"Fähre {written}"


#: Shortcodes in tags' attributes, which WordPress runs there too: alone, a pair around text, one with
#: a parameter in single quotes (in a sentence's inline element), and an escape that stays text.
IN_ATTRIBUTES = """<p title="Press [gallery] now">Hi.</p>
<p><img src="map.png" alt="Map [footnote]Survey of 1990[/footnote] of the port"></p>
<p>Ask <abbr title='Dial [video src="call.mp4"] or write [[gallery]]'>us</abbr> today.</p>
"""


def test_a_shortcode_in_a_tags_attribute_is_a_placeholder_for_translators_not_text(tmp_path: Path) -> None:
    po = catalog(wordpress_project(tmp_path, IN_ATTRIBUTES))
    entries = {entry.msgid: entry for entry in po}
    assert list(entries) == [
        "Press <1/> now",
        "Hi.",
        "Map <1>Survey of 1990</1> of the port",
        "Ask <1>us</1> today.",
        "Dial <1/> or write [[gallery]]",
    ]
    assert '<1/> = WordPress shortcode (shortcode) "[gallery]"' in entries["Press <1/> now"].comment
    assert (
        '<1>…</1> = WordPress shortcode (shortcode) "[footnote]…[/footnote]"'
        in entries["Map <1>Survey of 1990</1> of the port"].comment
    )


@needs_wordpress
def test_a_translation_moves_an_attributes_shortcodes_and_wordpress_runs_them_as_in_the_source(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path, IN_ATTRIBUTES)
    assert unmarked_pseudo_page(root) == IN_ATTRIBUTES
    german = translate(
        root,
        lambda msgid: {
            "Press <1/> now": "Jetzt <1/> drücken, nicht [gallery]",
            "Hi.": "Hallo.",
            "Map <1>Survey of 1990</1> of the port": "Karte des Hafens <1>Vermessung von 1990</1> [footnote]x[/footnote]",
            "Ask <1>us</1> today.": "Fragen Sie <1>uns</1> heute.",
            "Dial <1/> or write [[gallery]]": 'Schreiben Sie [[gallery]] oder wählen Sie "<1/>"',
        }[msgid],
    )
    source = handed_to(IN_ATTRIBUTES, NAMES)
    assert [name for name, _, _ in source] == ["gallery", "footnote", "video"]
    assert handed_to(german, NAMES) == [
        ("gallery", "", ""),
        ("footnote", "", "Vermessung von 1990"),
        ("video", {"src": "call.mp4"}, ""),
    ]
    assert 'title="Jetzt [gallery] drücken, nicht &#91;gallery]"' in german
    assert 'title=\'Schreiben Sie [[gallery]] oder wählen Sie "[video src="call.mp4"]"\'' in german


@needs_wordpress
def test_a_translation_repeating_or_dropping_an_attributes_shortcode_is_refused_and_the_source_published(
    tmp_path: Path,
) -> None:
    """``Press [gallery] now`` was text: ``Drücke [gallery] [gallery] jetzt`` made WordPress run the
    gallery twice, and a translation without it ran none."""
    post = '<p title="Press [gallery] now">Hi.</p>\n<p title="Open [gallery] here">Yes.</p>\n'
    root = wordpress_project(tmp_path, post)
    with (root / "transpub.toml").open("a", encoding="utf-8") as config:
        config.write("\n[compile]\npublish_threshold = 0\n")
    german = translate(
        root,
        lambda msgid: {
            "Press <1/> now": "Drücke [gallery] [gallery] jetzt",
            "Open <1/> here": "Öffnen <1/> <1/> hier",
        }.get(msgid, "Ja."),
    )
    assert handed_to(german, NAMES) == handed_to(post, NAMES) == [("gallery", "", "")] * 2
    assert 'title="Press [gallery] now"' in german and 'title="Open [gallery] here"' in german


@needs_wordpress
def test_a_translation_dropping_the_double_brackets_of_the_sources_escape_runs_no_shortcode(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path)
    german = translate(
        root,
        lambda msgid: (
            "Schreiben Sie [gallery], um eine Galerie zu zeigen."
            if msgid == "Write [[gallery]] to show a gallery."
            else msgid
        ),
    )
    assert [name for name, _ in ran(body(german))] == [name for name, _ in ran(body(POST))]
    shown = lxml.html.fromstring(run_shortcodes(body(german), NAMES)).text_content()
    assert "Schreiben Sie [gallery], um" in shown


@needs_wordpress
def test_a_translations_own_double_bracket_escape_before_the_sources_caption_leaves_the_caption_running(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path)
    german = translate(
        root, lambda msgid: "Sehen Sie [[caption]]:" if msgid == "Watch the arrival:" else msgid
    )
    assert ran(body(german)) == ran(body(POST))
    assert "Sehen Sie [caption]:" in lxml.html.fromstring(run_shortcodes(body(german), NAMES)).text_content()


@needs_wordpress
def test_a_caption_parameter_translated_with_backslash_escapes_shows_them_and_adds_no_script(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path)
    hostile = r"Der Hafen \x3cscript\x3ealert(1)\x3c/script\x3e"
    german = translate(root, lambda msgid: hostile if msgid.startswith("The old") else msgid)
    caption = lxml.html.fragment_fromstring(ran(body(german))[3][1]["caption"], create_parent="div")
    assert not caption.xpath("//script")
    assert caption.text_content() == hostile


def test_a_page_of_thousands_of_unclosed_shortcodes_is_read_in_linear_time(tmp_path: Path) -> None:
    started = time.perf_counter()
    root = wordpress_project(tmp_path, POST.replace("</body>", "<p>" + "[caption " * 6000 + "</p></body>"))
    assert time.perf_counter() - started < 5
    assert "The first ferry left at dawn." in [entry.msgid for entry in catalog(root)]


#: A classic-editor post as WordPress keeps it: no <p>, a blank line between paragraphs, a line
#: break inside one (Shift+Enter), a captioned linked image, a gallery and an embed on lines of
#: their own, a list and a heading among the paragraphs.
CLASSIC = """[caption id="attachment_12" align="aligncenter" width="640"]<a href="ferry.jpg"><img src="ferry.jpg" alt="A ferry at dawn" width="640" /></a> The first ferry left at dawn.[/caption]

The harbour reopened on Monday after two weeks. Ferries run every hour.

Harbour Office
Quay Street 1
Bergen

[gallery ids="1,2,3"]
<h2>What changes</h2>
Tickets are sold on board.
<ul>
 \t<li>Cash is <em>not</em> accepted
on Sundays.</li>
</ul>
[embed]https://video.example/watch?v=abc[/embed]

Watch it again.
"""


def test_a_classic_editor_post_gives_a_unit_per_sentence_of_each_paragraph_never_across_one(
    tmp_path: Path,
) -> None:
    po = catalog(wordpress_project(tmp_path, CLASSIC))
    assert [entry.msgid for entry in po] == [
        "A ferry at dawn",
        "The first ferry left at dawn.",
        "The harbour reopened on Monday after two weeks.",
        "Ferries run every hour.",
        "Harbour Office<1/>Quay Street 1<2/>Bergen",
        "What changes",
        "Tickets are sold on board.",
        "Cash is <1>not</1> accepted<2/>on Sundays.",
        "Watch it again.",
    ]


@needs_wordpress
def test_a_classic_editor_post_pseudo_translated_shows_the_same_paragraphs_and_line_breaks(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path, CLASSIC)
    german = translate(root, lambda msgid: f"⟦{msgid}⟧")  # (a fragment, as exported: written as one)
    unmarked = german.replace("⟦", "").replace("⟧", "")
    assert unmarked == CLASSIC
    assert run_shortcodes(unmarked, NAMES, autop=True) == run_shortcodes(CLASSIC, NAMES, autop=True)
    shown = lxml.html.fromstring(run_shortcodes(german, NAMES, autop=True))
    paragraphs = [" ".join(p.text_content().split()) for p in shown.iter("p")]
    assert "⟦The harbour reopened on Monday after two weeks.⟧ ⟦Ferries run every hour.⟧" in paragraphs
    assert len(shown.xpath("//p[contains(., 'Harbour Office')]/br")) == 2


@needs_wordpress
def test_a_line_break_typed_into_a_translation_makes_no_new_paragraph_or_line_on_the_page(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path, CLASSIC)
    typed = {"Ferries run every hour.": "Fähren fahren\n\nstündlich.", "Watch it again.": "Noch\neinmal."}
    german = translate(root, lambda msgid: typed.get(msgid, msgid))
    source, shown = (
        lxml.html.fromstring(run_shortcodes(page, NAMES, autop=True)) for page in (CLASSIC, german)
    )
    assert len(shown.xpath("//p")) == len(source.xpath("//p")) and len(shown.xpath("//br")) == len(
        source.xpath("//br")
    )
    assert "Fähren fahren stündlich." in shown.text_content() and "Noch einmal." in shown.text_content()


def paragraphs_and_breaks(page: str) -> list[str]:
    """The paragraphs and line breaks WordPress shows ``page`` with (a classic-editor post), in order."""
    shown = run_shortcodes(page, NAMES, autop=True)
    return re.findall(r"</?p>|<br />", shown)


def swapped_case(msgid: str) -> str:
    """A translation of ``msgid`` of another length, its placeholders where the source has them."""
    return re.sub(r"[^<>/0-9 ]+", lambda word: word.group().swapcase() + "n", msgid)


@needs_wordpress
def test_a_classic_editor_post_saved_with_windows_line_ends_keeps_its_paragraphs_translated(
    tmp_path: Path,
) -> None:
    crlf = CLASSIC.replace("\n", "\r\n")
    root = wordpress_project(tmp_path, crlf)
    assert "The harbour reopened on Monday after two weeks." in [entry.msgid for entry in catalog(root)]
    german = root / "site" / "de" / "harbour.html"
    translate(root, lambda msgid: f"⟦{msgid}⟧")
    assert german.read_bytes().decode().replace("⟦", "").replace("⟧", "") == crlf
    translate(root, swapped_case)
    assert paragraphs_and_breaks(german.read_bytes().decode()) == paragraphs_and_breaks(crlf)


@needs_wordpress
def test_a_blank_line_after_a_br_or_around_a_more_tag_still_starts_a_new_paragraph_translated(
    tmp_path: Path,
) -> None:
    post = "Opening hours:<br>\n\nMonday to Friday.\n\n<!--more-->\n\nTickets are sold on board.\n<!-- note -->\nCash is accepted.\n"
    root = wordpress_project(tmp_path, post)
    assert paragraphs_and_breaks(translate(root, swapped_case)) == paragraphs_and_breaks(post)


@needs_wordpress
def test_a_translated_preformatted_block_in_a_classic_editor_post_keeps_its_line_breaks(
    tmp_path: Path,
) -> None:
    post = "The timetable:\n\n<pre>Bergen 08:00\nStavanger 12:00</pre>\n"
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: msgid.replace("The timetable:", "Der Fahrplan:"))
    assert "<pre>Bergen 08:00\nStavanger 12:00</pre>" in run_shortcodes(german, NAMES, autop=True)


def test_a_classic_editor_paragraph_of_thousands_of_lines_is_compiled_in_linear_time(tmp_path: Path) -> None:
    post = "".join(f"Departure {number} at the quay\n" for number in range(9900))  # (a pasted timetable)
    root = wordpress_project(tmp_path, post)
    started = time.perf_counter()
    german = translate(root, lambda msgid: msgid.replace("Departure", "Abfahrt"))
    assert time.perf_counter() - started < 2
    assert german.count("\n") == 9900 and "Abfahrt 9899 at the quay" in german


def test_two_br_in_a_classic_editor_post_end_a_unit_as_they_end_the_paragraph_on_the_page(
    tmp_path: Path,
) -> None:
    post = "Opening hours<br /><br>Monday to Friday\n<br/>\n<br>\nClosed on Sundays\n"
    root = wordpress_project(tmp_path, post)
    assert [entry.msgid for entry in catalog(root)] == [
        "Opening hours",
        "Monday to Friday",
        "Closed on Sundays",
    ]
    assert unmarked_pseudo_page(root) == post


#: A classic-editor post with WordPress's page-break and "more" tags (HTML comments) between
#: paragraphs.
MORE = """[gallery ids="1,2,3"]

<!--nextpage-->

The harbour reopened on Monday.

<!--more-->

Tickets are sold on board.
<!--more-->
Cash is not accepted.
"""


@needs_wordpress
def test_a_more_or_page_break_tag_between_paragraphs_keeps_them_paragraphs_of_their_own(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path, MORE)
    assert [entry.msgid for entry in catalog(root)] == [
        "The harbour reopened on Monday.",
        "Tickets are sold on board.",
        "<1/><2/>Cash is not accepted.",  # (the line breaks and the tag between: WordPress shows them)
    ]
    german = translate(root, lambda msgid: f"⟦{msgid}⟧")
    unmarked = german.replace("⟦", "").replace("⟧", "")
    assert unmarked == MORE
    assert run_shortcodes(unmarked, NAMES, autop=True) == run_shortcodes(MORE, NAMES, autop=True)
    shown = lxml.html.fromstring(run_shortcodes(german, NAMES, autop=True))
    paragraphs = [" ".join(p.text_content().split()) for p in shown.iter("p")]
    assert "⟦The harbour reopened on Monday.⟧" in paragraphs
    assert "⟦Tickets are sold on board.⟧ ⟦ Cash is not accepted.⟧" in paragraphs


#: A classic-editor post with a preformatted address (wpautop leaves a <pre> as written).
PRE = """Write to us:
<pre>Harbour Office
    Quay Street 1

Bergen</pre>
"""


@needs_wordpress
def test_a_preformatted_block_in_a_classic_editor_post_keeps_its_lines_when_translated(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path, PRE)
    german = translate(root, lambda msgid: f"⟦{msgid}⟧")
    unmarked = german.replace("⟦", "").replace("⟧", "")
    assert unmarked == PRE
    assert run_shortcodes(unmarked, NAMES, autop=True) == run_shortcodes(PRE, NAMES, autop=True)


@needs_wordpress
def test_an_empty_line_held_open_by_a_no_break_space_stays_one_when_the_translation_drops_the_space(
    tmp_path: Path,
) -> None:
    post = "Harbour Office\n&nbsp;\nQuay Street 1\n\nTickets are sold on board.\n"
    root = wordpress_project(tmp_path, post)
    assert "Harbour Office<1/><2/>Quay Street 1" in [entry.msgid for entry in catalog(root)]
    german = translate(root, lambda msgid: msgid.replace("\xa0", " ").replace("Harbour Office", "Hafenbüro"))
    assert paragraphs_and_breaks(german) == paragraphs_and_breaks(post)
    assert unmarked_pseudo_page(root) == post


def test_a_br_typed_at_a_line_end_in_a_classic_editor_post_keeps_its_line_break_translated(
    tmp_path: Path,
) -> None:
    post = "Harbour Office<br />\nQuay Street 1<br>\r\n  Bergen\n\nTickets are sold on board.\n"
    root = wordpress_project(tmp_path, post)
    assert "Harbour Office<1/>Quay Street 1<2/>Bergen" in [entry.msgid for entry in catalog(root)]
    page = root / "site" / "de" / "harbour.html"
    translate(root, lambda msgid: f"⟦{msgid}⟧")
    assert page.read_bytes().decode().replace("⟦", "").replace("⟧", "") == post
    translate(root, lambda msgid: msgid.replace("Harbour Office", "Hafenbüro"))
    assert "Hafenbüro<br />\nQuay Street 1<br>\r\n  Bergen" in page.read_bytes().decode()


@needs_wordpress
def test_a_bracket_before_a_link_stays_a_bracket_translated_and_one_before_a_shortcode_runs_nothing_new(
    tmp_path: Path,
) -> None:
    post = 'The port opens on Monday [<a href="#fn1">1</a>]. Watch it [video src="a.mp4"] now.\n'
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: msgid.replace("Watch it <1/> now.", "Siehe [[<1/>]]."))
    assert "Monday [<a href" in german
    shown = run_shortcodes(german, NAMES, autop=True)
    assert shown.count("<ran-video") == 1 and "&#091;<ran-video" in shown  # (no [[video]]: an escape)


def test_extract_warns_about_a_plugins_shortcode_the_setting_does_not_name(tmp_path: Path) -> None:
    post = 'Write to us.\n\n[contact-form-7 id="5" title="Contact"]\n\nSee [1] and [gallery ids="1"].\n'
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG, encoding="utf-8")
    (root / "articles" / "harbour.html").write_text(post, encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code == 0
    assert (
        "Warning: articles/harbour.html:3: [contact-form-7 …] looks like a shortcode of the site, here text to "
        'translate; add "contact-form-7" to [extract.shortcodes] wordpress'
    ) in " ".join(result.output.split())
    (root / "transpub.toml").write_text(CONFIG.replace('"footnote"', '"footnote", "contact-form-7"'))
    assert "looks like a shortcode" not in run_cli(root, "extract", "--full").output


@needs_wordpress
@pytest.mark.parametrize(
    "post",
    [
        "Write [[footnote]Your note[/footnote]] to add a note.\n",
        "Write [[footnote]Your <em>own</em> note[/footnote]] to add a note.\n",
    ],
)
def test_a_translation_dropping_a_bracket_of_the_sources_escaped_shortcode_pair_runs_no_shortcode(
    tmp_path: Path, post: str
) -> None:
    root = wordpress_project(tmp_path, post)
    pseudo = translate(root, lambda msgid: f"⟦{msgid}⟧")
    assert pseudo.replace("⟦", "").replace("⟧", "") == post
    kept = translate(root, lambda msgid: msgid.replace("Write", "Schreibe"))
    assert run_shortcodes(kept, NAMES, autop=True) == run_shortcodes(
        post.replace("Write", "Schreibe"), NAMES, autop=True
    )
    for broken in ("[/footnote]]", "[/footnote]] to"):
        german = translate(root, lambda msgid: msgid.replace(broken, broken.replace("]]", "]")))  # noqa: B023
        assert "<ran-footnote" not in run_shortcodes(german, NAMES, autop=True)
    german = translate(root, lambda msgid: msgid.replace("[[footnote]", "[footnote]"))
    assert "<ran-footnote" not in run_shortcodes(german, NAMES, autop=True)


def test_a_whole_html_page_beside_the_posts_keeps_its_line_breaks_as_spaces(tmp_path: Path) -> None:
    """The setting is the project's; a page of the site's own (``<html>``, never a post's
    ``post_content``) is HTML, where a line break is a space: no placeholder for translators."""
    page = '<html><body>\n<p>The harbour reopened\non Monday.</p>\n<p>[gallery ids="1"]</p>\n</body></html>\n'
    root = wordpress_project(tmp_path, page)
    assert [entry.msgid for entry in catalog(root)] == ["The harbour reopened on Monday."]
    german = unmarked_pseudo_page(root)
    # (compile adds the language menu and lang to a whole page; a translation is written on one line)
    assert " ".join(body(german).split()) == " ".join(body(page).split())


def test_each_paragraph_of_a_classic_editor_post_has_a_reference_of_its_own_for_poedit(
    tmp_path: Path,
) -> None:
    """A post's text stands in no element: its units were all referenced ``articles/harbour.html#``,
    which tells a translator in Poedit (or a CAT tool's location note) nothing."""
    po = catalog(wordpress_project(tmp_path, CLASSIC))
    refs = {entry.msgid: entry.occurrences[0][0] for entry in po}
    assert refs["The harbour reopened on Monday after two weeks."] == (
        "articles/harbour.html#text(the-harbour-reopened-on)"
    )
    assert refs["Ferries run every hour."] == refs["The harbour reopened on Monday after two weeks."]
    assert refs["Watch it again."] == "articles/harbour.html#text(watch-it-again)"
    assert refs["Tickets are sold on board."] == "articles/harbour.html#text(tickets-are-sold-on)"


def test_a_posts_title_and_excerpt_in_front_matter_are_translated_with_its_content(tmp_path: Path) -> None:
    """A post exported with its title and excerpt as front matter above its ``post_content`` (as an
    HTML content page is written): they are units too, and compile writes the translated file so,
    the shortcodes and line breaks of its content read as WordPress reads them."""
    post = "---\ntitle: The harbour reopens\nexcerpt: Ferries run again.\n---\n" + CLASSIC
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    config = (
        CONFIG
        + '\n[extract.front_matter]\ntranslate = ["title", "excerpt"]\n\n[compile]\nformat = "markdown"\n'
    )
    (root / "transpub.toml").write_text(config, encoding="utf-8")
    (root / "articles" / "harbour.html").write_text(post, encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    msgids = [entry.msgid for entry in catalog(root)]
    assert msgids[:2] == ["The harbour reopens", "Ferries run again."]
    assert "Harbour Office<1/>Quay Street 1<2/>Bergen" in msgids and "The first ferry left at dawn." in msgids
    translate(root, lambda msgid: f"⟦{msgid}⟧")
    german = (root / "site" / "de" / "harbour.html").read_text(encoding="utf-8")
    assert german.startswith("---\ntitle: ⟦The harbour reopens⟧\nexcerpt: ⟦Ferries run again.⟧\n---\n")
    assert german.replace("⟦", "").replace("⟧", "") == post


def test_a_whole_page_leaving_out_its_html_and_body_tags_keeps_its_line_breaks_as_spaces(
    tmp_path: Path,
) -> None:
    """HTML lets a page leave out ``<html>``, ``<head>`` and ``<body>``; its ``<!DOCTYPE>`` still says it
    is a whole page of the site's own, never a post's ``post_content``: no placeholder at a line break."""
    page = "<!DOCTYPE html>\n<title>Harbour</title>\n<p>The harbour reopened\non Monday.</p>\n"
    root = wordpress_project(tmp_path, page)
    assert [entry.msgid for entry in catalog(root)] == ["Harbour", "The harbour reopened on Monday."]


def test_the_text_of_a_more_tag_is_translated_and_cannot_end_the_comment_it_stands_in(tmp_path: Path) -> None:
    """``<!--more Read the whole story-->``: WordPress shows that text as the link to the whole post
    on the pages listing it (the teaser), so it is a unit; its translation stays inside the tag."""
    post = "The harbour reopened.\n\n<!--more Read the whole story &amp; more-->\n\nTickets are sold.\n<!--more-->\n"
    root = wordpress_project(tmp_path, post)
    po = catalog(root)
    assert [entry.msgid for entry in po] == [
        "The harbour reopened.",
        "Read the whole story & more",
        "Tickets are sold.",
    ]
    assert unmarked_pseudo_page(root) == post
    hostile = "Weiter --> <script>alert(1)</script> & [gallery]"
    german = translate(root, lambda msgid: hostile if msgid.startswith("Read") else msgid)
    page = lxml.html.fragment_fromstring(german, create_parent="div")
    comments = [node.text for node in page.iter(lxml.etree.Comment)]
    assert comments == [
        "more Weiter --&gt; &lt;script&gt;alert(1)&lt;/script&gt; &amp; &#91;gallery]",
        "more",
    ]
    assert not page.xpath("//script")


def test_a_bracket_the_source_leaves_open_comes_back_as_written(tmp_path: Path) -> None:
    """``[MP2 / MP2 SP`` (a real page's text): WordPress runs nothing there, and the page the
    pseudo-translation compiles is the source; a translation's own ``[gallery`` is still written ``&#91;``."""
    post = "Versions differ [MP2 / MP2 SP\n\nTickets are sold on board.\n"
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: msgid.replace("Tickets are", "[gallery Tickets"))
    assert "&#91;gallery Tickets" in german and "differ [MP2 / MP2 SP" in german


@needs_corpus
def test_with_the_setting_on_every_real_page_is_read_and_compiled_as_with_it_off() -> None:
    """The 65 real pages of the shared corpus (whole pages, some holding brackets): a project listing
    WordPress's shortcodes offers and writes them exactly as one that does not."""
    plain, wordpress = ReadOptions(), ReadOptions(wordpress_shortcodes=CORE_NAMES)

    def pseudo(slot: object) -> Resolution:
        return Resolution(f"⟦{slot.msgid}⟧")  # type: ignore[attr-defined]

    for path in PAGES:
        try:
            expected = read_article(path, plain)
        except Exception:  # (unreadable on purpose: the same error either way, see test_real_pages)
            continue
        found = read_article(path, wordpress)
        assert [u.msgid for u in found.units("x")] == [u.msgid for u in expected.units("x")], path.name
        assert found.render(pseudo) == expected.render(pseudo), path.name


#: A post with SyntaxHighlighter's shortcodes, one per language (``[csharp]``, ``[php]``), as WordPress.com
#: and the SyntaxHighlighter Evolved plugin register them: code, shown by the plugin as written.
HIGHLIGHTED = """Read the stream:

[csharp]
int read = stream.Read(buffer, 0, buffer.Length);
while (read > 0) { Consume(buffer); }
switch (c) { case '[': return Tokens.WhileStart; }
[/csharp]

Then in PHP: [php]echo $a && $b;[/php] and you are done.
"""


@needs_wordpress
def test_code_in_a_syntaxhighlighter_language_shortcode_is_never_offered_and_stays_as_written(
    tmp_path: Path,
) -> None:
    root = tmp_path / "news"
    (root / "articles").mkdir(parents=True)
    names = [*NAMES, "csharp", "php"]
    (root / "transpub.toml").write_text(
        CONFIG.replace(json.dumps(NAMES), json.dumps(names)), encoding="utf-8"
    )
    (root / "articles" / "harbour.html").write_text(HIGHLIGHTED, encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    po = catalog(root)
    assert [entry.msgid for entry in po] == ["Read the stream:", "Then in PHP: <1/> and you are done."]
    assert '<1/> = WordPress shortcode (shortcode) "[php]echo $a && $b;[/php]"' in po[1].comment
    german = translate(root, lambda msgid: f"⟦{msgid}⟧")
    assert german.replace("⟦", "").replace("⟧", "") == HIGHLIGHTED
    assert run_shortcodes(german.replace("⟦", "").replace("⟧", ""), names, autop=True) == run_shortcodes(
        HIGHLIGHTED, names, autop=True
    )


@needs_wordpress
@pytest.mark.parametrize("space", ["\u3000", "\u2003", "\u200b", "\xa0"])
def test_a_translated_caption_adds_no_parameter_where_the_source_separates_them_with_an_unusual_space(
    tmp_path: Path, space: str
) -> None:
    """WordPress reads a shortcode's attributes byte by byte: an ideographic or em space is no space
    to it (``id="a"　caption="…"`` is one value), a no-break or zero-width space is (it makes them
    spaces first). A translation written where WordPress reads no quoted value adds no parameter."""
    post = f'A [caption id="a"{space}caption="Dawn ferry" width="3"]<img src="x.jpg" />[/caption]\n'
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: "Fähre align=evil onclick=x" if msgid == "Dawn ferry" else msgid)
    assert sorted(ran(german)[0][1]) == sorted(ran(post)[0][1])
    if space in "\xa0\u200b":
        assert ran(german)[0][1]["caption"] == "Fähre align=evil onclick=x"


@needs_wordpress
def test_a_shortcode_name_followed_by_a_letter_beyond_ascii_is_a_shortcode_as_wordpress_runs_it(
    tmp_path: Path,
) -> None:
    """WordPress ends a name at any byte but an ASCII letter, digit, ``_`` or ``-``: ``[videoé]`` runs
    ``video`` (on a page where ``[video`` is found), so it is no text for a translator to change."""
    post = 'Watch [video src="a.mp4"] and [videoé] now.\n'
    root = wordpress_project(tmp_path, post)
    assert [entry.msgid for entry in catalog(root)] == ["Watch <1/> and <2/> now."]
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: "Sehen Sie <1/> und <2/> jetzt.")
    assert ran(german) == ran(post) == [("video", {"src": "a.mp4"}), ("video", ["é"])]


@needs_wordpress
@pytest.mark.parametrize(
    "caption",
    ['"The ferry&#039;s deck&nbsp;at dawn &#8211; 6am"', "'The ferry&#039;s deck&nbsp;at dawn'"],
)
def test_a_caption_parameter_keeps_the_character_references_the_source_writes_it_with(
    tmp_path: Path, caption: str
) -> None:
    """A caption given as a parameter (WordPress before 3.4 wrote it with ``esc_attr``: ``&#039;``) comes
    back as written where nothing is translated; a translation keeps its no-break spaces."""
    post = f'A [caption id="attachment_3" caption={caption} width="300"]<img src="x.jpg" />[/caption]\n'
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: "Das Deck der Fähre\xa0um 6\xa0Uhr" if "deck" in msgid else msgid)
    assert ran(german)[0][1]["caption"] == "Das Deck der Fähre&nbsp;um 6&nbsp;Uhr"


def test_the_text_of_a_more_tag_comes_back_as_written_and_one_over_two_lines_is_no_unit(
    tmp_path: Path,
) -> None:
    """WordPress reads ``<!--more …-->`` on one line only (``<!--more Read\\non-->`` is a plain comment to
    it, shown nowhere); the references of its text (``&#8217;``) stay as the source writes them."""
    post = (
        "The harbour reopened.\n\n<!--more It&#8217;s the whole story-->\n\nTickets.\n<!--more Read\non-->\n"
    )
    root = wordpress_project(tmp_path, post)
    assert [entry.msgid for entry in catalog(root)] == [
        "The harbour reopened.",
        "It’s the whole story",
        "Tickets.",
    ]
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: "Die ganze Geschichte\xa0»" if msgid.startswith("It") else msgid)
    assert "<!--more Die ganze Geschichte\xa0»-->" in german


def test_a_bracket_the_source_leaves_at_a_line_end_before_trailing_spaces_comes_back_as_written(
    tmp_path: Path,
) -> None:
    """``[`` then spaces and a line break (``<br />`` to WordPress): no name follows it, so it stays ``[``."""
    post = "Departures [ \nBergen 08:00 ]\n\nTickets are sold on board.\n"
    root = wordpress_project(tmp_path, post)
    assert "Departures [<1/>Bergen 08:00 ]" in [entry.msgid for entry in catalog(root)]
    assert unmarked_pseudo_page(root) == post


@needs_wordpress
def test_a_caption_parameter_with_a_backslash_is_offered_as_wordpress_shows_it_and_written_back_so(
    tmp_path: Path,
) -> None:
    """WordPress reads a shortcode's attributes with PHP's ``stripcslashes``: ``C:\\\\Temp`` shows
    ``C:\\Temp``. The translator sees what readers see; the translation is escaped as the source is."""
    post = 'A [caption id="a" caption="Saved in C:\\\\Temp" width="3"]<img src="x.jpg" />[/caption]\n'
    root = wordpress_project(tmp_path, post)
    assert "Saved in C:\\Temp" in [entry.msgid for entry in catalog(root)]
    assert ran(post)[0][1]["caption"] == "Saved in C:\\Temp"
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: msgid.replace("Saved in", "Gespeichert in"))
    assert ran(german)[0][1]["caption"] == "Gespeichert in C:\\Temp"
    assert 'caption="Gespeichert in C:\\\\Temp"' in german


@needs_wordpress
@pytest.mark.parametrize(
    "post",
    [
        'See [[video src="a.mp4"] here.\n',
        'Write [[caption]] and [caption id="1"]<img src="x.jpg" /> Dawn.[/caption]\n',
        "A [[footnote]note[/footnote] here.\n",
    ],
)
def test_a_bracket_the_source_writes_before_a_shortcode_comes_back_as_written_unless_a_translation_closes_it(
    tmp_path: Path, post: str
) -> None:
    """``[[video src="a.mp4"]`` with no ``]`` after: WordPress shows the ``[`` and runs the video. The
    source's ``[`` comes back as written; a translation putting a ``]`` after the shortcode
    (``[[video …]]``, WordPress's escape: the video shown as text) has it written ``&#91;``."""
    root = wordpress_project(tmp_path, post)
    pseudo = unmarked_pseudo_page(root)
    assert pseudo == post
    assert run_shortcodes(pseudo, NAMES, autop=True) == run_shortcodes(post, NAMES, autop=True)
    (msgid,) = [entry.msgid for entry in catalog(root) if "[<1" in entry.msgid]
    closed = re.sub(r"(<1/>|</1>)", r"\1]", msgid, count=1)
    german = translate(root, lambda source: closed if source == msgid else source)
    assert [name for name, _ in ran(german)] == [name for name, _ in ran(post)]


def test_a_bracket_the_source_ends_a_unit_with_comes_back_as_written(tmp_path: Path) -> None:
    """A ``[`` at a unit's end (before an image, or ``[MP2`` before a paragraph break): the source's
    markup follows it on the translated page as on the source's."""
    post = 'Prices [1] rose&nbsp;\n[ <img src="x.jpg" />\n\nVersions [MP2\n\nTickets are sold.\n'
    root = wordpress_project(tmp_path, post)
    assert "Versions [MP2" in [entry.msgid for entry in catalog(root)]
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: msgid.replace("Tickets are sold.", "Karten [gallery ["))
    assert "Karten &#91;gallery &#91;\n" in german


@needs_wordpress
@pytest.mark.parametrize("caption", ["caption=Dawn", 'caption="Dawn   ferry "', "caption=' Dawn\tferry'"])
def test_a_caption_parameter_keeps_the_sources_quotes_and_spaces_and_wordpress_reads_the_translation(
    tmp_path: Path, caption: str
) -> None:
    """An unquoted parameter (``caption=Dawn``) stays unquoted, and the spaces of a quoted one stay,
    where the translation allows: the pseudo-translated page is the source; a translation with a
    space is quoted; WordPress reads each translation as the caption."""
    post = f'A [caption id="a" {caption} width="3"]<img src="x.jpg" />[/caption]\n'
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    for translated in ("Morgengrauen", "Im Morgengrauen", "L'aube", 'Der "Morgen"', "a=b", "Pfad/"):
        german = translate(root, lambda msgid: translated if "Dawn" in msgid else msgid)  # noqa: B023
        (name, atts), *_ = ran(german)
        assert (name, sorted(atts)) == ("caption", ["caption", "id", "width"]), german
        assert html.unescape(atts["caption"]) == translated  # (a caption is HTML: &quot; shows ")


#: A footnote plugin's pair at the end of a sentence, at its start, around a whole paragraph, and
#: around two sentences at a paragraph's end; a caption pair after text (a classic-editor post).
EDGES = """Hello [footnote]Interview of May 2.[/footnote]

[footnote]Since 1990[/footnote] the port is open.

[footnote]A note of its own.[/footnote]

The port opens. It said so [footnote]Twice. Then again.[/footnote]

See [caption id="a" width="3"]<img src="x.jpg" /> The ferry.[/caption]
"""


def test_a_shortcode_pair_at_a_units_edge_is_offered_as_a_pair_as_an_inline_element_is(
    tmp_path: Path,
) -> None:
    """``Hello [footnote]a[/footnote]`` is offered ``Hello <1>a</1>``, as ``Hello <sup>a</sup>`` is,
    not ``Hello <1/>a`` with the ``[/footnote]`` left out (a translator moving ``<1/>`` emptied the
    footnote); a pair around the whole unit stays outside it, as an element around it does."""
    po = catalog(wordpress_project(tmp_path, EDGES))
    assert [entry.msgid for entry in po] == [
        "Hello <1>Interview of May 2.</1>",
        "<1>Since 1990</1> the port is open.",
        "A note of its own.",
        "The port opens.",
        "It said so <1>Twice. Then again.</1>",
        "See <1><2/> The ferry.</1>",
    ]
    hello = po.find("Hello <1>Interview of May 2.</1>")
    assert (
        'Placeholders: <1>…</1> = WordPress shortcode (shortcode) "[footnote]…[/footnote]"' in hello.comment
    )


EDGES_GERMAN = {
    "Hello <1>Interview of May 2.</1>": "<1>Gespräch vom 2. Mai.</1> Hallo",
    "<1>Since 1990</1> the port is open.": "Der Hafen ist <1>seit 1990</1> offen.",
    "A note of its own.": "Eine eigene Notiz.",
    "It said so <1>Twice. Then again.</1>": "Er sagte es <1>Zweimal. Dann wieder.</1>",
    "See <1><2/> The ferry.</1>": "Siehe <1><2/> Die Fähre.</1>",
}


@needs_wordpress
def test_a_shortcode_pair_at_a_units_edge_runs_around_the_translated_text_wherever_the_translator_puts_it(
    tmp_path: Path,
) -> None:
    root = wordpress_project(tmp_path, EDGES)
    assert unmarked_pseudo_page(root) == EDGES
    german = translate(root, lambda msgid: EDGES_GERMAN.get(msgid, msgid))
    assert handed_to(german, NAMES, autop=True) == [
        ("footnote", "", "Gespräch vom 2. Mai."),
        ("footnote", "", "seit 1990"),
        ("footnote", "", "Eine eigene Notiz."),
        ("footnote", "", "Zweimal. Dann wieder."),
        ("caption", {"id": "a", "width": "3"}, '<img src="x.jpg" /> Die Fähre.'),
    ]


@needs_wordpress
def test_a_registered_shortcode_the_source_leaves_open_runs_nothing_when_a_translation_puts_a_bracket_after_it(
    tmp_path: Path,
) -> None:
    """``Type [gallery to start.`` runs nothing: no ``]`` follows it on the page. A translation keeping
    ``[gallery`` must not run it once another text of the page puts a ``]`` after it (the gallery
    would run with the translation's ``ids``): a registered name's ``[`` is written ``&#91;``."""
    post = "Type [gallery to start.\n\nSee note 1.\n"
    root = wordpress_project(tmp_path, post)
    assert ran(post) == []
    hostile = {
        "Type [gallery to start.": 'Tippe [gallery ids="5,6" jetzt.',
        "See note 1.": "Siehe Anmerkung 1]",
    }
    german = translate(root, lambda msgid: hostile.get(msgid, msgid))
    assert ran(german) == []
    assert "Tippe &#91;gallery ids" in german


@needs_wordpress
@pytest.mark.parametrize(
    ("caption", "translations"),
    [
        (
            'caption="Saved in C:\\"',
            ["Saved in C:\\x22 onclick=\\x22", "Saved in C:\\new", "Saved in C:\\ here"],
        ),
        ('caption="Tom &"', ["Tom &#x3c;b>", "Tom &gt; Jerry"]),
        ('caption="Dawn\\40ferry"', ["Fähre 1"]),
        ("caption='It\\x27s'", ["L'aube"]),
    ],
)
def test_a_caption_parameter_the_source_writes_with_escapes_reads_as_the_translation_says(
    tmp_path: Path, caption: str, translations: list[str]
) -> None:
    """Where the source's parameter ends with a lone backslash or ``&``, or writes a character as a
    short C escape (a space as ``\\40``), what a translation writes after it must not join it into
    another (``C:\\`` and ``x22`` a quote, ``\\40`` and ``1`` a control byte): WordPress reads the
    translation as written, and the pseudo-translated page is the source, in its quotes."""
    post = f'A [caption id="a" {caption} width="3"]<img src="x.jpg" />[/caption]\n'
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    (msgid,) = [entry.msgid for entry in catalog(root) if entry.msgid != "A"]
    for translated in translations:
        german = translate(root, lambda source: translated if source == msgid else source)  # noqa: B023
        (name, atts), *_ = ran(german)
        assert (name, sorted(atts)) == ("caption", ["caption", "id", "width"]), german
        assert html.unescape(atts["caption"]) == translated, german


@needs_wordpress
def test_a_shortcode_a_translation_writes_inside_a_pair_escape_of_an_unregistered_name_runs_nothing(
    tmp_path: Path,
) -> None:
    """``[[footnote]Your note[/footnote]]`` on a site without a footnote shortcode is text WordPress
    shows as written, and so is what it holds: a translation keeping the escape whole runs no
    ``[gallery]`` it writes inside it (WordPress reads no escape there, and ran the gallery)."""
    post = "Write [[footnote]Your note[/footnote]] here.\n"
    (tmp_path / "post.html").write_text(post, encoding="utf-8")
    document = read_article(tmp_path / "post.html", ReadOptions(wordpress_shortcodes=("caption", "gallery")))
    names = ["caption", "gallery"]
    assert (
        document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "") == post
    )
    hostile = 'Schreibe [[footnote]Notiz [gallery ids="5"] hier[/footnote]] hier.'
    german = document.render(lambda slot: Resolution(hostile))
    assert "<ran-" not in run_shortcodes(german, names)
    assert "<ran-" not in run_shortcodes(post, names)
    assert html.unescape(re.sub("<[^>]+>", "", german)).startswith(
        'Schreibe [[footnote]Notiz [gallery ids="5"]'
    )


@needs_wordpress
def test_a_translation_moving_a_lone_shortcode_into_a_pairs_reach_is_refused_and_one_keeping_the_pairs_is_written(
    tmp_path: Path,
) -> None:
    """WordPress closes ``[footnote id="2"]`` (alone in the source) with the first ``[/footnote]``
    after it: a translation putting it before the ``[footnote]a[/footnote]`` pair handed it
    `` und [footnote]a``. The source is written there; moving pairs that close on their own is fine."""
    post = 'See [footnote]a[/footnote] and [footnote id="2"] b, [video src="x.mp4"] or [embed]u[/embed].\n'
    (tmp_path / "post.html").write_text(post, encoding="utf-8")
    document = read_article(tmp_path / "post.html", ReadOptions(wordpress_shortcodes=tuple(NAMES)))
    (slot,) = document.slots()
    assert slot.msgid == "See <1>a</1> and <2/> b, <3/> or <4/>."
    assert (
        document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧")).replace("⟦", "").replace("⟧", "") == post
    )
    assert document.render(lambda slot: Resolution("Siehe <2/> und <1>a</1> b, <3/> oder <4/>.")) == post
    assert (
        handed_to('Siehe [footnote id="2"] und [footnote]a[/footnote] b.', NAMES)[0][2] == " und [footnote]a"
    )
    german = document.render(lambda slot: Resolution("Siehe <4/> oder <3/>, <1>a</1> und <2/> b."))
    assert (
        german
        == 'Siehe [embed]u[/embed] oder [video src="x.mp4"], [footnote]a[/footnote] und [footnote id="2"] b.\n'
    )
    assert sorted(map(str, handed_to(german, NAMES))) == sorted(map(str, handed_to(post, NAMES)))


@needs_wordpress
def test_a_shortcode_in_an_unquoted_attribute_value_keeps_its_tag_and_a_translation_with_spaces_stays_one_value(
    tmp_path: Path,
) -> None:
    """``title=Press[gallery]now`` was read as the value ``Press[gallery]`` and the text ``now>Hi.``:
    the pseudo-translated page lost its tag's end."""
    post = "<p title=Press[gallery]now>Hi.</p>\n"
    root = wordpress_project(tmp_path, post)
    assert [entry.msgid for entry in catalog(root)] == ["Press<1/>now", "Hi."]
    assert unmarked_pseudo_page(root) == post
    german = translate(root, lambda msgid: {"Press<1/>now": 'Jetzt <1/> "drücken"'}.get(msgid, "Hallo."))
    assert "<p title=Jetzt&#32;[gallery]&#32;&quot;drücken&quot;>Hallo.</p>" in german
    assert handed_to(german, NAMES) == handed_to(post, NAMES) == [("gallery", "", "")]


@needs_wordpress
@pytest.mark.parametrize(
    ("caption", "translations"),
    [
        ('caption=" C:\\ "', ["Laufwerk C:", "C:\\x22"]),
        ("caption=' C:\\ '", ["L'unité C:"]),
        ('caption="Dawn\\ "', ["Im Dawn"]),
        ('caption="\\11Dawn"', ["1Dawn", "1 Dawn"]),
        ('caption="   "', []),
        ('caption="\\ \\ "', []),
        ("caption=' \\\\ '", []),
        ('caption=" C:\\"', ["Laufwerk C:\\"]),
    ],
)
def test_a_caption_parameter_with_escaped_or_only_spaces_comes_back_as_written_and_reads_as_translated(
    tmp_path: Path, caption: str, translations: list[str]
) -> None:
    """``caption=" C:\\ "``: WordPress reads ``\\ `` as a space, so the caption is `` C: ``, offered as
    ``C:``. The pseudo-translated page is the source (its spaces, escaped or not, and its quotes), as
    is a value of spaces alone or one ending with a backslash; WordPress reads a translation holding
    the source's text as the translation, within the source's spaces."""
    post = f'A [caption id="a" {caption} width="3"]<img src="x.jpg" />[/caption]\n'
    root = wordpress_project(tmp_path, post)
    pseudo = unmarked_pseudo_page(root)
    assert pseudo == post
    assert ran(pseudo) == ran(post)
    (msgid, *_) = [entry.msgid for entry in catalog(root) if entry.msgid != "A"] or [""]
    for translated in translations:
        german = translate(root, lambda source: translated if source == msgid else source)  # noqa: B023
        (name, atts), *_ = ran(german)
        assert (name, sorted(atts)) == ("caption", ["caption", "id", "width"]), german
        assert html.unescape(atts["caption"]).strip() == translated, german


@needs_wordpress
@pytest.mark.parametrize(
    "post",
    [
        "<p title=Press[gallery ids=1]now>Hi.</p>\n",
        '<p title="Press [gallery" class="x]">Hi.</p>\n',
        "<img alt=Ferry[gallery src=ferry.jpg> Hi.\n",
    ],
)
def test_an_attributes_bracket_that_no_bracket_closes_in_it_comes_back_as_written(
    tmp_path: Path, post: str
) -> None:
    """``title=Press[gallery ids=1]now`` shows the title ``Press[gallery``, and WordPress runs no
    shortcode there: it looks for one in each attribute alone, and this one has no ``]``. The
    pseudo-translated page wrote ``title=Press&#91;gallery``; a translation's own unclosed
    ``[gallery`` in a value without ``]`` runs nothing either, and is written as typed."""
    root = wordpress_project(tmp_path, post)
    assert unmarked_pseudo_page(root) == post
    german = translate(
        root, lambda msgid: msgid.replace("Hi.", "Hallo.").replace("[gallery", "[gallery [video")
    )
    assert "[gallery [video" in german and "&#91;" not in german
    assert handed_to(german, NAMES) == handed_to(post, NAMES) == []
    shown = lxml.html.fragment_fromstring(german, create_parent="div")
    assert [value for value in shown.xpath("//@title | //@alt") if "[" in value] == [
        value.replace("[gallery", "[gallery [video")
        for value in lxml.html.fragment_fromstring(post, create_parent="div").xpath("//@title | //@alt")
        if "[" in value
    ]


@needs_wordpress
@pytest.mark.parametrize(
    "post",
    [
        '<p title="x > y">Hi.</p>\n',
        "<img alt='x > y' src=a.jpg> Hi.\n",
        '<p data-x="a>b" title="x y">Hi.</p>\n',
    ],
)
def test_a_translations_bracket_in_an_attribute_after_a_greater_than_sign_of_its_tag_runs_no_shortcode(
    tmp_path: Path, post: str
) -> None:
    """WordPress ends a tag at its first ``>``, one in a quoted value too: what follows is the page's
    text, where ``[gallery a">ids=1]`` is a shortcode. A translation keeping the source's ``x > y``
    (its ``>`` written as it is) and adding ``[gallery a``, its paragraph's ``ids=1]``, runs none."""
    root = wordpress_project(tmp_path, post)
    german = translate(root, lambda msgid: {"Hi.": "ids=1] Hallo."}.get(msgid, msgid + " [gallery a"))
    assert "ids=1] Hallo." in german and "gallery a" in german, german
    assert handed_to(german, NAMES) == handed_to(post, NAMES) == [], german
