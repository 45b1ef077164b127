"""Shared helpers of the peer-suite runners in benchmarks/external/.

The suites live in ``../shared/external`` beside the repository (evaluation only: they are
never copied into the repository). Every runner says so and exits 0 when they are absent.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

#: ``../shared/external`` relative to the repository root (benchmarks/external/ is 2 deep).
EXTERNAL = Path(__file__).resolve().parents[2].parent / "shared" / "external"

#: A predicted quantity: (start, end, low, high).
QuantityPrediction = tuple[int, int, float | None, float | None]


def suite_path(*parts: str) -> Path | None:
    """The path of a suite file, or ``None`` after saying that it is missing."""
    path = EXTERNAL.joinpath(*parts)
    if path.exists():
        return path
    print(f"{path} not found: this runner needs ../shared/external beside the repository; "
          "nothing measured.")
    return None


def arguments(description: str, **extra: Any) -> argparse.ArgumentParser:
    """The options every runner has: ``--model``, ``--limit``, ``--json``."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--model", default="blank", help="claimscope model: blank or trained")
    parser.add_argument("--limit", type=int, default=None, help="only the first N cases")
    parser.add_argument("--json", type=Path, default=None, help="also write results here")
    return parser


def pipeline_for(kind: str, model: str) -> Any | None:
    """A claimscope pipeline running only the extractors that produce ``kind``."""
    from claimscope import Pipeline

    built_in = ("attribution", "hedges", "locations", "quantities", "weapons")
    names = [i.name for i in Pipeline(model="blank", extractors=built_in).extractor_infos
             if kind in i.produces]
    if not names:
        print(f"no installed claimscope extractor produces {kind}; nothing measured.")
        return None
    return Pipeline(model=model, extractors=names)


def claimscope_quantities(model: str) -> Callable[[str], list[QuantityPrediction]] | None:
    """``text -> [(start, end, low, high)]`` from claimscope's quantity extractor(s)."""
    pipeline = pipeline_for("quantities", model)
    if pipeline is None:
        return None

    def predict(text: str) -> list[QuantityPrediction]:
        return [(q.start, q.end, q.low, q.high) for q in pipeline(text).quantities]

    return predict


def quantulum3_quantities() -> Callable[[str], list[QuantityPrediction]] | None:
    """The same from quantulum3 (value ± uncertainty as low/high), if it is installed."""
    try:
        from quantulum3 import parser
    except ImportError:
        print("quantulum3 not installed: peer column skipped (pip install quantulum3).")
        return None

    def predict(text: str) -> list[QuantityPrediction]:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = parser.parse(text)
        except Exception:  # the peer failing on a case costs it that case
            return []
        spread = [float(q.uncertainty or 0.0) for q in found]
        return [(q.span[0], q.span[1], float(q.value) - s, float(q.value) + s)
                for q, s in zip(found, spread, strict=True)]

    return predict


def close(a: float | None, b: float | None, rel: float = 1e-5) -> bool:
    """Numeric equality with a small relative tolerance (``None`` never matches)."""
    return a is not None and b is not None and math.isclose(a, b, rel_tol=rel, abs_tol=1e-9)


def value_hits(value: float, low: float | None, high: float | None) -> bool:
    """Whether a predicted (low, high) states ``value``: a bound or the midpoint of a range."""
    if close(value, low) or close(value, high):
        return True
    return low is not None and high is not None and close(value, (low + high) / 2)


def prf(tp: int, pred: int, gold: int) -> dict[str, float | int]:
    """Precision, recall and F1 with the scorer's conventions."""
    from claimscope.evaluate import Counts

    return Counts(tp=tp, pred=pred, gold=gold).to_dict()


def report(title: str, rows: Sequence[tuple[str, dict[str, Any]]], out: Path | None,
           notes: Sequence[str] = ()) -> int:
    """Print a Markdown table of P/R/F1 (or pass rate) rows; write JSON when asked."""
    print(f"## {title}\n")
    print("| system / set | P | R | F1 | TP | pred | gold | pass rate |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, r in rows:
        cells = [f"{r[k]:.3f}" if k in r else "" for k in ("p", "r", "f1")]
        counts = [str(r.get(k, "")) for k in ("tp", "pred", "gold")]
        rate = f"{r['pass_rate']:.3f} ({r['passed']}/{r['cases']})" if "pass_rate" in r else ""
        print(f"| {name} | {' | '.join(cells)} | {' | '.join(counts)} | {rate} |")
    for note in notes:
        print(f"\n- {note}")
    if out is not None:
        out.write_text(json.dumps({"title": title, "rows": dict(rows), "notes": list(notes)},
                                  indent=2) + "\n", encoding="utf-8")
    sys.stdout.flush()
    return 0
