"""The quantity lexicons, loaded once from package data (``data/*.json``).

All word lists live in JSON files with a provenance note; this module only turns them
into lookup tables keyed by lower-cased token tuples.

>>> lexicon().number_units["seven"]
7
>>> lexicon().approximators[("at", "least")]
'at_least'
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

import attrs

__all__ = ["Lexicon", "lexicon", "MONTHS", "STOP_WORDS"]

def _load(name: str) -> Any:
    return json.loads(files(__package__).joinpath(f"data/{name}").read_text("utf-8"))


#: Month names (and abbreviations) that make an adjacent number a date.
MONTHS: frozenset[str] = frozenset(_load("contexts.json")["months"])

#: Function words that end a noun phrase after a number (they never modify a counted noun).
STOP_WORDS: frozenset[str] = frozenset(_load("contexts.json")["stop_words"])


@attrs.frozen
class Lexicon:
    """Lookup tables for number words, approximators, units, currencies and nouns.

    >>> lexicon().scales["million"]
    1000000
    """

    number_units: dict[str, int]
    number_tens: dict[str, int]
    scales: dict[str, int]
    scale_abbreviations: dict[str, int]
    dozens: dict[str, int]
    vague: dict[str, int]
    fractions: dict[str, float]
    fraction_counters: dict[str, int]
    couples: dict[tuple[str, ...], tuple[str, int]]
    approximators: dict[tuple[str, ...], str]
    range_openers: frozenset[str]
    #: Bounds written after the number ("100 or more", "2,000-plus").
    trailing: dict[tuple[str, ...], str]
    units: dict[tuple[str, ...], tuple[str, str]]
    #: Kind of each unit name ("km" → "length").
    unit_kinds: dict[str, str]
    currency_codes: frozenset[str]
    calibre_units: frozenset[str]
    #: Nouns that make "155mm" a calibre ("155mm shells") rather than a length.
    calibre_nouns: frozenset[str]
    currency_symbols: dict[str, str]
    #: Symbols that may be written onto the digits ("HK$5.4"), longest first.
    attached_currency: tuple[tuple[str, str], ...]
    currency_words: dict[tuple[str, ...], str]
    counted: frozenset[str]
    irregular_plurals: dict[str, str]
    no_plural_heads: frozenset[str]
    #: Singular words that end in -s ("gas", "lens").
    singular_s: frozenset[str]
    person_heads: frozenset[str]
    casualty_words: frozenset[str]
    casualty_verbs: frozenset[str]
    toll_words: frozenset[str]
    captivity_words: frozenset[str]
    #: Nouns whose "of N" counts their members: "a crew of 40", "a city of 2 million".
    collectives: dict[str, str]
    demonym_suffixes: tuple[str, ...]
    compounds: frozenset[str]
    containers: frozenset[str]
    #: Uncountable nouns a container holds ("rounds of ammunition").
    mass_nouns: frozenset[str]
    #: Case-sensitive currency forms written onto the digits: "RM79", "Rs500", "Y=590".
    currency_prefixes: tuple[tuple[str, str], ...] = ()
    #: Case-sensitive currency forms written after the digits: "164p".
    currency_suffixes: dict[str, str] = attrs.Factory(dict)
    #: Case-sensitive unit symbols ("W", "Nm", "PS"), after a number or on its digits.
    unit_symbols: dict[str, tuple[str, str]] = attrs.Factory(dict)
    #: Case-sensitive unit symbols that count only on the digits ("100t", "45g", "1.0l").
    attached_units: dict[str, tuple[str, str]] = attrs.Factory(dict)
    #: Words one of which must be near a unit's symbol ("12 C" needs "temperature").
    unit_contexts: dict[str, frozenset[str]] = attrs.Factory(dict)
    #: Case-sensitive scales written onto the digits ("$2.174T", "RM3.06mil").
    scale_symbols: dict[str, float] = attrs.Factory(dict)
    #: Scale letters before a currency code: "MUSD" (million), "kEUR" (thousand).
    code_multipliers: dict[str, float] = attrs.Factory(dict)
    #: Adjectives of size that make "2 in" inches ("2 in thick").
    dimension_words: frozenset[str] = frozenset()
    #: A unit's smaller unit and how many make one: "foot" → ("inch", 12).
    compound_units: dict[str, tuple[str, float]] = attrs.Factory(dict)
    #: Minor units (cent, penny, sen): no cents of their own.
    minor_currencies: frozenset[str] = frozenset()
    #: Currency words that are names when capitalised ("Pence", "Rand", "Sen").
    lowercase_words: frozenset[str] = frozenset()
    #: First words of multi-word unit aliases ("sq" of "sq m"), for "3923sq m".
    unit_openers: frozenset[str] = frozenset()
    max_phrase: int = 4


def _key(phrase: str) -> tuple[str, ...]:
    return tuple(phrase.lower().split())


def _tokenised(alias: str) -> str:
    """The alias as the tokenizer splits it: "lb-ft" → "lb - ft", "km/h" → "km / h"."""
    out = []
    for k, c in enumerate(alias):
        inner = 0 < k < len(alias) - 1 and alias[k - 1].isalpha() and alias[k + 1].isalpha()
        out.append(f" {c} " if c in "-/" and inner else c)
    return "".join(out)


def _units(raw: dict[str, Any]) -> dict[tuple[str, ...], tuple[str, str]]:
    """Lower-case alias tuple → (unit, kind), hyphenated aliases also as split tokens."""
    table: dict[tuple[str, ...], tuple[str, str]] = {}
    for unit, entry in raw["units"].items():
        for alias in entry["aliases"]:
            table[_key(alias)] = (unit, entry["kind"])
            table.setdefault(_key(_tokenised(alias)), (unit, entry["kind"]))
    return table


def _symbols(raw: dict[str, Any], field: str) -> dict[str, tuple[str, str]]:
    """Case-sensitive symbol → (unit, kind) from the units' ``field`` lists."""
    return {symbol: (unit, entry["kind"]) for unit, entry in raw["units"].items()
            for symbol in entry.get(field, ())}


