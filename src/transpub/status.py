"""``transpub status``: how far each article is translated in each locale, as a table or an HTML page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import builder as E

from transpub import catalog
from transpub.catalog.outdated import find_staleness
from transpub.errors import ArticleError, CatalogError, GlossaryError, TranspubError
from transpub.formats.document import Document, Slot
from transpub.formats.value_slots import value_slots, written_values
from transpub.fsutil import atomic_write_bytes
from transpub.glossary import Glossary
from transpub.locales import bcp47_tag, native_name, text_direction
from transpub.mkdocs_nav import SITE_CATALOG
from transpub.model import Coverage, counted
from transpub.project import Project, output_shown
from transpub.publication import NO_CATALOG, CompileNow, decide, msgids_of, written_file
from transpub.readcache import ReadCache
from transpub.sources import (
    GlossaryNotes,
    Translation,
    catalog_coverage,
    catalog_translations,
    load_article,
    load_project_glossary,
    site_template,
)

TOTAL = "(all articles)"
#: The row of an MkDocs site's own strings (its ``_site`` catalog: nav titles, site_name), no page.
SITE_ROW = "(site: menu and name)"

#: What status adds to why compile holds back a page whose catalog cannot be read.
KEPT_FROM_BEFORE = "a page published from it before stays, as it was"


@dataclass(frozen=True)
class _Article:
    """What deciding an article's pages needs, worked out once for all its locales."""

    document: Document
    msgids: list[str]
    values: list[Slot]
    options: CompileNow


@dataclass(frozen=True)
class StatusRow:
    """One article in one locale: units by state and source words.

    ``note`` says when the catalog is missing or broken, ``error`` holds what is wrong with a
    broken one (its counts mean nothing then), ``outdated`` how it differs from its article,
    ``article_error`` what is wrong with an article that cannot be read (file and line first),
    ``refused`` how many of the untranslated units have a translation compile does not publish;
    ``published`` whether a compile now (with the :class:`CompileNow` options status was given)
    publishes the page, ``held_back`` why it does not (as compile says it), both None when that
    cannot be told (the article cannot be read);
    ``catalog`` the catalog's file, relative to the project; ``page``, of a page held back in
    Markdown output, the file compile would write, as compile names it (``_posts/es/a.md``).
    """

    article: str
    locale: str
    coverage: Coverage = field(default_factory=Coverage)
    words: int = 0
    note: str | None = None
    error: str | None = None
    outdated: str | None = None
    article_error: str | None = None
    refused: int = 0
    published: bool | None = None
    held_back: str | None = None
    catalog: str | None = None
    page: str | None = None

    @property
    def counted(self) -> bool:
        """Whether the counts say anything: not for a broken catalog, nor for an article never
        extracted that could not be read either (one that could counts its units as untranslated)."""
        return self.error is None and (self.note != "not extracted" or self.coverage.total > 0)


def collect_status(
    project: Project,
    locales: list[str],
    problems: list[str] | None = None,
    options: CompileNow | None = None,
) -> list[StatusRow]:
    """One row per article and locale, articles in name order, locales as given.

    A missing catalog counts the template's units as untranslated; a broken one gives a row
    with an error (``transpub check`` reports the details). A catalog that ``transpub extract``
    would change (the article was edited since) is marked out of date. ``problems`` gets what
    keeps the run from telling that (a glossary that cannot be read), file and line first.

    Each row also says whether ``transpub compile`` would publish the page now, or why it would
    hold it back, decided as compile decides it (:func:`~transpub.publication.decide`; ``options``:
    those of that compile), without rendering or writing anything.
    """
    options = CompileNow() if options is None else options
    glossary, glossary_ok = _glossary(project, problems)
    notes = GlossaryNotes(glossary) if glossary is not None else None  # (as extract writes them)
    rows = []
    reads = ReadCache(project.root)
    for path in project.article_paths():
        slug = project.slug_of(path)
        document, template, values, unreadable = _template(project, path, reads)
        article = (
            None
            if document is None
            else _Article(document, msgids_of(document), value_slots(document), options)
        )
        for locale in locales:
            row = _row(project, slug, locale, template if glossary_ok else None, notes, values, article)
            if row.published is False and project.output_format == "markdown":
                page = written_file(project, locale, path, slug)
                row = (
                    replace(row, page=output_shown(project, project.site_dir, page))
                    if page is not None
                    else row
                )
            rows.append(replace(row, article_error=unreadable) if unreadable else row)
    return rows + _site_rows(project, locales, {row.article for row in rows})


