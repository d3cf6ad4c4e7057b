"""Static-site generator syntax in Markdown: Hugo shortcodes and Jekyll/Liquid tags, found in one pass.

Template tokens are markup, never text: ``{{< figure src="a.png" alt="A skier" >}}``,
``{{% note %}}``, ``{{</* escaped */>}}``, ``{% include x.html %}``, ``{{ page.title }}``, and
kramdown's (Jekyll's) attribute lists and extensions, which Python-Markdown's ``attr_list`` (MkDocs)
reads too: ``{: .lead}``, ``{::comment}``…``{:/comment}``, their math ``$$a^2$$`` and the opening
``*[HTML]:`` of an abbreviation's definition (its expansion is text); Python-Markdown's attribute
lists without the colon right after an element (``[Go](#){ .md-button }``), math as Hugo passes
it through and MkDocs' arithmatex reads it (``$x$``, ``\\(x\\)``, ``\\[``…``\\]``, ``\\begin{align}``…),
and the lines of MkDocs' plugins (mkdocstrings' ``::: package.Class``, pymdownx.snippets'
``--8<-- "file.md"``, pymdownx.blocks' ``/// note | Title`` and ``///``: its title a parameter). The Markdown
reader keeps each token as written (a placeholder inside a unit, verbatim markup on its own
line, except a shortcode with no closing one right under a line of text: Hugo leaves it in that
paragraph) and offers only the named parameters a project lists (``alt``, ``caption``, ``title``) to
translators, as units of their own.

Hugo's rule for the Markdown between a pair is followed: the inside of ``{{% x %}}…{{% /x %}}``
is Markdown (translatable); the inside of ``{{< x >}}…{{< /x >}}`` standing on their own lines is
handed to the shortcode as written (code, HTML, data), so it is kept verbatim, and so is the inside
of Liquid's ``raw``, ``comment`` and ``highlight`` blocks. Tokens inside fenced code are code.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, replace
from itertools import accumulate

#: Longest template token looked for: what counts as a token (a longer run is text, its opener
#: said not closed). Reading is linear without it (each stop of a body is read once); it is no
#: longer what bounds the cost of thousands of lone ``{{<``.
MAX_TOKEN = 8000
_OPEN = re.compile(
    r"\{\{[<%]|\{%|\{\{|\{:|(?<=[^\s\\])\{(?=[ \t]*(?:[.#]\\?[A-Za-z_]|[\w-]+=))|(?<=[)\]*_`>])\{(?=[ \t]*[A-Za-z][\w-]*[ \t]*[ \t}])|\$\$|(?<!\\)\$(?=[^\s$\d])|\\\(|(?<![^\n])(?:[ \t]{0,3}>)*[ \t]{0,3}(?:\*\[|\\{1,2}\[|\\begin\{(?=[A-Za-z]+\*?\}))"
    r"|(?<![^\n])(?:[ \t]{0,3}>)*[ \t]*(?:(?:#{1,6}[ \t]*)?:::(?=:*(?:[ \t]*(?:[\w.:/-]+|\{[^}\n]*\})[^\n]*)?[ \t]*(?:\n|$))"
    r"|--8<--|///(?=/*(?:[ \t]+[\w-]|[ \t]*(?:\n|$)))|<<<(?=[ \t]+\S)|\[\[toc\]\](?=[ \t]*(?:\n|$))"
    r"|\{\*(?=[^\n]*\*\}[ \t]*(?:\n|$)))"
    # pymdownx.blocks' ``/// note`` right after a list item's marker or a definition's ``:``
    # (Python-Markdown reads the item's text as blocks: ``- /// note``, ``1. /// tip | Title``, ``:   /// note``)
    r"|(?<![^\n])(?:[ \t]{0,3}>)*[ \t]{0,3}(?:[*+-]|\d{1,9}[.)]|:)[ \t]+///(?=/*(?:[ \t]+[\w-]|[ \t]*(?:\n|$)))"
)
_STRING = r'"(?:[^"\\\n]|\\.)*"|`[^`]*`'
#: An attribute list's class or id (``.md-button``, ``#\\_fn_1``), and a value (``"A b"``, ``x``; or
#: letters that end in another key: ``a=b`` + ``c="d"`` is ``a=bc="d"``).
_CLASS = r"[.#]\\?[A-Za-z_](?:[\w:-]|\\[_-])*"
_QUOTED = r"\"[^\"\n]*\"|'[^'\n]*'"
_VALUE = r"(?:" + _QUOTED + r"|[^\s\"'}]+[\w-]=(?:" + _QUOTED + r")|[^\s\"'}]+)"
#: The body of each kind of token, up to its closing delimiter.
_BODIES = {
    "{{</*": re.compile(r"(?:[^*]|\*(?!/>\}\}))*\*/>\}\}", re.S),
    "{{%/*": re.compile(r"(?:[^*]|\*(?!/%\}\}))*\*/%\}\}", re.S),
    # a shortcode never holds another shortcode's opener: ``{{< a }} … {{% b %}}`` is an unclosed ``{{< a``
    "{{<": re.compile(r"(?:" + _STRING + r"|[^\"`>{]|>(?!\}\})|\{(?!\{[<%]))*>\}\}", re.S),
    "{{%": re.compile(r"(?:" + _STRING + r"|[^\"`%{]|%(?!\}\})|\{(?!\{[<%]))*%\}\}", re.S),
    "{%": re.compile(r"(?:\"[^\"]*\"|'[^']*'|[^\"'%]|%(?!\}))*%\}", re.S),
    "{{": re.compile(r"(?:\"[^\"]*\"|'[^']*'|[^\"'}]|\}(?!\}))*\}\}", re.S),
    # kramdown: an attribute list ``{: .x #y k="v"}``, ``{:ref: .x}`` or an extension ``{::name …}``, on one line
    "{:": re.compile(r"(?:\"[^\"\n]*\"|'[^'\n]*'|[^\"'}\n])*\}"),
    # Python-Markdown's attr_list (MkDocs) without the colon, right after an element:
    # ``[Go](#){ .md-button }``, ``**New**{ title="…" }`` (after a space: a heading's, or text);
    # an id or class may escape its underscores (pymdownx' docs: ``^†^{#\_fn_1}``);
    # with only a bare key, right after a link, emphasis, code or a tag: ``[Go](#){ data-preview }``
    # (each item taken whole, once: ``(?:[ \t]*(?:class|key=value|key))+``, which reads the same
    # lists, tried every split of a run of letters, ``x{.aaaaaaaaaaaaaaaaaaaaaaaaaaa!}`` for minutes; a
    # class's or a value's letters that end in ``=`` start a key and its value)
    "{": re.compile(
        r"(?:[ \t]*(?>"
        + _CLASS
        + r"[\w-]="
        + _VALUE
        + r"|"
        + _CLASS
        + r"|[\w-]+="
        + _VALUE
        + r"|[\w-]+))+[ \t]*\}"
    ),
    # kramdown math, inline or on lines of its own (no blank line inside)
    "$$": re.compile(r"(?:[^$\n]|\n(?![ \t]*(?:\n|$))|\$(?!\$))+\$\$"),
    # $…$ inline (pymdownx.arithmatex, Hugo's math guide): no space inside either end, no digit
    # after it, no code span's backtick inside
    "$": re.compile(r"(?:[^$\\\n`]|\\.)*?[^\s\\`]\$(?![\d$])"),
    # Hugo's passthrough math (its math guide's delimiters): \( inline \), and \[ display \] from a
    # line's start to a line's end; no blank line inside, no code span's backtick inside the inline one
    "\\(": re.compile(r"(?:[^\\\n`]|\\(?!\))|\n(?![ \t>]*(?:\n|$)))*\\\)"),
    "\\[": re.compile(r"(?:[^\\\n]|\\(?!\])|\n(?![ \t>]*(?:\n|$)))*\\\](?=[ \t]*(?:\n|$))"),
    # kramdown's and Python-Markdown's abbreviation definition ``*[HTML]: HyperText Markup Language``
    "*[": re.compile(r"(?:[^\]\n\\]|\\.)+\]:"),
    # mkdocstrings' (and mkdocs-click's) directive ``::: package.module.Class`` on a line of its own
    # (or after a heading's ``#``s, mkdocstrings' ``#### ::: package.func``: that heading's level),
    # with the lines of options indented under it; a container's opening line (VitePress'
    # ``::: tip Title``, Docusaurus' ``:::note``, Pandoc's ``::: {.aside}``) and its closing ``:::``
    ":::": re.compile(r"[ \t]+[\w.:/-]+[ \t]*(?:\n[ \t]+\S[^\n]*)+|:*[^\n]*"),
    # pymdownx.snippets: ``--8<-- "file.md"`` on a line of its own, or a block of file names between
    # two ``--8<--`` lines
    "--8<--": re.compile(
        r"[ \t]*(?:\"[^\"\n]*\"|'[^'\n]*')[ \t]*(?=\n|$)|[ \t]*\n(?:[^\n]*\n)*?[ \t]*--8<--[ \t]*(?=\n|$)"
    ),
    # arithmatex's environment, from a line's start: ``\\begin{align}`` … ``\\end{align}``
    "\\begin{": re.compile(r"([A-Za-z]+\*?)\}(?:[^\\]|\\(?!end\{\1\}))*\\end\{\1\}"),
    # pymdownx.blocks: ``/// note | Title`` (its options indented under it) and the closing ``///``
    "///": re.compile(r"/*(?:[ \t]+[\w-][^\n]*)?[ \t]*(?:\n[ \t]+\S[^\n]*)*"),
    # VitePress: a snippet import ``<<< @/snippets/a.js{2} [title]``, a table of contents ``[[toc]]``
    "<<<": re.compile(r"[ \t]+[^\n]*"),
    "[[toc]]": re.compile(r"[ \t]*"),
    # markdown-include-variants (FastAPI's docs): ``{* ../../docs_src/app.py hl[3] *}`` on a line of its
    # own, the example file and its variants put in before the page is read
    "{*": re.compile(r"[^\n]*?\*\}(?=[ \t]*(?:\n|$))"),
}
#: The end of an escaped shortcode (its body is :data:`_BODIES`' pattern: up to the first one).
#: Looked for with one search for many openers: each of thousands of ``{{</*`` searched up to
#: :data:`MAX_TOKEN` characters on for its end.
_ESCAPED_ENDS = {"{{</*": "*/>}}", "{{%/*": "*/%}}"}
#: pymdownx.blocks whose argument is no title: ``/// html | div.result`` names the element it makes,
#: ``/// caption | #fig-cat`` (``figure-caption``, ``table-caption``, a site's ``*-caption``) the
#: figure's id, classes and place.
_SELECTOR_BLOCKS = re.compile(r"html|caption|[\w-]+-caption")
#: The title of a pymdownx.blocks block, after the bar of its first line.
_BLOCK_TITLE = re.compile(r"/{3,}[ \t]+(?P<name>[\w-]+)[ \t]*\|[ \t]*(?P<title>[^\n]*[^\s])?")
#: The title of a container (``::: tip Title``, ``:::tip[Title]``), after its name.
_CONTAINER_TITLE = re.compile(
    r":{3,}[ \t]*[\w-]+(?:[ \t]+|\[)(?P<title>(?:\\[^\n]|[^\s{\[\]\\])(?:(?:\\[^\n]|[^\n{\]\\])*(?:\\[^\n]|[^\s{\]\\]))?)"
)  # (its end: a brace of VitePress' {open}, a bracket of Docusaurus' [Title]; an escaped one is the title's)
#: Tokens of a line (or lines) of their own, MkDocs' plugins' syntax: kept as written, never a pair.
LINE_OPENERS = (":::", "--8<--", "///", "<<<", "[[toc]]", "{*")
#: The closing delimiter of each kind of token.
_CLOSERS = {
    "{%": "%}", "{:": "}", "{": "}", "$$": "$$", "$": "$", "*[": "]:", "\\(": "\\)", "\\[": "\\]",
    ":::": "", "--8<--": "", "///": "", "\\begin{": "", "<<<": "", "[[toc]]": "", "{*": "",
}  # fmt: skip
#: Math: kramdown's ``$$``, arithmatex's and Hugo's ``$``, Hugo's passthrough ``\\(`` and ``\\[``,
#: arithmatex's environments (``\\begin{align}``).
MATH_OPENERS = ("$$", "$", "\\(", "\\[", "\\begin{")
_NAME = re.compile(r"\s*(/?)\s*([\w./-]+)")
#: Jekyll's tags that pass named parameters to an include (``include.caption`` in it).
_LIQUID_INCLUDES = frozenset({"include", "include_relative", "include_cached"})
#: A quoted parameter of a Liquid include (``caption="A \\"red\\" skier"``, ``alt='The dock'``; as Jekyll
#: reads them: a variable, ``title=page.title``, is no text).
_LIQUID_PARAM = re.compile(r"([\w-]+)\s*=\s*(\"(?:[^\"\\]|\\.)*\"|'(?:[^'\\]|\\.)*')")
_PARAM = re.compile(r"([A-Za-z_][\w-]*)[ \t]*=[ \t]*(\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`|[^\s\"`]+)")
#: A positional shortcode parameter (``{{% tab "macOS" %}}``, ``{{% details "Why?" open %}}``).
_POSITIONAL = re.compile(r"\s*(\"(?:[^\"\\\n]|\\.)*\"|`[^`]*`|[^\s\"`/]+)")
#: A line of paragraph text (not blank, no heading, fence, table row, HTML or template token).
_TEXT_LINE = re.compile(r"[ \t>]*(?![ \t>]|#|`{3}|~{3}|\||<|\{\{|\{%|:::|!!!|\?\?\?|---|===|\*\*\*$)\S")
#: Liquid block tags whose inside is not Markdown.
_VERBATIM_LIQUID = {"raw": "endraw", "comment": "endcomment", "highlight": "endhighlight"}
#: The end of a Liquid ``raw`` block.
_ENDRAW = re.compile(r"\{%-?\s*endraw\s*-?%\}")
#: A Liquid tag that starts another branch of a condition: ``{% else %}``, ``{% elsif x %}``, ``{% when x %}``.
LIQUID_BRANCH = re.compile(r"\{%-?\s*(?:else|elsif|when)\b")
_ENDCOMMENT = re.compile(r"\{%-?\s*endcomment\s*-?%\}")
_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: kramdown extensions whose inside is not Markdown (``{::comment}``…``{:/comment}``).
_VERBATIM_KRAMDOWN = frozenset({"comment", "nomarkdown"})
_FENCE = re.compile(r"(?:[ \t]{0,3}>)*([ \t]{0,3})(`{3,}|~{3,})")
#: A Liquid raw tag that a fence follows on its line.
_RAW_OPENING = re.compile(r"(?:[ \t]{0,3}>)*[ \t]{0,3}\{%-?\s*raw\s*-?%\}(?=[ \t]*(?:`{3,}|~{3,}))")
#: A Liquid endraw tag that a closing fence follows on its line (``{% endraw %}```).
ENDRAW_BEFORE_FENCE = re.compile(
    r"^((?:[ \t]{0,3}>)*[ \t]{0,3})(\{%-?\s*endraw\s*-?%\})((?:`{3,}|~{3,})[ \t]*)$", re.M
)
_ENDRAW_OPENING = re.compile(
    r"(?:[ \t]{0,3}>)*[ \t]{0,3}\{%-?\s*endraw\s*-?%\}(?=(?:`{3,}|~{3,})[ \t]*$)", re.M
)
_CLOSING_FENCE = re.compile(r"(?:[ \t]{0,3}>)*([ \t]*)(`{3,}|~{3,})")
#: A fence line indented by four spaces or more (or a tab): a list item's fenced code, or indented code.
_INDENTED_FENCE = re.compile(r"^(?:[ \t]{0,3}>)*(?: {4,}|[ \t]*\t[ \t]*)(?:`{3,}|~{3,})", re.MULTILINE)
_LINE_END = re.compile("\n")
_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*")
#: A list item's marker after a line's quote markers (its ``///`` Python-Markdown's only in a list).
#: (The quote markers possessive, as in :data:`.md_html_ends._QUOTED_BLOCK_START`: 2 ** n readings.)
_ITEM_MARKER = re.compile(r"(?:[ \t]{0,3}>[ \t]?)*+[ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+")
_QUOTES = re.compile(r"(?:[ \t]{0,3}>[ \t]?)*")
_QUOTED_BLANK = re.compile(r"(?:[ \t]{0,3}>)*[ \t]*")
#: What may stand before a pymdownx.blocks line on its line: :data:`_PREFIX`, and a list item's marker
#: or a definition's ``:`` (Python-Markdown reads the text after them as blocks).
_BLOCK_PREFIX = re.compile(r"[ \t]*(?:>[ \t]?)*[ \t]*(?:(?:[*+-]|\d{1,9}[.)]|:)[ \t]+)?")


@dataclass(frozen=True)
class Param:
    """A named parameter of a shortcode: its value's span in the source (quotes included)."""

    name: str
    start: int
    end: int
    value: str  # unquoted
    quote: str  # '"', '`' or '' (a Liquid include's: '"' or "'")


