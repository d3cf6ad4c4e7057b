"""HTML with a static-site generator's template tokens in it: each token one HTML token.

Hugo and Jekyll run their templates (``{{< shortcode >}}``, ``{% tag %}``, ``{{ output }}``) before
the HTML is read, so in an HTML content page, or an HTML block of a Markdown article, each template
token is markup kept as written or a placeholder in its sentence, never text (its ``<`` and ``>``
would otherwise be text, or a tag: ``{{<note>}}``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection

from .attribute_units import Token as AttributeToken
from .attribute_units import attribute_unit
from .document import AttrSlot, Part, tags_in
from .html_tokens import Token, tokenize_html
from .md_templates import Template, closed_pairs, inside_not_prose, outermost, scan_templates

NOT_LINE_END = re.compile(r"[^\r\n]")
#: Liquid blocks whose content is no page text: read as one token with it.
_LIQUID_BLOCKS = frozenset({"comment", "raw"})
#: The template tokens a generator reads in an HTML page's body (not Markdown's other constructs).
_TEMPLATE_OPENERS = ("{{<", "{{%", "{%", "{{")


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
    spans = _token_spans(templates, regions)
    if not spans:
        return tokenize_html(text)
    pairs = _pairs(templates)
    # a Liquid tag alone on its line ({% for %}, {% if %}, {% capture %}): among blocks it ends the text
    # before it (the HTML reader says where: not inside a paragraph)
    lines_of_their_own = {t.start for t in templates if t.block and t.opener == "{%"}
    masked, shifts = _masked(text, list(spans), _in_tags(text, list(spans)))
    starts = list(spans)
    tokens: list[Token] = []
    pos = masked_pos = 0
    at = 0  # the first span not yet given back
    for token in tokenize_html(masked):
        masked_start = masked_pos
        masked_pos += len(token.raw)
        end = shifts.position(masked_pos)
        while at < len(starts) and starts[at][1] <= pos:
            at += 1
        if at < len(starts) and starts[at][0] < end:  # it holds a template token: its text as written
            raw = text[pos:end]
            attrs = token.attrs
            if token.kind in ("start", "startend"):  # (in an attribute value)
                attrs = {
                    name: shifts.given_back(value, text, masked_start, masked_pos)
                    for name, value in attrs.items()
                }
            kind = spans.get((pos, end))
            pair = pairs.get(pos) if kind == "other" else None
            if pos in lines_of_their_own and kind == "other":
                token = Token("other", raw, token.tag, {"template-line": "1"})
            elif pair is not None:  # one end of a pair: the reader may make them one placeholder
                token = Token("other", raw, pair[0], {"template-pair": pair[1], "template-role": pair[2]})
            else:
                token = Token(kind or token.kind, raw, token.tag, attrs)
        tokens.append(token)
        pos = end
    return tokens


class _Shifts:
    """Where each masked template token is in the masked text and in the text (see :func:`_masked`)."""

    def __init__(self) -> None:
        #: each token's masked text, where it starts and ends in the masked text, and in the text
        self.masks: list[tuple[str, int, int, int, int]] = []
        self._passed = 0  # the first mask :meth:`position` has not yet passed
        self._shift = 0  # how much longer the text is than the masked text there

    def position(self, masked_at: int) -> int:
        """The position in the text of ``masked_at`` (positions asked for in order, none inside a mask)."""
        while self._passed < len(self.masks) and self.masks[self._passed][2] <= masked_at:
            _, _, masked_end, _, end = self.masks[self._passed]
            self._shift = end - masked_end
            self._passed += 1
        return masked_at + self._shift

    def given_back(self, value: str | None, text: str, masked_start: int, masked_end: int) -> str | None:
        """An attribute value of the tag at ``masked_start..masked_end`` of the masked text, its masked
        template tokens written as in ``text``."""
        if value is None or ("<!--" not in value and _INERT not in value):
            return value
        first = bisect.bisect_left(self.masks, masked_start, key=lambda found: found[1])
        for mask, _, end, text_start, text_end in self.masks[first:]:
            if end > masked_end:
                break
            value = value.replace(mask, text[text_start:text_end], 1)
        return value


def _masked(
    text: str, spans: list[tuple[int, int]], in_tags: frozenset[int] = frozenset()
) -> tuple[str, _Shifts]:
    """``text`` with each template token of ``spans`` (in order) a comment, so that HTML's tokenizer
    reads it as one token wherever it is (its line ends kept): of the token's length where it is
    long enough (``{{< note >}}``), else longer (``[b]``: ``<!---->``); and where each one is. A
    token inside a tag (its start in ``in_tags``: an attribute value, quoted or not) is inert
    characters of its length instead, which a comment's ``>`` would end there
    (``title=Press[gallery]now``)."""
    shifts = _Shifts()
    pieces: list[str] = []
    pos = length = 0
    for token_start, token_end in spans:
        if token_start in in_tags:
            mask = NOT_LINE_END.sub(_INERT, text[token_start:token_end])
        elif token_end - token_start >= len("<!---->"):
            inner = NOT_LINE_END.sub(" ", text[token_start + 4 : token_end - 3])
            mask = f"<!--{inner}-->"
        else:
            mask = "<!--" + "".join(NOT_LINE_END.split(text[token_start:token_end])) + "-->"
        before = text[pos:token_start]
        pieces.extend((before, mask))
        length += len(before)
        shifts.masks.append((mask, length, length + len(mask), token_start, token_end))
        length += len(mask)
        pos = token_end
    pieces.append(text[pos:])
    return "".join(pieces), shifts


def _in_tags(text: str, spans: list[tuple[int, int]]) -> frozenset[int]:
    """Where each template token of ``spans`` (in order) that is inside a tag starts: read with each
    token inert characters, as the page's HTML is once the generator has run it (a comment's ``>``
    would end an unquoted attribute value's tag: ``<p title=Press[gallery]now>``).

    >>> text = '<p title=Call{{<phone>}}now>{{<x>}}</p>'
    >>> sorted(_in_tags(text, [(13, 24), (28, 35)]))
    [13]
    """
    pieces: list[str] = []
    pos = 0
    for start, end in spans:
        pieces.extend((text[pos:start], NOT_LINE_END.sub(_INERT, text[start:end])))
        pos = end
    pieces.append(text[pos:])
    found: set[int] = set()
    at = offset = 0
    for token in tokenize_html("".join(pieces)):
        end = offset + len(token.raw)
        if token.kind in ("start", "startend"):
            while at < len(spans) and spans[at][0] < offset:
                at += 1
            while at < len(spans) and spans[at][0] < end:
                found.add(spans[at][0])
                at += 1
        offset = end
    return frozenset(found)


#: What a template token inside a tag is masked with (see :func:`_masked`): no HTML reads it.
_INERT = "\ue001"


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


def templates_in_attributes(parts: list[Part], code: tuple[str, ...] = ()) -> None:
    """Each translated attribute value of ``parts`` that holds template tokens made a text unit
    whose tokens are placeholders (see :mod:`.attribute_units`): Hugo and Jekyll run them there as
    in the page's text (a code or comment pair, ``code``: see :func:`~.html_content._tokens`, one placeholder)."""
    for tag in tags_in(parts):
        if not any(isinstance(part, AttrSlot) and "{" in part.raw for part in tag.parts):
            continue
        out: list[Part] = []
        for part in tag.parts:
            unit = None
            if isinstance(part, AttrSlot) and "{" in part.raw:
                unit = attribute_unit(part, attribute_template_tokens(part.raw, code))
            out.extend((part,) if unit is None else unit)
        tag.parts = [part for part in out if part != ""]


