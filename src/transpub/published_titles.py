"""The title a page is published with in a language, and a translated title that holds its page
back: on a Hugo site whose permalink makes the page's URL of its title, one that makes a name in
that URL longer than a file name can be (Hugo stopped building the whole site, "file name too
long"). One rule for ``compile``, which does not publish the page, and ``check``, which reports it."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import PurePosixPath

from .formats.document import Document, Slot
from .formats.publishable import problem_of
from .formats.value_slots import LONGEST_PAGE_NAME, kept_source
from .inline import strip_placeholders
from .page_front_matter import page_front_matter
from .project import Project
from .sources import Translation
from .url_names import page_url_style, title_token, urlized

#: What to do of a translated title :func:`long_title_url` holds back.
SHORTER_TITLE = "translate the title shorter"


def usable(slot: Slot, entry: Translation | None, include_fuzzy: bool) -> bool:
    """Whether ``entry`` is a translation ``slot`` can show: translated (or fuzzy, with
    ``include_fuzzy``), and publishable (:func:`~transpub.formats.publishable.problem_of`)."""
    if entry is None or not entry.text:
        return False
    if entry.state == "fuzzy" and not include_fuzzy:
        return False
    return entry.state in ("translated", "fuzzy") and problem_of(slot.msgid, entry.text) is None


def slot_problem(slot: Slot, text: str) -> tuple[str, str] | None:
    """``(check, why)`` when ``slot`` shows its source rather than the translation ``text``: the
    translation cannot be published (:func:`problem_of`), or ``slot`` is a value (a front matter value,
    a shortcode's parameter) that writes its source for it
    (:func:`~transpub.formats.value_slots.kept_source`)."""
    problem = problem_of(slot.msgid, text)
    if problem is None and text != slot.msgid:
        return kept_source(slot, text)
    return problem


def title_of(document: Document, entries: Mapping[str, Translation], include_fuzzy: bool) -> tuple[str, bool]:
    """The page title as published, and whether it is translated."""
    for slot in document.slots():
        if slot.kind == "title":
            entry = entries.get(slot.msgid)
            if usable(slot, entry, include_fuzzy):
                assert entry is not None
                if slot_problem(slot, entry.text) is None:  # (not a title value written as its source)
                    return strip_placeholders(entry.text), True
            return strip_placeholders(slot.msgid), False
    return document.title or document.path.stem, False  # a title outside [extract] include, or none


def permalink_setting(project: Project, locale: str, section: str) -> str:
    """How a warning names the setting of ``section``'s pattern in ``locale``: ``[compile.permalinks]
    posts``, or the locale's own (``[compile.permalinks.de] posts``)."""
    own = f".{locale}" if locale in project.locale_permalinks else ""
    return f"[compile.permalinks{own}] {section}"


def titles_make_urls(project: Project, document: Document) -> bool:
    """Whether a translated title of ``document`` may make its page's URL: a page a generator builds
    (not an HTML page of compile's own) on a site with ``[compile.permalinks]``; false for most."""
    return project.has_permalinks and document.for_generator


def long_title_url(
    project: Project,
    document: Document,
    locale: str,
    entries: Mapping[str, Translation],
    include_fuzzy: bool,
) -> tuple[str, str] | None:
    """The msgid of ``document``'s title and why its page cannot be published in ``locale`` with the
    title it is translated as there (see :func:`title_of`): a Hugo permalink of its section makes its
    URL of the title (``:title``; ``:slug`` of a page without a slug: see
    :mod:`transpub.compile.title_urls`) and a name there is longer than a file's can be (Hugo
    stopped building the whole site); None for most pages."""
    if not titles_make_urls(project, document):
        return None  # (most sites: no URL made of a title)
    slot = next((slot for slot in document.slots() if slot.kind == "title"), None)
    if slot is None or slot.ref != "front-matter/title":
        return None  # (a heading: Hugo's title is the front matter's)
    title, translated = title_of(document, entries, include_fuzzy)
    if not translated:
        return None
    unaccented = page_url_style(project.page_urls, project.heading_ids) == "hugo-unaccented"
    size = max(len(name.encode("utf-8")) for name in urlized(title, unaccented).split("/"))
    if size <= LONGEST_PAGE_NAME:
        return None  # (a title that fits: most pages, looked at no further)
    try:
        relative = PurePosixPath(document.path.relative_to(project.articles_dir).as_posix())
    except ValueError:
        return None
    section = relative.parts[0] if len(relative.parts) > 1 and relative.stem != "_index" else None
    pattern = project.permalinks_in(locale).get(section or "")
    if pattern is None or title_token(pattern, False) is None:
        return None
    front = page_front_matter(document.path, ("slug", "url")) or {}
    if front.get("url") or title_token(pattern, bool(str(front.get("slug") or "").strip())) is None:
        return None
    setting = permalink_setting(project, locale, section or "")
    return slot.msgid, (
        f'its translated title makes a name of {size} bytes in its URL ({setting} = "{pattern}": Hugo '
        f"makes it of the title), longer than a file name can be (at most {LONGEST_PAGE_NAME}): Hugo "
        'would stop building the site ("file name too long")'
    )
