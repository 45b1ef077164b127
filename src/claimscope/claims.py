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
    for quantity in quantities:
        inside = [w for w in weapons if quantity.start <= w.start and w.end <= quantity.end]
        if quantity.kind == "count" and inside and quantity.counts is None:
            weapon = inside[-1]  # the head of the phrase comes last
            quantity = attrs.evolve(
                quantity, counts=Span(start=weapon.start, end=weapon.end, text=weapon.text))
        linked.append(quantity)
    return linked


def _within(items: Sequence[Any], start: int, end: int) -> list[Any]:
    return [item for item in items if start <= item.start and item.end <= end]


def _sentence_range(sentences: Sequence[tuple[int, int]], start: int, end: int) -> tuple[int, int]:
    touched = [(s, e) for s, e in sentences if s < end and start < e]
    if not touched:
        return start, end
    return touched[0][0], touched[-1][1]


@attrs.define
class _Draft:
    """A claim before its status is known: the hedges in its scope still accumulate."""

    content: Span
    scope: tuple[int, int]
    attribution: Attribution | None
    mentions: dict[str, list[Any]]
    hedges: list[Hedge]

    def build(self, global_hedges: Sequence[Hedge]) -> Claim:
        in_scope = [*self.hedges, *(global_hedges if self.attribution else ())]
        return Claim(content=self.content, attribution=self.attribution,
                     status=status_for(in_scope, attributed=self.attribution is not None),
                     hedges=self.hedges, quantities=self.mentions["quantities"],
                     weapons=self.mentions["weapons"], locations=self.mentions["locations"])


def _mentions(result: Result, quantities: Sequence[Quantity], start: int, end: int
              ) -> dict[str, list[Any]]:
    return {"quantities": _within(quantities, start, end),
            "weapons": _within(result.weapons, start, end),
            "locations": _within(result.locations, start, end)}


def _attributed(result: Result, quantities: Sequence[Quantity],
                sentences: Sequence[tuple[int, int]]) -> list[_Draft]:
    drafts = []
    for attribution in result.attributions:
        content = attribution.content
        scope = _sentence_range(sentences, min(attribution.start, content.start),
                                max(attribution.end, content.end))
        drafts.append(_Draft(content, scope, attribution,
                             _mentions(result, quantities, content.start, content.end),
                             _within(result.hedges, *scope)))
    return drafts


def _own_voice(result: Result, quantities: Sequence[Quantity],
               sentences: Sequence[tuple[int, int]]) -> list[_Draft]:
    text = result.document.text
    covered = [(a.content.start, a.content.end) for a in result.attributions]
    drafts = []
    for start, end in sentences:
        if any(s <= start and end <= e for s, e in covered):
            continue
        mentions = _mentions(result, quantities, start, end)
        if not any(mentions.values()):
            continue
        if any(a.cue.start >= start and a.cue.end <= end for a in result.attributions):
            continue  # the sentence reports a statement: its claim is the attribution's
        span_start, span_end = _strip(text, start, end)
        content = Span(start=span_start, end=span_end, text=text[span_start:span_end])
        drafts.append(_Draft(content, (start, end), None, mentions,
                             _within(result.hedges, start, end)))
    return drafts


def _hedge_preceding_claims(drafts: Sequence[_Draft], hedges: Sequence[Hedge],
                            sentences: Sequence[tuple[int, int]]) -> None:
    """A hedge alone in its sentence ("The figure could not be verified.") speaks of the
    claims of the sentence before it."""
    for index, (start, end) in enumerate(sentences):
        own = _within(hedges, start, end)
        if not own or index == 0 or any(d.scope[0] < end and start < d.scope[1]
                                         for d in drafts):
            continue
        before_start, before_end = sentences[index - 1]
        for draft in drafts:
            if draft.scope[0] < before_end and before_start < draft.scope[1]:
                draft.hedges.extend(h for h in own if h not in draft.hedges)


def assemble(result: Result, sentences: Sequence[tuple[int, int]]) -> Result:
    """Return ``result`` with linked quantities and its claims, in text order.

    :param sentences: ``(start, end)`` character ranges of the document's sentences.
    """
    quantities = link_counts(result.quantities, result.weapons)
    drafts = [*_attributed(result, quantities, sentences),
              *_own_voice(result, quantities, sentences)]
    sentence_hedges = [hedge for hedge in result.hedges if hedge.scope == "sentence"]
    _hedge_preceding_claims(drafts, sentence_hedges, sentences)
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
