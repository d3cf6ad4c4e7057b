"""The localized Markdown left in a folder compile no longer writes into: ``[compile] layout`` or
``markdown_dir`` changed (``site/es/posts/a.md`` now ``articles/posts/a.es.md``, ``content/`` now
``hugo/content/``). The manifest remembers the folders compile wrote Markdown into on this machine;
the files it wrote there, as its record there names them, go when they are as written."""

from __future__ import annotations

import functools
import hashlib
import os
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath

from ..discovery import in_shard, is_private, slug_for
from ..errors import TranspubError, cannot
from ..fsutil import remove_empty_folders, remove_file
from ..manifest import NO_FILE, Manifest, Record, path_name
from ..markdown_outputs import RECORD_NAME, OutputRecord, Recorded
from ..model import Issue, counted
from ..project import Project
from .markdown import _copy_of, _refused_warning, first_named
from .records import recorded_outputs
from .removal import left_as_it_is, remove_written
from .run import CompileReport

#: The name (and locale) under which the manifest keeps, as a record of no article, the folders
#: compile wrote Markdown into here (``folders``) and the files of folders it does not know that a
#: run said it left (``told``).
FOLDERS = "markdown folders"

#: Whether the manifest's last record of an article (slug) names the file at a key below a folder
#: as one of its files: ``(folder, slug, key)``.
LastWatched = Callable[[Path, str, str], bool]

#: The manifest's record of the last run that compiled each article.
LastRecords = Callable[[], Iterable[Record]]


def remembered_folders(project: Project, stored: Record | None, last_records: LastRecords) -> list[str]:
    """The folders (as the manifest names them) compile wrote Markdown into on this machine, as the
    manifest's record of them (``stored``) says. A manifest without one (an older transpub's, which
    remembered no folder) has them from the records of the articles (``last_records``), signed here:
    each folder whose record of compile's files names the file of an article's record there."""
    if stored is not None:
        folders = stored.result.get("folders")
        return [name for name in folders if isinstance(name, str)] if isinstance(folders, list) else []
    found: dict[str, None] = {}
    named: dict[Path, dict[str, Recorded] | None] = {}  # (the record of each folder looked into)
    for record in last_records():
        for output in recorded_outputs(record.result).values():
            folder = None if output is None else _recording(project.root / output, named)
            if folder is not None:
                found.setdefault(path_name(project.root, folder))
    return list(found)


def _recording(path: Path, named: dict[Path, dict[str, Recorded] | None]) -> Path | None:
    """The folder above ``path`` whose record of compile's files names it (its nearest with a record),
    None when there is none (``named``: the records of the folders read so far, None for none)."""
    for folder in path.parents:
        if folder not in named:
            try:
                named[folder] = OutputRecord.load(folder).files if (folder / RECORD_NAME).is_file() else None
            except TranspubError:
                named[folder] = {}
        files = named[folder]
        if files is not None:
            return folder if Path(os.path.relpath(path, folder)).as_posix() in files else None
    return None


@dataclass(frozen=True)
class Instead:
    """What compile writes now instead of the Markdown it wrote into a folder it clears."""

    #: Why that folder is cleared, as a warning says it (see :func:`written_now`).
    why: str
    #: The files compile writes now and the articles (absolute paths): never removed.
    taken: frozenset[str]
    #: The folder Markdown is written to now (None: compile writes HTML pages).
    root: Path | None = None


@dataclass
class Cleared:
    """What a run did in one folder compile no longer writes into."""

    removed: int = 0
    #: The record's names it refused (no file compile writes there by any layout).
    refused: list[str] = field(default_factory=list)
    #: Whether files compile wrote are still recorded there (another shard's, or one not removable).
    left: bool = False


