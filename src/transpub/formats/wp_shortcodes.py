"""WordPress shortcodes in an HTML article (``[extract.shortcodes] wordpress``).

A page exported from WordPress (its ``post_content``, as the classic editor wrote it) holds
shortcodes that WordPress runs when it shows the page: ``[caption id="attachment_12" width="300"]<img
…> The ferry at dawn.[/caption]``, ``[gallery ids="1,2,3"]``, ``[embed]https://…[/embed]``. With the
names a site registers listed, each such token is markup, as a Hugo shortcode is in an HTML content
page: kept as written, a placeholder inside a sentence, never text for a translator or an engine to
change (a French engine writes ``width=« 300 »``), and a parameter named in ``[extract.shortcodes]
translate_params`` (``[caption caption="…"]``) is a unit of its own. A translation writes no
shortcode of its own: its ``[`` before a name is a character reference (:func:`without_shortcodes`).

The tokens are found as WordPress finds them (``get_shortcode_regex``, read, not copied): a
registered name after ``[``, then its attributes up to ``]`` (``/]`` closes it at once); the first
``[/name]`` after it, if any, closes it, with what stands between as its content; ``[[name]]`` is
WordPress's escape, shown as ``[name]``, and stays text.
"""

from __future__ import annotations

import functools
import html
import re
from collections import Counter
from collections.abc import Callable, Collection

from ..model import Issue
from .attribute_units import Token
from .escape import escape_text, escape_text_with, references_in
from .md_templates import Param, Template, closed_pairs, outermost
from .runs import collapse_space

#: The opener of a WordPress shortcode's :class:`~.md_templates.Template`.
OPENER = "["

#: The names WordPress itself registers (a site's plugins and theme add others).
CORE_NAMES = ("caption", "wp_caption", "gallery", "playlist", "audio", "video", "embed")
#: The shortcodes of SyntaxHighlighter (the SyntaxHighlighter Evolved plugin, and WordPress.com's code
#: blocks): ``[code]``, ``[sourcecode]``, ``[source]`` and one per language brush (``[csharp]``,
#: ``[php]``…), whose content is code the plugin shows as written.
SYNTAX_HIGHLIGHTER = frozenset(
    {
        "code", "sourcecode", "source", "as3", "actionscript3", "bash", "shell", "coldfusion", "cf",
        "clojure", "clj", "cpp", "c", "c-sharp", "csharp", "css", "delphi", "pas", "pascal", "diff", "patch",
        "erl", "erlang", "fsharp", "go", "golang", "groovy", "haskell", "java", "jfx", "javafx", "js",
        "jscript", "javascript", "latex", "tex", "matlabkey", "matlab", "objc", "obj-c", "perl", "pl", "php",
        "plain", "text", "ps", "powershell", "py", "python", "r", "splus", "rails", "rb", "ror", "ruby",
        "scala", "sql", "swift", "vb", "vbnet", "xml", "xhtml", "xslt", "html",
    }
)  # fmt: skip
#: Shortcodes whose content is no text for readers (an address to embed, code): one token with it.
VERBATIM = frozenset({"embed"}) | SYNTAX_HIGHLIGHTER

#: A shortcode's attributes, as WordPress reads them (``shortcode_parse_atts``): ``name="value"``,
#: ``name='value'``, ``name=value``, then positional ``"value"``, ``'value'``, ``value``; its ``\s`` and
#: ``\w`` are ASCII's (PHP reads the bytes: an ideographic space is no space to it).
_ATTRIBUTE = re.compile(
    r"""([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)"""
    r"""|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)""",
    re.ASCII,
)
#: What WordPress makes spaces before it reads a shortcode's attributes: no-break and zero-width spaces.
_AS_SPACES = str.maketrans({"\xa0": " ", "\u200b": " "})
#: What ends a shortcode's attributes: ``]``, or ``/]`` (self-closing); a ``/`` before anything else
#: is an attribute's.
_ATTRIBUTES_END = re.compile(r"[^\]/]*(?:/(?!\])[^\]/]*)*?(/?)\]")
#: A ``[`` that may start a shortcode in a translation: before a character a name may start with (or
#: ``/`` and one), or at the end of a piece of text (a token may follow it). WordPress ends a
#: registered name at anything but a word character or ``-``, so ``[gallery=1]``, ``[gallery"x"]``
#: and ``[caption[z]`` run ``gallery`` and ``caption`` as surely as ``[gallery]`` does.
_OPENING = re.compile(r"\[(?=\[?/?[^<>&/\[\]\x00-\x20=]|$)")


