"""What a number measures: a unit or currency after it ("km", "-km", "dollars", "€"),
a group's strength ("40,000-strong force"), or a container's contents ("rounds of
ammunition").

>>> import spacy
>>> from claimscope.extractors.quantities.numbers import read_number
>>> view = TokenView(spacy.blank("en")("a 19-km bridge"))
>>> m = measure_after(view, read_number(view.lower, view.text, 1), 2, None, False)
>>> (m.unit, m.kind, m.end)
('km', 'length', 4)
"""

from __future__ import annotations

import attrs

from claimscope.extractors.quantities.lexicon import STOP_WORDS, lexicon
from claimscope.extractors.quantities.numbers import NumberRead, read_number
from claimscope.extractors.quantities.tokens import TokenView
from claimscope.extractors.quantities.units import currency_word_at, read_head, unit_at

__all__ = ["Measure", "area_follows", "container_unit", "kind_of", "measure_after",
           "unit_follows"]


_SINGLE_DURATION_OK = frozenset({"for", "within", "after", "in", "than", "last", "past", "next",
                                 "over", "about", "nearly", "almost", "around"})


@attrs.frozen
class Measure:
    """A unit found after a number: name, kind (or "veto"/"million"), end token.

    >>> Measure("km", "length", 3).kind
    'length'
    """

    unit: str | None
    kind: str
    end: int
    factor: float = 1.0
    #: Added after scaling: the cents of "3 dollars 50 cents".
    extra: float = 0.0


def measure_after(view: TokenView, num: NumberRead, j: int, currency: str | None,
                  approx: bool) -> Measure | None:
    """A currency or measurement unit right after the number ("km", "-km", "dollars").

    ``kind`` is "veto" when the words make the number no amount (a calibre, "-year-old"
    style compounds) and "million" for a bare "m" that scales a counted noun.
    """
    lower = view.lower
    if currency is not None:
        return Measure(currency, "money", j)
    if num.unit is not None:
        return Measure(num.unit[0], num.unit[1], j)
    word = currency_word_at(lower, j)
    if word is not None:
        return _money_tail(view, word[0], word[1])
    if j < view.n and not lower[j].isalpha() and lower[j] in lexicon().currency_symbols:
        return Measure(lexicon().currency_symbols[lower[j]], "money", j + 1)  # "1,200 €"
    hyphen = j + 1 < view.n and lower[j] == "-" and view.attached(j) and view.attached(j + 1)
    if hyphen and lower[j + 1] == "strong":
        return _strength(view, j + 2)
    unit = unit_at(lower, j + 1 if hyphen else j)
    if unit is None:
        return Measure(None, "veto", j) if hyphen else None
    name, kind, end = unit
    if name == "m" and (read_head(view, end) is not None or (
            view.attached(j) and end < view.n and lower[end] == "of")):
        return Measure(None, "million", end, 1e6)  # "1.5m people", "35m of its devices"
    if name in lexicon().calibre_units and any(
            w in lexicon().calibre_nouns for w in lower[end:end + 3]):
        return Measure(None, "veto", end)  # "155mm shells", "7.62-mm rounds"
    if name == "pound" and num.scaled:
        return Measure("gbp", "money", end)
    if num.value == 1 and not num.digits and kind == "duration" and not approx and (
            num.start == 0 or lower[num.start - 1] not in _SINGLE_DURATION_OK):
        return Measure(None, "veto", end)
    return Measure(name, kind, end)


def _money_tail(view: TokenView, code: str, k: int) -> Measure:
    """After a currency word: a scale ("75 USD million") or cents ("3 dollars 50 cents",
    "thirteen dollars and forty-five cents")."""
    lex = lexicon()
    if k < view.n and view.lower[k] in lex.scales:
        return Measure(code, "money", k + 1, factor=float(lex.scales[view.lower[k]]))
    m = k + 1 if k < view.n and view.lower[k] == "and" else k
    cents = read_number(view.lower, view.text, m) if m < view.n else None
    if cents is None or cents.vague or cents.fraction or not 0 < cents.value < 100:
        return Measure(code, "money", k)
    after = view.lower[cents.end] if cents.end < view.n else ""
    if after in ("cents", "cent"):
        return Measure(code, "money", cents.end + 1, extra=cents.value / 100)
    if after[:1].isalpha():
        return Measure(code, "money", k)  # "40 dollars and 3 people"
    return Measure(code, "money", cents.end, extra=cents.value / 100)


def _strength(view: TokenView, k: int) -> Measure:
    """"a 40,000-strong force": the members of the group named next."""
    if k < view.n and view.text[k][:1].isalpha() and view.lower[k] not in STOP_WORDS:
        noun = view.lower[k]
        head = read_head(view, k, singular_ok=True, max_modifiers=0)
        unit = lexicon().collectives.get(noun) or (head.unit if head is not None else noun)
        return Measure(unit, "count", k + 1)
    return Measure("person", "count", k)


def container_unit(view: TokenView, index: int, unit: str) -> tuple[str, int]:
    """"25 pieces of military equipment" → ("piece of military equipment", end).

    >>> import spacy
    >>> view = TokenView(spacy.blank("en")("25 pieces of military equipment"))
    >>> container_unit(view, 1, "piece")
    ('piece of military equipment', 5)
    """
    if unit not in lexicon().containers or index + 2 >= view.n or view.lower[index + 1] != "of":
        return unit, index + 1
    if unit_at(view.lower, index + 2) is not None:
        return unit, index + 1
    inner = _mass_noun(view, index + 2)
    if inner is None:
        head = read_head(view, index + 2, singular_ok=True)
        inner = head.index if head is not None else None
    if inner is None:
        return unit, index + 1
    words = " ".join(view.lower[index + 2:inner + 1]).replace(" - ", "-")
    return f"{unit} of {words}", inner + 1


def _mass_noun(view: TokenView, k: int) -> int | None:
    """A mass noun within two words: "of (military) equipment", "of ammunition"."""
    for m in range(k, min(k + 3, view.n)):
        if view.lower[m] in lexicon().mass_nouns:
            return m
        if view.lower[m] in STOP_WORDS or not view.text[m][:1].isalpha():
            return None
    return None


def unit_follows(view: TokenView, num: NumberRead) -> bool:
    """A unit or currency comes right after the number ("Dow +0.2%", "16 inch").

    >>> import spacy
    >>> from claimscope.extractors.quantities.numbers import read_number
    >>> view = TokenView(spacy.blank("en")("Pro 16 inch"))
    >>> unit_follows(view, read_number(view.lower, view.text, 1))
    True
    """
    j = num.end
    if j < view.n and view.lower[j] == "-" and view.attached(j):
        j += 1
    return num.unit is not None or (j < view.n and (
        unit_at(view.lower, j) is not None or currency_word_at(view.lower, j) is not None
        or view.lower[j] in lexicon().currency_symbols))


def area_follows(view: TokenView, j: int) -> bool:
    """An area unit starts at token ``j`` ("square metres").

    >>> import spacy
    >>> area_follows(TokenView(spacy.blank("en")("15 square metres")), 1)
    True
    """
    unit = unit_at(view.lower, j)
    return unit is not None and unit[1] == "area"


def kind_of(unit: str | None) -> str:
    """Kind of a unit found after "of" ("hundreds of kilometres"): count unless a unit.

    >>> kind_of("km"), kind_of("usd"), kind_of("tank")
    ('length', 'money', 'count')
    """
    lex = lexicon()
    if unit in lex.unit_kinds:
        return lex.unit_kinds[unit]
    return "money" if unit in lex.currency_codes else "count"


