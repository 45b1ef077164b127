"""claimscope-casualties tested the way a user and a plugin author use it."""

from __future__ import annotations

import pytest
from claimscope_casualties import CasualtyExtractor

from claimscope import Pipeline
from claimscope.testing.contract import ExtractorContract


class TestCasualtyContract(ExtractorContract):
    extractor = CasualtyExtractor()


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline(extractors=["casualties"])


@pytest.mark.parametrize(("text", "expected"), [
    ("At least 12 civilians were killed overnight.",
     [("At least 12 civilians", 12, None, "civilian", "casualty:killed")]),
    ("The shelling killed three children.",
     [("three children", 3, 3, "child", "casualty:killed")]),
    ("Dozens of soldiers were reportedly wounded.",
     [("Dozens of soldiers", 24, None, "soldier", "casualty:wounded")]),
    ("Up to 40 people are missing.", [("Up to 40 people", None, 40, "person",
                                       "casualty:missing")]),
    ("The 93rd brigade held 40 positions.", []),
    ("③ killed", []),
])
def test_casualty_figures(pipeline: Pipeline, text: str,
                          expected: list[tuple[str, float | None, float | None, str, str]]
                          ) -> None:
    found = [(q.text, q.low, q.high, q.unit, q.labels[0]) for q in pipeline(text).quantities]
    assert found == expected


def test_the_plugin_is_listed_with_its_distribution() -> None:
    infos = {info.name: info for info in Pipeline().extractor_infos}
    assert infos["casualties"].distribution == "claimscope-casualties"


def test_duplicates_fold_into_built_in_quantities_with_the_side() -> None:
    from claimscope.types import Source

    result = Pipeline()(
        "Ukraine's military said 15 civilians were killed in the strike on Kharkiv.")
    casualty = [q for q in result.quantities if "casualty:killed" in q.labels]
    assert len(casualty) == 1
    spans = [(q.start, q.end) for q in result.quantities]
    assert len(spans) == len(set(spans)), "no duplicate of the same figure"
    if any(c.attribution and isinstance(c.attribution.source, Source)
           and c.attribution.source.side for c in result.claims):
        assert any(label.startswith("reported_by:") for label in casualty[0].labels)
