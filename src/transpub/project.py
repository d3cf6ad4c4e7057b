"""The project: ``transpub.toml``, its locales and the path scheme."""

from __future__ import annotations

import fnmatch
import functools
import json
import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from .config import (
    ENGINE_NAMES,
    FRONT_MATTER_KEYS,
    INCLUDE_PARAMS,
    SCHEMA,
    SHORTCODE_PARAMS,
    SHORTCODES_WITH_MARKDOWN,
    Key,
    Table,
    config_line,
    jekyll_collections_dir,
    suggest,
    validate_config,
)
from .discovery import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    Discovery,
    category_posts_end,
    discover_articles,
    in_posts_language_folder,
    in_shard,
    is_translation_name,
    jekyll_markdown_suffixes,
    jekyll_page,
    jekyll_reads,
    slug_for,
)
from .errors import ConfigError, ProjectNotFound
from .fsutil import check_memory_place, confine, real_path, resolved_folder
from .locales import folder_name, language_of, validate_locale
from .mkdocs_site import MkDocsFolders, MkDocsSite, find_mkdocs_config, read_mkdocs_folders, read_mkdocs_site

if TYPE_CHECKING:
    from .site_generators import SiteSetup

CONFIG_NAME = "transpub.toml"


@functools.lru_cache(maxsize=16)
def _inside(root: Path, *paths: Path | None) -> tuple[str, ...]:
    """The paths among ``paths`` that lie inside the project at ``root`` (relative to it, links resolved;
    remembered: every article of a run asks)."""
    inside = []
    for path in paths:
        if path is None:
            continue
        try:
            inside.append(Path(os.path.realpath(path)).relative_to(root.resolve()).as_posix())
        except ValueError:
            continue
    return tuple(inside)


#: The record of the files compile wrote as Markdown, in the folder it writes them into (see
#: :mod:`transpub.markdown_outputs`).
MARKDOWN_RECORD_NAME = ".transpub-outputs.json"


@dataclass(frozen=True)
class LocaleSettings:
    """Per-locale settings from ``[locale.<name>]``."""

    engine: str | None = None
    publish_threshold: float | None = None
    min_translated: float | None = None
    allow_fuzzy: bool | None = None
    formality: str | None = None  # "more", "less", "prefer_more", "prefer_less": for MT engines
    style: str | None = None  # house style, told to engines that take instructions (llm)


