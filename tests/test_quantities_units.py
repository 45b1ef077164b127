"""Units and currencies of the ``quantities`` extractor, on sentences written for these
tests: what a user relies on is the value, the unit name and its kind, and that short
ambiguous symbols do not turn ordinary numbers into measurements."""

from __future__ import annotations

import json
from importlib.resources import files

import pytest
import spacy

from claimscope.extractors.quantities import QuantityExtractor
from claimscope.extractors.quantities.numbers import read_digit_token

NLP = spacy.blank("en")
NLP.add_pipe("sentencizer")
EXTRACTOR = QuantityExtractor()


def found(text: str) -> list[tuple[object, ...]]:
    return [(q.text, q.low, q.high, q.unit, q.kind) for q in EXTRACTOR.extract(NLP(text))]


def one(text: str) -> tuple[object, ...]:
    """(low, high, unit, kind) of the first quantity in ``text``."""
    hits = found(text)
    assert hits, text
    return hits[0][1:]


def same(actual: tuple[object, ...], expected: tuple[object, ...]) -> bool:
    """Equal, numbers within a relative 1e-9."""
    return len(actual) == len(expected) and all(
        a == pytest.approx(e) if isinstance(e, (int, float)) and e is not None else a == e
        for a, e in zip(actual, expected, strict=True))


