"""One HTML page of the site: an article rendered in a language, with the markup the site adds
(language links, switcher, notices, review marks)."""

from __future__ import annotations

import functools
import html as htmllib
from typing import NamedTuple

from ..formats.dates import DateStyle, localize_date
from ..formats.document import (
    AttrSlot,
    Document,
    Resolution,
    Resolver,
    RewriteUrl,
    Slot,
    Tag,
    TextSlot,
    Translated,
    escape_attribute,
)
from ..formats.html_attributes import OPEN_GRAPH_REWRITTEN, attribute_spans, has_attribute
from ..formats.html_jsonld import IN_LANGUAGE, write_json_string
from ..inline import strip_placeholders
from ..locales import SPACELESS_LANGUAGES, bcp47_tag, language_of, open_graph_locale, text_direction
from ..project import Project
from ..provenance import is_machine_translation
from ..published_titles import slot_problem, usable
from ..site import (
    MACHINE_NOTICE,
    NOTICE_STYLE,
    REVIEW_STYLE,
    SWITCHER_STYLE,
    UNREVIEWED_NOTICE,
    HiddenUnit,
    LanguageLinks,
    page_file,
    quoted_folder,
    quoted_path,
    render_hidden_units,
    render_review_legend,
    render_switcher,
    review_hover,
    site_address,
    site_href,
)
from ..site_assets import ArticleAssets
from ..sources import Translation, read_options
from .places import html_path
from .run import CompileOptions

#: The page a folder's address serves (see :func:`~transpub.site.page_file`).
_INDEX_PAGE = "index.html"


class ArticleUrls:
    """The link to one article's page in each language from a page ``prefix`` away (``../``), or
    its address, its path made once per language. Apart from :class:`PageChrome`, so that the
    switchers PageChrome keeps can ask for links without holding PageChrome (and the article's
    document) in a reference cycle, which only the garbage collector could free."""

    def __init__(self, project: Project, slug: str, folder_index: bool = False) -> None:
        self.project, self.slug, self.folder_index = project, slug, folder_index
        self._targets: dict[str, str] = {}
        self._addresses: dict[str, str | None] = {}
        self._page: str | None = None  # the slug's part of its pages' paths, percent-encoded

    def __call__(self, locale: str, prefix: str) -> str:
        """``page_url`` of the article in ``locale`` from a page ``prefix`` away."""
        target = self._targets.get(locale)
        if target is None:  # page_url's path: the folder's parts, then the slug's (encoded once for all)
            target = self._targets[locale] = f"{quoted_folder(self.project.locale_dir(locale))}/{self.page}"
        return prefix + target

    @property
    def page(self) -> str:
        """The article's page's path in a language's folder, percent-encoded."""
        if self._page is None:
            self._page = quoted_path(page_file(self.slug, self.folder_index))
        return self._page

    def address(self, locale: str) -> str | None:
        """The absolute URL of the article's page in ``locale`` (where its folder is published:
        :func:`~transpub.site.site_address`; None where that is not known); a folder's index
        article's is its folder's (``…/de/guide/``, the address users and search engines know it
        by: its canonical, hreflang and og:url links)."""
        if locale in self._addresses:
            return self._addresses[locale]
        where = site_address(self.project, locale)
        if where is not None:
            where += self.page.removesuffix(_INDEX_PAGE) if self.folder_index else self.page
        self._addresses[locale] = where
        return where

    def link(self, from_locale: str, locale: str, depth: str) -> str:
        """The link to the article's page in ``locale`` from its page in ``from_locale``, ``depth``
        (``../`` per folder) below the site's root: relative where both languages are published on
        one host, else its address (as :func:`~transpub.site.language_href`)."""
        if self.project.host_of(from_locale) != self.project.host_of(locale):
            return self.address(locale) or self(locale, depth)
        return self(locale, depth)


