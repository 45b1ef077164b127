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

import codecs
import itertools
import json
import sys
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import attrs

from claimscope.documents import REPLACEMENTS_KEY, as_document
from claimscope.types import Document

__all__ = ["InputProblem", "Located", "SUFFIXES", "count_documents", "read_inputs",
           "read_located"]

#: File suffixes read from directories.
SUFFIXES = (".txt", ".json", ".jsonl")


@attrs.frozen
class InputProblem:
    """A file or line that could not be read as a document."""

    source: str
    message: str
    line: int | None = None
    #: The document id, when the input got far enough to name one.
    id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The ``--errors`` JSON Lines record: source, line, message, id.

        >>> InputProblem("a.jsonl", "bad JSON", 3).to_dict()["line"]
        3
        """
        return {"source": self.source, "line": self.line, "message": self.message,
                "id": self.id}

    def __str__(self) -> str:
        where = self.source if self.line is None else f"{self.source}:{self.line}"
        return f"{where}: {self.message}"


@attrs.frozen
class Located:
    """A document or problem together with where it came from (file and line).

    >>> Located(InputProblem("a.jsonl", "bad JSON", 2), "a.jsonl", 2).line
    2
    """

    item: Document | InputProblem
    source: str
    line: int | None = None


_decode_errors = threading.local()


def _counting_handler(replacement: str) -> Any:
    def handle(exc: UnicodeError) -> tuple[str, int]:
        assert isinstance(exc, UnicodeDecodeError)
        _decode_errors.count = getattr(_decode_errors, "count", 0) + 1
        return replacement, exc.end

    return handle


# ``--decode-errors replace|ignore`` decode through these, so the replacements are counted.
codecs.register_error("claimscope.replace", _counting_handler("\ufffd"))
codecs.register_error("claimscope.ignore", _counting_handler(""))


def _decode(data: bytes, source: str, encoding: str, errors: str) -> str | InputProblem:
    _decode_errors.count = 0
    try:
        return data.decode(encoding, errors if errors == "strict" else f"claimscope.{errors}")
    except UnicodeDecodeError as exc:
        return InputProblem(source, f"not {encoding} text (byte {data[exc.start]:#04x} at "
                                    f"offset {exc.start}); try --encoding")
    except LookupError:
        return InputProblem(source, f"unknown encoding {encoding!r}")


def _counted(document: Document) -> Document:
    """Record in the metadata how many undecodable bytes the last decode replaced."""
    count = getattr(_decode_errors, "count", 0)
    if not count:
        return document
    return attrs.evolve(document, metadata={**document.metadata, REPLACEMENTS_KEY: count})


def _from_object(obj: Any, source: str, default_id: str, text_key: str, id_key: str,
                 line: int | None = None) -> Document | InputProblem:
    if not isinstance(obj, dict):
        return InputProblem(source, f"expected a JSON object, got {type(obj).__name__}", line)
    try:
        document = as_document(obj, text_key=text_key, id_key=id_key)
    except Exception as exc:
        raw_id = obj.get(id_key)
        return InputProblem(source, str(exc), line, None if raw_id is None else str(raw_id))
    return document if obj.get(id_key) is not None else attrs.evolve(document, id=default_id)


def _json_lines(lines: Iterable[bytes], source: str, stem: str, text_key: str, id_key: str,
                encoding: str, errors: str) -> Iterator[Located]:
    for number, raw in enumerate(lines, start=1):
        text = _decode(raw, source, encoding, errors)
        if isinstance(text, InputProblem):
            yield Located(attrs.evolve(text, line=number), source, number)
            continue
        if not text.strip():
            continue
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            problem = InputProblem(source, f"bad JSON: {exc.msg} (column {exc.colno})", number)
            yield Located(problem, source, number)
            continue
        item = _from_object(obj, source, f"{stem}-{number}", text_key, id_key, number)
        yield Located(_counted(item) if isinstance(item, Document) else item, source, number)


def _read_file(path: Path, text_key: str, id_key: str, encoding: str, errors: str
               ) -> Iterator[Located]:
    source = str(path)
    try:
        if path.suffix == ".jsonl":
            with path.open("rb") as handle:
                yield from _json_lines(handle, source, path.stem, text_key, id_key,
                                       encoding, errors)
            return
        data = path.read_bytes()
    except OSError as exc:
        yield Located(InputProblem(source, exc.strerror or str(exc)), source)
        return
    text = _decode(data, source, encoding, errors)
    if isinstance(text, InputProblem):
        yield Located(text, source)
    elif path.suffix == ".json":
        try:
            obj = json.loads(text)
        except json.JSONDecodeError as exc:
            yield Located(InputProblem(source, f"bad JSON: {exc.msg}", exc.lineno), source,
                          exc.lineno)
            return
        for entry in obj if isinstance(obj, list) else [obj]:
            item = _from_object(entry, source, path.stem, text_key, id_key)
            yield Located(_counted(item) if isinstance(item, Document) else item, source)
    else:
        yield Located(_counted(Document(id=path.stem, text=text)), source)


def _read_stdin(text_key: str, id_key: str, encoding: str, errors: str) -> Iterator[Located]:
    stdin = sys.stdin.buffer
    # JSON Lines are read line by line (constant memory); anything else is one text.
    head = [stdin.readline()]
    while head[-1] and not head[-1].strip():
        head.append(stdin.readline())
    if head[-1].lstrip()[:1] == b"{":
        yield from _json_lines(itertools.chain(head, stdin), "<stdin>", "stdin",
                               text_key, id_key, encoding, errors)
        return
    text = _decode(b"".join(head) + stdin.read(), "<stdin>", encoding, errors)
    item = text if isinstance(text, InputProblem) else _counted(Document(id="stdin", text=text))
    yield Located(item, "<stdin>")


def read_inputs(paths: Iterable[str], *, text_key: str = "text", id_key: str = "id",
                encoding: str = "utf-8", errors: str = "strict"
                ) -> Iterator[Document | InputProblem]:
    """Yield a document or a problem for every input, in order.

    :param paths: files, directories (their ``.txt``/``.json``/``.jsonl`` files, sorted)
        or ``-`` for standard input (JSON Lines when it starts with ``{``, else one text).
    :param errors: the decoding policy (``strict``, ``replace``, ``ignore``).
    """
    for located in read_located(paths, text_key=text_key, id_key=id_key, encoding=encoding,
                                errors=errors):
        yield located.item


def _files(path: Path) -> list[Path]:
    if path.is_dir():
        return sorted(p for p in path.rglob("*") if p.suffix in SUFFIXES and p.is_file())
    return [path]


def read_located(paths: Iterable[str], *, text_key: str = "text", id_key: str = "id",
                 encoding: str = "utf-8", errors: str = "strict") -> Iterator[Located]:
    """Like :func:`read_inputs`, but each item comes with its file and line number.

    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "b.jsonl"
    >>> _ = path.write_text('{"text": "x"}\\n')
    >>> located = next(read_located([str(path)]))
    >>> (located.item.id, located.line)
    ('b-1', 1)
    """
    for name in paths:
        if name == "-":
            yield from _read_stdin(text_key, id_key, encoding, errors)
        elif not Path(name).exists():
            yield Located(InputProblem(name, "no such file"), name)
        else:
            for file in _files(Path(name)):
                yield from _read_file(file, text_key, id_key, encoding, errors)


def _count_lines(path: Path) -> int:
    count = 0
    with path.open("rb") as handle:
        for line in handle:
            count += bool(line.strip())
    return count


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents (at most) the inputs hold, for a progress bar's ETA.

    Counts non-blank JSON Lines lines and files, reading in constant memory; ``None``
    when standard input is among the inputs (it cannot be read twice).

    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.jsonl").write_text('{"text": "x"}\\n\\n{"text": "y"}\\n')
    >>> _ = (folder / "b.txt").write_text("z")
    >>> count_documents([str(folder)])
    3
    """
    total = 0
    for name in paths:
        if name == "-":
            return None
        if not Path(name).exists():
            continue
        for file in _files(Path(name)):
            try:
                total += _count_lines(file) if file.suffix == ".jsonl" else 1
            except OSError:
                total += 1
    return total
