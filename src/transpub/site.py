"""The markup compile adds around articles: language switcher, notices, index pages."""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING
from urllib.parse import quote

from .formats.dates import DateStyle, publication_day, render_date
from .formats.document import escape_attribute, escape_text
from .locales import bcp47_tag, language_of, native_name, text_direction
from .model import Coverage, counted, format_percent

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from pathlib import Path

    from .project import Project


@dataclass
class Page:
    """One article in one locale: its coverage and whether (and why not) it was published.

    ``coverage`` counts what the page shows: ``translated`` units appear translated (with
    ``--include-fuzzy`` that includes unreviewed translations: ``machine`` of them machine output,
    ``unreviewed`` other work, such as a translator's draft or a translation memory match),
    ``fuzzy`` units have an unreviewed translation that is left out, ``untranslated`` ones have
    no usable translation. Both appear in the source language.
    """

    locale: str
    slug: str
    title: str
    coverage: Coverage
    published: bool
    reason: str = ""
    output: Path | None = None
    written: bool = False
    title_locale: str = ""  # the language the title is in (the source's when it is untranslated)
    machine: int = 0  # units shown from unreviewed machine translations (fuzzy, with --include-fuzzy)
    date: str | None = None  # when the article was published, as it says (front matter, meta, <time>)
    # units shown from other unreviewed translations (fuzzy, with --include-fuzzy: a translator's
    # draft, an XLIFF import, a memory match of human work, an aligned or earlier translation)
    unreviewed: int = 0
    # whether the article is its folder's index (guide/index.html): its page is <slug>/index.html in
    # its language's folder (see page_file)
    folder_index: bool = False

    @property
    def file(self) -> str:
        """The path of the page in its language's folder (:func:`page_file`)."""
        return page_file(self.slug, self.folder_index)

    @property
    def summary(self) -> str:
        """What readers get, honestly: how much is translated, how much of that is not reviewed
        yet, and how much of that is machine output.

        Rounded down to one decimal as ``transpub status`` and ``check`` do, so a page never shows
        100% too early.

        >>> Page("de", "a", "A", Coverage(6, 0, 1), True).summary
        '85.7% translated'
        >>> Page("es", "a", "A", Coverage(12, 0, 0), True, machine=12).summary
        '100% shown (12 of 12 machine-translated)'
        >>> Page("fr", "a", "A", Coverage(5, 0, 2), True, unreviewed=3).summary
        '71.4% shown (3 of 7 unreviewed)'
        >>> Page("fr", "a", "A", Coverage(5, 0, 2), True, machine=2, unreviewed=1).summary
        '71.4% shown (3 of 7 unreviewed, 2 of them machine-translated)'
        >>> Page("fr", "a", "A", Coverage(0, 0, 0), True).summary
        'no text to translate (the page shows the source as it is)'
        """
        shown = format_percent(self.coverage.percent)
        total, machine, unreviewed = self.coverage.total, self.machine, self.unreviewed
        if not total:  # (an empty page, or one whose [extract] include matches nothing)
            return "no text to translate (the page shows the source as it is)"
        if machine and unreviewed:
            both = machine + unreviewed
            return f"{shown} shown ({both} of {total} unreviewed, {machine} of them machine-translated)"
        if machine:
            return f"{shown} shown ({machine} of {total} machine-translated)"
        if unreviewed:
            return f"{shown} shown ({unreviewed} of {total} unreviewed)"
        return f"{shown} translated"


#: "Machine-translated" notices, in the reader's language (by language code).
MACHINE_NOTICES_TEXT = {
    "en": "Parts of this page were machine-translated and have not been reviewed yet.",
    "de": "Teile dieser Seite wurden maschinell übersetzt und noch nicht geprüft.",
    "es": "Partes de esta página se tradujeron automáticamente y aún no se han revisado.",
    "fr": "Certaines parties de cette page ont été traduites automatiquement et n’ont pas encore été relues.",
    "sv": "Delar av den här sidan är maskinöversatta och har ännu inte granskats.",
    "ru": "Части этой страницы переведены машинным способом и ещё не проверены.",
    "ar": "تمت ترجمة أجزاء من هذه الصفحة آليًا ولم تتم مراجعتها بعد.",
    "zh": "本页部分内容为机器翻译，尚未经过审校。",
}


