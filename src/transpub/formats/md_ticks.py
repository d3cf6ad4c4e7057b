"""The backticks of a translation's markup, whatever order it puts its placeholders in.

Every renderer reads code spans before anything else, and a backtick of markup that no code span
holds (an image's alt text's, a link's title's or address's, an HTML attribute's) opens one where a
run of backticks follows it: Goldmark (Hugo) one of its length, Python-Markdown one of its length or
shorter, kramdown (Jekyll) one of its length or longer, an escaped one too. A source paragraph
shows such markup because no backtick follows it (``See `c` and ![a`b](x.png) now.``); a
translation that moves it before other backticks (``Siehe ![a`b](x.png) und `c` jetzt.``) made a
code span from the alt text's backtick to the code span's, and the image was lost.

:func:`tick_safe_pieces` writes such a translation with the backticks of a link's or image's title
or of an HTML attribute value it moves before others, or others move after, as character references
(every renderer shows the same text). A backtick of other markup moved before another's cannot be
written otherwise in every renderer (Goldmark shows an alt text's escapes and references as written;
a code span with longer or shorter backticks still pairs in kramdown or Python-Markdown): such a
translation cannot be written there (:func:`tick_problem`), its source is. The source's order is
written as it is: a pseudo-translation is its source.

A backtick the source writes as it is in its text, in a block whose markup's only backticks are its
code spans' (``It`s a `code` thing.``, ```code` and it`s.``), stays as it is where a translation
keeps its word and no renderer pairs it with another run, by the rules above
(:func:`text_ticks_kept`); else it is ``&#96;``, as a translator's own backticks there are.
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Mapping

from ..inline import PLACEHOLDER_RE
from .document import AttrSlot, LinkTarget, PairedPieces, Part, TextSlot
from .escape import attribute_in_markdown
from .md_escape import TITLE_WRITERS

#: A part of a placeholder's markup holding backticks that may open or close a code span: its number,
#: side (``""`` standalone, ``"<"`` the opening markup, ``">"`` the closing one), the index of the part,
#: and what it is: ``"code"`` a code span (its backticks close one a backtick before it opens),
#: ``"value"`` a title or HTML attribute value (its backticks open and close; written as references
#: where they would pair), ``"markup"`` other markup (an alt text, an address: they open and close),
#: ``"closes"`` other markup whose backticks are escaped (they close one, open none).
Ticked = tuple[int, str, int, str]
#: What opens a code span.
_OPENS = frozenset({"value", "markup"})
#: A run of backticks, and the backslashes before it.
_TICKS = re.compile(r"(\\*)(`+)")
#: A code span as a placeholder's markup: its backticks, its code, the same backticks.
_CODE_SPAN = re.compile(r"(`+)(?:[^`].*?|.*?[^`])\1", re.S)
_Pieces = dict[int, PairedPieces | list[Part]]


def ticked_parts(pieces: Mapping[int, PairedPieces | list[Part]]) -> tuple[Ticked, ...]:
    """The parts of the placeholders' markup ``pieces`` whose backticks may open or close a code span
    (a code span's, any other markup's that its own backticks do not pair), in order."""
    found: list[Ticked] = []
    for number, piece in sorted(pieces.items()):
        sides = [("<", piece.open), (">", piece.close)] if isinstance(piece, PairedPieces) else [("", piece)]
        for side, parts in sides:
            found += _ticked_side(number, side, parts)
    return tuple(found)


def _ticked_side(number: int, side: str, parts: list[Part]) -> list[Ticked]:
    """The parts of one side of a placeholder's markup holding backticks (see :func:`ticked_parts`)."""
    written = [_written(part) for part in parts]
    if "`" not in "".join(written):
        return []
    if len(parts) == 1 and _CODE_SPAN.fullmatch(written[0]) is not None:
        return [(number, side, 0, "code")]
    # (a run and the next of its length are a code span of this markup alone: an alt text's ``a `b` c``)
    runs = [(index, match) for index, text in enumerate(written) for match in _TICKS.finditer(text)]
    paired: set[int] = set()
    for at, (_, match) in enumerate(runs):
        if at in paired or len(match.group(1)) % 2:
            continue
        closer = next(
            (later for later in range(at + 1, len(runs)) if runs[later][1].group(2) == match.group(2)), None
        )
        if closer is not None:
            paired |= {at, closer}
    kinds: dict[int, str] = {}
    for at, (index, match) in enumerate(runs):
        if at in paired:
            continue
        if len(match.group(1)) % 2:
            kinds.setdefault(index, "closes")
        else:
            kinds[index] = "value" if _value_writes_references(parts[index]) else "markup"
    return [(number, side, index, kind) for index, kind in sorted(kinds.items())]


