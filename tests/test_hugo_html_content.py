"""HTML content pages of a static-site generator: front matter, then an HTML body (Hugo reads them as
it reads Markdown pages; the Kubernetes website's "Kubernetes Basics" tutorial is written so).

Their front matter is front matter (its title and description are units, the rest is kept), their
body is HTML read as any HTML article, their shortcodes are markup; compile writes them where the
generator's content goes, as it does Markdown. The last test builds the Hugo example with such a
page by the real ``hugo`` (skipped, with the reason, where it is missing).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import lxml.html
import pytest
from click.testing import CliRunner

from pseudo_catalogs import fill_pseudo
from real_renderers import JEKYLL, hugo_page, jekyll_page
from test_hugo_site import HUGO, build_with_hugo
from transpub.cli import main
from transpub.errors import ArticleError, PlaceholderMismatch
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.formats.html_templates import tokens_with_templates

REPO = Path(__file__).resolve().parent.parent

PAGE = """---
title: Scaling Your App
weight: 10
description: Scale an existing app manually using kubectl.
layout: tutorial
---

<div class="row">
  <div class="col-md-8">
    <h3>Objectives</h3>
    <img src="diagram.svg" alt="A diagram of three pods">
    <p>Scale an app using kubectl. Call {{< param "ferry_phone" >}} for help.</p>
  </div>
  {{< note >}}<p>If Docker is the container runtime, a tunnel is needed.</p>
  {{< /note >}}
  <p>See <a href='{{< relref "install.md" >}}'>the install guide</a> first.</p>
