"""claimscope inside a user's own spaCy pipeline."""

from __future__ import annotations

import spacy
from spacy.tokens import DocBin

from claimscope import Pipeline, Result


def test_add_pipe_on_a_blank_pipeline_sets_the_extension_and_spans() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimscope")
    doc = nlp("The strike reportedly killed 12 civilians, officials said.")
    result = doc._.claimscope
    assert isinstance(result, Result)
    assert result.document.text == doc.text
    assert [s.text for s in doc.spans["claimscope.hedges"]] == ["reportedly"]
    assert set(doc.spans) >= {"claimscope.quantities", "claimscope.claims"}


def test_component_agrees_with_the_pipeline_api(fast_pipeline: Pipeline) -> None:
    text = "Russia said 40 tanks were destroyed near Bakhmut. It could not be verified."
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("claimscope")
    ours, theirs = nlp(text)._.claimscope, fast_pipeline(text)
    assert ours.to_dict()["claims"] == theirs.to_dict()["claims"]
    assert ours.hedges == theirs.hedges


def test_results_survive_a_docbin_round_trip() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("claimscope", config={"extractors": ["hedges"]})
    doc = nlp("It was apparently a decoy.")
    store = DocBin(store_user_data=True)
    store.add(doc)
    (restored,) = DocBin().from_bytes(store.to_bytes()).get_docs(nlp.vocab)
    assert restored._.claimscope == doc._.claimscope
    assert [s.text for s in restored.spans["claimscope.hedges"]] == ["apparently"]
