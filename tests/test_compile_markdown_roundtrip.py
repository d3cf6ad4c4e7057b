"""Markdown articles end to end with the Markdown reader: pseudo-translated (every msgstr ``⟦msgid⟧``),
compiled to localized Markdown in both layouts, and to HTML pages."""

from __future__ import annotations

import re
from pathlib import Path

import polib
import pytest

from test_compile_helpers import run_cli
from transpub.compile import CompileOptions, compile_project
from transpub.extract import extract_project
from transpub.project import load_project

POST = """---
title: The harbour reopens
description: Ferries run again after the storm.
date: 2024-05-02
tags: [harbour, ferries]
draft: false
---

# The harbour reopens {#reopening}

The ferry to the *old town* runs again. Read [the timetable](/docs/ferries/ "Timetable") first.

{{< figure src="/img/harbour.svg" alt="The harbour at dawn" caption="The harbour at dawn" >}}

{{% note %}}
Boats leave **every hour** from pier 3.
{{% /note %}}

| Pier | Destination |
| ---- | ----------- |
| 3    | Old town    |

```sh
ferry --list --pier 3
```

1. Buy a ticket.
2. Board the ferry.

See the [map][map] and <https://harbour.example/>.

[map]: /docs/map/
"""
BUNDLE = """+++
title = "Visitor guide"
date = 2024-04-01
+++

Welcome to the harbour. The café opens at 8:00.
"""


def pseudo_project(root: Path, compile_extra: str) -> Path:
    """A Markdown project (a post and a page bundle with TOML front matter), every msgstr ``⟦msgid⟧``."""
    (root / "articles" / "posts").mkdir(parents=True)
    (root / "articles" / "guide").mkdir()
    (root / "articles" / "posts" / "harbour.md").write_text(POST, encoding="utf-8")
    (root / "articles" / "guide" / "index.md").write_text(BUNDLE, encoding="utf-8")
    (root / "transpub.toml").write_text(
        '[project]\nname = "Harbour"\nsource_locale = "en"\nlocales = ["es"]\n\n'
        f'[compile]\nformat = "markdown"\n{compile_extra}',
        encoding="utf-8",
    )
    project = load_project(root)
    extract_project(project, ["es"])
    for path in (root / "locales" / "es" / "LC_MESSAGES").rglob("*.po"):
        po = polib.pofile(str(path), wrapwidth=0)
        for entry in po:
            entry.msgstr = f"⟦{entry.msgid}⟧"
        po.save()
    return root


def without_marks(text: str) -> str:
    return text.replace("⟦", "").replace("⟧", "")


@pytest.mark.parametrize(
    ("extra", "post", "guide"),
    [
        ("", "site/es/posts/harbour.md", "site/es/guide/index.md"),
        ('layout = "suffix"\n', "articles/posts/harbour.es.md", "articles/guide/index.es.md"),
    ],
)
def test_pseudo_translated_markdown_equals_its_source_once_the_marks_are_removed(
    tmp_path: Path, extra: str, post: str, guide: str
) -> None:
    root = pseudo_project(tmp_path / "p", extra)
    report = compile_project(load_project(root), ["es"], CompileOptions())
    assert not report.errors
    spanish = (root / post).read_text("utf-8")
    assert without_marks(spanish) == POST
    assert without_marks((root / guide).read_text("utf-8")) == BUNDLE
    marked = set(re.findall(r"⟦([^⟧]*)⟧", spanish))
    assert {"The harbour reopens", "The harbour at dawn", "Boats leave **every hour** from pier 3."} <= marked
    for kept in (
        "date: 2024-05-02",
        "ferry --list --pier 3",
        "[map]: /docs/map/",
        "{{% note %}}",
        "| 3    |",
    ):
        assert f"\n{kept}" in spanish, kept  # markup, code and data lines carry no marks
    assert '[the timetable](/docs/ferries/ "⟦Timetable⟧")' in spanish
    assert (
        '{{< figure src="/img/harbour.svg" alt="⟦The harbour at dawn⟧" caption="⟦The harbour at dawn⟧" >}}'
        in spanish
    )


