"""What was said: the quotation, the complement clause, or the clause before the speaker.

Content after the cue runs from the first word past the cue's adjuncts (channel, date,
the person told, "that", a colon) to the end of the sentence, or of a quotation that
starts inside it, and stops before a following reporting clause (", adding ...",
", the ministry said"). Content before the cue ("…, the ministry said.") is the quotation
that closes right before the speaker, or the clause from the sentence start.

>>> import spacy
>>> from claimscope.extractors.attribution.tokens import TokenView
>>> from claimscope.extractors.attribution.quotes import find_quotes
>>> tv = TokenView.from_text("Kyiv said that it held the town.")
>>> s, e = right_content(tv, 2, find_quotes(tv), [])
>>> tv.words[s:e]
['it', 'held', 'the', 'town']
"""

from __future__ import annotations

import bisect

from claimscope.extractors.attribution.lexicon import lexicon
from claimscope.extractors.attribution.quotes import Quote, QuoteList
from claimscope.extractors.attribution.tokens import QUOTE_MARKS, TokenView

__all__ = [
    "REPORTER_VOICE",
    "clause_start",
    "continued_quote",
    "cut_points",
    "left_content",
    "mode_of",
    "right_content",
    "to_chars",
]

_CUT_JOINERS = frozenset({
    "which", "while", "though", "although", "but", "and", "as", "whereas", "with", "who",
})  # fmt: skip
#: After a comma, these open the reporter's own comment or inference, not the report.
REPORTER_VOICE = frozenset({
    "although", "though", "suggesting", "indicating", "signalling", "signaling",
    "underscoring", "highlighting", "prompting", "raising", "marking",
})  # fmt: skip
_LEAD = frozenset({"that", ",", ":", "—", "-", "–"})
_TRAIL = frozenset({",", ".", ";", ":", "—", "–", "-", "!", "?"})
_DATELINE_MAX = 10
#: Longest aside between a cue and its "that" ("said, citing intelligence reports, that").
_ASIDE_MAX = 12
#: Longest indirect content, in tokens: a bound that keeps run-on text linear.
_MAX_CONTENT = 250


def clause_start(tv: TokenView, s: int) -> int:
    """Start of the sentence beginning at ``s``, past a dateline or timestamp ("KYIV — ").

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("KYIV — Officials said it fell.")
    >>> tv.words[clause_start(tv, 0)]
    'Officials'
    """
    # An upper-case place opens a dateline that may run longer ("GAZA/JERUSALEM, 14 May
    # 2024 (Reuters) —"); any other sentence is cut at a dash only near its start.
    reach = _DATELINE_MAX + 6 if tv.words[s].isupper() and len(tv.words[s]) > 1 else \
        _DATELINE_MAX
    e = min(tv.sentence(s)[1], s + reach)
    for i in range(s, e):
        if tv.words[i] in {"—", "–", "--"}:
            return i + 1
        # "GAZA CITY, March 3 (Reuters) - ": a spaced hyphen after the agency or place.
        if tv.words[i] == "-" and i > s and tv.space[i] and tv.space[i - 1]:
            return i + 1
    return s


def right_content(
    tv: TokenView,
    start: int,
    quotes: QuoteList,
    cuts: list[int],
    adjunct_firsts: dict[int, int] | None = None,
) -> tuple[int, int]:
    """Token range of the content starting at or after ``start`` (empty when none).

    ``adjunct_firsts`` maps the first token of each channel adjunct to its end, so a
    channel phrase closing the content is left out.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> from claimscope.extractors.attribution.quotes import find_quotes
    >>> tv = TokenView.from_text("He said: it fell; we left.")
    >>> s, e = right_content(tv, 2, find_quotes(tv), [])
    >>> tv.words[s:e]
    ['it', 'fell']
    """
    adjunct_firsts = adjunct_firsts or {}
    n = tv.n
    opened_by_comma = start < n and tv.lower[start] == ","
    while start < n and (tv.lower[start] in _LEAD or tv.words[start].isspace()):
        start += 1
    if start >= n:
        return start, start
    if opened_by_comma:
        start = _past_aside(tv, start)
    sent_end = tv.sentence(start)[1]
    quote = quotes.opening_at(start)
    if quote is not None:
        end = quote.close_tok + 1
        tail = end
        while tail < n and tail < sent_end and tv.lower[tail] in _TRAIL | QUOTE_MARKS:
            tail += 1
        if tail >= sent_end or quote.close_tok + 1 >= sent_end:
            return start, end
    end = sent_end
    for quote in quotes.between(start, end):
        if quote.close_tok + 1 > end:
            end = quote.close_tok + 1
    end = min(end, start + _MAX_CONTENT)
    k = bisect.bisect_right(cuts, start)
    if k < len(cuts) and cuts[k] < end:
        end = cuts[k]
    for i in range(start, end):
        if tv.lower[i] == ";":
            end = i
            break
    while end > start and tv.lower[end - 1] in _TRAIL:
        end -= 1
    return start, _drop_trailing_adjunct(tv, start, end, adjunct_firsts)


def _past_aside(tv: TokenView, start: int) -> int:
    """ "claimed, without providing evidence, that they hit …": the content begins after
    an aside closed by ", that"."""
    for i in range(start, min(start + _ASIDE_MAX, tv.n - 2)):
        if tv.lower[i] in {".", ";", "!", "?", ":"} or tv.words[i] in QUOTE_MARKS:
            break
        if tv.lower[i] == "," and tv.lower[i + 1] == "that":
            return i + 2
    return start


