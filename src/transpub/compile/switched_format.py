"""What compile wrote as the format it no longer writes (``[compile] format`` changed): the localized
Markdown a generator would still build beside the HTML pages compile writes now
(``content/es/posts/a.md``), or, where Markdown is written now, the HTML pages of the site
(``site/es/posts/a.html``, with its index pages and review copies), which a generator reading that
folder builds too, and the copies of the files they load (``site/_assets/…``, ``site/de/_assets/…``). Each goes where this machine's manifest says compile wrote it and it is as
written; one edited since stays, no longer compile's, with one warning naming it."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Collection, Iterable
from pathlib import Path

from ..manifest import NO_FILE, Manifest, Record, path_name
from ..model import Issue
from ..project import Project
from ..site_assets import is_asset_copy
from .moved_markdown import FOLDERS, Instead, clear_folders, remembered_folders
from .places import html_path, is_below
from .records import recorded_outputs
from .removal import left_as_it_is, remove_emptied, remove_written
from .run import CompileReport
from .unused_copies import PENDING, pending_copies

#: The files compile writes now and the articles (absolute paths), found when first asked for.
Taken = Callable[[], frozenset[str]]

#: The names of the records of the site's HTML runs and of the Markdown runs in the manifest.
HTML_RECORDS, MARKDOWN_RECORDS = "compile", "compile-markdown"
#: The name (locale) of the mark, in the records of a format, of a run of every language in that
#: format as configured (see :func:`remove_other_format`).
_MARK = "configured format"


def remove_other_format(
    project: Project, articles: Collection[Path], manifest: Manifest, report: CompileReport
) -> None:
    """On a run of every language in the configured format (``project.output_format``, whose records
    are ``manifest``): where the last such run was of the other format, remove what it wrote (see
    :func:`_remove_written`). Each format's records keep a mark of such a run, which this one puts in
    its own and takes from the other's once that format's files are gone (a file the system keeps is
    an error in ``report``: both marks stay, and the next run tries again). Records without a mark
    (an HTML preview in the site, ``--format html``; an older transpub's) are no change of format."""
    if manifest.get("", _MARK) is not None:
        return  # (no run of the other format since this one's last)
    markdown = project.output_format == "markdown"
    other = Manifest(project.root, HTML_RECORDS if markdown else MARKDOWN_RECORDS, key=manifest.key)
    mark = other.get("", _MARK)
    if mark is not None:
        errors = len(report.errors)
        _remove_written(project, articles, manifest, other, report)
        if len(report.errors) > errors:
            other.put("", mark, _MARK)  # (kept, whatever went: the next run tries again)
            other.save()
            return
        other.drop("", _MARK)
        other.save()
    manifest.put("", Record("", result={"format": project.output_format}), _MARK)


def _remove_written(
    project: Project, articles: Collection[Path], manifest: Manifest, other: Manifest, report: CompileReport
) -> None:
    """Remove what compile wrote as the format the project no longer has (``project.output_format``
    is the one it writes now): Markdown files in the folders it wrote Markdown into, or the site's
    HTML pages, as the other format's records (``other``) name them; never an article (``articles``)
    nor a file this run's records (``manifest``) name. Each folder files went from is said in
    ``report.switched``."""

    @functools.cache
    def taken() -> frozenset[str]:  # (asked where there is something to remove)
        found = {os.path.abspath(path) for path in articles}
        for record in _records(manifest):
            found.update(os.path.abspath(project.root / name) for name in record.hashes)
        return frozenset(found)

    if project.output_format == "markdown":
        _remove_html_pages(project, other, taken, report)
    else:
        _remove_markdown(project, other, taken, report)


def _records(manifest: Manifest) -> Iterable[Record]:
    """The records of the articles in ``manifest``."""
    for slug in sorted(manifest.slugs_besides(())):
        record = manifest.get(slug)
        if record is not None:
            yield record


def _remove_markdown(project: Project, markdown: Manifest, taken: Taken, report: CompileReport) -> None:
    """Remove the Markdown files compile wrote into the folders ``markdown`` (the manifest's records
    of the Markdown runs) remembers; forget each folder it leaves no file of compile's in."""
    stored = markdown.get("", FOLDERS)
    folders = remembered_folders(project, stored, lambda: _records(markdown))
    if not folders:
        return
    instead = Instead(
        f"[compile] format is html now (compile writes HTML pages to {project.relative(project.site_dir)}/)",
        taken(),
    )
    locales = (project.source_locale, *project.locales)

    def last_watched(folder: Path, slug: str, key: str) -> bool:
        previous = markdown.get(slug)
        return previous is not None and previous.hash_of(path_name(project.root, folder / key)) is not None

    left = []
    for name, folder, done in clear_folders(project, folders, instead, locales, report, last_watched):
        if done.removed:
            report.switched.append((project.relative(folder), done.removed, 0))
        if done.left:
            left.append(name)
    result = stored.result if stored is not None else {}
    if result.get("folders") != left:
        markdown.put("", Record("", result={**result, "folders": left}), FOLDERS)


def _remove_html_pages(project: Project, pages: Manifest, taken: Taken, report: CompileReport) -> None:
    """Remove the site's pages, review copies and index pages that ``pages`` (the manifest's records
    of the site's HTML runs) name, and the copies of the files they load (see :func:`_asset_copies`)
    or loaded; forget each record that leaves nothing to remove."""
    site = project.site_dir
    removed: list[Path] = []
    for slug in sorted(pages.slugs_besides(())):
        record = pages.get(slug)
        if record is None:
            continue
        names = [*_pages_of(project, record, slug), *_asset_copies(project, record)]
        if not _remove_pages(project, record, names, taken, report, removed):
            pages.forget(slug)
        else:  # (kept for the next run, without the files edited since: no longer compile's)
            pages.put(slug, record)
    # (the copies a run of some languages left for the next run of every one: see .unused_copies)
    unused = Record("", hashes=pending_copies(pages.get("", PENDING)))
    kept = _remove_pages(project, unused, list(unused.hashes), taken, report, removed)
    indexes = pages.get("", "indexes")
    if indexes is not None:
        kept |= _remove_pages(project, indexes, list(indexes.hashes), taken, report, removed)
    if not kept:
        pages.forget("")  # (the index pages' record, that of a whole run, and the unused copies')
    else:
        pending = {name: digest for name, digest in unused.hashes.items() if digest != NO_FILE}
        if pending != pending_copies(pages.get("", PENDING)):
            pages.put("", Record("", result={"copies": pending}), PENDING)
        if indexes is not None:
            pages.put("", indexes, "indexes")
    remove_emptied((path.parent, site) for path in removed)
    if removed:
        copies = sum(1 for path in removed if _is_asset_copy(project, path))
        report.switched.append((project.relative(site), len(removed) - copies, copies))


def _asset_copies(project: Project, record: Record) -> list[str]:
    """The names, as ``record`` (an article's) has them, of the copies compile made of the files its
    pages load, in the site's asset folders (``_assets/…``, a language's ``de/_assets/…``: see
    :func:`~transpub.site_assets.asset_homes`)."""
    return [name for name in record.hashes if _is_asset_copy(project, project.root / name)]


def _is_asset_copy(project: Project, path: Path) -> bool:
    """Whether ``path`` is in an asset folder of the site (``site/_assets/…``, ``site/de/_assets/…``)."""
    if not is_below(path, project.site_dir):
        return False
    return is_asset_copy(
        Path(os.path.relpath(os.path.abspath(path), os.path.abspath(project.site_dir))).as_posix()
    )


def _pages_of(project: Project, record: Record, slug: str) -> list[str]:
    """The names of the pages and review copies of the article ``slug`` in the site that its
    ``record`` names, in every language it names a page in and every configured one."""
    locales = dict.fromkeys((project.source_locale, *project.locales, *recorded_outputs(record.result)))
    names = []
    for locale in locales:
        for review in (False, True):
            for folder_index in (False, True):
                relative = html_path(project, locale, slug, review=review, folder_index=folder_index)
                names.append(path_name(project.root, project.site_dir / relative))
    return names


def _remove_pages(
    project: Project,
    record: Record,
    names: Iterable[str],
    taken: Taken,
    report: CompileReport,
    removed: list[Path],
) -> bool:
    """Remove each page of ``names`` that ``record`` names, in the site, as it was written, unless
    ``taken`` (added to ``removed``); one edited since stays, with a warning. True when one the
    system keeps stays (an error in ``report``: the record stays, the next run tries again); one
    edited since is no longer compile's in ``record`` (:data:`~transpub.manifest.NO_FILE`, no content's
    hash), so that the next run says nothing of it."""
    kept = False
    for name in names:
        digest = record.hash_of(name)
        path = project.root / name
        if digest in (None, NO_FILE) or not is_below(path, project.site_dir) or not path.is_file():
            continue
        if os.path.abspath(path) in taken():
            continue
        changed = functools.partial(_edited_page, project, path)  # (one behind a link out of the site: kept)
        done = remove_written(path, digest, project.site_dir, report, changed, unsafe_kept=True)
        if done == "kept":
            kept = True
        elif done == "removed":
            removed.append(path)
        else:
            record.hashes[name] = NO_FILE
    return kept


def _edited_page(project: Project, path: Path) -> Issue:
    """The warning that the page (or copy of a file pages load) at ``path``, which compile wrote when
    its format was html, stays: it was changed since."""
    what = "file" if _is_asset_copy(project, path) else "page"
    why = (
        f"[compile] format is markdown now (Markdown is written to {project.relative(project.markdown_root)}/), "
        f"but this {what} is not as compile wrote it"
    )
    return left_as_it_is(project, path, why, forgotten=True)
