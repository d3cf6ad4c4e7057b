"""The languages a static site's i18n plugin does not build: compile's Markdown of a locale that
mkdocs-static-i18n's ``languages`` (``mkdocs.yml``) or jekyll-polyglot's (``_config.yml``) do not
name is left out of the site by the generator without a word (a locale added to ``[project] locales``
after ``transpub init`` showed the plugin's settings)."""

from __future__ import annotations

from pathlib import Path

from ..discovery import in_underscore_folder
from ..model import Issue
from ..project import Project
from ..site import Page

#: How each generator's plugin is named, and how one of its languages is written in its list.
_PLUGINS = {
    "mkdocs": ("the i18n plugin's", "mkdocs build", "`- locale: {name}` (with its name and `build: true`)"),
    "jekyll": ("jekyll-polyglot's", "jekyll build", "{name}"),
}


def unbuilt_languages(project: Project, pages: list[Page]) -> list[Issue]:
    """A warning for each language whose Markdown ``pages`` (published) the site's i18n plugin
    leaves out of the build, as its ``languages`` name none of the pages' language names
    (``index.pt_BR.md``, ``_posts/pt_BR/``); none when the site sets no such list. With ``[compile]
    layout = "polyglot"``, one warning instead when the Jekyll site loads no jekyll-polyglot."""
    missing = _polyglot_missing(project, pages)
    if missing:
        return missing
    found = _plugin_languages(project)
    if found is None:
        return []
    generator, config, languages = found
    unbuilt: dict[str, list[Path]] = {}
    for page in pages:
        name = project.locale_dir(page.locale)
        if page.locale != project.source_locale and page.published and name not in languages:
            if page.output is not None and page.output.suffix.lower() in project.markdown_suffixes:
                unbuilt.setdefault(name, []).append(page.output)
    whose, build, entry = _PLUGINS[generator]
    return [
        Issue(
            project.relative(config),
            None,
            "site",
            f"{whose} languages have no locale {name}: `{build}` publishes none of the {name} pages "
            f"compile writes ({project.relative(outputs[0])}"
            + (f" and {len(outputs) - 1} more" if len(outputs) > 1 else "")
            + f"); add {entry.format(name=name)} to them",
            severity="warning",
        )
        for name, outputs in sorted(unbuilt.items())
    ]


def _polyglot_missing(project: Project, pages: list[Page]) -> list[Issue]:
    """The warning that the Jekyll site compile writes the polyglot layout for lists no
    jekyll-polyglot in its ``plugins`` (or ``gems``), as init's additions say to: without it Jekyll
    gives a post's translation (``_posts/es/…``) the English post's URL, and one of the two pages
    is lost; none when it does, or no such translation is written (a site of pages alone, in
    ``en/`` and ``es/``, is served so without the plugin, as README shows)."""
    if project.markdown_layout != "polyglot":
        return []
    written = [  # (a post's or collection document's: a page's in es/ is served at /es/… without it)
        page.output
        for page in pages
        if page.locale != project.source_locale
        and page.published
        and page.output is not None
        and (site_path := project.jekyll_path(page.output)) is not None
        and in_underscore_folder(site_path.parts)
    ]
    if not written:
        return []
    from ..site_generators.jekyll import loads_polyglot  # (a Jekyll site's alone)

    found = project.jekyll_site  # (read once, where it is needed)
    if found is None or loads_polyglot(found[1], found[0].parent):
        return []
    return [
        Issue(
            project.relative(found[0]),
            None,
            "site",
            '[compile] layout = "polyglot" writes each translation where jekyll-polyglot reads its '
            f"language ({project.relative(written[0])}), but the site lists no jekyll-polyglot in its "
            "plugins (nor its Gemfile's :jekyll_plugins group): `jekyll build` then publishes a translated post at its English post's URL, one of "
            "the two pages lost; add jekyll-polyglot to its plugins",
            severity="warning",
        )
    ]


def _plugin_languages(project: Project) -> tuple[str, Path, frozenset[str]] | None:
    """The generator, configuration file and language names of the site's i18n plugin: the
    ``mkdocs.yml`` read for the articles (see :attr:`.Project.mkdocs_folders`), else a Jekyll
    site's ``_config.yml`` in the project's folder (with ``[compile] page_urls = "jekyll"``, as init
    writes it) whose ``languages`` is a list; None when there is none."""
    folders = project.mkdocs_folders
    if folders is not None:
        return None if folders.languages is None else ("mkdocs", folders.path, folders.languages)
    if project.page_urls != "jekyll":
        return None
    found = project.jekyll_site  # (read once, where it is needed)
    listed = found[1].get("languages") if found is not None else None
    if found is None or not isinstance(listed, list):
        return None
    return "jekyll", found[0], frozenset(str(item) for item in listed)
