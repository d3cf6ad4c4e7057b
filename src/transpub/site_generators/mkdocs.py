"""MkDocs with mkdocs-static-i18n: its ``docs_dir`` by suffix or by folder, and what its
``mkdocs.yml`` lacks."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from transpub.locales import native_name

from .common import (
    Site,
    SiteSetup,
    config_tables,
    dumped_settings,
    first_page,
    folder_setting,
    found_line,
    join_folders,
    mkdocs_plugin,
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
    compile_: dict[str, Any] = {"format": "markdown"}
    if structure == "folder":
        articles = join_folders(docs, source)
        compile_ |= {"layout": "directory", "markdown_dir": docs}
        where = f"each language's in a folder of its own for mkdocs-static-i18n ({join_folders(docs, locales[0])}/)"
        layout = f"{articles}/… → {join_folders(docs, locales[0])}/…"
    else:
        articles = docs
        compile_["layout"] = "suffix"
        page = first_page(site.folder / docs) or "index.md"
        translated = join_folders(docs, f"{page.removesuffix('.md')}.{locales[0]}.md")
        where = f"each translation beside its page for mkdocs-static-i18n ({translated})"
        layout = f"{join_folders(docs, page)} → {translated}"
    compile_["heading_ids"] = "mkdocs"
    paths = {"articles": articles, "site": site_folder_of([built, docs])}
    additions = _mkdocs_additions(settings, plugin, structure, source, locales)
    untitled = [loc for loc in (source, *locales) if re.search(r"[-_@]", loc)]
    notes = []
    if structure == "folder" and untitled and "nav" not in settings:
        notes.append(
            f"mkdocs-static-i18n (1.3) finds neither the navigation nor the home page of "
            f"{untitled[0]} by folder ({join_folders(docs, untitled[0])}/ is no section titled "
            f'"{untitled[0].capitalize()}" to MkDocs) unless {site.config_name} has a nav: add one, '
            f"its pages named as in {articles}/ (nav: [index.md, …])"
        )
    return SiteSetup(
        site,
        found_line(site, f"its pages in {articles}/ are the articles, {where}"),
        config_tables(paths, compile_, {}, {}),
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


def _mkdocs_additions(
    settings: Mapping[str, Any],
    plugin: Mapping[str, Any] | None,
    structure: str,
    source: str,
    locales: list[str],
) -> dict[str, Any]:
    """What mkdocs.yml lacks: attr_list (for the ids heading_ids writes), the i18n plugin and its
    languages (with MkDocs' search, which a ``plugins`` list of one's own would drop)."""
    additions: dict[str, Any] = {}
    extensions = settings.get("markdown_extensions")
    names = [
        name
        for item in (extensions if isinstance(extensions, list) else [])
        for name in (item if isinstance(item, dict) else [item])
    ]
    if "attr_list" not in names:
        additions["markdown_extensions"] = ["attr_list"]
    have = (plugin or {}).get("languages")
    known = (
        {item.get("locale") for item in have if isinstance(item, dict)} if isinstance(have, list) else set()
    )
    theme = settings.get("theme")
    material = (theme.get("name") if isinstance(theme, dict) else theme) == "material"
    languages = [
        {
            "locale": loc,
            **({"default": True} if loc == source else {}),
            "name": native_name(loc),
            **({"theme": {"language": shown}} if material and (shown := _material_language(loc)) else {}),
            "build": True,
        }
        for loc in (source, *locales)
        if loc not in known
    ]
    if plugin is None:
        search: list[Any] = [] if "plugins" in settings else ["search"]
        additions["plugins"] = [*search, {"i18n": {"docs_structure": structure, "languages": languages}}]
    elif languages:
        additions["plugins"] = [{"i18n": {"languages": languages}}]
    return additions
