"""Reading numbers from tokens: digits, scale words, spelled-out numbers, dozens,
vague magnitudes ("tens of thousands") and fractions ("a third").

Every reader takes the token list and a start index and returns a :class:`NumberRead`
(or ``None``); none of them uses regular expressions, and each looks at a bounded
number of tokens, so a 100,000-digit token costs one linear scan.

>>> parse_digits("1,000")
(1000.0, 1.0)
>>> parse_digits("1.2bn")
(1.2, 1000000000.0)
>>> parse_digits("T-72") is None
True
"""

from __future__ import annotations

import math

import attrs

from claimscope.extractors.quantities.lexicon import lexicon

__all__ = ["DigitToken", "NumberRead", "parse_digits", "read_digit_token", "read_number"]

_DIGITS = frozenset("0123456789")
_MAX_WORDS = 12


@attrs.frozen
class NumberRead:
    """A number found at tokens ``[start, end)``.

    ``vague`` numbers ("dozens") carry their SCHEMA low bound; ``qualifier`` is set
    when the words themselves imply one ("a couple of" → about); ``fraction`` numbers
    are shares ("half") expressed in percent.

    >>> NumberRead(24.0, 0, 1, vague=True).vague
    True
    """

    value: float
    start: int
    end: int
    digits: bool = False
    vague: bool = False
    fraction: bool = False
    qualifier: str | None = None
    scaled: bool = False
    #: True for a bare four-digit integer that could be a year.
    year_like: bool = False
    #: The scale word's factor ("million" → 1e6), 1 when there is none.
    scale: float = 1.0
    #: A unit written onto the digits ("256GB").
    unit: tuple[str, str] | None = None
    #: A currency symbol written onto the digits ("HK$5.4").
    currency: str | None = None


def _valid_grouping(body: str) -> bool:
    """Thousands separators must sit between digit groups of three ("1,000,000")."""
    groups = body.split(",")
    if len(groups) == 1:
        return True
    head, rest = groups[0], groups[1:]
    return 1 <= len(head) <= 3 and all(len(g) == 3 for g in rest)


@attrs.frozen
class DigitToken:
    """What one digit token holds: "~1.2", "-0.6", "25k", "256GB", "HK$5.4".

    >>> read_digit_token("~1.2").approx
    True
    """

    value: float
    scale: float = 1.0
    #: A unit written onto the number ("256GB" → ("gb", "other")).
    unit: tuple[str, str] | None = None
    #: A currency symbol written onto the number ("HK$5.4" → "hkd").
    currency: str | None = None
    #: "~" before the number.
    approx: bool = False


def _prefix(text: str) -> tuple[int, int, bool, str | None]:
    """Length of a sign, "~" or currency prefix; the sign; approx; the currency.

    Currency prefixes are symbols ("HK$5.4"), case-sensitive letter forms ("RM79",
    "Rs500", "Y=590") and upper-case ISO codes ("USD10m"); a sign may follow ("$-50.8bn").
    """
    first = text[:1]
    if first in "+-−" and text[1:2].isdigit():
        return 1, -1 if first != "+" else 1, False, None
    if text[:6].lower() == "minus-" and text[6:7].isdigit():
        return 6, -1, False, None  # "minus-5 yards"
    if first == "~":
        return 1, 1, True, None
    if first.isdigit() or first == ".":
        return 0, 1, False, None  # the common case: no prefix at all
    lex = lexicon()
    lower = text.lower()
    candidates = [(len(s), c) for s, c in lex.attached_currency if lower.startswith(s)]
    candidates += [(len(s), c) for s, c in lex.currency_prefixes if text.startswith(s)]
    if len(text) > 3 and text[:3].isupper() and lower[:3] in lex.currency_symbols:
        candidates.append((3, lex.currency_symbols[lower[:3]]))  # "USD10m", "EUR50m"
    for skip, code in candidates:
        if text[skip:skip + 1].isdigit():
            return skip, 1, False, code
        if text[skip:skip + 1] in ("-", "−") and text[skip + 1:skip + 2].isdigit():
            return skip + 1, -1, False, code  # "$-99.99"
    return 0, 1, False, None


