"""The attribution extractor: who says what, where and when.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> doc = nlp('“We hold the town,” Ivan Kim, the governor, said on Telegram.')
>>> [(a.source.text, a.cue.text, a.content.text, a.mode, a.channel)
...  for a in AttributionExtractor().extract(doc)]
[('Ivan Kim', 'said', 'We hold the town', 'direct', 'Telegram')]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

import attrs

from claimscope.extractors.attribution.clauses import (
    END,
    PARTICIPLES,
    apposition_after,
    channel_and_date,
    closes_quote_before,
    continues,
    inverted_source,
    opens_quote,
    quote_starts,
    skip_right,
)
from claimscope.extractors.attribution.content import (
    REPORTER_VOICE,
    clause_start,
    continued_quote,
    cut_points,
    left_content,
    mode_of,
    right_content,
    to_chars,
)
from claimscope.extractors.attribution.context import AdjunctIndex, find_adjuncts
from claimscope.extractors.attribution.cues import Cue, colon_cues, find_cues
from claimscope.extractors.attribution.lexicon import lexicon
from claimscope.extractors.attribution.quotes import QuoteList, find_quotes, quote_index
from claimscope.extractors.attribution.resolve import Resolved, Resolver, home_sides
from claimscope.extractors.attribution.sources import (
    Found,
    clean_np,
    left_source,
    np_left,
    np_right,
    skip_left,
    split_conjuncts,
)
from claimscope.extractors.attribution.tokens import QUOTE_MARKS, TokenView
from claimscope.types import Attribution, QuoteMode, Source, SourceKind, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["AttributionExtractor"]

_PROMISSIVE = frozenset({"vow", "pledge", "promise", "threaten", "urge", "warn"})
_NON_SOURCES = frozenset({"information", "data", "preliminary", "initial"})


#: A sentence opening with these starts with an adjunct, not with its subject.
_OPENING_PREPS = frozenset({"in", "on", "at", "after", "before", "during", "since", "from",
                            "with", "without", "by", "for", "under", "amid", "despite"})


@attrs.define
class _Item:
    """One cue being resolved: its source(s), where its content starts, and the result."""

    cue: Cue
    sources: list[Found]
    after: int  # first token past the cue, its adjuncts and the person told
    inherited: bool = False
    content: tuple[int, int] = (0, 0)
    #: A channel read from the cue itself ("quoted by TASS as saying").
    channel: str | None = None


def _clause_first(item: _Item) -> tuple[int, bool]:
    """Where a cue's clause starts (its source or the cue), and whether it is inherited."""
    if item.inherited or item.cue.kind in {"according", "citing"}:
        return item.cue.first, item.inherited
    return min(item.sources[0].first, item.cue.first), False


