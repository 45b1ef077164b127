"""Score claimscope output against gold annotations, exactly as ``corpus/SCORING.md`` says.

Gold and predictions are JSON documents in the SCHEMA.md layout (what
``claimscope extract --format json`` writes), paired by ``id``. Within a document and a
record type, records pair one-to-one, greedily by largest character overlap (cue spans
for attributions); every criterion is then judged on those same pairs:

* ``span``: the pair exists (spans overlap);
* ``full``: quantities also have equal ``low``/``high`` (within 0.5 %) and ``unit``;
  weapons the same ``category``; locations are placed right (country code for a gold
  country, else within 161 km); attributions have the right source and content
  token-F1 ≥ 0.5; hedges the same ``kind``;
* ``value`` (quantities: bounds equal, unit ignored), ``acc161`` (locations: share of
  span-matched gold placed right), ``source`` and ``content`` (attributions).

A gold document without a prediction is scored as if nothing had been predicted, and a
prediction without gold is left out; both are listed in :attr:`EvaluationReport.errors`.

>>> text = "Russia fired 12 drones at Odesa."
>>> gold = {"id": "d1", "text": text,
...         "quantities": [{"start": 13, "end": 22, "text": "12 drones", "low": 12, "high": 12,
...                         "qualifier": "exact", "unit": "drone", "kind": "count"}],
...         "hedges": []}
>>> pred = {"id": "d1", "text": text,
...         "quantities": [{"start": 13, "end": 15, "text": "12", "low": 12, "high": 12,
...                         "qualifier": "exact", "unit": None, "kind": "other"}]}
>>> report = evaluate([gold], [pred])
>>> q = report["quantities"]
>>> q.span.f1, q.full.f1, q.extra["value"].f1
(1.0, 0.0, 1.0)
>>> evaluate([gold], []).errors[0].problem
'missing_prediction'
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

from claimscope.evaluate.criteria import (
    content_ok,
    interval_of,
    placed_right,
    quantity_full,
    source_ok,
    values_equal,
)
from claimscope.evaluate.io import (
    EvaluationInputError,
    load_documents,
    load_gold_dir,
    load_predictions,
)
from claimscope.evaluate.pairing import pair_greedy
from claimscope.evaluate.report import (
    EXTRA_METRICS,
    KINDS,
    Accuracy,
    Counts,
    DocumentError,
    EvaluationReport,
    KindReport,
    Metric,
)

__all__ = [
    "KINDS",
    "Accuracy",
    "Counts",
    "DocumentError",
    "EvaluationInputError",
    "EvaluationReport",
    "KindReport",
    "differences",
    "evaluate",
    "load_documents",
    "load_gold_dir",
    "load_predictions",
    "score_document",
    "score_records",
]

Record = Mapping[str, Any]
Criterion = Callable[[Record, Record], bool]


def _same_field(name: str) -> Criterion:
    def check(gold: Record, pred: Record) -> bool:
        return gold.get(name) is not None and gold.get(name) == pred.get(name)

    return check


def _same_canonical(gold: Record, pred: Record) -> bool:
    """Canonical names agree, ignoring case (weapons' ``canonical`` accuracy)."""
    return str(gold.get("canonical", "")).casefold() == str(pred.get("canonical", "")).casefold()


def _attribution_full(gold: Record, pred: Record) -> bool:
    return source_ok(gold, pred) and content_ok(gold, pred)


#: The "full" criterion per record type.
_FULL: Mapping[str, Criterion] = {
    "quantities": quantity_full,
    "weapons": _same_field("category"),
    "locations": placed_right,
    "attributions": _attribution_full,
    "hedges": _same_field("kind"),
}
#: Extra P/R/F1 criteria judged on the same pairs.
_EXTRA: Mapping[str, Criterion] = {
    "value": values_equal,
    "source": source_ok,
    "content": content_ok,
}


def _records(document: Record, kind: str) -> list[Record]:
    """The records of one type; anything that is not a mapping stays as an empty record
    (it still counts as a prediction, it just cannot pair)."""
    items = document.get(kind)
    if not isinstance(items, list):
        return []
    return [item if isinstance(item, Mapping) else {} for item in items]


def _pairs(kind: str, gold: list[Record], pred: list[Record]) -> list[tuple[int, int]]:
    """The SCORING.md pairing of one document's records of one type (cue spans for
    attributions)."""
    where = "cue" if kind == "attributions" else None
    gold_spans = [interval_of(r.get(where) if where else r) for r in gold]
    pred_spans = [interval_of(r.get(where) if where else r) for r in pred]
    return pair_greedy(gold_spans, pred_spans)


def differences(kind: str, gold: Record, pred: Record) -> list[dict[str, Any]]:
    """What keeps one document from a perfect "full" score for one type: each gold record
    not found (``missed``), found but wrong on the full criterion (``wrong``, with the
    prediction), and each prediction that pairs with nothing (``spurious``).

    >>> g = {"hedges": [{"start": 0, "end": 6, "text": "denied", "kind": "denial"}]}
    >>> p = {"hedges": [{"start": 0, "end": 6, "text": "denied", "kind": "uncertain"},
    ...                 {"start": 9, "end": 14, "text": "maybe", "kind": "uncertain"}]}
    >>> [d["problem"] for d in differences("hedges", g, p)]
    ['wrong', 'spurious']
    """
    golds, preds = _records(gold, kind), _records(pred, kind)
    pairs = dict(_pairs(kind, golds, preds))
    out: list[dict[str, Any]] = []
    for g, record in enumerate(golds):
        if g not in pairs:
            out.append({"problem": "missed", "gold": record})
        elif not _FULL[kind](record, preds[pairs[g]]):
            out.append({"problem": "wrong", "gold": record, "pred": preds[pairs[g]]})
    paired = set(pairs.values())
    out.extend({"problem": "spurious", "pred": r} for p, r in enumerate(preds) if p not in paired)
    return out


def score_records(kind: str, gold: list[Record], pred: list[Record]) -> KindReport:
    """Score one document's records of one type.

    >>> g = [{"start": 0, "end": 5, "text": "tanks", "category": "tank"}]
    >>> p = [{"start": 0, "end": 5, "text": "tanks", "category": "armoured_vehicle"}]
    >>> r = score_records("weapons", g, p)
    >>> (r.span.tp, r.full.tp)
    (1, 0)
    """
    pairs = [(gold[g], pred[p]) for g, p in _pairs(kind, gold, pred)]

    def counts(criterion: Criterion | None) -> Counts:
        tp = sum(1 for g, p in pairs if criterion is None or criterion(g, p))
        return Counts(tp=tp, pred=len(pred), gold=len(gold))

    extra: dict[str, Metric] = {}
    for name in EXTRA_METRICS[kind]:
        if name == "acc161":
            extra[name] = Accuracy(correct=counts(placed_right).tp, total=len(pairs))
        elif name == "canonical":
            specific = [(g, p) for g, p in pairs if not g.get("generic")]
            extra[name] = Accuracy(correct=sum(_same_canonical(g, p) for g, p in specific),
                                   total=len(specific))
        else:
            extra[name] = counts(_EXTRA[name])
    return KindReport(kind=kind, span=counts(None), full=counts(_FULL[kind]), extra=extra)


def score_document(gold: Record, pred: Record) -> dict[str, KindReport]:
    """Score one predicted document against its gold document, per record type.

    >>> score_document({"hedges": [{"start": 0, "end": 3, "text": "may", "kind": "uncertain"}]},
    ...                {})["hedges"].span.r
    0.0
    """
    return {kind: score_records(kind, _records(gold, kind), _records(pred, kind)) for kind in KINDS}


def _index(
    documents: Iterable[Record], side: str, errors: list[DocumentError]
) -> dict[str, Record]:
    """Documents by id, first occurrence wins; bad or repeated ids become errors."""
    by_id: dict[str, Record] = {}
    for position, document in enumerate(documents):
        doc_id = document.get("id") if isinstance(document, Mapping) else None
        if not isinstance(doc_id, str) or not doc_id:
            errors.append(DocumentError(id="", problem="no_id", detail=f"{side} #{position}"))
        elif doc_id in by_id:
            errors.append(DocumentError(id=doc_id, problem="duplicate_id", detail=side))
        else:
            by_id[doc_id] = document
    return by_id


def evaluate(
    gold: Iterable[Mapping[str, Any]], predictions: Iterable[Mapping[str, Any]]
) -> EvaluationReport:
    """Score predicted documents against gold documents (paired by ``id``), micro-averaged.

    >>> doc = {"id": "x", "text": "Kyiv denied it.",
    ...        "hedges": [{"start": 5, "end": 11, "text": "denied", "kind": "denial"}]}
    >>> report = evaluate([doc], [doc, {"id": "y", "text": ""}])
    >>> report["hedges"].full.f1, [(e.id, e.problem) for e in report.errors]
    (1.0, [('y', 'missing_gold')])
    """
    errors: list[DocumentError] = []
    gold_by_id = _index(gold, "gold", errors)
    pred_by_id = _index(predictions, "predictions", errors)
    totals = {kind: score_records(kind, [], []) for kind in KINDS}
    by_document: dict[str, dict[str, KindReport]] = {}
    for doc_id, gold_doc in gold_by_id.items():
        pred_doc = pred_by_id.get(doc_id)
        if pred_doc is None:
            errors.append(DocumentError(id=doc_id, problem="missing_prediction"))
            pred_doc = {}
        elif isinstance(pred_doc.get("text"), str) and pred_doc["text"] != gold_doc.get("text"):
            errors.append(
                DocumentError(id=doc_id, problem="text_mismatch", detail="offsets may not agree")
            )
        scores = score_document(gold_doc, pred_doc)
        by_document[doc_id] = scores
        totals = {kind: totals[kind] + scores[kind] for kind in KINDS}
    errors.extend(
        DocumentError(id=doc_id, problem="missing_gold")
        for doc_id in pred_by_id
        if doc_id not in gold_by_id
    )
    return EvaluationReport(
        kinds=totals, errors=tuple(errors), documents=len(gold_by_id), by_document=by_document
    )
