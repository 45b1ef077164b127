"""Direct-quote structure: pair quotation marks by type, per paragraph, in one pass.

Curly marks pair by direction; straight marks by the spaces around them (an opening
mark has a space before it and none after). A quotation left open at the end of a
paragraph continues when the next paragraph opens with a quotation mark (the newswire
convention for multi-paragraph quotes); otherwise it runs to the paragraph's end. One
stray mark never hides the rest of the document's quotes.

>>> import spacy
>>> from claimscope.extractors.attribution.tokens import TokenView
>>> tv = TokenView.from_text('“We held,” he said. "It fell," she said.')
>>> [tv.text[q.start:q.end] for q in find_quotes(tv)]
['We held', 'It fell']
"""

from __future__ import annotations

import bisect

import attrs

from claimscope.extractors.attribution.tokens import TokenView

__all__ = ["Quote", "QuoteList", "find_quotes", "quote_index"]

_DOUBLE_OPEN = frozenset({"“", "„", "«", "``"})
_DOUBLE_CLOSE = frozenset({"”", "»"})
#: Marks used both to open and to close (ASCII double quote, two apostrophes).
_STRAIGHT = frozenset({'"', "''"})
_SINGLE_OPEN = frozenset({"‘"})
_SINGLE_CLOSE = frozenset({"’"})
_STRIP = " \t\n,;:"
_OPEN_AFTER = frozenset({"(", "[", "—", "–", "-", ":", "/"})


@attrs.frozen
class Quote:
    """One quotation: the tokens of its marks and the character span of its words.

    >>> Quote(open_tok=0, close_tok=3, start=1, end=8, closed=True).closed
    True
    """

    open_tok: int
    #: Token index of the closing mark, or the last token of the paragraph when unclosed.
    close_tok: int
    start: int
    end: int
    closed: bool


class QuoteList(list[Quote]):
    """Quotations in text order, indexed by their marks so lookups stay constant-time.

    >>> ql = QuoteList([Quote(open_tok=2, close_tok=5, start=10, end=20, closed=True)])
    >>> ql.opening_at(2).close_tok, ql.closing_at(5).open_tok, ql.first_from(3)
    (5, 2, None)
    >>> [q.open_tok for q in ql.between(0, 4)]
    [2]
    """

    def __init__(self, quotes: list[Quote]) -> None:
        super().__init__(quotes)
        self.by_open = {q.open_tok: q for q in quotes}
        self.by_close = {q.close_tok: q for q in quotes}
        self.opens = [q.open_tok for q in quotes]

    def opening_at(self, i: int) -> Quote | None:
        """The quotation whose opening mark is token ``i``.

        >>> ql = QuoteList([Quote(open_tok=2, close_tok=5, start=10, end=20, closed=True)])
        >>> ql.opening_at(3) is None
        True
        """
        return self.by_open.get(i)

    def closing_at(self, i: int) -> Quote | None:
        """The quotation whose closing mark (or last token) is token ``i``.

        >>> ql = QuoteList([Quote(open_tok=2, close_tok=5, start=10, end=20, closed=True)])
        >>> ql.closing_at(5).start
        10
        """
        return self.by_close.get(i)

    def first_from(self, i: int) -> Quote | None:
        """The first quotation opening at or after token ``i``.

        >>> ql = QuoteList([Quote(open_tok=2, close_tok=5, start=10, end=20, closed=True)])
        >>> ql.first_from(0).end
        20
        """
        k = bisect.bisect_left(self.opens, i)
        return self[k] if k < len(self) else None

    def between(self, s: int, e: int) -> list[Quote]:
        """Quotations opening within tokens ``s..e-1``.

        >>> ql = QuoteList([Quote(open_tok=2, close_tok=5, start=10, end=20, closed=True)])
        >>> ql.between(3, 9)
        []
        """
        return self[bisect.bisect_left(self.opens, s) : bisect.bisect_left(self.opens, e)]


def _orientation(tv: TokenView, i: int) -> str:
    """'open', 'close' or '?' for a straight quotation mark, from the spaces around it."""
    before = i == 0 or tv.space[i - 1] or tv.brk[i - 1] or tv.words[i - 1] in _OPEN_AFTER
    after = i + 1 >= tv.n or tv.space[i] or tv.brk[i + 1]
    if before and not after:
        return "open"
    if not before:
        return "close"
    return "?"


