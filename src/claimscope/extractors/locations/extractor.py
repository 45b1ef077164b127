"""The locations extractor: find place names, then resolve each to coordinates.

Resolution runs in two passes. The first collects what the article is about: the
countries it names (and the demonyms it uses) and the places that have one candidate
only. The second ranks every name's candidates in that context (see :mod:`.resolve`).
A name the gazetteer lacks but the context marks as a place ("the village of X") takes
the position of the nearest resolved place, so a front-line hamlet lands near its town.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> [(l.text, l.name, l.country) for l in LocationExtractor().extract(
...     nlp("Russia's army shelled Kharkov and the Donetsk region."))]
[('Russia', 'Russia', 'RU'), ('Kharkov', 'Kharkiv', 'UA'), ('Donetsk', 'Donetsk Oblast', 'UA')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from claimscope.extractors.locations.anchor import Placer
from claimscope.extractors.locations.gazetteer import Place
from claimscope.extractors.locations.lexicon import lexicon
from claimscope.extractors.locations.ner import drop_person_parts, ner_names
from claimscope.extractors.locations.recognise import Name, find_names
from claimscope.extractors.locations.resolve import Context, distance_km, rank
from claimscope.extractors.locations.tokens import Tokens
from claimscope.types import Location, LocationKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["LocationExtractor"]

_SMALL = 100_000
_EVIDENCE = 2.0
_DEMONYM_WEIGHT = 0.25
_NEAR_KM = 300.0
_VILLAGE = 20_000
_VILLAGE_KM = 150.0
_HAMLET = 2_000


def _context(toks: Tokens, names: list[Name]) -> Context:
    """Countries, regions and unambiguous places the article mentions."""
    countries: dict[str, float] = {}
    demonyms = lexicon().demonyms
    for word in toks.words:
        code = demonyms.get(word)
        if code:  # weak: "Russian forces" fight in Ukraine
            countries[code] = countries.get(code, 0.0) + _DEMONYM_WEIGHT
    context = Context(countries=countries)
    for name in names:
        if len(name.places) == 1 or (name.places and name.places[0].kind == "country"):
            place = name.places[0]
            if place.country and (place.kind != "populated_place" or place.population >= _SMALL):
                weight = 2.0 if place.kind == "country" else 1.0
                countries[place.country] = countries.get(place.country, 0.0) + weight
            if place.kind == "admin_region" and place.admin1_code:
                context.admin_codes.add(place.admin1_code)
            if place.kind in {"populated_place", "admin_region"}:
                context.anchors.append(place)
    return context


def _sentence(doc: Doc, start: int) -> tuple[int, int]:
    """Token bounds of the sentence around ``start`` (the whole text without sentences)."""
    if not doc.has_annotation("SENT_START"):
        return 0, len(doc)
    sent = doc[start].sent
    return sent.start, sent.end


def _foreign(resolved: dict[int, Place], names: list[Name], context: Context) -> list[int]:
    """Small places far from everything else the article names: namesakes of a word or a
    name ("Fano", Italy, in an Ethiopian story), or of the village the article means
    ("Pishchane": five in the gazetteer, none near the front line it describes)."""
    # Country evidence must be real (a country or a large place named), not one demonym.
    evident = sum(context.countries.values()) >= _EVIDENCE
    foreign = {i for i, p in resolved.items() if evident and p.kind == "populated_place"
               and p.population < _SMALL and context.share(p.country) == 0}
    ambiguous = {i for i, p in resolved.items() if p.kind == "populated_place" and (
        (p.population < _VILLAGE and len(names[i].places) > 1) or p.population < _HAMLET)}
    if not any(p.kind in {"populated_place", "admin_region"} for i, p in resolved.items()
               if i not in ambiguous):
        ambiguous = set()  # no firmer place to judge them by

    firm = {p for j, p in resolved.items() if j not in ambiguous}

    def supported(i: int) -> bool:
        reach = _VILLAGE_KM if i in ambiguous and len(names[i].places) > 1 else _NEAR_KM
        here = (resolved[i].lat, resolved[i].lon)
        return any(other.name != resolved[i].name
                   and distance_km((other.lat, other.lon), here) < reach for other in firm)

    return sorted(i for i in foreign | ambiguous if not supported(i))


def _location(doc: Doc, name: Name, place: Place, known: bool) -> Location:
    span = doc[name.start:name.end]
    text = span.text
    kind = name.feature or place.kind
    label = place.name if known else text
    if name.feature and known and not place.name.lower().endswith(doc[name.end - 1].lower_):
        label = f"{place.name} {doc[name.end - 1].text}"
    elif not known:
        noun = doc[name.end - 1].lower_
        kind = lexicon().feature_nouns.get(noun, "populated_place")  # "Al-Amal Hospital"
    return Location(start=span.start_char, end=span.end_char, text=text, name=label,
                    kind=cast(LocationKind, kind), country=place.country,
                    lat=round(place.lat, 3), lon=round(place.lon, 3),
                    geonames_id=place.geonames_id if known and not name.feature else None,
                    admin1=place.admin1 if place.kind != "country" else None)


class LocationExtractor:
    """Finds and resolves toponyms: places, regions, countries, waters and features."""

    name = "locations"
    version = "0.1.0"
    produces = frozenset({"locations"})
    uses = frozenset({"sentences", "ner"})

    def extract(self, doc: Doc) -> Iterator[Location]:
        """Yield one :class:`~claimscope.types.Location` per resolved place name."""
        toks = Tokens.of(doc)
        names = drop_person_parts(doc, find_names(doc, toks))
        names = sorted(names + ner_names(doc, toks, names), key=lambda n: n.start)
        context = _context(toks, names)
        resolved: dict[int, Place] = {}
        for index, name in enumerate(names):
            if name.places:
                place = rank(name.places, context, name.wanted, name.key)
                resolved[index] = place
                if place.kind in {"populated_place", "admin_region"}:
                    context.anchors.append(place)
        for index in _foreign(resolved, names, context):
            # A small namesake abroad ("Fano", Italy, in an Ethiopian story): keep the
            # name only when the words around it say it is a place, placed by its context.
            del resolved[index]
            names[index].places = []
        placer = Placer(resolved, [(n.start, n.end) for n in names])
        for index, name in enumerate(names):
            found = resolved.get(index)
            if found is None and name.cued:
                found = placer.place(name.start, _sentence(doc, name.start))
                if found is not None:
                    yield _location(doc, name, found, known=False)
            elif found is not None:
                yield _location(doc, name, found, known=True)
