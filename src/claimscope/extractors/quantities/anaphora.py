"""Numbers whose counted noun is elsewhere: "two of them", "the remaining two",
"38 of 42 drones", "12 were killed", "the toll rose to 45".

The scanner keeps a :class:`State` with the last counted noun; these helpers decide from
the words around a bare number whether it counts people, that noun, or nothing.

>>> state = State(unit="missile", sentence=0)
>>> state.antecedent(1), state.antecedent(5)
('missile', None)
"""

from __future__ import annotations

import attrs

from claimscope.extractors.quantities.bounds import approximator_before
from claimscope.extractors.quantities.lexicon import STOP_WORDS, lexicon
from claimscope.extractors.quantities.numbers import NumberRead, read_number
from claimscope.extractors.quantities.tokens import TokenView
from claimscope.extractors.quantities.units import is_plural, read_head, singular

__all__ = ["PLURAL_VERBS", "State", "bare_count", "clause_unit", "of_number",
           "others_counted", "referent_before"]

_DEICTIC = frozenset({"the", "all", "remaining", "other", "another", "those", "these"})

_TOLL_LINKS = frozenset({"at", "to", "reached", "hit", "stood", "rose", "climbed", "of", "is",
                         "was", "now", "passes", "passed", "exceeds", "exceeded", "tops",
                         "topped", "surpassed", "surpasses", "nears", "neared", "crossed"})

PLURAL_VERBS = frozenset({"have", "had", "were", "are", "fled", "died", "remain", "remained",
                           "lost", "left", "lived", "live", "gathered", "took"})

_CLAUSE_VERBS = frozenset({"were", "was", "had", "have", "are"})

#: A figure linked to these ("the total to 12,500") repeats the last counted noun.
_TOTAL_WORDS = frozenset({"total", "tally", "number", "figure", "count", "overall"})


@attrs.define
class State:
    """The last counted noun seen, for "the two that…", "two of them".

    >>> State().antecedent(0) is None
    True
    """

    unit: str | None = None
    sentence: int = -10

    def antecedent(self, sentence: int, reach: int = 2) -> str | None:
        """The last counted noun, if it was seen at most ``reach`` sentences back."""
        return self.unit if sentence - self.sentence <= reach else None


def of_number(view: TokenView, k: int, end: int, state: State
              ) -> tuple[str | None, int] | None:
    """"38 of 42 drones": the first number (ending at ``end``) counts what the second,
    at ``k``, counts; the second is found on its own.

    >>> import spacy
    >>> view = TokenView(spacy.blank("en")("38 of 42 drones"))
    >>> of_number(view, 2, 1, State())
    ('drone', 1)
    """
    total = read_number(view.lower, view.text, k)
    if total is None or total.vague or total.fraction:
        return None
    head = read_head(view, total.end)
    unit = head.unit if head is not None else state.antecedent(view.sent[k], 0)
    return (unit, end) if unit is not None else None


