"""A flat, list-based view of a spaCy ``Doc`` that the quantity scanner reads.

Reading plain Python lists is several times faster than touching ``Token`` objects in
the inner loop, and it lets the scanner look a few tokens back and ahead cheaply.

>>> import spacy
>>> view = TokenView(spacy.blank("en")("About 40 tanks."))
>>> view.lower[:3], view.start[1], view.end[2]
(['about', '40', 'tanks'], 6, 14)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["TokenView"]


class TokenView:
    """Token texts, offsets and (when the pipeline has them) tags, as parallel lists."""

    def __init__(self, doc: Doc) -> None:
        self.text: list[str] = [t.text for t in doc]
        self.lower: list[str] = [t.lower() for t in self.text]
        self.start: list[int] = [t.idx for t in doc]
        self.end: list[int] = [s + len(t) for s, t in zip(self.start, self.text, strict=True)]
        self.n = len(self.text)
        self.tagged = doc.has_annotation("TAG")
        self.tag: list[str] = [t.tag_ for t in doc] if self.tagged else []
        self.pos: list[str] = [t.pos_ for t in doc] if self.tagged else []
        # Sentence number per token: the antecedent of "the two" must be close by.
        self.sent: list[int] = self._sentence_numbers(doc)

    @staticmethod
    def _sentence_numbers(doc: Doc) -> list[int]:
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            return [0] * len(doc)
        numbers: list[int] = []
        current = 0
        for token in doc:
            if token.is_sent_start and numbers:
                current += 1
            numbers.append(current)
        return numbers

    def attached(self, i: int) -> bool:
        """True when token ``i`` follows token ``i - 1`` with no space between.

        >>> import spacy
        >>> view = TokenView(spacy.blank("en")("a 19-km bridge"))
        >>> view.attached(2), view.attached(1)
        (True, False)
        """
        return 0 < i < self.n and self.start[i] == self.end[i - 1]

    def is_title(self, i: int) -> bool:
        """True when token ``i`` starts with an upper-case letter."""
        return 0 <= i < self.n and self.text[i][:1].isupper()
