"""transpub's placeholders ↔ the inline codes of XLIFF 1.2, XLIFF 2.x and TMX 1.4b, in one place.

A msgid such as ``Read <1>the report</1><2/>.`` becomes, in each format:

- XLIFF 2.x: ``<pc id="1" dataRefStart="o1" dataRefEnd="c1" canDelete="no">the report</pc><ph id="2"
  dataRef="p2" canDelete="no"/>`` with the element's markup in the unit's ``<originalData>``;
- XLIFF 1.2: ``<g id="1" ctype="link">the report</g><x id="2" ctype="lb"/>``;
- TMX 1.4b: ``<bpt i="1" x="1">&lt;g id="1"&gt;</bpt>the report<ept i="1">&lt;/g&gt;</ept><ph x="2">&lt;x
  id="2"/&gt;</ph>``: a code's content is the XLIFF 1.2 element transpub's XLIFF gives the same
  placeholder, so a tool that compares codes by their content (OmegaT names a code after its content's
  first letter: ``<g0>``, ``<x1/>``) matches the memory against transpub's XLIFF.

Reading maps them back; a code transpub cannot map raises :class:`InlineCodeError` with its line.
The tag names shown to CAT tools come from the placeholder legend of the entry's notes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from lxml import etree

from ..errors import TranspubError
from ..inline import escape_lookalikes, tokenize, unescape_lookalikes
from ..model import LEGEND_NOTE

XLIFF12 = "urn:oasis:names:tc:xliff:document:1.2"
XLIFF2 = "urn:oasis:names:tc:xliff:document:2.0"

_LEGEND_ITEM = re.compile(r"<([0-9]{1,9})(/?)>(?:…</[0-9]+>)? = [^()]*\(([^()\s]+)\)")
#: A code's number that can be a placeholder's: ASCII digits, not too many for int() (``str.isdigit``
#: also holds for ``²``, which int() refuses, and for 5000 digits, more than int() reads).
_PLACEHOLDER_NUMBER = re.compile(r"[0-9]{1,9}")
_CTYPE_PAIRED = {"a": "link", "b": "bold", "strong": "bold", "i": "italic", "em": "italic", "u": "underlined"}
_CTYPE_EMPTY = {"br": "lb", "img": "image"}


class InlineCodeError(TranspubError):
    """An inline code in an exchange file that does not map to the unit's placeholders."""


def tags_from_legend(notes: Iterable[str]) -> dict[int, str]:
    """The HTML tag of each placeholder number, read from a ``Placeholders:`` legend line.

    >>> tags_from_legend(["Paragraph: x", "Placeholders: <1>…</1> = link (a); <2/> = line break (br)"])
    {1: 'a', 2: 'br'}
    """
    tags: dict[int, str] = {}
    for note in notes:
        if note.startswith(LEGEND_NOTE):
            for match in _LEGEND_ITEM.finditer(note):
                tags[int(match.group(1))] = match.group(3)
    return tags


def is_well_nested(text: str) -> bool:
    """True when every ``<n>`` closes after what it opened, as nested inline codes need.

    >>> is_well_nested("<1>a <2/></1>"), is_well_nested("<1>a</2>")
    (True, False)
    """
    stack: list[int] = []
    for token in tokenize(text):
        if token.kind == "open":
            stack.append(token.number)
        elif token.kind == "close":
            if not stack or stack.pop() != token.number:
                return False
    return not stack


def _markup(tag: str | None, kind: str, number: int) -> str:
    """The original markup a code stands for (a generic token when the tag is unknown)."""
    if tag is None:
        return {"open": f"<{number}>", "close": f"</{number}>", "empty": f"<{number}/>"}[kind]
    return {"open": f"<{tag}>", "close": f"</{tag}>", "empty": f"<{tag}/>"}[kind]


