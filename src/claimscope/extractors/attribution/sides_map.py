"""The document's top-level ``sides`` map: what each non-ISO side code means.

SCHEMA.md asks for ISO alpha-2 codes where a source speaks for a state and a short code
defined in the file's ``sides`` map otherwise (``{"RSF": "Rapid Support Forces"}``). The
codes and their names live in ``data/sides.json``.

>>> from claimscope.types import Attribution, Document, Result, Source, Span
>>> source = Source(start=0, end=3, text="RSF", kind="organisation", resolved="RSF",
...                 side="RSF")
>>> said = Span(start=4, end=8, text="said")
>>> result = Result(document=Document(id="d", text="RSF said it."), attributions=[
...     Attribution(source=source, cue=said, content=Span(start=9, end=11, text="it"),
...                 mode="indirect")])
>>> with_sides_map(result).document.metadata["sides"]
{'RSF': 'Rapid Support Forces'}
"""

from __future__ import annotations

import functools

import attrs

from claimscope.extractors.attribution.lexicon import _load
from claimscope.types import Result

__all__ = ["side_codes", "with_sides_map"]


@functools.cache
def side_codes() -> dict[str, str]:
    """Short side codes (not ISO alpha-2) and what they stand for."""
    codes: dict[str, str] = _load("sides.json")["codes"]
    return codes


def with_sides_map(result: Result) -> Result:
    """Add the codes the result's attributions use to the document's ``sides`` map."""
    codes = side_codes()
    used = {a.source.side for a in result.attributions if a.source.side in codes}
    if not used:
        return result
    known = dict(result.document.metadata.get("sides") or {})
    merged = {**{code: codes[code] for code in sorted(used)}, **known}
    document = attrs.evolve(result.document, metadata={**result.document.metadata,
                                                         "sides": merged})
    return attrs.evolve(result, document=document)