@dataclass(frozen=True)
class Project:
    """A loaded ``transpub.toml`` with every path made absolute."""

    root: Path
    name: str
    source_locale: str
    locales: tuple[str, ...]
    articles_dir: Path
    catalogs_dir: Path
    site_dir: Path
    glossary_path: Path | None
    memory_path: Path
    engine: str | None
    memory_url: str | None = None
    locale_settings: dict[str, LocaleSettings] = field(default_factory=dict)
    segmentation: str = "sentence"
    segmentation_overrides: dict[str, str] = field(default_factory=dict)
    extract_code: bool = False
    extract_pre: bool = True
    extract_link_urls: bool = False
    extract_bare_urls: bool = False
    extract_symbols: bool = False
    extract_attributes: tuple[str, ...] = ()
    front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS
    front_matter_markdown: tuple[str, ...] = ()
    #: Front matter keys whose value names another page by its title (``[extract.front_matter] title_refs``).
    front_matter_title_refs: tuple[str, ...] = ()
    shortcode_params: tuple[str, ...] = SHORTCODE_PARAMS
    include_params: tuple[str, ...] = INCLUDE_PARAMS
    shortcodes_with_markdown: tuple[str, ...] = SHORTCODES_WITH_MARKDOWN
    #: WordPress shortcodes read as markup in HTML articles (``[extract.shortcodes] wordpress``).
    wordpress_shortcodes: tuple[str, ...] = ()
    #: The site's own shortcodes whose inside is code (``[extract.shortcodes] code``).
    code_shortcodes: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    follow_symlinks: bool = False
    #: ``(index, count)``: work on one of ``count`` shards of the articles (``--shard I/N``).
    shard: tuple[int, int] | None = None
    scope_include: tuple[str, ...] = ()
    scope_exclude: tuple[str, ...] = ()
    fuzzy_threshold: float = 0.6
    publish_threshold: float = 80.0
    base_url: str | None = None
    #: ``[locale.<name>] base_url``: the root of the host of its own each such language's folder is
    #: published at (with its final slash), by locale.
    locale_base_urls: dict[str, str] = field(default_factory=dict)
    memory_score: float = 75.0
    engines: dict[str, dict[str, Any]] = field(default_factory=dict)
    check: dict[str, Any] = field(default_factory=dict)
    glossary_max_mb: float = 64.0
    #: ``[compile] format``: "html" (a finished site) or "markdown" (localized Markdown files).
    output_format: str = "html"
    #: ``[compile] layout``: "directory" (``<markdown_dir>/<lang>/<path>``), "suffix" (``<name>.<lang>.md``)
    #: or "polyglot" (a Jekyll site's folder: ``<lang>/about.md``, ``_posts/<lang>/a.md``; see :meth:`in_locale`).
    markdown_layout: str = "directory"
    #: ``[compile] markdown_dir`` (absolute), or None for the site folder.
    markdown_dir: Path | None = None
    #: ``[compile] copy_source``: the source-language file is written into the Markdown tree too.
    copy_source: bool = True
    #: ``[compile] heading_ids``: the generator whose id a translated Markdown heading keeps (None: none).
    heading_ids: str | None = None
    #: With ``heading_ids = "mkdocs"``: the site's ``mkdocs.yml`` as read for its headings' ids.
    mkdocs: MkDocsSite | None = None
    #: The folders the site's ``mkdocs.yml`` names (None: there is none above the articles folder).
    mkdocs_folders: MkDocsFolders | None = None
    #: Every locale's output folder name (source and targets), from ``locale_style`` and ``locale_dirs``.
    locale_dirs: dict[str, str] = field(default_factory=dict)
    #: ``[compile.url_dirs]``: a locale's folder in the site's URLs where it is not its output folder.
    url_dirs: dict[str, str] = field(default_factory=dict)
    #: ``[compile.ugly_urls]``: by locale, the sections whose pages Hugo publishes as ``….html``
    #: (``*``: every page; Hugo's ``uglyURLs``).
    ugly_urls: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: ``[compile.links]`` as (prefix, replacement) pairs, longest prefix first.
    link_rules: tuple[tuple[str, str], ...] = ()
    #: ``[compile.permalinks]``: by section, the URL pattern the site gives its source-language pages.
    permalinks: dict[str, str] = field(default_factory=dict)
    #: ``[compile.permalinks.<locale>]``: by locale, the patterns of its own that replace
    #: :attr:`permalinks` for its pages (a section they leave out is at its default URL).
    locale_permalinks: dict[str, dict[str, str]] = field(default_factory=dict)
    #: ``[compile] source_url_prefix``: what the URLs of the source-language pages start with ("/en").
    source_url_prefix: str = ""
    #: ``[compile] page_urls``: how the generator names a page's URL after its file (None: unset).
    page_urls: str | None = None
    #: ``[compile] jekyll_permalink``: the Jekyll site's ``permalink`` (a style's name or a pattern).
    jekyll_permalink: str = "date"
    #: ``[compile] jekyll_baseurl``: the Jekyll site's ``baseurl`` its links start with (``/blog``; "").
    jekyll_baseurl: str = ""
    #: ``[compile] jekyll_source`` (absolute): the Jekyll site's source folder, from which its
    #: Liquid tags name files (None: the project's folder).
    jekyll_source: Path | None = None
    #: ``[compile] jekyll_collections_dir`` (absolute): the Jekyll site's ``collections_dir``, the
    #: folder of its ``_posts`` and collections' ``_<label>`` folders (None: its source folder).
    jekyll_collections_dir: Path | None = None
    #: ``[compile] jekyll_timezone``: the IANA time zone Jekyll dates the site's posts in (None: not
    #: known, the building machine's).
    jekyll_timezone: str | None = None
    #: ``[compile.jekyll_defaults]``: by ``posts`` and ``pages``, the permalinks (or tables of the
    #: values that make URLs: ``permalink``, ``slug``, ``category``, ``categories``) the Jekyll
    #: site's ``defaults`` give them, by the start of their paths in the articles folder.
    jekyll_defaults: dict[str, dict[str, str | dict[str, Any]]] = field(default_factory=dict)
    #: ``[compile.jekyll_collections]``: by label, the permalink of each collection of the Jekyll
    #: site whose documents it publishes (``posts``: where theirs is not the site's).
    jekyll_collections: dict[str, str] = field(default_factory=dict)

    @property
    def config_path(self) -> Path:
        """The ``transpub.toml`` this project was loaded from."""
        return self.root / CONFIG_NAME

    def line_of(self, *names: str) -> int | None:
        """The line of a table or key in :attr:`config_path` (for an error found after loading it;
        None when the file says nothing of it or cannot be read again)."""
        try:
            return config_line(self.config_path.read_text(encoding="utf-8"), *names)
        except OSError:
            return None

    @property
    def memory_location(self) -> str | Path:
        """Where the translation memory lives: ``TRANSPUB_MEMORY_URL`` when set (it wins), else
        ``[paths] memory``: a ``postgresql://`` URL, or a SQLite file (a relative path from the project)."""
        from_environment = os.environ.get("TRANSPUB_MEMORY_URL")
        if from_environment:
            problem = memory_location_problem(from_environment)
            if problem:
                raise ConfigError(f"TRANSPUB_MEMORY_URL is {problem}")
            if _POSTGRES_URL.match(from_environment):
                return from_environment
            location = self.root / from_environment  # a SQLite file: from the project, as [paths] memory
        elif self.memory_url:
            return self.memory_url
        else:
            location = self.memory_path
        check_memory_place(self.root, location)
        return location

    @property
    def templates_dir(self) -> Path:
        """``locales/templates``: one POT per article."""
        return self.catalogs_dir / "templates"

    def template_path(self, slug: str) -> Path:
        """Where the POT of article ``slug`` lives (UnsafePathError if that is outside the catalogs folder)."""
        return confine(Path(os.path.join(self.catalogs_dir, "templates", f"{slug}.pot")), self.catalogs_dir)

    def catalog_folder(self, locale: str) -> str:
        """The folder of the PO files of ``locale`` (an article's in it, or in the folders of its slug)."""
        return os.path.join(self.catalogs_dir, locale, "LC_MESSAGES")

    def catalog_path(self, locale: str, slug: str) -> Path:
        """Where the PO of article ``slug`` for ``locale`` lives (UnsafePathError if outside the catalogs folder)."""
        path = os.path.join(self.catalog_folder(locale), f"{slug}.po")  # one Path, not four
        return confine(Path(path), self.catalogs_dir)

    @functools.cached_property
    def jekyll_site(self) -> tuple[Path, dict[str, Any]] | None:
        """The configuration file of the Jekyll site in the project's folder (``_config.yml``…) and
        its settings (none when it cannot be read), read once; None: it has none."""
        from .site_generators.jekyll import jekyll_settings  # (a Jekyll site's alone: not loaded elsewhere)

        return jekyll_settings(self.root)

    @functools.cached_property
    def markdown_suffixes(self) -> tuple[str, ...]:
        """The extensions of Markdown articles: on a Jekyll site (``[compile] layout = "polyglot"``, or
        its URLs or headings Jekyll's), those its ``markdown_ext`` names (by default ``.mkd`` too)."""
        if self.markdown_layout != "polyglot" and "jekyll" not in (self.page_urls, self.heading_ids):
            return MARKDOWN_SUFFIXES
        found = self.jekyll_site
        return jekyll_markdown_suffixes(found[1].get("markdown_ext") if found is not None else None)

    @property
    def article_suffixes(self) -> tuple[str, ...]:
        """The suffixes of articles (:data:`~transpub.discovery.ARTICLE_SUFFIXES` and the site's
        Markdown, :attr:`markdown_suffixes`): a file a link names is a page, not one to copy."""
        return (*ARTICLE_SUFFIXES, *self.markdown_suffixes)

    @property
    def content_suffixes(self) -> tuple[str, ...]:
        """The suffixes of the articles compile writes a content file of for a static-site generator
        (Markdown, :attr:`markdown_suffixes`, and HTML with front matter; a ``.txt`` article is
        published as an HTML page)."""
        return (*self.markdown_suffixes, *HTML_SUFFIXES)

    def jekyll_path(self, path: Path) -> PurePosixPath | None:
        """The path of the file at ``path`` in the Jekyll site's source folder (``[compile]
        jekyll_source``), as its Liquid tags name it (``en/harbour.md``); a post's or a collection's
        document's (a file in a ``_`` folder) in the site's ``collections_dir`` where it is there
        (``_posts/a.md`` for ``my_collections/_posts/a.md``, as Jekyll names it); None: outside it.

        >>> project = Project(Path("/p"), "p", "en", ("es",), Path("/p"), Path("/p/l"), Path("/p/s"),
        ...     None, Path("/p/m"), None, jekyll_collections_dir=Path("/p/c"))
        >>> [str(project.jekyll_path(Path(name))) for name in ("/p/c/_posts/a.md", "/p/c/a.md", "/p/a.md", "/q/a.md")]
        ['_posts/a.md', 'c/a.md', 'a.md', 'None']
        """
        collections = self.jekyll_collections_dir
        if collections is not None and path.is_relative_to(collections):
            inside = PurePosixPath(path.relative_to(collections).as_posix())
            if any(part.startswith("_") for part in inside.parent.parts):
                return inside
        source = self.jekyll_source or self.root
        return PurePosixPath(path.relative_to(source).as_posix()) if path.is_relative_to(source) else None

    def relative(self, path: Path) -> str:
        """``path`` relative to the project root when inside it, for messages and references."""
        resolved = real_path(path)
        root = resolved_folder(str(self.root))
        if resolved == root:
            return "."
        prefix = root.rstrip(os.sep) + os.sep
        if resolved.startswith(prefix):
            return resolved[len(prefix) :].replace(os.sep, "/")
        return str(path)

    def refuse_report_among_articles(self, path: Path, option: str) -> None:
        """ConfigError (a mistake on the command line) when the report file ``path`` (given as
        ``option``) would be written in the articles folder under a name articles have (``.html``,
        ``.md``…): the next extract would read the report as an article, translate and publish it."""
        if not path.name.lower().endswith(ARTICLE_SUFFIXES) or self.markdown_layout == "polyglot":
            return  # (a Jekyll site's: a report has no front matter, and extract reads no file without)
        if self.extract_reads_in(path):
            raise ConfigError(
                f"{option} {path} is in the articles folder ({self.relative(self.articles_dir)}/): the next "
                "extract would read the report as an article; write it elsewhere"
            )

    def extract_reads_in(self, path: Path) -> bool:
        """Whether ``path`` is in the articles folder where extract reads articles: not a hidden name
        there, a folder ``[paths] exclude`` leaves out, or one compile writes in the articles folder
        (the site's of ``articles = "."``, a language's posts in a polyglot site's ``_posts`` folder,
        a category's too: ``news/_posts/es/``)."""
        resolved, articles = real_path(path), resolved_folder(str(self.articles_dir)).rstrip(os.sep)
        if not resolved.startswith(articles + os.sep):
            return False
        parts = resolved[len(articles) + 1 :].split(os.sep)
        prefixes = ["/".join(parts[: count + 1]) for count in range(len(parts))]
        if any(part.startswith(".") for part in parts) or any(
            fnmatch.fnmatchcase(prefix, pattern) for prefix in prefixes for pattern in self.exclude
        ):
            return False
        if self.markdown_layout == "polyglot" and not jekyll_reads("/".join(parts), self.jekyll_folders):
            return False
        if self.polyglot_site and in_posts_language_folder(parts, self._language_folders()):
            return False  # (a language's posts, of a category too: news/_posts/es/)
        folders = [os.path.realpath(folder) for folder in self._markdown_output_dirs()]
        return not any(resolved.startswith(folder.rstrip(os.sep) + os.sep) for folder in folders)

    def locale_dir(self, locale: str) -> str:
        """The output folder name of ``locale`` (``[compile] locale_dirs`` / ``locale_style``)."""
        return self.locale_dirs.get(locale, locale)

    @property
    def markdown_root(self) -> Path:
        """Where localized Markdown is written: ``[compile] markdown_dir``, else beside the articles
        (suffix layout) or in the site folder (directory layout)."""
        if self.markdown_dir is not None:
            return self.markdown_dir
        return self.articles_dir if self.markdown_layout == "suffix" else self.site_dir

    @property
    def hugo_builds(self) -> bool:
        """Whether Hugo builds the site compile writes Markdown for (``[compile] heading_ids`` is Hugo's)."""
        return (self.heading_ids or "").startswith("hugo")

    def url_dir(self, locale: str) -> str:
        """The folder of ``locale``'s pages in the site's URLs (``[compile.url_dirs]``, else its
        output folder: :meth:`locale_dir`); "" where they are at the root of a host of their own
        (so too for a language with a ``base_url`` of its own: :meth:`host_of`)."""
        found = self.url_dirs.get(locale)
        if found is None:
            return "" if locale in self.locale_base_urls else self.locale_dir(locale)
        return found

    def host_of(self, locale: str | None) -> str | None:
        """The root of the host of its own where ``locale``'s folder is published (``[locale.<name>]
        base_url``), or None where it is published with the site's root folder (``locale`` None)."""
        return None if locale is None else self.locale_base_urls.get(locale)

    def url_folder(self, locale: str) -> str:
        """What a root-relative URL of a page in ``locale`` starts with before the page's own path:
        ``/`` and :meth:`url_dir` (``/zh-cn``), "" for a language at the root of its own host."""
        folder = self.url_dir(locale)
        return f"/{folder}" if folder else ""

    @property
    def has_permalinks(self) -> bool:
        """Whether ``[compile.permalinks]`` names a section's pattern, for any language."""
        return bool(self.permalinks or self.locale_permalinks)

    def permalinks_in(self, locale: str) -> dict[str, str]:
        """The permalink patterns of ``locale``'s pages by section: its own
        (``[compile.permalinks.<locale>]``) where it has them, else the source language's."""
        own = self.locale_permalinks.get(locale)
        return self.permalinks if own is None else own

    def ugly_url(self, locale: str, section: str) -> bool:
        """Whether Hugo publishes the pages of ``section`` (a top folder of the articles; "" for a
        page beside them) in ``locale`` as ``….html`` (:attr:`ugly_urls`)."""
        sections = self.ugly_urls.get(locale, ())
        return "*" in sections or (bool(section) and section in sections)

    def localized_link(self, url: str, locale: str) -> str | None:
        """A root-relative ``url`` rewritten by ``[compile.links]`` for pages in ``locale`` (the longest
        matching prefix wins, ``{lang}`` is the locale's folder), or None when no rule applies.

        >>> project = Project(Path("/p"), "p", "en", ("zh_CN",), Path("/p/a"), Path("/p/l"), Path("/p/s"),
        ...     None, Path("/p/m"), None, locale_dirs={"zh_CN": "zh-cn"},
        ...     link_rules=(("/docs/api/", "/api/{lang}/"), ("/docs/", "/{lang}/docs/")))
        >>> project.localized_link("/docs/intro/?q=1#top", "zh_CN"), project.localized_link("/docs/api/x", "zh_CN")
        ('/zh-cn/docs/intro/?q=1#top', '/api/zh-cn/x')
        >>> project.localized_link("/blog/", "zh_CN"), project.localized_link("//docs/", "zh_CN")
        (None, None)
        >>> project.url_dirs["zh_CN"] = ""  # (at the root of a host of its own)
        >>> project.localized_link("/docs/intro/", "zh_CN"), project.url_folder("zh_CN")
        ('/docs/intro/', '')
        """
        if not url.startswith("/") or url.startswith(("//", "/\\")):
            return None
        for prefix, replacement in self.link_rules:
            if url.startswith(prefix):
                folder = self.url_dir(locale)
                if not folder:  # (a language at the root of its own host: "/{lang}/docs/" is "/docs/")
                    replacement = replacement.replace("/{lang}", "")
                return replacement.replace("{lang}", folder) + url[len(prefix) :]
        return None

    def markdown_path(self, locale: str, article: Path, out_dir: Path | None = None) -> Path | None:
        """Where the Markdown article at ``article`` is written in ``locale`` under ``out_dir``
        (default :attr:`markdown_root`), by ``[compile] layout``; UnsafePathError outside it.

        For the source locale: None when ``copy_source`` is off or the place is the article itself.
        """
        root = out_dir if out_dir is not None else self.markdown_root
        path = self._markdown_place(locale, article.relative_to(self.articles_dir), root)
        if locale == self.source_locale and (
            not self.copy_source or os.path.abspath(path) == os.path.abspath(article)
        ):
            return None
        return confine(path, root)

    @property
    def jekyll_folders(self) -> tuple[str, ...]:
        """The folders starting with ``_`` whose files are read as articles with ``[compile] layout =
        "polyglot"``: the posts' and those of the collections of ``[compile.jekyll_collections]``
        (``_recipes``: those the site publishes; not a collection's whose documents it does not)."""
        folders = ("_posts", *(f"_{label}" for label in self.jekyll_collections if label != "posts"))
        return tuple("/".join((*self.jekyll_collections_prefix, folder)) for folder in folders)

    @functools.cached_property
    def jekyll_collections_prefix(self) -> tuple[str, ...]:
        """The parts of the path of the Jekyll site's ``collections_dir`` (``[compile]
        jekyll_collections_dir``) in the articles folder (``("my_collections",)``); none where it
        is the articles folder or not in it (the articles are its ``_posts`` folder)."""
        folder = self.jekyll_collections_dir
        articles = Path(os.path.abspath(self.articles_dir))
        return (
            folder.relative_to(articles).parts
            if folder is not None and folder.is_relative_to(articles)
            else ()
        )

    def jekyll_document_path(self, relative: PurePosixPath) -> PurePosixPath:
        """The path of the article at ``relative`` (below ``articles/``) as Jekyll names a post or a
        collection's document: in the site's ``collections_dir`` where it is in it
        (``my_collections/_posts/a.md`` is ``_posts/a.md``), else as it is.

        >>> project = Project(Path("/p"), "p", "en", ("es",), Path("/p"), Path("/p/l"), Path("/p/s"),
        ...     None, Path("/p/m"), None, jekyll_collections_dir=Path("/p/c"))
        >>> project.jekyll_document_path(PurePosixPath("c/_posts/a.md")), project.jekyll_document_path(PurePosixPath("a.md"))
        (PurePosixPath('_posts/a.md'), PurePosixPath('a.md'))
        """
        prefix = self.jekyll_collections_prefix
        inside = prefix and relative.parts[: len(prefix)] == prefix and len(relative.parts) > len(prefix)
        return PurePosixPath(*relative.parts[len(prefix) :]) if inside else relative

    def _document_depth(self, parts: tuple[str, ...]) -> int:
        """In a :attr:`polyglot_site`, how many of the first ``parts`` of a path below ``articles/``
        name the ``_`` folder whose files' language jekyll-polyglot reads from the folder after it:
        1 for ``_posts/a.md``, 2 for ``my_collections/_posts/a.md`` (``collections_dir``) and for
        ``news/_posts/a.md`` (a post in category ``news``); 0: none."""
        if not self.polyglot_site:
            return 0
        prefix = self.jekyll_collections_prefix
        at = len(prefix) if parts[: len(prefix)] == prefix else 0
        if len(parts) > at + 1 and parts[at].startswith("_"):
            return at + 1
        end = category_posts_end(parts, at) if at == len(prefix) else 0
        return end if len(parts) > end else 0

    @property
    def polyglot_site(self) -> bool:
        """Whether the articles are a Jekyll site's folder that compile writes each language's files
        into (``[compile] layout = "polyglot"``, ``markdown_dir`` the articles'), its posts' and
        collections' among them (see :meth:`in_locale`); not a folder of a language's pages (``en``)."""
        return self.markdown_layout == "polyglot" and os.path.abspath(self.markdown_root) == os.path.abspath(
            self.articles_dir
        )

    def in_locale(self, locale: str, relative: Path | PurePosixPath) -> PurePosixPath:
        """The path of the file in ``locale`` of the article at ``relative`` (below ``articles/``) below
        the Markdown folder, in a layout of language folders: ``<lang>/<relative>``; in a
        :attr:`polyglot_site`, that of a file in a ``_`` folder has the language after that folder, where jekyll-polyglot's
        ``lang_from_path`` reads it (``_posts/es/a.md``; ``es/_posts/a.md`` would be in category ``es``).

        >>> project = Project(Path("/p"), "p", "en", ("es",), Path("/p"), Path("/p/l"), Path("/p/s"),
        ...     None, Path("/p/m"), None, markdown_layout="polyglot", markdown_dir=Path("/p"))
        >>> project.in_locale("es", PurePosixPath("_posts/a.md")), project.in_locale("es", PurePosixPath("about.md"))
        (PurePosixPath('_posts/es/a.md'), PurePosixPath('es/about.md'))
        """
        parts, folder = PurePosixPath(relative).parts, self.locale_dir(locale)
        depth = self._document_depth(parts)
        return PurePosixPath(*parts[:depth], folder, *parts[depth:])

    def _from_locale(self, name: PurePosixPath, locale: str) -> PurePosixPath | None:
        """The path below ``articles/`` whose file in ``locale`` is at ``name`` by :meth:`in_locale`
        (unchecked); None: ``name`` is in no folder of that language."""
        parts, folder = name.parts, self.locale_dir(locale)
        depth = self._document_depth(parts)
        if depth and len(parts) > depth + 1 and parts[depth] == folder:
            return PurePosixPath(*parts[:depth], *parts[depth + 1 :])
        return PurePosixPath(*parts[1:]) if len(parts) > 1 and parts[0] == folder else None

    def _language_folders(self) -> list[str]:
        """The folder names of the source language and the locales (``en``, ``es``)."""
        return [self.locale_dir(loc) for loc in (self.source_locale, *self.locales)]

    def _locale_folders(self, root: Path) -> list[Path]:
        """The folders below ``root`` that compile writes languages' files into, in a layout of
        language folders: each language's, and in a :attr:`polyglot_site` its folder in each of
        :attr:`jekyll_folders` too."""
        folders = self._language_folders()
        inside = self.jekyll_folders if self.polyglot_site else ()
        return [root / folder for folder in folders] + [
            root / top / folder for top in inside for folder in folders
        ]

    def _markdown_place(self, locale: str, relative: Path | PurePosixPath, root: Path) -> Path:
        """Where the file in ``locale`` of the article at ``relative`` (below ``articles/``) goes under
        ``root`` by ``[compile] layout`` (unchecked: see :meth:`markdown_path`)."""
        folder = self.locale_dir(locale)
        if self.markdown_layout != "suffix":
            return root / self.in_locale(locale, relative)
        if locale == self.source_locale:
            return root / relative
        return root / relative.parent / f"{relative.stem}.{folder}{relative.suffix}"

    def markdown_article_at(self, key: str, locale: str, root: Path) -> PurePosixPath | None:
        """The article (its path below ``articles/``, there or gone) whose file in ``locale`` compile
        writes at ``key`` (a ``/``-separated path below ``root``) by the current ``[compile] layout``
        and locale folders (``copy_source`` aside); None when it writes no article's there: a name
        with ``..``, ``.`` or a hidden part, absolute, in another language's folder, not a content
        file's (``.md``, ``.html``…), or the article itself.

        >>> project = Project(Path("/p"), "p", "en", ("es",), Path("/p/content/en"), Path("/p/l"),
        ...     Path("/p/s"), None, Path("/p/m"), None, markdown_dir=Path("/p/content"))
        >>> [project.markdown_article_at(key, "es", Path("/p/content")) for key in ("es/posts/a.md", "es/_index.md")]
        [PurePosixPath('posts/a.md'), PurePosixPath('_index.md')]
        >>> [project.markdown_article_at(key, "es", Path("/p/content"))
        ...  for key in ("de/a.md", "es/../a.md", "/p/content/es/a.md", "es/.a.md", "es/a.png", "es")]
        [None, None, None, None, None, None]
        >>> project.markdown_article_at("en/a.md", "en", Path("/p/content"))  # the article itself
        """
        name = _plain_name(key)
        if name is None or name.suffix.lower() not in self.content_suffixes:
            return None
        if self.markdown_layout != "suffix":
            found = self._from_locale(name, locale)
            if found is None:
                return None
            relative = found
        elif locale == self.source_locale:
            relative = name
        else:
            stem, dot, infix = name.stem.rpartition(".")
            if not (dot and stem and infix == self.locale_dir(locale)):
                return None
            relative = name.with_name(stem + name.suffix)
        path = root / name
        if self._markdown_place(locale, relative, root) != path:
            return None
        if os.path.abspath(path) == os.path.abspath(self.articles_dir / relative):
            return None
        return relative

    def markdown_copy_source(self, key: str, locale: str, root: Path) -> PurePosixPath | None:
        """The file (its path below ``articles/``) whose copy compile writes at ``key`` (a
        ``/``-separated path below ``root``) for an article's file in ``locale`` by the current
        ``[compile] layout``: the image's place in the articles folder is taken to that language's
        folder (directory layout) or to ``root`` (suffix layout, another folder than the articles').
        None for a name no copy has: one a generator reads as a page (``.md``, ``.html``…: an
        article's file goes there, not an image; but on a Jekyll site the copy of such a file without
        front matter, which Jekyll renders as no page: the snippet a ``{% include_relative %}``
        names), a hidden one, another language's.

        >>> project = Project(Path("/p"), "p", "en", ("es", "de"), Path("/p/content/en"), Path("/p/l"),
        ...     Path("/p/s"), None, Path("/p/m"), None, markdown_dir=Path("/p/content"))
        >>> project.markdown_copy_source("es/img/a.png", "es", Path("/p/content"))
        PurePosixPath('img/a.png')
        >>> [project.markdown_copy_source(key, "es", Path("/p/content"))
        ...  for key in ("de/img/a.png", "es/_index.md", "es/../a.png", "es/.env", "a.png")]
        [None, None, None, None, None]
        """
        name = _plain_name(key)
        if name is None:
            return None
        if self.markdown_layout != "suffix":
            source = self._from_locale(name, locale)
        else:
            source = None if os.path.abspath(root) == os.path.abspath(self.articles_dir) else name
        if source is not None and source.suffix.lower() in self.content_suffixes:
            return source if self._jekyll_no_page(source) else None
        return source

    def _jekyll_no_page(self, relative: PurePosixPath) -> bool:
        """Whether the file at ``relative`` (below ``articles/``) is on a Jekyll site and there, but no
        page to it (no front matter: :func:`~transpub.discovery.jekyll_page`)."""
        path = self.articles_dir / relative
        return self.page_urls == "jekyll" and path.is_file() and not jekyll_page(str(path))

    def private_files(self) -> tuple[str, ...]:
        """transpub's own files and folders inside the project, which no article publishes (their
        paths in the project, ``/``-separated): ``transpub.toml``, the catalogs, the memory (see
        :func:`is_private`). The memory is both ``[paths] memory`` and the SQLite file
        ``TRANSPUB_MEMORY_URL`` names, which wins over it."""
        return _inside(self.root, self.config_path, self.catalogs_dir, self.memory_path, self._memory_file())

    def _memory_file(self) -> Path | None:
        """The SQLite file ``TRANSPUB_MEMORY_URL`` names (from the project), None when it names none."""
        value = os.environ.get("TRANSPUB_MEMORY_URL")
        if not value or memory_location_problem(value) or _POSTGRES_URL.match(value):
            return None
        return self.root / value

    def settings_for(self, locale: str) -> LocaleSettings:
        """The ``[locale.<name>]`` settings of ``locale`` (empty when absent)."""
        return self.locale_settings.get(locale, LocaleSettings())

    def engine_for(self, locale: str) -> str | None:
        """The MT engine for ``locale``: its own setting, else the project default."""
        own = self.settings_for(locale).engine
        return own if own is not None else self.engine

    def discover(self) -> Discovery:
        """Every source article under ``articles/`` (recursively) by slug, and what was refused and why."""
        found = discover_articles(
            self.articles_dir,
            self.root,
            self.exclude,
            self.follow_symlinks,
            translation_names=frozenset(name for loc in self.locales for name in (loc, self.locale_dir(loc))),
            output_dirs=self._markdown_output_dirs(),
            outputs=self._dropped_outputs(),
            private=self.private_files(),
            translation_infix=max(
                (f".{self.locale_dir(loc)}" for loc in self.locales),
                key=lambda infix: len(infix.encode()),
                default="",
            )
            if self.output_format == "markdown" and self.markdown_layout == "suffix"
            else "",
            jekyll_folders=self.jekyll_folders if self.markdown_layout == "polyglot" else None,
            language_folders=frozenset(self._language_folders()) if self.polyglot_site else frozenset(),
            markdown_suffixes=self.markdown_suffixes,
        )
        if self.shard is not None:
            found.articles = [article for article in found.articles if in_shard(article.slug, self.shard)]
        return found

    def _dropped_outputs(self) -> frozenset[str]:
        """The files in ``articles/`` that compile wrote as an article's Markdown in a language no
        longer among the project's locales, as the record of the files it wrote names them
        (:data:`MARKDOWN_RECORD_NAME`), each where compile writes that article's file in that
        language (``posts/a.fr.md``, ``fr/posts/a.md``): translations, not articles, until compile
        removes them. None when the record cannot be read (compile says so) or is outside the articles."""
        root = self.markdown_root
        articles = os.path.abspath(self.articles_dir)
        if self.output_format != "markdown" or not Path(os.path.abspath(root)).is_relative_to(articles):
            return frozenset()
        try:
            files = json.loads((root / MARKDOWN_RECORD_NAME).read_text(encoding="utf-8"))["files"]
            entries = [
                (key, value["locale"], value.get("article"))
                for key, value in files.items()
                if not value.get("used_by")
            ]
        except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return frozenset()
        configured = (self.source_locale, *self.locales)
        found = set()
        for key, locale, slug in entries:
            if not isinstance(key, str) or not isinstance(locale, str) or locale in configured:
                continue
            if self.dropped_translation_name(key, slug):
                path = os.path.abspath(os.path.join(root, *key.split("/")))
                found.add(os.path.join(os.fspath(self.articles_dir), os.path.relpath(path, articles)))
        return frozenset(found)

    def dropped_translation_name(self, key: str, slug: object) -> bool:
        """Whether ``key``, a name below the Markdown files' folder, is one compile gives the file of
        the article ``slug`` in a language by a folder name no configured language has: the one of
        a language taken out, whatever its folder was (``[compile] locale_style``, ``locale_dirs``
        taken out with it): ``posts/a.zh-cn.md``, ``zh-cn/posts/a.md`` of ``posts/a``.

        >>> project = Project(Path("/p"), "p", "en", ("es",), Path("/p/a"), Path("/p/l"), Path("/p/s"),
        ...     None, Path("/p/m"), None, markdown_layout="suffix")
        >>> [project.dropped_translation_name(key, "posts/a") for key in ("posts/a.zh-cn.md", "posts/a.es.md",
        ...     "posts/b.fr.md", "posts/a.md", "../a.fr.md")]
        [True, False, False, False, False]
        """
        name = _plain_name(key)
        if not isinstance(slug, str) or name is None or name.suffix.lower() not in self.content_suffixes:
            return False
        if self.markdown_layout != "suffix":
            parts = name.parts
            at = self._document_depth(parts)
            at = at if len(parts) > at + 1 else 0
            if len(parts) < at + 2:
                return False
            folder, relative = parts[at], PurePosixPath(*parts[:at], *parts[at + 1 :])
        else:
            stem, dot, folder = name.stem.rpartition(".")
            if not (dot and stem):
                return False
            relative = name.with_name(stem + name.suffix)
        taken = {self.locale_dir(locale) for locale in (self.source_locale, *self.locales)}
        return folder not in taken and slug_for(relative) == slug

    def _markdown_output_dirs(self) -> tuple[Path, ...]:
        """Folders inside ``articles/`` never read as articles: those compile writes, localized
        Markdown's and the site's (``articles = "."``: its pages, index and review copies are no
        articles), and a MkDocs theme's ``custom_dir`` (its templates, ``main.html``, are no pages)."""
        if self.markdown_layout != "suffix":
            folders = self._locale_folders(self.markdown_root)
        else:
            folders = [self.markdown_root]
        folders.append(self.site_dir)
        if self.mkdocs_folders is not None and self.mkdocs_folders.custom_dir is not None:
            folders.append(self.mkdocs_folders.custom_dir)  # a theme's templates (main.html): no pages
        articles = Path(os.path.abspath(self.articles_dir))
        return tuple(
            folder
            for folder in folders
            if articles in Path(os.path.abspath(folder)).parents and not articles.is_relative_to(folder)
        )

    def compile_never_writes(self, path: Path, root: Path) -> bool:
        """Whether ``path`` is in the articles folder where a compile of Markdown into ``root`` writes
        nothing (an article, its image): neither in a folder it writes a language into (``docs/de/``),
        nor a translation named beside its article (``a.de.md``). A record of compile's files naming
        such a file (one edited, or crafted in a pull request) must never have compile remove it."""
        absolute = Path(os.path.abspath(path))
        articles = Path(os.path.abspath(self.articles_dir))
        if articles not in absolute.parents:
            return False
        out = Path(os.path.abspath(root))
        if self.markdown_layout != "suffix":
            for folder in self._locale_folders(out):
                if folder in absolute.parents and not articles.is_relative_to(folder):
                    return False
            parts = absolute.relative_to(articles).parts if out == articles else ()
            depth = self._document_depth(parts) if parts else 0
            if depth and len(parts) > depth + 1 and parts[depth] in self._language_folders():
                return False  # (a language's posts of a category: news/_posts/es/)
        elif out != articles and out in absolute.parents:
            return False  # (another folder than the articles': the source's copies are written there too)
        names = frozenset(name for loc in self.locales for name in (loc, self.locale_dir(loc)))
        return not is_translation_name(
            absolute.name, names, html=self.markdown_layout == "suffix", markdown=self.markdown_suffixes
        )

    def article_paths(self) -> list[Path]:
        """Every source article that can be processed, sorted by slug (see :meth:`discover`)."""
        return [article.path for article in self.discover().articles]

    def slug_of(self, path: Path) -> str:
        """The slug of the article at ``path``: its path below ``articles/`` without the extension.

        A page bundle ``my-post/index.md`` is ``my-post``. A relative ``path`` is taken from the project root.
        """
        if not path.is_absolute():
            path = self.root / path
        try:
            relative = path.relative_to(self.articles_dir)
        except ValueError:
            relative = Path(path.name)
        return slug_for(PurePosixPath(relative.as_posix()))

    def select_locales(self, requested: tuple[str, ...] | list[str] | None) -> list[str]:
        """The target locales to work on: all of them, or those requested (which must be configured)."""
        if not requested:
            return list(self.locales)
        unknown = [loc for loc in requested if loc not in self.locales]
        if unknown:
            raise ConfigError(not_a_target(unknown[0], self.source_locale, self.locales), self.config_path)
        return list(dict.fromkeys(requested))


