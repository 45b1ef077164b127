"""Place names the gazetteer lacks, found by their context alone.

Front-line hamlets, neighbourhoods and camps are missing from every shipped gazetteer,
but the sentence says what they are: "the village of X", "near X", "X, a village",
"the X direction", "the towns of A and B", "the M5 highway". Once a name is found this
way, its other capitalised mentions in the article are places too.

>>> import spacy
>>> from claimscope.extractors.locations.lexicon import lexicon
>>> from claimscope.extractors.locations.tokens import Tokens
>>> toks = Tokens.of(spacy.blank("en")("Troops entered Zorianka. Zorianka is calm."))
>>> [(n.start, n.end) for n in context_names(toks, [], lexicon())]
[(2, 3), (4, 5)]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Set

from claimscope.extractors.locations.gazetteer import ARTICLES
from claimscope.extractors.locations.lexicon import Lexicon
from claimscope.extractors.locations.recognise import COMPASS, TIME_WORDS, Name
from claimscope.extractors.locations.tokens import HYPHENS, Tokens

__all__ = ["context_names"]

_AFTER = frozenset({"village", "town", "settlement", "direction", "axis", "neighbourhood",
                    "neighborhood", "district", "area", "camp", "hills"})
_BEFORE = frozenset({"near", "outside", "towards", "toward", "around", "outskirts",
                     "liberated", "recaptured", "retook", "entered", "captured", "seized",
                     "encircled", "besieged", "through", "via", "attacked", "shelled",
                     "bombed", "raided", "stormed", "overran", "hit", "struck",
                     "pounded", "took", "retake", "recapture"})
_LOCATIVE = frozenset({"in", "at", "near", "from", "outside", "of", "to", "the"})
_PLURAL_SETTLEMENTS = frozenset({"camps", "villages", "towns", "districts", "neighbourhoods",
                                 "neighborhoods", "settlements"})
_ROAD = re.compile(r"^[A-Z]{1,2}-?\d{1,4}$")
_ROAD_NOUNS = frozenset({"highway", "road", "motorway", "route"})


def _settlement_before(toks: Tokens, i: int, lex: Lexicon) -> bool:
    """ "the village of X", "north of X"."""
    return i > 1 and toks.lowers[i - 1] == "of" and (
        toks.lowers[i - 2] in lex.settlement_words or toks.lowers[i - 2] in COMPASS)


def _list_continues(toks: Tokens, i: int, cued_ends: set[int]) -> bool:
    """Token ``i`` continues a list of places ("near Soledar and Klishchiivka")."""
    k = i
    while k > 0 and i - k < 2 and toks.lowers[k - 1] in {",", "and", "or"}:
        k -= 1
    return k < i and k in cued_ends


def _extent(toks: Tokens, i: int, taken: set[int]) -> int:
    """End of the capitalised run starting at ``i`` (at most four words)."""
    end = i + 1
    while end < len(toks) and end not in taken and not toks.breaks_after(end - 1) and (
            toks.is_cap(end) or toks.words[end] in HYPHENS or _article(toks, end)) and sum(
            w.isalpha() for w in toks.words[i:end]) < 4:
        end += 1
    while end > i + 1 and toks.words[end - 1] in HYPHENS:
        end -= 1
    return end


def _article(toks: Tokens, k: int) -> bool:
    """An Arabic article joined to a capitalised word: the "al-" of "Maroun al-Ras"."""
    return (toks.lowers[k] in ARTICLES and k + 2 < len(toks) and toks.words[k + 1] in HYPHENS
            and toks.is_cap(k + 2))


def _plausible(toks: Tokens, i: int, end: int, lex: Lexicon) -> bool:
    """Not a known non-place word, demonym, title, month or bare connector."""
    if toks.lowers[i] in lex.connectors and not (end > i + 1 and toks.words[i + 1] in HYPHENS):
        return False
    return not any(
        w in lex.not_places or w in lex.demonyms or w in lex.person_titles or w in TIME_WORDS
        for w in toks.words[i:end] if w.lower() not in lex.connectors)


def _cued(toks: Tokens, i: int, end: int, cued_ends: set[int], lex: Lexicon,
          starts: dict[int, Name]) -> bool:
    after = toks.lowers[end] if end < len(toks) else ""
    return (_settlement_before(toks, i, lex) or _list_continues(toks, i, cued_ends)
            or toks.lowers[i - 1] in _BEFORE or after in _AFTER
            or (toks.lowers[i - 1] in _LOCATIVE and _before_place(toks, end, starts)))


def _before_place(toks: Tokens, end: int, starts: dict[int, Name]) -> bool:
    """ "in X, Burkina Faso" / "X, North Kivu" (a wider place in apposition), or "the X
    and Mugunga camps" (a plural settlement noun after a known place)."""
    if end + 1 >= len(toks) or toks.lowers[end] not in {",", "and"}:
        return False
    name = starts.get(end + 1)
    if name is None or not name.places:
        return False
    if toks.lowers[end] == ",":
        closed = name.end >= len(toks) or toks.words[name.end] in {",", ".", ";", ")", ":"}
        return closed and any(p.kind in {"country", "admin_region"} for p in name.places)
    return name.end < len(toks) and toks.lowers[name.end] in _PLURAL_SETTLEMENTS


