"""Only the article is for translation: ``[extract] include`` / ``exclude`` (issue 12, finding 7).

Outside the scope nothing is extracted and the page keeps every byte of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from transpub.cli import main
from transpub.errors import ArticleError
from transpub.formats import ReadOptions
from transpub.formats.document import Resolution
from transpub.formats.html import read_html

PAGE = """<html><head><title>Story | News</title></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="edition">Edition: <time datetime="2018-01-04">January 4, 2018</time></div>
<article><h1 title="Headline">Lake freezes</h1>
<p>The lake froze on <time datetime="2018-01-04">January 4, 2018</time>.</p>
<div class="share">Share on <a href="#">social media</a></div>
<p>Skaters came <span translate="yes">early</span>.</p></article>
<footer>Copyright News Ltd. <img src="x.png" alt="Logo"></footer>
</body></html>
"""


def read(source: str, **options: object):
    return read_html(source, Path("a.html"), "utf-8", ReadOptions(**options))  # type: ignore[arg-type]


def msgids(source: str, **options: object) -> list[str]:
    return [unit.msgid for unit in read(source, **options).units()]


def test_only_what_include_matches_minus_exclude_is_extracted() -> None:
    assert msgids(PAGE, include=("article",), exclude=("nav", "footer", ".share")) == [
        "Headline",
        "Lake freezes",
        "The lake froze on <1/>.",
        "Skaters came <1>early</1>.",
    ]


def test_outside_the_scope_every_byte_is_kept_even_dates() -> None:
    document = read(PAGE, include=("article",), exclude=(".share",))
    rendered = document.render(lambda slot: Resolution("⟦" + slot.msgid + "⟧"), format_date=lambda d: "DATE")
    outside = [
        PAGE.split("<article>")[0],
        PAGE.split("</article>")[1],
        '<div class="share">Share on <a href="#">social media</a></div>',
    ]
    for part in outside:
        assert part in rendered
    assert '⟦The lake froze on <time datetime="2018-01-04">DATE</time>.⟧' in rendered


def test_exclude_alone_leaves_the_rest_of_the_page_in_scope() -> None:
    units = msgids(PAGE, exclude=("nav", "footer", ".share", ".edition"))
    assert "Home" not in units and "Logo" not in units and "Story | News" in units


def test_an_article_can_set_its_own_scope_with_a_meta_tag() -> None:
    page = PAGE.replace("<head>", '<head><meta name="transpub:include" content="h1, footer">')
    assert msgids(page, include=("article",)) == ["Headline", "Lake freezes", "Copyright News Ltd.", "Logo"]


def test_a_bad_selector_in_an_article_names_the_file_and_line() -> None:
    page = PAGE.replace("<body>", '<body>\n<meta name="transpub:include" content="article[">')
    with pytest.raises(ArticleError) as caught:
        read(page)
    assert caught.value.line == 2 and "article[" in str(caught.value)


@pytest.mark.parametrize("key", ["include", "exclude"])
def test_a_bad_selector_in_transpub_toml_is_a_configuration_error_naming_the_key(
    tmp_path: Path, key: str
) -> None:
    (tmp_path / "transpub.toml").write_text(
        f'[project]\nlocales = ["es"]\n\n[extract]\n{key} = ["nav", "div >> p["]\n', encoding="utf-8"
    )
    (tmp_path / "articles").mkdir()
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "extract"])
    assert result.exit_code == 2
    assert f"transpub.toml:5: extract.{key} must be a list of CSS selectors" in result.output


def test_an_index_lists_the_page_title_even_when_the_title_is_outside_the_scope(tmp_path: Path) -> None:
    (tmp_path / "transpub.toml").write_text(
        '[project]\nlocales = ["es"]\n\n[extract]\ninclude = ["article"]\n', encoding="utf-8"
    )
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "story.html").write_text(PAGE, encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["--project", str(tmp_path), "extract"]).exit_code == 0
    assert runner.invoke(main, ["--project", str(tmp_path), "compile"]).exit_code == 0
    assert ">Story | News</a>" in (tmp_path / "site" / "en" / "index.html").read_text(encoding="utf-8")
