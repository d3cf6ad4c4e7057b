"""The id a static-site generator gives a Markdown heading that has none of its own.

A generator derives a heading's anchor from its text (``## Install the tool`` →
``#install-the-tool``). Once the heading is translated, the anchor is derived from the translation
and every link to the old one (``[see](#install-the-tool)``, ``page.md#install-the-tool``) breaks.
``[compile] heading_ids`` names the generator; compile then writes ``{#install-the-tool}`` after a
translated heading that has no id of its own, the id the generator gives the source heading, so
links keep working. Each style follows its generator's own code:

- ``hugo``: Hugo 0.144 and later (Goldmark, ``autoIDType = "github"``): the heading's plain text
  (code spans' code, a link's or an emphasis' first piece, typographer dashes), lower-cased
  letters, digits and ``_``, a space or ``-`` a ``-``; an empty one ``heading``; a repeated one
  ``-1``, ``-2``…
- ``hugo-0.143``: Hugo up to 0.143 (Debian bookworm's 0.111): the same, from the heading's source
  line as written (a link's address and emphasis marks included).
- ``hugo-blackfriday``, ``hugo-0.143-blackfriday``: the same texts with Hugo's
  ``autoHeadingIDType = "blackfriday"`` (the Kubernetes docs): lower-cased letters and digits, each
  run of anything else one ``-`` between them.
- ``jekyll``: kramdown's GFM parser (Jekyll's default): the text (typographic symbols left out),
  lower-cased word characters, ``-``, spaces and tabs as ``-``; a repeated one ``-1``, ``-2``…
- ``mkdocs``: Python-Markdown's ``toc`` (MkDocs): ASCII-folded, lower-cased word characters, runs of
  spaces and ``-`` one ``-``; a repeated one ``_1``, ``_2``… (``{#id}`` needs ``attr_list``). The
  site's ``mkdocs.yml`` may set toc's ``slugify`` (``pymdownx.slugs.slugify``) and ``separator``, and
  turn emoji short names (``:smile:``) into images the id leaves out (``pymdownx.emoji``): see
  :mod:`transpub.mkdocs_site`. An id the settings leave unknown is absent; one ``{#id}`` cannot
  carry (a space in it) too.
- ``mdbook``: mdBook: lower-cased alphanumerics, ``_`` and ``-``, a space ``-``; empty ``section``.

``github`` is transpub's own, for the HTML pages it makes of Markdown articles: GitHub's way (as
``hugo``) from the heading's whole text, from its source line when that cannot be told.

A heading's list in attr_list's colon form (``## Title {: .wide }``) is read by Python-Markdown
alone: in MkDocs the id goes at its start (``{: #install-the-tool .wide }``); Goldmark and kramdown
show it as text, their id is derived from it and written after it; mdBook's reading of it is not
known here (no id).

A heading whose text holds what the generator reads otherwise (a template token, a footnote, an
attribute list) gets no id from transpub: its anchor cannot be told here.

A heading in the lines right under a ``<div markdown="1">`` of its own, up to a blank line, is text
of an HTML block to CommonMark (Hugo's Goldmark, mdBook, transpub's pages): no heading there, it gets
no id and counts for no other's. kramdown reads it as a heading, whose id its HTML converter gives
(Jekyll's GFM parser leaves the headings inside HTML elements to it): kramdown's own ids
(``basic_generate_id``: ASCII letters, digits, spaces as ``-`` and ``-``, from the first letter on;
an empty one ``section``), counted apart from the page's other headings; MkDocs' as any other.
"""

from __future__ import annotations

import re
import unicodedata
import urllib.parse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..config import HEADING_ID_STYLES
from ..mkdocs_site import DEFAULT_IDS, MkDocsIds

if TYPE_CHECKING:  # (compile of HTML articles imports this module, never markdown-it)
    from markdown_it.token import Token

#: The generators ``[compile] heading_ids`` may name.
STYLES = HEADING_ID_STYLES

