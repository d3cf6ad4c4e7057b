"""What a site's ``mkdocs.yml`` says of the ids MkDocs gives headings (``[compile] heading_ids =
"mkdocs"``).

MkDocs derives a heading's id with Python-Markdown's ``toc`` extension, whose ``slugify`` and
``separator`` the site may set (``pymdownx.slugs.slugify``, with its ``case``, ``percent_encode``
and ``normalize``), and ``pymdownx.emoji`` turns the emoji short names of a heading (``:smile:``)
into markup that the id leaves out. transpub reads those settings from the ``mkdocs.yml`` nearest
above the articles folder (no higher than the project's folder) with a safe YAML loader: a
``!!python/name:…`` or ``!!python/object/apply:…`` tag is read as a name and its values, never
imported or run. A setting transpub does not know is a problem (:attr:`MkDocsSite.problem`), and the
ids it changes are unknown: compile writes none of them rather than a wrong one. It also tells which
pymdownx.blocks show a title of their own when they give none (``/// tip``: "Tip").
"""

from __future__ import annotations

import functools
import os
import re
import reprlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import yaml

#: The names MkDocs looks for, in its order.
CONFIG_NAMES = ("mkdocs.yml", "mkdocs.yaml")
_NAME_TAG = "tag:yaml.org,2002:python/name:"
_APPLY_TAG = "tag:yaml.org,2002:python/object/apply:"
#: toc's ``slugify`` functions by name: ``(slugify, case, percent_encode)``.
_SLUGIFY_NAMES = {
    "markdown.extensions.toc.slugify": ("toc", "none", False),
    "markdown.extensions.toc.slugify_unicode": ("toc-unicode", "none", False),
    # pymdownx.slugs' older functions, each a pymdownx.slugs.slugify with fixed options
    "pymdownx.slugs.uslugify": ("pymdownx", "lower", False),
    "pymdownx.slugs.uslugify_encoded": ("pymdownx", "lower", True),
    "pymdownx.slugs.uslugify_cased": ("pymdownx", "none", False),
    "pymdownx.slugs.uslugify_cased_encoded": ("pymdownx", "none", True),
    "pymdownx.slugs.gfm": ("pymdownx", "lower-ascii", False),
    "pymdownx.slugs.gfm_encoded": ("pymdownx", "lower-ascii", True),
}
#: A separator toc would put in a regular expression's character class (``[-\s]``) other than as its
#: characters: one that could close the class (``-]|(x+x+)+y|[-``: a pattern taking hours), negate it
#: or make a range.
_UNSAFE_SEPARATOR = re.compile(r"[\\\[\]^]|.-.")
#: The largest ``mkdocs.yml`` (or file it inherits) read; a larger one is a problem, not read.
MAX_BYTES = 1_000_000
_PYMDOWNX_CASES = ("lower", "lower-ascii", "fold")  # (any other value: the case is kept)
_NORMAL_FORMS = ("NFC", "NFKC", "NFD", "NFKD")
#: pymdownx.emoji's indexes whose short names transpub knows the form of (lower-case names).
_EMOJI_INDEXES = {
    f"{module}.{name}"
    for module, name in [
        ("pymdownx.emoji", "emojione"),
        ("pymdownx.emoji", "gemoji"),
        ("pymdownx.emoji", "twemoji"),
        ("material.extensions.emoji", "twemoji"),
        ("materialx.emoji", "twemoji"),
    ]
}
#: pymdownx.emoji's generators that make an emoji an image (no text for the id).
_IMAGE_GENERATORS = {
    "pymdownx.emoji.to_png",
    "pymdownx.emoji.to_svg",
    "material.extensions.emoji.to_svg",
    "materialx.emoji.to_svg",
}
#: Its generators that write the emoji's ``alt`` as text: its short name with ``alt: short``.
_TEXT_GENERATORS = {"pymdownx.emoji.to_alt", "pymdownx.emoji.to_png_sprite", "pymdownx.emoji.to_svg_sprite"}


