"""``check_project``: run every check over every article's catalog in each locale. Writes nothing."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from transpub import catalog
from transpub.catalog.outdated import find_staleness
from transpub.check.config import (
    CheckOptions,
    LocalePolicy,
    lenient_minimums,
    resolve_policies,
    silenced_checks,
)
from transpub.check.links import links_problem
from transpub.check.markdown import markdown_problem
from transpub.check.markup import markup_problem, use_source_placeholders
from transpub.check.numbers import numbers_problem
from transpub.check.report import CatalogResult, CheckReport, LocaleSummary
from transpub.discovery import in_shard
from transpub.errors import ArticleError, CatalogError, GlossaryError
from transpub.formats.document import Document, Slot
from transpub.formats.template_guard import template_problem
from transpub.formats.value_slots import keeps_source, kept_source, source_title, value_slots, written_values
from transpub.fsutil import forget_folders
from transpub.glossary import Glossary
from transpub.inline import placeholder_problem
from transpub.mkdocs_nav import SITE_CATALOG, holds_markup
from transpub.model import Coverage, Issue, counted, format_percent
from transpub.project import Project
from transpub.publication import below, decide, msgids_of
from transpub.published_titles import SHORTER_TITLE, long_title_url, titles_make_urls
from transpub.readcache import ReadCache
from transpub.sources import (
    GlossaryNotes,
    Translation,
    catalog_coverage,
    catalog_translations,
    load_article,
    load_project_glossary,
    site_template,
)
from transpub.workers import run_ordered

EXTRACT_HINT = "run `transpub extract`"


def draft_hint(policy: LocalePolicy, what: str = "it", verb: str = "translate") -> str:
    """What to do about ``what`` (units) left untranslated in ``policy``'s locale: ``verb`` it in the
    catalog, or, when the project sets an MT engine for the locale, also have it drafted and review.

    >>> draft_hint(LocalePolicy("sv", engine="deepl"))
    'translate it, or run `transpub translate -l sv` and review the draft'
    >>> draft_hint(LocalePolicy("sv"), "1 more unit")
    'translate 1 more unit in the catalog'
    """
    if policy.engine is None:
        return f"{verb} {what} in the catalog"
    return f"{verb} {what}, or run `transpub translate -l {policy.locale}` and review the draft"


def shorten(text: str, limit: int = 40) -> str:
    """``text`` on one line, cut to ``limit`` characters with an ellipsis, for messages.

    >>> shorten("The signing ceremony of Changchun Jingyue Lake Vasaloppet", 24)
    'The signing ceremony of…'
    """
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1].rstrip() + "…"


@dataclass(frozen=True)
class _CheckRun:
    """What every article's checks need (sent once to each worker process)."""

    project: Project
    locales: tuple[str, ...]
    policies: dict[str, LocalePolicy]
    glossary: Glossary | None
    #: The documents extract read (see transpub.readcache).
    reads: ReadCache | None = None
    #: False when the glossary cannot be read: without its notes whether a catalog is out of date is unknown
    glossary_read: bool = True


@dataclass
class _CheckedArticle:
    """One article's results: why it could not be read, and its catalog's result in each locale."""

    unreadable: Issue | None = None
    catalogs: dict[str, CatalogResult] = field(default_factory=dict)
    #: With ``[extract.front_matter] title_refs``: the title other pages name it by, and the titles
    #: its front matter names (key, title, line).
    title: str | None = None
    refs: list[tuple[str, str, int]] = field(default_factory=list)