@pytest.mark.parametrize(("text", "expected"), [
    # Currency letters written onto the digits, case-sensitive.
    ("The ministry paid RM79 per month for each contract.", (79, 79, "myr", "money")),
    ("The bill came to RM3.06mil in total.", (3.06e6, 3.06e6, "myr", "money")),
    ("Fuel subsidies reached Rs500 a family.", (500, 500, "inr", "money")),
    # "PS" is how a mangled "£" reaches some feeds; "Y=" a mangled "¥".
    ("The contract was worth PS6m over two years.", (6e6, 6e6, "gbp", "money")),
    ("The fund expects a loss of Y=590 billion.", (5.9e11, 5.9e11, "jpy", "money")),
    # Symbols and codes around the digits.
    ("The trade deficit narrowed to $-50.8bn.", (-5.08e10, -5.08e10, "usd", "money")),
    ("The ship was insured for USD10m.", (1e7, 1e7, "usd", "money")),
    ("The bridge repair will cost 100₾ per metre.", (100, 100, "gel", "money")),
    ("Donors sent 2,000 ₴ to every family.", (2000, 2000, "uah", "money")),
    ("Remittances topped 12,34,567.89 rupees.", (1234567.89, 1234567.89, "inr", "money")),
    ("The funds lost 30 MUSD in a month.", (3e7, 3e7, "usd", "money")),
    ("Debt relief worth $2.174T was discussed.", (2.174e12, 2.174e12, "usd", "money")),
    # A country before a spaced "$" names the dollar.
    ("The port earned HK $5.4m last year.", (5.4e6, 5.4e6, "hkd", "money")),
    ("The ferry operator paid S $1mil in fines.", (1e6, 1e6, "sgd", "money")),
    # Currency words of ISO 4217 currencies, and minor units.
    ("A pension of 100 laris a month is not enough.", (100, 100, "gel", "money")),
    ("Customers with over 7.5 million Danish crowns pay a fee.", (7.5e6, None, "dkk", "money")),
    ("The state budget lost 361.5 billion tenge.", (3.615e11, 3.615e11, "kzt", "money")),
    ("The deal was priced at 420 million Finnish markka.", (4.2e8, 4.2e8, "fim", "money")),
    ("Shares closed at 197 pence.", (197, 197, "penny", "money")),
    ("The stock fell 164p on the news.", (164, 164, "penny", "money")),
    ("Bread prices rose 18 sen.", (18, 18, "sen", "money")),
    ("The board declared a 12-cent dividend.", (12, 12, "cent", "money")),
    ("Exporters welcomed the one-yen rise.", (1, 1, "jpy", "money")),
    ("The fare is 10 $ 30 cent.", (10.3, 10.3, "usd", "money")),
    ("Eggs cost 64.2 cents a dozen.", (64.2, 64.2, "cent", "money")),
])
def test_currencies(text: str, expected: tuple[object, ...]) -> None:
    assert same(one(text), expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Units written onto the digits, including digits inside the unit.
    ("The depot covers 24703m2 of concrete.", (24703, 24703, "m2", "area")),
    ("The lake is 4km^2 in area.", (4, 4, "km2", "area")),
    ("The crane lifts 100t at most.", (100, 100, "tonne", "mass")),
    ("Each ration weighs 45g when dry.", (45, 45, "g", "mass")),
    ("The truck has a 1.0l engine.", (1.0, 1.0, "litre", "other")),
    ("The radio uses a 10W transmitter.", (10, 10, "watt", "other")),
    ("The car has a 640bhp engine.", (640, 640, "hp", "other")),
    ("The neck is 25.5″ long.", (25.5, 25.5, "inch", "length")),
    ("The estate of 3923sq m was sold.", (3923, 3923, "m2", "area")),
    ("It was 1.19deg C warmer than usual.", (1.19, 1.19, "celsius", "other")),
    ("Nights were 2.14degF colder.", (2.14, 2.14, "fahrenheit", "other")),
    ("The bolt holds 2,000.45±0.01 pounds.", (2000.45, 2000.45, "pound", "mass")),
    # Units as separate tokens.
    ("The phone has a 4500 mAh battery.", (4500, 4500, "mah", "other")),
    ("Lead in the water reached 15 ppb.", (15, 15, "ppb", "other")),
    ("The panels failed at 61.4 MPa.", (61.4, 61.4, "mpa", "other")),
    ("The steel is rated at 9 ksi.", (9, 9, "ksi", "other")),
    ("Pixels are 352 μm apart.", (352, 352, "micrometre", "length")),
    ("The motor gives 450 Nm at low speed.", (450, 450, "newton metre", "other")),
    ("It delivers 586 lb-ft of torque.", (586, 586, "pound-foot", "other")),
    ("Antarctica lost 127 gigatonnes of ice.", (127, 127, "gigatonne", "mass")),
    ("The carrier sailed 12 nm offshore.", (12, 12, "nautical mile", "length")),
    ("The weight is 20 (kg) net.", (20, 20, "kg", "mass")),
    # A unit that keeps the sentence's full stop.
    ("The column advanced in 24 h. Then it stopped.", (24, 24, "hour", "duration")),
    ("Settlers fenced off 1,200 dunams of farmland.", (1200, 1200, "dunam", "area")),
    ("Farmers lost 3 million feddans to the fighting.", (3e6, 3e6, "feddan", "area")),
    ("Radiation near the plant reached 0.5 μSv/h.", (0.5, 0.5, "microsievert per hour", "other")),
    ("Workers may receive 20 mSv a year.", (20, 20, "msv", "other")),
    ("Pipeline exports fell to 55 bcm.", (55, 55, "bcm", "other")),
    ("A loaf now costs 50,000 tomans.", (50000, 50000, "toman", "money")),
    # Compound measures are one amount in the larger unit.
    ("The fence is 5 feet 2 inches high.", (5 + 2 / 12, 5 + 2 / 12, "foot", "length")),
    ("The drive took 2 hours and 30 minutes.", (2.5, 2.5, "hour", "duration")),
    # "in" is inches only in a measurement frame.
    ("The door is 2 1/2 in thick, and heavy.", (2.5, 2.5, "inch", "length")),
])
def test_units(text: str, expected: tuple[object, ...]) -> None:
    assert same(one(text), expected)


@pytest.mark.parametrize(("text", "expected"), [
    # Ambiguous symbols count only near a word of their field.
    ("Temperatures reached 40C in the shade.", (40, 40, "celsius", "other")),
    ("The night temperature fell to 12 C.", (12, 12, "celsius", "other")),
    ("The USB charger supplies 5 W.", (5, 5, "watt", "other")),
    ("The engine makes 300 PS and plenty of torque.", (300, 300, "metric horsepower", "other")),
])
def test_ambiguous_symbols_in_their_field(text: str, expected: tuple[object, ...]) -> None:
    assert same(one(text), expected)