@dataclass(frozen=True)
class MkDocsIds:
    """How MkDocs derives a heading's id on a site (the defaults: MkDocs' own)."""

    #: An emoji short name (``:smile:``) in a heading's text: ``"text"`` (no ``pymdownx.emoji``, or one
    #: that writes the name as text), ``"dropped"`` (an image the id leaves out), ``"unknown"``.
    emoji: str = "text"
    #: toc's ``slugify``: ``"toc"`` (Python-Markdown's), ``"toc-unicode"`` (its ``slugify_unicode``),
    #: ``"pymdownx"`` (``pymdownx.slugs.slugify``), ``""``: one transpub does not know.
    slugify: str = "toc"
    #: ``pymdownx.slugs.slugify``'s options.
    case: str = "none"
    percent_encode: bool = False
    normalize: str = "NFC"
    #: toc's ``separator``.
    separator: str = "-"


#: MkDocs' own settings (no mkdocs.yml, or one that changes none of its ids).
DEFAULT_IDS = MkDocsIds()


#: Ids transpub cannot know (the site's settings could not be read).
UNKNOWN = MkDocsIds(emoji="unknown", slugify="")

#: pymdownx.blocks.admonition's types (its default ``types``): the name and the title it shows of a
#: block that gives none (``/// tip``: "Tip").
DEFAULT_BLOCK_TITLES: tuple[tuple[str, str], ...] = tuple(
    (name, name.title())
    for name in ("note", "attention", "caution", "danger", "error", "tip", "hint", "warning", "important")
)
_SEPARATORS = re.compile(r"[_-]+")


@dataclass(frozen=True)
class MkDocsSite:
    """The ``mkdocs.yml`` read for the ids of a site's headings."""

    #: The file (None: none found; MkDocs' defaults).
    path: Path | None
    ids: MkDocsIds = DEFAULT_IDS
    #: Why some ids cannot be known (a setting transpub does not know, a file it cannot read).
    problem: str | None = None
    #: The line of a YAML error.
    line: int | None = None
    #: The pymdownx.blocks admonitions and details that show a title when they give none (``/// tip``):
    #: each block's name and that title, as ``types`` of ``pymdownx.blocks.admonition`` (and
    #: ``pymdownx.blocks.details``) set them.
    block_titles: tuple[tuple[str, str], ...] = DEFAULT_BLOCK_TITLES
    #: Whether the site loads pymdownx.fancylists (``a.``, ``B)`` lists; True when the file cannot be
    #: read: it may).
    fancy_lists: bool = True


@dataclass(frozen=True)
class Tagged:
    """A YAML value with a tag the safe loader does not know (``!!python/name:x.y``, ``!ENV``)."""

    tag: str
    value: Any


class Unreadable(ValueError):
    """A YAML error, with the line to name (None: none is where the problem is)."""

    def __init__(self, reason: str, line: int | None) -> None:
        super().__init__(reason)
        self.line = line


@functools.cache
def _loader() -> type[yaml.SafeLoader]:
    """YAML's safe loader that reads any other tag as a :class:`Tagged` value (nothing imported)
    and keeps in ``repeated`` the values an alias repeats (their start -> the anchor's name); made on
    first use (a run without MkDocs ids loads no YAML for it)."""
    import yaml

    class Loader(yaml.SafeLoader):
        def __init__(self, stream: str) -> None:
            super().__init__(stream)
            self.repeated: dict[int, str] = {}

        def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
            alias = self.peek_event()
            node = super().compose_node(parent, index)
            if isinstance(alias, yaml.AliasEvent) and node is not None:
                self.repeated.setdefault(node.start_mark.index, str(alias.anchor))
            return node

    def tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Tagged:
        value: Any
        if isinstance(node, yaml.MappingNode):
            value = loader.construct_mapping(node, deep=True)
        elif isinstance(node, yaml.SequenceNode):
            value = loader.construct_sequence(node, deep=True)
        else:
            value = loader.construct_scalar(node)  # type: ignore[arg-type]
        return Tagged(str(node.tag), value)

    Loader.add_multi_constructor("", tagged)
    return Loader