def check_project(
    project: Project, locales: list[str], options: CheckOptions | None = None, *, jobs: int = 1
) -> CheckReport:
    """Check every article's catalog in ``locales``; ``report.ok`` is False when something fails.

    Problems in files are reported as issues, never raised; only an invalid ``[check]``
    configuration raises ConfigError. ``jobs`` > 1 checks that many articles at once (in worker
    processes); the report is the same.
    """
    forget_folders()
    options = options or CheckOptions()
    policies = resolve_policies(project, locales, options)
    report = CheckReport(project=project.name, shard=project.shard)
    report.project_issues.extend(lenient_minimums(project, policies, options))
    glossary: Glossary | None = None
    glossary_read = True
    try:
        glossary = load_project_glossary(project)
    except GlossaryError as exc:  # without its notes every catalog would look out of date: do not tell
        glossary_read = False
        said = GlossaryError(f"{exc.message} (out-of-date catalogs are not checked)", exc.path, exc.line)
        report.project_issues.append(_file_issue(project, said, "glossary", fallback=project.glossary_path))
    discovery = replace(project, shard=None).discover()  # (how many in every shard, for an empty one)
    for error in discovery.errors:
        report.project_issues.append(_file_issue(project, error, "syntax"))
    articles = [article.path for article in discovery.articles if in_shard(article.slug, project.shard)]
    report.articles, report.articles_in_project = len(articles), len(discovery.articles)
    run = _CheckRun(project, tuple(locales), policies, glossary, ReadCache(project.root), glossary_read)
    checked = list(run_ordered(_check_article, run, articles, jobs))
    report.project_issues.extend(article.unreadable for article in checked if article.unreadable is not None)
    if project.front_matter_title_refs:
        report.project_issues.extend(_title_ref_issues(run, articles, checked, jobs))
    site = site_template(project)
    if site is not None and any(article.slug == SITE_CATALOG for article in discovery.articles):
        site = None  # (extract says the article's catalog takes the name)
    for locale in locales:
        policy = policies[locale]
        summary = LocaleSummary(locale, policy.min_translated, policy.allow_fuzzy)
        summary.catalogs.extend(article.catalogs[locale] for article in checked)
        # the MkDocs site's nav titles and name, as an article's catalog (its outdated check needs no
        # glossary notes: extract writes none there)
        if site is not None:
            summary.catalogs.append(check_catalog(project, policy, site[0], site[1], glossary, site=True))
        report.locales.append(summary)
    return report


def _check_article(run: _CheckRun, path: Path) -> _CheckedArticle:
    """Every check on one article's catalogs, in each of the run's locales."""
    project = run.project
    checked = _CheckedArticle()
    template: catalog.POFile | None = None
    values: dict[str, list[Slot]] = {}
    document: Document | None = None
    page_units: tuple[list[str], list[Slot]] | None = None
    try:
        document = load_article(project, path, run.reads)
    except ArticleError as exc:
        checked.unreadable = _file_issue(project, exc, "syntax", fallback=path)
    else:
        units = document.units(project.relative(path))
        template = catalog.build_template(units, project_name=project.name)
        values = written_values(document)
        page_units = (msgids_of(document), value_slots(document))  # (deciding its page, once for all locales)
        if project.front_matter_title_refs:
            checked.title = source_title(document)
            checked.refs = [(ref.key, ref.value, ref.line) for ref in document.title_refs()]
    notes = GlossaryNotes(run.glossary) if run.glossary is not None else None
    for locale in run.locales:
        checked.catalogs[locale] = check_catalog(
            project,
            run.policies[locale],
            path,
            template,
            run.glossary,
            notes=notes,
            values=values,
            notes_known=run.glossary_read,
            document=document,
            page_units=page_units,
        )
    return checked


def _title_ref_issues(
    run: _CheckRun, articles: list[Path], checked: list[_CheckedArticle], jobs: int
) -> list[Issue]:
    """One issue per front matter value naming a page by a title no article of the project has
    (``[extract.front_matter] title_refs``; with ``--shard``, the other shards' articles are read
    for their titles), as its policy says (none when every locale's disables the check)."""
    project = run.project
    policies = list(run.policies.values())
    if not policies or not any(policy.runs("title-refs") for policy in policies):
        return []
    errors = any(
        policy.runs("title-refs") and policy.severity("title-refs") == "error" for policy in policies
    )
    titles = {article.title for article in checked if article.title is not None}
    if project.shard is not None:  # a page's parent may be in another shard
        mine = set(articles)
        others = [a.path for a in replace(project, shard=None).discover().articles if a.path not in mine]
        titles.update(title for title in run_ordered(_title_of, run, others, jobs) if title is not None)
    issues = []
    for path, article in zip(articles, checked, strict=True):
        for key, title, line in article.refs:
            if title not in titles:
                issues.append(
                    Issue(
                        project.relative(path),
                        line,
                        "title-refs",
                        f"front matter {key} {title!r} names no page: no article has this title; "
                        "write the exact title of the article it means",
                        severity="error" if errors else "warning",
                    )
                )
    return issues