#: One attribute of a heading's list: ``#id``, ``.class``, ``key=value`` or a bare ``key`` (an id or
#: class may hold dots after its first character, as Goldmark reads them: ``{#v0.14.2}``; Hugo reads
#: ``{##id}``, which the Kubernetes docs write, as ``{#id}``).
_ONE_ATTRIBUTE = r"(?:(?:#+|\.)[\w:-][\w:.-]*|[\w-]+=(?:\"[^\"]*\"|'[^']*'|[^\s}]+)|[\w-]+)"
#: A heading's attribute list at the end of its text (``## Title {#id .class}``, Python-Markdown's
#: ``{ data-search-exclude }``): the attributes in group 1. The reader keeps it as markup, the
#: renderer puts the attributes on the heading.
HEADING_ATTRIBUTES = re.compile(rf"[ \t]*\{{[ \t]*({_ONE_ATTRIBUTE}(?:[ \t]+{_ONE_ATTRIBUTE})*)[ \t]*\}}$")
#: A heading's attribute list in attr_list's colon form at the end of its text, after a space
#: (``## Title {: .wide }``; no id in it): the list in group 1. Python-Markdown reads it as the
#: heading's list; Goldmark and kramdown's GFM parser show it as text (their id is derived from it).
COLON_ATTRIBUTES = re.compile(
    rf"[ \t]+(\{{:[ \t]*(?!#|id=){_ONE_ATTRIBUTE}(?:[ \t]+(?!#|id=){_ONE_ATTRIBUTE})*[ \t]*\}})$"
)
#: One attribute in a list's group 1: ``#``/``.`` and a name, ``key=value`` (groups 3-6), a bare ``key`` (7).
ATTRIBUTE = re.compile(
    r"([#.])(?:(?<=#)#+)?([\w:-][\w:.-]*)|([\w-]+)=(?:\"([^\"]*)\"|'([^']*)'|([^\s}]+))|([\w-]+)"
)
#: An id kramdown reads in ``## Title {#id}`` (an XML name: a letter or ``_`` first, no digit).
_KRAMDOWN_ID = re.compile(r"[^\W\d][\w:.-]*")
_CONTAINERS = {"em_open", "strong_open", "s_open", "link_open"}
_LEAVES = {"text", "code_inline", "softbreak", "hardbreak", "html_inline", "image"}
_DASHES = re.compile(r"---|--")


@dataclass
class _Node:
    """A piece of a heading's inline content (markdown-it's flat tokens as a tree)."""

    type: str
    content: str = ""
    children: list[_Node] | None = None
    #: A text node of an escaped character or an entity (``\\:``, ``&colon;``).
    special: bool = False


def _tree(tokens: Sequence[Token]) -> list[_Node] | None:
    """``tokens`` (an inline token's children) as a tree; None when one of them is not plain text,
    code, a break, emphasis, a link, an image or inline HTML."""
    root: list[_Node] = []
    stack: list[list[_Node]] = [root]
    for token in tokens:
        if token.type in _CONTAINERS:
            node = _Node(token.type[: -len("_open")], children=[])
            stack[-1].append(node)
            assert node.children is not None
            stack.append(node.children)
        elif token.type.endswith("_close") and token.type.replace("_close", "_open") in _CONTAINERS:
            if len(stack) == 1:
                return None
            stack.pop()
        elif token.type == "image":
            alt = _tree(token.children or [])
            if alt is None:
                return None
            stack[-1].append(_Node("image", children=alt))
        elif token.type == "text_special":  # an entity or an escaped character: text
            stack[-1].append(_Node("text", token.content, special=True))
        elif token.type in _LEAVES:
            stack[-1].append(_Node(token.type, token.content))
        else:
            return None
    return root if len(stack) == 1 else None


