"""Text of a Markdown source that looks like an HTML tag and is none to CommonMark, which a
translation keeping it writes as the source does.

CommonMark takes no backtick (nor ``=``, ``<`` or ``>``) in an unquoted attribute value, so Hugo
(Goldmark) shows ``<span title=a`b>`` as text, as kramdown does; Python-Markdown (MkDocs) passes it
through as a tag. :func:`~transpub.formats.md_escape.escape_markdown` writes a translation's ``<``
``&lt;`` (no tag in any renderer), so a pseudo-translated page wrote the source's ``&lt;span…``.
Where a translation holds such a stretch of the source once, from its ``<`` to its ``>``, and it is
written as the source writes it but for that ``<`` (its backtick kept too, see
:func:`~transpub.formats.md_reader._tick_kept`), its ``<`` is written as it is: each renderer reads
it as it reads the source's. A stretch the source escapes (``\\<b>``, text in CommonMark and kramdown,
a backslash and a tag in Python-Markdown, which takes no ``\\<``) is written with the source's escape,
not ``&lt;``, which showed otherwise in Goldmark's heading ids (``use-ltb-tags``, not ``use-b-tags``)
and in Python-Markdown; being no tag where a line starts, it is kept there too. The stretch holds no quote (a translator's quote after it could make
a quoted value of what follows), no line break and no other ``<`` or ``>``, so where it ends does
not depend on what is around it; it is kept after other text on its line only (at a line's start a
block tag's name would start an HTML block in Python-Markdown).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable

from .runs import Atom

#: What may be text that looks like a tag: ``<`` and a letter or ``/``, up to the first ``>``.
_TAG_TEXT = re.compile(r"<[A-Za-z/][^<>\"'\n\\&]*>")


def tag_texts_in(atoms: list[Atom]) -> tuple[str, ...]:
    r"""The stretches of the text of ``atoms`` (a block's) that look like a tag, as the source writes
    them (one it escapes with its backslash) and shows them (Markdown read no tag there: they are in
    its text).

    >>> tag_texts_in([Atom("text", "A <span title=a`b> hi", "A <span title=a`b> hi")])
    ('<span title=a`b>',)
    >>> tag_texts_in([Atom("text", "A ", "A "), Atom("text", "\\<", "<"), Atom("text", "b x=`> <a\nb=`>", "b x=`> <a\nb=`>")])
    ('\\<b x=`>',)
    """
    found: dict[str, None] = {}
    for _, run in itertools.groupby(atoms, key=lambda atom: atom.kind == "text"):
        texts = [atom for atom in run if atom.kind == "text"]  # (an escape is an atom of its own)
        raw = "".join(atom.raw for atom in texts)
        if "<" not in raw:
            continue
        text = "".join(atom.text for atom in texts)
        for match in _TAG_TEXT.finditer(raw):
            slashes = match.start()
            while slashes and raw[slashes - 1] == "\\":
                slashes -= 1
            escaped = (match.start() - slashes) % 2 == 1
            if match.group() in text and (escaped or slashes == match.start()):
                found["\\" * escaped + match.group()] = None
    return tuple(found)


def shown_tag(tag: str) -> str:
    """The text a stretch of :func:`tag_texts_in` shows (its escape, if any, left out)."""
    return tag.removeprefix("\\")


def tag_texts_kept(
    tags: tuple[str, ...],
    keep_runs: Callable[[str], Callable[[int, str, str], str]] | None,
    translation: str,
) -> Callable[[int, str, str], str]:
    r"""How each text of ``translation`` is written (see
    :attr:`~transpub.formats.document.TextSlot.keep_runs`, ``keep_runs`` first): each of ``tags``
    (see :func:`tag_texts_in`) the translation holds once, written as the source writes it but for
    its ``<`` (``&lt;``), with its ``<`` as the source writes it, after other text on its line (one
    the source escapes, anywhere).

    >>> keep = tag_texts_kept(("<b x=a`b>",), None, "Ein <b x=a`b> hier")
    >>> print(keep(0, "Ein <b x=a`b> hier", "Ein &lt;b x=a`b> hier"))
    Ein <b x=a`b> hier
    >>> print(keep(0, "Ein <b x=a`b> hier", "Ein &lt;b x=a&#96;b> hier"))
    Ein &lt;b x=a&#96;b> hier
    >>> keep = tag_texts_kept(("<b x=a`b>",), None, "<b x=a`b> hier")
    >>> print(keep(0, "<b x=a`b> hier", "&lt;b x=a`b> hier"))
    &lt;b x=a`b> hier
    >>> keep = tag_texts_kept(("\\<b>",), None, "<b> hier")
    >>> print(keep(0, "<b> hier", "&lt;b> hier"))
    \<b> hier
    """
    kept = keep_runs(translation) if keep_runs is not None else None
    once = tuple(tag for tag in tags if translation.count(shown_tag(tag)) == 1)

    def written_with_tags(number: int, text: str, written: str) -> str:
        if kept is not None:
            written = kept(number, text, written)
        for tag in once:
            shown = shown_tag(tag)
            if shown not in text:
                continue
            escaped = "&lt;" + shown[1:]
            at = written.find(escaped)
            if written.count(escaped) == 1 and (tag != shown or (at > 0 and written[:at].strip())):
                written = written[:at] + tag[: len(tag) - len(shown) + 1] + written[at + 4 :]
        return written

    return written_with_tags