def attribute_template_tokens(raw: str, code: tuple[str, ...] = ()) -> list[AttributeToken]:
    """The template tokens Hugo or Jekyll runs in the attribute value ``raw`` (as written), in
    order: a shortcode pair whose inside is code or a comment one token with it (see :func:`~.html_content._tokens`).

    >>> raw = '"{% if a %}See {{< k >}}a < b{{< /k >}} {{< x >}}{% endif %} $$y$$"'
    >>> [(raw[t.start:t.end], t.pair, t.closing) for t in attribute_template_tokens(raw, ("k",))]
    [('{% if a %}', 1, False), ('{{< k >}}a < b{{< /k >}}', 0, False), ('{{< x >}}', 0, False), ('{% endif %}', 1, True)]
    """
    templates = body_templates(raw)
    whole = {opener.start: closer.end for opener, closer in outermost(kept_pairs(templates, code))}
    found: list[tuple[Template, int]] = []  # (each token, and where it ends with what it holds)
    for template in templates:
        if not found or template.start >= found[-1][1]:
            found.append((template, whole.get(template.start, template.end)))
    pairs = closed_pairs(template for template, end in found if template.start not in whole)
    numbers = {id(end): number for number, pair in enumerate(pairs, 1) for end in pair}
    return [
        AttributeToken(template.start, end, numbers.get(id(template), 0), template.closing)
        for template, end in found
    ]


def kept_pairs(templates: list[Template], code: Collection[str]) -> list[tuple[Template, Template]]:
    """The shortcode pairs of ``templates`` kept whole with what they hold: code, math or a comment
    (see :func:`~.md_templates.inside_not_prose`; ``code``: the site's own code shortcodes)."""
    return [
        (opener, closer)
        for opener, closer in closed_pairs(template for template in templates if template.shortcode)
        if inside_not_prose(opener, code)
    ]
