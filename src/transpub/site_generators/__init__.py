"""What ``transpub init`` proposes in a static site's folder.

:func:`find_site` tells which generator builds the folder (Hugo, Jekyll, MkDocs) from its
configuration file, and :func:`propose` the transpub settings the README shows for it, read from that
file: the content folder the generator really uses (Hugo's ``contentDir``, MkDocs' ``docs_dir``), the
folder it builds into (never transpub's ``[paths] site``), its languages, and the heading ids of the
Hugo that builds it. The site's files are only read: what they lack for the translations is returned
as text for the user to add (:attr:`SiteSetup.additions`).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from transpub.config import GENERATORS
from transpub.errors import ConfigError

from .common import CONFIG_FILES, GENERATOR_NAMES, Site, SiteSetup, read_site_settings
from .hugo import (
    HUGO_CONFIG_DIR,
    HUGO_FOLDERS,
    HUGO_KEYS,
    HUGO_OLD_NAMES,
    hugo_config_dir,
    hugo_environment,
    hugo_server_notes,
    hugo_setup,
    read_site,
)
from .jekyll import jekyll_setup
from .mkdocs import mkdocs_setup


def find_site(
    folder: Path,
    generator: str | None = None,
    *,
    environment: str | None = None,
    config_dir: str | None = None,
) -> Site | None:
    """The site in ``folder``: of ``generator`` when given (``"none"``: no site), else of the
    generator whose configuration file is there; None when there is none. ConfigError when the
    files of two generators are there. A Hugo site's configuration folder is ``config_dir``
    (``hugo --configDir``, relative to ``folder``), read for ``environment`` (see
    :func:`hugo_environment`)."""
    if generator == "none":
        return None
    hugo = (folder / (config_dir or HUGO_CONFIG_DIR), hugo_environment(environment))
    if generator is not None:
        return read_site(folder, generator, _config_file(folder, generator), hugo)
    found = [
        (name, path)
        for name in GENERATORS
        if (path := _config_file(folder, name)) is not None
        or (name == "hugo" and (path := hugo_config_dir(*hugo)) is not None)
    ]
    if len(found) > 1:
        files = " and ".join(path.relative_to(folder).as_posix() for _, path in found)
        raise ConfigError(
            f"{found[0][1]}: {files} are the settings of two generators; say which builds "
            f"the site with --generator {'|'.join(GENERATORS)}, or --generator none for neither"
        )
    if not found:
        return None
    name, path = found[0]
    return read_site(folder, name, path if path.is_file() else None, hugo)


def _config_file(folder: Path, generator: str) -> Path | None:
    """The generator's configuration file in ``folder`` (Hugo's ``config.toml`` only when it looks
    like Hugo's: a Hugo setting in it, or Hugo's folders beside it)."""
    for name in CONFIG_FILES[generator]:
        if (folder / name).is_file():
            return folder / name
    if generator == "hugo":
        for name in HUGO_OLD_NAMES:
            path = folder / name
            if path.is_file() and (
                any((folder / sub).is_dir() for sub in HUGO_FOLDERS)
                or HUGO_KEYS & set(read_site_settings(path, "hugo")[0])
            ):
                return path
    return None


def propose(site: Site, source: str, locales: list[str]) -> SiteSetup:
    """The transpub settings for ``site`` translated from ``source`` into ``locales``."""
    if site.generator == "hugo":
        setup = hugo_setup(site, source, locales)
    elif site.generator == "jekyll":
        setup = jekyll_setup(site, source, locales)
    else:
        setup = mkdocs_setup(site, source, locales)
    notes = list(setup.notes)
    if site.read_from is None:
        notes.insert(
            0, f"there is no {site.config_name} here: {GENERATOR_NAMES[site.generator]}'s defaults are taken"
        )
    elif site.unreadable:
        notes.insert(0, f"{site.unreadable}: its defaults are taken")
    articles = str(setup.settings["paths"]["articles"])
    if not (site.folder / articles).is_dir():
        notes.append(f"there is no {articles}/ yet: [paths] articles names it")
    notes += hugo_server_notes(site, setup, source, locales)
    return replace(setup, notes=tuple(notes))
