"""What ``transpub init`` proposes in a static site's folder.

:func:`find_site` tells which generator builds the folder (Hugo, Jekyll, MkDocs) from its
configuration file, and :func:`propose` the transpub settings the README shows for it, read from that
file: the content folder the generator really uses (Hugo's ``contentDir``, MkDocs' ``docs_dir``), the
folder it builds into (never transpub's ``[paths] site``), its languages, and the heading ids of the
Hugo that builds it. The site's files are only read: what they lack for the translations is returned
as text for the user to add (:attr:`SiteSetup.additions`).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path, PurePosixPath
from typing import Any

from transpub.config import GENERATORS
from transpub.errors import ConfigError
from transpub.locales import folder_name, native_name
from transpub.mkdocs_site import read_mkdocs_config

_NAMES = {"hugo": "Hugo", "jekyll": "Jekyll", "mkdocs": "MkDocs"}
_SHOWN = {"hugo": "a Hugo", "jekyll": "a Jekyll", "mkdocs": "an MkDocs"}
#: The files each generator reads its settings from, in its order.
CONFIG_FILES = {
    "hugo": ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"),
    "jekyll": ("_config.yml", "_config.yaml", "_config.toml"),
    "mkdocs": ("mkdocs.yml", "mkdocs.yaml"),
}
#: Hugo's older names, taken for Hugo's when the file or the folder looks like a Hugo site's.
_HUGO_OLD_NAMES = ("config.toml", "config.yaml", "config.yml", "config.json")
_HUGO_KEYS = frozenset(
    {"baseurl", "contentdir", "defaultcontentlanguage", "languagecode", "publishdir", "theme", "markup"}
)
_HUGO_FOLDERS = ("archetypes", "layouts", "content")
#: Hugo's configuration folder (``hugo --configDir``): ``_default/``, then an environment's over it.
_HUGO_CONFIG_DIR = "config"
_HUGO_DEFAULT = "_default"
#: The environment ``hugo`` builds with, and the one ``hugo server`` serves with.
HUGO_BUILD_ENVIRONMENT = "production"
_HUGO_SERVER_ENVIRONMENT = "development"
#: The names of a configuration folder's files that hold settings of every root key.
_HUGO_ROOT_FILES = ("config", "hugo")
_SETTINGS_SUFFIXES = (".toml", ".yaml", ".yml", ".json")
#: The largest configuration file read.
_MAX_BYTES = 1_000_000
#: How much of a page is read for its front matter.
_FRONT_MATTER_BYTES = 65536
#: The first Hugo whose heading ids ``heading_ids = "hugo"`` follows (before it: ``"hugo-0.143"``).
_HUGO_NEW_IDS = (0, 144)
#: Front matter keys translated on a Jekyll site: not categories, which are in its posts' URLs.
JEKYLL_FRONT_MATTER = ["title", "description", "excerpt", "tags"]
#: Folder names for ``[paths] site``, the first one the generator does not build into.
_SITE_NAMES = ("site", "translated", "transpub-site")


@dataclass(frozen=True)
class Site:
    """A static site found in a folder."""

    generator: str
    folder: Path
    #: The configuration file read (None: there is none, the generator's defaults hold).
    config: Path | None
    #: Its settings (Hugo's keys in lower case, as Hugo reads them).
    settings: Mapping[str, Any] = field(default_factory=dict)
    #: Which file could not be read and why (then its settings are not in ``settings``).
    unreadable: str | None = None
    #: Hugo's configuration folder (``config/``) when its files were read too.
    config_dir: Path | None = None
    #: Hugo's environment whose folder of ``config_dir`` was read over ``_default/``.
    environment: str = HUGO_BUILD_ENVIRONMENT

    @property
    def config_name(self) -> str:
        """The file to add settings to, relative to the site's folder: the configuration file, the
        root file of Hugo's ``config/_default/`` (which wins over the site's own file), or the file
        the generator would read."""
        if self.config_dir is not None:
            default = self.config_dir / _HUGO_DEFAULT
            names = [f"{stem}{suffix}" for stem in ("hugo", "config") for suffix in _SETTINGS_SUFFIXES]
            file = next(
                (default / name for name in names if (default / name).is_file()), default / "hugo.toml"
            )
            return _shown(file, self.folder)
        return self.config.name if self.config else CONFIG_FILES[self.generator][0]

    @property
    def read_from(self) -> str | None:
        """What the site's settings were read from (None: nothing, the generator's defaults hold)."""
        names = [self.config.name] if self.config else []
        if self.config_dir is not None:
            other = "" if self.environment == HUGO_BUILD_ENVIRONMENT else f" for {self.environment}"
            names.append(f"{_shown(self.config_dir, self.folder)}/{other}")
        return " and ".join(names) or None

    def default_language(self) -> str | None:
        """The language the site names as its default one (as written), if any."""
        value: Any = None
        if self.generator == "hugo":
            value = self.settings.get("defaultcontentlanguage")
        elif self.generator == "jekyll":
            value = self.settings.get("default_lang")
        else:
            plugin = _mkdocs_plugin(self.settings.get("plugins"), "i18n") or {}
            languages = plugin.get("languages")
            for item in languages if isinstance(languages, list) else []:
                if isinstance(item, dict) and item.get("default") is True:
                    value = item.get("locale")
        return value if isinstance(value, str) and value else None


@dataclass(frozen=True)
class SiteSetup:
    """What ``init`` writes and says for a site."""

    site: Site
    #: The one line that says what was found and where the translations go.
    found: str
    #: transpub.toml's settings by table: ``paths``, ``compile``, ``compile.links``,
    #: ``compile.locale_dirs``, ``extract.front_matter``.
    settings: dict[str, dict[str, Any]]
    #: Comments of settings that are the site's own (``"compile.heading_ids"``: why this value).
    comments: dict[str, str]
    #: What the site's configuration file lacks, in its own format ("": nothing).
    additions: str
    #: More lines to show (a folder not there yet, the Hugo whose ids were taken).
    notes: tuple[str, ...] = ()

    @property
    def site_folder(self) -> str:
        """transpub's ``[paths] site``."""
        return str(self.settings["paths"]["site"])