</div>
"""


def read(tmp_path: Path, text: str, name: str = "scale.html", options: ReadOptions | None = None):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return read_article(path, options or ReadOptions(), display_path=name)


def pseudo(document) -> str:
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))


def unmarked(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")


def test_the_front_matter_title_and_description_are_units_and_the_rest_stays_as_written(
    tmp_path: Path,
) -> None:
    document = read(tmp_path, PAGE)
    units = {unit.msgid: unit for unit in document.units()}
    assert units["Scaling Your App"].kind == "title"
    assert units["Scale an existing app manually using kubectl."].kind == "attribute:content"
    assert not [msgid for msgid in units if "weight" in msgid or "---" in msgid or "tutorial" in msgid]
    assert (document.format, document.title, document.warnings) == ("html-content", "Scaling Your App", [])
    written = pseudo(document)
    assert written.startswith("---\ntitle: ⟦Scaling Your App⟧\nweight: 10\n")
    assert unmarked(written) == PAGE


def test_shortcodes_are_markup_never_text_to_translate_or_escape(tmp_path: Path) -> None:
    document = read(tmp_path, PAGE)
    msgids = [unit.msgid for unit in document.units()]
    assert "{{< note >}}" not in "".join(msgids)  # the pair around the paragraph is outside every unit
    (phone,) = [unit for unit in document.units() if unit.msgid.startswith("Call")]
    assert phone.msgid == "Call <1/> for help."
    assert phone.placeholders[0].legend() == '<1/> = Hugo shortcode (shortcode) "{{< param "ferry_phone" >}}"'
    translated = document.render(
        lambda slot: Resolution("Llame al <1/> si necesita ayuda." if slot.msgid == phone.msgid else None)
    )
    assert 'Llame al {{< param "ferry_phone" >}} si necesita ayuda.' in translated
    assert "&lt;" not in translated and "{{< /note >}}" in translated
    assert "<a href='{{< relref \"install.md\" >}}'>" in pseudo(document)


def test_a_shortcodes_text_parameters_are_units_as_in_markdown(tmp_path: Path) -> None:
    page = (
        "---\ntitle: Cluster\n---\n"
        '<p>Runtimes such as {{< glossary_tooltip text="container runtime" term_id="cri" >}} run pods.</p>\n'
        '{{< figure src="/img/a.png" caption="A diagram of the cluster" >}}\n'
    )
    # ([extract.shortcodes] translate_params: the Kubernetes website's glossary_tooltip shows its text)
    document = read(tmp_path, page, options=ReadOptions(shortcode_params=("caption", "text")))
    units = {unit.msgid: unit.kind for unit in document.units()}
    assert (
        units["container runtime"] == "attribute:text"
        and units["A diagram of the cluster"] == "attribute:caption"
    )
    assert "cri" not in units and "/img/a.png" not in units
    written = pseudo(document)
    assert '{{< glossary_tooltip text="⟦container runtime⟧" term_id="cri" >}}' in written
    assert unmarked(written) == page


def test_a_docsy_tab_label_translated_with_a_double_quote_keeps_its_source_in_an_html_page(
    tmp_path: Path,
) -> None:
    # Docsy writes a tab's label into its button's data-td-tp-persist attribute as Go quotes it, where
    # a " ends the value: a translation holding one made an onmouseover attribute
    page = (
        '---\ntitle: Install\n---\n{{< tabpane text=true >}}\n{{< tab "Unix shell" >}}\n'
        "<p>Run it.</p>\n{{< /tab >}}\n{{< /tabpane >}}\n"
    )
    document = read(tmp_path, page)
    evil = 'Shell" onmouseover=alert(1) x="'
    written = document.render(lambda slot: Resolution(evil if slot.msgid == "Unix shell" else None))
    assert written == page
    label = document.render(lambda slot: Resolution("Unix-Shell" if slot.msgid == "Unix shell" else None))
    assert label == page.replace("Unix shell", "Unix-Shell")


def test_liquid_comments_are_never_offered_a_raw_block_is_one_placeholder_and_includes_have_units(
    tmp_path: Path,
) -> None:
    page = (
        "---\ntitle: About\nlayout: page\n---\n"
        '{% include figure.html url="/team.jpg" caption="The team in 2019" %}\n'
        "{% comment %}\nTODO: document the sass variables\n{% endcomment %}\n"
        "<p>Tags look like {% raw %}{% if %}{% endraw %} in a page.</p>\n"
        '<p>Our logo: <img src="{{ site.baseurl }}/img/logo.png" alt="Project logo"></p>\n'
    )
    document = read(tmp_path, page, "about.html")
    msgids = [unit.msgid for unit in document.units()]
    assert msgids == [
        "About",
        "The team in 2019",
        "Tags look like <1/> in a page.",
        "Our logo:",
        "Project logo",
    ]
    assert unmarked(pseudo(document)) == page


def test_a_liquid_tag_on_a_line_of_its_own_ends_the_text_before_it_and_keeps_its_line(
    tmp_path: Path,
) -> None:
    # Minimal Mistakes' collection-archive.html: 'None' and the for/unless/capture lines after it were
    # one unit, "'None'<1/> <2/> <3/> <4/><5/>", written back on one line (the blank line gone)
    page = (
        "---\ntitle: Posts\n---\n\n{% capture written_label %}'None'{% endcapture %}\n\n"
        "{% for collection in site.collections %}\n  {% unless collection.output == false %}\n"
        "    {% capture label %}{{ collection.label }}{% endcapture %}\n"
        '    <h2 id="{{ label | slugify }}">{{ label }}</h2>\n  {% endunless %}\n{% endfor %}\n'
        "<div>\nHello there.\n{% if site.x %}\nMore text here.\n{% endif %}\n</div>\n"
        "<p>Tickets are sold at the\n{% include office-name.html %}\nnear the pier.</p>\n"
        "<p>Inline {% if a %}yes{% else %}no{% endif %} end.</p>\n"
    )
    document = read(tmp_path, page, "archive.html")
    assert [unit.msgid for unit in document.units()] == [
        "Posts",
        "'None'",
        "Hello there.",
        "More text here.",
        # in a paragraph, a tag on a line of its own is part of its sentence ({% include %} writes text)
        "Tickets are sold at the <1/> near the pier.",
        "Inline <1>yes<2/>no</1> end.",
    ]
    # (a sentence's line breaks are written as spaces, as in any HTML page)
    inline = page.replace(
        "the\n{% include office-name.html %}\nnear", "the {% include office-name.html %} near"
    )
    assert unmarked(pseudo(document)) == inline


def test_a_shortcode_written_without_spaces_is_not_read_as_a_tag() -> None:
    kinds = [(token.kind, token.raw) for token in tokens_with_templates("<p>A {{<note>}}b{{</note>}}.</p>")]
    assert kinds == [
        ("start", "<p>"),
        ("text", "A "),
        ("other", "{{<note>}}"),
        ("text", "b"),
        ("other", "{{</note>}}"),
        ("text", "."),
        ("end", "</p>"),
    ]


def test_a_short_template_token_is_markup_as_a_long_one_its_attribute_values_as_written(
    tmp_path: Path,
) -> None:
    """``{{a}}``, ``{%x%}`` (shorter than a comment, ``<!---->``) were offered as text, which a
    translation could drop, repeat, or change into another template."""
    tokens = tokens_with_templates('<p title="{{a}} b {%x%}">A {{b}} {%y%}.</p>')
    assert [(token.kind, token.raw) for token in tokens][1:-1] == [
        ("text", "A "),
        ("template", "{{b}}"),
        ("text", " "),
        ("other", "{%y%}"),
        ("text", "."),
    ]
    assert tokens[0].attrs == {"title": "{{a}} b {%x%}"}
    page = "---\ntitle: Post\n---\n<p>By {{a}} and {{<x>}}, {%x%} then {{<x >}} here.</p>\n"
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()] == ["Post", "By <1/> and <2/>, <3/> then <4/> here."]
    assert unmarked(pseudo(document)) == page
    translated = document.render(lambda slot: Resolution(f"{slot.msgid} {{{{a}}}} {{%x%}}"))
    assert "here. &#123;{a}} &#123;%x%}</p>" in translated


def test_a_template_that_writes_text_at_a_sentences_end_stays_in_its_unit(tmp_path: Path) -> None:
    # a translator may have to put the author first ("{{ page.author }}による"): an edge is no reason
    # to leave it out, as it is for a Liquid tag or a shortcode pair around the text
    page = (
        "---\ntitle: Post\n---\n<p>Posted by {{ page.author }}</p>\n"
        "<p>{% if page.team %}We are {{ page.team }} people.{% endif %}</p>\n"
        '<p>Ask {{< param "phone" >}}</p>\n'
    )
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()][1:] == [
        "Posted by <1/>",
        "We are <1/> people.",
        "Ask <1/>",
    ]
    assert unmarked(pseudo(document)) == page


def test_a_condition_or_shortcode_pair_inside_a_sentence_is_one_placeholder_showing_its_tokens(
    tmp_path: Path,
) -> None:
    # the translator may move "(beta)" but must keep it inside its condition: one pair, not two
    # unrelated tokens; the legend says what the condition is
    page = (
        "---\ntitle: Post\n---\n"
        "<p>Use the API{% if site.beta %} (beta){% endif %} to read the <b>data</b>.</p>\n"
        "<p>Click {{< mark >}}here{{< /mark >}} to go.</p>\n"
        "<p>Odd <em>{% if a %}one</em> two{% endif %} three. {% endif %} and {% if b %} open.</p>\n"
    )
    document = read(tmp_path, page)
    units = {unit.msgid: unit for unit in document.units()}
    beta = units["Use the API<1> (beta)</1> to read the <2>data</2>."]
    assert beta.placeholders[0].legend() == '<1>…</1> = template (template) "{% if site.beta %}…{% endif %}"'
    mark = units["Click <1>here</1> to go."]
    assert (
        mark.placeholders[0].legend() == '<1>…</1> = Hugo shortcode (shortcode) "{{< mark >}}…{{< /mark >}}"'
    )
    # across an element's end, or without its other end: each stands alone, as written
    assert "Odd <1><2/>one</1> two<3/> three." in units
    assert "<1/> and <2/> open." in units
    translated = document.render(
        lambda slot: Resolution(
            "Die API<1> (Beta)</1> liest die <2>Daten</2>." if slot.msgid == beta.msgid else None
        )
    )
    assert "<p>Die API{% if site.beta %} (Beta){% endif %} liest die <b>Daten</b>.</p>" in translated
    assert unmarked(pseudo(document)) == page


def test_a_shortcode_pair_at_a_sentences_edge_is_offered_as_a_pair_and_runs_around_the_translated_text(
    tmp_path: Path,
) -> None:
    """``Click {{< mark >}}here{{< /mark >}}`` is offered ``Click <1>here</1>``, as ``Click <b>here</b>``
    is (not ``Click <1/>here``, the closing token left out: moving ``<1/>`` emptied the mark); a pair
    around the whole paragraph stays outside its unit, as an element around it does."""
    page = (
        "---\ntitle: Post\n---\n<p>Click {{< mark >}}here{{< /mark >}}</p>\n"
        "<p>{{< mark >}}Here{{< /mark >}} you go.</p>\n<p>{{< mark >}}All of it.{{< /mark >}}</p>\n"
    )
    document = read(tmp_path, page)
    units = {unit.msgid: unit for unit in document.units()}
    assert list(units) == ["Post", "Click <1>here</1>", "<1>Here</1> you go.", "All of it."]
    assert units["Click <1>here</1>"].placeholders[0].legend() == (
        '<1>…</1> = Hugo shortcode (shortcode) "{{< mark >}}…{{< /mark >}}"'
    )
    assert unmarked(pseudo(document)) == page
    german = {"Click <1>here</1>": "<1>Hier</1> klicken", "<1>Here</1> you go.": "Bitte <1>sehr</1>."}
    translated = document.render(lambda slot: Resolution(german.get(slot.msgid)))
    assert "<p>{{< mark >}}Hier{{< /mark >}} klicken</p>" in translated
    assert "<p>Bitte {{< mark >}}sehr{{< /mark >}}.</p>" in translated
    if HUGO is not None:
        shortcodes = {"mark": "<mark>{{ .Inner }}</mark>"}
        shown = hugo_page(
            translated.split("---\n", 2)[2], tmp_path / "site", shortcodes=shortcodes, suffix=".html"
        )
        marks = lxml.html.fragment_fromstring(shown, create_parent="div").xpath("//mark/text()")
        assert marks == ["Hier", "sehr", "All of it."]


def test_code_math_and_comments_in_shortcode_pairs_of_an_html_page_are_never_offered(tmp_path: Path) -> None:
    """Hugo hands a ``{{< highlight >}}`` or ``{{< katex >}}`` pair's inside to the shortcode as written,
    on lines of their own or in a sentence, and publishes no ``{{< comment >}}``: kept as written, as
    in Markdown (the code was offered, its ``<`` written ``&lt;``, which Hugo's highlight then showed)."""
    page = (
        "---\ntitle: Post\n---\n<p>Run it:</p>\n{{< highlight go >}}\nif a < b && c { x[0] = 1 }\n{{< /highlight >}}\n"
        "<p>The area is {{< katex >}}\\pi r^2 < 4{{< /katex >}} for a <em>circle</em>.</p>\n"
        "{{< comment >}}<p>Note for writers.</p>{{< /comment >}}\n"
    )
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()] == [
        "Post",
        "Run it:",
        "The area is <1/> for a <2>circle</2>.",
    ]
    assert unmarked(pseudo(document)) == page


