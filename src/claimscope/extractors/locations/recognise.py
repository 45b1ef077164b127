"""Finding place names in a tokenised text: gazetteer look-ups plus context rules.

Names must be capitalised as written ("Police" may be a town, "police" never is); ALL-CAPS
counts only in a dateline ("KYIV, May 24 —") or for country abbreviations ("US"). A name
is dropped when it is part of an adjective ("Moscow-backed"), of an organisation's or
event's name ("Donetsk People's Republic", "Battle of Bakhmut") or of a person's name.
Names the gazetteer lacks are still found when the context says they are places ("the
village of X", "near X", "the X direction").

>>> import spacy
>>> doc = spacy.blank("en")("Shelling hit the village of Zorianka near Bakhmut.")
>>> [(m.text(doc), bool(m.places)) for m in find_names(doc)]
[('Zorianka', False), ('Bakhmut', True)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from claimscope.extractors.locations.gazetteer import Gazetteer, Place, gazetteer, normalise
from claimscope.extractors.locations.lexicon import Lexicon, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Name", "find_names"]

_MAX_TOKENS = 9
_HYPHENS = frozenset("-‐‑–")
_COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                      "southwest", "north-east", "north-west", "south-east", "south-west"})
_ADJ_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central",
                          "northeastern", "northwestern", "southeastern", "southwestern"})
# Capitalised words that may follow a place without making it part of another name.
_NEXT_OK = frozenset({"Ministry", "Health", "Defense", "Defence", "Foreign", "Interior",
                      "Government", "Governor", "Mayor", "Council", "Police", "Army", "Air",
                      "Navy", "City", "Oblast", "Region", "Province", "Governorate", "State",
                      "Strip", "River", "Sea", "Airport", "Bay", "Authority", "Authorities",
                      "Officials", "Administration", "Military", "Emergency", "Emergencies",
                      "Red", "Civil", "Border", "President", "Prime", "General"})
_ABBREVIATIONS = frozenset({"U.S.", "US", "U.K.", "UK", "USA", "U.S.A.", "UAE", "U.A.E."})
_ROAD = re.compile(r"^[A-Z]{1,2}-?\d{1,4}$")
_TIME_WORDS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                         "Sunday", "January", "February", "March", "April", "May", "June",
                         "July", "August", "September", "October", "November", "December",
                         "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"})
_UNKNOWN_AFTER = frozenset({"village", "town", "settlement", "direction", "axis", "district",
                            "neighbourhood", "neighborhood", "area", "camp", "hills"})
_UNKNOWN_BEFORE = frozenset({"near", "outside", "towards", "toward", "around", "outskirts",
                             "liberated", "recaptured", "retook", "entered", "captured",
                             "seized", "encircled", "besieged", "through", "via"})


@attrs.define
class Name:
    """A place name found in the text, with its candidate places (empty when unknown)."""

    start: int
    end: int
    places: list[Place]
    #: Kinds the words around the name ask for ("region" after it -> admin_region).
    wanted: set[str] = attrs.field(factory=set)
    #: Set when a feature noun follows that the gazetteer lacks ("Kherson airport").
    feature: str | None = None

    def text(self, doc: Doc) -> str:
        """The covered text."""
        return doc[self.start:self.end].text


def _is_cap(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and not text.isupper() or (
        len(text) == 1 and text.isupper())


def _is_dateline(doc: Doc, i: int) -> bool:
    """ALL-CAPS tokens opening a paragraph ("GAZA CITY, Oct 9 —")."""
    k = i
    while k > 0 and doc[k - 1].text.isupper():
        k -= 1
    return k == 0 or "\n" in doc[k - 1].whitespace_ or "\n" in doc[k - 1].text


def _attached(doc: Doc, i: int) -> bool:
    """True when token ``i`` follows token ``i - 1`` with no space."""
    return i > 0 and not doc[i - 1].whitespace_


def _can_start(doc: Doc, i: int, lex: Lexicon) -> bool:
    token = doc[i]
    if _is_cap(token):
        return True
    if token.text.isupper() and len(token.text) > 1:
        return True  # checked after the look-up (datelines, country codes)
    nxt = i + 2 < len(doc) and doc[i + 1].text in _HYPHENS and _is_cap(doc[i + 2])
    return token.lower_ in lex.connectors and nxt and _attached(doc, i + 1)


def _can_continue(token: Token, lex: Lexicon) -> bool:
    text = token.text
    if "\n" in text or not text.strip():
        return False
    return (_is_cap(token) or text.isupper() or text in _HYPHENS or text in {"'", "’", "."}
            or token.lower_ in lex.connectors or token.lower_ in lex.feature_nouns
            or token.lower_ in {"air", "nuclear", "power", "refugee", "border", "oil"})


def _lookup(doc: Doc, i: int, gaz: Gazetteer, lex: Lexicon) -> tuple[int, str] | None:
    """The longest gazetteer key starting at token ``i``: (end token, key)."""
    if normalise(doc[i].text) not in gaz.first_words:
        return None
    found = None
    base = doc[i].idx
    for j in range(i + 1, min(len(doc), i + _MAX_TOKENS) + 1):
        last = doc[j - 1]
        if j > i + 1 and (not _can_continue(last, lex) or "\n" in doc[j - 2].whitespace_):
            break
        if last.text in _HYPHENS or last.text in {"'", "’", "."} or last.text.islower():
            continue  # a name never ends on a hyphen or a connector
        key = normalise(doc.text[base:last.idx + len(last.text)])
        if key in gaz:
            found = (j, key)
    return found


def _gazetteer_names(doc: Doc, gaz: Gazetteer, lex: Lexicon) -> Iterator[tuple[int, int, str]]:
    i = 0
    while i < len(doc):
        hit = _lookup(doc, i, gaz, lex) if _can_start(doc, i, lex) else None
        if hit is None:
            i += 1
            continue
        yield i, hit[0], hit[1]
        i = hit[0]


def _sentence_start(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    if "\n" in prev.whitespace_ or prev.text in {'"', "“", "‘", "(", "—", "-", ":", "–"}:
        return True
    return bool(doc[i].is_sent_start) if doc.has_annotation("SENT_START") else prev.text in {
        ".", "!", "?"}


def _locative(doc: Doc, i: int, lex: Lexicon) -> bool:
    """A locative word just before token ``i`` ("near X", "the town of X")."""
    k = i - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    return k >= 0 and (doc[k].lower_ in lex.locative_before or doc[k].lower_ in _COMPASS)


def _rejected(doc: Doc, start: int, end: int, key: str, places: list[Place],
              gaz: Gazetteer, lex: Lexicon) -> bool:
    """Boundary rules: adjectives, names of organisations, events and people."""
    first, after = doc[start], doc[end] if end < len(doc) else None
    is_country = any(p.kind == "country" for p in places)
    if first.text.isupper() and len(first.text) > 1 and not (
            is_country or _is_dateline(doc, start)):
        return True
    if after is not None and after.text in _HYPHENS and not after.whitespace_ and _attached(
            doc, end) and end + 1 < len(doc) and doc[end + 1].text[:1].islower():
        return True  # "Moscow-backed"
    if start >= 2 and doc[start - 1].text in _HYPHENS and _attached(doc, start) and _attached(
            doc, start - 1) and doc[start - 2].text[:1].islower():
        return True  # "pro-Kyiv"
    if first.text in _ABBREVIATIONS and not (after is None or (
            after.is_punct and after.text not in _HYPHENS) or after.lower_ in {"'s", "’s"}
            or after.lower_ in lex.government_verbs):
        return True  # "U.S. officials": used as an adjective, like "American"
    if after is not None and after.text in lex.org_heads:
        return True  # "Donetsk People's Republic", "Kyiv Independent"
    if start >= 2 and doc[start - 1].lower_ == "of" and doc[start - 2].text in lex.event_before:
        return True  # "Battle of Bakhmut"
    if gaz.is_weak(key) and (_sentence_start(doc, start) or not _locative(doc, start, lex)):
        return True
    return _in_other_name(doc, start, end, places, lex)


def _title_line(doc: Doc, i: int) -> bool:
    """Token ``i`` sits in a headline-style line where most words are capitalised."""
    start = i
    while start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[
            start - 1].text:
        start -= 1
    words = []
    for token in doc[start:]:
        if token.is_alpha and len(token.text) > 3:
            words.append(_is_cap(token) or token.text.isupper())
        if "\n" in token.whitespace_ or "\n" in token.text or len(words) > 20:
            break
    return len(words) >= 3 and sum(words) >= 0.7 * len(words)


def _in_other_name(doc: Doc, start: int, end: int, places: list[Place], lex: Lexicon) -> bool:
    """The place is part of a person's or organisation's name ("Israel Katz")."""
    prev = doc[start - 1] if start > 0 else None
    if prev is not None and (prev.text in lex.person_titles or prev.text.rstrip(".") in
                             lex.person_titles):
        return True
    if _title_line(doc, start):
        return False
    nxt = doc[end] if end < len(doc) else None
    if nxt is not None and _is_cap(nxt) and nxt.is_alpha and nxt.text not in _NEXT_OK and (
            not _sentence_start(doc, end) and nxt.text not in lex.demonyms
            and nxt.lower_ not in lex.feature_nouns and nxt.text not in _TIME_WORDS):
        return True  # "Israel Katz", "Sudan Doctors Network", "Black Sea Grain Initiative"
    if any(p.kind == "country" for p in places) and prev is not None and prev.text in (
            "Center", "Centre", "Radio", "Television", "TV"):
        return True
    return (prev is not None and _is_cap(prev) and prev.is_alpha
            and not any(p.kind == "country" for p in places)
            and not _sentence_start(doc, start - 1) and prev.lower_ not in lex.connectors
            and prev.text not in lex.demonyms and prev.text not in _TIME_WORDS
            and prev.lower_ not in _ADJ_COMPASS | _COMPASS)  # "Ariel Sharon"


def _wanted(doc: Doc, start: int, end: int, places: list[Place], lex: Lexicon) -> set[str]:
    """Kinds asked for by the words around the name."""
    wanted: set[str] = set()
    after = doc[end].lower_ if end < len(doc) else ""
    before = doc[start - 1].lower_ if start > 0 else ""
    before2 = doc[start - 2].lower_ if start > 1 else ""
    if after in lex.region_words or after in {"governor", "governor's"}:
        wanted.add("admin_region")
    elif before in _ADJ_COMPASS and doc[start - 1].text.islower():
        wanted.update({"admin_region", "region", "water_body", "country"})  # "southern Idlib"
    if after in {"city", "town", "village"} or (before == "of" and before2 in {
            "city", "town", "village", "settlement", "outskirts", "centre", "center"}):
        wanted.add("populated_place")
    if after == "river" or (before == "the" and any(p.kind == "water_body" for p in places)):
        wanted.add("water_body")
    if after in lex.government_verbs and doc[end].text.islower():
        wanted.add("populated_place")  # "Kyiv said": the capital, not the region
    return wanted


def _unknown_names(doc: Doc, known: list[Name], lex: Lexicon) -> Iterator[tuple[int, int]]:
    """Capitalised names the context marks as places ("the village of X", "near X")."""
    taken: set[int] = set()
    cued_ends: set[int] = set()
    for name in known:
        taken.update(range(name.start, name.end))
        if _settlement_before(doc, name.start, lex) or (name.start > 0 and doc[
                name.start - 1].lower_ in _UNKNOWN_BEFORE | {"in", "at"}) or any(
                p.kind == "populated_place" for p in name.places[:1]):
            cued_ends.add(name.end)
    i = 0
    while i < len(doc):
        if i in taken or not _is_cap(doc[i]) or not doc[i].is_alpha or _sentence_start(doc, i):
            i += 1
            continue
        end = i + 1
        while end < len(doc) and end - i < 4 and end not in taken and (
                _is_cap(doc[end]) or doc[end].text in _HYPHENS) and "\n" not in doc[
                end - 1].whitespace_:
            end += 1
        while end > i + 1 and doc[end - 1].text in _HYPHENS:
            end -= 1
        words = [t.text for t in doc[i:end]]
        after = doc[end].lower_ if end < len(doc) else ""
        if doc[i].lower_ in lex.connectors and not (end > i + 1 and doc[i + 1].text in _HYPHENS):
            i += 1
            continue
        if not any(w in lex.not_places or w in lex.demonyms or w in lex.person_titles
                   or w in _TIME_WORDS for w in words if w.lower() not in lex.connectors) and (
                _settlement_before(doc, i, lex) or _list_continues(doc, i, cued_ends)
                or doc[i - 1].lower_ in _UNKNOWN_BEFORE or after in _UNKNOWN_AFTER):
            yield i, end
            cued_ends.add(end)
        i = end


def _list_continues(doc: Doc, i: int, cued_ends: set[int]) -> bool:
    """Token ``i`` continues a list of places ("near Soledar and Klishchiivka")."""
    k = i
    while k > 0 and i - k < 2 and doc[k - 1].lower_ in {",", "and", "or"}:
        k -= 1
    return k < i and k in cued_ends


def _settlement_before(doc: Doc, i: int, lex: Lexicon) -> bool:
    return i > 1 and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in (
        lex.settlement_words | _COMPASS)


def _feature_after(doc: Doc, end: int, lex: Lexicon) -> tuple[int, str] | None:
    """A feature noun right after a name ("Kherson airport"): (new end, kind)."""
    for width in (3, 2, 1):
        words = " ".join(t.lower_ for t in doc[end:end + width])
        if end + width <= len(doc) and words in lex.feature_nouns:
            return end + width, lex.feature_nouns[words]
    return None


def find_names(doc: Doc) -> list[Name]:
    """Every place name in ``doc`` with its candidates, in text order."""
    gaz, lex = gazetteer(), lexicon()
    names: list[Name] = []
    taken: set[int] = set()
    for start, end, key in _gazetteer_names(doc, gaz, lex):
        places = gaz.candidates(key)
        if _rejected(doc, start, end, key, places, gaz, lex):
            continue
        name = Name(start, end, places, _wanted(doc, start, end, places, lex))
        feature = _feature_after(doc, end, lex)
        if feature is not None and not any(p.kind in {"water_body", "feature"} for p in places):
            name.end, name.feature = feature
        names.append(name)
        taken.update(range(name.start, name.end))
    unknown = list(_unknown_names(doc, list(names), lex))
    unknown += _repeats(doc, unknown, taken.union(*(range(s, e) for s, e in unknown)))
    names.extend(Name(start, end, [], {"populated_place"}) for start, end in unknown)
    names.extend(_roads(doc, taken))
    return sorted(names, key=lambda n: n.start)


def _repeats(doc: Doc, found: list[tuple[int, int]], taken: set[int]) -> list[tuple[int, int]]:
    """Later (or earlier) mentions of a name the context has already marked as a place."""
    texts = {tuple(t.text for t in doc[s:e]) for s, e in found}
    extra: list[tuple[int, int]] = []
    for words in texts:
        width = len(words)
        for i in range(len(doc) - width + 1):
            if doc[i].text == words[0] and tuple(t.text for t in doc[i:i + width]) == words \
                    and taken.isdisjoint(range(i, i + width)) and not (
                    i + width < len(doc) and doc[i + width].text in _HYPHENS):
                extra.append((i, i + width))
                taken.update(range(i, i + width))
    return extra


def _roads(doc: Doc, taken: set[int]) -> Iterator[Name]:
    """Numbered roads ("the M5 highway", "the T0408 road")."""
    for i in range(len(doc) - 1):
        if i not in taken and _ROAD.match(doc[i].text) and doc[i + 1].lower_ in {
                "highway", "road", "motorway", "route"}:
            yield Name(i, i + 2, [], set(), feature="feature")
