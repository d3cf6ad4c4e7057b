"""Escaping text for HTML element content and attribute values."""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

from .md_escape import NO_LINK_AFTER, TEMPLATE_OPENERS, literal_replacement


def escape_text(text: str) -> str:
    """Escape text for HTML element content.

    >>> escape_text('<script>alert("x")</script> & co')
    '&lt;script&gt;alert("x")&lt;/script&gt; &amp; co'
    """
    if "&" not in text and "<" not in text and ">" not in text:  # most sentences: nothing to escape
        return text
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


#: A character reference as written in HTML (``&mdash;``, ``&#8217;``, ``&#x2014;``).
_REFERENCE = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);")


def references_in(raw: str) -> dict[str, str]:
    """Each character ``raw`` (HTML as written) writes as a character reference, and how, but for
    the ``&``, ``<`` and ``>`` that :func:`escape_text` writes anyway.

    >>> references_in("Rock &amp; roll &mdash; it&#8217;s &nbsp;here")
    {'—': '&mdash;', '’': '&#8217;', '\xa0': '&nbsp;'}
    """
    found: dict[str, str] = {}
    for match in _REFERENCE.finditer(raw):
        char = html.unescape(match.group())
        if len(char) == 1 and char not in "&<>" and char not in found:
            found[char] = match.group()
    return found


def escape_text_keeping(references: dict[str, str]) -> Callable[[str], str]:
    """:func:`escape_text`, with each character of ``references`` (see :func:`references_in`) written
    as its source wrote it: a translation keeps the source's ``&nbsp;`` and ``&mdash;`` visible in
    the HTML, and a text kept as it is comes back as written. (A partial of a module function, which
    the read cache stores by name.)

    >>> escape_text_keeping({"\xa0": "&nbsp;", "—": "&mdash;"})("A\xa0b — c & d")
    'A&nbsp;b &mdash; c &amp; d'
    """
    return functools.partial(escape_text_with, references=tuple(references.items()))


def escape_text_with(text: str, references: tuple[tuple[str, str], ...] = ()) -> str:
    """:func:`escape_text` of ``text`` with each character of ``references`` written as its reference,
    in one pass (a second would rewrite the ``&amp;`` of the first where the source writes ``a`` or
    ``;`` as a reference, as e-mail addresses hidden from robots do).

    >>> escape_text_with("Tom & Jerry <b>;", (("m", "&#109;"), (";", "&#59;")))
    'To&#109; &amp; Jerry &lt;b&gt;&#59;'

    ``(">", ">")`` among ``references``: the source writes ``>`` as it is (see :func:`brackets_kept`).

    >>> escape_text_with("a -> b <c>", ((">", ">"),))
    'a -> b &lt;c>'
    """
    escapes = _TEXT_ESCAPES if BRACKET_KEPT not in references else _TEXT_ESCAPES[:2]
    return text.translate(_table((*references, *escapes)))


#: What :func:`escape_text` writes as references (the source's own spelling of them does not count).
_TEXT_ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))
#: A reference of :func:`escape_text_with` saying that ``>`` is written as it is.
BRACKET_KEPT = (">", ">")


def brackets_kept(raw: str, references: dict[str, str]) -> dict[str, str]:
    """``references`` (see :func:`references_in`) with ``>`` written as it is where the text ``raw``
    (HTML as written) writes one so (``a -> b``): ``>`` is never markup in an element's text, and
    ``&gt;`` there changed bytes the source did not (and, after an element on its line in Markdown,
    moved the text to the next line). ``<`` and ``&`` stay references.

    >>> brackets_kept("a -> b", {}), brackets_kept("a &gt; b", {})
    ({'>': '>'}, {})
    """
    return {**references, ">": ">"} if ">" in raw else references


@functools.lru_cache(maxsize=256)
def _table(references: tuple[tuple[str, str], ...]) -> dict[int, str]:
    return str.maketrans(dict(references))


def attribute_writer(raw: str, shown: str | None = None) -> Callable[[str], str] | None:
    """How a translated value of the attribute value written ``raw`` (quotes included) is written,
    when not as :func:`escape_attribute` in double quotes (None): in the source's single quotes,
    between the spaces at the source value's edges, with the characters the source writes as
    references (``&nbsp;``, ``&#39;``) written so, and ``>`` as it is where the source writes it so
    (``->``; a ``<`` is always a reference, against tools that strip tags naively).

    >>> attribute_writer('"Plain text"') is None
    True
    >>> attribute_writer("' Home&nbsp;page '")("It's the\xa0start")
    "' It&#39;s the&nbsp;start '"

    Where the source writes its text otherwise than the writer would (a run of spaces, a line break
    or a tab, which a browser keeps in a tooltip; a reference without its ``;``), a translation
    keeping that text whole (``shown``: it as the msgid shows it, by default with its whitespace
    runs one space) gets the source's bytes there (see :func:`write_attribute`):

    >>> attribute_writer('"Dawn   ferry\\nboat"')("[Dawn ferry boat]")
    '"[Dawn   ferry\\nboat]"'
    >>> attribute_writer('"a &amp b"')("a & b"), attribute_writer('"a &amp b"')("x & y")
    ('"a &amp b"', '"x &amp; y"')
    """
    quote = _quote_of(raw)
    inner = raw[1:-1] if quote else raw
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :] if inner.strip() else ""
    core = inner[len(lead) : len(inner) - len(trail)]
    table = _attribute_table(inner, quote or '"')
    spelled = _spelled(core, _HTML_SPACE.sub(" ", html.unescape(core)) if shown is None else shown, table)
    if (
        quote == '"'
        and not lead
        and not trail
        and ">" not in inner
        and not ("&" in inner and references_in(inner))
        and not spelled
    ):
        return None
    write = functools.partial(
        write_attribute, quote=quote or '"', lead=lead, trail=trail, table=table, bare=not quote
    )
    return functools.partial(write, spelled=spelled) if spelled else write


