"""The schema of ``transpub.toml``: every table and key, its type and default, declared once.

:func:`validate_config` checks a parsed file against :data:`SCHEMA` and returns the same tables
with every default filled in. A misspelt key or table is an error naming the nearest valid name
(``unknown key 'publish_treshold' in [compile]; did you mean 'publish_threshold'?``); a value of
the wrong type names the key and what it should be. Errors carry the line of the key when it can
be found in the text. Checks that need more than one key (a ``[locale.<name>]`` that is no
target) are :mod:`transpub.project`'s.

To add a setting, add one :class:`Key` below; ``project.py`` turns the validated tables into a
:class:`~transpub.project.Project`.
"""

from __future__ import annotations

import math
import posixpath
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import ConfigError
from .locales import FOLDER_STYLES, is_folder_name

#: The static-site generators ``transpub init`` knows, as ``--generator`` names them (here, not in
#: :mod:`transpub.site_generators`, which only ``init`` loads).
GENERATORS = ("hugo", "jekyll", "mkdocs")

#: Every engine name (``transpub engines``; engines.registry.CATALOGUE, which a test keeps alike): here
#: so that a misspelt one is a configuration error of every command, not only of translate.
ENGINE_NAMES = frozenset(
    [
        "apertium",
        "baidu",
        "chatgpt",
        "deepl",
        "google",
        "google-free",
        "libre",
        "libre-dt",
        "llm",
        "microsoft",
        "mymemory",
        "papago",
        "qcri",
        "tm",
        "yandex",
    ]
)
#: Markdown front matter keys translated by default (``[extract.front_matter] translate``).
FRONT_MATTER_KEYS = ("title", "description", "summary", "linkTitle", "tags", "categories")
#: Shortcode parameters translated by default (``[extract.shortcodes] translate_params``): named
#: ones, and positional ones as ``shortcode:index`` (hugo-book's ``{{% tab "macOS" %}}``).
SHORTCODE_PARAMS = ("alt", "caption", "title", "summary", "tab:0", "details:0")
#: Parameters of a Jekyll include translated by default besides those (``[extract.shortcodes]
#: include_params``): the text of a theme's note or button (``{% include note.html text="…" %}``,
#: Jekyll's own example ``content="…"``, an image's ``description="…"``).
INCLUDE_PARAMS = ("alt", "caption", "title", "summary", "text", "content", "description")
#: ``{{< x >}}…{{< /x >}}`` pairs whose inside is prose (callouts), translated by default.
SHORTCODES_WITH_MARKDOWN = (
    "note", "tip", "info", "warning", "caution", "danger", "alert", "callout", "notice", "hint",
    "admonition", "details", "deprecated-in", "new-in", "card", "cardpane", "imgproc", "pageinfo",
    "collapse", "quote",
)  # fmt: skip

#: The generators whose heading ids ``[compile] heading_ids`` keeps (see ``formats/heading_ids.py``).
HEADING_ID_STYLES = (
    "hugo", "hugo-0.143", "hugo-blackfriday", "hugo-0.143-blackfriday", "jekyll", "mkdocs", "mdbook",
)  # fmt: skip

#: How a generator names a page's URL after its file's path (``[compile] page_urls``; see
#: ``url_names.py``): as named; Hugo's; Hugo's with ``removePathAccents``; Jekyll's (see
#: ``compile/jekyll_urls.py``).
PAGE_URL_STYLES = ("path", "hugo", "hugo-unaccented", "jekyll")

#: The styles Jekyll's ``permalink`` setting names (``[compile] jekyll_permalink``), else a pattern.
JEKYLL_PERMALINK_STYLES = ("date", "pretty", "ordinal", "weekdate", "none")


def jekyll_collections_dir(value: str) -> str:
    """A Jekyll site's ``collections_dir`` as Jekyll reads it: a folder in the site's source folder,
    which no ``..`` climbs out of (Jekyll's ``sanitized_path``: ``../..`` is the source folder itself,
    ``../x`` and ``/x`` are ``x``); "." for the source folder.

    >>> [jekyll_collections_dir(v) for v in ("my_collections", "./c/", "../..", "../x", "/x/c", "", ".")]
    ['my_collections', 'c', '.', 'x', 'x/c', '.', '.']
    """
    return posixpath.normpath("/" + value.replace("\\", "/")).lstrip("/") or "."


def is_jekyll_permalink(value: str) -> bool:
    """Whether ``value`` is a Jekyll ``permalink``: a style's name, or a pattern (``/blog/:title/``)."""
    return value in JEKYLL_PERMALINK_STYLES or value.startswith("/") or ":" in value


