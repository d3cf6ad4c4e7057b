"""``[compile] heading_ids = "mkdocs"`` on a site whose ``mkdocs.yml`` changes its headings' ids.

MkDocs derives a heading's id with toc's ``slugify`` and ``separator``, which ``mkdocs.yml`` may set
(``pymdownx.slugs.slugify`` with its options), and ``pymdownx.emoji`` makes ``:smile:`` an image that
the id leaves out. compile reads the ``mkdocs.yml`` above the articles folder and writes the id that
site gives the source heading. The ids are checked against a real ``mkdocs build`` where mkdocs is
installed with pymdown-extensions, and against Python-Markdown with the same extensions (a missing
one is a skip that says so).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import polib
import pytest

from real_renderers import MKDOCS_MATERIAL, MKDOCS_PYMDOWNX, html_from, mkdocs_page
from test_compile_helpers import run_cli
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.markdown import read_markdown
from transpub.mkdocs_site import MkDocsIds, find_mkdocs_config, read_mkdocs_site

#: Headings as mkdocs-material's documentation writes them: an emoji, an icon, a repeat, accents,
#: an escaped colon, a ratio no emoji index has, code and an entity.
PAGE = """# Icons, Emojis :smile:

See [the icons](#icons-emojis-smile) and [below](#icons-emojis).

## :material-account-circle: Über Café -- a/b

## Ratio 3:2:1 and :+1: here

## Not an emoji \\:smile: here

## Use `:smile:` &amp; more

## Icons, Emojis :smile:
"""

#: mkdocs.yml settings (as MkDocs-Material's documentation and others write them) and the same
#: extensions for Python-Markdown: ``(mkdocs.yml, extensions, their configs)``, built by a script.
SITES = {
    "emoji": (
        "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:pymdownx.emoji.twemoji\n"
        "      emoji_generator: !!python/name:pymdownx.emoji.to_svg\n",
        "['toc', 'attr_list', 'pymdownx.emoji']",
        "{'pymdownx.emoji': {'emoji_index': pymdownx.emoji.twemoji, 'emoji_generator': pymdownx.emoji.to_svg}}",
    ),
    "material": (  # (its icons too: :material-account-circle:)
        "markdown_extensions:\n  - attr_list\n  - toc:\n      permalink: true\n  - pymdownx.emoji:\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
        "",
        "",
    ),
    "no-emoji": ("markdown_extensions:\n  - attr_list\n", "['toc', 'attr_list']", "{}"),
    "pymdownx-slugs": (
        "markdown_extensions:\n  - attr_list\n  - toc:\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n        kwds:\n          case: lower\n"
        "  - pymdownx.emoji\n",
        "['toc', 'attr_list', 'pymdownx.emoji']",
        "{'toc': {'slugify': pymdownx.slugs.slugify(case='lower')}}",
    ),
    "percent-encoded": (
        "markdown_extensions:\n  - attr_list\n  - toc:\n      separator: _\n"
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower-ascii, percent_encode: true}}\n",
        "['toc', 'attr_list']",
        "{'toc': {'separator': '_', 'slugify': pymdownx.slugs.slugify(case='lower-ascii', percent_encode=True)}}",
    ),
    "unicode-slugs": (
        "markdown_extensions:\n  - attr_list\n  - toc:\n"
        "      slugify: !!python/name:markdown.extensions.toc.slugify_unicode\n",
        "['toc', 'attr_list']",
        "{'toc': {'slugify': markdown.extensions.toc.slugify_unicode}}",
    ),
}


def ids_for(config: str, tmp_path: Path) -> MkDocsIds:
    """What transpub reads of ``config`` as a site's mkdocs.yml."""
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    site = read_mkdocs_site(tmp_path / "mkdocs.yml")
    assert site.problem is None, site.problem
    return site.ids


def translated(markdown: str, ids: MkDocsIds) -> str:
    """``markdown`` with every unit translated, compiled with ``heading_ids = "mkdocs"``."""
    document = read_markdown(markdown, Path("a.md"), "utf-8", ReadOptions(mkdocs_ids=ids))
    return document.render(lambda slot: Resolution(f"Traducido: {slot.msgid}"), heading_ids="mkdocs")


def headings_ids(html: str) -> list[str | None]:
    """The id of each heading of ``html``'s content, in order (None: it has none)."""
    tags = re.findall(r"<h[1-6](?:\s[^>]*)?>", html)
    return [found.group(1) if (found := re.search(r'\sid="([^"]*)"', tag)) else None for tag in tags]


def python_markdown(markdown: str, extensions: str, configs: str) -> str:
    script = (
        "import sys, markdown, markdown.extensions.toc, pymdownx.emoji, pymdownx.slugs; "
        f"print(markdown.markdown(sys.stdin.read(), extensions={extensions}, extension_configs={configs}))"
    )
    return html_from([sys.executable, "-c", script], markdown)


@pytest.mark.skipif(not MKDOCS_PYMDOWNX, reason="mkdocs with pymdown-extensions is not installed")
@pytest.mark.parametrize("site", ["material", "emoji", "no-emoji", "percent-encoded"])
def test_translated_headings_keep_the_ids_mkdocs_build_gives_them_on_the_site(
    site: str, tmp_path: Path
) -> None:
    """A real ``mkdocs build`` of the source page and of its translation: every heading has its id,
    and the id of ``## Icons, Emojis :smile:`` is the site's (``icons-emojis`` with pymdownx.emoji)."""
    if site == "material" and not MKDOCS_MATERIAL:
        pytest.skip("mkdocs-material is not installed beside mkdocs")
    config = SITES[site][0]
    page = PAGE if site == "material" else PAGE.replace(":material-account-circle: ", "")
    source = headings_ids(mkdocs_page(page, tmp_path / "site", config))
    spanish = mkdocs_page(translated(page, ids_for(config, tmp_path)), tmp_path / "site", config)
    assert headings_ids(spanish) == source
    assert "Traducido: Icons" in spanish and "{#" not in spanish
    first = {"emoji": "icons-emojis", "material": "icons-emojis", "no-emoji": "icons-emojis-smile"}
    assert first.get(site, "icons_emojis_smile") in source


@pytest.mark.parametrize("site", [site for site in SITES if site != "material"])
def test_translated_headings_keep_the_ids_python_markdown_gives_them_with_the_sites_extensions(
    site: str, tmp_path: Path
) -> None:
    pytest.importorskip("markdown", reason="Python-Markdown (MkDocs' renderer) is not installed")
    pytest.importorskip(
        "pymdownx", reason="pymdown-extensions is not installed (it is in the lock's test extra)"
    )
    config, extensions, configs = SITES[site]
    page = PAGE.replace(":material-account-circle: ", "")  # (an icon of Material's index only)
    source = headings_ids(python_markdown(page, extensions, configs))
    kept = headings_ids(python_markdown(translated(page, ids_for(config, tmp_path)), extensions, configs))
    assert None not in source and kept == source


@pytest.mark.parametrize(
    ("options", "texts"),
    [
        ({}, ["Über Café -- a/b", "  Straße  and Ǆ ", "Ａｂｃ ① x"]),
        ({"case": "lower"}, ["Über Café -- a/b", "İstanbul ΣΑΣ"]),
        ({"case": "lower-ascii"}, ["Über ÉTÉ Abc", "Tab\tand  two"]),
        ({"case": "fold"}, ["Straße MASSE", "ﬁne Ǆ"]),
        ({"case": "lower", "percent_encode": True}, ["Été 神 x", "a%b 100%"]),
        ({"normalize": "NFD"}, ["Ünïcödé", "ｆｕｌｌ"]),
        ({"normalize": "NFKC", "case": "lower"}, ["Ａｂｃ ① ﬁ", "x²"]),
    ],
)
@pytest.mark.parametrize("separator", ["-", "_"])
def test_a_pymdownx_slugify_gives_the_id_pymdownx_gives(
    options: dict[str, object], texts: list[str], separator: str
) -> None:
    slugs = pytest.importorskip("pymdownx.slugs", reason="pymdown-extensions is not installed")
    from transpub.formats.heading_ids import _pymdownx_slugify

    ids = MkDocsIds(slugify="pymdownx", separator=separator, **options)  # type: ignore[arg-type]
    for text in texts:
        assert _pymdownx_slugify(text, ids) == slugs.slugify(**options)(text, separator)


@pytest.mark.parametrize("unicode", [False, True])
@pytest.mark.parametrize("separator", ["-", "_", "."])
def test_pythons_markdowns_slugify_gives_the_id_toc_gives(unicode: bool, separator: str) -> None:
    toc = pytest.importorskip("markdown.extensions.toc", reason="Python-Markdown is not installed")
    from transpub.formats.heading_ids import _toc_slugify

    for text in ["Über Café -- a/b", "Multiple--Hyphens  here ", "a.b_c-d 神", "x..y__z"]:
        assert _toc_slugify(text, separator, unicode=unicode) == toc.slugify(text, separator, unicode)


def written_ids(markdown: str, ids: MkDocsIds) -> list[str]:
    return re.findall(r"\{ #([^}]+) \}$", translated(markdown, ids), re.M)


def test_an_emoji_short_name_drops_out_of_the_id_only_where_pymdownx_emoji_is_on(tmp_path: Path) -> None:
    on = ids_for(SITES["emoji"][0], tmp_path)
    off = ids_for(SITES["no-emoji"][0], tmp_path)
    assert written_ids("## Icons, Emojis :smile:\n", on) == ["icons-emojis"]
    assert written_ids("## Icons, Emojis :smile:\n", off) == ["icons-emojis-smile"]
    assert written_ids("## Ratio 3:2:1 :+1:\n", on) == ["ratio-321"]


def test_a_heading_whose_emoji_the_site_writes_as_it_knows_not_how_gets_no_id(tmp_path: Path) -> None:
    """pymdownx.emoji's ``to_alt`` writes the emoji's character, which may leave a letter or a digit
    in the id: a heading with one gets no ``{#id}``, the others theirs."""
    config = "markdown_extensions:\n  - pymdownx.emoji:\n      emoji_generator: !!python/name:pymdownx.emoji.to_alt\n"
    site = read_mkdocs_site(_written(tmp_path, config))
    assert site.problem is not None and "to_alt" in site.problem
    ids = site.ids
    assert written_ids("## Keycap :one: here\n\n## Setup\n", ids) == ["setup"]


def _written(folder: Path, config: str) -> Path:
    (folder / "mkdocs.yml").write_text(config, encoding="utf-8")
    return folder / "mkdocs.yml"


def test_mkdocs_yml_is_read_without_importing_or_running_what_it_names(tmp_path: Path) -> None:
    witness = tmp_path / "ran"
    path = _written(
        tmp_path,
        f"extra:\n  x: !!python/object/apply:os.system ['touch {witness}']\n"
        "markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:pymdownx.slugs.slugify {kwds: {case: lower}}\n"
        "  - pymdownx.emoji:\n      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n"
        "      emoji_index: !!python/name:material.extensions.emoji.twemoji\n",
    )
    site = read_mkdocs_site(path)
    assert not witness.exists()
    assert site.problem is None
    assert site.ids == MkDocsIds(emoji="dropped", slugify="pymdownx", case="lower")


def test_a_site_inheriting_its_settings_gets_the_ids_of_the_merged_settings(tmp_path: Path) -> None:
    (tmp_path / "base.yml").write_text(
        "markdown_extensions:\n  toc:\n    separator: _\n  pymdownx.emoji: {}\n", encoding="utf-8"
    )
    path = _written(tmp_path, "INHERIT: base.yml\nmarkdown_extensions:\n  toc:\n    permalink: true\n")
    assert read_mkdocs_site(path).ids == MkDocsIds(emoji="dropped", separator="_")


def test_the_mkdocs_yml_above_the_articles_folder_is_the_sites(tmp_path: Path) -> None:
    (tmp_path / "site" / "docs" / "en").mkdir(parents=True)
    _written(tmp_path / "site", "site_name: a\n")
    assert find_mkdocs_config(tmp_path / "site" / "docs" / "en", tmp_path) == tmp_path / "site" / "mkdocs.yml"
    assert find_mkdocs_config(tmp_path / "site" / "docs" / "en", tmp_path / "site" / "docs") is None


def _project(tmp_path: Path, config: str) -> Path:
    root = tmp_path / "docs-site"
    (root / "docs").mkdir(parents=True)
    (root / "docs" / "a.md").write_text(PAGE, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: a\n" + config, encoding="utf-8")
    (root / "transpub.toml").write_text(
        '[project]\nsource_locale = "en"\nlocales = ["es"]\n\n[paths]\narticles = "docs"\n\n'
        '[compile]\nformat = "markdown"\nlayout = "suffix"\nheading_ids = "mkdocs"\n',
        encoding="utf-8",
    )
    assert run_cli(root, "extract").exit_code == 0
    for path in (root / "locales" / "es" / "LC_MESSAGES").rglob("*.po"):
        catalog = polib.pofile(str(path), wrapwidth=0)
        for entry in catalog:
            entry.msgstr = f"Traducido: {entry.msgid}"
        catalog.save()
    return root


def test_compile_writes_the_ids_of_the_site_its_mkdocs_yml_describes(tmp_path: Path) -> None:
    root = _project(tmp_path, SITES["emoji"][0])
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    spanish = (root / "docs" / "a.es.md").read_text("utf-8")
    assert "# Traducido: Icons, Emojis :smile: { #icons-emojis }\n" in spanish
    assert spanish.endswith("## Traducido: Icons, Emojis :smile: { #icons-emojis_1 }\n")
    assert "Warning" not in result.stderr


@pytest.mark.parametrize(
    ("config", "why"),
    [
        ("markdown_extensions:\n  - toc:\n      slugify: !!python/name:my_site.slugs.slugify\n", "slugify"),
        ("markdown_extensions:\n  - toc: [unclosed\n", ":4: cannot be read (expected ',' or ']'"),
    ],
)
def test_compile_warns_once_naming_mkdocs_yml_and_writes_no_id_it_cannot_tell(
    tmp_path: Path, config: str, why: str
) -> None:
    root = _project(tmp_path, config)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
    assert len(warnings) == 1 and warnings[0].startswith("Warning: mkdocs.yml:") and why in warnings[0]
    spanish = (root / "docs" / "a.es.md").read_text("utf-8")
    assert "Traducido: Icons" in spanish and "{#" not in spanish


def test_a_mkdocs_yml_whose_aliases_nest_a_billion_items_is_a_short_problem(tmp_path: Path) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    path = _written(tmp_path, "\n".join(lines) + "\nmarkdown_extensions:\n  - toc:\n      slugify: *a9\n")
    site = read_mkdocs_site(path)
    assert site.ids.slugify == "" and site.problem is not None and len(site.problem) < 400


def _laughs() -> str:
    """A billion-laughs file: ``a0`` on line 1, each next list nine aliases of the one before."""
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    "use, said",
    [
        (
            "  - toc:\n      <<: *a1\n",
            "found sequence: the value written as &a0 on line 1 and repeated by *a0",
        ),
        (
            "  - toc:\n      ? *a9\n      : x\n",
            "unhashable key: the value written as &a9 on line 10 and repeated by *a9",
        ),
    ],
)
def test_compile_warns_of_a_broken_alias_in_mkdocs_yml_without_naming_a_line_where_it_is_not(
    tmp_path: Path, use: str, said: str
) -> None:
    """YAML finds a value an alias repeats where its anchor writes it (line 1 of a billion-laughs
    file), not where it is used: the warning said ``mkdocs.yml:1:``, a line with nothing wrong."""
    root = _project(tmp_path, "")
    (root / "mkdocs.yml").write_text(_laughs() + "markdown_extensions:\n" + use, encoding="utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("Warning")]
    assert len(warnings) == 1 and warnings[0].startswith("Warning: mkdocs.yml: cannot be read ("), warnings
    assert said in warnings[0]


def test_a_mkdocs_yml_naming_an_anchor_twice_names_both_lines(tmp_path: Path) -> None:
    site = read_mkdocs_site(_written(tmp_path, _laughs() + "markdown_extensions: &a0\n  - toc\n"))
    assert (site.line, site.problem) == (
        11,
        "cannot be read (found duplicate anchor 'a0', first written on line 1)",
    )


@pytest.mark.parametrize("target", ["/dev/zero", "../outside.yml", "link.yml"])
def test_mkdocs_yml_inheriting_a_device_or_a_file_outside_the_project_is_not_read(
    tmp_path: Path, target: str
) -> None:
    root = tmp_path / "project"
    root.mkdir()
    (tmp_path / "outside.yml").write_text("markdown_extensions:\n  toc:\n    separator: _\n", "utf-8")
    (root / "link.yml").symlink_to(tmp_path / "outside.yml")
    site = read_mkdocs_site(_written(root, f"INHERIT: {target}\n"), root)
    assert site.ids.slugify == ""
    assert site.problem is not None and ("outside the project" in site.problem or "no file" in site.problem)


def test_a_separator_that_would_make_tocs_pattern_another_is_a_problem_and_no_id(tmp_path: Path) -> None:
    # toc writes the separator in a pattern's [...]: this one made it (x+x+)+y, hours on "# xxx…x"
    path = _written(tmp_path, "markdown_extensions:\n  - toc:\n      separator: '-]|(x+x+)+y|[-'\n")
    site = read_mkdocs_site(path)
    assert site.ids.slugify == "" and "separator" in str(site.problem)
    assert (
        read_mkdocs_site(_written(tmp_path, "markdown_extensions:\n  - toc:\n      separator: _\n")).problem
        is None
    )


def test_a_translated_heading_whose_id_starts_with_a_number_keeps_it_where_magiclink_links_issues() -> None:
    """``## 404 Pages`` (MkDocs' own documentation): magiclink and mdx_gh_links link ``#404`` as an
    issue wherever it is, ``{#404-pages}`` too, which then showed as text with a link and changed the
    heading's id."""
    pytest.importorskip("pymdownx", reason="pymdown-extensions is not installed")
    page = "## 404 Pages\n\nSee [the 404 page](#404-pages).\n\n## 2 Setup\n"
    extensions = "['toc', 'attr_list', 'pymdownx.magiclink']"
    configs = "{'pymdownx.magiclink': {'repo_url_shorthand': True, 'user': 'u', 'repo': 'r'}}"
    source = python_markdown(page, extensions, configs)
    spanish = python_markdown(translated(page, MkDocsIds()), extensions, configs)
    assert headings_ids(spanish) == headings_ids(source) == ["404-pages", "2-setup"]
    assert "issues/404" not in spanish and "{" not in spanish


def test_a_translated_headings_id_is_no_jinja_comment_on_a_site_running_macros() -> None:
    # FastAPI's docs run the page as a Jinja template (its macros, like mkdocs-macros) before Markdown:
    # "{#contributing}" opened a comment, and 30 of 154 translated pages failed to build
    jinja2 = pytest.importorskip("jinja2", reason="Jinja2 (mkdocs-macros' templates) is not installed")
    markdown = pytest.importorskip("markdown", reason="Python-Markdown is not installed")
    source = "# Contributing\n\nSee [below](#developing).\n\n## Developing {.wide}\n\nText.\n"
    page = jinja2.Environment().from_string(translated(source, MkDocsIds())).render()
    html = markdown.markdown(page, extensions=["attr_list", "toc"])
    assert headings_ids(html) == ["contributing", "developing"]
