"""Merging the plugin's figures into the built-in ones and naming the reporting side."""

from __future__ import annotations

from collections.abc import Iterable

import attrs

from claimscope.types import Claim, Quantity, Result

__all__ = ["merge_casualties"]

PLUGIN = "casualties"


def _overlaps(a: Quantity, b: Quantity) -> bool:
    return a.start < b.end and b.start < a.end


def _with_labels(quantity: Quantity, labels: Iterable[str]) -> Quantity:
    merged = tuple(dict.fromkeys((*quantity.labels, *labels)))
    return quantity if merged == quantity.labels else attrs.evolve(quantity, labels=merged)


def _sides(result: Result) -> dict[tuple[int, int], str]:
    sides = {}
    for claim in result.claims:
        side = claim.attribution.source.side if claim.attribution else None
        if side:
            for quantity in claim.quantities:
                sides[(quantity.start, quantity.end)] = side
    return sides


def merge_casualties(result: Result) -> Result:
    """Fold this plugin's quantities into overlapping ones from other extractors, and
    label every casualty figure with the side of the claim that carries it.

    >>> from claimscope.types import Document
    >>> mine = Quantity(start=0, end=2, text="12", low=12, high=12, qualifier="exact",
    ...                 unit="person", kind="count", plugin="casualties",
    ...                 labels=("casualty:killed",))
    >>> theirs = attrs.evolve(mine, plugin="quantities", labels=())
    >>> merged = merge_casualties(Result(document=Document(id="d", text="12 killed"),
    ...                                  quantities=[mine, theirs]))
    >>> [(q.plugin, q.labels) for q in merged.quantities]
    [('quantities', ('casualty:killed',))]
    """
    ours = [q for q in result.quantities if q.plugin == PLUGIN]
    others = [q for q in result.quantities if q.plugin != PLUGIN]
    kept_ours = []
    for figure in ours:
        twins = [i for i, other in enumerate(others) if _overlaps(figure, other)]
        for i in twins:
            others[i] = _with_labels(others[i], figure.labels)
        if not twins:
            kept_ours.append(figure)
    sides = _sides(result)
    final = []
    for quantity in sorted([*others, *kept_ours], key=lambda q: (q.start, q.end)):
        side = sides.get((quantity.start, quantity.end))
        casualty = any(label.startswith("casualty:") for label in quantity.labels)
        final.append(_with_labels(quantity, [f"reported_by:{side}"]) if casualty and side
                     else quantity)
    return attrs.evolve(result, quantities=final, claims=_relink(result.claims, final))


def _relink(claims: Iterable[Claim], quantities: list[Quantity]) -> list[Claim]:
    by_span = {(q.start, q.end, q.plugin): q for q in quantities}
    relinked = []
    for claim in claims:
        inside = [by_span[(q.start, q.end, q.plugin)] for q in claim.quantities
                  if (q.start, q.end, q.plugin) in by_span]
        relinked.append(attrs.evolve(claim, quantities=inside))
    return relinked
