"""The per-type match criteria of SCORING.md, on plain records in the SCHEMA.md layout.

Every function takes a gold record and the predicted record it was paired with (both
JSON-like mappings) and says whether the pair meets one criterion. Malformed or missing
predicted fields never raise: they simply fail the criterion.

>>> values_equal({"low": 1000, "high": None}, {"low": 1003.0, "high": None})
True
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from typing import Any

from claimscope.evaluate.pairing import Interval, overlap

__all__ = [
    "ACC_KM",
    "REL_TOLERANCE",
    "content_f1",
    "content_ok",
    "distance_km",
    "interval_of",
    "number_equal",
    "placed_right",
    "quantity_full",
    "source_ok",
    "values_equal",
]

#: Relative tolerance for quantity bounds ("within 0.5 %").
REL_TOLERANCE = 0.005
#: Distance within which a non-country location counts as placed right (100 miles).
ACC_KM = 161.0
#: Mean Earth radius (IUGG) in km for the great-circle distance.
_EARTH_RADIUS_KM = 6371.0088
_WORD = re.compile(r"\w+")

Record = Mapping[str, Any]


def interval_of(span: object) -> Interval:
    """The ``(start, end)`` of a span mapping, or ``None`` when it is not a valid span.

    >>> interval_of({"start": 3, "end": 7, "text": "Kyiv"})
    (3, 7)
    >>> interval_of(None), interval_of({"start": "x"})
    (None, None)
    """
    if not isinstance(span, Mapping):
        return None
    start, end = span.get("start"), span.get("end")
    if isinstance(start, bool) or isinstance(end, bool):
        return None
    if not isinstance(start, int) or not isinstance(end, int):
        return None
    return (start, end)


def _number(value: object) -> float | None:
    """A finite float from a JSON number, else ``None``."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    number = float(value)
    return number if math.isfinite(number) else None


def number_equal(gold: object, pred: object) -> bool:
    """Bound equality of SCORING.md: within 0.5 % of each other, ``null`` equals only ``null``.

    >>> number_equal(200, 200.9), number_equal(200, 202), number_equal(None, None)
    (True, False, True)
    >>> number_equal(0, 0.0), number_equal(None, 0)
    (True, False)
    """
    if gold is None or pred is None:
        return gold is None and pred is None
    a, b = _number(gold), _number(pred)
    if a is None or b is None:
        return False
    return abs(a - b) <= REL_TOLERANCE * max(abs(a), abs(b))


def values_equal(gold: Record, pred: Record) -> bool:
    """``low`` and ``high`` both equal (the quantity "value" criterion, unit ignored).

    >>> values_equal({"low": 24, "high": None}, {"low": 24, "high": 30})
    False
    """
    return number_equal(gold.get("low"), pred.get("low")) and number_equal(
        gold.get("high"), pred.get("high")
    )


def _unit(value: object) -> str | None:
    return value.strip().lower() if isinstance(value, str) else None


def quantity_full(gold: Record, pred: Record) -> bool:
    """The quantity "full" criterion: values equal and the same normalised unit.

    >>> quantity_full({"low": 40, "high": 40, "unit": "tank"},
    ...               {"low": 40, "high": 40, "unit": "tank"})
    True
    >>> quantity_full({"low": 40, "high": 40, "unit": "tank"},
    ...               {"low": 40, "high": 40, "unit": None})
    False
    """
    return values_equal(gold, pred) and _unit(gold.get("unit")) == _unit(pred.get("unit"))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle (haversine) distance in kilometres.

    >>> round(distance_km(50.45, 30.52, 48.60, 38.00))  # Kyiv to Bakhmut
    577
    """
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlam = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlam / 2) ** 2
    return 2 * _EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def _code(value: object) -> str | None:
    return value.strip().upper() if isinstance(value, str) and value.strip() else None


def placed_right(gold: Record, pred: Record) -> bool:
    """The location criterion: same country code for a gold country, else within 161 km.

    >>> placed_right({"kind": "country", "country": "UA"}, {"country": "ua", "lat": 0, "lon": 0})
    True
    >>> placed_right({"kind": "populated_place", "lat": 48.6, "lon": 38.0},
    ...              {"lat": 48.9, "lon": 37.8})
    True
    >>> placed_right({"kind": "populated_place", "lat": 48.6, "lon": 38.0}, {"lat": None})
    False
    """
    if gold.get("kind") == "country":
        code = _code(gold.get("country"))
        return code is not None and code == _code(pred.get("country"))
    coords = [_number(r.get(k)) for r in (gold, pred) for k in ("lat", "lon")]
    if any(c is None for c in coords):
        return False
    lat1, lon1, lat2, lon2 = (c for c in coords if c is not None)
    return distance_km(lat1, lon1, lat2, lon2) <= ACC_KM


def _span_text(span: object) -> str:
    if isinstance(span, Mapping) and isinstance(span.get("text"), str):
        return str(span["text"])
    return ""


def _resolved(record: Record) -> str | None:
    """``resolved_source`` (falling back to the source span text, as SCHEMA.md defines it)."""
    value = record.get("resolved_source")
    if not isinstance(value, str) or not value.strip():
        value = _span_text(record.get("source"))
    return value.strip().casefold() or None


def source_ok(gold: Record, pred: Record) -> bool:
    """Attribution source correct: source spans overlap or ``resolved_source`` equal (any case).

    >>> g = {"source": {"start": 0, "end": 2, "text": "he"}, "resolved_source": "Oleh Ivanov"}
    >>> source_ok(g, {"source": {"start": 90, "end": 101, "text": "Oleh Ivanov"}})
    True
    >>> source_ok(g, {"source": {"start": 1, "end": 3, "text": "e "}, "resolved_source": "x"})
    True
    >>> source_ok(g, {"source": None, "resolved_source": "Ivanov"})
    False
    """
    if overlap(interval_of(gold.get("source")), interval_of(pred.get("source"))) > 0:
        return True
    resolved = _resolved(gold)
    return resolved is not None and resolved == _resolved(pred)


def content_f1(gold_text: str, pred_text: str) -> float:
    """Token F1 of two bags of lower-cased ``\\w+`` tokens (1.0 when both are empty).

    >>> content_f1("the bridge was hit", "The bridge was hit twice")
    0.888...
    """
    gold_bag = Counter(_WORD.findall(gold_text.lower()))
    pred_bag = Counter(_WORD.findall(pred_text.lower()))
    if not gold_bag and not pred_bag:
        return 1.0
    common = sum((gold_bag & pred_bag).values())
    if common == 0:
        return 0.0
    precision = common / sum(pred_bag.values())
    recall = common / sum(gold_bag.values())
    return 2 * precision * recall / (precision + recall)


def content_ok(gold: Record, pred: Record) -> bool:
    """Attribution content correct: content token-F1 ≥ 0.5.

    >>> content_ok({"content": {"text": "troops left the city"}},
    ...            {"content": {"text": "Ukrainian troops had left"}})
    True
    """
    return content_f1(_span_text(gold.get("content")), _span_text(pred.get("content"))) >= 0.5
