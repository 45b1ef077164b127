"""Scale-out benchmark: throughput in one process and on Dask with 1 and 2 workers.

Usage (from the repository root; needs the ``dask`` extra)::

    python benchmarks/scaling.py [--docs 400] [--model blank] [--repeats 3] [--json OUT]

The corpus is the project's dev articles (``benchmarks/data/dev``), repeated with fresh ids
up to ``--docs`` documents. Each Dask run uses a ``LocalCluster`` of N single-threaded
worker processes; the pipeline is built on every worker before timing (``warm_up``), so
the figures are steady-state throughput, and cluster start plus model load are reported
separately. Scaling efficiency = throughput(2 workers) / (2 x throughput(1 worker)).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import DEV_DIR, inputs, median_seconds, word_count

from claimscope import Pipeline, PipelineSpec
from claimscope.evaluate import load_gold_dir


def corpus(size: int) -> list[dict[str, Any]]:
    """``size`` documents cycling through the dev articles, each with its own id."""
    base = inputs(load_gold_dir(DEV_DIR))
    return [{"id": f"{base[i % len(base)]['id']}-{i}", "text": base[i % len(base)]["text"]}
            for i in range(size)]


def _cpu_seconds() -> float:
    """CPU time (user + system) of this process so far."""
    return time.process_time()


def single_process(spec: PipelineSpec, docs: list[dict[str, Any]], repeats: int
                   ) -> tuple[float, float]:
    """(median seconds, CPU seconds per run) for the corpus in this process."""
    pipeline = Pipeline(model=spec.model, extractors=spec.extractors)
    before = _cpu_seconds()
    seconds = median_seconds(lambda: list(pipeline.pipe(docs, batch_size=32)), repeats)
    return seconds, (_cpu_seconds() - before) / (repeats + 1)


def on_dask(spec: PipelineSpec, docs: list[dict[str, Any]], workers: int,
            repeats: int) -> tuple[float, float, float]:
    """(median seconds for the corpus, seconds to start the cluster and load the model,
    CPU seconds per run summed over the workers)."""
    import dask.bag
    from distributed import Client, LocalCluster

    from claimscope.dask import extract_bag, warm_up

    started = time.perf_counter()
    with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                      dashboard_address=":0") as cluster, Client(cluster) as client:
        warm_up(client, spec)
        startup = time.perf_counter() - started
        # Several partitions per worker, so that neither worker idles at the end.
        bag = dask.bag.from_sequence(docs, npartitions=4 * workers)
        before = sum(client.run(_cpu_seconds).values())
        seconds = median_seconds(lambda: extract_bag(bag, spec, batch_size=32).compute(),
                                 repeats)
        cpu = (sum(client.run(_cpu_seconds).values()) - before) / (repeats + 1)
    return seconds, startup, cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=400)
    parser.add_argument("--model", default="blank")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args()

    spec = PipelineSpec(model=args.model)
    docs = corpus(args.docs)
    words = word_count(doc["text"] for doc in docs)
    rows: dict[str, dict[str, float]] = {}
    seconds, cpu = single_process(spec, docs, args.repeats)
    rows["1 process"] = {"seconds": seconds, "cpu_seconds": cpu}
    for workers in (1, 2):
        seconds, startup, cpu = on_dask(spec, docs, workers, args.repeats)
        rows[f"dask {workers} worker{'s' * (workers > 1)}"] = {
            "seconds": seconds, "startup_seconds": startup, "cpu_seconds": cpu}
    for row in rows.values():
        row["docs_per_s"] = args.docs / row["seconds"]
        row["words_per_s"] = words / row["seconds"]
        # CPU per document does not depend on what else the machine runs: it shows the
        # cost of distribution even when wall-clock figures are skewed by other load.
        row["cpu_ms_per_doc"] = 1000 * row["cpu_seconds"] / args.docs
    one, two = rows["dask 1 worker"]["docs_per_s"], rows["dask 2 workers"]["docs_per_s"]
    cpu_one = rows["dask 1 worker"]["cpu_ms_per_doc"]
    cpu_two = rows["dask 2 workers"]["cpu_ms_per_doc"]
    report = {"model": args.model, "docs": args.docs, "words": words,
              "cpus": os.cpu_count(), "load_average": os.getloadavg()[0], "runs": rows,
              "speedup_2_workers": two / one, "scaling_efficiency": two / (2 * one),
              "cpu_efficiency": cpu_one / cpu_two}
    print(f"{args.docs} documents, {words} words, model {args.model}, "
          f"{os.cpu_count()} CPUs, load average {report['load_average']:.1f}")
    for name, row in rows.items():
        startup = f"  (start + model load {row['startup_seconds']:.1f} s)" \
            if "startup_seconds" in row else ""
        print(f"  {name:<15} {row['docs_per_s']:7.1f} docs/s {row['words_per_s']:9.0f} "
              f"words/s {row['cpu_ms_per_doc']:6.1f} CPU ms/doc{startup}")
    print(f"  speed-up with 2 workers {report['speedup_2_workers']:.2f}x, "
          f"scaling efficiency {report['scaling_efficiency']:.0%} (wall clock), "
          f"{report['cpu_efficiency']:.0%} (CPU per document)")
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