def _plain_name(key: str) -> PurePosixPath | None:
    """``key``, a record's name of a file below its folder, as a path; None unless it is relative and
    plain: no ``..``, ``.``, empty, hidden (``.git``) or backslashed part.

    >>> _plain_name("es/posts/a.md"), _plain_name("es//a.md"), _plain_name("../a.md"), _plain_name("/a.md")
    (PurePosixPath('es/posts/a.md'), None, None, None)
    """
    parts = key.split("/")
    if any(not part or part.startswith(".") or "\\" in part or "\0" in part for part in parts):
        return None
    return PurePosixPath(key)


def not_a_target(name: str, source: str, targets: tuple[str, ...] | list[str]) -> str:
    """Why ``name``, asked for with ``-l``, is no locale to work on, and what to do.

    >>> not_a_target("es_ES", "en", ["es", "de"])
    'locale es_ES is not a target of this project (targets: es de); did you mean es? To work on es_ES, add it to [project] locales'
    >>> not_a_target("it", "en", ["es", "de"])
    'locale it is not a target of this project (targets: es de; add it to [project] locales to work on it)'
    >>> not_a_target("en", "en", ["es", "de"])
    "locale en is the source locale (the articles' language), not a target (targets: es de)"
    """
    listed = " ".join(targets)
    if name == source:
        return (
            f"locale {name} is the source locale (the articles' language), not a target (targets: {listed})"
        )
    alike = [loc for loc in targets if language_of(loc) == language_of(name)]
    if alike:
        return (
            f"locale {name} is not a target of this project (targets: {listed}); did you mean "
            f"{' or '.join(alike)}? To work on {name}, add it to [project] locales"
        )
    return (
        f"locale {name} is not a target of this project (targets: {listed}; add it to [project] locales "
        "to work on it)"
    )


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``transpub.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ProjectNotFound(
        f"no {CONFIG_NAME} in {start} or its parents (run `transpub init` first, or pass --project DIR)"
    )