def _suffix(suffix: str, body: str) -> tuple[float, tuple[str, str] | None] | None:
    """Scale, currency or unit written after the digits; ``None`` when it is none.

    Case-sensitive symbols come first ("45g", "100t", "5W", "164p", "2.174T" trillion),
    then the lower-case unit aliases ("256GB", "24703m2", "25.5″"). A first word of a
    two-word unit ("3923sq" of "3923sq m") comes back as kind ``"partial"``.
    """
    lex = lexicon()
    if not suffix:
        return 1.0, None
    lower = suffix.lower()
    if lower in lex.scale_abbreviations:
        return float(lex.scale_abbreviations[lower]), None
    if suffix in lex.scale_symbols:
        return lex.scale_symbols[suffix], None
    if suffix in lex.currency_suffixes:
        return 1.0, (lex.currency_suffixes[suffix], "money")  # "164p"
    if lower in lex.currency_symbols and (suffix.isupper() or not lower.isascii()
                                          or not lower.isalpha()):
        return 1.0, (lex.currency_symbols[lower], "money")  # "115USD", "100元", "100₾"
    # "5G" and "4G" are network generations, not grams.
    if suffix in ("G", "g") and len(body) == 1:
        return None
    unit = (lex.attached_units.get(suffix) or lex.unit_symbols.get(suffix)
            or lex.units.get((lower,)))
    if unit is not None:
        return 1.0, unit
    if lower in lex.unit_openers and len(lower) > 1:
        return 1.0, (lower, "partial")
    return None


def read_digit_token(text: str) -> DigitToken | None:
    """Parse a digit token with optional sign, "~", currency prefix, scale or unit suffix.

    ``None`` for anything else: ordinals, model numbers, clock times, phone fragments with
    a leading zero, non-finite values. A tolerance ("2,000.45±0.01") is dropped.

    >>> read_digit_token("93rd"), read_digit_token("044")
    (None, None)
    >>> t = read_digit_token("HK$5.4"); (t.value, t.currency)
    (5.4, 'hkd')
    >>> read_digit_token("256GB").unit
    ('gb', 'other')
    >>> read_digit_token("24703m2").unit, read_digit_token("RM3.06").currency
    (('m2', 'area'), 'myr')
    """
    skip, sign, approx, currency = _prefix(text)
    rest = text[skip:].split("±", 1)[0]
    if rest[:1] == "." and rest[1:2].isdigit():
        rest = "0" + rest  # ".001 per cent"
    if not rest or rest[0] not in _DIGITS:
        return None
    cut = 0
    while cut < len(rest) and (rest[cut] in _DIGITS or rest[cut] in ",."):
        cut += 1
    body, tail = rest[:cut], rest[cut:]
    if tail[:1] in ("/", "\u2044"):
        return _slash_fraction(rest)
    if len(tail) > 1 and tail[-1] == ".":
        tail = tail[:-1]  # a full stop glued to the scale or unit: "$2.174T.", "100₾."
    after = _suffix(tail, body)
    if after is None or not body or body[-1] not in _DIGITS or body.count(".") > 1:
        return None
    whole = body.split(".")[0]
    groups = whole.split(",")
    # Indian lakh grouping: "12,34,567.89 rupees".
    lakh = len(groups) > 2 and 1 <= len(groups[0]) <= 2 and len(groups[-1]) == 3 \
        and all(len(g) == 2 for g in groups[1:-1])
    if not (_valid_grouping(whole) or lakh) or (len(whole) > 1 and whole[0] == "0"):
        return None
    value = sign * float(body.replace(",", ""))
    if not math.isfinite(value * after[0]):
        return None
    return DigitToken(value, after[0], after[1], currency, approx)


def _slash_fraction(text: str) -> DigitToken | None:
    """"1/4", "3/8", "1⁄32" (fraction slash): small fractions only; "24/7" and "9/11" are
    not amounts."""
    top, _, bottom = text.replace("\u2044", "/").partition("/")
    if not (top.isdigit() and bottom.isdigit()) or len(top) > 2 or len(bottom) > 3:
        return None
    numerator, denominator = int(top), int(bottom)
    if denominator not in (2, 3, 4, 8, 16, 32, 64, 128) or not 0 < numerator < denominator:
        return None
    return DigitToken(numerator / denominator)


def parse_digits(text: str) -> tuple[float, float] | None:
    """``(value, scale)`` of a digit token ("1.2bn" → (1.2, 1e9)), else ``None``.

    >>> parse_digits("3.5"), parse_digits("T-72")
    ((3.5, 1.0), None)
    """
    token = read_digit_token(text)
    return None if token is None else (token.value, token.scale)