def shortcode_templates(
    text: str, names: Collection[str], start: int = 0, stop: int | None = None
) -> list[Template]:
    """The shortcode tokens of ``names`` in ``text`` from ``start`` on (up to ``stop``), in order:
    each opening or standalone token, and the closing token of each pair. A token WordPress runs
    alone (``/]``, or no ``[/name]`` after it) is ``self_closing``: one inside a pair of its name
    (``[ts]x [ts]y[/ts]``, where WordPress pairs the first ``[ts]`` with the first ``[/ts]``) pairs
    with nothing.

    >>> text = '[caption id="a" width="3"]<img src=x> Dawn.[/caption] [[gallery]] [gallery ids="1"/]'
    >>> [(text[t.start:t.end], t.closing, t.self_closing) for t in shortcode_templates(text, CORE_NAMES)]
    [('[caption id="a" width="3"]', False, False), ('[/caption]', True, False), ('[gallery ids="1"/]', False, True)]
    >>> text = "[embed]x [embed]y[/embed] z[/embed]"
    >>> [(text[t.start:t.end], t.self_closing) for t in shortcode_templates(text, CORE_NAMES)]
    [('[embed]', False), ('[embed]', True), ('[/embed]', False)]
    """
    if not names or "[" not in text:
        return []
    opening = re.compile(
        r"\[(\[?)(" + "|".join(map(re.escape, sorted(names, key=len, reverse=True))) + r")(?![\w-])",
        re.ASCII,  # (PHP reads bytes: [videoé] runs video)
    )
    found: list[Template] = []
    pos = start
    stop = len(text) if stop is None else stop
    while (match := opening.search(text, pos, stop)) is not None:
        name = match.group(2)
        ends = _ATTRIBUTES_END.match(text, match.end(), stop)
        if ends is None:  # (no ] after it: none after a later [ either, and nothing more to find)
            break
        self_closing = bool(ends.group(1))
        end = ends.end()
        closing = -1 if self_closing else text.find(f"[/{name}]", end, stop)
        after = (closing + len(name) + 3) if closing >= 0 else end
        if (
            match.group(1) and text.startswith("]", after) and after < stop
        ):  # [[name]]: WordPress shows [name]
            pos = after + 1
            continue
        if match.group(1):  # (a [ before a shortcode: text, the shortcode from the second [ on)
            pos = match.start() + 1
            continue
        params = _params(text, match.end(), end - 1 - len(ends.group(1)))
        found.append(Template(match.start(), end, OPENER, name, False, closing < 0, params, False))
        if closing >= 0:
            # (what the pair holds is the content WordPress gives the shortcode, which runs the
            # shortcodes in it: those are tokens too)
            found.extend(shortcode_templates(text, names, end, closing))
            found.append(Template(closing, after, OPENER, name, True, False, (), False))
        pos = after
    return found


def _params(text: str, start: int, end: int) -> tuple[Param, ...]:
    r"""The attributes of a shortcode written in ``text[start:end]``: named ones by their name,
    positional ones by their index (``"0"``), each with its value's span, quotes included.

    >>> [(p.name, p.value) for p in _params('a="1"\u3000b="2"\xa0c="3\xa0"', 0, 21)]
    [('0', 'a="1"\u3000b="2"'), ('c', '3\xa0')]
    """
    params: list[Param] = []
    position = 0
    written = text[start:end]
    if "\xa0" in written or "\u200b" in written:
        written = written.translate(_AS_SPACES)
    for match in _ATTRIBUTE.finditer(written):
        for value_group, name_group, quote in (
            (2, 1, '"'),
            (4, 3, "'"),
            (6, 5, ""),
            (7, 0, '"'),
            (8, 0, "'"),
            (9, 0, ""),
        ):
            if match.group(value_group) is None:
                continue
            if name_group:
                name = match.group(name_group).lower()
            else:
                name, position = str(position), position + 1
            value_start = start + match.start(value_group) - len(quote)
            value_end = start + match.end(value_group) + len(quote)
            value = text[value_start + len(quote) : value_end - len(quote)]  # (as written)
            params.append(Param(name, value_start, value_end, html.unescape(stripcslashes(value)), quote))
            break
    return tuple(params)


def stripcslashes(value: str) -> str:
    r"""``value`` as PHP's ``stripcslashes`` reads it, as WordPress reads each shortcode attribute
    (``shortcode_parse_atts``): ``\\`` a backslash, ``\n``, ``\t`` and the other C escapes their
    characters, ``\x3c`` and ``\074`` a byte, a backslash before anything else nothing.

    >>> print(stripcslashes(r"C:\\Temp \x3cb\076 \Q \x \xc3\xa9"), stripcslashes("a \\"))
    C:\Temp <b> Q x é a \
    """
    if "\\" not in value:
        return value
    data = value.encode()
    out = bytearray()
    pos, end = 0, len(data)
    while pos < end:
        found = _CSLASH.match(data, pos) if data[pos] == 0x5C else None
        if found is None:
            out.append(data[pos])
            pos += 1
            continue
        out.append(_cslash_byte(found.group(1)))
        pos = found.end()
    return out.decode(errors="replace")


#: A C escape as PHP's ``stripcslashes`` reads it: two hex digits at most after ``x``, three octal
#: ones at most, else the one byte after the backslash (a backslash at the end stays one).
_CSLASH = re.compile(rb"\\(x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|[\s\S])")
#: The C escapes of one letter, and their bytes.
_C_ESCAPES = {b"n": 10, b"r": 13, b"a": 7, b"t": 9, b"v": 11, b"b": 8, b"f": 12}