def _no_config_here(root: Path) -> str:
    """Why the folder ``root`` (given as ``--project``, holding no transpub.toml) is no project: it
    lies inside one (a folder of that project named instead of the project's own), or none."""
    try:
        above = find_project_root(root.parent)
    except ProjectNotFound:
        return f"no {CONFIG_NAME} here (run `transpub init` there first)"
    shown = os.path.relpath(above / CONFIG_NAME, root)
    return (
        f"no {CONFIG_NAME} here: this folder is inside the project of {shown} (--project names the folder "
        f"holding {CONFIG_NAME})"
    )


def load_project(root: Path | None = None, *, cwd: Path | None = None) -> Project:
    """Load the project at ``root``, or the one found from ``cwd`` upwards."""
    root = root.resolve() if root is not None else find_project_root(cwd or Path.cwd())
    config_path = root / CONFIG_NAME
    try:
        text = config_path.read_text(encoding="utf-8")
    except (FileNotFoundError, NotADirectoryError) as exc:
        if not root.is_dir():
            what = "not a folder" if isinstance(exc, NotADirectoryError) else "no such folder"
            raise ProjectNotFound(f"{what} (--project names the folder holding transpub.toml)", root) from exc
        raise ProjectNotFound(_no_config_here(root), root) from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"not UTF-8 text: {exc}", config_path) from exc
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message, line = _toml_problem(str(exc), text)
        raise ConfigError(f"not valid TOML: {message}", config_path, line) from exc
    except RecursionError as exc:  # (a value nested thousands deep, [[[…)
        raise ConfigError("not valid TOML: a value nested too deep", config_path) from exc
    except ValueError as exc:  # (a number of more digits than Python reads: 4300)
        raise ConfigError("not valid TOML: a number of more than 4300 digits", config_path) from exc
    return parse_config(root, raw, text=text)


