"""PO/POT header fields: dates in gettext's format, per-locale language, team and plural forms."""

from __future__ import annotations

import codecs
import re
from datetime import UTC, datetime
from functools import lru_cache
from gettext import c2py
from pathlib import Path

import polib

from transpub import __version__
from transpub.catalog.plurals import plural_forms
from transpub.errors import CatalogError, ConfigError
from transpub.locales import babel_locale

#: gettext's placeholder for a date nobody has set yet.
UNSET_DATE = "YEAR-MO-DA HO:MI+ZONE"
GENERATOR = f"transpub {__version__}"
_POT_PLURAL_FORMS = "nplurals=INTEGER; plural=EXPRESSION;"
_CHARSET = re.compile(r"charset=([^;\s]*)", re.I)
_NPLURALS = re.compile(r"nplurals\s*=\s*([^;]*)")
#: More plural forms than any language has (Arabic has 6): a larger nplurals is a mistake or an attack
#: (each form is a list, a string, an XLIFF unit; int() refuses more than 4,300 digits).
MAX_NPLURALS = 100
_ASCII_DIGITS = re.compile(r"[0-9]+")  # msgfmt reads ASCII digits only (str.isdigit also takes ² or ٢)
_PLURAL = re.compile(r"(?<![n])plural\s*=\s*([^;]*)")


def format_date(moment: datetime) -> str:
    """A header date as gettext writes it (naive datetimes are taken as UTC).

    >>> format_date(datetime(2026, 11, 25, 9, 30, tzinfo=UTC))
    '2026-11-25 09:30+0000'
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.strftime("%Y-%m-%d %H:%M%z")


def template_metadata(project_name: str, creation_date: datetime | None) -> dict[str, str]:
    """Header fields of a POT, in gettext's order."""
    return {
        "Project-Id-Version": project_name,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": format_date(creation_date or datetime.now(UTC)),
        "PO-Revision-Date": UNSET_DATE,
        "Last-Translator": "FULL NAME <EMAIL@ADDRESS>",
        "Language-Team": "LANGUAGE <LL@li.org>",
        "Language": "",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": _POT_PLURAL_FORMS,
        "X-Generator": GENERATOR,
    }


@lru_cache(maxsize=64)
def language_team(locale: str) -> str:
    """A readable team name for the Language-Team field (the locale's English name).

    The example shows CLDR data through Babel, pinned to requirements.lock on purpose.

    >>> language_team("pt_BR")
    'Portuguese (Brazil)'
    """
    try:
        return babel_locale(locale).english_name or locale
    except ConfigError:
        return locale


def locale_metadata(template: polib.POFile, locale: str) -> dict[str, str]:
    """Header fields of a new PO for ``locale`` created from ``template`` (not fuzzy).

    As msginit does, the revision date is the creation time and the translator "Automatically
    generated", so ``msgfmt -c`` does not warn; later updates leave both to the translator's tool.
    """
    fields = dict(template.metadata)
    fields.update(
        {
            "PO-Revision-Date": format_date(datetime.now(UTC)),
            "Last-Translator": "Automatically generated",
            "Language-Team": language_team(locale),
            "Language": locale,
            "Plural-Forms": plural_forms(locale),
            "X-Generator": GENERATOR,
        }
    )
    return fields


def charset_of(content_type: str) -> str | None:
    """The charset named in a Content-Type header value, or None.

    >>> charset_of("text/plain; charset=ISO-8859-1"), charset_of("text/plain")
    ('ISO-8859-1', None)
    """
    match = _CHARSET.search(content_type)
    return match.group(1) if match else None


def is_utf8(charset: str | None) -> bool:
    """True for UTF-8 and for gettext's template placeholder ``CHARSET`` (read as UTF-8)."""
    return charset is None or charset.upper().replace("_", "-") in ("UTF-8", "UTF8", "CHARSET")


def codec_for(charset: str) -> str | None:
    """Python's codec for a PO charset, or None when it is unknown or cannot hold PO syntax.

    >>> codec_for("ISO-8859-1"), codec_for("FOO"), codec_for("UTF-16")
    ('iso8859-1', None, None)
    """
    if is_utf8(charset):
        return "utf-8"
    try:
        info = codecs.lookup(charset)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    try:  # the PO syntax must read the same: ASCII-compatible encodings only
        if 'msgid ""\\n#'.encode(info.name) != b'msgid ""\\n#':
            return None
    except (UnicodeError, LookupError):
        return None
    return info.name


