"""An MkDocs site's own strings: the titles of ``mkdocs.yml``'s ``nav``, its ``site_name`` and its
``site_description``, which no page holds. extract offers them to translators in one catalog,
``_site`` (``locales/<lang>/LC_MESSAGES/_site.po``); compile shows what mkdocs-static-i18n's
``languages`` then lack: each language's ``nav_translations`` (English title → translated title),
``site_name`` and ``site_description``, for the user to merge (transpub never changes mkdocs.yml).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from .mkdocs_site import mkdocs_plugin

#: The catalog of the site's own strings (an article of that slug, ``_site.md``, keeps it from being written).
SITE_CATALOG = "_site"
#: The settings of mkdocs.yml offered as they are, with the note translators see.
_SETTINGS = {
    "site_name": "the site's name (site_name in mkdocs.yml): the header and each page's <title>",
    "site_description": "the site's description (site_description in mkdocs.yml)",
}


def site_strings(config: Mapping[str, Any]) -> list[tuple[str, str]]:
    """The strings of an ``mkdocs.yml`` (``config``, as read) no page holds, each once, with the note
    translators see: ``site_name``, ``site_description``, then the ``nav`` titles in their order.

    >>> site_strings({"site_name": "Docs", "nav": [{"Home": "index.md"}, {"Guide": [{"Start": "a.md"}]}]})
    ... # doctest: +NORMALIZE_WHITESPACE
    [('Docs', "the site's name (site_name in mkdocs.yml): the header and each page's <title>"),
     ('Home', 'a title in the navigation (nav in mkdocs.yml): Home'),
     ('Guide', 'a title in the navigation (nav in mkdocs.yml): Guide'),
     ('Start', 'a title in the navigation (nav in mkdocs.yml): Guide › Start')]
    """
    found: dict[str, str] = {}
    for key, note in _SETTINGS.items():
        value = _setting(config, key)
        if value is not None:
            found.setdefault(value, note)
    for title, trail in _nav_titles(config.get("nav"), ()):
        found.setdefault(title, "a title in the navigation (nav in mkdocs.yml): " + " › ".join(trail))
    return list(found.items())


def holds_markup(msgid: str, msgstr: str) -> bool:
    """Whether the translation ``msgstr`` of the title ``msgid`` holds markup (``<``, or ``&`` the
    title lacks), which MkDocs' themes would write as HTML in every page: compile does not show it.

    >>> holds_markup("Guide", "Guía"), holds_markup("Guide", "<b>Guía</b>"), holds_markup("Q & A", "P & R")
    (False, True, False)
    """
    return "<" in msgstr or ("&" in msgstr and "&" not in msgid)


def _setting(config: Mapping[str, Any], key: str) -> str | None:
    """The value of setting ``key`` when it is a title to translate."""
    value = config.get(key)
    return value if isinstance(value, str) and offered(value) else None


def offered(value: object) -> bool:
    """Whether a setting's value is a title to translate (one line of text)."""
    return isinstance(value, str) and bool(value.strip()) and "\n" not in value and "\r" not in value


def _nav_titles(nav: object, trail: tuple[str, ...]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """The titles of ``nav`` (a list of pages, ``{title: page}`` and ``{title: [section]}``) with the
    titles above each."""
    if isinstance(nav, list):
        for item in nav:
            yield from _nav_titles(item, trail)
    elif isinstance(nav, dict):
        for title, value in nav.items():
            if offered(title):
                yield title, (*trail, title)
                yield from _nav_titles(value, (*trail, title))


def language_settings(
    config: Mapping[str, Any], translations: Mapping[str, Mapping[str, str]]
) -> dict[str, Any]:
    """What mkdocs-static-i18n's ``languages`` in ``config`` lack of ``translations`` (by the
    plugin's name of each language, the translation of each :func:`site_strings` text): per
    language, ``site_name``, ``site_description`` and the ``nav_translations`` it has not, or has
    otherwise; as ``{"plugins": [{"i18n": {"languages": […]}}]}``, empty when nothing lacks. A
    language the plugin does not list is left out (``transpub init`` shows how to add it).

    >>> config = {"site_name": "Docs", "nav": [{"Home": "index.md"}],
    ...           "plugins": [{"i18n": {"languages": [{"locale": "es", "nav_translations": {"Home": "Inicio"}}]}}]}
    >>> language_settings(config, {"es": {"Docs": "Documentos", "Home": "Inicio"}, "fr": {"Home": "Accueil"}})
    {'plugins': [{'i18n': {'languages': [{'locale': 'es', 'site_name': 'Documentos'}]}}]}
    """
    plugin = mkdocs_plugin(config.get("plugins"), "i18n") or {}
    listed = plugin.get("languages")
    languages: list[dict[str, Any]] = []
    for language in listed if isinstance(listed, list) else []:
        if not isinstance(language, dict) or str(language.get("locale")) not in translations:
            continue
        translated = translations[str(language["locale"])]
        lacking: dict[str, Any] = {}
        for key in _SETTINGS:
            source = _setting(config, key)
            value = translated.get(source) if source is not None else None
            if value and language.get(key) != value:
                lacking[key] = value
        have = language.get("nav_translations")
        have = have if isinstance(have, dict) else {}
        titles = {
            title: translated[title]
            for title, _ in _nav_titles(config.get("nav"), ())
            if translated.get(title) and have.get(title) != translated[title]
        }
        if titles:
            lacking["nav_translations"] = titles
        if lacking:
            languages.append({"locale": language["locale"], **lacking})
    return {"plugins": [{"i18n": {"languages": languages}}]} if languages else {}
