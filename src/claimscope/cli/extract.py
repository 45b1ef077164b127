"""``claimscope extract``: documents in, results out (stdout or ``-o FILE``), streaming.

Inputs are read lazily and each result is written (and flushed) as soon as it is ready, in
input order, so memory stays constant however large the input. Problems go to stderr with
file and line, and to ``--errors FILE`` as JSON Lines; ``--resume`` continues an
interrupted ``-o`` file; ``--dask`` runs the batches on a Dask cluster.

>>> import typer
>>> from typer.testing import CliRunner
>>> app = typer.Typer()
>>> _ = app.command()(extract_command)
>>> done = CliRunner().invoke(app, ["-", "--extractors", "hedges"], input="It was reportedly hit.")
>>> (done.exit_code, '"reportedly"' in done.stdout)
(0, True)
"""

from __future__ import annotations

import collections
import json
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Annotated, TextIO

import typer

from claimscope.cli.exit_codes import ExitCode
from claimscope.cli.inputs import InputProblem, Located, count_documents, read_located
from claimscope.cli.output import FORMATS, RESUMABLE, make_writer, resume_ids
from claimscope.errors import ModelNotFoundError, UnknownExtractorError
from claimscope.pipeline import DEFAULT_MAX_CHARS, Pipeline, PipelineSpec
from claimscope.types import Document, Result

__all__ = ["Problems", "extract_command"]


def _fail(message: str, code: ExitCode) -> typer.Exit:
    typer.echo(f"claimscope: {message}", err=True)
    return typer.Exit(int(code))


class Problems:
    """Reports problems on stderr and, when asked, as JSON Lines in an errors file.

    >>> import io
    >>> sink = io.StringIO()
    >>> problems = Problems(sink)
    >>> problems.report(InputProblem("a.jsonl", "bad JSON", 21))
    >>> json.loads(sink.getvalue())["line"], problems.count
    (21, 1)
    """

    def __init__(self, errors: TextIO | None = None) -> None:
        self._errors = errors
        #: How many problems were reported.
        self.count = 0

    def report(self, problem: InputProblem, *, counts: bool = True) -> None:
        """Print ``problem`` on stderr and append it to the errors file.

        :param counts: whether it makes the run fail (warnings do not).
        """
        self.count += counts
        typer.echo(f"claimscope: {problem}", err=True)
        if self._errors is not None:
            self._errors.write(json.dumps(problem.to_dict(), ensure_ascii=False) + "\n")
            self._errors.flush()


class _Progress:
    """A tqdm bar on stderr: documents, words per second, ETA when the total is known."""

    def __init__(self, enabled: bool | None, paths: list[str]) -> None:
        from tqdm import tqdm

        # tqdm's disable=None switches the bar off when stderr is not a terminal.
        disable = None if enabled is None else not enabled
        show = enabled if enabled is not None else sys.stderr.isatty()
        total = count_documents(paths) if show else None
        self._bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=disable,
                         dynamic_ncols=True)
        self._words = 0
        self._start = time.monotonic()
        self._shown = 0.0

    def update(self, words: int = 0) -> None:
        """Count one document of ``words`` words."""
        self._words += words
        self._bar.update(1)
        now = time.monotonic()
        if now - self._shown > 0.5:  # refreshing the rate more often costs time
            self._shown = now
            rate = self._words / max(now - self._start, 1e-9)
            self._bar.set_postfix_str(f"{rate:,.0f} words/s", refresh=False)

    def close(self) -> None:
        """Finish the bar."""
        self._bar.close()


def _documents(located: Iterable[Located], problems: Problems, skip: set[str],
               origins: collections.deque[Located], progress: _Progress) -> Iterator[Document]:
    """The readable documents not yet done; remembers where each one in flight came from."""
    for entry in located:
        item = entry.item
        if isinstance(item, InputProblem):
            problems.report(item)
        elif item.id in skip:
            progress.update()
        else:
            origins.append(entry)
            yield item


def _results(pipeline: Pipeline, documents: Iterator[Document], batch_size: int,
             n_process: int, dask: str | None) -> Iterator[Result]:
    if dask is None:
        yield from pipeline.pipe(documents, batch_size=batch_size, n_process=n_process)
        return
    from claimscope.dask import connect, pipe

    with connect(dask) as client:
        yield from pipe(client, pipeline.spec, documents, batch_size=batch_size)


def _report_result(result: Result, origin: Located, problems: Problems) -> None:
    def problem(message: str) -> InputProblem:
        return InputProblem(origin.source, f"{result.document.id}: {message}", origin.line,
                            result.document.id)

    if result.error is not None:
        problems.report(problem(result.error))
    for diagnostic in result.diagnostics:
        problems.report(problem(f"{diagnostic.plugin}: {diagnostic.message}"),
                        counts=diagnostic.severity == "error")


