"""Which translations compile publishes: per slot (placeholders, template tokens, fuzzy) and per page
(the threshold, a title too long for its URL). One rule for ``compile``, which writes the pages it
publishes, and ``status``, which says which pages a compile would publish and why it holds others back."""

from __future__ import annotations

import operator
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from .discovery import is_folder_index
from .errors import CatalogError, UnsafePathError
from .formats import publishes_html_page
from .formats.document import Document, Slot, TextSlot
from .formats.publishable import problem_of
from .formats.value_slots import kept_source, value_slots
from .model import Coverage
from .project import Project
from .provenance import is_machine_translation
from .published_titles import SHORTER_TITLE, long_title_url, title_of
from .site import Page, page_file
from .sources import Translation, translation_line

#: Why compile holds back the page of an article that has no catalog in the language yet.
NO_CATALOG = "no catalog for it yet (run transpub extract)"


class PublishOptions(Protocol):
    """What of a compile's options decides which pages it publishes (``CompileOptions`` has them)."""

    @property
    def include_fuzzy(self) -> bool:
        """``--include-fuzzy``: unreviewed translations are shown, and count as translated."""
        ...

    @property
    def threshold(self) -> float | None:
        """``--threshold``: the share translated a page needs (None: the project's setting)."""
        ...


@dataclass(frozen=True)
class CompileNow:
    """The options of a compile whose pages are told without compiling (``transpub status
    --include-fuzzy --threshold PCT``; ``transpub check``: its ``allow_fuzzy`` as ``--include-fuzzy``);
    by default none: the project's thresholds, fuzzy entries left out (see :class:`PublishOptions`)."""

    include_fuzzy: bool = False
    threshold: float | None = None


def decide(
    project: Project,
    document: Document,
    locale: str,
    slug: str,
    entries: dict[str, Translation] | None,
    error: CatalogError | None,
    options: PublishOptions,
    *,
    msgids: list[str] | None = None,
    shown: dict[str, str] | None = None,
    problems: list[tuple[str, Translation, tuple[str, str]]] | None = None,
    values: list[Slot] | None = None,
) -> Page:
    """The page of ``document`` in ``locale``: its coverage, and whether it is published.

    ``msgids``: the document's units' (:func:`msgids_of`), and ``values`` its slots that may write
    their source (:func:`~transpub.formats.value_slots.value_slots`), when the caller has them already; ``shown``
    gets the text each unit shows translated (by msgid: the units whose translation is usable);
    ``problems`` each translation (not untranslated) that cannot be published, with why (see
    :func:`problem_of`), in the order of the units, then each that a value writes its source for
    (:func:`_kept`).

    A unit counts as translated when its translation is shown wherever the unit is: one that cannot
    be published, or that a value keeps its source for, counts as fuzzy or untranslated (as its
    entry is), so that the coverage and the threshold go by what readers get.
    """
    if msgids is None:
        msgids = msgids_of(document)
    if entries is None:
        return Page(
            locale,
            slug,
            title_of(document, {}, False)[0],
            Coverage(untranslated=len(msgids)),
            False,
            reason=f"the catalog cannot be read ({error})",
            title_locale=project.source_locale,
        )
    texts = {} if shown is None else shown
    include_fuzzy = options.include_fuzzy
    machine = unreviewed = fuzzy = refused = 0  # (shown unreviewed: machine output, other work)
    for msgid in msgids:
        entry = entries.get(msgid)
        if entry is None:
            continue
        text, state = entry.text, entry.state
        problem = problem_of(msgid, text) if text and state != "untranslated" else None
        if problem is not None and problems is not None:
            problems.append((msgid, entry, problem))
        if (  # as usable says, for every slot of the unit
            text and (state == "translated" or (state == "fuzzy" and include_fuzzy)) and problem is None
        ):
            texts[msgid] = text
            if state == "fuzzy":
                if is_machine_translation(entry.provenance):
                    machine += 1
                else:
                    unreviewed += 1
        else:
            fuzzy += state == "fuzzy"
            refused += problem is not None and (state == "translated" or include_fuzzy)
    counted = len(texts)
    if values is None:
        values = value_slots(document)
    if texts and values:  # the translations a value writes its source for: counted as refused ones are
        kept, written = _kept(document, values, texts)
        if problems is not None:
            problems.extend((msgid, entries[msgid], why) for msgid, why in kept)
        refused_texts = {slot.msgid for slot in values if isinstance(slot, TextSlot)}
        for msgid in dict.fromkeys(msgid for msgid, _ in kept):
            counted -= 1
            refused += 1
            entry = entries[msgid]
            fuzzy += entry.state == "fuzzy"
            if entry.state == "fuzzy" and msgid not in written:  # (the notice stays while a place shows it)
                if is_machine_translation(entry.provenance):
                    machine -= 1
                else:
                    unreviewed -= 1
            if msgid not in written and msgid in refused_texts:
                del texts[msgid]  # (its source shown as any untranslated text is: in the source's language)
    title, translated_title = title_of(document, entries, options.include_fuzzy)
    page = Page(
        locale,
        slug,
        title,
        Coverage(counted, fuzzy, len(msgids) - counted - fuzzy),
        True,
        title_locale=locale if translated_title else project.source_locale,
        machine=machine,
        unreviewed=unreviewed,
    )
    threshold = publish_threshold(project, locale, options)
    long_title = (
        long_title_url(project, document, locale, entries, include_fuzzy) if translated_title else None
    )
    if long_title is not None:
        page.published, page.reason = False, _held_back(project, locale, slug, entries, *long_title)
    elif below(page.coverage, threshold):
        page.published = False
        page.reason = f"{page.summary}, below the {threshold:g}% needed to publish" + (
            " (fuzzy entries not counted; see --include-fuzzy)" if fuzzy and not options.include_fuzzy else ""
        )
        if refused:
            page.reason += (
                f"; {refused} translation{'s' if refused != 1 else ''} refused (counted as untranslated): "
                f"`transpub check -l {locale}` says why"
            )
    return page