_TOML_AT_LINE = re.compile(r"\s*\(at line (\d+), column \d+\)")
_TOML_AT_END = re.compile(r"\s*\(at end of document\)")
_TOML_TWICE = re.compile(r"Cannot declare \(((?:'[^']*',? ?)+)\) twice")


def _toml_problem(text: str, document: str = "") -> tuple[str, int | None]:
    r"""tomllib's message without its ``(at line N, column M)``, and N, for a ``transpub.toml:N:`` error;
    at the end of the ``document`` (a list or string left open), its last line.

    >>> _toml_problem("Cannot declare ('compile', 'links') twice (at line 32, column 7)")
    ('[compile.links] is declared twice: put its keys under the first one', 32)
    >>> _toml_problem("Invalid value (at end of document)", '[project]\nlocales = [\n')
    ('Invalid value at the end of the file (something left open?)', 2)
    """
    if _TOML_AT_END.search(text):
        last = len(document.splitlines()) or None
        return _TOML_AT_END.sub("", text) + " at the end of the file (something left open?)", last
    found = _TOML_AT_LINE.search(text)
    message = _TOML_AT_LINE.sub("", text)
    line = int(found.group(1)) if found else None
    twice = _TOML_TWICE.fullmatch(message)
    if twice:
        table = ".".join(re.findall(r"'([^']*)'", twice.group(1)))
        message = f"[{table}] is declared twice: put its keys under the first one"
    brackets = _UNCLOSED.get(message)
    if brackets is not None and line is not None:
        opened = _opened_on(document, line, *brackets)
        if opened is not None and opened != line:  # (tomllib says where it noticed, lines later)
            return f"{message}: the one opened on this line is not closed (seen on line {line})", opened
    return message, line


#: tomllib's messages of a list or inline table left open, and its brackets.
_UNCLOSED = {"Unclosed array": ("[", "]"), "Unclosed inline table": ("{", "}")}
#: A TOML string on one line (basic or literal), taken out before brackets are counted.
_TOML_STRING = re.compile(r'"(?:[^"\\\n]|\\.)*"|\'[^\'\n]*\'')


def _opened_on(document: str, line: int, opening: str, closing: str) -> int | None:
    r"""The nearest line at or above ``line`` of ``document`` that opens more ``opening`` brackets than
    it closes (strings and comments aside): where a list or table tomllib found unclosed begins.

    >>> _opened_on('[project]\nlocales = ["de",\n  "fr"\n\n[paths]\n', 5, "[", "]")
    2
    """
    lines = document.splitlines()
    for number in range(min(line, len(lines)), 0, -1):
        code = _TOML_STRING.sub('""', lines[number - 1]).split("#", 1)[0]
        if code.count(opening) > code.count(closing):
            return number
    return None


_POSTGRES_URL = re.compile(r"postgres(?:ql)?://", re.I)
#: A URL of another scheme (``postgresql+psycopg://``, ``mysql://``), or a libpq connection string.
_NOT_A_PATH = re.compile(
    r"[A-Za-z][A-Za-z0-9+.-]*://|.*\b(?:host|hostaddr|dbname|user|password|port)\s*=", re.S
)


