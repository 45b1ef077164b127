"""Grammar rules for hedges that a phrase list cannot enumerate.

Each rule reads lower-cased tokens and yields ``(first, last, kind)`` token ranges:
a negated verification ("could not be independently verified", "Kyiv did not
confirm", "Neither toll could be confirmed"), a missing-evidence or vague gerund
("without providing evidence", "without saying what happened"), an if-clause ("if
the rocket fire continued"), a "reported lost" state, a modal perfect ("could have
been"), "appear(s) to" and a rejection of a claim ("dismissed the report as").

>>> words = "The claim could not be independently verified .".split()
>>> list(negated_verification(words, Classes.load()))
[(2, 7, 'unverified')]
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib.resources import files

import attrs

__all__ = ["Classes", "RULES", "negated_verification"]

_STOPS = frozenset({".", "!", "?", ";", ":", "\n", "\n\n"})
_CLAUSE = _STOPS | {",", "—", "–", "(", ")", '"', "“", "”"}


@attrs.frozen
class Classes:
    """Word classes of ``data/hedges.json`` ("patterns").

    >>> "verified" in Classes.load().verify_verbs
    True
    """

    verify_verbs: frozenset[str]
    negators: frozenset[str]
    verify_aux: frozenset[str]
    evidence_gerunds: frozenset[str]
    evidence_nouns: frozenset[str]
    vague_gerunds: frozenset[str]
    reported_states: frozenset[str]
    not_conditional_before: frozenset[str]
    modals: frozenset[str]
    appear_verbs: frozenset[str]
    reject_verbs: frozenset[str]
    reject_objects: frozenset[str]

    @staticmethod
    @functools.cache
    def load() -> Classes:
        """The classes, read once.

        >>> Classes.load() is Classes.load()
        True
        """
        package = __package__ or "claimscope.extractors.hedges"
        raw = json.loads(files(package).joinpath("data/hedges.json").read_text("utf-8"))
        pats = raw["patterns"]
        return Classes(**{k: frozenset(w.lower() for w in pats[k]) for k in pats})


def _stop(word: str) -> bool:
    return word in _STOPS or "\n" in word


def negated_verification(words: list[str], c: Classes) -> Iterator[tuple[int, int, str]]:
    """ "could not be independently verified", "did not confirm", "Neither toll could be ..."."""
    for i, w in enumerate(words):
        if w not in c.verify_verbs:
            continue
        neg = -1
        for j in range(i - 1, max(-1, i - 9), -1):
            if words[j] in _CLAUSE or _stop(words[j]):
                break
            if words[j] in c.negators:
                neg = j
                if words[j] != "neither":
                    break
        if neg < 0 or (words[neg] == "without" and i - neg > 2):
            continue
        start = neg
        while start > 0 and words[start - 1] in c.verify_aux and start > neg - 2:
            start -= 1
        yield start, i + 1, "unverified"


def _phrase_end(words: list[str], i: int, limit: int) -> int:
    end = i
    while (
        end < len(words) and end < i + limit and words[end] not in _CLAUSE and not _stop(words[end])
    ):
        end += 1
    return end


def without_gerund(words: list[str], c: Classes) -> Iterator[tuple[int, int, str]]:
    """ "without providing evidence" (unverified); "without saying what happened" (uncertain).

    >>> list(without_gerund("he said so without providing evidence".split(), Classes.load()))
    [(3, 6, 'unverified')]
    """
    for i, w in enumerate(words[:-1]):
        if w != "without":
            continue
        gerund = words[i + 1]
        window = words[i + 2 : i + 5]
        if gerund in c.evidence_gerunds and any(x in c.evidence_nouns for x in window):
            yield i, _phrase_end(words, i, 5), "unverified"
        elif gerund in c.vague_gerunds:
            yield i, _phrase_end(words, i, 6), "uncertain"


def if_clause(words: list[str], c: Classes) -> Iterator[tuple[int, int, str]]:
    """ "if the rocket fire continued", "If Ukrainian units can widen the breach".

    >>> list(if_clause("if the dam fails , the town floods".split(), Classes.load()))
    [(0, 4, 'conditional')]
    """
    for i, w in enumerate(words):
        if w != "if" or (i > 0 and words[i - 1] in c.not_conditional_before):
            continue
        yield i, _phrase_end(words, i, 12), "conditional"


def reported_state(words: list[str], c: Classes) -> Iterator[tuple[int, int, str]]:
    """ "the third Russian warship reported lost", "were reported killed".

    >>> list(reported_state("a ship reported lost".split(), Classes.load()))
    [(2, 4, 'unverified')]
    """
    for i, w in enumerate(words[:-1]):
        if w == "reported" and words[i + 1] in c.reported_states:
            yield i, i + 2, "unverified"


def speculation(words: list[str], c: Classes) -> Iterator[tuple[int, int, str]]:
    """Modal perfect ("could have been inside"), "appear(s) to" / "seem(s) to" and
    "it appears that".

    >>> list(speculation("it could have been a drone".split(), Classes.load()))
    [(1, 4, 'uncertain')]
    """
    for i, w in enumerate(words[:-2]):
        if w in c.modals and words[i + 1] == "have" and words[i + 2] not in _CLAUSE:
            yield i, i + 3, "uncertain"
        elif w in c.appear_verbs and words[i + 1] == "to":
            end = i + 3 if words[i + 2] == "have" else i + 2
            yield i, end, "uncertain"
        elif w in c.appear_verbs and words[i + 1] == "that" and i > 0 and words[i - 1] == "it":
            yield i - 1, i + 2, "uncertain"  # "it appeared that the missile …"


def rejection(words: list[str], c: Classes) -> Iterator[tuple[int, int, str]]:
    """ "rejected the claim", "dismissed the report as propaganda" (denial).

    >>> list(rejection("he dismissed the report as false".split(), Classes.load()))
    [(1, 2, 'denial')]
    """
    for i, w in enumerate(words):
        if w in c.reject_verbs and any(x in c.reject_objects for x in words[i + 1 : i + 6]):
            yield i, i + 1, "denial"


def not_clear(words: list[str], c: Classes) -> Iterator[tuple[int, int, str]]:
    """ "It was not (immediately) clear", "it is not yet known".

    >>> list(not_clear("it was not immediately clear who fired".split(), Classes.load()))
    [(0, 5, 'uncertain')]
    """
    for i, w in enumerate(words[:-1]):
        if w != "not":
            continue
        k = i + 1
        if words[k] in {"immediately", "yet", "entirely", "fully", "clear", "known"}:
            if words[k] not in {"clear", "known"}:
                k += 1
            if k < len(words) and words[k] in {"clear", "known"}:
                start = i
                for j in (i - 1, i - 2):
                    if j >= 0 and words[j] == "it":
                        start = j
                yield start, k + 1, "uncertain"


#: Every rule, in the order their matches take precedence.
RULES = (
    negated_verification,
    without_gerund,
    if_clause,
    reported_state,
    speculation,
    rejection,
    not_clear,
)