def test_a_condition_around_a_whole_paragraph_with_an_else_inside_stays_in_its_unit(tmp_path: Path) -> None:
    page = (
        "---\ntitle: Post\n---\n<p>{% if x %}Make it private.{% else %}Choose when you create it.{% endif %}</p>\n"
        "<p>{% if y %}Only this.{% endif %}</p>\n"
    )
    document = read(tmp_path, page)
    branches, only = list(document.units())[1:]
    assert branches.msgid == "<1>Make it private.<2/>Choose when you create it.</1>"
    assert branches.placeholders[1].legend() == '<2/> = template (template) "{% else %}"'
    assert only.msgid == "Only this."  # (a condition without another branch stays outside, as before)
    assert unmarked(pseudo(document)) == page


def test_the_lines_of_a_percent_shortcode_pair_are_read_as_markdown_a_list_stays_a_list(
    tmp_path: Path,
) -> None:
    # Hugo reads what {{% note %}} holds as Markdown: read as HTML text, its list was one unit
    # ("* item one * item two"), and a translation wrote it on one line, a paragraph
    page = (
        "---\ntitle: Post\n---\n<div>\n{{% note %}}\n* Stop the **server**.\n* Copy the files.\n"
        "{{% /note %}}\n</div>\n<p>Then start it.</p>\n"
    )
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()][1:] == [
        "Stop the <1>server</1>.",
        "Copy the files.",
        "Then start it.",
    ]
    assert unmarked(pseudo(document)) == page
    translated = document.render(
        lambda slot: Resolution("Kopieren *alle* Dateien." if "Copy" in slot.msgid else None)
    )
    assert "* Kopieren \\*alle\\* Dateien.\n{{% /note %}}" in translated


