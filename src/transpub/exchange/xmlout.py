"""Pretty-printing exchange documents without touching the text inside their segments."""

from __future__ import annotations

from lxml import etree

#: Elements whose content is text (with inline codes): never re-indented.
LEAVES = frozenset({"source", "target", "seg", "note", "data", "prop"})


def indent(element: etree._Element, level: int = 0, space: str = "  ") -> None:
    """Indent structural elements two spaces a level; leaves (segments, notes) are left as they are."""
    children = [child for child in element if isinstance(child.tag, str)]
    if not children or etree.QName(element).localname in LEAVES:
        return
    inner = "\n" + space * (level + 1)
    element.text = inner
    for child in children:
        indent(child, level + 1, space)
        child.tail = inner
    children[-1].tail = "\n" + space * level