def _tmx_content(kind: str, number: int) -> str:
    """The content of a TMX code: the XLIFF 1.2 element of the same placeholder.

    >>> _tmx_content("open", 1), _tmx_content("close", 1), _tmx_content("empty", 2)
    ('<g id="1">', '</g>', '<x id="2"/>')
    """
    return {"open": f'<g id="{number}">', "close": "</g>", "empty": f'<x id="{number}"/>'}[kind]


#: The characters XML 1.0 cannot hold: the C0 controls but tab, LF and CR (a vertical tab pasted from
#: Word, an escape an engine sent), U+FFFE and U+FFFF, and lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """``text`` as an XML document can hold it: each character XML 1.0 cannot is U+FFFD (a note,
    TMX and XLIFF 1.2 have no way to write one; XLIFF 2 has ``<cp>``, see :func:`write_codes`).

    >>> xml_text("Bell\x0b rings\x1b.")
    'Bell\ufffd rings\ufffd.'
    """
    return _NOT_XML.sub("\ufffd", text)


def _append_text(element: etree._Element, text: str, flavour: str = "") -> None:
    """Add ``text`` at the end of ``element``; a character XML cannot hold is an XLIFF 2 ``<cp
    hex="000B"/>`` (read back as the character), U+FFFD in the other formats (and for a lone
    surrogate, which no format can carry)."""
    start = 0
    if flavour == "xliff2":
        for match in _NOT_XML.finditer(text):
            if "\ud800" <= match.group() <= "\udfff":
                continue
            _add_text(element, xml_text(text[start : match.start()]))
            etree.SubElement(element, f"{{{XLIFF2}}}cp", hex=f"{ord(match.group()):04X}")
            start = match.end()
    _add_text(element, xml_text(text[start:]))


def _add_text(element: etree._Element, text: str) -> None:
    if not text:
        return
    if len(element):
        element[-1].tail = (element[-1].tail or "") + text
    else:
        element.text = (element.text or "") + text


def original_data(tags: dict[int, str], text: str) -> list[tuple[str, str]]:
    """The ``(id, markup)`` pairs of an XLIFF 2.x ``<originalData>`` for the codes of ``text``.

    >>> original_data({1: "a"}, "see <1>this</1><2/>")
    [('o1', '<a>'), ('c1', '</a>'), ('p2', '<2/>')]
    """
    found: list[tuple[str, str]] = []
    for token in tokenize(text):
        if token.kind == "open":
            found.append((f"o{token.number}", _markup(tags.get(token.number), "open", token.number)))
        elif token.kind == "close":
            found.append((f"c{token.number}", _markup(tags.get(token.number), "close", token.number)))
        elif token.kind == "empty":
            found.append((f"p{token.number}", _markup(tags.get(token.number), "empty", token.number)))
    return list(dict.fromkeys(found))


def write_codes(element: etree._Element, text: str, flavour: str, tags: dict[int, str]) -> None:
    """Append ``text`` to ``element`` with its placeholders as ``flavour``'s inline codes.

    ``flavour`` is ``xliff2``, ``xliff12`` or ``tmx``. XLIFF codes nest, so ``text`` must be
    well nested there (:func:`is_well_nested`); TMX codes are flat and take any order.
    """
    stack = [element]
    for token in tokenize(text):
        current = stack[-1]
        tag = tags.get(token.number)
        if token.kind == "text":  # the article's text: a literal <1> is text there, not &lt;1>
            _append_text(current, unescape_lookalikes(token.value), flavour)
        elif flavour == "tmx":
            if token.kind == "empty":
                code = etree.SubElement(current, "ph", x=str(token.number))
            elif token.kind == "open":
                code = etree.SubElement(current, "bpt", i=str(token.number), x=str(token.number))
            else:
                code = etree.SubElement(current, "ept", i=str(token.number))
            code.text = _tmx_content(token.kind, token.number)
        elif token.kind == "empty":
            if flavour == "xliff2":
                etree.SubElement(
                    current,
                    f"{{{XLIFF2}}}ph",
                    id=str(token.number),
                    dataRef=f"p{token.number}",
                    canDelete="no",
                )
            else:
                ctype = _CTYPE_EMPTY.get(tag or "", f"x-html-{tag}" if tag else "x-placeholder")
                etree.SubElement(current, f"{{{XLIFF12}}}x", id=str(token.number), ctype=ctype)
        elif token.kind == "open":
            if flavour == "xliff2":
                code = etree.SubElement(
                    current,
                    f"{{{XLIFF2}}}pc",
                    id=str(token.number),
                    dataRefStart=f"o{token.number}",
                    dataRefEnd=f"c{token.number}",
                    canDelete="no",
                )
            else:
                ctype = _CTYPE_PAIRED.get(tag or "", f"x-html-{tag}" if tag else "x-placeholder")
                code = etree.SubElement(current, f"{{{XLIFF12}}}g", id=str(token.number), ctype=ctype)
            stack.append(code)
        else:
            if len(stack) == 1 or stack[-1].get("id") != str(token.number):
                raise InlineCodeError(f"placeholder </{token.number}> does not close the code it should")
            stack.pop()
    if len(stack) != 1:
        raise InlineCodeError(f"placeholder <{stack[-1].get('id')}> is never closed")


@dataclass
class _Reading:
    """State while reading one segment: where it is, TMX's ``i`` → placeholder number, open pairs."""

    path: str
    paired: dict[str, int]
    phs_seen: int = 0
    #: XLIFF 1.2 paired codes opened and not yet closed: pair key → (number, the opening element).
    open_pairs: dict[str, tuple[int, etree._Element]] = field(default_factory=dict)

    def next_number(self) -> int:
        """The number after every one given so far in this unit."""
        return max(self.paired.values(), default=0) + 1


