"""What extract read of each article, kept so that compile, check and status need not read it again.

Reading an article (decoding, tokenizing, cutting it into units) is a large share of every
workflow's cost per article, and ``extract``, ``compile``, ``check`` and ``status`` all read the
same bytes with the same reader. Extract keeps each article's :class:`~transpub.formats.Document`
in ``.transpub/reads.sqlite`` (one row per article, replaced when it is read again, dropped when the
article is gone), under a *digest* of everything the reading depends on: the article's bytes and
name, the reader options (segmentation, source locale, what is extracted) and transpub's own code
(:func:`~transpub.manifest.code_signature`). The others look the digest up and take the stored
document when it matches; on anything else (no row, another digest, a damaged row or file, another
version of this format) they read the article as before. It is a cache: nothing it holds is ever
an error a user sees or a different output.

Each row is signed with this user's key on this machine (:func:`~transpub.signing.local_key`, kept
outside the project), which the digest holds too: a row this user's transpub did not write here (a
CI cache restored from another run, a file copied or edited) is a miss, so it cannot put markup in
a page, change how a translation is escaped, or publish text nobody translated. Checking that a
stored document rebuilds its source would not be enough: what a document holds besides its source
text (which catalog entry each slot publishes, how a translation is escaped, the markup a placeholder
stands for, the files a page names) is not in that text. Without a key (no home folder) nothing is
stored or looked up.

A document is stored as nested tuples (:mod:`marshal`, with a CRC-32): loading one costs about a
tenth of reading the article. Its functions (how a slot's translation is escaped, how a link is
written) are stored by name, and only module-level functions of ``transpub.formats`` (or a
``functools.partial`` of one, with plain arguments or such functions; a stored name is looked up nowhere else); a
document holding any other function, or nesting deeper than :data:`MAX_DEPTH`, is not stored (it
is read each time, as before). Nothing is unpickled: a damaged or hostile file can make compile
read articles again, not run code.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib
import marshal
import os
import sqlite3
import sys
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from types import FunctionType
from typing import Any

from .cache_files import write_or_start_anew
from .formats.dates import DateStyle
from .formats.document import (
    AttrSlot,
    DateSlot,
    Document,
    Gap,
    HeadingId,
    LineStart,
    LinkTarget,
    Marker,
    PairedPieces,
    Tag,
    TextSlot,
    TitleRef,
    Unseen,
)
from .formats.options import ReadOptions
from .fsutil import unlink_link
from .manifest import code_signature
from .model import Issue, Placeholder
from .signing import local_key, signed_part, with_signature

#: Where a project keeps the documents extract read (beside its manifest).
READS = Path(".transpub") / "reads.sqlite"
#: The version of the stored form (a change makes every stored document a miss).
FORMAT = 12
#: Documents nesting deeper than this are not stored (encoding and decoding recurse; news
#: articles nest a dozen levels).
MAX_DEPTH = 100

#: One stored article: its name (as the project shows it), slug, digest and stored form (signed).
Entry = tuple[str, str, str, bytes]

# The tags of the stored parts (a plain string is stored as itself).
_GAP, _TAG, _TEXT, _ATTR, _MARKER, _DATE, _LINK, _SEEN, _HEADING_ID, _LINE_START, _TITLE_REF = range(11)
_UNSEEN = 11


class Uncacheable(Exception):
    """A document that cannot be stored (an unnamed function, deep nesting, an unknown part)."""


def digest_prefix(root: Path | None = None, key: bytes = b"") -> str:
    """The part of every digest that is the same for every article of a run (the code's signature;
    ``root``: the project that remembers it; ``key``: what the rows are signed with, so that a row
    signed with another key has another digest and is replaced when its article is read again)."""
    mark = hashlib.blake2b(b"reads", key=key, digest_size=8).hexdigest() if key else ""
    return f"{FORMAT}:{code_signature(root)}:{mark}"


def digest(prefix: str, options: ReadOptions, shown: str, data: bytes) -> str:
    """The digest of reading ``data`` (the article named ``shown``) with ``options``."""
    hasher = hashlib.sha256(f"{prefix}\0{_options_text(options)}\0{shown}\0".encode())
    hasher.update(data)
    return hasher.hexdigest()[:32]


@functools.lru_cache(maxsize=64)
def _options_text(options: ReadOptions) -> str:
    """``repr(options)``, remembered: the articles of a run share their options (equal options, a
    frozen dataclass, have the same repr), which each article builds anew."""
    return repr(options)


# -- the stored form ----------------------------------------------------------------------------

#: Where the functions a document holds may come from (a stored name is never looked up elsewhere).
_READERS = "transpub.formats."
_DEFAULT_ESCAPE = TextSlot.__dataclass_fields__["escape"].default
_names: dict[Any, Any] = {}  # function -> its stored name
_functions: dict[Any, Callable[..., Any]] = {}  # stored name -> function


def _function_name(function: Any) -> Any:
    """How ``function`` is stored: ``"module:name"`` of a module-level function of transpub, or
    ``(name, args, keywords)`` of a ``functools.partial`` of one; Uncacheable otherwise."""
    if function is None:
        return None
    name = _names.get(function)
    if name is not None:
        return name
    if function is _DEFAULT_ESCAPE:
        return ""
    if isinstance(function, functools.partial):
        args = tuple(map(_stored_argument, function.args))
        keywords = {key: _stored_argument(value) for key, value in function.keywords.items()}
        partial = (_function_name(function.func), args, keywords)
        try:
            marshal.dumps(partial)
        except ValueError:
            raise Uncacheable(f"a partial with arguments that cannot be stored: {function!r}") from None
        return partial
    module = getattr(function, "__module__", None) or ""
    qualname = getattr(function, "__qualname__", "")
    if (
        not isinstance(function, FunctionType)
        or not module.startswith(_READERS)
        or not qualname.isidentifier()
    ):
        raise Uncacheable(f"a function that has no name to store: {function!r}")
    if getattr(sys.modules.get(module), qualname, None) is not function:
        raise Uncacheable(f"a function not found by its name: {function!r}")
    _names[function] = name = f"{module}:{qualname}"
    return name


#: A partial's argument that is a function itself: ``(_FUNCTION, its stored name)``.
_FUNCTION = "\x00function"


def _stored_argument(argument: Any) -> Any:
    """A partial's argument (or keyword argument) as stored: a function (a writer another writer
    calls) by its name."""
    if isinstance(argument, (FunctionType, functools.partial)):
        return (_FUNCTION, _function_name(argument))
    if isinstance(argument, tuple) and argument[:1] == (_FUNCTION,):
        raise Uncacheable("a partial's argument that looks like a stored function")
    return argument


def _loaded_argument(argument: Any) -> Any:
    """A partial's argument as :func:`_stored_argument` stored it."""
    if argument.__class__ is tuple and len(argument) == 2 and argument[0] == _FUNCTION:
        return _function(argument[1])
    return argument


