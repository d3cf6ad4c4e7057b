"""Every configuration file the README shows is one its tool reads: each ``# transpub.toml`` block
follows transpub's schema, and the generators' files (``hugo.toml``, ``_config.yml``, ``mkdocs.yml``)
parse. (tests/test_hugo_site.py builds a site with the README's Hugo blocks.)"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
import yaml

from transpub.config import validate_config

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
#: Fenced blocks whose first line names the file they show: ```toml\n# transpub.toml\n…```
BLOCKS = re.findall(r"^```(toml|yaml)\n# ([\w.]+)\n(.*?)^```", README, re.M | re.S)


def blocks_of(name: str) -> list[str]:
    return [body for _, shown, body in BLOCKS if shown == name]


@pytest.mark.parametrize("block", blocks_of("transpub.toml"))
def test_each_transpub_toml_in_the_readme_follows_the_schema(block: str) -> None:
    validate_config(tomllib.loads(block))


@pytest.mark.parametrize(
    ("name", "load"),
    [("hugo.toml", tomllib.loads), ("_config.yml", yaml.safe_load), ("mkdocs.yml", yaml.safe_load)],
)
def test_the_generators_files_in_the_readme_parse(name: str, load) -> None:
    blocks = blocks_of(name)
    assert blocks, f"the README shows no {name}"
    for block in blocks:
        assert isinstance(load(block), dict)


def test_the_readme_shows_transpub_configurations_for_hugo_jekyll_and_mkdocs() -> None:
    layouts = [tomllib.loads(block).get("compile", {}).get("layout") for block in blocks_of("transpub.toml")]
    assert (
        layouts.count("suffix") >= 2 and layouts.count("directory") >= 2 and "polyglot" in layouts
    )  # Hugo and MkDocs both ways, Jekyll


def test_each_markdown_configuration_in_the_readme_keeps_the_anchors_of_translated_headings() -> None:
    # without heading_ids a translated heading gets the generator's id of its translation, and every
    # link to the source's anchor (#install-the-tool) breaks: MkDocs' folder mode showed none
    for block in blocks_of("transpub.toml"):
        if tomllib.loads(block).get("compile", {}).get("format") == "markdown":
            assert "heading_ids" in tomllib.loads(block)["compile"], block


def test_a_readme_hugo_configuration_says_which_heading_ids_hugo_before_0_144_needs() -> None:
    # Debian 12's hugo 0.111 derives ids from the heading's line as written: "hugo" gives a heading
    # with code or a link another id than Hugo's own there
    lines = [line for block in blocks_of("transpub.toml") for line in block.splitlines()]
    hugo = [line for line in lines if re.match(r'heading_ids\s*=\s*"hugo"', line)]
    assert len(hugo) >= 2
    assert all('"hugo-0.143"' in line for line in hugo), hugo


def test_the_readmes_full_configuration_example_loads_as_a_project(tmp_path: Path) -> None:
    # its locale_dirs named pt_BR, a locale the example does not have: a configuration error (exit 2)
    from transpub.project import load_project

    section = README.split("## Configuration: `transpub.toml`", 1)[1]
    example = re.search(r"^```toml\n(.*?)^```", section, re.M | re.S)
    assert example is not None
    (tmp_path / "transpub.toml").write_text(example.group(1), encoding="utf-8")
    (tmp_path / "articles").mkdir()
    project = load_project(tmp_path)
    assert list(project.locales) == ["zh_CN", "es", "de", "fr", "sv", "ru", "ar"]


def test_the_readmes_glossary_example_loads_and_does_what_the_readme_says(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from transpub.cli import main
    from transpub.project import init_project

    section = README.split("### The glossary", 1)[1]
    example = re.search(r"^```csv\n(.*?)^```", section, re.M | re.S)
    assert example is not None
    init_project(tmp_path, source="en", locales=["de", "zh_CN"])
    (tmp_path / "glossary" / "terms.csv").write_text(example.group(1), encoding="utf-8")
    (tmp_path / "articles" / "ski.html").write_text(
        "<h1>Vasaloppet comes to Changchun</h1>\n<p>The Vasaloppet starts in Changchun.</p>\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(main, ["--project", str(tmp_path), "extract"]).exit_code == 0
    german = (tmp_path / "locales" / "de" / "LC_MESSAGES" / "ski.po").read_text(encoding="utf-8")
    chinese = tmp_path / "locales" / "zh_CN" / "LC_MESSAGES" / "ski.po"
    text = chinese.read_text(encoding="utf-8")
    # the translator notes the README shows, as extract writes them (a README line may wrap inside one)
    notes = [
        " ".join(n.split()) for n in re.findall(r'`(#\.\s+Glossary:\s+"Vasaloppet"\s+=\s[^`]*)`', section)
    ]
    assert [note in german for note in notes] == [True, False]
    assert [note in text for note in notes] == [False, True]
    chinese.write_text(
        text.replace(
            'msgid "Vasaloppet comes to Changchun"\nmsgstr ""',
            'msgid "Vasaloppet comes to Changchun"\nmsgstr "瓦萨洛佩特来到长春"',
        ),
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["--project", str(tmp_path), "check", "-l", "zh_CN"])
    shown = re.search(r"`(locales/zh_CN/LC_MESSAGES/ski\.po:[^`]*)`", section)
    assert shown is not None and " ".join(shown.group(1).split()) in result.output