def _title_of(run: _CheckRun, path: Path) -> str | None:
    """The title other pages name the article at ``path`` by (None: it cannot be read)."""
    try:
        return source_title(load_article(run.project, path, run.reads))
    except ArticleError:
        return None


def _file_issue(
    project: Project,
    exc: CatalogError | ArticleError | GlossaryError,
    check: str,
    locale: str | None = None,
    fallback: Path | None = None,
) -> Issue:
    where = exc.path if exc.path is not None else fallback
    shown = project.relative(Path(where)) if where is not None else project.name
    return Issue(shown, exc.line, check, exc.message, locale=locale)


def check_catalog(
    project: Project,
    policy: LocalePolicy,
    article: Path,
    template: catalog.POFile | None,
    glossary: Glossary | None,
    *,
    notes: GlossaryNotes | None = None,
    values: Mapping[str, Sequence[Slot]] | None = None,
    notes_known: bool = True,
    document: Document | None = None,
    page_units: tuple[list[str], list[Slot]] | None = None,
    site: bool = False,
) -> CatalogResult:
    """Every check on one article's catalog in ``policy.locale`` (``notes``: the glossary's notes, when
    the caller keeps them for several locales; ``values``: the article's
    :func:`~transpub.formats.value_slots.written_values`; its translations a value writes as their
    source count as untranslated, as compile counts them; ``notes_known`` False: the glossary cannot be
    read, so whether the catalog is out of date is not checked; ``document``: the article, whose
    page compile holds back where its translated title is too long for its URL: see
    :func:`_long_title`; ``page_units``: its :func:`~transpub.publication.msgids_of` and
    :func:`~transpub.formats.value_slots.value_slots`, when the caller keeps them for several locales; ``site``: ``article`` is an MkDocs site's ``mkdocs.yml``, whose own strings
    are in the ``_site`` catalog, without the glossary's notes, as extract writes it)."""
    if notes is None and glossary is not None and not site:
        notes = GlossaryNotes(glossary)
    locale = policy.locale
    slug = SITE_CATALOG if site else project.slug_of(article)
    po_path = project.catalog_path(locale, slug)
    result = CatalogResult(locale, slug, project.relative(po_path))

    def add(check: str, line: int | None, message: str, msgid: str | None = None) -> None:
        result.issues.append(
            Issue(
                result.path, line, check, message, locale=locale, severity=policy.severity(check), msgid=msgid
            )
        )

    if not po_path.exists():
        if (
            policy.runs("outdated") and template is not None
        ):  # (an article that cannot be read: its error says it)
            add("outdated", None, f"no catalog for {project.relative(article)}; {EXTRACT_HINT}")
        if template is not None:  # its units count as untranslated in the locale's summary, not as none
            result.stats = catalog.catalog_stats(template)
        return result
    try:
        po = catalog.read_catalog(po_path)
    except CatalogError as exc:
        result.issues.append(_file_issue(project, exc, "syntax", locale, po_path))
        return result
    result.stats = catalog_coverage(po, values)  # (as compile counts the page's units)
    if policy.runs("outdated") and template is not None and notes_known:
        staleness = find_staleness(
            po,
            template,
            fuzzy_threshold=project.fuzzy_threshold,
            notes_for=notes.for_catalog(locale, [entry.msgid for entry in template])
            if notes is not None
            else None,
        )
        if staleness.stale:
            add(
                "outdated",
                staleness.line,
                f"out of date with {project.relative(article)} ({staleness.describe()}); {EXTRACT_HINT}",
            )
    markdown = article.suffix.lower() in project.markdown_suffixes  # (as formats.load_article reads them)
    for entry in po:
        if entry.obsolete or (entry.msgid == "" and entry.msgctxt is None):
            continue
        slots = values.get(entry.msgid, ()) if values else ()
        checked = check_entry(
            entry, policy, glossary, project.source_locale, values=slots, markdown=markdown, site=site
        )
        for check, message in checked:
            add(check, entry.linenum, f'"{shorten(entry.msgid)}": {message}', entry.msgid)
    entries = catalog_translations(po) if policy.runs("threshold") and document is not None else {}
    held = (
        policy.runs("threshold")
        and document is not None
        and _not_published(project, policy, entries, document, result.slug, add, page_units)
    )
    # at 100% every untranslated or fuzzy entry is already a problem of its own, and so is most often a
    # translation a value writes as its source (counted untranslated), unless its check only warns
    if (
        policy.runs("threshold")
        and not held
        and result.stats.total
        and (policy.min_translated < 100 or _kept_without_a_problem(po, values or {}, result))
    ):
        done = result.stats.translated + (result.stats.fuzzy if policy.allow_fuzzy else 0)
        if below(Coverage(done, 0, result.stats.total - done), policy.min_translated):
            add(
                "threshold",
                None,
                f"{_share(done, result.stats.total, policy)}, below the minimum of {policy.min_translated:g}% "
                f"for {locale} (min_translated; compile publishes it from {policy.publish:g}%); "
                + threshold_hint(result.stats, policy),
            )
    if policy.runs("threshold") and document is not None and titles_make_urls(project, document):
        _long_title(project, entries, policy, document, add)
    return result


