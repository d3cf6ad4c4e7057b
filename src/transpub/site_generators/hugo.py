"""Hugo: its configuration (the site's file, then its configuration folder for the environment
``hugo`` builds with), its content folders and languages, the ``[compile.links]`` rules that follow
its sections, permalinks and pages' own ``url``, and the heading ids of the Hugo that builds it."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Mapping
from pathlib import Path, PurePosixPath
from typing import Any

from transpub.locales import folder_name

from .common import (
    HUGO_BUILD_ENVIRONMENT,
    HUGO_DEFAULT,
    SETTINGS_SUFFIXES,
    Site,
    SiteSetup,
    as_mapping,
    config_tables,
    content_sections,
    dumped_settings,
    first_page,
    folder_setting,
    found_line,
    join_folders,
    pages_front_matter,
    pages_without,
    read_site_settings,
    shown_path,
    site_folder_of,
)

#: Hugo's older names, taken for Hugo's when the file or the folder looks like a Hugo site's.
HUGO_OLD_NAMES = ("config.toml", "config.yaml", "config.yml", "config.json")


HUGO_KEYS = frozenset(
    {"baseurl", "contentdir", "defaultcontentlanguage", "languagecode", "publishdir", "theme", "markup"}
)


HUGO_FOLDERS = ("archetypes", "layouts", "content")


#: Hugo's configuration folder (``hugo --configDir``): ``_default/``, then an environment's over it.
HUGO_CONFIG_DIR = "config"


_HUGO_SERVER_ENVIRONMENT = "development"


#: The names of a configuration folder's files that hold settings of every root key.
_HUGO_ROOT_FILES = ("config", "hugo")


#: The first Hugo whose heading ids ``heading_ids = "hugo"`` follows (before it: ``"hugo-0.143"``).
_HUGO_NEW_IDS = (0, 144)


def hugo_environment(given: str | None = None, default: str = HUGO_BUILD_ENVIRONMENT) -> str:
    """The environment Hugo reads its configuration folder for: ``given`` (``hugo --environment``),
    else the ``HUGO_ENVIRONMENT`` or ``HUGO_ENV`` variable, else ``default`` (``hugo`` builds with
    ``production``, ``hugo server`` serves with ``development``)."""
    for value in (given, os.environ.get("HUGO_ENVIRONMENT"), os.environ.get("HUGO_ENV")):
        if value:
            return value
    return default


def hugo_config_dir(config_dir: Path, environment: str) -> Path | None:
    """The part of Hugo's configuration folder that holds a settings file, ``_default/`` else the
    environment's (None: neither)."""
    for where in (config_dir / HUGO_DEFAULT, config_dir / environment):
        if any(path.is_relative_to(where) for path in _hugo_config_files(config_dir, environment)):
            return where
    return None


def _hugo_config_files(config_dir: Path, environment: str) -> list[Path]:
    """The files of Hugo's configuration folder in the order ``hugo`` merges them, each over the
    ones before: ``_default/``'s (its ``hugo.toml`` or ``config.toml``, then those of one root
    key: ``languages.toml``, ``menus.en.toml``, in its folders too), then the environment's."""
    files: list[Path] = []
    for where in (config_dir / HUGO_DEFAULT, config_dir / environment):
        if not where.is_dir():
            continue
        found = [path for path in where.rglob("*") if path.suffix in SETTINGS_SUFFIXES and path.is_file()]
        files += sorted(found, key=lambda path: (path.name.split(".")[0] not in _HUGO_ROOT_FILES, path))
    return files


def read_site(folder: Path, generator: str, config: Path | None, hugo: tuple[Path, str]) -> Site:
    """The site's settings: its configuration file's, then (Hugo) those of its configuration
    folder ``hugo[0]`` for the environment ``hugo[1]`` over them."""
    settings: dict[str, Any] = {}
    problem = None
    if config is not None:
        settings, why = read_site_settings(config, generator)
        problem = f"{config.name} could not be read ({why})" if why else None
    config_dir, environment = hugo
    if generator != "hugo" or hugo_config_dir(config_dir, environment) is None:
        return Site(generator, folder, config, settings, problem, environment=environment)
    for path in _hugo_config_files(config_dir, environment):
        read, why = read_site_settings(path, "hugo")
        if why:
            problem = problem or f"{shown_path(path, folder)} could not be read ({why})"
        settings = _merged(settings, _hugo_file_settings(path.name, read))
    return Site(generator, folder, config, settings, problem, config_dir, environment)


