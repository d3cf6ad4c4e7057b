"""What ``transpub init`` reads and writes for every generator: a found site (:class:`Site`) and
the settings proposed for it (:class:`SiteSetup`), its configuration files and pages' front matter
read, folder settings, and the text shown to add to its configuration file."""

from __future__ import annotations

import json
import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from transpub.mkdocs_site import mkdocs_plugin, read_mkdocs_config
from transpub.page_front_matter import lower_keys, page_front_matter

GENERATOR_NAMES = {"hugo": "Hugo", "jekyll": "Jekyll", "mkdocs": "MkDocs"}


_SHOWN = {"hugo": "a Hugo", "jekyll": "a Jekyll", "mkdocs": "an MkDocs"}


#: The files each generator reads its settings from, in its order.
CONFIG_FILES = {
    "hugo": ("hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"),
    "jekyll": ("_config.yml", "_config.yaml", "_config.toml"),
    "mkdocs": ("mkdocs.yml", "mkdocs.yaml"),
}


HUGO_DEFAULT = "_default"


#: The environment ``hugo`` builds with, and the one ``hugo server`` serves with.
HUGO_BUILD_ENVIRONMENT = "production"


SETTINGS_SUFFIXES = (".toml", ".yaml", ".yml", ".json")


#: The largest configuration file read.
_MAX_BYTES = 1_000_000


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
            default = self.config_dir / HUGO_DEFAULT
            names = [f"{stem}{suffix}" for stem in ("hugo", "config") for suffix in SETTINGS_SUFFIXES]
            file = next(
                (default / name for name in names if (default / name).is_file()), default / "hugo.toml"
            )
            return shown_path(file, self.folder)
        return self.config.name if self.config else CONFIG_FILES[self.generator][0]

    @property
    def read_from(self) -> str | None:
        """What the site's settings were read from (None: nothing, the generator's defaults hold)."""
        names = [self.config.name] if self.config else []
        if self.config_dir is not None:
            other = "" if self.environment == HUGO_BUILD_ENVIRONMENT else f" for {self.environment}"
            names.append(f"{shown_path(self.config_dir, self.folder)}/{other}")
        return " and ".join(names) or None

    def default_language(self) -> str | None:
        """The language the site names as its default one (as written), if any."""
        value: Any = None
        if self.generator == "hugo":
            value = self.settings.get("defaultcontentlanguage")
        elif self.generator == "jekyll":
            value = self.settings.get("default_lang")
        else:
            plugin = mkdocs_plugin(self.settings.get("plugins"), "i18n") or {}
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


def shown_path(path: Path, folder: Path) -> str:
    """``path`` relative to ``folder`` when it is in it, else as it is."""
    return path.relative_to(folder).as_posix() if path.is_relative_to(folder) else str(path)


def read_site_settings(path: Path, generator: str) -> tuple[dict[str, Any], str | None]:
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
    return (lower_keys(settings) if generator == "hugo" else settings), None


def as_mapping(settings: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The mapping ``settings`` holds under ``key`` (empty when it holds none)."""
    value = settings.get(key)
    return value if isinstance(value, dict) else {}


def folder_setting(value: Any, default: str) -> str:
    """A folder setting as a relative POSIX path ("." for the site's own folder), else ``default``.

    >>> folder_setting("./docs/", "x"), folder_setting(None, "content"), folder_setting("", "site"), folder_setting(".", "x")
    ('docs', 'content', 'site', '.')
    """
    if not isinstance(value, str) or not value.strip():
        return default
    return PurePosixPath(value.strip().replace("\\", "/")).as_posix()


def join_folders(*parts: str) -> str:
    """Folders joined, ``.`` parts dropped.

    >>> join_folders(".", "_posts"), join_folders("content", "en"), join_folders(".", ".")
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


def site_folder_of(taken: list[str]) -> str:
    """transpub's ``[paths] site``: the first of its names that is none of ``taken`` (the folder the
    generator builds into, its sources), nor holds or lies in one."""
    return next(name for name in _SITE_NAMES if not any(_overlaps(name, folder) for folder in taken))


def first_page(folder: Path) -> str | None:
    """The first Markdown file below ``folder`` in name order (files before folders), relative."""
    for top, dirs, files in os.walk(folder):
        dirs[:] = sorted(name for name in dirs if not name.startswith((".", "_")))
        pages = sorted(name for name in files if name.endswith(".md"))
        if pages:
            return Path(top, pages[0]).relative_to(folder).as_posix()
    return None


def content_sections(folder: Path) -> list[str]:
    """The folders right below a content folder (a site's sections: ``posts``)."""
    if not folder.is_dir():
        return []
    return sorted(
        entry.name for entry in folder.iterdir() if entry.is_dir() and not entry.name.startswith((".", "_"))
    )


def dumped_settings(additions: dict[str, Any], config: str) -> str:
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


def found_line(site: Site, what: str) -> str:
    """The line saying which site was found and what transpub does with it."""
    if site.read_from is None:
        return f"Taken as {_SHOWN[site.generator]} site (--generator {site.generator}): {what}"
    return f"Found {_SHOWN[site.generator]} site ({site.read_from}): {what}"


def pages_without(folder: Path, keys: tuple[str, ...], suffixes: tuple[str, ...]) -> Iterator[Path]:
    """The pages below ``folder`` (files ending in one of ``suffixes``), in name order, whose front
    matter sets none of ``keys`` (in any case; empty is none), or that cannot be read."""
    for path, front in pages_front_matter(folder, suffixes):
        if front is None or all(front.get(key) in (None, "") for key in keys):
            yield path


def pages_front_matter(
    folder: Path, suffixes: tuple[str, ...]
) -> Iterator[tuple[Path, dict[str, Any] | None]]:
    """The pages below ``folder`` (files ending in one of ``suffixes``) in name order, each with its
    front matter (None: it has none or it cannot be read)."""
    for path in sorted(folder.rglob("*")):
        if path.suffix not in suffixes or not path.is_file():
            continue
        yield path, page_front_matter(path)


def config_tables(
    paths: dict[str, Any],
    compile_: dict[str, Any],
    links: dict[str, str],
    locale_dirs: dict[str, str],
    front_matter: dict[str, Any] | None = None,
    permalinks: dict[str, str] | None = None,
    url_dirs: dict[str, str] | None = None,
) -> dict[str, dict[str, Any]]:
    """transpub.toml's tables, the empty ones left out."""
    tables = {
        "paths": paths,
        "extract.front_matter": front_matter or {},
        "compile": compile_,
        "compile.locale_dirs": locale_dirs,
        "compile.url_dirs": url_dirs or {},
        "compile.links": links,
        "compile.permalinks": permalinks or {},
    }
    return {name: table for name, table in tables.items() if table}
