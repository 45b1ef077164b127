"""In-process test plugins that misbehave in every way a third-party plugin can."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from claimscope import hookimpl
from claimscope.types import Hedge, Quantity


class _Base:
    version = "0.0.1"
    uses: frozenset[str] = frozenset()
    produces = frozenset({"hedges"})


class Raising(_Base):
    name = "raising"

    def extract(self, doc: Any) -> Iterator[Hedge]:
        raise RuntimeError("deliberate failure")


class BadOffsets(_Base):
    name = "bad_offsets"

    def extract(self, doc: Any) -> Iterator[Hedge]:
        yield Hedge(start=0, end=len(doc.text) + 5, text="nope", kind="uncertain")
        if doc.text:
            yield Hedge(start=0, end=1, text=doc.text[0], kind="uncertain")


class Undeclared(_Base):
    name = "undeclared"

    def extract(self, doc: Any) -> Iterator[Any]:
        if doc.text:
            yield Quantity(start=0, end=1, text=doc.text[0], low=1, high=1,
                           qualifier="exact", unit=None, kind="count")
        yield "garbage"


class FaultyPlugin:
    """Registers the three faulty extractors above."""

    @hookimpl
    def claimscope_register_extractors(self, register: Callable[[Any], None]) -> None:
        register(Raising())
        register(BadOffsets())
        register(Undeclared())
        register(object())  # not an extractor at all: reported, skipped


class BrokenEnricher:
    @hookimpl
    def claimscope_enrich_result(self, result: Any) -> Any:
        raise ValueError("enricher broke")
