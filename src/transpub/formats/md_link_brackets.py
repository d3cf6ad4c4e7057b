"""Brackets a Markdown source writes as they are around a link (``[[[x](y)](y)](y)``), which a
translation keeping them writes as the source does.

A link holds no link in CommonMark: ``[[[x](y)](y)](y)`` is a link ``x`` with ``[[`` before it and
``](y)](y)`` after it as text to Goldmark (Hugo), and kramdown and Python-Markdown link the outer
brackets. :func:`~transpub.formats.md_escape.escape_markdown` writes a translation's brackets
``&#91;`` and ``&#93;`` (text in every renderer), so a pseudo-translated page wrote
``&#91;&#91;[x](y)&#93;(y)&#93;(y)``. Where a translation writes the run of ``[`` the source writes
right before a link and the ``](address "title")`` groups it writes right after it (an address
with no space, parenthesis or backslash, or in ``<…>``; a title or none; an address that is a bare
URL, ``](https://…)``, or an autolink, ``](<https://…>)``, a placeholder of its own), both around the same link, they are written as
the source writes them: the brackets, addresses and titles are the source's, in the source's order
around the source's link, so each renderer links what it links in the source. Not after a
translator's ``!`` (an image), ``\\`` or ``]``, nor after other markup than the source's. Text a
translation glues after a bare URL's group (``](https://…)了解``, where the source has a space or
other text, ``).``) is written apart from it with an empty HTML comment, where Goldmark's linkify (Hugo) ends the URL as
at the source's space.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import NamedTuple

from ..inline import PLACEHOLDER_RE
from .document import PairedPieces, Part
from .md_escape import EMPTY_COMMENT, standalone_url
from .md_url_glue import is_bare_url, link_written
from .runs import Atom

#: The ``[`` a text ends with.
_OPENINGS = re.compile(r"(?<![\\!\[])\[+$")
#: A link title after its address, or none (no backslash, no line break).
_TITLE = r"""(?:[ ]+(?:"[^"\\\n]*"|'[^'\\\n]*'|\([^()\\\n]*\)))?"""
#: A ``](address "title")`` group: an address with no space, parenthesis, ``<`` or backslash, or
#: one in ``<…>``.
_GROUP = r"\]\((?:[^\s()<>\\]*|<[^<>\n\\]*>)" + _TITLE + r"\)"
#: The ``](address)`` groups a text starts with.
_CLOSINGS = re.compile(f"(?:{_GROUP})+")
#: What follows a bare URL that is the address of a ``](`` group: its title and ``)``, then any
#: more groups.
_URL_GROUP_END = re.compile(_TITLE + r"\)" + f"(?:{_GROUP})*")
#: Where a closing's bare URL stands (a placeholder of its own in the msgid).
URL = "\x00"
#: What a translator's text may not end with right before a kept ``[``: an image's ``!``, an
#: escape, a reference's ``]``.
_NOT_BEFORE = ("!", "\\", "]")


def link_brackets_in(atoms: list[Atom]) -> tuple[tuple[str, str], ...]:
    """The runs of ``[`` the text of ``atoms`` writes as it is right before a link, and the
    ``](address)`` groups it writes right after one: ``(openings, closings)`` for each pair of them.

    >>> texts = [Atom("text", "A [[", "A [["), Atom("open", parts=["["]), Atom("text", "x", "x")]
    >>> link = [Atom("close", parts=["](", "y", ")"]), Atom("text", "](y)](y) b", "](y)](y) b")]
    >>> link_brackets_in([*texts, *link])
    (('[[', '](y)](y)'),)
    """
    openings, closings = [], []
    for at, (before, atom, after) in enumerate(zip(atoms, atoms[1:], atoms[2:], strict=False)):
        if atom.kind == "open" and atom.parts[:1] == ["["] and before.kind == "text":
            found = _OPENINGS.search(before.raw)
            if found and before.text.endswith(found.group()):
                openings.append(found.group())
        if atom.kind == "close" and atom.parts[-1:] == [")"] and after.kind == "text":
            closing = _closing(after, atoms[at + 3 : at + 5])
            if closing:
                closings.append(closing)
    return tuple(dict.fromkeys((opening, closing) for opening in openings for closing in closings))


def _closing(after: Atom, then: list[Atom]) -> str:
    """The ``](address)`` groups the text ``after`` (right after a link) starts with as it is, ""
    for none; a ``](`` ending it, before a bare URL or an autolink (the first of ``then``) and a
    text starting with the group's end (the second): :data:`URL` where the URL stands.

    >>> from transpub.formats.html_tree import Node
    >>> url = Atom("object", parts=["https://a.org/"], node=Node("a", -1, None, {}))
    >>> _closing(Atom("text", '](y "t") b', '](y "t") b'), [])
    '](y "t")'
    >>> _closing(Atom("text", "](", "]("), [url, Atom("text", ") b", ") b")]) == "](" + URL + ")"
    True
    """
    found = _CLOSINGS.match(after.raw)
    if found and after.text.startswith(found.group()):
        return found.group()
    if after.raw != "](" or after.text != "](" or len(then) < 2:
        return ""
    url, end = then
    if end.kind != "text" or not (is_bare_url(url) or _is_autolink(url)):
        return ""
    found = _URL_GROUP_END.match(end.raw)
    return "](" + URL + found.group() if found and end.text.startswith(found.group()) else ""


def _is_autolink(atom: Atom) -> bool:
    """Whether ``atom`` is an autolink (``<https://…>``, ``<ann@example.com>``), however it shows
    (``<https://a.org/%41>`` shows ``…/A``).

    >>> from transpub.formats.html_tree import Node
    >>> [_is_autolink(Atom("object", parts=[raw], node=Node("a", -1, None, {}))) for raw in ("<https://a.org/%41>", "<a>b</a>")]
    [True, False]
    """
    raw = link_written(atom) or ""
    return raw[:1] == "<" and standalone_url(raw[1:-1], str) == raw


def link_brackets_kept(
    brackets: tuple[tuple[str, str], ...],
    msgid: str,
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    """How each text of ``translation`` is written (see
    :attr:`~transpub.formats.document.TextSlot.keep_runs`, ``keep_runs`` first): the brackets of
    ``brackets`` (see :func:`link_brackets_in`) that ``msgid`` writes around a placeholder ``<N>…</N>``
    as the source writes them, where the translation writes both around it too (see the module's
    docstring).

    >>> keep = link_brackets_kept((("[[", "](y)](y)"),), "[[<1>x</1>](y)](y)", None, "Ein [[<1>x</1>](y)](y).")
    >>> keep(0, "Ein [[", "Ein &#91;&#91;"), keep(1, "x", "x"), keep(2, "](y)](y).", "&#93;(y)&#93;(y).")
    ('Ein [[', 'x', '](y)](y).')
    >>> keep = link_brackets_kept((("[[", "](y)](y)"),), "[[<1>x</1>](y)](y)", None, "Ein ![[<1>x</1>](y)](y).")
    >>> keep(0, "Ein ![[", "Ein !&#91;&#91;")
    'Ein !&#91;&#91;'
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    ends, starts, glued, _ = _kept_pieces(brackets, msgid, translation)

    def written_with_brackets(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        opening = ends.get(number)
        if opening is not None and written.endswith("&#91;" * len(opening)):
            written = written[: len(written) - 5 * len(opening)] + opening
        closing = starts.get(number)
        length = _escaped_length(closing, written) if closing is not None else None
        if closing is not None and length is not None:
            written = closing + (EMPTY_COMMENT if number in glued else "") + written[length:]
        return written

    return written_with_brackets


class Destination(str):
    """A bare URL of the source written as a link's address (``](https://…)``, see
    :func:`url_destinations_kept`): as it is, never apart from what follows it (see
    :func:`~.document._bare_url_in_place`)."""


def url_destinations_kept(
    brackets: tuple[tuple[str, str], ...],
    msgid: str,
    translation: str,
    pieces: dict[int, PairedPieces | list[Part]],
    inner: Callable[[str, dict[int, PairedPieces | list[Part]]], dict[int, PairedPieces | list[Part]]]
    | None = None,
) -> dict[int, PairedPieces | list[Part]]:
    """The markup ``translation``'s placeholders are written with (``inner`` first, see
    :attr:`~.document.TextSlot.pieces_for`): the bare URL of each ``](url)`` group kept (see
    :func:`link_brackets_kept`) a :class:`Destination`, the address of the link it is there."""
    if inner is not None:
        pieces = inner(translation, pieces)
    urls = _kept_pieces(brackets, msgid, translation).urls
    if not urls:
        return pieces
    pieces = dict(pieces)
    for number in urls:
        piece = pieces.get(int(number))
        if isinstance(piece, list) and len(piece) == 1 and piece[0].__class__ is str:
            pieces[int(number)] = [Destination(piece[0])]
    return pieces


#: A character as an escape writes it: backslash-escaped, or a character reference.
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])|&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]*);")


def _escaped_length(source: str, written: str) -> int | None:
    """How long the start of ``written`` (escaped text) is that writes ``source`` (each character as
    it is, backslash-escaped or as a character reference); None where it does not start so.

    >>> _escaped_length('](/y~z "t")', '&#93;(/y&#126;z "t") b'), _escaped_length("](y)", "&#93;(z)")
    (20, None)
    """
    at = 0
    for char in source:
        if written.startswith(char, at):
            at += 1
            continue
        found = _ESCAPED.match(written, at)
        if found is None or (found.group(1) or html.unescape(found.group())) != char:
            return None
        at = found.end()
    return at


class _Kept(NamedTuple):
    """What of a translation is written as the source writes it (see :func:`_kept_pieces`)."""

    #: The texts (by number) whose end is a run of ``[`` kept.
    ends: dict[int, str]
    #: The texts whose start is ``](address)`` groups kept.
    starts: dict[int, str]
    #: The texts starting with the end of a group whose bare URL the translation glues more to than
    #: the source (``)了解``): an empty HTML comment after the group, which Goldmark's linkify (Hugo)
    #: ends the URL at, as at the source's space.
    glued: frozenset[int]
    #: The placeholders (by number) of the bare URLs of groups kept: link addresses (see
    #: :func:`url_destinations_kept`).
    urls: frozenset[str]


def _kept_pieces(brackets: tuple[tuple[str, str], ...], msgid: str, translation: str) -> _Kept:
    """The texts of ``translation`` whose brackets are kept, and how (see :class:`_Kept` and
    :func:`link_brackets_kept`)."""
    split = PLACEHOLDER_RE.split(translation)
    ends: dict[int, str] = {}
    starts: dict[int, str] = {}
    glued: set[int] = set()
    urls: set[str] = set()
    for opening, closing in brackets:
        for match in re.finditer(re.escape(opening) + r"<(\d+)>", msgid):
            number = match.group(1)
            if not _closing_follows(msgid, translation, number, closing):
                continue
            opened = next(
                (at for at in range(1, len(split), 4) if split[at : at + 3] == ["", number, ""]), None
            )
            closed = next(
                (at for at in range(1, len(split), 4) if split[at : at + 3] == ["/", number, ""]), None
            )
            if opened is None or closed is None:
                continue
            before = split[opened - 1]
            if not before.endswith(opening):
                continue
            rest = before[: len(before) - len(opening)]
            if (rest or opened > 1) and (not rest or rest.endswith(_NOT_BEFORE)):
                continue  # (after other markup, an image's !, an escape or a ])
            ends[(opened - 1) // 4] = opening
            first, _, end = closing.partition(URL)
            starts[(closed + 3) // 4] = first
            if end:
                starts[(closed + 7) // 4] = end
                urls.add(split[closed + 5])
                if _glued_after_url(msgid, translation, number):
                    glued.add((closed + 7) // 4)
    return _Kept(ends, starts, frozenset(glued), frozenset(urls))


def _closing_follows(msgid: str, translation: str, number: str, closing: str) -> bool:
    """Whether ``translation`` writes ``closing`` right after the placeholder ``</number>`` as
    ``msgid`` does (its bare URL the placeholder it is there); one whose address is a bare URL, with
    the same text after the URL up to a space, or other text glued after the group's end (written
    apart from it, see :class:`_Kept`).

    >>> url = "](" + URL + ' "t")'
    >>> _closing_follows('A [<1>x</1>](<2/> "t") b', 'Ein [<1>x</1>](<2/> "t")c', "1", url)
    True
    >>> _closing_follows("A [<1>x</1>](<2/>) b", "Ein [<1>x</1>](<2/>x) b", "1", "](" + URL + ")")
    False

    Text glued after the group where the source writes a space or punctuation (``](<2/>)了解``)
    is written apart from the group (see :func:`link_brackets_kept`):

    >>> _closing_follows("A [<1>x</1>](<2/>) b", "Ein [<1>x</1>](<2/>)c", "1", "](" + URL + ")")
    True
    >>> _closing_follows("A [<1>x</1>](<2/>). b", "Ein [<1>x</1>](<2/>)c", "1", "](" + URL + ")")
    True
    """
    pattern = r"<\d+/>".join(map(re.escape, closing.split(URL)))
    found = re.search(f"</{number}>({pattern})", msgid)
    at = _end_of(translation, number)
    if found is None or not translation.startswith(found.group(1), at):
        return False
    if URL not in closing:
        return True
    url = re.search(r"<\d+/>", found.group(1))
    assert url is not None  # (the pattern has one)
    after = at + url.end()
    word, source = _word(translation, after), _word(msgid, found.start(1) + url.end())
    # (or the translation glues other text to the group than the source, a space, punctuation: see
    # _kept_pieces; the group's end is in both words, where it holds no space)
    return word == source or word.startswith(found.group(1)[url.end() :])


def _glued_after_url(msgid: str, translation: str, number: str) -> bool:
    """Whether ``translation`` glues more to the ``](url)`` group after ``</number>`` than ``msgid``
    does (see :func:`_closing_follows`): text or markup where the source has a space.

    >>> _glued_after_url("A [<1>x</1>](<2/>) b", "Ein [<1>x</1>](<2/>)c", "1")
    True
    >>> _glued_after_url("A [<1>x</1>](<2/>) b", "Ein [<1>x</1>](<2/>) c", "1")
    False
    """
    url = re.compile(r"\]\(<\d+/>")
    found = re.search(f"</{number}>", msgid)
    at = _end_of(translation, number)
    if found is None or at < 0:
        return False
    source, written = url.match(msgid, found.end()), url.match(translation, at)
    if source is None or written is None:
        return False
    return _word(translation, written.end()) != _word(msgid, source.end())


def _word(text: str, at: int) -> str:
    """The characters of ``text`` from ``at`` up to a space."""
    found = re.compile(r"\S*").match(text, at)
    return found.group() if found else ""


def _end_of(translation: str, number: str) -> int:
    """Where the placeholder ``</number>`` of ``translation`` ends (-1: nowhere).

    >>> _end_of("Ein [<1>x</1>](y)", "1")
    13
    """
    for found in PLACEHOLDER_RE.finditer(translation):
        if found.group(1) == "/" and found.group(2) == number and not found.group(3):
            return found.end()
    return -1


#: A ``[`` or ``]`` as written: bare, or as the character reference an escape writes.
_WRITTEN_BRACKET = re.compile(r"\[|\]|&#9[13];")


def link_texts_in(translation: str, opens_link: Callable[[int], bool]) -> frozenset[int]:
    """The texts of ``translation`` (by number, 0: the first) inside a link's text: after a paired
    placeholder whose markup opens with ``[`` (``opens_link``, given its number) and before its end.

    >>> sorted(link_texts_in("A <1>b <2>c</2> d</1> e <3>f</3>", lambda number: number == 1))
    [1, 2, 3]
    """
    split = PLACEHOLDER_RE.split(translation)
    inside: set[int] = set()
    found: set[int] = set()
    for index in range(1, len(split), 4):
        closing, number, empty = split[index : index + 3]
        if empty or not opens_link(int(number)):
            pass
        elif closing:
            inside.discard(int(number))
        else:
            inside.add(int(number))
        if inside:
            found.add((index + 3) // 4)
    return frozenset(found)


def closings_in_links_escaped(
    opens_link: Callable[[int], bool],
    kept_first: Callable[[str], bool],
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    """How each text of ``translation`` is written (see
    :attr:`~transpub.formats.document.TextSlot.keep_runs`, ``keep_runs`` first): inside a link's
    text (see :func:`link_texts_in`), a ``]`` written as it is that closes no ``[`` of its text is
    written ``&#93;`` (it would end the link's text there: a lone ``]`` the source writes as it is
    is kept so elsewhere, see :data:`~transpub.formats.md_escape.LONE_CLOSING`), but a first one
    ``kept_first`` says the source writes after its markup (brackets around markup, see
    :func:`~transpub.formats.md_escape.brackets_in`).

    >>> keep = closings_in_links_escaped(lambda n: n == 1, lambda w: False, None, "a] <1>b] [c] d</1> e] f")
    >>> keep(0, "a] ", "a] "), keep(1, "b] [c] d", "b] [c] d"), keep(2, " e] f", " e] f")
    ('a] ', 'b&#93; [c] d', ' e] f')
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    inside = link_texts_in(translation, opens_link)

    def written_with_closings_escaped(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        if number not in inside or "]" not in written:
            return written
        out, depth, at, first = [], 0, 0, kept_first(written)
        for found in _WRITTEN_BRACKET.finditer(written):
            bracket = found.group()
            if bracket == "[":
                depth += 1
            elif bracket == "]" and depth:
                depth -= 1
            elif bracket == "]" and not first:
                out += [written[at : found.start()], "&#93;"]
                at = found.end()
            first = False
        return "".join(out) + written[at:]

    return written_with_closings_escaped
