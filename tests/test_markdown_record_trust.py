"""``<markdown_dir>/.transpub-outputs.json`` is committed with the translations and shared: compile
removes a file it names only where compile, as configured, writes that article's file or image copy
(or where this machine's manifest says it did). A crafted entry leaves the file, is forgotten, and the
record is named in one warning; the files compile wrote still go with their article."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from test_compile_helpers import run_cli
from test_compile_markdown import SPANISH, make_markdown_project, translate

RECORD = "content/.transpub-outputs.json"
WARNING = f"Warning: {RECORD}: not removed: "


def hugo_project(root: Path, extra: str = "") -> Path:
    """Hugo's content folders by language (``content/en`` the articles), compiled once."""
    make_markdown_project(root, f'markdown_dir = "content"\n{extra}', articles="content/en")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file()
    return root


def craft(root: Path, key: str, file: Path, article: str, locale: str = "es", **more: object) -> None:
    """Add to the record an entry naming ``file`` (its SHA-256 as the record's) as ``key``."""
    record = root / RECORD
    data = json.loads(record.read_text("utf-8"))
    digest = hashlib.sha256(file.read_bytes()).hexdigest()
    data["files"][key] = {"locale": locale, "article": article, "sha256": digest, **more}
    record.write_text(json.dumps(data), "utf-8")


def recorded(root: Path) -> dict[str, dict[str, object]]:
    files: dict[str, dict[str, object]] = json.loads((root / RECORD).read_text("utf-8"))["files"]
    return files


def warnings(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith(WARNING)]


# (the record's name, the file it names, relative to the project, the article the entry gives)
HOSTILE = {
    "hugo's home page written by hand": ("es/_index.md", "content/es/_index.md", "gone"),
    "a file in another language's folder": ("de/about.md", "content/de/about.md", "about"),
    "a name leading out of the folder": ("../README.md", "README.md", "gone"),
    "another article's page": ("es/posts/harbour.md", "content/es/posts/harbour.md", "posts/retracted"),
    "a page named as an image copy": ("es/_index.md", "content/es/_index.md", "gone"),
}


@pytest.mark.parametrize("case", list(HOSTILE))
def test_a_crafted_record_entry_leaves_the_file_it_names_and_is_one_warning(
    tmp_path: Path, case: str
) -> None:
    """With ``markdown_dir = "content"``, an entry naming a hand-written file (its SHA-256 known from
    the repository) as the file of an article that is gone had compile delete it."""
    root = hugo_project(tmp_path / "site")
    key, name, article = HOSTILE[case]
    file = root / name
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        file.write_text("---\ntitle: Hecho a mano\n---\n\nEscrito a mano.\n", "utf-8")
    before = file.read_bytes()
    more = {"used_by": ["es:gone"]} if "image" in case else {}
    craft(root, key, file, article, **more)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert file.read_bytes() == before
    assert "its article is gone" not in result.output
    assert len(warnings(result.stderr)) == 1 and key in warnings(result.stderr)[0], result.stderr
    assert "es/_index.md" not in recorded(root) and "de/about.md" not in recorded(root)
    again = run_cli(root, "compile")
    assert again.exit_code == 0 and not warnings(again.stderr) and file.read_bytes() == before
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file()


def test_an_absolute_name_in_the_record_leaves_the_file_and_is_one_warning(tmp_path: Path) -> None:
    root = hugo_project(tmp_path / "site")
    notes = tmp_path / "notes.md"
    notes.write_text("Mine.\n", "utf-8")
    craft(root, str(notes), notes, "gone")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert notes.read_text("utf-8") == "Mine.\n"
    assert len(warnings(result.stderr)) == 1 and str(notes) in result.stderr
    assert str(notes) not in recorded(root)


def test_a_localized_image_named_as_a_copy_of_a_gone_article_stays(tmp_path: Path) -> None:
    """An image beside the translation in the place of the article's own (with other bytes) is the
    translation's: an entry naming it as the copy of a gone article's image does not remove it."""
    root = hugo_project(tmp_path / "site")
    (root / "content" / "en" / "posts" / "map.png").write_bytes(b"\x89PNG english map")
    own = root / "content" / "es" / "posts" / "map.png"
    own.write_bytes(b"\x89PNG mapa en espanol")
    craft(root, "es/posts/map.png", own, "posts/gone", used_by=["es:posts/gone"])
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert own.read_bytes() == b"\x89PNG mapa en espanol"
    assert len(warnings(result.stderr)) == 1 and "es/posts/map.png" in result.stderr


