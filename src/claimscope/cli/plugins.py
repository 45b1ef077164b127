"""``claimscope plugins``: every installed extractor, its version and provider; with
``--check``, the conformance contract run on each of them."""

from __future__ import annotations

import json
from typing import Annotated

import attrs
import typer

from claimscope.plugins import PluginRegistry, RegisteredExtractor

__all__ = ["plugins_command"]


def _print_table(registered: list[RegisteredExtractor]) -> None:
    rows = [("name", "version", "plugin", "distribution", "produces", "uses")]
    rows += [(i.name, i.version, i.plugin, i.distribution or "-", ",".join(i.produces),
              ",".join(i.uses) or "-") for i in (r.info for r in registered)]
    widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
                   .rstrip())


def _check(registered: list[RegisteredExtractor], max_examples: int) -> int:
    try:
        from claimscope.testing.contract import ContractViolation, check_extractor
    except ImportError:
        typer.echo("claimscope: --check needs hypothesis: pip install 'claimscope[testing]'",
                   err=True)
        return 2
    failures = 0
    for entry in registered:
        name = entry.info.name
        try:
            report = check_extractor(entry.extractor, max_examples=max_examples)
        except ContractViolation as violation:
            failures += 1
            typer.echo(f"FAIL  {name} ({entry.info.distribution}): {violation}")
            continue
        typer.echo(f"ok    {name}: {', '.join(report.properties)} "
                   f"(4x input: {report.growth:.1f}x time)")
    return 1 if failures else 0


def plugins_command(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
    check: Annotated[bool, typer.Option(
        "--check", help="Run the extractor contract on every installed extractor.")] = False,
    examples: Annotated[int, typer.Option(
        help="Hypothesis examples per extractor with --check.")] = 100,
) -> None:
    """List the installed extractors: name, version, distribution, what they produce."""
    registry = PluginRegistry()
    registered = registry.extractors()
    if check:
        code = _check(registered, examples)
    else:
        code = 0
        if format == "json":
            typer.echo(json.dumps([attrs.asdict(r.info) for r in registered], indent=2))
        else:
            _print_table(registered)
    for error in registry.load_errors:
        typer.echo(f"claimscope: plugin {error.plugin}: {error.message}", err=True)
    if registry.load_errors:
        code = max(code, 3)
    raise typer.Exit(code)
