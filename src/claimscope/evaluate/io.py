"""Read gold and predicted documents: a directory of ``.json`` files, a ``.json`` file
(one document or a list of them) or a JSON Lines file (one document per line).

>>> import json, pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "b.json").write_text(json.dumps({"id": "b", "text": "B"}))
>>> _ = (folder / "a.json").write_text(json.dumps({"id": "a", "text": "A"}))
>>> [d["id"] for d in load_gold_dir(folder)]
['a', 'b']
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from claimscope.errors import ClaimscopeError

__all__ = ["EvaluationInputError", "load_documents", "load_gold_dir", "load_predictions"]


class EvaluationInputError(ClaimscopeError, ValueError):
    """A gold or prediction path that does not exist or does not hold JSON documents."""


def _as_documents(value: Any, where: str) -> list[dict[str, Any]]:
    """A parsed JSON value as a list of documents (a mapping or a list of mappings)."""
    items = value if isinstance(value, list) else [value]
    if not all(isinstance(item, Mapping) for item in items):
        raise EvaluationInputError(f"{where}: expected a JSON object or a list of objects")
    return [dict(item) for item in items]


def _read_json(path: Path) -> list[dict[str, Any]]:
    try:
        return _as_documents(json.loads(path.read_text(encoding="utf-8")), str(path))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise EvaluationInputError(f"{path}: cannot read JSON ({error})") from error


def _read_jsonl(path: Path) -> list[dict[str, Any]]:
    documents: list[dict[str, Any]] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationInputError(f"{path}: cannot read ({error})") from error
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationInputError(f"{path}:{number}: invalid JSON ({error})") from error
        documents.extend(_as_documents(value, f"{path}:{number}"))
    return documents


def load_documents(path: str | Path) -> list[dict[str, Any]]:
    """Documents from a directory (``*.json`` and ``*.jsonl``, sorted by name) or one file.

    >>> import pathlib, tempfile
    >>> lines = pathlib.Path(tempfile.mkdtemp()) / "pred.jsonl"
    >>> _ = lines.write_text('{"id": "a", "text": ""}\\n\\n{"id": "b", "text": ""}\\n')
    >>> [d["id"] for d in load_documents(lines)]
    ['a', 'b']
    >>> load_documents("/nonexistent/path")
    Traceback (most recent call last):
    ...
    claimscope.evaluate.io.EvaluationInputError: /nonexistent/path: no such file or directory
    """
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in {".json", ".jsonl"} and p.is_file())
        if not files:
            raise EvaluationInputError(f"{path}: no .json or .jsonl files")
        return [doc for file in files for doc in load_documents(file)]
    if not path.is_file():
        raise EvaluationInputError(f"{path}: no such file or directory")
    return _read_jsonl(path) if path.suffix == ".jsonl" else _read_json(path)


def load_gold_dir(path: str | Path) -> list[dict[str, Any]]:
    """Gold documents: a directory of SCHEMA.md files (or a single gold file).

    >>> load_gold_dir("/nonexistent")
    Traceback (most recent call last):
    ...
    claimscope.evaluate.io.EvaluationInputError: /nonexistent: no such file or directory
    """
    return load_documents(path)


def load_predictions(path: str | Path) -> list[dict[str, Any]]:
    """Predicted documents: a JSON Lines file or a directory of ``.json`` files.

    >>> import json, pathlib, tempfile
    >>> single = pathlib.Path(tempfile.mkdtemp()) / "one.json"
    >>> _ = single.write_text(json.dumps([{"id": "a", "text": ""}]))
    >>> len(load_predictions(single))
    1
    """
    return load_documents(path)