def jekyll_page_end(permalink: str) -> str:
    """What ends the URL of a page that sets no ``permalink`` (and the default permalink of a
    collection, ``/:collection/:path`` and it) on a site whose ``permalink`` is ``permalink``
    (Jekyll's ``add_permalink_suffix``).

    >>> jekyll_page_end("date"), jekyll_page_end("pretty"), jekyll_page_end("/:title/"), jekyll_page_end("weekdate")
    (':output_ext', '/', '/', '')
    """
    if permalink == "pretty" or (permalink not in JEKYLL_PERMALINK_STYLES and permalink.endswith("/")):
        return "/"
    if permalink in ("date", "ordinal", "none") or permalink.endswith(":output_ext"):
        return ":output_ext"
    return ""


def is_time_zone(value: str) -> bool:
    """Whether ``value`` names a time zone of the IANA database (``Asia/Tokyo``; not ``Asia/Tokio``).

    >>> is_time_zone("Asia/Tokyo"), is_time_zone("Asia/Tokio"), is_time_zone("America"), is_time_zone("")
    (True, False, False, False)
    """
    from zoneinfo import ZoneInfo  # (only for [compile] jekyll_timezone)

    try:
        ZoneInfo(value)
    except (ValueError, OSError, KeyError):  # (not normalized, a folder, not found)
        return False
    return True


def nearest_time_zone(value: Any) -> str:
    """``; did you mean 'x'?`` for the IANA time zone nearest ``value`` ("" when none is near).

    >>> nearest_time_zone("Asia/Tokio"), nearest_time_zone("zzz")
    ("; did you mean 'Asia/Tokyo'?", '')
    """
    import difflib  # (only for a misspelt name)
    from zoneinfo import available_timezones

    close = difflib.get_close_matches(str(value), sorted(available_timezones()), n=1, cutoff=0.8)
    return f"; did you mean {close[0]!r}?" if close else ""


#: A name WordPress registers a shortcode by (``add_shortcode``: none of these characters).
_WORDPRESS_NAME = re.compile(r"[^\s\[\]<>&/\"'=\x00-\x1f]+")
#: A shortcode name of Hugo's or WordPress's: a WordPress name, or one of Hugo's in a folder of
#: ``layouts/shortcodes`` (``docs/terminal``).
_SHORTCODE_NAME = re.compile(r"[^\s\[\]<>&/\"'=\x00-\x1f]+(?:/[^\s\[\]<>&/\"'=\x00-\x1f]+)*")

#: An ``[extract] attributes`` entry: ``element@attribute`` (``*``: any element); never an attribute
#: that holds an address, a document or script (href, src, srcdoc, xlink:href, data, poster, on…, style;
#: a meta's content, a refresh; SVG animation values, which can set an href).
_ELEMENT_ATTRIBUTE = re.compile(
    r"(?:\*|[A-Za-z][\w.:-]*)@(?!(?:href|src|srcset|srcdoc|action|formaction|style|xmlns(?::[\w.-]+)?"
    r"|[\w.-]+:href|data|poster|background|codebase|classid|archive|ping|manifest|icon|longdesc|lowsrc"
    r"|dynsrc|usemap|cite|content|to|from|values|by|on[a-z]*)$)[A-Za-z_:][\w.:-]*",
    re.IGNORECASE,
)

#: How each kind of value is described in messages, and how it is recognised.
_KINDS: dict[str, Callable[[Any], bool]] = {
    "string": lambda v: isinstance(v, str),
    "boolean": lambda v: isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and not math.isnan(v),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "list of strings": lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
}


@dataclass(frozen=True)
class Key:
    """One setting: its kind of value, default, and (optionally) a check of the value itself.

    ``expects`` says what a valid value is, for messages (``"a percentage from 0 to 100"``);
    ``valid`` returns True for a good value of the right kind; ``hint`` what ends the message of
    one that is not (``; did you mean …?``).
    """

    kind: str
    default: Any = None
    doc: str = ""
    expects: str = ""
    valid: Callable[[Any], bool] | None = None
    hint: Callable[[Any], str] | None = None

    def describe(self) -> str:
        """What a valid value is, in words."""
        if self.expects:
            return self.expects
        return {
            "string": "a string",
            "boolean": "true or false",
            "number": "a number",
            "integer": "a whole number",
            "list of strings": "a list of strings",
        }[self.kind]


@dataclass(frozen=True)
class Table:
    """A TOML table: fixed keys (settings or tables), and optionally sub-tables or keys of any name.

    ``named`` describes every ``[table.<name>]`` sub-table (``[locale.es]``, ``[engines.deepl]``);
    ``names``, when set, are the only names such a sub-table may have (the engines);
    ``values`` describes every ``name = value`` pair whose name is free (article slugs).
    ``fill``: the validated table gets every absent key with its default (else only what is set).
    """

    keys: Mapping[str, Key | Table] = field(default_factory=dict)
    doc: str = ""
    named: Table | None = None
    named_what: str = "name"
    names: frozenset[str] | None = None
    values: Key | None = None
    fill: bool = True


