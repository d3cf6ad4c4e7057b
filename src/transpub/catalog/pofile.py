"""The PO text format: write exactly what ``msgcat --force-po`` writes (reading is in reader.py)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from pathlib import Path

import polib

from transpub.catalog.linebreak import find_line_starts, find_line_starts_each, text_width
from transpub.fsutil import write_if_changed

PAGE_WIDTH = 79
_NO_WRAP_WIDTH = 2**31 - 1

#: What each character that needs one becomes inside a PO string; the backslash comes first so
#: that the backslashes the others bring are not escaped again.
_ESCAPE_PAIRS = (
    ("\\", "\\\\"),
    ('"', '\\"'),
    ("\a", "\\a"),
    ("\b", "\\b"),
    ("\f", "\\f"),
    ("\n", "\\n"),
    ("\r", "\\r"),
    ("\t", "\\t"),
    ("\v", "\\v"),
)
_NEEDS_ESCAPE = re.compile(r'[\\"\a\b\f\n\r\t\v]')
_ESCAPED_CHARS = tuple(char for char, _ in _ESCAPE_PAIRS)

#: gettext's format languages in the order msgcat writes their flags.
_FORMAT_LANGUAGES = (
    "c",
    "objc",
    "python",
    "python-brace",
    "java",
    "java-printf",
    "csharp",
    "javascript",
    "scheme",
    "lisp",
    "elisp",
    "librep",
    "ruby",
    "sh",
    "awk",
    "lua",
    "object-pascal",
    "smalltalk",
    "qt",
    "qt-plural",
    "kde",
    "kde-kuit",
    "boost",
    "tcl",
    "perl",
    "perl-brace",
    "php",
    "gcc-internal",
    "gfc-internal",
    "ycp",
)
_FLAG_ORDER: dict[str, int] = {"fuzzy": 0}
for _n, _lang in enumerate(_FORMAT_LANGUAGES):
    _FLAG_ORDER[f"{_lang}-format"] = 10 + 3 * _n
    _FLAG_ORDER[f"no-{_lang}-format"] = 10 + 3 * _n
    _FLAG_ORDER[f"possible-{_lang}-format"] = 10 + 3 * _n
_FLAG_ORDER["wrap"] = 1000
_FLAG_ORDER["no-wrap"] = 1000


def escape(text: str) -> str:
    r"""Escape ``text`` as inside a PO string.

    >>> escape('say "hi"\tnow\n')
    'say \\"hi\\"\\tnow\\n'
    """
    if _NEEDS_ESCAPE.search(text) is None:
        return text
    for char, replacement in _ESCAPE_PAIRS:  # a few str.replace beat one str.translate
        if char in text:
            text = text.replace(char, replacement)
    return text


def _escaped_portions(value: str) -> list[str]:
    """``value`` escaped and split after each newline, as gettext does (a trailing newline makes no
    empty portion)."""
    for char, replacement in _ESCAPE_PAIRS:
        if char != "\n" and char in value:
            value = value.replace(char, replacement)
    parts = value.split("\n")
    portions = [part + "\\n" for part in parts[:-1]]
    if parts[-1]:
        portions.append(parts[-1])
    return portions


def format_field(prefix: str, name: str, value: str, *, wrap: bool = True) -> str:
    """One keyword and its quoted string, wrapped like msgcat (gettext write-po.c ``wrap()``).

    >>> print(format_field("", "msgid", "a\\nb"), end="")
    msgid ""
    "a\\n"
    "b"
    """
    if not value:
        return f'{prefix}{name} ""\n'
    width = PAGE_WIDTH - 2 - len(prefix) if wrap else _NO_WRAP_WIDTH
    if _NEEDS_ESCAPE.search(value) is None:
        # Nothing to escape and no newline: one portion, which usually fits after the keyword
        # (surely so if it would even with every character two columns wide).
        start = len(name) + 1
        if start + 2 * len(value) <= width or start + text_width(value) <= width:
            return f'{prefix}{name} "{value}"\n'
        return _wrap_portions(prefix, name, [value], False, width, first_fits=False)
    return _wrap_portions(prefix, name, _escaped_portions(value), value.endswith("\n"), width)


def _wrap_portions(
    prefix: str,
    name: str,
    portions: list[str],
    last_has_newline: bool,
    width: int,
    *,
    first_fits: bool | None = None,
) -> str:
    """The lines of a field from its escaped ``portions``.

    Every portion but the last ends with an escaped newline; the last does if ``last_has_newline``.
    ``first_fits`` is whether the first portion fits after the keyword, when the caller knows.
    """
    out: list[str] = []
    first = True
    last_index = len(portions) - 1
    for index, escaped in enumerate(portions):
        start = len(name) + 1 if first else 0
        more = index < last_index
        if index == 0 and first_fits is not None:
            fits = first_fits
        else:
            fits = start + text_width(escaped) <= width
        if fits:
            if first and more and escaped:
                out.append(f'{prefix}{name} ""\n')
                first = False
            head = f"{prefix}{name} " if first else prefix
            out.append(f'{head}"{escaped}"\n')
            first = False
            continue
        locked = []
        position = escaped.find("\\")
        while position != -1:
            locked.append(position + 1)  # gettext: a break may precede an escape, never split it
            position = escaped.find("\\", position + 2)
        if more or last_has_newline:
            locked.append(len(escaped) - 2)  # no break just before the final \n
        if first:
            # The text does not fit after the keyword. gettext then starts with `name ""` if the
            # text has any break opportunity; breaking from column 0 tells us that in one call,
            # unless the text fits in a full line, where we must ask with the real start column.
            starts = find_line_starts(escaped, locked, width, 0)
            if more or starts or find_line_starts(escaped, locked, width, start):
                out.append(f'{prefix}{name} ""\n')
                first = False
        else:
            starts = find_line_starts(escaped, locked, width, start)
        head = f"{prefix}{name} " if first else prefix
        bounds = [0, *starts, len(escaped)]
        lines = [escaped[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
        out.append(head + ('"\n' + prefix).join('"' + line for line in lines) + '"\n')
        first = False
    return "".join(out)


#: ``format_field`` for source texts: a msgid is written in the template and again in each locale's
#: catalog (seven locales: eight times), so its wrapping is worked out once.
format_source_field = functools.lru_cache(maxsize=4096)(format_field)


#: The longest text of one column per character that fits on the ``msgid`` line (``msgid "…"``).
_ONE_LINE_MSGID = PAGE_WIDTH - 2 - len("msgid ")


def format_msgids(msgids: Sequence[str], wraps: Sequence[bool]) -> list[str]:
    """``format_field("", "msgid", msgid, wrap=wrap)`` of each of ``msgids`` (an article's), the line
    breaks of those that :func:`format_field` breaks found in one search for them all
    (:func:`~transpub.catalog.linebreak.find_line_starts_each`: a search costs more than a sentence).

    A msgid (nothing to escape) wider than a line is broken from column 0, as format_field does
    first; one that fits on a line but not after ``msgid`` goes on a line of its own when it has a
    break opportunity at all (format_field's second search, from column 6, breaks it then, and only
    then: it overflows), which a search with a width of 1 shows (it breaks any text of two columns
    or more that has one) when libunistring counts its columns as transpub does (printable ASCII).
    """
    fields: list[str] = []
    wide: list[int] = []  # the indexes of the msgids wider than a line (their field made below)
    narrow: list[int] = []  # and of those that fit on a line of their own but not after ``msgid``
    joined = "".join(msgids)  # (a few scans of an article's text for a character cost less than a search)
    clean = not any(char in joined for char in _ESCAPED_CHARS)
    needs_escape = _NEEDS_ESCAPE.search
    for msgid, wrap in zip(msgids, wraps, strict=True):
        if (clean or needs_escape(msgid) is None) and msgid:
            if not wrap or (len(msgid) <= _ONE_LINE_MSGID and msgid.isascii()):
                fields.append(f'msgid "{msgid}"\n')
                continue
            width = text_width(msgid)
            if width <= _ONE_LINE_MSGID:
                fields.append(f'msgid "{msgid}"\n')
                continue
            if width > PAGE_WIDTH - 2:
                wide.append(len(fields))
                fields.append(msgid)
                continue
            if msgid.isascii() and msgid.isprintable():
                narrow.append(len(fields))
                fields.append(msgid)
                continue
        fields.append(format_source_field("", "msgid", msgid, wrap=wrap))
    if wide:
        texts = [fields[index] for index in wide]
        for index, text, starts in zip(
            wide, texts, find_line_starts_each(texts, PAGE_WIDTH - 2), strict=True
        ):
            if not starts:  # (no break from column 0: as format_field finds, with its second search)
                fields[index] = format_source_field("", "msgid", text)
                continue
            bounds = [0, *starts, len(text)]
            lines = [text[bounds[i] : bounds[i + 1]] for i in range(len(bounds) - 1)]
            fields[index] = 'msgid ""\n"' + '"\n"'.join(lines) + '"\n'
    if narrow:
        texts = [fields[index] for index in narrow]
        for index, text, starts in zip(narrow, texts, find_line_starts_each(texts, 1), strict=True):
            fields[index] = f'msgid ""\n"{text}"\n' if starts else f'msgid "{text}"\n'
    return fields


def comment_lines(marker: str, text: str) -> str:
    r"""``marker`` comment lines for ``text``, one per line of it.

    gettext joins a line that ends in a backslash with the next one, even in comments, so such a
    line gets a trailing space (msgcat keeps it, and reading it back gives the same comment).

    >>> comment_lines("#.", "Path: C:\\\nNext")
    '#. Path: C:\\ \n#. Next\n'
    """
    if not text:
        return ""
    if "\n" not in text:
        return f"{marker} {text} \n" if text[-1] == "\\" else f"{marker} {text}\n"
    return "".join(
        (f"{marker} {line} \n" if line[-1] == "\\" else f"{marker} {line}\n") if line else f"{marker}\n"
        for line in text.split("\n")
    )


def reference_lines(occurrences: list[tuple[str, str]]) -> str:
    """``#:`` lines, filled to 79 bytes like gettext (file names are never split; gettext measures
    a reference by its UTF-8 bytes, ``用户反馈`` 12, not by columns as it does the text).

    >>> print(reference_lines([("a.html#x/a(用户反馈)@title", ""), ("a.html#x/b(用户反馈)", "")]), end="")
    #: a.html#x/a(用户反馈)@title a.html#x/b(用户反馈)
    >>> print(reference_lines([("articles/qq.html#goTop/a(返回顶部)@title", ""), ("articles/qq.html#goTop/b(返回顶部)", "")]), end="")
    #: articles/qq.html#goTop/a(返回顶部)@title
    #: articles/qq.html#goTop/b(返回顶部)
    """
    if not occurrences:
        return ""
    if len(occurrences) == 1:  # the usual case: one reference, never wrapped
        file_name, line = occurrences[0]
        while file_name.startswith("./"):
            file_name = file_name[2:]
        return f"#: {file_name}:{line}\n" if line not in ("", None) else f"#: {file_name}\n"
    out = ["#:"]
    column = 2
    seen: set[str] = set()
    for file_name, line in occurrences:
        while file_name.startswith("./"):
            file_name = file_name[2:]
        ref = f"{file_name}:{line}" if line not in ("", None) else file_name
        if ref in seen:
            continue
        seen.add(ref)
        size = len(ref.encode("utf-8")) + 1
        if column > 2 and column + size > PAGE_WIDTH:
            out.append("\n#:")
            column = 2
        out.append(" " + ref)
        column += size
    out.append("\n")
    return "".join(out)


def sort_flags(flags: list[str] | tuple[str, ...], *, translated: bool) -> list[str]:
    """The flags msgcat keeps, in its order (unknown flags are dropped, as msgcat does).

    >>> sort_flags(["python-format", "custom", "fuzzy"], translated=True)
    ['fuzzy', 'python-format']
    """
    kept = {flag for flag in flags if flag in _FLAG_ORDER}
    if not translated:
        kept.discard("fuzzy")
    return sorted(kept, key=lambda flag: (_FLAG_ORDER[flag], flag))


def flag_line(flags: list[str] | tuple[str, ...], *, translated: bool) -> tuple[bool, str]:
    """Whether the entry's fields wrap, and its ``#,`` line as msgcat writes it ('' for none).

    >>> flag_line(["no-wrap", "python-format"], translated=False)
    (False, '#, python-format, no-wrap\\n')
    """
    if not flags:
        return True, ""
    kept = sort_flags(flags, translated=translated)
    return "no-wrap" not in flags, ("#, " + ", ".join(kept) + "\n") if kept else ""


def _first_msgstr(entry: polib.POEntry) -> str:
    if entry.msgid_plural:
        plural = entry.msgstr_plural or {}
        return plural.get(0, plural.get("0", "")) if plural else ""
    return entry.msgstr


def format_entry(entry: polib.POEntry) -> str:
    """One entry as msgcat writes it (without the separating blank line); "" for a dropped one."""
    translated = bool(_first_msgstr(entry) if entry.msgid_plural else entry.msgstr)
    obsolete = entry.obsolete
    if obsolete and not translated:
        return ""
    parts = []
    if entry.tcomment:
        parts.append(comment_lines("#", entry.tcomment))
    if entry.comment:
        parts.append(comment_lines("#.", entry.comment))
    if entry.occurrences:
        parts.append(reference_lines(entry.occurrences))
    wrap, flags = flag_line(entry.flags, translated=translated)
    if flags:
        parts.append(flags)
    previous = "#~| " if obsolete else "#| "
    if entry.previous_msgctxt is not None:
        parts.append(format_field(previous, "msgctxt", entry.previous_msgctxt, wrap=wrap))
    if entry.previous_msgid is not None:
        parts.append(format_field(previous, "msgid", entry.previous_msgid, wrap=wrap))
    if entry.previous_msgid_plural is not None:
        parts.append(format_field(previous, "msgid_plural", entry.previous_msgid_plural, wrap=wrap))
    prefix = "#~ " if obsolete else ""
    if entry.msgctxt is not None:
        parts.append(format_field(prefix, "msgctxt", entry.msgctxt, wrap=wrap))
    parts.append(format_source_field(prefix, "msgid", entry.msgid, wrap=wrap))
    if entry.msgid_plural:
        parts.append(format_source_field(prefix, "msgid_plural", entry.msgid_plural, wrap=wrap))
        plural = {int(k): v for k, v in (entry.msgstr_plural or {}).items()} or {0: "", 1: ""}
        for index in sorted(plural):
            parts.append(format_field(prefix, f"msgstr[{index}]", plural[index], wrap=wrap))
    else:
        parts.append(format_field(prefix, "msgstr", entry.msgstr, wrap=wrap))
    return "".join(parts)


def format_header(po: polib.POFile) -> str:
    """The header entry (``msgid ""``) with its translator comment and fuzzy flag."""
    return _format_header(po.header or "", bool(po.metadata_is_fuzzy), tuple(po.metadata.items()))


@functools.lru_cache(maxsize=256)
def _format_header(comment: str, fuzzy: bool, fields: tuple[tuple[str, str], ...]) -> str:
    """:func:`format_header`, remembered: the catalogs of one locale made in the same minute share
    their header."""
    parts = [comment_lines("#", comment)]
    if fuzzy:
        parts.append("#, fuzzy\n")
    parts.append('msgid ""\n')
    # Fields in the catalog's own order (a translator's tool may order them its way; msgcat keeps it).
    body = "".join(
        f"{key}: {_utf8_content_type(value) if key == 'Content-Type' else value}\n" for key, value in fields
    )
    parts.append(format_field("", "msgstr", body))
    return "".join(parts)


def _utf8_content_type(value: str) -> str:
    """We always write UTF-8, so the header must say so."""
    return re.sub(r"charset=[^;\s]*", "charset=UTF-8", value)


def format_catalog(po: polib.POFile, *, entry_texts: Sequence[str] | None = None) -> str:
    """The exact text ``msgcat --force-po`` writes for ``po`` (UTF-8, width 79).

    ``entry_texts``: :func:`format_entries` of ``po``, when the caller has them already.
    """
    return "\n".join([format_header(po), *catalog_blocks(po, entry_texts)])


def catalog_blocks(po: polib.POFile, entry_texts: Sequence[str] | None = None) -> list[str]:
    """The entries' texts in :func:`format_catalog` (after the header, each followed by a blank line
    but the last): the live ones in order, then the obsolete ones (``entry_texts``: as there)."""
    texts = format_entries(po) if entry_texts is None else entry_texts
    blocks = []
    obsolete = []
    for entry, text in zip(po, texts, strict=True):
        if entry.obsolete:
            if text:
                obsolete.append(text)
            continue
        if entry.msgid == "" and not entry.msgctxt:
            continue
        blocks.append(text)
    blocks.extend(obsolete)
    return blocks


def format_entries(po: polib.POFile) -> list[str]:
    """:func:`format_entry` of every entry of ``po``, in order ("" for a header-like entry, which
    :func:`format_catalog` leaves out)."""
    return [
        "" if not entry.obsolete and entry.msgid == "" and not entry.msgctxt else format_entry(entry)
        for entry in po
    ]


def write_catalog(po: polib.POFile, path: Path) -> bool:
    """Write ``po`` to ``path`` as msgcat would, atomically; skip when the bytes are unchanged."""
    return write_if_changed(Path(path), format_catalog(po).encode("utf-8"))
