"""Writing translated text into Markdown so that it stays text: untrusted text never becomes markup.

A translation is written on one line (its line breaks become spaces). It must read the same in Hugo
(Goldmark, CommonMark), Jekyll (kramdown) and MkDocs (Python-Markdown), which do not take the same
backslash escapes: a backslash is written only before a character all three take escaped
(``\\ ` * _ { } [ ] ( ) > # + - . !``: ``\\*``, ``\\_``, and ``\\|``, which MkDocs takes
with the ``tables`` extension it always loads); anything else Markdown could read as markup is
written as a character reference, which all three show as the character: ``[`` and ``]`` (``\\[``
is display math where Hugo passes math through), ``<`` of a tag, a comment
or an autolink as ``&lt;``, ``&`` of an entity as ``&amp;``, ``~`` (strikethrough) as ``&#126;``
(a ``~`` or ``*`` between two spaces, which no renderer reads as markup, as it is: ``5 * 3``), and
at the start of a line ``=`` (a setext underline), ``:`` (a definition) and ``?`` (``???`` details)
as ``&#61;``, ``&#58;`` and ``&#63;``. The ``:`` of ``https://``, the ``.`` of ``www.`` and an
``@`` of an address, which Goldmark's linkify would make links of, are written ``&#58;``, ``&#46;``
and ``&#64;``; what MkDocs' magiclink (with its shorthands) would link is text too: ``\\#12``,
``\\!3``, ``&#63;4``, ``&#64;anna``, a commit's first digit a reference (a word the source writes as
it is stays so: :func:`magiclinks_in`), and a ``{`` that opens CriticMarkup (``{++``, ``{--``…:
pymdownx.critic reads the raw text, a backslash does not stop it) is ``&#123;`` (the source's own
spans: :mod:`.md_critic`);
a character that starts a block only at the start of a line (``#``, ``>``, ``-``, ``+``, ``1.``)
is escaped where a text piece starts; the first ``$`` of math (kramdown's ``$$``, arithmatex's and
Hugo's ``$x$``) is written ``&#36;``; ``{{`` and ``{%`` — which Hugo and Jekyll read before Markdown, where a backslash does
not help — are written ``&#123;{`` and ``&#123;%``. A bare URL of the source that a translation
glues text to is written as a link on its own (:func:`standalone_url`). What would open MkDocs'
pymdownx markup (``==mark==``, ``^^ins^^``, ``^sup^``, ``++ctrl+alt++``) is written ``&#61;``, ``&#94;``,
``&#43;`` (:func:`_without_pymdownx_markup`): ``a == b``, ``a ^ b`` and ``C++`` open nothing and stay.

In the lines right under a ``<div markdown="1">`` of its own, up to a blank line, which Goldmark (Hugo)
reads as raw HTML and kramdown and Python-Markdown as Markdown, a backslash would show in Hugo: there
every escape is a character reference (``as_references``: ``&#42;``, ``&#96;``, ``1&#46;``), which
all three read as the character and none as markup.
"""

from __future__ import annotations

import functools
import html
import re
from collections.abc import Callable

#: What may follow a ``{`` that a generator or a plugin reads before Markdown: Hugo's and Liquid's
#: ``{{`` and ``{%``, Jinja's comment ``{#`` (mkdocs-macros), mdx_include's ``{!file!}`` (which takes
#: ``\\{!`` for its own escape and drops the backslash). A translation writes that ``{`` ``&#123;``.
TEMPLATE_OPENERS = "{%#!"
_TEMPLATE_OPENING = rf"\{{(?=[{TEMPLATE_OPENERS}])"
#: The ``{`` of such an opening.
_OPENS_TEMPLATE = re.compile(_TEMPLATE_OPENING)


#: Characters that may start or end markup anywhere in a line.
_INLINE = re.compile(
    r"\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash that would escape what follows (before a letter or a
    # space it is text in every renderer; MkDocs' escapeall reads "\ " as a no-break space)
    r"|[`\[\]|]"  # code, links, table cells
    # emphasis, strikethrough: not a * or ~ between two spaces of the piece (5 * 3, "use ~ for home"),
    # which opens and closes nothing in Goldmark, kramdown or Python-Markdown (NOT_STRONG_RE; pymdownx'
    # tilde too); at a piece's edge, what is beside it is not known
    r"|(?<![ \t])[*~]|[*~](?![ \t])"
    r"|(?<![^\W_])_|_(?![^\W_])"  # an underscore not inside a word
    r"|<(?=[A-Za-z/!?]|$)"  # a tag, a comment, an autolink (Python-Markdown's <…@…>: _no_mail_autolink)
    r"|&(?=#|[A-Za-z][A-Za-z0-9]*;)"  # an entity
    r"|\{"  # attributes {.class}; {{ and {% of Hugo and Liquid
    r"|:(?=//)|(?<=[wW]{3})\.|(?<=[\w.+-])@(?=\w)"  # bare URLs and e-mail addresses, which linkify makes links
    # (and a piece that starts //, which the piece before it may end with a scheme: a sentence ending
    # "https:" and the next starting "//evil.example", where a spaceless language joins them)
    r"|^/(?=/)"
    r"|\$(?=\$|[^\s$\d`](?:[^$\n`]*[^\s\\`])?\$(?![\d$]))"  # math: $$ (kramdown), $x$ (arithmatex, Hugo)
    # MkDocs' magiclink (with its shorthands): an issue #1, a pull request !2, a discussion ?3, a
    # mention @user (@user/repo, @twitter:user)
    r"|[#!?](?=[1-9])|@(?=[\w.])"
)
#: What starts a block at the start of a line: headings (any ``#``: Python-Markdown, MkDocs' reader,
#: needs no space after it), quotes, list items, setext lines, definitions, ordered list items, admonitions,
#: and the lines that include a file or open a container: pymdownx.snippets' ``--8<--`` (MkDocs),
#: VitePress' ``<<< @/file`` and ``:::``, pymdownx.blocks' ``///`` (its first character is written
#: escaped: ``\--8<--``, ``&lt;<<``, ``&#47;//``).
_LINE_START = re.compile(
    r"#+|>|([-+*=])\1*(?=[ \t]|$)|[-*_]{3,}|:(?=[ \t])|\d{1,9}(?=[.)](?:[ \t]|$))|!!!|\?\?\?"
    r"|(?:[A-Za-z]|[ivxlcdm]+|[IVXLCDM]+)(?=[.)](?:[ \t]|$))"  # pymdownx.fancylists: a. iv) B)
    r"|-(?=-*8<-)|<(?=<<)|/(?=//)|:(?=::)"
)
#: What MkDocs' callouts extension (markdown-callouts) reads as an admonition's start at the start of
#: a paragraph or of a quote's line: a word of two capitals or more and a colon, a space or line break after.
CALLOUT_MARKER = re.compile(r"[A-Z]{2,}:(?=[ \t\n]|$)")
_SPACES = re.compile(r"[\r\n\t\v\f\u2028\u2029]+")


def escape_markdown(text: str, as_references: bool = False) -> str:
    """``text`` as Markdown that shows exactly ``text``, on one line (anywhere in a line);
    ``as_references``: each escape a character reference (see the module's docstring).

    >>> print(escape_markdown("*evil* [x](javascript:alert(1)) <script> R&D snake_case"))
    \\*evil\\* &#91;x&#93;(javascript:alert(1)) &lt;script> R&D snake_case
    >>> print(escape_markdown("{{< x >}} {% if %} {.y} &amp; C# # a | b ~~c~~"))
    &#123;\\{< x >}} &#123;% if %} \\{.y} &amp;amp; C# # a \\| b &#126;&#126;c&#126;&#126;
    >>> print(escape_markdown("https://evil.example www.evil.example me@evil.example"))
    https&#58;//evil.example www&#46;evil.example me&#64;evil.example
    >>> print(escape_markdown("Fixed #12, !3, ?4 by @anna {--y--}, C# 5! why?"))
    Fixed \\#12, \\!3, &#63;4 by &#64;anna &#123;--y--}, C# 5! why?
    >>> print(escape_markdown("It costs $$5 and $$6, or $7."))
    It costs &#36;$5 and &#36;$6, or $7.
    >>> print(escape_markdown("5 * 3 = 15, ~ 50 people, ~60 *more*"))
    5 * 3 = 15, ~ 50 people, &#126;60 \\*more\\*
    >>> print(escape_markdown("*a* `b` a|b \\\\ c #", as_references=True))
    &#42;a&#42; &#96;b&#96; a&#124;b \\ c &#35;
    """
    text = _SPACES.sub(" ", text)
    if not text:
        return text
    text = _INLINE.sub(_escape_reference if as_references else _escape_one, text)
    text = _without_pymdownx_markup(text)
    if "<" in text and ("@" in text or "&#64;" in text):
        text = _STRETCH.sub(_no_mail_autolink, text)
    if len(text) >= 40:
        text = _COMMIT.sub(_no_commit, text)
    if "@" in text:  # (an @ before any space of a piece may end Python-Markdown's <…@…> a piece before opens)
        text = _LEADING.sub(lambda match: match.group().replace("@", "&#64;"), text, count=1)
    if text.endswith("#"):  # a closing sequence of an ATX heading (to Python-Markdown, even glued: C#)
        text = text[:-1] + ("&#35;" if as_references else "\\#")
    if text.endswith("  "):  # two spaces before a line end are a hard break
        text = text.rstrip(" ") + " "
    return text


