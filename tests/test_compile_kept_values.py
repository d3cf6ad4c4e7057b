"""A translated front matter value or shortcode parameter that its format does not write (one that adds
a link or an e-mail address a theme would render, a Liquid parameter with a backslash) keeps its source
on the page: compile says so, naming the catalog's line, and check reports it."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import polib
import pytest

from real_renderers import HUGO, JEKYLL, hugo_page, jekyll_page
from test_compile_helpers import run_cli

POST = """---
title: The harbour
summary: The ferry runs again.
---

# The harbour

The ferry runs daily.

{% include figure.html caption="The dock at dawn" %}

{{< figure src="/boat.png" caption="A boat" >}}
"""


def make_post_project(root: Path, german: dict[str, str], post: str = POST, suffix: str = ".md") -> Path:
    """A Markdown post with a summary, a Liquid include and a shortcode, extracted, German filled
    (``suffix``: ``.html`` for an HTML content page)."""
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(
        '[project]\nname = "Harbour"\nsource_locale = "en"\nlocales = ["de"]\n\n[compile]\nformat = "markdown"\n',
        encoding="utf-8",
    )
    (root / "articles" / f"post{suffix}").write_text(post, encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    translations = {
        "The harbour": "Der Hafen",
        "The ferry runs again.": "Die Fähre fährt wieder.",
        "The ferry runs daily.": "Die Fähre fährt täglich.",
        "The dock at dawn": "Der Steg bei Tagesanbruch",
        "A boat": "Ein Boot",
        **german,
    }
    po = polib.pofile(str(catalog(root)), wrapwidth=0)
    for entry in po:
        entry.msgstr = translations[entry.msgid]
    po.save()
    return root


def catalog(root: Path) -> Path:
    return root / "locales" / "de" / "LC_MESSAGES" / "post.po"


def line_of(root: Path, msgid: str) -> int:
    lines = catalog(root).read_text(encoding="utf-8").splitlines()
    return lines.index(f'msgid "{msgid}"') + 1


def german_post(root: Path, suffix: str = ".md") -> str:
    return (root / "site" / "de" / f"post{suffix}").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("translation", "why"),
    [
        ("Die Fähre fährt wieder, schreiben Sie an info@port.example.", "adds an e-mail address"),
        ("Die Fähre fährt <b>wieder</b>.", "adds HTML"),
    ],
)
def test_compile_warns_when_a_front_matter_translation_keeps_its_source(
    tmp_path: Path, translation: str, why: str
) -> None:
    root = make_post_project(tmp_path / "harbour", {"The ferry runs again.": translation})
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert "summary: The ferry runs again.\n" in german_post(root)  # the source, as before
    assert "Der Steg bei Tagesanbruch" in german_post(root)  # (the other values are translated, unsaid)
    line = line_of(root, "The ferry runs again.")
    warnings = [text for text in result.stderr.splitlines() if "post.po" in text]
    assert warnings == [
        f"Warning: locales/de/LC_MESSAGES/post.po:{line}: front matter value summary: the translation {why} "
        "(a site may render the value as Markdown); the source text is published instead"
    ]


def test_compile_says_how_to_write_brackets_when_a_front_matter_translation_adds_a_reference_link(
    tmp_path: Path,
) -> None:
    root = make_post_project(
        tmp_path / "harbour", {"The ferry runs again.": "Die Fähre fährt [wieder][fahrplan]."}
    )
    result = run_cli(root, "compile")
    assert "summary: The ferry runs again.\n" in german_post(root)  # the source, as before
    line = line_of(root, "The ferry runs again.")
    assert [text for text in result.stderr.splitlines() if "post.po" in text] == [
        f"Warning: locales/de/LC_MESSAGES/post.po:{line}: front matter value summary: the translation adds a "
        "reference link (a site may render the value as Markdown; square brackets are kept as text around words "
        'alone ("[updated]"), not in "[a][b]", "[a](b)" or "[^a]"); the source text is published instead'
    ]


def compiled_keeping_the_caption(tmp_path: Path, translation: str, why: str) -> Path:
    """The post project with the include's caption translated ``translation``, compiled: the caption
    is published as the source writes it, and compile warns ``why`` naming the catalog's line."""
    root = make_post_project(tmp_path / "harbour", {"The dock at dawn": translation})
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert '{% include figure.html caption="The dock at dawn" %}' in german_post(root)
    line = line_of(root, "The dock at dawn")
    assert (
        f"Warning: locales/de/LC_MESSAGES/post.po:{line}: caption parameter of a Liquid include: the translation "
        f"holds {why}; the source text is published instead"
    ) in result.stderr
    return root


