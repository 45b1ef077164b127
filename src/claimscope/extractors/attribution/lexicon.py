"""The attribution plugin's word lists, read once from ``data/*.json``.

>>> lex = lexicon()
>>> lex.cue_forms["told"].lemma
'tell'
>>> "officials" in lex.source_heads
True
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

import attrs

__all__ = ["CueForm", "Lexicon", "lexicon"]


@attrs.frozen
class CueForm:
    """One inflected reporting verb and the constraint its uses must meet.

    >>> CueForm(lemma="say", constraint=None).lemma
    'say'
    """

    lemma: str
    constraint: str | None


def _load(name: str) -> dict[str, Any]:
    package = __package__ or "claimscope.extractors.attribution"
    data: dict[str, Any] = json.loads(files(package).joinpath(f"data/{name}").read_text("utf-8"))
    return data


def _lower_set(items: list[str]) -> frozenset[str]:
    return frozenset(item.lower() for item in items)


@attrs.frozen
class Lexicon:
    """Every word list the attribution rules consult (lower-case keys).

    >>> "according" in lexicon().cue_forms
    False
    """

    cue_forms: dict[str, CueForm]
    noun_cues: frozenset[str]
    toll_nouns: frozenset[str]
    passive_aux: frozenset[str]
    negators: frozenset[str]
    negating_verbs: frozenset[str]
    participle_followers: frozenset[str]
    object_stop: frozenset[str]
    colon_labels: frozenset[str]
    claim_nouns: frozenset[str]
    pronouns: dict[str, str]
    skip_before_cue: frozenset[str]
    aux_cue: frozenset[str]
    determiners: frozenset[str]
    np_preps: frozenset[str]
    boundary: frozenset[str]
    source_heads: dict[str, str]
    np_words: frozenset[str]
    titles: frozenset[str]
    org_words: frozenset[str]
    media_names: frozenset[str]
    parenthetical_starters: frozenset[str]
    intro_adverbials: frozenset[str]
    home_side_heads: frozenset[str]
    channels: dict[str, str]
    recipients: frozenset[str]
    weekdays: frozenset[str]
    months: frozenset[str]
    relative_dates: frozenset[str]
    day_parts: frozenset[str]
    date_preps: frozenset[str]
    channel_preps: frozenset[str]
    channel_fillers: frozenset[str]
    side_keywords: dict[str, str]
    people: frozenset[str]
    demonyms: dict[str, str]


@functools.cache
def lexicon() -> Lexicon:
    """The lexicon, loaded on first use and shared afterwards.

    >>> lexicon() is lexicon()
    True
    """
    cues, words, chans, sides = (
        _load(n) for n in ("cues.json", "words.json", "channels.json", "sides.json")
    )
    forms = {
        form.lower(): CueForm(lemma=lemma, constraint=constraint)
        for lemma, inflections, constraint in cues["verbs"]
        for form in inflections
    }
    return Lexicon(
        cue_forms=forms,
        noun_cues=_lower_set(cues["noun_cues"]),
        toll_nouns=_lower_set(cues["toll_nouns"]),
        passive_aux=_lower_set(cues["passive_aux"]),
        negators=_lower_set(cues["negators"]),
        negating_verbs=_lower_set(cues["negating_verbs"]),
        participle_followers=_lower_set(cues["participle_followers"]),
        object_stop=_lower_set(cues["object_stop"]),
        colon_labels=_lower_set(cues["colon_labels"]),
        claim_nouns=_lower_set(cues["claim_nouns"]),
        pronouns={k.lower(): v for k, v in words["pronouns"].items()},
        skip_before_cue=_lower_set(words["skip_before_cue"]),
        aux_cue=_lower_set(words["aux_cue"]),
        determiners=_lower_set(words["determiners"]),
        np_preps=_lower_set(words["np_preps"]),
        boundary=_lower_set(words["boundary"]),
        source_heads={k.lower(): v for k, v in words["source_heads"].items()},
        np_words=_lower_set(words["np_words"]),
        titles=_lower_set(words["titles"]),
        org_words=_lower_set(words["org_words"]),
        media_names=_lower_set(words["media_names"]),
        parenthetical_starters=_lower_set(words["parenthetical_starters"]),
        intro_adverbials=_lower_set(words["intro_adverbials"]),
        home_side_heads=_lower_set(words["home_side_heads"]),
        channels={k.lower(): v for k, v in chans["channels"].items()},
        recipients=_lower_set(chans["recipients"]),
        weekdays=_lower_set(chans["weekdays"]),
        months=_lower_set(chans["months"]),
        relative_dates=_lower_set(chans["relative_dates"]),
        day_parts=_lower_set(chans["day_parts"]),
        date_preps=_lower_set(chans["date_preps"]),
        channel_preps=_lower_set(chans["channel_preps"]),
        channel_fillers=_lower_set(chans["channel_fillers"]),
        side_keywords={k.lower(): v for k, v in sides["keywords"].items()},
        people=frozenset(k.lower() for k in sides["people"]),
        demonyms={k.lower(): v for k, v in sides["demonyms"].items()},
    )