#: A stretch of text with no space or ``>`` in it, where Python-Markdown's ``<…@…>`` may be.
_STRETCH = re.compile(r"[^\s>]+")


def _no_mail_autolink(match: re.Match[str]) -> str:
    """The stretch ``match`` found (see :data:`_STRETCH`) with each ``<`` before its last ``@`` (or
    ``&#64;``) as ``&lt;``: no e-mail autolink (``<a@b>``, ``<<}@x>``) can start there. (A pass over the stretches,
    not a look ahead from each ``<``, which took a time growing with the square of a run of them.)

    >>> escape_markdown("x <:@:> or <<<<@ y, <3 me")
    'x &lt;:@:> or &lt;&lt;&lt;&lt;@ y, <3 me'
    """
    stretch = match.group()
    at = max(stretch.rfind("@"), stretch.rfind("&#64;"))  # (an escaped one the source's word may put back)
    if at < 0 or "<" not in stretch[:at]:
        return stretch
    return stretch[:at].replace("<", "&lt;") + stretch[at:]


#: What starts a piece up to a space, ``<`` or ``>``.
_LEADING = re.compile(r"^[^\s<>]+")
#: Forty hexadecimal digits or more, which MkDocs' magiclink may link as a commit.
_COMMIT = re.compile(r"[0-9a-f]{40,}")


def _no_commit(match: re.Match[str]) -> str:
    """The digits ``match`` found with every 39th a character reference (the first too): no forty
    of them in a row."""
    run = match.group()
    return "".join(_reference(char) if index % 39 == 0 else char for index, char in enumerate(run))


#: A run of ``=`` (two or more) or ``^``: pymdownx' ``==mark==`` (mark), ``^^ins^^`` and ``^sup^``
#: (caret), smart or not, open and close with one that is not between two spaces. At a piece's
#: edge, what is beside it is not known: it may.
_MARK_RUN = re.compile(r"={2,}|\^+")
#: ``++ctrl+alt++`` (pymdownx.keys): a ``++`` before keys and ``++``, in the piece (a key's letters
#: cannot run across other markup) ...
_KEYS = re.compile(r"\+(?=\+[\w\-]+(?:\+[\w\-]+)*\+\+)")
#: ... and a ``+`` right after a quote before ``+`` or a key's letter: every run of quoted keys
#: (``++"Ctrl"+'a b'++``, whose quotes may hold other markup) ends with one in the piece it ends in.
_QUOTED_KEYS = re.compile(r"(?<=[\"'])\+(?=[+\w\-])")
#: ... and a ``+`` before a quote, alone (``C++'s`` stays: the empty key between its two is none):
#: inside quoted keys (``++'b c+'++``) pymdownx.keys splits at it, the quote after it opening
#: another key (an escape, ``\+``, it does not split at, and skips).
_BEFORE_QUOTE = re.compile(r"\\.|\++", re.S)


def _without_pymdownx_markup(written: str) -> str:
    r"""``written`` (escaped) with what would open or close ``==mark==``, ``^^ins^^``, ``^sup^`` or
    open ``++keys++`` in MkDocs (pymdownx's mark, caret and keys, smart or not) as character
    references, which every renderer shows as the characters; ``a == b``, ``a ^ b``, ``C++`` and
    ``i++`` open nothing and stay as they are (the source's own runs: see :mod:`.md_runs`).

    >>> print(_without_pymdownx_markup("==x== ^^y^^ ^z^ ++ctrl+alt++ a == b, a ^ b, a ^^^ b, x^2, C++ and i++"))
    &#61;&#61;x&#61;&#61; &#94;&#94;y&#94;&#94; &#94;z&#94; &#43;+ctrl+alt++ a == b, a ^ b, a &#94;&#94;&#94; b, x&#94;2, C++ and i++
    >>> print(_without_pymdownx_markup("x^a\\ ^ b"))
    x&#94;a\ &#94; b

    Quoted keys (``++"Mein Taste"++``) may hold other markup, from pieces beside this one: the ``+``
    after a quote is written so wherever it could go on to more keys:

    >>> print(_without_pymdownx_markup('++"Mein Taste"++ and \'a\'+b++, but C++\'s "C++"'))
    ++"Mein Taste"&#43;+ and 'a'&#43;b++, but C++'s "C++"
    >>> print(_without_pymdownx_markup("++'b c+'++"))
    ++'b c&#43;'&#43;+
    """
    if "==" in written or "^" in written:
        written = _MARK_RUN.sub(_inert_run, written)
    if "+" in written:
        written = _QUOTED_KEYS.sub("&#43;", written)
        written = _BEFORE_QUOTE.sub(_lone_plus, written)
        while _KEYS.search(written):
            written = _KEYS.sub("&#43;", written)
    return written


def _lone_plus(match: re.Match[str]) -> str:
    """What :data:`_BEFORE_QUOTE` found, with a lone ``+`` before a quote as a character reference
    (a run of ``+`` matched whole: looking for a quote after each of its ``+`` took n² time)."""
    after = match.string[match.end() : match.end() + 1]
    return "&#43;" if match.group() == "+" and after and after in "\"'" else match.group()


def _inert_run(match: re.Match[str]) -> str:
    """The run of ``=`` or ``^`` ``match`` found as it is between two spaces, else as references
    (three carets or more are ``^sup^`` of a caret even there: ``a ^^^ b``; three ``=`` or more end
    a ``==mark`` before them there: ``a ==x b === c``).

    >>> print(_without_pymdownx_markup("a == b, a === b, a ^^^ b"))
    a == b, a &#61;&#61;&#61; b, a &#94;&#94;&#94; b
    """
    text, start, end, run = match.string, match.start(), match.end(), match.group()
    spaced = (
        text[start - 1 : start].isspace() and text[start - 2 : start - 1] != "\\"
    )  # ("\ ": no space to pymdownx)
    if spaced and text[end : end + 1].isspace() and len(run) <= 2:
        return match.group()
    return _reference(match.group()[0]) * len(match.group())


#: Punctuation an author escapes for an extension rather than for CommonMark: MkDocs' magiclink
#: (``\#1`` an issue, ``\@anna`` a mention, ``\!2`` a pull request), emoji (``\:smile:``),
#: pymdownx's caret, mark and tilde (``\^``, ``\=``, ``\~``), critic (``\+``).
EXTENSION_ESCAPES = frozenset("#@!:^=+~?")
#: An escaped character of :data:`EXTENSION_ESCAPES` and the word after it (``\#1432``, ``\@anna``).
_ESCAPED = re.compile(r"\\([#@!:^=+~?])(\w*)")
#: Punctuation whose escape Python-Markdown (MkDocs without escapeall: it takes only
#: ``\`*_{}[]()>#+-.!``) or kramdown (Jekyll: ``\%``, ``\,``, ``\/``, ``\;``, ``\&``) shows with its
#: backslash, and which :func:`escape_markdown` writes as it is where it makes no markup: a
#: translation writes the source's backslash before it (see :func:`escaped_in`). Goldmark (Hugo)
#: shows the character either way (and its typographer curls a bare quote, not an escaped one).
SHOWN_ESCAPES = frozenset("\"'$%,/;<&")
#: A token of Markdown as written: an escape, a character reference, or a character.
WRITTEN_TOKEN = re.compile(r"\\[!-/:-@\[-`{-~]|&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|.", re.S)
#: The word after a character, a space or tab before it skipped (``Q&A``, ``Tom & Jerry``: what a
#: translation's same character is matched by).
_WORD = re.compile(r"[ \t]?(\w*)")


