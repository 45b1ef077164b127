"""``claimscope render``: stored results (or gold files) to a standalone HTML page.

Mounted by the CLI application as ``app.command("render")(render_command)``::

    claimscope render results.jsonl -o results.html
    claimscope render ../shared/corpus/seed/seed.json -o seed.html

One document gives its own page; several give an index page with a section each. A
record that is not a result is named on stderr (file and line) and the others are still
rendered; the exit status is then 1.

>>> import tempfile, pathlib, typer
>>> from typer.testing import CliRunner
>>> app = typer.Typer()
>>> _ = app.command()(render_command)
>>> path = pathlib.Path(tempfile.mkdtemp()) / "r.json"
>>> _ = path.write_text('{"id": "a", "text": "Kyiv."}')
>>> done = CliRunner().invoke(app, [str(path)])
>>> (done.exit_code, "<title>a</title>" in done.stdout)
(0, True)
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any

import typer

from claimscope.cli.exit_codes import ExitCode
from claimscope.cli.inputs import InputProblem
from claimscope.serialize import SerializationError
from claimscope.types import Result

__all__ = ["read_results", "render_command"]

_SUFFIXES = (".json", ".jsonl")


def _records(text: str, source: str, lines: bool) -> Iterator[tuple[Any, int | None]]:
    if not lines:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            if exc.msg != "Extra data":
                yield InputProblem(source, f"bad JSON: {exc.msg}", exc.lineno), exc.lineno
                return
        else:  # one object, or a list of them
            for item in data if isinstance(data, list) else [data]:
                yield item, None
            return
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip():
            try:
                yield json.loads(line), number
            except json.JSONDecodeError as exc:
                yield InputProblem(source, f"bad JSON: {exc.msg}", number), number


def _files(name: str) -> list[Path]:
    path = Path(name)
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in _SUFFIXES and p.is_file())
    return [path]


def read_results(paths: list[str]) -> Iterator[Result | InputProblem]:
    """Results read from JSON (an object or a list), JSON Lines, directories or ``-``.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "r.jsonl"
    >>> _ = path.write_text('{"id": "a", "text": "x"}\\n{"id": "b"}\\n')
    >>> [type(item).__name__ for item in read_results([str(path)])]
    ['Result', 'InputProblem']
    """
    for name in paths:
        for file in [Path("-")] if name == "-" else _files(name):
            source = "<stdin>" if name == "-" else str(file)
            try:
                text = sys.stdin.read() if name == "-" else file.read_text(encoding="utf-8")
            except (OSError, UnicodeDecodeError) as exc:
                yield InputProblem(source, getattr(exc, "strerror", None) or str(exc))
                continue
            for record, line in _records(text, source, file.suffix == ".jsonl"):
                if isinstance(record, InputProblem):
                    yield record
                    continue
                try:
                    yield Result.from_dict(record)
                except (SerializationError, TypeError) as exc:
                    raw_id = record.get("id") if isinstance(record, dict) else None
                    yield InputProblem(source, f"not a claimscope result or gold record: "
                                       f"{exc}", line, None if raw_id is None else str(raw_id))


def render_command(
    paths: Annotated[list[str], typer.Argument(
        metavar="INPUT...", help="Result or gold files (.json, .jsonl), directories, or -.")],
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write the HTML here instead of stdout.")] = None,
    title: Annotated[str, typer.Option(help="Heading of an index page.")] = "claimscope",
) -> None:
    """Write an HTML page of claims, sources and marked mentions (displaCy span style)."""
    from claimscope.render import render, render_index

    results, failed = [], 0
    for item in read_results(paths):
        if isinstance(item, InputProblem):
            failed += 1
            typer.echo(f"claimscope: {item}", err=True)
        else:
            results.append(item)
    page = render(results[0]) if len(results) == 1 else render_index(results, title=title)
    if output is None:
        typer.echo(page, nl=False)
    else:
        output.write_text(page, encoding="utf-8")
    if failed:
        raise typer.Exit(int(ExitCode.DOCUMENTS_FAILED))
