"""A site's own shortcodes whose inside is code (``[extract.shortcodes] code``): a Hugo theme's
``{{< terminal >}}…{{< /terminal >}}``, a SyntaxHighlighter brush of the site's, ``[ts]…[/ts]``. Their
inside is kept as written and never offered, as that of Hugo's ``highlight`` and SyntaxHighlighter's
``[code]`` is, in Markdown and HTML content pages and in posts exported from WordPress. Checked by
the real Hugo (see real_renderers) and WordPress's own shortcode code (see wordpress_run)."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from real_renderers import HUGO, hugo_pages
from test_compile_helpers import run_cli
from transpub.formats.document import Document, Resolution
from transpub.project import load_project, render_config
from transpub.sources import load_article
from wordpress_run import handed_to, needs_wordpress, run_shortcodes

#: A Hugo theme's terminal shortcode: what it holds shown as written, escaped for HTML.
TERMINAL = '<code class="terminal">{{ .Inner | htmlEscape | safeHTML }}</code>'

MARKDOWN = """---
title: Install the tools
---

Run {{< terminal >}}go get example.com/a[1] && echo "<ok>"{{< /terminal >}} in a *shell*.

{{< terminal >}}
if a < b && c { x[0] = 1 }
{{< /terminal >}}

Then it works.
"""

HTML_CONTENT = """---
title: Install the tools
---
<p>Run {{< terminal >}}go get example.com/a[1] && echo "<ok>"{{< /terminal >}} in a <em>shell</em>.</p>
{{< terminal >}}
if a < b && c { x[0] = 1 }
{{< /terminal >}}
<p>Then it works.</p>
"""


def write_project(root: Path, name: str, articles: dict[str, str], shortcodes: str) -> Path:
    """``root`` made a project named ``name`` (en → de) of ``articles`` (name: text), its
    ``[extract.shortcodes]`` table holding ``shortcodes``."""
    (root / "articles").mkdir(parents=True)
    config = render_config(name, "en", ["de"]) + "\n[extract.shortcodes]\n" + shortcodes
    (root / "transpub.toml").write_text(config, encoding="utf-8")
    for article, text in articles.items():
        (root / "articles" / article).write_text(text, encoding="utf-8")
    return root


def project_with(tmp_path: Path, articles: dict[str, str], shortcodes: str) -> list[Document]:
    """The documents of ``articles`` (name: text) read as the project whose ``[extract.shortcodes]``
    table holds ``shortcodes`` reads them."""
    root = write_project(tmp_path / "project", "Docs", articles, shortcodes)
    project = load_project(root)
    return [load_article(project, root / "articles" / name) for name in articles]


def pseudo(document: Document) -> str:
    """The page with every msgstr ``⟦msgid⟧``."""
    return document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))


def unmarked(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")


def body(page: str) -> str:
    """A content page without its front matter (the Hugo helper writes its own)."""
    return page.split("---\n", 2)[2]


@pytest.mark.hugo
@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_code_in_a_sites_own_hugo_shortcode_is_never_offered_and_hugo_shows_it_as_in_the_source(
    tmp_path: Path,
) -> None:
    markdown, html = project_with(
        tmp_path, {"install.md": MARKDOWN, "install.html": HTML_CONTENT}, 'code = ["terminal"]\n'
    )
    assert [unit.msgid for unit in markdown.units()] == [
        "Install the tools",
        "Run <1/> in a <2>shell</2>.",
        "Then it works.",
    ]
    assert [unit.msgid for unit in html.units()] == [unit.msgid for unit in markdown.units()]
    for document, source, suffix in ((markdown, MARKDOWN, ".md"), (html, HTML_CONTENT, ".html")):
        translated = pseudo(document)
        assert unmarked(translated) == source
        english, german = hugo_pages(
            [body(source), body(translated)],
            tmp_path / f"site{suffix}",
            shortcodes={"terminal": TERMINAL},
            suffix=suffix,
        )
        assert unmarked(german) == english
        assert (
            "echo &#34;&lt;ok&gt;&#34;</code>" in english
            and "if a &lt; b &amp;&amp; c { x[0] = 1 }" in english
        )


#: A post with a SyntaxHighlighter brush of the site's own: over two paragraphs (the block editor's
#: classic block), inside a sentence, and on lines of their own with a blank line (the classic editor).
POST = """<p>Declare it:</p>
<p>[ts]<br />let a = 1;</p>
<p>a[0] > 1;[/ts]</p>
<p>Then [ts]x > y && z[1][/ts] runs.</p>
[ts]
const b = a && c;

