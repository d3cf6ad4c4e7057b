"""The images of a Markdown article, found again by its copies written in other folders.

``articles/posts/harbour.md`` shows ``images/harbour.jpg``; its Spanish file in the directory layout,
``site/es/posts/harbour.md``, would look for ``site/es/posts/images/harbour.jpg``. Every relative
reference (:func:`transpub.formats.md_files.file_references`) that leads from a written file to
another place than from the article gets the file copied there: the reference stays as written (the
Markdown is the source's but for its translated text) and resolves to the same image, by file
(MkDocs, editors, GitHub) and by URL (the copy lies where the page's folder is published: Hugo's
page bundles and ``uglyURLs``, mkdocs-static-i18n's folders). A browser reads a page's relative
URLs from the folder the page is published in, which for a page in a folder of its own (pretty URLs:
``docs/guide/themes.md`` at ``/guide/themes/``, Hugo's, Jekyll's and MkDocs' ``use_directory_urls``)
is one deeper than its file: raw HTML there (``<img src="../../img/a.png">``, never rewritten by
MkDocs), and Markdown images on Hugo and Jekyll, are read from it. So a reference is also followed
from the page's folder (:func:`page_folder`) and the file it finds there copied to the same place
from the written file's page folder. A reference leading where no copy can
go, from either folder, out of the articles folder (``../../static/logo.png``), to no file, or out of the project, gets
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

from .discovery import ARTICLE_SUFFIXES, is_private
from .formats.md_files import INCLUDE_RELATIVE, FileReference
from .model import Issue

#: The problem of a reference whose file is out of the articles folder (no copy can go there).
_OUT = "leads out of the articles folder"


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
    pages: tuple[str, ...] = ARTICLE_SUFFIXES,
) -> ImagePlan:
    """The copies that make each of ``references`` (of ``article``, named ``shown`` in warnings) lead
    from each file in ``outputs`` to the file it leads to from the article, and a warning for each
    reference that cannot be made to (one per reference, whatever the number of files). ``private``:
    transpub's own files (:meth:`~transpub.project.Project.private_files`), never copied, as hidden
    ones (:func:`~transpub.project.is_private`); ``pages``: the suffixes of the files a link names
    as pages, not copied (a Jekyll site's Markdown: ``.mkd`` too)."""
    plan = ImagePlan()
    folders = [(output, output.parent) for output in outputs if output.parent != article.parent]
    if not folders:
        return plan
    articles = _normal(articles_dir)
    root = os.path.abspath(project_root)
    page = page_folder(article)
    for reference in references:
        problem = _plan_from(plan, reference, article.parent, folders, articles, root, private, pages)
        if page is not None:  # as a browser reads it on a page published in a folder of its own
            by_page = _plan_from(
                plan, reference, page, _page_folders(folders, article), articles, root, private, pages
            )
            file_there = isinstance(problem, str) and os.path.isfile(article.parent / reference.path)
            problem = _reported(problem, by_page, file_there)
        if isinstance(problem, str):
            plan.warnings.append(
                Issue(
                    shown,
                    reference.line,
                    "images",
                    f"{reference.what} {reference.url!r} {problem}: {without_copy(reference)}",
                    severity="warning",
                )
            )
    return plan


def without_copy(reference: FileReference) -> str:
    """What the translations written in other folders come to without a copy of the file ``reference``
    names: an image not shown, but a ``{% include_relative %}`` snippet stops ``jekyll build``
    ("Could not locate the included file")."""
    if reference.what == INCLUDE_RELATIVE:
        return (
            "the translations written in other folders include it as written, where it is not: "
            "`jekyll build` stops at them (Could not locate the included file)"
        )
    return "the translations written in other folders keep the reference as written and will not show it"


def _reported(problem: bool | str | None, by_page: bool | str | None, file_there: bool) -> bool | str | None:
    """What a reference read from the file's folder (``problem``: see :func:`_plan_from`; ``file_there``:
    a file is there, out of the articles folder) and from the page's comes to: found by either, else
    the page's problem when the file's reading finds nothing out of the articles folder and the page's
    stays in it (the page was written for its URL), else the file's."""
    if by_page is True:
        return None
    if isinstance(problem, str) and isinstance(by_page, str) and not file_there:
        if problem.startswith(_OUT) and not by_page.startswith(_OUT):
            return by_page
    return problem


def page_folder(article: Path) -> Path | None:
    """The folder a generator publishes ``article``'s page in when it gives pages folders of their own
    (``posts/harbour.md`` at ``posts/harbour/``: Hugo's, MkDocs' and Jekyll's pretty URLs), where a
    browser resolves the page's relative URLs; None for an index page (``index.md``, Hugo's
    ``_index.md``, MkDocs' ``README.md``), published in its file's folder whatever the mode."""
    if article.stem.lower() in ("index", "_index", "readme"):
        return None
    return article.parent / article.stem


def _page_folders(folders: list[tuple[Path, Path]], article: Path) -> list[tuple[Path, Path]]:
    """The page folder of each written file (its folder and the article's name: a suffix layout's
    ``harbour.es.md`` is published as ``harbour``'s page in its language)."""
    return [(output, folder / article.stem) for output, folder in folders]


def _plan_from(
    plan: ImagePlan,
    reference: FileReference,
    base: Path,
    folders: list[tuple[Path, Path]],
    articles: Path,
    root: str,
    private: tuple[str, ...],
    pages: tuple[str, ...],
) -> bool | str | None:
    """Plan the copies that make ``reference``, read from the folder ``base``, lead from each of
    ``folders`` (a written file and the folder its reference is read from) to the same file: True
    when planned, None when nothing is to be copied (no file leads elsewhere, or a link or value
    naming no file of the article's, or a page: a suffix of ``pages``), else why it cannot be copied."""
    source = _normal(base / reference.path)
    targets = [(output, _normal(folder / reference.path)) for output, folder in folders]
    targets = [(output, target) for output, target in targets if target != source]
    if not targets:
        return None
    plan.watched.append(source)
    problem = _problem(source, articles, root, private)
    if not reference.file_only and (problem or source.suffix.lower() in pages):
        return None  # a page, or a file from the site's root: not this article's file
    if problem:
        return problem
    for output, target in targets:
        plan.copies.setdefault(output, []).append(Copy(source, target, reference))
        plan.watched.append(target)
    return True


def _normal(path: Path) -> Path:
    """``path`` absolute, with ``.`` and ``..`` taken out by name (as a browser or a generator does)."""
    return Path(os.path.normpath(os.path.abspath(path)))


def _problem(source: Path, articles: Path, root: str, private: tuple[str, ...]) -> str | None:
    """Why ``source`` cannot be copied (None: it can)."""
    if articles not in source.parents:
        return f"{_OUT} ({_shown(source, root)})"
    if "\x00" in str(source):  # (a URL's %00: a name no file can have)
        return f"names no file ({_shown(source, root)!r})"
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
