"""Cut HTML source into tokens that keep their exact source text (a byte-faithful round trip needs it).

Well-formed markup is cut by a few regular expressions; from the first construct they do not
cover, the stdlib tokenizer (:mod:`html.parser`, lenient with broken markup) does the rest.
lxml and html5lib would rebuild the markup and lose the source's own spelling of it.
"""

from __future__ import annotations

import bisect
import html as htmllib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass(slots=True)
class Token:
    """One token of the source with its exact text."""

    kind: str  # start, startend, end, text, other (comments, declarations), eof (cut short by the end)
    raw: str
    tag: str = ""
    attrs: dict[str, str | None] = field(default_factory=dict)


class _Tokenizer(HTMLParser):
    """Records where each token starts, through html.parser's public interface only.

    Positions come from :meth:`getpos` inside the handlers (the start of the construct being
    reported); a token's raw text runs to the next token's start. Where transpub follows the
    HTML standard rather than html.parser (raw-text elements, markup unfinished at the end of the
    file), a handler raises :class:`_Cut` and :func:`_add_parser_tokens` takes over from there.
    """

    def __init__(self, text: str, offset: int, newlines: list[int]) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.base = offset
        self.newlines = newlines
        self.first_newline = bisect.bisect_left(newlines, offset)
        self.closing = False
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
        if tag in RAW_TEXT:
            raise _Cut(start + len(self.get_starttag_text() or ""), tag)

    def handle_startendtag(self, tag, attrs):
        self.found.append(("startend", self.at(), tag, attrs))

    def handle_endtag(self, tag):
        self.found.append(("end", self.at(), tag, []))

    def handle_data(self, data):
        start = self.at()
        if self.closing and self.text.startswith("<", start) and self.text[start:] not in ("<", "</"):
            raise _Cut(start, "")  # markup the end of the file cut short (a lone "<" or "</" is text)
        if self.found and self.found[-1][0] == "text" and self.found[-1][1] != start:
            return  # a continuation of the same text run (e.g. a stray "<")
        self.found.append(("text", start, "", []))

    def _other(self, *_):
        self.found.append(("other", self.at(), "", []))

    handle_comment = handle_decl = handle_pi = unknown_decl = _other


class _Cut(Exception):
    """html.parser stops at ``at``: the start of a raw-text element's content (``tag``), or (no
    tag) markup left unfinished at the end of the file."""

    def __init__(self, at: int, tag: str) -> None:
        super().__init__(at, tag)
        self.at = at
        self.tag = tag


#: Elements whose content is text up to their end tag, whatever it holds (HTML's raw text and
#: script data; ``plaintext`` runs to the end of the file).
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes", "plaintext"})
_RAW_TEXT_END = {tag: re.compile(rf"</\s*{tag}\s*>", re.I) for tag in RAW_TEXT - {"script", "plaintext"}}


def _raw_text_end(tag: str, text: str, pos: int) -> re.Match[str] | None:
    """The end tag that closes raw-text element ``tag`` whose content starts at ``pos`` (None: none)."""
    if tag == "script":
        return _ScriptEnd().search(text, pos)
    if tag == "plaintext":
        return None
    return _RAW_TEXT_END[tag].search(text, pos)


def _add_raw_text(text: str, tag: str, pos: int, tokens: list[Token]) -> int:
    """Append the content and end tag of raw-text element ``tag`` (content from ``pos``); return
    where they end. Without an end tag the content runs to the end of the file, as in browsers."""
    end = _raw_text_end(tag, text, pos)
    stop = end.start() if end is not None else len(text)
    if stop > pos:
        tokens.append(Token("text", text[pos:stop]))
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


def tokenize_html(text: str) -> list[Token]:
    """Cut ``text`` into tokens whose raw texts concatenate back to ``text`` exactly.

    Well-formed markup is cut by a few regular expressions; from the first construct they do
    not cover (a sloppy tag, ``<?``, ``<![CDATA[``…) on, :mod:`html.parser` does the rest.
    Both give the same tokens wherever the fast path applies (a test holds them to that).
    """
    tokens, resume = _fast_tokens(text)
    if resume < len(text):
        _add_parser_tokens(text, resume, tokens)
    return tokens


_FAST_TAG = re.compile(
    r"""<(?:
      (?P<start>[a-zA-Z][^\t\n\r\f />\x00]*+)
      (?P<attrs>(?:\s+[^\s/>"'=][^\s/>"'=]*+(?:\s*=\s*(?:"[^"]*"|'[^']*'|(?!['"=])[^>\s]*+))?)*)
      \s*(?P<close>/?)>
    | /\s*(?P<end>[a-zA-Z][-.a-zA-Z0-9:_]*+)\s*>
    | !--.*?--\s*>
    | ![dD][oO][cC][tT][yY][pP][eE][^>]*>
    )""",
    re.VERBOSE | re.DOTALL,
)
_FAST_ATTR = re.compile(r"""\s+([^\s/>"'=][^\s/>"'=]*+)(?:\s*=\s*("[^"]*"|'[^']*'|(?!['"=])[^>\s]*+))?""")
#: A "<" that html.parser would not take as plain text (the fast path stops there).
_MARKUP_OPEN = re.compile(r"<(?:[a-zA-Z/!?]|\Z)")