def _cslash_byte(escape: bytes) -> int:
    """The byte a C escape (without its backslash) stands for, as ``stripcslashes`` reads it."""
    if escape[:1] == b"x" and len(escape) > 1:
        return int(escape[1:], 16)
    if escape[:1].isdigit() and escape[:1] not in b"89":
        return int(escape, 8) & 0xFF
    return _C_ESCAPES.get(escape, escape[0])


def cslashes_in(raw: str) -> dict[str, str]:
    r"""Each character the shortcode parameter ``raw`` (as written) writes as a C escape (see
    :func:`stripcslashes`), and how: the backslash as ``\\``, a character as ``\x41``.

    >>> cslashes_in(r'"C:\\Temp \x41 \q"')
    {'\\': '\\\\', 'A': '\\x41'}
    >>> cslashes_in(r'"Dawn\40ferry \7 \x4 \101"')  # (a digit after \40 would lengthen it: \401)
    {'A': '\\101'}
    """
    found: dict[str, str] = {}
    for escape in _CSLASH_WRITTEN.finditer(raw):
        char = stripcslashes(escape.group())
        if (
            len(char) == 1
            and char not in found
            and char != "\ufffd"
            and (char == "\\" or escape.group()[1:] != char)
            and not _SHORT_ESCAPE.fullmatch(escape.group())
        ):
            found[char] = escape.group()
    return found


#: A C escape as written in a parameter (of one character: a byte above 127 is half of one).
_CSLASH_WRITTEN = re.compile(r"\\(?:x[0-7][0-9A-Fa-f]?|[0-7]{1,3}|[\s\S])")
#: A C escape the digit after it would lengthen (``\40`` and ``1`` are ``\401``, ``\7`` and ``4`` a
#: ``<``): never a translation's way of writing a character.
_SHORT_ESCAPE = re.compile(r"\\(?:x[0-9A-Fa-f]|[0-7]{1,2})")


def shortcode_param(source: str, raw: str, text: str) -> str:
    """A translated parameter of a WordPress shortcode, quoted as WordPress reads it back: in the
    source's quotes where they can hold it, else in double quotes; ``&``, ``<``, ``>``, the quote
    and the brackets as character references (a shortcode's parameter is HTML to the shortcodes
    that show it, as ``[caption caption="…"]`` does, and a ``]`` would end the shortcode), and a
    backslash as ``&#92;`` (WordPress reads the value with PHP's ``stripcslashes``: ``\\x3c`` would be
    a ``<``), or ``\\\\`` where the source writes one so. ``source``: the parameter's value, unused
    (every writer of a parameter is given it). The characters the source writes as references
    (``&#039;``, ``&nbsp;``) or C escapes (``\\\\``, see :func:`stripcslashes`) are written so.

    >>> print(shortcode_param("Dawn", '"Dawn"', 'El "alba" <b> [x] & co'))
    "El &quot;alba&quot; &lt;b&gt; &#91;x&#93; &amp; co"
    >>> print(shortcode_param("Dawn", "'Dawn'", 'El "alba"'))
    'El "alba"'
    >>> print(shortcode_param("Dawn", '"Dawn"', "El \\\\x3cb\\\\x3e"))
    "El &#92;x3cb&#92;x3e"
    >>> print(shortcode_param("C:\\\\Temp", '"C:\\\\\\\\Temp"', "Ruta C:\\\\Temp \\\\x3c"))
    "Ruta C:\\\\Temp \\\\x3c"
    >>> print(shortcode_param("It's", "'It&#039;s'", "L'aube"), shortcode_param("Dawn", "'Dawn'", "L'aube"))
    'L&#039;aube' "L'aube"

    The source's own form stays where the translation allows: unquoted (``caption=Dawn``) while the
    translation holds no space, quote or ``=``; the source's text, where the translation holds it,
    as written (its spaces, the spaces around it).

    >>> print(shortcode_param("Dawn", "Dawn", "Alba"), shortcode_param("Dawn", "Dawn", "El alba"))
    Alba "El alba"
    >>> print(shortcode_param(" Dawn   ferry", '" Dawn   ferry"', "⟦Dawn ferry⟧ & co"))
    " ⟦Dawn   ferry⟧ &amp; co"
    """
    text = collapse_space(text)
    references = references_in(raw) if "&" in raw else {}
    escapes = cslashes_in(raw) if "\\" in raw else {}
    quote = "'" if raw.startswith("'") and ("'" not in text or "'" in references or "'" in escapes) else '"'
    table: dict[str, str | int | None] = {
        **escapes,
        **references,
        "&": "&amp;",
        "<": "&lt;",
        ">": "&gt;",
        "[": "&#91;",
        "]": "&#93;",
        "\\": references.get("\\", escapes.get("\\", "&#92;")),
        quote: references.get(quote, escapes.get(quote, "&quot;" if quote == '"' else "&#39;")),
    }
    escaped = str.maketrans(table)
    source_quote = raw[:1] if raw[:1] in "\"'" else ""
    inner = raw[len(source_quote) : len(raw) - len(source_quote)]
    lead, core, trail = _around_spaces(inner)
    shown = collapse_space(source)
    at = text.find(shown) if shown and quote not in core else -1
    before = text[:at].translate(escaped) if at >= 0 else ""
    after = text[at + len(shown) :].translate(escaped) if at >= 0 else ""
    if (
        at >= 0
        and collapse_space(_read(core)) == shown
        and _read_apart(before, core)
        and _read_apart(core, after)
        and _read_apart(lead, before + core)
        and _read_apart(core + after, trail)
    ):  # (the translation holds the source's text: written as the source writes it)
        written = lead + before + core + after + trail
    else:
        written = text.translate(escaped)
    if not source_quote and _UNQUOTED.fullmatch(written):
        return written
    return quote + written + quote


