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
    """Token texts, offsets and (when the pipeline has them) tags, as parallel lists.

    >>> import spacy
    >>> TokenView(spacy.blank("en")("Two tanks")).text
    ['Two', 'tanks']
    """

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX, LENGTH

        # One array call instead of a Python Token object per token: the offsets come
        # from C, the texts are slices of the document string.
        columns = doc.to_array([IDX, LENGTH]).reshape(len(doc), 2).T.tolist()
        self.start: list[int] = columns[0]
        self.end: list[int] = [s + n for s, n in zip(columns[0], columns[1], strict=True)]
        # ``Doc.text`` joins every token again on each access: read it once.
        self.whole: str = doc.text
        whole = self.whole
        self.text: list[str] = [whole[s:e] for s, e in zip(self.start, self.end, strict=True)]
        self.lower: list[str] = [t.lower() for t in self.text]
        self.n = len(self.text)
        # ``Doc.has_annotation`` walks Token objects; one array column is much cheaper.
        self.tagged = bool(len(doc)) and bool(doc.to_array("TAG").any())
        self.tag: list[str] = [t.tag_ for t in doc] if self.tagged else []
        self.pos: list[str] = [t.pos_ for t in doc] if self.tagged else []
        # Sentence number per token: the antecedent of "the two" must be close by.
        self.sent: list[int] = self._sentence_numbers(doc)

    @staticmethod
    def _sentence_numbers(doc: Doc) -> list[int]:
        numbers = [0] * len(doc)
        if not len(doc):
            return numbers
        # Sentence starts as one array column (a sentencizer sets them): no Token objects.
        starts = doc.to_array("SENT_START").tolist()
        if any(starts):
            number = -1
            for i, start in enumerate(starts):
                number += start == 1 or i == 0
                numbers[i] = number
            return numbers
        if not doc.to_array("DEP").any():
            return numbers
        for number, sentence in enumerate(doc.sents):
            numbers[sentence.start:sentence.end] = [number] * (sentence.end - sentence.start)
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
