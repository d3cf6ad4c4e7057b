"""The MkDocs site's own strings in each language (its navigation titles, ``site_name``,
``site_description``; see :mod:`transpub.mkdocs_nav`): what mkdocs-static-i18n's ``languages`` in
``mkdocs.yml`` lack of the ``_site`` catalogs' translations, as YAML for the user to merge (transpub
never changes mkdocs.yml)."""

from __future__ import annotations

from ..errors import CatalogError, TranspubError
from ..mkdocs_nav import SITE_CATALOG, holds_markup, language_settings, site_strings
from ..mkdocs_site import read_mkdocs_config
from ..model import Issue
from ..project import Project


def mkdocs_site_settings(
    project: Project, locales: list[str], include_fuzzy: bool
) -> tuple[str, list[Issue], list[TranspubError]]:
    """What the site's ``mkdocs.yml`` lacks of ``locales``' translations of its own strings, as YAML
    ("" when nothing), the warnings (a translation holding markup, which MkDocs' themes would write
    as HTML, is not used) and the errors (a ``_site`` catalog that cannot be read)."""
    folders = project.mkdocs_folders
    config = read_mkdocs_config(folders.path, project.root) if folders is not None else None
    if folders is None or config is None:
        return "", [], []
    texts = {text for text, _ in site_strings(config)}
    warnings: list[Issue] = []
    errors: list[TranspubError] = []
    translations: dict[str, dict[str, str]] = {}
    for locale in locales:
        path = project.catalog_path(locale, SITE_CATALOG)
        if not texts or not path.is_file():
            continue
        from .. import catalog  # (a plain project's compile loads no catalog reader for this)

        try:
            entries = catalog.read_translations(path)
        except CatalogError as exc:
            errors.append(TranspubError(exc.message, project.relative(path), exc.line))
            continue
        found = translations.setdefault(project.locale_dir(locale), {})
        for msgid, (msgstr, state, line, _) in entries.items():
            if msgid not in texts or not (state == "translated" or (include_fuzzy and state == "fuzzy")):
                continue
            if holds_markup(msgid, msgstr):
                warnings.append(
                    Issue(
                        project.relative(path),
                        line,
                        "markup",
                        f"the translation of {msgid!r} holds markup, which MkDocs' themes would write "
                        "as HTML in every page: not shown in mkdocs.yml's settings",
                        locale=locale,
                        severity="warning",
                    )
                )
                continue
            found[msgid] = msgstr
    from ..site_generators.common import dumped_settings  # (init's YAML writer: only for an MkDocs site)

    return dumped_settings(language_settings(config, translations), folders.path.name), warnings, errors
