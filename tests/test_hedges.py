"""The hedges extractor: unverified, conditional, uncertain and denied claims."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.extractors.hedges import HedgeExtractor
from claimscope.testing.contract import _SAMPLE, MAX_GROWTH, ExtractorContract, _growth

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
EXTRACTOR = HedgeExtractor()


def hedges(text: str) -> list[tuple[str, str, str]]:
    return [(h.text, h.kind, h.scope) for h in EXTRACTOR.extract(NLP(text))]


class TestHedgeContract(ExtractorContract):
    extractor = HedgeExtractor()

    def test_linear_time(self) -> None:
        # Timing is noisy on a loaded machine: the best of five growth ratios counts.
        growth = min(_growth(self.extractor, self._nlp(), _SAMPLE) for _ in range(5))
        assert growth <= MAX_GROWTH


def test_negated_verification_is_unverified() -> None:
    assert hedges("The toll could not be independently verified.") == [
        ("could not be independently verified", "unverified", "sentence")
    ]
    assert hedges("Kyiv has not confirmed the loss.") == [
        ("has not confirmed", "unverified", "sentence")
    ]
    assert hedges("Reporters were unable to immediately verify the video.") == [
        ("were unable to immediately verify", "unverified", "sentence")
    ]


def test_article_wide_statement_has_document_scope() -> None:
    assert hedges("Neither side's battlefield claims could be verified.") == [
        ("Neither side's battlefield claims could be verified", "unverified", "document")
    ]


def test_conditionals() -> None:
    assert hedges("The gain, if confirmed, would be the largest this year.") == [
        ("if confirmed", "conditional", "sentence")
    ]
    assert hedges("If the dam fails, the town will flood.") == [
        ("If the dam fails", "conditional", "sentence")
    ]
    assert hedges("It is unclear if the convoy arrived.")[0][1] == "uncertain"


def test_uncertain_markers() -> None:
    found = hedges(
        "The jet was reportedly shot down; it appears to have crashed. "
        "It was not immediately clear who fired. The toll is likely to rise."
    )
    assert [kind for _, kind, _ in found] == ["uncertain"] * 4
    assert hedges("The drones could have come from the north.") == [
        ("could have come", "uncertain", "sentence")
    ]
    assert [h[:2] for h in hedges("It appeared that the missile was intercepted.")] == [
        ("It appeared that", "uncertain")
    ]


def test_missing_evidence_and_vague_statements() -> None:
    assert hedges("The group blamed the army without providing evidence.") == [
        ("without providing evidence", "unverified", "sentence")
    ]
    assert hedges("The ministry reported the strike, without giving details.") == [
        ("without giving details", "uncertain", "sentence")
    ]


def test_denials() -> None:
    assert hedges("Moscow has repeatedly denied targeting civilians.") == [
        ("denied", "denial", "sentence")
    ]
    assert hedges("The spokesman dismissed the report as propaganda.") == [
        ("dismissed", "denial", "sentence")
    ]
    assert hedges("Journalists were denied access to the site.") == []


def test_not_hedges() -> None:
    assert hedges("The ministry declined to comment.") == []
    assert hedges("The army did not comment on the raid.") == []
    assert hedges("More strikes could follow, officials said.") == []
    assert hedges("The governor confirmed that two people died.") == []


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab if not could verified denied , . \n"))))
def test_never_raises_and_offsets_valid(text: str) -> None:
    doc = NLP(text)
    found = list(EXTRACTOR.extract(doc))
    assert found == list(EXTRACTOR.extract(doc))
    for h in found:
        assert text[h.start : h.end] == h.text