@dataclass(frozen=True)
class Template:
    """One template token: where it is and what it is."""

    start: int
    end: int
    opener: str  # "{{<", "{{%", "{{</*", "{{%/*", "{%", "{{", "{:", "{", "$$", "\\(", "\\[", "*["
    name: str  # shortcode or Liquid tag name ("" for {{ output }})
    closing: bool  # {{< /x >}}, {% endx %}
    self_closing: bool  # {{< x />}}
    params: tuple[Param, ...]
    block: bool  # alone on its line(s)

    @property
    def shortcode(self) -> bool:
        """A Hugo shortcode (not an escaped one, not Liquid), or a WordPress one (see :mod:`.wp_shortcodes`)."""
        return self.opener in ("{{<", "{{%", "[")

    @property
    def tag(self) -> str:
        """The element name placeholders show in their legend."""
        return "shortcode" if self.opener.startswith(("{{<", "{{%", "[")) else "template"

    def pair_key(self) -> str | None:
        """The name an opening and a closing token share, or None for a standalone token."""
        if (
            self.self_closing
            or self.opener in ("{{</*", "{{%/*", "{{", "*[", *MATH_OPENERS, *LINE_OPENERS)
            or (self.opener == "{:" and not self.name)
            or self.opener == "{"
        ):
            return None
        if self.opener == "{%":
            if self.closing:
                return self.name
            return None if self.name in _LIQUID_STANDALONE else self.name
        return f"{self.opener}{self.name}"

    def closes(self, other: Template) -> bool:
        """Whether this token closes ``other``."""
        if not self.closing or other.closing or self.pair_key() is None or other.pair_key() is None:
            return False
        if self.opener == "{%":
            return other.opener == "{%" and (
                self.name == "end" + other.name or _LIQUID_ENDS.get(other.name) == self.name
            )
        return self.opener == other.opener and self.name == other.name


