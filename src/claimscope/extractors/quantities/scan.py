"""The quantity grammar: approximator + number (or range) + unit or counted noun.

:func:`scan` walks the tokens once; at each token that can start a number it reads the
number, a range end, a unit or counted head, and the approximator before it, then jumps
past what it consumed. Every step looks at a bounded window, so the scan is linear.

>>> import spacy
>>> from claimscope.extractors.quantities.tokens import TokenView
>>> view = TokenView(spacy.blank("en")("Russia lost up to 40 tanks and about 5 km of land."))
>>> [(" ".join(view.text[q.start:q.end]), q.low, q.high, q.unit) for q in scan(view)]
[('up to 40 tanks', None, 40.0, 'tank'), ('about 5 km', 5.0, 5.0, 'km')]
"""

from __future__ import annotations

import attrs

from claimscope.extractors.quantities.anaphora import (
    State,
    bare_count,
    of_number,
    others_counted,
    referent_before,
)
from claimscope.extractors.quantities.bounds import (
    RANGE_CONNECTORS,
    approximator_before,
    bounds,
    ordered_ends,
)
from claimscope.extractors.quantities.context import is_age, not_an_amount
from claimscope.extractors.quantities.lexicon import STOP_WORDS, lexicon
from claimscope.extractors.quantities.measures import (
    Measure,
    area_follows,
    container_unit,
    kind_of,
    measure_after,
    unit_follows,
)
from claimscope.extractors.quantities.money import after_by, currency_letters, glued_money_range
from claimscope.extractors.quantities.numbers import NumberRead, read_number
from claimscope.extractors.quantities.phrasing import (
    bare_amount,
    has_digit,
    label_before,
    number_starts,
    over_a_period,
    ratio,
    ratio_denominator,
    skip_increment,
    states_share,
    trailing_bound,
    year_context,
)
from claimscope.extractors.quantities.tokens import TokenView
from claimscope.extractors.quantities.units import currency_word_at, read_head, unit_at

__all__ = ["Found", "scan"]

_PARTITIVE = frozenset({"the", "them", "those", "these", "its", "their", "our", "his", "her",
                        "whom", "which", "us", "your", "my"})
_PRONOUN_PARTITIVE = frozenset({"them", "whom", "us", "those", "these", "which"})


@attrs.frozen
class Found:
    """One quantity: token range, bounds, unit and kind (offsets come from the view).

    >>> Found(0, 2, 40.0, 40.0, "exact", "tank", "count").unit
    'tank'
    """

    start: int
    end: int
    low: float | None
    high: float | None
    qualifier: str
    unit: str | None
    kind: str


def _range_end(view: TokenView, first: NumberRead, opener: str | None,
               money: bool) -> NumberRead | None:
    """The second number of "20 to 25", "500-600", "between 60 and 70", "one or two"."""
    j = first.end
    if j + 1 >= view.n or first.vague or first.fraction:
        return None
    conn = view.lower[j]
    allowed = {"between": {"and", "to"}, "from": {"to", "-", "–"}}.get(opener or "",
                                                                   RANGE_CONNECTORS)
    if conn not in allowed or (conn == "or" and first.digits != view.lower[j + 1][:1].isdigit()):
        return None
    k, skip = j + 1, 0
    if conn == "to" and after_by(view, first.start) and \
            view.lower[k] in lexicon().currency_symbols:
        return None  # "rose by $43.6 billion to $419.2 billion": a change, then a level
    if view.lower[k] in lexicon().currency_symbols:
        letters = currency_letters(view.lower[k], view.lower[k + 1]) \
            if k + 1 < view.n else None
        skip = letters[1] if letters is not None else 0  # "and $US171 million"
        k += 1
    if k >= view.n:
        return None
    second = read_number(view.lower, view.text, k, money=money, skip=skip)
    if second is None or second.vague or second.fraction or (
            second.digits and not_an_amount(view, second.start, second.end)
            and view.lower[second.start - 1] not in RANGE_CONNECTORS | {"and"}):
        return None
    return second




def _superlative(view: TokenView, start: int, end: int) -> bool:
    """"one of the largest attacks" names a rank, not a share."""
    return any(w.endswith("est") or w == "most" for w in view.lower[start:end])


