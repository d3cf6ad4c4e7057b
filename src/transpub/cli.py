"""The ``transpub`` command line: thin click commands over the library.

Each command parses its options, calls the library once and prints the result. Library
errors (:class:`~transpub.errors.TranspubError`) become one ``Error: file:line: message``
line, in one place (:class:`TranspubGroup`). Exit codes: 0 done (check: clean), 1 problems
found or work failed (a file named on the command line that cannot be read or written too, said
before any work), 2 wrong usage or configuration (as click's own usage errors; the project's
folder that is not one). Path options are :class:`_Path`, of which click checks nothing (its
checks are three lines of usage): the commands check them (``_refuse_unreadable``,
``_refuse_unwritable``).
"""

from __future__ import annotations

from . import regex_code

regex_code.remember()  # first: the modules below, and those a command loads, compile their patterns

import contextlib  # noqa: E402
import errno  # noqa: E402
import gc  # noqa: E402
import math  # noqa: E402
import os  # noqa: E402
import re  # noqa: E402
import shlex  # noqa: E402
import stat  # noqa: E402
import sys  # noqa: E402
from collections.abc import Callable, Iterable, Iterator  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import click  # noqa: E402

from . import __version__, cldr_cache, dataclass_code  # noqa: E402

dataclass_code.remember()  # before the modules below, and those a command loads, make their classes
cldr_cache.remember()  # before a language's name, direction or dates are asked of Babel

from .config import ENGINE_NAMES, GENERATORS, suggest  # noqa: E402
from .errors import ConfigError, ProjectNotFound, TranspubError  # noqa: E402
from .locales import parse_cli_locale  # noqa: E402
from .model import RUN_EXTRACT, counted, no_catalog_yet  # noqa: E402
from .project import CONFIG_NAME, Project, find_project_root, init_project, load_project, output_shown  # noqa: E402


def _locales(ctx: click.Context, param: click.Parameter, value: object) -> object:
    """Command-line locales as gettext names (``zh-cn`` is ``zh_CN``); a bad one is a usage error."""
    try:
        if value is None:
            return None
        if isinstance(value, tuple):
            return tuple(parse_cli_locale(item) for item in value)
        return parse_cli_locale(str(value))
    except ConfigError as exc:
        raise click.BadParameter(visible(exc.message)) from exc


def _one_locale(ctx: click.Context, param: click.Parameter, value: tuple[str, ...]) -> str:
    """``-l LOCALE`` of a command that works on one locale, read as :func:`_locales` reads it; given
    twice, a usage error (click would keep the last one and drop the others in silence)."""
    if len(value) > 1:
        raise click.BadParameter(
            f"this command works on one locale, not {len(value)} ({visible(', '.join(value))}): "
            "run it once for each"
        )
    return str(_locales(ctx, param, value[0]))


def one_locale_option(help: str) -> Callable[[Any], Any]:
    """The required ``-l LOCALE`` of a command that works on one locale (``xliff export``, ``align``)."""
    return click.option(
        "-l", "--locale", required=True, multiple=True, callback=_one_locale, metavar="LOCALE", help=help
    )


def _engine_name(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """``--engine NAME``, one that ``transpub engines`` lists."""
    if value is not None and value not in ENGINE_NAMES:
        raise click.BadParameter(f"unknown engine {value!r}" + suggest(value, sorted(ENGINE_NAMES)))
    return value


def _shard(ctx: click.Context, param: click.Parameter, value: str | None) -> tuple[int, int] | None:
    """``--shard I/N`` as (I, N), 1 <= I <= N."""
    if value is None:
        return None
    # ASCII digits only, and few of them: "²".isdigit() holds but int() refuses it, as it does 5,000 digits
    match = re.fullmatch(r"([0-9]{1,9})/([0-9]{1,9})", value)
    if not (match and 1 <= int(match[1]) <= int(match[2])):
        shown = value if len(value) <= 40 else value[:40] + "…"
        raise click.BadParameter(f"{shown!r} is not I/N with 1 <= I <= N (for example 2/4)")
    return int(match[1]), int(match[2])


class _Percent(click.FloatRange):
    """A percentage from 0 to 100; ``nan``, which every comparison lets through (a minimum no locale
    falls below), is refused."""

    def __init__(self) -> None:
        super().__init__(0, 100)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        number = super().convert(value, param, ctx)
        if math.isnan(number):
            self.fail(f"{value!r} is not a number from 0 to 100", param, ctx)
        return number


PERCENT = _Percent()


SHARD_OPTION = click.option(
    "--shard",
    callback=_shard,
    default=None,
    metavar="I/N",
    help="Work on shard I of N of the articles (split by a stable hash of the slug), for parallel CI jobs.",
)


def _jobs(ctx: click.Context, param: click.Parameter, value: int | None) -> int:
    """``-j N``: N processes; by default, one per core."""
    if value is None:
        from .workers import default_jobs

        return default_jobs()
    return value


FULL_OPTION = click.option(
    "--full",
    is_flag=True,
    help="Work on every article, even those whose files are as the last run left them "
    "(see .transpub/manifest.sqlite).",
)
JOBS_OPTION = click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    callback=_jobs,
    metavar="N",
    help="Work on N articles at once, in N processes (default: one per core; -j 1: one at a time). "
    "The files written and the report are the same.",
)


def _verbose_option(thing: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """``-v``: every ``thing`` (article, page) listed, those left as they were too."""
    return click.option(
        "-v",
        "--verbose",
        is_flag=True,
        help=f"List every {thing}, also those left as they were (default: a count of them).",
    )


LOCALE_OPTION = click.option(
    "-l",
    "--locale",
    "locales",
    multiple=True,
    callback=_locales,
    metavar="LOCALE",
    help="Work on this target locale only (repeatable). Default: every target locale.",
)


#: What a terminal takes for a command, not text: C0 controls but tab, line feed and carriage return
#: (ESC starts sequences that set the title, write the clipboard…), DEL, and the C1 controls (CSI);
#: and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which show the
#: rest of the line reordered (the file and line a message names too).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    r"""``text`` with the control characters a terminal would act on written as ``\xNN`` (a bidi
    control as ``\uNNNN``): messages quote articles, catalogs and engine answers, which are not the
    user's to command the terminal.

    >>> visible("template token {{< x \x1b]52;c;ZXZpbA==\x07 >}}\ttab \u202eevil")
    'template token {{< x \\x1b]52;c;ZXZpbA==\\x07 >}}\ttab \\u202eevil'
    """
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(_escaped, text)


def _escaped(match: re.Match[str]) -> str:
    """The control character ``match`` found written as its escape."""
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def _echo(message: Any = None, **options: Any) -> None:
    """``click.echo`` of ``message`` made :func:`visible`."""
    click.echo(visible(message) if isinstance(message, str) else message, **options)


class _Path(click.Path):
    """A file's or folder's path as typed, ``kind`` in --help: click checks nothing of it (its
    refusal is three lines of usage); the command does, as one line (:func:`_refuse_unreadable`,
    :func:`_refuse_unwritable`)."""

    def __init__(self, kind: str) -> None:
        super().__init__(path_type=Path)
        self.name = kind


FILE, FOLDER, PATH = _Path("file"), _Path("directory"), _Path("path")


class ConfigProblem(click.ClickException):
    """A mistake in transpub.toml or on the command line: one line, exit 2."""

    exit_code = 2


class TranspubGroup(click.Group):
    """A click group that reports library errors as one clear line: exit 2 for configuration, else 1."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ConfigError as exc:
            raise ConfigProblem(visible(_message(ctx, exc))) from exc
        except TranspubError as exc:
            raise click.ClickException(visible(_message(ctx, exc))) from exc
        except OSError as exc:  # refused by the system: a path through a file, no permission, a full disk
            if exc.errno == errno.EPIPE:
                raise  # the reader of the output went away (`| head`): click ends quietly
            raise click.ClickException(visible(_os_message(ctx, exc))) from exc
        except Terminated:
            saves = isinstance(ctx.obj, dict) and ctx.obj.get("saves_work")
            _echo("Terminated; work already saved is kept." if saves else "Terminated.", err=True)
            sys.exit(143)
        except KeyboardInterrupt:
            saves = isinstance(ctx.obj, dict) and ctx.obj.get("saves_work")
            _echo("Interrupted; work already saved is kept." if saves else "Interrupted.", err=True)
            sys.exit(130)


#: The temporary file transpub writes beside a file before renaming it onto it (fsutil).
_TEMPORARY = re.compile(r"\.(.+)\.[0-9a-f]{8}\.tmp")


def _os_message(ctx: click.Context, exc: OSError) -> str:
    """An error of the system as one line naming the file (the one being written, not its temporary
    copy, and then saying so), from the project's folder as other messages name it.

    >>> _os_message(click.Context(main), PermissionError(13, "Permission denied", "/tmp/a/.x.html.0a1b2c3d.tmp"))
    '/tmp/a/x.html: cannot write: Permission denied'
    """
    name = exc.filename
    if name is None:
        return exc.strerror or str(exc)
    folder, base = os.path.split(os.fsdecode(name))
    temporary = _TEMPORARY.fullmatch(base)
    path = os.path.join(folder, temporary.group(1)) if temporary else os.path.join(folder, base)
    why = f"cannot write: {exc.strerror or exc}" if temporary else exc.strerror or str(exc)
    return _message(ctx, TranspubError(why, os.path.abspath(path)))


def _saves_work(ctx: click.Context) -> None:
    """Mark the command as one that saves as it goes (Ctrl-C then says that what was saved is kept)."""
    if isinstance(ctx.obj, dict):
        ctx.obj["saves_work"] = True


#: What translate says as a stop comes (the requests already out are awaited, a timeout at most).
STOPPING = "Stopping: keeping the replies of the requests already sent (paid for) first…"


class Terminated(KeyboardInterrupt):
    """SIGTERM (a CI job cancelled, ``kill``) during a run: it stops as on Ctrl-C, keeping the
    replies of requests already sent (paid for), rather than dying with them unsaved."""