def test_a_callouts_markdown_inside_an_angle_bracket_pair_is_read_as_markdown_its_html_as_html(
    tmp_path: Path,
) -> None:
    # {{< note >}} (in [extract.shortcodes] markdown_inside) hands its trimmed inside to markdownify:
    # a list there stays a list (it was one unit, "Check: * the cluster * kubectl"); a note whose first
    # line the page's HTML indents holds HTML, read as HTML as before
    page = (
        "---\ntitle: Post\n---\n<div>\n{{< note >}}\nCheck:\n* the cluster\n* kubectl\n{{< /note >}}\n"
        "  <div>\n    {{< note >}}\n    <p>The <code>kubectl</code> tool.</p>\n    {{< /note >}}\n  </div>\n</div>\n"
    )
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()][1:] == [
        "Check:",
        "the cluster",
        "kubectl",
        "The <1/> tool.",
    ]
    assert unmarked(pseudo(document)) == page


def test_an_error_in_the_body_names_the_line_of_the_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "---\ntitle: Broken\n---\n<p>Fine.</p>\n<p>Then <!-- a comment never closed\n")
    assert str(caught.value).startswith("scale.html:5: ")


def test_broken_front_matter_is_one_error_naming_its_line(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "---\ntitle: [unclosed\n---\n<p>Hello.</p>\n")
    assert str(caught.value).startswith("scale.html:") and "front matter" in str(caught.value)


