"""The images of a Markdown article, found again by its copies written in other folders.

``articles/posts/harbour.md`` shows ``images/harbour.jpg``; its Spanish file in the directory layout,
``site/es/posts/harbour.md``, would look for ``site/es/posts/images/harbour.jpg``. Every relative
reference (:func:`transpub.formats.md_files.file_references`) that leads from a written file to
another place than from the article gets the file copied there: the reference stays as written (the
Markdown is the source's but for its translated text) and resolves to the same image, by file
(MkDocs, editors, GitHub) and by URL (the copy lies where the page's folder is published: Hugo's
page bundles and ``uglyURLs``, mkdocs-static-i18n's folders). A reference leading where no copy can
go, out of the articles folder (``../../static/logo.png``), to no file, or out of the project, gets
one warning naming the article's line; the reference is kept as written. A link, or a front matter
value, is copied only when it names a file beside the article that is not a page (a PDF, not
``other-post.md``): it may name a page or a file from the site's root, so it gets no warning. In the
suffix layout beside the articles nothing leads elsewhere: nothing is copied.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .discovery import ARTICLE_SUFFIXES
from .formats.md_files import FileReference
from .model import Issue
from .project import is_private


@dataclass(frozen=True)
class Copy:
    """One image to copy: the file the article names and where a written file looks for it."""

    source: Path
    target: Path
    reference: FileReference


@dataclass
class ImagePlan:
    """What an article's written files need of its images: the copies for each file (by its path),
    the warnings, and every file looked at (its copies' sources and targets, the files not found)."""

    copies: dict[Path, list[Copy]] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)
    watched: list[Path] = field(default_factory=list)


def plan_images(
    references: Iterable[FileReference],
    article: Path,
    outputs: Iterable[Path],
    articles_dir: Path,
    project_root: Path,
    shown: str,
    private: tuple[str, ...] = (),
) -> ImagePlan:
    """The copies that make each of ``references`` (of ``article``, named ``shown`` in warnings) lead
    from each file in ``outputs`` to the file it leads to from the article, and a warning for each
    reference that cannot be made to (one per reference, whatever the number of files). ``private``:
    transpub's own files (:meth:`~transpub.project.Project.private_files`), never copied, as hidden
    ones (:func:`~transpub.project.is_private`)."""
    plan = ImagePlan()
    folders = [(output, output.parent) for output in outputs if output.parent != article.parent]
    if not folders:
        return plan
    articles = _normal(articles_dir)
    root = os.path.abspath(project_root)
    for reference in references:
        source = _normal(article.parent / reference.path)
        targets = [(output, _normal(folder / reference.path)) for output, folder in folders]
        targets = [(output, target) for output, target in targets if target != source]
        if not targets:
            continue
        plan.watched.append(source)
        problem = _problem(source, articles, root, private)
        if not reference.file_only and (problem or source.suffix.lower() in ARTICLE_SUFFIXES):
            continue  # a page, or a file from the site's root: not this article's file
        if problem:
            plan.warnings.append(
                Issue(
                    shown,
                    reference.line,
                    "images",
                    f"{reference.what} {reference.url!r} {problem}: the translations written in other "
                    "folders keep the reference as written and will not show it",
                    severity="warning",
                )
            )
            continue
        for output, target in targets:
            plan.copies.setdefault(output, []).append(Copy(source, target, reference))
            plan.watched.append(target)
    return plan


def _normal(path: Path) -> Path:
    """``path`` absolute, with ``.`` and ``..`` taken out by name (as a browser or a generator does)."""
    return Path(os.path.normpath(os.path.abspath(path)))


def _problem(source: Path, articles: Path, root: str, private: tuple[str, ...]) -> str | None:
    """Why ``source`` cannot be copied (None: it can)."""
    if articles not in source.parents:
        return f"leads out of the articles folder ({_shown(source, root)})"
    real, inside = os.path.realpath(source), os.path.realpath(root)
    if not real.startswith(inside.rstrip(os.sep) + os.sep):
        return "leads out of the project"
    named = _shown(source, root)
    leads_to = real[len(inside.rstrip(os.sep)) + 1 :].replace(os.sep, "/")
    if is_private(named, private) or is_private(leads_to, private):  # (.env, .git/, transpub.toml)
        return f"names a hidden file or transpub's own ({named})"
    if not os.path.isfile(real):
        return f"names no file ({_shown(source, root)})"
    return None


def _shown(path: Path, root: str) -> str:
    """``path`` relative to the project root when inside it."""
    relative = os.path.relpath(path, root)
    return path.as_posix() if relative.startswith("..") else Path(relative).as_posix()
