"""Cut HTML source into tokens that keep their exact source text (a byte-faithful round trip needs it).

Well-formed markup is cut by a few regular expressions; from the first construct they do not
cover, the stdlib tokenizer (:mod:`html.parser`, lenient with broken markup) does the rest.
lxml and html5lib would rebuild the markup and lose the source's own spelling of it.
"""

from __future__ import annotations

import bisect
import html as htmllib
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from html.parser import HTMLParser
from typing import NamedTuple

#: The attributes of a token that is no start tag (never filled: each start tag has its own).
_NO_ATTRS: dict[str, str | None] = {}


class Token(NamedTuple):
    """One token of the source with its exact text (a tuple: one is made for every tag and text)."""

    #: start, startend, end, text, other (comments, declarations, a generator's template tags),
    #: template (a generator's token that writes text into its sentence: ``{{ page.author }}``, a
    #: shortcode that is not one of a pair), eof (cut short by the end)
    kind: str
    raw: str
    tag: str = ""
    attrs: dict[str, str | None] = _NO_ATTRS


#: ``_token((kind, raw, tag, attrs))`` is ``Token(kind, raw, tag, attrs)`` without a Python call.
_token: Callable[[tuple[str, str, str, dict[str, str | None]]], Token] = partial(tuple.__new__, Token)


class _Tokenizer(HTMLParser):
    """Records where each token starts, through html.parser's public interface only.

    Positions come from :meth:`getpos` inside the handlers (the start of the construct being
    reported); a token's raw text runs to the next token's start. Where transpub follows the
    HTML standard rather than html.parser (elements whose content is not markup, marked sections,
    markup unfinished at the end of the file), a handler raises :class:`_Cut` and
    :func:`_add_parser_tokens` takes over from there.
    """

    def __init__(self, text: str, offset: int, newlines: list[int], state: _State) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.base = offset
        self.newlines = newlines
        self.first_newline = bisect.bisect_left(newlines, offset)
        self.closing = False
        self.state = state
        self.found: list[tuple[str, int, str, list]] = []

    def at(self) -> int:
        """The offset in the whole text of the construct being reported."""
        line, column = self.getpos()
        if line == 1:
            return self.base + column
        return self.newlines[self.first_newline + line - 2] + 1 + column

    def handle_starttag(self, tag, attrs):
        start = self.at()
        self.found.append(("start", start, tag, attrs))
        if self.state.holds_content(tag):
            raise _Cut(start + len(self.get_starttag_text() or ""), tag)
        self.state.enter(tag)

    def handle_startendtag(self, tag, attrs):
        if self.state.holds_content(tag):  # "<script/>": the slash closes nothing (HTML ignores it)
            self.handle_starttag(tag, attrs)
        self.found.append(("startend", self.at(), tag, attrs))

    def handle_endtag(self, tag):
        self.found.append(("end", self.at(), tag, []))
        self.state.leave(tag)

    def handle_data(self, data):
        start = self.at()
        if self.closing and self.text.startswith("<", start) and self.text[start:] not in ("<", "</"):
            raise _Cut(start, "")  # markup the end of the file cut short (a lone "<" or "</" is text)
        if self.found and self.found[-1][0] == "text" and self.found[-1][1] != start:
            return  # a continuation of the same text run (e.g. a stray "<")
        self.found.append(("text", start, "", []))

    def _other(self, *_):
        start = self.at()
        if self.text.startswith("<![", start):
            raise _Cut(start, "")  # a marked section: HTML's rules, not html.parser's (see _add_cut_markup)
        self.found.append(("other", start, "", []))

    handle_comment = handle_decl = handle_pi = unknown_decl = _other


class _Cut(Exception):
    """html.parser stops at ``at``: the start of the content of ``tag`` (an element whose content
    is not markup), or (no tag) a marked section or markup left unfinished at the end of the file."""

    def __init__(self, at: int, tag: str) -> None:
        super().__init__(at, tag)
        self.at = at
        self.tag = tag