def _notices(texts: dict[str, str]) -> dict[str, str]:
    """Each notice of ``texts`` (by language code) as the paragraph a page shows."""
    return {
        lang: f'<p class="transpub-notice" role="note" lang="{lang}">{escape_text(text)}</p>'
        for lang, text in texts.items()
    }


MACHINE_NOTICE = _notices(MACHINE_NOTICES_TEXT)
#: "Not reviewed" notices, in the reader's language (by language code): for a page that shows
#: unreviewed translations none of which is machine output (a draft, an import, a memory match).
UNREVIEWED_NOTICES_TEXT = {
    "en": "Parts of this page have not been reviewed yet.",
    "de": "Teile dieser Seite wurden noch nicht geprüft.",
    "es": "Partes de esta página aún no se han revisado.",
    "fr": "Certaines parties de cette page n’ont pas encore été relues.",
    "sv": "Delar av den här sidan har ännu inte granskats.",
    "ru": "Части этой страницы ещё не проверены.",
    "ar": "لم تتم مراجعة أجزاء من هذه الصفحة بعد.",
    "zh": "本页部分内容尚未经过审校。",
}
UNREVIEWED_NOTICE = _notices(UNREVIEWED_NOTICES_TEXT)
LANGUAGES_LABEL = {
    "en": "Languages",
    "de": "Sprachen",
    "es": "Idiomas",
    "fr": "Langues",
    "sv": "Språk",
    "ru": "Языки",
    "ar": "اللغات",
    "zh": "语言",
}

#: "All languages" (the link from a language's index back to ``site/index.html``), by language code.
ALL_LANGUAGES_LABEL = {
    "en": "All languages",
    "de": "Alle Sprachen",
    "es": "Todos los idiomas",
    "fr": "Toutes les langues",
    "sv": "Alla språk",
    "ru": "Все языки",
    "ar": "كل اللغات",
    "zh": "所有语言",
}

#: The language switcher as one discreet line of links (scoped to its class: the article's own CSS rules).
SWITCHER_STYLE = """<style>
.transpub-languages ul{list-style:none;margin:0 0 1em;padding:0;display:flex;flex-wrap:wrap;gap:.3em 1em;\
font-size:.9em}
.transpub-languages [aria-current]{font-weight:bold}
</style>"""

#: The discreet notice (machine-translated or not reviewed) of a public page (unit colouring is for
#: review copies only).
NOTICE_STYLE = """<style>
.transpub-notice{margin:1em 0;padding:.6em .9em;border:1px solid #b7791f;border-inline-start-width:.35em;\
border-radius:.25em;background:#fff8e1;color:#3b2f0b;font-size:.95em;line-height:1.5;text-align:start}
@media (forced-colors:active){.transpub-notice{border-color:CanvasText}}
</style>"""

REVIEW_STYLE = """<meta name="robots" content="noindex"><style>
.tp-reviewed{background:#e6f4ea}.tp-machine{background:#fff4ce}.tp-unreviewed{background:#ede7f6}
.tp-missing{background:#fde2e1}
.tp-broken{background:#f28b82}
.tp-hidden{font:13px sans-serif;border:1px solid #999;margin:.3em 0;padding:.3em}.tp-hidden li{margin:.1em 0}
.tp-legend{position:sticky;top:0;background:#fff;border:1px solid #999;padding:.3em;font:13px sans-serif;z-index:9}
.tp-legend span{padding:0 .4em;margin:0 .2em}
[class^="tp-"]:hover{outline:1px dashed #333}
</style>"""

#: Review states: CSS class suffix -> what an editor reads in the legend and on hover.
REVIEW_STATES = {
    "reviewed": "Reviewed translation",
    "machine": "Machine-translated, not reviewed (fuzzy)",
    "unreviewed": "Not reviewed yet (fuzzy): a translator's draft, an import or a memory match",
    "missing": "Not translated: source text shown",
    "broken": "Translation refused (broken placeholders or template tokens, or markup or a link its source does not have): source text shown",
}


