"""Hugo's ``aliases`` in a translated page's front matter: an old address with a leading slash is one
address in every language, where Hugo writes each language's redirect over the others; compile
writes the translation's where that language's pages are (``/es/old/firefox/``), as Hugo does with
an alias without the slash."""

from __future__ import annotations

from ..errors import ArticleError
from ..formats.front_matter import read_front_matter
from ..project import Project

#: The front matter key of a page's old addresses, where Hugo writes a redirect to the page.
ALIASES = "aliases"


def localized_aliases(project: Project, text: str, locale: str) -> str:
    """``text``, a page translated into ``locale``, with each alias of its front matter that has a
    leading slash moved where ``locale``'s redirect belongs (see :func:`alias_in`); as it is on a site
    another generator than Hugo builds (``[compile] heading_ids``), or with no such alias."""
    if ALIASES not in text or not (project.heading_ids or "hugo").startswith("hugo"):
        return text
    lines = text.replace("\r\n", "\n")
    if lines != text and lines.replace("\n", "\r\n") == text:  # (a file whose lines end in CRLF)
        return localized_aliases(project, lines, locale).replace("\n", "\r\n")
    try:
        front = read_front_matter(text, "", (ALIASES,))
    except ArticleError:  # (read once already: the reader reported it)
        return text
    if front is None:
        return text
    for value in sorted(front.values, key=lambda value: -value.start):  # (the offsets before stay)
        moved = alias_in(project, value.value.strip(), locale)
        if moved != value.value.strip():
            text = text[: value.start] + value.write(moved) + text[value.end :]
    return text


def alias_in(project: Project, alias: str, locale: str) -> str:
    """Where Hugo should write the redirect of ``alias`` (an old address of a page) to its translation
    into ``locale``: by ``[compile.links]``, else in the language's folder (``[compile.url_dirs]``; at
    the root of a host of its own, where Hugo puts a language's aliases itself, as written). An alias
    without a leading slash is already under the page's folder in each language.

    >>> from pathlib import Path
    >>> project = Project(Path("/p"), "p", "en", ("es",), Path("/p/a"), Path("/p/l"), Path("/p/s"),
    ...     None, Path("/p/m"), None, link_rules=(("/posts/", "/{lang}/posts/"),))
    >>> [alias_in(project, alias, "es") for alias in ("/old/firefox/", "/posts/old/", "old/", "/es/old/")]
    ['/es/old/firefox/', '/es/posts/old/', 'old/', '/es/old/']
    >>> project.url_dirs["es"] = ""  # (a host of its own)
    >>> alias_in(project, "/old/firefox/", "es")
    '/old/firefox/'
    """
    if not alias.startswith("/") or alias.startswith("//"):
        return alias
    ruled = project.localized_link(alias, locale)
    if ruled is not None:
        return ruled
    folder, source = project.url_folder(locale), project.source_url_prefix
    if not folder or alias.startswith(f"{folder}/"):
        return alias
    if source and alias.startswith(f"{source}/"):  # (the source language's folder: /en/old/)
        alias = alias[len(source) :]
    return folder + alias