def test_compile_warns_when_a_liquid_parameter_translation_with_a_backslash_keeps_its_source(
    tmp_path: Path,
) -> None:
    compiled_keeping_the_caption(
        tmp_path, "Der Steg C:\\ bei Tagesanbruch", "a backslash, which Jekyll would read as an escape"
    )


def test_a_liquid_parameter_translation_with_a_double_quote_cannot_add_an_attribute_to_the_jekyll_page(
    tmp_path: Path,
) -> None:
    root = compiled_keeping_the_caption(
        tmp_path,
        'Der Steg" onerror="alert(1)',
        "a double quote, which would end the HTML attribute an include writes it in (Jekyll escapes nothing)",
    )
    if JEKYLL is None:
        pytest.skip("jekyll is not installed (make test installs the Debian package jekyll)")
    include = '<img src="/dock.png" alt="{{ include.caption }}">'  # (as Jekyll's documentation writes one)
    body = german_post(root).split("---\n", 2)[2].split("{{<")[0]
    page = jekyll_page(body, tmp_path / "site", includes={"figure.html": include})
    assert "onerror" not in page and 'alt="The dock at dawn"' in page


def test_compile_warns_when_a_shortcode_parameter_translation_adding_a_link_keeps_its_source(
    tmp_path: Path,
) -> None:
    root = make_post_project(tmp_path / "harbour", {"A boat": "Ein [Boot](https://evil.example)"})
    result = run_cli(root, "compile")
    assert '{{< figure src="/boat.png" caption="A boat" >}}' in german_post(root)
    line = line_of(root, "A boat")
    assert (
        f"Warning: locales/de/LC_MESSAGES/post.po:{line}: caption parameter of a shortcode: the translation adds "
        "a link or an image and a URL (a site may render the value as Markdown); the source text is published instead"
    ) in result.stderr
    reported = [text for text in run_cli(root, "check").output.splitlines() if text.startswith("locales/")]
    assert reported == [  # (check's links problem says it: once, and that compile publishes the source)
        f'locales/de/LC_MESSAGES/post.po:{line}: [links] "A boat": the translation adds https://evil.example, '
        "which the source does not have; keep the addresses of the source as written; "
        "compile publishes the source text instead"
    ]


def test_compile_warns_naming_the_positional_parameter_whose_translation_keeps_its_source(
    tmp_path: Path,
) -> None:
    tab = '{{% tab "Timetable" %}}\nEvery hour.\n{{% /tab %}}\n'
    german = {"Timetable": "<b>Fahrplan</b>", "Every hour.": "Stündlich."}
    root = make_post_project(tmp_path / "harbour", german, POST + "\n" + tab)
    result = run_cli(root, "compile")
    assert '{{% tab "Timetable" %}}\nStündlich.' in german_post(root)
    line = line_of(root, "Timetable")
    assert (
        f"Warning: locales/de/LC_MESSAGES/post.po:{line}: positional parameter 0 of a shortcode: the translation "
        "adds HTML (a site may render the value as Markdown); the source text is published instead"
    ) in result.stderr


