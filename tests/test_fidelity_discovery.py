"""Which files are articles, and their slugs (issue 12, findings 4 and 5; issue 18's hostile names).

articles/ is read recursively; the slug is the path without extension and a page bundle
``my-post/index.md`` is ``my-post``; catalogs and pages mirror it. Two files with one slug are
both refused with one error naming both, while the other articles go on.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main

CONFIG = """[project]
name = "Nested"
source_locale = "en"
locales = ["es"]

[compile]
publish_threshold = 0
"""


def article(title: str) -> str:
    return f"<html><head><title>{title}</title></head><body><p>{title} opened today.</p></body></html>\n"


def make(root: Path, files: dict[str, str], extra: str = "") -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "transpub.toml").write_text(CONFIG + extra, encoding="utf-8")
    for name, text in files.items():
        path = root / "articles" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def run(root: Path, *args: str):
    return CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)


def test_articles_in_subfolders_and_page_bundles_are_found_and_mirrored(tmp_path: Path) -> None:
    root = make(
        tmp_path / "p",
        {"2024/story.html": article("Story"), "my-post/index.md": "# My post\n\nIt opened today.\n"},
    )
    assert run(root, "extract").exit_code == 0
    assert (root / "locales/templates/2024/story.pot").is_file()
    assert (root / "locales/es/LC_MESSAGES/2024/story.po").is_file()
    assert (root / "locales/es/LC_MESSAGES/my-post.po").is_file()
    result = run(root, "compile")
    assert result.exit_code == 0, result.output
    spanish = (root / "site/es/2024/story.html").read_text(encoding="utf-8")
    assert 'href="../../en/2024/story.html"' in spanish
    assert (
        root / "site/es/my-post/index.html"
    ).is_file()  # (a bundle's page is its folder's, as its source's)
    index = (root / "site/es/index.html").read_text(encoding="utf-8")
    assert 'href="./2024/story.html"' in index and 'href="./my-post/index.html"' in index


def test_exclude_patterns_leave_files_out(tmp_path: Path) -> None:
    root = make(
        tmp_path / "p",
        {"story.html": article("Story"), "drafts/wip.html": article("Draft"), "old.txt": "Old\n\nText.\n"},
        extra='[paths]\nexclude = ["drafts/*", "*.txt"]\n',
    )
    assert run(root, "extract").exit_code == 0
    assert sorted(p.name for p in (root / "locales/templates").rglob("*.pot")) == ["story.pot"]


def test_two_files_with_one_slug_are_both_refused_and_the_others_still_processed(tmp_path: Path) -> None:
    root = make(
        tmp_path / "p", {"dup.md": "# Dup\n\nOne.\n", "dup.html": article("Dup"), "ok.html": article("Ok")}
    )
    result = run(root, "extract")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "articles/dup.html" in errors[0] and "articles/dup.md" in errors[0]
    assert not (root / "locales/templates/dup.pot").exists()
    assert (root / "locales/templates/ok.pot").is_file()
    result = run(root, "compile")
    assert result.exit_code == 1
    assert not (root / "site/es/dup.html").exists() and not (root / "site/en/dup.html").exists()
    assert (root / "site/es/ok.html").is_file()


def test_a_symbolic_link_out_of_the_project_is_not_followed_unless_allowed(tmp_path: Path) -> None:
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "secret.html").write_text(article("Secret"), encoding="utf-8")
    root = make(tmp_path / "p", {"story.html": article("Story")})
    os.symlink(outside / "secret.html", root / "articles" / "secret.html")
    os.symlink(outside, root / "articles" / "more")
    result = run(root, "extract")
    assert result.exit_code == 0
    assert not (root / "locales/templates/secret.pot").exists()
    assert "articles/secret.html" in result.stderr and "articles/more" in result.stderr
    with (root / "transpub.toml").open("a", encoding="utf-8") as config:
        config.write("[paths]\nfollow_symlinks = true\n")
    assert run(root, "extract").exit_code == 0
    assert (root / "locales/templates/secret.pot").is_file()
    assert (root / "locales/templates/more/secret.pot").is_file()


@pytest.mark.parametrize("follow", [False, True])
def test_a_loop_of_symbolic_links_is_a_warning_and_the_other_articles_are_extracted(
    tmp_path: Path, follow: bool
) -> None:
    root = make(
        tmp_path / "p",
        {"story.html": article("Story")},
        "[paths]\nfollow_symlinks = true\n" if follow else "",
    )
    os.symlink("self.html", root / "articles" / "self.html")
    os.symlink("b", root / "articles" / "a")
    os.symlink("a", root / "articles" / "b")
    result = run(root, "extract")
    assert result.exit_code == 0, result.stderr
    assert "Traceback" not in result.stderr
    for name in ("self.html", "a", "b"):
        assert f"articles/{name}: a symbolic link that leads back to itself" in result.stderr
    assert (root / "locales/templates/story.pot").is_file()


def test_links_built_from_slugs_are_encoded_relative_paths(tmp_path: Path) -> None:
    root = make(
        tmp_path / "p", {"javascript:alert(1).html": article("Hostile"), "a b.html": article("Spaced")}
    )
    assert run(root, "extract").exit_code == 0
    assert run(root, "compile").exit_code == 0
    index = (root / "site/es/index.html").read_text(encoding="utf-8")
    hrefs = [h for h in re.findall(r"<li><a href=\"([^\"]+)\"", index) if not h.startswith("../")]
    assert sorted(hrefs) == ["./a%20b.html", "./javascript%3Aalert(1).html"]
    page = (root / "site/es/javascript:alert(1).html").read_text(encoding="utf-8")
    assert 'href="../en/javascript%3Aalert(1).html"' in page


@pytest.mark.parametrize("name", ["bad\nname.html", "bell\x07.html", "x" * 240 + ".html"])
def test_a_file_name_that_cannot_name_catalogs_is_refused_with_one_error(tmp_path: Path, name: str) -> None:
    root = make(tmp_path / "p", {"ok.html": article("Ok")})
    (root / "articles" / name).write_text(article("Bad"), encoding="utf-8")
    result = run(root, "extract")
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "articles/" in errors[0], result.stderr
    assert "Traceback" not in result.output
    assert sorted(p.name for p in (root / "locales/templates").rglob("*.pot")) == ["ok.pot"]


def test_check_reports_two_files_with_one_slug(tmp_path: Path) -> None:
    root = make(tmp_path / "p", {"dup.md": "# Dup\n\nOne.\n", "dup.html": article("Dup")})
    result = run(root, "check")
    assert result.exit_code == 1
    assert "articles/dup.html and articles/dup.md have the same slug 'dup'" in result.output