def spelled_text(written: str, table: tuple[tuple[str, str], ...]) -> tuple[str, str] | tuple[()]:
    """``(shown, written)`` where the text ``written`` of an attribute value (as written, between
    its template tokens: a value ``table`` writes in its quotes or without, which it keeps) shows
    ``shown`` (its whitespace runs one space, as a msgid shows them) and ``table`` would write it
    otherwise; else ``()`` (see :func:`attribute_writer`).

    >>> spelled_text("Call  ", ()), spelled_text("Call ", ()), spelled_text("R&amp", (("&", "&amp;"),))
    (('Call ', 'Call  '), (), ('R&', 'R&amp'))
    """
    shown = _HTML_SPACE.sub(" ", html.unescape(written))
    return (shown, written) if shown and shown.translate(_table(table)) != written else ()


def _spelled(core: str, shown: str, table: tuple[tuple[str, str], ...]) -> tuple[str, str] | tuple[()]:
    """``(shown, core)`` where the source writes the text ``shown`` as ``core`` (an attribute value's
    text as written, without its quotes and the spaces at its edges) otherwise than ``table``
    writes it, and ``core`` may stand where a translation writes ``shown`` (it holds no quote,
    which a value the source writes without quotes may); else ``()``."""
    if not shown or not core or shown.translate(_table(table)) == core or '"' in core or "'" in core:
        return ()
    return (shown, core)


#: HTML's whitespace (not a no-break space), a run of which a msgid shows as one space.
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def attribute_text_writer(raw: str) -> Callable[[str], str] | None:
    """How translated text inside the quoted attribute value written ``raw`` (quotes included) is
    written, without quotes: as :func:`attribute_writer` writes it between them (None: ``raw`` has
    no quotes around it).

    >>> attribute_text_writer("' Home&nbsp;page '")("It's the\xa0start")
    'It&#39;s the&nbsp;start'
    >>> attribute_text_writer('"a"')('"b" & <c>'), attribute_text_writer("a") is None
    ('&quot;b&quot; &amp; &lt;c&gt;', True)
    """
    quote = _quote_of(raw)
    if not quote:
        return None
    return functools.partial(write_attribute, quote="", table=_attribute_table(raw[1:-1], quote))


def unquoted_attribute_text_writer(raw: str) -> Callable[[str], str]:
    """How translated text inside the attribute value written ``raw`` without quotes is written:
    what would end the value there or quote it (a space, a quote, ``=``, ``<``, ``>``, a backtick)
    and ``&`` as character references, which a browser reads as those characters, so that it stays
    one value as the source writes it; the characters the source writes as references written so.

    >>> print(unquoted_attribute_text_writer("Press&nbsp;")('Drücke "hier" =\xa0<b>'))
    Drücke&#32;&quot;hier&quot;&#32;&#61;&nbsp;&lt;b&gt;
    """
    table = {**(references_in(raw) if "&" in raw else {}), **_UNQUOTED}
    return functools.partial(write_attribute, quote="", table=tuple(table.items()))


#: What ends or quotes an attribute value written without quotes, as references.
_UNQUOTED = {char: f"&#{ord(char)};" for char in " \t\n\r\f=`"} | {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    '"': "&quot;",
    "'": "&#39;",
}


def _quote_of(raw: str) -> str:
    """The quote around the attribute value written ``raw``, or ``""``."""
    return raw[:1] if raw[:1] in ("'", '"') and len(raw) >= 2 and raw[-1] == raw[0] else ""


def _attribute_table(inner: str, quote: str) -> tuple[tuple[str, str], ...]:
    """What a translation is written with in the attribute value written ``inner`` between
    two ``quote`` characters (see :func:`attribute_writer`)."""
    references = references_in(inner) if "&" in inner else {}
    table = {
        **references,
        "&": "&amp;",
        "<": "&lt;",
        quote: references.get(quote, "&quot;" if quote == '"' else "&#39;"),
        **({} if ">" in inner else {">": "&gt;"}),
    }
    return tuple(table.items())


def write_attribute(
    text: str,
    quote: str = '"',
    lead: str = "",
    trail: str = "",
    table: tuple[tuple[str, str], ...] = (),
    spelled: tuple[str, str] | tuple[()] = (),
    bare: bool = False,
    edges: tuple[tuple[str, str, str], ...] = (),
) -> str:
    """An attribute value written by :func:`attribute_writer`: ``text`` with the characters of
    ``table`` replaced, between ``lead`` and ``trail``, in ``quote`` (``bare``: the source's value has
    no quotes, and gets none while the value needs none); each ``spelled[0]`` (the
    source's text, as the msgid shows it) of ``text`` written as the source writes it
    (``spelled[1]``), where what follows cannot change what the source's bytes show (see
    :func:`spelled_pieces`); ``edges``: the source's texts between the template tokens of the value
    of a unit ``text`` is a text of (see :func:`edge_pieces`).

    >>> write_attribute("(R&), R&D", spelled=("R&", "R&amp"), table=(("&", "&amp;"),))
    '"(R&amp), R&amp;D"'
    >>> write_attribute("Dawn", bare=True), write_attribute("At dawn", bare=True)
    ('Dawn', '"At dawn"')
    """
    pieces = _source_pieces(text, table, spelled, edges)
    if pieces is None:
        written = text.translate(_table(table))
    else:
        written = "".join(piece if source else piece.translate(_table(table)) for source, piece in pieces)
    return _quoted(lead + written + trail, quote, bare)


def _quoted(value: str, quote: str, bare: bool) -> str:
    """An attribute's ``value`` in ``quote``, or without quotes where the source's has none
    (``bare``) and the value needs none."""
    if bare and value and _NEEDS_QUOTES.search(value) is None:
        return value
    return quote + value + quote


def _source_pieces(
    text: str,
    table: tuple[tuple[str, str], ...],
    spelled: tuple[str, str] | tuple[()],
    edges: tuple[tuple[str, str, str], ...],
) -> list[tuple[bool, str]] | None:
    """``text`` in pieces, the source's bytes ``(True, …)`` where ``spelled`` or ``edges`` put them
    (see :func:`spelled_pieces`, :func:`edge_pieces`); None: none there."""
    if edges:
        pieces = edge_pieces(text, edges, table)
        return None if len(pieces) == 1 and not pieces[0][0] else pieces
    return spelled_pieces(text, spelled, table) if spelled and spelled[0] in text else None


