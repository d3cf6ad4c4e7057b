"""Markdown articles: read as Markdown (:mod:`.md_reader`), published as Markdown or as an HTML page.

:func:`read_markdown` gives a :class:`Document` of the Markdown source itself (format
``"markdown"``): its rendering with translations is the localized Markdown a static-site
generator builds from. :func:`render_markdown_page` turns (localized) Markdown into a complete
HTML page (:func:`render_html_content_page` an HTML content page with front matter) for projects that publish a finished site: the front matter ``title`` becomes the
page title, ``summary``/``description`` the meta description, every other key a
``<meta name="KEY" translate="no">``; Hugo's ``figure`` shortcode becomes a ``<figure>``, the
Markdown inside ``{{% x %}}`` pairs a ``<div class="shortcode-x">``, other template tokens are
left out (a comment names a block one), so no ``{{<`` reaches a reader.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from ..config import FRONT_MATTER_KEYS
from .document import escape_attribute, escape_text
from .front_matter import read_front_matter
from .md_parser import rendering_parser
from .md_reader import read_markdown
from .md_templates import MATH_OPENERS, Template, scan_templates

_ESCAPED = re.compile(r"\{\{([<%])/\*(.*?)\*/([>%])\}\}", re.S)


def render_markdown_page(markdown_text: str, lang: str, shown: str, heading_ids: str = "github") -> str:
    """The HTML page of a Markdown article (deterministic, so catalogs do not churn).

    Raw HTML in the Markdown is kept as HTML (CommonMark allows it); Windows line ends are read as
    line ends; a heading without an id gets the one the generator ``heading_ids`` names would give
    it (see :mod:`.heading_ids`). ArticleError (with the line) for broken front matter.
    """
    text = markdown_text.replace("\r\n", "\n").replace("\r", "\n")
    front = read_front_matter(text, shown, FRONT_MATTER_KEYS)
    body = text[front.end :] if front is not None else text
    html_body = rendering_parser().render(_for_html(body), {"heading_ids": heading_ids})
    return _page(front.data if front is not None else {}, html_body, lang, shown)


def render_html_content_page(content: str, lang: str, shown: str) -> str:
    """The HTML page of an HTML content page of a static-site generator (front matter, then the body
    as the generator uses it: as written, its template tokens replaced as for Markdown).

    ArticleError (with the line) for broken front matter.
    """
    front = read_front_matter(content, shown, FRONT_MATTER_KEYS)
    body = content[front.end :] if front is not None else content
    return _page(front.data if front is not None else {}, _for_html(body.lstrip("\r\n")), lang, shown)


def _page(meta: dict, html_body: str, lang: str, shown: str) -> str:
    """A complete page: ``meta`` (front matter) in its head, ``html_body`` in an ``<article>``."""
    title = str(meta.get("title", "")).strip()
    if not title:
        first_heading = _first_heading(html_body)
        title = html.unescape(_without_tags(first_heading)) if first_heading is not None else Path(shown).stem
    head = [f"<title>{escape_text(title)}</title>"]
    summary = meta.get("summary", meta.get("description"))
    if summary:
        head.append(f'<meta name="description" content="{escape_attribute(str(summary).strip())}">')
    for key, value in meta.items():
        if key in ("title", "summary", "description"):
            continue
        head.append(
            f'<meta name="{escape_attribute(str(key))}" content="{escape_attribute(_flat(value))}" translate="no">'
        )
    heading = (
        ""
        if re.match(r"\s*<h1[\s>]", html_body) or not meta.get("title")
        else f"<h1>{escape_text(title)}</h1>\n"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n' + "\n".join(head) + "\n</head>\n"
        f"<body>\n<article>\n{heading}{html_body}</article>\n</body>\n</html>\n"
    )


_H1 = re.compile(r"<h1(?:\s[^>]*)?>")
_TAG = re.compile(r"<[^>]+>")


def _first_heading(html_body: str) -> str | None:
    """What the first ``<h1>`` with an end holds, or None.

    Only the first ``<h1>`` is looked at (a later one ends where it does, or has no end either),
    and only up to the last ``>`` (each of thousands of ``<h1`` with no end searched the rest of
    the page, n² time).

    >>> _first_heading('<p>a</p><h1 id="t">The <em>title</em></h1><h1>B</h1>'), _first_heading("<h1>x")
    ('The <em>title</em>', None)
    """
    opening = _H1.search(html_body, 0, html_body.rfind(">") + 1)
    if opening is None:
        return None
    end = html_body.find("</h1>", opening.end())
    return html_body[opening.end() : end] if end >= 0 else None


def _without_tags(text: str) -> str:
    """``text`` without its tags, looked for up to the last ``>`` (see :func:`_first_heading`)."""
    last = text.rfind(">") + 1
    return _TAG.sub("", text[:last]) + text[last:]


#: The name markdown_to_html had before articles were read as Markdown (kept for callers).
markdown_to_html = render_markdown_page


def _for_html(body: str) -> str:
    """``body`` with template tokens replaced by what an HTML page shows of them."""
    out: list[str] = []
    pos = 0
    for template in scan_templates(body):
        out.append(body[pos : template.start])
        out.append(_html_of(template, body[template.start : template.end]))
        pos = template.end
    out.append(body[pos:])
    return "".join(out)


def _html_of(template: Template, raw: str) -> str:
    if template.opener in MATH_OPENERS:
        return escape_text(raw)  # math, as written, for MathJax or KaTeX
    if template.opener in ("{{</*", "{{%/*"):
        return _ESCAPED.sub(lambda m: "{{" + m.group(1) + m.group(2) + m.group(3) + "}}", raw)
    if template.shortcode and template.name == "figure" and not template.closing:
        params = {param.name: param.value for param in template.params}
        image = f'<img src="{escape_attribute(params.get("src", ""))}" alt="{escape_attribute(params.get("alt", ""))}">'
        caption = params.get("caption") or params.get("title")
        caption_html = f"<figcaption>{escape_text(caption)}</figcaption>" if caption else ""
        return f"<figure>{image}{caption_html}</figure>"
    if template.block and template.opener == "{{%" and not template.self_closing:
        if template.closing:
            return "\n</div>\n"
        return f'<div class="shortcode-{escape_attribute(template.name)}">\n'
    if template.block:
        return f"<!-- {escape_text(template.name or 'template')} -->"
    return ""


def _flat(value: object) -> str:
    """A front matter value as a meta tag's content (``true``, ``2024-03-03``, ``a, b``)."""
    if isinstance(value, (list, tuple)):
        return ", ".join(_flat(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return ""
    return str(value)


__all__ = ["markdown_to_html", "read_markdown", "render_html_content_page", "render_markdown_page"]
