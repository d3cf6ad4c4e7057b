"""The compile workflow: articles + catalogs → ``site/<locale>/<slug>.html`` and index pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import catalog
from .errors import ArticleError, CatalogError, TranspubError
from .extract import load_article
from .formats.document import AttrSlot, Document, Resolution, Slot, Tag, TextSlot, escape_attribute
from .formats.html import attribute_spans
from .fsutil import write_if_changed
from .inline import placeholder_problem, strip_placeholders
from .locales import bcp47_tag, language_of, localize_date, text_direction
from .model import Issue
from .project import Project, slug_of
from .site import (
    MACHINE_NOTICE, REVIEW_STYLE, HiddenUnit, render_hidden_units, render_index, render_locale_index, render_review_legend, render_switcher,
    review_hover,
)


@dataclass(frozen=True)
class Translation:
    """One catalog entry as compile sees it."""

    text: str
    state: str  # translated | fuzzy | untranslated
    line: int | None
    provenance: str | None = None


@dataclass
class Page:
    """One article in one locale: its coverage and whether (and why not) it was published."""

    locale: str
    slug: str
    title: str
    total: int
    translated: int
    fuzzy: int
    published: bool
    reason: str = ""
    output: Path | None = None
    written: bool = False
    title_locale: str = ""  # the language the title is in (the source's when it is untranslated)

    @property
    def percent(self) -> float:
        """Share of units that will be shown translated."""
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


@dataclass
class CompileReport:
    """Pages written or held back, warnings (placeholder mismatches) and errors."""

    pages: list[Page] = field(default_factory=list)
    warnings: list[Issue] = field(default_factory=list)
    errors: list[TranspubError] = field(default_factory=list)
    index_written: list[Path] = field(default_factory=list)
    mo_written: list[Path] = field(default_factory=list)
    out_dir: Path | None = None


@dataclass(frozen=True)
class CompileOptions:
    """Switches of ``transpub compile``."""

    out_dir: Path | None = None
    include_fuzzy: bool = False
    review: bool = False
    write_mo: bool = False
    threshold: float | None = None


def load_translations(path: Path, display: str) -> dict[str, Translation]:
    """The entries of the PO at ``path`` by msgid (empty when the file does not exist yet)."""
    if not path.exists():
        return {}
    po = catalog.read_catalog(path)
    found: dict[str, Translation] = {}
    for entry in po:
        if entry.obsolete or not entry.msgid:
            continue
        found[entry.msgid] = Translation(
            text=entry.msgstr, state=catalog.entry_state(entry), line=entry.linenum,
            provenance=catalog.provenance_of(entry),
        )
    return found


def _usable(slot: Slot, entry: Translation | None, include_fuzzy: bool) -> bool:
    if entry is None or not entry.text:
        return False
    if entry.state == "fuzzy" and not include_fuzzy:
        return False
    return entry.state in ("translated", "fuzzy") and placeholder_problem(slot.msgid, entry.text) is None


def compile_project(project: Project, locales: list[str], options: CompileOptions = CompileOptions()) -> CompileReport:
    """Write the localized site for ``locales`` (plus the source locale) and its index pages."""
    out_dir = options.out_dir or project.site_dir
    report = CompileReport(out_dir=out_dir)
    documents: dict[str, Document] = {}
    for path in project.article_paths():
        try:
            documents[slug_of(path)] = load_article(project, path)
        except ArticleError as exc:
            report.errors.append(exc)

    catalogs: dict[tuple[str, str], dict[str, Translation]] = {}
    for locale in locales:
        for slug, document in documents.items():
            po_path = project.catalog_path(locale, slug)
            try:
                catalogs[locale, slug] = load_translations(po_path, project.relative(po_path))
            except CatalogError as exc:
                report.errors.append(exc)
                continue
            if options.write_mo and po_path.exists():
                mo_path = po_path.with_suffix(".mo")
                if catalog.write_mo(catalog.read_catalog(po_path), mo_path, include_fuzzy=options.include_fuzzy):
                    report.mo_written.append(mo_path)

    pages: dict[tuple[str, str], Page] = {}
    for slug, document in documents.items():
        units = document.units()
        pages[project.source_locale, slug] = Page(
            project.source_locale, slug, _title_of(document, {}, False)[0], len(units), len(units), 0, True,
            title_locale=project.source_locale)
        for locale in locales:
            if (locale, slug) not in catalogs:
                continue
            entries = catalogs[locale, slug]
            usable = sum(1 for unit in units if _usable(_unit_slot(unit.msgid), entries.get(unit.msgid),
                                                         options.include_fuzzy))
            fuzzy = sum(1 for unit in units if (entries.get(unit.msgid) or _MISSING).state == "fuzzy")
            threshold = _threshold(project, locale, options)
            title, translated_title = _title_of(document, entries, options.include_fuzzy)
            page = Page(locale, slug, title, len(units), usable, fuzzy, True,
                        title_locale=locale if translated_title else project.source_locale)
            if page.percent + 1e-9 < threshold:
                page.published = False
                page.reason = (f"{page.percent:.0f}% translated, below the {threshold:g}% needed to publish"
                               + (" (fuzzy entries not counted; see --include-fuzzy)" if fuzzy and not options.include_fuzzy else ""))
            pages[locale, slug] = page

    all_locales = [project.source_locale, *locales]
    for (locale, slug), page in pages.items():
        if not page.published:
            report.pages.append(page)
            _remove_stale(out_dir / locale / f"{slug}.html", out_dir / "_review" / locale / f"{slug}.html")
            continue
        document = documents[slug]
        entries = catalogs.get((locale, slug), {})
        available = [loc for loc in all_locales if (loc, slug) in pages and pages[loc, slug].published]
        html = _render_page(project, document, locale, slug, entries, available, options, report,
                            review=False)
        page.output = out_dir / locale / f"{slug}.html"
        page.written = write_if_changed(page.output, html.encode("utf-8"))
        report.pages.append(page)
        if options.review and locale != project.source_locale:
            review_html = _render_page(project, document, locale, slug, entries, available, options,
                                       report, review=True)
            write_if_changed(out_dir / "_review" / locale / f"{slug}.html", review_html.encode("utf-8"))

    for locale in all_locales:
        listed = [p for p in report.pages if p.locale == locale and p.published]
        path = out_dir / locale / "index.html"
        if not listed and locale != project.source_locale:
            _remove_stale(path)  # nothing published in this language: no empty index page
            continue
        if write_if_changed(path, render_locale_index(project, locale, listed, all_locales).encode("utf-8")):
            report.index_written.append(path)
    index = out_dir / "index.html"
    if write_if_changed(index, render_index(project, report.pages, all_locales).encode("utf-8")):
        report.index_written.append(index)
    return report


_MISSING = Translation("", "untranslated", None)
#: Languages written without spaces between sentences.
SPACELESS_LANGUAGES = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo"})


def _unit_slot(msgid: str) -> Slot:
    return AttrSlot(msgid=msgid, ref="", raw="", kind="text")


def _threshold(project: Project, locale: str, options: CompileOptions) -> float:
    if options.threshold is not None:
        return options.threshold
    own = project.settings_for(locale).publish_threshold
    return float(own) if own is not None else project.publish_threshold


def _title_of(document: Document, entries: dict[str, Translation], include_fuzzy: bool) -> tuple[str, bool]:
    """The page title as published, and whether it is translated."""
    for slot in document.slots():
        if slot.kind == "title":
            entry = entries.get(slot.msgid)
            if _usable(slot, entry, include_fuzzy):
                assert entry is not None
                return strip_placeholders(entry.text), True
            return strip_placeholders(slot.msgid), False
    return document.path.stem, False


def _remove_stale(*paths: Path) -> None:
    """Delete pages an earlier run published that are no longer published."""
    for path in paths:
        if path.is_file():
            path.unlink()


def _render_page(project: Project, document: Document, locale: str, slug: str,
                 entries: dict[str, Translation], available: list[str], options: CompileOptions,
                 report: CompileReport, *, review: bool) -> str:
    source = project.source_locale
    po_display = project.relative(project.catalog_path(locale, slug))
    source_tag = bcp47_tag(source)
    source_direction = text_direction(source)
    source_dir = f' dir="{source_direction}"' if text_direction(locale) != source_direction else ""
    warned: set[str] = set()

    def resolve(slot: Slot) -> Resolution:
        if locale == source:
            return Resolution()
        entry = entries.get(slot.msgid)
        problem = None
        if entry is not None and entry.text and entry.state != "untranslated":
            problem = placeholder_problem(slot.msgid, entry.text)
            if problem and slot.msgid not in warned and not review:
                warned.add(slot.msgid)
                report.warnings.append(Issue(po_display, entry.line, "placeholders",
                                             f"{problem}; the source text is published instead",
                                             locale=locale, severity="warning", msgid=slot.msgid))
        usable = problem is None and _usable(slot, entry, options.include_fuzzy)
        if review and isinstance(slot, TextSlot) and slot.markable:
            css, text, where = _review_state(entry, problem, po_display)
            hover = review_hover(css, strip_placeholders(slot.msgid), where)
            shown_lang = "" if text is not None else f' lang="{source_tag}"{source_dir}'
            return Resolution(text=text, before=f'<span class="tp-{css}"{shown_lang} title="{escape_attribute(hover)}">',
                              after="</span>")
        if usable:
            assert entry is not None
            if entry.state == "fuzzy":
                if isinstance(slot, TextSlot) and slot.markable:
                    return Resolution(text=entry.text, before='<span class="transpub-machine">', after="</span>")
            return Resolution(text=entry.text)
        if isinstance(slot, TextSlot) and slot.markable:
            return Resolution(before=f'<span lang="{source_tag}"{source_dir}>', after="</span>")
        return Resolution()

    used_fuzzy = options.include_fuzzy and locale != source and any(
        (entry := entries.get(slot.msgid)) is not None and entry.state == "fuzzy"
        and _usable(slot, entry, True) for slot in document.slots())
    if review:  # a review copy lives in _review/<locale>/: link the other review copies, not the site
        head = REVIEW_STYLE
        hidden = []
        for slot in document.slots():
            if isinstance(slot, TextSlot) and slot.markable:
                continue
            entry = entries.get(slot.msgid)
            problem = placeholder_problem(slot.msgid, entry.text) if entry is not None and entry.text else None
            css, text, where = _review_state(entry, problem, po_display)
            hidden.append(HiddenUnit(slot.kind, strip_placeholders(slot.msgid), text, css, where))
        body_start = render_review_legend(po_display) + render_hidden_units(hidden) + render_switcher(
            locale, slug, available,
            lambda other: f"../../{other}/{slug}.html" if other == source else f"../{other}/{slug}.html")
    else:
        head = "".join(
            f'<link rel="alternate" hreflang="{bcp47_tag(loc)}" href="../{loc}/{slug}.html">' for loc in available
        ) + f'<link rel="alternate" hreflang="x-default" href="../{source}/{slug}.html">'
        body_start = render_switcher(locale, slug, available)
        if used_fuzzy:
            body_start += MACHINE_NOTICE.get(language_of(locale), MACHINE_NOTICE["en"])
    inserts = {"head-end": head, "body-start": body_start}
    page_tag = document.html_tag
    charset_tag = document.charset_tag if document.encoding not in ("utf-8", "utf-8-sig", "ascii") else None
    if page_tag is not None:
        page_tag.extra_attributes = {"lang": bcp47_tag(locale), "dir": text_direction(locale)}
    if charset_tag is not None:
        charset_tag.extra_attributes = _utf8_declaration(charset_tag)
    try:
        return document.render(resolve, inserts=inserts, format_date=None if locale == source else (lambda value: localize_date(value, locale)),
                               join_sentences=language_of(locale) in SPACELESS_LANGUAGES)
    finally:
        if page_tag is not None:
            page_tag.extra_attributes = {}
        if charset_tag is not None:
            charset_tag.extra_attributes = {}


def _review_state(entry: Translation | None, problem: str | None, po_display: str) -> tuple[str, str | None, str]:
    """For a review copy: the state class, the text to show (None: the source) and the PO location."""
    state = "missing" if entry is None or not entry.text or entry.state == "untranslated" else entry.state
    css = "broken" if problem else {"translated": "reviewed", "fuzzy": "machine"}.get(state, "missing")
    where = f"{po_display}:{entry.line}" if entry is not None and entry.line else f"{po_display} (no entry)"
    text = entry.text if entry is not None and entry.text and not problem else None
    return css, text, where


def _utf8_declaration(tag: Tag) -> dict[str, str]:
    """The attribute to rewrite so that a legacy-charset page, now written in UTF-8, says so."""
    source = "".join(part for part in tag.parts if isinstance(part, str))
    names = {name for name, _ in attribute_spans(source)}
    return {"charset": "utf-8"} if "charset" in names else {"content": "text/html; charset=utf-8"}