def _counted(view: TokenView, num: NumberRead, j: int, state: State
             ) -> tuple[str | None, int] | None:
    """The counted noun after the number, or after "of" for vague and partitive forms."""
    lower = view.lower
    if num.vague and j + 2 < view.n and lower[j] == "," and lower[j + 1] in ("if", "or"):
        # "Dozens, if not hundreds, of civilians": the aside closes with ", of"
        close = next((k for k in range(j + 2, min(j + 7, view.n - 1))
                      if lower[k] == "," and lower[k + 1] == "of"), None)
        j = close + 1 if close is not None else j
    if j < view.n and lower[j] == "more":
        head = read_head(view, j + 1)  # "hundreds more soldiers"
        return (head.unit, head.index + 1) if head is not None else None
    if j + 1 < view.n and lower[j] == "of":
        return _after_of(view, num, j, state)
    if num.vague and lower[num.start] == "scores":
        return None  # "scores" alone is sport; only "scores of" counts
    singular = num.value == 1 and not num.vague and not num.scaled
    head = read_head(view, j, singular_ok=singular)
    if head is None:
        return None
    return container_unit(view, head.index, head.unit)


def _after_of(view: TokenView, num: NumberRead, j: int, state: State
              ) -> tuple[str | None, int] | None:
    """Partitives ("three of the missiles", "two of them", "38 of 42 drones") and vague
    magnitudes ("dozens of houses", "hundreds of kilometres"); ``j`` is at "of"."""
    lower = view.lower
    det = lower[j + 1]
    if num.digits and det[:1].isdigit():
        return of_number(view, j + 1, j, state)  # "38 of 42 drones"
    if det in _PARTITIVE and j + 2 < view.n and (
            lower[j + 2] in number_starts() or lower[j + 2][:1].isdigit()):
        return of_number(view, j + 2, j, state)  # "two of the five hostages"
    if det in _PRONOUN_PARTITIVE:
        head = read_head(view, j + 2, max_modifiers=0) if det == "them" else None
        if head is not None:
            return head.unit, head.index + 1  # "14 of them children"
        if det == "which":  # "the shells, about 300,000 of which": things, not people
            return state.antecedent(view.sent[j]) or referent_before(view, num.start), j + 2
        return state.antecedent(view.sent[j]) or "person", j + 2
    owner = j + 2 < view.n and view.lower[j + 2] in ("'s", "’s") and view.is_title(j + 1)
    if owner and j + 3 < view.n and view.lower[j + 3][:1].isdigit():
        return of_number(view, j + 3, j, state)  # "1.7 million of Gaza's 2.3 million people"
    if det in _PARTITIVE or owner:
        # "one of the shells" singles one out; only larger partitives count.
        # "two of Russia's warships": a possessive name is a determiner too.
        first_word = j + 3 if owner else j + 2
        head = read_head(view, first_word) if num.value != 1 else None
        if head is None or _superlative(view, first_word, head.index + 1):
            return None
        return head.unit, head.index + 1
    if not num.vague:
        return None
    word = currency_word_at(lower, j + 1)
    if word is not None:
        return word[0], word[1]
    unit = unit_at(lower, j + 1)  # "hundreds of kilometres"
    if unit is not None:
        return unit[0], unit[2]
    head = read_head(view, j + 1)
    return (head.unit, head.index + 1) if head is not None else None


def _one_at(view: TokenView, i: int) -> NumberRead | None:
    """"a"/"an" as one, after an approximator: "less than a kilometre"."""
    if view.lower[i] in ("a", "an") and approximator_before(view.lower, i) is not None \
            and unit_at(view.lower, i + 1) is not None:
        return NumberRead(1.0, i, i + 1)
    return None


