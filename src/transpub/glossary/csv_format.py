"""The glossary as CSV: one row a term, one column a locale (format in ``transpub.glossary``)."""

from __future__ import annotations

import csv
import io
import re
from array import array
from collections.abc import Iterable, Iterator
from pathlib import Path

from transpub.errors import GlossaryError
from transpub.glossary.model import Glossary
from transpub.glossary.store import TermStore
from transpub.glossary.terms import (
    ALL_LOCALES,
    CONTROL_CHARACTER,
    UNKNOWN_LOCALE,
    Fields,
    Term,
    is_known_locale,
    is_locale_name,
    normalize_locale,
)

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
        elif is_locale_name(name) and name != ALL_LOCALES and is_known_locale(name):
            columns.append(normalize_locale(name))
            locales.append(normalize_locale(name))
        else:
            message = f'column "{name}" is neither a locale nor one of {", ".join(RESERVED)}'
            if is_locale_name(name) and name != ALL_LOCALES:
                message += f"; {name} {UNKNOWN_LOCALE}"
            for separator, shown in ((";", "';'"), ("\t", "tabs")):
                if separator in name and TERM in (cell.strip().lower() for cell in name.split(separator)):
                    # a spreadsheet set to a language whose lists use ';' (or saving "text") wrote it so
                    message += f"; the file is separated by {shown}, not commas: save it as CSV with commas"
            raise GlossaryError(message, path, 1)
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
        if locale.strip() != ALL_LOCALES and not is_known_locale(locale):
            raise GlossaryError(f'forbidden item "{item}": {locale.strip()} {UNKNOWN_LOCALE}', path, line)
        forbidden.setdefault(normalize_locale(locale), []).append(text.strip())
    return {k: tuple(v) for k, v in forbidden.items()}


def parse_csv_glossary(data: bytes, path: Path | str | None = None, source_lang: str = "en") -> Glossary:
    """Read a CSV glossary; a broken file raises :class:`GlossaryError` with its line.

    >>> g = parse_csv_glossary("term,zh_CN,de,do_not_translate\\nVasaloppet,瓦萨,Vasaloppets,de\\n".encode())
    >>> g.terms[0].required("zh_CN"), g.terms[0].accepted("de")
    ('瓦萨', ('Vasaloppet', 'Vasaloppets'))
    """
    return _parse_lines(io.StringIO(_decode(data, path), newline=""), path, source_lang)


