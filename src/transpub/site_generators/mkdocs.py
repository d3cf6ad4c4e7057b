"""MkDocs with mkdocs-static-i18n: its ``docs_dir`` by suffix or by folder, and what its
``mkdocs.yml`` lacks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from transpub.locales import bcp47_tag, native_name
from transpub.mkdocs_site import mkdocs_plugin, plugin_locales

from .common import (
    Site,
    SiteSetup,
    config_tables,
    dumped_settings,
    first_page,
    folder_setting,
    found_line,
    join_folders,
    site_folder_of,
)


def mkdocs_setup(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """MkDocs with mkdocs-static-i18n: its ``docs_dir``, by suffix (the plugin's default) or by
    folder (the plugin's ``docs_structure``, or a source-language folder in ``docs_dir``)."""
    settings = site.settings
    docs = folder_setting(settings.get("docs_dir"), "docs")
    built = folder_setting(settings.get("site_dir"), "site")
    plugin = mkdocs_plugin(settings.get("plugins"), "i18n")
    if plugin is not None:
        structure = "folder" if plugin.get("docs_structure") == "folder" else "suffix"
    else:
        structure = "folder" if (site.folder / docs / source).is_dir() else "suffix"
    known = plugin_locales(plugin)
    theme = settings.get("theme")
    material = (theme.get("name") if isinstance(theme, dict) else theme) == "material"
    named = {loc: _plugin_locale(loc, known, scripts=material) for loc in (source, *locales)}
    first_name = named[locales[0]] or locales[0]
    compile_: dict[str, Any] = {"format": "markdown"}
    if structure == "folder":
        articles = join_folders(docs, source)
        compile_ |= {"layout": "directory", "markdown_dir": docs}
        first = join_folders(docs, first_name)
        where = f"each language's in a folder of its own for mkdocs-static-i18n ({first}/)"
        layout = f"{articles}/… → {first}/…"
    else:
        articles = docs
        compile_["layout"] = "suffix"
        page = first_page(site.folder / docs) or "index.md"
        translated = join_folders(docs, f"{page.removesuffix('.md')}.{first_name}.md")
        where = f"each translation beside its page for mkdocs-static-i18n ({translated})"
        layout = f"{join_folders(docs, page)} → {translated}"
    compile_["heading_ids"] = "mkdocs"
    paths = {"articles": articles, "site": site_folder_of([built, docs])}
    locale_dirs = {loc: name for loc, name in named.items() if name is not None and name != loc}
    additions = _mkdocs_additions(settings, plugin, structure, source, named, material)
    untitled = [loc for loc in (source, *locales) if re.search(r"[-_@]", loc)]
    names = "en, pt_BR, zh-Hant" if material else "en, pt_BR; with a theme other than Material, no script"
    notes = [
        f"mkdocs-static-i18n (1.3) names a language by two letters and a region or script ({names}): "
        f"it cannot build {loc}, left out of its languages (leave the locale out of this site)"
        for loc, name in named.items()
        if name is None
    ]
    if structure == "folder" and untitled and "nav" not in settings:
        shown = named[untitled[0]] or untitled[0]
        notes.append(
            f"mkdocs-static-i18n (1.3) finds neither the navigation nor the home page of "
            f"{shown} by folder ({join_folders(docs, shown)}/ is no section titled "
            f'"{shown.capitalize()}" to MkDocs) unless {site.config_name} has a nav: add one, '
            f"its pages named as in {articles}/ (nav: [index.md, …])"
        )
    if "nav" in settings or settings.get("site_name"):
        notes.append(
            f"the titles of {site.config_name}'s nav and its site_name go to translators in "
            "_site.po; compile then shows each language's nav_translations and site_name for the "
            f"i18n plugin in {site.config_name}"
        )
    return SiteSetup(
        site,
        found_line(site, f"its pages in {articles}/ are the articles, {where}"),
        config_tables(paths, compile_, {}, locale_dirs),
        {
            "paths.articles": "MkDocs' docs_dir"
            + (f", its {source} folder" if structure == "folder" else ""),
            "paths.site": f"HTML pages of HTML articles (not {built}/, which `mkdocs build` empties)",
            "compile.layout": layout,
            "compile.heading_ids": "translated headings keep their anchors (with attr_list)",
        },
        dumped_settings(additions, site.config_name),
        tuple(notes),
    )


#: MkDocs-Material's languages named with more than a language (its ``partials/languages/``), by
#: the gettext names they are for.
_MATERIAL_LANGUAGES = {
    "pt_BR": "pt-BR",
    "zh_TW": "zh-TW",
    "zh_HK": "zh-Hant",
    "zh_Hant": "zh-Hant",
    "ku_IQ": "ku-IQ",
}


def _material_language(locale: str) -> str | None:
    """MkDocs-Material's ``theme.language`` for ``locale``, when it is not the locale's own name
    (mkdocs-static-i18n gives the theme the locale's name, and Material has no ``zh_CN``).

    >>> _material_language("zh_CN"), _material_language("pt_BR"), _material_language("es")
    ('zh', 'pt-BR', None)
    """
    if not re.search(r"[_@]", locale):
        return None
    base = locale.partition("@")[0]
    return _MATERIAL_LANGUAGES.get(base, base.split("_")[0])


#: The language names mkdocs-static-i18n (1.3) accepts (its ``RE_LOCALE``): two letters, then a
#: script and a region joined by ``-``, or a region joined by ``_``.
_PLUGIN_LOCALE = re.compile(r"[a-z]{2}(?:-[A-Za-z]{4})?(?:-[A-Z]{2})?|[a-z]{2}_[A-Z]{2}")


def _plugin_locale(locale: str, known: set[str], scripts: bool) -> str | None:
    """The name mkdocs-static-i18n knows ``locale`` by: the one of ``known`` that is the same
    language however written (``zh-Hant`` for ``zh_Hant``), else the locale's own name when the
    plugin takes it, else its BCP 47 tag where a name with a script can be built (``scripts``:
    MkDocs-Material; MkDocs' own themes take the name as a Babel locale, which has no ``-``); None
    when the plugin takes no name of it (``ast``).

    >>> _plugin_locale("pt_BR", set(), True), _plugin_locale("zh_Hant", set(), True)
    ('pt_BR', 'zh-Hant')
    >>> _plugin_locale("sr@latin", set(), True), _plugin_locale("zh_Hant", set(), False)
    ('sr-Latn', None)
    >>> _plugin_locale("zh_CN", {"zh-CN"}, True), _plugin_locale("ast", set(), True)
    ('zh-CN', None)
    """
    tag = bcp47_tag(locale)
    same = {locale.replace("-", "_").lower(), tag.replace("-", "_").lower()}
    for name in sorted(known):
        if name.replace("-", "_").lower() in same:
            return name
    for name in (locale, tag):
        if _PLUGIN_LOCALE.fullmatch(name) and (scripts or "-" not in name):
            return name
    return None


def _mkdocs_additions(
    settings: Mapping[str, Any],
    plugin: Mapping[str, Any] | None,
    structure: str,
    source: str,
    named: Mapping[str, str | None],
    material: bool,
) -> dict[str, Any]:
    """What mkdocs.yml lacks: attr_list (for the ids heading_ids writes), the i18n plugin and its
    languages, each by the name the plugin knows it by (``named``: the source's first; a locale
    it knows by none is left out; ``material``: each with MkDocs-Material's language), with
    MkDocs' search, which a ``plugins`` list of one's own would drop."""
    additions: dict[str, Any] = {}
    extensions = settings.get("markdown_extensions")
    names = [
        name
        for item in (extensions if isinstance(extensions, list) else [])
        for name in (item if isinstance(item, dict) else [item])
    ]
    if "attr_list" not in names:
        additions["markdown_extensions"] = ["attr_list"]
    known = plugin_locales(plugin)
    languages = [
        {
            "locale": name,
            **({"default": True} if loc == source else {}),
            "name": native_name(loc),
            **({"theme": {"language": shown}} if material and (shown := _material_language(loc)) else {}),
            "build": True,
        }
        for loc, name in named.items()
        if name is not None and name not in known
    ]
    if plugin is None:
        search: list[Any] = [] if "plugins" in settings else ["search"]
        additions["plugins"] = [*search, {"i18n": {"docs_structure": structure, "languages": languages}}]
    elif languages:
        additions["plugins"] = [{"i18n": {"languages": languages}}]
    return additions