def memory_location_problem(value: str) -> str | None:
    """Why ``value`` names no memory transpub can open (None: a ``postgresql://`` URL or a path).
    The value itself is not repeated: it may hold a password.

    >>> print(memory_location_problem("postgresql+psycopg://tm:secret@db/tm"))
    a postgresql+psycopg:// URL, which is no memory transpub can open: write postgresql://… (or postgres://…) for PostgreSQL, or a path for a SQLite file
    >>> memory_location_problem("postgresql://tm@db/tm"), memory_location_problem(".transpub/memory.sqlite")
    (None, None)
    """
    if _POSTGRES_URL.match(value) or not _NOT_A_PATH.match(value):
        return None
    shown = (
        f"a {value.split('://', 1)[0]}:// URL" if "://" in value else "a libpq connection string (key=value)"
    )
    return (
        f"{shown}, which is no memory transpub can open: write postgresql://… (or postgres://…) for "
        "PostgreSQL, or a path for a SQLite file"
    )


def locale_writing_in(out: Path, articles: Path, folders: Mapping[str, str]) -> str | None:
    """The locale (of ``folders``: each one's folder name) whose HTML pages or review copies compile
    writes in the folder ``articles`` when the site is ``out``: they would replace the articles
    (``articles = "en"``, ``site = "."``: ``en/skiing.html``); None when no language's are there.

    >>> locale_writing_in(Path("/p"), Path("/p/en"), {"en": "en", "de": "de"})
    'en'
    >>> locale_writing_in(Path("/p/site"), Path("/p/en"), {"en": "en"}) is None
    True
    """
    target = os.path.abspath(articles)
    for locale, folder in folders.items():
        for place in (Path(out) / folder, Path(out) / "_review" / folder):
            if os.path.abspath(place) == target:
                return locale
    return None


def _check_site_location(root: Path, paths: dict[str, Any], config_path: Path, text: str | None) -> None:
    """Refuse a site folder that is the catalogs' folder or inside transpub's own (``.transpub``):
    compile would write its pages and a folder per language among the catalogs, or among the state
    a run trusts. (The project's own folder, or one holding it, is a site's root some projects want.)"""
    site = Path(os.path.abspath(root / paths["site"]))
    state = Path(os.path.abspath(root)) / ".transpub"
    if site == Path(os.path.abspath(root / paths["catalogs"])):
        what = "the catalogs' folder"
    elif site == state or state in site.parents:
        what = "inside .transpub (transpub's own files)"
    else:
        return
    raise ConfigError(
        f"[paths] site ({paths['site']}) is {what}: compile would write its pages, index.html and a "
        "folder per language there; name a folder of its own (site)",
        config_path,
        config_line(text, "paths", "site"),
    )


def _check_memory_location(config: dict[str, Any], config_path: Path, text: str | None) -> None:
    """ConfigError naming the line for a ``[paths] memory`` that is neither a path nor a PostgreSQL
    URL (it was taken for a file name: a folder named after the URL, password included)."""
    problem = memory_location_problem(config["paths"]["memory"])
    if problem:
        raise ConfigError(f"[paths] memory is {problem}", config_path, config_line(text, "paths", "memory"))


def _check_engine_names(config: dict[str, Any], config_path: Path, text: str | None) -> None:
    """ConfigError, naming the line and the nearest name, for an engine transpub does not know in
    ``[translate] engine`` or ``[locale.<x>] engine`` (validation refused an ``[engines.<name>]``)."""
    named: list[tuple[tuple[str, ...], str | None]] = [
        (("translate", "engine"), config["translate"]["engine"])
    ]
    named += [(("locale", loc, "engine"), table.get("engine")) for loc, table in config["locale"].items()]
    for where, name in named:
        if name is not None and name not in ENGINE_NAMES:
            raise ConfigError(
                f"[{'.'.join(where[:-1])}] engine names an unknown engine {name!r}"
                + suggest(name, sorted(ENGINE_NAMES)),
                config_path,
                config_line(text, *where),
            )


def parse_config(root: Path, raw: dict[str, Any], *, text: str | None = None) -> Project:
    """Build a :class:`Project` from the parsed TOML of ``root/transpub.toml`` (``text``: its text,
    so that errors name the line)."""
    config_path = root / CONFIG_NAME
    config = validate_config(raw, text=text, where=config_path)
    proj, paths, extract = config["project"], config["paths"], config["extract"]

    source = validate_locale(
        proj["source_locale"], config_path, config_line(text, "project", "source_locale")
    )
    locales = proj["locales"]
    locales_line = config_line(text, "project", "locales")
    for loc in locales:
        validate_locale(loc, config_path, locales_line)
    if source in locales:
        raise ConfigError(f"the source locale {source} cannot also be a target", config_path, locales_line)
    repeated = sorted({loc for loc in locales if locales.count(loc) > 1})
    if repeated:
        raise ConfigError(f"[project] locales names {', '.join(repeated)} twice", config_path, locales_line)
    for table in ("locale", "check"):
        for name in config[table]:
            if (
                isinstance(config[table][name], dict)
                and name not in locales
                and (table, name) != ("locale", source)
            ):
                raise ConfigError(
                    f"[{table}.{name}] configures a locale that is not a target (add {name} to "
                    "[project] locales, or remove the table)",
                    config_path,
                    config_line(text, table, name),
                )

    _check_engine_names(config, config_path, text)
    _check_memory_location(config, config_path, text)
    compile_ = config["compile"]
    base_url = _with_slash(compile_["base_url"] or None)
    own_hosts = _locale_base_urls(config["locale"], [source, *locales], base_url, config_path, text)
    settings = {
        name: LocaleSettings(**{key: value for key, value in table.items() if key != "base_url"})
        for name, table in config["locale"].items()
        if name != source
    }
    glossary = paths["glossary"]
    locale_dirs = _locale_dirs(compile_, source, locales, config_path, text)
    markdown_dir = root / compile_["markdown_dir"] if compile_["markdown_dir"] else None
    articles_dir = Path(os.path.abspath(root / paths["articles"]))
    # HTML pages written into the articles folder itself would be read as articles (a site inside it
    # is left out of them; localized Markdown by directory there is, by its locale folders)
    if compile_["format"] == "html" and Path(os.path.abspath(root / paths["site"])) == articles_dir:
        raise ConfigError(
            f"[paths] site ({paths['site']}) is the articles folder: compile would write its pages among "
            "the articles; name another folder",
            config_path,
            config_line(text, "paths", "site") or config_line(text, "paths", "articles"),
        )
    if compile_["format"] == "html":
        _check_site_location(root, paths, config_path, text)
        replaced = locale_writing_in(root / paths["site"], articles_dir, locale_dirs)
        if replaced is not None:
            raise ConfigError(
                f"[paths] site ({paths['site']}) has compile write the {replaced} pages in the articles folder "
                f"({paths['articles']}): they would replace the articles; name another folder",
                config_path,
                config_line(text, "paths", "site") or config_line(text, "paths", "articles"),
            )
    if compile_["layout"] != "suffix":
        output_root = Path(os.path.abspath(markdown_dir or root / paths["site"]))
        for loc in locales:
            folder = output_root / locale_dirs[loc]
            if articles_dir == folder or folder in articles_dir.parents:
                raise ConfigError(
                    f"the articles folder ({paths['articles']}) is where compile writes the {loc} Markdown "
                    f"({project_relative(root, folder)}); change [compile] markdown_dir or locale_dirs",
                    config_path,
                    config_line(text, "compile", "markdown_dir") or config_line(text, "paths", "articles"),
                )
    mkdocs_config = find_mkdocs_config(articles_dir, root)
    return Project(
        root=root,
        name=proj["name"] if proj["name"] is not None else root.name,
        source_locale=source,
        locales=tuple(locales),
        articles_dir=root / paths["articles"],
        catalogs_dir=root / paths["catalogs"],
        site_dir=root / paths["site"],
        glossary_path=(root / glossary) if glossary else None,
        memory_path=root / paths["memory"],
        memory_url=paths["memory"] if _POSTGRES_URL.match(paths["memory"]) else None,
        engine=config["translate"]["engine"],
        locale_settings=settings,
        segmentation=extract["segmentation"],
        segmentation_overrides=dict(extract["segmentation_overrides"]),
        extract_code=extract["code"],
        extract_pre=extract["pre"],
        extract_link_urls=extract["link_urls"],
        extract_bare_urls=extract["bare_urls"],
        extract_symbols=extract["symbols"],
        extract_attributes=tuple(name.lower() for name in extract["attributes"]),
        front_matter_keys=tuple(extract["front_matter"]["translate"]),
        front_matter_markdown=tuple(extract["front_matter"]["markdown"]),
        front_matter_title_refs=tuple(extract["front_matter"]["title_refs"]),
        shortcode_params=tuple(extract["shortcodes"]["translate_params"]),
        include_params=tuple(extract["shortcodes"]["include_params"]),
        shortcodes_with_markdown=tuple(extract["shortcodes"]["markdown_inside"]),
        wordpress_shortcodes=tuple(extract["shortcodes"]["wordpress"]),
        code_shortcodes=tuple(extract["shortcodes"]["code"]),
        exclude=tuple(paths["exclude"]),
        follow_symlinks=paths["follow_symlinks"],
        scope_include=tuple(extract["include"]),
        scope_exclude=tuple(extract["exclude"]),
        fuzzy_threshold=parse_fuzzy_threshold(extract["fuzzy_threshold"], config_path),
        publish_threshold=float(config["compile"]["publish_threshold"]),
        base_url=base_url,
        locale_base_urls=own_hosts,
        memory_score=float(config["translate"]["memory_score"]),
        engines=config["engines"],
        check=config["check"],
        glossary_max_mb=float(paths["glossary_max_mb"]),
        output_format=compile_["format"],
        markdown_layout=compile_["layout"],
        markdown_dir=markdown_dir,
        copy_source=compile_["copy_source"],
        heading_ids=compile_["heading_ids"],
        mkdocs=read_mkdocs_site(mkdocs_config, root) if compile_["heading_ids"] == "mkdocs" else None,
        mkdocs_folders=read_mkdocs_folders(mkdocs_config, root) if mkdocs_config is not None else None,
        locale_dirs=locale_dirs,
        url_dirs=_url_dirs(compile_["url_dirs"], [source, *locales], config_path, text),
        ugly_urls=_ugly_urls(compile_["ugly_urls"], [source, *locales], config_path, text),
        link_rules=_link_rules(compile_["links"], config_path, text),
        permalinks={key: value for key, value in compile_["permalinks"].items() if isinstance(value, str)},
        locale_permalinks=_locale_permalinks(compile_["permalinks"], locales, config_path, text),
        source_url_prefix=compile_["source_url_prefix"].rstrip("/"),
        page_urls=compile_["page_urls"],
        jekyll_permalink=compile_["jekyll_permalink"].strip(),
        jekyll_baseurl=compile_["jekyll_baseurl"].rstrip("/"),
        jekyll_source=Path(os.path.abspath(root / compile_["jekyll_source"])),
        jekyll_collections_dir=Path(
            os.path.abspath(
                root / compile_["jekyll_source"] / jekyll_collections_dir(compile_["jekyll_collections_dir"])
            )
        ),
        jekyll_timezone=compile_["jekyll_timezone"],
        jekyll_defaults={what: dict(found) for what, found in compile_["jekyll_defaults"].items()},
        jekyll_collections=dict(compile_["jekyll_collections"]),
    )