def escaped_in(source: str) -> str:
    r"""What ``source`` (Markdown as written) escapes for an extension: each escaped character of
    :data:`EXTENSION_ESCAPES` with the word after it, separated by spaces (a translation of its text
    escapes them too, where they stand with that word: ``#12`` stays a link when ``\#1432`` is
    escaped beside it).

    >>> escaped_in(r"Fixed in \#1432 by \@anna in #12, see *this* \*"), escaped_in("no escapes")
    ('#1432 @anna', '')

    A lone asterisk escaped between spaces (``2 \* 3``, which a translation would write as it is)
    is kept escaped too:

    >>> escaped_in(r"2 \* 3 and \*not bold\*")
    '*'

    And what it escapes of :data:`SHOWN_ESCAPES` (see :func:`shown_escapes_in`).
    """
    found = [char + word for char, word in _ESCAPED.findall(source)] + _ESCAPED_ALONE.findall(source)
    if "\\" in source:
        found += shown_escapes_in(source)
    return " ".join(dict.fromkeys(found))


def shown_escapes_in(source: str) -> list[str]:
    r"""The characters of :data:`SHOWN_ESCAPES` that ``source`` (Markdown as written) escapes: each
    it always escapes as ``\`` and the character (a translation escapes each one it writes, wherever
    it writes it), and of one it also writes bare (``Q\&A & more``), each word it escapes after it and
    never writes bare after it (``&A``, ``&Jerry`` of ``Tom \& Jerry``: a translation escapes the
    character where it writes the same word after it, glued or after a space; ``&`` alone stands for
    no word).

    >>> shown_escapes_in(r'Say \"hi\", 50\% off, it\'s \$5 and\/or a \< b')
    ['\\"', '\\%', "\\'", '\\$', '\\/', '\\<']
    >>> shown_escapes_in(r"Tom \& Jerry or Q\&A & more, R&D \& -"), shown_escapes_in(r"Q\&A \& more")
    (['&', '&A', '&Jerry'], ['\\&'])

    An ampersand that starts a character reference, escaped or not, is none (``\&amp;`` shows
    ``&amp;`` in every renderer):

    >>> shown_escapes_in(r"Q\&A &amp; \&lt; &#42;")
    ['\\&']
    """
    escaped: dict[str, set[str]] = {}
    bare: dict[str, set[str]] = {}
    for match in WRITTEN_TOKEN.finditer(source):
        token = match.group()
        char = token[-1]
        if (
            char not in SHOWN_ESCAPES
            or len(token) > 2
            or (token == "\\&" and not _BARE_AMPERSAND.match(source, match.end() - 1))
        ):
            continue
        word = _word_after(source, match.end())
        (escaped if len(token) == 2 else bare).setdefault(char, set()).add(word)
    found = []
    for char, words in escaped.items():
        if char not in bare:
            found.append("\\" + char)
        else:
            found += sorted(char + word for word in words - bare[char])
    return found


def _word_after(text: str, at: int) -> str:
    """The word of ``text`` at ``at`` (see :data:`_WORD`), "" for none."""
    found = _WORD.match(text, at)
    return found[1] if found else ""


#: An asterisk escaped between spaces (which :func:`escape_markdown` writes as it is; a tilde is in
#: :data:`EXTENSION_ESCAPES`).
_ESCAPED_ALONE = re.compile(r"(?<=[ \t])\\(\*)(?=[ \t])")


#: A word of a source as written that magiclink may read (its escapes and references end it).
_LINK_WORD = re.compile(r"(?<![\w.\-/:@#!?\\;&])[\w.\-/:@#!?]*[\w]")
#: What makes a link of such a word: an issue, pull request or discussion, a mention, a commit.
_LINK_OPENER = re.compile(r"[#!?][1-9]|@[\w.]|(?<![0-9a-f])[0-9a-f]{40}(?![0-9a-f])")


def magiclinks_in(source: str, as_references: bool = False) -> tuple[tuple[str, str], ...]:
    r"""The words of ``source`` (Markdown text as written) that MkDocs' magiclink may make links of
    (``#12``, ``!3``, ``?4``, ``@anna``, ``user/repo#5``, a commit), written as they are, each as
    :func:`escape_markdown` writes it (``as_references``: so) and as the source does: a translation
    writing the same word writes it as the source does (the same link), its own are text.

    >>> magiclinks_in(r"Fixed in #12 by @anna (see user/repo!5, \#13, &#64;bob), C# 5!")
    (('\\#12', '#12'), ('&#64;anna', '@anna'), ('user/repo\\!5', 'user/repo!5'))
    """
    if not _LINK_OPENER.search(source):  # (most texts: no word of them is one)
        return ()
    found: dict[str, str] = {}
    for match in _LINK_WORD.finditer(source):
        word = match.group()
        if _LINK_OPENER.search(word):
            found.setdefault(escape_markdown(word, as_references), word)
    return tuple(found.items())


