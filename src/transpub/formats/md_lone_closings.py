"""A ``]`` a translation writes where its source writes one that closes nothing (``A x] b.``), at
the end of a text between placeholders or of the unit, or on a page that defines references.

:func:`~transpub.formats.md_escape.escape_markdown_keeping` writes such a ``]`` as it is where the
text after it in its piece makes no link of it (see
:data:`~transpub.formats.md_escape.LONE_CLOSING`), ``&#93;`` at a piece's end, whatever follows it:
a pseudo-translated ``A x]*b* c.`` or ``A x]`` wrote ``&#93;``. After a ``]``, only ``(`` (an
inline link), ``:`` (a definition) and ``[`` (a reference, spaces or a line break between in
kramdown and Python-Markdown) make a link of it, in CommonMark (Hugo), kramdown (Jekyll) and
Python-Markdown (MkDocs). :func:`lone_closings_at_ends` writes it as it is where the markup after
it starts with emphasis, a code span, an HTML tag, an image or a hard line break (``*`` ``_``
`````` ``~`` ``<`` ``!`` ``\\``) or is a Hugo shortcode ``{{< … >}}`` (whose output Hugo inserts
after rendering; not ``{{% … %}}``, whose output may be ``(/url)`` read with the ``]``), and at the
unit's end where the source writes a space, a line break or nothing after the unit.

On a page that defines references, a ``]`` could also close a ``[`` before it into a label the
page defines (``[docs]``): none is written as it is by the escape; this writes one as it is where,
as above, nothing after it makes a link of it, and the text before it, back to a ``[`` or ``]``,
ends no label the page defines (nor is empty); at the unit's end, only in the last unit of its
run (a reference ``[label]`` of the next may follow).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..inline import PLACEHOLDER_RE
from .document import PairedPieces, Part

#: What markup may start with right after a ``]`` that makes no link of it: emphasis, strikethrough,
#: a code span, an HTML tag, an image, a backslash (a hard line break).
SAFE_AFTER = frozenset("*_`~<!\\")
#: A Hugo shortcode whose output Hugo puts in the page after Markdown is rendered (``{{< x >}}``), so
#: that nothing it writes (``(/url)``, ``[label]``) makes a link of a ``]`` before it (the output of
#: ``{{% x %}}`` is read as Markdown with the text around it: it may); to any other generator it is
#: text starting with ``{``, which makes no link either.
_SHORTCODE_AFTER_MARKDOWN = "{{<"
#: A ``]`` written as a reference, the text after it in its piece making no link of it (see
#: :data:`~transpub.formats.md_escape.LONE_CLOSING`), or none (its piece's end).
_WRITTEN = re.compile(r"&#93;(?:(?![(:])(?=\s*(?!&#91;)[^\s\[])|(?=\s*$))")
#: The end of a label: the text back to its ``[`` (or a ``]`` before it).
_LABEL_END = re.compile(r"[^\[\]]*$")


def lone_closings_at_ends(
    pieces: dict[int, PairedPieces | list[Part]],
    unit_end: bool,
    labels: frozenset[str],
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    """How each text of ``translation`` is written (see
    :attr:`~transpub.formats.document.TextSlot.keep_runs`, ``keep_runs`` first): each ``&#93;``
    that no text or markup after it makes a link of (``unit_end``: nothing after the unit does),
    written ``]`` (see the module's docstring); ``labels``: the page's (normalized, see
    :func:`ends_no_label`).

    >>> pieces = {1: PairedPieces(["*"], ["*"])}
    >>> keep = lone_closings_at_ends(pieces, True, frozenset(), None, "A x]<1>b</1> c x]")
    >>> keep(0, "A x]", "A x&#93;"), keep(2, " c x]", " c x&#93;")
    ('A x]', ' c x]')
    >>> keep = lone_closings_at_ends(pieces, False, frozenset(), None, "A x]<1>b</1> c x]")
    >>> keep(2, " c x]", " c x&#93;")
    ' c x&#93;'
    >>> keep = lone_closings_at_ends({1: ["[y](/z)"]}, True, frozenset(), None, "A x]<1/>")
    >>> keep(0, "A x]", "A x&#93;")
    'A x&#93;'
    >>> keep = lone_closings_at_ends({}, True, frozenset({"DOCS"}), None, " docs] x] b")
    >>> keep(0, " docs] x] b", " docs&#93; x&#93; b")
    ' docs&#93; x] b'
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    split = PLACEHOLDER_RE.split(translation)

    def written_with_lone_closings(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        if "&#93;" not in written:
            return written
        at_end = _markup_after_is_safe(pieces, split, number) if 1 + 4 * number < len(split) else unit_end
        out: list[str] = []
        at = 0
        for found in _WRITTEN.finditer(written):
            if not written[found.end() :].strip() and not at_end:
                continue
            if labels and not ends_no_label("".join(out) + written[at : found.start()], labels):
                continue
            out += [written[at : found.start()], "]"]
            at = found.end()
        return "".join(out) + written[at:]

    return written_with_lone_closings


def _markup_after_is_safe(
    pieces: dict[int, PairedPieces | list[Part]], split: list[str], number: int
) -> bool:
    """Whether the markup of the placeholder after the text ``number`` of a translation (``split``
    by :data:`PLACEHOLDER_RE`) starts with a character of :data:`SAFE_AFTER`."""
    closing, found, empty = split[1 + 4 * number : 4 + 4 * number]
    piece = pieces.get(int(found))
    if piece is None or (closing and empty):
        return False
    parts = piece if isinstance(piece, list) else piece.close if closing or empty else piece.open
    first = parts[0] if parts else None
    return isinstance(first, str) and (first[:1] in SAFE_AFTER or first.startswith(_SHORTCODE_AFTER_MARKDOWN))


def ends_no_label(before: str, labels: frozenset[str]) -> bool:
    """Whether the text ``before`` a ``]`` (escaped; a translator's ``[`` is ``&#91;``), back to a
    ``[`` or ``]`` (else all of it: the label would hold it all), ends none of ``labels`` (normalized as markdown-it normalizes a reference's: whitespace collapsed, case
    folded), nor is blank (what is before it is unknown).

    >>> ends_no_label(" Docs", frozenset({"DOCS"})), ends_no_label("See docs", frozenset({"DOCS"}))
    (False, True)
    >>> ends_no_label("[a] ", frozenset({"DOCS"}))
    False
    """
    found = _LABEL_END.search(before)
    end = " ".join((found.group() if found else "").split()).lower().upper()
    return bool(end) and not any(label.endswith(end) for label in labels)
