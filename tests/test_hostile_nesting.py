"""Deeply nested articles (issue 18, finding 6): read, extracted and compiled like any other, exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main
from transpub.errors import ArticleError
from transpub.formats import ReadOptions, read_article
from transpub.formats.document import Resolution
from transpub.project import init_project

DEEP_DIVS = "<p>Start.</p>\n" + "<div>" * 500 + "Deep text.\n"
DEEP_INLINE = "<p>" + "<b>" * 1000 + "Bold" + "</b>" * 1000 + " tail.</p>\n"
DEEP_MIXED = "<p>" + "<span><i>" * 600 + "Words here." + "</i></span>" * 600 + "</p>" + "<section>" * 800


@pytest.mark.parametrize("source", [DEEP_DIVS, DEEP_INLINE, DEEP_MIXED], ids=["divs", "inline", "mixed"])
def test_a_deeply_nested_article_round_trips_exactly(tmp_path: Path, source: str) -> None:
    path = tmp_path / "deep.html"
    path.write_text(source, encoding="utf-8")
    document = read_article(path, ReadOptions())
    assert document.render() == source
    upper = document.render(lambda slot: Resolution(slot.msgid.upper()))  # placeholders are digits
    assert upper.lower() == source.lower() and upper != source


def test_extract_and_compile_handle_500_unclosed_divs(tmp_path: Path) -> None:
    init_project(tmp_path, source="en", locales=["de"])
    (tmp_path / "articles" / "deep.html").write_text(DEEP_DIVS, encoding="utf-8")
    for command in (["extract"], ["compile", "--threshold", "0"]):
        result = CliRunner().invoke(main, ["--project", str(tmp_path), *command])
        assert result.exit_code == 0, result.output
    assert "Deep text." in (tmp_path / "site" / "de" / "deep.html").read_text(encoding="utf-8")


def test_an_absurdly_deep_article_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "abyss.html"
    path.write_text("<p>Hi.</p>\n" + "<div>\n" * 10_001 + "Bottom.", encoding="utf-8")
    with pytest.raises(ArticleError) as caught:
        read_article(path, ReadOptions())
    assert caught.value.line == 10_002 and "nested 10001 deep" in caught.value.message