def find_site(
    folder: Path,
    generator: str | None = None,
    *,
    environment: str | None = None,
    config_dir: str | None = None,
) -> Site | None:
    """The site in ``folder``: of ``generator`` when given (``"none"``: no site), else of the
    generator whose configuration file is there; None when there is none. ConfigError when the
    files of two generators are there. A Hugo site's configuration folder is ``config_dir``
    (``hugo --configDir``, relative to ``folder``), read for ``environment`` (see
    :func:`hugo_environment`)."""
    if generator == "none":
        return None
    hugo = (folder / (config_dir or _HUGO_CONFIG_DIR), hugo_environment(environment))
    if generator is not None:
        return _read_site(folder, generator, _config_file(folder, generator), hugo)
    found = [
        (name, path)
        for name in GENERATORS
        if (path := _config_file(folder, name)) is not None
        or (name == "hugo" and (path := _hugo_config_dir(*hugo)) is not None)
    ]
    if len(found) > 1:
        files = " and ".join(path.relative_to(folder).as_posix() for _, path in found)
        raise ConfigError(
            f"{found[0][1]}: {files} are the settings of two generators; say which builds "
            f"the site with --generator {'|'.join(GENERATORS)}, or --generator none for neither"
        )
    if not found:
        return None
    name, path = found[0]
    return _read_site(folder, name, path if path.is_file() else None, hugo)


def hugo_environment(given: str | None = None, default: str = HUGO_BUILD_ENVIRONMENT) -> str:
    """The environment Hugo reads its configuration folder for: ``given`` (``hugo --environment``),
    else the ``HUGO_ENVIRONMENT`` or ``HUGO_ENV`` variable, else ``default`` (``hugo`` builds with
    ``production``, ``hugo server`` serves with ``development``)."""
    for value in (given, os.environ.get("HUGO_ENVIRONMENT"), os.environ.get("HUGO_ENV")):
        if value:
            return value
    return default