def write_with_edges(
    text: str,
    write: Callable[[str], str] = escape_text,
    edges: tuple[tuple[str, str, str], ...] = (),
    read: Callable[[str], str] | None = None,
) -> str:
    """``write(text)`` but for the source's texts ``edges`` puts there as the source writes them (see
    :func:`edge_pieces`): a Markdown alt text's text (between template tokens), its escapes,
    entities and emphasis kept. ``read``: how a text as written reads; where what ``text`` writes
    around the source's text would make it read otherwise than ``write(text)`` (an asterisk of
    the translation pairing with one of the source's; whitespace runs read as one space),
    ``write(text)``.

    >>> write_with_edges("<The *b*", edges=(("end", "The *b*", "The \\\\*b\\\\*"),))
    '&lt;The \\\\*b\\\\*'
    >>> edges = (("within", "&", "&amp;"),)
    >>> write_with_edges("R&D", str, edges, html.unescape), write_with_edges("&amp;", str, edges, html.unescape)
    ('R&amp;D', '&amp;')
    """
    pieces = edge_pieces(text, edges, ())
    joined = "".join(piece if source else write(piece) for source, piece in pieces)
    if read is None or all(not source for source, _ in pieces):
        return joined
    written = write(text)
    same = _HTML_SPACE.sub(" ", read(joined)) == _HTML_SPACE.sub(" ", read(written))
    return joined if same else written


def edge_pieces(
    text: str, edges: tuple[tuple[str, str, str], ...], table: tuple[tuple[str, str], ...]
) -> list[tuple[bool, str]]:
    """``text``, a translation's text between two placeholders of a unit of an attribute value
    holding template tokens (see :mod:`.attribute_units`), in pieces as :func:`spelled_pieces` makes
    them: ``(True, the source's bytes)`` where ``text`` keeps a text the source writes otherwise
    than ``table`` would (``edges``: ``(anchor, shown, written)``, its text as the msgid shows it and
    as written) where the source has it: ending ``text`` (``"end"``: the source's text before the
    value's first token), starting it (``"start"``: after its last token) or all of it
    (``"whole"``: between two tokens), or each time ``text`` holds it (``"within"``: a value
    without tokens, as :func:`spelled_pieces` does). The source's bytes ending in a reference
    without its ``;`` are used only before what a browser cannot read as more of it (see
    :func:`spelled_pieces`), never before a token (whose output may start with a letter).

    >>> edges = (("end", "Call ", "Call  "), ("start", " now", "  now"), ("whole", " ", "  "))
    >>> edge_pieces("[Call ", edges, ()), edge_pieces(" now]", edges, ()), edge_pieces(" ", edges, ())
    ([(False, '['), (True, 'Call  ')], [(True, '  now'), (False, ']')], [(True, '  ')])
    >>> edge_pieces("Call now", edges, ()), edge_pieces("R&", (("end", "R&", "R&amp"),), ())
    ([(False, 'Call now')], [(False, 'R&')])
    """
    for anchor, shown, written in edges:
        if anchor == "within":
            return spelled_pieces(text, (shown, written), table) if shown in text else [(False, text)]
        dangling = _DANGLING_REFERENCE.search(written) is not None
        if anchor == "whole" and text == shown and not dangling:
            return [(True, written)]
        if anchor == "end" and text.endswith(shown) and not dangling:
            before = text[: len(text) - len(shown)]
            return [*([(False, before)] if before else []), (True, written)]
        if anchor == "start" and text.startswith(shown):
            after = text[len(shown) :]
            following = after[:1].translate(_table(table))
            if dangling and (not after or any(char.isalnum() or char in "=;" for char in following)):
                continue
            return [(True, written), *([(False, after)] if after else [])]
    return [(False, text)]


#: What an attribute value written without quotes may not hold (HTML's unquoted attribute value).
_NEEDS_QUOTES = re.compile(r"[\s\"'=<>`]")


def spelled_pieces(
    text: str, spelled: tuple[str, str], table: tuple[tuple[str, str], ...]
) -> list[tuple[bool, str]]:
    """``text`` in pieces: ``(True, the source's bytes)`` for each ``spelled[0]`` it holds, written
    ``spelled[1]`` by the source, and ``(False, text)`` for the rest (for ``table`` to write). The
    source's bytes ending in a reference without its ``;`` (``&amp``, ``&#169``) are not used
    before a letter, a digit, ``=`` or ``;`` (written by ``table``): there a browser reads another
    reference, or none.

    >>> spelled_pieces("[a b]", ("a b", "a  b"), ())
    [(False, '['), (True, 'a  b'), (False, ']')]
    >>> spelled_pieces("R&; R& D", ("R&", "R&amp"), (("&", "&amp;"),))
    [(False, 'R&; '), (True, 'R&amp'), (False, ' D')]
    """
    shown, written = spelled
    dangling = _DANGLING_REFERENCE.search(written) is not None
    pieces: list[tuple[bool, str]] = []
    rest = text.split(shown)
    for index, piece in enumerate(rest):
        if index:
            # (what follows: this piece, or the next occurrence, written either way)
            following = piece[:1].translate(_table(table)) if piece else written[:1] + shown[:1]
            if dangling and any(char.isalnum() or char in "=;" for char in following):
                pieces.append((False, shown))
            else:
                pieces.append((True, written))
        if piece:
            pieces.append((False, piece))
    merged: list[tuple[bool, str]] = []
    for source, piece in pieces:
        if merged and not source and not merged[-1][0]:
            merged[-1] = (False, merged[-1][1] + piece)
        else:
            merged.append((source, piece))
    return merged


#: A character reference without its ``;`` at the end of a value's text as written.
_DANGLING_REFERENCE = re.compile(r"&#?[A-Za-z0-9]+$")


