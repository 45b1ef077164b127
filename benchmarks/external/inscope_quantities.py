"""Pass rate on the in-scope cases of quantulum3's tests and Recognizers-Text's
NumberWithUnit specs (the figure issue 4 asks for).

    python benchmarks/external/inscope_quantities.py [--model blank|trained] [--limit N]

Scope rule: a case is in scope when every expected quantity is a kind SCHEMA.md covers
-- a length, area, mass, duration, speed, money or percentage (the unit names below) --
and it has at least one. A case passes when every expected value is found by an
overlapping prediction (a bound, or the midpoint of a range); extra predictions are
allowed, units are not compared. Data is read from ../shared/external (never copied).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from typing import Any

from _common import QuantityPrediction, arguments, claimscope_quantities, report, suite_path
from _common import value_hits as _value_hits

Case = tuple[str, list[tuple[int, int, float]]]
Predict = Callable[[str], list[QuantityPrediction]]

#: quantulum3 unit names of the kinds in scope.
QUANTULUM3_UNITS = frozenset({
    "metre", "kilometre", "centimetre", "millimetre", "mile", "foot", "inch", "yard",
    "nautical mile", "square metre", "square kilometre", "square mile", "square foot",
    "hectare", "acre", "kilogram", "gram", "milligram", "tonne", "ton", "pound-mass",
    "short ton", "second", "minute", "hour", "day", "week", "month", "year", "decade",
    "kilometre per hour", "mile per hour", "metre per second", "knot", "dollar", "euro",
    "pound sterling", "japanese yen", "chinese yuan", "united states dollar", "percentage",
    "percent",
})
#: Recognizers-Text DimensionModel units of the kinds in scope (all currencies count).
DIMENSION_UNITS = frozenset({
    "Meter", "Kilometer", "Mile", "Foot", "Inch", "Yard", "Centimeter", "Millimeter",
    "Square kilometer", "Square meter", "Square mile", "Hectare", "Acre", "Kilogram", "Gram",
    "Ton", "Pound", "Metric ton", "Kilometer per hour", "Mile per hour", "Meter per second",
    "Knot", "Nautical mile", "Milligram", "Square foot",
})


def quantulum3_cases(limit: int | None) -> Iterator[Case]:
    folder = suite_path("quantities", "quantulum3-tests")
    if folder is None:
        return
    for name in ("quantities.json", "quantities.ambiguity.json"):
        for case in json.loads((folder / name).read_text(encoding="utf-8"))[:limit]:
            results = case["res"]
            if not results or any(r["unit"].lower() not in QUANTULUM3_UNITS for r in results):
                continue
            expected = []
            for r in results:
                start = case["req"].find(r["surface"])
                if start < 0:
                    break
                expected.append((start, start + len(r["surface"]), float(r["value"])))
            else:
                yield case["req"], expected


def recognizers_cases(model: str, limit: int | None) -> Iterator[Case]:
    folder = suite_path("quantities", "recognizers-text-specs", "NumberWithUnit", "English")
    if folder is None:
        return
    units = DIMENSION_UNITS if model == "DimensionModel" else None
    for case in json.loads((folder / f"{model}.json").read_text(encoding="utf-8"))[:limit]:
        results = case.get("Results") or []
        if not results or any(r["Resolution"].get("value") is None for r in results):
            continue
        if units is not None and any(r["Resolution"].get("unit") not in units for r in results):
            continue
        yield case["Input"], [(r["Start"], r["End"] + 1, float(r["Resolution"]["value"]))
                              for r in results]


def pass_rate(predict: Predict, cases: list[Case]) -> dict[str, Any]:
    """Share of cases whose every expected value an overlapping prediction states."""
    passed = 0
    for text, expected in cases:
        found = predict(text)
        passed += all(any(s < pe and ps < e and _value_hits(v, lo, hi)
                          for ps, pe, lo, hi in found) for s, e, v in expected)
    return {"pass_rate": passed / len(cases) if cases else 0.0, "passed": passed,
            "cases": len(cases)}


def main() -> int:
    args = arguments(__doc__ or "").parse_args()
    if suite_path("quantities") is None:
        print("../shared/external/quantities is not beside the repository: nothing to run.")
        return 0
    predict = claimscope_quantities(args.model)
    if predict is None:
        print("claimscope's quantities extractor is not installed.")
        return 0
    sets = {"quantulum3 tests": list(quantulum3_cases(args.limit)),
            "Recognizers CurrencyModel": list(recognizers_cases("CurrencyModel", args.limit)),
            "Recognizers DimensionModel": list(recognizers_cases("DimensionModel", args.limit))}
    rows = [(f"claimscope {args.model}: {name}", pass_rate(predict, cases))
            for name, cases in sets.items()]
    return report("In-scope quantity cases (pass rate)", rows, args.json,
                  notes=["Scope and pass rules: see this script's docstring."])


if __name__ == "__main__":
    sys.exit(main())