def check_header(
    po: polib.POFile,
    path: Path | str | None,
    line: int | None = None,
    field_lines: dict[str, int] | None = None,
) -> None:
    """Raise CatalogError when a catalog's header is missing or unusable.

    ``line`` is the line of the header's ``msgid ""`` (None when the file has no header entry);
    ``field_lines`` maps header field names to the line each starts on, so errors point there.
    Plural-Forms is checked as ``msgfmt -c`` does (nplurals, the C expression, its range).
    """
    field_lines = field_lines or {}
    if line is None and not po.metadata:
        raise CatalogError(
            'missing header entry: a catalog must start with msgid "" and a msgstr '
            'holding "Content-Type: text/plain; charset=UTF-8\\n"',
            path,
            1,
        )
    line = line or _header_line(po)
    if not po.metadata:
        raise CatalogError(
            'the header entry (msgid "") is empty: it needs at least '
            '"Content-Type: text/plain; charset=UTF-8\\n"',
            path,
            line,
        )
    if "Content-Type" not in po.metadata:
        raise CatalogError(
            'the header has no Content-Type field (add "Content-Type: text/plain; charset=UTF-8\\n")',
            path,
            line,
        )
    where = field_lines.get("Content-Type", line)
    charset = charset_of(po.metadata["Content-Type"])
    if charset is None:
        raise CatalogError(
            "header field Content-Type lacks a charset (expected text/plain; charset=UTF-8)", path, where
        )
    if codec_for(charset) is None:
        raise CatalogError(
            f"header field Content-Type names an unknown charset {charset!r} (use charset=UTF-8)", path, where
        )
    forms = po.metadata.get("Plural-Forms")
    if forms is not None and forms.strip() and forms.strip() != _POT_PLURAL_FORMS:
        problem = plural_forms_problem(forms)
        if problem:
            raise CatalogError(
                f"header field Plural-Forms is invalid: {problem}",
                path,
                field_lines.get("Plural-Forms", line),
            )


@lru_cache(maxsize=64)
def plural_forms_problem(forms: str) -> str | None:
    """What is wrong with a Plural-Forms value, as ``msgfmt -c`` sees it, or None when it is valid.

    >>> plural_forms_problem("nplurals=2; plural=(n != 1);") is None
    True
    >>> plural_forms_problem("nplurals=2; plural=n>;")
    "'n>' is not a valid plural expression (unexpected end of plural form)"
    >>> plural_forms_problem("nplurals=2; plural=n;")
    'nplurals=2 but the plural expression gives 2 (for n=2); it must stay below nplurals'
    """
    nplurals = _NPLURALS.search(forms)
    plural = _PLURAL.search(forms)
    if nplurals is None:
        return f"{_shown(forms)} lacks nplurals=INTEGER"
    if plural is None:
        return f"{_shown(forms)} lacks plural=EXPRESSION"
    count = nplurals.group(1).strip()
    forms_count = _count(count)
    if forms_count is None or forms_count < 1:
        return f"nplurals={_shown_count(count)} is not a positive integer"
    if forms_count > MAX_NPLURALS:
        return f"nplurals={_shown_count(count)} is more plural forms than any language has (at most {MAX_NPLURALS})"
    expression = plural.group(1).strip()
    try:
        function = c2py(expression)
    except (ValueError, SyntaxError, RecursionError) as exc:
        return f"{_shown(expression)} is not a valid plural expression ({_cut(str(exc), 80)})"
    for n in range(1001):  # msgfmt -c evaluates the expression over the same range
        try:
            value = function(n)
        except ZeroDivisionError:
            return f"the plural expression {_shown(expression)} divides by zero (for n={n})"
        if not 0 <= value < forms_count:
            return (
                f"nplurals={count} but the plural expression gives {value} (for n={n}); "
                "it must stay below nplurals"
            )
    return None


def nplurals_of(forms: str) -> int | None:
    """The number of plural forms a Plural-Forms value declares (None when it declares none).

    >>> nplurals_of("nplurals=3; plural=(n==1 ? 0 : n<5 ? 1 : 2);"), nplurals_of("plural=0;")
    (3, None)
    """
    match = _NPLURALS.search(forms)
    count = _count(match.group(1).strip()) if match else None
    return count if count is not None and 0 < count <= MAX_NPLURALS else None


def _count(text: str) -> int | None:
    """The number an nplurals value says (None when it is not ASCII digits), read only as far as
    :data:`MAX_NPLURALS` matters: a longer one is ``MAX_NPLURALS + 1`` (int() refuses 5,000 digits)."""
    if not _ASCII_DIGITS.fullmatch(text):
        return None
    digits = text.lstrip("0")
    return MAX_NPLURALS + 1 if len(digits) > 3 else int(digits or "0")


def _shown_count(count: str) -> str:
    """An nplurals value for a message (a long one cut short)."""
    return _cut(count, 12)


def _shown(text: str, limit: int = 60) -> str:
    """A header value quoted for a one-line message, a long one cut short.

    >>> _shown("n != 1"), _shown("n+" * 50, 10)
    ("'n != 1'", "'n+n+n+n+n+…'")
    """
    return repr(_cut(text, limit)) if len(text) > limit else repr(text)


def _cut(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` characters and an ellipsis when it is longer."""
    return text if len(text) <= limit else text[:limit] + "…"


def plural_examples(forms: str, count: int = 4) -> list[list[int]]:
    """For each plural form of a Plural-Forms value, the first ``count`` numbers n that use it.

    Empty when the value is not valid (see :func:`plural_forms_problem`).

    >>> plural_examples("nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);")
    [[1, 21, 31, 41], [2, 3, 4, 22], [0, 5, 6, 7]]
    """
    if plural_forms_problem(forms) is not None:
        return []
    nplurals = _NPLURALS.search(forms)
    plural = _PLURAL.search(forms)
    assert nplurals is not None and plural is not None
    function = c2py(plural.group(1).strip())
    examples: list[list[int]] = [[] for _ in range(int(nplurals.group(1).strip()))]
    for n in range(1001):
        found = examples[function(n)]
        if len(found) < count:
            found.append(n)
    return examples


def _header_line(po: polib.POFile) -> int:
    return 1 + len((po.header or "").splitlines()) + (1 if po.metadata_is_fuzzy else 0)