def _relative_path(to_page: str, from_page: str) -> str:
    """``posixpath.relpath(to_page, dirname(from_page))`` for paths from the site's root, without
    asking the system for the current folder each time (a page links dozens of files).

    >>> _relative_path("de/2024/a.html", "es/2024/b.html"), _relative_path("_assets/x.png", "index.html")
    ('../../de/2024/a.html', '_assets/x.png')
    """
    to_parts, from_dirs = to_page.split("/"), from_page.split("/")[:-1]
    if any(part in ("", ".", "..") for part in (*to_parts, *from_dirs)):
        return posixpath.relpath(to_page, posixpath.dirname(from_page) or ".")
    common = 0  # as posixpath.relpath, less its abspath calls
    while common < min(len(from_dirs), len(to_parts)) and from_dirs[common] == to_parts[common]:
        common += 1
    return "/".join([".."] * (len(from_dirs) - common) + to_parts[common:]) or "."


def site_href(from_page: str, to_page: str) -> str:
    """The relative link from one file of the site to another (both given from the site's root),
    percent-encoded, so that no article name can become a scheme or break out of the attribute.

    >>> site_href("es/2024/story.html", "de/2024/story.html")
    '../../de/2024/story.html'
    >>> site_href("es/index.html", "es/javascript:alert(1).html")
    './javascript%3Aalert(1).html'
    """
    folder, slash, _ = from_page.rpartition("/")
    folder += slash
    if to_page.startswith(folder):  # a page of the same folder (an index's rows): its name, if plain
        name = to_page[len(folder) :]
        if _PLAIN_NAME.fullmatch(name) and name not in (".", "..") and _plain_folder(folder):
            return "./" + name
    if (  # from the root or a folder of it (the site's and the review index's rows): nothing to work out
        "/" not in folder[:-1]
        and _PLAIN_PATH.fullmatch(to_page)
        and not _ODD_PART.search(to_page)
        and _plain_folder(folder)
    ):
        if to_page.startswith(folder):
            return "./" + to_page[len(folder) :]
        if to_page != folder[:-1]:
            return "../" + to_page  # (no part in common)
    return _site_href(folder, to_page)


#: A file name that :func:`urllib.parse.quote` leaves as it is (with :func:`_site_href`'s safe characters).
_PLAIN_NAME = re.compile(r"[A-Za-z0-9_.~!$'()*+,;=@-]+")


@functools.lru_cache(maxsize=256)
def _plain_folder(folder: str) -> bool:
    """Whether no part of ``folder`` (with its final slash) is empty, ``.`` or ``..``."""
    return all(part not in ("", ".", "..") for part in folder.split("/")[:-1])


@functools.lru_cache(maxsize=4096)  # every page of a language links the same files (images, indexes)
def _site_href(folder: str, to_page: str) -> str:
    """:func:`site_href` from a page in ``folder`` (with its final slash; "" at the root)."""
    relative = _relative_path(to_page, folder + "x")
    if _PLAIN_PATH.fullmatch(relative):  # nothing to encode (a review index links every page once)
        encoded = relative
    else:
        encoded = "/".join(_quote_part(part) for part in relative.split("/"))
    return encoded if encoded.startswith("../") else "./" + encoded


#: A relative path that :func:`_quote_part` leaves as it is, part by part.
_PLAIN_PATH = re.compile(r"[A-Za-z0-9_.~!$'()*+,;=@/-]+")
#: An empty, ``.`` or ``..`` part of a path.
_ODD_PART = re.compile(r"(?:^|/)\.{0,2}(?:/|$)")


def _quote_part(part: str) -> str:
    """One part of a path, percent-encoded as a link's (``/`` included, so nothing becomes a folder)."""
    if _PLAIN_NAME.fullmatch(part):  # (most names: nothing to encode, found without urllib's steps)
        return part
    return quote(part, safe="!$'()*+,;=@")


def quoted_path(path: str) -> str:
    """``path`` (parts separated by ``/``) with each part percent-encoded (see :func:`page_url`).

    >>> quoted_path("de/2024/a b.html")
    'de/2024/a%20b.html'
    """
    return "/".join(map(_quote_part, path.split("/")))