def _all_text(nodes: list[_Node], *, without_dashes: bool = False) -> str:
    """The text of ``nodes`` as a page shows it (an image's alt text left out); ``without_dashes``:
    ``--`` and ``---`` outside code left out (kramdown's typographic dashes, never in an id)."""
    out: list[str] = []
    for node in nodes:
        if node.type == "text":
            out.append(_DASHES.sub("", node.content) if without_dashes else node.content)
        elif node.type == "code_inline":
            out.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif node.type != "image" and node.children is not None:
            out.append(_all_text(node.children, without_dashes=without_dashes))
    return "".join(out)


def _hugo_text(nodes: list[_Node]) -> str | None:
    """Hugo's plain text of a heading (``render.TextPlain``): text and code; of a link, emphasis or
    image, its first piece only (None when it has more than one: the pieces Goldmark makes are not
    always markdown-it's)."""
    out: list[str] = []
    for node in nodes:
        if node.type == "text":
            out.append(_typographer(node.content))
        elif node.type == "code_inline":
            out.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif node.children is not None:
            if len(node.children) > 1:
                return None
            inner = _hugo_text(node.children)
            if inner is None:
                return None
            out.append(inner)
    return "".join(out)


def _typographer(text: str) -> str:
    """What Goldmark's typographer makes of ``text``, as far as an id can tell (dashes, guillemets)."""
    text = _DASHES.sub(lambda m: "—" if len(m.group()) == 3 else "–", text)
    return text.replace("...", "…").replace("<<", "«").replace(">>", "»")


def _goldmark_sanitized(text: str) -> str:
    """Hugo's ``sanitizeAnchorName`` (github): trimmed, letters, digits and ``_`` lower-cased, a space
    or ``-`` a ``-``, anything else left out.

    >>> _goldmark_sanitized("Special !\\"#$%&(parens)=?´* chars")
    'special-parens-chars'
    """
    out = []
    for char in text.strip():
        if char in "- ":
            out.append("-")
        elif char == "_" or unicodedata.category(char) == "Nd" or unicodedata.category(char)[0] == "L":
            out.append(char.lower())
    return "".join(out)


def _blackfriday(text: str) -> str:
    """Blackfriday's ``SanitizedAnchorName`` (Hugo's ``autoHeadingIDType = "blackfriday"``).

    >>> _blackfriday("Let's try this, shall we?"), _blackfriday("A/AAAA records_v1.6 ")
    ('let-s-try-this-shall-we', 'a-aaaa-records-v1-6')
    """
    out: list[str] = []
    dash = False
    for char in text:
        if unicodedata.category(char)[0] in "LN":
            if dash and out:
                out.append("-")
            dash = False
            out.append(char.lower())
        else:
            dash = True
    return "".join(out)


_NOT_RUBY_WORD = re.compile(r"[^\w\- \t]")


def _kramdown_gfm(text: str) -> str:
    """kramdown's ``generate_gfm_header_id`` before its counter: down-cased, characters other than
    word characters, ``-``, spaces and tabs left out, spaces and tabs ``-``.

    >>> _kramdown_gfm("with  ä space"), _kramdown_gfm("abc def öúß")
    ('with--ä-space', 'abc-def-öúß')
    """
    lowered = text.lower()
    kept = "".join(
        char for char in lowered if _NOT_RUBY_WORD.match(char) is None or unicodedata.category(char)[0] == "M"
    )
    return kept.replace(" ", "-").replace("\t", "-")


def _python_markdown(text: str) -> str:
    """Python-Markdown's ``toc.slugify`` with ``-`` (MkDocs' default).

    >>> _python_markdown("Résumé 神 Über"), _python_markdown("Multiple--Hyphens  here ")
    ('resume-uber', 'multiple-hyphens-here')
    """
    return _toc_slugify(text, "-", unicode=False)


def _toc_slugify(value: str, separator: str, *, unicode: bool) -> str:
    """Python-Markdown's ``toc.slugify`` (``unicode``: its ``slugify_unicode``)."""
    if not unicode:
        value = unicodedata.normalize("NFKD", value).encode("ascii", "ignore").decode("ascii")
    value = re.sub(r"[^\w\s-]", "", value).strip().lower()
    return re.sub(rf"[{separator}\s]+", separator, value)


