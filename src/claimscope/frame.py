"""Results as tables: one row per claim, as plain dicts (CSV) or a pandas ``DataFrame``.

pandas is optional (the ``frame`` extra): only :func:`to_frame` imports it.

>>> from claimscope.types import Claim, Document, Result, Span
>>> text = "Kyiv fell."
>>> claim = Claim(content=Span(start=0, end=10, text=text), status="asserted")
>>> claim_rows(Result(document=Document(id="d1", text=text), claims=[claim]))[0]["status"]
'asserted'
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable
from typing import Any

from claimscope.types import Claim, Result

__all__ = ["CLAIM_COLUMNS", "claim_row", "claim_rows", "to_frame"]

#: The columns of a claim row, in order (``--format csv`` and :func:`to_frame`).
CLAIM_COLUMNS: tuple[str, ...] = (
    "id", "status", "source", "cue", "content", "quantities", "weapons", "locations")

#: Separator between several mentions in one cell.
JOIN = "; "


def _one_line(text: str) -> str:
    # Rows stay one physical line each, so a torn last line is easy to find (--resume).
    return " ".join(text.split())


def _quantity(q: Any) -> str:
    if q.low is None and q.high is None:
        return _one_line(q.text)
    bounds = q.low if q.low == q.high else f"{q.low}..{q.high}"
    return f"{_one_line(q.text)} [{bounds} {q.unit or ''}]".replace(" ]", "]")


def claim_row(document_id: str, claim: Claim) -> dict[str, str]:
    """One claim as a flat row of strings, keyed by :data:`CLAIM_COLUMNS`.

    ``source`` is the resolved source name (empty for the article's own voice); mention
    cells join several mentions with ``"; "``: quantities as ``text [low..high unit]``,
    weapons by canonical name, locations by gazetteer name.

    >>> from claimscope.types import Span
    >>> row = claim_row("d", Claim(content=Span(start=0, end=2, text="Hi"), status="denied"))
    >>> (row["id"], row["source"], row["content"])
    ('d', '', 'Hi')
    """
    attribution = claim.attribution
    return {
        "id": document_id,
        "status": claim.status,
        "source": _one_line(attribution.source.resolved) if attribution else "",
        "cue": _one_line(attribution.cue.text) if attribution else "",
        "content": _one_line(claim.content.text),
        "quantities": JOIN.join(_quantity(q) for q in claim.quantities),
        "weapons": JOIN.join(_one_line(w.canonical) for w in claim.weapons),
        "locations": JOIN.join(_one_line(loc.name) for loc in claim.locations),
    }


def claim_rows(result: Result) -> list[dict[str, str]]:
    """The rows of every claim of ``result``, in text order (none for a claimless one).

    >>> from claimscope.types import Document
    >>> claim_rows(Result(document=Document(id="d", text="")))
    []
    """
    return [claim_row(result.document.id, claim) for claim in result.claims]


def to_frame(results: Result | Iterable[Result]) -> Any:
    """A pandas ``DataFrame`` with one row per claim of one or many results.

    What ``Result.to_frame()`` returns. Needs pandas (``pip install claimscope[frame]``).

    >>> from claimscope import extract
    >>> frame = to_frame(extract("Officials said 40 tanks were reportedly destroyed."))
    >>> list(frame.columns) == list(CLAIM_COLUMNS)
    True
    """
    # pandas is optional and untyped: imported here, at run time only.
    pandas = importlib.import_module("pandas")
    many = [results] if isinstance(results, Result) else results
    rows = [row for result in many for row in claim_rows(result)]
    return pandas.DataFrame(rows, columns=list(CLAIM_COLUMNS))
