"""Lexicon-based hedge finder.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> [(h.text, h.kind) for h in HedgeExtractor().extract(nlp("It was reportedly hit."))]
[('reportedly', 'uncertain')]
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from importlib.resources import files
from typing import TYPE_CHECKING, cast

from claimscope.matching import PhraseTable
from claimscope.types import HEDGE_KINDS, Hedge, HedgeKind, HedgeScope

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["HedgeExtractor"]


@functools.cache
def _lexicon() -> tuple[PhraseTable, frozenset[str]]:
    raw = json.loads(files(__package__).joinpath("data/hedges.json").read_text("utf-8"))
    pairs = [(phrase, kind) for kind in sorted(HEDGE_KINDS) for phrase in raw[kind]]
    return PhraseTable(pairs), frozenset(p.lower() for p in raw["document_scope"])


class HedgeExtractor:
    """Finds hedge phrases; a sentence naming "neither side" etc. scopes the whole text."""

    name = "hedges"
    version = "0.1.0"
    produces = frozenset({"hedges"})
    uses = frozenset({"sentences"})

    def extract(self, doc: Doc) -> Iterator[Hedge]:
        """Yield one :class:`~claimscope.types.Hedge` per lexicon match."""
        table, document_cues = _lexicon()
        for match in table.find(doc):
            has_sentences = doc.has_annotation("SENT_START") or doc.has_annotation("DEP")
            sentence = doc[match.start_token].sent.text.lower() if has_sentences else ""
            wide = any(cue in sentence for cue in document_cues)
            scope: HedgeScope = "document" if wide else "sentence"
            yield Hedge(start=match.start, end=match.end, text=match.text,
                        kind=cast(HedgeKind, match.key), scope=scope)
