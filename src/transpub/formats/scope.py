"""Which parts of a page are the article: ``[extract] include`` / ``exclude`` CSS selectors.

Selectors are compiled by cssselect (the CSS → XPath translator lxml uses) and matched on an
lxml mirror of the reader's element tree, so the reader's own byte-faithful tree is never
rebuilt. Outside the scope nothing is extracted and every byte is kept.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .html_tree import Node

if TYPE_CHECKING:
    import lxml.etree
    from cssselect import HTMLTranslator

# lxml and cssselect are imported when a selector is first used: a project without [extract]
# include or exclude (nearly all) never loads them (about 55M instructions a run)

_ID = "data-transpub-node"


@functools.cache
def _translator() -> HTMLTranslator:
    from cssselect import HTMLTranslator

    return HTMLTranslator()


class BadSelector(ValueError):
    """A selector that does not parse (the message says where)."""


#: lxml checks each element it adds against all its ancestors, so a mirror costs the square of
#: its depth: selectors are matched on pages nesting elements up to this depth.
MAX_SCOPE_DEPTH = 2_000


class TooDeep(ValueError):
    """A page nests elements deeper than :data:`MAX_SCOPE_DEPTH`; ``node`` is the first too deep."""

    def __init__(self, node: Node) -> None:
        super().__init__(f"elements nested more than {MAX_SCOPE_DEPTH} deep")
        self.node = node


def to_xpath(selectors: tuple[str, ...] | list[str]) -> str | None:
    """One XPath matching any of ``selectors`` (None for none); BadSelector when one does not parse.

    >>> to_xpath(["nav", "footer"])
    'descendant-or-self::nav | descendant-or-self::footer'
    """
    if not selectors:
        return None
    from cssselect import SelectorError

    paths = []
    for selector in selectors:
        try:
            paths.append(_translator().css_to_xpath(selector, prefix="descendant-or-self::"))
        except SelectorError as exc:
            raise BadSelector(f"{selector!r} is not a CSS selector ({exc})") from None
    return " | ".join(paths) if paths else None


@dataclass(frozen=True)
class Scope:
    """The elements that start the article's scope (``include``) and those cut out of it."""

    included: frozenset[int] | None  # None: the whole page is in scope
    excluded: frozenset[int]


def find_scope(root: Node, include: str | None, exclude: str | None) -> Scope:
    """The nodes (by ``id()``) matched by the ``include`` and ``exclude`` XPaths in ``root``'s tree.

    Raises :class:`TooDeep` for a tree deeper than :data:`MAX_SCOPE_DEPTH`.
    """
    nodes: list[Node] = []
    mirror = _mirror(root, nodes)
    return Scope(
        frozenset(_matches(mirror, include, nodes)) if include else None,
        frozenset(_matches(mirror, exclude, nodes)) if exclude else frozenset(),
    )


def _matches(mirror: lxml.etree._Element, xpath: str, nodes: list[Node]) -> list[int]:
    import lxml.etree

    found = mirror.xpath(xpath)
    return [
        id(nodes[int(el.get(_ID))]) for el in found if isinstance(el, lxml.etree._Element) and el.get(_ID)
    ]


def _mirror(root: Node, nodes: list[Node]) -> lxml.etree._Element:
    """An lxml element tree with the tags, ids and classes of ``root``'s elements (numbered)."""
    import lxml.etree

    top = lxml.etree.Element("transpub-root")
    stack = [(root, top, 0)]
    while stack:
        node, parent, depth = stack.pop()
        for child in node.children:
            if not isinstance(child, Node):
                continue
            if depth >= MAX_SCOPE_DEPTH:
                raise TooDeep(child)
            try:
                element = lxml.etree.SubElement(parent, child.tag)
            except ValueError:
                element = lxml.etree.SubElement(parent, "transpub-unknown")
            for name, value in child.attrs.items():
                try:
                    element.set(name, value or "")
                except ValueError:
                    continue  # an attribute name XML cannot hold
            element.set(_ID, str(len(nodes)))
            nodes.append(child)
            stack.append((child, element, depth + 1))
    return top
