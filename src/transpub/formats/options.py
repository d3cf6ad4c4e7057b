"""How articles are cut into units (one set of options for every reader)."""

from __future__ import annotations

from dataclasses import dataclass

from ..config import FRONT_MATTER_KEYS, INCLUDE_PARAMS, SHORTCODE_PARAMS, SHORTCODES_WITH_MARKDOWN
from ..discovery import MARKDOWN_SUFFIXES
from ..mkdocs_site import DEFAULT_BLOCK_TITLES, DEFAULT_IDS, MkDocsIds


@dataclass(frozen=True)
class ReadOptions:
    """How articles are cut into units, and what optional content is extracted."""

    source_locale: str = "en"
    segmentation: str = "sentence"
    extract_code: bool = False
    extract_pre: bool = True
    #: Not for translators unless switched on: link text that is its own URL, bare URLs and
    #: e-mail addresses, units with no letters at all (5, ×, <<).
    extract_link_urls: bool = False
    extract_bare_urls: bool = False
    extract_symbols: bool = False
    #: CSS selectors: only what ``include`` matches (everything when empty), minus what ``exclude`` matches.
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    #: More attributes whose values are translated: ``element@attribute`` (lower case; ``*@x``: any).
    attributes: tuple[str, ...] = ()
    #: Markdown: the front matter keys whose values are translated (strings, and strings in lists).
    front_matter_keys: tuple[str, ...] = FRONT_MATTER_KEYS
    #: Markdown: the front matter keys whose values are Markdown (GitHub Docs' ``intro``): read as a
    #: paragraph is, links and code as placeholders (their keys are translated too).
    front_matter_markdown: tuple[str, ...] = ()
    #: Markdown: the front matter keys whose value names another page by its title (just-the-docs'
    #: ``parent``): never units; compile writes the title that page is published with.
    front_matter_title_refs: tuple[str, ...] = ()
    #: Markdown: the named shortcode parameters that are translated (``alt``, ``caption``, ``title``).
    shortcode_params: tuple[str, ...] = SHORTCODE_PARAMS
    #: The named parameters of a Jekyll include translated besides those (``text``, ``content``).
    include_params: tuple[str, ...] = INCLUDE_PARAMS
    #: Markdown: ``{{< x >}}…{{< /x >}}`` shortcodes whose inside is Markdown to translate.
    shortcodes_with_markdown: tuple[str, ...] = SHORTCODES_WITH_MARKDOWN
    #: HTML articles: the WordPress shortcodes the site registers (``[caption]``), markup (see
    #: :mod:`.wp_shortcodes`); none: an HTML article is read as HTML alone.
    wordpress_shortcodes: tuple[str, ...] = ()
    #: The site's own shortcodes whose inside is code, math or a diagram, beside the built-in ones
    #: (Hugo's ``highlight``, SyntaxHighlighter's ``[code]``): ``{{< terminal >}}…{{< /terminal >}}``,
    #: ``[ts]…[/ts]`` kept as written, never offered (with ``wordpress_shortcodes``, WordPress ones too).
    code_shortcodes: tuple[str, ...] = ()
    #: Markdown: how the MkDocs site derives its headings' ids (its ``mkdocs.yml``; see
    #: :mod:`transpub.mkdocs_site`), for ``[compile] heading_ids = "mkdocs"``.
    mkdocs_ids: MkDocsIds = DEFAULT_IDS
    #: Markdown: the pymdownx.blocks that show a title when they give none (``/// tip``: "Tip"), by
    #: name, as the site's ``mkdocs.yml`` sets them; each such title is offered as a unit.
    block_titles: tuple[tuple[str, str], ...] = DEFAULT_BLOCK_TITLES
    #: Markdown: whether the site may be MkDocs' (``[compile] heading_ids`` is "mkdocs" or unset), whose
    #: admonitions and blocks show a title when they give none (offered); False: another generator
    #: builds it, where ``!!! note`` and ``/// note`` are text.
    default_titles: bool = True
    #: Markdown: whether pymdownx.fancylists may read the site (``heading_ids`` unset, or MkDocs with
    #: it in ``mkdocs.yml``: a paragraph's lines starting ``a.``, ``B)``, ``iv.`` are list items, a
    #: unit each, the marker kept); False: Hugo, Jekyll, mdBook or MkDocs without it builds the site,
    #: where ``J. Smith said`` is prose, one unit.
    fancy_lists: bool = True
    #: Markdown: whether what writes the page escapes front matter values (compile's own HTML pages and
    #: Hugo's Go templates do; Jekyll's Liquid and MkDocs' Jinja escape nothing, so a translation's double
    #: quote would end the HTML attribute a theme writes the value in: see :func:`~.value_slots.plain_value`).
    escaped_values: bool = False
    #: Markdown: whether kramdown reads the site (Jekyll's: ``[compile] heading_ids = "jekyll"``), not
    #: CommonMark: a line ending in ``\\`` is a line break (not a backslash), a line ``^`` ends the
    #: block above it, a ``{:toc}`` list is the table of contents (see :mod:`.md_kramdown`), and a
    #: ``{::comment}`` pair in a paragraph is one token (see :func:`.md_templates.markdown_templates`).
    kramdown: bool = False
    #: Markdown: whether Hugo's Goldmark reads the site (``[compile] heading_ids`` is Hugo's): a bare
    #: URL is taken as far as Goldmark links it, not GFM (``https://a.org*了解``: the URL
    #: ``https://a.org``, then ``*了解`` to translate; see :mod:`.md_goldmark_urls`).
    goldmark_urls: bool = False
    #: Markdown: whether MkDocs reads the site (``[compile] heading_ids = "mkdocs"``): a bare URL ends
    #: at a ``*``, as pymdownx.magiclink ends it (see :mod:`.md_magiclink_urls`).
    magiclink_urls: bool = False
    #: Markdown: whether MkDocs reads the site (``[compile] heading_ids = "mkdocs"``): emphasis opens and
    #: closes as pymdownx.betterem reads it, not as CommonMark does (``**注意：**阅读`` is strong
    #: emphasis; see :mod:`.md_betterem`).
    betterem_emphasis: bool = False
    #: Markdown: whether no generator is named (``[compile] heading_ids`` unset): the page may be read on
    #: GitHub, whose cmark-gfm links ``https://`` after any character but a letter (``访问https://a.org``),
    #: where GFM's rules as written link none (see :mod:`.md_github_urls`); not with ``goldmark_urls``,
    #: ``magiclink_urls`` or ``kramdown``, which name the generator.
    github_urls: bool = True
    #: The extensions of the articles read as Markdown (a Jekyll site's ``markdown_ext``: ``.mkd`` too).
    markdown_suffixes: tuple[str, ...] = MARKDOWN_SUFFIXES

    @property
    def front_matter_translated(self) -> tuple[str, ...]:
        """The front matter keys whose values are located in the source: those translated (as text,
        and as Markdown) and those naming a page by its title."""
        if not self.front_matter_markdown and not self.front_matter_title_refs:
            return self.front_matter_keys
        return tuple(
            dict.fromkeys(self.front_matter_keys + self.front_matter_markdown + self.front_matter_title_refs)
        )
