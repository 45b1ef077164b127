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

import functools
import re

import attrs

from claimscope.extractors.quantities.anaphora import (
    State,
    bare_count,
    of_number,
)
from claimscope.extractors.quantities.bounds import RANGE_CONNECTORS, approximator_before, bounds
from claimscope.extractors.quantities.context import not_an_amount
from claimscope.extractors.quantities.lexicon import STOP_WORDS, lexicon
from claimscope.extractors.quantities.measures import (
    Measure,
    area_follows,
    container_unit,
    kind_of,
    measure_after,
    unit_follows,
)
from claimscope.extractors.quantities.numbers import NumberRead, read_number
from claimscope.extractors.quantities.tokens import TokenView
from claimscope.extractors.quantities.units import currency_word_at, read_head, unit_at

__all__ = ["Found", "scan"]

_PARTITIVE = frozenset({"the", "them", "those", "these", "its", "their", "our", "his", "her",
                        "whom", "which", "us", "your", "my"})
_PRONOUN_PARTITIVE = frozenset({"them", "whom", "us", "those", "these", "which"})
_ORDINAL_BEFORE_HALF = frozenset({"first", "second", "latter", "other", "back", "front"})


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


#: Single-character class, no backtracking: cheap enough for every token.
_has_digit = re.compile("[0-9]").search


@functools.cache
def _starts() -> frozenset[str]:
    """Words that can begin a number ("two", "dozens", "half", "a", "$")."""
    lex = lexicon()
    return frozenset(
        set(lex.number_units) | set(lex.number_tens) | set(lex.vague) | set(lex.fractions)
        | set(lex.fraction_counters) | set(lex.currency_symbols) | {"a", "an", "several"})


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
    k = j + 1
    if view.lower[k] in lexicon().currency_symbols:
        k += 1
    if k >= view.n:
        return None
    second = read_number(view.lower, view.text, k, money=money)
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
            lower[j + 2] in _starts() or lower[j + 2][:1].isdigit()):
        return of_number(view, j + 2, j, state)  # "two of the five hostages"
    if det in _PRONOUN_PARTITIVE:
        head = read_head(view, j + 2, max_modifiers=0) if det == "them" else None
        if head is not None:
            return head.unit, head.index + 1  # "14 of them children"
        return state.antecedent(view.sent[j]) or "person", j + 2
    if det in _PARTITIVE:
        # "one of the shells" singles one out; only larger partitives count.
        head = read_head(view, j + 2) if num.value != 1 else None
        if head is None or _superlative(view, j + 2, head.index + 1):
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


def _number_at(view: TokenView, i: int) -> tuple[NumberRead, str | None] | None:
    lower, lex = view.lower, lexicon()
    currency = lex.currency_symbols.get(lower[i])
    k = i
    if currency is not None:
        if i + 1 >= view.n or not lower[i + 1].lstrip("+-−")[:1].isdigit():
            return None  # "$5", "$-50.8bn"
        k = i + 1
    num = read_number(lower, view.text, k, money=currency is not None) or _one_at(view, k)
    if num is None:
        return None
    currency = currency or num.currency
    if num.digits and currency is None and not_an_amount(
            view, num.start, num.end, unit_follows(view, num)):
        return None
    if num.fraction and not _share(view, num, i):
        return None
    if _ratio_denominator(view, i) and unit_at(lower, num.end) is None:
        return None  # the "four" of "one in four"; "12 in 24 hours" keeps its hours
    return num, currency


def _share(view: TokenView, num: NumberRead, i: int) -> bool:
    """A fraction that states a share: "half of", "almost half", "one-half miles";
    not "the second half" or "a third drone"."""
    if i > 0 and view.lower[i - 1] in _ORDINAL_BEFORE_HALF:
        return False
    return (unit_follows(view, num) or approximator_before(view.lower, i) is not None
            or (num.end < view.n and view.lower[num.end] == "of"))


_RATIO_NUMERATORS = frozenset(float(n) for n in range(1, 10))


def _ratio(view: TokenView, num: NumberRead) -> tuple[float, int] | None:
    """"one in four", "1 in 5", "one out of three": a share, as a percentage and the
    end of the phrase; the counted noun after it is what the share is of."""
    lower, j = view.lower, num.end
    if num.vague or num.fraction or j + 1 >= view.n:
        return None
    k = j + 1 if lower[j] == "in" else j + 2 if lower[j:j + 2] == ["out", "of"] else None
    if k is None or k >= view.n:
        return None
    base = read_number(lower, view.text, k)
    if base is None or base.vague or base.fraction or base.scaled or not \
            0 < num.value < base.value <= 1000 or num.value not in _RATIO_NUMERATORS \
            or unit_at(lower, base.end) is not None:
        return None  # "12 in 24 hours" is no share
    return round(num.value / base.value * 100, 6), base.end


