"""``claimscope evaluate``: score predictions (or a fresh pipeline run) against gold.

Mounted by the CLI application as ``app.command("evaluate")(evaluate_command)``::

    claimscope evaluate GOLD_DIR PRED [--format table|json]
    claimscope evaluate GOLD_DIR --run [--model NAME] [--format table|json]

Exit status: 0 when scored (even with per-document errors, which the report lists),
2 for a usage error (bad path, bad option, unknown model) with a one-line message.

>>> import typer
>>> from typer.testing import CliRunner
>>> app = typer.Typer()
>>> _ = app.command("evaluate")(evaluate_command)
>>> CliRunner().invoke(app, ["/nonexistent"]).exit_code
2
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from claimscope.errors import ClaimscopeError
from claimscope.evaluate import (
    EvaluationInputError,
    EvaluationReport,
    evaluate,
    load_gold_dir,
    load_predictions,
)

__all__ = ["FORMATS", "evaluate_command", "run_pipeline"]

#: Output formats of the command.
FORMATS: tuple[str, ...] = ("table", "json")


def _fail(message: str) -> typer.Exit:
    """Print a one-line usage error and return the exit to raise (status 2)."""
    typer.echo(f"claimscope evaluate: {message}", err=True)
    return typer.Exit(code=2)


def run_pipeline(gold: Iterable[Mapping[str, Any]], model: str) -> list[dict[str, Any]]:
    """Predictions for the gold texts from ``claimscope.Pipeline(model=model)``.

    >>> docs = [{"id": "a", "text": "It could not be independently verified."}]
    >>> [p["id"] for p in run_pipeline(docs, "blank")]
    ['a']
    """
    from claimscope import Pipeline  # imported here: spaCy loads only when --run is used

    pipeline = Pipeline(model=model)
    items = [{"id": doc.get("id"), "text": doc.get("text", "")} for doc in gold]
    return [result.to_dict() for result in pipeline.pipe(items, batch_size=64)]


def _render(report: EvaluationReport, format: str) -> str:
    if format == "json":
        data = report.to_dict()
        data["errors"] = [error.to_dict() for error in report.errors]
        return json.dumps(data, indent=2, ensure_ascii=False)
    return report.to_table()


def evaluate_command(
    gold_dir: Annotated[
        Path,
        typer.Argument(
            metavar="GOLD_DIR", help="Gold documents: a directory of SCHEMA.md JSON files."
        ),
    ],
    pred: Annotated[
        Path | None,
        typer.Argument(
            metavar="PRED", help="Predictions: a JSON Lines file or a directory of JSON files."
        ),
    ] = None,
    run: Annotated[
        bool, typer.Option("--run", help="Run the pipeline on the gold texts instead.")
    ] = False,
    model: Annotated[
        str, typer.Option("--model", help="spaCy model for --run: blank or a trained one.")
    ] = "blank",
    format: Annotated[str, typer.Option("--format", help="Output: table or json.")] = "table",
) -> None:
    """Score predictions against gold documents as corpus/SCORING.md defines."""
    if format not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}, not {format!r}")
    if run == (pred is not None):
        raise _fail("give either PRED or --run (exactly one)")
    try:
        gold = load_gold_dir(gold_dir)
        predictions = run_pipeline(gold, model) if pred is None else load_predictions(pred)
    except EvaluationInputError as error:
        raise _fail(str(error)) from None
    except (ClaimscopeError, OSError) as error:
        raise _fail(f"{type(error).__name__}: {error}") from None
    typer.echo(_render(evaluate(gold, predictions), format))
