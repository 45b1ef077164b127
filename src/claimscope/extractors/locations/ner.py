"""Trained mode: what spaCy's named entities add to, or take from, the gazetteer pass.

Entities labelled GPE, LOC or FAC that the gazetteer pass did not cover are checked with
the same boundary rules; a name the gazetteer lacks is kept only when the words before it
mark a place ("near X", "the village of X"). A gazetteer match inside a longer PERSON
entity is dropped ("Ariel Sharon").

>>> import spacy
>>> ner_names(spacy.blank("en")("Kyiv"), None, [])
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimscope.extractors.locations.gazetteer import gazetteer, normalise
from claimscope.extractors.locations.lexicon import lexicon
from claimscope.extractors.locations.recognise import Name, locative, rejected
from claimscope.extractors.locations.tokens import Tokens

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["drop_person_parts", "ner_names"]

_LABELS = frozenset({"GPE", "LOC", "FAC"})
_STRONG_BEFORE = frozenset({"near", "outside", "towards", "toward", "outskirts", "entered",
                            "captured", "liberated", "recaptured", "village", "town"})


def ner_names(doc: Doc, toks: Tokens | None, names: list[Name]) -> list[Name]:
    """Place entities the gazetteer pass missed, filtered by the boundary rules."""
    if not doc.has_annotation("ENT_IOB"):
        return []
    toks = toks or Tokens.of(doc)
    taken = {i for name in names for i in range(name.start, name.end)}
    gaz, lex = gazetteer(), lexicon()
    extra: list[Name] = []
    for ent in doc.ents:
        start, end = ent.start, ent.end
        if start < end and toks.lowers[start] == "the":
            start += 1
        if end > start and toks.lowers[end - 1] in {"'s", "’s"}:
            end -= 1
        words = toks.words[start:end]
        if (ent.label_ not in _LABELS or not words or taken.intersection(range(start, end))
                or not toks.is_cap(start) or any(not w.isalpha() and w not in "-'’" for w in
                                                  words)):
            continue
        key = normalise(" ".join(words))
        places = gaz.candidates(key)
        if rejected(toks, start, end, key, places, gaz, lex):
            continue
        strong = (start > 0 and toks.lowers[start - 1] in _STRONG_BEFORE) or (
            start > 1 and toks.lowers[start - 1] == "of"
            and toks.lowers[start - 2] in lex.settlement_words)
        if places or (strong and ent.label_ != "FAC"):
            extra.append(Name(start, end, places, {"populated_place"},
                              cued=strong or locative(toks, start, lex), key=key))
    return extra


def drop_person_parts(doc: Doc, names: list[Name]) -> list[Name]:
    """Drop gazetteer matches inside a longer PERSON entity (not countries)."""
    if not doc.has_annotation("ENT_IOB"):
        return names
    spans = [(e.start, e.end) for e in doc.ents if e.label_ == "PERSON"]
    return [name for name in names if not name.places or any(
        p.kind == "country" for p in name.places) or not any(
        s <= name.start and name.end <= e and (e - s) > (name.end - name.start)
        for s, e in spans)]
