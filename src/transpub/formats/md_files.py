"""The files a Markdown article names by a relative path: its images, wherever Markdown puts them.

A localized copy of an article written in another folder (``site/es/posts/harbour.md`` for
``articles/posts/harbour.md``) no longer finds ``images/harbour.jpg``; compile needs each such
reference to put the file where the copy looks for it. :func:`file_references` lists them with
their lines: Markdown images (inline and by reference), the file URLs of raw HTML (``<img src>``,
``srcset``, ``<video poster>``… as in HTML articles; kramdown's ``{::nomarkdown}`` raw HTML too),
and, where they may name something else than a file beside the article (a page, a file of the
site's root), links and front matter values under image keys (``image``, ``images``,
``cover``…). On a Jekyll site, the file a ``{% include_relative snippet.md %}`` names too (Jekyll reads
it from the folder of the file that names it, and stops the build where it is not there). A kramdown
comment is never shown: no reference. Absolute URLs, ``data:``, fragments, code spans and blocks,
template tokens (Hugo shortcodes, Liquid tags) are not references.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from markdown_it.token import Token

from ..model import split_url
from .assets import asset_attributes, is_relative, urls_in
from .front_matter import read_front_matter
from .html_templates import body_templates
from .html_tokens import tokenize_html
from .md_parser import parse
from .md_reader import body_texts
from .md_source import MASK, Source
from .md_templates import Template
from .options import ReadOptions

#: Front matter keys whose string values (at any depth below them) name image files.
IMAGE_KEYS = frozenset(
    {"image", "images", "cover", "thumbnail", "featured_image", "featuredimage", "feature_image", "banner"}
)

#: What every reference needs somewhere in the text (a superset: most articles without any are not parsed).
_MAY_REFER = re.compile(r"\]\(|\]:|<|include_relative|" + "|".join(sorted(IMAGE_KEYS)), re.IGNORECASE)


@dataclass(frozen=True)
class FileReference:
    """A relative file URL of an article: the path it names (decoded, without ``?query#fragment``),
    the line where it is written and what holds it (``image``, ``<img src>``, ``front matter image``)."""

    path: str
    line: int
    what: str
    url: str
    #: False for a link or a front matter value: it may name a page, or a file from the site's root
    #: (Hugo's ``images``), rather than a file beside the article.
    file_only: bool = True


def file_references(
    text: str, shown: str, options: ReadOptions, *, html: bool = False
) -> list[FileReference]:
    """Every relative file reference of the Markdown article ``text`` (``html``: of the HTML content
    page, front matter then HTML), in line order.

    >>> [(r.path, r.line, r.what) for r in file_references(
    ...     "![A](img/a%20b.png)\\n\\n`![B](b.png)`\\n\\n<img src='c.png' alt=''>\\n\\n[x](d.pdf) ![E](https://e/e.png)\\n",
    ...     "a.md", ReadOptions())]
    [('img/a b.png', 1, 'image'), ('c.png', 5, '<img src>'), ('d.pdf', 7, 'link')]
    """
    if not _MAY_REFER.search(text):
        return []
    source = Source(text)
    front = read_front_matter(source.text, shown, options.front_matter_translated)
    if html:  # an HTML content page: its body is HTML as written
        body = front.end if front is not None else 0
        listed = list(_front_matter_references(source.text[:body], front.data)) if front is not None else []
        listed.extend(_html_references(source.text[body:], source.text.count("\n", 0, body) + 1))
        if options.kramdown:
            listed.extend(_relative_includes(source.text, body_templates(source.text, body)))
        return sorted(listed, key=lambda reference: reference.line)
    read = body_texts(source, front, options)
    found = list(_nomarkdown_references(source.text, read.templates, read.pairs))
    if options.kramdown:
        found.extend(_relative_includes(source.text, read.templates))
    if front is not None:
        found.extend(_front_matter_references(source.text[: front.end], front.data))
    for token in parse(read.parsed, {}):
        if token.map is None:
            continue
        first_line = token.map[0] + 1
        if token.type == "html_block":
            found.extend(_html_references(token.content, first_line))
        elif token.type == "inline":
            found.extend(_inline_references(token, first_line))
    return sorted(found, key=lambda reference: reference.line)


def _nomarkdown_references(
    text: str, templates: list[Template], pairs: list[tuple[Template, Template]]
) -> Iterator[FileReference]:
    """The file URLs of the raw HTML kramdown writes out as it is from ``{::nomarkdown}``…``{:/nomarkdown}``
    (``templates``, ``pairs``: the article's, read as kept: a pair on lines of its own, or one token
    inside a paragraph on a Jekyll site)."""
    spans = [(opener.end, closer.start) for opener, closer in pairs if _is_nomarkdown(opener)]
    spans.extend(
        (text.find("}", template.start) + 1, text.rfind("{:/", template.start, template.end))
        for template in templates
        if _is_nomarkdown(template) and not template.block and template.self_closing
    )
    for start, end in spans:
        if start < end:
            yield from _html_references(text[start:end], text.count("\n", 0, start) + 1)


#: What holds a reference a Liquid ``{% include_relative %}`` tag makes (its file missing stops ``jekyll build``).
INCLUDE_RELATIVE = "{% include_relative %}"
#: The file a Liquid ``{% include_relative %}`` names: the first word after the tag's name.
_INCLUDE_RELATIVE = re.compile(r"\{%-?\s*include_relative\s+([^\s%]+)")


def _relative_includes(text: str, templates: list[Template]) -> Iterator[FileReference]:
    """The files Jekyll's ``{% include_relative path %}`` tags of ``text`` include (``templates``: the
    article's; a path holding a Liquid variable is the generator's)."""
    for template in templates:
        if template.opener == "{%" and template.name == "include_relative" and not template.closing:
            named = _INCLUDE_RELATIVE.match(text, template.start, template.end)
            if named is not None:
                line = text.count("\n", 0, template.start) + 1
                found = _reference(named.group(1), line, INCLUDE_RELATIVE)
                if found is not None:
                    yield found


def _is_nomarkdown(template: Template) -> bool:
    return template.opener == "{:" and template.name == "nomarkdown"


def _reference(url: str, line: int, what: str, file_only: bool = True) -> FileReference | None:
    url = url.strip()
    shown = unquote(url)  # markdown-it gives an image's URL percent-encoded
    if MASK in shown or "{{" in shown or "{%" in shown:  # a template token: the generator's
        return None
    if not is_relative(url):
        return None
    path = unquote(split_url(url)[0])
    return FileReference(path, line, what, shown, file_only) if path else None


def _inline_references(token: Token, first_line: int) -> Iterator[FileReference]:
    content = token.content
    cursor = 0
    for child in token.children or []:
        if child.type in ("image", "link_open"):
            start = child.meta.get("span", (cursor, cursor))[0] if child.meta else cursor
            cursor = max(cursor, start)
            line = first_line + content.count("\n", 0, start)
            if child.type == "image":
                found = _reference(str(child.attrs.get("src", "")), line, "image")
            else:
                found = _reference(str(child.attrs.get("href", "")), line, "link", file_only=False)
            if found is not None:
                yield found
        elif child.type == "html_inline":
            start = content.find(child.content, cursor)
            start = cursor if start < 0 else start
            cursor = start + len(child.content)
            yield from _html_references(child.content, first_line + content.count("\n", 0, start))


def _html_references(html: str, first_line: int) -> Iterator[FileReference]:
    line = first_line
    for token in tokenize_html(html):
        if token.kind in ("start", "startend"):
            for name, value in asset_attributes(token.tag, token.attrs).items():
                for url in urls_in(name, value):
                    found = _reference(url, line, f"<{token.tag} {name}>")
                    if found is not None:
                        yield found
        line += token.raw.count("\n")


def _front_matter_references(block: str, data: object) -> Iterator[FileReference]:
    """The relative paths among the string values under :data:`IMAGE_KEYS`, each at the first line
    of the block that holds it (after the previous one's)."""
    searched = 0
    for value in _image_values(data, False):
        at = block.find(value, searched)
        if at < 0:
            at = block.find(value)
        if at < 0:
            continue
        searched = at + len(value)
        found = _reference(value, block.count("\n", 0, at) + 1, "front matter image", file_only=False)
        if found is not None and Path(found.path).suffix:
            yield found


def _image_values(data: object, under_image_key: bool) -> Iterator[str]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _image_values(value, under_image_key or str(key).lower() in IMAGE_KEYS)
    elif isinstance(data, list):
        for value in data:
            yield from _image_values(value, under_image_key)
    elif isinstance(data, str) and under_image_key and "\n" not in data:
        yield data
