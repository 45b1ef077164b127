"""Candidate ranking: which of the places a name may denote does the article mean?

Each candidate gets a score: the log of its population (the prior), adjusted by the kind
the mention's context asks for ("Donetsk region" wants a region, "the city of Donetsk" a
town, "the Dnipro" a river), by the countries the article is about (counted from
unambiguous mentions and demonyms) and by closeness to places already resolved. Never
the first exact match: "Rafah" exists in Gaza and Egypt, "Donetsk" in Ukraine and Russia.

>>> from claimscope.extractors.locations.gazetteer import Place, normalise
>>> ps = Place("Rafah", "populated_place", "PS", 31.29, 34.25, 126305, 281102, None, "PS.RF")
>>> eg = Place("Rafah", "populated_place", "EG", 31.28, 34.24, 44215, 350350, None, "EG.27")
>>> rank([eg, ps], Context(countries={"PS": 3.0})).country
'PS'
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

import attrs

from claimscope.extractors.locations.gazetteer import Place, normalise

__all__ = ["Context", "distance_km", "rank"]

# Score adjustments, in units of log10(population).
_COUNTRY_BONUS = 3.0  # a country name almost always means the country
_ADMIN_PENALTY = 1.5  # a bare name means the town more often than its region
_CUE_BONUS = 4.0  # the words around the name ask for this kind
_CONTEXT_COUNTRY = 1.5  # the article is about this country
_CONTEXT_ADMIN = 1.0  # the article names this region
_NEARBY = 3.0  # at a place already resolved, fading to 0 at _NEAR_KM
_NEAR_KM = 150.0
_CURRENT_NAME = 1.0
_METROPOLIS = 1_000_000
_METROPOLIS_BONUS = 1.0
_MIN_EVIDENCE = 2.0


@attrs.define
class Context:
    """What the article has said so far: countries, regions and resolved places.

    >>> Context(countries={"UA": 2.0}).share("UA"), Context(countries={"RU": 0.5}).share("RU")
    (1.0, 0.25)
    """

    #: Country code to weight (a country named counts 2, a demonym 0.25).
    countries: dict[str, float] = attrs.field(factory=dict)
    admin_codes: set[str] = attrs.field(factory=set)
    anchors: list[Place] = attrs.field(factory=list)

    def share(self, country: str | None) -> float:
        """Fraction of the article's country signals that point at ``country``."""
        # Evidence below _MIN_EVIDENCE (one demonym, say) earns only part of the bonus.
        total = max(sum(self.countries.values()), _MIN_EVIDENCE)
        return self.countries.get(country or "", 0) / total


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance in kilometres.

    >>> round(distance_km((50.45, 30.52), (49.99, 36.23)))
    409
    """
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def score(place: Place, context: Context, wanted: Iterable[str] = ()) -> float:
    """The candidate's score; ``wanted`` are the kinds the mention's cue words ask for.

    >>> town = Place("Donetsk", "populated_place", "UA", 48.0, 37.8, 901645, 1, None, "UA.05")
    >>> region = Place("Donetsk Oblast", "admin_region", "UA", 48.0, 37.8, 6660173, 2, None,
    ...                "UA.05")
    >>> score(region, Context(), {"admin_region"}) > score(town, Context(), {"admin_region"})
    True
    """
    wanted = frozenset(wanted)
    value = math.log10(place.population + 10)
    if place.kind == "country":
        value += _COUNTRY_BONUS
    elif place.kind == "populated_place" and place.population >= _METROPOLIS:
        value += _METROPOLIS_BONUS  # "Damascus" is the Syrian capital, even beside Washington
    elif place.kind == "admin_region" and "admin_region" not in wanted:
        value -= _ADMIN_PENALTY
    if place.kind in wanted:
        value += _CUE_BONUS
    value += _CONTEXT_COUNTRY * context.share(place.country)
    if place.admin1_code and place.admin1_code in context.admin_codes:
        value += _CONTEXT_ADMIN
    if place.kind != "country" and context.anchors:
        nearest = min((distance_km((place.lat, place.lon), (a.lat, a.lon))
                       for a in context.anchors[-12:] if a is not place), default=_NEAR_KM)
        value += _NEARBY * max(0.0, 1.0 - nearest / _NEAR_KM)
    return value


def rank(candidates: Sequence[Place], context: Context, wanted: Iterable[str] = (),
         key: str = "") -> Place:
    """The best candidate (ties broken by population, then name, for determinism).

    A place whose current name is ``key`` beats one that merely had it once ("Pokrovsk"
    is a Ukrainian town and a former name of Engels, Russia).
    """
    wanted = tuple(wanted)

    def value(p: Place) -> tuple[float, int, str]:
        current = _CURRENT_NAME if key and normalise(p.name) == key else 0.0
        return score(p, context, wanted) + current, p.population, p.name

    return max(candidates, key=value)
