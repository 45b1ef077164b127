"""A flat, precomputed view of a spaCy Doc's tokens for the recogniser's hot loops.

Creating spaCy ``Token`` objects is the recogniser's main cost, so each Doc is read
once into plain lists (texts, offsets, whitespace, sentence and headline flags).

>>> import spacy
>>> toks = Tokens.of(spacy.blank("en")("KYIV, May 24 — Russia said."))
>>> toks.words[:2], toks.is_cap(5), toks.dateline(0)
(['KYIV', ','], True, True)
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["HYPHENS", "Tokens"]

HYPHENS = frozenset("-‐‑–")
_OPENERS = frozenset({'"', "“", "‘", "(", "—", "-", ":", "–", "'"})


@attrs.frozen
class Tokens:
    """Token texts, lower-cased texts, character offsets, trailing whitespace and flags."""

    text: str
    words: list[str]
    lowers: list[str]
    idx: list[int]
    spaces: list[str]
    sent_starts: list[bool]
    #: True for tokens in a headline-style line where most words are capitalised.
    title_line: list[bool]

    @classmethod
    def of(cls, doc: Doc) -> Tokens:
        """Read ``doc`` once, column by column (no ``Token`` objects: they cost more
        than the whole recogniser)."""
        from spacy.attrs import IDX, LOWER, ORTH, SENT_START, SPACY

        if not len(doc):
            return cls(doc.text, [], [], [], [], [], [])
        strings = doc.vocab.strings
        columns = doc.to_array([ORTH, LOWER, IDX, SPACY, SENT_START]).T.tolist()
        words = [strings[h] for h in columns[0]]
        lowers = [strings[h] for h in columns[1]]
        spaces = [" " if flag else "" for flag in columns[3]]
        starts = [flag == 1 for flag in columns[4]]
        return cls(doc.text, words, lowers, columns[2], spaces, starts,
                   _title_lines(words, spaces))

    def __len__(self) -> int:
        return len(self.words)

    def is_cap(self, i: int) -> bool:
        """Capitalised but not ALL-CAPS ("Kyiv"; a lone capital letter counts)."""
        word = self.words[i]
        return bool(word) and word[0].isupper() and (len(word) == 1 or not word.isupper())

    def is_upper(self, i: int) -> bool:
        """ALL-CAPS word of two or more letters ("KYIV", "US")."""
        word = self.words[i]
        return len(word) > 1 and word.isupper()

    def breaks_after(self, i: int) -> bool:
        """A line break follows token ``i``."""
        return "\n" in self.spaces[i] or "\n" in self.words[i]

    def attached(self, i: int) -> bool:
        """Token ``i`` follows token ``i - 1`` with no space between."""
        return i > 0 and not self.spaces[i - 1]

    def sentence_start(self, i: int) -> bool:
        """Token ``i`` opens a sentence, a line, a quotation or a parenthesis."""
        if i == 0 or self.breaks_after(i - 1) or self.words[i - 1] in _OPENERS:
            return True
        return self.sent_starts[i] or self.words[i - 1] in {".", "!", "?"}

    def dateline(self, i: int) -> bool:
        """ALL-CAPS token ``i`` belongs to a run opening a line ("GAZA CITY, Oct 9 —")."""
        k = i
        while k > 0 and self.words[k - 1].isupper():
            k -= 1
        return k == 0 or self.breaks_after(k - 1)

    def end_char(self, i: int) -> int:
        """Character offset just past token ``i``."""
        return self.idx[i] + len(self.words[i])


def _title_lines(words: list[str], spaces: list[str]) -> list[bool]:
    flags: list[bool] = []
    start = 0
    for i in range(len(words) + 1):
        if i == len(words) or "\n" in words[i] or (i > 0 and "\n" in spaces[i - 1]):
            line = words[start:i]
            long_words = [w for w in line if w.isalpha() and len(w) > 3]
            caps = sum(w[0].isupper() for w in long_words)
            stops = sum(w in {".", "!", "?"} for w in line[:-1])  # headlines are one phrase
            title = 3 <= len(long_words) <= 25 and caps >= 0.7 * len(long_words) and not stops
            flags.extend([title] * (i - start))
            start = i
    return flags