def bare_count(view: TokenView, num: NumberRead, first: int, j: int, state: State
               ) -> tuple[str | None, int] | None:
    """A number with no noun that context still makes a count of people or things:
    ``(unit, end token)`` or ``None``.

    >>> import spacy
    >>> from claimscope.extractors.quantities.numbers import read_number
    >>> view = TokenView(spacy.blank("en")("The blast killed three, wounding 12."))
    >>> bare_count(view, read_number(view.lower, view.text, 6), 6, 7, State())
    ('person', 7)
    """
    lower, lex = view.lower, lexicon()
    prev = lower[first - 1] if first > 0 else ""
    nxt = lower[j] if j < view.n else "."
    sentence = view.sent[min(j, view.n - 1)] if view.n else 0
    closing = not nxt[:1].isalpha() or nxt in STOP_WORDS or nxt in PLURAL_VERBS
    if nxt == "more" and j + 1 < view.n:
        after = lower[j + 1]
        if after in STOP_WORDS or after in PLURAL_VERBS or not after[:1].isalpha() or \
                after in ("may", "might", "could", "will", "would"):
            unit = clause_unit(view, j + 1, sentence, state) or (
                "person" if num.vague else None)
            return (unit, j + 1) if unit is not None else None
    if nxt in lex.casualty_words:
        return "person", j  # "were killed and 10 injured in the strike"
    if nxt in _CLAUSE_VERBS:
        unit = clause_unit(view, j, sentence, state)
        if unit is not None:
            return unit, j
    if prev == "of" and first > 1 and lower[first - 2] in lex.collectives and closing:
        return lex.collectives[lower[first - 2]], j  # "a crew of about 40"
    if prev in ("including", "among") and closing:
        return state.antecedent(sentence, 0) or "person", j
    if prev in lex.casualty_verbs and closing:
        return "person", j + 1 if nxt == "more" else j
    if prev in _TOLL_LINKS and closing and any(
            w in lex.toll_words for w in lower[max(0, first - 12):first]):
        return "person", j
    if prev in _TOLL_LINKS and closing and any(
            w in _TOTAL_WORDS for w in lower[max(0, first - 4):first]):
        unit = state.antecedent(sentence, 1)  # "bringing the total to 12,500"
        return (unit, j) if unit is not None else None
    if prev == "from" and first > 1 and lower[first - 2] in ("up", "down") and closing:
        unit = state.antecedent(sentence, 0)  # "1.1 million, up from 800,000"
        return (unit, j) if unit is not None else None
    if prev == "of" and first > 1 and lower[first - 2][:1].isdigit():
        unit = state.antecedent(sentence, 0)  # the "36" of "only 17 of 36 function"
        return (unit, j) if unit is not None else None
    if prev in ("to", "at") and closing:
        unit = state.antecedent(sentence, 0)  # "rose 64 points to 4,577", "30 tanks, to 2,900"
        return (unit, j) if unit is not None else None
    loose = prev in ("all", "remaining", "other") and nxt[:1].isalpha() and nxt != "of"
    if prev in _DEICTIC and (closing or loose) and nxt != "of":
        unit = state.antecedent(sentence)
        return (unit, j) if unit is not None else None
    if num.vague and nxt in PLURAL_VERBS:
        return "person", j
    if num.scaled and closing:
        unit = state.antecedent(sentence, 0)  # "to 3.9 million headsets, up from 2.4 million"
        return (unit, j) if unit is not None else None
    return None


#: Verbs after which "two others" are more of the things just counted, not people.
_THING_VERBS = frozenset({"destroyed", "damaged", "downed", "intercepted", "disabled",
                          "hit", "struck", "shot", "sank", "seized", "burned"})


def others_counted(view: TokenView, begin: int, state: State) -> str | None:
    """"destroyed three tanks and damaged two others": tanks, not people.

    >>> import spacy
    >>> view = TokenView(spacy.blank("en")("they damaged two others"))
    >>> others_counted(view, 2, State(unit="tank", sentence=0))
    'tank'
    """
    verbs = view.lower[max(0, begin - 3):begin]
    if not any(v in _THING_VERBS for v in verbs):
        return None
    return state.antecedent(view.sent[begin], 0)


def referent_before(view: TokenView, start: int) -> str | None:
    """The plural noun a relative clause hangs on: "the shells, about 300,000 of which".

    >>> import spacy
    >>> view = TokenView(spacy.blank("en")("The shells, 300 of which arrived"))
    >>> referent_before(view, 3)
    'shell'
    """
    approx = approximator_before(view.lower, start)
    k = (approx[1] if approx is not None else start) - 1
    while k >= max(0, start - 6) and not view.lower[k][:1].isalpha():
        k -= 1  # ", about 300,000 of which": back over the approximator and the comma
    if k >= 0 and is_plural(view.lower[k]) and view.lower[k] not in STOP_WORDS:
        return singular(view.lower[k])
    return None


def clause_unit(view: TokenView, j: int, sentence: int, state: State) -> str | None:
    """Subject of "12 were killed" (people) or "29 were lost" (the last counted noun).

    >>> import spacy
    >>> view = TokenView(spacy.blank("en")("12 were killed"))
    >>> clause_unit(view, 1, 0, State())
    'person'
    """
    if any(w in lexicon().casualty_words for w in view.lower[j + 1:j + 4]):
        return "person"
    return state.antecedent(sentence, 0)