def _kept(
    document: Document, values: list[Slot], shown: dict[str, str]
) -> tuple[list[tuple[str, tuple[str, str]]], set[str]]:
    """Each translation ``shown`` (by msgid, see :func:`decide`) that a value of ``document`` (a front
    matter value, a shortcode's parameter: one of ``values``) writes as its source has it instead,
    with why (:func:`~transpub.formats.value_slots.kept_source`): once per msgid and reason, in the
    order of the units; and the msgids of ``shown`` that some slot writes translated."""
    found: dict[tuple[str, tuple[str, str]], None] = {}
    written: set[str] = set()
    for slot in values:
        text = shown.get(slot.msgid)
        if text is None:
            continue
        kept = kept_source(slot, text) if text != slot.msgid else None
        if kept is None:
            written.add(slot.msgid)
        else:
            found[slot.msgid, kept] = None
    if found:  # (any other slot writes its translation)
        of_values = {id(slot) for slot in values}
        written.update(
            slot.msgid for slot in document.slots() if id(slot) not in of_values and slot.msgid in shown
        )
    return list(found), written


def written_file(
    project: Project, locale: str, article: Path, slug: str, out_dir: Path | None = None
) -> Path | None:
    """The file compile writes the page of ``article`` (of slug ``slug``) in ``locale`` as, in
    Markdown output (under ``out_dir``, else where the project writes it): a Jekyll post's
    ``_posts/es/a.md``, not ``es/<slug>``; an HTML article's page in the site's folder
    (``site/es/plain.html``: see :func:`~transpub.formats.publishes_html_page`); None for the source
    locale's, or a place outside the Markdown folder (the run says so where it writes)."""
    if locale == project.source_locale:
        return None
    if publishes_html_page(article):
        folder = (out_dir or project.site_dir) / project.locale_dir(locale)
        return folder / page_file(slug, is_folder_index(article, slug))
    try:
        return project.markdown_path(locale, article, out_dir)
    except UnsafePathError:
        return None


def msgids_of(document: Document) -> list[str]:
    """The msgids of ``document``'s units, in their order (:meth:`Document.units` without the refs and
    notes compile has no use for)."""
    return list(dict.fromkeys(map(_MSGID, document.slots())))


_MSGID = operator.attrgetter("msgid")


_MISSING = Translation("", "untranslated", None)


def publish_threshold(project: Project, locale: str, options: PublishOptions) -> float:
    """The share of its units translated a page in ``locale`` needs to be published: ``--threshold``
    (``options``), else ``[locale.<name>] publish_threshold``, else ``[compile] publish_threshold``."""
    if options.threshold is not None:
        return options.threshold
    own = project.settings_for(locale).publish_threshold
    return float(own) if own is not None else project.publish_threshold


def below(coverage: Coverage, threshold: float) -> bool:
    """Whether a page of ``coverage`` is less translated than ``threshold`` (%), the rule of
    compile's threshold and check's minimum (a float's rounding aside).

    >>> below(Coverage(4, 0, 1), 80), below(Coverage(3, 0, 1), 80)
    (False, True)
    """
    return coverage.percent + 1e-9 < threshold


def _held_back(
    project: Project, locale: str, slug: str, entries: Mapping[str, Translation], msgid: str, why: str
) -> str:
    """Why the page of ``slug`` in ``locale`` is not published, its title translated too long for its
    URL (``why``: see :func:`~transpub.published_titles.long_title_url`), naming the title's catalog
    entry (of ``msgid``)."""
    path = project.catalog_path(locale, slug)
    entry = entries.get(msgid)
    line = (entry.line if entry is not None else None) or translation_line(path, msgid)
    return f"{why}; {SHORTER_TITLE} ({project.relative(path)}{'' if line is None else f':{line}'})"