@pytest.mark.parametrize(
    ("msgid", "translation", "shown"),
    [
        (
            "The ferry runs again.",
            "Schreiben Sie an info@port.example.",
            '[links] "The ferry runs again.": the translation adds info@port.example, which the source does not have',
        ),
        (
            "The ferry runs again.",
            "Die Fähre fährt [wieder][fahrplan].",
            '[links] "The ferry runs again.": front matter value summary: the translation adds a reference link',
        ),
        (
            "The dock at dawn",
            "Der Steg C:\\ bei Tagesanbruch",
            '[template] "The dock at dawn": caption parameter of a Liquid include: the translation holds a backslash',
        ),
        (
            "The dock at dawn",
            "Der Steg %} bei Tagesanbruch",
            '[template] "The dock at dawn": caption parameter of a Liquid include: the translation holds %}',
        ),
    ],
)
def test_check_fails_on_a_value_translation_compile_would_not_write(
    tmp_path: Path, msgid: str, translation: str, shown: str
) -> None:
    root = make_post_project(tmp_path / "harbour", {msgid: translation})
    result = run_cli(root, "check")
    assert result.exit_code == 1
    line = line_of(root, msgid)
    reported = [text for text in result.output.splitlines() if text.startswith("locales/")]
    assert len(reported) == 1 and reported[0].startswith(f"locales/de/LC_MESSAGES/post.po:{line}: {shown}")
    assert reported[0].endswith("; compile publishes the source text instead")


def as_html_site(root: Path) -> Path:
    """The project of ``root`` compiled to HTML pages (with review copies and indexes)."""
    config = root / "transpub.toml"
    config.write_text(config.read_text(encoding="utf-8").replace('"markdown"', '"html"'), encoding="utf-8")
    return root


def coverage_line(output: str) -> str:
    return next(line for line in output.splitlines() if line.startswith("de/post."))


def test_compile_counts_a_value_translation_that_keeps_its_source_as_not_published(tmp_path: Path) -> None:
    # as it counts one refused for broken placeholders: the page is not "100% translated"
    kept = make_post_project(
        tmp_path / "kept", {"The ferry runs again.": "Schreiben Sie an info@port.example."}
    )
    broken = make_post_project(tmp_path / "broken", {"The ferry runs daily.": "Die <1>Fähre</1> fährt."})
    assert coverage_line(run_cli(kept, "compile").output) == "de/post.md: 80% translated"
    assert coverage_line(run_cli(broken, "compile").output) == "de/post.md: 80% translated"
    for root in (kept, broken):  # and a page that must be whole is held back alike
        result = run_cli(root, "compile", "--threshold", "100")
        assert "de/post.md: not published: 80% translated, below the 100% needed to publish" in result.output
        assert not (root / "site" / "de" / "post.md").exists()


def test_review_copy_marks_a_value_translation_that_keeps_its_source_as_refused(tmp_path: Path) -> None:
    root = as_html_site(
        make_post_project(
            tmp_path / "harbour", {"The ferry runs again.": "Schreiben Sie an info@port.example."}
        )
    )
    assert run_cli(root, "compile", "--review").exit_code == 0
    review = (root / "site" / "_review" / "de" / "post.html").read_text(encoding="utf-8")
    line = line_of(root, "The ferry runs again.")
    marked = re.search(
        rf'<li class="tp-(\w+)" title="([^"]*post\.po:{line})"><code>[^<]*</code> ([^<]*)</li>', review
    )
    assert marked is not None
    state, hover, shown = marked.groups()
    assert state == "broken" and hover.startswith("Translation refused") and shown == "The ferry runs again."
    assert "info@port.example" not in review


def test_index_lists_a_page_by_its_source_title_when_the_title_value_keeps_its_source(tmp_path: Path) -> None:
    root = as_html_site(
        make_post_project(tmp_path / "harbour", {"The harbour": "Der [Hafen](https://x.example)"})
    )
    assert run_cli(root, "compile").exit_code == 0
    index = (root / "site" / "de" / "index.html").read_text(encoding="utf-8")
    assert "The harbour" in index and "Hafen" not in index


#: The summary's translation in the fixture, with an e-mail address: the page keeps the English one.
KEPT = {"The ferry runs again.": "Schreiben Sie an info@port.example."}


