"""TMX 1.4b documents: translation units with dates, author and origin (the format only).

One ``<tu>`` per source text and origin, with a ``<tuv>`` per language; placeholders are TMX inline
codes (:mod:`transpub.exchange.codes`). Reading gives :class:`TmxUnit` records in transpub's
placeholder form; a document without a source language is refused with its line.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO, NoReturn

from lxml import etree

from ..errors import not_well_formed
from ..inline import control_problem
from .codes import (
    InlineCodeError,
    declared_entity,
    read_codes,
    well_formed_when_declaring,
    write_codes,
    xml_text,
)
from .xliff import XliffError
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


def read_tmx(path: Path, display: str | None = None) -> tuple[str, Iterator[TmxUnit]]:
    """The source language of a TMX file and its units, read as they come (a file of any size takes
    the memory of one unit): TmxError naming the file and line, from here for a file that is no TMX
    or names no source language, from the units when one is broken further on. A file that is not
    well-formed XML is that error, wherever it is (another error found before the end of the file
    is reported only when the rest of the file is well-formed)."""
    stream = _TmxStream(path, display or str(path))
    return stream.open(), stream.units()


class _TmxStream:
    """One TMX file parsed as a stream of events (lxml's iterparse), each ``<tu>`` dropped once read."""

    def __init__(self, path: Path, shown: str) -> None:
        self.path = path
        self.shown = shown
        self.wanted = ""
        self.file: BinaryIO | None = None
        self.events: Iterator[tuple[str, etree._Element]] = iter(())

    def open(self) -> str:
        """Read up to the end of the header: the source language (TmxError: see :func:`read_tmx`)."""
        try:
            self.file = open(self.path, "rb")  # noqa: SIM115 (closed by units(), or on an error)
        except OSError as exc:
            raise TmxError(f"cannot read: {exc.strerror or exc}", self.shown) from None
        try:
            well_formed_when_declaring(self.file)
        except (etree.XMLSyntaxError, OSError) as exc:
            raise self._unreadable(exc) from None
        self.events = etree.iterparse(
            self.file,
            events=("start", "end"),
            resolve_entities=False,
            no_network=True,
            load_dtd=False,
            huge_tree=False,
        )
        root: etree._Element | None = None
        for event, element in self._next():
            if root is None:
                root = element
                if root.tag != "tmx":
                    self._fail("not a TMX document (no <tmx> root)", root.sourceline)
            elif event == "end" and element.tag == "header" and element.getparent() is root:
                source_lang = element.get("srclang")
                if not source_lang or source_lang == "*all*":
                    self._fail("the TMX header names no source language (srclang)", element.sourceline)
                self.wanted = source_lang.lower()
                return source_lang
            elif event == "start" and element.tag == "tu":  # (units before any header)
                break
        self._fail(
            "the TMX header names no source language (srclang)", root.sourceline if root is not None else None
        )

    def units(self) -> Iterator[TmxUnit]:
        """The units after the header, each as its ``</tu>`` is read."""
        try:
            for event, element in self._next():
                if event == "end" and element.tag == "tu":
                    unit = self._unit(element)
                    element.clear(keep_tail=True)  # (and the units before it: the memory of one unit)
                    while element.getprevious() is not None:
                        del element.getparent()[0]
                    if unit is not None:
                        yield unit
        finally:
            self.close()

    def close(self) -> None:
        if self.file is not None:
            self.file.close()
            self.file = None

    def _unreadable(self, exc: etree.XMLSyntaxError | OSError) -> TmxError:
        """The error of a read that failed (``exc``: not well-formed XML, or the file system's), the
        file closed."""
        self.close()
        if isinstance(exc, etree.XMLSyntaxError):
            return not_well_formed(TmxError, exc, self.shown)
        return TmxError(f"cannot read: {exc.strerror or exc}", self.shown)

    def _next(self) -> Iterator[tuple[str, etree._Element]]:
        """The parser's events from where it is (a loop may leave and the next one go on)."""
        while True:
            try:
                found = next(self.events, None)
            except (etree.XMLSyntaxError, OSError) as exc:
                raise self._unreadable(exc) from None
            if found is None:
                return
            yield found

    def _fail(self, message: str, line: int | None) -> NoReturn:
        """TmxError ``message`` at ``line``, unless the rest of the file is not well-formed XML (that
        error, as a parse of the whole file gives first)."""
        try:
            for _ in self._next():
                pass
        finally:
            self.close()
        raise TmxError(message, self.shown, line)

    def _unit(self, tu: etree._Element) -> TmxUnit | None:
        entity = declared_entity(tu)
        if entity is not None:
            self._fail(*entity)
        numbering: dict[str, int] = {}
        texts: dict[str, str] = {}
        lines: dict[str, int | None] = {}
        source = None
        wanted = self.wanted
        variants = tu.findall("tuv")
        variants.sort(key=lambda v: (v.get(XML_LANG) or v.get("lang") or "").lower() != wanted)
        for tuv in variants:
            lang = tuv.get(XML_LANG) or tuv.get("lang") or ""
            seg = tuv.find("seg")
            if seg is None:
                continue
            try:
                text = read_codes(seg, self.shown, numbering)
            except InlineCodeError as exc:  # (a code without its other half: this file's error)
                self._fail(exc.message, exc.line)
            if lang.lower() == wanted and source is None:
                source = text
            else:
                texts[lang] = text
                lines[lang] = seg.sourceline
        if source is None or not source.strip():
            return None
        for lang, text in texts.items():
            controls = control_problem(source, text)
            if controls:  # (XML holds DEL and the C1 controls; entered as &#x9B; or raw)
                self._fail(f"its {lang} text: {controls}", lines[lang])
        origin = next((p.text for p in tu.findall("prop") if p.get("type") == ORIGIN_PROP and p.text), None)
        return TmxUnit(
            source=source,
            targets=texts,
            origin=origin,
            created=parse_date(tu.get("creationdate")),
            changed=parse_date(tu.get("changedate")),
            creator=tu.get("creationid"),
            line=tu.sourceline,
        )
