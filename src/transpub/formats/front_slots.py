"""The translatable values of a front matter block as slots, for every reader of content files
(Markdown, and HTML content pages of a static-site generator)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from ..inline import escape_lookalikes
from .document import AttrSlot
from .front_matter import FrontMatter
from .options import ReadOptions
from .runs import collapse_space, offered

#: The unit kind of a front matter key's value (others: ``front-matter:<key>``).
_KINDS = {"title": "title", "description": "attribute:content", "summary": "attribute:content"}


def front_matter_slots(
    front: FrontMatter, raw: Callable[[int, int], str], options: ReadOptions
) -> Iterator[tuple[int, int, AttrSlot]]:
    """Each translated value of ``front`` offered to translators: its start and end offsets in the
    text and its slot (``raw``: the text as written between two offsets)."""
    for value in front.values:
        msgid = escape_lookalikes(collapse_space(value.value))
        if not offered(msgid, options):
            continue
        kind = _KINDS.get(value.key if value.index is None else "", f"front-matter:{value.key}")
        ref = f"front-matter/{value.key}" + (f"/{value.index + 1}" if value.index is not None else "")
        yield (
            value.start,
            value.end,
            AttrSlot(msgid, ref, raw(value.start, value.end), kind, write=value.write),
        )