#: A ``[compile.permalinks]`` pattern.
_PERMALINK = Key("string", None, expects='a permalink pattern such as "/blog/:year/:filename/"')


def _jekyll_defaults_table(what: str) -> Table:
    """The schema of ``[compile.jekyll_defaults.<what>]``: by path, a permalink or a table of the
    values that make URLs."""
    permalink = Key("string", None, expects='a permalink such as "/blog/:title/"', valid=bool)
    return Table(
        doc=f"path = the permalink _config.yml's defaults give the {what} under it, or a table of the "
        "values that make their URLs (permalink, slug, category, categories)",
        values=permalink,
        named=Table(
            {
                "permalink": permalink,
                "slug": Key("string"),
                "category": Key("string"),
                "categories": Key("list of strings"),
            },
            fill=False,
        ),
        named_what="path",
    )


def _between(low: float, high: float) -> Callable[[Any], bool]:
    return lambda value: low <= value <= high


def _fraction_or_percent(value: float) -> bool:
    return 0 <= value <= 100


def _http_url(value: str) -> bool:
    from urllib.parse import urlsplit

    if value == "":
        return True
    parts = urlsplit(value)
    return parts.scheme in ("http", "https") and bool(parts.netloc) and not parts.query and not parts.fragment


def _link_target(value: str) -> bool:
    """A ``[compile.links]`` value: a root-relative path whose only braces are ``{lang}``."""
    rest = value.replace("{lang}", "")
    return value.startswith("/") and not value.startswith("//") and "{" not in rest and "}" not in rest


_SEGMENTATION = Key(
    "string",
    "sentence",
    'or "paragraph"',
    expects='"sentence" or "paragraph"',
    valid=lambda v: v in ("sentence", "paragraph"),
)
_FORMALITY = Key(
    "string",
    None,
    "deepl, llm: formality of the translation",
    expects='"default", "more", "less", "prefer_more" or "prefer_less"',
    valid=lambda v: v in ("default", "more", "less", "prefer_more", "prefer_less"),
)
_PERCENT = "a percentage from 0 to 100"
_ABOVE_0 = "a number above 0"
_WHOLE_ABOVE_0 = "a whole number above 0"


def _path_key(default: str | None, doc: str = "") -> Key:
    """A setting naming a file or folder: a NUL character, which no file name may hold, is refused
    here (one line naming the setting), not met as a traceback by the first command that opens it."""
    return Key(
        "string", default, doc, expects="a path with no NUL character", valid=lambda v: "\x00" not in v
    )


def _css_selectors(value: list[str]) -> bool:
    """Whether every string of ``value`` is a CSS selector cssselect can read."""
    from cssselect import HTMLTranslator, SelectorError

    try:
        for selector in value:
            HTMLTranslator().css_to_xpath(selector)
    except SelectorError:
        return False
    return True


def _positive(value: float) -> bool:
    return value > 0


#: Every ``[engines.<name>]`` setting. The runner's settings apply to every engine; the others
#: are read by the engines that name them.
ENGINE_TABLE = Table(
    {
        # every engine (engines/runner.py, translate.py)
        "timeout": Key("number", None, "seconds before one request is abandoned", _ABOVE_0, _positive),
        "batch_size": Key("integer", None, "texts per request", _WHOLE_ABOVE_0, _positive),
        "max_chars": Key("integer", None, "characters per request", _WHOLE_ABOVE_0, _positive),
        "price_per_million": Key("number", None, "price per million characters (for --dry-run)"),
        "concurrency": Key("integer", None, "requests at once", _WHOLE_ABOVE_0, _positive),
        "attempts": Key("integer", None, "tries per request before giving up", _WHOLE_ABOVE_0, _positive),
        "breaker_threshold": Key(
            "integer", None, "failures in a row before pausing", _WHOLE_ABOVE_0, _positive
        ),
        "breaker_cooldown": Key(
            "number", None, "seconds the breaker stays open", "a number of seconds", lambda v: v >= 0
        ),
        "markup": Key(
            "string",
            None,
            "how placeholders are sent",
            expects='"xml" or "token"',
            valid=lambda v: v in ("xml", "token"),
        ),
        # some engines
        "binary": Key("string", None, "apertium: the command to run"),
        "server_url": Key("string", None, "deepl: a proxy or other server"),
        "formality": _FORMALITY,
        "base_url": Key("string", None, "llm: the OpenAI-compatible server (…/v1)"),
        "batch_tokens": Key("integer", None, "llm: unit tokens per request", _WHOLE_ABOVE_0, _positive),
        "temperature": Key(
            "number", None, "llm: sampling temperature", "a number from 0 to 2", _between(0, 2)
        ),
        "structured_output": Key("boolean", None, "llm: ask for a JSON schema (else a JSON object)"),
        "price_per_million_input": Key("number", None, "llm: price per million input tokens (for --dry-run)"),
        "price_per_million_output": Key(
            "number", None, "llm: price per million output tokens (for --dry-run)"
        ),
        "url": Key("string", None, "libre, google, libre-dt: the service URL"),
        "region": Key("string", None, "deep-translator services: region"),
        "model": Key("string", None, "llm, deep-translator services: model"),
        "email": Key("string", None, "mymemory: contact address"),
        "use_free_api": Key("boolean", None, "deep-translator deepl: use the free API"),
        "domain": Key("string", None, "qcri: domain"),
    },
    doc="settings of one machine-translation engine",
    fill=False,
)