def _function(name: Any) -> Any:
    """The function stored as ``name`` (see :func:`_function_name`)."""
    found = _functions.get(name) if name.__class__ is str else None
    if found is not None:  # (most names: one look)
        return found
    if name is None:
        return None
    if name == "":
        return _DEFAULT_ESCAPE
    if isinstance(name, tuple):
        inner, args, keywords = name
        keywords = {key: _loaded_argument(value) for key, value in keywords.items()}
        return functools.partial(_function(inner), *map(_loaded_argument, args), **keywords)
    found = _functions.get(name)
    if found is None:
        module, _, qualname = name.partition(":")
        if not module.startswith(_READERS):
            raise ValueError(f"not a function of transpub's readers: {name}")
        found = getattr(importlib.import_module(module), qualname)
        if (
            not isinstance(found, FunctionType)
            or found.__module__ != module
            or found.__qualname__ != qualname
        ):  # (a name the module imports from elsewhere is none a document is stored with)
            raise ValueError(f"not a function of transpub's readers: {name}")
        _functions[name] = found
    return found


class _Encoder:
    """Turns a document's parts into nested tuples, lists and dicts of plain values; a part met
    again (a placeholder's markup is also among its slot's parts, the ``<html>`` tag among the
    document's) is stored as a reference to the first (compile tells tags apart by identity).
    It also gathers the document's slots and tags as it meets them, as :class:`_Decoder` does
    (what :meth:`Document.slots`, :meth:`Document.tags` and :meth:`Document.link_targets` would walk
    the parts again for)."""

    def __init__(self) -> None:
        self.seen: dict[int, int] = {}
        self.keep: list[object] = []  # the objects seen, alive while their ids are used
        #: The slots and tags among the parts, in the order a walk of the parts finds them.
        self.slots: list[Any] = []
        self.tags: list[Any] = []
        self.links: list[Any] = []
        #: False while a slot's pieces are encoded (a walk of the parts does not look there).
        self.walking = True
        #: False when a part stands twice among the parts (the document then finds its own).
        self.exact = True

    def parts(self, parts: list[Any], depth: int = 0) -> list[Any]:
        if _only_text(parts):  # most slots' parts: stored as they are
            return parts
        if depth > MAX_DEPTH:
            raise Uncacheable("nested too deep")
        part = self.part
        return [item if item.__class__ is str else part(item, depth) for item in parts]

    def part(self, part: Any, depth: int) -> Any:
        cls = part.__class__
        if cls is Gap:
            return (_GAP, str(part))
        if cls is Unseen:
            return (_UNSEEN, str(part))
        seen = self.seen
        index = seen.get(id(part))
        if index is not None:
            if self.walking:
                self.exact = False
            return (_SEEN, index)
        seen[id(part)] = len(self.keep)
        self.keep.append(part)
        if cls is TextSlot:
            if self.walking:
                self.slots.append(part)
            pieces, parts, placeholders = part.pieces, part.parts, part.placeholders
            escape, line_start = part.escape, part.escape_line_start
            return (
                _TEXT,
                part.msgid,
                part.ref,
                parts if len(parts) == 1 and parts[0].__class__ is str else self.parts(parts, depth + 1),
                tuple([(p.number, p.tag, p.paired, p.shows, p.href, p.kind) for p in placeholders])
                if placeholders
                else (),
                self._pieces(pieces, depth + 1) if pieces else {},
                part.notes,
                part.kind,
                part.flags,
                part.markable,
                _names.get(escape) or _function_name(escape),  # (most slots: a name stored already)
                None if line_start is None else _function_name(line_start),
                part.in_html_block,
                None if part.keep_runs is None else _function_name(part.keep_runs),
                part.unseen,
                None if part.unwritable is None else _function_name(part.unwritable),
                None if part.pieces_for is None else _function_name(part.pieces_for),
            )
        if cls is Tag:
            if self.walking:
                self.tags.append(part)
            return (
                _TAG,
                self.parts(part.parts, depth + 1),
                part.name,
                part.extra_attributes,
                part.urls,
                part.line,
                _function_name(part.write_value),
                part.value_raw,
            )
        if cls is AttrSlot:
            if self.walking:
                self.slots.append(part)
            return (_ATTR, part.msgid, part.ref, part.raw, part.kind, part.notes, _function_name(part.write))
        if cls is Marker:
            return (_MARKER, part.name, part.raw)
        if cls is LinkTarget:
            if self.walking:
                self.links.append(part)
            return (_LINK, part.url, part.raw, _function_name(part.write))
        if cls is LineStart:
            return (_LINE_START, part.raw)
        if cls is TitleRef:
            return (_TITLE_REF, part.key, part.value, part.raw, _function_name(part.write), part.line)
        if cls is HeadingId:  # (its slots: stored before it)
            slots = [self.reference(slot) for slot in part.slots]
            return (_HEADING_ID, slots, part.ids, part.closing, part.attributes)
        if cls is DateSlot:
            style = part.style
            return (
                _DATE,
                part.value,
                self.parts(part.parts, depth + 1),
                None if style is None else (style.kind, style.date_width, style.time_width),
            )
        raise Uncacheable(f"a part that cannot be stored: {cls.__name__}")

    def _pieces(self, pieces: dict[int, Any], depth: int) -> dict[int, Any]:
        """A text slot's pieces by placeholder number, stored."""
        parts = self.parts
        walking, self.walking = self.walking, False
        stored = {
            number: (parts(piece.open, depth), parts(piece.close, depth))
            + (() if piece.same is None else (parts(piece.same, depth),))
            if piece.__class__ is PairedPieces
            else parts(piece, depth)
            for number, piece in pieces.items()
        }
        self.walking = walking
        return stored

    def reference(self, part: object | None) -> int | None:
        """The index of a part already stored (None for None)."""
        if part is None:
            return None
        index = self.seen.get(id(part))
        if index is None:
            raise Uncacheable("a tag that is not among the parts")
        return index