def _number_at(view: TokenView, i: int, skip: int = 0
               ) -> tuple[NumberRead, str | None] | None:
    lower, lex = view.lower, lexicon()
    currency = lex.currency_symbols.get(lower[i])
    k = i
    if currency is not None:
        if i + 1 >= view.n:
            return None
        letters = currency_letters(lower[i], lower[i + 1])
        if letters is not None:
            currency, skip = letters  # "$US113 trillion", "$A82,615,680"
        elif not lower[i + 1].lstrip("+-−")[:1].isdigit():
            return None  # "$5", "$-50.8bn"
        k = i + 1
    num = read_number(lower, view.text, k, money=currency is not None, skip=skip) \
        or _one_at(view, k)
    if num is None:
        return None
    currency = currency or num.currency
    if num.digits and currency is None and not_an_amount(
            view, num.start, num.end, unit_follows(view, num)):
        return None
    if not num.digits and is_age(view, num.end):
        return None  # "a nine-year-old girl"
    if num.fraction and not states_share(view, num, i):
        return None
    if ratio_denominator(view, i) and unit_at(lower, num.end) is None:
        return None  # the "four" of "one in four"; "12 in 24 hours" keeps its hours
    return num, currency






def _glued(view: TokenView, i: int) -> Found | None:
    glued = glued_money_range(view, i)
    if glued is None:
        return None
    start, end, low, high, currency = glued
    return Found(start, end, low, high, "range", currency, "money")


def _unit_range(view: TokenView, num: NumberRead, first: int, measure: Measure
                ) -> tuple[float, float, int, int] | None:
    """"10% to 15%", "between 5 km and 10 km": a range with the unit written twice."""
    opener = view.lower[first - 1] if first > 0 else ""
    opener = opener if opener in lexicon().range_openers else ""
    j = measure.end
    if j + 1 >= view.n or view.lower[j] not in {"between": {"and", "to"}, "from": {"to", "-"}}.get(
            opener, RANGE_CONNECTORS - {"or"}):
        return None
    second = read_number(view.lower, view.text, j + 1)
    if second is None or second.vague or second.fraction:
        return None
    again = measure_after(view, second, second.end, None, False)
    ordered = ordered_ends(num.value, second.value, opener or "unit")
    if again is None and opener == "from" and _stands_alone(view, second.end):
        again = attrs.evolve(measure, end=second.end)  # "from 208 pounds to 193"
    if again is None or again.unit != measure.unit or ordered is None:
        return None
    return ordered[0], ordered[1], again.end, first - 1 if opener else first


def _stands_alone(view: TokenView, j: int) -> bool:
    """Nothing counted follows token ``j``: the end of a clause or a function word."""
    return j >= view.n or not view.lower[j][:1].isalpha() or view.lower[j] in STOP_WORDS




def _quantity_at(view: TokenView, i: int, state: State) -> Found | None:
    word = view.lower[i]
    # Digits may follow a sign, "~", "." or a currency prefix ("+0.2", "HK$5.4", "USD10m").
    if not (word in number_starts() or has_digit(word[:7])
            or word.startswith(("minus-", "sub-"))):
        return None
    below = word.startswith("sub-") and word[4:5].isdigit()  # "sub-300 sq m offices"
    got = _number_at(view, i, skip=4 if below else 0)
    if got is None:
        return _glued(view, i)
    num, currency = got
    first = i
    share = ratio(view, num) if currency is None else None
    if share is not None:
        approx = approximator_before(view.lower, first)
        start = approx[1] if approx is not None else first
        qualifier = approx[0] if approx is not None else "exact"
        low, top = bounds(qualifier, share[0])
        return Found(start, share[1], low, top, qualifier, "percent", "percent")
    opener = view.lower[i - 1] if i > 0 and view.lower[i - 1] in lexicon().range_openers else None
    second = _range_end(view, num, opener, currency is not None)
    value, high = num.value, None
    j = num.end
    if second is not None:
        if second.scale > 1 and num.scale == 1 and num.value * second.scale <= second.value:
            value = num.value * second.scale  # "four to five thousand", "1 to 2 million"
        high, j = second.value, second.end
        ordered = ordered_ends(value, high, opener)
        if ordered is None:
            return None
        value, high = ordered
        if opener is not None:
            first = i - 1
    if first > 0 and view.lower[first - 1] == "minus" and currency is None:
        value, high, first = -value, (-high if high is not None else None), first - 1
        if high is not None:
            value, high = high, value
    approx = ("less_than", first) if below else approximator_before(view.lower, first)
    if approx is not None and view.lower[approx[1]] == "over" and area_follows(view, j):
        approx = None  # "a fire broke out over 15,000 square metres" is spatial.
    trailing = trailing_bound(view, j) if high is None else None
    if trailing is not None and (approx is None or approx[0] == "about"):
        j, approx = trailing[0], (trailing[1], approx[1] if approx else first)
    return _finish(view, num, currency, first, j, value, high, approx, state)


