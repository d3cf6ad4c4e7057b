"""The XLIFF workflow: catalogs → XLIFF files for an agency, and their work back into the catalogs.

Export writes one XLIFF per article and locale (or one per locale), import checks every file
before it writes any catalog: a file for another project or language, or broken XML, changes
nothing; a unit whose inline codes were dropped or misplaced is rejected alone.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path, PurePosixPath
from typing import Any

from rapidfuzz import fuzz, process

from .. import __version__, catalog
from ..errors import CatalogError, TranspubError
from ..fsutil import atomic_write_bytes
from ..inline import control_problem, placeholder_problem
from ..locales import bcp47_tag
from ..model import GLOSSARY_NOTE, LEGEND_NOTE, PARAGRAPH_NOTE
from ..project import Project
from ..provenance import MACHINE_TRANSLATION, is_machine_translation
from .codes import xml_text
from .languages import match_locale
from .omegat import MEMORY_FILES, PROJECT_FILE, Matches
from .tmx import TmxUnit, build_tmx
from .xliff import XliffError, XliffFile, XliffUnit, build_xliff, read_xliff, unit_id


@dataclass
class XliffExport:
    """What export wrote: file paths (relative to the project when inside it) and unit counts."""

    files: list[tuple[str, int]] = field(default_factory=list)
    #: A translation exported as not translated (import would refuse it), at its catalog's file:line.
    warnings: list[TranspubError] = field(default_factory=list)
    #: How many articles the project has, and the slugs of those with no catalog of the locale (not
    #: extracted yet, or extract could not read them): left out of the export. When no article has one,
    #: nothing is written.
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    #: With ``machine_tmx``: the file written, and how many machine translations it holds.
    machine_file: str | None = None
    machine: int = 0
    #: For OmegaT: each memory written (its path, the kind of translations it holds, how many).
    memories: list[tuple[str, str, int]] = field(default_factory=list)


@dataclass
class XliffImport:
    """What import did: per catalog how many entries changed, and every problem found."""

    changed: dict[str, int] = field(default_factory=dict)
    unchanged: int = 0
    errors: list[TranspubError] = field(default_factory=list)
    warnings: list[TranspubError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was rejected."""
        return not self.errors


def _notes(entry: Any) -> tuple[tuple[str, str], ...]:
    notes: list[tuple[str, str]] = [("translator", line) for line in catalog.translator_comments(entry)]
    for line in catalog.note_lines(entry.comment):
        if line.startswith(GLOSSARY_NOTE):
            notes.append(("glossary", line))
        elif line.startswith(LEGEND_NOTE):
            notes.append(("placeholders", line))
        else:
            notes.append(("context", line))
    places = " ".join(ref for ref, _ in entry.occurrences)
    if places:
        notes.append(("location", places))
    provenance = catalog.provenance_of(entry)
    if provenance:
        notes.append(("provenance", provenance))
    return tuple(notes)


def _refused(entry: Any, po: Any) -> str | None:
    """Why import would refuse the catalog's own translation of ``entry`` (placeholders that do not
    fit its msgid, as ``<1/> <1/>`` or ``<1>a</2>``, or control characters), or None."""
    if catalog.entry_state(entry) == "untranslated":
        return None
    count = catalog.plural_count(po, entry) if entry.msgid_plural else 1
    return _misfit(entry, list(catalog.translations(entry, count)), blank_fits=True)


def _left_out(entry: Any, po: Any, problem: str) -> XliffUnit:
    """``entry`` as a unit to translate: its translation, which import would refuse (``problem``),
    travels only in a note (the catalog keeps it until a translation replaces it)."""
    notes = _notes(entry)
    uid = unit_id(entry.msgid, entry.msgctxt)
    reason = f"translation left out ({problem})"
    if not entry.msgid_plural:
        return XliffUnit(
            id=uid, source=entry.msgid, notes=(*notes, ("provenance", f"{reason}: {entry.msgstr}"))
        )
    count = catalog.plural_count(po, entry)
    examples = catalog.plural_examples(po.metadata.get("Plural-Forms", ""))
    forms = tuple(
        XliffUnit(
            id="",
            source=entry.msgid if index == 0 else entry.msgid_plural,
            notes=(
                *notes,
                ("plural", _form_note(index, count, examples)),
                *([] if catalog.is_blank(text) else [("provenance", f"{reason}: {text}")]),
            ),
        )
        for index, text in enumerate(catalog.translations(entry, count))
    )
    return XliffUnit(id=uid, source=entry.msgid, notes=notes, forms=forms)


