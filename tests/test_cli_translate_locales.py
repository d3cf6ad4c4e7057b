"""Which locales `transpub translate` works on, and what it says of those it cannot translate.

The rule (README, "The workflow"): without -l a run translates every locale it can and says, for
the others, why and with which setting they would be; a locale named with -l that cannot be
translated (no engine, or an engine without the language pair) is a mistake in transpub.toml or on
the command line: exit 2, nothing sent, and the same words.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from fakeservers import FakeMT
from transpub.cli import main
from transpub.engines.webapi import LibreEngine

ARTICLE = "<html><body><article><h1>The ferry</h1><p>The ferry leaves at noon.</p></article></body></html>"
ES_ONLY = "the server has no language but Spanish"
ES_LIBRE = '\n[locale.es]\nengine = "libre"\n'
ES_ZH_LIBRE = ES_LIBRE + '[locale.zh_CN]\nengine = "libre"\n'


def run_cli(root: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--project", str(root), *args], catch_exceptions=False)


def make(tmp_path: Path, config: str = "", default_engine: str | None = None) -> Path:
    """A project with targets es, zh_CN and de, one article extracted; ``config`` appended, and
    ``[translate] engine`` set to ``default_engine``."""
    root = tmp_path / "news"
    assert CliRunner().invoke(main, ["init", str(root), "-l", "es", "-l", "zh_CN", "-l", "de"]).exit_code == 0
    (root / "articles" / "ferry.html").write_text(ARTICLE, encoding="utf-8")
    path = root / "transpub.toml"
    text = path.read_text(encoding="utf-8")
    if default_engine:
        text = text.replace(
            '# engine = "apertium"       # default', f'engine = "{default_engine}"  # default'
        )
    path.write_text(text + config, encoding="utf-8")
    assert run_cli(root, "extract").exit_code == 0
    return root


def catalog(root: Path, locale: str) -> str:
    return (root / "locales" / locale / "LC_MESSAGES" / "ferry.po").read_text(encoding="utf-8")


@pytest.fixture()
def spanish_only(monkeypatch: pytest.MonkeyPatch):
    """A LibreTranslate server that translates en→es and nothing else."""
    monkeypatch.setattr(LibreEngine, "supports", lambda self, source, target: target == "es")
    with FakeMT() as server:
        monkeypatch.setenv("TRANSPUB_LIBRE_URL", server.url)
        yield server


def test_a_locale_named_with_l_and_no_engine_is_a_configuration_error_naming_the_setting(
    tmp_path: Path,
) -> None:
    root = make(tmp_path)
    before = catalog(root, "es")
    result = run_cli(root, "translate", "-l", "es")
    assert result.exit_code == 2, result.output  # a mistake in transpub.toml or on the command line
    assert result.stderr == (
        'Error: cannot translate es: no MT engine set; set engine = "NAME" under [locale.es] in transpub.toml (or under '
        "[translate], for every locale), or pass `-l es --engine NAME` (`--engine tm` fills them from the translation memory alone). Nothing was sent; `transpub engines` "
        "lists the engines and their language pairs\n"
    )
    assert catalog(root, "es") == before


def test_every_locale_skips_those_without_engine_in_the_same_words_and_translates_the_others(
    tmp_path: Path, spanish_only: FakeMT
) -> None:
    root = make(tmp_path, '\n[locale.es]\nengine = "libre"\n')
    result = run_cli(root, "translate")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        'Skipped zh_CN, de: no MT engine set; set engine = "NAME" under [locale.zh_CN] and [locale.de] in '
        "transpub.toml (or under [translate], for every locale), or pass `-l zh_CN -l de --engine NAME` (`--engine tm` fills them from the translation memory alone); "
        "`transpub engines` lists the engines and their language pairs.",
        "es via libre: 2 machine-translated",
    ]
    assert 'msgstr "[es] The ferry leaves at noon."' in catalog(root, "es")
    named = run_cli(root, "translate", "-l", "de", "-l", "es")  # -l: the same words, and nothing sent
    assert named.exit_code == 2
    assert named.stderr.startswith(
        'Error: cannot translate de: no MT engine set; set engine = "NAME" under [locale.de] in transpub.toml (or under '
        "[translate], for every locale), or pass `-l de --engine NAME` (`--engine tm` fills them from the translation memory alone). Nothing was sent (`-l es` translates "
        "the others)"
    )


def test_a_run_over_every_locale_that_has_no_engine_for_any_is_a_configuration_error(tmp_path: Path) -> None:
    # (it printed "skipped" and exited 0: a new project's first `transpub translate` did nothing, "successfully")
    root = make(tmp_path)
    for dry_run in ([], ["--dry-run"]):
        result = run_cli(root, "translate", *dry_run)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(
            'Error: cannot translate es, zh_CN, de: no MT engine set; set engine = "NAME" under [locale.es], [locale.zh_CN] and '
            "[locale.de] in transpub.toml (or under [translate], for every locale)"
        )


def test_engine_option_translates_every_locale_it_can_and_names_the_others_with_the_way_forward(
    tmp_path: Path, spanish_only: FakeMT
) -> None:
    # (it refused the whole run at the first locale, es unsent)
    root = make(tmp_path)
    result = run_cli(root, "translate", "--engine", "libre")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "Skipped zh_CN, de: no language pair en→zh_CN, en→de in engine libre (--engine); pass another engine "
        "for them, `-l zh_CN -l de --engine NAME`; `transpub engines` lists the engines and their language pairs.",
        "es via libre: 2 machine-translated",
    ]
    assert 'msgstr "[es] The ferry leaves at noon."' in catalog(root, "es")


def test_engine_option_with_a_locale_it_cannot_translate_named_sends_nothing_and_says_what_it_can(
    tmp_path: Path, spanish_only: FakeMT
) -> None:
    root = make(tmp_path)
    result = run_cli(root, "translate", "--engine", "libre", "-l", "es", "-l", "zh_CN", "-l", "de")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "Error: cannot translate zh_CN, de: no language pair en→zh_CN, en→de in engine libre (--engine); pass "
        "another engine for them, `-l zh_CN -l de --engine NAME`. Nothing was sent (`-l es` translates the others); "
        "`transpub engines` lists the engines and their language pairs\n"
    )
    assert not spanish_only.paid
    only = run_cli(root, "translate", "--engine", "libre", "-l", "zh_CN")
    assert only.exit_code == 2
    assert only.stderr.startswith(
        "Error: cannot translate zh_CN: no language pair en→zh_CN in engine libre (--engine); pass another engine for it"
    )
    nothing = run_cli(root, "translate", "--engine", "libre", "-l", "de")
    assert "Nothing was sent;" in nothing.stderr  # (no locale it can: no -l to offer)


def test_an_engine_in_transpub_toml_without_the_pair_is_named_with_its_line_and_nothing_is_sent(
    tmp_path: Path, spanish_only: FakeMT
) -> None:
    root = make(tmp_path, '\n[locale.zh_CN]\nengine = "libre"\n', default_engine="libre")
    lines = (root / "transpub.toml").read_text(encoding="utf-8").splitlines()
    own = lines.index("[locale.zh_CN]") + 2
    default = next(n for n, text in enumerate(lines, 1) if text.startswith('engine = "libre"'))
    result = run_cli(root, "translate", "--dry-run")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        f"Error: cannot translate zh_CN: no language pair en→zh_CN in engine libre ([locale.zh_CN] engine, "
        f"transpub.toml:{own}); set another engine under [locale.zh_CN]. Cannot translate de: no language pair "
        f"en→de in engine libre ([translate] engine, transpub.toml:{default}); set another engine under "
        "[locale.de]. Nothing was counted (`-l es` translates the others); `transpub engines` lists the "
        "engines and their language pairs\n"
    )
    assert not spanish_only.paid


def test_an_engine_in_transpub_toml_without_a_pair_also_names_the_locales_with_no_engine_at_all(
    tmp_path: Path, spanish_only: FakeMT
) -> None:
    # (a run over every locale named zh_CN alone: de, with no engine, came up only once zh_CN was mended)
    root = make(tmp_path, '\n[locale.es]\nengine = "libre"\n[locale.zh_CN]\nengine = "libre"\n')
    line = (root / "transpub.toml").read_text(encoding="utf-8").splitlines().index("[locale.zh_CN]") + 2
    for args in ([], ["--dry-run"], ["-l", "zh_CN", "-l", "de"]):
        result = run_cli(root, "translate", *args)
        assert result.exit_code == 2, result.output
        assert result.stderr.startswith(
            'Error: cannot translate de: no MT engine set; set engine = "NAME" under [locale.de] in '
            "transpub.toml (or under [translate], for every locale), or pass `-l de --engine NAME` "
            "(`--engine tm` fills them from the translation memory alone). Cannot translate zh_CN: no "
            f"language pair en→zh_CN in engine libre ([locale.zh_CN] engine, transpub.toml:{line}); set "
            "another engine under [locale.zh_CN]. Nothing was"
        ), args
    assert not spanish_only.paid


#: What each run says of the locales it cannot translate: (locales, why) of every "Skipped …" line
#: or "cannot translate …" sentence.
_SAID = re.compile(r"(?:Skipped|[Cc]annot translate) ([\w, ]+): (no MT engine set|no language pair [^;]*?\))")


def _case_id(value: object) -> str | None:
    """The test id of a parameter of the combinations below: which engines are set, and the options."""
    if value == ES_LIBRE:
        return "es-libre"
    if value == ES_ZH_LIBRE:
        return "es,zh_CN-libre"
    if isinstance(value, list):
        return " ".join(value) or "every-locale"
    return None


@pytest.mark.parametrize(
    "config, args, code, said",
    [
        (ES_LIBRE, [], 0, {("zh_CN, de", "no MT engine set")}),
        (ES_LIBRE, ["--dry-run"], 0, {("zh_CN, de", "no MT engine set")}),
        (ES_LIBRE, ["-l", "es", "-l", "de"], 2, {("de", "no MT engine set")}),
        (ES_LIBRE, ["-l", "de", "--dry-run"], 2, {("de", "no MT engine set")}),
        (
            ES_LIBRE,
            ["--engine", "libre"],
            0,
            {("zh_CN, de", "no language pair en→zh_CN, en→de in engine libre (--engine)")},
        ),
        (
            ES_LIBRE,
            ["--engine", "libre", "-l", "zh_CN", "-l", "es", "--dry-run"],
            2,
            {("zh_CN", "no language pair en→zh_CN in engine libre (--engine)")},
        ),
        *(
            (
                ES_ZH_LIBRE,
                args,
                2,
                {
                    ("de", "no MT engine set"),
                    (
                        "zh_CN",
                        "no language pair en→zh_CN in engine libre ([locale.zh_CN] engine, transpub.toml:LINE)",
                    ),
                },
            )
            for args in (
                [],
                ["--dry-run"],
                ["-l", "de", "-l", "zh_CN"],
                ["-l", "es", "-l", "de", "-l", "zh_CN", "--dry-run"],
            )
        ),
        (
            ES_ZH_LIBRE,
            ["--engine", "libre"],
            0,
            {("zh_CN, de", "no language pair en→zh_CN, en→de in engine libre (--engine)")},
        ),
    ],
    ids=_case_id,
)
def test_every_locale_a_run_cannot_translate_is_named_once_with_why_in_every_combination(
    tmp_path: Path, spanish_only: FakeMT, config: str, args: list[str], code: int, said: set[tuple[str, str]]
) -> None:
    root = make(tmp_path, config)
    line = next(
        (
            n
            for n, text in enumerate((root / "transpub.toml").read_text(encoding="utf-8").splitlines(), 2)
            if text == "[locale.zh_CN]"
        ),
        0,
    )
    result = run_cli(root, "translate", *args)
    assert result.exit_code == code, result.output
    assert sorted(_SAID.findall(result.output)) == sorted(
        (locales, why.replace("LINE", str(line))) for locales, why in said
    )
    # (es is translated, or counted, only when nothing stops the run)
    assert ("es via libre" in result.stdout) == (code == 0)


def test_a_dry_run_that_can_translate_nothing_does_not_say_nothing_was_sent(tmp_path: Path) -> None:
    # (a dry run never sends anything: "Nothing was sent" would say nothing; what it did not do is count)
    root = make(tmp_path)
    result = run_cli(root, "translate", "-l", "es", "--dry-run")
    assert result.exit_code == 2, result.output
    assert "Nothing was sent" not in result.stderr
    assert "Nothing was counted" in result.stderr


def test_a_project_with_no_engine_is_told_the_memory_alone_can_fill_its_catalogs(tmp_path: Path) -> None:
    root = make(tmp_path)
    result = run_cli(root, "translate")
    assert result.exit_code == 2, result.output
    assert "`--engine tm` fills them from the translation memory alone" in result.stderr


def test_an_engine_lacking_its_key_is_a_set_up_mistake_exit_2_and_the_catalogs_stay(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("TRANSPUB_DEEPL_API_KEY", raising=False)
    root = make(tmp_path)
    before = catalog(root, "es")
    result = run_cli(root, "translate", "--engine", "deepl")
    assert result.exit_code == 2, result.output
    assert result.stderr == (
        "Error: engine deepl is not configured: it needs TRANSPUB_DEEPL_API_KEY; see `transpub engines`\n"
    )
    assert catalog(root, "es") == before
