"""Money written in ways the number grammar needs help with: currency letters after the
symbol ("$US113"), ranges the tokenizer keeps in one token ("$20,000-$50,000"), and "by
$X to $Y" (a change, then a level).

>>> currency_letters("$", "us113")
('usd', 2)
"""

from __future__ import annotations

from claimscope.extractors.quantities.bounds import approximator_before, ordered_ends
from claimscope.extractors.quantities.lexicon import lexicon
from claimscope.extractors.quantities.numbers import read_digit_token
from claimscope.extractors.quantities.tokens import TokenView

__all__ = ["after_by", "currency_letters", "glued_money_range"]


def after_by(view: TokenView, start: int) -> bool:
    """The figure at ``start`` follows "by", perhaps with a currency symbol between.

    >>> import spacy
    >>> after_by(TokenView(spacy.blank("en")("rose by $5 to $9")), 3)
    True
    """
    k = start - 1
    if k >= 0 and view.lower[k] in lexicon().currency_symbols:
        k -= 1
    return k >= 0 and view.lower[k] == "by"


def currency_letters(symbol: str, word: str) -> tuple[str, int] | None:
    """"$" then "US113": letters that, with the symbol, name the currency ("$us", "a$"),
    and how many there are; never without the symbol, so "A380" stays a name."""
    cut = 0
    while cut < min(len(word), 3) and word[cut].isalpha():
        cut += 1
    if cut == 0 or not word[cut:cut + 1].isdigit():
        return None
    table = lexicon().currency_symbols
    code = table.get(symbol + word[:cut]) or table.get(word[:cut] + symbol)
    return (code, cut) if code is not None else None


def glued_money_range(view: TokenView, i: int) -> tuple[int, int, float, float, str] | None:
    """"$20,000-$50,000", which the tokenizer keeps as "$" + "20,000-$50,000": first and
    end token, low, high and currency code.

    >>> import spacy
    >>> glued_money_range(TokenView(spacy.blank("en")("about $20-$50 each")), 1)
    (0, 3, 20.0, 50.0, 'usd')
    """
    currency = lexicon().currency_symbols.get(view.lower[i])
    if currency is None or i + 1 >= view.n:
        return None
    low_text, sep, high_text = view.text[i + 1].partition("-" + view.text[i])
    low, high = read_digit_token(low_text), read_digit_token(high_text)
    if not sep or low is None or high is None or low.unit or high.unit:
        return None
    scale = high.scale if low.scale == 1.0 else low.scale  # "$5-$10m": one scale for both
    ends = ordered_ends(low.value * scale, high.value * high.scale, "unit")
    if ends is None:
        return None
    approx = approximator_before(view.lower, i)
    start = approx[1] if approx is not None else i
    return start, i + 2, ends[0], ends[1], currency