def test_html_pages_of_markdown_articles_show_the_translation_with_the_sites_links(tmp_path: Path) -> None:
    root = pseudo_project(tmp_path / "p", '[compile.links]\n"/docs/" = "/{lang}/docs/"\n')
    result = run_cli(root, "compile", "--format", "html")
    assert result.exit_code == 0, result.output
    page = (root / "site" / "es" / "posts" / "harbour.html").read_text("utf-8")
    assert '<html lang="es" dir="ltr">' in page
    assert "<title>⟦The harbour reopens⟧</title>" in page
    assert re.findall(r"<h1[^>]*>.*?</h1>", page) == ['<h1 id="reopening">⟦The harbour reopens⟧</h1>']
    assert '⟦Read <a href="/es/docs/ferries/" title="⟦Timetable⟧">the timetable</a> first.⟧' in page
    assert '<a href="/es/docs/map/">' in page
    assert (
        '<nav class="transpub-languages"' in page
        and 'hreflang="en" href="../../en/posts/harbour.html"' in page
    )
    assert "{{" not in page and "{%" not in page
    english = (root / "site" / "en" / "posts" / "harbour.html").read_text("utf-8")
    assert '<a href="/docs/ferries/"' in english and "⟦" not in english
    assert (root / "site" / "index.html").is_file()


def test_review_copies_of_markdown_articles_colour_each_unit(tmp_path: Path) -> None:
    root = pseudo_project(tmp_path / "p", "")
    po_path = root / "locales" / "es" / "LC_MESSAGES" / "posts" / "harbour.po"
    po = polib.pofile(str(po_path), wrapwidth=0)
    po.find("The harbour reopens").msgstr = ""
    po.save()
    compile_project(load_project(root), ["es"], CompileOptions(review=True, format="html"))
    review = (root / "site" / "_review" / "es" / "posts" / "harbour.html").read_text("utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", review, re.S)
    assert heading is not None and 'class="tp-missing"' in heading.group(1)
    assert 'class="tp-reviewed"' in review


def test_compile_review_with_markdown_output_says_where_the_markdown_articles_review_copies_come_from(
    tmp_path: Path,
) -> None:
    """The help's `compile --review --out DIR` on a Markdown site wrote no review copy and said nothing."""
    root = pseudo_project(tmp_path / "p", "")
    result = run_cli(root, "compile", "--review")
    assert result.exit_code == 0, result.output
    assert "review copies (--review) are written of HTML articles only" in result.stdout
    assert not (root / "site" / "_review").exists()
    preview = tmp_path / "preview"
    named = run_cli(root, "compile", "--format", "html", "--review", "--out", str(preview))
    assert named.exit_code == 0, named.output
    assert (preview / "_review" / "es" / "posts" / "harbour.html").is_file()
    assert "review copies" not in named.stdout


def files_below(folder: Path) -> list[str]:
    return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*") if path.is_file())


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        (
            [],  # the localized Markdown, and compile's record of the files it wrote there
            [
                ".transpub-outputs.json",
                "en/guide/index.md",
                "en/posts/harbour.md",
                "es/guide/index.md",
                "es/posts/harbour.md",
            ],
        ),
        (
            ["--format", "html"],
            [
                "_review/index.html",
                "en/guide/index.html",
                "en/index.html",
                "en/posts/harbour.html",
                "es/guide/index.html",
                "es/index.html",
                "es/posts/harbour.html",
                "index.html",
            ],
        ),
    ],
)
def test_a_preview_compiled_to_a_folder_outside_the_project_holds_only_what_compile_wrote(
    tmp_path: Path, options: list[str], expected: list[str]
) -> None:
    """`compile --out /tmp/p` of a Markdown site left a stray ``..transpub-outputs.json.lock`` there."""
    root = pseudo_project(tmp_path / "p", "")
    preview = tmp_path / "preview"
    for _ in range(2):  # written, then found as written
        result = run_cli(root, "compile", *options, "--out", str(preview))
        assert result.exit_code == 0, result.output
        assert files_below(preview) == expected


@pytest.mark.parametrize(
    "front", ["---\ntitle: The harbour\xa0reopens\n---\n", '+++\ntitle = "The harbour\xa0reopens"\n+++\n']
)
def test_a_no_break_space_in_a_front_matter_title_is_kept_in_its_translation(
    tmp_path: Path, front: str
) -> None:
    """WordPress.com keeps a title's last two words together with a no-break space (exported as
    such); a French translation puts a narrow one before ``!``: both are the translation's text."""
    from transpub.formats import ReadOptions, read_article
    from transpub.formats.document import Resolution

    path = tmp_path / "post.md"
    path.write_text(front + "\nFerries run again.\n", encoding="utf-8")
    document = read_article(path, ReadOptions())
    assert document.render(lambda slot: Resolution(slot.msgid)) == front + "\nFerries run again.\n"
    french = document.render(
        lambda slot: Resolution(slot.msgid.replace("The harbour\xa0reopens", "Le port rouvre\u202f!"))
    )
    assert "Le port rouvre\u202f!" in french
