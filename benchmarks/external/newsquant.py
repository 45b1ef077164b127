"""CQE's NewsQuant gold (news sentences), on claimscope and quantulum3: value P/R/F1.

    python benchmarks/external/newsquant.py [--model blank|trained] [--limit N]

Data: ../shared/external/quantities/cqe-newsquant/formatted_test_set/NewsQuant.json
(evaluation only). Matching rule of research/quantities.md §3: one-to-one per sentence,
greedy in gold order; a gold quantity is found when a prediction's value is numerically
equal (relative tolerance 1e-5); a gold range ``lo-hi`` matches a predicted range with
both ends equal, or a single predicted value equal to its midpoint. Each prediction is
used once. NewsQuant has no offsets, so spans play no part. A claimscope quantity's
value is ``low == high`` when exact, the range ``(low, high)`` when both differ, else its
one bound; quantulum3's is ``value`` (± ``uncertainty`` as a range).
Published figures for comparison (CQE paper, value F1): CQE 92.0, quantulum3 73.0,
Recognizers-Text 69.1, GPT-3 70.6.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Callable
from typing import Any

from _common import (
    QuantityPrediction,
    arguments,
    claimscope_quantities,
    close,
    prf,
    quantulum3_quantities,
    report,
    suite_path,
)

#: A value: (single, None) or (low, high) for a range.
Value = tuple[float, float | None]
_RANGE = re.compile(r"^\s*(-?[\d.,]+)\s*-\s*(-?[\d.,]+)\s*$")


def gold_value(text: str) -> Value | None:
    """``"60.0"`` -> (60, None); ``"252.0-287.0"`` -> (252, 287); junk -> None."""
    match = _RANGE.match(text)
    try:
        if match:
            return float(match[1].replace(",", "")), float(match[2].replace(",", ""))
        return float(text.replace(",", "")), None
    except ValueError:
        return None


def predicted_value(low: float | None, high: float | None) -> Value | None:
    if low is not None and high is not None:
        return (low, None) if close(low, high) else (low, high)
    bound = low if low is not None else high
    return None if bound is None else (bound, None)


def matches(gold: Value, pred: Value) -> bool:
    if gold[1] is None:
        return pred[1] is None and close(gold[0], pred[0])
    if pred[1] is not None:
        return close(gold[0], pred[0]) and close(gold[1], pred[1])
    return close((gold[0] + gold[1]) / 2, pred[0])


def score(sentences: list[dict[str, Any]], predict: Callable[[str], list[QuantityPrediction]]
          ) -> dict[str, Any]:
    tp = n_pred = n_gold = 0
    for sentence in sentences:
        golds = [v for q in sentence["quantities"] if (v := gold_value(str(q["value"])))]
        preds = [v for *_, low, high in predict(sentence["text"])
                 if (v := predicted_value(low, high))]
        used: set[int] = set()
        for gold in golds:
            hit = next((i for i, p in enumerate(preds) if i not in used and matches(gold, p)),
                       None)
            if hit is not None:
                used.add(hit)
        tp, n_pred, n_gold = tp + len(used), n_pred + len(preds), n_gold + len(golds)
    return prf(tp, n_pred, n_gold)


def main() -> int:
    args = arguments(__doc__.splitlines()[0]).parse_args()
    path = suite_path("quantities", "cqe-newsquant", "formatted_test_set", "NewsQuant.json")
    if path is None:
        return 0
    sentences = json.loads(path.read_text(encoding="utf-8"))[: args.limit]
    systems = {"claimscope": claimscope_quantities(args.model),
               "quantulum3": quantulum3_quantities()}
    rows = [(f"{name} / NewsQuant ({len(sentences)} sentences)", score(sentences, p))
            for name, p in systems.items() if p]
    return report("NewsQuant value P/R/F1", rows, args.json,
                  ["NewsQuant's vague magnitudes are ranges ('dozens' = 12-120) where "
                   "SCHEMA.md gives a low bound only ('dozens' = 24-), so those never match."])


if __name__ == "__main__":
    sys.exit(main())
