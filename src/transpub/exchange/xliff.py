"""XLIFF 1.2 and 2.1 documents: write units to one, read units back from one (the format only).

Catalog entries become units (:class:`XliffUnit`) in :mod:`transpub.exchange.xliff_workflow`;
here they are written as XML and read back, with placeholders as inline codes
(:mod:`transpub.exchange.codes`). Nothing here knows PO files.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from lxml import etree

from ..errors import TranspubError, not_well_formed
from .codes import (
    XLIFF2,
    XLIFF12,
    InlineCodeError,
    declared_entity,
    is_well_nested,
    original_data,
    read_codes,
    tags_from_legend,
    well_formed_when_declaring,
    write_codes,
    xml_text,
)
from .xmlout import indent

#: transpub's own attributes in XLIFF 2.x (the project and the export date on ``<file>``).
TRANSPUB_NS = "urn:transpub:xliff"
VERSIONS = ("1.2", "2.1")

#: transpub's state → the state written in each version.
STATE_OUT = {
    "1.2": {"untranslated": "new", "fuzzy": "needs-review-translation", "translated": "signed-off"},
    "2.1": {"untranslated": "initial", "fuzzy": "translated", "translated": "final"},
}
#: How each version marks the group holding a gettext plural's forms (1.2: as translate-toolkit's po2xliff).
PLURAL_GROUP = {"1.2": "x-gettext-plurals", "2.1": "gettext:plurals"}
#: The state of a target that is a copy of its source (``--copy-source``): no translation yet.
COPY_STATE = {"1.2": "needs-translation", "2.1": "initial"}
#: A state read from XLIFF → reviewed (``final``), needs review (``translated``) or nothing yet.
STATE_IN = {
    "final": "final",
    "signed-off": "final",
    "reviewed": "final",
    "translated": "translated",
    "needs-review-translation": "needs-review",
    "needs-review-adaptation": "needs-review",
    "needs-review-l10n": "needs-review",
    "needs-adaptation": "needs-review",
    "needs-l10n": "needs-review",
    "initial": "new",
    "new": "new",
    "needs-translation": "new",
}


class XliffError(TranspubError):
    """An XLIFF file that cannot be read or does not belong to this project."""


@dataclass(frozen=True)
class XliffUnit:
    """One translatable unit as exchanged: placeholders in transpub's ``<n>`` form."""

    id: str
    source: str
    target: str | None = None
    state: str = "untranslated"  # transpub's state when written; the XLIFF state when read
    notes: tuple[tuple[str, str], ...] = ()  # (category, text)
    machine: bool = False
    line: int | None = None
    problem: str | None = None  # when read: why its inline codes cannot be mapped (the unit is rejected)
    #: A gettext plural entry: one unit per form (msgstr[0], msgstr[1], …) in a group whose id is
    #: this unit's; ``source`` is then the msgid, and the forms carry the texts.
    forms: tuple[XliffUnit, ...] = ()


@dataclass
class XliffFile:
    """One ``<file>``: the units of one article."""

    original: str
    units: list[XliffUnit] = field(default_factory=list)
    project: str | None = None
    source_lang: str | None = None
    target_lang: str | None = None
    date: datetime | None = None
    line: int | None = None
    #: the line of the tag naming the languages: 2.x's ``<xliff>`` (1.2's ``<file>``: None, ``line``)
    lang_line: int | None = None


def unit_id(msgid: str, msgctxt: str | None = None) -> str:
    """A unit id that stays the same across exports as long as the source text does.

    >>> unit_id("Hello."), unit_id("Hello.", "menu") != unit_id("Hello.")
    ('u-9b56d519ccd9e1e5', True)
    """
    key = (msgctxt + "\x04" if msgctxt else "") + msgid
    return "u-" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


