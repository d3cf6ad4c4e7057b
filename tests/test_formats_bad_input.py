"""A malformed or binary article gives one line naming the file; the others are still processed."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main
from transpub.errors import ArticleError
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.project import render_config

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
)


def read(tmp_path: Path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return read_article(path, ReadOptions())


def test_binary_file_is_refused_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "photo.html", PNG)
    message = str(caught.value)
    assert message.startswith(str(tmp_path / "photo.html")) and "not a text file" in message
    assert "\n" not in message


def test_a_binary_article_is_said_to_be_no_text_file_once(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "photo.md", PNG)
    assert caught.value.message.count("text file") == 1, caught.value.message


def test_nul_bytes_late_in_a_text_file_are_refused_with_a_line(tmp_path: Path) -> None:
    data = b"<p>ok</p>\n" * 600 + b"<p>bad\x00</p>\n"
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "late.html", data)
    assert caught.value.line == 601


def test_unterminated_comment_at_end_of_file_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "c.html", b"<p>One.</p>\n<p>Two.</p>\n<!-- forgot to close\n<p>Three.</p>\n")
    assert caught.value.line == 3
    assert "unterminated comment" in str(caught.value)


def test_unterminated_tag_at_end_of_file_names_its_line(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "t.html", b"<p>One.</p>\n<p>Two.</p>\n<a href='x'\n")
    assert caught.value.line == 3
    assert "unterminated tag" in str(caught.value)


def test_a_lone_less_than_sign_is_just_text(tmp_path: Path) -> None:
    document = read(tmp_path, "lt.html", b"<p>3 < 4 and 5 <= 6.</p>")
    assert [u.msgid for u in document.units()] == ["3 < 4 and 5 <= 6."]


def make_project(root: Path) -> None:
    (root / "articles").mkdir(parents=True)
    (root / "locales").mkdir()
    (root / "transpub.toml").write_text(render_config("t", "en", ["de"]), encoding="utf-8")


def test_extract_reports_the_broken_article_and_writes_the_good_one(tmp_path: Path) -> None:
    make_project(tmp_path)
    (tmp_path / "articles" / "good.html").write_text(
        "<html><body><p>Fine.</p></body></html>", encoding="utf-8"
    )
    (tmp_path / "articles" / "bad.html").write_bytes(b"<html><body>\n<p>Text.</p>\n<!-- never closed\n")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 1
    error_lines = [line for line in result.output.splitlines() if line.startswith("Error:")]
    assert error_lines == ["Error: articles/bad.html:3: unterminated comment runs to the end of the file"]
    assert (tmp_path / "locales" / "templates" / "good.pot").exists()
    assert (tmp_path / "locales" / "de" / "LC_MESSAGES" / "good.po").exists()
    written = [p.relative_to(tmp_path).as_posix() for p in (tmp_path / "locales").rglob("*") if p.is_file()]
    assert not [p for p in written if "bad" in p or p.endswith(".tmp")]


def test_extract_with_a_binary_article_still_processes_the_others(tmp_path: Path) -> None:
    make_project(tmp_path)
    (tmp_path / "articles" / "good.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    (tmp_path / "articles" / "image.html").write_bytes(PNG)
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if line.startswith("Error:")] == [
        next(line for line in result.output.splitlines() if line.startswith("Error: articles/image.html"))
    ]
    assert (tmp_path / "locales" / "templates" / "good.pot").exists()


def test_segmentation_override_in_config_applies_to_one_article(tmp_path: Path) -> None:
    make_project(tmp_path)
    config = tmp_path / "transpub.toml"
    config.write_text(
        config.read_text(encoding="utf-8") + '\n[extract.segmentation_overrides]\nwhole = "paragraph"\n',
        encoding="utf-8",
    )
    for slug in ("whole", "cut"):
        (tmp_path / "articles" / f"{slug}.html").write_text("<p>One here. Two there.</p>", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 0, result.output
    whole = (tmp_path / "locales" / "templates" / "whole.pot").read_text(encoding="utf-8")
    cut = (tmp_path / "locales" / "templates" / "cut.pot").read_text(encoding="utf-8")
    assert 'msgid "One here. Two there."' in whole
    assert 'msgid "One here."' in cut and 'msgid "Two there."' in cut


def test_an_unclosed_attribute_quote_is_refused_not_published_as_text(tmp_path: Path) -> None:
    with pytest.raises(ArticleError) as caught:
        read(tmp_path, "q.html", b"<p>One.</p>\n<p>Two <a href='x>click</a> and more.</p>\n")
    assert caught.value.line == 2 and "unterminated tag runs to the end of the file" in str(caught.value)


def test_a_marked_section_followed_by_a_newline_is_read_as_a_comment(tmp_path: Path) -> None:
    make_project(tmp_path)
    (tmp_path / "articles" / "ms.html").write_text("<p>Before.</p><![\nif]><p>After.</p>", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 0, result.output
    pot = (tmp_path / "locales" / "templates" / "ms.pot").read_text(encoding="utf-8")
    assert 'msgid "Before."' in pot and 'msgid "After."' in pot and "if]" not in pot


@pytest.mark.parametrize("tag", ["xmp", "noframes", "plaintext"])
def test_raw_text_elements_are_published_as_written(tmp_path: Path, tag: str) -> None:
    source = f"<p>Intro.</p><{tag}>a & b <b>c</b> &amp; d</{tag}>"
    document = read(tmp_path, "raw.html", source.encode())
    assert [u.msgid for u in document.units()] == ["Intro."]
    pseudo = document.render(lambda slot: Resolution(f"⟦{slot.msgid}⟧"))
    assert pseudo == source.replace("Intro.", "⟦Intro.⟧")


@pytest.mark.parametrize(
    "front",
    [
        '{\n"title": "x", "tags": ' + "[" * 100_000 + "]" * 100_000 + "\n}\n",
        '+++\ntitle = "x"\ntags = ' + "[" * 5_000 + "]" * 5_000 + "\n+++\n",
        "---\ntitle: " + "[" * 5_000 + "]" * 5_000 + "\n---\n",
    ],
    ids=["json", "toml", "yaml"],
)
def test_front_matter_nested_thousands_deep_is_one_error_naming_the_file(tmp_path: Path, front: str) -> None:
    # the JSON, TOML and YAML readers recurse: a few kilobytes of brackets went past Python's stack
    path = tmp_path / "deep.md"
    path.write_text(front + "\nBody text.\n", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path, ReadOptions(), display_path="deep.md")
    assert str(caught.value) == "deep.md:1: front matter nests lists or mappings too deeply to be read"
