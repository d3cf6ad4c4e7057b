"""A project's sources, loaded once for every workflow: its articles, catalogs and glossary.

extract, compile, check and status read articles, catalogs and the glossary the same way; this is
that way. A workflow never imports another workflow: what two of them share lives here (or
below).
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .discovery import in_shard
from .errors import CatalogError
from .formats import Document, ReadOptions, read_article
from .formats.publishable import problem_of
from .formats.value_slots import keeps_source
from .inline import strip_placeholders
from .mkdocs_nav import SITE_CATALOG
from .mkdocs_site import DEFAULT_BLOCK_TITLES, DEFAULT_IDS
from .model import Unit
from .project import Project
from .readcache import ReadCache

if TYPE_CHECKING:
    from .catalog import CatalogStats, POFile
    from .formats.document import Slot
    from .glossary import Glossary, Term


def read_options(project: Project, path: Path | None = None) -> ReadOptions:
    """The reader options for ``path`` (a per-article segmentation override wins)."""
    segmentation = project.segmentation
    if path is not None and project.segmentation_overrides:  # (no slug to work out without any)
        segmentation = project.segmentation_overrides.get(project.slug_of(path), segmentation)
    return ReadOptions(
        source_locale=project.source_locale,
        segmentation=segmentation,
        extract_code=project.extract_code,
        extract_pre=project.extract_pre,
        extract_link_urls=project.extract_link_urls,
        extract_bare_urls=project.extract_bare_urls,
        extract_symbols=project.extract_symbols,
        include=project.scope_include,
        exclude=project.scope_exclude,
        attributes=project.extract_attributes,
        front_matter_keys=project.front_matter_keys,
        front_matter_markdown=project.front_matter_markdown,
        front_matter_title_refs=project.front_matter_title_refs,
        shortcode_params=project.shortcode_params,
        include_params=project.include_params,
        shortcodes_with_markdown=project.shortcodes_with_markdown,
        wordpress_shortcodes=project.wordpress_shortcodes,
        code_shortcodes=project.code_shortcodes,
        mkdocs_ids=project.mkdocs.ids if project.mkdocs is not None else DEFAULT_IDS,
        block_titles=project.mkdocs.block_titles if project.mkdocs is not None else DEFAULT_BLOCK_TITLES,
        default_titles=project.heading_ids in (None, "mkdocs"),
        fancy_lists=project.heading_ids is None
        or (project.heading_ids == "mkdocs" and (project.mkdocs is None or project.mkdocs.fancy_lists)),
        escaped_values=project.output_format == "html"
        or (project.heading_ids is not None and project.heading_ids.startswith("hugo")),
        kramdown=project.heading_ids == "jekyll",
        goldmark_urls=project.heading_ids is not None and project.heading_ids.startswith("hugo"),
        magiclink_urls=project.heading_ids == "mkdocs",
        betterem_emphasis=project.heading_ids == "mkdocs",
        github_urls=project.heading_ids is None,
        markdown_suffixes=project.markdown_suffixes,
    )


def load_article(
    project: Project,
    path: Path,
    reads: ReadCache | None = None,
    data: bytes | None = None,
    *,
    shown: str | None = None,
    slug: str | None = None,
) -> Document:
    """Read one article of ``project`` (ArticleError when it cannot be read).

    ``reads``: the documents extract read (taken from there when the article, the options and
    transpub are the same; see :mod:`transpub.readcache`), or where extract keeps what it reads.
    ``data``: the article's bytes, when the caller has read them already; ``shown`` and ``slug``:
    its ``project.relative(path)`` and ``project.slug_of(path)``, when the caller has them.
    """
    options = read_options(project, path)
    if shown is None:
        shown = project.relative(path)
    if reads is None or not reads.active:
        return read_article(path, options, display_path=shown, data=data)
    if data is None:
        try:
            data = path.read_bytes()
        except OSError:
            return read_article(path, options, display_path=shown)  # says why, as without the cache
    key = reads.digest(options, shown, data)
    document = reads.get(shown, key, path)
    if document is None:
        document = read_article(path, options, display_path=shown, data=data)
        if reads.store:
            reads.keep(shown, project.slug_of(path) if slug is None else slug, key, document)
    return document


def site_template(project: Project) -> tuple[Path, POFile] | None:
    """The site's configuration file (an MkDocs site's ``mkdocs.yml``, a Hugo site's ``hugo.toml``…)
    and the template of its own strings (nav titles, site name, menu: see :mod:`transpub.mkdocs_nav`
    and :mod:`transpub.hugo_menus`) extract writes as the ``_site`` catalog now; None without such
    strings, or outside the run's shard."""
    if not in_shard(SITE_CATALOG, project.shard):
        return None
    from .hugo_menus import own_strings  # (a site's alone)

    found = own_strings(project)
    if found is None or not found[1]:
        return None
    from . import catalog

    shown, strings = found
    units = [Unit(text, (shown,), (note,)) for text, note in strings]
    return project.root / shown, catalog.build_template(units, project_name=project.name)


def load_project_glossary(project: Project) -> Glossary | None:
    """The project's glossary, or None when it has none configured or on disk."""
    if project.glossary_path is None or not project.glossary_path.exists():
        return None
    from .glossary import load_glossary  # compile and status never need it

    return load_glossary(project.glossary_path, max_bytes=int(project.glossary_max_mb * 1_000_000))


