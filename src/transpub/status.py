"""``transpub status``: how far each article is translated in each locale, as a table or an HTML page."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import builder as E

from transpub import catalog
from transpub.errors import CatalogError
from transpub.fsutil import atomic_write_bytes
from transpub.project import Project, slug_of

TOTAL = "(all articles)"


@dataclass(frozen=True)
class StatusRow:
    """One article in one locale: units by state and source words; ``note`` when the catalog is missing or broken."""

    article: str
    locale: str
    translated: int = 0
    fuzzy: int = 0
    untranslated: int = 0
    words: int = 0
    note: str | None = None

    @property
    def total(self) -> int:
        """Units in the article."""
        return self.translated + self.fuzzy + self.untranslated

    @property
    def percent(self) -> float:
        """Share of units translated (reviewed).

        >>> StatusRow("a", "de", translated=1, untranslated=3).percent
        25.0
        """
        return 100.0 if self.total == 0 else 100.0 * self.translated / self.total


def collect_status(project: Project, locales: list[str]) -> list[StatusRow]:
    """One row per article and locale, articles in name order, locales as given.

    A missing catalog counts the template's units as untranslated; a broken one gives a row
    with a note (``transpub check`` reports the details).
    """
    rows = []
    for path in project.article_paths():
        slug = slug_of(path)
        for locale in locales:
            rows.append(_row(project, slug, locale))
    return rows


def _row(project: Project, slug: str, locale: str) -> StatusRow:
    po_path = project.catalog_path(locale, slug)
    note = None
    try:
        if po_path.exists():
            stats = catalog.catalog_stats(catalog.read_catalog(po_path))
        else:
            note = "no catalog"
            template = project.template_path(slug)
            if not template.exists():
                return StatusRow(slug, locale, note="not extracted")
            stats = catalog.catalog_stats(catalog.read_catalog(template))
    except CatalogError as exc:
        line = f" line {exc.line}" if exc.line else ""
        return StatusRow(slug, locale, note=f"broken catalog ({exc.message}{line})")
    return StatusRow(slug, locale, stats.translated, stats.fuzzy, stats.untranslated, stats.total_words, note)


def total_rows(rows: list[StatusRow]) -> list[StatusRow]:
    """One ``(all articles)`` row per locale, in the order locales first appear."""
    totals: dict[str, StatusRow] = {}
    for row in rows:
        old = totals.get(row.locale, StatusRow(TOTAL, row.locale))
        totals[row.locale] = StatusRow(TOTAL, row.locale, old.translated + row.translated, old.fuzzy + row.fuzzy,
                                       old.untranslated + row.untranslated, old.words + row.words)
    return list(totals.values())


def _percent(value: float) -> str:
    """A percentage rounded down to one decimal (the rule of ``check``'s ``format_percent``), shown with it.

    >>> _percent(99.96), _percent(100.0), _percent(600 / 7)
    ('99.9%', '100.0%', '85.7%')
    """
    return f"{int(value * 10 + 1e-9) / 10:.1f}%"


def format_status_table(rows: list[StatusRow]) -> str:
    """An aligned text table, with a totals row per locale when there are several articles.

    >>> print(format_status_table([StatusRow("x", "de", 2, 1, 1, 30), StatusRow("y", "de", 4, 0, 0, 50)]), end="")
    article         locale  translated  fuzzy  untranslated       %  words
    x               de               2      1             1   50.0%     30
    y               de               4      0             0  100.0%     50
    (all articles)  de               6      1             1   75.0%     80
    """
    totals = total_rows(rows) if len({row.article for row in rows}) > 1 else []
    header = ("article", "locale", "translated", "fuzzy", "untranslated", "%", "words")
    body = [(r.article, r.locale, str(r.translated), str(r.fuzzy), str(r.untranslated),
             _percent(r.percent), str(r.words), r.note or "") for r in [*rows, *totals]]
    if not rows:
        return "No articles.\n"
    widths = [max(len(header[i]), *(len(line[i]) for line in body)) for i in range(len(header))]
    lines = []
    for line in [(*header, ""), *body]:
        cells = [line[i].ljust(widths[i]) if i < 2 else line[i].rjust(widths[i]) for i in range(len(header))]
        text = "  ".join(cells)
        lines.append(f"{text}  ({line[-1]})" if line[-1] else text)
    return "\n".join(lines) + "\n"


STYLE = """
body{font:15px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;margin:2rem;color:#1d1d1f}
h1{font-size:1.4rem;margin:0 0 .3rem}
p.legend span{display:inline-block;width:.9em;height:.9em;vertical-align:-.1em;margin:0 .3em 0 1em;border-radius:2px}
table{border-collapse:collapse;margin-top:1rem}
th,td{padding:.45rem .7rem;border-bottom:1px solid #e3e3e6;text-align:left;vertical-align:middle}
th{font-weight:600;background:#f6f6f8}
tr.total td{border-top:2px solid #999;font-weight:600}
.cell{display:flex;align-items:center;gap:.5rem;min-width:13rem}
.bar{display:flex;width:8rem;height:.9rem;border-radius:3px;overflow:hidden;background:#e3e3e6;flex:none}
.translated{background:#2e9e4f}.fuzzy{background:#f0a020}.untranslated{background:#d93a3a}
.pct{font-variant-numeric:tabular-nums;min-width:3.5em;text-align:right}
.counts{color:#555;font-size:.85em;font-variant-numeric:tabular-nums;white-space:nowrap}
td:first-child{white-space:nowrap}
.note{color:#b00;font-size:.85em}
"""


def _cell(row: StatusRow | None):
    if row is None:
        return E.TD("—")
    segments = []
    for state in ("translated", "fuzzy", "untranslated"):
        count = getattr(row, state)
        if count and row.total:
            width = f"{100.0 * count / row.total:.2f}%"
            segments.append(E.SPAN(E.CLASS(state), style=f"width:{width}", title=f"{count} {state}"))
    counts = f"{row.translated} ✓ · {row.fuzzy} fuzzy · {row.untranslated} left · {row.words} words"
    parts = [E.DIV(E.CLASS("bar"), *segments), E.SPAN(E.CLASS("pct"), _percent(row.percent)),
             E.SPAN(E.CLASS("counts"), counts)]
    if row.note:
        parts.append(E.SPAN(E.CLASS("note"), row.note))
    return E.TD(E.DIV(E.CLASS("cell"), *parts))


def render_status_html(rows: list[StatusRow], title: str) -> str:
    """A self-contained page (inline CSS, no scripts or external assets): articles × locales as stacked bars."""
    locales = list(dict.fromkeys(row.locale for row in rows))
    articles = list(dict.fromkeys(row.article for row in rows))
    index = {(row.article, row.locale): row for row in rows}
    totals = {row.locale: row for row in total_rows(rows)}
    header = E.TR(E.TH("article"), *(E.TH(locale) for locale in locales))
    body = [E.TR(E.TD(article), *(_cell(index.get((article, locale))) for locale in locales))
            for article in articles]
    body.append(E.TR(E.CLASS("total"), E.TD(TOTAL), *(_cell(totals.get(locale)) for locale in locales)))
    legend = E.P(E.CLASS("legend"), "Units:",
                 E.SPAN(E.CLASS("translated")), "translated (reviewed)",
                 E.SPAN(E.CLASS("fuzzy")), "fuzzy (unreviewed)",
                 E.SPAN(E.CLASS("untranslated")), "untranslated")
    page = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.META(name="viewport", content="width=device-width, initial-scale=1"),
               E.TITLE(f"Translation status: {title}"), E.STYLE(STYLE)),
        E.BODY(E.H1(f"Translation status: {title}"), legend,
               E.TABLE(E.THEAD(header), E.TBODY(*body)) if rows else E.P("No articles.")),
        lang="en",
    )
    return lxml_html.tostring(page, doctype="<!DOCTYPE html>", encoding="unicode", pretty_print=True)


def write_status_html(rows: list[StatusRow], path: Path, project: Project) -> None:
    """Write :func:`render_status_html` to ``path`` atomically."""
    atomic_write_bytes(Path(path), render_status_html(rows, project.name).encode("utf-8"))