def test_status_counts_a_value_translation_that_keeps_its_source_as_not_translated_as_compile_does(
    tmp_path: Path,
) -> None:
    root = make_post_project(tmp_path / "kept", KEPT)
    result = run_cli(root, "status")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[1].split()[:7] == ["post", "de", "4", "0", "1", "80.0%", "16"]
    assert coverage_line(run_cli(root, "compile").output) == "de/post.md: 80% translated"


def test_check_counts_a_value_translation_that_keeps_its_source_as_not_translated_as_compile_does(
    tmp_path: Path,
) -> None:
    root = make_post_project(tmp_path / "kept", KEPT)
    result = run_cli(root, "check", "--min-translated", "90")
    assert result.exit_code == 1
    assert "de: 80% translated (4 of 5 units), 0 fuzzy, 1 untranslated" in result.output
    assert "[threshold] 80% translated (4 of 5 units), below the minimum of 90% for de" in result.output


def test_check_at_a_minimum_of_100_percent_fails_a_page_a_kept_value_takes_below_it_when_that_only_warns(
    tmp_path: Path,
) -> None:
    root = make_post_project(tmp_path / "kept", KEPT)
    config = root / "transpub.toml"
    config.write_text(config.read_text(encoding="utf-8") + '\n[check]\nwarn = ["links"]\n', encoding="utf-8")
    result = run_cli(root, "check")
    assert result.exit_code == 1, result.output
    assert "[links]" in result.output and "compile publishes the source text instead" in result.output
    assert "[threshold] 80% translated (4 of 5 units), below the minimum of 100% for de" in result.output
    assert (
        "not published: 80% translated, below the 100% needed"
        in run_cli(root, "compile", "--threshold", "100").output
    )


def test_status_and_check_count_a_translation_with_placeholders_compile_refuses_as_not_translated(
    tmp_path: Path,
) -> None:
    # compile shows the source for it (and says why): status and check count the page as compile does
    root = make_post_project(tmp_path / "broken", {"The ferry runs daily.": "Die <1>Fähre</1> fährt."})
    assert coverage_line(run_cli(root, "compile").output) == "de/post.md: 80% translated"
    status = run_cli(root, "status")
    assert status.exit_code == 0, status.output
    assert status.output.splitlines()[1].split()[:6] == ["post", "de", "4", "0", "1", "80.0%"]
    check = run_cli(root, "check")
    assert "de: 80% translated (4 of 5 units), 0 fuzzy, 1 untranslated" in check.output


#: Why check refuses each of the translations of :func:`test_status_shows_a_translation_compile_refuses_apart_and_says_where_to_see_why`.
REFUSED = {
    "The ferry runs again.": ("Schreiben Sie an info@port.example.", "[links]"),
    "The ferry runs daily.": ("Die <1>Fähre</1> fährt.", "[placeholders]"),
}


@pytest.mark.parametrize("msgid", list(REFUSED))
def test_status_shows_a_translation_compile_refuses_apart_and_says_where_to_see_why(
    tmp_path: Path, msgid: str
) -> None:
    """A translation compile refuses counts as untranslated (as compile counts it), yet it has a
    msgstr: status notes it and names the command that says why (it looked merely untranslated), and
    so does compile's note of a page it does not publish."""
    translation, problem = REFUSED[msgid]
    root = make_post_project(tmp_path / "refused", {msgid: translation})
    status = run_cli(root, "status")
    assert status.exit_code == 0, status.output
    assert status.output.splitlines()[1].endswith(
        "80.0%     16  (1 translation refused by compile, counted as untranslated: "
        "`transpub check -l de` says why)"
    )
    assert f" {problem} " in run_cli(root, "check", "-l", "de").output
    compiled = run_cli(root, "compile", "--threshold", "100")
    assert (
        "de/post.md: not published: 80% translated, below the 100% needed to publish; 1 translation refused "
        "(counted as untranslated): `transpub check -l de` says why"
    ) in compiled.output


TITLED = "---\ntitle: Ferry news\n---\n\nThe ferry runs.\n"


