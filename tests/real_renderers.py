"""The real Markdown renderers the tests compare transpub's output with: a one-page Hugo site built by
the hugo binary, a one-page Jekyll site built by the jekyll binary, and a renderer run as a command
on its standard input (kramdown, Python-Markdown), and a one-page MkDocs site built by mkdocs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

HUGO = shutil.which("hugo")
JEKYLL = shutil.which("jekyll")
#: mkdocs of the virtualenv running the tests (the lock's test extra installs it), else one on PATH.
MKDOCS = shutil.which("mkdocs", path=str(Path(sys.executable).parent)) or shutil.which("mkdocs")


def _mkdocs_imports(module: str) -> bool:
    """Whether the Python that runs ``mkdocs`` (its script's ``#!`` line) can import ``module``."""
    if MKDOCS is None:
        return False
    first = Path(MKDOCS).read_bytes().split(b"\n", 1)[0]
    python = first[2:].decode(errors="replace").strip() if first.startswith(b"#!") else ""
    if not python or not Path(python.split()[0]).is_file():
        return False
    run = subprocess.run([*python.split(), "-c", f"import {module}"], capture_output=True, timeout=120)
    return run.returncode == 0


#: mkdocs, with pymdown-extensions beside it (pymdownx.emoji, pymdownx.slugs).
MKDOCS_PYMDOWNX = _mkdocs_imports("pymdownx.emoji")
#: and MkDocs-Material's emoji and icons (material.extensions.emoji).
MKDOCS_MATERIAL = MKDOCS_PYMDOWNX and _mkdocs_imports("material.extensions.emoji")
#: and mkdocs-static-i18n (the lock's test extra), the plugin the README sets up for MkDocs.
MKDOCS_I18N = _mkdocs_imports("mkdocs_static_i18n")
#: jekyll with jekyll-polyglot (the Debian package ruby-jekyll-polyglot), the README's Jekyll plugin.
JEKYLL_POLYGLOT = (
    JEKYLL is not None
    and shutil.which("ruby") is not None
    and (
        subprocess.run(
            ["ruby", "-e", 'require "jekyll"; require "jekyll-polyglot"'], capture_output=True, timeout=120
        ).returncode
        == 0
    )
)
KRAMDOWN_GFM = shutil.which("ruby") is not None and (
    subprocess.run(["ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", ""], capture_output=True).returncode
    == 0
)


def hugo_page(
    markdown: str,
    site: Path,
    settings: str = "",
    shortcodes: dict[str, str] | None = None,
    suffix: str = ".md",
) -> str:
    """The HTML Hugo makes of ``markdown`` as the content of one page (``settings``: more of hugo.toml;
    ``shortcodes``: templates by name; ``suffix``: ``.html`` for an HTML content page), built in
    ``site`` (made anew)."""
    return hugo_pages([markdown], site, settings, shortcodes, suffix)[0]


def hugo_pages(
    markdowns: list[str],
    site: Path,
    settings: str = "",
    shortcodes: dict[str, str] | None = None,
    suffix: str = ".md",
) -> list[str]:
    """The HTML Hugo makes of each of ``markdowns`` as the content of a page, all pages of one site
    built once in ``site`` (made anew; ``settings``: more of hugo.toml; ``shortcodes``: templates by
    name). Goldmark's ``unsafe`` is on, as on every site that writes HTML in its pages (else Hugo
    leaves raw HTML out, and what a translation makes of it would not show)."""
    assert HUGO is not None
    renderer = "[markup.goldmark.renderer]\n"
    if "unsafe" not in settings:
        settings = (
            settings.replace(renderer, renderer + "unsafe = true\n")
            if renderer in settings
            else settings + "\n" + renderer + "unsafe = true\n"
        )
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
    for index, markdown in enumerate(markdowns):
        (site / "content" / f"p{index}{suffix}").write_text(
            "---\ntitle: a\n---\n" + markdown, encoding="utf-8"
        )
    subprocess.run(
        [HUGO, "--source", str(site), "--quiet", "--noBuildLock", "--cacheDir", str(site / ".cache")],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return [
        (site / "public" / f"p{index}" / "index.html").read_text(encoding="utf-8")
        for index in range(len(markdowns))
    ]


def jekyll_page(
    markdown: str, site: Path, suffix: str = ".md", includes: dict[str, str] | None = None
) -> str:
    """The HTML Jekyll makes of ``markdown`` as the content of one page (its default kramdown: the
    GFM parser; ``suffix``: ``.html`` for an HTML page; ``includes``: files of ``_includes`` by
    name), built in ``site`` (made anew)."""
    assert JEKYLL is not None
    shutil.rmtree(site, ignore_errors=True)
    site.mkdir(parents=True)
    for name, template in (includes or {}).items():
        (site / "_includes").mkdir(exist_ok=True)
        (site / "_includes" / name).write_text(template, encoding="utf-8")
    (site / "_config.yml").write_text("title: a\n", encoding="utf-8")
    (site / f"a{suffix}").write_text("---\nlayout: null\n---\n" + markdown, encoding="utf-8")
    subprocess.run(
        [JEKYLL, "build", "--quiet", "--source", str(site), "--destination", str(site / "_site")],
        check=True,
        capture_output=True,
        timeout=300,
        cwd=site,
    )
    return (site / "_site" / "a.html").read_text(encoding="utf-8")


def polyglot_build(site: Path, *, its_source: bool = False) -> Path:
    """:func:`jekyll_build` of the site ``site`` that loads jekyll-polyglot (``its_source``: from its
    folder, the ``source`` its _config.yml sets kept); the test skipped where they are not installed."""
    if not JEKYLL_POLYGLOT:
        pytest.skip("jekyll with jekyll-polyglot is not installed (the Debian package ruby-jekyll-polyglot)")
    return jekyll_build(site, its_source=its_source)


def jekyll_build(site: Path, machine_zone: str | None = None, *, its_source: bool = False) -> Path:
    """``jekyll build`` of ``site`` as it is (its plugins as its _config says), on a machine whose
    time zone is ``machine_zone`` (None: this one's); its ``_site``. A failed build fails the test
    with Jekyll's output. ``its_source``: the source folder its _config.yml sets (``source: src``),
    not ``site`` itself."""
    assert JEKYLL is not None
    where = [] if its_source else ["--source", str(site)]
    done = subprocess.run(
        [JEKYLL, "build", "--quiet", *where, "--destination", str(site / "_site")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=site,
        env=None if machine_zone is None else {**os.environ, "TZ": machine_zone},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return site / "_site"


def mkdocs_page(markdown: str, site: Path, config: str) -> str:
    """The HTML MkDocs makes of ``markdown`` as the page ``docs/a.md`` of a site whose
    ``mkdocs.yml`` is ``config`` (its site_name added), built in ``site`` (made anew)."""
    assert MKDOCS is not None
    shutil.rmtree(site, ignore_errors=True)
    (site / "docs").mkdir(parents=True)
    (site / "mkdocs.yml").write_text("site_name: a\n" + config, encoding="utf-8")
    (site / "docs" / "a.md").write_text(markdown, encoding="utf-8")
    subprocess.run(
        [
            MKDOCS,
            "build",
            "--quiet",
            "--config-file",
            str(site / "mkdocs.yml"),
            "--site-dir",
            str(site / "out"),
        ],
        check=True,
        capture_output=True,
        timeout=300,
        cwd=site,
    )
    return (site / "out" / "a" / "index.html").read_text(encoding="utf-8")


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


def kramdown_gfm(markdown: str) -> str:
    """Jekyll's rendering: kramdown with the GFM parser, as Jekyll configures it (hard_wrap: false)."""
    script = (
        'print Kramdown::Document.new(STDIN.read, input: "GFM", auto_ids: true, '
        "gfm_quirks: [:paragraph_end], hard_wrap: false).to_html"
    )
    return html_from(["ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", script], markdown)


def kramdown_gfm_each(markdowns: list[str]) -> list[str]:
    """:func:`kramdown_gfm` of each of ``markdowns``, in one run of Ruby."""
    script = (
        'require "json"; print JSON.generate(JSON.parse(STDIN.read).map { |text| '
        'Kramdown::Document.new(text, input: "GFM", auto_ids: true, '
        "gfm_quirks: [:paragraph_end], hard_wrap: false).to_html })"
    )
    command = ["ruby", "-rkramdown", "-rkramdown-parser-gfm", "-e", script]
    return list(json.loads(html_from(command, json.dumps(markdowns))))