def _not_published(
    project: Project,
    policy: LocalePolicy,
    entries: dict[str, Translation],
    document: Document,
    slug: str,
    add: Callable[[str, int | None, str, str | None], None],
    page_units: tuple[list[str], list[Slot]] | None = None,
) -> bool:
    """Whether compile holds back the page of ``document`` in ``policy.locale`` for being less
    translated than its publish threshold, decided as compile decides it (fuzzy entries as its
    ``--include-fuzzy`` takes them where they are allowed): then a ``threshold`` problem (``add``);
    ``entries``: its catalog's translations; ``page_units``: see :func:`check_catalog`."""
    locale, needed = policy.locale, policy.publish
    msgids, values = page_units if page_units is not None else (None, None)
    page = decide(
        project, document, locale, slug, entries, None, policy.compile_now, msgids=msgids, values=values
    )
    coverage = page.coverage
    if not coverage.total or not below(coverage, needed):
        return False
    fuzzy = 0 if policy.allow_fuzzy else coverage.fuzzy  # (allowed, those left are refused ones: to fix)
    left = Coverage(coverage.translated, fuzzy, coverage.total - coverage.translated - fuzzy)
    said = f"{_share(coverage.translated, coverage.total, policy)}, below the {needed:g}% needed to publish"
    add(
        "threshold",
        None,
        f"{said} in {locale}: compile does not publish the page; {threshold_hint(left, policy, needed)}",
        None,
    )
    return True


def _share(done: int, total: int, policy: LocalePolicy) -> str:
    """How much of a page of ``total`` units is done (``done``): translated, or fuzzy where allowed.

    >>> _share(4, 5, LocalePolicy("sv")), _share(4, 5, LocalePolicy("sv", allow_fuzzy=True))
    ('80% translated (4 of 5 units)', '80% translated or fuzzy (4 of 5 units)')
    """
    what = "translated or fuzzy" if policy.allow_fuzzy else "translated"
    return f"{format_percent(100.0 * done / total)} {what} ({done} of {counted(total, 'unit')})"


