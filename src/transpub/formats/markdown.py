"""Markdown articles with YAML front matter.

The article is rendered to HTML with markdown-it (CommonMark) and then read like any HTML
article, so inline markup (``**bold**``, links, code) becomes placeholders and link targets
never reach translators. Front matter ``title`` and ``summary``/``description`` are
translatable (page title and meta description); every other key is kept, as a
``<meta name="KEY">`` in the page head.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml
from markdown_it import MarkdownIt

from ..errors import ArticleError
from .document import escape_attribute, escape_text

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_TRANSLATABLE_KEYS = ("title", "summary", "description")


class _NoAliasLoader(yaml.SafeLoader):
    """YAML's safe loader without aliases (``*name``): a few bytes of aliases can expand to gigabytes."""

    def compose_node(self, parent: yaml.Node | None, index: int) -> yaml.Node | None:
        if self.check_event(yaml.AliasEvent):
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in front matter", self.peek_event().start_mark
            )
        return super().compose_node(parent, index)


def split_front_matter(text: str, shown: str) -> tuple[dict, str, int]:
    """``(front matter, body, line where the body starts)``; ArticleError for broken YAML."""
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text, 1
    try:
        data = yaml.load(match.group(1) or "", Loader=_NoAliasLoader) or {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        raise ArticleError(
            f"front matter is not valid YAML ({getattr(exc, 'problem', exc)})", shown, line
        ) from exc
    if not isinstance(data, dict):
        raise ArticleError("front matter must be a mapping of keys to values", shown, 2)
    return data, text[match.end() :], match.group(0).count("\n") + 1


def markdown_to_html(text: str, lang: str, shown: str) -> str:
    """The HTML page of a Markdown article (deterministic, so catalogs do not churn).

    Raw HTML in the Markdown is kept as HTML (CommonMark allows it), and Windows line ends are read as
    line ends.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    meta, body, _ = split_front_matter(text, shown)
    markdown = MarkdownIt("commonmark", {"html": True}).enable("table").enable("strikethrough")
    html_body = markdown.render(body)
    title = str(meta.get("title", "")).strip()
    if not title:
        first_heading = re.search(r"<h1>(.*?)</h1>", html_body, re.S)
        title = (
            html.unescape(re.sub(r"<[^>]+>", "", first_heading.group(1)))
            if first_heading
            else Path(shown).stem
        )
    head = [f"<title>{escape_text(title)}</title>"]
    summary = meta.get("summary", meta.get("description"))
    if summary:
        head.append(f'<meta name="description" content="{escape_attribute(str(summary).strip())}">')
    for key, value in meta.items():
        if key in _TRANSLATABLE_KEYS:
            continue
        head.append(
            f'<meta name="{escape_attribute(str(key))}" content="{escape_attribute(_flat(value))}" translate="no">'
        )
    heading = (
        "" if re.match(r"\s*<h1>", html_body) or not meta.get("title") else f"<h1>{escape_text(title)}</h1>\n"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n' + "\n".join(head) + "\n</head>\n"
        f"<body>\n<article>\n{heading}{html_body}</article>\n</body>\n</html>\n"
    )


def _flat(value: object) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)
