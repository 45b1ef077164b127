"""The one token-level phrase-matching helper shared by the gazetteer extractors.

Gazetteers (weapons, places, cue words) are matched on spaCy tokens, never on
substrings, so "Tor" is not found in "tractor". A :class:`PhraseTable` is built once from
``(phrase, key)`` pairs and compiles a spaCy ``PhraseMatcher`` lazily for each vocab it
meets; :meth:`PhraseTable.find` returns the longest non-overlapping matches.

>>> import spacy
>>> table = PhraseTable([("storm shadow", "Storm Shadow"), ("storm", "storm")])
>>> doc = spacy.blank("en")("Two Storm Shadow missiles and a storm.")
>>> [(m.text, m.key) for m in table.find(doc)]
[('Storm Shadow', 'Storm Shadow'), ('storm', 'storm')]
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Literal

import attrs

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

__all__ = ["PhraseTable", "PhraseMatch", "longest_non_overlapping"]

MatchAttr = Literal["LOWER", "ORTH", "NORM"]


@attrs.frozen
class PhraseMatch:
    """One match: token offsets, character offsets, covered text and the phrase's key."""

    start_token: int
    end_token: int
    start: int
    end: int
    text: str
    key: str


def longest_non_overlapping(matches: Iterable[PhraseMatch]) -> list[PhraseMatch]:
    """Keep the longest matches, dropping any that overlap a longer (or earlier) one.

    >>> a = PhraseMatch(0, 2, 0, 12, "Storm Shadow", "a")
    >>> b = PhraseMatch(0, 1, 0, 5, "Storm", "b")
    >>> [m.key for m in longest_non_overlapping([b, a])]
    ['a']
    """
    ordered = sorted(matches, key=lambda m: (-(m.end_token - m.start_token), m.start_token))
    taken: set[int] = set()
    kept: list[PhraseMatch] = []
    for match in ordered:
        tokens = range(match.start_token, match.end_token)
        if taken.isdisjoint(tokens):
            kept.append(match)
            taken.update(tokens)
    return sorted(kept, key=lambda m: m.start_token)


class PhraseTable:
    """A gazetteer of phrases matched on tokens, compiled per spaCy vocab on first use.

    :param phrases: ``(phrase, key)`` pairs; several phrases may share a key, and one
        phrase may carry several keys (all are reported).
    :param attr: token attribute to compare: ``LOWER`` (case-insensitive, default),
        ``ORTH`` (exact case) or ``NORM``.
    """

    def __init__(self, phrases: Iterable[tuple[str, str]], attr: MatchAttr = "LOWER") -> None:
        self._phrases = tuple(phrases)
        self._attr = attr
        # Vocab objects cannot be weak-referenced; pipelines are few and long-lived, so a
        # small strong cache keyed by identity is enough.
        self._matchers: dict[int, tuple[Vocab, PhraseMatcher]] = {}

    def __len__(self) -> int:
        return len(self._phrases)

    def _matcher(self, vocab: Vocab) -> PhraseMatcher:
        cached = self._matchers.get(id(vocab))
        if cached is not None and cached[0] is vocab:
            return cached[1]
        from spacy.lang.en import English
        from spacy.matcher import PhraseMatcher

        tokenizer = English(vocab=vocab).tokenizer
        matcher = PhraseMatcher(vocab, attr=self._attr)
        by_key: dict[str, list[Doc]] = {}
        for phrase, key in self._phrases:
            by_key.setdefault(key, []).append(tokenizer(phrase))
        for key, docs in by_key.items():
            matcher.add(key, docs)
        if len(self._matchers) >= 8:
            self._matchers.clear()
        self._matchers[id(vocab)] = (vocab, matcher)
        return matcher

    def iter_matches(self, doc: Doc) -> Iterator[PhraseMatch]:
        """Every match in ``doc``, overlapping ones included, in token order."""
        strings = doc.vocab.strings
        for match_id, start, end in self._matcher(doc.vocab)(doc):
            span = doc[start:end]
            yield PhraseMatch(
                start, end, span.start_char, span.end_char, span.text, strings[match_id]
            )

    def find(self, doc: Doc) -> list[PhraseMatch]:
        """The longest non-overlapping matches in ``doc``, in text order."""
        return longest_non_overlapping(self.iter_matches(doc))