#: Elements whose content is text up to their end tag, whatever it holds (HTML's raw text and
#: script data; ``plaintext`` runs to the end of the file).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
#: Escapable raw text: text up to the end tag, character references decoded (``<b>`` in a title is text).
RCDATA = frozenset({"title", "textarea"})
#: With scripting enabled, as in browsers, ``<noscript>`` runs to the first ``</noscript>``
#: whatever it holds; its content is read as markup within those bounds (for readers without scripts).
NOSCRIPT = "noscript"
#: Foreign content (SVG, MathML): ``<![CDATA[…]]>`` is text there, and title is an ordinary element.
FOREIGN = frozenset({"svg", "math"})
_CONTENT_END = {
    tag: re.compile(rf"</\s*{tag}\s*>", re.I)
    for tag in (RAW_TEXT | RCDATA | {NOSCRIPT}) - {"script", "plaintext"}
}


@dataclass(slots=True)
class _State:
    """What HTML's tokenizer needs to know of the elements around: how deep in foreign content
    (SVG, MathML) it is, and whether ``<noscript>`` holds raw content (not inside one)."""

    foreign: int = 0
    scripting: bool = True

    def holds_content(self, tag: str) -> bool:
        """Whether the content of a ``tag`` starting here is not markup (see :func:`_add_content`)."""
        if tag in RAW_TEXT:
            return True
        return not self.foreign and (tag in RCDATA or (tag == NOSCRIPT and self.scripting))

    def enter(self, tag: str) -> None:
        """A start tag (not self-closed) of ``tag`` was read."""
        if tag in FOREIGN:
            self.foreign += 1

    def leave(self, tag: str) -> None:
        """An end tag of ``tag`` was read."""
        if tag in FOREIGN and self.foreign:
            self.foreign -= 1


def _content_end(tag: str, text: str, pos: int) -> re.Match[str] | None:
    """The end tag that closes element ``tag`` whose content starts at ``pos`` (None: none)."""
    if tag == "script":
        return _ScriptEnd().search(text, pos)
    if tag == "plaintext":
        return None
    return _CONTENT_END[tag].search(text, pos)


def _add_content(text: str, tag: str, pos: int, tokens: list[Token]) -> int:
    """Append the content and end tag of element ``tag`` (content from ``pos``); return where they end.

    The content of a raw-text or escapable raw-text element is one text token; a noscript's is
    cut as markup on its own (so that nothing in it reaches past ``</noscript>``), or kept as one
    ``other`` token when its markup is unfinished. Without an end tag the content runs to the end
    of the file, as in browsers.
    """
    end = _content_end(tag, text, pos)
    stop = end.start() if end is not None else len(text)
    if stop > pos:
        if tag == NOSCRIPT:
            inner = tokenize_html(text[pos:stop], scripting=False)
            if any(token.kind == "eof" for token in inner):
                inner = [Token("other", text[pos:stop])]
            for token in inner:
                _append(tokens, token)
        else:
            _append(tokens, Token("text", text[pos:stop]))
    if end is None:
        return len(text)
    tokens.append(Token("end", end.group(0), tag))
    return end.end()


class _ScriptEnd:
    """Finds where a script ends as browsers do: ``<!-- <script>…</script> -->`` inside a script is data."""

    _END = re.compile(r"</\s*script\s*>", re.I)
    _EVENTS = re.compile(r"<!--|-->|<script[\s/>]|</\s*script\s*>", re.I)

    def search(self, text: str, pos: int) -> re.Match[str] | None:
        """The match of the end tag that really closes the script, or None."""
        escaped = double = False
        for event in self._EVENTS.finditer(text, pos):
            token = event.group(0).lower()
            if token == "<!--":
                escaped = True
            elif token == "-->":
                escaped = double = False
            elif token.startswith("<script"):
                double = double or escaped
            elif double:
                double = False
            else:
                return self._END.match(text, event.start())
        return None


def tokenize_html(text: str, *, scripting: bool = True) -> list[Token]:
    """Cut ``text`` into tokens whose raw texts concatenate back to ``text`` exactly.

    Well-formed markup is cut by a few regular expressions; from the first construct they do
    not cover (a sloppy tag, ``<?``, ``<![CDATA[``…) on, :mod:`html.parser` does the rest.
    Both give the same tokens wherever the fast path applies (a test holds them to that).
    ``scripting`` False reads ``<noscript>`` as ordinary markup (as inside a noscript).
    """
    state = _State(scripting=scripting)
    tokens, resume = _fast_tokens(text, state)
    if resume < len(text):
        _add_parser_tokens(text, resume, tokens, state)
    return tokens