def declared_entity(unit: etree._Element) -> tuple[str, int | None] | None:
    """Why the ``unit`` (an XLIFF unit, a TMX ``<tu>``) cannot be read, and the line, when it holds an
    entity reference the document declares: documents are read without expanding entities, so its
    text would be lost."""
    entity = next(unit.iter(etree.Entity), None)
    if entity is None:
        return None
    parent = entity.getparent()
    return (
        f"entity reference {entity.text} in a unit: transpub does not expand the entities a document "
        "declares (its text would be lost); write the characters themselves",
        parent.sourceline if parent is not None else None,
    )


#: How much of a document is read at a time to find whether its prolog declares a document type.
_PROLOG_CHUNK = 64 * 1024


class _Prolog:
    """A parser target noting whether a document declares a document type before its root starts."""

    def __init__(self) -> None:
        self.declares = False
        self.started = False

    def doctype(self, name: str | None, public: str | None, system: str | None) -> None:
        """A ``<!DOCTYPE …>``: the document may declare entities."""
        self.declares = True

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        """An element starts: the prolog is over."""
        self.started = True

    def close(self) -> None:
        """Nothing made."""


class _NoElements:
    """A parser target that makes nothing (a document read only to find whether it is well-formed)."""

    def close(self) -> None:
        """Nothing made."""


def _parser(target: object) -> etree.XMLParser:
    return etree.XMLParser(
        target=target, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False
    )


def well_formed_when_declaring(file: IO[bytes]) -> None:
    """XMLSyntaxError when the XML document ``file`` declares a document type and is not well-formed,
    found by a parser that makes no element; ``file`` is then at its start again.

    lxml's iterparse hands out elements as it reads; when an entity the document declares holds
    markup that turns out broken, libxml frees the elements it made of it, and lxml then reads freed
    memory (garbled names, a traceback, "Tried to unregister unknown proxy" as the run ends). Read
    first this way, such a document is only the parser's one error. A document with no DOCTYPE
    (what transpub and CAT tools write) costs the read of its prolog.
    """
    file.seek(0)
    prolog = _Prolog()
    parser = _parser(prolog)
    try:
        while not prolog.started and (chunk := file.read(_PROLOG_CHUNK)):
            parser.feed(chunk)
    except etree.XMLSyntaxError:
        prolog.declares = True  # (broken before its root or near it: the whole read says where)
    file.seek(0)
    if prolog.declares:
        etree.parse(file, _parser(_NoElements()))
        file.seek(0)


