"""The ``locations`` plugin: toponyms resolved offline to a GeoNames-derived index
(``data/gazetteer.tsv.gz``, CC BY 4.0) plus a hand-curated supplement of waters, features
and regions (``data/supplement.json``)."""

from __future__ import annotations

from collections.abc import Callable

from claimscope.extractors.locations.extractor import LocationExtractor
from claimscope.hookspecs import hookimpl

__all__ = ["LocationExtractor", "claimscope_register_extractors"]


@hookimpl
def claimscope_register_extractors(register: Callable[[LocationExtractor], None]) -> None:
    """Register the built-in location extractor."""
    register(LocationExtractor())