@contextlib.contextmanager
def _stops_like_ctrl_c(announce: str = "") -> Iterator[None]:
    """While inside, SIGTERM raises :class:`Terminated` in the main thread (elsewhere: unchanged);
    with ``announce``, the first Ctrl-C or SIGTERM writes it on stderr as it comes (the run may
    wait for the requests already out before it stops: the user sees why nothing happens)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        yield
        return
    told: list[bool] = []

    def stop(signum: int, frame: Any) -> None:
        if announce and not told:
            told.append(True)
            with contextlib.suppress(OSError):  # (not sys.stderr: the stop may come while it writes)
                os.write(2, ("\n" + announce + "\n").encode("utf-8", "replace"))
        raise Terminated() if signum == signal.SIGTERM else KeyboardInterrupt()

    previous = {signal.SIGTERM: signal.signal(signal.SIGTERM, stop)}
    if announce and signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        previous[signal.SIGINT] = signal.signal(signal.SIGINT, stop)
    try:
        yield
    finally:
        for kind, handler in previous.items():
            signal.signal(kind, handler)


#: The youngest generation's size during a run (Python's default, 700, collects it every few objects
#: made: a run makes millions, nearly all of them freed by their reference counts).
RUN_GC_THRESHOLD = 10_000


@contextlib.contextmanager
def _collecting_less() -> Iterator[None]:
    """How this process collects garbage while a command works on many articles (a choice of the
    application, the command line, not of the library, which leaves the process's settings as it
    finds them): what is loaded before the run (modules, the project) is frozen out of later
    collections, and is not walked again, nor copied into a ``-j`` worker process by a collection
    there; the youngest generation is collected less often. Both are restored after the run."""
    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # (objects frozen by someone else stay as they were)
    if freeze:
        gc.freeze()
    gc.set_threshold(max(threshold[0], RUN_GC_THRESHOLD), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


def _message(ctx: click.Context, exc: TranspubError) -> str:
    """``exc`` as one line, a file in the project named from the project's folder as every other
    message names it (``locales/de/LC_MESSAGES/a.po:12: …``), not by its absolute path; before the
    project is loaded (a mistake in transpub.toml), a file below the current folder from there."""
    if exc.path is None or not Path(exc.path).is_absolute():
        return str(exc)
    project = ctx.obj.get("project") if isinstance(ctx.obj, dict) else None
    if project is not None:
        shown = project.relative(Path(exc.path))
    else:
        try:
            shown = Path(exc.path).relative_to(Path.cwd()).as_posix()
        except (ValueError, OSError):
            return str(exc)
    return str(TranspubError(exc.message, shown, exc.line, exc.column))


def _shown_path(ctx: click.Context, path: Path) -> str:
    """A path given on the command line as messages name it: from the project's folder when it is in
    the project (as the library's errors name files), else as given; a link by its own name, not
    its target's (a link to nothing is named as the user typed it)."""
    state = ctx.find_root().obj
    project = state.get("project") if isinstance(state, dict) else None
    if project is not None:
        absolute, root = os.path.abspath(path), str(project.root).rstrip(os.sep) + os.sep
        if absolute.startswith(root):
            return absolute[len(root) :].replace(os.sep, "/")
    return str(path)


def _not_a_folder(path: Path) -> bool:
    """Whether a file (or a link to nothing) is at ``path`` or at a folder above it, where writing
    ``path`` needs a folder: what the system refuses with "Not a directory"."""
    for place in (path, *path.parents):
        if place.is_dir():
            return False
        if os.path.lexists(place):
            return True
    return False


def _refuse_unwritable(ctx: click.Context, path: Path, *, folder: bool = False) -> None:
    """A :class:`TranspubError` naming the output file ``path`` (with ``folder``: the output folder)
    when the system would refuse to write it there (a folder in the file's place, a file in a
    folder's), raised before any work, so nothing is paid for or half-written. A folder that is not
    there yet is made, as the writers make it."""
    if _not_a_folder(path if folder else path.parent):
        why = errno.ENOTDIR
    elif not folder and path.is_dir():
        why = errno.EISDIR
    else:
        return
    raise TranspubError(f"cannot write: {os.strerror(why)}", _shown_path(ctx, path))


def _unreadable(ctx: click.Context, path: Path, *, folder: bool = False) -> TranspubError | None:
    """Why the input file ``path`` (with ``folder``: the input folder) cannot be read, as the system
    says it (not there, a folder where a file is wanted, or the reverse); None when it can."""
    try:
        mode = os.stat(path).st_mode  # (through a link: a link to nothing is not there)
    except OSError as exc:
        return TranspubError(f"cannot read: {exc.strerror or exc}", _shown_path(ctx, path))
    if stat.S_ISDIR(mode) == folder:
        return None
    why = os.strerror(errno.ENOTDIR if folder else errno.EISDIR)
    return TranspubError(f"cannot read: {why}", _shown_path(ctx, path))


def _refuse_unreadable(ctx: click.Context, paths: Iterable[Path], *, folder: bool = False) -> None:
    """Before any work, one ``Error:`` line for each of ``paths`` that cannot be read (see
    :func:`_unreadable`), and exit 1 when there is one."""
    problems = [problem for path in paths if (problem := _unreadable(ctx, path, folder=folder))]
    for problem in problems[:-1]:
        _echo(f"Error: {visible(_message(ctx, problem))}", err=True)
    if problems:
        raise problems[-1]


def _project_if_any(ctx: click.Context) -> Project | None:
    """The project, for a command that works without one too: None when none is found from here
    upwards; one named (``--project``, ``TRANSPUB_PROJECT``) that is not there is an error."""
    try:
        return _project(ctx)
    except ProjectNotFound:
        if ctx.obj.get("project_dir") is not None:
            raise
        return None


def _no_glossary(project: Project) -> str:
    """What the project's ``[paths] glossary`` lacks: a file there, or a file named at all."""
    if project.glossary_path is None:
        return "[paths] glossary names no glossary file"
    return f"[paths] glossary: {project.relative(project.glossary_path)} is not there"


#: The commands that read the articles: they say when the articles folder is not there (a misspelt
#: ``[paths] articles`` would otherwise give an empty run, and a check that passes).
_READ_ARTICLES = frozenset({"extract", "compile", "check", "status", "translate"})


def _project(ctx: click.Context) -> Project:
    root = ctx.obj.get("project_dir")
    project = load_project(root)
    ctx.obj["project"] = project
    if ctx.info_name in _READ_ARTICLES and not project.articles_dir.is_dir():
        where = _articles_folder(project)
        what = "a file, not a folder" if project.articles_dir.exists() else "not there"
        raise ConfigError(
            f"[paths] articles: {where} is {what}; no article could be read (an empty run would pass)",
            project.config_path,
            project.line_of("paths", "articles"),
        )
    glossary = project.glossary_path
    if ctx.info_name in _READ_ARTICLES and glossary is not None and not glossary.exists():
        line = project.line_of("paths", "glossary")
        if line is not None:  # (named in the file: a misspelt name would switch the glossary off unseen)
            _echo(f"Warning: {CONFIG_NAME}:{line}: {_no_glossary(project)}; no glossary is used", err=True)
    if ctx.info_name == "check" and not project.locales:
        raise ConfigError(
            "[project] locales names no target locale: there is nothing to check",
            project.config_path,
            project.line_of("project", "locales"),
        )
    return project


@click.group(cls=TranspubGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option(
    "--project",
    "project_dir",
    type=FOLDER,
    envvar="TRANSPUB_PROJECT",
    help=f"Project folder (holding {CONFIG_NAME}). Default: found from here upwards.",
)
@click.version_option(__version__, prog_name="transpub")
@click.pass_context
def main(ctx: click.Context, project_dir: Path | None) -> None:
    """transpub: publish articles in many languages through gettext PO catalogs.

    \b
    The workflow:
      transpub extract      articles -> locales/templates/*.pot and locales/<locale>/LC_MESSAGES/*.po
      transpub translate    pre-fill empty entries by machine translation (marked fuzzy)
      (translators review the PO files in Poedit)
      transpub compile      PO files -> site/<locale>/<slug>.html
      transpub check        CI gate: missing, unreviewed or broken translations
    """
    ctx.ensure_object(dict)
    ctx.obj["project_dir"] = project_dir


def _init_directory(ctx: click.Context, directory: Path | None) -> Path:
    """Where ``init`` makes the project: DIRECTORY, else ``--project`` (or TRANSPUB_PROJECT), else
    here; a ``--project`` on the command line naming another folder than DIRECTORY is refused."""
    root = ctx.find_root()
    chosen = (root.obj or {}).get("project_dir")
    if directory is None:
        return chosen or Path(".")
    typed = click.core.ParameterSource.COMMANDLINE in (
        root.get_parameter_source("project_dir"),
        ctx.get_parameter_source("project_dir"),
    )
    if typed and chosen is not None and chosen.resolve() != directory.resolve():
        raise click.UsageError(f"--project {chosen} and DIRECTORY {directory} are two folders: give one")
    return directory


@main.command()
@click.argument("directory", type=FOLDER, required=False)
@click.option(
    "--source",
    "source",
    default="en",
    show_default=True,
    callback=_locales,
    help="Locale the articles are written in.",
)
@click.option(
    "-l",
    "--locale",
    "locales",
    multiple=True,
    required=True,
    callback=_locales,
    metavar="LOCALE",
    help="A target locale, gettext style (zh_CN, pt_BR, sr@latin). Repeatable.",
)
@click.option("--name", default=None, help="Project name (default: the folder's name).")
@click.option(
    "--engine",
    default=None,
    callback=_engine_name,
    help="Default machine-translation engine (see `transpub engines`).",
)
@click.option(
    "--generator",
    type=click.Choice(["none", *GENERATORS]),
    default=None,
    help="The static-site generator that builds the folder (default: found from hugo.toml, _config.yml "
    "or mkdocs.yml there); none: a plain project with articles/.",
)
@click.option(
    "--environment",
    default=None,
    metavar="NAME",
    help="A Hugo site's environment, as `hugo --environment`: its configuration folder's NAME/ is read "
    "over _default/ (default: $HUGO_ENVIRONMENT, else $HUGO_ENV, else production, what `hugo` builds with).",
)
@click.option(
    "--config-dir",
    default=None,
    metavar="DIR",
    help="A Hugo site's configuration folder, as `hugo --configDir` (default: config).",
)
@click.pass_context
def init(
    ctx: click.Context,
    directory: Path | None,
    source: str,
    locales: tuple[str, ...],
    name: str | None,
    engine: str | None,
    generator: str | None,
    environment: str | None,
    config_dir: str | None,
) -> None:
    """Create a new project: transpub.toml, articles/, locales/, glossary/.

    DIRECTORY (default: --project, else the current folder) is made if missing. In a Hugo, Jekyll
    or MkDocs site's folder, transpub.toml gets that site's settings (its content folder as the
    articles, Markdown written where the generator reads translations) and no articles/ is made;
    what the site's own configuration lacks is shown, never written into it.

    \b
    Example:
      transpub init newsroom --source en -l es -l zh_CN -l de
      transpub init -l es          # in a Hugo site's folder (beside hugo.toml)
      transpub init -l es --environment staging   # config/staging/ over config/_default/
    """
    directory = _init_directory(ctx, directory)
    if _not_a_folder(directory):
        raise ConfigProblem(f"{directory}: not a folder (init makes the project in a folder)")
    config = directory / CONFIG_NAME
    if config.exists():
        raise ConfigProblem(_existing_project(directory, config))
    repeated = sorted({loc for loc in locales if locales.count(loc) > 1})
    if repeated:
        raise click.UsageError(f"target locale {' '.join(repeated)} given more than once")
    from .site_generators import find_site, propose  # (only init reads a site's settings)

    site = find_site(directory, generator, environment=environment, config_dir=config_dir)
    hugos = [
        option for option, value in (("--environment", environment), ("--config-dir", config_dir)) if value
    ]
    if hugos and (site is None or site.generator != "hugo"):
        raise ConfigProblem(_no_hugo_site(directory, hugos[0], config_dir))  # (a folder, not how it is typed)
    if site is not None and ctx.get_parameter_source("source") != click.core.ParameterSource.COMMANDLINE:
        default = _site_source(site.default_language(), ())
        if default is not None and default in locales:
            raise click.UsageError(
                f"{default} is the site's default language ({site.config_name}), the language of its pages, "
                f"and -l names it as a target: give the other languages, or --source LOCALE if the pages "
                "are written in another"
            )
        source = _site_source(site.default_language(), locales) or source
    if source in locales:
        raise click.UsageError(f"{source} is the source locale; it cannot also be a target")
    setup = propose(site, source, list(locales)) if site is not None else None
    outer = _project_around(directory)
    if outer is not None:
        _echo(
            f"Warning: {_folder_named(directory)} is inside the project of {outer}; init makes another "
            f"project there, with catalogs of its own (to add a locale to that project, add it to [project] "
            f"locales in {outer})",
            err=True,
        )
    if setup is not None:
        _echo(setup.found)
    written = init_project(
        directory, source=source, locales=list(locales), name=name, engine=engine, site=setup
    )
    _echo(f"Created {config} (source {source}, targets {' '.join(locales)}).")
    others = [str(path) for path in written if path != config]
    if others:
        _echo(f"Also wrote {', '.join(others)}.")
    step = _extract_step(directory)
    if setup is None:
        _echo(f"Put articles in {directory / 'articles'}, then {step}.")
        return
    for note in setup.notes:
        _echo(f"Note: {note}.")
    _echo_additions(setup.site.config_name, setup.additions)
    _echo(f"Then {step}.")


def _echo_additions(config: str, additions: str, what: str = "") -> None:
    """Show ``additions`` (settings in the format of the file ``config``) for the user to merge;
    ``what``: what they are for."""
    if additions:
        _echo(f"Add to {config}{what} (transpub never changes it; merge with what it has):\n")
        _echo(additions)


def _project_around(directory: Path) -> str | None:
    """The ``transpub.toml`` of a project in a folder above ``directory`` (as extract, run in
    ``directory`` before init, would have found it), named from the current folder; None if none."""
    try:
        above = find_project_root(directory.resolve().parent)
    except (ProjectNotFound, OSError):
        return None
    config = above / CONFIG_NAME
    with contextlib.suppress(ValueError, OSError):
        return os.path.relpath(config)
    return str(config)


def _no_hugo_site(directory: Path, option: str, config_dir: str | None) -> str:
    """Why init refuses Hugo's ``option`` in ``directory``: no Hugo configuration where it looked.

    >>> print(_no_hugo_site(Path("."), "--config-dir", "settings"))
    --config-dir is a Hugo site's, and this folder holds no Hugo configuration (no hugo.toml or config.toml, nor a settings/ folder with one)
    """
    folder = (config_dir or "config").rstrip("/")
    return (
        f"{option} is a Hugo site's, and {_folder_named(directory)} holds no Hugo configuration (no hugo.toml "
        f"or config.toml, nor a {folder}/ folder with one)"
    )


def _folder_named(directory: Path) -> str:
    """``directory`` as init's messages name it ("this folder" for the current one).

    >>> _folder_named(Path(".")), _folder_named(Path("news"))
    ('this folder', 'news')
    """
    return "this folder" if directory == Path(".") else str(directory)


def _extract_step(directory: Path) -> str:
    """How to run extract in the project just made in ``directory``: from the current folder when
    it is that folder or inside it (transpub.toml is found upwards), else after ``cd`` into it (run
    here, extract would find no project, and its error would say to run init).

    >>> _extract_step(Path("."))
    'run `transpub extract`'
    >>> _extract_step(Path("/tmp/my news"))
    "run `cd '/tmp/my news'` and `transpub extract`"
    """
    with contextlib.suppress(OSError):
        here = Path.cwd().resolve()
        if here == directory.resolve() or directory.resolve() in here.parents:
            return "run `transpub extract`"
    return f"run `cd {shlex.quote(str(directory))}` and `transpub extract`"


def _existing_project(directory: Path, config: Path) -> str:
    """What ``init`` says of a folder that holds a project already (a mistake on the command line).

    >>> _existing_project(Path("news"), Path("news/transpub.toml"))
    'news/transpub.toml already exists: news is a transpub project already; init makes new projects and changes none (edit transpub.toml to change its locales or settings)'
    >>> _existing_project(Path("."), Path("transpub.toml"))[:83]
    'transpub.toml already exists: this folder is a transpub project already; init makes'
    """
    return (
        f"{config} already exists: {_folder_named(directory)} is a transpub project already; init makes new projects and "
        f"changes none (edit {CONFIG_NAME} to change its locales or settings)"
    )


def _site_source(language: str | None, locales: tuple[str, ...]) -> str | None:
    """The site's default language as the source locale, when it is one and no target."""
    try:
        found = parse_cli_locale(language) if language else None
    except ConfigError:
        return None
    return found if found not in locales else None


@main.command()
@LOCALE_OPTION
@click.option(
    "--no-fuzzy-matching",
    is_flag=True,
    help="Do not keep old translations of changed units as fuzzy (similarity: [extract] "
    "fuzzy_threshold, 0.6 or 60).",
)
@click.option("--purge-obsolete", is_flag=True, help="Drop obsolete (#~) entries instead of keeping them.")
@SHARD_OPTION
@JOBS_OPTION
@FULL_OPTION
@_verbose_option("article")
@click.pass_context
def extract(
    ctx: click.Context,
    locales: tuple[str, ...],
    no_fuzzy_matching: bool,
    purge_obsolete: bool,
    shard: tuple[int, int] | None,
    jobs: int,
    full: bool,
    verbose: bool,
) -> None:
    """Cut articles into units and write POT templates and PO catalogs.

    Existing translations are kept; changed sentences keep their old translation as fuzzy
    (like msgmerge --previous); removed ones become obsolete. Files whose content would not
    change are not touched, and an article whose files are as the last run left them (same
    article, configuration, glossary and transpub) is not even read again (--full: it is).
    Each article that changed gets a line; those left as they were are counted (-v lists them).

    \b
    Example:
      transpub extract            # every article, every target locale
      transpub extract -l es      # only the Spanish catalogs
      transpub extract --shard 2/4   # a quarter of the articles (one CI job of four)
      transpub extract -j 1          # one article at a time (default: one process per core)
    """
    _saves_work(ctx)
    from .extract import extract_project

    project = replace(_project(ctx), shard=shard)
    with _collecting_less():
        report = extract_project(
            project,
            project.select_locales(locales),
            fuzzy_matching=not no_fuzzy_matching,
            purge_obsolete=purge_obsolete,
            jobs=jobs,
            full=full,
        )
    shown = [article.summary for article in report.articles if verbose or article.changed]
    if shown:  # written at once: an archive has thousands of articles
        _echo("\n".join(shown))
    if report.site_strings:
        _echo(report.site_strings)
    _echo_unchanged(len(report.articles) - len(shown), "article")
    if not report.articles and not report.errors:  # (not silence: the articles may be in another folder)
        where = _articles_folder(project)
        _echo(f"No articles in shard {shard[0]}/{shard[1]} of {where}." if shard else _no_articles(project))
    _echo_foreign_records(report.foreign_records, "read")
    for orphan in report.orphans:
        _echo(f"Warning: {orphan}", err=True)
    _echo_warnings(report.warnings)
    for error in report.errors:
        _echo(f"Error: {_message(ctx, error) if isinstance(error, TranspubError) else error}", err=True)
    if report.errors:
        sys.exit(1)


@main.command()
@LOCALE_OPTION
@click.option(
    "--engine", default=None, help="Engine to use instead of the configured one (see `transpub engines`)."
)
@click.option(
    "--dry-run", is_flag=True, help="Show what would be sent (units, characters, cost) and send nothing."
)
@click.option("--concurrency", type=click.IntRange(1, 64), default=None, help="Requests in flight at once.")
@click.option(
    "--memory-score",
    type=PERCENT,
    default=None,
    metavar="SCORE",
    help="Similarity (0-100) at which a close memory match fills an entry as fuzzy "
    "(default: [translate] memory_score, else 75; 100 = exact matches only).",
)
@click.option(
    "--retry-rejected",
    is_flag=True,
    help="Ask the engine again for texts whose earlier reply was rejected (broken placeholders or terms).",
)
@click.option(
    "--compare",
    nargs=2,
    default=None,
    metavar="ENGINE_A ENGINE_B",
    help="Write nothing to the catalogs: translate a sample with both engines into a side-by-side HTML report "
    "(the replies paid for are kept in the translation memory for later runs).",
)
@click.option(
    "--sample", type=click.IntRange(1), default=20, show_default=True, help="Units in a --compare report."
)
@click.option(
    "--out",
    "out_path",
    type=FILE,
    default=None,
    help="Where --compare writes its report (default: compare-LOCALE-A-B.html here).",
)
@click.option(
    "--all-failures",
    is_flag=True,
    help="List every unit that could not be translated (default: the first 3 of each kind of failure).",
)
@SHARD_OPTION
@click.pass_context
def translate(
    ctx: click.Context,
    locales: tuple[str, ...],
    engine: str | None,
    dry_run: bool,
    concurrency: int | None,
    memory_score: float | None,
    retry_rejected: bool,
    compare: tuple[str, str] | None,
    sample: int,
    out_path: Path | None,
    all_failures: bool,
    shard: tuple[int, int] | None,
) -> None:
    """Pre-fill empty entries by translation memory and machine translation.

    Every filled entry is marked fuzzy with a provenance comment, so translators see in
    Poedit what a machine wrote. Reviewed entries are never touched. Results are saved
    after every batch and remembered, so nothing paid for is requested twice.

    Without -l, locales with no engine (or that --engine has no language pair for) are
    skipped, with a line saying how to translate them; a locale named with -l that cannot be
    translated stops the run before anything is sent (exit 2).

    \b
    Example:
      transpub translate -l es --engine apertium   # offline, no key (a new project sets no engine)
      transpub translate -l es                 # the engine transpub.toml sets ([locale.es] or [translate] engine)
      transpub translate -l fr --engine deepl  # needs TRANSPUB_DEEPL_API_KEY
      transpub translate --dry-run             # units, characters and cost per engine
      transpub translate --compare deepl llm -l de --sample 30   # which engine did better
      transpub translate -l es --shard 2/4     # one CI job of four (share the memory: [paths] memory)
    """
    _saves_work(ctx)
    from .engines.registry import check_engine_tables
    from .progress import make_progress_printer
    from .translate import translate_project

    if not compare:  # (without --compare they would be ignored, and a paid run fill the catalogs)
        given = [
            option
            for option, name in (("--sample", "sample"), ("--out", "out_path"))
            if ctx.get_parameter_source(name) is click.core.ParameterSource.COMMANDLINE
        ]
        if given:
            verb = "go" if len(given) > 1 else "goes"
            raise click.UsageError(
                f"{' and '.join(given)} {verb} with --compare A B (a report comparing two engines)"
            )

    project = replace(_project(ctx), shard=shard)
    check_engine_tables(project)
    selected = project.select_locales(locales)
    if compare:
        _compare(project, selected, compare, sample, out_path, concurrency, retry_rejected)
        return
    progress = make_progress_printer(sys.stderr)
    with _stops_like_ctrl_c(STOPPING):
        report = translate_project(
            project,
            selected,
            engine=engine,
            dry_run=dry_run,
            progress=progress,
            concurrency=concurrency,
            memory_score=memory_score,
            retry_rejected=retry_rejected,
            every_locale=not locales,  # (a locale named with -l that cannot be translated stops the run)
        )
    for line in report.skipped:
        _echo(line)
    for note in report.notes:
        _echo(f"Note: {note}.", err=True)
    for warning in report.warnings:
        _echo(f"Warning: {warning}", err=True)
    if report.dry_run:  # nothing was filled: what a run would send, then take from the memory, by locale
        fills = {key: _would_fill(counts) for key, counts in report.counts.items() if _filled(counts)}
        for est in sorted(report.estimates, key=lambda est: (est.locale, est.engine)):
            _echo(est.describe())
            if (said := fills.pop((est.locale, est.engine), None)) is not None:
                _echo(f"{est.locale} via {est.engine}: {said}")
        if not report.estimates:
            _echo("Nothing to send: every entry is filled or comes from the translation memory.")
        for (locale, name), said in sorted(fills.items()):
            _echo(f"{locale} via {name}: {said}")
    else:
        for (locale, name), counts in sorted(report.counts.items()):
            parts = _filled(counts)
            _echo(f"{locale} via {name}: " + (", ".join(parts) if parts else "nothing to do"))
    for line in report.failure_lines(every=all_failures):
        _echo(line, err=True)
    for error in report.errors:
        _echo(f"Error: {error}", err=True)
    if not report.ok:
        if report.advice():
            _echo(report.advice(), err=True)
        sys.exit(1)


def _filled(counts: Any) -> list[str]:
    """What a translate run did with the empty entries of one locale, in words, the count first.

    >>> from transpub.translate_report import Counts
    >>> _filled(Counts(filled_mt=5, failed=1))
    ['5 machine-translated', '1 failed']
    >>> _filled(Counts(filled_tm=2, unmatched=6, skipped=1))
    ['2 from the memory', '6 left empty (no reviewed translation in the memory)', '1 plural entry left empty']
    """
    plural = "plural entry" if counts.skipped == 1 else "plural entries"
    return [
        f"{value} {label}"
        for label, value in (
            ("machine-translated", counts.filled_mt),
            ("from earlier machine translations", counts.reused_mt),
            ("from the memory", counts.filled_tm),
            ("from close memory matches (fuzzy)", counts.filled_fuzzy_tm),
            ("copied (nothing to translate)", counts.copied),
            ("failed", counts.failed),
            ("rejected (placeholders/terms)", counts.rejected_placeholders),
            ("left empty (no reviewed translation in the memory)", counts.unmatched),
            (f"{plural} left empty", counts.skipped),
        )
        if value
    ]


def _would_fill(counts: Any) -> str:
    """What ``translate --dry-run`` would fill without asking the engine, and leave empty, in words.

    >>> from transpub.translate_report import Counts
    >>> _would_fill(Counts(filled_tm=2, filled_fuzzy_tm=1, skipped=1))
    'would fill 2 entries from the translation memory, 1 from close memory matches (fuzzy); would leave 1 plural entry empty (plural entries are not filled)'
    >>> _would_fill(Counts(skipped=3))
    'would leave 3 plural entries empty (plural entries are not filled)'
    """

    def entries(count: int) -> str:
        return f"{count} entr{'y' if count == 1 else 'ies'}"

    fills = [
        (value, what)
        for value, what in (
            (counts.filled_tm, "from the translation memory"),
            (counts.filled_fuzzy_tm, "from close memory matches (fuzzy)"),
            (counts.reused_mt, "with earlier machine translations"),
            (counts.copied, "by copying the source (nothing to translate)"),
            (counts.filled_mt, "by machine translation"),
        )
        if value
    ]
    said = []
    if fills:
        said.append(
            "would fill "
            + ", ".join(
                f"{entries(value) if i == 0 else value} {what}" for i, (value, what) in enumerate(fills)
            )
        )
    if counts.skipped:
        plural = "entry" if counts.skipped == 1 else "entries"
        said.append(f"would leave {counts.skipped} plural {plural} empty (plural entries are not filled)")
    if counts.rejected_placeholders:
        said.append(f"{counts.rejected_placeholders} rejected earlier, not asked again")
    if counts.failed:
        said.append(f"{counts.failed} failed")
    return "; ".join(said) or "nothing to fill"


def _compare(
    project: Project,
    selected: list[str],
    engines: tuple[str, str],
    sample: int,
    out_path: Path | None,
    concurrency: int | None,
    retry_rejected: bool,
) -> None:
    """``translate --compare``: one locale, two engines, one HTML report (an engine's replies
    the memory holds are not asked again, those it rejected only with ``retry_rejected``)."""
    from .compare_report import write_comparison
    from .translate import compare_engines

    if len(selected) != 1:
        raise click.UsageError("--compare works on one locale: pass -l LOCALE")
    [locale] = selected
    path = out_path or Path(f"compare-{locale}-{engines[0]}-{engines[1]}.html")
    project.refuse_report_among_articles(path, "--out")  # (before any engine is paid)
    _refuse_unwritable(click.get_current_context(), path)
    comparison = compare_engines(
        project, locale, engines, sample, concurrency=concurrency, retry_rejected=retry_rejected
    )
    write_comparison(comparison, path)
    for line in comparison.summary():
        _echo(line)
    _echo(f"Wrote {path}")
    _warn_if_jekyll_publishes(project, path)
    for warning in comparison.warnings:
        _echo(f"Warning: {warning}", err=True)


def _warn_if_jekyll_publishes(project: Project, path: Path, what: str = "this report") -> None:
    """A warning when the file (or folder) ``path`` a command wrote is where the project's Jekyll
    site (``[compile] page_urls = "jekyll"``, as init writes it) takes its pages from: ``jekyll
    build`` publishes ``what`` (a report, an export of the catalogs or the memory) on the site."""
    from .site_generators.jekyll import jekyll_publishes, jekyll_settings

    found = jekyll_settings(project.root) if project.page_urls == "jekyll" else None
    if found is not None and jekyll_publishes(project.jekyll_source or project.root, path, found[1]):
        _echo(
            f"Warning: {path}: `jekyll build` publishes {what} on the site (it is in the site's source "
            f"folder, and {project.relative(found[0])}'s exclude does not name it); write it elsewhere, "
            "or add it to exclude",
            err=True,
        )


def _dropped_catalogs_note(project: Project, locale: str, some_kept: bool) -> str:
    """What stays of ``locale``, whose pages compile removed (no longer among the project's locales):
    its catalogs, the translators' work (``some_kept``: a page of it stayed, as a warning says)."""
    pages = "its other pages are removed" if some_kept else "its pages are removed"
    return (
        f"Note: {locale} is no longer among the project's locales: {pages}, its catalogs "
        f"({project.relative(Path(project.catalogs_dir) / locale)}) are kept; add it to [project] locales "
        "again to publish it, or delete them if its translations should go."
    )


def _unmoved_note(locale: str, pages: list[tuple[str, str]]) -> str:
    """The note that ``pages`` of ``locale`` (each with where it goes now) stay where an earlier
    compile wrote them until a run of their language writes them at their new place."""
    run = f"`transpub compile -l {locale}` (or every language)"
    (first, now), more = pages[0], ", …" if len(pages) > 1 else ""
    if not more:
        return (
            f"Note: the {locale} page {first} stays where an earlier compile wrote it until {run} "
            f"writes it where it goes now ({now})"
        )
    return (
        f"Note: {len(pages)} {locale} pages stay where an earlier compile wrote them ({first}{more}) until "
        f"{run} writes them where they go now ({now}{more})"
    )


def _echo_unchanged(count: int, thing: str) -> None:
    """The line that counts the articles (pages) a run left as they were, unless there are none."""
    if count:
        _echo(f"{counted(count, thing)} unchanged (-v lists them)")


def _report_file_option(kind: str, what: str) -> Callable[[Any], Any]:
    """``check --<kind> FILE``: the report also written as ``what`` to FILE."""
    return click.option(
        f"--{kind}",
        f"{kind}_path",
        type=FILE,
        default=None,
        metavar="FILE",
        help=f"Also write the report as {what} to FILE (whatever --format prints).",
    )


def _echo_foreign_records(count: int, done: str) -> None:
    """One line (to stderr) when records of the manifest were not used because another key signed
    them, so that a CI log says why a restored cache did not spare the work."""
    if not count:
        return
    from .signing import SHARED_KEY_VARIABLE

    articles = counted(count, "article")
    why = (
        f"{SHARED_KEY_VARIABLE} is set, so they were written with another key or none"
        if os.environ.get(SHARED_KEY_VARIABLE)
        else f"set {SHARED_KEY_VARIABLE} (the same secret on every CI runner) to use a cache restored "
        "from another machine"
    )
    _echo(
        f"Note: the records of {articles} in .transpub/manifest.sqlite were signed with another key "
        f"and not used ({articles} {done} again): {why}",
        err=True,
    )


def _echo_mo_files(project: Project, written: list[Path], verbose: bool) -> None:
    """``compile --mo``: how many MO files this run wrote (-v: each of them), or that none changed."""
    if verbose:
        for path in written:
            _echo(f"{project.relative(path)}: MO file written")
    if not written:
        _echo("MO files: none changed")
    else:
        count = len(written)
        listed = "" if verbose else " (-v lists them)"
        _echo(f"{counted(count, 'MO file')} written beside the catalogs{listed}")


#: How many warnings are shown for one line of a file, and for one file, before the rest are counted:
#: a hostile or broken article (5,000 unclosed shortcodes on a line) would bury the run's output.
WARNINGS_PER_LINE = 3
WARNINGS_PER_FILE = 50


def _echo_warnings(warnings: list[Any]) -> None:
    """``Warning: file:line: message`` for each of ``warnings`` (issues), in order; past
    :data:`WARNINGS_PER_LINE` on one line or :data:`WARNINGS_PER_FILE` shown for one file, one line
    counts the rest of that file's."""
    if not warnings:
        return
    lines: list[str] = []
    per_line: dict[tuple[str, int | None], int] = {}
    shown: dict[str, int] = {}  # (the file's warnings shown: those held count towards no limit)
    held: dict[str, int] = {}
    for warning in warnings:
        place = (warning.path, warning.line)
        per_line[place] = per_line.get(place, 0) + 1
        if per_line[place] > WARNINGS_PER_LINE or shown.get(warning.path, 0) >= WARNINGS_PER_FILE:
            held[warning.path] = held.get(warning.path, 0) + 1
            continue
        shown[warning.path] = shown.get(warning.path, 0) + 1
        lines.append(f"Warning: {warning.location}: {warning.message}")
    for path, count in held.items():
        lines.append(f"Warning: {path}: {count:,} more warnings in this file, not shown")
    _echo("\n".join(lines), err=True)


def _output_shown(project: Project, out_dir: Path | None, path: Path | None) -> str | None:
    """A written file as the user finds it (see :func:`~transpub.project.output_shown`)."""
    return None if path is None else output_shown(project, out_dir, path)


@main.command(name="compile")
@LOCALE_OPTION
@click.option(
    "--out",
    "out_dir",
    type=FOLDER,
    default=None,
    help="Output folder (default: the project's site/); a preview there is the whole site, index pages "
    "and the coverage index _review/index.html included.",
)
@click.option("--include-fuzzy", is_flag=True, help="Publish unreviewed (fuzzy) translations, with a notice.")
@click.option(
    "--review",
    is_flag=True,
    help="Also write review copies colouring each unit's state, in _review/ of the output folder (beside "
    "the coverage index, _review/index.html, that every HTML run writes).",
)
@click.option("--mo", "write_mo", is_flag=True, help="Also write MO files beside the PO files.")
@click.option(
    "--threshold",
    type=PERCENT,
    default=None,
    help="Publish a page only when at least this % of it is translated (default: config, 80).",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["html", "markdown"]),
    default=None,
    help="html: a finished site; markdown: localized Markdown for a static-site generator "
    "(default: [compile] format).",
)
@SHARD_OPTION
@click.option(
    "--indexes",
    "indexes_only",
    is_flag=True,
    help="Write only the index pages of an HTML site (after its pages were compiled in shards).",
)
@JOBS_OPTION
@FULL_OPTION
@_verbose_option("page")
@click.pass_context
def compile_(
    ctx: click.Context,
    locales: tuple[str, ...],
    out_dir: Path | None,
    include_fuzzy: bool,
    review: bool,
    write_mo: bool,
    threshold: float | None,
    output_format: str | None,
    shard: tuple[int, int] | None,
    indexes_only: bool,
    jobs: int,
    full: bool,
    verbose: bool,
) -> None:
    """Write the localized site: site/<locale>/<slug>.html, index pages and the
    coverage index for editors, site/_review/index.html.

    Untranslated text keeps the source, marked with its language. Fuzzy (unreviewed)
    entries are left out unless --include-fuzzy. A page below the publish threshold is not
    written for that locale, and the reason is printed. With --format markdown, each Markdown
    article's translation is written as Markdown where [compile] layout says (content/es/post.md
    or post.es.md) for Hugo, Jekyll or MkDocs; HTML articles still get HTML pages, and no index
    pages are written. An HTML article whose catalogs, pages and assets are as the last run left
    them is not compiled again (--full: it is). Each page written, or not published, gets a line;
    pages left as they were are counted (-v lists them).

    \b
    Example:
      transpub compile
      transpub compile -l es --include-fuzzy --review --out /tmp/preview
      transpub compile --shard 1/4 && …   # pages of one shard per CI job, then once:
      transpub compile --indexes          # the index pages, over every article
      transpub compile --format markdown  # content/posts/x.es.md for a static-site generator
    """
    _saves_work(ctx)
    from .compile import CompileOptions, compile_project

    if shard is not None and indexes_only:
        raise click.UsageError("--indexes covers every article: it cannot be combined with --shard")
    project = replace(_project(ctx), shard=shard)
    if out_dir is not None:
        _refuse_unwritable(ctx, out_dir, folder=True)
    if indexes_only and (output_format or project.output_format) == "markdown":
        chosen = "--format markdown" if output_format else '[compile] format = "markdown"'
        raise click.UsageError(
            f"--indexes writes the index pages of an HTML site; {chosen} writes none (the static-site "
            "generator makes its own)"
            + ("" if output_format else ": add --format html for an HTML site's index pages")
        )
    with _collecting_less():
        report = compile_project(
            project,
            project.select_locales(locales),
            CompileOptions(
                out_dir=out_dir,
                include_fuzzy=include_fuzzy,
                review=review,
                write_mo=write_mo,
                threshold=threshold,
                pages=not indexes_only,
                format=output_format,
            ),
            jobs=jobs,
            full=full,
        )
    lines = []  # written at once: an archive has tens of thousands of pages
    unchanged = published = 0
    for page in report.pages:
        if page.locale == project.source_locale:
            continue
        if page.published and page.output is None and report.errors:
            continue  # not written for an error (a file compile did not write is in its place): its line says so
        if page.published and not (page.written or verbose):
            unchanged += 1
        elif page.published:
            published += 1
            lines.append(
                f"{_output_shown(project, report.out_dir, page.output) or f'{page.locale}/{page.file}'}: "
                f"{page.summary}" + ("" if page.written else " (unchanged)")
            )
        else:
            withdrawn = _output_shown(project, report.out_dir, report.withdrawn.get((page.locale, page.slug)))
            held = _output_shown(project, report.out_dir, report.held.get((page.locale, page.slug)))
            lines.append(
                f"{held or f'{page.locale}/{page.slug}'}: not published: {page.reason}"
                + (f"; {withdrawn}, published before, is removed" if withdrawn else "")
            )
    if lines:
        _echo("\n".join(lines))
    _echo_unchanged(unchanged, "page")
    _echo_foreign_records(report.foreign_records, "compiled")
    if write_mo:
        _echo_mo_files(project, report.mo_written, verbose)
    for removed in report.removed:
        _echo(f"{removed}: removed (its article is gone)")
    for locale, removed in report.dropped:
        _echo(f"{removed}: removed ({locale} is no longer among the project's locales)")
    for removed in report.unused_copies:
        _echo(f"{removed}: removed (no page loads it any more)")
    for folder, now, count in report.moved:
        _echo(
            f"{folder}/: {counted(count, 'file')} compile wrote there removed (Markdown is written to {now}/ "
            "now: [compile] layout or markdown_dir changed)"
        )
    written = output_format or project.output_format  # (the other format's files went: remove_other_format)
    for folder, count, copies in report.switched:
        what = counted(count, "HTML page" if written == "markdown" else "Markdown file")
        loaded = f" and {counted(copies, 'file')} they load" if copies else ""
        _echo(f"{folder}/: {what}{loaded} compile wrote there removed ([compile] format is {written} now)")
    kept = {warning.locale for warning in report.warnings if warning.check == "removed"}
    for locale in dict.fromkeys(locale for locale, _ in report.dropped):
        if (Path(project.catalogs_dir) / locale).is_dir():
            _echo(_dropped_catalogs_note(project, locale, locale in kept))
    _echo_warnings(report.warnings)
    if report.site_settings:
        what = ", for its navigation titles and site name in each language"
        _echo_additions(report.site_config, report.site_settings, what)
    if report.stale_links:
        _echo(
            f"Note: the {' '.join(report.stale_links)} pages still list the languages as they were; "
            "run `transpub compile` (every language) to update their links."
        )
    for locale, unmoved in report.unmoved.items():
        _echo(_unmoved_note(locale, sorted(unmoved)))
    markdown = (output_format or project.output_format) == "markdown"
    if review and markdown:
        _echo(
            "Note: with --format markdown, review copies (--review) are written of HTML articles only; "
            "`transpub compile --format html --review --out DIR` writes those of the Markdown articles."
        )
    for error in report.errors:  # (a file named from the project's folder, as the other lines name it)
        _echo(f"Error: {_message(ctx, error) if isinstance(error, TranspubError) else error}", err=True)
    site = report.out_dir / "index.html" if report.out_dir and not markdown else None
    where = _articles_folder(project)
    if not report.articles and not indexes_only and shard is None:  # (as extract says it)
        _echo(_no_articles(project))
    if shard is not None and not report.articles:
        _echo(
            f"No articles in shard {shard[0]}/{shard[1]} of {where}: no page written"
            + (
                "; once every shard is done, `transpub compile --indexes` writes the index pages."
                if site
                else "."
            )
        )
        site = None
    elif site is not None and shard is not None:  # a shard writes pages only: no index to point at yet
        _echo(
            f"Pages of shard {shard[0]}/{shard[1]} are in {report.out_dir}; once every shard is done, "
            "`transpub compile --indexes` writes the index pages."
        )
        site = None
    if report.errors:
        if site is not None and (published or unchanged):
            _echo(f"Site written with the pages above (errors: {len(report.errors)}): {site}")
        elif site is not None:
            _echo(f"No page written (errors: {len(report.errors)})")
        elif markdown:
            written = "Markdown written as listed above" if lines else "No Markdown file written"
            _echo(f"{written} (errors: {len(report.errors)})")
        sys.exit(1)
    if site is not None:
        _echo(f"Site: {site}")


@main.command()
@click.option(
    "-l",
    "--lang",
    "lang",
    default=None,
    callback=_locales,
    help="Language of the text (default: the project's source, else en).",
)
@click.option("--paragraph", is_flag=True, help="Cut into paragraphs only, not sentences.")
@click.argument("file", type=PATH, default="-")
@click.pass_context
def segment(ctx: click.Context, lang: str | None, paragraph: bool, file: Path) -> None:
    """Print the units a text will be cut into, one per line.

    An article file (.html, .md, .txt) is read exactly as `transpub extract` reads it, so
    the lines are the msgids translators will get (placeholders included), with the
    project's segmentation settings. Other input (or standard input) is plain text: blank
    lines separate paragraphs; line breaks inside a paragraph are spaces.

    \b
    Example:
      transpub segment articles/jingyue-platinum-industry.html
      echo "Dr. Li arrived. He spoke." | transpub segment -l en
    """
    from .formats import ReadOptions
    from .preview import article_units, is_article, text_units

    project = _project_if_any(ctx)
    if str(file) != "-":
        _refuse_unreadable(ctx, [file])
    if lang is None:
        lang = project.source_locale if project is not None else "en"
    if str(file) != "-" and is_article(file):
        options = ReadOptions(source_locale=lang)
        if project is not None:
            from .sources import read_options

            options = replace(read_options(project, file), source_locale=lang)
        if paragraph:
            options = replace(options, segmentation="paragraph")
        units = article_units(file, options)
    else:
        data = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
        units = text_units(data, lang, paragraph=paragraph, shown=str(file))
    for unit in units:
        _echo(unit)


@main.command()
@LOCALE_OPTION
@click.option(
    "--min-translated",
    type=PERCENT,
    default=None,
    help="Fail a page less than this % translated (default: config, else 100); a page compile would "
    "not publish (below its publish_threshold) fails in any case.",
)
@click.option("--allow-fuzzy", is_flag=True, help="Do not fail on fuzzy (unreviewed) entries.")
@click.option(
    "--threshold",
    type=PERCENT,
    default=None,
    help="Fail the pages `compile --threshold PCT` would not publish (default: config, 80).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "github", "junit"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@_report_file_option("junit", "JUnit XML")
@_report_file_option("json", "JSON")
@SHARD_OPTION
@JOBS_OPTION
@click.pass_context
def check(
    ctx: click.Context,
    locales: tuple[str, ...],
    min_translated: float | None,
    allow_fuzzy: bool,
    threshold: float | None,
    fmt: str,
    junit_path: Path | None,
    json_path: Path | None,
    shard: tuple[int, int] | None,
    jobs: int,
) -> None:
    """Fail (exit 1) when catalogs are incomplete, unreviewed, stale or broken.

    A page compile would not publish (below its publish threshold) fails, decided as compile decides
    it; min_translated asks more of a page (100 by default: every unit). One line per problem
    with file:line, check id and message, then a summary per locale.
    --junit FILE and --json FILE also write the report to a file in the same run (replaced as
    a whole: never half-written), e.g. annotations on stdout and JUnit XML for a dashboard.

    \b
    Example:
      transpub check
      transpub check -l zh_CN --format github
      transpub check --min-translated 80 --allow-fuzzy --format json
      transpub check --format github --junit transpub-junit.xml
      transpub check --shard 3/4 --format github --junit transpub-junit-3.xml
    """
    from .check import CheckOptions, check_project, format_check_report, write_check_report

    files = [(kind, path) for kind, path in (("junit", junit_path), ("json", json_path)) if path is not None]
    if len(files) == 2 and os.path.abspath(files[0][1]) == os.path.abspath(files[1][1]):
        raise click.UsageError("--junit and --json name the same file: give each report its own")
    project = replace(_project(ctx), shard=shard)
    for _kind, path in files:
        _refuse_unwritable(ctx, path)
    with _collecting_less():
        report = check_project(
            project,
            project.select_locales(locales),
            CheckOptions(min_translated=min_translated, allow_fuzzy=allow_fuzzy, threshold=threshold),
            jobs=jobs,
        )
    where = _articles_folder(project)
    if (
        not report.articles_in_project and report.ok
    ):  # a gate that checked nothing would pass: a wrong folder?
        line = project.line_of("paths", "articles")
        setting = f"{CONFIG_NAME}:{line}" if line else CONFIG_NAME
        raise TranspubError(
            f"no articles in {where} (HTML, Markdown or text files): nothing was checked; put the articles "
            f"there, or name their folder in [paths] articles ({setting})"
        )
    if not report.articles:  # (more shards than articles: this one has none, and passes)
        _echo(f"Note: no articles in shard {report.shard_name} of {where}: nothing to check.", err=True)
    folder = _in_repository(project.root)
    _echo(format_check_report(report, fmt, folder=folder), nl=False)
    for kind, path in files:
        try:
            write_check_report(report, kind, path, folder=folder)
        except OSError as exc:  # (named as given: a write that fails midway names no file)
            what = "JUnit" if kind == "junit" else "JSON"
            raise TranspubError(f"cannot write the {what} report: {exc.strerror or exc}", path) from exc
    if not report.ok:
        sys.exit(1)


def _in_repository(root: Path) -> str:
    """The project folder ``root`` relative to the repository a GitHub Actions job checked out
    (``GITHUB_WORKSPACE``), which the file names of annotations and JUnit reports start from;
    "" elsewhere."""
    workspace = os.environ.get("GITHUB_WORKSPACE")
    if not workspace:
        return ""
    try:
        folder = Path(os.path.realpath(root)).relative_to(os.path.realpath(workspace)).as_posix()
    except ValueError:  # (a project outside the checkout)
        return ""
    return "" if folder == "." else folder


@main.command()
@LOCALE_OPTION
@click.option(
    "--html",
    "html_path",
    type=FILE,
    default=None,
    help="Also write an HTML report with the same matrix as bars.",
)
@click.option(
    "--include-fuzzy", is_flag=True, help="Tell which pages `compile --include-fuzzy` would publish."
)
@click.option(
    "--threshold",
    type=PERCENT,
    default=None,
    help="Tell which pages `compile --threshold PCT` would publish (default: config, 80).",
)
@click.pass_context
def status(
    ctx: click.Context,
    locales: tuple[str, ...],
    html_path: Path | None,
    include_fuzzy: bool,
    threshold: float | None,
) -> None:
    """Show how far each article is translated in each locale, and which pages compile would
    publish now (and why it would hold back the others).

    \b
    Example:
      transpub status
      transpub status --html report.html
      transpub status -l de --include-fuzzy
    """
    from .publication import CompileNow
    from .status import collect_status, format_publication, format_status_table, write_status_html

    project = _project(ctx)
    if html_path is not None:
        project.refuse_report_among_articles(html_path, "--html")
        _refuse_unwritable(ctx, html_path)
    problems: list[str] = []
    rows = collect_status(
        project, project.select_locales(locales), problems, CompileNow(include_fuzzy, threshold)
    )
    supposed = ["--include-fuzzy"] if include_fuzzy else []  # (as the heading of the pages says them)
    if threshold is not None:
        supposed.append(f"--threshold {threshold:g}")
    typed = " ".join(supposed)
    _echo(format_status_table(rows) if rows else _no_articles(project) + "\n", nl=False)
    if rows:
        _echo("\n" + format_publication(rows, typed), nl=False)
    if html_path is not None:
        write_status_html(rows, html_path, project, typed)
        _echo(f"Report: {html_path}")
        _warn_if_jekyll_publishes(project, html_path)
    from .status import article_errors, has_errors

    for error in [*problems, *article_errors(rows)]:
        _echo(f"Error: {error}", err=True)
    if problems or has_errors(
        rows
    ):  # a catalog or an article could not be read: the figures are not the whole truth
        sys.exit(1)


def _articles_folder(project: Project) -> str:
    """The articles' folder as the messages name it (``articles/``)."""
    return f"{project.relative(project.articles_dir).rstrip('/')}/"


def _no_articles(project: Project) -> str:
    """What extract, compile and status say when the project has no article: where they looked."""
    return f"No articles in {_articles_folder(project)} (HTML, Markdown or text files)."


@main.command()
@click.pass_context
def engines(ctx: click.Context) -> None:
    """List machine-translation engines, their language pairs and whether they are configured.

    \b
    Example:
      transpub engines
    """
    from .engines import list_engines

    project = _project_if_any(ctx)
    infos = list_engines(project)
    states = {
        info.name: "configured"
        if info.configured
        else "needs " + ", ".join(info.needs)
        if info.needs
        else "not available"
        for info in infos
    }
    width = max(len(state) for state in states.values())
    for info in infos:
        state = states[info.name]
        if info.pairs is not None:
            shown = " ".join(f"{a}->{b}" for a, b in info.pairs[:12]) + (
                " ..." if len(info.pairs) > 12 else ""
            )
        elif info.languages:
            shown = (
                "any pair of "
                + " ".join(info.languages[:15])
                + (f" (+{len(info.languages) - 15})" if len(info.languages) > 15 else "")
            )
        else:
            shown = "pairs unknown"
        note = f"  ({info.note})" if info.note else ""
        _echo(f"{info.name:<12} {state:<{width}}  {shown}{note}")


@main.group()
def glossary() -> None:
    """Work with the project glossary (CSV or TBX).

    \b
    Example:
      transpub glossary export --format tbx -o glossary/terms.tbx
      transpub glossary suggest
    """


@glossary.command(name="export")
@click.option("--format", "fmt", type=click.Choice(["csv", "tbx"]), required=True, help="Output format.")
@click.option(
    "-o",
    "--output",
    type=FILE,
    default=None,
    help="Output file (default: standard output).",
)
@click.option(
    "--forbidden-in-note",
    is_flag=True,
    help='Forbidden renderings go into the term\'s note ("Forbidden in de: …"), not among its terms '
    "(for OmegaT, whose Glossary pane offers every term of an entry alike).",
)
@click.pass_context
def glossary_export(ctx: click.Context, fmt: str, output: Path | None, forbidden_in_note: bool) -> None:
    """Write the glossary as CSV or TBX (TBX-Basic, as CAT tools and Weblate exchange it).

    \b
    Example:
      transpub glossary export --format tbx -o terms.tbx
      transpub glossary export --format tbx --forbidden-in-note -o omegat-project/glossary/terms.tbx
    """
    from .glossary import Glossary, render_glossary, write_glossary
    from .sources import load_project_glossary

    project = _project(ctx)
    if output is not None:
        _refuse_unwritable(ctx, output)
    terms = load_project_glossary(project)
    if terms is None:
        raise ConfigError(
            f"{_no_glossary(project)}; there is no glossary to export",
            project.config_path,
            project.line_of("paths", "glossary"),
        )
    if forbidden_in_note:
        terms = Glossary((term.forbidden_in_note() for term in terms.terms), terms.source_lang, terms.locales)
    if output is None:
        _echo(render_glossary(terms, fmt), nl=False)
    else:
        write_glossary(terms, output, fmt)
        _echo(f"Wrote {output}")
        _warn_if_jekyll_publishes(project, output, "this file")


@glossary.command(name="suggest")
@click.option(
    "--limit", type=click.IntRange(1, 500), default=30, show_default=True, help="How many candidates."
)
@click.pass_context
def glossary_suggest(ctx: click.Context, limit: int) -> None:
    """Propose names and phrases from the articles that the glossary lacks.

    \b
    Example:
      transpub glossary suggest --limit 10
    """
    from .glossary import Glossary, suggest_terms
    from .inline import strip_placeholders
    from .sources import load_article, load_project_glossary

    project = _project(ctx)
    terms = load_project_glossary(project) or Glossary(())
    texts = [
        strip_placeholders(slot.msgid)
        for path in project.article_paths()
        for slot in load_article(project, path).slots()
    ]
    candidates = suggest_terms(texts, terms, project.source_locale, limit=limit)
    for candidate in candidates:
        _echo(candidate.describe())
    if not candidates:
        count = len(project.article_paths())
        _echo(
            "Nothing to suggest: no name or frequent phrase in the "
            f"{counted(count, 'article')} is missing from the glossary."
        )


@main.group()
def xliff() -> None:
    """Exchange catalogs with agencies and CAT tools as XLIFF 1.2 or 2.1.

    \b
    Example:
      transpub xliff export -l fr -o to-agency/
      transpub xliff import from-agency/*.xlf
    """


#: What ``xliff export -o`` takes for a file's name rather than a folder's.
XLIFF_SUFFIXES = (".xlf", ".xliff")


@xliff.command(name="export")
@one_locale_option("The target locale to export.")
@click.option(
    "--version",
    "version",
    type=click.Choice(["1.2", "2.1"]),
    default=None,
    help="XLIFF version (1.2 for OmegaT and other tools that read no XLIFF 2).  [default: 2.1; "
    "1.2 with --for omegat]",
)
@click.option(
    "-o",
    "--output",
    "out_dir",
    type=PATH,
    default=Path("xliff"),
    show_default=True,
    help="Folder to write the files into (relative to the current folder); with --single, a file "
    "name ending in .xlf or .xliff is the file written; with --for omegat, the OmegaT project's folder.",
)
@click.option(
    "--for",
    "tool",
    type=click.Choice(["omegat"]),
    default=None,
    help="omegat: into the OmegaT project -o names, every target the source to translate (source/) "
    "and every translation a memory match (tm/: reviewed filled in, drafts and machine output offered).",
)
@click.option("--single", is_flag=True, help="One file for the locale instead of one per article.")
@click.option(
    "--copy-source",
    is_flag=True,
    help="Untranslated units get their source as target (for a tool that translates the target; "
    "--for omegat does this and more).",
)
@click.option(
    "--machine-tmx",
    type=FILE,
    default=None,
    help="Machine translations no translator reviewed go into this TMX file, not into the targets: "
    "their units are to translate (--for omegat does this and more).",
)
@click.pass_context
def xliff_export(
    ctx: click.Context,
    locale: str,
    version: str | None,
    out_dir: Path,
    tool: str | None,
    single: bool,
    copy_source: bool,
    machine_tmx: Path | None,
) -> None:
    """Write one XLIFF per article (or --single) with sources, targets, states and notes.

    \b
    Example:
      transpub xliff export -l fr --version 1.2 -o to-agency/
      transpub xliff export -l fr --for omegat -o omegat-project/
    """
    from .exchange.xliff_workflow import export_for_omegat, export_xliff

    named = out_dir.suffix.lower() in XLIFF_SUFFIXES and not out_dir.is_dir()
    if tool == "omegat":
        _omegat_usage(version, machine_tmx, named, out_dir)
    if named and not single:
        raise click.UsageError(
            f"-o {out_dir} names a file, and the export is one file per article: give a folder, or add "
            "--single for one file"
        )
    project = _project(ctx)
    _refuse_unwritable(ctx, out_dir, folder=not named)
    if machine_tmx is not None:
        _refuse_unwritable(ctx, machine_tmx)
    (chosen,) = project.select_locales([locale])
    folder, name = (out_dir.parent, out_dir.name) if named else (out_dir, None)
    if tool == "omegat":
        written = export_for_omegat(project, chosen, out_dir, single=single)
    else:
        written = export_xliff(
            project,
            chosen,
            folder,
            version=version or "2.1",
            single=single,
            single_name=name,
            copy_source=copy_source,
            machine_tmx=machine_tmx,
        )
    if not written.files:  # (an empty hand-off to an agency, or a CI job's artefact, is a mistake)
        why = RUN_EXTRACT
        if not written.articles:
            why = f"no articles in {_articles_folder(project)} (HTML, Markdown or text files)"
        raise TranspubError(f"no {chosen} catalog to export: {why}")
    for path, units in written.files:
        _echo(f"Wrote {path} ({counted(units, 'unit')})")
    if written.machine_file is not None:
        machine = counted(written.machine, "machine translation")
        _echo(f"Wrote {written.machine_file} ({machine} not reviewed, left out of the targets)")
    for path, kind, count in written.memories:
        word, plural, tail = OMEGAT_MEMORIES[kind]
        _echo(f"Wrote {path} ({counted(count, word, plural)}{tail})")
    if written.missing:
        left_out = "they are" if len(written.missing) > 1 else "it is"
        missing = no_catalog_yet(written.missing, chosen)
        _echo(f"Warning: {missing}, so {left_out} not in the export: {RUN_EXTRACT}", err=True)
    if name is not None:
        _warn_if_jekyll_publishes(project, folder / name, "this file")
    else:
        _warn_if_jekyll_publishes(project, folder, "the files in it")
    for warning in written.warnings:
        _echo(f"Warning: {warning}", err=True)


#: What ``xliff export --for omegat`` says of each memory it writes: what a unit is, what OmegaT does.
OMEGAT_MEMORIES = {
    "reviewed": ("reviewed translation", "reviewed translations", ", which OmegaT fills in"),
    "draft": ("translation to review", "translations to review", ", offered as matches"),
    "machine": ("machine translation", "machine translations", " not reviewed, offered as matches"),
}


def _omegat_usage(version: str | None, machine_tmx: Path | None, named: bool, out_dir: Path) -> None:
    """A usage error for an option ``--for omegat`` cannot go with."""
    if version == "2.1":
        raise click.UsageError("--for omegat writes XLIFF 1.2: OmegaT 3.6 reads no XLIFF 2")
    if machine_tmx is not None:
        raise click.UsageError(
            "--for omegat writes the machine translations into tm/mt/: leave out --machine-tmx"
        )
    if named:
        raise click.UsageError(f"-o {out_dir} names a file: --for omegat takes the OmegaT project's folder")


@xliff.command(name="import")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.option("--accept-translated", is_flag=True, help="Take 'translated' units as reviewed, not fuzzy.")
@click.pass_context
def xliff_import(ctx: click.Context, files: tuple[Path, ...], accept_translated: bool) -> None:
    """Put the targets of XLIFF files back into the catalogs (signed-off/final = reviewed).

    \b
    Example:
      transpub xliff import from-agency/*.xlf
    """
    _saves_work(ctx)
    from .exchange.xliff_workflow import import_xliff

    project = _project(ctx)
    _refuse_unreadable(ctx, files)
    report = import_xliff(project, list(files), accept_translated=accept_translated)
    for path, count in report.changed.items():
        _echo(f"{path}: {count} entr{'y' if count == 1 else 'ies'} updated")
    if not report.changed and not report.errors:
        read = f"the {len(files)} files read hold" if len(files) > 1 else "the 1 file read holds"
        _echo(f"No catalog changed: {read} no translation the catalogs lack.")
    _exit_on_problems(report.errors, report.warnings, "nothing was written" if not report.changed else None)


@main.group()
def memory() -> None:
    """The translation memory: TMX 1.4b export and import, statistics, schema migration.

    \b
    Example:
      transpub memory import agency-memory.tmx
      transpub memory export -o memory.tmx -l de
    """


@memory.command(name="export")
@click.option(
    "-o",
    "--output",
    required=True,
    type=FILE,
    help="The TMX file to write.",
)
@LOCALE_OPTION
@click.option(
    "--human-only",
    is_flag=True,
    help="Leave out machine translations no translator reviewed (for OmegaT's tm/auto/, whose "
    "matches it inserts as a translator's work).",
)
@click.pass_context
def memory_export(ctx: click.Context, output: Path, locales: tuple[str, ...], human_only: bool) -> None:
    """Write the memory as TMX 1.4b (dates, author and origin kept), with the catalogs' reviewed work.

    \b
    Example:
      transpub memory export -o memory.tmx -l de
      transpub memory export --human-only -l de -o omegat-project/tm/auto/transpub.tmx
    """
    from .exchange.memory_workflow import export_tmx

    project = _project(ctx)
    chosen = project.select_locales(locales) if locales else [None]
    targets = {
        locale: output if len(chosen) == 1 else output.with_name(f"{output.stem}.{locale}{output.suffix}")
        for locale in chosen
    }
    for target in targets.values():
        _refuse_unwritable(ctx, target)
    for locale, target in targets.items():
        written = export_tmx(project, target, locale, human_only=human_only)
        machine = (
            f"; {counted(written.machine, 'machine translation')} not reviewed left out" if human_only else ""
        )
        _echo(f"Wrote {target} ({counted(written.units, 'unit')}{machine})")
        _warn_if_jekyll_publishes(project, target, "this file")
        if written.broken:
            broken = written.broken
            _echo(
                f"Warning: {counted(broken, 'translation')} left out: its placeholders are broken "
                f"(`transpub check{f' -l {locale}' if locale else ''}` names "
                f"{'it' if broken == 1 else 'them'}; fix the catalog and export again)",
                err=True,
            )


@memory.command(name="import")
@click.argument("files", nargs=-1, required=True, type=PATH)
@click.pass_context
def memory_import(ctx: click.Context, files: tuple[Path, ...]) -> None:
    """Merge TMX files into the memory; pre-fill then uses them (exact and close matches).

    \b
    Example:
      transpub memory import agency.tmx
    """
    _saves_work(ctx)
    from .exchange.memory_workflow import import_tmx

    project = _project(ctx)
    _refuse_unreadable(ctx, files)
    report = import_tmx(project, list(files))
    skipped = [
        f"Warning: {counted(n, 'unit')} in {tag} skipped: not a language of this project "
        f"({', '.join(project.locales)}; add it to [project] locales to keep them)"
        for tag, n in report.skipped_languages.items()
    ]
    if report.skipped_records:
        skipped.append(
            f"Warning: {counted(report.skipped_records, 'unit')} with an origin of transpub's own records "
            "(ENGINE:rejected, ENGINE:piece) skipped: they are no translations"
        )
    for line in skipped:
        _echo(line, err=True)
    _exit_on_problems(report.errors, [], "nothing was stored")
    _echo(
        f"{report.added} added, {report.updated} updated, {report.unchanged} already in the memory, "
        f"{counted(report.duplicates, 'duplicate')} merged"
    )


@memory.command(name="migrate")
@click.pass_context
def memory_migrate(ctx: click.Context) -> None:
    """Bring the memory's schema up to this transpub's (run once after upgrading, before the workers).

    A SQLite memory is also upgraded when opened; a PostgreSQL one only by this command.

    \b
    Example:
      TRANSPUB_MEMORY_URL=postgresql://tm@db.example/tm transpub memory migrate
    """
    _saves_work(ctx)
    from .memory import describe_location, migrate_memory

    project = _project(ctx)
    location = project.memory_location
    before, after = migrate_memory(location)
    # a file as the other commands name it (below the project), a URL without its password
    where = project.relative(location) if isinstance(location, Path) else describe_location(location)
    if before == after:
        _echo(f"{where}: schema version {after}, up to date")
    else:
        _echo(f"{where}: schema version {before} → {after}")


@memory.command(name="stats")
@click.pass_context
def memory_stats(ctx: click.Context) -> None:
    """Entries per language pair and origin, and the memory's size.

    \b
    Example:
      transpub memory stats
    """
    from .exchange.memory_workflow import memory_stats as stats_of

    rows, size = stats_of(_project(ctx))
    for row in rows:
        _echo(
            f"{row.source_lang}→{row.target_lang}  {row.origin:<20} {row.entries:>7} {_entries(row.entries):<7}  "
            f"{row.source_chars:>9} char{'' if row.source_chars == 1 else 's'}"
        )
    total = sum(r.entries for r in rows)
    _echo(f"{counted(total, 'entry', 'entries')}, {size / 1024:.0f} KiB")


def _entries(count: int) -> str:
    """ "entry" or "entries", as ``count`` says.

    >>> _entries(1), _entries(0)
    ('entry', 'entries')
    """
    return "entry" if count == 1 else "entries"


@main.command()
@click.argument("paths", nargs=-1, metavar="SOURCE TRANSLATION", type=PATH)
@one_locale_option("The language of the translation.")
@click.option(
    "--dir", "folders", is_flag=True, help="SOURCE and TRANSLATION are folders; files pair by path."
)
@click.pass_context
def align(ctx: click.Context, paths: tuple[Path, ...], locale: str, folders: bool) -> None:
    """Fill empty entries from an existing translation of an article (as fuzzy, for review).

    \b
    Example:
      transpub align articles/harbour.html ../old-site/de/harbour.html -l de
      transpub align --dir articles ../old-site/de -l de
    """
    _saves_work(ctx)
    from .exchange.align_workflow import Unpaired, align_article, align_folders

    if len(paths) != 2:
        raise click.UsageError("give SOURCE and TRANSLATION (two files, or two folders with --dir)")
    project = _project(ctx)
    _refuse_unreadable(ctx, paths, folder=folders)
    (chosen,) = project.select_locales([locale])
    if folders:
        results = align_folders(project, paths[0], paths[1], chosen)
    else:
        results = [align_article(project, paths[0], paths[1], chosen)]
    errors, warnings = [r for r in results if isinstance(r, Exception)], []
    unpaired = [r.source for r in results if isinstance(r, Unpaired)]
    for result in results:
        if isinstance(result, (Exception, Unpaired)):
            continue
        if result.low_confidence:
            warnings.append(result.summary)
        else:
            _echo(result.summary)
    if unpaired:  # (not every article was translated: normal in a folder)
        shown = ", ".join(unpaired[:5]) + (f" and {len(unpaired) - 5} more" if len(unpaired) > 5 else "")
        count = counted(len(unpaired), "article")
        _echo(f"{count} skipped, with no file of the same path under {paths[1]}: {shown}")
    _exit_on_problems(errors, warnings)
    if warnings:
        sys.exit(1)


def _exit_on_problems(errors: list, warnings: list, after: str | None = None) -> None:
    for warning in warnings:
        _echo(f"Warning: {warning}", err=True)
    for error in errors:
        _echo(f"Error: {error}", err=True)
    if errors:
        if after:
            _echo(after[:1].upper() + after[1:] + ".", err=True)
        sys.exit(1)


def _remember_project(ctx: click.Context, _param: click.Parameter, value: Path | None) -> None:
    if value is not None:
        root = ctx.find_root()
        root.ensure_object(dict)
        root.obj["project_dir"] = value


def _accept_project_everywhere(group: click.Group) -> None:
    """``--project DIR`` also after the command name (``transpub status --project DIR``)."""
    for command in group.commands.values():
        if isinstance(command, click.Group):
            _accept_project_everywhere(command)
        elif not any(p.name == "project_dir" for p in command.params):
            command.params.append(
                click.Option(
                    ["--project", "project_dir"],
                    type=FOLDER,
                    expose_value=False,
                    is_eager=True,
                    callback=_remember_project,
                    help=f"Project folder (holding {CONFIG_NAME}).",
                )
            )


_accept_project_everywhere(main)

if __name__ == "__main__":  # pragma: no cover
    main()
