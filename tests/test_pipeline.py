"""The pipeline API: results, batches, processes, and faulty plugins kept apart."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.plugins.faulty import BrokenEnricher, FaultyPlugin

import claimscope
import claimscope.extractors.hedges as hedges_plugin
from claimscope import Document, ExtractorError, Pipeline, PluginRegistry
from claimscope.errors import InvalidInputError, UnknownExtractorError
from claimscope.testing.strategies import news_like_texts
from claimscope.validate import span_problem

ARTICLE = (
    "Russia's Defence Ministry said on Monday that its forces had destroyed 40 tanks near "
    "Bakhmut. The claim could not be independently verified.\n\n"
    "\"We hold the line,\" a Ukrainian commander told reporters. Up to 3,000 civilians "
    "remain in the town, officials said."
)


def _all_spans(result: claimscope.Result) -> list[object]:
    spans: list[object] = [*result.quantities, *result.weapons, *result.locations,
                           *result.hedges]
    for attribution in result.attributions:
        spans += [attribution.source, attribution.cue, attribution.content]
    spans += [claim.content for claim in result.claims]
    return spans


@given(news_like_texts())
def test_arbitrary_text_never_raises_and_offsets_are_valid(text: str) -> None:
    result = claimscope.extract(text)
    assert result.document.text == text
    for span in _all_spans(result):
        assert span_problem(span, text) is None


@settings(max_examples=25)
@given(news_like_texts())
def test_same_input_gives_same_output(text: str) -> None:
    pipeline = claimscope.PipelineSpec().build()
    assert pipeline(text).to_dict() == pipeline(text).to_dict()


@settings(max_examples=10)
@given(st.lists(news_like_texts(max_words=30), max_size=12), st.integers(1, 5))
def test_pipe_equals_calling_one_by_one(texts: list[str], batch_size: int) -> None:
    pipeline = claimscope.PipelineSpec().build()
    piped = [r.to_dict() for r in pipeline.pipe(texts, batch_size=batch_size)]
    assert piped == [pipeline(text).to_dict() for text in texts]


def test_pipe_with_two_processes_gives_the_single_process_output(
        fast_pipeline: Pipeline) -> None:
    texts = [ARTICLE, "Nothing here.", ARTICLE.upper(), ""] * 3
    parallel = [r.to_dict() for r in fast_pipeline.pipe(texts, batch_size=2, n_process=2)]
    assert parallel == [r.to_dict() for r in fast_pipeline.pipe(texts)]


def test_every_record_names_the_extractor_that_made_it(fast_pipeline: Pipeline) -> None:
    result = fast_pipeline(ARTICLE)
    names = {info.name for info in fast_pipeline.extractor_infos}
    records = [*result.quantities, *result.weapons, *result.locations, *result.hedges,
               *result.attributions]
    assert records, "the built-in extractors found nothing in a plain news paragraph"
    assert {record.plugin for record in records} <= names


def test_hedged_sentence_gives_unverified_claims(fast_pipeline: Pipeline) -> None:
    result = fast_pipeline("Ten drones were shot down, the army said. "
                           "This could not be independently verified.")
    assert any(h.kind == "unverified" for h in result.hedges)


def test_a_bad_item_in_a_batch_is_reported_and_the_rest_are_kept(
        fast_pipeline: Pipeline) -> None:
    items = ["It was reportedly hit.", 42, {"id": "x", "text": None},
             Document(id="d", text="Allegedly.")]
    results = list(fast_pipeline.pipe(items))
    assert [r.error is None for r in results] == [True, False, False, True]
    assert results[0].hedges and results[3].hedges
    assert "int" in (results[1].error or "")


def test_calling_with_a_non_text_raises_a_clear_error(fast_pipeline: Pipeline) -> None:
    with pytest.raises(InvalidInputError, match="expected text"):
        fast_pipeline(3.5)


def test_too_long_documents_get_an_error_result() -> None:
    result = Pipeline(extractors=["hedges"], max_chars=10)("reportedly " * 5)
    assert result.error is not None and "max_chars" in result.error
    assert not result.ok


def test_unknown_extractor_names_the_available_ones() -> None:
    with pytest.raises(UnknownExtractorError, match="hedges"):
        Pipeline(extractors=["no-such-extractor"])


def _faulty_pipeline(strict: bool = False) -> Pipeline:
    registry = PluginRegistry(load_entry_points=False)
    registry.register(hedges_plugin, name="hedges", distribution="claimscope")
    registry.register(FaultyPlugin(), name="faulty", distribution="claimscope-faulty")
    return Pipeline(registry=registry, strict=strict)


def test_faulty_plugins_are_reported_by_name_and_the_rest_is_intact() -> None:
    pipeline = _faulty_pipeline()
    assert any("object" in e.message for e in pipeline.plugin_errors)
    result = pipeline("The depot was reportedly hit.")
    assert [h.text for h in result.hedges if h.plugin == "hedges"] == ["reportedly"]
    blamed: dict[str, str] = {}
    for diagnostic in result.diagnostics:
        blamed[diagnostic.plugin] = blamed.get(diagnostic.plugin, "") + diagnostic.message
    assert "deliberate failure" in blamed["raising"]
    assert "bad offsets" in blamed["bad_offsets"]
    assert "not declared" in blamed["undeclared"]
    assert "not a claimscope record" in blamed["undeclared"]
    assert not result.quantities  # the undeclared record was dropped
    assert [h.plugin for h in result.hedges].count("bad_offsets") == 1  # the valid one
    assert not result.ok


def test_strict_mode_re_raises_naming_the_plugin() -> None:
    registry = PluginRegistry(load_entry_points=False)
    registry.register(FaultyPlugin(), name="faulty")
    with pytest.raises(claimscope.PluginLoadError):
        Pipeline(registry=registry, strict=True)
    pipeline = Pipeline(registry=registry, extractors=["raising"])
    pipeline.strict = True
    with pytest.raises(ExtractorError) as caught:
        pipeline("anything")
    assert caught.value.plugin == "raising"


def test_an_enricher_that_raises_is_recorded() -> None:
    registry = PluginRegistry(load_entry_points=False)
    registry.register(hedges_plugin, name="hedges")
    registry.register(BrokenEnricher(), name="broken-enricher")
    result = Pipeline(registry=registry)("It was reportedly hit.")
    assert result.hedges
    assert [d.plugin for d in result.diagnostics] == ["broken-enricher"]


def test_spec_rebuilds_the_same_pipeline(fast_pipeline: Pipeline) -> None:
    import pickle

    spec = pickle.loads(pickle.dumps(fast_pipeline.spec))
    assert spec.build()(ARTICLE).to_dict() == fast_pipeline(ARTICLE).to_dict()


@pytest.mark.trained
def test_trained_mode_runs_the_same_extractors(trained_pipeline: Pipeline) -> None:
    result = trained_pipeline(ARTICLE)
    assert {i.name for i in trained_pipeline.extractor_infos} >= {"hedges"}
    assert any(h.kind == "unverified" for h in result.hedges)
