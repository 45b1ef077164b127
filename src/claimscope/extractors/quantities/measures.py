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
from claimscope.extractors.quantities.numbers import NumberRead, read_digit_token, read_number
from claimscope.extractors.quantities.tokens import TokenView
from claimscope.extractors.quantities.units import currency_word_at, read_head, unit_at

__all__ = ["Measure", "area_follows", "container_unit", "kind_of", "measure_after",
           "unit_follows", "unit_here"]


#: Spelled-out numbers that may start the second part of "five feet two inches".
_WORDS = frozenset(lexicon().number_units) | frozenset(lexicon().number_tens)
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


#: After a glued "m" these make it millions, not metres: "35m of its devices", "1.5m have
#: fled".
_AFTER_MILLIONS = frozenset({"of", "have", "had", "were", "are", "fled", "remain", "live",
                             "lack", "need", "left"})


def measure_after(view: TokenView, num: NumberRead, j: int, currency: str | None,
                  approx: bool) -> Measure | None:
    """A currency or measurement unit right after the number ("km", "-km", "dollars").

    ``kind`` is "veto" when the words make the number no amount (a calibre, "-year-old"
    style compounds) and "million" for a bare "m" that scales a counted noun.
    """
    lower = view.lower
    lex = lexicon()
    if currency is not None:
        return _money(view, num, j, currency)
    if num.unit is not None:
        return _attached(view, num.start, num.unit, j)
    if j - 1 > num.start and view.text[j - 1][:1].isdigit():
        last = read_digit_token(view.text[j - 1])  # a range's unit on its end: "5-10W"
        if last is not None and last.unit is not None and last.unit[1] != "money":
            return _attached(view, j - 1, last.unit, j)
    word = currency_word_at(lower, j)
    if word is not None and not (lower[j] in lex.lowercase_words and view.is_title(j)):
        return _money_tail(view, word[0], word[1])  # "470 pence"; not "one Pence said"
    if j < view.n and not lower[j].isalpha() and lower[j] in lex.currency_symbols:
        return _money_tail(view, lex.currency_symbols[lower[j]], j + 1)  # "1,200 €"
    scaled = _scaled_code(view, j)
    if scaled is not None:
        return scaled
    hyphen = j + 1 < view.n and lower[j] == "-" and view.attached(j) and view.attached(j + 1)
    if hyphen and lower[j + 1] == "strong":
        return _strength(view, j + 2)
    if hyphen and not num.scaled and (word := currency_word_at(lower, j + 1)) is not None:
        return Measure(word[0], "money", word[1])  # "a 12-cent dividend", "one-yen bid"
    unit = unit_here(view, j + 1 if hyphen else j) or _bracketed(view, j) or _inch(view, num, j)
    if unit is None:
        return Measure(None, "veto", j) if hyphen else None
    name, kind, end = unit
    if name == "m" and (read_head(view, end) is not None or (
            view.attached(j) and end < view.n and lower[end] in _AFTER_MILLIONS)):
        return Measure(None, "million", end, 1e6)  # "1.5m people", "35m of its devices"
    if name in lex.calibre_units and any(
            w in lex.calibre_nouns for w in lower[end:end + 3]):
        return Measure(None, "veto", end)  # "155mm shells", "7.62-mm rounds"
    if name == "pound" and num.scaled:
        return Measure("gbp", "money", end)
    if num.value == 1 and not num.digits and kind == "duration" and not approx and (
            num.start == 0 or lower[num.start - 1] not in _SINGLE_DURATION_OK):
        return Measure(None, "veto", end)
    return _compound(view, Measure(name, kind, end))