def _only_text(parts: list[Any]) -> bool:
    """Whether ``parts`` holds plain strings only (or nothing), found without a Python step per part
    (most parts: one string)."""
    return not parts or (len(parts) == 1 and parts[0].__class__ is str) or set(map(type, parts)) == _STR


_STR = {str}


def encode(document: Document) -> bytes:
    """The stored form of ``document`` (Uncacheable when it cannot be stored). The document keeps
    the slots and tags met on the way, when it has not found them yet (extract asks for its units
    next)."""
    if document.depth > MAX_DEPTH:
        raise Uncacheable("nested too deep")
    encoder = _Encoder()
    parts = encoder.parts(document.parts)
    body = marshal.dumps(
        (
            FORMAT,
            document.format,
            document.encoding,
            parts,
            document.source_locale,
            encoder.reference(document.html_tag),
            encoder.reference(document.charset_tag),
            [
                (w.path, w.line, w.check, w.message, w.locale, w.severity, w.msgid, w.extra)
                for w in document.warnings
            ],
            document.title,
            document.published,
            document.has_base,
            document.depth,
        )
    )
    if encoder.exact and document._slots is None:  # (else the document walks its parts)
        document._slots, document._tags = tuple(encoder.slots), tuple(encoder.tags)
        document._links = tuple(encoder.links)
    return zlib.crc32(body).to_bytes(4, "big") + body


