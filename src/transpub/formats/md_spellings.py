"""The words a Markdown source writes with escapes of its own, which a translation keeping such a word
writes as the source does (:func:`~transpub.formats.md_escape.escape_markdown_keeping`).

:func:`~transpub.formats.md_escape.escape_markdown` writes a text its own way: ``\\pipe`` (a
backslash before a letter needs none) as ``\\pipe``, ``{0..N-1}`` as ``\\{0..N-1}``. A word of the
source's text that it writes otherwise is kept as the source writes it where that is as safe as
its own writing, whatever a translation puts around it:

- a backslash more before punctuation it writes as it is (``\\\\``, ``\\>``, ``\\.``): an escape
  in every renderer, or a backslash shown where the source shows it too (none before ``(``, ``)``
  and ``$``, math delimiters where a site passes math through);
- a brace written as it is (``web-{0..N-1}``, ``({})``) where no renderer reads attributes: what
  the braces hold is no attribute list (Goldmark, kramdown's ``{:``, CriticMarkup, Liquid), and,
  for Python-Markdown's attr_list (which reads almost anything in braces), the brace follows a
  character of the word, not an inline element or a line's start; one that starts the word only
  in a paragraph, a list item or a description (:data:`BRACES_AFTER_SPACE`), never as the first
  word a translation writes there (see :func:`~transpub.formats.md_escape.with_spellings`).

- the ``:`` of a URL's scheme right after a character reference (``&#126;https://x``) written as it
  is: Goldmark links no URL right after a reference, where :func:`escape_markdown` writes it ``&#58;``
  so that no linkify makes a link of it; a renderer that links it there (magiclink) links the
  source's own URL, as on the source's page, the word kept only as a whole (see
  :func:`~transpub.formats.md_escape.with_spellings`);
- a brace that is a word of its own (``if (a < b) { go }``), where a brace may start a word: a space
  after it (no attributes, no ``{{``, ``{%`` or ``{++`` start there);
- an ``_`` that starts a word (``{ _lazy: true }``) where the block's markup has no emphasis of
  ``_`` (:func:`underscores_kept`): it can open emphasis but close none (a letter or digit after
  it), and nothing the translation writes can close it: every ``_`` of its text that could is
  escaped.

- a run of ``_`` inside a word (``foo__bar__baz``, ``MAX__SIZE``), a letter or digit on either side
  of it, which opens and closes nothing: CommonMark takes such a run for both flanks, where ``_``
  opens and closes only beside punctuation, kramdown and pymdownx.betterem's smart underscore
  read no emphasis inside a word (without it, betterem reads the word as the source's page shows it).

Anything else (``\\<`` as ``&lt;``: Python-Markdown takes no ``\\<``, so a ``>`` a translation
writes later would close a tag there; a whole ``\\<b>`` of the source's is kept by
:mod:`.md_tag_text`) is written the module's way.
"""

from __future__ import annotations

import html
import re

from .md_escape import WRITTEN_TOKEN, escape_markdown
from .runs import Atom

#: The blocks whose text Python-Markdown's attr_list reads attributes from only at the start of a line
#: or right after an inline element: there a source's word may start with a brace (headings, table
#: cells and definition terms take a brace after a space at their end).
BRACES_AFTER_SPACE = frozenset({"p", "li", "dd", "blockquote", "div"})
#: ASCII punctuation a source may escape where :func:`escape_markdown` writes it as it is.
_ADDABLE = frozenset("!\"#%'*+,-./:;=>?@\\^_`|}~")
#: A token of Markdown as written: an escape, or a character.
_RAW_TOKEN = re.compile(r"\\[!-/:-@\[-`{-~]|.", re.S)
#: A token as :func:`escape_markdown` writes: an escape, a character reference, or a character.
_WRITTEN_TOKEN = WRITTEN_TOKEN
#: A character reference right before a URL's scheme (``&#126;https://``): no URL starts there.
_REFERENCE_URL = re.compile(
    r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);[A-Za-z][A-Za-z0-9+.\-]*://"
)
#: A run of ``_``: emphasis markup.
_UNDERSCORES = re.compile(r"_+")
#: A run of ``_`` inside a word: a letter or digit on either side of it.
_RUN_INSIDE = re.compile(r"[^\W_]__+[^\W_]")
#: A character of a URL's scheme.
_SCHEME_CHARACTER = re.compile(r"[A-Za-z0-9+.\-]")
#: What a brace may hold as it is: nothing, or a word starting with a letter or digit and no ``=``
#: (not Goldmark's ``{#id .class key=value}``, kramdown's ``{: …}``, CriticMarkup's ``{++ …}``,
#: Liquid's ``{{``, ``{%``, ``{#``).
_BRACED = re.compile(r"(?:[A-Za-z0-9][^{}=\\\s]*)?")