def read_codes(element: etree._Element, path: str, numbering: dict[str, int] | None = None) -> str:
    """The text of an XLIFF ``<source>``/``<target>`` or a TMX ``<seg>`` with transpub placeholders.

    Nested codes (``pc``, ``g``) and their flat forms (``sc``/``ec``, ``bx``/``ex``, TMX
    ``bpt``/``ept``) become ``<n>…</n>``; standalone ones (``ph``, ``x``) ``<n/>``; ``mrk`` and TMX
    ``hi`` keep their text. A code without a number (TMX from other tools) is numbered in order of
    appearance, and ``numbering`` carries that across a unit's source and target.

    XLIFF 1.2's flat pairs (``bpt``/``ept``, ``bx``/``ex``, and ``it`` with ``pos``) are linked by
    ``rid`` (else ``id``), as the standard says; an end that closes nothing, or a start never
    closed (a tool dropped half of a pair), raises :class:`InlineCodeError` with its line.
    """
    reading = _Reading(path, numbering if numbering is not None else {})
    text = _read_inside(element, reading)
    if reading.open_pairs:
        key, (_, code) = next(iter(reading.open_pairs.items()))
        raise InlineCodeError(
            f"inline code {_shown(code)} is never closed (no end code with {_link_name(code)}={key!r})",
            path,
            code.sourceline,
        )
    return text


def _read_inside(element: etree._Element, reading: _Reading) -> str:
    """The text of ``element`` with its codes as placeholders; a ``<1>`` typed as text (an escaped
    ``&lt;1&gt;`` in the file) stays text (``&lt;1>``, as in a msgid), never a placeholder."""
    out: list[str] = [escape_lookalikes(element.text or "")]
    for child in element:
        out.append(_read_code(child, reading))
        out.append(escape_lookalikes(child.tail or ""))
    return "".join(out)


def _as_number(value: str | None) -> int | None:
    """``value`` as a placeholder's number, or None when it cannot be one (see :data:`_PLACEHOLDER_NUMBER`).

    >>> _as_number("12"), _as_number("\u00b2"), _as_number("9" * 5000), _as_number(None)
    (12, None, None, None)
    """
    return int(value) if value is not None and _PLACEHOLDER_NUMBER.fullmatch(value) else None


def _number(code: etree._Element, reading: _Reading, *names: str) -> int:
    for name in names:
        value = code.get(name)
        if value is not None:
            number = _as_number(value)
            if number is not None:
                return number
            if value in reading.paired:
                return reading.paired[value]
            raise InlineCodeError(
                f"inline code <{etree.QName(code).localname} {name}={value!r}> is not a transpub placeholder",
                reading.path,
                code.sourceline,
            )
    raise InlineCodeError(
        f"inline code <{etree.QName(code).localname}> has no id", reading.path, code.sourceline
    )


def _shown(code: etree._Element) -> str:
    """An inline code as an error message names it: ``<bpt id="1" rid="2">``."""
    attributes = "".join(f' {k}="{v}"' for k, v in code.attrib.items() if k in ("id", "rid", "pos"))
    return f"<{etree.QName(code).localname}{attributes}>"


def _link_name(code: etree._Element) -> str:
    return "rid" if code.get("rid") is not None else "id"


def _pair_key(code: etree._Element, reading: _Reading) -> str:
    """What links the two halves of an XLIFF 1.2 pair: ``rid`` when present, else ``id``."""
    key = code.get("rid") or code.get("id")
    if not key:
        raise InlineCodeError(f"inline code {_shown(code)} has no id", reading.path, code.sourceline)
    return key