class PageChrome:
    """What the pages of one article share, made once for all its languages: the links to the
    article in each language (the ``hreflang`` links and the switcher, by how deep a page is) and
    the source's own ``canonical`` and ``hreflang`` links. (``folder_index``: the article is its
    folder's index, its pages ``<slug>/index.html``: see :func:`~transpub.site.page_file`.)"""

    def __init__(
        self,
        project: Project,
        document: Document,
        slug: str,
        available: list[str],
        folder_index: bool = False,
    ) -> None:
        self.project, self.document, self.slug, self.available = project, document, slug, available
        self.url = ArticleUrls(project, slug, folder_index)
        self._heads: dict[str, str] = {}
        self._switchers: dict[tuple[str, str | None], LanguageLinks] = {}
        self._seo: SeoTags | None = None

    def alternates(self, depth: str) -> str:
        """The ``hreflang`` links of a page ``depth`` (``../`` per folder) below the site's root:
        absolute where the pages' addresses are known (:meth:`ArticleUrls.address`), else relative."""
        head = self._heads.get(depth)
        if head is None:
            source = self.project.source_locale
            url = self.url
            head = self._heads[depth] = (
                "".join(
                    f'<link rel="alternate" hreflang="{bcp47_tag(loc)}" '
                    f'href="{escape_attribute(url.address(loc) or url(loc, depth))}">'
                    for loc in self.available
                )
                + '<link rel="alternate" hreflang="x-default" '
                + f'href="{escape_attribute(url.address(source) or url(source, depth))}">'
            )
        return head

    def switcher(self, locale: str, depth: str) -> str:
        """The language switcher of the page in ``locale``, ``depth`` (``../`` per folder) below the
        site's root (see :meth:`ArticleUrls.link`)."""
        key = (depth, self.project.host_of(locale))
        links = self._switchers.get(key)
        if links is None:
            url = self.url  # (not self: see ArticleUrls)
            links = self._switchers[key] = LanguageLinks(
                self.available, lambda other: url.link(locale, other, depth)
            )
        return links.render(locale)

    def open_graph_alternates(self, locale: str) -> str:
        """The ``og:locale:alternate`` tags of the page in ``locale``: the other languages the article
        is published in (the source's as its ``og:locale`` says, when it says)."""
        source = self.project.source_locale
        own = self.seo_links(self.document).source_open_graph_locale
        return "".join(
            '<meta property="og:locale:alternate" content="'
            + escape_attribute(own if other == source and own else open_graph_locale(other))
            + '">'
            for other in self.available
            if other != locale
        )

    def seo_links(self, page: Document) -> SeoTags:
        """:func:`_seo_links` of ``page`` (found once for the article itself)."""
        if page is not self.document:
            return _seo_links(page)
        if self._seo is None:
            self._seo = _seo_links(page)
        return self._seo


