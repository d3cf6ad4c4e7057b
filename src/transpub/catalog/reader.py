"""Read PO/POT text strictly, as gettext does, into polib objects, in one pass over the lines.

polib's own parser is lenient (it accepts unterminated strings and stray text, drops ``#~|`` lines
and empty ``#.`` lines) and slower; this reader builds the same ``polib.POFile``/``POEntry`` objects
while checking syntax, duplicates and the header, and reports every problem as
``CatalogError(message, path, line)``. ``entry.linenum`` is the line of the entry's ``msgid`` (polib
itself gives the entry's first line, often a comment); errors point at the offending line.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from itertools import accumulate, repeat
from operator import add
from pathlib import Path
from typing import Any

import polib

from transpub.catalog.entries import PROVENANCE_PREFIX, entry_state, provenance_of
from transpub.catalog.headers import check_header, codec_for, is_utf8, nplurals_of
from transpub.catalog.notes import translator_lines
from transpub.errors import CatalogError

PAGE_WIDTH = 79

_BODY = r'"([^"\\]*(?:\\.[^"\\]*)*)"[ \t]*\Z'
_KEYWORD_LINE = re.compile(r"(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)[ \t]*" + _BODY)
_STRING_LINE = re.compile(_BODY)
_ESCAPE = re.compile(r"\\(?:([0-7]{1,3}|x[0-9A-Fa-f]+)(?:\\(?:[0-7]{1,3}|x[0-9A-Fa-f]+))*|(.))", re.S)
_NUMERIC_ESCAPE = re.compile(r"\\(?:([0-7]{1,3})|x([0-9A-Fa-f]+))")
_SIMPLE_ESCAPES = {
    "n": "\n",
    "t": "\t",
    '"': '"',
    "\\": "\\",
    "r": "\r",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}

# Where an entry is: before its msgctxt/msgid, after msgctxt, after msgid, after msgid_plural,
# after a msgstr (the entry is complete; only continuations and further msgstr[n] may follow).
_OPEN, _CONTEXT, _MSGID, _PLURAL, _DONE = range(5)
_LINE_STARTS = frozenset('m"#')


def _decode_escape(match: re.Match[str]) -> str:
    simple = match.group(2)
    if simple is not None:
        try:
            return _SIMPLE_ESCAPES[simple]
        except KeyError:
            raise ValueError(f"invalid escape sequence \\{simple}") from None
    data = bytes(
        int(octal, 8) if octal else int(hexa, 16) & 0xFF
        for octal, hexa in _NUMERIC_ESCAPE.findall(match.group())
    )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise ValueError("numeric escapes do not form UTF-8 text") from None


def unescape(text: str) -> str:
    r"""The value of a PO string's contents, with gettext's escapes (``\n``, ``\"``, octal, hex).

    >>> unescape(r'say \"hi\"\tnow\n'), unescape(r'caf\303\251 \x41')
    ('say "hi"\tnow\n', 'café A')
    """
    if "\\" not in text:
        return text
    if text.count("\\") == text.count("\\n"):  # only newlines (a header's lines): no call per escape
        return text.replace("\\n", "\n")
    return _ESCAPE.sub(_decode_escape, text)


def _parse_occurrences(text: str) -> list[tuple[str, str]]:
    """``#:`` references as polib reads them: ``file:line`` split when the line is a number.

    >>> _parse_occurrences("a.html:12 b.html#main/p[2] https://x.org")
    [('a.html', '12'), ('b.html#main/p[2]', ''), ('https://x.org', '')]
    """
    found = []
    for reference in text.split():
        name, colon, line = reference.rpartition(":")
        found.append((name, line) if colon and line.isdigit() else (reference, ""))
    return found


#: A keyword line's keyword, and the space after it.
_KEYWORD = re.compile(r"(?:msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)[ \t]*")


def string_problem(content: str) -> str:
    r"""What is wrong with the string of a keyword or continuation line ``content`` that is no
    well-formed PO string, and how to write it, in words (after ``PO syntax error:``).

    >>> print(string_problem('msgstr "Ein Serverschrank "mit" Spielservern"'))
    a double quote inside the string ends it ('msgstr "Ein Serverschrank "mit" Spielservern"'): write \" for each double quote inside a string
    >>> print(string_problem('msgstr "Ein Serverschrank'))
    the string has no closing double quote ('msgstr "Ein Serverschrank'): end it with " on the same line
    >>> print(string_problem(r'msgstr "C:\Temp\"'))
    the string has no closing double quote ('msgstr "C:\\Temp\\"'): a backslash right before a double quote makes the quote part of the text; write \\ for a backslash
    >>> print(string_problem("msgstr Ein Schrank"))
    the text after msgstr is not in double quotes ('msgstr Ein Schrank'): write msgstr "…"
    >>> print(string_problem('msgstr "Ein" Schrank'))
    text after the closing double quote ('msgstr "Ein" Schrank'): put it inside the quotes
    """
    shown = repr(content.strip()[:60])
    keyword = _KEYWORD.match(content)
    body = content[keyword.end() :] if keyword else content
    name = keyword.group().strip() if keyword else ""
    if not body.startswith('"'):
        if name and not body.strip():
            return f'{name} has no string ({shown}): write {name} "" for an empty one'
        return f'the text after {name or "the keyword"} is not in double quotes ({shown}): write {name or "it"} "…"'
    end = _closing_quote(body)
    if end is None:
        hint = (
            r"a backslash right before a double quote makes the quote part of the text; write \\ for a backslash"
            if body.rstrip().endswith('\\"')
            else 'end it with " on the same line'
        )
        return f"the string has no closing double quote ({shown}): {hint}"
    if '"' in body[end + 1 :]:
        return rf"a double quote inside the string ends it ({shown}): write \" for each double quote inside a string"
    return f"text after the closing double quote ({shown}): put it inside the quotes"


def _closing_quote(body: str) -> int | None:
    """Where the string that starts ``body`` (with its opening quote) ends: the offset of its closing
    quote (an escaped one, ``\\"``, is text), or None when it has none."""
    pos = 1
    while pos < len(body):
        char = body[pos]
        if char == "\\":
            pos += 2
            continue
        if char == '"':
            return pos
        pos += 1
    return None


class _Reader:
    """One pass over the lines of a PO file; builds entries and checks them as it goes."""

    def __init__(self, path: Path | str) -> None:
        self.path = path
        self.po = polib.POFile(wrapwidth=PAGE_WIDTH, encoding="utf-8")
        self.entries: list[polib.POEntry] = []
        self.plural_lines: list[tuple[int, int]] = []  # translated plural entries: (forms, msgstr[0] line)
        self.seen: dict[tuple[str | None, str], int] = {}  # key -> line of its msgid
        self.header_line: int | None = None
        self.header_fields: dict[str, int] = {}  # header field name -> line it starts on
        self.number = 0
        self._start_entry()

    # --- errors ------------------------------------------------------------------------------

    def fail(self, message: str, line: int | None = None) -> CatalogError:
        return CatalogError(f"PO syntax error: {message}", self.path, line or self.number)

    # --- entry and field bookkeeping ---------------------------------------------------------

    def _start_entry(self) -> None:
        self.entry = polib.POEntry()
        self.phase = _OPEN
        self.obsolete: bool | None = None  # decided by the first keyword or #| line
        self.translator_lines: list[str] = []
        self.extracted_lines: list[str] = []
        self.field: str | int | None = None
        self.pieces: list[str] = []
        self.field_line = 0
        self.field_lines: dict[str | int, int] = {}  # field -> the line of its keyword
        self.msgid_line = 0

    def _close_field(self) -> None:
        field = self.field
        if field is None:
            return
        try:
            value = unescape("".join(self.pieces))
        except ValueError as exc:
            raise self.fail(str(exc), self._line_of_bad_piece()) from None
        if isinstance(field, int):
            self.entry.msgstr_plural[field] = value
        else:
            setattr(self.entry, field, value)
        self.field = None

    def _open_field(self, field: str | int, body: str) -> None:
        self._close_field()
        self.field = field
        self.pieces = [body]
        self.piece_lines = [self.number]
        self.field_line = self.number
        self.field_lines[field] = self.number

    def _continue_field(self, body: str) -> None:
        self.pieces.append(body)
        self.piece_lines.append(self.number)

    def _line_of_bad_piece(self) -> int:
        """The line of the first string of the open field that does not unescape on its own."""
        for piece, line in zip(self.pieces, self.piece_lines):
            try:
                unescape(piece)
            except ValueError:
                return line
        return self.field_line

    def _before_new_part(self) -> None:
        """A comment, ``#|`` line, msgctxt or msgid: ends a complete entry, or is out of place."""
        if self.phase == _DONE:
            self.finish_entry()
        elif self.phase != _OPEN:
            raise self._missing_msgstr()

    def _missing_msgstr(self) -> CatalogError:
        """The error for an entry that ends before its msgstr, at its msgid (or msgctxt) line."""
        if self.phase == _CONTEXT:
            return self.fail("msgctxt has no msgid and msgstr", self.field_line)
        return self.fail("msgid has no msgstr", self.msgid_line)

    def _mark_obsolete(self, obsolete: bool) -> None:
        if self.obsolete is None:
            self.obsolete = obsolete
            self.entry.obsolete = obsolete
        elif self.obsolete != obsolete:
            raise self.fail("inconsistent use of #~ within one entry")

    def finish_entry(self) -> None:
        """Store the entry being built (the header becomes the catalog's metadata)."""
        self._close_field()
        entry = self.entry
        if self.translator_lines:
            entry.tcomment = "\n".join(self.translator_lines)
        if self.extracted_lines:
            entry.comment = "\n".join(self.extracted_lines)
        key = (entry.msgctxt, entry.msgid)
        first = self.seen.get(key)
        if first is not None:
            context = f" (msgctxt {entry.msgctxt!r})" if entry.msgctxt is not None else ""
            raise CatalogError(
                f"duplicate msgid {entry.msgid!r}{context}, first defined at line {first}",
                self.path,
                self.msgid_line,
            )
        self.seen[key] = self.msgid_line
        if entry.msgid == "" and entry.msgctxt is None and not entry.obsolete:
            self._take_header(entry)
        else:
            if not entry.obsolete and "fuzzy" not in entry.flags:
                self._check_newlines(entry)
                if entry.msgid_plural and entry.msgstr_plural.get(0):  # translated: msgfmt counts its forms
                    self.plural_lines.append(
                        (len(entry.msgstr_plural), self.field_lines.get(0, self.msgid_line))
                    )
            self.entries.append(entry)
        self._start_entry()

    def _check_newlines(self, entry: polib.POEntry) -> None:
        """A translated entry's strings all begin with a newline or none does, and the same for the
        end (``msgfmt -c`` refuses the catalog otherwise: the newline is usually markup)."""
        forms: list[tuple[str | int, str]] = (
            [("msgid_plural", entry.msgid_plural), *sorted(entry.msgstr_plural.items())]
            if entry.msgid_plural
            else [("msgstr", entry.msgstr)]
        )
        if not any(text for field, text in forms if field != "msgid_plural"):
            return  # untranslated: nothing to compare
        for where, test in (("begin", lambda t: t.startswith("\n")), ("end", lambda t: t.endswith("\n"))):
            wanted = test(entry.msgid)
            for field, text in forms:
                if test(text) != wanted:
                    name = f"msgstr[{field}]" if isinstance(field, int) else field
                    raise self.fail(
                        f"msgid and {name} do not both {where} with a newline "
                        f"(msgid {'does' if wanted else 'does not'}); make them agree",
                        self.field_lines.get(field),
                    )

    def _take_header(self, entry: polib.POEntry) -> None:
        if "\x00" in entry.msgstr:
            raise self.fail(
                "the header holds a NUL character: gettext's tools read the header only up to it "
                "(the fields after it are lost); remove it",
                self._line_of_nul(),
            )
        po = self.po
        po.header = entry.tcomment
        po.metadata_is_fuzzy = "fuzzy" in entry.flags
        self.header_line = self.msgid_line
        self._locate_header_fields(entry.msgstr)
        _read_metadata(entry.msgstr, po.metadata)

    def _line_of_nul(self) -> int:
        """The line of the header's first string holding a NUL (escaped or not)."""
        for piece, line in zip(self.pieces, self.piece_lines):
            try:
                if "\x00" in unescape(piece):
                    return line
            except ValueError:
                continue
        return self.field_line

    def _locate_header_fields(self, msgstr: str) -> None:
        """Note the line each header field starts on (from the msgstr's strings, still at hand)."""
        try:
            texts = [unescape(piece) for piece in self.pieces]
        except ValueError:
            return
        if "".join(texts) != msgstr:
            return
        at_start = True
        for text, number in zip(texts, self.piece_lines):
            for index, segment in enumerate(text.split("\n")):
                if (at_start or index) and segment:
                    name, colon, _ = segment.partition(":")
                    if colon:
                        self.header_fields.setdefault(name, number)
            if text:
                at_start = text.endswith("\n")

    # --- one handler per kind of line ----------------------------------------------------------

    def comment(self, line: str) -> None:
        """Any ``#`` line that is not obsolete (``#~``) or previous (``#|``)."""
        self._before_new_part()
        self._close_field()
        kind = line[1:2]
        if kind == ",":
            self.entry.flags.extend(flag for flag in map(str.strip, line[2:].split(",")) if flag)
        elif kind == ":":
            references = _parse_occurrences(line[2:])
            for name, number in references:
                if not number and name.endswith("\\"):
                    raise CatalogError(
                        f"the #: reference {name[:60]!r} ends in a backslash: gettext's tools read it "
                        "joined with the next line, so it cannot be written back as it is",
                        self.path,
                        self.number,
                    )
            self.entry.occurrences.extend(references)
        elif kind == ".":
            text = line[2:]
            self.extracted_lines.append(text[1:] if text[:1] == " " else text)
        elif kind == "!":  # gettext's "#!" (range) comments: kept by nobody, ignored
            pass
        else:
            text = line[1:]
            self.translator_lines.append(text[1:] if text[:1] == " " else text)

    def previous(self, content: str, obsolete: bool) -> None:
        """A ``#|`` (or ``#~|``) line: previous msgctxt/msgid/msgid_plural or its continuation."""
        match = _STRING_LINE.match(content)
        if match:
            if self.field not in ("previous_msgctxt", "previous_msgid", "previous_msgid_plural"):
                raise self.fail("#| string without a #| keyword")
            self._continue_field(match.group(1))
            return
        match = _KEYWORD_LINE.match(content)
        if not match or match.group(1) not in ("msgctxt", "msgid", "msgid_plural"):
            raise self.fail(f"cannot parse {content.strip()[:60]!r}")
        self._before_new_part()
        self._mark_obsolete(obsolete)
        self._open_field("previous_" + match.group(1), match.group(3))

    def keyword(self, content: str, obsolete: bool) -> None:
        """A ``msgctxt``/``msgid``/``msgid_plural``/``msgstr``/``msgstr[n]`` line, or a continuation."""
        if content[:1] == '"':
            match = _STRING_LINE.match(content)
            if match is None:
                raise self.fail(string_problem(content))
            if self.field is None or self.phase == _OPEN:
                raise self.fail("string without a keyword")
            if self.obsolete != obsolete:
                raise self.fail("inconsistent use of #~ within one entry")
            self._continue_field(match.group(1))
            return
        match = _KEYWORD_LINE.match(content)
        if match is None:
            if content.startswith(("msgctxt", "msgid", "msgstr")):
                raise self.fail(string_problem(content))
            raise self.fail(f"cannot parse {content.strip()[:60]!r}")
        name, index, body = match.groups()
        phase = self.phase
        if name == "msgid":
            if phase != _CONTEXT:
                self._before_new_part()
            self._mark_obsolete(obsolete)
            self.msgid_line = self.entry.linenum = self.number
            self.phase = _MSGID
            self._open_field("msgid", body)
        elif name.startswith("msgstr"):
            self._mark_obsolete(obsolete)
            if index is None:
                if phase != _MSGID:
                    raise self.fail(
                        "msgstr without msgid"
                        if phase != _PLURAL
                        else "msgstr after msgid_plural (expected msgstr[0])"
                    )
                self._open_field("msgstr", body)
            else:
                number = int(index)
                plural_done = self.entry.msgstr_plural or self.field.__class__ is int
                if phase != _PLURAL and not (phase == _DONE and plural_done):
                    raise self.fail("msgstr[n] without msgid_plural")
                if number in self.entry.msgstr_plural or (self.field == number):
                    raise self.fail(f"msgstr[{number}] given twice")
                expected = len(self.entry.msgstr_plural) + (1 if isinstance(self.field, int) else 0)
                if number != expected:
                    raise self.fail(
                        f"msgstr[{number}] where msgstr[{expected}] belongs: plural forms are numbered "
                        "msgstr[0], msgstr[1], … in order, without gaps"
                    )
                self._open_field(number, body)
            self.phase = _DONE
        elif name == "msgctxt":
            self._before_new_part()
            self._mark_obsolete(obsolete)
            self.phase = _CONTEXT
            self._open_field("msgctxt", body)
        else:  # msgid_plural
            if phase != _MSGID:
                raise self.fail("msgid_plural without msgid")
            self._mark_obsolete(obsolete)
            self.phase = _PLURAL
            self._open_field("msgid_plural", body)

    def end(self) -> polib.POFile:
        """Finish the last entry and check the header; trailing comments are dropped, as msgcat does."""
        if self.phase == _DONE:
            self.finish_entry()
        elif self.phase != _OPEN:
            raise self._missing_msgstr()
        po = self.po
        list.extend(po, self.entries)
        check_header(po, self.path, self.header_line, self.header_fields)
        self._check_plural_counts(po)
        return po

    def _check_plural_counts(self, po: polib.POFile) -> None:
        """Each translated plural entry has as many forms as the header's nplurals (``msgfmt -c``
        refuses the catalog otherwise; untranslated, fuzzy and obsolete entries are not counted)."""
        if not self.plural_lines:
            return
        nplurals = nplurals_of(po.metadata.get("Plural-Forms", ""))
        first_line = self.plural_lines[0][1]
        if nplurals is None:
            raise CatalogError(
                "plural forms are translated but the header has no Plural-Forms "
                '(add "Plural-Forms: nplurals=…; plural=…;\\n" for the language)',
                self.path,
                first_line,
            )
        for forms, line in self.plural_lines:
            if forms != nplurals:
                raise CatalogError(
                    f"this entry has {forms} plural form{'s' if forms != 1 else ''} but the header's "
                    f"Plural-Forms says nplurals={nplurals} (msgstr[0] … msgstr[{nplurals - 1}])",
                    self.path,
                    line,
                )


def _read_metadata(msgstr: str, metadata: dict[str, str]) -> None:
    """The header's ``Name: value`` fields into ``metadata`` (a line without a colon continues the last)."""
    key = None
    for line in msgstr.split("\n"):
        name, colon, value = line.partition(":")
        if colon:
            key = name
            metadata[key] = value.strip()
        elif key is not None and line:
            metadata[key] += "\n" + line.strip()


def parse_catalog(text: str, path: Path | str = "<string>") -> polib.POFile:
    """Parse PO text; CatalogError with file:line on a syntax error, a duplicate or a bad header.

    >>> po = parse_catalog('msgid ""\\nmsgstr "Content-Type: text/plain; charset=UTF-8\\\\n"\\n\\n'
    ...                    '#, fuzzy\\nmsgid "a"\\nmsgstr "b"\\n')
    >>> [(e.msgid, e.msgstr, e.flags, e.linenum) for e in po]
    [('a', 'b', ['fuzzy'], 5)]
    """
    if text[:1] == "\ufeff":
        raise CatalogError(_BOM_MESSAGE, path, 1)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
        if "\n" not in text:
            raise CatalogError(_CR_MESSAGE, path, 1)
    reader = _Reader(path)
    comment, previous, keyword = reader.comment, reader.previous, reader.keyword
    lines = text.split("\n")
    if "\\\n" in text:
        lines = _join_continued_lines(lines)
    number = 0
    for line in lines:
        number += 1
        if not line:
            continue
        first = line[0]
        if first not in _LINE_STARTS:
            line = line.strip(" \t\f")
            if not line:
                continue
            first = line[0]
        reader.number = number
        if first != "#":
            keyword(line, False)
            continue
        second = line[1:2]
        if second == "~":
            rest = line[2:]
            if rest[:1] == "|":
                previous(rest[1:].lstrip(" \t"), True)
            elif rest.strip(" \t"):
                keyword(rest.lstrip(" \t"), True)
        elif second == "|":
            previous(line[2:].lstrip(" \t"), False)
        else:
            comment(line)
    return reader.end()


def _join_continued_lines(lines: list[str]) -> list[str]:
    r"""Join each line ending in a backslash with the next, as gettext's lexer does everywhere
    (comments included); the joined lines become empty so later line numbers stay right.

    >>> _join_continued_lines(["# a\\", "#. b", "msgid"])
    ['# a#. b', '', 'msgid']
    """
    out = list(lines)
    index, count = 0, len(out)
    while index < count:
        line, follower = out[index], index + 1
        while line.endswith("\\") and follower < count:
            line = line[:-1] + out[follower]
            out[follower] = ""
            follower += 1
        out[index] = line
        index = follower
    return out


def read_catalog(path: Path) -> polib.POFile:
    """Read a PO/POT file; raise CatalogError(message, path, line) when it is broken.

    The bytes are decoded with the charset the header declares, as gettext's tools do (a catalog
    in ISO-8859-1 reads fine; transpub writes UTF-8 whenever it rewrites one). An unknown charset,
    bytes that are not valid in the declared one, and UTF-8 text under a header that declares
    another charset (gettext would turn "é" into "Ã©") are errors at the Content-Type line.
    """
    path = Path(path)
    return parse_catalog_bytes(_catalog_bytes(path), path)


def _catalog_bytes(path: Path) -> bytes:
    """The bytes of the catalog at ``path``; CatalogError when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror or exc}", path) from exc


def parse_catalog_bytes(data: bytes, path: Path) -> polib.POFile:
    """The catalog in ``data``, the bytes of the file at ``path`` (see :func:`read_catalog`)."""
    po = parse_catalog(decode_catalog(data, path), path)
    po.fpath = str(path)
    return po


#: gettext's msgfmt and msgcat stop with "syntax error" at line 1 on a byte-order mark; so does transpub
#: (stripping it silently would accept a file the translator's tools reject).
_BOM_MESSAGE = (
    "the file starts with a byte-order mark (BOM), which gettext's tools (msgfmt, msgcat) reject; "
    "save it as UTF-8 without BOM"
)
#: Why a catalog whose lines end in CR alone is refused (gettext's tools read it as one line).
_CR_MESSAGE = (
    "the file's lines end in a carriage return alone (CR, as classic Mac OS saved them), which gettext's "
    "tools read as one line (msgfmt drops every entry after the first comment); save it with LF line ends"
)
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_DECLARED_CHARSET = re.compile(rb"Content-Type:[^\n\"]*?charset=([^\s\";\\]*)", re.I)


def _charset_from(data: bytes) -> int:
    """Where :data:`_DECLARED_CHARSET` may first match in ``data``: at the first ``Content-Type:``
    written as usual unless the name is written in other cases before it (a search for the exact
    bytes is quick; the case-insensitive pattern tries every position)."""
    at = data.find(b"Content-Type:")
    if at <= 0 or b"content-type:" in data[:at].lower():
        return 0
    return at


def decode_catalog(data: bytes, path: Path) -> str:
    """The text of a catalog's bytes, in the charset its header declares (UTF-8 when none);
    CatalogError when they cannot be read."""
    if data[:3] == b"\xef\xbb\xbf":
        raise CatalogError(_BOM_MESSAGE, path, 1)
    found = _DECLARED_CHARSET.search(data, _charset_from(data))
    charset = found.group(1).decode("ascii", "replace") if found else None
    where = data[: found.start()].count(b"\n") + 1 if found else None
    if is_utf8(charset) or data.isascii():
        if charset is not None and codec_for(charset) is None:
            raise CatalogError(
                f"header field Content-Type names an unknown charset {charset!r} (use charset=UTF-8)",
                path,
                where,
            )
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise CatalogError("catalog is not valid UTF-8", path, _line_at(data, exc.start)) from exc
    codec = codec_for(charset) if charset is not None else None
    if codec is None:
        raise CatalogError(
            f"header field Content-Type names an unknown charset {charset!r} (use charset=UTF-8)", path, where
        )
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        non_ascii = _NON_ASCII.search(data)
        assert non_ascii is not None  # ASCII-only data returned above
        first = non_ascii.start()
        sample = data[first : first + 12].decode(codec, "replace").split("\n")[0]
        raise CatalogError(
            f"the header declares charset={charset} but the file is UTF-8 text "
            f"(line {_line_at(data, first)} would read as {sample!r}); "
            "change the header to charset=UTF-8",
            path,
            where,
        )
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        raise CatalogError(
            f"catalog is not valid {charset} (the charset its header declares)",
            path,
            _line_at(data, exc.start),
        ) from exc


def _line_at(data: bytes, offset: int) -> int:
    return data[:offset].count(b"\n") + 1


#: What compile needs of one entry: its msgstr, its state (``translated``, ``fuzzy`` or
#: ``untranslated``, as :func:`~transpub.catalog.entries.entry_state` says), the line of its msgid
#: and its machine-translation provenance (see :func:`~transpub.catalog.entries.provenance_of`).
EntryText = tuple[str, str, "int | None", "str | None"]


def read_translations(path: Path, *, lines: bool = True) -> dict[str, EntryText]:
    """The live entries of the PO file at ``path`` by msgid (a later entry of the same msgid wins),
    as compile uses them; CatalogError(message, path, line) exactly as :func:`read_catalog` raises it.

    A catalog of the usual shape (what transpub, msgcat and Poedit write: comments, ``#|`` lines,
    msgctxt/msgid/msgstr, obsolete entries, no plural forms) is read in one pattern match per
    entry, with every check of the strict reader; anything else (and every broken catalog) goes
    through :func:`parse_catalog`, so the result and the errors are the same either way.

    ``lines`` False: an entry's line may be None (counting the lines of a catalog read at once is
    a pass over its text; compile needs them only for a warning or a review copy, and then reads
    the catalog again with them).
    """
    path = Path(path)
    return parse_translations(_catalog_bytes(path), path, lines=lines)


def parse_translations(data: bytes, path: Path, *, lines: bool = True) -> dict[str, EntryText]:
    """:func:`read_translations` of ``data``, the bytes of the catalog at ``path``."""
    text = decode_catalog(data, path)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    found = _fast_translations(text, path, lines)
    if found is not None:
        return found
    po = parse_catalog(text, path)
    return {
        entry.msgid: (entry.msgstr, entry_state(entry), entry.linenum, provenance_of(entry))
        for entry in po
        if not entry.obsolete and entry.msgid
    }


_STRING_BODY = r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"[ \t]*\n'
_STRING = r'"[^"\\\n]*(?:\\.[^"\\\n]*)*"[ \t]*\n'
_LIVE_MORE = rf"((?:{_STRING})*)"
_OBSOLETE_MORE = rf"((?:#~[ \t]*{_STRING})*)"
#: An entry's keywords after its comments: msgctxt, msgid and msgstr, each a string and its
#: continuation lines, then blank lines. The empty group marks the msgid line.
_LIVE_KEYWORDS = re.compile(
    rf"(?:msgctxt[ \t]*{_STRING_BODY}{_LIVE_MORE})?"
    rf"()msgid[ \t]*{_STRING_BODY}{_LIVE_MORE}"
    rf"msgstr[ \t]*{_STRING_BODY}{_LIVE_MORE}\n*"
)
#: An obsolete entry (``#~``), its comments first.
_OBSOLETE_ENTRY = re.compile(
    r"((?:#[^~\n]*\n)*)"
    rf"(?:#~[ \t]*msgctxt[ \t]*{_STRING_BODY}{_OBSOLETE_MORE})?"
    rf"()#~[ \t]*msgid[ \t]*{_STRING_BODY}{_OBSOLETE_MORE}"
    rf"#~[ \t]*msgstr[ \t]*{_STRING_BODY}{_OBSOLETE_MORE}\n*"
)
_MORE_BODIES = re.compile(r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"')
#: The strings of a plain entry's continuation lines (no backslash or quote inside them).
_PLAIN_BODIES = re.compile(r'"([^\n]*)"[ \t]*\n')
_PLAIN_STRING = r'"([^\n]*)"[ \t]*\n((?:"[^\n]*"[ \t]*\n)*)'
#: The most usual entry: only ``#.`` and ``#:`` comments, followed by another entry or the end.
#: Groups as :data:`_LIVE_KEYWORDS`'s. It is only taken when it holds no backslash and no quote
#: inside a string (nothing to unescape or look at): checked on the match, not in the pattern (a
#: class such as ``[^"\\\n]`` makes the regular expression engine test each character against a
#: set, several times slower than ``[^\n]``; see :func:`_plain_groups`).
_PLAIN_ENTRY = re.compile(
    r"(?:#[.:][^\n]*\n)*"
    rf"(?:msgctxt[ \t]*{_PLAIN_STRING})?"
    rf"()msgid[ \t]*{_PLAIN_STRING}"
    rf"msgstr[ \t]*{_PLAIN_STRING}\n*(?=[#m]|\Z)"
)


def _string_value(first: str, more: str) -> str:
    """A field's value from its first string and its continuation lines (ValueError: bad escape)."""
    if not more:
        body = first
    elif more.count('"\n') == more.count("\n"):  # no space after a closing quote: join the lines
        body = first + more[1:-2].replace('"\n"', "")
    else:
        body = first + "".join(_MORE_BODIES.findall(more))
    return unescape(body) if "\\" in body else body


def _fast_translations(text: str, path: Path, lines: bool = True) -> dict[str, EntryText] | None:
    """:func:`read_translations` for a catalog of the usual shape; None for anything else (a
    broken catalog included: the strict reader then says what is wrong, and where).

    An entry's comment lines (most of a catalog's text) are passed over with string searches, its
    keywords read with one pattern match.
    """
    if text[:1] == "\ufeff":
        return None
    tried = False
    if text[-1:] == "\n":  # a header read before: the entries after it tried at once, from the text as it is
        head = _head(text, 0)
        known = _HEADERS.get(head) if head else None
        if known is not None:  # (its places are in the text with a newline before it: one less here)
            tried = True
            # no line of such a text continues another (what _continues_a_line looks for): a known
            # header was read after that check, and entries read at once hold no backslash
            rest = _rest_at_once(text, known[0] - 1, known[1], known[2] - 1, lines)
            if rest is not None:
                return rest
    if _continues_a_line(text):
        return None
    text = "\n" + text if text[-1:] == "\n" else "\n" + text + "\n"  # every line follows a newline
    plain, plain_bodies, more_bodies = _PLAIN_ENTRY.match, _PLAIN_BODIES.findall, _MORE_BODIES.findall
    count, find = text.count, text.find
    found: dict[str, EntryText] = {}
    header = False
    seen: set[str | tuple[str, str]] = set()  # msgctxt and msgid (the msgid alone without msgctxt)
    position, end, line, counted = 1, len(text), 0, 0
    head = _head(text)
    known = _HEADERS.get(head) if head else None
    if known is not None:  # a header read before (the catalogs of a language share theirs)
        seen.add("")
        header = True
        position, line, counted = known
        rest = None if tried else _rest_at_once(text, position, line, counted, lines)
        if rest is not None:
            return rest
    while position < end:
        match = plain(text, position)
        groups = None if match is None else _plain_groups(match, find)
        if groups is not None:
            assert match is not None
            context, context_more, _, msgid, msgid_more, msgstr, msgstr_more = groups
            if msgid_more:
                msgid += "".join(plain_bodies(msgid_more))
            if msgstr_more:
                msgstr += "".join(plain_bodies(msgstr_more))
            if context_more:
                context += "".join(plain_bodies(context_more))
            obsolete, notes = False, _PLAIN_NOTES
            position = match.end()
        else:
            match, obsolete, general = _general_entry(text, position)
            if match is None or general is None:
                return None
            notes = general
            context, context_more, _, msgid, msgid_more, msgstr, msgstr_more = match.groups()[obsolete:]
            position = match.end()
            try:
                if find("\\", match.start(), position) >= 0:
                    msgid = _string_value(msgid, msgid_more)
                    msgstr = _string_value(msgstr, msgstr_more)
                    context = None if context is None else _string_value(context, context_more)
                else:
                    if msgid_more:
                        msgid += "".join(more_bodies(msgid_more))
                    if msgstr_more:
                        msgstr += "".join(more_bodies(msgstr_more))
                    if context_more:
                        context += "".join(more_bodies(context_more))
            except ValueError:
                return None
        key = msgid if context is None else (context, msgid)
        if key in seen:
            return None
        seen.add(key)
        at = match.start(4 if obsolete else 3)  # the msgid line
        line += count("\n", counted, at)
        counted = at
        if obsolete:
            continue
        if not msgid and context is None:  # the header: the first entry, or the strict reader decides
            if len(seen) > 1 or not _usable_header(msgstr):
                return None
            header = True
            if head and position == len(head) + 1 and len(_HEADERS) < _KNOWN_HEADERS:
                _HEADERS[head] = (position, line, counted)
            rest = _rest_at_once(text, position, line, counted, lines)
            if rest is not None:
                return rest
            continue
        if not header:
            return None
        fuzzy = notes[0]
        if msgstr and not fuzzy:
            if (msgid[:1] == "\n") != (msgstr[:1] == "\n") or (msgid[-1:] == "\n") != (msgstr[-1:] == "\n"):
                return None
        if msgid:
            state = "untranslated" if not msgstr.strip() else "fuzzy" if fuzzy else "translated"
            found[msgid] = (msgstr, state, line, notes[1])
    return found if header else None


_PLAIN_NOTES: tuple[bool, str | None] = (False, None)

#: Headers read (see :func:`_head`), each with where the entries after it start, and the number and
#: place of its msgid line: the catalogs of one language, written in one run, share their header.
_HEADERS: dict[str, tuple[int, int, int]] = {}
_KNOWN_HEADERS = 64


def _head(text: str, start: int = 1) -> str:
    """The start of a catalog's ``text`` (after its first newline; ``start`` 0: a text without that
    newline) to the end of its first blank lines, when it holds a backslash (a header's ``\\n``);
    else "". A header entry that ends there reads the same in every catalog that starts so (its
    reading looks no further)."""
    blank = text.find("\n\n", start)
    if blank < 0:
        return ""
    stop = blank + 2
    while text[stop : stop + 1] == "\n":
        stop += 1
    head = text[start:stop]
    return head if "\\" in head else ""


def _rest_at_once(
    text: str, position: int, line: int, counted: int, lines: bool
) -> dict[str, EntryText] | None:
    """The entries after the header (from ``position``; ``line``: the number of its msgid line,
    at ``counted``) read at once when every one is plain (see :func:`_plain_rest`), else None."""
    if lines:
        return _plain_rest(text, position, line + text.count("\n", counted, position))
    return _plain_rest_unnumbered(text, position)


def _continues_a_line(text: str) -> bool:
    """Whether a line of ``text`` ends in a backslash (gettext joins it with the next), found from
    its backslashes (a search for one character is quick; most catalogs have a few, in the header)."""
    find = text.find
    at = find("\\")
    for _ in range(64):
        if at < 0:
            return False
        if text[at + 1 : at + 2] == "\n":
            return True
        at = find("\\", at + 1)
    return "\\\n" in text


#: :data:`_PLAIN_ENTRY` for ``findall`` over the rest of a catalog, without msgctxt (such a catalog
#: is read entry by entry): the whole entry, its comments, the msgid and msgstr strings and their
#: continuation lines.
_PLAIN_ENTRIES = re.compile(
    r"(((?:#[.:][^\n]*\n)*)"
    rf"msgid[ \t]*{_PLAIN_STRING}"
    rf"msgstr[ \t]*{_PLAIN_STRING}\n*(?=[#m]|\Z))"
)
_STATES = ("untranslated", "translated")
#: A continuation line with an impossible body, put between the continuation lines of entries so
#: that one ``findall`` reads them all (see :func:`_with_bodies`).
_ENTRY_BREAK = '"\x00"\n'


def _plain_rest(text: str, position: int, newlines: int) -> dict[str, EntryText] | None:
    """The entries of ``text`` from ``position`` (after ``newlines`` newlines) when every one is a
    plain entry without msgctxt (as :data:`_PLAIN_ENTRY` and :func:`_plain_groups` take it) and no
    msgid repeats, read without a Python step per entry (the usual catalog as transpub writes it);
    None otherwise (then the entry by entry loop reads them, or finds the catalog broken)."""
    if text.find("\\", position) >= 0:
        return None
    found = _PLAIN_ENTRIES.findall(text, position)
    if not found:
        return None
    wholes, comments, msgid_firsts, msgid_more, msgstr_firsts, msgstr_more = zip(*found)
    lengths = list(map(len, wholes))
    if sum(lengths) != len(text) - position:  # not one plain entry after the other to the end
        return None  # (an entry with msgctxt, flags, translator comments; an obsolete one…)
    if '"' in "".join(msgid_firsts) or '"' in "".join(msgstr_firsts):
        return None
    for more in ("".join(msgid_more), "".join(msgstr_more)):
        if more.count('"') != 2 * more.count("\n"):  # a quote inside a continuation line
            return None
    msgids, msgstrs = _with_bodies(msgid_firsts, msgid_more), _with_bodies(msgstr_firsts, msgstr_more)
    if msgids is None or msgstrs is None or len(set(msgids)) != len(msgids) or "" in msgids:
        return None  # (a repeated msgid, or a second header)
    # each msgid line: where its entry starts, after its comments; its number: the newlines before it
    ends = list(map(add, accumulate(lengths[:-1], initial=position), map(len, comments)))
    counted = map(text.count, repeat("\n"), [position, *ends[:-1]], ends)
    lines = accumulate(counted, initial=newlines)
    next(lines)
    states = map(_STATES.__getitem__, map(bool, map(str.strip, msgstrs)))
    return dict(zip(msgids, zip(msgstrs, states, lines, repeat(None))))


#: :data:`_PLAIN_ENTRIES` without the groups :func:`_plain_rest` needs for the lines (the whole
#: entry, its comments), split on: the text between two matches must be empty.
_PLAIN_KEYWORDS = re.compile(
    r"(?:#[.:][^\n]*\n)*"
    rf"msgid[ \t]*{_PLAIN_STRING}"
    rf"msgstr[ \t]*{_PLAIN_STRING}\n*"
)


def _plain_rest_unnumbered(text: str, position: int) -> dict[str, EntryText] | None:
    """:func:`_plain_rest` without the lines (each None): the entries of ``text`` from ``position``
    when every one is a plain entry without msgctxt and no msgid repeats; None otherwise."""
    if text.find("\\", position) >= 0:
        return None
    parts = _PLAIN_KEYWORDS.split(text[position:])
    if len(parts) == 1 or "".join(parts[::5]):  # nothing, or something between two plain entries
        return None
    msgid_firsts, msgid_more, msgstr_firsts, msgstr_more = parts[1::5], parts[2::5], parts[3::5], parts[4::5]
    if '"' in "".join(msgid_firsts) or '"' in "".join(msgstr_firsts):
        return None
    msgids = _checked_bodies(msgid_firsts, msgid_more)
    msgstrs = None if msgids is None else _checked_bodies(msgstr_firsts, msgstr_more)
    if msgids is None or msgstrs is None or len(set(msgids)) != len(msgids) or "" in msgids:
        return None  # (a repeated msgid, or a second header)
    states = map(_STATES.__getitem__, map(bool, map(str.strip, msgstrs)))
    return dict(zip(msgids, zip(msgstrs, states, repeat(None), repeat(None))))


def _checked_bodies(firsts: list[str], mores: list[str]) -> list[str] | tuple[str, ...] | None:
    """:func:`_with_bodies` of a field's strings, None when a continuation line holds a quote
    inside its string (its quotes are not twice its newlines), found in the text that joins them:
    the marks between the entries' lines hold two quotes for their newline."""
    if not any(mores):
        return firsts
    joined = _ENTRY_BREAK.join(mores)
    newlines = joined.count("\n")
    if joined.count('"') != 2 * newlines:  # a quote inside a continuation line
        return None
    if joined.count('"\n') == newlines:  # no space after a closing quote: join the lines
        bodies = joined.replace('"\n"', "")[1:-2].split("\x00")
    else:
        bodies = "".join(_PLAIN_BODIES.findall(joined)).split("\x00")
    if len(bodies) != len(firsts):
        return None
    return list(map(add, firsts, bodies))


def _with_bodies(firsts: tuple[str, ...], mores: tuple[str, ...]) -> tuple[str, ...] | None:
    """Each field's value: its first string and the strings of its continuation lines (each line a
    string between two quotes: checked by the caller), all read at once; None when a string holds
    the NUL that marks where an entry's lines end."""
    if not any(mores):
        return firsts
    joined = _ENTRY_BREAK.join(mores)
    if joined.count('"\n') == joined.count("\n"):  # no space after a closing quote: join the lines
        bodies = joined.replace('"\n"', "")[1:-2].split("\x00")
    else:
        bodies = "".join(_PLAIN_BODIES.findall(joined)).split("\x00")
    if len(bodies) != len(firsts):
        return None
    return tuple(map(add, firsts, bodies))


def _plain_groups(match: re.Match[str], find: Callable[[str, int, int], int]) -> tuple[Any, ...] | None:
    """The groups of a :data:`_PLAIN_ENTRY` match (``find``: the text's), or None when the entry
    holds a backslash or a string holds a quote: then it is not a plain entry (the general pattern
    reads it, or finds it broken)."""
    if find("\\", match.start(), match.end()) >= 0:
        return None
    groups = match.groups()
    context, context_more, _, msgid, msgid_more, msgstr, msgstr_more = groups
    for first, more in ((msgid, msgid_more), (msgstr, msgstr_more), (context, context_more)):
        if first is not None and '"' in first:
            return None
        if more and more.count('"') != 2 * more.count("\n"):
            return None
    return groups


def _general_entry(
    text: str, position: int
) -> tuple[re.Match[str] | None, bool, tuple[bool, str | None] | None]:
    """The entry at ``position`` of any usual shape: its match (of :data:`_LIVE_KEYWORDS`, or of
    :data:`_OBSOLETE_ENTRY`, whose first group is the comments), whether it is obsolete, and its
    fuzzy flag and provenance (None: the strict reader must read the catalog)."""
    count, find = text.count, text.find
    start = find("\nmsg", position - 1) + 1  # the entry's first keyword line, after its comments
    comments = ""
    if start > position:
        lines = count("\n", position, start)
        if count("\n#", position - 1, start - 1) != lines or count("\n#~", position - 1, start - 1):
            start = 0  # not comment lines only: an obsolete entry (or something else)
        elif (
            count("\n#.", position - 1, start - 1) + count("\n#:", position - 1, start - 1) != lines
            or find("\\", position, start) >= 0
        ):
            comments = text[position:start]  # not only #. and #: lines: look at them
    match = _LIVE_KEYWORDS.match(text, start) if start else None
    obsolete = match is None
    if match is None:
        match = _OBSOLETE_ENTRY.match(text, position)
        if match is None:
            return None, True, None
        comments = match.group(1)
    try:
        notes = _fast_comments(comments, obsolete) if comments else _PLAIN_NOTES
    except ValueError:
        notes = None
    return match, obsolete, notes


def _fast_comments(comments: str, obsolete: bool) -> tuple[bool, str | None] | None:
    """An entry's fuzzy flag and provenance from its comment lines (``#|`` lines checked as the
    strict reader checks them); None when the strict reader must look at them."""
    fuzzy, translator = False, []
    previous: list[str] | None = None  # the strings of an open #| field
    for comment in comments[:-1].split("\n"):
        kind = comment[1:2]
        if kind == "~":
            return None
        if kind == "|":
            if obsolete:
                return None  # a live #| line in an obsolete entry: an error
            content = comment[2:].lstrip(" \t")
            string = _STRING_LINE.match(content)
            if string is not None:
                if previous is None:
                    return None
                previous.append(string.group(1))
                continue
            keyword = _KEYWORD_LINE.match(content)
            if keyword is None or keyword.group(1) not in ("msgctxt", "msgid", "msgid_plural"):
                return None
            if previous is not None:
                unescape("".join(previous))  # ValueError: the strict reader says where
            previous = [keyword.group(3)]
            continue
        if previous is not None:
            unescape("".join(previous))
            previous = None
        if kind == ",":
            fuzzy = fuzzy or "fuzzy" in [flag for flag in map(str.strip, comment[2:].split(",")) if flag]
        elif kind == ":":
            if "\\" in comment:
                return None
        elif kind not in (".", "!"):
            translator.append(comment[2:] if kind == " " else comment[1:])
    if previous is not None:
        unescape("".join(previous))
    provenance = None
    for note in reversed(translator_lines("\n".join(translator)) if len(translator) > 1 else translator):
        if note.startswith(PROVENANCE_PREFIX):
            provenance = note[len(PROVENANCE_PREFIX) :]
            break
    return fuzzy, provenance


@functools.lru_cache(maxsize=64)  # the catalogs of one run mostly share their header
def _usable_header(msgstr: str) -> bool:
    """Whether the header's msgstr passes the strict reader's checks (no NUL, a usable Content-Type
    and Plural-Forms): a question of its text alone."""
    if "\x00" in msgstr:
        return False
    po = polib.POFile(wrapwidth=PAGE_WIDTH, encoding="utf-8")
    _read_metadata(msgstr, po.metadata)
    try:
        check_header(po, None, 1, {})  # (where it is is only for the message)
    except CatalogError:
        return False
    return True