@dataclass(frozen=True)
class MkDocsFolders:
    """The folders an ``mkdocs.yml`` names (absolute; None: set to something transpub cannot read)."""

    #: The file.
    path: Path
    #: ``site_dir``: where ``mkdocs build`` writes the site, emptying it first (``site`` by default).
    site_dir: Path | None
    #: ``theme.custom_dir``: the theme's overrides, Jinja templates (``main.html``), no pages.
    custom_dir: Path | None = None
    #: The locales mkdocs-static-i18n's ``languages`` name (``pt_BR``, ``zh-Hant``), which it builds
    #: pages of; None when the file sets the plugin up with no such list, or not at all.
    languages: frozenset[str] | None = None


def read_mkdocs_config(path: Path, root: Path) -> dict[str, Any] | None:
    """The settings of ``path`` (an ``mkdocs.yml``) as MkDocs loads them, read safely (a tag such
    as ``!ENV`` or ``!!python/name:…`` is a :class:`Tagged` value, nothing run); None when it cannot
    be read (its file ``INHERIT`` names is read as :func:`read_mkdocs_site` reads it)."""
    import yaml

    try:
        return _load(path, _top(path, root), set())
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError):
        return None


def _top(path: Path, root: Path | None) -> Path:
    """The folder a file that ``path``'s ``INHERIT`` names must be in: ``root`` (the project's
    folder) when ``path`` is inside it, else the folder of ``path``."""
    top = Path(os.path.realpath(path.parent))
    if root is not None and top.is_relative_to(os.path.realpath(root)):
        return Path(os.path.realpath(root))
    return top


def read_mkdocs_folders(path: Path, root: Path) -> MkDocsFolders | None:
    """The folders ``path`` (an ``mkdocs.yml``) names, from its folder, as MkDocs takes them; None
    when it cannot be read (see :func:`read_mkdocs_config`)."""
    config = read_mkdocs_config(path, root)
    if config is None:
        return None
    theme = config.get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    plugin = mkdocs_plugin(config.get("plugins"), "i18n")
    listed = plugin.get("languages") if plugin is not None else None
    return MkDocsFolders(
        path,
        _folder(path, config.get("site_dir", "site")),
        _folder(path, custom) if custom is not None else None,
        frozenset(plugin_locales(plugin)) if isinstance(listed, list) else None,
    )


def mkdocs_plugin(plugins: Any, name: str) -> dict[str, Any] | None:
    """The options of plugin ``name`` in MkDocs' ``plugins`` (a list or a mapping); None when absent."""
    if isinstance(plugins, dict):
        plugins = [{key: value} for key, value in plugins.items()]
    for item in plugins if isinstance(plugins, list) else []:
        if item == name:
            return {}
        if isinstance(item, dict) and name in item:
            return item[name] if isinstance(item[name], dict) else {}
    return None


def plugin_locales(plugin: Mapping[str, Any] | None) -> set[str]:
    """The locales of the languages mkdocs-static-i18n's options ``plugin`` name."""
    have = (plugin or {}).get("languages")
    items = have if isinstance(have, list) else []
    return {str(item["locale"]) for item in items if isinstance(item, dict) and item.get("locale")}


def _folder(config: Path, value: object) -> Path | None:
    """The folder ``value`` (a setting of the file ``config``) names, from the file's folder.

    >>> _folder(Path("/s/mkdocs.yml"), "docs/overrides"), _folder(Path("/s/mkdocs.yml"), 3)
    (PosixPath('/s/docs/overrides'), None)
    """
    if not isinstance(value, str) or not value.strip():
        return None  # (a Tagged !ENV value, a number: unknown)
    return Path(os.path.abspath(config.parent / value))