def render_page(
    project: Project,
    document: Document,
    locale: str,
    slug: str,
    entries: dict[str, Translation],
    available: list[str],
    options: CompileOptions,
    assets: ArticleAssets,
    *,
    review: bool,
    chrome: PageChrome | None = None,
    shown: dict[str, str] | None = None,
    machine: bool = False,
    unreviewed: bool = False,
    rewrite_url: RewriteUrl | None = None,
    folder_index: bool = False,
) -> str:
    """The page of ``document`` in ``locale`` (or its review copy); ``folder_index``: the article is
    its folder's index, its pages ``<slug>/index.html`` (see :func:`~transpub.site.page_file`).

    For a published page: ``chrome`` is what the article's pages share, ``shown`` the text of each
    unit shown translated (by msgid; see :func:`decide`), ``machine`` whether some of it is
    unreviewed machine output, ``unreviewed`` whether some is other unreviewed work (the notice
    says "machine-translated" only with ``machine``), ``rewrite_url`` how its links are rewritten
    (by default, by ``[compile.links]``).
    """
    source = project.source_locale
    source_tag = bcp47_tag(source)
    source_direction = text_direction(source)
    source_dir = f' dir="{source_direction}"' if text_direction(locale) != source_direction else ""
    own_path = html_path(project, locale, slug, folder_index=folder_index)
    depth = "../" * own_path.count("/")

    resolve: Resolver | None = None
    if review:
        po_display = project.relative(project.catalog_path(locale, slug))

        def resolve(slot: Slot) -> Resolution:
            entry = entries.get(slot.msgid)
            problem = None
            if entry is not None and entry.text and entry.state != "untranslated":
                problem = slot_problem(slot, entry.text)
            if isinstance(slot, TextSlot) and slot.markable:
                css, text, where = _review_state(entry, problem, po_display)
                hover = review_hover(css, strip_placeholders(slot.msgid), where)
                shown_lang = "" if text is not None else f' lang="{source_tag}"{source_dir}'
                title = escape_attribute(hover)
                if document.format == "markdown":  # on one line, so that a Markdown heading stays whole
                    title = title.replace("\n", "&#10;")
                return Resolution(
                    text=text, before=f'<span class="tp-{css}"{shown_lang} title="{title}">', after="</span>"
                )
            if problem is None and usable(slot, entry, options.include_fuzzy):
                assert entry is not None
                return Resolution(text=entry.text)
            return _AS_WRITTEN

    elif locale != source:
        # each unit's usable text (machine output is coloured on review copies only), else the source
        resolve = Translated(
            shown or {}, Resolution(before=f'<span lang="{source_tag}"{source_dir}>', after="</span>")
        )

    rewrite: RewriteUrl | None = (
        None if locale == source else rewrite_url or (lambda url: project.localized_link(url, locale))
    )
    join = language_of(locale) in SPACELESS_LANGUAGES
    page: Document = document
    page_resolve = resolve
    if document.for_generator:  # the localized content file first, then its HTML page
        page = content_page(
            project,
            document,
            document.render(resolve, join_sentences=join, rewrite_url=rewrite, heading_ids=PAGE_HEADING_IDS),
        )
        page_resolve = rewrite = None  # already resolved and rewritten
    chrome = chrome or PageChrome(project, document, slug, available, folder_index)
    canonical, alternates, open_graph, _ = chrome.seo_links(page)
    told: dict[str, dict[str, str]] = {}  # (Open Graph: the page's own language and address)
    if review:  # a review copy lives in _review/<locale>/: link the other review copies, not the site
        head = REVIEW_STYLE
        hidden = []
        for slot in document.slots():
            if isinstance(slot, TextSlot) and slot.markable:
                continue
            entry = entries.get(slot.msgid)
            problem = slot_problem(slot, entry.text) if entry is not None and entry.text else None
            css, text, where = _review_state(entry, problem, po_display)
            hidden.append(HiddenUnit(slot.kind, strip_placeholders(slot.msgid), text, css, where))
        body_start = (
            render_review_legend(po_display)
            + render_hidden_units(hidden)
            + render_switcher(
                locale,
                slug,
                available,
                lambda other: site_href(
                    html_path(project, locale, slug, review=True, folder_index=folder_index),
                    html_path(project, other, slug, review=other != source, folder_index=folder_index),
                ),
            )
        )
        rewritten = {}
        dropped = [*canonical, *alternates]  # not for search engines: the published page is the one to index
    else:
        used_fuzzy = options.include_fuzzy and locale != source and (machine or unreviewed)
        head = chrome.alternates(depth)
        address = chrome.url.address(locale)
        own_url = (
            (address or site_href(own_path, own_path).removeprefix("./")) if address or canonical else ""
        )
        if address and not canonical:
            head = f'<link rel="canonical" href="{escape_attribute(own_url)}">' + head
        head += SWITCHER_STYLE
        if used_fuzzy:
            head += NOTICE_STYLE
        body_start = chrome.switcher(locale, depth)
        if used_fuzzy:
            notices = MACHINE_NOTICE if machine else UNREVIEWED_NOTICE
            body_start += notices.get(language_of(locale), notices["en"])
        rewritten = {id(tag): {"href": own_url} for tag in canonical[:1]}  # this page, not the source article
        dropped = [*canonical[1:], *alternates]  # the source's hreflang links: transpub writes its own
        if locale != source:
            told["og:locale"] = {"content": open_graph_locale(locale)}
        if any(kind == "og:locale:alternate" for kind, _ in open_graph):
            # the source's list is of the source page: each page lists the languages it is in besides its own
            dropped += [tag for kind, tag in open_graph if kind == "og:locale:alternate"]
            head += chrome.open_graph_alternates(locale)
        if address:  # (og:url is absolute: without the site's address, the source's stays)
            told["og:url"] = {"content": address}
    inserts = {"head-end": head, "body-start": body_start}
    if locale != source:  # (a JSON-LD inLanguage naming the source's language names the page's)
        inserts[IN_LANGUAGE] = write_json_string(bcp47_tag(locale))
    language_tags = page_language(page, locale)
    for tag, attributes in language_tags:
        tag.extra_attributes = attributes
    for tag in canonical[:1]:
        tag.extra_attributes = rewritten.get(id(tag), {})
    for kind, tag in open_graph:
        tag.extra_attributes = told.get(kind, {})
    page_path = (
        html_path(project, locale, slug, review=True, folder_index=folder_index) if review else own_path
    )
    asset_tags = list(page.asset_tags()) if assets.targets else []
    for tag in asset_tags:
        tag.extra_attributes = assets.attributes_for(tag, page_path)
    try:
        return page.render(
            page_resolve,
            inserts=inserts,
            format_date=None
            if locale == source
            else (lambda date: _localized_date(date.value, date.style, locale)),
            join_sentences=join,
            rewrite_url=rewrite,
            omit=dropped,
        )
    finally:
        for tag, _ in language_tags:
            tag.extra_attributes = {}
        for tag in canonical[:1]:
            tag.extra_attributes = {}
        for _, tag in open_graph:
            tag.extra_attributes = {}
        for tag in asset_tags:
            tag.extra_attributes = {}