def hugo_titles(root: Path, markdown: str) -> str:
    """The HTML Hugo makes of a page ``markdown`` (front matter and all) with a layout that writes its
    title as it is and through ``markdownify``, as themes do; built in ``root`` (made anew)."""
    assert HUGO is not None
    shutil.rmtree(root, ignore_errors=True)
    (root / "content").mkdir(parents=True)
    (root / "layouts" / "_default").mkdir(parents=True)
    (root / "hugo.toml").write_text(
        'baseURL = "http://example.org/"\ndisableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section"]\n',
        encoding="utf-8",
    )
    layout = "<h1>{{ .Title }}</h1><h2>{{ .Title | markdownify }}</h2>{{ .Content }}"
    (root / "layouts" / "_default" / "single.html").write_text(layout, encoding="utf-8")
    (root / "content" / "a.md").write_text(markdown, encoding="utf-8")
    subprocess.run([HUGO, "--source", str(root), "--quiet"], check=True, capture_output=True, timeout=300)
    return (root / "public" / "a" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("title", ["Fährnachrichten [aktualisiert]", "[Neu] Fährnachrichten"])
def test_a_front_matter_title_translated_with_words_in_square_brackets_is_published(
    tmp_path: Path, title: str
) -> None:
    """Brackets no link definition of the page names are text wherever a theme writes the title
    (Hugo's ``.Title``, and rendered alone with ``markdownify``): the translation is published, and
    the page with it (it counted as untranslated and left the page at 50%, unpublished)."""
    german = {"Ferry news": title, "The ferry runs.": "Die Fähre fährt."}
    root = make_post_project(tmp_path / "harbour", german, TITLED)
    result = run_cli(root, "compile")
    assert result.exit_code == 0 and "post.po" not in result.stderr, result.output
    assert run_cli(root, "check").exit_code == 0
    written = german_post(root)
    assert title in written.split("---\n")[1]
    if HUGO is None:
        pytest.skip("hugo is not installed (make test installs the Debian package hugo)")
    page = lxml.html.fromstring(hugo_titles(tmp_path / "hugo", written))
    assert [heading.text_content() for heading in page.iter("h1", "h2")] == [title, title]
    assert not list(page.iter("a"))


def test_a_front_matter_translation_whose_brackets_name_a_link_of_the_page_says_how_to_write_them(
    tmp_path: Path,
) -> None:
    """Words in brackets that the page defines a link for would be that link where a theme writes the
    value into the page's Markdown (Jekyll's ``{{ page.title }}`` in the body): still refused, and
    compile says how to write them."""
    post = TITLED + "\nSee the [timetable].\n\n[timetable]: /timetable/\n"
    german = {
        "Ferry news": "Fährnachrichten [Timetable]",
        "The ferry runs.": "Die Fähre fährt.",
        "See the <1>timetable</1>.": "Siehe den <1>Fahrplan</1>.",
    }
    root = make_post_project(tmp_path / "harbour", german, post)
    result = run_cli(root, "compile")
    line = line_of(root, "Ferry news")
    assert [text for text in result.stderr.splitlines() if "post.po" in text] == [
        f"Warning: locales/de/LC_MESSAGES/post.po:{line}: front matter value title: the translation adds "
        'a reference link (the page defines a link [Timetable]: "[Timetable]" is that link where a theme '
        "writes the value into the page's Markdown, as {{ page.title }} in a Jekyll page does; write those "
        'words without square brackets, e.g. "(Timetable)"); the de page is not published (66.6% translated, below '
        "the 80% needed to publish; 1 translation refused (counted as untranslated): `transpub check -l de` "
        "says why): once it is, the source text is published there instead"
    ]
    reported = [text for text in run_cli(root, "check").output.splitlines() if text.startswith("locales/")]
    assert reported == [
        f'locales/de/LC_MESSAGES/post.po:{line}: [links] "Ferry news": front matter value title: the translation '
        'adds a reference link (the page defines a link [Timetable]: "[Timetable]" is that link where a theme '
        "writes the value into the page's Markdown, as {{ page.title }} in a Jekyll page does; write those "
        'words without square brackets, e.g. "(Timetable)"); compile publishes the source text instead',
        "locales/de/LC_MESSAGES/post.po: [threshold] 66.6% translated (2 of 3 units), below the 80% needed to "
        "publish in de: compile does not publish the page; translate 1 more unit in the catalog",
    ]


#: A post whose include's and shortcodes' captions a site writes into the page's Markdown (the
#: include's output, Hugo's ``{{% x %}}`` shortcode's) or renders alone (Hugo's ``figure``: markdownify).
CAPTIONS = """---
title: The harbour
---

The ferry runs daily.

{% include caption.html caption="The dock at dawn" %}

{{< figure src="/boat.png" caption="A boat" >}}

{{% boat caption="The boat in port" %}}
"""
#: The templates of that post's include and ``boat`` shortcode: the caption as it is, in the page's Markdown.
CAPTION_INCLUDE = {"caption.html": "{{ include.caption }}"}
BOAT_SHORTCODE = {"boat": '{{ .Get "caption" }}'}


def bracketed(words: str) -> dict[str, str]:
    """The post's captions translated with ``words`` in square brackets."""
    return {
        "The dock at dawn": f"Der Steg [{words}]",
        "A boat": f"Ein Boot [{words}]",
        "The boat in port": f"Das Boot im Hafen [{words}]",
    }


def built_by_hugo_and_jekyll(tmp_path: Path, markdown: str) -> tuple[str, str]:
    """The HTML Hugo makes of ``markdown`` (a post's body) without its Liquid includes, and the HTML
    Jekyll makes of it without its shortcodes."""
    if HUGO is None or JEKYLL is None:
        pytest.skip("hugo and jekyll are not both installed (make test installs the Debian packages)")
    lines = markdown.splitlines(keepends=True)
    hugo = hugo_page(
        "".join(line for line in lines if not line.startswith("{%")),
        tmp_path / "hugo",
        shortcodes=BOAT_SHORTCODE,
    )
    jekyll = jekyll_page(
        "".join(line for line in lines if not line.startswith("{{")),
        tmp_path / "jekyll",
        includes=CAPTION_INCLUDE,
    )
    return hugo, jekyll


def texts_and_links(html: str) -> tuple[list[str], list[str]]:
    """The texts of the paragraphs and figure captions of ``html``, and the targets of its links."""
    page = lxml.html.fromstring(html)
    texts = [" ".join(element.text_content().split()) for element in page.iter("p", "figcaption")]
    return [text for text in texts if text], [str(href) for href in page.xpath("//a/@href")]


def test_shortcode_and_include_captions_translated_with_words_in_square_brackets_are_published_as_text(
    tmp_path: Path,
) -> None:
    """No link definition of the page names "[neu]": Hugo and Jekyll show the brackets as text, in
    the page's Markdown or rendered alone. They were refused as a reference link (English captions
    on the German page)."""
    german = {"The harbour": "Der Hafen", **bracketed("neu")}
    root = make_post_project(tmp_path / "harbour", german, CAPTIONS)
    result = run_cli(root, "compile")
    assert result.exit_code == 0 and "post.po" not in result.stderr, result.output
    assert run_cli(root, "check").exit_code == 0
    body = german_post(root).split("---\n", 2)[2]
    assert [f'caption="{text}"' in body for text in bracketed("neu").values()] == [True, True, True]
    hugo, jekyll = built_by_hugo_and_jekyll(tmp_path, body)
    assert texts_and_links(hugo) == (
        ["Die Fähre fährt täglich.", "Ein Boot [neu]", "Ein Boot [neu]", "Das Boot im Hafen [neu]"],
        [],
    )
    assert texts_and_links(jekyll) == (["Die Fähre fährt täglich.", "Der Steg [neu]"], [])


def test_captions_whose_brackets_name_a_link_of_the_page_keep_their_source_and_compile_says_why(
    tmp_path: Path,
) -> None:
    """The page defines [timetable]: in the include's output and the ``{{% x %}}`` shortcode's (the
    page's Markdown) "[Timetable]" is that link, as Hugo and Jekyll build it; the captions keep
    their source, and the warning says why and what to write instead."""
    post = CAPTIONS + "\nSee the [timetable].\n\n[timetable]: /timetable/\n"
    german = {"The harbour": "Der Hafen", "See the <1>timetable</1>.": "Siehe den <1>Fahrplan</1>."}
    root = make_post_project(tmp_path / "harbour", {**german, **bracketed("Timetable")}, post)
    result = run_cli(root, "compile", "--threshold", "0")
    body = german_post(root).split("---\n", 2)[2]
    assert [f'caption="{text}"' in body for text in ("The dock at dawn", "A boat", "The boat in port")] == [
        True,
        True,
        True,
    ]
    fix = (
        'write those words without square brackets, e.g. "(Timetable)"); the source text is published instead'
    )
    hugo_why = (
        "where a shortcode's output is part of the page's Markdown, as a {{% x %}} shortcode's is in Hugo"
    )
    assert [text for text in result.stderr.splitlines() if "post.po" in text] == [
        f"Warning: locales/de/LC_MESSAGES/post.po:{line_of(root, msgid)}: caption parameter of {what}: the "
        'translation adds a reference link (the page defines a link [Timetable]: "[Timetable]" is that link '
        f"{why}; {fix}"
        for msgid, what, why in [
            (
                "The dock at dawn",
                "a Liquid include",
                "in an include's output, which Jekyll renders as part of the page's Markdown",
            ),
            ("A boat", "a shortcode", hugo_why),
            ("The boat in port", "a shortcode", hugo_why),
        ]
    ]
    # as written, Hugo's {{% x %}} shortcode and Jekyll's include would have made the words that link
    for source, translation in bracketed("Timetable").items():
        body = body.replace(f'caption="{source}"', f'caption="{translation}"')
    hugo, jekyll = built_by_hugo_and_jekyll(tmp_path, body)
    assert texts_and_links(hugo)[1] == ["/timetable/", "/timetable/"]
    assert texts_and_links(jekyll)[1] == ["/timetable/", "/timetable/"]


HTML_CAPTIONS = """---
title: The harbour
---

<p>The ferry runs daily.</p>
{{< figure src="/boat.png" caption="A boat" >}}
<p>{{% boat caption="The boat in port" %}}</p>
"""


def test_an_html_content_pages_title_and_captions_translated_with_words_in_square_brackets_are_published(
    tmp_path: Path,
) -> None:
    """An HTML content page's body is no Markdown: no link definition is there for the brackets to
    name; Hugo shows them as text. The title and the captions were refused as a reference link."""
    german = {"The harbour": "Der Hafen [neu]", **bracketed("neu")}
    root = make_post_project(tmp_path / "harbour", german, HTML_CAPTIONS, suffix=".html")
    result = run_cli(root, "compile")
    assert result.exit_code == 0 and "post.po" not in result.stderr, result.output
    assert run_cli(root, "check").exit_code == 0
    front, body = german_post(root, ".html").split("---\n", 2)[1:]
    assert front == "title: Der Hafen [neu]\n"
    if HUGO is None:
        pytest.skip("hugo is not installed (make test installs the Debian package hugo)")
    html = hugo_page(body, tmp_path / "hugo", shortcodes=BOAT_SHORTCODE, suffix=".html")
    assert texts_and_links(html) == (
        ["Die Fähre fährt täglich.", "Ein Boot [neu]", "Ein Boot [neu]", "Das Boot im Hafen [neu]"],
        [],
    )


#: An HTML content page with a callout whose inside Hugo renders as Markdown (its template:
#: ``markdownify``), a link definition and a shortcode in it.
HTML_CALLOUT = """---
title: The harbour
---

<p>The ferry runs daily.</p>
{{% note %}}
See the [timetable].

{{% boat caption="The boat in port" %}}

[timetable]: /timetable/
{{% /note %}}
"""


def test_a_caption_in_an_html_pages_markdown_callout_whose_brackets_name_its_link_keeps_its_source(
    tmp_path: Path,
) -> None:
    """Hugo renders the callout's inside as Markdown with its definition: "[Timetable]" in the
    caption would be that link (as the build shows); the caption keeps its source, and says why."""
    german = {"The harbour": "Der Hafen", "See the <1>timetable</1>.": "Siehe den <1>Fahrplan</1>."}
    root = make_post_project(
        tmp_path / "harbour", {**german, **bracketed("Timetable")}, HTML_CALLOUT, ".html"
    )
    result = run_cli(root, "compile", "--threshold", "0")
    body = german_post(root, ".html").split("---\n", 2)[2]
    assert '{{% boat caption="The boat in port" %}}' in body
    assert (
        f"post.po:{line_of(root, 'The boat in port')}: caption parameter of a shortcode: the translation adds a "
        'reference link (the page defines a link [Timetable]: "[Timetable]" is that link where a '
    ) in result.stderr
    if HUGO is None:
        pytest.skip("hugo is not installed (make test installs the Debian package hugo)")
    shortcodes = {**BOAT_SHORTCODE, "note": "<aside>{{ .Inner | markdownify }}</aside>"}
    written = body.replace('caption="The boat in port"', 'caption="Das Boot im Hafen [Timetable]"')
    html = hugo_page(written, tmp_path / "hugo", shortcodes=shortcodes, suffix=".html")
    assert texts_and_links(html)[1] == ["/timetable/", "/timetable/"]


@pytest.mark.parametrize(
    ("kept", "shown", "summary"),
    [
        ("machine translation by fake (en→de) on 2026-11-25", None, "(1 of 5 unreviewed)"),
        (None, "machine translation by fake (en→de) on 2026-11-25", "(1 of 5 machine-translated)"),
    ],
)
def test_an_unreviewed_value_that_keeps_its_source_is_not_counted_as_shown_unreviewed(
    tmp_path: Path, kept: str | None, shown: str | None, summary: str
) -> None:
    """With --include-fuzzy: the summary's counts are of what the page shows (the front matter value
    shows its source); machine output and other unreviewed work counted apart."""
    root = make_post_project(
        tmp_path / "harbour", {"The ferry runs again.": "Schreiben Sie an info@port.example."}
    )
    po = polib.pofile(str(catalog(root)), wrapwidth=0)
    for entry in po:
        provenance = {"The ferry runs again.": kept, "The ferry runs daily.": shown}.get(entry.msgid, False)
        if provenance is not False:
            entry.flags.append("fuzzy")
            entry.tcomment = f"transpub: {provenance}" if provenance else ""
    po.save()
    result = run_cli(root, "compile", "--include-fuzzy")
    assert result.exit_code == 0, result.output
    assert "summary: The ferry runs again.\n" in german_post(root)
    assert f"80% shown {summary}" in result.output, result.output


@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (apt-get install hugo)")
@pytest.mark.parametrize("number", ["1e3", "0o17", "1_000", "-2.5E+3"])
def test_a_front_matter_translation_that_hugo_would_read_as_a_number_shows_as_written(
    tmp_path: Path, number: str
) -> None:
    # PyYAML reads a plain 1e3 or 0o17 as text, Hugo's Go YAML as 1000 and 15: the German title was
    # written plain and the page said "1000"
    root = make_post_project(tmp_path / "p", {"The harbour": number, "The ferry runs again.": number})
    assert run_cli(root, "compile").exit_code == 0
    site = tmp_path / "hugo"
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text('baseURL = "http://example.org/"\n', encoding="utf-8")
    layout = "<h1>{{ .Title }}</h1><p>{{ .Params.summary }}</p>"
    (site / "layouts" / "_default" / "single.html").write_text(layout, encoding="utf-8")
    (site / "content" / "post.md").write_text(german_post(root), encoding="utf-8")
    subprocess.run([HUGO, "--source", str(site), "--quiet"], check=True, capture_output=True, timeout=300)
    page = lxml.html.fromstring((site / "public" / "post" / "index.html").read_text(encoding="utf-8"))
    assert page.findtext(".//h1") == number and page.findtext(".//p") == number
