"""Hypothesis strategies for claimscope inputs and outputs, for reuse in plugin tests.

>>> from hypothesis import given, settings
>>> @settings(max_examples=5)
... @given(news_like_texts())
... def test(text):
...     assert isinstance(text, str)
>>> test()
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from claimscope.types import (
    HEDGE_KINDS,
    LOCATION_KINDS,
    QUALIFIERS,
    QUANTITY_KINDS,
    QUOTE_MODES,
    SOURCE_KINDS,
    WEAPON_CATEGORIES,
    Attribution,
    Claim,
    Diagnostic,
    Document,
    Hedge,
    Location,
    Quantity,
    Result,
    Source,
    Span,
    Weapon,
)

__all__ = ["documents", "news_like_texts", "results"]

_WORDS = (
    "said", "says", "told", "according", "to", "officials", "the", "ministry", "Kyiv",
    "Moscow", "Bakhmut", "Gaza", "Khartoum", "tanks", "drones", "Storm", "Shadow", "HIMARS",
    "T-72", "Shahed-136", "missiles", "more", "than", "about", "up", "nearly", "dozens",
    "of", "hundreds", "1,000", "40", "3.5", "$1.2bn", "km", "percent", "two", "thirty-five",
    "reportedly", "could", "not", "be", "independently", "verified", "denied", "if",
    "confirmed", "\"", "“", "”", "'", ",", ".", "-", ":", "\n\n", "Ukraine's", "U.S.",
)


def news_like_texts(max_words: int = 80) -> st.SearchStrategy[str]:
    """Texts made of conflict-news vocabulary, quotes and punctuation, plus arbitrary
    Unicode now and then (the inputs that break extractors)."""
    words = st.lists(st.sampled_from(_WORDS) | st.text(max_size=8), max_size=max_words)
    return words.map(" ".join) | st.text(max_size=200)


def documents(texts: st.SearchStrategy[str] | None = None) -> st.SearchStrategy[Document]:
    """:class:`~claimscope.types.Document` objects with ids and news-like texts."""
    return st.builds(Document, id=st.text(min_size=1, max_size=10),
                     text=texts if texts is not None else news_like_texts(),
                     title=st.none() | st.text(max_size=20))


def _span_in(draw: Any, text: str) -> tuple[int, int, str] | None:
    if not text:
        return None
    start = draw(st.integers(0, len(text) - 1))
    end = draw(st.integers(start + 1, len(text)))
    return start, end, text[start:end]


_FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=32)


@st.composite
def results(draw: Any) -> Result:
    """Internally consistent :class:`~claimscope.types.Result` objects (valid offsets),
    for round-trip and renderer tests."""
    text = draw(st.text(min_size=1, max_size=60))
    document = Document(id=draw(st.text(min_size=1, max_size=8)), text=text,
                        title=draw(st.none() | st.text(max_size=10)),
                        metadata=draw(st.dictionaries(
                            st.sampled_from(["style", "published", "conflict"]),
                            st.text(max_size=5), max_size=2)))

    def spans() -> list[tuple[int, int, str]]:
        found = [_span_in(draw, text) for _ in range(draw(st.integers(0, 3)))]
        return [s for s in found if s is not None]

    def pick(values: frozenset[str]) -> Any:
        return draw(st.sampled_from(sorted(values)))

    quantities = [Quantity(start=s, end=e, text=t, low=draw(_FLOATS), high=draw(
        st.none() | _FLOATS), qualifier=pick(QUALIFIERS), unit=draw(st.none() | st.text(
            max_size=5)), kind=pick(QUANTITY_KINDS), plugin="q") for s, e, t in spans()]
    weapons = [Weapon(start=s, end=e, text=t, canonical=t, category=pick(WEAPON_CATEGORIES),
                      origin=draw(st.none() | st.just("US")), generic=draw(st.booleans()))
               for s, e, t in spans()]
    locations = [Location(start=s, end=e, text=t, name=t, kind=pick(LOCATION_KINDS),
                          country="UA", lat=draw(st.floats(-90, 90)),
                          lon=draw(st.floats(-180, 180)), geonames_id=draw(
                              st.none() | st.integers(1, 10**7))) for s, e, t in spans()]
    hedges = [Hedge(start=s, end=e, text=t, kind=pick(HEDGE_KINDS),
                    scope=draw(st.sampled_from(["sentence", "document"])),
                    labels=draw(st.lists(st.text(max_size=4), max_size=2)))
              for s, e, t in spans()]
    attributions = []
    for s, e, t in spans():
        source = Source(start=s, end=e, text=t, kind=pick(SOURCE_KINDS), resolved=t,
                        side=draw(st.none() | st.just("UA")))
        attributions.append(Attribution(source=source, cue=Span(start=s, end=e, text=t),
                                        content=Span(start=s, end=e, text=t),
                                        mode=pick(QUOTE_MODES), date=draw(st.none() | st.just(
                                            "Monday"))))
    claims = []
    for s, e, t in spans():
        claims.append(Claim(
            content=Span(start=s, end=e, text=t), status=draw(st.sampled_from(
                ["asserted", "reported", "unverified", "conditional", "uncertain", "denied"])),
            attribution=draw(st.none() | st.sampled_from(attributions)) if attributions else None,
            quantities=quantities[:1], weapons=weapons[:1], locations=locations[:1],
            hedges=hedges[:1]))
    diagnostics = [Diagnostic(plugin="p", message=draw(st.text(max_size=10)))
                   for _ in range(draw(st.integers(0, 1)))]
    return Result(document=document, quantities=quantities, weapons=weapons,
                  locations=locations, attributions=attributions, hedges=hedges,
                  claims=claims, diagnostics=diagnostics,
                  error=draw(st.none() | st.text(max_size=10)))
