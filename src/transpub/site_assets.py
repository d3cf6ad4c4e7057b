"""The files an article loads (images, stylesheets, scripts, media), copied once into the site.

A relative URL of an article (``img/a.png`` beside ``articles/story.html``) would break on the
compiled pages (``site/es/story.html``). Each such file is copied once, for every language, to
``site/_assets/<its path in the project>``, and the URL on every page (source language, targets,
review copies) is rewritten to point there. A language at the root of a host of its own
(``[locale.<name>] base_url``) gets a copy in its folder instead (``site/de/_assets/…``, see
:func:`asset_homes`), so that each host's folder is whole when deployed alone. A file that is
missing, unreadable or outside the project is a warning naming the article and line; its URL is
kept as written. So is a file that is
the project's own and never a page's (see :func:`~transpub.project.is_private`): a hidden file or one in a hidden
folder (``.env``, ``.git/config``, ``.transpub/``), ``transpub.toml``, the catalogs, the memory; an
article (anyone's text) naming ``../.env`` must not publish it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote

from .discovery import is_private
from .formats.assets import rewrite_urls, urls_in
from .formats.document import Document, Tag
from .fsutil import confine, write_if_changed
from .model import Issue, split_url
from .site import site_href

if TYPE_CHECKING:
    from .project import Project

ASSETS_DIR = "_assets"


@dataclass
class ArticleAssets:
    """Where each relative URL of one article points in an asset folder (``_assets/...``), by URL
    path, and which folders of the site hold a copy of those files."""

    targets: dict[str, str] = field(default_factory=dict)
    #: Every file the article's URLs name inside the project, found or not (what the pages depend on).
    sources: list[Path] = field(default_factory=list)
    #: The folders holding a copy of ``targets`` ("": the site's root; a language's folder, for the
    #: pages in it and their review copies: see :func:`asset_homes`).
    homes: tuple[str, ...] = ("",)

    #: attributes_for's answers, by tag, asset folder and where the page is (see :func:`_from_where`).
    _made: dict[tuple[Tag, str, str, str | int], dict[str, str]] = field(default_factory=dict, repr=False)

    def attributes_for(self, tag: Tag, page: str) -> dict[str, str]:
        """The rewritten URL attributes of ``tag`` on the page at ``page`` (from the site's root);
        made once for the pages of every language at one depth."""
        home = self.home_of(page)  # (a language's own copy: linked from its folder or from _review/)
        key = (tag, home, page.partition("/")[0] if home else "", _from_where(page))
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = self._attributes_for(tag, page)
        return dict(made)

    def home_of(self, page: str) -> str:
        """The folder whose copy of the files the page at ``page`` links: its language's folder
        (``de/…``, ``_review/de/…``) where that has one of its own, else the site's root ("").

        >>> ArticleAssets(homes=("", "de")).home_of("_review/de/2024/a.html"), ArticleAssets().home_of("de/a.html")
        ('de', '')
        """
        parts = page.split("/", 2)
        folder = parts[1] if parts[0] == "_review" and len(parts) > 2 else parts[0]
        return folder if len(parts) > 1 and folder in self.homes else ""

    def copies(self) -> list[str]:
        """Every copy of the files in the site, by its path there."""
        return [_in_home(home, target) for home in self.homes for target in self.targets.values()]

    def _attributes_for(self, tag: Tag, page: str) -> dict[str, str]:
        home = self.home_of(page)

        def new_url(url: str) -> str | None:
            path, suffix = split_url(url.strip())
            target = self.targets.get(path)
            return None if target is None else site_href(page, _in_home(home, target)) + suffix

        rewritten = {name: rewrite_urls(name, value, new_url) for name, value in tag.urls.items()}
        return {name: value for name, value in rewritten.items() if value != tag.urls[name]}


def _in_home(home: str, target: str) -> str:
    """The path in the site of ``target`` (``_assets/…``) in the asset folder of ``home``."""
    return f"{home}/{target}" if home else target


def is_asset_copy(relative: str) -> bool:
    """Whether the file at ``relative`` (its path in the site, ``/``-separated) is in one of the
    site's asset folders (``_assets/…``, a language's ``de/_assets/…``: see :func:`asset_homes`).

    >>> is_asset_copy("_assets/a/b.png"), is_asset_copy("de/_assets/b.png"), is_asset_copy("de/x/_assets/b.png")
    (True, True, False)
    """
    parts = relative.split("/")
    return ASSETS_DIR in parts[:2] and parts.index(ASSETS_DIR) < len(parts) - 1


def asset_homes(project: Project) -> tuple[str, ...]:
    """The folders of the site that get a copy of the files articles load: the folder of each
    language at the root of a host of its own (``[locale.<name>] base_url``: its pages link their
    host's copy, never another host's, which would ask for CORS to load a font), and the site's
    root ("", first) where some language is published with it (every one, without such hosts).
    """
    every = (project.source_locale, *project.locales)
    hosted = tuple(project.locale_dir(locale) for locale in every if project.host_of(locale) is not None)
    return hosted if len(hosted) == len(every) else ("", *hosted)


def _from_where(page: str) -> str | int:
    """What the links from ``page`` to an ``_assets/…`` (of its :meth:`ArticleAssets.home_of`) depend
    on: how deep its folder is (``../`` per level) when that folder is an ordinary one outside
    any ``_assets/`` (every language's page of an article), else the folder itself."""
    folders = page.split("/")[:-1]
    if ASSETS_DIR in folders or any(part in ("", ".", "..") for part in folders):
        return "/".join(folders) + "/"
    return len(folders)


#: What a run found of a file an article names: its resolved path, its path in the project (None:
#: outside it), whether it is a file.
_Found = tuple[Path, "str | None", bool]


def copy_assets(
    document: Document,
    article: Path,
    shown: str,
    root: Path,
    out_dir: Path,
    copied: set[str],
    warnings: list[Issue],
    found: dict[tuple[str, str], _Found] | None = None,
    private: tuple[str, ...] = (),
    article_text: str | None = None,
    homes: tuple[str, ...] = ("",),
) -> ArticleAssets:
    """Copy the files ``document`` loads into the ``_assets`` folder of each folder of ``out_dir``
    that ``homes`` names ("", the default: ``out_dir`` itself; see :func:`asset_homes`), each once
    per run (``copied``).

    ``article_text``: the article's text, when ``document`` is the page made of it (a Markdown or content
    file's): a warning names the line of the article where the URL is written, not the page's.

    ``shown`` names the article in warnings; ``root`` is the project (files outside are not copied,
    nor hidden ones, nor those at or below the paths ``private`` names: see :meth:`~transpub.project.Project.private_files`).
    ``found`` remembers for the run where each URL of a folder's articles leads (an archive's
    articles share their images: each is looked for once).
    """
    assets = ArticleAssets(homes=homes)
    if document.has_base:  # the article's own <base href> says where its URLs resolve
        return assets
    found = {} if found is None else found
    folder = str(article.parent)
    for page_tag in document.asset_tags():
        for name, value in page_tag.urls.items():
            for url in urls_in(name, value):
                tag = (
                    page_tag if article_text is None else replace(page_tag, line=_line_in(article_text, url))
                )
                path, _ = split_url(url.strip())
                if not path or path in assets.targets:
                    continue
                known = found.get((folder, path))
                if known is None:
                    known = found[folder, path] = _look_for(article.parent / unquote(path), root)
                source, relative, is_file = known
                if relative is None:
                    warnings.append(_warning(shown, tag, f"{name} {url!r} points outside the project"))
                    continue
                named = os.path.normpath(os.path.join(folder, unquote(path)))
                if is_private(relative, private) or is_private(_in_project(named, root) or "", private):
                    warnings.append(
                        _warning(
                            shown,
                            tag,
                            f"{name} {url!r} names a hidden file or transpub's own ({relative}), never copied",
                        )
                    )
                    continue
                assets.sources.append(source)
                if not is_file:
                    warnings.append(_warning(shown, tag, f"{name} {url!r}: no such file {relative}"))
                    continue
                target = f"{ASSETS_DIR}/{relative}"
                try:
                    _copy(source, [_in_home(home, target) for home in homes], out_dir, copied)
                except OSError as exc:
                    warnings.append(_warning(shown, tag, f"{name} {url!r}: cannot copy ({exc.strerror})"))
                    continue
                assets.targets[path] = target
    return assets


def _copy(source: Path, copies: list[str], out_dir: Path, copied: set[str]) -> None:
    """Copy the file ``source`` to each path of ``copies`` in ``out_dir`` not yet ``copied`` this run."""
    data = None
    for copy in copies:
        if copy not in copied:
            data = source.read_bytes() if data is None else data
            # a copy is made again from its file on every run: no flush to disk
            write_if_changed(confine(out_dir / copy, out_dir), data, durable=False)
            copied.add(copy)


def _in_project(path: str, root: Path) -> str | None:
    """``path`` (absolute, normal) relative to the project at ``root`` (``/``-separated), as named:
    None when it is not below it."""
    folder = str(root).rstrip(os.sep) + os.sep
    return path[len(folder) :].replace(os.sep, "/") if path.startswith(folder) else None


def _look_for(path: Path, root: Path) -> _Found:
    """Where ``path`` leads, its path in the project at ``root`` (None: outside), whether it is a file
    (not, for a name no file can have: a NUL, too long)."""
    if "\x00" in str(path):  # (an article's %00: its path as named, the NUL shown as \x00)
        named = _in_project(os.path.normpath(path), root)
        return path, None if named is None else named.replace("\x00", "\\x00"), False
    source = path.resolve()
    try:
        relative = source.relative_to(root.resolve()).as_posix()
    except ValueError:
        return source, None, False
    return source, relative, os.path.isfile(source)


def _line_in(text: str, url: str) -> int | None:
    """The line of ``text`` where ``url`` is first written (as is, or with HTML's ``&amp;``); None:
    nowhere.

    >>> _line_in("---\\ntitle: A\\n---\\n\\n![Logo](logo.png?a=1&b=2)\\n", "logo.png?a=1&b=2")
    5
    """
    at = text.find(url)
    if at < 0:
        at = text.find(url.replace("&", "&amp;"))
    return None if at < 0 else text.count("\n", 0, at) + 1


def _warning(shown: str, tag: Tag, message: str) -> Issue:
    return Issue(shown, tag.line, "assets", f"{message}; the URL is kept as written", severity="warning")