def find_mkdocs_config(articles: Path, root: Path) -> Path | None:
    """The site's ``mkdocs.yml`` (or ``mkdocs.yaml``): the nearest in the folders above ``articles``
    (MkDocs' ``docs_dir``), looking no higher than ``root`` (the project's folder) but always in the
    folder right above ``articles``; None when there is none."""
    for folder in _folders_above(articles, root):
        for name in CONFIG_NAMES:
            if (folder / name).is_file():
                return folder / name
    return None


def _folders_above(articles: Path, root: Path) -> Iterator[Path]:
    yield articles.parent
    for folder in articles.parents[1:]:
        if folder != root and root not in folder.parents:
            break
        yield folder


def read_mkdocs_site(path: Path | None, root: Path | None = None) -> MkDocsSite:
    """What ``path`` (an ``mkdocs.yml``; None: none) says of its headings' ids. The file its
    ``INHERIT`` names is read only when it is a file inside ``root`` (the project's folder; the
    folder of ``path`` when that is outside it or not given)."""
    if path is None:
        return MkDocsSite(None, fancy_lists=False)
    import yaml

    try:
        config = _load(path, _top(path, root), set())
        extensions = _extensions(config.get("markdown_extensions"))
    except Unreadable as exc:
        return MkDocsSite(path, UNKNOWN, f"cannot be read ({exc})", exc.line)
    except (OSError, UnicodeDecodeError, yaml.YAMLError, ValueError, RecursionError) as exc:
        reason = " ".join(str(exc).split())
        return MkDocsSite(path, UNKNOWN, f"cannot be read ({reason})")
    problems: list[str] = []
    toc = extensions.get("toc", extensions.get("markdown.extensions.toc")) or {}
    slugify, case, percent, normalize = _slugify(toc.get("slugify"), problems)
    separator = toc.get("separator", "-")
    if not isinstance(separator, str):
        problems.append(f"toc's separator {_shown(separator)} is no text")
        slugify = ""
    elif _UNSAFE_SEPARATOR.search(separator):
        problems.append(f"toc's separator {_shown(separator)} is one transpub does not know")
        slugify = ""
    emoji = "text"
    if "pymdownx.emoji" in extensions:
        emoji = _emoji(extensions["pymdownx.emoji"] or {}, problems)
    ids = MkDocsIds(
        emoji, slugify, case, percent, normalize, separator if isinstance(separator, str) else "-"
    )
    return MkDocsSite(
        path,
        ids,
        "; ".join(problems) or None,
        block_titles=_block_titles(extensions),
        fancy_lists="pymdownx.fancylists" in extensions,
    )


def _block_titles(extensions: dict[str, dict[str, Any] | None]) -> tuple[tuple[str, str], ...]:
    """The blocks of pymdownx.blocks' admonition and details extensions that show a title of their
    own, with it: a type named as text or as ``{name, class, title}`` (its title, else its class's
    words capitalized, as pymdownx.blocks makes it); none of an extension the site does not load.

    >>> _block_titles({"pymdownx.blocks.admonition": {"types": ["note", {"name": "see-also"}]}})
    (('note', 'Note'), ('see-also', 'See Also'))
    >>> _block_titles({"pymdownx.blocks.details": None})
    ()
    """
    found: list[tuple[str, str]] = []
    for extension, default in (
        ("pymdownx.blocks.admonition", DEFAULT_BLOCK_TITLES),
        ("pymdownx.blocks.details", ()),
    ):
        if extension not in extensions:
            continue
        types = (extensions[extension] or {}).get("types")
        if not isinstance(types, list):
            found.extend(default)
            continue
        for item in types:
            if isinstance(item, str):
                found.append((item, _SEPARATORS.sub(" ", item).title()))
            elif isinstance(item, dict) and isinstance(item.get("name"), str):
                named = item.get("class", item["name"])
                title = item.get(
                    "title", _SEPARATORS.sub(" ", named).title() if isinstance(named, str) else None
                )
                if isinstance(title, str):
                    found.append((item["name"], title))
    return tuple(found)