@pytest.mark.parametrize("text", [
    "He sold his PS5 and his PS4 to a neighbour.",
    "Shells hit Block 12 C and Building 5C overnight.",
    "It was a million-dollar question for the army.",
])
def test_no_false_unit_or_currency(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("A $100 fine was imposed on the driver.", ("$100", 100, 100, "usd", "money")),
    ("Ukraine lost 2 in the attack on Kharkiv.", ("2", 2, 2, None, "other")),
    ("The convoy used grid 5 W on the map.", ("5", 5, 5, None, "other")),
    ("A vendor sold $5 T-shirts.", ("$5", 5, 5, "usd", "money")),
    # Currency codes that are also nouns stay counts; names are not currencies.
    ("Police said three cops were hurt.", ("three cops", 3, 3, "cop", "count")),
    ("She sent 5 DMs to the press office.", ("5 DMs", 5, 5, "dm", "count")),
    ("Officials said 5 GM plants closed.", ("5 GM plants", 5, 5, "plant", "count")),
    ("The bill hit 2 WH officials.", ("2 WH officials", 2, 2, "official", "count")),
    ("The city bought 5 EVs for the police.", ("5 EVs", 5, 5, "ev", "count")),
    ("Measures like the one Pence announced were dropped.", None),
    ("The jazz band won in Class 3A. Then it toured.", None),
    ("Russia fired 40 missiles at 2 a.m.", ("40 missiles", 40, 40, "missile", "count")),
    ("The army has 155mm shells.", None),
])
def test_ordinary_numbers_keep_no_unit(text: str, expected: tuple[object, ...] | None
                                        ) -> None:
    assert found(text) == ([expected] if expected else [])


@pytest.mark.parametrize(("text", "expected"), [
    ("The team used a 5-10W laser.", ("5-10W", 5, 10, "watt", "other")),
    ("The shelling lasted 25 – 40min each night.", ("25 – 40min", 25, 40, "minute", "duration")),
])
def test_a_range_takes_the_unit_written_on_its_end(text: str,
                                                   expected: tuple[object, ...]) -> None:
    (hit,) = found(text)
    assert hit[0] == expected[0] and same(hit[1:], expected[1:])


def test_nouns_that_look_like_codes_are_not_money() -> None:
    hits = found("Two Dems and 3 GOP senators voted; 2 cups and 4 pens were sold.")
    assert hits and all(q[4] != "money" for q in hits)


def test_years_and_months_stay_two_durations() -> None:
    assert [q[3] for q in found("He was jailed for 3 years and 6 months.")] == ["year", "month"]


def test_two_prices_in_a_row_are_not_cents() -> None:
    assert [q[1] for q in found("Tickets were 10 $ 30 $ and more.")] == [10, 30]


def test_digit_tokens() -> None:
    token = read_digit_token("PS21,700")
    assert token is not None and (token.value, token.currency) == (21700, "gbp")
    token = read_digit_token("164p")
    assert token is not None and token.unit == ("penny", "money")
    assert read_digit_token("5g") is None  # a network generation, not grams
    assert read_digit_token("A380") is None and read_digit_token("93rd") is None


def test_currency_and_unit_data_are_well_formed() -> None:
    raw = json.loads(files("claimscope.extractors.quantities").joinpath(
        "data/units.json").read_text("utf-8"))
    kinds = {"count", "length", "area", "mass", "money", "percent", "duration", "speed",
             "other"}
    for name, entry in raw["units"].items():
        assert entry["kind"] in kinds and name.isascii(), name
        assert all(a == a.lower() for a in entry["aliases"]), name
    for code, entry in raw["currencies"].items():
        assert code == code.lower(), code
        assert all(s == s.lower() for s in entry["symbols"]), code
        assert all(w == w.lower() for w in entry["words"]), code


def test_new_land_and_mass_units_convert() -> None:
    from claimscope.extractors.quantities.conversion import to_base

    assert to_base(1000.0, "dunam") == pytest.approx((1.0, "km2"))
    assert to_base(1.0, "short ton") == pytest.approx((907.18474, "kg"))
    assert to_base(16.0, "ounce") == pytest.approx((0.45359237, "kg"))
