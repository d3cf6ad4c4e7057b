"""Walks over documents of any depth, without recursion.

Python stops recursion at about a thousand calls, and a browser happily shows 100,000 nested
``<div>``. The reader's walk over the element tree is written as generators: where a recursive
walk would call itself, a step ``yield``\\ s the sub-walk instead, and :func:`walk` runs it on an
explicit stack and sends its result back. The code reads like the recursive walk; the depth of a
document costs memory on the heap, not frames on the C stack.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import Any, TypeVar

T = TypeVar("T")

#: A step of a walk: yields sub-walks (each answered with its return value), returns a ``T``.
Walk = Generator["Walk[Any]", Any, T]


def walk(start: Walk[T]) -> T:
    """Run ``start`` and every sub-walk it yields to the end; return what ``start`` returns.

    >>> def depth(n: int) -> Walk[int]:
    ...     return 0 if n == 0 else 1 + (yield depth(n - 1))
    >>> walk(depth(100_000))
    100000

    An exception raised in a sub-walk is raised in the walk that yielded it, as a call would.
    """
    stack: list[Walk[Any]] = [start]
    value: Any = None
    error: BaseException | None = None
    while True:
        try:
            if error is None:
                step = stack[-1].send(value)
            else:
                pending, error = error, None
                step = stack[-1].throw(pending)
        except StopIteration as done:
            stack.pop()
            if not stack:
                return done.value
            value = done.value
            continue
        except BaseException as exc:
            stack.pop()
            if not stack:
                raise
            error = exc
            continue
        stack.append(step)
        value = None