def remove_moved_markdown(
    project: Project,
    record: OutputRecord,
    locales: Collection[str],
    articles: Collection[Path],
    report: CompileReport,
    earlier: Manifest,
    manifest: Manifest,
    last_watched: LastWatched,
    last_records: LastRecords,
) -> None:
    """Remove the Markdown files compile wrote on this machine in a folder it no longer writes into
    (``record``'s folder is where it writes now), for ``locales`` (those of this run; the files of
    languages no longer among the project's locales too) and the articles of this run's shard: where
    the record there names them, as written, where compile writes that article's file or an image
    copy by a layout (or where the manifest's last record of the article names it: ``last_watched``),
    never an article (``articles``) nor a file compile writes now. The folder goes from ``manifest``'s
    memory (read from ``earlier``, or made of ``last_records``: see :func:`remembered_folders`) once
    no file of compile's is left there.

    A file edited since stays, no longer recorded, with one warning naming it; a name of no file of
    compile's stays, no longer recorded, and the record is one warning; a folder outside the project
    is not touched: one warning names it. A record found where compile writes Markdown by default
    (the site folder, the articles folder) of a folder never written into here (a fresh checkout)
    is one warning naming the folder, not said again while it names the same files."""
    stored = earlier.get("", FOLDERS)
    result = stored.result if stored is not None else {}
    said = result.get("told")
    remembered = remembered_folders(project, stored, last_records)
    told: dict[str, object] = said if isinstance(said, dict) else {}
    current = path_name(project.root, record.root)
    kept = [current]
    left = [name for name in remembered if name != current]
    if left:  # (every file compile writes now: those are never removed)
        taken = [*articles, *(record.root / key for key in record.entries())]
        why = written_now(project, record.root)
        instead = Instead(why, frozenset(os.path.abspath(path) for path in taken), record.root)
        for name, folder, done in clear_folders(project, left, instead, locales, report, last_watched):
            if done.removed:
                report.moved.append((project.relative(folder), project.relative(record.root), done.removed))
            if done.left:
                kept.append(name)
    now_told: dict[str, list[str]] = {}
    for folder in (project.site_dir, project.articles_dir):
        name = path_name(project.root, folder)
        if name in kept or name in remembered or name in now_told:
            continue
        keys = _recorded_keys(folder)
        if keys:
            now_told[name] = keys
            if told.get(name) != keys:
                report.warnings.append(_unknown_folder_warning(project, folder, record.root, keys))
    wanted = {"folders": kept, **({"told": now_told} if now_told else {})}
    if wanted != result:
        manifest.put("", Record("", result=wanted), FOLDERS)


def clear_folders(
    project: Project,
    names: Iterable[str],
    instead: Instead,
    locales: Collection[str],
    report: CompileReport,
    last_watched: LastWatched,
) -> Iterator[tuple[str, Path, Cleared]]:
    """Clear each folder of ``names`` (as the manifest names them; see :func:`clear_folder`), with
    what was done there; one outside the project is not touched, and not given: one warning names
    it."""
    for name in dict.fromkeys(names):
        folder = project.root / name
        if not inside(project, folder):
            tell_outside(project, folder, instead.why, report)
            continue
        yield name, folder, clear_folder(project, folder, instead, locales, report, last_watched)