class _Decoder:
    """The inverse of :class:`_Encoder`. It also gathers the document's slots and tags as it meets
    them (what :meth:`Document.slots` and :meth:`Document.tags` would walk the parts again for)."""

    def __init__(self) -> None:
        self.seen: list[Any] = []
        #: The slots and tags among the parts, in the order a walk of the parts finds them.
        self.slots: list[Any] = []
        self.tags: list[Any] = []
        self.links: list[Any] = []
        #: False while a slot's pieces are decoded (a walk of the parts does not look there).
        self.walking = True
        #: False when a part stands twice among the parts (the document then finds its own).
        self.exact = True

    def parts(self, stored: list[Any]) -> list[Any]:
        if len(stored) < 2 and (not stored or stored[0].__class__ is str):
            return stored  # a list of its own, made by marshal: taken as it is
        part = self.part
        return [item if item.__class__ is str else part(item) for item in stored]

    def part(self, stored: tuple[Any, ...]) -> Any:
        kind = stored[0]
        seen = self.seen
        part: Any
        if kind == _TEXT:  # (most parts that are not strings: each step here counts)
            (
                _,
                msgid,
                ref,
                parts,
                placeholders,
                pieces,
                notes,
                kind_,
                flags,
                markable,
                esc,
                line,
                in_html,
                keep,
                unseen,
                unwritable,
                pieces_for,
            ) = stored
            part = _new(TextSlot)
            seen.append(part)  # in the order it was stored (its parts come after it)
            if self.walking:
                self.slots.append(part)
            if len(parts) > 1 or (parts and parts[0].__class__ is not str):
                parts = self.parts(parts)
            if pieces:
                walking, self.walking = self.walking, False
                decode = self.parts
                for number, piece in pieces.items():
                    if piece.__class__ is tuple:
                        pieces[number] = PairedPieces(
                            decode(piece[0]), decode(piece[1]), decode(piece[2]) if len(piece) > 2 else None
                        )
                    else:
                        pieces[number] = decode(piece)
                self.walking = walking
            # its own __init__ (after it is among the parts seen): its fields then live in the object,
            # not in a dict made for them, and each rendering reads them several times
            part.__init__(
                msgid,
                ref,
                parts,
                _placeholders(placeholders) if placeholders else (),
                pieces,
                notes,
                kind_,
                flags,
                markable,
                (_functions.get(esc) if esc.__class__ is str else None) or _function(esc),
                None if line is None else _function(line),
                in_html,
                None if keep is None else _function(keep),
                unseen,
                None if unwritable is None else _function(unwritable),
                None if pieces_for is None else _function(pieces_for),
            )
            return part
        if kind == _GAP:
            return Gap(stored[1])
        if kind == _UNSEEN:
            return Unseen(stored[1])
        if kind == _SEEN:
            if self.walking:
                self.exact = False
            return seen[stored[1]]
        if kind == _TAG:
            _, parts, name, extra, urls, line, write_value, value_raw = stored
            part = _new(Tag)
            seen.append(part)
            if self.walking:
                self.tags.append(part)
            part.__init__(self.parts(parts), name, extra, urls, line, _function(write_value), value_raw)
            return part
        if kind == _ATTR:
            _, msgid, ref, raw, kind_, notes, write = stored
            part = AttrSlot(msgid, ref, raw, kind_, notes, _function(write))
            seen.append(part)
            if self.walking:
                self.slots.append(part)
            return part
        if kind == _MARKER:
            part = Marker(stored[1], stored[2])
        elif kind == _LINK:
            part = LinkTarget(stored[1], stored[2], _function(stored[3]))
            if self.walking:
                self.links.append(part)
        elif kind == _LINE_START:
            part = LineStart(stored[1])
        elif kind == _TITLE_REF:
            part = TitleRef(stored[1], stored[2], stored[3], _function(stored[4]), stored[5])
        elif kind == _HEADING_ID:
            part = HeadingId([seen[index] for index in stored[1]], stored[2], stored[3], stored[4])
        elif kind == _DATE:
            index = len(seen)
            seen.append(None)  # its place (its parts come after it)
            _, value, parts, style = stored
            part = seen[index] = DateSlot(
                value, self.parts(parts), None if style is None else DateStyle(*style)
            )
            return part
        else:
            raise ValueError(f"unknown stored part {kind!r}")
        seen.append(part)
        return part