#: Liquid block tags whose end tag is not ``end`` + their name: GitHub Docs' ``{% ifversion fpt %}``
#: … ``{% endif %}``.
_LIQUID_ENDS = {"ifversion": "endif"}

#: Liquid tags that never have an end tag.
_LIQUID_STANDALONE = frozenset(
    {"include", "include_relative", "assign", "increment", "decrement", "else", "elsif", "when", "cycle",
     "break", "continue", "link", "post_url", "seo", "feed_meta", "render", "echo", "liquid", "avatar"}
)  # fmt: skip


def scan_templates(text: str, start: int = 0) -> list[Template]:
    """Every template token in ``text`` from ``start`` on, in order (none inside fenced code)."""
    found: list[Template] = []
    fences = fenced_ranges(text, start)
    fence_index = 0
    pos = start
    last_close = {key: text.rfind(key) for key in ("}}", *_CLOSERS.values())}
    firsts: dict[int, int] = {}  # (the first line of the chunk a list item's ``///`` line is in)
    lists: _AttributeListEnds | None = None
    escaped_ends: dict[str, int] = {}  # where the next end of an escaped shortcode is, -1 for none
    walks: dict[str, _BodyEnds] = {}  # (the bodies read from stop to stop, each stop once)
    ahead = _Ahead(text)  # (the next line end, Liquid endcomment and endraw: looked for once for many)
    while True:
        match = _OPEN.search(text, pos)
        if match is None:
            break
        at = match.start()
        while fence_index < len(fences) and fences[fence_index][1] <= at:
            fence_index += 1
        if fence_index < len(fences) and fences[fence_index][0] <= at:
            pos = fences[fence_index][1]
            continue
        opener = match.group()
        if opener in ("{{<", "{{%") and text.startswith("/*", match.end()):
            opener += "/*"
        if opener.endswith(("*[", "\\[")):  # at a line's start, after up to three spaces (and quote markers)
            at, opener = match.end() - 2, opener[-2:]
        elif opener.endswith("\\begin{"):
            at, opener = match.end() - 7, "\\begin{"
        elif opener.endswith(LINE_OPENERS):
            kind = next(kind for kind in LINE_OPENERS if opener.endswith(kind))
            if kind == "///" and not _block_after_marker(text, match.start(), match.end() - 3, firsts):
                pos = match.end()
                continue
            at, opener = match.end() - len(kind), kind
        closer = _CLOSERS.get(opener, "}}")
        if last_close[closer] < at:  # no closing delimiter anywhere after: nothing more of this kind
            pos = at + 1
            continue
        if opener in ("{:", "{"):  # (thousands on a line cost no n² search of the line for a "}")
            lists = lists or _AttributeListEnds(text)
            end = lists.end(at + 2) if opener == "{:" else lists.python_end(at + 1)
            if not at < end <= at + MAX_TOKEN:
                pos = at + 1
                continue
        if opener in _ESCAPED_ENDS:  # (as its body's pattern: up to the first end, found once for many)
            close = escaped_ends.get(opener)
            if close is None or 0 <= close < at + len(opener):
                close = escaped_ends[opener] = text.find(_ESCAPED_ENDS[opener], at + len(opener))
            end = close + len(_ESCAPED_ENDS[opener])
            if close < 0 or end > at + MAX_TOKEN:
                pos = at + 1
                continue
        elif (
            opener in _BODY_STOPS
        ):  # (as its body's pattern, each stop of the text read once for all openers)
            walk = walks.get(opener) or walks.setdefault(opener, _BodyEnds(text, opener))
            end = walk.end(at + len(opener), at + MAX_TOKEN)
            if end < 0:
                pos = at + 1
                continue
        elif opener != "{":  # (a Python-Markdown attribute list's end is found above)
            body = _BODIES[opener].match(text, at + len(opener), min(len(text), at + MAX_TOKEN))
            if body is None:
                pos = at + 1
                continue
            end = body.end()
        if opener in (":::", "///") and "\n" in text[at:end]:
            end = _options_end(text, at, end)
        if opener in ("\\(", "\\[") and text[at - 1 : at] == "\\" and text[at - 2 : at - 1] != "\\":
            at -= 1  # mdBook's MathJax delimiters ``\\( … \\)``: the escaped backslash is the token's
        found.append(_template(text, at, end, opener))
        pos = end
        if opener == "{%" and found[-1].name == "comment" and not found[-1].closing:
            closing = ahead.next(_ENDCOMMENT, end)
            if closing is not None and closing.end() <= ahead.line_end(end):
                # on one line: one token with what it holds, a note for writers
                found[-1] = replace(_template(text, at, closing.end(), opener), self_closing=True)
                pos = closing.end()
        if opener == "{%" and found[-1].name == "raw" and not found[-1].closing:
            # Liquid reads nothing up to {% endraw %}: a "{%" inside is text (``{% raw %}`{%`{% endraw %}``)
            endraw = ahead.next(_ENDRAW, end)
            if endraw is not None:
                pos = endraw.start()
    return _in_paragraphs(text, found)


#: The tokens whose bodies (:data:`_BODIES`) are read in one way, from stop to stop (see
#: :class:`_BodyEnds`): the characters where a reading stops to look on.
_BODY_STOPS = {
    "{{": re.compile(r"[\"'}]"),
    "{%": re.compile(r"[\"'%]"),
    "\\(": re.compile(r"[\\\n`]"),
    "\\[": re.compile(r"[\\\n]"),
    "\\begin{": re.compile(r"\\end\{"),
}
#: The closing delimiter of each, and its end: a quoted string, or a line that ends the math: blank
#: (``_BODIES["\\("]``' newline lookahead) or the display math's closing line (``\\]`` then only blanks).
_BODY_ENDS = {"{{": "}}", "{%": "%}", "\\(": "\\)", "\\[": "\\]"}
_BLANK_LINE_AFTER = re.compile(r"[ \t>]*(?:\n|\Z)")
_BEGIN_NAME = re.compile(r"([A-Za-z]+\*?)\}")
#: A display math's ``\\]`` with more than blanks after it on its line: no end (unless the text is
#: read up to a limit that those blanks reach).
_UNCLOSED_LINE = -2


