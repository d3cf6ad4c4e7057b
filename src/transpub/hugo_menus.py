"""A Hugo site's own strings: its ``title``, its ``params.description`` and the names of its main
menu's entries, which no page holds. extract offers them to translators in the ``_site`` catalog
(as :mod:`transpub.mkdocs_nav` does an MkDocs site's); compile shows what each language's table of
the site's configuration (``[languages.es]``) lacks of their translations, for the user to merge
(transpub never changes hugo.toml). Settings are as :func:`~transpub.site_generators.find_site`
reads them, keys in lower case (Hugo's are case-insensitive)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .locales import folder_name
from .mkdocs_nav import offered, site_strings
from .mkdocs_site import read_mkdocs_config
from .project import Project

_TITLE = "the site's title (title in the Hugo configuration): each page's <title>"
_DESCRIPTION = "the site's description (params.description in the Hugo configuration)"
_MENU = "an entry of the main menu (menus.main in the Hugo configuration)"


def _table(settings: Mapping[str, Any], key: str) -> dict[str, Any]:
    """The table ``settings`` holds under ``key`` (empty when none)."""
    value = settings.get(key)
    return value if isinstance(value, dict) else {}


def source_language(settings: Mapping[str, Any], source: str) -> str:
    """Hugo's key of the language ``source`` (the project's source locale) in ``settings``."""
    from .site_generators.hugo import hugo_language_key  # (init's reader: only for a Hugo site)

    default = str(settings.get("defaultcontentlanguage") or "").lower()
    return hugo_language_key(source, default, _table(settings, "languages"))


def _own(settings: Mapping[str, Any], language: str, key: str) -> Any:
    """Setting ``key`` as Hugo reads it for ``language``: the language's own, else the site's."""
    own = _table(_table(settings, "languages"), language)
    return own[key] if key in own else settings.get(key)


def _description(settings: Mapping[str, Any], language: str) -> Any:
    """``params.description`` as Hugo reads it for ``language`` (its params over the site's)."""
    for where in (_table(_table(settings, "languages"), language), settings):
        params = _table(where, "params")
        if "description" in params:
            return params["description"]
    return None


def main_menu(settings: Mapping[str, Any], language: str) -> list[dict[str, Any]]:
    """The entries of ``language``'s main menu (its own ``menus``, else the site's; ``menu`` too)."""
    for where in (_table(_table(settings, "languages"), language), settings):
        for key in ("menus", "menu"):
            entries = _table(where, key).get("main")
            if isinstance(entries, list):
                return [entry for entry in entries if isinstance(entry, dict)]
    return []


def hugo_site_strings(settings: Mapping[str, Any], language: str) -> list[tuple[str, str]]:
    """The strings of the Hugo site's ``settings`` in its ``language`` no page holds, each once, with
    the note translators see: the title, the description, then the main menu's names in order.

    >>> hugo_site_strings({"title": "Harbour", "menus": {"main": [{"name": "Home", "url": "/"}]}}, "en")
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Harbour', "the site's title (title in the Hugo configuration): each page's <title>"),
     ('Home', 'an entry of the main menu (menus.main in the Hugo configuration)')]
    """
    found: dict[str, str] = {}
    for value, note in (
        (_own(settings, language, "title"), _TITLE),
        (_description(settings, language), _DESCRIPTION),
        *((_field(entry, "name")[1], _MENU) for entry in main_menu(settings, language)),
    ):
        if isinstance(value, str) and offered(value):
            found.setdefault(value, note)
    return list(found.items())


def hugo_language_settings(
    settings: Mapping[str, Any], source: str, translations: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """What each language's table of ``settings`` lacks of ``translations`` (by locale, the
    translation of each :func:`hugo_site_strings` text of the ``source`` language): its ``title``,
    ``params.description`` and its own main menu (the source language's entries, their names
    translated: a language's ``menus`` replace the site's), as ``{"languages": {…}}``, empty when
    nothing lacks. An entry renamed keeps its name as ``identifier``, which ``parent`` names.

    >>> site = {"title": "Harbour", "menus": {"main": [{"name": "Home", "url": "/"}]}}
    >>> hugo_language_settings(site, "en", {"es": {"Harbour": "Puerto", "Home": "Inicio"}})
    ... # doctest: +NORMALIZE_WHITESPACE
    {'languages': {'es': {'title': 'Puerto',
                          'menus': {'main': [{'name': 'Inicio', 'url': '/', 'identifier': 'Home'}]}}}}
    """
    languages: dict[str, Any] = {}
    menu = main_menu(settings, source)
    for locale, translated in translations.items():
        key = folder_name(locale, "bcp47-lower")
        lacking: dict[str, Any] = {}
        title = _own(settings, source, "title")
        if isinstance(title, str) and translated.get(title) not in (None, "", _own(settings, key, "title")):
            lacking["title"] = translated[title]
        description = _description(settings, source)
        if isinstance(description, str) and translated.get(description) not in (
            None,
            "",
            _description(settings, key),
        ):
            lacking["params"] = {"description": translated[description]}
        entries = [_renamed(entry, translated) for entry in menu]
        if entries != menu and main_menu(settings, key) != entries:
            lacking["menus"] = {"main": entries}
        if lacking:
            languages[key] = lacking
    return {"languages": languages} if languages else {}


def _field(entry: Mapping[str, Any], name: str) -> tuple[str, Any]:
    """The key of a menu ``entry`` for field ``name`` as written (Hugo's are case-insensitive:
    ``Name``) and its value (None: not there)."""
    key = next((key for key in entry if str(key).lower() == name), name)
    return key, entry.get(key)


def _renamed(entry: dict[str, Any], translated: Mapping[str, str]) -> dict[str, Any]:
    """A menu ``entry`` with its name translated (and its old name as its identifier).

    >>> _renamed({"Name": "Home", "URL": "/"}, {"Home": "Inicio"})
    {'Name': 'Inicio', 'URL': '/', 'identifier': 'Home'}
    """
    key, name = _field(entry, "name")
    if not isinstance(name, str) or not translated.get(name) or translated[name] == name:
        return entry
    identifier, have = _field(entry, "identifier")
    return {**entry, key: translated[name], identifier: name if have is None else have}


def hugo_site_of(project: Project) -> tuple[str, Mapping[str, Any]] | None:
    """The configuration file (as shown) and settings of the Hugo site ``project`` writes for, when
    Hugo builds it (``[compile] heading_ids``) and its settings are in the project's folder."""
    if not project.hugo_builds:
        return None
    from .site_generators import find_site  # (only a Hugo site's extract and compile read them)

    site = find_site(project.root, "hugo")
    if site is None or site.read_from is None:
        return None
    return site.config_name, site.settings


def own_strings(project: Project) -> tuple[str, list[tuple[str, str]]] | None:
    """The site's configuration file (as shown) and the strings of it no page holds, with their
    notes: an MkDocs site's (:func:`~transpub.mkdocs_nav.site_strings`) or a Hugo site's
    (:func:`hugo_site_strings`); None for neither."""
    folders = project.mkdocs_folders
    if folders is not None:
        config = read_mkdocs_config(folders.path, project.root)
        return None if config is None else (project.relative(folders.path), site_strings(config))
    hugo = hugo_site_of(project)
    if hugo is None:
        return None
    name, settings = hugo
    return name, hugo_site_strings(settings, source_language(settings, project.source_locale))
