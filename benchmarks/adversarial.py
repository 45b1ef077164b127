"""Adversarial inputs: does every extractor (and the whole pipeline) stay linear?

Feeds 1× / 2× / 4× sizes of hostile texts (quote marks, digits, hyphenated capitalised
names, one giant token, random code points) and reports CPU seconds and the growth ratio
(4× time / 1× time; linear is about 4, quadratic 16). Writes Markdown to stdout and JSON
with ``--json``. Run: ``python benchmarks/adversarial.py [--unit 262144] [--json FILE]``.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BUILT_IN_EXTRACTORS


def _random_codepoints(n: int) -> str:
    rng = random.Random(7)
    return "".join(chr(rng.choice([rng.randrange(32, 0xD800), rng.randrange(0xE000, 0x30000)]))
                   for _ in range(n))


GENERATORS: dict[str, Callable[[int], str]] = {
    "quote marks": lambda n: '"' * n,
    "digits": lambda n: "1" * n,
    "hyphenated names": lambda n: " ".join(["Bakhmut-Avdiyivka-Maryinka"] * (n // 27)),
    "one giant token": lambda n: "Ab" * (n // 2),
    "random code points": _random_codepoints,
    "quotes and cues": lambda n: ('"He said," she said. ' * (n // 21)),
}


def _cpu(run: Callable[[], object]) -> float:
    started = time.process_time()
    run()
    return time.process_time() - started


def measure(unit: int) -> dict[str, Any]:
    """CPU seconds per input kind, size and extractor, and the 4×/1× growth."""
    from claimscope import Pipeline

    pipeline = Pipeline(extractors=BUILT_IN_EXTRACTORS)
    pipeline("warm up the lazily loaded data: Kyiv said 40 tanks.")
    table: dict[str, Any] = {}
    for name, generate in GENERATORS.items():
        rows: dict[str, list[float]] = {"spaCy tokenizer": [], "whole pipeline": []}
        for factor in (1, 2, 4):
            text = generate(unit * factor)
            doc = pipeline.nlp(text)
            rows["spaCy tokenizer"].append(_cpu(lambda text=text: pipeline.nlp.make_doc(text)))
            for info, extractor in zip(pipeline.extractor_infos, pipeline.extractors,
                                       strict=True):
                rows.setdefault(info.name, []).append(
                    _cpu(lambda e=extractor, d=doc: list(e.extract(d))))
            rows["whole pipeline"].append(_cpu(lambda text=text: pipeline(text)))
        table[name] = {part: {"seconds": times, "growth": times[2] / max(times[0], 1e-4)}
                       for part, times in rows.items()}
    return table


def render(table: dict[str, Any], unit: int) -> str:
    """The measurements as a Markdown table."""
    lines = [f"Unit size {unit:,} characters; sizes 1×, 2×, 4×; CPU seconds.", "",
             "| input | part | 1× | 2× | 4× | 4×/1× |", "| --- | --- | ---: | ---: | ---: | ---: |"]
    for name, parts in table.items():
        for part, row in parts.items():
            s1, s2, s4 = row["seconds"]
            lines.append(f"| {name} | {part} | {s1:.3f} | {s2:.3f} | {s4:.3f} | "
                         f"{row['growth']:.1f} |")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--unit", type=int, default=262_144, help="characters at 1×")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    table = measure(args.unit)
    print(render(table, args.unit))
    if args.json:
        args.json.write_text(json.dumps(table, indent=2), encoding="utf-8")
    worst = max(row["growth"] for parts in table.values() for row in parts.values())
    print(f"\nworst growth: {worst:.1f} (linear ≈ 4)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