def _load(path: Path, top: Path, seen: set[Path]) -> dict[str, Any]:
    """``path`` as MkDocs loads it, the file its ``INHERIT`` names under it (deep-merged, as
    MkDocs' ``mergedeep`` merges: mappings key by key, anything else replaced); the inherited file
    must be a file in ``top``."""
    import yaml

    text = _text(path)
    loader = _loader()(text)  # (a SafeLoader)
    try:
        config = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        raise _unreadable(exc, getattr(loader, "repeated", {})) from None
    finally:
        loader.dispose()
    if config is None:
        return {}
    if not isinstance(config, dict):
        raise ValueError("it holds no mapping of settings")
    parent = config.pop("INHERIT", None)
    if parent is None:
        return config
    if not isinstance(parent, str) or path in seen or len(seen) > 8:
        raise ValueError(f"INHERIT: {_shown(parent)} cannot be followed")
    seen.add(path)
    target = path.parent / parent
    if not Path(os.path.realpath(target)).is_relative_to(top):
        raise ValueError(f"INHERIT: {_shown(parent)} is outside the project's folder")
    try:
        inherited = _load(target, top, seen)
    except Unreadable as exc:  # (its line is not this file's)
        raise ValueError(f"INHERIT: {parent}: {exc}") from None
    return _merged(inherited, config, 3)


def _unreadable(exc: yaml.MarkedYAMLError, repeated: dict[int, str]) -> Unreadable:
    """Why a file cannot be read, at the line of the problem. A value an alias repeats (a
    billion-laughs file's) is found where its anchor writes it, which may be far from where it is
    used (line 1): then no line is named, the anchor's is said."""
    reason = str(exc.problem or exc.context)
    first = "; first occurrence"  # (a duplicate anchor's problem is "second occurrence")
    if exc.context and exc.context.endswith(first) and exc.context_mark is not None:
        reason = f"{exc.context.removesuffix(first)}, first written on line {exc.context_mark.line + 1}"
    mark = exc.problem_mark
    if mark is None:
        return Unreadable(reason, None)
    anchor = repeated.get(mark.index)
    if anchor is None:
        return Unreadable(reason, mark.line + 1)
    return Unreadable(
        f"{reason}: the value written as &{anchor} on line {mark.line + 1} and repeated by *{anchor} elsewhere",
        None,
    )


def _text(path: Path) -> str:
    """The text of the file ``path`` (a device, a pipe or a file larger than :data:`MAX_BYTES` is
    refused with ValueError, never read)."""
    if not path.is_file():
        raise ValueError(f"{path.name} is no file")
    with path.open("rb") as file:
        data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ValueError(f"{path.name} is larger than {MAX_BYTES // 1_000_000} MB")
    return data.decode("utf-8")


def _merged(parent: dict[str, Any], child: dict[str, Any], depth: int) -> dict[str, Any]:
    """``child`` merged into ``parent`` to ``depth`` levels (the extensions' settings; deeper values
    are replaced, as transpub reads none deeper)."""
    merged = dict(parent)
    for key, value in child.items():
        old = merged.get(key)
        if depth > 1 and isinstance(old, dict) and isinstance(value, dict):
            merged[key] = _merged(old, value, depth - 1)
        else:
            merged[key] = value
    return merged


