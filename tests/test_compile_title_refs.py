"""``[extract.front_matter] title_refs``: a front matter value that names another page by its title
(just-the-docs' ``parent``, ``grand_parent``) is written, in each language, as the title that page is
published with there, so that the theme still finds a page's children in the translated site."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from test_compile_helpers import run_cli
from transpub.discovery import in_shard

CONFIG = """[project]
name = "Docs"
source_locale = "en"
locales = ["de"]

[paths]
articles = "docs"

[extract.front_matter]
translate = ["title", "description"{translate}]
title_refs = ["parent", "grand_parent"]

[compile]
format = "markdown"
layout = "directory"
markdown_dir = "out"
copy_source = false
"""

PAGES = {
    "customization": "---\ntitle: Customization\nnav_order: 2\n---\n\nChange the look of the site.\n",
    "colors": "---\ntitle: Colors\nparent: Customization\n---\n\nPick the colors.\n",
    "fonts": '---\ntitle: Fonts\nparent: "Customization"\n---\n\nPick the fonts.\n',
    "sizes": "---\ntitle: Sizes\nparent: Fonts\ngrand_parent: Customization\n---\n\nPick the sizes.\n",
}

GERMAN = {
    "Customization": "Anpassung",
    "Change the look of the site.": "Das Aussehen der Website ändern.",
    "Colors": "Farben",
    "Pick the colors.": "Die Farben wählen.",
    "Fonts": "Schriften",
    "Pick the fonts.": "Die Schriften wählen.",
    "Sizes": "Größen",
    "Pick the sizes.": "Die Größen wählen.",
}


def make_docs(root: Path, pages: dict[str, str] = PAGES, *, translate: str = "") -> Path:
    """A just-the-docs-like project of ``pages`` (slug: Markdown), extracted."""
    (root / "docs").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG.replace("{translate}", translate), encoding="utf-8")
    for slug, text in pages.items():
        (root / "docs" / f"{slug}.md").write_text(text, encoding="utf-8")
    result = run_cli(root, "extract")
    assert result.exit_code == 0, result.output
    return root


def fill(root: Path, entries: dict[str, str], *, slugs: tuple[str, ...] | None = None) -> None:
    """Translate the German catalogs (of ``slugs``, or all) from ``entries`` (a msgid missing: left empty)."""
    for path in sorted((root / "locales" / "de" / "LC_MESSAGES").glob("*.po")):
        if slugs is not None and path.stem not in slugs:
            continue
        po = polib.pofile(str(path))
        for entry in po:
            entry.msgstr = entries.get(entry.msgid, "")
        po.save(str(path))


def front(root: Path, slug: str) -> dict[str, str]:
    """The front matter of the German Markdown file of ``slug``, key by key as written."""
    text = (root / "out" / "de" / f"{slug}.md").read_text(encoding="utf-8")
    head = text.split("---\n")[1]
    return dict(line.split(": ", 1) for line in head.splitlines())


def compile_ok(root: Path, *args: str) -> str:
    result = run_cli(root, "compile", *args)
    assert result.exit_code == 0, result.output
    return result.stderr


def test_children_name_their_parent_by_the_parents_translated_title(tmp_path: Path) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, GERMAN)
    compile_ok(root)
    assert front(root, "customization")["title"] == "Anpassung"
    assert front(root, "colors")["parent"] == "Anpassung"
    assert front(root, "fonts")["parent"] == '"Anpassung"'  # quoted as the source quotes it
    assert front(root, "sizes") == {"title": "Größen", "parent": "Schriften", "grand_parent": "Anpassung"}


def test_a_parent_title_is_never_offered_to_translators(tmp_path: Path) -> None:
    root = make_docs(tmp_path / "p", translate=', "parent"')  # listed in both: it names a page
    msgids = [
        entry.msgid for entry in polib.pofile(str(root / "locales" / "de" / "LC_MESSAGES" / "sizes.po"))
    ]
    assert msgids == ["Sizes", "Pick the sizes."]


def test_children_of_a_held_back_parent_name_it_by_its_source_title(tmp_path: Path) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, {**GERMAN, "Change the look of the site.": ""})  # the parent: 50%, below the threshold
    compile_ok(root)
    assert not (root / "out" / "de" / "customization.md").exists()
    assert front(root, "colors")["parent"] == "Customization"
    assert front(root, "sizes")["parent"] == "Schriften"
    assert front(root, "sizes")["grand_parent"] == "Customization"


def test_children_of_a_parent_whose_title_is_untranslated_keep_the_source_title(tmp_path: Path) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, {**GERMAN, "Customization": ""}, slugs=("customization",))
    fill(root, GERMAN, slugs=("colors", "fonts", "sizes"))
    compile_ok(root, "--threshold", "0")
    assert front(root, "customization")["title"] == "Customization"
    assert front(root, "colors")["parent"] == "Customization"


def test_compile_warns_once_naming_the_line_of_a_parent_no_page_has(tmp_path: Path) -> None:
    pages = {**PAGES, "lost": "---\ntitle: Lost\nnav_order: 9\nparent: Customisation\n---\n\nNo home.\n"}
    root = make_docs(tmp_path / "p", pages)
    fill(root, {**GERMAN, "Lost": "Verloren", "No home.": "Kein Zuhause."})
    warnings = compile_ok(root)
    assert warnings.count("Customisation") == 1
    assert "docs/lost.md:4: " in warnings and "names no page" in warnings
    assert front(root, "lost")["parent"] == "Customisation"
    assert compile_ok(root).count("Customisation") == 1  # (said again by a run that compiles nothing)


def test_a_new_translation_of_the_parent_title_rewrites_its_children(tmp_path: Path) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, GERMAN)
    compile_ok(root, "-j", "2")
    fill(root, {**GERMAN, "Customization": "Gestaltung"}, slugs=("customization",))
    compile_ok(root, "-j", "2")
    assert front(root, "colors")["parent"] == "Gestaltung"
    assert front(root, "sizes")["grand_parent"] == "Gestaltung"
    fill(root, {**GERMAN, "Change the look of the site.": ""}, slugs=("customization",))  # now held back
    compile_ok(root)
    assert front(root, "fonts")["parent"] == '"Customization"'


def test_a_shard_names_a_parent_in_another_shard_by_its_translated_title(tmp_path: Path) -> None:
    child = next(f"topic-{n}" for n in range(100) if in_shard(f"topic-{n}", (1, 2)))
    assert in_shard("customization", (2, 2))  # the parent is in the other shard
    pages = {"customization": PAGES["customization"], child: PAGES["colors"].replace("Colors", "Topic")}
    root = make_docs(tmp_path / "p", pages)
    fill(root, {**GERMAN, "Topic": "Thema", "Pick the colors.": "Die Farben wählen."})
    compile_ok(root, "--shard", "1/2")
    assert front(root, child)["parent"] == "Anpassung"
    assert not (root / "out" / "de" / "customization.md").exists()  # (the other shard's to write)


def test_pseudo_translated_children_keep_the_source_apart_from_the_marks(tmp_path: Path) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, {msgid: f"⟦{msgid}⟧" for msgid in GERMAN})
    compile_ok(root)
    for slug, text in PAGES.items():
        written = (root / "out" / "de" / f"{slug}.md").read_text(encoding="utf-8")
        assert written.replace("⟦", "").replace("⟧", "") == text
    assert front(root, "colors")["parent"] == front(root, "customization")["title"] == "⟦Customization⟧"


def test_title_refs_may_not_name_the_title_itself(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "transpub.toml").write_text(
        CONFIG.replace("{translate}", "").replace('title_refs = ["parent"', 'title_refs = ["title"'),
        encoding="utf-8",
    )
    result = run_cli(tmp_path, "compile")
    assert (
        result.exit_code == 2
        and "title_refs must be a list of front matter keys other than title" in result.output
    )


LAYOUT = """<h1>{{ page.title }}</h1>
<ul class="children">{% assign children = site.pages | where: "parent", page.title %}{% for child in children %}<li>{{ child.title }}</li>{% endfor %}</ul>
{{ content }}
"""


@pytest.mark.skipif(shutil.which("jekyll") is None, reason="jekyll is not installed")
def test_jekyll_lists_the_translated_children_under_their_translated_parent(tmp_path: Path) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, GERMAN)
    compile_ok(root)
    site = root / "out" / "de"
    (site / "_layouts").mkdir()
    (site / "_layouts" / "default.html").write_text(LAYOUT, encoding="utf-8")
    (site / "_config.yml").write_text("defaults:\n  - scope: {path: ''}\n    values: {layout: default}\n")
    subprocess.run(
        ["jekyll", "build", "-q", "-s", str(site), "-d", str(tmp_path / "built")],
        check=True,
        capture_output=True,
        timeout=120,
    )
    parent = (tmp_path / "built" / "customization.html").read_text(encoding="utf-8")
    assert "<h1>Anpassung</h1>" in parent
    assert "<li>Farben</li>" in parent and "<li>Schriften</li>" in parent
    assert "<li>Größen</li>" in (tmp_path / "built" / "fonts.html").read_text(encoding="utf-8")


def test_a_child_naming_a_title_two_pages_publish_differently_keeps_it_and_is_warned(tmp_path: Path) -> None:
    pages = {
        **PAGES,
        "colors-overview": "---\ntitle: Overview\nparent: Colors\n---\n\nAll colors.\n",
        "fonts-overview": "---\ntitle: Overview\nparent: Fonts\n---\n\nAll fonts.\n",
        "palette": "---\ntitle: Palette\nparent: Overview\n---\n\nThe palette.\n",
    }
    root = make_docs(tmp_path / "p", pages)
    fill(root, {**GERMAN, "Overview": "Überblick", "All colors.": "Alle Farben.", "Palette": "Palette"})
    fill(root, {"Overview": "Übersicht", "All fonts.": "Alle Schriften."}, slugs=("fonts-overview",))
    fill(root, {"Palette": "Palette", "The palette.": "Die Palette."}, slugs=("palette",))
    warnings = compile_ok(root)
    assert front(root, "palette")["parent"] == "Overview"
    assert "docs/palette.md:3: " in warnings and "published under different titles" in warnings


def check(root: Path, *args: str) -> tuple[int, str]:
    result = run_cli(root, "check", "--min-translated", "0", *args)
    return result.exit_code, result.output


def test_check_reports_a_child_whose_parent_title_no_page_has(tmp_path: Path) -> None:
    pages = {**PAGES, "lost": "---\ntitle: Lost\nparent: Customisation\n---\n\nNo home.\n"}
    root = make_docs(tmp_path / "p", pages)
    code, output = check(root)
    assert code == 1
    assert "docs/lost.md:3: [title-refs]" in output and "'Customisation'" in output
    assert output.count("[title-refs]") == 1  # every other parent is found
    (root / "docs" / "lost.md").write_text(pages["lost"].replace("Customisation", "Customization"))
    assert "[title-refs]" not in check(root)[1]


def test_check_in_a_shard_finds_a_parent_in_another_shard(tmp_path: Path) -> None:
    child, lost = [slug for slug in (f"topic-{n}" for n in range(100)) if in_shard(slug, (1, 2))][:2]
    assert in_shard("customization", (2, 2))
    pages = {
        "customization": PAGES["customization"],
        child: PAGES["colors"],
        lost: PAGES["colors"].replace("Customization", "Customisation"),
    }
    code, output = check(make_docs(tmp_path / "p", pages), "--shard", "1/2")
    assert code == 1 and output.count("[title-refs]") == 1, output
    assert f"docs/{lost}.md:3: [title-refs]" in output


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_children_keep_naming_a_parent_by_its_published_title_while_its_catalog_is_broken(
    tmp_path: Path, jobs: str
) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, GERMAN)
    compile_ok(root, "-j", jobs)
    po = root / "locales" / "de" / "LC_MESSAGES" / "customization.po"
    mended = po.read_text(encoding="utf-8")
    po.write_text(mended + "msgid broken\n", encoding="utf-8")
    for _ in range(2):  # (the next run too: the page kept from before has that title still)
        result = run_cli(root, "compile", "-j", jobs)
        assert result.exit_code == 1 and "customization.po" in result.output
        assert front(root, "customization")["title"] == "Anpassung"  # the page published before, kept
        assert front(root, "colors")["parent"] == "Anpassung"
        assert front(root, "fonts")["parent"] == '"Anpassung"'
        assert front(root, "sizes")["grand_parent"] == "Anpassung"
    po.write_text(mended, encoding="utf-8")
    compile_ok(root, "-j", jobs)
    assert front(root, "colors")["parent"] == "Anpassung"
    po.write_text(mended.replace('"Anpassung"', '"Gestaltung"') + "msgid broken\n", encoding="utf-8")
    assert run_cli(root, "compile", "-j", jobs).exit_code == 1
    assert front(root, "colors")["parent"] == "Anpassung"  # as the parent page still has it


@pytest.mark.parametrize("how", ["--full", "no-record"])
def test_children_keep_naming_a_parent_by_its_published_title_when_a_full_run_finds_its_catalog_broken(
    tmp_path: Path, how: str
) -> None:
    root = make_docs(tmp_path / "p")
    fill(root, GERMAN)
    compile_ok(root)
    po = root / "locales" / "de" / "LC_MESSAGES" / "customization.po"
    po.write_text(po.read_text(encoding="utf-8") + "msgid broken\n", encoding="utf-8")
    if how == "no-record":  # a fresh checkout, a CI runner without the cache: no record of the pages
        shutil.rmtree(root / ".transpub")
    for args in (["--full"] if how == "--full" else [], []):  # (and the run after it)
        result = run_cli(root, "compile", *args)
        assert result.exit_code == 1, result.output
        assert "Error: locales/de/LC_MESSAGES/customization.po:" in result.output
        assert front(root, "customization")["title"] == "Anpassung"  # the page published before, kept
        assert front(root, "colors")["parent"] == "Anpassung"
        assert front(root, "fonts")["parent"] == '"Anpassung"'
        assert front(root, "sizes")["grand_parent"] == "Anpassung"


@pytest.mark.parametrize(
    "menu",
    [
        "---\ntitle: Colors\nmenu:\n  main:\n    parent: Customization\n---\n",
        '+++\ntitle = "Colors"\n[menu.main]\nparent = "Customization"\n+++\n',
        '+++\ntitle = "Colors"\nmenu = { main = { weight = 2, parent = "Customization" } }\n+++\n',
        '+++\ntitle = "Colors"\nmenu.main.parent = "Customization"\n+++\n',
    ],
    ids=["yaml-map", "toml-table", "toml-inline-table", "toml-dotted-key"],
)
def test_a_hugo_menu_entry_names_its_parent_by_the_parents_translated_title(
    tmp_path: Path, menu: str
) -> None:
    pages = {"customization": PAGES["customization"], "colors": menu + "\nPick the colors.\n"}
    root = make_docs(tmp_path / "p", pages)
    config = root / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8").replace('["parent", "grand_parent"]', '["menu.main.parent"]'),
        encoding="utf-8",
    )
    assert run_cli(root, "extract").exit_code == 0
    fill(root, GERMAN)
    compile_ok(root)
    written = (root / "out" / "de" / "colors.md").read_text(encoding="utf-8")
    assert written == menu.replace("Colors", "Farben").replace("Customization", "Anpassung") + (
        "\nDie Farben wählen.\n"
    )
