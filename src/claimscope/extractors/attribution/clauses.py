"""Clause-level helpers around a cue: what follows it, who was told, shared subjects.

>>> import spacy
>>> from claimscope.extractors.attribution.context import AdjunctIndex, find_adjuncts
>>> tv = TokenView.from_text("He told Reuters on Monday that it fell.")
>>> tv.words[skip_right(tv, 2, AdjunctIndex(find_adjuncts(tv)), "tell")]
'that'
>>> tv.words[recipient_end(tv, 2) - 1]
'Reuters'
"""

from __future__ import annotations

from claimscope.extractors.attribution.context import AdjunctIndex
from claimscope.extractors.attribution.cues import Cue
from claimscope.extractors.attribution.lexicon import lexicon
from claimscope.extractors.attribution.quotes import QuoteList
from claimscope.extractors.attribution.sources import Found, np_right, skip_left
from claimscope.extractors.attribution.tokens import QUOTE_MARKS, TokenView

__all__ = [
    "END",
    "channel_and_date",
    "PARTICIPLES",
    "addressee",
    "apposition_after",
    "closes_quote_before",
    "continues",
    "inverted_source",
    "opens_quote",
    "quote_starts",
    "recipient_end",
    "skip_right",
]

#: Tokens that end the clause after a cue.
END = frozenset({",", ".", ";", "!", "?", ":"})
#: -ing forms that continue the subject of an earlier cue (", adding that ...").
PARTICIPLES = frozenset({
    "saying", "adding", "telling", "describing", "calling", "insisting", "claiming", "warning",
    "noting", "accusing", "blaming", "denying", "writing", "arguing", "stressing", "putting",
    "vowing", "alleging", "acknowledging", "explaining", "asserting", "urging", "giving",
})  # fmt: skip
_LOOKAHEAD_PREPS = frozenset(
    {
        "in",
        "at",
        "on",
        "during",
        "after",
        "before",
        "late",
        "early",
        "to",
        "via",
        "through",
        "from",
        "over",
        "earlier",
        "last",
    }
)
_COORDINATORS = frozenset({"and", "but", "while", "before", "after", "then"})
_POSTED = frozenset({"posted", "published", "released", "shared", "issued", "broadcast", "aired"})


def skip_right(tv: TokenView, i: int, adj: AdjunctIndex, lemma: str) -> int:
    """First token after ``i`` past channel/date adjuncts, ", formerly X," and the addressee.

    >>> import spacy
    >>> tv = TokenView.from_text("He said on Monday it fell.")
    >>> tv.words[skip_right(tv, 2, AdjunctIndex([]), "say")]
    'on'
    """
    lex = lexicon()
    n = tv.n
    told = lemma in {"tell", "inform", "assure"}
    while i < n:
        found = adj.by_first.get(i)
        if found is not None:
            i = found.last
            continue
        low = tv.lower[i]
        if low in {"again", "also", "later", "earlier", "separately", "publicly", "repeatedly"}:
            i += 1
            continue
        if low == "," and i + 2 < n and tv.lower[i + 1] in {"citing", "according"}:
            # "reported, citing the ministry, that …": skip the inserted source.
            k = i + 2
            while k < n and k < i + 14 and tv.lower[k] not in END:
                k += 1
            if k < n and tv.lower[k] == ",":
                i = k
                continue
        if low == "," and i + 1 < n and (i + 1 in adj.by_first or tv.lower[i + 1] == "formerly"):
            i += 1
            continue
        if low == "formerly" and i + 1 < n:
            i += 2
            continue
        if low == "," and i + 1 < n and tv.lower[i + 1] == "that":
            i += 1
            continue
        if low in _POSTED and i + 1 in adj.by_first:
            i += 1
            continue
        if low == "of" and lemma in {"say", "write", "tell"}:
            sent_end = tv.sentence(i)[1]
            end = np_right(tv, i + 1, sent_end, adj)
            if end > i + 1 and (end >= sent_end or tv.lower[end] in END):
                i = end
                continue
        if low in _LOOKAHEAD_PREPS:
            # "tweeted in the early morning hours that ...": skip to the complementiser.
            k = i + 1
            while (
                k < n
                and k <= i + 9
                and tv.lower[k] not in END
                and tv.words[k] not in (QUOTE_MARKS)
                and tv.lower[k] != "that"
                and tv.lower[k] not in lex.cue_forms
            ):
                k += 1
            if k < n and tv.lower[k] == "that":
                i = k + 1
                break
        if told:
            end = recipient_end(tv, i)
            if end > i:
                told = False
                i = end
                continue
        break
    return i