#: The whole file.
SCHEMA = Table(
    {
        "project": Table(
            {
                "name": Key("string", None, "shown on the site's index pages (default: the folder's name)"),
                "source_locale": Key("string", "en", "the articles' language (a gettext name)"),
                "locales": Key(
                    "list of strings", [], "target locales (gettext names: zh_CN, pt_BR, sr@latin)"
                ),
            }
        ),
        "paths": Table(
            {
                "articles": _path_key("articles"),
                "catalogs": _path_key("locales"),
                "site": _path_key("site"),
                "glossary": _path_key(None, "or a .tbx file"),
                "glossary_max_mb": Key(
                    "number",
                    64.0,
                    "a larger glossary file is refused (in memory it takes about 10 times its size)",
                    expects=_ABOVE_0,
                    valid=lambda value: value > 0,
                ),
                "memory": _path_key(".transpub/memory.sqlite", "translation memory"),
                "exclude": Key("list of strings", [], "glob patterns of article paths to leave out"),
                "follow_symlinks": Key(
                    "boolean", False, "follow symbolic links in articles/ that lead out of the project?"
                ),
            }
        ),
        "extract": Table(
            {
                "segmentation": _SEGMENTATION,
                "code": Key("boolean", False, "extract text inside <code>?"),
                "pre": Key("boolean", True, "extract text inside <pre> (whitespace kept)?"),
                "link_urls": Key("boolean", False, "extract link text that is the link's own URL?"),
                "bare_urls": Key("boolean", False, "extract units that are only a URL or e-mail address?"),
                "symbols": Key(
                    "boolean",
                    False,
                    "extract units with no letters (5, ×, <<) or only emoji short codes (:x:)?",
                ),
                "attributes": Key(
                    "list of strings",
                    [],
                    "more attributes whose values are translated, as element@attribute "
                    '(the Rust book\'s "listing@caption", VitePress\' "badge@text"; "*@data-tooltip": on any element)',
                    expects='a list such as ["listing@caption", "*@data-tooltip"]',
                    valid=lambda names: all(_ELEMENT_ATTRIBUTE.fullmatch(name) for name in names),
                ),
                "include": Key(
                    "list of strings",
                    [],
                    "CSS selectors of the article's parts (default: the whole page)",
                    expects='a list of CSS selectors such as ["article", ".story-body"]',
                    valid=_css_selectors,
                ),
                "exclude": Key(
                    "list of strings",
                    [],
                    "CSS selectors of parts never extracted (nav, footer, .share)",
                    expects='a list of CSS selectors such as ["nav", "footer", ".share"]',
                    valid=_css_selectors,
                ),
                "fuzzy_threshold": Key(
                    "number",
                    0.6,
                    "similarity (0-1, or a percentage such as 60) at which a changed sentence keeps "
                    "its old translation as fuzzy",
                    expects="a similarity from 0 to 1 (0.6) or a percentage up to 100 (60)",
                    valid=_fraction_or_percent,
                ),
                "segmentation_overrides": Table(doc="article = segmentation", values=_SEGMENTATION),
                "front_matter": Table(
                    {
                        "translate": Key(
                            "list of strings",
                            list(FRONT_MATTER_KEYS),
                            "Markdown front matter keys whose values (strings, lists of strings) are translated",
                        ),
                        "markdown": Key(
                            "list of strings",
                            [],
                            "front matter keys whose values the site renders as Markdown (GitHub Docs' intro): "
                            "translated with their links, code and templates as placeholders",
                        ),
                        "title_refs": Key(
                            "list of strings",
                            [],
                            "front matter keys whose value names another page by its title (just-the-docs' "
                            "parent, grand_parent): not offered to translators; compile writes the title "
                            "that page is published with in each language",
                            expects="a list of front matter keys other than title",
                            valid=lambda names: "title" not in names,
                        ),
                    }
                ),
                "shortcodes": Table(
                    {
                        "translate_params": Key(
                            "list of strings",
                            list(SHORTCODE_PARAMS),
                            "shortcode parameters translated as units of their own "
                            '({{< figure alt="…" >}}; a positional one as shortcode:index, {{% tab "macOS" %}}: '
                            '"tab:0"); src, ref, relref and link never are',
                            expects="a list of parameter names (not src, ref, relref or link)",
                            valid=lambda names: not {"src", "ref", "relref", "link", "href"} & set(names),
                        ),
                        "include_params": Key(
                            "list of strings",
                            list(INCLUDE_PARAMS),
                            "Jekyll include parameters translated as units of their own, as are those of "
                            'translate_params ({% include note.html text="…" %}); src, ref, relref and link never are',
                            expects="a list of parameter names (not src, ref, relref or link)",
                            valid=lambda names: not {"src", "ref", "relref", "link", "href"} & set(names),
                        ),
                        "wordpress": Key(
                            "list of strings",
                            [],
                            "HTML articles exported from WordPress: the shortcodes the site registers "
                            '(["caption", "gallery", "embed", "audio", "video", "playlist"] and its plugins\' '
                            "ones), kept as written or placeholders, never text; none: HTML alone",
                            expects="a list of shortcode names (no spaces, brackets, quotes, <, >, &, / or =)",
                            valid=lambda names: all(_WORDPRESS_NAME.fullmatch(name) for name in names),
                        ),
                        "markdown_inside": Key(
                            "list of strings",
                            list(SHORTCODES_WITH_MARKDOWN),
                            "{{< x >}} … {{< /x >}} shortcodes whose inside is translated as Markdown "
                            "(the inside of any other {{< >}} pair is kept as written; of {{% %}} pairs, always translated)",
                        ),
                        "code": Key(
                            "list of strings",
                            [],
                            "the site's own shortcodes whose inside is code, math or a diagram (a SyntaxHighlighter "
                            "brush, [ts]…[/ts]; a Hugo theme's {{< terminal >}}…{{< /terminal >}}): kept as written, "
                            "never offered, as highlight, katex, mermaid, math and SyntaxHighlighter's own are",
                            expects="a list of shortcode names (no spaces, brackets, quotes, <, >, & or =)",
                            valid=lambda names: all(_SHORTCODE_NAME.fullmatch(name) for name in names),
                        ),
                    }
                ),
            }
        ),
        "translate": Table(
            {
                "engine": Key(
                    "string",
                    None,
                    "default MT engine; see `transpub engines`",
                    expects="an engine name (see `transpub engines`)",
                ),
                "memory_score": Key(
                    "number",
                    75.0,
                    "close memory matches at or above this fill as fuzzy",
                    expects=_PERCENT,
                    valid=_between(0, 100),
                ),
            }
        ),
        "engines": Table(named=ENGINE_TABLE, named_what="engine", names=ENGINE_NAMES),
        "compile": Table(
            {
                "publish_threshold": Key(
                    "number",
                    80.0,
                    "a page is published in a locale only when at least this % of its units are translated",
                    expects=_PERCENT,
                    valid=_between(0, 100),
                ),
                "base_url": Key(
                    "string",
                    None,
                    "where the site is published: absolute hreflang and canonical links",
                    expects='an absolute http(s) URL like "https://news.example/"',
                    valid=_http_url,
                ),
                "format": Key(
                    "string",
                    "html",
                    "html: a finished site; markdown: localized Markdown for a static-site generator",
                    expects='"html" or "markdown"',
                    valid=lambda v: v in ("html", "markdown"),
                ),
                "layout": Key(
                    "string",
                    "directory",
                    "markdown: <markdown_dir>/<lang>/<path> or <path>/<name>.<lang>.md; polyglot: a Jekyll "
                    "site's folder, its pages, posts and published collections' documents (<lang>/about.md, "
                    "_posts/<lang>/<name>.md, _recipes/<lang>/<name>.md), or its source language's folder of "
                    "pages (en/ → <lang>/), a page's translation with the permalink polyglot pairs it by",
                    expects='"directory", "suffix" or "polyglot"',
                    valid=lambda v: v in ("directory", "suffix", "polyglot"),
                ),
                "markdown_dir": _path_key(
                    None, "markdown: where localized Markdown is written (default: [paths] site)"
                ),
                "copy_source": Key(
                    "boolean", True, "markdown: also write the source-language file into the output tree"
                ),
                "heading_ids": Key(
                    "string",
                    None,
                    "markdown: a translated heading gets {#id}, the id this generator gives the source "
                    "heading, so links to it keep working",
                    expects='"hugo" (0.144 and later), "hugo-0.143", "hugo-blackfriday", "hugo-0.143-blackfriday" '
                    '(autoHeadingIDType = "blackfriday"), "jekyll", "mkdocs" (with attr_list) or "mdbook"',
                    valid=lambda v: v in HEADING_ID_STYLES,
                ),
                "locale_style": Key(
                    "string",
                    "gettext",
                    "output folder names: zh_CN (gettext), zh-CN (bcp47) or zh-cn (bcp47-lower)",
                    expects='"gettext", "bcp47" or "bcp47-lower"',
                    valid=lambda v: v in FOLDER_STYLES,
                ),
                "locale_dirs": Table(
                    doc="locale = output folder name, winning over locale_style",
                    values=Key(
                        "string",
                        None,
                        expects='a folder name of letters and digits joined by "-", "_" or "@" (such as "zh-cn")',
                        valid=is_folder_name,
                    ),
                ),
                "url_dirs": Table(
                    doc="markdown: locale = its folder in the site's URLs ({lang} in [compile.links]), where "
                    "that is not its output folder (Hugo: the language's key, its contentDir named otherwise); "
                    '"": none, its pages are at the root of a host of their own (Hugo\'s multihost: a baseURL '
                    "per language)",
                    values=Key(
                        "string",
                        None,
                        expects='a folder name of letters and digits joined by "-", "_" or "@" (such as "zh-cn"), '
                        'or "" (the root of a host of its own)',
                        valid=lambda name: name == "" or is_folder_name(name),
                    ),
                ),
                "ugly_urls": Table(
                    doc='markdown: locale = the sections whose pages Hugo publishes as ….html in it ("*": every '
                    "page; Hugo's uglyURLs, which init copies), for finding the article a link leads to",
                    values=Key(
                        "list of strings",
                        None,
                        expects='a list of section names such as ["posts"], or ["*"] for every page',
                    ),
                ),
                "source_url_prefix": Key(
                    "string",
                    "",
                    "markdown: what the URLs of the site's source-language pages start with (Hugo's "
                    'defaultContentLanguageInSubdir: "/en"), for finding the article a link leads to',
                    expects='a root-relative folder such as "/en"',
                    valid=lambda v: (
                        v == "" or (v.startswith("/") and not v.startswith("//") and "{" not in v)
                    ),
                ),
                "page_urls": Key(
                    "string",
                    None,
                    "markdown: how the generator names a page's URL after its file, for finding the article "
                    'a link leads to: "path" (the names as they are: MkDocs), "hugo" (spaces as hyphens, '
                    'other punctuation left out), "hugo-unaccented" (with removePathAccents), "jekyll" (a '
                    "page's names as they are, ending in .html; a post's by jekyll_permalink); unset: "
                    '"hugo" where heading_ids is Hugo\'s, "jekyll" where it is Jekyll\'s, else "path"',
                    expects='"path", "hugo", "hugo-unaccented" or "jekyll"',
                    valid=lambda v: v in PAGE_URL_STYLES,
                ),
                "jekyll_permalink": Key(
                    "string",
                    "date",
                    'markdown, page_urls = "jekyll": the Jekyll site\'s permalink (_config.yml), which makes '
                    "its posts' URLs and whether its pages' end in .html or /",
                    expects='"date", "pretty", "ordinal", "weekdate", "none" or a pattern such as "/blog/:title/"',
                    valid=is_jekyll_permalink,
                ),
                "jekyll_baseurl": Key(
                    "string",
                    "",
                    'markdown, page_urls = "jekyll": the Jekyll site\'s baseurl (_config.yml), which its links '
                    "start with ({{ site.baseurl }}/en/…)",
                    expects='"" or a root-relative path such as "/blog"',
                    valid=lambda v: v == "" or (v.startswith("/") and not v.startswith("//")),
                ),
                "jekyll_source": _path_key(
                    ".",
                    "markdown, page_urls = \"jekyll\": the Jekyll site's source folder (_config.yml's source), "
                    "in the project's folder: its Liquid {% link %} and {% post_url %} name files by their "
                    "paths there",
                ),
                "jekyll_collections_dir": _path_key(
                    ".",
                    "markdown: the Jekyll site's collections_dir (_config.yml), in its source folder "
                    "(jekyll_source): the folder of its _posts and its collections' _<label> folders, from which "
                    "Jekyll names their files ({% link _recipes/soup.md %}, the categories of a post)",
                ),
                "jekyll_timezone": Key(
                    "string",
                    None,
                    'markdown, page_urls = "jekyll": the Jekyll site\'s timezone (_config.yml), else the '
                    "building machine's, in which Jekyll dates a post whose date has a time (its URL's day); "
                    "unset: such a post is found at each day it may be in",
                    expects='an IANA time zone name such as "Asia/Tokyo" or "America/New_York"',
                    valid=is_time_zone,
                    hint=nearest_time_zone,
                ),
                "jekyll_collections": Table(
                    doc='markdown, page_urls = "jekyll": label = the permalink of each collection of the Jekyll site '
                    "whose documents it publishes (_config.yml's collections), which makes their URLs "
                    '("recipes" = "/:collection/:path/"); "posts": where the posts\' own differs from the '
                    "site's permalink",
                    values=Key(
                        "string",
                        None,
                        expects='a permalink such as "/:collection/:path/"',
                        valid=is_jekyll_permalink,
                    ),
                ),
                "jekyll_defaults": Table(
                    {what: _jekyll_defaults_table(what) for what in ("posts", "pages")},
                    doc='markdown, page_urls = "jekyll": the values that make URLs (permalink, slug, category, '
                    "categories) the Jekyll site's defaults (_config.yml) give its posts, pages and the documents "
                    "of a collection ([compile.jekyll_defaults.<label>]), by the start of their paths in the "
                    'articles folder ("": all; a * one name of a folder or file, as a glob; for each value, the '
                    "longest that starts an article's path wins; its front matter's over it, categories added "
                    "to them)",
                    named=_jekyll_defaults_table("documents"),
                    named_what="collection",
                ),
                "permalinks": Table(
                    doc='markdown: section = the URL the site gives its pages ("posts" = "/blog/:year/:filename/", '
                    "Hugo's [permalinks]); [compile.permalinks.<locale>]: a language's own, in place of them "
                    "all (Hugo's [languages.<lang>.permalinks]: a section it leaves out is at its default URL)",
                    values=_PERMALINK,
                    named=Table(values=_PERMALINK),
                    named_what="locale",
                ),
                "links": Table(
                    doc='root-relative link prefix = its localized form ("/docs/" = "/{lang}/docs/")',
                    values=Key(
                        "string",
                        None,
                        expects='a root-relative URL prefix such as "/{lang}/docs/" ({lang}: the output folder, or its url_dirs entry)',
                        valid=_link_target,
                    ),
                ),
            }
        ),
        "check": Table(
            {
                "min_translated": Key("number", 100.0, expects=_PERCENT, valid=_between(0, 100)),
                "allow_fuzzy": Key("boolean", False),
                "disable": Key("list of strings", [], "checks not run at all"),
                "warn": Key("list of strings", [], "checks reported as warnings"),
            },
            named=Table(
                {
                    "disable": Key("list of strings", [], "checks not run for this locale"),
                    "warn": Key("list of strings", [], "checks reported as warnings for this locale"),
                }
            ),
            named_what="locale",
        ),
        "locale": Table(
            named=Table(
                {
                    "engine": Key("string", None, expects="an engine name (see `transpub engines`)"),
                    "publish_threshold": Key("number", None, expects=_PERCENT, valid=_between(0, 100)),
                    "min_translated": Key("number", None, expects=_PERCENT, valid=_between(0, 100)),
                    "allow_fuzzy": Key("boolean", None),
                    "formality": _FORMALITY,
                    "style": Key("string", None, "house style, told to the llm engine"),
                    "base_url": Key(
                        "string",
                        None,
                        "html: where this language's folder is published, the root of a host of its own "
                        "(the source's too): links that cross languages are absolute to it",
                        expects='an absolute http(s) URL like "https://news.example.de/"',
                        valid=_http_url,
                    ),
                }
            ),
            named_what="locale",
        ),
    }
)