def _site_rows(project: Project, locales: list[str], articles: set[str]) -> list[StatusRow]:
    """The rows of the site's own strings (its ``_site`` catalog: an MkDocs site's nav titles and
    site_name, a Hugo site's title and main menu), one per locale, as an article's (out of date when
    ``mkdocs.yml`` or ``hugo.toml`` changed since extract); none without them, or when an article's
    catalog (of ``articles``) takes the name."""
    site = site_template(project)
    if site is None or SITE_CATALOG in articles:
        return []
    return [replace(_row(project, SITE_CATALOG, locale, site[1]), article=SITE_ROW) for locale in locales]


def has_errors(rows: list[StatusRow]) -> bool:
    """Whether a catalog is broken or an article cannot be read (``transpub status`` then exits 1)."""
    return any(row.error or row.article_error for row in rows)


def article_errors(rows: list[StatusRow]) -> list[str]:
    """What is wrong with each article that cannot be read, once per article (file and line first)."""
    return list(dict.fromkeys(row.article_error for row in rows if row.article_error))


def _glossary(project: Project, problems: list[str] | None = None) -> tuple[Glossary | None, bool]:
    try:
        return load_project_glossary(project), True
    except GlossaryError as exc:  # without its notes every catalog would look out of date: do not tell
        if problems is not None:
            shown = (
                project.relative(Path(exc.path)) if exc.path and Path(exc.path).is_absolute() else exc.path
            )
            problems.append(
                str(GlossaryError(exc.message, shown, exc.line, exc.column))
                + " (out-of-date catalogs are not shown)"
            )
        return None, False


def _template(
    project: Project, article: Path, reads: ReadCache | None = None
) -> tuple[Document | None, catalog.POFile | None, dict[str, list[Slot]], str | None]:
    """The article as read, the POT extract would write for it now and its
    :func:`~transpub.formats.value_slots.written_values`, or None, None, none and what is wrong with
    the article when it cannot be read (``reads``: the documents extract read)."""
    try:
        document = load_article(project, article, reads)
    except ArticleError as exc:
        shown = project.relative(Path(exc.path)) if exc.path and Path(exc.path).is_absolute() else exc.path
        return None, None, {}, str(ArticleError(exc.message, shown or project.relative(article), exc.line))
    template = catalog.build_template(document.units(project.relative(article)), project_name=project.name)
    return document, template, written_values(document), None


def _row(
    project: Project,
    slug: str,
    locale: str,
    template: catalog.POFile | None = None,
    notes: GlossaryNotes | None = None,
    values: Mapping[str, Sequence[Slot]] | None = None,
    article: _Article | None = None,
) -> StatusRow:
    """The row of ``slug`` in ``locale`` (``values``: the article's written values, which compile
    counts a translation of as not translated when it writes the source instead; ``article``: the
    article as read, whose page is decided as compile decides it, None when it cannot be read)."""
    po_path = project.catalog_path(locale, slug)
    shown_path = project.relative(po_path)
    note = None
    outdated = None
    entries: dict[str, Translation] = {}
    try:
        if po_path.exists():
            po = catalog.read_catalog(po_path)
            stats = catalog_coverage(po, values)
            entries = catalog_translations(po)
            if template is not None:
                staleness = find_staleness(
                    po,
                    template,
                    fuzzy_threshold=project.fuzzy_threshold,
                    notes_for=notes.for_catalog(locale, [entry.msgid for entry in template])
                    if notes is not None
                    else None,
                )
                outdated = staleness.describe() if staleness.stale else None
        else:  # its units count as untranslated, as `check` counts them: the article's as it is now
            template_path = project.template_path(slug)
            note = "no catalog" if template_path.exists() else "not extracted"
            if template is None and not template_path.exists():
                return _decided(project, StatusRow(slug, locale, note=note, catalog=shown_path), article, {})
            stats = catalog.catalog_stats(
                template if template is not None else catalog.read_catalog(template_path)
            )
    except CatalogError as exc:  # (named with its file: the catalog may be another one, the template)
        where = project.relative(Path(exc.path)) if exc.path and Path(exc.path).is_absolute() else exc.path
        said = CatalogError(exc.message, where or shown_path, exc.line)
        row = StatusRow(slug, locale, note=f"broken catalog: {said}", error=str(said), catalog=shown_path)
        return _decided(project, row, article, None, said)
    row = StatusRow(
        slug,
        locale,
        Coverage(stats.translated, stats.fuzzy, stats.untranslated),
        stats.total_words,
        note,
        outdated=outdated,
        refused=stats.refused,
        catalog=shown_path,
    )
    return _decided(project, row, article, entries)