#: A well-formed tag, comment or doctype: a start tag's name, attributes and closing slash, or an
#: end tag's name (the groups); or a comment's opener with no end after it, through the end of the
#: text (the last group: no tag, where the well-formed prefix ends), so that thousands of them
#: are not each searched to the end of the text for an end (n² time).
_TAG_PATTERN = r"""<(?:
      (?P<start>[a-zA-Z][^\t\n\r\f />\x00]*+)
      (?P<attrs>(?:\s+[^\s/>"'=][^\s/>"'=]*+(?:\s*=\s*(?:"[^"]*"|'[^']*'|(?!['"=])[^>\s]*+))?)*)
      \s*(?P<close>/?)>
    | /\s*(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*+)\s*>
    | !--(?:.*?--\s*>|(?P<unclosed>.*))
    | ![dD][oO][cC][tT][yY][pP][eE][^>]*>
    )"""
_FAST_TAG = re.compile(_TAG_PATTERN, re.VERBOSE | re.DOTALL)
#: The text up to the next "<" and the tag there (the groups of :data:`_FAST_TAG`), or a "<" that
#: starts no tag (the last group), or the end of the text: every match starts where the last ended.
_FAST_ITEM = re.compile(rf"""([^<]*+)(?:({_TAG_PATTERN})|(<)|\Z)""", re.VERBOSE | re.DOTALL)
#: An attribute: its name, then its value in double quotes, in single quotes or bare (the groups).
_FAST_ATTR = re.compile(
    r"""\s+([^\s/>"'=][^\s/>"'=]*+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|((?!['"=])[^>\s]*+)))?"""
)
#: A "<" that html.parser would not take as plain text (the fast path stops there).
_MARKUP_OPEN = re.compile(r"<(?:[a-zA-Z/!?]|\Z)")


def _add_tag(
    text: str,
    state: _State,
    tokens: list[Token],
    whole: str,
    name: str | None,
    listed: str | None,
    close: str | None,
    end: str | None,
    stop: int,
) -> int | None:
    """Append to ``tokens`` the token of a tag :data:`_FAST_TAG` matched (``whole``, its groups, and
    ``stop`` where it ends in ``text``), and ``state`` follows it; for an element whose content is
    raw text (script, style…), its content and end tag too: then where they end, else None."""
    if name is not None:
        tag = name.lower()
        attrs: dict[str, str | None] = {}
        if listed:
            for found in _FAST_ATTR.finditer(listed):
                key, double, single, bare = found.groups()
                value = double if double is not None else single if single is not None else bare
                if value is not None and "&" in value:
                    value = htmllib.unescape(value)
                attrs[key.lower()] = value
        if tag in _MAY_HOLD_CONTENT and state.holds_content(tag):
            # (even "<script/>": HTML ignores the slash there)
            tokens.append(_token(("start", whole, tag, attrs)))
            return _add_content(text, tag, stop, tokens)
        if close:
            tokens.append(_token(("startend", whole, tag, attrs)))
        else:
            tokens.append(_token(("start", whole, tag, attrs)))
            if tag in FOREIGN:
                state.enter(tag)
    elif end is not None:
        tag = end.lower()
        tokens.append(_token(("end", whole, tag, _NO_ATTRS)))
        if tag in FOREIGN:
            state.leave(tag)
    else:
        tokens.append(_token(("other", whole, "", _NO_ATTRS)))
    return None


def _fast_tokens(text: str, state: _State) -> tuple[list[Token], int]:
    """Tokens of the well-formed prefix of ``text`` and the offset where that prefix ends
    (``state`` follows the elements read).

    Each match of :data:`_FAST_ITEM` is the text before a tag and the tag, read from its groups
    alone (no offsets asked for: each match starts where the last one ended). At a "<" that starts
    no tag, :func:`_fast_tokens_from` reads on from the text before it (a "<" may be text, or the
    end of the well-formed prefix)."""
    tokens: list[Token] = []
    append = tokens.append
    pos = 0
    while True:  # one scan (a search per tag costs a call each), again after raw content
        for match in _FAST_ITEM.finditer(text, pos):
            piece, whole, name, listed, close, end, unclosed, odd = match.groups()
            if unclosed is not None:  # a comment without an end: no tag, as a "<" that starts none
                whole, odd = None, "<"
            if whole is None:
                if odd is not None:  # a "<" that starts no tag: the text around it read as before
                    return _fast_tokens_from(text, state, tokens, match.start())
                if piece:  # the text after the last tag
                    append(_token(("text", piece, "", _NO_ATTRS)))
                return tokens, len(text)
            if piece:
                append(_token(("text", piece, "", _NO_ATTRS)))
            content_end = _add_tag(text, state, tokens, whole, name, listed, close, end, match.end())
            if content_end is not None:
                pos = content_end
                break  # the scan for tags starts again after the content
        else:  # (never: the last match is the end of the text)
            return _fast_tokens_from(text, state, tokens, pos)


