"""claimscope benchmarks: accuracy, anchors, speed, per-extractor cost and memory.

    python benchmarks/run.py [--quick] [--out benchmarks/RESULTS.md]

Writes ``RESULTS.md`` (Markdown) and ``results.json`` (``RESULTS-quick.md`` and
``results-quick.json`` with ``--quick``, so a smoke run never overwrites the full one).
Accuracy is scored by :func:`claimscope.evaluate.evaluate` (corpus/SCORING.md) on the dev corpus
(``benchmarks/data/dev``) and on the seed gold (``../shared/corpus/seed/seed.json``,
when present); anchors are converted to the same format and scored by the same scorer.
``--quick`` is the smoke version (< 1 minute): fewer texts, rounds and documents.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import platform
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import speed  # first: it pins BLAS/OpenMP to one thread before numpy loads
from anchors import Skip, quantulum3, spacy_ner, textacy_quotes
from common import (
    BUILT_IN_EXTRACTORS,
    ROOT,
    TRAINED_MODEL,
    corpora,
    inputs,
    installed,
    word_count,
)
from render import render_markdown

from claimscope.evaluate import evaluate

ANCHOR_METRICS = {
    "quantulum3": [("quantities", "value"), ("quantities", "span")],
    "en_core_web_sm NER": [("quantities", "span"), ("locations", "span")],
    "textacy direct_quotations": [("attributions", "span"), ("attributions", "source"),
                                  ("attributions", "content"), ("attributions", "full")],
}


def build_pipelines(notes: list[str]) -> dict[str, Any]:
    """claimscope in fast mode and, when the model is installed, trained mode."""
    from claimscope import Pipeline

    pipelines = {"fast": Pipeline(model="blank", extractors=BUILT_IN_EXTRACTORS)}
    if installed(TRAINED_MODEL):
        pipelines["trained"] = Pipeline(model=TRAINED_MODEL, extractors=BUILT_IN_EXTRACTORS)
    else:
        notes.append(f"trained mode skipped: {TRAINED_MODEL} is not installed "
                     "(pip install 'claimscope[trained]')")
    return pipelines


def producers(pipeline: Any) -> dict[str, list[str]]:
    """Record type -> names of the selected extractors that produce it."""
    found: dict[str, list[str]] = {}
    for info in pipeline.extractor_infos:
        for kind in sorted(info.produces):
            found.setdefault(kind, []).append(info.name)
    return found


def accuracy(corpus: dict[str, list[dict[str, Any]]], pipelines: dict[str, Any]) -> dict[str, Any]:
    """Scores of each mode on each corpus, with the extractors behind each type."""
    out: dict[str, Any] = {}
    for name, docs in corpus.items():
        for mode, pipeline in pipelines.items():
            preds = [r.to_dict() for r in pipeline.pipe(inputs(docs))]
            report = evaluate(docs, preds)
            out.setdefault(name, {})[mode] = {
                "scores": report.to_dict(), "extractors": producers(pipeline),
                "errors": [e.to_dict() for e in report.errors],
                "diagnostics": sum(len(p.get("diagnostics") or []) for p in preds)}
    return out


def anchors(corpus: dict[str, list[dict[str, Any]]], pipelines: dict[str, Any],
            small: Any | None, notes: list[str], quick: bool) -> dict[str, Any]:
    """Each anchor's predictions scored with the same scorer (metrics of ANCHOR_METRICS).

    The quick run scores the anchors on the first five dev documents only.
    """
    out: dict[str, Any] = {}
    if quick:
        corpus = {"dev (first 5)": corpus["dev"][:5]}
    for name, docs in corpus.items():
        parsed = list(small.pipe(d["text"] for d in docs)) if small is not None else None
        runs = {"quantulum3": lambda docs=docs: quantulum3(docs)}
        if parsed is not None:
            runs["en_core_web_sm NER"] = lambda docs=docs, parsed=parsed: spacy_ner(docs, parsed)
            runs["textacy direct_quotations"] = (
                lambda docs=docs, parsed=parsed: textacy_quotes(docs, parsed))
        for anchor, run in runs.items():
            try:
                started = time.process_time()
                preds = run()
                seconds = time.process_time() - started
            except Skip as skip:
                if f"{anchor}: {skip}" not in notes:
                    notes.append(f"{anchor}: {skip}")
                continue
            ours = {mode: evaluate(docs, [r.to_dict() for r in p.pipe(inputs(docs))]).to_dict()
                    for mode, p in pipelines.items()}
            report = evaluate(docs, preds).to_dict()
            out.setdefault(name, {})[anchor] = {
                "scores": {f"{kind}.{metric}": report[kind][metric]
                           for kind, metric in ANCHOR_METRICS[anchor]},
                "claimscope": {mode: {f"{kind}.{metric}": scores[kind][metric]
                                      for kind, metric in ANCHOR_METRICS[anchor]}
                               for mode, scores in ours.items()},
                "cpu_seconds": seconds}
        if parsed is None:
            notes.append(f"NER and textacy anchors skipped: {TRAINED_MODEL} is not installed")
    return out


def speed_section(corpus: dict[str, list[dict[str, Any]]], pipelines: dict[str, Any],
                  small: Any | None, quick: bool) -> dict[str, Any]:
    """Throughput of every system on the same texts, ratios to the baselines, costs."""
    texts = [d["text"] for docs in corpus.values() for d in docs]
    texts = texts[:4] if quick else texts * 2
    rounds = 2 if quick else 7
    words = word_count(texts)
    runs = speed.throughput(speed.speed_systems(texts, pipelines, small), words, rounds)
    wps = {name: r["words_per_s"] for name, r in runs.items()}
    ratios = {"fast / blank+sentencizer (target >= 0.25)":
              wps["claimscope fast"] / wps["spacy blank+sentencizer"]}
    if "claimscope trained" in wps:
        ratios["trained slowdown vs en_core_web_sm (target <= 0.15)"] = (
            wps["en_core_web_sm"] / wps["claimscope trained"] - 1)
    system = {"fast": "claimscope fast", "trained": "claimscope trained"}
    costs = {mode: speed.extractor_costs(pipeline, texts, runs[system[mode]]["seconds"], rounds)
             for mode, pipeline in pipelines.items()}
    return {"texts": len(texts), "words": words, "systems": runs, "ratios": ratios,
            "costs": costs}


def meta(quick: bool, argv: list[str]) -> dict[str, Any]:
    import spacy

    try:
        commit = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
                                capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        commit = ""
    return {"command": " ".join(["python", "benchmarks/run.py", *argv]), "quick": quick,
            "date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": commit, "python": platform.python_version(),
            "spacy": spacy.__version__, "machine": f"{platform.machine()} {platform.system()}"}


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="smoke run, under a minute")
    parser.add_argument("--out", type=Path, default=None,
                        help="Markdown file (default benchmarks/RESULTS.md, or "
                             "benchmarks/RESULTS-quick.md with --quick)")
    args = parser.parse_args(argv)
    if args.out is None:
        args.out = ROOT / "benchmarks" / ("RESULTS-quick.md" if args.quick else "RESULTS.md")
    logging.getLogger("claimscope").setLevel(logging.ERROR)  # plugin warnings go to notes
    started = time.perf_counter()
    notes: list[str] = []
    corpus = corpora()
    if "seed" not in corpus:
        notes.append("seed gold skipped: ../shared/corpus/seed/seed.json not found")
    pipelines = build_pipelines(notes)
    notes.extend(f"plugin {d.plugin}: {d.message}" for d in pipelines["fast"].plugin_errors)
    small = None
    if installed(TRAINED_MODEL):
        import spacy

        small = spacy.load(TRAINED_MODEL)
    results: dict[str, Any] = {"meta": meta(args.quick, argv), "notes": notes}
    sections: dict[str, float] = {"setup": time.perf_counter() - started}
    sizes = (100, 400) if args.quick else (1000, 10000)
    # The quick run measures memory in child processes alongside the rest (CPU-time
    # figures are per process, so this does not skew them); the full run does it last.
    children = [speed.memory_start(n) for n in sizes] if args.quick else []
    for section, run in [
        ("accuracy", lambda: accuracy(corpus, pipelines)),
        ("anchors", lambda: anchors(corpus, pipelines, small, notes, args.quick)),
        ("speed", lambda: speed_section(corpus, pipelines, small, args.quick)),
        ("memory", lambda: ([speed.memory_collect(c) for c in children] if children
                            else speed.memory(sizes, "blank"))),
    ]:
        section_start, section_cpu = time.perf_counter(), time.process_time()
        results[section] = run()
        sections[section] = round(time.perf_counter() - section_start, 1)
        sections[f"{section} (CPU)"] = round(time.process_time() - section_cpu, 1)
    results["meta"]["section_seconds"] = sections
    results["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(render_markdown(results), encoding="utf-8")
    json_path = args.out.with_name(args.out.stem.lower() + ".json")  # RESULTS -> results
    json_path.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {args.out} and {json_path} in {results['meta']['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
