"""Word lists the recogniser consults (``data/lexicon.json``), loaded once.

>>> lexicon().demonyms["Ukrainian"]
'UA'
>>> "region" in lexicon().region_words
True
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files

import attrs

__all__ = ["Lexicon", "lexicon"]


@attrs.frozen
class Lexicon:
    """Cue words around place names and words that are never places on their own."""

    #: Demonyms and adjectives to the country they signal (``None``: no single country).
    demonyms: dict[str, str | None]
    not_places: frozenset[str]
    #: Words after which a capitalised name is very likely a place ("near", "in").
    locative_before: frozenset[str]
    #: Verbs after a capital that stands for its government ("Kyiv said").
    government_verbs: frozenset[str]
    region_words: frozenset[str]
    settlement_words: frozenset[str]
    direction_words: frozenset[str]
    #: Feature nouns to the kind of place they make ("reservoir" -> water_body).
    feature_nouns: dict[str, str]
    connectors: frozenset[str]
    #: Capitalised words that turn a preceding place into an organisation's name.
    org_heads: frozenset[str]
    #: Words that make "<word> of <place>" an event or title ("Battle of Bakhmut").
    event_before: frozenset[str]
    person_titles: frozenset[str]


@functools.cache
def lexicon() -> Lexicon:
    """The shipped lexicon."""
    raw = json.loads(files(__package__).joinpath("data/lexicon.json").read_text("utf-8"))
    sets = {name: frozenset(raw[name]) for name in (
        "not_places", "locative_before", "government_verbs", "region_words",
        "settlement_words", "direction_words", "connectors", "org_heads", "event_before",
        "person_titles")}
    return Lexicon(demonyms=dict(raw["demonyms"]), feature_nouns=dict(raw["feature_nouns"]),
                   **sets)