def _hugo_file_settings(name: str, settings: dict[str, Any]) -> dict[str, Any]:
    """The settings of a file of Hugo's configuration folder under the root key it is named after
    (in its language's settings when its name has one: under that key for ``menus``, ``menu`` and
    ``params``, the only ones Hugo names so, else as they are, as hugo 0.111 takes them, so that
    ``permalinks.de.toml`` is no permalinks of the German pages).

    >>> _hugo_file_settings("hugo.toml", {"title": "T"}), _hugo_file_settings("languages.yaml", {"en": {}})
    ({'title': 'T'}, {'languages': {'en': {}}})
    >>> _hugo_file_settings("menus.en.toml", {"main": []}), _hugo_file_settings("permalinks.de.toml", {"posts": "/p/"})
    ({'languages': {'en': {'menus': {'main': []}}}}, {'languages': {'de': {'posts': '/p/'}}})
    """
    key, *language = name.lower().split(".")[:-1]
    if key in _HUGO_ROOT_FILES:
        return settings
    if language:
        return {"languages": {language[0]: {key: settings} if key in _HUGO_LANGUAGE_FILES else settings}}
    return {key: settings}


#: The root keys whose files of Hugo's configuration folder may be named after a language
#: (``menus.en.toml``).
_HUGO_LANGUAGE_FILES = ("menus", "menu", "params")


def _merged(base: dict[str, Any], over: Mapping[str, Any]) -> dict[str, Any]:
    """``over``'s settings over ``base``'s, mappings merged key by key (as Hugo merges its files).

    >>> _merged({"languages": {"en": {"weight": 1}}, "title": "A"}, {"languages": {"es": {}}, "title": "B"})
    {'languages': {'en': {'weight': 1}, 'es': {}}, 'title': 'B'}
    """
    merged = dict(base)
    for key, value in over.items():
        old = merged.get(key)
        merged[key] = _merged(old, value) if isinstance(old, dict) and isinstance(value, dict) else value
    return merged


#: transpub.toml's tables of rules, named whole where they differ.
_RULE_TABLES = ("compile.links", "compile.locale_dirs", "compile.permalinks")


def hugo_server_notes(site: Site, setup: SiteSetup, source: str, locales: list[str]) -> list[str]:
    """A note naming the settings ``hugo server`` would need otherwise, when the configuration
    folder of the environment it serves with (``development/``) changes them."""
    config_dir = site.config_dir
    server = hugo_environment(None, _HUGO_SERVER_ENVIRONMENT)
    if config_dir is None or site.environment == server:
        return []
    if not any(path.is_relative_to(config_dir / server) for path in _hugo_config_files(config_dir, server)):
        return []
    served = hugo_setup(read_site(site.folder, "hugo", site.config, (config_dir, server)), source, locales)
    differ: list[str] = []
    for table in dict.fromkeys([*setup.settings, *served.settings]):
        ours, theirs = setup.settings.get(table, {}), served.settings.get(table, {})
        keys = [key for key in dict.fromkeys([*ours, *theirs]) if ours.get(key) != theirs.get(key)]
        if keys:
            differ += [f"[{table}]"] if table in _RULE_TABLES else [f"[{table}] {key}" for key in keys]
    if not differ:
        return []
    where = shown_path(config_dir / server, site.folder)
    return [
        f"{where}/, which `hugo server` serves with, makes {' and '.join(differ)} other than for "
        f"{site.environment} (what `hugo` builds with, which transpub.toml follows): for the site "
        f"`hugo server` shows, run init with --environment {server}"
    ]