def _read(written: str) -> str:
    """A shortcode parameter's value as written, as readers see it: C escapes read (WordPress), then
    character references (the browser)."""
    return html.unescape(stripcslashes(written))


def _read_apart(first: str, second: str) -> bool:
    r"""Whether the pieces ``first`` and ``second`` of a parameter as written are read, one after the
    other, as each alone: no C escape or character reference runs across them (``C:\`` then
    ``x22`` is a quote, ``Tom &`` then ``#60;`` a ``<``). A lone backslash before a character beyond
    ASCII (a pseudo-translation's mark after ``C:\``) is no more than a backslash dropped.

    >>> _read_apart("C:\\", "x22"), _read_apart("Tom &", "#60;"), _read_apart("C:\\", "⟧"), _read_apart("a", "b")
    (False, False, True, True)
    """
    together, alone = _read(first + second), _read(first) + _read(second)
    if together == alone:
        return True
    return second[:1] > "\x7f" and first.endswith("\\") and together == _read(first)[:-1] + _read(second)


def _around_spaces(inner: str) -> tuple[str, str, str]:
    r"""A shortcode parameter's value as written, ``inner``, cut into the spaces before its text, its
    text and the spaces after it, each a run of whole C escapes (see :func:`stripcslashes`): a space
    is written as itself or as an escape (``\ ``, ``\t``, ``\40``), and the backslash of ``C:\ ``
    belongs to the space it escapes, not to the text.

    >>> _around_spaces(r" C:\ "), _around_spaces(r"\40 a\\ \t"), _around_spaces("   ")
    ((' ', 'C:', '\\ '), ('\\40 ', 'a\\\\', ' \\t'), ('   ', '', ''))
    """
    pieces = _ESCAPE_OR_CHAR.findall(inner)
    spaces = [not collapse_space(_read(piece)) for piece in pieces]
    start = spaces.index(False) if False in spaces else len(pieces)
    end = len(pieces) - spaces[::-1].index(False) if False in spaces else len(pieces)
    return "".join(pieces[:start]), "".join(pieces[start:end]), "".join(pieces[end:])


#: One C escape as PHP's ``stripcslashes`` reads it (see :data:`_CSLASH`), or one other character.
_ESCAPE_OR_CHAR = re.compile(r"\\(?:x[0-9A-Fa-f]{1,2}|[0-7]{1,3}|[\s\S])|[\s\S]")
#: A value WordPress reads back unquoted as one attribute's (``caption=Dawn``): no space (a no-break
#: or zero-width one is one to it), quote or ``=``, no ``/`` at its end (``/]`` closes the shortcode).
_UNQUOTED = re.compile(r"[^\s\"'=\xa0\u200b]*[^\s\"'=\xa0\u200b/]", re.ASCII)