def _decided(
    project: Project,
    row: StatusRow,
    article: _Article | None,
    entries: dict[str, Translation] | None,
    error: CatalogError | None = None,
) -> StatusRow:
    """``row`` with whether a compile now publishes its page, and why not, as compile decides it
    (``entries``: its catalog's, empty when there is none, None when it cannot be read, ``error``
    says why); ``row`` as it is when the article cannot be read."""
    if article is None:
        return row
    page = decide(
        project,
        article.document,
        row.locale,
        row.article,
        entries,
        error,
        article.options,
        msgids=article.msgids,
        values=article.values,
    )
    if page.published:
        return replace(row, published=True)
    if entries is None:  # (as compile does, which keeps a page it published from the catalog before)
        return replace(row, published=False, held_back=f"{page.reason}; {KEPT_FROM_BEFORE}")
    missing = row.note in ("no catalog", "not extracted")
    return replace(row, published=False, held_back=NO_CATALOG if missing else page.reason)


def total_rows(rows: list[StatusRow]) -> list[StatusRow]:
    """One ``(all articles)`` row per locale, in the order locales first appear.

    Its note counts the broken and out-of-date catalogs among them.
    """
    totals: dict[str, StatusRow] = {}
    problems: dict[str, dict[str, int]] = {}
    for row in rows:
        old = totals.get(row.locale, StatusRow(TOTAL, row.locale))
        totals[row.locale] = StatusRow(
            TOTAL,
            row.locale,
            old.coverage + row.coverage,
            old.words + row.words,
            refused=old.refused + row.refused,
        )
        counts = problems.setdefault(row.locale, {"broken": 0, "outdated": 0})
        counts["broken"] += bool(row.error)
        counts["outdated"] += bool(row.outdated)
    result = []
    for locale, total in totals.items():
        counts = problems[locale]
        parts = [
            f"{n} {what} catalog{'s' if n != 1 else ''}"
            for what, n in (("broken", counts["broken"]), ("out-of-date", counts["outdated"]))
            if n
        ]
        note = ", ".join(parts) or None
        nothing_counted = counts["broken"] and not any(r.counted for r in rows if r.locale == locale)
        result.append(replace(total, note=note, error=note if nothing_counted else None))
    return result


def _percent(value: float) -> str:
    """A percentage rounded down to one decimal (the rule of :func:`~transpub.model.format_percent`), shown with it.

    >>> _percent(99.96), _percent(100.0), _percent(600 / 7)
    ('99.9%', '100.0%', '85.7%')
    """
    return f"{int(value * 10 + 1e-9) / 10:.1f}%"


def _shown_percent(row: StatusRow) -> str:
    """The share of a counted row translated, or "-" for an article with no text to translate (its
    page shows the source as it is: not "100.0%" translated).

    >>> _shown_percent(StatusRow("x", "de", Coverage(1, 0, 1), 5)), _shown_percent(StatusRow("e", "de"))
    ('50.0%', '-')
    """
    return _percent(row.coverage.percent) if row.coverage.total else "-"


