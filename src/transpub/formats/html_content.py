"""HTML content pages of a static-site generator: front matter, then an HTML body.

Hugo (and Jekyll) read a content file written in HTML as they read a Markdown one: the front matter
gives the page's title and parameters, the body is the page's content, used as written. Such a page
is read here as that: the front matter's translated values (``title``, ``description``…) are units
as in a Markdown article, the body is read as any HTML article is, and the document's format is
``html-content``, so that compile writes it where the generator's content goes, not as a page of
the site (see :attr:`~transpub.formats.document.Document.for_generator`).
"""

from __future__ import annotations

import re
from pathlib import Path

from .document import DateSlot, Document, PairedPieces, Part, TextSlot
from .front_matter import read_front_matter
from .html import read_html
from .html_tokens import Token, tokenize_html
from .md_source import Source
from .md_templates import Template, closed_pairs, outermost, scan_templates
from .options import ReadOptions
from .value_slots import front_matter_slots, shortcode_param_slots

_NOT_LINE_END = re.compile(r"[^\r\n]")
_WORDS = re.compile(r"\w+")
#: Liquid blocks whose content is no page text: read as one token with it.
_LIQUID_BLOCKS = frozenset({"comment", "raw"})
#: The template tokens a generator reads in an HTML page's body (not Markdown's other constructs).
_TEMPLATE_OPENERS = ("{{<", "{{%", "{%", "{{")


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
    blanked = _NOT_LINE_END.sub(" ", text[:front_end]) + text[front_end:]
    templates = body_templates(blanked, front_end)
    regions = _markdown_regions(blanked, templates, options.shortcodes_with_markdown)
    tokens = tokens_with_templates(blanked, front_end, templates, regions)
    document = read_html(blanked, path, encoding, options, display_path=shown, tokens=tokens)
    head: list[Part] = []
    pos = 0

    def markdown(value: str, at: int) -> Document:
        from .md_reader import value_reader  # (only for a front matter value that is Markdown)

        return value_reader(path, encoding, options, shown, source.line_of, document.warnings)(value, at)

    for start, end, slot in front_matter_slots(front, source.raw, options, markdown):
        head.extend((text[pos : source.at(start)], slot))
        pos = source.at(end)
    head.append(text[pos:front_end])
    body = _after(document.parts, front_end)
    if regions:
        body = _with_markdown(body, blanked, regions, document, options, shown)
    with_slots = _shortcodes_with_slots(text, templates, options)
    if with_slots:
        body = _with_slots(body, with_slots)
    document.parts = [part for part in head if part != ""] + body
    document.format = "html-content"
    document.title = front.title or document.title
    document.published = front.date or document.published
    return document


def body_templates(text: str, start: int = 0) -> list[Template]:
    """The template tokens a generator reads in the HTML of ``text`` from ``start`` on."""
    return [
        template for template in scan_templates(text, start) if template.opener.startswith(_TEMPLATE_OPENERS)
    ]


