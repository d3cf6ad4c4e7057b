"""check [template] and compile's fallback: a Hugo shortcode or Liquid tag that a translation adds, drops
or changes never reaches readers."""

from __future__ import annotations

from pathlib import Path

import polib
import pytest

from test_compile_helpers import (
    ARTICLE,
    SKIERS,
    TRANSLATIONS,
    compile_lib,
    line_of,
    make_project,
    page,
    po_path,
    run_cli,
)

#: An old catalog's unit, from when a shortcode in a Markdown article was read as text.
FIGURE = 'Skiers crossed the lake {{< figure src="/img/lake.svg" alt="The lake" >}} at dawn.'
MANGLED = 'Los esquiadores cruzaron el lago {{< cifra src="/img/de lago.svg" alt="El lago" >}} al amanecer.'
KEPT = 'Los esquiadores cruzaron el lago {{< figure src="/img/lake.svg" alt="The lake" >}} al amanecer.'
WITH_FIGURE = ARTICLE.replace("<p><img", f"<p>{FIGURE}</p>\n    <p><img")


def project_with(tmp_path: Path, german: dict[str, str], config_extra: str = "") -> Path:
    translations = {"de": {**TRANSLATIONS["de"], **german}}
    return make_project(tmp_path / "news", translations, article=WITH_FIGURE, config_extra=config_extra)


def test_check_fails_on_a_translation_that_mangles_a_shortcode_naming_file_and_line(tmp_path: Path) -> None:
    root = project_with(tmp_path, {FIGURE: MANGLED})
    result = run_cli(root, "check", "-l", "de")
    assert result.exit_code == 1
    line = line_of(root, "de", FIGURE)
    assert f"locales/de/LC_MESSAGES/skiing.po:{line}: [template] " in result.output
    assert (
        'template token {{< cifra src="/img/de lago.svg" alt="El lago" >}} is not in the source, '
        '{{< figure src="/img/lake.svg" alt="The lake" >}} of the source is missing or changed'
    ) in result.output


def test_compile_publishes_the_source_sentence_for_a_mangled_shortcode_and_says_where(tmp_path: Path) -> None:
    root = project_with(tmp_path, {FIGURE: MANGLED})
    result = run_cli(root, "compile", "-l", "de", "--threshold", "50")
    assert result.exit_code == 0, result.output
    german = page(root, "de")
    assert "cifra" not in german
    assert FIGURE.replace('"', "&quot;") in german or FIGURE in german
    line = line_of(root, "de", FIGURE)
    assert (
        f"Warning: locales/de/LC_MESSAGES/skiing.po:{line}: template token {{{{< cifra" in result.stderr
        and "the source text is published instead" in result.stderr
    )


def test_a_translation_that_keeps_the_shortcode_as_written_passes(tmp_path: Path) -> None:
    root = project_with(tmp_path, {FIGURE: KEPT})
    assert run_cli(root, "check", "-l", "de").exit_code == 0
    compile_lib(root, ["de"])
    assert "Los esquiadores cruzaron el lago" in page(root, "de")


@pytest.mark.parametrize(
    "invented",
    [
        "Más de 300 esquiadores {{% nota %}} participaron.",
        "Más de 300 esquiadores {{< ref participaron.",  # an opener that never closes
        "Más de 300 esquiadores {% include aviso.html %} participaron.",
        "Más de 300 esquiadores {{ page.title }} participaron.",
    ],
)
def test_a_template_token_an_engine_invents_is_an_error_and_never_published(
    tmp_path: Path, invented: str
) -> None:
    root = project_with(tmp_path, {SKIERS: invented.replace("Más de", "Über")})
    result = run_cli(root, "check", "-l", "de")
    assert result.exit_code == 1 and "[template]" in result.output
    compile_lib(root, ["de"], threshold=50)
    german = page(root, "de")
    assert "Über 300" not in german and SKIERS in german


def test_a_translator_can_silence_the_template_check_on_one_entry(tmp_path: Path) -> None:
    root = project_with(tmp_path, {FIGURE: KEPT, SKIERS: "Über 300 {{ Skifahrer }} nahmen teil."})
    po = polib.pofile(str(po_path(root, "de")), wrapwidth=0)
    po.find(SKIERS).tcomment = "transpub-no-template"
    po.save()
    assert run_cli(root, "check", "-l", "de").exit_code == 0


def test_template_problems_can_be_warnings(tmp_path: Path) -> None:
    root = project_with(tmp_path, {FIGURE: MANGLED}, '[check]\nwarn = ["template"]\n')
    result = run_cli(root, "check", "-l", "de")
    assert result.exit_code == 0
    assert "[template] warning:" in result.output


@pytest.mark.parametrize("control", ["\x00", "\x1b[31m", "\x85"])
def test_a_control_character_in_a_translation_never_reaches_the_page(tmp_path: Path, control: str) -> None:
    # NUL makes the page a binary file to grep and git, ESC reaches the reader's HTML
    root = project_with(tmp_path, {SKIERS: f"Über 300 Skifahrer{control} nahmen teil."})
    result = run_cli(root, "compile", "-l", "de", "--threshold", "50")
    assert result.exit_code == 0, result.output
    german = page(root, "de")
    assert control not in german and SKIERS in german and "nahmen teil" not in german
    line = line_of(root, "de", SKIERS)
    warning = f"Warning: locales/de/LC_MESSAGES/skiing.po:{line}: control character U+{ord(control[0]):04X}"
    assert warning in result.stderr and "the source text is published instead" in result.stderr
