"""Behaviour of the locations plugin on sentences written for these tests."""

from __future__ import annotations

import time

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from claimscope.extractors.locations import LocationExtractor
from claimscope.extractors.locations.gazetteer import gazetteer, normalise
from claimscope.extractors.locations.resolve import distance_km
from claimscope.types import LOCATION_KINDS, Location

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
EXTRACTOR = LocationExtractor()


def run(text: str) -> list[Location]:
    return list(EXTRACTOR.extract(NLP(text)))


def spans(text: str) -> list[str]:
    return [loc.text for loc in run(text)]


def find(text: str, surface: str) -> Location:
    return next(loc for loc in run(text) if loc.text == surface)


def near(loc: Location, lat: float, lon: float, km: float = 100.0) -> bool:
    return distance_km((loc.lat, loc.lon), (lat, lon)) < km


def test_index_loads_quickly_and_is_shared() -> None:
    gazetteer.cache_clear()
    started = time.perf_counter()
    first = gazetteer()
    assert time.perf_counter() - started < 5.0  # < 1 s on an idle core; CI may be busy
    assert gazetteer() is first
    assert len(first) > 50_000


@pytest.mark.parametrize(("variant", "lat", "lon"), [
    ("Kiev", 50.45, 30.52), ("Kyiv", 50.45, 30.52), ("Kharkov", 49.99, 36.23),
    ("Artemivsk", 48.6, 38.0), ("Artyomovsk", 48.6, 38.0), ("Avdiyivka", 48.14, 37.74),
    ("Avdiivka", 48.14, 37.74), ("Marinka", 47.94, 37.5), ("Maryinka", 47.94, 37.5),
    ("Lugansk", 48.57, 39.31), ("Nikolaev", 46.98, 32.0), ("Zaporozhye", 47.84, 35.14),
    ("Zaporizhzhia", 47.84, 35.14), ("Hodeidah", 14.8, 42.95), ("Khan Younis", 31.34, 34.31),
])
def test_transliterations_and_old_names_resolve(variant: str, lat: float, lon: float) -> None:
    loc = find(f"Shells fell on {variant} overnight, officials said.", variant)
    assert near(loc, lat, lon), loc


def test_region_cue_picks_the_oblast_and_city_cue_the_town() -> None:
    region = find("Fighting raged in the Donetsk region on Monday.", "Donetsk")
    town = find("Blasts shook the city of Donetsk on Monday.", "Donetsk")
    assert (region.kind, town.kind) == ("admin_region", "populated_place")
    assert region.country == town.country == "UA"


@pytest.mark.parametrize(("text", "surface", "name"), [
    ("Ukrainian troops still hold ground in the Kursk region.", "Kursk", "Kursk Oblast"),
    ("Shelling hit villages in the Belgorod region.", "Belgorod", "Belgorod Oblast"),
    ("A refinery burned in the Krasnodar region.", "Krasnodar", "Krasnodar Krai"),
    ("Drones were downed over Rostov Oblast.", "Rostov Oblast", "Rostov Oblast"),
])
def test_russian_regions_have_their_english_names(text: str, surface: str, name: str) -> None:
    region = find(text, surface)
    assert (region.name, region.kind, region.country) == (name, "admin_region", "RU")


def test_a_russian_city_is_still_the_city() -> None:
    assert find("Sirens sounded in Kursk on Tuesday.", "Kursk").kind == "populated_place"


def test_context_country_decides_between_namesakes() -> None:
    loc = find("Israeli tanks pushed into Rafah, in the south of the Gaza Strip.", "Rafah")
    assert loc.country == "PS"


def test_possessive_country_and_government_metonym_are_locations() -> None:
    found = spans("Ukraine's Defence Ministry said Moscow denied the claim; Kyiv disagreed.")
    assert found == ["Ukraine", "Moscow", "Kyiv"]


def test_demonyms_compound_adjectives_and_proper_names_are_not_locations() -> None:
    text = ("Russian forces and Moscow-backed fighters of the Donetsk People's Republic "
            "marked the anniversary of the Battle of Bakhmut with US-supplied rockets.")
    assert spans(text) == []


def test_common_words_and_people_are_not_places() -> None:
    assert spans("Police said Victoria Nuland will meet Israel Katz in March.") == []


def test_front_line_compound_gives_one_location_per_part() -> None:
    found = spans("Russian troops attacked along the Bakhmut-Avdiyivka-Maryinka front line.")
    assert found == ["Bakhmut", "Avdiyivka", "Maryinka"]


def test_direction_and_dateline() -> None:
    text = "KYIV, Jan 12 — Heavy fighting continued in the Soledar direction."
    assert spans(text) == ["KYIV", "Soledar"]


def test_unknown_village_takes_the_position_of_its_town() -> None:
    text = "Troops entered the village of Zorianka, a few kilometres north of Bakhmut."
    village = find(text, "Zorianka")
    assert village.kind == "populated_place" and village.geonames_id is None
    assert near(village, 48.6, 38.0)