def _fast_tokens(text: str) -> tuple[list[Token], int]:
    """Tokens of the well-formed prefix of ``text`` and the offset where that prefix ends."""
    tokens: list[Token] = []
    append = tokens.append
    pos = 0
    length = len(text)
    search = _FAST_TAG.search
    unsafe = _MARKUP_OPEN.search
    while pos < length:
        match = search(text, pos)
        start = match.start() if match else length
        if start > pos:
            odd = unsafe(text, pos, start)
            if odd is not None:
                if odd.start() > pos:
                    append(Token("text", text[pos : odd.start()]))
                return tokens, odd.start()
            append(Token("text", text[pos:start]))
        if match is None:
            return tokens, length
        pos = match.end()
        name = match.group("start")
        if name is not None:
            tag = name.lower()
            attrs: dict[str, str | None] = {}
            listed = match.group("attrs")
            if listed:
                for found in _FAST_ATTR.finditer(listed):
                    value = found.group(2)
                    if value is not None:
                        if value[:1] == value[-1:] and value[:1] in ("'", '"') and len(value) > 1:
                            value = value[1:-1]
                        if value:
                            value = htmllib.unescape(value)
                    attrs[found.group(1).lower()] = value
            closed = bool(match.group("close"))
            append(Token("startend" if closed else "start", match.group(0), tag, attrs))
            if not closed and tag in RAW_TEXT:
                pos = _add_raw_text(text, tag, pos, tokens)
        elif match.group("end") is not None:
            append(Token("end", match.group(0), match.group("end").lower()))
        else:
            append(Token("other", match.group(0)))
    return tokens, length


def tokenize_with_parser(text: str) -> list[Token]:
    """Tokens of ``text`` as :mod:`html.parser` cuts it (the lenient path of :func:`tokenize_html`)."""
    tokens: list[Token] = []
    _add_parser_tokens(text, 0, tokens)
    return tokens


#: html.parser is fed this many characters at a time, so that starting over after a cut costs
#: at most one piece (the whole run stays linear in the text).
_PIECE = 1 << 16


def _add_parser_tokens(text: str, offset: int, tokens: list[Token]) -> None:
    """Append the tokens of ``text[offset:]`` to ``tokens`` (which cut ``text`` up to ``offset``).

    html.parser, through its public interface, cuts the markup; transpub takes over where HTML's
    rules differ from it: raw-text elements (:data:`RAW_TEXT`), a marked section html.parser
    cannot read (``<![`` and a newline: a bogus comment to the next ``>``), and markup left
    unfinished at the end of the file (one ``eof`` token, which readers refuse, as browsers drop it).
    """
    newlines = [match.start() for match in re.finditer("\n", text)]
    pos = offset
    while pos < len(text):
        parser = _Tokenizer(text, pos, newlines)
        resume = len(text)
        extra: list[Token] = []
        try:
            for piece in range(pos, len(text), _PIECE):
                parser.feed(text[piece : piece + _PIECE])
            parser.closing = True
            parser.close()
            cut = len(text)
        except _Cut as stop:
            if stop.tag:  # the start tag is the last token found; its content is raw text
                cut = stop.at
                resume = _add_raw_text(text, stop.tag, stop.at, extra)
            else:  # html.parser found no end for the construct at stop.at
                cut = stop.at
                resume = _add_bogus_comment(text, cut, extra)
        except AssertionError as exc:  # html.parser's way of refusing a marked section it cannot read
            at = parser.at()  # the "<![" or, when it expected a name, just after it
            cut = at - 3 if "name token" in str(exc) and text.startswith("<![", at - 3) else at
            resume = _add_bogus_comment(text, cut, extra)
        _add_found(text, pos, cut, parser.found, tokens)
        for token in extra:
            _append(tokens, token)
        pos = resume


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
        tokens[-1].raw += token.raw
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
        if tokens:
            tokens[-1].raw += text[start:lead]
        else:
            found.insert(0, ("text", start, "", []))
    append = tokens.append
    last = tokens[-1] if tokens else None
    ends = [item[1] for item in found[1:]] + [stop] if found else []
    for (kind, begin, tag, attrs), end in zip(found, ends, strict=True):
        if end <= begin:
            continue
        if kind == "text" and last is not None and last.kind == "text":
            last.raw += text[begin:end]
            continue
        last = Token(kind, text[begin:end], tag, dict(attrs) if attrs else {})
        append(last)
