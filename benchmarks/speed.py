"""Speed and memory measurements: words/s per core, per-extractor cost, pipe() peak memory.

Throughput is measured in one process on the same texts for every system, with the
systems interleaved round by round (so drift in machine load hits all of them alike),
after one warm-up pass each; the figure is the median over the rounds. Time is the
process CPU time (``time.process_time``), with BLAS/OpenMP limited to one thread, so the
figures are per core and do not depend on what else the machine is running; wall time
is recorded beside it.

Memory runs in a fresh child process per corpus size (``python benchmarks/speed.py
--memory N``) so earlier work in the parent does not inflate the peak.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

from common import BUILT_IN_EXTRACTORS, DEV_DIR, installed, word_count  # noqa: E402


def _consume(iterator: Any) -> None:
    for _ in iterator:
        pass


def throughput(systems: dict[str, Callable[[], object]], words: int, rounds: int) -> dict[str, Any]:
    """Words/s of each system: warm-up once each, then ``rounds`` interleaved timed runs."""
    for run in systems.values():
        run()
    cpu: dict[str, list[float]] = {name: [] for name in systems}
    wall: dict[str, list[float]] = {name: [] for name in systems}
    for _ in range(rounds):
        for name, run in systems.items():
            start, start_cpu = time.perf_counter(), time.process_time()
            run()
            cpu[name].append(time.process_time() - start_cpu)
            wall[name].append(time.perf_counter() - start)
    return {name: {"seconds": statistics.median(cpu[name]),
                   "wall_seconds": statistics.median(wall[name]), "words": words,
                   "words_per_s": words / statistics.median(cpu[name]), "rounds": rounds}
            for name in systems}


def speed_systems(texts: Sequence[str], pipelines: dict[str, Any],
                  small: Any | None) -> dict[str, Callable[[], object]]:
    """The timed callables: the spaCy baselines and the claimscope modes in ``pipelines``.

    :param small: the bare trained spaCy pipeline (a separate instance), or ``None``.
    """
    import spacy

    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    systems: dict[str, Callable[[], object]] = {
        "spacy blank+sentencizer": lambda: _consume(blank.pipe(texts)),
        "claimscope fast": lambda: _consume(pipelines["fast"].pipe(texts)),
    }
    if small is not None and "trained" in pipelines:
        systems["en_core_web_sm"] = lambda: _consume(small.pipe(texts))
        systems["claimscope trained"] = lambda: _consume(pipelines["trained"].pipe(texts))
    return systems


def _median_cpu(run: Callable[[], object], rounds: int) -> float:
    runs = []
    for _ in range(rounds):
        start = time.process_time()
        run()
        runs.append(time.process_time() - start)
    return statistics.median(runs)


def extractor_costs(pipeline: Any, texts: Sequence[str], total_seconds: float,
                    rounds: int) -> dict[str, Any]:
    """CPU seconds and share of the whole pipeline time for each part of the pipeline.

    The extractors' ``extract(doc)`` run on the same Docs, pre-parsed by the pipeline's
    own spaCy ``Language`` (whose time is the "(spaCy)" line); ``total_seconds`` is the
    pipeline's time on the same texts, so the remainder is validation, claim assembly
    and bookkeeping.
    """
    docs = list(pipeline.nlp.pipe(texts))
    costs: dict[str, Any] = {}
    for info, extractor in zip(pipeline.extractor_infos, pipeline.extractors, strict=True):
        seconds = _median_cpu(lambda e=extractor: [_consume(e.extract(d)) for d in docs], rounds)
        costs[info.name] = {"seconds": seconds, "share": seconds / total_seconds}
    spacy_seconds = _median_cpu(lambda: _consume(pipeline.nlp.pipe(texts)), rounds)
    rest = total_seconds - spacy_seconds - sum(c["seconds"] for c in costs.values())
    costs["(spaCy)"] = {"seconds": spacy_seconds, "share": spacy_seconds / total_seconds}
    costs["(validation, claims, overhead)"] = {"seconds": rest, "share": rest / total_seconds}
    return costs


# --- memory ----------------------------------------------------------------------------

def _rss_mb() -> float:
    """Current resident set size in MB (Linux /proc; 0.0 elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return 0.0
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def _peak_mb() -> float:
    """Peak RSS of this process image in MB: VmHWM (ru_maxrss would carry the parent's
    peak across fork and exec on Linux)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except (OSError, ValueError, IndexError):
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def _stream(texts: Sequence[str], n: int) -> Iterator[dict[str, str]]:
    """``n`` documents cycling over ``texts``, each with a unique first line (so the
    string store sees new strings, as with a real feed)."""
    for i, text in zip(range(n), itertools.cycle(texts), strict=False):
        yield {"id": f"m{i}", "text": f"Dispatch {i} of the day.\n\n{text}"}


def memory_child(n: int, model: str) -> dict[str, Any]:
    """Run in a fresh process: RSS after warm-up, while piping ``n`` documents, and peak."""
    from claimscope import Pipeline
    from claimscope.evaluate import load_gold_dir

    texts = [doc["text"] for doc in load_gold_dir(DEV_DIR)]
    pipeline = Pipeline(model=model, extractors=BUILT_IN_EXTRACTORS)
    _consume(pipeline.pipe(texts))
    gc.collect()
    start_rss, samples = _rss_mb(), []
    step = max(1, n // 20)
    started = time.perf_counter()
    for i, _result in enumerate(pipeline.pipe(_stream(texts, n), batch_size=64)):
        if i % step == 0:
            samples.append(round(_rss_mb(), 1))
    return {"documents": n, "model": model, "rss_after_warmup_mb": round(start_rss, 1),
            "rss_samples_mb": samples, "rss_end_mb": round(_rss_mb(), 1),
            "peak_rss_mb": round(_peak_mb(), 1),
            "growth_mb": round(max([*samples, _rss_mb()]) - start_rss, 1),
            "seconds": round(time.perf_counter() - started, 1)}


def memory_start(n: int, model: str = "blank") -> tuple[int, str, subprocess.Popen[str]]:
    """Start :func:`memory_child` for ``n`` documents in a fresh process."""
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__)), "--memory", str(n), "--model", model],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    return n, model, proc


def memory_collect(started: tuple[int, str, subprocess.Popen[str]]) -> dict[str, Any]:
    """Wait for a child of :func:`memory_start` and return its measurement."""
    n, model, proc = started
    out, err = proc.communicate()
    if proc.returncode != 0:
        tail = (err.strip().splitlines() or ["?"])[-1]
        return {"documents": n, "model": model, "error": tail}
    return dict(json.loads(out.strip().splitlines()[-1]))


def memory(sizes: Sequence[int], model: str = "blank") -> list[dict[str, Any]]:
    """:func:`memory_child` for each size, one fresh process after the other."""
    return [memory_collect(memory_start(n, model)) for n in sizes]


def main() -> int:
    parser = argparse.ArgumentParser(description="Memory child of benchmarks/run.py.")
    parser.add_argument("--memory", type=int, required=True, help="documents to pipe")
    parser.add_argument("--model", default="blank")
    args = parser.parse_args()
    if args.model != "blank" and not installed(args.model):
        print(f"{args.model} not installed", file=sys.stderr)
        return 1
    print(json.dumps(memory_child(args.memory, args.model)))
    return 0


__all__ = ["extractor_costs", "memory", "memory_collect", "memory_start", "speed_systems",
           "throughput", "word_count"]

if __name__ == "__main__":
    sys.exit(main())