def _ratio_denominator(view: TokenView, i: int) -> bool:
    """The "four" of "one in four children" or "one out of three" is a ratio's base."""
    k = i - 1
    if k >= 1 and view.lower[k] == "of" and view.lower[k - 1] == "out":
        k -= 1
    if k < 1 or view.lower[k] not in ("in", "out"):
        return False
    before = view.lower[k - 1]
    if _has_digit(before[:4]):
        return True
    return before in _starts() and before not in ("a", "an", "half")


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
    ordered = _ordered(num.value, second.value, opener or "unit")
    if again is None or again.unit != measure.unit or ordered is None:
        return None
    return ordered[0], ordered[1], again.end, first - 1 if opener else first


def _ordered(low: float, high: float, opener: str | None) -> tuple[float, float] | None:
    """The two ends of a range, low first; a falling pair only after "from"/"between" or
    with units ("from -18 °C to -34 °C"), since "3-1" is a score."""
    if high > low:
        return low, high
    if high < low and opener is not None:
        return high, low
    return None


def _quantity_at(view: TokenView, i: int, state: State) -> Found | None:
    word = view.lower[i]
    # Digits may follow a sign, "~", "." or a currency prefix ("+0.2", "HK$5.4", "USD10m").
    if not (word in _starts() or _has_digit(word[:4]) or word.startswith("minus-")):
        return None
    got = _number_at(view, i)
    if got is None:
        return None
    num, currency = got
    first = i
    ratio = _ratio(view, num) if currency is None else None
    if ratio is not None:
        approx = approximator_before(view.lower, first)
        start = approx[1] if approx is not None else first
        qualifier = approx[0] if approx is not None else "exact"
        low, top = bounds(qualifier, ratio[0])
        return Found(start, ratio[1], low, top, qualifier, "percent", "percent")
    opener = view.lower[i - 1] if i > 0 and view.lower[i - 1] in lexicon().range_openers else None
    second = _range_end(view, num, opener, currency is not None)
    value, high = num.value, None
    j = num.end
    if second is not None:
        if second.scale > 1 and num.scale == 1 and num.value * second.scale <= second.value:
            value = num.value * second.scale  # "four to five thousand", "1 to 2 million"
        high, j = second.value, second.end
        ordered = _ordered(value, high, opener)
        if ordered is None:
            return None
        value, high = ordered
        if opener is not None:
            first = i - 1
    if first > 0 and view.lower[first - 1] == "minus" and currency is None:
        value, high, first = -value, (-high if high is not None else None), first - 1
        if high is not None:
            value, high = high, value
    approx = approximator_before(view.lower, first)
    if approx is not None and view.lower[approx[1]] == "over" and area_follows(view, j):
        approx = None  # "a fire broke out over 15,000 square metres" is spatial.
    trailing = _trailing_bound(view, j) if high is None else None
    if trailing is not None and (approx is None or approx[0] == "about"):
        j, approx = trailing[0], (trailing[1], approx[1] if approx else first)
    return _finish(view, num, currency, first, j, value, high, approx, state)


def _trailing_bound(view: TokenView, j: int) -> tuple[int, str] | None:
    """End and qualifier of a bound written after a number, if there is one."""
    if j < view.n and view.lower[j] == "+" and view.attached(j):
        return j + 1, "more_than"
    qualifier = lexicon().trailing.get(tuple(view.lower[j:j + 2]))
    if qualifier is None or (view.lower[j] == "-" and not view.attached(j)):
        return None
    return j + 2, qualifier


def _finish(view: TokenView, num: NumberRead, currency: str | None, first: int, j: int,
            value: float, high: float | None, approx: tuple[str, int] | None,
            state: State) -> Found | None:
    measure = measure_after(view, num, j, currency, approx is not None)
    unit: str | None
    if measure is not None and measure.kind == "veto":
        return None
    if measure is not None and measure.kind == "million":
        value, high = value * 1e6, high * 1e6 if high is not None else None
        counted = _counted(view, num, measure.end, state)
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
    else:
        begin = approx[1] if approx is not None else first
        j = _skip_increment(view, j)
        counted = _counted(view, num, j, state) or bare_count(view, num, begin, j, state)
        label = None if counted is not None or approx is not None else _label_before(view, first)
        if label is not None:
            counted, first = (label[0], j), label[1]  # "tanks – 4"
        if counted is None:
            counted = _bare_amount(view, num, j)
        if counted is None:
            return None
        unit, end = counted
        kind = kind_of(unit) if unit is not None else "other"
    if num.year_like and measure is None and _year_context(view, first, high):
        return None
    if num.vague or (kind == "duration" and _over_a_period(view, approx)):
        approx = None  # "dozens" keeps its SCHEMA bound; "over hundreds of km" is spatial
    start = approx[1] if approx is not None else first
    qualifier = _qualifier(num, high, approx)
    low, top = bounds(qualifier, value, high)
    return Found(start, end, low, top, qualifier, unit, kind)


