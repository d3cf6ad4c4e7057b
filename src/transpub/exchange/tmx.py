"""TMX 1.4b documents: translation units with dates, author and origin (the format only).

One ``<tu>`` per source text and origin, with a ``<tuv>`` per language; placeholders are TMX inline
codes (:mod:`transpub.exchange.codes`). Reading gives :class:`TmxUnit` records in transpub's
placeholder form; a document without a source language is refused with its line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from .codes import InlineCodeError, read_codes, write_codes, xml_text
from .xliff import XliffError, parse_xml
from .xmlout import indent

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
ORIGIN_PROP = "x-origin"


class TmxError(XliffError):
    """A TMX file that cannot be read."""


@dataclass(frozen=True)
class TmxUnit:
    """One translation unit: the source text, and each language's text (BCP 47 tag → text)."""

    source: str
    targets: dict[str, str] = field(default_factory=dict)
    origin: str | None = None
    created: datetime | None = None
    changed: datetime | None = None
    creator: str | None = None
    line: int | None = None


def format_date(moment: datetime) -> str:
    """A TMX date (``YYYYMMDDThhmmssZ``, UTC).

    >>> format_date(datetime(2026, 12, 1, 9, 5, tzinfo=UTC))
    '20261201T090500Z'
    """
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def parse_date(value: str | None) -> datetime | None:
    """A TMX date read back (None when missing or malformed)."""
    if not value:
        return None
    try:
        return datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return None


def build_tmx(units: list[TmxUnit], *, source_lang: str, date: datetime, tool_version: str) -> bytes:
    """The bytes of a TMX 1.4b document holding ``units``."""
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        {
            "creationtool": "transpub",
            "creationtoolversion": tool_version,
            "segtype": "sentence",
            "o-tmf": "transpub",
            "adminlang": "en",
            "srclang": source_lang,
            "datatype": "plaintext",
            "creationdate": format_date(date),
        },
    )
    body = etree.SubElement(root, "body")
    for unit in units:
        tu = etree.SubElement(body, "tu")
        for name, value in (
            ("creationdate", unit.created and format_date(unit.created)),
            ("changedate", unit.changed and format_date(unit.changed)),
            ("creationid", unit.creator),
        ):
            if value:
                tu.set(name, xml_text(value))
        if unit.origin:
            etree.SubElement(tu, "prop", type=ORIGIN_PROP).text = xml_text(unit.origin)
        for lang, text in [(source_lang, unit.source), *unit.targets.items()]:
            tuv = etree.SubElement(tu, "tuv")
            tuv.set(XML_LANG, xml_text(lang))
            write_codes(etree.SubElement(tuv, "seg"), text, "tmx", {})
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def read_tmx(path: Path, display: str | None = None) -> tuple[str, list[TmxUnit]]:
    """The source language and the units of a TMX file (TmxError naming the file and line)."""
    shown = display or str(path)
    try:
        root = parse_xml(path, shown).getroot()
    except XliffError as exc:
        raise TmxError(exc.message, exc.path, exc.line) from None
    if root.tag != "tmx":
        raise TmxError("not a TMX document (no <tmx> root)", shown, root.sourceline)
    header = root.find("header")
    source_lang = header.get("srclang") if header is not None else None
    if not source_lang or source_lang == "*all*":
        where = header if header is not None else root
        raise TmxError("the TMX header names no source language (srclang)", shown, where.sourceline)
    wanted = source_lang.lower()
    units: list[TmxUnit] = []
    for tu in root.iter("tu"):
        numbering: dict[str, int] = {}
        texts: dict[str, str] = {}
        source = None
        variants = tu.findall("tuv")
        variants.sort(key=lambda v: (v.get(XML_LANG) or v.get("lang") or "").lower() != wanted)
        for tuv in variants:
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            if seg is None:
                continue
            try:
                text = read_codes(seg, shown, numbering)
            except (
                InlineCodeError
            ) as exc:  # (a code without its other half: this file's error, not the run's)
                raise TmxError(exc.message, exc.path, exc.line) from None
            if lang.lower() == wanted and source is None:
                source = text
            else:
                texts[lang] = text
        if source is None or not source.strip():
            continue
        origin = next((p.text for p in tu.findall("prop") if p.get("type") == ORIGIN_PROP and p.text), None)
        units.append(
            TmxUnit(
                source=source,
                targets=texts,
                origin=origin,
                created=parse_date(tu.get("creationdate")),
                changed=parse_date(tu.get("changedate")),
                creator=tu.get("creationid"),
                line=tu.sourceline,
            )
        )
    return source_lang, units