def underscores_kept(atoms: list[Atom]) -> bool:
    """Whether a word of the text of ``atoms`` (a block's) that starts with ``_`` may be written as it
    is (see the module's docstring): their text has one, their markup no run of ``_``.

    >>> underscores_kept([Atom("text", "{ _lazy }", "{ _lazy }"), Atom("open", parts=["**"])])
    True
    >>> underscores_kept([Atom("text", "_lazy ", "_lazy "), Atom("open", parts=["_"])])
    False
    """
    return any(atom.kind == "text" and "_" in atom.raw for atom in atoms) and not any(
        isinstance(part, str) and _UNDERSCORES.fullmatch(part)
        for atom in atoms
        if atom.kind != "text"
        for part in atom.parts
    )


def spellings_in(
    source: str, braces_after_space: bool = False, as_references: bool = False, underscores: bool = False
) -> tuple[tuple[str, str], ...]:
    r"""Each word of ``source`` (the text of a block as written, markup between its text runs as line
    breaks) that :func:`escape_markdown` writes otherwise, as it writes it and as the source does,
    where the source's spelling is as safe (see the module's docstring; ``braces_after_space``: the
    block is one of :data:`BRACES_AFTER_SPACE`; ``underscores``: see :func:`underscores_kept`). ``as_references``: as :func:`escape_markdown` writes
    it with character references for escapes, and also each word whose escapes the source writes as
    it writes them with backslashes (the source's escapes stay as the source writes them).

    >>> spellings_in(r"host (e.g. \\\\.\\pipe\\\*) as web-{0..N-1} or ({}) not \<p\>")
    (('\\\\\\\\.\\pipe\\\\\\*)', '\\\\\\\\.\\\\pipe\\\\\\*)'), ('web-\\{0..N-1}', 'web-{0..N-1}'), ('(\\{})', '({})'))
    >>> spellings_in("from {0..N-1}."), spellings_in("from {0..N-1}.", braces_after_space=True)
    ((), (('\\{0..N-1}.', '{0..N-1}.'),))

    Braces that hold attributes somewhere are not kept:

    >>> spellings_in("a{.x} b{onclick=1} c{:y} d{} e{%x} f{++g}")
    ()

    A run of ``_`` inside a word:

    >>> spellings_in("Use foo__bar__baz or x__y_ here")
    (('foo\\_\\_bar\\_\\_baz', 'foo__bar__baz'),)

    A brace of its own, and a word starting with ``_``:

    >>> spellings_in("if (a < b) { go } and { _lazy: true }", braces_after_space=True, underscores=True)
    (('\\{', '{'), ('\\_lazy:', '_lazy:'))

    With ``as_references``:

    >>> spellings_in(r"Use \*args or web-{0..N-1}, not \<p\>", as_references=True)
    (('&#42;args', '\\*args'), ('web-&#123;0..N-1},', 'web-{0..N-1},'))
    """
    inside = "__" in source and _RUN_INSIDE.search(source) is not None
    if (
        "\\" not in source
        and "{" not in source
        and "://" not in source
        and not (underscores and "_" in source)
        and not inside
    ):
        return ()
    found: dict[str, str] = {}
    for raw in source.split():
        if "&" in raw and _REFERENCE_URL.search(raw) and not any(char in raw for char in "\\{<"):
            written = escape_markdown(html.unescape(raw), as_references)
            if written != raw and _url_as_safe(_WRITTEN_TOKEN.findall(raw), _WRITTEN_TOKEN.findall(written)):
                found.setdefault(written, raw)
            continue
        if "&" in raw or not ("\\" in raw or "{" in raw or ((underscores or inside) and "_" in raw)):
            continue
        if raw == "{":  # (a brace of its own: as a word's start, a space after it, not last)
            if braces_after_space and not as_references:
                found.setdefault("\\{", raw)
            continue
        raw_tokens = _RAW_TOKEN.findall(raw)
        shown = "".join(token[-1] for token in raw_tokens)
        written = escape_markdown(shown)
        key = escape_markdown(shown, as_references=True) if as_references else written
        if key == raw or key in found:
            continue
        tokens = _WRITTEN_TOKEN.findall(written)
        if written == raw or _as_safe(raw_tokens, tokens, shown, braces_after_space, underscores):
            found[key] = raw
    return tuple(found.items())


