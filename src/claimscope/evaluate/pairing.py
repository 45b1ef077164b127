"""One-to-one greedy pairing of gold and predicted records by character overlap.

SCORING.md: "within a document and a type, each gold record pairs with at most one
predicted record, greedily by largest character overlap. Two spans overlap when they
share at least one character." Ties are broken by document order (gold first, then
prediction), so the pairing does not depend on the order records are listed in.

>>> pair_greedy([(0, 10), (20, 30)], [(8, 25)])
[(1, 0)]
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["Interval", "overlap", "pair_greedy"]

#: A half-open character interval ``(start, end)``; ``None`` when a record has no span.
Interval = tuple[int, int] | None


def overlap(a: Interval, b: Interval) -> int:
    """Number of characters two half-open intervals share (0 when either is missing).

    >>> overlap((0, 5), (3, 9))
    2
    >>> overlap((0, 5), (5, 9)), overlap(None, (0, 1))
    (0, 0)
    """
    if a is None or b is None:
        return 0
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _order(intervals: Sequence[Interval]) -> list[int]:
    """Indices sorted by document position (records without a span last)."""

    def key(i: int) -> tuple[int, int, int, int]:
        span = intervals[i]
        return (1, 0, 0, i) if span is None else (0, span[0], span[1], i)

    return sorted(range(len(intervals)), key=key)


def pair_greedy(gold: Sequence[Interval], pred: Sequence[Interval]) -> list[tuple[int, int]]:
    """Pair gold and predicted intervals one-to-one, largest overlap first.

    Returns ``(gold_index, pred_index)`` pairs (indices into the given sequences) for
    every pair that was made; only overlapping intervals are ever paired.

    >>> pair_greedy([(0, 4), (10, 14)], [(2, 12), (12, 13)])
    [(0, 0), (1, 1)]
    >>> pair_greedy([(0, 10)], [(0, 3), (2, 10)])
    [(0, 1)]
    """
    gold_rank = {g: r for r, g in enumerate(_order(gold))}
    pred_order = _order(pred)
    pred_rank = {p: r for r, p in enumerate(pred_order)}
    starts = [pred[p][0] for p in pred_order if pred[p] is not None]  # type: ignore[index]
    # Candidate edges; predictions are scanned in start order so the scan for a gold
    # span stops at the first prediction that starts after it ends.
    edges: list[tuple[int, int, int, int, int]] = []
    for g, span in enumerate(gold):
        if span is None:
            continue
        for rank in range(len(starts)):
            if starts[rank] >= span[1]:
                break
            p = pred_order[rank]
            shared = overlap(span, pred[p])
            if shared > 0:
                edges.append((-shared, gold_rank[g], pred_rank[p], g, p))
    edges.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, _, g, p in edges:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return sorted(pairs)