@dataclass
class GlossaryNotes:
    """The glossary's ``#.`` notes for a catalog's entries, as extract writes them (and check expects).

    The terms in a msgid are looked up once, however many locales' catalogs get their notes.
    """

    glossary: Glossary
    _terms: dict[str, list[Term]] = field(default_factory=dict)
    #: locale -> (term, on the first entry naming it) -> its note in that locale (a term recurs)
    _described: dict[str, dict[tuple[Term, bool], str]] = field(default_factory=dict)
    #: the msgids of the last catalog :meth:`for_catalog` was asked for, and where each term is first
    _firsts: tuple[Sequence[str], dict[Term, str]] | None = None

    def look_up(self, msgids: Sequence[str]) -> set[str]:
        """Find the terms of ``msgids`` (an article's) in one search; the msgids that name any (the
        only ones whose notes are not empty)."""
        todo = list(dict.fromkeys(msgid for msgid in msgids if msgid not in self._terms))
        if todo:
            found = self.glossary.terms_in_each(
                [strip_placeholders(msgid) for msgid in todo], self.glossary.source_lang
            )
            self._terms.update(zip(todo, found, strict=True))
        return {msgid for msgid in msgids if self._terms[msgid]}

    def for_catalog(self, locale: str, msgids: Sequence[str]) -> Callable[[str], list[str]]:
        """``notes_for(msgid)`` for ``locale``'s catalog of ``msgids`` (its entries', in order): a
        term's long note in full on the first entry naming it, the others pointing there."""
        from .glossary import describe_term

        described = self._described.get(locale)
        if described is None:
            described = self._described[locale] = {}
        found, glossary = self._terms, self.glossary
        firsts = self._first_entries(msgids)

        def notes_for(msgid: str) -> list[str]:
            terms = found.get(msgid)
            if terms is None:
                terms = found[msgid] = glossary.terms_in(strip_placeholders(msgid), glossary.source_lang)
            if not terms:  # most sentences name no term
                return []
            notes = []
            for term in terms:
                first = firsts.get(term, msgid) == msgid
                note = described.get((term, first))
                if note is None:
                    note = described[(term, first)] = describe_term(term, locale, first=first)
                notes.append(note)
            return notes

        return notes_for

    def _first_entries(self, msgids: Sequence[str]) -> dict[Term, str]:
        """Term -> the first of ``msgids`` naming it (worked out once for the locales of a catalog)."""
        known = self._firsts  # (one read: threads may share these notes)
        if known is not None and known[0] is msgids:
            return known[1]
        self.look_up(msgids)
        firsts: dict[Term, str] = {}
        for msgid in msgids:
            for term in self._terms[msgid]:
                firsts.setdefault(term, msgid)
        self._firsts = (msgids, firsts)
        return firsts


class Translation(NamedTuple):
    """One catalog entry as compile sees it (a named tuple: a catalog makes one per entry).

    ``provenance``: its last ``# transpub: …`` comment line, without the prefix (see
    :func:`~transpub.provenance.is_machine_translation`)."""

    text: str
    state: str  # translated | fuzzy | untranslated
    line: int | None
    provenance: str | None = None


def load_translations(
    path: Path, display: str, data: bytes | None = None, *, lines: bool = True
) -> dict[str, Translation]:
    """The entries of the PO at ``path`` by msgid (empty when the file does not exist yet).

    ``data``: its bytes, when the caller has read them already; with them and without ``lines``,
    an entry's line may be None (a catalog read at once is not counted line by line).
    """
    from . import catalog  # (a compile with nothing to do reads no catalog)

    if data is not None:
        entries = catalog.parse_translations(data, path, lines=lines)
    elif not path.exists():
        return {}
    else:
        entries = catalog.read_translations(path)
    # each entry's tuple becomes a Translation without a Python call per entry
    return dict(zip(entries, map(tuple.__new__, repeat(Translation), entries.values())))


def catalog_translations(po: POFile) -> dict[str, Translation]:
    """The live entries of the catalog ``po``, read already, by msgid: :func:`load_translations` of it."""
    from . import catalog

    return {
        entry.msgid: Translation(
            entry.msgstr,
            catalog.entry_state(entry),
            entry.linenum,
            catalog.provenance_of(entry) if entry.tcomment else None,
        )
        for entry in po
        if not entry.obsolete and entry.msgid
    }


def translation_line(path: Path, msgid: str) -> int | None:
    """The line of the entry of ``msgid`` in the PO at ``path``, read again (None: it cannot be read,
    or has no such entry)."""
    try:
        found = load_translations(path, "").get(msgid)
    except (CatalogError, OSError):
        return None
    return None if found is None else found.line


def catalog_coverage(po: POFile, values: Mapping[str, Sequence[Slot]] | None = None) -> CatalogStats:
    """The counts of the catalog ``po`` as compile counts its article's page: a translated entry that
    cannot be published (its placeholders or template tokens differ from the source's: see
    :func:`~transpub.formats.publishable.problem_of`), or that a value of the article (``values``: its
    :func:`~transpub.formats.value_slots.written_values`) writes as its source has it (a front matter
    value whose translation adds a link), counts as untranslated. What ``status`` and ``check`` report."""
    from . import catalog

    return catalog.catalog_stats(po, functools.partial(_shows_source, values or {}))


def _shows_source(values: Mapping[str, Sequence[Slot]], msgid: str, text: str) -> bool:
    """Whether the page shows the source of the unit ``msgid`` rather than its translation ``text``."""
    if text and problem_of(msgid, text) is not None:
        return True
    return bool(values) and keeps_source(values, msgid, text)


def prepare_reading(project: Project) -> None:
    """Load now what reading an article needs, which a process otherwise loads on its first article
    (the reader's modules, the source language's date formats, about 0.1 s): a run does it once
    before its worker processes start, and they find it loaded."""
    from datetime import date

    from .formats import html  # noqa: F401  (Markdown and text articles are read by it too)
    from .formats.dates import DateStyle, render_date

    render_date(date(2000, 1, 1), DateStyle("date", "long"), project.source_locale)
