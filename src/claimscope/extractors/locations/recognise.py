"""Finding place names in a tokenised text: gazetteer look-ups plus boundary rules.

Names must be capitalised as written ("Police" may be a town, "police" never is); ALL-CAPS
counts only in a dateline ("KYIV, May 24 —") or for country abbreviations ("US"). A name
is dropped when it is part of an adjective ("Moscow-backed"), of an organisation's or
event's name ("Donetsk People's Republic", "Battle of Bakhmut") or of a person's name.
Names the gazetteer lacks are found by :mod:`.unknown` when the context says they are
places ("the village of X", "near X", "the X direction").

>>> import spacy
>>> doc = spacy.blank("en")("Shelling hit the village of Zorianka near Bakhmut.")
>>> [(doc[n.start:n.end].text, bool(n.places)) for n in find_names(doc)]
[('Zorianka', False), ('Bakhmut', True)]
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import attrs

from claimscope.extractors.locations.gazetteer import (
    ARTICLES,
    Gazetteer,
    Place,
    gazetteer,
    normalise,
)
from claimscope.extractors.locations.lexicon import Lexicon, lexicon
from claimscope.extractors.locations.tokens import HYPHENS, Tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["ADJ_COMPASS", "COMPASS", "TIME_WORDS", "Name", "find_names", "locative",
           "rejected"]

_MAX_TOKENS = 9
COMPASS = frozenset({"north", "south", "east", "west", "northeast", "northwest", "southeast",
                     "southwest", "north-east", "north-west", "south-east", "south-west"})
ADJ_COMPASS = frozenset({"northern", "southern", "eastern", "western", "central",
                         "northeastern", "northwestern", "southeastern", "southwestern"})
TIME_WORDS = frozenset({"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
                        "Sunday", "January", "February", "March", "April", "May", "June",
                        "July", "August", "September", "October", "November", "December",
                        "Jan", "Feb", "Aug", "Sept", "Oct", "Nov", "Dec"})
# Capitalised words that may follow a place without making it part of another name.
_NEXT_OK = frozenset({"Ministry", "Health", "Defense", "Defence", "Foreign", "Interior",
                      "Government", "Governor", "Mayor", "Council", "Police", "Army", "Air",
                      "Navy", "City", "Oblast", "Region", "Province", "Governorate", "State",
                      "Strip", "River", "Sea", "Airport", "Bay", "Authority", "Authorities",
                      "Officials", "Administration", "Military", "Emergency", "Emergencies",
                      "Red", "Civil", "Border", "President", "Prime", "General"})
_ABBREVIATIONS = frozenset({"U.S.", "US", "U.K.", "UK", "USA", "U.S.A.", "UAE", "U.A.E."})
_PARTICLES = frozenset({"von", "van", "der", "den", "de", "da", "dos", "bin", "ibn"})
_ORG_TAILS = frozenset({"Forces", "Force", "Service", "Agency", "Committee", "Society",
                        "Network", "Observatory", "Centre", "Center", "Foundation", "Fund",
                        "Command", "Brigades", "Guards", "Unit"})
_PLURAL_REGIONS = frozenset({"regions", "oblasts", "provinces", "governorates", "states"})
_CONTINUE_LOWER = frozenset({"air", "nuclear", "power", "refugee", "border", "oil"})
_NOT_LAST = frozenset({"'", "’", "."}) | HYPHENS


@attrs.define
class Name:
    """A place name found in the text (token offsets), with its candidate places.

    ``places`` is empty when only the context says it is a place.
    """

    start: int
    end: int
    places: list[Place]
    #: Kinds the words around the name ask for ("region" after it -> admin_region).
    wanted: set[str] = attrs.field(factory=set)
    #: Set when a feature noun follows that the gazetteer lacks ("Kherson airport").
    feature: str | None = None
    #: The words before it mark a place ("near X", "the town of X").
    cued: bool = True
    #: The gazetteer key it matched ("" for names found by context alone).
    key: str = ""


def _can_start(toks: Tokens, i: int, lex: Lexicon) -> bool:
    if toks.is_cap(i) or toks.is_upper(i):
        return True  # ALL-CAPS is checked after the look-up (datelines, country codes)
    return (toks.lowers[i] in lex.connectors and i + 2 < len(toks)
            and toks.words[i + 1] in HYPHENS and toks.is_cap(i + 2) and toks.attached(i + 1))


def _can_continue(toks: Tokens, j: int, lex: Lexicon) -> bool:
    word, lower = toks.words[j], toks.lowers[j]
    if "\n" in word or not word.strip() or toks.breaks_after(j - 1):
        return False
    return (toks.is_cap(j) or word.isupper() or word in _NOT_LAST or lower in lex.connectors
            or lower in ARTICLES
            or lower in lex.feature_nouns or lower in _CONTINUE_LOWER)


def _lookup(toks: Tokens, i: int, gaz: Gazetteer, lex: Lexicon) -> tuple[int, str] | None:
    """The longest gazetteer key starting at token ``i``: (end token, key)."""
    first = normalise(toks.words[i])
    if first not in gaz.first_words and first not in ARTICLES:
        return None
    found = None
    base = toks.idx[i]
    for j in range(i, min(len(toks), i + _MAX_TOKENS)):
        if j > i and not _can_continue(toks, j, lex):
            break
        word = toks.words[j]
        if word in _NOT_LAST or (word.islower() and toks.lowers[j] not in lex.feature_nouns):
            continue  # a name never ends on a hyphen or a connector
        key = normalise(toks.text[base:toks.end_char(j)])
        if key in gaz:
            found = (j + 1, key)
    return found


def _gazetteer_names(toks: Tokens, gaz: Gazetteer, lex: Lexicon
                     ) -> Iterator[tuple[int, int, str]]:
    i = 0
    while i < len(toks):
        hit = _lookup(toks, i, gaz, lex) if _can_start(toks, i, lex) else None
        if hit is None:
            i += 1
            continue
        yield i, hit[0], hit[1]
        i = hit[0]


def locative(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """A locative word just before token ``i`` ("near X", "in the X")."""
    k = i - 1
    if k >= 0 and toks.lowers[k] == "the":
        k -= 1
    return k >= 0 and (toks.lowers[k] in lex.locative_before or toks.lowers[k] in COMPASS)


def rejected(toks: Tokens, start: int, end: int, key: str, places: list[Place],
              gaz: Gazetteer, lex: Lexicon) -> bool:
    """Boundary rules: adjectives, names of organisations, events and people."""
    if start >= 2 and toks.lowers[start - 1] in _PARTICLES and toks.is_cap(start - 2):
        return True  # "Ursula von der Leyen"
    after = toks.words[end] if end < len(toks) else None
    is_country = any(p.kind == "country" for p in places)
    if toks.is_upper(start) and not (is_country or toks.dateline(start)):
        return True
    if end + 2 < len(toks) and toks.lowers[end] in ARTICLES and toks.words[end + 1] in (
            HYPHENS) and toks.is_cap(end + 2):
        return True  # only the start of a longer name: "Maroun" of "Maroun al-Ras"
    if after in HYPHENS and toks.attached(end) and not toks.spaces[end] and (
            end + 1 < len(toks) and toks.words[end + 1][:1].islower()):
        return True  # "Moscow-backed"
    if start >= 2 and toks.words[start - 1] in HYPHENS and toks.attached(start) and (
            toks.attached(start - 1) and toks.words[start - 2][:1].islower()):
        return True  # "pro-Kyiv"
    if toks.words[start] in _ABBREVIATIONS and not _noun_use(toks, end, lex) and not (
            locative(toks, start, lex) and end < len(toks) and toks.lowers[end] in {"and", "or"}):
        return True  # "U.S. officials": an adjective, like "American"
    if end - start == 1 and toks.lowers[end:end + 1] in (["said"], ["says"], ["told"]) and all(
            p.kind == "populated_place" and p.population < 100_000 for p in places):
        return True  # "Eggers said": a surname, not a small town speaking
    if after is not None and (after in lex.org_heads or _org_run(toks, end, lex)):
        return True  # "Donetsk People's Republic", "Israel Defense Forces"
    if start >= 2 and toks.lowers[start - 1] == "of" and toks.words[start - 2] in (
            lex.event_before):
        return True  # "Battle of Bakhmut"
    if gaz.is_weak(key) and (toks.sentence_start(start) or not locative(toks, start, lex)):
        return True  # "Mobile", "Split": common words need a locative cue
    return _in_other_name(toks, start, end, is_country, lex)


def _org_run(toks: Tokens, end: int, lex: Lexicon) -> bool:
    """The capitalised words after the place end in an organisation's head noun."""
    k = end
    while k < len(toks) and k - end < 3 and toks.is_cap(k) and toks.words[k].isalpha():
        k += 1
    return k > end and (toks.words[k - 1] in lex.org_heads or toks.words[k - 1] in _ORG_TAILS)


