"""The ``hedges`` plugin: phrases that mark claims as unverified, conditional, uncertain
or denied, from a lexicon shipped as package data (``data/hedges.json``)."""

from __future__ import annotations

from collections.abc import Callable

from claimscope.extractors.hedges.extractor import HedgeExtractor
from claimscope.hookspecs import hookimpl

__all__ = ["HedgeExtractor", "claimscope_register_extractors"]


@hookimpl
def claimscope_register_extractors(register: Callable[[HedgeExtractor], None]) -> None:
    """Register the built-in hedge extractor."""
    register(HedgeExtractor())