def form_id(group_id: str, index: int, version: str) -> str:
    """The id of a plural form's unit: ``u-…[1]`` in 1.2 (as po2xliff), ``u-…-1`` in 2.1 (an NMTOKEN).

    >>> form_id("u-1", 0, "1.2"), form_id("u-1", 2, "2.1")
    ('u-1[0]', 'u-1-2')
    """
    return f"{group_id}[{index}]" if version == "1.2" else f"{group_id}-{index}"


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def build_xliff(
    files: list[XliffFile],
    *,
    version: str,
    project: str,
    source_lang: str,
    target_lang: str,
    date: datetime,
    copy_source: bool = False,
) -> bytes:
    """The bytes of an XLIFF document (``version`` 1.2 or 2.1) holding ``files``.

    With ``copy_source``, an untranslated unit's target is a copy of its source (state
    ``needs-translation`` in 1.2, ``initial`` in 2.1), for tools that translate the target text
    (OmegaT 3.6's XLIFF filter reads nothing else); import takes such a copy as no translation.
    """
    if version == "1.2":
        root = etree.Element(f"{{{XLIFF12}}}xliff", nsmap={None: XLIFF12}, version="1.2")
        for file in files:
            _file_12(root, file, project, source_lang, target_lang, date, copy_source)
    else:
        root = etree.Element(
            f"{{{XLIFF2}}}xliff", nsmap={None: XLIFF2, "tp": TRANSPUB_NS}, version="2.1", srcLang=source_lang
        )
        root.set("trgLang", target_lang)
        for index, file in enumerate(files, 1):
            _file_2(root, file, index, project, date, copy_source)
    indent(root)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") + b"\n"


def _file_12(
    root: etree._Element,
    file: XliffFile,
    project: str,
    source_lang: str,
    target_lang: str,
    date: datetime,
    copy_source: bool,
) -> None:
    ns = f"{{{XLIFF12}}}"
    element = etree.SubElement(
        root,
        ns + "file",
        {
            "original": file.original,
            "source-language": source_lang,
            "target-language": target_lang,
            "datatype": "x-transpub",
            "date": _iso(date),
            "product-name": project,
            "tool-id": "transpub",
        },
    )
    header = etree.SubElement(element, ns + "header")
    etree.SubElement(header, ns + "tool", {"tool-id": "transpub", "tool-name": "transpub"})
    body = etree.SubElement(element, ns + "body")
    for unit in file.units:
        if unit.forms:
            group = etree.SubElement(body, ns + "group", id=unit.id, restype=PLURAL_GROUP["1.2"])
            for index, form in enumerate(unit.forms):
                _trans_unit_12(group, replace(form, id=form_id(unit.id, index, "1.2")), copy_source)
        else:
            _trans_unit_12(body, unit, copy_source)


def _trans_unit_12(parent: etree._Element, unit: XliffUnit, copy_source: bool) -> None:
    ns = f"{{{XLIFF12}}}"
    tags = tags_from_legend(text for _, text in unit.notes)
    trans = etree.SubElement(parent, ns + "trans-unit", id=unit.id)
    if unit.state == "translated" and unit.target is not None and is_well_nested(unit.target):
        trans.set("approved", "yes")
    trans.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    write_codes(etree.SubElement(trans, ns + "source"), unit.source, "xliff12", tags)
    if unit.target is not None and is_well_nested(unit.target):
        target = etree.SubElement(trans, ns + "target", state=STATE_OUT["1.2"][unit.state])
        if unit.machine:
            target.set("state-qualifier", "mt-suggestion")
        write_codes(target, unit.target, "xliff12", tags)
    elif copy_source:
        write_codes(
            etree.SubElement(trans, ns + "target", state=COPY_STATE["1.2"]), unit.source, "xliff12", tags
        )
    for category, text in _notes_with_skipped_target(unit):
        note = etree.SubElement(
            trans, ns + "note", {"from": "translator" if category == "translator" else "transpub"}
        )
        note.text = xml_text(
            f"{category.capitalize()}: {text}" if category in ("location", "provenance") else text
        )


def _notes_with_skipped_target(unit: XliffUnit) -> list[tuple[str, str]]:
    notes = list(unit.notes)
    if unit.target is not None and not is_well_nested(unit.target):
        notes.append(("provenance", f"translation left out (its placeholders are broken): {unit.target}"))
    return notes


def _file_2(
    root: etree._Element, file: XliffFile, index: int, project: str, date: datetime, copy_source: bool
) -> None:
    ns = f"{{{XLIFF2}}}"
    element = etree.SubElement(root, ns + "file", id=f"f{index}", original=file.original)
    element.set(f"{{{TRANSPUB_NS}}}project", project)
    element.set(f"{{{TRANSPUB_NS}}}exported", _iso(date))
    for unit in file.units:
        if unit.forms:
            group = etree.SubElement(element, ns + "group", id=unit.id, type=PLURAL_GROUP["2.1"])
            for number, form in enumerate(unit.forms):
                _unit_2(group, replace(form, id=form_id(unit.id, number, "2.1")), copy_source)
        else:
            _unit_2(element, unit, copy_source)