def _drop_trailing_adjunct(tv: TokenView, start: int, end: int, firsts: dict[int, int]) -> int:
    """ "confirmed that attack on state television": the channel is not what was said."""
    for i in range(max(start + 1, end - 6), end):
        last = firsts.get(i)
        if last is not None and last >= end:
            return i
    return end


def left_content(tv: TokenView, before: int, quotes: QuoteList, lo: int) -> tuple[int, int]:
    """Content ending at token ``before`` (a comma or closing quotation mark) of a later cue.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> from claimscope.extractors.attribution.quotes import find_quotes
    >>> tv = TokenView.from_text("Two died, officials said.")
    >>> s, e = left_content(tv, 2, find_quotes(tv), 0)
    >>> tv.words[s:e]
    ['Two', 'died']
    """
    b = before
    if b < lo:
        return b, b
    if tv.words[b] in QUOTE_MARKS or (
        tv.lower[b] == "," and b > 0 and tv.words[b - 1] in QUOTE_MARKS
    ):
        close = b if tv.words[b] in QUOTE_MARKS else b - 1
        found = quotes.closing_at(close)
        if found is not None:
            return found.open_tok, found.close_tok + 1
    if tv.lower[b] != ",":
        return b, b
    start = clause_start(tv, lo)
    end = b
    while end > start and tv.lower[end - 1] in _TRAIL:
        end -= 1
    return start, end


def _quoted_run(quotes: QuoteList, s: int, e: int) -> tuple[Quote, Quote] | None:
    """First and last quotation when tokens ``s..e-1`` open and close with quotations."""
    first = quotes.opening_at(s)
    if first is None:
        return None
    last = quotes.closing_at(e - 1)
    return (first, last) if last is not None and last.open_tok >= s else None


def mode_of(tv: TokenView, s: int, e: int, quotes: QuoteList) -> str:
    """direct (quotations only), mixed (holds a quoted fragment) or indirect.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> from claimscope.extractors.attribution.quotes import find_quotes
    >>> tv = TokenView.from_text('He said it was "over".')
    >>> mode_of(tv, 2, 7, find_quotes(tv))
    'mixed'
    """
    if _quoted_run(quotes, s, e) is not None:
        return "direct"
    if tv.marks_before[e] > tv.marks_before[s]:
        return "mixed"
    return "indirect"


def to_chars(tv: TokenView, s: int, e: int, quotes: QuoteList) -> tuple[int, int]:
    """Character span of tokens ``s..e-1``; a direct quotation loses its marks.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> from claimscope.extractors.attribution.quotes import find_quotes
    >>> tv = TokenView.from_text('"It fell," he said.')
    >>> to_chars(tv, 0, 5, find_quotes(tv))
    (1, 8)
    """
    run = _quoted_run(quotes, s, e)
    if run is not None:
        return run[0].start, run[1].end
    a, b = tv.start[s], tv.end[e - 1]
    while b > a and tv.text[b - 1] in ".,;: \n":
        b -= 1
    return a, b


def continued_quote(
    tv: TokenView, quotes: QuoteList, content: tuple[int, int], after: int, used: set[int]
) -> tuple[int, int]:
    """Extend a quotation by the next one when that one has no cue of its own.

    "“A,” she said. “B.”" and "“A,” she said, “B.”": B continues what she said.
    ``after`` is the first token past the cue and its adjuncts; ``used`` holds the
    opening-mark tokens of quotations that other cues already account for.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> from claimscope.extractors.attribution.quotes import find_quotes
    >>> tv = TokenView.from_text('"A," he said. "B."')
    >>> continued_quote(tv, find_quotes(tv), (0, 4), 7, set())
    (0, 10)
    """
    s = content[0]
    nxt = quotes.first_from(after)
    if nxt is None or nxt.open_tok in used or tv.para_of[nxt.open_tok] != tv.para_of[s]:
        return content
    gap = tv.lower[after : nxt.open_tok]
    if gap in ([","], ["."], [":"], []) or (gap and all(w in _TRAIL for w in gap)):
        return s, nxt.close_tok + 1
    return content


def cut_points(tv: TokenView, clauses: list[tuple[int, bool]]) -> list[int]:
    """Tokens where a reported clause must stop, sorted: the comma before a later
    reporting clause (", the ministry said", ", adding"), a coordinated cue ("and said"),
    the reporter's own comment (", suggesting"), a colon. ``clauses`` holds, per cue,
    the first token of its clause and whether its subject is inherited.

    >>> tv = TokenView.from_text("Two died, the army said, suggesting more.")
    >>> cut_points(tv, [(3, False)])
    [2, 6]
    """
    lex = lexicon()
    cuts: list[int] = []
    for first, inherited in clauses:
        j = first - 1
        while j >= 0 and tv.lower[j] in _CUT_JOINERS:
            j -= 1
        # ", a charge the group denies": the claim noun belongs to the later clause.
        if j >= 1 and tv.lower[j] in lex.claim_nouns and tv.lower[j - 1] in {"a", "an", "the"}:
            j -= 2
        if j >= 0 and tv.lower[j] == ",":
            cuts.append(j)
        elif j > 0 and tv.words[j] in QUOTE_MARKS and tv.lower[j - 1] == ",":
            cuts.append(j - 1)
        elif inherited and j + 1 < first:
            cuts.append(j + 1)
    for i in range(tv.n - 1):
        # The reporter's own concession or comment ends a reported clause.
        if (tv.lower[i] == "," and tv.lower[i + 1] in REPORTER_VOICE) or (
            tv.lower[i] == ":" and tv.words[i + 1] not in QUOTE_MARKS
        ):
            cuts.append(i)
    return sorted(set(cuts))
