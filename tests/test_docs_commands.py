"""Every transpub command the README and docs/ show is one the real command line accepts as shown.

Two kinds of showing: a command to run (a line of a code block) must parse, options and arguments,
with the real CLI (files it names need not exist here); a mention in the text (a code span such as
`transpub check -l sv --allow-fuzzy`, or a synopsis with ``[optional parts]`` as in the README's
table of commands) must name a command that exists and only options that command has.
"""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

from shown_commands import command_named, parse_shown

REPO = Path(__file__).parents[1]
DOCUMENTS = [REPO / "README.md", *sorted((REPO / "docs").glob("*.md"))]

#: A code block, fenced with backticks (its info string and text).
_FENCED = re.compile(r"^[ \t]*```[^\n]*\n(.*?)^[ \t]*```", re.S | re.M)
#: What a shell line may hold before a command: ``$ ``, ``- run: ``, ``NAME=value`` assignments.
_LEAD = re.compile(r"^\s*(?:\$\s+|-\s+run:\s+|run:\s+)?(?:[A-Z_][A-Z0-9_]*=\S*\s+)*")
#: A GitHub Actions expression in a workflow line, as a shard number.
_EXPRESSION = re.compile(r"\$\{\{[^}]*\}\}")


def _shown_commands() -> list[tuple[str, str]]:
    """(where, command) for every transpub command line the documents show to be run."""
    found: list[tuple[str, str]] = []
    for document in DOCUMENTS:
        text = document.read_text(encoding="utf-8")
        for block in _FENCED.findall(text):
            for line in block.splitlines():
                line = _EXPRESSION.sub("1", line)
                for piece in re.split(r"\s(?:\||\|\||&&|;|>|2>)\s", line):
                    piece = _LEAD.sub("", piece)
                    if piece.startswith("transpub ") or piece.strip() == "transpub":
                        found.append((document.name, piece))
    return found


def _mentions() -> list[tuple[str, str]]:
    """(where, text) for every code span outside code blocks that names a transpub command."""
    found = []
    for document in DOCUMENTS:
        outside = _FENCED.sub("", document.read_text(encoding="utf-8"))
        found.extend((document.name, span) for span in re.findall(r"`(transpub [a-z][^`]*)`", outside))
    return found


COMMANDS = _shown_commands()
MENTIONS = _mentions()
SYNOPSES = [(where, text) for where, text in MENTIONS if "[" in text]


def test_the_documents_show_commands_and_synopses_to_check() -> None:
    shown = {command.split("#")[0].split()[1] for _, command in COMMANDS}
    assert {"init", "extract", "translate", "compile", "check", "status", "xliff", "memory"} <= shown
    assert len(SYNOPSES) >= 10


@pytest.mark.parametrize(("where", "command"), COMMANDS, ids=[f"{w}: {c}" for w, c in COMMANDS])
def test_a_command_the_docs_show_parses_as_shown(where: str, command: str) -> None:
    parse_shown(command)


@pytest.mark.parametrize(("where", "synopsis"), MENTIONS, ids=[f"{w}: {s}" for w, s in MENTIONS])
def test_a_command_the_docs_mention_exists_with_the_options_they_name(where: str, synopsis: str) -> None:
    words = [word for word in re.split(r"[\s\[\]]+", synopsis.replace("\\|", "|")) if word]
    _, command, rest = command_named(words[1:])
    options = {name for param in command.params for name in (*param.opts, *param.secondary_opts)}
    named = {word.split("=")[0] for word in rest if re.fullmatch(r"--?[a-zA-Z][-a-zA-Z0-9]*(=.*)?", word)}
    assert named <= options, f"{where}: `{synopsis}` names {sorted(named - options)}, not options of it"


def test_a_misspelt_option_or_command_in_the_docs_would_be_caught() -> None:
    with pytest.raises(click.UsageError):
        parse_shown("transpub compile --include-fuzy")
    with pytest.raises(click.UsageError):
        parse_shown("transpub memory exprot -o m.tmx")
    with pytest.raises(AssertionError, match="--dry-runn"):
        test_a_command_the_docs_mention_exists_with_the_options_they_name(
            "README.md", "transpub translate [--dry-runn]"
        )
    with pytest.raises(click.UsageError):
        test_a_command_the_docs_mention_exists_with_the_options_they_name("README.md", "transpub transalte")
