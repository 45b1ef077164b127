"""What an extractor is: the protocol every built-in and third-party extractor follows.

An extractor is a small object with a stable :attr:`~Extractor.name`, a
:attr:`~Extractor.version`, the record kinds it :attr:`~Extractor.produces`, the spaCy
annotations it :attr:`~Extractor.uses` when the pipeline has them, and one method,
:meth:`~Extractor.extract`, that reads a spaCy ``Doc`` and yields records. Plugins hand
extractors to claimscope through the ``claimscope_register_extractors`` hook.

>>> import spacy
>>> from claimscope.types import Hedge
>>> class Reportedly:
...     name = "reportedly"
...     version = "1.0"
...     produces = frozenset({"hedges"})
...     uses = frozenset()
...     def extract(self, doc):
...         for token in doc:
...             if token.lower_ == "reportedly":
...                 yield Hedge(start=token.idx, end=token.idx + len(token),
...                             text=token.text, kind="uncertain")
>>> isinstance(Reportedly(), Extractor)
True
>>> [h.text for h in Reportedly().extract(spacy.blank("en")("It reportedly fell."))]
['reportedly']
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol, runtime_checkable

import attrs

from claimscope.types import Attribution, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["Extractor", "ExtractorInfo", "Record", "ANNOTATIONS"]

#: A record an extractor may yield.
Record = Mention | Attribution

#: spaCy annotations an extractor may declare in :attr:`Extractor.uses`.
ANNOTATIONS: frozenset[str] = frozenset({"parse", "ner", "pos", "lemma", "sentences"})


@runtime_checkable
class Extractor(Protocol):
    """The interface of an extractor (structural: no base class needed)."""

    #: Stable, unique name used to select the extractor (``--extractors``) and to
    #: attribute its records and errors.
    name: str
    #: Version of the extractor's rules or data; shows in ``claimscope plugins``.
    version: str
    #: Record kinds it yields: a subset of ``quantities``, ``weapons``, ``locations``,
    #: ``attributions``, ``hedges``.
    produces: frozenset[str]
    #: spaCy annotations it uses when present (``parse``, ``ner``, ``pos``, ``lemma``);
    #: it must still work without them (fast mode).
    uses: frozenset[str]

    def extract(self, doc: Doc) -> Iterable[Record]:
        """Yield the records found in ``doc``; offsets index ``doc.text``."""
        ...


@attrs.frozen(kw_only=True)
class ExtractorInfo:
    """Who provides an extractor: what ``claimscope plugins`` lists.

    >>> ExtractorInfo(name="weapons", version="0.1", plugin="weapons",
    ...               distribution="claimscope", produces=("weapons",), uses=()).name
    'weapons'
    """

    name: str
    version: str
    #: Name of the pluggy plugin (the entry point name) that registered it.
    plugin: str
    #: Distribution (installed package) the plugin comes from, when known.
    distribution: str | None
    produces: tuple[str, ...]
    uses: tuple[str, ...]
