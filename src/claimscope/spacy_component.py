"""claimscope as a spaCy component: ``nlp.add_pipe("claimscope")``.

The factory is registered through spaCy's ``spacy_factories`` entry point. After the
component runs, ``doc._.claimscope`` is the :class:`~claimscope.types.Result` and the
mentions are in ``doc.spans["claimscope.<kind>"]`` (kinds: quantities, weapons,
locations, hedges, sources, cues, claims), labelled by category, kind or status. Only
JSON-able data is stored on the ``Doc`` (``doc.user_data``), so a ``DocBin`` keeps it.

>>> import spacy
>>> nlp = spacy.blank("en")
>>> _ = nlp.add_pipe("claimscope", config={"extractors": ["hedges"]})
>>> doc = nlp("The report was apparently false.")
>>> doc._.claimscope.hedges[0].text
'apparently'
>>> [(s.text, s.label_) for s in doc.spans["claimscope.hedges"]]
[('apparently', 'uncertain')]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from claimscope.types import Result

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["ClaimscopeComponent", "make_claimscope_component", "EXTENSION", "SPAN_KEYS"]

#: Name of the ``Doc`` extension holding the result.
EXTENSION = "claimscope"
_USER_DATA_KEY = "claimscope.result"
#: ``doc.spans`` keys the component fills.
SPAN_KEYS: tuple[str, ...] = tuple(f"claimscope.{kind}" for kind in (
    "quantities", "weapons", "locations", "hedges", "sources", "cues", "claims"))


def _result_of(doc: Doc) -> Result | None:
    data = doc.user_data.get(_USER_DATA_KEY)
    return None if data is None else Result.from_dict(data)


def _ensure_extension() -> None:
    from spacy.tokens import Doc

    if not Doc.has_extension(EXTENSION):
        Doc.set_extension(EXTENSION, getter=_result_of)


class ClaimscopeComponent:
    """Runs the claimscope extractors on each ``Doc`` the pipeline makes."""

    def __init__(self, nlp: Language, extractors: Sequence[str] | None = None,
                 strict: bool = False) -> None:
        from claimscope.pipeline import Pipeline

        _ensure_extension()
        # The host pipeline is the user's: claimscope does not add components to it.
        self._pipeline = Pipeline(nlp=nlp, extractors=extractors, strict=strict,
                                  prepare_nlp=False)

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        if not (doc.has_annotation("SENT_START") or doc.has_annotation("DEP")):
            from spacy.pipeline import Sentencizer

            doc = Sentencizer()(doc)
        result = self._pipeline.process_doc(doc)
        doc.user_data[_USER_DATA_KEY] = result.to_dict()
        _set_spans(doc, result)
        return doc

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterable[Doc]:
        """Annotate a stream of docs (spaCy calls this from ``nlp.pipe``)."""
        for doc in docs:
            yield self(doc)


def _set_spans(doc: Doc, result: Result) -> None:
    labelled: dict[str, list[tuple[int, int, str]]] = {
        "quantities": [(q.start, q.end, q.kind) for q in result.quantities],
        "weapons": [(w.start, w.end, w.category) for w in result.weapons],
        "locations": [(loc.start, loc.end, loc.kind) for loc in result.locations],
        "hedges": [(h.start, h.end, h.kind) for h in result.hedges],
        "sources": [(a.source.start, a.source.end, a.source.kind) for a in result.attributions],
        "cues": [(a.cue.start, a.cue.end, a.mode) for a in result.attributions],
        "claims": [(c.content.start, c.content.end, c.status) for c in result.claims],
    }
    for kind, items in labelled.items():
        spans = [doc.char_span(s, e, label=label, alignment_mode="expand")
                 for s, e, label in items]
        doc.spans[f"claimscope.{kind}"] = [span for span in spans if span is not None]


def make_claimscope_component(nlp: Language, name: str, extractors: list[str] | None,
                              strict: bool) -> ClaimscopeComponent:
    """spaCy factory for the ``claimscope`` component (see the module docs)."""
    return ClaimscopeComponent(nlp, extractors=extractors, strict=strict)


def _register_factory() -> None:
    from spacy.language import Language

    if not Language.has_factory("claimscope"):
        Language.factory("claimscope", default_config={"extractors": None, "strict": False},
                         func=make_claimscope_component)


_register_factory()