def _written(part: Part) -> str:
    """The source text of a part of markup (an attribute value's or address's as written)."""
    if isinstance(part, str):
        return part
    if isinstance(part, (AttrSlot, LinkTarget)):
        return part.raw
    if isinstance(part, TextSlot):
        return "".join(_written(inner) for inner in part.parts)
    return ""


def _value_writes_references(part: Part) -> bool:
    """Whether ``part`` is a Markdown link's or image's title or an HTML attribute value in Markdown:
    every renderer shows a character reference there as its character."""
    if part.__class__ is not AttrSlot:
        return False
    write = part.write
    while isinstance(write, functools.partial):
        write = write.func
    return write in TITLE_WRITERS or write is attribute_in_markdown


def tick_safe_pieces(
    text: str,
    pieces: _Pieces,
    *,
    msgid: str,
    inner: Callable[[str, _Pieces], _Pieces] | None = None,
) -> _Pieces:
    """The markup ``pieces`` of ``msgid``'s placeholders as the translation ``text`` writes them
    (``inner`` first, see :attr:`TextSlot.pieces_for`): the source's, but a title or an HTML
    attribute value whose backticks its order would pair with others (see the module's docstring)
    with them as character references.

    >>> from transpub.formats.md_escape import markdown_title
    >>> title = AttrSlot("a`b", "p", '"a`b"', "attribute:title", write=markdown_title)
    >>> pieces = {1: ["`c`"], 2: PairedPieces(["["], ["](/u ", title, ")"])}
    >>> written = tick_safe_pieces("<2>t</2> und <1/>", pieces, msgid="<1/> and <2>t</2>")
    >>> written[2].close[1].raw, written[2].close[1].render_value("x`y"), written[1]
    ('"a&#96;b"', '"x&#96;y"', ['`c`'])
    """
    if inner is not None:
        pieces = inner(text, pieces)
    if PLACEHOLDER_RE.findall(text) == PLACEHOLDER_RE.findall(msgid):
        return pieces  # (the source's order: its markup as written)
    fixes = _fixes(msgid, text, ticked_parts(pieces))
    if not fixes or isinstance(fixes, str):
        return pieces  # (one that cannot be written: tick_problem says so, its source is written)
    written = dict(pieces)
    for number, side, index in fixes:
        piece = written[number]
        if isinstance(piece, PairedPieces):
            which = "open" if side == "<" else "close"
            piece = dataclasses.replace(piece, **{which: _references(getattr(piece, which), index)})
        else:
            piece = _references(piece, index)
        written[number] = piece
    return written


def tick_problem(text: str, *, msgid: str, ticked: tuple[Ticked, ...]) -> str | None:
    """Why the translation ``text`` of ``msgid`` cannot be written (see the module's docstring): a
    backtick of its markup (``ticked``, see :func:`ticked_parts`) would open a code span that a
    backtick of other markup after it closes, neither a title's nor an attribute value's; None when
    it can be.

    >>> ticked = ((1, "", 0, "code"), (2, "", 1, "markup"))
    >>> print(tick_problem("Siehe <2/> und <1/>.", msgid="See <1/> and <2/>.", ticked=ticked))
    a backtick of <2/> would open a code span that one of <1/> after it closes (every renderer reads code spans first), and <2/> would be lost; put <2/> after <1/>, as in the source
    >>> tick_problem("Siehe <1/> und <2/>.", msgid="See <1/> and <2/>.", ticked=ticked) is None
    True
    """
    if PLACEHOLDER_RE.findall(text) == PLACEHOLDER_RE.findall(msgid):
        return None
    fixes = _fixes(msgid, text, ticked)
    return fixes if isinstance(fixes, str) else None


