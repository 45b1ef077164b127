"""The one pipeline API: build once, then ``pipeline(text)`` or ``pipeline.pipe(texts)``.

>>> from claimscope import Pipeline
>>> pipeline = Pipeline(extractors=["hedges"])
>>> result = pipeline("The strike reportedly hit a depot.")
>>> [h.text for h in result.hedges]
['reportedly']
"""

from __future__ import annotations

import functools
import itertools
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from claimscope.claims import assemble
from claimscope.documents import REPLACEMENTS_KEY, as_document, replace_surrogates
from claimscope.errors import ExtractorError, PluginLoadError, UnknownExtractorError
from claimscope.nlp import FAST_MODEL, load_nlp
from claimscope.plugins import PluginRegistry, RegisteredExtractor
from claimscope.types import MENTION_KINDS, Diagnostic, Document, Result
from claimscope.validate import kind_of, problem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

    from claimscope.extractor import Extractor, ExtractorInfo

__all__ = ["DEFAULT_MAX_CHARS", "Pipeline", "PipelineSpec", "extract", "process_batch"]

logger = logging.getLogger("claimscope")

#: Documents longer than this many characters get an error result instead of a run.
DEFAULT_MAX_CHARS = 5_000_000


@attrs.frozen
class PipelineSpec:
    """Everything needed to rebuild a pipeline in another process: picklable, hashable.

    >>> spec = PipelineSpec(extractors=("hedges",))
    >>> spec.build()("It was reportedly hit.").hedges[0].kind
    'uncertain'
    """

    model: str = FAST_MODEL
    extractors: tuple[str, ...] | None = None
    strict: bool = False
    max_chars: int = DEFAULT_MAX_CHARS
    time_budget: float | None = None

    def build(self) -> Pipeline:
        """The pipeline for this spec, built once per process and cached."""
        return _cached_pipeline(self)


@functools.lru_cache(maxsize=4)
def _cached_pipeline(spec: PipelineSpec) -> Pipeline:
    return Pipeline(model=spec.model, extractors=spec.extractors, strict=spec.strict,
                    max_chars=spec.max_chars, time_budget=spec.time_budget)