def format_status_table(rows: list[StatusRow]) -> str:
    """An aligned text table, with a totals row per locale when there are several articles.

    >>> x, y = StatusRow("x", "de", Coverage(2, 1, 1), 30), StatusRow("y", "de", Coverage(4, 0, 0), 50)
    >>> print(format_status_table([x, y]), end="")
    article         locale  translated  fuzzy  untranslated       %  words
    x               de               2      1             1   50.0%     30
    y               de               4      0             0  100.0%     50
    (all articles)  de               6      1             1   75.0%     80
    """
    totals = total_rows(rows) if len({row.article for row in rows}) > 1 else []
    header = ("article", "locale", "translated", "fuzzy", "untranslated", "%", "words")
    body = [
        (
            r.article,
            r.locale,
            str(r.coverage.translated),
            str(r.coverage.fuzzy),
            str(r.coverage.untranslated),
            _shown_percent(r) if r.counted else ("error" if r.error else "n/a"),
            str(r.words),
            _notes(r),
        )
        for r in [*rows, *totals]
    ]
    if not rows:
        return "No articles.\n"
    widths = [max(len(header[i]), *(len(line[i]) for line in body)) for i in range(len(header))]
    lines = []
    for line in [(*header, ""), *body]:
        cells = [line[i].ljust(widths[i]) if i < 2 else line[i].rjust(widths[i]) for i in range(len(header))]
        text = "  ".join(cells)
        lines.append(f"{text}  ({line[-1]})" if line[-1] else text)
    return "\n".join(lines) + "\n"


def publication_summary(rows: list[StatusRow], locale: str) -> str:
    """How many of ``locale``'s pages (``rows``: of every locale) a compile now publishes and holds
    back, and of how many articles that cannot be told (they cannot be read).

    >>> rows = [StatusRow("a", "de", published=True), StatusRow("b", "de", published=False), StatusRow("c", "de")]
    >>> publication_summary(rows, "de")
    '1 of 3 pages published, 1 held back, 1 not known: its article cannot be read'
    """
    mine = [row for row in rows if row.locale == locale and row.article != SITE_ROW]
    published = sum(row.published is True for row in mine)
    held = sum(row.published is False for row in mine)
    unknown = len(mine) - published - held
    said = f"{published} of {counted(len(mine), 'page')} published, {held} held back"
    if unknown:
        said += f", {unknown} not known: {'its article' if unknown == 1 else 'their articles'} cannot be read"
    return said


def format_publication(rows: list[StatusRow], options: str = "") -> str:
    """What a compile now publishes in each locale, and each page it holds back with why (as compile
    says it), article (in Markdown output the file compile would write) and catalog named (``options``:
    those of that compile, as typed).

    >>> rows = [StatusRow("a", "de", published=True), StatusRow("b", "de", published=False,
    ...     held_back="50% translated, below the 80% needed to publish", catalog="locales/de/b.po")]
    >>> print(format_publication(rows), end="")
    If compiled now:
      de: 1 of 2 pages published, 1 held back:
        b (locales/de/b.po): 50% translated, below the 80% needed to publish
    """
    if not rows:
        return ""
    lines = [_if_compiled(options)]
    for locale in dict.fromkeys(row.locale for row in rows):
        held = [row for row in rows if row.locale == locale and row.published is False]
        lines.append(f"  {locale}: {publication_summary(rows, locale)}{':' if held else ''}")
        lines.extend(f"    {row.page or row.article} ({row.catalog}): {row.held_back}" for row in held)
    return "\n".join(lines) + "\n"


def _if_compiled(options: str) -> str:
    """What heads the pages a compile with ``options`` (as typed: none by default) would publish.

    >>> _if_compiled(""), _if_compiled("--include-fuzzy")
    ('If compiled now:', 'If compiled now with --include-fuzzy:')
    """
    return f"If compiled now{f' with {options}' if options else ''}:"


def _notes(row: StatusRow) -> str:
    """The notes of a row in the text table: missing or broken catalog, refused translations, out of date."""
    notes = [row.note] if row.note else []
    if row.counted and not row.coverage.total and row.article != TOTAL:
        notes.append("no text to translate")
    if row.refused:
        notes.append(refused_note(row))
    if row.article_error:
        notes.append("article cannot be read")
    if row.outdated:
        notes.append(f"out of date: {row.outdated}; run `transpub extract`")
    return "; ".join(notes)


def refused_note(row: StatusRow) -> str:
    """What a row says of its translations compile refuses (counted as untranslated), and where to
    see each.

    >>> refused_note(StatusRow("a", "de", Coverage(1, 0, 1), 5, refused=1))
    '1 translation refused by compile, counted as untranslated: `transpub check -l de` says why'
    """
    return f"{refused_translations(row.refused)}, counted as untranslated: `transpub check -l {row.locale}` says why"