def hugo_setup(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """Hugo: its content folder, by file name (``a.es.md``) or by content folder per language
    (when the source language has one), Hugo's language keys, the ids of the Hugo that builds it."""
    settings = site.settings
    content = folder_setting(settings.get("contentdir"), "content")
    languages = as_mapping(settings, "languages")
    key = hugo_language_key(source, str(settings.get("defaultcontentlanguage") or "").lower(), languages)
    own = as_mapping(languages, key)
    source_dir: str | None = folder_setting(own.get("contentdir"), "") or None
    if source_dir is None and (site.folder / content / key).is_dir():
        source_dir = join_folders(content, key)
    targets = {loc: folder_name(loc, "bcp47-lower") for loc in locales}
    compile_: dict[str, Any] = {"format": "markdown"}
    locale_dirs: dict[str, str] = {}
    url_dirs: dict[str, str] = {}
    notes: list[str] = []
    articles = source_dir or content
    if source_dir is not None:
        parent = PurePosixPath(source_dir).parent.as_posix()
        compile_ |= {"layout": "directory", "markdown_dir": parent, "locale_style": "bcp47-lower"}
        for loc, name in targets.items():
            theirs = as_mapping(languages, name)
            declared = folder_setting(theirs.get("contentdir"), "")
            if declared and PurePosixPath(declared).parent.as_posix() == parent:
                if PurePosixPath(declared).name != name:
                    locale_dirs[loc] = PurePosixPath(declared).name
                    url_dirs[loc] = name  # (its URLs are under its key, /es/…, not its folder's name)
            elif declared:
                notes.append(
                    f"{site.config_name} reads {loc} from {declared}/, transpub writes it in "
                    f"{join_folders(parent, name)}/: set languages.{name}.contentDir to that"
                )
        first = join_folders(parent, locale_dirs.get(locales[0], targets[locales[0]]))
        where = f"each language's in its own content folder ({first}/)"
        layout = f"{articles}/… → {first}/…"
    else:
        compile_["layout"] = "suffix"
        if any(name != loc for loc, name in targets.items()):
            compile_["locale_style"] = "bcp47-lower"
        page = first_page(site.folder / content) or "posts/ferry.md"
        translated = f"{page.removesuffix('.md')}.{targets[locales[0]]}.md"
        where = f"each translation beside its page by file name ({join_folders(content, translated)})"
        layout = f"{join_folders(content, page)} → {join_folders(content, translated)}"
    style, why = _hugo_ids(site)
    compile_["heading_ids"] = style
    hosts = {
        name: url.strip()
        for name in languages
        if isinstance(url := as_mapping(languages, name).get("baseurl"), str) and url.strip()
    }
    in_subdir = site.settings.get("defaultcontentlanguageinsubdir") is True and not hosts
    links, link_notes = _hugo_links(site, site.folder / articles, key, list(targets.values()), in_subdir)
    notes += link_notes
    if hosts:  # (multihost: Hugo wants a baseURL for every language or none, and ignores the subdir)
        url_dirs = {loc: "" for loc in targets}
        notes += [
            f"{site.config_name} gives each language a baseURL of its own: Hugo publishes {name}'s pages at "
            f"the root of {hosts[name]}, not under /{name}/, and transpub links them there "
            f'([compile.url_dirs] {loc} = "")'
            for loc, name in targets.items()
            if name in hosts
        ]
        notes += [
            f"Hugo builds a site only with a baseURL for every language or for none: give {name} one "
            f"([languages.{name}] baseURL)"
            for name in dict.fromkeys([key, *targets.values()])
            if name not in hosts
        ]
    if in_subdir:
        compile_["source_url_prefix"] = f"/{key}"
    if site.settings.get("removepathaccents") is True:
        compile_["page_urls"] = "hugo-unaccented"
    sections = content_sections(site.folder / articles)
    permalinks = _hugo_permalinks(site.settings, key, sections)
    own_permalinks = {
        f"compile.permalinks.{loc}": theirs
        for loc, name in targets.items()
        if (theirs := _hugo_permalinks(site.settings, name, sections)) != permalinks
    }
    ugly = {
        loc: found
        for loc, name in {source: key, **targets}.items()
        if (found := _hugo_ugly_urls(settings, name))
    }
    if settings.get("title") or any(as_mapping(settings, k).get("main") for k in ("menus", "menu")):
        notes.append(
            f"the site's title and main menu in {site.config_name} go to translators in _site.po; "
            f"compile then shows each language's title and menus for {site.config_name}"
        )
    public = folder_setting(settings.get("publishdir"), "public")
    paths = {"articles": articles, "site": site_folder_of([public, content])}
    additions = _hugo_additions(settings, languages, key, source_dir, compile_, targets, locale_dirs)
    return SiteSetup(
        site,
        found_line(site, f"its pages in {articles}/ are the articles, {where}"),
        config_tables(paths, compile_, links, locale_dirs, permalinks=permalinks, url_dirs=url_dirs)
        | own_permalinks
        | ({"compile.ugly_urls": ugly} if ugly else {}),
        {
            "paths.articles": f"languages.{key}.contentDir"
            if source_dir
            else "the content folder (contentDir)",
            "paths.site": f"transpub's HTML pages, compile --format html (not {public}/, where hugo builds)",
            "compile.layout": layout,
            "compile.heading_ids": why,
            "compile.source_url_prefix": f"defaultContentLanguageInSubdir: the {key} pages are under /{key}/",
            "compile.page_urls": "removePathAccents: the pages' URLs are without accents",
        },
        dumped_settings(additions, site.config_name),
        tuple(notes),
    )


def _hugo_ugly_urls(settings: Mapping[str, Any], language: str) -> list[str]:
    """The sections whose pages Hugo 0.111 publishes as ``….html`` in ``language`` (``uglyURLs``: the
    language's own where it sets it, else the site's; ``true``, every page: ``["*"]``; a table of
    sections, those set ``true``).

    >>> site = {"uglyurls": True, "languages": {"de": {"uglyurls": {"posts": True, "news": False}}}}
    >>> _hugo_ugly_urls(site, "en"), _hugo_ugly_urls(site, "de"), _hugo_ugly_urls({}, "en")
    (['*'], ['posts'], [])
    """
    own = as_mapping(as_mapping(settings, "languages"), language)
    value = own["uglyurls"] if "uglyurls" in own else settings.get("uglyurls")
    if value is True:
        return ["*"]
    return [section for section, on in value.items() if on is True] if isinstance(value, dict) else []


def _hugo_permalinks(settings: Mapping[str, Any], language: str, sections: list[str]) -> dict[str, str]:
    """The permalink pattern of each of ``sections`` that has one in ``language`` (see
    :func:`_hugo_permalink`)."""
    return {
        name: pattern
        for name in sections
        if (pattern := _hugo_permalink(settings, language, name)) is not None
    }


def _hugo_links(
    site: Site, articles: Path, key: str, targets: list[str], in_subdir: bool
) -> tuple[dict[str, str], list[str]]:
    """``[compile.links]`` for the sections in ``articles``: a rule for each section's own page
    (``/posts/``) and one for the folder its pages are published in (its ``permalinks``); notes
    for the pages no prefix rule can follow. ``in_subdir``: the source language's pages are under
    its folder too (``/en/posts/``)."""
    before = f"/{key}" if in_subdir else ""
    links: dict[str, str] = {}
    notes: list[str] = []
    for name in content_sections(articles):
        if name not in as_mapping(as_mapping(site.settings, "permalinks"), "section"):
            links[f"{before}/{name}/"] = f"/{{lang}}/{name}/"
        else:
            notes.append(
                f"the site's permalinks move the page of {name}/ itself: links to it stay as written"
            )
        pattern = _hugo_permalink(site.settings, key, name)
        theirs = [_hugo_permalink(site.settings, target, name) for target in targets]
        if pattern is None or pattern not in theirs:
            continue  # (the others' are copied to [compile.permalinks.<locale>], which compile follows)
        prefix, why = _permalink_prefix(pattern, name, articles / name)
        if prefix is not None:
            links[f"{before}{prefix}"] = f"/{{lang}}{prefix}"
        else:
            notes.append(_permalinks_note(name, pattern, why, key))
    own, url_notes = _hugo_url_links(site, articles, before, links)
    return links | own, notes + url_notes


def _permalinks_note(section: str, pattern: str, why: str, key: str) -> str:
    """The note for ``section``'s pages, which the permalink ``pattern`` publishes where no link
    rule can follow them (``why``): compile does where that is their title."""
    said = f'the site\'s permalinks publish the pages of {section}/ at "{pattern}", {why}: '
    if why.endswith(_TRANSLATED):
        return said + "compile links each where Hugo publishes it in a language, by its title there"
    return (
        f"{said}no [compile.links] rule follows them, so a link to one in a translated page leads to the "
        f'{key} page (link with {{{{< relref "{section}/…" >}}}} instead, which Hugo resolves in each '
        "language)"
    )


#: How :func:`_permalink_prefix` ends the reason of a pattern that holds a page's title.
_TRANSLATED = "translated in each language"


def _hugo_permalink(settings: Mapping[str, Any], language: str, section: str) -> str | None:
    """The permalink pattern of ``section``'s pages in ``language`` (as ``[permalinks] posts = …`` or,
    from Hugo 0.120, ``[permalinks.page]``), if any: the language's own ``permalinks`` where it has
    them (in place of the site's, all of them, as Hugo 0.111 takes them: a section they leave out is
    at its default URL), else the site's.

    >>> site = {"permalinks": {"posts": "/p/:slug/", "news": "/n/:slug/"}, "languages": {"de": {"permalinks": {"posts": "/b/:slug/"}}}}
    >>> _hugo_permalink(site, "de", "posts"), _hugo_permalink(site, "de", "news"), _hugo_permalink(site, "en", "news")
    ('/b/:slug/', None, '/n/:slug/')
    """
    own = as_mapping(as_mapping(settings, "languages"), language).get("permalinks")
    permalinks = own if isinstance(own, dict) else as_mapping(settings, "permalinks")
    value = as_mapping(permalinks, "page").get(section, permalinks.get(section))
    return value.strip() if isinstance(value, str) and value.strip() else None


#: A permalink token whose value is a page's title (``:slug`` when the page sets no ``slug``).
_TITLE_TOKEN = re.compile(r":(title|slug)(?![a-z])")


_SECTION_TOKEN = re.compile(r":sections?(?![a-z\[])")


def _permalink_prefix(pattern: str, section: str, pages: Path) -> tuple[str | None, str]:
    """The folder a permalink pattern puts all of ``section``'s pages in, the part a translation's
    URL has after its language folder (None when there is none), and why there is none. A title
    in the URL (``:title``, a ``:slug`` of a page without one) is the translated title there.

    >>> _permalink_prefix("/blog/:year/:slug/", "posts", Path("nowhere"))
    ('/blog/', '')
    >>> _permalink_prefix("/:section/:year/:filename/", "news", Path("nowhere"))
    ('/news/', '')
    >>> _permalink_prefix("/:year/:month/:filename/", "posts", Path("nowhere"))
    (None, 'which starts with no folder of its own')
    """
    prefix, rest = _split_permalink(pattern, section)
    title = _TITLE_TOKEN.search(prefix + rest)
    if title and (title.group(1) == "title" or _page_without_slug(pages)):
        what = "the title" if title.group(1) == "title" else "the title of a page without a slug"
        return None, f"where {title.group(0)} is {what}, {_TRANSLATED}"
    if prefix == "/":
        return None, "which starts with no folder of its own"
    return prefix, ""


def _split_permalink(pattern: str, section: str) -> tuple[str, str]:
    """A permalink pattern as the folder before its first token, and the rest (``section`` for
    ``:section``).

    >>> _split_permalink("blog/:year/:slug/", "posts"), _split_permalink("/:sections/:slug/", "news")
    (('/blog/', ':year/:slug/'), ('/news/', ':slug/'))
    """
    path = _SECTION_TOKEN.sub(section, "/" + pattern.lstrip("/"))
    before = path[: path.find(":") if ":" in path else len(path)]
    end = before.rfind("/") + 1
    return path[:end], path[end:]


def _page_without_slug(folder: Path) -> bool:
    """Whether a Markdown page in ``folder`` that its permalink publishes (one without a ``url`` of
    its own) sets no ``slug`` in its front matter."""
    return next(pages_without(folder, ("slug", "url"), (".md",)), None) is not None


def _hugo_url_links(
    site: Site, articles: Path, before: str, taken: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    """``[compile.links]`` rules for the pages in ``articles`` that set a ``url`` of their own
    without a leading slash (Hugo publishes it in each language's folder), where no rule of
    ``taken`` leads; notes for those with one (the same URL in every language)."""
    links: dict[str, str] = {}
    notes: list[str] = []
    for path, front in pages_front_matter(articles, (".md",)):
        url = (front or {}).get("url")
        if not isinstance(url, str) or not url.strip("/ "):
            continue
        url = url.strip()
        if url.startswith("/"):
            shown = shown_path(path, site.folder)
            notes.append(
                f"{shown} sets url {url}, which its translations keep: Hugo publishes them all there, one "
                f"over the other; write it without its leading slash (url: {url.lstrip('/')}), which Hugo "
                f"puts in each language's folder"
            )
            continue
        folder = "/" + url.strip("/") + ("" if PurePosixPath(url).suffix else "/")
        if _followed({**taken, **links}, f"{before}{folder}") != f"/{{lang}}{folder}":
            links[f"{before}{folder}"] = f"/{{lang}}{folder}"
    return links, notes


def _followed(links: Mapping[str, str], url: str) -> str | None:
    """Where ``[compile.links]`` rules send ``url`` (the longest matching prefix's), if anywhere.

    >>> _followed({"/posts/": "/{lang}/posts/", "/posts/x/": "/{lang}/y/"}, "/posts/x/z/")
    '/{lang}/y/z/'
    """
    prefix = max((prefix for prefix in links if url.startswith(prefix)), key=len, default=None)
    return None if prefix is None else links[prefix] + url[len(prefix) :]


def hugo_language_key(source: str, default: str, languages: Mapping[str, Any]) -> str:
    """Hugo's language key of ``source``: its own when the site has it, else the site's default
    language when that is ``source``'s language (``en-us``), else its lower-case language tag.

    >>> hugo_language_key("en", "en-us", {}), hugo_language_key("en", "de", {}), hugo_language_key("zh_CN", "", {"zh-cn": {}})
    ('en-us', 'en', 'zh-cn')
    """
    own = folder_name(source, "bcp47-lower")
    if own in languages or not default:
        return own
    return default if default.split("-")[0] == own.split("-")[0] else own


def _hugo_additions(
    settings: Mapping[str, Any],
    languages: Mapping[str, Any],
    key: str,
    source_dir: str | None,
    compile_: Mapping[str, Any],
    targets: Mapping[str, str],
    locale_dirs: Mapping[str, str],
) -> dict[str, Any]:
    """What hugo.toml lacks: the default language, and each language (its content folder by folder)."""
    additions: dict[str, Any] = {}
    if "defaultcontentlanguage" not in settings:
        additions["defaultContentLanguage"] = key
    weights = [v.get("weight") for v in languages.values() if isinstance(v, dict)]
    weight = max((w for w in weights if isinstance(w, int)), default=0) + 1
    wanted = [(key, source_dir)] + [
        (name, source_dir and join_folders(compile_["markdown_dir"], locale_dirs.get(loc, name)))
        for loc, name in targets.items()
    ]
    added: dict[str, dict[str, Any]] = {}
    for name, folder in wanted:
        have = languages.get(name)
        entry: dict[str, Any] = {}
        if folder and not (isinstance(have, dict) and "contentdir" in have):
            entry["contentDir"] = folder
        if have is None:
            entry["weight"] = weight
            weight += 1
        if entry:
            added[name] = entry
    if added:
        additions["languages"] = added
    return additions


def hugo_version(folder: Path) -> tuple[tuple[int, ...], str] | None:
    """The version of the Hugo that builds the site in ``folder`` and where it was read: the one
    its ``netlify.toml`` declares (``HUGO_VERSION``), else the ``hugo`` installed here."""
    netlify = folder / "netlify.toml"
    try:
        declared = tomllib.loads(netlify.read_text(encoding="utf-8")) if netlify.is_file() else {}
    except (OSError, UnicodeDecodeError, ValueError, RecursionError):
        declared = {}
    for table in (declared.get("build"), (declared.get("context") or {}).get("production")):
        value = ((table or {}).get("environment") or {}).get("HUGO_VERSION")
        if isinstance(value, str) and (version := _version(value)):
            return version, "netlify.toml's HUGO_VERSION"
    hugo = shutil.which("hugo")
    if hugo is None:
        return None
    try:
        shown = subprocess.run([hugo, "version"], capture_output=True, text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    version = _version(shown)
    return (version, "the installed hugo") if version else None


def _version(text: str) -> tuple[int, ...] | None:
    """The first version number in ``text``.

    >>> _version("hugo v0.111.3+extended linux/amd64"), _version("0.145.0"), _version("none")
    ((0, 111, 3), (0, 145, 0), None)
    """
    match = re.search(r"(\d+)\.(\d+)(?:\.(\d+))?", text)
    return tuple(int(part) for part in match.groups() if part is not None) if match else None


def _hugo_ids(site: Site) -> tuple[str, str]:
    """``heading_ids`` for the Hugo that builds the site, and why."""
    markup = site.settings.get("markup")
    parser = ((markup or {}).get("goldmark") or {}).get("parser") if isinstance(markup, dict) else None
    blackfriday = isinstance(parser, dict) and parser.get("autoheadingidtype") == "blackfriday"
    found = hugo_version(site.folder)
    old = found is not None and found[0] < _HUGO_NEW_IDS
    style = "hugo" + ("-0.143" if old else "") + ("-blackfriday" if blackfriday else "")
    if found is None:
        return style, 'ids as Hugo 0.144 and later gives them (no hugo found); "hugo-0.143" before'
    other = '"hugo" from Hugo 0.144 on' if old else '"hugo-0.143" before Hugo 0.144'
    return style, f"ids as Hugo {'.'.join(map(str, found[0]))} ({found[1]}) gives them; {other}"
