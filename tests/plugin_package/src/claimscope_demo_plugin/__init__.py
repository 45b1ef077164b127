"""Percentages written with a per-cent sign ("12%"), as quantities."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import attrs

from claimscope import hookimpl
from claimscope.types import Quantity, Result


class PercentSignExtractor:
    """Finds "<number>%" (the tokenizer splits the sign off the number)."""

    name = "demo_percent"
    version = "0.1.0"
    produces = frozenset({"quantities"})
    uses: frozenset[str] = frozenset()

    def extract(self, doc: Any) -> Iterator[Quantity]:
        for token in doc[:-1]:
            following = doc[token.i + 1]
            if following.text == "%" and token.like_num and not token.whitespace_:
                try:
                    value = float(token.text.replace(",", ""))
                except ValueError:
                    continue
                yield Quantity(start=token.idx, end=following.idx + 1,
                               text=doc.text[token.idx:following.idx + 1], low=value,
                               high=value, qualifier="exact", unit="percent", kind="percent")


@hookimpl
def claimscope_register_extractors(register: Callable[[Any], None]) -> None:
    register(PercentSignExtractor())


@hookimpl
def claimscope_prepare_nlp(nlp: Any) -> None:
    nlp.meta.setdefault("claimscope_plugins", []).append("demo_percent")


@hookimpl
def claimscope_enrich_result(result: Result) -> Result:
    document = attrs.evolve(result.document,
                            metadata={**result.document.metadata, "demo_plugin": "seen"})
    return attrs.evolve(result, document=document)