def clear_folder(
    project: Project,
    folder: Path,
    instead: Instead,
    locales: Collection[str],
    report: CompileReport,
    last_watched: LastWatched,
) -> Cleared:
    """Remove what compile wrote in ``folder``, a folder of Markdown it no longer writes into (see
    :func:`remove_moved_markdown`), except what it writes now (``instead``); ``left`` when files of
    compile's are still recorded there (the folder stays remembered)."""
    done = Cleared()
    if not folder.is_dir():
        return done  # (gone with its files)
    try:
        record = OutputRecord.load(folder)
    except TranspubError as exc:
        report.errors.append(exc)
        return Cleared(left=True)
    configured = (project.source_locale, *project.locales)
    layouts = [
        replace(project, markdown_layout=layout, markdown_dir=folder) for layout in ("directory", "suffix")
    ]

    def in_scope(locale: str, slug: str) -> bool:
        return in_shard(slug, project.shard) and (locale in locales or locale not in configured)

    for key, entry in sorted(record.entries().items()):
        users = entry.users or ((entry.locale, entry.slug),)
        if not all(in_scope(*user) for user in users):
            done.left = True
            shown = not entry.users and in_shard(entry.slug, project.shard) and _file_named(folder, key)
            if shown and instead.root is not None:
                _tell_unmoved(project, layouts, folder, key, entry, instead.root, report)
            continue
        path = folder / key
        if not os.path.isfile(path):  # (nor a name no file can have: too long, a NUL)
            record.forget(key)
        elif not _ours(layouts, folder, key, entry, last_watched) or os.path.abspath(path) in instead.taken:
            record.forget(key)
            done.refused.append(key)
        else:
            changed = functools.partial(_edited_warning, project, path, entry, instead.why)
            outcome = remove_written(
                path, entry.sha256, folder, report, changed, hashed=_sha256, unsafe_kept=True
            )
            if outcome == "kept":
                done.left = True
                continue
            record.forget(key)
            if outcome == "removed":
                record.emptied.append(path.parent)
                done.removed += 1
    if done.refused:
        report.warnings.append(_refused_warning(project, record, done.refused))
    record.prune()
    try:
        record.save()
        if not record.files:
            remove_file(record.path, folder)
            _remove_emptied(project, folder)
    except (TranspubError, OSError) as exc:
        report.errors.append(exc if isinstance(exc, TranspubError) else cannot("write", record.path, exc))
        done.left = True
    return done


def _remove_emptied(project: Project, folder: Path) -> None:
    """Remove ``folder``, left with no file of compile's, and the parents that leaves empty, up to the
    project's folder (nor the articles' or the catalogs' folder): one holding anything stays."""
    here = Path(os.path.abspath(folder))
    kept = [
        Path(os.path.abspath(place)) for place in (project.root, project.articles_dir, project.catalogs_dir)
    ]
    if here in kept:
        return
    tops = [place for place in kept if place in here.parents]
    if tops:
        remove_empty_folders(here, max(tops, key=lambda place: len(place.parts)))


def _ours(layouts: list[Project], folder: Path, key: str, entry: Recorded, last_watched: LastWatched) -> bool:
    """Whether compile writes the file ``key`` names in ``folder`` for ``entry``'s article (or, an
    image copy, for one of its users) by either layout (``layouts``: the project so configured,
    writing into ``folder``), or the manifest's last record of the article names it."""
    if entry.users:
        for project in layouts:
            for locale, _ in entry.users:
                source = project.markdown_copy_source(key, locale, folder)
                if source is not None and _copy_of(project.articles_dir / source, entry.sha256):
                    return True
        return False
    for project in layouts:
        article = project.markdown_article_at(key, entry.locale, folder)
        if article is not None and slug_for(article) == entry.slug:
            return True
    return _markdown_file(layouts[0], folder / key) and last_watched(folder, entry.slug, key)


def _markdown_file(project: Project, path: Path) -> bool:
    """Whether ``path`` may be a file compile wrote of an article for a generator, where the
    manifest's record of the article names it: a Markdown (or HTML content) file in the project, not
    one of transpub's own nor a hidden one (that record names what the article's run read too, such as its catalog, and a
    committed record may name that catalog with its hash)."""
    relative = os.path.relpath(os.path.abspath(path), os.path.abspath(project.root))
    return (
        path.suffix.lower() in project.content_suffixes
        and relative.split(os.sep)[0] != ".."
        and not is_private(Path(relative).as_posix(), project.private_files())
    )


def _tell_unmoved(
    project: Project,
    layouts: list[Project],
    folder: Path,
    key: str,
    entry: Recorded,
    root: Path,
    report: CompileReport,
) -> None:
    """Say that the file ``key`` names in ``folder`` stays until a run of its language (not this
    run's) writes it where it goes now, below ``root``."""
    for layout in layouts:
        article = layout.markdown_article_at(key, entry.locale, folder)
        if article is not None and slug_for(article) == entry.slug:
            place = project.markdown_path(entry.locale, project.articles_dir / article, root)
            if place is not None:
                shown = (project.relative(folder / key), project.relative(place))
                report.unmoved.setdefault(entry.locale, []).append(shown)
            return