def _unit_2(parent: etree._Element, unit: XliffUnit, copy_source: bool) -> None:
    ns = f"{{{XLIFF2}}}"
    tags = tags_from_legend(text for _, text in unit.notes)
    xml_unit = etree.SubElement(parent, ns + "unit", id=unit.id, canResegment="no")
    xml_unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    notes = _notes_with_skipped_target(unit)
    if notes:
        holder = etree.SubElement(xml_unit, ns + "notes")
        for category, text in notes:
            etree.SubElement(holder, ns + "note", category=category).text = xml_text(text)
    target_text = unit.target if unit.target is not None and is_well_nested(unit.target) else None
    data = original_data(tags, unit.source + (target_text or ""))
    if data:
        holder = etree.SubElement(xml_unit, ns + "originalData")
        for data_id, markup in data:
            etree.SubElement(holder, ns + "data", id=data_id).text = xml_text(markup)
    state = STATE_OUT["2.1"][unit.state if target_text is not None else "untranslated"]
    segment = etree.SubElement(xml_unit, ns + "segment", state=state)
    if unit.machine and target_text is not None:
        segment.set("subState", "transpub:mt")
    write_codes(etree.SubElement(segment, ns + "source"), unit.source, "xliff2", tags)
    if target_text is not None:
        write_codes(etree.SubElement(segment, ns + "target"), target_text, "xliff2", tags)
    elif copy_source:
        write_codes(etree.SubElement(segment, ns + "target"), unit.source, "xliff2", tags)


def read_xliff(path: Path, display: str | None = None) -> tuple[str, list[XliffFile]]:
    """The version and the files of an XLIFF document (XliffError naming the file and line).

    The document is read as a stream (lxml's iterparse, no network, no entities): each unit is
    read when its end tag is, then dropped, so that a large file costs the units read, not a tree
    of it. The errors are those of reading it whole: broken XML first, wherever it is, then the
    first unit that cannot be read.
    """
    shown = display or str(path)
    reading = _Reading(shown)
    try:
        with open(path, "rb") as file:  # (lxml's own error for a missing file repeats the name twice)
            well_formed_when_declaring(file)
            root, line = _root(file)
            if root.localname != "xliff" or root.namespace not in (XLIFF12, XLIFF2):
                _well_formed(file)  # (its elements are not kept: a large file costs no memory)
                raise XliffError("not an XLIFF 1.2 or 2.x document", shown, line)
            file.seek(0)
            events = etree.iterparse(
                file,
                events=("start", "end"),
                tag=_READ_TAGS,  # (other elements make no event: their content is read with a unit's)
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
                huge_tree=False,
            )
            unit_tag = ""
            for event, element in events:
                if reading.root is None:
                    reading.begin(element.getroottree().getroot())
                    unit_tag = reading.unit_tag
                if element.tag != unit_tag or reading.in_unit > 1:
                    if event == "start":
                        reading.start(element)
                    else:
                        reading.end(element)
                elif event == "start":  # (most events: a unit starts, or ends, is read and dropped)
                    reading.in_unit += 1
                else:
                    reading.in_unit = 0
                    if reading.open_files and reading.error is None:
                        reading.unit(element)
                    _drop_read(element)
            if reading.root is None:
                reading.begin(events.root)
    except etree.XMLSyntaxError as exc:
        raise not_well_formed(XliffError, exc, shown) from None
    except OSError as exc:
        raise XliffError(f"cannot read: {exc.strerror or exc}", shown) from None
    if reading.error is not None:
        raise reading.error
    return reading.version, reading.files


def _root(file: IO[bytes]) -> tuple[etree.QName, int | None]:
    """The name and line of the root element of the XML document ``file`` (read up to it)."""
    try:
        for _, element in etree.iterparse(
            file, events=("start",), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
        ):
            return etree.QName(element), element.sourceline
    except etree.XMLSyntaxError:
        pass  # broken before its root: the parser's own error, as when the document is read whole
    _well_formed(file)
    raise etree.XMLSyntaxError("no root element", None, 1, 1)  # (never: no root is not well-formed)


class _Nothing:
    """A parser target that keeps nothing (a document read only to find whether it is well-formed)."""

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """Nothing kept."""

    def end(self, tag: str) -> None:
        """Nothing kept."""

    def data(self, data: str) -> None:
        """Nothing kept."""

    def close(self) -> None:
        """Nothing made."""


def _well_formed(file: IO[bytes]) -> None:
    """XMLSyntaxError when the XML document ``file`` (read from its start) is not well-formed."""
    file.seek(0)
    parser = etree.XMLParser(
        target=_Nothing(), resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )
    etree.parse(file, parser)