def _kind_of(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int):
        return "an integer"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


def suggest(name: str, known: list[str]) -> str:
    """``; did you mean 'x'?`` for the nearest of ``known``, else the list of known names.

    >>> suggest("deepll", ["deepl", "google"]), suggest("zzz", ["deepl", "google"])
    ("; did you mean 'deepl'?", ' (known: deepl google)')
    """
    import difflib  # (only for a misspelt name)

    close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
    if close:
        return f"; did you mean {close[0]!r}?"
    return f" (known: {' '.join(sorted(known))})" if known else ""


class _Validator:
    """Walks the parsed file alongside the schema, collecting the tables with defaults filled in."""

    def __init__(self, text: str | None, where: Path | None) -> None:
        self.lines = text.splitlines() if text is not None else []
        self.where = where

    def fail(self, message: str, path: tuple[str, ...]) -> ConfigError:
        return ConfigError(message, self.where, self.line_of(path))

    def line_of(self, path: tuple[str, ...]) -> int | None:
        """The line of ``path`` (table names, then a key) in the text, when it can be found."""
        if not self.lines or not path:
            return None
        table: tuple[str, ...] = ()
        for number, line in enumerate(self.lines, 1):
            stripped = line.strip()
            header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$", stripped)
            if header:
                table = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
                if table == path:
                    return number
                continue
            match = re.match(r"""^([A-Za-z0-9_."'/ -]+?)\s*=""", stripped)
            if match:
                dotted = tuple(part.strip().strip("\"'") for part in match.group(1).split("."))
                if table + dotted[: len(path) - len(table)] == path or table + dotted == path:
                    return number
        # a key inside an inline table (locale_dirs = { zh_CN = "zh-cn" }): the line of the table
        return self.line_of(path[:-1]) if len(path) > 2 else None

    def table(self, schema: Table, raw: Any, path: tuple[str, ...]) -> dict[str, Any]:
        name = ".".join(path)
        if not isinstance(raw, dict):
            raise self.fail(f"[{name}] must be a table, not {_kind_of(raw)}", path)
        result: dict[str, Any] = {}
        for key, value in raw.items():
            here = (*path, key)
            spec = schema.keys.get(key)
            if spec is None and schema.named is not None and isinstance(value, dict):
                if schema.names is not None and key not in schema.names:  # before its keys: the name is wrong
                    raise self.fail(
                        f"[{'.'.join(here)}] configures an unknown {schema.named_what} {key!r}"
                        + suggest(key, sorted(schema.names)),
                        here,
                    )
                result[key] = self.table(schema.named, value, here)
            elif spec is None and schema.values is not None:
                result[key] = self.value(schema.values, value, here)
            elif spec is None:
                raise self.fail(self.unknown(key, schema, path), here)
            elif isinstance(spec, Table):
                result[key] = self.table(spec, value, here)
            else:
                result[key] = self.value(spec, value, here)
        for key, spec in schema.keys.items():
            if key not in result and schema.fill:
                result[key] = self.table(spec, {}, (*path, key)) if isinstance(spec, Table) else spec.default
        return result

    def unknown(self, key: str, schema: Table, path: tuple[str, ...]) -> str:
        known = list(schema.keys)
        if not known and schema.named is not None:
            return (
                f"unknown key {key!r} in [{'.'.join(path)}]: only [{'.'.join(path)}.<{schema.named_what}>] "
                "tables belong here"
            )
        if not path:
            owners = [
                name for name, table in schema.keys.items() if isinstance(table, Table) and key in table.keys
            ]
            if owners:  # a key above every table header: the header is missing
                return (
                    f"the key {key!r} belongs in [{owners[0]}]: is the [{owners[0]}] line missing above it?"
                )
            import difflib  # (only for a misspelt name)

            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f"; did you mean [{close[0]}]?" if close else f" (known: {' '.join(sorted(known))})"
            return f"unknown table [{key}]{hint}"
        return f"unknown key {key!r} in [{'.'.join(path)}]" + suggest(key, known)

    def value(self, spec: Key, value: Any, path: tuple[str, ...]) -> Any:
        name = ".".join(path)
        if not _KINDS[spec.kind](value):
            shown = "nan" if isinstance(value, float) and math.isnan(value) else repr(value)
            raise self.fail(f"{name} must be {spec.describe()}, not {shown} ({_kind_of(value)})", path)
        if spec.valid is not None and not spec.valid(value):
            hint = spec.hint(value) if spec.hint is not None else ""
            raise self.fail(f"{name} must be {spec.describe()}, not {value!r}{hint}", path)
        return value


def validate_config(
    raw: dict[str, Any], *, text: str | None = None, where: Path | None = None
) -> dict[str, Any]:
    """``raw`` (parsed TOML) checked against :data:`SCHEMA`, with every default filled in.

    ``text`` is the file's text, to name the line of a bad key; ``where`` the file, for messages.
    Raises :class:`~transpub.errors.ConfigError` on an unknown table or key, or a bad value.

    >>> compile = validate_config({"compile": {"publish_threshold": 60}})["compile"]
    >>> compile["publish_threshold"], compile["base_url"], compile["format"]
    (60, None, 'html')
    >>> validate_config({"compile": {"publish_treshold": 60}})
    Traceback (most recent call last):
    transpub.errors.ConfigError: unknown key 'publish_treshold' in [compile]; did you mean 'publish_threshold'?
    """
    return _Validator(text, where).table(SCHEMA, raw, ())


def config_line(text: str | None, *names: str) -> int | None:
    r"""The line in ``transpub.toml``'s ``text`` of a table or key (for errors found after validation).

    >>> config_line('[compile]\nformat = "html"\n', "compile", "format")
    2
    """
    return _Validator(text, None).line_of(names)
