"""Jekyll with jekyll-polyglot: its posts or a source-language folder of pages, and what its
``_config.yml`` lacks."""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from typing import Any

from transpub.config import is_jekyll_permalink, is_time_zone, jekyll_collections_dir, jekyll_page_end

from .common import (
    CONFIG_FILES,
    Site,
    SiteSetup,
    config_tables,
    dumped_settings,
    folder_setting,
    found_line,
    join_folders,
    read_site_settings,
    site_folder_of,
)

#: Front matter keys translated on a Jekyll site: not categories, which are in its posts' URLs.
JEKYLL_FRONT_MATTER = ["title", "description", "excerpt", "tags"]


#: What Jekyll 4 leaves out of every site, whatever its ``exclude`` says.
_ALWAYS_EXCLUDED = ("Gemfile", "Gemfile.lock", "node_modules", "vendor")


def jekyll_settings(folder: Path) -> tuple[Path, dict[str, Any]] | None:
    """The Jekyll site's configuration file in ``folder`` (``_config.yml``…) and its settings (none
    when it cannot be read); None when there is no such file."""
    for name in CONFIG_FILES["jekyll"]:
        if (folder / name).is_file():
            return folder / name, read_site_settings(folder / name, "jekyll")[0]
    return None


def loads_polyglot(settings: Mapping[str, Any], folder: Path | None = None) -> bool:
    """Whether a Jekyll site whose settings are ``settings`` loads jekyll-polyglot: its
    ``plugins`` or ``gems`` list it, or the ``Gemfile`` in its folder ``folder`` puts it in the
    ``:jekyll_plugins`` group, which Jekyll loads whatever ``_config.yml`` says."""
    listed = any(
        isinstance(names, list) and "jekyll-polyglot" in names
        for names in (settings.get("plugins"), settings.get("gems"))
    )
    return listed or (folder is not None and gemfile_loads_polyglot(folder / "Gemfile"))


#: The start of a Gemfile line opening a group: ``group`` (what names the group, then ``do``, follow).
_GROUP = re.compile(r"\s*group\b")
#: ``:jekyll_plugins`` (or quoted) on such a line, before its ``do``.
_PLUGINS = re.compile(r"[:'\"]jekyll_plugins\b")
_DO = re.compile(r"\bdo\b")
#: A Gemfile line ``gem "jekyll-polyglot"`` (what follows it on its line: group 1).
_POLYGLOT_GEM = re.compile(r"""\s*gem\s*(?:\(\s*)?["']jekyll-polyglot["'](.*)""")
#: A line ending a block.
_END = re.compile(r"\s*end\b")
#: ``group:`` or ``groups:`` after a gem's name, before the groups it names.
_GROUP_OPTION = re.compile(r"\bgroups?\b")


def gemfile_loads_polyglot(gemfile: Path) -> bool:
    """Whether the Gemfile ``gemfile`` puts jekyll-polyglot in the group Jekyll loads by itself
    (see :func:`polyglot_in_plugin_group`); False when there is none or it cannot be read."""
    try:
        return polyglot_in_plugin_group(gemfile.read_text(encoding="utf-8", errors="replace"))
    except OSError:
        return False


def polyglot_in_plugin_group(gemfile: str) -> bool:
    r"""Whether the Gemfile text ``gemfile`` puts jekyll-polyglot in the ``:jekyll_plugins`` group.

    >>> polyglot_in_plugin_group('group :jekyll_plugins do\n  gem "jekyll-polyglot", "~> 1.5"\nend\n')
    True
    >>> polyglot_in_plugin_group('gem "jekyll-polyglot", group: :jekyll_plugins\n')
    True
    >>> polyglot_in_plugin_group('gem "jekyll-polyglot"\ngroup :jekyll_plugins do\n  gem "jekyll-feed"\nend\n')
    False
    >>> polyglot_in_plugin_group('# gem "jekyll-polyglot", group: :jekyll_plugins\n')
    False
    >>> polyglot_in_plugin_group('group :jekyll_plugins do\nend\ngem "jekyll-polyglot"\n')
    False
    """
    in_group = False  # (line by line, each looked at once: a Gemfile is anyone's text)
    for whole in gemfile.split("\n"):
        line = whole.partition("#")[0]  # (comments)
        if in_group and _END.match(line):
            in_group = False
            continue
        opened = _group_body(line) if not in_group else None
        gem = _POLYGLOT_GEM.match(line if opened is None else opened)
        if gem is not None:
            if in_group or opened is not None:
                return True
            named = _GROUP_OPTION.search(gem.group(1))
            if named is not None and "jekyll_plugins" in gem.group(1)[named.end() :]:
                return True
        in_group = in_group or opened is not None
    return False