def _make(tv: TokenView, open_tok: int, close_tok: int, closed: bool) -> Quote | None:
    a = tv.end[open_tok]
    b = tv.start[close_tok] if closed else tv.end[close_tok]
    while a < b and tv.text[a] in _STRIP:
        a += 1
    while b > a and tv.text[b - 1] in _STRIP:
        b -= 1
    if b <= a:
        return None
    return Quote(open_tok=open_tok, close_tok=close_tok, start=a, end=b, closed=closed)


class _Pairer:
    """State of one kind of quotation mark (double or single) across the document."""

    def __init__(self, tv: TokenView) -> None:
        self.tv = tv
        self.open: int | None = None
        self.chain: int | None = None  # opening mark of a quote carried over paragraphs
        self.last: int = -1  # last token seen inside the open quote
        self.out: list[Quote] = []

    def opening(self, i: int) -> None:
        if self.open is None:
            self.open = i
            return
        # Re-opened at a paragraph start while a quote carries over: keep the chain.
        if self.chain is not None and self.open == -2:
            self.open = i
            return
        self.open = i
        self.chain = None

    def closing(self, i: int) -> None:
        if self.open is None:
            return
        first = self.chain if self.chain is not None else self.open
        quote = _make(self.tv, first, i, True)
        if quote is not None:
            self.out.append(quote)
        self.open = None
        self.chain = None

    def paragraph_end(self, last: int, next_opens: bool) -> None:
        if self.open is None:
            return
        first = self.chain if self.chain is not None else self.open
        if next_opens:
            self.chain = first
            self.open = -2  # waiting for the re-opening mark
            return
        if self.open != -2:
            quote = _make(self.tv, first, last, False)
            if quote is not None:
                self.out.append(quote)
        self.open = None
        self.chain = None


def _next_paragraph_opens(tv: TokenView, i: int, marks: frozenset[str]) -> bool:
    j = i + 1
    while j < tv.n and tv.words[j].isspace():
        j += 1
    return j < tv.n and tv.words[j] in marks


def find_quotes(tv: TokenView) -> QuoteList:
    """All quotations of the document, outermost double quotes and single quotes.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text("He said “yes” and ‘no’.")
    >>> [tv.text[q.start:q.end] for q in find_quotes(tv)]
    ['yes', 'no']
    """
    double, single = _Pairer(tv), _Pairer(tv)
    words = tv.words
    last_word = -1
    for i in range(tv.n):
        w = words[i]
        if tv.brk[i]:
            if last_word >= 0:
                double.paragraph_end(
                    last_word, _next_paragraph_opens(tv, i, _DOUBLE_OPEN | _STRAIGHT)
                )
                single.paragraph_end(last_word, _next_paragraph_opens(tv, i, _SINGLE_OPEN))
            continue
        if not w.isspace():
            last_word = i
        if w in _DOUBLE_OPEN:
            double.opening(i)
        elif w in _DOUBLE_CLOSE:
            double.closing(i)
        elif w in _STRAIGHT:
            side = _orientation(tv, i)
            if side == "open" or (side == "?" and double.open in (None, -2)):
                double.opening(i)
            else:
                double.closing(i)
        elif w in _SINGLE_OPEN or (w == "'" and _orientation(tv, i) == "open"):
            if double.open is None:
                single.opening(i)
        elif (w in _SINGLE_CLOSE or w == "'") and single.open not in (None, -2):
            single.closing(i)
    if last_word >= 0:
        double.paragraph_end(last_word, False)
        single.paragraph_end(last_word, False)
    quotes = sorted(double.out + single.out, key=lambda q: q.start)
    # Keep outermost quotations only (single quotes nested in double ones are dropped).
    kept: list[Quote] = []
    for quote in quotes:
        if kept and quote.start < kept[-1].end:
            continue
        kept.append(quote)
    return QuoteList(kept)


def quote_index(tv: TokenView, quotes: list[Quote]) -> list[int]:
    """For each token, the index of the quote containing it (marks included), else -1.

    >>> import spacy
    >>> from claimscope.extractors.attribution.tokens import TokenView
    >>> tv = TokenView.from_text('He said "yes".')
    >>> quote_index(tv, find_quotes(tv))
    [-1, -1, 0, 0, 0, -1]
    """
    inside = [-1] * tv.n
    for k, quote in enumerate(quotes):
        for t in range(quote.open_tok, min(tv.n, quote.close_tok + 1)):
            inside[t] = k
    return inside