def _url_as_safe(raw: list[str], written: list[str]) -> bool:
    """Whether the word written ``raw`` (its tokens: escapes, references, characters) differs from
    ``written`` (:func:`escape_markdown`'s writing of what it shows) only in the references it
    writes and the ``:`` of a scheme right after a reference, which it writes as it is.

    >>> tokens = _WRITTEN_TOKEN.findall
    >>> _url_as_safe(tokens("&#x7E;https://x"), tokens("&#126;https&#58;//x"))
    True
    >>> _url_as_safe(tokens("&#126;a https://x"), tokens("&#126;a https&#58;//x"))
    False
    """
    if len(raw) != len(written):
        return False
    for index, (mine, theirs) in enumerate(zip(written, raw, strict=True)):
        if mine == theirs or (
            len(mine) > 1 and theirs[:1] == "&" and html.unescape(mine) == html.unescape(theirs)
        ):
            continue
        if mine != "&#58;" or theirs != ":" or raw[index + 1 : index + 3] != ["/", "/"]:
            return False
        start = index
        while start > 0 and _SCHEME_CHARACTER.fullmatch(raw[start - 1]):
            start -= 1
        if start == index or not raw[start].isalpha() or raw[start - 1][:1] != "&" or start == 0:
            return False
    return True


def _as_safe(
    raw: list[str], written: list[str], shown: str, braces_after_space: bool, underscores: bool
) -> bool:
    """Whether the word written ``raw`` (its tokens) is as safe as ``written`` (the tokens of
    :func:`escape_markdown`'s writing of it; ``shown``: what both show; ``braces_after_space``,
    ``underscores``: see :func:`spellings_in`)."""
    if len(raw) != len(written) or len(shown) != len(raw):
        return False
    for index, (mine, theirs) in enumerate(zip(written, raw, strict=True)):
        if mine == theirs:
            continue
        char = shown[index]
        if mine == char and theirs == "\\" + char and char in _ADDABLE:
            continue  # an escape more
        if mine == f"&#{ord(char)};" and theirs == "\\" + char and char in "=^+":
            continue  # pymdownx' mark, caret or keys reads the escape as it reads the reference: text
        if mine == "&#43;" and theirs == "+" and raw[index + 1 : index + 2] in (['\\"'], ["\\'"]):
            continue  # (pymdownx.keys splits a quoted key at a + before a quote, not an escaped one)
        if mine == "\\{" and theirs == "{" and _brace_kept(shown, index, braces_after_space):
            continue
        if mine == "\\_" and theirs == "_" and underscores and _opens_only(shown, index):
            continue
        if mine == "\\_" and theirs == "_" and _inside_word(shown, index):
            continue
        return False
    return True


def _opens_only(shown: str, index: int) -> bool:
    """Whether the ``_`` at ``index`` of the word ``shown`` starts a word: no letter or digit before
    it, one after it (it can open emphasis, close none)."""
    before, after = shown[index - 1 : index] if index else " ", shown[index + 1 : index + 2]
    return not (before.isalnum() or before == "_") and after.isalnum()


def _inside_word(shown: str, index: int) -> bool:
    """Whether the ``_`` at ``index`` of the word ``shown`` is in a run of ``_`` with a letter or digit
    on either side of it (see the module's docstring).

    >>> _inside_word("foo__bar", 3), _inside_word("foo__bar", 4), _inside_word("__init__", 1), _inside_word("x__", 1)
    (True, True, False, False)
    """
    start, end = index, index + 1
    while start > 0 and shown[start - 1] == "_":
        start -= 1
    while end < len(shown) and shown[end] == "_":
        end += 1
    return start > 0 and end < len(shown) and shown[start - 1].isalnum() and shown[end].isalnum()


def _brace_kept(shown: str, index: int, braces_after_space: bool) -> bool:
    """Whether the brace at ``index`` of the word ``shown`` may be written as it is (see the module's
    docstring)."""
    if index == 0 and not braces_after_space:
        return False
    end = shown.find("}", index)
    if end < 0 or not _BRACED.fullmatch(shown, index + 1, end):
        return False
    # nothing in them: not at the word's end (Goldmark takes "{}" ending a heading as no attributes)
    return end > index + 1 or end + 1 < len(shown)