def attribute_on_one_line(
    text: str,
    kept: str = "",
    quote: str = '"',
    lead: str = "",
    trail: str = "",
    table: tuple[tuple[str, str], ...] = (),
    spelled: tuple[str, str] | tuple[()] = (),
    bare: bool = False,
    edges: tuple[tuple[str, str, str], ...] = (),
) -> str:
    """:func:`write_attribute` (its keywords) with line breaks as character references: a value in a
    Markdown raw HTML block, where a blank line would end the block; and what Python-Markdown reads
    before an inline tag as references in ``text`` (see :func:`attribute_in_markdown`; ``kept``: the
    source's value). The source's bytes of ``spelled`` and ``edges`` stand as they are (the block
    holds them); a value the source writes without quotes (``bare``) gets none while it needs none,
    in HTML and in kramdown, which takes fewer characters without quotes (:func:`_bare_to_kramdown`).

    >>> attribute_on_one_line("[a b]\\n", spelled=("a b", "a\\n  b"))
    '"&#91;a\\n  b&#93;&#10;"'
    >>> attribute_on_one_line("Dawn", bare=True), attribute_on_one_line("Dawn-x", bare=True)
    ('Dawn', '"Dawn-x"')
    """
    pieces = _source_pieces(text, table, spelled, edges)
    if pieces is None:
        pieces = _markdown_source_once(text, _markdown_spelled(kept) if kept else ())
    elif spelled and _READ_BEFORE_TAGS_CHARS.intersection(spelled[1]):
        pieces = _source_pieces_once(pieces, spelled)
    inner = "".join(
        piece
        if source
        else _line_breaks_as_references(_no_markdown_in_attribute(piece.translate(_table(table)), kept))
        for source, piece in pieces
    )
    value = _line_breaks_as_references(lead) + inner + _line_breaks_as_references(trail)
    return _quoted(value, quote, bare and _bare_to_kramdown(value))


def _markdown_spelled(kept: str) -> tuple[str, str] | tuple[()]:
    """``(shown, written)`` where the source's attribute value ``kept`` (as written, quotes
    included) writes a character Python-Markdown reads before a tag (see
    :func:`attribute_in_markdown`) as it is: its text as a msgid shows it and as written, without
    the spaces at its edges; else ``()``. Not a text over lines, with a brace or a ``<`` (a
    template's text holding placeholders, a tag), a reference without its ``;`` at its end or a
    backslash there (which would escape what follows).

    >>> _markdown_spelled('"x`y &amp; [z] "'), _markdown_spelled('"x y"'), _markdown_spelled('"a\\\\"')
    (('x`y & [z]', 'x`y &amp; [z]'), (), ())
    """
    quote = _quote_of(kept)
    core = (kept[1:-1] if quote else kept).strip(" \t\f")
    if (
        not _READ_BEFORE_TAGS_CHARS.intersection(core)
        or any(char in core for char in "\n\r{<")
        or core.endswith("\\")
        or _DANGLING_REFERENCE.search(core)
    ):
        return ()
    shown = _HTML_SPACE.sub(" ", html.unescape(core))
    return (shown, core)


def _markdown_source_once(text: str, spelled: tuple[str, str] | tuple[()]) -> list[tuple[bool, str]]:
    """``text`` in pieces (see :func:`spelled_pieces`): the source's bytes ``spelled[1]`` where
    ``text`` first holds ``spelled[0]`` (see :func:`_markdown_spelled`), once: the source's
    backticks are the page's own, and a second one could pair with them (a code span in Python-Markdown).

    >>> _markdown_source_once("⟦x`y⟧ x`y", ("x`y", "x`y")), _markdown_source_once("z", ("x`y", "x`y"))
    ([(False, '⟦'), (True, 'x`y'), (False, '⟧ x`y')], [(False, 'z')])
    """
    if not spelled or spelled[0] not in text:
        return [(False, text)]
    before, after = text.split(spelled[0], 1)
    return [piece for piece in ((False, before), (True, spelled[1]), (False, after)) if piece[1]]


def _source_pieces_once(pieces: list[tuple[bool, str]], spelled: tuple[str, str]) -> list[tuple[bool, str]]:
    """``pieces`` (see :func:`spelled_pieces`) with the source's bytes ``spelled[1]`` only the first
    time, its text ``spelled[0]`` written as a translation's after (see :func:`_markdown_source_once`)."""
    out: list[tuple[bool, str]] = []
    seen = False
    for source, piece in pieces:
        if source and piece == spelled[1]:
            source, piece = (True, piece) if not seen else (False, spelled[0])
            seen = True
        out.append((source, piece))
    return out


def _bare_to_kramdown(value: str) -> bool:
    """Whether kramdown (Jekyll) reads ``value`` as an attribute's value without quotes: letters,
    digits and ``_`` only (its ``\\p{Word}+``; a tag with another bare value, ``title=Morgen-grauen``,
    is text on its page).

    >>> _bare_to_kramdown("Morgengrauen"), _bare_to_kramdown("Morgen-grauen"), _bare_to_kramdown("⟦Dawn⟧")
    (True, False, False)
    """
    return all(char == "_" or char.isalpha() or char.isdecimal() for char in value)


def attribute_text_escape_in_markdown(escape: Callable[[str], str], kept: str = "") -> Callable[[str], str]:
    r"""The ``escape`` of an attribute value's text between its template tokens (see
    :func:`attribute_text_writer`) for the same value in a Markdown raw HTML block: as
    :func:`attribute_on_one_line` writes it (``kept``: the source's text), and a translation's
    ``{{`` and ``{%`` written so that they show as written (see :func:`without_template_openers`).

    >>> escape = attribute_text_escape_in_markdown(attribute_text_writer('"Dial {{< p >}}"'), "Dial ")
    >>> print(escape('"Ruf" [an]\n\n{{< x >}}'))
    &quot;Ruf&quot; &#91;an&#93;&#10;&#10;&#123;&#123;&lt; x >}}
    """
    if isinstance(escape, functools.partial) and escape.func is write_attribute:
        on_one_line = functools.partial(attribute_on_one_line, kept=kept, **escape.keywords)
        return functools.partial(without_template_openers, write=on_one_line)
    return escape