def _scale_after(lower: list[str], text: list[str], j: int, money: bool) -> tuple[float, int]:
    """A scale word after a number ("million", "bn"; "m" only for money, "M" always)."""
    if j >= len(lower):
        return 1.0, j
    word = lower[j]
    lex = lexicon()
    if word in lex.scales:
        # "4 hundred million": scale words multiply.
        if j + 1 < len(lower) and word == "hundred" and lower[j + 1] in lex.scales:
            return float(lex.scales[word] * lex.scales[lower[j + 1]]), j + 2
        return float(lex.scales[word]), j + 1
    if word in lex.scale_abbreviations and (money or word not in ("m", "b") or text[j] in "MB"):
        return float(lex.scale_abbreviations[word]), j + 1
    return 1.0, j


def _read_digits(lower: list[str], text: list[str], i: int, money: bool,
                 skip: int = 0) -> NumberRead | None:
    token = read_digit_token(text[i][skip:])
    if token is None:
        return None
    scale, end = token.scale, i + 1
    value = token.value
    grouped = _space_groups(text, i)
    if grouped is not None:
        value, end = grouped  # "1 500 soldiers", "12 345 678"
    if end < len(text) and ("/" in text[end] or "\u2044" in text[end]) and "/" not in text[i]:
        part = _slash_fraction(text[end])  # "2 1/2 miles"
        if part is not None:
            value, end = value + part.value, end + 1
    if scale == 1.0 and token.unit is None:
        scale, end = _scale_after(lower, text, end, money or token.currency is not None)
    body = text[i]
    year_like = scale == 1.0 and len(body) == 4 and body.isdigit() and 1800 <= token.value <= 2100
    return NumberRead(value * scale, i, end, digits=True, scaled=scale != 1.0,
                      year_like=year_like, scale=scale, unit=token.unit,
                      currency=token.currency, qualifier="about" if token.approx else None)


_THIN_SPACES = frozenset({"\u00a0", "\u202f", "\u2009"})


def _space_groups(text: list[str], i: int) -> tuple[float, int] | None:
    """A number written with spaces between digit groups ("1 500", "12 345 678", also
    no-break and thin spaces): its value and end, or ``None``. Groups that follow
    another figure or run into one ("+380 44 123 4567") are codes, not one number."""
    n = len(text)
    if not (text[i].isdigit() and len(text[i]) <= 3) or (
            i > 0 and (text[i - 1][:1].isdigit() or text[i - 1][:1] == "+")):
        return None
    digits, k = text[i], i + 1
    while k < n:
        nxt = k + 1 if text[k] in _THIN_SPACES else k
        if nxt < n and len(text[nxt]) == 3 and text[nxt].isdigit():
            digits, k = digits + text[nxt], nxt + 1
            continue
        break
    if k == i + 1 or (k < n and text[k][:1].isdigit()):
        return None
    return float(digits), k


def _read_words(lower: list[str], i: int) -> NumberRead | None:
    """Spelled-out cardinals: "two", "thirty-five", "one hundred and twenty", "a million"."""
    lex = lexicon()
    n = len(lower)
    total, current, j, seen, top = 0.0, 0.0, i, False, 1.0
    if lower[i] in ("a", "an"):
        if i + 1 < n and lower[i + 1] in lex.scales:
            current, j, seen = 1.0, i + 1, True
        else:
            return None
    last = j
    # Spelled-out numbers are short; the bound keeps a run of number words linear.
    limit = min(n, i + _MAX_WORDS)
    while j < limit:
        word = lower[j]
        if word in lex.number_units or word in lex.number_tens:
            if seen and current % 100 != 0 and current % 10 == 0 and word in lex.number_units:
                current += lex.number_units[word]
            elif seen and current % 100 != 0:
                break
            else:
                current += lex.number_units.get(word, lex.number_tens.get(word, 0))
            seen, last = True, j + 1
        elif word in lex.scales and seen:
            scale = lex.scales[word]
            top = max(top, float(scale))
            if scale == 100:
                current = (current or 1.0) * 100
            else:
                total += (current or 1.0) * scale
                current = 0.0
            last = j + 1
        elif word in ("-", "and") and seen and j + 1 < n and (
                lower[j + 1] in lex.number_units or lower[j + 1] in lex.number_tens):
            if word == "and" and total + current < 100:
                break
            j += 1
            continue
        else:
            break
        j += 1
    if not seen or last == i:
        return None
    return NumberRead(total + current, i, last, scale=top, scaled=top > 1.0)