def test_an_html_page_without_front_matter_is_an_html_article(tmp_path: Path) -> None:
    document = read(tmp_path, "<p>Hello --- there {{< x >}}.</p>\n")
    assert document.format == "html" and not document.warnings


def make_project(root: Path, output: str) -> None:
    (root / "content" / "en").mkdir(parents=True)
    (root / "content" / "en" / "scale.html").write_text(PAGE, encoding="utf-8")
    (root / "content" / "en" / "diagram.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    compile_section = (
        '[compile]\nformat = "markdown"\nlayout = "directory"\nmarkdown_dir = "content"\n'
        if output == "markdown"
        else '[compile]\nformat = "html"\n'
    )
    (root / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["de"]\n[paths]\narticles = "content/en"\n'
        'catalogs = "locales"\nsite = "site"\n' + compile_section,
        encoding="utf-8",
    )


def transpub(root: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


pseudo_translate = fill_pseudo


def test_compile_writes_the_localized_html_content_page_where_the_generators_content_goes(
    tmp_path: Path,
) -> None:
    make_project(tmp_path, "markdown")
    transpub(tmp_path, "extract")
    pseudo_translate(tmp_path)
    transpub(tmp_path, "compile")
    written = (tmp_path / "content" / "de" / "scale.html").read_text(encoding="utf-8")
    assert unmarked(written) == PAGE  # no switcher, no lang attribute, no page around it
    assert "title: ⟦Scaling Your App⟧" in written and 'alt="⟦A diagram of three pods⟧"' in written
    assert (tmp_path / "content" / "de" / "diagram.svg").is_file()  # its image beside it, as for Markdown
    assert not (tmp_path / "site").exists()


def test_html_pages_translated_beside_their_page_are_not_read_as_articles_and_go_with_it(
    tmp_path: Path,
) -> None:
    # (a Hugo site by file name: the second extract read posts/scale.de.html as an English article,
    # with catalogs of its own, and deleting scale.html left its translation on the site with an
    # error saying the record of compile's files was edited)
    posts = tmp_path / "content" / "posts"
    posts.mkdir(parents=True)
    (posts / "scale.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["de"]\n[paths]\narticles = "content"\n'
        '[compile]\nformat = "markdown"\nlayout = "suffix"\n',
        encoding="utf-8",
    )
    transpub(tmp_path, "extract")
    pseudo_translate(tmp_path)
    transpub(tmp_path, "compile")
    assert (posts / "scale.de.html").is_file()
    assert "scale.de.html" not in transpub(tmp_path, "extract", "-v")
    assert sorted(p.name for p in (tmp_path / "locales" / "templates" / "posts").iterdir()) == ["scale.pot"]
    (posts / "scale.html").unlink()
    output = transpub(tmp_path, "compile")
    assert "content/posts/scale.de.html: removed (its article is gone)" in output.splitlines()
    assert not (posts / "scale.de.html").exists()


def test_a_site_of_html_pages_shows_the_front_matter_as_the_head_never_as_text(tmp_path: Path) -> None:
    make_project(tmp_path, "html")
    transpub(tmp_path, "extract")
    pseudo_translate(tmp_path)
    transpub(tmp_path, "compile")
    page = lxml.html.fromstring((tmp_path / "site" / "de" / "scale.html").read_bytes())
    assert page.findtext(".//title") == "⟦Scaling Your App⟧"
    assert page.xpath("//meta[@name='description']/@content") == [
        "⟦Scale an existing app manually using kubectl.⟧"
    ]
    body = page.find(".//body").text_content()
    assert "weight" not in body and "---" not in body and "{{" not in body
    assert "⟦Scale an app using kubectl.⟧" in body


@pytest.mark.hugo
@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_hugo_builds_the_translated_html_content_page_as_the_english_one_with_the_marks_removed(
    tmp_path: Path,
) -> None:
    site = tmp_path / "site"
    shutil.copytree(
        REPO / "examples" / "hugo",
        site,
        ignore=shutil.ignore_patterns("public", ".transpub", "*.es.md", "locales"),
    )
    page = PAGE.replace("{{< note >}}<p>If Docker", "{{< note >}}\n<p>If Docker").replace(
        """<a href='{{< relref "install.md" >}}'>""", """<a href='{{< relref "ferry-timetable.md" >}}'>"""
    )
    (site / "content" / "posts" / "scale.html").write_text(page, encoding="utf-8")
    transpub(site, "extract")
    pseudo_translate(site)
    transpub(site, "compile")
    assert (site / "content" / "posts" / "scale.es.html").is_file()
    public = build_with_hugo(site)

    def article(path: str) -> lxml.html.HtmlElement:
        page = lxml.html.fromstring((public / path / "index.html").read_bytes())
        return page.xpath("//article")[0]

    english, spanish = article("posts/scale"), article("es/posts/scale")
    assert spanish.findtext(".//h1") == "⟦Scaling Your App⟧"
    assert " ".join(unmarked(spanish.text_content()).split()) == " ".join(english.text_content().split())
    assert "+34 900 123 456" in spanish.text_content()  # the shortcode ran in the Spanish page
    assert spanish.xpath(".//aside")  # and the note pair around the paragraph too


#: A translation that writes template tokens: a shortcode (Hugo runs it), Liquid tags and output
#: (Jekyll runs them), one glued to the page's own shortcode, and in an attribute value.
TEMPLATES_WRITTEN = {
    "Call <1/> for help.": 'Llame {{% evil "x" %}} o {% include evil.html %} a {{ site.time }} {<1/>',
    "A ferry": 'Un ferry {{< evil "y" >}} {{% evil "z" %}}',
}


@pytest.mark.parametrize("generator", ["hugo", "jekyll"])
def test_template_tokens_a_translation_writes_in_an_html_page_show_as_written_and_never_run(
    generator: str, tmp_path: Path
) -> None:
    if (HUGO if generator == "hugo" else JEKYLL) is None:
        pytest.skip(f"{generator} is not installed (make test installs the Debian package {generator})")
    body = '<p>Call {{< phone >}} for help.</p>\n<p><img src="a.png" alt="A ferry"></p>\n'
    if generator == "jekyll":
        body = body.replace("{{< phone >}}", "{{ site.title }}")
    document = read(tmp_path, "---\ntitle: Ferries\n---\n" + body)
    translated = document.render(lambda slot: Resolution(TEMPLATES_WRITTEN.get(slot.msgid)))
    translated_body = translated.split("---\n", 2)[2]
    if generator == "hugo":
        shortcodes = {"evil": "<b>RAN {{ .Get 0 }}</b>", "phone": "<b>+34 900</b>"}
        page = hugo_page(translated_body, tmp_path / "site", shortcodes=shortcodes, suffix=".html")
    else:
        (tmp_path / "site" / "_includes").mkdir(parents=True)
        page = jekyll_page(translated_body, tmp_path / "site", suffix=".html")
    shown = lxml.html.fragment_fromstring(page, create_parent="div")
    assert "RAN" not in page and "Jekyll" not in page  # (site.time: what Liquid would have written)
    assert " ".join(shown.text_content().split()) == (
        'Llame {{% evil "x" %}} o {% include evil.html %} a {{ site.time }} {'
        + ("+34 900" if generator == "hugo" else "a")
    )
    assert shown.xpath("//img/@alt") == ['Un ferry {{< evil "y" >}} {{% evil "z" %}}']


def shown_by_hugo(page: str, tmp_path: Path, shortcodes: dict[str, str]) -> lxml.html.HtmlElement:
    """The body of the HTML content page ``page`` (front matter and all) as the real hugo builds it,
    with the site's ``shortcodes`` (name: template); the test skips, saying why, without hugo."""
    if HUGO is None:
        pytest.skip("hugo is not installed (make test installs the Debian package hugo)")
    built = hugo_page(page.split("---\n", 2)[2], tmp_path / "site", shortcodes=shortcodes, suffix=".html")
    return lxml.html.fragment_fromstring(built, create_parent="div")


def test_a_shortcode_in_a_translated_attribute_of_an_html_page_still_runs_as_in_the_english_page(
    tmp_path: Path,
) -> None:
    page = '---\ntitle: Ferries\n---\n<p><abbr title="Call {{< phone >}} now">Help</abbr></p>\n'
    document = read(tmp_path, page)
    assert unmarked(pseudo(document)) == page  # the source's shortcode written as it is, not as text
    translated = document.render(
        lambda slot: Resolution({"Call <1/> now": "Llame <1/> {{% evil %}} {"}.get(slot.msgid))
    )
    shown = shown_by_hugo(translated, tmp_path, {"phone": "+34 900", "evil": "RAN"})
    assert shown.xpath("//abbr/@title") == ["Llame +34 900 {{% evil %}} {"]


def test_a_template_token_in_an_attribute_of_an_html_page_is_a_placeholder_a_translation_cannot_drop(
    tmp_path: Path,
) -> None:
    """Hugo and Jekyll run a tag's attribute's template tokens as they run the text's: offered as
    text (``Call {{< phone >}} now``), a translation could leave the phone number out of the page."""
    page = (
        "---\ntitle: Ferries\n---\n"
        '<p><abbr title="Call {{< phone >}} now, {{< mark >}}day{{< /mark >}} or night">Help</abbr></p>\n'
    )
    document = read(tmp_path, page)
    (call,) = [unit for unit in document.units() if unit.msgid.startswith("Call")]
    assert call.msgid == "Call <1/> now, <2>day</2> or night"
    assert [placeholder.legend() for placeholder in call.placeholders] == [
        '<1/> = Hugo shortcode (shortcode) "{{< phone >}}"',
        '<2>…</2> = Hugo shortcode (shortcode) "{{< mark >}}…{{< /mark >}}"',
    ]
    assert unmarked(pseudo(document)) == page
    with pytest.raises(PlaceholderMismatch):
        document.render(lambda slot: Resolution("Llamen <2>de día</2>" if slot.msgid == call.msgid else None))
    translated = document.render(
        lambda slot: Resolution(
            "<2>De día</2> o de noche, llame ahora al <1/>, no {{< phone >}}"
            if slot.msgid == call.msgid
            else None
        )
    )
    assert (
        'title="{{< mark >}}De día{{< /mark >}} o de noche, llame ahora al {{< phone >}}, '
        'no &#123;{&lt; phone >}}"'
    ) in translated
    shown = shown_by_hugo(translated, tmp_path, {"phone": "+34 900", "mark": "*{{ .Inner }}*"})
    assert shown.xpath("//abbr/@title") == ["*De día* o de noche, llame ahora al +34 900, no {{< phone >}}"]


def test_a_page_with_windows_line_ends_has_its_front_matter_read(tmp_path: Path) -> None:
    page = (
        "---\r\ntitle: Hello there\r\ndescription: >-\r\n  A page kept\r\n  on Windows.\r\nweight: 3\r\n---\r\n"
        "<p>Body {{< x >}} text.</p>\r\n"
    )
    path = tmp_path / "crlf.html"
    path.write_bytes(page.encode())
    document = read_article(path, ReadOptions(), display_path="crlf.html")
    assert [unit.msgid for unit in document.units()] == [
        "Hello there",
        "A page kept on Windows.",
        "Body <1/> text.",
    ]
    written = pseudo(document)
    assert written.startswith(
        "---\r\ntitle: ⟦Hello there⟧\r\ndescription: >-\r\n  ⟦A page kept on Windows.⟧\r\n"
    )
    assert "\n" not in written.replace("\r\n", "")  # every line end the file's own
    assert unmarked(written) == page.replace("A page kept\r\n  on", "A page kept on")


@pytest.mark.parametrize("options", [ReadOptions(), ReadOptions(wordpress_shortcodes=("code",))])
def test_a_content_page_whose_code_sample_declares_another_charset_is_read_as_utf8_as_hugo_and_jekyll_do(
    tmp_path: Path, options: ReadOptions
) -> None:
    """A post showing how to declare a charset (``<meta … charset=iso-8859-1>`` in its code sample) is
    still UTF-8: Hugo and Jekyll read every content file so (it was read as Latin-1: ``â€“``)."""
    page = (
        "---\ntitle: Otimizando o seu site – Carregamento\n---\n<p>Antes:</p>\n"
        '<pre>&lt;meta http-equiv="content-type" content="text/html; charset=iso-8859-1" /&gt;</pre>\n'
        '[code]<meta http-equiv="content-type" content="text/html; charset=iso-8859-1" />[/code]\n'
        "<p>Versão rápida.</p>\n"
    )
    document = read(tmp_path, page, options=options)
    assert [unit.msgid for unit in document.units("x")][:1] == ["Otimizando o seu site – Carregamento"]
    assert document.render(lambda slot: Resolution(slot.msgid)) == page


def test_a_shortcode_in_an_unquoted_attribute_value_of_an_html_page_keeps_its_tag_and_runs_in_it(
    tmp_path: Path,
) -> None:
    """``title=Call{{<phone>}}now`` was read as the value ``Call{{<phone`` and the text ``}}now>Hi.``:
    the pseudo-translated page lost its tag's end."""
    page = "---\ntitle: Ferries\n---\n<p title=Call{{<phone>}}now>Hi.</p>\n"
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()] == ["Ferries", "Call<1/>now", "Hi."]
    assert unmarked(pseudo(document)) == page
    translated = document.render(
        lambda slot: Resolution({"Call<1/>now": "Jetzt <1/> anrufen, nicht {{<phone>}}"}.get(slot.msgid))
    )
    assert (
        "<p title=Jetzt&#32;{{<phone>}}&#32;anrufen,&#32;nicht&#32;&#123;{&lt;phone&gt;}}>Hi.</p>"
        in translated
    )
    shown = shown_by_hugo(translated, tmp_path, {"phone": "+34"})
    assert shown.xpath("//p/@title") == ["Jetzt +34 anrufen, nicht {{<phone>}}"]
    assert [p.text for p in shown.iter("p")] == ["Hi."]