def _group_body(line: str) -> str | None:
    """What follows ``do`` on ``line`` when it opens the ``:jekyll_plugins`` group, else None."""
    if not _GROUP.match(line):
        return None
    plugins = _PLUGINS.search(line)
    do = None if plugins is None else _DO.search(line, plugins.end())
    return None if do is None else line[do.end() :]


def site_collections_dir(settings: Mapping[str, Any]) -> str:
    """The folder of the site's posts and collections (``collections_dir``) in its source folder, as
    Jekyll reads it (see :func:`~transpub.config.jekyll_collections_dir`); "." for the source folder."""
    return jekyll_collections_dir(folder_setting(settings.get("collections_dir"), "."))


def jekyll_publishes(source: Path, path: Path, settings: Mapping[str, Any]) -> bool:
    """Whether ``jekyll build`` copies the file ``path`` into the site whose source folder is
    ``source`` and whose settings are ``settings``: inside it, with no part of its path starting
    with ``_`` or ``.``, and none that ``exclude`` names (a path, a folder or a glob).

    >>> site = Path("/s")
    >>> [jekyll_publishes(site, Path(f"/s/{p}"), {"exclude": ["reports/", "*.tmp.html"]})
    ...  for p in ("report.html", "_r/x.html", "reports/x.html", "a.tmp.html")]
    [True, False, False, False]
    """
    real, top = os.path.realpath(path), os.path.realpath(source)
    if not real.startswith(top.rstrip(os.sep) + os.sep):
        return False
    relative = PurePosixPath(*real[len(top.rstrip(os.sep)) + 1 :].split(os.sep))
    if any(part.startswith(("_", ".")) for part in relative.parts):
        return False
    patterns = [*_ALWAYS_EXCLUDED, *_excluded(settings)]
    return not any(
        fnmatchcase(str(relative), pattern.strip("/")) or str(relative).startswith(pattern.strip("/") + "/")
        for pattern in patterns
    )


