"""How the words around a figure frame it: shares ("half of", "one in four"), figures
with nothing counted ("fell to 7,425.81"), periods ("over two days"), labels ("tanks – 4"),
years and bounds written after the number ("500+", "100 or more").

Helpers of :mod:`claimscope.extractors.quantities.scan`; each looks at a bounded window.

>>> import spacy
>>> from claimscope.extractors.quantities.numbers import read_number
>>> view = TokenView(spacy.blank("en")("one in four homes"))
>>> ratio(view, read_number(view.lower, view.text, 0))
(25.0, 3)
"""

from __future__ import annotations

import functools
import re

from claimscope.extractors.quantities.bounds import RANGE_CONNECTORS, approximator_before
from claimscope.extractors.quantities.lexicon import STOP_WORDS, lexicon
from claimscope.extractors.quantities.measures import unit_follows
from claimscope.extractors.quantities.numbers import NumberRead, read_number
from claimscope.extractors.quantities.tokens import TokenView
from claimscope.extractors.quantities.units import read_head, unit_at

__all__ = ["bare_amount", "has_digit", "label_before", "number_starts", "over_a_period",
           "ratio", "ratio_denominator", "skip_increment", "states_share", "trailing_bound",
           "year_context"]

#: Single-character class, no backtracking: cheap enough for every token.
_ORDINAL_BEFORE_HALF = frozenset({"first", "second", "latter", "other", "back", "front"})


has_digit = re.compile("[0-9]").search


@functools.cache
def number_starts() -> frozenset[str]:
    """Words that can begin a number ("two", "dozens", "half", "a", "$")."""
    lex = lexicon()
    return frozenset(
        set(lex.number_units) | set(lex.number_tens) | set(lex.vague) | set(lex.fractions)
        | set(lex.fraction_counters) | set(lex.currency_symbols) | {"a", "an", "several"})


#: After a fraction these make it a share: "half of", "half the shelters", "a third its size".
_SHARE_OF = frozenset({"of", "the", "its", "their", "his", "her"})


def states_share(view: TokenView, num: NumberRead, i: int) -> bool:
    """A fraction that states a share: "half of", "almost half", "one-half miles";
    not "the second half" or "a third drone"."""
    if i > 0 and view.lower[i - 1] in _ORDINAL_BEFORE_HALF:
        return False
    return (unit_follows(view, num) or approximator_before(view.lower, i) is not None
            or (num.end < view.n and view.lower[num.end] in _SHARE_OF))


_RATIO_NUMERATORS = frozenset(float(n) for n in range(1, 10))


def ratio(view: TokenView, num: NumberRead) -> tuple[float, int] | None:
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


def ratio_denominator(view: TokenView, i: int) -> bool:
    """The "four" of "one in four children" or "one out of three" is a ratio's base."""
    k = i - 1
    if k >= 1 and view.lower[k] == "of" and view.lower[k - 1] == "out":
        k -= 1
    if k < 1 or view.lower[k] not in ("in", "out"):
        return False
    before = view.lower[k - 1]
    if has_digit(before[:4]):
        return True
    return before in number_starts() and before not in ("a", "an", "half")


def trailing_bound(view: TokenView, j: int) -> tuple[int, str] | None:
    """End and qualifier of a bound written after a number, if there is one."""
    if j < view.n and view.lower[j] == "+" and view.attached(j):
        return j + 1, "more_than"
    qualifier = lexicon().trailing.get(tuple(view.lower[j:j + 2]))
    if qualifier is None or (view.lower[j] == "-" and not view.attached(j)):
        return None
    return j + 2, qualifier


def bare_amount(view: TokenView, num: NumberRead, j: int) -> tuple[str | None, int] | None:
    """A figure in digits with nothing counted after it ("the index fell to 7,425.81",
    "about 4,000 arrived by sea"): an amount of no unit, once dates, ids and codes are out."""
    lower, text = view.lower, view.text
    if not num.digits or (num.year_like and approximator_before(lower, num.start) is None):
        return None  # a bare "2019" is a year
    before = lower[num.start - 1] if num.start > 0 else ""
    after = text[j] if j < view.n else ""
    if _name_follows(view, j) and view.sent[j] == view.sent[num.start]:
        return None  # "12 Harbour Road", "787 Dreamliner", "15 Pro": part of a name
    if after[:1] in "+-−" and after[1:2].isdigit():
        return None  # "3 -1": a score or a code, not an amount
    if before == "(" and after == ")":
        return None  # "(4)": a jersey or list number
    if before == "," and num.start > 1 and text[num.start - 2][:1].isupper() \
            and after in (",", ".", ";"):
        return None  # "Petrov, 54, said": an age in apposition
    if before in RANGE_CONNECTORS and num.start > 1 and has_digit(lower[num.start - 2]):
        return None  # the far end of a range already rejected ("aged 18 to 34")
    return None, j


def _name_follows(view: TokenView, j: int) -> bool:
    """A title-case word ("Dreamliner", "Pro") or a lone capital before a number ("9 E 71st
    St") follows; all-capital symbols ("12 MPa", "0.5 WAR") may be units."""
    after = view.text[j] if j < view.n else ""
    if len(after) > 1 and after.isupper() and after.isalpha():
        return _name_follows(view, j + 1)  # "90049 ZIP Code", but "0.5 WAR" is a unit
    if len(after) > 1:
        return after[0].isupper() and after[1:].islower()
    return after.isupper() and j + 1 < view.n and view.lower[j + 1][:1].isdigit()


_LENGTH_WORDS = frozenset({"for", "in", "after", "of", "than", "since", "lasting", "lasted",
                           "took", "taken", "spent", "within", "to", "last", "lasts", "aged"})


def over_a_period(view: TokenView, approx: tuple[str, int] | None) -> bool:
    """"shelled the town over two days" says when, not how long: "over" is no bound
    there, unless a length is asked for ("for over two years", "in over a decade")."""
    if approx is None or view.lower[approx[1]] != "over":
        return False
    return approx[1] > 0 and view.lower[approx[1] - 1] not in _LENGTH_WORDS


def skip_increment(view: TokenView, j: int) -> int:
    """Step over a bracketed change after a figure: "9,715 (+4) tanks"."""
    if j + 2 < view.n and view.lower[j] == "(" and view.lower[j + 2] == ")" \
            and view.lower[j + 1][:1] in "+-−" and has_digit(view.lower[j + 1]):
        return j + 3
    return j


def label_before(view: TokenView, first: int) -> tuple[str, int] | None:
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


def year_context(view: TokenView, first: int, high: float | None) -> bool:
    """A four-digit number that reads as a year: after a preposition, a name or a
    possessive, or as a span of years ("between 1600 and 1900")."""
    if first == 0 or (high is not None and 1800 <= high <= 2100):
        return True
    prev = view.text[first - 1]
    return (view.lower[first - 1] in _YEAR_PREPS or prev[:1].isupper()
            or prev.endswith(("'s", "’s", "s'")) or not prev[:1].isalpha())


_YEAR_PREPS = frozenset({"in", "since", "until", "by", "before", "after", "of", "during", "from",
                         "to", "early", "late", "mid", "and", "the", "till", "through"})