def _noun_use(toks: Tokens, end: int, lex: Lexicon) -> bool:
    """An abbreviation used as a noun: at the end, before punctuation, "'s" or a verb."""
    if end >= len(toks):
        return True
    after = toks.words[end]
    if after == "." and end + 1 < len(toks) and toks.words[end + 1][:1].islower():
        return False
    return (not after[:1].isalnum() and after not in HYPHENS) or toks.lowers[end] in {
        "'s", "’s"} or toks.lowers[end] in lex.government_verbs


def _in_other_name(toks: Tokens, start: int, end: int, is_country: bool, lex: Lexicon
                   ) -> bool:
    """The place is part of a person's or organisation's name ("Israel Katz")."""
    prev = toks.words[start - 1] if start > 0 else ""
    if prev in lex.person_titles or prev.rstrip(".") in lex.person_titles:
        return True
    if toks.title_line[start]:
        return False
    if end < len(toks) and toks.is_cap(end) and toks.words[end].isalpha() and not (
            toks.words[end] in _NEXT_OK or toks.sentence_start(end)
            or toks.words[end] in lex.demonyms or toks.lowers[end] in lex.feature_nouns
            or toks.words[end] in TIME_WORDS):
        return True  # "Israel Katz", "Sudan Doctors Network", "Black Sea Grain Initiative"
    if is_country and prev in {"Center", "Centre", "Radio", "Television", "TV"}:
        return True  # "Media Center Ukraine"
    return (start > 0 and not is_country and toks.is_cap(start - 1) and prev.isalpha()
            and not toks.sentence_start(start - 1) and toks.lowers[start - 1] not in (
                lex.connectors | ADJ_COMPASS | COMPASS)
            and prev not in lex.demonyms and prev not in TIME_WORDS)  # "Ariel Sharon"


