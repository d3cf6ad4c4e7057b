"""[compile.links]: root-relative links in translated HTML pages point at the reader's language."""

from __future__ import annotations

from pathlib import Path

from test_compile_helpers import ARTICLE, READ, TRANSLATIONS, compile_lib, make_project, page, run_cli

LINKED = ARTICLE.replace('href="https://example.com/report"', 'href="/docs/report/?year=2018#top"').replace(
    '<img src="skier.png"', '<a href="/docs/">Docs</a> <a href=/blog/>Blog</a> <img src="/docs/skier.png"'
)
RULES = 'locale_style = "bcp47-lower"\n[compile.links]\n"/docs/" = "/{lang}/docs/"\n"/docs/report/" = "/reports/{lang}/"\n'


def test_links_in_translated_pages_follow_the_rules_and_the_source_page_keeps_its_own(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news", config_extra=RULES, article=LINKED)
    compile_lib(root)
    chinese = page(root, "zh-cn")
    assert '<a href="/reports/zh-cn/?year=2018#top" title="完整报告">' in chinese  # the longest prefix wins
    assert '<a href="/zh-cn/docs/">Docs</a>' in chinese
    assert "<a href=/blog/>Blog</a>" in chinese  # no rule for /blog/
    assert '<img src="/docs/skier.png"' in chinese  # files are the same in every language
    assert '<a href="/es/docs/">' not in chinese
    assert '<a href="/de/docs/">Docs</a>' in page(root, "de")
    english = page(root, "en")
    assert '<a href="/docs/report/?year=2018#top" title="The full report">' in english
    assert '<a href="/docs/">Docs</a>' in english


def test_an_untranslated_sentence_keeps_its_text_but_gets_the_localized_link(tmp_path: Path) -> None:
    translations = {**TRANSLATIONS, "ar": {k: v for k, v in TRANSLATIONS["de"].items() if k != READ}}
    root = make_project(tmp_path / "news", translations, config_extra=RULES, article=LINKED)
    compile_lib(root, threshold=50)
    arabic = page(root, "ar")
    assert '<a href="/reports/ar/?year=2018#top"' in arabic
    assert "the <em>full</em> report</a>" in arabic


def test_a_link_rule_that_is_not_root_relative_is_a_configuration_error(tmp_path: Path) -> None:
    root = make_project(tmp_path / "news")
    config = root / "transpub.toml"
    for rule, message in [
        ('"docs/" = "/{lang}/docs/"', "compile.links: 'docs/' must be a root-relative link prefix"),
        ('"/docs/" = "https://x.example/{lang}/"', "compile.links./docs/ must be a root-relative URL prefix"),
        ('"/docs/" = "/{language}/docs/"', "compile.links./docs/ must be a root-relative URL prefix"),
    ]:
        config.write_text(
            config.read_text("utf-8").split("[compile.links]")[0] + f"[compile.links]\n{rule}\n", "utf-8"
        )
        result = run_cli(root, "compile")
        assert result.exit_code == 2
        assert "transpub.toml:9: " + message in result.stderr
