"""Writing results for the CLI: ``json``, ``jsonl`` (flushed per line) and ``table``.

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

import json
from typing import TextIO

from claimscope.types import Result

__all__ = ["FORMATS", "ResultWriter", "make_writer", "render_table"]

#: Output formats of ``claimscope extract``.
FORMATS = ("json", "jsonl", "table")


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

    def __init__(self, fmt: str, stream: TextIO) -> None:
        if fmt not in FORMATS:
            raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
        self._format = fmt
        self._stream = stream
        self._held: Result | None = None
        self._count = 0

    def write(self, result: Result) -> None:
        """Write (or, for ``json``, hold until the next one or :meth:`close`) a result."""
        self._count += 1
        if self._format == "jsonl":
            self._stream.write(_dumps(result, None) + "\n")
        elif self._format == "table":
            self._stream.write(render_table(result) + "\n")
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


def make_writer(fmt: str, stream: TextIO) -> ResultWriter:
    """A :class:`ResultWriter` for ``fmt`` on ``stream``."""
    return ResultWriter(fmt, stream)