def text_escape_in_markdown(
    escape: Callable[[str], str],
    markdown: str | None = None,
    addresses: tuple[str, ...] = (),
    brackets: tuple[str, ...] = (),
) -> Callable[[str], str]:
    """The text ``escape`` of an HTML reader (:func:`escape_text`, or :func:`escape_text_keeping`'s
    partial) for the same text in a Markdown raw HTML block (:func:`escape_text_in_markdown`;
    ``markdown``: for a block whose text a renderer reads as Markdown, the characters of emphasis
    and code the source's text writes as they are; ``addresses``: the URLs and e-mail addresses it
    writes, and its words holding a brace, kept as they are where a translation writes them whole;
    ``brackets``: what it writes in brackets as it is, no link, kept so where nothing that makes a
    link follows)."""
    keywords = (
        escape.keywords if isinstance(escape, functools.partial) and escape.func is escape_text_with else {}
    )
    if markdown is not None:
        keywords = {
            **keywords,
            "markdown": markdown,
            **({"addresses": addresses} if addresses else {}),
            **({"brackets": brackets} if brackets else {}),
        }
    return functools.partial(escape_text_in_markdown, **keywords) if keywords else escape_text_in_markdown


def text_escape_on_one_line(escape: Callable[[str], str]) -> Callable[[str], str]:
    """``escape`` for text of an HTML element on one indented line (a list item's): each line break
    of a translation a space, as HTML shows it (a line under it, not indented, would leave the item).

    >>> text_escape_on_one_line(escape_text)("a\\n: b")
    'a : b'
    """
    return functools.partial(_on_one_line, escape=escape)


def _on_one_line(text: str, escape: Callable[[str], str]) -> str:
    return escape(_LINE_BREAK.sub(" ", text))


def text_escape_after_element(escape: Callable[[str], str]) -> Callable[[str], str]:
    """``escape`` for text after an HTML element on its line in Markdown (``<hr> More``): a piece of
    translation whose first line writes a character reference is written from the next line on.
    Python-Markdown takes the references on that line out of it and reads what remains as Markdown
    from a block's start (``&#123;: onclick=x}`` an attribute list's ``: onclick=x}``, ``&#32;   code``
    code; see :mod:`~transpub.formats.md_html_tails`); on the next line they are text. kramdown and
    CommonMark read the line break as a space, as HTML shows it.

    >>> text_escape_after_element(escape_text)("R&D")
    '\\nR&amp;D'

    Spaces and tabs at its end are left out: Python-Markdown reads the text as Markdown, where they
    and the source's space after them (``More text. <p>B</p>``) would be a hard line break
    (``<br>``), which HTML does not show there.

    >>> text_escape_after_element(escape_text)("More text.  ")
    'More text.'
    """
    return functools.partial(_after_element, escape=escape)


def _after_element(text: str, escape: Callable[[str], str], markup_after: bool = False) -> str:
    written, first = _written_on_a_line(text, escape, markup_after)
    return "\n" + written if "&" in first else written


def _written_on_a_line(
    text: str, escape: Callable[[str], str], markup_after: bool = False
) -> tuple[str, str]:
    """``text`` escaped without the spaces and tabs at its end (see :func:`text_escape_after_element`;
    ``markup_after``: with them, a placeholder's markup following on the line), and its first line."""
    written = escape(text)
    if not markup_after:
        written = written.rstrip(" \t")
    return written, _LINE_BREAK.split(written, 1)[0]


def escape_before_markup(escape: Callable[[str], str]) -> Callable[[str], str]:
    """``escape`` for a piece of a translation that a placeholder's markup follows: as it is, but an
    escape for text after an HTML element on its line (:func:`text_escape_after_element`) keeps the
    spaces at the piece's end, which no line end follows (``Hello <1>big</1>``: ``Hello <b>``).

    >>> escape_before_markup(text_escape_after_element(escape_text))("Hello ")
    'Hello '
    """
    if escape.__class__ is functools.partial and escape.func in (_after_element, _in_quote_after_element):
        return functools.partial(escape.func, markup_after=True, **escape.keywords)
    return escape


def text_escape_in_quote_after_element(escape: Callable[[str], str]) -> Callable[[str], str]:
    """``escape`` for the text that starts a quote after an HTML element on its line in Markdown
    (``<div>x</div>> Hello``, a quote to kramdown and Python-Markdown, text of the HTML block to
    CommonMark), as :func:`text_escape_after_element` writes text there: but a line break before a
    character reference that starts the text (a translation's own ``>``: ``&#62;``) is followed by
    the quote's marker (the quote's first line left empty, the text its next line's, not a paragraph
    after it); where the text has a word before it, the line break takes the place of the space
    before the reference's word, the text's next line going on with the quote's paragraph.

    >>> text_escape_in_quote_after_element(escape_text)("> Hallo & co")
    '\\n> &gt; Hallo &amp; co'
    >>> text_escape_in_quote_after_element(escape_text)("Hallo R&D")
    'Hallo\\nR&amp;D'
    >>> text_escape_in_quote_after_element(escape_text)("Hallo 1&2")
    '\\n> Hallo 1&amp;2'
    """
    return functools.partial(_in_quote_after_element, escape=escape)


def _in_quote_after_element(text: str, escape: Callable[[str], str], markup_after: bool = False) -> str:
    written, first = _written_on_a_line(text, escape, markup_after)
    at = first.find("&")
    if at < 0:
        return written
    space = first.rfind(" ", 0, at)
    if space > 0 and first[:space].strip() and _GOES_ON.match(first, space + 1):
        return written[:space] + "\n" + written[space + 1 :]
    return "\n> " + written


#: What a line that goes on with a quote's paragraph may start with, read as text by kramdown and
#: Python-Markdown whatever follows it: a letter, or a character reference.
_GOES_ON = re.compile(r"[^\W\d_]|&")


def attribute_write_in_markdown(
    write: Callable[[str], str] | None, raw: str = ""
) -> Callable[[str], str] | None:
    """How an attribute value an HTML reader writes with ``write`` (None: :func:`escape_attribute` in
    double quotes; :func:`attribute_writer`'s partial) is written in a Markdown raw HTML block: its
    line breaks as references, and what Python-Markdown would make markup of inside it as references
    (see :func:`attribute_in_markdown`; ``raw``: the source's value, what it writes so is kept; another
    writer is kept)."""
    if write is None:
        return functools.partial(attribute_in_markdown, kept=raw) if raw else attribute_in_markdown
    if isinstance(write, functools.partial) and write.func is write_attribute:
        return functools.partial(attribute_on_one_line, kept=raw, **write.keywords)
    return write