def page_file(slug: str, folder_index: bool = False) -> str:
    """The path of the page of the article ``slug`` in a language's folder: ``<slug>.html``, or for
    a folder's index article (``folder_index``: ``guide/index.html``, see
    :func:`~transpub.discovery.is_folder_index`) that folder's index, ``<slug>/index.html``, at the
    source's own URL.

    >>> page_file("2024/story"), page_file("guide", True)
    ('2024/story.html', 'guide/index.html')
    """
    return f"{slug}/index.html" if folder_index else f"{slug}.html"


def page_url(folder: str, slug: str, base_url: str | None = None, from_page: str | None = None) -> str:
    """Where the page of ``slug`` in a language's ``folder`` is: absolute under ``base_url``, else
    relative to ``from_page`` through the site's root (default: from the same article in another language).

    >>> page_url("de", "2024/story"), page_url("de", "a b", "https://news.example/")
    ('../../de/2024/story.html', 'https://news.example/de/a%20b.html')
    """
    target = quoted_path(f"{folder}/{slug}.html")
    if base_url:
        return base_url + target
    return "../" * (from_page or target).count("/") + target


def site_address(project: Project, locale: str | None) -> str | None:
    """Where the folder of ``locale``'s pages is published (None: the site's root folder, with
    ``index.html``), with its final slash: the root of a host of its own (``[locale.<name>]
    base_url``), else that folder under the site's address (``[compile] base_url``); None where
    that is not known (no ``base_url``; the site's root folder where a language is at the root of
    that host).

    >>> from pathlib import Path
    >>> from transpub.project import Project
    >>> p = Project(Path("/p"), "p", "en", ("de",), Path("/p/a"), Path("/p/l"), Path("/p/s"), None, Path("/p/m"),
    ...     None, base_url="https://news.example/", locale_base_urls={"de": "https://news.example.de/"})
    >>> site_address(p, "de"), site_address(p, "en"), site_address(p, None)
    ('https://news.example.de/', 'https://news.example/en/', 'https://news.example/')
    """
    own = project.host_of(locale)
    if own is not None:
        return own
    base = project.base_url
    if not base or (locale is None and base in project.locale_base_urls.values()):
        return None
    return base if locale is None else f"{base}{quoted_folder(project.locale_dir(locale))}/"


@functools.lru_cache(maxsize=256)  # a run's few language folders, for each article's links
def quoted_folder(folder: str) -> str:
    """A language's folder name as :func:`quoted_path` writes it (made once per run)."""
    return quoted_path(folder)


def language_href(
    project: Project, from_page: str, from_locale: str | None, to_locale: str, inside: str
) -> str:
    """The link from the site's page at ``from_page`` (in ``from_locale``'s folder; None: the site's
    root folder) to the page at ``inside`` of ``to_locale``'s folder: relative where both folders are
    published on one host, as they are in the site (:func:`site_href`), else absolute where
    ``to_locale``'s is (:func:`site_address`: a language at the root of a host of its own).

    >>> from pathlib import Path
    >>> from transpub.project import Project
    >>> p = Project(Path("/p"), "p", "en", ("de", "fr"), Path("/p/a"), Path("/p/l"), Path("/p/s"), None,
    ...     Path("/p/m"), None, base_url="https://news.example/", locale_base_urls={"de": "https://news.example.de/"})
    >>> language_href(p, "fr/a.html", "fr", "en", "a.html"), language_href(p, "fr/a.html", "fr", "de", "a b.html")
    ('../en/a.html', 'https://news.example.de/a%20b.html')
    """
    if project.host_of(from_locale) != project.host_of(to_locale):
        where = site_address(project, to_locale)
        if where is not None:
            return where + quoted_path(inside)
    return site_href(from_page, f"{project.locale_dir(to_locale)}/{inside}")