def _with_links(written: str, links: tuple[tuple[str, str], ...], line_start: bool = False) -> str:
    r"""``written`` (escaped) with each word of ``links`` (see :func:`magiclinks_in`) as the source
    writes it, where it stands as a word of its own: nothing magiclink would read on with beside it;
    not first at a ``line_start`` (``#12`` there is a heading).

    >>> print(_with_links(r"\#12, a\#12 \#123 evil/r\#12 \#12/x (\#12).", ((r"\#12", "#12"),)))
    #12, a\#12 \#123 evil/r\#12 \#12/x (#12).
    """
    table = dict(links)
    if not any(word in written for word in table):
        return written
    alternatives = "|".join(re.escape(word) for word in sorted(table, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w.\-/:@#!?;\\])(?:" + alternatives + r")(?![.:!?\-]*[\w/@#\\&])")
    lead = len(written) - len(written.lstrip(" ")) if line_start else -1
    return pattern.sub(
        lambda match: (
            match.group() if match.start() == lead and match.group()[:2] == "\\#" else table[match.group()]
        ),
        written,
    )


#: A character reference as Markdown reads one: ``&mdash;``, ``&#8217;``, ``&#x2014;``.
_CHARACTER_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def references_in(source: str) -> tuple[tuple[str, str], ...]:
    """The characters outside ASCII, and ``&``, ``"`` and ``'``, that ``source`` (Markdown text as
    written) writes as character references, each with the first reference it uses (a translation
    of its text writes them so too).

    >>> references_in("Ports&nbsp;80&mdash;443 &amp; more &mdash; x &#8217; &lt;")
    (('\\xa0', '&nbsp;'), ('—', '&mdash;'), ('&', '&amp;'), ('’', '&#8217;'))

    A character it also writes as it is may be written either way: as it is.

    >>> references_in("R&amp;D and R&D, &copy; and ©, &mdash;")
    (('—', '&mdash;'),)
    """
    found: dict[str, str] = {}
    for match in _CHARACTER_REFERENCE.finditer(source):
        char = html.unescape(match.group())
        if len(char) == 1 and (ord(char) > 127 or char in _KEPT_ASCII):
            found.setdefault(char, match.group())
    if not found:
        return ()
    bare = _CHARACTER_REFERENCE.sub("", source)  # a character the source also writes as it is: either
    return tuple(
        (char, reference)
        for char, reference in found.items()
        if (_BARE_AMPERSAND.search(bare) is None if char == "&" else char not in bare)
    )


#: The characters of ASCII a source's references are kept for: none of them is in an escape this
#: module writes but ``&``, whose bare ones only are replaced, and the backtick, whose ``\```
#: is (see :func:`_with_references`).
_KEPT_ASCII = frozenset("&\"'`")
#: An ``&`` that starts no reference (``&#91;`` is an escape of this module's).
_BARE_AMPERSAND = re.compile(r"&(?!#[0-9]+;|#[xX][0-9a-fA-F]+;|[A-Za-z][A-Za-z0-9]*;)")


def _with_references(written: str, references: tuple[tuple[str, str], ...]) -> str:
    """``written`` (escaped) with each character of ``references`` as its reference."""
    for char, reference in references:
        if char == "&":
            written = _BARE_AMPERSAND.sub(reference, written)
        elif char == "`":  # (escaped by a backslash: as the reference, which no code span pairs)
            written = ticks_as_references(written).replace("&#96;", reference)
        elif char in written:
            written = written.replace(char, reference)
    return written


#: Text in brackets a source paragraph writes as it is: no link, image, footnote or definition
#: (a text atom; nothing it could start follows it, no bracket or backslash in it).
_LITERAL_BRACKETS = re.compile(r"(?<![\\\]])\[([^\[\]\\\n]{1,80})\](?![(\[:])")


#: Brackets a source paragraph writes as they are around markup (``[a *b* c]``, ``a*b or [a*b]``):
#: the text from ``[`` to the first markup (a line break, see :func:`brackets_in`), and from the last
#: to ``]``.
_SPLIT_BRACKETS = re.compile(
    r"(?<![\\\]])\[([^\[\]\\\n^][^\[\]\\\n]{0,79}|)\n(?:[^\[\]\\]{0,200}\n)?([^\[\]\\\n]{0,80})\](?![(\[:])"
)
#: What :func:`brackets_in` gives for a ``[`` that a source paragraph writes as it is with no ``]``
#: after it (a half-open interval, ``[0, 1)``): nothing it opens is closed, so it is shown as written.
LONE_OPENING = "["
_LONE_OPENING = re.compile(r"(?<![\\\]])\[")
#: A ``[`` a translation writes (escaped), not after ``!`` or ``\\``: after the run's last ``]``, it
#: opens no link, image or reference.
_LONE_WRITTEN = re.compile(r"(?<![!\\])&#91;")
#: What :func:`brackets_in` gives for a ``]`` that a source paragraph writes as it is with no ``[``
#: before it that it closes (``x] b``, ``[x](y)] b``): a translation's is written so where the text
#: after it in its piece makes no link of it (see :data:`NO_LINK_AFTER`).
LONE_CLOSING = "]"
#: A ``]`` a translation writes (escaped) followed by text that makes no link of it, whatever ``[``
#: is before it: not ``(`` or ``:``, no ``[`` after spaces (nor ``&#91;``, which may be kept), not
#: the piece's end (markup may follow: see :mod:`~transpub.formats.md_lone_closings`).
_LONE_CLOSING_WRITTEN = re.compile(r"&#93;(?![(:])(?=\s*(?!&#91;)[^\s\[])")


def brackets_in(source: str) -> tuple[str, ...]:
    r"""What ``source`` (the text of a paragraph as written, where Markdown found no link, its markup
    as line breaks) writes in brackets as it is (``[watch]``, ``[1, 2]``): shown as written there,
    since the page defines no such link; a translation writes them so too, where nothing that
    makes a link follows them.

    >>> brackets_in("Use [watch] or [1, 2]; [x](not a link and \\[y\\]")
    ('watch', '1, 2')

    Brackets around markup (``a*b or [a*b]``) give the text after ``[`` up to the markup, then a
    line break, and a line break, then the text after the markup up to ``]``:

    >>> brackets_in("a\nb or [a\nb] and [\nx\n]")
    ('a\n', '\nb', '\n')

    A ``[`` with no ``]`` after it (``[0, 1)``, a half-open interval) gives :data:`LONE_OPENING`,
    unless brackets around markup do: the ``]`` they write where a text piece starts would close a
    ``[`` a translation writes in a piece before it (``[docs *d* c]``, a definition's link):

    >>> brackets_in("In [2, 3] or [0, 1)"), brackets_in("In [0,\n) or [2, 3]")
    (('2, 3', '['), ('2, 3',))
    >>> brackets_in("In [a\nb\n c] or [0, 1)")
    ('a\n', '\n c')
    """
    found = [match.group(1) for match in _LITERAL_BRACKETS.finditer(source)]
    split = False
    if "\n" in source:
        for match in _SPLIT_BRACKETS.finditer(source):
            found += [match.group(1) + "\n", "\n" + match.group(2)]
            split = True
    if not split and _LONE_OPENING.search(source, source.rfind("]") + 1):
        found.append(LONE_OPENING)
    if _closes_nothing(source):
        found.append(LONE_CLOSING)
    return tuple(dict.fromkeys(found))


def _closes_nothing(source: str) -> bool:
    r"""Whether ``source`` (see :func:`brackets_in`) writes a ``]`` as it is (no backslash before it)
    with no ``[`` before it that it closes.

    >>> _closes_nothing("A x] b"), _closes_nothing("A \n] b"), _closes_nothing("[a] [b [c]]"), _closes_nothing("a \\] b")
    (True, True, False, False)
    """
    depth = 0
    escaped = False
    for char in source:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[":
            depth += 1
        elif char == "]":
            if depth == 0:
                return True
            depth -= 1
    return False


def _with_brackets(written: str, brackets: tuple[str, ...], as_references: bool = False) -> str:
    """``written`` (escaped) with the brackets around each of ``brackets`` as the source writes them,
    where nothing that would make a link, a reference or a definition follows; of brackets around
    markup (see :func:`brackets_in`), the ``[`` where the source's text ends ``written`` (before
    the markup), not after ``!`` (an image), ``\\`` or ``]``, and the ``]`` where the source's
    text starts it (after the markup), something of ``written`` after it that makes no link
    (``as_references``: ``written`` is escaped so, see :func:`escape_markdown`); with
    :data:`LONE_OPENING`, each ``[`` with no ``]`` after it (nor ``!`` or ``\\`` before it).

    >>> print(_with_brackets("&#91;0, 1) y &#91;a&#93;(javascript:x)", (LONE_OPENING,)))
    [0, 1) y [a&#93;(javascript:x)
    >>> print(_with_brackets("&#91;0, 1) y [b] &#91;", ("b", LONE_OPENING)))
    &#91;0, 1) y [b] [
    """
    for inner in brackets:
        if inner in (LONE_OPENING, LONE_CLOSING):
            continue
        if inner.endswith("\n"):
            escaped = "&#91;" + escape_markdown(inner[:-1], as_references)
            before = written[: len(written) - len(escaped)]
            if written.endswith(escaped) and not before.endswith(("!", "\\", "]")):
                written = before + "[" + escaped[5:]
        if inner.startswith("\n"):  # ("\n": both, [ before markup, ] after it)
            escaped = escape_markdown(inner[1:], as_references) + "&#93;"
            if written.startswith(escaped) and _NO_LINK_AFTER.match(written, len(escaped)):
                written = escaped[:-5] + "]" + written[len(escaped) :]
        if "\n" not in inner:
            shown = escape_markdown(inner, as_references)
            escaped = f"&#91;{shown}&#93;"
            if escaped in written:
                written = re.sub(
                    re.escape(escaped) + r"(?![(\[:])", literal_replacement(f"[{shown}]"), written
                )
    if LONE_CLOSING in brackets and "&#93;" in written:  # (before a [: one before it stays escaped)
        written = _LONE_CLOSING_WRITTEN.sub("]", written)
    if LONE_OPENING in brackets and "&#91;" in written:
        after = written.rfind("]") + 1
        written = written[:after] + _LONE_WRITTEN.sub("[", written[after:])
    return written


#: What may follow a ``]`` that closes no link in Goldmark, kramdown or Python-Markdown: something of
#: the same text (what follows it, another sentence a language joins without a space, may be
#: anything), not ``(`` (a link) or ``:`` (a definition), no ``[`` after spaces (a reference:
#: Python-Markdown takes ``[x] [y]`` as one). A pattern to put after what it follows.
NO_LINK_AFTER = r"(?![(:])(?=\s*[^\s\[])"
_NO_LINK_AFTER = re.compile(NO_LINK_AFTER)


def with_spellings(written: str, spellings: tuple[tuple[str, str], ...]) -> str:
    r"""``written`` (escaped) with each word of ``spellings`` (as escaped, as the source writes it)
    as the source writes it, where it starts no escape's second character (nor a reference's); one
    that starts with a brace only after a space, with more than spaces before it on the line (after
    an inline element, which may be plain text an extension makes one of: ``:smile:``, ``@user``,
    ``++ctrl++``, Python-Markdown reads attributes in braces; on a line of its own, a block's); one
    that holds a URL only where no letter, digit or ASCII character follows it; a brace of its own
    only before a space.

    >>> print(with_spellings(r"\{0..N-1} a \{0..N-1}, (\{0..N-1}) :x:\{0..N-1} \\{0..N-1}", ((r"\{0..N-1}", "{0..N-1}"),)))
    \{0..N-1} a {0..N-1}, (\{0..N-1}) :x:\{0..N-1} \\{0..N-1}
    """
    table = dict(spellings)
    if not any(word in written for word in table):
        return written
    pattern = _spellings_pattern(tuple(table))

    def spelled(match: re.Match[str]) -> str:
        kept, start = table[match.group(2)], match.start(2)
        if kept[0] == "{" and not _brace_word_may_stand(written, start):
            return match.group()
        if "://" in kept and _WORD_GOES_ON.match(written, match.end()):
            return match.group()  # (a URL kept whole: nothing a linkify would take in after it)
        if kept == "{" and written[match.end() : match.end() + 1] not in (" ", "\t"):
            return match.group()  # (a brace of its own: a space after it)
        return match.group(1) + kept

    return pattern.sub(spelled, written)


def _brace_word_may_stand(written: str, start: int) -> bool:
    """Whether a source's word that starts with a brace may be written as the source writes it at
    ``start`` of ``written``: after a space, with more than spaces before it on the line (not right
    after an inline element, nor where a line may start: attr_list would read attributes there)."""
    return written[start - 1 : start] in (" ", "\t") and bool(
        written[written.rfind("\n", 0, start) + 1 : start].strip()
    )


#: A letter, digit or ASCII character: what goes on with a word it follows.
_WORD_GOES_ON = re.compile(r"[\w!-~]")


@functools.lru_cache(maxsize=256)
def _spellings_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of ``words`` (the longest first), after an even number of backslashes (group 1), not
    after ``&`` or ``#``."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(r"(?<![\\&#])((?:\\\\)*)(" + alternatives + ")")


def _with_words(written: str, words: tuple[tuple[str, str], ...]) -> str:
    r"""``written`` (escaped with character references, see :func:`escape_markdown`) with each of
    ``words`` (as so escaped, as the source writes it) as the source writes it where it stands as a
    word of its own: no letter, digit or ASCII character on either side of it; one that starts with a
    brace only where :func:`with_spellings` writes it so (after a space, not first on the line).

    >>> print(_with_words("&#42;args, (&#42;args) a&#42;args &#42;args", (("&#42;args", "\\*args"),)))
    &#42;args, (&#42;args) a&#42;args \*args
    >>> print(_with_words("&#42;args&#42; ⟦&#42;args⟧ 用&#42;args", (("&#42;args", "\\*args"),)))
    &#42;args&#42; ⟦\*args⟧ 用&#42;args
    >>> print(_with_words("&#123;a} x &#123;a}", (("&#123;a}", "{a}"),)))
    &#123;a} x {a}
    """
    table = dict(words)
    if not any(word in written for word in table):
        return written
    alternatives = "|".join(re.escape(word) for word in sorted(table, key=len, reverse=True))
    pattern = re.compile(r"(?<![\w!-~])(?:" + alternatives + r")(?![\w!-~])")

    def spelled(match: re.Match[str]) -> str:
        kept = table[match.group()]
        if kept[0] == "{" and not _brace_word_may_stand(written, match.start()):
            return match.group()
        return kept

    return pattern.sub(spelled, written)


def literal_replacement(text: str) -> Callable[[re.Match[str]], str]:
    """A replacement for :func:`re.sub` that is ``text`` as it is (no group references read in it)."""
    return lambda _: text


def backticks_as_references(escape: Callable[[str], str], text: str) -> str:
    r"""``text`` as ``escape`` writes it, each backtick it escapes written ``&#96;`` instead: in a
    table's row, kramdown (Jekyll) looks for code spans before it reads escapes, to find the pipes
    between cells, so a ``\``` there opened a code span that ran into the next row, and the table was
    shown as a paragraph. Every renderer shows ``&#96;`` as a backtick.

    >>> print(backticks_as_references(escape_markdown, "Type ``` or \\` | then"))
    Type &#96;&#96;&#96; or \\&#96; \| then
    """
    return escape(text).replace("\\`", "&#96;")


def escaped_ticks_as_references(escape: Callable[[str], str], text: str) -> str:
    r"""``text`` as ``escape`` writes it, each backtick it escapes written ``&#96;`` instead (a
    backslash escaping a backslash before it kept): in a paragraph whose markup holds a backtick (an
    alt text's, a title's), an escaped one still ended the code span that started there, and the
    image or link was lost (a backslash does not escape in a code span).

    >>> print(escaped_ticks_as_references(escape_markdown_alt, "a`b c\\`d"))
    a&#96;b c\\&#96;d
    >>> print(escaped_ticks_as_references(lambda text: text, "a\\\\`b c\\\\\\`d"))
    a\\`b c\\&#96;d
    """
    return ticks_as_references(escape(text))


def ticks_as_references(written: str) -> str:
    """``written`` (escaped) with each backtick escaped by a backslash ``&#96;`` (see
    :func:`escaped_ticks_as_references`)."""
    return _ESCAPED_TICK.sub(r"\1&#96;", written) if "\\`" in written else written


#: A backtick escaped by a backslash (after an even number of them: its own).
_ESCAPED_TICK = re.compile(r"(?<!\\)((?:\\\\)*)\\`")


def escape_markdown_keeping(
    text: str,
    escaped: str,
    line_start: bool = False,
    pipes: bool = False,
    references: tuple[tuple[str, str], ...] = (),
    brackets: tuple[str, ...] = (),
    spellings: tuple[tuple[str, str], ...] = (),
    as_references: bool = False,
    links: tuple[tuple[str, str], ...] = (),
    callouts: bool = True,
) -> str:
    r""":func:`escape_markdown` (:func:`escape_markdown_line` at a ``line_start``, with ``callouts``), and what the source
    escapes for an extension (``escaped``, see :func:`escaped_in`) escaped where it stands with the
    same word; with ``pipes`` (the source's paragraph writes ``|`` as it is), ``|`` as it is;
    ``as_references``: the escapes it adds character references (see the module's docstring).

    >>> print(escape_markdown_keeping("Corregido en #1432 por @anna, vea #12 [x]", "#1432 @anna"))
    Corregido en \#1432 por \@anna, vea \#12 &#91;x&#93;
    >>> print(escape_markdown_keeping("#1432 corregido", "#1432", line_start=True))
    \#1432 corregido
    >>> print(escape_markdown_keeping("QUELLE | Name \\| x", "", pipes=True))
    QUELLE | Name \\| x

    With ``references`` (see :func:`references_in`), their characters as the source writes them:

    >>> print(escape_markdown_keeping("Puertos 80—443", "", references=(("—", "&mdash;"),)))
    Puertos 80&mdash;443

    With ``brackets`` (see :func:`brackets_in`), those the source writes as they are:

    >>> print(escape_markdown_keeping("Usa [watch], no [watch](javascript:x)", "", brackets=("watch",)))
    Usa [watch], no &#91;watch&#93;(javascript:x)

    With ``spellings`` (see :func:`~transpub.formats.md_spellings.spellings_in`), those words as the
    source writes them (see :func:`with_spellings`):

    >>> print(escape_markdown_keeping("Pods web-{0..N-1}", "", spellings=(("web-\\{0..N-1}", "web-{0..N-1}"),)))
    Pods web-{0..N-1}

    With ``links`` (see :func:`magiclinks_in`), those words as the source writes them (its links):

    >>> print(escape_markdown_keeping("Corregido en #12 y #13", "", links=(("\\#12", "#12"),)))
    Corregido en #12 y \#13

    A pipe needs no escape in a paragraph (a table starts at a line of cells over a delimiter row,
    which a paragraph's next line never is), but kramdown (Jekyll) reads a line with a pipe as a
    table's row: a paragraph whose source has one was a row there, and its translation stays one.
    """
    written = (
        escape_markdown_line(text, as_references, callouts)
        if line_start
        else escape_markdown(text, as_references)
    )
    if brackets and (
        "&#91;" in written or "&#93;" in written
    ):  # (before the pipes: [windows|linux] is found as escaped)
        written = _with_brackets(written, brackets, as_references)
    if spellings:
        written = _with_words(written, spellings) if as_references else with_spellings(written, spellings)
    if pipes and as_references and "&#124;" in written:
        written = written.replace("&#124;", "|")
    elif pipes and "|" in written:
        written = _ESCAPED_PIPE.sub(r"\1|", written)
    if references:
        written = _with_references(written, references)
    if links:
        written = _with_links(written, links, line_start)
    if not escaped:
        return written
    words = sorted(escaped.split(), key=len, reverse=True)
    if any(word[0] == "\\" or word[0] in SHOWN_ESCAPES for word in words):
        written = _with_shown_escapes(written, frozenset(words))
        words = [word for word in words if word[0] != "\\" and word[0] not in SHOWN_ESCAPES]
        if not words:
            return written
    # (a =, ^ or + written as a reference so that it opens no pymdownx markup: the source's escape)
    # (and a magiclink's @ or ? written as a reference: magiclink_in)
    words += [_EXTENSION_REFERENCES[word[0]] + word[1:] for word in words if word[0] in _EXTENSION_REFERENCES]
    items = "|".join(re.escape(item) for item in words)
    # (not escaped yet, nor the # of a character reference; the whole word, not the start of a longer one)
    pattern = re.compile(r"(?<![\\&])(?:" + items + r")(?!\w)")
    return pattern.sub(_escaped_as_the_source_does, written)


#: The characters of pymdownx markup :func:`_without_pymdownx_markup` writes as references, by character.
_PYMDOWNX_REFERENCES = {"=": "&#61;", "^": "&#94;", "+": "&#43;"}
#: The characters of extensions :func:`escape_markdown` writes as references, by character.
_EXTENSION_REFERENCES = {**_PYMDOWNX_REFERENCES, "@": "&#64;", "?": "&#63;"}
_PYMDOWNX_CHARACTERS = {reference: char for char, reference in _EXTENSION_REFERENCES.items()}


def _with_shown_escapes(written: str, escaped: frozenset[str]) -> str:
    r"""``written`` (escaped) with a backslash before each character of :data:`SHOWN_ESCAPES` it
    writes as it is (not an escape's, nor a character reference's) where ``escaped`` (see
    :func:`shown_escapes_in`) has ``\`` and the character, or the character and the word after it.

    >>> print(_with_shown_escapes('Di "hola", 50% y R&D &amp; &#58; x;y', frozenset(['\\"', '\\%', '&D', ';'])))
    Di \"hola\", 50\% y R\&D &amp; &#58; x;y
    """
    pieces = []
    for match in WRITTEN_TOKEN.finditer(written):
        char = match.group()
        if char in SHOWN_ESCAPES and (
            "\\" + char in escaped or char + _word_after(written, match.end()) in escaped
        ):
            char = "\\" + char
        pieces.append(char)
    return "".join(pieces)


def _escaped_as_the_source_does(match: re.Match[str]) -> str:
    """The word ``match`` found (an extension's character the source escapes, and the word after
    it), escaped with a backslash as the source does."""
    word = match.group()
    if word[0] == "&":
        reference = word[: word.index(";") + 1]
        return "\\" + _PYMDOWNX_CHARACTERS[reference] + word[len(reference) :]
    return "\\" + word


#: A pipe escaped by :func:`escape_markdown` (after an even number of backslashes: its own).
_ESCAPED_PIPE = re.compile(r"(?<!\\)((?:\\\\)*)\\\|")


def escape_markdown_line(text: str, as_references: bool = False, callouts: bool = True) -> str:
    """``text`` as Markdown that shows exactly ``text`` at the start of a line (where ``#``, ``>``,
    ``-``, ``1.``, ``:``, ``!!!`` and four spaces start blocks); ``as_references``: each escape a
    character reference (see the module's docstring). With ``callouts``, a word in capitals and a
    colon (``NOTE: x``, which MkDocs' callouts extension makes an admonition) has its colon written
    ``&#58;``:

    >>> print(escape_markdown_line("NOTE: x"), escape_markdown_line("NOTE: x", callouts=False))
    NOTE&#58; x NOTE: x

    >>> print(escape_markdown_line("1. First"), escape_markdown_line("- item"), escape_markdown_line("# x"))
    1\\. First \\- item \\# x
    >>> print(escape_markdown_line("!!! note"), escape_markdown_line("> q"), escape_markdown_line("2024 was"))
    \\!\\!\\! note \\> q 2024 was
    >>> print(escape_markdown_line("=="), escape_markdown_line(": def"), escape_markdown_line("??? x"))
    &#61;&#61; &#58; def &#63;&#63;&#63; x

    A line that would include a file (MkDocs' snippets, VitePress) or open a container or block:

    >>> print(escape_markdown_line('--8<-- "secret.txt"'), escape_markdown_line("<<< /etc/passwd"))
    \\--8<-- "secret.txt" &lt;<< /etc/passwd
    >>> print(escape_markdown_line("/// html | script"), escape_markdown_line("::: danger"))
    &#47;// html \\| script &#58;:: danger
    >>> print(escape_markdown_line("1. First", True), escape_markdown_line("## x", True), escape_markdown_line("- a", True))
    1&#46; First &#35;&#35; x &#45; a
    >>> print(escape_markdown_line("a. First"), escape_markdown_line("iv) x", True), escape_markdown_line("a.b"))
    a\\. First iv&#41; x a.b
    """
    text = escape_markdown(text, as_references)
    lead = len(text) - len(text.lstrip(" "))
    if lead >= 4:  # four spaces at the start of a line would start a code block
        text, lead = " " + text[lead:], 1
    start = _LINE_START.match(text, lead)
    if start:
        piece = start.group()
        if piece[0].isalnum():  # (an ordered item's number or letter: its dot escaped)
            after = text[start.end()]
            text = (
                text[: start.end()]
                + (_reference(after) if as_references else "\\" + after)
                + text[start.end() + 1 :]
            )
        else:
            text = (
                text[:lead]
                + "".join(
                    _REFERENCES.get(char) or (_reference(char) if as_references else "\\" + char)
                    for char in piece
                )
                + text[start.end() :]
            )
    elif callouts and (marker := CALLOUT_MARKER.match(text, lead)):
        text = text[: marker.end() - 1] + _REFERENCES[":"] + text[marker.end() :]
    return text


#: Written as character references: a backslash before them would show in Python-Markdown (MkDocs'
#: reader) or kramdown (Jekyll's), and before ``:``, ``.`` and ``@`` it would not stop linkify.
_REFERENCES = {
    ":": "&#58;",
    ".": "&#46;",
    "@": "&#64;",
    "<": "&lt;",
    "&": "&amp;",
    "~": "&#126;",
    "=": "&#61;",
    "?": "&#63;",
    "$": "&#36;",
    "/": "&#47;",
}


#: What follows the ``{`` of a span of pymdownx.critic.
_CRITIC_OPENERS = frozenset({"++", "--", "==", ">>", "~~"})


#: Brackets in text, as character references: ``\\[`` and ``\\]`` are the delimiters of display
#: math where a Hugo site passes math through (``markup.goldmark.extensions.passthrough``, as Hugo's
#: math documentation sets it up), which would make ``[0, 1]`` a formula. (An alt text keeps the
#: backslash: Hugo shows its character references as written.)
_BRACKETS = {"[": "&#91;", "]": "&#93;"}


def _escape_one(match: re.Match[str]) -> str:
    char = match.group()
    if char in _REFERENCES:
        return _REFERENCES[char]
    if char in _BRACKETS:
        return _BRACKETS[char]
    if char == "{":
        if _OPENS_TEMPLATE.match(match.string, match.start()) or match.end() == len(match.string):
            return (
                "&#123;"  # (the piece's last: a template token may follow, {{ site.title }}: \{{{ to Liquid)
            )
        # CriticMarkup ({++ins++}, {--del--}…): pymdownx.critic reads the raw text, backslash or not
        return "&#123;" if match.string[match.end() : match.end() + 2] in _CRITIC_OPENERS else "\\{"
    if char == "\\" and match.end() == len(match.string):
        # the piece's last character: \\ before the | that ends a table cell still escapes it (GFM
        # tables split cells before anything else), the cell and the next one would merge
        return "&#92;"
    return "\\" + char


def _escape_reference(match: re.Match[str]) -> str:
    """:func:`_escape_one`'s writing of ``match``, a character reference where it is an escape."""
    written = _escape_one(match)
    return _reference(match.group()) if written[:1] == "\\" else written


def _reference(char: str) -> str:
    """``char`` as a decimal character reference (``*``: ``&#42;``)."""
    return f"&#{ord(char)};"


def escape_markdown_alt(text: str, ticks: tuple[int, ...] = ()) -> str:
    r"""``text`` as the alt text of a Markdown image (between ``![`` and ``]``), escaped only where it
    would be markup there. Hugo (Goldmark, 0.111 at least) shows an alt text's backslashes and
    character references as written, and of emphasis, code and tags only their text; kramdown
    (Jekyll) and Python-Markdown (MkDocs) take an alt text as text, its escapes and references read.
    So what would end or break the image gets a backslash (``[``, ``]``, a backslash before punctuation,
    and ``|``, a table row in kramdown), ``<`` of a tag, ``&`` of an entity and ``{{``/``{%`` (read
    by Hugo and Jekyll before Markdown) a character reference, as :func:`escape_markdown` writes them;
    ``*``, ``_``, backticks and ``~`` are written as they are unless they would make emphasis, code
    or strikethrough there (then they are escaped too); a link or an address stays as written
    (Goldmark's linkify keeps its text in an alt text).

    >>> print(escape_markdown_alt("Photo: @anna_k, https://e.example, 5 * 3 = 15*, ~50 people, R&D, C:\\Users"))
    Photo: @anna_k, https://e.example, 5 * 3 = 15*, ~50 people, R&D, C:\Users
    >>> print(escape_markdown_alt("[c] e | f <g> &amp; {{< i >}} j\\"))
    \[c\] e \| f &lt;g> &amp;amp; &#123;{< i >}} j\\
    >>> print(escape_markdown_alt("*a* _b_ `d` ~~h~~"))
    \*a\* \_b\_ \`d\` &#126;&#126;h&#126;&#126;

    A run of backticks is escaped too, but one of a length the source's alt text writes as it is
    (``ticks``: see :func:`alt_writer`): a code span after the image in its paragraph (``![a`b](x.png)
    and `c```) would start at it, and take the image's end (every renderer reads code spans first).

    >>> print(escape_markdown_alt("a`b c``d"), escape_markdown_alt("a`b c", ticks=(1,)))
    a\`b c\`\`d a`b c
    """
    text = _SPACES.sub(" ", text)
    written = _ALT_TICKS.sub(functools.partial(_escape_alt, ticks=ticks), text)
    if _ALT_MARKERS.search(written) and _makes_markup(written):
        written = _ALT_ALL.sub(_escape_alt, text)
    return written


#: What ends or breaks an image's alt text, or is read before Markdown (see :func:`escape_markdown_alt`).
_ALT_PATTERN = (
    r"\\(?=[!-/:-@\[-`{-~]|$)"  # a backslash that would escape what follows (or the closing ])
    r"|[\[\]|]"
    r"|<(?=[A-Za-z/!?])"  # a tag, a comment, an autolink
    r"|&(?=#|[A-Za-z][A-Za-z0-9]*;)"  # an entity
    r"|" + _TEMPLATE_OPENING  # Hugo's and Liquid's {{ and {%, Jinja's {#, mdx_include's {!
)
_ALT = re.compile(_ALT_PATTERN)
#: And a run of backticks (see :func:`escape_markdown_alt`).
_ALT_TICKS = re.compile(_ALT_PATTERN + r"|`+")
#: What may make emphasis, code or strikethrough.
_ALT_MARKERS = re.compile(r"[*_`~]")
_ALT_ALL = re.compile(
    _ALT_PATTERN + r"|`|(?<!\s)\*|\*(?!\s|$)"  # code; an asterisk that could open or close emphasis
    r"|(?<![^\W_])_|_(?![^\W_])"  # an underscore not inside a word
    r"|~"  # strikethrough (Goldmark takes one tilde or two)
)
#: What Goldmark makes of markers in an alt text (of them, it keeps only the text).
_MARKUP_IN_ALT = frozenset({"em_open", "strong_open", "s_open", "code_inline"})


def _makes_markup(written: str) -> bool:
    """Whether the alt text ``written`` holds emphasis, code or strikethrough, as Goldmark reads it."""
    return alt_markup(written) > 0


def alt_markup(written: str) -> int:
    r"""How many elements of emphasis, code or strikethrough the alt text ``written`` holds, as
    Goldmark reads it.

    >>> alt_markup("*a* `b` ~~c~~ 5 * 3"), alt_markup("\\*a\\*")
    (3, 0)
    """
    from .md_parser import rendering_parser

    tokens = rendering_parser().parseInline(f"![{written}](x)")
    return sum(
        child.type in _MARKUP_IN_ALT
        for token in tokens
        for image in token.children or []
        for child in image.children or []
    )


def escape_alt_markers(text: str) -> str:
    r"""``text`` as :func:`escape_markdown_alt` writes it where it would make markup: every marker
    that may open or close emphasis, code or strikethrough escaped too (for a text of an alt text
    between template tokens, whose markers may pair with another text's).

    >>> print(escape_alt_markers("*Die "), escape_alt_markers("a_b 5 * 3 `c ~d"))
    \*Die  a_b 5 * 3 \`c &#126;d
    """
    return _ALT_ALL.sub(_escape_alt, _SPACES.sub(" ", text))


def _escape_alt(match: re.Match[str], ticks: tuple[int, ...] = ()) -> str:
    char = match.group()
    if char[0] == "`":
        return char if len(char) in ticks else "\\`" * len(char)
    if char in _REFERENCES:
        return _REFERENCES[char]
    if char == "{":
        return "&#123;"
    return "\\" + char


def alt_writer(raw: str) -> Callable[[str], str]:
    """How a translation of the alt text written ``raw`` (between ``![`` and ``]``) is written:
    :func:`escape_markdown_alt`, a run of backticks kept as written where the source writes one of
    its length as it is (the image is one there: no code span after it starts at such a run).

    >>> alt_writer("Dawn ferry") is escape_markdown_alt, alt_writer("a`b ``c").keywords
    (True, {'ticks': (1, 2)})
    """
    ticks = tuple(sorted({len(run) for run in _UNESCAPED_TICKS.findall(raw)}))
    return functools.partial(escape_markdown_alt, ticks=ticks) if ticks else escape_markdown_alt


#: A run of backticks not escaped (after an even number of backslashes).
_UNESCAPED_TICKS = re.compile(r"(?:^|(?<=[^\\]))(?:\\\\)*(`+)")


def markdown_title(text: str, quote: str = '"', kept: str = "", ticks: tuple[int, ...] = ()) -> str:
    """A link or image title, quotes included: a quote, a backslash, the ``&`` of an entity and the
    ``<`` of a tag as character references (kramdown keeps a backslash in a title, Python-Markdown
    ``\\"``; MkDocs' md_in_html reads a tag in a title as HTML), and the ``{`` of ``{{``, ``{%``, ``{#``, ``{!``.
    ``quote`` is the one the source's title opens with (``"``, ``'`` or ``(``): it is kept.

    >>> print(markdown_title('The "race" \\\\ R&D &amp; now'))
    "The &quot;race&quot; &#92; R&D &amp;amp; now"
    >>> print(markdown_title("It's (new)", "'"), markdown_title("It's (new)", "("))
    'It&#39;s (new)' (It's &#40;new&#41;)

    A backtick, a pipe and square brackets are references too, but those the source's title writes
    as they are (``kept``): Python-Markdown reads code spans before links (a backtick of the title
    and one of a code span after the link made code of what is between, the link's end too),
    kramdown a line holding a pipe as a table's row, and Python-Markdown a link or an escaped
    bracket in an image's title (its text, or its placeholder's characters, were the title).

    >>> print(markdown_title("a`b | [c](d)"), markdown_title("a`b | [c](d)", kept="|"))
    "a&#96;b &#124; &#91;c&#93;(d)" "a&#96;b | &#91;c&#93;(d)"

    Backticks are kept only where the translation's runs of them are the source title's
    (``ticks``: their lengths, in order): two runs of one length, in a title that has one,
    made a code span in it in Python-Markdown (``"t`i`j"`` showed ``tij``).

    >>> print(markdown_title("t`i", kept="`", ticks=(1,)), markdown_title("t`i`j", kept="`", ticks=(1,)))
    "t`i" "t&#96;i&#96;j"
    """
    text = _SPACES.sub(" ", text)
    if "`" in kept and _tick_runs(text) != ticks:
        kept = kept.replace("`", "")
    closing = _CLOSING.get(quote, '"')
    special = _TITLE_SPECIAL[closing]
    written = special.sub(lambda m: _TITLE_REFERENCES[m.group()], text)
    return quote + written.translate(_title_table(kept)) + closing


#: What a title's translation writes as a reference unless the source's title writes it as it is.
_TITLE_READ_OTHERWISE = "`|[]"


def _tick_runs(text: str) -> tuple[int, ...]:
    """The lengths of the runs of backticks of ``text``, in order."""
    return tuple(len(run) for run in _TICK_RUN.findall(text)) if "`" in text else ()


_TICK_RUN = re.compile(r"`+")


@functools.lru_cache(maxsize=16)
def _title_table(kept: str) -> dict[int, str]:
    return {ord(char): f"&#{ord(char)};" for char in _TITLE_READ_OTHERWISE if char not in kept}


def title_writer(raw: str) -> Callable[[str], str]:
    """How a translation of the title written ``raw`` (quotes included) is written: in its quotes,
    between the spaces and line breaks the source has at its ends (a page shows them in the title);
    none where a line there starts with a container's ``>``, which the translation's line has not;
    with what :func:`markdown_title` keeps where the source's title writes it.

    >>> write = title_writer("'\\ntitle\\nline2\\n'")
    >>> write("Titel Zeile2")
    "'\\nTitel Zeile2\\n'"
    >>> title_writer("'\\n> title\\n> '")("Titel")
    "'Titel'"
    >>> title_writer('"Docs | Site"')("Doku | Seite [neu]")
    '"Doku | Seite &#91;neu&#93;"'
    """
    quote = raw[:1] if raw[:1] in ("'", "(") else '"'
    inner = raw[1:-1]
    text = inner.strip(" \t\n")
    lead = inner[: len(inner) - len(inner.lstrip(" \t\n"))] if text and not text.startswith(">") else ""
    trail = inner[len(inner.rstrip(" \t\n")) :] if text and not text.endswith(">") else ""
    kept = "".join(char for char in _TITLE_READ_OTHERWISE if char in inner)
    ticks = _tick_runs(inner)
    if not lead and not trail:
        if quote == '"' and not kept:
            return markdown_title
        return functools.partial(markdown_title, quote=quote, kept=kept, ticks=ticks)
    return functools.partial(_title_between, quote=quote, lead=lead, trail=trail, kept=kept, ticks=ticks)


def _title_between(
    text: str, quote: str, lead: str, trail: str, kept: str = "", ticks: tuple[int, ...] = ()
) -> str:
    """:func:`markdown_title` of ``text`` with ``lead`` and ``trail`` inside its quotes."""
    written = markdown_title(text, quote, kept, ticks)
    return written[:1] + lead + written[1:-1] + trail + written[-1:]


#: The functions :func:`title_writer` writes a title with (a character reference there is its character).
TITLE_WRITERS = (markdown_title, _title_between)


_CLOSING = {'"': '"', "'": "'", "(": ")"}
#: What a title's translation writes as a reference: its closing quote, a backslash, the ``&`` of an
#: entity, and the ``<`` of a tag or comment (inside a ``markdown`` HTML block, MkDocs' md_in_html reads
#: a tag in a link's title as HTML: it ended the title and wrote the translator's tag).
_TITLE_SPECIAL = {
    '"': re.compile(r'[\\"]|&(?=#|[A-Za-z][A-Za-z0-9]*;)|<(?=[A-Za-z/!?])' + "|" + _TEMPLATE_OPENING),
    "'": re.compile(r"[\\']|&(?=#|[A-Za-z][A-Za-z0-9]*;)|<(?=[A-Za-z/!?])" + "|" + _TEMPLATE_OPENING),
    ")": re.compile(r"[\\()]|&(?=#|[A-Za-z][A-Za-z0-9]*;)|<(?=[A-Za-z/!?])" + "|" + _TEMPLATE_OPENING),
}
_TITLE_REFERENCES = {
    "\\": "&#92;",
    '"': "&quot;",
    "'": "&#39;",
    "(": "&#40;",
    ")": "&#41;",
    "&": "&amp;",
    "<": "&lt;",
    "{": "&#123;",  # (of {{, {% and {#, read before the page is: Liquid, Jinja; of mdx_include's {!file!})
}


def markdown_destination(url: str) -> str:
    """A link destination as Markdown writes ``url``.

    >>> markdown_destination("/es/docs/a"), markdown_destination("/a b/(c)")
    ('/es/docs/a', '</a b/(c)>')
    """
    url = url.replace("\n", "%0A").replace("\r", "%0D")
    if url and re.fullmatch(r"[^\s<>()\\\x00-\x1f]+", url):
        return url
    return "<" + re.sub(r"[\\<>]", lambda m: "\\" + m.group(), url) + ">"


#: A URL CommonMark takes between ``<`` and ``>`` as it is (an autolink: a scheme, then no space,
#: ``<``, ``>`` or control character).
_SCHEME_URL = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>\x00-\x1f]*")
#: An e-mail address CommonMark takes between ``<`` and ``>``.
_EMAIL = re.compile(
    r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?)*"
)
#: What a bare URL may have right before it and still be one (GFM: a line's start, a space, ``*``,
#: ``_``, ``~`` or ``(``; "": the start of the translation, whose source context it keeps).
_BEFORE_BARE_URL = frozenset(["", "*", "_", "~", "("])
#: What a bare URL may end with, GFM and linkify leaving it out of the link.
_AFTER_BARE_URL = frozenset("?!.,:*_~")


def bare_url_stays_a_link(before: str, after: str) -> bool:
    """Whether a bare URL (an autolink written without ``<…>``) with ``before`` (the character written
    right before it, "" for none) and ``after`` (what follows, up to the first space, "" for none)
    stays the same link: the link ends where it ends, and is one at all.

    >>> bare_url_stays_a_link(" ", "."), bare_url_stays_a_link("", "")
    (True, True)
    >>> bare_url_stays_a_link("问", ""), bare_url_stays_a_link(" ", "了解"), bare_url_stays_a_link(" ", ".了")
    (False, False, False)
    """
    if not (before in _BEFORE_BARE_URL or before.isspace()):
        return False
    return all(char in _AFTER_BARE_URL for char in after)


#: Markup that shows nothing in any renderer: an empty HTML comment (Goldmark without ``unsafe``
#: writes ``<!-- raw HTML omitted -->``, a comment too), written between two things a renderer
#: would otherwise read as one.
EMPTY_COMMENT = "<!-- -->"


def standalone_url(raw: str, escape: Callable[[str], str]) -> str | None:
    """A bare URL or e-mail address ``raw`` written so that it is the same link whatever is written
    around it: ``<…>`` (a CommonMark autolink) where it has a scheme or is an address, else a link
    to ``http://`` and the URL showing ``raw`` (``escape``: how its text is escaped), as GFM makes
    of ``www.`` URLs; None where neither can be written.

    >>> standalone_url("https://example.com/a", str), standalone_url("ann@example.com", str)
    ('<https://example.com/a>', '<ann@example.com>')
    >>> standalone_url("www.example.com/a_b", escape_markdown)
    '[www&#46;example.com/a_b](http://www.example.com/a_b)'
    """
    if _SCHEME_URL.fullmatch(raw) or _EMAIL.fullmatch(raw):
        return f"<{raw}>"
    if raw[:4].lower() == "www." and not re.search(r"[\s<>\\]", raw):
        return f"[{escape(raw)}]({markdown_destination('http://' + raw)})"
    return None
