"""The one place where records returned by plugins are checked before they are kept.

A record is valid when it is one of the claimscope record types, its kind is among those
its extractor declared, every span lies inside the text and carries exactly the text at
its offsets, and its categorical fields hold allowed values.

>>> from claimscope.types import Hedge
>>> problem(Hedge(start=0, end=4, text="Kyiv", kind="uncertain"), "Kyiv fell")
>>> problem(Hedge(start=0, end=4, text="Lviv", kind="uncertain"), "Kyiv fell")
"hedges: text[0:4] is 'Kyiv', not 'Lviv'"
"""

from __future__ import annotations

import math
from typing import Any

from claimscope.types import (
    HEDGE_KINDS,
    LOCATION_KINDS,
    QUALIFIERS,
    QUANTITY_KINDS,
    QUOTE_MODES,
    SOURCE_KINDS,
    WEAPON_CATEGORIES,
    Attribution,
    Hedge,
    Location,
    Quantity,
    Span,
    Weapon,
)

__all__ = ["kind_of", "problem", "span_problem"]

_KINDS: tuple[tuple[type[Any], str], ...] = (
    (Quantity, "quantities"),
    (Weapon, "weapons"),
    (Location, "locations"),
    (Attribution, "attributions"),
    (Hedge, "hedges"),
)


def kind_of(record: object) -> str | None:
    """The ``Result`` field a record belongs in, or ``None`` for a foreign object.

    >>> from claimscope.types import Hedge
    >>> kind_of(Hedge(start=0, end=1, text="x", kind="denial"))
    'hedges'
    >>> kind_of("not a record") is None
    True
    """
    for cls, kind in _KINDS:
        if isinstance(record, cls):
            return kind
    return None


def span_problem(span: object, text: str) -> str | None:
    """What is wrong with a span against ``text``, or ``None`` if nothing is.

    >>> from claimscope.types import Span
    >>> span_problem(Span(start=3, end=2, text=""), "abc")
    'bad offsets 3..2 for a text of 3 characters'
    """
    if not isinstance(span, Span):
        return f"expected a span, got {type(span).__name__}"
    start, end = span.start, span.end
    if type(start) is not int or type(end) is not int or not 0 <= start < end <= len(text):
        return f"bad offsets {start!r}..{end!r} for a text of {len(text)} characters"
    if text[start:end] != span.text:
        return f"text[{start}:{end}] is {text[start:end]!r}, not {span.text!r}"
    return None


def _field_problems(record: object) -> list[str]:
    problems: list[str] = []

    def allowed(name: str, value: object, values: frozenset[str]) -> None:
        if value not in values:
            problems.append(f"{name} {value!r} is not one of {sorted(values)}")

    if isinstance(record, Quantity):
        allowed("qualifier", record.qualifier, QUALIFIERS)
        allowed("kind", record.kind, QUANTITY_KINDS)
        bounds = [b for b in (record.low, record.high) if b is not None]
        if not bounds:
            problems.append("a quantity needs low or high")
        if any(isinstance(b, bool) or not isinstance(b, (int, float)) or not math.isfinite(b)
               for b in bounds):
            problems.append(f"bounds must be finite numbers: {record.low!r}, {record.high!r}")
    elif isinstance(record, Weapon):
        allowed("category", record.category, WEAPON_CATEGORIES)
        if not isinstance(record.canonical, str) or not record.canonical:
            problems.append("a weapon needs a canonical name")
    elif isinstance(record, Location):
        allowed("kind", record.kind, LOCATION_KINDS)
        for name, value, limit in (("lat", record.lat, 90), ("lon", record.lon, 180)):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not (
                    math.isfinite(value) and -limit <= value <= limit):
                problems.append(f"{name} {value!r} is not a coordinate")
    elif isinstance(record, Hedge):
        allowed("kind", record.kind, HEDGE_KINDS)
        allowed("scope", record.scope, frozenset({"sentence", "document"}))
    elif isinstance(record, Attribution):
        allowed("mode", record.mode, QUOTE_MODES)
        allowed("source kind", record.source.kind, SOURCE_KINDS)
    return problems


def problem(record: object, text: str, declared: frozenset[str] | None = None) -> str | None:
    """Why ``record`` cannot be kept for a document with ``text``, or ``None``.

    :param declared: the record kinds the producing extractor declared; a record of
        another kind is refused.
    """
    kind = kind_of(record)
    if kind is None:
        return f"not a claimscope record: {type(record).__name__}"
    if declared is not None and kind not in declared:
        return f"{kind}: not declared in the extractor's produces {sorted(declared)}"
    spans: list[tuple[str, object]]
    if isinstance(record, Attribution):
        spans = [("source", record.source), ("cue", record.cue), ("content", record.content)]
    else:
        spans = [("", record)]
    for label, span in spans:
        found = span_problem(span, text)
        if found:
            return f"{kind}{'.' + label if label else ''}: {found}"
    fields = _field_problems(record)
    return f"{kind}: {'; '.join(fields)}" if fields else None
