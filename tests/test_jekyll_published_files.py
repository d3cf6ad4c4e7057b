"""A file a command writes where a Jekyll site takes its pages from (beside ``_config.yml``, not in
a ``_`` or hidden folder nor one ``exclude`` names) is published on the site by ``jekyll build``: the
command warns, naming it. Checked against the real jekyll (a skip that says so where it is missing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from real_renderers import JEKYLL, jekyll_build
from test_check_fixtures import run

#: The commands that write a file a user may name beside _config.yml, each with what it writes there
#: and what its warning calls it.
WRITTEN_IN_A_JEKYLL_SITE = {
    "status": (["status", "--html", "report.html"], "report.html", "this report"),
    "xliff": (
        ["xliff", "export", "-l", "es", "-o", "xliff"],
        "xliff/about.es.xlf",  # (a post's, in xliff/_posts/, is not published)
        "the files in it",
    ),
    "memory": (["memory", "export", "-o", "memory.tmx"], "memory.tmx", "this file"),
    "glossary": (["glossary", "export", "--format", "tbx", "-o", "terms.tbx"], "terms.tbx", "this file"),
}


@pytest.mark.skipif(JEKYLL is None, reason="jekyll is not installed (make test installs the Debian package)")
@pytest.mark.parametrize("command", list(WRITTEN_IN_A_JEKYLL_SITE))
def test_a_file_written_where_jekyll_builds_its_pages_from_gets_a_warning(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    """The README's `transpub status --html report.html` (or an XLIFF, TMX or TBX export), run in a
    Jekyll site's folder as init sets it up, put the file on the public site (jekyll build copies
    it), and nothing said so."""
    site = tmp_path / "blog"
    (site / "_posts").mkdir(parents=True)
    (site / "_config.yml").write_text("title: Harbour\nexclude: [drafts/]\n", encoding="utf-8")
    (site / "_posts" / "2024-05-01-harbour.md").write_text("---\ntitle: Harbour\n---\nIt reopens.\n", "utf-8")
    (site / "about.md").write_text("---\ntitle: About\n---\nWe report on the harbour.\n", "utf-8")
    assert run(site, "init", str(site), "-l", "es").exit_code == 0
    assert run(site, "extract").exit_code == 0
    monkeypatch.chdir(site)  # (the file named as the user names it, from the site's folder)
    args, written, what = WRITTEN_IN_A_JEKYLL_SITE[command]
    warned = run(site, *args)
    assert warned.exit_code == 0, warned.output
    shown = written.partition("/")[0] if what == "the files in it" else written
    assert f"Warning: {shown}: `jekyll build` publishes {what} on the site" in warned.stderr
    assert (jekyll_build(site) / written).is_file()  # (what the warning says)
    for elsewhere in ("_reports", "drafts", ".."):
        quiet = run(site, *args[:-1], f"{elsewhere}/{args[-1]}")
        assert quiet.exit_code == 0 and "Warning" not in quiet.stderr, (elsewhere, quiet.stderr)