def without_shortcodes(
    text: str, write: Callable[[str], str] = escape_text, kept: str = "", names: Collection[str] = ()
) -> str:
    """``write(text)`` with each ``[`` that could start a shortcode a character reference: WordPress
    runs the shortcodes of the page it is given, so a translation's ``[embed]…[/embed]``, or a
    ``[/caption]`` that would close the source's early, must show as written. (Any name: WordPress
    runs every name its plugins register, not only those transpub was told of.) A bracketed run
    that ``kept`` (the source's text) shows as text is written as it is (``[1]``, ``[sic]``): on the
    source's page WordPress shows it, so it runs nothing; so is WordPress's escape ``[[name]]`` that
    ``kept`` has. Another ``[[name]]`` is written as what WordPress shows of it, ``&#91;name]``: the
    escape runs the shortcode after all where a ``[/name]`` follows it on the page (``[[caption]]``
    before the source's ``[caption]…[/caption]`` runs it, and swallows the source's). A word the
    source leaves open (``[MP2``) is written as it is, but one naming a shortcode the site registers
    (``names``): ``[gallery`` runs nothing on the source's page only while no ``]`` follows it there,
    and another text of the page may put one after it.

    >>> print(without_shortcodes("Ver [embed]https://x[/embed], [1] y [a b] o [ nada ] ["))
    Ver &#91;embed]https://x&#91;/embed], &#91;1] y &#91;a b] o [ nada ] &#91;
    >>> print(without_shortcodes("Ver [gallery=1] [gallery'x'] [caption[z]"))
    Ver &#91;gallery=1] &#91;gallery'x'] &#91;caption&#91;z]
    >>> print(without_shortcodes("Usa [[gallery ids=1]] o [[gallery]"))
    Usa &#91;gallery ids=1] o &#91;&#91;gallery]
    >>> print(without_shortcodes("Usa [[gallery]], no [gallery]", kept="Write [[gallery]] here"))
    Usa [[gallery]], no &#91;gallery]
    >>> print(without_shortcodes("Subió [1] un 5 [sic] % [2]", kept="Rose [1] by 5 [sic] percent"))
    Subió [1] un 5 [sic] % &#91;2]
    >>> kept = "Write [[footnote]Your note[/footnote]] here"
    >>> print(without_shortcodes("Schreibe [[footnote]Notiz[/footnote]]", kept=kept))
    Schreibe [[footnote]Notiz[/footnote]]
    >>> print(without_shortcodes("Schreibe [[footnote]Notiz[/footnote] hier", kept=kept))
    Schreibe &#91;&#91;footnote]Notiz&#91;/footnote] hier
    >>> print(without_shortcodes("Schreibe [[video]x[/video]]", kept=kept))
    Schreibe &#91;video]x&#91;/video]
    """
    written = write(text)
    if "[" not in written:
        return written
    shown = kept
    if "[[" in kept:  # ([gallery] of [[gallery]], or of [[footnote]…[/footnote]], runs)
        shown = _ESCAPED.sub("\x00", _PAIR_ESCAPED.sub("\x00", kept))
    escape = functools.partial(_escape_opening, kept=shown, names=names) if "[" in shown else "&#91;"
    if "[[" not in written:
        return _OPENING.sub(escape, written)
    if "[/" not in written:
        return _without_escapes(written, escape, kept)
    openers = pair_escapes(kept)
    inner = functools.partial(_escape_opening, kept=kept, names=names)
    out: list[str] = []
    pos = 0
    for found in _PAIR_ESCAPED.finditer(written):
        out.append(_without_escapes(written[pos : found.start()], escape, kept))
        out.append(_escaped_pair(found, openers, escape, inner))
        pos = found.end()
    out.append(_without_escapes(written[pos:], escape, kept))
    return "".join(out)


def attribute_code(raw: str, names: Collection[str], code: Collection[str]) -> tuple[tuple[str, str], ...]:
    """The code shortcode pairs (:data:`VERBATIM`, and the site's ``code``) in the attribute value
    ``raw`` (as written, quotes included) of a tag, each as its text shows in the attribute's msgid
    and as written: WordPress runs them there too, and hands the shortcode what it holds as written.

    >>> attribute_code('"See [ts]a &lt;  b[/ts] and [code]x[/code]"', ["ts", "code"], ["ts"])
    (('[ts]a < b[/ts]', '[ts]a &lt;  b[/ts]'), ('[code]x[/code]', '[code]x[/code]'))
    """
    if "[/" not in raw:
        return ()
    templates = shortcode_templates(raw, names)
    pairs = [
        (opener, closer)
        for opener, closer in closed_pairs(templates)
        if opener.name in VERBATIM or opener.name in code
    ]
    written = (raw[opener.start : closer.end] for opener, closer in outermost(pairs))
    return tuple((collapse_space(html.unescape(span)), span) for span in written if '"' not in span)


def attribute_tokens(raw: str, names: Collection[str], code: Collection[str]) -> list[Token]:
    """The shortcode tokens of ``names`` that WordPress runs in the attribute value ``raw`` (as
    written, quotes included) of a tag, in order (see :func:`~.attribute_units.attribute_unit`): a
    code pair (:data:`VERBATIM`, and the site's ``code``) one token with the code it holds, as
    WordPress hands it.

    >>> raw = '"See [ts]a < b[/ts], [footnote]x [gallery][/footnote]"'
    >>> [(raw[t.start:t.end], t.pair, t.closing) for t in attribute_tokens(raw, ["ts", "footnote", "gallery"], ["ts"])]
    [('[ts]a < b[/ts]', 0, False), ('[footnote]', 2, False), ('[gallery]', 0, False), ('[/footnote]', 2, True)]
    """
    templates = shortcode_templates(raw, names)
    pairs = closed_pairs(templates)
    whole = {
        opener.start: closer.end
        for opener, closer in outermost(
            [(opener, closer) for opener, closer in pairs if opener.name in VERBATIM or opener.name in code]
        )
    }
    numbers = {id(end): number for number, pair in enumerate(pairs, 1) for end in pair}
    tokens: list[Token] = []
    inside = 0  # (the end of the code pair being passed over)
    for template in templates:
        if template.start < inside:
            continue
        if template.start in whole:
            inside = whole[template.start]
            tokens.append(Token(template.start, inside))
        else:
            tokens.append(Token(template.start, template.end, numbers.get(id(template), 0), template.closing))
    return tokens


