"""Microsoft Recognizers-Text NumberWithUnit specs (English), on claimscope and quantulum3.

    python benchmarks/external/recognizers_text.py [--model blank|trained] [--limit N]

Data: ../shared/external/quantities/recognizers-text-specs (MIT). An expected result is
found when a prediction overlaps its span (``End`` is inclusive there) and states its
``Resolution.value``; units are not compared. Cases with ``Results: []`` are negatives
(any prediction is a false positive). A case passes when all its results are found and
nothing else is predicted. AgeModel is reported but ages are not quantities by design
(SCHEMA.md), and TemperatureModel is off our domain.
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

MODELS = ("CurrencyModel", "DimensionModel", "TemperatureModel", "AgeModel")
Predict = Callable[[str], list[QuantityPrediction]]


def _value(result: dict[str, Any]) -> float | None:
    try:
        return float(str(result.get("Resolution", {}).get("value", "")).replace(",", ""))
    except ValueError:
        return None


def score(cases: list[dict[str, Any]], predict: Predict) -> dict[str, Any]:
    tp = n_pred = n_gold = passed = 0
    for case in cases:
        gold = [(r["Start"], r["End"] + 1, _value(r)) for r in case.get("Results", [])]
        preds = predict(case["Input"])
        used: set[int] = set()
        for start, end, value in gold:
            for i, (s, e, low, high) in enumerate(preds):
                if (i not in used and min(e, end) > max(s, start) and value is not None
                        and value_hits(value, low, high)):
                    used.add(i)
                    break
        tp, n_pred, n_gold = tp + len(used), n_pred + len(preds), n_gold + len(gold)
        passed += len(used) == len(gold) == len(preds)
    return {**prf(tp, n_pred, n_gold), "passed": passed, "cases": len(cases),
            "pass_rate": passed / len(cases) if cases else 1.0}


def main() -> int:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    folder = suite_path("quantities", "recognizers-text-specs", "NumberWithUnit", "English")
    if folder is None:
        return 0
    systems: dict[str, Predict | None] = {
        "claimscope": claimscope_quantities(args.model), "quantulum3": quantulum3_quantities()}
    rows = []
    for model in MODELS:
        cases = json.loads((folder / f"{model}.json").read_text(encoding="utf-8"))[: args.limit]
        rows += [(f"{name} / {model}", score(cases, p)) for name, p in systems.items() if p]
    return report("Recognizers-Text NumberWithUnit specs (value match)", rows, args.json,
                  ["Many Currency/Dimension inputs are lower-cased, tokenised WSJ sentences.",
                   "AgeModel: ages are not quantities in claimscope (SCHEMA.md), by design."])


if __name__ == "__main__":
    sys.exit(main())