def recipient_end(tv: TokenView, i: int) -> int:
    """End of the person or outlet told: "told AFP", "told reporters", "told the BBC".

    >>> import spacy
    >>> tv = TokenView.from_text("He told reporters it fell.")
    >>> tv.words[recipient_end(tv, 2)]
    'it'
    """
    lex = lexicon()
    n = tv.n
    if i >= n:
        return i
    if tv.lower[i] in {"him", "her", "them", "us", "me"}:
        return i + 1
    if tv.cap[i] or tv.lower[i] in lex.recipients:
        j = i + 1
        while j < n and (tv.cap[j] or tv.lower[j] in {"-", "/", "&"}) and tv.cap[i]:
            j += 1
        return j
    if tv.lower[i] in lex.determiners:
        for j in range(i + 1, min(n, i + 6)):
            if tv.cap[j]:
                return recipient_end(tv, j)
            if tv.lower[j] in lex.channels or tv.lower[j] in lex.source_heads:
                return j + 1
            if tv.lower[j] in END or tv.lower[j] == "that":
                break
    return i


def addressee(tv: TokenView, i: int, sent_end: int, adj: AdjunctIndex) -> str | None:
    """The outlet told ("told AFP", "told the national telethon"), as a channel.

    >>> import spacy
    >>> tv = TokenView.from_text("He told the BBC it fell.")
    >>> addressee(tv, 2, tv.n, AdjunctIndex([]))
    'BBC'
    """
    end = recipient_end(tv, i)
    while i < end and tv.lower[i] in lexicon().determiners:
        i += 1
    if end <= i or tv.lower[i] in {"reporters", "journalists", "him", "her", "them", "us"}:
        return None
    return tv.span_text(i, end)[2]


def inverted_source(tv: TokenView, after: int, adj: AdjunctIndex) -> Found | None:
    """ "…,” said the ministry.": a source right after the cue that ends the clause.

    >>> import spacy
    >>> tv = TokenView.from_text('"It fell," said the army.')
    >>> found = inverted_source(tv, 6, AdjunctIndex([]))
    >>> tv.words[found.first:found.last]
    ['the', 'army']
    """
    sent_end = tv.sentence(after)[1] if after < tv.n else tv.n
    end = np_right(tv, after, sent_end, adj)
    if end <= after:
        return None
    if end >= sent_end or tv.lower[end] in END or end in adj.by_first:
        return Found(first=after, last=end, role=_apposition(tv, end, sent_end))
    return None


def _apposition(tv: TokenView, i: int, sent_end: int) -> tuple[int, int] | None:
    """ "said Ivan Kim, a senior official with the agency,": the role after a comma."""
    lex = lexicon()
    if (
        i + 1 >= sent_end
        or tv.lower[i] != ","
        or tv.lower[i + 1] not in (lex.parenthetical_starters)
        or tv.lower[i + 1] in {"who", "which", "whose", "also", "asked", "speaking"}
    ):
        return None
    k = i + 1
    while k < sent_end and tv.lower[k] not in END:
        k += 1
    return i + 1, k


def quote_starts(quotes: QuoteList, content: tuple[int, int]) -> list[int]:
    """Opening-mark tokens of the quotations inside a content range.

    >>> from claimscope.extractors.attribution.quotes import Quote
    >>> quote = Quote(open_tok=3, close_tok=6, start=10, end=20, closed=True)
    >>> quote_starts(QuoteList([quote]), (0, 8))
    [3]
    """
    s, e = content
    return [q.open_tok for q in quotes.between(s, e)]


def opens_quote(quotes: QuoteList, i: int) -> bool:
    """True when a quotation opens at token ``i``.

    >>> from claimscope.extractors.attribution.quotes import Quote
    >>> quote = Quote(open_tok=3, close_tok=6, start=10, end=20, closed=True)
    >>> opens_quote(QuoteList([quote]), 3)
    True
    """
    return quotes.opening_at(i) is not None


def closes_quote_before(tv: TokenView, i: int) -> bool:
    """True when a closing quotation mark (maybe after a comma) ends right before ``i``.

    >>> import spacy
    >>> tv = TokenView.from_text('"It fell," he said.')
    >>> closes_quote_before(tv, 5)
    True
    """
    j = i - 1
    while j >= 0 and tv.lower[j] in {",", "—", "–"}:
        j -= 1
    return (j >= 0 and tv.words[j] in QUOTE_MARKS and j < i - 1) or (
        j >= 0 and tv.words[j] in QUOTE_MARKS and j >= 1 and tv.lower[j - 1] in {",", "!", "?", "."}
    )