_TAGS = re.compile(r"</?[^>]*>")
_ASCII_CAPITALS = re.compile(r"[A-Z]")
_NOT_SLUG = re.compile(r"[^\w\- ]")


def _pymdownx_slugify(text: str, ids: MkDocsIds) -> str:
    """``pymdownx.slugs.slugify`` with the options of ``ids``: normalized, tags and the ends' spaces
    left out, its case as ``case`` says, characters other than word characters, ``-`` and spaces
    left out, each space the separator; percent-encoded (UTF-8) with ``percent_encode``.

    >>> _pymdownx_slugify("Über  Café -- a/b", MkDocsIds(slugify="pymdownx", case="lower-ascii"))
    'Über--café----ab'
    >>> _pymdownx_slugify("Été", MkDocsIds(slugify="pymdownx", case="lower", percent_encode=True))
    '%C3%A9t%C3%A9'
    """
    slug = _TAGS.sub("", unicodedata.normalize(ids.normalize, text)).strip()  # type: ignore[arg-type]
    if ids.case == "lower":
        slug = slug.lower()
    elif ids.case == "lower-ascii":
        slug = _ASCII_CAPITALS.sub(lambda capital: capital.group().lower(), slug)
    elif ids.case == "fold":
        slug = slug.casefold()
    slug = _NOT_SLUG.sub("", slug).replace(" ", ids.separator)
    return urllib.parse.quote(slug.encode("utf-8")) if ids.percent_encode else slug


#: An emoji short name as pymdownx.emoji finds one (``:smile:``, ``:+1:``).
_EMOJI = re.compile(r":[+\-\w]+:")
#: One that is an emoji or icon of the indexes transpub knows: a lower-case ASCII name with a letter,
#: or one of the four without (a name no index has stays text to MkDocs: ``3:2:1``).
_EMOJI_NAME = re.compile(r":(?:[a-z0-9_+-]*[a-z][a-z0-9_+-]*|\+1|-1|100|1234):")


def _mkdocs_text(nodes: list[_Node], emoji: str) -> str | None:
    """The text of ``nodes`` as toc slugifies it (see :func:`_all_text`), the spaces of its entities
    (``&nbsp;``) as :data:`_KEPT_SPACE` marks them: with ``emoji == "dropped"``, the emoji short
    names of its text left out; with ``"unknown"``, None when it holds one.

    >>> _mkdocs_text([_Node("text", "Icons, Emojis :smile: 3:2:1")], "dropped")
    'Icons, Emojis  3:2:1'
    >>> _mkdocs_text([_Node("text", ":", special=True), _Node("text", "smile:")], "dropped")
    ':smile:'
    """
    out: list[str] = []
    run: list[str] = []  # (text up to an escape, an entity or other markup: where a name can be)

    def flush() -> bool:
        text = "".join(run)
        run.clear()
        if emoji == "text" or ":" not in text:
            out.append(text)
            return True
        names = [found for found in _EMOJI.finditer(text) if _EMOJI_NAME.fullmatch(found.group())]
        if names and emoji != "dropped":
            return False
        out.append(
            _EMOJI.sub(lambda found: "" if _EMOJI_NAME.fullmatch(found.group()) else found.group(), text)
        )
        return True

    for node in nodes:
        if node.type == "text" and not node.special:
            run.append(node.content)
            continue
        if not flush():
            return None
        if node.type == "text":
            out.append(_SPACE.sub(lambda space: _KEPT_SPACE.get(space.group(), space.group()), node.content))
        elif node.type == "code_inline":
            out.append(node.content)
        elif node.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif node.type != "image" and node.children is not None:
            inner = _mkdocs_text(node.children, emoji)
            if inner is None:
                return None
            out.append(inner)
    return "".join(out) if flush() else None


