"""Serialisation: the SCHEMA.md layout, round trips, and clear errors on bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given

from claimscope.serialize import SerializationError
from claimscope.testing.strategies import results
from claimscope.types import Document, Quantity, Result

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
GOLD = sorted((SHARED / "dev").glob("*.json")) + sorted((SHARED / "seed").glob("*.json"))


@given(results())
def test_round_trip_through_json(result: Result) -> None:
    assert Result.from_dict(json.loads(json.dumps(result.to_dict()))) == result


@pytest.mark.skipif(not GOLD, reason="../shared/corpus is not beside the repository")
@pytest.mark.parametrize("path", GOLD[:5], ids=lambda p: p.name)
def test_gold_files_read_and_write_back_identically(path: Path) -> None:
    gold = json.loads(path.read_text(encoding="utf-8"))
    written = Result.from_dict(gold).to_dict()
    for key, value in gold.items():
        if key in ("quantities", "weapons", "locations", "hedges", "attributions"):
            # Our records add fields (plugin, scope …); every gold field is kept as is.
            for ours, theirs in zip(written[key], value, strict=True):
                assert {k: ours[k] for k in theirs} == theirs
        else:
            assert written[key] == value


def test_whole_numbers_are_written_as_integers() -> None:
    quantity = Quantity(start=0, end=2, text="40", low=40.0, high=None, qualifier="more_than",
                        unit="tank", kind="count")
    data = Result(document=Document(id="d", text="40"), quantities=[quantity]).to_dict()
    assert data["quantities"][0]["low"] == 40
    assert isinstance(data["quantities"][0]["low"], int)


@pytest.mark.parametrize("bad", [
    {"text": "no id"},
    {"id": "x", "text": "abc", "hedges": [{"start": 0, "end": 1, "text": "a", "kind": "??"}]},
    {"id": "x", "text": "abc", "claims": [{"start": 0, "end": 1, "text": "a",
                                           "status": "asserted", "attribution": 3}]},
])
def test_malformed_input_gives_a_serialization_error(bad: dict[str, object]) -> None:
    with pytest.raises(SerializationError):
        Result.from_dict(bad)