def escape_attribute(text: str) -> str:
    """Escape text for a double-quoted HTML attribute value.

    >>> escape_attribute('"x" onload=1')
    '&quot;x&quot; onload=1'
    """
    return escape_text(text).replace('"', "&quot;")


def quoted_attribute(text: str) -> str:
    """``text`` as a double-quoted HTML attribute value, quotes included (how an attribute slot
    without a writer of its own is written)."""
    return '"' + escape_attribute(text) + '"'


def without_template_openers(text: str, write: Callable[[str], str] = escape_text) -> str:
    """``write(text)`` with each ``{`` that would open a template token a character reference: in
    an HTML content page, Hugo runs a shortcode (``{{% x %}}``, ``{{< x >}}``) and Jekyll a Liquid
    tag or output (``{% x %}``, ``{{ x }}``) before the HTML is read, so a translation's must show
    as written (a ``{`` at the end too: a template token may follow it).

    >>> print(without_template_openers('Hola {{% x "y" %}}, {% include a %} {ok} {'))
    Hola &#123;&#123;% x "y" %}}, &#123;% include a %} {ok} &#123;
    >>> print(without_template_openers('{{ site.x }}', quoted_attribute))
    "&#123;{ site.x }}"
    """
    written = write(text)
    return _HTML_TEMPLATE_OPENING.sub("&#123;", written) if "{" in written else written


#: A ``{`` that opens a template token of Hugo or Jekyll, or may once joined to what follows.
_HTML_TEMPLATE_OPENING = re.compile(r"\{(?=[{%]|$)")


def escape_text_in_markdown(
    text: str,
    references: tuple[tuple[str, str], ...] = (),
    markdown: str | None = None,
    addresses: tuple[str, ...] = (),
    brackets: tuple[str, ...] = (),
) -> str:
    r"""Escape text for HTML element content inside a Markdown raw HTML block: as :func:`escape_text`,
    and a line break that would make a blank line (another one or the text's end after it, only
    spaces between; or the text's start before it) written as a character reference, so that a
    translation cannot end the block (what followed would be read as Markdown: an image, a link, a
    heading). A browser reads ``&#10;`` as the line break it stands for, in ``<pre>`` too; other
    line breaks stay as written.

    >>> escape_text_in_markdown("One\n\n![x](https://t.example/p.png)\r\n \r\ntwo\nthree")
    'One&#10;\n![x](https://t.example/p.png)&#13;&#10; \r\ntwo\nthree'

    The ``{`` of a ``{{`` or ``{%`` is a character reference, as in a paragraph: Jekyll (Liquid) and
    Hugo (shortcodes) read the page before its HTML, and would run a translation's template token:

    >>> escape_text_in_markdown("Hola {{ site.title }} {% if x %}")
    'Hola &#123;{ site.title }} &#123;% if x %}'

    ``markdown``: the block is one whose text kramdown (Jekyll) and Python-Markdown (MkDocs) read as
    Markdown (it opens with an inline or unknown tag: ``<span>``, ``<a>``, ``<my-callout>``), so what
    Markdown reads as links, images, bare URLs, emphasis or code, and a brace that may open an
    attribute list (``{: onclick=…}``), is written as character references,
    as HTML shows them; but the characters of emphasis and code in ``markdown`` (those the source's
    text writes as they are: its author writes Markdown there), which make no link:

    >>> escape_text_in_markdown("[x](javascript:a) *b* `c` https://e.example me@e.example", markdown="")
    '&#91;x&#93;(javascript:a) &#42;b&#42; &#96;c&#96; https&#58;//e.example me&#64;e.example'
    >>> escape_text_in_markdown("[x](javascript:a) *b* `c`", markdown="*")
    '&#91;x&#93;(javascript:a) *b* &#96;c&#96;'

    and an issue number (``#123``: MkDocs' magiclink links it to GitHub) and math (``$x$``):

    >>> escape_text_in_markdown("Ver #123 y $x$ por $5 (R&amp;D &#169;)", markdown="")
    'Ver &#35;123 y &#36;x$ por $5 (R&amp;amp;D &amp;&#35;169;)'

    The source's own addresses (``addresses``; and its words holding a brace) are written as they
    are, whole, where what follows makes no longer address of them (a sentence's ``.`` may end them,
    as MkDocs' magiclink reads):

    >>> escape_text_in_markdown("Ver https://a.example. Y https://a.example.evil", markdown="", addresses=("https://a.example",))
    'Ver https://a.example. Y https&#58;//a.example.evil'
    >>> escape_text_in_markdown("web-{0..N-1} @u{hidden} x-{0..N-1}", markdown="", addresses=("web-{0..N-1}",))
    'web-{0..N-1} @u&#123;hidden} x-&#123;0..N-1}'

    and what the source writes in brackets as it is (``brackets``: no link on the page), where
    nothing that could make a link of it follows in the text:

    >>> escape_text_in_markdown("Usa [watch] o [watch](javascript:x)", markdown="", brackets=("watch",))
    'Usa [watch] o &#91;watch&#93;(javascript:x)'

    and what would start a block where a line starts (a heading, a list item, an admonition):

    >>> escape_text_in_markdown("# Titular\n1. uno\n!!! danger", markdown="")
    '&#35; Titular\n1&#46; uno\n&#33;!! danger'

    and a pipe anywhere (kramdown reads a line holding one as a table's row), and an indent that
    would make a code block (four spaces, a tab):

    >>> escape_text_in_markdown("    Zelle | a", markdown="")
    '&#32;   Zelle &#124; a'

    and what makes a hard line break (``<br>``) at a line's end or the text's end (a line break of
    the source may follow it): two spaces or a tab (one space instead), a backslash (``&#92;``), the
    source's own too:

    >>> escape_text_in_markdown("Eins  \nzwei\t\ndrei\\\nvier  ", markdown="\\")
    'Eins \nzwei \ndrei&#92;\nvier '
    """
    text = escape_text_with(text, references) if references else escape_text(text)
    if "{" in text:  # (Liquid and Hugo read the page before HTML or Markdown: {{ and {% are theirs)
        text = _TEMPLATE_OPENING.sub("&#123;", text)
    if markdown is not None:
        reference = functools.partial(_markdown_reference, kept=markdown)
        text = _MARKDOWN_SYNTAX.sub(reference, text)
        for inner in brackets:
            escaped = "&#91;" + _MARKDOWN_SYNTAX.sub(reference, escape_text_with(inner, references)) + "&#93;"
            if escaped in text:
                pattern = r"(?<![\]\\!])" + re.escape(escaped) + NO_LINK_AFTER
                text = re.sub(pattern, literal_replacement("[" + escaped[5:-5] + "]"), text)
        for address in addresses:  # the source's own, whole (not the start of a longer one)
            written = escape_text(address)
            escaped = _MARKDOWN_SYNTAX.sub(reference, written)
            if escaped != written and escaped in text:  # (a word with a brace may end a sentence)
                after = r"(?![\w{}])" if written.endswith("}") else _ADDRESS_ENDS
                pattern = r"(?<![\w/.@&#;+-])" + re.escape(escaped) + after
                text = re.sub(pattern, literal_replacement(written), text)
        text = _BLOCK_MARKER.sub(_block_marker_reference, text)
        text = _CODE_INDENT.sub(lambda indent: f"&#{ord(indent.group()[0])};" + indent.group()[1:], text)
        text = _HARD_BREAK.sub(_soft_break, text)
    if "\n" not in text and "\r" not in text:
        return text
    pieces = _LINE_BREAK.split(text)  # line, break, line, break, …, line
    last = len(pieces) - 1
    for index in range(1, last, 2):  # (a line of only spaces is blank to Markdown)
        after = pieces[index + 1]
        if not after.strip(" \t") or (index == 1 and not pieces[0].strip(" \t")):
            pieces[index] = _line_breaks_as_references(pieces[index])
    return "".join(pieces)