_SPACE = re.compile(r"\s")
#: A space an entity writes (``&nbsp;``), which toc's ``strip_tags`` does not collapse (it reads the
#: entity), as a private-use character for a while.
_KEPT_SPACE = {chr(code): chr(0xF0000 + code) for code in range(0x3001) if chr(code).isspace()}
_SPACE_KEPT = {ord(kept): space for space, kept in _KEPT_SPACE.items()}


def mkdocs_slug(nodes: list[_Node], ids: MkDocsIds) -> str | None:
    """The id MkDocs derives from a heading of ``nodes`` on a site of ``ids``, before it is made
    unique (None: not known)."""
    text = _mkdocs_text(nodes, ids.emoji)
    if text is None:
        return None
    text = " ".join(text.split()).translate(_SPACE_KEPT)  # (toc's strip_tags, then html.unescape)
    try:
        if ids.slugify in ("toc", "toc-unicode"):
            return _toc_slugify(text, ids.separator, unicode=ids.slugify == "toc-unicode")
        if ids.slugify == "pymdownx":
            return _pymdownx_slugify(text, ids)
    except (re.error, ValueError):  # (a separator that is no regular expression in toc's)
        return None
    return None


def _mdbook(text: str) -> str:
    """mdBook's ``id_from_content`` (empty: ``section``).

    >>> _mdbook("`--passes`: add more rustdoc passes".replace("`", ""))
    '--passes-add-more-rustdoc-passes'
    """
    out = []
    for char in text.strip().lower():
        if char.isalnum() or char in "_-":
            out.append(char)
        elif char.isspace():
            out.append("-")
    return "".join(out) or "section"


def _kramdown_basic(text: str) -> str:
    """kramdown's ``basic_generate_id`` (its HTML converter's, for a heading inside an HTML element):
    from the first ASCII letter on, ASCII letters, digits, spaces and ``-``, spaces ``-``, lower-cased.

    >>> _kramdown_basic("1. Über `make` & more"), _kramdown_basic("中文")
    ('ber-make--more', '')
    """
    kept = "".join(char for char in _BEFORE_LETTER.sub("", text) if char in _KRAMDOWN_BASIC)
    return kept.replace(" ", "-").lower()


_BEFORE_LETTER = re.compile(r"^[^a-zA-Z]+", re.M)
_KRAMDOWN_BASIC = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -")
#: The styles whose generator reads the lines right under a ``<div markdown="1">`` of its own as raw
#: HTML (CommonMark's HTML block): no heading there.
_RAW_HTML_STYLES = frozenset(style for style in (*STYLES, "github") if style not in ("jekyll", "mkdocs"))


def in_html_block(bases: dict[str, str], raw: str) -> dict[str, str]:
    """The ids of ``bases`` (see :func:`base_ids`) for a heading written ``raw`` in the lines right
    under a ``<div markdown="1">`` of its own (see the module's docstring): none for a generator that
    reads them as raw HTML, kramdown's own for Jekyll.

    >>> in_html_block({"hugo": "note", "jekyll": "note", "mkdocs": "note"}, "Note")
    {'mkdocs': 'note', 'jekyll': 'note'}
    """
    ids = {
        style: found for style, found in bases.items() if style not in _RAW_HTML_STYLES and style != "jekyll"
    }
    if "jekyll" in bases:
        ids["jekyll"] = _kramdown_basic(raw.rsplit("\n", 1)[-1]) or "section"
    return ids