class _BodyEnds:
    """Where the bodies of one kind of token (``{{``, ``{%``, ``\\(``, ``\\[``, ``\\begin{``) end,
    as :data:`_BODIES` reads them, for many openers.

    Each body is read one way: past any character but a few (its stops), a quoted string jumped
    whole, up to its closing delimiter; readings from two openers that reach the same stop end
    alike, so each stop is read once, however many openers come before it (thousands of ``{{``
    before a ``"`` with no closing quote each read up to :data:`MAX_TOKEN` characters: n x 8,000).
    The ``\\begin{name}`` of arithmatex ends at the first ``\\end{name}``.

    >>> walk = _BodyEnds('{{ a "}}" }} {{{{ "', "{{")
    >>> walk.end(2, 100), walk.end(15, 100), walk.end(2, 10)
    (12, -1, -1)
    >>> _BodyEnds("\\\\begin{a}x\\\\end{b}\\\\end{a}", "\\\\begin{").end(7, 100)
    24
    """

    def __init__(self, text: str, opener: str) -> None:
        self.text, self.opener = text, opener
        self.stops = [match.start() for match in _BODY_STOPS[opener].finditer(text)]
        self.quotes = {quote: [at for at in self.stops if text[at] == quote] for quote in "\"'"}
        self.ends: dict[int, tuple[int, int]] = {}  # a stop read through: (end or -1, a closing \] there)
        self.environments: dict[str, list[int]] | None = None  # (``\\begin{``: the ends of each name)

    def end(self, start: int, limit: int) -> int:
        """Where the body from ``start`` ends (after its closing delimiter), or -1 when it has none
        or it ends after ``limit`` (its pattern matched in the text up to ``limit`` only)."""
        if self.opener == "\\begin{":
            return self._environment_end(start, limit)
        passed: list[int] = []
        while True:
            index = bisect_left(self.stops, start)
            if index == len(self.stops):
                result = (-1, -1)
                break
            stop = self.stops[index]
            if stop in self.ends:
                result = self.ends[stop]
                break
            passed.append(stop)
            done, at = self._step(stop)
            if done:
                result = (-1, stop) if at == _UNCLOSED_LINE else (at, -1)
                break
            start = at
        for stop in passed:
            self.ends[stop] = result
        end, close = result
        if close >= 0 and close + 2 <= limit:  # (a closing line blank up to the limit: the pattern, read
            blanks = _BLANKS.match(self.text, close + 2, limit)  # up to it, ends there)
            if blanks is not None and blanks.end() == limit:
                return close + 2
        return end if end <= limit else -1

    def _step(self, stop: int) -> tuple[bool, int]:
        """What the body's reading does at ``stop``: (True, where it ends or -1), or (False, where it
        reads on from)."""
        text, char = self.text, self.text[stop]
        if char in "\"'":  # a quoted string, up to the same quote (``{{``, ``{%``)
            quotes = self.quotes[char]
            index = bisect_right(quotes, stop)
            return (True, -1) if index == len(quotes) else (False, quotes[index] + 1)
        if char == "\n":  # (math: no blank line inside)
            return (True, -1) if _BLANK_LINE_AFTER.match(text, stop + 1) else (False, stop + 1)
        if char == "`":  # (inline math: no code span's backtick inside)
            return True, -1
        closing = _BODY_ENDS[self.opener]
        if not text.startswith(closing, stop):
            return False, stop + 1
        if self.opener == "\\[" and not _BLANK_LINE_END.match(text, stop + 2):
            return True, _UNCLOSED_LINE
        return True, stop + 2

    def _environment_end(self, start: int, limit: int) -> int:
        """Where ``\\begin{name}`` … ``\\end{name}`` from ``start`` (after ``\\begin{``) ends, or -1."""
        name = _BEGIN_NAME.match(self.text, start)
        if name is None:
            return -1
        if self.environments is None:  # where each environment ends: ``\\end{name}``, by name
            self.environments = {}
            for stop in self.stops:
                ending = _BEGIN_NAME.match(self.text, stop + 5)
                if ending is not None:
                    self.environments.setdefault(ending.group(1), []).append(ending.end())
        ends = self.environments.get(name.group(1), [])
        index = bisect_left(ends, name.end() + len(name.group(1)) + 6)  # (after the name's "}", a whole end)
        return ends[index] if index < len(ends) and ends[index] <= limit else -1


