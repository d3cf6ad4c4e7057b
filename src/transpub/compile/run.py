"""What a compile run is: its options, its report, the settings every article's work gets, and
one article's result."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import TranspubError
from ..manifest import Record, Signature
from ..markdown_outputs import OutputRecord, Recorded
from ..model import Coverage, Issue
from ..project import Project
from ..readcache import ReadCache
from ..site import Page
from .link_targets import LinkTargets


@dataclass
class CompileReport:
    """Pages compiled or held back in this run, warnings (placeholder mismatches) and errors.

    ``pages`` are the pages of the selected locales and the source locale, the ones this run
    wrote, removed or held back. ``other_pages`` are those of the locales not selected: they are
    not written, but the published ones are linked from every page and listed in the indexes.
    """

    pages: list[Page] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[TranspubError] = field(default_factory=list)
    index_written: list[Path] = field(default_factory=list)
    mo_written: list[Path] = field(default_factory=list)
    out_dir: Path | None = None
    other_pages: list[Page] = field(default_factory=list)
    review_written: list[Path] = field(default_factory=list)
    #: Locales not compiled in this run whose published pages link an out-of-date list of languages
    #: (a selected language was published or withdrawn): ``transpub compile`` without ``-l`` updates them.
    stale_links: list[str] = field(default_factory=list)
    #: Pages (and review copies) removed because their article is gone, relative to the project.
    removed: list[str] = field(default_factory=list)
    #: Copies of files pages loaded (``site/_assets/…``) removed as no page loads them any more,
    #: relative to the project.
    unused_copies: list[str] = field(default_factory=list)
    #: Pages, review copies and index pages removed because their language is no longer among the
    #: project's locales (``[project] locales``): (the locale, the file relative to the project).
    dropped: list[tuple[str, str]] = field(default_factory=list)
    #: By (locale, slug): the page an earlier run published that this run removed, as it is held
    #: back now (below the threshold, no catalog): its line says so.
    withdrawn: dict[tuple[str, str], Path] = field(default_factory=dict)
    #: Markdown output: by (locale, slug), where the file of a page held back would be written
    #: (``_posts/es/…`` on a Jekyll site, ``posts/a.es.md`` by suffix): its line names it.
    held: dict[tuple[str, str], Path] = field(default_factory=dict)
    #: Pages an earlier compile wrote where they no longer go (see ``page_file``), left there as their
    #: language was not compiled in this run: by locale, (the page, where it goes now), as shown.
    unmoved: dict[str, list[tuple[str, str]]] = field(default_factory=dict)
    #: Markdown files removed from a folder compile no longer writes into ([compile] layout or
    #: markdown_dir changed): (that folder, the folder written now, how many), relative to the project.
    moved: list[tuple[str, str, int]] = field(default_factory=list)
    #: Files compile wrote as the format it no longer writes removed ([compile] format changed): (the
    #: folder, relative to the project, how many pages or Markdown files, how many copies of files
    #: the pages load).
    switched: list[tuple[str, int, int]] = field(default_factory=list)
    #: Articles whose record in the manifest was signed with another key (restored from another
    #: machine without a shared ``TRANSPUB_CACHE_KEY``): not used, so they were compiled again.
    foreign_records: int = 0
    #: The articles found (of the shard, with ``--shard``).
    articles: int = 0
    #: What the site's configuration file (``site_config``: mkdocs.yml, hugo.toml) lacks of its
    #: navigation titles and name in each language (in its format, for the user to merge; "" when
    #: nothing: see :mod:`.site_strings`).
    site_settings: str = ""
    site_config: str = ""


@dataclass(frozen=True)
class CompileOptions:
    """Switches of ``transpub compile``."""

    out_dir: Path | None = None
    include_fuzzy: bool = False
    review: bool = False
    write_mo: bool = False
    threshold: float | None = None
    #: False for ``--indexes``: decide every page but write only the index pages (after sharded runs).
    pages: bool = True
    #: ``--format``: "html" or "markdown" (None: ``[compile] format``).
    format: str | None = None


#: A page's titles: the title other pages name it by (its source title as the front matter writes
#: it), and the title it is published with in each language where that is not the source's.
PageTitles = tuple[str, dict[str, str]]

#: A page's URL that a section's permalink makes of its title (see :mod:`.title_urls`), as its
#: record keeps it: the URL (after the language's folder), the title, the title's msgid, whether the
#: translated title makes it (else it is the source title's URL: the source site has it too).
TitledUrl = tuple[str, str, str, bool]


@dataclass(frozen=True)
class Titles:
    """The titles of a project's pages (see :func:`title_map`)."""

    #: By language, the title each page is published with, by its source title.
    by_locale: dict[str, dict[str, str]]
    #: The source titles of pages that share one and are published under different titles in some
    #: language: a page naming one keeps its value as the source writes it (which page it means
    #: cannot be told), and is warned about.
    ambiguous: set[str]
    #: Every page's source title.
    known: set[str]