def _open_output(output: Path | None, resume: bool) -> tuple[TextIO, bool]:
    """The stream to write to, and whether it already holds a CSV header."""
    if output is None:
        return sys.stdout, False
    appending = resume and output.exists() and output.stat().st_size > 0
    return output.open("a" if appending else "w", encoding="utf-8", newline=""), appending


def extract_command(
    paths: Annotated[list[str], typer.Argument(
        help="Files (.txt, .json, .jsonl), directories, or - for stdin.")],
    format: Annotated[str, typer.Option(
        "--format", "-f", help=f"Output format: {', '.join(FORMATS)} (csv: a row per claim)."
    )] = "jsonl",
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
    errors: Annotated[Path | None, typer.Option(
        "--errors", help="Also write every problem here, as JSON Lines "
        "(source, line, message, id).")] = None,
    resume: Annotated[bool, typer.Option(
        "--resume", help="Skip documents whose id is already in the -o file and append.")
    ] = False,
    dask: Annotated[str | None, typer.Option(
        "--dask", metavar="local:N|tcp://HOST:PORT",
        help="Run on a Dask cluster: N local worker processes, or a running scheduler.")
    ] = None,
) -> None:
    """Extract claims, quantities, weapons, locations, attributions and hedges."""
    _check_usage(format, decode_errors, resume, output, dask, n_process)
    names = [n.strip() for n in extractors.split(",") if n.strip()] if extractors else None
    try:
        # Built through the spec: cached per process, and what --dask ships to workers.
        pipeline = PipelineSpec(model=model, extractors=None if names is None else tuple(names),
                                strict=strict, max_chars=max_chars).build()
    except (UnknownExtractorError, ModelNotFoundError) as exc:
        raise _fail(str(exc), ExitCode.USAGE) from None
    try:
        done = resume_ids(output, format) if resume and output is not None else set()
        error_stream = errors.open("a" if resume else "w", encoding="utf-8") if errors else None
        stream, has_header = _open_output(output, resume)
    except OSError as exc:
        raise _fail(f"cannot write {exc.filename}: {exc.strerror}", ExitCode.USAGE) from None
    problems = Problems(error_stream)
    bar = _Progress(progress, paths)
    origins: collections.deque[Located] = collections.deque()
    located = read_located(paths, text_key=text_key, id_key=id_key, encoding=encoding,
                           errors=decode_errors)
    documents = _documents(located, problems, done, origins, bar)
    writer = make_writer(format, stream, header=not has_header)
    try:
        for result in _results(pipeline, documents, batch_size, n_process, dask):
            # Results come back in input order, one per document: the oldest origin is its.
            origin = origins.popleft()
            bar.update(len(result.document.text.split()))
            _report_result(result, origin, problems)
            if result.error is None:
                writer.write(result)
    except Exception as exc:
        if dask is None or isinstance(exc, BrokenPipeError):
            raise
        # A cluster that cannot be reached is a usage error; one that fails mid-run is not.
        code = ExitCode.USAGE if isinstance(exc, (ValueError, OSError)) else \
            ExitCode.DOCUMENTS_FAILED
        raise _fail(f"--dask {dask}: {type(exc).__name__}: {exc}", code) from None
    finally:
        writer.close()
        bar.close()
        for opened in (stream if output is not None else None, error_stream):
            if opened is not None:
                opened.close()
    if pipeline.plugin_errors:
        raise typer.Exit(int(ExitCode.PLUGIN_LOAD))
    if problems.count:
        raise typer.Exit(int(ExitCode.DOCUMENTS_FAILED))


def _check_usage(format: str, decode_errors: str, resume: bool, output: Path | None,
                 dask: str | None, n_process: int) -> None:
    if format not in FORMATS:
        raise _fail(f"unknown format {format!r}; choose one of {', '.join(FORMATS)}",
                    ExitCode.USAGE)
    if decode_errors not in ("strict", "replace", "ignore"):
        raise _fail("--decode-errors must be strict, replace or ignore", ExitCode.USAGE)
    if resume and (output is None or format not in RESUMABLE):
        raise _fail(f"--resume needs -o FILE and --format {' or '.join(RESUMABLE)}",
                    ExitCode.USAGE)
    if dask is not None and n_process != 1:
        raise _fail("--dask runs one process per worker: leave out --n-process",
                    ExitCode.USAGE)
    if dask is not None and not (dask.startswith("local:") or "://" in dask):
        raise _fail(f"--dask wants local:N or tcp://host:port, not {dask!r}", ExitCode.USAGE)
