"""The copies compile made of the files articles load (``site/_assets/…``, a language's
``site/de/_assets/…``) that no page loads any more: an image an article stopped using, the files of
an article deleted, the site's ``_assets/`` once every language is on a host of its own.

Each article's record names the copies its pages load, with the hash of what compile copied. A copy
an article's last record named and its new one does not (or a gone article's) may be unused: it is
removed on a run of every language and every article (no ``-l``, no ``--shard``, no error) where no
record of the folder's names it, as compile copied it; one changed since stays, with one warning
naming it. A run of some languages removes those of gone articles alone (whose pages go in every
language), one of a shard none (the pages it does not write may load them): it keeps the others in a
record of their own (:data:`PENDING`) for the next run of every language to look at."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from ..manifest import Manifest, Record, path_name
from ..model import Issue
from ..project import Project
from ..site_assets import is_asset_copy
from .removal import left_as_it_is, remove_emptied, remove_written
from .run import CompileReport

#: The name (locale) of the record, among a folder's records, of the copies that may be unused.
PENDING = "unused copies"


def copies_named(root: Path, out_dir: Path, record: Record | None) -> dict[str, str]:
    """The copies in the asset folders of ``out_dir`` that ``record`` (an article's) names, each
    with the hash of what compile copied, by the record's name of each."""
    if record is None:
        return {}
    folder = path_name(root, out_dir) + "/"  # (as the record names the copies, see records._watch_asset)
    start = len(folder)
    return {
        name: digest
        for name, digest in record.hashes.items()
        if name.startswith(folder) and is_asset_copy(name[start:])
    }


def no_longer_named(root: Path, out_dir: Path, before: Record | None, now: Record | None) -> dict[str, str]:
    """The copies ``before`` (an article's last record) names that ``now`` (its new one, None: it has
    none, or is gone) does not (see :func:`copies_named`)."""
    named = copies_named(root, out_dir, before)
    if named and now is not None:
        kept = now.hashes
        named = {name: digest for name, digest in named.items() if name not in kept}
    return named


#: What a run removes of the copies that may be unused: all of them (a run of every language and
#: article, no error), those of the articles gone alone (a run of some languages: the pages of the
#: others it does not write may load those its articles stopped loading), none (a shard's run: the
#: other shards' articles may load them; or a run with an error).
Removing = Literal["all", "gone", "none"]


def remove_unused_copies(
    project: Project,
    out_dir: Path,
    manifest: Manifest,
    earlier: Manifest,
    found: tuple[dict[str, str], dict[str, str]],
    report: CompileReport,
    removing: Removing,
    others: str | None = None,
) -> None:
    """Remove the copies that may be unused (``found`` by this run: those articles compiled now no
    longer name, those of gone articles; and those the last runs kept in ``earlier``'s
    :data:`PENDING` record) that ``removing`` says this run may, where no record of ``manifest``
    (this run's records, as they will be saved) names them, nor one of the records named ``others``
    (the other format's in the site: a preview as HTML of a site whose articles are Markdown writes
    there as well); keep the others in ``manifest``'s
    :data:`PENDING` record. A copy changed since compile made it is a warning, and is forgotten; one
    the system keeps is an error, and stays in the record."""
    stored = earlier.get("", PENDING)
    dropped, gone = found
    candidates = {**pending_copies(stored), **dropped}
    if removing == "gone":  # (one a page of the others may load stays: candidates)
        wanted = {name: digest for name, digest in gone.items() if name not in candidates}
    else:
        wanted = {**candidates, **gone} if removing == "all" else {}
    left = {name: digest for name, digest in {**candidates, **gone}.items() if name not in wanted}
    if wanted and manifest.key is not None:
        needed = _named_by_records(project, out_dir, manifest, earlier, others)
        emptied = []
        for name, digest in sorted(wanted.items()):
            path = project.root / name
            if name in needed or not path.is_file():
                continue
            done = remove_written(path, digest, out_dir, report, functools.partial(_changed, project, path))
            if done == "kept":
                left[name] = digest
            elif done == "removed":
                report.unused_copies.append(project.relative(path))
                emptied.append((path.parent, out_dir))
        remove_emptied(emptied)
    if left:
        if left != pending_copies(manifest.get("", PENDING)):
            manifest.put("", Record("", result={"copies": left}), PENDING)
    else:
        manifest.drop("", PENDING)
        earlier.drop("", PENDING)  # (the last run's records, saved first where they are not these)


def pending_copies(record: Record | None) -> dict[str, str]:
    """The copies a :data:`PENDING` record keeps (name → hash)."""
    copies = record.result.get("copies") if record is not None else None
    if not isinstance(copies, dict):
        return {}
    return {
        name: digest for name, digest in copies.items() if isinstance(name, str) and isinstance(digest, str)
    }


def _named_by_records(
    project: Project, out_dir: Path, manifest: Manifest, earlier: Manifest, others: str | None
) -> set[str]:
    """The copies in ``out_dir`` that the records of its articles name: ``manifest``'s of those this
    run put or dropped (``earlier``'s of the gone articles it dropped, where they are not one), those
    stored of the others, and those of the records named ``others``."""
    root = project.root
    stored = Manifest(root, manifest.command, key=manifest.key)
    touched = (manifest.touched | earlier.touched) - {""}
    records: list[Iterable[Record | None]] = [
        ((manifest if slug in manifest.touched else earlier).get(slug) for slug in touched),
        (stored.get(slug) for slug in stored.slugs_besides(touched)),
    ]
    if others is not None:
        other = Manifest(root, others, key=manifest.key)
        records.append(other.get(slug) for slug in other.slugs_besides(()))
    return {name for part in records for record in part for name in copies_named(root, out_dir, record)}


def _changed(project: Project, path: Path) -> Issue:
    """The warning that the copy at ``path``, which no page loads any more, stays: it was changed
    since compile made it."""
    why = "no page loads this file any more, but it was changed since compile copied it"
    return left_as_it_is(project, path, why)
