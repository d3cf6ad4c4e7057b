"""HTML articles exported from WordPress: the shortcodes the site registers are markup.

With ``[extract.shortcodes] wordpress`` naming them, an HTML article (one without front matter) is
read as any other, its shortcodes found first (see :mod:`.wp_shortcodes`), each one token: kept as
written, or a placeholder in its sentence; the parameters named in ``translate_params`` are units;
and a translation's own ``[name …]`` is written so that WordPress shows it rather than runs it.

Such a page (from the classic editor) has no ``<p>``: WordPress makes each blank line a paragraph
break and each other line break a ``<br />`` when it shows the page (``wpautop``), so those line
breaks are read so too (:mod:`.wp_autop`): no unit runs over a blank line, and a line break
inside a paragraph is a placeholder a translator keeps, as a ``<br>`` is.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable, Collection
from pathlib import Path

from ..inline import PLACEHOLDER_RE
from .attribute_units import attribute_unit
from .document import AttrSlot, Document, PairedPieces, Part, Tag, TextSlot, slots_in, tags_in
from .escape import quoted_attribute, references_in
from .html import read_html
from .html_templates import tokens_with_templates
from .html_tokens import tokenize_html
from .md_templates import closed_pairs, outermost
from .options import ReadOptions
from .shortcode_parts import param_parts, with_param_parts
from .wp_autop import is_whole_page, split_at, with_line_breaks
from .wp_order import Markup, closed_after, escapes_closed, open_names, order_problem, reorderable
from .wp_shortcodes import (
    VERBATIM,
    attribute_code,
    attribute_tokens,
    escape_brackets,
    in_attribute,
    keeping_code,
    more_text,
    pair_escapes,
    read_after_bracket,
    shortcode_templates,
    unregistered_hint,
    without_shortcodes,
)


def read_wordpress_html(
    text: str,
    path: Path,
    encoding: str,
    options: ReadOptions,
    *,
    display_path: str | None = None,
    start: int = 0,
) -> Document:
    """The :class:`Document` of an HTML article exported from WordPress, already decoded to
    ``text``; ArticleError (with the line) for broken markup, as for any HTML article. ``start``:
    where the post begins (before it, a front matter blanked by :mod:`.html_content`: spaces)."""
    names = registered(options)
    templates = shortcode_templates(text, names, start)
    verbatim = [
        (opener, closer)
        for opener, closer in closed_pairs(templates)
        if opener.name in VERBATIM or opener.name in options.code_shortcodes
    ]  # (an [embed]'s address, a [code] block, the site's own [ts]: one token each with what they hold)
    tokens = (
        tokens_with_templates(text, start, templates, outermost(verbatim))
        if templates
        else tokenize_html(text)
    )
    head, post = split_at(tokens, start)
    if not is_whole_page(post):  # (post_content: a whole page is no post, its lines are HTML's)
        tokens = head + with_line_breaks(post)
    document = read_html(text, path, encoding, options, display_path=display_path, tokens=tokens)
    with_params = param_parts(text, templates, options)
    if "<!--more" in text:
        with_params.update(_more_texts(text, start))
    if with_params:
        document.parts = with_param_parts(document.parts, with_params)
    if "[" in text:
        _shortcodes_in_attributes(document.parts, names, options.code_shortcodes)
    after_closer = _after_closer(document.parts)
    for slot in slots_in(document.parts):
        if isinstance(slot, TextSlot):
            # (a <pre>'s text, which wpautop leaves as it is, keeps the translation's line breaks)
            written = without_shortcodes if "no-wrap" in slot.flags else wordpress_text
            slot.escape = functools.partial(written, write=slot.escape, kept=slot.msgid, names=names)
            opens, closes = _tag_placeholders(slot)
            escapes = tuple(sorted(pair_escapes(slot.msgid))) if slot.placeholders else ()
            shortcodes = _shortcode_markup(slot) if slot.pieces else ()
            markup = shortcodes if "[<" in slot.msgid else ()
            # (a [/name] or an escape [[name]] the source's text has: written so that it closes,
            # or opens, no shortcode of the unit's)
            order = shortcodes if "[/" in slot.msgid or "[[" in slot.msgid else ()
            if (
                opens or closes or escapes or markup or order or slot.msgid.endswith("[")
            ) and slot.keep_runs is None:
                slot.keep_runs = functools.partial(
                    bracket_keeper,
                    opens=opens,
                    closes=closes,
                    escapes=escapes,
                    msgid=slot.msgid,
                    markup=markup,
                    order=order,
                    names=names if order else (),
                )
            if reorderable(slot.msgid, shortcodes, names):
                slot.unwritable = functools.partial(
                    order_problem, msgid=slot.msgid, markup=shortcodes, names=names
                )
        elif isinstance(slot, AttrSlot):  # (WordPress runs the shortcodes in a tag's attributes too)
            write = slot.write or quoted_attribute
            code = attribute_code(slot.raw, names, options.code_shortcodes) if "[" in slot.raw else ()
            slot.write = (
                functools.partial(keeping_code, code=code, write=write, kept=slot.msgid, names=names)
                if code
                else functools.partial(
                    without_shortcodes if id(slot) in after_closer else in_attribute,
                    write=write,
                    kept=slot.msgid,
                    names=names,
                )
            )
    hint = unregistered_hint(text, names, display_path or str(path)) if "[" in text else None
    if hint is not None:
        document.warnings.append(hint)
    return document


def _shortcodes_in_attributes(parts: list[Part], names: tuple[str, ...], code: tuple[str, ...]) -> None:
    """Each translated attribute value of ``parts`` that holds shortcodes of ``names`` made a text
    unit whose shortcodes are placeholders (see :mod:`.attribute_units`): WordPress runs them there
    too (a code pair of ``code``, one placeholder with its code)."""
    for tag in tags_in(parts):
        if not any(isinstance(part, AttrSlot) and "[" in part.raw for part in tag.parts):
            continue
        out: list[Part] = []
        for part in tag.parts:
            unit = None
            if isinstance(part, AttrSlot) and "[" in part.raw:
                unit = attribute_unit(part, attribute_tokens(part.raw, names, code))
            out.extend((part,) if unit is None else unit)
        tag.parts = [part for part in out if part != ""]


def _after_closer(parts: list[Part]) -> set[int]:
    """The ids of the attribute slots of ``parts`` that a ``>`` comes before in their tag (in a value
    as written): WordPress ends the tag there, so such a value is the page's text to it, where a
    ``[`` may open a shortcode (see :func:`.wp_shortcodes.in_attribute`)."""
    found: set[int] = set()
    for tag in tags_in(parts):
        seen = False
        for part in tag.parts:
            if isinstance(part, AttrSlot):
                if seen:
                    found.add(id(part))
                seen = seen or ">" in part.raw
            else:
                seen = seen or ">" in str(part)
    return found


def registered(options: ReadOptions) -> tuple[str, ...]:
    """The shortcodes the site registers: those of ``[extract.shortcodes] wordpress``, and its code
    shortcodes (``code``: a SyntaxHighlighter brush of its own, ``[ts]``), which need not be named twice
    (but a Hugo one in a folder, ``docs/terminal``: WordPress registers no name with a ``/``).

    >>> code = ("ts", "terminal", "docs/terminal")
    >>> registered(ReadOptions(wordpress_shortcodes=("caption", "ts"), code_shortcodes=code))
    ('caption', 'ts', 'terminal')
    """
    code = tuple(name for name in options.code_shortcodes if "/" not in name)
    return tuple(dict.fromkeys(options.wordpress_shortcodes + code))


#: WordPress's "more" tag with a text of its own (``<!--more Read the whole story-->``): the link to
#: the whole post shows it on the pages that list the post (its teaser). WordPress reads it on one
#: line (its ``.`` stops at ``\n``): over two, it is a comment like any other.
_MORE = re.compile(r"(<!--more[^\S\n]*)([^\s-][^\n]*?)([^\S\n]*-->)")


def _more_texts(text: str, start: int) -> dict[str, list[Part]]:
    """The parts of each ``<!--more …-->`` of ``text`` (from ``start`` on) that has a text, by the
    tag as written: the tag, its text a unit (written by :func:`~.wp_shortcodes.more_text`)."""
    found: dict[str, list[Part]] = {}
    for match in _MORE.finditer(text, start):
        shown = " ".join(html.unescape(match.group(2)).split())
        if match.group() in found or not any(char.isalpha() for char in shown):
            continue
        references = tuple(references_in(match.group(2)).items())
        write = functools.partial(more_text, references=references) if references else more_text
        slot = AttrSlot(shown, "more", match.group(2), "attribute:more", write=write)
        found[match.group()] = [match.group(1), slot, match.group(3)]
    return found


def wordpress_text(
    text: str, write: Callable[[str], str], kept: str = "", names: Collection[str] = ()
) -> str:
    r"""A piece of a translation written into a page from WordPress (:func:`without_shortcodes`), its
    line breaks spaces: WordPress would show one as a ``<br />``, a blank line as a new paragraph
    (the source's line breaks are placeholders the translation keeps, see :func:`~.wp_autop.with_line_breaks`).

    >>> from transpub.formats.escape import escape_text
    >>> print(wordpress_text("Der Hafen\n\nist [offen]", escape_text))
    Der Hafen ist &#91;offen]
    """
    if "\n" in text or "\r" in text:
        text = " ".join(_LINES.split(text))
    return without_shortcodes(text, write, kept, names)


_LINES = re.compile(r"[ \t]*[\r\n][ \t\r\n]*")


def bracket_keeper(
    text: str,
    opens: tuple[int, ...],
    closes: tuple[int, ...],
    escapes: tuple[str, ...] = (),
    msgid: str = "",
    markup: tuple[tuple[int, str, str], ...] = (),
    order: Markup = (),
    names: tuple[str, ...] = (),
) -> Callable[[int, str, str], str]:
    """How each text of the translation ``text`` (of ``msgid``) is written once escaped (see
    :attr:`~.document.TextSlot.keep_runs`): a ``[`` it ends with stays ``[`` right before a placeholder
    whose markup starts with a tag, a line break or the spaces before one (``opens``: the numbers of
    those that do where they open or stand alone, ``closes``: where they close), where WordPress
    starts no shortcode (``[<a href="#fn1">1</a>]``). The source's own ``[`` stays ``[`` too: at the
    end of the unit where ``msgid`` ends with it (the source's markup follows it, as in the source),
    and right before the placeholder of a shortcode that ``msgid`` has it before (``markup``: see
    :func:`_shortcode_markup`) unless the translation puts a ``]`` after that shortcode (``[[video]]``
    is WordPress's escape: the video would show as text, see
    :func:`~.wp_shortcodes.read_after_bracket`). Any other stays ``&#91;``. The brackets of a pair
    escape of the source (``escapes``: its openers) that the translation keeps whole around
    placeholders (``[[footnote]Your <1>note</1>[/footnote]]``) stay as they are too. A ``[/name]``
    the source's text has (``z[/ts]``) is written ``&#91;/name]`` where a shortcode ``name`` of the
    unit's placeholders (``order``: see :func:`_shortcode_markup`; ``names``: those the site runs)
    is open: it would close it (see :func:`~.wp_order.open_names`); an escape ``[[name]]`` of the
    source's text, ``&#91;name]`` where a ``[/name]`` follows it (see :func:`~.wp_order.escapes_closed`).

    >>> keep = bracket_keeper("Siehe [<1>1</1>] und [<2/>]", opens=(1,), closes=(1,))
    >>> keep(0, "Siehe [", "Siehe &#91;"), keep(2, "] und [", "] und &#91;")
    ('Siehe [', '] und &#91;')
    >>> markup = ((1, '[video src="a.mp4"]', ""),)
    >>> keep = bracket_keeper("Siehe [<1/> hier [", (), (), msgid="See [<1/> here [", markup=markup)
    >>> keep(0, "Siehe [", "Siehe &#91;"), keep(1, " hier [", " hier &#91;")
    ('Siehe [', ' hier [')
    >>> bracket_keeper("Siehe [<1/>]", (), (), msgid="See [<1/> here", markup=markup)(0, "[", "&#91;")
    '&#91;'
    """
    split = PLACEHOLDER_RE.split(text)
    raw = escape_brackets(text, escapes) if escapes and "[[" in text else set()
    starts = [0, *(found.end() for found in PLACEHOLDER_RE.finditer(text))] if raw else []
    opened = open_names(text, order, names) if order and "[/" in text else ()
    closed = closed_after(text, order, names) if order and "[[" in text else ()
    ends = [*(found.start() for found in PLACEHOLDER_RE.finditer(text)), len(text)] if closed else []

    def keep(number: int, value: str, written: str) -> str:
        if raw and number < len(starts) and text.startswith(value, starts[number]):
            written = _with_raw_brackets(written, value, starts[number], raw)
        if opened and number < len(opened) and "[/" in written:
            for name in opened[number]:
                written = written.replace(f"[/{name}]", f"&#91;/{name}]")
        if closed and number < len(closed) and "[[" in written:
            written = escapes_closed(written, text[ends[number] :], closed[number], names)
        at = 4 * number + 1
        if not value.endswith("[") or not written.endswith("&#91;"):
            return written
        if at + 2 >= len(split):
            return written[: -len("&#91;")] + "[" if msgid.endswith("[") else written
        closing, placeholder, empty = split[at : at + 3]
        if closing and empty:
            return written
        if int(placeholder) in (closes if closing else opens) or (
            markup and _source_bracket_stays(text, msgid, f"<{closing}{placeholder}{empty}>", markup)
        ):
            return written[: -len("&#91;")] + "["
        return written

    return keep


def _source_bracket_stays(
    text: str, msgid: str, placeholder: str, markup: tuple[tuple[int, str, str], ...]
) -> bool:
    """Whether the ``[`` of the translation ``text`` right before ``placeholder`` (a shortcode's) is
    the source's (``msgid`` has it there) and WordPress reads it as it reads the source's: no ``]``
    after the shortcode makes it an escape (see :func:`~.wp_shortcodes.read_after_bracket`)."""
    if f"[{placeholder}" not in msgid:
        return False
    page, texts, at = _with_markup(text, markup, placeholder)
    read = read_after_bracket(page, at - 1, texts)
    if read not in ("end", "beyond", "beyond]"):
        return read == "safe"
    # (what follows the unit decides: it does as in the source where the source's shortcode ends the
    # unit too, or its closing token is after the unit in both, which the source has where a ]
    # follows its token, or the translation has no ] there)
    source, source_texts, source_at = _with_markup(msgid, markup, placeholder)
    in_source = read_after_bracket(source, source_at - 1, source_texts)
    return in_source == read or (read == "beyond" and in_source == "beyond]")


def _with_markup(
    text: str, markup: tuple[tuple[int, str, str], ...], placeholder: str
) -> tuple[str, list[tuple[int, int]], int]:
    """``text`` (a translation, or its msgid) with each placeholder its markup as WordPress reads it
    (see :func:`_shortcode_markup`; another's a NUL), the spans of its own text in it, and where
    ``placeholder``'s markup starts in it."""
    by_number = {number: (opening, closing) for number, opening, closing in markup}
    split = PLACEHOLDER_RE.split(text)
    out = [split[0]]
    texts = [(0, len(split[0]))]
    length = at = len(split[0])
    for index in range(1, len(split), 4):
        closing, number, empty, after = split[index : index + 4]
        if f"<{closing}{number}{empty}>" == placeholder:
            at = length
        opening_markup, closing_markup = by_number.get(int(number), ("\x00", "\x00"))
        written = closing_markup if closing else opening_markup
        out.extend((written, after))
        length += len(written)
        texts.append((length, length + len(after)))
        length += len(after)
    return "".join(out), texts, at


def _with_raw_brackets(written: str, value: str, start: int, raw: set[int]) -> str:
    """``written`` (``value`` escaped; ``value`` at ``start`` of the translation) with the brackets at
    the translation's positions ``raw`` written as ``[`` (each ``[`` of ``value`` is one ``[`` or
    ``&#91;`` of ``written``, in order)."""
    wanted = {index for index, at in enumerate(_at_brackets(value)) if start + at in raw}
    if not wanted:
        return written
    brackets = list(_WRITTEN_BRACKET.finditer(written))
    if len(brackets) != value.count("["):
        return written
    out: list[str] = []
    pos = 0
    for index, found in enumerate(brackets):
        out.append(written[pos : found.start()])
        out.append("[" if index in wanted else found.group())
        pos = found.end()
    out.append(written[pos:])
    return "".join(out)


def _at_brackets(value: str) -> list[int]:
    """Where the ``[`` of ``value`` stand."""
    return [index for index, char in enumerate(value) if char == "["]


#: A ``[`` as :func:`~.wp_shortcodes.without_shortcodes` writes it.
_WRITTEN_BRACKET = re.compile(r"\[|&#91;")


def _shortcode_markup(slot: TextSlot) -> tuple[tuple[int, str, str], ...]:
    """The markup of each of ``slot``'s placeholders that holds a ``[``, as WordPress reads it (its
    tags and text slots a NUL, a shortcode's parameters as written): its number, where it opens or
    stands alone, where it closes (see :func:`bracket_keeper`)."""
    found: list[tuple[int, str, str]] = []
    for number, piece in slot.pieces.items():
        opening, closing = (
            (_markup_text(piece.open), _markup_text(piece.close))
            if isinstance(piece, PairedPieces)
            else (_markup_text(piece), "")
        )
        if "[" in opening or "[" in closing:
            found.append((number, opening, closing))
    return tuple(found)


def _markup_text(parts: list[Part]) -> str:
    """Markup written as ``parts``, as a shortcode reads it: each tag and text slot a NUL."""
    return "".join(
        part if isinstance(part, str) else part.raw if isinstance(part, AttrSlot) else "\x00"
        for part in parts
    )


def _tag_placeholders(slot: TextSlot) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The numbers of ``slot``'s placeholders whose markup starts with a tag or a line break, where
    they open or stand alone, and where they close (see :func:`bracket_keeper`)."""
    opens: list[int] = []
    closes: list[int] = []
    for number, piece in slot.pieces.items():
        if isinstance(piece, PairedPieces):
            if _starts_with_tag(piece.open):
                opens.append(number)
            if _starts_with_tag(piece.close):
                closes.append(number)
        elif _starts_with_tag(piece):
            opens.append(number)
    return tuple(opens), tuple(closes)


def _starts_with_tag(parts: list[Part]) -> bool:
    """Whether markup written as ``parts`` starts with a tag or a line break, or the spaces before one
    (no shortcode's name)."""
    first = next((part for part in parts if part != ""), None)
    return isinstance(first, Tag) or (isinstance(first, str) and first[0] in "<\r\n \t")