def continues(tv: TokenView, cue: Cue, sent_start: int, adj: AdjunctIndex) -> bool:
    """True when the cue shares the subject of an earlier verb: ", adding", "and said".

    >>> import spacy
    >>> from claimscope.extractors.attribution.cues import find_cues
    >>> tv = TokenView.from_text("He said it fell, adding that two died.")
    >>> [continues(tv, c, 0, AdjunctIndex([])) for c in find_cues(tv, [-1] * tv.n)]
    [False, True]
    """
    p = skip_left(tv, cue.first, sent_start, adj)
    if p < sent_start:
        return False
    if tv.lower[cue.first] in PARTICIPLES and tv.lower[p] in {","} | _COORDINATORS:
        return True
    if tv.lower[p] in _COORDINATORS and tv.lower[p] != "while":
        return True
    if tv.lower[p] == ",":
        # "denied it and, without giving evidence, accused ...": skip the inserted phrase.
        k = p - 1
        while k > sent_start and k > p - 10 and tv.lower[k] != ",":
            k -= 1
        return k > sent_start and tv.lower[k] == "," and tv.lower[k - 1] in {"and", "but"}
    return False


#: How many tokens around a cue are searched for its channel and date.
_CONTEXT_WINDOW = 40


def channel_and_date(
    tv: TokenView, cue: Cue, content: tuple[int, int], adj: AdjunctIndex
) -> tuple[str | None, str | None]:
    """Channel and date phrases near the cue, outside what was said; platforms
    ("Telegram", "X") win over generic channels; for "told", the outlet told.

    >>> from claimscope.extractors.attribution.context import find_adjuncts
    >>> from claimscope.extractors.attribution.cues import find_cues
    >>> tv = TokenView.from_text("He told AFP on Monday that it fell.")
    >>> cue = find_cues(tv, [-1] * tv.n)[0]
    >>> channel_and_date(tv, cue, (6, 8), AdjunctIndex(find_adjuncts(tv)))
    ('AFP', 'Monday')
    """
    sent_start, sent_end = tv.sentence(cue.first)
    # Only phrases near the cue can describe it (and a bounded window keeps it linear).
    sent_start = max(sent_start, cue.first - _CONTEXT_WINDOW)
    sent_end = min(sent_end, cue.last + _CONTEXT_WINDOW)
    s, e = content
    channel = date = None
    best_c = best_d = 10**9
    for found in adj.inside(sent_start, sent_end, "channel") + adj.inside(
        sent_start, sent_end, "date"
    ):
        if s <= found.first < e or tv.lower[found.first] in {"since", "until", "by", "over"}:
            continue  # inside what was said, or a period rather than a moment
        distance = abs(found.first - cue.first) - (
            1000 if (found.kind == "channel" and found.platform) else 0
        )
        if found.kind == "channel" and distance < best_c:
            channel, best_c = found.label, distance
        elif found.kind == "date" and distance < best_d:
            date, best_d = found.label, distance
    if channel is None and cue.lemma == "tell":
        channel = addressee(tv, cue.last, sent_end, adj)
    return channel, date


def apposition_after(tv: TokenView, end: int, sent_end: int) -> tuple[tuple[int, int] | None, int]:
    """ "According to Ko Zaw Tun, an anti-coup fighter, a jet …": the apposition after a
    source (its role, unless a relative clause) and the first token past it.

    >>> tv = TokenView.from_text("According to Ivan Kim, a farmer, it fell.")
    >>> apposition_after(tv, 4, tv.n)
    ((5, 7), 7)
    """
    lex = lexicon()
    if (
        end + 1 >= sent_end
        or tv.lower[end] != ","
        or tv.lower[end + 1] not in (lex.parenthetical_starters)
    ):
        return None, end
    k = end + 1
    while k < sent_end and k < end + 16 and tv.lower[k] not in END:
        k += 1
    if k >= sent_end or tv.lower[k] != ",":
        role = (end + 1, k) if tv.lower[end + 1] not in {"who", "which", "whose"} else None
        return role, end  # the apposition closes the sentence: content is on the left
    role = (end + 1, k) if tv.lower[end + 1] not in {"who", "which", "whose"} else None
    return role, k
