"""Markdown rendering of the benchmark results (benchmarks/RESULTS.md)."""

from __future__ import annotations

from typing import Any

EXTRA = {"quantities": ["value"], "locations": ["acc161"], "attributions": ["source", "content"]}
KINDS = ("quantities", "weapons", "locations", "attributions", "hedges")


def _f(value: float) -> str:
    return f"{value:.3f}"


def _metric(scores: dict[str, Any], kind: str, metric: str) -> str:
    data = scores[kind][metric]
    if metric == "acc161":
        return f"acc@161 {_f(data['acc'])} ({data['correct']}/{data['total']})"
    return f"{metric} {_f(data['f1'])}"


def _prf(data: dict[str, Any]) -> str:
    return f"{_f(data['f1'])} (P {_f(data['p'])}, R {_f(data['r'])})"


def _header(results: dict[str, Any]) -> list[str]:
    m = results["meta"]
    lines = [
        "# claimscope benchmark results",
        "",
        "Generated file; regenerate with:",
        "",
        "```",
        "python benchmarks/run.py            # full run (memory over 1,000 and 10,000 docs)",
        "python benchmarks/run.py --quick    # smoke run, under a minute (RESULTS-quick.md)",
        "```",
        "",
        f"This file: `{m['command']}` on {m['date']}, commit `{m['commit']}`, Python "
        f"{m['python']}, spaCy {m['spacy']}, {m['machine']}, {m.get('seconds', '?')} s."
        + (" **Quick run: fewer texts, rounds and documents.**" if m["quick"] else ""),
        "",
        "Scores follow `corpus/SCORING.md` (micro-averaged over documents; one-to-one greedy "
        "pairing by character overlap); the extractors are first drafts.",
    ]
    if results["notes"]:
        lines += ["", "Notes:", ""] + [f"- {note}" for note in results["notes"]]
    return lines


def _accuracy(results: dict[str, Any]) -> list[str]:
    lines = ["", "## Accuracy per extractor", ""]
    for corpus, modes in results["accuracy"].items():
        mode_names = list(modes)
        any_mode = modes[mode_names[0]]
        docs_note = f" ({len(any_mode['errors'])} document errors)" if any_mode["errors"] else ""
        lines += [f"### {corpus}{docs_note}", ""]
        head = "| type | extractor(s) | gold |"
        rule = "| --- | --- | ---: |"
        for mode in mode_names:
            head += f" {mode} span F1 | {mode} full F1 | {mode} other |"
            rule += " ---: | ---: | --- |"
        lines += [head, rule]
        for kind in KINDS:
            names = sorted({n for mode in modes.values() for n in mode["extractors"].get(kind, [])})
            row = (f"| {kind} | {', '.join(names) or '(none installed)'} | "
                   f"{any_mode['scores'][kind]['span']['gold']} |")
            for mode in mode_names:
                scores = modes[mode]["scores"]
                other = "; ".join(_metric(scores, kind, x) for x in EXTRA.get(kind, []))
                row += (f" {_f(scores[kind]['span']['f1'])} | {_f(scores[kind]['full']['f1'])} | "
                        f"{other or '-'} |")
            lines.append(row)
        lines.append("")
    return lines


def _anchors(results: dict[str, Any]) -> list[str]:
    lines = ["## claimscope and the anchors, side by side", "",
             "Same texts, anchors converted to our format, same scorer. F1 (P, R).", "",
             "| corpus | anchor | metric | anchor | claimscope fast | claimscope trained |",
             "| --- | --- | --- | --- | --- | --- |"]
    for corpus, systems in results["anchors"].items():
        for anchor, data in systems.items():
            ours = data["claimscope"]
            for key, scores in data["scores"].items():
                kind, metric = key.split(".")
                cells = [_prf(ours[m][key]) if m in ours else "-" for m in ("fast", "trained")]
                lines.append(f"| {corpus} | {anchor} | {kind} {metric} | {_prf(scores)} | "
                             f"{cells[0]} | {cells[1]} |")
    return [*lines, ""]


def _speed(results: dict[str, Any]) -> list[str]:
    s = results["speed"]
    lines = ["## Speed", "",
             f"{s['texts']} texts, {s['words']} words; words per CPU-second in one process "
             "(median of interleaved rounds, one thread).", "",
             "| system | words/s per core | CPU s | wall s |", "| --- | ---: | ---: | ---: |"]
    for name, run in s["systems"].items():
        lines.append(f"| {name} | {run['words_per_s']:,.0f} | {run['seconds']:.3f} | "
                     f"{run['wall_seconds']:.3f} |")
    lines += [""] + [f"- {name}: **{value:.2f}**" for name, value in s["ratios"].items()]
    lines += ["", "### Cost per extractor (share of the claimscope pipeline's CPU time)", "",
              "Extractors timed on the same Docs, pre-parsed by the pipeline's own spaCy "
              "(the \"(spaCy)\" line); the remainder can dip below zero from timing noise.", "",
              "| mode | component | CPU s | share |", "| --- | --- | ---: | ---: |"]
    for mode, costs in s["costs"].items():
        for name, cost in costs.items():
            lines.append(f"| {mode} | {name} | {cost['seconds']:.3f} | {cost['share']:.1%} |")
    return [*lines, ""]


def _memory(results: dict[str, Any]) -> list[str]:
    lines = ["## Memory of `Pipeline.pipe()`", "",
             "Each size in a fresh process, fast mode, documents streamed (not kept); RSS in MB.",
             "", "| documents | RSS after warm-up | max RSS while piping | growth | peak RSS | s |",
             "| ---: | ---: | ---: | ---: | ---: | ---: |"]
    for run in results["memory"]:
        if "error" in run:
            lines.append(f"| {run['documents']} | failed: {run['error']} | | | | |")
            continue
        lines.append(f"| {run['documents']} | {run['rss_after_warmup_mb']} | "
                     f"{max(run['rss_samples_mb'] + [run['rss_end_mb']])} | {run['growth_mb']} | "
                     f"{run['peak_rss_mb']} | {run['seconds']} |")
    return [*lines, ""]


def render_markdown(results: dict[str, Any]) -> str:
    """RESULTS.md from the results dictionary of benchmarks/run.py."""
    parts = _header(results) + _accuracy(results) + _anchors(results)
    return "\n".join(parts + _speed(results) + _memory(results))