def unit_here(view: TokenView, k: int) -> tuple[str, str, int] | None:
    """The unit at token ``k``: a case-sensitive symbol ("W", "Nm", "PS"; those with a
    context list only near one of its words) or a lower-case alias, longest first.

    >>> import spacy
    >>> unit_here(TokenView(spacy.blank("en")("450 Nm of torque")), 1)
    ('newton metre', 'other', 2)
    >>> unit_here(TokenView(spacy.blank("en")("Block 12 C was hit")), 2) is None
    True
    """
    if k >= view.n:
        return None
    hit = unit_at(view.lower, k)
    if hit is not None and hit[2] > k + 1:
        return hit
    lex = lexicon()
    if k + 1 < view.n and (view.lower[k + 1] == "/" or view.lower[k] in lex.unit_openers):
        # "0.5 μSv/h." or "3 sq km." split by the tokenizer, the full stop on the last piece
        window = view.lower[k:k + lex.max_phrase]
        dotted = next((m for m, w in enumerate(window) if len(w) > 1 and w.endswith(".")), 0)
        if dotted and (k + dotted + 1 == view.n or view.is_title(k + dotted + 1)):
            window[dotted] = window[dotted][:-1]
            longer = unit_at(window[:dotted + 1], 0)
            if longer is not None and longer[2] == dotted + 1:
                return longer[0], longer[1], k + longer[2]
    text = view.text[k]
    symbols = lexicon().unit_symbols
    # "fell to 12 C." keeps its full stop on the symbol.
    symbol = symbols.get(text) or (symbols.get(text[:-1]) if text[-1:] == "." else None)
    if symbol is None:
        attached = lexicon().attached_units.get(text) if view.attached(k) else None
        if hit is None and attached is None and len(text) > 1 and text[-1] == "." \
                and (k + 1 == view.n or view.is_title(k + 1)) \
                and (bare := unit_at([view.lower[k][:-1]], 0)):
            return bare[0], bare[1], k + 1  # "in 24 h." at the end of a sentence
        return hit or (None if attached is None else (*attached, k + 1))  # "100 t" split
    return (*symbol, k + 1) if _in_context(view, k, symbol[0]) else None


def _in_context(view: TokenView, k: int, unit: str) -> bool:
    """A word of the unit's context list within 12 tokens ("12 C" near "temperature")."""
    words = lexicon().unit_contexts.get(unit)
    return words is None or any(w in words for w in view.lower[max(0, k - 12):k + 12])


def _tail(text: str) -> str:
    """What a digit token carries after its last digit: "40C." → "C", "3923sq" → "sq"."""
    text = text[:-1] if text.endswith(".") else text
    k = len(text)
    while k > 0 and not text[k - 1].isdigit():
        k -= 1
    return text[k:]


def _attached(view: TokenView, index: int, unit: tuple[str, str], j: int) -> Measure | None:
    """The unit written onto the digits of token ``index``, extended by the next token
    when they make a longer unit ("3923sq m", "1.19deg C"); symbols with a context need
    it ("40C")."""
    name, kind = unit
    tail = _tail(view.text[index])
    if j < view.n:
        longer = unit_at([tail.lower(), *view.lower[j:j + 3]], 0)
        if longer is not None and longer[2] > 1:
            return _compound(view, Measure(longer[0], longer[1], j + longer[2] - 1))
    if kind == "partial":
        return None
    lex = lexicon()
    if tail in lex.unit_symbols and tail not in lex.attached_units \
            and not _in_context(view, index, name):
        return Measure(None, "veto", j)  # "Apartment 5C", "Route 40F"
    return _compound(view, Measure(name, kind, j))


def _money(view: TokenView, num: NumberRead, j: int, currency: str) -> Measure:
    """Money after a currency prefix: "HK $5.4m" (a country before "$" names the dollar),
    "USD10m." (a scale with a full stop); "PS5" is a console, not five pounds."""
    lex = lexicon()
    lower = view.lower
    factor = 1.0
    if not num.scaled and j < view.n and lower[j].endswith(".") \
            and lower[j][:-1] in lex.scale_abbreviations:
        factor, j = float(lex.scale_abbreviations[lower[j][:-1]]), j + 1
    elif not num.scaled and view.attached(j) and view.text[j] in lex.scale_symbols:
        factor, j = lex.scale_symbols[view.text[j]], j + 1  # "$2.174T" split by the tokenizer
    text = view.text[num.start]
    letters = text[:next((k for k, c in enumerate(text) if not c.isalpha()), len(text))]
    if letters and letters.lower() not in lex.currency_codes and not num.scaled \
            and factor == 1.0 and sum(c.isdigit() for c in text) == 1 and "." not in text:
        return Measure(None, "veto", j)
    k = num.start - 1
    country = view.text[k - 1] if k >= 1 else ""
    # "HK $5.4m", "S $1mil", "US $473 million"; not the article of "A $100 fine".
    if country.isupper() and country.isalpha() and country != "A" \
            and lex.currency_symbols.get(lower[k]) == currency \
            and (combined := lex.currency_symbols.get(lower[k - 1] + lower[k])) is not None:
        currency = combined
    return Measure(currency, "money", j, factor=factor)