def read_csv_glossary(path: Path, source_lang: str = "en") -> Glossary:
    """Read the CSV glossary at ``path`` a line at a time (the file is never held whole)."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return _parse_lines(handle, path, source_lang)
    except UnicodeDecodeError:
        return parse_csv_glossary(path.read_bytes(), path, source_lang)  # to say on which line


def _parse_lines(lines: Iterable[str], path: Path | str | None, source_lang: str) -> Glossary:
    reader = csv.reader(lines, strict=True)
    source_lang = normalize_locale(source_lang)
    terms = TermStore()
    # hashes of the terms seen (a set of integers, not of strings: a million terms) and each
    # term's first line, to name the earlier line of a duplicate
    seen: set[int] = set()
    lines_of = array("q")
    columns: list[str] | None = None
    locales: list[tuple[int, str]] = []
    line = 1
    try:
        for record in reader:
            start_line, line = line, reader.line_num + 1
            if _CONTROL.search("".join(record)):
                _check_cells(record, path, start_line)
            if not any(cell.strip() for cell in record):
                continue
            if columns is None:
                columns, names = _read_header(record, path)
                locales = [(columns.index(name), name) for name in names]
                places = {name: columns.index(name) for name in RESERVED if name in columns}
                continue
            if len(record) != len(columns):
                raise GlossaryError(
                    f"{len(record)} cells where the header has {len(columns)}", path, start_line
                )
            fields = _parse_record(record, places, locales, source_lang, path, start_line)
            source, case_sensitive = fields[0], fields[5]
            key = hash((source if case_sensitive else source.casefold(), case_sensitive))
            if key in seen:
                earlier = _earlier(terms, lines_of, source, case_sensitive)
                if earlier is not None:
                    raise GlossaryError(
                        f'term "{source}" already defined on line {earlier}', path, start_line
                    )
            seen.add(key)
            lines_of.append(start_line)
            terms.append_fields(fields)
    except csv.Error as exc:
        # ``line`` is where the record being read started (an unclosed quote runs to the end)
        raise GlossaryError(f"CSV syntax: {exc} (unclosed quote?)", path, line) from exc
    if columns is None:
        raise GlossaryError("empty file: no header row", path, 1)
    return Glossary(terms, source_lang=source_lang, locales=[name for _, name in locales])


def _earlier(terms: TermStore, lines_of: array[int], source: str, case_sensitive: bool) -> int | None:
    """The line of the term already read that ``source`` repeats (None: a hash collision only)."""
    folded = source if case_sensitive else source.casefold()
    for index in range(len(terms)):
        other = terms.fields(index)
        if other[5] == case_sensitive and (other[0] if case_sensitive else other[0].casefold()) == folded:
            return lines_of[index]
    return None


def _items(cell: str) -> list[str]:
    """:func:`split_cell`, quicker for a cell of one item."""
    if "|" not in cell:
        cell = cell.strip()
        return [cell] if cell else []
    return split_cell(cell)


def _parse_record(
    record: list[str],
    places: dict[str, int],
    locales: list[tuple[int, str]],
    source_lang: str,
    path: Path | str | None,
    line: int,
) -> Fields:
    """One row's term as :meth:`Term.fields` (a row with do-not-translate locales goes through
    :class:`Term` itself, which moves their translations among the variants)."""

    def cell(name: str) -> str:
        at = places.get(name)
        if at is None:
            return ""
        text = record[at]
        return unquote_formula(text) if text[:1] == "'" else text

    sources = _items(cell(TERM))
    if not sources:
        raise GlossaryError("empty term", path, line)
    translations: dict[str, str] = {}
    variants: dict[str, tuple[str, ...]] = {}
    for at, locale in locales:
        text = record[at]
        if not text:
            continue
        items = _items(unquote_formula(text) if text[:1] == "'" else text)
        if items:
            translations[locale] = items[0]
            if items[1:]:
                variants[locale] = tuple(items[1:])
    if sources[1:]:
        variants[source_lang] = tuple(sources[1:])  # a source variant wins over a column of its name
    case_cell = cell(CASE).strip().lower()
    if case_cell not in _TRUE and case_cell not in _FALSE:
        raise GlossaryError(f'case_sensitive must be yes or no, not "{cell(CASE)}"', path, line)
    dnt_items = _items(cell(DNT).replace(",", "|").replace(" ", "|"))
    for item in dnt_items:
        if not is_locale_name(item):
            raise GlossaryError(f'do_not_translate: "{item}" is not a locale (or *)', path, line)
        if item != ALL_LOCALES and not is_known_locale(item):
            raise GlossaryError(f'do_not_translate: "{item}" {UNKNOWN_LOCALE}', path, line)
    forbidden_cell = cell(FORBIDDEN)
    forbidden = _parse_forbidden(forbidden_cell, path, line) if forbidden_cell else {}
    note = cell(NOTE).strip()
    if dnt_items:
        return Term(
            source=sources[0],
            translations=translations,
            variants=variants,
            forbidden=forbidden,
            do_not_translate=frozenset(normalize_locale(item) for item in dnt_items),
            case_sensitive=case_cell in _TRUE,
            note=note,
        ).fields()
    return (
        sources[0],
        translations or None,
        variants or None,
        forbidden or None,
        None,
        case_cell in _TRUE,
        note,
    )


def _join(items: list[str] | tuple[str, ...]) -> str:
    return "|".join(items)


def format_csv_glossary(glossary: Glossary) -> bytes:
    """The glossary as CSV bytes (``\\n`` line ends, UTF-8, no BOM), columns in ``glossary.locales`` order."""
    return b"".join(iter_csv_glossary(glossary))


def iter_csv_glossary(glossary: Glossary, rows: int = 1000) -> Iterator[bytes]:
    """:func:`format_csv_glossary` in pieces of ``rows`` rows."""
    locales = list(glossary.locales)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([TERM, *locales, NOTE, CASE, DNT, FORBIDDEN])
    source_lang = glossary.source_lang
    for number, term in enumerate(glossary.terms, start=1):
        if number % rows == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
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
        kept = term.do_not_translate
        dnt = _join(  # (the locales named beside a *, too: they read back as they were)
            [loc for loc in locales if loc in kept]
            + sorted(kept - set(locales) - {ALL_LOCALES})
            + ([ALL_LOCALES] if ALL_LOCALES in kept else [])
        )
        forbidden = _join([f"{loc}:{text}" for loc, texts in term.forbidden.items() for text in texts])
        cells.extend([term.note, "yes" if term.case_sensitive else "", dnt, forbidden])
        writer.writerow([quote_formula(cell) for cell in cells])
    yield out.getvalue().encode("utf-8")