@pytest.mark.parametrize(("text", "surface", "kind"), [
    ("A drone hit a ship in the Black Sea near the Kerch Strait.", "Kerch Strait", "water_body"),
    ("Water poured from the Kakhovka dam into the Dnipro River.", "Dnipro River", "water_body"),
    ("Russia reinforced the Crimean Bridge after the attack.", "Crimean Bridge", "feature"),
    ("Marines landed on the Kinburn Spit at dawn.", "Kinburn Spit", "feature"),
    ("The Kremlin declined to comment.", "Kremlin", "feature"),
    ("Troops advanced towards the Berkhivske reservoir.", "Berkhivske reservoir", "water_body"),
])
def test_curated_waters_and_features(text: str, surface: str, kind: str) -> None:
    assert find(text, surface).kind == kind


@pytest.mark.parametrize(("text", "surface", "country"), [
    ("The RSF shelled El Fasher, the capital of North Darfur.", "El Fasher", "SD"),
    ("M23 fighters entered Goma in North Kivu.", "Goma", "CD"),
    ("Clashes spread to Gondar in the Amhara region.", "Gondar", "ET"),
    ("Strikes hit Tyre and Nabatieh in southern Lebanon.", "Tyre", "LB"),
    ("Rebels took Lashio in northern Shan State.", "Lashio", "MM"),
    ("The Houthis targeted a tanker off Hodeidah in the Red Sea.", "Hodeidah", "YE"),
])
def test_other_conflicts(text: str, surface: str, country: str) -> None:
    assert find(text, surface).country == country


def test_abbreviations_as_nouns_only() -> None:
    assert spans("The strike was condemned in the U.S. and the UK.") == ["U.S.", "UK"]
    assert spans("U.S. officials and UK forces met.") == []


def test_output_fields_are_valid() -> None:
    for loc in run("Shelling hit Kharkiv, Odesa and the Gaza Strip; Iran and the Red Sea."):
        assert loc.kind in LOCATION_KINDS
        assert -90 <= loc.lat <= 90 and -180 <= loc.lon <= 180


def test_normalise_folds_marks_and_articles() -> None:
    assert normalise("Mar'yinka") == normalise("MARYINKA") == "maryinka"
    assert normalise("Maarrat an-Nu'man") == normalise("Maarrat al-Numan")


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("KyivBakhmut Donetsk-'s.,\nRafahUS of the ")),
               max_size=120) | st.text(max_size=80))
def test_never_raises_offsets_valid_and_deterministic(text: str) -> None:
    doc = NLP(text)
    first = list(EXTRACTOR.extract(doc))
    assert first == list(EXTRACTOR.extract(NLP(text)))
    for loc in first:
        assert doc.text[loc.start:loc.end] == loc.text
        assert isinstance(loc.lat, float) and isinstance(loc.lon, float)


def test_shared_region_word_and_partial_arabic_names() -> None:
    found = run("Missiles hit the Zaporizhzhia and Kherson regions, and troops moved near "
                "Maroun al-Ras in Lebanon's south.")
    kinds = {loc.text: loc.kind for loc in found}
    assert kinds["Zaporizhzhia"] == kinds["Kherson"] == "admin_region"
    assert "Maroun al-Ras" in kinds


def test_lists_share_their_cue_and_unknown_villages_stay_near_the_front() -> None:
    text = ("Russian forces attacked near Pokrovsk, Zorianka, Lysivka and Promin, "
            "the General Staff said.")
    found = {loc.text: loc for loc in run(text)}
    assert set(found) == {"Pokrovsk", "Zorianka", "Lysivka", "Promin"}
    assert all(near(loc, 48.28, 37.18, 60) for loc in found.values())


def test_surnames_seen_with_a_first_name_are_not_places() -> None:
    text = "Reporters met Paul Allen on Monday. Later, Allen left for Kharkiv."
    assert spans(text) == ["Kharkiv"]


def test_capitals_beat_namesakes_near_other_places_in_the_story() -> None:
    text = ("WASHINGTON — The United States struck militias in Iraq and Syria. Officials "
            "in Baghdad and Damascus condemned the strikes.")
    assert find(text, "Damascus").country == "SY"


def test_current_name_beats_a_former_name_elsewhere() -> None:
    text = "Russian forces pressed towards Pokrovsk in the Donetsk region."
    assert find(text, "Pokrovsk").country == "UA"


def test_headline_words_are_not_guessed_as_unknown_places() -> None:
    from claimscope import Pipeline

    text = ("Shelling Kills Dozens In El Fasher, Medics Say\n\n"
            "Shelling killed dozens in El Fasher on Tuesday, medics said.")
    found = [loc.text for loc in Pipeline(extractors=["locations"])(text).locations]
    assert found == ["El Fasher", "El Fasher"]
