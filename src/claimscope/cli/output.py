"""Writing results for the CLI: ``json``, ``jsonl`` (flushed per line), ``csv`` (one row
per claim) and ``table``; and reading back an output file to ``--resume`` it.

>>> import io
>>> from claimscope.types import Document, Result
>>> out = io.StringIO()
>>> writer = make_writer("jsonl", out)
>>> writer.write(Result(document=Document(id="a", text="x")))
>>> writer.close()
>>> out.getvalue().count("\\n")
1
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import TextIO

from claimscope.frame import CLAIM_COLUMNS, claim_rows
from claimscope.types import Result

__all__ = ["FORMATS", "RESUMABLE", "ResultWriter", "make_writer", "render_table",
           "resume_ids"]

#: Output formats of ``claimscope extract``.
FORMATS = ("json", "jsonl", "csv", "table")
#: Formats whose files ``--resume`` can continue (one whole line per record).
RESUMABLE = ("jsonl", "csv")


def _dumps(result: Result, indent: int | None) -> str:
    return json.dumps(result.to_dict(), ensure_ascii=False, indent=indent)


def _short(text: str, width: int = 90) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def render_table(result: Result) -> str:
    """A plain-text summary of one result: its claims, then its mentions.

    >>> from claimscope.types import Document
    >>> print(render_table(Result(document=Document(id="a", text="x"))))
    == a: 0 claims
    """
    lines = [f"== {result.document.id}: {len(result.claims)} claims"]
    for claim in result.claims:
        who = claim.attribution.source.resolved if claim.attribution else "(article)"
        lines.append(f"  [{claim.status:<11}] {who}: {_short(claim.content.text)}")
        details = [f"{q.text} ({q.low}..{q.high} {q.unit})" for q in claim.quantities]
        details += [f"{w.text} ({w.category})" for w in claim.weapons]
        details += [f"{loc.text} ({loc.country})" for loc in claim.locations]
        if details:
            lines.append(f"      {_short('; '.join(details), 120)}")
    for diagnostic in result.diagnostics:
        lines.append(f"  ! {diagnostic.plugin}: {diagnostic.message}")
    return "\n".join(lines)


class ResultWriter:
    """Writes results one at a time; ``json`` keeps one object per document, or a list."""

    def __init__(self, fmt: str, stream: TextIO, *, header: bool = True) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self._format = fmt
        self._stream = stream
        self._held: Result | None = None
        self._count = 0
        self._csv = csv.DictWriter(stream, fieldnames=CLAIM_COLUMNS, lineterminator="\n")
        if fmt == "csv" and header:
            self._csv.writeheader()

    def write(self, result: Result) -> None:
        """Write (or, for ``json``, hold until the next one or :meth:`close`) a result."""
        self._count += 1
        if self._format == "jsonl":
            self._stream.write(_dumps(result, None) + "\n")
        elif self._format == "table":
            self._stream.write(render_table(result) + "\n")
        elif self._format == "csv":
            self._csv.writerows(claim_rows(result))
        else:
            # One document gives one object; more give a list, streamed element by element.
            if self._held is not None:
                self._stream.write("[\n" if self._count == 2 else ",\n")
                self._stream.write(_dumps(self._held, 2))
            self._held = result
        self._stream.flush()

    def close(self) -> None:
        """Finish the output (closing the JSON list when there is one)."""
        if self._format == "json":
            if self._held is not None:
                if self._count > 1:
                    self._stream.write(",\n" + _dumps(self._held, 2) + "\n]\n")
                else:
                    self._stream.write(_dumps(self._held, 2) + "\n")
            elif self._count == 0:
                self._stream.write("[]\n")
        self._stream.flush()


def make_writer(fmt: str, stream: TextIO, *, header: bool = True) -> ResultWriter:
    """A :class:`ResultWriter` for ``fmt`` on ``stream`` (``header``: write the CSV header)."""
    return ResultWriter(fmt, stream, header=header)


def _whole_lines(path: Path) -> list[tuple[int, bytes]]:
    """(offset, line) of every complete line; a torn last line (no newline) is left out."""
    lines, offset = [], 0
    with path.open("rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break
            lines.append((offset, line))
            offset += len(line)
    return lines


def _jsonl_ids(lines: list[tuple[int, bytes]]) -> tuple[set[str], int]:
    done: set[str] = set()
    keep = 0
    for offset, line in lines:
        try:
            record = json.loads(line)
        except ValueError:
            break  # a damaged line: everything from here on is written again
        if isinstance(record, dict) and record.get("id") is not None:
            done.add(str(record["id"]))
        keep = offset + len(line)
    return done, keep


def _csv_ids(lines: list[tuple[int, bytes]]) -> tuple[set[str], int]:
    rows = [(offset, line, next(csv.reader([line.decode("utf-8", "replace")]), []))
            for offset, line in lines[1:]]
    if not rows:
        return set(), sum(len(line) for _, line in lines[:1])
    # A document's rows are written together, but a kill can split them: the last
    # document in the file is dropped and processed again.
    last = rows[-1][2][:1]
    while rows and rows[-1][2][:1] == last:
        rows.pop()
    keep = rows[-1][0] + len(rows[-1][1]) if rows else len(lines[0][1])
    return {row[0] for _, _, row in rows if row}, keep


def resume_ids(path: Path, fmt: str) -> set[str]:
    """Ids already in an output file, after cutting off what a kill may have torn.

    The file is truncated after its last complete record (for ``csv``, before the rows of
    its last document), so appending to it continues without duplicates or broken lines.

    >>> import tempfile
    >>> out = Path(tempfile.mkdtemp()) / "out.jsonl"
    >>> _ = out.write_text('{"id": "a"}\\n{"id": "b"}\\n{"id": "c", "te')
    >>> sorted(resume_ids(out, "jsonl")), out.read_text()
    (['a', 'b'], '{"id": "a"}\\n{"id": "b"}\\n')
    """
    if fmt not in RESUMABLE:
        raise ValueError(f"--resume needs --format {' or '.join(RESUMABLE)}, not {fmt}")
    if not path.exists():
        return set()
    lines = _whole_lines(path)
    done, keep = _jsonl_ids(lines) if fmt == "jsonl" else _csv_ids(lines)
    if keep < path.stat().st_size:
        with path.open("r+b") as handle:
            handle.truncate(keep)
    return done
