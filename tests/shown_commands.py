"""Parse a transpub command line that documentation shows, with the real CLI, without running it."""

from __future__ import annotations

import copy
import shlex

import click

from transpub.cli import main


def command_named(words: list[str]) -> tuple[click.Context, click.Command, list[str]]:
    """The (sub)command that ``words`` (after ``transpub``) name, its context and the words left."""
    context = main.make_context("transpub", list(words[:1]), resilient_parsing=True)
    command: click.Command = main
    while isinstance(command, click.Group) and words and not words[0].startswith("-"):
        sub = command.get_command(context, words[0])
        if sub is None:
            raise click.UsageError(f"no such command: {words[0]}")
        command, words = sub, words[1:]
        context = click.Context(command, info_name=command.name, parent=context)
    return context, command, words


def parse_shown(command: str) -> click.Context:
    """Parse ``transpub …`` as the real CLI would (UsageError for an unknown command or option, a
    missing argument or one too many, a value of the wrong type); the files an example names need
    not be here, and nothing runs."""
    words = shlex.split(command, comments=True)
    assert words[0] == "transpub", command
    context, found, rest = command_named(words[1:])
    as_written = copy.copy(found)
    as_written.params = [_file_as_written(param) for param in found.params]
    return as_written.make_context(found.name, rest, parent=context.parent)


def _file_as_written(param: click.Parameter) -> click.Parameter:
    """``param``, taking a file's name as written when its value is a file (none is looked at)."""
    if not isinstance(param.type, (click.Path, click.File)):
        return param
    plain = copy.copy(param)
    plain.type = click.STRING
    return plain