def _person_before(toks: Tokens, start: int, lex: Lexicon) -> bool:
    """A title or a first name just before ``start`` ("Mr. Allen", "Paul Allen")."""
    prev = toks.words[start - 1] if start > 0 else ""
    return (prev in lex.person_titles or prev.rstrip(".") in lex.person_titles) or (
        toks.is_cap(start - 1) and prev.isalpha() and not toks.sentence_start(start - 1)
        and not toks.title_line[start] and toks.lowers[start - 1] not in lex.connectors
        and prev not in lex.demonyms and prev not in TIME_WORDS
        and toks.lowers[start - 1] not in ADJ_COMPASS | COMPASS)


def _wanted(toks: Tokens, start: int, end: int, places: list[Place], lex: Lexicon
            ) -> set[str]:
    """Kinds asked for by the words around the name."""
    wanted: set[str] = set()
    after = toks.lowers[end] if end < len(toks) else ""
    before = toks.lowers[start - 1] if start > 0 else ""
    before2 = toks.lowers[start - 2] if start > 1 else ""
    apposition = _apposition(toks, end, lex) or _shared_region(toks, end, lex)
    if after in lex.region_words or after in {"governor", "governor's"} or (
            apposition == "region"):
        wanted.update({"admin_region", "region"})
    elif before in ADJ_COMPASS and toks.words[start - 1].islower():
        wanted.update({"admin_region", "region", "water_body", "country"})  # "southern Idlib"
    if after in {"city", "town", "village"} or apposition == "settlement" or (
            before == "of" and before2 in {
            "city", "town", "village", "settlement", "outskirts", "centre", "center"}):
        wanted.add("populated_place")
    if after == "river" or (before == "the" and any(p.kind == "water_body" for p in places)):
        wanted.add("water_body")
    if after in lex.government_verbs and end < len(toks) and toks.words[end].islower() and not (
            any(p.kind == "country" for p in places)):
        wanted.add("populated_place")  # "Kyiv said": the capital, not the region
    return wanted