def _locale_permalinks(
    permalinks: dict[str, Any], locales: list[str], where: Path, text: str | None
) -> dict[str, dict[str, str]]:
    """``[compile.permalinks.<locale>]``'s tables by locale; ConfigError for one that names no
    target locale of the project."""
    found = {name: dict(value) for name, value in permalinks.items() if isinstance(value, dict)}
    _only_locales("permalinks", found, locales, where, text, "a target locale")
    return found


def _with_slash(url: str | None) -> str | None:
    """A base URL with its final slash (None: none)."""
    return url if url is None or url.endswith("/") else url + "/"


def _locale_base_urls(
    tables: dict[str, dict[str, Any]], every: list[str], base_url: str | None, where: Path, text: str | None
) -> dict[str, str]:
    """Each ``[locale.<name>] base_url`` (``every``: the source locale, then the targets), with its
    final slash; ConfigError for the source's table setting more than it, two languages at one
    host's root, or a language whose pages then have no address (none of its own, no ``[compile]
    base_url``): the others' pages could not link to them."""
    source = every[0]
    for key, value in tables.get(source, {}).items():
        if key != "base_url" and value is not None:
            raise ConfigError(
                f"[locale.{source}] configures the source locale: only base_url belongs there "
                f"({key} is a translation's setting)",
                where,
                config_line(text, "locale", source, key),
            )
    found: dict[str, str] = {}
    for name in every:
        url = _with_slash(tables.get(name, {}).get("base_url") or None)
        if url is None:
            continue
        other = next((known for known, at in found.items() if at == url), None)
        if other is not None:
            raise ConfigError(
                f"[locale.{name}] base_url is [locale.{other}]'s too: two languages cannot both be at the root of {url}",
                where,
                config_line(text, "locale", name, "base_url"),
            )
        found[name] = url
    missing = [name for name in every if name not in found]
    if found and missing and base_url is None:
        first = next(iter(found))
        raise ConfigError(
            f"[locale.{first}] base_url publishes {first} at the root of a host of its own, so the other "
            f"languages' pages need an address too: {' and '.join(missing)} "
            f"{'has' if len(missing) == 1 else 'have'} none (set [locale.{missing[0]}] base_url, or "
            "[compile] base_url for languages in folders of one host)",
            where,
            config_line(text, "locale", first, "base_url"),
        )
    return found


def _url_dirs(own: dict[str, str], every: list[str], where: Path, text: str | None) -> dict[str, str]:
    """``[compile.url_dirs]``; ConfigError for a name that is no locale of the project."""
    _only_locales("url_dirs", own, every, where, text)
    return dict(own)


def _ugly_urls(
    own: dict[str, list[str]], every: list[str], where: Path, text: str | None
) -> dict[str, tuple[str, ...]]:
    """``[compile.ugly_urls]``; ConfigError for a name that is no locale of the project."""
    _only_locales("ugly_urls", own, every, where, text)
    return {locale: tuple(sections) for locale, sections in own.items() if sections}


def _only_locales(
    table: str, names: Iterable[str], every: list[str], where: Path, text: str | None, what: str = "a locale"
) -> None:
    """ConfigError for the first of ``names`` (of ``[compile.<table>]``) that is not one of ``every``."""
    for name in names:
        if name not in every:
            raise ConfigError(
                f"compile.{table} names {name!r}, which is not {what} of this project (locales: {' '.join(every)})",
                where,
                config_line(text, "compile", table, name),
            )


def _locale_dirs(
    compile_: dict[str, Any], source: str, locales: list[str], where: Path, text: str | None
) -> dict[str, str]:
    """Each locale's output folder: ``[compile] locale_dirs``, else ``locale_style``; ConfigError when a
    name is no locale of the project or two locales would share a folder."""
    own = compile_["locale_dirs"]
    every = [source, *locales]
    _only_locales("locale_dirs", own, every, where, text)
    folders = {loc: own.get(loc) or folder_name(loc, compile_["locale_style"]) for loc in every}
    seen: dict[str, str] = {}
    for loc, folder in folders.items():
        other = seen.setdefault(folder.casefold(), loc)
        if other != loc:
            raise ConfigError(
                f"{other} and {loc} would both be written to the folder {folder!r}; "
                "give them different [compile] locale_dirs",
                where,
                config_line(text, "compile", "locale_dirs", loc if loc in own else other),
            )
    return folders


def project_relative(root: Path, path: Path) -> str:
    """``path`` relative to the project ``root`` when inside it (else as given), for messages."""
    try:
        return Path(os.path.abspath(path)).relative_to(os.path.abspath(root)).as_posix()
    except ValueError:
        return str(path)


def _link_rules(links: dict[str, str], where: Path, text: str | None) -> tuple[tuple[str, str], ...]:
    """``[compile.links]`` as (prefix, replacement) pairs, longest prefix first; ConfigError for a
    prefix that is not a root-relative path."""
    for prefix in links:
        if not prefix.startswith("/") or prefix.startswith("//"):
            raise ConfigError(
                f'compile.links: {prefix!r} must be a root-relative link prefix such as "/docs/"',
                where,
                config_line(text, "compile", "links", prefix),
            )
    return tuple(sorted(links.items(), key=lambda rule: (-len(rule[0]), rule[0])))


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value == value


def parse_fuzzy_threshold(value: Any, where: Path | None = None) -> float:
    """``[extract] fuzzy_threshold`` as a fraction: 0-1 as is, or a percentage above 1 up to 100.

    >>> parse_fuzzy_threshold(0.6), parse_fuzzy_threshold(80), parse_fuzzy_threshold(1)
    (0.6, 0.8, 1.0)
    """
    if _is_number(value):
        if 0 <= value <= 1:
            return float(value)
        if 1 < value <= 100:
            return value / 100
    raise ConfigError(
        f"extract.fuzzy_threshold must be a similarity from 0 to 1 (0.6) or a "
        f"percentage up to 100 (60), not {value!r}",
        where,
    )


def render_gitignore(site: str = "site") -> str:
    """The ``.gitignore`` of a new project: transpub's local state, the generated site, temporary files.

    ``.transpub/`` holds the translation memory (a local cache of machine translations), the
    catalogs' lock files, the manifest of incremental runs and the documents extract read (for
    compile); ``.*.tmp`` are files being written
    (left behind only by a killed run).
    """
    return (
        "# transpub: local state (translation memory cache, catalog locks, manifest), the built site, "
        "temporary files\n"
        f"/.transpub/\n/{site.strip('/')}/\n.*.tmp\n"
    )


def init_project(
    directory: Path,
    *,
    source: str,
    locales: list[str],
    name: str | None = None,
    engine: str | None = None,
    site: SiteSetup | None = None,
) -> list[Path]:
    """Create a project in ``directory`` (what ``transpub init`` does); return the files written.

    Writes transpub.toml, articles/, locales/, glossary/terms.csv and a .gitignore (an existing
    .gitignore gets the missing lines appended). In a static site's folder (``site``, see
    :mod:`transpub.site_generators`) transpub.toml holds the site's settings and no articles/ is
    made: the site's content folder is the articles'. Nothing is written when transpub.toml already
    exists, or a locale is unknown or repeated as the source (ConfigError).
    """
    config = directory / CONFIG_NAME
    if config.exists():
        raise ConfigError(f"{config} already exists; not overwriting it")
    for loc in (source, *locales):
        validate_locale(loc)
    if source in locales:
        raise ConfigError(f"the source locale {source} cannot also be a target")
    written: list[Path] = []
    directory.mkdir(parents=True, exist_ok=True)
    folders = ("locales", "glossary") if site else ("articles", "locales", "glossary")
    glossary = directory / "glossary" / "terms.csv"
    # (a repository may hold links: none of them may lead a file written here out of the folder)
    for path in (config, directory / ".gitignore", glossary, *(directory / sub for sub in folders)):
        confine(path, directory)
    for sub in folders:
        (directory / sub).mkdir(exist_ok=True)
    if not glossary.exists():
        glossary.write_text("term," + ",".join(locales) + ",note\n", encoding="utf-8")
        written.append(glossary)
    ignored = render_gitignore(site.site_folder if site else "site")
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text(ignored, encoding="utf-8")
        written.append(ignore)
    else:
        existing = ignore.read_text(encoding="utf-8")
        present = {line.strip() for line in existing.splitlines()}
        lines = ignored.splitlines()
        missing = [line for line in lines[1:] if line not in present]
        if missing:
            separator = "" if existing.endswith("\n") or not existing else "\n"
            ignore.write_text(existing + separator + "\n".join([lines[0], *missing]) + "\n", encoding="utf-8")
            written.append(ignore)
    config.write_text(
        render_config(name or directory.resolve().name, source, list(locales), engine, site), encoding="utf-8"
    )
    written.append(config)
    return written