let z = b[1] > 2;
[/ts]
Done.
"""


@needs_wordpress
def test_code_in_a_sites_own_wordpress_code_shortcode_is_never_offered_and_wordpress_gets_it_as_written(
    tmp_path: Path,
) -> None:
    (document,) = project_with(tmp_path, {"post.html": POST}, 'wordpress = ["caption"]\ncode = ["ts"]\n')
    assert [unit.msgid for unit in document.units()] == ["Declare it:", "Then <1/> runs.", "Done."]
    assert not document.warnings  # (no "[/ts] looks like a shortcode of the site": named in code)
    translated = pseudo(document)
    assert unmarked(translated) == POST
    for autop in (False, True):
        source_run = run_shortcodes(POST, ["caption", "ts"], autop=autop)
        assert run_shortcodes(unmarked(translated), ["caption", "ts"], autop=autop) == source_run
    shown = re.findall(r"<ran-ts[^>]*>(.*?)</ran-ts>", run_shortcodes(POST, ["ts"]), re.S)
    assert shown == [
        "<br />let a = 1;</p>\n<p>a[0] > 1;",
        "x > y && z[1]",
        "\nconst b = a && c;\n\nlet z = b[1] > 2;\n",
    ]


@needs_wordpress
def test_a_wordpress_code_shortcode_inside_one_of_its_name_ends_the_code_where_wordpress_ends_it(
    tmp_path: Path,
) -> None:
    """WordPress pairs the first ``[ts]`` with the first ``[/ts]`` after it: ``[ts]x > 1 [ts]y[/ts]`` is
    the code, and `` z[/ts]`` text of the page. The code is never offered; a translation hands the
    shortcode the same code."""
    post = "Run [ts]x > 1 && y[0] [ts]y[/ts] z[/ts] now.\n"
    (document,) = project_with(tmp_path, {"post.html": post}, 'wordpress = ["caption"]\ncode = ["ts"]\n')
    assert [unit.msgid for unit in document.units()] == ["Run <1/> z[/ts] now."]
    assert handed_to(post, ["ts"])[0] == ("ts", "", "x > 1 && y[0] [ts]y")
    assert unmarked(pseudo(document)) == post
    german = document.render(lambda slot: Resolution("Starte <1/> z[/ts] jetzt."))
    assert handed_to(german, ["ts"]) == handed_to(post, ["ts"])


#: The ``[extract.shortcodes]`` table of a WordPress site with a code shortcode of its own, ``ts``.
WORDPRESS_TS = 'wordpress = ["caption"]\ncode = ["ts"]\n'
#: A code shortcode WordPress runs alone (no [/ts] after it) after one it pairs.
ALONE_AFTER_A_PAIR = 'Run [ts]x[/ts] then [ts lang="js"] alone.\n'
#: One whose [/ts] after a pair holding another is text of the page (WordPress pairs the first [/ts]).
ALONE_AFTER_TEXT = 'Run [ts]x [ts]y[/ts] z[/ts] now, [ts lang="js"] alone.\n'


def wordpress_cli_project(tmp_path: Path, posts: dict[str, str], translations: dict[str, str]) -> Path:
    """A project of ``posts`` (name: text) from a WordPress site with a ``ts`` code shortcode, its
    German catalogs filled from ``translations`` (msgid: msgstr)."""
    root = write_project(tmp_path / "blog", "Blog", posts, WORDPRESS_TS)
    assert run_cli(root, "extract").exit_code == 0
    for name in posts:
        po = polib.pofile(str(root / "locales" / "de" / "LC_MESSAGES" / name.replace(".html", ".po")))
        for entry in po:
            entry.msgstr = translations[entry.msgid]
        po.save()
    return root


@needs_wordpress
def test_a_translation_moving_a_lone_code_shortcode_before_anothers_closing_token_is_refused_naming_the_entry(
    tmp_path: Path,
) -> None:
    """``Starte <2/> dann <1/> allein.`` wrote ``[ts lang="js"] dann [ts]x[/ts]``: WordPress handed
    ``[ts lang="js"]`` the code `` dann [ts]x``. Compile publishes the source there and says what to
    do, as check does; a translation keeping the order is published."""
    (document,) = project_with(tmp_path, {"post.html": ALONE_AFTER_A_PAIR}, WORDPRESS_TS)
    assert [unit.msgid for unit in document.units()] == ["Run <1/> then <2/> alone."]
    assert unmarked(pseudo(document)) == ALONE_AFTER_A_PAIR
    moved = "Starte <2/> dann <1/> allein."
    assert handed_to('Starte [ts lang="js"] dann [ts]x[/ts] allein.', ["ts"])[0][2] == " dann [ts]x"
    assert document.render(lambda slot: Resolution(moved)) == ALONE_AFTER_A_PAIR
    kept = document.render(lambda slot: Resolution("Starte <1/>, dann <2/> allein."))
    assert (
        handed_to(kept, ["ts"])
        == handed_to(ALONE_AFTER_A_PAIR, ["ts"])
        == [
            ("ts", "", "x"),
            ("ts", {"lang": "js"}, ""),
        ]
    )

    root = wordpress_cli_project(
        tmp_path, {"post.html": ALONE_AFTER_A_PAIR}, {"Run <1/> then <2/> alone.": moved}
    )
    compiled = run_cli(root, "compile", "--threshold", "0")
    assert compiled.exit_code == 0, compiled.output
    why = (
        'WordPress would close [ts lang="js"] (<2/>) with the [/ts] of <1/>, handing it the text between '
        "them as its content; put <2/> after <1/>, as in the source"
    )
    assert "Warning: locales/de/LC_MESSAGES/post.po:" in compiled.output
    assert f"{why}; the source text is published instead" in " ".join(compiled.output.split())
    german = (root / "site" / "de" / "post.html").read_text(encoding="utf-8")
    assert handed_to(german, ["ts"]) == handed_to(ALONE_AFTER_A_PAIR, ["ts"])
    checked = run_cli(root, "check")
    assert checked.exit_code == 1
    assert (
        f'[placeholders] "Run <1/> then <2/> alone.": {why}; compile publishes the source text instead'
        in (" ".join(checked.output.split()))
    )


@needs_wordpress
def test_a_closing_code_token_a_translation_writes_after_a_lone_one_is_shown_and_closes_nothing(
    tmp_path: Path,
) -> None:
    """The source's text ``z[/ts]`` (after a pair WordPress closed already) moved after ``[ts
    lang="js"]``, which runs alone, handed it `` allein z``: there it is written ``&#91;/ts]``."""
    (document,) = project_with(tmp_path, {"post.html": ALONE_AFTER_TEXT}, WORDPRESS_TS)
    assert [unit.msgid for unit in document.units()] == ["Run <1/> z[/ts] now, <2/> alone."]
    assert unmarked(pseudo(document)) == ALONE_AFTER_TEXT
    german = document.render(lambda slot: Resolution("Starte <1/> z[/ts] jetzt, <2/> allein z[/ts]."))
    assert german == 'Starte [ts]x [ts]y[/ts] z[/ts] jetzt, [ts lang="js"] allein z&#91;/ts].\n'
    assert handed_to(german, ["ts"]) == handed_to(ALONE_AFTER_TEXT, ["ts"])
    assert handed_to(ALONE_AFTER_TEXT, ["ts"])[-1] == ("ts", {"lang": "js"}, "")