class AttributionExtractor:
    """Finds reported statements: source, cue, content, mode, channel and date.

    >>> AttributionExtractor().produces
    frozenset({'attributions'})
    """

    name = "attribution"
    version = "0.2.0"
    produces = frozenset({"attributions"})
    uses = frozenset({"sentences", "pos", "ner"})

    def extract(self, doc: Doc) -> Iterator[Attribution]:
        """Yield one :class:`~claimscope.types.Attribution` per cue and source.

        >>> import spacy
        >>> doc = spacy.blank("en")("Kyiv said it held the town.")
        >>> [a.source.text for a in AttributionExtractor().extract(doc)]
        ['Kyiv']
        """
        tv = TokenView(doc)
        quotes = find_quotes(tv)
        inside = quote_index(tv, quotes)
        adj = AdjunctIndex(find_adjuncts(tv))
        cues = sorted(find_cues(tv, inside) + colon_cues(tv, inside, adj), key=lambda c: c.first)
        items = self._sources(tv, cues, adj, inside)
        self._contents(tv, items, quotes, adj)
        yield from home_sides(list(self._records(tv, items, quotes, adj)))

    def _sources(
        self, tv: TokenView, cues: list[Cue], adj: AdjunctIndex, inside: list[int]
    ) -> list[_Item]:
        items: list[_Item] = []
        for cue in cues:
            item = self._source_of(tv, cue, adj, inside, items)
            if item is not None:
                items.append(item)
        return items

    def _source_of(
        self, tv: TokenView, cue: Cue, adj: AdjunctIndex, inside: list[int], previous: list[_Item]
    ) -> _Item | None:
        sent_start, sent_end = tv.sentence(cue.first)
        if cue.kind in {"according", "citing"}:
            end = np_right(tv, cue.last, sent_end, adj)
            if (
                end <= cue.last
                or tv.lower[end - 1] in _NON_SOURCES
                or any(tv.lower[k] in _NON_SOURCES for k in range(cue.last, end))
            ):
                return None
            role, after = apposition_after(tv, end, sent_end)
            if after == end and end in adj.by_first:
                after = adj.by_first[end].last  # "according to figures … on Tuesday, …"
            return _Item(cue=cue, sources=[Found(first=cue.last, last=end, role=role)], after=after)
        if cue.kind == "colon":
            start = clause_start(tv, sent_start)
            p = skip_left(tv, cue.first, start, adj)
            return _Item(cue=cue, sources=[Found(first=start, last=p + 1)], after=cue.last)
        if cue.kind == "reports":
            return _Item(
                cue=cue, sources=[Found(first=cue.first, last=cue.last)], after=cue.last + 1
            )
        if cue.kind == "noun":
            start = np_left(tv, cue.first - 2, sent_start, lexicon())
            if start > cue.first - 2:
                return None
            return _Item(cue=cue, sources=[Found(first=start, last=cue.first - 1)], after=cue.last)
        after = skip_right(tv, cue.last, adj, cue.lemma)
        if continues(tv, cue, sent_start, adj):
            last = previous[-1] if previous else None
            if last is not None and tv.sentence(last.cue.first)[0] == sent_start:
                return _Item(cue=cue, sources=last.sources, after=after, inherited=True)
            start = clause_start(tv, sent_start)
            end = np_right(tv, start, cue.first, adj)
            # "Kyiv hit back, saying …": the subject of the clause before the comma; but a
            # phrase running up to the comma ("Officials in Kyiv, saying") is no subject.
            if end > start and (tv.lower[cue.first - 1] != "," or (
                    end < cue.first - 2 and tv.lower[start] not in _OPENING_PREPS)):
                return _Item(
                    cue=cue, sources=[Found(first=start, last=end)], after=after, inherited=True
                )
            if tv.lower[cue.first] in PARTICIPLES:
                return None
        if cue.kind == "quoted_as":
            return self._quoted_as(tv, cue, adj, inside)
        word = tv.lower[cue.first]
        if word.endswith("ing") and word not in PARTICIPLES and tv.lower[cue.first - 1] == ",":
            return None  # ", suggesting …": the reporter's inference, not a report
        found = None
        if cue.first > sent_start and (
            tv.lower[cue.first - 1] == "," or tv.words[cue.first - 1] in QUOTE_MARKS
        ):
            # "…, said Jeffrey Trimble, a senior official": the speaker follows the cue.
            found = inverted_source(tv, after, adj)
            if found is not None and (
                tv.words[cue.first - 1] in QUOTE_MARKS or clean_np(tv, found.first, found.last)
            ):
                after = skip_right(tv, found.last, adj, "")
                return self._item(tv, cue, found, after)
        found = left_source(tv, cue.first, adj, inside)
        if found is None:
            p = skip_left(tv, cue.first, sent_start, adj)
            if p < sent_start or tv.lower[p] == "," or tv.words[p] in QUOTE_MARKS:
                found = inverted_source(tv, after, adj)
            if found is not None:
                after = skip_right(tv, found.last, adj, "")
        if found is None:
            return None
        return self._item(tv, cue, found, after)

    def _item(self, tv: TokenView, cue: Cue, found: Found, after: int) -> _Item:
        """One item per coordinated source ("Kyiv and Moscow blamed each other")."""
        sources = [
            Found(first=a, last=b, role=found.role)
            for a, b in split_conjuncts(tv, found.first, found.last)
        ]
        return _Item(cue=cue, sources=sources, after=after)

    def _quoted_as(
        self, tv: TokenView, cue: Cue, adj: AdjunctIndex, inside: list[int]
    ) -> _Item | None:
        """ "X was quoted by TASS as saying" (source X, channel TASS); "TASS quoted X as
        saying" (source X, channel TASS)."""
        sent_start = tv.sentence(cue.first)[0]
        p = cue.first - 1
        if p >= sent_start and tv.lower[p] in {"was", "were", "is", "are", "been", "being"}:
            found = left_source(tv, p, adj, inside)
            k = cue.first + 1
            channel = None
            if k < cue.last and tv.lower[k] == "by":
                end = np_right(tv, k + 1, cue.last, adj)
                channel = tv.span_text(k + 1, end)[2] if end > k + 1 else None
        else:
            end = np_right(tv, cue.first + 1, cue.last, adj)
            found = Found(first=cue.first + 1, last=end) if end > cue.first + 1 else None
            outlet = left_source(tv, cue.first, adj, inside)
            channel = tv.span_text(outlet.first, outlet.last)[2] if outlet else None
        if found is None:
            return None
        return _Item(cue=cue, sources=[found], after=cue.last, channel=channel)

    def _contents(
        self, tv: TokenView, items: list[_Item], quotes: QuoteList, adj: AdjunctIndex
    ) -> None:
        cuts = cut_points(tv, [_clause_first(item) for item in items])
        channel_ends = {a.first: a.last for a in adj.adjuncts if a.kind == "channel"}
        for k, item in enumerate(items):
            item.content = self._content_of(tv, item, quotes, cuts, channel_ends)
            prev = items[k - 1] if k else None
            if (
                prev is not None
                and item.cue.kind in {"according", "citing"}
                and prev.content[0] > item.cue.first
                and tv.sent_of[prev.cue.first] == tv.sent_of[item.cue.first]
            ):
                # "TASS reported, citing the ministry, that …": both report the same clause.
                item.content = prev.content
            if item.cue.kind in {"according", "citing"} and k + 1 < len(items):
                nxt = items[k + 1]
                s = item.content[0]
                if nxt.sources and nxt.sources[0].first == s and nxt.cue.kind == "verb":
                    item.content = self._content_of(tv, nxt, quotes, cuts, channel_ends)
        used = {tv_first for it in items for tv_first in quote_starts(quotes, it.content)}
        for item in items:
            s, e = item.content
            if e > s and mode_of(tv, s, e, quotes) == "direct" and e <= item.cue.first:
                item.content = continued_quote(tv, quotes, item.content, item.after, used)

    def _content_of(
        self,
        tv: TokenView,
        item: _Item,
        quotes: QuoteList,
        cuts: list[int],
        channel_ends: dict[int, int],
    ) -> tuple[int, int]:
        cue = item.cue
        sent_start, sent_end = tv.sentence(cue.first)
        after = item.after
        src_first = item.sources[0].first
        left_end = min(src_first, cue.first) if not item.inherited else cue.first
        if cue.kind in {"according", "citing"}:
            left_end = cue.first
        ends_here = after >= sent_end or tv.lower[after] in END - {":"} or tv.brk[after]
        if (
            ends_here
            and after + 1 < tv.n
            and tv.lower[after] == ","
            and opens_quote(quotes, after + 1)
            and (item.inherited or not closes_quote_before(tv, left_end))
        ):
            ends_here = False  # "…, adding, “…”": the quotation follows the cue
        if (
            cue.kind in {"according", "citing"}
            and tv.lower[after : after + 1] == [","]
            and (
                cue.first <= clause_start(tv, sent_start)
                or (
                    tv.lower[cue.first - 1] in {"that", ","}
                    and cue.first - 1 > sent_start
                    and tv.lower[cue.first - 1] == "that"
                )
            )
        ):
            ends_here = False
        if ends_here and left_end - 1 >= sent_start - 1:
            b = skip_left(tv, left_end, 0, AdjunctIndex([]))
            s, e = left_content(tv, b, quotes, sent_start)
            lex = lexicon()
            adverbial = e > s and (tv.lower[s] in lex.intro_adverbials and e - s <= 5)
            if (
                e > s
                and not adverbial
                and (clean_np(tv, s, e) or (e - s <= 4 and tv.lower[s] in lex.determiners))
                and after + 1 < sent_end
                and tv.lower[after] == ","
                and not tv.cap[after + 1]
                and tv.lower[after + 1] not in PARTICIPLES | REPORTER_VOICE | {"without", "with"}
            ):
                # "The village, residents said, was shelled": the statement surrounds the cue.
                r_s, r_e = right_content(tv, after + 1, quotes, cuts, channel_ends)
                if r_e > r_s:
                    return s, r_e
            if e > s and not adverbial:
                return s, e
            if adverbial and after < sent_end and tv.lower[after] == ",":
                after += 1
        if closes_quote_before(tv, left_end) and item.cue.kind == "verb" and not item.inherited:
            # "“…,” she said several months later": the quotation is what was said.
            b = skip_left(tv, left_end, 0, AdjunctIndex([]))
            s, e = left_content(tv, b, quotes, sent_start)
            if e > s:
                return s, e
        s, e = right_content(tv, after, quotes, cuts, channel_ends)
        first = item.sources[0].first
        if tv.lower[first] in {"who", "which"} and first > 0 and tv.lower[first - 1] == ",":
            # ", who say they act for X, claimed …": the inserted clause ends at its comma.
            for k in range(s, e):
                if tv.lower[k] == ",":
                    e = k
                    break
        if cue.lemma in _PROMISSIVE and e > s and tv.lower[s] == "to":
            # "vowed to defeat them and thanked ...": the pledge ends at the next verb.
            for i in range(s + 2, e - 1):
                if tv.lower[i] == "and" and tv.lower[i + 1].endswith("ed"):
                    e = i
                    break
        if (e > s and tv.sentence(s)[0] == sent_start) or (e > s and s < sent_end):
            return s, e
        # "a charge both Moscow and Pyongyang have denied": the object precedes the source.
        j = left_end - 1
        while j >= sent_start and tv.lower[j] != "," and tv.words[j] not in QUOTE_MARKS:
            j -= 1
        return (j + 1, left_end) if left_end > j + 1 else (s, e)

    def _records(
        self, tv: TokenView, items: list[_Item], quotes: QuoteList, adj: AdjunctIndex
    ) -> Iterator[Attribution]:
        resolver = Resolver()
        # Last (paragraph, channel, date) per resolved source: a later cue in the same
        # paragraph by the same source reports the same statement.
        said: dict[str, tuple[int, str | None, str | None]] = {}
        for item in items:
            s, e = item.content
            if e <= s:
                continue
            a, b = to_chars(tv, s, e, quotes)
            if b <= a:
                continue
            content = Span(start=a, end=b, text=tv.text[a:b])
            mode = cast(QuoteMode, mode_of(tv, s, e, quotes))
            cs, ce, cue_text = tv.span_text(item.cue.shown, item.cue.last)
            cue = Span(start=cs, end=ce, text=cue_text)
            channel, date = channel_and_date(tv, item.cue, item.content, adj)
            channel = item.channel or channel
            para = tv.para_of[item.cue.first]
            for found in item.sources:
                source = self._source_record(tv, found, resolver)
                if source is None:
                    continue
                earlier = said.get(source.resolved)
                own = (channel, date)
                if channel is None and date is None and earlier and earlier[0] == para:
                    own = (earlier[1], earlier[2])
                said[source.resolved] = (para, *own)
                yield Attribution(
                    source=source, cue=cue, content=content, mode=mode, channel=own[0], date=own[1]
                )

    def _source_record(self, tv: TokenView, found: Found, resolver: Resolver) -> Source | None:
        if found.last <= found.first:
            return None
        words = tv.words[found.first : found.last]
        role = tv.words[found.role[0] : found.role[1]] if found.role else None
        antecedent: Resolved | None = None
        if len(words) == 1 and tv.lower[found.first] in {"which", "who"}:
            p = found.first - 2
            start = np_left(tv, p, tv.sentence(found.first)[0], lexicon())
            if start <= p:
                antecedent = resolver.resolve(tv.words[start : p + 1], None)
        reading = resolver.resolve(words, role, antecedent, tv.ent[found.last - 1])
        s, e, text = tv.span_text(found.first, found.last)
        return Source(
            start=s,
            end=e,
            text=text,
            kind=cast(SourceKind, reading.kind),
            resolved=reading.resolved,
            role=reading.role,
            organisation=reading.organisation,
            side=reading.side,
        )
