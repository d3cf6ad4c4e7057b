"""What a run loads: ``transpub extract`` and ``compile`` of a plain project (HTML articles, a glossary,
no ``[extract] include``/``exclude``) do not load what only other commands or settings need, and what
is loaded late gives the answers it gave when it was loaded early."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from transpub.glossary import matcher
from transpub.project import init_project

SRC = str(Path(__file__).resolve().parents[1] / "src")

#: Modules only some commands or settings need, each a noticeable part of a start-up.
NOT_NEEDED = (
    "lxml.etree",  # [extract] include / exclude selectors (and the exchange formats)
    "cssselect",
    "transpub.glossary.suggest",  # transpub glossary suggest
    "tomli_w",  # transpub init
    "transpub.site_generators",  # transpub init in a static site's folder
    "difflib",  # "did you mean" in a configuration error
)

# ("--jobs": click looks "-j" up as a long option first, which loads difflib)
RUN = """
import re, sys
from transpub.cli import main
from transpub.glossary.matcher import _UNSPACED
compiled = []
compile = re.compile
re.compile = lambda pattern, flags=0: compiled.append(pattern) or compile(pattern, flags)
for command in (["extract", "--jobs", "1"], ["compile", "--jobs", "1"]):
    try:
        main([*command, "--project", sys.argv[1]])
    except SystemExit as exc:
        assert not exc.code, (command, exc.code)
print("classes of unspaced letters:", sum(_UNSPACED in str(pattern) for pattern in compiled))
print("loaded:", *(name for name in sys.argv[2:] if name in sys.modules))
"""


def test_extract_and_compile_of_a_plain_project_load_no_selector_suggester_or_writer_modules(
    tmp_path: Path,
) -> None:
    """... nor compile the glossary's pattern of where a term may start (a class of letters, tens of
    millions of instructions), which a small glossary searched for by its prefixes does not use."""
    root = tmp_path / "news"
    init_project(root, source="en", locales=["de"], name="News")
    (root / "articles" / "story.html").write_text(
        "<html><head><title>The council met</title></head><body><p>The city council met on "
        '<time datetime="2024-05-01">May 1</time>. Nobody came to the harbour.</p></body></html>',
        encoding="utf-8",
    )
    config = root / "transpub.toml"  # (untranslated pages are published too: compile does all its work)
    config.write_text(
        config.read_text(encoding="utf-8").replace("publish_threshold = 80", "publish_threshold = 0"),
        encoding="utf-8",
    )
    (root / "glossary" / "terms.csv").write_text(
        "term,de,note\ncity council,Stadtrat,\nharbour,Hafen,\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", RUN, str(root), *NOT_NEEDED],
        capture_output=True,
        text=True,
        env={"PYTHONPATH": SRC, "PATH": "/usr/bin:/bin"},
        check=True,
    )
    assert (root / "site" / "de" / "story.html").exists(), result.stderr
    assert result.stdout.splitlines()[-2:] == ["classes of unspaced letters: 0", "loaded:"]


def test_glossary_terms_need_a_word_boundary_exactly_next_to_letters_of_space_separated_scripts() -> None:
    """is_spaced_letter (where a term needs a word boundary) says for every character what the
    character class of the unspaced scripts says."""
    unspaced = re.compile(f"[{matcher._UNSPACED}]")
    different = [
        code
        for code in range(sys.maxunicode + 1)
        if matcher.is_spaced_letter(chr(code)) != (chr(code).isalpha() and not unspaced.match(chr(code)))
    ]
    assert different == []
    for text in ("Jing", "净月", "Ab3", "3b", "月a"):  # (the first character decides, as the regex did)
        assert matcher.is_spaced_letter(text) == (text.isalpha() and not unspaced.match(text))