#: The elements :func:`read_xliff` follows as they start and end: files and units of both versions.
_READ_TAGS = (f"{{{XLIFF12}}}file", f"{{{XLIFF12}}}trans-unit", f"{{{XLIFF2}}}file", f"{{{XLIFF2}}}unit")


class _Reading:
    """What :func:`read_xliff` has read so far of one document, event by event."""

    def __init__(self, shown: str) -> None:
        self.shown = shown
        self.version = ""
        self.files: list[XliffFile] = []
        self.error: XliffError | None = None  # the first, raised once the whole document is well-formed
        self.root: etree._Element | None = None
        self.ns = ""
        #: The files being read (a unit of a file inside a file is the outer one's too, as with a tree),
        #: each with its plural groups so far: (group id, its forms) by the group (kept: its key).
        self.open_files: list[tuple[XliffFile, dict[etree._Element, tuple[str | None, list[XliffUnit]]]]] = []
        self.unit_tag = ""  # the tag of a unit in this version
        self.in_unit = 0  # how many units the element being read is inside

    def begin(self, root: etree._Element) -> None:
        """The document's root (an ``<xliff>``, its start tag read): which version it is."""
        self.root = root
        qname = etree.QName(root)
        self.version = "1.2" if qname.namespace == XLIFF12 else root.get("version", "2.0")
        self.ns = f"{{{qname.namespace}}}"
        self.unit_tag = self.ns + ("trans-unit" if self.version == "1.2" else "unit")

    def start(self, element: etree._Element) -> None:
        """A file's or a unit's start tag (its attributes are read)."""
        if self.error is not None:
            return
        if element.tag == self.unit_tag:
            self.in_unit += 1
        elif element.tag == self.ns + "file":
            assert self.root is not None
            file = _file_start_12(element) if self.version == "1.2" else _file_start_2(element, self.root)
            self.files.append(file)
            self.open_files.append((file, {}))

    def end(self, element: etree._Element) -> None:
        """A file's or a unit's end tag (it is whole): a unit is read; what is read is dropped."""
        if element.tag == self.unit_tag:
            self.in_unit -= 1
            if self.open_files and self.error is None:
                self.unit(element)
        elif element.tag == self.ns + "file" and self.open_files and self.error is None:
            file, plurals = self.open_files.pop()
            file.units.extend(_plural(group_id, forms) for group_id, forms in plurals.values())
        if self.in_unit == 0:  # nothing of it is needed any more (a unit's parts are, until its end)
            _drop_read(element)

    def unit(self, element: etree._Element) -> None:
        """Read the unit ``element`` (whole) into the files being read."""
        entity = declared_entity(element)
        if entity is not None:
            self.error = XliffError(entity[0], self.shown, entity[1])
            return
        try:
            if self.version == "1.2":
                unit = _read_trans_unit_12(element, self.shown)
            else:
                unit = _read_unit_2(element, self.shown)
        except XliffError as exc:
            self.error = exc
            return
        group = element.getparent()
        attribute, plural = (
            ("restype", PLURAL_GROUP["1.2"]) if self.version == "1.2" else ("type", PLURAL_GROUP["2.1"])
        )
        in_plural = group is not None and group.tag == self.ns + "group" and group.get(attribute) == plural
        for file, plurals in self.open_files:
            if in_plural:
                assert group is not None
                plurals.setdefault(group, (group.get("id"), []))[1].append(unit)
            else:
                file.units.append(unit)


def _drop_read(element: etree._Element) -> None:
    """Drop what is read of the document up to ``element``'s end: its content and the elements before
    it (a large file costs the unit being read, not a tree of the document)."""
    element.clear(keep_tail=True)
    parent = element.getparent()
    while parent is not None and element.getprevious() is not None:
        del parent[0]


def _date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _file_start_12(element: etree._Element) -> XliffFile:
    """An XLIFF 1.2 ``<file>`` as its start tag says (its units are read as they come)."""
    return XliffFile(
        original=element.get("original", ""),
        project=element.get("product-name"),
        source_lang=element.get("source-language"),
        target_lang=element.get("target-language"),
        date=_date(element.get("date")),
        line=element.sourceline,
    )