def render_review_legend(po_display: str) -> str:
    """The sticky box at the top of a review copy explaining the colours.

    >>> "tp-machine" in render_review_legend("locales/de/a.po")
    True
    """
    items = "".join(
        f'<span class="tp-{state}">{escape_text(label)}</span>' for state, label in REVIEW_STATES.items()
    )
    return (
        f'<div class="tp-legend" lang="en" dir="ltr" role="note"><strong>Review copy</strong> of '
        f"{escape_text(po_display)} — not published. Hover a sentence for its state, source and PO line. "
        f"{items}</div>"
    )


@dataclass(frozen=True)
class HiddenUnit:
    """A unit a review copy cannot colour in place: the page title, an attribute, an option."""

    kind: str
    source: str
    text: str | None
    state: str
    location: str


def render_hidden_units(units: list[HiddenUnit]) -> str:
    """The review copy's list of units that are not visible text (title, alt, meta…), with their states.

    >>> "tp-missing" in render_hidden_units([HiddenUnit("attribute:alt", "A cat", None, "missing", "a.po:3")])
    True
    """
    if not units:
        return ""
    rows = "".join(
        f'<li class="tp-{u.state}" title="{escape_attribute(review_hover(u.state, u.source, u.location))}">'
        f"<code>{escape_text(u.kind)}</code> {escape_text(u.text if u.text is not None else u.source)}</li>"
        for u in units
    )
    return (
        f'<details class="tp-hidden" lang="en" dir="ltr" open><summary>Not shown as page text: '
        f"{counted(len(units), 'unit')} (title, attributes, metadata)</summary><ul>{rows}</ul></details>"
    )


def review_hover(state: str, source: str, location: str) -> str:
    r"""The ``title`` text of one unit in a review copy: state, source text, PO file:line.

    >>> review_hover("missing", "Hello.", "locales/de/a.po:12")
    'Not translated: source text shown\nSource: Hello.\nlocales/de/a.po:12'
    """
    return f"{REVIEW_STATES[state]}\nSource: {source}\n{location}"


def render_switcher(
    locale: str, slug: str, available: list[str], href_of: Callable[[str], str] | None = None
) -> str:
    """A ``<nav>`` linking the same article in every published language, each named in itself.

    ``href_of`` gives the link to another locale's page (default: the same article there, relative,
    in a folder named as the locale).
    """
    return LanguageLinks(
        available, href_of or (lambda other: page_url(other, slug, from_page=f"{locale}/{slug}.html"))
    ).render(locale)


class LanguageLinks:
    """The language switcher of an article's pages (see :func:`render_switcher`), made once for all
    of them: a page's switcher differs from another's only in which language is the current one.

    ``href_of`` gives the link to a language's page (asked once per language, when first needed).
    """

    def __init__(self, available: list[str], href_of: Callable[[str], str]) -> None:
        self.available = available
        self._href_of = href_of
        self._links: dict[str, str] = {}

    def render(self, locale: str) -> str:
        """The switcher of the page in ``locale``."""
        items = []
        for other in self.available:
            if other == locale:
                items.append(_current_item(other))
                continue
            link = self._links.get(other)
            if link is None:
                tag, name = _language_label(other)
                href = escape_attribute(self._href_of(other))
                link = self._links[other] = (
                    f'<li><a href="{href}" hreflang="{tag}" lang="{tag}">{name}</a></li>'
                )
            items.append(link)
        return f'<nav class="transpub-languages" aria-label="{_nav_label(locale)}"><ul>{"".join(items)}</ul></nav>'


def prepare_languages(locales: list[str]) -> None:
    """Make what the pages of ``locales`` show of each language (its name, tag and direction in the
    switcher, its dates) now: compile does it once before it starts its worker processes, which
    then find it made instead of each loading the CLDR data again."""
    for locale in locales:
        _current_item(locale)
        _nav_label(locale)
        text_direction(locale)
        render_date(date(2000, 1, 1), DateStyle("date", "long"), locale)


@functools.lru_cache(maxsize=256)
def _language_label(locale: str) -> tuple[str, str]:
    """A language's tag and its name in itself (escaped for HTML)."""
    return bcp47_tag(locale), escape_text(native_name(locale))


@functools.lru_cache(maxsize=256)
def _current_item(locale: str) -> str:
    tag, name = _language_label(locale)
    return f'<li><span lang="{tag}" aria-current="page">{name}</span></li>'


