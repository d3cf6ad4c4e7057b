"""Per-language output folders: ``[compile] locale_style`` and ``locale_dirs`` name the site's folders,
and every link between the languages follows them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from test_compile_helpers import compile_lib, make_project, run_cli

HUGO_STYLE = """locale_style = "bcp47-lower"
"""


def hrefs(html: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', html)


@pytest.fixture
def hugo_named(tmp_path: Path) -> Path:
    return make_project(tmp_path / "news", config_extra=HUGO_STYLE)


def test_pages_are_written_to_lowercase_bcp47_folders_and_link_each_other_there(hugo_named: Path) -> None:
    compile_lib(hugo_named, review=True)
    site = hugo_named / "site"
    assert (site / "zh-cn" / "skiing.html").is_file()
    assert not (site / "zh_CN").exists()
    assert (site / "_review" / "zh-cn" / "skiing.html").is_file()
    german = (site / "de" / "skiing.html").read_text("utf-8")
    assert '<link rel="alternate" hreflang="zh-Hans-CN" href="../zh-cn/skiing.html">' in german
    assert "../zh-cn/skiing.html" in re.search(
        r'<nav class="transpub-languages".*?</nav>', german, re.S
    ).group(0)  # type: ignore[union-attr]
    assert not any("zh_CN" in href for href in hrefs(german))
    assert "./zh-cn/skiing.html" in hrefs((site / "index.html").read_text("utf-8"))
    assert "./skiing.html" in hrefs((site / "zh-cn" / "index.html").read_text("utf-8"))
    assert "../zh-cn/index.html" in hrefs((site / "de" / "index.html").read_text("utf-8"))
    assert "../zh-cn/skiing.html" in hrefs((site / "_review" / "de" / "skiing.html").read_text("utf-8"))
    assert "../zh-cn/skiing.html" in hrefs((site / "_review" / "index.html").read_text("utf-8"))


def test_compile_prints_the_page_where_it_was_written(hugo_named: Path) -> None:
    result = run_cli(hugo_named, "compile")
    assert result.exit_code == 0, result.output
    assert "zh-cn/skiing.html: 100% translated" in result.output


def test_a_locale_dir_wins_over_the_style(tmp_path: Path) -> None:
    root = make_project(
        tmp_path / "news", config_extra=HUGO_STYLE + '[compile.locale_dirs]\nzh_CN = "cn"\nen = "english"\n'
    )
    compile_lib(root)
    site = root / "site"
    assert (site / "cn" / "skiing.html").is_file() and (site / "english" / "skiing.html").is_file()
    assert '<link rel="alternate" hreflang="x-default" href="../english/skiing.html">' in (
        site / "cn" / "skiing.html"
    ).read_text("utf-8")


def test_the_bcp47_style_keeps_the_region_in_capitals(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", config_extra='locale_style = "bcp47"\n')
    compile_lib(root)
    assert (root / "site" / "zh-CN" / "skiing.html").is_file()


def test_review_copies_of_a_folder_no_longer_configured_are_removed(hugo_named: Path) -> None:
    compile_lib(hugo_named, review=True)
    config = hugo_named / "transpub.toml"
    config.write_text(config.read_text("utf-8").replace("bcp47-lower", "gettext"), "utf-8")
    compile_lib(hugo_named, review=True)
    assert (hugo_named / "site" / "_review" / "zh_CN" / "skiing.html").is_file()
    assert not (hugo_named / "site" / "_review" / "zh-cn").exists()


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (
            '[compile.locale_dirs]\nde = "es"\n',
            "transpub.toml:9: de and es would both be written to the folder 'es'",
        ),
        (
            '[compile.locale_dirs]\nzh_CN = "DE"\n',
            "transpub.toml:9: de and zh_CN would both be written to the folder 'DE'",
        ),
        (
            '[compile.locale_dirs]\nde = "../x"\n',
            "transpub.toml:9: compile.locale_dirs.de must be a folder name of letters and digits",
        ),
        ('[compile.locale_dirs]\nde = "_review"\n', "compile.locale_dirs.de must be a folder name"),
        (
            '[compile.locale_dirs]\nit = "it"\n',
            "transpub.toml:9: compile.locale_dirs names 'it', which is not a locale of this project",
        ),
        ('locale_style = "hugo"\n', 'transpub.toml:8: compile.locale_style must be "gettext", "bcp47"'),
        (
            '[compile.ugly_urls]\nit = ["*"]\n',
            "transpub.toml:9: compile.ugly_urls names 'it', which is not a locale of this project",
        ),
        ("[compile.ugly_urls]\nde = true\n", "compile.ugly_urls.de must be a list of section names"),
    ],
)
def test_a_folder_name_that_is_unsafe_or_shared_is_a_configuration_error(
    tmp_path: Path, extra: str, message: str
) -> None:
    root = tmp_path / "news"
    make_project(root)
    config = root / "transpub.toml"
    config.write_text(config.read_text("utf-8") + extra, "utf-8")
    result = run_cli(root, "compile")
    assert result.exit_code == 2
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert not (root / "site").exists()