@needs_wordpress
def test_the_sources_escaped_shortcode_a_translation_moves_before_a_closing_token_stays_text(
    tmp_path: Path,
) -> None:
    """``[[ts]]`` shows ``[ts]`` where no ``[/ts]`` follows it; moved before ``[ts]x[/ts]`` (or the
    source's text ``z[/ts]``), WordPress ran ``ts`` with ``] für [ts]x``: it is written ``&#91;ts]``."""
    post = "Run [ts]x[/ts] z[/ts], write [[ts]] for it.\n"
    (document,) = project_with(tmp_path, {"post.html": post}, WORDPRESS_TS)
    assert [unit.msgid for unit in document.units()] == ["Run <1/> z[/ts], write [[ts]] for it."]
    assert unmarked(pseudo(document)) == post
    assert handed_to("Schreibe [[ts]] für [ts]x[/ts].", ["ts"])[0] == ("ts", "", "] für [ts]x")
    for moved in ("Schreibe [[ts]] für <1/> z[/ts].", "Starte <1/>, [[ts]] für z[/ts]."):
        german = document.render(lambda slot, moved=moved: Resolution(moved))
        assert "&#91;ts] für" in german
        assert handed_to(german, ["ts"]) == handed_to(post, ["ts"]) == [("ts", "", "x")]
    kept = document.render(lambda slot: Resolution("Starte <1/> z[/ts], schreibe [[ts]] dafür."))
    assert kept == "Starte [ts]x[/ts] z[/ts], schreibe [[ts]] dafür.\n"