def base_ids(tokens: Sequence[Token], raw: str, mkdocs: MkDocsIds = DEFAULT_IDS) -> dict[str, str]:
    """The id each style derives from a heading's text before it is made unique: ``tokens`` are its
    inline content's (markdown-it's children), ``raw`` its text as the source writes it (closing
    ``#``s and attribute list left out), ``mkdocs`` the MkDocs site's settings. A style that cannot
    tell is absent."""
    line = raw.rsplit("\n", 1)[-1]
    ids: dict[str, str] = {
        "hugo-0.143": _goldmark_sanitized(line),
        "hugo-0.143-blackfriday": _blackfriday(line),
    }
    nodes = _tree(tokens)
    if nodes is None:
        ids["github"] = ids["hugo-0.143"]
        return ids
    text = _all_text(nodes)
    ids["github"] = _goldmark_sanitized(text.replace("\n", " "))
    hugo = _hugo_text(nodes)
    if hugo is not None:
        last_line = hugo.rsplit("\n", 1)[-1]  # (of a setext heading over lines, Hugo takes the last)
        ids["hugo"] = _goldmark_sanitized(last_line)
        ids["hugo-blackfriday"] = _blackfriday(last_line)
    ids["jekyll"] = _kramdown_gfm(_all_text(nodes, without_dashes=True))
    mkdocs_id = mkdocs_slug(nodes, mkdocs)
    if mkdocs_id is not None:
        ids["mkdocs"] = mkdocs_id
    ids["mdbook"] = _mdbook(text)
    return ids


@dataclass
class Heading:
    """One Markdown heading of a page, in order: its explicit ``{#id}``, or the ids each style derives
    from its text (None: no style can tell, a template token in it)."""

    explicit: str | None = None
    bases: dict[str, str] | None = None
    #: Its attribute list without an id (``{.wide}``, ``{: .beat}``), where its id then goes.
    attributes: str = ""
    #: In the lines right under a ``<div markdown="1">`` of its own (see :func:`in_html_block`).
    in_html_block: bool = False


def unique_ids(headings: Sequence[Heading]) -> list[dict[str, str]]:
    """Each heading's id in each style, made unique in the page as the generator makes it (empty
    dict for a heading with an explicit id; a style absent: no id, or one transpub cannot tell or
    the generator's ``{#id}`` cannot say)."""
    found: list[dict[str, str]] = [{} for _ in headings]
    hugo_used = {style: _Used() for style in (*STYLES, "github") if style[:1] in "hg"}
    kramdown_counts: dict[str, int] = {}
    converter_counts: dict[str, int] = {}  # (kramdown's HTML converter's, in an HTML element)
    mkdocs_used = _Used(heading.explicit for heading in headings if heading.explicit)
    mdbook_used = _Used()
    for number, heading in enumerate(headings):
        if heading.explicit is not None:
            if not heading.in_html_block:  # (text to Goldmark there)
                for used in hugo_used.values():
                    used.ids.add(heading.explicit)
            continue
        bases = heading.bases or {}
        for style, used in hugo_used.items():
            if style in bases:
                found[number][style] = used.unique(bases[style] or "heading")
        if "jekyll" in bases:
            base = bases["jekyll"]
            counts = converter_counts if heading.in_html_block else kramdown_counts
            count = counts[base] = counts.get(base, -1) + 1
            written = f"{base}-{count}" if count else base
            if _KRAMDOWN_ID.fullmatch(written):
                found[number]["jekyll"] = written
        if "mkdocs" in bases:
            written = mkdocs_used.python_markdown_unique(bases["mkdocs"])
            if _ATTR_LIST_ID.fullmatch(written):
                found[number]["mkdocs"] = written
        if "mdbook" in bases:
            found[number]["mdbook"] = mdbook_used.unique(bases["mdbook"])
    return found


_COUNTED = re.compile(r"^(.*)_([0-9]+)$")
#: An id whose ``#`` magiclink and mdx_gh_links would read as an issue's (``#404-pages``).
_DIGIT_FIRST = re.compile(r"[0-9]")
#: An id Python-Markdown's ``attr_list`` reads whole in ``{#id}`` (a separator may put a space in one).
_ATTR_LIST_ID = re.compile(r"[^\s=}'\"]+")