def _placeholders(stored: tuple[Any, ...]) -> tuple[Placeholder, ...]:
    """The placeholders stored as ``stored`` (``(number, tag, paired, shows, href, kind)`` each), each
    filled in place (a frozen dataclass's ``__init__`` costs a call per field)."""
    found = []
    for number, tag, paired, shows, href, kind in stored:
        placeholder = _new(Placeholder)
        fields = placeholder.__dict__
        fields["number"] = number
        fields["tag"] = tag
        fields["paired"] = paired
        fields["shows"] = shows
        fields["href"] = href
        fields["kind"] = kind
        found.append(placeholder)
    return tuple(found)


_new = object.__new__


def decode(blob: bytes | memoryview, path: Path, *, signed: bool = False) -> Document:
    """The document stored as ``blob``, read from ``path`` (ValueError and others when damaged).

    ``signed``: ``blob`` is what a valid signature covers (see :meth:`ReadCache.get`), so it is as it
    was stored, and its CRC-32 is not worked out again."""
    body = memoryview(blob)[4:]
    if not signed and zlib.crc32(body).to_bytes(4, "big") != blob[:4]:
        raise ValueError("damaged stored document")
    stored = marshal.loads(body)
    if stored[0] != FORMAT:
        raise ValueError("another version of the stored form")
    _, format_, encoding, parts, locale, html_tag, charset_tag, warnings, title, published, base, depth = (
        stored
    )
    decoder = _Decoder()
    document = Document(
        path=path,
        format=format_,
        encoding=encoding,
        parts=decoder.parts(parts),
        source_locale=locale,
        html_tag=None if html_tag is None else decoder.seen[html_tag],
        charset_tag=None if charset_tag is None else decoder.seen[charset_tag],
        warnings=[Issue(*w) for w in warnings],
        title=title,
        published=published,
        has_base=base,
        depth=depth,
    )
    if decoder.exact:  # found as they were decoded (else the document walks its parts)
        document._slots, document._tags = tuple(decoder.slots), tuple(decoder.tags)
        document._links = tuple(decoder.links)
    return document


# -- the table ----------------------------------------------------------------------------------