@needs_wordpress
def test_a_short_wordpress_shortcode_is_a_placeholder_and_one_a_translation_writes_is_shown_never_run(
    tmp_path: Path,
) -> None:
    """``[ts]``, ``[b]`` (shorter than a comment, ``<!---->``) were offered as text: a translation
    could drop one, or repeat it, and WordPress ran it each time."""
    post = "<p>Also [ts] alone, [b] here, [tab] and [code] [ts ].</p>\n"
    names = ["b", "tab", "code", "ts"]
    (document,) = project_with(
        tmp_path, {"post.html": post}, 'wordpress = ["b", "tab", "code"]\ncode = ["ts"]\n'
    )
    assert [unit.msgid for unit in document.units()] == ["Also <1/> alone, <2/> here, <3/> and <4/> <5/>."]
    assert unmarked(pseudo(document)) == post
    german = document.render(
        lambda slot: Resolution("Auch <1/> allein, <2/> hier, <3/> und <4/> <5/>, [ts] [b] [tab].")
    )
    assert handed_to(german, names) == handed_to(post, names)
    assert [name for name, _, _ in handed_to(post, names)] == ["ts", "b", "tab", "code", "ts"]
    assert "&#91;ts] &#91;b] &#91;tab].</p>" in german


@needs_wordpress
def test_a_wordpress_code_shortcode_in_a_tags_attribute_is_handed_the_code_the_source_writes(
    tmp_path: Path,
) -> None:
    """WordPress runs the shortcodes of a tag's attributes too, handing ``[ts]a < b[/ts]`` the code as
    written there: a translation keeping it writes it so (``a &lt; b`` would be other code); one
    changing it shows it as written and runs nothing of its own."""
    post = '<p title="See [ts]a < b && c[/ts] here">Run it.</p>\n'
    (document,) = project_with(tmp_path, {"post.html": post}, 'wordpress = ["caption"]\ncode = ["ts"]\n')
    assert unmarked(pseudo(document)) == post
    german = document.render(
        lambda slot: Resolution(slot.msgid.replace("See", "Siehe").replace("here", "hier [ts]x > y[/ts]"))
    )
    assert handed_to(german, ["ts"]) == handed_to(post, ["ts"]) == [("ts", "", "a < b && c")]
    assert "hier &#91;ts]x &gt; y&#91;/ts]" in german


def test_a_code_shortcode_list_of_the_wrong_type_or_a_misspelt_key_is_an_error_naming_the_line(
    tmp_path: Path,
) -> None:
    from click.testing import CliRunner

    from transpub.cli import main

    root = tmp_path / "project"
    (root / "articles").mkdir(parents=True)
    config = root / "transpub.toml"
    scaffold = render_config("Docs", "en", ["de"]) + "\n[extract.shortcodes]\n"
    line = scaffold.count("\n") + 1
    for setting, message in (
        (
            'code = "ts"',
            "extract.shortcodes.code must be a list of shortcode names (no spaces, brackets, quotes, <, >, & or =), not 'ts' (a string)",
        ),
        (
            'code = ["t s"]',
            "extract.shortcodes.code must be a list of shortcode names (no spaces, brackets, quotes, <, >, & or =), not ['t s']",
        ),
        ('cdoe = ["ts"]', "unknown key 'cdoe' in [extract.shortcodes]; did you mean 'code'?"),
    ):
        config.write_text(scaffold + setting + "\n", encoding="utf-8")
        result = CliRunner().invoke(main, ["--project", str(root), "extract"])
        assert result.exit_code == 2, result.output
        assert result.output.strip() == f"Error: {config}:{line}: {message}"