def _references(parts: list[Part], index: int) -> list[Part]:
    """``parts`` (one side of a placeholder's markup) with the title or attribute value at ``index``
    written with its backticks as character references."""
    value = parts[index]
    assert isinstance(value, AttrSlot) and value.write is not None
    value = dataclasses.replace(
        value,
        raw=_ticks_as_references(value.raw),
        write=functools.partial(_written_without_ticks, value.write),
    )
    return [*parts[:index], value, *parts[index + 1 :]]


def _ticks_as_references(raw: str) -> str:
    r"""A title or attribute value as written, each backtick as a character reference (an escaped
    one without its backslash).

    >>> print(_ticks_as_references('"a`b \\` c\\\\`"'))
    "a&#96;b &#96; c\\&#96;"
    """
    return _TICKS.sub(lambda m: m.group(1)[: len(m.group(1)) // 2 * 2] + "&#96;" * len(m.group(2)), raw)


def _written_without_ticks(write: Callable[[str], str], text: str) -> str:
    """``text`` as ``write`` writes it (a title, an attribute value), its backticks as references."""
    return write(text).replace("`", "&#96;")


def _order(text: str) -> list[tuple[int, str]]:
    """The placeholders of ``text`` in its order: their numbers and sides (see :data:`Ticked`)."""
    return [
        (int(number), "" if empty else ">" if closing else "<")
        for closing, number, empty in PLACEHOLDER_RE.findall(text)
        if not (closing and empty)
    ]


def _pairs(order: list[tuple[int, str]], ticked: tuple[Ticked, ...]) -> dict[tuple[Ticked, Ticked], None]:
    """Each part of ``ticked`` that may open a code span, with each part of other markup after it in
    the placeholders' ``order``: what a backtick of the first would pair with one of the second."""
    by_side: dict[tuple[int, str], list[Ticked]] = {}
    for part in ticked:
        by_side.setdefault((part[0], part[1]), []).append(part)
    openers: list[Ticked] = []
    found: dict[tuple[Ticked, Ticked], None] = {}
    for place in order:
        mine = by_side.get(place, ())
        for part in mine:
            for opener in openers:
                found[opener, part] = None
        openers += [part for part in mine if part[3] in _OPENS]
    return found


@functools.lru_cache(maxsize=256)
def _fixes(msgid: str, text: str, ticked: tuple[Ticked, ...]) -> frozenset[tuple[int, str, int]] | str:
    """The titles and attribute values (number, side, index) :func:`tick_safe_pieces` writes with
    references for ``text``, or why it cannot be written (see :func:`tick_problem`)."""
    before = _pairs(_order(msgid), ticked)
    fixes: set[tuple[int, str, int]] = set()
    for opener, closer in _pairs(_order(text), ticked):
        if (opener, closer) in before:
            continue  # (as in the source)
        if "value" in (opener[3], closer[3]):
            mended = opener if opener[3] == "value" else closer
            fixes.add(mended[:3])
            continue
        return (
            f"a backtick of {_token(opener)} would open a code span that one of {_token(closer)} after it "
            f"closes (every renderer reads code spans first), and {_token(opener)} would be lost; put "
            f"{_token(opener)} after {_token(closer)}, as in the source"
        )
    return frozenset(fixes)


def _token(part: Ticked) -> str:
    """The placeholder of ``part`` as a translator sees it."""
    return f"<{part[0]}/>" if not part[1] else f"<{part[0]}>" if part[1] == "<" else f"</{part[0]}>"


#: A word of a text (no space in it).
_WORD = re.compile(r"\S+")
#: Each word of a source's text that escapes a backtick itself, as shown, with how each of its
#: backticks is written (True: ``\```, False: ``&#96;``).
EscapedTicks = Mapping[str, tuple[bool, ...]]


def escaped_ticks_kept(
    words: EscapedTicks,
    msgid: str,
    ticked: tuple[Ticked, ...],
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    r"""How each text of ``translation`` is written (see :attr:`TextSlot.keep_runs`, ``keep_runs``
    first; its backticks references, as the block's escape writes them): the source's ``\``` of a
    word of ``words`` where the translation keeps the word (its first as many times as ``msgid``
    holds it) with no markup of ``ticked`` that may open a code span before it that is not before
    it in ``msgid``. An escaped backtick still closes a code span a backtick before it opens (no
    renderer reads escapes in one): a translator's is written ``&#96;``, which closes none.

    >>> ticked = ((1, "", 1, "markup"),)
    >>> keep = escaped_ticks_kept({"`": (True,)}, "Type ` then <1/> now.", ticked, None, "<1/> dann ` und ` `")
    >>> keep(0, "", ""), keep(1, " dann ` und ` `", " dann &#96; und &#96; &#96;")
    ('', ' dann &#96; und &#96; &#96;')
    >>> keep = escaped_ticks_kept({"`": (True,)}, "Type ` then <1/> now.", ticked, None, "Tippe ` und ` <1/>")
    >>> keep(0, "Tippe ` und ` ", "Tippe &#96; und &#96; ")
    'Tippe \\` und &#96; '
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    openers = {(number, side) for number, side, _, kind in ticked if kind in _OPENS}
    before: dict[str, list[frozenset[tuple[int, str]]]] = {}
    for _, _, word, opened in _word_places(msgid, words, openers):
        before.setdefault(word, []).append(opened)
    seen: dict[str, int] = {}
    keeps: dict[int, set[int]] = {}
    for number, ordinal, word, opened in _word_places(translation, words, openers):
        at = seen[word] = seen.get(word, -1) + 1
        sources = before.get(word, [])
        if at < len(sources) and opened <= sources[at]:
            keeps.setdefault(number, set()).add(ordinal)

    def written_with_escapes(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        if number not in keeps:
            return written
        escaped = [False] * text.count("`")
        ordinal = 0
        for match in _WORD.finditer(text):
            word = _source_word(match.group(), words)
            if word is None:
                continue
            if ordinal in keeps[number]:
                first = text.count("`", 0, match.start())
                for offset, escapes in enumerate(words[word]):
                    escaped[first + offset] = escapes
            ordinal += 1
        return _references_written(text, written, ["\\`" if escapes else "&#96;" for escapes in escaped])

    return written_with_escapes


def _references_written(text: str, written: str, spelled: list[str]) -> str:
    """``written``, the text ``text`` with each of its backticks written as a reference
    (``&#96;``), with its backticks written as ``spelled`` (one for each, in order); as it is
    when it was written otherwise (not one reference for each backtick).

    >>> _references_written("a`b`", "a&#96;b&#96;", ["`", "&#96;"])
    'a`b&#96;'
    """
    references = written.split("&#96;")
    if len(references) != len(spelled) + 1:
        return written
    return references[0] + "".join(
        spelling + rest for spelling, rest in zip(spelled, references[1:], strict=True)
    )


def _word_places(
    text: str, words: EscapedTicks, openers: set[tuple[int, str]]
) -> list[tuple[int, int, str, frozenset[tuple[int, str]]]]:
    """Each word of ``words`` in the texts of ``text`` between placeholders, in order: the number of
    its text (0: the first), which of those words of its text it is, the word, and the placeholders
    of ``openers`` (number, side: see :data:`Ticked`) before it."""
    split = PLACEHOLDER_RE.split(text)
    found = []
    opened: frozenset[tuple[int, str]] = frozenset()
    for number, start in enumerate(range(0, len(split), 4)):
        if start:
            closing, token, empty = split[start - 3 : start]
            side = "" if empty else ">" if closing else "<"
            if (int(token), side) in openers and not (closing and empty):
                opened |= {(int(token), side)}
        matches = [_source_word(match.group(), words) for match in _WORD.finditer(split[start])]
        found += [(number, ordinal, word, opened) for ordinal, word in enumerate(filter(None, matches))]
    return found


def _source_word(token: str, words: EscapedTicks) -> str | None:
    """The word of ``words`` that ``token`` (a word of a translation) holds with all its backticks
    (``„`x“`` holds ```x``), the longest; None if none.

    >>> _source_word("⟦`x", {"`": (True,), "`x": (True,)}), _source_word("``", {"`": (True,)})
    ('`x', None)
    """
    if token in words:
        return token
    ticks = token.count("`")
    held = [word for word in words if word in token and word.count("`") == ticks]
    return max(held, key=len, default=None)


#: The markup of a placeholder (by number) as its backticks and spaces, everything else ``x`` (see
#: :func:`tick_marks`): its opening (or standalone) markup's and its closing markup's.
TickMarks = tuple[tuple[int, str, str], ...]


def tick_marks(pieces: Mapping[int, PairedPieces | list[Part]]) -> TickMarks:
    """The markup of each placeholder of ``pieces`` as :func:`text_ticks_kept` reads it: its
    backticks and whitespace as they are, each other character ``x``.

    >>> tick_marks({1: ["`a b`"], 2: PairedPieces(["["], ["](u)"])})
    ((1, '`x x`', ''), (2, 'x', 'xxxx'))
    """
    found = []
    for number, piece in sorted(pieces.items()):
        sides = (piece.open, piece.close) if isinstance(piece, PairedPieces) else (piece, [])
        opening, closing = ("".join(_written(part) for part in parts) for parts in sides)
        found.append((number, _skeleton(opening), _skeleton(closing)))
    return tuple(found)


def _skeleton(text: str) -> str:
    """``text`` with each character but a backtick or whitespace ``x``."""
    return _NOT_TICK.sub("x", text)


#: A character that is no backtick and no whitespace.
_NOT_TICK = re.compile(r"[^`\s]")
#: A run of backticks.
_RUN = re.compile(r"`+")


def text_ticks_kept(
    words: tuple[str, ...],
    marks: TickMarks,
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    """How each text of ``translation`` is written (see :attr:`TextSlot.keep_runs`, ``keep_runs``
    first; its backticks references, as the block's escape writes them): the backticks of each word
    of the translation holding a word of ``words`` (the source's words with backticks it writes as
    they are, which open no code span there) as they are, where, with the markup of the
    placeholders (``marks``, see :func:`tick_marks`), each renderer pairs no run of them and the
    markup's runs as without them (see :func:`_unpaired`); else none.

    >>> marks = ((1, "`xxxx`", ""),)
    >>> keep = text_ticks_kept(("it`s.",), marks, None, "<1/> und it`s.")
    >>> keep(1, " und it`s.", " und it&#96;s.")
    ' und it`s.'
    >>> keep = text_ticks_kept(("it`s.",), marks, None, "it`s. <1/> und")
    >>> keep(0, "it`s. ", "it&#96;s. ")
    'it&#96;s. '
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    keeps = _kept_ticks(words, dict((number, (o, c)) for number, o, c in marks), translation)

    def written_with_ticks(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        if number not in keeps:
            return written
        spelled = ["`" if ordinal in keeps[number] else "&#96;" for ordinal in range(text.count("`"))]
        return _references_written(text, written, spelled)

    return written_with_ticks


def _kept_ticks(
    words: tuple[str, ...], marks: dict[int, tuple[str, str]], translation: str
) -> dict[int, set[int]]:
    """The backticks of the texts of ``translation`` (by the number of the text, each by its ordinal
    in it) that :func:`text_ticks_kept` writes as they are."""
    split = PLACEHOLDER_RE.split(translation)
    skeleton: list[str] = []
    kept: list[int] = []  # (where each kept backtick is in the skeleton)
    keeps: dict[int, set[int]] = {}
    for number, start in enumerate(range(0, len(split), 4)):
        if start:
            closing, token, empty = split[start - 3 : start]
            opening, closing_marks = marks.get(int(token), ("x", "x"))
            skeleton.append(closing_marks if closing and not empty else opening if not closing else "x")
        text = split[start]
        chars = list(_skeleton(text).replace("`", "x"))
        for match in _WORD.finditer(text):
            if not any(
                word in match.group() and word.count("`") == match.group().count("`") for word in words
            ):
                continue
            for at in range(match.start(), match.end()):
                if text[at] == "`":
                    chars[at] = "`"
                    keeps.setdefault(number, set()).add(text.count("`", 0, at))
        offset = sum(map(len, skeleton))
        kept += [offset + at for at, char in enumerate(chars) if char == "`"]
        skeleton.append("".join(chars))
    if not kept:
        return {}
    written = "".join(skeleton)
    if not _unpaired(written, frozenset(kept)):
        return {}
    return keeps


def _unpaired(skeleton: str, kept: frozenset[int]) -> bool:
    """Whether in ``skeleton`` (backticks, whitespace, ``x``) the backticks at ``kept`` make no
    code span in any renderer and the others pair as without them: no run mixes both, none of
    ``kept`` opens, closes or is in a code span, and each renderer's code spans are those it finds
    with ``kept`` written otherwise; no run of three or more of ``kept`` starts the line (a fence).

    >>> _unpaired("`xx` x x`x", frozenset({8})), _unpaired("x`x `x`", frozenset({1}))
    (True, False)
    >>> _unpaired("x `` x ` x", frozenset({2, 3, 7}))  # (Python-Markdown: a code span)
    False
    """
    runs = [match.span() for match in _RUN.finditer(skeleton)]
    for start, end in runs:
        if len({at in kept for at in range(start, end)}) > 1:
            return False
        if start in kept and end - start >= 3 and not skeleton[:start].strip():
            return False
    without = "".join("x" if at in kept else char for at, char in enumerate(skeleton))
    for pairs in (_commonmark_pairs, _kramdown_pairs, _python_markdown_pairs):
        spans = pairs(skeleton)
        if spans != pairs(without) or any(start <= at < end for start, end in spans for at in kept):
            return False
    return True


def _commonmark_pairs(skeleton: str) -> list[tuple[int, int]]:
    """The code spans (from the opening run's start to the closing run's end) Goldmark (CommonMark)
    finds in ``skeleton``: a run and the next of its length.

    >>> _commonmark_pairs("`x``x`x``")
    [(0, 6)]
    """
    runs = [match.span() for match in _RUN.finditer(skeleton)]
    spans, at = [], 0
    while at < len(runs):
        start, end = runs[at]
        closer = next(
            (later for later in range(at + 1, len(runs)) if _length(runs[later]) == end - start), None
        )
        if closer is None:
            at += 1
            continue
        spans.append((start, runs[closer][1]))
        at = closer + 1
    return spans


def _kramdown_pairs(skeleton: str) -> list[tuple[int, int]]:
    """The code spans kramdown finds in ``skeleton``: a run and the next as many backticks (of a
    longer run too); a lone backtick between spaces is text.

    >>> _kramdown_pairs("`x``x`"), _kramdown_pairs("x ` x`")
    ([(0, 3), (3, 6)], [])
    """
    spans, at = [], 0
    while (match := _RUN.search(skeleton, at)) is not None:
        start, end = match.span()
        spaced = (
            end - start == 1 and skeleton[start - 1 : start].isspace() and skeleton[end : end + 1].isspace()
        )
        closer = -1 if spaced else skeleton.find(match.group(), end)
        if closer < 0:
            at = end
            continue
        spans.append((start, closer + end - start))
        at = closer + end - start
    return spans


def _python_markdown_pairs(skeleton: str) -> list[tuple[int, int]]:
    """The code spans Python-Markdown finds in ``skeleton``: a run and the next run of its length,
    else of one backtick fewer, and so on (the rest of the opening run is code).

    >>> _python_markdown_pairs("x``x`x"), _python_markdown_pairs("`x``x`")
    ([(1, 5)], [(0, 6)])
    """
    runs = [match.span() for match in _RUN.finditer(skeleton)]
    spans, at = [], 0
    while at < len(runs):
        start, end = runs[at]
        for length in range(end - start, 0, -1):
            closer = next(
                (later for later in range(at + 1, len(runs)) if _length(runs[later]) == length), None
            )
            if closer is not None:
                spans.append((start, runs[closer][1]))
                at = closer + 1
                break
        else:
            at += 1
    return spans


def _length(run: tuple[int, int]) -> int:
    return run[1] - run[0]
