"""The ``quantities`` extractor: amounts with their bounds, unit and counted noun.

>>> import spacy
>>> doc = spacy.blank("en")("Officials said more than 1,000 troops and two dead.")
>>> for q in QuantityExtractor().extract(doc):
...     print(q.text, q.low, q.high, q.qualifier, q.unit)
more than 1,000 troops 1000.0 None more_than troop
two dead 2.0 2.0 exact person
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from claimscope.extractors.quantities.scan import scan
from claimscope.extractors.quantities.tokens import TokenView
from claimscope.types import Qualifier, Quantity, QuantityKind

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["QuantityExtractor"]


class QuantityExtractor:
    """Finds counts, distances, areas, masses, money, shares and durations.

    Works on tokens alone (fast mode); with a tagger it also trusts plural noun tags
    and function-word parts of speech to find where the counted noun phrase ends.

    >>> QuantityExtractor().produces
    frozenset({'quantities'})
    """

    name = "quantities"
    version = "0.1.0"
    produces = frozenset({"quantities"})
    uses = frozenset({"pos", "sentences"})

    def extract(self, doc: Doc) -> Iterator[Quantity]:
        """Yield one :class:`~claimscope.types.Quantity` per amount, in text order."""
        view = TokenView(doc)
        text = view.whole
        for hit in scan(view):
            if not 0 <= hit.start < hit.end <= view.n:
                continue  # a grammar bug must never become an exception for the caller
            start, end = view.start[hit.start], view.end[hit.end - 1]
            yield Quantity(start=start, end=end, text=text[start:end], low=hit.low,
                           high=hit.high, qualifier=cast(Qualifier, hit.qualifier),
                           unit=hit.unit, kind=cast(QuantityKind, hit.kind))