@dataclass(frozen=True)
class CompileRun:
    """What every article's compilation needs (sent once to each worker process)."""

    project: Project
    options: CompileOptions
    out_dir: Path
    selected: tuple[str, ...]
    targets: tuple[str, ...]
    #: ``--format markdown``: where the Markdown goes, and the record of the files compile wrote there
    #: (each article writes through a view of it; its changes go back to the parent's record).
    markdown_root: Path | None = None
    record: OutputRecord | None = None
    #: Assets this process has copied in this run (each once), and where the articles' file URLs lead.
    copied: set[str] = field(default_factory=set)
    found: dict[tuple[str, str], tuple[Path, str | None, bool]] = field(default_factory=dict)
    #: The documents extract read (None: every article is read, ``--full``).
    reads: ReadCache | None = None
    #: The names in folders of the site (relative to it) as they were when first looked at (see is_absent).
    listed: dict[str, set[str]] = field(default_factory=dict)
    #: The output folders of the pages of articles not compiled again, by name, and their coverages
    #: by counts (see _recorded_page).
    folders: dict[str, Path] = field(default_factory=dict)
    coverages: dict[tuple[int, ...], Coverage] = field(default_factory=dict)
    #: The folders of the site's files by their path in the site (see :func:`place_of`), and those of the
    #: catalogs by locale and the folder part of the slug (see :func:`catalog_file`).
    places: dict[str, Place] = field(default_factory=dict)
    catalog_places: dict[tuple[str, str], tuple[str, Path]] = field(default_factory=dict)
    #: The files articles load and their copies (by path, a copy by its name in the site), as this
    #: process first recorded them in this run: name, signature, content hash (see _watch_asset).
    watched: dict[Path | str, tuple[str, Signature | None, str | None]] = field(default_factory=dict)
    #: Whether this run makes index pages (each compiled article then makes its rows in them).
    indexes: bool = False
    #: The titles of the project's pages, for the values that name one (``[extract.front_matter]
    #: title_refs``; None: none are written in this run).
    titles: Titles | None = None
    #: Markdown output with ``[compile.links]``: the articles links lead to and where each is
    #: published (None: links are rewritten by the rules alone).
    links: LinkTargets | None = None

    @property
    def all_locales(self) -> list[str]:
        """The source locale, then every target."""
        return [self.project.source_locale, *self.targets]


@dataclass
class CompiledArticle:
    """One article's pages (every locale's, by locale) and what compiling it reported."""

    slug: str
    #: False when the article could not be read.
    read: bool = True
    pages: dict[str, Page] = field(default_factory=dict)
    #: The pages of the source and the selected locales, in that order (``CompileReport.pages``).
    listed: list[Page] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[TranspubError] = field(default_factory=list)
    mo_written: list[Path] = field(default_factory=list)
    review_written: list[Path] = field(default_factory=list)
    stale: set[str] = field(default_factory=set)
    #: By locale: the page an earlier run published that this run removed, no longer published.
    withdrawn: dict[str, Path] = field(default_factory=dict)
    #: The site's folders it removed a page or review copy from (perhaps emptied: removed when left
    #: empty, in the parent once every page is written).
    removed_from: list[Path] = field(default_factory=list)
    #: Its pages an earlier compile wrote where they no longer go, left for a run of their language:
    #: (locale, the page, where it goes now), as shown (see ``CompileReport.unmoved``).
    unmoved: list[tuple[str, str, str]] = field(default_factory=list)
    #: The manifest record of what was read and written (None: nothing to remember).
    record: Record | None = None
    #: Markdown output: the record of written files' name for its file in each listed locale (None: no
    #: file), when known (from its manifest record), so that finding stale files need not work them out.
    markdown_keys: dict[str, str | None] | None = None
    #: Markdown output: the changes this article made to the record of written files, and the folders
    #: its removals emptied (made perhaps in a worker process: the parent takes them in).
    output_changes: dict[str, Recorded | None] = field(default_factory=dict)
    emptied: list[Path] = field(default_factory=list)
    #: Markdown output: the record's names of the image copies its file in each locale uses, when known.
    copies: dict[str, list[str]] | None = None
    #: What the index pages show of its pages (see :func:`index_rows`), when its record keeps it.
    index_rows: list[str] | None = None
    #: Its pages' rows in the index pages (see :func:`article_rows`), when made with them.
    rows: ArticleRows | None = None
    #: Its titles (for the pages naming it), and the titles its own front matter names (their source
    #: values) with a digest of what it wrote for them (see :func:`~.titles.resolution`), when known.
    titles: PageTitles | None = None
    refs: list[str] | None = None
    resolved: str | None = None
    #: The articles its links that ``[compile.links]`` rewrites lead to, with a digest of where each
    #: was published when it was compiled (see :meth:`~.links.LinkTargets.resolution`), when known.
    linked: list[str] | None = None
    links_resolved: str | None = None
    #: By selected locale, the URL its published page's title makes there (see :data:`TitledUrl`),
    #: where a permalink makes it of its title and compile did not warn of it already; None: none does.
    title_urls: dict[str, TitledUrl] | None = None


#: One page's rows in the language's and the site's indexes: locale, sort keys (see
#: :func:`~transpub.site.newest_key`), the two rows.
ListingRow = tuple[str, int, str, str, str]


#: An article's rows: the digests of what the index pages show of its pages (:func:`index_rows`),
#: the rows of its published pages in the listings, and (locale, row) of every page in the review index.
ArticleRows = tuple[str, str, tuple[ListingRow, ...], tuple[tuple[str, str], ...]]


#: The rows of one kind of index pages, by article slug: its digest for that kind, its rows.
KindRows = dict[str, tuple[str, tuple[Any, ...]]]


#: A folder of the site: its path (a string, and a path object) and how the manifest's records name
#: the files in it (what :func:`~transpub.manifest.path_name` gives less the file's name; None: ask it).
Place = tuple[str, Path, "str | None"]