class Pipeline:
    """spaCy plus the selected extractors plus claim assembly, built once.

    :param model: ``"blank"`` for the fast mode, ``"trained"`` or any installed spaCy
        pipeline name or path for the trained mode.
    :param extractors: names of the extractors to run (default: all installed).
    :param strict: re-raise extractor and plugin failures instead of recording them.
    :param max_chars: longer documents get an error result instead of being processed.
    :param time_budget: seconds one extractor may spend on one document; one that takes
        longer is reported in the diagnostics (a warning: its records are kept).
    :param nlp: use this spaCy pipeline instead of loading ``model``.
    :param registry: where plugins come from (default: the ``claimscope`` entry points).
    :raises UnknownExtractorError: when a requested extractor is not installed.
    :raises PluginLoadError: in strict mode, when an installed plugin fails to load.
    """

    def __init__(self, model: str = FAST_MODEL, extractors: Sequence[str] | None = None,
                 strict: bool = False, *, max_chars: int = DEFAULT_MAX_CHARS,
                 time_budget: float | None = None, nlp: Language | None = None,
                 registry: PluginRegistry | None = None, prepare_nlp: bool = True) -> None:
        self.registry = registry if registry is not None else PluginRegistry()
        self.strict = strict
        self.max_chars = max_chars
        self.time_budget = time_budget
        self._model = model
        self._selected = _select(self.registry.extractors(), extractors)
        #: Plugin load and registration problems (also logged).
        self.plugin_errors: tuple[Diagnostic, ...] = tuple(self.registry.load_errors)
        for error in self.plugin_errors:
            logger.warning("plugin %s: %s", error.plugin, error.message)
        if strict and self.plugin_errors:
            raise PluginLoadError("; ".join(
                f"{e.plugin}: {e.message}" for e in self.plugin_errors))
        #: The spaCy ``Language`` the pipeline runs.
        self.nlp: Language = nlp if nlp is not None else load_nlp(model)
        if nlp is None:  # a pipeline handed to us stays as its owner configured it
            self.nlp.max_length = max(self.nlp.max_length, max_chars)
        self._portable = registry is None and nlp is None
        if prepare_nlp:
            plugins = frozenset(r.info.plugin for r in self._selected)
            failures = self.registry.prepare_nlp(self.nlp, plugins)
            if strict and failures:
                raise PluginLoadError("; ".join(f"{f.plugin}: {f.message}" for f in failures))
            self.plugin_errors += tuple(failures)

    @property
    def extractors(self) -> tuple[Extractor, ...]:
        """The selected extractor objects, in running order."""
        return tuple(r.extractor for r in self._selected)

    @property
    def extractor_infos(self) -> tuple[ExtractorInfo, ...]:
        """Name, version and provider of each selected extractor."""
        return tuple(r.info for r in self._selected)

    @property
    def spec(self) -> PipelineSpec:
        """A picklable description that rebuilds this pipeline in another process."""
        return PipelineSpec(model=self._model, strict=self.strict, max_chars=self.max_chars,
                            time_budget=self.time_budget,
                            extractors=tuple(i.name for i in self.extractor_infos))

    def __call__(self, item: str | Document | Any) -> Result:
        """Process one text, :class:`~claimscope.types.Document` or mapping.

        :raises InvalidInputError: when ``item`` holds no text.
        """
        document, warnings = _prepared(as_document(item))
        too_long = self._too_long(document)
        if too_long:
            return too_long
        return self.process_doc(self.nlp(document.text), document, warnings)

    def pipe(self, items: Iterable[str | Document | Any], batch_size: int = 64,
             n_process: int = 1) -> Iterator[Result]:
        """Process many documents lazily, yielding results in input order.

        Memory stays bounded: at most ``batch_size`` documents (times ``n_process`` plus
        one batch in flight per worker) are held at once. An item that is not a document
        yields a result with :attr:`~claimscope.types.Result.error` set; the rest go on.
        ``n_process > 1`` runs worker processes that rebuild the pipeline from
        :attr:`spec` (so only plugins installed through entry points take part).
        """
        if batch_size < 1 or n_process < 1:
            raise ValueError("batch_size and n_process must be at least 1")
        batches = _batched(iter(items), batch_size)
        if n_process > 1 and not self._portable:
            raise ValueError("n_process > 1 rebuilds the pipeline from installed plugins in "
                             "each worker; a custom registry or nlp cannot cross processes")
        if n_process == 1:
            for batch in batches:
                yield from self._process_batch(batch)
            return
        from claimscope.parallel import map_batches

        for records in map_batches(self.spec, batches, n_process):
            yield from (Result.from_dict(record) for record in records)

    def process_batch(self, items: Sequence[Any]) -> list[Result]:
        """Process one batch eagerly (what :meth:`pipe` does per batch)."""
        return self._process_batch(items)

    def _process_batch(self, items: Sequence[Any]) -> list[Result]:
        results: list[Result | None] = []
        pending: list[tuple[int, Document, list[Diagnostic]]] = []
        for item in items:
            try:
                document, warnings = _prepared(as_document(item))
            except Exception as exc:
                results.append(Result(document=Document(id=_item_id(item, len(results)),
                                                        text=""), error=str(exc)))
                continue
            too_long = self._too_long(document)
            results.append(too_long)
            if too_long is None:
                pending.append((len(results) - 1, document, warnings))
        docs = self.nlp.pipe(document.text for _, document, _ in pending)
        for (position, document, warnings), doc in zip(pending, docs, strict=True):
            results[position] = self.process_doc(doc, document, warnings)
        return [r for r in results if r is not None]

    def _too_long(self, document: Document) -> Result | None:
        if len(document.text) <= self.max_chars:
            return None
        return Result(document=document, error=(
            f"document {document.id!r} has {len(document.text)} characters, more than "
            f"max_chars={self.max_chars}"))

    def process_doc(self, doc: Doc, document: Document | None = None,
                    diagnostics: Sequence[Diagnostic] = ()) -> Result:
        """Run the extractors and claim assembly on an already processed spaCy ``Doc``.

        :param diagnostics: earlier remarks on the document, kept in the result.
        """
        document = document if document is not None else as_document(doc.text)
        found: dict[str, list[Any]] = {kind: [] for kind in MENTION_KINDS}
        diagnostics = list(diagnostics)
        for registered in self._selected:
            records, failures = self._run(registered, doc, document.text)
            diagnostics.extend(failures)
            for record in records:
                found[kind_of(record) or ""].append(record)
        for records in found.values():
            records.sort(key=lambda r: (r.start, r.end))
        result = Result(
            document=document, diagnostics=diagnostics, quantities=found["quantities"],
            weapons=found["weapons"], locations=found["locations"],
            attributions=found["attributions"], hedges=found["hedges"])
        sentences = [(s.start_char, s.end_char) for s in doc.sents] if doc.has_annotation(
            "SENT_START") or doc.has_annotation("DEP") else [(0, len(doc.text))]
        result = assemble(result, sentences)
        return self.registry.enrich(result, strict=self.strict)

    def _run(self, registered: RegisteredExtractor, doc: Doc, text: str
             ) -> tuple[list[Any], list[Diagnostic]]:
        info = registered.info

        def blame(message: str) -> Diagnostic:
            return Diagnostic(plugin=info.name, distribution=info.distribution,
                              version=info.version, message=message)

        started = time.perf_counter()
        try:
            produced = list(registered.extractor.extract(doc))
        except Exception as exc:
            if self.strict:
                raise ExtractorError(f"extractor {info.name!r} raised {exc!r}",
                                     plugin=info.name, distribution=info.distribution) from exc
            return [], [blame(f"raised {type(exc).__name__}: {exc}")]
        kept, failures = [], []
        elapsed = time.perf_counter() - started
        if self.time_budget is not None and elapsed > self.time_budget:
            failures.append(attrs.evolve(
                blame(f"took {elapsed:.2f} s, over the {self.time_budget:g} s budget"),
                severity="warning"))
        declared = frozenset(info.produces)
        for record in produced:
            found = problem(record, text, declared)
            if found is None:
                kept.append(attrs.evolve(record, plugin=info.name))
                continue
            if self.strict:
                raise ExtractorError(f"extractor {info.name!r} returned an invalid record: "
                                     f"{found}", plugin=info.name,
                                     distribution=info.distribution)
            failures.append(blame(f"invalid record dropped: {found}"))
        return kept, failures