def test_a_shortcode_with_a_quoted_parameter_in_a_double_quoted_attribute_stays_one_placeholder(
    tmp_path: Path,
) -> None:
    """Hugo runs ``{{< phone "home" >}}`` before the HTML is read, its quotes with it: the value was
    read up to the parameter's quote (``Call {{< phone``), the pseudo-translated page wrote
    ``&#123;{&lt; phone``, which Hugo showed as text, the phone number gone."""
    page = '---\ntitle: Ferries\n---\n<p title="Call {{< phone "home" >}} now">Hi.</p>\n'
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()] == ["Ferries", "Call <1/> now", "Hi."]
    assert unmarked(pseudo(document)) == page
    translated = document.render(
        lambda slot: Resolution({"Call <1/> now": 'Jetzt <1/> "anrufen"'}.get(slot.msgid))
    )
    assert '<p title="Jetzt {{< phone "home" >}} &quot;anrufen&quot;">Hi.</p>' in translated
    shown = shown_by_hugo(translated, tmp_path, {"phone": "+34"})
    assert shown.xpath("//p/@title") == ['Jetzt +34 "anrufen"']
    assert [p.text for p in shown.iter("p")] == ["Hi."]


def test_a_tag_of_thousands_of_unclosed_shortcode_openers_is_read_in_linear_time() -> None:
    """Each ``{{<`` of an attribute value looked for its ``>}}`` to the end of the line: a tag of
    16,000 of them took a minute."""
    from linear_time import assert_linear
    from transpub.formats.html_attributes import attribute_spans

    def tag(n: int) -> str:
        return '<p title="' + "{{<" * n + '" alt=' + "{{<" * n + ">"

    assert [name for name, _ in attribute_spans(tag(3))] == ["title", "alt"]
    assert_linear(tag, attribute_spans, 1000)


def test_a_liquid_tag_with_a_quoted_parameter_in_a_double_quoted_attribute_runs_in_jekyll_as_in_the_source(
    tmp_path: Path,
) -> None:
    page = '---\ntitle: Ferries\n---\n<p title="Ring {% include phone.html kind="mobile" %} now">Hi.</p>\n'
    document = read(tmp_path, page)
    assert [unit.msgid for unit in document.units()] == ["Ferries", "Ring <1/> now", "Hi."]
    assert unmarked(pseudo(document)) == page
    translated = document.render(
        lambda slot: Resolution({"Ring <1/> now": "Klingeln <1/> 'jetzt' {% x %}"}.get(slot.msgid))
    )
    if JEKYLL is None:
        pytest.skip("jekyll is not installed (make test installs the Debian package jekyll)")
    built = jekyll_page(translated, tmp_path / "site", ".html", {"phone.html": "+34 {{ include.kind }}"})
    shown = lxml.html.fragment_fromstring(built, create_parent="div")
    assert shown.xpath("//p/@title") == ["Klingeln +34 mobile 'jetzt' {% x %}"]