class _Ahead:
    """The next line end, and the next match of a pattern, from positions that only grow (a
    :func:`scan_templates` reading): each looked for once for all the positions before it."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[re.Pattern[str], tuple[int, re.Match[str] | None]] = {}
        self.newline = -2  # (not looked for yet)

    def next(self, pattern: re.Pattern[str], start: int) -> re.Match[str] | None:
        """The first match of ``pattern`` at or after ``start``."""
        since, match = self.found.get(pattern, (len(self.text) + 1, None))
        if since > start or (match is not None and match.start() < start):
            match = pattern.search(self.text, start)
            self.found[pattern] = (start, match)
        return match

    def line_end(self, start: int) -> int:
        """Where the line at ``start`` ends (its newline, or the text's end)."""
        if self.newline < start:
            newline = self.text.find("\n", start)
            self.newline = len(self.text) if newline < 0 else newline
        return self.newline


#: Where the reading of a kramdown attribute list's body (``_BODIES["{:"]``) stops or jumps.
_LIST_STOPS = re.compile(r"[\"'}\n]")
#: Where an unquoted value of a Python-Markdown attribute list ends (:data:`_VALUE`).
_VALUE_STOPS = re.compile(r"[\s\"'}]")
#: The items of a Python-Markdown attribute list, in the order ``_BODIES["{"]`` tries them: each
#: one's start, and whether a value follows it.
_ITEM_STARTS = (
    (re.compile(_CLASS + r"[\w-]="), True),
    (re.compile(_CLASS), False),
    (re.compile(r"[\w-]+="), True),
    (re.compile(r"[\w-]+"), False),
)
_KEY_CHAR = re.compile(r"[\w-]")
_BLANKS = re.compile(r"[ \t]*")
_BLANK_LINE_END = re.compile(r"[ \t]*(?:\n|\Z)")


def _skip_blanks(text: str, start: int) -> int:
    """Where the spaces and tabs from ``start`` end."""
    blanks = _BLANKS.match(text, start)
    return start if blanks is None else blanks.end()


class _AttributeListEnds:
    """Where the body of a kramdown attribute list (``_BODIES["{:"]``) from a position ends.

    Its reading has one way on (a quoted value jumped whole, up to the first ``}``, never past a
    line's end): readings from two points that reach the same quote, brace or line end end alike,
    so each of those is read through once, however many ``{:`` start before it.

    >>> lists = _AttributeListEnds('{: .a}{: k="}" x}{:{: \\n}')
    >>> lists.end(2), lists.end(8), lists.end(19), lists.end(21)
    (6, 17, -1, -1)
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.stops = [match.start() for match in _LIST_STOPS.finditer(text)]
        self.line_ends = [at for at in self.stops if text[at] == "\n"]
        self.ends: dict[int, int] = {}  # a stop read through: where the body ends, or -1
        self.value_stops = [match.start() for match in _VALUE_STOPS.finditer(text)]
        self.quotes = {quote: [at for at in self.stops if text[at] == quote] for quote in "\"'"}
        self.chain: dict[int, int] = {}  # the end of an item read: where the body ends, or -1

    def python_end(self, start: int) -> int:
        """Where the body of a Python-Markdown attribute list from ``start`` ends (after its ``}``), as
        ``_BODIES["{"]`` reads it, or -1 when it has none.

        Its items are atomic and none starts with a ``}``, so the body is read one way, item after
        item: the reading from a point after an item is the same for every opener, kept once read.
        An unquoted value runs to the next space, quote or brace (found in a list, not read through):
        ``x{k=a{k=a{k=a … !}`` read each value to the end of the run for each ``{``, n² time.

        >>> lists = _AttributeListEnds('x{ .a #b k=v k2="a }" data-x }{.a!}{k=a{k=b}{k=x=y}')
        >>> lists.python_end(2), lists.python_end(31), lists.python_end(36), lists.python_end(45)
        (30, -1, 44, 51)
        """
        end = self._item(_skip_blanks(self.text, start))
        if end < 0:
            return -1
        passed = []
        while end not in self.chain:
            passed.append(end)
            after = _skip_blanks(self.text, end)
            following = self._item(after)
            if following < 0:
                result = after + 1 if self.text.startswith("}", after) else -1
                break
            end = following
        else:
            result = self.chain[end]
        for item_end in passed:
            self.chain[item_end] = result
        return result

    def _item(self, start: int) -> int:
        """Where the item of a Python-Markdown attribute list at ``start`` ends (``.class``, ``#id``,
        ``key=value``, ``.class-key=value``, ``key``; ``_BODIES["{"]``' atomic group), or -1."""
        text = self.text
        for pattern, valued in _ITEM_STARTS:
            found = pattern.match(text, start)
            if found is None:
                continue
            if not valued:
                return found.end()
            end = self._value_end(found.end())
            if end >= 0:
                return end
        return -1

    def _value_end(self, start: int) -> int:
        """Where a value of a Python-Markdown attribute list at ``start`` ends (:data:`_VALUE`), or -1."""
        text = self.text
        if start < len(text) and text[start] in "\"'":
            return self._quoted_end(start)
        index = bisect_left(self.value_stops, start)
        stop = self.value_stops[index] if index < len(self.value_stops) else len(text)
        if stop == start:
            return -1
        # (a value's letters that end in "=" right before a quoted value: ``a=bc="d"``)
        if stop - start >= 3 and text[stop - 1] == "=" and _KEY_CHAR.match(text, stop - 2):
            quoted = self._quoted_end(stop)
            if quoted >= 0:
                return quoted
        return stop

    def _quoted_end(self, start: int) -> int:
        """Where the quoted value at ``start`` ends after its closing quote (:data:`_QUOTED`), or -1."""
        quotes = self.quotes.get(self.text[start : start + 1])
        if quotes is None:
            return -1
        index = bisect_right(quotes, start)
        line = bisect_left(self.line_ends, start)
        if index == len(quotes) or (line < len(self.line_ends) and self.line_ends[line] < quotes[index]):
            return -1
        return quotes[index] + 1

    def end(self, start: int) -> int:
        """Where the body from ``start`` ends (after its ``}``), or -1 when it has no end."""
        text, passed = self.text, []
        while True:
            index = bisect_left(self.stops, start)
            stop = self.stops[index] if index < len(self.stops) else len(text)
            if stop in self.ends:
                end = self.ends[stop]
                break
            passed.append(stop)
            char = text[stop : stop + 1]
            if char == "}":
                end = stop + 1
                break
            if char in ('"', "'"):
                close = text.find(char, stop + 1)
                line = bisect_left(self.line_ends, stop)
                if 0 <= close < (self.line_ends[line] if line < len(self.line_ends) else len(text)):
                    start = close + 1
                    continue
            end = -1
            break
        for stop in passed:
            self.ends[stop] = end
        return end


def _block_after_marker(text: str, line_start: int, at: int, firsts: dict[int, int]) -> bool:
    """Whether Python-Markdown reads the ``///`` at ``at`` as a block's line when a list item's marker
    stands before it on its line (``line_start``): only in a list (a paragraph's line ``- /// note``
    is text: Python-Markdown's lists never interrupt one), and only when the line under it is not
    indented four columns more (Python-Markdown takes that one for a nested item, and the block's
    line for text). True when no list marker stands before it (a definition's ``:``, none).
    ``firsts``: the first line of the chunk of lines of each line asked about before, filled in.

    >>> _block_after_marker("Text\\n- /// note\\n", 5, 7, {}), _block_after_marker("\\n- /// note\\n", 1, 3, {})
    (False, True)
    """
    if _ITEM_MARKER.fullmatch(text, line_start, at) is None:
        return True
    first = line_start  # the first line of the paragraph or list the line is in (Python-Markdown's block)
    while first > 0 and first not in firsts:
        above = text.rfind("\n", 0, first - 1) + 1
        if _QUOTED_BLANK.fullmatch(text, above, first - 1):
            break
        first = above
    firsts[line_start] = first = firsts.get(first, first)
    if _ITEM_MARKER.match(text, first) is None:
        return False
    below_start = text.find("\n", at) + 1
    below_end = text.find("\n", below_start) if below_start else -1
    below = text[below_start : len(text) if below_end < 0 else below_end] if below_start else ""
    return _QUOTED_BLANK.fullmatch(below) is not None or _indent(below) - _indent(text[line_start:at]) < 4


def _indent(line: str) -> int:
    """The columns a line is indented by, after its quote markers."""
    unquoted = _QUOTES.sub("", line, count=1).expandtabs(4)
    return len(unquoted) - len(unquoted.lstrip(" "))


def _options_end(text: str, start: int, end: int) -> int:
    """The end of a directive's or block's lines of options (``start..end``: its first line and the
    indented lines under it): only lines indented more than the first one are its options (inside a
    list item or a content tab, the lines after it are indented as much, and are its content).

    >>> text = "    /// note\\n        type: x\\n    Content.\\n"
    >>> text[4 : _options_end(text, 4, len(text) - 1)]
    '/// note\\n        type: x'
    """
    line_start = text.rfind("\n", 0, start) + 1
    indent = len(text[line_start:start].expandtabs(4))
    position = text.find("\n", start, end)
    while position >= 0:
        line_end = text.find("\n", position + 1, end)
        line = text[position + 1 : end if line_end < 0 else line_end]
        if len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip(" ")) <= indent:
            return position
        position = line_end
    return end


def _in_paragraphs(text: str, templates: list[Template]) -> list[Template]:
    """``templates`` with each shortcode that is alone on its line right under a line of text, and
    has no closing one, taken as inline: Hugo puts a shortcode's output where it stands, so there it
    is part of the paragraph (``**You must deploy a`` / ``{{< glossary_tooltip … >}}`` / ``(CNI) …**``
    is one bold sentence), where a Liquid tag's line is left blank and ends it."""
    closed = {(t.opener, t.name) for t in templates if t.closing}
    out = []
    for template in templates:
        if (
            template.block
            and template.opener in ("{{<", "{{%")
            and not template.closing
            and (template.opener, template.name) not in closed
        ):
            line_start = text.rfind("\n", 0, template.start) + 1
            above = text[text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : max(line_start - 1, 0)]
            if line_start and _TEXT_LINE.match(above):
                template = replace(template, block=False)
        out.append(template)
    return out


def unclosed_shortcodes(text: str, templates: list[Template], start: int = 0) -> list[int]:
    """Offsets of the ``{{<`` and ``{{%`` (outside fenced code) that start no shortcode of ``templates``
    (``scan_templates(text, start)``): a shortcode left unclosed, which Hugo refuses to build.

    >>> text = 'A {{< figure src="x.png" }} b.\\n\\n{{% note %}}c{{% /note %}}'
    >>> unclosed_shortcodes(text, scan_templates(text))
    [2]
    """
    starts = {template.start for template in templates}
    fences = _Spans(fenced_ranges(text, start))
    inside = _Spans([(template.start + 1, template.end) for template in templates])
    found: list[int] = []
    for match in re.finditer(r"\{\{[<%]", text[start:]):
        at = start + match.start()
        if at not in starts and not fences.cover(at) and not inside.cover(at):
            found.append(at)
    return found


class _Spans:
    """Whether an offset is in any of some spans (``start <= at < end``), each answer a binary
    search (a question for each of thousands of openers went through every span: n² time).

    >>> spans = _Spans([(5, 9), (0, 3), (2, 4)])
    >>> [at for at in range(11) if spans.cover(at)]
    [0, 1, 2, 3, 5, 6, 7, 8]
    """

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [begin for begin, _ in ordered]
        self.reach = list(accumulate((end for _, end in ordered), max))  # the furthest end so far

    def cover(self, at: int) -> bool:
        """Whether ``at`` is in one of the spans."""
        index = bisect_right(self.starts, at)
        return index > 0 and self.reach[index - 1] > at


def _template(text: str, start: int, end: int, opener: str) -> Template:
    inner_end = end - (4 if opener.endswith("/*") else len(_CLOSERS[opener]) if opener in _CLOSERS else 3)
    inner = text[start + len(opener) : inner_end]
    self_closing = opener in ("{{<", "{{%") and inner.rstrip().endswith("/")
    name_match = (
        _NAME.match(inner)
        if opener not in ("{", "{{", "{{</*", "{{%/*", "*[", *MATH_OPENERS, *LINE_OPENERS)
        else None
    )
    if opener == "{%":
        inner = inner.strip("-")  # {%- tag -%}
        name_match = _NAME.match(inner)
    name = name_match.group(2) if name_match else ""
    closing = bool(name_match and name_match.group(1)) or (opener == "{%" and name.startswith("end"))
    if opener == "{:":  # {::name …}, {::name … /}, {:/name}: an extension; {: …}, {:ref: …}: attributes
        extension = re.match(r"(:|/)([\w-]*)", inner)
        name = extension.group(2) if extension else ""
        closing = bool(extension and extension.group(1) == "/")
        self_closing = bool(extension and not closing and inner.rstrip().endswith("/"))
    params: list[Param] = []
    if opener in ("{{<", "{{%") and name_match and not closing:
        offset = start + len(opener)
        for param in _PARAM.finditer(inner, name_match.end()):
            raw = param.group(2)
            quote = raw[0] if raw[0] in '"`' else ""
            value = raw[1:-1] if quote else raw
            if quote == '"':
                value = value.replace('\\"', '"')
            params.append(Param(param.group(1), offset + param.start(2), offset + param.end(2), value, quote))
        if not params:  # positional parameters, named by their index: Hugo's ``.Get 0``
            params = _positional_params(inner, name_match.end(), offset)
    elif opener == "{%" and name in _LIQUID_INCLUDES and name_match:  # {% include x.html caption="A" %}
        written = text[start + len(opener) : inner_end]
        offset = start + len(opener) + len(written) - len(written.lstrip("-"))  # ({%- include … -%})
        for param in _LIQUID_PARAM.finditer(inner, name_match.end()):
            raw = param.group(2)
            value = raw[1:-1].replace('\\"', '"') if raw[0] == '"' else raw[1:-1]
            params.append(
                Param(param.group(1), offset + param.start(2), offset + param.end(2), value, raw[0])
            )
    elif opener in ("///", ":::"):  # ``/// note | Title``, ``::: tip Title``: the title, a parameter
        title = (_BLOCK_TITLE if opener == "///" else _CONTAINER_TITLE).match(text, start, end)
        if (
            title is not None
            and title.group("title")
            and not _SELECTOR_BLOCKS.fullmatch(title.groupdict().get("name") or "")
        ):
            params.append(Param("title", title.start("title"), title.end("title"), title.group("title"), ""))
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    prefix = _BLOCK_PREFIX if opener == "///" else _PREFIX
    block = prefix.fullmatch(text, line_start, start) is not None and not text[end:line_end].strip()
    if opener == "{%" and name in ("raw", "endraw") and not block:
        block = _glued_to_a_fence(text, line_start, start, end, line_end, closing)
    return Template(start, end, opener, name, closing, self_closing, tuple(params), block)


def _positional_params(inner: str, at: int, offset: int) -> list[Param]:
    """The positional parameters of a shortcode whose ``inner`` text (at ``offset`` in the source)
    has its name end at ``at``, each named by its index (``"0"``)."""
    params: list[Param] = []
    while (found := _POSITIONAL.match(inner, at)) is not None and found.group(1):
        raw = found.group(1)
        quote = raw[0] if raw[0] in '"`' else ""
        value = raw[1:-1] if quote else raw
        if quote == '"':
            value = value.replace('\\"', '"')
        params.append(Param(str(len(params)), offset + found.start(1), offset + found.end(1), value, quote))
        at = found.end()
    return params


def _glued_to_a_fence(text: str, line_start: int, start: int, end: int, line_end: int, closing: bool) -> bool:
    """Whether a Liquid ``raw`` tag at ``start..end`` opens its line before a fence
    (``{% raw %}```html``), or an ``endraw`` ends it after a closing one (``````{% endraw %}``):
    a block of lines of its own, as Jekyll reads it once Liquid has dropped the tags."""
    if closing:
        return (
            _CLOSING_FENCE.fullmatch(text, line_start, start) is not None and not text[end:line_end].strip()
        )
    return _RAW_OPENING.match(text, line_start, line_end) is not None


def fenced_ranges(text: str, start: int = 0) -> list[tuple[int, int]]:
    """``(start, end)`` of each fenced code block's content (its fence lines included), in order.

    A fence indented by four spaces or more opens a block only inside a list item (elsewhere the line
    is indented code): where there is one, the Markdown parser finds the blocks, with their lists.

    >>> text = "1. Add:\\n\\n    ```\\n    x\\n   ```\\n\\n1. Click {% octicon x %}.\\n"
    >>> [text[a:b] for a, b in fenced_ranges(text, 0)]
    ['    ```\\n    x\\n   ```\\n']
    """
    ranges: list[tuple[int, int]] = []
    if "```" not in text and "~~~" not in text:
        return ranges
    if _INDENTED_FENCE.search(text, start):
        return _parsed_fences(text, start)
    pos = start
    open_at = -1
    fence = ""
    indent = 0  # the opening fence's: a list item's content is indented, its closing fence may be more
    while pos < len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end + 1
        # (Jekyll: a raw block glued to its fences, "{% raw %}```html" … "```{% endraw %}", is a fence
        # once Liquid has dropped the tags: the fence is the code, the tags stand outside it)
        # (or the other way round, "```html{% raw %}" … "{% endraw %}```": the tags are the code's)
        raw = _RAW_OPENING.match(text, pos, end) if open_at < 0 else _ENDRAW_OPENING.match(text, pos, end)
        line = raw.end() if raw else pos
        match = _FENCE.match(text, line, end) if open_at < 0 else _CLOSING_FENCE.match(text, line, end)
        if match:
            marker = match.group(2)
            rest = text[match.end() : end]
            if open_at < 0:
                if not (marker[0] == "`" and "`" in rest):
                    open_at, fence, indent = line, marker, len(match.group(1))
            elif (
                marker[0] == fence[0]
                and len(marker) >= len(fence)
                and len(match.group(1)) <= max(3, indent + 3)
                and (not rest.strip() or _ENDRAW.fullmatch(rest.strip()))
            ):
                ranges.append((open_at, end if not rest.strip() else match.end()))
                open_at = -1
        pos = end
    if open_at >= 0:
        ranges.append((open_at, len(text)))
    return ranges


def _parsed_fences(text: str, start: int) -> list[tuple[int, int]]:
    """:func:`fenced_ranges` of ``text`` from ``start`` on, as the Markdown parser finds them."""
    from .md_parser import reading_parser  # (only for a text with an indented fence)

    line_starts = [start, *(match.end() for match in _LINE_END.finditer(text, start))]
    ranges = []
    for token in reading_parser().parse(text[start:], {}):
        if token.type == "fence" and token.map is not None:
            first, last = token.map
            ranges.append((line_starts[first], line_starts[last] if last < len(line_starts) else len(text)))
    return ranges


def template_tokens(text: str) -> list[str]:
    """Every template token of a unit's text as written, in order, and the rest of the line after
    each opener (``{{<``, ``{{%``, ``{%``, ``{{``) that starts no complete token (a mangled one).

    ``check`` compares a translation's tokens with its source's.

    >>> template_tokens('A {{< x a="1" >}} b {{% y %}}')
    ['{{< x a="1" >}}', '{{% y %}}']
    >>> template_tokens('Una {{< cifra src="x" >} rota')
    ['{{< cifra src="x" >} rota']
    """
    found: list[str] = []
    pos = 0
    for template in scan_templates(text):
        found.extend(_broken_openers(text, pos, template.start))
        found.append(text[template.start : template.end])
        pos = template.end
    found.extend(_broken_openers(text, pos, len(text)))
    return found


def _broken_openers(text: str, start: int, end: int) -> list[str]:
    broken: list[str] = []
    pos = start
    while True:
        match = _OPEN.search(text, pos, end)
        if match is None:
            return broken
        line_end = text.find("\n", match.start(), end)
        line_end = end if line_end < 0 else line_end
        broken.append(text[match.start() : line_end])
        pos = line_end


def markdown_templates(
    text: str, start: int = 0, code: Collection[str] = (), *, kramdown: bool = False
) -> list[Template]:
    """The template tokens of a Markdown article's body from ``start`` on, as its reader keeps them:
    :func:`scan_templates`' tokens, an autolink whose address a template writes and a shortcode
    pair holding code inside a paragraph (``code``: the site's own such shortcodes, beside
    :data:`CODE_SHORTCODES`) each taken as one token; with ``kramdown`` (a Jekyll site), so is a
    ``{::comment}``…``{:/comment}`` or ``{::nomarkdown}``…``{:/nomarkdown}`` pair there."""
    return _with_inline_verbatim(text, _with_autolinks(text, scan_templates(text, start)), code, kramdown)


def _with_autolinks(text: str, templates: list[Template]) -> list[Template]:
    """``templates``, where one that starts the address of an autolink (``<{{% param repo %}}/issues>``,
    ``<{{ site.url }}{{ page.url }}>``: a link once the generator has written the address) takes in
    the whole ``<…>`` and the tokens in it: one token, kept as written (the ``<`` alone would be
    text, and a translation would write it ``&lt;``)."""
    found = []
    index = 0
    while index < len(templates):
        template = templates[index]
        if (
            not template.block
            and template.opener in _ADDRESS_OPENERS
            and text[template.start - 1 : template.start] == "<"
        ):
            end, last = _autolink_end(text, templates, index)
            if end is not None:
                found.append(replace(template, start=template.start - 1, end=end))
                index = last + 1
                continue
        found.append(template)
        index += 1
    return found


#: Template tokens that may write (part of) an address.
_ADDRESS_OPENERS = ("{{<", "{{%", "{{", "{%")
_ADDRESS_TEXT = re.compile(r"[^\s<>]*")


def _autolink_end(text: str, templates: list[Template], index: int) -> tuple[int | None, int]:
    """The end of the autolink whose address starts with ``templates[index]`` (text without spaces
    and more tokens up to its ``>``), and the index of the last token in it; None when the ``<``
    opens no autolink."""
    pos, last = templates[index].end, index
    while True:
        following = templates[last + 1] if last + 1 < len(templates) else None
        limit = following.start if following is not None else len(text)
        pos = _ADDRESS_TEXT.match(text, pos, limit).end()  # type: ignore[union-attr]
        if pos < limit and text[pos] == ">":
            return pos + 1, last
        if (
            following is None
            or pos != following.start
            or following.block
            or following.opener not in _ADDRESS_OPENERS
        ):
            return None, index
        pos, last = following.end, last + 1


def _with_inline_verbatim(
    text: str, templates: list[Template], code: Collection[str] = (), kramdown: bool = False
) -> list[Template]:
    """``templates``, where a shortcode pair inside a paragraph whose inside is code (Hugo's
    ``{{< highlight go >}}``, Docsy's ``{{< card code=true >}}``, math: ``{{< katex >}}``, one of
    ``code``) or a comment is one token from its
    opening to its closing one, kept as written: code is neither offered nor escaped (``File[]
    files`` was written ``File&#91;&#93; files``), a comment for writers is not offered. With
    ``kramdown``, so is a pair of kramdown's ``{::comment}`` (its text never shown) or
    ``{::nomarkdown}`` (raw HTML, as a block of them is kept)."""
    pairs = outermost(  # (the code pairs first: one inside a {{% mark %}} pair is code too)
        [
            (opener, closer)
            for opener, closer in closed_pairs(
                t for t in templates if not t.block and (t.shortcode or (kramdown and _kramdown_verbatim(t)))
            )
            if (opener.opener == "{:" or inside_not_prose(opener, code))
            and not _BLANK_LINE.search(text, opener.end, closer.start)
        ]
    )
    if not pairs:
        return templates
    whole = {
        opener.start: replace(opener, end=closer.end, self_closing=True, params=())
        for opener, closer in pairs
    }
    spans = [(opener.start, closer.end) for opener, closer in pairs]
    return [
        whole.get(template.start, template)
        for template in templates
        if template.start in whole or not any(start <= template.start < end for start, end in spans)
    ]


#: Shortcodes whose inside is code, math or a diagram, never prose: Hugo's ``highlight``, the
#: ``katex`` and ``mermaid`` of hugo-book and Hextra, ``math`` (a TeX ``\pi(x)`` was offered); a
#: site names its own in ``[extract.shortcodes] code``.
CODE_SHORTCODES = frozenset({"highlight", "katex", "mermaid", "math"})


def inside_not_prose(opener: Template, code: Collection[str] = ()) -> bool:
    """Whether the inside of the shortcode pair ``opener`` opens is code (math, a diagram: one of
    :data:`CODE_SHORTCODES` or ``code``, the site's own), or never published (a ``comment``: Hugo's,
    Docsy's).

    >>> [inside_not_prose(t, ("terminal",)) for t in scan_templates("{{< terminal >}} {{< note >}} {{% terminal %}}")]
    [True, False, False]
    """
    if opener.name == "comment":
        return True
    if opener.opener != "{{<":  # (with ``{{%``, Hugo renders the inside as Markdown)
        return False
    return opener.name in CODE_SHORTCODES or opener.name in code or says_true(opener, "code")


def closed_pairs(templates: Iterable[Template]) -> list[tuple[Template, Template]]:
    """Each opening token of ``templates`` with the token that closes it, in the order they close (an
    opening token left open by a later closing one is no pair: ``{% if %}{{< x >}}{% endif %}``)."""
    pairs: list[tuple[Template, Template]] = []
    stack: list[Template] = []
    for template in templates:
        if template.closing:
            for depth in range(len(stack) - 1, -1, -1):
                if template.closes(stack[depth]):
                    pairs.append((stack[depth], template))
                    del stack[depth:]
                    break
        elif template.pair_key() is not None:
            stack.append(template)
    return pairs


def outermost(pairs: list[tuple[Template, Template]]) -> list[tuple[Template, Template]]:
    """The pairs of ``pairs`` inside no other one, in order."""
    found: list[tuple[Template, Template]] = []
    for pair in sorted(pairs, key=lambda p: p[0].start):
        if not found or pair[0].start >= found[-1][1].end:
            found.append(pair)
    return found


def tabpane_of(tab: Template, pairs: list[tuple[Template, Template]]) -> Template | None:
    """The opening token of the Docsy ``tabpane`` of ``pairs`` the ``tab`` token stands in, if any."""
    if tab.name != "tab" or not tab.shortcode or tab.closing:
        return None
    panes = [
        opener
        for opener, closer in pairs
        if opener.name == "tabpane" and opener.end <= tab.start < closer.start
    ]
    return max(panes, key=lambda opener: opener.start, default=None)


def names_its_language(tab: Template, pane: Template) -> bool:
    """Whether the label of the Docsy ``tab`` is also the language its code is highlighted as: a tab
    naming no ``lang`` of its own in a ``{{< tabpane langEqualsHeader=true >}}`` (``{{< tab toml >}}``;
    a label tab, ``{{< tab header="Config:" disabled=true />}}``, too: Hugo writes the label into the
    ``class`` of its empty code block as it is, where a translation's words would be classes)."""
    return says_true(pane, "langEqualsHeader") and not any(param.name == "lang" for param in tab.params)


def verbatim_pairs(
    templates: list[Template], markdown_inside: tuple[str, ...] = (), code: Collection[str] = ()
) -> list[tuple[Template, Template]]:
    """Block pairs whose inside is kept as written: ``{{< x >}}…{{< /x >}}`` (unless ``x`` is one of
    ``markdown_inside`` and its inside no code, see :func:`inside_not_prose`: a callout whose inside
    is prose, or the pair says ``text=true``, as Docsy's
    ``{{< tabpane text=true >}}`` does of its tabs, or stands inside such a pair, or holds a
    ``{{% x %}}`` pair, whose inside Hugo renders as Markdown: hugo-book's ``{{< tabs >}}`` of
    ``{{% tab %}}``) and Liquid ``raw``, ``comment``, ``highlight`` blocks, each standing on lines of
    its own without a container prefix."""
    pairs = closed_pairs(template for template in templates if template.block)
    prose = [(opener.start, closer.end) for opener, closer in pairs if _says_text(opener)]
    markdown = [opener.start for opener, _ in pairs if _renders_markdown(opener)]
    return outermost(
        [
            (opener, closer)
            for opener, closer in pairs
            if _keeps_inside(opener)
            and (opener.name not in markdown_inside or inside_not_prose(opener, code))
            and not any(start <= opener.start < end for start, end in prose)
            and not (
                _may_hold_markdown(opener, code)
                and any(opener.end <= start < closer.start for start in markdown)
            )
        ]
    )


def _renders_markdown(opener: Template) -> bool:
    """Whether Hugo renders the inside of the shortcode pair ``opener`` opens as Markdown: a
    ``{{% x %}}`` pair, not a ``comment`` nor one of code (Docsy's ``{{% tab lang="go" %}}``)."""
    return (
        opener.opener == "{{%"
        and not _keeps_inside(opener)
        and not any(p.name == "lang" for p in opener.params)
    )


def _may_hold_markdown(opener: Template, code: Collection[str] = ()) -> bool:
    """Whether the block pair ``opener`` opens reads as Markdown the ``{{% x %}}`` pairs inside it: a
    ``{{< x >}}`` pair whose inside is no code (hugo-book's ``{{< tabs >}}``; ``code``: the site's
    own code shortcodes), not Docsy's ``tabpane``, whose tabs are code unless it says ``text=true``,
    nor Liquid's ``raw`` or ``highlight`` or kramdown's ``{::nomarkdown}``, whose inside is never Markdown."""
    return opener.opener == "{{<" and opener.name != "tabpane" and not inside_not_prose(opener, code)


def _says_text(opener: Template) -> bool:
    """Whether a shortcode pair's inside is text by its own word: ``text=true`` (Docsy's tabs)."""
    return opener.opener == "{{<" and says_true(opener, "text")


def says_true(template: Template, name: str) -> bool:
    """Whether ``template`` has the parameter ``name=true`` (``code=true``, ``text=true``)."""
    return any(param.name == name and param.value.lower() == "true" for param in template.params)


def _kramdown_verbatim(template: Template) -> bool:
    """Whether ``template`` opens or closes a kramdown extension whose inside is not Markdown."""
    return template.opener == "{:" and template.name in _VERBATIM_KRAMDOWN


def _keeps_inside(template: Template) -> bool:
    if template.opener == "{{<" or (template.opener == "{{%" and template.name == "comment"):
        return True
    if template.opener == "{:":
        return _kramdown_verbatim(template)
    return template.opener == "{%" and template.name in _VERBATIM_LIQUID


def shortcode_value(text: str) -> str:
    """A translated shortcode parameter, quoted the way Hugo reads it back as ``text``.

    >>> shortcode_value('A "red" skier'), shortcode_value("plain")
    ('`A "red" skier`', '"plain"')
    """
    text = " ".join(text.split())
    if '"' not in text and "\\" not in text:
        return f'"{text}"'
    if "`" not in text:
        return f"`{text}`"
    return '"' + text.replace("\\", "/").replace('"', '\\"') + '"'


#: What a shortcode's template may render as a link, an image or HTML when it reads a parameter as
#: Markdown (Hugo's ``figure`` does with ``caption``: ``markdownify``, raw HTML too with ``unsafe``;
#: an e-mail address is a ``mailto:`` link with Goldmark's linkify; ``[docs]`` and ``[^1]``, a link to
#: the page's definition or footnote where the shortcode's output is the page's Markdown: ``{{% x %}}``).
_PARAM_MARKUP = re.compile(r"<[A-Za-z/!?]|\]\(|\]\[|\]:|\]|://|[wW]{3}\.|(?<=[\w.+-])@(?=[\w-]+\.\w)")
#: Each match of :data:`_PARAM_MARKUP` in words (any other: ``<`` and a letter, HTML).
_MARKUP_WORDS = {
    "](": "a link or an image", "][": "a reference link", "]:": "a link definition", "]": "a reference link",
    "://": "a URL", "www.": "a URL", "@": "an e-mail address",
}  # fmt: skip
#: A whole HTML tag, attributes and all (``<i class='fa'>``, ``</i>``), for :func:`markup_added`.
_HTML_TAG = re.compile(r"<[A-Za-z/!?][^<>]*>")
#: Where a tag starts, for a browser.
_TAG_START = re.compile(r"<[A-Za-z/!?]")
#: Where a link of a parameter read as Markdown goes: ``[x](here)``, ``[x](<here>)``, ``[x]: here``.
_PARAM_LINK_TARGET = re.compile(r"\](?:\(|:)\s*<?([^\s)>]*)")


#: Words in square brackets that only a link definition of the page could make a link (CommonMark's
#: shortcut reference link, ``[updated]``): not part of a full reference (``[a][b]``, ``[a] [b]`` in
#: Python-Markdown), a link (``[a](b)``), a definition (``[a]: b``) or a footnote reference (``[^a]``).
_PLAIN_BRACKETS = re.compile(r"(?<![\\\]])(?<!\][ \n])\[((?!\^)[^\[\]\n]+)\](?![ \n]?[\[(]|:)")


def _unless_defined(found: re.Match[str], labels: Collection[str]) -> str:
    """The brackets of ``found`` (a :data:`_PLAIN_BRACKETS` match) as text (with no bracket) when no
    definition of ``labels`` names their words, else as they are."""
    words = found.group(1)
    return found.group() if _label(words) in labels else f"({words})"


def plain_brackets(text: str, labels: Collection[str]) -> list[str]:
    """The words that ``text`` writes in square brackets a link definition of the page (``labels``)
    names, which would make them a link where a site renders ``text`` as Markdown.

    >>> plain_brackets("Fähre [Fahrplan] und [neu]", frozenset({"FAHRPLAN"}))
    ['Fahrplan']
    """
    return [found.group(1) for found in _PLAIN_BRACKETS.finditer(text) if _label(found.group(1)) in labels]


def _label(words: str) -> str:
    """``words`` as a link definition's label is matched (markdown-it's normalizeReference: loaded
    here, not at start-up, where a compile of HTML articles never needs markdown-it)."""
    from markdown_it.common.utils import normalizeReference

    return normalizeReference(words)


def liquid_param(source: str, raw: str, text: str, labels: Collection[str] | None = None) -> str:
    r"""A translated parameter of a Liquid include, quoted as Jekyll reads it back (its own single
    quotes kept where they can hold it, else double quotes, ``\"`` inside);
    the parameter as written (``raw``) when the translation holds markup its ``source`` value does
    not (see :func:`shortcode_param`; ``labels``: the page's link definitions, whose Markdown an
    include's output is part of), a double quote its ``source`` does not (which would end the
    attribute an include writes it in), a backslash (which Jekyll's reading would take as an escape)
    or ``%}`` (the end of the tag, for Liquid, even inside quotes).

    >>> print(liquid_param('The "dock"', r'"The \"dock\""', 'El "muelle"'), liquid_param("A", '"A"', "B\\"))
    "El \"muelle\"" "A"
    >>> print(liquid_param("Dock", "'Dock'", "El muelle"), liquid_param("Dock", "'Dock'", "L'eau"))
    'El muelle' "L'eau"
    >>> print(liquid_param("The dock", '"The dock"', 'x" onerror="alert(1)'))
    "The dock"
    >>> print(liquid_param("The dock", '"The dock"', "El 100 %} muelle"))
    "The dock"
    """
    if (
        unwritable_param(text, liquid=True, source=source)
        or shortcode_param(source, raw, text, labels) == raw
    ):
        return raw
    text = " ".join(text.split())
    if raw.startswith("'") and "'" not in text:  # the source's quotes, where they can hold it
        return f"'{text}'"
    return '"' + text.replace('"', '\\"') + '"'


def shortcode_param(source: str, raw: str, text: str, labels: Collection[str] | None = None) -> str:
    """A translated shortcode parameter (:func:`shortcode_value`), or the parameter as written
    (``raw``) when the translation holds a link, an image, a bare URL or HTML that its ``source``
    value does not: the translation of a parameter is text, and cannot add markup to the page.
    With ``labels`` (those of the page's link definitions), words in square brackets that none
    names are text (see :func:`markup_added`): a ``{{% x %}}`` shortcode's output is the page's
    Markdown, where only a definition of the page makes them a link.

    >>> shortcode_param("The dock.", '"The dock."', "El muelle.")
    '"El muelle."'
    >>> shortcode_param("The dock.", '"The dock."', "El [muelle](https://evil.example) <img src=x>.")
    '"The dock."'
    >>> shortcode_param("See https://a.example.", '"See https://a.example."', "Ver https://a.example.")
    '"Ver https://a.example."'

    A link of the source stays a link in a translation only where it goes where the source's does:

    >>> shortcode_param("A [pod](/pods/).", '"A [pod](/pods/)."', "Ein [Pod](/pods/).")
    '"Ein [Pod](/pods/)."'
    >>> shortcode_param("A [pod](/pods/).", '"A [pod](/pods/)."', "Ein [Pod](javascript:alert(1)).")
    '"A [pod](/pods/)."'

    >>> shortcode_param("A boat", '"A boat"', "Ein Boot [neu]"), shortcode_param("A boat", '"A boat"', "Ein Boot [neu]", frozenset())
    ('"A boat"', '"Ein Boot [neu]"')
    """
    if unwritable_param(text):
        return raw
    return raw if adds_markup(source, text, labels) else shortcode_value(text)


def tab_label_param(source: str, raw: str, text: str, labels: Collection[str] | None = None) -> str:
    """A Docsy tab's translated label (:func:`shortcode_param`, with ``labels``), or the label as
    written (``raw``) when the translation holds a double quote (see :func:`unwritable_param`).

    >>> print(tab_label_param("Shell", '"Shell"', "Die Shell"), tab_label_param("Shell", '"Shell"', 'a" onclick=x y="'))
    "Die Shell" "Shell"
    """
    return raw if unwritable_param(text, label=True) else shortcode_param(source, raw, text, labels)


def unwritable_param(text: str, *, liquid: bool = False, label: bool = False, source: str = "") -> str | None:
    r"""What in ``text``, a shortcode's (or with ``liquid``, a Liquid include's; with ``label``, a
    Docsy tab's label) translated parameter, no quoting writes back as it is, or as the site needs
    it, in words; None: nothing. A Liquid include's value holds a double quote only where its
    ``source`` does: Jekyll escapes nothing, and an include writes its parameters into attributes
    (Jekyll's own example: ``alt="{{ include.alt }}"``), which a ``"`` would end.

    >>> unwritable_param("C:\\ in `x`")
    'a backtick and a backslash, which no quoting of a shortcode parameter holds as written'
    >>> unwritable_param("C:\\", liquid=True), unwritable_param("C:\\")
    ('a backslash, which Jekyll would read as an escape', None)
    >>> unwritable_param('x" onerror="alert(1)', liquid=True, source="A ferry")
    'a double quote, which would end the HTML attribute an include writes it in (Jekyll escapes nothing)'
    """
    if liquid:
        if "\\" in text:
            return "a backslash, which Jekyll would read as an escape"
        if "%}" in text:  # (Liquid ends the tag at the first %}, quoted or not: the site would not build)
            return "%}, which ends the Liquid tag"
        if '"' in text and '"' not in source:
            return "a double quote, which would end the HTML attribute an include writes it in (Jekyll escapes nothing)"
    if label and '"' in text:  # (Docsy's tabpane writes it in an attribute as Go quotes it: "a\\" b")
        return "a double quote, which ends the HTML attribute Docsy writes a tab's label in"
    if "`" in text and "\\" in text:  # (shortcode_value would change the backslash)
        return "a backtick and a backslash, which no quoting of a shortcode parameter holds as written"
    return None


def adds_markup(source: str, text: str, labels: Collection[str] | None = None) -> bool:
    """Whether ``text``, a translation of ``source`` written as it is where a site may render it as
    Markdown, holds a link, an image, a bare URL or HTML that ``source`` does not, or sends one of
    ``source``'s links elsewhere (``labels``: see :func:`markup_added`).

    >>> adds_markup("The dock.", "El muelle <img src=x>."), adds_markup("A [pod](/p/).", "Un [pod](/p/).")
    (True, False)
    """
    return bool(markup_added(source, text, labels))


def markup_added(source: str, text: str, labels: Collection[str] | None = None) -> list[str]:
    """What :func:`adds_markup` finds in ``text`` that ``source`` does not have, in words, each once.
    With ``labels``, the labels of the link definitions of the page (normalized as markdown-it
    does), words in square brackets that no definition names are text (:func:`plain_brackets`).

    >>> markup_added("Ferry news", "Fährnachrichten [aktualisiert]")
    ['a reference link']
    >>> markup_added("Ferry news", "Fährnachrichten [aktualisiert]", labels=frozenset())
    []
    >>> markup_added("Ferry news", "Fährnachrichten [Fahrplan]", labels=frozenset({"FAHRPLAN"}))
    ['a reference link']

    >>> markup_added("Write to us.", "Escríbanos a info@port.example o <b>aquí</b>.")
    ['an e-mail address', 'HTML']
    >>> markup_added("A [pod](/p/).", "Un [pod](/q/)."), markup_added("A [pod](/p/).", "Un [pod](/p/).")
    (["a link that goes elsewhere than the source's"], [])

    A tag of the source is kept only as the source writes it, with no attribute added:

    >>> markup_added("<i class='fa'></i> Go", "<i class='fa' onclick='x()'></i> Los"), markup_added("<b>Go</b>", "<b>Los</b>")
    (['HTML'], [])
    >>> markup_added("<i class='fa'></i> Go", "<i class='fa' onclick='x()//<'></i> Los")
    ['HTML']
    >>> markup_added("<i class='fa'></i> Go", "<i class='fa' onclick=x() </i> Los")
    ['HTML']
    """
    if labels is not None and "]" in text:
        text = _PLAIN_BRACKETS.sub(lambda found: _unless_defined(found, labels), text)
    if not _PARAM_MARKUP.search(text):
        return []
    allowed = Counter(match.group().lower() for match in _PARAM_MARKUP.finditer(source))
    found = Counter(match.group().lower() for match in _PARAM_MARKUP.finditer(text))
    added = found - allowed
    if added:
        return list(dict.fromkeys(_MARKUP_WORDS.get(item, "HTML") for item in added))
    rest = text
    for tag in _HTML_TAG.findall(source):  # (each as many times as the source writes it)
        rest = rest.replace(tag, "", 1)
    if _TAG_START.search(rest):  # (one more, changed, or that a "<" in a quote or a lost ">" hides)
        return ["HTML"]
    moved = Counter(_PARAM_LINK_TARGET.findall(text)) - Counter(_PARAM_LINK_TARGET.findall(source))
    return ["a link that goes elsewhere than the source's"] if moved else []
