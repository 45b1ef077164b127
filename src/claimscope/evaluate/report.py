"""Typed evaluation results: counts, scores per record type, and per-document errors.

Precision, recall and F1 are micro-averaged: the counts of all documents are summed
first. Empty denominators follow the "nothing to find, nothing missed" convention:
precision is 1.0 with no predictions and recall is 1.0 with no gold records, so gold
scored against itself is 1.0 even for a type it does not contain, and F1 is 0.0 as soon
as either side has records but none pair up.

>>> c = Counts(tp=3, pred=4, gold=6)
>>> (c.p, c.r, round(c.f1, 3))
(0.75, 0.5, 0.6)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

import attrs

__all__ = [
    "KINDS",
    "EXTRA_METRICS",
    "Counts",
    "Accuracy",
    "KindReport",
    "DocumentError",
    "EvaluationReport",
]

#: Record types scored, in report order.
KINDS: tuple[str, ...] = ("quantities", "weapons", "locations", "attributions", "hedges")
#: Extra metrics per record type, besides "span" and "full".
EXTRA_METRICS: Mapping[str, tuple[str, ...]] = {
    "quantities": ("value",),
    "weapons": ("canonical",),
    "locations": ("acc161",),
    "attributions": ("source", "content"),
    "hedges": (),
}

#: How each accuracy metric is named in the table's notes.
_ACCURACY_NOTES: Mapping[str, tuple[str, str]] = {
    "acc161": ("acc@161km", "placed right"),
    "canonical": ("canonical", "specific mentions with the right canonical name"),
}

Problem = Literal["missing_prediction", "missing_gold", "duplicate_id", "no_id", "text_mismatch"]


@attrs.frozen(kw_only=True)
class Counts:
    """True positives, predicted and gold record counts for one criterion.

    >>> Counts(tp=0, pred=0, gold=0).to_dict()
    {'p': 1.0, 'r': 1.0, 'f1': 1.0, 'tp': 0, 'pred': 0, 'gold': 0}
    """

    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def p(self) -> float:
        """Precision, ``tp / pred`` (1.0 without predictions)."""
        return self.tp / self.pred if self.pred else 1.0

    @property
    def r(self) -> float:
        """Recall, ``tp / gold`` (1.0 without gold records)."""
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of :attr:`p` and :attr:`r`."""
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            tp=self.tp + other.tp, pred=self.pred + other.pred, gold=self.gold + other.gold
        )

    def to_dict(self) -> dict[str, Any]:
        """``{"p", "r", "f1", "tp", "pred", "gold"}`` (scores rounded to 4 places)."""
        return {
            "p": round(self.p, 4),
            "r": round(self.r, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@attrs.frozen(kw_only=True)
class Accuracy:
    """A share: ``correct`` of ``total`` (acc@161km: span-matched gold placed right).

    >>> Accuracy(correct=9, total=12).to_dict()
    {'acc': 0.75, 'correct': 9, 'total': 12}
    """

    correct: int = 0
    total: int = 0

    @property
    def acc(self) -> float:
        """``correct / total`` (1.0 when there is nothing to place)."""
        return self.correct / self.total if self.total else 1.0

    def __add__(self, other: Accuracy) -> Accuracy:
        return Accuracy(correct=self.correct + other.correct, total=self.total + other.total)

    def to_dict(self) -> dict[str, Any]:
        """``{"acc", "correct", "total"}``."""
        return {"acc": round(self.acc, 4), "correct": self.correct, "total": self.total}


Metric = Counts | Accuracy


@attrs.frozen(kw_only=True)
class KindReport:
    """Scores for one record type: ``span``, ``full`` and the type's extra metrics.

    >>> k = KindReport(kind="hedges", span=Counts(tp=1, pred=1, gold=2),
    ...                full=Counts(tp=1, pred=1, gold=2))
    >>> k.to_dict()["full"]["r"]
    0.5
    """

    kind: str
    span: Counts
    full: Counts
    #: ``value`` (quantities), ``canonical`` (weapons), ``acc161`` (locations),
    #: ``source``/``content`` (attributions).
    extra: Mapping[str, Metric] = attrs.field(factory=dict)

    def __add__(self, other: KindReport) -> KindReport:
        extra = {name: self.extra[name] + other.extra[name] for name in self.extra}  # type: ignore[operator]
        return KindReport(
            kind=self.kind, span=self.span + other.span, full=self.full + other.full, extra=extra
        )

    def to_dict(self) -> dict[str, Any]:
        """``{"span": {...}, "full": {...}, <extra>: {...}}``."""
        out: dict[str, Any] = {"span": self.span.to_dict(), "full": self.full.to_dict()}
        out.update({name: metric.to_dict() for name, metric in self.extra.items()})
        return out


@attrs.frozen(kw_only=True)
class DocumentError:
    """A document that could not be scored as given (``id`` may be ``""``).

    >>> DocumentError(id="dev-003", problem="missing_prediction").to_dict()
    {'id': 'dev-003', 'problem': 'missing_prediction', 'detail': ''}
    """

    id: str
    problem: Problem
    detail: str = ""

    def to_dict(self) -> dict[str, str]:
        """``{"id", "problem", "detail"}``."""
        return {"id": self.id, "problem": self.problem, "detail": self.detail}


def _cell(value: float) -> str:
    return f"{value:.3f}"


@attrs.frozen(kw_only=True)
class EvaluationReport:
    """The result of :func:`claimscope.evaluate.evaluate`.

    >>> from claimscope.evaluate import evaluate
    >>> doc = {"id": "a", "text": "Kyiv", "locations": [{"start": 0, "end": 4, "text": "Kyiv",
    ...        "kind": "populated_place", "country": "UA", "lat": 50.45, "lon": 30.52}]}
    >>> report = evaluate([doc], [doc])
    >>> report["locations"].full.f1, report.errors
    (1.0, ())
    """

    kinds: Mapping[str, KindReport]
    errors: tuple[DocumentError, ...] = ()
    #: Number of gold documents scored.
    documents: int = 0
    #: Scores of each gold document, by id (not part of :meth:`to_dict`).
    by_document: Mapping[str, Mapping[str, KindReport]] = attrs.field(factory=dict)

    def __getitem__(self, kind: str) -> KindReport:
        return self.kinds[kind]

    def to_dict(self) -> dict[str, Any]:
        """``{kind: {"span": {...}, "full": {...}, extra: {...}}}`` for every record type."""
        return {kind: report.to_dict() for kind, report in self.kinds.items()}

    def to_table(self) -> str:
        """A Markdown table: one row per type and metric, then acc@161km and the errors."""
        lines = [
            "| type | metric | P | R | F1 | TP | pred | gold |",
            "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        notes: list[str] = []
        for kind, report in self.kinds.items():
            metrics: list[tuple[str, Metric]] = [("span", report.span), ("full", report.full)]
            metrics += list(report.extra.items())
            for name, metric in metrics:
                if isinstance(metric, Accuracy):
                    label, what = _ACCURACY_NOTES.get(name, (name, "right"))
                    notes.append(
                        f"{kind} {label}: {_cell(metric.acc)} "
                        f"({metric.correct}/{metric.total} span-matched gold {what})"
                    )
                    continue
                lines.append(
                    f"| {kind} | {name} | {_cell(metric.p)} | {_cell(metric.r)} | "
                    f"{_cell(metric.f1)} | {metric.tp} | {metric.pred} | {metric.gold} |"
                )
        lines.append("")
        lines.extend(notes)
        lines.append(f"documents: {self.documents}; errors: {len(self.errors)}")
        lines.extend(f"- {e.id or '?'}: {e.problem} {e.detail}".rstrip() for e in self.errors)
        return "\n".join(lines)