def refused_translations(count: int) -> str:
    """``count`` translations that compile refuses, in words."""
    return f"{count} translation{'s' if count != 1 else ''} refused by compile"


STYLE = """
body{font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:1.5rem;color:#1d1d1f}
h1{font-size:1.4rem;margin:0 0 .3rem}
p.legend span.swatch{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;margin:0 .3em 0 1em;\
border-radius:2px}
p.alert{color:#8a1111;background:#fdecec;border:1px solid #e0a3a3;border-radius:4px;padding:.4rem .7rem;\
display:inline-block}
.matrix{overflow-x:auto;margin-top:1rem}
table{border-collapse:collapse;width:100%}
th,td{padding:.35rem .5rem;border-bottom:1px solid #e3e3e6;text-align:start;vertical-align:top}
thead th{font-weight:600;background:#f6f6f8;position:sticky;top:0;vertical-align:bottom}
th.locale{min-width:7.5rem}
th.locale .name{display:inline-block;font-size:1.05em}
th.locale code{display:block;font-weight:400;color:#555;font-size:.8em}
tr.total td{border-top:2px solid #999;font-weight:600}
td.article{white-space:nowrap;max-width:16rem;overflow:hidden;text-overflow:ellipsis}
.cell{display:flex;align-items:center;gap:.4rem}
.bar{display:flex;flex:1 1 auto;min-width:3.5rem;max-width:7rem;height:.65rem;border-radius:3px;overflow:hidden;\
background:#e3e3e6}
.translated{background:#2e9e4f}.fuzzy{background:#f0a020}.untranslated{background:#d93a3a}.broken{background:#8a1111}
.pct{font-variant-numeric:tabular-nums;min-width:3.3em;text-align:end}
.counts{color:#555;font-size:.75rem;font-variant-numeric:tabular-nums;font-weight:400}
.counts span{white-space:nowrap}
.note{color:#555;font-size:.75rem;font-weight:400}
.stale{color:#8a5a00;font-size:.75rem;font-weight:400}
.held{color:#8a1111;font-size:.75rem;font-weight:400;overflow-wrap:anywhere}
td.error{background:#fdecec;max-width:12rem}
.error .pct{color:#8a1111;font-weight:700}
.error .note,.total .note.problem{color:#8a1111;overflow-wrap:anywhere}
"""


def _cell(row: StatusRow | None):
    if row is None:
        return E.TD("—")
    if row.error:
        message = row.error if row.article == TOTAL else f"broken catalog: {row.error}"
        return E.TD(
            E.CLASS("error"),
            E.DIV(E.CLASS("cell"), E.SPAN(E.CLASS("pct"), "error")),
            E.DIV(E.CLASS("note"), message),
            title=row.error,
        )
    if not row.counted:
        return E.TD(
            E.DIV(E.CLASS("cell"), E.SPAN(E.CLASS("pct"), "—")),
            E.DIV(E.CLASS("note"), row.note or ""),
            *_held(row),
        )
    segments = []
    for state in ("translated", "fuzzy", "untranslated"):
        count = getattr(row.coverage, state)
        if count and row.coverage.total:
            width = f"{100.0 * count / row.coverage.total:.2f}%"
            segments.append(E.SPAN(E.CLASS(state), style=f"width:{width}", title=f"{count} {state}"))
    counts: list = []
    for text in (
        f"{row.coverage.translated} ✓",
        f"{row.coverage.fuzzy} fuzzy",
        f"{row.coverage.untranslated} left",
        f"{row.words} words",
    ):
        counts += [" · "] if counts else []
        counts.append(E.SPAN(text))  # each kept on one line when the column is narrow
    parts = [
        E.DIV(
            E.CLASS("cell"),
            E.SPAN(E.CLASS("pct"), _shown_percent(row)),
            E.DIV(E.CLASS("bar"), *segments),
        ),
        E.DIV(E.CLASS("counts"), *counts),
    ]
    if row.note:
        problem = row.article == TOTAL and "broken" in row.note
        parts.append(E.DIV(E.CLASS("note problem" if problem else "note"), row.note))
    if row.refused:
        parts.append(E.DIV(E.CLASS("note"), refused_note(row)))
    if row.article_error:
        parts.append(E.DIV(E.CLASS("note"), "article cannot be read", title=row.article_error))
    parts.extend(_held(row))
    if row.outdated:
        parts.append(
            E.DIV(
                E.CLASS("stale"),
                f"out of date: {row.outdated}",
                title="The article changed since the last extract: run `transpub extract`",
            )
        )
    return E.TD(*parts)