def tokens_with_templates(
    text: str,
    start: int = 0,
    templates: list[Template] | None = None,
    regions: list[tuple[Template, Template]] = [],  # noqa: B006 (never changed)
) -> list[Token]:
    """The HTML tokens of ``text``, each template token after ``start`` (``{{< shortcode >}}``,
    ``{% tag %}``, ``{{ output }}``) one token of kind ``template`` or ``other`` (see
    :func:`_token_spans`): markup kept as written, a placeholder inside a sentence, never text to
    translate or escape (its ``<`` and ``>`` would otherwise be text, or a tag: ``{{<note>}}``);
    each of ``regions`` (see :func:`_markdown_regions`) one ``other`` token with what it holds.

    >>> [(t.kind, t.raw) for t in tokens_with_templates('<p>See {{<note>}} this.</p>')]
    [('start', '<p>'), ('text', 'See '), ('template', '{{<note>}}'), ('text', ' this.'), ('end', '</p>')]
    """
    if templates is None:
        templates = body_templates(text, start)
    spans = {
        span: kind
        for span, kind in _token_spans(templates, regions).items()
        if span[1] - span[0] >= len("<!---->")
    }
    if not spans:
        return tokenize_html(text)
    pairs = _pairs(templates)
    # each token tokenized as a comment of its length (its line ends kept), then given back its text
    pieces: list[str] = []
    pos = 0
    for token_start, token_end in spans:  # (in order)
        inner = _NOT_LINE_END.sub(" ", text[token_start + 4 : token_end - 3])
        pieces.extend((text[pos:token_start], "<!--", inner, "-->"))
        pos = token_end
    pieces.append(text[pos:])
    masked = "".join(pieces)
    starts = list(spans)
    tokens: list[Token] = []
    pos = 0
    at = 0  # the first span not yet given back
    for token in tokenize_html(masked):
        end = pos + len(token.raw)
        while at < len(starts) and starts[at][1] <= pos:
            at += 1
        if at < len(starts) and starts[at][0] < end:  # it holds a template token: its text as written
            raw = text[pos:end]
            attrs = token.attrs
            if token.kind in ("start", "startend"):  # (in an attribute value)
                attrs = {name: _given_back(value, masked, text, pos, end) for name, value in attrs.items()}
            kind = spans.get((pos, end))
            pair = pairs.get(pos) if kind == "other" else None
            if pair is not None:  # one end of a pair: the reader may make them one placeholder
                token = Token("other", raw, pair[0], {"template-pair": pair[1], "template-role": pair[2]})
            else:
                token = Token(kind or token.kind, raw, token.tag, attrs)
        tokens.append(token)
        pos = end
    return tokens


def _token_spans(
    templates: list[Template],
    regions: list[tuple[Template, Template]] = [],  # noqa: B006 (never changed)
) -> dict[tuple[int, int], str]:
    """Where each template token is, in order, and its token kind: ``template`` for one that writes
    text into its sentence (a Liquid output ``{{ x }}``, a shortcode without a closing one: kept in
    its sentence's unit, at an edge too), ``other`` for the rest (a Liquid tag, either end of a
    shortcode pair); a Liquid ``{% comment %}`` or ``{% raw %}`` block with what it holds is one
    token (a comment is no text for readers; what a raw block holds is shown as written).

    >>> text = "a {{ x }} {% comment %}Note{% endcomment %} {{< n >}}b{{< /n >}} {% raw %}{{ y }}{% endraw %}"
    >>> [(text[a:b], kind) for (a, b), kind in _token_spans(body_templates(text)).items()]
    [('{{ x }}', 'template'), ('{% comment %}Note{% endcomment %}', 'other'), ('{{< n >}}', 'other'), ('{{< /n >}}', 'other'), ('{% raw %}{{ y }}{% endraw %}', 'other')]
    """
    spans: dict[tuple[int, int], str] = {}
    closed = {template.name for template in templates if template.shortcode and template.closing}
    region_ends = {opener.start: closer for opener, closer in regions}
    index = 0
    while index < len(templates):
        template = templates[index]
        end = template.end
        kind = "other"
        if template.start in region_ends:  # the region and what it holds: one token
            closer = region_ends[template.start]
            end = closer.end
            while templates[index] is not closer:
                index += 1
        elif template.opener == "{%" and template.name in _LIQUID_BLOCKS and not template.closing:
            ender = "end" + template.name
            for later in range(index + 1, len(templates)):
                if templates[later].opener == "{%" and templates[later].name == ender:
                    end, index = templates[later].end, later
                    break
        elif template.opener == "{{" or (
            template.shortcode and not template.closing and template.name not in closed
        ):
            kind = "template"
        spans[template.start, end] = kind
        index += 1
    return spans


