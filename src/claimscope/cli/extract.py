"""``claimscope extract``: documents in, results out (stdout or ``-o FILE``)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer

from claimscope.cli.exit_codes import ExitCode
from claimscope.cli.inputs import InputProblem, read_inputs
from claimscope.cli.output import FORMATS, make_writer
from claimscope.errors import ModelNotFoundError, UnknownExtractorError
from claimscope.pipeline import DEFAULT_MAX_CHARS, Pipeline
from claimscope.types import Document

__all__ = ["extract_command"]


def _fail(message: str, code: ExitCode) -> typer.Exit:
    typer.echo(f"claimscope: {message}", err=True)
    return typer.Exit(int(code))


def _documents(paths: list[str], problems: list[InputProblem], text_key: str, id_key: str,
               encoding: str, decode_errors: str) -> Iterator[Document]:
    for item in read_inputs(paths, text_key=text_key, id_key=id_key, encoding=encoding,
                            errors=decode_errors):
        if isinstance(item, InputProblem):
            problems.append(item)
            typer.echo(f"claimscope: {item}", err=True)
        else:
            yield item


def extract_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt, .json, .jsonl), directories, or - for stdin.")],
    format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(FORMATS)}.")] = "jsonl",
    model: Annotated[str, typer.Option(
        help="'blank' (fast), 'trained', or an installed spaCy pipeline.")] = "blank",
    extractors: Annotated[str | None, typer.Option(
        help="Comma-separated extractor names (default: all installed).")] = None,
    output: Annotated[Path | None, typer.Option(
        "--output", "-o", help="Write here instead of stdout.")] = None,
    batch_size: Annotated[int, typer.Option(min=1, help="Documents per batch.")] = 64,
    n_process: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
    text_key: Annotated[str, typer.Option(help="JSON field holding the text.")] = "text",
    id_key: Annotated[str, typer.Option(help="JSON field holding the id.")] = "id",
    encoding: Annotated[str, typer.Option(help="Input encoding.")] = "utf-8",
    decode_errors: Annotated[str, typer.Option(
        help="On undecodable bytes: strict (report the document), replace, ignore.")
    ] = "strict",
    max_chars: Annotated[int, typer.Option(
        help="Longer documents are reported, not processed.")] = DEFAULT_MAX_CHARS,
    strict: Annotated[bool, typer.Option(help="Stop at the first plugin failure.")] = False,
    progress: Annotated[bool | None, typer.Option(
        help="Progress bar on stderr (default: when stderr is a terminal).")] = None,
) -> None:
    """Extract claims, quantities, weapons, locations, attributions and hedges."""
    if format not in FORMATS:
        raise _fail(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}",
                    ExitCode.USAGE)
    if decode_errors not in ("strict", "replace", "ignore"):
        raise _fail("--decode-errors must be strict, replace or ignore", ExitCode.USAGE)
    names = [n.strip() for n in extractors.split(",") if n.strip()] if extractors else None
    try:
        pipeline = Pipeline(model=model, extractors=names, strict=strict, max_chars=max_chars)
    except (UnknownExtractorError, ModelNotFoundError) as exc:
        raise _fail(str(exc), ExitCode.USAGE) from None
    problems: list[InputProblem] = []
    documents = _documents(paths, problems, text_key, id_key, encoding, decode_errors)
    stream: TextIO = sys.stdout if output is None else output.open("w", encoding="utf-8")
    failed = _run(pipeline, documents, stream, format, batch_size, n_process, progress)
    if output is not None:
        stream.close()
    if pipeline.plugin_errors:
        raise typer.Exit(int(ExitCode.PLUGIN_LOAD))
    if failed or problems:
        raise typer.Exit(int(ExitCode.DOCUMENTS_FAILED))


def _run(pipeline: Pipeline, documents: Iterator[Document], stream: TextIO, fmt: str,
         batch_size: int, n_process: int, progress: bool | None) -> int:
    from tqdm import tqdm

    writer = make_writer(fmt, stream)
    failed = 0
    bar = tqdm(unit="doc", file=sys.stderr, disable=None if progress is None else not progress)
    for result in pipeline.pipe(documents, batch_size=batch_size, n_process=n_process):
        bar.update(1)
        if result.error is not None:
            failed += 1
            typer.echo(f"claimscope: {result.document.id}: {result.error}", err=True)
            continue
        for diagnostic in result.diagnostics:
            typer.echo(f"claimscope: {result.document.id}: {diagnostic.plugin}: "
                       f"{diagnostic.message}", err=True)
        failed += not result.ok
        writer.write(result)
    bar.close()
    writer.close()
    return failed