def _open_pair(code: etree._Element, reading: _Reading) -> str:
    """The start of an XLIFF 1.2 pair: its number is the first of ``rid``, ``id`` that is one."""
    key = _pair_key(code, reading)
    if key in reading.open_pairs:
        raise InlineCodeError(
            f"inline code {_shown(code)} opens {_link_name(code)}={key!r} a second time",
            reading.path,
            code.sourceline,
        )
    digits = [n for n in (_as_number(code.get("rid")), _as_number(code.get("id"))) if n is not None]
    if digits:
        number = digits[0]
    else:
        number = reading.paired.setdefault(f"xliff12:{key}", reading.next_number())
    reading.open_pairs[key] = (number, code)
    return f"<{number}>"


def _close_pair(code: etree._Element, reading: _Reading) -> str:
    key = _pair_key(code, reading)
    if key not in reading.open_pairs:
        raise InlineCodeError(
            f"inline code {_shown(code)} closes nothing: no start code with {_link_name(code)}={key!r} "
            "before it",
            reading.path,
            code.sourceline,
        )
    number, _ = reading.open_pairs.pop(key)
    return f"</{number}>"


def _read_xliff12_flat(code: etree._Element, name: str, reading: _Reading) -> str:
    """XLIFF 1.2's ``bpt``/``ept``, ``bx``/``ex`` and ``it`` as transpub's ``<n>``/``</n>``."""
    if name == "it":
        position = code.get("pos")
        if position not in ("open", "close"):
            raise InlineCodeError(
                f'inline code {_shown(code)} needs pos="open" or pos="close"', reading.path, code.sourceline
            )
        return _open_pair(code, reading) if position == "open" else _close_pair(code, reading)
    return _open_pair(code, reading) if name in ("bpt", "bx") else _close_pair(code, reading)


def _read_code(code: etree._Element, reading: _Reading) -> str:
    if not isinstance(code.tag, str):  # a comment or processing instruction
        return ""
    name = etree.QName(code).localname
    if etree.QName(code).namespace == XLIFF12 and name in ("bpt", "ept", "bx", "ex", "it"):
        return _read_xliff12_flat(code, name, reading)
    if name in ("pc", "g"):
        number = _number(code, reading, "id")
        return f"<{number}>{_read_inside(code, reading)}</{number}>"
    if name in ("mrk", "hi"):
        return _read_inside(code, reading)
    if name in ("sc", "bx"):
        return f"<{_number(code, reading, 'id')}>"
    if name == "ec":
        return f"</{_number(code, reading, 'startRef', 'id')}>"
    if name == "ex":
        return f"</{_number(code, reading, 'rid', 'id')}>"
    if name == "bpt":
        key = code.get("i", "")
        x = code.get("x") or ""
        given = _as_number(x)
        number = given if given is not None else reading.paired.get(key) or reading.next_number()
        reading.paired[key] = number
        return f"<{number}>"
    if name == "ept":
        key = code.get("i", "")
        if key not in reading.paired:
            raise InlineCodeError("<ept> without its <bpt>", reading.path, code.sourceline)
        return f"</{reading.paired[key]}>"
    if name in ("ph", "x") and etree.QName(code).namespace in (XLIFF2, XLIFF12):
        return f"<{_number(code, reading, 'id')}/>"
    if name == "ph":  # TMX
        x = code.get("x") or ""
        reading.phs_seen += 1
        key = f"ph#{reading.phs_seen}"
        given = _as_number(x)
        number = given if given is not None else reading.paired.get(key) or reading.next_number()
        reading.paired[key] = number
        return f"<{number}/>"
    if name == "cp":  # a character XML cannot hold (and only such: XLIFF 2.1, 4.3.1.7)
        hex_value = code.get("hex", "")
        value = int(hex_value, 16) if re.fullmatch(r"[0-9A-Fa-f]{1,6}", hex_value) else -1
        if not 0 <= value <= 0x10FFFF or not _NOT_XML.fullmatch(chr(value)) or 0xD800 <= value <= 0xDFFF:
            raise InlineCodeError(
                f"<cp hex={hex_value!r}> is no character that XML cannot hold", reading.path, code.sourceline
            )
        return chr(value)
    if name in ("it", "ut"):
        return ""
    raise InlineCodeError(f"inline code <{name}> is not supported", reading.path, code.sourceline)
