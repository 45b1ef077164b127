"""The conformance contract every extractor must pass, for plugin authors and for
``claimscope plugins --check``.

:func:`check_extractor` runs the properties and raises :class:`ContractViolation` naming
the first one that fails; :class:`ExtractorContract` is the same as a pytest class to
subclass::

    class TestMyExtractor(ExtractorContract):
        extractor = MyExtractor()

>>> from claimscope.extractors.hedges import HedgeExtractor
>>> check_extractor(HedgeExtractor(), max_examples=10).name
'hedges'
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any, ClassVar

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimscope.extractor import Extractor
from claimscope.testing.strategies import news_like_texts
from claimscope.validate import problem

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["PROPERTIES", "ContractReport", "ContractViolation", "ExtractorContract",
           "check_extractor"]

#: The properties, in the order they are checked.
PROPERTIES: tuple[str, ...] = (
    "interface", "never_raises", "valid_records", "deterministic", "input_unchanged",
    "linear_time",
)
#: A 4× longer input may take at most this many times longer (quadratic would be 16×).
MAX_GROWTH = 8.0
_SAMPLE = (
    "Russia's Defence Ministry said on Monday that 40 tanks and up to 3,000 troops were "
    "near Bakhmut. \"We hold the line,\" a commander told Reuters. The claim could not be "
    "independently verified, and Kyiv reportedly denied it.\n\n"
)


class ContractViolation(AssertionError):
    """An extractor broke a property of the contract."""

    def __init__(self, extractor: str, prop: str, detail: str) -> None:
        super().__init__(f"extractor {extractor!r} fails {prop!r}: {detail}")
        self.extractor = extractor
        self.property = prop


@attrs.frozen
class ContractReport:
    """What :func:`check_extractor` verified."""

    name: str
    properties: tuple[str, ...]
    #: Time for the 4× input divided by time for the 1× input (best of runs).
    growth: float


def _default_nlp() -> Language:
    from claimscope.nlp import load_nlp

    return load_nlp("blank")


def _state(doc: Doc) -> tuple[str, bytes]:
    from spacy.attrs import DEP, ENT_IOB, ENT_TYPE, HEAD, LEMMA, ORTH, POS, SENT_START, TAG

    array = doc.to_array([ORTH, SENT_START, ENT_IOB, ENT_TYPE, POS, TAG, DEP, HEAD, LEMMA])
    return doc.text, array.tobytes()


def _run(extractor: Extractor, doc: Doc, prop: str) -> list[Any]:
    try:
        return list(extractor.extract(doc))
    except Exception as exc:
        raise ContractViolation(extractor.name, prop,
                                f"raised {type(exc).__name__}: {exc} on {doc.text[:80]!r}"
                                ) from exc


def _check_text(extractor: Extractor, nlp: Language, text: str) -> None:
    doc = nlp(text)
    before = _state(doc)
    first = _run(extractor, doc, "never_raises")
    for record in first:
        found = problem(record, text, frozenset(extractor.produces))
        if found:
            raise ContractViolation(extractor.name, "valid_records",
                                    f"{found} on {text[:80]!r}")
    if _state(doc) != before:
        raise ContractViolation(extractor.name, "input_unchanged",
                                f"the Doc was modified on {text[:80]!r}")
    if _run(extractor, nlp(text), "deterministic") != first:
        raise ContractViolation(extractor.name, "deterministic",
                                f"two runs differ on {text[:80]!r}")


def _best_time(extractor: Extractor, doc: Doc, repeats: int) -> float:
    # CPU time of this process, best of several runs: other load on a shared machine
    # only ever adds time.
    timings = []
    for _ in range(repeats):
        started = time.process_time()
        _run(extractor, doc, "linear_time")
        timings.append(time.process_time() - started)
    return min(timings)


def _growth(extractor: Extractor, nlp: Language, unit: str, attempts: int = 3) -> float:
    small, large = nlp(unit * 16), nlp(unit * 64)
    _run(extractor, small, "linear_time")  # warm caches (lazy data loading)
    growth = float("inf")
    # A busy machine can slow one measurement; a quadratic extractor fails every attempt.
    for _ in range(attempts):
        base = max(_best_time(extractor, small, 7), 1e-5)
        growth = min(growth, _best_time(extractor, large, 7) / base)
        if growth <= MAX_GROWTH:
            break
    return growth


def check_extractor(extractor: object, *, nlp: Language | None = None,
                    max_examples: int = 100, texts: Sequence[str] = ()) -> ContractReport:
    """Check every property of the contract; raise on the first failure.

    :param extractor: the object a plugin registers.
    :param nlp: the spaCy pipeline to make docs with (default: the fast mode's).
    :param max_examples: hypothesis examples of arbitrary and news-like text.
    :param texts: extra texts of your own to check first.
    :raises ContractViolation: naming the extractor and the failed property.
    """
    if not isinstance(extractor, Extractor):
        raise ContractViolation(getattr(extractor, "name", repr(extractor)), "interface",
                                "needs name, version, produces, uses and extract(doc)")
    nlp = nlp if nlp is not None else _default_nlp()
    for text in (*texts, "", " ", "\n\n\n", "\"", "\u200d\u0301"):
        _check_text(extractor, nlp, text)
    _fuzz(extractor, nlp, max_examples)
    growth = _growth(extractor, nlp, _SAMPLE)
    if growth > MAX_GROWTH:
        raise ContractViolation(extractor.name, "linear_time",
                                f"4x the input took {growth:.1f}x the time")
    return ContractReport(name=extractor.name, properties=PROPERTIES, growth=growth)


class ExtractorContract:
    """Subclass in your tests and set :attr:`extractor`; pytest then checks the contract.

    Each property is its own test, so a failure names it.
    """

    #: The extractor under test.
    extractor: ClassVar[Any] = None
    #: Hypothesis examples per property.
    max_examples: ClassVar[int] = 50

    def _nlp(self) -> Language:
        return _default_nlp()

    def test_interface(self) -> None:
        """The extractor has name, version, produces, uses and extract()."""
        assert isinstance(self.extractor, Extractor)

    def test_records_valid_deterministic_and_input_unchanged(self) -> None:
        """Never raises; valid, declared records; same output twice; Doc untouched."""
        _fuzz(self.extractor, self._nlp(), self.max_examples)

    def test_linear_time(self) -> None:
        """Four times the input takes at most :data:`MAX_GROWTH` times as long."""
        assert _growth(self.extractor, self._nlp(), _SAMPLE) <= MAX_GROWTH


def _fuzz(extractor: Extractor, nlp: Language, max_examples: int) -> None:
    @settings(max_examples=max_examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(news_like_texts() | st.text())
    def arbitrary(text: str) -> None:
        _check_text(extractor, nlp, text)

    _check_text(extractor, nlp, _SAMPLE)
    arbitrary()