def _read_trans_unit_12(trans: etree._Element, shown: str) -> XliffUnit:
    ns = f"{{{XLIFF12}}}"
    source = trans.find(ns + "source")
    if source is None:
        raise XliffError(f"unit {trans.get('id')} has no <source>", shown, trans.sourceline)
    numbering: dict[str, int] = {}
    target = trans.find(ns + "target")
    unit_id_ = trans.get("id", "")
    line = (target if target is not None else trans).sourceline
    try:
        source_text = read_codes(source, shown, numbering)
        target_text = None if target is None else read_codes(target, shown, numbering)
    except InlineCodeError as exc:
        return _broken(unit_id_, "".join(source.itertext()), exc, line)
    if trans.get("approved") == "yes":
        state = "final"
    elif target is not None:
        state = STATE_IN.get(target.get("state", "translated"), "translated")
    else:
        state = "new"
    notes = _people_notes(n for n in trans.iterfind(ns + "note") if n.get("from") != "transpub")
    return XliffUnit(id=unit_id_, source=source_text, target=target_text, state=state, notes=notes, line=line)


#: The categories of the notes transpub writes in XLIFF 2 (its 1.2 notes are ``from="transpub"``):
#: any other note is a person's, and comes back as a translator comment.
OWN_NOTES = frozenset(("glossary", "placeholders", "context", "location", "provenance", "plural"))


def _people_notes(notes: Iterable[etree._Element]) -> tuple[tuple[str, str], ...]:
    """The lines of notes people wrote, as ``("translator", line)``."""
    return tuple(
        ("translator", line.strip())
        for note in notes
        for line in "".join(note.itertext()).splitlines()
        if line.strip()
    )


def _broken(unit_id_: str, source: str, error: InlineCodeError, line: int | None) -> XliffUnit:
    """A unit whose inline codes cannot be read: kept only to be reported with the code's line."""
    return XliffUnit(
        id=unit_id_,
        source=source,
        target=None,
        state="new",
        line=error.line or line,
        problem=error.message,
    )


def _plural(group: str | None, forms: list[XliffUnit]) -> XliffUnit:
    """The unit of a gettext plural read from its group (``group``: its id): the forms in order,
    the first problem."""
    broken = next((form for form in forms if form.problem), None)
    group_id = group or re.sub(r"(\[0\]|-0)$", "", forms[0].id)
    return XliffUnit(
        id=group_id,
        source=forms[0].source,
        state="new",
        notes=tuple(dict.fromkeys(note for form in forms for note in form.notes)),
        line=broken.line if broken else forms[0].line,
        problem=broken.problem if broken else None,
        forms=tuple(forms),
    )


def _file_start_2(element: etree._Element, root: etree._Element) -> XliffFile:
    """An XLIFF 2.x ``<file>`` as its start tag (and the root's) says (its units are read as they come)."""
    return XliffFile(
        original=element.get("original", ""),
        project=element.get(f"{{{TRANSPUB_NS}}}project"),
        source_lang=root.get("srcLang"),
        target_lang=root.get("trgLang"),
        date=_date(element.get(f"{{{TRANSPUB_NS}}}exported")),
        line=element.sourceline,
        lang_line=root.sourceline,
    )


def _read_unit_2(xml_unit: etree._Element, shown: str) -> XliffUnit:
    ns = f"{{{XLIFF2}}}"
    sources: list[str] = []
    targets: list[str] = []
    states: list[str] = []
    has_target = False
    line = xml_unit.sourceline
    numbering: dict[str, int] = {}
    try:
        for part in xml_unit:
            if etree.QName(part).localname not in ("segment", "ignorable"):
                continue
            source, target = part.find(ns + "source"), part.find(ns + "target")
            if source is None:
                raise XliffError(
                    f"unit {xml_unit.get('id')} has a part without <source>", shown, part.sourceline
                )
            sources.append(read_codes(source, shown, numbering))
            if target is not None:
                has_target = True
                line = target.sourceline
                targets.append(read_codes(target, shown, numbering))
            else:
                targets.append(sources[-1] if etree.QName(part).localname == "ignorable" else "")
            if etree.QName(part).localname == "segment":
                states.append(STATE_IN.get(part.get("state", "initial"), "new"))
    except InlineCodeError as exc:
        text = "".join("".join(s.itertext()) for s in xml_unit.iter(ns + "source"))
        return _broken(xml_unit.get("id", ""), text, exc, line)
    order = ("new", "needs-review", "translated", "final")
    notes = _people_notes(
        n for n in xml_unit.iterfind(f"{ns}notes/{ns}note") if n.get("category") not in OWN_NOTES
    )
    return XliffUnit(
        id=xml_unit.get("id", ""),
        notes=notes,
        source="".join(sources),
        target="".join(targets) if has_target else None,
        state=min(states, key=order.index) if states else "new",
        line=line,
    )
