"""Channel and date adjuncts: "on Telegram", "in a statement", "at a news briefing on May 12".

Adjuncts are found once per document in one left-to-right pass; the attribution rules
skip them when looking for a source or the start of a content, and read the channel
and date of a statement from them.

>>> import spacy
>>> from claimscope.extractors.attribution.tokens import TokenView
>>> tv = TokenView.from_text("He said on Telegram on May 12 that it fell.")
>>> [(a.kind, a.label) for a in find_adjuncts(tv)]
[('channel', 'Telegram'), ('date', 'May 12')]
"""

from __future__ import annotations

import bisect
import functools

import attrs

from claimscope.extractors.attribution.lexicon import Lexicon, lexicon
from claimscope.extractors.attribution.tokens import TokenView

__all__ = ["Adjunct", "AdjunctIndex", "find_adjuncts"]

_PLATFORMS = frozenset({
    "Telegram", "X", "Twitter", "Facebook", "Instagram", "YouTube", "TikTok", "VKontakte",
    "WhatsApp", "Signal", "social media", "website", "chat app", "messaging app",
})  # fmt: skip
_TAILS = frozenset({"channel", "account", "app", "page", "messaging", "feed"})
_PARTS = frozenset({"late", "early", "earlier", "later"})


@attrs.frozen
class Adjunct:
    """A channel or date phrase: tokens ``first..last-1``, its label (date: as written).

    >>> Adjunct(first=0, last=2, kind="channel", label="Telegram").platform
    True
    """

    first: int
    last: int
    kind: str
    label: str

    @property
    def platform(self) -> bool:
        """True for a named platform (Telegram, X), preferred over generic channels.

        >>> Adjunct(first=0, last=3, kind="channel", label="statement").platform
        False
        """
        return self.label in _PLATFORMS


_FIRST_WORDS: dict[int, tuple[object, frozenset[str]]] = {}


def _first_words(table: dict[str, str] | frozenset[str]) -> frozenset[str]:
    """First words of a phrase table, computed once per table (tables live in the lexicon)."""
    cached = _FIRST_WORDS.get(id(table))
    if cached is None or cached[0] is not table:
        cached = (table, frozenset(phrase.split()[0] for phrase in table))
        _FIRST_WORDS[id(table)] = cached
    return cached[1]


def _match_phrase(
    tv: TokenView, i: int, table: dict[str, str] | frozenset[str], longest: int = 4
) -> int:
    """End token of the longest phrase of ``table`` starting at token ``i``, else -1."""
    if tv.lower[i] not in _first_words(table):
        return -1
    for size in range(longest, 0, -1):
        if i + size <= tv.n and " ".join(tv.lower[i : i + size]) in table:
            return i + size
    return -1


def _date_core(tv: TokenView, i: int, lex: Lexicon, after_prep: bool = False) -> int:
    """End of a bare date phrase at ``i`` ("Monday afternoon", "May 12", "last week")."""
    n, low = tv.n, tv.lower
    end = _match_phrase(tv, i, lex.relative_dates)
    if end > 0:
        return end
    if low[i] in lex.weekdays and tv.cap[i]:
        end = i + 1
        if end < n and low[end] in lex.day_parts:
            end += 1
        return end
    if low[i] in lex.months and tv.cap[i]:
        end = i + 1
        if end < n and low[end].isdigit() and len(low[end]) <= 2:
            end += 1
        elif low[i] == "may" or not after_prep:
            return -1  # a bare month is a name ("Jan Egeland", "April") or the modal "May"
        return end
    if low[i].isdigit() and len(low[i]) <= 2 and i + 1 < n and low[i + 1] in lex.months:
        return i + 2
    return -1


def _date_at(tv: TokenView, i: int, lex: Lexicon) -> Adjunct | None:
    whole = _match_phrase(tv, i, lex.relative_dates)
    if whole > 0:
        return Adjunct(first=i, last=whole, kind="date", label=tv.span_text(i, whole)[2])
    j = i
    if tv.lower[j] in _PARTS:
        j += 1
    if j < tv.n and tv.lower[j] in lex.date_preps and tv.lower[j] not in _PARTS:
        j += 1
    if j >= tv.n:
        return None
    end = _date_core(tv, j, lex, after_prep=j > i)
    if end < 0:
        return None
    shown = i if tv.lower[i] in _PARTS else j
    return Adjunct(first=i, last=end, kind="date", label=tv.span_text(shown, end)[2])


def _channel_at(tv: TokenView, i: int, lex: Lexicon) -> Adjunct | None:
    if tv.lower[i] not in lex.channel_preps:
        return None
    j = i + 1
    best: Adjunct | None = None
    while j < tv.n and j <= i + 5:
        end = _match_phrase(tv, j, lex.channels, 3)
        if end > 0:
            label = lex.channels[" ".join(tv.lower[j:end])]
            if label == "X" and tv.words[j] != "X":
                return best
            while end < tv.n and tv.lower[end] in _TAILS:
                end += 1
            best = Adjunct(first=i, last=end, kind="channel", label=label)
            return best
        if tv.lower[j] not in lex.channel_fillers and not tv.lower[j].isdigit():
            return None
        j += 1
    return best


@functools.cache
def _triggers() -> frozenset[str]:
    """Words an adjunct can start with; other tokens are skipped without a lookup."""
    lex = lexicon()
    firsts = {phrase.split()[0] for phrase in lex.relative_dates}
    return frozenset(
        firsts | lex.channel_preps | lex.date_preps | lex.weekdays | lex.months | _PARTS
    )


def find_adjuncts(tv: TokenView) -> list[Adjunct]:
    """All channel and date adjuncts, in text order, not overlapping.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("He said in a statement on Monday.")
    >>> [a.label for a in find_adjuncts(tv)]
    ['statement', 'Monday']
    """
    lex = lexicon()
    triggers = _triggers()
    out: list[Adjunct] = []
    i = 0
    lower = tv.lower
    while i < tv.n:
        low = lower[i]
        if low not in triggers and not (low.isdigit() and len(low) <= 2):
            i += 1
            continue
        found = _channel_at(tv, i, lex) or _date_at(tv, i, lex)
        if found is not None:
            out.append(found)
            i = found.last
        else:
            i += 1
    return out


class AdjunctIndex:
    """Adjuncts looked up by their first or last token.

    >>> index = AdjunctIndex([Adjunct(first=2, last=4, kind="date", label="Monday")])
    >>> index.by_last[3].label
    'Monday'
    """

    def __init__(self, adjuncts: list[Adjunct]) -> None:
        self.adjuncts = adjuncts
        self.by_first = {a.first: a for a in adjuncts}
        self.by_last = {a.last - 1: a for a in adjuncts}
        self.firsts = [a.first for a in adjuncts]

    def inside(self, first: int, last: int, kind: str) -> list[Adjunct]:
        """Adjuncts of ``kind`` lying within tokens ``first..last-1``.

        >>> index = AdjunctIndex([Adjunct(first=2, last=4, kind="date", label="Monday")])
        >>> [a.label for a in index.inside(0, 10, "date")], index.inside(0, 3, "date")
        (['Monday'], [])
        """
        out = []
        for k in range(bisect.bisect_left(self.firsts, first), len(self.adjuncts)):
            found = self.adjuncts[k]
            if found.first >= last:
                break
            if found.kind == kind and found.last <= last:
                out.append(found)
        return out
