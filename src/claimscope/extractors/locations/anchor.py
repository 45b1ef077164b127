"""Where to put a name the gazetteer lacks: next to the places around it.

A front-line hamlet, a camp or a neighbourhood takes the position of the nearest resolved
town or region in its sentence; failing that, the article's geographic centre (the
mentioned place closest to all the others), preferring the country the sentence names;
failing that, the country itself.

>>> from claimscope.extractors.locations.gazetteer import Place
>>> town = Place("Bakhmut", "populated_place", "UA", 48.6, 38.0, 80500, 1, None, "UA.05")
>>> Placer({0: town}, [(0, 10)]).place(5, (0, 20)).name
'Bakhmut'
"""

from __future__ import annotations

import bisect
from collections import Counter

from claimscope.extractors.locations.gazetteer import Place
from claimscope.extractors.locations.resolve import distance_km

__all__ = ["Placer"]

_MAX_FOCUS = 60  # distinct places compared for the centre (quadratic)


def _usable(place: Place) -> bool:
    return place.kind in {"populated_place", "admin_region"} or (
        place.kind in {"region", "feature"} and place.population < 5e6)


class Placer:
    """Positions for context-only names, from the resolved names of one article.

    :param resolved: name index to resolved place.
    :param spans: token (start, end) of every name, by name index.
    """

    def __init__(self, resolved: dict[int, Place], spans: list[tuple[int, int]]) -> None:
        self._order = sorted((spans[j][0], j) for j in resolved)
        self._starts = [start for start, _ in self._order]
        self._resolved = resolved
        self._focus: dict[frozenset[str | None], Place | None] = {}

    def _in(self, sentence: tuple[int, int]) -> list[tuple[int, int]]:
        lo = bisect.bisect_left(self._starts, sentence[0])
        hi = bisect.bisect_left(self._starts, sentence[1])
        return self._order[lo:hi]

    def place(self, start: int, sentence: tuple[int, int]) -> Place | None:
        """The position for a name starting at token ``start`` inside ``sentence``."""
        inside = self._in(sentence)
        near = [(abs(s - start), j) for s, j in inside if _usable(self._resolved[j])]
        if near:
            return self._resolved[min(near)[1]]
        countries = frozenset(self._resolved[j].country for _, j in inside
                              if self._resolved[j].kind == "country")
        if countries not in self._focus:
            pool = [p for p in self._resolved.values() if _usable(p) and p.country in countries]
            self._focus[countries] = _centre(
                pool or [p for p in self._resolved.values() if _usable(p)])
        found = self._focus[countries]
        if found is None and countries:  # "in Barsalogho, Burkina Faso": the country
            found = next(p for p in self._resolved.values()
                         if p.kind == "country" and p.country in countries)
        return found


def _centre(places: list[Place]) -> Place | None:
    """The mentioned place closest to all the others (a medoid, so a capital cited as a
    government does not pull the villages of a front line to itself)."""
    if not places:
        return None
    counts = Counter(places)
    sample = list(counts)[:_MAX_FOCUS]
    return min(sample, key=lambda p: (sum(
        n * distance_km((p.lat, p.lon), (q.lat, q.lon)) for q, n in counts.items()), p.name))
