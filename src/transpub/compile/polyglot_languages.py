"""The pages and posts of a Jekyll site's folder whose path jekyll-polyglot reads another language
from than the source language.

With ``lang_from_path``, polyglot 1.5 takes a page's language from its first folder, and a post's or
a collection document's from the folder after its ``_`` folder, wherever that folder's name looks like
a language code (two or three small letters: ``doc``, ``web``, ``_recipes/sea``). The English
``doc/intro.md`` is then a page of the language ``doc``, and polyglot lets its translation
(``es/doc/intro.md``, at the same permalink) take its place on the English site too, where Jekyll
reads it after it (the order of the folders on disk). So is a post in category ``web``
(``web/_posts/…``). A ``defaults`` scope of that folder in ``_config.yml`` giving ``lang: en`` keeps
the English page English (a translation's ``lang`` line wins over it, which compile writes where
such a scope holds the translation too: :func:`defaults_give_lang`): compile warns where none does.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any

from ..config import jekyll_collections_dir
from ..model import Issue
from ..page_front_matter import page_front_matter
from ..project import Project
from .polyglot import site_settings

#: A folder's name polyglot 1.5 reads as a language (its ``derive_lang_from_path``).
_LANGUAGE = re.compile(r"[a-z]{2,3}(:?[_-](:?[A-Za-z]{2}){1,2}){0,2}")


def language_folder(site_path: PurePosixPath) -> str | None:
    """The folder of ``site_path`` (a path in a Jekyll site, as its Liquid tags name it) that
    jekyll-polyglot reads a language from: its first, or for a file in a ``_`` folder the one after
    it; None: none.

    >>> [language_folder(PurePosixPath(path)) for path in ("doc/intro.md", "_recipes/sea/eel.md", "guide/a.md")]
    ['doc', '_recipes/sea', None]
    >>> language_folder(PurePosixPath("_posts/2024-01-02-a.md")), language_folder(PurePosixPath("web/_posts/a.md"))
    (None, 'web')
    """
    parts = site_path.parts
    at = 1 if parts[0].startswith("_") else 0
    if len(parts) > at + 1 and _LANGUAGE.fullmatch(parts[at]):
        return "/".join(parts[: at + 1])
    return None


def misread_language(project: Project, article: Path, locale: str) -> list[Issue]:
    """A warning where jekyll-polyglot reads another language than the source's from the path of
    ``article`` (see the module), which has a translation in ``locale``, and neither its front
    matter nor the site's ``defaults`` give it a ``lang``; none otherwise."""
    site_path = project.jekyll_path(article) if project.polyglot_site else None
    folder = None if site_path is None else language_folder(site_path)
    source = project.locale_dir(project.source_locale)
    if site_path is None or folder is None or PurePosixPath(folder).name == source:
        return []
    if (page_front_matter(article, ("lang",)) or {}).get("lang") or _defaults_give_lang(
        site_settings(project.root) or {}, site_path
    ):
        return []
    return [
        Issue(
            project.relative(article),
            None,
            "site",
            f"jekyll-polyglot reads the language {PurePosixPath(folder).name!r} from its folder {folder}/, "
            f"not {source}: the {source} site may serve its {locale} translation in its place; give that "
            f"folder lang: {source} in _config.yml's defaults "
            f"(- scope: {{path: {folder}}} values: {{lang: {source}}})",
            locale=locale,
            severity="warning",
        )
    ]


def defaults_give_lang(project: Project, path: Path) -> bool:
    """Whether one of the Jekyll site's ``defaults`` gives the file at ``path`` (a translation's) a
    ``lang`` (``- scope: {path: ""} values: {lang: en}``, every file's), which jekyll-polyglot reads
    its language from before its folder: the translation then says its own."""
    site_path = project.jekyll_path(path) if project.page_urls == "jekyll" else None
    return site_path is not None and _defaults_give_lang(site_settings(project.root) or {}, site_path)


def _defaults_give_lang(settings: Mapping[str, Any], site_path: PurePosixPath) -> bool:
    """Whether one of the site's ``defaults`` gives the file at ``site_path`` a ``lang``: its scope's
    path (in the ``collections_dir`` too) holds it, as a folder above it or a glob."""
    listed = settings.get("defaults")
    value = settings.get("collections_dir")  # (as Jekyll reads it: no ../ climbs out of the site)
    collections = jekyll_collections_dir(value.strip()) if isinstance(value, str) else "."
    inside = f"{collections}/" if collections != "." else None
    name = site_path.as_posix()
    for entry in listed if isinstance(listed, list) else []:
        values = entry.get("values") if isinstance(entry, Mapping) else None
        scope = entry.get("scope") if isinstance(entry, Mapping) else None
        if not isinstance(values, Mapping) or not values.get("lang"):
            continue
        path = scope.get("path", "") if isinstance(scope, Mapping) else ""
        path = path.strip("/") if isinstance(path, str) else ""
        path = path.removeprefix(inside) if inside else path
        if not path or name.startswith(path + "/") or ("*" in path and fnmatchcase(name, path + "*")):
            return True
    return False
