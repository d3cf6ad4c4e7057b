"""The project: ``transpub.toml``, its locales and the path scheme."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from babel import Locale, UnknownLocaleError

from .errors import ConfigError, TranspubError

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
            p
            for p in self.articles_dir.iterdir()
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
    except UnknownLocaleError as exc:
        raise ConfigError(
            f"unknown locale {name!r} (not in Babel's CLDR data; use gettext names such as "
            "zh_CN, pt_BR, sr@latin)",
            where,
        ) from exc
    except ValueError as exc:
        raise ConfigError(f"unknown locale {name!r} ({exc})", where) from exc
    return name


def find_project_root(start: Path) -> Path:
    """The nearest folder at or above ``start`` holding ``transpub.toml``."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_NAME).is_file():
            return folder
    raise ConfigError(
        f"no {CONFIG_NAME} in {start} or its parents (run `transpub init` first, or pass --project DIR)"
    )


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
        raise ConfigError('extract.segmentation must be "sentence" or "paragraph"', config_path)
    overrides = extract.get("segmentation_overrides", {})
    if not isinstance(overrides, dict):
        raise ConfigError(
            '[extract.segmentation_overrides] must be a table of article = "sentence" or "paragraph"',
            config_path,
        )
    for article, mode in overrides.items():
        if mode not in ("sentence", "paragraph"):
            raise ConfigError(
                f'extract.segmentation_overrides.{article} must be "sentence" or "paragraph", not {mode!r}',
                config_path,
            )

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

    fuzzy_threshold = parse_fuzzy_threshold(extract.get("fuzzy_threshold", 0.6), config_path)
    publish_threshold = _percentage(
        compile_.get("publish_threshold", 80.0), "compile.publish_threshold", config_path
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
        fuzzy_threshold=fuzzy_threshold,
        publish_threshold=publish_threshold,
        engines=_table(raw, "engines", config_path),
        check=_table(raw, "check", config_path),
        raw=raw,
    )


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


def _percentage(value: Any, name: str, where: Path) -> float:
    if _is_number(value) and 0 <= value <= 100:
        return float(value)
    raise ConfigError(f"{name} must be a percentage from 0 to 100, not {value!r}", where)


def render_gitignore(site: str = "site") -> str:
    """The ``.gitignore`` of a new project: transpub's local state and the generated site.

    ``.transpub/`` holds the translation memory (a local cache of machine translations) and the
    catalogs' lock files.
    """
    return (
        "# transpub: local state (translation memory cache, catalog locks) and the built site\n"
        f"/.transpub/\n/{site.strip('/')}/\n"
    )


def init_project(
    directory: Path, *, source: str, locales: list[str], name: str | None = None, engine: str | None = None
) -> list[Path]:
    """Create a project in ``directory`` (what ``transpub init`` does); return the files written.

    Writes transpub.toml, articles/, locales/, glossary/terms.csv and a .gitignore (an existing
    .gitignore gets the missing lines appended). Nothing is written when transpub.toml already
    exists (TranspubError) or a locale is unknown or repeated as the source (ConfigError).
    """
    config = directory / CONFIG_NAME
    if config.exists():
        raise TranspubError(f"{config} already exists; not overwriting it")
    for loc in (source, *locales):
        validate_locale(loc)
    if source in locales:
        raise ConfigError(f"the source locale {source} cannot also be a target")
    written: list[Path] = []
    directory.mkdir(parents=True, exist_ok=True)
    for sub in ("articles", "locales", "glossary"):
        (directory / sub).mkdir(exist_ok=True)
    glossary = directory / "glossary" / "terms.csv"
    if not glossary.exists():
        glossary.write_text("term," + ",".join(locales) + ",note\n", encoding="utf-8")
        written.append(glossary)
    ignore = directory / ".gitignore"
    if not ignore.exists():
        ignore.write_text(render_gitignore(), encoding="utf-8")
        written.append(ignore)
    else:
        existing = ignore.read_text(encoding="utf-8")
        present = {line.strip() for line in existing.splitlines()}
        lines = render_gitignore().splitlines()
        missing = [line for line in lines[1:] if line not in present]
        if missing:
            separator = "" if existing.endswith("\n") or not existing else "\n"
            ignore.write_text(existing + separator + "\n".join([lines[0], *missing]) + "\n", encoding="utf-8")
            written.append(ignore)
    config.write_text(
        render_config(name or directory.resolve().name, source, list(locales), engine), encoding="utf-8"
    )
    written.append(config)
    return written


def render_config(name: str, source: str, locales: list[str], engine: str | None = None) -> str:
    """The text of a new ``transpub.toml`` (used by ``transpub init``)."""
    locale_list = ", ".join(f'"{loc}"' for loc in locales)
    engine_line = (
        f'engine = "{engine}"'
        if engine
        else '# engine = "apertium"   # default MT engine; see `transpub engines`'
    )
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
fuzzy_threshold = 0.6       # similarity (0-1, or a percentage such as 60) at which a changed
                            # sentence keeps its old translation as fuzzy

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