_LINE_BREAK = re.compile(r"(\r\n|\r|\n)")
#: The ``{`` of what is read before Markdown (md_escape.TEMPLATE_OPENERS: ``{{``, ``{%``, ``{#``,
#: ``{!``), and of markdown-include-variants' ``{* file *}`` line, which in an HTML block (FastAPI's
#: docs: it reads every line of the page) no other escape keeps from the line's start.
_TEMPLATE_OPENING = re.compile(rf"\{{(?=[{TEMPLATE_OPENERS}*])")
#: What makes a hard line break (``<br>``) at a line's end, or at the text's end (a line break of the
#: source may follow), in text kramdown and Python-Markdown read as Markdown: two spaces or more, a
#: tab (Python-Markdown expands it to spaces), and a backslash (kramdown).
_HARD_BREAK = re.compile(r"(?:\\|[ \t]*(?:\t|  ))[ \t]*(?=\r|\n|$)")


def _soft_break(match: re.Match[str]) -> str:
    """What a hard line break of :data:`_HARD_BREAK` is written as: a space, or a backslash as a
    character reference (and a space for the spaces after it)."""
    found = match.group()
    if found[0] == "\\":
        return "&#92;" + (" " if len(found) > 1 else "")
    return " "


#: What kramdown and Python-Markdown (with MkDocs' magiclink) read as Markdown in the text of an HTML
#: block they parse: links and images, emphasis, code, strikethrough, backslash escapes, bare URLs
#: and e-mail addresses, a table's pipe; and a brace, which may open an attribute list (kramdown's ``{: onclick=…}``,
#: Python-Markdown's attr_list ``{hidden}`` after any element, one an extension makes of plain text
#: too: ``@user``, ``:smile:``), unless it is the source's own word (``web-{0..N-1}``: see ``addresses``);
#: the ``#`` of an issue number (``#123``, ``user/repo#1``: a link to GitHub, MkDocs' magiclink), and
#: the first ``$`` of math (kramdown's ``$$``, arithmatex's ``$x$``), as in a paragraph (md_escape).
_MARKDOWN_SYNTAX = re.compile(
    r"[\\\[\]*_`~{|]|:(?=//)|(?<=[wW]{3})\.|(?<=[\w.+-])@(?=\w)|(?<!&)#(?=\d)"
    r"|\$(?=\$|[^\s$\d`](?:[^$\n`]*[^\s\\`])?\$(?![\d$]))"
)


#: What may follow an address for MkDocs' magiclink to end it there: no run of the characters it
#: takes in an address (``[-\w.?,!'(){}\[\]/+&@%$#=:"|~;]``) that holds one an address may end with
#: (a letter, a digit, ``-/#@$+=``): ``https://a.example.`` or ``https://a.example),`` but not
#: ``https://a.example.evil`` or ``https://a.example,evil``.
_ADDRESS_ENDS = r"(?![_.?,!'(){}\[\]&%:\"|~;]*(?:[^\W_]|[-/#@$+=]))"

#: An indent at a line's start that makes a code block (four spaces, or a tab), in text of an HTML
#: block read as Markdown.
_CODE_INDENT = re.compile(r"(?:^|(?<=\n))(?:[ ]{4}|[ ]{0,3}\t)[ \t]*")
#: What starts a block where a line starts (a heading, a quote, a list item, a setext line, a
#: definition, an admonition, a table row, an ordered item's number or letter and its dot: ``a.`` of
#: pymdownx.fancylists), in text of an HTML
#: block read as Markdown (the text may start a line there).
_BLOCK_MARKER = re.compile(
    r"(?:^|(?<=\n))[ \t]*(?:([#>+\-*=:!?|~])|\d{1,9}([.)])|(?:[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)([.)])(?=[ \t]|$))"
)


def _block_marker_reference(match: re.Match[str]) -> str:
    index = next(group for group in (1, 2, 3) if match.group(group) is not None)
    start, end = match.start(index) - match.start(), match.end(index) - match.start()
    whole = match.group()
    return whole[:start] + f"&#{ord(whole[start])};" + whole[end:]


#: The characters of emphasis, code and tables a Markdown-read HTML block's source may write as they are.
MARKDOWN_KEPT = "*_`~\\|"


