"""The site's own strings in each language: what mkdocs-static-i18n's ``languages`` in ``mkdocs.yml``
lack of the ``_site`` catalogs' translations of an MkDocs site's navigation titles, ``site_name`` and
``site_description`` (see :mod:`transpub.mkdocs_nav`), or a Hugo site's languages of its title,
description and main menu (see :mod:`transpub.hugo_menus`), in the format of the site's file for the
user to merge (transpub never changes it)."""

from __future__ import annotations

from typing import Any

from ..errors import CatalogError, TranspubError
from ..hugo_menus import hugo_language_settings, hugo_site_of, own_strings, source_language
from ..mkdocs_nav import SITE_CATALOG, holds_markup, language_settings
from ..mkdocs_site import read_mkdocs_config
from ..model import Issue
from ..project import Project


def site_settings(
    project: Project, locales: list[str], include_fuzzy: bool
) -> tuple[str, str, list[Issue], list[TranspubError]]:
    """The site's configuration file (as shown) and what it lacks of ``locales``' translations of its
    own strings, in its format ("" when nothing), the warnings (a translation holding markup, which
    a theme may write as HTML, is not used) and the errors (a ``_site`` catalog that cannot be read)."""
    found = own_strings(project)
    if found is None:
        return "", "", [], []
    config_name, strings = found
    texts = {text for text, _ in strings}
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
        kept = translations.setdefault(locale, {})
        for msgid, (msgstr, state, line, _) in entries.items():
            if msgid not in texts or not (state == "translated" or (include_fuzzy and state == "fuzzy")):
                continue
            if holds_markup(msgid, msgstr):
                warnings.append(
                    Issue(
                        project.relative(path),
                        line,
                        "markup",
                        f"the translation of {msgid!r} holds markup, which the site's theme may write "
                        f"as HTML in every page: not shown in {config_name}'s settings",
                        locale=locale,
                        severity="warning",
                    )
                )
                continue
            kept[msgid] = msgstr
    from ..site_generators.common import dumped_settings  # (init's writer: only for a site's strings)

    return config_name, dumped_settings(_lacking(project, translations), config_name), warnings, errors


def _lacking(project: Project, translations: dict[str, dict[str, str]]) -> dict[str, Any]:
    """What the site's configuration lacks of ``translations`` (by locale), as settings to merge."""
    folders = project.mkdocs_folders
    if folders is not None:
        config = read_mkdocs_config(folders.path, project.root) or {}
        return language_settings(
            config, {project.locale_dir(loc): found for loc, found in translations.items()}
        )
    hugo = hugo_site_of(project)
    if hugo is None:
        return {}
    settings = hugo[1]
    return hugo_language_settings(settings, source_language(settings, project.source_locale), translations)
