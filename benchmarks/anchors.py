"""Anchor systems converted to the SCHEMA.md layout, to be scored by claimscope's scorer.

* quantulum3 (quantities: value F1 is the fair figure, its units are named differently);
* en_core_web_sm NER: CARDINAL/QUANTITY/MONEY/PERCENT spans as quantities, GPE/LOC/FAC
  spans as locations (span F1 only: NER gives no values or coordinates);
* textacy ``direct_quotations`` (attributions: direct quotes only, by design).

Each function returns predictions, or raises :class:`Skip` with a note when the anchor
is not installed.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from common import installed

NER_QUANTITY = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
NER_LOCATION = frozenset({"GPE", "LOC", "FAC"})


class Skip(Exception):
    """An anchor that cannot run here; the message says why."""


def _span(text: str, start: int, end: int) -> dict[str, Any]:
    return {"start": start, "end": end, "text": text[start:end]}


def quantulum3(documents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """quantulum3 ``parser.parse`` per text: value ± uncertainty become low/high."""
    if not installed("quantulum3"):
        raise Skip("quantulum3 not installed (pip install quantulum3 scikit-learn==1.8.0 stemming)")
    from quantulum3 import parser

    out = []
    for doc in documents:
        text, records = doc["text"], []
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                found = parser.parse(text)
        except Exception:  # an anchor's crash on one text costs it that text only
            found = []
        for q in found:
            start, end = q.span
            value = float(q.value)
            spread = float(q.uncertainty or 0.0)
            unit = None if q.unit.name == "dimensionless" else q.unit.name
            records.append({**_span(text, start, end), "low": value - spread,
                            "high": value + spread, "unit": unit})
        out.append({"id": doc["id"], "text": text, "quantities": records})
    return out


def spacy_ner(documents: Sequence[dict[str, Any]], parsed: Sequence[Any]) -> list[dict[str, Any]]:
    """en_core_web_sm entities as quantity and location spans."""
    out = []
    for doc, spacy_doc in zip(documents, parsed, strict=True):
        text = doc["text"]
        ents = [(e.label_, e.start_char, e.end_char) for e in spacy_doc.ents]
        out.append({
            "id": doc["id"], "text": text,
            "quantities": [_span(text, s, e) for label, s, e in ents if label in NER_QUANTITY],
            "locations": [_span(text, s, e) for label, s, e in ents if label in NER_LOCATION],
        })
    return out


def _tokens_span(text: str, tokens: Sequence[Any]) -> dict[str, Any] | None:
    if not tokens:
        return None
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    return _span(text, start, end)


def textacy_quotes(
    documents: Sequence[dict[str, Any]], parsed: Sequence[Any]
) -> list[dict[str, Any]]:
    """textacy ``extract.triples.direct_quotations`` as attributions (mode ``direct``)."""
    if not installed("textacy"):
        raise Skip("textacy not installed (pip install textacy)")
    from textacy.extract.triples import direct_quotations

    out = []
    for doc, spacy_doc in zip(documents, parsed, strict=True):
        text, records = doc["text"], []
        try:
            triples = list(direct_quotations(spacy_doc))
        except Exception:  # known to raise on unbalanced quotes; costs that text only
            triples = []
        for triple in triples:
            cue = _tokens_span(text, triple.cue)
            if cue is None:
                continue
            source = _tokens_span(text, triple.speaker)
            content = _span(text, triple.content.start_char, triple.content.end_char)
            records.append({"source": source, "resolved_source": source and source["text"],
                            "cue": cue, "content": content, "mode": "direct"})
        out.append({"id": doc["id"], "text": text, "attributions": records})
    return out