def _extensions(value: Any) -> dict[str, dict[str, Any] | None]:
    """``markdown_extensions`` (a list of names and one-name mappings, or a mapping) by name;
    ValueError when MkDocs would refuse it."""
    if value is None:
        return {}
    items: list[tuple[Any, Any]] = []
    if isinstance(value, dict):
        items = list(value.items())
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict) and len(item) == 1:
                items.extend(item.items())
            elif isinstance(item, str):
                items.append((item, None))
            else:
                raise ValueError(f"markdown_extensions holds {_shown(item)}")
    else:
        raise ValueError("markdown_extensions is no list")
    found: dict[str, dict[str, Any] | None] = {}
    for name, settings in items:
        if not isinstance(name, str) or not (settings is None or isinstance(settings, dict)):
            raise ValueError(f"markdown_extensions holds {_shown(name)}: {_shown(settings)}")
        found[name] = settings
    return found


def _slugify(value: Any, problems: list[str]) -> tuple[str, str, bool, str]:
    """toc's ``slugify`` setting as ``(slugify, case, percent_encode, normalize)`` (see
    :class:`MkDocsIds`); one transpub does not know is ``""``, and a problem."""
    if value is None:
        return "toc", "none", False, "NFC"
    if isinstance(value, Tagged) and value.tag.startswith(_NAME_TAG):
        known = _SLUGIFY_NAMES.get(value.tag[len(_NAME_TAG) :])
        if known is not None:
            return (*known, "NFC")
    if isinstance(value, Tagged) and value.tag == _APPLY_TAG + "pymdownx.slugs.slugify":
        arguments = value.value if isinstance(value.value, dict) else {"args": value.value}
        keywords = arguments.get("kwds") or {}
        normalize = keywords.get("normalize", "NFC") if isinstance(keywords, dict) else None
        if (
            arguments.get("args") in (None, "", [])
            and set(arguments) <= {"args", "kwds"}
            and isinstance(keywords, dict)
            and normalize in _NORMAL_FORMS
        ):
            case = keywords.get("case", "none")
            return (
                "pymdownx",
                case if case in _PYMDOWNX_CASES else "none",
                bool(keywords.get("percent_encode")),
                normalize,
            )
    problems.append(f"toc's slugify {_shown(value)} is one transpub does not know")
    return "", "none", False, "NFC"


def _emoji(settings: dict[str, Any], problems: list[str]) -> str:
    """What pymdownx.emoji's ``settings`` make of a short name in a heading (see :class:`MkDocsIds`)."""
    index = _name(settings.get("emoji_index"), "pymdownx.emoji.emojione")
    generator = _name(settings.get("emoji_generator"), "pymdownx.emoji.to_png")
    if index not in _EMOJI_INDEXES:
        problems.append(
            f"pymdownx.emoji's emoji_index {_shown(settings.get('emoji_index'))} is one transpub does not know"
        )
        return "unknown"
    if generator in _IMAGE_GENERATORS:
        return "dropped"
    if generator in _TEXT_GENERATORS and settings.get("alt", "unicode") == "short":
        return "text"
    problems.append(
        f"pymdownx.emoji's emoji_generator {_shown(settings.get('emoji_generator'))} (alt "
        f"{_shown(settings.get('alt', 'unicode'))}) is one transpub does not know"
    )
    return "unknown"


def _name(value: Any, default: str) -> str | None:
    """The function a ``!!python/name:x.y`` setting names (``default`` when not set)."""
    if value is None:
        return default
    if isinstance(value, Tagged) and value.tag.startswith(_NAME_TAG):
        return value.tag[len(_NAME_TAG) :]
    return None


def _shown(value: Any) -> str:
    """``value`` as the file writes it, about and short (a tag as ``!!python/name:x``; a value whose
    aliases nest it a billion items deep is shown a few levels deep)."""
    if isinstance(value, Tagged):
        tag = value.tag.replace("tag:yaml.org,2002:", "!!")
        return f"{tag} {_SHORT.repr(value.value)[:80]}" if value.value not in ("", None) else tag
    return _SHORT.repr(value)[:80]


_SHORT = reprlib.Repr()
_SHORT.maxlevel = 2
_SHORT.maxstring = _SHORT.maxother = 80