def _held(row: StatusRow) -> list:
    """The note of a page a compile now holds back: why."""
    return [E.DIV(E.CLASS("held"), f"held back: {row.held_back}")] if row.published is False else []


def _locale_header(locale: str):
    """A column header: the language's name in itself, and its code."""
    try:
        name, tag, direction = native_name(locale), bcp47_tag(locale), text_direction(locale)
    except TranspubError:  # a locale Babel does not know: its code says it all
        return E.TH(E.CLASS("locale"), E.SPAN(E.CLASS("name"), locale), scope="col")
    return E.TH(
        E.CLASS("locale"),
        E.SPAN(E.CLASS("name"), name, lang=tag, dir=direction),
        " ",
        E.CODE(locale),
        scope="col",
    )


def render_status_html(rows: list[StatusRow], title: str, options: str = "") -> str:
    """A self-contained page (inline CSS, no scripts or external assets): articles × locales as stacked bars.

    Columns are headed by each language's own name and code and stay compact, so that a
    dozen locales fit a wide screen; more scroll sideways within the table.
    """
    locales = list(dict.fromkeys(row.locale for row in rows))
    articles = list(dict.fromkeys(row.article for row in rows))
    index = {(row.article, row.locale): row for row in rows}
    totals = {row.locale: row for row in total_rows(rows)}
    header = E.TR(E.TH("article", scope="col"), *(_locale_header(locale) for locale in locales))
    body = [
        E.TR(E.TD(E.CLASS("article"), article), *(_cell(index.get((article, locale))) for locale in locales))
        for article in articles
    ]
    body.append(
        E.TR(
            E.CLASS("total"),
            E.TD(E.CLASS("article"), TOTAL),
            *(_cell(totals.get(locale)) for locale in locales),
        )
    )
    legend = E.P(
        E.CLASS("legend"),
        "Units:",
        E.SPAN(E.CLASS("swatch translated")),
        "translated (reviewed)",
        E.SPAN(E.CLASS("swatch fuzzy")),
        "fuzzy (unreviewed)",
        E.SPAN(E.CLASS("swatch untranslated")),
        "untranslated",
        E.SPAN(E.CLASS("swatch broken")),
        "broken catalog",
    )
    content = [E.H1(f"Translation status: {title}"), legend]
    broken = [row for row in rows if row.error]
    if broken:
        content.append(
            E.P(
                E.CLASS("alert"),
                {"role": "alert"},
                f"{len(broken)} broken catalog{'s' if len(broken) != 1 else ''}: "
                + "; ".join(row.error or "" for row in broken),
            )
        )
    unreadable = article_errors(rows)
    if unreadable:
        content.append(
            E.P(
                E.CLASS("alert"),
                {"role": "alert"},
                f"{len(unreadable)} article{'s' if len(unreadable) != 1 else ''} cannot be read: "
                + "; ".join(unreadable),
            )
        )
    if rows:
        said = "; ".join(f"{locale}: {publication_summary(rows, locale)}" for locale in locales)
        content.append(E.P(E.CLASS("publication"), f"{_if_compiled(options)} {said}."))
    content.append(
        E.DIV(E.CLASS("matrix"), E.TABLE(E.THEAD(header), E.TBODY(*body))) if rows else E.P("No articles.")
    )
    page = E.HTML(
        E.HEAD(
            E.META(charset="utf-8"),
            E.META(name="viewport", content="width=device-width, initial-scale=1"),
            E.TITLE(f"Translation status: {title}"),
            E.STYLE(STYLE),
        ),
        E.BODY(*content),
        lang="en",
    )
    return lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def write_status_html(rows: list[StatusRow], path: Path, project: Project, options: str = "") -> None:
    """Write :func:`render_status_html` to ``path`` atomically."""
    atomic_write_bytes(Path(path), render_status_html(rows, project.name, options).encode("utf-8"))