def _read_dozen(lower: list[str], base: NumberRead | None, i: int) -> NumberRead | None:
    """"a dozen", "two dozen", "a score of"."""
    lex = lexicon()
    n = len(lower)
    if lower[i] in ("a", "an") and i + 1 < n and lower[i + 1] in lex.dozens:
        return NumberRead(float(lex.dozens[lower[i + 1]]), i, i + 2)
    if base is not None and base.end < n and lower[base.end] in lex.dozens:
        return NumberRead(base.value * lex.dozens[lower[base.end]], i, base.end + 1)
    return None


def _read_vague(lower: list[str], i: int) -> NumberRead | None:
    """"dozens", "hundreds of thousands", "several hundred": twice the base, open above."""
    lex = lexicon()
    n = len(lower)
    j = i
    if lower[i] in ("several", "a") and i + 1 < n:
        nxt = lower[i + 1]
        if lower[i] == "a" and not (i + 2 < n and nxt == "few"):
            return None
        j = i + 2 if lower[i] == "a" else i + 1
        word = lower[j] if j < n else ""
        plain = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 10**6}
        if word not in plain:
            return None
        return NumberRead(2.0 * plain[word], i, j + 1, vague=True)
    if lower[j] not in lex.vague:
        return None
    product = float(lex.vague[lower[j]])
    end = j + 1
    # Chain "tens of thousands", "hundreds of millions".
    while end + 1 < n and lower[end] == "of" and lower[end + 1] in lex.vague \
            and lex.vague[lower[end + 1]] > 12:
        product *= lex.vague[lower[end + 1]]
        end += 2
    if lower[j] in ("tens", "scores") and (end == j + 1 and lower[j] == "tens"):
        return None
    return NumberRead(2.0 * product, i, end, vague=True)


def _read_fraction(lower: list[str], i: int) -> NumberRead | None:
    """"half", "a third", "two-thirds", "half a million" (a share, or a scaled number)."""
    lex = lexicon()
    n = len(lower)
    j, count = i, 1
    if lower[i] in lex.fraction_counters and i + 1 < n:
        count, j = lex.fraction_counters[lower[i]], i + 1
        if j < n and lower[j] == "-":
            j += 1
    if j >= n or lower[j] not in lex.fractions or (
            j == i and lower[j] not in ("half", "quarter")):
        return None
    share = count * lex.fractions[lower[j]]
    k = j + 2 if j + 1 < n and lower[j + 1] in ("a", "an") else j + 1
    if k < n and lower[k] in lex.scales and lower[k] != "hundred":
        # "half a million", "a quarter million", "three quarters billion"
        return NumberRead(share * lex.scales[lower[k]], i, k + 1, scaled=True,
                          scale=float(lex.scales[lower[k]]))
    return NumberRead(round(share * 100, 6), i, j + 1, fraction=True)


def read_number(lower: list[str], text: list[str], i: int,
                money: bool = False, skip: int = 0) -> NumberRead | None:
    """Read the number that starts at token ``i``, if any; ``skip`` leading characters
    of that token belong to something else ("$ US113": the currency letters "US").

    >>> words = "tens of thousands of people".split()
    >>> read_number(words, words, 0).value
    20000.0
    >>> words = "thirty - five tanks".split()
    >>> read_number(words, words, 0).value
    35.0
    """
    word = lower[i][skip:]
    if any(c in _DIGITS for c in word[:7]) or word.startswith("minus-"):
        return _and_a_half(lower, _read_digits(lower, text, i, money, skip))
    for size in range(min(4, len(lower) - i), 1, -1):
        couple = lexicon().couples.get(tuple(lower[i:i + size]))
        if couple is not None:
            end, scale = i + size, lexicon().scales.get(lower[i + size], 1) \
                if i + size < len(lower) else 1
            if scale > 1:  # "a couple of hundred residents", "a few thousand troops"
                return NumberRead(float(couple[1]) * scale, i, end + 1, qualifier=couple[0],
                                  scaled=True, scale=float(scale))
            return NumberRead(float(couple[1]), i, end, qualifier=couple[0])
    fraction = _read_fraction(lower, i)
    if fraction is not None:
        return fraction
    vague = _read_vague(lower, i)
    if vague is not None:
        return vague
    words = _read_words(lower, i)
    dozen = _read_dozen(lower, words, i)
    return _and_a_half(lower, dozen or words)


def _and_a_half(lower: list[str], num: NumberRead | None) -> NumberRead | None:
    """"two and a half" → 2.5."""
    if num is None or tuple(lower[num.end:num.end + 3]) != ("and", "a", "half"):
        return num
    return attrs.evolve(num, value=num.value + 0.5, end=num.end + 3)
