"""HTML content pages of a static-site generator: front matter, then an HTML body.

Hugo (and Jekyll) read a content file written in HTML as they read a Markdown one: the front matter
gives the page's title and parameters, the body is the page's content, used as written. Such a page
is read here as that: the front matter's translated values (``title``, ``description``…) are units
as in a Markdown article, the body is read as any HTML article is, and the document's format is
``html-content``, so that compile writes it where the generator's content goes, not as a page of
the site (see :attr:`~transpub.formats.document.Document.for_generator`).
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from .document import AttrSlot, Document, Part, TextSlot, slots_in
from .escape import quoted_attribute, without_template_openers
from .front_matter import read_front_matter
from .html import read_html
from .html_templates import (
    NOT_LINE_END,
    body_templates,
    kept_pairs,
    templates_in_attributes,
    tokens_with_templates,
)
from .md_source import Source
from .md_templates import Template, closed_pairs, inside_not_prose, outermost, scan_templates
from .options import ReadOptions
from .shortcode_parts import param_parts, split_at_shortcodes, with_param_parts
from .value_slots import front_matter_slots


def read_html_content(
    text: str, path: Path, encoding: str, options: ReadOptions, *, display_path: str | None = None
) -> Document:
    """The :class:`Document` of an HTML content page already decoded to ``text`` (an HTML article
    when it has no front matter); ArticleError (with the line) for broken front matter or markup."""
    shown = display_path or str(path)
    source = Source(text)  # (front matter is read with its line ends as \n, as for Markdown)
    front = read_front_matter(source.text, shown, options.front_matter_translated, newline=source.newline)
    if front is None:
        return read_html(text, path, encoding, options, display_path=shown)
    front_end = source.at(front.end)
    # the body read where it stands (the front matter blanked, its line ends kept): lines are the file's
    blanked = NOT_LINE_END.sub(" ", text[:front_end]) + text[front_end:]
    if options.wordpress_shortcodes:  # a post exported from WordPress with its title in front matter
        from .html_wordpress import read_wordpress_html

        document = read_wordpress_html(blanked, path, encoding, options, display_path=shown, start=front_end)
        templates: list[Template] = []
        regions: list[tuple[Template, Template]] = []
    else:
        templates = body_templates(blanked, front_end)
        regions, kept = _regions(blanked, templates, options)
        tokens = tokens_with_templates(blanked, front_end, templates, outermost(regions + kept))
        document = read_html(blanked, path, encoding, options, display_path=shown, tokens=tokens)
        _no_templates_in_translations(document.parts, options.code_shortcodes)
    head: list[Part] = []
    pos = 0

    def markdown(value: str, at: int) -> Document:
        from .md_reader import value_reader  # (only for a front matter value that is Markdown)

        return value_reader(path, encoding, options, shown, source.line_of, document.warnings)(value, at)

    # (no link definition names a value's words in square brackets: the body is no Markdown, where a
    # value or a shortcode's output would meet one; one rendered alone, markdownify, has none)
    for start, end, slot in front_matter_slots(front, source.raw, options, markdown, labels=frozenset()):
        head.extend((text[pos : source.at(start)], slot))
        pos = source.at(end)
    head.append(text[pos:front_end])
    body = _after(document.parts, front_end)
    if regions:
        body = _with_markdown(body, blanked, regions, document, options, shown)
    # (a shortcode's output is no Markdown, but where one of the regions, read as Markdown, holds it)
    with_slots = param_parts(text, templates, options, definitions=_definitions_in(blanked, regions))
    if with_slots:
        body = with_param_parts(body, with_slots)
    document.parts = [part for part in head if part != ""] + body
    document.format = "html-content"
    document.title = front.title or document.title
    document.published = front.date or document.published
    return document


def _definitions_in(text: str, regions: list[tuple[Template, Template]]) -> frozenset[str]:
    """The labels of the link definitions that the Markdown of ``regions`` (in ``text``) holds,
    normalized as markdown-it does: the only ones words in square brackets of an HTML content
    page's shortcode parameter could name.

    >>> text = "<p>a</p>\\n{{% note %}}\\nSee [b].\\n\\n[b]: /b/\\n{{% /note %}}\\n"
    >>> sorted(_definitions_in(text, _regions(text, body_templates(text), ReadOptions())[0]))
    ['B']
    """
    if not regions:
        return frozenset()
    from .md_parser import parse  # (a page without such a pair never needs it)

    labels: set[str] = set()
    for opener, closer in regions:
        env: dict = {}
        parse(text[opener.end : closer.start], env)
        labels.update(env.get("references", {}))
    return frozenset(labels)


def _no_templates_in_translations(parts: list[Part], code: tuple[str, ...] = ()) -> None:
    """Each text and attribute slot of ``parts`` (an HTML content page's body, read as HTML) writes
    a translation's ``{{`` and ``{%`` so that they show as written: Hugo and Jekyll read template
    tokens in the page before its HTML (see :func:`~.escape.without_template_openers`); an
    attribute's own template tokens are placeholders (see :func:`~.html_templates.templates_in_attributes`), or,
    in a value without quotes, written as the source writes them (its code pairs whole, ``code``:
    see :func:`_tokens`), as many times as it has them."""
    templates_in_attributes(parts, code)
    for slot in slots_in(parts):
        if isinstance(slot, TextSlot):
            slot.escape = functools.partial(without_template_openers, write=slot.escape)
        elif isinstance(slot, AttrSlot):
            write = functools.partial(without_template_openers, write=slot.write or quoted_attribute)
            kept = tuple(token for token in _tokens(slot.msgid, code) if token in slot.raw)
            slot.write = (
                functools.partial(_keeping_templates, kept=kept, write=write, code=code) if kept else write
            )


def _tokens(text: str, code: tuple[str, ...] = ()) -> list[str]:
    """The template tokens of ``text``, as written there; a shortcode pair whose inside is code or a
    comment (see :func:`~.md_templates.inside_not_prose`; ``code``: the site's own) one token with
    what it holds, which Hugo hands the shortcode as written.

    >>> _tokens('See {{< terminal >}}a < b{{< /terminal >}} {{< x >}}', ("terminal",))
    ['{{< terminal >}}a < b{{< /terminal >}}', '{{< x >}}']
    """
    return [text[start:end] for start, end in _token_spans(text, code)] if "{" in text else []


def _token_spans(text: str, code: tuple[str, ...] = ()) -> list[tuple[int, int]]:
    """Where each template token of ``text`` is, in order, a code or comment pair's from its
    opening to its closing one (see :func:`_tokens`)."""
    templates = scan_templates(text)
    pairs = outermost(kept_pairs(templates, code))
    spans: list[tuple[int, int]] = []
    for template in templates:
        inside = next((pair for pair in pairs if pair[0].start <= template.start < pair[1].end), None)
        if inside is None:
            spans.append((template.start, template.end))
        elif template is inside[0]:
            spans.append((inside[0].start, inside[1].end))
    return spans


def _keeping_templates(
    text: str, kept: tuple[str, ...], write: Callable[[str], str], code: tuple[str, ...] = ()
) -> str:
    """``write(text)`` with the template tokens of ``kept`` (an attribute value's own, as its source
    writes them: ``title="Call {{< phone >}}"``; a code pair whole, see :func:`_tokens`) written
    as they are, as many times as the source has them: the generator runs them as it does in the
    source page; any other ``{{`` and ``{%`` (a code pair whose inside a translation changed too),
    and a ``{`` right before a kept token, are written so that they show as written.

    >>> write = functools.partial(without_template_openers, write=quoted_attribute)
    >>> print(_keeping_templates('Llame {{< phone >}} o {{% x %}} {{< phone >}}', ('{{< phone >}}',), write))
    "Llame {{< phone >}} o &#123;&#123;% x %}} &#123;{&lt; phone &gt;}}"
    >>> print(_keeping_templates('{{< k >}}a < c{{< /k >}}', ('{{< k >}}a < b{{< /k >}}',), write, ("k",)))
    "&#123;{&lt; k &gt;}}a &lt; c&#123;{&lt; /k &gt;}}"
    """
    left = Counter(kept)
    unused = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    marks: dict[str, str] = {}
    masked: list[str] = []
    pos = 0
    for start, end in _token_spans(text, code):
        raw = text[start:end]
        if left[raw] > 0:
            left[raw] -= 1
            mark = next(unused)
            marks[mark] = raw
            masked.extend((text[pos:start], mark))
            pos = end
    masked.append(text[pos:])
    written = write("".join(masked))
    if not marks:
        return written
    written = re.sub("\\{(?=[" + "".join(marks) + "])", "&#123;", written)
    return re.sub("[" + "".join(marks) + "]", lambda match: marks[match.group()], written)


def _regions(
    text: str, templates: list[Template], options: ReadOptions
) -> tuple[list[tuple[Template, Template]], list[tuple[Template, Template]]]:
    """The pairs of ``templates`` whose lines are read as Markdown (see :func:`_markdown_regions`),
    and the ``{{< x >}}`` … ``{{< /x >}}`` pairs whose inside is code (``highlight``, ``katex``, one of
    ``[extract.shortcodes] code``: see :func:`~.md_templates.inside_not_prose`) or a comment (``{{% comment %}}``
    too: never published), inside
    a paragraph or on lines of their own: Hugo hands the shortcode that inside as written, so each
    is kept as written with what it holds, never offered (a ``<`` in code would be escaped). Each is
    inside no pair of the other kind.

    >>> text = "<p>Run {{< terminal >}}a[0] < 1{{< /terminal >}} {{< note >}}b{{< /note >}}</p>"
    >>> [[o.name for o, _ in found] for found in _regions(text, body_templates(text), ReadOptions(code_shortcodes=("terminal",)))]
    [[], ['terminal']]
    """
    regions = _markdown_regions(text, templates, options.shortcodes_with_markdown, options.code_shortcodes)
    outer = outermost(regions + kept_pairs(templates, options.code_shortcodes))
    return [pair for pair in regions if pair in outer], [pair for pair in outer if pair not in regions]


def _markdown_regions(
    text: str, templates: list[Template], markdown_inside: tuple[str, ...] = (), code: tuple[str, ...] = ()
) -> list[tuple[Template, Template]]:
    """The outermost ``{{% x %}}`` … ``{{% /x %}}`` pairs of ``templates`` standing on lines of their
    own, and ``{{< x >}}`` … ``{{< /x >}}`` ones where ``x`` is one of ``markdown_inside`` (a callout:
    ``[extract.shortcodes] markdown_inside``), none a comment or code (``code``: the site's code shortcodes,
    see :func:`~.md_templates.inside_not_prose`), whose first line is not indented as code: Hugo reads
    what such a pair holds as Markdown (where a shortcode's ``.Inner`` goes through ``markdownify``,
    or the page's renderer), so its lines are Markdown's, not HTML text. (A callout's ``.Inner`` is
    trimmed first: its first line indented by the page's HTML is not code there, and is left to the
    HTML reader here.)

    >>> text = "<div>\\n{{% note %}}\\n* a\\n{{% /note %}}\\n</div> {{% x %}}b{{% /x %}}"
    >>> [(o.name, c.name) for o, c in _markdown_regions(text, body_templates(text))]
    [('note', 'note')]
    """
    return outermost(
        [
            (opener, closer)
            for opener, closer in closed_pairs(
                template
                for template in templates
                if template.opener in ("{{%", "{{<") and template.block and not template.self_closing
            )
            if not inside_not_prose(opener, code)
            and (
                opener.opener == "{{%"
                or (
                    opener.name in markdown_inside
                    and not _CODE_INDENT.match(text, text.find("\n", opener.end) + 1)
                )
            )
        ]
    )


#: A line indented as Markdown's code is (four spaces, or a tab).
_CODE_INDENT = re.compile(r"(?: {4}| {0,3}\t)[ \t]*\S")


def _with_markdown(
    body: list[Part],
    text: str,
    regions: list[tuple[Template, Template]],
    document: Document,
    options: ReadOptions,
    shown: str,
) -> list[Part]:
    """``body`` (parts of the HTML content page ``text``, its front matter blanked) with the lines
    each of ``regions`` holds read as Markdown (where the region is no placeholder of a sentence:
    then it stays as written, a placeholder); their warnings join ``document``'s."""
    from .md_reader import read_markdown  # (a page without such a pair never needs it)

    found: dict[str, list[Part]] = {}
    for opener, closer in regions:
        inner_start = text.find("\n", opener.end) + 1
        inner_end = text.rfind("\n", 0, closer.start) + 1
        raw = text[opener.start : closer.end]
        if inner_start <= 0 or inner_end <= inner_start or raw in found:
            continue
        inside = read_markdown(
            NOT_LINE_END.sub(" ", text[:inner_start]) + text[inner_start:inner_end],
            document.path,
            document.encoding,
            options,
            display_path=shown,
        )
        document.warnings.extend(inside.warnings)
        document.depth = max(document.depth, inside.depth)
        found[raw] = [
            text[opener.start : inner_start],
            *_after(inside.parts, inner_start),
            text[inner_end : closer.end],
        ]
    out: list[Part] = []
    for part in body:
        out.extend(
            split_at_shortcodes(part, found)
            if isinstance(part, str) and ("{{%" in part or "{{<" in part)
            else (part,)
        )
    return out


def _after(parts: list[Part], offset: int) -> list[Part]:
    """``parts`` without their first ``offset`` characters, which are text as written (the blanked
    front matter: only markup or spaces, never a slot)."""
    for index, part in enumerate(parts):
        if offset == 0:
            return parts[index:]
        if not isinstance(part, str):
            raise AssertionError("a slot inside the blanked front matter")  # (spaces hold no unit)
        if len(part) > offset:
            return [part[offset:], *parts[index + 1 :]]
        offset -= len(part)
    return []