def _sha256(path: Path) -> str:
    """The hash a record of compile's Markdown files keeps of the file at ``path`` (its SHA-256);
    :data:`~transpub.manifest.NO_FILE` when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return NO_FILE


def inside(project: Project, folder: Path) -> bool:
    """Whether ``folder`` is in the project's folder (links resolved)."""
    return Path(os.path.realpath(folder)).is_relative_to(os.path.realpath(project.root))


def _recorded_keys(folder: Path) -> list[str]:
    """The names the record of compile's files in ``folder`` gives of files there (none: no record,
    or one that cannot be read)."""
    try:
        entries = OutputRecord.load(folder).entries()
    except TranspubError:
        return []
    return sorted(key for key in entries if _file_named(folder, key))


def _file_named(folder: Path, key: str) -> bool:
    """Whether ``key``, a name the record of compile's files in ``folder`` gives, is a file there: a
    path in it (not absolute, no ``..``: anyone's committed record may name ``/etc/passwd``), and a
    file (not, for a name no file can have: too long, a NUL)."""
    parts = PurePosixPath(key).parts
    return bool(parts) and not key.startswith("/") and ".." not in parts and os.path.isfile(folder / key)


def _edited_warning(project: Project, path: Path, entry: Recorded, why: str) -> Issue:
    """The warning that ``path``, a file compile wrote in a folder it no longer writes into, stays:
    it was changed since."""
    told = f"{why}, but this file is not as compile wrote it"
    return left_as_it_is(project, path, told, locale=entry.locale, forgotten=True)


def written_now(project: Project, root: Path) -> str:
    """Where Markdown is written now (``root``), and why not where it was."""
    return f"Markdown is written to {project.relative(root)}/ now ([compile] layout or markdown_dir changed)"


def _left_named(keys: list[str]) -> str:
    """``keys`` counted, the first named."""
    left = "it is" if len(keys) == 1 else "they are"
    return f"{counted(len(keys), 'file')} left as {left} ({first_named(keys)})"


def tell_outside(project: Project, folder: Path, why: str, report: CompileReport) -> None:
    """Warn once that the files compile wrote in ``folder``, outside the project, stay."""
    keys = _recorded_keys(folder)
    if keys:
        report.warnings.append(
            Issue(
                project.relative(folder),
                None,
                "removed",
                f"{_left_named(keys)}: {why}, and compile removes nothing outside "
                f"the project; delete them, and {RECORD_NAME}, if they should go",
                severity="warning",
            )
        )


def _unknown_folder_warning(project: Project, folder: Path, root: Path, keys: list[str]) -> Issue:
    """The warning that ``keys``, files a record in ``folder`` names as compile's (a folder this
    machine has no record of compile writing into), stay.

    >>> from transpub.project import Project
    >>> p = Project(Path("/p"), "p", "en", ("es",), Path("/p/articles"), Path("/p/l"), Path("/p/site"),
    ...     None, Path("/p/m"), None)
    >>> print(_unknown_folder_warning(p, Path("/p/site"), Path("/p/articles"), ["es/a.md"]).message)
    1 file left as it is (es/a.md): .transpub-outputs.json here names it as compile's, but Markdown is written to articles/ now and this machine has no record of compile writing here; delete the files, and the record, if they should go
    """
    return Issue(
        project.relative(folder),
        None,
        "removed",
        f"{_left_named(keys)}: {RECORD_NAME} here names {'it' if len(keys) == 1 else 'them'} as compile's, "
        f"but Markdown is written to {project.relative(root)}/ now and this machine has no record of "
        "compile writing here; delete the files, and the record, if they should go",
        severity="warning",
    )