def _scaled_code(view: TokenView, j: int) -> Measure | None:
    """A currency code with a scale letter: "30 MUSD", "120 MEUR", "5 kUSD"."""
    if j >= view.n:
        return None
    text = view.text[j]
    factor = lexicon().code_multipliers.get(text[:1])
    code = text[1:]
    if factor is None or len(code) != 3 or not code.isupper() \
            or code.lower() not in lexicon().currency_codes:
        return None
    return Measure(code.lower(), "money", j + 1, factor=factor)


_CLOSING = {"(": ")", "[": "]", "{": "}", "<": ">"}


def _bracketed(view: TokenView, j: int) -> tuple[str, str, int] | None:
    """A unit in brackets after the number: "20 (kg)", "20 [kg]"."""
    if j + 2 >= view.n or view.lower[j] not in _CLOSING:
        return None
    unit = unit_here(view, j + 1)
    if unit is None or unit[2] >= view.n or view.lower[unit[2]] != _CLOSING[view.lower[j]]:
        return None
    return unit[0], unit[1], unit[2] + 1


def _inch(view: TokenView, num: NumberRead, j: int) -> tuple[str, str, int] | None:
    """"in" as inches, only after digits and before a full stop or a dimension word that
    ends the clause ("2 1/2 in thick,", "my pencil is 2 in.")."""
    lower = view.lower
    if not num.digits or j >= view.n or lower[j] != "in":
        return None
    nxt = lower[j + 1] if j + 1 < view.n else "."
    after = lower[j + 2] if j + 2 < view.n else "."
    ends = (".", ",", ";", ")", "and", "by", "x")
    if nxt in ends[:4] or (nxt in lexicon().dimension_words and after in ends):
        return "inch", "length", j + 1
    return None


def _compound(view: TokenView, measure: Measure) -> Measure:
    """A smaller unit after the first: "5 feet 2 inches", "3 years and 6 months"."""
    minor = lexicon().compound_units.get(measure.unit or "")
    k = measure.end
    if minor is None or k >= view.n:
        return measure
    if view.lower[k] == "and":
        k += 1
    if k >= view.n or (not view.lower[k][:1].isdigit() and view.lower[k] not in _WORDS):
        return measure
    part = read_number(view.lower, view.text, k)
    if part is None or part.unit is not None or part.currency is not None or part.end >= view.n:
        return measure
    unit = unit_here(view, part.end)
    if unit is None and view.lower[part.end] == "in" and minor[0] == "inch":
        unit = ("inch", "length", part.end + 1)
    if unit is None or unit[0] != minor[0] or not 0 <= part.value < minor[1]:
        return measure
    return attrs.evolve(measure, end=unit[2], extra=measure.extra + part.value / minor[1])


def _money_tail(view: TokenView, code: str, k: int) -> Measure:
    """After a currency word: a scale ("75 USD million") or cents ("3 dollars 50 cents",
    "thirteen dollars and forty-five cents")."""
    lex = lexicon()
    if k < view.n and view.lower[k] in lex.scales:
        return Measure(code, "money", k + 1, factor=float(lex.scales[view.lower[k]]))
    m = k + 1 if k < view.n and view.lower[k] == "and" else k
    if code in lex.minor_currencies or (m < view.n and view.lower[m] in ("a", "an")):
        return Measure(code, "money", k)  # "64.2 cents a dozen": no cents of cents
    cents = read_number(view.lower, view.text, m) if m < view.n else None
    if cents is None or cents.vague or cents.fraction or not 0 < cents.value < 100:
        return Measure(code, "money", k)
    after = view.lower[cents.end] if cents.end < view.n else ""
    if after in ("cents", "cent"):
        return Measure(code, "money", cents.end + 1, extra=cents.value / 100)
    if after[:1].isalpha() or after in lex.currency_symbols:
        return Measure(code, "money", k)  # "40 dollars and 3 people", "10 $ 30 $"
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
        unit_here(view, j) is not None or currency_word_at(view.lower, j) is not None
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