def _unit(entry: Any, po: Any) -> XliffUnit:
    state = catalog.entry_state(entry)
    notes = _notes(entry)
    # machine output until a translator reviews it (Poedit keeps the provenance comment after that)
    machine = state == "fuzzy" and is_machine_translation(catalog.provenance_of(entry))
    uid = unit_id(entry.msgid, entry.msgctxt)
    if not entry.msgid_plural:
        target = entry.msgstr if state != "untranslated" else None
        return XliffUnit(id=uid, source=entry.msgid, target=target, state=state, notes=notes, machine=machine)
    count = catalog.plural_count(po, entry)
    examples = catalog.plural_examples(po.metadata.get("Plural-Forms", ""))
    forms = []
    for index, text in enumerate(catalog.translations(entry, count)):
        blank = catalog.is_blank(text)
        forms.append(
            XliffUnit(
                id="",
                source=entry.msgid if index == 0 else entry.msgid_plural,
                target=None if blank else text,
                # a plural with some forms empty is not reviewed work: its filled forms need review
                state="untranslated" if blank else state if state != "untranslated" else "fuzzy",
                notes=(*notes, ("plural", _form_note(index, count, examples))),
                machine=machine,
            )
        )
    return XliffUnit(
        id=uid, source=entry.msgid, state=state, notes=notes, machine=machine, forms=tuple(forms)
    )


def _form_note(index: int, count: int, examples: list[list[int]]) -> str:
    """What a plural form is for: ``Plural form msgstr[1] of 3, used for n = 2, 3, 4, 22, …``."""
    note = f"Plural form msgstr[{index}] of {count}"
    numbers = examples[index] if len(examples) == count else []
    if numbers:
        note += ", used for n = " + ", ".join(map(str, numbers)) + (", …" if len(numbers) == 4 else "")
    return note