def _markdown_regions(
    text: str, templates: list[Template], markdown_inside: tuple[str, ...] = ()
) -> list[tuple[Template, Template]]:
    """The outermost ``{{% x %}}`` … ``{{% /x %}}`` pairs of ``templates`` standing on lines of their
    own, and ``{{< x >}}`` … ``{{< /x >}}`` ones where ``x`` is one of ``markdown_inside`` (a callout:
    ``[extract.shortcodes] markdown_inside``) whose first line is not indented as code: Hugo reads
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
            if opener.opener == "{{%"
            or (
                opener.name in markdown_inside
                and not _CODE_INDENT.match(text, text.find("\n", opener.end) + 1)
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
            _NOT_LINE_END.sub(" ", text[:inner_start]) + text[inner_start:inner_end],
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
            _split(part, found) if isinstance(part, str) and ("{{%" in part or "{{<" in part) else (part,)
        )
    return out


def _pairs(templates: list[Template]) -> dict[int, tuple[str, str, str]]:
    """Where each token of a template pair starts (``{% if x %}`` … ``{% endif %}``, ``{{< mark >}}``
    … ``{{< /mark >}}``): its legend's tag, the pair's number and its role (``open``, ``close``).

    >>> text = "{% if a %}x{% endif %} {{< n >}}y{{< /n >}} {% else %}"
    >>> sorted(_pairs(body_templates(text)).values())
    [('shortcode', '2', 'close'), ('shortcode', '2', 'open'), ('template', '1', 'close'), ('template', '1', 'open')]
    """
    found: dict[int, tuple[str, str, str]] = {}
    kept = (t for t in templates if not (t.opener == "{%" and t.name in _LIQUID_BLOCKS))
    for number, (opener, closer) in enumerate(closed_pairs(kept), 1):
        found[opener.start] = (opener.tag, str(number), "open")
        found[closer.start] = (closer.tag, str(number), "close")
    return found


def _given_back(value: str | None, masked: str, text: str, start: int, end: int) -> str | None:
    """An attribute value of the tag at ``start..end`` of ``masked``, its masked template tokens
    written as in ``text``."""
    if value is None or "<!--" not in value:
        return value
    for match in re.finditer(r"<!--[^>]*?-->", masked[start:end]):
        value = value.replace(match.group(), text[start + match.start() : start + match.end()], 1)
    return value


def _shortcodes_with_slots(
    text: str, templates: list[Template], options: ReadOptions
) -> dict[str, list[Part]]:
    """The parts of each shortcode of ``templates`` (by its text as written) that has parameters to
    translate (``[extract.shortcodes] translate_params``): its source, those parameters as slots."""
    found: dict[str, list[Part]] = {}
    for template in templates:
        raw = text[template.start : template.end]
        if raw in found:
            continue
        parts: list[Part] = []
        pos = template.start
        for start, end, slot in shortcode_param_slots(template, lambda a, b: text[a:b], options, _ref):
            parts.extend((text[pos:start], slot))
            pos = end
        if parts:
            parts.append(text[pos : template.end])
            found[raw] = [part for part in parts if part != ""]
    return found


def _ref(name: str, value: str) -> str:
    """The reference of a shortcode's parameter (without ``@name``): ``glossary_tooltip(containerd)``."""
    return f"{name}({'-'.join(word.lower() for word in _WORDS.findall(value)[:4])})"


def _with_slots(parts: list[Part], shortcodes: dict[str, list[Part]]) -> list[Part]:
    """``parts``, each shortcode of ``shortcodes`` in a text part as written replaced by its parts
    (in the markup of sentences too: a shortcode inside a sentence is one of its placeholders)."""
    out: list[Part] = []
    for part in parts:
        if isinstance(part, str):
            out.extend(_split(part, shortcodes) if "{" in part else (part,))
            continue
        if isinstance(part, TextSlot):
            part.parts = _with_slots(part.parts, shortcodes)
            for number, piece in part.pieces.items():
                if isinstance(piece, PairedPieces):
                    piece.open = _with_slots(piece.open, shortcodes)
                    piece.close = _with_slots(piece.close, shortcodes)
                    if piece.same is not None:
                        piece.same = _with_slots(piece.same, shortcodes)
                else:
                    part.pieces[number] = _with_slots(piece, shortcodes)
        elif isinstance(part, DateSlot):  # (a shortcode inside a start tag keeps its parameters as written)
            part.parts = _with_slots(part.parts, shortcodes)
        out.append(part)
    return out


def _split(text: str, shortcodes: dict[str, list[Part]]) -> list[Part]:
    """``text`` with each shortcode of ``shortcodes`` in it replaced by its parts."""
    out: list[Part] = []
    pos = 0
    while True:
        found = min(((at, raw) for raw in shortcodes if (at := text.find(raw, pos)) >= 0), default=None)
        if found is None:
            break
        at, raw = found
        out.extend((text[pos:at], *shortcodes[raw]))
        pos = at + len(raw)
    out.append(text[pos:])
    return [part for part in out if part != ""]


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
