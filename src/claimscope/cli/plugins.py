"""``claimscope plugins``: every installed extractor, its version and provider."""

from __future__ import annotations

import json
from typing import Annotated

import attrs
import typer

from claimscope.plugins import PluginRegistry

__all__ = ["plugins_command"]


def plugins_command(
    format: Annotated[str, typer.Option("--format", "-f", help="table or json.")] = "table",
) -> None:
    """List the installed extractors: name, version, distribution, what they produce."""
    registry = PluginRegistry()
    infos = registry.extractor_infos()
    if format == "json":
        typer.echo(json.dumps([attrs.asdict(info) for info in infos], indent=2))
    else:
        rows = [("name", "version", "plugin", "distribution", "produces", "uses")]
        rows += [(i.name, i.version, i.plugin, i.distribution or "-", ",".join(i.produces),
                  ",".join(i.uses) or "-") for i in infos]
        widths = [max(len(row[c]) for row in rows) for c in range(len(rows[0]))]
        for row in rows:
            typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
                       .rstrip())
    for error in registry.load_errors:
        typer.echo(f"claimscope: plugin {error.plugin}: {error.message}", err=True)
    if registry.load_errors:
        raise typer.Exit(3)