def _preview(text: str, limit: int = 40) -> str:
    """The start of ``text`` on one line, as ``transpub check`` names an entry.

    >>> _preview("Read <1>the full report</1> on page<2/>4 today.")
    'Read <1>the full report</1> on page<2/>…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


def _shown(project: Project, path: Path) -> str:
    try:
        return project.relative(path)
    except ValueError:
        return str(path)


def export_xliff(
    project: Project,
    locale: str,
    out_dir: Path,
    *,
    version: str = "2.1",
    single: bool = False,
    single_name: str | None = None,
    copy_source: bool = False,
    machine_tmx: Path | None = None,
    matches: Matches | None = None,
    now: datetime | None = None,
) -> XliffExport:
    """Write the catalogs of ``locale`` as XLIFF into ``out_dir``; CatalogError when one is broken;
    nothing (not even ``out_dir``) when no article has a catalog of ``locale``.

    ``single`` writes one file, ``single_name`` (default ``<locale>.xlf``); ``copy_source`` gives
    untranslated units their source as target (see :func:`build_xliff`). With ``machine_tmx``, a
    unit whose target is machine output no translator reviewed is written as untranslated, and that
    output goes into the TMX file ``machine_tmx`` (for OmegaT's ``tm/mt/``: a suggestion, not the
    text to translate, which OmegaT 3.6 takes from the target). ``matches`` takes the translations
    of its kinds out of the targets (see :func:`export_for_omegat`).
    """
    moment = now or datetime.now(UTC)
    files: list[XliffFile] = []
    if machine_tmx is not None:
        matches = Matches(bcp47_tag(locale), frozenset({"machine"}))
    report = XliffExport()
    articles = project.article_paths()
    report.articles = len(articles)
    for article in articles:
        path = project.catalog_path(locale, project.slug_of(article))
        if not path.is_file():
            report.missing.append(project.slug_of(article))
            continue
        po = catalog.read_catalog(path)
        units = []
        for entry in catalog.live_entries(po, plurals=True):
            problem = _refused(entry, po)
            if problem is None:
                unit = _unit(entry, po)
                units.append(matches.take(unit) if matches else unit)
                continue
            units.append(_left_out(entry, po, problem))
            report.warnings.append(
                TranspubError(
                    f'"{_preview(entry.msgid)}": {problem}; exported as not translated, with this text '
                    "in a note (import would refuse it): fix the catalog and export again, or let the "
                    "agency translate it",
                    _shown(project, path),
                    entry.linenum,
                )
            )
        files.append(XliffFile(original=project.relative(article), units=units))
    if not files:  # (an empty file or folder handed to an agency is a mistake: the CLI says what to do)
        return report
    groups = [(single_name or f"{locale}.xlf", files)] if single else _one_file_each(project, files, locale)
    out_dir.mkdir(parents=True, exist_ok=True)
    for name, group in groups:
        target = out_dir / name
        atomic_write_bytes(
            target,
            build_xliff(
                group,
                version=version,
                project=project.name,
                source_lang=bcp47_tag(project.source_locale),
                target_lang=bcp47_tag(locale),
                date=moment,
                copy_source=copy_source,
            ),
        )
        report.files.append((_shown(project, target), sum(len(f.units) for f in group)))
    if machine_tmx is not None and matches is not None:
        suggestions = matches.units("machine")
        _write_tmx(project, machine_tmx, suggestions, moment)
        report.machine_file, report.machine = _shown(project, machine_tmx), len(suggestions)
    return report


def _write_tmx(project: Project, path: Path, units: list[TmxUnit], moment: datetime) -> None:
    """Write ``units`` as the TMX file ``path``."""
    tmx = build_tmx(
        units, source_lang=bcp47_tag(project.source_locale), date=moment, tool_version=__version__
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, tmx)


def export_for_omegat(
    project: Project, locale: str, omegat_dir: Path, *, single: bool = False, now: datetime | None = None
) -> XliffExport:
    """Write the catalogs of ``locale`` into the OmegaT project ``omegat_dir``: XLIFF 1.2 in
    ``source/`` whose every target is the source (what OmegaT 3.6 translates), and every translation
    as a memory match in ``tm/`` (:data:`MEMORY_FILES`: reviewed work filled in from ``tm/auto/``,
    drafts and machine output offered, scored lower). A memory with nothing to hold is written empty,
    so that one of an earlier export offers nothing outdated. TranspubError when ``omegat_dir`` holds
    no ``omegat.project``; nothing when no article has a catalog of ``locale``."""
    if not (omegat_dir / PROJECT_FILE).is_file():
        raise TranspubError(
            f"no {PROJECT_FILE} here: --for omegat writes into an OmegaT project's folder (OmegaT's "
            "Project → New… makes one)",
            _shown(project, omegat_dir),
        )
    moment = now or datetime.now(UTC)
    matches = Matches(bcp47_tag(locale), frozenset(MEMORY_FILES))
    report = export_xliff(
        project,
        locale,
        omegat_dir / "source",
        version="1.2",
        single=single,
        copy_source=True,
        matches=matches,
        now=moment,
    )
    if report.files:
        for kind, name in MEMORY_FILES.items():
            path = omegat_dir / name
            units = matches.units(kind)
            _write_tmx(project, path, units, moment)
            report.memories.append((_shown(project, path), kind, len(units)))
    return report


def _one_file_each(
    project: Project, files: list[XliffFile], locale: str
) -> list[tuple[str, list[XliffFile]]]:
    """A file name per article, ``<slug with / as -->.<locale>.xlf``; a name another article took
    already (``2024/story`` and ``2024--story``; compared without case, as macOS and Windows do) gets
    ``~2``, ``~3``… so that no article's file overwrites another's (import reads ``original``, not names)."""
    taken: set[str] = set()
    groups = []
    for file in files:
        slug = project.slug_of(Path(file.original))
        name, number = _file_name(slug, f".{locale}.xlf"), 1
        while name.casefold() in taken:
            number += 1
            name = _file_name(slug, f"~{number}.{locale}.xlf")
        taken.add(name.casefold())
        groups.append((name, [file]))
    return groups


#: The longest name an exported file may have: its temporary file (``.<name>.XXXXXXXX.tmp``) must
#: fit in the 255 bytes of a file name too.
_LONGEST_NAME = 255 - len("..12345678.tmp")


def _file_name(slug: str, suffix: str) -> str:
    """``<slug with / as -->`` and ``suffix``; when that is too long for a file name (an article deep
    in folders of long names), the end of it that fits after a hash of the slug.

    >>> _file_name("2024/story", ".de.xlf")
    '2024--story.de.xlf'
    >>> name = _file_name("/".join(["f" * 60] * 5) + "/story", ".de.xlf")
    >>> len(name), name[8:12], name.endswith("ff--story.de.xlf")
    (241, '--ff', True)
    """
    name = slug.replace("/", "--") + suffix
    encoded = name.encode("utf-8")
    if len(encoded) <= _LONGEST_NAME:
        return name
    digest = hashlib.sha256(slug.encode("utf-8")).hexdigest()[:8]
    tail = encoded[len(encoded) - (_LONGEST_NAME - len(digest) - 2) :].decode("utf-8", "ignore")
    return f"{digest}--{tail}"


@dataclass
class _Pending:
    """A catalog read for import, and whether import changed it."""

    path: Path
    po: Any
    changed: int = 0


def import_xliff(
    project: Project,
    paths: list[Path],
    *,
    accept_translated: bool = False,
    now: datetime | None = None,
) -> XliffImport:
    """Put the targets of the XLIFF ``paths`` into the catalogs.

    Reviewed (final, signed-off) targets become reviewed entries, others fuzzy (reviewed when
    ``accept_translated`` and the state is ``translated``). Nothing is written when any file is
    broken or belongs to another project or language.
    """
    report = XliffImport()
    catalogs: dict[Path, _Pending] = {}
    fatal = False
    for path in paths:
        shown = _shown(project, path)
        try:
            _, files = read_xliff(path, shown)
            for file in files:
                _import_file(project, file, shown, catalogs, report, accept_translated)
        except (XliffError, CatalogError) as exc:
            report.errors.append(exc)
            fatal = True
    if fatal:
        return report
    for pending in catalogs.values():
        if pending.changed:
            catalog.mark_revised(pending.po, now)
            catalog.write_catalog(pending.po, pending.path)
            report.changed[_shown(project, pending.path)] = pending.changed
    return report


def _check_file(project: Project, file: XliffFile, shown: str) -> str:
    """The locale ``file`` is for; XliffError when it is for another project or language."""
    if file.project is not None and file.project != project.name:
        raise XliffError(
            f"this XLIFF is for project {file.project!r}, not {project.name!r}", shown, file.line
        )
    languages_line = file.lang_line or file.line
    if match_locale(file.source_lang, [project.source_locale]) is None:
        raise XliffError(
            f"source language {file.source_lang!r} is not the project's ({project.source_locale})",
            shown,
            languages_line,
        )
    locale = match_locale(file.target_lang, project.locales)
    if locale is None:
        raise XliffError(
            f"target language {file.target_lang!r} is not one of the project's ({', '.join(project.locales)})",
            shown,
            languages_line,
        )
    return locale


def _closest(source: str, entries: list[Any], threshold: float) -> Any | None:
    """The unreviewed entry whose source is most like ``source`` (the sentence as it was), if close enough."""
    candidates = [e for e in entries if not catalog.is_reviewed(e)]
    found = process.extractOne(
        source, [e.msgid for e in candidates], scorer=fuzz.ratio, score_cutoff=threshold
    )
    return candidates[found[2]] if found else None


_ORDER = ("new", "typed", "needs-review", "translated", "final")


def _state_in(unit: XliffUnit) -> str | None:
    """The state a unit's target is imported in, or None when it holds no translation.

    A target still in a state that says "not translated yet" (``new``, ``needs-translation``,
    ``initial``) is no translation when it is empty or a copy of the source (``--copy-source``);
    with other text, ``typed``: a tool translated it without changing the state (OmegaT 3.6 never
    does), which is a translation made there, to review.
    """
    if not unit.target:
        return None
    if unit.state == "new":
        return None if unit.target == unit.source else "typed"
    return unit.state


def _incoming(unit: XliffUnit) -> tuple[list[str], str] | None:
    """The translation a unit brings (one text, or one per plural form) and its state; None if none.

    XliffError when its codes cannot be read, a form lost its placeholders or adds control
    characters (U+009B, DEL: XML holds them, no page may), or a plural is only partly translated.
    """
    parts = unit.forms or (unit,)
    broken = unit.problem or next((form.problem for form in parts if form.problem), None)
    if broken:
        raise XliffError(broken)
    states = [_state_in(form) for form in parts]
    if all(state is None for state in states):
        return None
    missing = [str(index) for index, state in enumerate(states) if state is None]
    if missing:
        first = parts[int(missing[0])]
        raise XliffError(f"plural form(s) msgstr[{', '.join(missing)}] not translated", None, first.line)
    targets = [form.target or "" for form in parts]
    for index, (form, target) in enumerate(zip(parts, targets, strict=True)):
        problem = placeholder_problem(form.source, target) or control_problem(form.source, target)
        if problem:
            raise XliffError(
                f"plural form msgstr[{index}]: {problem}" if unit.forms else problem, None, form.line
            )
    return targets, min((s for s in states if s is not None), key=_ORDER.index)


def _as_in_catalog(unit: XliffUnit, entry: Any, po: Any) -> bool:
    """True when ``unit``'s target (each form's) is ``entry``'s translation as the catalog holds it:
    a translation import would refuse, sent back untouched, changes nothing and is no error."""
    if unit.problem or bool(entry.msgid_plural) != bool(unit.forms):
        return False
    parts = unit.forms or (unit,)
    if any(form.problem for form in parts):
        return False
    count = catalog.plural_count(po, entry) if entry.msgid_plural else 1
    current = catalog.translations(entry, count)
    return [form.target or "" for form in parts] == current and not all(map(catalog.is_blank, current))


def _misfit(entry: Any, targets: list[str], *, blank_fits: bool = False) -> str | None:
    """Why ``targets`` (a translation, or one per plural form) do not fit ``entry``'s placeholders
    (msgstr[0] its msgid's, the other forms its msgid_plural's), or add control characters to it,
    or None (``blank_fits``: an empty form is not looked at)."""
    for index, target in enumerate(targets):
        if blank_fits and catalog.is_blank(target):
            continue
        source = entry.msgid if index == 0 else entry.msgid_plural
        problem = placeholder_problem(source, target) or control_problem(source, target)
        if problem:
            return f"plural form msgstr[{index}]: {problem}" if entry.msgid_plural else problem
    return None


def _slug_of_original(project: Project, file: XliffFile, shown: str) -> str:
    """The slug of the article a ``<file original="…">`` names; XliffError when it names no file below the
    articles folder: an ``original`` such as ``articles/../../fr/LC_MESSAGES/x.html`` would otherwise
    pick another language's catalog, past the target-language check. A ``\\`` is a folder separator
    (as a CAT tool on Windows may write it) unless the article is named so (``a\\b.html`` on Linux,
    exported as it is)."""
    original = file.original
    if "\\" in original and not _names_an_article(project, original):
        original = original.replace("\\", "/")
    articles = os.path.normpath(os.path.abspath(project.articles_dir))
    target = os.path.normpath(os.path.join(os.path.abspath(project.root), original))
    relative = os.path.relpath(target, articles)
    if ".." in PurePosixPath(original).parts or relative == "." or relative.split(os.sep)[0] == "..":
        raise XliffError(
            f"original {file.original!r} names no file below {_shown(project, project.articles_dir)}/",
            shown,
            file.line,
        )
    return project.slug_of(Path(articles, relative))


def _names_an_article(project: Project, original: str) -> bool:
    """Whether ``original``, read as it is written, names a file (not a link) in the project (where
    it may be is checked after, as for every ``original``)."""
    path = os.path.join(os.path.abspath(project.root), original)
    return os.path.isfile(path) and not os.path.islink(path)


def _import_file(
    project: Project,
    file: XliffFile,
    shown: str,
    catalogs: dict[Path, _Pending],
    report: XliffImport,
    accept_translated: bool,
) -> None:
    locale = _check_file(project, file, shown)
    path = project.catalog_path(locale, _slug_of_original(project, file, shown))
    if not path.is_file():
        raise XliffError(
            f"no catalog for {file.original} in {locale}: run transpub extract first", shown, file.line
        )
    if path not in catalogs:
        catalogs[path] = _Pending(path, catalog.read_catalog(path))
    pending = catalogs[path]
    entries = list(catalog.live_entries(pending.po, plurals=True))
    by_id = {unit_id(e.msgid, e.msgctxt): e for e in entries}
    by_previous = {e.previous_msgid: e for e in entries if e.previous_msgid}
    revised = catalog.revision_date(pending.po)
    threshold = project.fuzzy_threshold * 100
    in_file = {unit.id for unit in file.units}
    loose = [e for e in entries if unit_id(e.msgid, e.msgctxt) not in in_file and not e.msgid_plural]
    for unit in file.units:
        try:
            incoming = _incoming(unit)
        except XliffError as exc:
            same = by_id.get(unit.id)
            if same is not None and _as_in_catalog(unit, same, pending.po):
                # (an export of an older transpub wrote the catalog's broken translation as target)
                if _take_notes(same, unit, shown, report):
                    pending.changed += 1
                else:
                    report.unchanged += 1
                report.warnings.append(
                    XliffError(
                        f"unit {unit.id}: {exc.message}, as in the catalog, which keeps it "
                        f"(`transpub check -l {locale}` names it)",
                        shown,
                        exc.line or unit.line,
                    )
                )
                continue
            where = exc.line or unit.line
            report.errors.append(XliffError(f"unit {unit.id}: {exc.message}; not imported", shown, where))
            continue
        if incoming is None:
            pending.changed += _notes_of_untranslated(unit, by_id, by_previous, shown, report)
            continue
        targets, state = incoming
        entry = by_id.get(unit.id) or by_previous.get(unit.source)
        if entry is None and not unit.forms:
            entry = _closest(unit.source, loose, threshold)
        if entry is None:
            report.warnings.append(
                XliffError(
                    f"unit {unit.id} is no longer in {_shown(project, path)}; not imported", shown, unit.line
                )
            )
            continue
        if bool(entry.msgid_plural) != bool(unit.forms) or (
            unit.forms and len(unit.forms) != catalog.plural_count(pending.po, entry)
        ):
            count = catalog.plural_count(pending.po, entry) if entry.msgid_plural else 1
            report.errors.append(
                XliffError(
                    f"unit {unit.id} has {len(unit.forms) or 1} form(s), the catalog entry {count}; not imported",
                    shown,
                    unit.line,
                )
            )
            continue
        reviewed = state == "final" or (accept_translated and state == "translated")
        sources = [unit.source] if not unit.forms else [unit.forms[0].source, unit.forms[-1].source]
        expected = [entry.msgid] if not unit.forms else [entry.msgid, entry.msgid_plural]
        # (XLIFF 1.2 writes a character XML cannot hold as U+FFFD: that is no change of the article)
        article_changed = sources != expected and sources != [xml_text(text) for text in expected]
        # The placeholders a translation may hold are the catalog's, not those of the file's <source>
        # (the article changed since export, or a crafted file): a target that does not fit the
        # entry's text is not imported (it stays in the XLIFF file), one that fits comes in fuzzy.
        misfit = _misfit(entry, targets) if article_changed else None
        if misfit is not None:
            report.errors.append(
                XliffError(
                    f"unit {unit.id}: {misfit} (the catalog's msgid, which differs from the unit's"
                    " <source>); not imported",
                    shown,
                    unit.line,
                )
            )
            continue
        noted = _take_notes(entry, unit, shown, report)
        current = catalog.translations(entry, len(targets))
        # (a machine draft typed over the source's copy is the translator's now: no longer marked machine)
        typed = state == "typed"
        taken = typed and is_machine_translation(catalog.provenance_of(entry))
        if current == targets and (
            catalog.is_reviewed(entry) or ((not reviewed or article_changed) and not taken)
        ):
            if noted:
                pending.changed += 1
            else:
                report.unchanged += 1
            continue
        if catalog.is_reviewed(entry):
            reason = None
            if article_changed:
                reason = "the article changed since export"
            elif not reviewed and not typed:
                reason = "the XLIFF translation is not signed off"
            elif file.date is not None and revised is not None and revised > file.date:
                reason = "the catalog was revised after this XLIFF was exported"
            if reason:
                report.warnings.append(
                    XliffError(f"unit {unit.id}: kept the reviewed translation ({reason})", shown, unit.line)
                )
                pending.changed += int(noted)
                continue
        catalog.set_translation(
            entry,
            targets if unit.forms else targets[0],
            fuzzy=not reviewed or article_changed,
            previous_msgid=unit.source if article_changed else None,
        )
        pending.changed += 1


def _notes_of_untranslated(
    unit: XliffUnit, by_id: dict[str, Any], by_previous: dict[str, Any], shown: str, report: XliffImport
) -> int:
    """Take the notes people wrote on ``unit``, which brings no translation, into its entry; 1 when
    that changed the entry, else 0 (a translator's question on a unit left for the newsroom)."""
    entry = by_id.get(unit.id) or by_previous.get(unit.source)
    return int(entry is not None and _take_notes(entry, unit, shown, report))


#: How the notes transpub writes begin (1.2 prefixes location and provenance; plural forms have one
#: each): a tool that rewrites notes without their ``from`` or ``category`` still gives them back.
_OWN_NOTES = (
    PARAGRAPH_NOTE,
    GLOSSARY_NOTE,
    LEGEND_NOTE,
    "Location: ",
    "Provenance: ",
    "Plural form msgstr[",
    MACHINE_TRANSLATION,
    "translation left out (",
)

#: A translator comment word that silences one of ``transpub check``'s checks on its entry.
_SILENCING = "transpub-no-"


def _take_notes(entry: Any, unit: XliffUnit, shown: str, report: XliffImport) -> bool:
    """Add the notes people wrote on ``unit`` to ``entry``'s translator comment; True when it changed.

    A note line that would silence a check (``transpub-no-numbers``) is left out with a warning:
    that is the reviewer's decision, not the file's.
    """
    lines = []
    own = {line.strip() for line in catalog.translator_comments(entry)}
    ours = {text for category, text in _notes(entry) if category != "translator"}
    for _, line in unit.notes:
        if line in ours or line.startswith(_OWN_NOTES):
            continue  # transpub's own note, from a tool that dropped its from="transpub" or category
        if line not in own and any(word.strip(",").startswith(_SILENCING) for word in line.split()):
            report.warnings.append(
                XliffError(
                    f"unit {unit.id}: note {line!r} not taken (silencing a check is the reviewer's decision)",
                    shown,
                    unit.line,
                )
            )
        else:
            lines.append(line)
    return catalog.add_translator_comments(entry, lines)
