"""The project: ``transpub.toml``, its locales and the path scheme."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import ConfigError

CONFIG_NAME = "transpub.toml"
ARTICLE_SUFFIXES = (".html", ".htm", ".md", ".markdown", ".txt")


@dataclass(frozen=True)
class LocaleSettings:
    """Per-locale settings from ``[locale.<name>]``."""

    engine: str | None = None
    publish_threshold: float | None = None
    min_translated: float | None = None
    allow_fuzzy: bool | None = None


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
    locale_settings: dict[str, LocaleSettings] = field(default_factory=dict)
    segmentation: str = "sentence"
    extract_code: bool = False
    extract_pre: bool = True
    fuzzy_threshold: float = 0.6
    publish_threshold: float = 80.0
    engines: dict[str, dict[str, Any]] = field(default_factory=dict)
    check: dict[str, Any] = field(default_factory=dict)
    raw: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def config_path(self) -> Path:
        """The ``transpub.toml`` this project was loaded from."""
        return self.root / CONFIG_NAME

    @property
    def templates_dir(self) -> Path:
        """``locales/templates``: one POT per article."""
        return self.catalogs_dir / "templates"

    def template_path(self, slug: str) -> Path:
        """Where the POT of article ``slug`` lives."""
        return self.templates_dir / f"{slug}.pot"

    def catalog_path(self, locale: str, slug: str) -> Path:
        """Where the PO of article ``slug`` for ``locale`` lives."""
        return self.catalogs_dir / locale / "LC_MESSAGES" / f"{slug}.po"

    def relative(self, path: Path) -> str:
        """``path`` relative to the project root when inside it, for messages and references."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)

    def settings_for(self, locale: str) -> LocaleSettings:
        """The ``[locale.<name>]`` settings of ``locale`` (empty when absent)."""
        return self.locale_settings.get(locale, LocaleSettings())

    def engine_for(self, locale: str) -> str | None:
        """The MT engine for ``locale``: its own setting, else the project default."""
        own = self.settings_for(locale).engine
        return own if own is not None else self.engine

    def article_paths(self) -> list[Path]:
        """Every source article, sorted by name."""
        if not self.articles_dir.is_dir():
            return []
        return sorted(
            p for p in self.articles_dir.iterdir()
            if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES and not p.name.startswith(".")
        )

    def select_locales(self, requested: tuple[str, ...] | list[str] | None) -> list[str]:
        """The target locales to work on: all of them, or those requested (which must be configured)."""
        if not requested:
            return list(self.locales)
        unknown = [loc for loc in requested if loc not in self.locales]
        if unknown:
            raise ConfigError(
                f"locale {', '.join(unknown)} is not a target of this project "
                f"(targets: {' '.join(self.locales)})",
                self.config_path,
            )
        return list(dict.fromkeys(requested))


def slug_of(path: Path) -> str:
    """The article slug: its file name without the suffix.

    >>> slug_of(Path("articles/jingyue-signing.html"))
    'jingyue-signing'
    """
    return path.stem


def validate_locale(name: str, where: Path | None = None) -> str:
    """Check that ``name`` is a gettext locale name Babel knows, and return it."""
    try:
        Locale.parse(name)
    except (UnknownLocaleError, ValueError) as exc:
        raise ConfigError(f"unknown locale {name!r} ({exc})", where) from exc
    return name


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``transpub.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(f"no {CONFIG_NAME} in {start} or its parents (run `transpub init` first, or pass --project DIR)")


def load_project(root: Path | None = None, *, cwd: Path | None = None) -> Project:
    """Load the project at ``root``, or the one found from ``cwd`` upwards."""
    root = root.resolve() if root is not None else find_project_root(cwd or Path.cwd())
    config_path = root / CONFIG_NAME
    try:
        raw = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"no {CONFIG_NAME} here", root) from exc
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"not valid TOML: {exc}", config_path) from exc
    return parse_config(root, raw)