def _select(available: list[RegisteredExtractor], names: Sequence[str] | None
            ) -> list[RegisteredExtractor]:
    if names is None:
        return sorted(available, key=lambda r: r.info.name)
    by_name = {r.info.name: r for r in available}
    missing = [name for name in names if name not in by_name]
    if missing:
        raise UnknownExtractorError(
            f"no installed extractor named {', '.join(map(repr, missing))}; "
            f"available: {', '.join(sorted(by_name)) or 'none'}")
    return [by_name[name] for name in dict.fromkeys(names)]


def _prepared(document: Document) -> tuple[Document, list[Diagnostic]]:
    """Make the text processable, and say what that changed."""
    warnings = []
    undecodable = document.metadata.get(REPLACEMENTS_KEY)
    if undecodable:
        warnings.append(Diagnostic(plugin="claimscope", severity="warning", message=(
            f"{undecodable} undecodable byte sequence(s) replaced or dropped on reading")))
    document, replaced = replace_surrogates(document)
    if replaced:
        warnings.append(Diagnostic(plugin="claimscope", severity="warning", message=(
            f"{replaced} lone surrogate code point(s) replaced by U+FFFD")))
    return document, warnings


def _batched(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


def _item_id(item: object, position: int) -> str:
    if isinstance(item, dict) and item.get("id") is not None:
        return str(item["id"])
    return f"item-{position}"


def process_batch(spec: PipelineSpec, records: Sequence[Any]) -> list[dict[str, Any]]:
    """Process JSON-able records with the pipeline of ``spec``; return result dicts.

    The pure function every scale-out adapter wraps: only JSON crosses processes.

    >>> process_batch(PipelineSpec(extractors=("hedges",)), ["It was reportedly hit."])[0][
    ...     "hedges"][0]["text"]
    'reportedly'
    """
    return [result.to_dict() for result in spec.build().process_batch(records)]


def extract(item: str | Document | Any, **options: Any) -> Result:
    """Process one text with a pipeline built from ``options`` (cached per options).

    >>> extract("The claim could not be independently verified.",
    ...         extractors=("hedges",)).hedges[0].kind
    'unverified'
    """
    if "extractors" in options and options["extractors"] is not None:
        options["extractors"] = tuple(options["extractors"])
    return PipelineSpec(**options).build()(item)
