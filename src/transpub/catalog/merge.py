"""Templates from units, and msgmerge-like updates of locale catalogs (no churn, never lossy)."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import NamedTuple, cast

import polib

from transpub.catalog import headers
from transpub.catalog.entries import has_translation
from transpub.catalog.headers import charset_of, format_date, is_utf8, locale_metadata, template_metadata
from transpub.catalog.notes import translator_lines
from transpub.catalog.pofile import (
    catalog_blocks,
    comment_lines,
    flag_line,
    format_catalog,
    format_entries,
    format_entry,
    format_header,
    format_msgids,
    reference_lines,
)
from transpub.catalog.reader import decode_catalog, parse_catalog, unescape
from transpub.catalog.update_report import UpdateReport
from transpub.errors import CatalogError
from transpub.fsutil import WriteBatch, locked, write_if_changed
from transpub.model import LEGEND_NOTE, ONE_LINE_NOTES, Placeholder, Unit
from transpub.provenance import PROVENANCE_PREFIX, is_machine_translation

_Key = tuple[str | None, str]
_FIELDS_FROM_TEMPLATE = ("Report-Msgid-Bugs-To", "POT-Creation-Date")


def _legend(unit: Unit) -> str | None:
    if not unit.placeholders:
        return None
    return LEGEND_NOTE + "; ".join(p.legend() for p in unit.placeholders)


@functools.lru_cache(maxsize=1024)
def _placeholder_legend(number: int, tag: str, paired: bool, shows: str, href: str, kind: str) -> str:
    """:meth:`Placeholder.legend` of the placeholder with these fields (remembered: the placeholders
    of a run's articles are mostly the same few)."""
    return Placeholder(number, tag, paired, shows, href, kind).legend()


def _unit_legend(placeholders: tuple[Placeholder, ...]) -> str:
    """:func:`_legend` of a unit with ``placeholders`` (not empty), each line remembered."""
    if len(placeholders) == 1:
        only = placeholders[0]
        return LEGEND_NOTE + _placeholder_legend(
            only.number, only.tag, only.paired, only.shows, only.href, only.kind
        )
    return LEGEND_NOTE + "; ".join(
        [_placeholder_legend(p.number, p.tag, p.paired, p.shows, p.href, p.kind) for p in placeholders]
    )


def build_template(
    units: Sequence[Unit], *, project_name: str, creation_date: datetime | None = None
) -> polib.POFile:
    """A POT with one entry per unit, in order: references, notes, placeholder legend, flags."""
    return _with_entries(template_header(project_name, creation_date), units)


def template_header(project_name: str, creation_date: datetime | None = None) -> polib.POFile:
    """The template of ``project_name``'s articles without its entries: its header (see
    :func:`unit_texts`)."""
    template = polib.POFile(wrapwidth=79)
    template.header = f"Translation template for {project_name}."
    if creation_date is None:  # now: the fields of this minute's templates, made once
        template.metadata = dict(_template_fields(project_name, _revision_date()))
    else:
        template.metadata = template_metadata(project_name, creation_date)
    template.metadata_is_fuzzy = True
    return template


@functools.lru_cache(maxsize=8)
def _template_fields(project_name: str, creation_date: str) -> dict[str, str]:
    """The header fields of ``project_name``'s templates made at ``creation_date`` (as a header
    writes it; a copy is taken of them)."""
    fields = template_metadata(project_name, None)
    fields["POT-Creation-Date"] = creation_date
    return fields


def _with_entries(header: polib.POFile, units: Sequence[Unit]) -> polib.POFile:
    """The template with ``header`` (its header fields the same dict) and one entry per unit."""
    template = polib.POFile(wrapwidth=79)
    template.header = header.header
    template.metadata = header.metadata
    template.metadata_is_fuzzy = header.metadata_is_fuzzy
    for unit in units:
        template.append(
            polib.POEntry(
                msgid=unit.msgid,
                msgstr="",
                comment=_comment(unit),
                occurrences=[(ref, "") for ref in unit.refs],
                flags=list(unit.flags),
            )
        )
    return template


def _in_order(notes: tuple[str, ...]) -> tuple[str, ...]:
    """``notes`` with the ones an author wrote first, then the ones transpub writes on one line (each
    in its order): a line that begins otherwise after one of those is read as the rest of it, which
    a tool that wraps comments cut (see :func:`~transpub.catalog.notes.note_lines`). Each line of a
    note is without the white space around it (see :func:`_trimmed`).

    >>> _in_order(("Table cell: row 'Price'", "Say it in full"))
    ('Say it in full', "Table cell: row 'Price'")
    """
    if len(notes) < 2:
        return tuple(map(_trimmed, notes))
    return tuple(sorted(map(_trimmed, notes), key=lambda note: note.startswith(ONE_LINE_NOTES)))


def _trimmed(note: str) -> str:
    """``note`` with each line without the white space around it (an author's note over lines of
    indented HTML): Poedit reads a ``#.`` line so and saves it so, and extract would write back what
    it took away at every save.

    >>> _trimmed("Keep it short.\\n    Read aloud at the pier.  ")
    'Keep it short.\\nRead aloud at the pier.'
    """
    if "\n" not in note and note == note.strip():
        return note
    return "\n".join(line.strip() for line in note.strip().split("\n"))


def _comment(unit: Unit) -> str:
    """The ``#.`` comment of ``unit``'s entry: its notes, then its placeholders' legend."""
    notes = [line for note in _in_order(unit.notes) for line in note.split("\n")]
    legend = _legend(unit)
    if legend:
        notes.append(legend)
    return "\n".join(notes)


@dataclass(frozen=True)
class TemplateTexts:
    """What the template and every catalog made from it share, worked out once per template.

    ``entries``: :func:`~transpub.catalog.pofile.format_entries` of the template. ``fresh``: the
    entries a new catalog holds, in order, each with its text and where its ``#.`` lines end in that
    text (-1 when :func:`_new_entry` changes more than its comment: it is then written anew);
    ``count``: the entries a new catalog counts as new. ``pieces``: a new catalog's entries (its
    header aside) as every locale writes them, in UTF-8, each run of entries that are the same in
    every locale's catalog joined into one piece, the others (from ``fresh``) worked out per locale.
    """

    entries: Sequence[str]
    fresh: tuple[tuple[polib.POEntry | _Source, str, int], ...]
    count: int
    pieces: tuple[bytes | tuple[polib.POEntry | _Source, str, int], ...]
    #: The entries' texts as the template writes them after its header (:func:`catalog_blocks`).
    blocks: Sequence[str]
    #: The template with its entries (:func:`unit_texts`, which makes them only when asked), or None:
    #: the template the caller has is the whole template.
    full: Callable[[], polib.POFile] | None = None
    #: The blocks in UTF-8, joined by newlines (as in the template), when known (:func:`unit_texts`).
    body: bytes | None = None

    @functools.cached_property
    def kept(self) -> tuple[tuple[str, str, int, str], ...] | None:
        """The template's entries as :func:`_kept_catalog` compares a catalog's with them: each
        entry's msgid, its ``#.`` and ``#:`` lines (``head``), where its ``#.`` lines end in them,
        and its msgctxt and msgid lines. None when some entry is not of that simple kind (no flags,
        no plural, copied unchanged by :func:`_new_entry`; msgids unique; no reference that the
        reader refuses), or when a new catalog counts entries it does not write."""
        if len(self.fresh) != self.count:
            return None
        kept = []
        keys = set()
        for source, text, end in self.fresh:
            if end < 0 or source.flags or not text.endswith(_EMPTY_MSGSTR):
                return None
            if any(not line and name.endswith("\\") for name, line in source.occurrences):
                return None
            keys.add(_key(source))
            cut = 0 if text.startswith("msg") else text.find("\nmsg") + 1
            kept.append((source.msgid, text[:cut], end, text[cut : -len(_EMPTY_MSGSTR)]))
        return tuple(kept) if len(keys) == len(kept) else None


_EMPTY_MSGSTR = 'msgstr ""\n'


def template_texts(
    template: polib.POFile,
    entry_texts: Sequence[str] | None = None,
    *,
    noted: Collection[str] | None = None,
) -> TemplateTexts:
    """The :class:`TemplateTexts` of ``template`` (``entry_texts``: its formatted entries, when known).

    ``noted``: the msgids whose entries may get notes (``notes_for`` gives every other msgid none),
    when the caller knows them: the entries of the others are the same in every locale's catalog.
    """
    entries = format_entries(template) if entry_texts is None else entry_texts
    fresh: list[tuple[polib.POEntry | _Source, str, int]] = []
    count = 0
    for source, text in zip(template, entries, strict=True):
        if source.obsolete or (source.msgid == "" and source.msgctxt is None):
            continue  # as merge_catalog
        count += 1
        if source.msgid == "" and not source.msgctxt:
            continue  # as format_catalog
        end = len(comment_lines("#.", source.comment)) if _copied_unchanged(source) else -1
        fresh.append((source, text, end))
    blocks = catalog_blocks(template, entries)
    return TemplateTexts(entries, tuple(fresh), count, _pieces(fresh, noted), blocks)


def _pieces(
    fresh: Sequence[tuple[polib.POEntry | _Source, str, int]], noted: Collection[str] | None
) -> tuple[bytes | tuple[polib.POEntry | _Source, str, int], ...]:
    """The :attr:`TemplateTexts.pieces` of the entries ``fresh`` (see :func:`template_texts`)."""
    pieces: list[bytes | tuple[polib.POEntry | _Source, str, int]] = []
    same: list[str] = []  # entries written alike in every locale, not joined yet
    for item in fresh:
        if item[2] >= 0 and noted is not None and item[0].msgid not in noted:
            same.append(item[1])
            continue
        if same:
            pieces.append(_encoded(same))
            same = []
        pieces.append(item)
    if same:
        pieces.append(_encoded(same))
    return tuple(pieces)


def _encoded(texts: list[str]) -> bytes:
    """``texts`` joined by newlines, in UTF-8 (each encoded alone: most are ASCII, copied as they are,
    which the text of them all is not when one holds a character beyond Latin-1)."""
    return b"\n".join([text.encode("utf-8") for text in texts])


class _Source(NamedTuple):
    """What catalogs need of a template entry made from a unit (:func:`unit_texts`): no polib entry."""

    msgid: str
    flags: tuple[str, ...]
    occurrences: list[tuple[str, str]]
    msgctxt: None = None


def unit_texts(
    units: Sequence[Unit], header: polib.POFile, *, noted: Collection[str] | None = None
) -> TemplateTexts:
    """:func:`template_texts` of the template with ``header`` (:func:`template_header`) and an entry
    per unit, as :func:`build_template` makes it, worked out from the units: no polib entry is made
    until a catalog must be merged entry by entry (:attr:`TemplateTexts.full`). The template written
    and the catalogs made from it are the same as with that template."""
    made: list[polib.POFile] = []

    def full() -> polib.POFile:
        if not made:
            made.append(_with_entries(header, units))
        return made[0]

    sources = [unit.msgid for unit in units]
    if "" in sources:  # an entry that catalogs leave out: the general way
        return replace(template_texts(full(), noted=noted), full=full)
    wraps = [not unit.flags or "no-wrap" not in unit.flags for unit in units]
    msgids = format_msgids(sources, wraps)
    new_source = tuple.__new__  # (a _Source without a Python call)
    noted_lines: dict[tuple[str, ...], str] = {}  # the sentences of a paragraph share its notes
    entries = []
    fresh: list[tuple[polib.POEntry | _Source, str, int]] = []
    for unit, msgid in zip(units, msgids, strict=True):
        notes = unit.notes
        head = noted_lines.get(notes) if notes else ""
        if head is None:
            head = noted_lines[notes] = comment_lines("#.", "\n".join(_in_order(notes)))
        if unit.placeholders:
            legend = comment_lines("#.", _unit_legend(unit.placeholders))
            head = head + legend if head or not notes else "#.\n" + legend  # (notes, all empty: a line)
        end = len(head)
        refs = unit.refs
        if len(refs) == 1:  # (most units)
            ref = refs[0]
            occurrences = [(ref, "")]
            head += f"#: {ref}\n" if not ref.startswith("./") else reference_lines(occurrences)
        else:
            occurrences = [(ref, "") for ref in refs]
            if refs:
                head += reference_lines(occurrences)
        if unit.flags:
            head += flag_line(unit.flags, translated=False)[1]
        text = f"{head}{msgid}{_EMPTY_MSGSTR}"
        entries.append(text)
        fresh.append((new_source(_Source, (unit.msgid, unit.flags, occurrences, None)), text, end))
    pieces = _pieces(fresh, noted)
    body = b"\n".join([piece if isinstance(piece, bytes) else piece[1].encode("utf-8") for piece in pieces])
    return TemplateTexts(entries, tuple(fresh), len(units), pieces, entries, full, body)


#: The creation date in a template's header, as transpub (and msgcat) write it: one field per line.
_CREATION_DATE = re.compile(rb'^"POT-Creation-Date: ((?:[^"\\\n]|\\[^n])*)\\n"$', re.M)


def write_template(
    template: polib.POFile,
    path: Path | str,
    *,
    batch: WriteBatch | None = None,
    texts: TemplateTexts | None = None,
    absent: bool = False,
) -> bool:
    """Write a POT unless the existing one differs only in POT-Creation-Date; True if written.

    When nothing else changed, ``template`` keeps the date of the file on disk (so the catalogs
    merged from it keep theirs too). The old file is not parsed: its date is read from its header
    and the new text, written with that date, compared byte for byte (a broken or hand-edited
    template differs, and is simply written anew). ``batch``: the caller holds the file's lock in
    that batch, which writes the file when it is committed; else the file is locked and written now.
    ``texts``: :func:`template_texts` of ``template``, when the caller has them (they are the same
    in every catalog made from it), or :func:`unit_texts` made with ``template`` as header.
    ``absent``: with ``batch``, the caller found nothing at ``path`` (no file, no link) under the
    lock: there is no old file to read.
    """
    if batch is not None:
        try:
            old: bytes | None = None if absent else Path(path).read_bytes()
        except FileNotFoundError:
            old = None
        data = _template_bytes(template, old, texts)
        if data is not None:  # made from the article: written again if lost
            batch.write(path, data, durable=False, new=old is None)
        return data is not None
    path = Path(path)
    with locked(path):
        try:
            old = path.read_bytes()
        except FileNotFoundError:
            old = None
        data = _template_bytes(template, old, texts)
        if data is None:
            return False
        return write_if_changed(path, data, durable=False)


def _template_bytes(template: polib.POFile, old: bytes | None, texts: TemplateTexts | None) -> bytes | None:
    """The bytes to write to the template whose file holds ``old``; None when they are the same (see
    :func:`write_template`)."""
    new_date = template.metadata.get("POT-Creation-Date", "")
    if texts is not None and texts.body is not None:
        body = texts.body
    else:
        body = "\n".join(catalog_blocks(template) if texts is None else texts.blocks).encode("utf-8")
    header = old[: old.find(b"\n\n")] if old is not None else b""
    found = _CREATION_DATE.search(header)
    if old is not None and found is not None:
        template.metadata["POT-Creation-Date"] = found.group(1).decode("utf-8", "replace")
        data = _with_header(template, body)
        if data == old:
            return None
        template.metadata["POT-Creation-Date"] = new_date
    data = _with_header(template, body)
    return None if data == old else data


def _with_header(template: polib.POFile, body: bytes) -> bytes:
    """The bytes of ``template``'s file: its header, then ``body`` (its entries) after a newline."""
    header = format_header(template).encode("utf-8")
    return header + b"\n" + body if body else header


def _key(entry: polib.POEntry) -> _Key:
    return (entry.msgctxt, entry.msgid)


def _new_entry(source: polib.POEntry, extra_notes: Sequence[str]) -> polib.POEntry:
    comment = "\n".join(filter(None, [source.comment, *extra_notes]))
    entry = polib.POEntry(
        msgid=source.msgid,
        msgctxt=source.msgctxt,
        msgstr="",
        comment=comment,
        occurrences=list(source.occurrences),
        flags=list(source.flags),
    )
    if source.msgid_plural:
        entry.msgid_plural = source.msgid_plural
    return entry


def _copy_translation(target: polib.POEntry, old: polib.POEntry, *, plural_count: int) -> None:
    target.tcomment = old.tcomment
    for flag in old.flags:
        if flag not in target.flags:
            target.flags.append(flag)
    if target.msgid_plural:
        old_plural = {int(k): v for k, v in (old.msgstr_plural or {}).items()}
        if not old_plural and old.msgstr:
            old_plural = {0: old.msgstr}
        target.msgstr_plural = {i: old_plural.get(i, "") for i in range(plural_count)}
    else:
        target.msgstr = old.msgstr if not old.msgid_plural else (old.msgstr_plural or {}).get(0, "")


def _without_machine_provenance(comment: str | None) -> str:
    """A translator comment without its line saying the translation is machine output (see
    :func:`~transpub.catalog.entries.is_machine_translation`): the translation was reviewed since.

    >>> _without_machine_provenance("Ask Li\\ntranspub: machine translation by deepl (en→de) on 2026-11-25")
    'Ask Li'
    """
    return "\n".join(
        line
        for line in translator_lines(comment)
        if not (line.startswith(PROVENANCE_PREFIX) and is_machine_translation(line[len(PROVENANCE_PREFIX) :]))
    )


def _plural_count(po: polib.POFile) -> int:
    forms = po.metadata.get("Plural-Forms", "")
    for part in forms.split(";"):
        name, _, value = part.strip().partition("=")
        if name == "nplurals" and value.strip().isdigit():
            return int(value)
    return 2


def _empty_catalog(template: polib.POFile, locale: str) -> polib.POFile:
    po = polib.POFile(wrapwidth=79)
    po.header = (template.header or "").replace("Translation template", f"{locale} translation")
    po.metadata = locale_metadata(template, locale)
    po.metadata_is_fuzzy = False
    return po


def _merged_header(old: polib.POFile, template: polib.POFile) -> polib.POFile:
    """A catalog with no entries yet and the header :func:`merge_catalog` gives ``old`` merged with
    ``template``: as msgmerge, the catalog's own header (Poedit's X-Generator, Last-Translator,
    revision date, field order...) stays; only the fields of :data:`_FIELDS_FROM_TEMPLATE` come from
    the template."""
    merged = polib.POFile(wrapwidth=79)
    merged.header = old.header
    merged.metadata = dict(old.metadata)
    merged.metadata_is_fuzzy = old.metadata_is_fuzzy
    for field in _FIELDS_FROM_TEMPLATE:
        if field in template.metadata:
            merged.metadata[field] = template.metadata[field]
    return merged


def merge_catalog(
    old: polib.POFile,
    template: polib.POFile,
    *,
    fuzzy_matching: bool = True,
    fuzzy_threshold: float = 0.6,
    purge_obsolete: bool = False,
    notes_for: Callable[[str], Sequence[str]] | None = None,
) -> tuple[polib.POFile, UpdateReport]:
    """Merge ``old`` translations into ``template``'s entries, like ``msgmerge --previous``.

    Exact matches keep translation, translator comments and flags (a reviewed entry stays
    reviewed); a changed source takes the closest old translation as fuzzy with ``#| msgid``;
    unmatched translated entries become obsolete (or are dropped with ``purge_obsolete``).
    """
    if not 0 <= fuzzy_threshold <= 1:
        raise ValueError(f"fuzzy_threshold must be from 0 to 1, not {fuzzy_threshold!r}")
    merged = _merged_header(old, template)
    nplurals = _plural_count(merged)

    live = {_key(e): e for e in old if not e.obsolete and not (e.msgid == "" and e.msgctxt is None)}
    dead = {_key(e): e for e in old if e.obsolete}
    used: set[_Key] = set()
    revived: set[_Key] = set()
    counts = {"new": 0, "kept": 0, "fuzzy_matched": 0}
    unmatched: list[tuple[polib.POEntry, polib.POEntry]] = []
    for source in template:
        if source.obsolete or (source.msgid == "" and source.msgctxt is None):
            continue
        entry = _new_entry(source, notes_for(source.msgid) if notes_for else ())
        if entry.msgid_plural:
            entry.msgstr_plural = dict.fromkeys(range(nplurals), "")  # as many forms as the locale has
        key = _key(source)
        previous = live.get(key)
        if previous is None and key in dead:
            previous = dead[key]
            revived.add(key)
        if previous is not None:
            used.add(key)
            _copy_translation(entry, previous, plural_count=nplurals)
            if "fuzzy" in entry.flags:
                entry.previous_msgctxt = previous.previous_msgctxt
                entry.previous_msgid = previous.previous_msgid
                entry.previous_msgid_plural = previous.previous_msgid_plural
            counts["kept"] += 1
        else:
            unmatched.append((source, entry))
        merged.append(entry)

    candidates = {key: e for key, e in live.items() if key not in used and has_translation(e)}
    if fuzzy_matching and candidates and unmatched:
        from rapidfuzz import fuzz, process  # only when a changed unit may keep an old translation

        keys = list(candidates)
        choices = [key[1] for key in keys]
        cutoff = fuzzy_threshold * 100
        for source, entry in unmatched:
            best = process.extractOne(source.msgid, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            if best is None:
                continue
            old_entry = candidates[keys[best[2]]]
            used.add(keys[best[2]])
            _copy_translation(entry, old_entry, plural_count=nplurals)
            if "fuzzy" not in old_entry.flags:  # someone reviewed it: no machine output any more
                entry.tcomment = _without_machine_provenance(entry.tcomment)
            if "fuzzy" not in entry.flags:
                entry.flags.insert(0, "fuzzy")
            entry.previous_msgctxt = old_entry.msgctxt
            entry.previous_msgid = old_entry.msgid
            if old_entry.msgid_plural:
                entry.previous_msgid_plural = old_entry.msgid_plural
            counts["fuzzy_matched"] += 1
    counts["new"] = len(unmatched) - counts["fuzzy_matched"]

    obsoleted = purged = 0
    for key, old_entry in live.items():
        if key in used or not has_translation(old_entry):
            continue
        if purge_obsolete:
            purged += 1
            continue
        merged.append(_as_obsolete(old_entry))
        obsoleted += 1
    for key, old_entry in dead.items():
        if key in revived:
            continue
        if purge_obsolete:
            purged += 1
            continue
        merged.append(old_entry)
    report = UpdateReport(
        new=counts["new"],
        kept=counts["kept"],
        fuzzy_matched=counts["fuzzy_matched"],
        obsoleted=obsoleted,
        purged=purged,
    )
    return merged, report


def _new_catalog_bytes(
    template: polib.POFile,
    locale: str,
    notes_for: Callable[[str], Sequence[str]] | None,
    texts: TemplateTexts | None,
) -> tuple[bytes, int]:
    """``format_catalog(merge_catalog(_empty_catalog(template, locale), template))`` in UTF-8 for a
    catalog that has no entries yet, and the number of its entries (all new), without building the
    merged catalog: its header is made once per locale and minute, an entry that :func:`_new_entry`
    copies unchanged is the template's text (with the glossary's notes, if any, after its ``#.``
    lines), and the entries that are the same in every locale's catalog are encoded once for all
    (``texts``, else worked out here)."""
    if texts is None:
        texts = template_texts(template)
    header, nplurals = _new_catalog_header(
        template.header, tuple(template.metadata.items()), locale, _revision_date()
    )
    blocks = [header]
    for piece in texts.pieces:
        if type(piece) is bytes:
            blocks.append(piece)
            continue
        source, text, end = cast(tuple[polib.POEntry, str, int], piece)
        notes = notes_for(source.msgid) if notes_for is not None else ()
        if end < 0:
            text = _new_entry_text(source, notes, nplurals)
        elif notes:
            text = text[:end] + "".join(comment_lines("#.", note) for note in notes if note) + text[end:]
        blocks.append(text.encode("utf-8"))
    return b"\n".join(blocks), texts.count


def _new_entry_text(source: polib.POEntry, notes: Sequence[str], nplurals: int) -> str:
    """The text of ``source``'s entry in a new catalog whose locale has ``nplurals`` forms."""
    entry = _new_entry(source, notes)
    if entry.msgid_plural:
        entry.msgstr_plural = dict.fromkeys(range(nplurals), "")
    return format_entry(entry)


#: The minute of the last revision date made, and that date as a header writes it.
_REVISION: list[object] = [None, ""]


def _revision_date() -> str:
    """The current time as a header writes it (a new catalog's PO-Revision-Date, as
    :func:`locale_metadata` sets it, a template's POT-Creation-Date), from the clock they ask,
    formatted once a minute."""
    now = headers.datetime.now(UTC)
    minute = now.replace(second=0, microsecond=0)
    if _REVISION[0] != minute:
        _REVISION[:] = [minute, format_date(now)]
    return str(_REVISION[1])


@functools.lru_cache(maxsize=64)
def _new_catalog_header(
    header: str | None, fields: tuple[tuple[str, str], ...], locale: str, revision: str
) -> tuple[bytes, int]:
    """The header (in UTF-8) of a new catalog for ``locale`` made from a template with this ``header`` and
    these ``fields`` at the time ``revision``, and the number of plural forms it names: as
    :func:`merge_catalog` of an empty catalog writes it (remembered: the articles of a run share it)."""
    template = polib.POFile()
    template.header = header
    template.metadata = dict(fields)
    empty = _empty_catalog(template, locale)
    empty.metadata["PO-Revision-Date"] = revision
    header_only = polib.POFile()
    header_only.metadata = template.metadata
    merged, _ = merge_catalog(empty, header_only, fuzzy_matching=False)
    return format_catalog(merged).encode("utf-8"), _plural_count(merged)


def _copied_unchanged(source: polib.POEntry) -> bool:
    """True when :func:`_new_entry` (without notes) makes an entry that is written as ``source`` is."""
    return not (
        source.msgstr
        or source.tcomment
        or source.msgid_plural
        or source.msgstr_plural
        or source.previous_msgctxt is not None
        or source.previous_msgid is not None
        or source.previous_msgid_plural is not None
    )


def _as_obsolete(entry: polib.POEntry) -> polib.POEntry:
    dead = polib.POEntry(
        msgid=entry.msgid,
        msgctxt=entry.msgctxt,
        msgstr=entry.msgstr,
        tcomment=entry.tcomment,
        flags=list(entry.flags),
        obsolete=True,
    )
    if entry.msgid_plural:
        dead.msgid_plural = entry.msgid_plural
        dead.msgstr_plural = dict(entry.msgstr_plural)
    return dead


def update_catalog(
    path: Path | str,
    template: polib.POFile,
    locale: str,
    *,
    fuzzy_matching: bool = True,
    fuzzy_threshold: float = 0.6,
    purge_obsolete: bool = False,
    notes_for: Callable[[str], Sequence[str]] | None = None,
    batch: WriteBatch | None = None,
    texts: TemplateTexts | None = None,
    absent: bool = False,
) -> UpdateReport:
    """Create or update ``path`` (the PO for ``locale``) from ``template`` under an exclusive lock.

    The existing file is read inside the lock and merged. It is rewritten (atomically) only when
    its content changes: not for a difference in line wrapping or charset alone, so a catalog a
    translator saved in Poedit stays byte for byte as saved until its source changes. A broken
    existing file raises CatalogError and is left untouched. ``batch``: the caller holds the
    file's lock (:func:`transpub.fsutil.lock_path`) in that batch, which writes the file when it is
    committed; else the file is locked and written now. ``texts``: as for :func:`write_template`
    (with those of :func:`unit_texts`, ``template`` is its header alone). ``absent``: as for
    :func:`write_template` (a new catalog, made without a look for an old one).
    """
    options = (fuzzy_matching, fuzzy_threshold, purge_obsolete, notes_for, texts)
    if batch is not None:
        if absent:
            data, new = _new_catalog_bytes(template, locale, notes_for, texts)
            batch.write(path, data, new=True)
            return UpdateReport(new=new, written=True)
        return _update(Path(path), template, locale, options, batch)
    path = Path(path)
    with locked(path):
        return _update(path, template, locale, options, None)


_UpdateOptions = tuple[bool, float, bool, Callable[[str], Sequence[str]] | None, TemplateTexts | None]


#: An entry's translator comment lines: ``#`` lines of none of the other kinds (``#.``, ``#:``,
#: ``#,``, ``#|``, ``#~``, ``#!``).
_TRANSLATOR_LINES = re.compile(r"(?:#(?:[^.:,!~|\n][^\n]*)?\n)*")
_STRING = r'"([^"\\\n]*(?:\\.[^"\\\n]*)*)"\n'
#: A msgstr as the reader reads one (stricter: one space after the keyword, none after a string):
#: the contents of its first string, and its further strings.
_MSGSTR_FIELD = re.compile(r"msgstr " + _STRING + r"((?:" + _STRING.replace("(", "(?:", 1) + r")*)")
_MORE_STRINGS = re.compile(_STRING)


def _kept_catalog(
    text: str,
    template: polib.POFile,
    texts: TemplateTexts,
    notes_for: Callable[[str], Sequence[str]] | None,
) -> UpdateReport | None:
    """What :func:`_update` reports for the catalog ``text`` (as the reader decodes it) when merging
    it with ``template`` changes nothing a catalog writes (it then needs no rewrite), worked out
    without parsing its entries or formatting any text. None when that is not shown this way: the
    catalog is then merged in full, which also says what is wrong with a broken one.

    Shown this way: a valid header whose fields from the template are the template's; then every
    entry of the template, in order, with nothing else: each has the ``#.`` lines (the glossary's
    notes too), ``#:`` lines, msgctxt and msgid lines of the template's text, and only what a
    translator adds, in a form the reader reads (a translator comment, one ``#,`` line, a msgstr).
    Each merged entry then takes those parts from the catalog's, and the rest of it is what the
    catalog's entry reads as: the merged catalog is written as the catalog read is (``_update``
    leaves the file alone, whatever its wrapping or charset, as after a full merge).
    """
    kept = texts.kept
    cut = text.find("\n\n")
    if kept is None or cut < 0 or "\\\n" in text or "\r" in text or text[:1] == "\ufeff":
        return None  # (lines joined, or kept apart, by the reader in ways not followed here)
    fields = _header_fields(text[: cut + 1])
    if fields is None or any(
        name in template.metadata and template.metadata[name] != value
        for name, value in zip(_FIELDS_FROM_TEMPLATE, fields, strict=True)
    ):
        return None
    position = cut + 2
    translator_lines, msgstr_field, more_strings = _TRANSLATOR_LINES.match, _MSGSTR_FIELD.match, _MORE_STRINGS
    size = len(text)
    for msgid, head, end, ids in kept:
        found = translator_lines(text, position)
        if found is not None:  # (always: it matches nothing too)
            position = found.end()
        notes = notes_for(msgid) if notes_for is not None else ()
        if notes:
            head = head[:end] + "".join(comment_lines("#.", note) for note in notes if note) + head[end:]
        if not text.startswith(head, position):
            return None
        position += len(head)
        flags: list[str] = []
        if text.startswith("#,", position):
            stop = text.find("\n", position)
            if stop < 0:
                return None
            flags = [flag for flag in map(str.strip, text[position + 2 : stop].split(",")) if flag]
            position = stop + 1
        if not text.startswith(ids, position):
            return None
        field = msgstr_field(text, position + len(ids))
        if field is None:
            return None
        msgstr, more = field.groups()
        if more:
            msgstr += "".join(more_strings.findall(more))
        if "\\" in msgstr:
            try:
                msgstr = unescape(msgstr)
            except ValueError:
                return None
        if msgstr and "fuzzy" not in flags and not _newlines_agree(msgid, msgstr):
            return None  # the reader refuses such a catalog: merged in full, it says why
        position = field.end()
        if position < size and text[position] != "\n":
            return None
        position += 1
    if position != size + 1:
        return None
    return UpdateReport(kept=texts.count)


@functools.lru_cache(maxsize=256)
def _header_fields(header: str) -> tuple[str | None, ...] | None:
    """The values of :data:`_FIELDS_FROM_TEMPLATE` in ``header``, a catalog's first entry; None
    when it is not a valid header alone (remembered: the catalogs of a locale often share theirs)."""
    start = header.find('msgid ""\n')
    if start < 0 or (start and header[start - 1] != "\n"):
        return None
    if any(line[:1] not in ("m", '"') for line in header[start:-1].split("\n")):
        return None  # (what follows the header's strings belongs to the next entry)
    try:
        old = parse_catalog(header)
    except CatalogError:
        return None
    if len(old):
        return None
    return tuple(old.metadata.get(name) for name in _FIELDS_FROM_TEMPLATE)


def _newlines_agree(msgid: str, msgstr: str) -> bool:
    """Whether a translation begins and ends with a newline where its msgid does (else the reader
    refuses the catalog, as ``msgfmt -c``)."""
    return msgid.startswith("\n") == msgstr.startswith("\n") and msgid.endswith("\n") == msgstr.endswith("\n")


def _update(
    path: Path,
    template: polib.POFile,
    locale: str,
    options: _UpdateOptions,
    batch: WriteBatch | None,
) -> UpdateReport:
    """:func:`update_catalog`, its lock held."""
    fuzzy_matching, fuzzy_threshold, purge_obsolete, notes_for, texts = options
    try:
        old_data: bytes | None = path.read_bytes()
    except FileNotFoundError:
        old_data = None
    except OSError as exc:
        raise CatalogError(f"cannot read catalog: {exc.strerror or exc}", path) from exc
    if not old_data:  # no catalog yet (or an empty file, as a power cut may leave a new one: it held nothing)
        data, new = _new_catalog_bytes(template, locale, notes_for, texts)
        if batch is None:
            return UpdateReport(new=new, written=write_if_changed(path, data))
        batch.write(path, data, new=old_data is None)
        return UpdateReport(new=new, written=True)
    text = decode_catalog(old_data, path)
    report = _kept_catalog(
        text, template, texts if texts is not None else template_texts(template), notes_for
    )
    if report is not None:  # nothing to merge: the catalog is left as it is
        return report
    old = parse_catalog(text, path)
    old.fpath = str(path)
    merged, report = merge_catalog(
        old,
        texts.full() if texts is not None and texts.full is not None else template,
        fuzzy_matching=fuzzy_matching,
        fuzzy_threshold=fuzzy_threshold,
        purge_obsolete=purge_obsolete,
        notes_for=notes_for,
    )
    data = format_catalog(merged).encode("utf-8")
    if data != old_data and format_catalog(old).encode("utf-8") == data:
        return replace(report, written=False)  # the same catalog, written another way
    if batch is not None:
        written = data != old_data
        if written:
            batch.write(path, data)
    else:
        written = data != old_data and write_if_changed(path, data)
    charset = charset_of(old.metadata.get("Content-Type", ""))
    converted = charset if written and not is_utf8(charset) else None
    return replace(report, written=written, converted_from=converted)
