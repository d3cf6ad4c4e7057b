"""The permalink a Jekyll page's translations get with ``[compile] layout = "polyglot"``.

jekyll-polyglot pairs the languages of a page by its permalink: ``es/about.md`` is the Spanish
``about.md`` when both set ``permalink: /about/``, published at ``/es/about/``. Without one,
polyglot 1.5 publishes ``es/about.md`` at ``/es/es/about.html`` (and ``es/index.md`` at
``/es/es/``), where no link leads. So a translation of a page whose front matter sets none (nor the
site's ``defaults`` one without a ``:``) is written with the URL Jekyll gives the source page as its permalink,
the one line compile adds to it. So is a translated document of a collection the site publishes
(``_recipes/es/soup.md``: polyglot publishes it at ``/es/recipes/es/soup/`` where the collection's
permalink holds its ``:path``, as Jekyll's default does), and, with ``layout = "directory"``, one of a
collection's documents in a language folder (``_recipes/en/soup.md`` at ``/recipes/en/soup/``: its
translation gets ``/recipes/soup/``, served at ``/es/recipes/soup/``, not ``/es/recipes/es/soup/``,
where the site loads jekyll-polyglot). A post (``_posts/es/…``) needs none: its
URL does not hold its folder; one in category folders (``news/_posts/es/…``) gets ``lang`` instead
(see :func:`names_language`). Where the articles are the source language's folder of pages
(``en/ferry.md``, at ``/en/ferry/``), the permalink is the URL polyglot pairs the page by, its
language folder taken out (``/ferry/``: see :func:`polyglot_key`), served at ``/es/ferry/``; there,
only where the site's configuration loads jekyll-polyglot (built by Jekyll alone, ``es/ferry.md`` is
at ``/es/ferry.html``, where a ``[compile.links]`` rule leads).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any
from zoneinfo import ZoneInfo

from ..discovery import category_posts_end, in_underscore_folder
from ..page_front_matter import page_front_matter
from ..project import Project
from .jekyll_urls import JEKYLL_URL_KEYS, default_values, document_urls, jekyll_url, with_defaults
from .links import collection_document, jekyll_globbed

#: The first line of a page's YAML front matter.
_OPENING = re.compile(rb"(?:\xef\xbb\xbf)?---[ \t]*\r?\n")


def page_permalink(project: Project, article: Path) -> str | None:
    """The permalink the translations of the page or collection document ``article`` get (see the
    module): the URL Jekyll gives it (as polyglot pairs it: :func:`polyglot_key`) where its front
    matter sets no permalink, nor the site's ``defaults`` one without a ``:`` (one with,
    ``/dishes:path/``, gives the translation another URL); None: they set one, or ``article`` is a post (or in another ``_`` folder),
    or a page with a layout but ``polyglot`` (``directory``: the documents of a collection in a
    language folder alone), or no URL can be told (a document Jekyll dates at the build)."""
    relative = PurePosixPath(article.relative_to(project.articles_dir).as_posix())
    document = collection_document(project, relative)
    if document is None and (
        project.markdown_layout != "polyglot"
        or in_underscore_folder(project.jekyll_document_path(relative).parts)
    ):
        return None
    if not project.polyglot_site and not _builds_with_polyglot(project.root):
        return None  # (Jekyll alone publishes es/ferry.md at /es/ferry.html, where it is linked)
    front = page_front_matter(article, JEKYLL_URL_KEYS) or {}
    if _given(front.get("permalink")):
        return None
    values = default_values(
        project.jekyll_defaults.get("pages" if document is None else document[0], {}),
        relative.as_posix(),
        lambda pattern: jekyll_globbed(project.articles_dir, pattern),
    )
    if values:
        front = with_defaults(front, values)
    given = front.get("permalink")
    if _given(given) and ":" not in str(given):
        return None
    if document is not None:
        zone = ZoneInfo(project.jekyll_timezone) if project.jekyll_timezone else None
        label, inside = document
        urls = document_urls(
            inside,
            front,
            label,
            project.jekyll_collections[label],
            zone=zone,
            converted=project.content_suffixes,
        )
        url = urls[0] if urls else None
    else:
        url = jekyll_url(
            relative,
            front,
            project.source_url_prefix,
            project.jekyll_permalink,
            post=False,
            converted=project.content_suffixes,
        )
    languages = [project.locale_dir(locale) for locale in (project.source_locale, *project.locales)]
    return None if url is None else polyglot_key(url, languages)


def names_language(project: Project, article: Path) -> bool:
    """Whether the translations of ``article`` name their language in their front matter (``lang:
    es``, the key jekyll-polyglot reads it from before their path): a post in category folders
    (``news/_posts/a.md``, its translation in ``news/_posts/es/``, whose path polyglot reads no
    language from) whose front matter sets no ``lang``."""
    relative = PurePosixPath(article.relative_to(project.articles_dir).as_posix())
    if not project.polyglot_site or not category_posts_end(project.jekyll_document_path(relative).parts, 0):
        return False
    return not _given((page_front_matter(article, ("lang",)) or {}).get("lang"))


def keeps_lang(project: Project, article: Path) -> bool:
    """Whether the front matter of the Jekyll page, post or document ``article`` sets ``lang``, which
    jekyll-polyglot reads a page's language from before its path (and themes write as the page's
    ``<html lang>``): its translations then say their own there (:func:`with_lang`)."""
    if project.page_urls != "jekyll":
        return False
    return _given((page_front_matter(article, ("lang",)) or {}).get("lang"))


#: A ``lang`` line of a YAML front matter, not indented: its value (quoted or not) before a comment.
_LANG_LINE = re.compile(
    rb"^lang[ \t]*:[ \t]*(?:\"[^\"\r\n]*\"|'[^'\r\n]*'|[^\s#\"'][^\r\n#]*?)(?=[ \t]*(?:#[^\r\n]*)?\r?$)", re.M
)
#: The line that closes a YAML front matter.
_CLOSING = re.compile(rb"^---[ \t]*\r?$", re.M)


def with_lang(data: bytes, lang: str) -> bytes:
    """The page ``data`` whose front matter's ``lang`` line says ``lang`` (a comment after it kept);
    ``data`` as it is where it has no such line.

    >>> with_lang(b"---\\ntitle: A\\nlang: en # polyglot\\n---\\nlang: en\\n", "es")
    b'---\\ntitle: A\\nlang: "es" # polyglot\\n---\\nlang: en\\n'
    """
    opening = _OPENING.match(data)
    closing = None if opening is None else _CLOSING.search(data, opening.end())
    if opening is None or closing is None:
        return data
    found = _LANG_LINE.search(data, opening.end(), closing.start())
    if found is None:
        return data
    value = json.dumps(lang, ensure_ascii=False).encode("utf-8")
    return data[: found.start()] + b"lang: " + value + data[found.end() :]


def polyglot_key(url: str, languages: list[str]) -> str:
    """The URL ``url`` as jekyll-polyglot pairs a page's languages by it, each of ``languages``
    between ``/`` or ``.`` taken out (its ``document_url_regex``): the page of ``en/ferry.md`` at
    ``/en/ferry/`` is the one of ``/ferry/``, which its translation's permalink publishes at ``/es/ferry/``.

    >>> polyglot_key("/en/ferry/", ["en", "es"]), polyglot_key("/en/", ["en"]), polyglot_key("/entry/enough/", ["en"])
    ('/ferry/', '/', '/entry/enough/')
    """
    pattern = "|".join(f"[/.]{re.escape(language)}[/.]" for language in languages)
    return re.sub(pattern, "/", url) if pattern else url


def _builds_with_polyglot(root: Path) -> bool:
    """Whether the Jekyll site in the folder ``root`` loads jekyll-polyglot."""
    from ..site_generators.jekyll import loads_polyglot  # (a Jekyll site's alone: not loaded elsewhere)

    settings = site_settings(root)
    return settings is not None and (loads_polyglot(settings) or _gemfile_loads_polyglot(root))


def _gemfile_loads_polyglot(root: Path) -> bool:
    """Whether the Gemfile in ``root`` loads jekyll-polyglot (read once while it stays as it is)."""
    try:
        stat = (root / "Gemfile").stat()
    except OSError:
        return False
    return _gemfile_at(root, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=16)
def _gemfile_at(root: Path, _mtime: int, _size: int) -> bool:
    """:func:`_gemfile_loads_polyglot` of the Gemfile as it is at that time and size."""
    from ..site_generators.jekyll import gemfile_loads_polyglot

    return gemfile_loads_polyglot(root / "Gemfile")


def site_settings(root: Path) -> Mapping[str, Any] | None:
    """The settings of the Jekyll site in the folder ``root`` (its ``_config.yml``…, read once while
    it stays as it is; none when it cannot be read); None: it has no such file."""
    from ..site_generators.common import CONFIG_FILES  # (a Jekyll site's alone: not loaded elsewhere)

    for name in CONFIG_FILES["jekyll"]:
        try:
            stat = (root / name).stat()
        except OSError:
            continue
        return _settings_at(root, stat.st_mtime_ns, stat.st_size)
    return None


@functools.lru_cache(maxsize=16)
def _settings_at(root: Path, _mtime: int, _size: int) -> Mapping[str, Any] | None:
    """:func:`site_settings` of the configuration as it is at that time and size."""
    from ..site_generators.jekyll import jekyll_settings

    found = jekyll_settings(root)
    return None if found is None else found[1]


def _given(permalink: object) -> bool:
    """Whether ``permalink`` (a front matter's value) sets one."""
    return isinstance(permalink, str) and bool(permalink.strip())


def with_front_values(data: bytes, values: dict[str, str]) -> bytes:
    """The page ``data`` with ``values`` the first keys of its front matter (YAML strings), in order.

    >>> with_front_values(b"---\\ntitle: A\\n---\\nText\\n", {"permalink": "/about/", "lang": "es"})
    b'---\\npermalink: "/about/"\\nlang: "es"\\ntitle: A\\n---\\nText\\n'
    """
    opening = _OPENING.match(data)
    if opening is None or not values:  # (no article of a Jekyll site's folder: see discovery.jekyll_page)
        return data
    end = b"\r\n" if opening.group().endswith(b"\r\n") else b"\n"
    lines = b"".join(
        key.encode("utf-8") + b": " + json.dumps(value, ensure_ascii=False).encode("utf-8") + end
        for key, value in values.items()
    )
    return data[: opening.end()] + lines + data[opening.end() :]