def keeping_code(
    text: str,
    code: tuple[tuple[str, str], ...],
    write: Callable[[str], str],
    kept: str = "",
    names: Collection[str] = (),
) -> str:
    """A translated attribute value written by :func:`without_shortcodes` (``write``, ``kept``, ``names``), each
    code pair of the source's (``code``, see :func:`attribute_code`) that it keeps as the msgid shows
    it written as the source writes it (as many times as the source has it): WordPress hands the
    shortcode the same code (``a &lt; b`` is other code than ``a < b``). A pair it changes shows as
    written, as any translation's ``[`` before a name does.

    >>> code = (("[ts]a < b[/ts]", "[ts]a < b[/ts]"),)
    >>> print(keeping_code("Ver [ts]a < b[/ts] y [ts]a < c[/ts]", code, escape_text, "See [ts]a < b[/ts] x"))
    Ver [ts]a < b[/ts] y &#91;ts]a &lt; c&#91;/ts]
    """
    left = Counter(shown for shown, _ in code)
    written_as = dict(code)
    unused = (chr(point) for point in range(0xE000, 0xF900) if chr(point) not in text)
    marks: dict[str, str] = {}
    for shown in left:
        kept = kept.replace(shown, "\x00")  # (its brackets are no text the source shows)
        for _ in range(min(left[shown], text.count(shown))):
            mark = next(unused)
            marks[mark] = written_as[shown]
            text = text.replace(shown, mark, 1)
    written = without_shortcodes(text, write, kept, names)
    if not marks:
        return written
    return re.sub("[" + "".join(marks) + "]", lambda match: marks[match.group()], written)


def read_after_bracket(page: str, at: int, texts: Collection[tuple[int, int]] = ()) -> str:
    """How WordPress reads the ``[`` at ``at`` of ``page`` (a translation with its placeholders'
    markup, see :func:`~.html_wordpress.bracket_keeper`) that stands right before a shortcode token:
    ``"escape"`` when a ``]`` follows the shortcode (its closing token, if it has one): ``[[name]…]``
    is WordPress's escape, showing the shortcode rather than running it; ``"safe"`` when another
    character does (the ``[`` is shown, the shortcode runs), or the token is a closing one;
    ``"end"`` when the shortcode ends ``page``; ``"beyond"`` when no ``[/name]`` in ``page`` closes it
    (one after ``page`` may: what follows that one decides then, else what follows the token, no
    ``]``), ``"beyond]"`` when a ``]`` follows the token then; ``"unsure"`` when a ``[/name]`` of the
    spans ``texts`` (a translation's text, which may be written as it is or not) may close it.

    >>> page = "[[video src=x] y [[footnote]a[/footnote]] [[video]] [[gallery/]"
    >>> [read_after_bracket(page, at) for at in (0, 17, 42, 52)]
    ['beyond', 'escape', 'beyond]', 'end']
    >>> read_after_bracket("[[footnote]a[/footnote] b[/footnote]]", 0, [(12, 23)])
    'unsure'
    """
    if page.startswith("[/", at + 1):
        return "safe"
    name = _NAME.match(page, at + 2)
    ends = _ATTRIBUTES_END.match(page, name.end()) if name is not None else None
    if name is None or ends is None:
        return "unsure"
    after = ends.end()
    beyond = False
    if not ends.group(1):
        closing = page.find(f"[/{name.group()}]", after)
        if closing >= 0 and any(start <= closing < end for start, end in texts):
            return "unsure"
        if closing >= 0:
            after = closing + len(name.group()) + 3
        beyond = closing < 0
    if after == len(page):
        return "end"
    if beyond:
        return "beyond]" if page[after] == "]" else "beyond"
    return "escape" if page[after] == "]" else "safe"


#: A shortcode's name as WordPress ends it (at anything but an ASCII letter, digit, ``_`` or ``-``).
_NAME = re.compile(r"[\w-]+", re.ASCII)


def in_attribute(
    text: str, write: Callable[[str], str] = escape_text, kept: str = "", names: Collection[str] = ()
) -> str:
    """``write(text)`` for a tag's attribute value (:func:`without_shortcodes`), its ``[`` as
    written when the value has no ``]``: WordPress looks for shortcodes in each attribute alone,
    and skips one that lacks either bracket (``do_shortcodes_in_html_tags``), so no text after
    the value can close it (``title=Press[gallery ids=1]now`` shows ``Press[gallery`` and runs
    nothing, translated or not). Not where the value has a ``>``: WordPress ends the tag there,
    and what follows is the page's text (nor for a value after one in its tag: see the reader).

    >>> print(in_attribute("Drücke [gallery", kept="Press [gallery", names=["gallery"]))
    Drücke [gallery
    >>> print(in_attribute("Drücke [gallery]", kept="Press [gallery", names=["gallery"]))
    Drücke &#91;gallery]
    >>> print(in_attribute("x > y [gallery a", kept="x > y", names=["gallery"], write=lambda text: text))
    x > y &#91;gallery a
    """
    written = write(text)
    if "]" in written or ">" in written:
        return without_shortcodes(text, write, kept, names)
    return written


def _without_escapes(written: str, escape: Callable[[re.Match[str]], str] | str, kept: str) -> str:
    """``written`` (a translation's text) with its ``[`` escaped (see :func:`without_shortcodes`)
    but the escapes ``[[name]]`` that ``kept`` has."""
    pieces = _ESCAPED.split(written)
    return "".join(
        (piece if html.unescape(piece) in kept else "&#91;" + piece[2:-1])
        if index % 2
        else _OPENING.sub(escape, piece)
        for index, piece in enumerate(pieces)
    )


