"""quantulum3's English parser tests, run on claimscope and on quantulum3 itself.

    python benchmarks/external/quantulum3_tests.py [--model blank|trained] [--limit N]

Data: ../shared/external/quantities/quantulum3-tests (MIT). An expected quantity is found
when a prediction overlaps its surface and states its value (a bound, or the midpoint of
a range); units are not compared (quantulum3 names units its own way). A case passes
when every expected quantity is found and nothing else is predicted. ``errors.json``
holds inputs that must not raise. ``expand.json`` (number-to-words) does not apply.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from _common import (
    QuantityPrediction,
    arguments,
    claimscope_quantities,
    prf,
    quantulum3_quantities,
    report,
    suite_path,
    value_hits,
)

Predict = Callable[[str], list[QuantityPrediction]]


def expected(case: dict[str, Any]) -> list[tuple[int, int, float]]:
    """(start, end, value) of each expected quantity whose surface is in the request."""
    found, cursor = [], 0
    for res in case["res"]:
        start = case["req"].find(res["surface"], cursor)
        if start < 0:
            start = case["req"].find(res["surface"])
        if start >= 0:
            found.append((start, start + len(res["surface"]), float(res["value"])))
            cursor = start + 1
    return found


def score(cases: list[dict[str, Any]], predict: Predict) -> dict[str, Any]:
    tp = n_pred = n_gold = passed = 0
    for case in cases:
        gold, preds = expected(case), predict(case["req"])
        used: set[int] = set()
        for start, end, value in gold:
            for i, (s, e, low, high) in enumerate(preds):
                if i not in used and min(e, end) > max(s, start) and value_hits(value, low, high):
                    used.add(i)
                    break
        tp, n_pred, n_gold = tp + len(used), n_pred + len(preds), n_gold + len(gold)
        passed += len(used) == len(gold) == len(preds)
    return {**prf(tp, n_pred, n_gold), "passed": passed, "cases": len(cases),
            "pass_rate": passed / len(cases) if cases else 1.0}


def no_raise(inputs: list[str], predict: Predict) -> dict[str, Any]:
    passed = 0
    for text in inputs:
        try:
            predict(text)
            passed += 1
        except Exception:  # counting failures is the point of this suite
            pass
    return {"passed": passed, "cases": len(inputs), "pass_rate": passed / max(1, len(inputs))}


def main() -> int:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    folder = suite_path("quantities", "quantulum3-tests")
    if folder is None:
        return 0
    systems: dict[str, Predict | None] = {
        "claimscope": claimscope_quantities(args.model), "quantulum3": quantulum3_quantities()}
    rows = []
    for file in ("quantities.json", "quantities.ambiguity.json"):
        cases = json.loads((folder / file).read_text(encoding="utf-8"))[: args.limit]
        rows += [(f"{name} / {file}", score(cases, p)) for name, p in systems.items() if p]
    errors = json.loads((folder / "errors.json").read_text(encoding="utf-8"))
    rows += [(f"{name} / errors.json (no raise)", no_raise(errors, p))
             for name, p in systems.items() if p]
    return report("quantulum3 test cases (value match)", rows, args.json,
                  ["claimscope counts people and things ('two meters' is a length, but "
                   "'5 apples' is also a count for us); unmatched extras lower its pass rate."])


if __name__ == "__main__":
    sys.exit(main())