def markdown_kept_in(text: str) -> str:
    """The characters of Markdown a Markdown-read HTML block's ``text`` (of the source) writes as they
    are, which a translation of it writes so too: those of :data:`MARKDOWN_KEPT` it holds, and ``#``
    and ``$`` where it writes an issue number or math itself (``C#`` and ``$5`` are neither: a
    translation's ``#123`` and ``$x$`` are references there).

    >>> markdown_kept_in("C# from $5, *a*"), markdown_kept_in("Fixed #12, $x$")
    ('*', '#$')
    """
    kept = "".join(char for char in MARKDOWN_KEPT if char in text)
    if "#" in text or "$" in text:
        found = {match.group() for match in _MARKDOWN_SYNTAX.finditer(escape_text(text))}  # (as written)
        kept += "".join(char for char in "#$" if char in found)
    return kept


def _markdown_reference(match: re.Match[str], kept: str = "") -> str:
    char = match.group()
    return char if char in kept else f"&#{ord(char)};"


def attribute_in_markdown(text: str, kept: str = "") -> str:
    r"""A double-quoted HTML attribute value of a tag in Markdown (quotes included), line breaks as
    character references (see :func:`escape_text_in_markdown`).

    >>> attribute_in_markdown('a "b"\n\nc')
    '"a &quot;b&quot;&#10;&#10;c"'

    Python-Markdown (MkDocs) reads Markdown inside the attributes of an element it takes for inline
    HTML (``<img>`` on a line, ``<span title>`` in a paragraph) before it reads the tag: the HTML of a
    code span, an escape, a link or footnote, math (arithmatex) or keys (pymdownx.keys), quotes
    included, would end the value (``alt="<a href="…``: what follows in the link is the tag's own
    attributes), and so would an attribute list's (``_x_{title=a onmouseover=…}``). Their `` ` ``,
    ``\``, ``[``, ``]``, ``$`` and ``+`` are references, and ``{`` unless the source's value
    (``kept``) writes one; every renderer shows the same characters:

    >>> attribute_in_markdown("`x` [l](onload=alert(1)//) $z$ ++a++ _x_{title=a}")
    '"&#96;x&#96; &#91;l&#93;(onload=alert(1)//) &#36;z&#36; &#43;&#43;a&#43;&#43; _x_&#123;title=a}"'
    """
    pieces = _markdown_source_once(text, _markdown_spelled(kept) if kept else ())
    return (
        '"'
        + "".join(
            piece
            if source
            else _line_breaks_as_references(_no_markdown_in_attribute(escape_attribute(piece), kept))
            for source, piece in pieces
        )
        + '"'
    )


def _line_breaks_as_references(value: str) -> str:
    """``value``'s line breaks as character references: in a Markdown raw HTML block a blank line
    (in an attribute value, or in text before one) would end the block."""
    return value.replace("\r", "&#13;").replace("\n", "&#10;")


def _no_markdown_in_attribute(value: str, kept: str) -> str:
    """``value`` (escaped for an attribute) with what Python-Markdown reads before an inline tag as
    references, and each ``{`` unless ``kept`` (the source's value) writes one."""
    value = value.translate(_READ_BEFORE_TAGS)
    if "{" not in value:
        return value
    if "{" not in kept:
        return value.replace("{", "&#123;")
    return _foreign_templates_escaped(value, kept)


def _foreign_templates_escaped(value: str, kept: str) -> str:
    r"""``value`` with the ``{`` of each template token (``{{ x }}``, ``{% x %}``, ``{# x #}``) the
    source's value ``kept`` does not write as a reference: a translation keeps the source's tokens
    (the generator fills them in), and one of its own is text (Jinja, Liquid run before the page is read).

    >>> print(_foreign_templates_escaped("Logo {{ s.title }} {{ config.key }} {% raw %} {#", "Logo {{ s.title }}"))
    Logo {{ s.title }} &#123;{ config.key }} &#123;% raw %} &#123;#
    """
    unescaped = html.unescape(kept)
    own = {html.unescape(unescaped[start:end]) for start, end in template_tokens(unescaped)}
    pieces: list[str] = []
    pos = 0
    for start, end in template_tokens(value):
        pieces.append(_TEMPLATE_OPENING.sub("&#123;", value[pos:start]))
        token = value[start:end]
        pieces.append(token if html.unescape(token) in own else "&#123;" + token[1:])
        pos = end
    pieces.append(_TEMPLATE_OPENING.sub("&#123;", value[pos:]))
    return "".join(pieces)


#: The closer of each template token's opener: Liquid's and Jinja's output, tag and comment.
_TEMPLATE_CLOSERS = {"{{": "}}", "{%": "%}", "{#": "#}"}


def template_tokens(text: str, kinds: str = "{%#") -> list[tuple[int, int]]:
    """Where each template token of ``text`` starts and ends: an opener (``{`` and one of ``kinds``)
    through the first closer after it (``{{ x }}``, ``{% x %}``, ``{# x #}``), as a lazy regular
    expression (``{{.*?}}``) finds them, in linear time: a kind whose closer is nowhere after one
    opener is not looked for again (each of thousands of ``{{`` searched the rest of the text).

    >>> template_tokens("{{ a }} {{ {% b %} {# c")
    [(0, 7), (11, 18)]
    >>> template_tokens("{{ a }} {# c #}", "{%")
    [(0, 7)]
    """
    spans: list[tuple[int, int]] = []
    closed_kinds = set(kinds)  # the kinds whose closer may still come
    pos = 0
    while (at := text.find("{", pos)) >= 0:
        kind = text[at + 1 : at + 2]
        if kind not in closed_kinds:
            pos = at + 1
            continue
        close = text.find(_TEMPLATE_CLOSERS["{" + kind], at + 2)
        if close < 0:
            closed_kinds.discard(kind)
            pos = at + 1
            continue
        spans.append((at, close + 2))
        pos = close + 2
    return spans


#: What Python-Markdown's inline patterns that come before its raw HTML one start with, as references.
_READ_BEFORE_TAGS_CHARS = frozenset("`\\[]$+")
_READ_BEFORE_TAGS = str.maketrans({char: f"&#{ord(char)};" for char in _READ_BEFORE_TAGS_CHARS})