class _Used:
    """The ids in use on a page, and the next number to try after each stem (a page of a thousand
    ``### Fixed`` headings is read in linear time)."""

    def __init__(self, ids: Iterable[str | None] = ()) -> None:
        self.ids: set[str] = {found for found in ids if found}
        self.next: dict[str, int] = {}

    def unique(self, base: str) -> str:
        """``base``, or ``base-1``, ``base-2``… the first not in use (Goldmark's, mdBook's way)."""
        if base in self.ids:
            return self._numbered(base, "-", 1)
        self.ids.add(base)
        return base

    def python_markdown_unique(self, base: str) -> str:
        """Python-Markdown's ``toc.unique``: ``base``, or ``_1`` added, or its ``_N`` counted up."""
        if base and base not in self.ids:
            self.ids.add(base)
            return base
        counted = _COUNTED.match(base)
        if counted:
            return self._numbered(counted.group(1), "_", int(counted.group(2)) + 1)
        return self._numbered(base, "_", 1)

    def _numbered(self, stem: str, joint: str, first: int) -> str:
        number = max(first, self.next.get(stem + joint, first))
        while f"{stem}{joint}{number}" in self.ids:
            number += 1
        self.next[stem + joint] = number + 1
        written = f"{stem}{joint}{number}"
        self.ids.add(written)
        return written


def reads_list(style: str, attributes: str) -> bool:
    """Whether the generator of ``style`` reads a heading's attribute list ``attributes`` as one
    (else it shows it as text, and derives the id from it too): kramdown's header ids stand alone;
    Goldmark reads no bare name (``{ data-search-exclude }``), Python-Markdown, pulldown-cmark (mdBook)
    and transpub's pages do.

    >>> reads_list("hugo", "{.wide}"), reads_list("hugo", "{ data-x }"), reads_list("mkdocs", "{ data-x }")
    (True, False, True)
    >>> reads_list("hugo", '{.wide title="Two words"}')
    True

    attr_list's colon form is Python-Markdown's alone (see :data:`COLON_ATTRIBUTES`):

    >>> reads_list("mkdocs", "{: .wide }"), reads_list("hugo", "{: .wide }"), reads_list("jekyll", "{: .wide }")
    (True, False, False)
    """
    if style == "jekyll" or (attributes.startswith("{:") and style != "mkdocs"):
        return False
    found = HEADING_ATTRIBUTES.fullmatch(attributes)
    bare_names = found is None or any(one.group(7) for one in ATTRIBUTE.finditer(found.group(1)))
    return not bare_names or style in ("mkdocs", "mdbook", "github")


def id_written(style: str, heading_id: str, attributes: str = "") -> str:
    """What follows a translated heading's text in ``style``: `` {#id}``, written instead of the
    closing ``#``s the source may have (they are optional, and Goldmark before 1.7.14 took a ``#``
    of the translation for them). With ``attributes`` (the heading's own list, which the generator
    reads: see :func:`reads_list`): ``#id `` to write at the list's start.

    In MkDocs an id starting with a digit is written ``id="404-pages"``: pymdownx.magiclink and
    mdx_gh_links link the ``#404`` of ``{#404-pages}`` as an issue before attr_list reads the list.
    Any other is written ``{ #id }``, as FastAPI's docs write theirs: mkdocs-macros (and the macros
    of FastAPI's site) run the page as a Jinja template first, where ``{#`` opens a comment (the
    page failed to build, or lost what lay up to the next ``#}``).

    >>> id_written("hugo", "a"), id_written("hugo", "a", "{.wide}"), id_written("mkdocs", "404-pages")
    (' {#a}', '#a ', ' { id="404-pages" }')
    >>> id_written("mkdocs", "a"), id_written("mkdocs", "a", "{.wide}")
    (' { #a }', ' #a ')
    """
    if style == "mkdocs" and _DIGIT_FIRST.match(heading_id):
        return f'id="{heading_id}" ' if attributes else f' {{ id="{heading_id}" }}'
    if style == "mkdocs":
        return f" #{heading_id} " if attributes else f" {{ #{heading_id} }}"
    return f"#{heading_id} " if attributes else f" {{#{heading_id}}}"