def _fast_tokens_from(text: str, state: _State, tokens: list[Token], pos: int) -> tuple[list[Token], int]:
    """:func:`_fast_tokens` on from ``pos`` (where a token starts), appending to ``tokens``: the text
    between two tags is taken whole when each "<" in it is text for html.parser, and the
    well-formed prefix ends at the first that is not. Each "<" that may open markup is tried once:
    where no tag starts there, the prefix ends (a search for the next tag from each would go to the
    end of the text from each of thousands of ``<h1 `` without a ``>``: n² time)."""
    append = tokens.append
    length = len(text)
    opening = _MARKUP_OPEN.search
    tag_at = _FAST_TAG.match
    while True:
        found = opening(text, pos)
        start = length if found is None else found.start()
        match = None if found is None else tag_at(text, start)
        if start > pos:
            append(_token(("text", text[pos:start], "", _NO_ATTRS)))
        if match is None:
            return tokens, start  # (the end of the text, or a "<" html.parser reads as markup)
        name, listed, close, end, unclosed = match.groups()
        if unclosed is not None:  # a comment without an end: the well-formed prefix ends there
            return tokens, start
        pos = match.end()
        content_end = _add_tag(text, state, tokens, match.group(), name, listed, close, end, pos)
        if content_end is not None:
            pos = content_end  # (the scan for tags goes on after the content)


#: Elements whose content may not be markup (see :meth:`_State.holds_content`).
_MAY_HOLD_CONTENT = RAW_TEXT | RCDATA | {NOSCRIPT}


def tokenize_with_parser(text: str) -> list[Token]:
    """Tokens of ``text`` as :mod:`html.parser` cuts it (the lenient path of :func:`tokenize_html`)."""
    tokens: list[Token] = []
    _add_parser_tokens(text, 0, tokens, _State())
    return tokens


#: html.parser is fed this many characters at a time, so that starting over after a cut costs
#: at most one piece (the whole run stays linear in the text).
_PIECE = 1 << 16


def _add_parser_tokens(text: str, offset: int, tokens: list[Token], state: _State) -> None:
    """Append the tokens of ``text[offset:]`` to ``tokens`` (which cut ``text`` up to ``offset``).

    html.parser, through its public interface, cuts the markup; transpub takes over where HTML's
    rules differ from it: elements whose content is not markup (:data:`RAW_TEXT`, :data:`RCDATA`,
    ``noscript``), marked sections (``<![``: CDATA in SVG and MathML, else a bogus comment to the
    next ``>``), and markup left unfinished at the end of the file (one ``eof`` token, which readers
    refuse, as browsers drop it).
    """
    newlines = [match.start() for match in re.finditer("\n", text)]
    pos = offset
    while pos < len(text):
        parser = _Tokenizer(text, pos, newlines, state)
        resume = len(text)
        extra: list[Token] = []
        try:
            for piece in range(pos, len(text), _PIECE):
                parser.feed(text[piece : piece + _PIECE])
            parser.closing = True
            parser.close()
            cut = len(text)
        except _Cut as stop:
            cut = stop.at
            if stop.tag:  # the start tag is the last token found; its content is not markup
                resume = _add_content(text, stop.tag, stop.at, extra)
            else:  # a marked section, or html.parser found no end for the construct at stop.at
                resume = _add_cut_markup(text, cut, extra, state)
        except AssertionError as exc:  # html.parser's way of refusing a marked section it cannot read
            at = parser.at()  # the "<![" or, when it expected a name, just after it
            cut = at - 3 if "name token" in str(exc) and text.startswith("<![", at - 3) else at
            resume = _add_cut_markup(text, cut, extra, state)
        _add_found(text, pos, cut, parser.found, tokens)
        for token in extra:
            _append(tokens, token)
        pos = resume


