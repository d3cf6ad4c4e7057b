"""PO/POT header fields: dates in gettext's format, per-locale language, team and plural forms."""

from __future__ import annotations

from datetime import datetime, timezone

import polib
from babel import Locale, UnknownLocaleError
from babel.messages.plurals import get_plural

from transpub import __version__
from transpub.errors import CatalogError

#: gettext's placeholder for a date nobody has set yet.
UNSET_DATE = "YEAR-MO-DA HO:MI+ZONE"
GENERATOR = f"transpub {__version__}"
_POT_PLURAL_FORMS = "nplurals=INTEGER; plural=EXPRESSION;"


def format_date(moment: datetime) -> str:
    """A header date as gettext writes it (naive datetimes are taken as UTC).

    >>> format_date(datetime(2026, 11, 25, 9, 30, tzinfo=timezone.utc))
    '2026-11-25 09:30+0000'
    """
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M%z")


def template_metadata(project_name: str, creation_date: datetime | None) -> dict[str, str]:
    """Header fields of a POT, in gettext's order."""
    return {
        "Project-Id-Version": project_name,
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": format_date(creation_date or datetime.now(timezone.utc)),
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


def plural_forms(locale: str) -> str:
    """The Plural-Forms header value for a gettext locale name, from Babel.

    >>> plural_forms("es")
    'nplurals=2; plural=(n != 1);'
    """
    try:
        return get_plural(_babel_name(locale)).plural_forms
    except (ValueError, UnknownLocaleError) as exc:
        raise CatalogError(f"unknown locale {locale!r}: {exc}") from exc


def language_team(locale: str) -> str:
    """A readable team name for the Language-Team field (the locale's English name).

    >>> language_team("pt_BR")
    'Portuguese (Brazil)'
    """
    try:
        return Locale.parse(_babel_name(locale)).english_name or locale
    except (ValueError, UnknownLocaleError):
        return locale


def _babel_name(locale: str) -> str:
    name, _, modifier = locale.partition("@")
    if modifier == "latin":
        return f"{name}_Latn"
    if modifier == "cyrillic":
        return f"{name}_Cyrl"
    return name


def locale_metadata(template: polib.POFile, locale: str) -> dict[str, str]:
    """Header fields of a new PO for ``locale`` created from ``template`` (not fuzzy).

    As msginit does, the revision date is the creation time and the translator "Automatically
    generated", so ``msgfmt -c`` does not warn; later updates leave both to the translator's tool.
    """
    fields = dict(template.metadata)
    fields.update({
        "PO-Revision-Date": format_date(datetime.now(timezone.utc)),
        "Last-Translator": "Automatically generated",
        "Language-Team": language_team(locale),
        "Language": locale,
        "Plural-Forms": plural_forms(locale),
        "X-Generator": GENERATOR,
    })
    return fields


def check_header(po: polib.POFile, path: object, line: int | None = None) -> None:
    """Raise CatalogError when a catalog's header (its ``msgid ""`` at ``line``) is missing or unusable."""
    if not po.metadata:
        raise CatalogError("missing header entry (msgid \"\")", path, 1)
    content_type = po.metadata.get("Content-Type", "")
    if "charset=" not in content_type:
        raise CatalogError("header field Content-Type lacks a charset", path, line or _header_line(po))
    forms = po.metadata.get("Plural-Forms")
    if forms and forms != _POT_PLURAL_FORMS and "nplurals=" not in forms:
        raise CatalogError(f"header field Plural-Forms is invalid: {forms!r}", path, line or _header_line(po))


def _header_line(po: polib.POFile) -> int:
    return 1 + len((po.header or "").splitlines()) + (1 if po.metadata_is_fuzzy else 0)