class ReadCache:
    """The documents extract stored for a project, looked up by article (one connection per process).

    ``store``: keep each document read through :meth:`keep` (extract); they are written by
    :func:`save_reads`, in the process that runs the workflow, once its workers are done.
    ``look_up``: with ``store``, also take the documents stored (extract reading an article again
    whose catalogs alone changed); without it, every document is read, and one stored as it reads
    (same name, slug and digest) is not encoded again.
    """

    def __init__(self, root: Path, *, store: bool = False, look_up: bool = False) -> None:
        self.path = root / READS
        stored = self.path.is_file()
        #: What rows are signed with (see :func:`~transpub.signing.local_key`; asked for only when
        #: there is a file or something to store); none: no rows kept.
        self.key = (local_key() or b"") if store or stored else b""
        self.store = store = store and bool(self.key)
        #: False when there is nothing to look up (no file; or it could not be read) nor to keep.
        stored = stored and bool(self.key)
        self.active = store or stored
        #: Whether stored documents are looked up (not while storing, unless asked to).
        self.looking = (look_up or not store) and stored
        self.prefix = digest_prefix(root, self.key) if self.active else ""
        self.kept: list[Entry] = []
        self._lookups: sqlite3.Cursor | None = None
        self._pid = 0
        #: Storing without looking up (a full extract): the slug and digest of each document stored,
        #: by name, read once. A document read again as it is stored is not encoded again: the
        #: row would be left as it is (see :func:`_write`); None: every document read is encoded.
        self.stored: dict[str, tuple[str, str]] | None = None
        if store and stored and not self.looking:
            self.stored = _stored_digests(self.path)

    def __getstate__(self) -> dict[str, Any]:
        return {**self.__dict__, "_lookups": None, "_pid": 0}

    def digest(self, options: ReadOptions, shown: str, data: bytes) -> str:
        """The digest of reading ``data`` (the article named ``shown``) with ``options``."""
        return digest(self.prefix, options, shown, data)

    def get(self, shown: str, key: str, path: Path) -> Document | None:
        """The document stored for ``shown`` under ``key`` (None: none, another one, or damaged)."""
        if not self.looking:
            return None
        try:
            row = self._cursor().execute("SELECT digest, data FROM reads WHERE path = ?", (shown,)).fetchone()
            if row is None or row[0] != key:
                return None
            blob = signed_part(self.key, row[1], key.encode())
            return None if blob is None else decode(blob, path, signed=True)
        except sqlite3.Error:
            self.looking = False  # unreadable: read every article as before
            self.active = self.store
            return None
        except Exception:  # a damaged row: read this article as before
            return None

    def keep(self, shown: str, slug: str, key: str, document: Document) -> None:
        """Remember ``document`` (read from ``shown`` with ``key``) for :func:`save_reads`."""
        if not self.store:
            return
        stored = self.stored
        if stored is not None and stored.get(shown) == (slug, key):
            return  # stored as it is (which _write would keep, not write again)
        with contextlib.suppress(Uncacheable, RecursionError, ValueError):
            self.kept.append((shown, slug, key, with_signature(self.key, encode(document), key.encode())))

    def take(self) -> list[Entry]:
        """The documents kept so far (a worker hands them to the parent), forgotten here."""
        kept, self.kept = self.kept, []
        return kept

    def _cursor(self) -> sqlite3.Cursor:
        """The one cursor every look-up goes through (a cursor per look-up would add to the
        connection's list of its cursors, one per article, until a collection)."""
        if self._lookups is None or self._pid != os.getpid():  # a forked worker opens its own
            self._lookups = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, timeout=30).cursor()
            self._pid = os.getpid()
        return self._lookups


def _stored_digests(path: Path) -> dict[str, tuple[str, str]] | None:
    """Name -> (slug, digest) of each document stored at ``path`` (None when it cannot be read)."""
    try:
        with contextlib.closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)) as db:
            return {
                name: (slug, key) for name, slug, key in db.execute("SELECT path, slug, digest FROM reads")
            }
    except sqlite3.Error:
        return None


def save_reads(root: Path, entries: Iterable[Entry], present: Callable[[str, str], bool]) -> None:
    """Store ``entries`` in the project at ``root``, and drop every other row for which
    ``present(path, slug)`` is False (an article gone, or renamed). A file that cannot be written is
    left alone, a damaged one replaced: never an error."""
    rows = list(entries)
    if not rows and not (root / READS).is_file():
        return
    write_or_start_anew(root / READS, lambda anew: _write(root / READS, rows, present))


def _write(path: Path, rows: list[Entry], present: Callable[[str, str], bool]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    unlink_link(path)
    with contextlib.closing(sqlite3.connect(path, timeout=30)) as db, db:
        db.execute(
            "CREATE TABLE IF NOT EXISTS reads (path TEXT PRIMARY KEY, slug TEXT, digest TEXT, data BLOB)"
        )
        stored = {name: (slug, key) for name, slug, key in db.execute("SELECT path, slug, digest FROM reads")}
        rows = [row for row in rows if stored.get(row[0]) != (row[1], row[2])]  # (unchanged: not rewritten)
        written = {row[0] for row in rows}
        gone = [
            (name,) for name, (slug, _) in stored.items() if name not in written and not present(name, slug)
        ]
        if rows or gone:  # else the file is left as it was (a run that read nothing writes nothing)
            db.executemany(
                "INSERT OR REPLACE INTO reads (path, slug, digest, data) VALUES (?, ?, ?, ?)", rows
            )
            db.executemany("DELETE FROM reads WHERE path = ?", gone)