def jekyll_setup(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """Jekyll with jekyll-polyglot: a blog's folder, its posts (``_posts/es/``, in its ``collections_dir``)
    and pages (``es/about.md``; its posts alone where ``source`` moves them), the pages of a
    source-language folder (``en/`` → ``es/``), or else the documents of a collection's
    (``_recipes/en/`` → ``_recipes/es/``)."""
    settings = site.settings
    base = folder_setting(settings.get("source"), ".")
    collections = join_folders(base, site_collections_dir(settings))
    posts = join_folders(collections, "_posts")
    pages = join_folders(base, source)
    published = _published_collections(settings)
    label = next(
        (label for label in published if (site.folder / collections / f"_{label}" / source).is_dir()), None
    )
    if (
        base == "."
        and ((site.folder / posts).is_dir() or not (site.folder / pages).is_dir())
        and label is None
    ):
        articles, markdown_dir, what = ".", ".", "site"
    elif (site.folder / posts).is_dir() or not ((site.folder / pages).is_dir() or label is not None):
        articles, markdown_dir, what = posts, posts, "posts"
    elif (site.folder / pages).is_dir() or label is None:
        articles, markdown_dir, what = pages, base, "pages"
    else:
        markdown_dir = join_folders(collections, f"_{label}")
        articles, what = join_folders(markdown_dir, source), label
    compile_ = {
        "format": "markdown",
        "layout": "polyglot" if what in ("site", "pages") else "directory",
        "markdown_dir": markdown_dir,
        "copy_source": False,
        "heading_ids": "jekyll",
        "page_urls": "jekyll",
    }
    if what == "pages":
        compile_["source_url_prefix"] = f"/{source}"
    permalink = _jekyll_permalink(settings, what)
    if permalink is not None:
        compile_["jekyll_permalink"] = permalink
    if base != ".":
        compile_["jekyll_source"] = base
    if collections != base:
        compile_["jekyll_collections_dir"] = site_collections_dir(settings)
    baseurl = settings.get("baseurl")
    if isinstance(baseurl, str) and baseurl.strip().strip("/"):
        compile_["jekyll_baseurl"] = "/" + baseurl.strip().strip("/")
    zone, zone_notes = _jekyll_timezone(settings, site.config_name)
    if zone is not None:
        compile_["jekyll_timezone"] = zone
    destination = folder_setting(settings.get("destination"), "_site")
    paths: dict[str, Any] = {"articles": articles, "site": site_folder_of([destination, posts])}
    if what == "site":
        paths["exclude"] = _unpublished(settings, paths["site"])
    front_matter = {"translate": list(JEKYLL_FRONT_MATTER)}
    where = join_folders(markdown_dir, locales[0])
    if what == "site":
        where = "/, ".join(
            (where, *(join_folders(collections, f"_{label}", locales[0]) for label in ("posts", *published)))
        )
    notes = zone_notes
    additions = _jekyll_additions(
        settings, site.folder, source, locales, ["locales", "glossary", "transpub.toml", paths["site"]]
    )
    found = (
        "its pages and posts"
        + (
            f" and the documents of its collection{'s' * (len(published) > 1)} {', '.join(published)}"
            if published
            else ""
        )
        + " are the articles (not those in its _layouts/, _includes/ and other _ folders, "
        "nor those its exclude names)"
        if what == "site"
        else f"its {what} in {articles}/ are the articles"
    )
    return SiteSetup(
        site,
        found_line(site, f"{found}, each language's in a folder of its own for jekyll-polyglot ({where}/)"),
        {
            **config_tables(paths, compile_, {}, {}, front_matter),
            **_jekyll_collections(settings, published, what),
            **_jekyll_defaults(settings, what, source, tuple(published) if what == "site" else ()),
        },
        {
            "paths.site": f"HTML pages of HTML articles (not {destination}/, where jekyll builds the site)",
            "paths.exclude": f"what {site.config_name}'s exclude leaves out of the site",
            "compile.layout": f"{locales[0]}/about.md"
            + (f", {join_folders(collections, '_posts', locales[0])}/…" if what == "site" else "")
            + ", where jekyll-polyglot reads the language",
            "compile.markdown_dir": f"→ {where}/…",
            "compile.copy_source": f"the {'pages and posts' if what == 'site' else what} of {source} stay where they are",
            "extract.front_matter.translate": "not categories: they are in the posts' URLs",
            "compile.page_urls": "Jekyll's URLs, for finding the page a link leads to",
            "compile.jekyll_baseurl": f"{site.config_name}'s baseurl",
            "compile.jekyll_source": f"{site.config_name}'s source, the folder {{% link %}} names files in",
            "compile.jekyll_collections_dir": f"{site.config_name}'s collections_dir, the folder of its _posts "
            "and collections",
            "compile.jekyll_timezone": f"{site.config_name}'s timezone, the day of a post dated with a time",
            "compile.source_url_prefix": f"the {source} pages are under /{source}/ (those with no permalink)",
            "compile.jekyll_permalink": f"{site.config_name}'s "
            + (
                "collections.posts.permalink"
                if _posts_permalink(settings) and what == "posts"
                else "permalink"
            ),
        },
        dumped_settings(additions, site.config_name),
        tuple(notes),
    )


def _jekyll_permalink(settings: Mapping[str, Any], what: str) -> str | None:
    """The site's ``permalink`` that makes the URLs of its ``what`` (``posts``: the posts collection's
    own, else the site's); None: Jekyll's default (``date``)."""
    own = _posts_permalink(settings) if what == "posts" else None
    value = own or settings.get("permalink")
    if not isinstance(value, str) or value.strip() in ("", "date"):
        return None
    value = value.strip()
    return value if is_jekyll_permalink(value) else None


def _published_collections(settings: Mapping[str, Any]) -> dict[str, str]:
    """By label, the permalink of each collection but the posts whose documents the site publishes
    (``output: true``): its own, else Jekyll's (``/:collection/:path``, ending as the site's pages)."""
    collections = settings.get("collections")
    site = settings.get("permalink")
    ending = jekyll_page_end(site.strip() if isinstance(site, str) and site.strip() else "date")
    found: dict[str, str] = {}
    for label, metadata in collections.items() if isinstance(collections, Mapping) else ():
        if label == "posts" or not isinstance(metadata, Mapping) or metadata.get("output") is not True:
            continue
        own = metadata.get("permalink")
        own = own.strip() if isinstance(own, str) and own.strip() else None
        if own is None or is_jekyll_permalink(own):
            found[str(label)] = own or f"/:collection/:path{ending}"
    return found


def _jekyll_collections(
    settings: Mapping[str, Any], published: dict[str, str], what: str
) -> dict[str, dict[str, str]]:
    """``[compile.jekyll_collections]``: the permalinks of the collections the site publishes, and
    of its posts where its pages are the articles and the posts' own is not the site's."""
    table = dict(published)
    own = _posts_permalink(settings)
    if what in ("pages", "site") and own is not None and is_jekyll_permalink(own):
        table = {"posts": own, **table}
    return {"compile.jekyll_collections": table} if table else {}


def _jekyll_timezone(settings: Mapping[str, Any], config_name: str) -> tuple[str | None, list[str]]:
    """The site's ``timezone`` (an IANA name), in which Jekyll dates its posts, and a note where it
    names no zone the time zone database knows (None: it has none, or not one known)."""
    value = settings.get("timezone")
    if value is None:
        return None, []
    if isinstance(value, str) and is_time_zone(value):
        return value, []
    return None, [
        f"{config_name}'s timezone {value!r} is no IANA time zone name (such as Asia/Tokyo): a post dated "
        "with a time is found at each day it may be in; set [compile] jekyll_timezone to the zone Jekyll "
        "dates it in"
    ]


#: The keys of a ``defaults`` entry's values that make a page's or post's URL (Jekyll merges them
#: into its front matter: see :func:`transpub.compile.jekyll_urls.with_defaults`).
_DEFAULT_URL_KEYS = ("permalink", "slug", "category", "categories")


def _jekyll_defaults(
    settings: Mapping[str, Any], what: str, source: str, labels: tuple[str, ...]
) -> dict[str, dict[str, Any]]:
    """The values that make URLs (``permalink``, ``slug``, ``category``, ``categories``) of each of
    the site's ``defaults`` whose scope holds articles (its ``posts``; the pages in the folder
    ``source`` and its posts; the documents of the collection ``what`` in its folder ``source``;
    or the site's pages, posts and the documents of the collections ``labels``), as
    ``[compile.jekyll_defaults]`` tables: by the start of a path in the articles
    folder ("": all of them; a glob's ``*``: one name), each key's value from the scope that wins
    in Jekyll (the longest path, then one with a type, then the later one); a permalink alone
    as a string, else a table."""
    folder = {"posts": "_posts", "pages": source, "site": ""}.get(what, f"_{what}/{source}")
    kinds = {"posts": ("posts",), "pages": ("posts", "pages"), "site": ("posts", "pages", *labels)}.get(
        what, (what,)
    )
    collections = site_collections_dir(settings)
    prefix = collections if what == "site" and collections != "." else ""
    found: list[tuple[int, bool, int, str | None, str, dict[str, Any]]] = []
    listed = settings.get("defaults")
    for index, entry in enumerate(listed if isinstance(listed, list) else []):
        values = _url_values(entry.get("values") if isinstance(entry, Mapping) else None)
        if not values:
            continue
        scope = entry.get("scope")
        scope = scope if isinstance(scope, Mapping) else {}
        path = scope.get("path")
        path = path if isinstance(path, str) else ""
        if collections != "." and path.startswith(collections + "/"):
            path = path[len(collections) + 1 :]
        start = _scope_start(path, folder)
        kind = str(scope["type"]) if "type" in scope else None
        if start is not None and kind in (None, *kinds):
            found.append((len(path), kind is not None, index, kind, start, values))
    merged: dict[str, dict[str, dict[str, Any]]] = {kind: {} for kind in kinds}
    for *_, kind, start, values in sorted(found, key=lambda item: item[:3]):
        for table in (kind,) if kind else kinds:
            if table in merged and (what != "site" or _site_holds(table, start)):
                # (a post's or document's path in the site's folder is in its collections_dir)
                key = join_folders(prefix, start) if prefix and start and table != "pages" else start
                merged[table].setdefault(key, {}).update(values)
    tables = {
        name: {
            start: values.get("permalink") if list(values) == ["permalink"] else values
            for start, values in table.items()
        }
        for name, table in merged.items()
    }
    return {f"compile.jekyll_defaults.{name}": table for name, table in tables.items() if table}


def _site_holds(kind: str, start: str) -> bool:
    """Whether articles of ``kind`` (``posts``, ``pages``, a collection's label) in a site's folder
    may start with ``start``: no page in a ``_`` folder, a document only in its collection's.

    >>> _site_holds("pages", "_posts/x"), _site_holds("recipes", "_recipes/x"), _site_holds("recipes", "about.md")
    (False, True, False)
    """
    if kind == "posts":
        return True
    top = start.split("/")[0]
    return not top.startswith("_") if kind == "pages" else not top or fnmatchcase(f"_{kind}", top)


def _url_values(values: Any) -> dict[str, Any]:
    """The values of a ``defaults`` entry that make URLs (see :data:`_DEFAULT_URL_KEYS`), as
    transpub.toml holds them: strings, ``categories`` a list of them (words split).

    >>> _url_values({"permalink": " /b/:title/ ", "categories": "News Local", "layout": "post", "slug": ""})
    {'permalink': '/b/:title/', 'categories': ['News', 'Local']}
    """
    found: dict[str, Any] = {}
    for key, value in values.items() if isinstance(values, Mapping) else ():
        if key not in _DEFAULT_URL_KEYS or value is None or isinstance(value, (dict, bool)):
            continue
        if key == "categories":
            words = value.split() if isinstance(value, str) else value if isinstance(value, list) else [value]
            found[key] = [str(word) for word in words if word is not None]
        elif not isinstance(value, list) and str(value).strip():
            found[key] = str(value).strip() if key == "permalink" else str(value)
    return found


def _scope_start(path: str, folder: str) -> str | None:
    """The start of the paths in the articles folder ``folder`` (in the site) that a defaults scope
    whose path is ``path`` holds ("": all; a glob's, whose names before the articles' match the
    folder's, with ``*`` as it is); None: none (another folder's, or a path from ``/``, which
    Jekyll matches with no file).

    >>> _scope_start("", "en"), _scope_start("en/", "en"), _scope_start("en/guide", "en"), _scope_start("es", "en")
    ('', '', 'guide', None)
    >>> _scope_start("*/guide/*/x", "en"), _scope_start("e*", "en"), _scope_start("d*/x", "en")
    ('guide/*/x', '', None)
    """
    if path.startswith("/"):
        return None
    if not folder:  # (the site's own folder: a path in it as it is)
        return path.strip("/")
    if "*" in path:
        parts, names = path.split("/"), folder.split("/")
        if not all(fnmatchcase(name, part) for name, part in zip(names, parts, strict=False)):
            return None
        return "/".join(parts[len(names) :])
    if folder.startswith(path):
        return ""
    return path[len(folder) + 1 :] if path.startswith(folder + "/") else None


def _unpublished(settings: Mapping[str, Any], transpubs: str) -> list[str]:
    """``[paths] exclude`` of a Jekyll site's folder read as articles: what its ``exclude`` leaves
    out of the site (a folder, a file, a glob), but transpub's own files (``transpubs``: its site
    folder; the catalogs hold no pages)."""
    named = dict.fromkeys(pattern.strip().strip("/") for pattern in _excluded(settings))
    own = {"locales", "glossary", "transpub.toml", transpubs}
    return [pattern for pattern in named if pattern and pattern not in own]


def _excluded(settings: Mapping[str, Any]) -> list[str]:
    """What the site's ``exclude`` names (paths, folders, globs)."""
    excluded = settings.get("exclude")
    return [str(pattern) for pattern in excluded if pattern] if isinstance(excluded, list) else []


def _posts_permalink(settings: Mapping[str, Any]) -> str | None:
    """The posts collection's own ``permalink`` (``collections: posts: permalink:``), if any."""
    collections = settings.get("collections")
    posts = collections.get("posts") if isinstance(collections, Mapping) else None
    value = posts.get("permalink") if isinstance(posts, Mapping) else None
    return value.strip() if isinstance(value, str) and value.strip() else None


def _jekyll_additions(
    settings: Mapping[str, Any], folder: Path, source: str, locales: list[str], excluded: list[str]
) -> dict[str, Any]:
    """What _config.yml (of the site in ``folder``) lacks for jekyll-polyglot, and the project's own
    files Jekyll would publish."""

    def listed(key: str) -> list[Any]:
        value = settings.get(key)
        return value if isinstance(value, list) else []

    additions: dict[str, Any] = {}
    if not loads_polyglot(settings, folder):
        additions["plugins"] = ["jekyll-polyglot"]
    languages = [loc for loc in (source, *locales) if loc not in listed("languages")]
    if languages:
        additions["languages"] = languages
    if "default_lang" not in settings:
        additions["default_lang"] = source
    if settings.get("lang_from_path") is not True:
        additions["lang_from_path"] = True
    # Polyglot 1.5 builds each language in a forked process by default and never looks at how one
    # ended: each clears Jekyll 4.3's .jekyll-cache (its config, with active_lang, differs from the
    # last), and a language whose Markdown converter writes there meanwhile dies (Errno::ENOENT @
    # dir_s_mkdir .jekyll-cache/Jekyll/Cache/Jekyll--Converters--Markdown), its pages missing from
    # _site while `jekyll build` exits 0 (the English posts of the suite's polyglot site in 1 of 40
    # builds under CPU load); so does a language whose page has a Liquid error ({% link %} naming no
    # file: no _site/es/ at all, exit 0). One after another, such an error fails the build (exit 1).
    if settings.get("parallel_localization") is not False:
        additions["parallel_localization"] = False
    exclude = [name for name in excluded if name not in listed("exclude")]
    if exclude:
        additions["exclude"] = exclude
    return additions