def _escape_opening(match: re.Match[str], kept: str, names: Collection[str] = ()) -> str:
    """The ``[`` :data:`_OPENING` found, as a reference unless the bracketed run it opens is text of
    ``kept`` (see :func:`without_shortcodes`), or, never closed in the text, the word it opens is,
    followed by what ends a word there too (``[MP2 / MP2 SP``: a bracket the source leaves open,
    shown as the source shows it; ``⟦The [MP2⟧``, ``[»``: a word ends at a space, a bracket, or a
    character beyond ASCII that is no letter or digit, which no name of WordPress's or of a known
    plugin's starts with, though WordPress would let a plugin register one), unless it names one of
    ``names`` (WordPress runs it where a ``]`` follows it, which another text may write). At the end
    of the text it stays a reference: what follows decides (see :func:`~.html_wordpress.bracket_keeper`).

    >>> print(without_shortcodes("Sie [MP2 / MP2 SP und [gallery", kept="The [MP2 / MP2 SP and"))
    Sie [MP2 / MP2 SP und &#91;gallery
    >>> print(without_shortcodes("Tippe [gallery ids=5 [MP2", kept="Type [gallery [MP2 x", names=["gallery"]))
    Tippe &#91;gallery ids=5 [MP2
    >>> print(without_shortcodes("⟦Die [MP2⟧ [MP2-x [⟧ [", kept="The [MP2"))
    ⟦Die [MP2⟧ &#91;MP2-x &#91;⟧ &#91;
    >>> print(without_shortcodes("⟦Ab [⟧", kept="From ["))
    ⟦Ab [⟧
    """
    text = match.string
    close = text.find("]", match.start())
    if close > match.start() + 1 and html.unescape(text[match.start() : close + 1]) in kept:
        return "["
    if close < 0 and match.end() < len(text):
        word = _OPEN_WORD.match(text, match.start())
        name = _NAME.match(text, match.start() + 1)
        if (
            word is not None
            and _word_ends_in(html.unescape(word.group()), kept)
            and (name is None or name.group() not in names)
        ):
            return "["
    return "&#91;"


#: What ends the word a ``[`` opens (see :func:`_escape_opening`): a space, a bracket, a character
#: beyond ASCII that is no letter or digit (``⟧``, ``»``), or the end.
_WORD_END = r"(?=[\s\[\]]|[^\x00-\x7f\w]|$)"
#: A ``[`` and the word it opens.
_OPEN_WORD = re.compile(r"\[[^\s\[\]]*?" + _WORD_END)


def _word_ends_in(word: str, kept: str) -> bool:
    """Whether ``kept`` has ``word`` followed by what ends a word (see :data:`_WORD_END`)."""
    return word in kept and re.search(re.escape(word) + _WORD_END, kept) is not None


#: WordPress's escape of a shortcode, ``[[name …]]`` (one token, nothing bracketed in it).
_ESCAPED = re.compile(r"(?<!\[)(\[\[[^\s\[\]<>&/\"'=\x00-\x1f]+(?:[\s/][^\[\]]*)?\]\])")
#: WordPress's escape of a pair, ``[[footnote]…[/footnote]]``: shown as text, its content run by
#: nothing; it ends at the first ``[/name]``, as WordPress ends the pair.
_PAIR_ESCAPED = re.compile(
    r"(?<!\[)(?P<opener>\[\[(?P<name>[^\s\[\]<>&/\"'=\x00-\x1f]+)(?:\s[^\[\]]*)?\])"
    r"(?:(?!\[/(?P=name)\])[\s\S])*?\[/(?P=name)\]\]"
)


def pair_escapes(kept: str) -> frozenset[str]:
    """The openers (``[[footnote]``) of the pair escapes that ``kept`` (the source's text) writes."""
    return (
        frozenset(found.group("opener") for found in _PAIR_ESCAPED.finditer(kept))
        if "[[" in kept
        else frozenset()
    )


def escape_brackets(text: str, openers: Collection[str]) -> set[int]:
    """Where in ``text`` (a translation, placeholders and all) the brackets of its pair escapes stand
    whose openers are ``openers`` (:func:`pair_escapes` of the source): the two that open
    ``[[footnote]`` and the one that opens ``[/footnote]]``, which WordPress's escape needs as they are.

    >>> sorted(escape_brackets("A [[footnote]B <1>C</1>[/footnote]] D", {"[[footnote]"}))
    [2, 3, 23]
    """
    found: set[int] = set()
    for pair in _PAIR_ESCAPED.finditer(text):
        if pair.group("opener") in openers:
            found.update((pair.start(), pair.start() + 1, pair.end() - len(pair.group("name")) - 4))
    return found


