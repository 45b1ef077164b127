"""Approximators and ranges: the words around a number that set its bounds.

"more than 1,000" has an open upper bound, "up to 40" an open lower one, "about 50" is
an estimate of one value, "between 100 and 700" a range. :func:`bounds` turns a
qualifier and the numbers into ``(low, high)`` as corpus ``SCHEMA.md`` defines them.

>>> approximator_before("killed more than 20".split(), 3)
('more_than', 1)
>>> bounds("up_to", 40.0)
(None, 40.0)
"""

from __future__ import annotations

from claimscope.extractors.quantities.lexicon import lexicon

__all__ = ["approximator_before", "bounds", "ordered_ends", "RANGE_CONNECTORS"]

#: Tokens that join the two ends of a range without an opener ("20 to 25", "500-600").
RANGE_CONNECTORS = frozenset({"-", "–", "—", "to", "or"})


def approximator_before(lower: list[str], i: int) -> tuple[str, int] | None:
    """The longest approximator phrase that ends just before token ``i``.

    Returns ``(qualifier, first token of the phrase)``.

    >>> approximator_before("within the next 72 hours".split(), 3)
    ('up_to', 0)
    >>> approximator_before("the 72 hours".split(), 1) is None
    True
    """
    table = lexicon().approximators
    for size in range(min(lexicon().max_phrase, i), 0, -1):
        qualifier = table.get(tuple(lower[i - size:i]))
        if qualifier is not None:
            return qualifier, i - size
    return None


def bounds(qualifier: str, value: float, high: float | None = None) -> tuple[float | None,
                                                                             float | None]:
    """``(low, high)`` for a qualifier: exact and about are points, ranges keep both ends.

    >>> bounds("more_than", 1000.0), bounds("range", 20.0, 25.0), bounds("vague", 24.0)
    ((1000.0, None), (20.0, 25.0), (24.0, None))
    """
    if qualifier == "range":
        return value, high
    if qualifier in ("more_than", "at_least", "vague"):
        return value, None
    if qualifier in ("less_than", "up_to"):
        return None, value
    return value, value


def ordered_ends(low: float, high: float, opener: str | None) -> tuple[float, float] | None:
    """The two ends of a range, low first; a falling pair only after "from"/"between" or
    with units ("from -18 °C to -34 °C"), since "3-1" is a score.

    >>> ordered_ends(25.0, 20.0, "from"), ordered_ends(3.0, 1.0, None)
    ((20.0, 25.0), None)
    """
    if high > low:
        return low, high
    if high < low and opener is not None:
        return high, low
    return None
