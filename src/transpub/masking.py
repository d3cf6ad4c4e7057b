"""Hide placeholders and glossary terms from MT engines, and put them back safely.

A msgid holds inline placeholders ``<1>text</1>`` (paired: the engine must translate the text
inside) and ``<2/>`` (standalone). Before MT they become tokens the engine passes through:

- ``"xml"`` style (engines with tag handling: DeepL, Google html, LibreTranslate html):
  ``<x1>text</x1>``, ``<x2/>``, glossary terms ``<g3/>``; the rest of the text is XML-escaped.
- ``"token"`` style (plain-text services): ``@@P1@@text@@P1E@@``, ``@@S2@@``, glossary terms
  ``@@G3@@``.
- ``"word"`` style (Apertium): ``@@Px1@@text@@Px1E@@``, ``@@Sx2@@``, glossary terms ``@@Gx3@@``.
  Apertium reads the ``@`` as blanks and what is between them as a word: it must be one no
  dictionary holds (English has ``P3``, a name, which it moved: ``@@Australia@@de P3@@P3E@@``),
  and an unknown word stays where it is and keeps the words around it apart.
- ``"plain"`` style (engines told the placeholder rule and the glossary in words: ``llm``):
  the text as it is, placeholders ``<1>…</1>`` and ``<2/>`` included; no glossary tokens.

Text of the source written like a token of its style (``@@P1@@``, ``@@`` alone) is sent as a
glossary token whose rendering is that text: it comes back as written, never read as a placeholder.

After MT the tokens are turned back; the result must hold exactly the source's placeholders,
well nested, each inside the same parent as in the source (siblings may swap: word order
differs between languages), and every glossary token exactly once. Otherwise
:class:`~transpub.errors.PlaceholderMismatch` is raised and the translation is rejected.
Leading and trailing whitespace (and leading list marks) never go to the engine and are put
back as they were; runs of spaces the source did not have are collapsed; the end of the source
the engine dropped (final punctuation, an ellipsis, closing brackets and quotes) is put back.
HTML tags and comments the engine added (``<b>``, ``<span class=…>``) are removed: a translation
holds markup only as placeholders.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from .errors import PlaceholderMismatch

PLACEHOLDER = re.compile(r"<(/?)([0-9]+)(/?)>")  # ASCII digits only, as in transpub.inline
#: List marks a text may start with (followed by whitespace), kept out of what an engine sees.
_LIST_MARKS = "-–—•*·"
_TRAILING_PUNCT = ".:!?;…。！？"
_SPACE_RUN = re.compile(r"[ \t]{2,}")
_TRAILING_TAGS = re.compile(r"(?:\s*</?\d+/?>)+\s*$")


@dataclass(frozen=True)
class Masked:
    """A text ready for an engine, with what is needed to restore it."""

    text: str
    source: str
    style: str
    terms: dict[int, str] = field(default_factory=dict)
    lead: str = ""
    trail: str = ""


def placeholder_tree(text: str) -> dict[str, tuple[str, str | None]]:
    """Each placeholder number -> (kind, parent number); PlaceholderMismatch when malformed.

    >>> placeholder_tree("a <1>b <2/> c</1> <3/>")
    {'1': ('paired', None), '2': ('single', '1'), '3': ('single', None)}
    >>> placeholder_tree("<1>a")
    Traceback (most recent call last):
    ...
    transpub.errors.PlaceholderMismatch: <1> is never closed
    """
    tree: dict[str, tuple[str, str | None]] = {}
    stack: list[str] = []
    for match in PLACEHOLDER.finditer(text):
        closing, number, single = match.group(1), match.group(2), match.group(3)
        if closing and single:
            continue  # "</1/>" is not a placeholder
        parent = stack[-1] if stack else None
        if closing:
            if not stack or stack[-1] != number:
                raise PlaceholderMismatch(f"</{number}> closes nothing open")
            stack.pop()
            continue
        if number in tree:
            raise PlaceholderMismatch(f"<{number}> appears twice")
        if single:
            tree[number] = ("single", parent)
        else:
            tree[number] = ("paired", parent)
            stack.append(number)
    if stack:
        raise PlaceholderMismatch(f"<{stack[-1]}> is never closed")
    return tree


def needs_translation(text: str) -> bool:
    """False when nothing but placeholders, digits, punctuation and spaces is left.

    >>> needs_translation("<1/> 2024."), needs_translation("<1>Hi</1>")
    (False, True)
    """
    return any(ch.isalpha() for ch in PLACEHOLDER.sub("", text))


def _edges(text: str) -> tuple[str, str, str]:
    """``text`` cut into its leading whitespace (and a list mark followed by whitespace), its core,
    and its trailing whitespace (string methods: a regex's lazy core tried each point of a long
    run of spaces inside the text, n² time).

    >>> _edges("  - Item one  \\n"), _edges(" -x "), _edges(" \\t ")
    (('  - ', 'Item one', '  \\n'), (' ', '-x', ' '), (' \\t ', '', ''))
    """
    rest = text.lstrip()
    if rest[:1] in _LIST_MARKS and rest[1:2].isspace():
        rest = rest[1:].lstrip()
    core = rest.rstrip()
    lead_end = len(text) - len(rest)
    return text[:lead_end], core, text[lead_end + len(core) :]


def mask(text: str, style: str = "token", terms: Sequence[tuple[int, int, str]] = ()) -> Masked:
    """Turn ``text`` into what an engine of ``style`` should receive.

    ``terms`` are ``(start, end, replacement)`` spans of ``text`` (glossary source terms and the
    target form they must become); spans overlapping a placeholder or each other are ignored.

    >>> mask("  Click <1>here</1> for <2/> Foo.", "token", [(29, 32, "Fu")]).text
    'Click @@P1@@here@@P1E@@ for @@S2@@ @@G1@@.'
    >>> mask("R&D <1>x</1><2/>", "xml").text
    'R&amp;D <x1>x</x1><x2/>'
    >>> mask(" R&D <1>x</1><2/>", "plain", [(1, 4, "I+D")]).text
    'R&D <1>x</1><2/>'
    """
    if style not in ("token", "word", "xml", "plain"):
        raise ValueError(f"unknown masking style {style!r}")
    if style == "plain":
        terms = ()
    lead, core, trail = _edges(text)
    offset = len(lead)
    tags = [(m.start(), m.end()) for m in PLACEHOLDER.finditer(core)]
    literals = _literal_tokens(core, style)
    # where no term may go (sorted, apart): bisected, so that thousands of terms cost no n² time
    taken = sorted([*tags, *((s, e) for s, e, _ in literals)])
    taken_starts = [s for s, _ in taken]
    spans = list(literals)
    last_end = 0  # the end of the last term taken (terms come in order of their start)
    for start, end, replacement in sorted(terms):
        start, end = start - offset, end - offset
        if start < 0 or end > len(core) or start >= end or start < last_end:
            continue
        before = bisect.bisect_left(taken_starts, end) - 1  # the last span starting before the end
        if before >= 0 and taken[before][1] > start:
            continue
        spans.append((start, end, replacement))
        last_end = end
    pieces: list[str] = []
    term_map: dict[int, str] = {}
    position = 0
    events: list[tuple[int, int, str | None]] = [(s, e, None) for s, e in tags]
    events += spans
    events.sort(key=lambda item: item[0])
    for start, end, target in events:
        pieces.append(_escape(core[position:start], style))
        if target is None:
            pieces.append(_tag_token(core[start:end], style))
        else:
            number = len(term_map) + 1
            term_map[number] = target
            pieces.append(_term_token(number, style))
        position = end
    pieces.append(_escape(core[position:], style))
    return Masked(text="".join(pieces), source=text, style=style, terms=term_map, lead=lead, trail=trail)


def _literal_tokens(core: str, style: str) -> list[tuple[int, int, str]]:
    """Spans of ``core`` a token style's engine reply would be read as tokens from, each to be
    sent as a glossary token rendered as itself: what :data:`_TOKEN_BACK` finds, then each run
    of ``@@`` left (``@@P1`` before a placeholder's token would make one with it).

    >>> _literal_tokens("Use @@P1@@ or a@@b, <1/>", "token")
    [(4, 10, '@@P1@@'), (15, 17, '@@')]
    >>> _literal_tokens("Use @@P1@@", "xml")
    []
    """
    if style not in _TOKEN_BACK:
        return []
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN_BACK[style].finditer(core)]
    runs: list[tuple[int, int, str]] = []
    index = 0  # the first token not ending before the run (both come in order)
    for run in _AT_RUN.finditer(core):
        start = run.start()
        while index < len(tokens) and tokens[index][1] <= start:
            index += 1
        while index < len(tokens) and tokens[index][0] < run.end():  # the run's parts outside tokens
            token_start, token_end, _ = tokens[index]
            if token_start - start > 1:
                runs.append((start, token_start, core[start:token_start]))
            start = max(start, token_end)
            if token_end > run.end():
                break
            index += 1
        if run.end() - start > 1:
            runs.append((start, run.end(), core[start : run.end()]))
    return sorted(tokens + runs)


def _term_token(number: int, style: str) -> str:
    return {"xml": f"<g{number}/>", "word": f"@@Gx{number}@@"}.get(style, f"@@G{number}@@")


def _escape(text: str, style: str) -> str:
    return html.escape(text, quote=False) if style == "xml" else text


def _tag_token(tag: str, style: str) -> str:
    if style == "plain":
        return tag
    found = PLACEHOLDER.fullmatch(tag)
    assert found is not None  # only called on PLACEHOLDER matches
    closing, number, single = found.groups()
    if style == "xml":
        return f"<x{number}/>" if single else (f"</x{number}>" if closing else f"<x{number}>")
    x = "x" if style == "word" else ""
    return f"@@S{x}{number}@@" if single else (f"@@P{x}{number}E@@" if closing else f"@@P{x}{number}@@")


#: A tag of an XML engine's reply that is no placeholder (``<b>``, ``<x>``: its own markup).
_XML_TAG = re.compile(r"<(?!/?[0-9]+/?>)[^>]*>")


def _without_xml_tags(text: str) -> str:
    """``text`` without the tags :data:`_XML_TAG` matches, looked for only up to the last ``>``
    (each of thousands of ``<`` after it searched the rest of the text for one, n² time).

    >>> _without_xml_tags("<b>a</b> <1>b</1> < c <d")
    'a <1>b</1> < c <d'
    """
    last = text.rfind(">") + 1
    return _XML_TAG.sub("", text[:last]) + text[last:]


_XML_BACK = re.compile(
    r"<x(?P<single>\d+)\s*/>|<x(?P<pair>\d+)\s*>(?P<inner>\s*)</x(?P=pair)\s*>"
    r"|<x(?P<open>\d+)\s*>|</x(?P<close>\d+)\s*>|<g(?P<g>\d+)\s*/>|<g(?P<gpair>\d+)\s*>\s*</g(?P=gpair)\s*>"
)
#: Where a glossary token stood while the reply is restored (private-use characters): the
#: rendering is put in after the engine's markup is removed and entities are read, so that a
#: rendering's ``<T>`` or ``&amp;`` stays as the glossary writes it.
_TERM_OPEN, _TERM_CLOSE = "\ue000", "\ue001"
_TERM_MARK = re.compile(f"{_TERM_OPEN}([0-9]+){_TERM_CLOSE}")
#: The tokens of each token style, as an engine may give them back (a space inside the ``@@``).
_TOKEN_BACK = {
    style: re.compile(
        rf"@@\s?S{x}(\d+)\s?@@|@@\s?P{x}(\d+)\s?@@|@@\s?P{x}(\d+)E\s?@@|@@\s?G{x}(\d+)\s?@@", re.I
    )
    for style, x in (("token", ""), ("word", "x"))
}
_AT_RUN = re.compile("@@+")


def unmask(masked: Masked, translated: str | None) -> str:
    """The engine's reply with placeholders and required terms back; PlaceholderMismatch if broken.

    >>> m = mask("Click <1>here</1> <2/>.", "token")
    >>> unmask(m, "Pulsa @@P1@@aquí@@P1E@@ @@S2@@")
    'Pulsa <1>aquí</1> <2/>.'
    >>> unmask(m, "Pulsa aquí @@S2@@.")
    Traceback (most recent call last):
    ...
    transpub.errors.PlaceholderMismatch: placeholders differ from the source: <1> missing
    """
    if translated is None or not translated.strip():
        raise PlaceholderMismatch("the engine returned an empty translation")
    seen_terms: list[int] = []
    source_tree = placeholder_tree(masked.source)
    singles = {n for n, (kind, _) in source_tree.items() if kind == "single"}

    def term(number: int) -> str:
        # a mark for now: the rendering goes in once the engine's markup is gone (it is text)
        if number not in masked.terms:
            raise PlaceholderMismatch(f"the engine invented glossary token {number}")
        return f"{_TERM_OPEN}{number}{_TERM_CLOSE}"

    def put_term(found: re.Match[str]) -> str:
        number = int(found.group(1))
        if number not in masked.terms:
            raise PlaceholderMismatch(f"the engine invented glossary token {number}")
        seen_terms.append(number)
        return masked.terms[number]

    if masked.style == "xml":

        def back(m: re.Match) -> str:
            single, empty_pair, open_, close = m["single"], m["pair"], m["open"], m["close"]
            if single:
                return f"<{single}/>"
            if empty_pair:
                inner = m["inner"]
                return (
                    f"<{empty_pair}/>{inner}"
                    if empty_pair in singles
                    else f"<{empty_pair}>{inner}</{empty_pair}>"
                )
            if open_:
                return f"<{open_}>"
            if close:
                return f"</{close}>"
            return term(int(m["g"] or m["gpair"]))

        # escape literal "<digits>" the engine produced, then restore tokens, then unescape entities
        restored = _XML_BACK.sub(back, translated)
        restored = html.unescape(_without_xml_tags(restored))
    elif masked.style == "plain":
        restored = translated
    else:

        def back(m: re.Match) -> str:
            single, open_, close, g = m.groups()
            if single:
                return f"<{single}/>"
            if open_:
                return f"<{open_}>"
            if close:
                return f"</{close}>"
            return term(int(g))

        restored = _TOKEN_BACK[masked.style].sub(back, translated)
    restored = strip_foreign_markup(restored, masked.source)
    if masked.terms:
        restored = _TERM_MARK.sub(put_term, restored)
    if sorted(seen_terms) != sorted(masked.terms):
        raise PlaceholderMismatch("glossary terms were lost or duplicated by the engine")
    try:
        tree = placeholder_tree(restored)
    except PlaceholderMismatch as exc:
        raise PlaceholderMismatch(f"placeholders differ from the source: {exc.message}") from None
    if tree != source_tree:
        missing = sorted(set(source_tree) - set(tree), key=int)
        extra = sorted(set(tree) - set(source_tree), key=int)
        detail = (
            f"<{missing[0]}> missing" if missing else f"<{extra[0]}> added" if extra else "nesting changed"
        )
        raise PlaceholderMismatch(f"placeholders differ from the source: {detail}")
    restored = restored.strip()
    if not _SPACE_RUN.search(masked.source):  # e.g. Apertium's "Además,  hay"
        restored = _SPACE_RUN.sub(" ", restored)
    return masked.lead + keep_trailing_punctuation(masked.source.strip(), restored) + masked.trail


_TAG = r"</?[A-Za-z][^\s/<>]*(?:[\s/][^<>]*)?>"
_MARKUP = re.compile(r"<!--.*?-->|" + _TAG, re.S)
#: :data:`_MARKUP` after the last ``-->``, where no comment can end: only tags.
_TAG_ONLY = re.compile(_TAG)


#: How deep tags written inside tags (``<scr<b>ipt>``) are taken out of a reply; a reply that
#: nests them deeper is rejected (each level costs a pass over the text: thousands, n² time).
_MAX_MARKUP_DEPTH = 16


def strip_foreign_markup(text: str, source: str) -> str:
    """``text`` without the HTML tags and comments an engine added (``<b>``, ``<span class=…>``).

    A translation holds markup only as the unit's placeholders (``<1>``); a tag that is not
    literally in the source text would otherwise be written into the catalog as visible text.

    >>> strip_foreign_markup('<b>Hola</b> <span class="x">mundo</span><1/>', "Hello world<1/>")
    'Hola mundo<1/>'
    >>> strip_foreign_markup("Use <b> here", "Use <b> here")
    'Use <b> here'

    Removing a tag can join the text around it into another (``<scr<b>ipt>``): the removal is
    repeated until nothing foreign is left (PlaceholderMismatch when tags are nested inside tags
    more than :data:`_MAX_MARKUP_DEPTH` deep).

    >>> strip_foreign_markup("<scr<b>ipt>x</scr<!-- -->ipt> <svg/onload=y>", "x")
    'x '
    """

    def foreign(match: re.Match[str]) -> str:
        return match.group() if match.group() in source else ""

    def strip(text: str) -> str:
        # a "<!--" with no "-->" after it is left as text: comments are looked for only up to the
        # last "-->" (each of thousands of "<!--" after it searched the rest of the text, n² time)
        last = text.rfind("-->") + 3 if "-->" in text else 0
        return _MARKUP.sub(foreign, text[:last]) + _TAG_ONLY.sub(foreign, text[last:])

    stripped = strip(text)
    for _ in range(_MAX_MARKUP_DEPTH):
        if stripped == text:
            return stripped
        text, stripped = stripped, strip(stripped)
    raise PlaceholderMismatch(f"the engine's reply holds tags inside tags more than {_MAX_MARKUP_DEPTH} deep")


#: Closing brackets and quotes -> the opening ones they close (full-width forms too).
_CLOSERS = {
    ")": "(",
    "]": "[",
    "}": "{",
    "）": "（",
    "］": "［",
    "」": "「",
    "』": "『",
    "】": "【",
    "》": "《",
    "〉": "〈",
    "»": "«",
    "”": "“",
    "›": "‹",
}
#: A closer and the forms a translation may use for it (ASCII and full width).
_CLOSER_FORMS = {
    ")": (")", "）"),
    "）": ("）", ")"),
    "]": ("]", "］"),
    "］": ("］", "]"),
    "”": ("”", "」", "»"),
    "»": ("»", "”", "」"),
}
_ELLIPSIS = re.compile(r"(?:\.{2,}|…+)$")
#: Sentence punctuation as Chinese and Japanese write it.
_FULL_WIDTH = {".": "。", "!": "！", "?": "？", ":": "：", ";": "；", "...": "……", "…": "……"}
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _in_script_of(punct: str, text: str) -> str:
    """``punct`` as the script ``text`` ends in writes it (full width after Chinese or Japanese).

    >>> _in_script_of(".", "停止"), _in_script_of("...", "加载中"), _in_script_of(":", "Nota")
    ('。', '……', ':')
    """
    letters = [ch for ch in text if ch.isalnum()]
    if letters and _CJK.match(letters[-1]):
        return _FULL_WIDTH.get(punct, punct)
    return punct


def _tail(text: str, chars: str) -> str:
    """The run of ``chars`` that ends ``text``."""
    end = len(text)
    while end and text[end - 1] in chars:
        end -= 1
    return text[end:]


def keep_trailing_punctuation(source: str, translated: str) -> str:
    """Put back the end of the source the engine dropped: closing brackets and quotes left open
    in the translation, an ellipsis shortened to one full stop, and final punctuation.

    >>> keep_trailing_punctuation("Note:", "Nota"), keep_trailing_punctuation("Hi!", "¡Hola!")
    ('Nota:', '¡Hola!')
    >>> keep_trailing_punctuation("Loading...", "Cargando."), keep_trailing_punctuation("Loading…", "Cargando")
    ('Cargando...', 'Cargando…')
    >>> keep_trailing_punctuation("Loading...", "加载中"), keep_trailing_punctuation("Stop.", "停止")
    ('加载中……', '停止。')
    >>> keep_trailing_punctuation("Price (in RMB)", "Precio (en RMB"), keep_trailing_punctuation("(see above).", "(ver arriba.")
    ('Precio (en RMB)', '(ver arriba).')
    >>> keep_trailing_punctuation("Price (in RMB)", "价格（人民币"), keep_trailing_punctuation("He said “yes”", "Dijo “sí")
    ('价格（人民币）', 'Dijo “sí”')
    >>> keep_trailing_punctuation("Options a) and b)", "Opciones a) y b"), keep_trailing_punctuation("Wait...", "Espera…")
    ('Opciones a) y b', 'Espera…')
    >>> keep_trailing_punctuation("Click <1>here</1>.", "Pulsa <1>aquí</1>")
    'Pulsa <1>aquí</1>.'
    >>> keep_trailing_punctuation("(see above).", "(ver arriba)"), keep_trailing_punctuation('He said "yes."', 'Dijo "sí."')
    ('(ver arriba).', 'Dijo "sí."')
    """
    in_source, in_translation = _TRAILING_TAGS.search(source), _TRAILING_TAGS.search(translated)
    if in_source and in_translation and in_source.start() > 0 and in_translation.start() > 0:
        # the source's end is inside its last placeholders ("<1>the list (below)</1>"): mend it there
        return (
            keep_trailing_punctuation(source[: in_source.start()], translated[: in_translation.start()])
            + translated[in_translation.start() :]
        )
    bare_source = PLACEHOLDER.sub("", source).rstrip()
    bare = PLACEHOLDER.sub("", translated).rstrip()
    if not bare_source or not bare:
        return translated
    closers_and_punct = _TRAILING_PUNCT + "".join(_CLOSERS) + '"'
    source_tail = _tail(bare_source, closers_and_punct)
    if not source_tail:
        return translated
    translated = translated.rstrip()

    # 1. closing brackets and quotes the translation left open
    missing = ""
    for closer in source_tail:
        if closer == '"':
            if bare.count('"') % 2:
                missing += '"'
            continue
        if closer not in _CLOSERS:
            continue
        for form in _CLOSER_FORMS.get(closer, (closer,)):
            opener = _CLOSERS[form]
            if bare.count(opener) > bare.count(form) + missing.count(form):
                missing += form
                break
    if missing:
        punct = _tail(translated, _TRAILING_PUNCT)
        first_closer = min(
            (source_tail.index(c) for c in source_tail if c in _CLOSERS or c == '"'), default=0
        )
        closer_before_punct = any(c in _TRAILING_PUNCT for c in source_tail[first_closer:]) or not punct
        if closer_before_punct and punct:
            translated = translated[: len(translated) - len(punct)] + missing + punct
        else:
            translated += missing
        bare = PLACEHOLDER.sub("", translated).rstrip()

    # 2. an ellipsis the engine shortened to one full stop
    source_end = _tail(bare_source, _TRAILING_PUNCT)
    ellipsis = _ELLIPSIS.search(source_end)
    if ellipsis and _tail(bare, _TRAILING_PUNCT) == "." and translated.endswith("."):
        return translated[:-1] + ellipsis.group()

    # 3. final punctuation the engine dropped altogether
    if not source_end or _tail(bare, _TRAILING_PUNCT):
        return translated
    ends_with_closer = bare[-1] in _CLOSERS or bare[-1] in "\"'"
    if unicodedata.category(bare[-1]).startswith("P") and not ends_with_closer:
        return translated
    return translated + _in_script_of(ellipsis.group() if ellipsis else source_end[-1], bare)
