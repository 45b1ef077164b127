"""Reading documents for the CLI: ``.txt``, ``.json``, ``.jsonl``, directories and stdin.

Reading is lazy (one document in memory at a time for JSON Lines) and never raises for a
bad file or line: it yields an :class:`InputProblem` naming the file and line instead.

>>> import tempfile, pathlib
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "a.jsonl").write_text('{"id": "1", "text": "x"}\\nnot json\\n')
>>> [type(item).__name__ for item in read_inputs([str(folder / "a.jsonl")])]
['Document', 'InputProblem']
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from claimscope.documents import as_document
from claimscope.types import Document

__all__ = ["InputProblem", "read_inputs", "SUFFIXES"]

#: File suffixes read from directories.
SUFFIXES = (".txt", ".json", ".jsonl")


@attrs.frozen
class InputProblem:
    """A file or line that could not be read as a document."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


def _decode(data: bytes, source: str, encoding: str, errors: str) -> str | InputProblem:
    try:
        return data.decode(encoding, errors)
    except UnicodeDecodeError as exc:
        return InputProblem(source, f"not {encoding} text (byte {data[exc.start]:#04x} at "
                                    f"offset {exc.start}); try --encoding")
    except LookupError:
        return InputProblem(source, f"unknown encoding {encoding!r}")


def _from_object(obj: Any, source: str, default_id: str, text_key: str, id_key: str,
                 line: int | None = None) -> Document | InputProblem:
    if not isinstance(obj, dict):
        return InputProblem(source, f"expected a JSON object, got {type(obj).__name__}", line)
    try:
        document = as_document(obj, text_key=text_key, id_key=id_key)
    except Exception as exc:
        return InputProblem(source, str(exc), line)
    return document if obj.get(id_key) is not None else attrs.evolve(document, id=default_id)


def _json_lines(lines: Iterable[bytes], source: str, stem: str, text_key: str, id_key: str,
                encoding: str, errors: str) -> Iterator[Document | InputProblem]:
    for number, raw in enumerate(lines, start=1):
        text = _decode(raw, source, encoding, errors)
        if isinstance(text, InputProblem):
            yield attrs.evolve(text, line=number)
            continue
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputProblem(source, f"bad JSON: {exc.msg} (column {exc.colno})", number)
            continue
        yield _from_object(obj, source, f"{stem}-{number}", text_key, id_key, number)


def _read_file(path: Path, text_key: str, id_key: str, encoding: str, errors: str
               ) -> Iterator[Document | InputProblem]:
    source = str(path)
    try:
        if path.suffix == ".jsonl":
            with path.open("rb") as handle:
                yield from _json_lines(handle, source, path.stem, text_key, id_key,
                                       encoding, errors)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield InputProblem(source, exc.strerror or str(exc))
        return
    text = _decode(data, source, encoding, errors)
    if isinstance(text, InputProblem):
        yield text
    elif path.suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield InputProblem(source, f"bad JSON: {exc.msg}", exc.lineno)
            return
        for item in obj if isinstance(obj, list) else [obj]:
            yield _from_object(item, source, path.stem, text_key, id_key)
    else:
        yield Document(id=path.stem, text=text)


def _read_stdin(text_key: str, id_key: str, encoding: str, errors: str
                ) -> Iterator[Document | InputProblem]:
    data = sys.stdin.buffer.read()
    if data.lstrip()[:1] == b"{":
        yield from _json_lines(data.splitlines(), "<stdin>", "stdin", text_key, id_key,
                               encoding, errors)
        return
    text = _decode(data, "<stdin>", encoding, errors)
    yield text if isinstance(text, InputProblem) else Document(id="stdin", text=text)


def read_inputs(paths: Iterable[str], *, text_key: str = "text", id_key: str = "id",
                encoding: str = "utf-8", errors: str = "strict"
                ) -> Iterator[Document | InputProblem]:
    """Yield a document or a problem for every input, in order.

    :param paths: files, directories (their ``.txt``/``.json``/``.jsonl`` files, sorted)
        or ``-`` for standard input (JSON Lines when it starts with ``{``, else one text).
    :param errors: the decoding policy (``strict``, ``replace``, ``ignore``).
    """
    for name in paths:
        if name == "-":
            yield from _read_stdin(text_key, id_key, encoding, errors)
            continue
        path = Path(name)
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
            for file in files:
                yield from _read_file(file, text_key, id_key, encoding, errors)
        elif not path.exists():
            yield InputProblem(name, "no such file")
        else:
            yield from _read_file(path, text_key, id_key, encoding, errors)
