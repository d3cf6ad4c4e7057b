"""Where compile's files are: the pages' and catalogs' paths, and what is already in the site's folders."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from ..discovery import is_folder_index, slug_for
from ..formats.document import Document
from ..fsutil import confined_file, remove_file
from ..manifest import path_name
from ..project import Project
from ..site import page_file
from .run import CompileRun, Place

#: pathlib's own way to a child by a plain name (what ``iterdir`` uses), ``parent / name`` without
#: parsing ``name`` again: a fifth of the cost; ``/`` where a Python lacks it.
_CHILD: Callable[[Path, str], Path] | None = getattr(Path, "_make_child_relpath", None)


def place_of(run: CompileRun, relative: str) -> tuple[Place, str]:
    """The folder of the file at ``relative`` in the site (worked out once per folder and run: an
    archive's pages share a few folders) and the file's name: ``out_dir / relative`` is the
    folder's path joined with the name."""
    name = relative.rpartition("/")[2]
    head = relative[: len(relative) - len(name)]
    place = run.places.get(head)
    if place is None:
        folder_path = run.out_dir / head  # (the site itself for "")
        folder = str(folder_path)
        prefix = None  # as path_name names a file there, less the file's name ("/"-separated only)
        if os.sep == "/":
            prefix = path_name(run.project.root, os.path.join(folder, "_"))[:-1]
        place = run.places[head] = (folder, folder_path, prefix)
    return place, name


def record_name(run: CompileRun, relative: str) -> str:
    """``path_name(root, out_dir / relative)``: how the manifest's records name the file at
    ``relative`` in the site."""
    place, name = place_of(run, relative)
    if place[2] is None or not name or name in (".", ".."):
        return path_name(run.project.root, os.path.join(place[0], name))
    return place[2] + name


def child(folder: Path, name: str) -> Path:
    """``folder / name`` for a file's ``name`` in ``folder`` (pathlib's own child step, without
    parsing the name again, where it has one and the name is plain)."""
    if _CHILD is not None and _PLAIN_NAMES and name and name not in (".", "..") and "/" not in name:
        return _CHILD(folder, name)
    return folder / name


#: Whether a name without "/" holds no separator (not on Windows, where "\\" is one too).
_PLAIN_NAMES = os.sep == "/" and os.altsep is None


def catalog_file(run: CompileRun, locale: str, slug: str) -> tuple[str, Path]:
    """``project.catalog_path(locale, slug)`` (checked as it checks it: UnsafePathError), as a
    string and as a path; each catalogs folder worked out once per run."""
    project = run.project
    last = slug.rpartition("/")[2]
    head, name = slug[: len(slug) - len(last)], last + ".po"
    key = (locale, head)
    place = run.catalog_places.get(key)
    if place is None:
        folder_path = Path(os.path.join(project.catalog_folder(locale), head))
        place = run.catalog_places[key] = (str(folder_path), folder_path)
    return confined_file(place[0], name, project.catalogs_dir), child(place[1], name)


def markdown_path(project: Project, locale: str, article: Path, root: Path) -> Path:
    """Where the Markdown of ``article`` in ``locale`` goes (the article itself when there is no copy)."""
    return project.markdown_path(locale, article, root) or article


def is_absent(run: CompileRun, relative: str) -> bool:
    """True when nothing was at ``relative`` (a path in the site) when this run first looked into its
    folder: pages and review copies are asked about for every page, and a first run or a site
    without review copies has none. (Only absence is taken from the listing: a file there is looked
    at again, and each page is asked about before its article writes it.)"""
    folder, _, name = relative.rpartition("/")
    names = run.listed.get(folder)
    if names is None:
        try:
            with os.scandir(os.path.join(run.out_dir, folder)) as entries:
                names = {entry.name for entry in entries}
        except OSError:  # no such folder (yet): nothing in it
            names = set()
        run.listed[folder] = names
    return name not in names


def html_path(
    project: Project, locale: str, slug: str, *, review: bool = False, folder_index: bool = False
) -> str:
    """Where the page of ``slug`` in ``locale`` is in the site: ``<folder>/<slug>.html``, for a
    folder's index article (``folder_index``) ``<folder>/<slug>/index.html`` (see :func:`page_file`);
    its review copy's below ``_review/``."""
    path = f"{project.locale_dir(locale)}/{page_file(slug, folder_index)}"
    return f"_review/{path}" if review else path


def remove_stale(out_dir: Path, *paths: Path) -> None:
    """Delete pages an earlier run published that are no longer published (only inside ``out_dir``)."""
    for path in paths:
        remove_file(path, out_dir)


def content_file(run: CompileRun, document: Document) -> bool:
    """Whether compile writes the translations of ``document`` as the generator's content files
    (Markdown output), not as HTML pages of the site: a Markdown or HTML content page, and on a Hugo
    site (``[compile] heading_ids``) an HTML file without front matter, which Hugo copies as it is
    into the folder of the language its content file is in (``posts/rtl.es.html`` to
    ``/es/posts/rtl.es.html``; ``es/posts/rtl.html`` of Spanish content to ``/es/posts/rtl.html``)."""
    if run.markdown_root is None:
        return False
    return document.for_generator or run.project.hugo_builds


def page_exists(run: CompileRun, document: Document, locale: str, article: Path, slug: str) -> bool:
    """Whether the page of ``document`` in ``locale`` is on disk (as the run found its folder)."""
    if run.markdown_root is not None and content_file(run, document):
        return markdown_path(run.project, locale, article, run.markdown_root).is_file()
    relative = html_path(run.project, locale, slug, folder_index=is_folder_index(article, slug))
    return not is_absent(run, relative) and (run.out_dir / relative).is_file()


def review_copy_exists(run: CompileRun, locale: str, slug: str, folder_index: bool) -> bool:
    """Whether the review copy of the article ``slug`` in ``locale`` is on disk (as the run found its
    folder; ``folder_index``: see :func:`html_path`)."""
    relative = html_path(run.project, locale, slug, review=True, folder_index=folder_index)
    return not is_absent(run, relative) and (run.out_dir / relative).is_file()


def is_file_of(path: Path, slug: str, project: Project) -> bool:
    """Whether ``path`` (a file an article's record names) is the file of the article ``slug``, not
    one of its images, which may well stay when the article goes (another article shows it too)."""
    if not is_below(path, project.articles_dir):
        return False
    relative = PurePosixPath(
        Path(os.path.abspath(path)).relative_to(os.path.abspath(project.articles_dir)).as_posix()
    )
    return slug_for(relative) == slug


def is_below(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or inside it (as written: no link is followed)."""
    return Path(os.path.abspath(path)).is_relative_to(os.path.abspath(folder))