def _candidates(toks: Tokens, known: list[Name], lex: Lexicon, blocked: Set[int]
                ) -> Iterator[tuple[int, int]]:
    accepted: set[int] = set()
    starts = {name.start: name for name in known}
    cued_ends: set[int] = set()
    for name in known:
        accepted.update(range(name.start, name.end))
        if _settlement_before(toks, name.start, lex) or (name.start > 0 and toks.lowers[
                name.start - 1] in _BEFORE | {"in", "at"}) or any(
                p.kind == "populated_place" for p in name.places[:1]):
            cued_ends.add(name.end)
    i = 0
    while i < len(toks):
        # In a headline every word is capitalised, so context alone proves nothing there
        # ("… In El Fasher, Medics Say"); names found in the body still repeat into it.
        if i in accepted or not toks.is_cap(i) or not toks.words[i].isalpha() or (
                toks.sentence_start(i)) or toks.title_line[i]:
            i += 1
            continue
        end = _extent(toks, i, accepted)  # may absorb a rejected match ("Sukhyi Yar")
        if all(k in blocked for k in range(i, end)):
            i = end
            continue
        if _plausible(toks, i, end, lex) and _cued(toks, i, end, cued_ends, lex, starts) and (
                toks.words[i - 1] not in lex.person_titles):
            yield i, end
            cued_ends.add(end)
        i = end


def _repeats(toks: Tokens, found: list[tuple[int, int]], taken: set[int]
             ) -> list[tuple[int, int]]:
    """Other mentions of a name the context has already marked as a place."""
    extra: list[tuple[int, int]] = []
    for words in {tuple(toks.words[s:e]) for s, e in found}:
        width = len(words)
        for i in range(len(toks) - width + 1):
            if toks.words[i] == words[0] and tuple(toks.words[i:i + width]) == words and (
                    taken.isdisjoint(range(i, i + width))) and not (
                    i + width < len(toks) and toks.words[i + width] in HYPHENS):
                extra.append((i, i + width))
                taken.update(range(i, i + width))
    return extra


def _roads(toks: Tokens, taken: set[int]) -> Iterator[Name]:
    """Numbered roads ("the M5 highway", "the T0408 road")."""
    for i in range(len(toks) - 1):
        if toks.lowers[i + 1] in _ROAD_NOUNS and i not in taken and _ROAD.match(toks.words[i]):
            yield Name(i, i + 2, [], set(), feature="feature")


def context_names(toks: Tokens, known: list[Name], lex: Lexicon,
                  blocked: Set[int] = frozenset()) -> list[Name]:
    """Names the context marks as places, which ``known`` (gazetteer names) do not cover;
    ``blocked`` tokens (gazetteer matches rejected by the boundary rules) are never used."""
    found = list(_candidates(toks, known, lex, blocked))
    taken = {i for name in known for i in range(name.start, name.end)} | set(blocked)
    taken.update(i for s, e in found for i in range(s, e))
    found += _repeats(toks, found, taken)
    names = []
    for start, end in found:
        name = Name(start, end, [], {"populated_place"})
        noun = toks.lowers[end] if end < len(toks) else ""
        if noun in lex.feature_nouns and toks.words[end].islower():  # "Kavumu airport"
            name.end, name.feature = end + 1, lex.feature_nouns[noun]
        names.append(name)
    names.extend(_roads(toks, taken))
    return names
