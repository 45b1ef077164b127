"""Unit conversion through pint: an amount in miles, feet or square miles restated in
the kind's base unit (km, km2, kg, hour, km/h), so figures from different sources compare.

pint is imported and its registry built only on first use (it takes about a second), so
extraction itself never pays for it. The pint name of every unit is in ``data/units.json``.

>>> to_base(10.0, "mile")
(16.09344, 'km')
>>> to_base(3.0, "tank") is None
True
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

__all__ = ["BASE_UNITS", "pint_name", "to_base"]

#: The unit each kind is restated in, by its name in ``data/units.json``.
BASE_UNITS: dict[str, str] = {
    "length": "km", "area": "km2", "mass": "kg", "duration": "hour", "speed": "km/h",
}


@functools.cache
def _units() -> dict[str, Any]:
    raw = json.loads(files(__package__).joinpath("data/units.json").read_text("utf-8"))
    units: dict[str, Any] = raw["units"]
    return units


def pint_name(unit: str) -> str | None:
    """The pint expression of one of our unit names, ``None`` for counted nouns and money.

    >>> pint_name("km2"), pint_name("tank")
    ('kilometer ** 2', None)
    """
    entry = _units().get(unit)
    return None if entry is None else str(entry["pint"])


@functools.cache
def _registry() -> Any:
    import pint

    return pint.UnitRegistry()


def to_base(value: float, unit: str | None) -> tuple[float, str] | None:
    """``value`` in ``unit`` restated in its kind's base unit; ``None`` for counts,
    money, percentages and anything pint cannot convert.

    >>> to_base(90.0, "minute")
    (1.5, 'hour')
    """
    entry = _units().get(unit or "")
    if entry is None or entry["kind"] not in BASE_UNITS:
        return None
    base = BASE_UNITS[entry["kind"]]
    registry = _registry()
    try:
        amount = (value * registry.parse_expression(entry["pint"])).to(
            registry.parse_expression(_units()[base]["pint"]))
    except Exception:  # pint raises several unrelated error types; none should escape
        return None
    return round(float(amount.magnitude), 9), base
