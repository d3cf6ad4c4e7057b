"""The glossary as CSV: one row a term, one column a locale (format in ``transpub.glossary``)."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from transpub.errors import GlossaryError
from transpub.glossary.model import Glossary
from transpub.glossary.terms import ALL_LOCALES, CONTROL_CHARACTER, Term, is_locale_name, normalize_locale

TERM, NOTE, CASE, DNT, FORBIDDEN = "term", "note", "case_sensitive", "do_not_translate", "forbidden"
RESERVED = (TERM, NOTE, CASE, DNT, FORBIDDEN)
_TRUE = {"yes", "y", "true", "1", "x"}
#: A cell starting like a formula is exported behind a ``'`` (as translate-toolkit's po2csv does),
#: so a spreadsheet shows it as text instead of running it; reading removes that one quote again.
_FORMULA = re.compile(r"'*[=+\-@]")
#: Characters no glossary cell may hold (C0/C1 controls but tab and line ends; XML non-characters).
_CONTROL = CONTROL_CHARACTER
_FALSE = {"no", "n", "false", "0", ""}


def split_cell(cell: str) -> list[str]:
    """The ``|``-separated items of a cell, trimmed, empty ones dropped.

    >>> split_cell(" Provinz Jilin | der Provinz Jilin |")
    ['Provinz Jilin', 'der Provinz Jilin']
    """
    return [item.strip() for item in cell.split("|") if item.strip()]


def quote_formula(cell: str) -> str:
    """``cell`` as written to CSV: behind a ``'`` when a spreadsheet would run it as a formula.

    >>> quote_formula("=SUM(A1)"), quote_formula("'=A1"), quote_formula("plain"), quote_formula("'x")
    ("'=SUM(A1)", "''=A1", 'plain', "'x")
    """
    return "'" + cell if _FORMULA.match(cell) else cell


def unquote_formula(cell: str) -> str:
    """The text of a CSV cell: one ``'`` before a formula-like start removed (see :func:`quote_formula`).

    >>> unquote_formula("'=SUM(A1)"), unquote_formula("''=A1"), unquote_formula("'x"), unquote_formula("=1")
    ('=SUM(A1)', "'=A1", "'x", '=1')
    """
    return cell[1:] if cell.startswith("'") and _FORMULA.match(cell, 1) else cell


def _check_cells(record: list[str], path: Path | str | None, line: int) -> None:
    for cell in record:
        found = _CONTROL.search(cell)
        if found:
            raise GlossaryError(
                f"control character U+{ord(found.group()):04X} in cell {cell[:40]!r}",
                path,
                line + cell.count("\n", 0, found.start()),
            )
        line += cell.count("\n")


def _decode(data: bytes, path: Path | str | None) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise GlossaryError(f"not UTF-8 text (byte {exc.start})", path, line) from exc


def _read_header(header: list[str], path: Path | str | None) -> tuple[list[str], list[str]]:
    names = [cell.strip() for cell in header]
    columns: list[str] = []
    locales: list[str] = []
    for name in names:
        key = name.lower()
        if key in RESERVED:
            columns.append(key)
        elif is_locale_name(name) and name != ALL_LOCALES:
            columns.append(normalize_locale(name))
            locales.append(normalize_locale(name))
        else:
            raise GlossaryError(
                f'column "{name}" is neither a locale nor one of {", ".join(RESERVED)}', path, 1
            )
    duplicates = sorted({c for c in columns if columns.count(c) > 1})
    if duplicates:
        raise GlossaryError(f"column {duplicates[0]!r} appears twice", path, 1)
    if TERM not in columns:
        raise GlossaryError('no "term" column in the header', path, 1)
    return columns, locales


def _parse_forbidden(cell: str, path: Path | str | None, line: int) -> dict[str, tuple[str, ...]]:
    forbidden: dict[str, list[str]] = {}
    for item in split_cell(cell):
        locale, colon, text = item.partition(":")
        if not colon or not text.strip() or not is_locale_name(locale):
            raise GlossaryError(f'forbidden item "{item}" is not "locale:text" (locale may be *)', path, line)
        forbidden.setdefault(normalize_locale(locale), []).append(text.strip())
    return {k: tuple(v) for k, v in forbidden.items()}


def _parse_row(row: dict[str, str], locales: list[str], path: Path | str | None, line: int) -> Term:
    sources = split_cell(row.get(TERM, ""))
    if not sources:
        raise GlossaryError("empty term", path, line)
    translations: dict[str, str] = {}
    variants: dict[str, tuple[str, ...]] = {}
    for locale in locales:
        items = split_cell(row.get(locale, ""))
        if items:
            translations[locale] = items[0]
            if items[1:]:
                variants[locale] = tuple(items[1:])
    if sources[1:]:
        variants["<source>"] = tuple(sources[1:])
    case_cell = row.get(CASE, "").strip().lower()
    if case_cell not in _TRUE | _FALSE:
        raise GlossaryError(f'case_sensitive must be yes or no, not "{row.get(CASE)}"', path, line)
    dnt_items = split_cell(row.get(DNT, "").replace(",", "|").replace(" ", "|"))
    for item in dnt_items:
        if not is_locale_name(item):
            raise GlossaryError(f'do_not_translate: "{item}" is not a locale (or *)', path, line)
    dnt = frozenset(normalize_locale(item) for item in dnt_items)
    return Term(
        source=sources[0],
        translations=translations,
        variants=variants,
        forbidden=_parse_forbidden(row.get(FORBIDDEN, ""), path, line),
        do_not_translate=dnt,
        case_sensitive=case_cell in _TRUE,
        note=row.get(NOTE, "").strip(),
    )


def parse_csv_glossary(data: bytes, path: Path | str | None = None, source_lang: str = "en") -> Glossary:
    """Read a CSV glossary; a broken file raises :class:`GlossaryError` with its line.

    >>> g = parse_csv_glossary("term,zh_CN,de,do_not_translate\\nVasaloppet,瓦萨,Vasaloppets,de\\n".encode())
    >>> g.terms[0].required("zh_CN"), g.terms[0].accepted("de")
    ('瓦萨', ('Vasaloppet', 'Vasaloppets'))
    """
    text = _decode(data, path)
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    source_lang = normalize_locale(source_lang)
    terms: list[Term] = []
    first_line: dict[tuple[str, bool], int] = {}
    columns: list[str] | None = None
    locales: list[str] = []
    line = 1
    try:
        for record in reader:
            start_line, line = line, reader.line_num + 1
            _check_cells(record, path, start_line)
            if not any(cell.strip() for cell in record):
                continue
            if columns is None:
                columns, locales = _read_header(record, path)
                continue
            if len(record) != len(columns):
                raise GlossaryError(
                    f"{len(record)} cells where the header has {len(columns)}", path, start_line
                )
            row = dict(zip(columns, (unquote_formula(cell) for cell in record), strict=True))
            term = _parse_row(row, locales, path, start_line)
            if "<source>" in term.variants:
                variants = dict(term.variants)
                variants[source_lang] = variants.pop("<source>")
                term = Term(
                    term.source,
                    term.translations,
                    variants,
                    term.forbidden,
                    term.do_not_translate,
                    term.case_sensitive,
                    term.note,
                )
            key = (term.source if term.case_sensitive else term.source.casefold(), term.case_sensitive)
            if key in first_line:
                raise GlossaryError(
                    f'term "{term.source}" already defined on line {first_line[key]}', path, start_line
                )
            first_line[key] = start_line
            terms.append(term)
    except csv.Error as exc:
        # ``line`` is where the record being read started (an unclosed quote runs to the end)
        raise GlossaryError(f"CSV syntax: {exc} (unclosed quote?)", path, line) from exc
    if columns is None:
        raise GlossaryError("empty file: no header row", path, 1)
    return Glossary(terms, source_lang=source_lang, locales=locales)


def _join(items: list[str] | tuple[str, ...]) -> str:
    return "|".join(items)


def format_csv_glossary(glossary: Glossary) -> bytes:
    """The glossary as CSV bytes (``\\n`` line ends, UTF-8, no BOM), columns in ``glossary.locales`` order."""
    locales = list(glossary.locales)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([TERM, *locales, NOTE, CASE, DNT, FORBIDDEN])
    source_lang = glossary.source_lang
    for term in glossary.terms:
        cells = [_join([term.source, *term.variants.get(source_lang, ())])]
        for locale in locales:
            if term.keeps_source(locale):
                cells.append(_join([term.source, *term.variants.get(locale, ())]))
            else:
                required = term.translations.get(locale)
                forms = [required] if required else []
                if required:
                    forms.extend(term.variants.get(locale, ()))
                cells.append(_join(forms))
        dnt = (
            ALL_LOCALES
            if ALL_LOCALES in term.do_not_translate
            else _join(
                [loc for loc in locales if loc in term.do_not_translate]
                + sorted(term.do_not_translate - set(locales))
            )
        )
        forbidden = _join([f"{loc}:{text}" for loc, texts in term.forbidden.items() for text in texts])
        cells.extend([term.note, "yes" if term.case_sensitive else "", dnt, forbidden])
        writer.writerow([quote_formula(cell) for cell in cells])
    return out.getvalue().encode("utf-8")