def test_a_translation_written_by_hand_for_an_article_left_out_stays(tmp_path: Path) -> None:
    """``[paths] exclude`` leaves ``about.md`` to a translator: its file is no article gone, so the
    Spanish page written by hand stays, whatever the record says (as a left-out article's HTML pages)."""
    root = hugo_project(tmp_path / "site")
    (root / "content" / "en" / "about.md").write_text("# About\n\nWho we are.\n", "utf-8")
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8").replace("[paths]\n", '[paths]\nexclude = ["about.md"]\n'))
    own = root / "content" / "es" / "about.md"
    own.write_text("# Quiénes somos\n", "utf-8")
    craft(root, "es/about.md", own, "about")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert own.read_text("utf-8") == "# Quiénes somos\n"
    assert "its article is gone" not in result.output


# --- the files compile wrote still go -----------------------------------------------------------


def test_a_renamed_article_leaves_no_file_at_its_old_name(tmp_path: Path) -> None:
    root = hugo_project(tmp_path / "site")
    posts = root / "content" / "en" / "posts"
    (posts / "harbour.md").rename(posts / "port.md")
    run_cli(root, "extract")
    translate(root, "es", SPANISH)
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert "content/es/posts/harbour.md: removed (its article is gone)" in result.stdout
    assert sorted(p.name for p in (root / "content" / "es" / "posts").iterdir()) == ["port.md"]
    assert not warnings(result.stderr)


def test_a_deleted_articles_files_and_image_copies_go_in_the_suffix_layout(tmp_path: Path) -> None:
    """Suffix names in a folder of their own (``content/posts/harbour.es.md``), its image copied."""
    root = make_markdown_project(tmp_path / "p", 'layout = "suffix"\nmarkdown_dir = "content"\n')
    posts = root / "articles" / "posts"
    (posts / "harbour.md").write_text(
        (posts / "harbour.md").read_text("utf-8") + "\n![Map](map.png)\n", "utf-8"
    )
    (posts / "map.png").write_bytes(b"\x89PNG map")
    run_cli(root, "extract")
    assert run_cli(root, "compile").exit_code == 0
    out = root / "content" / "posts"
    assert sorted(p.name for p in out.iterdir()) == ["harbour.es.md", "harbour.md", "map.png"]
    (posts / "harbour.md").unlink()
    (posts / "map.png").unlink()
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert not out.exists() and not warnings(result.stderr)


def test_a_layout_changed_on_a_fresh_checkout_leaves_the_old_files_with_one_warning(tmp_path: Path) -> None:
    """Without this machine's manifest nothing says which layout wrote a file: the suffix layout's
    files stay (a name like ``harbour.es.md`` may be a translation written by hand), named once."""
    root = make_markdown_project(tmp_path / "p", 'layout = "suffix"\nmarkdown_dir = "content"\n')
    assert run_cli(root, "compile").exit_code == 0
    old = root / "content" / "posts" / "harbour.es.md"
    assert old.is_file()
    (root / ".transpub" / "manifest.sqlite").unlink()
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8").replace('layout = "suffix"', 'layout = "directory"'))
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file() and old.is_file()
    assert len(warnings(result.stderr)) == 1 and "posts/harbour.es.md" in result.stderr
    assert "posts/harbour.es.md" not in recorded(root)


def test_a_layout_changed_where_compile_ran_before_removes_the_old_files(tmp_path: Path) -> None:
    """This machine's manifest says compile wrote the suffix layout's files: they go."""
    root = make_markdown_project(tmp_path / "p", 'layout = "suffix"\nmarkdown_dir = "content"\n')
    assert run_cli(root, "compile").exit_code == 0
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8").replace('layout = "suffix"', 'layout = "directory"'))
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert not (root / "content" / "posts").exists() and not (root / "content" / "guide").exists()
    assert (root / "content" / "es" / "posts" / "harbour.md").is_file()
    assert not warnings(result.stderr)


@pytest.mark.parametrize(
    "key", ["fr/../es/posts/harbour.md", "fr/./../es/posts/harbour.md", "es/posts/../../es/posts/harbour.md"]
)
def test_a_crafted_entry_of_a_language_not_configured_naming_a_live_file_is_one_warning_on_the_record(
    tmp_path: Path, key: str
) -> None:
    """An entry of a language that is not (or no longer) among the locales whose name leads to the
    Spanish file with ``..``: that file stays, and no warning says it is a file of that language to
    delete ('left as it is: fr is no longer among the project's locales … delete it if it should go')."""
    root = hugo_project(tmp_path / "site")
    spanish = root / "content" / "es" / "posts" / "harbour.md"
    before = spanish.read_bytes()
    (root / "content" / "fr").mkdir()  # (a French section written by hand)
    craft(root, key, spanish, "posts/harbour", locale="fr")
    result = run_cli(root, "compile")
    assert result.exit_code == 0, result.output
    assert spanish.read_bytes() == before
    assert "no longer among the project's locales" not in result.output, result.output
    assert len(warnings(result.stderr)) == 1 and key in warnings(result.stderr)[0], result.stderr
    assert key not in recorded(root)
