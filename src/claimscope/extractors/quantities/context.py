"""Contexts that make a number something other than an amount: dates, clock times,
ages, identifiers (model and unit numbers), phone numbers and calibres.

>>> import spacy
>>> from claimscope.extractors.quantities.tokens import TokenView
>>> v = TokenView(spacy.blank("en")("On May 12 a 45-year-old man saw Leopard 2 tanks."))
>>> not_an_amount(v, 2, 3), not_an_amount(v, 4, 5), not_an_amount(v, 12, 13)
(True, True, True)
"""

from __future__ import annotations

import functools
import json
from importlib.resources import files
from typing import Any

from claimscope.extractors.quantities.lexicon import MONTHS, STOP_WORDS, lexicon
from claimscope.extractors.quantities.tokens import TokenView

__all__ = ["not_an_amount", "designators", "is_age", "CLOCK_WORDS"]

@functools.cache
def _contexts() -> Any:
    return json.loads(files(__package__).joinpath("data/contexts.json").read_text("utf-8"))


#: Words after a number that make it a clock time.
CLOCK_WORDS: frozenset[str] = frozenset(_contexts()["clock_words"])
_AGE_UNITS = frozenset({"year", "years", "month", "months", "week", "weeks", "day", "days"})
#: Capitalised words that may precede an amount without making it an identifier.
_OPENERS: frozenset[str] = frozenset(_contexts()["name_openers"])


@functools.cache
def designators() -> frozenset[str]:
    """Lower-case nouns after which a number names something ("Resolution 2334").

    >>> "resolution" in designators()
    True
    """
    return frozenset(_contexts()["designators"])


def _is_date(view: TokenView, start: int, end: int) -> bool:
    before = view.lower[start - 1] if start > 0 else ""
    after = view.lower[end] if end < view.n else ""
    # "May"/"March" are dates only when capitalised; the modal verb "may" is not.
    if start > 2 and before in ("and", "to", "-", "–") and view.lower[start - 2].isdigit():
        # "between September 26 and 29": the second day of a span of dates
        return _is_date(view, start - 2, start - 1)
    # A day of the month has one or two digits, a year four: "May 12", "May 2024",
    # "12 May" — but "On 12 May 300 troops arrived" counts troops.
    digits = view.lower[start] if end == start + 1 else ""
    day, year = len(digits) <= 2, len(digits) == 4
    return (before in MONTHS and view.is_title(start - 1) and (day or year)) or (
        after in MONTHS and view.is_title(end) and day)


def is_age(view: TokenView, end: int) -> bool:
    """True when the number ending before token ``end`` is an age ("45-year-old",
    "nine-year-old", "30 years old").

    >>> import spacy
    >>> is_age(TokenView(spacy.blank("en")("a nine-year-old girl")), 2)
    True
    """
    following = view.lower[end:end + 4]
    if len(following) >= 3 and following[0] == "-" and following[1] in _AGE_UNITS \
            and following[2] == "-" and following[3:4] == ["old"]:
        return True
    if len(following) >= 3 and following[0] in _AGE_UNITS and following[1] == "-" \
            and following[2] == "old":
        return True  # "a 15 year-old"
    return len(following) >= 2 and following[0] in _AGE_UNITS and following[1] == "old"


def _is_identifier(view: TokenView, start: int) -> bool:
    """A number right after a name or designator: "Leopard 2", "Flight 17", "No. 5"."""
    if start == 0:
        return False
    prev = view.text[start - 1]
    low = view.lower[start - 1]
    if low in designators() or low in ("no.", "#", "number", "nr", "nr."):
        return True
    # "iPhone 12", "eBay 5": a capital inside the word also marks a name.
    named = prev[:1].isupper() or (prev.isalpha() and not prev.islower())
    if not named or low in _OPENERS or low in STOP_WORDS or low in MONTHS:
        return False
    # Title-case headline verbs ("Russia Fires 40 Missiles", "Strikes Kill 27") are not names.
    if low in lexicon().casualty_verbs:
        return False
    return not (low.endswith(("s", "ed")) and prev.isalpha() and len(prev) > 3)


def _is_phone_or_code(view: TokenView, start: int, end: int) -> bool:
    """Digit groups side by side ("+380 44 123 4567") are not one amount."""
    before = view.text[start - 1] if start > 0 else ""
    after = view.text[end] if end < view.n else ""
    # "2014-15", "3-1": the second half of a code or score the range reader rejected.
    code = before in ("-", "–", "/") and view.attached(start) and start > 1 \
        and view.attached(start - 1) and view.text[start - 2][-1:].isdigit()
    # A model name after the figure ("12 2S19 Msta howitzers") is no second digit group.
    digits_after = after[:1].isdigit() and not any(c.isalpha() for c in after)
    return (before[:1].isdigit() or before[:1] == "+") or digits_after or code


def not_an_amount(view: TokenView, start: int, end: int, measured: bool = False) -> bool:
    """True when the digit number at tokens ``[start, end)`` is a date, time, age, id or
    phone fragment rather than an amount.

    ``measured`` numbers (a unit follows: "Dow +0.2%", "MacBook Pro 16 inch") are not
    taken for identifiers after a name.
    """
    after = view.lower[end] if end < view.n else ""
    before = view.lower[start - 1] if start > 0 else ""
    # A figure with its unit ("640bhp 5.2 litre", "S&P 500 +0.3%") is no phone-number or
    # score fragment, whatever digits stand beside it.
    return (_is_date(view, start, end) or after in CLOCK_WORDS or is_age(view, end)
            or before in ("aged", "age", "ages")
            or (before == "of" and start > 1 and view.lower[start - 2] in ("age", "ages"))
            or (not measured and _is_identifier(view, start))
            or (not measured and _is_phone_or_code(view, start, end)))
