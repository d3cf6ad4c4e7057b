"""Cut HTML source into tokens that keep their exact source text (a byte-faithful round trip needs it).

Well-formed markup is cut by a few regular expressions; from the first construct they do not
cover, the stdlib tokenizer (:mod:`html.parser`, lenient with broken markup) does the rest.
lxml and html5lib would rebuild the markup and lose the source's own spelling of it.
"""

from __future__ import annotations

import html as htmllib
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass(slots=True)
class Token:
    """One token of the source with its exact text."""

    kind: str  # start, startend, end, text, other
    raw: str
    tag: str = ""
    attrs: dict[str, str | None] = field(default_factory=dict)


class _Tokenizer(HTMLParser):
    """Records each token's start offset; the raw text runs to the next token's start."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self._pos = 0
        self.found: list[tuple[str, int, str, list]] = []

    def updatepos(self, i: int, j: int) -> int:
        self._pos = j
        return j

    def handle_starttag(self, tag, attrs):
        self.found.append(("start", self._pos, tag, attrs))

    def handle_startendtag(self, tag, attrs):
        self.found.append(("startend", self._pos, tag, attrs))

    def handle_endtag(self, tag):
        self.found.append(("end", self._pos, tag, []))

    def handle_data(self, data):
        if self.found and self.found[-1][0] == "text" and self.found[-1][1] != self._pos:
            return  # a continuation of the same text run (e.g. a stray "<")
        self.found.append(("text", self._pos, "", []))

    def set_cdata_mode(self, elem):  # type: ignore[override]  # private hook; see issue 13
        super().set_cdata_mode(elem)
        if self.cdata_elem == "script":
            self.interesting = _ScriptEnd()  # type: ignore[assignment]

    def _other(self, *_):
        self.found.append(("other", self._pos, "", []))

    handle_comment = handle_decl = handle_pi = unknown_decl = _other


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
_STYLE_END = re.compile(r"</\s*style\s*>", re.I)


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
            if not closed and tag in ("script", "style"):
                end = _ScriptEnd().search(text, pos) if tag == "script" else _STYLE_END.search(text, pos)
                if end is None:  # html.parser's own rules for a script that never ends
                    tokens.pop()
                    return tokens, match.start()
                if end.start() > pos:
                    append(Token("text", text[pos : end.start()]))
                append(Token("end", end.group(0), tag))
                pos = end.end()
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


def _add_parser_tokens(text: str, offset: int, tokens: list[Token]) -> None:
    """Append the tokens html.parser finds in ``text[offset:]`` to ``tokens`` (cut up to ``offset``)."""
    parser = _Tokenizer()
    parser.rawdata = text[offset:] if offset else text
    parser.goahead(True)
    found = parser.found
    if not found or found[0][1] > 0:
        # Source that html.parser records nothing for (e.g. "</>") belongs to the token before it.
        lead = found[0][1] if found else len(text) - offset
        if tokens:
            tokens[-1].raw += text[offset : offset + lead]
        else:
            found.insert(0, ("text", 0, "", []))
    for index, (kind, start, tag, attrs) in enumerate(found):
        end = found[index + 1][1] if index + 1 < len(found) else len(text) - offset
        if end <= start:
            continue
        raw = text[offset + start : offset + end]
        if kind == "text" and tokens and tokens[-1].kind == "text":
            tokens[-1].raw += raw
            continue
        tokens.append(Token(kind, raw, tag, dict(attrs)))
