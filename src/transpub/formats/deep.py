"""Room for deeply nested documents: the reader and the renderer follow the element tree's depth.

Python stops recursion at about a thousand calls, and a browser happily shows 500 unclosed
``<div>``. :func:`call_deep` runs a walk over a document ``depth`` levels deep in a thread whose
stack and recursion limit are sized for it; shallow documents (nearly all) run directly.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
N = TypeVar("N")

#: Deeper documents are refused: no page a browser shows usefully nests ten thousand elements.
MAX_DEPTH = 10_000
#: Documents up to this depth are walked in the calling thread with the default limits.
SHALLOW = 60
#: Calls the walks make per level of nesting, at most (element, children, run, text test, …).
CALLS_PER_LEVEL = 12
#: Stack bytes per level of nesting (generous: frames of C code in between count too).
STACK_PER_LEVEL = 64 * 1024
_MAX_STACK = 1 << 30
_lock = threading.Lock()
_active = [0, 0]  # deep walks running now, the recursion limit from before the first of them


def call_deep(depth: int, function: Callable[[], T]) -> T:
    """``function()``, with stack and recursion limit enough for a tree ``depth`` levels deep."""
    if depth <= SHALLOW:
        return function()
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = function()
        except BaseException as exc:  # handed to the caller's thread below
            outcome["error"] = exc

    with _lock:
        if _active[0] == 0:
            _active[1] = sys.getrecursionlimit()
        _active[0] += 1
        sys.setrecursionlimit(max(sys.getrecursionlimit(), depth * CALLS_PER_LEVEL + 1000))
        previous_size = threading.stack_size(min(_MAX_STACK, max(32 << 20, depth * STACK_PER_LEVEL)))
        try:
            worker = threading.Thread(target=run, name="transpub-deep-document")
            worker.start()
        finally:
            threading.stack_size(previous_size)
    try:
        worker.join()
    finally:
        with _lock:
            _active[0] -= 1
            if _active[0] == 0:
                sys.setrecursionlimit(_active[1])
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["value"]  # type: ignore[return-value]


def tree_depth(root: N, children: Callable[[N], list[N]]) -> tuple[int, N]:
    """How many levels lie below ``root``, and the first deepest node (counted without recursion)."""
    deepest, found = 0, root
    stack = [(root, 0)]
    while stack:
        node, level = stack.pop()
        if level > deepest:
            deepest, found = level, node
        stack.extend((child, level + 1) for child in reversed(children(node)))
    return deepest, found