def _shared_region(toks: Tokens, end: int, lex: Lexicon) -> str:
    """ "the Zaporizhzhia and Kherson regions": a plural region word after a list."""
    if end >= len(toks) or toks.lowers[end] not in {"and", ",", "or"}:
        return ""
    for k in range(end, min(len(toks), end + 6)):
        lower = toks.lowers[k]
        if lower in _PLURAL_REGIONS:
            return "region"
        if not (toks.is_cap(k) or lower in {"and", ",", "or"} or toks.words[k] in HYPHENS):
            break
    return ""


def _apposition(toks: Tokens, end: int, lex: Lexicon) -> str:
    """ "X, a dry-zone region ..." -> "region"; "X, a village ..." -> "settlement"."""
    if end + 2 >= len(toks) or toks.words[end] != "," or toks.lowers[end + 1] not in {
            "a", "an", "the"}:
        return ""
    for k in range(end + 2, min(len(toks), end + 7)):
        if toks.lowers[k] in lex.region_words:
            return "region"
        if toks.lowers[k] in {"city", "town", "village", "settlement", "hamlet"}:
            return "settlement"
        if not (toks.words[k].isalpha() or toks.words[k] in HYPHENS):
            break
    return ""


def _feature_after(toks: Tokens, end: int, lex: Lexicon) -> tuple[int, str] | None:
    """A feature noun right after a name ("Kherson airport"): (new end, kind)."""
    for width in (3, 2, 1):
        if end + width <= len(toks):
            words = " ".join(toks.lowers[end:end + width])
            if words in lex.feature_nouns and toks.words[end][:1].islower():
                return end + width, lex.feature_nouns[words]
    return None


def gazetteer_names(toks: Tokens, blocked: set[int] | None = None) -> list[Name]:
    """Gazetteer matches that pass the boundary rules, with their cue words; the tokens of
    rejected matches are added to ``blocked``."""
    gaz, lex = gazetteer(), lexicon()
    names: list[Name] = []
    people: set[str] = set()  # words seen inside people's names ("Paul Allen" -> "Allen")
    for start, end, key in _gazetteer_names(toks, gaz, lex):
        places = gaz.candidates(key)
        if rejected(toks, start, end, key, places, gaz, lex):
            if blocked is not None:
                blocked.update(range(start, end))
            if end - start == 1 and not any(p.kind == "country" for p in places) and (
                    _person_before(toks, start, lex)):
                people.add(toks.words[start])
            continue
        cued = locative(toks, start, lex) or (start > 1 and toks.lowers[start - 1] == "of")
        name = Name(start, end, places, _wanted(toks, start, end, places, lex), cued=cued,
                    key=key)
        feature = _feature_after(toks, end, lex)
        if feature is not None and all(p.kind in {"populated_place", "region"} for p in places):
            name.end, name.feature = feature
        names.append(name)
    return [n for n in names if n.end - n.start != 1 or toks.words[n.start] not in people
            or any(p.kind == "country" for p in n.places)]


def find_names(doc: Doc, toks: Tokens | None = None) -> list[Name]:
    """Every place name in ``doc`` with its candidates, in text order."""
    from claimscope.extractors.locations.unknown import context_names

    toks = toks or Tokens.of(doc)
    blocked: set[int] = set()
    names = gazetteer_names(toks, blocked)
    names.extend(context_names(toks, names, lexicon(), blocked))
    names.sort(key=lambda n: n.start)
    for before, name in itertools.pairwise(names):  # "near A, B and C": one cue for all
        gap = toks.lowers[before.end:name.start]
        if before.cued and 0 < len(gap) <= 2 and set(gap) <= {",", "and", "or"}:
            name.cued = True
    return names