def page_language(page: Document, locale: str) -> list[tuple[Tag, dict[str, str]]]:
    """The tags of the HTML page ``page`` that say its language and charset, each with the attributes
    it gets in ``locale``'s page: ``<html>``'s ``lang`` and ``dir`` (and XHTML's ``xml:lang``), and a
    legacy charset's declaration, the page being written in UTF-8."""
    tags: list[tuple[Tag, dict[str, str]]] = []
    page_tag = page.html_tag
    if page_tag is not None:
        language = {"lang": bcp47_tag(locale), "dir": text_direction(locale)}
        if has_attribute("".join(part for part in page_tag.parts if isinstance(part, str)), "xml:lang"):
            language["xml:lang"] = language["lang"]  # (XHTML's own: both must agree)
        tags.append((page_tag, language))
    charset_tag = page.charset_tag if page.encoding not in ("utf-8", "utf-8-sig", "ascii") else None
    if charset_tag is not None:
        tags.append((charset_tag, _utf8_declaration(charset_tag)))
    return tags


#: A slot shown as written.
_AS_WRITTEN = Resolution()
#: How the headings of a Markdown article's HTML page get ids: GitHub's way from their text (which
#: markup around an untranslated unit does not change), a translated heading its source's.
PAGE_HEADING_IDS = "github"


@functools.lru_cache(maxsize=4096)  # an article's dates, in each language
def _localized_date(value: str, style: DateStyle | None, locale: str) -> str | None:
    return localize_date(value, style, locale)


def content_page(project: Project, document: Document, content: str) -> Document:
    """The HTML page of a generator's content file (Markdown, or HTML with front matter) from its
    (localized) text, read as an HTML article so that compile adds the same links, switcher, notices
    and file URLs as to any page."""
    # markdown-it: only for content files
    from ..formats.markdown import render_html_content_page, render_markdown_page

    shown = project.relative(document.path)
    if document.format == "markdown":
        html = render_markdown_page(content, document.source_locale, shown, PAGE_HEADING_IDS)
    else:
        html = render_html_content_page(content, document.source_locale, shown)
    from ..formats.html import read_html  # (an HTML article's compile may not read any)

    return read_html(html, document.path, "utf-8", read_options(project, document.path), display_path=shown)


def _seo_links(document: Document) -> SeoTags:
    """The source's ``<link rel="canonical">`` and ``<link rel="alternate" hreflang>`` tags, and its
    Open Graph ``og:locale`` and ``og:url`` ``<meta>`` tags."""
    canonical: list[Tag] = []
    alternates: list[Tag] = []
    open_graph: list[tuple[str, Tag]] = []
    own_locale = None
    for tag in document.tags():
        if tag.name not in ("link", "meta"):
            continue
        source = "".join(
            part if isinstance(part, str) else part.raw
            for part in tag.parts
            if isinstance(part, (str, AttrSlot))
        )
        attributes = {
            name: htmllib.unescape(source[start:end].strip("\"'"))
            for name, (start, end) in attribute_spans(source)
        }
        if tag.name == "meta":
            kind = attributes.get("property", "").lower()
            if kind in OPEN_GRAPH_REWRITTEN:
                open_graph.append((kind, tag))
            if kind == "og:locale" and own_locale is None:
                own_locale = attributes.get("content", "").strip() or None
            continue
        rel = attributes.get("rel", "").lower().split()
        if "canonical" in rel:
            canonical.append(tag)
        elif "alternate" in rel and "hreflang" in attributes:
            alternates.append(tag)
    return SeoTags(canonical, alternates, open_graph, own_locale)


class SeoTags(NamedTuple):
    """What a page tells search engines and social sites of itself (see :func:`_seo_links`)."""

    canonical: list[Tag]
    alternates: list[Tag]
    open_graph: list[tuple[str, Tag]]  # (property, tag)
    source_open_graph_locale: str | None = None  # the source page's og:locale, as written


#: A review copy's class (see :data:`~transpub.site.REVIEW_STATES`) of each state :func:`_review_state` tells.
_REVIEW_CSS = {"translated": "reviewed", "machine": "machine", "unreviewed": "unreviewed"}


def _review_state(
    entry: Translation | None, problem: tuple[str, str] | None, po_display: str
) -> tuple[str, str | None, str]:
    """For a review copy: the state class, the text to show (None: the source) and the PO location."""
    state = "missing" if entry is None or not entry.text or entry.state == "untranslated" else entry.state
    if state == "fuzzy":  # machine output, or other work not reviewed yet (see decide)
        assert entry is not None
        state = "machine" if is_machine_translation(entry.provenance) else "unreviewed"
    css = "broken" if problem else _REVIEW_CSS.get(state, "missing")
    where = f"{po_display}:{entry.line}" if entry is not None and entry.line else f"{po_display} (no entry)"
    text = entry.text if entry is not None and entry.text and not problem else None
    return css, text, where


def _utf8_declaration(tag: Tag) -> dict[str, str]:
    """The attribute to rewrite so that a legacy-charset page, now written in UTF-8, says so."""
    source = "".join(part for part in tag.parts if isinstance(part, str))
    names = {name for name, _ in attribute_spans(source)}
    return {"charset": "utf-8"} if "charset" in names else {"content": "text/html; charset=utf-8"}
