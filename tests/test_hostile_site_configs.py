"""What ``transpub init`` reads of a static site's own config (``_config.yml``, anyone's text in a
cloned repository) never becomes a setting of transpub.toml it does not name: a folder or a
collection named with a line break, ``]`` or ``"`` stays that one name; a Gemfile of any size is
read in time proportional to it."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

from click.testing import CliRunner

from transpub.cli import main

#: A name (in YAML's double quotes) that would end a comment or a table's header and set an engine.
HOSTILE = 'x]\\n[engines.llm]\\nmodel = \\"attacker\\"\\n[y'
#: That name as the site's config gives it.
NAME = 'x]\n[engines.llm]\nmodel = "attacker"\n[y'


def _init(root: Path, config: str, gemfile: str | None = None) -> dict[str, object]:
    """transpub.toml as init writes it in the Jekyll site of ``config`` (and ``gemfile``), read by a
    TOML reader."""
    root.mkdir()
    (root / "_config.yml").write_text(config, encoding="utf-8")
    if gemfile is not None:
        (root / "Gemfile").write_text(gemfile, encoding="utf-8")
    (root / "_posts").mkdir()
    (root / "_posts" / "2024-01-02-a.md").write_text("---\ntitle: A\n---\nA post.\n", encoding="utf-8")
    (root / "index.md").write_text("---\ntitle: Home\n---\nHi.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["--project", str(root), "init", "-l", "es"])
    assert result.exit_code == 0, result.output
    return tomllib.loads((root / "transpub.toml").read_text(encoding="utf-8"))


def test_a_site_folder_named_with_line_breaks_sets_no_engine_of_its_own_in_transpub_toml(
    tmp_path: Path,
) -> None:
    config = _init(tmp_path / "site", f'plugins: [jekyll-polyglot]\ncollections_dir: "{HOSTILE}"\n')
    assert "engines" not in config
    assert config["compile"]["jekyll_collections_dir"] == NAME  # type: ignore[index]


def test_a_collection_named_with_line_breaks_sets_no_engine_of_its_own_in_transpub_toml(
    tmp_path: Path,
) -> None:
    config = _init(
        tmp_path / "site",
        "plugins: [jekyll-polyglot]\n"
        f'collections:\n  "{HOSTILE}":\n    output: true\n'
        f'defaults:\n  - scope: {{path: "", type: "{HOSTILE}"}}\n    values: {{permalink: /r/:name/, layout: a}}\n',
    )
    assert "engines" not in config
    assert config["compile"]["jekyll_defaults"] == {NAME: {"": "/r/:name/"}}  # type: ignore[index]


def test_init_reads_a_gemfile_of_thousands_of_unclosed_groups_and_blank_lines_in_moments(
    tmp_path: Path,
) -> None:
    gemfile = "group :jekyll_plugins do\n" * 20_000 + "\n" * 40_000 + 'gem "jekyll-polyglot"\n'
    started = time.monotonic()
    config = _init(tmp_path / "site", "title: Blog\n", gemfile)
    assert time.monotonic() - started < 10
    assert config["compile"]["layout"] == "polyglot"  # type: ignore[index]
