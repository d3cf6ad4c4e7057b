"""The real Markdown renderers the tests compare transpub's output with: a one-page Hugo site built by
the hugo binary, and a renderer run as a command on its standard input (kramdown, Python-Markdown)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

HUGO = shutil.which("hugo")


def hugo_page(markdown: str, site: Path, settings: str = "", shortcodes: dict[str, str] | None = None) -> str:
    """The HTML Hugo makes of ``markdown`` as the content of one page (``settings``: more of hugo.toml;
    ``shortcodes``: templates by name), built in ``site`` (made anew)."""
    assert HUGO is not None
    shutil.rmtree(site, ignore_errors=True)
    (site / "content").mkdir(parents=True)
    (site / "layouts" / "_default").mkdir(parents=True)
    (site / "hugo.toml").write_text(
        'baseURL = "http://example.org/"\n'
        'disableKinds = ["taxonomy", "term", "RSS", "sitemap", "home", "section", "404", "robots"]\n'
        + settings,
        encoding="utf-8",
    )
    (site / "layouts" / "_default" / "single.html").write_text("{{ .Content }}", encoding="utf-8")
    for name, template in (shortcodes or {}).items():
        (site / "layouts" / "shortcodes").mkdir(parents=True, exist_ok=True)
        (site / "layouts" / "shortcodes" / f"{name}.html").write_text(template, encoding="utf-8")
    (site / "content" / "a.md").write_text("---\ntitle: a\n---\n" + markdown, encoding="utf-8")
    subprocess.run(
        [HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".cache")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return (site / "public" / "a" / "index.html").read_text(encoding="utf-8")


def html_from(command: list[str], markdown: str) -> str:
    """What ``command`` prints given ``markdown`` on its standard input (a renderer's HTML)."""
    return subprocess.run(
        command, input=markdown, capture_output=True, text=True, check=True, timeout=120
    ).stdout


def each_present(renderers: dict[str, tuple[bool, str]]) -> list[Any]:
    """A test parameter per renderer (name: whether it is installed, why not), each missing one a
    skip with its reason."""
    return [
        pytest.param(name, marks=pytest.mark.skipif(not here, reason=why), id=name)
        for name, (here, why) in renderers.items()
    ]
