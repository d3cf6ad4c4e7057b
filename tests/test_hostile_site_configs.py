"""What ``transpub init`` reads of a static site's own config (``_config.yml``, anyone's text in a
cloned repository) never becomes a setting of transpub.toml it does not name: a folder or a
collection named with a line break, ``]`` or ``"`` stays that one name; a Gemfile of any size is
read in time proportional to it; a ``collections_dir`` climbing out of the site is read as
Jekyll reads it."""

from __future__ import annotations

import time
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from test_jekyll_collections_dir import POLYGLOT
from test_jekyll_site_pages import pseudo_translated
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


@pytest.mark.parametrize("climbing", ["../..", "../../.."])
def test_a_collections_dir_climbing_out_of_the_site_is_its_own_folder_as_jekyll_reads_it_naming_none_outside(
    tmp_path: Path, climbing: str
) -> None:
    """Jekyll reads ``collections_dir: ../..`` as the site's folder (no ``..`` climbs out of it): the
    Spanish home page links the Spanish post, and compile warns of nothing, naming no folder
    above the project (it advised ``{% post_url private-home/site/2024-01-02-a %}``)."""
    root = tmp_path / "private-home" / "site"
    root.parent.mkdir()
    files = {
        "index.md": "---\ntitle: Home\n---\nRead [it]({% post_url 2024-01-02-a %}).\n",
        "_posts/2024-01-02-a.md": "---\ntitle: A\n---\nA post.\n",
    }
    _, compiled = pseudo_translated(root, f"collections_dir: {climbing}\n{POLYGLOT}", files)
    assert "private-home" not in compiled and "Warning" not in compiled, compiled
    assert "{% post_url es/2024-01-02-a %}" in (root / "es" / "index.md").read_text(encoding="utf-8")
