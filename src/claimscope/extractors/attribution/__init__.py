"""The ``attribution`` plugin: who says what, how (direct, indirect, mixed), where and when.

Rules over tokens, the quotation structure and word lists shipped as package data
(``data/*.json``); no parser needed, so fast mode and trained mode give the same result.
"""

from __future__ import annotations

from collections.abc import Callable

from claimscope.extractors.attribution.extractor import AttributionExtractor
from claimscope.extractors.attribution.sides_map import with_sides_map
from claimscope.hookspecs import hookimpl
from claimscope.types import Result

__all__ = ["AttributionExtractor", "claimscope_enrich_result", "claimscope_register_extractors"]


@hookimpl
def claimscope_register_extractors(register: Callable[[AttributionExtractor], None]) -> None:
    """Register the built-in attribution extractor."""
    register(AttributionExtractor())


@hookimpl
def claimscope_enrich_result(result: Result) -> Result:
    """Define the non-ISO side codes the attributions use in the document's ``sides`` map."""
    return with_sides_map(result)