def _table(raw: dict[str, Any], key: str, config_path: Path) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"[{key}] must be a table", config_path)
    return value


def parse_config(root: Path, raw: dict[str, Any]) -> Project:
    """Build a :class:`Project` from the parsed TOML of ``root/transpub.toml``."""
    config_path = root / CONFIG_NAME
    proj = _table(raw, "project", config_path)
    paths = _table(raw, "paths", config_path)
    extract = _table(raw, "extract", config_path)
    translate = _table(raw, "translate", config_path)
    compile_ = _table(raw, "compile", config_path)

    source = validate_locale(str(proj.get("source_locale", "en")), config_path)
    locales = proj.get("locales", [])
    if not isinstance(locales, list) or not all(isinstance(x, str) for x in locales):
        raise ConfigError("project.locales must be a list of locale names", config_path)
    for loc in locales:
        validate_locale(loc, config_path)
    if source in locales:
        raise ConfigError(f"the source locale {source} cannot also be a target", config_path)

    segmentation = str(extract.get("segmentation", "sentence"))
    if segmentation not in ("sentence", "paragraph"):
        raise ConfigError("extract.segmentation must be \"sentence\" or \"paragraph\"", config_path)

    settings: dict[str, LocaleSettings] = {}
    for name, table in _table(raw, "locale", config_path).items():
        if name not in locales:
            raise ConfigError(f"[locale.{name}] configures a locale that is not a target", config_path)
        if not isinstance(table, dict):
            raise ConfigError(f"[locale.{name}] must be a table", config_path)
        settings[name] = LocaleSettings(
            engine=table.get("engine"),
            publish_threshold=table.get("publish_threshold"),
            min_translated=table.get("min_translated"),
            allow_fuzzy=table.get("allow_fuzzy"),
        )

    glossary = paths.get("glossary")
    return Project(
        root=root,
        name=str(proj.get("name", root.name)),
        source_locale=source,
        locales=tuple(locales),
        articles_dir=root / paths.get("articles", "articles"),
        catalogs_dir=root / paths.get("catalogs", "locales"),
        site_dir=root / paths.get("site", "site"),
        glossary_path=(root / glossary) if glossary else None,
        memory_path=root / paths.get("memory", ".transpub/memory.sqlite"),
        engine=translate.get("engine"),
        locale_settings=settings,
        segmentation=segmentation,
        extract_code=bool(extract.get("code", False)),
        extract_pre=bool(extract.get("pre", True)),
        fuzzy_threshold=float(extract.get("fuzzy_threshold", 0.6)),
        publish_threshold=float(compile_.get("publish_threshold", 80.0)),
        engines=_table(raw, "engines", config_path),
        check=_table(raw, "check", config_path),
        raw=raw,
    )


def render_config(name: str, source: str, locales: list[str], engine: str | None = None) -> str:
    """The text of a new ``transpub.toml`` (used by ``transpub init``)."""
    locale_list = ", ".join(f'"{loc}"' for loc in locales)
    engine_line = f'engine = "{engine}"' if engine else '# engine = "apertium"   # default MT engine; see `transpub engines`'
    return f'''# transpub project configuration
[project]
name = "{name}"
source_locale = "{source}"
locales = [{locale_list}]

[paths]
articles = "articles"
catalogs = "locales"
site = "site"
glossary = "glossary/terms.csv"
memory = ".transpub/memory.sqlite"

[extract]
segmentation = "sentence"   # or "paragraph"
code = false                # extract text inside <code>?
pre = true                  # extract text inside <pre> (whitespace kept)?
fuzzy_threshold = 0.6       # similarity for keeping a changed sentence's old translation as fuzzy

[translate]
{engine_line}

[compile]
publish_threshold = 80      # % of units translated below which a locale is not published

# Per-locale settings, e.g.:
# [locale.es]
# engine = "apertium"
# publish_threshold = 60
# min_translated = 100      # used by `transpub check`
'''
