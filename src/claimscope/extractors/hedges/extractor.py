"""Hedge finder: a phrase lexicon plus a few grammar rules (``patterns.py``).

>>> import spacy
>>> nlp = spacy.blank("en")
>>> [(h.text, h.kind) for h in HedgeExtractor().extract(nlp("It was reportedly hit."))]
[('reportedly', 'uncertain')]
>>> [(h.text, h.kind) for h in HedgeExtractor().extract(nlp("Kyiv did not confirm it."))]
[('did not confirm', 'unverified')]
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib.resources import files
from typing import TYPE_CHECKING, cast

from claimscope.extractors.hedges.patterns import RULES, Classes
from claimscope.matching import PhraseTable
from claimscope.types import HEDGE_KINDS, Hedge, HedgeKind, HedgeScope

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["HedgeExtractor"]

_SENTENCE_END = frozenset({".", "!", "?"})
_BE = frozenset({"was", "were", "is", "are", "be", "been", "being"})
_NEGATED = frozenset({"not", "n't", "never"})


@functools.cache
def _lexicon() -> tuple[PhraseTable, tuple[tuple[str, ...], ...]]:
    raw = json.loads(files(__package__).joinpath("data/hedges.json").read_text("utf-8"))
    pairs = [(phrase, kind) for kind in sorted(HEDGE_KINDS) for phrase in raw[kind]]
    scope = tuple(tuple(p.lower().split()) for p in raw["document_scope"])
    return PhraseTable(pairs), scope


def _sentence(words: list[str], i: int) -> tuple[int, int]:
    """Token range of the sentence around token ``i`` (own rule: same in every mode)."""
    s = i
    while s > 0 and words[s - 1] not in _SENTENCE_END and "\n" not in words[s - 1]:
        s -= 1
    e = i
    while e < len(words) and words[e] not in _SENTENCE_END and "\n" not in words[e]:
        e += 1
    return s, e


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(tuple(words[k : k + size]) == phrase for k in range(len(words) - size + 1))


def _denial_ok(lower: list[str], i: int) -> bool:
    """ "were denied entry" (passive) and "did not deny" are no denials of a claim."""
    j = i - 1
    while j >= 0 and lower[j].endswith("ly") and len(lower[j]) > 3:
        j -= 1
    return j < 0 or (lower[j] not in _BE and lower[j] not in _NEGATED)


def _text(words: list[str], starts: list[int], first: int, last: int) -> str:
    """The document text of tokens ``first..last-1``, rebuilt from tokens and offsets."""
    out = words[first]
    for k in range(first + 1, last):
        out += " " * (starts[k] - starts[k - 1] - len(words[k - 1])) + words[k]
    return out


class HedgeExtractor:
    """Finds hedge phrases; a sentence naming "neither side" etc. scopes the whole text.

    >>> HedgeExtractor().produces
    frozenset({'hedges'})
    """

    name = "hedges"
    version = "0.2.0"
    produces = frozenset({"hedges"})
    uses = frozenset({"sentences"})

    def extract(self, doc: Doc) -> Iterator[Hedge]:
        """Yield one :class:`~claimscope.types.Hedge` per hedge, longest match first.

        >>> import spacy
        >>> doc = spacy.blank("en")("Neither side's claims could be verified.")
        >>> [(h.kind, h.scope) for h in HedgeExtractor().extract(doc)]
        [('unverified', 'document')]
        """
        table, document_cues = _lexicon()
        # Token strings and offsets from one array export: Doc.text and token iteration
        # create a Python object per token, which dominates the run time.
        rows = doc.to_array(["ORTH", "IDX"]).tolist() if len(doc) else []
        strings = doc.vocab.strings
        words = [strings[r[0]] for r in rows]
        lower = [w.lower() for w in words]
        starts = [r[1] for r in rows]
        found: list[tuple[int, int, str]] = [
            (m.start_token, m.end_token, m.key)
            for m in table.find(doc)
            if m.key != "denial" or _denial_ok(lower, m.start_token)
        ]
        classes = Classes.load()
        for rule in RULES:
            found.extend(rule(lower, classes))
        taken: set[int] = set()
        kept: list[tuple[int, int, str]] = []
        for first, last, kind in sorted(found, key=lambda f: (-(f[1] - f[0]), f[0])):
            if last <= first or not taken.isdisjoint(range(first, last)):
                continue
            taken.update(range(first, last))
            kept.append((first, last, kind))
        for first, last, kind in sorted(kept):
            s, e = _sentence(lower, first)
            scope: HedgeScope = (
                "document"
                if kind == "unverified" and any(_contains(lower[s:e], cue) for cue in document_cues)
                else "sentence"
            )
            a, b = starts[first], starts[last - 1] + len(words[last - 1])
            yield Hedge(
                start=a,
                end=b,
                text=_text(words, starts, first, last),
                kind=cast(HedgeKind, kind),
                scope=scope,
            )
