"""Running OmegaT (the Debian package ``omegat``) headless on a project made for a test.

OmegaT 3.6 keeps its settings in a config folder and its project in a folder holding
``omegat.project``, ``source/`` (files to translate), ``tm/`` (memories; ``tm/auto/`` ones fill
segments on load) and ``target/`` (what ``--mode=console-translate`` writes). Everything here lives
in the test's temporary folder: the real home is never read or written, and Java's HTTP goes to a
closed local port so that nothing can reach the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

OMEGAT = shutil.which("omegat")

needs_omegat = pytest.mark.skipif(
    OMEGAT is None,
    reason="OmegaT is not installed (Debian package omegat; `make test` installs it when run as root)",
)

PROJECT = """<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
  <project version="1.0">
    <source_dir>__DEFAULT__</source_dir>
    <target_dir>__DEFAULT__</target_dir>
    <tm_dir>__DEFAULT__</tm_dir>
    <glossary_dir>__DEFAULT__</glossary_dir>
    <glossary_file>__DEFAULT__</glossary_file>
    <dictionary_dir>__DEFAULT__</dictionary_dir>
    <source_lang>{source}</source_lang>
    <target_lang>{target}</target_lang>
    <source_tok>org.omegat.tokenizer.DefaultTokenizer</source_tok>
    <target_tok>org.omegat.tokenizer.DefaultTokenizer</target_tok>
    <sentence_seg>false</sentence_seg>
    <support_default_translations>true</support_default_translations>
    <remove_tags>false</remove_tags>
  </project>
</omegat>
"""

#: Options → External TMXs…: "Display tags" and "Use XML for standalone tags". Without them OmegaT
#: reads another tool's TMX as plain text, and no segment with inline codes matches it exactly.
PREFERENCES = """<?xml version="1.0" encoding="UTF-8" ?>
<omegat>
  <preference version="1.0">
    <ext_tmx_show_level2>true</ext_tmx_show_level2>
    <ext_tmx_use_slash>true</ext_tmx_use_slash>
  </preference>