#: A page whose link's title holds a code pair: Hugo runs it there too, handing it its inside as written.
IN_AN_ATTRIBUTE = """---
title: T
---
<p><a title="See {{< terminal >}}a < b{{< /terminal >}} x" href="u">L</a>
<img alt="{{< highlight go >}}x < 1{{< /highlight >}}" src="i.png"></p>
"""


@pytest.mark.hugo
@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_a_code_pair_in_an_attribute_of_an_html_page_is_written_as_in_the_source_and_hugo_shows_the_same(
    tmp_path: Path,
) -> None:
    (document,) = project_with(tmp_path, {"link.html": IN_AN_ATTRIBUTE}, 'code = ["terminal"]\n')
    translated = pseudo(document)
    assert unmarked(translated) == IN_AN_ATTRIBUTE  # (its "a < b" was written "a &lt; b")
    english, german = hugo_pages(
        [body(IN_AN_ATTRIBUTE), body(translated)],
        tmp_path / "site",
        shortcodes={"terminal": "{{ .Inner }}", "highlight": "{{ .Inner }}"},
        suffix=".html",
    )
    assert unmarked(german) == english
    assert 'title="See a < b x"' in english


def test_a_translation_that_changes_a_code_pair_in_an_attribute_shows_it_as_text_never_runs_it(
    tmp_path: Path,
) -> None:
    (document,) = project_with(tmp_path, {"link.html": IN_AN_ATTRIBUTE}, 'code = ["terminal"]\n')
    translations = {"See <1/> x": 'Ver <1/> {{< terminal >}}a < c{{< /terminal >}} "x'}
    written = document.render(lambda slot: Resolution(translations.get(slot.msgid, slot.msgid)))
    assert (
        'title="Ver {{< terminal >}}a < b{{< /terminal >}} &#123;{&lt; terminal >}}a &lt; c&#123;{&lt; /terminal >}} &quot;x"'
        in written
    )


#: A comment for writers in a Hugo shortcode pair of Markdown delimiters: on lines of its own, in a sentence.
COMMENTED = """---
title: T
---
{{% comment %}}
A note for writers.
{{% /comment %}}
<p>x {{% comment %}}inline note{{% /comment %}} y</p>
"""


@pytest.mark.hugo
@pytest.mark.skipif(HUGO is None, reason="hugo is not installed (make test installs the Debian package hugo)")
def test_a_comment_pair_of_markdown_delimiters_in_an_html_page_is_never_offered_and_hugo_publishes_none(
    tmp_path: Path,
) -> None:
    (document,) = project_with(tmp_path, {"notes.html": COMMENTED}, "")
    assert [unit.msgid for unit in document.units()] == ["T", "x <1/> y"]
    translated = pseudo(document)
    assert unmarked(translated) == COMMENTED
    english, german = hugo_pages(
        [body(COMMENTED), body(translated)],
        tmp_path / "site",
        shortcodes={"comment": "{{ if .Inner }}{{ end }}"},  # (Docsy's: publishes nothing)
        suffix=".html",
    )
    assert unmarked(german) == english
    assert "note" not in english and "<p>x  y</p>" in english


@pytest.mark.parametrize("name", ["highlight", "terminal"])
def test_a_code_pair_inside_a_markdown_shortcode_pair_in_a_sentence_is_never_offered(
    tmp_path: Path, name: str
) -> None:
    """``{{% mark %}}see {{< highlight go >}}a < b{{< /highlight >}}{{% /mark %}}``: the code pair
    is code inside the other pair too (it was offered: ``see <2>a < b</2>``)."""
    text = f"A {{{{% mark %}}}}see {{{{< {name} go >}}}}a < b{{{{< /{name} >}}}}{{{{% /mark %}}}} B.\n"
    (document,) = project_with(tmp_path, {"page.md": text}, 'code = ["terminal"]\n')
    assert [unit.msgid for unit in document.units()] == ["A <1>see <2/></1> B."]
    assert unmarked(pseudo(document)) == text
