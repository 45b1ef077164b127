"""A flat, fast view of a spaCy ``Doc`` for the attribution rules.

The rules walk tokens left and right of a cue many times; plain Python lists of strings
are much cheaper to index than spaCy token objects. Sentences are segmented here, the
same way in fast and trained mode, so both modes see the same clause boundaries.

>>> import spacy
>>> tv = TokenView.from_text("He said so. She agreed.\\n\\nNew para.")
>>> [tv.words[s:e] for s, e in tv.sentences]
[['He', 'said', 'so', '.'], ['She', 'agreed', '.'], ['New', 'para', '.']]
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["QUOTE_MARKS", "TokenView"]

#: Characters that open or close a quotation, as single tokens.
QUOTE_MARKS = frozenset({'"', "“", "”", "‘", "’", "'", "«", "»", "„", "‟", "``", "''"})
_ENDERS = frozenset({".", "!", "?", "...", "…"})
#: Verbs that attach a question or exclamation in quotes to its speaker.
_QUOTE_VERBS = frozenset({"said", "says", "asked", "asks", "told", "added", "wrote",
                          "shouted", "replied", "exclaimed", "cried", "wondered"})
_CLOSERS = frozenset({'"', "”", "’", "'", "»", ")"})
#: Abbreviations the tokenizer splits from their period ("Lt", ".") that end no sentence.
_ABBREVIATIONS = frozenset({
    "lt", "col", "maj", "brig", "sgt", "capt", "cpl", "pvt", "gen", "adm", "cmdr", "cdr",
    "gov", "sen", "rep", "mr", "mrs", "ms", "dr", "st", "no", "jr", "sr", "prof", "rev",
    "vs", "approx", "dept", "lieut", "gens", "messrs", "mt", "ft", "fig", "vol",
})  # fmt: skip


@functools.cache
def _english() -> Language:
    import spacy

    return spacy.blank("en")


class TokenView:
    """Token texts, offsets, paragraph and sentence indices of one document.

    >>> import spacy
    >>> TokenView.from_text("Hi there.").words
    ['Hi', 'there', '.']
    """

    __slots__ = (
        "brk",
        "cap",
        "end",
        "ent",
        "lower",
        "marks_before",
        "n",
        "para_of",
        "pos",
        "sent_of",
        "sentences",
        "space",
        "start",
        "text",
        "words",
    )  # fmt: skip

    def __init__(self, doc: Doc) -> None:
        # One array export instead of a Python object per token (Doc.text and iteration
        # create one per token, which costs more than all the rules together).
        table = doc.to_array(["ORTH", "IDX", "SPACY"]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        self.words: list[str] = [strings[row[0]] for row in table]
        self.start: list[int] = [row[1] for row in table]
        self.end: list[int] = [row[1] + len(w) for row, w in zip(table, self.words, strict=True)]
        self.text: str = "".join(
            w + " " if row[2] else w for row, w in zip(table, self.words, strict=True)
        )
        self.lower: list[str] = [w.lower() for w in self.words]
        self.space: list[bool] = [bool(row[2]) for row in table]
        # Coarse part-of-speech tags in trained mode (empty strings in fast mode).
        self.pos: list[str] = (
            [t.pos_ for t in doc] if doc.has_annotation("POS") else [""] * len(table)
        )
        # Named-entity labels in trained mode ("PERSON", "GPE" …; empty otherwise).
        self.ent: list[str] = (
            [t.ent_type_ for t in doc] if doc.has_annotation("ENT_IOB") else [""] * len(table)
        )
        self.n: int = len(self.words)
        # A whitespace token holding a newline separates paragraphs (or a headline).
        self.brk: list[bool] = [w.isspace() and "\n" in w for w in self.words]
        self.cap: list[bool] = [w[:1].isupper() for w in self.words]
        # Number of quotation marks before each token: "any mark in s..e?" in O(1).
        self.marks_before: list[int] = [0]
        for w in self.words:
            self.marks_before.append(self.marks_before[-1] + (w in QUOTE_MARKS))
        self.para_of: list[int] = []
        self.sentences: list[tuple[int, int]] = []
        self.sent_of: list[int] = []
        self._segment()

    def _segment(self) -> None:
        """Split into sentences at . ! ? (plus trailing closers) and paragraph breaks."""
        words, n = self.words, self.n
        para = 0
        start = 0
        i = 0
        while i < n:
            if self.brk[i]:
                self._close(start, i)
                self.para_of.append(para)
                para += 1
                start = i + 1
                i += 1
                continue
            self.para_of.append(para)
            if words[i] in _ENDERS and not (
                words[i] == "."
                and i > 0
                and not self.space[i - 1]
                and self.lower[i - 1] in _ABBREVIATIONS
            ):
                j = i + 1
                while j < n and words[j] in _CLOSERS and not self.space[j - 1]:
                    self.para_of.append(para)
                    j += 1
                if j > i + 1 and words[i] in ("?", "!") and self._speech_follows(j):
                    i = j  # '"Why are they shelling us?" asked a resident.' is one sentence
                    continue
                self._close(start, j)
                start = j
                i = j
                continue
            i += 1
        self._close(start, n)
        # Tokens between sentences (breaks) belong to the sentence before them.
        self.sent_of = [0] * n
        for k, (s, _) in enumerate(self.sentences):
            nxt = self.sentences[k + 1][0] if k + 1 < len(self.sentences) else n
            for t in range(s, nxt):
                self.sent_of[t] = k

    def _speech_follows(self, j: int) -> bool:
        """A speech verb opens what follows a quotation ("asked a resident", "Olena said")."""
        return any(w in _QUOTE_VERBS for w in self.lower[j:j + 3]) and not (
            j < self.n and self.brk[j])

    def _close(self, start: int, end: int) -> None:
        while start < end and self.words[start].isspace():
            start += 1
        if start < end:
            self.sentences.append((start, end))

    @classmethod
    def from_text(cls, text: str) -> TokenView:
        """The view of ``text`` tokenised by a shared blank English pipeline (examples, tests).

        >>> TokenView.from_text("Kyiv said so.").words
        ['Kyiv', 'said', 'so', '.']
        """
        return cls(_english()(text))

    def sentence(self, i: int) -> tuple[int, int]:
        """Token range of the sentence holding token ``i``.

        >>> import spacy
        >>> TokenView.from_text("It fell. We left.").sentence(3)
        (3, 6)
        """
        return self.sentences[self.sent_of[i]] if self.sentences else (0, self.n)

    def span_text(self, s: int, e: int) -> tuple[int, int, str]:
        """Character offsets and text covering tokens ``s..e-1``.

        >>> import spacy
        >>> TokenView.from_text("Kyiv said so.").span_text(0, 2)
        (0, 9, 'Kyiv said')
        """
        a, b = self.start[s], self.end[e - 1]
        return a, b, self.text[a:b]