def _long_title(
    project: Project,
    entries: dict[str, Translation],
    policy: LocalePolicy,
    document: Document,
    add: Callable[[str, int | None, str, str | None], None],
) -> None:
    """A ``threshold`` problem (``add``) at the title's entry of a catalog (its translations:
    ``entries``) where compile does not publish
    the page of ``document`` in ``policy.locale``, its title translated too long for the URL Hugo
    makes of it (:func:`~transpub.published_titles.long_title_url`; a fuzzy title as compile's
    ``--include-fuzzy`` takes it where fuzzy entries are allowed)."""
    found = long_title_url(project, document, policy.locale, entries, policy.allow_fuzzy)
    if found is not None:
        msgid, why = found
        said = f'"{shorten(msgid)}": not published in {policy.locale}: {why}; {SHORTER_TITLE}'
        add("threshold", entries[msgid].line, said, msgid)


#: What to do about a translation that drops, changes or adds an address.
LINKS_HINT = "keep the addresses of the source as written"
#: What to do of a term the translation does not render as the glossary says (a forbidden rendering's
#: message names the one to use already).
GLOSSARY_HINT = "write that rendering in the translation, or add the one used to the glossary"


def numbers_hint(locale: str) -> str:
    """What to do about numbers a translation into ``locale`` changed.

    >>> numbers_hint("de")
    "write the numbers of the source as de writes them, or add transpub-no-numbers to the entry's comment if the change is meant"
    """
    return (
        f"write the numbers of the source as {locale} writes them, "
        "or add transpub-no-numbers to the entry's comment if the change is meant"
    )


def threshold_hint(stats: Coverage, policy: LocalePolicy, minimum: float | None = None) -> str:
    """What to do about a catalog (``stats``) below ``minimum`` (default ``policy``'s): how many more
    units to translate, or to review when only fuzzy ones are left to count.

    >>> threshold_hint(Coverage(4, 0, 1), LocalePolicy("sv", min_translated=90, engine="deepl"))
    'translate 1 more unit, or run `transpub translate -l sv` and review the draft'
    >>> threshold_hint(Coverage(4, 0, 1), LocalePolicy("sv", min_translated=90))
    'translate 1 more unit in the catalog'
    >>> threshold_hint(Coverage(2, 3, 0), LocalePolicy("sv", min_translated=90))
    'review 3 more fuzzy units and clear their fuzzy flag'
    >>> threshold_hint(Coverage(1, 1, 2), LocalePolicy("sv", min_translated=90, engine="deepl"))
    'translate or review 3 more units, or run `transpub translate -l sv` and review the draft'
    """
    done = stats.translated + (stats.fuzzy if policy.allow_fuzzy else 0)
    wanted = policy.min_translated if minimum is None else minimum
    need = max(1, math.ceil(wanted * stats.total / 100 - 1e-9) - done)
    units = "unit" if need == 1 else "units"
    if not stats.untranslated and not policy.allow_fuzzy:
        return f"review {need} more fuzzy {units} and clear {'its' if need == 1 else 'their'} fuzzy flag"
    verb = "translate" if policy.allow_fuzzy or not stats.fuzzy else "translate or review"
    return draft_hint(policy, f"{need} more {units}", verb)


def _kept_without_a_problem(
    po: catalog.POFile, values: Mapping[str, Sequence[Slot]], result: CatalogResult
) -> bool:
    """Whether a translated entry of ``po`` that a value writes as its source (see
    :func:`~transpub.formats.value_slots.keeps_source`) has no problem (an error) in ``result``: its
    check was made a warning, or silenced."""
    if not values:
        return False
    failed = {issue.msgid for issue in result.issues if issue.severity == "error"}
    return any(
        entry.msgid not in failed
        and catalog.entry_state(entry) == "translated"
        and keeps_source(values, entry.msgid, entry.msgstr)
        for entry in po
        if not entry.obsolete
    )


