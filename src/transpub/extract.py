"""The extract workflow: articles → one POT per article → one PO per article and locale."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import catalog
from .errors import ArticleError, CatalogError, GlossaryError, TranspubError
from .formats import Document, ReadOptions, read_article
from .glossary import Glossary, load_glossary
from .inline import strip_placeholders
from .project import Project, slug_of


@dataclass
class ArticleExtraction:
    """What extract did for one article."""

    slug: str
    path: str
    units: int
    template_written: bool
    catalogs_written: dict[str, bool] = field(default_factory=dict)
    updates: dict[str, object] = field(default_factory=dict)


@dataclass
class ExtractReport:
    """What extract did for the whole project; ``errors`` lists the articles it could not read."""

    articles: list[ArticleExtraction] = field(default_factory=list)
    errors: list[TranspubError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when every article and catalog was processed."""
        return not self.errors


def read_options(project: Project, path: Path | None = None) -> ReadOptions:
    """The reader options for ``path`` (a per-article segmentation override wins)."""
    segmentation = project.segmentation
    overrides = project.raw.get("extract", {}).get("segmentation_overrides", {})
    if path is not None and isinstance(overrides, dict):
        segmentation = overrides.get(slug_of(path), segmentation)
    return ReadOptions(
        source_locale=project.source_locale,
        segmentation=segmentation,
        extract_code=project.extract_code,
        extract_pre=project.extract_pre,
    )


def load_article(project: Project, path: Path) -> Document:
    """Read one article of ``project`` (ArticleError when it cannot be read)."""
    return read_article(path, read_options(project, path), display_path=project.relative(path))


def load_project_glossary(project: Project) -> Glossary | None:
    """The project's glossary, or None when it has none configured or on disk."""
    if project.glossary_path is None or not project.glossary_path.exists():
        return None
    return load_glossary(project.glossary_path)


def extract_project(
    project: Project,
    locales: list[str],
    *,
    fuzzy_matching: bool = True,
    purge_obsolete: bool = False,
) -> ExtractReport:
    """Write every article's POT and update its PO files for ``locales``.

    An article that cannot be read is reported in ``errors`` and skipped; the others are
    still processed. Existing translations are never lost: unchanged units keep theirs,
    changed ones keep the old translation as fuzzy, removed ones become obsolete.
    """
    report = ExtractReport()
    try:
        glossary = load_project_glossary(project)
    except GlossaryError as exc:
        report.errors.append(exc)
        glossary = None
    for path in project.article_paths():
        try:
            document = load_article(project, path)
        except ArticleError as exc:
            report.errors.append(exc)
            continue
        slug = slug_of(path)
        units = document.units(project.relative(path))
        template = catalog.build_template(units, project_name=project.name)
        result = ArticleExtraction(
            slug=slug, path=project.relative(path), units=len(units),
            template_written=catalog.write_template(template, project.template_path(slug)),
        )
        for locale in locales:
            notes_for = _glossary_notes(glossary, locale)
            try:
                update = catalog.update_catalog(
                    project.catalog_path(locale, slug), template, locale,
                    fuzzy_matching=fuzzy_matching, fuzzy_threshold=project.fuzzy_threshold,
                    purge_obsolete=purge_obsolete, notes_for=notes_for,
                )
            except CatalogError as exc:
                report.errors.append(exc)
                continue
            result.updates[locale] = update
            result.catalogs_written[locale] = bool(getattr(update, "written", False))
        report.articles.append(result)
    return report


def _glossary_notes(glossary: Glossary | None, locale: str):
    if glossary is None:
        return None

    def notes_for(msgid: str) -> list[str]:
        return glossary.notes_for(strip_placeholders(msgid), locale)

    return notes_for