def _extras(raw: dict[str, Any], table: dict[tuple[str, ...], tuple[str, str]]
            ) -> dict[str, Any]:
    """The case-sensitive and context tables of ``units.json`` (symbols, prefixes...)."""
    currencies = raw["currencies"]
    return {
        "unit_symbols": _symbols(raw, "symbols"), "attached_units": _symbols(raw, "attached"),
        "unit_contexts": {name: frozenset(entry["context"])
                          for name, entry in raw["units"].items() if "context" in entry},
        "unit_openers": frozenset(k[0] for k in table if len(k) > 1 and (k[0],) not in table),
        "scale_symbols": {k: float(v) for k, v in raw["scale_symbols"].items()},
        "code_multipliers": {k: float(v) for k, v in raw["code_multipliers"].items()},
        "dimension_words": frozenset(raw["dimension_words"]),
        "lowercase_words": frozenset(raw["lowercase_words"]),
        "minor_currencies": frozenset(code for code, e in currencies.items() if e.get("minor")),
        "compound_units": {k: (v[0], float(v[1])) for k, v in raw["compound_units"].items()},
        "currency_prefixes": tuple(sorted(
            ((p, code) for code, e in currencies.items() for p in e.get("prefixes", ())),
            key=lambda kv: -len(kv[0]))),
        "currency_suffixes": {s: code for code, e in currencies.items()
                              for s in e.get("suffixes", ())},
    }


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, built on first use and shared afterwards.

    >>> lexicon().units[("square", "kilometres")]
    ('km2', 'area')
    """
    numbers, approx, units, nouns = (
        _load(n) for n in ("numbers.json", "approximators.json", "units.json", "nouns.json")
    )
    approximators = {
        _key(p): q for q, phrases in approx.items()
        if q not in ("_provenance", "range_openers", "trailing") for p in phrases
    }
    symbols = {s: code for code, e in units["currencies"].items() for s in e["symbols"]}
    words = {_key(w): code for code, e in units["currencies"].items() for w in e["words"]}
    counted = frozenset(nouns["counted"]) | frozenset(nouns["irregular_plurals"].values())
    unit_table = _units(units)
    return Lexicon(
        number_units=numbers["units"], number_tens=numbers["tens"], scales=numbers["scales"],
        scale_abbreviations=numbers["scale_abbreviations"], dozens=numbers["dozen"],
        vague=numbers["vague"], fractions=numbers["fractions"],
        fraction_counters=numbers["fraction_counters"],
        couples={_key(k): (v[0], v[1]) for k, v in numbers["couple"].items()},
        approximators=approximators, range_openers=frozenset(approx["range_openers"]),
        trailing={_key(k): v for k, v in approx["trailing"].items()},
        units=unit_table,
        **_extras(units, unit_table),
        unit_kinds={name: entry["kind"] for name, entry in units["units"].items()},
        currency_codes=frozenset(units["currencies"]),
        calibre_units=frozenset(units["calibre_units"]),
        calibre_nouns=frozenset(units["calibre_nouns"]),
        currency_symbols=symbols, currency_words=words,
        attached_currency=tuple(sorted(
            ((k, v) for k, v in symbols.items() if not k.isalpha()),
            key=lambda kv: -len(kv[0]))),
        counted=counted,
        irregular_plurals=nouns["irregular_plurals"],
        no_plural_heads=frozenset(nouns["no_plural_heads"]),
        singular_s=frozenset(nouns["singular_s"]),
        person_heads=frozenset(nouns["person_heads"]),
        casualty_words=frozenset(nouns["casualty_words"]),
        casualty_verbs=frozenset(nouns["casualty_verbs"]),
        toll_words=frozenset(nouns["toll_words"]),
        captivity_words=frozenset(nouns["captivity_words"]),
        collectives=nouns["collectives"],
        demonym_suffixes=tuple(nouns["demonym_suffixes"]),
        compounds=frozenset(nouns["compounds"]), containers=frozenset(nouns["containers"]),
        mass_nouns=frozenset(nouns["mass_nouns"]),
    )