def _finish(view: TokenView, num: NumberRead, currency: str | None, first: int, j: int,
            value: float, high: float | None, approx: tuple[str, int] | None,
            state: State) -> Found | None:
    measure = measure_after(view, num, j, currency, approx is not None)
    unit: str | None
    if measure is not None and measure.kind == "veto":
        return None
    if measure is not None and measure.kind == "million":
        value, high = value * 1e6, high * 1e6 if high is not None else None
        begin = approx[1] if approx is not None else first
        counted = _counted(view, num, measure.end, state) or bare_count(
            view, num, begin, measure.end, state)  # "1.5m have fled"
        if counted is None:
            return None
        unit, end, kind = counted[0], counted[1], kind_of(counted[0])
    elif measure is not None:
        unit, end, kind = measure.unit, measure.end, measure.kind
        value = value * measure.factor + measure.extra
        high = high * measure.factor if high is not None else None
        if num.fraction:
            value = value / 100  # "one-half miles": a share of the unit, not a percentage
        if high is None:
            upper = _unit_range(view, num, first, measure)
            if upper is not None:
                value, high, end, first = upper
                approx = approximator_before(view.lower, first)
    elif num.fraction:
        unit, end, kind = "percent", num.end, "percent"
        _remember_whole(view, num.end, state)
    else:
        begin = approx[1] if approx is not None else first
        j = skip_increment(view, j)
        counted = _counted(view, num, j, state) or bare_count(view, num, begin, j, state)
        label = None if counted is not None or approx is not None else label_before(view, first)
        if label is not None:
            counted, first = (label[0], j), label[1]  # "tanks – 4"
        if counted is None:
            counted = bare_amount(view, num, j)
            earlier = state.antecedent(view.sent[num.start], 0)
            if counted is not None and earlier is not None:
                # "197 trucks entered, compared with 500 a day": the sentence's counted noun
                counted = earlier, counted[1]
        if counted is None:
            return None
        unit, end = counted
        if unit == "person" and view.lower[end - 1] == "others":
            unit = others_counted(view, begin, state) or unit
        kind = kind_of(unit) if unit is not None else "other"
    if num.year_like and measure is None and year_context(view, first, high):
        return None
    if num.vague or (kind == "duration" and over_a_period(view, approx)):
        approx = None  # "dozens" keeps its SCHEMA bound; "over hundreds of km" is spatial
    start = approx[1] if approx is not None else first
    qualifier = _qualifier(num, high, approx)
    low, top = bounds(qualifier, value, high)
    return Found(start, end, low, top, qualifier, unit, kind)


def _remember_whole(view: TokenView, j: int, state: State) -> None:
    """"Two-thirds of the hospitals …, and only 17 of 36 function": the share names what
    later bare figures count."""
    if j + 2 < view.n and view.lower[j] == "of" and view.lower[j + 1] in _PARTITIVE:
        head = read_head(view, j + 2)
        if head is not None:
            state.unit, state.sentence = head.unit, view.sent[head.index]


def _qualifier(num: NumberRead, high: float | None, approx: tuple[str, int] | None) -> str:
    if high is not None:
        return "range"
    if num.vague:
        return "vague"
    if approx is not None:
        return approx[0]
    return num.qualifier or "exact"


def scan(view: TokenView) -> list[Found]:
    """Every quantity in the view, left to right, non-overlapping."""
    found: list[Found] = []
    state = State()
    i = 0
    while i < view.n:
        hit = _quantity_at(view, i, state)
        if hit is None:
            i += 1
            continue
        found.append(hit)
        if hit.kind == "count" and hit.unit is not None:
            state.unit, state.sentence = hit.unit, view.sent[hit.end - 1]
        i = max(hit.end, i + 1)
    return found