def check_entry(
    entry: catalog.POEntry,
    policy: LocalePolicy,
    glossary: Glossary | None,
    source_locale: str,
    *,
    values: Sequence[Slot] = (),
    markdown: bool = False,
    site: bool = False,
) -> list[tuple[str, str]]:
    """``(check, message)`` for each problem of one entry, after the entry's silencing flags
    (``values``: the slots of the entry's unit that are values its format writes, see
    :func:`~transpub.formats.value_slots.written_values`: a translation one of them would not write
    is a problem of the check that says why, unless that check has found one already; ``markdown``:
    the entry is of a Markdown article, whose text compile writes with Markdown's marks escaped;
    ``site``: the entry is an MkDocs site's title, whose translation compile does not show with markup)."""
    silenced = silenced_checks(entry.flags, entry.tcomment)

    def wanted(check: str) -> bool:
        return policy.runs(check) and check not in silenced

    state = catalog.entry_state(entry)
    found: list[tuple[str, str]] = []
    if state == "untranslated":
        if wanted("untranslated"):
            forms = [entry.msgstr, *(entry.msgstr_plural or {}).values()]
            blank = any(text and catalog.is_blank(text) for text in forms)
            what = "not translated (only whitespace)" if blank else "not translated"
            found.append(("untranslated", f"{what}; {draft_hint(policy)}"))
        return found
    if state == "fuzzy":
        if wanted("fuzzy"):
            found.append(("fuzzy", "unreviewed (fuzzy) translation; review it and clear the fuzzy flag"))
        if not policy.allow_fuzzy:
            return found
    for source, translation in _pairs(entry):
        if wanted("placeholders"):
            problem = placeholder_problem(source, translation)
            if problem:
                found.append(("placeholders", f"{problem}; {use_source_placeholders(source)}"))
        if wanted("template"):
            problem = template_problem(source, translation)
            if problem:
                found.append(("template", problem))
        if wanted("markup"):
            problem = (
                f"{_SITE_MARKUP}; compile does not show it for mkdocs.yml: write the title as text"
                if site and holds_markup(source, translation)
                else markup_problem(source, translation)
            )
            if problem:
                found.append(("markup", problem))
        if wanted("links"):
            problem = links_problem(source, translation)
            if problem:
                found.append(("links", f"{problem}; {LINKS_HINT}"))
        if wanted("markdown") and markdown and not values:  # (a value is written as it is)
            problem = markdown_problem(source, translation)
            if problem:
                found.append(("markdown", problem))
        if wanted("glossary") and glossary is not None:
            found.extend(
                ("glossary", v.message if v.kind == "forbidden" else f"{v.message}; {GLOSSARY_HINT}")
                for v in glossary.check(source, translation, source_locale, policy.locale)
            )
        if wanted("numbers") and not entry.msgid_plural:
            problem = numbers_problem(source, translation, source_locale, policy.locale)
            if problem:
                found.append(("numbers", f"{problem}; {numbers_hint(policy.locale)}"))
        for check, why in _kept_sources(values, translation):
            if not wanted(check):
                continue
            said = next((at for at, (found_check, _) in enumerate(found) if found_check == check), None)
            if said is None:
                found.append((check, f"{why}; compile publishes the source text instead"))
            elif not found[said][1].endswith(_PUBLISHES_SOURCE):
                found[said] = (check, found[said][1] + _PUBLISHES_SOURCE)
    return found


#: Why a translated title of an MkDocs site holding markup is refused.
_SITE_MARKUP = "the title holds markup (< or &), which MkDocs' themes would write as HTML in every page"

#: What a problem's line adds when compile writes the value's source text for the translation.
_PUBLISHES_SOURCE = "; compile publishes the source text instead"


def _kept_sources(values: Sequence[Slot], translation: str) -> dict[tuple[str, str], None]:
    """Why each of ``values`` would be written as its source has it rather than as ``translation``
    (once per reason)."""
    return dict.fromkeys(
        kept
        for kept in (kept_source(slot, translation) for slot in values if slot.msgid != translation)
        if kept
    )


def _pairs(entry: catalog.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs: msgstr[0] goes with msgid, the other forms with msgid_plural."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    forms = {int(k): v for k, v in (entry.msgstr_plural or {}).items()}
    return [
        (entry.msgid if index == 0 else entry.msgid_plural, text)
        for index, text in sorted(forms.items())
        if text
    ]