@functools.lru_cache(maxsize=256)
def _nav_label(locale: str) -> str:
    return escape_attribute(LANGUAGES_LABEL.get(language_of(locale), "Languages"))


def _page(lang: str, title: str, body: str, head: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{bcp47_tag(lang)}" dir="{text_direction(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f"{head}<title>{escape_text(title)}</title>\n{SWITCHER_STYLE}\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def render_locale_index(project: Project, locale: str, pages: list[Page], locales: list[str]) -> str:
    """``site/<locale>/index.html``: the articles published in ``locale`` (``pages``).

    With a switcher to the other languages' index pages (``locales``: those that have one)
    and a link back to ``site/index.html``.
    """
    folder = project.locale_dir(locale)
    rows = [locale_index_row(folder, page) for page in newest_first(pages)]
    return locale_index_page(project, locale, "".join(rows), locales)


def locale_index_row(folder: str, page: Page) -> str:
    """The row of a published ``page`` in the index page of its language (kept in ``folder``)."""
    locale = page.locale
    return (
        f'<li><a href="{escape_attribute(site_href(f"{folder}/index.html", f"{folder}/{page.file}"))}"'
        f"{_lang_if_other(page, locale)}>{escape_text(page.title)}</a>{_date_of(page, locale)}</li>\n"
    )


def locale_index_page(project: Project, locale: str, rows: str, locales: list[str]) -> str:
    """:func:`render_locale_index` of the pages whose rows (:func:`locale_index_row`, newest first) are ``rows``."""
    folder = project.locale_dir(locale)
    language = language_of(locale)
    home = ALL_LANGUAGES_LABEL.get(language)
    home_lang = "" if home is not None else ' lang="en" dir="ltr"'
    body = (
        render_switcher(
            locale,
            "index",
            locales,
            lambda other: language_href(project, f"{folder}/index.html", locale, other, "index.html"),
        )
        + "\n"
        + _home_link(project, locale, home_lang, home or ALL_LANGUAGES_LABEL["en"])
        + f"<h1>{escape_text(project.name)}</h1>\n<ul>\n{rows}</ul>\n"
    )
    return _page(locale, f"{project.name} — {native_name(locale)}", body)


def _home_link(project: Project, locale: str, lang: str, label: str) -> str:
    """The paragraph of ``locale``'s index page that links ``site/index.html`` (``lang``: the
    attributes of a ``label`` in another language); "" for a language at the root of a host of its
    own when the site's root folder has no address of its own (:func:`site_address`)."""
    href = "../index.html"
    if project.host_of(locale) is not None:
        root = site_address(project, None)
        if root is None:
            return ""
        href = escape_attribute(root + "index.html")
    return f'<p class="transpub-home"><a href="{href}"{lang}>{escape_text(label)}</a></p>\n'


def newest_first(pages: list[Page]) -> list[Page]:
    """Pages by publication date, newest first; undated ones last; by title within a day (in the
    order given within a title)."""
    return sorted(pages, key=newest_key)


def newest_key(page: Page) -> tuple[int, str]:
    """Where :func:`newest_first` puts ``page``: by this, ascending, in the order given within a key."""
    return _day_order(page.date), page.title.casefold()


@functools.lru_cache(maxsize=1 << 14)
def _day_order(value: str | None) -> int:
    """Where a page of the publication date ``value`` goes, newest first, undated last."""
    return -(publication_day(value) or _UNDATED).toordinal()


_UNDATED = date.min


def _date_of(page: Page, locale: str) -> str:
    """`` — <time datetime="…">4 de enero de 2018</time>`` for a dated page ("" otherwise)."""
    return _written_date(page.date, locale)


@functools.lru_cache(maxsize=1 << 16)  # each day once per language, though the indexes ask twice
def _written_date(date: str | None, locale: str) -> str:
    day = publication_day(date)
    if day is None:
        return ""
    shown = render_date(day, DateStyle("date", "long"), locale)
    return f' <time datetime="{day.isoformat()}">{escape_text(shown)}</time>'


def _lang_if_other(page: Page, locale: str) -> str:
    if page.title_locale and page.title_locale != locale:
        return f' lang="{bcp47_tag(page.title_locale)}"'
    return ""


def render_index(project: Project, pages: list[Page], locales: list[str]) -> str:
    """``site/index.html``: every language that has published articles, each with its articles
    (title and date, newest first). What is held back and why is in ``_review/index.html``."""
    published = by_locale(page for page in pages if page.published)
    sections = []
    for locale in locales:
        rows = [site_index_row(project, page) for page in newest_first(published.get(locale, []))]
        if rows:
            sections.append((locale, rows))
    return site_index_page(project, sections)


def site_index_row(project: Project, page: Page) -> str:
    """The row of a published ``page`` in the site's index page."""
    locale = page.locale
    return (
        f'<li><a href="{escape_attribute(language_href(project, "index.html", None, locale, page.file))}" '
        f'hreflang="{bcp47_tag(locale)}"><span lang="{bcp47_tag(page.title_locale or locale)}">'
        f"{escape_text(page.title)}</span></a>{_date_of(page, locale)}</li>"
    )


def site_index_page(project: Project, sections: list[tuple[str, list[str]]]) -> str:
    """:func:`render_index` of each language's rows (:func:`site_index_row`, newest first), for the
    languages that have published pages, in order."""
    parts = []
    for locale, rows in sections:
        tag = bcp47_tag(locale)
        name = escape_text(native_name(locale))
        href = language_href(project, "index.html", None, locale, "index.html")
        parts.append(
            f'<section><h2><a href="{escape_attribute(href)}" '
            f'lang="{tag}">{name}</a></h2>\n'
            f'<ul dir="{text_direction(locale)}" lang="{tag}">\n' + "\n".join(rows) + "\n</ul></section>\n"
        )
    body = f"<h1>{escape_text(project.name)}</h1>\n" + "".join(parts)
    return _page(project.source_locale, project.name, body)


def by_locale(pages: Iterable[Page]) -> dict[str, list[Page]]:
    """``pages`` by language (in the order given)."""
    grouped: dict[str, list[Page]] = {}
    for page in pages:
        mine = grouped.get(page.locale)
        if mine is None:
            mine = grouped[page.locale] = []
        mine.append(page)
    return grouped


def render_review_index(project: Project, pages: list[Page], locales: list[str]) -> str:
    """``site/_review/index.html`` (for editors, not indexed): every article in every language with
    how much is translated, what is not reviewed yet and what of that is machine output, and why a
    page is held back."""
    grouped = by_locale(pages)
    sections = []
    for locale in locales:
        folder = project.locale_dir(locale)
        mine = sorted(grouped.get(locale, ()), key=_slug_of)
        sections.append((locale, [review_index_row(folder, project.source_locale, page) for page in mine]))
    return review_index_page(project, sections)


def _slug_of(page: Page) -> str:
    return page.slug


def review_index_row(folder: str, source: str, page: Page) -> str:
    """The row of ``page`` in the review index (its language's pages are in ``folder``; ``source``:
    the source locale)."""
    locale = page.locale
    title = f'<span lang="{bcp47_tag(page.title_locale or locale)}">{escape_text(page.title)}</span>'
    if page.published:
        href = escape_attribute(site_href("_review/index.html", f"{folder}/{page.file}"))
        coverage = "" if locale == source else f" — {escape_text(page.summary)}"
        return f'<li><a href="{href}">{title}</a>{coverage}</li>'
    return f"<li>{title} — not published: {escape_text(page.reason)}</li>"


def review_index_page(project: Project, sections: list[tuple[str, list[str]]]) -> str:
    """:func:`render_review_index` of each language's rows (:func:`review_index_row`, by slug), in order."""
    parts = [
        f'<section><h2 lang="{bcp47_tag(locale)}">{escape_text(native_name(locale))}</h2>\n'
        f'<ul dir="{text_direction(locale)}">\n' + "\n".join(rows) + "\n</ul></section>\n"
        for locale, rows in sections
    ]
    body = f"<h1>{escape_text(project.name)} — review</h1>\n" + "".join(parts)
    return _page(
        project.source_locale, f"{project.name} — review", body, head='<meta name="robots" content="noindex">'
    )
