"""Casualty figures as quantities: "12 civilians were killed", "killed 12 people".

>>> import spacy
>>> doc = spacy.blank("en")("At least 12 civilians were killed and 30 wounded.")
>>> [(q.text, q.low, q.unit, q.labels) for q in CasualtyExtractor().extract(doc)]
[('At least 12 civilians', 12.0, 'civilian', ('casualty:killed',)),
 ('30', 30.0, 'person', ('casualty:wounded',))]
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from claimscope.types import Qualifier, Quantity
from claimscope_casualties.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["CasualtyExtractor"]

_MAX_DIGITS = 15  # longer digit strings are identifiers, not counts


def _number(text: str, words: dict[str, int]) -> float | None:
    lowered = text.lower()
    if lowered in words:
        return float(words[lowered])
    digits = lowered.replace(",", "")
    # ASCII only: "③".isdigit() is true but float("③") fails.
    if digits.isascii() and digits.isdigit() and len(digits) <= _MAX_DIGITS:
        return float(digits)
    return None


def _bounds(value: float, qualifier: str) -> tuple[float | None, float | None]:
    if qualifier in ("at_least", "more_than", "vague"):
        return value, None
    if qualifier == "up_to":
        return None, value
    return value, value


class CasualtyExtractor:
    """Counts of killed, dead, wounded, missing or captured people."""

    name = "casualties"
    version = "0.1.0"
    produces = frozenset({"quantities"})
    uses: frozenset[str] = frozenset()

    def extract(self, doc: Doc) -> Iterator[Quantity]:
        """Yield one labelled quantity per casualty figure."""
        words = lexicon()
        for token in doc:
            value = _number(token.text, words["numbers"])
            if value is not None:
                found = self._figure(doc, token.i, value, words)
                if found is not None:
                    yield found

    def _figure(self, doc: Doc, i: int, value: float, words: dict[str, Any]
                ) -> Quantity | None:
        start, qualifier = self._approximator(doc, i, words)
        end, unit = i + 1, "person"
        vague = doc[i].lower_ in words["approximators"]
        if end < len(doc) and doc[end].lower_ == "of" and vague:
            end += 1  # "dozens of civilians"
        if end < len(doc) and doc[end].lower_ in words["victims"]:
            unit = words["victims"][doc[end].lower_]
            end += 1
        elif doc[end - 1].lower_ == "of":
            end -= 1
        outcome = self._outcome_after(doc, end, words) or self._outcome_before(doc, start, words)
        if outcome is None:
            return None
        low, high = _bounds(value, qualifier)
        span = doc[start:end]
        return Quantity(start=span.start_char, end=span.end_char, text=span.text, low=low,
                        high=high, qualifier=cast(Qualifier, qualifier), unit=unit,
                        kind="count", labels=(f"casualty:{outcome}",))

    @staticmethod
    def _approximator(doc: Doc, i: int, words: dict[str, Any]) -> tuple[int, str]:
        approximators: dict[str, str] = words["approximators"]
        if doc[i].lower_ in approximators:
            return i, approximators[doc[i].lower_]
        for width in (2, 1):
            if i - width >= 0:
                phrase = doc[i - width:i].text.lower()
                if phrase in approximators:
                    return i - width, approximators[phrase]
        return i, "exact"

    @staticmethod
    def _outcome_after(doc: Doc, end: int, words: dict[str, Any]) -> str | None:
        position = end
        while position < len(doc) and position - end < 4 and (
                doc[position].lower_ in words["auxiliaries"]):
            position += 1
        if position < len(doc) and doc[position].lower_ in words["outcomes"]:
            outcome: str = words["outcomes"][doc[position].lower_]
            return outcome
        return None

    @staticmethod
    def _outcome_before(doc: Doc, start: int, words: dict[str, Any]) -> str | None:
        if start > 0 and doc[start - 1].lower_ in words["outcomes"]:
            outcome: str = words["outcomes"][doc[start - 1].lower_]
            return outcome
        return None