def _toml_value(value: Any) -> str:
    """``value`` written by the TOML writer (lists on one line)."""
    if isinstance(value, list):
        return "[" + ", ".join(_toml_value(item) for item in value) + "]"
    import tomli_w  # (only ``transpub init`` writes TOML)

    return tomli_w.dumps({"v": value})[len("v = ") :].rstrip("\n")


def _setting_line(
    table: str, key: str, value: Any = None, *, commented: bool = False, comment: str | None = None
) -> str:
    """``key = value`` with ``comment``, else the schema's explanation, as a comment (the schema's
    default when no value); ``table`` may be a sub-table (``extract.front_matter``)."""
    spec: Any = SCHEMA
    for part in table.split("."):
        spec = spec.keys[part]
    assert isinstance(spec, Table)
    setting = spec.keys[key]
    assert isinstance(setting, Key)
    text = f"{key} = {_toml_value(setting.default if value is None else value)}"
    if commented:
        text = "# " + text
    comment = _one_line(comment or setting.doc)
    return f"{text:<27} # {comment}" if comment else text


def _one_line(comment: str | None) -> str | None:
    """``comment`` as a TOML comment holds it: a line break or other control character (a site's
    folder or collection named with one, read from its config) written as its escape, so that no
    name a site's config gives can end the comment and add settings of its own.

    >>> print(_one_line("x" + chr(10) + "[engines.llm]" + chr(13)))
    x\\n[engines.llm]\\r
    """
    if comment is None:
        return None
    return "".join(
        char if char == "\t" or (char >= " " and char != "\x7f") else repr(char)[1:-1] for char in comment
    )


#: The tables of transpub.toml a site's ``init`` may set, whose keys are free.
SITE_TABLES = (
    "compile.locale_dirs",
    "compile.url_dirs",
    "compile.ugly_urls",
    "compile.links",
    "compile.permalinks",
    "compile.jekyll_collections",
    "compile.jekyll_defaults.posts",
    "compile.jekyll_defaults.pages",
)


#: The tables of transpub.toml a site's ``init`` may set by a name of its own (a collection's label,
#: a locale), whose keys are free.
_NAMED_SITE_TABLES = ("compile.permalinks.", "compile.jekyll_defaults.")


def _free_tables(site: SiteSetup) -> tuple[str, ...]:
    """The tables of :data:`SITE_TABLES`, then the ``[compile.permalinks.<locale>]`` and the
    ``[compile.jekyll_defaults.<label>]`` ``site`` sets, in that order."""
    named = [name for start in _NAMED_SITE_TABLES for name in site.settings if name.startswith(start)]
    return (*SITE_TABLES, *(name for name in named if name not in SITE_TABLES))


def _site_tables(site: SiteSetup, tables: tuple[str, ...]) -> list[str]:
    """The lines of ``tables`` (``compile.links``…) that ``site`` sets, each under its header."""
    lines: list[str] = []
    for table in tables:
        values = site.settings.get(table)
        free = table in SITE_TABLES or table.startswith(_NAMED_SITE_TABLES)
        if values is None or (not values and not table.startswith("compile.permalinks.")):
            continue  # (a locale's own permalinks, none: its pages are at their default URLs)
        lines += ["", f"[{_table_header(table)}]"]
        schema_keys = not free
        for key, value in values.items():
            if schema_keys:
                lines.append(_setting_line(table, key, value, comment=site.comments.get(f"{table}.{key}")))
            else:
                lines.append(_free_line(key, value))
    return lines


def _table_header(table: str) -> str:
    """The name of ``table`` in its header: a name of the site's own after a table of
    :data:`_NAMED_SITE_TABLES` (a collection's label) quoted where TOML needs it, so that it stays
    one table's name, whatever it holds (``.``, ``]``, a line break).

    >>> print(_table_header("compile.jekyll_defaults.posts"), _table_header("compile.jekyll_defaults.a.b]"))
    compile.jekyll_defaults.posts compile.jekyll_defaults."a.b]"
    """
    for start in _NAMED_SITE_TABLES:
        if table.startswith(start) and table not in SITE_TABLES:
            return start + _toml_key(table[len(start) :])
    return table


def _toml_key(key: str) -> str:
    """``key`` as the TOML writer writes it: bare where it can be, else quoted."""
    import tomli_w  # (only ``transpub init`` writes TOML)

    return tomli_w.dumps({key: 0}).rstrip("\n")[: -len(" = 0")]


def _free_line(key: str, value: Any) -> str:
    """``key = value`` in a table whose keys are free, a table inline (``"news" = { slug = "x" }``).

    >>> _free_line("_posts/news", {"slug": "x", "categories": ["A"]}), _free_line("", "/b/:title/")
    ('"_posts/news" = { slug = "x", categories = ["A"] }', '"" = "/b/:title/"')
    """
    name = _toml_key(key)
    if not isinstance(value, dict):
        return f"{name} = {_toml_value(value)}"
    inner = ", ".join(_free_line(inner, item) for inner, item in value.items())
    return f"{name} = {{ {inner} }}"


def _scope_lines() -> list[str]:
    """The commented ``include``/``exclude`` lines of a project of HTML pages: without them a CMS's
    whole page (menus, sharing buttons, footers) goes to the translators and the engine."""
    return [
        _setting_line(
            "extract",
            "include",
            ["title", "article"],
            commented=True,
            comment="CSS selectors of what to translate (default: the whole page, menus and footers too)",
        ),
        _setting_line("extract", "exclude", ["nav", "footer", ".share"], commented=True),
    ]


def render_config(
    name: str, source: str, locales: list[str], engine: str | None = None, site: SiteSetup | None = None
) -> str:
    """The text of a new ``transpub.toml`` (used by ``transpub init``): values written by a TOML
    writer, defaults and explanations taken from the schema (:mod:`transpub.config`); in a static
    site's folder, with the settings ``site`` proposes."""
    paths = {"glossary": "glossary/terms.csv", **(site.settings["paths"] if site else {})}
    compile_ = site.settings.get("compile", {}) if site else {}
    lines = [
        "# transpub project configuration",
        "[project]",
        _setting_line("project", "name", name),
        _setting_line("project", "source_locale", source),
        _setting_line("project", "locales", list(locales)),
        "",
        "[paths]",
        *(
            _setting_line(
                "paths", key, paths.get(key), comment=site.comments.get(f"paths.{key}") if site else None
            )
            for key in ("articles", "catalogs", "site", "glossary", "memory")
        ),
        *(
            [_setting_line("paths", "exclude", paths["exclude"], comment=site.comments.get("paths.exclude"))]
            if site and paths.get("exclude")
            else []
        ),
        "",
        "[extract]",
        *(_setting_line("extract", key) for key in ("segmentation", "code", "pre", "fuzzy_threshold")),
        *(_site_tables(site, ("extract.front_matter",)) if site else _scope_lines()),
        "",
        "[translate]",
        _setting_line("translate", "engine", engine)
        if engine
        else _setting_line("translate", "engine", "apertium", commented=True),
        "",
        "[compile]",
        _setting_line("compile", "publish_threshold", 80),
        *(
            _setting_line("compile", key, value, comment=site.comments.get(f"compile.{key}"))
            for key, value in compile_.items()
            if site
        ),
        *(_site_tables(site, _free_tables(site)) if site else []),
        "",
        "# Per-locale settings, e.g.:",
        "# [locale.es]",
        '# engine = "apertium"',
        "# publish_threshold = 60",
        "# min_translated = 100      # used by `transpub check`",
        '# base_url = "https://news.example.es/"  # its pages on a host of their own (site/es/ is its root)',
    ]
    return "\n".join(lines) + "\n"


def output_shown(project: Project, out_dir: Path | None, path: Path) -> str:
    """A file compile writes as the user finds it: below the output folder ``out_dir`` (``es/a.html``
    in ``site/``), else below the project (``_posts/es/a.md``)."""
    if out_dir is not None:  # as strings first: a run lists thousands of pages
        here, folder = str(path), str(out_dir).rstrip(os.sep) + os.sep
        if here.startswith(folder) and ".." not in here.split(os.sep):
            return here[len(folder) :].replace(os.sep, "/")
    if out_dir is not None and path.is_relative_to(out_dir):
        return path.relative_to(out_dir).as_posix()
    return project.relative(path)