def _shown(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` when it is in it, else as it is."""
    return path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)


def _config_file(folder: Path, generator: str) -> Path | None:
    """The generator's configuration file in ``folder`` (Hugo's ``config.toml`` only when it looks
    like Hugo's: a Hugo setting in it, or Hugo's folders beside it)."""
    for name in CONFIG_FILES[generator]:
        if (folder / name).is_file():
            return folder / name
    if generator == "hugo":
        for name in _HUGO_OLD_NAMES:
            path = folder / name
            if path.is_file() and (
                any((folder / sub).is_dir() for sub in _HUGO_FOLDERS)
                or _HUGO_KEYS & set(_read_settings(path, "hugo")[0])
            ):
                return path
    return None


def _hugo_config_dir(config_dir: Path, environment: str) -> Path | None:
    """The part of Hugo's configuration folder that holds a settings file, ``_default/`` else the
    environment's (None: neither)."""
    for where in (config_dir / _HUGO_DEFAULT, config_dir / environment):
        if any(path.is_relative_to(where) for path in _hugo_config_files(config_dir, environment)):
            return where
    return None


def _hugo_config_files(config_dir: Path, environment: str) -> list[Path]:
    """The files of Hugo's configuration folder in the order ``hugo`` merges them, each over the
    ones before: ``_default/``'s (its ``hugo.toml`` or ``config.toml``, then those of one root
    key: ``languages.toml``, ``menus.en.toml``, in its folders too), then the environment's."""
    files: list[Path] = []
    for where in (config_dir / _HUGO_DEFAULT, config_dir / environment):
        if not where.is_dir():
            continue
        found = [path for path in where.rglob("*") if path.suffix in _SETTINGS_SUFFIXES and path.is_file()]
        files += sorted(found, key=lambda path: (path.name.split(".")[0] not in _HUGO_ROOT_FILES, path))
    return files


def _read_site(folder: Path, generator: str, config: Path | None, hugo: tuple[Path, str]) -> Site:
    """The site's settings: its configuration file's, then (Hugo) those of its configuration
    folder ``hugo[0]`` for the environment ``hugo[1]`` over them."""
    settings: dict[str, Any] = {}
    problem = None
    if config is not None:
        settings, why = _read_settings(config, generator)
        problem = f"{config.name} could not be read ({why})" if why else None
    config_dir, environment = hugo
    if generator != "hugo" or _hugo_config_dir(config_dir, environment) is None:
        return Site(generator, folder, config, settings, problem, environment=environment)
    for path in _hugo_config_files(config_dir, environment):
        read, why = _read_settings(path, "hugo")
        if why:
            problem = problem or f"{_shown(path, folder)} could not be read ({why})"
        settings = _merged(settings, _hugo_file_settings(path.name, read))
    return Site(generator, folder, config, settings, problem, config_dir, environment)


def _hugo_file_settings(name: str, settings: dict[str, Any]) -> dict[str, Any]:
    """The settings of a file of Hugo's configuration folder under the root key it is named after
    (in its language's settings when its name has one).

    >>> _hugo_file_settings("hugo.toml", {"title": "T"}), _hugo_file_settings("languages.yaml", {"en": {}})
    ({'title': 'T'}, {'languages': {'en': {}}})
    >>> _hugo_file_settings("menus.en.toml", {"main": []})
    {'languages': {'en': {'menus': {'main': []}}}}
    """
    key, *language = name.lower().split(".")[:-1]
    if key in _HUGO_ROOT_FILES:
        return settings
    if language:
        return {"languages": {language[0]: {key: settings}}}
    return {key: settings}


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


def _read_settings(path: Path, generator: str) -> tuple[dict[str, Any], str | None]:
    """The settings of a configuration file (Hugo's keys in lower case), and why they could not be
    read (then none)."""
    if generator == "mkdocs":
        config = read_mkdocs_config(path, path.parent)
        return (config, None) if config is not None else ({}, "it could not be read")
    import yaml

    try:
        if path.stat().st_size > _MAX_BYTES:
            return {}, f"it is larger than {_MAX_BYTES // 1_000_000} MB"
        text = path.read_text(encoding="utf-8-sig")
        if path.suffix == ".toml":
            settings: Any = tomllib.loads(text)
        elif path.suffix == ".json":
            settings = json.loads(text)
        else:
            settings = yaml.safe_load(text)
    except (OSError, UnicodeDecodeError, ValueError, yaml.YAMLError, RecursionError) as exc:
        return {}, " ".join(str(exc).split())[:200]
    if settings is None:
        settings = {}
    if not isinstance(settings, dict):
        return {}, "it holds no mapping of settings"
    return (_lower_keys(settings) if generator == "hugo" else settings), None


def _lower_keys(value: Any) -> Any:
    """``value`` with the keys of its mappings in lower case (Hugo's keys are case-insensitive).

    >>> _lower_keys({"contentDir": "c", "Languages": {"EN": {"weight": 1}}})
    {'contentdir': 'c', 'languages': {'en': {'weight': 1}}}
    """
    if isinstance(value, dict):
        return {str(key).lower(): _lower_keys(item) for key, item in value.items()}
    return value


def _mapping(settings: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The mapping ``settings`` holds under ``key`` (empty when it holds none)."""
    value = settings.get(key)
    return value if isinstance(value, dict) else {}


def _folder(value: Any, default: str) -> str:
    """A folder setting as a relative POSIX path ("." for the site's own folder), else ``default``.

    >>> _folder("./docs/", "x"), _folder(None, "content"), _folder("", "site"), _folder(".", "x")
    ('docs', 'content', 'site', '.')
    """
    if not isinstance(value, str) or not value.strip():
        return default
    return PurePosixPath(value.strip().replace("\\", "/")).as_posix()


def _join(*parts: str) -> str:
    """Folders joined, ``.`` parts dropped.

    >>> _join(".", "_posts"), _join("content", "en"), _join(".", ".")
    ('_posts', 'content/en', '.')
    """
    return PurePosixPath(*parts).as_posix()


def _overlaps(one: str, other: str) -> bool:
    """Whether two folders are the same or one holds the other.

    >>> _overlaps("site", "site"), _overlaps("site", "site/x"), _overlaps("site", "public")
    (True, True, False)
    """
    a, b = PurePosixPath(os.path.normpath(one)), PurePosixPath(os.path.normpath(other))
    return a == b or a in b.parents or b in a.parents


def _site_folder(taken: list[str]) -> str:
    """transpub's ``[paths] site``: the first of its names that is none of ``taken`` (the folder the
    generator builds into, its sources), nor holds or lies in one."""
    return next(name for name in _SITE_NAMES if not any(_overlaps(name, folder) for folder in taken))


def _first_page(folder: Path) -> str | None:
    """The first Markdown file below ``folder`` in name order (files before folders), relative."""
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith((".", "_")))
        pages = sorted(name for name in files if name.endswith(".md"))
        if pages:
            return Path(top, pages[0]).relative_to(folder).as_posix()
    return None


def _sections(folder: Path) -> list[str]:
    """The folders right below a content folder (a site's sections: ``posts``)."""
    if not folder.is_dir():
        return []
    return sorted(
        entry.name for entry in folder.iterdir() if entry.is_dir() and not entry.name.startswith((".", "_"))
    )


def _dump(additions: dict[str, Any], config: str) -> str:
    """``additions`` written in the format of the file ``config`` (TOML, YAML or JSON)."""
    if not additions:
        return ""
    if config.endswith(".toml"):
        import tomli_w

        return tomli_w.dumps(additions)
    if config.endswith(".json"):
        return json.dumps(additions, indent=2, ensure_ascii=False) + "\n"
    import yaml

    class Indented(yaml.SafeDumper):
        """Lists indented under their key, as the generators' documentation writes them."""

        def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
            super().increase_indent(flow, False)

    return str(yaml.dump(additions, Dumper=Indented, sort_keys=False, allow_unicode=True))


def propose(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """The transpub settings for ``site`` translated from ``source`` into ``locales``."""
    if site.generator == "hugo":
        setup = _hugo(site, source, locales)
    elif site.generator == "jekyll":
        setup = _jekyll(site, source, locales)
    else:
        setup = _mkdocs(site, source, locales)
    notes = list(setup.notes)
    if site.read_from is None:
        notes.insert(0, f"there is no {site.config_name} here: {_NAMES[site.generator]}'s defaults are taken")
    elif site.unreadable:
        notes.insert(0, f"{site.unreadable}: its defaults are taken")
    articles = str(setup.settings["paths"]["articles"])
    if not (site.folder / articles).is_dir():
        notes.append(f"there is no {articles}/ yet: [paths] articles names it")
    notes += _hugo_server_notes(site, setup, source, locales)
    return replace(setup, notes=tuple(notes))


#: transpub.toml's tables of rules, named whole where they differ.
_RULE_TABLES = ("compile.links", "compile.locale_dirs")


def _hugo_server_notes(site: Site, setup: SiteSetup, source: str, locales: list[str]) -> list[str]:
    """A note naming the settings ``hugo server`` would need otherwise, when the configuration
    folder of the environment it serves with (``development/``) changes them."""
    config_dir = site.config_dir
    server = hugo_environment(None, _HUGO_SERVER_ENVIRONMENT)
    if config_dir is None or site.environment == server:
        return []
    if not any(path.is_relative_to(config_dir / server) for path in _hugo_config_files(config_dir, server)):
        return []
    served = _hugo(_read_site(site.folder, "hugo", site.config, (config_dir, server)), source, locales)
    differ: list[str] = []
    for table in dict.fromkeys([*setup.settings, *served.settings]):
        ours, theirs = setup.settings.get(table, {}), served.settings.get(table, {})
        keys = [key for key in dict.fromkeys([*ours, *theirs]) if ours.get(key) != theirs.get(key)]
        if keys:
            differ += [f"[{table}]"] if table in _RULE_TABLES else [f"[{table}] {key}" for key in keys]
    if not differ:
        return []
    where = _shown(config_dir / server, site.folder)
    return [
        f"{where}/, which `hugo server` serves with, makes {' and '.join(differ)} other than for "
        f"{site.environment} (what `hugo` builds with, which transpub.toml follows): for the site "
        f"`hugo server` shows, run init with --environment {server}"
    ]


def _found(site: Site, what: str) -> str:
    """The line saying which site was found and what transpub does with it."""
    if site.read_from is None:
        return f"Taken as {_SHOWN[site.generator]} site (--generator {site.generator}): {what}"
    return f"Found {_SHOWN[site.generator]} site ({site.read_from}): {what}"


def _hugo(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """Hugo: its content folder, by file name (``a.es.md``) or by content folder per language
    (when the source language has one), Hugo's language keys, the ids of the Hugo that builds it."""
    settings = site.settings
    content = _folder(settings.get("contentdir"), "content")
    languages = _mapping(settings, "languages")
    key = _hugo_key(source, str(settings.get("defaultcontentlanguage") or "").lower(), languages)
    own = _mapping(languages, key)
    source_dir: str | None = _folder(own.get("contentdir"), "") or None
    if source_dir is None and (site.folder / content / key).is_dir():
        source_dir = _join(content, key)
    targets = {loc: folder_name(loc, "bcp47-lower") for loc in locales}
    compile_: dict[str, Any] = {"format": "markdown"}
    locale_dirs: dict[str, str] = {}
    notes: list[str] = []
    articles = source_dir or content
    if source_dir is not None:
        parent = PurePosixPath(source_dir).parent.as_posix()
        compile_ |= {"layout": "directory", "markdown_dir": parent, "locale_style": "bcp47-lower"}
        for loc, name in targets.items():
            theirs = _mapping(languages, name)
            declared = _folder(theirs.get("contentdir"), "")
            if declared and PurePosixPath(declared).parent.as_posix() == parent:
                if PurePosixPath(declared).name != name:
                    locale_dirs[loc] = PurePosixPath(declared).name
            elif declared:
                notes.append(
                    f"{site.config_name} reads {loc} from {declared}/, transpub writes it in "
                    f"{_join(parent, name)}/: set languages.{name}.contentDir to that"
                )
        first = _join(parent, locale_dirs.get(locales[0], targets[locales[0]]))
        where = f"each language's in its own content folder ({first}/)"
        layout = f"{articles}/… → {first}/…"
    else:
        compile_["layout"] = "suffix"
        if any(name != loc for loc, name in targets.items()):
            compile_["locale_style"] = "bcp47-lower"
        page = _first_page(site.folder / content) or "posts/ferry.md"
        translated = f"{page.removesuffix('.md')}.{targets[locales[0]]}.md"
        where = f"each translation beside its page by file name ({_join(content, translated)})"
        layout = f"{_join(content, page)} → {_join(content, translated)}"
    style, why = _hugo_ids(site)
    compile_["heading_ids"] = style
    links, link_notes = _hugo_links(site, site.folder / articles, key, list(targets.values()))
    notes += link_notes
    public = _folder(settings.get("publishdir"), "public")
    paths = {"articles": articles, "site": _site_folder([public, content])}
    additions = _hugo_additions(settings, languages, key, source_dir, compile_, targets, locale_dirs)
    return SiteSetup(
        site,
        _found(site, f"its pages in {articles}/ are the articles, {where}"),
        _tables(paths, compile_, links, locale_dirs),
        {
            "paths.articles": f"languages.{key}.contentDir"
            if source_dir
            else "the content folder (contentDir)",
            "paths.site": f"HTML pages of HTML articles (not {public}/, where hugo builds the site)",
            "compile.layout": layout,
            "compile.heading_ids": why,
        },
        _dump(additions, site.config_name),
        tuple(notes),
    )


def _hugo_links(site: Site, articles: Path, key: str, targets: list[str]) -> tuple[dict[str, str], list[str]]:
    """``[compile.links]`` for the sections in ``articles``: a rule for each section's own page
    (``/posts/``) and one for the folder its pages are published in (its ``permalinks``); notes
    for the pages no prefix rule can follow."""
    before = f"/{key}" if site.settings.get("defaultcontentlanguageinsubdir") is True else ""
    links: dict[str, str] = {}
    notes: list[str] = []
    for name in _sections(articles):
        if name not in _mapping(_mapping(site.settings, "permalinks"), "section"):
            links[f"{before}/{name}/"] = f"/{{lang}}/{name}/"
        else:
            notes.append(
                f"the site's permalinks move the page of {name}/ itself: links to it stay as written"
            )
        pattern = _hugo_permalink(site.settings, key, name)
        if pattern is None:
            continue
        prefix, why = _permalink_prefix(pattern, name, articles / name)
        theirs = {
            _split_permalink(their, name) if (their := _hugo_permalink(site.settings, target, name)) else None
            for target in targets
        }
        translated = next(iter(theirs)) if len(theirs) == 1 else None
        if prefix is not None and (translated is None or translated[1] != _split_permalink(pattern, name)[1]):
            prefix, why = None, "which the translations' own permalinks change"
        if prefix is None or translated is None:
            notes.append(
                f'the site\'s permalinks publish the pages of {name}/ at "{pattern}", {why}: no '
                f"[compile.links] rule follows them, so a link to one in a translated page leads to the "
                f"{key} page (link with "
                f'{{{{< relref "{name}/…" >}}}} instead, which Hugo resolves in each language)'
            )
        else:
            links[f"{before}{prefix}"] = f"/{{lang}}{translated[0]}"
    own, url_notes = _hugo_url_links(site, articles, before, links)
    return links | own, notes + url_notes


def _hugo_permalink(settings: Mapping[str, Any], language: str, section: str) -> str | None:
    """The permalink pattern of ``section``'s pages in ``language`` (its own ``permalinks``, else the
    site's; as ``[permalinks] posts = …`` or, from Hugo 0.120, ``[permalinks.page]``), if any."""
    for permalinks in (
        _mapping(_mapping(_mapping(settings, "languages"), language), "permalinks"),
        _mapping(settings, "permalinks"),
    ):
        value = _mapping(permalinks, "page").get(section, permalinks.get(section))
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


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
    path = prefix + rest
    if prefix == "/":
        return None, "which starts with no folder of its own"
    title = _TITLE_TOKEN.search(path)
    if title and (title.group(1) == "title" or _page_without_slug(pages)):
        what = "the title" if title.group(1) == "title" else "the title of a page without a slug"
        return None, f"where {title.group(0)} is {what}, translated in each language"
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
    return next(_pages_without(folder, ("slug", "url"), (".md",)), None) is not None


def _pages_without(folder: Path, keys: tuple[str, ...], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """The pages below ``folder`` (files ending in one of ``suffixes``), in name order, whose front
    matter sets none of ``keys`` (in any case; empty is none), or that cannot be read."""
    for path, front in _pages_front_matter(folder, suffixes):
        if front is None or all(front.get(key) in (None, "") for key in keys):
            yield path


def _pages_front_matter(
    folder: Path, suffixes: tuple[str, ...]
) -> Iterator[tuple[Path, dict[str, Any] | None]]:
    """The pages below ``folder`` (files ending in one of ``suffixes``) in name order, each with its
    front matter (None: it has none or it cannot be read)."""
    for path in sorted(folder.rglob("*")):
        if path.suffix not in suffixes or not path.is_file():
            continue
        try:
            with path.open(encoding="utf-8", errors="replace") as file:
                yield path, _front_matter(file.read(_FRONT_MATTER_BYTES))
        except OSError:
            yield path, None


def _hugo_url_links(
    site: Site, articles: Path, before: str, taken: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    """``[compile.links]`` rules for the pages in ``articles`` that set a ``url`` of their own
    without a leading slash (Hugo publishes it in each language's folder), where no rule of
    ``taken`` leads; notes for those with one (the same URL in every language)."""
    links: dict[str, str] = {}
    notes: list[str] = []
    for path, front in _pages_front_matter(articles, (".md",)):
        url = (front or {}).get("url")
        if not isinstance(url, str) or not url.strip("/ "):
            continue
        url = url.strip()
        if url.startswith("/"):
            shown = _shown(path, site.folder)
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


#: Front matter between ``---`` (YAML) or ``+++`` (TOML) lines.
_DELIMITED = re.compile(r"(---|\+\+\+)[ \t]*\r?\n(.*?)^\1[ \t]*\r?$", re.S | re.M)


def _front_matter(text: str) -> dict[str, Any] | None:
    """The settings of a page's front matter as Hugo reads it, its keys in lower case: YAML between
    ``---`` lines, TOML between ``+++`` lines, or a JSON object, after any blank space. None: the
    page has none, or it cannot be read.

    >>> _front_matter('\\n{ "Slug": "a}", "params": {"url": "b"} }\\nText {x}'), _front_matter("# Text\\n")
    ({'slug': 'a}', 'params': {'url': 'b'}}, None)
    >>> _front_matter("---\\ntitle: A\\n---\\n"), _front_matter('+++\\nslug = "a"\\n+++\\n')
    ({'title': 'A'}, {'slug': 'a'})
    """
    import yaml

    head = text.lstrip("\ufeff \t\r\n")
    try:
        if head.startswith("{"):
            end = _json_end(head)
            front: Any = json.loads(head[:end]) if end else None
        elif match := _DELIMITED.match(head):
            body = match.group(2)
            front = tomllib.loads(body) if match.group(1) == "+++" else yaml.safe_load(body)
        else:
            return None
    except (ValueError, yaml.YAMLError, RecursionError):
        return None
    return _lower_keys(front) if isinstance(front, dict) else None


def _json_end(text: str) -> int | None:
    """Where the JSON object that opens ``text`` ends, found as Hugo finds it (its braces counted
    outside strings); None when it does not.

    >>> _json_end('{"a": {"b": "}"}} text'), _json_end('{"a": "\\\\"}"} text'), _json_end('{"a": 1')
    (17, 12, None)
    """
    level, quoted, escaped = 0, False, False
    for index, char in enumerate(text):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == '"':
            quoted = not quoted
        elif not quoted and char in "{}":
            level += 1 if char == "{" else -1
            if level == 0:
                return index + 1
    return None


def _hugo_key(source: str, default: str, languages: Mapping[str, Any]) -> str:
    """Hugo's language key of ``source``: its own when the site has it, else the site's default
    language when that is ``source``'s language (``en-us``), else its lower-case language tag.

    >>> _hugo_key("en", "en-us", {}), _hugo_key("en", "de", {}), _hugo_key("zh_CN", "", {"zh-cn": {}})
    ('en-us', 'en', 'zh-cn')
    """
    own = folder_name(source, "bcp47-lower")
    if own in languages or not default:
        return own
    return default if default.split("-")[0] == own.split("-")[0] else own


def _tables(
    paths: dict[str, Any],
    compile_: dict[str, Any],
    links: dict[str, str],
    locale_dirs: dict[str, str],
    front_matter: dict[str, Any] | None = None,
) -> dict[str, dict[str, Any]]:
    """transpub.toml's tables, the empty ones left out."""
    tables = {
        "paths": paths,
        "extract.front_matter": front_matter or {},
        "compile": compile_,
        "compile.locale_dirs": locale_dirs,
        "compile.links": links,
    }
    return {name: table for name, table in tables.items() if table}


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
        (name, source_dir and _join(compile_["markdown_dir"], locale_dirs.get(loc, name)))
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


def _jekyll(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """Jekyll with jekyll-polyglot: its posts (``_posts/es/``), or the pages of a source-language
    folder (``en/`` → ``es/``)."""
    settings = site.settings
    base = _folder(settings.get("source"), ".")
    posts = _join(base, _folder(settings.get("collections_dir"), "."), "_posts")
    pages = _join(base, source)
    if (site.folder / posts).is_dir() or not (site.folder / pages).is_dir():
        articles, markdown_dir, what = posts, posts, "posts"
    else:
        articles, markdown_dir, what = pages, base, "pages"
    compile_ = {
        "format": "markdown",
        "layout": "directory",
        "markdown_dir": markdown_dir,
        "copy_source": False,
        "heading_ids": "jekyll",
    }
    destination = _folder(settings.get("destination"), "_site")
    paths = {"articles": articles, "site": _site_folder([destination, posts])}
    front_matter = {"translate": list(JEKYLL_FRONT_MATTER)}
    where = _join(markdown_dir, locales[0])
    notes = [] if what == "posts" else _jekyll_permalink_notes(site.folder, pages, locales[0])
    additions = _jekyll_additions(
        settings, source, locales, ["locales", "glossary", "transpub.toml", paths["site"]]
    )
    return SiteSetup(
        site,
        _found(
            site,
            f"its {what} in {articles}/ are the articles, each language's in a folder of its own "
            f"for jekyll-polyglot ({where}/)",
        ),
        _tables(paths, compile_, {}, {}, front_matter),
        {
            "paths.site": f"HTML pages of HTML articles (not {destination}/, where jekyll builds the site)",
            "compile.markdown_dir": f"→ {where}/…",
            "compile.copy_source": f"the {what} of {source} stay where they are",
            "extract.front_matter.translate": "not categories: they are in the posts' URLs",
        },
        _dump(additions, site.config_name),
        tuple(notes),
    )


#: The files of a Jekyll site that are pages (Markdown and HTML with front matter).
_JEKYLL_PAGES = (".md", ".markdown", ".html")


def _jekyll_permalink_notes(folder: Path, pages: str, target: str) -> list[str]:
    """A note naming the pages of the source-language folder ``pages`` that set no ``permalink``:
    jekyll-polyglot pairs a page's languages by it (without one, ``es/ferry.md`` is published
    at ``/es/es/ferry/`` and ``en/ferry.md`` at ``/en/ferry/``)."""
    missing = list(_pages_without(folder / pages, ("permalink",), _JEKYLL_PAGES))
    if not missing:
        return []
    page = PurePosixPath(missing[0].relative_to(folder / pages).as_posix())
    url = page.parent if page.stem == "index" else page.with_suffix("")
    more = f" and {len(missing) - 1} more of {pages}/" if len(missing) > 1 else ""
    return [
        f"{_join(pages, str(page))}{more} set no permalink, by which jekyll-polyglot pairs a page's "
        f"languages: add one to each page's front matter (permalink: {'/'.join(('', *url.parts, ''))}; "
        f"its translations keep it), else {_join(target, str(page))} is published under "
        f"/{target}/{target}/, not /{target}/"
    ]


def _jekyll_additions(
    settings: Mapping[str, Any], source: str, locales: list[str], excluded: list[str]
) -> dict[str, Any]:
    """What _config.yml lacks for jekyll-polyglot, and the project's own files Jekyll would publish."""

    def listed(key: str) -> list[Any]:
        value = settings.get(key)
        return value if isinstance(value, list) else []

    additions: dict[str, Any] = {}
    if "jekyll-polyglot" not in listed("plugins") + listed("gems"):
        additions["plugins"] = ["jekyll-polyglot"]
    languages = [loc for loc in (source, *locales) if loc not in listed("languages")]
    if languages:
        additions["languages"] = languages
    if "default_lang" not in settings:
        additions["default_lang"] = source
    if settings.get("lang_from_path") is not True:
        additions["lang_from_path"] = True
    exclude = [name for name in excluded if name not in listed("exclude")]
    if exclude:
        additions["exclude"] = exclude
    return additions


def _mkdocs_plugin(plugins: Any, name: str) -> dict[str, Any] | None:
    """The options of plugin ``name`` in MkDocs' ``plugins`` (a list or a mapping); None when absent."""
    if isinstance(plugins, dict):
        plugins = [{key: value} for key, value in plugins.items()]
    for item in plugins if isinstance(plugins, list) else []:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return item[name] if isinstance(item[name], dict) else {}
    return None


def _mkdocs(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """MkDocs with mkdocs-static-i18n: its ``docs_dir``, by suffix (the plugin's default) or by
    folder (the plugin's ``docs_structure``, or a source-language folder in ``docs_dir``)."""
    settings = site.settings
    docs = _folder(settings.get("docs_dir"), "docs")
    built = _folder(settings.get("site_dir"), "site")
    plugin = _mkdocs_plugin(settings.get("plugins"), "i18n")
    if plugin is not None:
        structure = "folder" if plugin.get("docs_structure") == "folder" else "suffix"
    else:
        structure = "folder" if (site.folder / docs / source).is_dir() else "suffix"
    compile_: dict[str, Any] = {"format": "markdown"}
    if structure == "folder":
        articles = _join(docs, source)
        compile_ |= {"layout": "directory", "markdown_dir": docs}
        where = f"each language's in a folder of its own for mkdocs-static-i18n ({_join(docs, locales[0])}/)"
        layout = f"{articles}/… → {_join(docs, locales[0])}/…"
    else:
        articles = docs
        compile_["layout"] = "suffix"
        page = _first_page(site.folder / docs) or "index.md"
        translated = _join(docs, f"{page.removesuffix('.md')}.{locales[0]}.md")
        where = f"each translation beside its page for mkdocs-static-i18n ({translated})"
        layout = f"{_join(docs, page)} → {translated}"
    compile_["heading_ids"] = "mkdocs"
    paths = {"articles": articles, "site": _site_folder([built, docs])}
    additions = _mkdocs_additions(settings, plugin, structure, source, locales)
    untitled = [loc for loc in (source, *locales) if re.search(r"[-_@]", loc)]
    notes = []
    if structure == "folder" and untitled and "nav" not in settings:
        notes.append(
            f"mkdocs-static-i18n (1.3) finds neither the navigation nor the home page of "
            f"{untitled[0]} by folder ({_join(docs, untitled[0])}/ is no section titled "
            f'"{untitled[0].capitalize()}" to MkDocs) unless {site.config_name} has a nav: add one, '
            f"its pages named as in {articles}/ (nav: [index.md, …])"
        )
    return SiteSetup(
        site,
        _found(site, f"its pages in {articles}/ are the articles, {where}"),
        _tables(paths, compile_, {}, {}),
        {
            "paths.articles": "MkDocs' docs_dir"
            + (f", its {source} folder" if structure == "folder" else ""),
            "paths.site": f"HTML pages of HTML articles (not {built}/, which `mkdocs build` empties)",
            "compile.layout": layout,
            "compile.heading_ids": "translated headings keep their anchors (with attr_list)",
        },
        _dump(additions, site.config_name),
        tuple(notes),
    )


#: MkDocs-Material's languages named with more than a language (its ``partials/languages/``), by
#: the gettext names they are for.
_MATERIAL_LANGUAGES = {
    "pt_BR": "pt-BR",
    "zh_TW": "zh-TW",
    "zh_HK": "zh-Hant",
    "zh_Hant": "zh-Hant",
    "ku_IQ": "ku-IQ",
}


def _material_language(locale: str) -> str | None:
    """MkDocs-Material's ``theme.language`` for ``locale``, when it is not the locale's own name
    (mkdocs-static-i18n gives the theme the locale's name, and Material has no ``zh_CN``).

    >>> _material_language("zh_CN"), _material_language("pt_BR"), _material_language("es")
    ('zh', 'pt-BR', None)
    """
    if not re.search(r"[_@]", locale):
        return None
    base = locale.partition("@")[0]
    return _MATERIAL_LANGUAGES.get(base, base.split("_")[0])


def _mkdocs_additions(
    settings: Mapping[str, Any],
    plugin: Mapping[str, Any] | None,
    structure: str,
    source: str,
    locales: list[str],
) -> dict[str, Any]:
    """What mkdocs.yml lacks: attr_list (for the ids heading_ids writes), the i18n plugin and its
    languages (with MkDocs' search, which a ``plugins`` list of one's own would drop)."""
    additions: dict[str, Any] = {}
    extensions = settings.get("markdown_extensions")
    names = [
        name
        for item in (extensions if isinstance(extensions, list) else [])
        for name in (item if isinstance(item, dict) else [item])
    ]
    if "attr_list" not in names:
        additions["markdown_extensions"] = ["attr_list"]
    have = (plugin or {}).get("languages")
    known = (
        {item.get("locale") for item in have if isinstance(item, dict)} if isinstance(have, list) else set()
    )
    theme = settings.get("theme")
    material = (theme.get("name") if isinstance(theme, dict) else theme) == "material"
    languages = [
        {
            "locale": loc,
            **({"default": True} if loc == source else {}),
            "name": native_name(loc),
            **({"theme": {"language": shown}} if material and (shown := _material_language(loc)) else {}),
            "build": True,
        }
        for loc in (source, *locales)
        if loc not in known
    ]
    if plugin is None:
        search: list[Any] = [] if "plugins" in settings else ["search"]
        additions["plugins"] = [*search, {"i18n": {"docs_structure": structure, "languages": languages}}]
    elif languages:
        additions["plugins"] = [{"i18n": {"languages": languages}}]
    return additions