</omegat>
"""


def make_project(root: Path, sources: list[Path], auto_tmx: Path | None, source: str, target: str) -> Path:
    """An OmegaT project in ``root``: ``sources`` to translate, ``auto_tmx`` as a ``tm/auto`` memory.

    Paragraph segmentation (one segment per XLIFF unit, as transpub exports them).
    """
    for folder in ("source", "target", "tm/auto", "omegat", "glossary", "dictionary"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    (root / "omegat.project").write_text(PROJECT.format(source=source, target=target), encoding="utf-8")
    for path in sources:
        shutil.copy(path, root / "source" / path.name)
    if auto_tmx is not None:
        shutil.copy(auto_tmx, root / "tm" / "auto" / auto_tmx.name)
    return root


def environment(home: Path) -> dict[str, str]:
    """The environment of an OmegaT run with ``home`` as home, whose config folder (``~/.omegat``, where
    OmegaT looks by default) has the External TMX options ticked: no display, no network."""
    config = home / ".omegat"
    config.mkdir(parents=True, exist_ok=True)
    (config / "omegat.prefs").write_text(PREFERENCES, encoding="utf-8")
    closed = "127.0.0.1"
    java = [
        "-Djava.awt.headless=true",
        f"-Duser.home={home}",
        *(f"-D{scheme}.proxy{key}" for scheme in ("http", "https") for key in (f"Host={closed}", "Port=9")),
    ]
    variables = {**os.environ, "HOME": str(home), "JAVA_TOOL_OPTIONS": " ".join(java)}
    variables.pop("DISPLAY", None)
    return variables


def console_translate(
    project: Path, home: Path, timeout: float = 300, script: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``omegat --mode=console-translate`` on ``project`` with ``home`` as home and config folder
    (and the Groovy ``script``, which OmegaT runs once the project is loaded, and again later)."""
    assert OMEGAT is not None
    variables = environment(home)
    config = home / ".omegat"
    result = subprocess.run(
        [
            OMEGAT,
            str(project),
            "--mode=console-translate",
            f"--config-dir={config}",
            "--disable-project-locking",
            "--no-team",
            "--quiet",
            *([f"--script={script}"] if script is not None else []),
        ],
        env=variables,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result


def segments_per_file(project: Path) -> dict[str, int]:
    """How many segments OmegaT found in each source file (a file it cannot read is not listed)."""
    text = (project / "omegat" / "project_stats.txt").read_text(encoding="utf-8")
    rows = text.split("Individual File Statistics:", 1)[1].strip().splitlines()[1:]
    return {row.split("\t")[0].strip(): int(row.split("\t")[1]) for row in rows if "\t" in row}


def script_rows(project: Path, home: Path, body: str) -> list[list[str]]:
    """Run OmegaT in console mode on ``project`` with the Groovy ``body`` as its ``--script``, which
    appends its rows (lists of strings) to ``rows`` once the project is loaded; those rows.

    (OmegaT runs the script again at each project event: each run starts the file anew.)
    """
    script = project / "probe.groovy"
    out = project / "probe.txt"
    script.write_text(
        f"def out = new File({str(out)!r})\nout.text = ''\ndef rows = []\n{body}\n"
        "for (row in rows) { out << row.collect { it.toString().replace('\\n', ' | ') }.join('\\t') + '\\n' }\n",
        encoding="utf-8",
    )
    console_translate(project, home, script=script)
    return [line.split("\t") for line in out.read_text(encoding="utf-8").splitlines()]


def glossary_pane(project: Path, home: Path) -> list[tuple[str, str, str]]:
    """What OmegaT's Glossary pane lists for the TBX files in the project's ``glossary/`` (read by
    OmegaT's own TBX reader): (source term, target term, comment, its lines joined by `` | ``)."""
    body = f"""
        new File({str(project / "glossary")!r}).eachFileMatch(~/.*[.]tbx/) {{ file ->
          for (e in org.omegat.gui.glossary.GlossaryReaderTBX.read(file, false)) {{
            rows << [e.srcText, e.locText, e.commentText]
          }}
        }}"""
    return [(source, target, comment) for source, target, comment in script_rows(project, home, body)]


def segments_and_matches(project: Path, home: Path) -> dict[str, list[tuple[str, int, str, str]]]:
    """Each segment OmegaT shows as the text to translate (its tags as OmegaT shows them, ``<g0>``),
    with what its Fuzzy Matches pane lists: (translation, score, memory file relative to ``tm/``,
    author) per match."""
    body = """
        def project = org.omegat.core.Core.getProject()
        def finder = new org.omegat.core.statistics.FindMatches(project.getSourceTokenizer(), 10, true, false)
        def running = { -> false } as org.omegat.core.events.IStopped
        for (entry in project.getAllEntries()) {
          rows << ["segment", entry.srcText]
          for (match in finder.search(project, entry.srcText, true, true, running)) {
            rows << ["match", match.translation, match.scores[0].score, match.projs.join(","), match.creator]
          }
        }"""
    segments: dict[str, list[tuple[str, int, str, str]]] = {}
    current: list[tuple[str, int, str, str]] = []
    tm = f"{project / 'tm'}/"
    for row in script_rows(project, home, body):
        if row[0] == "segment":
            current = segments.setdefault(row[1], [])
        else:
            current.append((row[1], int(row[2]), row[3].removeprefix(tm), row[4]))
    return segments


def type_translations(project: Path, home: Path, typed: dict[str, str]) -> None:
    """A translator at work: each segment whose text (as OmegaT shows it, ``<g0>``) ``typed`` names
    gets the translation given there, as typed (or a match inserted) and confirmed in OmegaT's
    editor; then console mode writes ``target/``."""
    pairs = ", ".join(f"{_groovy(source)}: {_groovy(text)}" for source, text in typed.items())
    script = project / "type.groovy"
    script.write_text(
        f"""def typed = [{pairs}]
def project = org.omegat.core.Core.getProject()
for (entry in project.getAllEntries()) {{
  if (typed.containsKey(entry.srcText)) {{
    def made = new org.omegat.core.data.PrepareTMXEntry()
    made.source = entry.srcText
    made.translation = typed[entry.srcText]
    project.setTranslation(entry, made, true, null)
  }}
}}
""",
        encoding="utf-8",
    )
    console_translate(project, home, script=script)


def _groovy(text: str) -> str:
    """``text`` as a Groovy string literal (single-quoted: no ``$`` interpolation)."""
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'"
