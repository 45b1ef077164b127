"""Claim assembly: statuses from hedges in scope, own-voice claims, counts linked."""

from __future__ import annotations

from claimscope.claims import assemble
from claimscope.types import (
    Attribution,
    Document,
    Hedge,
    Location,
    Quantity,
    Result,
    Source,
    Span,
    Weapon,
)

TEXT = ("Officials said 18 drones were downed. The claim could not be verified.\n\n"
        "Another 5 tanks moved near Kupiansk. Neither side's claims could be verified.")
SENTENCES = [(0, 37), (38, 70), (72, 108), (109, len(TEXT))]


def span(text: str, cls: type = Span, **fields: object) -> object:
    start = TEXT.index(text)
    return cls(start=start, end=start + len(text), text=text, **fields)


ATTRIBUTION = Attribution(
    source=span("Officials", Source, kind="unnamed", resolved="Officials"),
    cue=span("said"), content=span("18 drones were downed"), mode="indirect")
DRONES = span("18 drones", Quantity, low=18, high=18, qualifier="exact", unit="drone",
              kind="count")
TANKS = span("5 tanks", Quantity, low=5, high=5, qualifier="exact", unit="tank", kind="count")
TANK_WORD = span("tanks", Weapon, canonical="tank", category="tank", generic=True)
KUPIANSK = span("Kupiansk", Location, name="Kupiansk", kind="populated_place", country="UA",
                lat=49.71, lon=37.61)
UNVERIFIED = span("could not be verified", Hedge, kind="unverified")
NEITHER = Hedge(start=TEXT.rindex("could not"), end=len(TEXT) - 1,
                text=TEXT[TEXT.rindex("could not"):-1], kind="unverified", scope="document")


def build(**records: object) -> Result:
    return assemble(Result(document=Document(id="d", text=TEXT), **records), SENTENCES)


def test_attribution_is_a_reported_claim_holding_its_mentions() -> None:
    (claim,) = build(attributions=[ATTRIBUTION], quantities=[DRONES]).claims
    assert claim.status == "reported"
    assert claim.attribution == ATTRIBUTION
    assert [q.text for q in claim.quantities] == ["18 drones"]


def test_a_hedge_alone_in_the_next_sentence_applies_to_the_claim_before() -> None:
    result = build(attributions=[ATTRIBUTION], quantities=[DRONES, TANKS], hedges=[UNVERIFIED])
    statuses = {c.content.text: c.status for c in result.claims}
    assert statuses["18 drones were downed"] == "unverified"
    assert statuses["Another 5 tanks moved near Kupiansk."] == "asserted"


def test_article_wide_hedges_reach_every_reported_claim_but_not_the_own_voice() -> None:
    result = build(attributions=[ATTRIBUTION], quantities=[DRONES, TANKS], hedges=[NEITHER])
    statuses = {c.content.text: c.status for c in result.claims}
    assert statuses == {"18 drones were downed": "unverified",
                        "Another 5 tanks moved near Kupiansk.": "asserted"}


def test_own_voice_sentences_with_mentions_become_claims() -> None:
    (claim,) = build(weapons=[TANK_WORD], locations=[KUPIANSK], quantities=[TANKS]).claims
    assert claim.attribution is None
    assert [loc.name for loc in claim.locations] == ["Kupiansk"]


def test_counts_are_linked_to_the_weapon_they_count() -> None:
    result = build(quantities=[TANKS], weapons=[TANK_WORD])
    assert result.quantities[0].counts == Span(start=TANK_WORD.start, end=TANK_WORD.end,
                                               text="tanks")
    assert result.claims[0].quantities[0].counts is not None


def test_denial_outranks_other_hedges() -> None:
    denied = span("downed", Hedge, kind="denial")
    (claim,) = build(attributions=[ATTRIBUTION], hedges=[denied]).claims
    assert claim.status == "denied"
