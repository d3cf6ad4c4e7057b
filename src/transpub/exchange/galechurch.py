"""Length-based alignment (Gale & Church, 1993): pair up two sequences of texts by their lengths.

A dynamic programme over the moves a translator makes (1-1, a block or sentence left out on one
side 1-0/0-1, two merged 2-1, one split 1-2, 2-2), each scored by its prior probability and by how
far the lengths are from the expected ratio: ``δ = (l₁ − l₂/c) / √(s²·(l₁ + l₂/c)/2)``, with
``c`` the ratio of the two texts' total lengths (so Chinese against English works too) and
``s² = 6.8`` as in the paper. Pure functions; nothing here knows articles or catalogs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

VARIANCE = 6.8
#: Gale & Church's priors for sentences inside a paragraph.
SENTENCE_MOVES: dict[tuple[int, int], float] = {
    (1, 1): 0.89,
    (1, 0): 0.0099,
    (0, 1): 0.0099,
    (2, 1): 0.089,
    (1, 2): 0.089,
    (2, 2): 0.011,
}
#: Blocks (paragraphs, headings, list items): translators seldom merge them, but add or drop some.
BLOCK_MOVES: dict[tuple[int, int], float] = {(1, 1): 0.94, (1, 0): 0.03, (0, 1): 0.03}


@dataclass(frozen=True)
class Bead:
    """One step of an alignment: source indexes, target indexes, and the step's cost and δ."""

    source: tuple[int, ...]
    target: tuple[int, ...]
    cost: float
    delta: float


def length_delta(source_length: float, target_length: float, ratio: float) -> float:
    """Gale & Church's δ for two lengths, the target scaled by the expected ``ratio``.

    >>> round(length_delta(100, 100, 1.0), 2), round(length_delta(100, 30, 0.3), 2)
    (0.0, 0.0)
    >>> abs(length_delta(100, 200, 1.0)) > 3
    True
    """
    scaled = target_length / ratio if ratio > 0 else target_length
    mean = (source_length + scaled) / 2
    if mean <= 0:
        return 0.0
    return (source_length - scaled) / math.sqrt(VARIANCE * mean)


def _log_tail(delta: float) -> float:
    """log P(|δ| at least this large) for a standard normal, floored to stay finite."""
    return math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300))


def align(
    source: Sequence[int],
    target: Sequence[int],
    *,
    moves: dict[tuple[int, int], float] = SENTENCE_MOVES,
    ratio: float | None = None,
    extra_cost: Callable[[tuple[int, ...], tuple[int, ...]], float] | None = None,
) -> list[Bead]:
    """The cheapest alignment of two sequences of lengths (Gale & Church's dynamic programme).

    ``extra_cost`` adds a cost to a step (``math.inf`` forbids it), e.g. for blocks of different
    kinds. ``ratio`` defaults to the ratio of the totals.

    >>> [(b.source, b.target) for b in align([20, 80, 30], [22, 45, 40, 31])]
    [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,))]
    """
    if ratio is None:
        ratio = (sum(target) / sum(source)) if sum(source) and sum(target) else 1.0
    n, m = len(source), len(target)
    best: list[list[float]] = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int, float, float] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            for (di, dj), prior in moves.items():
                if di > i or dj > j or best[i - di][j - dj] == math.inf:
                    continue
                ls = sum(source[i - di : i])
                lt = sum(target[j - dj : j])
                delta = length_delta(ls, lt, ratio) if di and dj else 0.0
                cost = -math.log(prior) - (math.log(2) + _log_tail(delta) if di and dj else 0.0)
                if not (di and dj):
                    cost += 0.02 * (ls + lt / ratio) ** 0.5  # leaving a long text out costs more
                if extra_cost is not None:
                    cost += extra_cost(tuple(range(i - di, i)), tuple(range(j - dj, j)))
                total = best[i - di][j - dj] + cost
                if total < best[i][j]:
                    best[i][j] = total
                    back[i][j] = (di, dj, cost, delta)
    beads: list[Bead] = []
    i, j = n, m
    while i or j:
        step = back[i][j]
        if step is None:  # every path forbidden: leave the rest unpaired
            beads.extend(Bead((k,), (), math.inf, 0.0) for k in reversed(range(i)))
            beads.extend(Bead((), (k,), math.inf, 0.0) for k in reversed(range(j)))
            break
        di, dj, cost, delta = step
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), cost, delta))
        i, j = i - di, j - dj
    beads.reverse()
    return beads
