"""Claim assembly: from mentions, attributions and hedges to claims with a status.

Every attribution becomes a claim over its content; each sentence the article states in
its own voice that carries a quantity, weapon or location becomes a claim with no source.
A claim holds the mentions inside it and takes its status from the hedges in scope: its
sentence(s), or the whole document for article-wide hedges ("neither side's claims could
be independently verified"). Quantities are linked to the weapon they count.

>>> from claimscope.types import Document, Quantity, Result, Weapon
>>> text = "Russia lost 40 tanks."
>>> tanks = Weapon(start=15, end=20, text="tanks", canonical="tank", category="tank",
...                generic=True)
>>> forty = Quantity(start=12, end=20, text="40 tanks", low=40, high=40,
...                  qualifier="exact", unit="tank", kind="count")
>>> result = assemble(Result(document=Document(id="d", text=text), quantities=[forty],
...                          weapons=[tanks]), sentences=[(0, len(text))])
>>> (result.claims[0].status, result.quantities[0].counts.text)
('asserted', 'tanks')
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from typing import Any

import attrs

from claimscope.types import Attribution, Claim, ClaimStatus, Hedge, Quantity, Result, Span, Weapon

__all__ = ["assemble", "link_counts", "status_for"]

#: When several hedges apply, the strongest decides the status.
_STATUS_BY_HEDGE: tuple[tuple[str, ClaimStatus], ...] = (
    ("denial", "denied"),
    ("unverified", "unverified"),
    ("conditional", "conditional"),
    ("uncertain", "uncertain"),
)


def status_for(hedges: Sequence[Hedge], *, attributed: bool) -> ClaimStatus:
    """The status a claim takes from the hedges in its scope.

    >>> status_for([], attributed=True)
    'reported'
    >>> status_for([Hedge(start=0, end=1, text="x", kind="uncertain")], attributed=False)
    'uncertain'
    """
    kinds = {hedge.kind for hedge in hedges}
    for kind, status in _STATUS_BY_HEDGE:
        if kind in kinds:
            return status
    return "reported" if attributed else "asserted"


def link_counts(quantities: Sequence[Quantity], weapons: Sequence[Weapon]) -> list[Quantity]:
    """Link each count to the weapon named inside its span ("up to 40 tanks").

    >>> w = Weapon(start=3, end=8, text="tanks", canonical="tank", category="tank")
    >>> q = Quantity(start=0, end=8, text="40 tanks", low=40, high=40, qualifier="exact",
    ...              unit="tank", kind="count")
    >>> link_counts([q], [w])[0].counts.text
    'tanks'
    """
    linked = []
    weapon_index = _Index(weapons)
    for quantity in quantities:
        inside = weapon_index.within(quantity.start, quantity.end)
        if quantity.kind == "count" and inside and quantity.counts is None:
            weapon = inside[-1]  # the head of the phrase comes last
            quantity = attrs.evolve(
                quantity, counts=Span(start=weapon.start, end=weapon.end, text=weapon.text))
        linked.append(quantity)
    return linked


class _Index:
    """Records sorted by start, for range look-ups in logarithmic time: claim assembly
    stays linear on documents with thousands of mentions."""

    def __init__(self, items: Sequence[Any]) -> None:
        self._items = sorted(items, key=lambda item: (item.start, item.end))
        self._starts = [item.start for item in self._items]
        self._longest = max((item.end - item.start for item in self._items), default=0)

    def within(self, start: int, end: int) -> list[Any]:
        """Items lying entirely inside ``[start, end)``."""
        low, high = bisect_left(self._starts, start), bisect_left(self._starts, end)
        return [item for item in self._items[low:high] if item.end <= end]

    def touching(self, start: int, end: int) -> list[Any]:
        """Items sharing at least one character with ``[start, end)``."""
        low = bisect_left(self._starts, start - self._longest)
        high = bisect_left(self._starts, end)
        return [item for item in self._items[low:high] if item.end > start]


class _Sentences:
    """Sentence ranges with logarithmic look-ups."""

    def __init__(self, sentences: Sequence[tuple[int, int]]) -> None:
        self.ranges = list(sentences)
        self._starts = [s for s, _ in self.ranges]
        self._ends = [e for _, e in self.ranges]

    def covering(self, start: int, end: int) -> tuple[int, int]:
        """From the start of the first sentence touched to the end of the last one."""
        first = bisect_right(self._ends, start)
        last = bisect_left(self._starts, end) - 1
        if first > last or first >= len(self.ranges):
            return start, end
        return self.ranges[first][0], self.ranges[last][1]


@attrs.define
class _Draft:
    """A claim before its status is known: the hedges in its scope still accumulate."""

    content: Span
    scope: tuple[int, int]
    attribution: Attribution | None
    mentions: dict[str, list[Any]]
    hedges: list[Hedge]

    @property
    def start(self) -> int:
        return self.scope[0]

    @property
    def end(self) -> int:
        return self.scope[1]

    def build(self, global_hedges: Sequence[Hedge]) -> Claim:
        in_scope = [*self.hedges, *(global_hedges if self.attribution else ())]
        return Claim(content=self.content, attribution=self.attribution,
                     status=status_for(in_scope, attributed=self.attribution is not None),
                     hedges=self.hedges, quantities=self.mentions["quantities"],
                     weapons=self.mentions["weapons"], locations=self.mentions["locations"])


@attrs.define
class _Mentions:
    """Every mention kind indexed once per document."""

    quantities: _Index
    weapons: _Index
    locations: _Index
    hedges: _Index

    def within(self, start: int, end: int) -> dict[str, list[Any]]:
        return {"quantities": self.quantities.within(start, end),
                "weapons": self.weapons.within(start, end),
                "locations": self.locations.within(start, end)}


def _attributed(result: Result, index: _Mentions, sentences: _Sentences) -> list[_Draft]:
    drafts = []
    for attribution in result.attributions:
        content = attribution.content
        scope = sentences.covering(min(attribution.start, content.start),
                                   max(attribution.end, content.end))
        drafts.append(_Draft(content, scope, attribution,
                             index.within(content.start, content.end),
                             index.hedges.within(*scope)))
    return drafts


def _own_voice(result: Result, index: _Mentions, sentences: _Sentences) -> list[_Draft]:
    text = result.document.text
    contents = _Index([a.content for a in result.attributions])
    cues = _Index([a.cue for a in result.attributions])
    drafts = []
    for start, end in sentences.ranges:
        if any(c.start <= start and end <= c.end for c in contents.touching(start, end)):
            continue
        mentions = index.within(start, end)
        if not any(mentions.values()):
            continue
        if cues.within(start, end):
            continue  # the sentence reports a statement: its claim is the attribution's
        span_start, span_end = _strip(text, start, end)
        content = Span(start=span_start, end=span_end, text=text[span_start:span_end])
        drafts.append(_Draft(content, (start, end), None, mentions,
                             index.hedges.within(start, end)))
    return drafts


def _hedge_preceding_claims(drafts: Sequence[_Draft], hedges: _Index,
                            sentences: _Sentences) -> None:
    """A hedge alone in its sentence ("The figure could not be verified.") speaks of the
    claims of the sentence before it."""
    by_scope = _Index(drafts)
    for position, (start, end) in enumerate(sentences.ranges):
        own = hedges.within(start, end)
        if not own or position == 0 or by_scope.touching(start, end):
            continue
        before_start, before_end = sentences.ranges[position - 1]
        for draft in by_scope.touching(before_start, before_end):
            draft.hedges.extend(h for h in own if h not in draft.hedges)


def assemble(result: Result, sentences: Sequence[tuple[int, int]]) -> Result:
    """Return ``result`` with linked quantities and its claims, in text order.

    :param sentences: ``(start, end)`` character ranges of the document's sentences.
    """
    quantities = link_counts(result.quantities, result.weapons)
    index = _Mentions(_Index(quantities), _Index(result.weapons), _Index(result.locations),
                      _Index([h for h in result.hedges if h.scope == "sentence"]))
    ranges = _Sentences(sentences)
    drafts = [*_attributed(result, index, ranges), *_own_voice(result, index, ranges)]
    _hedge_preceding_claims(drafts, index.hedges, ranges)
    # Article-wide hedges speak of the sources' claims, not of the article's own voice.
    global_hedges = [hedge for hedge in result.hedges if hedge.scope == "document"]
    claims = sorted((draft.build(global_hedges) for draft in drafts),
                    key=lambda claim: (claim.content.start, claim.content.end))
    return attrs.evolve(result, quantities=quantities, claims=claims)


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