def _add_cut_markup(text: str, start: int, tokens: list[Token], state: _State) -> int:
    """Append the construct at ``start`` that html.parser stopped at, as HTML reads it; return where
    it ends. In SVG or MathML, ``<![CDATA[…]]>`` is one ``other`` token (to the end of the file
    when unterminated); anything else is read by :func:`_add_bogus_comment`."""
    if state.foreign and text.startswith("<![CDATA[", start):
        close = text.find("]]>", start + 9)
        end = len(text) if close < 0 else close + 3
        tokens.append(Token("other", text[start:end]))
        return end
    return _add_bogus_comment(text, start, tokens)


def _add_bogus_comment(text: str, start: int, tokens: list[Token]) -> int:
    """Append the construct at ``start`` that html.parser could not finish, as HTML reads it; return
    where it ends.

    ``<![…``, ``<!…``, ``<?…`` and ``</`` + a non-letter are bogus comments that end at the first
    ``>`` (one ``other`` token); a tag or ``<!--`` comment with no end, or a bogus comment without a
    ``>``, runs to the end of the file (one ``eof`` token, which readers refuse).
    """
    bogus = text.startswith(("<!", "<?"), start) and not text.startswith("<!--", start)
    bogus = bogus or (text.startswith("</", start) and not text[start + 2 : start + 3].isalpha())
    close = text.find(">", start) if bogus else -1
    if close < 0:
        tokens.append(_unfinished(text[start:]))
        return len(text)
    tokens.append(Token("other", text[start : close + 1]))
    return close + 1


#: An end tag with no name, which html.parser records nothing for and browsers drop (no text).
_DROPPED_END_TAG = "</>"


def _add_text_and_dropped(raw: str, tokens: list[Token]) -> None:
    """Append ``raw``, text holding ``</>`` (markup a browser drops, which html.parser reports
    nothing for), as its text and an ``other`` token for each ``</>``: never text for a translator.

    >>> tokens: list[Token] = []
    >>> _add_text_and_dropped("a </> b</>", tokens)
    >>> [(token.kind, token.raw) for token in tokens]
    [('text', 'a '), ('other', '</>'), ('text', ' b'), ('other', '</>')]
    """
    for index, piece in enumerate(raw.split(_DROPPED_END_TAG)):
        if index:
            tokens.append(Token("other", _DROPPED_END_TAG))
        if piece:
            _append(tokens, Token("text", piece))


def _unfinished(raw: str) -> Token:
    """A construct the end of the file cut short; ``tag`` says which (a tag, comment or declaration)."""
    if raw.startswith("<!--"):
        what = "comment"
    elif re.match(r"</?[A-Za-z]", raw):
        what = "tag"
    else:
        what = "declaration"
    return Token("eof", raw, what)


def _append(tokens: list[Token], token: Token) -> None:
    if token.kind == "text" and tokens and tokens[-1].kind == "text":
        tokens[-1] = tokens[-1]._replace(raw=tokens[-1].raw + token.raw)
    else:
        tokens.append(token)


def _add_found(
    text: str, start: int, stop: int, found: list[tuple[str, int, str, list]], tokens: list[Token]
) -> None:
    """Append the tokens html.parser reported between ``start`` and ``stop``."""
    if found and found[-1][1] >= stop:
        found = [item for item in found if item[1] < stop]
    if not found or found[0][1] > start:
        # Source that html.parser records nothing for (e.g. "</>") belongs to the token before it.
        lead = found[0][1] if found else stop
        if tokens and tokens[-1].kind != "text":
            tokens[-1] = tokens[-1]._replace(raw=tokens[-1].raw + text[start:lead])
        else:
            found.insert(0, ("text", start, "", []))
    append = tokens.append
    last = tokens[-1] if tokens else None
    ends = [item[1] for item in found[1:]] + [stop] if found else []
    for (kind, begin, tag, attrs), end in zip(found, ends, strict=True):
        if end <= begin:
            continue
        if kind == "text" and _DROPPED_END_TAG in text[begin:end]:
            _add_text_and_dropped(text[begin:end], tokens)
            last = tokens[-1]
            continue
        if kind == "text" and last is not None and last.kind == "text":
            tokens[-1] = last = last._replace(raw=last.raw + text[begin:end])
            continue
        last = Token(kind, text[begin:end], tag, dict(attrs) if attrs else {})
        append(last)