def _bare_amount(view: TokenView, num: NumberRead, j: int) -> tuple[str | None, int] | None:
    """A figure in digits with nothing counted after it ("the index fell to 7,425.81",
    "about 1000 come from Asia"): an amount of no unit, once dates, ids and codes are out."""
    lower, text = view.lower, view.text
    if not num.digits or (num.year_like and approximator_before(lower, num.start) is None):
        return None  # a bare "2019" is a year
    before = lower[num.start - 1] if num.start > 0 else ""
    after = text[j] if j < view.n else ""
    if _name_follows(view, j) and view.sent[j] == view.sent[num.start]:
        return None  # "358 El Brillo Way", "787 Dreamliner", "11 Pro": part of a name
    if before == "(" and after == ")":
        return None  # "(4)": a jersey or list number
    if before == "," and num.start > 1 and text[num.start - 2][:1].isupper() \
            and after in (",", ".", ";"):
        return None  # "Senard, 65, said": an age in apposition
    if before in RANGE_CONNECTORS and num.start > 1 and _has_digit(lower[num.start - 2]):
        return None  # the far end of a range already rejected ("aged 18 to 34")
    return None, j


def _name_follows(view: TokenView, j: int) -> bool:
    """A title-case word ("Dreamliner", "Pro") or a lone capital before a number ("9 E 71st
    St") follows; all-capital symbols ("12 MPa", "0.5 WAR") may be units."""
    after = view.text[j] if j < view.n else ""
    if len(after) > 1:
        return after[0].isupper() and after[1:].islower()
    return after.isupper() and j + 1 < view.n and _has_digit(view.lower[j + 1][:1])


_LENGTH_WORDS = frozenset({"for", "in", "after", "of", "than", "since", "lasting", "lasted",
                           "took", "taken", "spent", "within", "to", "last", "lasts", "aged"})


def _over_a_period(view: TokenView, approx: tuple[str, int] | None) -> bool:
    """"shelled the town over two days" says when, not how long: "over" is no bound
    there, unless a length is asked for ("for over two years", "in over a decade")."""
    if approx is None or view.lower[approx[1]] != "over":
        return False
    return approx[1] > 0 and view.lower[approx[1] - 1] not in _LENGTH_WORDS


def _skip_increment(view: TokenView, j: int) -> int:
    """Step over a bracketed change after a figure: "9,715 (+4) tanks"."""
    if j + 2 < view.n and view.lower[j] == "(" and view.lower[j + 2] == ")" \
            and view.lower[j + 1][:1] in "+-−" and _has_digit(view.lower[j + 1]):
        return j + 3
    return j


def _label_before(view: TokenView, first: int) -> tuple[str, int] | None:
    """A figure listed after its noun: "tanks – 4", "personnel: 1,380"."""
    if first < 2 or view.lower[first - 1] not in ("–", "—", "-", ":"):
        return None
    head = read_head(view, first - 2, max_modifiers=0)
    if head is None or head.index != first - 2:
        return None
    start = first - 2
    before = view.lower[start - 1] if start > 0 else ""
    if before[:1].isalpha() and before not in STOP_WORDS and before + " " + head.unit in (
            lexicon().compounds):
        return f"{before} {head.unit}", start - 1  # "artillery systems – 21"
    return head.unit, start


def _year_context(view: TokenView, first: int, high: float | None) -> bool:
    """A four-digit number that reads as a year: after a preposition, a name or a
    possessive, or as a span of years ("between 1600 and 1900")."""
    if first == 0 or (high is not None and 1800 <= high <= 2100):
        return True
    prev = view.text[first - 1]
    return (view.lower[first - 1] in _YEAR_PREPS or prev[:1].isupper()
            or prev.endswith(("'s", "’s", "s'")) or not prev[:1].isalpha())


_YEAR_PREPS = frozenset({"in", "since", "until", "by", "before", "after", "of", "during", "from",
                         "to", "early", "late", "mid", "and", "the", "till", "through"})


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
