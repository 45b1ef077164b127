"""A guard around spaCy's tokenizer for hostile input.

spaCy splits prefixes and suffixes off a whitespace-delimited chunk one at a time, which
costs time quadratic in the chunk's length: 10,000 quote marks in a row take minutes.
Real words are short, so chunks longer than :data:`LONG_CHUNK` characters are split
linearly instead (runs of word characters, then single other characters); everything
else goes through spaCy's tokenizer unchanged. The Doc's text is always the input text.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> guard = GuardedTokenizer(nlp.tokenizer, nlp.vocab)
>>> doc = guard('He said "' + '"' * 500 + ' no.')
>>> doc.text == 'He said "' + '"' * 500 + ' no.'
True
>>> [t.text for t in guard("Storm Shadow missiles")]
['Storm', 'Shadow', 'missiles']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["LONG_CHUNK", "GuardedTokenizer"]

#: Chunks (runs of non-space characters) at least this long are split linearly.
LONG_CHUNK = 100
_LONG = re.compile(rf"\S{{{LONG_CHUNK},}}")
_PIECE = re.compile(r"\w+|\W", re.UNICODE)


class GuardedTokenizer:
    """Wraps a spaCy tokenizer; behaves exactly like it unless a chunk is very long."""

    def __init__(self, tokenizer: Callable[[str], Doc], vocab: Vocab) -> None:
        self.inner = tokenizer
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        """Tokenize ``text`` in time linear in its length."""
        if _LONG.search(text) is None:
            return self.inner(text)
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        for piece, long_chunk in self._pieces(text):
            if long_chunk:
                parts = _PIECE.findall(piece)
                words.extend(parts)
                spaces.extend([False] * len(parts))
            elif piece:
                for token in self.inner(piece):
                    words.append(token.text)
                    spaces.append(bool(token.whitespace_))
        return Doc(self.vocab, words=words, spaces=spaces)

    @staticmethod
    def _pieces(text: str) -> Iterator[tuple[str, bool]]:
        position = 0
        for match in _LONG.finditer(text):
            yield text[position:match.start()], False
            yield match.group(), True
            position = match.end()
        yield text[position:], False
