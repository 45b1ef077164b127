"""The one serialiser: :class:`~claimscope.types.Result` to and from the JSON layout of
the corpus ``SCHEMA.md`` (plus ``claims`` and ``diagnostics``), built on one cattrs
converter.

Mentions are flat objects (``start``, ``end``, ``text`` and their fields); an
attribution's source fields sit beside its ``source`` span (``source_kind``,
``resolved_source``, ``role``, ``organisation``, ``side``) exactly as in gold files;
claims refer to the result's records by their index in the lists above them.

>>> from claimscope.types import Document, Result
>>> data = result_to_dict(Result(document=Document(id="d1", text="Hi.")))
>>> sorted(data)[:4]
['attributions', 'claims', 'diagnostics', 'error']
>>> result_from_dict(data).document.id
'd1'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import cattrs

from claimscope.types import (
    CLAIM_STATUSES,
    MENTION_KINDS,
    QUOTE_MODES,
    SOURCE_KINDS,
    Attribution,
    Claim,
    Diagnostic,
    Document,
    Hedge,
    Location,
    Quantity,
    Result,
    Source,
    Span,
    Weapon,
)

__all__ = ["converter", "result_to_dict", "result_from_dict", "SerializationError"]

#: Top-level keys that are not document metadata.
_RESERVED = frozenset({"id", "title", "text", "claims", "diagnostics", "error", *MENTION_KINDS})
_RECORD_TYPES: dict[str, type[Any]] = {
    "quantities": Quantity,
    "weapons": Weapon,
    "locations": Location,
    "hedges": Hedge,
}
_CLAIM_LINKS = ("quantities", "weapons", "locations", "hedges")


class SerializationError(ValueError):
    """A dictionary that does not follow the claimscope/SCHEMA.md layout."""


#: The cattrs converter for every claimscope record (leaf records use cattrs' generated
#: attrs hooks; the layout-specific parts are the functions below).
converter = cattrs.Converter(forbid_extra_keys=False)


def _number(value: float | None) -> float | int | None:
    # Whole numbers are written as JSON integers, as in gold files.
    if value is not None and float(value).is_integer() and abs(value) < 2**53:
        return int(value)
    return value


def _choice(value: Any, allowed: frozenset[str], field: str) -> Any:
    if value not in allowed:
        raise ValueError(f"{field} {value!r} is not one of {sorted(allowed)}")
    return value


def _unstructure_mention(mention: Any) -> dict[str, Any]:
    data: dict[str, Any] = converter.unstructure_attrs_asdict(mention)
    if not data["labels"]:
        del data["labels"]  # most records carry none; keep the gold layout uncluttered
    if isinstance(mention, Quantity):
        data["low"], data["high"] = _number(mention.low), _number(mention.high)
    return data


def _unstructure_attribution(attribution: Attribution) -> dict[str, Any]:
    source = attribution.source
    return {
        "source": {"start": source.start, "end": source.end, "text": source.text},
        "source_kind": source.kind,
        "resolved_source": source.resolved,
        "role": source.role,
        "organisation": source.organisation,
        "side": source.side,
        "cue": converter.unstructure(attribution.cue),
        "content": converter.unstructure(attribution.content),
        "mode": attribution.mode,
        "channel": attribution.channel,
        "date": attribution.date,
        "plugin": attribution.plugin,
    }


def _structure_attribution(data: Mapping[str, Any], _: type[Any]) -> Attribution:
    span = converter.structure(data["source"], Span)
    source = Source(
        start=span.start, end=span.end, text=span.text,
        kind=_choice(data["source_kind"], SOURCE_KINDS, "source_kind"),
        resolved=data.get("resolved_source") or span.text,
        role=data.get("role"), organisation=data.get("organisation"), side=data.get("side"),
    )
    return Attribution(
        source=source,
        cue=converter.structure(data["cue"], Span),
        content=converter.structure(data["content"], Span),
        mode=_choice(data["mode"], QUOTE_MODES, "mode"),
        channel=data.get("channel"), date=data.get("date"), plugin=data.get("plugin", ""),
    )


for _mention_type in (Quantity, Weapon, Location, Hedge):
    converter.register_unstructure_hook(_mention_type, _unstructure_mention)
converter.register_unstructure_hook(Attribution, _unstructure_attribution)
converter.register_structure_hook(Attribution, _structure_attribution)


def _positions(result: Result) -> dict[str, tuple[Sequence[Any], dict[int, int]]]:
    """Each linkable record list with an identity → index map, built once per result."""
    return {kind: (pool, {id(r): i for i, r in enumerate(pool)})
            for kind in ("attributions", *_CLAIM_LINKS) for pool in [getattr(result, kind)]}


def _position(record: Any, pool: Sequence[Any], index: dict[int, int]) -> int:
    found = index.get(id(record))
    # Claims normally hold the very objects of the result; an equal copy is looked up.
    return found if found is not None else pool.index(record)


def _claim_to_dict(claim: Claim,
                   positions: dict[str, tuple[Sequence[Any], dict[int, int]]]) -> dict[str, Any]:
    data: dict[str, Any] = converter.unstructure(claim.content)
    data["status"] = claim.status
    data["attribution"] = None if claim.attribution is None else _position(
        claim.attribution, *positions["attributions"])
    for kind in _CLAIM_LINKS:
        data[kind] = [_position(r, *positions[kind]) for r in getattr(claim, kind)]
    return data


def _claim_from_dict(data: Mapping[str, Any], records: Mapping[str, Sequence[Any]]) -> Claim:
    attribution = data.get("attribution")
    return Claim(
        content=Span(start=data["start"], end=data["end"], text=data["text"]),
        status=_choice(data["status"], CLAIM_STATUSES, "status"),
        attribution=None if attribution is None else records["attributions"][attribution],
        **{kind: [records[kind][i] for i in data.get(kind, ())] for kind in _CLAIM_LINKS},
    )


def result_to_dict(result: Result) -> dict[str, Any]:
    """Write a result as a JSON-ready dictionary (SCHEMA.md layout).

    >>> from claimscope.types import Document, Result
    >>> document = Document(id="x", text="t", metadata={"style": "wire"})
    >>> result_to_dict(Result(document=document))["style"]
    'wire'
    """
    document = result.document
    data: dict[str, Any] = {"id": document.id, "title": document.title}
    data.update({k: v for k, v in document.metadata.items() if k not in _RESERVED})
    data["text"] = document.text
    for kind in MENTION_KINDS:
        data[kind] = [converter.unstructure(record) for record in getattr(result, kind)]
    positions = _positions(result)
    data["claims"] = [_claim_to_dict(claim, positions) for claim in result.claims]
    data["diagnostics"] = [converter.unstructure(d) for d in result.diagnostics]
    data["error"] = result.error
    return data


def result_from_dict(data: Mapping[str, Any]) -> Result:
    """Read a result (or a gold file) written in the SCHEMA.md layout.

    :raises SerializationError: when a field is missing or has the wrong type or value.

    >>> result_from_dict({"id": "g", "text": "Kyiv", "locations": [{"start": 0, "end": 4,
    ...     "text": "Kyiv", "name": "Kyiv", "kind": "populated_place", "country": "UA",
    ...     "lat": 50.45, "lon": 30.52}]}).locations[0].name
    'Kyiv'
    """
    try:
        document = Document(
            id=str(data["id"]), text=data["text"], title=data.get("title"),
            metadata={k: v for k, v in data.items() if k not in _RESERVED},
        )
        records: dict[str, tuple[Any, ...]] = {
            kind: tuple(converter.structure(r, cls) for r in data.get(kind) or ())
            for kind, cls in _RECORD_TYPES.items()
        }
        records["attributions"] = tuple(
            converter.structure(r, Attribution) for r in data.get("attributions") or ()
        )
        claims = [_claim_from_dict(c, records) for c in data.get("claims") or ()]
        diagnostics = [converter.structure(d, Diagnostic) for d in data.get("diagnostics") or ()]
        return Result(document=document, claims=claims, diagnostics=diagnostics,
                      error=data.get("error"), **records)
    except (KeyError, TypeError, ValueError, IndexError, cattrs.BaseValidationError) as exc:
        raise SerializationError(f"not a claimscope result: {exc!r}") from exc