def _escaped_pair(
    found: re.Match[str],
    openers: frozenset[str],
    escape: Callable[[re.Match[str]], str] | str,
    inner: Callable[[re.Match[str]], str] | str = "&#91;",
) -> str:
    """A pair escape of a translation, ``[[footnote]…[/footnote]]``: as written when the source's text
    writes that escape, but the ``[`` of its content that the source's text does not write there
    (``inner``: :func:`_escape_opening` with the source's text): the escape shows the content as
    text where the site registers the name, and is no escape where it does not, running a
    ``[gallery]`` in it; else as what WordPress shows of it (``&#91;footnote]…&#91;/footnote]``)."""
    if found.group("opener") in openers:
        closing = len(found.group("name")) + 4
        content = found.group()[found.end("opener") - found.start() : -closing]
        return found.group("opener") + _OPENING.sub(inner, content) + found.group()[-closing:]
    return "&#91;" + _OPENING.sub(escape, found.group()[2:-1])


#: What only a post from WordPress holds: a core shortcode with what WordPress writes with it.
_WORDPRESS_MARK = re.compile(
    r"\[caption\s[^\]]*\]|\[/caption\]|\[gallery[\s\]]|\[/embed\]|\[playlist[\s\]]"
    r"|\[(?:audio|video)\s[^\]]*(?:src|mp3|mp4|m4a|ogg|webm)="
)


def wordpress_hint(text: str, shown: str) -> Issue | None:
    """A warning when the HTML ``text`` (of the article ``shown``), read without
    ``[extract.shortcodes] wordpress``, holds WordPress's own shortcodes (``[caption …]``): their
    text would go to translators and engines, which change it (``width=« 300 »``).

    >>> print(wordpress_hint('<p>[caption id="a" width="3"]<img src=x> Dawn.[/caption]</p>', "a.html").message)
    looks exported from WordPress: [caption id="a" width="3"] is a shortcode WordPress runs, here text to translate; name the site's shortcodes in [extract.shortcodes] wordpress (see the README)
    >>> wordpress_hint("<p>Prices [1] rose [sic].</p>", "a.html") is None
    True
    """
    found = _WORDPRESS_MARK.search(text)
    if found is None:
        return None
    end = text.find("]", found.start()) + 1 or found.end()
    shortcode = " ".join(text[found.start() : min(end, found.start() + 60)].split())
    return Issue(
        shown,
        text.count("\n", 0, found.start()) + 1,
        "wordpress",
        f"looks exported from WordPress: {shortcode} is a shortcode WordPress runs, here text to "
        "translate; name the site's shortcodes in [extract.shortcodes] wordpress (see the README)",
        severity="warning",
    )


#: What is surely a shortcode, whatever its name: a closing ``[/name]``, or ``[name key="value" …]``
#: (a bracketed note, ``[1]``, ``[sic]``, ``[a b]``, has no ``=``); not WordPress's escape ``[[…]]``.
_SHORTCODE_LIKE = re.compile(
    r"(?<!\[)\[(?:/(?P<closing>[A-Za-z][\w-]*)\]|(?P<name>[A-Za-z][\w-]*)\s+[\w-]+\s*=\s*[\"']?[^\s\]]*[^\]]*\](?!\]))"
)


def unregistered_hint(text: str, names: Collection[str], shown: str) -> Issue | None:
    """A warning when the page ``text`` (the article ``shown``), read with ``[extract.shortcodes]
    wordpress`` naming ``names``, holds a shortcode of another name (a plugin's, ``[footnote]…[/footnote]``,
    ``[contact-form-7 id="5"]``): read as text, it goes to translators and engines, and a translation
    that changes it shows it on the page rather than running it.

    >>> print(unregistered_hint('<p>Call us [contact-form-7 id="5" title="Contact"]</p>', ["caption"], "a.html").message)
    [contact-form-7 …] looks like a shortcode of the site, here text to translate; add "contact-form-7" to [extract.shortcodes] wordpress if the site registers it
    >>> unregistered_hint("<p>Prices [1] rose [sic] [[gallery x=1]] [caption id=1]</p>", ["caption"], "a.html") is None
    True
    """
    known = set(names)
    for found in _SHORTCODE_LIKE.finditer(text):
        name = found.group("closing") or found.group("name")
        if name in known:
            continue
        return Issue(
            shown,
            text.count("\n", 0, found.start()) + 1,
            "wordpress",
            f"{f'[/{name}]' if found.group('closing') else f'[{name} …]'} looks like a shortcode of the site, here text "
            f'to translate; add "{name}" to [extract.shortcodes] wordpress if the site registers it',
            severity="warning",
        )
    return None


def more_text(text: str, references: tuple[tuple[str, str], ...] = ()) -> str:
    r"""The text of WordPress's "more" tag translated, as written inside it (``<!--more Weiterlesen-->``):
    on one line, ``&``, ``<`` and ``>`` references (WordPress strips tags from it and shows the rest
    as HTML; a ``-->`` would end the comment, and the rest of the translation show on the page), and
    the characters the source's text writes as references (``references``, see
    :func:`~.escape.references_in`) written so.

    >>> more_text("Weiter --> <b>lesen</b> & mehr")
    'Weiter --&gt; &lt;b&gt;lesen&lt;/b&gt; &amp; mehr'
    >>> more_text("L’histoire\n entière", (("’", "&#8217;"),))
    'L&#8217;histoire entière'
    """
    return escape_text_with(collapse_space(text), references)
