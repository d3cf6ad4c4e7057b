"""A MkDocs site's folders: its theme's overrides inside ``docs/`` are no articles, and compile warns
when it writes HTML pages into the folder ``mkdocs build`` empties (MkDocs' ``site_dir``, ``site/``
by default, which is also transpub's default ``[paths] site``). The folders are those the real
MkDocs reads from the same ``mkdocs.yml`` (a skip that says so where mkdocs is not installed)."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from real_renderers import MKDOCS
from test_compile_helpers import run_cli
from transpub.mkdocs_site import read_mkdocs_folders
from transpub.project import init_project, load_project

MKDOCS_YML = """site_name: Harbour
theme:
  name: mkdocs
  custom_dir: docs/overrides
markdown_extensions:
  - attr_list
"""

#: A theme override as MkDocs' documentation writes one: a Jinja template, no page.
MAIN_HTML = '{% extends "base.html" %}\n{% block content %}<p>Custom footer</p>{{ super() }}{% endblock %}\n'


def mkdocs_project(root: Path, config: str = MKDOCS_YML) -> Path:
    """A MkDocs site (``docs/``) with transpub set up as the README's MkDocs section says."""
    init_project(root, source="en", locales=["es"])
    (root / "articles").rmdir()
    toml = root / "transpub.toml"
    toml.write_text(
        toml.read_text("utf-8")
        .replace('articles = "articles"', 'articles = "docs"')
        .replace(
            "[compile]\n", '[compile]\nformat = "markdown"\nlayout = "suffix"\nheading_ids = "mkdocs"\n'
        ),
        "utf-8",
    )
    (root / "mkdocs.yml").write_text(config, encoding="utf-8")
    (root / "docs" / "overrides").mkdir(parents=True)
    (root / "docs" / "overrides" / "main.html").write_text(MAIN_HTML, encoding="utf-8")
    (root / "docs" / "index.md").write_text("# Welcome\n\nThe ferry runs daily.\n", encoding="utf-8")
    return root


def test_a_mkdocs_themes_overrides_in_docs_are_no_articles(tmp_path: Path) -> None:
    """main.html was read as an article: its Jinja ({% extends … %}) offered to translators and
    pages of it written into site/."""
    root = mkdocs_project(tmp_path / "harbour")
    assert [article.slug for article in load_project(root).discover().articles] == ["index"]
    result = run_cli(root, "extract")
    assert result.exit_code == 0 and "overrides" not in result.output, result.output
    assert not (root / "locales" / "es" / "LC_MESSAGES" / "overrides").exists()


@pytest.mark.skipif(MKDOCS is None, reason="mkdocs is not installed")
@pytest.mark.parametrize(
    "config",
    [
        MKDOCS_YML,
        MKDOCS_YML.replace("docs/overrides", "./docs/overrides/") + "docs_dir: docs\nsite_dir: public\n",
    ],
    ids=["defaults", "set"],
)
def test_the_folders_are_those_mkdocs_reads_from_the_same_file(tmp_path: Path, config: str) -> None:
    root = mkdocs_project(tmp_path / "harbour", config)
    script = (
        "import sys\nfrom mkdocs.config import load_config\n"
        "c = load_config(sys.argv[1])\nprint(c['site_dir']); print(c['theme'].custom_dir)\n"
    )
    python = Path(MKDOCS).parent / "python"  # type: ignore[arg-type]
    found = subprocess.run(
        [str(python), "-c", script, str(root / "mkdocs.yml")], capture_output=True, text=True, check=True
    ).stdout.split("\n")[:2]
    found = [os.path.abspath(folder) for folder in found]  # (MkDocs keeps "./" and a final "/")
    folders = read_mkdocs_folders(root / "mkdocs.yml", root)
    assert folders is not None
    assert [str(folders.site_dir), str(folders.custom_dir)] == found


def test_compile_warns_when_its_html_pages_go_where_mkdocs_build_empties(tmp_path: Path) -> None:
    root = mkdocs_project(tmp_path / "harbour")
    (root / "docs" / "landing.html").write_text(
        "<html><head><title>Landing</title></head><body><p>Welcome aboard.</p></body></html>",
        encoding="utf-8",
    )
    run_cli(root, "extract")
    result = run_cli(root, "compile", "--threshold", "0")
    assert (root / "site" / "es" / "landing.html").is_file()
    assert (
        "Warning: site: pages are written into the folder MkDocs builds the site into (mkdocs.yml's "
        "site_dir), which `mkdocs build` empties first: they are lost then; set [paths] site (or "
        "[compile] markdown_dir) to another folder, or leave HTML articles out ([paths] exclude)"
    ) in result.stderr.splitlines()
    toml = root / "transpub.toml"
    toml.write_text(toml.read_text("utf-8").replace('site = "site"', 'site = "translated"'), "utf-8")
    result = run_cli(root, "compile", "--threshold", "0")
    assert (root / "translated" / "es" / "landing.html").is_file()
    assert "Warning: site:" not in result.stderr


def test_compile_of_markdown_articles_alone_writes_nothing_mkdocs_build_empties(tmp_path: Path) -> None:
    root = mkdocs_project(tmp_path / "harbour")
    run_cli(root, "extract")
    result = run_cli(root, "compile", "--threshold", "0")
    assert "Warning" not in result.stderr, result.stderr
    assert not (root / "site").exists()


def test_compile_warns_when_markdown_by_folder_goes_where_mkdocs_build_empties(tmp_path: Path) -> None:
    """By folder without markdown_dir, the Markdown goes to site/ (the default): MkDocs' site_dir."""
    root = mkdocs_project(tmp_path / "harbour")
    toml = root / "transpub.toml"
    toml.write_text(toml.read_text("utf-8").replace('layout = "suffix"', 'layout = "directory"'), "utf-8")
    run_cli(root, "extract")
    result = run_cli(root, "compile", "--threshold", "0")
    assert (root / "site" / "es" / "index.md").is_file()
    assert "Warning: site: pages are written into the folder MkDocs builds the site into" in result.stderr
